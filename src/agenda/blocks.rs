//! The second pass of the importer: classified lines grouped into blocks.
//! A block is a heading, a passage (a bullet item with its continuation lines,
//! or a paragraph), a verse with its attribution, or a whole `###` topic.

use super::format::{Framing, explicit_topic, framing_paragraph};
use super::headings::{is_title_case, looks_like_heading, unwrap_emphasis};
use super::language::{opens_as_greeting, opens_as_item};
use super::lines::{Kind, Line};
use super::text::{QUOTE_MARKS, char_len, ends_sentence, starts_with_quote, strip_outer_quotes};
use super::titles::{MAX_TITLE_CHARS, starts_with_prayer};
use crate::domain::agenda::{NewTopic, Scripture};
use crate::domain::agenda_input::MAX_SCRIPTURE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A section heading; `markdown` if written with `#`, else a plain line.
    Heading {
        text: String,
        markdown: bool,
    },
    Passage(Passage),
    /// A verse standing on its own, not yet given to a topic.
    Scripture(Scripture),
    /// A topic written out under a `###` heading.
    Topic(NewTopic),
    /// A labelled paragraph around the topics: "Introduction: ...".
    Framing(Framing, String),
}

/// A bullet item or a paragraph: one future topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Passage {
    /// The lines as written (bullet marker removed). A line that starts with
    /// "\n" stays on a line of its own: a sub-item ("\n- text") indented
    /// under a bullet, or a line of a `>` quotation.
    pub lines: Vec<String>,
    pub bullet: bool,
    pub scripture: Option<Scripture>,
}

impl Passage {
    /// The passage as one paragraph: lines joined by spaces, since pasted
    /// guides wrap lines wherever their e-mail or PDF did, but sub-items
    /// kept on lines of their own.
    pub(crate) fn text(&self) -> String {
        join_lines(&self.lines)
    }
}

fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        let own_line = line.strip_prefix('\n');
        if !text.is_empty() {
            text.push(if own_line.is_some() { '\n' } else { ' ' });
        }
        text.push_str(own_line.unwrap_or(line));
    }
    text
}

/// The guide's own title: a `# Heading` or a short first line that does not
/// read as a sentence or a section heading. Returns it and the index of the
/// line after it.
pub(crate) fn detect_title(lines: &[Line]) -> Option<(String, usize)> {
    let first = lines.iter().position(|l| !l.is_blank())?;
    let line = &lines[first];
    match &line.kind {
        Kind::Heading { level: 1, text } => Some((text.clone(), first + 1)),
        Kind::Text if !line.quoted => {
            let text = unwrap_emphasis(&line.text);
            let next_allows = lines.get(first + 1).is_none_or(|next| match next.kind {
                Kind::Blank | Kind::Heading { .. } | Kind::Bullet { .. } => true,
                Kind::Attribution { .. } => false,
                Kind::Text => next.quoted || starts_with_quote(&next.text) || is_title_case(text),
            });
            let is_title = next_allows
                && char_len(text) <= MAX_TITLE_CHARS
                && !text.ends_with(['.', ',', ';', ':'])
                && !starts_with_quote(text)
                && !opens_as_greeting(text)
                && !names_a_prayer_section(text);
            is_title.then(|| (text.to_string(), first + 1))
        }
        _ => None,
    }
}

/// "Pray for | Forced Labor Slavery" opens a section, not the guide.
fn names_a_prayer_section(text: &str) -> bool {
    text.split_once('|')
        .is_some_and(|(head, _)| starts_with_prayer(head))
}

