//! The third pass of the importer: blocks gathered into sections of topics.
//! Words around the items are set apart first (`framing`): the paragraphs
//! before the first item are the introduction, a line under a heading that
//! describes its section is the description, and the thanks after the last
//! item are the closing words. Items before the first heading become an
//! "Opening" section (named in the guide's language), region lines under
//! "Regional Focus" become "Regional Focus | Latin America", each verse
//! goes to the topic it belongs with, and a story too graphic for the
//! projector is flagged sensitive.

use super::blocks::{Block, Passage};
use super::format::Framing;
use super::framing::{is_item, take_closing, take_description, take_introduction};
use super::language::Language;
use super::sensitive::{graphic_words, safe_summary};
use super::text::{char_len, truncate_chars};
use super::titles::{MAX_TITLE_CHARS, kind_of, phrase_title, planned_minutes, topic_title};
use crate::domain::agenda::{NewSection, NewTopic, Scripture};
use crate::domain::agenda_input::MAX_CLOSING;

/// The agenda's parts as the importer found them.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    pub scripture: Option<Scripture>,
    pub introduction: String,
    pub closing: String,
    pub sections: Vec<NewSection>,
}

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

/// A section being filled, its topics not yet made.
struct Draft {
    title: String,
    /// Under a heading of the guide, rather than invented.
    headed: bool,
    description: Vec<String>,
    blocks: Vec<Block>,
}

/// Splits `blocks` into the opening verse, the framing words and the sections.
pub(crate) fn assemble(mut blocks: Vec<Block>, language: Language) -> Assembled {
    let scripture = opening_verse(&blocks).and_then(|i| match blocks.remove(i) {
        Block::Scripture(scripture) => Some(scripture),
        _ => None,
    });
    let items_follow = blocks.iter().any(is_item);
    let mut introduction = Vec::new();
    let mut closing = Vec::new();
    // Labelled paragraphs ("Introduction: ...") say what they are.
    let mut unlabelled = Vec::new();
    for block in blocks {
        match block {
            Block::Framing(Framing::Introduction, text) => introduction.push(text),
            Block::Framing(Framing::Closing, text) => closing.push(text),
            other => unlabelled.push(other),
        }
    }
    let mut drafts = drafts(unlabelled, language, &mut introduction);
    if let Some(first) = drafts.first_mut().filter(|d| !d.headed) {
        introduction.extend(take_introduction(&mut first.blocks, items_follow));
    }
    for draft in drafts.iter_mut().filter(|d| d.headed) {
        draft
            .description
            .extend(take_description(&mut draft.blocks));
    }
    if let Some(last) = drafts.last_mut().filter(|d| !is_closing(&d.title)) {
        let mut words = take_closing(&mut last.blocks);
        let length: usize = words.iter().map(|w| char_len(w)).sum();
        if length > MAX_CLOSING {
            // Longer than a thank-you line (a blessing to pray together, say):
            // the room prays it as the last section instead.
            drafts.push(Draft {
                title: language.closing().to_string(),
                headed: true,
                description: Vec::new(),
                blocks: words.drain(..).map(paragraph_block).collect(),
            });
        }
        closing.splice(0..0, words);
    }
    // An invented section left with nothing in it is no section at all.
    drafts.retain(|d| d.headed || !d.blocks.is_empty());

    let sections = drafts
        .into_iter()
        .map(|draft| NewSection {
            topics: topics(draft.blocks, language),
            title: draft.title,
            description: draft.description.join("\n\n"),
        })
        .collect();
    Assembled {
        scripture,
        introduction: introduction.join("\n\n"),
        closing: closing.join("\n\n"),
        sections,
    }
}

/// Where the opening verse is: a verse before anything else, or the first
/// verse among the introductory text before the first heading or item (an
/// e-mail often greets its readers first).
fn opening_verse(blocks: &[Block]) -> Option<usize> {
    let is_verse = |b: &Block| matches!(b, Block::Scripture(_));
    if blocks.first().is_some_and(is_verse) {
        return Some(0);
    }
    // A guide without headings opens with its verse before the first item.
    let first_heading = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }) || is_item(b))?;
    blocks[..first_heading].iter().position(is_verse)
}

