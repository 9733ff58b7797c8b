# Kile ambacho amri za `intercede` huchapisha (maandishi ya --help yanabaki kwa Kiingereza).

cli-imported = “{ $title }” imeletwa kama mkutano wa rasimu wenye msimbo { $code }.
cli-set-aside = kimewekwa kando: { $line }
cli-section = { $title } (hoja { $count })
cli-praise = [sifa]
cli-could-not-read = Haikuweza kusoma { $file }: { $error }
cli-could-not-import = Haikuweza kuleta { $file }: { $error }
cli-could-not-open = Haikuweza kufungua hifadhidata { $database }: { $error }
cli-could-not-save = Haikuweza kuhifadhi mkutano: { $error }
cli-no-gathering = Hakuna mkutano wenye msimbo { $code } katika { $database }.
cli-could-not-report = Haikuweza kuandaa ripoti: { $error }
cli-not-a-code = “{ $code }” si msimbo wa maombi (herufi na tarakimu sita, kama K7HQ2M).
cli-could-not-export = Haikuweza kusoma ratiba: { $error }
cli-imported-for = Ni wa { $name }.

# intercede accounts
cli-could-not-accounts = Haikuweza kusoma wala kubadilisha akaunti: { $error }
cli-no-accounts = Bado hakuna akaunti: akaunti ya mmiliki huundwa seva inapoanza kwa mara ya kwanza.
cli-no-account = Hakuna akaunti inayoitwa “{ $name }”. Kuona akaunti zote: intercede accounts list
cli-role-owner = mmiliki
cli-role-facilitator = kiongozi
cli-state-enabled = inatumika
cli-state-disabled = imezimwa
cli-state-pending = inasubiri (bado haina nenosiri)
cli-account-gatherings =
    { $count ->
        [one] mkutano { $count }
       *[other] mikutano { $count }
    }
cli-account-created = iliundwa { $date }
cli-invite = Kiungo cha kiongozi mpya kuchagua jina na nenosiri. Kinafanya kazi mara moja tu, hadi { $expires }:
cli-reset = Kiungo cha { $name } kuchagua nenosiri jipya. Kinafanya kazi mara moja tu, hadi { $expires }:
cli-reset-disabled = Akaunti ya { $name } imezimwa: iwashe kwanza (intercede accounts enable { $name }).
cli-link-local = Kiungo kinaanza na { $base }, kinachofanya kazi kwenye kompyuta hii tu: anzisha kwa --public-url (anwani ambayo wengine hufikia seva nayo) ili kuchapisha kiungo cha kutuma.
cli-link-public = Kiungo kinaanza na anwani ya --public-url, { $base }.
cli-owner-not-disabled = { $name } ni akaunti ya mmiliki: haiwezi kuzimwa.
cli-disabled = Akaunti ya { $name } imezimwa: haiwezi tena kuingia, na koni zake zilizo wazi hufungwa ndani ya sekunde chache kwenye seva inayoendesha.
cli-enabled = Akaunti ya { $name } inatumika: inaweza kuingia tena.
