//! The parts of the Markdown shape that carry more than prose: the topic line
//! `*Praise · 4 min · sensitive*`, the `Facilitator notes:` and
//! `Projector summary:` paragraphs, and the backslash that keeps a body line
//! from being read as structure. `export` writes them; `import` reads a `###`
//! topic back with them, exactly.

use super::lines::{Kind, Line, reads_as_blank};
use super::titles::{kind_of, planned_minutes};
use crate::domain::agenda::{NewTopic, Scripture, TopicKind};

/// Starts a paragraph of private facilitator notes.
pub(crate) const NOTES_PREFIX: &str = "Facilitator notes:";
/// Starts the paragraph the projector shows instead of a sensitive body.
pub(crate) const SUMMARY_PREFIX: &str = "Projector summary:";
/// Starts a paragraph of the gathering's introduction (before the first section).
pub(crate) const INTRODUCTION_PREFIX: &str = "Introduction:";
/// Starts a paragraph of the closing words (before the first section).
pub(crate) const CLOSING_PREFIX: &str = "Closing words:";
/// Starts a paragraph of a section's description (before its first topic).
pub(crate) const DESCRIPTION_PREFIX: &str = "Description:";

/// The labels of the paragraphs that frame the topics, with what each labels.
pub(crate) const FRAMING_LABELS: &[(&str, Framing)] = &[
    (INTRODUCTION_PREFIX, Framing::Introduction),
    (CLOSING_PREFIX, Framing::Closing),
    (DESCRIPTION_PREFIX, Framing::Description),
];

/// Text around the topics rather than in one: never a topic of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    /// The gathering's introduction.
    Introduction,
    /// The gathering's closing words (its thank-you line).
    Closing,
    /// The description of the section it stands in.
    Description,
}

/// What the `*Pray · 3 min*` line of a topic says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TopicLine {
    pub kind: Option<TopicKind>,
    pub minutes: Option<i64>,
    pub sensitive: bool,
}

/// Writes the topic line: "*Pray · 3 min*", "*Praise · 2 min · sensitive*".
pub(crate) fn topic_line(topic: &NewTopic) -> String {
    let kind = match topic.kind {
        TopicKind::Pray => "Pray",
        TopicKind::Praise => "Praise",
    };
    let sensitive = if topic.sensitive { " · sensitive" } else { "" };
    format!("*{kind} · {} min{sensitive}*", topic.planned_minutes)
}

/// Reads a topic line; `None` unless every part of it is understood.
pub(crate) fn parse_topic_line(line: &str) -> Option<TopicLine> {
    let inner = line.strip_prefix('*')?.strip_suffix('*')?;
    if inner.starts_with('*') || inner.trim().is_empty() {
        return None;
    }
    let mut parsed = TopicLine::default();
    for part in inner.split('·').map(str::trim) {
        let lower = part.to_lowercase();
        match lower.as_str() {
            "pray" => parsed.kind = Some(TopicKind::Pray),
            "praise" => parsed.kind = Some(TopicKind::Praise),
            "sensitive" => parsed.sensitive = true,
            _ => parsed.minutes = Some(parse_minutes(&lower)?),
        }
    }
    Some(parsed)
}

/// "4 min", "4 mins", "4 minutes", "1 minute".
fn parse_minutes(part: &str) -> Option<i64> {
    let number = ["minutes", "minute", "mins", "min"]
        .iter()
        .find_map(|unit| part.strip_suffix(unit))?
        .trim();
    number.parse().ok()
}

/// Whether a body line must be escaped with a leading backslash so that the
/// importer keeps it as text rather than reading it as a heading, quotation,
/// topic line or notes paragraph.
pub(crate) fn needs_escape(line: &str) -> bool {
    line.starts_with(['#', '>', '\\'])
        || reads_as_blank(line)
        || parse_topic_line(line).is_some()
        || starts_with_prefix(line, NOTES_PREFIX)
        || starts_with_prefix(line, SUMMARY_PREFIX)
        || FRAMING_LABELS
            .iter()
            .any(|(label, _)| starts_with_prefix(line, label))
}

/// A labelled framing paragraph ("Introduction: ..."): what it frames and
/// its text, line breaks kept and escapes removed. `None` unless `lines`
/// (one paragraph) opens with a label.
pub(crate) fn framing_paragraph(lines: &[Line]) -> Option<(Framing, String)> {
    let (first, rest) = lines.split_first()?;
    let (framing, head) = FRAMING_LABELS
        .iter()
        .find_map(|(label, framing)| Some((*framing, strip_prefix(&first.full, label)?)))?;
    let text = std::iter::once(head)
        .chain(rest.iter().map(|l| unescape(&l.full)))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Some((framing, text))
}

