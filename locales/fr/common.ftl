language-label = Langue
language-apply = Changer
gone-signed-out = Vous avez été déconnecté, ici ou sur un autre appareil : cette page n’affiche plus la rencontre.
gone-account-disabled = Le propriétaire du serveur a désactivé votre compte : cette page n’affiche plus rien.
gone-no-longer-leads = Vous n’animez plus cette rencontre : son propriétaire a cessé de la partager avec vous.
gone-link-revoked = Ce lien de modération a été révoqué : cette page n’affiche plus aucune demande. Demandez un nouveau lien à l’animateur si vous aidez encore.
gone-gathering-deleted = L’animateur a supprimé cette rencontre.
gone-not-found = Cette page n’est plus disponible : son lien a été révoqué ou la rencontre supprimée.
gone-sign-in = Se reconnecter
gone-gatherings = Vos rencontres
# A language named inside a sentence, in the reader's language (the language switch names each in its own).
language-name =
    { $code ->
        [en] anglais
        [es] espagnol
        [pt] portugais
        [fr] français
        [sw] swahili
       *[other] { $code }
    }
copy-link = Copier le lien
copy-done = Copié.
copy-select = Sélectionnez le lien et copiez-le.
