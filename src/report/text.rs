//! The report as a table for a terminal (`intercede report CODE --format text`).

use super::Report;
use crate::domain::MeetingZone;
use crate::i18n::{Message, Tr};

fn clip(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text:<width$}")
    } else {
        let kept: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// Right-aligns `text` in `width` characters.
fn right(text: &str, width: usize) -> String {
    format!("{text:>width$}")
}

/// The table in the reader's language: headings from the translation files,
/// numbers with the language's separators.
pub fn to_text(report: &Report, t: &Tr) -> String {
    let headings = [
        "#".to_string(),
        t.get("report-col-praying"),
        t.get("report-col-peak"),
        t.get("cli-report-shown-at"),
        t.get("report-col-shown"),
        t.get("report-col-planned"),
    ];
    let widths: Vec<usize> = headings
        .iter()
        .zip([3, 8, 5, 8, 6, 7])
        .map(|(h, least)| h.chars().count().max(least))
        .collect();
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}, {})\n\n",
        report.gathering.title,
        report.gathering.code,
        t.status(&report.gathering.status)
    ));
    let row = |cells: [String; 6], topic: &str| {
        format!(
            "{}  {}  {}  {}  {}  {}  {}\n",
            right(&cells[0], widths[0]),
            clip(topic, 44),
            right(&cells[1], widths[1]),
            right(&cells[2], widths[2]),
            right(&cells[3], widths[3]),
            right(&cells[4], widths[4]),
            right(&cells[5], widths[5]),
        )
    };
    out.push_str(&row(headings.clone(), &t.get("report-col-topic")));
    out.push_str(&format!(
        "{}\n",
        "-".repeat(widths.iter().sum::<usize>() + 44 + 2 * 6)
    ));
    for topic in &report.topics {
        let shown_at = topic
            .shown_after_minutes
            .map(|m| format!("+{}", t.with_decimal("report-minutes", "minutes", m, 0)))
            .unwrap_or_else(|| "–".into());
        out.push_str(&row(
            [
                topic.number.to_string(),
                t.number(topic.praying),
                t.number(topic.peak_attendees),
                shown_at,
                t.decimal(topic.shown_minutes, 1),
                t.number(topic.planned_minutes),
            ],
            &topic.title,
        ));
    }
    let totals = &report.totals;
    let figures = Message::new("cli-report-totals")
        .text("phones", t.number(totals.distinct_phones))
        .text("peak", t.number(totals.peak_attendance))
        .text("taps", t.number(totals.total_taps));
    out.push_str(&format!("\n{}\n", t.say(&figures)));
    let actual = match totals.actual_minutes {
        Some(minutes) => t.decimal(minutes, 1),
        None => "–".to_string(),
    };
    let duration = Message::new("cli-report-duration")
        .text("actual", actual)
        .text("planned", t.number(totals.planned_minutes));
    out.push_str(&format!("{}\n", t.say(&duration)));
    if !report.history.is_empty() {
        let zone = MeetingZone::from_stored(&report.time_zone);
        out.push_str(&format!("\n{}\n", t.get("report-history-heading")));
        for line in &report.history {
            out.push_str(&format!("  {}\n", line.say(t, &zone)));
        }
    }
    out.push_str(&format!("\n{}\n", t.get("report-privacy")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, sample};

    #[test]
    fn the_table_lists_every_topic_and_the_totals() {
        let (gathering, figures) = sample();
        let text = to_text(
            &Report::build(
                &gathering,
                &figures,
                1_320_000,
                &crate::domain::MeetingZone::utc(),
            ),
            &Tr::default(),
        );
        assert!(text.contains("Judges"));
        assert!(text.contains("Not shown"));
        assert!(text.contains("Praying taps: 19"));
        assert!(text.contains("Peak attendance: 44"));
        let row = text.lines().find(|l| l.contains("Judges")).unwrap();
        assert!(row.contains("12") && row.contains("40"), "{row}");
    }

    #[test]
    fn the_table_reads_in_the_readers_language() {
        let (gathering, mut figures) = sample();
        figures.distinct_phones = 18_000;
        let report = Report::build(
            &gathering,
            &figures,
            1_320_000,
            &crate::domain::MeetingZone::utc(),
        );
        let french = to_text(&report, &Tr::for_code("fr").unwrap());
        assert!(french.contains("18\u{202f}000"), "{french}");
        assert!(!french.contains("Praying taps"), "{french}");
        let spanish = to_text(&report, &Tr::for_code("es").unwrap());
        assert!(spanish.contains("5,3"), "decimal comma: {spanish}");
    }
}
