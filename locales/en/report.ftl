# The report of a gathering: the page, and the table `intercede report` prints.
# Dates and numbers come formatted in the reader's language.

report-page-title = Report
report-all-gatherings = ← All gatherings
report-console = Console
report-download-csv = Download CSV
report-download-json = Download JSON
report-for = Report for
report-started = started { $when }
report-ended = ended { $when }
report-times-in = Times are in { $zone }
# $link is the link to the editor (report-editor-link).
report-set-zone = (set the gathering's time zone in { $link })
report-editor-link = the editor
report-phones = Phones that joined
report-peak = Peak attendance
report-taps = Praying taps
report-duration = Duration
report-of-planned = of { $minutes } min planned
report-chart-caption = Phones that tapped “I'm praying” for each topic, and the most phones connected while it was shown.
report-col-topic = Topic
report-col-praying = Praying
report-col-peak = Peak
report-col-shown-after = Shown after
report-col-shown = Shown
report-col-planned = Planned
report-praise = Praise
report-minutes = { $minutes } min
report-not-shown = not shown
report-privacy = This report holds counts and times, and the facilitator accounts that led the gathering. Intercede never records who prayed: no name, device identity or network address of anyone who prayed appears here or in any export.
# The chart's own words.
report-chart-title = Praying taps and peak attendance per topic
report-chart-praying = Praying
report-chart-peak = Peak attendance

# The terminal table (`intercede report CODE`).
cli-report-shown-at = Shown at
cli-report-totals = Phones that joined: { $phones }   Peak attendance: { $peak }   Praying taps: { $taps }
cli-report-duration = Duration: { $actual } min actual, { $planned } min planned

# Who led the gathering: the page, the text report.
report-history-heading = Who led it
report-history-started = Started by { $who } on { $when }
report-history-ended = Ended by { $who } on { $when }
report-history-reopened = Reopened by { $who } on { $when }
report-history-edited = Edited by { $who } on { $when }
