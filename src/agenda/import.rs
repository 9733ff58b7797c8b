//! Importing: an uploaded or pasted prayer guide (plain text or Markdown) made
//! into a `NewAgenda`, and the JSON export read back.
//!
//! A guide is read in three passes: lines are cleaned and classified
//! (`lines`), grouped into headings, passages and verses (`blocks`), then
//! gathered into sections of topics (`sections`). Whatever the input, every
//! line of text ends up somewhere in the agenda: a title, a verse, a section
//! heading or a topic's body; or, for the header of a forwarded e-mail at
//! the top (`forwarded`), among the lines set aside, which the preview
//! shows. Nothing is silently dropped.

use super::blocks::{blocks, detect_title};
use super::event_title::event_title;
use super::forwarded::set_aside_headers;
use super::language::detect as detect_language;
use super::lines::{Kind, split_lines};
use super::sections::{Assembled, assemble};
use super::sensitive::graphic_words;
use super::text::{is_space, normalise_whitespace, truncate_chars};
use super::titles::MAX_TITLE_CHARS;
use super::translate::{Pairing, split, translation};
use crate::domain::agenda::{NewAgenda, NewSection, NewTopic, TopicKind};
use crate::i18n::Message;

pub use super::scripture::normalise_reference;

/// The largest file accepted for import: far more than any prayer guide.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// The title given to a guide that does not start with one.
pub const DEFAULT_TITLE: &str = "Imported prayer guide";

/// Why a guide or an agenda export could not be imported. Each message tells
/// the facilitator what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "The guide is empty. Paste the text of a prayer guide, or choose a file that has some text in it."
    )]
    Empty,
    #[error(
        "The file is too large to import ({bytes} bytes; the limit is 1 MB). \
         Paste just the text of the prayer guide, or split it into smaller files."
    )]
    TooLarge { bytes: usize },
    #[error(
        "This file isn't plain text. Save the prayer guide as a .txt or .md file \
         (UTF-8), or copy its text and paste it in."
    )]
    NotText,
    #[error(
        "This isn't an agenda export Intercede can read ({0}). \
         Choose the .json file exported from Intercede, unchanged."
    )]
    BadJson(String),
}

impl ImportError {
    /// The same reason, to put into the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Empty => Message::new("import-error-empty"),
            ImportError::TooLarge { bytes } => {
                Message::new("import-error-too-large").number("bytes", *bytes)
            }
            ImportError::NotText => Message::new("import-error-not-text"),
            ImportError::BadJson(detail) => {
                Message::new("import-error-bad-json").text("detail", detail)
            }
        }
    }
}

/// Checks size and encoding of an uploaded or pasted file: over
/// `MAX_IMPORT_BYTES` is `TooLarge`; NUL bytes or invalid UTF-8 (a Word
/// document, a PDF, a UTF-16 file) are `NotText`; only whitespace is `Empty`.
/// Strips a UTF-8 byte order mark.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.chars().all(is_space) {
        return Err(ImportError::Empty);
    }
    Ok(text.to_string())
}

/// What the importer made of a guide, for the preview and the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub agenda: NewAgenda,
    /// One line per finding, for a person to check: "Title: ...",
    /// "Opening scripture: Isaiah 51:14-15", "Section 'Regional Focus |
    /// Latin America': 3 topics", and a closing count of topics and minutes.
    /// (Messages, put into words in the reader's language.)
    pub notes: Vec<Message>,
    /// Lines of the guide that are in no field of the agenda, as written:
    /// the header of a forwarded e-mail ("From: ...", "Subject: ...").
    /// The preview shows them, so that nothing is left out unseen.
    pub set_aside: Vec<String>,
    /// The language the guide seems to be written in (a code of
    /// `crate::i18n::LANGUAGES`): the main language of a gathering made
    /// from it unless the facilitator says otherwise.
    pub language: &'static str,
}

