# The facilitator's console (/console/CODE) and the words console.js puts on screen.
# Counting messages ($count) used by the script select by plural category only.

console-page-title = Console
console-all-gatherings = ← All gatherings
console-join-code = Join code
console-connecting = Connecting…
console-online = Live
console-offline = Offline — reconnecting…
console-other-views = Other views
console-phone-view = Phone view
console-projector = Projector
console-edit = Edit agenda
console-report = Report
console-now-waiting = Welcome screen — not started
console-now-ended = Ended — closing screen
console-now-showing = Now showing
console-projector-blank = Projector blank
console-praise = Praise
console-sensitive = Sensitive: the projector shows a summary
console-topic-number = Topic { $number } of { $total }
console-ended-title = The gathering has ended
console-press-start = Press Start to show the first topic
console-here = Here
console-praying = Praying
console-on-topic = On this topic
console-gathering = Gathering
console-not-started = Not started
console-ended = Ended
console-on-plan = On plan
console-behind-plan =
    { $count ->
        [one] { $count } min behind plan
       *[other] { $count } min behind plan
    }
console-ahead-plan =
    { $count ->
        [one] { $count } min ahead of plan
       *[other] { $count } min ahead of plan
    }
console-controls = Gathering controls
console-previous = ← Previous
console-start = Start →
console-next-button = Next →
console-blank = Blank
console-unblank = Unblank
console-show-join = Show join code
console-hide-join = Hide join code
console-next = Next
console-last-topic = This is the last topic
console-notes = Notes
console-notes-private = (only you see these)
console-no-notes = No notes for this topic.
console-topic-text = Topic text
console-end = End gathering
console-reopen = Reopen gathering
console-shortcuts = Keyboard shortcuts
console-shortcuts-toggle = Single-key shortcuts
# The keys themselves (→, Page Down, Space…) are shown as they are printed on the keyboard.
console-keys = Keys:
console-key-next = next
console-key-previous = previous
console-key-blank = blank
console-key-join = join code
console-key-or = or
console-keys-focused = On a focused button, Space and Enter press that button only.
console-agenda = Agenda
console-minutes = { $count } min
console-topic-praying = { $count } praying
console-announce-join-shown = Join code shown on the projector.
console-announce-join-hidden = Join code hidden on the projector.
console-announce-topic = Now showing topic { $number } of { $total }: { $title }
console-announce-ended = The gathering has ended.
console-announce-blank = Projector blanked.
console-announce-unblank = Projector showing again.
console-announce-shortcuts-on = Keyboard shortcuts on.
console-announce-shortcuts-off = Keyboard shortcuts off.
console-not-connected = Not connected — reconnecting. Try again in a moment.
console-status-ended = The gathering has ended. Reopen it to carry on.
console-status-last = Last topic: End the gathering when you are ready.
console-status-first = This is the first topic.
console-status-not-started = Not started yet: press Start to show the first topic.
console-confirm-end = End the gathering now? Phones and the projector will show the closing screen.
console-confirm-reopen = Reopen the gathering? Phones and the projector will leave the closing screen and show the last topic again.
console-went-wrong = Something went wrong.
console-key-space = Space
console-key-page-down = Page Down
console-key-page-up = Page Up
# Why the server refused a command, by the code it gave.
console-error-busy = The server is busy. Try again in a moment.
console-error-rate-limited = Too many commands at once: some were skipped. Wait a moment.
console-error-unknown-topic = That topic is no longer in the agenda.
console-error-not-live = That topic is not being shown.
console-error-forbidden = This console may not do that. Reload the page and sign in again.

# The gathering's history: which account started, ended, reopened or edited it.
console-history-heading = History
console-history-none = Not started or edited yet.
console-history-started = Started by { $who } at { $when }
console-history-ended = Ended by { $who } at { $when }
console-history-reopened = Reopened by { $who } at { $when }
console-history-edited = Edited by { $who } at { $when }
