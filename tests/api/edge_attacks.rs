//! Attacks at the edge of the server: bodies that never come, connections
//! that pile up, password guesses in parallel, where a login may send the
//! browser, what a report's CSV may make a spreadsheet run, and where the logs
//! go.

use super::helpers::{OWNER, PASSWORD, TestApp, spawn_app, spawn_app_in};
use futures_util::future::join_all;
use intercede::domain::{NewTopic, TopicKind};
use std::io::{BufRead, BufReader, Read};
use std::net::{IpAddr, SocketAddr};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// Another address of this machine: all of 127.0.0.0/8 is loopback, so a test
/// can be several peers at once.
fn peer(last: u8) -> IpAddr {
    IpAddr::from([127, 0, 0, last])
}

/// A connection to the app from `from`.
async fn connect_from(app: &TestApp, from: IpAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(from, 0))?;
    socket.connect(app.host.parse().unwrap()).await
}

/// Sends a request head that promises `length` body bytes, then nothing.
async fn promise_a_body(
    stream: &mut TcpStream,
    app: &TestApp,
    path: &str,
    extra: &str,
    length: usize,
) -> std::io::Result<()> {
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\n{extra}Content-Length: {length}\r\n\r\n",
        app.host
    );
    stream.write_all(head.as_bytes()).await
}

/// What became of a connection within `wait`.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// An HTTP status line, then the connection closed.
    Answered(u16),
    /// Closed (or reset) without an answer.
    Closed,
    /// Still open, nothing said.
    Waiting,
}

async fn outcome(stream: &mut TcpStream, wait: Duration) -> Outcome {
    let mut got = Vec::new();
    let mut chunk = [0u8; 4096];
    let read_all = async {
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&chunk[..n]),
            }
        }
    };
    let finished = tokio::time::timeout(wait, read_all).await.is_ok();
    let text = String::from_utf8_lossy(&got);
    match text.get(9..12).and_then(|code| code.parse().ok()) {
        Some(status) if text.starts_with("HTTP/1.1 ") => Outcome::Answered(status),
        _ if finished => Outcome::Closed,
        _ => Outcome::Waiting,
    }
}

/// Times one `GET /healthz` from 127.0.0.1; panics unless it answers 200.
async fn healthz(app: &TestApp) -> Duration {
    let started = Instant::now();
    let response = tokio::time::timeout(
        Duration::from_secs(10),
        reqwest::get(format!("{}/healthz", app.address)),
    )
    .await
    .expect("/healthz answers")
    .unwrap();
    assert_eq!(response.status(), 200);
    started.elapsed()
}

