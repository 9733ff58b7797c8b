//! Askama page structs: one per page, each rendering a file under `templates/`
//! that extends `base.html`. Handlers fill them with the current state, so every
//! page is complete before any script runs.
//!
//! By audience: the room's pages, the console's, accounts, authoring,
//! prayer requests, and the error page.

mod accounts;
mod console;
mod editor;
mod error;
mod requests;
mod room;

pub use accounts::*;
pub use console::*;
pub use editor::*;
pub use error::*;
pub use requests::*;
pub use room::*;
