# Ukurasa wa akaunti wa mmiliki, viungo vya mwaliko unavyotengeneza, na
# ukurasa ambapo aliyealikwa huchagua jina na nenosiri.

accounts-signed-in-as = Umeingia kama { $name }
accounts-link = Akaunti
accounts-shared-by = Imeshirikiwa na { $name }
accounts-belongs-to = Ni wa { $name }

accounts-title = Akaunti za waongozaji
accounts-back = ← Mikutano yako
accounts-back-to-list = ← Akaunti
accounts-invite-heading = Alika mwongozaji
accounts-invite-note =
    { $count ->
        [one] Kiungo kinafanya kazi mara moja tu, kwa siku { $count }. Hakuna barua pepe inayotumwa: mpe mtu huyo wewe mwenyewe.
       *[other] Kiungo kinafanya kazi mara moja tu, kwa siku { $count }. Hakuna barua pepe inayotumwa: mpe mtu huyo wewe mwenyewe.
    }
accounts-invite-button = Tengeneza kiungo cha mwaliko
accounts-owner = mmiliki
accounts-disabled = imezimwa
accounts-pending = mwaliko bado haujakubaliwa
accounts-created = Iliundwa { $date }
accounts-gatherings =
    { $count ->
        [one] mkutano { $count }
       *[other] mikutano { $count }
    }
accounts-waiting = Mwaliko mmoja unasubiri kutumiwa, hadi { $date }.
accounts-link-waiting = Kiungo cha nenosiri jipya kinasubiri kutumiwa, hadi { $date }.
accounts-reset = Kiungo cha nenosiri jipya
accounts-enable = Washa
accounts-disable = Zima…
accounts-disable-explain = { $name } atatolewa mara moja, hata kwenye konsoli zilizo wazi, na hataweza kuingia hadi akaunti iwashwe tena. Mikutano yake inabaki.
accounts-disable-confirm = Zima akaunti ya { $name }
accounts-disabled-flash = Akaunti ya { $name } imezimwa na ametolewa.
accounts-enabled-flash = { $name } anaweza kuingia tena.
accounts-no-such = Akaunti hiyo haipo.
accounts-reset-disabled = Akaunti hii imezimwa. Iwashe kwanza kabla ya kutengeneza kiungo cha nenosiri jipya.
accounts-owner-stays = Akaunti ya mmiliki haiwezi kuzimwa.

accounts-link-title = Kiungo cha mwaliko
accounts-link-new = Mpe mwongozaji unayemwalika kiungo hiki. Yeye atachagua jina na nenosiri lake.
accounts-link-for = Kwa kiungo hiki, { $name } anachagua nenosiri jipya. Vikao vyake vingine vinaisha kikitumiwa.
accounts-link-once = Kiungo hiki kinaonyeshwa mara hii tu. Kinakili sasa, au mwache apige picha ya msimbo.
accounts-link-label = Kiungo
accounts-link-expires = Kinafanya kazi mara moja, hadi { $date }.

invite-title = Karibu Intercede
invite-new-lead = Umealikwa kuongoza mikutano. Chagua jina utakalotumia kuingia, na nenosiri.
invite-reset-lead = Chagua nenosiri jipya la { $name }.
invite-password = Nenosiri jipya
invite-repeat = Rudia nenosiri jipya
invite-password-hint =
    { $count ->
        [one] Angalau herufi { $count }.
       *[other] Angalau herufi { $count }.
    }
invite-button = Hifadhi na uingie
invite-expires = Kiungo hiki kinafanya kazi hadi { $date }.
invite-gone = Kiungo hiki cha mwaliko hakiwezi kutumika: kimeshatumika, muda wake umeisha, au hakijawahi kutengenezwa. Muombe aliyekualika akupe kipya.
invite-guessing = Viungo vingi mno visivyo sahihi kutoka mtandao wako. Tafadhali subiri dakika chache.
invite-name-empty = Tafadhali andika jina.
invite-name-long =
    { $count ->
        [one] Jina linaweza kuwa na herufi { $count } tu.
       *[other] Jina linaweza kuwa na herufi { $count } tu.
    }
invite-name-taken = Akaunti nyingine tayari ina jina hili, au jina linalofanana nalo. Tafadhali chagua jingine.
invite-password-short =
    { $count ->
        [one] Nenosiri linahitaji angalau herufi { $count }.
       *[other] Nenosiri linahitaji angalau herufi { $count }.
    }
invite-password-long =
    { $count ->
        [one] Nenosiri linaweza kuwa na herufi { $count } tu.
       *[other] Nenosiri linaweza kuwa na herufi { $count } tu.
    }
invite-password-mismatch = Manenosiri mawili hayafanani.
invite-welcome = Karibu, { $name }. Umeingia.
invite-name-invisible = Jina haliwezi kuwa na herufi zisizoonekana, vichupo, mistari mipya au herufi zinazobadilisha mwelekeo wa maandishi.
invite-name-not-allowed = Jina haliwezi kuwa na “{ $character }”. Tumia herufi, tarakimu, nafasi, vistari, nukta, mistari ya chini au apostrofi.
invite-name-mixed = Jina linachanganya herufi za alfabeti tofauti zinazofanana. Tafadhali liandike kwa alfabeti moja.
accounts-co-leads =
    { $count ->
        [one] inaongoza pamoja mkutano { $count }
       *[other] inaongoza pamoja mikutano { $count }
    }
