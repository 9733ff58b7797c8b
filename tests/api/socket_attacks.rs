//! Issue 9, "nothing a facilitator or a stranger does may jam it": each test
//! attacks the real server through real sockets and fails without its fix.

use super::hardening::read_close_code;
use super::helpers::{
    Client, TestApp, device_id, invented_device, spawn_app, spawn_app_in, warnings,
};
use futures_util::SinkExt;
use futures_util::future::join_all;
use intercede::domain::agenda::{NewAgenda, NewSection, NewTopic, TopicKind};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_op_id_is_limited_in_characters_not_bytes() {
    // Arrange
    let app = spawn_app().await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    let mut phone = app.attendee().await;

    // Act: 64 characters of two bytes each, then 65.
    let at_limit = "é".repeat(64);
    phone
        .send(json!({"type": "tap", "op": at_limit, "topic": topics[0]}))
        .await;
    let answer = phone
        .next_matching(|f| f["type"] == "ack" || f["type"] == "error")
        .await;
    phone
        .send(json!({"type": "tap", "op": "é".repeat(65), "topic": topics[0]}))
        .await;
    let over = phone.next_of("error").await;

    // Assert
    assert_eq!(answer["type"], "ack", "{answer}");
    assert_eq!(answer["op"], at_limit.as_str());
    assert_eq!(over["code"], "bad_message");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_device_cookie_is_secure_with_secure_cookies() {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.secure_cookies = true).await;

    let response = app
        .browser()
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();

    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("intercede_device="))
        .expect("a device cookie");
    let flags: Vec<String> = cookie
        .split(';')
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    assert!(flags.contains(&"secure".to_string()), "{cookie}");
    assert!(flags.contains(&"httponly".to_string()), "{cookie}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_sockets_opened_during_a_logout_cannot_control_afterwards() {
    let app = spawn_app().await;
    let url = app.ws_url("console");
    let origin = app.origin();
    let mut survivors = 0;
    for round in 0..6u64 {
        // Arrange: a session, and a burst of console sockets opening with it.
        let (browser, cookie) = app.facilitator().await;
        let csrf = app.csrf(&browser).await;
        let opening =
            join_all((0..30).map(|_| Client::connect(&url, Some(&origin), Some(&cookie))));
        let logout = async {
            tokio::time::sleep(Duration::from_millis(2 * round)).await;
            app.post_form(&browser, "/logout", &[("csrf", &csrf)]).await
        };

        // Act: the logout lands while they open.
        let (sockets, response) = tokio::join!(opening, logout);
        assert_eq!(response.status(), 303);

        // Assert: every socket that opened is closed, and none can blank the projector.
        for mut socket in sockets.into_iter().flatten() {
            let _ = socket
                .socket
                .send(Message::text(r#"{"type":"blank","on":true}"#))
                .await;
            match tokio::time::timeout(Duration::from_secs(2), socket.closed()).await {
                Ok(code) => assert!(matches!(code, Some(4001) | None), "{code:?}"),
                Err(_) => survivors += 1,
            }
        }
    }
    assert_eq!(survivors, 0, "console sockets outlived their logout");
    let projector = app.projector().await;
    assert_eq!(
        projector.snapshot["live"]["blank"], false,
        "nobody blanked it"
    );
}

/// A text frame whose bytes are not UTF-8, as no websocket library would send.
fn invalid_text_frame() -> Message {
    Message::Frame(Frame::message(
        vec![b'{', 0xff, 0xfe, b'}'],
        OpCode::Data(Data::Text),
        true,
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_that_is_not_utf8_is_closed_with_1007() {
    let app = spawn_app().await;
    let mut bystander = app.attendee().await;
    let mut phone = app.attendee().await;

    phone.send_raw(invalid_text_frame()).await;

    assert_eq!(phone.closed().await, Some(1007));
    bystander.send(json!({"type": "ping"})).await;
    bystander.next_of("pong").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pongs_and_fragments_count_against_the_rate_limit() {
    let app = spawn_app().await;
    type MakeFrame = fn() -> Message;
    let floods: [(&str, MakeFrame); 2] = [
        ("pong", || Message::Pong(vec![1u8; 8].into())),
        ("fragment", || {
            Message::Frame(Frame::message(
                b"x".to_vec(),
                OpCode::Data(Data::Continue),
                false,
            ))
        }),
    ];
    for (name, frame) in floods {
        let mut flooder = app.attendee().await;
        for _ in 0..200 {
            if flooder.socket.send(frame()).await.is_err() {
                break;
            }
        }
        assert_eq!(flooder.closed().await, Some(1008), "{name} flood");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_holding_a_key_down_is_throttled_never_closed() {
    // Arrange
    let app = spawn_app().await;
    let mut console = app.console().await;
    let commands = ["next", "previous"];

    // Act: 40 commands in one second, then a held arrow key (30 a second) for 3 s.
    for (i, command) in commands.iter().cycle().take(40).enumerate() {
        console.send(json!({"type": command})).await;
        if i % 10 == 9 {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }
    for (i, command) in commands.iter().cycle().take(90).enumerate() {
        console.send(json!({"type": command})).await;
        if i % 3 == 2 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    // Assert: still open and in control.
    console.send(json!({"type": "ping"})).await;
    console.next_of("pong").await;
    console.send(json!({"type": "blank", "on": true})).await;
    console
        .next_matching(|f| f["type"] == "state" && f["live"]["blank"] == true)
        .await;

    // Far past any key repeat: refused with `rate_limited`, still not closed.
    for _ in 0..600 {
        console.send(json!({"type": "ping"})).await;
    }
    console
        .next_matching(|f| f["type"] == "error" && f["code"] == "rate_limited")
        .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    console.send(json!({"type": "blank", "on": false})).await;
    console
        .next_matching(|f| f["type"] == "state" && f["live"]["blank"] == false)
        .await;
}

/// A gathering whose agenda holds `topics` topics of `body_bytes` each.
async fn large_gathering(app: &TestApp, topics: usize, body_bytes: usize) -> String {
    let paragraph = "Pray for those who keep the lights on. ".repeat(body_bytes / 40);
    let agenda = NewAgenda {
        title: "A long evening".into(),
        scripture: None,
        introduction: String::new(),
        closing: String::new(),
        language: String::new(),
        translations: Vec::new(),
        sections: vec![NewSection {
            title: "Everything".into(),
            description: String::new(),
            topics: (0..topics)
                .map(|n| NewTopic {
                    title: format!("Topic {n}"),
                    scripture: None,
                    body: paragraph.clone(),
                    kind: TopicKind::Pray,
                    planned_minutes: 2,
                    notes: String::new(),
                    sensitive: false,
                    safe_summary: String::new(),
                })
                .collect(),
        }],
    };
    app.store.create_gathering(&agenda).await.unwrap().code
}

/// A websocket whose receive buffer is tiny and which is never read from, so
/// what the server sends it piles up on the server's side.
async fn stalled_socket(app: &TestApp, url: &str) -> WebSocketStream<TcpStream> {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket.connect(app.host.parse().unwrap()).await.unwrap();
    let mut request = url.into_client_request().unwrap();
    request
        .headers_mut()
        .insert("Origin", HeaderValue::from_str(&app.origin()).unwrap());
    let (socket, _) = tokio_tungstenite::client_async(request, stream)
        .await
        .unwrap();
    socket
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn snapshot_requests_never_queue_more_than_one_snapshot_per_socket() {
    // Arrange: an ended gathering, whose phone snapshot carries every topic's
    // text (about 1 MB here), and phones that ask for it and never read.
    const HOARDERS: usize = 8;
    const REQUESTS: usize = 40;
    let app = spawn_app().await;
    let code = large_gathering(&app, 10, 100_000).await;
    let (_, cookie) = app.facilitator().await;
    let url = |role: &str| format!("ws://{}/ws/{role}/{code}", app.host);
    let mut console = Client::connect(&url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .unwrap();
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    console.send(json!({"type": "end"})).await;
    console.next_of("state").await;
    let mut bystander = Client::connect(&url("attend"), Some(&app.origin()), None)
        .await
        .unwrap();
    let snapshot_bytes = bystander.snapshot.to_string().len();
    assert!(
        snapshot_bytes > 900_000,
        "snapshot of {snapshot_bytes} bytes"
    );

    // Act: each asks for 40 snapshots (within its rate limit) and does not read.
    let mut hoarders = Vec::new();
    for _ in 0..HOARDERS {
        let mut hoarder = stalled_socket(&app, &url("attend")).await;
        for _ in 0..REQUESTS {
            hoarder
                .send(Message::text(r#"{"type":"snapshot"}"#))
                .await
                .unwrap();
        }
        hoarders.push(hoarder);
    }
    // Watch what the server holds while it answers them.
    let stats = app.hub.outbox_stats();
    let (mut most_snapshots, mut most_bytes) = (0, 0);
    let watching = Instant::now();
    while watching.elapsed() < Duration::from_secs(4) {
        most_snapshots = most_snapshots.max(stats.queued_snapshots());
        most_bytes = most_bytes.max(stats.queued_bytes());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Assert: never more than one snapshot waiting per socket...
    eprintln!(
        "{HOARDERS} hoarders asking {REQUESTS} times: at most {most_snapshots} snapshots \
         and {} KiB queued",
        most_bytes / 1024,
    );
    assert!(
        most_snapshots <= HOARDERS,
        "{most_snapshots} snapshots queued"
    );
    assert!(
        most_bytes <= HOARDERS * (snapshot_bytes + 64 * 1024),
        "{most_bytes} bytes queued"
    );
    // ...the other phones are not held up...
    let started = Instant::now();
    console.send(json!({"type": "reopen"})).await;
    bystander
        .next_matching(|f| f["type"] == "state" && f["live"]["phase"] == "topic")
        .await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // What they held is returned when they go.
    drop(hoarders);
    let gone = Instant::now();
    while stats.queued_snapshots() > 0 && gone.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(stats.queued_snapshots(), 0, "after {:?}", gone.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_socket_that_really_stalls_holds_up_nobody_and_stays_bounded() {
    // Arrange: topics of 100 KB, so each topic change is a 100 KB frame.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.messages_per_second = 1_000).await;
    let code = large_gathering(&app, 20, 100_000).await;
    let url = |role: &str| format!("ws://{}/ws/{role}/{code}", app.host);
    let (_, cookie) = app.facilitator().await;
    let mut console = Client::connect(&url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .unwrap();
    let topics: Vec<i64> = console.snapshot["agenda"][0]["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    let _stalled = stalled_socket(&app, &url("attend")).await;
    let mut phones = Vec::new();
    for _ in 0..5 {
        phones.push(
            Client::connect(&url("attend"), Some(&app.origin()), None)
                .await
                .unwrap(),
        );
    }
    let stats = app.hub.outbox_stats();
    let mut most_queued = 0;

    // Act: 100 topic changes, megabytes more than the stalled socket's buffers hold.
    for round in 0..100 {
        let topic = topics[round % topics.len()];
        let started = Instant::now();
        console.send(json!({"type": "jump", "topic": topic})).await;
        // Assert: every reading phone gets every change promptly...
        for phone in &mut phones {
            phone
                .next_matching(|f| {
                    (f["type"] == "state" || f["type"] == "snapshot")
                        && f["live"]["topic"]["id"] == topic
                })
                .await;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "round {round} took {:?}",
            started.elapsed()
        );
        most_queued = most_queued.max(stats.queued_bytes());
    }

    // ...and what the server holds for the stalled socket stays bounded.
    eprintln!(
        "100 topic changes of {} KiB: at most {} KiB queued",
        100_000 / 1024,
        most_queued / 1024
    );
    assert!(
        most_queued < 2 * 1024 * 1024,
        "{} bytes queued at most",
        most_queued
    );
}

/// Shows the first topic; returns its id.
async fn first_topic_shown(app: &TestApp) -> i64 {
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console.send(json!({"type": "next"})).await;
    console.next_of("state").await;
    topics[0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invented_device_is_not_counted_as_a_phone() {
    // Arrange
    let app = spawn_app().await;
    let topic = first_topic_shown(&app).await;
    let gathering = app.gathering().await;
    let invented = invented_device();
    let issued = app.new_device().await;
    let forged_tag = format!("{}.{}", device_id(&issued), "0".repeat(32));

    for forged in [invented.clone(), forged_tag] {
        // Act: a phone arrives with an identity this server never issued.
        let mut phone = app.attendee_as(&forged).await;
        phone
            .send(json!({"type": "tap", "op": "t", "topic": topic}))
            .await;
        phone.next_of("ack").await;

        // Assert: it was given a real identity, and only that one was counted.
        let given = phone.issued_device.clone().expect("a new identity issued");
        assert_ne!(device_id(&given), device_id(&forged));
        assert!(
            app.store
                .has_tap(gathering.id, topic, &device_id(&given))
                .await
                .unwrap()
        );
    }
    assert!(
        !app.store
            .has_tap(gathering.id, topic, &device_id(&invented))
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .has_tap(gathering.id, topic, &device_id(&issued))
            .await
            .unwrap(),
        "a forged tag does not borrow the real phone's identity"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upper_cased_cookie_is_the_same_phone() {
    let app = spawn_app().await;
    let topic = first_topic_shown(&app).await;
    let gathering = app.gathering().await;
    let device = app.new_device().await;
    let mut phone = app.attendee_as(&device).await;
    phone
        .send(json!({"type": "tap", "op": "a", "topic": topic}))
        .await;
    phone.next_of("ack").await;

    let mut shouting = app.attendee_as(&device.to_ascii_uppercase()).await;
    shouting
        .send(json!({"type": "tap", "op": "b", "topic": topic}))
        .await;
    shouting.next_of("ack").await;

    assert_eq!(shouting.issued_device, None, "no new identity needed");
    assert_eq!(shouting.snapshot["tapped"], json!([topic]));
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_cookies_cannot_tap_from_an_address_over_the_ceiling() {
    // Arrange: an address that has used up its new phones.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.new_devices_per_ip = 3).await;
    let topic = first_topic_shown(&app).await;
    let gathering = app.gathering().await;
    let mut real = Vec::new();
    for _ in 0..3 {
        real.push(app.new_device().await);
    }
    let refused = app.browser().get(format!("{}/j/{}", app.address, app.code));
    assert_eq!(refused.send().await.unwrap().status(), 429);

    // Act: invented and forged identities, upper case included.
    let mut forged: Vec<String> = (0..20).map(|_| invented_device()).collect();
    forged.push(format!("{}.{}", device_id(&real[0]), "f".repeat(32)));
    forged.push(invented_device().to_ascii_uppercase());
    let mut statuses = Vec::new();
    for cookie in &forged {
        let url = app.ws_url("attend");
        let attempt = Client::connect(
            &url,
            Some(&app.origin()),
            Some(&format!("intercede_device={cookie}")),
        )
        .await;
        match attempt {
            Ok(mut phone) => {
                phone
                    .send(json!({"type": "tap", "op": "x", "topic": topic}))
                    .await;
                phone.next_of("ack").await;
                statuses.push(101);
            }
            Err(refused) => statuses.push(refused.0.unwrap_or(0)),
        }
    }

    // Assert: every one refused, nothing counted; the real phones carry on.
    assert!(statuses.iter().all(|s| *s == 429), "{statuses:?}");
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 0);
    let mut phone = app.attendee_as(&real[1]).await;
    phone
        .send(json!({"type": "tap", "op": "y", "topic": topic}))
        .await;
    assert_eq!(phone.next_of("ack").await["counted"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_join_codes_is_refused_after_thirty_a_minute() {
    // Arrange
    let app = spawn_app().await;
    let mut phone = app.attendee().await;
    let browser = app.browser();
    let unknown: Vec<String> = (0..31)
        .map(|n| format!("ZZZ{:03}", n).replace('0', "A").replace('1', "B"))
        .filter(|code| *code != app.code)
        .collect();

    // Act: 30 unknown codes are answered, the next ones are not.
    let mut statuses = Vec::new();
    for code in &unknown {
        let response = browser
            .get(format!("{}/j/{code}", app.address))
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }

    // Assert
    assert!(statuses[..30].iter().all(|s| *s == 404), "{statuses:?}");
    assert_eq!(statuses[30], 429);
    // The address is refused every lookup for the rest of the minute, known
    // codes included (or the answers would still tell codes apart)...
    let page = browser
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.text().await.unwrap().contains("try again in a minute"));
    let join_box = browser
        .get(format!("{}/join?code={}", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(join_box.status(), 429);
    for role in ["attend", "projector"] {
        let refused = Client::connect(&app.ws_url(role), Some(&app.origin()), None)
            .await
            .err();
        assert_eq!(refused.map(|r| r.0), Some(Some(429)), "{role} socket");
    }
    // ...while sockets already open carry on.
    phone.send(json!({"type": "ping"})).await;
    phone.next_of("pong").await;
}

/// A websocket upgraded by hand on a socket with a tiny receive buffer, so a
/// test can write without reading and read whenever it likes.
async fn raw_stalled_socket(app: &TestApp) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stream = socket.connect(app.host.parse().unwrap()).await.unwrap();
    let request = format!(
        "GET /ws/attend/{} HTTP/1.1\r\nHost: {}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {}\r\n\r\n",
        app.code,
        app.host,
        app.origin(),
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).await.unwrap();
        head.push(byte[0]);
    }
    assert!(head.starts_with(b"HTTP/1.1 101"), "upgraded");
    stream
}

/// A masked client text frame.
fn masked_text_frame(payload: &[u8]) -> Vec<u8> {
    let mask = [1u8, 2, 3, 4];
    let mut frame = vec![0x81, 0x80 | 127];
    frame.extend_from_slice(&(payload.len() as u64).to_be_bytes());
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    frame
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_socket_leaving_its_replies_unread_is_closed_with_1013() {
    // Arrange: a phone that does not read, asking questions with long answers
    // (an unknown type is quoted back in the error). A generous rate limit
    // lets it ask for more than the network buffers between the two hold.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.messages_per_second = 1_000).await;
    let mut bystander = app.attendee().await;
    let (mut reader, mut writer) = raw_stalled_socket(&app).await.into_split();
    let question = masked_text_frame(format!(r#"{{"type":"{}"}}"#, "x".repeat(60_000)).as_bytes());

    // Act: 200 errors of 60 KB each, far over the 256 KiB a socket may leave unread.
    let asking = tokio::spawn(async move {
        for _ in 0..200 {
            if writer.write_all(&question).await.is_err() {
                break;
            }
        }
        writer
    });
    tokio::time::sleep(Duration::from_secs(2)).await;
    let queued = app.hub.outbox_stats().queued_bytes();

    // Assert: its queue was dropped, and it is told why once it reads at last.
    assert!(queued < 256 * 1024, "{queued} bytes still queued");
    let code = tokio::time::timeout(Duration::from_secs(10), read_close_code(&mut reader))
        .await
        .expect("a close frame");
    asking.abort();
    assert_eq!(code, Some(1013));
    assert!(
        warnings().contains("too much unread"),
        "the close is logged"
    );
    bystander.send(json!({"type": "ping"})).await;
    bystander.next_of("pong").await;
}
