//! What a facilitator types into the agenda forms, validated into agenda types.
//! Every refusal names the field and says what would be accepted, so the form can
//! show it next to the field and keep what was typed.

use super::agenda::{NewTopic, Scripture, TopicKind};
use crate::i18n::Message;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const MAX_TITLE: usize = 120;
pub const MAX_REFERENCE: usize = 60;
pub const MAX_SCRIPTURE: usize = 1_500;
pub const MAX_BODY: usize = 20_000;
pub const MAX_NOTES: usize = 5_000;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_MINUTES: i64 = 180;
/// The longest closing words (a paragraph or two, shown at the end on phones
/// and the projector). The importer takes longer words after the last item
/// for a blessing to pray together, so what it finds always fits here.
pub const MAX_CLOSING: usize = 300;
/// The longest introduction or section description: a few paragraphs.
pub const MAX_INTRODUCTION: usize = 4_000;

/// Messages by field name, for showing next to each field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<&'static str, Message>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: Message) {
        self.0.entry(field).or_insert(message);
    }

    /// The reason a field was refused, to put into words in the reader's language.
    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What a title names, for the reason a title is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titled {
    Gathering,
    Section,
    Topic,
}

/// A one-line title: whitespace collapsed, 1 to `max` characters.
pub fn parse_title(raw: &str, what: Titled, max: usize) -> Result<String, Message> {
    let title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = title.chars().count();
    if length == 0 {
        Err(Message::new(match what {
            Titled::Gathering => "error-title-empty-gathering",
            Titled::Section => "error-title-empty-section",
            Titled::Topic => "error-title-empty-topic",
        }))
    } else if length > max {
        Err(Message::new(match what {
            Titled::Gathering => "error-title-long-gathering",
            Titled::Section => "error-title-long-section",
            Titled::Topic => "error-title-long-topic",
        })
        .number("max", max)
        .number("count", length))
    } else {
        Ok(title)
    }
}

/// Multi-line text: trimmed, line endings normalised, at most `max` characters.
fn parse_text(raw: &str, max: usize) -> Result<String, Message> {
    let text = raw.replace("\r\n", "\n").trim().to_string();
    let length = text.chars().count();
    if length > max {
        Err(Message::new("error-text-long")
            .number("max", max)
            .number("count", length))
    } else {
        Ok(text)
    }
}

/// An optional scripture: the quoted words and where they come from.
pub fn parse_scripture(
    text: &str,
    reference: &str,
    errors: &mut FieldErrors,
    text_field: &'static str,
    reference_field: &'static str,
) -> Option<Scripture> {
    let text = parse_text(text, MAX_SCRIPTURE)
        .map_err(|e| errors.add(text_field, e))
        .unwrap_or_default();
    let reference = reference.split_whitespace().collect::<Vec<_>>().join(" ");
    if reference.chars().count() > MAX_REFERENCE {
        errors.add(
            reference_field,
            Message::new("error-reference-long").number("max", MAX_REFERENCE),
        );
    }
    match (text.is_empty(), reference.is_empty()) {
        (true, true) => None,
        (false, true) => {
            errors.add(reference_field, Message::new("error-reference-missing"));
            None
        }
        _ => Some(Scripture { text, reference }),
    }
}

/// The topic form as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TopicForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub scripture_text: String,
    #[serde(default)]
    pub scripture_ref: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub planned_minutes: String,
    #[serde(default)]
    pub notes: String,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub sensitive: Option<String>,
    #[serde(default)]
    pub safe_summary: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub csrf: String,
}

impl TopicForm {
    /// A form filled in from a stored topic, for editing.
    pub fn from_topic(topic: &NewTopic, section_id: i64) -> Self {
        TopicForm {
            title: topic.title.clone(),
            scripture_text: topic
                .scripture
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            scripture_ref: topic
                .scripture
                .as_ref()
                .map(|s| s.reference.clone())
                .unwrap_or_default(),
            body: topic.body.clone(),
            kind: topic.kind.as_str().to_string(),
            planned_minutes: topic.planned_minutes.to_string(),
            notes: topic.notes.clone(),
            sensitive: topic.sensitive.then(|| "on".to_string()),
            safe_summary: topic.safe_summary.clone(),
            section: section_id.to_string(),
            csrf: String::new(),
        }
    }

    pub fn is_sensitive(&self) -> bool {
        self.sensitive.is_some()
    }

    /// The section the topic belongs in, if the field holds a number.
    pub fn section_id(&self) -> Option<i64> {
        self.section.trim().parse().ok()
    }

