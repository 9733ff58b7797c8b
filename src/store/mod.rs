//! Storage: every SQL statement of the server lives under this module, behind the
//! [`Store`] type, so handlers and the live rooms never see SQL.
//!
//! Two engines sit behind the same methods (see `docs/storage.md`):
//! - SQLite, the embedded default ([`sqlite`]): one file, WAL journal,
//!   `synchronous = FULL` (a commit is on disk before a tap is acknowledged),
//!   foreign keys on, a busy timeout, `BEGIN IMMEDIATE` for writes;
//! - PostgreSQL ([`postgres`]), for several instances on one database.
//!
//! Each query is written once, as plain SQL with `$n` binds that both engines
//! speak, inside [`with_pool!`], which compiles it once per engine with that
//! engine's own pool type: rows decode natively on each (a SQLite `INTEGER`
//! flag and a PostgreSQL `BOOLEAN` both become `bool`). Where the dialects
//! differ (two-argument `MAX` against `GREATEST`, how a write transaction
//! begins), [`EnginePool`] says which to use. Migrations live per engine in
//! `migrations/sqlite/` and `migrations/postgres/`.
//!
//! Tap writes do not go through here one by one: they go through the
//! group-commit [`writer`], which turns many of them into one transaction.

/// Runs `$body` with `$pool` bound to the store's pool, once per engine: the
/// body is written once and compiled for `SqlitePool` and for `PgPool`, so
/// every query decodes with its engine's native types. Written like a closure,
/// `with_pool!(self, |pool| ...)`, so that rustfmt formats the body; it is not
/// one (`?` and `return` leave the enclosing function).
macro_rules! with_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store.db {
            $crate::store::Db::Sqlite { pool: $pool, .. } => $body,
            $crate::store::Db::Postgres($pool) => $body,
        }
    };
}

/// Binds a topic's nine content fields, in the order every topic statement
/// lists them: title, scripture text, scripture reference, body, kind, planned
/// minutes, notes, sensitive, projector-safe summary. A macro rather than a
/// function so that it works on every engine's query type.
macro_rules! bind_topic {
    ($query:expr, $topic:expr) => {{
        let topic: &$crate::domain::NewTopic = $topic;
        $query
            .bind(topic.title.as_str())
            .bind(topic.scripture.as_ref().map(|s| s.text.as_str()))
            .bind(topic.scripture.as_ref().map(|s| s.reference.as_str()))
            .bind(topic.body.as_str())
            .bind(topic.kind.as_str())
            .bind(topic.planned_minutes)
            .bind(topic.notes.as_str())
            .bind(topic.sensitive)
            .bind(topic.safe_summary.as_str())
    }};
}

mod accounts;
mod agenda_edit;
mod gatherings;
mod history;
mod leaders;
mod listing;
mod live;
pub mod notify;
pub mod postgres;
mod prayer_requests;
mod report;
mod retention;
mod secrets;
mod sessions;
pub mod sqlite;
mod time_zone;
pub mod writer;

/// Where the data lives: chosen with `--database`, described in `config`.
pub use crate::config::{DatabaseLocation, Engine};
pub use crate::domain::gathering::GatheringSummary;
/// The entities the store returns live in `domain`; named here too.
pub use crate::domain::{
    Account, Gathering, LiveRecord, StoredAgenda, StoredSection, StoredTopic, TopicStat,
};
pub use accounts::{AcceptError, AccessEnded, Credentials, Invitation, ListedAccount, name_key};
pub use agenda_edit::Direction;
pub use gatherings::NewOwner;
pub use history::{Action, HistoryEntry, Milestone};
pub use leaders::Access;
pub use listing::ListedGathering;
pub use live::{LiveChange, RoomSeed};
pub use prayer_requests::{Moderation, ModeratorLink, RequestFigures, StoredRequest, Submitted};
pub use report::{GatheringFigures, TopicFigures};
pub use sessions::SessionRecord;
pub use sqlite::FileReplaced;

use sqlx::{PgPool, SqlitePool};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Longest wait for a trivial query in [`Store::ping`]: a health check must
/// answer while the database is unreachable, not hang with it.
const PING_TIMEOUT: Duration = Duration::from_secs(3);

/// A handle to the database; cheap to clone (a pool handle and an `Arc`).
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

/// The engine-specific pool behind a [`Store`].
#[derive(Clone, Debug)]
enum Db {
    Sqlite {
        pool: SqlitePool,
        /// The file as opened, to notice it being removed or replaced.
        file: Arc<sqlite::DatabaseFile>,
    },
    Postgres(PgPool),
}

