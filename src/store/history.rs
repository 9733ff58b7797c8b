//! A gathering's history: which account started, ended, reopened or edited
//! it, and when.

use super::{EnginePool, LiveRecord, Store, now_ms};
use crate::domain::Account;
use sqlx::Row;

/// What an account did to a gathering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Started,
    Ended,
    Reopened,
    Edited,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Started => "started",
            Action::Ended => "ended",
            Action::Reopened => "reopened",
            Action::Edited => "edited",
        }
    }

    fn parse(text: &str) -> Option<Action> {
        [
            Action::Started,
            Action::Ended,
            Action::Reopened,
            Action::Edited,
        ]
        .into_iter()
        .find(|action| action.as_str() == text)
    }
}

/// What a facilitator's command did to the gathering as a whole: the lines
/// of its history a command can add (edits come from the agenda editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// The first topic was shown.
    Started,
    Ended,
    Reopened,
}

impl Milestone {
    /// The milestone between two live states, if any: the end or a reopen
    /// before the start, as an End on a gathering never started both starts
    /// and ends it and is remembered as its end.
    pub fn between(before: &LiveRecord, after: &LiveRecord) -> Option<Milestone> {
        match (before.ended_at, after.ended_at) {
            (None, Some(_)) => Some(Milestone::Ended),
            (Some(_), None) => Some(Milestone::Reopened),
            _ if before.started_at.is_none() && after.started_at.is_some() => {
                Some(Milestone::Started)
            }
            _ => None,
        }
    }

    pub fn action(self) -> Action {
        match self {
            Milestone::Started => Action::Started,
            Milestone::Ended => Action::Ended,
            Milestone::Reopened => Action::Reopened,
        }
    }
}

/// One line of a gathering's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The account's name at the time.
    pub who: String,
    pub action: Action,
    /// Milliseconds since the epoch; for edits, the last of a run of edits.
    pub at: i64,
}

/// Edits by one account within this long of its last edit are one line.
const EDITS_RUN_MS: i64 = 10 * 60 * 1000;

impl Store {
    /// Notes that `account` did `action` to a gathering now. A run of edits
    /// by one account makes one line, dated by its last edit.
    pub async fn record_history(
        &self,
        gathering_id: i64,
        account: &Account,
        action: Action,
    ) -> Result<(), sqlx::Error> {
        let now = now_ms();
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            if action == Action::Edited {
                let last = sqlx::query(
                    "SELECT id, account_id, action, at FROM gathering_history
                     WHERE gathering_id = $1 ORDER BY id DESC LIMIT 1",
                )
                .bind(gathering_id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(last) = last {
                    let same_account: Option<i64> = last.try_get("account_id")?;
                    let last_action: String = last.try_get("action")?;
                    let at: i64 = last.try_get("at")?;
                    if same_account == Some(account.id)
                        && last_action == Action::Edited.as_str()
                        && now - at < EDITS_RUN_MS
                    {
                        let id: i64 = last.try_get("id")?;
                        sqlx::query("UPDATE gathering_history SET at = $2 WHERE id = $1")
                            .bind(id)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        tx.commit().await?;
                        return Ok(());
                    }
                }
            }
            sqlx::query(
                "INSERT INTO gathering_history (gathering_id, account_id, account_name, action, at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(gathering_id)
            .bind(account.id)
            .bind(&account.name)
            .bind(action.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// A gathering's history, oldest first.
    pub async fn history(&self, gathering_id: i64) -> Result<Vec<HistoryEntry>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT account_name, action, at FROM gathering_history
                 WHERE gathering_id = $1 ORDER BY id",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await?;
            let mut entries = Vec::with_capacity(rows.len());
            for row in rows {
                let action: String = row.try_get("action")?;
                let Some(action) = Action::parse(&action) else {
                    continue;
                };
                entries.push(HistoryEntry {
                    who: row.try_get("account_name")?,
                    action,
                    at: row.try_get("at")?,
                });
            }
            Ok(entries)
        })
    }
}
