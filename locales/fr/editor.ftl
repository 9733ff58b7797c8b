# L’éditeur du programme (/console/CODE/edit), le formulaire d’un sujet, la
# confirmation de suppression, leurs confirmations et les raisons d’un refus.

editor-page-title = Modifier { $title }
editor-all-gatherings = ← Toutes les rencontres
editor-open-console = Ouvrir la console
editor-export-md = Exporter en Markdown
editor-export-json = Exporter en JSON
editor-join-code = Code pour rejoindre
editor-live-note = Cette rencontre est en cours : les modifications arrivent sur les téléphones et le projecteur dès que vous enregistrez.
editor-gathering = Rencontre
editor-title = Titre
editor-optional = (facultatif)
editor-opening-scripture = Texte biblique d’ouverture
editor-reference = Référence
editor-reference-example = Ésaïe 51.14-15
editor-introduction = Introduction
editor-introduction-hint = (facultatif : les téléphones et le projecteur l’affichent avant le premier sujet)
editor-closing = Mot de la fin
editor-closing-hint = (facultatif, jusqu’à { $count } caractères : les téléphones l’affichent au-dessus des sujets pour lesquels continuer à prier, et le projecteur sur son écran de clôture ; une ligne vide commence un nouveau paragraphe)
editor-closing-example = Merci d’avoir prié avec nous ce soir.
editor-time-zone = Fuseau horaire
editor-time-zone-hint = (le rapport et ses téléchargements donnent les heures dans ce fuseau)
editor-save = Enregistrer
editor-agenda = Programme
editor-no-sections = Pas encore de sections. Ajoutez la première ci-dessous, ou { $link }.
editor-import-link = importez un guide de prière
editor-section-label = Section { $title }
editor-section-title = Titre de la section
editor-section-description = Description de la section
editor-section-description-placeholder = Description (facultative)
editor-move-section-up = Monter la section
editor-move-section-down = Descendre la section
editor-move-up-named = Monter { $title }
editor-move-down-named = Descendre { $title }
editor-move-up = Monter
editor-move-down = Descendre
editor-delete = Supprimer
editor-section-named = la section { $title }
editor-confirm-delete-section =
    { $count ->
        [one] Supprimer la section « { $title } » et son { $count } sujet ?
       *[other] Supprimer la section « { $title } » et ses { $count } sujets ?
    }
editor-confirm-delete-topic = Supprimer le sujet « { $title } » ?
editor-praise = Louange
editor-sensitive = Sensible
editor-minutes = { $count } min
editor-add-topic-to = + Ajouter un sujet à { $title }
editor-add-section = Ajouter une section
editor-section-example = Prions pour | Le travail forcé
editor-add-section-button = Ajouter la section
editor-more = Plus
editor-duplicate = Dupliquer en une nouvelle rencontre
editor-delete-gathering = Supprimer cette rencontre…

topic-edit = Modifier le sujet
topic-new = Nouveau sujet
topic-back-to = ← Retour à { $title }
topic-check-fields = Veuillez vérifier les champs signalés ci-dessous.
topic-title = Titre
topic-section = Section
topic-kind = Type
topic-pray = Prière
topic-praise = Louange
topic-minutes = Minutes prévues
topic-scripture = Texte biblique
topic-reference = Référence
topic-reference-example = Psaume 146.7
topic-text = Texte
topic-text-hint = Séparez les paragraphes par une ligne vide. *italique*, **gras**, les listes avec « - » et les [liens](https://…) s’affichent comme tels.
topic-notes = Notes privées
topic-notes-hint = (vous seul les voyez, sur la console)
topic-sensitive = Témoignage sensible : le projecteur n’affiche que le résumé ci-dessous ; les téléphones affichent le texte complet après un court avertissement
topic-summary = Résumé pour le projecteur
topic-save = Enregistrer le sujet
topic-add = Ajouter le sujet

delete-page-title = Supprimer { $title }
delete-back-to = ← Retour à { $title }
delete-heading = Supprimer « { $title } » ?
delete-explain = Cela supprime son programme et tous les comptes enregistrés. C’est irréversible. Vous voudrez peut-être l’exporter d’abord.
delete-live = Cette rencontre est { $live } : les téléphones et le projecteur la suivent en ce moment.
delete-live-word = en cours
delete-type-code = Tapez le code { $code } pour la supprimer quand même
delete-button = Supprimer cette rencontre
delete-keep = La garder
delete-live-refused = Cette rencontre est en cours. Tapez son code, { $code }, pour la supprimer quand même.

flash-deleted = « { $title } » ({ $code }) a été supprimée.
flash-settings-saved = Les réglages de la rencontre sont enregistrés.
flash-topic-added = « { $title } » a été ajouté.
flash-topic-saved = « { $title } » a été enregistré.

error-title-empty-gathering = Veuillez donner un titre à la rencontre.
error-title-empty-section = Veuillez donner un titre à la section.
error-title-empty-topic = Veuillez donner un titre au sujet.
error-title-long-gathering = Le titre de la rencontre ne doit pas dépasser { $max } caractères (il en a { $count }).
error-title-long-section = Le titre de la section ne doit pas dépasser { $max } caractères (il en a { $count }).
error-title-long-topic = Le titre du sujet ne doit pas dépasser { $max } caractères (il en a { $count }).
error-text-long = Ce texte ne doit pas dépasser { $max } caractères (il en a { $count }).
error-closing-long = Le mot de la fin ne doit pas dépasser { $max } caractères (il en a { $count }).
error-introduction-long = L’introduction ne doit pas dépasser { $max } caractères.
error-description-long = La description d’une section ne doit pas dépasser { $max } caractères.
error-reference-long = Une référence comme « Ésaïe 51.14-15 » compte au plus { $max } caractères.
error-reference-missing = Veuillez indiquer d’où vient le verset, par exemple « Ésaïe 51.14-15 ».
error-kind = Choisissez prière ou louange.
error-minutes = Les minutes prévues doivent être un nombre entier de 1 à { $max }.
error-section-choose = Choisissez la section de ce sujet.
error-summary-needed = Un sujet sensible a besoin d’un court résumé que l’on peut afficher sur le projecteur.
error-section-gone = Cette section n’est plus dans cette rencontre.
error-time-zone-empty = Veuillez indiquer un fuseau horaire, par exemple Europe/Paris.
error-time-zone-unknown = « { $zone } » n’est pas un nom de fuseau horaire. Utilisez-en un comme Europe/Paris, Africa/Abidjan ou America/Montreal.

## Who leads
leaders-heading = Qui anime
leaders-owner = Propriétaire : { $name }
leaders-none = Pas encore de co-animateurs.
leaders-remove = Retirer
leaders-remove-confirm = Ne plus partager ce rassemblement avec { $name } ? Ses consoles ouvertes pour ce rassemblement se fermeront.
leaders-add-label = Ajouter un co-animateur par nom de compte
leaders-add = Ajouter
leaders-explain = Les co-animateurs peuvent animer et modifier ce rassemblement, par exemple depuis un téléphone à l’avant pendant que vous utilisez l’ordinateur. Vous seul pouvez le supprimer ou changer avec qui il est partagé.
leaders-no-account = Aucun compte ne s’appelle « { $name } ». Vérifiez l’orthographe, ou demandez au propriétaire du serveur de l’inviter.
leaders-already-owner = { $name } est déjà propriétaire de ce rassemblement.
leaders-added = { $name } peut maintenant animer ce rassemblement.
leaders-removed = { $name } n’anime plus ce rassemblement.
leaders-not-shared = Ce compte n’est pas co-animateur de ce rassemblement.
