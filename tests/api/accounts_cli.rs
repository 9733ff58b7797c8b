//! Managing accounts from the terminal, as the owner would: the real binary
//! on the test's database (either engine), checked through a running server
//! or the store.

use super::cluster::Process;
use super::helpers::{
    Client, FRAME_WAIT, OWNER, PASSWORD, TestApp, database_arg, open_test_store, spawn_app,
    test_database,
};
use futures_util::StreamExt;
use intercede::store::{Access, Account, DatabaseLocation, Store, now_ms};
use intercede::web::auth::{ensure_owner, hash_password, random_token, token_hash};
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

/// The password the test accounts sign in with.
const THEIR_PASSWORD: &str = "their own password";

/// `intercede --database … ARGS` in English, as an operator types it, with
/// none of the server's settings taken from the environment.
async fn intercede(database: &DatabaseLocation, args: &[&str]) -> Output {
    let database = database_arg(database);
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_intercede"))
            .args(["--lang", "en", "--database", &database])
            .args(&args)
            .env_remove("INTERCEDE_PUBLIC_URL")
            .env_remove("INTERCEDE_PORT")
            .env_remove("INTERCEDE_ADMIN_PASSWORD")
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(output),
        stderr(output)
    );
}

/// The link a command printed: its address and its token.
fn printed_link(output: &Output) -> (String, String) {
    let text = stdout(output);
    let link = text
        .split_whitespace()
        .find(|word| word.contains("/invite/"))
        .unwrap_or_else(|| panic!("a link in:\n{text}"))
        .to_string();
    let token = link.rsplit('/').next().unwrap().to_string();
    (link, token)
}

/// A facilitator account made as its invitation would make it.
async fn make_account(store: &Store, name: &str) -> Account {
    let token = random_token();
    store
        .insert_invitation(&token_hash(&token), None, None, now_ms() + 60_000)
        .await
        .unwrap();
    store
        .accept_invitation(
            &token_hash(&token),
            name,
            &hash_password(THEIR_PASSWORD).unwrap(),
        )
        .await
        .unwrap()
        .0
}

/// Signs in on `app`: the session cookie, or the refusal's status.
async fn sign_in(app: &TestApp, name: &str, password: &str) -> Result<String, u16> {
    app.sign_in_with(name, password)
        .await
        .map(|(_, cookie)| cookie)
}

