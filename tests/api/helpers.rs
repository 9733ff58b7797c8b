//! Spawns the real server on port 0 with a fresh database, and speaks to it
//! as each role would: a browser-like HTTP client and real websocket clients.
//!
//! The same tests run on both engines: this binary (`api`) on a fresh SQLite
//! file per test, and `api_postgres` on a fresh PostgreSQL database per test,
//! created on the server that `INTERCEDE_TEST_POSTGRES` names (see
//! [`postgres`](super::postgres)). A test's database belongs to its temporary
//! directory, so a test that restarts the server on the same directory finds
//! its data again on either engine.

use futures_util::{SinkExt, StreamExt};
use intercede::config::Settings;
use intercede::startup::{Application, StopHandle};
use intercede::store::{DatabaseLocation, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;
use tempfile::TempDir;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const PASSWORD: &str = "a test password";
/// The owner's account name, made at first start.
pub const OWNER: &str = "admin";
/// How long a test waits for a frame before calling it missing.
pub const FRAME_WAIT: Duration = Duration::from_secs(10);

static TRACING: Once = Once::new();
/// Warnings the server logged in this test process (when `TEST_LOG` is unset).
static WARNINGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Captured;

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        WARNINGS.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What the server logged at warning level so far.
pub fn warnings() -> String {
    String::from_utf8_lossy(&WARNINGS.lock().unwrap()).into_owned()
}

/// Logs go to the terminal with `TEST_LOG` set; otherwise warnings are kept for
/// tests that check what is logged.
fn init_tracing() {
    TRACING.call_once(|| {
        // A thousand sockets need more descriptors than a shell's usual 1,024.
        let _ = rlimit::increase_nofile_limit(20_000);
        if std::env::var_os("TEST_LOG").is_some() {
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("debug,sqlx=warn"))
                .with_test_writer()
                .init();
        } else {
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
                .with_ansi(false)
                .with_writer(|| Captured)
                .init();
        }
    });
}

pub struct TestApp {
    pub address: String,
    pub host: String,
    pub dir: Arc<TempDir>,
    /// The demo gathering's join code.
    pub code: String,
    /// The database the server runs on.
    pub database: DatabaseLocation,
    pub store: Store,
    /// The server's live hub (what its sockets hold).
    pub hub: Arc<intercede::live::Hub>,
    stop: StopHandle,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// A server on a fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_in(Arc::new(tempfile::tempdir().unwrap()), |_| {}).await
}

/// A server on the database in `dir`, with settings adjusted by `tweak`.
pub async fn spawn_app_in(dir: Arc<TempDir>, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    init_tracing();
    let database = test_database(dir.path()).await;
    let mut settings = Settings::for_database(database.clone());
    settings.admin_password = Some(PASSWORD.to_string());
    tweak(&mut settings);
    let app = Application::build(settings).await.expect("server starts");
    let port = app.port();
    let stop = app.stop_handle();
    let hub = app.hub();
    let task = tokio::spawn(app.run_until_stopped());
    let store = Store::open(&database).await.unwrap();
    let code = store.list_gatherings().await.unwrap()[0].code.clone();
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        host: format!("127.0.0.1:{port}"),
        dir,
        code,
        database,
        store,
        hub,
        stop,
        task,
    }
}

/// The SQLite file of the test whose directory is `dir`.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("intercede.db")
}

/// Whether this test binary runs the suite on PostgreSQL.
pub fn on_postgres() -> bool {
    env!("CARGO_CRATE_NAME") == "api_postgres"
}

/// The database of the test whose directory is `dir`, on this binary's
/// engine: the SQLite file in it, or a PostgreSQL database made for it the
/// first time it is asked for (and found again by a server restarted on `dir`).
pub async fn test_database(dir: &Path) -> DatabaseLocation {
    if on_postgres() {
        DatabaseLocation::Postgres(super::postgres::database_for(dir).await)
    } else {
        DatabaseLocation::Sqlite(db_path(dir))
    }
}

