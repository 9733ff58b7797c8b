//! Fresh PostgreSQL databases for the suite's `api_postgres` binary: one per
//! test, created on the server `INTERCEDE_TEST_POSTGRES` names (for example
//! `postgres://postgres@%2Ftmp%2Fpgsock/postgres`) or, without it, on a
//! throwaway cluster this test run starts for itself (`postgres_cluster.rs`).
//! Where neither can be had the test fails, naming PostgreSQL (`parts.rs`).
//!
//! A test's database is named after its process. A database cannot be dropped
//! while the test's servers still hold connections to it, so each process,
//! the first time it makes one, drops those of processes that have ended.

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

const SERVER: &str = "INTERCEDE_TEST_POSTGRES";
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
        .unwrap_or_else(|e| panic!("cannot reach the PostgreSQL server at {server}: {e}"));
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

/// The server's URL: the one named, or this run's own cluster.
fn server_url() -> String {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| match std::env::var(SERVER) {
        Ok(url) if !url.is_empty() => url,
        _ => super::postgres_cluster::url(),
    })
    .clone()
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
