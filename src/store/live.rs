//! Live state of a gathering as stored: what a room needs to resume after a
//! restart (current topic, blank, counts, who has tapped), and the one
//! transaction the group-commit writer runs.

use super::notify::{self, Notice};
use super::writer::WriteOp;
use super::{Db, Engine, EnginePool, Gathering, Milestone, Store, StoredAgenda, retry_conflicts};
use crate::domain::{LiveRecord, TopicStat};
use sqlx::Row;
use std::collections::HashMap;

/// Everything a room loads when it opens.
#[derive(Debug, Clone)]
pub struct RoomSeed {
    pub agenda: StoredAgenda,
    pub live: LiveRecord,
    pub stats: Vec<TopicStat>,
    /// (topic id, device id) of every committed tap.
    pub taps: Vec<(i64, String)>,
}

/// The live row's columns, as [`live_record!`] reads them and
/// [`save_live!`] writes them.
macro_rules! live_columns {
    () => {
        "current_topic_id, blank, started_at, ended_at, topic_since, show_join, seq,
        paused_ms, requests_on, request_shown"
    };
}

/// A gathering's live row.
const SELECT_LIVE: &str = concat!(
    "SELECT ",
    live_columns!(),
    " FROM live_state WHERE gathering_id = $1"
);

/// Writes a gathering's live row, unless the stored one is newer (a higher
/// `seq`: a late write never undoes a newer state).
const SAVE_LIVE: &str = concat!(
    "INSERT INTO live_state (gathering_id, updated_at, ",
    live_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (gathering_id) DO UPDATE SET
        current_topic_id = excluded.current_topic_id,
        blank = excluded.blank,
        started_at = excluded.started_at,
        ended_at = excluded.ended_at,
        topic_since = excluded.topic_since,
        show_join = excluded.show_join,
        seq = excluded.seq,
        paused_ms = excluded.paused_ms,
        requests_on = excluded.requests_on,
        request_shown = excluded.request_shown,
        updated_at = excluded.updated_at
     WHERE live_state.seq <= excluded.seq"
);

/// Saves a [`LiveRecord`] with [`SAVE_LIVE`] on `$conn`, and the gathering's
/// status that follows from it: the one way the live state is written, by the
/// group-commit writer and by a command through the database alike.
macro_rules! save_live {
    ($conn:expr, $gathering_id:expr, $record:expr, $at:expr) => {{
        let record: &LiveRecord = $record;
        sqlx::query(SAVE_LIVE)
            .bind($gathering_id)
            .bind($at)
            .bind(record.current_topic_id)
            .bind(record.blank)
            .bind(record.started_at)
            .bind(record.ended_at)
            .bind(record.topic_since)
            .bind(record.show_join)
            .bind(record.seq)
            .bind(record.paused_ms)
            .bind(record.requests_on)
            .bind(record.request_shown)
            .execute(&mut *$conn)
            .await?;
        sqlx::query("UPDATE gatherings SET status = $1 WHERE id = $2")
            .bind(record.status())
            .bind($gathering_id)
            .execute(&mut *$conn)
            .await?;
    }};
}

/// A gathering's figures per topic.
const SELECT_STATS: &str = "SELECT topic_id, first_shown_at, shown_ms, peak_attendees
     FROM topic_stats WHERE gathering_id = $1";

/// A [`LiveRecord`] from a row of [`SELECT_LIVE`], on either engine.
macro_rules! live_record {
    ($row:expr) => {
        LiveRecord {
            current_topic_id: $row.get("current_topic_id"),
            blank: $row.get("blank"),
            started_at: $row.get("started_at"),
            ended_at: $row.get("ended_at"),
            topic_since: $row.get("topic_since"),
            show_join: $row.get("show_join"),
            seq: $row.get("seq"),
            paused_ms: $row.get("paused_ms"),
            requests_on: $row.get("requests_on"),
            request_shown: $row.get("request_shown"),
        }
    };
}

/// A [`TopicStat`] from a row of [`SELECT_STATS`], on either engine.
macro_rules! topic_stat {
    ($row:expr) => {
        TopicStat {
            topic_id: $row.get("topic_id"),
            first_shown_at: $row.get("first_shown_at"),
            shown_ms: $row.get("shown_ms"),
            peak_attendees: $row.get("peak_attendees"),
        }
    };
}

