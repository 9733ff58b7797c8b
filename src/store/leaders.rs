//! Who may lead a gathering: the account that made it, its co-facilitators,
//! and the server's owner.

use super::{EnginePool, Store, now_ms};
use crate::domain::Account;
use sqlx::Row;

/// What an account is to one gathering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The server's owner: every gathering, as if it were theirs.
    ServerOwner,
    /// It made the gathering (or was given it).
    Owner,
    /// Shared with it: leads and edits, but does not delete or share further.
    CoFacilitator,
    /// Another facilitator's gathering.
    None,
}

impl Access {
    /// May open its console, lead it live, edit, export and report on it,
    /// and moderate its prayer requests.
    pub fn may_lead(self) -> bool {
        self != Access::None
    }

    /// May delete it and choose who shares it.
    pub fn may_manage(self) -> bool {
        matches!(self, Access::ServerOwner | Access::Owner)
    }
}

impl Store {
    /// What `account` is to the gathering with this id. A gathering with no
    /// owner (made before accounts, or from the command line) is the server
    /// owner's.
    pub async fn access(
        &self,
        account: &Account,
        gathering_id: i64,
    ) -> Result<Access, sqlx::Error> {
        if account.is_owner {
            return Ok(Access::ServerOwner);
        }
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT g.owner_id,
                        EXISTS (SELECT 1 FROM co_facilitators c
                                WHERE c.gathering_id = g.id AND c.account_id = $2) AS shared
                 FROM gatherings g WHERE g.id = $1",
            )
            .bind(gathering_id)
            .bind(account.id)
            .fetch_optional(pool)
            .await?;
            let Some(row) = row else {
                return Ok(Access::None);
            };
            let owner: Option<i64> = row.try_get("owner_id")?;
            let shared: bool = row.try_get("shared")?;
            Ok(if owner == Some(account.id) {
                Access::Owner
            } else if shared {
                Access::CoFacilitator
            } else {
                Access::None
            })
        })
    }

    /// Gives a gathering to an account (`None`: to the server's owner).
    pub async fn set_gathering_owner(
        &self,
        gathering_id: i64,
        owner: Option<i64>,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE gatherings SET owner_id = $2 WHERE id = $1")
                .bind(gathering_id)
                .bind(owner)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// The name of the account a gathering belongs to (`None`: the owner's by default).
    pub async fn gathering_owner(&self, gathering_id: i64) -> Result<Option<Account>, sqlx::Error> {
        with_pool!(self, |pool| {
            let row = sqlx::query(
                "SELECT a.id, a.name, a.is_owner FROM gatherings g
                 JOIN accounts a ON a.id = COALESCE(g.owner_id,
                     (SELECT o.id FROM accounts o WHERE o.is_owner))
                 WHERE g.id = $1",
            )
            .bind(gathering_id)
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some(row) => Some(Account {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    is_owner: row.try_get("is_owner")?,
                }),
                None => None,
            })
        })
    }

    /// A gathering's co-facilitators, by name.
    pub async fn co_facilitators(&self, gathering_id: i64) -> Result<Vec<Account>, sqlx::Error> {
        with_pool!(self, |pool| {
            let rows = sqlx::query(
                "SELECT a.id, a.name, a.is_owner FROM co_facilitators c
                 JOIN accounts a ON a.id = c.account_id
                 WHERE c.gathering_id = $1 ORDER BY a.name_key",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await?;
            let mut accounts = Vec::with_capacity(rows.len());
            for row in rows {
                accounts.push(Account {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    is_owner: row.try_get("is_owner")?,
                });
            }
            Ok(accounts)
        })
    }

    /// Shares a gathering with an account. False if it already was.
    pub async fn add_co_facilitator(
        &self,
        gathering_id: i64,
        account_id: i64,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(sqlx::query(
                "INSERT INTO co_facilitators (gathering_id, account_id, added_at) VALUES ($1, $2, $3)
                 ON CONFLICT (gathering_id, account_id) DO NOTHING",
            )
            .bind(gathering_id)
            .bind(account_id)
            .bind(now_ms())
            .execute(pool)
            .await?
            .rows_affected()
                == 1)
        })
    }

    /// Stops sharing a gathering with an account, and revokes the moderator
    /// links that account made for it, in one transaction. Returns the
    /// revoked links' token hashes (to close their pages), or `None` if the
    /// gathering was not shared with the account.
    pub async fn remove_co_facilitator(
        &self,
        gathering_id: i64,
        account_id: i64,
    ) -> Result<Option<Vec<String>>, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let removed = sqlx::query(
                "DELETE FROM co_facilitators WHERE gathering_id = $1 AND account_id = $2",
            )
            .bind(gathering_id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if removed == 0 {
                return Ok(None);
            }
            let links: Vec<String> = sqlx::query_scalar(
                "UPDATE moderator_links SET revoked_at = $3
                 WHERE gathering_id = $1 AND made_by = $2 AND revoked_at IS NULL
                 RETURNING token_hash",
            )
            .bind(gathering_id)
            .bind(account_id)
            .bind(now_ms())
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some(links))
        })
    }
}
