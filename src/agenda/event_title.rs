//! A gathering's name found in the first sentence of a guide that has no
//! title line ("At the Denver Prayer Gathering on Saturday, ...").

use super::text::char_len;
use super::titles::{MAX_TITLE_CHARS, first_sentence};

/// A gathering's name from the first sentence of a guide that has no title
/// line, when it names the event: "At the Denver Prayer Gathering on
/// Saturday, ..." gives "Denver Prayer Gathering". The first run of two or
/// more capitalised words (joined by "of", "de" and the like) that holds a
/// word for a gathering.
pub(crate) fn event_title(text: &str) -> Option<String> {
    let sentence = first_sentence(text.trim());
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let mut i = 1;
    while i < words.len() {
        if !capital(words[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_capital = i;
        while end < words.len() {
            let word = words[end];
            if capital(word) {
                last_capital = end;
            } else if !EVENT_JOINERS.contains(&word) {
                break;
            }
            if word.ends_with([',', '.', ';', ':']) {
                break;
            }
            end += 1;
        }
        let run: Vec<&str> = words[i..=last_capital].to_vec();
        let name = run.join(" ");
        let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capitals = run.iter().filter(|w| capital(w)).count();
        let names_event = run.iter().any(|w| {
            let w = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            EVENT_WORDS.contains(&w.as_str())
        });
        if capitals >= 2 && names_event && char_len(name) <= MAX_TITLE_CHARS {
            return Some(name.to_string());
        }
        i = last_capital + 1;
    }
    None
}

/// Small words inside an event's name: "Encuentro de Oración de Monterrey".
const EVENT_JOINERS: &[&str] = &["of", "for", "de", "del", "do", "da", "des", "du", "la"];

/// Words that name a gathering, in every language of the importer.
const EVENT_WORDS: &[&str] = &[
    "prayer",
    "gathering",
    "night",
    "vigil",
    "evening",
    "service",
    "conference",
    "summit",
    "day",
    "week",
    "sunday",
    "meeting",
    "encuentro",
    "reunión",
    "noche",
    "vigilia",
    "jornada",
    "oración",
    "encontro",
    "reunião",
    "noite",
    "vigília",
    "oração",
    "soirée",
    "veillée",
    "rencontre",
    "prière",
    "journée",
    "culte",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_names_from_a_first_sentence() {
        assert_eq!(
            event_title("At the Denver Prayer Gathering on Saturday, three teams spoke.")
                .as_deref(),
            Some("Denver Prayer Gathering")
        );
        assert_eq!(
            event_title("En el Encuentro de Oración de Monterrey compartimos esto.").as_deref(),
            Some("Encuentro de Oración de Monterrey")
        );
        assert_eq!(event_title("Our East Africa office serves Kenya."), None);
        assert_eq!(event_title("Dear friends,"), None);
    }
}
