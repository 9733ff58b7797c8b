//! The languages guides arrive in (English, Spanish, Portuguese, French):
//! which one a guide is written in, and the words the importer needs from
//! each. The importer reads every language's openings in every guide (a
//! Spanish guide may quote an English line); the guide's own language only
//! decides the words the importer invents, such as the name of a section.

use super::text::starts_with_word;

/// A language the importer knows the words of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Language {
    #[default]
    English,
    Spanish,
    Portuguese,
    French,
}

/// Short words frequent in one language and rare in the others.
const MARKERS: &[(Language, &[&str])] = &[
    (
        Language::English,
        &["the", "and", "of", "for", "pray", "that", "with", "who"],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "y", "del", "por", "oremos", "con", "una",
        ],
    ),
    (
        Language::Portuguese,
        &[
            "os", "as", "e", "do", "da", "dos", "das", "pelos", "pela", "não", "uma", "com",
        ],
    ),
    (
        Language::French,
        &[
            "le", "les", "et", "des", "du", "pour", "prions", "avec", "une", "qui",
        ],
    ),
];

/// The language most of the guide's words belong to; English when unsure.
pub(crate) fn detect(text: &str) -> Language {
    let mut counts = [0usize; 4];
    for word in text.split(|c: char| !c.is_alphabetic()).take(5_000) {
        let word = word.to_lowercase();
        for (i, (_, markers)) in MARKERS.iter().enumerate() {
            if markers.contains(&word.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let best = (0..MARKERS.len()).max_by_key(|&i| (counts[i], usize::from(i == 0)));
    match best {
        Some(i) if counts[i] > counts[0] => MARKERS[i].0,
        _ => Language::English,
    }
}

impl Language {
    /// The language's code, as `crate::i18n::LANGUAGES` spells it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
            Language::French => "fr",
        }
    }

    /// The section for items before the first heading.
    pub(crate) fn opening(self) -> &'static str {
        match self {
            Language::English => "Opening",
            Language::Spanish => "Apertura",
            Language::Portuguese => "Abertura",
            Language::French => "Ouverture",
        }
    }

    /// The section for closing words too long for a thank-you line.
    pub(crate) fn closing(self) -> &'static str {
        match self {
            Language::English => "Closing",
            Language::Spanish => "Cierre",
            Language::Portuguese => "Encerramento",
            Language::French => "Conclusion",
        }
    }

    /// The section for a guide without any headings.
    pub(crate) fn unsectioned(self) -> &'static str {
        match self {
            Language::English => "Prayer topics",
            Language::Spanish => "Temas de oración",
            Language::Portuguese => "Temas de oração",
            Language::French => "Sujets de prière",
        }
    }

    /// What the projector shows for a sensitive story when the item asks
    /// for nothing the importer can quote.
    pub(crate) fn safe_summary(self) -> &'static str {
        match self {
            Language::English => "Pray for healing, safety and justice for this survivor.",
            Language::Spanish => "Oremos por sanidad, protección y justicia para esta persona.",
            Language::Portuguese => "Oremos por cura, proteção e justiça para esta pessoa.",
            Language::French => {
                "Prions pour la guérison, la sécurité et la justice de cette personne."
            }
        }
    }
}

/// Openings of an item that asks the room to pray, in every language.
const REQUEST_OPENINGS: &[&str] = &[
    "pray",
    "ask",
    "please",
    "let us",
    "let's",
    "we pray",
    "oremos",
    "oren",
    "ore",
    "oramos",
    "pidamos",
    "pidan",
    "por favor",
    "peçamos",
    "intercedamos",
    "prions",
    "priez",
    "demandons",
    "intercédons",
];

/// Openings that make an item praise rather than intercession.
pub(crate) const PRAISE_OPENINGS: &[&str] = &[
    "praise",
    "thank god",
    "thank the lord",
    "thank you lord",
    "thank you, lord",
    "thank you god",
    "thank you, god",
    "thank you jesus",
    "give thanks",
    "giving thanks",
    "thanks be",
    "we praise",
    "we thank god",
    "we give thanks",
    "join us in thanking",
    "join us in praising",
    "join us in giving thanks",
    "join us in celebrating",
    "rejoice",
    "we rejoice",
    "we are grateful",
    "we're grateful",
    "we are thankful",
    "we're thankful",
    "celebrate",
    "hallelujah",
    "thanksgiving",
    "praise report",
    "answered prayer",
    "alabemos",
    "alabanza",
    "gratitud",
    "louvor",
    "gratidão",
    "louange",
    "action de grâce",
    "alabamos",
    "alabado",
    "damos gracias",
    "demos gracias",
    "gracias a dios",
    "agradecemos",
    "celebremos",
    "gocémonos",
    "louvemos",
    "louvamos",
    "louvado",
    "damos graças",
    "demos graças",
    "graças a deus",
    "agradeçamos",
    "louons",
    "rendons grâce",
    "nous rendons grâce",
    "remercions",
    "nous remercions",
    "célébrons",
    "réjouissons",
    "béni soit",
];

