# Pedidos de oração da sala: a parte do telemóvel.

requests-heading = Pedidos de oração
requests-share = Partilhar um pedido de oração
requests-text-label = O seu pedido
requests-name-label = Nome próprio (opcional)
requests-who-label = Quem pode orar por ele?
requests-for-everyone = Todos os presentes
requests-for-team = Só a equipa de oração
requests-send = Enviar
requests-moderated-note = A equipa de oração lê cada pedido antes de mais alguém o ver.
requests-none = Ainda não há pedidos partilhados com todos.
requests-pray-button = Estou a orar
requests-praying =
    { $count ->
        [one] { $count } a orar
       *[other] { $count } a orar
    }
requests-characters-left =
    { $count ->
        [one] Resta { $count } carácter
       *[other] Restam { $count } caracteres
    }
requests-sending = A enviar o seu pedido…
requests-saved = Guardado neste telemóvel: será enviado quando a ligação voltar.
requests-received = Recebido. Obrigado: a equipa de oração vai lê-lo.
requests-received-team = Recebido. Só a equipa de oração o vai ler.
requests-empty = Escreva primeiro o seu pedido.
requests-busy = Não foi possível enviar o pedido agora; será tentado de novo.
