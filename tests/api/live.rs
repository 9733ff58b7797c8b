//! The live path, as phones, the projector and the console see it.

use super::helpers::{Client, device_id, invented_device, spawn_app};
use futures_util::future::join_all;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_advance_reaches_attendees_and_the_projector() {
    // Arrange
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;
    assert_eq!(phone.snapshot["live"]["phase"], "waiting");
    assert_eq!(projector.snapshot["live"]["phase"], "waiting");

    // Act
    console.send(json!({"type": "next"})).await;

    // Assert
    for client in [&mut phone, &mut projector, &mut console] {
        let state = client.next_of("state").await;
        assert_eq!(state["live"]["phase"], "topic");
        assert_eq!(state["live"]["topic"]["id"], topics[0]);
        assert_eq!(state["live"]["topic"]["number"], 1);
        assert_eq!(state["live"]["topic"]["total"], topics.len());
        assert!(!state["live"]["topic"]["title"].as_str().unwrap().is_empty());
        assert_eq!(state["seq"], client.snapshot["seq"].as_u64().unwrap() + 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_reach_only_the_console() {
    let app = spawn_app().await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;
    console.send(json!({"type": "next"})).await;
    let console_state = console.next_of("state").await;
    assert!(console_state["live"]["notes"].is_string());
    assert!(console_state["live"]["next"]["title"].is_string());
    for client in [&mut phone, &mut projector] {
        let state = client.next_of("state").await;
        assert!(state["live"]["notes"].is_null(), "{state}");
        assert!(state["live"]["next"].is_null(), "{state}");
    }
    assert!(phone.snapshot["agenda"].is_null());
    assert!(console.snapshot["agenda"].is_array());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_joiner_gets_the_current_topic_in_its_snapshot() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[2]}))
        .await;
    console.next_of("state").await;

    let late = app.attendee().await;

    assert_eq!(late.snapshot["type"], "snapshot");
    assert_eq!(late.snapshot["protocol"], 1);
    assert_eq!(late.snapshot["live"]["phase"], "topic");
    assert_eq!(late.snapshot["live"]["topic"]["id"], topics[2]);
    assert_eq!(late.snapshot["live"]["topic"]["number"], 3);
    assert!(
        late.snapshot["epoch"]
            .as_str()
            .is_some_and(|e| !e.is_empty())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tap_counts_once_however_often_it_is_sent() {
    // Arrange
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;

    // Act: the same op three times (a phone retrying), then a new op.
    for op in ["op-1", "op-1", "op-1", "op-2"] {
        phone
            .send(json!({"type": "tap", "op": op, "topic": topics[0]}))
            .await;
    }

    // Assert: every send is acknowledged as counted...
    let mut acked = Vec::new();
    for _ in 0..4 {
        let ack = phone.next_of("ack").await;
        assert_eq!(ack["counted"], true);
        assert_eq!(ack["topic"], topics[0]);
        acked.push(ack["op"].as_str().unwrap().to_string());
    }
    acked.sort();
    assert_eq!(acked, ["op-1", "op-1", "op-1", "op-2"]);
    // ...but the phone is counted once: in the database and on the projector.
    let gathering = app.gathering().await;
    assert_eq!(
        app.store.count_taps(gathering.id, topics[0]).await.unwrap(),
        1
    );
    let counts = projector
        .next_matching(|f| f["type"] == "counts" && f["counts"]["praying"] == 1)
        .await;
    assert_eq!(counts["counts"]["topic"], topics[0]);
    // A reconnect (same device) is told it already tapped, and a tap again is not counted.
    let device = app.new_device().await;
    let mut first = app.attendee_as(&device).await;
    first
        .send(json!({"type": "tap", "op": "a", "topic": topics[0]}))
        .await;
    first.next_of("ack").await;
    drop(first);
    let mut again = app.attendee_as(&device).await;
    assert_eq!(again.snapshot["tapped"], json!([topics[0]]));
    again
        .send(json!({"type": "tap", "op": "b", "topic": topics[0]}))
        .await;
    again.next_of("ack").await;
    assert_eq!(
        app.store.count_taps(gathering.id, topics[0]).await.unwrap(),
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ack_comes_after_the_tap_is_in_the_database() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let gathering = app.gathering().await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;

    for round in 0..20 {
        let device = app.new_device().await;
        let mut phone = app.attendee_as(&device).await;
        phone
            .send(json!({"type": "tap", "op": format!("op-{round}"), "topic": topics[0]}))
            .await;
        phone.next_of("ack").await;
        // Read through a separate connection: the row must already be committed.
        assert!(
            app.store
                .has_tap(gathering.id, topics[0], &device_id(&device))
                .await
                .unwrap(),
            "round {round}: acked tap not in the database"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendee_and_projector_sockets_cannot_change_the_gathering() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut phone = app.attendee().await;
    let mut projector = app.projector().await;
    let attempts = [
        json!({"type": "next"}),
        json!({"type": "previous"}),
        json!({"type": "jump", "topic": topics[3]}),
        json!({"type": "blank", "on": true}),
        json!({"type": "end"}),
    ];
    for client in [&mut phone, &mut projector] {
        for attempt in &attempts {
            client.send(attempt.clone()).await;
            let error = client.next_of("error").await;
            assert_eq!(error["code"], "forbidden", "{attempt}");
        }
    }
    // The projector cannot tap either.
    projector
        .send(json!({"type": "tap", "op": "x", "topic": topics[0]}))
        .await;
    assert_eq!(projector.next_of("error").await["code"], "forbidden");

    // Nothing changed: a new socket sees exactly the live state the first one did.
    let fresh = app.attendee().await;
    assert_eq!(fresh.snapshot["live"]["phase"], "waiting");
    assert_eq!(fresh.snapshot["live"], phone.snapshot["live"]);
    let gathering = app.gathering().await;
    assert_eq!(gathering.status, "draft");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upgrades_from_a_foreign_origin_are_refused() {
    let app = spawn_app().await;
    let (_, session) = app.facilitator().await;
    let device = format!("intercede_device={}", invented_device());
    let cases = [
        ("attend", Some("http://evil.example"), Some(device.as_str())),
        ("projector", Some("http://evil.example"), None),
        (
            "console",
            Some("http://evil.example"),
            Some(session.as_str()),
        ),
        ("console", Some("null"), Some(session.as_str())),
        // A facilitator socket must come from a page.
        ("console", None, Some(session.as_str())),
    ];
    for (role, origin, cookie) in cases {
        let refused = Client::connect(&app.ws_url(role), origin, cookie)
            .await
            .err();
        assert_eq!(
            refused.map(|r| r.0),
            Some(Some(403)),
            "{role} from {origin:?}"
        );
    }
    // Without a login, the console is refused too.
    let refused = Client::connect(&app.ws_url("console"), Some(&app.origin()), None)
        .await
        .err();
    assert_eq!(refused.map(|r| r.0), Some(Some(401)));
    // An unknown join code is a 404.
    let url = app.ws_url("attend").replace(&app.code, "ZZZZZZ");
    let refused = Client::connect(&url, Some(&app.origin()), None).await.err();
    assert_eq!(refused.map(|r| r.0), Some(Some(404)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_messages_get_an_error_frame_and_the_socket_stays_usable() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut phone = app.attendee().await;
    let cases = [
        ("not json", "bad_message"),
        ("{\"type\":\"dance\"}", "bad_message"),
        ("{\"type\":\"tap\",\"topic\":1}", "bad_message"),
        (
            "{\"type\":\"tap\",\"op\":\"x\",\"topic\":999999}",
            "unknown_topic",
        ),
    ];
    for (text, code) in cases {
        phone.send_raw(Message::text(text)).await;
        let error = phone.next_of("error").await;
        assert_eq!(error["code"], code, "{text}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    // A tap for a topic not shown yet.
    phone
        .send(json!({"type": "tap", "op": "early", "topic": topics[1]}))
        .await;
    assert_eq!(phone.next_of("error").await["code"], "not_live");
    phone.send_raw(Message::binary(vec![1u8, 2, 3])).await;
    assert_eq!(phone.next_of("error").await["code"], "bad_message");
    // Still usable.
    phone.send(json!({"type": "ping"})).await;
    assert_eq!(phone.next_of("pong").await["type"], "pong");
    phone.send(json!({"type": "snapshot"})).await;
    assert_eq!(phone.next_of("snapshot").await["live"]["phase"], "waiting");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_message_closes_that_socket_with_1009_only() {
    let app = spawn_app().await;
    let mut bystander = app.attendee().await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;

    let huge = format!(
        "{{\"type\":\"ping\",\"pad\":\"{}\"}}",
        "x".repeat(200 * 1024)
    );
    phone.send_raw(Message::text(huge)).await;

    assert_eq!(phone.closed().await, Some(1009));
    console.send(json!({"type": "next"})).await;
    assert_eq!(bystander.next_of("state").await["live"]["phase"], "topic");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_phones_all_receive_one_topic_change() {
    // A correctness test: every socket gets the change, none is lost.
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    let mut phones = Vec::new();
    for batch in 0..20 {
        let joined = join_all((0..50).map(|_| app.attendee())).await;
        phones.extend(joined);
        assert_eq!(phones.len(), (batch + 1) * 50);
    }

    console
        .send(json!({"type": "jump", "topic": topics[4]}))
        .await;

    let received = join_all(phones.iter_mut().map(|phone| async move {
        let state = phone.next_of("state").await;
        state["live"]["topic"]["id"].as_i64()
    }))
    .await;
    assert_eq!(received.len(), 1000);
    assert!(received.iter().all(|id| *id == Some(topics[4])));
    // And the room counts them all as here.
    let here = console
        .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == 1000)
        .await;
    assert_eq!(here["counts"]["here"], 1000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_end_only_an_explicit_reopen_carries_on_and_the_gap_is_not_gathering_time() {
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    console.send(json!({"type": "end"})).await;
    assert_eq!(console.next_of("state").await["live"]["phase"], "ended");
    phone
        .next_matching(|f| f["type"] == "state" && f["live"]["phase"] == "ended")
        .await;

    // Next, Previous and a click on the agenda are refused, and say why.
    for command in [
        json!({"type": "next"}),
        json!({"type": "previous"}),
        json!({"type": "jump", "topic": topics[2]}),
    ] {
        console.send(command.clone()).await;
        let refused = console.next_of("error").await;
        assert_eq!(refused["code"], "ended", "{command}");
        assert!(refused["message"].as_str().unwrap().contains("Reopen"));
    }
    let still = app.attendee().await;
    assert_eq!(
        still.snapshot["live"]["phase"], "ended",
        "phones stay on the closing screen"
    );

    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    console.send(json!({"type": "reopen"})).await;
    let reopened = console.next_of("state").await;
    assert_eq!(reopened["live"]["phase"], "topic");
    assert_eq!(reopened["live"]["topic"]["id"], topics[0]);
    assert!(reopened["live"]["ended_at"].is_null());
    let paused = reopened["live"]["paused_ms"].as_i64().unwrap();
    assert!(
        paused >= 1000,
        "the time ended is counted as a pause: {paused}"
    );
    let state = phone.next_of("state").await;
    assert_eq!(state["live"]["topic"]["id"], topics[0]);
    // And the gathering carries on as before.
    console.send(json!({"type": "next"})).await;
    assert_eq!(
        console.next_of("state").await["live"]["topic"]["id"],
        topics[1]
    );
}
