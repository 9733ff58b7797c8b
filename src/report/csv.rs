//! The report as CSV: one row per topic after a header row, safe to open in a
//! spreadsheet. Formula injection is neutralised as OWASP advises: a cell, or a
//! `;`-separated part of one, that a spreadsheet could read as a formula gets a
//! leading `'`, so it is shown as text.

use super::Report;

const HEADER: [&str; 10] = [
    "number",
    "section",
    "topic",
    "kind",
    "praying",
    "peak_attendees",
    "shown_at",
    "minutes_after_start",
    "shown_minutes",
    "planned_minutes",
];

/// One cell: neutralised against formula injection, quoted when needed.
pub fn cell(value: &str) -> String {
    // Spreadsheets in locales whose list separator is `;` split a line on `;`
    // and ignore our comma quoting, so every `;`-separated part is a cell start.
    let safe = value
        .split(';')
        .map(|part| {
            if starts_a_formula(part) {
                format!("'{part}")
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(";");
    if safe.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// Whether a spreadsheet could take `text` for a formula: it starts with one of
/// `= + - @`, tab, CR or LF (or their full-width and small forms), possibly
/// after invisible format controls or spaces, which spreadsheets skip or which
/// hide the formula from a reader (a leading U+202E shows the text backwards).
fn starts_a_formula(text: &str) -> bool {
    let mut chars = text.chars().skip_while(|c| is_invisible(*c) || *c == ' ');
    let first = chars.next();
    // A tab, CR or LF at the very start counts too, even if only spaces follow.
    text.starts_with(['\t', '\r', '\n'])
        || first.is_some_and(|c| {
            matches!(
                c,
                '=' | '+'
                    | '-'
                    | '@'
                    | '\t'
                    | '\r'
                    | '\n'
                    // Full-width forms.
                    | '\u{FF1D}'
                    | '\u{FF0B}'
                    | '\u{FF0D}'
                    | '\u{FF20}'
                    // Small forms.
                    | '\u{FE66}'
                    | '\u{FE62}'
                    | '\u{FE63}'
                    | '\u{FE6B}'
                    // Minus sign, which some spreadsheets accept as `-`.
                    | '\u{2212}'
            )
        })
}

/// Bidirectional and other invisible format controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Makes spreadsheet programs read the file as UTF-8 (titles in any language).
const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// The whole report as CSV text: a byte-order mark, CRLF line ends, times
/// in the gathering's zone with its offset (RFC 3339, to the second).
pub fn to_csv(report: &Report) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for topic in &report.topics {
        let row = [
            topic.number.to_string(),
            cell(&topic.section),
            cell(&topic.title),
            topic.kind.clone(),
            topic.praying.to_string(),
            topic.peak_attendees.to_string(),
            topic.shown_at.clone().unwrap_or_default(),
            topic
                .shown_after_minutes
                .map(|m| format!("{m:.1}"))
                .unwrap_or_default(),
            format!("{:.1}", topic.shown_minutes),
            topic.planned_minutes.to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, sample};

    #[test]
    fn cells_that_could_run_as_formulas_are_neutralised() {
        for (raw, expected) in [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@cmd", "'@cmd"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("Pray for | Courts, judges", "\"Pray for | Courts, judges\""),
            ("plain", "plain"),
            ("x;=1+1", "\"x;'=1+1\""),
            ("x; =1+1", "\"x;' =1+1\""),
            ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
            ("\u{FF0B}1", "'\u{FF0B}1"),
            ("\u{202E}=1+1", "'\u{202E}=1+1"),
            ("\u{200B}\u{2066}@x", "'\u{200B}\u{2066}@x"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            (" =1+1", "' =1+1"),
            ("a - b", "a - b"),
            ("Courts; judges", "\"Courts; judges\""),
        ] {
            assert_eq!(cell(raw), expected, "{raw}");
        }
    }

    #[test]
    fn one_row_per_topic_after_the_header() {
        let (gathering, figures) = sample();
        let csv = to_csv(&Report::build(
            &gathering,
            &figures,
            1_320_000,
            &crate::domain::MeetingZone::utc(),
        ));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("\u{FEFF}number,section,topic,kind,praying"));
        assert_eq!(
            lines[1],
            "1,Pray for | Courts,Judges,praise,12,40,1970-01-01T00:16:40+00:00,0.0,3.0,3"
        );
        assert!(lines[2].contains("'=HYPERLINK"));
        assert_eq!(lines[3], "3,Pray for | Courts,Not shown,pray,0,0,,,0.0,3");
    }
}
