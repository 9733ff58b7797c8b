//! Attacks at the edge of the server: where a login may send the browser, and
//! what a report's CSV may make a spreadsheet run.

use crate::helpers::{PASSWORD, TestApp, spawn_app};
use intercede::domain::{NewTopic, TopicKind};

/// Renames the demo gathering's topics in order, straight in the store.
async fn rename_topics(app: &TestApp, titles: &[&str]) {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let topics = agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(move |t| (s.id, t)));
    for ((section, topic), title) in topics.zip(titles) {
        let renamed = NewTopic {
            title: (*title).into(),
            kind: TopicKind::Pray,
            ..topic.to_new_topic()
        };
        assert!(
            app.store
                .update_topic(gathering.id, topic.id, section, &renamed)
                .await
                .unwrap()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_login_never_redirects_off_the_server() {
    // Arrange
    let app = spawn_app().await;
    let hostile = [
        "//evil.example",
        "/\\evil.example",
        "/%09/evil.example",
        "/\t/evil.example",
        "https://evil.example",
        "/%2F%2Fevil.example",
        "javascript:alert(1)",
        "/ /evil.example",
    ];

    for next in hostile {
        // Act
        let response = app
            .post_form(
                &app.browser(),
                "/login",
                &[("password", PASSWORD), ("next", next)],
            )
            .await;

        // Assert
        assert_eq!(response.status(), 303, "{next:?}");
        assert_eq!(response.headers()["location"], "/console", "{next:?}");
    }
    // A real console page is still a fine place to return to.
    let next = format!("/console/{}", app.code);
    let response = app
        .post_form(
            &app.browser(),
            "/login",
            &[("password", PASSWORD), ("next", &next)],
        )
        .await;
    assert_eq!(response.headers()["location"], next.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_csv_runs_no_formula_in_any_locale() {
    // Arrange: titles that spreadsheets would run as formulas.
    let app = spawn_app().await;
    rename_topics(
        &app,
        &[
            "x;=1+1",
            "\u{FF1D}1+1",
            "\u{202E}=1+1",
            "+1",
            "@SUM(A1)",
            "\tx",
        ],
    )
    .await;
    let (browser, _) = app.facilitator().await;

    // Act
    let csv = app
        .get_text(&browser, &format!("/console/{}/report.csv", app.code))
        .await;

    // Assert
    let rows: Vec<&str> = csv.lines().collect();
    let topic = |row: &str| row.split(',').nth(2).unwrap_or_default().to_string();
    assert!(rows[1].contains("\"x;'=1+1\""), "{}", rows[1]);
    assert!(!csv.contains(";="), "{csv}");
    assert_eq!(topic(rows[2]), "'\u{FF1D}1+1");
    assert_eq!(topic(rows[3]), "'\u{202E}=1+1");
    assert_eq!(topic(rows[4]), "'+1");
    assert_eq!(topic(rows[5]), "'@SUM(A1)");
    assert_eq!(topic(rows[6]), "'\tx");
}
