# O console de quem conduz (/console/CÓDIGO) e as palavras que console.js coloca na tela.
# As mensagens que contam ($count) usadas pelo script escolhem só pela categoria de plural.

console-page-title = Console
console-all-gatherings = ← Todos os encontros
console-join-code = Código para participar
console-connecting = Conectando…
console-online = Ao vivo
console-offline = Sem conexão — reconectando…
console-other-views = Outras visões
console-phone-view = Visão do celular
console-projector = Projetor
console-edit = Editar a pauta
console-report = Relatório
console-now-waiting = Tela de boas-vindas — não iniciado
console-now-ended = Encerrado — tela final
console-now-showing = Na tela agora
console-projector-blank = Projetor apagado
console-praise = Louvor
console-sensitive = Sensível: o projetor mostra um resumo
console-topic-number = Motivo { $number } de { $total }
console-ended-title = O encontro terminou
console-press-start = Aperte Iniciar para mostrar o primeiro motivo
console-here = Presentes
console-praying = Orando
console-on-topic = Neste motivo
console-gathering = Encontro
console-not-started = Não iniciado
console-ended = Encerrado
console-on-plan = Dentro do previsto
console-behind-plan =
    { $count ->
        [one] { $count } min de atraso
       *[other] { $count } min de atraso
    }
console-ahead-plan =
    { $count ->
        [one] { $count } min adiantado
       *[other] { $count } min adiantado
    }
console-controls = Controles do encontro
console-previous = ← Anterior
console-start = Iniciar →
console-next-button = Próximo →
console-blank = Apagar a tela
console-unblank = Mostrar de novo
console-show-join = Mostrar o código
console-hide-join = Esconder o código
console-next = A seguir
console-last-topic = Este é o último motivo
console-notes = Anotações
console-notes-private = (só você vê)
console-no-notes = Nenhuma anotação para este motivo.
console-topic-text = Texto do motivo
console-end = Encerrar o encontro
console-reopen = Reabrir o encontro
console-shortcuts = Atalhos de teclado
console-shortcuts-toggle = Atalhos de uma tecla
console-keys = Teclas:
console-key-next = próximo
console-key-previous = anterior
console-key-blank = apagar a tela
console-key-join = código
console-key-or = ou
console-keys-focused = Num botão em foco, Espaço e Enter apertam só esse botão.
console-agenda = Pauta
console-minutes = { $count } min
console-topic-praying = { $count } orando
console-announce-join-shown = O código aparece no projetor.
console-announce-join-hidden = O código não aparece mais no projetor.
console-announce-topic = Na tela o motivo { $number } de { $total }: { $title }
console-announce-ended = O encontro terminou.
console-announce-blank = Projetor apagado.
console-announce-unblank = O projetor voltou a mostrar.
console-announce-shortcuts-on = Atalhos de teclado ligados.
console-announce-shortcuts-off = Atalhos de teclado desligados.
console-not-connected = Sem conexão — reconectando. Tente novamente daqui a pouco.
console-status-ended = O encontro terminou. Reabra-o para continuar.
console-status-last = Último motivo: encerre o encontro quando estiver pronto.
console-status-first = Este é o primeiro motivo.
console-status-not-started = Ainda não iniciado: aperte Iniciar para mostrar o primeiro motivo.
console-confirm-end = Encerrar o encontro agora? Os celulares e o projetor vão mostrar a tela final.
console-confirm-reopen = Reabrir o encontro? Os celulares e o projetor vão sair da tela final e mostrar de novo o último motivo.
console-went-wrong = Algo deu errado.
console-key-space = Espaço
console-key-page-down = Page Down
console-key-page-up = Page Up
# Por que o servidor recusou um comando, pelo código que deu.
console-error-busy = O servidor está ocupado. Tente novamente daqui a pouco.
console-error-rate-limited = Comandos demais de uma vez: alguns foram ignorados. Espere um pouco.
console-error-unknown-topic = Esse motivo não está mais na pauta.
console-error-not-live = Esse motivo não está na tela.
console-error-forbidden = Este console não pode fazer isso. Recarregue a página e entre de novo.

# O histórico do encontro: que conta o começou, terminou, reabriu ou editou.
console-history-heading = Histórico
console-history-none = Ainda não começou nem foi editado.
console-history-started = Começado por { $who } em { $when }
console-history-ended = Terminado por { $who } em { $when }
console-history-reopened = Reaberto por { $who } em { $when }
console-history-edited = Editado por { $who } em { $when }
