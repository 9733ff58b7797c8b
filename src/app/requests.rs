//! Prayer requests: shared from a phone, prayed for, moderated from the
//! console or a helper's page, and the gathering's rules for them. Each
//! change reaches the rooms on every instance, which send the request lists
//! out again.

use super::App;
use crate::domain::prayer_request::NewRequest;
use crate::error::AppResult;
use crate::store::{Gathering, Moderation, Submitted, now_ms};

impl App {
    /// A request from a phone (`op` makes a retry count once): stored, and
    /// committed, before the answer, and the moderators told. Its words
    /// never reach the log.
    pub async fn submit_request(
        &self,
        gathering_id: i64,
        device: &str,
        op: &str,
        request: &NewRequest,
    ) -> AppResult<Submitted> {
        let submitted = self
            .store
            .submit_request(gathering_id, device, op, request, now_ms())
            .await?;
        if let Submitted::Stored { id, new: true } = submitted {
            tracing::info!(
                gathering = gathering_id,
                request = id,
                "prayer request received"
            );
            self.hub.requests_changed(gathering_id, false).await;
        }
        Ok(submitted)
    }

    /// A phone prays for an approved request, once per phone: whether it
    /// counted (`None`: no such request is shown in this gathering).
    pub async fn pray_for_request(
        &self,
        gathering_id: i64,
        request: i64,
        device: &str,
        op: &str,
    ) -> AppResult<Option<bool>> {
        let counted = self
            .store
            .pray_for_request(gathering_id, request, device, op)
            .await?;
        if counted == Some(true) {
            self.hub.requests_changed(gathering_id, true).await;
        }
        Ok(counted)
    }

    /// Approves, hides, edits or marks a request of this gathering, from the
    /// console or a helper's page. False if the gathering has no such request.
    pub async fn moderate_request(
        &self,
        gathering: &Gathering,
        request_id: i64,
        change: &Moderation,
    ) -> AppResult<bool> {
        if !self
            .store
            .moderate_request(gathering.id, request_id, change)
            .await?
        {
            return Ok(false);
        }
        tracing::info!(gathering = %gathering.code, request = request_id, "request moderated");
        self.hub.requests_changed(gathering.id, false).await;
        Ok(true)
    }

    /// How long the request words are kept, and whether approved requests
    /// stay on the phones' keep-praying list afterwards.
    pub async fn set_request_settings(
        &self,
        gathering: &Gathering,
        retention_days: i64,
        on_keep_list: bool,
    ) -> AppResult<()> {
        self.store
            .set_request_settings(gathering.id, retention_days, on_keep_list)
            .await?;
        self.hub.requests_changed(gathering.id, false).await;
        Ok(())
    }
}
