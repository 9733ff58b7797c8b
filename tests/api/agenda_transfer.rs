//! Prayer guides in and agendas out: the console's import and export, and the
//! `intercede import` / `intercede export` commands.

use super::helpers::{database_arg, escape, spawn_app, test_database};
use intercede::agenda::import::{from_json, parse_guide};
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
    assert_eq!(stored, expected);
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
    assert!(text.starts_with("# Evening of Prayer for Justice"));
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
    let expected = parse_guide(HANDOUT, Some("Saturday prayer"))
        .unwrap()
        .agenda;
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
