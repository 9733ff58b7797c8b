# The facilitator's sign-in page, the list of gatherings, and the language
# switch on the facilitator's pages.

login-title = Facilitator sign-in
login-name = Your name
login-password = Password
login-button = Sign in
login-here-to-pray = Here to pray?
login-join-link = Join a gathering with its code
login-wrong-password = That name and password do not match an account. Please try again.
login-too-many = Too many wrong passwords. Please wait a minute before trying again.
login-busy = The server is busy checking passwords. Please try again in a moment.
login-needed = Please sign in as the facilitator.
signed-out = You are signed out.
sign-out = Sign out

list-title = Your gatherings
list-new-label = New gathering
list-new-placeholder = Evening of prayer
list-create = Create
# $link is the link to the import page (list-import-link).
list-import-or = or { $link } (paste text or upload a .txt / .md file).
list-import-link = import a prayer guide
list-empty = There are no gatherings yet.
list-col-gathering = Gathering
list-col-code = Code
list-col-status = Status
list-col-open = Open
list-last-run = Last run { $date }
list-created = Created { $date }
list-topics =
    { $count ->
        [one] { $count } topic
       *[other] { $count } topics
    }
list-console = Console
list-edit = Edit agenda
list-report = Report
list-phone = Phone view
list-projector = Projector
# Read by screen readers after a link's words: "Console for Friday prayer".
list-for-title = for { $title }

# A gathering's status, as shown in a coloured label.
status-draft = draft
status-live = live
status-ended = ended
