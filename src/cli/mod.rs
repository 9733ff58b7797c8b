//! The `intercede` command: its flags and subcommands, one module each, and
//! what they share (opening the database and saying why it could not).

pub mod accounts;
pub mod export;
pub mod import;
pub mod report;
pub mod serve;

use crate::config::Settings;
use crate::i18n::{self, Message, Tr};
use crate::store::Store;
use accounts::AccountsCommand;
use clap::{Parser, Subcommand};
use export::ExportFormat;
use report::ReportFormat;
use std::path::PathBuf;
use std::process::ExitCode;

/// Intercede: a live prayer-gathering server. The facilitator steps through the
/// topics from a console; phones and the projector follow live.
#[derive(Parser)]
#[command(name = "intercede", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub settings: Settings,
    /// The language of what the commands print (en, es, pt, fr, sw);
    /// otherwise LC_ALL, LC_MESSAGES or LANG, else English.
    #[arg(long, global = true, value_name = "LANGUAGE")]
    pub lang: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Import a prayer guide (.txt or .md) as a new draft gathering and print
    /// what was recognised.
    Import {
        /// The guide's file.
        file: PathBuf,
        /// The gathering's title (otherwise taken from the guide).
        #[arg(long)]
        title: Option<String>,
        /// The account it belongs to (otherwise the owner's).
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
    },
    /// Print what a gathering prayed for: counts and times per topic, and totals.
    Report {
        /// The gathering's join code.
        code: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Print a gathering's agenda as Markdown or JSON.
    Export {
        /// The gathering's join code.
        code: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
    },
    /// Manage facilitator accounts: list, invite, reset, disable, enable.
    Accounts {
        #[command(subcommand)]
        command: AccountsCommand,
    },
}

/// Runs what the command line asked for (serving when it asked for nothing).
pub async fn run(cli: Cli) -> ExitCode {
    let t = i18n::for_terminal(cli.lang.as_deref(), |name| std::env::var(name).ok());
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve::run(cli.settings).await,
        Command::Import {
            file,
            title,
            account,
        } => {
            import::run(
                &t,
                &cli.settings,
                &file,
                title.as_deref(),
                account.as_deref(),
            )
            .await
        }
        Command::Export { code, format } => export::run(&t, &cli.settings, &code, format).await,
        Command::Report { code, format } => report::run(&t, &cli.settings, &code, format).await,
        Command::Accounts { command } => accounts::run(&t, &cli.settings, command).await,
    }
}

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
