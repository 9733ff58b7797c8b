//! The third pass of the importer: blocks gathered into sections of topics.
//! Text before the first heading becomes an "Opening" section, a closing
//! paragraph after the last bullets a "Closing" one, region lines under
//! "Regional Focus" become "Regional Focus | Latin America", and each verse
//! goes to the topic it belongs with.

use super::blocks::{Block, Passage};
use super::text::{char_len, truncate_chars};
use super::titles::{MAX_TITLE_CHARS, kind_of, planned_minutes, topic_title};
use crate::domain::agenda::{NewSection, NewTopic, Scripture};

/// The section for text before the first heading.
pub(crate) const OPENING: &str = "Opening";
/// The section for a guide without any headings.
pub(crate) const UNSECTIONED: &str = "Prayer topics";
/// The section for a closing paragraph after the last bullet items.
pub(crate) const CLOSING: &str = "Closing";

/// Headings that start a group of region or office headings.
const GROUP_WORDS: &[&str] = &[
    "focus",
    "region",
    "around the world",
    "nations",
    "countries",
    "offices",
    "field",
    "worldwide",
    "where we work",
];

/// Headings that end a gathering and so never join a group.
const CLOSING_WORDS: &[&str] = &[
    "closing",
    "close",
    "benediction",
    "blessing",
    "sending",
    "conclusion",
    "final",
    "amen",
];

/// How a topic was written, which decides what may become the closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Bullet,
    Paragraph,
    Explicit,
}

/// A section being filled, its topics not yet made.
struct Draft {
    title: String,
    blocks: Vec<Block>,
}

/// Splits `blocks` into the opening verse and the sections.
pub(crate) fn assemble(mut blocks: Vec<Block>) -> (Option<Scripture>, Vec<NewSection>) {
    let opening = opening_verse(&blocks).and_then(|i| match blocks.remove(i) {
        Block::Scripture(scripture) => Some(scripture),
        _ => None,
    });
    let drafts = drafts(blocks);
    let mut sections: Vec<(String, Vec<(NewTopic, Origin)>)> = drafts
        .into_iter()
        .map(|draft| (draft.title, topics(draft.blocks)))
        .collect();
    split_off_closing(&mut sections);
    let sections = sections
        .into_iter()
        .map(|(title, topics)| NewSection {
            title,
            description: String::new(),
            topics: topics.into_iter().map(|(topic, _)| topic).collect(),
        })
        .collect();
    (opening, sections)
}

/// Where the opening verse is: a verse before anything else, or the first
/// verse among the introductory text before the first heading (an e-mail
/// often greets its readers first).
fn opening_verse(blocks: &[Block]) -> Option<usize> {
    let is_verse = |b: &Block| matches!(b, Block::Scripture(_));
    if blocks.first().is_some_and(is_verse) {
        return Some(0);
    }
    let first_heading = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }))?;
    blocks[..first_heading].iter().position(is_verse)
}

/// Blocks grouped under their headings.
fn drafts(blocks: Vec<Block>) -> Vec<Draft> {
    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let default_title = if has_headings { OPENING } else { UNSECTIONED };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut group: Option<String> = None;
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        let Block::Heading { text, markdown } = block else {
            if drafts.is_empty() {
                drafts.push(Draft {
                    title: default_title.to_string(),
                    blocks: Vec::new(),
                });
            }
            // unwrap: a draft was pushed just above if there was none.
            drafts.last_mut().unwrap().blocks.push(block);
            continue;
        };
        let title = match &group {
            Some(parent) if !markdown && joins_group(parent, &text) => format!("{parent} | {text}"),
            _ => {
                group = None;
                text
            }
        };
        let next_joins = matches!(
            blocks.peek(),
            Some(Block::Heading { text: next, markdown: false }) if joins_group(&title, next)
        );
        if group.is_none() && next_joins && starts_group(&title) {
            // Its words live on in each child's title, "Regional Focus | Latin America".
            group = Some(title);
            continue;
        }
        drafts.push(Draft {
            title,
            blocks: Vec::new(),
        });
    }
    drafts
}

fn starts_group(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    !heading.contains('|') && !is_closing(heading) && GROUP_WORDS.iter().any(|w| lower.contains(w))
}

fn joins_group(parent: &str, heading: &str) -> bool {
    !heading.contains('|')
        && !is_closing(heading)
        && char_len(parent) + 3 + char_len(heading) <= MAX_TITLE_CHARS
}

fn is_closing(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    CLOSING_WORDS
        .iter()
        .any(|w| super::text::starts_with_word(&lower, w))
}

/// The topics of one section. A verse on its own goes to the topic after it
/// when it opens the section, else to the topic before it if that has none,
/// else to the next; one left over becomes a topic of its own.
fn topics(blocks: Vec<Block>) -> Vec<(NewTopic, Origin)> {
    let mut topics: Vec<(NewTopic, Origin)> = Vec::new();
    let mut pending: Option<Scripture> = None;
    for block in blocks {
        let (mut topic, origin) = match block {
            Block::Scripture(scripture) => {
                if let Some(earlier) = pending.take() {
                    topics.push((verse_topic(earlier), Origin::Paragraph));
                }
                match topics.last_mut() {
                    Some((previous, _)) if previous.scripture.is_none() => {
                        previous.scripture = Some(scripture);
                    }
                    _ => pending = Some(scripture),
                }
                continue;
            }
            Block::Passage(passage) => passage_topic(passage),
            Block::Topic(topic) => (topic, Origin::Explicit),
            Block::Heading { .. } => continue,
        };
        if let Some(scripture) = pending.take() {
            if topic.scripture.is_none() {
                topic.scripture = Some(scripture);
            } else {
                topics.push((verse_topic(scripture), Origin::Paragraph));
            }
        }
        topics.push((topic, origin));
    }
    if let Some(scripture) = pending {
        topics.push((verse_topic(scripture), Origin::Paragraph));
    }
    topics
}

fn passage_topic(passage: Passage) -> (NewTopic, Origin) {
    let body = passage.text();
    let title = topic_title(&body);
    let origin = if passage.bullet {
        Origin::Bullet
    } else {
        Origin::Paragraph
    };
    let topic = NewTopic {
        kind: kind_of(&title, &body),
        planned_minutes: planned_minutes(&body),
        title,
        scripture: passage.scripture,
        body,
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
    };
    (topic, origin)
}

/// A verse that stands alone becomes a topic titled by its reference.
fn verse_topic(scripture: Scripture) -> NewTopic {
    let title = match scripture.reference.as_str() {
        "" => topic_title(&scripture.text),
        reference => truncate_chars(reference, MAX_TITLE_CHARS),
    };
    NewTopic {
        kind: kind_of(&title, &scripture.text),
        planned_minutes: planned_minutes(&scripture.text),
        title,
        body: String::new(),
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
        scripture: Some(scripture),
    }
}

/// Paragraphs after the last bullet items of the guide are its closing words
/// (a benediction, a thank-you), not one more prayer point of the last region.
fn split_off_closing(sections: &mut Vec<(String, Vec<(NewTopic, Origin)>)>) {
    let Some((title, topics)) = sections.last_mut() else {
        return;
    };
    if is_closing(title) {
        return;
    }
    let Some(last_bullet) = topics.iter().rposition(|(_, o)| *o == Origin::Bullet) else {
        return;
    };
    let trailing = &topics[last_bullet + 1..];
    if trailing.is_empty() || trailing.iter().any(|(_, o)| *o != Origin::Paragraph) {
        return;
    }
    let closing = topics.split_off(last_bullet + 1);
    sections.push((CLOSING.to_string(), closing));
}
