//! Scripture references: recognising "— Isaiah 51: 14-15" or a bare "Psalm 146:7"
//! as an attribution line, and writing every reference one consistent way
//! ("Isaiah 51:14-15"), so that what is imported, shown and exported agrees.

use super::books::BOOKS;
use super::text::{char_len, normalise_whitespace};
use crate::domain::agenda_input::MAX_REFERENCE;

/// Dashes that may separate verses in a range or open an attribution line.
const DASHES: &[char] = &['-', '‐', '‑', '‒', '–', '—', '―', '−'];

/// Longest text considered as a reference: keeps the work on a 10,000-character
/// paragraph trivial.
const MAX_REFERENCE_CHARS: usize = 60;

/// A reference taken apart and put back together in its one written form.
struct Reference {
    written: String,
    known_book: bool,
}

/// Normalises a scripture reference: "Isaiah 51: 14-15" -> "Isaiah 51:14-15",
/// "jeremiah 20 : 13" -> "Jeremiah 20:13", en and em dashes in verse ranges
/// -> "-", "1 john 3:18" -> "1 John 3:18"; "Psalm 146:7" is unchanged. Text that
/// is not shaped like a reference only has its whitespace tidied. Applying it
/// twice gives the same result as applying it once.
pub fn normalise_reference(reference: &str) -> String {
    match parse(reference) {
        Some(parsed) => parsed.written,
        None => normalise_whitespace(reference),
    }
}

/// The normalised reference if `text` is, in full, a reference to a known book.
pub(crate) fn as_reference(text: &str) -> Option<String> {
    parse(text)
        .filter(|r| r.known_book && char_len(&r.written) <= MAX_REFERENCE)
        .map(|r| r.written)
}

/// An attribution line: a dash (or "--", "~") and a reference, or a bare
/// reference standing alone. Returns the normalised reference.
pub(crate) fn attribution(line: &str) -> Option<String> {
    let rest = strip_attribution_dash(line).unwrap_or(line);
    as_reference(rest)
}

/// The attribution line of a `>` quotation: an em or en dash (or "--") and
/// any short text, so a quotation can be credited to someone other than a
/// book of the Bible ("— a survivor, now a caseworker"). The text after the
/// dash may be empty.
pub(crate) fn quotation_attribution(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix(['—', '–', '―'])
        .or_else(|| line.strip_prefix("--"))?
        .trim();
    // As long as the agenda editor accepts for a reference.
    Some(normalise_reference(rest)).filter(|r| char_len(r) <= MAX_REFERENCE)
}

/// `line` without its leading attribution dash, if it has one.
fn strip_attribution_dash(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("--")
        .or_else(|| line.strip_prefix(DASHES))
        .or_else(|| line.strip_prefix('~'))?;
    Some(rest.trim_start())
}

fn parse(input: &str) -> Option<Reference> {
    if char_len(input) > MAX_REFERENCE_CHARS {
        return None;
    }
    let mut tokens: Vec<&str> = input.split_whitespace().collect();
    if tokens.len() < 2 {
        return None;
    }
    let version = tokens
        .last()
        .filter(|t| tokens.len() > 2 && is_version(t))
        .map(|t| t.to_string());
    if version.is_some() {
        tokens.pop();
    }

    let mut words: Vec<String> = Vec::new();
    let mut rest = tokens.as_slice();
    if let [first, _, ..] = rest
        && let Some(number) = book_number(first)
    {
        words.push(number);
        rest = &rest[1..];
    }
    let book_start = words.len();
    while let [word, tail @ ..] = rest
        && is_book_word(word)
    {
        words.push(word.to_string());
        rest = tail;
    }
    let book_words = &words[book_start..];
    if book_words.is_empty() || book_words.len() > 3 || rest.is_empty() {
        return None;
    }
    let book_key = book_words.join(" ").to_lowercase();
    let book_key = book_key.trim_end_matches('.');
    let known_book = BOOKS.contains(&book_key);
    if known_book {
        for word in &mut words[book_start..] {
            *word = book_case(word);
        }
    }
    let passage = normalise_passage(&rest.concat())?;

    let mut written = words.join(" ");
    written.push(' ');
    written.push_str(&passage);
    if let Some(version) = version {
        written.push(' ');
        written.push_str(&version);
    }
    Some(Reference {
        written,
        known_book,
    })
}

/// "1", "2", "3" or a Roman "I", "II", "III" before a book name.
fn book_number(token: &str) -> Option<String> {
    match token {
        "1" | "2" | "3" => Some(token.to_string()),
        _ if matches!(token.to_ascii_uppercase().as_str(), "I" | "II" | "III") => {
            Some(token.to_ascii_uppercase())
        }
        _ => None,
    }
}

/// A word of a book's name: letters, optionally ending in an abbreviating ".".
fn is_book_word(token: &str) -> bool {
    let letters = token.strip_suffix('.').unwrap_or(token);
    !letters.is_empty() && letters.chars().all(char::is_alphabetic)
}

