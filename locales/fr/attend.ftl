attend-connecting = Connexion…
attend-online = En direct
attend-offline = Hors ligne — vos appuis seront envoyés au retour de la connexion
attend-offline-ended = Hors ligne
attend-welcome = Bienvenue
attend-begin-soon = Le temps de prière va bientôt commencer
attend-waiting-help = Gardez cette page ouverte. Chaque sujet de prière apparaîtra ici au fil de la rencontre, et vous pourrez appuyer sur « Je prie » pour vous joindre à nous.
attend-praise-label = Louange
attend-topic-number = Sujet { $number } sur { $total }
attend-advisory = Ce témoignage décrit des abus et peut être difficile à lire. Appuyez pour le lire.
attend-pray-button = Je prie
attend-thanks-button = Je rends grâce
attend-counted = Compté — merci
attend-sending = Envoi…
attend-saved = Enregistré — sera envoyé au retour de la connexion
attend-praying-count =
    { $count ->
        [one] { $count } personne prie
       *[other] { $count } personnes prient
    }
attend-thanks-count =
    { $count ->
        [one] { $count } personne rend grâce
       *[other] { $count } personnes rendent grâce
    }
attend-amen = Amen
attend-keep-heading = Continuons à prier
attend-ended-plain = La rencontre est terminée. Merci d’avoir prié avec nous.
attend-keep-intro = Voici les sujets pour lesquels nous avons prié ce soir, chacun avec le nombre de personnes de la salle qui ont prié pour lui, et si vous l’avez fait. Cette page reste disponible pour que vous puissiez continuer à prier pour eux cette semaine.
attend-print = Imprimer cette liste
attend-you-prayed = Vous avez prié pour ce sujet
attend-room-prayed =
    { $count ->
        [one] { $count } téléphone dans la salle a prié pour ce sujet
       *[other] { $count } téléphones dans la salle ont prié pour ce sujet
    }
attend-so-far =
    { $count ->
        [one] Jusqu’ici : { $count } sujet
       *[other] Jusqu’ici : { $count } sujets
    }
attend-we-prayed-for =
    { $count ->
        [one] Nous avons prié pour { $count } sujet
       *[other] Nous avons prié pour { $count } sujets
    }
attend-noscript = Activez JavaScript pour suivre la rencontre en direct et appuyer sur « Je prie ». Rechargez la page pour voir le sujet en cours.
attend-busy = Serveur occupé — nouvel essai dans un instant
attend-not-live = La prière pour ce sujet n’a pas encore commencé
attend-unknown-topic = Ce sujet ne fait plus partie de la rencontre
attend-error = Un problème est survenu — veuillez appuyer de nouveau
attend-announce-topic = Nouveau sujet, { $number } sur { $total } : { $title }
attend-announce-ended-keep = La rencontre est terminée. Voici les sujets pour continuer à prier.
attend-announce-ended = La rencontre est terminée. Merci d’avoir prié.
attend-language-later = La langue changera au retour de la connexion.
attend-too-many-phones = Trop de nouveaux téléphones se sont connectés depuis votre réseau ces dernières minutes. Patientez une minute, puis rechargez la page.