/// Renames the demo gathering's topics in order, straight in the store.
async fn rename_topics(app: &TestApp, titles: &[&str]) {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let topics = agenda
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(move |t| (s.id, t)));
    for ((section, topic), title) in topics.zip(titles) {
        let renamed = NewTopic {
            title: (*title).into(),
            kind: TopicKind::Pray,
            ..topic.to_new_topic()
        };
        assert!(
            app.store
                .update_topic(gathering.id, topic.id, section, &renamed)
                .await
                .unwrap()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_time_out_and_one_address_cannot_hold_every_connection() {
    // Arrange: bodies may pause 2 s; 100 connections per address.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| {
        s.body_timeout_secs = 2;
        s.connections_per_address = 100;
    })
    .await;
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";

    // Act: one address opens 150 logins that promise 60,000 bytes and send none.
    let started = Instant::now();
    let mut slow = Vec::new();
    for _ in 0..150 {
        // A refused connection may be reset before it is even written to.
        let Ok(mut stream) = connect_from(&app, peer(2)).await else {
            slow.push(None);
            continue;
        };
        let _ = promise_a_body(&mut stream, &app, "/login", form, 60_000).await;
        slow.push(Some(stream));
    }
    let opened = started.elapsed();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Assert: the health check, the facilitator's login and a new phone
    // still get answers.
    let health = healthz(&app).await;
    let login_started = Instant::now();
    app.facilitator().await;
    let login = login_started.elapsed();
    let phone = app
        .browser()
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(phone.status(), 200);
    // Connections past the address's ceiling were refused at once ...
    let mut open: Vec<TcpStream> = slow.into_iter().flatten().collect();
    let mut refused = 150 - open.len();
    let first_look = join_all(
        open.iter_mut()
            .map(|stream| outcome(stream, Duration::from_millis(200))),
    )
    .await;
    let mut waiting = Vec::new();
    for (stream, first) in open.into_iter().zip(first_look) {
        match first {
            Outcome::Closed => refused += 1,
            Outcome::Waiting => waiting.push(stream),
            other => panic!("no answer is due yet: {other:?}"),
        }
    }
    let refused_within = started.elapsed();
    // ... and the others get a 408 once their bodies are 2 s late.
    let outcomes = join_all(
        waiting
            .iter_mut()
            .map(|stream| outcome(stream, Duration::from_secs(8))),
    )
    .await;
    let timed_out_within = started.elapsed();
    eprintln!(
        "150 slow bodies opened in {opened:?}; /healthz {health:?}, login {login:?}; \
         {refused} refused within {refused_within:?}; {} answered within {timed_out_within:?}",
        outcomes.len()
    );
    assert_eq!(refused, 50, "past 100 from one address, refused");
    assert_eq!(outcomes.len(), 100);
    assert!(
        outcomes.iter().all(|o| *o == Outcome::Answered(408)),
        "{outcomes:?}"
    );
    assert!(
        timed_out_within < Duration::from_secs(8),
        "{timed_out_within:?}"
    );
    assert!(health < Duration::from_secs(2), "/healthz took {health:?}");
    assert!(login < Duration::from_secs(3), "login took {login:?}");
    // Their places came back: the address may connect again.
    let mut again = connect_from(&app, peer(2)).await.unwrap();
    again
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(
        outcome(&mut again, Duration::from_secs(5)).await,
        Outcome::Answered(200)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_descriptors_run_short_health_and_login_still_answer() {
    // Arrange: plan with 400 descriptors, 200 of them in reserve, so past 200
    // open connections only the essential paths are served.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| {
        s.max_open_files = 400;
        s.reserved_descriptors = 200;
        s.connections_per_address = 100;
        s.body_timeout_secs = 20;
    })
    .await;
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    let mut held = Vec::new();
    for from in [peer(2), peer(3)] {
        for _ in 0..100 {
            let mut stream = connect_from(&app, from).await.unwrap();
            promise_a_body(&mut stream, &app, "/login", form, 60_000)
                .await
                .unwrap();
            held.push(stream);
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Act and Assert: a page that is not essential is refused at once ...
    let browser = app.browser();
    let started = Instant::now();
    let page = browser
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    let refused_in = started.elapsed();
    assert_eq!(page.status(), 503);
    assert!(page.text().await.unwrap().contains("too many connections"));
    // ... while /healthz and the facilitator's login answer.
    let health = healthz(&app).await;
    let login_started = Instant::now();
    let login = app
        .post_form(
            &app.browser(),
            "/login",
            &[("name", OWNER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status(), 303);
    let login = login_started.elapsed();
    eprintln!("200 held: a page refused in {refused_in:?}; /healthz {health:?}; login {login:?}");
    assert!(refused_in < Duration::from_secs(2), "{refused_in:?}");
    assert!(health < Duration::from_secs(2), "{health:?}");
    // Every held connection is still waiting: nothing was dropped to make room.
    for stream in &mut held[..5] {
        assert_eq!(
            outcome(stream, Duration::from_millis(10)).await,
            Outcome::Waiting
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_multipart_upload_gets_a_quick_clear_error() {
    // Arrange
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.body_timeout_secs = 2).await;
    let (browser, cookie) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let body_start = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guide.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nPray for the city\r\n"
    );
    let mut stream = connect_from(&app, peer(1)).await.unwrap();
    let extra = format!(
        "Cookie: {cookie}\r\nOrigin: {}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n",
        app.origin()
    );

    // Act: the upload promises 10,000 bytes and stops after a few hundred.
    let started = Instant::now();
    promise_a_body(&mut stream, &app, "/console/import/preview", &extra, 10_000)
        .await
        .unwrap();
    stream.write_all(body_start.as_bytes()).await.unwrap();
    let answer = outcome(&mut stream, Duration::from_secs(10)).await;

    // Assert
    let took = started.elapsed();
    eprintln!("truncated upload answered {answer:?} in {took:?}");
    assert_eq!(answer, Outcome::Answered(408));
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_are_counted_before_they_are_checked() {
    // Arrange
    let app = spawn_app().await;
    let browser = app.browser();

    // Act: 200 wrong guesses at once from one address, and the health check
    // asked every 100 ms meanwhile.
    let started = Instant::now();
    let guesses = join_all((0..200).map(|i| {
        let browser = browser.clone();
        let url = format!("{}/login", app.address);
        async move {
            let sent = Instant::now();
            let response = browser
                .post(url)
                .form(&[("name", OWNER), ("password", &format!("guess {i}"))])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), sent.elapsed())
        }
    }));
    let health = async {
        let mut slowest = Duration::ZERO;
        while started.elapsed() < Duration::from_secs(3) {
            slowest = slowest.max(healthz(&app).await);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        slowest
    };
    let (guesses, slowest_health) = tokio::join!(guesses, health);

    // Assert
    let checked = guesses.iter().filter(|(status, _)| *status == 401).count();
    let refused: Vec<Duration> = guesses
        .iter()
        .filter(|(status, _)| *status == 429)
        .map(|(_, took)| *took)
        .collect();
    let slowest_refusal = refused.iter().max().copied().unwrap_or_default();
    eprintln!(
        "200 parallel guesses: {checked} checked, {} refused (slowest refusal {slowest_refusal:?}); \
         slowest /healthz during the burst {slowest_health:?}",
        refused.len()
    );
    assert!(checked <= 10, "{checked} guesses were checked");
    assert_eq!(checked + refused.len(), 200, "{guesses:?}");
    assert!(
        slowest_refusal < Duration::from_secs(3),
        "{slowest_refusal:?}"
    );
    // Generous, for a loaded machine: with argon2 on the HTTP workers this
    // burst stalled /healthz for 4 to 9 s.
    assert!(
        slowest_health < Duration::from_secs(3),
        "/healthz took {slowest_health:?} during the burst"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_browser_logs_in_while_its_address_is_locked() {
    // Arrange: the facilitator's browser has logged in before.
    let app = spawn_app().await;
    let (facilitator, _) = app.facilitator().await;
    // Someone at the same address guesses until the address is locked.
    let guesser = app.browser();
    let statuses = join_all((0..12).map(|_| {
        app.post_form(
            &guesser,
            "/login",
            &[("name", OWNER), ("password", "guess")],
        )
    }))
    .await;
    assert!(statuses.iter().any(|r| r.status() == 429));
    let stranger = app
        .post_form(
            &app.browser(),
            "/login",
            &[("name", OWNER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(stranger.status(), 429, "the address is locked");

    // Act
    let known = app
        .post_form(
            &facilitator,
            "/login",
            &[("name", OWNER), ("password", PASSWORD)],
        )
        .await;

    // Assert
    assert_eq!(known.status(), 303, "the known browser is not locked out");
    // It is still limited on its own: ten wrong guesses lock it too.
    let guesses = join_all((0..12).map(|_| {
        app.post_form(
            &facilitator,
            "/login",
            &[("name", OWNER), ("password", "guess")],
        )
    }))
    .await;
    let checked = guesses.iter().filter(|r| r.status() == 401).count();
    assert!(checked <= 10, "{checked}");
    let locked = app
        .post_form(
            &facilitator,
            "/login",
            &[("name", OWNER), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(locked.status(), 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_login_never_redirects_off_the_server() {
    // Arrange
    let app = spawn_app().await;
    let hostile = [
        "//evil.example",
        "/\\evil.example",
        "/%09/evil.example",
        "/\t/evil.example",
        "https://evil.example",
        "/%2F%2Fevil.example",
        "javascript:alert(1)",
        "/ /evil.example",
    ];

    for next in hostile {
        // Act
        let response = app
            .post_form(
                &app.browser(),
                "/login",
                &[("name", OWNER), ("password", PASSWORD), ("next", next)],
            )
            .await;

        // Assert
        assert_eq!(response.status(), 303, "{next:?}");
        assert_eq!(response.headers()["location"], "/console", "{next:?}");
    }
    // A real console page is still a fine place to return to.
    let next = format!("/console/{}", app.code);
    let response = app
        .post_form(
            &app.browser(),
            "/login",
            &[("name", OWNER), ("password", PASSWORD), ("next", &next)],
        )
        .await;
    assert_eq!(response.headers()["location"], next.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_csv_runs_no_formula_in_any_locale() {
    // Arrange: titles that spreadsheets would run as formulas.
    let app = spawn_app().await;
    rename_topics(
        &app,
        &[
            "x;=1+1",
            "\u{FF1D}1+1",
            "\u{202E}=1+1",
            "+1",
            "@SUM(A1)",
            "\tx",
        ],
    )
    .await;
    let (browser, _) = app.facilitator().await;

    // Act
    let csv = app
        .get_text(&browser, &format!("/console/{}/report.csv", app.code))
        .await;

    // Assert
    let rows: Vec<&str> = csv.lines().collect();
    let topic = |row: &str| row.split(',').nth(2).unwrap_or_default().to_string();
    assert!(rows[1].contains("\"x;'=1+1\""), "{}", rows[1]);
    assert!(!csv.contains(";="), "{csv}");
    assert_eq!(topic(rows[2]), "'\u{FF1D}1+1");
    assert_eq!(topic(rows[3]), "'\u{202E}=1+1");
    assert_eq!(topic(rows[4]), "'+1");
    assert_eq!(topic(rows[5]), "'@SUM(A1)");
    assert_eq!(topic(rows[6]), "'\tx");
}

#[test]
fn logs_go_to_standard_error_and_standard_output_holds_the_banner() {
    // Arrange: the real binary on a free port and a fresh database.
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_intercede"))
        .args([
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--admin-password",
            "x",
        ])
        .arg("--database")
        .arg(dir.path().join("intercede.db"))
        .env("INTERCEDE_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut banner = Vec::new();
    let mut line = String::new();
    while !line.contains("Projector") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "{banner:?}");
        banner.push(line.clone());
    }
    let console = banner
        .iter()
        .find(|l| l.contains("Facilitator console"))
        .unwrap();
    let port: u16 = console
        .split("localhost:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .parse()
        .unwrap();

    // Act: a request, which is logged.
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    std::io::Write::write_all(
        &mut socket,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut answer = String::new();
    socket.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    std::thread::sleep(Duration::from_millis(300));
    server.kill().unwrap();
    server.wait().unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut errors = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();

    // Assert
    assert!(
        errors.contains("/healthz"),
        "the request is logged: {errors}"
    );
    let out = banner.concat() + &rest;
    assert!(
        out.lines().all(|l| l.is_empty() || l.starts_with("  ")),
        "only the banner on standard output: {out}"
    );
    assert!(!out.contains("INFO") && !out.contains("/healthz"), "{out}");
}
