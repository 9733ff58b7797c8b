# Peticiones de oración desde la sala: la parte del teléfono.

requests-heading = Peticiones de oración
requests-share = Compartir una petición de oración
requests-text-label = Tu petición
requests-name-label = Nombre (opcional)
requests-who-label = ¿Quién puede orar por ella?
requests-for-everyone = Todos los presentes
requests-for-team = Solo el equipo de oración
requests-send = Enviar
requests-moderated-note = El equipo de oración lee cada petición antes de que nadie más la vea.
requests-none = Todavía no hay peticiones compartidas con todos.
requests-pray-button = Estoy orando
requests-praying =
    { $count ->
        [one] { $count } orando
       *[other] { $count } orando
    }
requests-characters-left =
    { $count ->
        [one] Queda { $count } carácter
       *[other] Quedan { $count } caracteres
    }
requests-sending = Enviando tu petición…
requests-saved = Guardada en este teléfono: se enviará cuando vuelva la conexión.
requests-received = Recibida. Gracias: el equipo de oración la leerá.
requests-received-team = Recibida. Solo el equipo de oración la leerá.
requests-empty = Escribe primero tu petición.
requests-busy = No se pudo enviar la petición ahora; se intentará de nuevo.

requests-page-title = Peticiones de oración · { $title }
requests-back = Volver a la consola
requests-counts = { $new } en espera · { $team } para el equipo de oración · { $approved } aprobadas · { $hidden } ocultas
requests-moderation-note = Nada llega a los teléfonos ni al proyector hasta que se aprueba. Las peticiones solo para el equipo de oración nunca llegan.
requests-none-yet = Aún no hay peticiones. Aparecerán aquí a medida que los teléfonos las envíen.
requests-group-new = En espera
requests-group-approved = Aprobadas
requests-group-hidden = Ocultas
requests-words-deleted = El texto se borró al terminar el plazo de conservación.
requests-team-only = Solo el equipo de oración
requests-edited = editada
requests-prayed-badge = Orada
requests-action-approve = Aprobar
requests-action-hide = Ocultar
requests-action-requeue = Volver a la cola
requests-action-prayed = Marcar como orada
requests-action-unprayed = Aún no orada
requests-edit = Editar el texto
requests-edit-text = Petición
requests-edit-name = Nombre
requests-save = Guardar
requests-live-offline = Sin conexión: las nuevas peticiones aparecerán cuando vuelva la conexión.
requests-settings = Después del encuentro
requests-retention = Borrar el texto de las peticiones después de (días)
requests-retention-note = Solo quedan los números para el informe.
requests-on-keep-list = Mostrar las peticiones aprobadas para todos en la página «Sigue orando» de los teléfonos
requests-download = Descargar las peticiones:
requests-links = Enlaces de moderación
requests-links-note = Un ayudante abre un enlace de moderación en un teléfono para aprobar, editar y ocultar peticiones. No puede dirigir el encuentro y puedes revocarlo cuando quieras.
requests-link-once = Entrega este enlace a tu ayudante ahora: solo se muestra una vez.
requests-link-type = O abre { $address } y escribe
requests-link-label = Nombre (opcional)
requests-link-make = Crear un enlace de moderación
requests-link-unnamed = Enlace de moderación { $count }
requests-link-revoked = (revocado)
requests-link-revoke = Revocar
requests-console-card = Peticiones de oración
requests-console-waiting =
    { $count ->
        [one] { $count } en espera
       *[other] { $count } en espera
    }
requests-console-open = Abrir las peticiones
requests-error-empty = La petición está vacía.
requests-error-too-long = La petición tiene { $count } caracteres; caben como máximo { $max }.
requests-error-name-too-long = El nombre tiene { $count } caracteres; caben como máximo { $max }.
requests-error-audience = Una petición es para todos los presentes o solo para el equipo de oración.
requests-error-not-moderation = Eso no es algo que pueda hacer un moderador.
requests-error-link-label = El nombre de un enlace puede tener como máximo { $max } caracteres.
requests-error-retention = Conserva el texto entre 0 y { $max } días (un número entero).
requests-error-no-link = Este enlace de moderación no abre nada: puede que se haya revocado. Pide uno nuevo a quien dirige el encuentro.
requests-error-gone = Esa petición ya no está en este encuentro.
requests-error-link-gone = Ese enlace de moderación no es de este encuentro o ya está revocado.
requests-error-slow-down = Acabas de enviar varias peticiones. Podrás enviar otra dentro de { $minutes } min.
requests-error-full = El equipo de oración ya tiene todas las peticiones que puede recibir esta noche.
requests-error-busy = No se pudo guardar ahora; se enviará de nuevo.
requests-error-unknown = Ya no se puede orar aquí por esa petición.
requests-error-only-phones = Solo los teléfonos de los asistentes pueden enviar peticiones u orar por ellas.
requests-error-guessing = Demasiados códigos incorrectos desde esta red. Espera unos minutos e inténtalo de nuevo.
requests-report-heading = Peticiones de oración
requests-report-received = Recibidas
requests-report-approved = Aprobadas
requests-report-team = Solo para el equipo de oración
requests-report-prayers = Oraciones desde los teléfonos
requests-report-link = Las peticiones ({ $count } marcadas como oradas por el equipo).

requests-projector-heading = Oramos por sus peticiones
requests-on-screen = La pantalla muestra peticiones de oración: ora por ellas en la lista de abajo.
requests-console-show = Mostrar las peticiones en el proyector
requests-console-hide = Dejar de mostrar las peticiones
requests-action-show = Mostrar en el proyector
moderate-enter-title = Moderar peticiones de oración
moderate-enter-lead = Escribe el código de moderación que te dio quien dirige.
moderate-enter-label = Código de moderación
moderate-enter-button = Abrir
moderate-enter-error = Un código de moderación tiene 12 letras y números, como ABCD-EFGH-JKMN. Revísalo y vuelve a intentarlo.
requests-group-team = Solo para el equipo de oración
requests-team-note = Solo quienes moderan leen estas peticiones. Ora por cada una y márcala como orada: nunca se muestra en los teléfonos ni en el proyector.
requests-error-team-approve = Una petición para el equipo de oración nunca se muestra a la sala, así que no se puede aprobar. Ora por ella y márcala como orada.
requests-on-screen-button = El botón grande sigue contando para este tema.
requests-console-screen-note = El proyector muestra peticiones de oración, no este tema. Los teléfonos siguen mostrando este tema, y Siguiente los hace avanzar.
