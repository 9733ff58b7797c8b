//! Prayer guides in and agendas out: the console's import and export, and the
//! `intercede import` / `intercede export` commands.

use super::helpers::{database_arg, escape, spawn_app, test_database};
use intercede::agenda::import::{from_json, parse_guide};
use intercede::domain::NewAgenda;
use reqwest::multipart::{Form, Part};
use std::process::Command;

const HANDOUT: &str = include_str!("../fixtures/guides/handout_pipes.txt");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_guide_is_previewed_then_created() {
    // Arrange
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let expected = parse_guide(HANDOUT, None).unwrap().agenda;

    // Act: preview.
    let form = Form::new()
        .text("csrf", csrf.clone())
        .text("title", "")
        .text("text", HANDOUT);
    let preview = browser
        .post(format!("{}/console/import/preview", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap();

    // Assert: the preview lists what will be made, and nothing is made yet.
    assert_eq!(preview.status(), 200);
    let html = preview.text().await.unwrap();
    for section in &expected.sections {
        assert!(
            html.contains(&escape(&section.title)),
            "section {} previewed",
            section.title
        );
    }
    assert_eq!(app.store.list_gatherings().await.unwrap().len(), 1);

    // Act: confirm.
    let created = app
        .post_form(
            &browser,
            "/console/import",
            &[("csrf", &csrf), ("title", ""), ("text", HANDOUT)],
        )
        .await;
    assert_eq!(created.status(), 303);
    let gatherings = app.store.list_gatherings().await.unwrap();
    assert_eq!(gatherings.len(), 2);
    let new = gatherings.iter().find(|g| g.code != app.code).unwrap();
    assert_eq!(new.status, "draft");
    let stored = app.store.load_agenda(new).await.unwrap().to_new_agenda();
    // Stored in the language the guide is written in.
    assert_eq!(stored.language, "en");
    assert_eq!(
        stored,
        NewAgenda {
            language: "en".into(),
            ..expected
        }
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_uploaded_file_is_checked_before_anything_is_created() {
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("empty.txt", b"   \n\n ".to_vec(), 422, "empty"),
        (
            "binary.txt",
            vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2],
            422,
            "text",
        ),
        (
            "latin1.txt",
            b"Pri\xe8re pour la justice".to_vec(),
            422,
            "text",
        ),
        (
            "huge.txt",
            "Pray.\n".repeat(200_000).into_bytes(),
            413,
            "larger",
        ),
    ];
    for (name, bytes, status, word) in cases {
        let form = Form::new()
            .text("csrf", csrf.clone())
            .text("text", "")
            .part("file", Part::bytes(bytes).file_name(name));
        let response = browser
            .post(format!("{}/console/import/preview", app.address))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{name}");
        let body = response.text().await.unwrap().to_lowercase();
        assert!(body.contains(word), "{name}: {body:.300}");
    }
    // A file that is fine.
    let form = Form::new().text("csrf", csrf.clone()).part(
        "file",
        Part::bytes(HANDOUT.as_bytes().to_vec()).file_name("guide.txt"),
    );
    let response = browser
        .post(format!("{}/console/import/preview", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        app.store.list_gatherings().await.unwrap().len(),
        1,
        "previews create nothing"
    );
    // Without the session's token, nothing happens.
    let forged = app
        .post_form(
            &browser,
            "/console/import",
            &[("csrf", "forged"), ("text", HANDOUT)],
        )
        .await;
    assert_eq!(forged.status(), 403);
    assert_eq!(app.store.list_gatherings().await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_download_for_the_facilitator_only_and_read_back_the_same() {
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let stored = app
        .store
        .load_agenda(&gathering)
        .await
        .unwrap()
        .to_new_agenda();
    let anonymous = app
        .browser()
        .get(format!("{}/console/{}/export.json", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 303, "login first");

    let (browser, _) = app.facilitator().await;
    let json = browser
        .get(format!("{}/console/{}/export.json", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 200);
    let disposition = json.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"evening-of-prayer-for-justice-"),
        "{disposition}"
    );
    assert_eq!(from_json(&json.text().await.unwrap()).unwrap(), stored);

    let markdown = browser
        .get(format!("{}/console/{}/export.md", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(markdown.status(), 200);
    let text = markdown.text().await.unwrap();
    // It names its language, then reads as the guide.
    assert!(text.starts_with("<!-- language: en -->\n\n# Evening of Prayer for Justice"));
    assert_eq!(parse_guide(&text, None).unwrap().agenda, stored);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_imports_and_exports() {
    // Arrange: a server's database, stopped, as a facilitator would have it.
    let app = spawn_app().await;
    let dir = app.stop().await;
    let db = database_arg(&test_database(dir.path()).await);
    let guide = dir.path().join("guide.txt");
    std::fs::write(&guide, HANDOUT).unwrap();
    let intercede = env!("CARGO_BIN_EXE_intercede");

    // Act: import.
    let output = Command::new(intercede)
        .args([
            "--database",
            &db,
            "import",
            guide.to_str().unwrap(),
            "--title",
            "Saturday prayer",
        ])
        .output()
        .unwrap();

    // Assert: it says what it made.
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(said.contains("Imported \"Saturday prayer\""), "{said}");
    let code = said.split("the code ").nth(1).unwrap()[..6].to_string();
    let mut expected = parse_guide(HANDOUT, Some("Saturday prayer"))
        .unwrap()
        .agenda;
    // Stored in the language the guide is written in.
    expected.language = "en".into();
    for section in &expected.sections {
        assert!(said.contains(&section.title), "{said}");
    }

    // Act: export both ways; both read back as the same agenda.
    for format in ["md", "json"] {
        let output = Command::new(intercede)
            .args(["--database", &db, "export", &code, "--format", format])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let read_back = match format {
            "md" => parse_guide(&text, None).unwrap().agenda,
            _ => from_json(&text).unwrap(),
        };
        assert_eq!(read_back, expected, "{format}");
    }

    // Bad input: a clear error and a failing exit code, nothing created.
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let output = Command::new(intercede)
        .args(["--database", &db, "import", empty.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).is_empty());
    let output = Command::new(intercede)
        .args(["--database", &db, "export", "ZZZZZZ"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("No gathering has the code ZZZZZZ"));
}

/// An invented guide whose first sentence names the event, with an
/// introduction, a section description and closing words.
const EVENT_GUIDE: &str = "At the Harbourside Prayer Night we heard from two teams. Keep praying with us.\n\n\
East Africa\nOur East Africa office serves Kenya, Uganda and Tanzania.\n\
• Pray for the magistrates in Kisumu.\n\
• Rejoice with us: a new shelter opened in Mombasa.\n\n\
Thank you for praying with us.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_introduction_and_descriptions_are_shown_edited_and_exported() {
    // Arrange: import the guide.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let created = app
        .post_form(
            &browser,
            "/console/import",
            &[("csrf", &csrf), ("title", ""), ("text", EVENT_GUIDE)],
        )
        .await;
    assert_eq!(created.status(), 303);
    let gatherings = app.store.list_gatherings().await.unwrap();
    let new = gatherings.iter().find(|g| g.code != app.code).unwrap();
    assert_eq!(new.title, "Harbourside Prayer Night");
    assert!(
        new.introduction
            .starts_with("At the Harbourside Prayer Night")
    );
    assert_eq!(new.closing_message, "Thank you for praying with us.");
    let agenda = app.store.load_agenda(new).await.unwrap();
    assert_eq!(
        agenda.sections[0].description,
        "Our East Africa office serves Kenya, Uganda and Tanzania."
    );

    // Assert: phones and the projector show the introduction before the first topic.
    let phone = app
        .get_text(&app.browser(), &format!("/j/{}", new.code))
        .await;
    assert!(phone.contains("we heard from two teams"), "{phone}");
    let projector = app.get_text(&browser, &format!("/p/{}", new.code)).await;
    assert!(projector.contains("we heard from two teams"));
    // The editor shows both, and the exports carry them.
    let editor = app
        .get_text(&browser, &format!("/console/{}/edit", new.code))
        .await;
    assert!(editor.contains("Our East Africa office serves"));
    let markdown = app
        .get_text(&browser, &format!("/console/{}/export.md", new.code))
        .await;
    assert!(markdown.contains("Introduction: At the Harbourside Prayer Night"));
    assert!(markdown.contains("Description: Our East Africa office"));
    assert_eq!(
        parse_guide(&markdown, None).unwrap().agenda,
        agenda.to_new_agenda()
    );
    let json = app
        .get_text(&browser, &format!("/console/{}/export.json", new.code))
        .await;
    assert_eq!(from_json(&json).unwrap(), agenda.to_new_agenda());

    // Act: edit both in the console.
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", new.code),
            &[
                ("csrf", &csrf),
                ("title", "Harbourside Prayer Night"),
                (
                    "introduction",
                    "Welcome.\r\n\r\nFind a seat near the front.",
                ),
                ("closing_message", "Go in peace."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let section_id = agenda.sections[0].id.to_string();
    let renamed = app
        .post_form(
            &browser,
            &format!("/console/{}/sections/{section_id}/rename", new.code),
            &[
                ("csrf", &csrf),
                ("title", "East Africa"),
                ("description", "Kenya and Uganda."),
            ],
        )
        .await;
    assert_eq!(renamed.status(), 303);

    // Assert
    let edited = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse(&new.code).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        edited.introduction,
        "Welcome.\n\nFind a seat near the front."
    );
    let agenda = app.store.load_agenda(&edited).await.unwrap();
    assert_eq!(agenda.sections[0].description, "Kenya and Uganda.");
}

/// An invented guide with a story the projector must not show.
const STORY_GUIDE: &str = "Open Hands Sunday\n\nThis guide tells true stories shared with permission.\n\n\
Pray for | Survivors\n\
• Daniel was raped by the men who held him on a boat. Pray that Daniel finds safe work.\n\
• Pray for the counsellors at the Bright Morning centre.\n\
• Praise God for a new shelter in Iloilo.\n\n\
Thank you for praying with us.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preview_shows_what_was_found_and_takes_changes_before_creating() {
    // Arrange
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;

    // Act: preview.
    let form = Form::new()
        .text("csrf", csrf.clone())
        .text("title", "")
        .text("text", STORY_GUIDE);
    let html = browser
        .post(format!("{}/console/import/preview", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Assert: the introduction, closing, texts and the flag with its reason.
    assert!(html.contains("This guide tells true stories"), "{html}");
    assert!(html.contains("Thank you for praying with us."));
    assert!(html.contains("Flagged sensitive"));
    assert!(html.contains(&escape("tells of \"raped\"")));
    assert!(html.contains(&escape("Pray that Daniel finds safe work.")));
    assert!(html.contains("name=\"title-0-1\""));
    assert!(
        html.contains("value=\"Open Hands Sunday\""),
        "the title can be changed"
    );

    // Act: start again keeps the text.
    let again = app
        .post_form(
            &browser,
            "/console/import/again",
            &[("csrf", &csrf), ("title", "Sunday"), ("text", STORY_GUIDE)],
        )
        .await;
    assert_eq!(again.status(), 200);
    let page = again.text().await.unwrap();
    assert!(page.contains("Daniel was raped by the men") && page.contains("value=\"Sunday\""));

    // Act: confirm with changes: a new title, praise made pray, the flag
    // removed from the first topic and set on the second, the third moved
    // to the section's description.
    let created = app
        .post_form(
            &browser,
            "/console/import",
            &[
                ("csrf", &csrf),
                ("title", ""),
                ("text", STORY_GUIDE),
                ("reviewed", "1"),
                ("title-0-0", "Safe work for Daniel"),
                ("kind-0-0", "pray"),
                ("title-0-1", "Bright Morning counsellors"),
                ("kind-0-1", "pray"),
                ("sensitive-0-1", "on"),
                ("kind-0-2", "pray"),
                ("place-0-2", "description"),
            ],
        )
        .await;

    // Assert
    assert_eq!(created.status(), 303);
    let gatherings = app.store.list_gatherings().await.unwrap();
    let new = gatherings.iter().find(|g| g.code != app.code).unwrap();
    let agenda = app.store.load_agenda(new).await.unwrap();
    let section = &agenda.sections[0];
    let titles: Vec<_> = section.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Safe work for Daniel", "Bright Morning counsellors"]
    );
    assert!(!section.topics[0].sensitive && section.topics[1].sensitive);
    assert!(!section.topics[1].safe_summary.is_empty());
    assert_eq!(
        section.description,
        "Praise God for a new shelter in Iloilo."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_snapshot_carries_the_introduction_only_before_the_first_topic() {
    // Arrange: give the demo gathering an introduction.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let gathering = app.gathering().await;
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", app.code),
            &[
                ("csrf", &csrf),
                ("title", &gathering.title),
                ("introduction", "Welcome to the hall."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Act
    let phone = app.attendee().await;
    let mut console = app.console().await;
    console.send(serde_json::json!({"type": "next"})).await;
    console.next_of("state").await;
    let late = app.attendee().await;

    // Assert
    assert_eq!(
        phone.snapshot["gathering"]["introduction"],
        "Welcome to the hall."
    );
    assert!(late.snapshot["gathering"].get("introduction").is_none());
}

/// Closing words of two paragraphs, as the importer finds them.
const TWO_PARAGRAPH_CLOSING: &str =
    "Thank you for praying with us.\n\nTo learn more, visit example.org";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edited_words_reach_the_screens_at_once_in_paragraphs() {
    // Arrange: a phone and the projector waiting for the first topic.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let gathering = app.gathering().await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;

    // Act: the facilitator edits the introduction and the closing words.
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", app.code),
            &[
                ("csrf", &csrf),
                ("title", &gathering.title),
                ("introduction", "Welcome to the hall.\r\n\r\nFind a seat."),
                (
                    "closing_message",
                    "Thank you for praying  with us.\r\n\r\nTo learn more, visit example.org",
                ),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Assert: both waiting screens get the new introduction in the state frame.
    for client in [&mut phone, &mut projector] {
        let state = client.next_of("state").await;
        assert_eq!(
            state["gathering"]["introduction"], "Welcome to the hall.\n\nFind a seat.",
            "{state}"
        );
    }
    // The closing words keep their paragraphs in storage and in the editor.
    let stored = app.gathering().await;
    assert_eq!(stored.closing_message, TWO_PARAGRAPH_CLOSING);
    let editor = app
        .get_text(&browser, &format!("/console/{}/edit", app.code))
        .await;
    assert!(
        editor.contains(&format!(
            "name=\"closing_message\" rows=\"3\" placeholder=\"Thank you for praying with us tonight.\">{}</textarea>",
            escape(TWO_PARAGRAPH_CLOSING)
        )),
        "{editor}"
    );

    // Act: a section description, then the first topic.
    let agenda = app.store.load_agenda(&stored).await.unwrap();
    let section = &agenda.sections[0];
    let renamed = app
        .post_form(
            &browser,
            &format!("/console/{}/sections/{}/rename", app.code, section.id),
            &[
                ("csrf", &csrf),
                ("title", &section.title),
                (
                    "description",
                    "Our partners work in brick kilns.\r\n\r\nThey met 40 families.",
                ),
            ],
        )
        .await;
    assert_eq!(renamed.status(), 303);
    phone.next_of("state").await;
    let mut console = app.console().await;
    console.send(serde_json::json!({"type": "next"})).await;

    // Assert: the topic carries its section's description; a topic change
    // does not carry the gathering's words.
    let state = phone.next_of("state").await;
    assert_eq!(
        state["live"]["topic"]["section_description"],
        "Our partners work in brick kilns.\n\nThey met 40 families."
    );
    assert!(state.get("gathering").is_none(), "{state}");
    let page = app
        .get_text(&app.browser(), &format!("/j/{}", app.code))
        .await;
    assert!(
        page.contains("<div id=\"section-description\" class=\"section-description paragraph-text\"><p>Our partners work in brick kilns.</p><p>They met 40 families.</p></div>"),
        "{page}"
    );

    // Act: the end.
    console.send(serde_json::json!({"type": "end"})).await;

    // Assert: the projector gets the closing words, phones keep praying with
    // them, and both pages show them as paragraphs.
    let state = projector
        .next_matching(|m| m["type"] == "state" && m["live"]["phase"] == "ended")
        .await;
    assert_eq!(state["gathering"]["closing"], TWO_PARAGRAPH_CLOSING);
    let state = phone
        .next_matching(|m| m["type"] == "state" && m["live"]["phase"] == "ended")
        .await;
    assert_eq!(
        state["live"]["keep_praying"]["message"],
        TWO_PARAGRAPH_CLOSING
    );
    let paragraphs =
        "<p>Thank you for praying with us.</p><p>To learn more, visit example.org</p></div>";
    let page = app
        .get_text(&app.browser(), &format!("/j/{}", app.code))
        .await;
    assert!(
        page.contains(&format!(
            "<div id=\"closing-message\" class=\"closing-message paragraph-text\">{paragraphs}"
        )),
        "{page}"
    );
    let page = app.get_text(&browser, &format!("/p/{}", app.code)).await;
    assert!(
        page.contains(&format!(
            "<div id=\"closing\" class=\"p-closing paragraph-text\">{paragraphs}"
        )),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_words_too_long_are_refused_with_their_length() {
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let gathering = app.gathering().await;
    let long = "Thank you. ".repeat(30);
    let refused = app
        .post_form(
            &browser,
            &format!("/console/{}/settings", app.code),
            &[
                ("csrf", &csrf),
                ("title", &gathering.title),
                ("closing_message", &long),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Please keep the closing words to 300 characters (they have 329)."),
        "{page}"
    );
    assert_eq!(app.gathering().await.closing_message, "");
}

/// An invented guide pasted from a forwarded e-mail.
const FORWARDED_GUIDE: &str = "---------- Forwarded message ---------\n\
From: Harbour Light Partners <news@example.org>\n\
Date: Tue, 3 Nov 2026 at 09:14\n\
Subject: Fwd: Prayer points for the November vigil\n\
To: <prayer-team@example.org>\n\n\
Courts\n\
Our legal team works in two provinces.\n\
• Pray for the prosecutors in Lusaka.\n\
• Pray for the Mwale sisters as they start school.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forwarded_emails_header_is_set_aside_in_the_preview_and_names_the_gathering() {
    // Arrange
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;

    // Act: preview.
    let form = Form::new()
        .text("csrf", csrf.clone())
        .text("title", "")
        .text("text", FORWARDED_GUIDE);
    let html = browser
        .post(format!("{}/console/import/preview", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Assert: the header is shown set aside, line by line, and not as a topic.
    let set_aside = html
        .split("<h2 id=\"set-aside-heading\" class=\"card-heading\">Set aside</h2>")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("no set-aside card in {html}"));
    for line in [
        "From: Harbour Light Partners <news@example.org>",
        "Subject: Fwd: Prayer points for the November vigil",
        "To: <prayer-team@example.org>",
    ] {
        let shown = format!("<p>{}</p>", escape(line));
        assert!(set_aside.contains(&shown), "{set_aside}");
    }
    assert!(html.contains("value=\"Prayer points for the November vigil\""));
    assert!(html.contains(
        "<div class=\"paragraph-text\"><p>Our legal team works in two provinces.</p></div>"
    ));
    assert!(!html.contains("name=\"title-0-2\""), "two topics only");

    // Act: create it.
    let created = app
        .post_form(
            &browser,
            "/console/import",
            &[("csrf", &csrf), ("title", ""), ("text", FORWARDED_GUIDE)],
        )
        .await;

    // Assert
    assert_eq!(created.status(), 303);
    let gatherings = app.store.list_gatherings().await.unwrap();
    let new = gatherings.iter().find(|g| g.code != app.code).unwrap();
    assert_eq!(new.title, "Prayer points for the November vigil");
    assert_eq!(new.introduction, "");
    let agenda = app.store.load_agenda(new).await.unwrap();
    let titles: Vec<_> = agenda.sections[0]
        .topics
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
}
