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
