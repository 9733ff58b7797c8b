# La console de l’animateur (/console/CODE) et les mots que console.js affiche.
# Les messages qui comptent ($count) utilisés par le script ne choisissent que par catégorie de pluriel.

console-page-title = Console
console-all-gatherings = ← Toutes les rencontres
console-join-code = Code pour rejoindre
console-connecting = Connexion…
console-online = En direct
console-offline = Hors ligne — reconnexion…
console-other-views = Autres vues
console-phone-view = Vue téléphone
console-projector = Projecteur
console-edit = Modifier le programme
console-report = Rapport
console-now-waiting = Écran d’accueil — pas commencée
console-now-ended = Terminée — écran de clôture
console-now-showing = À l’écran
console-projector-blank = Projecteur éteint
console-praise = Louange
console-sensitive = Sensible : le projecteur affiche un résumé
console-topic-number = Sujet { $number } sur { $total }
console-ended-title = La rencontre est terminée
console-press-start = Appuyez sur Commencer pour afficher le premier sujet
console-here = Présents
console-praying = En prière
console-on-topic = Sur ce sujet
console-gathering = Rencontre
console-not-started = Pas commencée
console-ended = Terminée
console-on-plan = Dans les temps
console-behind-plan =
    { $count ->
        [one] { $count } min de retard
       *[other] { $count } min de retard
    }
console-ahead-plan =
    { $count ->
        [one] { $count } min d’avance
       *[other] { $count } min d’avance
    }
console-controls = Commandes de la rencontre
console-previous = ← Précédent
console-start = Commencer →
console-next-button = Suivant →
console-blank = Écran noir
console-unblank = Rallumer
console-show-join = Afficher le code
console-hide-join = Masquer le code
console-next = Ensuite
console-last-topic = C’est le dernier sujet
console-notes = Notes
console-notes-private = (vous seul les voyez)
console-no-notes = Aucune note pour ce sujet.
console-topic-text = Texte du sujet
console-end = Terminer la rencontre
console-reopen = Rouvrir la rencontre
console-shortcuts = Raccourcis clavier
console-shortcuts-toggle = Raccourcis à une touche
console-keys = Touches :
console-key-next = suivant
console-key-previous = précédent
console-key-blank = écran noir
console-key-join = code
console-key-or = ou
console-keys-focused = Sur un bouton sélectionné, Espace et Entrée n’actionnent que ce bouton.
console-agenda = Programme
console-minutes = { $count } min
console-topic-praying = { $count } en prière
console-announce-join-shown = Le code est affiché sur le projecteur.
console-announce-join-hidden = Le code n’est plus affiché sur le projecteur.
console-announce-topic = À l’écran, sujet { $number } sur { $total } : { $title }
console-announce-ended = La rencontre est terminée.
console-announce-blank = Projecteur éteint.
console-announce-unblank = Le projecteur affiche de nouveau.
console-announce-shortcuts-on = Raccourcis clavier activés.
console-announce-shortcuts-off = Raccourcis clavier désactivés.
console-not-connected = Pas de connexion — reconnexion. Réessayez dans un instant.
console-status-ended = La rencontre est terminée. Rouvrez-la pour continuer.
console-status-last = Dernier sujet : terminez la rencontre quand vous êtes prêt.
console-status-first = C’est le premier sujet.
console-status-not-started = Pas encore commencée : appuyez sur Commencer pour afficher le premier sujet.
console-confirm-end = Terminer la rencontre maintenant ? Les téléphones et le projecteur afficheront l’écran de clôture.
console-confirm-reopen = Rouvrir la rencontre ? Les téléphones et le projecteur quitteront l’écran de clôture et afficheront de nouveau le dernier sujet.
console-went-wrong = Une erreur s’est produite.
console-key-space = Espace
console-key-page-down = Pg suiv
console-key-page-up = Pg préc
# Pourquoi le serveur a refusé une commande, d’après le code donné.
console-error-busy = Le serveur est occupé. Réessayez dans un instant.
console-error-rate-limited = Trop de commandes à la fois : certaines ont été ignorées. Patientez un instant.
console-error-unknown-topic = Ce sujet n’est plus dans le programme.
console-error-not-live = Ce sujet n’est pas à l’écran.
console-error-forbidden = Cette console ne peut pas faire cela. Rechargez la page et reconnectez-vous.

# L'historique de la rencontre : quel compte l'a commencée, terminée, rouverte ou modifiée.
console-history-heading = Historique
console-history-none = Pas encore commencée ni modifiée.
console-history-started = Commencée par { $who } le { $when }
console-history-ended = Terminée par { $who } le { $when }
console-history-reopened = Rouverte par { $who } le { $when }
console-history-edited = Modifiée par { $who } le { $when }
