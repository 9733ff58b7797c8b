//! Stories too graphic for the projector: an item that tells of sexual
//! violence is flagged sensitive on import, so the projector shows a safe
//! summary drawn from what the item asks the room to pray for, never the
//! story itself. The facilitator sees in the preview what was flagged and
//! why, and can change it.

use super::language::{Language, opens_as_item};
use super::text::normalise_whitespace;

/// Words that on their own tell of sexual violence, in every language.
const GRAPHIC_WORDS: &[&str] = &[
    "rape",
    "raped",
    "rapes",
    "raping",
    "molest",
    "molested",
    "molesting",
    "molestation",
    "violada",
    "violado",
    "violadas",
    "violados",
    "violación",
    "violaciones",
    "estuprada",
    "estuprado",
    "estupro",
    "violée",
    "violé",
    "violées",
    "viol",
    "viols",
];

/// Words that tell of sexual violence when they stand with a "sexual" word:
/// "sexually abused", "abuso sexual", "agressée sexuellement".
const HARM_STEMS: &[&str] = &["abus", "assault", "violen", "violên", "agress"];

/// "sexual", "sexually", "sexualmente", "sexuel", "sexuellement".
const SEXUAL_STEMS: &[&str] = &["sexual", "sexuel"];

/// Why `text` is too graphic for the projector, as the words that say so
/// (for the preview), or `None`.
pub(crate) fn graphic_words(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if let Some(word) = words.iter().find(|w| GRAPHIC_WORDS.contains(&w.as_str())) {
        return Some(word.clone());
    }
    let sexual = words
        .iter()
        .position(|w| SEXUAL_STEMS.iter().any(|s| w.starts_with(s)))?;
    // The harm word stands within a few words of the "sexual" one.
    let near = sexual.saturating_sub(3)..(sexual + 4).min(words.len());
    let harm = near
        .into_iter()
        .find(|&j| HARM_STEMS.iter().any(|s| words[j].starts_with(s)))?;
    let (first, second) = (
        words[harm.min(sexual)].as_str(),
        words[harm.max(sexual)].as_str(),
    );
    Some(format!("{first} {second}"))
}

/// What the projector shows instead of a graphic story: the item's own
/// prayer requests ("Pray for Maya's healing..."), or a plain request in
/// the guide's language when it has none that are free of the story.
pub(crate) fn safe_summary(body: &str, language: Language) -> String {
    let requests: Vec<&str> = sentences(body)
        .into_iter()
        .filter(|s| opens_as_item(s) && graphic_words(s).is_none())
        .collect();
    match requests.is_empty() {
        true => language.safe_summary().to_string(),
        false => normalise_whitespace(&requests.join(" ")),
    }
}

/// The sentences of `text`, each with its full stop.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            let end = i + c.len_utf8();
            out.push(text[start..end].trim());
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_of_sexual_violence_are_found_in_every_language() {
        for story in [
            "Maya was eight when a neighbour began to sexually abuse her.",
            "Daniel was raped by the men who held him.",
            "Lucía fue abusada sexualmente por su padrastro.",
            "Ana sofreu abuso sexual de um vizinho.",
            "Awa a été violée et vendue par un réseau.",
        ] {
            assert!(graphic_words(story).is_some(), "{story}");
        }
        for plain in [
            "The man who abused Maya has been charged.",
            "Pray for the fight against sexual exploitation online.",
            "La violencia en la frontera preocupa a las familias.",
        ] {
            assert_eq!(graphic_words(plain), None, "{plain}");
        }
        assert_eq!(
            graphic_words("began to sexually abuse her").as_deref(),
            Some("sexually abuse")
        );
    }

    #[test]
    fn the_summary_is_the_items_own_requests() {
        let body = "Maya was eight when a neighbour began to sexually abuse her. \
                    She was rescued in June. Pray for Maya's healing, and for the trial.";
        assert_eq!(
            safe_summary(body, Language::English),
            "Pray for Maya's healing, and for the trial."
        );
        assert_eq!(
            safe_summary("Awa a été violée.", Language::French),
            Language::French.safe_summary()
        );
    }
}
