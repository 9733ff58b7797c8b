//! A clean stop (SIGTERM) while thousands of phones are arriving and tapping,
//! run after run on one database: each time the real binary stops promptly,
//! says truthfully in its log that every queued write was committed, and after
//! the restart everything the phones were told is on disk: each acknowledged
//! tap exactly once, an attendance for each phone that joined, and a peak at
//! least as high as the projector showed.

use super::helpers::{Client, device_id, free_port, issued_device, login_cookie, real_server};
use futures_util::{SinkExt, StreamExt, stream};
use intercede::store::Store;
use serde_json::{Value, json};
use sqlx::{Connection, SqliteConnection};
use std::collections::HashSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;
use tokio_tungstenite::tungstenite::Message;

const PHONES: usize = 4800;
const RUNS: usize = 10;
/// Phones arrive over about this long; the signal comes about halfway.
const ARRIVALS: Duration = Duration::from_secs(2);
/// Longest a clean stop may take. The shutdown's first deadline is 5 s: a
/// stop that reaches it has a room or a write that did not finish.
const STOP_BOUND: Duration = Duration::from_millis(4500);

/// What the phones and the projector were told during one run.
#[derive(Default)]
struct Told {
    /// Phones whose socket opened (they got a snapshot: they are "here").
    joined: HashSet<String>,
    /// (device, topic) of every acknowledged tap.
    acked: HashSet<(String, i64)>,
    /// The most phones the projector showed as here.
    most_here: i64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_while_phones_arrive_stops_promptly_and_loses_nothing() {
    if super::helpers::sqlite_only("the real binary is started on a SQLite file") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stop.db");
    let mut devices: Vec<String> = Vec::new();

    for run in 0..RUNS {
        let port = free_port();
        let log = dir.path().join(format!("run-{run}.log"));
        let mut server = real_server(
            &db,
            port,
            "info",
            Stdio::from(std::fs::File::create(&log).unwrap()),
        )
        .await;
        let address = format!("http://127.0.0.1:{port}");
        let (code, topics) = gathering(&db).await;
        // Each run prays for a topic of its own, shown from the console.
        let topic = topics[run % topics.len()];
        let mut console = console(port, &code).await;
        console.send(json!({"type": "jump", "topic": topic})).await;
        console.next_of("state").await;
        if devices.is_empty() {
            devices = stream::iter(0..PHONES)
                .map(|_| issued_device(&address, &code))
                .buffer_unordered(32)
                .collect()
                .await;
        }

        // Act: phones arrive over ARRIVALS; halfway, SIGTERM.
        let told: Arc<Mutex<Told>> = Arc::default();
        let halfway = Arc::new(Notify::new());
        let projector = tokio::spawn(projector(port, code.clone(), told.clone()));
        let started = Instant::now();
        let phones: Vec<_> = devices
            .iter()
            .enumerate()
            .map(|(i, device)| {
                let arrive = ARRIVALS * i as u32 / PHONES as u32;
                let (code, device, told, halfway) =
                    (code.clone(), device.clone(), told.clone(), halfway.clone());
                tokio::spawn(async move {
                    tokio::time::sleep_until((started + arrive).into()).await;
                    if i == PHONES / 2 {
                        halfway.notify_one();
                    }
                    phone(port, &code, &device, topic, run, &told).await;
                })
            })
            .collect();
        halfway.notified().await;
        let signalled = Instant::now();
        terminate(&server);
        let stopped = wait_for_exit(&mut server).await;
        let took = signalled.elapsed();
        for phone in phones {
            phone.await.unwrap();
        }
        projector.await.unwrap();
        drop(console);

        // Assert: prompt, truthful, and nothing lost.
        let log_text = std::fs::read_to_string(&log).unwrap();
        assert!(
            stopped.is_some_and(|s| s.success()),
            "run {run}: the server stopped cleanly within {STOP_BOUND:?} (took {took:?}); its log:\n{}",
            tail(&log_text)
        );
        assert!(
            took < STOP_BOUND,
            "run {run}: stopping took {took:?}; its log:\n{}",
            tail(&log_text)
        );
        let last = log_text.lines().last().unwrap_or_default();
        assert!(
            last.contains("every queued write committed") && !log_text.contains("ERROR"),
            "run {run}: the log ends truthfully without errors:\n{}",
            tail(&log_text)
        );
        let told = std::mem::take(&mut *told.lock().unwrap());
        let disk = OnDisk::read(&db, &code, topic).await;
        for (device, topic) in &told.acked {
            assert_eq!(
                disk.taps_of(device, *topic),
                1,
                "run {run}: an acknowledged tap is on disk exactly once"
            );
        }
        for device in &told.joined {
            assert!(
                disk.attended.contains(&device_id(device)),
                "run {run}: a phone told it joined has its attendance on disk"
            );
        }
        assert!(
            disk.peak >= told.most_here,
            "run {run}: the projector showed {} here, the topic's peak on disk is {}",
            told.most_here,
            disk.peak
        );
        assert_eq!(disk.duplicate_taps, 0, "run {run}: no tap is stored twice");
        eprintln!(
            "run {run}: stopped in {} ms; {} phones joined, {} taps acknowledged, peak {} (projector showed {})",
            took.as_millis(),
            told.joined.len(),
            told.acked.len(),
            disk.peak,
            told.most_here
        );
        assert!(
            !told.joined.is_empty() && !told.acked.is_empty(),
            "run {run}: phones joined and tapped before the signal"
        );
    }
}

/// The demo gathering's code and topic ids.
async fn gathering(db: &Path) -> (String, Vec<i64>) {
    let store = Store::open_sqlite(db).await.unwrap();
    let gathering = store.list_gatherings().await.unwrap()[0].clone();
    let agenda = store.load_agenda(&gathering).await.unwrap();
    store.close().await;
    let topics = agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.id))
        .collect();
    (gathering.code, topics)
}

