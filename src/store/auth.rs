//! The facilitator's password hash and logged-in sessions.

use super::{Store, now_ms};
use sqlx::Row;

/// A logged-in browser session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub token_hash: String,
    /// Sent back in forms that change anything, to refuse cross-site requests.
    pub csrf_token: String,
    pub expires_at: i64,
}

impl Store {
    pub async fn facilitator_password_hash(&self) -> Result<Option<String>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT password_hash FROM facilitator WHERE id = 1")
                .fetch_optional(pool)
                .await
        })
    }

    /// Stores (or replaces) the facilitator's password hash.
    pub async fn set_facilitator_password_hash(&self, hash: &str) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO facilitator (id, password_hash, created_at) VALUES (1, $1, $2)
                 ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash",
            )
            .bind(hash)
            .bind(now_ms())
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    pub async fn insert_session(&self, session: &SessionRecord) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
            "INSERT INTO sessions (token_hash, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&session.token_hash)
        .bind(&session.csrf_token)
        .bind(now_ms())
        .bind(session.expires_at)
        .execute(pool)
        .await?;
            Ok(())
        })
    }

    /// The unexpired session with this token hash.
    pub async fn find_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<SessionRecord>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT token_hash, csrf_token, expires_at FROM sessions
                 WHERE token_hash = $1 AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(now_ms())
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|row| SessionRecord {
                token_hash: row.get("token_hash"),
                csrf_token: row.get("csrf_token"),
                expires_at: row.get("expires_at"),
            }))
        })
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

    /// Removes expired sessions; also revokes every session when the password changes.
    pub async fn delete_sessions(&self, all: bool) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            let cutoff = if all { i64::MAX } else { now_ms() };
            sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(cutoff)
                .execute(pool)
                .await?;
            Ok(())
        })
    }
}
