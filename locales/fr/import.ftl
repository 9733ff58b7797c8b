# Importer un guide de prière : le formulaire, l’aperçu, ce que l’importateur
# a reconnu (aussi imprimé par `intercede import`) et pourquoi un guide est refusé.

import-title = Importer un guide de prière
import-all-gatherings = ← Toutes les rencontres
import-lead = Collez le guide tel que vous l’avez reçu (un feuillet, un e-mail, une page web) ou envoyez un fichier .txt ou .md. Vous verrez ce qu’Intercede a reconnu avant que rien ne soit créé.
import-guide-title = Titre
import-guide-title-hint = (facultatif : sinon tiré du guide)
import-text = Texte du guide
import-file = …ou un fichier
import-preview-button = Aperçu
import-too-large = Ce guide dépasse { $count } Kio. Découpez-le ou collez seulement la partie utile.
# The title of a guide that has none of its own (the facilitator can rename it).
import-default-title = Guide de prière importé

preview-page-title = Aperçu de l’importation
preview-heading = Aperçu : { $title }
preview-will-create =
    { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    } et { $count ->
        [one] { $count } sujet
       *[other] { $count } sujets
    } seront créés dans une rencontre en brouillon.
preview-opening = Texte biblique d’ouverture : { $reference }.
preview-change-here = Modifiez ici les titres, les types et ce qui est un sujet, ou tout modifier ensuite.
preview-recognised = Ce qui a été reconnu
preview-gathering-title = Titre de la rencontre
preview-set-aside = Mis de côté
preview-set-aside-explain = L’en-tête d’un e-mail transféré : il ne devient pas des sujets et n’est pas gardé dans la rencontre.
preview-introduction = Introduction
preview-no-introduction = Aucune trouvée. Les téléphones et le projecteur n’affichent que le titre avant le premier sujet.
preview-introduction-shown = Affichée sur les téléphones et le projecteur avant le premier sujet.
preview-section = Section { $title }
preview-section-description = Description de la section
preview-description-as-topic = En faire plutôt le premier sujet de la section
preview-no-topics = Aucun sujet.
preview-title = Titre
preview-kind = Type
preview-pray = Prière
preview-praise = Louange
preview-sensitive = Sensible
preview-paragraph-is = Ce paragraphe est
preview-place-topic = Un sujet
preview-place-description = La description de la section
preview-place-introduction = L’introduction
preview-place-closing = Le mot de la fin
preview-minutes = { $count } min
preview-flagged = Signalé comme sensible : il { $reason }. Le projecteur affiche : « { $summary } »
preview-text = Texte
preview-closing = Mot de la fin
preview-no-closing = Aucun trouvé. Vous pouvez ajouter un mot de la fin dans l’éditeur.
preview-closing-shown = Affiché sur les téléphones et le projecteur à la fin de la rencontre.
preview-create = Créer cette rencontre
preview-again = Recommencer

note-title = Titre : { $title }
note-title-replacing = Titre : { $title } (à la place du titre du guide, « { $own } »)
note-title-subject = Titre : { $title } (l’objet de l’e-mail transféré ; renommez-le si vous voulez)
note-title-sentence = Titre : { $title } (tiré de la première phrase du guide ; renommez-le si vous voulez)
note-title-default = Titre : { $title } (le guide n’a pas de ligne de titre ; renommez-le si vous voulez)
note-set-aside =
    { $count ->
        [one] Mis de côté : l’en-tête de l’e-mail transféré ({ $count } ligne), pas transformé en sujets
       *[other] Mis de côté : l’en-tête de l’e-mail transféré ({ $count } lignes), pas transformé en sujets
    }
note-opening = Texte biblique d’ouverture : { $reference }
note-opening-unreferenced = Texte biblique d’ouverture : une citation sans référence
note-no-opening = Aucun texte biblique d’ouverture trouvé
note-no-introduction = Aucune introduction trouvée
note-introduction = Introduction : { $glimpse }
note-no-closing = Aucun mot de la fin trouvé
note-closing = Mot de la fin : { $glimpse }
note-section =
    { $count ->
        [one] Section « { $title } » : { $count } sujet
       *[other] Section « { $title } » : { $count } sujets
    }
note-section-praise =
    { $count ->
        [one] Section « { $title } » : { $count } sujet ({ $praise } de louange)
       *[other] Section « { $title } » : { $count } sujets ({ $praise } de louange)
    }
note-sensitive = Sensible : « { $title } » { $reason } ; le projecteur affiche un résumé à la place
note-summary =
    { $count ->
        [one] { $count } sujet
       *[other] { $count } sujets
    } en { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }, environ { $minutes } minutes prévues
reason-words = parle de « { $words } »
reason-marked = est signalé comme sensible dans le guide

import-error-empty = Le guide est vide. Collez le texte d’un guide de prière ou choisissez un fichier qui contient du texte.
import-error-too-large = Le fichier est trop volumineux pour être importé ({ $bytes } octets ; la limite est de 1 Mo). Collez seulement le texte du guide de prière ou découpez-le en fichiers plus petits.
import-error-not-text = Ce fichier n’est pas du texte brut. Enregistrez le guide de prière en fichier .txt ou .md (UTF-8), ou copiez son texte et collez-le.
import-error-bad-json = Ce n’est pas un export de programme qu’Intercede sait lire ({ $detail }). Choisissez le fichier .json exporté depuis Intercede, sans modification.
note-translation = Traduction : { $language } ({ $code })
