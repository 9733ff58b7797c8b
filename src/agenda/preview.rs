//! Changes a facilitator makes in the import preview, before anything is
//! created: a topic renamed, switched between pray and praise, marked or
//! unmarked sensitive, or moved out of the topics into its section's
//! description, the introduction or the closing words; a section's
//! description made its first topic. The preview names each field by the
//! position of its topic in the agenda the guide imports as, and the
//! confirm step imports the same text again, so the positions agree.

use std::collections::{BTreeSet, HashMap};

use super::language::detect;
use super::sensitive::safe_summary;
use super::text::{char_len, normalise_whitespace};
use super::titles::{MAX_TITLE_CHARS, kind_of, planned_minutes, topic_title};
use crate::domain::agenda::{NewAgenda, NewTopic, TopicKind};

/// Where a paragraph of the guide belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// A topic of its section (as imported).
    #[default]
    Topic,
    /// Its section's description.
    Description,
    /// The gathering's introduction.
    Introduction,
    /// The gathering's closing words.
    Closing,
}

impl Place {
    /// The form value: "topic", "description", "introduction", "closing".
    pub fn parse(value: &str) -> Self {
        match value {
            "description" => Place::Description,
            "introduction" => Place::Introduction,
            "closing" => Place::Closing,
            _ => Place::Topic,
        }
    }
}

/// What the facilitator changed about one topic.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicEdit {
    /// A new title; empty keeps the imported one.
    pub title: String,
    pub kind: Option<TopicKind>,
    pub sensitive: Option<bool>,
    pub place: Place,
}

/// Every change made in the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PreviewEdits {
    /// By (section, topic) position.
    pub topics: HashMap<(usize, usize), TopicEdit>,
    /// Sections whose description becomes their first topic.
    pub descriptions_to_topics: BTreeSet<usize>,
}

impl PreviewEdits {
    /// Reads the preview's form fields: `title-S-T`, `kind-S-T` ("pray" or
    /// "praise"), `sensitive-S-T` (present when ticked, read only with a
    /// `reviewed` field, since an unticked box sends nothing), `place-S-T`
    /// and `description-topic-S`. Anything else is ignored.
    pub fn from_fields<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let fields: Vec<(&str, &str)> = fields.into_iter().collect();
        let reviewed = fields.iter().any(|(name, _)| *name == "reviewed");
        let mut edits = PreviewEdits::default();
        for (name, value) in &fields {
            let Some((field, position)) = name.split_once('-') else {
                continue;
            };
            if field == "description" {
                if let Some(section) = position.strip_prefix("topic-").and_then(|s| s.parse().ok())
                {
                    edits.descriptions_to_topics.insert(section);
                }
                continue;
            }
            let Some(key) = parse_position(position) else {
                continue;
            };
            let edit = edits.topics.entry(key).or_default();
            match field {
                "title" => edit.title = normalise_whitespace(value),
                "kind" => {
                    edit.kind = match *value {
                        "praise" => Some(TopicKind::Praise),
                        "pray" => Some(TopicKind::Pray),
                        _ => None,
                    }
                }
                "sensitive" => edit.sensitive = Some(true),
                "place" => edit.place = Place::parse(value),
                _ => {}
            }
        }
        if reviewed {
            // An unticked box sends nothing: every topic shown was reviewed.
            for edit in edits.topics.values_mut() {
                edit.sensitive.get_or_insert(false);
            }
        }
        edits
    }

    /// Applies the changes to the agenda the guide imported as.
    pub fn apply(&self, agenda: &mut NewAgenda) {
        for (&(s, t), edit) in &self.topics {
            let Some(topic) = agenda.sections.get_mut(s).and_then(|x| x.topics.get_mut(t)) else {
                continue;
            };
            if !edit.title.is_empty() && char_len(&edit.title) <= MAX_TITLE_CHARS {
                topic.title = edit.title.clone();
            }
            if let Some(kind) = edit.kind {
                topic.kind = kind;
            }
            if let Some(sensitive) = edit.sensitive {
                set_sensitive(topic, sensitive);
            }
        }
        // A description made a topic is the one the guide gave, not what
        // the moves below add to it.
        let made_topics: Vec<(usize, String)> = self
            .descriptions_to_topics
            .iter()
            .filter_map(|&s| {
                let section = agenda.sections.get_mut(s)?;
                Some((s, std::mem::take(&mut section.description)))
            })
            .collect();
        // Moves, from the last topic back, so that positions stay true.
        let mut moves: Vec<(&(usize, usize), &TopicEdit)> = self
            .topics
            .iter()
            .filter(|(_, e)| e.place != Place::Topic)
            .collect();
        moves.sort_by(|a, b| b.0.cmp(a.0));
        let mut introduction = Vec::new();
        let mut closing = Vec::new();
        for (&(s, t), edit) in moves {
            let Some(section) = agenda.sections.get_mut(s) else {
                continue;
            };
            if t >= section.topics.len() {
                continue;
            }
            // Translations (from an export) stay in step, topic for topic.
            for translation in &mut agenda.translations {
                if let Some(topics) = translation.sections.get_mut(s).map(|x| &mut x.topics)
                    && t < topics.len()
                {
                    topics.remove(t);
                }
            }
            let text = words_of(&section.topics.remove(t));
            match edit.place {
                Place::Description => section.description = join(&text, &section.description),
                Place::Introduction => introduction.insert(0, text),
                Place::Closing => closing.insert(0, text),
                Place::Topic => {}
            }
        }
        for text in introduction {
            agenda.introduction = join(&agenda.introduction, &text);
        }
        for text in closing {
            agenda.closing = join(&agenda.closing, &text);
        }
        for (s, description) in made_topics {
            if !description.trim().is_empty() {
                agenda.sections[s]
                    .topics
                    .insert(0, topic_from(&description));
                for translation in &mut agenda.translations {
                    if let Some(section) = translation.sections.get_mut(s) {
                        section.topics.insert(0, Default::default());
                    }
                }
            }
        }
    }
}