/// Closing words given back as a paragraph to pray over.
fn paragraph_block(text: String) -> Block {
    Block::Passage(Passage {
        lines: vec![text],
        bullet: false,
        scripture: None,
    })
}

/// Blocks grouped under their headings. A labelled description goes to the
/// section it stands in (before any heading, to the introduction).
fn drafts(blocks: Vec<Block>, language: Language, introduction: &mut Vec<String>) -> Vec<Draft> {
    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let default_title = if has_headings {
        language.opening()
    } else {
        language.unsectioned()
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut group: Option<String> = None;
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        let Block::Heading { text, markdown } = block else {
            if let Block::Framing(_, text) = block {
                match drafts.last_mut() {
                    Some(draft) if draft.headed => draft.description.push(text),
                    _ => introduction.push(text),
                }
                continue;
            }
            if drafts.is_empty() {
                drafts.push(Draft {
                    title: default_title.to_string(),
                    headed: false,
                    description: Vec::new(),
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
        let (title, description) = split_long_heading(title);
        drafts.push(Draft {
            title,
            headed: true,
            description: description.into_iter().collect(),
            blocks: Vec::new(),
        });
    }
    drafts
}

/// A heading too long for a section title keeps its words whole: its
/// trailing qualifier, "(Also Called ...)", or failing that the whole
/// heading, becomes the section's description.
fn split_long_heading(heading: String) -> (String, Option<String>) {
    if char_len(&heading) <= MAX_TITLE_CHARS {
        return (heading, None);
    }
    if let Some(open) = heading.rfind(" (")
        && heading.ends_with(')')
        && char_len(&heading[..open]) <= MAX_TITLE_CHARS
    {
        let qualifier = heading[open + 1..].to_string();
        return (heading[..open].to_string(), Some(qualifier));
    }
    (truncate_chars(&heading, MAX_TITLE_CHARS), Some(heading))
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
fn topics(blocks: Vec<Block>, language: Language) -> Vec<NewTopic> {
    let mut topics: Vec<NewTopic> = Vec::new();
    let mut pending: Option<Scripture> = None;
    for block in blocks {
        let mut topic = match block {
            Block::Scripture(scripture) => {
                if let Some(earlier) = pending.take() {
                    topics.push(verse_topic(earlier));
                }
                match topics.last_mut() {
                    Some(previous) if previous.scripture.is_none() => {
                        previous.scripture = Some(scripture);
                    }
                    _ => pending = Some(scripture),
                }
                continue;
            }
            Block::Passage(passage) => passage_topic(passage, language),
            Block::Topic(topic) => topic,
            Block::Heading { .. } | Block::Framing(..) => continue,
        };
        if let Some(scripture) = pending.take() {
            if topic.scripture.is_none() {
                topic.scripture = Some(scripture);
            } else {
                topics.push(verse_topic(scripture));
            }
        }
        topics.push(topic);
    }
    if let Some(scripture) = pending {
        topics.push(verse_topic(scripture));
    }
    topics
}

/// A bullet item or paragraph made a topic. A story too graphic for the
/// projector is flagged sensitive, with a summary of what it asks, and
/// titled by what the room prays for rather than by what happened.
fn passage_topic(passage: Passage, language: Language) -> NewTopic {
    let body = passage.text();
    let mut title = topic_title(&body);
    let why = graphic_words(&body);
    let safe_summary = match &why {
        Some(_) => safe_summary(&body, language),
        None => String::new(),
    };
    if why.is_some() && graphic_words(&title).is_some() {
        title = [phrase_title(&body), topic_title(&safe_summary)]
            .into_iter()
            .find(|t| graphic_words(t).is_none())
            .unwrap_or_else(|| topic_title(language.safe_summary()));
    }
    NewTopic {
        kind: kind_of(&title, &body),
        planned_minutes: planned_minutes(&body),
        title,
        scripture: passage.scripture,
        body,
        notes: String::new(),
        sensitive: why.is_some(),
        safe_summary,
    }
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
