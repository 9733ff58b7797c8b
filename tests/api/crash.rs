//! Killing the server (SIGKILL, no warning) at random moments while phones tap:
//! every tap acknowledged to a phone is in the database exactly once, and the
//! database is intact, after every restart.

use super::helpers::{Client, device_id, free_port, issued_device, login_cookie, real_server};
use intercede::domain::JoinCode;
use intercede::store::Store;
use rand::Rng;
use serde_json::json;
use std::collections::HashSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PHONES: usize = 80;
const ROUNDS: usize = 6;

/// The real binary, as an operator runs it.
async fn start_server(db: &Path, port: u16) -> Child {
    real_server(db, port, "warn", Stdio::null()).await
}

/// One phone sending a tap for every topic not yet acknowledged (all at once, as
/// a phone flushing its offline queue does), then collecting acks until the
/// server dies.
async fn phone(
    port: u16,
    code: String,
    device: String,
    topics: Vec<i64>,
    acked: Arc<Mutex<HashSet<(String, i64)>>>,
) {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    let url = format!("ws://127.0.0.1:{port}/ws/attend/{code}");
    let origin = format!("http://127.0.0.1:{port}");
    let cookie = format!("intercede_device={device}");
    let Ok(mut client) = Client::connect(&url, Some(&origin), Some(&cookie)).await else {
        return;
    };
    let mut waiting = HashSet::new();
    for topic in topics {
        if acked.lock().unwrap().contains(&(device.clone(), topic)) {
            continue;
        }
        let tap =
            json!({"type": "tap", "op": format!("{}-{topic}", device_id(&device)), "topic": topic});
        if client
            .socket
            .send(Message::text(tap.to_string()))
            .await
            .is_err()
        {
            return;
        }
        waiting.insert(topic);
    }
    while !waiting.is_empty() {
        match tokio::time::timeout(Duration::from_secs(5), client.socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => {
                let frame: serde_json::Value = serde_json::from_str(&text).unwrap();
                if frame["type"] == "ack" {
                    let topic = frame["topic"].as_i64().unwrap();
                    waiting.remove(&topic);
                    acked.lock().unwrap().insert((device.clone(), topic));
                }
            }
            Ok(Some(Ok(_))) => continue,
            _ => return,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_tap_survives_sigkill() {
    if super::helpers::sqlite_only("the crash test checks the SQLite file's integrity") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    // Half the phones stay for every round (re-sending what was not acknowledged);
    // the other half are new each round, so every round has taps in flight.
    // Identities the server issued (its signing key is kept in the file).
    let mut regulars: Vec<String> = Vec::new();
    let acked: Arc<Mutex<HashSet<(String, i64)>>> = Arc::default();
    let mut rng = rand::rng();

    for round in 0..ROUNDS {
        let port = free_port();
        let mut server = start_server(&db, port).await;
        let store = Store::open_sqlite(&db).await.unwrap();
        let gathering = store.list_gatherings().await.unwrap()[0].clone();
        let agenda = store.load_agenda(&gathering).await.unwrap();
        let topics: Vec<i64> = agenda
            .sections
            .iter()
            .flat_map(|s| s.topics.iter().map(|t| t.id))
            .collect();
        if round == 0 {
            // Show every topic once, so phones may tap any of them.
            let cookie = login_cookie(&format!("http://127.0.0.1:{port}")).await;
            let mut console = Client::connect(
                &format!("ws://127.0.0.1:{port}/ws/console/{}", gathering.code),
                Some(&format!("http://127.0.0.1:{port}")),
                Some(&cookie),
            )
            .await
            .unwrap();
            for topic in &topics {
                console.send(json!({"type": "jump", "topic": topic})).await;
                console.next_of("state").await;
            }
        }
        store.close().await;

        let address = format!("http://127.0.0.1:{port}");
        if round == 0 {
            for _ in 0..PHONES / 2 {
                regulars.push(issued_device(&address, &gathering.code).await);
            }
        }
        let mut devices = regulars.clone();
        for _ in 0..PHONES / 2 {
            devices.push(issued_device(&address, &gathering.code).await);
        }
        let tasks: Vec<_> = devices
            .iter()
            .map(|device| {
                tokio::spawn(phone(
                    port,
                    gathering.code.clone(),
                    device.clone(),
                    topics.clone(),
                    acked.clone(),
                ))
            })
            .collect();
        // Kill while acks are flowing: after a random number of them this round.
        let before = acked.lock().unwrap().len();
        let after = rng.random_range(1..300);
        for _ in 0..400 {
            if acked.lock().unwrap().len() >= before + after {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.kill().unwrap(); // SIGKILL
        server.wait().unwrap();
        for task in tasks {
            let _ = task.await;
        }

        // Every acknowledged tap is on disk, exactly once, and the file is intact.
        let store = Store::open_sqlite(&db).await.unwrap();
        let code = JoinCode::parse(&gathering.code).unwrap();
        let gathering = store.find_gathering(&code).await.unwrap().unwrap();
        let acknowledged = acked.lock().unwrap().clone();

        for (device, topic) in &acknowledged {
            assert!(
                store
                    .has_tap(gathering.id, *topic, &device_id(device))
                    .await
                    .unwrap(),
                "round {round}: an acknowledged tap was lost"
            );
        }
        let rows: i64 = store.count_all_taps(gathering.id).await.unwrap();
        assert!(rows >= acknowledged.len() as i64, "round {round}");
        eprintln!(
            "round {round}: {} taps acknowledged so far, {rows} stored",
            acknowledged.len()
        );
        assert_eq!(
            store.integrity_check().await.unwrap(),
            "ok",
            "round {round}"
        );
        store.close().await;
    }
    assert!(
        !acked.lock().unwrap().is_empty(),
        "the phones got some taps in"
    );
}
