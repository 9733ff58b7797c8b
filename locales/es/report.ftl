# El informe de un encuentro: la página, y la tabla que imprime `intercede report`.
# Las fechas y los números llegan ya con el formato del idioma del lector.

report-page-title = Informe
report-all-gatherings = ← Todos los encuentros
report-console = Consola
report-download-csv = Descargar CSV
report-download-json = Descargar JSON
report-for = Informe de
report-started = empezó el { $when }
report-ended = terminó el { $when }
report-times-in = Las horas están en { $zone }
report-set-zone = (elige la zona horaria del encuentro en { $link })
report-editor-link = el editor
report-phones = Teléfonos que se unieron
report-peak = Asistencia máxima
report-taps = Toques de «Estoy orando»
report-duration = Duración
report-of-planned = de { $minutes } min previstos
report-chart-caption = Teléfonos que tocaron «Estoy orando» en cada motivo, y el máximo de teléfonos conectados mientras se mostraba.
report-col-topic = Motivo
report-col-praying = Orando
report-col-peak = Máximo
report-col-shown-after = Mostrado tras
report-col-shown = En pantalla
report-col-planned = Previsto
report-praise = Alabanza
report-minutes = { $minutes } min
report-not-shown = no mostrado
report-privacy = Este informe contiene recuentos y horas, y las cuentas de quienes dirigieron el encuentro. Intercede nunca registra quién oró: aquí y en cualquier exportación no aparece ningún nombre, identidad de dispositivo ni dirección de red de quienes oraron.
report-chart-title = Toques de «Estoy orando» y asistencia máxima por motivo
report-chart-praying = Orando
report-chart-peak = Asistencia máxima

cli-report-shown-at = Mostrado
cli-report-totals = Teléfonos que se unieron: { $phones }   Asistencia máxima: { $peak }   Toques de «Estoy orando»: { $taps }
cli-report-duration = Duración: { $actual } min reales, { $planned } min previstos

# Quién dirigió el encuentro: la página, el informe en texto.
report-history-heading = Quién lo dirigió
report-history-started = Empezado por { $who } el { $when }
report-history-ended = Terminado por { $who } el { $when }
report-history-reopened = Reabierto por { $who } el { $when }
report-history-edited = Editado por { $who } el { $when }
