# Lo que imprimen los comandos de `intercede` (los textos de --help siguen en inglés).

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
cli-imported-for = Pertenece a { $name }.

# intercede accounts
cli-could-not-accounts = No se pudieron leer ni cambiar las cuentas: { $error }
cli-no-accounts = Todavía no hay cuentas: la cuenta de la persona propietaria se crea la primera vez que arranca el servidor.
cli-no-account = Ninguna cuenta se llama «{ $name }». Para ver todas las cuentas: intercede accounts list
cli-role-owner = propietaria
cli-role-facilitator = dirige
cli-state-enabled = activa
cli-state-disabled = desactivada
cli-state-pending = pendiente (aún sin contraseña)
cli-account-gatherings =
    { $count ->
        [one] { $count } encuentro
       *[other] { $count } encuentros
    }
cli-account-created = creada el { $date }
cli-invite = Un enlace para que una nueva persona que dirige elija un nombre y una contraseña. Sirve una sola vez, hasta el { $expires }:
cli-reset = Un enlace para que { $name } elija una nueva contraseña. Sirve una sola vez, hasta el { $expires }:
cli-reset-disabled = La cuenta { $name } está desactivada: actívala primero (intercede accounts enable { $name }).
cli-link-local = El enlace empieza por { $base }, que solo funciona en este ordenador: arranca con --public-url (la dirección con la que otros llegan al servidor) para imprimir un enlace que se pueda enviar.
cli-link-public = El enlace empieza por la dirección de --public-url, { $base }.
cli-owner-not-disabled = { $name } es la cuenta de la persona propietaria: no se puede desactivar.
cli-disabled = La cuenta { $name } está desactivada: ya no puede entrar, y sus consolas abiertas se cierran en unos segundos en un servidor en marcha.
cli-enabled = La cuenta { $name } está activa: puede volver a entrar.
