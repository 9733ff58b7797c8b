//! Prayer requests over the live sockets: a phone sends one and is told it
//! was received; the console sees the queue; nothing reaches other phones or
//! the projector until approved, and team-only requests never do; prayers
//! count once per phone; a request sent again is stored once; phones that
//! send too many are asked to wait; only phones may send requests.

use super::helpers::{Client, TestApp, spawn_app};
use intercede::store::Moderation;
use serde_json::{Value, json};

fn request(op: &str, text: &str, audience: &str) -> Value {
    json!({"type": "request", "op": op, "text": text, "name": "Ana", "audience": audience})
}

/// Sends a request and returns the id the server answered with.
async fn submit(phone: &mut Client, op: &str, text: &str, audience: &str) -> i64 {
    phone.send(request(op, text, audience)).await;
    let received = phone.next_of("received").await;
    assert_eq!(received["op"], op);
    received["request"].as_i64().expect("the request's id")
}

async fn moderate(app: &TestApp, id: i64, what: Moderation) {
    let gathering = app.gathering().await;
    assert!(
        app.store
            .moderate_request(gathering.id, id, &what)
            .await
            .unwrap()
    );
    app.hub.requests_changed(gathering.id, false).await;
}

fn texts(frame: &Value) -> Vec<String> {
    frame["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_reaches_the_room_only_once_approved_and_team_requests_never() {
    let app = spawn_app().await;
    let mut sender = app.attendee().await;
    let mut other = app.attendee().await;
    let mut projector = app.projector().await;
    let mut console = app.console().await;
    assert_eq!(other.snapshot["requests"], json!([]));
    assert!(console.snapshot["queue"].is_array());

    let public = submit(&mut sender, "r-1", "Healing for my mother", "everyone").await;
    let team = submit(&mut sender, "r-2", "My brother's addiction", "team").await;

    // The console's queue has both, waiting.
    let queue = console
        .next_matching(|f| f["type"] == "queue" && f["queue"].as_array().unwrap().len() == 2)
        .await;
    assert_eq!(queue["queue"][0]["status"], "new");
    assert_eq!(queue["queue"][1]["audience"], "team");

    // Approved: the public one reaches the phones and the projector; the team one never.
    moderate(&app, team, Moderation::Approve).await;
    moderate(&app, public, Moderation::Approve).await;
    for socket in [&mut other, &mut projector] {
        let frame = socket
            .next_matching(|f| {
                f["type"] == "requests" && !f["requests"].as_array().unwrap().is_empty()
            })
            .await;
        assert_eq!(texts(&frame), vec!["Healing for my mother"]);
        assert_eq!(frame["requests"][0]["name"], "Ana");
        assert!(!frame.to_string().contains("addiction"), "{frame}");
    }
    // A phone joining now gets it in its snapshot; still no team request.
    let late = app.attendee().await;
    assert_eq!(texts(&late.snapshot), vec!["Healing for my mother"]);
    assert!(!late.snapshot.to_string().contains("addiction"));

    // Hidden again: it leaves the phones.
    moderate(&app, public, Moderation::Hide).await;
    let frame = other.next_matching(|f| f["type"] == "requests").await;
    assert_eq!(frame["requests"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prayers_for_a_request_count_once_per_phone() {
    let app = spawn_app().await;
    let mut sender = app.attendee().await;
    let id = submit(&mut sender, "r-1", "Rain for the harvest", "everyone").await;
    let mut watcher = app.projector().await;
    let mut praying = app.attendee().await;

    // Not approved yet: nothing to pray for.
    praying
        .send(json!({"type": "pray_request", "op": "p-0", "request": id}))
        .await;
    let refused = praying.next_of("error").await;
    assert_eq!(
        (refused["code"].as_str(), refused["op"].as_str()),
        (Some("unknown_request"), Some("p-0"))
    );

    moderate(&app, id, Moderation::Approve).await;
    praying
        .next_matching(|f| f["type"] == "requests" && !f["requests"].as_array().unwrap().is_empty())
        .await;
    for (op, counted) in [("p-1", true), ("p-2", false)] {
        praying
            .send(json!({"type": "pray_request", "op": op, "request": id}))
            .await;
        let ack = praying.next_of("request_ack").await;
        assert_eq!(
            ack,
            json!({"type": "request_ack", "op": op, "request": id, "counted": counted})
        );
    }
    sender
        .send(json!({"type": "pray_request", "op": "p-3", "request": id}))
        .await;
    assert_eq!(sender.next_of("request_ack").await["counted"], true);

    // The room sees two praying.
    watcher
        .next_matching(|f| {
            (f["type"] == "request_counts" && f["praying"][0] == json!({"id": id, "praying": 2}))
                || (f["type"] == "requests" && f["requests"][0]["praying"] == 2)
        })
        .await;
    let gathering = app.gathering().await;
    assert_eq!(
        app.store
            .request_figures(gathering.id)
            .await
            .unwrap()
            .prayers,
        2
    );
    // A phone reconnecting is told what it prayed for.
    let again = app
        .attendee_as(praying.issued_device.as_deref().unwrap())
        .await;
    assert_eq!(again.snapshot["prayed_requests"], json!([id]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_sent_again_after_a_lost_connection_is_stored_once() {
    let app = spawn_app().await;
    let mut phone = app.attendee().await;
    let device = phone.issued_device.clone().unwrap();
    let first = submit(&mut phone, "r-1", "Safe travel home", "everyone").await;
    drop(phone);
    // The phone did not see the answer, so it sends the same request again.
    let mut phone = app.attendee_as(&device).await;
    let again = submit(&mut phone, "r-1", "Safe travel home", "everyone").await;
    assert_eq!(first, again);
    let gathering = app.gathering().await;
    assert_eq!(app.store.requests(gathering.id).await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_sending_too_many_requests_is_asked_to_wait_and_bad_ones_are_explained() {
    let app = spawn_app().await;
    let mut phone = app.attendee().await;
    for n in 0..3 {
        submit(&mut phone, &format!("r-{n}"), "Pray for peace", "everyone").await;
    }
    phone
        .send(request("r-3", "Pray for peace", "everyone"))
        .await;
    let wait = phone.next_of("error").await;
    assert_eq!(wait["code"], "slow_down");
    assert_eq!(wait["op"], "r-3");
    assert!(
        wait["message"].as_str().unwrap().contains("10 min"),
        "{wait}"
    );

    // Another phone is not held up by this one.
    let mut other = app.attendee().await;
    submit(&mut other, "r-1", "Pray for peace", "everyone").await;

    for (text, audience, why) in [
        ("   ", "everyone", "empty"),
        (&"x".repeat(501) as &str, "everyone", "501 characters"),
        ("Pray for me", "the whole town", "everyone"),
    ] {
        other.send(request("bad", text, audience)).await;
        let refused = other.next_of("error").await;
        assert_eq!(refused["code"], "bad_request", "{refused}");
        assert!(
            refused["message"].as_str().unwrap().contains(why),
            "{refused}"
        );
    }
    let gathering = app.gathering().await;
    assert_eq!(app.store.requests(gathering.id).await.unwrap().len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_phones_send_requests_and_pray_for_them() {
    let app = spawn_app().await;
    let mut console = app.console().await;
    let mut projector = app.projector().await;
    for socket in [&mut console, &mut projector] {
        socket
            .send(request("r-1", "Not from here", "everyone"))
            .await;
        let refused = socket.next_of("error").await;
        assert_eq!(refused["code"], "forbidden");
        socket
            .send(json!({"type": "pray_request", "op": "p-1", "request": 1}))
            .await;
        assert_eq!(socket.next_of("error").await["code"], "forbidden");
    }
    // A phone cannot moderate: there is no such message.
    let mut phone = app.attendee().await;
    phone.send(json!({"type": "approve", "request": 1})).await;
    assert_eq!(phone.next_of("error").await["code"], "bad_message");
    let gathering = app.gathering().await;
    assert!(app.store.requests(gathering.id).await.unwrap().is_empty());
}

/// Makes a moderator link as the facilitator; returns (link id, code).
async fn moderator_link(app: &TestApp) -> (String, String) {
    let (page, code) = super::moderation::make_link(app, "").await;
    let start = page.find("/moderators/").unwrap() + "/moderators/".len();
    let id: String = page[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (id, code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderators_socket_follows_the_queue_controls_nothing_and_closes_when_revoked() {
    let app = spawn_app().await;
    let (link, code) = moderator_link(&app).await;
    let url = format!("ws://{}/ws/moderate/{code}", app.host);
    // Without the page's origin, refused.
    assert_eq!(
        Client::connect(&url, None, None).await.err().map(|r| r.0),
        Some(Some(403))
    );
    let mut moderator = Client::connect(&url, Some(&app.origin()), None)
        .await
        .expect("the moderator connects");
    assert_eq!(moderator.snapshot["role"], "moderator");
    assert_eq!(moderator.snapshot["queue"], json!([]));

    // A request arrives: the moderator's queue shows it, team-only too.
    let mut phone = app.attendee().await;
    submit(&mut phone, "r-1", "For my daughter's exams", "team").await;
    let queue = moderator
        .next_matching(|f| f["type"] == "queue" && !f["queue"].as_array().unwrap().is_empty())
        .await;
    assert_eq!(queue["queue"][0]["text"], "For my daughter's exams");

    // It cannot move the gathering nor act as a phone.
    for message in [
        json!({"type": "next"}),
        json!({"type": "end"}),
        json!({"type": "jump", "topic": app.topic_ids().await[0]}),
    ] {
        moderator.send(message).await;
        assert_eq!(moderator.next_of("error").await["code"], "forbidden");
    }
    moderator
        .send(request("r-2", "From the moderator", "everyone"))
        .await;
    assert_eq!(moderator.next_of("error").await["code"], "forbidden");
    let console = app.console().await;
    assert_eq!(
        console.snapshot["live"]["phase"], "waiting",
        "nothing moved"
    );

    // Revoked: its socket closes, and it cannot come back.
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    app.post_form(
        &browser,
        &format!("/console/{}/moderators/{link}/revoke", app.code),
        &[("csrf", csrf.as_str())],
    )
    .await;
    moderator.closed().await;
    assert_eq!(
        Client::connect(&url, Some(&app.origin()), None)
            .await
            .err()
            .map(|r| r.0),
        Some(Some(404))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approved_requests_stay_on_phones_after_the_end_only_if_the_facilitator_chose_so() {
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let mut phone = app.attendee().await;
    let id = submit(&mut phone, "r-1", "Peace in our town", "everyone").await;
    moderate(&app, id, Moderation::Approve).await;
    phone
        .next_matching(|f| f["type"] == "requests" && !f["requests"].as_array().unwrap().is_empty())
        .await;

    // Ended without the choice: the phones' list empties, and a late phone gets none.
    let mut console = app.console().await;
    console.send(json!({"type": "end"})).await;
    let emptied = phone.next_of("requests").await;
    assert_eq!(emptied["requests"], json!([]));
    let late = app.attendee().await;
    assert_eq!(late.snapshot["requests"], json!([]));
    // The projector and console still have it (for the team).
    let projector = app.projector().await;
    assert_eq!(texts(&projector.snapshot), vec!["Peace in our town"]);

    // The facilitator chooses to keep them: phones get the list back.
    app.store
        .set_request_settings(gathering.id, 30, true)
        .await
        .unwrap();
    app.hub.requests_changed(gathering.id, false).await;
    let kept = phone
        .next_matching(|f| f["type"] == "requests" && !f["requests"].as_array().unwrap().is_empty())
        .await;
    assert_eq!(texts(&kept), vec!["Peace in our town"]);
    let later = app.attendee().await;
    assert_eq!(texts(&later.snapshot), vec!["Peace in our town"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_facilitator_puts_requests_on_the_projector_and_phones_follow() {
    let app = spawn_app().await;
    let mut phone = app.attendee().await;
    let first = submit(&mut phone, "r-1", "Healing for Tomas", "everyone").await;
    let second = submit(&mut phone, "r-2", "Rain for the farms", "everyone").await;
    for id in [first, second] {
        moderate(&app, id, Moderation::Approve).await;
    }
    let mut projector = app.projector().await;
    let mut console = app.console().await;

    // In turn: on, with no request pinned.
    console
        .send(json!({"type": "show_requests", "on": true}))
        .await;
    for socket in [&mut projector, &mut phone] {
        let state = socket
            .next_matching(|f| f["type"] == "state" && f["live"]["requests_on"] == true)
            .await;
        assert!(state["live"].get("request_shown").is_none(), "{state}");
    }

    // One pinned from the requests page.
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let pinned = app
        .post_form(
            &browser,
            &format!("/console/{}/requests/{second}", app.code),
            &[("csrf", csrf.as_str()), ("action", "show")],
        )
        .await;
    assert_eq!(pinned.status(), 303);
    let state = projector
        .next_matching(|f| f["type"] == "state" && f["live"]["request_shown"] == second)
        .await;
    assert_eq!(state["live"]["requests_on"], true);
    // A late projector starts on it.
    let late = app.projector().await;
    assert_eq!(late.snapshot["live"]["request_shown"], second);

    // Only the facilitator: a phone or a moderator's link cannot.
    phone
        .send(json!({"type": "show_requests", "on": false}))
        .await;
    assert_eq!(phone.next_of("error").await["code"], "forbidden");
    let (_, code) = moderator_link(&app).await;
    let refused = reqwest::Client::new()
        .post(format!("{}/m/{code}/requests/{first}", app.address))
        .form(&[("action", "show")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);

    // Off again.
    console
        .send(json!({"type": "show_requests", "on": false}))
        .await;
    let off = projector
        .next_matching(|f| f["type"] == "state" && f["live"].get("requests_on").is_none())
        .await;
    assert!(off["live"].get("request_shown").is_none());
}
