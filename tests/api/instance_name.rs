//! Every response names the instance that answered (`X-Intercede-Instance`),
//! so that behind a round-robin proxy one can tell which instance did.

use super::cluster::Process;
use super::helpers::{Client, OWNER, PASSWORD, database_arg, spawn_app_in, test_database};
use intercede::config::InstanceName;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// The header naming the instance that answered.
pub const INSTANCE_HEADER: &str = "x-intercede-instance";

/// The instance that answered a response, from its header.
pub fn instance_of(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get(INSTANCE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_response_names_the_instance() {
    // Arrange
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_app_in(dir, |s| {
        s.instance_name = Some(InstanceName::parse("hall-a").unwrap());
    })
    .await;
    let browser = app.browser();
    let named = Some("hall-a".to_string());
    let too_large = "x".repeat(100 * 1024);

    // Act and assert: pages, errors, refusals and the health check.
    let cases = [
        (browser.get(format!("{}/", app.address)), 200),
        (browser.get(format!("{}/j/{}", app.address, app.code)), 200),
        (browser.get(format!("{}/healthz", app.address)), 200),
        (browser.get(format!("{}/no/such/page", app.address)), 404),
        (browser.get(format!("{}/console", app.address)), 303),
        (
            browser
                .post(format!("{}/login", app.address))
                .form(&[("name", OWNER), ("password", too_large.as_str())]),
            413,
        ),
        (
            browser
                .get(format!("{}/ws/console/{}", app.address, app.code))
                .header("Origin", "http://evil.example"),
            403,
        ),
    ];
    for (request, status) in cases {
        let response = request.send().await.unwrap();
        let url = response.url().clone();
        assert_eq!(response.status(), status, "{url}");
        assert_eq!(instance_of(&response), named, "{url}");
    }
    // A websocket upgrade (101) is named as well.
    let phone = Client::connect(&app.ws_url("attend"), Some(&app.origin()), None)
        .await
        .unwrap();
    assert_eq!(phone.instance, named);
    assert_eq!(app.console().await.instance, named);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn by_default_an_instance_is_named_after_its_host_and_process_and_logs_it() {
    // Arrange: the real binary with no --instance-name.
    let dir = tempfile::tempdir().unwrap();
    let database = test_database(dir.path()).await;
    let log = dir.path().join("server.log");
    let mut server = Process(
        Command::new(env!("CARGO_BIN_EXE_intercede"))
            .args(["--bind", "127.0.0.1", "--port", "0"])
            .args(["--admin-password", PASSWORD, "--database"])
            .arg(database_arg(&database))
            .env_remove("INTERCEDE_INSTANCE_NAME")
            .env("INTERCEDE_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap(),
    );
    let mut stdout = BufReader::new(server.0.stdout.take().unwrap());
    let mut line = String::new();
    let port: u16 = loop {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "a banner");
        if let Some(rest) = line.split("http://localhost:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };

    // Act
    let response = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .unwrap();
    let pid = server.0.id();
    drop(server);

    // Assert: HOST-PID, a valid name, and the start-up log says it.
    let name = response.headers()[INSTANCE_HEADER]
        .to_str()
        .unwrap()
        .to_string();
    let host = name
        .strip_suffix(&format!("-{pid}"))
        .unwrap_or_else(|| panic!("{name} ends with the process id {pid}"));
    assert!(!host.is_empty() && host.len() <= 32, "{name}");
    assert!(InstanceName::parse(&name).is_ok(), "{name}");
    std::thread::sleep(Duration::from_millis(100));
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains(&format!("instance {name} listening")),
        "{logged}"
    );
}
