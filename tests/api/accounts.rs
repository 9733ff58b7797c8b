//! Facilitator accounts as the owner and the invitees use them: invitation
//! links made on the accounts page (once, expiring, never guessable), a new
//! facilitator choosing a name and password, new-password links, and
//! disabling an account, which signs it out at once, consoles included.

use super::browser_support::{driver, facilitator_page};
use super::browser_ux::OVERFLOWING;
use super::helpers::{Client, OWNER, PASSWORD, TestApp, escape, spawn_app};
use intercede::store::now_ms;
use intercede::web::auth::{random_token, token_hash};
use serde_json::json;
use std::time::Duration;

const ANA_PASSWORD: &str = "ana's own password";

/// The path of the link on an invitation page (`/invite/…`).
fn link_in(html: &str) -> String {
    let start = html
        .find("/invite/")
        .expect("an invitation link on the page");
    html[start..start + "/invite/".len() + 64].to_string()
}

/// The `name=value` of the session cookie a response sets.
fn session_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("intercede_session="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

/// The owner makes an invitation link on the accounts page; its path.
async fn invitation(app: &TestApp, owner: &reqwest::Client) -> String {
    let csrf = app.csrf(owner).await;
    let response = app
        .post_form(owner, "/console/accounts/invite", &[("csrf", &csrf)])
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    link_in(&html)
}

/// A new browser answers the invitation at `link`.
async fn accept(app: &TestApp, link: &str, name: &str, password: &str) -> reqwest::Response {
    let browser = app.browser();
    app.post_form(
        &browser,
        link,
        &[("name", name), ("password", password), ("repeat", password)],
    )
    .await
}

/// Signs in at `/login`: the browser and the status (303 when right).
async fn sign_in(app: &TestApp, name: &str, password: &str) -> (reqwest::Client, u16) {
    let browser = app.browser();
    let response = app
        .post_form(
            &browser,
            "/login",
            &[("name", name), ("password", password), ("next", "/console")],
        )
        .await;
    (browser, response.status().as_u16())
}

/// An owner's browser and a facilitator "Ana" made through an invitation.
async fn owner_and_ana(app: &TestApp) -> (reqwest::Client, i64) {
    let (owner, _) = app.facilitator().await;
    let link = invitation(app, &owner).await;
    assert_eq!(accept(app, &link, "Ana", ANA_PASSWORD).await.status(), 303);
    let ana = app.store.account_named("ana").await.unwrap().expect("Ana");
    (owner, ana.account.id)
}

/// Ana signed in, with the console of a gathering of her own open.
async fn ana_with_console(app: &TestApp) -> (reqwest::Client, Client) {
    let ana = app.browser();
    let signed_in = app
        .post_form(
            &ana,
            "/login",
            &[
                ("name", "Ana"),
                ("password", ANA_PASSWORD),
                ("next", "/console"),
            ],
        )
        .await;
    assert_eq!(signed_in.status(), 303);
    let cookie = session_cookie(&signed_in);
    let csrf = app.csrf(&ana).await;
    let created = app
        .post_form(
            &ana,
            "/console/gatherings",
            &[
                ("csrf", &csrf),
                ("title", "Ana's prayer"),
                ("time_zone", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let code = location.split('/').nth(2).unwrap().to_string();
    let console = Client::connect(
        &format!("ws://{}/ws/console/{code}", app.host),
        Some(&app.origin()),
        Some(&cookie),
    )
    .await
    .expect("Ana's console connects");
    (ana, console)
}

async fn status_of(app: &TestApp, browser: &reqwest::Client, path: &str) -> u16 {
    browser
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_facilitator_chooses_a_name_and_password_and_signs_in() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = app.facilitator().await;
    let csrf = app.csrf(&owner).await;

    // Act: the owner makes a link.
    let made = app
        .post_form(&owner, "/console/accounts/invite", &[("csrf", &csrf)])
        .await;

    // Assert: shown once, never cached, with a QR code and the whole
    // address; the accounts page says a link is waiting, not the link.
    assert_eq!(made.status(), 200);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.unwrap();
    let link = link_in(&html);
    assert!(
        html.contains(&format!(">{}{link}</code>", app.address)),
        "the whole link, shown"
    );
    assert!(html.contains("<svg"), "a QR code");
    let accounts = app.get_text(&owner, "/console/accounts").await;
    assert!(accounts.contains("An invitation is waiting to be used"));
    assert!(!accounts.contains(&link));

    // Act: the invitee opens it and chooses a name and password.
    let browser = app.browser();
    let form = browser
        .get(format!("{}{link}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    assert_eq!(form.headers()["cache-control"], "no-store");
    assert!(form.text().await.unwrap().contains("name=\"repeat\""));
    let accepted = app
        .post_form(
            &browser,
            &link,
            &[
                ("name", "  Ana Lúcia "),
                ("password", ANA_PASSWORD),
                ("repeat", ANA_PASSWORD),
            ],
        )
        .await;

    // Assert: signed in, on the console, which says who it is.
    assert_eq!(accepted.status(), 303);
    assert_eq!(accepted.headers()["location"], "/console");
    let console = app.get_text(&browser, "/console").await;
    assert!(
        console.contains(&escape("Signed in as Ana Lúcia")),
        "{console}"
    );
    assert!(console.contains("Welcome, Ana Lúcia"), "the welcome");
    assert!(!console.contains("/console/accounts"), "no accounts link");
    // The name and password sign in on the sign-in page, in any case.
    assert_eq!(sign_in(&app, "ana lúcia", ANA_PASSWORD).await.1, 303);
    assert_eq!(sign_in(&app, "Ana Lúcia", "a wrong password").await.1, 401);
    // The owner sees the account, no invitation waiting any more, and the
    // link to the accounts page.
    let accounts = app.get_text(&owner, "/console/accounts").await;
    assert!(accounts.contains("Ana Lúcia"));
    assert!(!accounts.contains("waiting to be used"));
    assert!(
        app.get_text(&owner, "/console")
            .await
            .contains("/console/accounts")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_link_works_once() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = app.facilitator().await;
    let link = invitation(&app, &owner).await;
    assert_eq!(accept(&app, &link, "Ana", ANA_PASSWORD).await.status(), 303);

    // Act
    let again = status_of(&app, &app.browser(), &link).await;
    let second = accept(&app, &link, "Bea", "bea's password").await;

    // Assert
    assert_eq!(again, 404);
    assert_eq!(second.status(), 404);
    assert!(second.text().await.unwrap().contains("cannot be used"));
    assert!(app.store.account_named("Bea").await.unwrap().is_none());
    assert_eq!(sign_in(&app, "Bea", "bea's password").await.1, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_or_forged_link_is_refused() {
    // Arrange: one link that expired a second ago, one never made.
    let app = spawn_app().await;
    let expired = random_token();
    app.store
        .insert_invitation(&token_hash(&expired), None, None, now_ms() - 1000)
        .await
        .unwrap();
    let forged = random_token();

    for token in [expired, forged, "not-even-a-token".to_string()] {
        // Act
        let link = format!("/invite/{token}");
        let page = status_of(&app, &app.browser(), &link).await;
        let posted = accept(&app, &link, "Mallory", "mallory's password").await;

        // Assert
        assert_eq!(page, 404, "{token}");
        assert_eq!(posted.status(), 404, "{token}");
        let text = posted.text().await.unwrap();
        assert!(text.contains("never made"), "{text}");
    }
    assert!(app.store.account_named("Mallory").await.unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_links_is_stopped_by_address() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = app.facilitator().await;
    let link = invitation(&app, &owner).await;

    // Act: many guesses from one address.
    let mut statuses = Vec::new();
    for _ in 0..40 {
        let guess = format!("/invite/{}", random_token());
        statuses.push(status_of(&app, &app.browser(), &guess).await);
    }

    // Assert: refused for guessing, the real link too while it lasts.
    assert_eq!(statuses[0], 404);
    assert_eq!(*statuses.last().unwrap(), 429);
    assert_eq!(status_of(&app, &app.browser(), &link).await, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_or_a_bad_password_is_refused_and_the_link_still_works() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = app.facilitator().await;
    let link = invitation(&app, &owner).await;
    let browser = app.browser();

    // Act: the owner's name, in another case.
    let taken = app
        .post_form(
            &browser,
            &link,
            &[
                ("name", &OWNER.to_uppercase()),
                ("password", ANA_PASSWORD),
                ("repeat", ANA_PASSWORD),
            ],
        )
        .await;

    // Assert
    assert_eq!(taken.status(), 409);
    let html = taken.text().await.unwrap();
    assert!(html.contains("already has this name"), "{html}");
    assert!(html.contains(&format!("action=\"{link}\"")));

    // Act: a short password, then two that differ.
    let short = app
        .post_form(
            &browser,
            &link,
            &[("name", "Ana"), ("password", "short"), ("repeat", "short")],
        )
        .await;
    let differ = app
        .post_form(
            &browser,
            &link,
            &[
                ("name", "Ana"),
                ("password", ANA_PASSWORD),
                ("repeat", "something else entirely"),
            ],
        )
        .await;

    // Assert
    assert_eq!(short.status(), 400);
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("at least 10 characters")
    );
    assert_eq!(differ.status(), 400);
    assert!(differ.text().await.unwrap().contains("not the same"));
    // The owner's password is untouched, and the link still works.
    assert_eq!(sign_in(&app, OWNER, PASSWORD).await.1, 303);
    assert_eq!(accept(&app, &link, "Ana", ANA_PASSWORD).await.status(), 303);
    assert_eq!(sign_in(&app, "Ana", ANA_PASSWORD).await.1, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_owner_manages_accounts() {
    // Arrange
    let app = spawn_app().await;
    let (_, ana_id) = owner_and_ana(&app).await;
    let owner_id = app.store.account_named(OWNER).await.unwrap().unwrap();
    let owner_id = owner_id.account.id;
    let (ana, status) = sign_in(&app, "Ana", ANA_PASSWORD).await;
    assert_eq!(status, 303);
    let csrf = app.csrf(&ana).await;
    let before = app.store.accounts().await.unwrap();

    // Act and assert: every page and form of the accounts is refused.
    assert_eq!(status_of(&app, &ana, "/console/accounts").await, 403);
    let refused = app
        .post_form(&ana, "/console/accounts/invite", &[("csrf", &csrf)])
        .await;
    assert_eq!(refused.status(), 403);
    assert!(!refused.text().await.unwrap().contains("/invite/"));
    for id in [owner_id, ana_id] {
        for action in ["reset", "disable", "enable"] {
            let path = format!("/console/accounts/{id}/{action}");
            let response = app.post_form(&ana, &path, &[("csrf", &csrf)]).await;
            assert_eq!(response.status(), 403, "{path}");
            assert!(!response.text().await.unwrap().contains("/invite/"));
        }
    }

    // Assert: nothing changed, everyone still signs in.
    assert_eq!(app.store.accounts().await.unwrap(), before);
    assert_eq!(sign_in(&app, OWNER, PASSWORD).await.1, 303);
    assert_eq!(status_of(&app, &ana, "/console").await, 200);
    // Without a session: the sign-in page, or 401 for a form.
    let anonymous = app.browser();
    let response = anonymous
        .get(format!("{}/console/accounts", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    let posted = app
        .post_form(&anonymous, "/console/accounts/invite", &[("csrf", "x")])
        .await;
    assert_eq!(posted.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_account_is_signed_out_at_once_and_its_console_closes() {
    // Arrange: Ana signed in, with the console of her own gathering open.
    let app = spawn_app().await;
    let (owner, ana_id) = owner_and_ana(&app).await;
    let (ana, mut console) = ana_with_console(&app).await;
    let owner_csrf = app.csrf(&owner).await;
    // A new-password link made for her before.
    let made = app
        .post_form(
            &owner,
            &format!("/console/accounts/{ana_id}/reset"),
            &[("csrf", &owner_csrf)],
        )
        .await;
    let reset_link = link_in(&made.text().await.unwrap());

    // Act
    let disabled = app
        .post_form(
            &owner,
            &format!("/console/accounts/{ana_id}/disable"),
            &[("csrf", &owner_csrf)],
        )
        .await;

    // Assert: her console closes within seconds, her pages ask to sign in,
    // and she cannot sign in again.
    assert_eq!(disabled.status(), 303);
    tokio::time::timeout(Duration::from_secs(5), console.closed())
        .await
        .expect("the console closes within seconds");
    let next = ana
        .get(format!("{}/console", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(next.status(), 303);
    assert!(
        next.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
    assert_eq!(sign_in(&app, "Ana", ANA_PASSWORD).await.1, 401);
    assert_eq!(status_of(&app, &app.browser(), &reset_link).await, 404);
    let listed = app.get_text(&owner, "/console/accounts").await;
    assert!(listed.contains(&format!("/console/accounts/{ana_id}/enable")));

    // Act: enabled again.
    let enabled = app
        .post_form(
            &owner,
            &format!("/console/accounts/{ana_id}/enable"),
            &[("csrf", &owner_csrf)],
        )
        .await;

    // Assert
    assert_eq!(enabled.status(), 303);
    assert_eq!(sign_in(&app, "Ana", ANA_PASSWORD).await.1, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_password_link_replaces_the_password_and_ends_old_sessions() {
    // Arrange: Ana signed in on one browser, her console open.
    let app = spawn_app().await;
    let (owner, ana_id) = owner_and_ana(&app).await;
    let (old_browser, mut old_console) = ana_with_console(&app).await;
    let csrf = app.csrf(&owner).await;

    // Act: the owner makes her a new-password link, and she uses it.
    let made = app
        .post_form(
            &owner,
            &format!("/console/accounts/{ana_id}/reset"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(made.status(), 200);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.unwrap();
    assert!(html.contains("Ana"));
    let link = link_in(&html);
    let form = app.get_text(&app.browser(), &link).await;
    assert!(form.contains("new password for Ana"), "{form}");
    let new_password = "ana's new password";
    let used = accept(&app, &link, "", new_password).await;

    // Assert
    assert_eq!(used.status(), 303);
    tokio::time::timeout(Duration::from_secs(5), old_console.closed())
        .await
        .expect("the old console closes within seconds");
    assert_eq!(status_of(&app, &old_browser, "/console").await, 303);
    assert_eq!(sign_in(&app, "Ana", ANA_PASSWORD).await.1, 401);
    assert_eq!(sign_in(&app, "Ana", new_password).await.1, 303);
    assert_eq!(
        app.store.accounts().await.unwrap().len(),
        2,
        "no new account"
    );
    assert_eq!(status_of(&app, &app.browser(), &link).await, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_cannot_be_disabled() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = app.facilitator().await;
    let owner_id = app.store.account_named(OWNER).await.unwrap().unwrap();
    let csrf = app.csrf(&owner).await;

    // Act
    let refused = app
        .post_form(
            &owner,
            &format!("/console/accounts/{}/disable", owner_id.account.id),
            &[("csrf", &csrf)],
        )
        .await;

    // Assert
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await.unwrap().contains("cannot be disabled"));
    assert_eq!(status_of(&app, &owner, "/console/accounts").await, 200);
    assert_eq!(sign_in(&app, OWNER, PASSWORD).await.1, 303);
    let page = app.get_text(&owner, "/console/accounts").await;
    assert!(!page.contains(&format!(
        "/console/accounts/{}/disable",
        owner_id.account.id
    )));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gathering_shared_with_a_facilitator_says_whose_it_is() {
    // Arrange: the owner's gathering shared with Ana.
    let app = spawn_app().await;
    let (_, ana_id) = owner_and_ana(&app).await;
    let gathering = app.gathering().await;
    app.store
        .add_co_facilitator(gathering.id, ana_id)
        .await
        .unwrap();
    let (ana, _) = sign_in(&app, "Ana", ANA_PASSWORD).await;

    // Act
    let list = app.get_text(&ana, "/console").await;
    let own = app.get_text(&app.facilitator().await.0, "/console").await;

    // Assert
    assert!(list.contains(&gathering.code), "{list}");
    assert!(list.contains(&format!("Shared by {OWNER}")), "{list}");
    assert!(!own.contains("Shared by"), "the owner's own gathering");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accounts_pages_fit_a_phone() {
    let Some(driver) = driver() else { return };
    let app = spawn_app().await;
    owner_and_ana(&app).await;

    for width in [320, 390] {
        // The accounts page, with the disable step opened.
        let page = facilitator_page(&driver, &app, width, "/console/accounts").await;
        page.click(".confirm summary").await;
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px accounts: {scroll_w} > {client_w}"
        );
        assert_eq!(
            page.eval(OVERFLOWING).await,
            json!([]),
            "{width}px accounts"
        );
        page.screenshot(&format!("accounts-{width}")).await;

        // The link just made, with its QR code.
        page.click("form[action='/console/accounts/invite'] button")
            .await;
        page.wait_for(
            "the invitation link",
            "return !!document.querySelector('.invitation-link');",
        )
        .await;
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px link: {scroll_w} > {client_w}"
        );
        let qr = page
            .eval("return document.querySelector('.link-qr svg').getBoundingClientRect().width;")
            .await;
        assert!(
            qr.as_f64().unwrap() >= 150.0,
            "{width}px: a QR code big enough to scan"
        );
        page.screenshot(&format!("invitation-{width}")).await;

        // The invitee's form.
        // The whole link is shown, never cut off, with a button that copies it.
        assert_eq!(
            page.eval("var l = document.querySelector('.invitation-link'); return l.scrollWidth <= l.clientWidth + 1 && l.getBoundingClientRect().right <= window.innerWidth;").await,
            json!(true),
            "{width}px: the link is seen whole"
        );
        page.click("button[data-copy='invitation-link']").await;
        page.wait_for(
            "the copy button to say what it did",
            "return document.getElementById('invitation-link-copied').textContent.length > 0;",
        )
        .await;
        let link = page
            .eval("return document.querySelector('.invitation-link').textContent.trim();")
            .await;
        page.goto(link.as_str().unwrap()).await;
        let (scroll_w, client_w, _, _) = page.scroll_sizes().await;
        assert!(
            scroll_w <= client_w,
            "{width}px invite: {scroll_w} > {client_w}"
        );
        assert_eq!(page.eval(OVERFLOWING).await, json!([]), "{width}px invite");
        page.screenshot(&format!("invite-{width}")).await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accounts_page_counts_the_gatherings_an_account_co_leads() {
    let app = spawn_app().await;
    let ana = app.make_account("ana").await;
    let gathering = app.gathering().await;
    app.store
        .add_co_facilitator(gathering.id, ana.id)
        .await
        .unwrap();
    let owner = app.following_facilitator().await;

    let page = app.get_text(&owner, "/console/accounts").await;

    let anas = page
        .split("<strong>ana</strong>")
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("ana is listed");
    assert!(
        anas.contains("0 gatherings · co-leads 1 gathering"),
        "{anas}"
    );
}