/// "2-3" as (2, 3).
fn parse_position(position: &str) -> Option<(usize, usize)> {
    let (s, t) = position.split_once('-')?;
    Some((s.parse().ok()?, t.parse().ok()?))
}

fn set_sensitive(topic: &mut NewTopic, sensitive: bool) {
    topic.sensitive = sensitive;
    if sensitive && topic.safe_summary.trim().is_empty() {
        topic.safe_summary = safe_summary(&topic.body, detect(&topic.body));
    }
}

/// A topic's words as a paragraph of framing text: its body, or its
/// title when the body is empty (a verse alone keeps its reference).
fn words_of(topic: &NewTopic) -> String {
    let mut parts = Vec::new();
    if let Some(scripture) = &topic.scripture {
        parts.push(
            format!("{} {}", scripture.text, scripture.reference)
                .trim()
                .to_string(),
        );
    }
    if !topic.body.trim().is_empty() {
        parts.push(topic.body.clone());
    }
    if parts.is_empty() {
        parts.push(topic.title.clone());
    }
    parts.join("\n\n")
}

fn join(first: &str, second: &str) -> String {
    match (first.trim().is_empty(), second.trim().is_empty()) {
        (true, _) => second.to_string(),
        (_, true) => first.to_string(),
        _ => format!("{first}\n\n{second}"),
    }
}

fn topic_from(text: &str) -> NewTopic {
    let title = topic_title(text);
    NewTopic {
        kind: kind_of(&title, text),
        planned_minutes: planned_minutes(text),
        title,
        scripture: None,
        body: text.to_string(),
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::parse_guide;

    const GUIDE: &str = "Evening of Prayer\n\nEast Africa\nOur office serves Kenya.\n\
                         • Pray for the magistrates in Kisumu.\n\
                         • Pray for the shelter staff in Mombasa.\n\
                         • Thank you all for coming tonight.\n";

    fn agenda() -> NewAgenda {
        parse_guide(GUIDE, None).unwrap().agenda
    }

    #[test]
    fn titles_kinds_and_flags_change_by_position() {
        let mut agenda = agenda();
        let edits = PreviewEdits::from_fields([
            ("reviewed", "1"),
            ("title-0-0", "  Magistrates  in Kisumu "),
            ("kind-0-1", "praise"),
            ("sensitive-0-1", "on"),
            ("title-9-9", "nowhere"),
        ]);
        edits.apply(&mut agenda);
        let topics = &agenda.sections[0].topics;
        assert_eq!(topics[0].title, "Magistrates in Kisumu");
        assert_eq!(topics[1].kind, TopicKind::Praise);
        assert!(topics[1].sensitive && !topics[1].safe_summary.is_empty());
        assert!(!topics[0].sensitive);
    }

    #[test]
    fn paragraphs_move_between_topics_and_descriptions() {
        let mut agenda = agenda();
        assert_eq!(agenda.sections[0].description, "Our office serves Kenya.");
        let edits = PreviewEdits::from_fields([
            ("place-0-2", "closing"),
            ("place-0-1", "description"),
            ("description-topic-0", "on"),
        ]);
        edits.apply(&mut agenda);
        let section = &agenda.sections[0];
        let titles: Vec<_> = section.topics.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Our office serves Kenya", "The magistrates in Kisumu"]
        );
        assert_eq!(
            section.description,
            "Pray for the shelter staff in Mombasa."
        );
        assert_eq!(agenda.closing, "Thank you all for coming tonight.");
    }

    #[test]
    fn no_fields_change_nothing() {
        let mut agenda = agenda();
        PreviewEdits::from_fields([]).apply(&mut agenda);
        assert_eq!(agenda, self::agenda());
    }

    #[test]
    fn translations_from_an_export_stay_in_step_with_moved_topics() {
        use crate::domain::translation::SectionTranslation;
        use crate::domain::{TopicText, Translation};
        let mut agenda = agenda();
        let topics = agenda.sections[0].topics.len();
        agenda.translations = vec![Translation {
            language: "es".into(),
            sections: vec![SectionTranslation {
                topics: (0..topics)
                    .map(|i| TopicText {
                        title: format!("Tema {i}"),
                        ..TopicText::default()
                    })
                    .collect(),
                ..SectionTranslation::default()
            }],
            ..Translation::default()
        }];
        let edits = PreviewEdits::from_fields([("reviewed", "1"), ("place-0-0", "introduction")]);
        edits.apply(&mut agenda);
        let translated = &agenda.translations[0].sections[0].topics;
        assert_eq!(translated.len(), agenda.sections[0].topics.len());
        assert_eq!(translated[0].title, "Tema 1");
    }
}
