//! Prayer requests, the prayers phones give them, the moderators' decisions
//! and the moderator links. A request's words are deleted after the
//! gathering's retention; its row, status and prayers stay for the report.

use super::{Engine, EnginePool, Store, now_ms};
use crate::domain::prayer_request::{
    Audience, MAX_REQUESTS_PER_GATHERING, NewRequest, PACE_REQUESTS, PACE_WINDOW_MS, RequestStatus,
};
use sqlx::Row;

/// A day in milliseconds, for the retention.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A request as stored, with how many phones prayed for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRequest {
    pub id: i64,
    /// `None` once the retention deleted the words.
    pub body: Option<String>,
    pub first_name: Option<String>,
    pub audience: Audience,
    pub status: RequestStatus,
    pub prayed_for: bool,
    /// A moderator changed the words.
    pub edited: bool,
    pub submitted_at: i64,
    pub praying: i64,
}

/// What became of a request a phone sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// Stored (or, sent again, found): its id and whether it is new.
    Stored { id: i64, new: bool },
    /// This phone sent its share lately; it may send again in `wait_ms`.
    TooSoon { wait_ms: i64 },
    /// The gathering has all the requests it takes.
    Full,
}

/// What a moderator does to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moderation {
    Approve,
    Hide,
    /// Back to the queue (an approval or hiding undone).
    Requeue,
    /// Marked (or unmarked) as prayed for by the team.
    PrayedFor(bool),
    /// New words (checked by `domain::prayer_request::edited_text`).
    Edit {
        body: String,
        first_name: String,
    },
}

/// The report's figures for a gathering's requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RequestFigures {
    pub received: i64,
    pub approved: i64,
    pub hidden: i64,
    pub team_only: i64,
    pub prayed_for: i64,
    /// Prayers phones gave requests ("praying" taps), all requests together.
    pub prayers: i64,
}

/// A moderator link, as the console lists it (the token itself is shown
/// once, when made, and never stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeratorLink {
    pub id: i64,
    pub gathering_id: i64,
    /// The gathering's join code.
    pub gathering_code: String,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A [`StoredRequest`] from a row of [`Store::requests`]'s query, on either engine.
macro_rules! stored_request {
    ($row:expr) => {{
        let row = $row;
        let audience: String = row.try_get("audience")?;
        let status: String = row.try_get("status")?;
        StoredRequest {
            id: row.try_get("id")?,
            body: row.try_get("body")?,
            first_name: row.try_get("first_name")?,
            audience: Audience::parse(&audience).ok_or_else(|| bad_value("audience", &audience))?,
            status: RequestStatus::parse(&status).ok_or_else(|| bad_value("status", &status))?,
            prayed_for: row.try_get("prayed_for")?,
            edited: row.try_get("edited")?,
            submitted_at: row.try_get("submitted_at")?,
            praying: row.try_get("praying")?,
        }
    }};
}

/// A [`ModeratorLink`] from a row of `moderator_links`, on either engine.
macro_rules! moderator_link {
    ($row:expr) => {{
        let row = $row;
        ModeratorLink {
            id: row.try_get("id")?,
            gathering_id: row.try_get("gathering_id")?,
            gathering_code: row.try_get("code")?,
            label: row.try_get("label")?,
            created_at: row.try_get("created_at")?,
            revoked_at: row.try_get("revoked_at")?,
        }
    }};
}

/// A request stored once per phone and op id: a second copy is no row.
const INSERT_REQUEST: &str = "INSERT INTO prayer_requests
     (gathering_id, device_id, op_id, body, first_name, audience, submitted_at)
 VALUES ($1, $2, $3, $4, $5, $6, $7)
 ON CONFLICT (gathering_id, device_id, op_id) DO NOTHING
 RETURNING id";

/// The request a phone sent with an op id.
const FIND_REQUEST: &str =
    "SELECT id FROM prayer_requests WHERE gathering_id = $1 AND device_id = $2 AND op_id = $3";

