//! The shape of an agenda: sections holding topics, as authored, imported, stored
//! and shown. These types carry no ids until they are stored; the stored forms
//! (with ids) are in [`super::gathering`].

use super::translation::Translation;
use serde::{Deserialize, Serialize};

/// A Bible passage quoted with a topic or at the opening of a gathering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scripture {
    /// The quoted words.
    pub text: String,
    /// Where they come from, such as "Isaiah 51:14-15".
    pub reference: String,
}

/// Whether the room is asked to pray (intercede) or to give thanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TopicKind {
    #[default]
    Pray,
    Praise,
}

impl TopicKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TopicKind::Pray => "pray",
            TopicKind::Praise => "praise",
        }
    }

    /// Reads the stored form; anything unknown is a prayer topic.
    pub fn from_stored(value: &str) -> Self {
        match value {
            "praise" => TopicKind::Praise,
            _ => TopicKind::Pray,
        }
    }
}

/// A whole agenda as written, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NewAgenda {
    pub title: String,
    /// The verse the gathering opens with, shown on the welcome screen.
    pub scripture: Option<Scripture>,
    /// Words of welcome before the first topic ("At last night's gathering we
    /// heard..."): shown on the welcome screen and on phones, never a topic.
    /// Paragraphs separated by a blank line. Missing from older exports.
    #[serde(default)]
    pub introduction: String,
    /// The thank-you line shown on phones when the gathering ends ("Thank you
    /// for praying with us"). Missing from older exports.
    #[serde(default)]
    pub closing: String,
    pub sections: Vec<NewSection>,
    /// The language the agenda is written in (a code of
    /// `crate::i18n::LANGUAGES`); empty when unknown (older exports, a
    /// guide not yet looked at), stored as English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Translations into other languages, their sections and topics in the
    /// same order as these. Missing from older exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// A heading such as "Pray for | Forced Labour Slavery" and the topics under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NewSection {
    pub title: String,
    /// What the section is about ("Our East Africa office serves Kenya, Uganda
    /// and Tanzania."), shown above its topics. Missing from older exports.
    #[serde(default)]
    pub description: String,
    pub topics: Vec<NewTopic>,
}

/// One thing the room prays for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTopic {
    pub title: String,
    pub scripture: Option<Scripture>,
    /// Paragraphs separated by a blank line.
    pub body: String,
    pub kind: TopicKind,
    pub planned_minutes: i64,
    /// Private to the facilitator: never sent to phones or the projector.
    pub notes: String,
    /// The projector shows `safe_summary` instead of the body.
    pub sensitive: bool,
    pub safe_summary: String,
}

/// Splits a body into its paragraphs (blank-line separated, trimmed, none empty).
pub fn paragraphs(body: &str) -> Vec<String> {
    let normalised = body.replace("\r\n", "\n");
    normalised
        .split("\n\n")
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| p.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_drop_empty_ones() {
        let body = "First line\ncontinues.\n\n\n  Second.  \r\n\r\nThird";
        assert_eq!(
            paragraphs(body),
            vec!["First line\ncontinues.", "Second.", "Third"]
        );
        assert!(paragraphs("  \n\n ").is_empty());
    }

    #[test]
    fn unknown_kinds_read_as_pray() {
        assert_eq!(TopicKind::from_stored("praise"), TopicKind::Praise);
        assert_eq!(TopicKind::from_stored("lament"), TopicKind::Pray);
    }
}
