//! The report as CSV: one row per topic after a header row, safe to open in a
//! spreadsheet (a cell that would start a formula is prefixed with `'`).

use super::Report;

const HEADER: [&str; 9] = [
    "number",
    "section",
    "topic",
    "praying",
    "peak_attendees",
    "shown_at_utc",
    "minutes_after_start",
    "shown_minutes",
    "planned_minutes",
];

/// One cell: neutralised against formula injection, quoted when needed.
pub fn cell(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

pub fn to_csv(report: &Report) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for topic in &report.topics {
        let row = [
            topic.number.to_string(),
            cell(&topic.section),
            cell(&topic.title),
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
        ] {
            assert_eq!(cell(raw), expected, "{raw}");
        }
    }

    #[test]
    fn one_row_per_topic_after_the_header() {
        let (gathering, figures) = sample();
        let csv = to_csv(&Report::build(&gathering, &figures, 1_320_000));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("number,section,topic,praying"));
        assert_eq!(
            lines[1],
            "1,Pray for | Courts,Judges,12,40,1970-01-01T00:16:40Z,0.0,3.0,3"
        );
        assert!(lines[2].contains("'=HYPERLINK"));
        assert_eq!(lines[3], "3,Pray for | Courts,Not shown,0,0,,,0.0,3");
    }
}
