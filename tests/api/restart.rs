//! A restarted server resumes every live gathering where it was.

use super::helpers::{spawn_app, spawn_app_in};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_resumes_the_topic_blank_state_and_counts() {
    // Arrange: topic 2, two phones counted, projector blanked.
    let app = spawn_app().await;
    let code = app.code.clone();
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[1]}))
        .await;
    console.next_of("state").await;
    let device = app.new_device().await;
    for phone_device in [device.clone(), app.new_device().await] {
        let mut phone = app.attendee_as(&phone_device).await;
        phone
            .send(json!({"type": "tap", "op": "t1", "topic": topics[1]}))
            .await;
        phone.next_of("ack").await;
    }
    console.send(json!({"type": "blank", "on": true})).await;
    console.next_of("state").await;
    let mut watching = app.attendee().await;

    // Act: stop the server (pages are told to go away) and start a new one on the file.
    let dir = app.stop().await;
    assert_eq!(watching.closed().await, Some(1001));
    let app = spawn_app_in(dir, |_| {}).await;

    // Assert
    assert_eq!(app.code, code);
    let phone = app.attendee_as(&device).await;
    assert_eq!(phone.snapshot["live"]["phase"], "topic");
    assert_eq!(phone.snapshot["live"]["topic"]["id"], topics[1]);
    assert_eq!(phone.snapshot["live"]["blank"], true);
    assert_eq!(phone.snapshot["counts"]["praying"], 2);
    assert_eq!(phone.snapshot["tapped"], json!([topics[1]]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_room_closes_and_opens_again_from_the_store() {
    // Arrange: a room that closes after a second with nobody connected.
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| s.room_idle_secs = 1).await;
    let topics = app.topic_ids().await;
    let mut console = app.console().await;
    console
        .send(json!({"type": "jump", "topic": topics[1]}))
        .await;
    console.next_of("state").await;
    let mut phone = app.attendee().await;
    phone
        .send(json!({"type": "tap", "op": "t", "topic": topics[1]}))
        .await;
    phone.next_of("ack").await;
    drop((console, phone));

    // Act: change the topic behind the room's back, and let the room go idle.
    let gathering = app.gathering().await;
    let agenda = app.store.load_agenda(&gathering).await.unwrap();
    let section = &agenda.sections[0];
    let topic = section.topics.iter().find(|t| t.id == topics[1]).unwrap();
    let renamed = intercede::domain::NewTopic {
        title: "Renamed while nobody watched".into(),
        ..topic.to_new_topic()
    };
    assert!(
        app.store
            .update_topic(gathering.id, topic.id, section.id, &renamed)
            .await
            .unwrap()
    );
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;

    // Assert: a new phone gets a room opened afresh from the store, where it was.
    let phone = app.attendee().await;
    assert_eq!(phone.snapshot["live"]["topic"]["id"], topics[1]);
    assert_eq!(
        phone.snapshot["live"]["topic"]["title"],
        "Renamed while nobody watched"
    );
    assert_eq!(phone.snapshot["counts"]["praying"], 1);
    let page = app
        .browser()
        .get(format!("{}/j/{}", app.address, app.code))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
}
