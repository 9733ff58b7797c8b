//! The gathering's history: which account started, ended, reopened or
//! edited it, as the store, the console's history fragment and the report
//! tell it, with a co-facilitator on a console of its own.

use super::browser_support::{driver, facilitator_page};
use super::helpers::{Client, TestApp, postgres_only, spawn_app, spawn_app_in};
use intercede::store::{Account, Action, HistoryEntry};
use serde_json::{Value, json};
use std::time::Duration;

/// A second account, made by invitation, sharing the demo gathering and
/// signed in: its browser, session cookie and account.
async fn co_facilitator(app: &TestApp, name: &str) -> (reqwest::Client, String, Account) {
    let account = app.make_account(name).await;
    let gathering = app.gathering().await;
    assert!(
        app.store
            .add_co_facilitator(gathering.id, account.id)
            .await
            .unwrap()
    );
    let (browser, cookie) = app.sign_in(name).await;
    (browser, cookie, account)
}

async fn console_as(app: &TestApp, cookie: &str) -> Client {
    Client::connect(&app.ws_url("console"), Some(&app.origin()), Some(cookie))
        .await
        .expect("console connects")
}

/// Sends a command and waits for the state frame it causes.
async fn command(console: &mut Client, message: Value) {
    console.send(message).await;
    console.next_of("state").await;
}