/// What differs between the engines' pools, for bodies written once in
/// [`with_pool!`].
pub(crate) trait EnginePool {
    type Database: sqlx::Database;
    /// Which engine this pool is.
    const ENGINE: Engine;
    /// The statement that opens a write transaction.
    const BEGIN_WRITE: &'static str;

    /// A transaction that will write.
    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>> + Send;

    /// The engine, from a value (handy inside [`with_pool!`]).
    fn engine(&self) -> Engine {
        Self::ENGINE
    }
}

impl EnginePool for SqlitePool {
    type Database = sqlx::Sqlite;
    const ENGINE: Engine = Engine::Sqlite;
    /// SQLite takes the write lock at `BEGIN IMMEDIATE`, so a busy database
    /// makes it wait (up to the busy timeout) instead of failing later when a
    /// read turns into a write.
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";

    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>> + Send
    {
        self.begin_with(Self::BEGIN_WRITE)
    }
}

impl EnginePool for PgPool {
    type Database = sqlx::Postgres;
    const ENGINE: Engine = Engine::Postgres;
    /// PostgreSQL locks rows as statements touch them; a plain `BEGIN` is right.
    const BEGIN_WRITE: &'static str = "BEGIN";

    fn begin_write(
        &self,
    ) -> impl Future<Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>> + Send
    {
        self.begin()
    }
}

impl Store {
    /// Opens the database at `location` and brings its tables up to date: a
    /// SQLite file (created if missing) or a PostgreSQL database.
    pub async fn open(location: &DatabaseLocation) -> Result<Self, sqlx::Error> {
        match location {
            DatabaseLocation::Sqlite(path) => Self::open_sqlite(path).await,
            DatabaseLocation::Postgres(url) => Self::open_postgres(url).await,
        }
    }

    /// Which engine holds the data.
    pub fn engine(&self) -> Engine {
        match &self.db {
            Db::Sqlite { .. } => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Whether the SQLite file is still the one opened (always true on
    /// PostgreSQL). Cheap (one `stat`): the writer asks before every transaction.
    pub fn check_file(&self) -> Result<(), FileReplaced> {
        match &self.db {
            Db::Sqlite { file, .. } => file.check(),
            Db::Postgres(_) => Ok(()),
        }
    }

    /// Why the database cannot be used right now, if it cannot: the file was
    /// removed or replaced, or it does not answer a trivial query in time.
    pub async fn ping(&self) -> Result<(), String> {
        self.check_file().map_err(|e| e.to_string())?;
        let answer = with_pool!(self, |pool| {
            let query = sqlx::query("SELECT 1").execute(pool);
            tokio::time::timeout(PING_TIMEOUT, query)
                .await
                .map(|r| r.map(|_| ()))
        });
        match answer {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(format!("the database does not answer: {e}")),
            Err(_) => Err(format!(
                "the database does not answer within {} s",
                PING_TIMEOUT.as_secs()
            )),
        }
    }

    /// Closes every connection, waiting for those in use.
    pub async fn close(&self) {
        with_pool!(self, |pool| pool.close().await)
    }
}

/// Times a statement aborted by a conflict with another transaction is tried.
const CONFLICT_ATTEMPTS: u32 = 5;

/// Runs `attempt` again when PostgreSQL aborted it for a conflict with another
/// transaction: a deadlock (SQLSTATE 40P01) or a serialization failure
/// (40001), which it resolves by aborting one side, expecting a retry. Such a
/// conflict happens between an editor's deletion, which cascades into taps,
/// figures and the live state, and the writer's batch touching the same rows.
/// SQLite, with one writer at a time, never reports one.
pub(crate) async fn retry_conflicts<T, F, Fut>(mut attempt: F) -> Result<T, sqlx::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, sqlx::Error>>,
{
    let mut tries = 1;
    loop {
        match attempt().await {
            Err(error) if tries < CONFLICT_ATTEMPTS && is_conflict(&error) => {
                tracing::debug!(%error, tries, "a conflicting transaction aborted this one; retrying");
                tokio::time::sleep(Duration::from_millis(20 * u64::from(tries))).await;
                tries += 1;
            }
            result => return result,
        }
    }
}

/// Whether PostgreSQL aborted a transaction to resolve a conflict.
pub(crate) fn is_conflict(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => db
            .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
            .is_some_and(|pg| matches!(pg.code(), "40P01" | "40001")),
        _ => false,
    }
}

/// Milliseconds since the Unix epoch, the one time format stored.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
