# Las páginas de error que alguien puede encontrar, y las frases que llevan.

error-page-title = Algo salió mal
error-back-home = Ir a la página de inicio
error-server = Algo salió mal en el servidor. Inténtalo de nuevo.
error-csrf = Este formulario ha caducado o viene de otro sitio. Recarga la página e inténtalo de nuevo.
error-form-too-large = Ese formulario ocupa más de { $count } KiB.
error-form-unreadable = No se pudo leer el formulario. Recarga la página e inténtalo de nuevo.
error-no-gathering = No hay ningún encuentro con ese código.
error-not-in-gathering-topic = Ese motivo no está en este encuentro.
error-not-in-gathering-section = Esa sección no está en este encuentro.
error-no-action = Esa acción no existe.
error-move = Sube o baja.
error-export-format = Exporta como .md o .json.
error-report-format = Los informes se ofrecen como página, .csv o .json.
error-too-slow = La petición tardó demasiado en llegar. Inténtalo de nuevo.
error-too-many-connections = El servidor tiene demasiadas conexiones abiertas. Inténtalo de nuevo en un momento.
error-restarting = El servidor se está reiniciando. Inténtalo de nuevo en un momento.
error-not-your-gathering = Este encuentro pertenece a otra persona que dirige. Pídele que te añada como codirector.
error-owner-only = Solo la persona dueña del encuentro puede hacer esto.
error-server-owner-only = Solo la persona dueña del servidor puede gestionar las cuentas.
error-cross-site = Este formulario vino de otro sitio, así que no se aceptó. Abre la página de este sitio y vuelve a intentarlo.

control-error-ended = El encuentro ha terminado. Reábrelo para continuar.
control-error-no-topics = Esta agenda todavía no tiene temas.
control-error-unknown-topic = El tema { $topic } no está en este encuentro.
control-error-busy = No se puede llegar a la base de datos en este momento; inténtalo de nuevo en un momento.
error-websocket-only = Esta dirección solo acepta la conexión en vivo de la página.
error-no-download = No existe esa descarga.
error-no-gathering-code = Ningún encuentro tiene el código { $code }.
error-foreign-page = Esta página no puede conectarse aquí.
socket-error-rate-limited = Demasiadas órdenes a la vez; las últimas no se aplicaron.
socket-error-binary = Los mensajes son tramas de texto JSON; no se aceptan tramas binarias.
socket-error-console-only = Solo la consola de quien dirige puede cambiar el encuentro.
socket-error-phones-only = Solo los teléfonos de los asistentes pueden tocar “Estoy orando”.
