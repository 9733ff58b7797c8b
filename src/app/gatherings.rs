//! Gatherings made, copied and deleted, and every edit of an agenda or its
//! words: each edit is noted in the gathering's history and shown live.

use super::App;
use crate::domain::{MeetingZone, NewAgenda};
use crate::error::AppResult;
use crate::store::{Account, Action, Gathering, NewOwner};

impl App {
    /// A new draft gathering with this agenda, belonging to `account` and on
    /// the clock of `zone` if one is known: written in one transaction.
    pub async fn create_gathering(
        &self,
        agenda: &NewAgenda,
        account: &Account,
        zone: Option<&MeetingZone>,
    ) -> AppResult<Gathering> {
        let owner = NewOwner {
            account: Some(account.id),
            time_zone: zone.map(|zone| zone.name().to_string()),
        };
        let gathering = self.store.create_gathering_for(agenda, &owner).await?;
        tracing::info!(
            account = account.id,
            gathering = %gathering.code,
            "gathering created"
        );
        Ok(gathering)
    }

    /// A copy of `source`'s agenda as a new draft of `account`'s, whoever
    /// owned the original (counts and live state are not copied).
    pub async fn duplicate_gathering(
        &self,
        source: &Gathering,
        account: &Account,
    ) -> AppResult<Gathering> {
        let owner = NewOwner {
            account: Some(account.id),
            time_zone: None,
        };
        Ok(self.store.duplicate_gathering_for(source, &owner).await?)
    }

    /// Deletes a gathering, and closes its room on every instance: its pages
    /// say it is gone.
    pub async fn delete_gathering(&self, gathering: &Gathering) -> AppResult<()> {
        self.store.delete_gathering(gathering.id).await?;
        self.hub.forget(gathering.id).await;
        tracing::info!(gathering = %gathering.code, "gathering deleted");
        Ok(())
    }

    /// Which languages the projector shows (one, or two side by side): a
    /// choice of display, shown live but not an edit of the agenda.
    pub async fn set_projector_languages(
        &self,
        gathering: &Gathering,
        languages: &str,
    ) -> AppResult<()> {
        self.store
            .set_projector_languages(gathering.id, languages)
            .await?;
        self.hub.agenda_changed(gathering).await
    }

    /// After an edit of a gathering's agenda or words: notes it in the
    /// history for `account` (a run of edits is one line), then shows the new
    /// agenda live on every instance. Noted first, so a console fetching the
    /// history when the new agenda arrives finds the edit there. The edit is
    /// saved either way: a failure to note it is only logged.
    pub async fn agenda_edited(&self, account: &Account, gathering: &Gathering) -> AppResult<()> {
        if let Err(error) = self
            .store
            .record_history(gathering.id, account, Action::Edited)
            .await
        {
            tracing::warn!(
                %error,
                gathering = gathering.id,
                account = account.id,
                "could not record an edit in the gathering's history"
            );
        }
        self.hub.agenda_changed(gathering).await
    }
}
