//! Facilitator accounts and the one-time invitation links that make them or
//! give them a new password. Only argon2 hashes of passwords and hashes of
//! invitation tokens are stored.

use super::{EnginePool, Store, now_ms};
use crate::domain::Account;
use crate::domain::account_name::{AccountName, look_alike_key};
use sqlx::Row;

/// What disabling an account ended: its sessions and the moderator links it
/// made, by token hash, for closing their sockets.
#[derive(Debug, Clone, Default)]
pub struct AccessEnded {
    pub sessions: Vec<String>,
    pub moderator_links: Vec<String>,
}

/// An account as the owner's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedAccount {
    pub account: Account,
    pub disabled: bool,
    /// False until its invitation is accepted.
    pub has_password: bool,
    pub created_at: i64,
    /// Gatherings it owns (the owner's include those of no account).
    pub gatherings: i64,
    /// Gatherings shared with it by their owners.
    pub co_leads: i64,
}

/// An account's stored password hash, for signing in.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub account: Account,
    pub password_hash: String,
}

/// An invitation that can still be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// `None`: it makes a new account. `Some`: it sets this account's password.
    pub account: Option<Account>,
    pub expires_at: i64,
}

/// Why an invitation could not be accepted.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    /// Used, expired, never made, or its account is disabled.
    #[error("the invitation is not valid")]
    Gone,
    /// Another account has this name.
    #[error("the name is taken")]
    NameTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The lower-case form two names are compared by.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// An [`Account`] from a row with `id`, `name` and `is_owner`, on either engine.
macro_rules! account_from {
    ($row:expr) => {{
        let row = $row;
        Account {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            is_owner: row.try_get("is_owner")?,
        }
    }};
}

