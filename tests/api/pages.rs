//! Pages as a browser gets them, before any script runs.

use super::helpers::{OWNER, PASSWORD, escape, spawn_app};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_needs_a_login() {
    let app = spawn_app().await;
    let browser = app.browser();
    for path in ["/console".to_string(), format!("/console/{}", app.code)] {
        let response = browser
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{path}");
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/login?next="), "{location}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_refused_and_the_right_one_opens_the_console() {
    let app = spawn_app().await;
    let browser = app.browser();
    for wrong in ["", "a test passwor", "A TEST PASSWORD"] {
        let response = browser
            .post(format!("{}/login", app.address))
            .form(&[("name", OWNER), ("password", wrong), ("next", "/console")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{wrong:?}");
        assert!(response.headers().get("set-cookie").is_none());
        assert!(response.text().await.unwrap().contains("not right"));
    }
    let response = browser
        .post(format!("{}/login", app.address))
        .form(&[
            ("name", OWNER),
            ("password", PASSWORD),
            ("next", &format!("/console/{}", app.code)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    let console = browser
        .get(format!("{}/console/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(console.status(), 200);
    let html = console.text().await.unwrap();
    assert!(
        html.contains("Forced Labour Slavery"),
        "the agenda is on the console"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_attendee_page_already_shows_the_current_topic() {
    // Arrange: move the gathering to its third topic.
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let third = agenda
        .sections
        .iter()
        .flat_map(|s| &s.topics)
        .nth(2)
        .unwrap()
        .clone();
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[2]}))
        .await;
    console.next_of("state").await;

    // Act
    let response = app
        .browser()
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(response.status(), 200);
    let device_cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_string());
    assert!(device_cookie.is_some_and(|c| c.starts_with("intercede_device=")));
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"));
    let html = response.text().await.unwrap();
    assert!(html.contains(&escape(&third.title)), "title in the HTML");
    let first_paragraph = intercede::domain::agenda::paragraphs(&third.body)[0].clone();
    let opening: String = first_paragraph
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    assert!(
        opening.len() > 10 && html.contains(&opening),
        "body in the HTML"
    );
    assert!(
        html.contains(&format!("3 of {}", topics.len())),
        "topic number in the HTML"
    );
    assert!(html.contains("lang=\"en\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_join_codes_get_a_friendly_page_to_try_again() {
    let app = spawn_app().await;
    let browser = app.browser();
    for path in ["/j/ZZZZZZ", "/j/<script>", "/p/ZZZZZZ", "/no/such/page"] {
        let response = browser
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("name=\"code\""),
            "{path}: a box to type the code again"
        );
        assert!(!html.contains("<script>"), "{path}: input is escaped");
    }
    // Typing a code on the home page goes to the gathering.
    let response = browser
        .get(format!(
            "{}/join?code={}",
            app.address,
            app.code.to_lowercase()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("/j/{}", app.code).as_str()
    );
    let response = browser
        .get(format!("{}/join?code=12", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_shows_how_to_join() {
    let app = spawn_app().await;
    let html = app
        .get_text(&app.browser(), &format!("/p/{}", app.code))
        .await;
    assert!(html.contains(&app.code));
    assert!(html.contains(&format!("/j/{}", app.code)));
    assert!(html.contains("<svg"), "a QR code");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_assets_answer() {
    let app = spawn_app().await;
    let browser = app.browser();
    let health = browser
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    for asset in [
        "app.css",
        "live.js",
        "attend.js",
        "projector.js",
        "console.js",
    ] {
        let response = browser
            .get(format!("{}/static/{asset}", app.address))
            .header("Accept-Encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{asset}");
        assert_eq!(
            response.headers()["content-encoding"],
            "gzip",
            "{asset} compressed"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phones_first_load_is_under_30_kb_compressed() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[4]}))
        .await;
    console.next_of("state").await;
    // reqwest here does not decompress, so the bytes counted are the bytes sent.
    let browser = app.browser();
    let page = browser
        .get(format!("{}/j/{}", app.address, app.code))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers()["content-encoding"], "gzip");
    let mut total = page.bytes().await.unwrap().len();
    for asset in ["app.css", "live.js", "attend.js"] {
        let response = browser
            .get(format!("{}/static/{asset}", app.address))
            .header("Accept-Encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["content-encoding"], "gzip", "{asset}");
        total += response.bytes().await.unwrap().len();
    }
    assert!(total < 30 * 1024, "first load is {total} bytes compressed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sensitive_story_is_behind_an_advisory_on_phones_and_summarised_on_the_projector() {
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let sensitive = agenda
        .sections
        .iter()
        .flat_map(|s| &s.topics)
        .find(|t| t.sensitive)
        .unwrap()
        .clone();
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": sensitive.id}))
        .await;
    console.next_of("state").await;
    let browser = app.browser();
    let phone = app.get_text(&browser, &format!("/j/{}", app.code)).await;
    assert!(
        phone.contains("<details class=\"advisory\">"),
        "phones tap through an advisory"
    );
    let projector = app.get_text(&browser, &format!("/p/{}", app.code)).await;
    let summary_start: String = sensitive
        .safe_summary
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    assert!(
        projector.contains(&summary_start),
        "the projector shows the summary"
    );
    let body_start: String = sensitive
        .body
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    assert!(!projector.contains(&body_start), "and not the story");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_door_says_what_was_wrong_with_a_code() {
    let app = spawn_app().await;
    let browser = app.browser();

    // A code of the right length with a look-alike is told which one.
    let response = browser
        .get(format!("{}/join?code=ABC123", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("because they look alike, and this one has 1."),
        "{html}"
    );
    assert!(
        html.contains("value=\"ABC123\""),
        "the box keeps what was typed"
    );
    let home = app.get_text(&browser, "/").await;
    assert!(
        home.contains("Codes never use 0, 1, I, L or O."),
        "the door says so before anyone types"
    );

    // An unknown code is named on the page.
    let html = browser
        .get(format!("{}/j/ZZZZZZ", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(">ZZZZZZ</strong>"), "{html}");

    // An unknown address never shows an empty code.
    let html = browser
        .get(format!("{}/no/such/page", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Page not found"));
    assert!(!html.contains("with the code"), "{html}");

    // A code typed straight after the host goes to its gathering.
    let response = browser
        .get(format!("{}/{}", app.address, app.code.to_lowercase()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("/j/{}", app.code).as_str()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_list_tells_gatherings_apart() {
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    app.post_form(
        &browser,
        "/console/gatherings",
        &[("csrf", &csrf), ("title", "Empty one")],
    )
    .await;
    let topics = app.topic_ids().await.len();

    let html = app.get_text(&browser, "/console").await;

    let rows: Vec<&str> = html.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "{html}");
    let empty = rows.iter().find(|r| r.contains("Empty one")).unwrap();
    let demo = rows.iter().find(|r| r.contains(&app.code)).unwrap();
    assert!(
        empty.contains("Created ") && empty.contains("· 0 topics"),
        "{empty}"
    );
    assert!(demo.contains(&format!("· {topics} topics")), "{demo}");
    assert!(demo.contains("status-draft"), "{demo}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_praying_lists_what_was_shown_and_marks_the_room_and_this_phone() {
    // Arrange: topics 1 and 3 shown (2 skipped); this phone and one other pray for 1, only the other for 3.
    let app = spawn_app().await;
    let t = app.topic_ids().await;
    let mine = app.new_device().await;
    let mut me = app.attendee_as(&mine).await;
    let mut other = app.attendee().await;
    let mut console = app.console().await;
    for (topic, phones) in [(t[0], 2), (t[2], 1)] {
        console.send(json!({"type": "jump", "topic": topic})).await;
        console.next_of("state").await;
        let mut tappers = vec![&mut other];
        if phones == 2 {
            tappers.push(&mut me);
        }
        for phone in tappers {
            phone
                .send(json!({"type": "tap", "op": format!("op-{topic}"), "topic": topic}))
                .await;
            phone.next_of("ack").await;
        }
    }
    console.send(json!({"type": "end"})).await;
    console.next_of("state").await;

    // Act: this phone opens the join address after the end.
    let html = app
        .browser()
        .get(format!("{}/j/{}", app.address, app.code))
        .header("cookie", format!("intercede_device={mine}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Assert
    let item = |id: i64| -> String {
        let start = html
            .find(&format!("data-topic-id=\"{id}\""))
            .unwrap_or_else(|| panic!("topic {id} listed"));
        let rest = &html[start..];
        rest[..rest.find("</li>").unwrap()].to_string()
    };
    assert!(html.contains("we prayed for tonight"));
    assert!(
        !html.contains(&format!("data-topic-id=\"{}\"", t[1])),
        "the skipped topic is not listed"
    );
    assert!(!html.contains(&format!("data-topic-id=\"{}\"", t[3])));
    let first = item(t[0]);
    assert!(first.contains("You prayed for this"), "{first}");
    assert!(
        first.contains("2 phones in the room prayed for this"),
        "{first}"
    );
    let third = item(t[2]);
    assert!(!third.contains("You prayed for this"), "{third}");
    assert!(
        third.contains("1 phone in the room prayed for this"),
        "{third}"
    );
}
