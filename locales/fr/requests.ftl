# Les sujets de prière confiés depuis la salle : la partie du téléphone.

requests-heading = Sujets de prière
requests-share = Confier un sujet de prière
requests-text-label = Votre sujet
requests-name-label = Prénom (facultatif)
requests-who-label = Qui peut prier pour ce sujet ?
requests-for-everyone = Toute l'assemblée
requests-for-team = Seulement l'équipe de prière
requests-send = Envoyer
requests-moderated-note = L'équipe de prière lit chaque sujet avant que quiconque ne le voie.
requests-none = Aucun sujet n'est encore partagé avec tous.
requests-pray-button = Je prie
requests-praying =
    { $count ->
        [one] { $count } prie
       *[other] { $count } prient
    }
requests-characters-left =
    { $count ->
        [one] { $count } caractère restant
       *[other] { $count } caractères restants
    }
requests-sending = Envoi de votre sujet…
requests-saved = Gardé sur ce téléphone : il sera envoyé au retour de la connexion.
requests-received = Reçu. Merci : l'équipe de prière le lira.
requests-received-team = Reçu. Seule l'équipe de prière le lira.
requests-empty = Écrivez d'abord votre sujet.
requests-busy = Le sujet n'a pas pu être envoyé pour l'instant ; il sera renvoyé.
