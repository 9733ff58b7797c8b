//! The words before what a prayer item is about, which its title skips: a
//! time ("Last month,", "Currently,"), then asking or thanking words
//! ("Please pray that", "Join us in thanking God that", "Oremos pelos"), in
//! English, Spanish, Portuguese and French.

use super::text::strip_prefix_ignore_case;

/// Lead-ins a title skips, since the whole agenda is prayer and the kind
/// shows praise: "Pray for the judges in Kisumu, who..." is titled "The
/// judges in Kisumu", "Join us in thanking God that a new law..." "A new
/// law...". Matched ignoring case; each is followed by a space or ": ".
const LEAD_INS: &[&str] = &[
    "please pray for",
    "please pray that",
    "please pray about",
    "let us pray for",
    "let us pray that",
    "let's pray for",
    "we pray for",
    "we pray that",
    "we asked you to pray for",
    "we asked you to pray that",
    "pray for",
    "pray that",
    "pray about",
    "pray over",
    "join us in thanking god that",
    "join us in thanking god for",
    "join us in praising god that",
    "join us in praising god for",
    "join us in giving thanks that",
    "join us in giving thanks for",
    "rejoice with us that",
    "rejoice with us as",
    "rejoice with us over",
    "rejoice with us",
    "rejoice that",
    "we are grateful that",
    "we are grateful for",
    "we're grateful that",
    "we're grateful for",
    "we are thankful that",
    "we are thankful for",
    "celebrate with us as",
    "celebrate with us",
    "praise god for",
    "praise god that",
    "praise the lord for",
    "praise the lord that",
    "give thanks for",
    "give thanks that",
    "thank god for",
    "thank god that",
    "por favor oren por",
    "oremos para que",
    "oremos por",
    "oren por",
    "pidamos a dios por",
    "pidamos por",
    "alabemos a dios porque",
    "alabemos a dios por",
    "damos gracias a dios porque",
    "damos gracias a dios por",
    "demos gracias a dios por",
    "agradecemos a dios por",
    "prions pour",
    "louons dieu pour",
    "louons dieu car",
    "nous rendons grâce à dieu pour",
    "rendons grâce à dieu pour",
    "remercions dieu pour",
];

/// Labels before an item's words, skipped only with their colon: "Praise:
/// a new shelter opened", "Prayer request: the Lim family".
const LABELS: &[&str] = &[
    "pray",
    "praise",
    "prayer",
    "prayer request",
    "prayer point",
    "praise report",
    "thanksgiving",
    "give thanks",
    "request",
    "oremos",
    "oración",
    "petición",
    "alabanza",
    "gratitud",
    "oração",
    "pedido de oração",
    "louvor",
    "gratidão",
    "prions",
    "prière",
    "sujet de prière",
    "louange",
    "action de grâce",
];

/// Words of a sentence that says nothing but "pray" or "praise": "Praise
/// God!", "Please pray.", "Thank you, Lord!". Such a sentence is skipped.
const EMPTY_SENTENCE_WORDS: &[&str] = &[
    "praise",
    "god",
    "the",
    "lord",
    "please",
    "pray",
    "hallelujah",
    "thank",
    "you",
    "thanks",
    "amen",
    "jesus",
    "be",
    "to",
    "alabado",
    "sea",
    "dios",
    "gloria",
    "a",
    "louvado",
    "seja",
    "deus",
    "glória",
    "merci",
    "seigneur",
    "gloire",
    "à",
    "dieu",
];

/// Portuguese lead-ins end in a contraction of "por" and an article, which
/// the title keeps: "Oremos pelos juízes" is titled "Os juízes".
const PORTUGUESE_LEAD_INS: &[&str] = &[
    "oremos",
    "louvemos a deus",
    "agradecemos a deus",
    "peçamos a deus",
    "damos graças a deus",
];

/// The contraction and the article it stands for.
const PORTUGUESE_CONTRACTIONS: &[(&str, &str)] = &[
    ("pelos", "os "),
    ("pelas", "as "),
    ("pelo", "o "),
    ("pela", "a "),
    ("por", ""),
];

