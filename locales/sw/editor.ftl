# Kihariri cha ratiba (/console/MSIMBO/edit), fomu ya hoja, uthibitisho wa
# kufuta, jumbe zake za uthibitisho na sababu fomu inapokataliwa.

editor-page-title = Hariri { $title }
editor-all-gatherings = ← Mikutano yote
editor-open-console = Fungua dashibodi
editor-export-md = Hamisha kama Markdown
editor-export-json = Hamisha kama JSON
editor-join-code = Msimbo wa kujiunga
editor-live-note = Maombi haya yanaendelea: mabadiliko yanafika kwenye simu na projekta mara tu unapohifadhi.
editor-gathering = Mkutano
editor-title = Kichwa
editor-optional = (si lazima)
editor-opening-scripture = Andiko la ufunguzi
editor-reference = Rejea
editor-reference-example = Isaya 51:14-15
editor-introduction = Utangulizi
editor-introduction-hint = (si lazima: simu na projekta huuonyesha kabla ya hoja ya kwanza)
editor-closing = Maneno ya kufunga
editor-closing-hint = (si lazima, hadi herufi { $count }: simu huyaonyesha juu ya hoja za kuendelea kuombea, na projekta kwenye skrini yake ya mwisho; mstari mtupu huanzisha aya mpya)
editor-closing-example = Asante kwa kuomba pamoja nasi usiku huu.
editor-time-zone = Saa za eneo
editor-time-zone-hint = (ripoti na vipakuliwa vyake hutoa saa kwa eneo hili)
editor-save = Hifadhi
editor-agenda = Ratiba
editor-no-sections = Bado hakuna sehemu. Ongeza ya kwanza hapa chini, au { $link }.
editor-import-link = leta mwongozo wa maombi
editor-section-label = Sehemu { $title }
editor-section-title = Kichwa cha sehemu
editor-section-description = Maelezo ya sehemu
editor-section-description-placeholder = Maelezo (si lazima)
editor-move-section-up = Pandisha sehemu
editor-move-section-down = Shusha sehemu
editor-move-up-named = Pandisha { $title }
editor-move-down-named = Shusha { $title }
editor-move-up = Pandisha
editor-move-down = Shusha
editor-delete = Futa
editor-section-named = sehemu { $title }
editor-confirm-delete-section =
    { $count ->
        [one] Kufuta sehemu “{ $title }” na hoja yake { $count }?
       *[other] Kufuta sehemu “{ $title }” na hoja zake { $count }?
    }
editor-confirm-delete-topic = Kufuta hoja “{ $title }”?
editor-praise = Sifa
editor-sensitive = Nyeti
editor-minutes = { $count } dk
editor-add-topic-to = + Ongeza hoja kwenye { $title }
editor-add-section = Ongeza sehemu
editor-section-example = Tuombee | Utumwa wa kazi za kulazimishwa
editor-add-section-button = Ongeza sehemu
editor-more = Zaidi
editor-duplicate = Nakili kama mkutano mpya
editor-delete-gathering = Futa mkutano huu…

