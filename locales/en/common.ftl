# Words shared by every page.

# The label of the language switch.
language-label = Language
# The button beside the language switch when scripts are off.
language-apply = Change
gone-signed-out = You were signed out, here or on another device, so this page no longer shows the gathering.
gone-account-disabled = Your account was disabled by the server's owner, so this page no longer shows anything.
gone-no-longer-leads = You no longer lead this gathering: its owner stopped sharing it with you.
gone-link-revoked = This moderator link was revoked, so this page no longer shows any requests. Ask the facilitator for a new link if you are still helping.
gone-gathering-deleted = This gathering was deleted by its facilitator.
gone-not-found = This page is no longer available: its link was revoked or the gathering was deleted.
gone-sign-in = Sign in again
gone-gatherings = Your gatherings
# A language named inside a sentence, in the reader's language (the language switch names each in its own).
language-name =
    { $code ->
        [en] English
        [es] Spanish
        [pt] Portuguese
        [fr] French
        [sw] Swahili
       *[other] { $code }
    }
copy-link = Copy link
copy-done = Copied.
copy-select = Select the link and copy it.
