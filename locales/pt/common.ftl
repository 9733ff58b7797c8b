language-label = Idioma
language-apply = Mudar
gone-signed-out = Sua sessão foi encerrada, aqui ou em outro aparelho, por isso esta página não mostra mais o encontro.
gone-account-disabled = O dono do servidor desativou sua conta, por isso esta página não mostra mais nada.
gone-no-longer-leads = Você não conduz mais este encontro: o dono dele deixou de compartilhá-lo com você.
gone-link-revoked = Este link de moderação foi revogado, por isso esta página não mostra mais pedidos. Peça um link novo a quem conduz se ainda estiver ajudando.
gone-gathering-deleted = Quem conduz excluiu este encontro.
gone-not-found = Esta página não está mais disponível: o link foi revogado ou o encontro foi excluído.
gone-sign-in = Entrar de novo
gone-gatherings = Seus encontros
# A language named inside a sentence, in the reader's language (the language switch names each in its own).
language-name =
    { $code ->
        [en] inglês
        [es] espanhol
        [pt] português
        [fr] francês
        [sw] suaíli
       *[other] { $code }
    }
copy-link = Copiar link
copy-done = Copiado.
copy-select = Selecione o link e copie.