/// Words that make a short opening clause a time, skipped by a title:
/// "Last month,", "Currently,", "In previous years,", "En mayo,".
const TIME_WORDS: &[&str] = &[
    "month",
    "months",
    "year",
    "years",
    "week",
    "weeks",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "currently",
    "recently",
    "today",
    "tonight",
    "yesterday",
    "previously",
    "now",
    "lately",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mes",
    "año",
    "años",
    "semana",
    "actualmente",
    "recientemente",
    "hoy",
    "mês",
    "ano",
    "anos",
    "atualmente",
    "recentemente",
    "hoje",
    "mois",
    "an",
    "année",
    "années",
    "semaine",
    "actuellement",
    "récemment",
];

/// `sentence` without "Pray for" and the like, when enough is left to name
/// something: the whole agenda is prayer, so the title names what for.
pub(crate) fn without_request(sentence: &str) -> &str {
    LEAD_INS
        .iter()
        .find_map(|lead_in| strip_lead_in(sentence, lead_in))
        .filter(|rest| rest.split_whitespace().count() >= 2)
        .unwrap_or(sentence)
}

/// `text` after `lead_in` and the space (or ": ") that ends it.
fn strip_lead_in<'a>(text: &'a str, lead_in: &str) -> Option<&'a str> {
    let rest = strip_prefix_ignore_case(text, lead_in)?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    rest.starts_with(' ').then(|| rest.trim_start())
}

/// `text` without the words before what it is about: a time ("Last
/// month,"), then asking or thanking words ("Please pray that", "Join us in
/// thanking God that", "Oremos pelos"), each skipped only when enough is
/// left to name something.
pub(crate) fn without_lead_in(text: &str) -> String {
    let mut text = text.to_string();
    loop {
        let next = without_time(&text)
            .map(str::to_string)
            .or_else(|| without_label(&text).map(str::to_string))
            .or_else(|| without_empty_sentence(&text).map(str::to_string))
            .or_else(|| without_portuguese_lead_in(&text))
            .or_else(|| {
                let rest = without_request(&text);
                (rest.len() < text.len()).then(|| rest.to_string())
            });
        match next {
            Some(rest) if rest.split_whitespace().count() >= 2 => text = rest,
            _ => break text,
        }
    }
}

/// "Praise: a new shelter..." -> "a new shelter...", and "Pray: that the
/// judges..." -> "the judges...".
fn without_label(text: &str) -> Option<&str> {
    LABELS.iter().find_map(|label| {
        let rest = strip_prefix_ignore_case(text, label)?
            .strip_prefix(':')?
            .trim_start();
        let link = ["that ", "for ", "que ", "por ", "pour ", "para que "]
            .iter()
            .find_map(|link| strip_prefix_ignore_case(rest, link))
            .filter(|after| after.split_whitespace().count() >= 2);
        Some(link.unwrap_or(rest))
    })
}

/// "Praise God! The Okoro family is safe." -> "The Okoro family is safe.".
fn without_empty_sentence(text: &str) -> Option<&str> {
    let end = text.find(['.', '!'])?;
    let words: Vec<String> = text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let empty = !words.is_empty()
        && words
            .iter()
            .all(|w| EMPTY_SENTENCE_WORDS.contains(&w.as_str()));
    empty.then(|| text[end + 1..].trim_start())
}

/// "Last spring, we asked..." -> "we asked...": an opening clause of at
/// most four words naming a time.
fn without_time(text: &str) -> Option<&str> {
    let (head, rest) = text.split_once(", ")?;
    let words: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
    let is_time = words.len() <= 4 && words.iter().any(|w| TIME_WORDS.contains(&w.as_str()));
    (is_time && rest.split_whitespace().count() >= 3).then_some(rest)
}

/// "Oremos pelos juízes..." -> "os juízes...".
fn without_portuguese_lead_in(text: &str) -> Option<String> {
    PORTUGUESE_LEAD_INS.iter().find_map(|verb| {
        let rest = strip_prefix_ignore_case(text, verb)?.strip_prefix(' ')?;
        PORTUGUESE_CONTRACTIONS
            .iter()
            .find_map(|(contraction, article)| {
                let noun = strip_prefix_ignore_case(rest, contraction)?.strip_prefix(' ')?;
                (noun.split_whitespace().count() >= 2).then(|| format!("{article}{noun}"))
            })
    })
}