/// The owner's console on the gathering.
async fn console(port: u16, code: &str) -> Client {
    let address = format!("http://127.0.0.1:{port}");
    let cookie = login_cookie(&address).await;
    Client::connect(
        &format!("ws://127.0.0.1:{port}/ws/console/{code}"),
        Some(&address),
        Some(&cookie),
    )
    .await
    .unwrap()
}

/// A phone with a device identity of its own, joined.
async fn attendee(port: u16, code: &str) -> Client {
    let address = format!("http://127.0.0.1:{port}");
    let device = issued_device(&address, code).await;
    Client::connect(
        &format!("ws://127.0.0.1:{port}/ws/attend/{code}"),
        Some(&address),
        Some(&format!("intercede_device={device}")),
    )
    .await
    .unwrap()
}

/// One phone: joins (or is refused, if it comes too late), taps the topic,
/// notes the acknowledgement if one comes, and stays until the socket closes.
async fn phone(port: u16, code: &str, device: &str, topic: i64, run: usize, told: &Mutex<Told>) {
    let Ok(mut client) = Client::connect_unless_closed(
        &format!("ws://127.0.0.1:{port}/ws/attend/{code}"),
        Some(&format!("http://127.0.0.1:{port}")),
        Some(&format!("intercede_device={device}")),
    )
    .await
    else {
        return;
    };
    told.lock().unwrap().joined.insert(device.to_string());
    let tap = json!({"type": "tap", "op": format!("{run}-{}", device_id(device)), "topic": topic});
    if client
        .socket
        .send(Message::text(tap.to_string()))
        .await
        .is_err()
    {
        return;
    }
    while let Ok(Some(Ok(message))) =
        tokio::time::timeout(Duration::from_secs(10), client.socket.next()).await
    {
        if let Message::Text(text) = message {
            let frame: Value = serde_json::from_str(&text).unwrap();
            if frame["type"] == "ack" {
                told.lock()
                    .unwrap()
                    .acked
                    .insert((device.to_string(), topic));
            }
        }
    }
}

/// The projector: notes the most phones it is shown as here, until it closes.
async fn projector(port: u16, code: String, told: Arc<Mutex<Told>>) {
    let mut client = Client::connect(
        &format!("ws://127.0.0.1:{port}/ws/projector/{code}"),
        Some(&format!("http://127.0.0.1:{port}")),
        None,
    )
    .await
    .unwrap();
    let note = |frame: &Value| {
        if let Some(here) = frame["counts"]["here"].as_i64() {
            let mut told = told.lock().unwrap();
            told.most_here = told.most_here.max(here);
        }
    };
    note(&client.snapshot);
    while let Ok(Some(Ok(message))) =
        tokio::time::timeout(Duration::from_secs(10), client.socket.next()).await
    {
        if let Message::Text(text) = message {
            note(&serde_json::from_str(&text).unwrap());
        }
    }
}

