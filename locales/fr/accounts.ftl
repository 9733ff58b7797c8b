# La page des comptes du propriétaire, les liens d'invitation qu'elle crée
# et la page où la personne invitée choisit son nom et son mot de passe.

accounts-signed-in-as = Connecté en tant que { $name }
accounts-link = Comptes
accounts-shared-by = Partagé par { $name }
accounts-belongs-to = Appartient à { $name }

accounts-title = Comptes des animateurs
accounts-back = ← Vos rencontres
accounts-back-to-list = ← Comptes
accounts-invite-heading = Inviter un animateur
accounts-invite-note =
    { $count ->
        [one] Le lien sert une seule fois, pendant { $count } jour. Aucun e-mail n'est envoyé : donnez-le vous-même à la personne.
       *[other] Le lien sert une seule fois, pendant { $count } jours. Aucun e-mail n'est envoyé : donnez-le vous-même à la personne.
    }
accounts-invite-button = Créer un lien d'invitation
accounts-owner = propriétaire
accounts-disabled = désactivé
accounts-pending = invitation pas encore acceptée
accounts-created = Créé le { $date }
accounts-gatherings =
    { $count ->
        [one] { $count } rencontre
       *[other] { $count } rencontres
    }
accounts-waiting = Une invitation attend d'être utilisée, jusqu'au { $date }.
accounts-link-waiting = Un lien de nouveau mot de passe attend d'être utilisé, jusqu'au { $date }.
accounts-reset = Lien de nouveau mot de passe
accounts-enable = Réactiver
accounts-disable = Désactiver…
accounts-disable-explain = { $name } est déconnecté tout de suite, y compris des consoles ouvertes, et ne peut plus se connecter tant que le compte n'est pas réactivé. Ses rencontres sont gardées.
accounts-disable-confirm = Désactiver { $name }
accounts-disabled-flash = { $name } est désactivé et déconnecté.
accounts-enabled-flash = { $name } peut de nouveau se connecter.
accounts-no-such = Ce compte n'existe pas.
accounts-reset-disabled = Ce compte est désactivé. Réactivez-le avant de créer un lien de nouveau mot de passe.
accounts-owner-stays = Le compte du propriétaire ne peut pas être désactivé.

accounts-link-title = Lien d'invitation
accounts-link-new = Donnez ce lien à l'animateur que vous invitez. Il choisit son nom et son mot de passe.
accounts-link-for = Avec ce lien, { $name } choisit un nouveau mot de passe. Ses autres connexions prennent fin quand il sert.
accounts-link-once = Ce lien n'est affiché que cette fois. Copiez-le maintenant, ou faites scanner le code.
accounts-link-label = Adresse du lien
accounts-link-expires = Il sert une seule fois, jusqu'au { $date }.

invite-title = Bienvenue sur Intercede
invite-new-lead = Vous êtes invité à animer des rencontres. Choisissez le nom avec lequel vous vous connecterez, et un mot de passe.
invite-reset-lead = Choisissez un nouveau mot de passe pour { $name }.
invite-password = Nouveau mot de passe
invite-repeat = Nouveau mot de passe, encore une fois
invite-password-hint =
    { $count ->
        [one] Au moins { $count } caractère.
       *[other] Au moins { $count } caractères.
    }
invite-button = Enregistrer et se connecter
invite-expires = Ce lien sert jusqu'au { $date }.
invite-gone = Ce lien d'invitation ne peut pas servir : il a déjà servi, il a expiré, ou il n'a jamais été créé. Demandez-en un nouveau à la personne qui vous a invité.
invite-guessing = Trop de liens erronés depuis votre réseau. Patientez quelques minutes.
invite-name-empty = Saisissez un nom.
invite-name-long =
    { $count ->
        [one] Le nom peut avoir au plus { $count } caractère.
       *[other] Le nom peut avoir au plus { $count } caractères.
    }
invite-name-taken = Un autre compte porte déjà ce nom, ou un nom qui lui ressemble. Choisissez-en un autre.
invite-password-short =
    { $count ->
        [one] Le mot de passe doit avoir au moins { $count } caractère.
       *[other] Le mot de passe doit avoir au moins { $count } caractères.
    }
invite-password-long =
    { $count ->
        [one] Le mot de passe peut avoir au plus { $count } caractère.
       *[other] Le mot de passe peut avoir au plus { $count } caractères.
    }
invite-password-mismatch = Les deux mots de passe ne sont pas identiques.
invite-welcome = Bienvenue, { $name }. Vous êtes connecté.
invite-name-invisible = Le nom ne peut contenir ni caractères invisibles, ni tabulations, ni sauts de ligne, ni caractères qui changent le sens du texte.
invite-name-not-allowed = Le nom ne peut pas contenir « { $character } ». Utilisez des lettres, des chiffres, des espaces, des tirets, des points, des tirets bas ou des apostrophes.
invite-name-mixed = Le nom mélange des lettres d’alphabets différents qui se ressemblent. Écrivez-le dans un seul alphabet.
accounts-co-leads =
    { $count ->
        [one] coanime { $count } rencontre
       *[other] coanime { $count } rencontres
    }
