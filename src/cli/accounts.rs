//! `intercede accounts`: the owner manages facilitator accounts from the
//! terminal. Lists them, prints one-time links (to make an account, or to set
//! a new password), and disables or enables an account. A disabled account's
//! sessions are deleted here; a running server closes their open consoles at
//! its next session sweep (every few seconds), whichever process it is.

use super::open_store;
use crate::app::invitations::{self, NewInvitation};
use crate::config::Settings;
use crate::domain::MeetingZone;
use crate::i18n::{Message, Tr};
use crate::store::{ListedAccount, Store};
use clap::Subcommand;
use qrcode::QrCode;
use qrcode::render::unicode::Dense1x2;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AccountsCommand {
    /// Every account: owner or facilitator, enabled, disabled or pending (no
    /// password yet), how many gatherings it owns, and when it was made.
    List,
    /// Print a one-time link with which a new facilitator chooses a name and
    /// a password.
    Invite,
    /// Print a one-time link that sets a new password for this account (the
    /// owner's too).
    Reset {
        /// The account's name (any case).
        name: String,
    },
    /// Stop this account signing in and end its sessions; its open consoles
    /// close within seconds on a running server. The owner cannot be disabled.
    Disable {
        /// The account's name (any case).
        name: String,
    },
    /// Let a disabled account sign in again.
    Enable {
        /// The account's name (any case).
        name: String,
    },
}

/// Runs one `accounts` command; what it prints is in `t`'s language.
pub async fn run(t: &Tr, settings: &Settings, command: AccountsCommand) -> ExitCode {
    let store = match open_store(t, settings).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let outcome = match command {
        AccountsCommand::List => list(t, &store).await,
        AccountsCommand::Invite => invite(t, settings, &store).await,
        AccountsCommand::Reset { name } => reset(t, settings, &store, &name).await,
        AccountsCommand::Disable { name } => disable(t, &store, &name).await,
        AccountsCommand::Enable { name } => enable(t, &store, &name).await,
    };
    store.close().await;
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(refusal) => refusal.print(t),
    }
}

/// Why a command did nothing.
pub enum Refusal {
    /// Something asked for that cannot be done, told as it is.
    Said(Message),
    /// The database failed; the error's chain.
    Failed(String),
}

impl Refusal {
    /// Says why on standard error; returns the exit code to end with.
    pub fn print(&self, t: &Tr) -> ExitCode {
        let message = match self {
            Refusal::Said(message) => message.clone(),
            Refusal::Failed(error) => Message::new("cli-could-not-accounts").text("error", error),
        };
        eprintln!("{}", t.say(&message));
        ExitCode::FAILURE
    }
}

impl From<sqlx::Error> for Refusal {
    fn from(error: sqlx::Error) -> Self {
        Refusal::Failed(crate::error::error_chain(&error))
    }
}

impl From<crate::error::AppError> for Refusal {
    fn from(error: crate::error::AppError) -> Self {
        Refusal::Failed(crate::error::error_chain(&error))
    }
}

/// The account with this name (any case), or the refusal naming it.
pub async fn named(store: &Store, name: &str) -> Result<ListedAccount, Refusal> {
    store
        .account_named(name)
        .await?
        .ok_or_else(|| Refusal::Said(no_account(name)))
}

fn no_account(name: &str) -> Message {
    Message::new("cli-no-account").text("name", name.trim())
}

async fn list(t: &Tr, store: &Store) -> Result<(), Refusal> {
    let accounts = store.accounts().await?;
    if accounts.is_empty() {
        println!("{}", t.get("cli-no-accounts"));
        return Ok(());
    }
    let zone = MeetingZone::utc();
    let rows: Vec<[String; 5]> = accounts
        .iter()
        .map(|listed| {
            let role = if listed.account.is_owner {
                "cli-role-owner"
            } else {
                "cli-role-facilitator"
            };
            let state = if listed.disabled {
                "cli-state-disabled"
            } else if !listed.has_password {
                "cli-state-pending"
            } else {
                "cli-state-enabled"
            };
            [
                listed.account.name.clone(),
                t.get(role),
                t.get(state),
                t.count("cli-account-gatherings", listed.gatherings),
                t.text(
                    "cli-account-created",
                    "date",
                    &t.date(&zone, listed.created_at),
                ),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..5)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            let pad = width - cell.chars().count();
            line.push_str(cell);
            line.push_str(&" ".repeat(pad + 3));
        }
        println!("{}", line.trim_end());
    }
    Ok(())
}

