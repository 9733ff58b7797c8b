//! The `intercede` command: parses flags, starts logging, runs the server.

use clap::{Parser, Subcommand, ValueEnum};
use intercede::agenda::{export, import};
use intercede::cli::accounts::{self, AccountsCommand};
use intercede::cli::open_store;
use intercede::config::Settings;
use intercede::domain::JoinCode;
use intercede::i18n::{self, Message, Tr};
use intercede::startup::{Application, StartupInfo};
use std::path::PathBuf;
use std::process::ExitCode;
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
    /// The language of what the commands print (en, es, pt, fr, sw);
    /// otherwise LC_ALL, LC_MESSAGES or LANG, else English.
    #[arg(long, global = true, value_name = "LANGUAGE")]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
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

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Md,
    Json,
}

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
    let t = i18n::for_terminal(cli.lang.as_deref(), |name| std::env::var(name).ok());
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.settings).await,
        Command::Import {
            file,
            title,
            account,
        } => {
            import_guide(
                &t,
                &cli.settings,
                &file,
                title.as_deref(),
                account.as_deref(),
            )
            .await
        }
        Command::Export { code, format } => export_agenda(&t, &cli.settings, &code, format).await,
        Command::Report { code, format } => print_report(&t, &cli.settings, &code, format).await,
        Command::Accounts { command } => accounts::run(&t, &cli.settings, command).await,
    }
}

async fn import_guide(
    t: &Tr,
    settings: &Settings,
    file: &std::path::Path,
    title: Option<&str>,
    account: Option<&str>,
) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            let message = Message::new("cli-could-not-read")
                .text("file", file.display().to_string())
                .text("error", error.to_string());
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
    };
    let mut imported =
        match import::decode(&bytes).and_then(|text| import::read_agenda(&text, title)) {
            Ok(imported) => imported,
            Err(error) => {
                let message = Message::new("cli-could-not-import")
                    .text("file", file.display().to_string())
                    .message("error", error.message());
                eprintln!("{}", t.say(&message));
                return ExitCode::FAILURE;
            }
        };
    import::name_untitled(&mut imported, &t.get("import-default-title"));
    let store = match open_store(t, settings).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let owner = match account {
        Some(name) => match accounts::named(&store, name).await {
            Ok(listed) => Some(listed.account),
            Err(refusal) => {
                store.close().await;
                return refusal.print(t);
            }
        },
        None => None,
    };
    let gathering = match store.create_gathering(&imported.agenda).await {
        Ok(gathering) => gathering,
        Err(error) => {
            let message = Message::new("cli-could-not-save")
                .text("error", intercede::error::error_chain(&error));
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
    };
    if let Some(owner) = &owner
        && let Err(error) = store
            .set_gathering_owner(gathering.id, Some(owner.id))
            .await
    {
        let message =
            Message::new("cli-could-not-save").text("error", intercede::error::error_chain(&error));
        eprintln!("{}", t.say(&message));
        store.close().await;
        return ExitCode::FAILURE;
    }
    let imported_line = Message::new("cli-imported")
        .text("title", &gathering.title)
        .text("code", &gathering.code);
    println!("{}", t.say(&imported_line));
    if let Some(owner) = &owner {
        println!("{}", t.text("cli-imported-for", "name", &owner.name));
    }
    for note in &imported.notes {
        println!("  {}", t.say(note));
    }
    for line in &imported.set_aside {
        println!("    {}", t.text("cli-set-aside", "line", line));
    }
    for section in &imported.agenda.sections {
        let n = section.topics.len();
        println!(
            "  {}",
            t.count_text("cli-section", n, "title", &section.title)
        );
        for topic in &section.topics {
            let kind = if topic.kind.as_str() == "praise" {
                format!(" {}", t.get("cli-praise"))
            } else {
                String::new()
            };
            println!("    - {}{kind}", topic.title);
        }
    }
    store.close().await;
    ExitCode::SUCCESS
}

async fn print_report(t: &Tr, settings: &Settings, code: &str, format: ReportFormat) -> ExitCode {
    let store = match open_store(t, settings).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let report = match intercede::report::Report::load(&store, code).await {
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
                .text("error", intercede::error::error_chain(&error));
            eprintln!("{}", t.say(&message));
            return ExitCode::FAILURE;
        }
    };
    match format {
        ReportFormat::Text => print!("{}", intercede::report::text::to_text(&report, t)),
        ReportFormat::Csv => print!("{}", intercede::report::csv::to_csv(&report)),
        ReportFormat::Json => println!("{}", report.to_json()),
    }
    store.close().await;
    ExitCode::SUCCESS
}

async fn export_agenda(t: &Tr, settings: &Settings, code: &str, format: ExportFormat) -> ExitCode {
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
                .text("error", intercede::error::error_chain(&error));
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

async fn serve(settings: Settings) -> ExitCode {
    let admin_password_given = settings.admin_password.is_some();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!(
                "intercede could not start: {}",
                intercede::error::error_chain(&error)
            );
            return ExitCode::FAILURE;
        }
    };
    print_banner(&app.info, admin_password_given);
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("intercede stopped with an error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn print_banner(info: &StartupInfo, admin_password_given: bool) {
    let base = info.lan_base.as_deref().unwrap_or(&info.local_base);
    println!();
    println!("  Intercede is running.");
    println!();
    println!("  Facilitator console   {base}/console");
    println!("  Sign in as            {}", info.owner_name);
    match (&info.generated_password, admin_password_given) {
        (Some(password), _) => {
            println!("  Password              {password}");
            println!(
                "                        (shown only this once: note it down, or start with --admin-password)"
            );
        }
        (None, true) => println!("  Password              the one given with --admin-password"),
        (None, false) => println!(
            "  Password              the one printed at first start (start with --admin-password to set a new one)"
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
