//! Tests of import and export as a whole: each fixture guide under
//! `tests/fixtures/guides/`, the Markdown and JSON round trips, and properties
//! over arbitrary input. The check that no text is lost lives here.

mod fixtures;
mod properties;
mod round_trip;
mod score;

use std::path::PathBuf;

use super::Imported;
use super::format::{FRAMING_LABELS, NOTES_PREFIX, SUMMARY_PREFIX, parse_topic_line};
use super::scripture::normalise_reference;
use super::text::{QUOTE_MARKS, normalise_whitespace, strip_prefix_ignore_case};
use crate::domain::agenda::{NewAgenda, Scripture};

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guides")
}

/// The text of one fixture guide.
fn fixture(name: &str) -> String {
    let path = fixture_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every fixture guide, by file name, in name order.
fn all_fixtures() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("fixture directory")
        .map(|entry| {
            entry
                .expect("fixture entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".txt") || name.ends_with(".md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = fixture(&name);
            (name, text)
        })
        .collect()
}

/// Characters that mark structure rather than say anything: bullets, dashes,
/// heading and quotation markers, rules, emphasis and the export's escape.
const MARKUP: &[char] = &[
    '>', '#', '•', '◦', '▪', '▫', '‣', '●', '○', '■', '□', '►', '▶', '➢', '➤', '✓', '✔', '⁃', '·',
    '-', '*', '+', '–', '—', '―', '−', '‐', '‑', '‒', '~', '_', '=', '\\',
];

/// Text compared without the differences import is allowed to make:
/// whitespace collapsed, quotation marks removed.
fn comparable(text: &str) -> String {
    normalise_whitespace(&text.replace(QUOTE_MARKS, " "))
}

/// Every text field of the agenda, each made comparable, one per line so that
/// no match can span two fields.
fn agenda_text(agenda: &NewAgenda) -> String {
    let mut fields = vec![agenda.title.clone()];
    let scripture = |s: &Option<Scripture>, fields: &mut Vec<String>| {
        if let Some(s) = s {
            fields.push(s.text.clone());
            fields.push(s.reference.clone());
        }
    };
    scripture(&agenda.scripture, &mut fields);
    fields.push(agenda.introduction.clone());
    fields.push(agenda.closing.clone());
    for section in &agenda.sections {
        fields.push(section.title.clone());
        fields.push(section.description.clone());
        // A heading too long for a title is split between the two, in order.
        fields.push(format!("{} {}", section.title, section.description));
        for topic in &section.topics {
            fields.push(topic.title.clone());
            scripture(&topic.scripture, &mut fields);
            fields.extend([
                topic.body.clone(),
                topic.notes.clone(),
                topic.safe_summary.clone(),
            ]);
        }
    }
    fields
        .iter()
        .map(|f| comparable(f))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What of an input line must be found in the agenda: the line with its
/// whitespace normalised, leading markup (bullet, list number or letter,
/// `#`, `>`, attribution dash, escape) and trailing emphasis stripped, a notes
/// or summary label dropped and quotation marks removed. `None` for a line
/// with nothing left, or a `*Pray · 3 min*` topic line (its content is fields).
fn needle(line: &str) -> Option<String> {
    let line = normalise_whitespace(line.trim_start_matches('\u{feff}'));
    if parse_topic_line(&line).is_some() {
        return None;
    }
    let mut rest = line.as_str();
    loop {
        let stripped = strip_list_marker(
            rest.trim_start_matches(|c: char| MARKUP.contains(&c) || c.is_whitespace()),
        );
        if stripped.len() == rest.len() {
            break;
        }
        rest = stripped;
    }
    let rest = rest.trim_end_matches(|c: char| matches!(c, '*' | '_' | '#') || c.is_whitespace());
    let rest = [NOTES_PREFIX, SUMMARY_PREFIX]
        .iter()
        .chain(FRAMING_LABELS.iter().map(|(label, _)| label))
        .find_map(|label| strip_prefix_ignore_case(rest, label))
        .unwrap_or(rest);
    Some(comparable(rest)).filter(|n| !n.is_empty())
}

/// "1. ", "12) ", "a. ", "(b) ", "(3) " at the start of `text`.
fn strip_list_marker(text: &str) -> &str {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let label = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .count();
    if !(1..=3).contains(&label) {
        return text;
    }
    match inner[label..].strip_prefix(['.', ')']) {
        Some(after) if after.is_empty() || after.starts_with(' ') => after,
        _ => text,
    }
}

/// Input lines not found anywhere in the agenda, nor among the lines the
/// importer set aside for the facilitator to see (a reference may be found
/// in its normalised form).
fn lost_lines(input: &str, agenda: &NewAgenda, set_aside: &[String]) -> Vec<String> {
    let mut found = agenda_text(agenda);
    for line in set_aside {
        found.push('\n');
        found.push_str(&comparable(line));
    }
    input
        .split(['\r', '\n'])
        .filter_map(needle)
        .filter(|n| !found.contains(n.as_str()) && !found.contains(&normalise_reference(n)))
        .collect()
}

/// Fails, naming the lines, if any non-empty line of `input` is missing from
/// the imported agenda and from what the importer set aside.
#[track_caller]
fn assert_nothing_lost(input: &str, imported: &Imported) {
    let Imported {
        agenda, set_aside, ..
    } = imported;
    let lost = lost_lines(input, agenda, set_aside);
    assert!(
        lost.is_empty(),
        "lost lines: {lost:#?}\nagenda: {agenda:#?}\nset aside: {set_aside:#?}"
    );
}

#[test]
fn the_lost_text_check_notices_a_missing_line() {
    let input = "Title\n\n- Pray for the courts.\n- Pray for police.";
    let mut imported = super::parse_guide(input, None).unwrap();
    assert_nothing_lost(input, &imported);
    imported.agenda.sections[0].topics.pop();
    assert_eq!(
        lost_lines(input, &imported.agenda, &imported.set_aside),
        vec!["Pray for police."]
    );
    // A line set aside is not lost only while it is listed as set aside.
    let input = "From: Ana <ana@example.org>\nSubject: Tuesday\n\n- Pray for the courts.";
    let mut imported = super::parse_guide(input, None).unwrap();
    assert_nothing_lost(input, &imported);
    imported.set_aside.clear();
    assert_eq!(
        lost_lines(input, &imported.agenda, &imported.set_aside),
        vec!["From: Ana <ana@example.org>", "Subject: Tuesday"]
    );
}

#[test]
fn needles_lose_only_markup() {
    assert_eq!(
        needle("  •\tPray\u{a0}for “courts”  ").as_deref(),
        Some("Pray for courts")
    );
    assert_eq!(
        needle("— Isaiah 51: 14-15").as_deref(),
        Some("Isaiah 51: 14-15")
    );
    assert_eq!(needle("(a) Judges").as_deref(), Some("Judges"));
    assert_eq!(
        needle("**Latin America**").as_deref(),
        Some("Latin America")
    );
    assert_eq!(
        needle("Facilitator notes: go gently").as_deref(),
        Some("go gently")
    );
    assert_eq!(needle("1 John 3:18").as_deref(), Some("1 John 3:18"));
    assert_eq!(needle("*Praise · 2 min*"), None);
    assert_eq!(needle(" --- "), None);
}
