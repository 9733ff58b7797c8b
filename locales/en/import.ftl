# Importing a prayer guide: the form, the preview, what the importer
# recognised (also printed by `intercede import`), and why a guide is refused.

import-title = Import a prayer guide
import-all-gatherings = ← All gatherings
import-lead = Paste the guide as you received it (a handout, an e-mail, a web page), or upload a .txt or .md file. You will see what Intercede recognised before anything is created.
import-guide-title = Title
import-guide-title-hint = (optional: taken from the guide otherwise)
import-text = Guide text
import-file = …or a file
import-preview-button = Preview
import-too-large = That guide is larger than { $count } KiB. Split it, or paste the part you need.
# The title of a guide that has none of its own (the facilitator can rename it).
import-default-title = Imported prayer guide

preview-page-title = Preview import
preview-heading = Preview: { $title }
preview-will-create =
    { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    } and { $count ->
        [one] { $count } topic
       *[other] { $count } topics
    } will be created as a draft gathering.
# $reference is shown in bold.
preview-opening = Opening scripture: { $reference }.
preview-change-here = Change titles, kinds and what is a topic here, or edit everything afterwards.
preview-recognised = What was recognised
preview-gathering-title = Title of the gathering
preview-set-aside = Set aside
preview-set-aside-explain = The header of a forwarded e-mail: not made into topics, and not kept in the gathering.
preview-introduction = Introduction
preview-no-introduction = None found. Phones and the projector show only the title before the first topic.
preview-introduction-shown = Shown on phones and the projector before the first topic.
preview-section = Section { $title }
preview-section-description = Section description
preview-description-as-topic = Make this the section's first topic instead
preview-no-topics = No topics.
preview-title = Title
preview-kind = Kind
preview-pray = Pray
preview-praise = Praise
preview-sensitive = Sensitive
preview-paragraph-is = This paragraph is
preview-place-topic = A topic
preview-place-description = The section's description
preview-place-introduction = The introduction
preview-place-closing = The closing words
preview-minutes = { $count } min
preview-flagged = Flagged sensitive: it { $reason }. The projector shows: “{ $summary }”
preview-text = Text
preview-closing = Closing words
preview-no-closing = None found. You can add closing words in the editor.
preview-closing-shown = Shown on phones and the projector when the gathering ends.
preview-create = Create this gathering
preview-again = Start again

# What the importer recognised, one line each.
note-title = Title: { $title }
note-title-replacing = Title: { $title } (replacing the guide's own title, '{ $own }')
note-title-subject = Title: { $title } (the forwarded e-mail's subject; rename it if you like)
note-title-sentence = Title: { $title } (from the guide's first sentence; rename it if you like)
note-title-default = Title: { $title } (the guide has no title line; rename it if you like)
note-set-aside =
    { $count ->
        [one] Set aside: the forwarded e-mail's header ({ $count } line), not made into topics
       *[other] Set aside: the forwarded e-mail's header ({ $count } lines), not made into topics
    }
note-opening = Opening scripture: { $reference }
note-opening-unreferenced = Opening scripture: a quotation without a reference
note-no-opening = No opening scripture found
note-no-introduction = No introduction found
note-introduction = Introduction: { $glimpse }
note-no-closing = No closing words found
note-closing = Closing words: { $glimpse }
note-section =
    { $count ->
        [one] Section '{ $title }': { $count } topic
       *[other] Section '{ $title }': { $count } topics
    }
note-section-praise =
    { $count ->
        [one] Section '{ $title }': { $count } topic ({ $praise } praise)
       *[other] Section '{ $title }': { $count } topics ({ $praise } praise)
    }
note-sensitive = Sensitive: '{ $title }' { $reason }; the projector shows a summary instead
note-summary =
    { $count ->
        [one] { $count } topic
       *[other] { $count } topics
    } in { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }, about { $minutes } minutes planned
reason-words = tells of "{ $words }"
reason-marked = is marked sensitive in the guide

# Why a guide could not be imported.
import-error-empty = The guide is empty. Paste the text of a prayer guide, or choose a file that has some text in it.
import-error-too-large = The file is too large to import ({ $bytes } bytes; the limit is 1 MB). Paste just the text of the prayer guide, or split it into smaller files.
import-error-not-text = This file isn't plain text. Save the prayer guide as a .txt or .md file (UTF-8), or copy its text and paste it in.
import-error-bad-json = This isn't an agenda export Intercede can read ({ $detail }). Choose the .json file exported from Intercede, unchanged.
note-translation = Translation: { $language } ({ $code })
