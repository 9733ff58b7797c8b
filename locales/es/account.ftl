# La página de acceso de quien dirige, la lista de encuentros y el selector
# de idioma de las páginas de quien dirige.

login-title = Acceso para quien dirige
login-name = Tu nombre
login-password = Contraseña
login-button = Entrar
login-here-to-pray = ¿Vienes a orar?
login-join-link = Únete a un encuentro con su código
login-wrong-password = Ese nombre y esa contraseña no coinciden con ninguna cuenta. Inténtalo de nuevo.
login-too-many = Demasiadas contraseñas incorrectas. Espera un minuto antes de volver a intentarlo.
login-busy = El servidor está ocupado comprobando contraseñas. Inténtalo de nuevo en un momento.
login-needed = Entra primero como quien dirige.
signed-out = Has cerrado la sesión.
sign-out = Cerrar sesión

list-title = Tus encuentros
list-new-label = Nuevo encuentro
list-new-placeholder = Noche de oración
list-create = Crear
list-import-or = o { $link } (pega el texto o sube un archivo .txt / .md).
list-import-link = importa una guía de oración
list-empty = Todavía no hay encuentros.
list-col-gathering = Encuentro
list-col-code = Código
list-col-status = Estado
list-col-open = Abrir
list-last-run = Celebrado el { $date }
list-created = Creado el { $date }
list-topics =
    { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    }
list-console = Consola
list-edit = Editar la agenda
list-report = Informe
list-phone = Vista del teléfono
list-projector = Proyector
list-for-title = de { $title }

status-draft = borrador
status-live = en curso
status-ended = terminado
