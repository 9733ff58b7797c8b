attend-connecting = Conectando…
attend-online = En vivo
attend-offline = Sin conexión — tus toques se enviarán cuando vuelva la conexión
attend-offline-ended = Sin conexión
attend-welcome = Bienvenidos
attend-begin-soon = El tiempo de oración comenzará pronto
attend-waiting-help = Mantén esta página abierta. Cada motivo de oración aparecerá aquí a medida que quien dirige nos guíe, y podrás tocar “Estoy orando” para unirte.
attend-praise-label = Alabanza
attend-topic-number = Motivo { $number } de { $total }
attend-advisory = Esta historia describe abusos y puede ser difícil de leer. Toca para leerla.
attend-pray-button = Estoy orando
attend-thanks-button = Estoy dando gracias
attend-counted = Contado — gracias
attend-sending = Enviando…
attend-saved = Guardado — se enviará cuando vuelva la conexión
attend-praying-count =
    { $count ->
        [one] { $count } persona orando
       *[other] { $count } personas orando
    }
attend-thanks-count =
    { $count ->
        [one] { $count } persona dando gracias
       *[other] { $count } personas dando gracias
    }
attend-amen = Amén
attend-keep-heading = Sigamos orando
attend-ended-plain = El tiempo de oración ha terminado. Gracias por acompañarnos en oración.
attend-keep-intro = Estos son los motivos por los que oramos esta noche, cada uno con cuántas personas en la sala oraron por él y si tú lo hiciste. Esta página se queda aquí para que puedas seguir orando por ellos esta semana.
attend-print = Imprimir esta lista
attend-you-prayed = Oraste por esto
attend-room-prayed =
    { $count ->
        [one] { $count } teléfono en la sala oró por esto
       *[other] { $count } teléfonos en la sala oraron por esto
    }
attend-so-far =
    { $count ->
        [one] Hasta ahora: { $count } motivo
       *[other] Hasta ahora: { $count } motivos
    }
attend-we-prayed-for =
    { $count ->
        [one] Oramos por { $count } motivo
       *[other] Oramos por { $count } motivos
    }
attend-noscript = Activa JavaScript para seguir el tiempo de oración en vivo y tocar “Estoy orando”. Vuelve a cargar la página para ver el motivo actual.
attend-busy = Mucha actividad — lo intentamos de nuevo en un momento
attend-not-live = La oración por este motivo aún no ha comenzado
attend-unknown-topic = Ese motivo ya no forma parte del tiempo de oración
attend-error = Algo salió mal — por favor, vuelve a tocar
attend-announce-topic = Nuevo motivo, { $number } de { $total }: { $title }
attend-announce-ended-keep = El tiempo de oración ha terminado. Aquí están los motivos para seguir orando.
attend-announce-ended = El tiempo de oración ha terminado. Gracias por orar.
attend-language-later = El idioma cambiará cuando vuelva la conexión.
attend-too-many-phones = Demasiados teléfonos nuevos se han unido desde tu red en los últimos minutos. Espera un minuto y vuelve a cargar la página.
