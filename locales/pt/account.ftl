# A página de entrada de quem conduz, a lista de encontros e o seletor de
# idioma nas páginas de quem conduz.

login-title = Entrada de quem conduz
login-name = Seu nome
login-password = Senha
login-button = Entrar
login-here-to-pray = Veio para orar?
login-join-link = Participe de um encontro com o código
login-wrong-password = Esse nome e essa senha não correspondem a nenhuma conta. Tente novamente.
login-too-many = Senhas erradas demais. Espere um minuto antes de tentar novamente.
login-busy = O servidor está ocupado verificando senhas. Tente novamente daqui a pouco.
login-needed = Entre primeiro como quem conduz.
signed-out = Você saiu.
sign-out = Sair

list-title = Seus encontros
list-new-label = Novo encontro
list-new-placeholder = Noite de oração
list-create = Criar
list-import-or = ou { $link } (cole o texto ou envie um arquivo .txt / .md).
list-import-link = importe um guia de oração
list-empty = Ainda não há encontros.
list-col-gathering = Encontro
list-col-code = Código
list-col-status = Situação
list-col-open = Abrir
list-last-run = Realizado em { $date }
list-created = Criado em { $date }
list-topics =
    { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    }
list-console = Console
list-edit = Editar a pauta
list-report = Relatório
list-phone = Visão do celular
list-projector = Projetor
list-for-title = de { $title }

status-draft = rascunho
status-live = em andamento
status-ended = encerrado
