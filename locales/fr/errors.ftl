# Les pages d’erreur qu’une personne peut rencontrer, et les phrases qu’elles portent.

error-page-title = Une erreur s’est produite
error-back-home = Aller à la page d’accueil
error-server = Une erreur s’est produite sur le serveur. Veuillez réessayer.
error-csrf = Ce formulaire a expiré ou vient d’un autre site. Rechargez la page et réessayez.
error-form-too-large = Ce formulaire dépasse { $count } Kio.
error-form-unreadable = Impossible de lire le formulaire. Rechargez la page et réessayez.
error-no-gathering = Aucune rencontre n’a ce code.
error-not-in-gathering-topic = Ce sujet n’est pas dans cette rencontre.
error-not-in-gathering-section = Cette section n’est pas dans cette rencontre.
error-no-action = Cette action n’existe pas.
error-move = Vers le haut ou vers le bas.
error-export-format = Exportez en .md ou en .json.
error-report-format = Les rapports existent en page, en .csv ou en .json.
error-too-slow = La requête a mis trop de temps à arriver. Veuillez réessayer.
error-too-many-connections = Le serveur a trop de connexions ouvertes. Veuillez réessayer dans un instant.
error-restarting = Le serveur redémarre. Veuillez réessayer dans un instant.
error-not-your-gathering = Ce rassemblement appartient à un autre animateur. Demandez-lui de vous ajouter comme co-animateur.
error-owner-only = Seul le propriétaire du rassemblement peut faire cela.
error-server-owner-only = Seul le propriétaire du serveur peut gérer les comptes.
error-cross-site = Ce formulaire venait d’un autre site : il n’a pas été accepté. Ouvrez la page de ce site et réessayez.

control-error-ended = La rencontre est terminée. Rouvrez-la pour continuer.
control-error-no-topics = Ce programme n’a encore aucun sujet.
control-error-unknown-topic = Le sujet { $topic } ne fait pas partie de cette rencontre.
control-error-busy = La base de données est injoignable pour l’instant ; réessayez dans un instant.
error-websocket-only = Cette adresse n’accepte que la connexion en direct de la page.
error-no-download = Ce téléchargement n’existe pas.
error-no-gathering-code = Aucune rencontre n’a le code { $code }.
error-foreign-page = Cette page ne peut pas se connecter ici.
socket-error-rate-limited = Trop de commandes à la fois ; les dernières n’ont pas été appliquées.
socket-error-binary = Les messages sont des trames de texte JSON ; les trames binaires ne sont pas acceptées.
socket-error-console-only = Seule la console de l’animateur peut modifier la rencontre.
socket-error-phones-only = Seuls les téléphones des participants peuvent toucher « Je prie ».
