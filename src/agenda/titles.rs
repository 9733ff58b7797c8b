//! Judgements about a topic's text: what to call it (a short title that
//! never stops mid-word or on "the"), whether it is praise, and how long to
//! plan for it.

use super::language::{opens_as_item, opens_with_praise};
use super::lead_ins::{without_lead_in, without_request};
use super::text::{
    QUOTE_MARKS, capitalise, char_len, normalise_whitespace, starts_with_word, truncate_chars,
};
use crate::domain::agenda::TopicKind;

/// No title the importer makes is longer than this.
pub(crate) const MAX_TITLE_CHARS: usize = 80;
/// What a derived topic title aims for: about one line on a phone.
const TARGET_TITLE_CHARS: usize = 60;

/// Words a title must not end on: it would read as cut off.
const DANGLING_WORDS: &[&str] = &[
    "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "either", "every", "few", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "its", "many", "may", "might", "more", "most",
    "must", "my", "neither", "nor", "not", "of", "on", "onto", "or", "our", "over", "several",
    "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "then",
    "these", "they", "this", "those", "through", "to", "under", "until", "up", "upon", "very",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "will", "with", "within", "without", "would", "yet", "your", "last", "next",
    // Spanish, Portuguese and French articles, prepositions and conjunctions.
    "el", "los", "las", "un", "una", "del", "y", "e", "o", "en", "con", "por", "para", "que", "su",
    "sus", "al", "os", "um", "uma", "do", "da", "dos", "das", "em", "no", "na", "com", "pelo",
    "pela", "le", "la", "les", "une", "de", "du", "des", "et", "ou", "à", "au", "aux", "avec",
    "pour", "par", "sur", "dans", "qui",
];

/// Words that join two halves of a phrase: a title cut short ends before one.
const CONJUNCTIONS: &[&str] = &[
    "and", "or", "but", "y", "e", "o", "et", "ou", "mais", "pero",
];

/// Prepositions that open a phrase a cut title should not end inside:
/// "near Salem by false" is cut back to "near Salem".
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "by", "near", "for", "from", "with", "of", "to", "into", "over", "under",
    "after", "before", "during", "since", "until", "across", "through", "en", "de", "del", "por",
    "para", "con", "desde", "hasta", "sobre", "entre", "em", "no", "na", "nos", "nas", "do", "da",
    "dos", "das", "com", "pelo", "pela", "à", "au", "aux", "du", "des", "par", "pour", "avec",
    "dans", "sur", "chez",
];

/// Where a long sentence can be cut into a title: the clause before these.
const CLAUSE_BREAKS: &[&str] = &[
    ", ",
    "; ",
    " who ",
    " whom ",
    " whose ",
    " which ",
    " that ",
    " so that ",
    " as ",
    " because ",
    " while ",
    " when ",
    " where ",
    " until ",
    " would ",
    " will ",
    " que ",
    " quien ",
    " quienes ",
    " cuando ",
    " donde ",
    " quando ",
    " onde ",
    " qui ",
    " quand ",
    " où ",
    " (",
];

/// "Survivors who are starting school" reads better as "Survivors starting school".
const RELATIVE_LINKS: &[&str] = &[" who are ", " who were ", " that are ", " which are "];

/// Openings of a paragraph that asks for prayer rather than quoting a verse.
const PRAYER_OPENINGS: &[&str] = &[
    "pray",
    "praise",
    "thank",
    "give thanks",
    "ask",
    "please",
    "let us",
    "let's",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "rev", "fr", "sr", "jr", "prof", "hon", "gov", "sen", "vs",
    "etc", "no", "approx", "e.g", "i.e",
];

/// Whether a paragraph asks for prayer ("Pray that...", "Thank God...") rather
/// than being the words of a verse.
pub(crate) fn starts_with_prayer(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    PRAYER_OPENINGS
        .iter()
        .any(|opening| starts_with_word(text, opening))
        || opens_as_item(text)
}

/// Praise if the title or the body opens with praise or thanks.
pub(crate) fn kind_of(title: &str, body: &str) -> TopicKind {
    let praise = [title, body].iter().any(|text| opens_with_praise(text));
    if praise {
        TopicKind::Praise
    } else {
        TopicKind::Pray
    }
}

