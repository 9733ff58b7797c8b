//! `intercede export CODE`: a gathering's agenda as Markdown or JSON.

use super::open_store;
use crate::agenda::export;
use crate::config::Settings;
use crate::domain::JoinCode;
use crate::i18n::{Message, Tr};
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
}

pub async fn run(t: &Tr, settings: &Settings, code: &str, format: ExportFormat) -> ExitCode {
    let Ok(code) = JoinCode::parse(code) else {
        eprintln!("{}", t.text("cli-not-a-code", "code", code));
        return ExitCode::FAILURE;
    };
    let store = match open_store(t, settings).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let agenda = match store.find_gathering(&code).await {
        Ok(Some(gathering)) => store.load_agenda(&gathering).await,
        Ok(None) => {
            let message = Message::new("cli-no-gathering")
                .text("code", code.to_string())
                .text("database", settings.database.to_string());
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
        Err(error) => Err(error),
    };
    let agenda = match agenda {
        Ok(agenda) => agenda.to_new_agenda(),
        Err(error) => {
            let message = Message::new("cli-could-not-export")
                .text("error", crate::error::error_chain(&error));
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
    };
    match format {
        ExportFormat::Md => print!("{}", export::to_markdown(&agenda)),
        ExportFormat::Json => println!("{}", export::to_json(&agenda)),
    }
    store.close().await;
    ExitCode::SUCCESS
}
