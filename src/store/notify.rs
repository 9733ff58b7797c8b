//! How instances sharing a PostgreSQL database tell each other what changed:
//! `NOTIFY` on one channel, with small text payloads (never whole frames:
//! a notification carries at most 8,000 bytes), and one dedicated `LISTEN`
//! connection per instance. Each instance keeps its own copy of every live
//! room it has sockets for; a notice only says which gathering to re-read.
//!
//! Notifications are not stored: those sent while a listener is disconnected
//! are lost. So after every (re)connection the listener hands out
//! [`Notice::Resync`], and the rooms read everything again. Rooms also check
//! the live row's `seq` every second (with their presence heartbeat), which
//! covers a notice lost for any other reason.
//!
//! On SQLite (one instance) nothing is sent and nobody listens.

use super::{Db, Store};
use crate::domain::revocation::{Revocation, SessionEnd};
use sqlx::postgres::PgListener;
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// The one channel every instance listens on.
pub const CHANNEL: &str = "intercede";

/// Longest wait between two attempts to reconnect the listener.
const RECONNECT_MAX: Duration = Duration::from_secs(2);

/// How long a presence row counts after its instance last wrote it (ms).
pub const PRESENCE_FRESH_MS: i64 = 5_000;

/// What one instance tells the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A gathering's live state changed; its new `seq`.
    Live { gathering: i64, seq: i64 },
    /// Taps were committed for a gathering.
    Counts { gathering: i64 },
    /// A gathering's agenda was edited on instance `from`.
    Agenda { gathering: i64, from: String },
    /// A gathering was deleted on instance `from`.
    Deleted { gathering: i64, from: String },
    /// A facilitator session (by token hash) or a moderator link ended on
    /// instance `from`, and how its sockets are told.
    Logout {
        session: String,
        from: String,
        end: SessionEnd,
    },
    /// A gathering's prayer requests changed (`prayers`: only prayers for them).
    Requests { gathering: i64, prayers: bool },
    /// The listener was (re)connected: notices may have been missed, so
    /// every room reads its state again. Never sent between instances.
    Resync,
}

impl Notice {
    /// The notification's text: a word, then numbers or names without spaces.
    pub fn payload(&self) -> String {
        match self {
            Notice::Live { gathering, seq } => format!("live {gathering} {seq}"),
            Notice::Counts { gathering } => format!("counts {gathering}"),
            Notice::Agenda { gathering, from } => format!("agenda {gathering} {from}"),
            Notice::Deleted { gathering, from } => format!("deleted {gathering} {from}"),
            Notice::Logout { session, from, end } => {
                format!("logout {session} {from} {}", end.as_str())
            }
            Notice::Requests { gathering, prayers } => {
                format!("requests {gathering} {}", u8::from(*prayers))
            }
            Notice::Resync => "resync".to_string(),
        }
    }

    /// Reads a payload; `None` for anything unknown (a newer instance's notice).
    pub fn parse(payload: &str) -> Option<Notice> {
        let mut words = payload.split(' ');
        let kind = words.next()?;
        let mut next = || words.next().map(str::to_string);
        let notice = match kind {
            "live" => Notice::Live {
                gathering: next()?.parse().ok()?,
                seq: next()?.parse().ok()?,
            },
            "counts" => Notice::Counts {
                gathering: next()?.parse().ok()?,
            },
            "agenda" => Notice::Agenda {
                gathering: next()?.parse().ok()?,
                from: next()?,
            },
            "deleted" => Notice::Deleted {
                gathering: next()?.parse().ok()?,
                from: next()?,
            },
            "logout" => Notice::Logout {
                session: next()?,
                from: next()?,
                // An instance of an earlier version names no reason.
                end: match next() {
                    Some(word) => SessionEnd::parse(&word)?,
                    None => SessionEnd::Revoked(Revocation::SignedOut),
                },
            },
            "requests" => Notice::Requests {
                gathering: next()?.parse().ok()?,
                prayers: next()? == "1",
            },
            _ => return None,
        };
        Some(notice)
    }
}

impl Store {
    /// Whether other instances may share this database (PostgreSQL).
    pub fn is_shared(&self) -> bool {
        matches!(self.db, Db::Postgres(_))
    }

