# The projector page (/p/CODE). The words after the big numbers are chosen by
# the number ($count) so each language can agree them with it.

projector-title = Projector
projector-welcome = Welcome
projector-begin-soon = The gathering will begin soon
projector-praise = Praise
projector-amen = Amen
projector-thanks = Thank you for praying
projector-praying-word =
    { $count ->
       *[other] praying
    }
projector-thanks-word =
    { $count ->
       *[other] giving thanks
    }
projector-here-word =
    { $count ->
       *[other] here
    }
projector-how-to-join = How to join
# $site is shown in bold.
projector-join-go = Go to { $site } and enter the code
projector-reconnecting = Reconnecting…
projector-fullscreen = Press F for full screen
# Above the join code in the corner while a topic is shown.
projector-join-with-code = Join with code
projector-not-translated = Not translated into this language yet: the topic is in the other column.
