//! Moving agendas in and out: prayer guides (a handout, an e-mail, a web page
//! pasted as text, a Markdown file) imported as agendas, and agendas exported
//! as Markdown or JSON.
//!
//! `import::parse_guide` recognises the shapes real guides come in: a title
//! line, an opening verse with an attribution line (`— Isaiah 51: 14-15`),
//! section headings (`Pray for | Forced Labor Slavery`, `Regional Focus`, a
//! short line such as `South Asia`, Markdown `#`/`##`), and topics as bullet
//! items or paragraphs. It never loses a line of text: anything it cannot
//! place as structure ends up in a topic's body.
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
//! ## Pray for | Forced Labour Slavery
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
//!   `> — Reference` line, is the opening verse.
//! - `##` a section; `###` a topic, taken exactly as written: its verse (a
//!   `>` quotation first), body paragraphs (line breaks kept), then
//!   `Facilitator notes:` paragraphs (private to the facilitator),
//!   `Projector summary:` paragraphs (what the projector shows instead of a
//!   sensitive body) and the topic line `*Pray · 3 min*` or
//!   `*Praise · 2 min · sensitive*`: kind, planned minutes and whether it is
//!   sensitive. Without a topic line the kind and minutes are guessed, and a
//!   projector summary makes the topic sensitive.
//! - A body line that would read as structure (starting with `#`, `>` or
//!   `\`, a topic line, a notes or summary label, or a line that says
//!   nothing such as `---` or a bare `a.`) is written with a leading `\`,
//!   which the importer removes; so is a line of a verse that would read as
//!   its `— Reference` line.
//!
//! Round trip: for every agenda the importer produces (from the fixtures, and
//! from arbitrary input in the property tests) and for the demo agenda,
//! `parse_guide(&to_markdown(&a), None)` gives `a` back; `from_json(&to_json(&a))`
//! does for any agenda. A hand-made agenda with text the importer would
//! never produce (a title over 80 characters, blank lines inside a verse)
//! may come back tidied.

pub mod export;
pub mod import;

mod blocks;
mod format;
mod headings;
mod lines;
mod scripture;
mod sections;
mod text;
mod titles;

#[cfg(test)]
mod tests;

pub use export::{to_json, to_markdown};
pub use import::{
    ImportError, Imported, MAX_IMPORT_BYTES, decode, from_json, normalise_reference, parse_guide,
};
