//! The pages in each language: chosen by the browser's `Accept-Language`
//! (weights honoured, English for languages we lack), or by the phone's or
//! the facilitator's own choice in a cookie, which wins. Every phase of the
//! phone and every page of the facilitator renders with no missing message;
//! the report's dates and numbers and the command line follow the language too.

use super::helpers::{TestApp, database_arg, escape, spawn_app, test_database};
use intercede::domain::MeetingZone;
use intercede::i18n::{LANGUAGES, MISSING_MARKER, Tr};
use reqwest::multipart::Form;
use serde_json::json;
use std::process::Command;

/// The phone page as a new browser with these headers gets it.
async fn phone_page(app: &TestApp, headers: &[(&str, &str)]) -> String {
    let mut request = reqwest::Client::new().get(format!("{}/j/{}", app.address, app.code));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

fn lang_of(html: &str) -> &str {
    let start = html.find("<html lang=\"").expect("an html lang") + "<html lang=\"".len();
    &html[start..start + html[start..].find('"').unwrap()]
}

/// Words each language's phone page must show while a prayer topic is live.
const BUTTON: [(&str, &str); 5] = [
    ("en", "I&#39;m praying"),
    ("es", "Estoy orando"),
    ("pt", "Estou orando"),
    ("fr", "Je prie"),
    ("sw", "Ninaomba"),
];

fn assert_complete(html: &str, lang: &str, phase: &str) {
    assert!(
        !html.contains(MISSING_MARKER),
        "{lang} {phase}: a message is missing"
    );
    assert_eq!(lang_of(html), lang, "{phase}");
    assert!(html.contains(&format!(
        "<option value=\"{lang}\" lang=\"{lang}\" selected>"
    )));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_page_renders_in_every_language_in_every_phase() {
    // Arrange
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;

    for phase in ["waiting", "topic", "ended"] {
        match phase {
            "topic" => {
                console
                    .send(json!({"type": "jump", "topic": topics[1]}))
                    .await;
                console.next_of("state").await;
                phone
                    .send(json!({"type": "tap", "topic": topics[1], "op": "one"}))
                    .await;
                phone.next_of("ack").await;
                console
                    .send(json!({"type": "jump", "topic": topics[2]}))
                    .await;
                console.next_of("state").await;
            }
            "ended" => {
                console.send(json!({"type": "end"})).await;
                console.next_of("state").await;
            }
            _ => {}
        }
        for language in &LANGUAGES {
            // Act
            let cookie = format!("intercede_lang={}", language.code);
            let html = phone_page(&app, &[("cookie", &cookie)]).await;

            // Assert
            assert_complete(&html, language.code, phase);
            assert!(
                html.contains("id=\"attend-messages\""),
                "the script's words"
            );
            if phase == "topic" {
                let (_, button) = BUTTON.iter().find(|(l, _)| *l == language.code).unwrap();
                assert!(html.contains(button), "{}: {button}", language.code);
            }
        }
    }
    let spanish = phone_page(&app, &[("cookie", "intercede_lang=es")]).await;
    assert!(
        spanish.contains("Oramos por 2 motivos"),
        "a plural in the ended page"
    );
    assert!(
        spanish.contains("1 teléfono en la sala oró por esto"),
        "a singular"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_language_chooses_by_weight_and_falls_back_to_english() {
    let app = spawn_app().await;
    let cases = [
        ("es-MX,es;q=0.9,en;q=0.5", "es"),
        ("en;q=0.3, fr;q=0.8", "fr"),
        ("pt-BR", "pt"),
        ("de-DE,de;q=0.9,sw;q=0.4", "sw"),
        ("de-DE, ja;q=0.8", "en"),
        ("fr;q=0, zh", "en"),
        ("", "en"),
    ];
    for (header, expected) in cases {
        let html = phone_page(&app, &[("accept-language", header)]).await;
        assert_complete(&html, expected, header);
    }
    let none = phone_page(&app, &[]).await;
    assert_eq!(lang_of(&none), "en");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phones_choice_wins_over_accept_language() {
    let app = spawn_app().await;
    let html = phone_page(
        &app,
        &[
            ("accept-language", "fr,es;q=0.9"),
            ("cookie", "intercede_lang=sw"),
        ],
    )
    .await;
    assert_complete(&html, "sw", "waiting");
    assert!(html.contains("Maombi yataanza hivi punde"));
    // A choice we do not have is ignored.
    let html = phone_page(
        &app,
        &[("accept-language", "fr"), ("cookie", "intercede_lang=xx")],
    )
    .await;
    assert_eq!(lang_of(&html), "fr");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_without_scripts_remembers_the_choice_and_goes_back() {
    // Arrange: a browser that keeps cookies, English by its header.
    let app = spawn_app().await;
    let browser = app.browser();
    let page = format!("/j/{}", app.code);

    // Act
    let response = browser
        .get(format!("{}/language?set=pt&back={page}", app.address))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], page.as_str());
    let html = browser
        .get(format!("{}{page}", app.address))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(lang_of(&html), "pt");

    // Never to another site.
    for back in ["//evil.example/", "https://evil.example/"] {
        let response = browser
            .get(format!("{}/language", app.address))
            .query(&[("set", "es"), ("back", back)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["location"], "/", "{back}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_follows_its_browsers_language() {
    // Arrange: a topic on screen.
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[0]}))
        .await;
    console.next_of("state").await;
    let expected = [
        ("en", "How to join"),
        ("es", "Cómo unirse"),
        ("pt", "Como participar"),
        ("fr", "Comment nous rejoindre"),
        ("sw", "Jinsi ya kujiunga"),
    ];
    for (lang, words) in expected {
        // Act
        let html = reqwest::Client::new()
            .get(format!("{}/p/{}", app.address, app.code))
            .header("accept-language", format!("{lang};q=0.9, de;q=0.1"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();

        // Assert
        assert!(
            !html.contains(MISSING_MARKER),
            "{lang}: a message is missing"
        );
        assert_eq!(lang_of(&html), lang);
        assert!(html.contains(words), "{lang}: {words}");
        assert!(html.contains("id=\"projector-messages\""));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_and_not_found_pages_speak_the_visitors_language() {
    let app = spawn_app().await;
    let expected = [
        ("en", "Join a prayer gathering", "Gathering not found"),
        (
            "es",
            "Unirse a un tiempo de oración",
            "Encuentro no encontrado",
        ),
        (
            "pt",
            "Participar de um momento de oração",
            "Encontro não encontrado",
        ),
        (
            "fr",
            "Rejoindre un temps de prière",
            "Rencontre introuvable",
        ),
        ("sw", "Jiunge na maombi", "Maombi hayajapatikana"),
    ];
    for (lang, home, not_found) in expected {
        let get = |path: &str| {
            reqwest::Client::new()
                .get(format!("{}{path}", app.address))
                .header("cookie", format!("intercede_lang={lang}"))
                .send()
        };
        let html = get("/").await.unwrap().text().await.unwrap();
        assert!(!html.contains(MISSING_MARKER), "{lang} home");
        assert_eq!(lang_of(&html), lang);
        assert!(html.contains(home), "{lang}: {home}");

        let response = get("/j/ZZZZZZ").await.unwrap();
        assert_eq!(response.status(), 404);
        let html = response.text().await.unwrap();
        assert!(!html.contains(MISSING_MARKER), "{lang} not found");
        assert_eq!(lang_of(&html), lang);
        assert!(html.contains(not_found), "{lang}: {not_found}");
        assert!(html.contains("<strong class=\"code-text\">ZZZZZZ</strong>"));

        let html = get("/no/such/page").await.unwrap().text().await.unwrap();
        assert!(!html.contains(MISSING_MARKER), "{lang} page not found");
        assert_eq!(lang_of(&html), lang);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_join_code_is_explained_in_the_visitors_language() {
    let app = spawn_app().await;
    let cases = [
        ("es", "abc123", "y este tiene 1."),
        ("fr", "K0HQ2O", "celui-ci contient 0, O."),
        ("sw", "K7HQ", "Msimbo una herufi na tarakimu 6"),
        ("pt", "", "Digite o código mostrado na sala."),
        (
            "en",
            "abc123",
            "because they look alike, and this one has 1.",
        ),
    ];
    for (lang, typed, expected) in cases {
        let response = reqwest::Client::new()
            .get(format!("{}/join", app.address))
            .query(&[("code", typed)])
            .header("cookie", format!("intercede_lang={lang}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{lang} {typed:?}");
        let html = response.text().await.unwrap();
        assert!(html.contains(expected), "{lang} {typed:?}: {expected}");
        assert!(!html.contains(MISSING_MARKER));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_refused_for_too_many_new_phones_is_told_why_in_its_language() {
    // Arrange: a network allowed one new phone.
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = super::helpers::spawn_app_in(dir, |s| s.new_devices_per_ip = 1).await;
    phone_page(&app, &[]).await;

    // Act: a second new phone, in Swahili.
    let response = reqwest::Client::new()
        .get(format!("{}/j/{}", app.address, app.code))
        .header("accept-language", "sw")
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), 429);
    let text = response.text().await.unwrap();
    assert!(text.contains("Simu mpya nyingi mno"), "{text}");
}

// ---- the facilitator's side ----

const HANDOUT: &str = include_str!("../fixtures/guides/handout_pipes.txt");

/// Chooses `lang` with the switch, as the facilitator would, and says where it went back to.
async fn choose(app: &TestApp, browser: &reqwest::Client, lang: &str, back: &str) -> String {
    let response = browser
        .get(format!("{}/language", app.address))
        .query(&[("set", lang), ("back", back)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_string()
}

/// The page is whole and in `lang`: its `lang`, no missing message, each
/// message of `keys` in the language's words and, for a translation, none
/// of them left in English.
fn assert_in_language(html: &str, lang: &str, page: &str, keys: &[&str]) {
    assert!(
        !html.contains(MISSING_MARKER),
        "{lang} {page}: a message is missing"
    );
    assert_eq!(lang_of(html), lang, "{page}");
    let t = Tr::for_code(lang).unwrap();
    for key in keys {
        let words = escape(&t.get(key));
        assert!(html.contains(&words), "{lang} {page}: {key} ({words})");
        if lang != "en" {
            let english = escape(&Tr::default().get(key));
            assert_ne!(english, words, "{lang} {page}: {key} is not translated");
            assert!(
                !html.contains(&english),
                "{lang} {page}: English left: {english}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_facilitator_page_renders_in_every_language() {
    // Arrange: a gathering with a topic on screen, and a facilitator.
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[0]}))
        .await;
    console.next_of("state").await;
    let code = app.code.clone();
    let pages: Vec<(String, &[&str])> = vec![
        (
            "/console".into(),
            &["list-title", "list-create", "sign-out", "accounts-link"],
        ),
        (
            "/console/accounts".into(),
            &["accounts-title", "accounts-invite-button", "accounts-reset"],
        ),
        (
            format!("/console/{code}"),
            &[
                "console-now-showing",
                "console-end",
                "console-shortcuts-toggle",
                "console-keys-focused",
            ],
        ),
        (
            format!("/console/{code}/edit"),
            &[
                "editor-open-console",
                "editor-add-section",
                "editor-duplicate",
            ],
        ),
        (
            format!("/console/{code}/topics/new"),
            &["topic-new", "topic-minutes", "topic-sensitive"],
        ),
        (
            format!("/console/{code}/topics/{}", topics[0]),
            &["topic-edit", "topic-summary", "topic-save"],
        ),
        (
            format!("/console/{code}/delete"),
            &["delete-explain", "delete-button", "delete-keep"],
        ),
        (
            "/console/import".into(),
            &["import-title", "import-lead", "import-preview-button"],
        ),
        (
            format!("/console/{code}/report"),
            &[
                "report-phones",
                "report-col-praying",
                "report-privacy",
                "requests-report-received",
            ],
        ),
        (
            format!("/console/{code}/requests"),
            &[
                "requests-heading",
                "requests-links-note",
                "requests-retention",
                "requests-action-approve",
            ],
        ),
    ];
    // A request waiting, so the requests page shows its buttons.
    let gathering = app.gathering().await;
    app.store
        .insert_request(
            gathering.id,
            "phone-a",
            "op-1",
            &intercede::domain::prayer_request::NewRequest::new(
                "Rain",
                "",
                intercede::domain::prayer_request::Audience::Everyone,
            )
            .unwrap(),
        )
        .await
        .unwrap();

    for language in &LANGUAGES {
        let lang = language.code;
        // The sign-in page, before signing in, by the browser's language.
        let login = reqwest::Client::new()
            .get(format!("{}/login", app.address))
            .header("accept-language", lang)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_in_language(&login, lang, "login", &["login-title", "login-button"]);

        let (browser, _) = app.facilitator().await;
        choose(&app, &browser, lang, "/console").await;
        for (path, keys) in &pages {
            // Act
            let response = browser
                .get(format!("{}{path}", app.address))
                .send()
                .await
                .unwrap();

            // Assert
            assert_eq!(response.status(), 200, "{lang} {path}");
            let html = response.text().await.unwrap();
            assert_in_language(&html, lang, path, keys);
        }

        // An invitation link as the owner sees it made, and as the invitee
        // (in the same language) opens it.
        let csrf = app.csrf(&browser).await;
        let made = browser
            .post(format!("{}/console/accounts/invite", app.address))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(made.status(), 200, "{lang} invitation");
        let html = made.text().await.unwrap();
        assert_in_language(
            &html,
            lang,
            "invitation",
            &["accounts-link-title", "accounts-link-once"],
        );
        let start = html.find("/invite/").unwrap();
        let link = &html[start..start + "/invite/".len() + 64];
        let response = browser
            .get(format!("{}{link}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{lang} {link}");
        let html = response.text().await.unwrap();
        assert_in_language(
            &html,
            lang,
            "invite",
            &["invite-title", "invite-new-lead", "invite-button"],
        );

        // The import preview, with what the importer recognised.
        let csrf = app.csrf(&browser).await;
        let form = Form::new()
            .text("csrf", csrf)
            .text("title", "")
            .text("text", HANDOUT);
        let preview = browser
            .post(format!("{}/console/import/preview", app.address))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(preview.status(), 200, "{lang} preview");
        let html = preview.text().await.unwrap();
        assert_in_language(
            &html,
            lang,
            "preview",
            &["preview-recognised", "preview-create", "preview-again"],
        );
        let opening =
            Tr::for_code(lang)
                .unwrap()
                .text("note-opening", "reference", "Isaiah 51:14-15");
        assert!(html.contains(&escape(&opening)), "{lang}: {opening}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_switch_remembers_the_facilitators_choice() {
    // Arrange: a facilitator whose browser asks for English.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let console = format!("/console/{}", app.code);
    let get = |path: String| {
        let browser = browser.clone();
        let address = app.address.clone();
        async move {
            browser
                .get(format!("{address}{path}"))
                .header("accept-language", "en")
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let html = get(console.clone()).await;
    assert_eq!(lang_of(&html), "en");
    // The switch is on the console, and works without scripts.
    assert!(html.contains("action=\"/language\""));
    assert!(html.contains(&format!("name=\"back\" value=\"{console}\"")));
    assert!(
        html.contains("id=\"console-messages\""),
        "the script's words"
    );

    // Act: the facilitator chooses Spanish.
    let back = choose(&app, &browser, "es", &console).await;

    // Assert: back on the console, in Spanish, and still in Spanish later.
    assert_eq!(back, console);
    for path in [console.clone(), "/console".to_string()] {
        let html = get(path.clone()).await;
        assert_eq!(lang_of(&html), "es", "{path}");
        assert!(html.contains("<option value=\"es\" lang=\"es\" selected>"));
    }
    let html = get(console.clone()).await;
    assert!(html.contains("Terminar el encuentro"));
    assert!(html.contains("\"console-confirm-end\":\"¿Terminar el encuentro ahora?"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_gives_dates_and_numbers_in_the_facilitators_language() {
    // Arrange: a gathering started on an evening in Chicago, with many phones.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let code = app.code.clone();
    let settings = app
        .post_form(
            &browser,
            &format!("/console/{code}/settings"),
            &[
                ("csrf", &csrf),
                ("title", "Evening of prayer"),
                ("time_zone", "America/Chicago"),
            ],
        )
        .await;
    assert_eq!(settings.status(), 303);
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[0]}))
        .await;
    console.next_of("state").await;
    let gathering = app.gathering().await;
    add_phones(&app, gathering.id, 18_000).await;
    // The start is written behind the live change: wait until it is stored.
    let mut started = None;
    for _ in 0..200 {
        started = app
            .store
            .gathering_figures(&gathering)
            .await
            .unwrap()
            .started_at;
        if started.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let started = started.expect("the start is stored");
    let chicago = MeetingZone::parse("America/Chicago").unwrap();

    for (lang, phones) in [
        ("en", "18,000"),
        ("es", "18.000"),
        ("fr", "18\u{202f}000"),
        ("pt", "18.000"),
        ("sw", "18,000"),
    ] {
        // Act
        choose(&app, &browser, lang, "/console").await;
        let html = app
            .get_text(&browser, &format!("/console/{code}/report"))
            .await;

        // Assert
        let t = Tr::for_code(lang).unwrap();
        assert_eq!(lang_of(&html), lang);
        assert!(
            html.contains(&format!("id=\"total-phones\">{phones}<")),
            "{lang}: {phones}"
        );
        let day = t.long_date(&chicago, started);
        assert!(html.contains(&escape(&day)), "{lang}: {day}");
        assert!(html.contains(&escape(&t.date_time(&chicago, started))));
    }
    // The Spanish day in words, as a Spanish reader writes it.
    let spanish = Tr::for_code("es").unwrap().long_date(&chicago, started);
    assert!(
        spanish.contains(" de ") && !spanish.contains(char::is_uppercase),
        "{spanish}"
    );

    // The downloads stay machine-readable, whatever the language.
    let csv = app
        .get_text(&browser, &format!("/console/{code}/report.csv"))
        .await;
    assert!(!csv.contains("18.000") && !csv.contains("18\u{202f}000"));
    let json = app
        .get_text(&browser, &format!("/console/{code}/report.json"))
        .await;
    assert!(json.contains("\"distinct_phones\": 18000"), "{json}");
}

/// Records `count` phones as having joined, straight in the database (as
/// that many real phones would, only faster).
async fn add_phones(app: &TestApp, gathering_id: i64, count: i64) {
    const INSERT: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2) \
         INSERT INTO attendances (gathering_id, device_id, first_seen_at) \
         SELECT $1, 'test-phone-' || i, 0 FROM n";
    super::helpers::execute_on(&app.database, INSERT, gathering_id, count).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_reach_the_facilitator_in_their_language() {
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    choose(&app, &browser, "fr", "/console").await;

    // An expired form, from a browser: a page in French.
    let response = browser
        .post(format!("{}/console/gatherings", app.address))
        .header("accept", "text/html")
        .form(&[("csrf", "stale"), ("title", "Soirée")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let html = response.text().await.unwrap();
    assert_eq!(lang_of(&html), "fr");
    assert!(html.contains("Ce formulaire a expiré"), "{html}");

    // A field refused, beside the field.
    let csrf = app.csrf(&browser).await;
    let response = app
        .post_form(
            &browser,
            &format!("/console/{}/topics", app.code),
            &[
                ("csrf", &csrf),
                ("title", ""),
                ("planned_minutes", "999"),
                ("section", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Veuillez donner un titre au sujet."),
        "{html}"
    );
    assert!(html.contains("un nombre entier de 1 à 180"), "{html}");

    // A download asked for without signing in: plain text, in Portuguese.
    let response = reqwest::Client::new()
        .get(format!("{}/console/{}/report.csv", app.address, app.code))
        .header("accept-language", "pt-BR")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.text().await.unwrap(),
        "Entre primeiro como quem conduz."
    );

    // Signing out says so in the facilitator's language.
    let response = app.post_form(&browser, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!(response.status(), 303);
    let html = app.get_text(&browser, "/login").await;
    assert!(html.contains("Vous êtes déconnecté."), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_speaks_the_terminals_language() {
    // Arrange: a stopped server's database and a guide.
    let app = spawn_app().await;
    let code = app.code.clone();
    let dir = app.stop().await;
    let db = database_arg(&test_database(dir.path()).await);
    let guide = dir.path().join("guide.txt");
    std::fs::write(&guide, HANDOUT).unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_intercede"));
        command
            .args(["--database", &db])
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };

    // Act / Assert: Spanish from LANG.
    let said = run(
        &["import", guide.to_str().unwrap(), "--title", "Sábado"],
        &[("LANG", "es_ES.UTF-8")],
    );
    assert!(said.contains("Se importó «Sábado»"), "{said}");
    assert!(
        said.contains("Pasaje de apertura: Isaiah 51:14-15"),
        "{said}"
    );
    let report = run(&["report", &code], &[("LANG", "es_ES.UTF-8")]);
    assert!(report.contains("Teléfonos que se unieron:"), "{report}");
    assert!(
        report.contains("Este informe contiene recuentos"),
        "{report}"
    );

    // LC_ALL wins over LANG, and --lang over both.
    let report = run(
        &["report", &code],
        &[("LANG", "es_ES.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")],
    );
    assert!(report.contains("Téléphones connectés :"), "{report}");
    let report = run(
        &["report", &code, "--lang", "sw"],
        &[("LANG", "es_ES.UTF-8")],
    );
    assert!(report.contains("Simu zilizojiunga:"), "{report}");

    // English otherwise.
    let report = run(&["report", &code], &[("LANG", "C.UTF-8")]);
    assert!(report.contains("Phones that joined:"), "{report}");
    // The CSV stays as it was for the programs that read it.
    let csv = run(
        &["report", &code, "--format", "csv"],
        &[("LANG", "fr_FR.UTF-8")],
    );
    let english_csv = run(&["report", &code, "--format", "csv"], &[]);
    assert_eq!(csv, english_csv);
}
