# Ce qu’impriment `intercede import` et `intercede report` (les textes de --help restent en anglais).

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