/// Openings of closing words: a thank-you or a sign-off, never an item.
const CLOSING_OPENINGS: &[&str] = &[
    "thank you for",
    "thanks for",
    "thank you all",
    "with gratitude",
    "with thanks",
    "with love",
    "blessings",
    "grace and peace",
    "to learn more",
    "gracias por",
    "con gratitud",
    "bendiciones",
    "un abrazo",
    "saludos",
    "atentamente",
    "um abraço",
    "abraços",
    "atenciosamente",
    "cordialement",
    "fraternellement",
    "amitiés",
    "in christ",
    "yours in christ",
    "warmly",
    "sincerely",
    "obrigado por",
    "obrigada por",
    "com gratidão",
    "merci de",
    "merci pour",
    "avec gratitude",
    "bénédictions",
];

/// Words that greet the reader of a letter or an e-mail, never a title.
const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "dear",
    "greetings",
    "hola",
    "querido",
    "querida",
    "queridos",
    "queridas",
    "estimados",
    "olá",
    "oi",
    "caro",
    "caros",
    "prezados",
    "bonjour",
    "cher",
    "chère",
    "chers",
    "chères",
    "salut",
];

/// Whether a line greets the reader: "Hi all, forwarding...", "Dear friends,".
pub(crate) fn opens_as_greeting(text: &str) -> bool {
    starts_with_any(text, GREETINGS)
}

/// `text` without leading punctuation and bullets.
fn opening(text: &str) -> &str {
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
}

fn starts_with_any(text: &str, openings: &[&str]) -> bool {
    let text = opening(text);
    openings
        .iter()
        .any(|o| starts_with_word(text, o) || starts_with_word_unicode(text, o))
}

/// Like `starts_with_word`, ignoring case beyond ASCII ("Béni", "Réjouissons").
fn starts_with_word_unicode(text: &str, word: &str) -> bool {
    let head: String = text.chars().take(word.chars().count()).collect();
    head.to_lowercase() == word && !text[head.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Whether a paragraph is praise: "Praise God...", "Join us in thanking God
/// that...", "Alabemos a Dios...", "Louons Dieu...".
pub(crate) fn opens_with_praise(text: &str) -> bool {
    starts_with_any(text, PRAISE_OPENINGS)
}

/// Whether a paragraph is closing words: "Thank you for praying with us",
/// "With gratitude,", "Gracias por orar con nosotros".
pub(crate) fn opens_as_closing(text: &str) -> bool {
    starts_with_any(text, CLOSING_OPENINGS)
}

/// Whether a paragraph is a prayer item by its opening words: it asks the
/// room to pray or to give thanks, in any of the languages.
pub(crate) fn opens_as_item(text: &str) -> bool {
    !opens_as_closing(text) && (starts_with_any(text, REQUEST_OPENINGS) || opens_with_praise(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_apart() {
        assert_eq!(
            detect("Oremos por los jueces de Daca y por las familias del norte."),
            Language::Spanish
        );
        assert_eq!(
            detect("Oremos pelos juízes e pelas famílias dos trabalhadores da fazenda."),
            Language::Portuguese
        );
        assert_eq!(
            detect("Prions pour les juges et pour les familles des enfants."),
            Language::French
        );
        assert_eq!(
            detect("Pray for the judges and the families of the workers."),
            Language::English
        );
        assert_eq!(detect(""), Language::English);
    }

    #[test]
    fn openings_in_every_language() {
        for praise in [
            "Join us in thanking God that the law passed.",
            "Rejoice with us: a new shelter.",
            "We are grateful that Pastor Okafor is well.",
            "Celebrate with us the opening of an office.",
            "Alabemos a Dios por la liberación.",
            "Louvemos a Deus pela condenação.",
            "Rendons grâce à Dieu pour la loi.",
        ] {
            assert!(opens_with_praise(praise), "{praise}");
            assert!(opens_as_item(praise), "{praise}");
        }
        for closing in [
            "Thank you for praying with us.",
            "With gratitude, Ana",
            "Gracias por orar con nosotros.",
            "Merci de prier avec nous.",
            "Un abrazo, el equipo de oración",
            "Fraternellement, l'équipe",
        ] {
            assert!(opens_as_closing(closing), "{closing}");
            assert!(!opens_as_item(closing), "{closing}");
        }
        assert!(opens_as_item("Oremos por los jueces."));
        assert!(!opens_as_item("Our East Africa office serves Kenya."));
        assert!(!opens_with_praise("Praiseworthy efforts"));
    }
}
