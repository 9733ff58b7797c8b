# La consola de quien dirige (/console/CÓDIGO) y las palabras que console.js pone en pantalla.
# Los mensajes que cuentan ($count) y usa el script eligen solo por categoría de plural.

console-page-title = Consola
console-all-gatherings = ← Todos los encuentros
console-join-code = Código para unirse
console-connecting = Conectando…
console-online = En vivo
console-offline = Sin conexión — reconectando…
console-other-views = Otras vistas
console-phone-view = Vista del teléfono
console-projector = Proyector
console-edit = Editar la agenda
console-report = Informe
console-now-waiting = Pantalla de bienvenida — sin empezar
console-now-ended = Terminado — pantalla de cierre
console-now-showing = En pantalla
console-projector-blank = Proyector en negro
console-praise = Alabanza
console-sensitive = Delicado: el proyector muestra un resumen
console-topic-number = Motivo { $number } de { $total }
console-ended-title = El encuentro ha terminado
console-press-start = Pulsa Empezar para mostrar el primer motivo
console-here = Presentes
console-praying = Orando
console-on-topic = En este motivo
console-gathering = Encuentro
console-not-started = Sin empezar
console-ended = Terminado
console-on-plan = Según lo previsto
console-behind-plan =
    { $count ->
        [one] { $count } min de retraso
       *[other] { $count } min de retraso
    }
console-ahead-plan =
    { $count ->
        [one] { $count } min de adelanto
       *[other] { $count } min de adelanto
    }
console-controls = Controles del encuentro
console-previous = ← Anterior
console-start = Empezar →
console-next-button = Siguiente →
console-blank = Pantalla en negro
console-unblank = Volver a mostrar
console-show-join = Mostrar el código
console-hide-join = Ocultar el código
console-next = A continuación
console-last-topic = Este es el último motivo
console-notes = Notas
console-notes-private = (solo las ves tú)
console-no-notes = No hay notas para este motivo.
console-topic-text = Texto del motivo
console-end = Terminar el encuentro
console-reopen = Reabrir el encuentro
console-shortcuts = Atajos de teclado
console-shortcuts-toggle = Atajos de una sola tecla
console-keys = Teclas:
console-key-next = siguiente
console-key-previous = anterior
console-key-blank = pantalla en negro
console-key-join = código
console-key-or = o
console-keys-focused = Sobre un botón con el foco, Espacio e Intro pulsan solo ese botón.
console-agenda = Agenda
console-minutes = { $count } min
console-topic-praying = { $count } orando
console-announce-join-shown = El código se muestra en el proyector.
console-announce-join-hidden = El código ya no se muestra en el proyector.
console-announce-topic = En pantalla el motivo { $number } de { $total }: { $title }
console-announce-ended = El encuentro ha terminado.
console-announce-blank = Proyector en negro.
console-announce-unblank = El proyector vuelve a mostrar.
console-announce-shortcuts-on = Atajos de teclado activados.
console-announce-shortcuts-off = Atajos de teclado desactivados.
console-not-connected = Sin conexión — reconectando. Inténtalo de nuevo en un momento.
console-status-ended = El encuentro ha terminado. Reábrelo para continuar.
console-status-last = Último motivo: termina el encuentro cuando estés listo.
console-status-first = Este es el primer motivo.
console-status-not-started = Aún sin empezar: pulsa Empezar para mostrar el primer motivo.
console-confirm-end = ¿Terminar el encuentro ahora? Los teléfonos y el proyector mostrarán la pantalla de cierre.
console-confirm-reopen = ¿Reabrir el encuentro? Los teléfonos y el proyector dejarán la pantalla de cierre y volverán a mostrar el último motivo.
console-went-wrong = Algo salió mal.
console-key-space = Espacio
console-key-page-down = Av Pág
console-key-page-up = Re Pág
# Por qué el servidor rechazó una orden, según el código que dio.
console-error-busy = El servidor está ocupado. Inténtalo de nuevo en un momento.
console-error-rate-limited = Demasiadas órdenes a la vez: se omitieron algunas. Espera un momento.
console-error-unknown-topic = Ese motivo ya no está en la agenda.
console-error-not-live = Ese motivo no está en pantalla.
console-error-forbidden = Esta consola no puede hacer eso. Recarga la página y vuelve a entrar.

# El historial del encuentro: qué cuenta lo empezó, terminó, reabrió o editó.
console-history-heading = Historial
console-history-none = Aún no se ha empezado ni editado.
console-history-started = Empezado por { $who } el { $when }
console-history-ended = Terminado por { $who } el { $when }
console-history-reopened = Reabierto por { $who } el { $when }
console-history-edited = Editado por { $who } el { $when }
