//! Small text helpers shared by the importer and the exporter: whitespace,
//! quotation marks and sentence ends, all counted in characters, never bytes,
//! so no slice can land inside a multi-byte character.

/// Every quotation mark a pasted guide may use, straight or typographic.
pub(crate) const QUOTE_MARKS: &[char] = &[
    '"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›',
];

/// Quotation marks that can close a quotation. The straight apostrophe is left
/// out so that a verse ending in a possessive ("the workers'") keeps it.
const CLOSING_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›',
];

/// Whitespace, and the invisible characters a paste can carry that act like
/// it: a byte order mark inside the text, a zero-width space, a word joiner.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

/// Collapses every run of `is_space` characters (tabs, non-breaking and other
/// Unicode spaces included) to one ASCII space and trims both ends.
pub(crate) fn normalise_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The number of characters (not bytes) in `text`.
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Whether `text` opens with a quotation mark.
pub(crate) fn starts_with_quote(text: &str) -> bool {
    text.starts_with(QUOTE_MARKS)
}

/// Removes the quotation marks around a quoted passage. All of them, so that
/// stripping twice changes nothing: exported text must read back unchanged.
pub(crate) fn strip_outer_quotes(text: &str) -> &str {
    text.trim_start_matches(|c: char| QUOTE_MARKS.contains(&c) || c.is_whitespace())
        .trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c.is_whitespace())
}

/// Whether a line finishes a sentence, so that what follows starts afresh
/// (a closing quotation mark or bracket after the full stop counts).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| CLOSING_MARKS.contains(&c) || c == ')');
    trimmed.ends_with(['.', '!', '?', ':', ';'])
}

/// `text` with its first character in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Strips `prefix` from the start of `text`, ignoring ASCII case.
pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether `text` begins with `word` (ASCII case ignored) followed by the end
/// of the text or a character that cannot continue the word.
pub(crate) fn starts_with_word(text: &str, word: &str) -> bool {
    strip_prefix_ignore_case(text, word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// Truncates `text` to at most `max` characters, marking the cut with "…".
pub(crate) fn truncate_chars(text: &str, max: usize) -> String {
    if char_len(text) <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_of_every_kind_collapses() {
        assert_eq!(
            normalise_whitespace("\t a\u{a0}\u{2009} b \u{feff}\u{200b} \r"),
            "a b"
        );
    }

    #[test]
    fn outer_quotes_strip_idempotently() {
        assert_eq!(strip_outer_quotes("“Seek justice.”"), "Seek justice.");
        assert_eq!(strip_outer_quotes("\"‘Nested’\""), "Nested");
        assert_eq!(strip_outer_quotes("the workers'"), "the workers'");
    }

    #[test]
    fn sentence_ends_see_through_closing_quotes() {
        assert!(ends_sentence("free.”"));
        assert!(ends_sentence("stream!"));
        assert!(!ends_sentence("Latin America"));
        assert!(!ends_sentence("pray for the"));
    }

    #[test]
    fn prefixes_ignore_case_and_never_split_characters() {
        assert_eq!(
            strip_prefix_ignore_case("Pray FOR x", "pray for "),
            Some("x")
        );
        assert_eq!(strip_prefix_ignore_case("é", "ab"), None);
        assert!(starts_with_word("Praise God", "praise"));
        assert!(!starts_with_word("Praiseworthy", "praise"));
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate_chars("ééééé", 3), "éé…");
        assert_eq!(truncate_chars("short", 10), "short");
    }
}
