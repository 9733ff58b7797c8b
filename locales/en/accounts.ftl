# The owner's accounts page, the invitation links it makes, and the page
# where an invitee chooses a name and password.

# At the top of the list of gatherings.
accounts-signed-in-as = Signed in as { $name }
accounts-link = Accounts
# In a gathering's row, when another account owns it.
accounts-shared-by = Shared by { $name }
accounts-belongs-to = Belongs to { $name }

accounts-title = Facilitator accounts
accounts-back = ← Your gatherings
accounts-back-to-list = ← Accounts
accounts-invite-heading = Invite a facilitator
accounts-invite-note =
    { $count ->
        [one] The link works once, for { $count } day. No e-mail is sent: give it to the person yourself.
       *[other] The link works once, for { $count } days. No e-mail is sent: give it to the person yourself.
    }
accounts-invite-button = Make an invitation link
accounts-owner = owner
accounts-disabled = disabled
accounts-pending = invitation not accepted yet
accounts-created = Created { $date }
accounts-gatherings =
    { $count ->
        [one] { $count } gathering
       *[other] { $count } gatherings
    }
accounts-waiting = An invitation is waiting to be used, until { $date }.
accounts-link-waiting = A new password link is waiting to be used, until { $date }.
accounts-reset = New password link
accounts-enable = Enable
accounts-disable = Disable…
accounts-disable-explain = { $name } is signed out at once, also from open consoles, and cannot sign in until the account is enabled again. Their gatherings stay.
accounts-disable-confirm = Disable { $name }
accounts-disabled-flash = { $name } is disabled and signed out.
accounts-enabled-flash = { $name } can sign in again.
accounts-no-such = There is no such account.
accounts-reset-disabled = This account is disabled. Enable it before making a new password link.
accounts-owner-stays = The owner's account cannot be disabled.

# The page that shows a link just made.
accounts-link-title = Invitation link
accounts-link-new = Give this link to the facilitator you invite. They choose their name and password.
accounts-link-for = With this link { $name } sets a new password. Their other sign-ins end when it is used.
accounts-link-once = This link is shown only this once. Copy it now, or let them scan the code.
accounts-link-label = Link
accounts-link-expires = It works once, until { $date }.

# The invitee's page.
invite-title = Welcome to Intercede
invite-new-lead = You are invited to lead gatherings. Choose the name you will sign in with, and a password.
invite-reset-lead = Choose a new password for { $name }.
invite-password = New password
invite-repeat = New password again
invite-password-hint =
    { $count ->
        [one] At least { $count } character.
       *[other] At least { $count } characters.
    }
invite-button = Save and sign in
invite-expires = This link works until { $date }.
invite-gone = This invitation link cannot be used: it was already used, it expired, or it was never made. Ask the person who invited you for a new one.
invite-guessing = Too many wrong links from your network. Please wait a few minutes.
invite-name-empty = Please type a name.
invite-name-long =
    { $count ->
        [one] The name can have at most { $count } character.
       *[other] The name can have at most { $count } characters.
    }
invite-name-taken = Another account already has this name, or one that looks the same. Please choose another one.
invite-password-short =
    { $count ->
        [one] The password needs at least { $count } character.
       *[other] The password needs at least { $count } characters.
    }
invite-password-long =
    { $count ->
        [one] The password can have at most { $count } character.
       *[other] The password can have at most { $count } characters.
    }
invite-password-mismatch = The two passwords are not the same.
invite-welcome = Welcome, { $name }. You are signed in.
invite-name-invisible = The name cannot contain invisible characters, tabs, line breaks or characters that change the direction of the text.
invite-name-not-allowed = The name cannot contain “{ $character }”. Use letters, digits, spaces, hyphens, dots, underscores or apostrophes.
invite-name-mixed = The name mixes letters of different alphabets that look alike. Please write it in one alphabet.
accounts-co-leads =
    { $count ->
        [one] co-leads { $count } gathering
       *[other] co-leads { $count } gatherings
    }
