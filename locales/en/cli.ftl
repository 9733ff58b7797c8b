# What the `intercede` commands print (the --help texts stay in English).

cli-imported = Imported "{ $title }" as a draft gathering with the code { $code }.
cli-set-aside = set aside: { $line }
cli-section =
    { $count ->
        [one] { $title } ({ $count } topic)
       *[other] { $title } ({ $count } topics)
    }
cli-praise = [praise]
cli-could-not-read = Could not read { $file }: { $error }
cli-could-not-import = Could not import { $file }: { $error }
cli-could-not-open = Could not open the database { $database }: { $error }
cli-could-not-save = Could not save the gathering: { $error }
cli-no-gathering = No gathering has the code { $code } in { $database }.
cli-could-not-report = Could not build the report: { $error }
cli-not-a-code = "{ $code }" is not a join code (six letters and digits, like K7HQ2M).
cli-could-not-export = Could not read the agenda: { $error }
cli-imported-for = It belongs to { $name }.

# intercede accounts
cli-could-not-accounts = Could not read or change the accounts: { $error }
cli-no-accounts = No accounts yet: the owner's account is made when the server first starts.
cli-no-account = No account is named "{ $name }". See every account with: intercede accounts list
cli-role-owner = owner
cli-role-facilitator = facilitator
cli-state-enabled = enabled
cli-state-disabled = disabled
cli-state-pending = pending (no password yet)
cli-account-gatherings =
    { $count ->
        [one] { $count } gathering
       *[other] { $count } gatherings
    }
cli-account-created = created { $date }
cli-invite = A link for a new facilitator to choose a name and a password. It works once, until { $expires }:
cli-reset = A link for { $name } to set a new password. It works once, until { $expires }:
cli-reset-disabled = { $name } is disabled: enable the account first (intercede accounts enable { $name }).
cli-link-local = The link starts with { $base }, which works only on this computer: start with --public-url (the address others reach the server at) to print a link to send.
cli-link-public = The link starts with the --public-url address, { $base }.
cli-owner-not-disabled = { $name } is the owner's account: it cannot be disabled.
cli-disabled = { $name } is disabled: it can no longer sign in, and its open consoles close within seconds on a running server.
cli-enabled = { $name } is enabled: it can sign in again.
