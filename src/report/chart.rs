//! A bar chart of "praying" taps per topic, with peak attendance beside each,
//! drawn on the server as SVG so it shows without script and prints well.

use super::Report;

const BAR_HEIGHT: f64 = 14.0;
const ROW_HEIGHT: f64 = 40.0;
const LABEL_WIDTH: f64 = 260.0;
const CHART_WIDTH: f64 = 420.0;
const RIGHT_MARGIN: f64 = 60.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max - 1).collect();
        format!("{kept}…")
    }
}

/// The chart as an `<svg>` element (all text escaped).
pub fn to_svg(report: &Report) -> String {
    let max = report
        .topics
        .iter()
        .map(|t| t.praying.max(t.peak_attendees))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let width = LABEL_WIDTH + CHART_WIDTH + RIGHT_MARGIN;
    let height = 30.0 + ROW_HEIGHT * report.topics.len() as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"chart-title\" class=\"report-chart\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\
         <title id=\"chart-title\">Praying taps and peak attendance per topic</title>\
         <g class=\"legend\"><rect x=\"{LABEL_WIDTH}\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-praying\"/>\
         <text x=\"{}\" y=\"14\">Praying</text>\
         <rect x=\"{}\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-peak\"/>\
         <text x=\"{}\" y=\"14\">Peak attendance</text></g>",
        LABEL_WIDTH + 16.0,
        LABEL_WIDTH + 90.0,
        LABEL_WIDTH + 106.0
    );
    for (i, topic) in report.topics.iter().enumerate() {
        let y = 30.0 + ROW_HEIGHT * i as f64;
        let praying = CHART_WIDTH * topic.praying as f64 / max;
        let peak = CHART_WIDTH * topic.peak_attendees as f64 / max;
        svg.push_str(&format!(
            "<g class=\"row\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}. {}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{praying:.1}\" height=\"{BAR_HEIGHT}\" class=\"bar-praying\"/>\
             <text x=\"{:.1}\" y=\"{}\" class=\"value\">{}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{peak:.1}\" height=\"{}\" class=\"bar-peak\"/>\
             <text x=\"{:.1}\" y=\"{}\" class=\"value muted\">{}</text></g>",
            LABEL_WIDTH - 8.0,
            y + 17.0,
            topic.number,
            escape(&clip(&topic.title, 36)),
            LABEL_WIDTH + praying + 4.0,
            y + 12.0,
            topic.praying,
            y + BAR_HEIGHT + 2.0,
            BAR_HEIGHT - 4.0,
            LABEL_WIDTH + peak + 4.0,
            y + BAR_HEIGHT + 11.0,
            topic.peak_attendees,
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, sample};

    #[test]
    fn every_topic_has_its_bars_and_text_is_escaped() {
        let (mut gathering, mut figures) = sample();
        gathering.title = "x".into();
        figures.topics[0].title = "<script>alert(1)</script>".into();
        let svg = to_svg(&Report::build(&gathering, &figures, 1_320_000));
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("class=\"bar-praying\"").count(), 1 + 3);
        assert_eq!(svg.matches("class=\"bar-peak\"").count(), 1 + 3);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