/// Minutes to plan for reading and praying over `text`: 2 for a line or two,
/// 3 for a paragraph, up to 5 for a long story.
pub(crate) fn planned_minutes(text: &str) -> i64 {
    match text.split_whitespace().count() {
        0..=12 => 2,
        13..=60 => 3,
        61..=120 => 4,
        _ => 5,
    }
}

/// A short title for a topic, taken from its text: a leading label ("Courts
/// in Uganda: ..."), else the first sentence if short, else its main phrase.
/// At most 80 characters; never ends mid-word or on a word like "the".
pub(crate) fn topic_title(text: &str) -> String {
    let first = text.split("\n\n").next().unwrap_or_default();
    let first = normalise_whitespace(first);
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = without_lead_in(first);
    let first = first.as_str();
    let title = leading_label(first)
        .or_else(|| short_first_sentence(first))
        .unwrap_or_else(|| main_phrase(first));
    let title = tidy(&title);
    if title.is_empty() {
        let fallback = normalise_whitespace(text);
        return match truncate_chars(&fallback, TARGET_TITLE_CHARS) {
            t if t.is_empty() => "Prayer topic".to_string(),
            t => t,
        };
    }
    truncate_chars(&capitalise(&normalise_whitespace(&title)), MAX_TITLE_CHARS)
}

/// A title from the main phrase of `text`'s first sentence alone, cut before
/// its first clause ("Maya was eight" of "Maya was eight when..."): for a
/// story whose first sentence should not reach the projector whole.
pub(crate) fn phrase_title(text: &str) -> String {
    let first = normalise_whitespace(text);
    let first = without_lead_in(first.trim_start_matches(|c: char| !c.is_alphanumeric()));
    let title = tidy(&main_phrase(&first));
    match title.is_empty() {
        true => String::new(),
        false => truncate_chars(&capitalise(&title), MAX_TITLE_CHARS),
    }
}

/// The words before a ":" or a spaced dash near the start: "Courts in Uganda".
fn leading_label(text: &str) -> Option<String> {
    let head: String = text.chars().take(TARGET_TITLE_CHARS + 1).collect();
    let colon = head
        .char_indices()
        .find(|&(i, c)| c == ':' && !head[..i].ends_with(|d: char| d.is_ascii_digit()));
    let dash = [" – ", " — ", " - ", " | "]
        .iter()
        .filter_map(|d| head.find(d))
        .min();
    let end = [colon.map(|(i, _)| i), dash].into_iter().flatten().min()?;
    let label = without_request(head[..end].trim());
    let words = label.split_whitespace().count();
    (char_len(label) >= 3 && (1..=8).contains(&words) && !contains_sentence_end(label))
        .then(|| label.to_string())
}

/// The first sentence, without its full stop and request words, if it fits.
fn short_first_sentence(text: &str) -> Option<String> {
    let sentence = without_request(first_sentence(text));
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence);
    (char_len(sentence) <= TARGET_TITLE_CHARS).then(|| sentence.to_string())
}

/// The main phrase of a long first sentence: the request words dropped and
/// the sentence cut before its first clause of three words or more, then at
/// a word boundary.
fn main_phrase(text: &str) -> String {
    let rest = without_relative_link(without_request(first_sentence(text)));
    // A clause of one or two words ("23 workers" of "23 workers who walked
    // free") names too little: the cut is made at a later break, or at the
    // length limit. A comma is a stronger break: "Content moderators, that".
    let clause = CLAUSE_BREAKS
        .iter()
        .flat_map(|b| rest.match_indices(b).map(move |(i, _)| (i, b)))
        .filter(|&(i, b)| {
            let strong = matches!(*b, ", " | "; " | " (");
            rest[..i].split_whitespace().count() >= if strong { 2 } else { 3 }
        })
        .map(|(i, _)| i)
        .min()
        .map_or(rest.as_str(), |i| &rest[..i]);
    cut_at_word(clause, TARGET_TITLE_CHARS)
}

