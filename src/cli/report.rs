//! `intercede report CODE`: what a gathering prayed for, as a table, CSV or JSON.

use super::open_store;
use crate::config::Settings;
use crate::i18n::{Message, Tr};
use crate::report::{Report, csv, text};
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Text,
    Csv,
    Json,
}

pub async fn run(t: &Tr, settings: &Settings, code: &str, format: ReportFormat) -> ExitCode {
    let store = match open_store(t, settings).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let report = match Report::load(&store, code).await {
        Ok(Some(report)) => report,
        Ok(None) => {
            let message = Message::new("cli-no-gathering")
                .text("code", code)
                .text("database", settings.database.to_string());
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
        Err(error) => {
            let message = Message::new("cli-could-not-report")
                .text("error", crate::error::error_chain(&error));
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
    };
    match format {
        ReportFormat::Text => print!("{}", text::to_text(&report, t)),
        ReportFormat::Csv => print!("{}", csv::to_csv(&report)),
        ReportFormat::Json => println!("{}", report.to_json()),
    }
    store.close().await;
    ExitCode::SUCCESS
}
