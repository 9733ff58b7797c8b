# As páginas de erro que alguém pode encontrar, e as frases que elas trazem.

error-page-title = Algo deu errado
error-back-home = Ir para a página inicial
error-server = Algo deu errado no servidor. Tente novamente.
error-csrf = Este formulário expirou ou veio de outro site. Recarregue a página e tente novamente.
error-form-too-large = Esse formulário tem mais de { $count } KiB.
error-form-unreadable = Não foi possível ler o formulário. Recarregue a página e tente novamente.
error-no-gathering = Não há nenhum encontro com esse código.
error-not-in-gathering-topic = Esse motivo não está neste encontro.
error-not-in-gathering-section = Essa seção não está neste encontro.
error-no-action = Essa ação não existe.
error-move = Suba ou desça.
error-export-format = Exporte como .md ou .json.
error-report-format = Os relatórios vêm como página, .csv ou .json.
error-too-slow = O pedido demorou demais para chegar. Tente novamente.
error-too-many-connections = O servidor está com conexões abertas demais. Tente novamente daqui a pouco.
error-restarting = O servidor está reiniciando. Tente novamente daqui a pouco.
error-not-your-gathering = Este encontro pertence a outra pessoa que conduz. Peça que ela o adicione como co-condutor.
error-owner-only = Só o dono do encontro pode fazer isto.
error-server-owner-only = Só o dono do servidor pode gerir as contas.
error-cross-site = Este formulário veio de outro site, por isso não foi aceito. Abra a página deste site e tente de novo.

control-error-ended = O encontro terminou. Reabra-o para continuar.
control-error-no-topics = Esta agenda ainda não tem temas.
control-error-unknown-topic = O tema { $topic } não está neste encontro.
control-error-busy = Não é possível chegar ao banco de dados agora; tente novamente daqui a pouco.
error-websocket-only = Este endereço só aceita a conexão ao vivo da página.
error-no-download = Esse download não existe.
error-no-gathering-code = Nenhum encontro tem o código { $code }.
error-foreign-page = Esta página não pode se conectar aqui.
socket-error-rate-limited = Comandos demais de uma vez; os últimos não foram aplicados.
socket-error-binary = As mensagens são quadros de texto JSON; quadros binários não são aceitos.
socket-error-console-only = Só o console de quem conduz pode mudar o encontro.
socket-error-phones-only = Só os celulares dos participantes podem tocar em “Estou orando”.
