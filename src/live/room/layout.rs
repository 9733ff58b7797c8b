//! The agenda as a room uses it: topics in order with their place and their
//! text rendered once (not per frame), in the main language and in each
//! language the gathering is translated into, an index by id, and the
//! console's outline.

use crate::domain::Scripture;
use crate::domain::markdown::to_safe_html;
use crate::domain::{GatheringText, TopicText};
use crate::i18n::Tr;
use crate::live::protocol::{AgendaSection, AgendaTopic};
use crate::store::{StoredAgenda, StoredSection, StoredTopic};
use std::collections::{BTreeMap, HashMap};

/// What the projector shows for a sensitive topic without a written summary,
/// in the language of the words around it.
fn default_safe_summary(language: &str) -> String {
    Tr::for_code(language)
        .unwrap_or_default()
        .get("topics-follow-on-phone")
}

/// A topic's words in one language, rendered once.
pub(super) struct EntryText {
    pub title: String,
    pub scripture: Option<Scripture>,
    pub section: String,
    /// What the section is about (may be empty).
    pub section_description: String,
    pub body_html: String,
    /// What the projector shows: the summary of a sensitive story, else the text.
    pub projector_html: String,
    /// Whether the topic itself is translated into this language (its
    /// section may be while it is not): if not, its words are the original's.
    pub translated: bool,
    /// A translated topic whose scripture is not: the scripture shown is
    /// the original's.
    pub scripture_original: bool,
}

impl EntryText {
    /// A topic's `words` in `language`, under its section's (title, description).
    fn new(
        topic: &StoredTopic,
        words: TopicText,
        section: (String, String),
        language: &str,
    ) -> Self {
        let body_html = to_safe_html(&words.body);
        let projector_html = match (topic.sensitive, words.safe_summary.trim().is_empty()) {
            (false, _) => body_html.clone(),
            (true, true) => to_safe_html(&default_safe_summary(language)),
            (true, false) => to_safe_html(&words.safe_summary),
        };
        EntryText {
            title: words.title,
            scripture: words.scripture,
            section: section.0,
            section_description: section.1,
            body_html,
            projector_html,
            translated: true,
            scripture_original: false,
        }
    }
}

/// A topic with its place in the agenda.
pub(super) struct Entry {
    pub topic: StoredTopic,
    /// 1-based.
    pub number: usize,
    /// Its words in the main language.
    pub main: EntryText,
    /// Its words in each language the gathering is translated into (the
    /// original's where a field, or the whole topic, is not translated).
    pub translated: BTreeMap<String, EntryText>,
}

impl Entry {
    fn new(
        topic: &StoredTopic,
        section: &StoredSection,
        number: usize,
        main_language: &str,
        languages: &[String],
    ) -> Self {
        let own = TopicText {
            title: topic.title.clone(),
            scripture: topic.scripture.clone(),
            body: topic.body.clone(),
            safe_summary: topic.safe_summary.clone(),
        };
        let main = EntryText::new(
            topic,
            own,
            (section.title.clone(), section.description.clone()),
            main_language,
        );
        let translated = languages
            .iter()
            .map(|language| {
                let words = section.text_in(language);
                let section = (words.title, words.description);
                let text = match topic.text_in(language) {
                    Some(words) => EntryText {
                        scripture_original: topic.scripture.is_some()
                            && topic
                                .translations
                                .get(language)
                                .is_some_and(|t| t.scripture.is_none()),
                        ..EntryText::new(topic, words, section, language)
                    },
                    None => EntryText {
                        section: section.0,
                        section_description: section.1,
                        translated: false,
                        ..main.clone_text()
                    },
                };
                (language.clone(), text)
            })
            .collect();
        Entry {
            topic: topic.clone(),
            number,
            main,
            translated,
        }
    }

    /// The topic's words in `language` (`None`: the main language), and
    /// whether they are the original's for want of a translation.
    pub fn text(&self, language: Option<&str>) -> (&EntryText, bool) {
        match language.and_then(|l| self.translated.get(l)) {
            Some(text) => (text, !text.translated),
            None => (&self.main, language.is_some()),
        }
    }

    /// The languages the topic itself is translated into.
    pub fn languages(&self) -> Vec<String> {
        self.translated
            .iter()
            .filter(|(_, t)| t.translated)
            .map(|(l, _)| l.clone())
            .collect()
    }
}

impl EntryText {
    fn clone_text(&self) -> Self {
        EntryText {
            title: self.title.clone(),
            scripture: self.scripture.clone(),
            section: self.section.clone(),
            section_description: self.section_description.clone(),
            body_html: self.body_html.clone(),
            projector_html: self.projector_html.clone(),
            translated: self.translated,
            scripture_original: self.scripture_original,
        }
    }
}

/// The agenda in the shapes the room needs.
pub(super) struct Layout {
    pub entries: Vec<Entry>,
    pub index_of: HashMap<i64, usize>,
    pub outline: Vec<AgendaSection>,
    /// The gathering's own words in each language it is translated into,
    /// with the original's where a field is not translated.
    pub gathering_texts: BTreeMap<String, GatheringText>,
}

impl Layout {
    /// The topics' ids in agenda order.
    pub fn topic_ids(&self) -> Vec<i64> {
        self.entries.iter().map(|e| e.topic.id).collect()
    }

    pub fn new(stored: &StoredAgenda) -> Self {
        let languages: Vec<String> = stored.translations.keys().cloned().collect();
        let mut entries = Vec::new();
        let mut outline = Vec::new();
        for section in &stored.sections {
            let mut topics = Vec::new();
            for topic in &section.topics {
                let number = entries.len() + 1;
                let entry = Entry::new(
                    topic,
                    section,
                    number,
                    &stored.gathering.language,
                    &languages,
                );
                topics.push(AgendaTopic {
                    id: topic.id,
                    number,
                    title: topic.title.clone(),
                    kind: topic.kind.as_str().to_string(),
                    planned_minutes: topic.planned_minutes,
                    translations: entry.languages(),
                });
                entries.push(entry);
            }
            outline.push(AgendaSection {
                title: section.title.clone(),
                topics,
            });
        }
        let index_of = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.topic.id, i))
            .collect();
        Layout {
            entries,
            index_of,
            outline,
            gathering_texts: languages
                .iter()
                .map(|l| (l.clone(), stored.gathering_text_in(l)))
                .collect(),
        }
    }

    pub fn contains(&self, topic: i64) -> bool {
        self.index_of.contains_key(&topic)
    }

    /// `language` if the gathering is translated into it (`None`: the main
    /// language shows).
    /// Whether the gathering is translated into any language at all.
    pub fn has_translations(&self) -> bool {
        !self.gathering_texts.is_empty()
    }

    pub fn translation<'a>(&self, language: &'a str) -> Option<&'a str> {
        self.gathering_texts
            .contains_key(language)
            .then_some(language)
    }
}