/// Inserts `$rows` (tuples, one a row) on `$conn` in statements of at most
/// [`ROWS_PER_STATEMENT`] rows: `$insert` names the table and its columns (as many
/// values a row as it lists),
/// `$bind` binds one row's values in that order. A macro so that it works on
/// every engine's connection and query types.
macro_rules! insert_rows {
    ($conn:ident, $rows:expr, $insert:expr, $conflict:expr, |$query:ident, $row:ident| $bind:expr) => {
        for chunk in $rows.chunks(ROWS_PER_STATEMENT) {
            let columns = $insert.matches(',').count() + 1;
            let sql = many_rows_sql($insert, chunk.len(), columns, $conflict);
            let mut $query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for $row in chunk {
                $query = $bind;
            }
            $query.execute(&mut *$conn).await?;
        }
    };
}

/// What a facilitator's command changes, worked out from the live state as
/// stored (see [`Store::change_live`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveChange {
    /// The new live state (its `seq` is the store's to set).
    pub live: LiveRecord,
    /// The topic left, and how long (ms) it was on screen this time.
    pub left: Option<(i64, i64)>,
    /// The topic shown, when (ms), and how many phones were there.
    pub shown: Option<(i64, i64, i64)>,
    /// Whether it started, ended or reopened the gathering, for its history.
    pub milestone: Option<Milestone>,
}

impl Store {
    /// Loads a gathering's agenda and everything stored about its live run.
    pub async fn load_room_seed(&self, gathering: &Gathering) -> Result<RoomSeed, sqlx::Error> {
        with_pool!(self, |pool| {
            let agenda = self.load_agenda(gathering).await?;
            let live = sqlx::query(SELECT_LIVE)
                .bind(gathering.id)
                .fetch_optional(pool)
                .await?
                .map(|row| live_record!(row))
                .unwrap_or_default();
            let stats = sqlx::query(SELECT_STATS)
                .bind(gathering.id)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|row| topic_stat!(row))
                .collect();
            let taps = sqlx::query("SELECT topic_id, device_id FROM taps WHERE gathering_id = $1")
                .bind(gathering.id)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|row| (row.get("topic_id"), row.get("device_id")))
                .collect();
            Ok(RoomSeed {
                agenda,
                live,
                stats,
                taps,
            })
        })
    }

    /// Committed taps for one topic (what the database says, for reports and tests).
    pub async fn count_taps(&self, gathering_id: i64, topic_id: i64) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM taps WHERE gathering_id = $1 AND topic_id = $2",
            )
            .bind(gathering_id)
            .bind(topic_id)
            .fetch_one(pool)
            .await
        })
    }

    /// Committed taps over every topic of a gathering.
    pub async fn count_all_taps(&self, gathering_id: i64) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM taps WHERE gathering_id = $1")
                .bind(gathering_id)
                .fetch_one(pool)
                .await
        })
    }

    /// Whether this device's tap for this topic is committed.
    pub async fn has_tap(
        &self,
        gathering_id: i64,
        topic_id: i64,
        device_id: &str,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let found: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM taps
                 WHERE gathering_id = $1 AND topic_id = $2 AND device_id = $3",
            )
            .bind(gathering_id)
            .bind(topic_id)
            .bind(device_id)
            .fetch_one(pool)
            .await?;
            Ok(found > 0)
        })
    }
}

