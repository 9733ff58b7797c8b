//! A bar chart of "praying" taps per topic, with peak attendance beside each,
//! drawn on the server as SVG so it shows without script and prints well.

use super::Report;
use crate::i18n::Tr;

// Drawn about as wide as a phone (340 units), so on a phone one unit is about one
// CSS pixel and the 13-unit text reads at about 13 px; wider screens and paper
// show it larger (at most 1.4 times), never smaller (see `.report-chart` in the stylesheet).
const BAR_HEIGHT: f64 = 12.0;
const ROW_HEIGHT: f64 = 52.0;
const CHART_WIDTH: f64 = 300.0;
const RIGHT_MARGIN: f64 = 40.0;
const LEGEND_HEIGHT: f64 = 28.0;
/// Characters of a title that fit on one label line at this width.
const LABEL_CHARS: usize = 42;

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

/// The chart as an `<svg>` element (all text escaped). Each topic's label sits
/// above its two bars, so long titles are never cut off at the edge.
pub fn to_svg(report: &Report, t: &Tr) -> String {
    let max = report
        .topics
        .iter()
        .map(|t| t.praying.max(t.peak_attendees))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let width = CHART_WIDTH + RIGHT_MARGIN;
    let height = LEGEND_HEIGHT + ROW_HEIGHT * report.topics.len() as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"chart-title\" class=\"report-chart\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\
         <title id=\"chart-title\">{}</title>\
         <g class=\"legend\"><rect x=\"0\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-praying\"/>\
         <text x=\"16\" y=\"14\">{}</text>\
         <rect x=\"90\" y=\"4\" width=\"12\" height=\"12\" class=\"bar-peak\"/>\
         <text x=\"106\" y=\"14\">{}</text></g>",
        escape(&t.get("report-chart-title")),
        escape(&t.get("report-chart-praying")),
        escape(&t.get("report-chart-peak")),
    );
    for (i, topic) in report.topics.iter().enumerate() {
        let y = LEGEND_HEIGHT + ROW_HEIGHT * i as f64;
        let praying = CHART_WIDTH * topic.praying as f64 / max;
        let peak = CHART_WIDTH * topic.peak_attendees as f64 / max;
        let bars = y + 18.0;
        svg.push_str(&format!(
            "<g class=\"row\"><text x=\"0\" y=\"{:.1}\">{}. {}</text>\
             <rect x=\"0\" y=\"{bars:.1}\" width=\"{praying:.1}\" height=\"{BAR_HEIGHT}\" class=\"bar-praying\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{}</text>\
             <rect x=\"0\" y=\"{:.1}\" width=\"{peak:.1}\" height=\"{}\" class=\"bar-peak\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"value muted\">{}</text></g>",
            y + 13.0,
            topic.number,
            escape(&clip(&topic.title, LABEL_CHARS)),
            praying + 4.0,
            bars + 10.0,
            t.number(topic.praying),
            bars + BAR_HEIGHT + 2.0,
            BAR_HEIGHT - 4.0,
            peak + 4.0,
            bars + BAR_HEIGHT + 10.0,
            t.number(topic.peak_attendees),
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
        let svg = to_svg(
            &Report::build(
                &gathering,
                &figures,
                1_320_000,
                &crate::domain::MeetingZone::utc(),
            ),
            &Tr::default(),
        );
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("class=\"bar-praying\"").count(), 1 + 3);
        assert_eq!(svg.matches("class=\"bar-peak\"").count(), 1 + 3);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
