//! The `intercede` command: parses flags, starts logging, runs the server.

use clap::{Parser, Subcommand};
use intercede::config::Settings;
use intercede::startup::{Application, StartupInfo};
use tracing_subscriber::EnvFilter;

/// Intercede: a live prayer-gathering server. The facilitator steps through the
/// topics from a console; phones and the projector follow live.
#[derive(Parser)]
#[command(name = "intercede", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("INTERCEDE_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.settings).await,
    }
}

async fn serve(settings: Settings) -> std::process::ExitCode {
    let admin_password_given = settings.admin_password.is_some();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!(
                "intercede could not start: {}",
                intercede::error::error_chain(&error)
            );
            return std::process::ExitCode::FAILURE;
        }
    };
    print_banner(&app.info, admin_password_given);
    match app.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("intercede stopped with an error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn print_banner(info: &StartupInfo, admin_password_given: bool) {
    let base = info.lan_base.as_deref().unwrap_or(&info.local_base);
    println!();
    println!("  Intercede is running.");
    println!();
    println!("  Facilitator console   {base}/console");
    match (&info.generated_password, admin_password_given) {
        (Some(password), _) => {
            println!("  Facilitator password  {password}");
            println!(
                "                        (shown only this once: note it down, or start with --admin-password)"
            );
        }
        (None, true) => println!("  Facilitator password  the one given with --admin-password"),
        (None, false) => println!(
            "  Facilitator password  the one printed at first start (start with --admin-password to set a new one)"
        ),
    }
    if let Some(code) = &info.featured_code {
        println!("  Attendees join at     {base}/j/{code}");
        println!("                        (or open {base} and type the code {code})");
        println!("  Projector             {base}/p/{code}");
    }
    if info.lan_base.is_some() {
        println!("  On this machine       {}", info.local_base);
    }
    if info.demo_created {
        println!("  A demo gathering was created to try things out.");
    }
    println!();
}
