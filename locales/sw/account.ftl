# Ukurasa wa kuingia wa kiongozi, orodha ya mikutano ya maombi, na kichaguo
# cha lugha kwenye kurasa za kiongozi.

login-title = Kuingia kwa kiongozi
login-name = Jina lako
login-password = Nenosiri
login-button = Ingia
login-here-to-pray = Umekuja kuomba?
login-join-link = Jiunge na maombi kwa msimbo wake
login-wrong-password = Jina hilo na nenosiri hilo havilingani na akaunti yoyote. Tafadhali jaribu tena.
login-too-many = Manenosiri mengi mno yasiyo sahihi. Tafadhali subiri dakika moja kabla ya kujaribu tena.
login-busy = Seva ina shughuli ya kukagua manenosiri. Tafadhali jaribu tena baada ya muda mfupi.
login-needed = Tafadhali ingia kwanza kama kiongozi.
signed-out = Umetoka.
sign-out = Toka

list-title = Mikutano yako ya maombi
list-new-label = Mkutano mpya wa maombi
list-new-placeholder = Jioni ya maombi
list-create = Unda
list-import-or = au { $link } (bandika maandishi au pakia faili ya .txt / .md).
list-import-link = leta mwongozo wa maombi
list-empty = Bado hakuna mikutano ya maombi.
list-col-gathering = Mkutano
list-col-code = Msimbo
list-col-status = Hali
list-col-open = Fungua
list-last-run = Ulifanyika { $date }
list-created = Uliundwa { $date }
list-topics =
    { $count ->
        [one] hoja { $count }
       *[other] hoja { $count }
    }
list-console = Dashibodi
list-edit = Hariri ratiba
list-report = Ripoti
list-phone = Mwonekano wa simu
list-projector = Projekta
list-for-title = ya { $title }

status-draft = rasimu
status-live = unaendelea
status-ended = umekwisha
