//! Authoring agendas in the console, as a facilitator's browser does it.

use super::helpers::{TestApp, spawn_app};
use serde_json::json;

/// Logs in and returns the browser with its CSRF token.
async fn facilitator(app: &TestApp) -> (reqwest::Client, String) {
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    (browser, csrf)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_builds_an_agenda_from_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;

    // Act: a new gathering, a section, two topics, the second moved up, the first edited.
    let created = app
        .post_form(
            &browser,
            "/console/gatherings",
            &[("csrf", &csrf), ("title", "Friday night prayer")],
        )
        .await;
    assert_eq!(created.status(), 303);
    let editor = created.headers()["location"].to_str().unwrap().to_string();
    let code = editor
        .trim_start_matches("/console/")
        .trim_end_matches("/edit")
        .to_string();
    let added = app
        .post_form(
            &browser,
            &format!("/console/{code}/sections"),
            &[("csrf", &csrf), ("title", "Regional Focus")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let store = &app.store;
    let gathering = store
        .find_gathering(&intercede::domain::JoinCode::parse(&code).unwrap())
        .await
        .unwrap()
        .unwrap();
    let section_id = store.load_agenda(&gathering).await.unwrap().sections[0].id;
    let section = section_id.to_string();
    for title in ["Latin America", "South Asia"] {
        let response = app
            .post_form(
                &browser,
                &format!("/console/{code}/topics"),
                &[
                    ("csrf", &csrf),
                    ("title", title),
                    ("section", &section),
                    ("kind", "pray"),
                    ("planned_minutes", "4"),
                    ("body", "Pray for the teams.\n\nPray for *courage*."),
                    ("scripture_text", "Seek justice."),
                    ("scripture_ref", "Isaiah 1:17"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{title}");
    }
    let agenda = store.load_agenda(&gathering).await.unwrap();
    let (first, second) = (
        agenda.sections[0].topics[0].id,
        agenda.sections[0].topics[1].id,
    );
    let moved = app
        .post_form(
            &browser,
            &format!("/console/{code}/topics/{second}/move"),
            &[("csrf", &csrf), ("direction", "up")],
        )
        .await;
    assert_eq!(moved.status(), 303);
    let edited = app
        .post_form(
            &browser,
            &format!("/console/{code}/topics/{first}"),
            &[
                ("csrf", &csrf),
                ("title", "Latin America and the Caribbean"),
                ("section", &section),
                ("kind", "praise"),
                ("planned_minutes", "2"),
                ("body", "Give thanks."),
                ("sensitive", "on"),
                ("safe_summary", "A story of rescue."),
                ("notes", "Keep it short."),
            ],
        )
        .await;
    assert_eq!(edited.status(), 303);

    // Assert
    let agenda = store.load_agenda(&gathering).await.unwrap();
    let titles: Vec<_> = agenda.sections[0]
        .topics
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(titles, ["South Asia", "Latin America and the Caribbean"]);
    let edited = &agenda.sections[0].topics[1];
    assert_eq!(edited.kind.as_str(), "praise");
    assert_eq!(edited.planned_minutes, 2);
    assert!(edited.sensitive);
    assert_eq!(edited.safe_summary, "A story of rescue.");
    assert_eq!(edited.notes, "Keep it short.");
    assert!(edited.scripture.is_none());
    let page = app.get_text(&browser, &editor).await;
    assert!(page.contains("Latin America and the Caribbean"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_topics_are_refused_next_to_the_field_with_what_was_typed() {
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let gathering = app.gathering().await;
    let section = app.store.load_agenda(&gathering).await.unwrap().sections[0]
        .id
        .to_string();
    let before = app.store.topic_count(gathering.id).await.unwrap();
    let long_title = "L".repeat(500);
    let cases: [(&str, &str, &str, &str); 5] = [
        ("", "3", "", "Please give the topic a title."),
        (
            &long_title,
            "3",
            "",
            "Please keep the topic title to 120 characters",
        ),
        (
            "Courage",
            "-3",
            "",
            "Planned minutes must be a whole number",
        ),
        (
            "Courage",
            "ten",
            "",
            "Planned minutes must be a whole number",
        ),
        (
            "Courage",
            "3",
            "Be strong.",
            "Please say where the verse comes from",
        ),
    ];
    for (title, minutes, verse, message) in cases {
        let response = app
            .post_form(
                &browser,
                &format!("/console/{}/topics", app.code),
                &[
                    ("csrf", &csrf),
                    ("title", title),
                    ("section", &section),
                    ("planned_minutes", minutes),
                    ("scripture_text", verse),
                    ("body", "What I typed stays here."),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{title:?} {minutes}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{message} in the page");
        assert!(
            html.contains("aria-invalid=\"true\""),
            "the field is marked"
        );
        assert!(
            html.contains("What I typed stays here."),
            "the text is kept"
        );
        assert!(
            html.contains(&format!("value=\"{minutes}\"")),
            "the minutes are kept"
        );
    }
    assert_eq!(
        app.store.topic_count(gathering.id).await.unwrap(),
        before,
        "nothing created"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_without_the_session_token_change_nothing() {
    let app = spawn_app().await;
    let (browser, _csrf) = facilitator(&app).await;
    let gathering = app.gathering().await;
    let topic = app.topic_ids().await[0];
    let before = app.store.load_agenda(&gathering).await.unwrap();
    let attempts = [
        ("/console/gatherings".to_string(), vec![("title", "Forged")]),
        (
            format!("/console/{}/sections", app.code),
            vec![("title", "Forged")],
        ),
        (
            format!("/console/{}/topics/{topic}/delete", app.code),
            vec![],
        ),
        (format!("/console/{}/delete", app.code), vec![]),
        (
            format!("/console/{}/settings", app.code),
            vec![("title", "Forged")],
        ),
    ];
    for (path, fields) in &attempts {
        for csrf in [
            "",
            "0000000000000000000000000000000000000000000000000000000000000000",
        ] {
            let mut form = fields.clone();
            form.push(("csrf", csrf));
            let response = app.post_form(&browser, path, &form).await;
            assert_eq!(response.status(), 403, "{path} with {csrf:?}");
        }
        // And without a login at all.
        let response = app.post_form(&app.browser(), path, fields).await;
        assert_eq!(response.status(), 401, "{path} anonymous");
    }
    assert_eq!(app.store.load_agenda(&gathering).await.unwrap(), before);
    assert_eq!(app.store.list_gatherings().await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_the_topic_on_screen_reaches_phones_at_once() {
    // Arrange: the first topic is live and a phone follows.
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let topics = app.topic_ids().await;
    let gathering = app.gathering().await;
    let section = app.store.load_agenda(&gathering).await.unwrap().sections[0]
        .id
        .to_string();
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;

    // Act
    let response = app
        .post_form(
            &browser,
            &format!("/console/{}/topics/{}", app.code, topics[0]),
            &[
                ("csrf", &csrf),
                ("title", "Corrected title"),
                ("section", &section),
                ("planned_minutes", "5"),
                ("body", "New words for the room."),
                ("sensitive", "on"),
                ("safe_summary", "A calm summary."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);

    // Assert
    let state = phone.next_of("state").await;
    assert_eq!(state["live"]["topic"]["title"], "Corrected title");
    assert!(
        state["live"]["topic"]["body_html"]
            .as_str()
            .unwrap()
            .contains("New words for the room.")
    );
    let shown = projector.next_of("state").await;
    assert!(
        shown["live"]["topic"]["body_html"]
            .as_str()
            .unwrap()
            .contains("A calm summary.")
    );
    assert!(
        !shown["live"]["topic"]["body_html"]
            .as_str()
            .unwrap()
            .contains("New words")
    );
    let console_state = console.next_of("state").await;
    assert_eq!(
        console_state["agenda"][0]["topics"][0]["title"],
        "Corrected title"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_gathering_is_not_deleted_by_accident() {
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let path = format!("/console/{}/delete", app.code);

    let refused = app.post_form(&browser, &path, &[("csrf", &csrf)]).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Type its code"));
    assert_eq!(app.store.list_gatherings().await.unwrap().len(), 1);

    let deleted = app
        .post_form(
            &browser,
            &path,
            &[("csrf", &csrf), ("confirm", &app.code.to_lowercase())],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    assert!(app.store.list_gatherings().await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gathering_is_duplicated_as_a_fresh_draft() {
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let original = app.gathering().await;
    let response = app
        .post_form(
            &browser,
            &format!("/console/{}/duplicate", app.code),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let gatherings = app.store.list_gatherings().await.unwrap();
    assert_eq!(gatherings.len(), 2);
    let copy = gatherings.iter().find(|g| g.id != original.id).unwrap();
    assert_eq!(copy.status, "draft");
    assert_ne!(copy.code, original.code);
    assert_eq!(copy.title, format!("{} (copy)", original.title));
    let a = app
        .store
        .load_agenda(&original)
        .await
        .unwrap()
        .to_new_agenda();
    let b = app.store.load_agenda(copy).await.unwrap().to_new_agenda();
    assert_eq!(a.sections, b.sections);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_renamed_gathering_shows_its_new_title_on_phones_loading_the_page() {
    // Arrange: a phone's page load opens the room (later loads are answered
    // by the open room, with no database read).
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let code = app.gathering().await.code;
    let phone = app.browser();
    let before = app.get_text(&phone, &format!("/j/{code}")).await;
    assert!(!before.contains("Renamed night of prayer"));

    // Act
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{code}/settings"),
            &[("csrf", &csrf), ("title", "Renamed night of prayer")],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Assert: the open room has the new title, and the page shows it.
    let after = app.get_text(&phone, &format!("/j/{code}")).await;
    assert!(after.contains("Renamed night of prayer"), "{after}");
    // A code typed in lower case still lands on the canonical address.
    let lower = phone
        .get(format!("{}/j/{}", app.address, code.to_lowercase()))
        .send()
        .await
        .unwrap();
    assert_eq!(lower.status(), 303);
    assert_eq!(lower.headers()["location"], format!("/j/{code}").as_str());
}

/// How many times a page shows a confirmation.
fn flashes(html: &str) -> usize {
    html.matches("class=\"flash\"").count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_deleting_and_signing_out_are_confirmed_once() {
    // Arrange: a gathering with one section.
    let app = spawn_app().await;
    let (browser, csrf) = facilitator(&app).await;
    let created = app
        .post_form(
            &browser,
            "/console/gatherings",
            &[("csrf", &csrf), ("title", "Saturday prayer")],
        )
        .await;
    let editor = created.headers()["location"].to_str().unwrap().to_string();
    let code = editor
        .trim_start_matches("/console/")
        .trim_end_matches("/edit")
        .to_string();
    app.post_form(
        &browser,
        &format!("/console/{code}/sections"),
        &[("csrf", &csrf), ("title", "Mercy")],
    )
    .await;
    let gathering = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse(&code).unwrap())
        .await
        .unwrap()
        .unwrap();
    let section = app.store.load_agenda(&gathering).await.unwrap().sections[0]
        .id
        .to_string();

    // Act: save a topic whose title holds markup.
    let title = "<b>Bread & \"rain\"</b>";
    let saved = app
        .post_form(
            &browser,
            &format!("/console/{code}/topics"),
            &[
                ("csrf", &csrf),
                ("title", title),
                ("section", &section),
                ("kind", "pray"),
                ("planned_minutes", "3"),
                ("body", "Pray."),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Assert: the editor says so once, escaped.
    let first = app.get_text(&browser, &editor).await;
    assert_eq!(flashes(&first), 1, "{first}");
    assert!(
        first.contains(&format!("Added “{}”.", super::helpers::escape(title))),
        "{first}"
    );
    assert!(!first.contains("<b>Bread"), "the title is escaped");
    let again = app.get_text(&browser, &editor).await;
    assert_eq!(flashes(&again), 0, "shown only once");

    // Deleting the gathering is confirmed on the list, once.
    let deleted = app
        .post_form(
            &browser,
            &format!("/console/{code}/delete"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(deleted.status(), 303);
    let list = app.get_text(&browser, "/console").await;
    assert_eq!(flashes(&list), 1);
    assert!(list.contains(&format!("Deleted “Saturday prayer” ({code}).")));
    assert_eq!(flashes(&app.get_text(&browser, "/console").await), 0);

    // Signing out is confirmed on the sign-in page, once.
    let out = app.post_form(&browser, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status(), 303);
    let login = app.get_text(&browser, "/login").await;
    assert_eq!(flashes(&login), 1);
    assert!(login.contains("You are signed out."));
    assert_eq!(flashes(&app.get_text(&browser, "/login").await), 0);
}
