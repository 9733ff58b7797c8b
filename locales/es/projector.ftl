projector-title = Proyector
projector-welcome = Bienvenidos
projector-begin-soon = El tiempo de oración comenzará pronto
projector-praise = Alabanza
projector-amen = Amén
projector-thanks = Gracias por orar
projector-praying-word =
    { $count ->
       *[other] orando
    }
projector-thanks-word =
    { $count ->
       *[other] dando gracias
    }
projector-here-word =
    { $count ->
        [one] presente
       *[other] presentes
    }
projector-how-to-join = Cómo unirse
projector-join-go = Entra en { $site } y escribe el código
projector-reconnecting = Reconectando…
projector-fullscreen = Pulsa F para pantalla completa
projector-join-with-code = Únete con el código
projector-not-translated = Aún sin traducir a este idioma: el tema está en la otra columna.
