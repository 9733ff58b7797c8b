//! An out-of-process load generator for the live path, printing the figures of
//! `docs/performance.md`.
//!
//! It speaks Intercede's real protocol to a server started separately (pinned
//! to another core), so the server's CPU and memory are its own:
//!
//! 1. every phone gets its signed device identity the way a phone does, from
//!    the `Set-Cookie` of `GET /j/CODE` (timed apart from the sockets);
//! 2. N attendee sockets connect, each from its own loopback source address
//!    (127.0.x.y), so the server's per-address ceilings are not what is
//!    measured; then the server's resident memory per idle socket;
//! 3. a logged-in console changes topic R times; each round's figure is the
//!    time until each phone has the new topic (p50, p95, slowest), and the
//!    server's CPU time over all rounds divided by the frames delivered;
//! 4. every phone taps once: the time until every ack is back (an ack means
//!    the tap is committed).
//!
//! Frames lost are sequence gaps seen by phones, plus phones that never saw a
//! round's topic. With `--baseline node,actix` the same figures are then taken
//! from bare broadcast servers started here on `--server-cpu`, sending frames
//! of the size the phones just got: Node's `ws` (`bench/node/broadcast.js`)
//! and actix-ws (`examples/bare_actix.rs`, built with the examples).
//!
//! ```sh
//! taskset -c 0 target/release/intercede --bind 127.0.0.1 --port 8090 \
//!     --database /tmp/load.db --admin-password 'load test password' --workers 1 \
//!     --connections-per-address 100 --new-devices-per-ip 100 &
//! ulimit -n 20000
//! taskset -c 1 target/release/examples/load_generator --port 8090 --pid $! \
//!     --code CODE --phones 18000 --rounds 20 --baseline node,actix
//! ```
//!
//! With `--second-port P`, a second instance on the same PostgreSQL database
//! serves every other phone (the console stays on the first), and each round
//! also prints the arrival times on the console's own instance and on the
//! other one: how long a topic change takes to cross between instances.
//!
//! With `--edge N` it does an edge run instead: N sockets against a server
//! started with fewer descriptors than that (`ulimit -n`), reporting how many
//! it held, how the rest were refused and how fast, and how long `/healthz`
//! and the facilitator's login take while it is full.
//!
//! Bounded: at most 20,000 phones, loopback only, every wait has a deadline.

use futures_util::stream::{self, SplitSink};
use futures_util::{SinkExt, StreamExt};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

type Sink = SplitSink<WebSocketStream<TcpStream>, Message>;

const MAX_PHONES: usize = 20_000;
/// Sockets (or page loads) being opened at once.
const IN_FLIGHT: usize = 200;
/// The longest any one phase may take before the run gives up on it.
const DEADLINE: Duration = Duration::from_secs(60);
/// A quiet moment between rounds, as between a facilitator's clicks.
const BETWEEN_ROUNDS: Duration = Duration::from_millis(500);

#[derive(Clone)]
struct Options {
    port: u16,
    pid: Option<u32>,
    code: String,
    password: String,
    phones: usize,
    rounds: usize,
    /// Bare broadcast servers to measure after Intercede, in this order.
    baselines: Vec<Baseline>,
    node_port: u16,
    server_cpu: String,
    /// A second instance on the same database, for every odd phone.
    second_port: Option<u16>,
    /// The edge run: open this many sockets, more than the server's
    /// descriptors allow, and time the refusals and the essential pages.
    edge: Option<usize>,
}

