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

requests-page-title = Sujets de prière · { $title }
requests-back = Retour à la console
requests-counts = { $new } en attente · { $team } pour l’équipe de prière · { $approved } approuvés · { $hidden } masqués
requests-moderation-note = Rien n'arrive sur les téléphones ni au projecteur avant d'être approuvé. Les sujets réservés à l'équipe de prière n'y arrivent jamais.
requests-none-yet = Aucun sujet pour l'instant. Ils apparaissent ici à mesure que les téléphones les envoient.
requests-group-new = En attente
requests-group-approved = Approuvés
requests-group-hidden = Masqués
requests-words-deleted = Le texte a été effacé à la fin de la durée de conservation.
requests-team-only = Équipe de prière seulement
requests-edited = modifié
requests-prayed-badge = Prié
requests-action-approve = Approuver
requests-action-hide = Masquer
requests-action-requeue = Remettre en attente
requests-action-prayed = Marquer comme prié
requests-action-unprayed = Pas encore prié
requests-edit = Modifier le texte
requests-edit-text = Sujet
requests-edit-name = Prénom
requests-save = Enregistrer
requests-live-offline = Hors ligne : les nouveaux sujets apparaîtront au retour de la connexion.
requests-settings = Après la rencontre
requests-retention = Effacer le texte des sujets après (jours)
requests-retention-note = Seuls les nombres restent pour le rapport.
requests-on-keep-list = Afficher les sujets approuvés pour tous sur la page « Continuez à prier » des téléphones
requests-download = Télécharger les sujets :
requests-links = Liens de modération
requests-links-note = Un assistant ouvre un lien de modération sur un téléphone pour approuver, modifier et masquer les sujets. Il ne peut pas conduire la rencontre, et vous pouvez le révoquer à tout moment.
requests-link-once = Donnez ce lien à votre assistant maintenant : il n'est affiché qu'une fois.
requests-link-type = Ou ouvrez { $address } et tapez
requests-link-label = Nom (facultatif)
requests-link-make = Créer un lien de modération
requests-link-unnamed = Lien de modération { $count }
requests-link-revoked = (révoqué)
requests-link-revoke = Révoquer
requests-console-card = Sujets de prière
requests-console-waiting =
    { $count ->
        [one] { $count } en attente
       *[other] { $count } en attente
    }
requests-console-open = Ouvrir les sujets
requests-error-empty = Le sujet est vide.
requests-error-too-long = Le sujet fait { $count } caractères ; { $max } au plus.
requests-error-name-too-long = Le prénom fait { $count } caractères ; { $max } au plus.
requests-error-audience = Un sujet est pour toute l'assemblée ou seulement pour l'équipe de prière.
requests-error-not-moderation = Un modérateur ne peut pas faire cela.
requests-error-link-label = Le nom d'un lien fait au plus { $max } caractères.
requests-error-retention = Gardez le texte entre 0 et { $max } jours (un nombre entier).
requests-error-no-link = Ce lien de modération n'ouvre rien : il a peut-être été révoqué. Demandez-en un nouveau à la personne qui conduit la rencontre.
requests-error-gone = Ce sujet ne fait plus partie de cette rencontre.
requests-error-link-gone = Ce lien de modération n'est pas celui de cette rencontre, ou il est déjà révoqué.
requests-error-slow-down = Vous venez d'envoyer plusieurs sujets. Vous pourrez en envoyer un autre dans { $minutes } min.
requests-error-full = L'équipe de prière a déjà tous les sujets qu'elle peut recevoir ce soir.
requests-error-busy = Impossible d'enregistrer pour l'instant ; ce sera renvoyé.
requests-error-unknown = On ne peut plus prier ici pour ce sujet.
requests-error-only-phones = Seuls les téléphones des participants peuvent envoyer des sujets ou prier pour eux.
requests-error-guessing = Trop de codes erronés depuis ce réseau. Attendez quelques minutes et réessayez.
requests-report-heading = Sujets de prière
requests-report-received = Reçus
requests-report-approved = Approuvés
requests-report-team = Pour l'équipe de prière seulement
requests-report-prayers = Prières depuis les téléphones
requests-report-link = Les sujets ({ $count } marqués comme priés par l'équipe).

requests-projector-heading = Nous prions pour vos sujets
requests-on-screen = L’écran affiche des sujets de prière : priez pour eux dans la liste ci-dessous.
requests-console-show = Afficher les sujets au projecteur
requests-console-hide = Ne plus afficher les sujets
requests-action-show = Afficher au projecteur
moderate-enter-title = Modérer les demandes de prière
moderate-enter-lead = Saisissez le code de modération que l’animateur vous a donné.
moderate-enter-label = Code de modération
moderate-enter-button = Ouvrir
moderate-enter-error = Un code de modération compte 12 lettres et chiffres, comme ABCD-EFGH-JKMN. Vérifiez-le et réessayez.
requests-group-team = Pour l’équipe de prière seulement
requests-team-note = Seuls les modérateurs lisent ces demandes. Priez pour chacune et marquez-la comme priée : elle n’est jamais affichée sur les téléphones ni au projecteur.
requests-error-team-approve = Une demande pour l’équipe de prière n’est jamais montrée à la salle : elle ne peut pas être approuvée. Priez pour elle et marquez-la comme priée.
requests-on-screen-button = Le grand bouton compte toujours pour ce sujet.
requests-console-screen-note = Le projecteur affiche des sujets de prière, pas ce sujet. Les téléphones affichent toujours ce sujet, et Suivant les fait avancer.
