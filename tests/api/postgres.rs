//! Fresh PostgreSQL databases for the suite's `api_postgres` binary: one per
//! test, created on the server `INTERCEDE_TEST_POSTGRES` names (for example
//! `postgres://postgres@%2Ftmp%2Fpgsock/postgres`).
//!
//! Without that variable the PostgreSQL tests cannot run. The first of them
//! says so on the terminal, and each ends its own process with success (nextest
//! runs every test in a process of its own; `cargo test`, which runs them all in
//! one process, sees the whole binary end there, successfully), unless `INTERCEDE_REQUIRE_POSTGRES=1`, set by CI, makes
//! it a failure, as a missing browser is for the browser tests.
//!
//! A test's database is named after its process. A database cannot be dropped
//! while the test's servers still hold connections to it, so each process,
//! the first time it makes one, drops those of processes that have ended.

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

const SERVER: &str = "INTERCEDE_TEST_POSTGRES";
const REQUIRE: &str = "INTERCEDE_REQUIRE_POSTGRES";
/// Every test database's name starts with this, then the process id.
const PREFIX: &str = "intercede_test_";
/// Where, in a test's directory, the URL of its database is kept.
const URL_FILE: &str = "postgres-database.url";

static SWEPT: AtomicBool = AtomicBool::new(false);

/// The URL of the database of the test whose directory is `dir`, made on first use.
pub async fn database_for(dir: &Path) -> String {
    let file = dir.join(URL_FILE);
    if let Ok(url) = std::fs::read_to_string(&file) {
        return url;
    }
    let server = server_url();
    let mut admin = PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("cannot reach the PostgreSQL server in {SERVER}: {e}"));
    if !SWEPT.swap(true, Ordering::SeqCst) {
        drop_leftovers(&mut admin).await;
    }
    let name = format!(
        "{PREFIX}{}_{:016x}",
        std::process::id(),
        rand::random::<u64>()
    );
    // The name is made here of digits and hex, never from outside.
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let _ = admin.close().await;
    let url = with_database(&server, &name);
    std::fs::write(&file, &url).unwrap();
    url
}

/// The server's URL; without one, a loud notice and the end of this test's
/// process (a pass), or a failure when PostgreSQL tests are required.
fn server_url() -> String {
    if let Ok(url) = std::env::var(SERVER)
        && !url.is_empty()
    {
        return url;
    }
    if std::env::var(REQUIRE).is_ok_and(|v| v == "1") {
        panic!(
            "{REQUIRE}=1 but {SERVER} names no PostgreSQL server: the PostgreSQL tests cannot run"
        );
    }
    if first_in_this_run() {
        shout(&format!(
            "\n==== PostgreSQL tests NOT RUN: set {SERVER} to a server URL, such as \
             postgres://postgres@%2Ftmp%2Fpgsock/postgres (.ci/run starts one) ====\n\n"
        ));
    }
    std::process::exit(0);
}

/// Writes to the terminal itself where there is one, since the test runner
/// keeps a passing test's output to itself; to standard error as well.
pub fn shout(message: &str) {
    use std::io::Write;
    eprint!("{message}");
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = tty.write_all(message.as_bytes());
    }
}

/// Whether this is the first test of this run to find no server: the notice
/// is shown once, not once per test (the tests of one run share a parent).
fn first_in_this_run() -> bool {
    #[cfg(unix)]
    let run = std::os::unix::process::parent_id();
    #[cfg(not(unix))]
    let run = std::process::id();
    let marker = std::env::temp_dir().join(format!("intercede-no-postgres-{run}"));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(marker)
        .is_ok()
}

/// Drops the databases of test processes that have ended. Best effort: a
/// database another process is dropping at the same moment is simply skipped.
async fn drop_leftovers(admin: &mut PgConnection) {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'intercede_test_%'")
            .fetch_all(&mut *admin)
            .await
            .unwrap_or_default();
    for name in names {
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split('_').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if process_alive(pid) {
            continue;
        }
        // The name comes from the server's own catalogue and matched our pattern.
        let _ = sqlx::query(AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        )))
        .execute(&mut *admin)
        .await;
    }
}

/// Whether a process runs; where that cannot be told, assume it does.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// The server URL with its database replaced by `name` (any options kept).
fn with_database(server: &str, name: &str) -> String {
    let (base, options) = match server.split_once('?') {
        Some((base, options)) => (base, Some(options)),
        None => (server, None),
    };
    let authority = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority..].find('/') {
        Some(slash) => &base[..authority + slash],
        None => base,
    };
    match options {
        Some(options) => format!("{base}/{name}?{options}"),
        None => format!("{base}/{name}"),
    }
}

#[test]
fn a_database_name_replaces_the_servers() {
    assert_eq!(
        with_database("postgres://postgres@%2Ftmp%2Fpg/postgres", "t1"),
        "postgres://postgres@%2Ftmp%2Fpg/t1"
    );
    assert_eq!(
        with_database("postgres://u:p@127.0.0.1:5433?sslmode=disable", "t1"),
        "postgres://u:p@127.0.0.1:5433/t1?sslmode=disable"
    );
}

/// Cuts every connection to the test's database and refuses new ones (`cut`),
/// or lets them in again: the database as unreachable as a stopped server, for
/// this test alone.
pub async fn cut_off(database_url: &str, cut: bool) {
    let name = database_url
        .split('?')
        .next()
        .and_then(|base| base.rsplit('/').next())
        .filter(|name| name.starts_with(PREFIX))
        .expect("a test database");
    let mut admin = PgConnection::connect(&server_url()).await.unwrap();
    // The name was made by `database_for`, never from outside.
    sqlx::query(AssertSqlSafe(format!(
        "ALTER DATABASE {name} ALLOW_CONNECTIONS {}",
        !cut
    )))
    .execute(&mut admin)
    .await
    .unwrap();
    if cut {
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(name)
        .execute(&mut admin)
        .await
        .unwrap();
    }
    let _ = admin.close().await;
}
