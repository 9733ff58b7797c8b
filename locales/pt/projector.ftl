projector-title = Projetor
projector-welcome = Bem-vindos
projector-begin-soon = O momento de oração vai começar em breve
projector-praise = Louvor
projector-amen = Amém
projector-thanks = Obrigado por orar
projector-praying-word =
    { $count ->
       *[other] orando
    }
projector-thanks-word =
    { $count ->
       *[other] dando graças
    }
projector-here-word =
    { $count ->
        [one] presente
       *[other] presentes
    }
projector-how-to-join = Como participar
projector-join-go = Acesse { $site } e digite o código
projector-reconnecting = Reconectando…
projector-fullscreen = Pressione F para tela cheia
projector-join-with-code = Participe com o código
projector-not-translated = Ainda não traduzido para esta língua: o tema está na outra coluna.
