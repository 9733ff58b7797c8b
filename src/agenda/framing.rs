//! The words around the prayer items: a guide's introduction ("At last
//! night's gathering we heard..."), a line describing a section ("Our East
//! Africa office serves Kenya, Uganda and Tanzania.") and its closing words
//! ("Thank you for praying with us."). None of them is a topic: the room
//! does not pray over them for three minutes. They are found among the
//! blocks of each section before its topics are made.

use super::blocks::{Block, Passage};
use super::language::{opens_as_closing, opens_as_item};
use super::sensitive::graphic_words;

/// Whether a block is a prayer item: a bullet, a `###` topic, or a
/// paragraph that asks the room to pray or give thanks.
pub(crate) fn is_item(block: &Block) -> bool {
    match block {
        Block::Topic(_) => true,
        Block::Passage(passage) => passage.bullet || opens_as_item(&passage.text()),
        _ => false,
    }
}

/// A plain paragraph that is not an item: no bullet, no verse of its own,
/// no quoted lines, and it does not ask for prayer. A story too graphic for
/// the projector is never one: the welcome screen would show it whole, where
/// as a topic it is flagged sensitive.
fn plain_words(block: &Block) -> Option<&Passage> {
    match block {
        Block::Passage(p)
            if !p.bullet
                && p.scripture.is_none()
                && !p.lines.iter().any(|l| l.starts_with('\n'))
                && !opens_as_item(&p.text())
                && graphic_words(&p.text()).is_none() =>
        {
            Some(p)
        }
        _ => None,
    }
}

/// Takes the introduction from the blocks before the first heading: the
/// paragraphs before the first item. Nothing is taken unless an item
/// follows somewhere in the guide (`items_follow`), so a guide written only
/// in paragraphs keeps them as topics.
pub(crate) fn take_introduction(blocks: &mut Vec<Block>, items_follow: bool) -> Vec<String> {
    if !items_follow {
        return Vec::new();
    }
    let count = blocks
        .iter()
        .take_while(|b| plain_words(b).is_some())
        .count();
    blocks.drain(..count).map(|b| passage_text(&b)).collect()
}

/// Takes a section's description: its first paragraph, when it does not ask
/// for prayer and bullet items follow it.
pub(crate) fn take_description(blocks: &mut Vec<Block>) -> Option<String> {
    let describes = blocks.first().is_some_and(|b| plain_words(b).is_some())
        && matches!(blocks.get(1), Some(Block::Passage(p)) if p.bullet);
    describes.then(|| passage_text(&blocks.remove(0)))
}

/// Takes the closing words from the end of the last section: the paragraphs
/// after its last bullet item when none of them asks for prayer, or else a
/// run of paragraphs at the very end that thank the reader or sign off
/// ("Thank you for praying with us", "With gratitude, ...").
pub(crate) fn take_closing(blocks: &mut Vec<Block>) -> Vec<String> {
    let trailing = blocks
        .iter()
        .rev()
        .take_while(|b| plain_words(b).is_some())
        .count();
    let start = blocks.len() - trailing;
    let after_bullets = start > 0
        && blocks[..start]
            .iter()
            .any(|b| matches!(b, Block::Passage(p) if p.bullet))
        && matches!(&blocks[start - 1], Block::Passage(p) if p.bullet);
    let from = if after_bullets {
        start
    } else {
        let run = blocks[start..]
            .iter()
            .rev()
            .take_while(|b| plain_words(b).is_some_and(|p| opens_as_closing(&p.text())))
            .count();
        blocks.len() - run
    };
    blocks.drain(from..).map(|b| passage_text(&b)).collect()
}

fn passage_text(block: &Block) -> String {
    match block {
        Block::Passage(p) => p.text(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::agenda::parse_guide;

    #[test]
    fn a_graphic_story_is_never_the_introduction() {
        let text = "Evening\n\nShe was raped at twelve and sold twice.\n\n• Pray for her healing.";
        let agenda = parse_guide(text, None).unwrap().agenda;
        assert_eq!(agenda.introduction, "");
        assert!(agenda.sections[0].topics[0].sensitive);
    }
}
