//! `--trusted-proxy`: behind a proxy, limits per network address count the
//! client address the proxy forwarded, and only a trusted proxy's.

use super::helpers::{TestApp, spawn_app, spawn_app_in};
use std::sync::Arc;

/// Unknown join codes a phone may try per minute from one address.
const UNKNOWN_CODES_PER_MINUTE: usize = 30;

/// GETs the join page of `code` with this `X-Forwarded-For`; the status.
async fn join(app: &TestApp, code: &str, forwarded: &str) -> u16 {
    app.browser()
        .get(format!("{}/j/{code}", app.address))
        .header("X-Forwarded-For", forwarded)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Join codes that are well formed and not the demo gathering's.
fn unknown_codes(app: &TestApp) -> Vec<String> {
    (0..UNKNOWN_CODES_PER_MINUTE + 1)
        .map(|n| format!("ZZZ{n:03}").replace('0', "A").replace('1', "B"))
        .filter(|code| *code != app.code)
        .take(UNKNOWN_CODES_PER_MINUTE)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_count_the_client_a_trusted_proxy_forwarded() {
    // Arrange: the test's own address is the trusted proxy.
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| {
        s.trusted_proxy = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;

    // Act: one client guesses 30 codes; what it wrote itself, left of what
    // the proxy appended, changes nothing.
    for (i, code) in unknown_codes(&app).iter().enumerate() {
        let forwarded = format!("198.51.100.{i}, 203.0.113.7");
        assert_eq!(join(&app, code, &forwarded).await, 404, "{code}");
    }

    // Assert: that client is refused; another behind the same proxy is not.
    assert_eq!(join(&app, &app.code, "203.0.113.7").await, 429);
    assert_eq!(join(&app, &app.code, "203.0.113.8").await, 200);
    assert_eq!(join(&app, "ZZZZZZ", "203.0.113.8").await, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_trusted_proxy_x_forwarded_for_is_ignored() {
    // Arrange
    let app = spawn_app().await;

    // Act: 30 unknown codes, each claiming another client address.
    for (i, code) in unknown_codes(&app).iter().enumerate() {
        assert_eq!(join(&app, code, &format!("203.0.113.{i}")).await, 404);
    }

    // Assert: the connection's own address is what was counted.
    assert_eq!(join(&app, &app.code, "203.0.113.200").await, 429);
}
