//! Moving agendas in and out: prayer guides (a handout, an e-mail, a web page
//! pasted as text, a Markdown file) imported as agendas, and agendas exported
//! as Markdown or JSON.
//!
//! `import::parse_guide` recognises the shapes real guides come in, in
//! English, Spanish, Portuguese and French: a title line (or an event named
//! in the first sentence), an opening verse with an attribution line
//! (`— Isaiah 51: 14-15`, `— Salmo 82:3`), section headings (`Pray for |
//! Forced Labor Slavery`, `Regional Focus`, a short line such as `Asia del
//! Sur`, Markdown `#`/`##`), topics as bullet items or paragraphs, and the
//! words around them: the introduction, section descriptions and closing
//! words. It flags stories of sexual violence sensitive. It never loses a
//! line of text: anything it cannot place as structure ends up in a
//! topic's body, save the header of a forwarded e-mail (`From:`,
//! `Subject:` ...), which is set aside (`Imported::set_aside`, shown in the
//! preview) and whose subject names a guide that has no title of its own. `tests/corpus/` holds invented guides of every shape with
//! the structure expected of each, and a test scores the importer on them.
//!
//! # The Markdown shape
//!
//! `export::to_markdown` writes, and `parse_guide` reads back exactly:
//!
//! ```text
//! # Evening of Prayer for Justice
//!
//! > He has shown you, O man, what is good.
//! > — Micah 6:8
//!
//! Introduction: Welcome. Tonight we pray for people held in forced labour.
//!
//! Closing words: Thank you for praying with us.
//!
//! ## Pray for | Forced Labour Slavery
//!
//! Description: Our partners work in brick kilns and on fishing boats.
//!
//! ### People held in forced labour
//!
//! > Which executeth judgment for the oppressed.
//! > — Psalm 146:7
//!
//! Men, women and children work in fields and factories without pay.
//!
//! Pray for labour inspectors and police to act with courage.
//!
//! Facilitator notes: Invite short prayers aloud.
//!
//! Projector summary: Pray for workers to walk free.
//!
//! *Pray · 4 min · sensitive*
//! ```
//!
//! - `#` the agenda's title; a `>` quotation straight after it, ending in a
//!   `> — Reference` line, is the opening verse; `Introduction:` and
//!   `Closing words:` paragraphs are the gathering's introduction and its
//!   thank-you line.
//! - `##` a section, its `Description:` paragraphs its description; `###` a
//!   topic, taken exactly as written: its verse (a
//!   `>` quotation first), body paragraphs (line breaks kept), then
//!   `Facilitator notes:` paragraphs (private to the facilitator),
//!   `Projector summary:` paragraphs (what the projector shows instead of a
//!   sensitive body) and the topic line `*Pray · 3 min*` or
//!   `*Praise · 2 min · sensitive*`: kind, planned minutes and whether it is
//!   sensitive. Without a topic line the kind and minutes are guessed, and a
//!   projector summary makes the topic sensitive.
//! - A body line that would read as structure (starting with `#`, `>` or
//!   `\`, a topic line, a notes, summary or framing label, or a line that says
//!   nothing such as `---` or a bare `a.`) is written with a leading `\`,
//!   which the importer removes; so is a line of a verse that would read as
//!   its `— Reference` line.
//!
//! An agenda with a main language and translations starts with a
//! `<!-- language: en -->` line and has each translation after it as a whole
//! guide of the same shape, after a `<!-- translation: es -->` line (see
//! `translate`): its sections and topics pair with the original's by order.
//! `import::read_agenda` also reads a JSON export (text starting with `{`).
//!
//! Round trip: for every agenda the importer produces (from the fixtures, and
//! from arbitrary input in the property tests) and for the demo agenda,
//! `parse_guide(&to_markdown(&a), None)` gives `a` back; `from_json(&to_json(&a))`
//! does for any agenda. A hand-made agenda with text the importer would
//! never produce (a title over 80 characters, blank lines inside a verse)
//! may come back tidied.

pub mod export;
pub mod import;
pub mod preview;

mod blocks;
mod books;
mod event_title;
mod format;
mod forwarded;
mod framing;
mod headings;
mod language;
mod lead_ins;
mod lines;
mod scripture;
mod sections;
mod sensitive;
mod text;
mod titles;
pub mod translate;

#[cfg(test)]
mod tests;

pub use export::{to_json, to_markdown};
pub use import::{
    ImportError, Imported, MAX_IMPORT_BYTES, decode, from_json, normalise_reference, parse_guide,
    read_agenda,
};
