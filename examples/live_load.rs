//! A load run of the live path, printing figures for `docs/performance.md`.
//!
//! Starts the real server in this process on 127.0.0.1 (a fresh SQLite file in a
//! temporary folder), connects N attendee phones and a console over real
//! websockets, then measures:
//!
//! * fan-out: the console moves to the next topic; time until every phone has
//!   the new topic (median, 99th percentile, slowest);
//! * taps: every phone taps once; time until every ack is back (each ack means
//!   the tap is committed), and taps per second;
//! * memory: the process's resident memory before and after the phones join.
//!
//! Run: `cargo run --release --example live_load -- 2000` (phones; default 2000).
//! A second number (1 to 5, default 1) spreads the phones over that many
//! languages, every topic translated into each: a topic change is then
//! serialised once per language, and shared by the phones of each.
//! The clients share the machine with the server, so the figures are
//! conservative. Bounded: at most 10,000 phones, loopback only, stops by itself.

use futures_util::future::join_all;
use futures_util::{SinkExt, StreamExt};
use intercede::config::Settings;
use intercede::startup::Application;
use intercede::store::Store;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

const PASSWORD: &str = "load test password";
const WAIT: Duration = Duration::from_secs(60);

#[tokio::main]
async fn main() {
    let phones: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
        .clamp(1, 10_000);
    let languages: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
        .clamp(1, intercede::i18n::LANGUAGES.len());
    let codes: Vec<&str> = intercede::i18n::LANGUAGES
        .iter()
        .take(languages)
        .map(|l| l.code)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db");
    let mut settings = Settings::for_database(&db);
    settings.admin_password = Some(PASSWORD.into());
    // Every phone here comes from 127.0.0.1, where a real room's phones each
    // have an address of their own: lift the per-address ceilings above N.
    settings.connections_per_address = phones + 100;
    settings.new_devices_per_ip = phones as u32 + 100;
    let app = Application::build(settings).await.unwrap();
    let port = app.port();
    let stop = app.stop_handle();
    let server = tokio::spawn(app.run_until_stopped());
    let store = Store::open_sqlite(&db).await.unwrap();
    let gathering = store.list_gatherings().await.unwrap()[0].clone();
    let agenda = store.load_agenda(&gathering).await.unwrap();
    let topics: Vec<i64> = agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.id))
        .collect();
    for code in codes.iter().skip(1) {
        let words: Vec<(i64, intercede::domain::TopicText)> = agenda
            .sections
            .iter()
            .flat_map(|s| &s.topics)
            .map(|t| {
                let text = intercede::domain::TopicText {
                    title: format!("{} ({code})", t.title),
                    body: format!("{} ({code})", t.body),
                    ..Default::default()
                };
                (t.id, text)
            })
            .collect();
        store
            .save_translation(gathering.id, code, &Default::default(), &[], &words)
            .await
            .unwrap();
    }
    let base = format!("http://127.0.0.1:{port}");
    let ws_base = format!("ws://127.0.0.1:{port}/ws");

    println!(
        "live_load: {phones} phones in {languages} language(s), server and clients on one machine ({} cores)",
        cores()
    );
    let rss_before = rss_kib();

    // Console.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = http
        .post(format!("{base}/login"))
        .form(&[("name", "admin"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let session = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let mut console = connect(
        &format!("{ws_base}/console/{}", gathering.code),
        &base,
        Some(&session),
    )
    .await;
    next_of(&mut console, "snapshot").await;
    console
        .send(Message::text(
            json!({"type": "jump", "topic": topics[0]}).to_string(),
        ))
        .await
        .unwrap();
    next_of(&mut console, "state").await;

    // Phones, 100 at a time.
    let started = Instant::now();
    let mut sockets: Vec<Socket> = Vec::with_capacity(phones);
    while sockets.len() < phones {
        let batch = (phones - sockets.len()).min(100);
        let first = sockets.len();
        let joined = join_all((0..batch).map(|i| {
            let code = codes[(first + i) % codes.len()];
            let url = format!("{ws_base}/attend/{}?lang={code}", gathering.code);
            let base = base.clone();
            async move {
                let cookie = format!("intercede_device={}", device());
                let mut socket = connect(&url, &base, Some(&cookie)).await;
                next_of(&mut socket, "snapshot").await;
                socket
            }
        }))
        .await;
        sockets.extend(joined);
    }
    let join_time = started.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_after = rss_kib();
    println!(
        "join: {phones} phones connected in {:.2} s",
        join_time.as_secs_f64()
    );
    if let (Some(before), Some(after)) = (rss_before, rss_after) {
        println!(
            "memory: {:.1} MiB before, {:.1} MiB after; {:.1} KiB per phone (server and client sides together)",
            before as f64 / 1024.0,
            after as f64 / 1024.0,
            (after.saturating_sub(before)) as f64 / phones as f64
        );
    }

    // Fan-out: one topic change reaching every phone.
    for (round, topic) in topics.iter().enumerate().skip(1).take(3) {
        let sent = Instant::now();
        console
            .send(Message::text(
                json!({"type": "jump", "topic": topic}).to_string(),
            ))
            .await
            .unwrap();
        let mut arrivals: Vec<Duration> = join_all(sockets.iter_mut().map(|socket| async move {
            next_of(socket, "state").await;
            sent.elapsed()
        }))
        .await;
        arrivals.sort();
        println!(
            "fan-out round {round}: median {:.1} ms, p99 {:.1} ms, last phone {:.1} ms",
            ms(arrivals[arrivals.len() / 2]),
            ms(arrivals[(arrivals.len() * 99 / 100).min(arrivals.len() - 1)]),
            ms(*arrivals.last().unwrap())
        );
    }

    // Taps: every phone taps the current topic once; wait for every ack.
    let topic = topics[3];
    let sent = Instant::now();
    let acks: Vec<Duration> = join_all(sockets.iter_mut().enumerate().map(
        |(i, socket)| async move {
            socket
                .send(Message::text(
                    json!({"type": "tap", "op": format!("op-{i}"), "topic": topic}).to_string(),
                ))
                .await
                .unwrap();
            next_of(socket, "ack").await;
            sent.elapsed()
        },
    ))
    .await;
    let all = sent.elapsed();
    let mut acks = acks;
    acks.sort();
    let stored = store.count_taps(gathering.id, topic).await.unwrap();
    println!(
        "taps: {phones} taps committed and acked in {:.1} ms ({:.0} taps/s); ack median {:.1} ms, p99 {:.1} ms; {stored} rows in the database",
        ms(all),
        phones as f64 / all.as_secs_f64(),
        ms(acks[acks.len() / 2]),
        ms(acks[(acks.len() * 99 / 100).min(acks.len() - 1)]),
    );
    assert_eq!(
        stored as usize, phones,
        "every acked tap is in the database"
    );

    drop(sockets);
    stop.stop();
    let _ = server.await;
}

async fn connect(url: &str, origin: &str, cookie: Option<&str>) -> Socket {
    let mut request = url.into_client_request().unwrap();
    request
        .headers_mut()
        .insert("Origin", HeaderValue::from_str(origin).unwrap());
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert("Cookie", HeaderValue::from_str(cookie).unwrap());
    }
    tokio_tungstenite::connect_async(request).await.unwrap().0
}

async fn next_of(socket: &mut Socket, kind: &str) -> Value {
    loop {
        let frame = tokio::time::timeout(WAIT, socket.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Message::Text(text) = frame {
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["type"] == kind {
                return value;
            }
        }
    }
}

fn device() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Resident memory of this process in KiB (Linux only).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