    /// Validates every field, collecting every problem at once.
    pub fn validate(&self) -> Result<NewTopic, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = parse_title(&self.title, Titled::Topic, MAX_TITLE)
            .map_err(|e| errors.add("title", e))
            .unwrap_or_default();
        let scripture = parse_scripture(
            &self.scripture_text,
            &self.scripture_ref,
            &mut errors,
            "scripture_text",
            "scripture_ref",
        );
        let body = parse_text(&self.body, MAX_BODY)
            .map_err(|e| errors.add("body", e))
            .unwrap_or_default();
        let kind = match self.kind.trim() {
            "" | "pray" => TopicKind::Pray,
            "praise" => TopicKind::Praise,
            _ => {
                errors.add("kind", Message::new("error-kind"));
                TopicKind::Pray
            }
        };
        let planned_minutes = match self.planned_minutes.trim().parse::<i64>() {
            Ok(minutes) if (1..=MAX_MINUTES).contains(&minutes) => minutes,
            _ => {
                errors.add(
                    "planned_minutes",
                    Message::new("error-minutes").number("max", MAX_MINUTES),
                );
                0
            }
        };
        let notes = parse_text(&self.notes, MAX_NOTES)
            .map_err(|e| errors.add("notes", e))
            .unwrap_or_default();
        let safe_summary = parse_text(&self.safe_summary, MAX_SUMMARY)
            .map_err(|e| errors.add("safe_summary", e))
            .unwrap_or_default();
        let sensitive = self.is_sensitive();
        if sensitive && safe_summary.is_empty() {
            errors.add("safe_summary", Message::new("error-summary-needed"));
        }
        if self.section_id().is_none() {
            errors.add("section", Message::new("error-section-choose"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewTopic {
            title,
            scripture,
            body,
            kind,
            planned_minutes,
            notes,
            sensitive,
            safe_summary,
        })
    }
}

/// Text typed in a box of paragraphs: line endings made "\n", each line's
/// spaces tidied, and blank lines between paragraphs kept to one.
pub fn paragraph_text(typed: &str) -> String {
    super::agenda::paragraphs(typed)
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> TopicForm {
        TopicForm {
            title: "  Courage for   witnesses ".into(),
            scripture_text: "Be strong and courageous.".into(),
            scripture_ref: "Joshua 1:9".into(),
            body: "First.\r\n\r\nSecond.".into(),
            kind: "pray".into(),
            planned_minutes: "4".into(),
            section: "7".into(),
            ..TopicForm::default()
        }
    }

    #[test]
    fn a_valid_form_becomes_a_tidy_topic() {
        let topic = valid().validate().unwrap();
        assert_eq!(topic.title, "Courage for witnesses");
        assert_eq!(topic.body, "First.\n\nSecond.");
        assert_eq!(topic.planned_minutes, 4);
        assert_eq!(topic.scripture.unwrap().reference, "Joshua 1:9");
    }

    #[test]
    fn each_bad_field_is_named_with_a_reason() {
        type Spoil = Box<dyn Fn(&mut TopicForm)>;
        let cases: Vec<(&str, Spoil)> = vec![
            ("title", Box::new(|f| f.title = "   ".into())),
            ("title", Box::new(|f| f.title = "x".repeat(500))),
            (
                "planned_minutes",
                Box::new(|f| f.planned_minutes = "-3".into()),
            ),
            (
                "planned_minutes",
                Box::new(|f| f.planned_minutes = "0".into()),
            ),
            (
                "planned_minutes",
                Box::new(|f| f.planned_minutes = "ten".into()),
            ),
            (
                "planned_minutes",
                Box::new(|f| f.planned_minutes = "1000".into()),
            ),
            (
                "scripture_ref",
                Box::new(|f| f.scripture_ref = String::new()),
            ),
            (
                "scripture_ref",
                Box::new(|f| f.scripture_ref = "x".repeat(61)),
            ),
            ("kind", Box::new(|f| f.kind = "lament".into())),
            ("body", Box::new(|f| f.body = "x".repeat(MAX_BODY + 1))),
            (
                "safe_summary",
                Box::new(|f| f.sensitive = Some("on".into())),
            ),
            ("section", Box::new(|f| f.section = "abc".into())),
        ];
        for (field, spoil) in cases {
            let mut form = valid();
            spoil(&mut form);
            let errors = form.validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let form = TopicForm {
            title: String::new(),
            planned_minutes: "-3".into(),
            ..TopicForm::default()
        };
        let errors = form.validate().unwrap_err();
        assert!(errors.get("title").is_some());
        assert!(errors.get("planned_minutes").is_some());
        assert!(errors.get("section").is_some());
    }
}
