//! The other end sees a revocation: when a moderator link is revoked, an
//! account disabled or a co-facilitator removed, the page open on that
//! helper's or facilitator's screen says what happened within seconds, and
//! shows nothing it should no longer show. Checked in a real browser.

use super::browser_support::{Page, driver};
use super::helpers::{PASSWORD, TestApp, spawn_app};
use intercede::domain::prayer_request::{Audience, NewRequest};
use serde_json::json;

const TEAM_ONLY: &str = "Please pray for my marriage, only the team";

/// A team-only request waiting in the demo gathering.
async fn team_only_request(app: &TestApp) {
    let gathering = app.gathering().await;
    let request = NewRequest::new(TEAM_ONLY, "Ana", Audience::Team).unwrap();
    app.store
        .insert_request(gathering.id, "a-phone", "op-1", &request)
        .await
        .unwrap();
}

/// Whether the page still shows the words anywhere.
async fn shows(page: &Page, words: &str) -> bool {
    page.eval(&format!(
        "return document.body.innerText.indexOf({}) >= 0;",
        serde_json::to_string(words).unwrap()
    ))
    .await
        == json!(true)
}

/// Waits until the page says, in its visible notice, why its access ended.
async fn says_gone(page: &Page, words: &str) {
    page.wait_for(
        words,
        &format!(
            "var n = document.getElementById('gone-notice'); \
             return !!n && !n.hidden && n.innerText.indexOf({}) >= 0;",
            serde_json::to_string(words).unwrap()
        ),
    )
    .await;
}

/// An account called `name` that co-leads the demo gathering, and its
/// console open in a browser, signed in through the sign-in form.
async fn co_leaders_console(
    driver: &super::browser_support::Driver,
    app: &TestApp,
    name: &str,
) -> (intercede::store::Account, Page) {
    let account = app.make_account(name).await;
    let gathering = app.gathering().await;
    app.store
        .add_co_facilitator(gathering.id, account.id)
        .await
        .unwrap();
    let console = signed_in_page(driver, app, name, &format!("/console/{}", app.code)).await;
    (account, console)
}

/// Asserts the page has no button left to press.
async fn no_buttons_left(page: &Page) {
    assert_eq!(
        page.eval("return document.querySelectorAll('.console-main button').length;")
            .await,
        json!(0),
        "no button is left to press"
    );
}

