//! The small, safe subset of Markdown that topic texts may use: paragraphs,
//! emphasis, lists and links. Everything else is shown as plain text: raw HTML
//! is escaped, images become their description, headings become bold
//! paragraphs, and only `http`, `https` and `mailto` links survive.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders a topic text to HTML that is safe to put in any page.
pub fn to_safe_html(markdown: &str) -> String {
    let mut kept_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, Options::empty()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Code(code) => Some(Event::Text(code)),
        Event::Start(Tag::Link {
            dest_url,
            title,
            link_type,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            kept_links.push(safe);
            safe.then_some(Event::Start(Tag::Link {
                dest_url,
                title,
                link_type,
                id,
            }))
        }
        Event::End(TagEnd::Link) => kept_links
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::Start(Tag::Heading { .. }) => Some(Event::Start(Tag::Strong)),
        Event::End(TagEnd::Heading(_)) => Some(Event::End(TagEnd::Strong)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::CodeBlock(_)) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::CodeBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Rule => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, events);
    out
}

fn is_safe_url(url: &CowStr) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowed_subset_renders() {
        let html = to_safe_html(
            "Pray *now* and **boldly**.\n\n- one\n- two\n\nSee [the report](https://example.org/r).",
        );
        assert!(html.contains("<em>now</em>"), "{html}");
        assert!(html.contains("<strong>boldly</strong>"), "{html}");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/r\">the report</a>"),
            "{html}"
        );
        assert_eq!(html.matches("<p>").count(), 2, "{html}");
    }

    #[test]
    fn anything_that_could_run_or_load_is_neutralised() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click]( JAVASCRIPT:alert(1))",
            "![x](http://tracker.example/p.png)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](data:text/html,<script>alert(1)</script>)",
        ];
        for input in cases {
            let html = to_safe_html(input);
            assert!(!html.contains("<script"), "{input} -> {html}");
            assert!(!html.contains("<img"), "{input} -> {html}");
            assert!(
                !html.to_lowercase().contains("<a href=\"javascript"),
                "{input} -> {html}"
            );
            assert!(
                !html.to_lowercase().contains("<a href=\" javascript"),
                "{input} -> {html}"
            );
            assert!(!html.contains("<a href=\"data:"), "{input} -> {html}");
        }
    }

    #[test]
    fn plain_text_stays_plain() {
        assert_eq!(
            to_safe_html("Tom & Jerry's \"day\""),
            "<p>Tom &amp; Jerry's \"day\"</p>\n"
        );
    }
}
