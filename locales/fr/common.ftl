language-label = Langue
language-apply = Changer