/// Parses a prayer guide (plain text or Markdown) into an agenda.
///
/// `title` overrides the detected title: the guide's own first line is then
/// replaced rather than kept. Never panics; the only error is `Empty`, for
/// input with no text in it (only whitespace, rules such as "---", or
/// empty headings).
///
/// A Markdown export's language and translations (marker lines, see
/// `crate::agenda::translate`) come back with it: each translation is read
/// as a guide of its own and paired with the original by order.
pub fn parse_guide(text: &str, title: Option<&str>) -> Result<Imported, ImportError> {
    let parts = split(text);
    if parts.language.is_none() && parts.translations.is_empty() {
        return parse_one(text, title);
    }
    let mut imported = parse_one(&parts.original, title)?;
    if let Some(language) = parts.language {
        imported.agenda.language = language.to_string();
        imported.language = language;
    }
    for (language, guide) in &parts.translations {
        let Ok(translated) = parse_one(guide, None) else {
            continue;
        };
        let pairing = Pairing::by_order(&imported.agenda, &translated.agenda);
        let translation = translation(&imported.agenda, &translated.agenda, language, &pairing);
        imported.notes.push(translation_note(language));
        imported.agenda.translations.push(translation);
    }
    Ok(imported)
}

/// Parses one guide in one language.
fn parse_one(text: &str, title: Option<&str>) -> Result<Imported, ImportError> {
    let mut lines = split_lines(text);
    if lines.iter().all(|line| line.is_blank()) {
        return Err(ImportError::Empty);
    }
    let forwarded = match set_aside_headers(&mut lines) {
        // A paste of nothing but a mail header: keep it as text rather than
        // import nothing.
        Some(_) if lines.iter().all(|line| line.is_blank()) => {
            lines = split_lines(text);
            None
        }
        found => found,
    };
    // A forwarded e-mail's subject names the guide unless a `# Title` does:
    // a plain first line under the header is more likely a section heading.
    let subject = forwarded.as_ref().is_some_and(|f| !f.subject.is_empty());
    let detected = detect_title(&lines).filter(|(_, next)| {
        !subject || matches!(lines[next - 1].kind, Kind::Heading { level: 1, .. })
    });
    let body_start = detected.as_ref().map_or(0, |(_, next)| *next);
    let language = match &forwarded {
        // The mail program's words ("From", "Subject") are not the guide's.
        Some(_) => detect_language(
            &lines
                .iter()
                .map(|l| l.full.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        None => detect_language(text),
    };
    let Assembled {
        scripture,
        introduction,
        closing,
        sections,
    } = assemble(blocks(&lines[body_start..]), language);

    let given = title.map(normalise_whitespace).filter(|t| !t.is_empty());
    let mut notes = Vec::new();
    let agenda_title = match (given, detected) {
        (Some(given), Some((own, _))) => {
            notes.push(
                Message::new("note-title-replacing")
                    .text("title", &given)
                    .text("own", &own),
            );
            given
        }
        (Some(given), None) => {
            notes.push(Message::new("note-title").text("title", &given));
            given
        }
        (None, Some((own, _))) => {
            notes.push(Message::new("note-title").text("title", &own));
            own
        }
        (None, None) => {
            let subject = forwarded
                .as_ref()
                .map(|f| truncate_chars(&f.subject, MAX_TITLE_CHARS))
                .filter(|s| !s.is_empty());
            let named = lines
                .iter()
                .find(|l| !l.is_blank())
                .and_then(|l| event_title(&l.text));
            match (subject, named) {
                (Some(subject), _) => {
                    notes.push(Message::new("note-title-subject").text("title", &subject));
                    subject
                }
                (None, Some(named)) => {
                    notes.push(Message::new("note-title-sentence").text("title", &named));
                    named
                }
                (None, None) => {
                    notes.push(Message::new("note-title-default").text("title", DEFAULT_TITLE));
                    DEFAULT_TITLE.to_string()
                }
            }
        }
    };
    let set_aside = forwarded.map(|f| f.lines).unwrap_or_default();
    if !set_aside.is_empty() {
        notes.push(Message::new("note-set-aside").number("count", set_aside.len()));
    }
    notes.push(match &scripture {
        Some(s) if !s.reference.is_empty() => {
            Message::new("note-opening").text("reference", &s.reference)
        }
        Some(_) => Message::new("note-opening-unreferenced"),
        None => Message::new("note-no-opening"),
    });
    notes.push(match introduction.is_empty() {
        true => Message::new("note-no-introduction"),
        false => Message::new("note-introduction").text("glimpse", glimpse(&introduction)),
    });
    notes.push(match closing.is_empty() {
        true => Message::new("note-no-closing"),
        false => Message::new("note-closing").text("glimpse", glimpse(&closing)),
    });
    notes.extend(sections.iter().map(section_note));
    let sensitive = sections
        .iter()
        .flat_map(|s| &s.topics)
        .filter(|t| t.sensitive);
    notes.extend(sensitive.map(|topic| {
        Message::new("note-sensitive")
            .text("title", &topic.title)
            .message("reason", sensitive_reason(topic))
    }));
    notes.push(summary_note(&sections));

    let agenda = NewAgenda {
        title: agenda_title,
        scripture,
        introduction,
        closing,
        sections,
        language: String::new(),
        translations: Vec::new(),
    };
    Ok(Imported {
        agenda,
        notes,
        set_aside,
        language: language.code(),
    })
}

/// Names a guide that has no title of its own `title` (the default title in
/// the facilitator's language) rather than the English [`DEFAULT_TITLE`].
pub fn name_untitled(imported: &mut Imported, title: &str) {
    let Some(note) = imported
        .notes
        .iter_mut()
        .find(|n| n.key == "note-title-default")
    else {
        return;
    };
    *note = Message::new("note-title-default").text("title", title);
    imported.agenda.title = title.to_string();
}

/// Why a topic is sensitive, for the facilitator: the words that made the
/// importer flag it ("tells of \"raped\""), or that the guide said so.
pub fn sensitive_reason(topic: &NewTopic) -> Message {
    match graphic_words(&topic.body) {
        Some(words) => Message::new("reason-words").text("words", words),
        None => Message::new("reason-marked"),
    }
}

/// The first words of `text`, for a note.
fn glimpse(text: &str) -> String {
    let flat = normalise_whitespace(text);
    match flat.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

fn section_note(section: &NewSection) -> Message {
    let count = section.topics.len();
    let praise = section
        .topics
        .iter()
        .filter(|t| t.kind == TopicKind::Praise)
        .count();
    let note = match praise {
        0 => Message::new("note-section"),
        _ => Message::new("note-section-praise").number("praise", praise),
    };
    note.text("title", &section.title).number("count", count)
}

/// "Translation: Español (es)", for a translation an import carries.
fn translation_note(language: &str) -> Message {
    Message::new("note-translation")
        .text(
            "language",
            crate::domain::translation::language_name(language),
        )
        .text("code", language)
}

fn summary_note(sections: &[NewSection]) -> Message {
    let topics = sections.iter().flat_map(|s| &s.topics);
    let count = topics.clone().count();
    let minutes: i64 = topics.map(|t| t.planned_minutes).sum();
    Message::new("note-summary")
        .number("count", count)
        .number("sections", sections.len())
        .number("minutes", minutes)
}

/// What a facilitator imports: a JSON export (text starting with `{`) read
/// back exactly, or a guide parsed by [`parse_guide`]. Either way the
/// agenda names its main language: its own, else the one the guide seems
/// to be written in.
pub fn read_agenda(text: &str, title: Option<&str>) -> Result<Imported, ImportError> {
    let mut imported = match text.trim_start().starts_with('{') {
        true => {
            let mut agenda = from_json(text)?;
            if let Some(title) = title.map(normalise_whitespace).filter(|t| !t.is_empty()) {
                agenda.title = title;
            }
            let language = detect_language(&to_words(&agenda)).code();
            let mut notes = vec![Message::new("note-title").text("title", &agenda.title)];
            notes.extend(agenda.sections.iter().map(section_note));
            notes.extend(
                agenda
                    .translations
                    .iter()
                    .map(|t| translation_note(&t.language)),
            );
            notes.push(summary_note(&agenda.sections));
            Imported {
                agenda,
                notes,
                set_aside: Vec::new(),
                language,
            }
        }
        false => parse_guide(text, title)?,
    };
    if crate::domain::translation::content_language(&imported.agenda.language).is_none() {
        imported.agenda.language = imported.language.to_string();
    }
    Ok(imported)
}

/// An agenda's words, for guessing its language.
fn to_words(agenda: &NewAgenda) -> String {
    let mut words = agenda.title.clone();
    for section in &agenda.sections {
        words.push('\n');
        words.push_str(&section.title);
        for topic in &section.topics {
            words.push('\n');
            words.push_str(&topic.title);
            words.push('\n');
            words.push_str(&topic.body);
        }
    }
    words
}

/// Reads the JSON export (`export::to_json`) back into an agenda.
pub fn from_json(text: &str) -> Result<NewAgenda, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    serde_json::from_str(text).map_err(|e| ImportError::BadJson(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Scripture;

    #[test]
    fn decode_checks_size_encoding_and_emptiness() {
        assert_eq!(decode(b"\xef\xbb\xbfTitle\n"), Ok("Title\n".to_string()));
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b" \r\n\t\xc2\xa0"), Err(ImportError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf  "), Err(ImportError::Empty));
        assert_eq!(decode(b"ab\0cd"), Err(ImportError::NotText));
        assert_eq!(decode(b"caf\xe9"), Err(ImportError::NotText));
        assert_eq!(decode(b"\xff\xfeT\0i\0"), Err(ImportError::NotText));
        let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
        assert_eq!(
            decode(&big),
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            })
        );
        assert!(decode(&big[..MAX_IMPORT_BYTES]).is_ok());
    }

    #[test]
    fn errors_explain_what_to_do() {
        let message = ImportError::TooLarge { bytes: 2_000_000 }.to_string();
        assert!(
            message.contains("2000000 bytes") && message.contains("1 MB"),
            "{message}"
        );
        assert!(ImportError::NotText.to_string().contains(".txt"));
        assert!(
            ImportError::BadJson("EOF".into())
                .to_string()
                .contains("EOF")
        );
    }

    #[test]
    fn empty_input_is_refused() {
        for text in ["", " \n\t\r\n", "\u{a0}\u{2003}", "---\n\n#\n* * *"] {
            assert_eq!(parse_guide(text, None), Err(ImportError::Empty), "{text:?}");
        }
        assert_eq!(from_json("  "), Err(ImportError::Empty));
        assert!(matches!(
            from_json("{\"title\": 3}"),
            Err(ImportError::BadJson(_))
        ));
    }

    #[test]
    fn an_opening_verse_is_found_whatever_its_quotes_and_attribution() {
        let cases = [
            ("“Sing unto the LORD.”", "— Isaiah 51: 14-15"),
            ("\"Sing unto the LORD.\"", "- Isaiah 51:14–15"),
            ("Sing unto the LORD.", "– isaiah 51:14-15"),
            ("‘Sing unto the LORD.’", "-- Isaiah 51 : 14-15"),
            ("“Sing unto the LORD.”", "~ Isaiah 51:14-15"),
            ("“Sing unto the LORD.”", "Isaiah 51:14-15"),
        ];
        for (verse, attribution) in cases {
            let text = format!(
                "Night of Prayer\n\n{verse}\n{attribution}\n\nCourts\n\n• Pray for judges."
            );
            let opening = parse_guide(&text, None).unwrap().agenda.scripture;
            let expected = Scripture {
                text: "Sing unto the LORD.".into(),
                reference: "Isaiah 51:14-15".into(),
            };
            assert_eq!(opening, Some(expected), "{verse} {attribution}");
        }
    }

    #[test]
    fn a_passage_too_long_for_a_verse_stays_text() {
        let long = format!("“{}”", "Pray and do not give up. ".repeat(80));
        let text = format!("Courts\n\n{long}\n— Luke 18:1\n\n• Pray for judges.");
        let topic = &parse_guide(&text, None).unwrap().agenda.sections[0].topics[0];
        assert!(topic.body.chars().count() > 1_500);
        let scripture = topic.scripture.as_ref().unwrap();
        assert_eq!(
            (scripture.text.as_str(), scripture.reference.as_str()),
            ("", "Luke 18:1")
        );
    }

    #[test]
    fn short_sentences_and_bullets_are_not_headings() {
        let text = "Night of Prayer\n\nCourts\n\nPray for peace\n\n• Latin America\n\nAmen";
        let agenda = parse_guide(text, None).unwrap().agenda;
        let titles: Vec<_> = agenda.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Courts"]);
        let topics: Vec<_> = agenda
            .sections
            .iter()
            .flat_map(|s| &s.topics)
            .map(|t| t.title.as_str())
            .collect();
        assert_eq!(topics, ["Pray for peace", "Latin America"]);
        assert_eq!(agenda.closing, "Amen", "words after the last item close");

        // Words too long for a thank-you line are prayed as a last section.
        let blessing = "May the Lord bless you and keep you. ".repeat(10);
        let text = format!("Courts\n\n• Pray for judges.\n\n{blessing}");
        let agenda = parse_guide(&text, None).unwrap().agenda;
        assert_eq!(agenda.closing, "");
        assert_eq!(agenda.sections[1].title, "Closing");
        assert_eq!(agenda.sections[1].topics[0].body, blessing.trim());
    }

    #[test]
    fn headings_with_long_qualifiers_and_labels_open_sections() {
        let text = "Letter\n\nPray About | Online Exploitation of Children and Young People \
                    (Also Called \"Livestreamed Abuse\")\n\n• Pray for investigators.\n\n\
                    Pray for: Refugee Families\n• Pray for the Haddad family.\n";
        let agenda = parse_guide(text, None).unwrap().agenda;
        let section = &agenda.sections[0];
        assert_eq!(
            section.title,
            "Pray About | Online Exploitation of Children and Young People"
        );
        assert_eq!(section.description, "(Also Called \"Livestreamed Abuse\")");
        assert_eq!(section.topics.len(), 1);
        assert_eq!(agenda.sections[1].title, "Pray for: Refugee Families");
        assert_eq!(agenda.sections[1].topics.len(), 1);
    }

    #[test]
    fn closing_words_keep_their_paragraphs_through_export() {
        let text = "Courts\n\n• Pray for judges.\n\nThank you for praying with us.\n\n\
                    To learn more, visit example.org\n";
        let agenda = parse_guide(text, None).unwrap().agenda;
        assert_eq!(
            agenda.closing,
            "Thank you for praying with us.\n\nTo learn more, visit example.org"
        );
        let markdown = crate::agenda::to_markdown(&agenda);
        assert!(markdown.contains(
            "Closing words: Thank you for praying with us.\n\nClosing words: To learn more"
        ));
        assert_eq!(parse_guide(&markdown, None).unwrap().agenda, agenda);
        let json = crate::agenda::to_json(&agenda);
        assert_eq!(from_json(&json).unwrap(), agenda);
    }

    #[test]
    fn a_forwarded_emails_subject_names_the_gathering_when_nothing_else_does() {
        let header = "---------- Forwarded message ---------\nFrom: Ana <ana@example.org>\n\
                      Subject: Fwd: Prayer points for November\nTo: <team@example.org>\n\n";
        let imported = parse_guide(&format!("{header}• Pray for the courts."), None).unwrap();
        assert_eq!(imported.agenda.title, "Prayer points for November");
        assert_eq!(imported.set_aside.len(), 4);
        assert!(imported.notes.iter().any(|n| {
            n.to_string()
                .starts_with("Set aside: the forwarded e-mail's header (4 lines)")
        }));
        let topics = &imported.agenda.sections[0].topics;
        assert_eq!(topics.len(), 1);
        // A plain line under the header is a section heading, not the title.
        let imported =
            parse_guide(&format!("{header}Courts\n\n• Pray for the courts."), None).unwrap();
        assert_eq!(imported.agenda.title, "Prayer points for November");
        assert_eq!(imported.agenda.sections[0].title, "Courts");
        // The guide's own `# Title` comes first.
        let imported = parse_guide(
            &format!("{header}# Week of Prayer\n\n• Pray for the courts."),
            None,
        )
        .unwrap();
        assert_eq!(imported.agenda.title, "Week of Prayer");
        // A paste of a header alone is kept as text, not set aside into nothing.
        let imported = parse_guide("From: Ana\nSubject: Tuesday", None).unwrap();
        assert!(imported.set_aside.is_empty());
        assert!(!imported.agenda.sections.is_empty());
    }

    #[test]
    fn a_given_title_replaces_the_guides_own() {
        let imported = parse_guide(
            "Week of Prayer\n\n• Pray for the courts.",
            Some("  Tuesday  night "),
        )
        .unwrap();
        assert_eq!(imported.agenda.title, "Tuesday night");
        assert!(imported.notes[0].to_string().contains("Week of Prayer"));
        let imported = parse_guide("• Pray for the courts.", None).unwrap();
        assert_eq!(imported.agenda.title, DEFAULT_TITLE);
    }

    #[test]
    fn an_untitled_guide_takes_the_default_title_in_the_readers_language() {
        let mut imported = parse_guide("• Pray for the courts.", None).unwrap();
        name_untitled(&mut imported, "Guía de oración importada");
        assert_eq!(imported.agenda.title, "Guía de oración importada");
        assert!(
            imported.notes[0]
                .to_string()
                .contains("Guía de oración importada")
        );
        // A guide with a title of its own keeps it.
        let mut titled = parse_guide("Week of Prayer\n\n• Pray for the courts.", None).unwrap();
        name_untitled(&mut titled, "Guía de oración importada");
        assert_eq!(titled.agenda.title, "Week of Prayer");
    }
}
