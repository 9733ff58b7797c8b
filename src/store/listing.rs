//! The facilitator's list of gatherings: enough about each to tell them apart
//! (when it was created or last run, how many topics, its status).

use super::Store;
use crate::domain::Account;
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
    /// The name of the account it belongs to.
    pub owner: String,
    /// Whether it is the reader's own.
    pub own: bool,
    /// Whether it is shared with the reader as a co-facilitator (else, when
    /// not their own, the server's owner sees it).
    pub shared: bool,
}

impl Store {
    /// The gatherings `account` may lead (every one for the server's owner),
    /// newest first, with what tells them apart.
    pub async fn list_gatherings_for_console(
        &self,
        account: &Account,
    ) -> Result<Vec<ListedGathering>, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(sqlx::query(
                "SELECT g.code, g.title, g.status, g.created_at, g.time_zone, l.started_at,
                        (SELECT COUNT(*) FROM topics t WHERE t.gathering_id = g.id) AS topics,
                        a.id AS owner_id, a.name AS owner,
                        EXISTS (SELECT 1 FROM co_facilitators s
                                WHERE s.gathering_id = g.id AND s.account_id = $1) AS shared
                 FROM gatherings g
                 JOIN accounts a ON a.id = COALESCE(g.owner_id,
                     (SELECT o.id FROM accounts o WHERE o.is_owner))
                 LEFT JOIN live_state l ON l.gathering_id = g.id
                 WHERE $2 OR a.id = $1 OR EXISTS (SELECT 1 FROM co_facilitators c
                       WHERE c.gathering_id = g.id AND c.account_id = $1)
                 ORDER BY g.created_at DESC, g.id DESC",
            )
            .bind(account.id)
            .bind(account.is_owner)
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
                owner: row.get("owner"),
                own: row.get::<i64, _>("owner_id") == account.id,
                shared: row.get("shared"),
            })
            .collect())
        })
    }
}
