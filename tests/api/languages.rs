//! The phone page in each language: chosen by the browser's `Accept-Language`
//! (weights honoured, English for languages we lack), or by the phone's own
//! choice in a cookie, which wins. Every phase renders with no missing message.

use super::helpers::{TestApp, spawn_app};
use intercede::i18n::{LANGUAGES, MISSING_MARKER};
use serde_json::json;

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
