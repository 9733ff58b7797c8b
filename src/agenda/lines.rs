//! The first pass of the importer: the guide split into lines, each cleaned
//! (line endings, tabs and Unicode spaces) and classified as blank, Markdown
//! heading, bullet, scripture attribution or plain text.

use super::scripture::{attribution, quotation_attribution};
use super::text::{char_len, normalise_whitespace};

/// Headings longer than this are read as ordinary text, so that a pasted
/// paragraph that happens to start with "#" never becomes a giant title.
pub(crate) const MAX_HEADING_CHARS: usize = 80;

/// One line of the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub kind: Kind,
    /// Leading whitespace, with a tab counted as four spaces.
    pub indent: usize,
    /// Whether the line sat inside a Markdown `>` quotation.
    pub quoted: bool,
    /// What the line says: whitespace-normalised, its `>` marker removed.
    pub text: String,
    /// The whole line as written, whitespace-normalised, markers kept.
    pub full: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Empty, a separator such as "---" or "* * *", or a list marker alone.
    Blank,
    /// `#` to `######` and the heading's text.
    Heading {
        level: usize,
        text: String,
    },
    /// A bullet or numbered item, with its marker removed.
    Bullet {
        text: String,
    },
    /// "— Isaiah 51:14" and the like: the normalised reference.
    Attribution {
        reference: String,
    },
    Text,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.kind == Kind::Blank
    }
}

/// Splits `text` into classified lines. `\r\n`, `\r` and `\n` all end a line.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split("\r\n")
        .flat_map(|chunk| chunk.split(['\r', '\n']))
        .map(classify)
        .collect()
}

fn classify(raw: &str) -> Line {
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let full = normalise_whitespace(raw);
    // One level of quotation only: a nested "> >" keeps its inner marker as text.
    let unquoted = full.strip_prefix('>').map(str::trim_start);
    let quoted = unquoted.is_some();
    let (kind, text) = match unquoted {
        Some(text) => classify_quoted(text),
        None => (classify_plain(&full), full.clone()),
    };
    Line {
        kind,
        indent,
        quoted,
        text,
        full,
    }
}

/// Inside a `>` quotation only attributions are structure: a quoted "1." or
/// "#" is part of the quotation. A leading backslash escapes a line of the
/// quotation that would otherwise read as its attribution, and is removed.
fn classify_quoted(text: &str) -> (Kind, String) {
    if text.is_empty() {
        return (Kind::Blank, String::new());
    }
    if let Some(escaped) = text.strip_prefix('\\').map(str::trim_start) {
        let kind = if escaped.is_empty() {
            Kind::Blank
        } else {
            Kind::Text
        };
        return (kind, escaped.to_string());
    }
    let kind = match quoted_attribution(text) {
        Some(reference) => Kind::Attribution { reference },
        None => Kind::Text,
    };
    (kind, text.to_string())
}

/// The reference if a line inside a quotation is its attribution.
pub(crate) fn quoted_attribution(text: &str) -> Option<String> {
    attribution(text).or_else(|| quotation_attribution(text))
}

fn classify_plain(text: &str) -> Kind {
    if is_separator(text) {
        return Kind::Blank;
    }
    if let Some((level, heading)) = atx_heading(text) {
        return match heading {
            "" => Kind::Blank,
            _ if char_len(heading) <= MAX_HEADING_CHARS => Kind::Heading {
                level,
                text: heading.to_string(),
            },
            _ => Kind::Text,
        };
    }
    if let Some(reference) = attribution(text) {
        return Kind::Attribution { reference };
    }
    match bullet_content(text) {
        Some("") => Kind::Blank,
        Some(content) => Kind::Bullet {
            text: content.to_string(),
        },
        None => Kind::Text,
    }
}

/// Whether a line says nothing: a rule, or a bullet or list marker alone.
pub(crate) fn reads_as_blank(text: &str) -> bool {
    is_separator(text) || bullet_content(text) == Some("")
}

/// Nothing but rule or bullet characters: "---", "***", "===", "• • •".
fn is_separator(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '-' | '*' | '_' | '=' | '~' | '•' | '·' | '–' | '—' | ' '))
}

