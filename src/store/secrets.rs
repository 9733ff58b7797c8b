//! Secrets the server makes once and keeps: random keys that must survive a
//! restart (a phone's signed identity stays valid), never leave the database,
//! and are never logged.

use super::Store;

impl Store {
    /// The secret called `name`: 32 random bytes made the first time anyone
    /// asks, the same bytes ever after.
    pub async fn server_secret(&self, name: &str) -> Result<Vec<u8>, sqlx::Error> {
        let fresh: [u8; 32] = rand::random();
        // Two first callers race harmlessly: the first insert wins, both read it.
        let (value,): (Vec<u8>,) = with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO server_secrets (name, value) VALUES ($1, $2)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(name)
            .bind(&fresh[..])
            .execute(pool)
            .await?;
            sqlx::query_as("SELECT value FROM server_secrets WHERE name = $1")
                .bind(name)
                .fetch_one(pool)
                .await?
        });
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[tokio::test]
    async fn a_secret_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secrets.db");
        let store = Store::open_sqlite(&path).await.unwrap();
        let first = store.server_secret("device").await.unwrap();
        assert_eq!(first.len(), 32);
        assert_eq!(store.server_secret("device").await.unwrap(), first);
        assert_ne!(store.server_secret("other").await.unwrap(), first);
        store.close().await;
        let reopened = Store::open_sqlite(&path).await.unwrap();
        assert_eq!(reopened.server_secret("device").await.unwrap(), first);
    }
}
