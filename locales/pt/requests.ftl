# Pedidos de oração da sala: a parte do telemóvel.

requests-heading = Pedidos de oração
requests-share = Partilhar um pedido de oração
requests-text-label = O seu pedido
requests-name-label = Nome próprio (opcional)
requests-who-label = Quem pode orar por ele?
requests-for-everyone = Todos os presentes
requests-for-team = Só a equipa de oração
requests-send = Enviar
requests-moderated-note = A equipa de oração lê cada pedido antes de mais alguém o ver.
requests-none = Ainda não há pedidos partilhados com todos.
requests-pray-button = Estou a orar
requests-praying =
    { $count ->
        [one] { $count } a orar
       *[other] { $count } a orar
    }
requests-characters-left =
    { $count ->
        [one] Resta { $count } carácter
       *[other] Restam { $count } caracteres
    }
requests-sending = A enviar o seu pedido…
requests-saved = Guardado neste telemóvel: será enviado quando a ligação voltar.
requests-received = Recebido. Obrigado: a equipa de oração vai lê-lo.
requests-received-team = Recebido. Só a equipa de oração o vai ler.
requests-empty = Escreva primeiro o seu pedido.
requests-busy = Não foi possível enviar o pedido agora; será tentado de novo.

requests-page-title = Pedidos de oração · { $title }
requests-back = Voltar à consola
requests-counts = { $new } em espera · { $team } para a equipa de oração · { $approved } aprovados · { $hidden } ocultos
requests-moderation-note = Nada chega aos telemóveis nem ao projetor antes de ser aprovado. Os pedidos só para a equipa de oração nunca chegam.
requests-none-yet = Ainda não há pedidos. Aparecem aqui à medida que os telemóveis os enviam.
requests-group-new = Em espera
requests-group-approved = Aprovados
requests-group-hidden = Ocultos
requests-words-deleted = O texto foi apagado no fim do prazo de conservação.
requests-team-only = Só a equipa de oração
requests-edited = editado
requests-prayed-badge = Orado
requests-action-approve = Aprovar
requests-action-hide = Ocultar
requests-action-requeue = Voltar à fila
requests-action-prayed = Marcar como orado
requests-action-unprayed = Ainda não orado
requests-edit = Editar o texto
requests-edit-text = Pedido
requests-edit-name = Nome próprio
requests-save = Guardar
requests-live-offline = Sem ligação: os novos pedidos aparecem quando a ligação voltar.
requests-settings = Depois do encontro
requests-retention = Apagar o texto dos pedidos ao fim de (dias)
requests-retention-note = Só os números ficam para o relatório.
requests-on-keep-list = Mostrar os pedidos aprovados para todos na página «Continue a orar» dos telemóveis
requests-download = Descarregar os pedidos:
requests-links = Ligações de moderação
requests-links-note = Um ajudante abre uma ligação de moderação num telemóvel para aprovar, editar e ocultar pedidos. Não pode conduzir o encontro e pode revogá-la a qualquer momento.
requests-link-once = Dê já esta ligação ao seu ajudante: só é mostrada uma vez.
requests-link-type = Ou abra { $address } e escreva
requests-link-label = Nome (opcional)
requests-link-make = Criar uma ligação de moderação
requests-link-unnamed = Ligação de moderação { $count }
requests-link-revoked = (revogada)
requests-link-revoke = Revogar
requests-console-card = Pedidos de oração
requests-console-waiting =
    { $count ->
        [one] { $count } em espera
       *[other] { $count } em espera
    }
requests-console-open = Abrir os pedidos
requests-error-empty = O pedido está vazio.
requests-error-too-long = O pedido tem { $count } caracteres; cabem no máximo { $max }.
requests-error-name-too-long = O nome tem { $count } caracteres; cabem no máximo { $max }.
requests-error-audience = Um pedido é para todos os presentes ou só para a equipa de oração.
requests-error-not-moderation = Isso não é algo que um moderador possa fazer.
requests-error-link-label = O nome de uma ligação pode ter no máximo { $max } caracteres.
requests-error-retention = Guarde o texto entre 0 e { $max } dias (um número inteiro).
requests-error-no-link = Esta ligação de moderação não abre nada: pode ter sido revogada. Peça uma nova a quem conduz o encontro.
requests-error-gone = Esse pedido já não está neste encontro.
requests-error-link-gone = Essa ligação de moderação não é deste encontro ou já foi revogada.
requests-error-slow-down = Acabou de enviar vários pedidos. Poderá enviar outro daqui a { $minutes } min.
requests-error-full = A equipa de oração já tem todos os pedidos que pode receber esta noite.
requests-error-busy = Não foi possível guardar agora; será enviado de novo.
requests-error-unknown = Já não é possível orar aqui por esse pedido.
requests-error-only-phones = Só os telemóveis dos participantes podem enviar pedidos ou orar por eles.
requests-error-guessing = Demasiados códigos errados a partir desta rede. Espere alguns minutos e tente de novo.
requests-report-heading = Pedidos de oração
requests-report-received = Recebidos
requests-report-approved = Aprovados
requests-report-team = Só para a equipa de oração
requests-report-prayers = Orações a partir dos telemóveis
requests-report-link = Os pedidos ({ $count } marcados como orados pela equipa).

requests-projector-heading = Oramos pelos vossos pedidos
requests-on-screen = O ecrã mostra pedidos de oração: ore por eles na lista abaixo.
requests-console-show = Mostrar os pedidos no projetor
requests-console-hide = Deixar de mostrar os pedidos
requests-action-show = Mostrar no projetor
moderate-enter-title = Moderar pedidos de oração
moderate-enter-lead = Digite o código de moderação que quem conduz lhe deu.
moderate-enter-label = Código de moderação
moderate-enter-button = Abrir
moderate-enter-error = Um código de moderação tem 12 letras e números, como ABCD-EFGH-JKMN. Confira e tente de novo.
requests-group-team = Só para a equipe de oração
requests-team-note = Só quem modera lê estes pedidos. Ore por cada um e marque como orado: nunca aparece nos celulares nem no projetor.
requests-error-team-approve = Um pedido para a equipe de oração nunca é mostrado à sala, por isso não pode ser aprovado. Ore por ele e marque como orado.
requests-on-screen-button = O botão grande continua a contar para este tema.
requests-console-screen-note = O projetor mostra pedidos de oração, não este tema. Os telefones continuam a mostrar este tema, e Próximo fá-los avançar.
