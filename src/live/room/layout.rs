//! The agenda as a room uses it: topics in order with their place and their
//! text rendered once (not per frame), an index by id, and the console's outline.

use crate::domain::markdown::to_safe_html;
use crate::live::protocol::{AgendaSection, AgendaTopic};
use crate::store::{StoredAgenda, StoredSection, StoredTopic};
use std::collections::HashMap;

/// What the projector shows for a sensitive topic without a written summary.
const DEFAULT_SAFE_SUMMARY: &str = "Please follow this story on your phone.";

/// A topic with its place in the agenda.
pub(super) struct Entry {
    pub topic: StoredTopic,
    pub section: String,
    /// What the section is about (may be empty).
    pub section_description: String,
    /// 1-based.
    pub number: usize,
    /// The text rendered once, when the agenda is laid out, not per frame.
    pub body_html: String,
    /// What the projector shows: the summary of a sensitive story, else the text.
    pub projector_html: String,
}

impl Entry {
    fn new(topic: &StoredTopic, section: &StoredSection, number: usize) -> Self {
        let body_html = to_safe_html(&topic.body);
        let projector_html = match (topic.sensitive, topic.safe_summary.trim().is_empty()) {
            (false, _) => body_html.clone(),
            (true, true) => to_safe_html(DEFAULT_SAFE_SUMMARY),
            (true, false) => to_safe_html(&topic.safe_summary),
        };
        Entry {
            topic: topic.clone(),
            section: section.title.clone(),
            section_description: section.description.clone(),
            number,
            body_html,
            projector_html,
        }
    }
}

/// The agenda in the shapes the room needs.
pub(super) struct Layout {
    pub entries: Vec<Entry>,
    pub index_of: HashMap<i64, usize>,
    pub outline: Vec<AgendaSection>,
}

impl Layout {
    /// The topics' ids in agenda order.
    pub fn topic_ids(&self) -> Vec<i64> {
        self.entries.iter().map(|e| e.topic.id).collect()
    }

    pub fn new(stored: &StoredAgenda) -> Self {
        let mut entries = Vec::new();
        let mut outline = Vec::new();
        for section in &stored.sections {
            let mut topics = Vec::new();
            for topic in &section.topics {
                let number = entries.len() + 1;
                topics.push(AgendaTopic {
                    id: topic.id,
                    number,
                    title: topic.title.clone(),
                    kind: topic.kind.as_str().to_string(),
                    planned_minutes: topic.planned_minutes,
                });
                entries.push(Entry::new(topic, section, number));
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
        }
    }

    pub fn contains(&self, topic: i64) -> bool {
        self.index_of.contains_key(&topic)
    }
}
