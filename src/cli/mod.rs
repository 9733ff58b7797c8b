//! What the `intercede` command does besides serving, shared by its
//! subcommands: opening the database and saying why it could not.

pub mod accounts;

use crate::config::Settings;
use crate::i18n::{Message, Tr};
use crate::store::Store;
use std::process::ExitCode;

/// The settings' database, or the reason it could not be opened (printed on
/// standard error) and the exit code to end with.
pub async fn open_store(t: &Tr, settings: &Settings) -> Result<Store, ExitCode> {
    Store::open(&settings.database).await.map_err(|error| {
        eprintln!(
            "{}",
            t.say(
                &Message::new("cli-could-not-open")
                    .text("database", settings.database.to_string())
                    .text("error", crate::error::error_chain(&error))
            )
        );
        ExitCode::FAILURE
    })
}
