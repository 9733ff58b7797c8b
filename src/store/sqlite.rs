//! The SQLite engine: opening the file with the settings that make a commit
//! durable, and the checks that only a file needs (it can be read-only, or be
//! removed or replaced under a running server). None of this applies on
//! PostgreSQL.

use super::{Db, Store};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The SQLite migrations, embedded in the binary.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The database file as it was when opened, to notice it being removed or
/// replaced: SQLite would go on writing into the open (deleted) file, and every
/// tap acknowledged after that would be lost at the next start.
#[derive(Debug)]
pub(super) struct DatabaseFile {
    path: PathBuf,
    identity: Option<(u64, u64)>,
}

/// The database file is gone or is no longer the one this server opened.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the database file {0} was removed or replaced; restart the server")]
pub struct FileReplaced(String);

impl DatabaseFile {
    pub(super) fn check(&self) -> Result<(), FileReplaced> {
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
            db: Db::Sqlite {
                pool,
                file: Arc::new(file),
            },
        })
    }

    /// SQLite's own check of the file: "ok" when intact. There is no such
    /// check to run on PostgreSQL, which says so as an error.
    pub async fn integrity_check(&self) -> Result<String, sqlx::Error> {
        match &self.db {
            Db::Sqlite { pool, .. } => {
                sqlx::query_scalar("PRAGMA integrity_check")
                    .fetch_one(pool)
                    .await
            }
            Db::Postgres(_) => Err(sqlx::Error::Configuration(
                "an integrity check of the file is for SQLite only".into(),
            )),
        }
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