/// A Markdown ATX heading: 1 to 6 `#`, then a space or the end of the line.
fn atx_heading(text: &str) -> Option<(usize, &str)> {
    let level = text.chars().take_while(|&c| c == '#').count();
    let rest = &text[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level, rest.trim()))
}

/// Bullet glyphs that are read as bullets even without a space after them.
const GLYPH_BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '‣', '●', '○', '■', '□', '►', '▶', '➢', '➤', '✓', '✔', '⁃', '·',
];

/// The item text after a bullet or list marker: "•", "-", "*", "+", "–",
/// "1.", "1)", "(1)", "a.", "a)", "(a)". `None` if the line is not an item.
pub(crate) fn bullet_content(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix(GLYPH_BULLETS) {
        return Some(rest.trim_start());
    }
    if let Some(rest) = text.strip_prefix(['-', '*', '+', '–']) {
        return (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim_start());
    }
    let marker_end = list_marker_len(text)?;
    let rest = &text[marker_end..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim_start())
}

/// Byte length of a numbered or lettered list marker at the start of `text`.
fn list_marker_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (open, start) = if bytes.first() == Some(&b'(') {
        (true, 1)
    } else {
        (false, 0)
    };
    let digits = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let label = match digits {
        1..=3 => digits,
        0 if bytes.get(start).is_some_and(u8::is_ascii_lowercase) => 1,
        _ => return None,
    };
    let close = start + label;
    match (open, bytes.get(close)) {
        (true, Some(b')')) => Some(close + 1),
        (false, Some(b'.' | b')')) => Some(close + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        split_lines(text).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn every_line_ending_splits() {
        assert_eq!(split_lines("a\r\nb\rc\nd").len(), 4);
        assert_eq!(split_lines("\u{feff}Title")[0].text, "Title");
    }

    #[test]
    fn bullets_of_every_shape_lose_their_markers() {
        for line in [
            "• Courts",
            "•Courts",
            "- Courts",
            "* Courts",
            "– Courts",
            "1. Courts",
            "12) Courts",
            "a. Courts",
            "(b) Courts",
            "(3) Courts",
        ] {
            assert_eq!(
                kinds(line),
                vec![Kind::Bullet {
                    text: "Courts".into()
                }],
                "{line}"
            );
        }
        for line in [
            "-Courts",
            "2025. A year",
            "Dr. Who",
            "*Pray · 3 min*",
            "#hashtag",
        ] {
            assert_eq!(kinds(line), vec![Kind::Text], "{line}");
        }
    }

    #[test]
    fn attributions_come_before_bullets() {
        assert_eq!(
            kinds("- Jeremiah 20 : 13"),
            vec![Kind::Attribution {
                reference: "Jeremiah 20:13".into()
            }]
        );
    }

    #[test]
    fn headings_separators_and_quotes() {
        assert_eq!(
            kinds("## Courts"),
            vec![Kind::Heading {
                level: 2,
                text: "Courts".into()
            }]
        );
        assert_eq!(kinds("---\n* * *\n#\n•"), vec![Kind::Blank; 4]);
        let long = format!("# {}", "word ".repeat(40));
        assert_eq!(kinds(&long), vec![Kind::Text]);
        let quoted = split_lines("> 1. In the beginning\n> — a survivor\n> > inner\n> \\— escaped");
        assert!(quoted[0].quoted && quoted[0].kind == Kind::Text);
        assert_eq!(
            quoted[1].kind,
            Kind::Attribution {
                reference: "a survivor".into()
            }
        );
        assert_eq!(
            (&quoted[2].kind, quoted[2].text.as_str()),
            (&Kind::Text, "> inner")
        );
        assert_eq!(
            (&quoted[3].kind, quoted[3].text.as_str()),
            (&Kind::Text, "— escaped")
        );
    }

    #[test]
    fn indentation_counts_tabs_as_four() {
        assert_eq!(split_lines("\t  more")[0].indent, 6);
    }
}
