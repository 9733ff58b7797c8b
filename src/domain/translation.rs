//! Agendas in several languages: the words of a gathering, a section and a
//! topic a facilitator may translate, and how a translation falls back to the
//! original.
//!
//! A gathering is written in its main language and may have translations
//! into other languages (the interface's, [`crate::i18n::LANGUAGES`]). Only
//! the words people read are translated: titles, verses, introduction and
//! closing words, section descriptions, topic bodies and projector summaries;
//! never the facilitator's notes, the kind or the planned minutes. A field
//! left empty is not translated: the original shows in its place, field by
//! field.

use super::agenda::Scripture;
use crate::i18n::LANGUAGES;
use serde::{Deserialize, Serialize};

/// The main language of a gathering that does not say (older exports).
pub const DEFAULT_LANGUAGE: &str = "en";

/// The language code as [`LANGUAGES`] spells it, if `code` names one of them.
pub fn content_language(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(code.trim()))
        .map(|l| l.code)
}

/// A language's name in itself ("Español"), or the code when unknown.
pub fn language_name(code: &str) -> &str {
    LANGUAGES
        .iter()
        .find(|l| l.code == code)
        .map_or(code, |l| l.name)
}

/// `translated` unless it is empty, else `original`.
pub fn or_original<'a>(translated: &'a str, original: &'a str) -> &'a str {
    if translated.trim().is_empty() {
        original
    } else {
        translated
    }
}

/// A verse with each empty part taken from the original's.
pub fn scripture_or_original(
    translated: Option<&Scripture>,
    original: Option<&Scripture>,
) -> Option<Scripture> {
    match (translated, original) {
        (None, original) => original.cloned(),
        (Some(t), None) => Some(t.clone()).filter(|t| !t.text.trim().is_empty()),
        (Some(t), Some(o)) => Some(Scripture {
            text: or_original(&t.text, &o.text).to_string(),
            reference: or_original(&t.reference, &o.reference).to_string(),
        }),
    }
}

fn scripture_is_empty(scripture: &Option<Scripture>) -> bool {
    scripture
        .as_ref()
        .is_none_or(|s| s.text.trim().is_empty() && s.reference.trim().is_empty())
}

/// The translated words of a gathering's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct GatheringText {
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scripture: Option<Scripture>,
    #[serde(default)]
    pub introduction: String,
    #[serde(default)]
    pub closing: String,
}

/// The translated words of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SectionText {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
}

impl SectionText {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.description.trim().is_empty()
    }
}

/// The translated words of a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TopicText {
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scripture: Option<Scripture>,
    #[serde(default)]
    pub body: String,
    /// What the projector shows instead of a sensitive body.
    #[serde(default)]
    pub safe_summary: String,
}

impl TopicText {
    /// Nothing translated: the topic shows in the main language.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && scripture_is_empty(&self.scripture)
            && self.body.trim().is_empty()
            && self.safe_summary.trim().is_empty()
    }

    /// The scripture as stored: `None` when neither part is given.
    pub fn tidy(mut self) -> Self {
        if scripture_is_empty(&self.scripture) {
            self.scripture = None;
        }
        self
    }
}

/// A whole agenda's translation into one language, as exported and imported:
/// its sections and topics stand in the same order as the original's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Translation {
    pub language: String,
    #[serde(flatten)]
    pub gathering: GatheringText,
    #[serde(default)]
    pub sections: Vec<SectionTranslation>,
}

/// One section of a [`Translation`], with its topics in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SectionTranslation {
    #[serde(flatten)]
    pub section: SectionText,
    #[serde(default)]
    pub topics: Vec<TopicText>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verse(text: &str, reference: &str) -> Scripture {
        Scripture {
            text: text.into(),
            reference: reference.into(),
        }
    }

    #[test]
    fn an_empty_field_falls_back_to_the_original_field_by_field() {
        assert_eq!(or_original("  ", "Pray"), "Pray");
        assert_eq!(or_original("Oremos", "Pray"), "Oremos");
        let original = verse("Seek justice.", "Isaiah 1:17");
        assert_eq!(
            scripture_or_original(Some(&verse("Buscad la justicia.", "")), Some(&original)),
            Some(verse("Buscad la justicia.", "Isaiah 1:17"))
        );
        assert_eq!(
            scripture_or_original(None, Some(&original)),
            Some(original.clone())
        );
        assert_eq!(scripture_or_original(Some(&verse("", "")), None), None);
    }

    #[test]
    fn only_the_interface_languages_are_content_languages() {
        assert_eq!(content_language("ES"), Some("es"));
        assert_eq!(content_language("de"), None);
        assert_eq!(content_language(""), None);
        assert_eq!(language_name("fr"), "Français");
    }

    #[test]
    fn a_topic_with_only_an_empty_verse_is_untranslated() {
        let text = TopicText {
            scripture: Some(verse(" ", "")),
            ..TopicText::default()
        };
        assert!(text.is_empty());
        assert_eq!(text.tidy().scripture, None);
    }

    #[test]
    fn translations_read_from_json_with_missing_fields() {
        let t: Translation = serde_json::from_str(
            r#"{"language":"es","title":"Noche","sections":[{"topics":[{"body":"Oremos."}]}]}"#,
        )
        .unwrap();
        assert_eq!(t.gathering.title, "Noche");
        assert_eq!(t.sections[0].topics[0].body, "Oremos.");
        assert!(t.sections[0].section.is_empty());
    }
}
