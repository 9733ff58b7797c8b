# Lo que imprimen `intercede import` e `intercede report` (los textos de --help siguen en inglés).

cli-imported = Se importó «{ $title }» como un encuentro en borrador con el código { $code }.
cli-set-aside = apartado: { $line }
cli-section =
    { $count ->
        [one] { $title } ({ $count } motivo)
       *[other] { $title } ({ $count } motivos)
    }
cli-praise = [alabanza]
cli-could-not-read = No se pudo leer { $file }: { $error }
cli-could-not-import = No se pudo importar { $file }: { $error }
cli-could-not-open = No se pudo abrir la base de datos { $database }: { $error }
cli-could-not-save = No se pudo guardar el encuentro: { $error }
cli-no-gathering = Ningún encuentro tiene el código { $code } en { $database }.
cli-could-not-report = No se pudo elaborar el informe: { $error }
cli-not-a-code = «{ $code }» no es un código de encuentro (seis letras y números, como K7HQ2M).
cli-could-not-export = No se pudo leer la agenda: { $error }
