# Dashibodi ya kiongozi (/console/MSIMBO) na maneno ambayo console.js huweka kwenye skrini.
# Jumbe zinazohesabu ($count) zinazotumiwa na skripti huchagua kwa aina ya wingi tu.

console-page-title = Dashibodi
console-all-gatherings = ← Mikutano yote
console-join-code = Msimbo wa kujiunga
console-connecting = Inaunganisha…
console-online = Moja kwa moja
console-offline = Nje ya mtandao — inaunganisha tena…
console-other-views = Mionekano mingine
console-phone-view = Mwonekano wa simu
console-projector = Projekta
console-edit = Hariri ratiba
console-report = Ripoti
console-now-waiting = Skrini ya karibu — bado haujaanza
console-now-ended = Umekwisha — skrini ya mwisho
console-now-showing = Kwenye skrini sasa
console-projector-blank = Projekta imezimwa
console-praise = Sifa
console-sensitive = Nyeti: projekta inaonyesha muhtasari
console-topic-number = Hoja { $number } kati ya { $total }
console-ended-title = Maombi yamekwisha
console-press-start = Bonyeza Anza ili kuonyesha hoja ya kwanza
console-here = Waliopo
console-praying = Wanaomba
console-on-topic = Kwenye hoja hii
console-gathering = Mkutano
console-not-started = Bado haujaanza
console-ended = Umekwisha
console-on-plan = Kwa wakati
console-behind-plan =
    { $count ->
        [one] { $count } dk nyuma ya ratiba
       *[other] { $count } dk nyuma ya ratiba
    }
console-ahead-plan =
    { $count ->
        [one] { $count } dk mbele ya ratiba
       *[other] { $count } dk mbele ya ratiba
    }
console-controls = Vidhibiti vya maombi
console-previous = ← Iliyotangulia
console-start = Anza →
console-next-button = Inayofuata →
console-blank = Zima skrini
console-unblank = Washa skrini
console-show-join = Onyesha msimbo
console-hide-join = Ficha msimbo
console-next = Inayofuata
console-last-topic = Hii ni hoja ya mwisho
console-notes = Maelezo
console-notes-private = (unayaona wewe tu)
console-no-notes = Hakuna maelezo kwa hoja hii.
console-topic-text = Maandishi ya hoja
console-end = Maliza maombi
console-reopen = Fungua maombi tena
console-shortcuts = Njia za mkato za kibodi
console-shortcuts-toggle = Njia za mkato za kitufe kimoja
console-keys = Vitufe:
console-key-next = inayofuata
console-key-previous = iliyotangulia
console-key-blank = zima skrini
console-key-join = msimbo
console-key-or = au
console-keys-focused = Kwenye kitufe kilichochaguliwa, Space na Enter hubonyeza kitufe hicho tu.
console-agenda = Ratiba
console-minutes = { $count } dk
console-topic-praying = { $count } wanaomba
console-announce-join-shown = Msimbo unaonyeshwa kwenye projekta.
console-announce-join-hidden = Msimbo umefichwa kwenye projekta.
console-announce-topic = Kwenye skrini sasa hoja { $number } kati ya { $total }: { $title }
console-announce-ended = Maombi yamekwisha.
console-announce-blank = Projekta imezimwa.
console-announce-unblank = Projekta inaonyesha tena.
console-announce-shortcuts-on = Njia za mkato za kibodi zimewashwa.
console-announce-shortcuts-off = Njia za mkato za kibodi zimezimwa.
console-not-connected = Hakuna muunganisho — inaunganisha tena. Jaribu tena baada ya muda mfupi.
console-status-ended = Maombi yamekwisha. Yafungue tena ili kuendelea.
console-status-last = Hoja ya mwisho: maliza maombi ukiwa tayari.
console-status-first = Hii ni hoja ya kwanza.
console-status-not-started = Bado hayajaanza: bonyeza Anza ili kuonyesha hoja ya kwanza.
console-confirm-end = Kumaliza maombi sasa? Simu na projekta zitaonyesha skrini ya mwisho.
console-confirm-reopen = Kufungua maombi tena? Simu na projekta zitaacha skrini ya mwisho na kuonyesha tena hoja ya mwisho.
console-went-wrong = Kuna hitilafu imetokea.
console-key-space = Space
console-key-page-down = Page Down
console-key-page-up = Page Up
# Kwa nini seva ilikataa amri, kulingana na msimbo iliotoa.
console-error-busy = Seva ina shughuli nyingi. Jaribu tena baada ya muda mfupi.
console-error-rate-limited = Amri nyingi mno kwa wakati mmoja: baadhi zimerukwa. Subiri kidogo.
console-error-unknown-topic = Hoja hiyo haimo tena kwenye ratiba.
console-error-not-live = Hoja hiyo haionyeshwi sasa.
console-error-forbidden = Dashibodi hii haiwezi kufanya hivyo. Pakia ukurasa upya na uingie tena.

# Historia ya mkutano: akaunti gani iliuanza, kuumaliza, kuufungua tena au kuuhariri.
console-history-heading = Historia
console-history-none = Bado haujaanzishwa wala kuhaririwa.
console-history-started = Ulianzishwa na { $who } { $when }
console-history-ended = Ulimalizwa na { $who } { $when }
console-history-reopened = Ulifunguliwa tena na { $who } { $when }
console-history-edited = Ulihaririwa na { $who } { $when }
