//! What a page's script draws on a live update is what the server draws on a
//! fresh page: both come from the same askama macros (the script clones a
//! `<template>` the page holds), in the phone's language. Each check draws a
//! piece live, then compares it with the same piece of the page fetched afresh.

use super::browser::{add_topic, jump, outer_html, served_html};
use super::browser_support::{Page, driver};
use super::helpers::{TestApp, spawn_app};
use serde_json::json;

/// Markup with the whitespace between tags left out (it draws nothing).
fn tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(end) = rest.find('>') {
        out.push_str(&rest[..=end]);
        rest = &rest[end + 1..];
        let gap = rest.len() - rest.trim_start().len();
        if rest.trim_start().starts_with('<') {
            rest = &rest[gap..];
        }
    }
    out.push_str(rest);
    out
}

/// Asserts the live piece equals the freshly served one, and is there at all.
async fn drawn_as_served(page: &Page, css: &str) {
    let live = tags(&outer_html(page, css).await);
    let served = tags(&served_html(page, css).await);
    assert!(!live.is_empty(), "{css} is on the page");
    assert_eq!(
        live, served,
        "{css} drawn live differs from the served page"
    );
}

/// The same, but the room's figures on the keep-praying list are the served
/// page's alone (frames carry only the current topic's count): they are
/// left out of the comparison, after checking the served page has them.
async fn keep_list_drawn_as_served(page: &Page) {
    let live = tags(&outer_html(page, "#keep-list").await);
    let mut served = tags(&served_html(page, "#keep-list").await);
    let room = served
        .find("<p class=\"keep-room\">")
        .expect("the served list has the room's figure");
    let end = room + served[room..].find("</p>").unwrap() + "</p>".len();
    served.replace_range(room..end, "");
    assert_eq!(
        live, served,
        "the keep-praying list drawn live differs from the served page"
    );
}

