language-label = Lugha
language-apply = Badilisha
