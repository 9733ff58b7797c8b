//! A scripted gathering, then its report: page, CSV, JSON and the terminal
//! table agree with what happened, with the database and with the projector.

use super::helpers::{Client, TestApp, spawn_app, spawn_app_in};
use intercede::domain::{NewTopic, TopicKind};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::Command;
use tokio_tungstenite::tungstenite::Message;

/// Waits until the console's counts say `here` phones are connected.
async fn here(console: &mut Client, expected: i64) {
    console
        .next_matching(|f| f["type"] == "counts" && f["counts"]["here"] == expected)
        .await;
}

async fn leave(mut phone: Client) {
    phone.send_raw(Message::Close(None)).await;
    let _ = phone.closed().await;
}

async fn tap(phone: &mut Client, op: &str, topic: i64) {
    phone
        .send(json!({"type": "tap", "op": op, "topic": topic}))
        .await;
    phone.next_of("ack").await;
}

async fn command(console: &mut Client, message: Value) {
    console.send(message).await;
    console.next_of("state").await;
}

/// What the projector showed last for each topic.
fn projector_counts(frames: &[Value]) -> HashMap<i64, i64> {
    let mut shown = HashMap::new();
    for frame in frames {
        if frame["type"] == "counts"
            && let Some(topic) = frame["counts"]["topic"].as_i64()
        {
            shown.insert(topic, frame["counts"]["praying"].as_i64().unwrap());
        }
    }
    shown
}

