attend-connecting = Conectando…
attend-online = Ao vivo
attend-offline = Sem conexão — seus toques serão enviados quando a conexão voltar
attend-offline-ended = Sem conexão
attend-welcome = Bem-vindos
attend-begin-soon = O momento de oração vai começar em breve
attend-waiting-help = Mantenha esta página aberta. Cada motivo de oração aparecerá aqui conforme quem conduz nos guiar, e você poderá tocar em “Estou orando” para participar.
attend-praise-label = Louvor
attend-topic-number = Motivo { $number } de { $total }
attend-advisory = Esta história descreve abusos e pode ser difícil de ler. Toque para ler.
attend-pray-button = Estou orando
attend-thanks-button = Estou dando graças
attend-counted = Contado — obrigado
attend-sending = Enviando…
attend-saved = Salvo — será enviado quando a conexão voltar
attend-praying-count = { $count } orando
attend-thanks-count = { $count } dando graças
attend-amen = Amém
attend-keep-heading = Continue orando
attend-ended-plain = O momento de oração terminou. Obrigado por estar conosco em oração.
attend-keep-intro = Estes são os motivos pelos quais oramos hoje, cada um com quantas pessoas na sala oraram por ele e se você orou. Esta página continua aqui, para que você siga orando por eles nesta semana.
attend-print = Imprimir esta lista
attend-you-prayed = Você orou por isto
attend-room-prayed =
    { $count ->
        [one] { $count } celular na sala orou por isto
       *[other] { $count } celulares na sala oraram por isto
    }
attend-so-far =
    { $count ->
        [one] Até agora: { $count } motivo
       *[other] Até agora: { $count } motivos
    }
attend-we-prayed-for =
    { $count ->
        [one] Oramos por { $count } motivo
       *[other] Oramos por { $count } motivos
    }
attend-noscript = Ative o JavaScript para acompanhar a oração ao vivo e tocar em “Estou orando”. Recarregue a página para ver o motivo atual.
attend-busy = Muito movimento — tentando de novo em instantes
attend-not-live = A oração por este motivo ainda não começou
attend-unknown-topic = Esse motivo não faz mais parte do momento de oração
attend-error = Algo deu errado — toque de novo, por favor
attend-announce-topic = Novo motivo, { $number } de { $total }: { $title }
attend-announce-ended-keep = O momento de oração terminou. Aqui estão os motivos para continuar orando.
attend-announce-ended = O momento de oração terminou. Obrigado por orar.
attend-language-later = O idioma vai mudar quando a conexão voltar.
attend-too-many-phones = Muitos celulares novos entraram a partir da sua rede nos últimos minutos. Aguarde um minuto e recarregue a página.
