//! Several instances on one PostgreSQL database behind nginx running the
//! deployed configuration (see [`cluster`](super::cluster)): round robin with
//! no stickiness, live connections through the proxy, and the loss of an
//! instance.
//!
//! The first test is about the proxy itself; the second about one
//! gathering spread over three instances through it, and the loss of the
//! instance the facilitator's console is on.

use super::cluster::{Cluster, instance_of};
use super::helpers::{Client, Refused, postgres_only};
use serde_json::json;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// Requests that must all succeed, one after another, after an instance dies.
const AFTER_KILL: usize = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_robin_through_nginx_reaches_every_instance_and_survives_a_kill() {
    if postgres_only("several instances on one database") {
        return;
    }
    // Arrange: two instances behind nginx; the facilitator logs in through it.
    let Some(mut cluster) = Cluster::start(2).await else {
        return;
    };
    let every: HashSet<String> = cluster.names().into_iter().collect();
    let (facilitator, cookie) = cluster.facilitator().await;
    let phone = cluster.browser();
    let console_page = cluster.url(&format!("/console/{}", cluster.code));
    let join_page = cluster.url(&format!("/j/{}", cluster.code));

    // Act and assert: pages land on both instances, with no stickiness.
    for (what, browser, url) in [
        ("console page", &facilitator, &console_page),
        ("attendee page", &phone, &join_page),
    ] {
        let mut seen = HashSet::new();
        for _ in 0..6 {
            let response = browser.get(url).send().await.unwrap();
            assert_eq!(response.status(), 200, "{what} through the proxy");
            seen.insert(instance_of(&response).expect("the answering instance is named"));
        }
        assert_eq!(seen, every, "the {what} is served by every instance");
    }
    for (i, instance) in cluster.instances.iter().enumerate() {
        let socket = cluster.connect_to(i, "console", Some(&cookie)).await;
        assert_eq!(socket.instance.as_ref(), Some(&instance.name));
        let direct = phone
            .get(format!("{}/healthz", instance.address))
            .send()
            .await
            .unwrap();
        assert_eq!(instance_of(&direct), Some(instance.name.clone()));
    }
    // nginx lets the largest guide an instance accepts through (the instance
    // answers: here, a form without its CSRF token), and refuses far larger.
    let guide = "Pray for the city. ".repeat(1024 * 1024 / 19);
    let import = facilitator
        .post(cluster.url("/console/import"))
        .form(&[("title", "Large"), ("text", guide.as_str())])
        .send()
        .await
        .unwrap();
    assert!(
        instance_of(&import).is_some(),
        "a 1 MiB guide reaches an instance: {}",
        import.status()
    );
    let huge = facilitator
        .post(cluster.url("/console/import"))
        .form(&[("text", guide.repeat(3).as_str())])
        .send()
        .await;
    if let Ok(refused) = huge {
        assert_eq!(refused.status(), 413);
        assert_eq!(instance_of(&refused), None, "refused by nginx itself");
    }
    let missing = phone
        .get(cluster.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert!(
        instance_of(&missing).is_some(),
        "an error page is named too"
    );

    // Live connections through the proxy, with the page's Origin, land on both
    // (phones and a projector).
    let mut phones = Vec::new();
    for _ in 0..4 {
        phones.push(cluster.attendee().await);
    }
    phones.push(cluster.projector().await);
    let sockets_on: HashSet<String> = phones
        .iter()
        .map(|p| p.instance.clone().expect("the upgrade is named"))
        .collect();
    assert_eq!(sockets_on, every, "live sockets are on every instance");
    let foreign = Client::connect(
        &cluster.ws_url("console"),
        Some("http://evil.example"),
        Some(&cookie),
    )
    .await;
    assert!(
        matches!(foreign, Err(Refused(Some(403)))),
        "a foreign page is still refused behind the proxy"
    );
    let topics = topic_ids(&cluster).await;
    let mut console = cluster.console(&cookie).await;
    console
        .send(json!({"type": "jump", "topic": topics[1]}))
        .await;
    console.next_of("state").await;

    // Act: SIGKILL the instance the facilitator's console is on.
    let doomed = console.instance.clone().expect("the upgrade is named");
    let victim = cluster
        .instances
        .iter()
        .position(|i| i.name == doomed)
        .unwrap();
    let survivor = cluster.instances[1 - victim].name.clone();
    cluster.kill(victim);

    // Assert: its sockets close; every following request is answered by the other.
    console.closed().await;
    let started = Instant::now();
    let (mut in_a_row, mut failures) = (0, 0);
    while in_a_row < AFTER_KILL {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{AFTER_KILL} requests in a row after the kill took too long"
        );
        match phone.get(&join_page).send().await {
            Ok(response) if response.status() == 200 => {
                assert_eq!(instance_of(&response).as_deref(), Some(survivor.as_str()));
                in_a_row += 1;
            }
            _ => {
                failures += 1;
                in_a_row = 0;
            }
        }
    }
    assert!(
        failures <= 1,
        "{failures} requests failed after the kill: the proxy should skip a dead instance"
    );
    // The facilitator reconnects (to the survivor) and the next command works;
    // a phone joins there and its tap is acknowledged and committed.
    let mut console = cluster.console(&cookie).await;
    assert_eq!(console.instance.as_deref(), Some(survivor.as_str()));
    console
        .send(json!({"type": "jump", "topic": topics[2]}))
        .await;
    // (A survivor still catching up with the last change shows it first.)
    let state = console
        .next_matching(|f| f["type"] == "state" && f["live"]["topic"]["id"] == topics[2])
        .await;
    assert_eq!(state["live"]["phase"], "topic", "{state}");
    let mut late = cluster.attendee().await;
    assert_eq!(late.instance.as_deref(), Some(survivor.as_str()));
    late.send(json!({"type": "tap", "op": "after-kill", "topic": topics[2]}))
        .await;
    late.next_of("ack").await;
    let gathering = cluster.store.list_gatherings().await.unwrap()[0].clone();
    assert_eq!(cluster.store.count_all_taps(gathering.id).await.unwrap(), 1);

    // Act: the killed instance comes back on its port.
    cluster.restart(victim).await;

    // Assert: once nginx tries it again, it takes its share.
    let started = Instant::now();
    loop {
        let response = phone.get(&join_page).send().await.unwrap();
        assert_eq!(response.status(), 200);
        if instance_of(&response).as_deref() == Some(doomed.as_str()) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the restarted instance never got a request"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Three instances, a console, a projector and a dozen phones spread over
/// them by nginx: a topic change reaches every view, taps from every
/// instance count once each with the same figures everywhere; then the
/// console's instance is SIGKILLed: its phones come back through the others
/// and resend their taps, the facilitator's next command works within
/// seconds, and every acknowledged tap is in the database exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_gathering_over_three_instances_carries_on_when_the_consoles_instance_is_killed() {
    if postgres_only("several instances on one database") {
        return;
    }
    const PHONES: usize = 12;
    let Some(mut cluster) = Cluster::start(3).await else {
        return;
    };
    let topics = topic_ids(&cluster).await;
    let gathering = cluster.store.list_gatherings().await.unwrap()[0].clone();
    let (_, cookie) = cluster.facilitator().await;
    let mut console = cluster.console(&cookie).await;
    let mut projector = cluster.projector().await;
    let mut phones = Vec::new();
    for _ in 0..PHONES {
        phones.push(cluster.attendee().await);
    }
    let spread: HashSet<String> = phones
        .iter()
        .chain([&console, &projector])
        .map(|c| c.instance.clone().expect("the upgrade is named"))
        .collect();
    assert_eq!(
        spread.len(),
        3,
        "nginx spreads the room over every instance"
    );

    // A topic change from the console reaches every view on every instance.
    console.send(json!({"type": "next"})).await;
    for view in phones.iter_mut().chain([&mut projector, &mut console]) {
        let state = view
            .next_matching(|f| f["type"] == "state" && f["live"]["topic"]["id"] == topics[0])
            .await;
        assert_eq!(state["live"]["phase"], "topic");
    }
    // Every phone taps; each is acknowledged, and the projector counts them all.
    for (i, phone) in phones.iter_mut().enumerate() {
        phone
            .send(json!({"type": "tap", "op": format!("first-{i}"), "topic": topics[0]}))
            .await;
    }
    for phone in phones.iter_mut() {
        assert_eq!(phone.next_of("ack").await["counted"], true);
    }
    projector
        .next_matching(|f| {
            f["type"] == "counts"
                && f["counts"]["praying"] == PHONES as i64
                && f["counts"]["here"] == PHONES as i64
        })
        .await;

    // The facilitator moves on; the phones tap the new topic, and the
    // console's instance is killed while those taps are in flight.
    console.send(json!({"type": "next"})).await;
    for phone in phones.iter_mut() {
        phone
            .next_matching(|f| f["type"] == "state" && f["live"]["topic"]["id"] == topics[1])
            .await;
    }
    let doomed = console.instance.clone().unwrap();
    let victim = cluster
        .instances
        .iter()
        .position(|i| i.name == doomed)
        .unwrap();
    for (i, phone) in phones.iter_mut().enumerate() {
        phone
            .send(json!({"type": "tap", "op": format!("second-{i}"), "topic": topics[1]}))
            .await;
    }
    cluster.kill(victim);

    // Phones on the survivors get their acks; phones on the killed instance
    // come back through nginx with their own identity and send the tap again.
    let mut acked = 0;
    for (i, phone) in phones.iter_mut().enumerate() {
        if phone.instance.as_deref() != Some(doomed.as_str()) {
            assert_eq!(phone.next_of("ack").await["counted"], true);
            acked += 1;
            continue;
        }
        let device = phone
            .issued_device
            .clone()
            .expect("the phone was given an identity");
        let mut back = Client::connect(
            &cluster.ws_url("attend"),
            Some(&cluster.origin()),
            Some(&format!("intercede_device={device}")),
        )
        .await
        .expect("the phone reconnects through the proxy");
        assert_ne!(back.instance.as_deref(), Some(doomed.as_str()));
        assert_eq!(
            back.snapshot["live"]["topic"]["id"], topics[1],
            "it resyncs"
        );
        back.send(json!({"type": "tap", "op": format!("second-{i}"), "topic": topics[1]}))
            .await;
        assert_eq!(back.next_of("ack").await["counted"], true);
        acked += 1;
        *phone = back;
    }
    assert_eq!(acked, PHONES);

    // The facilitator's console reconnects and its next command works at once.
    let started = Instant::now();
    let mut console = cluster.console(&cookie).await;
    assert_ne!(console.instance.as_deref(), Some(doomed.as_str()));
    console.send(json!({"type": "next"})).await;
    let state = console
        .next_matching(|f| f["type"] == "state" && f["live"]["topic"]["id"] == topics[2])
        .await;
    assert_eq!(state["live"]["phase"], "topic");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the next command worked {:?} after the reconnect began",
        started.elapsed()
    );
    for phone in phones.iter_mut() {
        phone
            .next_matching(|f| f["type"] == "state" && f["live"]["topic"]["id"] == topics[2])
            .await;
    }

    // Every acknowledged tap is in the database, exactly once per phone.
    for topic in [topics[0], topics[1]] {
        assert_eq!(
            cluster.store.count_taps(gathering.id, topic).await.unwrap(),
            PHONES as i64,
            "topic {topic}: one row per phone"
        );
    }
}

/// The demo gathering's topic ids in agenda order.
async fn topic_ids(cluster: &Cluster) -> Vec<i64> {
    let gathering = cluster.store.list_gatherings().await.unwrap()[0].clone();
    let agenda = cluster.store.load_agenda(&gathering).await.unwrap();
    agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.id))
        .collect()
}
