//! A gathering and its agenda as stored: the same content as a
//! [`NewAgenda`], with the ids the store gave each part and the translations
//! kept beside the originals. The store returns these; everything above it
//! reads them.

use super::translation::{
    DEFAULT_LANGUAGE, SectionTranslation, content_language, or_original, scripture_or_original,
};
use super::{
    GatheringText, NewAgenda, NewSection, NewTopic, Scripture, SectionText, TopicKind, TopicText,
    Translation,
};
use std::collections::BTreeMap;

/// A gathering's own fields (its agenda is loaded separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathering {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub scripture: Option<Scripture>,
    /// "draft", "live" or "ended".
    pub status: String,
    /// Closing words (a paragraph or two) shown on phones and the projector
    /// when the gathering ends.
    pub closing_message: String,
    /// Words of welcome shown before the first topic.
    pub introduction: String,
    /// The language its own words are written in (a code of `crate::i18n::LANGUAGES`).
    pub language: String,
    /// What the projector shows: one language code, or two separated by a
    /// comma (a bilingual service); empty for the main language.
    pub projector_languages: String,
}

impl Gathering {
    /// The one or two languages the projector shows, in order (the main
    /// language when none is set or a code is no longer known).
    pub fn projector_languages(&self) -> Vec<&'static str> {
        let mut chosen: Vec<&'static str> = self
            .projector_languages
            .split(',')
            .filter_map(content_language)
            .collect();
        chosen.dedup();
        chosen.truncate(2);
        if chosen.is_empty() {
            chosen.push(content_language(&self.language).unwrap_or(DEFAULT_LANGUAGE));
        }
        chosen
    }
}

/// One line of the facilitator's list.
pub type GatheringSummary = Gathering;

/// A stored topic, with the title of the section it sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTopic {
    pub id: i64,
    pub section_id: i64,
    pub title: String,
    pub scripture: Option<Scripture>,
    pub body: String,
    pub kind: TopicKind,
    pub planned_minutes: i64,
    pub notes: String,
    pub sensitive: bool,
    pub safe_summary: String,
    /// Its words in other languages, by language code (only those with
    /// something translated).
    pub translations: BTreeMap<String, TopicText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSection {
    pub id: i64,
    pub title: String,
    /// What the section is about, shown above its topics.
    pub description: String,
    pub topics: Vec<StoredTopic>,
    /// Its words in other languages, by language code.
    pub translations: BTreeMap<String, SectionText>,
}

/// A gathering with its sections and topics in agenda order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAgenda {
    pub gathering: Gathering,
    pub sections: Vec<StoredSection>,
    /// The languages the gathering is translated into (never its main
    /// language), with the gathering's own words in each.
    pub translations: BTreeMap<String, GatheringText>,
}

impl StoredTopic {
    /// The topic's words in `language`, each empty field from the original;
    /// `None` when nothing of it is translated into `language`.
    pub fn text_in(&self, language: &str) -> Option<TopicText> {
        let t = self.translations.get(language)?;
        Some(TopicText {
            title: or_original(&t.title, &self.title).to_string(),
            scripture: scripture_or_original(t.scripture.as_ref(), self.scripture.as_ref()),
            body: or_original(&t.body, &self.body).to_string(),
            safe_summary: or_original(&t.safe_summary, &self.safe_summary).to_string(),
        })
    }
}

impl StoredSection {
    /// The section's words in `language`, each empty field from the original.
    pub fn text_in(&self, language: &str) -> SectionText {
        let t = self.translations.get(language);
        SectionText {
            title: or_original(t.map_or("", |t| &t.title), &self.title).to_string(),
            description: or_original(t.map_or("", |t| &t.description), &self.description)
                .to_string(),
        }
    }
}

impl StoredAgenda {
    /// The gathering's words in `language`, each empty field from the
    /// original (all of them when it is not translated into `language`).
    pub fn gathering_text_in(&self, language: &str) -> GatheringText {
        let g = &self.gathering;
        let t = self.translations.get(language);
        GatheringText {
            title: or_original(t.map_or("", |t| &t.title), &g.title).to_string(),
            scripture: scripture_or_original(
                t.and_then(|t| t.scripture.as_ref()),
                g.scripture.as_ref(),
            ),
            introduction: or_original(t.map_or("", |t| &t.introduction), &g.introduction)
                .to_string(),
            closing: or_original(t.map_or("", |t| &t.closing), &g.closing_message).to_string(),
        }
    }
}

impl StoredTopic {
    /// The topic's content without its ids.
    pub fn to_new_topic(&self) -> NewTopic {
        NewTopic {
            title: self.title.clone(),
            scripture: self.scripture.clone(),
            body: self.body.clone(),
            kind: self.kind,
            planned_minutes: self.planned_minutes,
            notes: self.notes.clone(),
            sensitive: self.sensitive,
            safe_summary: self.safe_summary.clone(),
        }
    }
}

impl StoredAgenda {
    /// The agenda's content without ids (for export and duplication).
    pub fn to_new_agenda(&self) -> NewAgenda {
        NewAgenda {
            title: self.gathering.title.clone(),
            scripture: self.gathering.scripture.clone(),
            introduction: self.gathering.introduction.clone(),
            closing: self.gathering.closing_message.clone(),
            language: self.gathering.language.clone(),
            translations: self
                .translations
                .iter()
                .map(|(language, text)| Translation {
                    language: language.clone(),
                    gathering: text.clone(),
                    sections: self
                        .sections
                        .iter()
                        .map(|section| SectionTranslation {
                            section: section
                                .translations
                                .get(language)
                                .cloned()
                                .unwrap_or_default(),
                            topics: section
                                .topics
                                .iter()
                                .map(|t| t.translations.get(language).cloned().unwrap_or_default())
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            sections: self
                .sections
                .iter()
                .map(|section| NewSection {
                    title: section.title.clone(),
                    description: section.description.clone(),
                    topics: section
                        .topics
                        .iter()
                        .map(StoredTopic::to_new_topic)
                        .collect(),
                })
                .collect(),
        }
    }
}
