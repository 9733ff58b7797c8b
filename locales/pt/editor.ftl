# O editor da pauta (/console/CÓDIGO/edit), o formulário de um motivo, a
# confirmação para excluir, seus avisos e os motivos de recusa de um formulário.

editor-page-title = Editar { $title }
editor-all-gatherings = ← Todos os encontros
editor-open-console = Abrir o console
editor-export-md = Exportar em Markdown
editor-export-json = Exportar em JSON
editor-join-code = Código para participar
editor-live-note = Este encontro está em andamento: as mudanças chegam aos celulares e ao projetor assim que você salvar.
editor-gathering = Encontro
editor-title = Título
editor-optional = (opcional)
editor-opening-scripture = Texto bíblico de abertura
editor-reference = Referência
editor-reference-example = Isaías 51:14-15
editor-introduction = Introdução
editor-introduction-hint = (opcional: os celulares e o projetor a mostram antes do primeiro motivo)
editor-closing = Palavras finais
editor-closing-hint = (opcional, até { $count } caracteres: os celulares as mostram acima dos motivos para continuar orando, e o projetor na tela final; uma linha em branco começa um novo parágrafo)
editor-closing-example = Obrigado por orar conosco esta noite.
editor-time-zone = Fuso horário
editor-time-zone-hint = (o relatório e os downloads dão os horários nele)
editor-save = Salvar
editor-agenda = Pauta
editor-no-sections = Ainda não há seções. Adicione a primeira abaixo, ou { $link }.
editor-import-link = importe um guia de oração
editor-section-label = Seção { $title }
editor-section-title = Título da seção
editor-section-description = Descrição da seção
editor-section-description-placeholder = Descrição (opcional)
editor-move-section-up = Subir a seção
editor-move-section-down = Descer a seção
editor-move-up-named = Subir { $title }
editor-move-down-named = Descer { $title }
editor-move-up = Subir
editor-move-down = Descer
editor-delete = Excluir
editor-section-named = a seção { $title }
editor-confirm-delete-section =
    { $count ->
        [one] Excluir a seção “{ $title }” e o seu { $count } motivo?
       *[other] Excluir a seção “{ $title }” e os seus { $count } motivos?
    }
editor-confirm-delete-topic = Excluir o motivo “{ $title }”?
editor-praise = Louvor
editor-sensitive = Sensível
editor-minutes = { $count } min
editor-add-topic-to = + Adicionar um motivo a { $title }
editor-add-section = Adicionar uma seção
editor-section-example = Oremos por | Escravidão por trabalho forçado
editor-add-section-button = Adicionar a seção
editor-more = Mais
editor-duplicate = Duplicar como novo encontro
editor-delete-gathering = Excluir este encontro…

topic-edit = Editar o motivo
topic-new = Novo motivo
topic-back-to = ← Voltar para { $title }
topic-check-fields = Confira os campos marcados abaixo.
topic-title = Título
topic-section = Seção
topic-kind = Tipo
topic-pray = Oração
topic-praise = Louvor
topic-minutes = Minutos previstos
topic-scripture = Texto bíblico
topic-reference = Referência
topic-reference-example = Salmo 146:7
topic-text = Texto
topic-text-hint = Separe os parágrafos com uma linha em branco. *itálico*, **negrito**, listas com “- ” e [links](https://…) aparecem como tais.
topic-notes = Anotações privadas
topic-notes-hint = (só você vê, no console)
topic-sensitive = História sensível: o projetor mostra só o resumo abaixo; os celulares mostram o texto inteiro depois de um breve aviso
topic-summary = Resumo seguro para o projetor
topic-save = Salvar o motivo
topic-add = Adicionar o motivo

delete-page-title = Excluir { $title }
delete-back-to = ← Voltar para { $title }
delete-heading = Excluir “{ $title }”?
delete-explain = Isto exclui a pauta e todas as contagens registradas. Não pode ser desfeito. Talvez você queira exportá-lo antes.
delete-live = Este encontro está { $live }: os celulares e o projetor estão acompanhando agora.
delete-live-word = em andamento
delete-type-code = Digite o código { $code } para excluí-lo mesmo assim
delete-button = Excluir este encontro
delete-keep = Manter
delete-live-refused = Este encontro está em andamento. Digite o código, { $code }, para excluí-lo mesmo assim.

flash-deleted = “{ $title }” ({ $code }) foi excluído.
flash-settings-saved = As configurações do encontro foram salvas.
flash-topic-added = “{ $title }” foi adicionado.
flash-topic-saved = “{ $title }” foi salvo.

error-title-empty-gathering = Dê um título ao encontro.
error-title-empty-section = Dê um título à seção.
error-title-empty-topic = Dê um título ao motivo.
error-title-long-gathering = O título do encontro pode ter no máximo { $max } caracteres (tem { $count }).
error-title-long-section = O título da seção pode ter no máximo { $max } caracteres (tem { $count }).
error-title-long-topic = O título do motivo pode ter no máximo { $max } caracteres (tem { $count }).
error-text-long = Este texto pode ter no máximo { $max } caracteres (tem { $count }).
error-closing-long = As palavras finais podem ter no máximo { $max } caracteres (têm { $count }).
error-introduction-long = A introdução pode ter no máximo { $max } caracteres.
error-description-long = A descrição de uma seção pode ter no máximo { $max } caracteres.
error-reference-long = Uma referência como “Isaías 51:14-15” tem no máximo { $max } caracteres.
error-reference-missing = Diga de onde é o versículo, por exemplo “Isaías 51:14-15”.
error-kind = Escolha oração ou louvor.
error-minutes = Os minutos previstos devem ser um número inteiro de 1 a { $max }.
error-section-choose = Escolha a seção a que este motivo pertence.
error-summary-needed = Um motivo sensível precisa de um resumo curto que possa aparecer no projetor.
error-section-gone = Essa seção não está mais neste encontro.
error-time-zone-empty = Informe um fuso horário, por exemplo America/Sao_Paulo.
error-time-zone-unknown = “{ $zone }” não é o nome de um fuso horário. Use um como America/Sao_Paulo, Europe/Lisbon ou Africa/Luanda.

## Who leads
leaders-heading = Quem conduz
leaders-owner = Dono: { $name }
leaders-none = Ainda não há co-condutores.
leaders-remove = Remover
leaders-remove-confirm = Deixar de partilhar este encontro com { $name }? Os consoles abertos dele para este encontro serão fechados.
leaders-add-label = Adicionar um co-condutor pelo nome da conta
leaders-add = Adicionar
leaders-explain = Co-condutores podem conduzir e editar este encontro, por exemplo de um telemóvel à frente enquanto você usa o portátil. Só você pode apagá-lo ou mudar com quem é partilhado.
leaders-no-account = Não há nenhuma conta chamada “{ $name }”. Verifique a grafia ou peça ao dono do servidor que a convide.
leaders-already-owner = { $name } já é dono deste encontro.
leaders-added = { $name } agora pode conduzir este encontro.
leaders-removed = { $name } já não conduz este encontro.
leaders-not-shared = Essa conta não co-conduz este encontro.
