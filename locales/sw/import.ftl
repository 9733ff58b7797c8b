# Kuleta mwongozo wa maombi: fomu, hakikisho, kile kilichotambuliwa
# (pia huchapishwa na `intercede import`) na kwa nini mwongozo unakataliwa.

import-title = Leta mwongozo wa maombi
import-all-gatherings = ← Mikutano yote
import-lead = Bandika mwongozo kama ulivyoupokea (karatasi, barua pepe, ukurasa wa wavuti), au pakia faili ya .txt au .md. Utaona kile Intercede ilichotambua kabla chochote hakijaundwa.
import-guide-title = Kichwa
import-guide-title-hint = (si lazima: vinginevyo kinachukuliwa kutoka kwenye mwongozo)
import-text = Maandishi ya mwongozo
import-file = …au faili
import-preview-button = Hakikisho
import-too-large = Mwongozo huo ni mkubwa kuliko KiB { $count }. Ugawanye, au bandika sehemu unayohitaji tu.
# The title of a guide that has none of its own (the facilitator can rename it).
import-default-title = Mwongozo wa maombi ulioletwa

preview-page-title = Hakikisho la kuleta
preview-heading = Hakikisho: { $title }
preview-will-create = Sehemu { $sections } na hoja { $count } zitaundwa kama mkutano wa rasimu.
preview-opening = Andiko la ufunguzi: { $reference }.
preview-change-here = Badilisha hapa vichwa, aina na kilicho hoja, au hariri kila kitu baadaye.
preview-recognised = Kilichotambuliwa
preview-gathering-title = Kichwa cha mkutano
preview-set-aside = Kimewekwa kando
preview-set-aside-explain = Kichwa cha barua pepe iliyotumwa upya: hakigeuzwi kuwa hoja, wala hakihifadhiwi kwenye mkutano.
preview-introduction = Utangulizi
preview-no-introduction = Haukupatikana. Simu na projekta zinaonyesha kichwa tu kabla ya hoja ya kwanza.
preview-introduction-shown = Unaonyeshwa kwenye simu na projekta kabla ya hoja ya kwanza.
preview-section = Sehemu { $title }
preview-section-description = Maelezo ya sehemu
preview-description-as-topic = Yafanye kuwa hoja ya kwanza ya sehemu badala yake
preview-no-topics = Hakuna hoja.
preview-title = Kichwa
preview-kind = Aina
preview-pray = Maombi
preview-praise = Sifa
preview-sensitive = Nyeti
preview-paragraph-is = Aya hii ni
preview-place-topic = Hoja
preview-place-description = Maelezo ya sehemu
preview-place-introduction = Utangulizi
preview-place-closing = Maneno ya kufunga
preview-minutes = { $count } dk
preview-flagged = Imewekwa alama ya nyeti: { $reason }. Projekta inaonyesha: “{ $summary }”
preview-text = Maandishi
preview-closing = Maneno ya kufunga
preview-no-closing = Hayakupatikana. Unaweza kuongeza maneno ya kufunga kwenye kihariri.
preview-closing-shown = Yanaonyeshwa kwenye simu na projekta maombi yanapokwisha.
preview-create = Unda mkutano huu
preview-again = Anza upya

note-title = Kichwa: { $title }
note-title-replacing = Kichwa: { $title } (badala ya kichwa cha mwongozo wenyewe, “{ $own }”)
note-title-subject = Kichwa: { $title } (somo la barua pepe iliyotumwa upya; kibadilishe ukipenda)
note-title-sentence = Kichwa: { $title } (kutoka sentensi ya kwanza ya mwongozo; kibadilishe ukipenda)
note-title-default = Kichwa: { $title } (mwongozo hauna mstari wa kichwa; kibadilishe ukipenda)
note-set-aside = Kimewekwa kando: kichwa cha barua pepe iliyotumwa upya (mistari { $count }), hakikugeuzwa kuwa hoja
note-opening = Andiko la ufunguzi: { $reference }
note-opening-unreferenced = Andiko la ufunguzi: nukuu isiyo na rejea
note-no-opening = Hakuna andiko la ufunguzi lililopatikana
note-no-introduction = Hakuna utangulizi uliopatikana
note-introduction = Utangulizi: { $glimpse }
note-no-closing = Hakuna maneno ya kufunga yaliyopatikana
note-closing = Maneno ya kufunga: { $glimpse }
note-section = Sehemu “{ $title }”: hoja { $count }
note-section-praise = Sehemu “{ $title }”: hoja { $count } ({ $praise } za sifa)
note-sensitive = Nyeti: “{ $title }” { $reason }; projekta inaonyesha muhtasari badala yake
note-summary = Hoja { $count } katika sehemu { $sections }, takriban dakika { $minutes } zilizopangwa
reason-words = inasimulia “{ $words }”
reason-marked = imewekwa alama ya nyeti kwenye mwongozo

import-error-empty = Mwongozo ni mtupu. Bandika maandishi ya mwongozo wa maombi, au chagua faili yenye maandishi.
import-error-too-large = Faili ni kubwa mno kuletwa (baiti { $bytes }; kikomo ni MB 1). Bandika maandishi ya mwongozo wa maombi tu, au uigawanye katika faili ndogo zaidi.
import-error-not-text = Faili hii si maandishi matupu. Hifadhi mwongozo wa maombi kama faili ya .txt au .md (UTF-8), au nakili maandishi yake na uyabandike.
import-error-bad-json = Hii si ratiba iliyohamishwa ambayo Intercede inaweza kusoma ({ $detail }). Chagua faili ya .json iliyohamishwa kutoka Intercede, bila kubadilishwa.
note-translation = Tafsiri: { $language } ({ $code })
