//! The faults an outside attack on the running server found, each tried
//! again the way the attacker tried it: a moderator link that outlived the
//! facilitator who made it, limits that raced, an invitation that hashed
//! without limit, look-alike account names, moderator codes in the log,
//! forms accepted from another site, and a typed moderator code that led
//! nowhere.

use super::helpers::{
    Client, OWNER, PASSWORD, TestApp, execute_on, following_browser, free_port, real_server,
    signed_in_at, spawn_app,
};
use super::page_forms::form_to;
use futures_util::future::join_all;
use intercede::domain::prayer_request::{MAX_REQUESTS_PER_GATHERING, PACE_REQUESTS};
use intercede::store::DatabaseLocation;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_typed_moderator_code_opens_the_helpers_page_from_m_or_the_home_page() {
    let app = spawn_app().await;
    let (_, code) = super::moderation::make_link(&app, "Door").await;
    let grouped = format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12]).to_lowercase();
    let helper = following_browser();

    // The page the facilitator names, with its own form's action and field.
    let page = app.get_text(&helper, "/m").await;
    assert!(
        page.contains("action=\"/m\"") && page.contains("name=\"code\""),
        "{page}"
    );
    let opened = helper
        .get(format!("{}/m", app.address))
        .query(&[("code", grouped.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 200);
    assert_eq!(opened.url().path(), format!("/m/{code}"));
    assert!(
        opened
            .text()
            .await
            .unwrap()
            .contains("id=\"request-groups\"")
    );

    // The home page's join box takes it too.
    let home = app.get_text(&helper, "/").await;
    assert!(home.contains("action=\"/join\""));
    let joined = helper
        .get(format!("{}/join", app.address))
        .query(&[("code", grouped.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(joined.url().path(), format!("/m/{code}"));

    // A code of the wrong shape is told so, and a right-shaped wrong one is
    // refused where it is looked up.
    let wrong = helper
        .get(format!("{}/m", app.address))
        .query(&[("code", "ABCD-EFGH")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 400);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("12 letters and digits")
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_link_ends_with_the_co_facilitator_who_made_it() {
    // Arrange: Ben co-leads the demo gathering and makes a moderator link;
    // a helper has its page open.
    let app = spawn_app().await;
    let ben = app.make_account("ben").await;
    let gathering = app.gathering().await;
    app.store
        .add_co_facilitator(gathering.id, ben.id)
        .await
        .unwrap();
    let (bens_browser, _) = app.sign_in("ben").await;
    let (_, link) =
        super::moderation::make_link_for(&app, &bens_browser, &app.code, "Ben's helper").await;
    let mut helper = Client::connect(
        &format!("ws://{}/ws/moderate/{link}", app.host),
        Some(&app.origin()),
        None,
    )
    .await
    .expect("the helper's page connects");

    // Act: the owner removes Ben from the gathering, with the editor's form.
    let (owner, _) = app.facilitator().await;
    let remove = format!("/console/{}/co-facilitators/{}/remove", app.code, ben.id);
    let removed = app
        .press(&owner, &format!("/console/{}/edit", app.code), &remove, &[])
        .await;
    assert_eq!(removed.status(), 303);

    // Assert: the helper's page is told why and closed, and the link opens
    // nothing any more.
    let gone = helper.next_of("gone").await;
    assert_eq!(gone["reason"], "link-revoked");
    assert_eq!(helper.closed().await, Some(4004));
    let page = app
        .browser()
        .get(format!("{}/m/{link}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    // It says why, with the box to type a code again.
    let text = page.text().await.unwrap();
    assert!(text.contains("may have been revoked"), "{text}");
    assert!(
        text.contains("action=\"/m\"") && text.contains("name=\"code\""),
        "{text}"
    );

    // And a link Ben makes after being shared again ends when he is disabled.
    app.store
        .add_co_facilitator(gathering.id, ben.id)
        .await
        .unwrap();
    let (_, second) =
        super::moderation::make_link_for(&app, &bens_browser, &app.code, "Again").await;
    let disable = format!("/console/accounts/{}/disable", ben.id);
    let disabled = app.press(&owner, "/console/accounts", &disable, &[]).await;
    assert_eq!(disabled.status(), 303);
    let page = app
        .browser()
        .get(format!("{}/m/{second}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    app.stop().await;
}

/// Fills a gathering with `count` requests straight in the database (as
/// that many phones would, only faster).
async fn add_requests(app: &TestApp, gathering_id: i64, count: i64) {
    const INSERT: &str = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2) \
         INSERT INTO prayer_requests (gathering_id, device_id, op_id, body, first_name, audience, submitted_at) \
         SELECT $1, 'filler-' || i, 'op', 'A request', '', 'everyone', 0 FROM n";
    execute_on(&app.database, INSERT, gathering_id, count).await;
}

/// Sends one request from each socket at once; how many were received.
async fn share_at_once(sockets: Vec<Client>) -> usize {
    let sent = sockets.into_iter().enumerate().map(|(i, mut phone)| async move {
        phone
            .send(json!({"type": "request", "op": format!("r-{i}"), "text": "Please pray for the night shift", "audience": "everyone"}))
            .await;
        let answer = phone
            .next_matching(|m| m["type"] == "received" || m["type"] == "error")
            .await;
        answer["type"] == "received"
    });
    join_all(sent)
        .await
        .into_iter()
        .filter(|received| *received)
        .count()
}

/// Hammers the request limits from parallel sockets spread over these
/// instances (of one database): one phone on twelve sockets gets exactly its
/// pace, and thirty phones with ten places left in the gathering get exactly
/// ten.
async fn request_limits_hold_over(instances: &[&TestApp]) {
    let first = instances[0];
    let gathering = first.gathering().await;
    let on = |i: usize| instances[i % instances.len()];

    let device = first.new_device().await;
    let mut sockets = Vec::new();
    for i in 0..12 {
        sockets.push(on(i).attendee_as(&device).await);
    }
    assert_eq!(share_at_once(sockets).await, PACE_REQUESTS);

    let stored = first.store.requests(gathering.id).await.unwrap().len() as i64;
    add_requests(
        first,
        gathering.id,
        MAX_REQUESTS_PER_GATHERING - stored - 10,
    )
    .await;
    let mut sockets = Vec::new();
    for i in 0..30 {
        let device = on(i).new_device().await;
        sockets.push(on(i).attendee_as(&device).await);
    }
    assert_eq!(share_at_once(sockets).await, 10);
    let total = first.store.requests(gathering.id).await.unwrap().len() as i64;
    assert_eq!(total, MAX_REQUESTS_PER_GATHERING);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_limits_hold_exactly_against_parallel_sockets() {
    let app = spawn_app().await;
    request_limits_hold_over(&[&app]).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_refuses_look_alike_names_before_hashing_and_parallel_posts_make_one_account()
{
    let app = spawn_app().await;
    let invitation = intercede::app::invitations::invite(&app.store, None, None)
        .await
        .unwrap();
    let path = format!("/invite/{}", invitation.token);
    let post = |name: String| {
        let url = format!("{}{path}", app.address);
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .post(url)
                .form(&[
                    ("name", name.as_str()),
                    ("password", "a long password"),
                    ("repeat", "a long password"),
                ])
                .send()
                .await
                .unwrap()
        }
    };

    // Look-alikes of the owner's name, invisible and direction characters.
    for (name, status) in [
        ("Admin", 409),
        ("\u{0430}dmin", 400),
        ("admin\u{200B}", 400),
        ("\u{202E}nimda", 400),
        ("admi\u{0144}", 409),
    ] {
        let response = post(name.to_string()).await;
        assert_eq!(response.status(), status, "{name:?}");
    }

    // Thirty posts at once with different names: one account, and the
    // server still answers its health check and the owner's sign-in.
    let posts = join_all((0..30).map(|i| post(format!("Helper {i}"))));
    let (answers, health) = tokio::join!(posts, async {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        reqwest::get(format!("{}/healthz", app.address))
            .await
            .unwrap()
            .status()
    });
    assert_eq!(health, 200);
    let made = answers.iter().filter(|r| r.status() == 303).count();
    assert_eq!(
        made,
        1,
        "{:?}",
        answers.iter().map(|r| r.status()).collect::<Vec<_>>()
    );
    assert!(
        answers
            .iter()
            .all(|r| [303, 404, 409, 429].contains(&r.status().as_u16()))
    );
    assert!(app.sign_in_with(OWNER, PASSWORD).await.is_ok());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_posted_from_another_site_are_refused_even_the_sign_in() {
    let app = spawn_app().await;
    let invitation = intercede::app::invitations::invite(&app.store, None, None)
        .await
        .unwrap();
    let sign_in = [
        ("name", OWNER),
        ("password", PASSWORD),
        ("next", "/console"),
    ];
    let invite = [
        ("name", "Mallory"),
        ("password", "a long password"),
        ("repeat", "a long password"),
    ];
    for headers in [
        vec![("origin", "http://evil.example")],
        vec![
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ],
        vec![("origin", "null"), ("sec-fetch-site", "cross-site")],
    ] {
        let mut login = app
            .browser()
            .post(format!("{}/login", app.address))
            .form(&sign_in);
        let mut accept = app
            .browser()
            .post(format!("{}/invite/{}", app.address, invitation.token))
            .form(&invite);
        for (name, value) in &headers {
            login = login.header(*name, *value);
            accept = accept.header(*name, *value);
        }
        let login = login.send().await.unwrap();
        assert_eq!(login.status(), 403, "{headers:?}");
        assert!(
            login.headers().get("set-cookie").is_none(),
            "no session from another site"
        );
        assert_eq!(accept.send().await.unwrap().status(), 403, "{headers:?}");
    }
    // The same forms from this site's own pages are taken.
    let login = app
        .browser()
        .post(format!("{}/login", app.address))
        .header("origin", app.origin())
        .header("sec-fetch-site", "same-origin")
        .form(&sign_in)
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderator_codes_never_reach_the_log_of_the_real_server() {
    if super::helpers::sqlite_only("one real server on its own SQLite file is enough") {
        return;
    }
    // Arrange: the real binary, logging everything it logs by default and more.
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let log = dir.path().join("server.log");
    let db = dir.path().join("log.db");
    let stderr = std::fs::File::create(&log).unwrap().into();
    let mut server = real_server(&db, port, "debug,sqlx=warn", stderr).await;
    let address = format!("http://127.0.0.1:{port}");
    let owner = signed_in_at(&address).await;
    let store = intercede::store::Store::open(&DatabaseLocation::Sqlite(db))
        .await
        .unwrap();
    let gathering = store.list_gatherings().await.unwrap()[0].code.clone();
    store.close().await;

    // Act: a link made with the requests page's own form, its page opened,
    // typed at /m, its socket opened.
    let requests = format!("/console/{gathering}/requests");
    let page = owner
        .get(format!("{address}{requests}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut make = form_to(
        &requests,
        &page,
        &format!("/console/{gathering}/moderators"),
    )
    .expect("the requests page draws the form that makes a link");
    make.set("label", "Door");
    let made = make
        .request(&owner, &address, None)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = made.find("/m/").unwrap() + 3;
    let code: String = made[at..].chars().take(12).collect();
    let helper = following_browser();
    assert_eq!(
        helper
            .get(format!("{address}/m/{code}"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    helper
        .get(format!("{address}/m"))
        .query(&[("code", code.as_str())])
        .send()
        .await
        .unwrap();
    let socket = Client::connect(
        &format!("ws://127.0.0.1:{port}/ws/moderate/{code}"),
        Some(&address),
        None,
    )
    .await
    .expect("the helper's socket opens");
    drop(socket);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let _ = server.kill();
    let _ = server.wait();

    // Assert: the log saw the requests, never the code.
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("/m/{code}"),
        "the helper's requests are logged by route: {logged}"
    );
    let grouped = format!("{}-{}-{}", &code[0..4], &code[4..8], &code[8..12]);
    for secret in [code.as_str(), grouped.as_str()] {
        assert!(
            !logged.to_uppercase().contains(secret),
            "{secret} in the log:\n{logged}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_limits_hold_exactly_across_two_instances() {
    let Some((a, b)) = super::instances::two_instances().await else {
        return;
    };
    request_limits_hold_over(&[&a, &b]).await;
}