impl Store {
    /// The live state and figures as stored now (what another instance changed).
    pub async fn read_live(
        &self,
        gathering_id: i64,
    ) -> Result<(LiveRecord, Vec<TopicStat>), sqlx::Error> {
        with_pool!(self, |pool| {
            let live = sqlx::query(SELECT_LIVE)
                .bind(gathering_id)
                .fetch_optional(pool)
                .await?
                .map(|row| live_record!(row))
                .unwrap_or_default();
            let stats = sqlx::query(SELECT_STATS)
                .bind(gathering_id)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|row| topic_stat!(row))
                .collect();
            Ok((live, stats))
        })
    }

    /// Committed taps per topic of a gathering, from every instance.
    pub async fn tap_counts(&self, gathering_id: i64) -> Result<HashMap<i64, i64>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT topic_id, COUNT(*) AS taps FROM taps
                 WHERE gathering_id = $1 GROUP BY topic_id",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await?;
            Ok(rows
                .iter()
                .map(|row| (row.get("topic_id"), row.get("taps")))
                .collect())
        })
    }

    /// Runs a facilitator's command against the live state as stored, for
    /// instances sharing a PostgreSQL database: one transaction locks the
    /// gathering's live row, `change` works out the new state from it (or
    /// refuses, or finds nothing to do), the topics' figures and the row are
    /// written with `seq` counted up, and every instance is notified. Two
    /// consoles on two instances are thereby put in one order by the database.
    ///
    /// Answers the new state, the gathering's figures and the command's
    /// milestone, `None` when nothing changed, or `change`'s refusal.
    pub async fn change_live<E>(
        &self,
        gathering_id: i64,
        now: i64,
        change: impl Fn(&LiveRecord) -> Result<Option<LiveChange>, E>,
    ) -> Result<Result<Option<(LiveRecord, Vec<TopicStat>, Option<Milestone>)>, E>, sqlx::Error>
    {
        let Db::Postgres(pool) = &self.db else {
            return Err(sqlx::Error::Configuration(
                "live changes through the database need PostgreSQL".into(),
            ));
        };
        retry_conflicts(|| async {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO live_state (gathering_id, updated_at) VALUES ($1, $2)
                 ON CONFLICT (gathering_id) DO NOTHING",
            )
            .bind(gathering_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let row = sqlx::query(concat!(
                "SELECT ",
                live_columns!(),
                " FROM live_state WHERE gathering_id = $1 FOR UPDATE"
            ))
            .bind(gathering_id)
            .fetch_one(&mut *tx)
            .await?;
            let stored = live_record!(row);
            let change = match change(&stored) {
                Ok(Some(change)) => change,
                Ok(None) => return Ok(Ok(None)),
                Err(refused) => return Ok(Err(refused)),
            };
            if let Some((topic, shown_ms)) = change.left {
                sqlx::query(
                    "INSERT INTO topic_stats (gathering_id, topic_id, shown_ms) VALUES ($1, $2, $3)
                     ON CONFLICT (gathering_id, topic_id) DO UPDATE SET
                        shown_ms = topic_stats.shown_ms + excluded.shown_ms",
                )
                .bind(gathering_id)
                .bind(topic)
                .bind(shown_ms)
                .execute(&mut *tx)
                .await?;
            }
            if let Some((topic, at, here)) = change.shown {
                sqlx::query(
                    "INSERT INTO topic_stats (gathering_id, topic_id, first_shown_at, peak_attendees)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (gathering_id, topic_id) DO UPDATE SET
                        first_shown_at = COALESCE(topic_stats.first_shown_at, excluded.first_shown_at),
                        peak_attendees = GREATEST(topic_stats.peak_attendees, excluded.peak_attendees)",
                )
                .bind(gathering_id)
                .bind(topic)
                .bind(at)
                .bind(here)
                .execute(&mut *tx)
                .await?;
            }
            // The row is locked: the next `seq` is this one's.
            let live = LiveRecord {
                seq: stored.seq + 1,
                ..change.live
            };
            let milestone = change.milestone;
            save_live!(tx, gathering_id, &live, now);
            let seq = live.seq;
            let notice = Notice::Live {
                gathering: gathering_id,
                seq,
            };
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(notify::CHANNEL)
                .bind(notice.payload())
                .execute(&mut *tx)
                .await?;
            let stats = sqlx::query(SELECT_STATS)
                .bind(gathering_id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| topic_stat!(row))
                .collect();
            tx.commit().await?;
            Ok(Ok(Some((live, stats, milestone))))
        })
        .await
    }
}

