//! The header of a forwarded e-mail at the top of a pasted guide: a marker
//! line ("---------- Forwarded message ---------", "Begin forwarded
//! message:", "-----Original Message-----") and the `From:`, `Date:` or
//! `Sent:`, `Subject:`, `To:` lines under it, as mail programs write them
//! in the importer's four languages. None of it is a prayer item: the
//! subject can name the gathering, and the lines are set aside, shown to the
//! facilitator in the preview rather than made into topics.

use super::lines::{Kind, Line};
use super::text::{normalise_whitespace, strip_prefix_ignore_case};

/// What the header of a forwarded e-mail held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Forwarded {
    /// The subject, its "Fwd:" and "RE:" prefixes removed; may be empty.
    pub subject: String,
    /// The header's lines as written (whitespace normalised), in order.
    pub lines: Vec<String>,
}

/// Marker lines that open a forwarded message, compared without case, the
/// dashes around them and a trailing colon.
const MARKERS: &[&str] = &[
    "forwarded message",
    "begin forwarded message",
    "original message",
    "mensaje reenviado",
    "mensaje original",
    "mensagem encaminhada",
    "mensagem original",
    "message transféré",
    "message d'origine",
    "début du message réexpédié",
    "message original",
];

/// The labels of a mail header line, in the four languages.
const FIELDS: &[&str] = &[
    "from", "sent", "date", "to", "cc", "bcc", "subject", "reply-to", "de", "enviado", "fecha",
    "para", "asunto", "enviada", "data", "assunto", "envoyé", "à", "objet",
];

/// The most lines of a note above a forwarded message: a marker further
/// down is the guide's own text.
const MAX_NOTE_LINES: usize = 8;

/// Labels of the subject line.
const SUBJECT_FIELDS: &[&str] = &["subject", "asunto", "assunto", "objet"];

/// Labels of the sender line: a header without a marker line must name one.
const FROM_FIELDS: &[&str] = &["from", "de"];

/// Prefixes mail programs put before a forwarded or answered subject.
const SUBJECT_PREFIXES: &[&str] = &[
    "fwd:", "fw:", "re:", "tr:", "rv:", "enc:", "res:", "wg:", "aw:",
];

/// Replaces the forwarded-mail headers at the start of `lines` (one after
/// another, for a forward of a forward) with blank lines, and returns what
/// they held; `None` when the guide does not start with one. A header that
/// opens with a marker line may follow a note of the person who forwarded
/// it ("Hi all, see below for Tuesday."), so long as no heading or list
/// item comes before it: the note stays as text.
pub(crate) fn set_aside_headers(lines: &mut [Line]) -> Option<Forwarded> {
    let mut found = Forwarded::default();
    let mut start = lines
        .iter()
        .take_while(|l| matches!(l.kind, Kind::Text | Kind::Blank))
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .take(MAX_NOTE_LINES + 1)
        .find(|(_, l)| is_marker(l))
        .map_or(0, |(i, _)| i);
    if start > 0 && header_end(lines, start).is_some() {
        join_note(&mut lines[..start]);
    }
    while let Some(end) = header_end(lines, start) {
        for line in &mut lines[start..end] {
            if line.is_blank() {
                continue;
            }
            if found.subject.is_empty()
                && let Some((field, value)) = field_line(line)
                && SUBJECT_FIELDS.contains(&field.as_str())
            {
                found.subject = clean_subject(value);
            }
            found.lines.push(line.full.clone());
            line.kind = Kind::Blank;
            line.text.clear();
            line.full.clear();
        }
        start = end;
    }
    (!found.lines.is_empty()).then_some(found)
}

/// Makes each paragraph of the note above a forwarded message one line, so
/// that a signature on a line of its own ("Ruth") reads as part of the note
/// rather than as a heading.
fn join_note(note: &mut [Line]) {
    let mut first: Option<usize> = None;
    for i in 0..note.len() {
        if note[i].is_blank() {
            first = None;
            continue;
        }
        match first {
            None => first = Some(i),
            Some(f) => {
                let (text, full) = (
                    std::mem::take(&mut note[i].text),
                    std::mem::take(&mut note[i].full),
                );
                note[f].text = format!("{} {text}", note[f].text);
                note[f].full = format!("{} {full}", note[f].full);
                note[i].kind = Kind::Blank;
            }
        }
    }
}

/// Where the header block starting at or after `start` (blank lines skipped)
/// ends: after its marker line and its run of header lines. A block needs a
/// marker line, or else a `From:` line and at least one other field.
fn header_end(lines: &[Line], start: usize) -> Option<usize> {
    let skip_blank = |from: usize| {
        lines[from..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|p| from + p)
    };
    let mut i = skip_blank(start)?;
    let marked = is_marker(&lines[i]);
    if marked {
        i = skip_blank(i + 1).unwrap_or(lines.len());
    }
    let fields: Vec<String> = lines[i..]
        .iter()
        .map_while(|l| field_line(l).map(|(field, _)| field))
        .collect();
    let has_from = fields.iter().any(|f| FROM_FIELDS.contains(&f.as_str()));
    (marked || (has_from && fields.len() >= 2)).then_some(i + fields.len())
}

fn is_marker(line: &Line) -> bool {
    if line.quoted || !matches!(line.kind, Kind::Text) {
        return false;
    }
    let core = line
        .text
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '_' | '=' | ':' | ' '))
        .to_lowercase();
    MARKERS.contains(&normalise_whitespace(&core).as_str())
}

