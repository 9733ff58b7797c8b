//! Exporting an agenda: as Markdown a person can read, print or edit and the
//! importer reads back exactly (the shape is described in `crate::agenda`),
//! and as JSON for a lossless copy between installations.

use std::fmt::Write;

use super::format::{
    CLOSING_PREFIX, DESCRIPTION_PREFIX, INTRODUCTION_PREFIX, NOTES_PREFIX, SUMMARY_PREFIX, escape,
    topic_line,
};
use super::lines::quoted_attribution;
use super::text::normalise_whitespace;
use super::translate::{language_marker, translated_agenda, translation_marker};
use crate::domain::agenda::{NewAgenda, NewTopic, Scripture};

/// The agenda as Markdown: `# Title`, the opening verse as a `>` quotation,
/// `Introduction:` and `Closing words:` paragraphs, `## Section` headings
/// each with its `Description:` paragraphs, `### Topic` headings, each
/// topic's verse, body, notes, projector summary and a `*Pray · 3 min*` line.
///
/// An agenda that names its language starts with a `<!-- language: en -->`
/// line, and each translation follows as a whole guide after a
/// `<!-- translation: es -->` line (see `crate::agenda::translate`).
pub fn to_markdown(agenda: &NewAgenda) -> String {
    let mut out = String::new();
    if !agenda.language.is_empty() {
        block(&mut out, &language_marker(&agenda.language));
    }
    write_agenda(&mut out, agenda);
    for translation in &agenda.translations {
        block(&mut out, &translation_marker(&translation.language));
        write_agenda(&mut out, &translated_agenda(agenda, translation));
    }
    out
}

fn write_agenda(out: &mut String, agenda: &NewAgenda) {
    heading(out, "#", &agenda.title);
    if let Some(scripture) = &agenda.scripture {
        quotation(out, scripture);
    }
    labelled(out, INTRODUCTION_PREFIX, &agenda.introduction);
    labelled(out, CLOSING_PREFIX, &agenda.closing);
    for section in &agenda.sections {
        heading(out, "##", &section.title);
        labelled(out, DESCRIPTION_PREFIX, &section.description);
        for topic in &section.topics {
            write_topic(out, topic);
        }
    }
}

/// The agenda as pretty-printed JSON, read back by `import::from_json`.
pub fn to_json(agenda: &NewAgenda) -> String {
    // unwrap: plain structs of strings, numbers and enums always serialise.
    serde_json::to_string_pretty(agenda).unwrap()
}

fn write_topic(out: &mut String, topic: &NewTopic) {
    heading(out, "###", &topic.title);
    if let Some(scripture) = &topic.scripture {
        quotation(out, scripture);
    }
    for paragraph in topic.body.split("\n\n") {
        let lines: Vec<String> = non_empty_lines(paragraph).map(escape).collect();
        if !lines.is_empty() {
            block(out, &lines.join("\n"));
        }
    }
    labelled(out, NOTES_PREFIX, &topic.notes);
    labelled(out, SUMMARY_PREFIX, &topic.safe_summary);
    block(out, &topic_line(topic));
}

/// A heading on one line, whatever line breaks its text holds.
fn heading(out: &mut String, marks: &str, text: &str) {
    block(
        out,
        format!("{marks} {}", normalise_whitespace(text)).trim_end(),
    );
}

/// "> words" lines and the "> — Reference" line.
fn quotation(out: &mut String, scripture: &Scripture) {
    let mut text = String::new();
    for line in non_empty_lines(&scripture.text) {
        let escape = line.starts_with('\\') || quoted_attribution(line).is_some();
        let _ = writeln!(text, "> {}{line}", if escape { "\\" } else { "" });
    }
    let _ = write!(text, "> — {}", scripture.reference.trim());
    block(out, text.trim_end());
}

/// One "Label: ..." paragraph per paragraph of `text`.
fn labelled(out: &mut String, label: &str, text: &str) {
    for paragraph in text.split("\n\n") {
        let mut lines = non_empty_lines(paragraph);
        let Some(first) = lines.next() else {
            continue;
        };
        let mut written = format!("{label} {first}");
        for line in lines {
            written.push('\n');
            written.push_str(&escape(line));
        }
        block(out, &written);
    }
}

fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Appends `text` as its own block, separated from the one before by a blank line.
fn block(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::{NewSection, TopicKind};

    fn sample() -> NewAgenda {
        NewAgenda {
            title: "Night of Prayer".into(),
            scripture: Some(Scripture {
                text: "Seek justice.".into(),
                reference: "Isaiah 1:17".into(),
            }),
            introduction: String::new(),
            closing: String::new(),
            language: String::new(),
            translations: Vec::new(),
            sections: vec![NewSection {
                title: "Pray for | Courts".into(),
                description: String::new(),
                topics: vec![NewTopic {
                    title: "A case in Nairobi".into(),
                    scripture: None,
                    body: "# not a heading\n\nSecond paragraph.".into(),
                    kind: TopicKind::Praise,
                    planned_minutes: 4,
                    notes: "Go gently.".into(),
                    sensitive: true,
                    safe_summary: "Pray for a family.".into(),
                }],
            }],
        }
    }

    #[test]
    fn markdown_reads_naturally() {
        let expected = "# Night of Prayer\n\n> Seek justice.\n> — Isaiah 1:17\n\n## Pray for | Courts\n\n\
                        ### A case in Nairobi\n\n\\# not a heading\n\nSecond paragraph.\n\n\
                        Facilitator notes: Go gently.\n\nProjector summary: Pray for a family.\n\n\
                        *Praise · 4 min · sensitive*\n";
        assert_eq!(to_markdown(&sample()), expected);
    }

    #[test]
    fn json_is_pretty() {
        let json = to_json(&sample());
        assert!(
            json.contains("\n  \"title\": \"Night of Prayer\""),
            "{json}"
        );
        assert!(json.contains("\"kind\": \"praise\""));
    }
}
