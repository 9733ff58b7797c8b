language-label = Idioma
language-apply = Mudar
