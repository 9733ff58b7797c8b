# Ce qu’impriment les commandes `intercede` (les textes de --help restent en anglais).

cli-imported = « { $title } » importée comme rencontre en brouillon avec le code { $code }.
cli-set-aside = mis de côté : { $line }
cli-section =
    { $count ->
        [one] { $title } ({ $count } sujet)
       *[other] { $title } ({ $count } sujets)
    }
cli-praise = [louange]
cli-could-not-read = Impossible de lire { $file } : { $error }
cli-could-not-import = Impossible d’importer { $file } : { $error }
cli-could-not-open = Impossible d’ouvrir la base de données { $database } : { $error }
cli-could-not-save = Impossible d’enregistrer la rencontre : { $error }
cli-no-gathering = Aucune rencontre n’a le code { $code } dans { $database }.
cli-could-not-report = Impossible de produire le rapport : { $error }
cli-not-a-code = « { $code } » n’est pas un code de rencontre (six lettres et chiffres, comme K7HQ2M).
cli-could-not-export = Impossible de lire le programme : { $error }
cli-imported-for = Elle appartient à { $name }.

# intercede accounts
cli-could-not-accounts = Impossible de lire ou de modifier les comptes : { $error }
cli-no-accounts = Aucun compte pour l’instant : le compte du propriétaire est créé au premier démarrage du serveur.
cli-no-account = Aucun compte ne s’appelle « { $name } ». Pour voir tous les comptes : intercede accounts list
cli-role-owner = propriétaire
cli-role-facilitator = animateur
cli-state-enabled = actif
cli-state-disabled = désactivé
cli-state-pending = en attente (pas encore de mot de passe)
cli-account-gatherings =
    { $count ->
        [one] { $count } rencontre
       *[other] { $count } rencontres
    }
cli-account-created = créé le { $date }
cli-invite = Un lien pour qu’un nouvel animateur choisisse un nom et un mot de passe. Il ne sert qu’une fois, jusqu’au { $expires } :
cli-reset = Un lien pour que { $name } choisisse un nouveau mot de passe. Il ne sert qu’une fois, jusqu’au { $expires } :
cli-reset-disabled = Le compte { $name } est désactivé : réactivez-le d’abord (intercede accounts enable { $name }).
cli-link-local = Le lien commence par { $base }, qui ne fonctionne que sur cet ordinateur : démarrez avec --public-url (l’adresse par laquelle les autres joignent le serveur) pour imprimer un lien à envoyer.
cli-link-public = Le lien commence par l’adresse de --public-url, { $base }.
cli-owner-not-disabled = { $name } est le compte du propriétaire : il ne peut pas être désactivé.
cli-disabled = Le compte { $name } est désactivé : il ne peut plus se connecter, et ses consoles ouvertes se ferment en quelques secondes sur un serveur en marche.
cli-enabled = Le compte { $name } est réactivé : il peut de nouveau se connecter.
