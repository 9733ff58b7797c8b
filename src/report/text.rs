//! The report as a table for a terminal (`intercede report CODE --format text`).

use super::{Report, show_minutes};

fn clip(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text:<width$}")
    } else {
        let kept: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

pub fn to_text(report: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}, {})\n\n",
        report.gathering.title, report.gathering.code, report.gathering.status
    ));
    out.push_str(&format!(
        "{:>3}  {}  {:>8}  {:>5}  {:>8}  {:>6}  {:>7}\n",
        "#",
        clip("Topic", 44),
        "Praying",
        "Peak",
        "Shown at",
        "Shown",
        "Planned"
    ));
    out.push_str(&format!(
        "{}\n",
        "-".repeat(3 + 2 + 44 + 2 + 8 + 2 + 5 + 2 + 8 + 2 + 6 + 2 + 7)
    ));
    for topic in &report.topics {
        let shown_at = topic
            .shown_after_minutes
            .map(|m| format!("+{m:.0} min"))
            .unwrap_or_else(|| "–".into());
        out.push_str(&format!(
            "{:>3}  {}  {:>8}  {:>5}  {:>8}  {:>6}  {:>7}\n",
            topic.number,
            clip(&topic.title, 44),
            topic.praying,
            topic.peak_attendees,
            shown_at,
            format!("{:.1}", topic.shown_minutes),
            topic.planned_minutes
        ));
    }
    let t = &report.totals;
    out.push_str(&format!(
        "\nPhones that joined: {}   Peak attendance: {}   Praying taps: {}\n",
        t.distinct_phones, t.peak_attendance, t.total_taps
    ));
    out.push_str(&format!(
        "Duration: {} min actual, {} min planned\n",
        show_minutes(t.actual_minutes),
        t.planned_minutes
    ));
    out.push_str(&format!("\n{}\n", report.privacy));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, sample};

    #[test]
    fn the_table_lists_every_topic_and_the_totals() {
        let (gathering, figures) = sample();
        let text = to_text(&Report::build(
            &gathering,
            &figures,
            1_320_000,
            &crate::domain::MeetingZone::utc(),
        ));
        assert!(text.contains("Judges"));
        assert!(text.contains("Not shown"));
        assert!(text.contains("Praying taps: 19"));
        assert!(text.contains("Peak attendance: 44"));
        let row = text.lines().find(|l| l.contains("Judges")).unwrap();
        assert!(row.contains("12") && row.contains("40"), "{row}");
    }
}
