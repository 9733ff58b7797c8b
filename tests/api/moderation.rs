//! Moderating prayer requests over HTTP: the facilitator's requests page, the
//! moderator links it makes (shown once, revocable), and what a helper with a
//! link can and cannot do.

use super::helpers::{TestApp, spawn_app};
use intercede::domain::prayer_request::{Audience, NewRequest, RequestStatus};
use intercede::store::StoredRequest;

async fn submit(app: &TestApp, device: &str, body: &str, audience: Audience) -> i64 {
    let gathering = app.gathering().await;
    let request = NewRequest::new(body, "Ana", audience).unwrap();
    app.store
        .insert_request(gathering.id, device, &format!("op-{device}"), &request)
        .await
        .unwrap()
        .0
}

async fn stored(app: &TestApp, id: i64) -> StoredRequest {
    let gathering = app.gathering().await;
    app.store
        .requests(gathering.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .expect("the request is stored")
}

/// Makes a moderator link as the facilitator; returns the page and the code.
pub(super) async fn make_link(app: &TestApp, label: &str) -> (String, String) {
    let (browser, _) = app.facilitator().await;
    make_link_for(app, &browser, &app.code, label).await
}

/// A moderator link for the gathering `code`, made by the signed-in
/// `browser`: the page that shows it, and its code.
pub(super) async fn make_link_for(
    app: &TestApp,
    browser: &reqwest::Client,
    code: &str,
    label: &str,
) -> (String, String) {
    let csrf = app.csrf(browser).await;
    let response = app
        .post_form(
            browser,
            &format!("/console/{code}/moderators"),
            &[("csrf", &csrf), ("label", label)],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    let start = page.find("/m/").expect("the new link is shown") + 3;
    let code: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(code.len(), 12, "{code}");
    (page, code)
}

fn helper() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_link_is_shown_once_and_opens_the_queue_on_a_phone() {
    let app = spawn_app().await;
    submit(
        &app,
        "phone-a",
        "Pray for my mother in hospital",
        Audience::Everyone,
    )
    .await;
    submit(&app, "phone-b", "My court date on Tuesday", Audience::Team).await;

    let (page, code) = make_link(&app, "Side room team").await;
    assert!(page.contains("<svg"), "a QR code to scan");
    let grouped = format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..]);
    assert!(page.contains(&grouped), "the code to type, in groups");

    // The console's page lists the link by name, never its code again.
    let (browser, _) = app.facilitator().await;
    let again = app
        .get_text(&browser, &format!("/console/{}/requests", app.code))
        .await;
    assert!(again.contains("Side room team"));
    assert!(!again.contains(&code) && !again.contains(&grouped));

    // A helper's phone, with no login, sees the whole queue, team-only too.
    let moderator = helper()
        .get(format!("{}/m/{}", app.address, grouped.to_lowercase()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        moderator.status(),
        200,
        "the code works however it is typed"
    );
    let html = moderator.text().await.unwrap();
    assert!(html.contains("Pray for my mother in hospital"));
    assert!(html.contains("My court date on Tuesday"));
    assert!(html.contains("Prayer team only"));
    assert!(
        !html.contains("Moderator links"),
        "helpers do not manage links"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_approves_edits_hides_and_marks_requests_as_prayed_for() {
    let app = spawn_app().await;
    let id = submit(
        &app,
        "phone-a",
        "Pray for Joe Smith at his trial",
        Audience::Everyone,
    )
    .await;
    let (_, code) = make_link(&app, "").await;
    let post = |fields: Vec<(&'static str, String)>| {
        let url = format!("{}/m/{code}/requests/{id}", app.address);
        async move { helper().post(url).form(&fields).send().await.unwrap() }
    };

    let edited = post(vec![
        ("action", "edit".into()),
        ("body", "Pray for Joe at his trial".into()),
        ("first_name", "".into()),
    ])
    .await;
    assert_eq!(edited.status(), 303);
    assert!(
        edited.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with(&format!("#request-{id}"))
    );
    let request = stored(&app, id).await;
    assert_eq!(request.body.as_deref(), Some("Pray for Joe at his trial"));
    assert!(request.edited);

    assert_eq!(post(vec![("action", "approve".into())]).await.status(), 303);
    assert_eq!(stored(&app, id).await.status, RequestStatus::Approved);
    assert_eq!(post(vec![("action", "prayed".into())]).await.status(), 303);
    assert!(stored(&app, id).await.prayed_for);
    assert_eq!(post(vec![("action", "hide".into())]).await.status(), 303);
    assert_eq!(stored(&app, id).await.status, RequestStatus::Hidden);

    // Too long an edit is refused with its length, and nothing changes.
    let long = post(vec![
        ("action", "edit".into()),
        ("body", "x".repeat(501)),
        ("first_name", "".into()),
    ])
    .await;
    assert_eq!(long.status(), 422);
    assert!(long.text().await.unwrap().contains("501 characters"));
    assert_eq!(
        stored(&app, id).await.body.as_deref(),
        Some("Pray for Joe at his trial")
    );
    // Something that is not moderation is refused.
    assert_eq!(post(vec![("action", "next".into())]).await.status(), 422);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_link_controls_nothing_but_its_own_gatherings_requests() {
    let app = spawn_app().await;
    let id = submit(&app, "phone-a", "Rain for the harvest", Audience::Everyone).await;
    let (_, code) = make_link(&app, "").await;
    let client = helper();

    // The console, its requests page and its forms need the facilitator's login.
    for path in [
        format!("/console/{}", app.code),
        format!("/console/{}/requests", app.code),
    ] {
        let response = client
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{path}");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
    }
    let through_console = client
        .post(format!(
            "{}/console/{}/requests/{id}",
            app.address, app.code
        ))
        .form(&[("action", "approve")])
        .send()
        .await
        .unwrap();
    assert_eq!(through_console.status(), 303, "sent to the login");
    assert_eq!(stored(&app, id).await.status, RequestStatus::New);

    // Another gathering's request, through this gathering's link: not found.
    let other = app
        .store
        .create_gathering(&intercede::domain::demo::demo_agenda())
        .await
        .unwrap();
    let (foreign, _) = app
        .store
        .insert_request(
            other.id,
            "phone-z",
            "op-z",
            &NewRequest::new("Elsewhere", "", Audience::Everyone).unwrap(),
        )
        .await
        .unwrap();
    let response = client
        .post(format!("{}/m/{code}/requests/{foreign}", app.address))
        .form(&[("action", "approve")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        app.store.requests(other.id).await.unwrap()[0].status,
        RequestStatus::New
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_link_opens_nothing_and_wrong_codes_are_limited() {
    let app = spawn_app().await;
    let (page, code) = make_link(&app, "Front row").await;
    let start = page.find("/moderators/").expect("the link can be revoked") + "/moderators/".len();
    let link_id: String = page[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();

    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let revoked = app
        .post_form(
            &browser,
            &format!("/console/{}/moderators/{link_id}/revoke", app.code),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(revoked.status(), 303);
    let response = helper()
        .get(format!("{}/m/{code}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("revoked"));

    // Guessing: after the per-address ceiling, even well-formed codes wait.
    let mut limited = false;
    for _ in 0..40 {
        let status = helper()
            .get(format!("{}/m/ABCDEFGHJKMN", app.address))
            .send()
            .await
            .unwrap()
            .status();
        if status == 429 {
            limited = true;
            break;
        }
        assert_eq!(status, 404);
    }
    assert!(limited, "wrong codes from one address are limited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_words_are_escaped_and_links_in_them_are_never_clickable() {
    let app = spawn_app().await;
    submit(
        &app,
        "phone-a",
        "<script>alert(1)</script> see https://evil.example/now",
        Audience::Everyone,
    )
    .await;
    let (browser, _) = app.facilitator().await;
    let html = app
        .get_text(&browser, &format!("/console/{}/requests", app.code))
        .await;
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || html.contains("&lt;script&gt;")
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains("href=\"https://evil.example"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_facilitator_downloads_the_requests_safe_for_a_spreadsheet() {
    let app = spawn_app().await;
    submit(
        &app,
        "phone-a",
        "=HYPERLINK(\"x\") please, pray",
        Audience::Team,
    )
    .await;
    submit(&app, "phone-b", "Peace in our street", Audience::Everyone).await;
    let (browser, _) = app.facilitator().await;

    let csv = browser
        .get(format!("{}/console/{}/requests.csv", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("prayer-requests-")
    );
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("id,submitted_at,status,audience"));
    assert!(
        lines[1].contains(",new,team,") && lines[1].contains("'=HYPERLINK"),
        "{}",
        lines[1]
    );

    let json: serde_json::Value = browser
        .get(format!(
            "{}/console/{}/requests.json",
            app.address, app.code
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(json[1]["text"], "Peace in our street");
    assert_eq!(json[1]["audience"], "everyone");

    // Not for anyone without the facilitator's login.
    let outsider = helper()
        .get(format!(
            "{}/console/{}/requests.json",
            app.address, app.code
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(outsider.status(), 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retention_chosen_by_the_facilitator_deletes_words_when_the_server_sweeps() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = super::helpers::spawn_app_in(dir.clone(), |_| {}).await;
    let id = submit(&app, "phone-a", "Healing for my father", Audience::Everyone).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let path = format!("/console/{}/request-settings", app.code);

    let refused = app
        .post_form(
            &browser,
            &path,
            &[("csrf", &csrf), ("retention_days", "400")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("between 0 and 365 days")
    );

    let saved = app
        .post_form(
            &browser,
            &path,
            &[
                ("csrf", &csrf),
                ("retention_days", "0"),
                ("on_keep_list", "on"),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let gathering = app.gathering().await;
    assert_eq!(
        app.store.request_settings(gathering.id).await.unwrap(),
        (0, true)
    );

    // The server sweeps when it starts: the words go, the request stays counted.
    let dir = app.stop().await;
    let app = super::helpers::spawn_app_in(dir, |_| {}).await;
    let mut words = Some(String::new());
    for _ in 0..50 {
        words = stored(&app, id).await.body;
        if words.is_none() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(words, None, "the words are deleted");
    assert_eq!(
        app.store
            .request_figures(gathering.id)
            .await
            .unwrap()
            .received,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_counts_requests_as_the_database_holds_them_and_never_their_words() {
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let public = submit(&app, "phone-a", "Work for my son", Audience::Everyone).await;
    let team = submit(&app, "phone-b", "A private sorrow", Audience::Team).await;
    let hidden = submit(&app, "phone-c", "Buy my book", Audience::Everyone).await;
    for (id, step) in [
        (public, intercede::store::Moderation::Approve),
        (team, intercede::store::Moderation::Approve),
        (team, intercede::store::Moderation::PrayedFor(true)),
        (hidden, intercede::store::Moderation::Hide),
    ] {
        app.store
            .moderate_request(gathering.id, id, &step)
            .await
            .unwrap();
    }
    for device in ["phone-x", "phone-y"] {
        app.store
            .pray_for_request(gathering.id, public, device, "p")
            .await
            .unwrap();
    }

    let (browser, _) = app.facilitator().await;
    let json: serde_json::Value = browser
        .get(format!("{}/console/{}/report.json", app.address, app.code))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let figures = app.store.request_figures(gathering.id).await.unwrap();
    assert_eq!(
        json["requests"],
        serde_json::json!({
            "received": figures.received, "approved": figures.approved,
            "hidden": figures.hidden, "team_only": figures.team_only,
            "prayed_for": figures.prayed_for, "prayers": figures.prayers,
        })
    );
    assert_eq!(
        (
            figures.received,
            figures.approved,
            figures.hidden,
            figures.team_only,
            figures.prayed_for,
            figures.prayers
        ),
        (3, 2, 1, 1, 1, 2)
    );
    let html = app
        .get_text(&browser, &format!("/console/{}/report", app.code))
        .await;
    assert!(
        html.contains("id=\"requests-received\">3<"),
        "received on the page"
    );
    assert!(
        html.contains("id=\"requests-prayers\">2<"),
        "prayers on the page"
    );
    for words in ["Work for my son", "A private sorrow", "Buy my book"] {
        assert!(!html.contains(words) && !json.to_string().contains(words));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_for_the_prayer_team_is_prayed_for_never_approved_and_then_no_longer_waits() {
    // Arrange: one request for everyone, one for the team.
    let app = spawn_app().await;
    submit(
        &app,
        "phone-a",
        "Please pray for the new school",
        Audience::Everyone,
    )
    .await;
    let team = submit(&app, "phone-b", "My brother's addiction", Audience::Team).await;
    let owner = app.following_facilitator().await;
    let page_path = format!("/console/{}/requests", app.code);
    let page = app.get_text(&owner, &page_path).await;

    // Assert: the team's request has its own group, with no Approve button,
    // and both wait.
    assert!(page.contains("For the prayer team only"), "{page}");
    assert!(page.contains("1 waiting · 1 for the prayer team"), "{page}");
    let action = format!("/console/{}/requests/{team}", app.code);
    let forms = super::page_forms::forms(&page_path, &scraper::Html::parse_document(&page));
    let buttons: Vec<String> = forms
        .iter()
        .filter(|f| f.action == action)
        .flat_map(|f| f.buttons.iter().flatten().map(|(_, value)| value.clone()))
        .collect();
    assert!(!buttons.contains(&"approve".to_string()), "{buttons:?}");
    assert!(buttons.contains(&"prayed".to_string()), "{buttons:?}");

    // Act: the facilitator marks it prayed for, with the page's own button.
    let prayed = forms
        .iter()
        .find(|f| f.action == action && f.buttons.iter().flatten().any(|(_, v)| v == "prayed"))
        .unwrap();
    let button = prayed.buttons[0].clone();
    let response = prayed
        .request(&owner, &app.address, button.as_ref())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // Assert: it no longer waits, here and on the console's card.
    let page = app.get_text(&owner, &page_path).await;
    assert!(page.contains("1 waiting · 0 for the prayer team"), "{page}");
    // The console's card follows the room, which reads the change at once
    // but not before this request can arrive: look again for a moment.
    let mut console = String::new();
    for _ in 0..50 {
        console = app
            .get_text(&owner, &format!("/console/{}", app.code))
            .await;
        if console.contains("1 waiting") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(console.contains("1 waiting"), "{console}");
    assert!(stored(&app, team).await.prayed_for);

    // Approving it anyway is refused, and says why.
    let csrf = prayed
        .fields
        .iter()
        .find(|(n, _)| n == "csrf")
        .unwrap()
        .1
        .clone();
    let approve = owner
        .post(format!("{}{action}", app.address))
        .form(&[("csrf", csrf.as_str()), ("action", "approve")])
        .send()
        .await
        .unwrap();
    assert_eq!(approve.status(), 422);
    assert!(approve.text().await.unwrap().contains("cannot be approved"));
    assert_eq!(stored(&app, team).await.status, RequestStatus::New);
    app.stop().await;
}
