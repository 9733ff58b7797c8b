# Maombi kutoka ukumbini: sehemu ya simu.

requests-heading = Maombi ya kuombewa
requests-share = Shiriki ombi la maombi
requests-text-label = Ombi lako
requests-name-label = Jina la kwanza (si lazima)
requests-who-label = Nani anaweza kuliombea?
requests-for-everyone = Kila mtu aliye hapa
requests-for-team = Timu ya maombi pekee
requests-send = Tuma
requests-moderated-note = Timu ya maombi husoma kila ombi kabla mtu mwingine yeyote hajaliona.
requests-none = Bado hakuna maombi yaliyoshirikiwa na wote.
requests-pray-button = Ninaomba
requests-praying =
    { $count ->
        [one] { $count } anaomba
       *[other] { $count } wanaomba
    }
requests-characters-left =
    { $count ->
        [one] Imebaki herufi { $count }
       *[other] Zimebaki herufi { $count }
    }
requests-sending = Ombi lako linatumwa…
requests-saved = Limehifadhiwa kwenye simu hii: litatumwa mtandao ukirudi.
requests-received = Limepokelewa. Asante: timu ya maombi italisoma.
requests-received-team = Limepokelewa. Timu ya maombi pekee italisoma.
requests-empty = Tafadhali andika ombi lako kwanza.
requests-busy = Ombi halikuweza kutumwa sasa hivi; litajaribiwa tena.
