language-label = Idioma
language-apply = Cambiar
