# The agenda editor (/console/CODE/edit), the topic form, the delete
# confirmation, their confirmations and the reasons a form is refused.

editor-page-title = Edit { $title }
editor-all-gatherings = ← All gatherings
editor-open-console = Open the console
editor-export-md = Export Markdown
editor-export-json = Export JSON
editor-join-code = Join code
editor-live-note = This gathering is live: changes reach phones and the projector as soon as you save.
editor-gathering = Gathering
editor-title = Title
editor-optional = (optional)
editor-opening-scripture = Opening scripture
editor-reference = Reference
editor-reference-example = Isaiah 51:14-15
editor-introduction = Introduction
editor-introduction-hint = (optional: phones and the projector show it before the first topic)
editor-closing = Closing words
editor-closing-hint = (optional, up to { $count } characters: phones show them above the topics to keep praying for, and the projector on its closing screen; a blank line starts a new paragraph)
editor-closing-example = Thank you for praying with us tonight.
editor-time-zone = Time zone
editor-time-zone-hint = (the report and its downloads give times in it)
editor-save = Save
editor-agenda = Agenda
# $link is the link to the import page (editor-import-link).
editor-no-sections = No sections yet. Add the first one below, or { $link }.
editor-import-link = import a prayer guide
editor-section-label = Section { $title }
editor-section-title = Section title
editor-section-description = Section description
editor-section-description-placeholder = Description (optional)
editor-move-section-up = Move section up
editor-move-section-down = Move section down
editor-move-up-named = Move { $title } up
editor-move-down-named = Move { $title } down
editor-move-up = Move up
editor-move-down = Move down
editor-delete = Delete
editor-section-named = section { $title }
editor-confirm-delete-section =
    { $count ->
        [one] Delete the section “{ $title }” and its { $count } topic?
       *[other] Delete the section “{ $title }” and its { $count } topics?
    }
editor-confirm-delete-topic = Delete the topic “{ $title }”?
editor-praise = Praise
editor-sensitive = Sensitive
editor-minutes = { $count } min
editor-add-topic-to = + Add a topic to { $title }
editor-add-section = Add a section
editor-section-example = Pray for | Forced Labour Slavery
editor-add-section-button = Add section
editor-more = More
editor-duplicate = Duplicate as a new gathering
editor-delete-gathering = Delete this gathering…

topic-edit = Edit topic
topic-new = New topic
topic-back-to = ← Back to { $title }
topic-check-fields = Please check the fields marked below.
topic-title = Title
topic-section = Section
topic-kind = Kind
topic-pray = Pray
topic-praise = Praise
topic-minutes = Planned minutes
topic-scripture = Scripture
topic-reference = Reference
topic-reference-example = Psalm 146:7
topic-text = Text
topic-text-hint = Paragraphs separated by a blank line. *emphasis*, **bold**, lists with “- ”, and [links](https://…) are shown as such.
topic-notes = Private notes
topic-notes-hint = (only you see these, on the console)
topic-sensitive = Sensitive story: the projector shows only the summary below; phones show the full text after a short advisory
topic-summary = Projector-safe summary
topic-save = Save topic
topic-add = Add topic

delete-page-title = Delete { $title }
delete-back-to = ← Back to { $title }
delete-heading = Delete “{ $title }”?
delete-explain = This deletes its agenda and every count recorded for it. It cannot be undone. You may want to export it first.
# $live is shown in bold (delete-live-word).
delete-live = This gathering is { $live }: phones and the projector are following it now.
delete-live-word = live
# $code is shown as the join code.
delete-type-code = Type the join code { $code } to delete it anyway
delete-button = Delete this gathering
delete-keep = Keep it
delete-live-refused = This gathering is live. Type its code, { $code }, to delete it anyway.

# Confirmations shown once after a form is saved.
flash-deleted = Deleted “{ $title }” ({ $code }).
flash-settings-saved = Saved the gathering’s settings.
flash-topic-added = Added “{ $title }”.
flash-topic-saved = Saved “{ $title }”.

# Why a form was refused, shown beside the field.
error-title-empty-gathering = Please give the gathering a title.
error-title-empty-section = Please give the section a title.
error-title-empty-topic = Please give the topic a title.
error-title-long-gathering = Please keep the gathering title to { $max } characters (it has { $count }).
error-title-long-section = Please keep the section title to { $max } characters (it has { $count }).
error-title-long-topic = Please keep the topic title to { $max } characters (it has { $count }).
error-text-long = Please keep this text to { $max } characters (it has { $count }).
error-closing-long = Please keep the closing words to { $max } characters (they have { $count }).
error-introduction-long = Please keep the introduction to { $max } characters.
error-description-long = Please keep a section's description to { $max } characters.
error-reference-long = A reference such as “Isaiah 51:14-15” is at most { $max } characters.
error-reference-missing = Please say where the verse comes from, such as “Isaiah 51:14-15”.
error-kind = Choose pray or praise.
error-minutes = Planned minutes must be a whole number from 1 to { $max }.
error-section-choose = Choose the section this topic belongs in.
error-summary-needed = A sensitive topic needs a short summary that is safe to show on the projector.
error-section-gone = That section is no longer in this gathering.
error-time-zone-empty = Please give a time zone, such as Europe/London.
error-time-zone-unknown = “{ $zone }” is not a time zone name. Use one such as America/Chicago, Europe/London or Africa/Lagos.

## Who leads
leaders-heading = Who leads
leaders-owner = Owner: { $name }
leaders-none = No co-facilitators yet.
leaders-remove = Remove
leaders-remove-confirm = Stop sharing this gathering with { $name }? Their open consoles of it close.
leaders-add-label = Add a co-facilitator by account name
leaders-add = Add
leaders-explain = Co-facilitators can lead and edit this gathering, for example from a phone at the front while you use the laptop. Only you can delete it or change who shares it.
leaders-no-account = There is no account called “{ $name }”. Check the spelling, or ask the server’s owner to invite them.
leaders-already-owner = { $name } already owns this gathering.
leaders-added = { $name } can now lead this gathering.
leaders-removed = { $name } no longer leads this gathering.
leaders-not-shared = That account does not co-facilitate this gathering.
