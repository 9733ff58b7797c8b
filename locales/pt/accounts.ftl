# A página de contas do proprietário, os links de convite que ela cria e a
# página onde a pessoa convidada escolhe nome e senha.

accounts-signed-in-as = Conectado como { $name }
accounts-link = Contas
accounts-shared-by = Compartilhado por { $name }
accounts-belongs-to = Pertence a { $name }

accounts-title = Contas de quem conduz
accounts-back = ← Seus encontros
accounts-back-to-list = ← Contas
accounts-invite-heading = Convidar alguém para conduzir
accounts-invite-note =
    { $count ->
        [one] O link funciona uma só vez, por { $count } dia. Nenhum e-mail é enviado: entregue-o você mesmo à pessoa.
       *[other] O link funciona uma só vez, por { $count } dias. Nenhum e-mail é enviado: entregue-o você mesmo à pessoa.
    }
accounts-invite-button = Criar um link de convite
accounts-owner = proprietário
accounts-disabled = desativada
accounts-pending = convite ainda não aceito
accounts-created = Criada em { $date }
accounts-gatherings =
    { $count ->
        [one] { $count } encontro
       *[other] { $count } encontros
    }
accounts-waiting = Há um convite ainda não usado, válido até { $date }.
accounts-link-waiting = Há um link para nova senha ainda não usado, válido até { $date }.
accounts-reset = Link para nova senha
accounts-enable = Ativar
accounts-disable = Desativar…
accounts-disable-explain = { $name } sai na hora, também dos consoles abertos, e não poderá entrar até que a conta seja ativada de novo. Os encontros dessa conta continuam.
accounts-disable-confirm = Desativar { $name }
accounts-disabled-flash = { $name } foi desativada e desconectada.
accounts-enabled-flash = { $name } pode entrar de novo.
accounts-no-such = Essa conta não existe.
accounts-reset-disabled = Esta conta está desativada. Ative-a antes de criar um link para nova senha.
accounts-owner-stays = A conta do proprietário não pode ser desativada.

accounts-link-title = Link de convite
accounts-link-new = Entregue este link à pessoa que você convida. Ela escolhe o nome e a senha.
accounts-link-for = Com este link, { $name } escolhe uma nova senha. As outras sessões dessa conta terminam quando ele é usado.
accounts-link-once = Este link aparece só desta vez. Copie-o agora ou deixe a pessoa escanear o código.
accounts-link-label = Endereço do link
accounts-link-expires = Funciona uma só vez, até { $date }.

invite-title = Boas-vindas ao Intercede
invite-new-lead = Você foi convidado a conduzir encontros. Escolha o nome com que vai entrar e uma senha.
invite-reset-lead = Escolha uma nova senha para { $name }.
invite-password = Nova senha
invite-repeat = Repita a nova senha
invite-password-hint =
    { $count ->
        [one] Pelo menos { $count } caractere.
       *[other] Pelo menos { $count } caracteres.
    }
invite-button = Salvar e entrar
invite-expires = Este link funciona até { $date }.
invite-gone = Este link de convite não pode ser usado: já foi usado, expirou ou nunca foi criado. Peça um novo a quem convidou você.
invite-guessing = Links errados demais vindos da sua rede. Aguarde alguns minutos.
invite-name-empty = Digite um nome.
invite-name-long =
    { $count ->
        [one] O nome pode ter no máximo { $count } caractere.
       *[other] O nome pode ter no máximo { $count } caracteres.
    }
invite-name-taken = Outra conta já tem este nome, ou um que parece igual. Escolha outro.
invite-password-short =
    { $count ->
        [one] A senha precisa de pelo menos { $count } caractere.
       *[other] A senha precisa de pelo menos { $count } caracteres.
    }
invite-password-long =
    { $count ->
        [one] A senha pode ter no máximo { $count } caractere.
       *[other] A senha pode ter no máximo { $count } caracteres.
    }
invite-password-mismatch = As duas senhas não são iguais.
invite-welcome = Boas-vindas, { $name }. Você entrou.
invite-name-invisible = O nome não pode ter caracteres invisíveis, tabulações, quebras de linha nem caracteres que mudem a direção do texto.
invite-name-not-allowed = O nome não pode ter “{ $character }”. Use letras, números, espaços, hífens, pontos, sublinhados ou apóstrofos.
invite-name-mixed = O nome mistura letras de alfabetos diferentes que se parecem. Escreva-o em um só alfabeto.
accounts-co-leads =
    { $count ->
        [one] coconduz { $count } encontro
       *[other] coconduz { $count } encontros
    }
