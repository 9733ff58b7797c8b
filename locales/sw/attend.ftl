attend-connecting = Inaunganisha…
attend-online = Moja kwa moja
attend-offline = Nje ya mtandao — miguso yako itatumwa mtandao utakaporudi
attend-offline-ended = Nje ya mtandao
attend-welcome = Karibu
attend-begin-soon = Maombi yataanza hivi punde
attend-waiting-help = Acha ukurasa huu wazi. Kila hoja ya maombi itaonekana hapa kiongozi anapotuongoza, na unaweza kugusa “Ninaomba” ili kujiunga nasi.
attend-praise-label = Sifa
attend-topic-number = Hoja { $number } kati ya { $total }
attend-advisory = Habari hii inaeleza unyanyasaji na inaweza kuwa ngumu kusoma. Gusa ili uisome.
attend-pray-button = Ninaomba
attend-thanks-button = Ninashukuru
attend-counted = Imehesabiwa — asante
attend-sending = Inatuma…
attend-saved = Imehifadhiwa — itatumwa mtandao utakaporudi
attend-praying-count =
    { $count ->
        [one] mtu { $count } anaomba
       *[other] watu { $count } wanaomba
    }
attend-thanks-count =
    { $count ->
        [one] mtu { $count } anashukuru
       *[other] watu { $count } wanashukuru
    }
attend-amen = Amina
attend-keep-heading = Endelea kuomba
attend-ended-plain = Maombi yamekwisha. Asante kwa kusimama pamoja nasi katika maombi.
attend-keep-intro = Hizi ndizo hoja tulizoziombea leo, kila moja ikionyesha watu wangapi ukumbini walioiombea na kama wewe uliiombea. Ukurasa huu utabaki hapa, ili uendelee kuziombea wiki hii.
attend-print = Chapisha orodha hii
attend-you-prayed = Uliiombea hoja hii
attend-room-prayed =
    { $count ->
        [one] simu { $count } ukumbini iliiombea hoja hii
       *[other] simu { $count } ukumbini ziliiombea hoja hii
    }
attend-so-far = Kufikia sasa: hoja { $count }
attend-we-prayed-for = Tuliombea hoja { $count }
attend-noscript = Washa JavaScript ili kufuatilia maombi moja kwa moja na kugusa “Ninaomba”. Pakia upya ukurasa ili kuona hoja ya sasa.
attend-busy = Kuna shughuli nyingi — tutajaribu tena baada ya muda mfupi
attend-not-live = Maombi kwa hoja hii bado hayajaanza
attend-unknown-topic = Hoja hiyo haipo tena katika mkutano huu
attend-error = Kuna hitilafu — tafadhali gusa tena
attend-announce-topic = Hoja mpya, { $number } kati ya { $total }: { $title }
attend-announce-ended-keep = Maombi yamekwisha. Hizi ndizo hoja za kuendelea kuziombea.
attend-announce-ended = Maombi yamekwisha. Asante kwa kuomba.
attend-language-later = Lugha itabadilika mtandao utakaporudi.
attend-too-many-phones = Simu mpya nyingi mno zimejiunga kutoka kwenye mtandao wako katika dakika chache zilizopita. Tafadhali subiri dakika moja kisha upakie upya ukurasa.