    /// Tells every instance (this one included); nothing on SQLite.
    pub async fn notify(&self, notice: &Notice) -> Result<(), sqlx::Error> {
        if let Db::Postgres(pool) = &self.db {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(notice.payload())
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Listens for other instances' notices until `shutdown`, handing each to
    /// `notices`, on a connection of its own that is re-established whenever
    /// it drops (each time followed by [`Notice::Resync`]). Does nothing on SQLite.
    pub fn listen(
        &self,
        notices: mpsc::UnboundedSender<Notice>,
        mut shutdown: watch::Receiver<bool>,
    ) -> Option<tokio::task::JoinHandle<()>> {
        let Db::Postgres(pool) = &self.db else {
            return None;
        };
        let pool = pool.clone();
        Some(tokio::spawn(async move {
            let mut wait = Duration::from_millis(100);
            loop {
                let connected = async {
                    let mut listener = PgListener::connect_with(&pool).await?;
                    listener.listen(CHANNEL).await?;
                    Ok::<_, sqlx::Error>(listener)
                };
                let mut listener = tokio::select! {
                    _ = shutdown.changed() => return,
                    connected = connected => match connected {
                        Ok(listener) => listener,
                        Err(error) => {
                            tracing::warn!(%error, "cannot listen for other instances; trying again");
                            tokio::select! {
                                _ = shutdown.changed() => return,
                                _ = tokio::time::sleep(wait) => {}
                            }
                            wait = (wait * 2).min(RECONNECT_MAX);
                            continue;
                        }
                    },
                };
                wait = Duration::from_millis(100);
                // Whatever was sent while nobody listened is read again.
                if notices.send(Notice::Resync).is_err() {
                    return;
                }
                loop {
                    let received = tokio::select! {
                        _ = shutdown.changed() => return,
                        received = listener.try_recv() => received,
                    };
                    match received {
                        Ok(Some(notification)) => {
                            if let Some(notice) = Notice::parse(notification.payload())
                                && notices.send(notice).is_err()
                            {
                                return;
                            }
                        }
                        // Reconnected already: notices may have been lost meanwhile.
                        Ok(None) => {
                            if notices.send(Notice::Resync).is_err() {
                                return;
                            }
                        }
                        Err(error) => {
                            tracing::warn!(%error, "lost the connection that listens for other instances");
                            break;
                        }
                    }
                }
            }
        }))
    }

    /// Records how many phones this instance holds for a gathering, and
    /// answers how many the other instances hold (their fresh rows) and the
    /// live row's `seq`. On SQLite: no others, and `None`.
    pub async fn presence(
        &self,
        instance: &str,
        gathering_id: i64,
        phones: i64,
    ) -> Result<(i64, Option<i64>), sqlx::Error> {
        let Db::Postgres(pool) = &self.db else {
            return Ok((0, None));
        };
        // The database's clock, so instances' clocks need not agree.
        let (others, seq): (i64, Option<i64>) = sqlx::query_as(
            "WITH clock AS (SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT AS now),
             mine AS (
                INSERT INTO presence (gathering_id, instance, phones, seen_at)
                SELECT $1, $2, $3, now FROM clock
                ON CONFLICT (gathering_id, instance) DO UPDATE SET
                    phones = excluded.phones, seen_at = excluded.seen_at
             )
             SELECT
                (SELECT COALESCE(SUM(phones), 0)::BIGINT FROM presence, clock
                 WHERE gathering_id = $1 AND instance <> $2 AND seen_at > now - $4),
                (SELECT seq FROM live_state WHERE gathering_id = $1)",
        )
        .bind(gathering_id)
        .bind(instance)
        .bind(phones)
        .bind(PRESENCE_FRESH_MS)
        .fetch_one(pool)
        .await?;
        Ok((others, seq))
    }

    /// Removes this instance's presence for a gathering (its room closed).
    pub async fn leave_presence(
        &self,
        instance: &str,
        gathering_id: i64,
    ) -> Result<(), sqlx::Error> {
        if let Db::Postgres(pool) = &self.db {
            sqlx::query("DELETE FROM presence WHERE gathering_id = $1 AND instance = $2")
                .bind(gathering_id)
                .bind(instance)
                .execute(pool)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_reads_back_as_itself() {
        let notices = [
            Notice::Live {
                gathering: 7,
                seq: 42,
            },
            Notice::Counts { gathering: 7 },
            Notice::Agenda {
                gathering: 7,
                from: "a1b2".into(),
            },
            Notice::Deleted {
                gathering: 7,
                from: "a1b2".into(),
            },
            Notice::Logout {
                session: "f00d".into(),
                from: "a1b2".into(),
                end: SessionEnd::Recheck,
            },
            Notice::Logout {
                session: "moderator:f00d".into(),
                from: "a1b2".into(),
                end: SessionEnd::Revoked(Revocation::LinkRevoked),
            },
        ];
        for notice in notices {
            assert_eq!(Notice::parse(&notice.payload()), Some(notice));
        }
    }

    #[test]
    fn unknown_or_broken_payloads_are_ignored() {
        for payload in ["", "resync", "live", "live x 3", "counts", "hello 1 2"] {
            assert_eq!(Notice::parse(payload), None, "{payload}");
        }
    }
}
