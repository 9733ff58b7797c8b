//! The `intercede` command: parses the command line, starts logging, and
//! hands over to [`intercede::cli`].

use clap::Parser;
use intercede::cli::{self, Cli};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // Logs on standard error: standard output is for what the operator asked
    // for (the start-up banner, a report, an export), so it can be piped.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in a log file or journal.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            EnvFilter::try_from_env("INTERCEDE_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    cli::run(cli).await
}
