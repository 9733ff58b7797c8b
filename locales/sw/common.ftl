language-label = Lugha
language-apply = Badilisha
gone-signed-out = Umetolewa kwenye akaunti, hapa au kwenye kifaa kingine, kwa hiyo ukurasa huu hauonyeshi tena mkutano.
gone-account-disabled = Mmiliki wa seva amezima akaunti yako, kwa hiyo ukurasa huu hauonyeshi chochote tena.
gone-no-longer-leads = Huongozi tena mkutano huu: mmiliki wake ameacha kuushiriki nawe.
gone-link-revoked = Kiungo hiki cha msimamizi kimebatilishwa, kwa hiyo ukurasa huu hauonyeshi maombi tena. Omba kiungo kipya kwa kiongozi ikiwa bado unasaidia.
gone-gathering-deleted = Kiongozi amefuta mkutano huu.
gone-not-found = Ukurasa huu haupatikani tena: kiungo chake kimebatilishwa au mkutano umefutwa.
gone-sign-in = Ingia tena
gone-gatherings = Mikutano yako
# A language named inside a sentence, in the reader's language (the language switch names each in its own).
language-name =
    { $code ->
        [en] Kiingereza
        [es] Kihispania
        [pt] Kireno
        [fr] Kifaransa
        [sw] Kiswahili
       *[other] { $code }
    }
copy-link = Nakili kiungo
copy-done = Imenakiliwa.
copy-select = Chagua kiungo na ukinakili.
