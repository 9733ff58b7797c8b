//! Logged-in browser sessions, each of one account.

use super::{Store, now_ms};
use crate::domain::Account;
use sqlx::Row;

/// A logged-in browser session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub token_hash: String,
    /// Sent back in forms that change anything, to refuse cross-site requests.
    pub csrf_token: String,
    pub expires_at: i64,
    /// Whose session it is.
    pub account: Account,
}

impl Store {
    pub async fn insert_session(&self, session: &SessionRecord) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO sessions (token_hash, csrf_token, created_at, expires_at, account_id)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&session.token_hash)
            .bind(&session.csrf_token)
            .bind(now_ms())
            .bind(session.expires_at)
            .bind(session.account.id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The unexpired session with this token hash, if its account is enabled.
    pub async fn find_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<SessionRecord>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT s.token_hash, s.csrf_token, s.expires_at, a.id, a.name, a.is_owner
                 FROM sessions s JOIN accounts a ON a.id = s.account_id
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL",
            )
            .bind(token_hash)
            .bind(now_ms())
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(SessionRecord {
                    token_hash: row.try_get("token_hash")?,
                    csrf_token: row.try_get("csrf_token")?,
                    expires_at: row.try_get("expires_at")?,
                    account: Account {
                        id: row.try_get("id")?,
                        name: row.try_get("name")?,
                        is_owner: row.try_get("is_owner")?,
                    },
                }),
                None => None,
            })
        })
    }

    /// Of these token hashes, the ones that are still a valid session: the
    /// rest belong to sockets that must close (logged out elsewhere, expired,
    /// or the account was disabled, perhaps from the command line).
    pub async fn live_sessions(&self, token_hashes: &[String]) -> Result<Vec<String>, sqlx::Error> {
        let mut valid = Vec::new();
        let now = now_ms();
        // A handful of consoles at most; one short query each keeps the SQL
        // the same on both engines.
        for hash in token_hashes {
            let found: Option<String> = with_pool!(self, |pool| {
                sqlx::query_scalar(
                    "SELECT s.token_hash FROM sessions s JOIN accounts a ON a.id = s.account_id
                     WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL",
                )
                .bind(hash)
                .bind(now)
                .fetch_optional(pool)
                .await?
            });
            valid.extend(found);
        }
        Ok(valid)
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Removes expired sessions.
    pub async fn delete_expired_sessions(&self) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now_ms())
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Ends every session of one account (its password was changed). Returns
    /// their token hashes, for closing their sockets.
    pub async fn delete_sessions_of(&self, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("DELETE FROM sessions WHERE account_id = $1 RETURNING token_hash")
                .bind(account_id)
                .fetch_all(pool)
                .await
        })
    }

    /// The token hashes of one account's sessions, for closing its sockets
    /// without signing it out (it stopped co-facilitating a gathering: its
    /// other consoles reconnect, that one is refused).
    pub async fn sessions_of(&self, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT token_hash FROM sessions WHERE account_id = $1")
                .bind(account_id)
                .fetch_all(pool)
                .await
        })
    }
}