fn options() -> Options {
    let mut o = Options {
        port: 8090,
        pid: None,
        code: String::new(),
        password: "load test password".into(),
        phones: 2000,
        rounds: 20,
        baselines: Vec::new(),
        node_port: 8091,
        second_port: None,
        edge: None,
        server_cpu: "0".into(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--port" => o.port = value.parse().expect("--port"),
            "--pid" => o.pid = Some(value.parse().expect("--pid")),
            "--code" => o.code = value,
            "--password" => o.password = value,
            "--phones" => o.phones = value.parse().expect("--phones"),
            "--rounds" => o.rounds = value.parse().expect("--rounds"),
            "--baseline" => {
                for name in value.split(',') {
                    o.baselines.push(match name {
                        "node" => Baseline::Node,
                        "actix" => Baseline::Actix,
                        other => panic!("unknown baseline {other} (node or actix)"),
                    });
                }
            }
            "--node-port" => o.node_port = value.parse().expect("--node-port"),
            "--server-cpu" => o.server_cpu = value,
            "--second-port" => o.second_port = Some(value.parse().expect("--second-port")),
            "--edge" => o.edge = Some(value.parse().expect("--edge")),
            other => panic!("unknown option {other} (see the example's opening comment)"),
        }
        i += 2;
    }
    o.phones = o.phones.clamp(1, MAX_PHONES);
    o.rounds = o.rounds.clamp(1, 200);
    o
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let o = options();
    if let Some(sockets) = o.edge {
        edge(&o, sockets.min(MAX_PHONES)).await;
        return;
    }
    let mut frame_bytes = 1500;
    if !o.code.is_empty() {
        let figures = run(Target::Intercede, &o).await;
        figures.print("intercede");
        frame_bytes = figures.frame_bytes;
    } else if o.baselines.is_empty() {
        panic!("give --code CODE (an Intercede gathering), or --baseline node,actix");
    }
    for &baseline in &o.baselines {
        let mut server = start_baseline(&o, baseline, frame_bytes);
        wait_for_port(o.node_port).await;
        let options = Options {
            port: o.node_port,
            pid: Some(server.id()),
            second_port: None,
            ..o.clone()
        };
        run(Target::Bare, &options).await.print(baseline.name());
        let _ = server.kill();
        let _ = server.wait();
    }
}

/// At the descriptor limit: opens `sockets` attendee sockets (each phone with
/// its identity, as in a run), more than the server can hold, and reports how
/// many it took, how the others were turned away and how fast, and how long
/// `/healthz` and the facilitator's login take while it is full.
async fn edge(o: &Options, sockets: usize) {
    let server = SocketAddr::from(([127, 0, 0, 1], o.port));
    let cookies: Vec<String> = stream::iter(0..sockets)
        .map(|i| device_cookie(server, source(Some(i)), &o.code))
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    let path = format!("/ws/attend/{}", o.code);
    let started = Instant::now();
    let outcomes: Vec<(Result<WebSocketStream<TcpStream>, String>, Duration)> =
        stream::iter(cookies.into_iter().enumerate())
            .map(|(i, cookie)| {
                let path = path.clone();
                async move {
                    let began = Instant::now();
                    let socket = open_socket(server, source(Some(i)), &path, Some(&cookie)).await;
                    (socket, began.elapsed())
                }
            })
            .buffered(IN_FLIGHT)
            .collect()
            .await;
    let took = started.elapsed();
    let mut held = Vec::new();
    let mut refusals: std::collections::BTreeMap<String, usize> = Default::default();
    let mut slowest_refusal = Duration::ZERO;
    for (outcome, time) in outcomes {
        match outcome {
            Ok(socket) => held.push(socket),
            Err(why) => {
                let why: String = why.chars().take(60).collect();
                *refusals.entry(why).or_default() += 1;
                slowest_refusal = slowest_refusal.max(time);
            }
        }
    }
    println!(
        "== edge: {sockets} sockets asked for in {:.2} s",
        took.as_secs_f64()
    );
    println!("held open: {}", held.len());
    for (why, n) in &refusals {
        println!("refused: {n} ({why})");
    }
    println!("slowest refusal: {:.1} ms", ms(slowest_refusal));
    let timed = Instant::now();
    let health = http(
        server,
        source(None),
        format!(
            "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            o.port
        ),
    )
    .await;
    println!(
        "/healthz while full: {:.1} ms, {}",
        ms(timed.elapsed()),
        health.lines().next().unwrap_or("no answer")
    );
    let timed = Instant::now();
    // (A refused login stops the run with the server's answer.)
    login(server, &o.password).await;
    println!(
        "facilitator login while full: {:.1} ms, signed in",
        ms(timed.elapsed())
    );
    drop(held);
}