/// "survivors who are starting school" -> "survivors starting school", when
/// the link follows a short subject of at most three words.
fn without_relative_link(text: &str) -> String {
    for link in RELATIVE_LINKS {
        if let Some(i) = text.find(link)
            && text[..i].split_whitespace().count() <= 3
        {
            return format!("{} {}", &text[..i], &text[i + link.len()..]);
        }
    }
    text.to_string()
}

/// Everything up to the end of the first sentence (keeping "?" and "!").
pub(crate) fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // A closing quotation mark after the stop belongs to the sentence.
        let after = text[i + c.len_utf8()..].trim_start_matches(QUOTE_MARKS);
        let next_is_break = after.is_empty() || after.starts_with(' ');
        if next_is_break && !(c == '.' && is_abbreviation(&text[..i])) {
            return &text[..text.len() - after.len()];
        }
    }
    text
}

/// Whether the word before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or_default();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.chars().count() == 1
        || word.contains('.')
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn contains_sentence_end(text: &str) -> bool {
    first_sentence(text).len() < text.len()
}

/// At most `max` characters, cut at a space; a single longer word is cut
/// with "…", the only case where a title can end inside a word. A name is
/// kept whole or left out ("in Chiang" of "in Chiang Mai" goes), a half
/// cut short after "and" goes, and so does a phrase cut short after its
/// preposition ("near Salem by false" ends at "Salem").
fn cut_at_word(text: &str, max: usize) -> String {
    if char_len(text) <= max {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut kept = 0;
    let mut length = 0;
    for word in &words {
        let added = char_len(word) + usize::from(kept > 0);
        if length + added > max {
            break;
        }
        length += added;
        kept += 1;
    }
    if kept == 0 {
        return truncate_chars(text, max);
    }
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if words.get(kept).is_some_and(|w| capital(w)) {
        while kept > 1 && capital(words[kept - 1]) {
            kept -= 1;
        }
    }
    // A cut second half of "...released children and now pay adult" goes:
    // the first half names what the item is about.
    let conjunction = (3..kept).rev().find(|&i| {
        CONJUNCTIONS.contains(&words[i].to_lowercase().as_str())
            && !words.get(i + 1).is_some_and(|w| capital(w))
    });
    if let Some(c) = conjunction {
        // What comes before "and" is whole.
        return words[..c].join(" ");
    }
    let preposition = (kept.saturating_sub(3)..kept)
        .rev()
        .find(|&i| PREPOSITIONS.contains(&words[i].to_lowercase().as_str()));
    if let Some(p) = preposition
        && p >= 2
        && !words[p + 1..kept].iter().any(|w| capital(w))
    {
        kept = p;
    }
    words[..kept].join(" ")
}

/// Drops trailing punctuation and dangling words ("the", "and", "for"...),
/// and quotation marks or a bracket left open by the cut.
fn tidy(title: &str) -> String {
    let mut title = title.to_string();
    if let Some(open) = title.rfind('(')
        && !title[open..].contains(')')
    {
        title.truncate(open);
    }
    let unbalanced = title.matches('"').count() % 2 == 1
        || title.matches('“').count() != title.matches('”').count();
    if unbalanced {
        title.retain(|c| !matches!(c, '"' | '“' | '”'));
    }
    loop {
        let trimmed = title
            .trim_end_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, '.' | ',' | ';' | ':' | '-' | '–' | '—' | '|' | '/')
            })
            .to_string();
        let last_word = trimmed.rsplit(' ').next().unwrap_or_default();
        let dangling =
            trimmed.contains(' ') && DANGLING_WORDS.contains(&last_word.to_lowercase().as_str());
        title = if dangling {
            trimmed[..trimmed.len() - last_word.len()].to_string()
        } else {
            break trimmed;
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_items_are_short_and_whole() {
        let cases = [
            (
                "Pray for the investigators in Manila who are preparing a case, that they would be \
              kept safe and find every child.",
                "The investigators in Manila",
            ),
            (
                "Courts in Uganda: pray that hearings go ahead without delay.",
                "Courts in Uganda",
            ),
            ("Pray for new caseworkers.", "New caseworkers"),
            (
                "Pray for survivors who are starting school or work again after years away.",
                "Survivors starting school or work again after years away",
            ),
            (
                "Thank you for praying with us.",
                "Thank you for praying with us",
            ),
            (
                "Praise God for every worker released from a kiln, a farm or a boat this year.",
                "Every worker released from a kiln",
            ),
            (
                "Pray that survivors giving evidence this month would be protected and believed by \
              everyone in the courtroom.",
                "Survivors giving evidence this month",
            ),
            // Lead-ins are skipped: a time, then asking or thanking words.
            (
                "Last spring, we asked you to pray for the Rivera family as they waited for a \
                 court date. The hearing is now set.",
                "The Rivera family as they waited for a court date",
            ),
            (
                "Join us in thanking God that two employers were convicted in January.",
                "Two employers were convicted in January",
            ),
            (
                "Rejoice with us: the city council voted to fund two more shelter beds.",
                "The city council voted to fund two more shelter beds",
            ),
            (
                "Currently, 40 families are held at a brick kiln near Salem by false debts.",
                "40 families are held at a brick kiln near Salem",
            ),
            // Labels, and sentences that say only "pray" or "praise", are skipped.
            (
                "Praise: the Okafor twins were born healthy on Tuesday.",
                "The Okafor twins were born healthy on Tuesday",
            ),
            (
                "Pray: that the Lim family hears news of their son.",
                "The Lim family hears news of their son",
            ),
            (
                "Praise God! Mrs. Adeyemi is home from hospital.",
                "Mrs. Adeyemi is home from hospital",
            ),
            // Names are kept whole or left out.
            (
                "Last year, a workshop held with Police Commander Somchai Wattana trained 40 officers.",
                "A workshop held with Police Commander Somchai Wattana",
            ),
            (
                "Our partners at Lantern House run a drop-in centre in Chiang Mai. Pray for them.",
                "Our partners at Lantern House run a drop-in centre",
            ),
            // Other languages.
            (
                "Oremos pelos assistentes sociais de Maputo que visitam crianças resgatadas.",
                "Os assistentes sociais de Maputo",
            ),
            (
                "Alabemos a Dios por la liberación de catorce jóvenes de un taller textil en marzo.",
                "La liberación de catorce jóvenes de un taller textil",
            ),
            (
                "Prions pour les juges de Cotonou qui entendent des affaires de traite d'enfants.",
                "Les juges de Cotonou",
            ),
            (
                "“Seek justice, defend the oppressed.” Pray that our churches would live this out.",
                "Seek justice, defend the oppressed",
            ),
        ];
        for (text, title) in cases {
            assert_eq!(topic_title(text), title, "{text}");
        }
    }

    #[test]
    fn titles_never_dangle_or_run_long() {
        let text = "Millions of men and women around the world are held in debt bondage for \
                    years on end without any hope of release.";
        let title = topic_title(text);
        assert!(char_len(&title) <= 60, "{title}");
        let last = title.rsplit(' ').next().unwrap().to_lowercase();
        assert!(!DANGLING_WORDS.contains(&last.as_str()), "{title}");
        assert!(text.starts_with(&title), "{title}");
        assert_eq!(char_len(&topic_title(&"x".repeat(10_000))), 60);
        assert_eq!(topic_title("“ — ”"), "“ — ”");
        assert_eq!(topic_title(""), "Prayer topic");
    }

    #[test]
    fn praise_and_minutes() {
        assert_eq!(
            kind_of("", "Praise God for the new shelter"),
            TopicKind::Praise
        );
        assert_eq!(kind_of("Give thanks for judges", ""), TopicKind::Praise);
        assert_eq!(kind_of("", "Thank God for our partners"), TopicKind::Praise);
        for praise in [
            "Join us in thanking God that the law passed.",
            "Rejoice with us: a new shelter opened.",
            "We are grateful that Pastor Okafor is well.",
            "Celebrate with us the opening of an office.",
            "Alabemos a Dios por la liberación.",
        ] {
            assert_eq!(kind_of("", praise), TopicKind::Praise, "{praise}");
        }
        assert_eq!(
            kind_of("", "Praiseworthy efforts need prayer"),
            TopicKind::Pray
        );
        assert_eq!(planned_minutes("A short line."), 2);
        assert_eq!(planned_minutes(&"word ".repeat(50)), 3);
        assert_eq!(planned_minutes(&"word ".repeat(500)), 5);
    }
}
