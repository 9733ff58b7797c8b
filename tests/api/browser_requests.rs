//! Prayer requests in real browsers: a phone shares one, a helper's phone
//! approves it on the moderation page, and another phone shows it and prays
//! for it; a request written offline is sent once the server is back.

use super::browser_support::{Page, driver};
use super::helpers::{TestApp, spawn_app};

async fn phone(driver: &super::browser_support::Driver, app: &TestApp) -> Page {
    let page = driver.open(390, 780).await;
    page.goto(&format!("{}/j/{}", app.address, app.code)).await;
    page.wait_for(
        "the phone to connect",
        "return document.getElementById('connection').getAttribute('data-state') === 'online';",
    )
    .await;
    page
}

/// Opens the share box, writes a request and sends it.
async fn share(page: &Page, text: &str, name: &str) {
    page.click("#request-share > summary").await;
    page.type_into("#request-text", text).await;
    page.type_into("#request-name", name).await;
    page.click("#request-form button[type=submit]").await;
}

/// Makes a moderator link as the facilitator and returns its address.
async fn moderator_link(app: &TestApp) -> String {
    let (_, code) = super::moderation::make_link(app, "Helper").await;
    format!("{}/m/{code}", app.address)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_shared_on_one_phone_is_approved_by_a_helper_and_prayed_for_on_another() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let sender = phone(&driver, &app).await;
    let other = phone(&driver, &app).await;
    let path = format!("/console/{}", app.code);
    let console = super::browser_support::facilitator_page(&driver, &app, 1280, &path).await;
    console
        .wait_for_text("#requests-waiting", "0 waiting")
        .await;

    share(
        &sender,
        "Please pray for my sister's surgery on Friday",
        "Grace",
    )
    .await;
    sender.wait_for_text("#request-status", "Received").await;
    sender.screenshot("requests-phone-received").await;
    // The console's card counts it at once.
    console
        .wait_for_text("#requests-waiting", "1 waiting")
        .await;
    // Nothing reaches the other phone before a moderator approves it.
    assert_eq!(
        other
            .eval("return document.querySelectorAll('#request-list > li').length;")
            .await,
        serde_json::json!(0)
    );

    // A helper opens the moderator link on a phone and approves it.
    let helper = driver.open(390, 780).await;
    helper.goto(&moderator_link(&app).await).await;
    helper
        .wait_for_text(
            "#group-new + article .request-text, .request[data-status=new] .request-text",
            "sister's surgery",
        )
        .await;
    helper.screenshot("requests-moderator-queue").await;
    helper
        .click(".request[data-status=new] button[value=approve]")
        .await;
    helper
        .wait_for(
            "the request to be approved",
            "return !!document.querySelector('.request[data-status=approved]');",
        )
        .await;
    console
        .wait_for_text("#requests-waiting", "0 waiting")
        .await;

    // The other phone shows it, with the name, and prays for it.
    other
        .wait_for_text("#request-list", "sister's surgery on Friday")
        .await;
    other
        .wait_for_text("#request-list .request-by", "Grace")
        .await;
    other.click("#request-list .request-pray").await;
    other
        .wait_for(
            "the prayer to be counted",
            "return document.querySelector('#request-list .request-item').classList.contains('is-prayed');",
        )
        .await;
    other.screenshot("requests-phone-list").await;
    // The sender sees one praying.
    sender
        .wait_for_text("#request-list .request-praying", "1 praying")
        .await;
    let gathering = app.gathering().await;
    assert_eq!(
        app.store
            .request_figures(gathering.id)
            .await
            .unwrap()
            .prayers,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_written_offline_is_sent_once_when_the_server_returns() {
    let Some(driver) = driver() else { return };
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = super::helpers::spawn_app_in(dir.clone(), |_| {}).await;
    let port: u16 = app.host.rsplit(':').next().unwrap().parse().unwrap();
    let sender = phone(&driver, &app).await;
    let address = app.address.clone();
    let code = app.code.clone();
    let dir = app.stop().await;
    sender
        .wait_for(
            "the phone to notice",
            "return document.getElementById('connection').getAttribute('data-state') === 'offline';",
        )
        .await;

    share(&sender, "Safe travel for the youth group", "").await;
    sender
        .wait_for_text("#request-status", "Saved on this phone")
        .await;

    let app = super::helpers::spawn_app_in(dir, |settings| settings.port = port).await;
    assert_eq!(app.address, address);
    sender.wait_for_text("#request-status", "Received").await;
    let gathering = app.gathering().await;
    let stored = app.store.requests(gathering.id).await.unwrap();
    assert_eq!(stored.len(), 1, "sent once");
    assert_eq!(
        stored[0].body.as_deref(),
        Some("Safe travel for the youth group")
    );
    assert_eq!(code, app.code);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_helpers_moderation_page_shows_new_requests_without_a_reload() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let helper = driver.open(390, 780).await;
    helper.goto(&moderator_link(&app).await).await;
    helper.wait_for_text(".empty", "No requests yet").await;
    helper.eval("window.notReloaded = true; return true;").await;

    let sender = phone(&driver, &app).await;
    share(&sender, "Strength for the night shift nurses", "").await;
    helper
        .wait_for_text(
            ".request[data-status=new] .request-text",
            "night shift nurses",
        )
        .await;
    assert_eq!(
        helper.eval("return window.notReloaded === true;").await,
        serde_json::json!(true),
        "the list was redrawn in place"
    );
    helper.screenshot("requests-moderator-live").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_shows_a_request_and_phones_point_to_it() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let request = intercede::domain::prayer_request::NewRequest::new(
        "For the families waiting for news of the fishing boat",
        "Mercy",
        intercede::domain::prayer_request::Audience::Everyone,
    )
    .unwrap();
    let (id, _) = app
        .store
        .insert_request(gathering.id, "phone-a", "op-1", &request)
        .await
        .unwrap();
    app.store
        .moderate_request(gathering.id, id, &intercede::store::Moderation::Approve)
        .await
        .unwrap();
    app.hub.requests_changed(gathering.id, false).await;
    let projector = driver.open(1280, 720).await;
    projector
        .goto(&format!("{}/p/{}", app.address, app.code))
        .await;
    let phone = phone(&driver, &app).await;
    phone.wait_for_text("#request-list", "fishing boat").await;

    // The facilitator presses the console's own button, with a topic on phones.
    let console_page = super::browser_support::facilitator_page(
        &driver,
        &app,
        1280,
        &format!("/console/{}", app.code),
    )
    .await;
    console_page.click("#btn-next").await;
    phone
        .wait_for(
            "a topic on the phone",
            "return document.body.classList.contains('phase-topic');",
        )
        .await;
    console_page.click("#btn-requests-screen").await;
    console_page
        .wait_for(
            "the console to say the projector shows requests, not the topic",
            "var n = document.getElementById('requests-screen-note'); return !n.hidden && n.textContent.indexOf('not this topic') >= 0;",
        )
        .await;
    let mut console = app.console().await;
    projector
        .wait_for_text("#request-shown-text", "families waiting for news")
        .await;
    projector
        .wait_for_text("#request-shown-name", "Mercy")
        .await;
    assert_eq!(
        projector
            .eval("return document.getElementById('screen-requests').hidden;")
            .await,
        serde_json::json!(false)
    );
    let (scroll_w, client_w, scroll_h, client_h) = projector.scroll_sizes().await;
    assert!(
        scroll_w <= client_w && scroll_h <= client_h,
        "fits the screen"
    );
    phone
        .wait_for(
            "the phone to say requests are on screen, and what its button counts for",
            "var n = document.getElementById('requests-on-screen'); return !n.hidden && n.innerText.indexOf('still counts for this topic') >= 0;",
        )
        .await;
    projector.screenshot("requests-projector").await;
    console_page.screenshot("requests-console-on-screen").await;
    phone.screenshot("requests-phone-on-screen").await;

    // Back to the gathering.
    console
        .send(serde_json::json!({"type": "show_requests", "on": false}))
        .await;
    projector
        .wait_for(
            "the requests to leave the screen",
            "return document.getElementById('screen-requests').hidden;",
        )
        .await;
    console_page
        .wait_for(
            "the console's note to go with them",
            "return document.getElementById('requests-screen-note').hidden;",
        )
        .await;
}
