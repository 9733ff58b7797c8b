# Ripoti ya mkutano wa maombi: ukurasa, na jedwali linalochapishwa na `intercede report`.
# Tarehe na namba hufika zikiwa tayari katika mtindo wa lugha ya msomaji.

report-page-title = Ripoti
report-all-gatherings = ← Mikutano yote
report-console = Dashibodi
report-download-csv = Pakua CSV
report-download-json = Pakua JSON
report-for = Ripoti ya
report-started = ulianza { $when }
report-ended = uliisha { $when }
report-times-in = Saa ziko kwa { $zone }
report-set-zone = (weka saa za eneo za mkutano kwenye { $link })
report-editor-link = kihariri
report-phones = Simu zilizojiunga
report-peak = Mahudhurio ya juu zaidi
report-taps = Mibonyezo ya “Ninaomba”
report-duration = Muda
report-of-planned = kati ya dk { $minutes } zilizopangwa
report-chart-caption = Simu zilizobonyeza “Ninaomba” kwa kila hoja, na idadi kubwa zaidi ya simu zilizounganishwa ilipokuwa ikionyeshwa.
report-col-topic = Hoja
report-col-praying = Wanaomba
report-col-peak = Juu zaidi
report-col-shown-after = Ilionyeshwa baada ya
report-col-shown = Kwenye skrini
report-col-planned = Iliyopangwa
report-praise = Sifa
report-minutes = dk { $minutes }
report-not-shown = haikuonyeshwa
report-privacy = Ripoti hii ina hesabu na nyakati, na akaunti za viongozi walioongoza mkutano. Intercede kamwe hairekodi nani aliomba: hakuna jina, utambulisho wa kifaa wala anwani ya mtandao ya yeyote aliyeomba vinavyoonekana hapa au katika uhamishaji wowote.
report-chart-title = Mibonyezo ya “Ninaomba” na mahudhurio ya juu zaidi kwa kila hoja
report-chart-praying = Wanaomba
report-chart-peak = Mahudhurio ya juu

cli-report-shown-at = Ilionyeshwa
cli-report-totals = Simu zilizojiunga: { $phones }   Mahudhurio ya juu zaidi: { $peak }   Mibonyezo ya “Ninaomba”: { $taps }
cli-report-duration = Muda: dk { $actual } halisi, dk { $planned } zilizopangwa

# Nani aliuongoza mkutano: ukurasa, ripoti ya maandishi.
report-history-heading = Walioungoza
report-history-started = Ulianzishwa na { $who } { $when }
report-history-ended = Ulimalizwa na { $who } { $when }
report-history-reopened = Ulifunguliwa tena na { $who } { $when }
report-history-edited = Ulihaririwa na { $who } { $when }
