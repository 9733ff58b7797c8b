# La página de cuentas del propietario, los enlaces de invitación que crea y
# la página donde la persona invitada elige nombre y contraseña.

accounts-signed-in-as = Sesión iniciada como { $name }
accounts-link = Cuentas
accounts-shared-by = Compartido por { $name }
accounts-belongs-to = Pertenece a { $name }

accounts-title = Cuentas de quienes dirigen
accounts-back = ← Tus encuentros
accounts-back-to-list = ← Cuentas
accounts-invite-heading = Invitar a alguien a dirigir
accounts-invite-note =
    { $count ->
        [one] El enlace sirve una sola vez, durante { $count } día. No se envía ningún correo: dáselo tú a la persona.
       *[other] El enlace sirve una sola vez, durante { $count } días. No se envía ningún correo: dáselo tú a la persona.
    }
accounts-invite-button = Crear un enlace de invitación
accounts-owner = propietario
accounts-disabled = desactivada
accounts-pending = invitación aún no aceptada
accounts-created = Creada el { $date }
accounts-gatherings =
    { $count ->
        [one] { $count } encuentro
       *[other] { $count } encuentros
    }
accounts-waiting = Hay una invitación sin usar, válida hasta el { $date }.
accounts-link-waiting = Hay un enlace para nueva contraseña sin usar, válido hasta el { $date }.
accounts-reset = Enlace para nueva contraseña
accounts-enable = Activar
accounts-disable = Desactivar…
accounts-disable-explain = { $name } queda fuera de inmediato, también de las consolas abiertas, y no podrá entrar hasta que se active de nuevo la cuenta. Sus encuentros se conservan.
accounts-disable-confirm = Desactivar a { $name }
accounts-disabled-flash = { $name } está desactivada y su sesión se cerró.
accounts-enabled-flash = { $name } puede entrar de nuevo.
accounts-no-such = Esa cuenta no existe.
accounts-reset-disabled = Esta cuenta está desactivada. Actívala antes de crear un enlace para nueva contraseña.
accounts-owner-stays = La cuenta del propietario no se puede desactivar.

accounts-link-title = Enlace de invitación
accounts-link-new = Da este enlace a la persona que invitas. Ella elige su nombre y su contraseña.
accounts-link-for = Con este enlace, { $name } elige una nueva contraseña. Sus otras sesiones terminan cuando se usa.
accounts-link-once = Este enlace se muestra solo esta vez. Cópialo ahora o deja que escaneen el código.
accounts-link-label = Enlace
accounts-link-expires = Sirve una sola vez, hasta el { $date }.

invite-title = Bienvenida a Intercede
invite-new-lead = Te han invitado a dirigir encuentros. Elige el nombre con el que entrarás y una contraseña.
invite-reset-lead = Elige una nueva contraseña para { $name }.
invite-password = Nueva contraseña
invite-repeat = Repite la nueva contraseña
invite-password-hint =
    { $count ->
        [one] Al menos { $count } carácter.
       *[other] Al menos { $count } caracteres.
    }
invite-button = Guardar y entrar
invite-expires = Este enlace sirve hasta el { $date }.
invite-gone = Este enlace de invitación no se puede usar: ya se usó, caducó o nunca se creó. Pide uno nuevo a quien te invitó.
invite-guessing = Demasiados enlaces incorrectos desde tu red. Espera unos minutos.
invite-name-empty = Escribe un nombre.
invite-name-long =
    { $count ->
        [one] El nombre puede tener como máximo { $count } carácter.
       *[other] El nombre puede tener como máximo { $count } caracteres.
    }
invite-name-taken = Otra cuenta ya tiene este nombre, u otro que se ve igual. Elige otro.
invite-password-short =
    { $count ->
        [one] La contraseña necesita al menos { $count } carácter.
       *[other] La contraseña necesita al menos { $count } caracteres.
    }
invite-password-long =
    { $count ->
        [one] La contraseña puede tener como máximo { $count } carácter.
       *[other] La contraseña puede tener como máximo { $count } caracteres.
    }
invite-password-mismatch = Las dos contraseñas no son iguales.
invite-welcome = Te damos la bienvenida, { $name }. Has iniciado sesión.
invite-name-invisible = El nombre no puede tener caracteres invisibles, tabulaciones, saltos de línea ni caracteres que cambien la dirección del texto.
invite-name-not-allowed = El nombre no puede tener «{ $character }». Usa letras, números, espacios, guiones, puntos, guiones bajos o apóstrofos.
invite-name-mixed = El nombre mezcla letras de alfabetos distintos que se parecen. Escríbelo en un solo alfabeto.
accounts-co-leads =
    { $count ->
        [one] codirige { $count } reunión
       *[other] codirige { $count } reuniones
    }