/// A bare broadcast server, measured as a baseline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Baseline {
    /// `bench/node/broadcast.js` on Node's `ws`.
    Node,
    /// `examples/bare_actix.rs` on actix-ws.
    Actix,
}

impl Baseline {
    fn name(self) -> &'static str {
        match self {
            Baseline::Node => "node ws",
            Baseline::Actix => "bare actix-ws",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Intercede,
    /// A bare baseline server (same paths and frames for every kind).
    Bare,
}

/// What one phone has seen, written by its reader task.
#[derive(Default)]
struct Phone {
    /// The topic of the last `state` frame, and when it came (ns since start).
    topic: AtomicI64,
    topic_at: AtomicU64,
    /// When its tap's ack came (ns since start; 0: not yet).
    acked_at: AtomicU64,
    seq: AtomicU64,
}

/// What every phone has seen, added up.
#[derive(Default)]
struct Tally {
    frames: AtomicU64,
    bytes: AtomicU64,
    state_frames: AtomicU64,
    counts_frames: AtomicU64,
    snapshots: AtomicU64,
    seq_gaps: AtomicU64,
    closed: AtomicU64,
    state_frame_bytes: AtomicUsize,
}

struct Shared {
    start: Instant,
    phones: Vec<Phone>,
    tally: Tally,
}

impl Shared {
    fn now_ns(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }
}

struct Round {
    p50: Duration,
    p95: Duration,
    max: Duration,
    missing: usize,
    /// With two instances: (p50, p95) on the console's instance, then on the other.
    split: Option<[(Duration, Duration); 2]>,
}

/// The (p50, p95) of sorted arrival times.
fn quantiles(sorted: &[Duration]) -> (Duration, Duration) {
    let pick = |q: f64| {
        sorted
            .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    (pick(0.5), pick(0.95))
}

struct Figures {
    phones: usize,
    two_instances: bool,
    cookies: Option<Duration>,
    connect: Duration,
    /// Server CPU time while the phones connected, per phone.
    cpu_per_connect_us: Option<f64>,
    rss_per_socket_kib: Option<f64>,
    rounds: Vec<Round>,
    cpu_per_delivery_us: Option<f64>,
    taps_acked: usize,
    taps_time: Duration,
    /// Server CPU time from the first tap sent to the last ack, per tap.
    cpu_per_tap_us: Option<f64>,
    frame_bytes: usize,
    frames_per_phone: f64,
    counts_per_phone: f64,
    lost: u64,
    resyncs: u64,
    closed: u64,
}

impl Figures {
    fn print(&self, name: &str) {
        let n = self.phones;
        println!("== {name}: {n} phones");
        if let Some(cookies) = self.cookies {
            println!(
                "device identities (GET /j/CODE): {:.2} s",
                cookies.as_secs_f64()
            );
        }
        println!("connect: {:.2} s", self.connect.as_secs_f64());
        if self.two_instances {
            println!("(server CPU and memory figures: the first instance, per phone it holds)");
        }
        if let Some(us) = self.cpu_per_connect_us {
            println!("server CPU per connecting phone: {us:.0} µs");
        }
        if let Some(kib) = self.rss_per_socket_kib {
            println!("server memory per idle socket: {kib:.1} KiB (RSS delta / N)");
        }
        for (i, r) in self.rounds.iter().enumerate() {
            println!(
                "round {:2}: p50 {:6.1} ms  p95 {:6.1} ms  max {:6.1} ms{}{}",
                i + 1,
                ms(r.p50),
                ms(r.p95),
                ms(r.max),
                match r.split {
                    Some([own, other]) => format!(
                        "  | console's instance p50 {:.1} p95 {:.1}, other instance p50 {:.1} p95 {:.1}",
                        ms(own.0),
                        ms(own.1),
                        ms(other.0),
                        ms(other.1)
                    ),
                    None => String::new(),
                },
                if r.missing > 0 {
                    format!("  ({} phones never got it)", r.missing)
                } else {
                    String::new()
                }
            );
        }
        let splits: Vec<[(Duration, Duration); 2]> =
            self.rounds.iter().filter_map(|r| r.split).collect();
        if !splits.is_empty() {
            let mut gap50: Vec<f64> = splits.iter().map(|[a, b]| ms(b.0) - ms(a.0)).collect();
            let mut gap95: Vec<f64> = splits.iter().map(|[a, b]| ms(b.1) - ms(a.1)).collect();
            gap50.sort_by(f64::total_cmp);
            gap95.sort_by(f64::total_cmp);
            println!(
                "other instance behind the console's, median over rounds: p50 +{:.1} ms, p95 +{:.1} ms (worst round p50 +{:.1} ms)",
                gap50[gap50.len() / 2],
                gap95[gap95.len() / 2],
                gap50.last().copied().unwrap_or(0.0)
            );
        }
        let mut p50: Vec<f64> = self.rounds.iter().map(|r| ms(r.p50)).collect();
        let mut p95: Vec<f64> = self.rounds.iter().map(|r| ms(r.p95)).collect();
        let mut max: Vec<f64> = self.rounds.iter().map(|r| ms(r.max)).collect();
        for v in [&mut p50, &mut p95, &mut max] {
            v.sort_by(f64::total_cmp);
        }
        println!(
            "rounds, median of {}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (max over rounds: {:.1} ms)",
            self.rounds.len(),
            p50[p50.len() / 2],
            p95[p95.len() / 2],
            max[max.len() / 2],
            max.last().copied().unwrap_or(0.0)
        );
        if let Some(us) = self.cpu_per_delivery_us {
            println!("server CPU per delivered topic change: {us:.1} µs");
        }
        println!(
            "taps: {} of {n} acked in {:.1} ms ({:.0} taps/s)",
            self.taps_acked,
            ms(self.taps_time),
            self.taps_acked as f64 / self.taps_time.as_secs_f64().max(1e-9)
        );
        if let Some(us) = self.cpu_per_tap_us {
            println!("server CPU per tap (until the last ack): {us:.0} µs");
        }
        println!(
            "phones' state frame: {} bytes; frames per phone over the run: {:.1} ({:.1} counts)",
            self.frame_bytes, self.frames_per_phone, self.counts_per_phone
        );
        println!(
            "frames lost: {} (sequence gaps and missed rounds); resyncs (snapshots after the first): {}; sockets closed by the server: {}",
            self.lost, self.resyncs, self.closed
        );
    }
}

async fn run(target: Target, o: &Options) -> Figures {
    let server = SocketAddr::from(([127, 0, 0, 1], o.port));
    let second = o
        .second_port
        .map(|port| SocketAddr::from(([127, 0, 0, 1], port)));
    // Which instance phone `i` uses: with two, every odd phone is on the second.
    let server_of = move |i: usize| match second {
        Some(second) if i % 2 == 1 => second,
        _ => server,
    };
    let shared = Arc::new(Shared {
        start: Instant::now(),
        phones: (0..o.phones).map(|_| Phone::default()).collect(),
        tally: Tally::default(),
    });

    // The console first (from 127.0.0.1), so the room is open and on a topic.
    let session = match target {
        Target::Intercede => Some(login(server, &o.password).await),
        Target::Bare => None,
    };
    let console_path = match target {
        Target::Intercede => format!("/ws/console/{}", o.code),
        Target::Bare => "/console".into(),
    };
    let console_cookie = session.as_deref();
    let console = open_socket(server, source(None), &console_path, console_cookie)
        .await
        .expect("console socket");
    let (mut console_tx, mut console_rx) = console.split();
    let mut console_topic = next_state_topic(&mut console_rx, true).await;
    if console_topic.is_none() {
        console_tx
            .send(Message::text(r#"{"type":"next"}"#))
            .await
            .unwrap();
        console_topic = next_state_topic(&mut console_rx, false).await;
    }
    // Keep the console's socket read (its frames are not measured).
    let mut console_topics = {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(Ok(frame)) = console_rx.next().await {
                if let Message::Text(text) = frame
                    && text.starts_with(r#"{"type":"state""#)
                    && let Some(topic) = topic_of(&text)
                {
                    let _ = tx.send(topic);
                }
            }
        });
        rx
    };

    // Device identities, as a phone gets one: from the join page.
    let mut cookies_time = None;
    let cookies: Vec<Option<String>> = match target {
        Target::Intercede => {
            let started = Instant::now();
            let cookies: Vec<String> = stream::iter(0..o.phones)
                .map(|i| device_cookie(server_of(i), source(Some(i)), &o.code))
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            cookies_time = Some(started.elapsed());
            cookies.into_iter().map(Some).collect()
        }
        Target::Bare => vec![None; o.phones],
    };

    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_before = o.pid.and_then(rss_kib);
    let cpu_connect_before = o.pid.and_then(cpu_ticks);
    let path = match target {
        Target::Intercede => format!("/ws/attend/{}", o.code),
        Target::Bare => "/attend".into(),
    };
    let started = Instant::now();
    let sinks: Vec<Sink> = stream::iter(cookies.into_iter().enumerate())
        .map(|(i, cookie)| {
            let path = path.clone();
            let shared = shared.clone();
            async move {
                let socket = open_socket(server_of(i), source(Some(i)), &path, cookie.as_deref())
                    .await
                    .unwrap_or_else(|e| panic!("phone {i}: {e}"));
                let (sink, mut frames) = socket.split();
                // The snapshot comes first: the phone is in once it has it.
                let first = tokio::time::timeout(DEADLINE, frames.next()).await;
                if let Ok(Some(Ok(Message::Text(text)))) = first {
                    shared.tally.snapshots.fetch_add(1, Relaxed);
                    let phone = &shared.phones[i];
                    phone.seq.store(seq_of(&text).unwrap_or(0), Relaxed);
                    phone.topic.store(topic_of(&text).unwrap_or(-1), Relaxed);
                } else {
                    panic!("phone {i}: no snapshot");
                }
                tokio::spawn(read_phone(i, frames, shared));
                sink
            }
        })
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    let connect = started.elapsed();
    // `--pid` is the first instance: per-phone figures count its phones only.
    let on_first = (0..o.phones)
        .filter(|&i| server_of(i) == server)
        .count()
        .max(1);
    let cpu_per_connect_us =
        cpu_connect_before
            .zip(o.pid.and_then(cpu_ticks))
            .map(|(before, after)| {
                (after - before) as f64 * 1e6 / clock_ticks_per_second() / on_first as f64
            });
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_after = o.pid.and_then(rss_kib);
    let rss_per_socket_kib = rss_before
        .zip(rss_after)
        .map(|(before, after)| after.saturating_sub(before) as f64 / on_first as f64);

    // Topic changes: forward through the agenda, back when at its end.
    let cpu_before = o.pid.and_then(cpu_ticks);
    let mut rounds = Vec::new();
    let mut forward = true;
    let mut lost_rounds = 0u64;
    let mut attempts = 0;
    while rounds.len() < o.rounds && attempts < 2 * o.rounds {
        attempts += 1;
        while console_topics.try_recv().is_ok() {}
        let sent = shared.now_ns();
        let command = if forward { "next" } else { "previous" };
        console_tx
            .send(Message::text(format!(r#"{{"type":"{command}"}}"#)))
            .await
            .unwrap();
        let target_topic =
            match tokio::time::timeout(Duration::from_secs(2), console_topics.recv()).await {
                Ok(Some(topic)) if Some(topic) != console_topic => topic,
                _ => {
                    // At an end of the agenda: nothing changed; turn round.
                    forward = !forward;
                    continue;
                }
            };
        console_topic = Some(target_topic);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let done = shared
                .phones
                .iter()
                .all(|p| p.topic.load(Relaxed) == target_topic);
            if done || Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let mut arrivals: Vec<Duration> = Vec::with_capacity(o.phones);
        let mut by_instance: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
        let mut missing = 0;
        for (i, p) in shared.phones.iter().enumerate() {
            if p.topic.load(Relaxed) == target_topic {
                let at = Duration::from_nanos(p.topic_at.load(Relaxed).saturating_sub(sent));
                arrivals.push(at);
                by_instance[usize::from(server_of(i) != server)].push(at);
            } else {
                missing += 1;
            }
        }
        lost_rounds += missing as u64;
        arrivals.sort();
        for times in &mut by_instance {
            times.sort();
        }
        let (p50, p95) = quantiles(&arrivals);
        rounds.push(Round {
            p50,
            p95,
            max: arrivals.last().copied().unwrap_or_default(),
            missing,
            split: second.map(|_| [quantiles(&by_instance[0]), quantiles(&by_instance[1])]),
        });
        tokio::time::sleep(BETWEEN_ROUNDS).await;
    }
    let cpu_after = o.pid.and_then(cpu_ticks);
    let deliveries = (rounds.len() * on_first) as f64;
    let cpu_per_delivery_us = cpu_before.zip(cpu_after).map(|(before, after)| {
        (after - before) as f64 * 1e6 / clock_ticks_per_second() / deliveries.max(1.0)
    });

    // Taps: every phone taps the topic on screen once.
    let topic = console_topic.unwrap_or(0);
    let tap_started = shared.now_ns();
    let cpu_taps_before = o.pid.and_then(cpu_ticks);
    let mut sinks = sinks;
    for (i, sink) in sinks.iter_mut().enumerate() {
        let tap = format!(r#"{{"type":"tap","op":"load-{i}","topic":{topic}}}"#);
        sink.feed(Message::text(tap)).await.unwrap();
    }
    for sink in sinks.iter_mut() {
        sink.flush().await.unwrap();
    }
    let deadline = Instant::now() + DEADLINE;
    while Instant::now() < deadline && !shared.phones.iter().all(|p| p.acked_at.load(Relaxed) > 0) {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let taps_acked = shared
        .phones
        .iter()
        .filter(|p| p.acked_at.load(Relaxed) > 0)
        .count();
    let last_ack = shared
        .phones
        .iter()
        .map(|p| p.acked_at.load(Relaxed))
        .max()
        .unwrap_or(0);
    let taps_time = Duration::from_nanos(last_ack.saturating_sub(tap_started));
    let cpu_per_tap_us = cpu_taps_before
        .zip(o.pid.and_then(cpu_ticks))
        .map(|(before, after)| {
            (after - before) as f64 * 1e6 / clock_ticks_per_second() / on_first as f64
        });

    let t = &shared.tally;
    let figures = Figures {
        phones: o.phones,
        two_instances: second.is_some(),
        cookies: cookies_time,
        connect,
        cpu_per_connect_us,
        rss_per_socket_kib,
        rounds,
        cpu_per_delivery_us,
        taps_acked,
        taps_time,
        cpu_per_tap_us,
        frame_bytes: t.state_frame_bytes.load(Relaxed),
        frames_per_phone: t.frames.load(Relaxed) as f64 / o.phones as f64,
        counts_per_phone: t.counts_frames.load(Relaxed) as f64 / o.phones as f64,
        lost: t.seq_gaps.load(Relaxed) + lost_rounds,
        resyncs: t.snapshots.load(Relaxed).saturating_sub(o.phones as u64),
        closed: t.closed.load(Relaxed),
    };
    for mut sink in sinks {
        let _ = sink.close().await;
    }
    let _ = console_tx.close().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    figures
}

/// One phone's reader: notes every frame, its topic changes and its ack.
async fn read_phone(
    i: usize,
    mut frames: futures_util::stream::SplitStream<WebSocketStream<TcpStream>>,
    shared: Arc<Shared>,
) {
    let phone = &shared.phones[i];
    let tally = &shared.tally;
    while let Some(frame) = frames.next().await {
        let Ok(frame) = frame else { break };
        let Message::Text(text) = frame else {
            if let Message::Close(_) = frame {
                tally.closed.fetch_add(1, Relaxed);
            }
            continue;
        };
        tally.frames.fetch_add(1, Relaxed);
        tally.bytes.fetch_add(text.len() as u64, Relaxed);
        let text = text.as_str();
        let snapshot = text.starts_with(r#"{"type":"snapshot""#);
        if let Some(seq) = seq_of(text) {
            let last = phone.seq.load(Relaxed);
            if snapshot {
                // A resync: the phone starts again from this one.
                tally.snapshots.fetch_add(1, Relaxed);
                phone.seq.store(seq, Relaxed);
            } else if seq > last {
                // Frames at or below the last are covered by a snapshot
                // already seen (a client ignores them); above, a gap is loss.
                tally.seq_gaps.fetch_add(seq - last - 1, Relaxed);
                phone.seq.store(seq, Relaxed);
            }
        }
        let state = text.starts_with(r#"{"type":"state""#);
        if state || snapshot {
            if state {
                tally.state_frames.fetch_add(1, Relaxed);
                tally.state_frame_bytes.store(text.len(), Relaxed);
            }
            if let Some(topic) = topic_of(text) {
                phone.topic_at.store(shared.now_ns(), Relaxed);
                phone.topic.store(topic, Relaxed);
            }
        } else if text.starts_with(r#"{"type":"counts""#) {
            tally.counts_frames.fetch_add(1, Relaxed);
        } else if text.starts_with(r#"{"type":"ack""#) {
            phone.acked_at.store(shared.now_ns().max(1), Relaxed);
        }
    }
}

/// The loopback source address of phone `i` (the console: 127.0.0.1).
fn source(i: Option<usize>) -> Ipv4Addr {
    match i {
        None => Ipv4Addr::new(127, 0, 0, 1),
        Some(i) => Ipv4Addr::new(127, 0, 1 + (i / 250) as u8, 1 + (i % 250) as u8),
    }
}

async fn tcp_from(source: Ipv4Addr, server: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(IpAddr::V4(source), 0))?;
    socket.set_nodelay(true)?;
    socket.connect(server).await
}

async fn open_socket(
    server: SocketAddr,
    from: Ipv4Addr,
    path: &str,
    cookie: Option<&str>,
) -> Result<WebSocketStream<TcpStream>, String> {
    let base = format!("http://127.0.0.1:{}", server.port());
    let mut request = format!("ws://127.0.0.1:{}{path}", server.port())
        .into_client_request()
        .map_err(|e| e.to_string())?;
    let headers = request.headers_mut();
    headers.insert("Origin", HeaderValue::from_str(&base).unwrap());
    if let Some(cookie) = cookie {
        headers.insert("Cookie", HeaderValue::from_str(cookie).unwrap());
    }
    let stream = tcp_from(from, server).await.map_err(|e| e.to_string())?;
    let connecting = tokio_tungstenite::client_async(request, stream);
    match tokio::time::timeout(DEADLINE, connecting).await {
        Ok(Ok((socket, _))) => Ok(socket),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("websocket handshake timed out".into()),
    }
}

/// A minimal HTTP/1.1 exchange (the answer's head and body as text).
async fn http(server: SocketAddr, from: Ipv4Addr, request: String) -> String {
    let mut stream = tcp_from(from, server).await.expect("http connect");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(DEADLINE, stream.read_to_end(&mut answer))
        .await
        .expect("http answer in time")
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

/// The `NAME=value` of the first `Set-Cookie` for `name`.
fn set_cookie(answer: &str, name: &str) -> Option<String> {
    let head = answer.split("\r\n\r\n").next()?;
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        if !key.eq_ignore_ascii_case("set-cookie") {
            return None;
        }
        let pair = value.trim().split(';').next()?;
        pair.starts_with(&format!("{name}="))
            .then(|| pair.to_string())
    })
}

async fn device_cookie(server: SocketAddr, from: Ipv4Addr, code: &str) -> String {
    let request = format!(
        "GET /j/{code} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        server.port()
    );
    let answer = http(server, from, request).await;
    set_cookie(&answer, "intercede_device").unwrap_or_else(|| {
        panic!(
            "no device identity from {from}: {}",
            answer.lines().next().unwrap_or("")
        )
    })
}

async fn login(server: SocketAddr, password: &str) -> String {
    // The owner's account, made at the server's first start.
    let body = format!("name=admin&password={}", form_encode(password));
    let request = format!(
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len(),
        port = server.port()
    );
    let answer = http(server, source(None), request).await;
    set_cookie(&answer, "intercede_session")
        .or_else(|| {
            // Whatever the session cookie is called: the first one set.
            let head = answer.split("\r\n\r\n").next()?;
            head.lines()
                .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
                .and_then(|l| l.split_once(':'))
                .and_then(|(_, v)| v.trim().split(';').next().map(str::to_string))
        })
        .unwrap_or_else(|| {
            panic!(
                "login failed: {}",
                answer.lines().next().unwrap_or("no answer")
            )
        })
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The console's next `state` or `snapshot` frame's topic (`None`: no topic on screen).
async fn next_state_topic(
    frames: &mut futures_util::stream::SplitStream<WebSocketStream<TcpStream>>,
    snapshot: bool,
) -> Option<i64> {
    let wanted = if snapshot {
        r#"{"type":"snapshot""#
    } else {
        r#"{"type":"state""#
    };
    loop {
        let frame = tokio::time::timeout(DEADLINE, frames.next())
            .await
            .expect("console frame in time")
            .expect("console socket open")
            .expect("console frame");
        if let Message::Text(text) = frame
            && text.starts_with(wanted)
        {
            return topic_of(&text);
        }
    }
}

/// The number after the first `"key":` in a frame, read without parsing the
/// whole frame (the generator must not be the bottleneck).
fn number_after(text: &str, key: &str) -> Option<i64> {
    let at = text.find(key)? + key.len();
    let digits: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    digits.parse().ok()
}

fn seq_of(text: &str) -> Option<u64> {
    number_after(text, r#""seq":"#).map(|n| n as u64)
}

/// The id of the topic on screen in a `state` or `snapshot` frame.
fn topic_of(text: &str) -> Option<i64> {
    number_after(text, r#""topic":{"id":"#)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// User plus system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: count fields after its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Starts the Node baseline on its own core, sending frames of `frame_bytes`.
fn start_baseline(o: &Options, baseline: Baseline, frame_bytes: usize) -> Child {
    let frame_bytes = frame_bytes.max(200).to_string();
    let port = o.node_port.to_string();
    let mut command = Command::new("taskset");
    command.args(["-c", &o.server_cpu]);
    match baseline {
        Baseline::Node => {
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/node/broadcast.js");
            command.args(["node", script]);
        }
        Baseline::Actix => {
            // Built beside this example (`cargo build --release --examples`).
            let me = std::env::current_exe().expect("the generator's own path");
            command.arg(me.with_file_name("bare_actix"));
        }
    }
    command
        .args([&port, &frame_bytes])
        .spawn()
        .expect("start the baseline (node with `npm ci` run in bench/node, or the bare_actix example built)")
}

async fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "the node server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
