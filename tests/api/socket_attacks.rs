//! Issue 9, "nothing a facilitator or a stranger does may jam it": each test
//! attacks the real server through real sockets and fails without its fix.

use crate::helpers::{spawn_app, spawn_app_in};
use serde_json::json;
use std::sync::Arc;

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