impl Store {
    /// Writes the jobs' statements in one transaction and commits it: the
    /// group-commit writer's one way into the database. On any failure the
    /// connection is closed rather than returned to the pool, so a transaction
    /// left open by a failed `COMMIT` (SQLite keeps it open after "database or
    /// disk is full") cannot poison the next attempt.
    pub(super) async fn commit_batch(&self, ops: &[&WriteOp], at: i64) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            let mut conn = pool.acquire().await?;
            let begin = begin_write_sql(pool);
            let result = async {
                sqlx::query(begin).execute(&mut *conn).await?;
                // Taps and attendances go in many rows to a statement: one
                // round trip per chunk rather than per row (the rest are few).
                let taps: Vec<_> = ops
                    .iter()
                    .filter_map(|op| match op {
                        WriteOp::Tap {
                            gathering_id,
                            topic_id,
                            device_id,
                            op_id,
                            at,
                        } => Some((*gathering_id, *topic_id, &**device_id, op_id.as_str(), *at)),
                        _ => None,
                    })
                    .collect();
                insert_rows!(
                    conn,
                    taps,
                    "INSERT INTO taps (gathering_id, topic_id, device_id, op_id, created_at)",
                    "ON CONFLICT (gathering_id, topic_id, device_id) DO NOTHING",
                    |insert, tap| insert
                        .bind(tap.0)
                        .bind(tap.1)
                        .bind(tap.2)
                        .bind(tap.3)
                        .bind(tap.4)
                );
                let arrivals: Vec<_> = ops
                    .iter()
                    .filter_map(|op| match op {
                        WriteOp::Attendance {
                            gathering_id,
                            device_id,
                            at,
                        } => Some((*gathering_id, &**device_id, *at)),
                        _ => None,
                    })
                    .collect();
                insert_rows!(
                    conn,
                    arrivals,
                    "INSERT INTO attendances (gathering_id, device_id, first_seen_at)",
                    "ON CONFLICT (gathering_id, device_id) DO NOTHING",
                    |insert, arrival| insert.bind(arrival.0).bind(arrival.1).bind(arrival.2)
                );
                for op in ops {
                    match op {
                        WriteOp::Tap { .. } | WriteOp::Attendance { .. } => {}
                        WriteOp::LiveState {
                            gathering_id,
                            record,
                        } => {
                            save_live!(conn, *gathering_id, record, at);
                        }
                        WriteOp::TopicStat { gathering_id, stat } => {
                            sqlx::query(save_topic_stat_sql(pool.engine()))
                                .bind(*gathering_id)
                                .bind(stat.topic_id)
                                .bind(stat.first_shown_at)
                                .bind(stat.shown_ms)
                                .bind(stat.peak_attendees)
                                .execute(&mut *conn)
                                .await?;
                        }
                    }
                }
                if pool.engine() == Engine::Postgres {
                    // Other instances re-read the counts of these gatherings.
                    for gathering in tapped_gatherings(ops) {
                        sqlx::query("SELECT pg_notify($1, $2)")
                            .bind(notify::CHANNEL)
                            .bind(Notice::Counts { gathering }.payload())
                            .execute(&mut *conn)
                            .await?;
                    }
                }
                sqlx::query("COMMIT").execute(&mut *conn).await?;
                Ok::<(), sqlx::Error>(())
            }
            .await;
            if result.is_err() {
                // Whatever state the failed transaction left the connection in,
                // it is not reused: closing it rolls back anything still open.
                conn.close_on_drop();
                let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            }
            result
        })
    }
}

/// Rows inserted by one statement: at most 5 values each, well under every
/// engine's limit on bound values.
const ROWS_PER_STATEMENT: usize = 200;

/// `{insert} VALUES ($1, ..), (..) {conflict}` for `rows` rows of `columns`
/// values; built from numbers and the caller's fixed text only.
fn many_rows_sql(insert: &str, rows: usize, columns: usize, conflict: &str) -> String {
    let mut sql = format!("{insert} VALUES ");
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        let values: Vec<String> = (1..=columns)
            .map(|column| format!("${}", row * columns + column))
            .collect();
        sql.push_str(&format!("({})", values.join(", ")));
    }
    sql.push(' ');
    sql.push_str(conflict);
    sql
}

/// The gatherings a batch writes taps for, each once.
fn tapped_gatherings(ops: &[&WriteOp]) -> std::collections::BTreeSet<i64> {
    ops.iter()
        .filter_map(|op| match op {
            WriteOp::Tap { gathering_id, .. } => Some(*gathering_id),
            _ => None,
        })
        .collect()
}

/// The statement that opens the writer's transaction on this pool's engine.
fn begin_write_sql<P: EnginePool>(_pool: &P) -> &'static str {
    P::BEGIN_WRITE
}

/// Upserts a topic's figures: the first time shown is kept, the time shown and
/// the peak only grow, so a figure written late (or by an instance that has
/// not yet heard of a newer one) never takes one back (SQLite's two-argument
/// `MAX` is PostgreSQL's `GREATEST`).
fn save_topic_stat_sql(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            "INSERT INTO topic_stats (gathering_id, topic_id, first_shown_at, shown_ms, peak_attendees)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (gathering_id, topic_id) DO UPDATE SET
                first_shown_at = COALESCE(topic_stats.first_shown_at, excluded.first_shown_at),
                shown_ms = MAX(topic_stats.shown_ms, excluded.shown_ms),
                peak_attendees = MAX(topic_stats.peak_attendees, excluded.peak_attendees)"
        }
        Engine::Postgres => {
            "INSERT INTO topic_stats (gathering_id, topic_id, first_shown_at, shown_ms, peak_attendees)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (gathering_id, topic_id) DO UPDATE SET
                first_shown_at = COALESCE(topic_stats.first_shown_at, excluded.first_shown_at),
                shown_ms = GREATEST(topic_stats.shown_ms, excluded.shown_ms),
                peak_attendees = GREATEST(topic_stats.peak_attendees, excluded.peak_attendees)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_rows_number_their_values_in_order() {
        assert_eq!(
            many_rows_sql("INSERT INTO t (a, b)", 2, 2, "ON CONFLICT DO NOTHING"),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
        );
    }
}