topic-edit = Hariri hoja
topic-new = Hoja mpya
topic-back-to = ← Rudi kwenye { $title }
topic-check-fields = Tafadhali kagua sehemu zilizowekwa alama hapa chini.
topic-title = Kichwa
topic-section = Sehemu
topic-kind = Aina
topic-pray = Maombi
topic-praise = Sifa
topic-minutes = Dakika zilizopangwa
topic-scripture = Andiko
topic-reference = Rejea
topic-reference-example = Zaburi 146:7
topic-text = Maandishi
topic-text-hint = Tenganisha aya kwa mstari mtupu. *mlalo*, **nzito**, orodha zenye “- ” na [viungo](https://…) huonyeshwa hivyo.
topic-notes = Maelezo ya faragha
topic-notes-hint = (unayaona wewe tu, kwenye dashibodi)
topic-sensitive = Habari nyeti: projekta inaonyesha muhtasari ulio hapa chini tu; simu zinaonyesha maandishi yote baada ya tahadhari fupi
topic-summary = Muhtasari salama kwa projekta
topic-save = Hifadhi hoja
topic-add = Ongeza hoja

delete-page-title = Futa { $title }
delete-back-to = ← Rudi kwenye { $title }
delete-heading = Kufuta “{ $title }”?
delete-explain = Hii inafuta ratiba yake na hesabu zote zilizorekodiwa. Haiwezi kutenduliwa. Huenda ukataka kuuhamisha kwanza.
delete-live = Mkutano huu { $live }: simu na projekta zinaufuatilia sasa.
delete-live-word = unaendelea
delete-type-code = Andika msimbo { $code } ili kuufuta hata hivyo
delete-button = Futa mkutano huu
delete-keep = Ubaki
delete-live-refused = Mkutano huu unaendelea. Andika msimbo wake, { $code }, ili kuufuta hata hivyo.

flash-deleted = “{ $title }” ({ $code }) umefutwa.
flash-settings-saved = Mipangilio ya mkutano imehifadhiwa.
flash-topic-added = “{ $title }” imeongezwa.
flash-topic-saved = “{ $title }” imehifadhiwa.

error-title-empty-gathering = Tafadhali upe mkutano kichwa.
error-title-empty-section = Tafadhali ipe sehemu kichwa.
error-title-empty-topic = Tafadhali ipe hoja kichwa.
error-title-long-gathering = Kichwa cha mkutano kisizidi herufi { $max } (kina { $count }).
error-title-long-section = Kichwa cha sehemu kisizidi herufi { $max } (kina { $count }).
error-title-long-topic = Kichwa cha hoja kisizidi herufi { $max } (kina { $count }).
error-text-long = Maandishi haya yasizidi herufi { $max } (yana { $count }).
error-closing-long = Maneno ya kufunga yasizidi herufi { $max } (yana { $count }).
error-introduction-long = Utangulizi usizidi herufi { $max }.
error-description-long = Maelezo ya sehemu yasizidi herufi { $max }.
error-reference-long = Rejea kama “Isaya 51:14-15” haizidi herufi { $max }.
error-reference-missing = Tafadhali taja mstari unatoka wapi, kama “Isaya 51:14-15”.
error-kind = Chagua maombi au sifa.
error-minutes = Dakika zilizopangwa ziwe namba kamili kuanzia 1 hadi { $max }.
error-section-choose = Chagua sehemu ambamo hoja hii inahusika.
error-summary-needed = Hoja nyeti inahitaji muhtasari mfupi ulio salama kuonyeshwa kwenye projekta.
error-section-gone = Sehemu hiyo haimo tena kwenye mkutano huu.
error-time-zone-empty = Tafadhali taja saa za eneo, kama Africa/Nairobi.
error-time-zone-unknown = “{ $zone }” si jina la saa za eneo. Tumia moja kama Africa/Nairobi, Africa/Dar_es_Salaam au Africa/Kampala.

## Who leads
leaders-heading = Wanaoongoza
leaders-owner = Mwenye mkusanyiko: { $name }
leaders-none = Bado hakuna viongozi wasaidizi.
leaders-remove = Ondoa
leaders-remove-confirm = Acha kushiriki mkusanyiko huu na { $name }? Skrini zake za uongozi zilizo wazi kwa mkusanyiko huu zitafungwa.
leaders-add-label = Ongeza kiongozi msaidizi kwa jina la akaunti
leaders-add = Ongeza
leaders-explain = Viongozi wasaidizi wanaweza kuongoza na kuhariri mkusanyiko huu, kwa mfano kwa simu mbele wakati wewe unatumia kompyuta. Ni wewe pekee unayeweza kuufuta au kubadilisha unaoshirikiana nao.
leaders-no-account = Hakuna akaunti inayoitwa “{ $name }”. Angalia tahajia, au mwombe mwenye seva amkaribishe.
leaders-already-owner = { $name } tayari ndiye mwenye mkusanyiko huu.
leaders-added = { $name } sasa anaweza kuongoza mkusanyiko huu.
leaders-removed = { $name } haongozi tena mkusanyiko huu.
leaders-not-shared = Akaunti hiyo haiongozi mkusanyiko huu pamoja nawe.
