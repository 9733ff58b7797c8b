//! The time zone each gathering meets in (an IANA name; empty while unset).

use super::Store;

impl Store {
    /// The gathering's time zone name, or "" while none is set.
    pub async fn gathering_time_zone(&self, gathering_id: i64) -> Result<String, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(
                sqlx::query_scalar("SELECT time_zone FROM gatherings WHERE id = $1")
                    .bind(gathering_id)
                    .fetch_optional(pool)
                    .await?
                    .unwrap_or_default(),
            )
        })
    }

    /// Sets the gathering's time zone (a name the caller has checked).
    pub async fn set_gathering_time_zone(
        &self,
        gathering_id: i64,
        name: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE gatherings SET time_zone = $1 WHERE id = $2")
                .bind(name)
                .bind(gathering_id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Sets the time zone only if none is set yet (the facilitator's browser
    /// offers its own the first time a gathering is opened); true if it did.
    pub async fn default_gathering_time_zone(
        &self,
        gathering_id: i64,
        name: &str,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE gatherings SET time_zone = $1 WHERE id = $2 AND time_zone = ''",
            )
            .bind(name)
            .bind(gathering_id)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}
