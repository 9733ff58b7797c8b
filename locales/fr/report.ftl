# Le rapport d’une rencontre : la page, et le tableau imprimé par `intercede report`.
# Les dates et les nombres arrivent déjà dans le format de la langue du lecteur.

report-page-title = Rapport
report-all-gatherings = ← Toutes les rencontres
report-console = Console
report-download-csv = Télécharger en CSV
report-download-json = Télécharger en JSON
report-for = Rapport de
report-started = commencée le { $when }
report-ended = terminée le { $when }
report-times-in = Les heures sont en { $zone }
report-set-zone = (choisissez le fuseau horaire de la rencontre dans { $link })
report-editor-link = l’éditeur
report-phones = Téléphones connectés
report-peak = Présence maximale
report-taps = Appuis sur « Je prie »
report-duration = Durée
report-of-planned = sur { $minutes } min prévues
report-chart-caption = Téléphones ayant appuyé sur « Je prie » pour chaque sujet, et le plus grand nombre de téléphones connectés pendant qu’il était affiché.
report-col-topic = Sujet
report-col-praying = En prière
report-col-peak = Maximum
report-col-shown-after = Affiché après
report-col-shown = À l’écran
report-col-planned = Prévu
report-praise = Louange
report-minutes = { $minutes } min
report-not-shown = pas affiché
report-privacy = Ce rapport contient des comptes et des heures, et les comptes d’animateur qui ont mené la rencontre. Intercede n’enregistre jamais qui a prié : aucun nom, aucune identité d’appareil, aucune adresse réseau de ceux qui ont prié n’apparaît ici ni dans aucun export.
report-chart-title = Appuis sur « Je prie » et présence maximale par sujet
report-chart-praying = En prière
report-chart-peak = Présence maximale

cli-report-shown-at = Affiché
cli-report-totals = Téléphones connectés : { $phones }   Présence maximale : { $peak }   Appuis sur « Je prie » : { $taps }
cli-report-duration = Durée : { $actual } min réelles, { $planned } min prévues

# Qui a mené la rencontre : la page, le rapport en texte.
report-history-heading = Qui l'a menée
report-history-started = Commencée par { $who } le { $when }
report-history-ended = Terminée par { $who } le { $when }
report-history-reopened = Rouverte par { $who } le { $when }
report-history-edited = Modifiée par { $who } le { $when }
