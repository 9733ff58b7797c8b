# The attendee's phone page (/j/CODE) and the words its script puts on screen.
# Counting messages ($count) used by the script select by plural category
# only ([one], [few], [many], *[other]); no exact-number variants such as [0].

attend-connecting = Connecting…
attend-online = Live
attend-offline = Offline — your taps will be sent when the connection returns
attend-offline-ended = Offline
attend-welcome = Welcome
attend-begin-soon = The gathering will begin soon
attend-waiting-help = Keep this page open. Each prayer topic will appear here as the facilitator leads us through it, and you can tap “I'm praying” to join in.
attend-praise-label = Praise
attend-topic-number = Topic { $number } of { $total }
attend-advisory = This story describes abuse and may be hard to read. Tap to read it.
attend-pray-button = I'm praying
attend-thanks-button = I'm giving thanks
attend-counted = Counted — thank you
attend-sending = Sending…
attend-saved = Saved — will send when back online
attend-praying-count = { $count } praying
attend-thanks-count = { $count } giving thanks
attend-amen = Amen
attend-keep-heading = Keep praying
attend-ended-plain = The gathering has ended. Thank you for standing with us in prayer.
attend-keep-intro = These are the topics we prayed for tonight, each marked with how many in the room prayed for it and whether you did. This page stays here, so you can keep praying for them this week.
attend-print = Print this list
attend-you-prayed = You prayed for this
attend-room-prayed =
    { $count ->
        [one] { $count } phone in the room prayed for this
       *[other] { $count } phones in the room prayed for this
    }
attend-so-far =
    { $count ->
        [one] So far: { $count } topic
       *[other] So far: { $count } topics
    }
attend-we-prayed-for =
    { $count ->
        [one] We prayed for { $count } topic
       *[other] We prayed for { $count } topics
    }
attend-noscript = Turn on JavaScript to follow the gathering live and tap “I'm praying”. Reload the page to see the current topic.
attend-busy = Busy — trying again in a moment
attend-not-live = Praying for this topic has not started
attend-unknown-topic = That topic is no longer in the gathering
attend-error = Something went wrong — please tap again
attend-announce-topic = New topic, { $number } of { $total }: { $title }
attend-announce-ended-keep = The gathering has ended. Here are the topics to keep praying for.
attend-announce-ended = The gathering has ended. Thank you for praying.
attend-language-later = The language will change when the connection returns.
attend-too-many-phones = Too many new phones have joined from your network in the last few minutes. Please wait a minute and reload.
