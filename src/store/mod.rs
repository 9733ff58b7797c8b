//! Storage: every SQL statement of the server lives under this module, behind the
//! [`Store`] type, so handlers and the live rooms never see SQL.
//!
//! SQLite is the embedded default: one file, WAL journal, `synchronous = FULL`
//! (a commit is on disk before a tap is acknowledged), foreign keys on, a busy
//! timeout. The statements are plain SQL with `$n` binds that PostgreSQL also
//! speaks, so a PostgreSQL engine can sit behind the same methods; its migrations
//! will live in `migrations/postgres/`.
//!
//! Tap writes do not go through here one by one: they go through the
//! group-commit [`writer`], which turns many of them into one transaction.

mod agenda_edit;
mod auth;
mod gatherings;
mod live;
mod report;
mod secrets;
pub mod writer;

pub use agenda_edit::Direction;
pub use auth::SessionRecord;
pub use gatherings::{Gathering, GatheringSummary, StoredAgenda, StoredSection, StoredTopic};
pub use live::{LiveRecord, RoomSeed, TopicStat};
pub use report::{GatheringFigures, TopicFigures};

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The migrations, embedded in the binary.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// A handle to the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    file: Arc<DatabaseFile>,
}

/// The database file as it was when opened, to notice it being removed or
/// replaced: SQLite would go on writing into the open (deleted) file, and every
/// tap acknowledged after that would be lost at the next start.
#[derive(Debug)]
struct DatabaseFile {
    path: PathBuf,
    identity: Option<(u64, u64)>,
}

/// The database file is gone or is no longer the one this server opened.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the database file {0} was removed or replaced; restart the server")]
pub struct FileReplaced(String);

impl DatabaseFile {
    fn check(&self) -> Result<(), FileReplaced> {
        if file_identity(&self.path) == self.identity {
            Ok(())
        } else {
            Err(FileReplaced(self.path.display().to_string()))
        }
    }
}

/// Device and inode of a file, where the platform has them.
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    let metadata = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        metadata.modified().ok().map(|_| (0, 0))
    }
}

impl Store {
    /// Opens (creating if missing) the SQLite file and brings its tables up to date.
    pub async fn open_sqlite(path: &Path) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a committed transaction survives power loss, not only a crash of
            // this process. Group commit makes the extra fsync cheap per tap.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        check_writable(&pool).await?;
        let file = DatabaseFile {
            path: path.to_path_buf(),
            identity: file_identity(path),
        };
        Ok(Store {
            pool,
            file: Arc::new(file),
        })
    }

    /// Whether the database file is still the one opened. Cheap (one `stat`):
    /// the writer asks before every transaction.
    pub fn check_file(&self) -> Result<(), FileReplaced> {
        self.file.check()
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// A transaction that will write. SQLite takes the write lock at `BEGIN
    /// IMMEDIATE`, so a busy database makes it wait (up to the busy timeout)
    /// instead of failing later when a read turns into a write.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// Why the database cannot be used right now, if it cannot: the file was
    /// removed or replaced, or it does not answer a trivial query.
    pub async fn ping(&self) -> Result<(), String> {
        self.check_file().map_err(|e| e.to_string())?;
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(|e| format!("the database does not answer: {e}"))
    }

    /// SQLite's own check of the file: "ok" when intact.
    pub async fn integrity_check(&self) -> Result<String, sqlx::Error> {
        sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await
    }

    /// Closes every connection, waiting for those in use.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Fails unless the database takes writes. A read-only file (or directory, or
/// file system) otherwise shows up only later, as a failed login or taps that are
/// never acknowledged.
async fn check_writable(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    // Setting the header's user version, even to the value it has, writes page 1.
    let version: i64 = sqlx::query_scalar("PRAGMA user_version")
        .fetch_one(pool)
        .await?;
    // The number comes from the database itself, never from outside.
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "PRAGMA user_version = {version}"
    )))
    .execute(pool)
    .await
    .map_err(|e| {
        sqlx::Error::Configuration(format!("the database cannot be written to ({e})").into())
    })?;
    Ok(())
}

/// Milliseconds since the Unix epoch, the one time format stored.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Binds a topic's nine content fields, in the order every topic statement
/// lists them: title, scripture text, scripture reference, body, kind, planned
/// minutes, notes, sensitive, projector-safe summary.
pub(crate) trait BindTopic<'q>: Sized {
    fn bind_value<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send;

    fn bind_topic(self, topic: &'q crate::domain::NewTopic) -> Self {
        self.bind_value(topic.title.as_str())
            .bind_value(topic.scripture.as_ref().map(|s| s.text.as_str()))
            .bind_value(topic.scripture.as_ref().map(|s| s.reference.as_str()))
            .bind_value(topic.body.as_str())
            .bind_value(topic.kind.as_str())
            .bind_value(topic.planned_minutes)
            .bind_value(topic.notes.as_str())
            .bind_value(topic.sensitive)
            .bind_value(topic.safe_summary.as_str())
    }
}

type SqliteArgs = <sqlx::Sqlite as sqlx::Database>::Arguments;

impl<'q> BindTopic<'q> for sqlx::query::Query<'q, sqlx::Sqlite, SqliteArgs> {
    fn bind_value<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send,
    {
        self.bind(value)
    }
}

impl<'q, O> BindTopic<'q> for sqlx::query::QueryScalar<'q, sqlx::Sqlite, O, SqliteArgs> {
    fn bind_value<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send,
    {
        self.bind(value)
    }
}
