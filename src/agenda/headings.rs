//! Whether a short line standing on its own is a section heading: "Latin
//! America", "IJM HQ & Global Partners", "Pray for | Forced Labor Slavery" are;
//! "Pray for peace" and "Amen." are not.

use super::text::{QUOTE_MARKS, char_len, starts_with_quote};
use super::titles::starts_with_prayer;

/// A plain-text heading without a "|" is at most this long.
const MAX_PLAIN_HEADING_CHARS: usize = 60;
/// A heading with a "|" may carry a long qualifier ("Pray About | Online
/// Exploitation of Children (Also Called ...)"): the part past a section
/// title's length becomes the section's description.
pub(crate) const MAX_PIPE_HEADING_CHARS: usize = 160;

/// Words that may stay lower case in a Title Case heading.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "vs", "via", "with",
    // Spanish, Portuguese and French: "Asia del Sur", "Sudeste do Brasil".
    "de", "del", "la", "las", "el", "los", "y", "e", "en", "con", "por", "para", "da", "das", "do",
    "dos", "em", "no", "na", "com", "pelo", "pela", "le", "les", "des", "du", "et", "à", "au",
    "aux", "pour", "sur",
];

/// Whether a short line standing on its own reads as a heading: at most 60
/// characters (80 with a "|"), no sentence-ending punctuation, not quoted, and
/// Title Case ("Latin America", "IJM HQ & Global Partners") or containing "|".
pub(crate) fn looks_like_heading(line: &str) -> bool {
    let text = unwrap_emphasis(line);
    let length = char_len(text);
    let pipe = text.contains('|');
    let pipe = pipe || prayer_label(text);
    if length == 0 || length > MAX_PIPE_HEADING_CHARS || (!pipe && length > MAX_PLAIN_HEADING_CHARS)
    {
        return false;
    }
    if starts_with_quote(text)
        || text.starts_with(['(', '[', '\\', '*', '_', '-', '–', '—', '•'])
        || text.ends_with(['.', ',', ';', ':', '!'])
        || text.ends_with(QUOTE_MARKS)
    {
        return false;
    }
    if pipe {
        return text.chars().any(char::is_alphabetic);
    }
    is_title_case(text)
}

/// "Pray for: Refugee Families": a prayer label of a few words, a colon and
/// a name, read like "Pray for | Refugee Families".
fn prayer_label(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(head, rest)| {
        head.split_whitespace().count() <= 3 && starts_with_prayer(head) && is_title_case(rest)
    })
}

/// Title Case: the first word and every word not in `SMALL_WORDS` start with
/// a capital (or a digit or symbol), and there are at most ten words.
pub(crate) fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    words.iter().enumerate().all(|(i, word)| {
        let lower = word.to_lowercase();
        // An elided article before a capital: "Afrique de l'Ouest".
        let elided = ["l'", "d'", "l’", "d’"]
            .iter()
            .find_map(|e| word.strip_prefix(e))
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let small = elided || SMALL_WORDS.contains(&lower.as_str());
        match word.chars().next() {
            Some(c) if c.is_alphabetic() => c.is_uppercase() || (i > 0 && small),
            _ => true,
        }
    })
}

/// A heading written in bold, "**Latin America**", without the asterisks.
pub(crate) fn unwrap_emphasis(text: &str) -> &str {
    ["**", "__"]
        .iter()
        .find_map(|mark| text.strip_prefix(mark)?.strip_suffix(mark))
        .map(str::trim)
        .filter(|inner| !inner.is_empty())
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standalone_lines_that_are_headings() {
        for line in [
            "Latin America",
            "South Asia",
            "IJM HQ & Global Partners",
            "Regional Focus",
            "Pray for | Forced Labor Slavery",
            "Pray About | Cybersex Trafficking of Children",
            "**East Africa**",
            "Why Do We Pray?",
            "Asia del Sur",
            "Sudeste do Brasil",
            "Afrique de l'Ouest",
            "Oremos por | Los tribunales",
            "Pray for: Refugee Families",
            "Pray About | Online Exploitation of Children and Young People (Also Called \"Livestreamed Abuse\")",
        ] {
            assert!(looks_like_heading(line), "{line}");
        }
        for line in [
            "Pray for peace",
            "Amen.",
            "“Seek justice”",
            "Courts and judges:",
            "- Latin America",
            "thank you",
            &"Word ".repeat(14),
        ] {
            assert!(!looks_like_heading(line), "{line}");
        }
    }
}
