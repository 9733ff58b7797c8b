# What `intercede import`, `report` and `export` print (the --help texts stay in English).

cli-imported = Imported "{ $title }" as a draft gathering with the code { $code }.
cli-set-aside = set aside: { $line }
cli-section =
    { $count ->
        [one] { $title } ({ $count } topic)
       *[other] { $title } ({ $count } topics)
    }
cli-praise = [praise]
cli-could-not-read = Could not read { $file }: { $error }
cli-could-not-import = Could not import { $file }: { $error }
cli-could-not-open = Could not open the database { $database }: { $error }
cli-could-not-save = Could not save the gathering: { $error }
cli-no-gathering = No gathering has the code { $code } in { $database }.
cli-could-not-report = Could not build the report: { $error }
cli-not-a-code = "{ $code }" is not a join code (six letters and digits, like K7HQ2M).
cli-could-not-export = Could not read the agenda: { $error }
