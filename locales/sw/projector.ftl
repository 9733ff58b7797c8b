projector-title = Projekta
projector-welcome = Karibu
projector-begin-soon = Maombi yataanza hivi punde
projector-praise = Sifa
projector-amen = Amina
projector-thanks = Asante kwa kuomba
projector-praying-word =
    { $count ->
        [one] anaomba
       *[other] wanaomba
    }
projector-thanks-word =
    { $count ->
        [one] anashukuru
       *[other] wanashukuru
    }
projector-here-word =
    { $count ->
        [one] yupo
       *[other] wapo
    }
projector-how-to-join = Jinsi ya kujiunga
projector-join-go = Nenda { $site } kisha uweke msimbo
projector-reconnecting = Inaunganisha tena…
projector-fullscreen = Bonyeza F kwa skrini nzima
projector-join-with-code = Jiunge kwa msimbo
projector-not-translated = Bado haijatafsiriwa kwa lugha hii: mada iko kwenye safu nyingine.
