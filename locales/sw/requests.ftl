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

requests-page-title = Maombi ya kuombewa · { $title }
requests-back = Rudi kwenye koni
requests-counts = { $new } yanasubiri · { $team } kwa timu ya maombi · { $approved } yamekubaliwa · { $hidden } yamefichwa
requests-moderation-note = Hakuna kinachofika kwenye simu wala projekta kabla ya kukubaliwa. Maombi ya timu ya maombi pekee hayafiki kamwe.
requests-none-yet = Bado hakuna maombi. Yataonekana hapa simu zinapoyatuma.
requests-group-new = Yanasubiri
requests-group-approved = Yamekubaliwa
requests-group-hidden = Yamefichwa
requests-words-deleted = Maandishi yalifutwa muda wa kuhifadhi ulipoisha.
requests-team-only = Timu ya maombi pekee
requests-edited = limehaririwa
requests-prayed-badge = Limeombewa
requests-action-approve = Kubali
requests-action-hide = Ficha
requests-action-requeue = Rudisha kwenye foleni
requests-action-prayed = Weka alama limeombewa
requests-action-unprayed = Bado halijaombewa
requests-edit = Hariri maandishi
requests-edit-text = Ombi
requests-edit-name = Jina la kwanza
requests-save = Hifadhi
requests-live-offline = Nje ya mtandao: maombi mapya yataonekana mtandao ukirudi.
requests-settings = Baada ya mkutano
requests-retention = Futa maandishi ya maombi baada ya (siku)
requests-retention-note = Idadi pekee ndizo zinabaki kwa ripoti.
requests-on-keep-list = Onyesha maombi yaliyokubaliwa kwa wote kwenye ukurasa wa "Endelea kuomba" wa simu
requests-download = Pakua maombi:
requests-links = Viungo vya usimamizi
requests-links-note = Msaidizi hufungua kiungo cha usimamizi kwenye simu ili kukubali, kuhariri na kuficha maombi. Hawezi kuongoza mkutano, na unaweza kukibatilisha wakati wowote.
requests-link-once = Mpe msaidizi wako kiungo hiki sasa: kinaonyeshwa mara moja tu.
requests-link-type = Au fungua { $address } na uandike
requests-link-label = Jina (si lazima)
requests-link-make = Tengeneza kiungo cha usimamizi
requests-link-unnamed = Kiungo cha usimamizi { $count }
requests-link-revoked = (kimebatilishwa)
requests-link-revoke = Batilisha
requests-console-card = Maombi ya kuombewa
requests-console-waiting =
    { $count ->
        [one] { $count } linasubiri
       *[other] { $count } yanasubiri
    }
requests-console-open = Fungua maombi
requests-error-empty = Ombi ni tupu.
requests-error-too-long = Ombi lina herufi { $count }; zinazotosha ni { $max } tu.
requests-error-name-too-long = Jina lina herufi { $count }; zinazotosha ni { $max } tu.
requests-error-audience = Ombi ni kwa kila mtu aliye hapa au kwa timu ya maombi pekee.
requests-error-not-moderation = Hilo si jambo ambalo msimamizi anaweza kufanya.
requests-error-link-label = Jina la kiungo linaweza kuwa na herufi { $max } tu.
requests-error-retention = Hifadhi maandishi kati ya siku 0 na { $max } (namba kamili).
requests-error-no-link = Kiungo hiki cha usimamizi hakifungui chochote: huenda kimebatilishwa. Omba kipya kwa kiongozi wa mkutano.
requests-error-gone = Ombi hilo halipo tena katika mkutano huu.
requests-error-link-gone = Kiungo hicho cha usimamizi si cha mkutano huu, au tayari kimebatilishwa.
requests-error-slow-down = Umetuma maombi kadhaa sasa hivi. Utaweza kutuma jingine baada ya dakika { $minutes }.
requests-error-full = Timu ya maombi tayari ina maombi yote inayoweza kupokea usiku huu.
requests-error-busy = Haikuweza kuhifadhiwa sasa hivi; itatumwa tena.
requests-error-unknown = Ombi hilo haliwezi kuombewa hapa tena.
requests-error-only-phones = Simu za washiriki pekee zinaweza kutuma maombi au kuyaombea.
requests-error-guessing = Misimbo mingi mno isiyo sahihi kutoka mtandao huu. Subiri dakika chache ujaribu tena.
requests-report-heading = Maombi ya kuombewa
requests-report-received = Yaliyopokelewa
requests-report-approved = Yaliyokubaliwa
requests-report-team = Kwa timu ya maombi pekee
requests-report-prayers = Maombi kutoka kwenye simu
requests-report-link = Maombi ({ $count } yamewekwa alama kuwa yameombewa na timu).

requests-projector-heading = Tunaombea maombi yenu
requests-on-screen = Skrini inaonyesha maombi ya sala: yaombee kwenye orodha hapa chini.
requests-console-show = Onyesha maombi kwenye projekta
requests-console-hide = Acha kuonyesha maombi
requests-action-show = Onyesha kwenye projekta
moderate-enter-title = Simamia maombi ya sala
moderate-enter-lead = Andika msimbo wa msimamizi uliopewa na kiongozi.
moderate-enter-label = Msimbo wa msimamizi
moderate-enter-button = Fungua
moderate-enter-error = Msimbo wa msimamizi una herufi na tarakimu 12, kama ABCD-EFGH-JKMN. Tafadhali uhakiki na ujaribu tena.
requests-group-team = Kwa timu ya maombi pekee
requests-team-note = Wasimamizi pekee ndio husoma maombi haya. Omba kwa kila moja na uliwekee alama kuwa limeombewa: halionyeshwi kamwe kwenye simu wala projekta.
requests-error-team-approve = Ombi la timu ya maombi halionyeshwi kamwe kwa ukumbi, kwa hiyo haliwezi kuidhinishwa. Liombee na uliwekee alama kuwa limeombewa.
requests-on-screen-button = Kitufe kikubwa bado kinahesabu kwa mada hii.
requests-console-screen-note = Projekta inaonyesha maombi ya sala, si mada hii. Simu bado zinaonyesha mada hii, na Inayofuata inazisogeza mbele.