async fn invite(t: &Tr, settings: &Settings, store: &Store) -> Result<(), Refusal> {
    let invitation = invitations::invite(store, None, None).await?;
    tracing::info!("invitation for a new account made from the command line");
    let heading = Message::new("cli-invite").text("expires", expiry(t, &invitation));
    print_link(t, settings, &heading, &invitation);
    Ok(())
}

async fn reset(t: &Tr, settings: &Settings, store: &Store, name: &str) -> Result<(), Refusal> {
    let listed = named(store, name).await?;
    if listed.disabled {
        return Err(Refusal::Said(
            Message::new("cli-reset-disabled").text("name", &listed.account.name),
        ));
    }
    let invitation = invitations::invite(store, Some(listed.account.id), None).await?;
    tracing::info!(
        account = listed.account.id,
        "new-password link made from the command line"
    );
    let heading = Message::new("cli-reset")
        .text("name", &listed.account.name)
        .text("expires", expiry(t, &invitation));
    print_link(t, settings, &heading, &invitation);
    Ok(())
}

async fn disable(t: &Tr, store: &Store, name: &str) -> Result<(), Refusal> {
    let listed = named(store, name).await?;
    if listed.account.is_owner {
        return Err(Refusal::Said(
            Message::new("cli-owner-not-disabled").text("name", &listed.account.name),
        ));
    }
    let Some(ended) = store.disable_account(listed.account.id).await? else {
        // Gone (or made the owner) since it was read.
        return Err(Refusal::Said(no_account(name)));
    };
    tracing::info!(
        account = listed.account.id,
        sessions = ended.sessions.len(),
        moderator_links = ended.moderator_links.len(),
        "account disabled from the command line"
    );
    let done = Message::new("cli-disabled").text("name", &listed.account.name);
    println!("{}", t.say(&done));
    Ok(())
}

async fn enable(t: &Tr, store: &Store, name: &str) -> Result<(), Refusal> {
    let listed = named(store, name).await?;
    if !store.enable_account(listed.account.id).await? {
        return Err(Refusal::Said(no_account(name)));
    }
    tracing::info!(
        account = listed.account.id,
        "account enabled from the command line"
    );
    let done = Message::new("cli-enabled").text("name", &listed.account.name);
    println!("{}", t.say(&done));
    Ok(())
}

/// When a link stops working, in UTC (said as such).
fn expiry(t: &Tr, invitation: &NewInvitation) -> String {
    t.date_time(&MeetingZone::utc(), invitation.expires_at)
}

/// The address links start with: `--public-url` when given, else this
/// machine's own address on the configured port (and whether it is that).
pub fn link_base(settings: &Settings) -> (String, bool) {
    match &settings.public_url {
        Some(url) => (url.trim_end_matches('/').to_string(), false),
        None => (format!("http://localhost:{}", settings.port), true),
    }
}

/// Prints a heading, the link, the link as a QR code, and where its address
/// comes from.
fn print_link(t: &Tr, settings: &Settings, heading: &Message, invitation: &NewInvitation) {
    let (base, local) = link_base(settings);
    let url = invitation.url(&base);
    println!("{}", t.say(heading));
    println!();
    println!("  {url}");
    println!();
    if let Some(drawn) = qr_code(&url) {
        println!("{drawn}");
        println!();
    }
    let key = if local {
        "cli-link-local"
    } else {
        "cli-link-public"
    };
    println!("{}", t.text(key, "base", &base));
}

/// The link as a QR code in text, two modules a character, light on dark as
/// most terminals are (phone cameras read either way round).
fn qr_code(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_is_drawn_in_block_characters() {
        let drawn = qr_code("http://localhost:8080/invite/0123456789abcdef").unwrap();
        let lines: Vec<&str> = drawn.lines().collect();
        assert!(lines.len() > 10, "{drawn}");
        assert!(drawn.contains('█') && drawn.contains('▀'), "{drawn}");
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|line| line.chars().count() == width));
    }

    #[test]
    fn links_start_with_the_public_url_else_this_machine() {
        let mut settings = Settings::for_database(std::path::PathBuf::from("x.db"));
        settings.port = 8080;
        assert_eq!(
            link_base(&settings),
            ("http://localhost:8080".to_string(), true)
        );
        settings.public_url = Some("https://prayer.example.org/".into());
        assert_eq!(
            link_base(&settings),
            ("https://prayer.example.org".to_string(), false)
        );
    }
}
