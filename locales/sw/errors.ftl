# Kurasa za hitilafu ambazo mtu anaweza kukutana nazo, na sentensi zilizomo.

error-page-title = Kuna hitilafu imetokea
error-back-home = Nenda kwenye ukurasa wa mwanzo
error-server = Kuna hitilafu imetokea kwenye seva. Tafadhali jaribu tena.
error-csrf = Fomu hii imepitwa na wakati au imetoka kwenye tovuti nyingine. Pakia ukurasa upya na ujaribu tena.
error-form-too-large = Fomu hiyo ni kubwa kuliko KiB { $count }.
error-form-unreadable = Fomu haikuweza kusomwa. Pakia ukurasa upya na ujaribu tena.
error-no-gathering = Hakuna mkutano wenye msimbo huo.
error-not-in-gathering-topic = Hoja hiyo haimo kwenye mkutano huu.
error-not-in-gathering-section = Sehemu hiyo haimo kwenye mkutano huu.
error-no-action = Kitendo hicho hakipo.
error-move = Pandisha au shusha.
error-export-format = Hamisha kama .md au .json.
error-report-format = Ripoti zinapatikana kama ukurasa, .csv au .json.
error-too-slow = Ombi lilichukua muda mrefu mno kufika. Tafadhali jaribu tena.
error-too-many-connections = Seva ina miunganisho mingi mno iliyo wazi. Tafadhali jaribu tena baada ya muda mfupi.
error-restarting = Seva inaanza upya. Tafadhali jaribu tena baada ya muda mfupi.
error-not-your-gathering = Mkusanyiko huu ni wa kiongozi mwingine. Mwombe akuongeze kama kiongozi msaidizi.
error-owner-only = Ni mwenye mkusanyiko pekee anayeweza kufanya hivi.
error-server-owner-only = Ni mwenye seva pekee anayeweza kusimamia akaunti.
error-cross-site = Fomu hii ilitoka kwenye tovuti nyingine, kwa hiyo haikupokelewa. Fungua ukurasa wa tovuti hii na ujaribu tena.

control-error-ended = Mkutano umekwisha. Uufungue tena ili kuendelea.
control-error-no-topics = Ratiba hii bado haina mada.
control-error-unknown-topic = Mada { $topic } haimo katika mkutano huu.
control-error-busy = Hifadhidata haifikiki kwa sasa; jaribu tena baada ya muda mfupi.
error-websocket-only = Anwani hii inakubali muunganisho wa moja kwa moja wa ukurasa pekee.
error-no-download = Hakuna upakuaji kama huo.
error-no-gathering-code = Hakuna mkutano wenye msimbo { $code }.
error-foreign-page = Ukurasa huu hauruhusiwi kuunganishwa hapa.
socket-error-rate-limited = Amri nyingi mno kwa wakati mmoja; za mwisho hazikutekelezwa.
socket-error-binary = Ujumbe ni fremu za maandishi ya JSON; fremu za binary hazikubaliwi.
socket-error-console-only = Ni dashibodi ya kiongozi pekee inayoweza kubadilisha mkutano.
socket-error-phones-only = Ni simu za washiriki pekee zinazoweza kugusa “Ninaomba”.
