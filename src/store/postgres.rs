//! The PostgreSQL engine: connecting and migrating. Every instance of a
//! deployment opens the same database; sqlx's migrator takes an advisory lock,
//! so instances starting together migrate once.

use super::{Db, Store};
use sqlx::ConnectOptions;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// The PostgreSQL migrations, embedded in the binary.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Longest wait for a connection. While the server is unreachable, callers (the
/// writer, a page) get an error after this instead of hanging; the writer then
/// retries and `/healthz` reports it.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Connects to the PostgreSQL database at `url` and brings its tables up to date.
    pub async fn open_postgres(url: &str) -> Result<Self, sqlx::Error> {
        let options = PgConnectOptions::from_str(url)?.application_name("intercede");
        // One connection first: when the server cannot be reached, this says
        // why (refused, unknown host, wrong password), where the pool would
        // only say that it timed out.
        options.connect().await?.close().await?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .min_connections(1)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            // A connection broken while the server restarted is found and
            // replaced before use, not handed to the writer.
            .test_before_acquire(true)
            .connect_with(options)
            .await?;
        refuse_read_only(&pool).await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store {
            db: Db::Postgres(pool),
        })
    }
}

/// A standby (in recovery) or a database set read-only would take the server
/// up and then fail every write: refuse to start instead, saying why.
async fn refuse_read_only(pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    let read_only: String = sqlx::query_scalar("SHOW transaction_read_only")
        .fetch_one(pool)
        .await?;
    if read_only == "on" {
        return Err(sqlx::Error::Configuration(
            "the database cannot be written to (it is read-only: a standby, or \
             default_transaction_read_only is on); give the primary's address"
                .into(),
        ));
    }
    Ok(())
}
