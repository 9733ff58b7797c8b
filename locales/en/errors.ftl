# The error pages a person may meet, and the sentences they carry.

error-page-title = Something went wrong
error-back-home = Go to the start page
error-server = Something went wrong on the server. Please try again.
error-csrf = This form has expired or came from another site. Reload the page and try again.
error-form-too-large = That form is larger than { $count } KiB.
error-form-unreadable = Could not read the form. Reload the page and try again.
error-no-gathering = There is no gathering with that code.
error-not-in-gathering-topic = That topic is not in this gathering.
error-not-in-gathering-section = That section is not in this gathering.
error-no-action = No such action.
error-move = Move up or down.
error-export-format = Export as .md or .json.
error-report-format = Reports come as a page, .csv or .json.
error-too-slow = The request took too long to arrive. Please try again.
error-too-many-connections = The server has too many connections open. Please try again in a moment.
error-restarting = The server is restarting. Please try again in a moment.
error-not-your-gathering = This gathering belongs to another facilitator. Ask them to add you as a co-facilitator.
error-owner-only = Only the gathering's owner can do this.
error-server-owner-only = Only the server's owner can manage accounts.
error-cross-site = This form came from another site, so it was not accepted. Open this site's own page and try again.

control-error-ended = The gathering has ended. Reopen it to carry on.
control-error-no-topics = This agenda has no topics yet.
control-error-unknown-topic = Topic { $topic } is not in this gathering.
control-error-busy = The database cannot be reached just now; try again in a moment.
error-websocket-only = This address takes a live connection from the page only.
error-no-download = There is no such download.
error-no-gathering-code = No gathering has the code { $code }.
error-foreign-page = This page may not connect here.
socket-error-rate-limited = Too many commands at once; the last ones were not applied.
socket-error-binary = Messages are JSON text frames; binary frames are not accepted.
socket-error-console-only = Only the facilitator console can change the gathering.
socket-error-phones-only = Only attendee phones can tap "I'm praying".