/// A store on the database of the test whose directory is `dir`.
pub async fn open_test_store(dir: &Path) -> Store {
    Store::open(&test_database(dir).await).await.unwrap()
}

/// `--database` for the command line, as a user would type it (the URL with
/// its password, if it has one).
pub fn database_arg(database: &DatabaseLocation) -> String {
    match database {
        DatabaseLocation::Sqlite(path) => path.display().to_string(),
        DatabaseLocation::Postgres(url) => url.clone(),
    }
}

/// True (after saying so) when this test needs several instances on one
/// database, which only PostgreSQL offers, and this binary runs on SQLite:
/// the caller returns at once (`api_postgres` runs it).
pub fn postgres_only(what: &str) -> bool {
    if !on_postgres() {
        eprintln!("PostgreSQL only, run by api_postgres: {what}");
        return true;
    }
    false
}

/// True (after saying so) when this test is about the SQLite file itself and
/// this binary runs on PostgreSQL: the caller returns at once.
pub fn sqlite_only(what: &str) -> bool {
    if on_postgres() {
        eprintln!("SQLite only, not run on PostgreSQL: {what}");
        return true;
    }
    false
}

impl TestApp {
    /// Graceful stop; returns the directory so a new server can reuse the file.
    pub async fn stop(self) -> Arc<TempDir> {
        let TestApp {
            dir,
            store,
            hub,
            stop,
            task,
            ..
        } = self;
        // The server's own handle must be the last one to the hub.
        drop(hub);
        stop.stop();
        task.await.unwrap().unwrap();
        store.close().await;
        dir
    }

    pub fn origin(&self) -> String {
        self.address.clone()
    }

    /// A browser without cookies that does not follow redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A browser logged in as the server's owner, and its session cookie.
    pub async fn facilitator(&self) -> (reqwest::Client, String) {
        self.sign_in(OWNER).await
    }

    /// A browser signed in as the account `name` (whose password is
    /// [`PASSWORD`]), and its session cookie.
    pub async fn sign_in(&self, name: &str) -> (reqwest::Client, String) {
        self.sign_in_with(name, PASSWORD)
            .await
            .unwrap_or_else(|status| panic!("{name} signs in: {status}"))
    }