/// A page signed in as `name` at `path`, through the sign-in form.
async fn signed_in_page(
    driver: &super::browser_support::Driver,
    app: &TestApp,
    name: &str,
    path: &str,
) -> Page {
    let page = driver.open_laptop(1280, 800).await;
    page.goto(&format!("{}/login?next={path}", app.address))
        .await;
    page.type_into("input[name=name]", name).await;
    page.type_into("input[name=password]", PASSWORD).await;
    page.click("button[type=submit]").await;
    page.wait_for(
        "the console to connect",
        "return !!document.querySelector('.console-main') && document.readyState === 'complete';",
    )
    .await;
    page
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_helpers_page_says_its_link_was_revoked_and_shows_no_request_any_more() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    team_only_request(&app).await;
    let (_, code) = super::moderation::make_link(&app, "Door").await;
    let helper = driver.open(390, 780).await;
    helper.goto(&format!("{}/m/{code}", app.address)).await;
    helper.wait_for_text(".request-text", TEAM_ONLY).await;

    // The facilitator revokes it, with the requests page's own form.
    let (owner, _) = app.facilitator().await;
    let gathering = app.gathering().await;
    let link = app.store.moderator_links(gathering.id).await.unwrap()[0].id;
    let revoke = format!("/console/{}/moderators/{link}/revoke", app.code);
    let requests = format!("/console/{}/requests", app.code);
    let revoked = app.press(&owner, &requests, &revoke, &[]).await;
    assert_eq!(revoked.status(), 303);

    says_gone(&helper, "link was revoked").await;
    helper.screenshot("revoked-moderator-link-phone").await;
    assert!(
        !shows(&helper, TEAM_ONLY).await,
        "the team-only request is gone from the page"
    );
    assert_eq!(
        helper
            .eval(
                "return document.querySelectorAll('.request, form[action*=\"/requests/\"]').length;"
            )
            .await,
        json!(0),
        "no request and no moderation button is left"
    );
    helper.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_facilitators_console_says_so_and_shows_the_gathering_no_more() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let (ana, console) = co_leaders_console(&driver, &app, "ana").await;
    let first_topic = app
        .store
        .load_agenda(&app.gathering().await)
        .await
        .unwrap()
        .sections[0]
        .topics[0]
        .title
        .clone();
    assert!(shows(&console, &first_topic).await);

    // The owner disables Ana from the accounts page's own form.
    let (owner, _) = app.facilitator().await;
    let disable = format!("/console/accounts/{}/disable", ana.id);
    let disabled = app.press(&owner, "/console/accounts", &disable, &[]).await;
    assert_eq!(disabled.status(), 303);

    says_gone(&console, "account was disabled").await;
    console.screenshot("disabled-facilitator-console").await;
    assert!(
        !shows(&console, &first_topic).await,
        "the agenda is gone from the page"
    );
    no_buttons_left(&console).await;
    console.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_co_facilitators_console_says_it_no_longer_leads_the_gathering() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let (ben, console) = co_leaders_console(&driver, &app, "ben").await;

    let (owner, _) = app.facilitator().await;
    let remove = format!("/console/{}/co-facilitators/{}/remove", app.code, ben.id);
    let removed = app
        .press(&owner, &format!("/console/{}/edit", app.code), &remove, &[])
        .await;
    assert_eq!(removed.status(), 303);

    says_gone(&console, "no longer lead").await;
    console.screenshot("removed-co-facilitator-console").await;
    no_buttons_left(&console).await;
    console.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_says_its_gathering_was_deleted() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let phone = driver.open(390, 780).await;
    phone.goto(&format!("{}/j/{}", app.address, app.code)).await;
    phone
        .wait_for(
            "the phone to connect",
            "return document.getElementById('connection').getAttribute('data-state') === 'online';",
        )
        .await;

    // The facilitator deletes it with the delete page's own form, typing the code.
    let (owner, _) = app.facilitator().await;
    let delete = format!("/console/{}/delete", app.code);
    let deleted = app
        .press(&owner, &delete, &delete, &[("confirm", &app.code)])
        .await;
    assert_eq!(deleted.status(), 303);

    says_gone(&phone, "was deleted").await;
    phone.screenshot("deleted-gathering-phone").await;
    // It stops trying: no reconnecting a gathering that is gone.
    assert_eq!(
        phone
            .eval("return getComputedStyle(document.getElementById('gone-notice')).display !== 'none';")
            .await,
        json!(true)
    );
    phone.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_signed_out_elsewhere_says_so_and_offers_to_sign_in_again() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    let (ana, console) = co_leaders_console(&driver, &app, "ana").await;

    // A new password for Ana (the owner's reset link, used elsewhere) ends
    // her other sessions.
    let (owner, _) = app.facilitator().await;
    let reset = format!("/console/accounts/{}/reset", ana.id);
    let made = app.press(&owner, "/console/accounts", &reset, &[]).await;
    assert_eq!(made.status(), 200);
    let html = made.text().await.unwrap();
    let start = html.find("/invite/").expect("the link is shown");
    let link = &html[start..start + "/invite/".len() + 64];
    let used = app
        .press(
            &app.browser(),
            link,
            link,
            &[
                ("password", "a brand new password"),
                ("repeat", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(used.status(), 303);

    says_gone(&console, "signed out").await;
    console.screenshot("signed-out-console").await;
    assert_eq!(
        console
            .eval("var a = document.querySelector('#gone-notice a[data-sign-in]'); return !a.closest('[hidden]') && a.getAttribute('href');")
            .await,
        json!(format!("/login?next=%2Fconsole%2F{}", app.code))
    );
    console.close().await;
    app.stop().await;
}