impl Store {
    /// The owner's account and password hash, if there is an owner yet.
    pub async fn owner_credentials(&self) -> Result<Option<Credentials>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT id, name, is_owner, password_hash FROM accounts
                 WHERE is_owner AND password_hash IS NOT NULL",
            )
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(Credentials {
                    account: account_from!(&row),
                    password_hash: row.try_get("password_hash")?,
                }),
                None => None,
            })
        })
    }

    /// Makes the owner's account, or gives the owner this name and password
    /// hash if there is one. Returns the owner.
    pub async fn set_owner(&self, name: &str, password_hash: &str) -> Result<Account, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let existing: Option<i64> =
                sqlx::query_scalar("SELECT id FROM accounts WHERE is_owner")
                    .fetch_optional(&mut *tx)
                    .await?;
            let row =
                match existing {
                    Some(id) => {
                        sqlx::query(
                            "UPDATE accounts SET password_hash = $2, disabled_at = NULL
                         WHERE id = $1 RETURNING id, name, is_owner",
                        )
                        .bind(id)
                        .bind(password_hash)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                    None => sqlx::query(
                        "INSERT INTO accounts (name, name_key, password_hash, is_owner, created_at)
                         VALUES ($1, $2, $3, TRUE, $4) RETURNING id, name, is_owner",
                    )
                    .bind(name.trim())
                    .bind(name_key(name))
                    .bind(password_hash)
                    .bind(now_ms())
                    .fetch_one(&mut *tx)
                    .await?,
                };
            tx.commit().await?;
            Ok(account_from!(&row))
        })
    }

    /// The enabled account with this name (any case) and its password hash.
    pub async fn credentials(&self, name: &str) -> Result<Option<Credentials>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT id, name, is_owner, password_hash FROM accounts
                 WHERE name_key = $1 AND disabled_at IS NULL AND password_hash IS NOT NULL",
            )
            .bind(name_key(name))
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(Credentials {
                    account: account_from!(&row),
                    password_hash: row.try_get("password_hash")?,
                }),
                None => None,
            })
        })
    }

    /// The account with this name (any case), enabled or not.
    pub async fn account_named(&self, name: &str) -> Result<Option<ListedAccount>, sqlx::Error> {
        Ok(self
            .accounts()
            .await?
            .into_iter()
            .find(|listed| name_key(&listed.account.name) == name_key(name)))
    }

    /// Every account, the owner first, then by name.
    pub async fn accounts(&self) -> Result<Vec<ListedAccount>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT a.id, a.name, a.is_owner, a.created_at,
                        a.disabled_at IS NOT NULL AS disabled,
                        a.password_hash IS NOT NULL AS has_password,
                        (SELECT COUNT(*) FROM gatherings g
                         WHERE g.owner_id = a.id OR (a.is_owner AND g.owner_id IS NULL))
                            AS gatherings,
                        (SELECT COUNT(*) FROM co_facilitators c WHERE c.account_id = a.id)
                            AS co_leads
                 FROM accounts a
                 ORDER BY a.is_owner DESC, a.name_key",
            )
            .fetch_all(pool)
            .await?;
            let mut listed = Vec::with_capacity(rows.len());
            for row in &rows {
                listed.push(ListedAccount {
                    account: account_from!(row),
                    disabled: row.try_get("disabled")?,
                    has_password: row.try_get("has_password")?,
                    created_at: row.try_get("created_at")?,
                    gatherings: row.try_get("gatherings")?,
                    co_leads: row.try_get("co_leads")?,
                });
            }
            Ok(listed)
        })
    }

    /// The account with this id, if it is enabled.
    pub async fn enabled_account(&self, id: i64) -> Result<Option<Account>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT id, name, is_owner FROM accounts WHERE id = $1 AND disabled_at IS NULL",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(account_from!(&row)),
                None => None,
            })
        })
    }

    /// Whether an account already has this name, or one that reads like it
    /// (see [`crate::domain::account_name`]). Accounts are few (a church's
    /// facilitators), so every name is compared here rather than in SQL.
    pub async fn name_looks_taken(&self, name: &AccountName) -> Result<bool, sqlx::Error> {
        let names: Vec<String> = with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT name FROM accounts")
                .fetch_all(pool)
                .await?
        });
        let key = name.look_alike_key();
        Ok(names.iter().any(|taken| look_alike_key(taken) == key))
    }

    /// Disables an account (never the owner's), deletes its sessions and
    /// revokes the moderator links it made, in one transaction. Returns what
    /// ended, for closing their sockets; `None` if there is no such account
    /// or it is the owner's.
    pub async fn disable_account(&self, id: i64) -> Result<Option<AccessEnded>, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query(
                "UPDATE accounts SET disabled_at = COALESCE(disabled_at, $2)
                 WHERE id = $1 AND NOT is_owner",
            )
            .bind(id)
            .bind(now_ms())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(None);
            }
            let sessions: Vec<String> = sqlx::query_scalar(
                "DELETE FROM sessions WHERE account_id = $1 RETURNING token_hash",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            // Its unused links stop working too.
            sqlx::query("DELETE FROM invitations WHERE account_id = $1 AND used_at IS NULL")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            // And so do the moderator links it handed out: a helper it chose
            // must not keep reading team-only requests after it is gone.
            let moderator_links: Vec<String> = sqlx::query_scalar(
                "UPDATE moderator_links SET revoked_at = $2
                 WHERE made_by = $1 AND revoked_at IS NULL RETURNING token_hash",
            )
            .bind(id)
            .bind(now_ms())
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some(AccessEnded {
                sessions,
                moderator_links,
            }))
        })
    }

    /// Enables a disabled account again. False if there is no such account.
    pub async fn enable_account(&self, id: i64) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(
                sqlx::query("UPDATE accounts SET disabled_at = NULL WHERE id = $1")
                    .bind(id)
                    .execute(pool)
                    .await?
                    .rows_affected()
                    == 1,
            )
        })
    }

    /// Stores an invitation by its token's hash: for a new account
    /// (`account_id` `None`) or a new password for an account.
    pub async fn insert_invitation(
        &self,
        token_hash: &str,
        account_id: Option<i64>,
        created_by: Option<i64>,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO invitations (token_hash, account_id, created_by, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(account_id)
            .bind(created_by)
            .bind(now_ms())
            .bind(expires_at)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The invitations that can still be used, soonest to expire first: for
    /// which account (`None`: a new one) and until when. For the owner's
    /// list; the tokens themselves are not stored.
    pub async fn open_invitations(&self) -> Result<Vec<(Option<i64>, i64)>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT account_id, expires_at FROM invitations
                 WHERE used_at IS NULL AND expires_at > $1
                 ORDER BY expires_at",
            )
            .bind(now_ms())
            .fetch_all(pool)
            .await?;
            let mut open = Vec::with_capacity(rows.len());
            for row in &rows {
                open.push((row.try_get("account_id")?, row.try_get("expires_at")?));
            }
            Ok(open)
        })
    }

    /// The invitation with this token hash, if it can still be used.
    pub async fn invitation(&self, token_hash: &str) -> Result<Option<Invitation>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT i.expires_at, i.account_id, a.name, a.is_owner, a.disabled_at
                 FROM invitations i LEFT JOIN accounts a ON a.id = i.account_id
                 WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2",
            )
            .bind(token_hash)
            .bind(now_ms())
            .fetch_optional(pool)
            .await?;
            let Some(row) = row else { return Ok(None) };
            let account_id: Option<i64> = row.get("account_id");
            let disabled: Option<i64> = row.get("disabled_at");
            if account_id.is_some() && disabled.is_some() {
                return Ok(None);
            }
            Ok(Some(Invitation {
                account: account_id.map(|id| Account {
                    id,
                    name: row.get("name"),
                    is_owner: row.get("is_owner"),
                }),
                expires_at: row.get("expires_at"),
            }))
        })
    }

    /// Uses an invitation once: makes the new account named `name`, or sets
    /// the invited account's password (ending its sessions, whose token hashes
    /// are returned for closing their sockets). Nothing changes on an error,
    /// and the invitation can then be tried again.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<(Account, Vec<String>), AcceptError> {
        let now = now_ms();
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // Marking it used first makes two simultaneous uses one.
            let row = sqlx::query(
                "UPDATE invitations SET used_at = $2
                 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
                 RETURNING account_id",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else {
                return Err(AcceptError::Gone);
            };
            let account_id: Option<i64> = row.get("account_id");
            let (account, ended) = match account_id {
                Some(id) => {
                    let row = sqlx::query(
                        "UPDATE accounts SET password_hash = $2
                         WHERE id = $1 AND disabled_at IS NULL RETURNING id, name, is_owner",
                    )
                    .bind(id)
                    .bind(password_hash)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        return Err(AcceptError::Gone);
                    };
                    let ended: Vec<String> = sqlx::query_scalar(
                        "DELETE FROM sessions WHERE account_id = $1 RETURNING token_hash",
                    )
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
                    (account_from!(&row), ended)
                }
                None => {
                    let row = sqlx::query(
                        "INSERT INTO accounts (name, name_key, password_hash, is_owner, created_at)
                         VALUES ($1, $2, $3, FALSE, $4)
                         ON CONFLICT (name_key) DO NOTHING
                         RETURNING id, name, is_owner",
                    )
                    .bind(name.trim())
                    .bind(name_key(name))
                    .bind(password_hash)
                    .bind(now)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        return Err(AcceptError::NameTaken);
                    };
                    (account_from!(&row), Vec::new())
                }
            };
            tx.commit().await?;
            Ok((account, ended))
        })
    }
}
