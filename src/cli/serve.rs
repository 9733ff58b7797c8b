//! `intercede` (or `intercede serve`): the server, and the banner that says
//! where everything is.

use crate::config::Settings;
use crate::startup::{Application, StartupInfo};
use std::process::ExitCode;

pub async fn run(settings: Settings) -> ExitCode {
    let admin_password_given = settings.admin_password.is_some();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!(
                "intercede could not start: {}",
                crate::error::error_chain(&error)
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