/// Groups `lines` into blocks.
pub(crate) fn blocks(lines: &[Line]) -> Vec<Block> {
    let last_content = lines.iter().rposition(|l| !l.is_blank());
    let mut builder = Builder::default();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let after_heading = builder.after_heading();
        match &line.kind {
            Kind::Blank => builder.close(),
            Kind::Heading { level, text } if *level >= 3 => {
                builder.close();
                let body_start = i + 1;
                let end = lines[body_start..]
                    .iter()
                    .position(|l| matches!(l.kind, Kind::Heading { .. }))
                    .map_or(lines.len(), |p| body_start + p);
                let topic = explicit_topic(text, &lines[body_start..end]);
                builder.blocks.push(Block::Topic(topic));
                i = end;
                continue;
            }
            Kind::Heading { text, .. } => builder.heading(text.clone(), true),
            Kind::Attribution { reference } => builder.attribution(reference.clone()),
            Kind::Bullet { text } => match &mut builder.open {
                Some(open) if open.passage.bullet && line.indent > open.indent => {
                    open.passage.lines.push(format!("\n- {text}"));
                }
                _ => {
                    builder.close();
                    builder.open(text, true, false, line.indent);
                }
            },
            Kind::Text if builder.open.is_none() && !line.quoted => {
                let end = lines[i..]
                    .iter()
                    .position(|l| matches!(l.kind, Kind::Blank | Kind::Heading { .. }))
                    .map_or(lines.len(), |p| i + p);
                if let Some((framing, text)) = framing_paragraph(&lines[i..end]) {
                    builder.close();
                    builder.blocks.push(Block::Framing(framing, text));
                    i = end;
                    continue;
                }
                builder.plain_text(lines, i, last_content, after_heading);
            }
            Kind::Text => builder.plain_text(lines, i, last_content, after_heading),
        }
        i += 1;
    }
    builder.close();
    builder.blocks
}

/// Whether the plain line at `index` is a section heading: it looks like one,
/// starts afresh (after a blank line or a finished sentence), and is followed
/// by what a heading introduces. A lone heading-like line at the very end is
/// a heading only among other headings ("Amen" after a paragraph is not).
fn is_plain_heading(lines: &[Line], index: usize, more_follows: bool, after_heading: bool) -> bool {
    let line = &lines[index];
    if !looks_like_heading(&line.text) {
        return false;
    }
    let starts_afresh = after_heading
        || index
            .checked_sub(1)
            .map(|p| &lines[p])
            .is_none_or(|prev| match prev.kind {
                Kind::Blank | Kind::Heading { .. } | Kind::Attribution { .. } => true,
                Kind::Bullet { .. } | Kind::Text => ends_sentence(&prev.text),
            });
    if !starts_afresh {
        return false;
    }
    match lines.get(index + 1) {
        None => line.text.contains('|') || after_heading,
        Some(next) => match next.kind {
            Kind::Blank => more_follows || line.text.contains('|') || after_heading,
            Kind::Bullet { .. } | Kind::Heading { .. } => true,
            Kind::Attribution { .. } => false,
            Kind::Text => {
                !next.quoted
                    && next.text.starts_with(|c: char| {
                        c.is_uppercase() || c.is_ascii_digit() || QUOTE_MARKS.contains(&c)
                    })
            }
        },
    }
}

/// Where the passage being read stands.
struct Open {
    passage: Passage,
    quoted: bool,
    /// The indentation of the bullet, below which a bullet is a sub-item.
    indent: usize,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    open: Option<Open>,
}

impl Builder {
    /// A plain line: a section heading, or text of the passage being read.
    fn plain_text(
        &mut self,
        lines: &[Line],
        i: usize,
        last_content: Option<usize>,
        after_heading: bool,
    ) {
        let line = &lines[i];
        let more_follows = last_content.is_some_and(|last| last > i);
        let heading = !line.quoted && is_plain_heading(lines, i, more_follows, after_heading);
        if heading {
            self.heading(unwrap_emphasis(&line.text).to_string(), false);
        } else {
            self.text(&line.text, line.quoted);
        }
    }

    fn open(&mut self, text: &str, bullet: bool, quoted: bool, indent: usize) {
        let passage = Passage {
            lines: vec![text.to_string()],
            bullet,
            scripture: None,
        };
        self.open = Some(Open {
            passage,
            quoted,
            indent,
        });
    }