async fn rename_third_topic(app: &TestApp, title: &str) {
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let section = &agenda.sections[0];
    let topic = &section.topics[2];
    let renamed = NewTopic {
        title: title.into(),
        kind: TopicKind::Pray,
        ..topic.to_new_topic()
    };
    assert!(
        app.store
            .update_topic(gathering.id, topic.id, section.id, &renamed)
            .await
            .unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_agrees_with_what_happened_the_database_and_the_projector() {
    // Arrange: a topic whose title would be a formula in a spreadsheet.
    let app = spawn_app().await;
    let formula = "=HYPERLINK(\"http://example.org\",\"x\")";
    rename_third_topic(&app, formula).await;
    let t = app.topic_ids().await;
    let mut console = app.console().await;
    let mut projector = app.projector().await;

    // Act: a scripted gathering.
    let mut a = app.attendee().await;
    let mut b = app.attendee().await;
    let c = app.attendee().await;
    here(&mut console, 3).await;
    command(&mut console, json!({"type": "next"})).await; // topic 1, 3 here
    tap(&mut a, "a1", t[0]).await;
    tap(&mut b, "b1", t[0]).await;
    leave(c).await;
    let mut d = app.attendee().await;
    here(&mut console, 3).await;
    command(&mut console, json!({"type": "next"})).await; // topic 2, 3 here
    tap(&mut a, "a2", t[1]).await;
    tap(&mut d, "d2", t[1]).await;
    for _ in 0..2 {
        tap(&mut b, "b2", t[1]).await; // a retry counts once
    }
    command(&mut console, json!({"type": "blank", "on": true})).await;
    let mut e = app.attendee().await; // 4 here during topic 2
    here(&mut console, 4).await;
    command(&mut console, json!({"type": "blank", "on": false})).await;
    leave(a).await;
    leave(b).await;
    here(&mut console, 2).await;
    command(&mut console, json!({"type": "jump", "topic": t[3]})).await; // topic 4, 2 here
    tap(&mut e, "e4", t[3]).await;
    tap(&mut e, "e1-late", t[0]).await; // a phone catching up on an earlier topic
    here(&mut console, 2).await;
    command(&mut console, json!({"type": "end"})).await;

    // The end reaches the phones with everything to keep praying for.
    let ended = d
        .next_matching(|f| f["type"] == "state" && f["live"]["phase"] == "ended")
        .await;
    let keep = ended["live"]["keep_praying"]["topics"].as_array().unwrap();
    assert_eq!(keep.len(), t.len());
    assert!(keep[0]["body_html"].as_str().unwrap().contains("<p>"));
    let page = app
        .get_text(&app.browser(), &format!("/j/{}", app.code))
        .await;
    assert!(
        page.contains("Keep praying"),
        "the join address shows the keep-praying page"
    );
    // It lists what the room saw (topics 1, 2 and 4), not the skipped topic 3.
    for (i, id) in t.iter().enumerate() {
        assert_eq!(
            page.contains(&format!("data-topic-id=\"{id}\"")),
            matches!(i, 0 | 1 | 3),
            "topic {} on the keep-praying page",
            i + 1
        );
    }
    // Each with how many in the room prayed for it (topic 1: a, b and the late e).
    assert!(
        page.contains("3 phones in the room prayed for this"),
        "{page}"
    );
    assert!(page.contains("1 phone in the room prayed for this"));

    // What the projector showed.
    let mut frames = Vec::new();
    while let Ok(Some(Ok(Message::Text(text)))) = tokio::time::timeout(
        std::time::Duration::from_millis(600),
        futures_util::StreamExt::next(&mut projector.socket),
    )
    .await
    {
        frames.push(serde_json::from_str::<Value>(&text).unwrap());
    }
    let shown = projector_counts(&frames);
    drop((d, e, console, projector));

    // Restart (every figure flushed to disk), then read the report three ways.
    let dir = app.stop().await;
    let app = spawn_app_in(dir, |_| {}).await;
    let gathering = app.gathering().await;
    let (browser, _) = app.facilitator().await;
    let json: Value = browser
        .get(format!("{}/console/{}/report.json", app.address, app.code))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csv = app
        .get_text(&browser, &format!("/console/{}/report.csv", app.code))
        .await;
    let html = app
        .get_text(&browser, &format!("/console/{}/report", app.code))
        .await;
    let text = cli_report(&app, "text");
    let cli_json: Value = serde_json::from_str(&cli_report(&app, "json")).unwrap();
    let cli_csv = cli_report(&app, "csv");

    // Assert: the numbers scripted above...
    let expected_praying = [3, 3, 0, 1]; // topic 1: a, b and e (late); topic 2: a, d, b; topic 4: e
    let expected_peak = [3, 4, 0, 2];
    let topics = json["topics"].as_array().unwrap();
    for i in 0..4 {
        assert_eq!(
            topics[i]["praying"],
            expected_praying[i],
            "praying, topic {}",
            i + 1
        );
        assert_eq!(
            topics[i]["peak_attendees"],
            expected_peak[i],
            "peak, topic {}",
            i + 1
        );
        // ...equal the database...
        assert_eq!(
            app.store.count_taps(gathering.id, t[i]).await.unwrap(),
            expected_praying[i]
        );
    }
    assert!(topics[2]["shown_at"].is_null(), "topic 3 was skipped");
    assert_eq!(json["totals"]["distinct_phones"], 5);
    assert_eq!(json["totals"]["peak_attendance"], 4);
    assert_eq!(json["totals"]["total_taps"], 7);
    // ...and what the projector showed (it showed topics 1, 2 and 4 live; the late tap on 1 came after).
    assert_eq!(shown.get(&t[1]), Some(&3));
    assert_eq!(shown.get(&t[3]), Some(&1));
    assert_eq!(shown.get(&t[0]), Some(&2));
    // Every form agrees.
    assert_eq!(cli_json["topics"], json["topics"]);
    assert_eq!(cli_json["totals"], json["totals"]);
    assert_eq!(cli_csv, csv);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + t.len());
    for (i, row) in rows.iter().skip(1).take(4).enumerate() {
        let praying = format!(",{},{},", expected_praying[i], expected_peak[i]);
        assert!(row.contains(&praying), "csv row {}: {row}", i + 1);
    }
    assert!(
        rows[3].contains("\"'=HYPERLINK("),
        "formula neutralised: {}",
        rows[3]
    );
    assert!(
        !csv.lines()
            .any(|l| l.split(',').any(|cell| cell.starts_with('=')))
    );
    assert!(
        text.contains("Praying taps: 7") && text.contains("Peak attendance: 4"),
        "{text}"
    );
    assert!(html.contains("id=\"total-taps\">7<") && html.contains("id=\"total-phones\">5<"));
    assert!(html.contains("<svg") && html.contains("never records who prayed"));
    // Nothing per person anywhere.
    let devices: Vec<String> = sqlx_devices(&app).await;
    for device in devices {
        for output in [&csv, &text, &html, &json.to_string()] {
            assert!(!output.contains(&device), "a device identity leaked");
        }
    }
}

fn cli_report(app: &TestApp, format: &str) -> String {
    let db = super::helpers::database_arg(&app.database);
    let output = Command::new(env!("CARGO_BIN_EXE_intercede"))
        .args(["--database", &db, "report", &app.code, "--format", format])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The device identities the database holds (to prove none reaches a report).
async fn sqlx_devices(app: &TestApp) -> Vec<String> {
    let gathering = app.gathering().await;
    app.store.device_ids(gathering.id).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_facilitator_sees_reports() {
    let app = spawn_app().await;
    let phone = app.browser();
    // A phone that joined, with its device cookie, is still not the facilitator.
    phone
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    for browser in [app.browser(), phone] {
        let page = browser
            .get(format!("{}/console/{}/report", app.address, app.code))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 303);
        for format in ["csv", "json"] {
            let download = browser
                .get(format!(
                    "{}/console/{}/report.{format}",
                    app.address, app.code
                ))
                .send()
                .await
                .unwrap();
            assert_eq!(download.status(), 401, "{format}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn praise_is_named_on_the_report_page_and_in_both_exports() {
    // Arrange: the second topic is praise.
    let app = spawn_app().await;
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let section = &agenda.sections[0];
    let topic = &section.topics[1];
    let praise = NewTopic {
        kind: TopicKind::Praise,
        ..topic.to_new_topic()
    };
    assert!(
        app.store
            .update_topic(gathering.id, topic.id, section.id, &praise)
            .await
            .unwrap()
    );
    let (browser, _) = app.facilitator().await;

    // Act
    let base = format!("/console/{}/report", app.code);
    let html = app.get_text(&browser, &base).await;
    let csv = app.get_text(&browser, &format!("{base}.csv")).await;
    let json: Value =
        serde_json::from_str(&app.get_text(&browser, &format!("{base}.json")).await).unwrap();

    // Assert: only the praise row says so, in every form.
    let rows: Vec<&str> = html.split("data-topic-number=").skip(1).collect();
    assert!(rows[1].contains(">Praise</span>"), "{}", rows[1]);
    assert!(!rows[0].contains(">Praise</span>"), "{}", rows[0]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains(",topic,kind,"), "{}", lines[0]);
    assert!(lines[1].contains(",pray,"), "{}", lines[1]);
    assert!(lines[2].contains(",praise,"), "{}", lines[2]);
    assert_eq!(json["topics"][0]["kind"], "pray");
    assert_eq!(json["topics"][1]["kind"], "praise");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_times_are_in_the_gatherings_time_zone_with_its_offset() {
    // Arrange: the facilitator's browser offers Chicago; a topic is shown.
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let offered = app
        .post_form(
            &browser,
            &format!("/console/{}/time-zone", app.code),
            &[("csrf", &csrf), ("time_zone", "America/Chicago")],
        )
        .await;
    assert_eq!(offered.status(), 204);
    // A second offer does not replace it: only the editor changes a zone once set.
    app.post_form(
        &browser,
        &format!("/console/{}/time-zone", app.code),
        &[("csrf", &csrf), ("time_zone", "Asia/Tokyo")],
    )
    .await;
    let t = app.topic_ids().await;
    let mut console = app.console().await;
    command(&mut console, json!({"type": "jump", "topic": t[0]})).await;

    // The topic's figures reach the database a moment after it is shown.
    let gathering = app.gathering().await;
    let started = std::time::Instant::now();
    let figures = loop {
        let figures = app.store.gathering_figures(&gathering).await.unwrap();
        if figures.topics[0].first_shown_at.is_some() && figures.started_at.is_some() {
            break figures;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "the topic's figures are stored"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };

    // Act
    let base = format!("/console/{}/report", app.code);
    let csv_bytes = browser
        .get(format!("{}{base}.csv", app.address))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let json: Value =
        serde_json::from_str(&app.get_text(&browser, &format!("{base}.json")).await).unwrap();
    let html = app.get_text(&browser, &base).await;

    // Assert: the CSV opens as UTF-8 in a spreadsheet, and every time carries Chicago's offset.
    assert_eq!(&csv_bytes[..3], b"\xEF\xBB\xBF", "a byte-order mark first");
    let csv = String::from_utf8(csv_bytes.to_vec()).unwrap();
    let shown = figures.topics[0].first_shown_at.unwrap();
    let chicago = intercede::domain::MeetingZone::parse("America/Chicago").unwrap();
    let local = chicago.rfc3339(shown);
    assert!(
        local.ends_with("-06:00") || local.ends_with("-05:00"),
        "{local}"
    );
    assert!(csv.lines().nth(1).unwrap().contains(&local), "{csv}");
    assert!(csv.starts_with("\u{FEFF}number,") && csv.contains(",shown_at,"));
    assert_eq!(json["time_zone"], "America/Chicago");
    assert_eq!(json["topics"][0]["shown_at"], local.as_str());
    for field in ["generated_at", "started_at"] {
        let time = json[field].as_str().unwrap();
        assert!(
            time.len() == 25 && &time[19..20] == "-",
            "{field}: {time} is to the second with an offset"
        );
    }
    assert!(html.contains("Times are in America/Chicago"));
    assert!(html.contains(&chicago.readable(figures.started_at.unwrap())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_changes_the_time_zone_and_refuses_unknown_ones() {
    let app = spawn_app().await;
    let (browser, _) = app.facilitator().await;
    let csrf = app.csrf(&browser).await;
    let gathering = app.gathering().await;
    let settings = |zone: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("title", gathering.title.clone()),
            ("time_zone", zone.to_string()),
        ]
    };
    let path = format!("/console/{}/settings", app.code);
    let send = |fields: Vec<(&'static str, String)>| {
        let browser = browser.clone();
        let url = format!("{}{path}", app.address);
        async move { browser.post(url).form(&fields).send().await.unwrap() }
    };

    let refused = send(settings("Mars/Olympus_Mons")).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("is not a time zone name"), "{html}");
    assert_eq!(
        app.store.gathering_time_zone(gathering.id).await.unwrap(),
        ""
    );

    let saved = send(settings("africa/lagos")).await;
    assert_eq!(saved.status(), 303);
    assert_eq!(
        app.store.gathering_time_zone(gathering.id).await.unwrap(),
        "Africa/Lagos"
    );
    let editor = app
        .get_text(&browser, &format!("/console/{}/edit", app.code))
        .await;
    assert!(editor.contains("value=\"Africa/Lagos\""));
    let json: Value = serde_json::from_str(
        &app.get_text(&browser, &format!("/console/{}/report.json", app.code))
            .await,
    )
    .unwrap();
    assert_eq!(json["time_zone"], "Africa/Lagos");
}
