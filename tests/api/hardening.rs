//! Hostile input and lost connections: who may do what, what no input may do,
//! and that nothing acknowledged is lost.

use super::helpers::{Client, OWNER, TestApp, invented_device, spawn_app, spawn_app_in, warnings};
use futures_util::SinkExt;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;

/// A websocket upgrade done by hand, so a test can send frames no library would.
async fn raw_socket(app: &TestApp, role: &str) -> TcpStream {
    let mut stream = TcpStream::connect(&app.host).await.unwrap();
    let request = format!(
        "GET /ws/{role}/{} HTTP/1.1\r\nHost: {}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {}\r\n\
         Cookie: intercede_device={}\r\n\r\n",
        app.code,
        app.host,
        app.origin(),
        invented_device()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).await.unwrap();
        head.push(byte[0]);
    }
    assert!(
        String::from_utf8_lossy(&head).starts_with("HTTP/1.1 101"),
        "upgraded"
    );
    stream
}

/// A client frame header (masked, as clients must) declaring `length` bytes.
fn text_frame_header(length: u64) -> Vec<u8> {
    let mut header = vec![0x81, 0x80 | 127];
    header.extend_from_slice(&length.to_be_bytes());
    header.extend_from_slice(&[1, 2, 3, 4]);
    header
}

