# La page de connexion de l’animateur, la liste des rencontres et le
# sélecteur de langue des pages de l’animateur.

login-title = Connexion de l’animateur
login-name = Votre nom
login-password = Mot de passe
login-button = Se connecter
login-here-to-pray = Vous venez prier ?
login-join-link = Rejoindre une rencontre avec son code
login-wrong-password = Ce nom et ce mot de passe ne correspondent à aucun compte. Veuillez réessayer.
login-too-many = Trop de mots de passe erronés. Veuillez patienter une minute avant de réessayer.
login-busy = Le serveur est occupé à vérifier des mots de passe. Veuillez réessayer dans un instant.
login-needed = Veuillez d’abord vous connecter en tant qu’animateur.
signed-out = Vous êtes déconnecté.
sign-out = Se déconnecter

list-title = Vos rencontres
list-new-label = Nouvelle rencontre
list-new-placeholder = Soirée de prière
list-create = Créer
list-import-or = ou { $link } (collez le texte ou envoyez un fichier .txt / .md).
list-import-link = importer un guide de prière
list-empty = Il n’y a encore aucune rencontre.
list-col-gathering = Rencontre
list-col-code = Code
list-col-status = État
list-col-open = Ouvrir
list-last-run = Tenue le { $date }
list-created = Créée le { $date }
list-topics =
    { $count ->
        [one] { $count } sujet
       *[other] { $count } sujets
    }
list-console = Console
list-edit = Modifier le programme
list-report = Rapport
list-phone = Vue téléphone
list-projector = Projecteur
list-for-title = de { $title }

status-draft = brouillon
status-live = en cours
status-ended = terminée
