//! Translations moving in and out: a guide in another language paired with
//! the agenda it translates, and a translation written out as a whole guide.
//!
//! In Markdown, an agenda with translations is the original guide, then each
//! translation as a whole guide of the same shape after a marker line:
//!
//! ```text
//! <!-- language: en -->
//!
//! # Evening of Prayer
//! ...
//!
//! <!-- translation: es -->
//!
//! # Noche de oración
//! ...
//! ```
//!
//! A translated guide has the original's sections and topics in the same
//! order (a field not translated is written as the original's, so the guide
//! reads whole); reading it back, a field the same as the original's is not
//! a translation and falls back again. Markers are HTML comments: a Markdown
//! viewer shows nothing of them.

use crate::domain::agenda::{NewAgenda, NewSection, NewTopic, Scripture};
use crate::domain::translation::{
    SectionTranslation, content_language, or_original, scripture_or_original,
};
use crate::domain::{GatheringText, SectionText, TopicText, Translation};

/// The marker line naming the main language of a Markdown export.
pub fn language_marker(language: &str) -> String {
    format!("<!-- language: {language} -->")
}

/// The marker line that starts a translation in a Markdown export.
pub fn translation_marker(language: &str) -> String {
    format!("<!-- translation: {language} -->")
}

/// What a line is, if it is one of the markers: (is a translation, language).
fn marker(line: &str) -> Option<(bool, &'static str)> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let (label, code) = inner.split_once(':')?;
    let language = content_language(code)?;
    match label.trim() {
        "language" => Some((false, language)),
        "translation" => Some((true, language)),
        _ => None,
    }
}

/// A Markdown document split at its markers: the main language it names (if
/// any), the original guide, and each translation's language and guide.
pub struct Parts {
    pub language: Option<&'static str>,
    pub original: String,
    pub translations: Vec<(&'static str, String)>,
}

pub fn split(text: &str) -> Parts {
    let mut language = None;
    let mut original = String::new();
    let mut translations: Vec<(&'static str, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        match marker(line) {
            Some((false, code)) if translations.is_empty() && language.is_none() => {
                language = Some(code);
            }
            Some((true, code)) => translations.push((code, String::new())),
            _ => match translations.last_mut() {
                Some((_, guide)) => guide.push_str(line),
                None => original.push_str(line),
            },
        }
    }
    Parts {
        language,
        original,
        translations,
    }
}

/// Which original section and topic each imported one translates, by their
/// places in agenda order (topics counted across sections); `None` skips it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairing {
    pub sections: Vec<Option<usize>>,
    pub topics: Vec<Option<usize>>,
}

impl Pairing {
    /// The first imported section with the first original one, and so on;
    /// whatever is left over on the imported side is skipped.
    pub fn by_order(original: &NewAgenda, imported: &NewAgenda) -> Self {
        let originals = original.sections.len();
        let topics = topic_count(original);
        Pairing {
            sections: (0..imported.sections.len())
                .map(|i| (i < originals).then_some(i))
                .collect(),
            topics: (0..topic_count(imported))
                .map(|i| (i < topics).then_some(i))
                .collect(),
        }
    }
}

fn topic_count(agenda: &NewAgenda) -> usize {
    agenda.sections.iter().map(|s| s.topics.len()).sum()
}

/// `translated` unless it says the same as `original` (then not a translation).
fn differing(translated: &str, original: &str) -> String {
    let translated = translated.trim();
    match translated == original.trim() {
        true => String::new(),
        false => translated.to_string(),
    }
}

fn differing_scripture(
    translated: Option<&Scripture>,
    original: Option<&Scripture>,
) -> Option<Scripture> {
    let translated = translated?;
    let (text, reference) = match original {
        Some(o) => (&o.text[..], &o.reference[..]),
        None => ("", ""),
    };
    let kept = Scripture {
        text: differing(&translated.text, text),
        reference: differing(&translated.reference, reference),
    };
    (!kept.text.is_empty() || !kept.reference.is_empty()).then_some(kept)
}

