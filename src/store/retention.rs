//! The sweep that deletes prayer requests' words once their gathering's
//! retention has passed (the rows and their counts stay, for the report).
//! It runs when the server starts and then every hour.

use super::{Store, now_ms};
use std::time::Duration;

/// Time between two sweeps.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60 * 60);

impl Store {
    /// Sweeps now and then every [`SWEEP_EVERY`], for as long as the task
    /// runs (the server aborts it when it stops). A failed sweep is logged and
    /// tried again at the next one.
    pub async fn sweep_request_words_forever(self) {
        let mut every = tokio::time::interval(SWEEP_EVERY);
        loop {
            every.tick().await;
            match self.forget_old_request_words(now_ms()).await {
                Ok(0) => {}
                Ok(forgotten) => {
                    tracing::info!(
                        requests = forgotten,
                        "request words deleted after their retention"
                    )
                }
                Err(error) => tracing::warn!(%error, "could not delete old request words"),
            }
        }
    }
}