/// Reads server frames until a close frame; returns its code.
pub async fn read_close_code(reader: &mut tokio::net::tcp::OwnedReadHalf) -> Option<u16> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        // Parse what we have.
        let mut at = 0;
        while buffer.len() >= at + 2 {
            let opcode = buffer[at] & 0x0f;
            let mut length = (buffer[at + 1] & 0x7f) as usize;
            let mut start = at + 2;
            if length == 126 {
                if buffer.len() < at + 4 {
                    break;
                }
                length = u16::from_be_bytes([buffer[at + 2], buffer[at + 3]]) as usize;
                start = at + 4;
            } else if length == 127 {
                if buffer.len() < at + 10 {
                    break;
                }
                length = u64::from_be_bytes(buffer[at + 2..at + 10].try_into().unwrap()) as usize;
                start = at + 10;
            }
            if buffer.len() < start + length {
                break;
            }
            if opcode == 0x8 {
                return (length >= 2)
                    .then(|| u16::from_be_bytes([buffer[start], buffer[start + 1]]));
            }
            at = start + length;
        }
        match reader.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_declaring_a_gigabyte_is_cut_off_long_before_2_mib() {
    // Arrange
    let app = spawn_app().await;
    let mut bystander = app.attendee().await;
    let mut console = app.console().await;
    let stream = raw_socket(&app, "attend").await;
    let (mut reader, mut writer) = stream.into_split();
    let sent = Arc::new(AtomicUsize::new(0));

    // Act: declare 1 GiB, then trickle bytes in.
    let trickle = {
        let sent = sent.clone();
        tokio::spawn(async move {
            writer.write_all(&text_frame_header(1 << 30)).await.unwrap();
            let chunk = vec![b'x'; 16 * 1024];
            while sent.load(Ordering::SeqCst) < 4 * 1024 * 1024 {
                if writer.write_all(&chunk).await.is_err() {
                    break;
                }
                sent.fetch_add(chunk.len(), Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    };
    let code = tokio::time::timeout(Duration::from_secs(10), read_close_code(&mut reader))
        .await
        .expect("the server closes the socket");
    let sent_at_close = sent.load(Ordering::SeqCst);
    trickle.abort();

    // Assert
    assert_eq!(code, Some(1009));
    assert!(
        sent_at_close < 2 * 1024 * 1024,
        "closed after {sent_at_close} bytes"
    );
    console.send(json!({"type": "next"})).await;
    assert_eq!(
        bystander.next_of("state").await["live"]["phase"],
        "topic",
        "others unaffected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complete_one_mib_frame_is_refused_with_1009_at_once() {
    let app = spawn_app().await;
    let mut bystander = app.attendee().await;
    let mut console = app.console().await;
    let stream = raw_socket(&app, "attend").await;
    let (mut reader, mut writer) = stream.into_split();

    let started = Instant::now();
    let mut frame = text_frame_header(1024 * 1024);
    frame.extend(std::iter::repeat_n(b'x', 1024 * 1024));
    let send = tokio::spawn(async move {
        let _ = writer.write_all(&frame).await;
        writer
    });
    let code = tokio::time::timeout(Duration::from_secs(5), read_close_code(&mut reader))
        .await
        .unwrap();

    assert_eq!(code, Some(1009));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "closed in {:?}",
        started.elapsed()
    );
    send.abort();
    console.send(json!({"type": "next"})).await;
    assert_eq!(bystander.next_of("state").await["live"]["phase"], "topic");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_flood_closes_that_socket_with_1008() {
    let app = spawn_app().await;
    let mut bystander = app.attendee().await;
    let mut flooder = app.attendee().await;
    let mut console = app.console().await;

    for _ in 0..200 {
        if flooder
            .socket
            .send(Message::text(r#"{"type":"ping"}"#))
            .await
            .is_err()
        {
            break;
        }
    }

    assert_eq!(flooder.closed().await, Some(1008));
    assert!(warnings().contains("message flood"), "the flood is logged");
    console.send(json!({"type": "next"})).await;
    assert_eq!(bystander.next_of("state").await["live"]["phase"], "topic");
    // A normal pace is fine.
    for _ in 0..5 {
        bystander.send(json!({"type": "ping"})).await;
        bystander.next_of("pong").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_commands_are_logged_without_their_contents() {
    let app = spawn_app().await;
    let mut phone = app.attendee().await;
    phone.send(json!({"type": "jump", "topic": 424242})).await;
    assert_eq!(phone.next_of("error").await["code"], "forbidden");
    let logged = warnings();
    assert!(
        logged.contains("refused a facilitator command from a non-facilitator socket"),
        "{logged}"
    );
    assert!(
        !logged.contains("424242"),
        "message contents stay out of the log"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_sockets_are_closed_after_the_timeout() {
    // Short settings: ping every second, close after two silent seconds.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| {
        s.ping_interval_secs = 1;
        s.client_timeout_secs = 2;
    })
    .await;
    let silent = raw_socket(&app, "attend").await;
    let mut lively = app.attendee().await;

    // The silent one never reads, so it never answers a ping; the lively one keeps talking.
    for _ in 0..8 {
        lively.send(json!({"type": "ping"})).await;
        lively.next_of("pong").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    let (mut reader, _writer) = silent.into_split();
    let code = tokio::time::timeout(Duration::from_secs(5), read_close_code(&mut reader))
        .await
        .unwrap();
    assert_eq!(
        code,
        Some(1001),
        "closed as going away, so a real phone reconnects"
    );
    lively.send(json!({"type": "ping"})).await;
    lively.next_of("pong").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_that_stops_reading_does_not_hold_up_the_others() {
    // The facilitator here clicks far faster than a person could.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.messages_per_second = 10_000).await;
    let topics = app.topic_ids().await;
    let _stalled = raw_socket(&app, "attend").await; // upgraded, never read from
    let mut phones = Vec::new();
    for _ in 0..5 {
        phones.push(app.attendee().await);
    }
    let mut console = app.console().await;

    // Many topic changes (far more than the backlog a socket may hold).
    for round in 0..200 {
        let topic = topics[round % topics.len()];
        console.send(json!({"type": "jump", "topic": topic})).await;
        console.next_of("state").await;
    }

    let last = topics[199 % topics.len()];
    for phone in &mut phones {
        phone
            .next_matching(|f| {
                (f["type"] == "state" || f["type"] == "snapshot")
                    && f["live"]["topic"]["id"] == last
            })
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_closes_that_sessions_sockets() {
    let app = spawn_app().await;
    let (browser, cookie) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let mut console = Client::connect(&app.ws_url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .unwrap();
    let mut other = app.console().await; // another session stays

    let logout = app.post_form(&browser, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!(logout.status(), 303);

    let closed = tokio::time::timeout(Duration::from_secs(1), console.closed()).await;
    assert_eq!(closed.expect("closed within a second"), Some(4001));
    other.send(json!({"type": "ping"})).await;
    other.next_of("pong").await;
    // The old cookie no longer opens a console.
    let refused = Client::connect(&app.ws_url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .err();
    assert_eq!(refused.map(|r| r.0), Some(Some(401)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_phones_per_address_have_a_ceiling() {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.new_devices_per_ip = 3).await;
    let url = format!("{}/j/{}", app.address, app.code);
    let mut known = None;
    for _ in 0..3 {
        let browser = app.browser();
        assert_eq!(browser.get(&url).send().await.unwrap().status(), 200);
        known = Some(browser);
    }
    let response = app.browser().get(&url).send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert!(response.text().await.unwrap().contains("wait a minute"));
    // A phone that already has its identity carries on.
    assert_eq!(known.unwrap().get(&url).send().await.unwrap().status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_wrong_passwords_are_slowed_then_refused() {
    let app = spawn_app().await;
    let browser = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let response = app
            .post_form(
                &browser,
                "/login",
                &[("name", OWNER), ("password", "guess")],
            )
            .await;
        statuses.push(response.status().as_u16());
    }
    assert!(statuses[..10].iter().all(|s| *s == 401), "{statuses:?}");
    assert_eq!(statuses[10], 429);
    // Even the right password waits out the minute.
    let response = app
        .post_form(
            &browser,
            "/login",
            &[("name", OWNER), ("password", super::helpers::PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_the_security_headers_and_bodies_have_limits() {
    let app = spawn_app().await;
    let browser = app.browser();
    for path in [
        "/".to_string(),
        format!("/j/{}", app.code),
        format!("/p/{}", app.code),
        "/login".into(),
    ] {
        let response = browser
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
    }
    let html = app.get_text(&browser, &format!("/j/{}", app.code)).await;
    assert!(
        !html.contains("<script>") && !html.contains("onclick="),
        "no inline scripts"
    );
    // An oversized form gets a clear 413.
    let big = "x".repeat(200 * 1024);
    let response = app
        .post_form(&browser, "/login", &[("name", OWNER), ("password", &big)])
        .await;
    assert_eq!(response.status(), 413);
    assert!(response.text().await.unwrap().contains("larger than"));
}