    fn close(&mut self) {
        let Some(Open { passage, .. }) = self.open.take() else {
            return;
        };
        match passage.scripture {
            Some(scripture) if passage.lines.is_empty() => {
                self.blocks.push(Block::Scripture(scripture))
            }
            _ if passage.lines.is_empty() => {}
            _ => self.blocks.push(Block::Passage(passage)),
        }
    }

    fn after_heading(&self) -> bool {
        self.open.is_none() && matches!(self.blocks.last(), Some(Block::Heading { .. }))
    }

    fn heading(&mut self, text: String, markdown: bool) {
        self.close();
        self.blocks.push(Block::Heading { text, markdown });
    }

    fn text(&mut self, text: &str, quoted: bool) {
        match &mut self.open {
            // A `>` quotation is written line by line (a verse, a poem): its
            // line breaks are kept, where a plain paragraph's are not.
            Some(open) if open.quoted && quoted => open.passage.lines.push(format!("\n{text}")),
            // A web page pasted as text puts each item on a line of its own,
            // without a bullet: a line that asks for prayer after a finished
            // sentence starts the next item.
            Some(open)
                if !quoted
                    && !open.quoted
                    && !open.passage.bullet
                    && open.passage.lines.last().is_some_and(|l| ends_sentence(l))
                    && opens_as_item(text) =>
            {
                self.close();
                self.open(text, false, quoted, 0);
            }
            Some(open) if open.quoted == quoted => open.passage.lines.push(text.to_string()),
            _ => {
                self.close();
                self.open(text, false, quoted, 0);
            }
        }
    }

    /// An attribution gives its verse to the passage it ends: the quoted lines
    /// at its end, or all of it if it is a verse itself. After a blank line
    /// it ends the passage before the blank.
    fn attribution(&mut self, reference: String) {
        if self.open.is_none()
            && let Some(Block::Passage(previous)) = self.blocks.last()
            && previous.scripture.is_none()
            && let Some(Block::Passage(passage)) = self.blocks.pop()
        {
            self.open = Some(Open {
                passage,
                quoted: false,
                indent: 0,
            });
        }
        let Some(open) = self.open.take() else {
            let text = String::new();
            self.blocks
                .push(Block::Scripture(Scripture { text, reference }));
            return;
        };
        if open.passage.scripture.is_some() {
            self.blocks.push(Block::Passage(open.passage));
            let text = String::new();
            self.blocks
                .push(Block::Scripture(Scripture { text, reference }));
            return;
        }
        let Passage { lines, bullet, .. } = open.passage;
        let (mut rest, verse) = split_verse(lines, bullet, open.quoted);
        let mut text = strip_outer_quotes(&join_lines(&verse)).to_string();
        if char_len(&text) > MAX_SCRIPTURE {
            // Longer than the agenda editor accepts for a verse: more likely a
            // passage that cites its source, so it stays text.
            rest.extend(verse);
            text.clear();
        }
        let passage = Passage {
            lines: rest,
            bullet,
            scripture: Some(Scripture { text, reference }),
        };
        // Left open: lines straight after the attribution still belong here.
        self.open = Some(Open {
            passage,
            quoted: false,
            indent: open.indent,
        });
    }
}

/// Splits a passage ended by an attribution into what stays and the verse.
/// The verse is the run of lines from the first one that opens a quotation
/// (at the start of a sentence); failing that, a `>` quotation or a paragraph
/// that does not ask for prayer is all verse, and a bullet or a "Pray that..."
/// paragraph keeps its text and gets the reference alone.
fn split_verse(lines: Vec<String>, bullet: bool, quoted: bool) -> (Vec<String>, Vec<String>) {
    if quoted {
        return (Vec::new(), lines);
    }
    let start = (0..lines.len())
        .find(|&i| starts_with_quote(&lines[i]) && (i == 0 || ends_sentence(&lines[i - 1])));
    match start {
        Some(start) => {
            let mut rest = lines;
            let verse = rest.split_off(start);
            (rest, verse)
        }
        None if bullet || lines.first().is_some_and(|l| starts_with_prayer(l)) => {
            (lines, Vec::new())
        }
        None => (Vec::new(), lines),
    }
}