    /// Signs in as `name` with `password`: the browser and its session
    /// cookie, or the refusal's status.
    pub async fn sign_in_with(
        &self,
        name: &str,
        password: &str,
    ) -> Result<(reqwest::Client, String), u16> {
        let browser = self.browser();
        let response = browser
            .post(format!("{}/login", self.address))
            .form(&[("name", name), ("password", password), ("next", "/console")])
            .send()
            .await
            .unwrap();
        if response.status() != 303 {
            return Err(response.status().as_u16());
        }
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|c| c.starts_with("intercede_session="))
            .expect("session cookie");
        let pair = cookie.split(';').next().unwrap().to_string();
        Ok((browser, pair))
    }

    /// A browser that follows redirects, signed in as the server's owner.
    pub async fn following_facilitator(&self) -> reqwest::Client {
        signed_in_at(&self.address).await
    }

    /// Presses the form with this `action` on the page at `page`, as a
    /// person would: the page must draw it, and it goes with the page's own
    /// fields and its first button, the values in `typed` filled in.
    pub async fn press(
        &self,
        browser: &reqwest::Client,
        page: &str,
        action: &str,
        typed: &[(&str, &str)],
    ) -> reqwest::Response {
        let html = self.get_text(browser, page).await;
        let mut form = super::page_forms::form_to(page, &html, action)
            .unwrap_or_else(|| panic!("{page} draws no form to {action}"));
        for (name, value) in typed {
            form.set(name, value);
        }
        let button = form.buttons.first().cloned().flatten();
        form.request(browser, &self.address, button.as_ref())
            .send()
            .await
            .unwrap()
    }

    /// A facilitator account called `name` with the password [`PASSWORD`],
    /// made as an invitation accepted.
    pub async fn make_account(&self, name: &str) -> intercede::store::Account {
        let invitation = intercede::app::invitations::invite(&self.store, None, None)
            .await
            .unwrap();
        let hash = intercede::web::auth::hash_password(PASSWORD).unwrap();
        let (account, _) = self
            .store
            .accept_invitation(
                &intercede::web::auth::token_hash(&invitation.token),
                name,
                &hash,
            )
            .await
            .unwrap();
        account
    }

    /// A console socket signed in with `cookie`, on the gathering `code`.
    pub async fn console_of(&self, code: &str, cookie: &str) -> Result<Client, Refused> {
        Client::connect(
            &format!("ws://{}/ws/console/{code}", self.host),
            Some(&self.origin()),
            Some(cookie),
        )
        .await
    }

    /// The session's CSRF token, as a page's forms carry it.
    pub async fn csrf(&self, browser: &reqwest::Client) -> String {
        let html = browser
            .get(format!("{}/console", self.address))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let needle = "name=\"csrf\" value=\"";
        let start = html.find(needle).expect("a form with a CSRF token") + needle.len();
        html[start..start + 64].to_string()
    }

    /// GETs a page as the given browser and returns its text.
    pub async fn get_text(&self, browser: &reqwest::Client, path: &str) -> String {
        browser
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// POSTs a form as the given browser.
    pub async fn post_form(
        &self,
        browser: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        browser
            .post(format!("{}{path}", self.address))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// The demo gathering's topic ids in agenda order (read from the store).
    pub async fn topic_ids(&self) -> Vec<i64> {
        let gathering = self.gathering().await;
        let agenda = self.store.load_agenda(&gathering).await.unwrap();
        agenda
            .sections
            .iter()
            .flat_map(|s| s.topics.iter().map(|t| t.id))
            .collect()
    }

    pub async fn gathering(&self) -> intercede::store::Gathering {
        let code = intercede::domain::JoinCode::parse(&self.code).unwrap();
        self.store.find_gathering(&code).await.unwrap().unwrap()
    }

    pub fn ws_url(&self, role: &str) -> String {
        format!("ws://{}/ws/{role}/{}", self.host, self.code)
    }

    /// A new attendee phone: it comes without a cookie, so the server issues
    /// its identity with the upgrade (kept in [`Client::issued_device`]).
    pub async fn attendee(&self) -> Client {
        Client::connect(&self.ws_url("attend"), Some(&self.origin()), None)
            .await
            .expect("attendee connects")
    }

    /// A phone with the given device cookie value (one the server issued, see
    /// [`TestApp::new_device`], or a forged one).
    pub async fn attendee_as(&self, device: &str) -> Client {
        let cookie = format!("intercede_device={device}");
        Client::connect(&self.ws_url("attend"), Some(&self.origin()), Some(&cookie))
            .await
            .expect("attendee connects")
    }

    pub async fn projector(&self) -> Client {
        Client::connect(&self.ws_url("projector"), Some(&self.origin()), None)
            .await
            .expect("projector connects")
    }

    pub async fn console(&self) -> Client {
        let (_, cookie) = self.facilitator().await;
        Client::connect(&self.ws_url("console"), Some(&self.origin()), Some(&cookie))
            .await
            .expect("console connects")
    }
}

/// A browser without cookies yet that follows redirects, as a person's does.
pub fn following_browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

/// A browser that follows redirects, signed in as the owner of the server
/// at `address` (a test server or a real binary) through the sign-in form.
pub async fn signed_in_at(address: &str) -> reqwest::Client {
    let browser = following_browser();
    let response = browser
        .post(format!("{address}/login"))
        .form(&[
            ("name", OWNER),
            ("password", PASSWORD),
            ("next", "/console"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "the owner signs in");
    browser
}

/// Runs one statement with two integer binds (`$1`, `$2`) straight on a test
/// database, either engine: for filling it faster than real phones would.
pub async fn execute_on(database: &DatabaseLocation, sql: &'static str, first: i64, second: i64) {
    use sqlx::Connection;
    match database {
        DatabaseLocation::Sqlite(path) => {
            let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
                .await
                .unwrap();
            sqlx::query(sql)
                .bind(first)
                .bind(second)
                .execute(&mut db)
                .await
                .unwrap();
        }
        DatabaseLocation::Postgres(url) => {
            let mut db = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(sql)
                .bind(first)
                .bind(second)
                .execute(&mut db)
                .await
                .unwrap();
        }
    }
}

/// A port nothing listens on yet.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The real binary, as an operator runs it, on the SQLite file `db` at
/// `port`, logging at `log` to `stderr`; returned once it answers its
/// health check.
pub async fn real_server(
    db: &Path,
    port: u16,
    log: &str,
    stderr: std::process::Stdio,
) -> std::process::Child {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_intercede"))
        .args([
            "--bind",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--database",
        ])
        .arg(db)
        .args(["--admin-password", PASSWORD])
        .env("INTERCEDE_LOG", log)
        .stdout(std::process::Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("server starts");
    for _ in 0..200 {
        if let Ok(response) = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await
            && response.status() == 200
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("server did not come up");
}

/// Text as the pages' templates escape it, to look for it in HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

impl TestApp {
    /// A device identity issued by this server, as a phone gets it from the
    /// join page: the cookie's value.
    pub async fn new_device(&self) -> String {
        issued_device(&self.address, &self.code).await
    }
}

/// The owner's session cookie (`name=value`) from signing in at `address`.
pub async fn login_cookie(address: &str) -> String {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = browser
        .post(format!("{address}/login"))
        .form(&[("name", OWNER), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

/// The device cookie value the server at `address` issues on its join page.
pub async fn issued_device(address: &str, code: &str) -> String {
    let response = reqwest::get(format!("{address}/j/{code}")).await.unwrap();
    assert_eq!(response.status(), 200, "the join page issues an identity");
    device_cookie_in(response.headers().get_all("set-cookie").iter())
        .expect("a device cookie on the join page")
}

/// The value of a `Set-Cookie: intercede_device=...` among these headers.
fn device_cookie_in<'a, V: AsRef<[u8]> + 'a>(
    headers: impl Iterator<Item = &'a V>,
) -> Option<String> {
    headers
        .filter_map(|v| std::str::from_utf8(v.as_ref()).ok())
        .find_map(|c| c.strip_prefix("intercede_device="))
        .map(|c| c.split(';').next().unwrap().to_string())
}

/// The identity the database keeps for a device cookie value (`ID.TAG`).
pub fn device_id(cookie_value: &str) -> String {
    cookie_value.split('.').next().unwrap().to_ascii_lowercase()
}

/// A device identity no server issued, shaped like the old unsigned ones.
pub fn invented_device() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A websocket upgrade with these headers, or the status that refused it.
async fn upgrade(
    url: &str,
    origin: Option<&str>,
    cookie: Option<&str>,
) -> Result<
    (
        WebSocketStream<MaybeTlsStream<TcpStream>>,
        tokio_tungstenite::tungstenite::handshake::client::Response,
    ),
    Refused,
> {
    let mut request = url.into_client_request().unwrap();
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("Origin", HeaderValue::from_str(origin).unwrap());
    }
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert("Cookie", HeaderValue::from_str(cookie).unwrap());
    }
    tokio_tungstenite::connect_async(request)
        .await
        .map_err(|e| match e {
            tokio_tungstenite::tungstenite::Error::Http(response) => {
                Refused(Some(response.status().as_u16()))
            }
            _ => Refused(None),
        })
}

/// A real websocket client.
pub struct Client {
    pub socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// The snapshot the server sent on connect.
    pub snapshot: Value,
    /// The device cookie value the server issued with the upgrade, if any.
    pub issued_device: Option<String>,
    /// The instance that accepted the upgrade (its `X-Intercede-Instance`).
    pub instance: Option<String>,
}

/// Why a connection attempt failed: the HTTP status of a refused upgrade.
#[derive(Debug)]
pub struct Refused(pub Option<u16>);

impl Client {
    pub async fn connect(
        url: &str,
        origin: Option<&str>,
        cookie: Option<&str>,
    ) -> Result<Client, Refused> {
        let (socket, response) = upgrade(url, origin, cookie).await?;
        let issued_device = device_cookie_in(response.headers().get_all("set-cookie").iter());
        let instance = response
            .headers()
            .get("x-intercede-instance")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut client = Client {
            socket,
            snapshot: Value::Null,
            issued_device,
            instance,
        };
        client.snapshot = client.next_of("snapshot").await;
        Ok(client)
    }

    /// As [`connect`](Self::connect), for a server that may be stopping: a
    /// socket closed before its snapshot counts as refused (`Refused(None)`),
    /// as a phone sees it, rather than failing the test.
    pub async fn connect_unless_closed(
        url: &str,
        origin: Option<&str>,
        cookie: Option<&str>,
    ) -> Result<Client, Refused> {
        let (socket, _) = upgrade(url, origin, cookie).await?;
        let mut client = Client {
            socket,
            snapshot: Value::Null,
            issued_device: None,
            instance: None,
        };
        loop {
            match tokio::time::timeout(FRAME_WAIT, client.socket.next()).await {
                Ok(Some(Ok(Message::Text(text)))) => {
                    let frame: Value = serde_json::from_str(&text).unwrap();
                    if frame["type"] == "snapshot" {
                        client.snapshot = frame;
                        return Ok(client);
                    }
                }
                Ok(Some(Ok(Message::Close(_)))) | Ok(None) | Ok(Some(Err(_))) => {
                    return Err(Refused(None));
                }
                Ok(Some(Ok(_))) => {}
                Err(_) => panic!("no snapshot and no close in {FRAME_WAIT:?}"),
            }
        }
    }

    pub async fn send(&mut self, message: Value) {
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
    }

    pub async fn send_raw(&mut self, message: Message) {
        self.socket.send(message).await.unwrap();
    }

    /// The next JSON text frame (pings are answered by the client library).
    pub async fn next(&mut self) -> Value {
        loop {
            let frame = tokio::time::timeout(FRAME_WAIT, self.socket.next())
                .await
                .expect("a frame arrives in time")
                .expect("socket open")
                .expect("frame readable");
            match frame {
                Message::Text(text) => return serde_json::from_str(&text).unwrap(),
                Message::Close(reason) => panic!("socket closed: {reason:?}"),
                _ => continue,
            }
        }
    }

    /// Skips frames until one of the given type arrives.
    pub async fn next_of(&mut self, kind: &str) -> Value {
        loop {
            let frame = self.next().await;
            if frame["type"] == kind {
                return frame;
            }
        }
    }

    /// Skips frames until one matches.
    pub async fn next_matching(&mut self, what: impl Fn(&Value) -> bool) -> Value {
        loop {
            let frame = self.next().await;
            if what(&frame) {
                return frame;
            }
        }
    }

    /// Waits for the server to close the socket; returns the close code.
    pub async fn closed(&mut self) -> Option<u16> {
        loop {
            match tokio::time::timeout(FRAME_WAIT, self.socket.next()).await {
                Err(_) => panic!("socket not closed in time"),
                Ok(None) => return None,
                Ok(Some(Err(_))) => return None,
                Ok(Some(Ok(Message::Close(frame)))) => return frame.map(|f| u16::from(f.code)),
                Ok(Some(Ok(_))) => continue,
            }
        }
    }
}
