# O relatório de um encontro: a página, e a tabela que `intercede report` imprime.
# As datas e os números chegam já formatados no idioma de quem lê.

report-page-title = Relatório
report-all-gatherings = ← Todos os encontros
report-console = Console
report-download-csv = Baixar CSV
report-download-json = Baixar JSON
report-for = Relatório de
report-started = começou em { $when }
report-ended = terminou em { $when }
report-times-in = Os horários estão em { $zone }
report-set-zone = (defina o fuso horário do encontro { $link })
report-editor-link = no editor
report-phones = Celulares que participaram
report-peak = Presença máxima
report-taps = Toques em “Estou orando”
report-duration = Duração
report-of-planned = de { $minutes } min previstos
report-chart-caption = Celulares que tocaram em “Estou orando” em cada motivo, e o máximo de celulares conectados enquanto ele aparecia.
report-col-topic = Motivo
report-col-praying = Orando
report-col-peak = Máximo
report-col-shown-after = Mostrado após
report-col-shown = Na tela
report-col-planned = Previsto
report-praise = Louvor
report-minutes = { $minutes } min
report-not-shown = não mostrado
report-privacy = Este relatório contém contagens e horários, e as contas de quem conduziu o encontro. O Intercede nunca registra quem orou: nenhum nome, identidade de aparelho ou endereço de rede de quem orou aparece aqui ou em qualquer exportação.
report-chart-title = Toques em “Estou orando” e presença máxima por motivo
report-chart-praying = Orando
report-chart-peak = Presença máxima

cli-report-shown-at = Mostrado
cli-report-totals = Celulares que participaram: { $phones }   Presença máxima: { $peak }   Toques em “Estou orando”: { $taps }
cli-report-duration = Duração: { $actual } min reais, { $planned } min previstos

# Quem conduziu o encontro: a página, o relatório em texto.
report-history-heading = Quem o conduziu
report-history-started = Começado por { $who } em { $when }
report-history-ended = Terminado por { $who } em { $when }
report-history-reopened = Reaberto por { $who } em { $when }
report-history-edited = Editado por { $who } em { $when }
