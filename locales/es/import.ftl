# Importar una guía de oración: el formulario, la vista previa, lo que el
# importador reconoció (también lo imprime `intercede import`) y por qué se rechaza una guía.

import-title = Importar una guía de oración
import-all-gatherings = ← Todos los encuentros
import-lead = Pega la guía tal como la recibiste (una hoja, un correo, una página web) o sube un archivo .txt o .md. Verás lo que Intercede reconoció antes de que se cree nada.
import-guide-title = Título
import-guide-title-hint = (opcional: si no, se toma de la guía)
import-text = Texto de la guía
import-file = …o un archivo
import-preview-button = Vista previa
import-too-large = Esa guía ocupa más de { $count } KiB. Divídela o pega solo la parte que necesitas.
# The title of a guide that has none of its own (the facilitator can rename it).
import-default-title = Guía de oración importada

preview-page-title = Vista previa de la importación
preview-heading = Vista previa: { $title }
preview-will-create =
    Se crearán { $sections ->
        [one] { $sections } sección
       *[other] { $sections } secciones
    } y { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    } como un encuentro en borrador.
preview-opening = Pasaje de apertura: { $reference }.
preview-change-here = Cambia aquí los títulos, los tipos y lo que es un motivo, o edítalo todo después.
preview-recognised = Lo que se reconoció
preview-gathering-title = Título del encuentro
preview-set-aside = Apartado
preview-set-aside-explain = El encabezado de un correo reenviado: no se convierte en motivos ni se guarda en el encuentro.
preview-introduction = Introducción
preview-no-introduction = No se encontró. Los teléfonos y el proyector solo muestran el título antes del primer motivo.
preview-introduction-shown = Se muestra en los teléfonos y el proyector antes del primer motivo.
preview-section = Sección { $title }
preview-section-description = Descripción de la sección
preview-description-as-topic = Convertirla en el primer motivo de la sección
preview-no-topics = No hay motivos.
preview-title = Título
preview-kind = Tipo
preview-pray = Oración
preview-praise = Alabanza
preview-sensitive = Delicado
preview-paragraph-is = Este párrafo es
preview-place-topic = Un motivo
preview-place-description = La descripción de la sección
preview-place-introduction = La introducción
preview-place-closing = Las palabras de cierre
preview-minutes = { $count } min
preview-flagged = Marcado como delicado: { $reason }. El proyector muestra: «{ $summary }»
preview-text = Texto
preview-closing = Palabras de cierre
preview-no-closing = No se encontraron. Puedes añadir palabras de cierre en el editor.
preview-closing-shown = Se muestran en los teléfonos y el proyector cuando termina el encuentro.
preview-create = Crear este encuentro
preview-again = Empezar de nuevo

note-title = Título: { $title }
note-title-replacing = Título: { $title } (en lugar del título propio de la guía, «{ $own }»)
note-title-subject = Título: { $title } (el asunto del correo reenviado; cámbialo si quieres)
note-title-sentence = Título: { $title } (de la primera frase de la guía; cámbialo si quieres)
note-title-default = Título: { $title } (la guía no tiene línea de título; cámbialo si quieres)
note-set-aside =
    { $count ->
        [one] Apartado: el encabezado del correo reenviado ({ $count } línea), no convertido en motivos
       *[other] Apartado: el encabezado del correo reenviado ({ $count } líneas), no convertido en motivos
    }
note-opening = Pasaje de apertura: { $reference }
note-opening-unreferenced = Pasaje de apertura: una cita sin referencia
note-no-opening = No se encontró pasaje de apertura
note-no-introduction = No se encontró introducción
note-introduction = Introducción: { $glimpse }
note-no-closing = No se encontraron palabras de cierre
note-closing = Palabras de cierre: { $glimpse }
note-section =
    { $count ->
        [one] Sección «{ $title }»: { $count } motivo
       *[other] Sección «{ $title }»: { $count } motivos
    }
note-section-praise =
    { $count ->
        [one] Sección «{ $title }»: { $count } motivo ({ $praise } de alabanza)
       *[other] Sección «{ $title }»: { $count } motivos ({ $praise } de alabanza)
    }
note-sensitive = Delicado: «{ $title }» { $reason }; el proyector muestra un resumen en su lugar
note-summary =
    { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    } en { $sections ->
        [one] { $sections } sección
       *[other] { $sections } secciones
    }, unos { $minutes } minutos previstos
reason-words = habla de «{ $words }»
reason-marked = está marcado como delicado en la guía

import-error-empty = La guía está vacía. Pega el texto de una guía de oración o elige un archivo que tenga texto.
import-error-too-large = El archivo es demasiado grande para importarlo ({ $bytes } bytes; el límite es 1 MB). Pega solo el texto de la guía de oración o divídela en archivos más pequeños.
import-error-not-text = Este archivo no es texto plano. Guarda la guía de oración como archivo .txt o .md (UTF-8), o copia su texto y pégalo.
import-error-bad-json = Esto no es una exportación de agenda que Intercede pueda leer ({ $detail }). Elige el archivo .json exportado desde Intercede, sin cambios.
note-translation = Traducción: { $language } ({ $code })