/// A database with its owner, as after a first start with `PASSWORD`.
async fn database_with_owner(dir: &std::path::Path) -> (DatabaseLocation, Store) {
    let database = test_database(dir).await;
    let store = open_test_store(dir).await;
    ensure_owner(&store, Some(PASSWORD)).await.unwrap();
    (database, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_start_without_a_password_prints_one_that_signs_in_as_admin() {
    // Arrange: the real server, with no password given.
    let dir = tempfile::tempdir().unwrap();
    let database = test_database(dir.path()).await;
    let mut server = Process(
        Command::new(env!("CARGO_BIN_EXE_intercede"))
            .args(["--bind", "127.0.0.1", "--port", "0", "--database"])
            .arg(database_arg(&database))
            .env_remove("INTERCEDE_ADMIN_PASSWORD")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut banner = BufReader::new(server.0.stdout.take().unwrap());

    // Act: read the banner up to the password.
    let (mut port, mut name, mut password) = (None, None, None);
    let mut line = String::new();
    while password.is_none() {
        line.clear();
        assert!(banner.read_line(&mut line).unwrap() > 0, "a whole banner");
        if let Some(rest) = line.split("http://localhost:").nth(1) {
            port = rest.split('/').next().map(str::to_string);
        }
        if let Some(rest) = line.trim().strip_prefix("Sign in as") {
            name = Some(rest.trim().to_string());
        }
        if let Some(rest) = line.trim().strip_prefix("Password") {
            password = Some(rest.trim().to_string());
        }
    }
    let address = format!("http://127.0.0.1:{}", port.expect("the console's address"));
    let password = password.unwrap();
    let login = |name: String, password: String| {
        let address = address.clone();
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .post(format!("{address}/login"))
                .form(&[("name", name), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };

    // Assert: the owner's name and that password sign in; another does not.
    assert_eq!(name.as_deref(), Some(OWNER));
    assert!(password.len() >= 12, "a real password: {password:?}");
    assert_eq!(login(OWNER.into(), password.clone()).await, 303);
    assert_eq!(login(OWNER.into(), format!("{password}x")).await, 401);
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_prints_a_one_time_link_for_a_new_account() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;

    // Act: on this machine, then with the public address.
    let local = intercede(&database, &["accounts", "invite"]).await;
    let public = intercede(
        &database,
        &[
            "--public-url",
            "https://prayer.example.org/",
            "accounts",
            "invite",
        ],
    )
    .await;

    // Assert: links to the right place whose tokens are valid invitations for
    // a new account, a QR code, and a word on where the address comes from.
    assert_success(&local);
    assert_success(&public);
    let (link, token) = printed_link(&local);
    assert!(link.starts_with("http://localhost:8080/invite/"), "{link}");
    assert!(stdout(&local).contains("works only on this computer"));
    assert!(
        stdout(&local).contains('▀'),
        "a QR code:\n{}",
        stdout(&local)
    );
    let invitation = store.invitation(&token_hash(&token)).await.unwrap();
    let invitation = invitation.expect("the printed token is an invitation");
    assert_eq!(invitation.account, None, "for a new account");
    assert!(invitation.expires_at > now_ms() + 24 * 3600 * 1000);
    let (link, token) = printed_link(&public);
    assert!(
        link.starts_with("https://prayer.example.org/invite/"),
        "{link}"
    );
    assert!(stdout(&public).contains("--public-url address"));
    assert!(
        store
            .invitation(&token_hash(&token))
            .await
            .unwrap()
            .is_some()
    );
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_shows_every_account_its_role_state_and_gatherings() {
    // Arrange: the owner, a facilitator with a gathering, a disabled one.
    let app = spawn_app().await;
    let ana = make_account(&app.store, "Ana").await;
    let ben = make_account(&app.store, "ben").await;
    app.store.disable_account(ben.id).await.unwrap().unwrap();
    let gathering = app.gathering().await;
    app.store
        .set_gathering_owner(gathering.id, Some(ana.id))
        .await
        .unwrap();

    // Act
    let output = intercede(&app.database, &["accounts", "list"]).await;

    // Assert: one line each, the owner first.
    assert_success(&output);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let words = |line: &str| {
        line.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(lines[0])[..5],
        ["admin", "owner", "enabled", "0", "gatherings"],
        "{text}"
    );
    assert_eq!(
        words(lines[1])[..5],
        ["Ana", "facilitator", "enabled", "1", "gathering"],
        "{text}"
    );
    assert_eq!(
        words(lines[2])[..3],
        ["ben", "facilitator", "disabled"],
        "{text}"
    );
    assert!(lines.iter().all(|line| line.contains("created ")), "{text}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_refuses_the_sign_in_and_closes_the_open_console_on_a_running_server() {
    // Arrange: Ana leads her gathering from a console; the owner has one open too.
    let app = spawn_app().await;
    let ana = make_account(&app.store, "ana").await;
    let gathering = app.gathering().await;
    app.store
        .set_gathering_owner(gathering.id, Some(ana.id))
        .await
        .unwrap();
    let cookie = sign_in(&app, "ana", THEIR_PASSWORD).await.unwrap();
    let mut console = Client::connect(&app.ws_url("console"), Some(&app.origin()), Some(&cookie))
        .await
        .expect("Ana's console connects");
    let mut owners = app.console().await;

    // Act: from another process, as the owner would.
    let output = intercede(&app.database, &["accounts", "disable", "ana"]).await;

    // Assert: said, her console closes within the sweep period, she cannot
    // sign in again, and the owner's console stays open.
    assert_success(&output);
    assert!(
        stdout(&output).contains("ana is disabled"),
        "{}",
        stdout(&output)
    );
    assert!(FRAME_WAIT > intercede::live::hub::SESSION_SWEEP_EVERY);
    assert_eq!(console.closed().await, Some(4002), "closed as disabled");
    assert_eq!(sign_in(&app, "ana", THEIR_PASSWORD).await, Err(401));
    let owners_next = tokio::time::timeout(Duration::from_millis(500), owners.socket.next()).await;
    match owners_next {
        Err(_) => {}
        Ok(Some(Ok(Message::Close(frame)))) => panic!("the owner's console closed: {frame:?}"),
        Ok(other) => assert!(
            matches!(other, Some(Ok(_))),
            "the owner's console is open: {other:?}"
        ),
    }
    assert!(sign_in(&app, OWNER, PASSWORD).await.is_ok());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enabling_lets_a_disabled_account_sign_in_again() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;
    let ana = make_account(&store, "ana").await;
    store.disable_account(ana.id).await.unwrap().unwrap();
    assert!(store.credentials("ana").await.unwrap().is_none());

    // Act
    let output = intercede(&database, &["accounts", "enable", "ANA"]).await;

    // Assert
    assert_success(&output);
    assert!(
        stdout(&output).contains("ana is enabled"),
        "{}",
        stdout(&output)
    );
    assert!(store.credentials("ana").await.unwrap().is_some());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_prints_a_new_password_link_for_that_account_the_owners_too() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;
    let ana = make_account(&store, "ana").await;
    let ben = make_account(&store, "ben").await;
    store.disable_account(ben.id).await.unwrap().unwrap();

    // Act
    let for_ana = intercede(&database, &["accounts", "reset", "Ana"]).await;
    let for_owner = intercede(&database, &["accounts", "reset", OWNER]).await;
    let for_ben = intercede(&database, &["accounts", "reset", "ben"]).await;

    // Assert: each link sets that account's password; a disabled account's
    // is refused, saying how to enable it.
    for (output, account) in [(&for_ana, &ana.name), (&for_owner, &OWNER.to_string())] {
        assert_success(output);
        let (_, token) = printed_link(output);
        let invitation = store.invitation(&token_hash(&token)).await.unwrap();
        let invited = invitation.expect("a valid link").account;
        assert_eq!(invited.map(|a| a.name).as_ref(), Some(account));
    }
    assert_eq!(for_ben.status.code(), Some(1));
    assert!(
        stderr(&for_ben).contains("accounts enable ben"),
        "{}",
        stderr(&for_ben)
    );
    assert!(!stdout(&for_ben).contains("/invite/"));
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_cannot_be_disabled() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;

    // Act
    let output = intercede(&database, &["accounts", "disable", OWNER]).await;

    // Assert: refused, and the owner still signs in.
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("owner's account: it cannot be disabled"),
        "{}",
        stderr(&output)
    );
    assert!(store.credentials(OWNER).await.unwrap().is_some());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_name_is_refused_by_every_command() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;
    let guide = dir.path().join("guide.txt");
    std::fs::write(&guide, "Friday prayer\n\nFor the city\n\nFor the sick\n").unwrap();
    let guide = guide.display().to_string();
    let gatherings = store.count_gatherings().await.unwrap();

    // Act and assert: exit code 1 and the name said, nothing made.
    for command in ["reset", "disable", "enable"] {
        let output = intercede(&database, &["accounts", command, "nobody"]).await;
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert!(
            stderr(&output).contains("No account is named \"nobody\""),
            "{command}: {}",
            stderr(&output)
        );
    }
    let output = intercede(&database, &["import", &guide, "--account", "nobody"]).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("No account is named \"nobody\""));
    assert_eq!(store.count_gatherings().await.unwrap(), gatherings);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_for_an_account_is_that_accounts_gathering() {
    // Arrange
    let dir = tempfile::tempdir().unwrap();
    let (database, store) = database_with_owner(dir.path()).await;
    let ana = make_account(&store, "ana").await;
    let guide = dir.path().join("guide.txt");
    std::fs::write(&guide, "Friday prayer\n\nFor the city\n\nFor the sick\n").unwrap();
    let guide = guide.display().to_string();

    // Act
    let for_ana = intercede(&database, &["import", &guide, "--account", "ana"]).await;
    let for_owner = intercede(&database, &["import", &guide, "--title", "The owner's"]).await;

    // Assert: Ana owns the first; the second is the owner's, not hers.
    assert_success(&for_ana);
    assert_success(&for_owner);
    assert!(
        stdout(&for_ana).contains("It belongs to ana."),
        "{}",
        stdout(&for_ana)
    );
    let code_in = |output: &Output| {
        let text = stdout(output);
        let code = text.split("the code ").nth(1).expect("a code").trim();
        intercede::domain::JoinCode::parse(&code[..6]).unwrap()
    };
    let hers = store
        .find_gathering(&code_in(&for_ana))
        .await
        .unwrap()
        .unwrap();
    let owners = store
        .find_gathering(&code_in(&for_owner))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.access(&ana, hers.id).await.unwrap(), Access::Owner);
    assert_eq!(store.access(&ana, owners.id).await.unwrap(), Access::None);
    let listed = store.account_named("ana").await.unwrap().unwrap();
    assert_eq!(listed.gatherings, 1);
    let owner = store.account_named(OWNER).await.unwrap().unwrap();
    assert_eq!(owner.gatherings, 1);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_sweep_checks_open_consoles_sessions_and_helpers_links() {
    // Arrange: a console's signal, a moderator link's, and one nobody watches.
    let app = spawn_app().await;
    let console = app.hub.session_signal("a1b2", Some(7));
    let moderator = app.hub.session_signal("moderator:c3d4", None);
    drop(app.hub.session_signal("e5f6", None));

    // Act
    let watching = app.hub.watching();

    // Assert: the console's session is checked as a session, the link as a
    // link; and once their sockets are gone, nothing is.
    assert_eq!(watching.sessions, [("a1b2".to_string(), Some(7))]);
    assert_eq!(watching.links, ["c3d4"]);
    drop(console);
    drop(moderator);
    assert_eq!(app.hub.watching(), Default::default());
    app.stop().await;
}