fn terminate(server: &Child) {
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// The exit status, or `None` if the server is still running after the bound
/// and twice as long again (then it is killed).
async fn wait_for_exit(server: &mut Child) -> Option<std::process::ExitStatus> {
    let pid = server.id();
    let waited = tokio::time::timeout(STOP_BOUND * 3, async {
        loop {
            if let Some(status) = server.try_wait().unwrap() {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    if waited.is_err() {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        let _ = server.wait();
    }
    waited.ok()
}

/// A log's story of the stop, for a failure message: its last lines, leaving
/// out each socket's and request's own.
fn tail(log: &str) -> String {
    let lines: Vec<&str> = log
        .lines()
        .filter(|line| {
            !line.contains("websocket opened")
                && !line.contains("websocket closed")
                && !line.contains("request method=")
        })
        .collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

/// What the database holds after a run.
struct OnDisk {
    taps: Vec<(String, i64)>,
    attended: HashSet<String>,
    peak: i64,
    duplicate_taps: i64,
}

impl OnDisk {
    async fn read(db: &Path, code: &str, topic: i64) -> OnDisk {
        let mut connection = SqliteConnection::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let gathering: i64 = sqlx::query_scalar("SELECT id FROM gatherings WHERE code = ?")
            .bind(code)
            .fetch_one(&mut connection)
            .await
            .unwrap();
        let taps: Vec<(String, i64)> =
            sqlx::query_as("SELECT device_id, topic_id FROM taps WHERE gathering_id = ?")
                .bind(gathering)
                .fetch_all(&mut connection)
                .await
                .unwrap();
        let attended: Vec<String> =
            sqlx::query_scalar("SELECT device_id FROM attendances WHERE gathering_id = ?")
                .bind(gathering)
                .fetch_all(&mut connection)
                .await
                .unwrap();
        let peak: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(peak_attendees), 0) FROM topic_stats
             WHERE gathering_id = ? AND topic_id = ?",
        )
        .bind(gathering)
        .bind(topic)
        .fetch_one(&mut connection)
        .await
        .unwrap();
        let distinct: HashSet<&(String, i64)> = taps.iter().collect();
        let duplicate_taps = (taps.len() - distinct.len()) as i64;
        let _ = connection.close().await;
        OnDisk {
            taps,
            attended: attended.into_iter().collect(),
            peak,
            duplicate_taps,
        }
    }

    fn taps_of(&self, device: &str, topic: i64) -> usize {
        let id = device_id(device);
        self.taps
            .iter()
            .filter(|(d, t)| *d == id && *t == topic)
            .count()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_while_writes_fail_says_which_were_not_committed() {
    if super::helpers::sqlite_only("the database file is removed from under the server") {
        return;
    }
    // Arrange: a tap on disk, then the file removed, so the next writes fail.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gone.db");
    let log = dir.path().join("server.log");
    let port = free_port();
    let mut server = real_server(
        &db,
        port,
        "info",
        Stdio::from(std::fs::File::create(&log).unwrap()),
    )
    .await;
    let (code, topics) = gathering(&db).await;
    let mut console = console(port, &code).await;
    console
        .send(json!({"type": "jump", "topic": topics[0]}))
        .await;
    console.next_of("state").await;
    let mut phone = attendee(port, &code).await;
    phone
        .send(json!({"type": "tap", "topic": topics[0], "op": "kept"}))
        .await;
    assert_eq!(phone.next_of("ack").await["op"], "kept");
    std::fs::remove_file(&db).unwrap();
    let mut late = attendee(port, &code).await;
    late.send(json!({"type": "tap", "topic": topics[0], "op": "lost"}))
        .await;

    // Act
    terminate(&server);
    let stopped = wait_for_exit(&mut server).await;

    // Assert: it stops (writes that keep failing are not waited for forever),
    // and its last line says what was not committed, and why.
    assert!(stopped.is_some_and(|s| s.success()));
    let log_text = std::fs::read_to_string(&log).unwrap();
    let last = log_text.lines().last().unwrap_or_default();
    assert!(
        last.contains("ERROR")
            && last.contains("were NOT committed")
            && last.contains("taps=1")
            && last.contains("removed or replaced"),
        "the last line tells the truth: {last}"
    );
    assert!(!log_text.contains("every queued write committed"));
}