/// The translation into `language` that `imported` (a guide in that
/// language) makes of `original`, paired as `pairing` says. Only what differs
/// from the original is kept.
pub fn translation(
    original: &NewAgenda,
    imported: &NewAgenda,
    language: &str,
    pairing: &Pairing,
) -> Translation {
    let mut sections: Vec<SectionTranslation> = original
        .sections
        .iter()
        .map(|s| SectionTranslation {
            section: SectionText::default(),
            topics: vec![TopicText::default(); s.topics.len()],
        })
        .collect();
    let original_topics: Vec<(usize, usize, &NewTopic)> = original
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| {
            section
                .topics
                .iter()
                .enumerate()
                .map(move |(t, x)| (s, t, x))
        })
        .collect();
    for (i, section) in imported.sections.iter().enumerate() {
        let Some(Some(target)) = pairing.sections.get(i) else {
            continue;
        };
        let Some(own) = original.sections.get(*target) else {
            continue;
        };
        sections[*target].section = SectionText {
            title: differing(&section.title, &own.title),
            description: differing(&section.description, &own.description),
        };
    }
    let imported_topics = imported.sections.iter().flat_map(|s| &s.topics);
    for (i, topic) in imported_topics.enumerate() {
        let Some(Some(target)) = pairing.topics.get(i) else {
            continue;
        };
        let Some((s, t, own)) = original_topics.get(*target) else {
            continue;
        };
        sections[*s].topics[*t] = TopicText {
            title: differing(&topic.title, &own.title),
            scripture: differing_scripture(topic.scripture.as_ref(), own.scripture.as_ref()),
            body: differing(&topic.body, &own.body),
            safe_summary: differing(&topic.safe_summary, &own.safe_summary),
        };
    }
    Translation {
        language: language.to_string(),
        gathering: GatheringText {
            title: differing(&imported.title, &original.title),
            scripture: differing_scripture(
                imported.scripture.as_ref(),
                original.scripture.as_ref(),
            ),
            introduction: differing(&imported.introduction, &original.introduction),
            closing: differing(&imported.closing, &original.closing),
        },
        sections,
    }
}

/// The agenda as a whole guide in the translation's language: each field
/// translated, or the original's where it is not.
pub fn translated_agenda(original: &NewAgenda, translation: &Translation) -> NewAgenda {
    let g = &translation.gathering;
    NewAgenda {
        title: or_original(&g.title, &original.title).to_string(),
        scripture: scripture_or_original(g.scripture.as_ref(), original.scripture.as_ref()),
        introduction: or_original(&g.introduction, &original.introduction).to_string(),
        closing: or_original(&g.closing, &original.closing).to_string(),
        sections: original
            .sections
            .iter()
            .enumerate()
            .map(|(s, section)| {
                let own = translation.sections.get(s);
                let text = own.map(|o| &o.section);
                NewSection {
                    title: or_original(text.map_or("", |t| &t.title), &section.title).to_string(),
                    description: or_original(
                        text.map_or("", |t| &t.description),
                        &section.description,
                    )
                    .to_string(),
                    topics: section
                        .topics
                        .iter()
                        .enumerate()
                        .map(|(t, topic)| {
                            let text = own.and_then(|o| o.topics.get(t));
                            NewTopic {
                                title: or_original(text.map_or("", |t| &t.title), &topic.title)
                                    .to_string(),
                                scripture: scripture_or_original(
                                    text.and_then(|t| t.scripture.as_ref()),
                                    topic.scripture.as_ref(),
                                ),
                                body: or_original(text.map_or("", |t| &t.body), &topic.body)
                                    .to_string(),
                                notes: String::new(),
                                safe_summary: or_original(
                                    text.map_or("", |t| &t.safe_summary),
                                    &topic.safe_summary,
                                )
                                .to_string(),
                                ..topic.clone()
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
        language: translation.language.clone(),
        translations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_split_a_document_and_unknown_ones_stay_text() {
        let text = "<!-- language: en -->\n\n# Night\n\n<!-- translation: de -->\n\n\
                    <!-- translation: es -->\n\n# Noche\n";
        let parts = split(text);
        assert_eq!(parts.language, Some("en"));
        assert!(parts.original.contains("# Night"));
        assert!(
            parts.original.contains("translation: de"),
            "not a language of ours"
        );
        assert_eq!(parts.translations.len(), 1);
        assert_eq!(parts.translations[0].0, "es");
        assert!(parts.translations[0].1.contains("# Noche"));
    }
}
