//! `intercede import guide.txt`: a prayer guide as a new draft gathering,
//! and what was recognised in it.

use super::{accounts, open_store};
use crate::agenda::import;
use crate::config::Settings;
use crate::i18n::{Message, Tr};
use crate::store::NewOwner;
use std::process::ExitCode;

pub async fn run(
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
    // The gathering and its account in one transaction.
    let new_owner = NewOwner {
        account: owner.as_ref().map(|owner| owner.id),
        time_zone: None,
    };
    let gathering = match store
        .create_gathering_for(&imported.agenda, &new_owner)
        .await
    {
        Ok(gathering) => gathering,
        Err(error) => {
            let message =
                Message::new("cli-could-not-save").text("error", crate::error::error_chain(&error));
            eprintln!("{}", t.say(&message));
            store.close().await;
            return ExitCode::FAILURE;
        }
    };
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
