//! What the facilitator's deletions and a failing disk do to the writer: a job
//! that can never commit is dropped without holding up any other gathering,
//! a full disk is survived, `/healthz` tells the truth, and shutdown finishes.

use super::helpers::{
    Client, TestApp, db_path, on_postgres, open_test_store, spawn_app, spawn_app_in, sqlite_only,
};
use super::small_disk::SmallDisk;
use intercede::domain::demo::demo_agenda;
use intercede::store::DatabaseLocation;
use intercede::store::TopicStat;
use intercede::store::writer::{Outcome, WriteOp, Writer};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A second gathering on the same server, and a console and a phone in it.
async fn second_gathering(app: &TestApp) -> (String, Client, Client) {
    let other = app.store.create_gathering(&demo_agenda()).await.unwrap();
    let (_, cookie) = app.facilitator().await;
    let url = |role: &str| format!("ws://{}/ws/{role}/{}", app.host, other.code);
    let console = Client::connect(&url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .unwrap();
    let phone = phone_in(app, &other.code).await;
    (other.code, console, phone)
}

/// A new phone: the server issues its identity with the upgrade.
async fn phone_in(app: &TestApp, code: &str) -> Client {
    Client::connect(
        &format!("ws://{}/ws/attend/{code}", app.host),
        Some(&app.origin()),
        None,
    )
    .await
    .unwrap()
}

/// Shows the next topic and returns its id.
async fn next_topic(console: &mut Client) -> i64 {
    console.send(json!({"type": "next"})).await;
    let state = console.next_of("state").await;
    state["live"]["topic"]["id"].as_i64().unwrap()
}

/// Taps and waits for the answer to that tap (an ack or an error naming it).
async fn tap(phone: &mut Client, topic: i64, op: &str) -> Value {
    phone
        .send(json!({"type": "tap", "topic": topic, "op": op}))
        .await;
    phone
        .next_matching(|m| m["op"] == op && (m["type"] == "ack" || m["type"] == "error"))
        .await
}

/// The body of `/healthz` and whether it said 200.
async fn health(app: &TestApp) -> (u16, String) {
    let response = reqwest::get(format!("{}/healthz", app.address))
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Proves the writer still serves every gathering: a tap in another gathering
/// is acknowledged and on disk.
async fn taps_still_acknowledged(app: &TestApp, console: &mut Client, phone: &mut Client) {
    let topic = next_topic(console).await;
    phone.next_of("state").await;
    let answer = tokio::time::timeout(Duration::from_secs(5), tap(phone, topic, "still-works"))
        .await
        .expect("a tap in another gathering is answered within 5 s");
    assert_eq!(answer["type"], "ack", "{answer}");
    let (status, body) = health(app).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
}

/// Stops the server and proves it stops within a few seconds, even with
/// writes that cannot be committed.
async fn stops_promptly(app: TestApp) {
    tokio::time::timeout(Duration::from_secs(8), app.stop())
        .await
        .expect("shutdown finishes within 8 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_gathering_that_has_shown_a_topic_jams_nothing() {
    let app = spawn_app().await;
    let (_, mut other_console, mut other_phone) = second_gathering(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let mut console = app.console().await;
    let mut phone = app.attendee().await;
    let first = next_topic(&mut console).await;
    assert_eq!(tap(&mut phone, first, "before").await["type"], "ack");
    next_topic(&mut console).await;

    let path = format!("/console/{}/delete", app.code);
    let deleted = app
        .post_form(&browser, &path, &[("csrf", &csrf), ("confirm", &app.code)])
        .await;
    assert_eq!(deleted.status(), 303);

    taps_still_acknowledged(&app, &mut other_console, &mut other_phone).await;
    stops_promptly(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_shown_topic_jams_nothing_when_its_room_closes() {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.room_idle_secs = 1).await;
    let (other_code, mut other_console, mut other_phone) = second_gathering(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let mut console = app.console().await;
    let shown = next_topic(&mut console).await;
    next_topic(&mut console).await;

    let path = format!("/console/{}/topics/{shown}/delete", app.code);
    let deleted = app.post_form(&browser, &path, &[("csrf", &csrf)]).await;
    assert_eq!(deleted.status(), 303);
    // Everyone leaves the first gathering: its room closes and saves its figures.
    drop(console);
    tokio::time::sleep(Duration::from_millis(2500)).await;

    taps_still_acknowledged(&app, &mut other_console, &mut other_phone).await;
    assert!(!other_code.is_empty());
    stops_promptly(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_topic_on_screen_while_phones_tap_answers_every_tap() {
    let app = spawn_app().await;
    let (_, mut other_console, mut other_phone) = second_gathering(&app).await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let mut console = app.console().await;
    let topic = next_topic(&mut console).await;
    let mut phones = Vec::new();
    for _ in 0..20 {
        phones.push(app.attendee().await);
    }

    // Every phone taps while the topic is being deleted.
    let taps = phones.into_iter().enumerate().map(|(i, mut phone)| {
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(i as u64)).await;
            tokio::time::timeout(Duration::from_secs(5), tap(&mut phone, topic, "t"))
                .await
                .expect("every tap is answered")
        })
    });
    let taps: Vec<_> = taps.collect();
    let path = format!("/console/{}/topics/{topic}/delete", app.code);
    let deleted = app.post_form(&browser, &path, &[("csrf", &csrf)]).await;
    assert_eq!(deleted.status(), 303);
    for answer in taps {
        let answer = answer.await.unwrap();
        assert!(
            answer["type"] == "ack" || answer["code"] == "unknown_topic",
            "{answer}"
        );
    }

    taps_still_acknowledged(&app, &mut other_console, &mut other_phone).await;
    stops_promptly(app).await;
}

/// The writer itself: a batch with one job that can never commit still
/// commits the others, and reports the bad one as dropped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_job_that_can_never_commit_does_not_hold_up_its_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_test_store(dir.path()).await;
    let gathering = store.create_gathering(&demo_agenda()).await.unwrap();
    let agenda = store.load_agenda(&gathering).await.unwrap();
    let topic = agenda.sections[0].topics[0].id;
    let (writer, _task) = Writer::start(store.clone());

    let (tx, mut outcomes) = tokio::sync::mpsc::unbounded_channel();
    let jobs = [
        (gathering.id, topic, "good-1"),
        (gathering.id, 999_999, "no-such-topic"),
        (gathering.id, topic, "good-2"),
        (987_654, topic, "no-such-gathering"),
    ];
    for (gathering_id, topic_id, device) in jobs {
        let tx = tx.clone();
        let op = WriteOp::Tap {
            gathering_id,
            topic_id,
            device_id: Arc::from(device),
            op_id: "op".into(),
            at: 1,
        };
        let done = Box::new(move |outcome| {
            let _ = tx.send((device, outcome));
        });
        writer.submit(op, Some(done)).unwrap();
    }
    // A figure for a topic that is gone, as a room closing after a deletion sends.
    let stat = TopicStat {
        topic_id: 999_999,
        ..Default::default()
    };
    writer
        .submit(
            WriteOp::TopicStat {
                gathering_id: gathering.id,
                stat,
            },
            None,
        )
        .unwrap();
    tokio::time::timeout(Duration::from_secs(5), writer.flush())
        .await
        .expect("the writer finishes the batch");

    let mut seen = Vec::new();
    while let Ok(outcome) = outcomes.try_recv() {
        seen.push(outcome);
    }
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("good-1", Outcome::Committed),
            ("good-2", Outcome::Committed),
            ("no-such-gathering", Outcome::Dropped),
            ("no-such-topic", Outcome::Dropped),
        ]
    );
    assert_eq!(store.count_taps(gathering.id, topic).await.unwrap(), 2);
    assert_eq!(writer.health(), intercede::store::writer::WriterHealth::Ok);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_survived_with_no_false_acks() {
    if sqlite_only("a full disk under the SQLite file") {
        return;
    }
    let Some(disk) = SmallDisk::mount(4) else {
        return;
    };
    let app = spawn_app_in(disk.dir.clone(), |_| {}).await;
    let mut console = app.console().await;
    let topic = next_topic(&mut console).await;
    let mut before = app.attendee().await;
    assert_eq!(tap(&mut before, topic, "before").await["type"], "ack");

    let filler = disk.fill();
    let mut during = app.attendee().await;
    during
        .send(json!({"type": "tap", "topic": topic, "op": "during"}))
        .await;
    // No ack while nothing can be written...
    let early = tokio::time::timeout(
        Duration::from_secs(2),
        during.next_matching(|m| m["op"] == "during"),
    )
    .await;
    assert!(
        early.is_err(),
        "no answer while the disk is full: {early:?}"
    );
    let (status, body) = health(&app).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("full"), "{body}");

    // ...and everything goes through once there is room again.
    std::fs::remove_file(filler).unwrap();
    let acked = tokio::time::timeout(
        Duration::from_secs(10),
        during.next_matching(|m| m["op"] == "during"),
    )
    .await
    .expect("the queued tap is acknowledged once space returns");
    assert_eq!(acked["type"], "ack", "{acked}");
    for round in 0..5 {
        let mut phone = app.attendee().await;
        let answer = tap(&mut phone, topic, &format!("after-{round}")).await;
        assert_eq!(answer["type"], "ack", "{answer}");
    }
    let (status, body) = health(&app).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 7);
    stops_promptly(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_database_file_is_noticed_and_nothing_more_is_acknowledged() {
    if sqlite_only("a removed database file") {
        return;
    }
    let app = spawn_app().await;
    let mut console = app.console().await;
    let topic = next_topic(&mut console).await;
    let mut phone = app.attendee().await;
    assert_eq!(tap(&mut phone, topic, "before").await["type"], "ack");
    assert_eq!(health(&app).await.0, 200);

    std::fs::remove_file(db_path(app.dir.path())).unwrap();

    let (status, body) = health(&app).await;
    assert_eq!(status, 503);
    assert!(body.contains("removed or replaced"), "{body}");
    let mut late = app.attendee().await;
    late.send(json!({"type": "tap", "topic": topic, "op": "late"}))
        .await;
    let answer = tokio::time::timeout(
        Duration::from_secs(2),
        late.next_matching(|m| m["op"] == "late" && m["type"] == "ack"),
    )
    .await;
    assert!(answer.is_err(), "no ack into a deleted file");
    stops_promptly(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replaced_database_file_is_noticed() {
    if sqlite_only("a replaced database file") {
        return;
    }
    let app = spawn_app().await;
    let path = db_path(app.dir.path());
    let copy = path.with_extension("copy");
    std::fs::copy(&path, &copy).unwrap();
    std::fs::rename(&copy, &path).unwrap();

    let (status, body) = health(&app).await;
    assert_eq!(status, 503);
    assert!(body.contains("removed or replaced"), "{body}");
    stops_promptly(app).await;
}

/// As the server runs when its user may not write the file (here: the
/// unprivileged `nobody` and a file marked read-only).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_database_refuses_to_start_with_a_clear_message() {
    use std::os::unix::fs::PermissionsExt;
    if sqlite_only("a read-only database file") {
        return;
    }
    let dir = Arc::new(tempfile::tempdir().unwrap());
    spawn_app_in(dir.clone(), |_| {}).await.stop().await;
    let path = db_path(dir.path());
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();

    let Some(mut server) = SmallDisk::run_as_nobody(
        std::process::Command::new(env!("CARGO_BIN_EXE_intercede"))
            .args([
                "--port",
                "0",
                "--bind",
                "127.0.0.1",
                "--no-demo",
                "--database",
            ])
            .arg(&path)
            // A second start keeps the stored password: nothing asks for a write.
            .env_remove("INTERCEDE_ADMIN_PASSWORD"),
    ) else {
        return;
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = server.kill();
            panic!("the server started on a read-only database");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let output = server.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "refuses to start\n{stdout}\n{stderr}"
    );
    assert!(!stdout.contains("is running"), "{stdout}");
    assert!(stderr.contains("cannot be written"), "{stderr}");
}

/// A PostgreSQL database that only reads (a standby, or one set read-only)
/// stops the server at start with a clear message, as a read-only file does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_postgres_database_refuses_to_start_with_a_clear_message() {
    if !on_postgres() {
        eprintln!("PostgreSQL only: a read-only database server");
        return;
    }
    let app = spawn_app().await;
    let database = app.database.clone();
    let dir = app.stop().await;
    let DatabaseLocation::Postgres(url) = &database else {
        unreachable!("spawned on PostgreSQL");
    };
    let name = url.split('?').next().unwrap().rsplit('/').next().unwrap();
    let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(url)
        .await
        .unwrap();
    // The name was made by the test harness, never from outside.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} SET default_transaction_read_only = on"
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    drop(admin);
    drop(dir);

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_intercede"))
        .args([
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--no-demo",
            "--database",
            url,
        ])
        .env_remove("INTERCEDE_ADMIN_PASSWORD")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "refuses to start\n{stdout}\n{stderr}"
    );
    assert!(!stdout.contains("is running"), "{stdout}");
    assert!(stderr.contains("cannot be written"), "{stderr}");
}

/// PostgreSQL out of reach mid-gathering: `/healthz` says 503, a tap made
/// meanwhile is not acknowledged, and when the database is back the writer
/// commits it by itself (then acknowledges it) and `/healthz` says 200 again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_postgres_answers_503_and_acknowledges_nothing_until_it_returns() {
    if !on_postgres() {
        eprintln!("PostgreSQL only: a database server out of reach");
        return;
    }
    let app = spawn_app().await;
    let DatabaseLocation::Postgres(database) = app.database.clone() else {
        unreachable!("spawned on PostgreSQL");
    };
    let mut console = app.console().await;
    let topic = next_topic(&mut console).await;
    let mut early = app.attendee().await;
    let mut late = app.attendee().await;
    assert_eq!(tap(&mut early, topic, "before").await["type"], "ack");
    assert_eq!(health(&app).await.0, 200);

    super::postgres::cut_off(&database, true).await;

    let (status, body) = health(&app).await;
    assert_eq!(status, 503, "{body}");
    late.send(json!({"type": "tap", "topic": topic, "op": "during"}))
        .await;
    let answer = tokio::time::timeout(
        Duration::from_secs(3),
        late.next_matching(|m| m["op"] == "during" && m["type"] == "ack"),
    )
    .await;
    assert!(answer.is_err(), "no ack while the database is out of reach");

    super::postgres::cut_off(&database, false).await;

    let ack = late
        .next_matching(|m| m["op"] == "during" && (m["type"] == "ack" || m["type"] == "error"))
        .await;
    assert_eq!(ack["type"], "ack", "{ack}");
    let gathering = app.gathering().await;
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 2);
    let deadline = Instant::now() + Duration::from_secs(10);
    while health(&app).await.0 != 200 {
        assert!(Instant::now() < deadline, "/healthz says 200 again");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    stops_promptly(app).await;
}

/// On PostgreSQL a deletion that cascades into the live state can deadlock
/// with a writer's batch touching the same rows, and PostgreSQL aborts one of
/// them. Here the deadlock is made on purpose: a transaction holds the live
/// state row, the deletion waits for it, and the transaction then inserts a
/// tap on the topic being deleted. The deletion still succeeds (it is retried).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deletion_that_deadlocks_with_a_write_is_retried() {
    use sqlx::Connection;
    if !on_postgres() {
        eprintln!("PostgreSQL only: SQLite has one writer at a time");
        return;
    }
    let app = spawn_app().await;
    let DatabaseLocation::Postgres(database) = app.database.clone() else {
        unreachable!("spawned on PostgreSQL");
    };
    let gathering = app.gathering().await;
    let mut console = app.console().await;
    let topic = next_topic(&mut console).await;
    let mut other = sqlx::PgConnection::connect(&database).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let current: Option<Option<i64>> =
            sqlx::query_scalar("SELECT current_topic_id FROM live_state WHERE gathering_id = $1")
                .bind(gathering.id)
                .fetch_optional(&mut other)
                .await
                .unwrap();
        if current == Some(Some(topic)) {
            break;
        }
        assert!(Instant::now() < deadline, "the live state is saved");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    sqlx::query("BEGIN").execute(&mut other).await.unwrap();
    sqlx::query("UPDATE live_state SET blank = blank WHERE gathering_id = $1")
        .bind(gathering.id)
        .execute(&mut other)
        .await
        .unwrap();
    let store = app.store.clone();
    let deletion = tokio::spawn(async move { store.delete_topic(gathering.id, topic).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let tap = sqlx::query(
        "INSERT INTO taps (gathering_id, topic_id, device_id, op_id, created_at)
         VALUES ($1, $2, 'deadlock-device', 'deadlock-op', 0)",
    )
    .bind(gathering.id)
    .bind(topic)
    .execute(&mut other)
    .await;
    let _ = sqlx::query(if tap.is_ok() { "COMMIT" } else { "ROLLBACK" })
        .execute(&mut other)
        .await;

    let deleted = tokio::time::timeout(Duration::from_secs(10), deletion)
        .await
        .expect("the deletion finishes")
        .unwrap();
    assert!(matches!(deleted, Ok(true)), "{deleted:?}");
    assert_eq!(app.store.count_taps(gathering.id, topic).await.unwrap(), 0);
    stops_promptly(app).await;
}
