# O que `intercede import` e `intercede report` imprimem (os textos de --help continuam em inglês).

cli-imported = “{ $title }” foi importado como um encontro em rascunho com o código { $code }.
cli-set-aside = deixado de lado: { $line }
cli-section =
    { $count ->
        [one] { $title } ({ $count } motivo)
       *[other] { $title } ({ $count } motivos)
    }
cli-praise = [louvor]
cli-could-not-read = Não foi possível ler { $file }: { $error }
cli-could-not-import = Não foi possível importar { $file }: { $error }
cli-could-not-open = Não foi possível abrir o banco de dados { $database }: { $error }
cli-could-not-save = Não foi possível salvar o encontro: { $error }
cli-no-gathering = Nenhum encontro tem o código { $code } em { $database }.
cli-could-not-report = Não foi possível montar o relatório: { $error }
cli-not-a-code = “{ $code }” não é um código de encontro (seis letras e números, como K7HQ2M).
cli-could-not-export = Não foi possível ler a pauta: { $error }
