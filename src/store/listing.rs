//! The facilitator's list of gatherings: enough about each to tell them apart
//! (when it was created or last run, how many topics, its status).

use super::Store;
use sqlx::Row;

/// One line of the console's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedGathering {
    pub code: String,
    pub title: String,
    /// "draft", "live" or "ended".
    pub status: String,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// When its first topic was last shown live, if it ever was.
    pub last_run_at: Option<i64>,
    pub topics: i64,
    /// Its IANA time zone name, or "" while unset.
    pub time_zone: String,
}

impl Store {
    /// Every gathering, newest first, with what tells them apart.
    pub async fn list_gatherings_for_console(&self) -> Result<Vec<ListedGathering>, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(sqlx::query(
                "SELECT g.code, g.title, g.status, g.created_at, g.time_zone, l.started_at,
                        (SELECT COUNT(*) FROM topics t WHERE t.gathering_id = g.id) AS topics
                 FROM gatherings g
                 LEFT JOIN live_state l ON l.gathering_id = g.id
                 ORDER BY g.created_at DESC, g.id DESC",
            )
            .fetch_all(pool)
            .await?
            .iter()
            .map(|row| ListedGathering {
                code: row.get("code"),
                title: row.get("title"),
                status: row.get("status"),
                created_at: row.get("created_at"),
                last_run_at: row.get("started_at"),
                topics: row.get("topics"),
                time_zone: row.get("time_zone"),
            })
            .collect())
        })
    }
}
