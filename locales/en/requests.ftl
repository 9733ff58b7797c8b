# Prayer requests from the room: the phone's part (the box to share one, the
# list of approved requests) and the words its script puts on screen.

requests-heading = Prayer requests
requests-share = Share a prayer request
requests-text-label = Your request
requests-name-label = First name (optional)
requests-who-label = Who may pray for it?
requests-for-everyone = Everyone here
requests-for-team = Only the prayer team
requests-send = Send
requests-moderated-note = The prayer team reads each request before anyone else sees it.
requests-none = No requests shared with everyone yet.
requests-pray-button = Praying
requests-praying =
    { $count ->
        [one] { $count } praying
       *[other] { $count } praying
    }
requests-characters-left =
    { $count ->
        [one] { $count } character left
       *[other] { $count } characters left
    }
requests-sending = Sending your request…
requests-saved = Saved on this phone: it will be sent when the connection returns.
requests-received = Received. Thank you: the prayer team will read it.
requests-received-team = Received. Only the prayer team will read it.
requests-empty = Please write your request first.
requests-busy = The request could not be sent just now; it will be tried again.
