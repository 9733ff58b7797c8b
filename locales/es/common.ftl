language-label = Idioma
language-apply = Cambiar
gone-signed-out = Se cerró tu sesión, aquí o en otro dispositivo, así que esta página ya no muestra la reunión.
gone-account-disabled = El propietario del servidor desactivó tu cuenta, así que esta página ya no muestra nada.
gone-no-longer-leads = Ya no diriges esta reunión: su propietario dejó de compartirla contigo.
gone-link-revoked = Este enlace de moderación fue revocado, así que esta página ya no muestra peticiones. Pide un enlace nuevo a quien dirige si sigues ayudando.
gone-gathering-deleted = Quien dirige eliminó esta reunión.
gone-not-found = Esta página ya no está disponible: su enlace fue revocado o la reunión fue eliminada.
gone-sign-in = Iniciar sesión de nuevo
gone-gatherings = Tus reuniones
# A language named inside a sentence, in the reader's language (the language switch names each in its own).
language-name =
    { $code ->
        [en] inglés
        [es] español
        [pt] portugués
        [fr] francés
        [sw] suajili
       *[other] { $code }
    }
copy-link = Copiar enlace
copy-done = Copiado.
copy-select = Selecciona el enlace y cópialo.
