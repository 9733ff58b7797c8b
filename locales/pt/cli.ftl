# O que os comandos do `intercede` imprimem (os textos de --help continuam em inglês).

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
cli-imported-for = Pertence a { $name }.

# intercede accounts
cli-could-not-accounts = Não foi possível ler nem alterar as contas: { $error }
cli-no-accounts = Ainda não há contas: a conta de quem administra o servidor é criada na primeira vez que ele é iniciado.
cli-no-account = Nenhuma conta se chama “{ $name }”. Para ver todas as contas: intercede accounts list
cli-role-owner = administra
cli-role-facilitator = conduz
cli-state-enabled = ativa
cli-state-disabled = desativada
cli-state-pending = pendente (ainda sem senha)
cli-account-gatherings =
    { $count ->
        [one] { $count } encontro
       *[other] { $count } encontros
    }
cli-account-created = criada em { $date }
cli-invite = Um link para uma nova pessoa que conduz escolher um nome e uma senha. Funciona uma única vez, até { $expires }:
cli-reset = Um link para { $name } escolher uma nova senha. Funciona uma única vez, até { $expires }:
cli-reset-disabled = A conta { $name } está desativada: ative-a primeiro (intercede accounts enable { $name }).
cli-link-local = O link começa com { $base }, que só funciona neste computador: inicie com --public-url (o endereço pelo qual os outros chegam ao servidor) para imprimir um link que possa ser enviado.
cli-link-public = O link começa com o endereço de --public-url, { $base }.
cli-owner-not-disabled = { $name } é a conta de quem administra o servidor: não pode ser desativada.
cli-disabled = A conta { $name } está desativada: não pode mais entrar, e os seus consoles abertos fecham em poucos segundos num servidor em execução.
cli-enabled = A conta { $name } está ativa: pode entrar de novo.
