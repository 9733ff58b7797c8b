projector-title = Projecteur
projector-welcome = Bienvenue
projector-begin-soon = Le temps de prière va bientôt commencer
projector-praise = Louange
projector-amen = Amen
projector-thanks = Merci d’avoir prié
projector-praying-word =
    { $count ->
        [one] prie
       *[other] prient
    }
projector-thanks-word =
    { $count ->
        [one] rend grâce
       *[other] rendent grâce
    }
projector-here-word =
    { $count ->
        [one] présent
       *[other] présents
    }
projector-how-to-join = Comment nous rejoindre
projector-join-go = Allez sur { $site } et saisissez le code
projector-reconnecting = Reconnexion…
projector-fullscreen = Appuyez sur F pour passer en plein écran
projector-join-with-code = Rejoignez-nous avec le code
projector-not-translated = Pas encore traduit dans cette langue : le sujet est dans l’autre colonne.