/// `line`, escaped if it needs to be.
pub(crate) fn escape(line: &str) -> String {
    if needs_escape(line) {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

fn unescape(line: &str) -> &str {
    line.strip_prefix('\\').map_or(line, str::trim_start)
}

fn starts_with_prefix(line: &str, prefix: &str) -> bool {
    strip_prefix(line, prefix).is_some()
}

fn strip_prefix<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    super::text::strip_prefix_ignore_case(line, prefix).map(str::trim_start)
}

/// Reads a topic written under a `###` heading: an optional `>` quotation
/// with its `> — Reference` line first, then body paragraphs, notes and
/// summary paragraphs and the topic line, in any order. Lines within a
/// paragraph keep their line breaks: this is the shape `export` writes.
pub(crate) fn explicit_topic(title: &str, lines: &[Line]) -> NewTopic {
    let mut paragraphs = lines
        .split(Line::is_blank)
        .filter(|p| !p.is_empty())
        .peekable();
    let scripture = paragraphs.next_if(|p| is_quotation(p)).map(quotation);

    let (mut body, mut notes, mut summary) = (Vec::new(), Vec::new(), Vec::new());
    let mut topic_line = None;
    for paragraph in paragraphs {
        let first = paragraph[0].full.as_str();
        if paragraph.len() == 1
            && let Some(parsed) = parse_topic_line(first)
        {
            topic_line = Some(parsed);
            continue;
        }
        let rest = paragraph[1..].iter().map(|l| unescape(&l.full));
        let (target, head) = if let Some(head) = strip_prefix(first, NOTES_PREFIX) {
            (&mut notes, head)
        } else if let Some(head) = strip_prefix(first, SUMMARY_PREFIX) {
            (&mut summary, head)
        } else {
            (&mut body, unescape(first))
        };
        let text = std::iter::once(head)
            .chain(rest)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !text.is_empty() {
            target.push(text);
        }
    }

    let body = body.join("\n\n");
    let safe_summary = summary.join("\n\n");
    let parsed = topic_line.unwrap_or_default();
    NewTopic {
        title: title.to_string(),
        kind: parsed.kind.unwrap_or_else(|| kind_of(title, &body)),
        planned_minutes: parsed.minutes.unwrap_or_else(|| planned_minutes(&body)),
        // A summary for the projector only makes sense for a sensitive topic,
        // so a hand-written one implies it unless the topic line says otherwise.
        sensitive: topic_line.map_or(!safe_summary.is_empty(), |t| t.sensitive),
        scripture,
        body,
        notes: notes.join("\n\n"),
        safe_summary,
    }
}

/// A paragraph of `>` lines whose last line is an attribution.
fn is_quotation(paragraph: &[Line]) -> bool {
    paragraph.iter().all(|l| l.quoted)
        && paragraph
            .last()
            .is_some_and(|l| matches!(l.kind, Kind::Attribution { .. }))
}

fn quotation(paragraph: &[Line]) -> Scripture {
    let (last, verse) = paragraph
        .split_last()
        // unwrap: `is_quotation` has checked the paragraph ends in an attribution.
        .unwrap();
    let reference = match &last.kind {
        Kind::Attribution { reference } => reference.clone(),
        _ => String::new(),
    };
    let text = verse
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    Scripture { text, reference }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::lines::split_lines;

    #[test]
    fn topic_lines_round_trip_and_reject_anything_else() {
        let line = TopicLine {
            kind: Some(TopicKind::Praise),
            minutes: Some(4),
            sensitive: true,
        };
        assert_eq!(parse_topic_line("*Praise · 4 min · sensitive*"), Some(line));
        assert_eq!(
            parse_topic_line("*pray · 1 minute*").and_then(|t| t.minutes),
            Some(1)
        );
        for other in [
            "*Pray · soon*",
            "**Bold**",
            "*",
            "**",
            "*emphasis*",
            "Pray · 3 min",
        ] {
            assert_eq!(parse_topic_line(other), None, "{other}");
        }
    }

    #[test]
    fn structural_lines_are_escaped() {
        for line in [
            "# not a heading",
            "> not a quote",
            "\\already",
            "*Pray · 2 min*",
            "facilitator notes: x",
            "Introduction: x",
            "closing words: x",
            "Description: x",
            "---",
            "a.",
            "•",
        ] {
            assert!(needs_escape(line), "{line}");
        }
        assert!(!needs_escape("Pray for the courts."));
    }

    #[test]
    fn an_explicit_topic_reads_every_part() {
        let text = "> Defend the poor.\n> — Psalm 82:3\n\nFirst line\nsecond line\n\n\\# kept\n\n\
                    Facilitator notes: go gently\n\nProjector summary: a safe line\n\n*Pray · 5 min*";
        let topic = explicit_topic("A girl's road to safety", &split_lines(text));
        assert_eq!(topic.scripture.unwrap().reference, "Psalm 82:3");
        assert_eq!(topic.body, "First line\nsecond line\n\n# kept");
        assert_eq!(topic.notes, "go gently");
        assert_eq!(topic.safe_summary, "a safe line");
        assert!(!topic.sensitive);
        assert_eq!(topic.planned_minutes, 5);
    }
}