/// "From: Ana <ana@example.org>" as ("from", "Ana <ana@example.org>"), for
/// a plain line that opens with a mail header's label.
fn field_line(line: &Line) -> Option<(String, &str)> {
    if line.quoted || !matches!(line.kind, Kind::Text) {
        return None;
    }
    // A bold label, as some mail programs paste it: "**From:** Ana".
    let text = line.text.trim_start_matches('*');
    let (label, value) = text.split_once(':')?;
    let label = label.trim_end_matches('*').trim().to_lowercase();
    FIELDS
        .contains(&label.as_str())
        .then(|| (label, value.trim_start_matches('*').trim()))
}

/// A subject without its "Fwd:", "RE:" and the like, however many.
fn clean_subject(subject: &str) -> String {
    let mut rest = subject.trim();
    while let Some(stripped) = SUBJECT_PREFIXES
        .iter()
        .find_map(|p| strip_prefix_ignore_case(rest, p))
    {
        rest = stripped.trim_start();
    }
    // "[Newsletter] Prayer points": a list's tag says nothing about tonight.
    if rest.starts_with('[')
        && let Some((_, after)) = rest.split_once(']')
        && !after.trim().is_empty()
    {
        rest = after.trim();
    }
    normalise_whitespace(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::lines::split_lines;

    fn set_aside(text: &str) -> (Option<Forwarded>, Vec<String>) {
        let mut lines = split_lines(text);
        let found = set_aside_headers(&mut lines);
        let left = lines
            .into_iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.full)
            .collect();
        (found, left)
    }

    #[test]
    fn a_forwarded_header_of_each_mail_program_is_set_aside() {
        let cases = [
            "---------- Forwarded message ---------\nFrom: Open Gate <news@example.org>\n\
             Date: Tue, 3 Nov 2026 at 09:14\nSubject: Fwd: Prayer points for November\n\
             To: <me@example.com>\n\nDear friends,",
            "From: Ana Ruiz <ana@example.org>\nSent: Tuesday, November 3, 2026 9:14 AM\n\
             To: Prayer Team\nCc: Elders\nSubject: FW: Prayer points for November\n\nDear friends,",
            "Begin forwarded message:\n\nFrom: Open Gate <news@example.org>\n\
             Subject: Prayer points for November\nDate: 3 November 2026 at 09:14:00 GMT\n\
             To: me@example.com\n\nDear friends,",
            "-----Original Message-----\n**From:** Ana\n**Subject:** RE: Fwd: Prayer points for November\n\
             \nDear friends,",
        ];
        for text in cases {
            let (found, left) = set_aside(text);
            let found = found.unwrap_or_else(|| panic!("not found in {text:?}"));
            assert_eq!(found.subject, "Prayer points for November", "{text}");
            assert_eq!(left, ["Dear friends,"], "{text}");
            assert!(
                found
                    .lines
                    .iter()
                    .any(|l| l.starts_with("To:") || l.contains("From:"))
            );
        }
    }

    #[test]
    fn a_forward_of_a_forward_and_other_languages() {
        let text = "---------- Mensaje reenviado ---------\nDe: Ana <ana@example.org>\n\
                    Fecha: mar, 3 nov 2026\nAsunto: RV: [Boletín] Oración de noviembre\n\
                    Para: equipo@example.org\n\n---------- Forwarded message ---------\n\
                    From: Luis\nSubject: Something else\n\nQueridos amigos:";
        let (found, left) = set_aside(text);
        let found = found.unwrap();
        assert_eq!(found.subject, "Oración de noviembre");
        assert_eq!(found.lines.len(), 8);
        assert_eq!(left, ["Queridos amigos:"]);
    }

    #[test]
    fn a_note_above_a_forwarded_message_stays() {
        let text = "Hi all, see below for Tuesday.\nRuth\n\n\
                    ---------- Forwarded message ---------\nFrom: Open Gate\n\
                    Subject: November\n\nCourts\n\n• Pray for judges.";
        let (found, left) = set_aside(text);
        assert_eq!(found.unwrap().subject, "November");
        assert_eq!(
            left,
            [
                "Hi all, see below for Tuesday. Ruth",
                "Courts",
                "• Pray for judges."
            ]
        );
        // After a heading, an item or a long text, a marker is the guide's own text.
        let (found, _) = set_aside("## Courts\n---------- Forwarded message ---------\nFrom: A");
        assert_eq!(found, None);
        let long = format!(
            "{}---------- Forwarded message ---------\nFrom: A",
            "A line of text.\n".repeat(MAX_NOTE_LINES + 1)
        );
        assert_eq!(set_aside(&long).0, None);
        let (found, _) = set_aside("- item\n---------- Forwarded message ---------\nFrom: A");
        assert_eq!(found, None);
    }

    #[test]
    fn words_that_only_look_like_a_header_stay() {
        for text in [
            "Date: Saturday 14 March\n\nPray for the courts.",
            "To: all who pray\nPray for the courts.",
            "Courts\n\nFrom: the field office\nSubject: a hearing",
            "> From: Ana\n> Subject: quoted",
            "# From: Ana\nSubject: x",
        ] {
            let (found, _) = set_aside(text);
            assert_eq!(found, None, "{text}");
        }
    }
}
