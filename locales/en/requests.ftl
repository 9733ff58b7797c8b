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

# The requests page (the facilitator's, and a helper's through a moderator link).
requests-page-title = Prayer requests · { $title }
requests-back = Back to the console
requests-counts = { $new } waiting · { $team } for the prayer team · { $approved } approved · { $hidden } hidden
requests-moderation-note = Nothing reaches the phones or the projector until it is approved. Requests for the prayer team only never do.
requests-none-yet = No requests yet. They appear here as phones send them.
requests-group-new = Waiting
requests-group-approved = Approved
requests-group-hidden = Hidden
requests-words-deleted = The words were deleted after the retention period.
requests-team-only = Prayer team only
requests-edited = edited
requests-prayed-badge = Prayed for
requests-action-approve = Approve
requests-action-hide = Hide
requests-action-requeue = Back to the queue
requests-action-prayed = Mark prayed for
requests-action-unprayed = Not prayed for yet
requests-edit = Edit the words
requests-edit-text = Request
requests-edit-name = First name
requests-save = Save
requests-live-offline = Offline: new requests will appear when the connection returns.
requests-settings = After the gathering
requests-retention = Delete the words of requests after (days)
requests-retention-note = Only the counts stay for the report.
requests-on-keep-list = List approved requests for everyone on the phones' keep-praying page
requests-download = Download the requests:
requests-links = Moderator links
requests-links-note = A helper opens a moderator link on a phone to approve, edit and hide requests. It cannot control the gathering, and you can revoke it at any time.
requests-link-once = Give this link to your helper now: it is shown only once.
requests-link-type = Or open { $address } and type
requests-link-label = Name (optional)
requests-link-make = Make a moderator link
requests-link-unnamed = Moderator link { $count }
requests-link-revoked = (revoked)
requests-link-revoke = Revoke
requests-console-card = Prayer requests
requests-console-waiting =
    { $count ->
        [one] { $count } waiting
       *[other] { $count } waiting
    }
requests-console-open = Open the requests

# Refusals.
requests-error-empty = The request is empty.
requests-error-too-long = The request is { $count } characters long; at most { $max } fit.
requests-error-name-too-long = The name is { $count } characters long; at most { $max } fit.
requests-error-audience = A request is for everyone here or for the prayer team only.
requests-error-not-moderation = That is not something a moderator can do.
requests-error-link-label = A link's name can be at most { $max } characters.
requests-error-retention = Keep the words between 0 and { $max } days (a whole number).
requests-error-no-link = This moderator link does not open anything: it may have been revoked. Ask the facilitator for a new one.
requests-error-gone = That request is not in this gathering any more.
requests-error-link-gone = That moderator link is not this gathering's, or is already revoked.
requests-error-slow-down = You have sent several requests just now. You can send another in { $minutes } min.
requests-error-full = The prayer team has all the requests it can take tonight.
requests-error-busy = Could not save that just now; it will be sent again.
requests-error-unknown = That request is not one to pray for here any more.
requests-error-only-phones = Only attendee phones can send prayer requests or pray for them.
requests-error-guessing = Too many wrong codes from this network. Wait a few minutes and try again.

# The report's requests.
requests-report-heading = Prayer requests
requests-report-received = Received
requests-report-approved = Approved
requests-report-team = For the prayer team only
requests-report-prayers = Prayers from phones
requests-report-link = The requests ({ $count } marked as prayed for by the team).

# Requests on the projector as a live item.
requests-projector-heading = Praying for your requests
requests-on-screen = The screen shows prayer requests: pray for them in the list below.
requests-console-show = Show requests on the projector
requests-console-hide = Back from the requests
requests-action-show = Show on the projector
moderate-enter-title = Moderate prayer requests
moderate-enter-lead = Type the moderator code the facilitator gave you.
moderate-enter-label = Moderator code
moderate-enter-button = Open
moderate-enter-error = A moderator code is 12 letters and digits, like ABCD-EFGH-JKMN. Please check it and try again.
requests-group-team = For the prayer team only
requests-team-note = Only those moderating read these. Pray for each and mark it prayed for: it is never shown on phones or the projector.
requests-error-team-approve = A request for the prayer team is never shown to the room, so it cannot be approved. Pray for it and mark it prayed for.
requests-on-screen-button = The big button still counts for this topic.
requests-console-screen-note = The projector shows prayer requests, not this topic. Phones still show this topic, and Next moves them on.