/// "Psalm" for "psalm", "of" kept small as in "Song of Songs".
fn book_case(word: &str) -> String {
    if word.eq_ignore_ascii_case("of") {
        return "of".to_string();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// A translation named after the reference: "NIV" or "(ESV)".
fn is_version(token: &str) -> bool {
    let inner = token
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(token);
    (2..=6).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase())
}

/// Chapter and verses with all spaces removed, any dash made "-", and ", " or
/// "; " between parts: "51:14–15" -> "51:14-15", "61:1,3" -> "61:1, 3". `None`
/// unless it is numbers joined by ":", "-", "," or ";" (verse parts "7a" allowed).
fn normalise_passage(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut expect_number = true;
    for c in raw.chars() {
        let c = if DASHES.contains(&c) { '-' } else { c };
        if c.is_ascii_digit() {
            out.push(c);
            expect_number = false;
            continue;
        }
        if expect_number {
            return None;
        }
        match c {
            'a' | 'b' | 'c' if out.ends_with(|d: char| d.is_ascii_digit()) => out.push(c),
            ':' | '-' => {
                out.push(c);
                expect_number = true;
            }
            ',' | ';' => {
                out.push(c);
                out.push(' ');
                expect_number = true;
            }
            _ => return None,
        }
    }
    (!expect_number).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_normalised_as_documented() {
        assert_eq!(normalise_reference("Isaiah 51: 14-15"), "Isaiah 51:14-15");
        assert_eq!(normalise_reference("jeremiah 20 : 13"), "Jeremiah 20:13");
        assert_eq!(normalise_reference("Isaiah 51:14–15"), "Isaiah 51:14-15");
        assert_eq!(normalise_reference("Amos 5:24 — 25"), "Amos 5:24-25");
        assert_eq!(normalise_reference("1 john 3:18"), "1 John 3:18");
        assert_eq!(normalise_reference("Psalm 146:7"), "Psalm 146:7");
        assert_eq!(
            normalise_reference("song of songs 2:1"),
            "Song of Songs 2:1"
        );
        assert_eq!(
            normalise_reference("Isaiah 61:1,3 (NIV)"),
            "Isaiah 61:1, 3 (NIV)"
        );
        assert_eq!(normalise_reference("II kings 6:17"), "II Kings 6:17");
    }

    #[test]
    fn non_references_only_have_whitespace_tidied() {
        assert_eq!(
            normalise_reference("  a survivor,\tnow a caseworker "),
            "a survivor, now a caseworker"
        );
        assert_eq!(normalise_reference(""), "");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for input in [
            "Isaiah 51: 14-15",
            "1 john 3 : 18 , 20",
            "Psalm 23",
            "Ps. 10:17–18 NIV",
        ] {
            let once = normalise_reference(input);
            assert_eq!(normalise_reference(&once), once, "{input}");
        }
    }

    #[test]
    fn attribution_lines_need_a_known_book() {
        assert_eq!(
            attribution("— Isaiah 51: 14-15").as_deref(),
            Some("Isaiah 51:14-15")
        );
        assert_eq!(
            attribution("- Jeremiah 20:13").as_deref(),
            Some("Jeremiah 20:13")
        );
        assert_eq!(attribution("--Micah 6:8").as_deref(), Some("Micah 6:8"));
        assert_eq!(attribution("~ Psalm 82:3").as_deref(), Some("Psalm 82:3"));
        assert_eq!(attribution("Isaiah 61:1").as_deref(), Some("Isaiah 61:1"));
        assert_eq!(attribution("- Room 5"), None);
        assert_eq!(attribution("- Latin America"), None);
        assert_eq!(attribution("Psalms"), None);
        assert_eq!(attribution("Isaiah 61:1 is my favourite"), None);
    }

    #[test]
    fn books_in_spanish_portuguese_and_french() {
        for (line, reference) in [
            ("— Salmo 82:3", "Salmo 82:3"),
            ("Salmos 146:7", "Salmos 146:7"),
            ("— Sl 146:7", "Sl 146:7"),
            ("— Proverbes 31:8", "Proverbes 31:8"),
            ("Prov. 31:8", "Prov. 31:8"),
            ("- Isaías 61:1", "Isaías 61:1"),
            ("— Ésaïe 1:17", "Ésaïe 1:17"),
            ("1 Juan 3:18", "1 Juan 3:18"),
        ] {
            assert_eq!(attribution(line).as_deref(), Some(reference), "{line}");
        }
    }

    #[test]
    fn quotations_may_be_credited_to_anyone() {
        assert_eq!(
            quotation_attribution("— a survivor").as_deref(),
            Some("a survivor")
        );
        assert_eq!(quotation_attribution("—").as_deref(), Some(""));
        assert_eq!(quotation_attribution("- a bullet"), None);
    }
}