impl Store {
    /// Stores a request; sent again with the same phone and id, it is the
    /// same request. Returns its id and whether it is new.
    pub async fn insert_request(
        &self,
        gathering_id: i64,
        device_id: &str,
        op_id: &str,
        request: &NewRequest,
    ) -> Result<(i64, bool), sqlx::Error> {
        with_pool!(self, |pool| {
            let inserted: Option<i64> = sqlx::query_scalar(INSERT_REQUEST)
                .bind(gathering_id)
                .bind(device_id)
                .bind(op_id)
                .bind(request.body.as_str())
                .bind(request.first_name.as_str())
                .bind(request.audience.as_str())
                .bind(now_ms())
                .fetch_optional(pool)
                .await?;
            if let Some(id) = inserted {
                return Ok((id, true));
            }
            let id: i64 = sqlx::query_scalar(FIND_REQUEST)
                .bind(gathering_id)
                .bind(device_id)
                .bind(op_id)
                .fetch_one(pool)
                .await?;
            Ok((id, false))
        })
    }

    /// Takes a request from a phone at `now`: the same one sent again is
    /// found, a phone sends at most its share in the pace window, and a
    /// gathering takes at most its share in all.
    pub async fn submit_request(
        &self,
        gathering_id: i64,
        device_id: &str,
        op_id: &str,
        request: &NewRequest,
        now: i64,
    ) -> Result<Submitted, sqlx::Error> {
        // One transaction decides and inserts, so parallel sockets of one
        // phone, or many phones at once, can never pass a limit together:
        // SQLite's write lock is taken at BEGIN, and on PostgreSQL the
        // gathering's row is locked for the length of the decision (on
        // every instance alike).
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            if pool.engine() == Engine::Postgres {
                sqlx::query("SELECT id FROM gatherings WHERE id = $1 FOR NO KEY UPDATE")
                    .bind(gathering_id)
                    .execute(&mut *tx)
                    .await?;
            }
            let known: Option<i64> = sqlx::query_scalar(FIND_REQUEST)
                .bind(gathering_id)
                .bind(device_id)
                .bind(op_id)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(id) = known {
                return Ok(Submitted::Stored { id, new: false });
            }
            let recent: Vec<i64> = sqlx::query_scalar(
                "SELECT submitted_at FROM prayer_requests
                 WHERE gathering_id = $1 AND device_id = $2 AND submitted_at > $3
                 ORDER BY submitted_at",
            )
            .bind(gathering_id)
            .bind(device_id)
            .bind(now - PACE_WINDOW_MS)
            .fetch_all(&mut *tx)
            .await?;
            if recent.len() >= PACE_REQUESTS {
                let oldest = recent[recent.len() - PACE_REQUESTS];
                return Ok(Submitted::TooSoon {
                    wait_ms: (oldest + PACE_WINDOW_MS - now).max(1),
                });
            }
            let total: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM prayer_requests WHERE gathering_id = $1")
                    .bind(gathering_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if total >= MAX_REQUESTS_PER_GATHERING {
                return Ok(Submitted::Full);
            }
            // Nothing can conflict here: the same op was looked for above,
            // under the lock.
            let id: i64 = sqlx::query_scalar(INSERT_REQUEST)
                .bind(gathering_id)
                .bind(device_id)
                .bind(op_id)
                .bind(request.body.as_str())
                .bind(request.first_name.as_str())
                .bind(request.audience.as_str())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Submitted::Stored { id, new: true })
        })
    }

    /// Every request of a gathering, oldest first.
    pub async fn requests(&self, gathering_id: i64) -> Result<Vec<StoredRequest>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT r.id, r.body, r.first_name, r.audience, r.status, r.prayed_for,
                        r.edited, r.submitted_at,
                        (SELECT COUNT(*) FROM request_prayers p WHERE p.request_id = r.id) AS praying
                 FROM prayer_requests r WHERE r.gathering_id = $1 ORDER BY r.id",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await?;
            let mut requests = Vec::with_capacity(rows.len());
            for row in &rows {
                requests.push(stored_request!(row));
            }
            Ok(requests)
        })
    }

    /// Applies a moderator's decision; false if the request is not the
    /// gathering's (or no longer exists).
    pub async fn moderate_request(
        &self,
        gathering_id: i64,
        request_id: i64,
        moderation: &Moderation,
    ) -> Result<bool, sqlx::Error> {
        let now = now_ms();
        with_pool!(self, |pool| {
            let query = match moderation {
                Moderation::Approve | Moderation::Hide | Moderation::Requeue => {
                    let status = match moderation {
                        Moderation::Approve => RequestStatus::Approved,
                        Moderation::Hide => RequestStatus::Hidden,
                        _ => RequestStatus::New,
                    };
                    sqlx::query(
                        "UPDATE prayer_requests SET status = $3, moderated_at = $4
                         WHERE gathering_id = $1 AND id = $2",
                    )
                    .bind(gathering_id)
                    .bind(request_id)
                    .bind(status.as_str())
                    .bind(now)
                }
                Moderation::PrayedFor(done) => sqlx::query(
                    "UPDATE prayer_requests SET prayed_for = $3, moderated_at = $4
                     WHERE gathering_id = $1 AND id = $2",
                )
                .bind(gathering_id)
                .bind(request_id)
                .bind(*done)
                .bind(now),
                // Words already deleted by the retention are not written again.
                Moderation::Edit { body, first_name } => sqlx::query(
                    "UPDATE prayer_requests
                     SET body = $3, first_name = $4, edited = TRUE, moderated_at = $5
                     WHERE gathering_id = $1 AND id = $2 AND body IS NOT NULL",
                )
                .bind(gathering_id)
                .bind(request_id)
                .bind(body.as_str())
                .bind(first_name.as_str())
                .bind(now),
            };
            Ok(query.execute(pool).await?.rows_affected() == 1)
        })
    }

    /// A phone prays for an approved request meant for everyone; once per
    /// phone. Returns whether this prayer is new, or `None` if the request is
    /// not one the room may see.
    pub async fn pray_for_request(
        &self,
        gathering_id: i64,
        request_id: i64,
        device_id: &str,
        op_id: &str,
    ) -> Result<Option<bool>, sqlx::Error> {
        with_pool!(self, |pool| {
            let inserted = sqlx::query(
                "INSERT INTO request_prayers (request_id, device_id, op_id, created_at)
                 SELECT id, $3, $4, $5 FROM prayer_requests
                 WHERE id = $2 AND gathering_id = $1
                   AND status = 'approved' AND audience = 'everyone'
                 ON CONFLICT (request_id, device_id) DO NOTHING",
            )
            .bind(gathering_id)
            .bind(request_id)
            .bind(device_id)
            .bind(op_id)
            .bind(now_ms())
            .execute(pool)
            .await?
            .rows_affected();
            if inserted == 1 {
                return Ok(Some(true));
            }
            let visible: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM prayer_requests
                 WHERE id = $2 AND gathering_id = $1
                   AND status = 'approved' AND audience = 'everyone'",
            )
            .bind(gathering_id)
            .bind(request_id)
            .fetch_optional(pool)
            .await?;
            Ok(visible.map(|_| false))
        })
    }

    /// The requests this phone prayed for, in a gathering.
    pub async fn requests_prayed_by(
        &self,
        gathering_id: i64,
        device_id: &str,
    ) -> Result<Vec<i64>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT p.request_id FROM request_prayers p
                 JOIN prayer_requests r ON r.id = p.request_id
                 WHERE r.gathering_id = $1 AND p.device_id = $2 ORDER BY p.request_id",
            )
            .bind(gathering_id)
            .bind(device_id)
            .fetch_all(pool)
            .await
        })
    }

    /// The report's figures.
    pub async fn request_figures(&self, gathering_id: i64) -> Result<RequestFigures, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT COUNT(*) AS received,
                        COUNT(CASE WHEN status = 'approved' THEN 1 END) AS approved,
                        COUNT(CASE WHEN status = 'hidden' THEN 1 END) AS hidden,
                        COUNT(CASE WHEN audience = 'team' THEN 1 END) AS team_only,
                        COUNT(CASE WHEN prayed_for THEN 1 END) AS prayed_for,
                        (SELECT COUNT(*) FROM request_prayers p
                         JOIN prayer_requests q ON q.id = p.request_id
                         WHERE q.gathering_id = $1) AS prayers
                 FROM prayer_requests WHERE gathering_id = $1",
            )
            .bind(gathering_id)
            .fetch_one(pool)
            .await?;
            Ok(RequestFigures {
                received: row.try_get("received")?,
                approved: row.try_get("approved")?,
                hidden: row.try_get("hidden")?,
                team_only: row.try_get("team_only")?,
                prayed_for: row.try_get("prayed_for")?,
                prayers: row.try_get("prayers")?,
            })
        })
    }

    /// Deletes the words (and first names) of requests older than their
    /// gathering's retention, at `now`; the rows and their counts stay.
    /// Returns how many requests lost their words.
    pub async fn forget_old_request_words(&self, now: i64) -> Result<u64, sqlx::Error> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE prayer_requests SET body = NULL, first_name = NULL
                 WHERE body IS NOT NULL
                   AND submitted_at <= $1 - $2 * (SELECT g.request_retention_days
                                                  FROM gatherings g
                                                  WHERE g.id = prayer_requests.gathering_id)",
            )
            .bind(now)
            .bind(DAY_MS)
            .execute(pool)
            .await?;
            Ok(done.rows_affected())
        })
    }

    /// The gathering's request settings: days the words are kept, and whether
    /// the phones' keep-praying page lists approved requests.
    pub async fn request_settings(&self, gathering_id: i64) -> Result<(i64, bool), sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT request_retention_days, requests_on_keep_list FROM gatherings WHERE id = $1",
            )
            .bind(gathering_id)
            .fetch_one(pool)
            .await?;
            Ok((
                row.try_get("request_retention_days")?,
                row.try_get("requests_on_keep_list")?,
            ))
        })
    }

    pub async fn set_request_settings(
        &self,
        gathering_id: i64,
        retention_days: i64,
        on_keep_list: bool,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE gatherings SET request_retention_days = $2, requests_on_keep_list = $3
                 WHERE id = $1",
            )
            .bind(gathering_id)
            .bind(retention_days)
            .bind(on_keep_list)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// A new moderator link for a gathering; returns its id.
    /// Stores a new link by its token's hash, with the account that made it
    /// (removing or disabling that account revokes it).
    pub async fn insert_moderator_link(
        &self,
        gathering_id: i64,
        token_hash: &str,
        label: &str,
        made_by: Option<i64>,
    ) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO moderator_links (gathering_id, token_hash, label, created_at, made_by)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(gathering_id)
            .bind(token_hash)
            .bind(label)
            .bind(now_ms())
            .bind(made_by)
            .fetch_one(pool)
            .await
        })
    }

    /// The link with this token hash, if it has not been revoked.
    pub async fn moderator_link(
        &self,
        token_hash: &str,
    ) -> Result<Option<ModeratorLink>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT l.id, l.gathering_id, g.code, l.label, l.created_at, l.revoked_at
                 FROM moderator_links l JOIN gatherings g ON g.id = l.gathering_id
                 WHERE l.token_hash = $1 AND l.revoked_at IS NULL",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(moderator_link!(&row)),
                None => None,
            })
        })
    }

    /// A gathering's links, newest first, revoked ones included.
    pub async fn moderator_links(
        &self,
        gathering_id: i64,
    ) -> Result<Vec<ModeratorLink>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT l.id, l.gathering_id, g.code, l.label, l.created_at, l.revoked_at
                 FROM moderator_links l JOIN gatherings g ON g.id = l.gathering_id
                 WHERE l.gathering_id = $1 ORDER BY l.id DESC",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await?;
            let mut links = Vec::with_capacity(rows.len());
            for row in &rows {
                links.push(moderator_link!(row));
            }
            Ok(links)
        })
    }

    /// Of these token hashes, the links still in use: the rest belong to
    /// helpers' sockets that must close (revoked elsewhere, perhaps from the
    /// command line by disabling the account that made them).
    pub async fn live_moderator_links(
        &self,
        token_hashes: &[String],
    ) -> Result<Vec<String>, sqlx::Error> {
        let mut valid = Vec::new();
        // One short query each keeps the SQL the same on both engines; the
        // sweep asks only for the links whose pages are open here.
        for hash in token_hashes {
            let found: Option<String> = with_pool!(self, |pool| {
                sqlx::query_scalar(
                    "SELECT token_hash FROM moderator_links
                     WHERE token_hash = $1 AND revoked_at IS NULL",
                )
                .bind(hash)
                .fetch_optional(pool)
                .await?
            });
            valid.extend(found);
        }
        Ok(valid)
    }

    /// Revokes a link; returns its token hash (to close its sockets), or
    /// `None` if the gathering has no such link still in use.
    pub async fn revoke_moderator_link(
        &self,
        gathering_id: i64,
        link_id: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "UPDATE moderator_links SET revoked_at = $3
                 WHERE gathering_id = $1 AND id = $2 AND revoked_at IS NULL
                 RETURNING token_hash",
            )
            .bind(gathering_id)
            .bind(link_id)
            .bind(now_ms())
            .fetch_optional(pool)
            .await
        })
    }
}

fn bad_value(column: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("prayer_requests.{column} holds {value:?}").into())
}
