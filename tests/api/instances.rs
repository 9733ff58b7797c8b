//! Several instances on one PostgreSQL database, serving one gathering: two
//! real servers (each with its own hub and rooms) on the same test database,
//! with the console, projector and phones spread over both. On SQLite (one
//! instance by design) these tests say so and pass at once.

use super::helpers::{Client, TestApp, on_postgres, spawn_app, spawn_app_in};
use serde_json::{Value, json};
use std::time::Duration;

/// Two instances on one database, or `None` (after saying so) on SQLite.
pub(super) async fn two_instances() -> Option<(TestApp, TestApp)> {
    if !on_postgres() {
        eprintln!("PostgreSQL only, not run on SQLite: several instances on one database");
        return None;
    }
    let a = spawn_app().await;
    let b = spawn_app_in(a.dir.clone(), |_| {}).await;
    assert_eq!(a.code, b.code, "both instances serve the same gathering");
    Some((a, b))
}

/// The topic id a `state` or `snapshot` frame shows, if any.
fn topic_of(frame: &Value) -> Option<i64> {
    frame["live"]["topic"]["id"].as_i64()
}

/// The next `state` frame's topic.
async fn next_topic(client: &mut Client) -> Option<i64> {
    topic_of(&client.next_of("state").await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_from_consoles_on_both_instances_reach_every_view_in_one_order() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let topics = a.topic_ids().await;
    let mut console_a = a.console().await;
    let mut console_b = b.console().await;
    let mut phone_a = a.attendee().await;
    let mut phone_b = b.attendee().await;
    let mut projector_b = b.projector().await;

    // Commands alternate between the two consoles; each waits for its answer.
    let steps = [
        (true, json!({"type": "next"}), topics[0]),
        (false, json!({"type": "next"}), topics[1]),
        (true, json!({"type": "jump", "topic": topics[4]}), topics[4]),
        (false, json!({"type": "previous"}), topics[3]),
        (true, json!({"type": "next"}), topics[4]),
    ];
    for (on_a, command, expected) in &steps {
        let console = if *on_a {
            &mut console_a
        } else {
            &mut console_b
        };
        console.send(command.clone()).await;
        for view in [
            &mut console_a,
            &mut console_b,
            &mut phone_a,
            &mut phone_b,
            &mut projector_b,
        ] {
            assert_eq!(
                next_topic(view).await,
                Some(*expected),
                "after {command} every view shows the same topic"
            );
        }
    }
    // Each socket's own sequence has no gaps and never goes back.
    for view in [&mut phone_a, &mut phone_b, &mut projector_b] {
        view.send(json!({"type": "ping"})).await;
        view.next_of("pong").await;
    }
    // What is stored agrees, and a newcomer on either instance starts there.
    let late = b.attendee().await;
    assert_eq!(topic_of(&late.snapshot), Some(topics[4]));
    let late = a.attendee().await;
    assert_eq!(topic_of(&late.snapshot), Some(topics[4]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_consoles_racing_on_two_instances_never_disagree() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let mut console_a = a.console().await;
    let mut console_b = b.console().await;
    let mut phone_a = a.attendee().await;
    let mut phone_b = b.attendee().await;

    // Both press Next ten times at once.
    for _ in 0..10 {
        console_a.send(json!({"type": "next"})).await;
        console_b.send(json!({"type": "next"})).await;
    }
    // Let the dust settle, then both phones and a newcomer agree on where it is.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let settled = a.attendee().await;
    let where_it_is = topic_of(&settled.snapshot);
    assert!(where_it_is.is_some());
    for phone in [&mut phone_a, &mut phone_b] {
        let mut last = None;
        // Drain what arrived; the last state shown is where the room is.
        while let Ok(frame) = tokio::time::timeout(Duration::from_millis(500), phone.next()).await {
            if frame["type"] == "state" {
                last = topic_of(&frame);
            }
        }
        assert_eq!(last, where_it_is, "each phone ends where the gathering is");
    }
    let other = b.attendee().await;
    assert_eq!(topic_of(&other.snapshot), where_it_is);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taps_on_two_instances_count_once_each_and_show_on_both() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let topics = a.topic_ids().await;
    let gathering = a.gathering().await;
    let mut console = a.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut projector_a = a.projector().await;
    let mut projector_b = b.projector().await;
    let device = a.new_device().await;
    let mut phone_a = a.attendee_as(&device).await;
    let mut phone_b = b.attendee().await;
    // Each projector shows both phones as here, whichever instance holds them.
    for projector in [&mut projector_a, &mut projector_b] {
        projector
            .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == 2)
            .await;
    }

    for (phone, op) in [(&mut phone_a, "a-1"), (&mut phone_b, "b-1")] {
        phone
            .send(json!({"type": "tap", "op": op, "topic": topics[0]}))
            .await;
        assert_eq!(phone.next_of("ack").await["counted"], true);
    }
    // The phone that tapped on A comes back through B and sends its tap again.
    drop(phone_a);
    let mut again = b.attendee_as(&device).await;
    again
        .send(json!({"type": "tap", "op": "a-1", "topic": topics[0]}))
        .await;
    assert_eq!(again.next_of("ack").await["counted"], true);

    assert_eq!(
        a.store.count_taps(gathering.id, topics[0]).await.unwrap(),
        2,
        "one tap per phone in the database"
    );
    for projector in [&mut projector_a, &mut projector_b] {
        let counts = projector
            .next_matching(|f| f["type"] == "counts" && f["counts"]["praying"] == 2)
            .await;
        assert_eq!(counts["counts"]["topic"], topics[0]);
    }
    // And the retry did not make it three anywhere: a fresh view says two.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for app in [&a, &b] {
        let fresh = app.projector().await;
        assert_eq!(fresh.snapshot["counts"]["praying"], 2);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_on_one_instance_closes_the_console_on_the_other() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let (browser, cookie) = a.facilitator().await;
    let csrf = a.csrf(&browser).await;
    let mut console_b = Client::connect(&b.ws_url("console"), Some(&b.origin()), Some(&cookie))
        .await
        .expect("the session opens a console on the other instance");

    let logout = a.post_form(&browser, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!(logout.status(), 303);

    let closed = tokio::time::timeout(Duration::from_secs(3), console_b.closed()).await;
    assert_eq!(closed.expect("closed within seconds"), Some(4001));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agenda_edit_on_one_instance_reaches_phones_on_the_other() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let topics = a.topic_ids().await;
    let mut console = a.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut phone_b = b.attendee().await;
    assert_eq!(topic_of(&phone_b.snapshot), Some(topics[0]));

    let (browser, _) = a.facilitator().await;
    let csrf = a.csrf(&browser).await;
    let section = section_of(&a, topics[0]).await.to_string();
    let saved = a
        .post_form(
            &browser,
            &format!("/console/{}/topics/{}", a.code, topics[0]),
            &[
                ("csrf", csrf.as_str()),
                ("title", "Edited on the first instance"),
                ("section", &section),
                ("planned_minutes", "3"),
                ("body", "New words."),
            ],
        )
        .await;
    assert!(saved.status().is_redirection(), "saved: {}", saved.status());

    let state = phone_b
        .next_matching(|f| {
            f["type"] == "state" && f["live"]["topic"]["title"] == "Edited on the first instance"
        })
        .await;
    assert_eq!(topic_of(&state), Some(topics[0]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translation_saved_on_one_instance_reaches_phones_on_the_other() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let topics = a.topic_ids().await;
    let mut console = a.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let url = format!("{}?lang=es", b.ws_url("attend"));
    let mut phone_b = Client::connect(&url, Some(&b.origin()), None)
        .await
        .unwrap();
    // No translation yet: the English words, without a note.
    assert_eq!(phone_b.snapshot["live"]["topic"]["language"], "en");
    assert!(phone_b.snapshot["live"]["topic"].get("fallback").is_none());

    let (browser, _) = a.facilitator().await;
    let csrf = a.csrf(&browser).await;
    let added = a
        .post_form(
            &browser,
            &format!("/console/{}/translations", a.code),
            &[("csrf", csrf.as_str()), ("language", "es")],
        )
        .await;
    assert!(added.status().is_redirection());
    let title = format!("t{}_title", topics[0]);
    let saved = a
        .post_form(
            &browser,
            &format!("/console/{}/translations/es", a.code),
            &[
                ("csrf", csrf.as_str()),
                (&title, "Traducido en la primera instancia"),
            ],
        )
        .await;
    assert!(saved.status().is_redirection(), "saved: {}", saved.status());

    let state = phone_b
        .next_matching(|f| {
            f["type"] == "state"
                && f["live"]["topic"]["title"] == "Traducido en la primera instancia"
        })
        .await;
    assert_eq!(state["live"]["topic"]["language"], "es");
    assert_eq!(topic_of(&state), Some(topics[0]));
}

/// The section a topic is in.
async fn section_of(app: &TestApp, topic: i64) -> i64 {
    let agenda = app.store.load_agenda(&app.gathering().await).await.unwrap();
    agenda
        .sections
        .iter()
        .find(|s| s.topics.iter().any(|t| t.id == topic))
        .map(|s| s.id)
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_one_instance_stops_the_other_carries_the_gathering_on() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let topics = a.topic_ids().await;
    let mut console_a = a.console().await;
    console_a.send(json!({"type": "next"})).await;
    console_a.next_of("state").await;
    let mut projector_b = b.projector().await;
    let _phone_a = a.attendee().await;
    let _phone_b = b.attendee().await;
    projector_b
        .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == 2)
        .await;

    drop(console_a);
    a.stop().await;

    // The facilitator's console reconnects to B and carries on at once.
    let mut console_b = b.console().await;
    assert_eq!(topic_of(&console_b.snapshot), Some(topics[0]));
    console_b.send(json!({"type": "next"})).await;
    assert_eq!(next_topic(&mut console_b).await, Some(topics[1]));
    assert_eq!(next_topic(&mut projector_b).await, Some(topics[1]));
    // The phones A held are no longer counted as here.
    projector_b
        .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == 1)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_instances_ride_out_the_database_going_away_and_coming_back() {
    let Some((a, b)) = two_instances().await else {
        return;
    };
    let intercede::store::DatabaseLocation::Postgres(database) = a.database.clone() else {
        unreachable!("spawned on PostgreSQL");
    };
    let topics = a.topic_ids().await;
    let gathering = a.gathering().await;
    let mut console = a.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut phone_b = b.attendee().await;

    super::postgres::cut_off(&database, true).await;

    // A command cannot be put in order without the database: the console is told.
    console.send(json!({"type": "next"})).await;
    let refused = console.next_of("error").await;
    assert_eq!(refused["code"], "busy", "{refused}");
    // A tap is not acknowledged while it cannot be committed.
    phone_b
        .send(json!({"type": "tap", "op": "during", "topic": topics[0]}))
        .await;
    let early = tokio::time::timeout(
        Duration::from_secs(2),
        phone_b.next_matching(|f| f["op"] == "during"),
    )
    .await;
    assert!(
        early.is_err(),
        "no answer while the database is away: {early:?}"
    );

    super::postgres::cut_off(&database, false).await;

    // The tap is committed, then acknowledged; the instances listen again by
    // themselves, and the facilitator's next command reaches the phone on B.
    let ack = phone_b
        .next_matching(|f| f["op"] == "during" && (f["type"] == "ack" || f["type"] == "error"))
        .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    assert_eq!(
        a.store.count_taps(gathering.id, topics[0]).await.unwrap(),
        1
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        console.send(json!({"type": "next"})).await;
        let answer = console
            .next_matching(|f| f["type"] == "state" || f["type"] == "error")
            .await;
        if answer["type"] == "state" {
            assert_eq!(topic_of(&answer), Some(topics[1]));
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "commands work again once the database is back: {answer}"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let state = phone_b
        .next_matching(|f| f["type"] == "state" && topic_of(f) == Some(topics[1]))
        .await;
    assert_eq!(state["live"]["phase"], "topic");
}