/// A phone that has chosen Spanish with the page's language switch.
async fn spanish_phone(driver: &super::browser_support::Driver, app: &TestApp) -> Page {
    let page = driver.open(390, 780).await;
    page.goto(&format!(
        "{}/language?set=es&back=/j/{}",
        app.address, app.code
    ))
    .await;
    page.wait_for(
        "the phone to connect",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    assert_eq!(
        page.eval("return document.documentElement.lang;").await,
        json!("es")
    );
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_draws_topics_so_far_and_keep_praying_exactly_as_the_server_does() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let with_scripture = add_topic(&app, "Judges in Lusaka", "Pray for *fair* hearings.").await;
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let sensitive = agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter())
        .find(|t| t.sensitive)
        .expect("the demo has a sensitive story")
        .clone();
    let phone = spanish_phone(&driver, &app).await;

    // A topic with scripture, drawn live on a phone that was waiting.
    jump(&app, with_scripture).await;
    phone
        .wait_for_text("#topic-title", "Judges in Lusaka")
        .await;
    drawn_as_served(&phone, "#phase-topic blockquote").await;
    drawn_as_served(&phone, "#paragraphs").await;
    assert_eq!(
        phone.text("#phase-topic blockquote cite").await,
        "Isaiah 1:17"
    );
    phone.click("#pray-button").await;
    phone
        .wait_for(
            "the tap to be counted",
            "return document.getElementById('pray-button').classList.contains('is-counted');",
        )
        .await;

    // A sensitive story: behind the advisory, in Spanish, as the server draws it.
    jump(&app, sensitive.id).await;
    phone.wait_for_text("#topic-title", &sensitive.title).await;
    assert_eq!(
        phone.text("#paragraphs details.advisory > summary").await,
        "Esta historia describe abusos y puede ser difícil de leer. Toca para leerla."
    );
    drawn_as_served(&phone, "#paragraphs").await;
    drawn_as_served(&phone, "#phase-topic blockquote").await;
    drawn_as_served(&phone, "#so-far-list").await;
    phone.screenshot("redraw-phone-sensitive").await;

    // The end: the keep-praying list built from the frame alone (the page's
    // later refresh from the server is switched off), with this phone's mark.
    phone.eval("window.fetch = undefined; return true;").await;
    let mut console = app.console().await;
    console.send(json!({"type": "end"})).await;
    console.next_of("state").await;
    phone
        .wait_for(
            "the keep-praying list",
            "return document.querySelectorAll('#keep-list > li').length === 2;",
        )
        .await;
    assert_eq!(
        phone
            .eval("return document.querySelectorAll('#keep-list .keep-tapped').length;")
            .await,
        json!(1),
        "the topic this phone prayed for is marked"
    );
    assert_eq!(
        phone.text("#keep-list details.advisory > summary").await,
        "Esta historia describe abusos y puede ser difícil de leer. Toca para leerla.",
        "the story keeps its advisory, in the phone's language"
    );
    keep_list_drawn_as_served(&phone).await;
    phone.screenshot("redraw-phone-keep-praying").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_and_projector_draw_a_new_topics_scripture_as_the_server_does() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let with_scripture = add_topic(&app, "Judges in Lusaka", "Pray for fair hearings.").await;
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;
    projector
        .wait_for(
            "the projector to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;

    jump(&app, with_scripture).await;
    projector
        .wait_for_text("#topic-title", "Judges in Lusaka")
        .await;
    drawn_as_served(&projector, "#topic-area blockquote").await;
    drawn_as_served(&projector, "#topic-body").await;
}

/// A tap the server refuses for good (its topic is gone) is dropped from the
/// phone's queue and explained, rather than sent again forever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_tap_the_server_refuses_is_dropped_and_explained() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topic = add_topic(&app, "Judges in Lusaka", "Pray for fair hearings.").await;
    jump(&app, topic).await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    phone
        .eval(&format!(
            "localStorage.setItem('intercede.pending.{}', JSON.stringify([{{op: 'gone-1', topic: 987654, at: Date.now()}}])); \
             return true;",
            app.code
        ))
        .await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;

    phone
        .wait_for(
            "the refused tap to leave the queue",
            &format!(
                "return localStorage.getItem('intercede.pending.{}') === '[]';",
                app.code
            ),
        )
        .await;
    phone
        .wait_for_text("#pray-status", "That topic is no longer in the gathering")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_draws_an_edited_agenda_and_the_next_topic_as_the_server_does() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let path = format!("/console/{}", app.code);
    let console = super::browser_support::facilitator_page(&driver, &app, 1280, &path).await;
    console
        .wait_for(
            "the console to connect",
            "return document.body.getAttribute('data-phase') === 'waiting' && !!document.getElementById('agenda-list').firstElementChild;",
        )
        .await;

    // A topic change: the next topic drawn live.
    jump(&app, topics[0]).await;
    console
        .wait_for(
            "the next topic",
            "return /^2\\. /.test(document.getElementById('next-title').textContent);",
        )
        .await;
    drawn_as_served(&console, "#next-title").await;

    // The agenda edited meanwhile (a praise topic added): redrawn live.
    let gathering = app.gathering().await;
    let section = app.store.load_agenda(&gathering).await.unwrap().sections[0].id;
    let praise = intercede::domain::NewTopic {
        title: "Thanks for the hotline volunteers".into(),
        scripture: None,
        body: "They answered every call.".into(),
        kind: intercede::domain::TopicKind::Praise,
        planned_minutes: 2,
        notes: String::new(),
        sensitive: false,
        safe_summary: String::new(),
    };
    app.store
        .add_topic(gathering.id, section, &praise)
        .await
        .unwrap();
    app.hub.agenda_changed(&gathering).await.unwrap();
    console
        .wait_for_text("#agenda-list", "Thanks for the hotline volunteers")
        .await;
    drawn_as_served(&console, "#agenda-list").await;
    console.screenshot("redraw-console-agenda").await;
}