/// The history as stored, once it has `count` lines (a milestone is written
/// just after its frame goes out).
async fn history_of(app: &TestApp, count: usize) -> Vec<(String, Action)> {
    let gathering = app.gathering().await;
    for _ in 0..100 {
        let history = app.store.history(gathering.id).await.unwrap();
        if history.len() >= count {
            return history
                .into_iter()
                .map(|HistoryEntry { who, action, .. }| (who, action))
                .collect();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the history never reached {count} lines");
}

#[tokio::test]
async fn each_milestone_names_the_account_whose_console_made_it() {
    let app = spawn_app().await;
    let mut owner = app.console().await;
    command(&mut owner, json!({"type": "next"})).await;
    assert_eq!(
        history_of(&app, 1).await,
        [("admin".to_string(), Action::Started)]
    );

    let (ben_browser, ben_cookie, _) = co_facilitator(&app, "Ben").await;
    let mut ben = console_as(&app, &ben_cookie).await;
    command(&mut ben, json!({"type": "end"})).await;
    // Ending again changes nothing, so it is no milestone.
    ben.send(json!({"type": "end"})).await;
    command(&mut ben, json!({"type": "reopen"})).await;
    // Moving on after the reopen neither starts it again.
    command(&mut ben, json!({"type": "next"})).await;
    let expected = [
        ("admin".to_string(), Action::Started),
        ("Ben".to_string(), Action::Ended),
        ("Ben".to_string(), Action::Reopened),
    ];
    assert_eq!(history_of(&app, 3).await, expected);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(history_of(&app, 3).await, expected, "nothing more recorded");

    // The console's fragment, as any console of the gathering fetches it.
    let fragment = app
        .get_text(&ben_browser, &format!("/console/{}/history", app.code))
        .await;
    assert!(fragment.contains(r#"data-latest="reopened""#), "{fragment}");
    let started = fragment.find("Started by admin at").expect(&fragment);
    let ended = fragment.find("Ended by Ben at").expect(&fragment);
    let reopened = fragment.find("Reopened by Ben at").expect(&fragment);
    assert!(started < ended && ended < reopened, "{fragment}");
    // The console page draws the same lines.
    let page = app
        .get_text(&ben_browser, &format!("/console/{}", app.code))
        .await;
    assert!(
        page.contains("Ended by Ben at"),
        "the console shows the history"
    );

    // The report: its JSON, its page and its text.
    let json: Value = ben_browser
        .get(format!("{}/console/{}/report.json", app.address, app.code))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lines: Vec<(&str, &str)> = json["history"]
        .as_array()
        .expect("the report's history")
        .iter()
        .map(|line| {
            assert!(line["at"].as_str().unwrap().contains('T'), "{line}");
            (
                line["who"].as_str().unwrap(),
                line["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [("admin", "started"), ("Ben", "ended"), ("Ben", "reopened")]
    );
    let page = app
        .get_text(&ben_browser, &format!("/console/{}/report", app.code))
        .await;
    assert!(
        page.contains("Reopened by Ben on"),
        "the report page says who"
    );
    let report = intercede::report::Report::load(&app.store, &app.code)
        .await
        .unwrap()
        .unwrap();
    let text =
        intercede::report::text::to_text(&report, &intercede::i18n::Tr::for_code("en").unwrap());
    assert!(text.contains("Started by admin on"), "{text}");
    assert!(text.contains("Ended by Ben on"), "{text}");
}

#[tokio::test]
async fn a_run_of_edits_is_one_line_for_the_account_that_made_it() {
    let app = spawn_app().await;
    let (browser, _, _) = co_facilitator(&app, "Ben").await;
    let csrf = app.csrf(&browser).await;
    let sections = format!("/console/{}/sections", app.code);
    for title in ["Evening", "Morning"] {
        let response = app
            .post_form(&browser, &sections, &[("csrf", &csrf), ("title", title)])
            .await;
        assert_eq!(response.status(), 303, "{title} added");
    }
    let ben_edited = ("Ben".to_string(), Action::Edited);
    assert_eq!(history_of(&app, 1).await, std::slice::from_ref(&ben_edited));

    // A refused edit changes nothing, so it is not one.
    let refused = app
        .post_form(&browser, &sections, &[("csrf", &csrf), ("title", "")])
        .await;
    assert_eq!(refused.status(), 422);
    // Request settings are no edit of the agenda.
    let settings = app
        .post_form(
            &browser,
            &format!("/console/{}/request-settings", app.code),
            &[("csrf", &csrf), ("retention_days", "30")],
        )
        .await;
    assert!(settings.status().is_redirection(), "{}", settings.status());
    assert_eq!(history_of(&app, 1).await, std::slice::from_ref(&ben_edited));

    // The owner's edit (a translation added) is a line of its own.
    let (owner, _) = app.facilitator().await;
    let owner_csrf = app.csrf(&owner).await;
    let response = app
        .post_form(
            &owner,
            &format!("/console/{}/translations", app.code),
            &[("csrf", &owner_csrf), ("language", "es")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        history_of(&app, 2).await,
        [ben_edited, ("admin".to_string(), Action::Edited)]
    );
    let fragment = app
        .get_text(&browser, &format!("/console/{}/history", app.code))
        .await;
    assert!(fragment.contains("Edited by Ben at"), "{fragment}");
    assert!(fragment.contains(r#"data-latest="edited""#), "{fragment}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_on_another_instance_draws_the_milestone_its_frame_shows() {
    if postgres_only("several instances on one database") {
        return;
    }
    let a = spawn_app().await;
    let b = spawn_app_in(a.dir.clone(), |_| {}).await;
    let (owner, owner_cookie) = a.facilitator().await;
    let mut owner_console = console_as(&a, &owner_cookie).await;
    // Ben leads from the other instance, signed in there.
    let (_, ben_cookie, _) = co_facilitator(&b, "Ben").await;
    let mut ben = console_as(&b, &ben_cookie).await;
    command(&mut ben, json!({"type": "next"})).await;
    command(&mut ben, json!({"type": "end"})).await;
    owner_console
        .next_matching(|f| f["type"] == "state" && f["live"]["phase"] == "ended")
        .await;
    // What the owner's console fetches on that frame, from its own instance
    // (again a little later while the line is not there yet, as it does).
    let path = format!("/console/{}/history", a.code);
    let mut fragment = String::new();
    for _ in 0..20 {
        fragment = a.get_text(&owner, &path).await;
        if fragment.contains(r#"data-latest="ended""#) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(fragment.contains("Started by Ben at"), "{fragment}");
    assert!(fragment.contains("Ended by Ben at"), "{fragment}");
    assert!(fragment.contains(r#"data-latest="ended""#), "{fragment}");
}

#[tokio::test]
async fn the_console_page_redraws_the_history_when_a_co_facilitator_leads() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let console = facilitator_page(&driver, &app, 1280, &format!("/console/{}", app.code)).await;
    console
        .wait_for(
            "the console to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;
    console
        .wait_for_text("#history", "Not started or edited yet.")
        .await;
    let (browser, ben_cookie, _) = co_facilitator(&app, "Ben").await;
    let mut ben = console_as(&app, &ben_cookie).await;
    command(&mut ben, json!({"type": "next"})).await;
    console.wait_for_text("#history", "Started by Ben at").await;
    command(&mut ben, json!({"type": "end"})).await;
    console.wait_for_text("#history", "Ended by Ben at").await;
    let csrf = app.csrf(&browser).await;
    let response = app
        .post_form(
            &browser,
            &format!("/console/{}/sections", app.code),
            &[("csrf", &csrf), ("title", "Late additions")],
        )
        .await;
    assert_eq!(response.status(), 303);
    console.wait_for_text("#history", "Edited by Ben at").await;
    let text = console.text("#history").await;
    let started = text.find("Started by Ben").unwrap();
    let ended = text.find("Ended by Ben").unwrap();
    let edited = text.find("Edited by Ben").unwrap();
    assert!(started < ended && ended < edited, "{text}");
    console
        .eval("document.getElementById('history').scrollIntoView(); return true;")
        .await;
    console.screenshot("console-history").await;
    console.close().await;
}
