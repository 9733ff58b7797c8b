# El editor de la agenda (/console/CÓDIGO/edit), el formulario de un motivo,
# la confirmación para borrar, sus avisos y los motivos por los que se rechaza un formulario.

editor-page-title = Editar { $title }
editor-all-gatherings = ← Todos los encuentros
editor-open-console = Abrir la consola
editor-export-md = Exportar en Markdown
editor-export-json = Exportar en JSON
editor-join-code = Código para unirse
editor-live-note = Este encuentro está en curso: los cambios llegan a los teléfonos y al proyector en cuanto guardas.
editor-gathering = Encuentro
editor-title = Título
editor-optional = (opcional)
editor-opening-scripture = Pasaje de apertura
editor-reference = Cita
editor-reference-example = Isaías 51:14-15
editor-introduction = Introducción
editor-introduction-hint = (opcional: los teléfonos y el proyector la muestran antes del primer motivo)
editor-closing = Palabras de cierre
editor-closing-hint = (opcional, hasta { $count } caracteres: los teléfonos las muestran encima de los motivos por los que seguir orando, y el proyector en su pantalla de cierre; una línea en blanco empieza un párrafo nuevo)
editor-closing-example = Gracias por orar con nosotros esta noche.
editor-time-zone = Zona horaria
editor-time-zone-hint = (el informe y sus descargas dan las horas en ella)
editor-save = Guardar
editor-agenda = Agenda
editor-no-sections = Todavía no hay secciones. Añade la primera abajo, o { $link }.
editor-import-link = importa una guía de oración
editor-section-label = Sección { $title }
editor-section-title = Título de la sección
editor-section-description = Descripción de la sección
editor-section-description-placeholder = Descripción (opcional)
editor-move-section-up = Subir la sección
editor-move-section-down = Bajar la sección
editor-move-up-named = Subir { $title }
editor-move-down-named = Bajar { $title }
editor-move-up = Subir
editor-move-down = Bajar
editor-delete = Borrar
editor-section-named = la sección { $title }
editor-confirm-delete-section =
    { $count ->
        [one] ¿Borrar la sección «{ $title }» y su { $count } motivo?
       *[other] ¿Borrar la sección «{ $title }» y sus { $count } motivos?
    }
editor-confirm-delete-topic = ¿Borrar el motivo «{ $title }»?
editor-praise = Alabanza
editor-sensitive = Delicado
editor-minutes = { $count } min
editor-add-topic-to = + Añadir un motivo a { $title }
editor-add-section = Añadir una sección
editor-section-example = Oremos por | La esclavitud del trabajo forzoso
editor-add-section-button = Añadir la sección
editor-more = Más
editor-duplicate = Duplicar como un encuentro nuevo
editor-delete-gathering = Borrar este encuentro…

topic-edit = Editar el motivo
topic-new = Nuevo motivo
topic-back-to = ← Volver a { $title }
topic-check-fields = Revisa los campos marcados abajo.
topic-title = Título
topic-section = Sección
topic-kind = Tipo
topic-pray = Oración
topic-praise = Alabanza
topic-minutes = Minutos previstos
topic-scripture = Pasaje bíblico
topic-reference = Cita
topic-reference-example = Salmo 146:7
topic-text = Texto
topic-text-hint = Separa los párrafos con una línea en blanco. *cursiva*, **negrita**, listas con “- ” y [enlaces](https://…) se muestran como tales.
topic-notes = Notas privadas
topic-notes-hint = (solo las ves tú, en la consola)
topic-sensitive = Historia delicada: el proyector muestra solo el resumen de abajo; los teléfonos muestran el texto completo tras un breve aviso
topic-summary = Resumen apto para el proyector
topic-save = Guardar el motivo
topic-add = Añadir el motivo

delete-page-title = Borrar { $title }
delete-back-to = ← Volver a { $title }
delete-heading = ¿Borrar «{ $title }»?
delete-explain = Se borrarán su agenda y todos los recuentos guardados. No se puede deshacer. Quizá quieras exportarlo antes.
delete-live = Este encuentro está { $live }: los teléfonos y el proyector lo están siguiendo ahora.
delete-live-word = en curso
delete-type-code = Escribe el código { $code } para borrarlo de todos modos
delete-button = Borrar este encuentro
delete-keep = Conservarlo
delete-live-refused = Este encuentro está en curso. Escribe su código, { $code }, para borrarlo de todos modos.

flash-deleted = Se borró «{ $title }» ({ $code }).
flash-settings-saved = Se guardaron los ajustes del encuentro.
flash-topic-added = Se añadió «{ $title }».
flash-topic-saved = Se guardó «{ $title }».

error-title-empty-gathering = Ponle un título al encuentro.
error-title-empty-section = Ponle un título a la sección.
error-title-empty-topic = Ponle un título al motivo.
error-title-long-gathering = El título del encuentro puede tener como máximo { $max } caracteres (tiene { $count }).
error-title-long-section = El título de la sección puede tener como máximo { $max } caracteres (tiene { $count }).
error-title-long-topic = El título del motivo puede tener como máximo { $max } caracteres (tiene { $count }).
error-text-long = Este texto puede tener como máximo { $max } caracteres (tiene { $count }).
error-closing-long = Las palabras de cierre pueden tener como máximo { $max } caracteres (tienen { $count }).
error-introduction-long = La introducción puede tener como máximo { $max } caracteres.
error-description-long = La descripción de una sección puede tener como máximo { $max } caracteres.
error-reference-long = Una cita como «Isaías 51:14-15» tiene como máximo { $max } caracteres.
error-reference-missing = Indica de dónde es el versículo, por ejemplo «Isaías 51:14-15».
error-kind = Elige oración o alabanza.
error-minutes = Los minutos previstos deben ser un número entero del 1 al { $max }.
error-section-choose = Elige la sección a la que pertenece este motivo.
error-summary-needed = Un motivo delicado necesita un resumen breve que se pueda mostrar en el proyector.
error-section-gone = Esa sección ya no está en este encuentro.
error-time-zone-empty = Indica una zona horaria, por ejemplo America/Mexico_City.
error-time-zone-unknown = «{ $zone }» no es el nombre de una zona horaria. Usa uno como America/Bogota, Europe/Madrid o America/Mexico_City.

## Who leads
leaders-heading = Quién dirige
leaders-owner = Dueño: { $name }
leaders-none = Todavía no hay codirectores.
leaders-remove = Quitar
leaders-remove-confirm = ¿Dejar de compartir este encuentro con { $name }? Sus consolas abiertas de este encuentro se cerrarán.
leaders-add-label = Añadir un codirector por nombre de cuenta
leaders-add = Añadir
leaders-explain = Los codirectores pueden dirigir y editar este encuentro, por ejemplo desde un teléfono al frente mientras tú usas el portátil. Solo tú puedes borrarlo o cambiar con quién se comparte.
leaders-no-account = No hay ninguna cuenta llamada «{ $name }». Revisa cómo se escribe o pide a la persona dueña del servidor que la invite.
leaders-already-owner = { $name } ya es dueño de este encuentro.
leaders-added = { $name } ya puede dirigir este encuentro.
leaders-removed = { $name } ya no dirige este encuentro.
leaders-not-shared = Esa cuenta no codirige este encuentro.
