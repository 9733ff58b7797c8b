# Kile ambacho `intercede import` na `intercede report` huchapisha (maandishi ya --help yanabaki kwa Kiingereza).

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
