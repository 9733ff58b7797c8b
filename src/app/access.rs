//! Who may still lead a gathering or help with its requests. Every change
//! that ends someone's access closes their open pages at once, on every
//! instance, and tells each page why (`docs/protocol.md`, "gone").

use super::App;
use crate::domain::revocation::{Revocation, SessionEnd};
use crate::error::AppResult;
use crate::live::revocations::link_key;
use crate::store::{AcceptError, AccessEnded, Account, Gathering, SessionRecord};
use tokio::sync::watch;

/// What a live socket watches to close when its session or link ends.
pub type EndSignal = watch::Receiver<Option<SessionEnd>>;

impl App {
    /// Signs a session out: it is deleted, and its consoles close.
    pub async fn sign_out(&self, session: &SessionRecord) -> AppResult<()> {
        self.store.delete_session(&session.token_hash).await?;
        self.close_sessions(
            std::slice::from_ref(&session.token_hash),
            SessionEnd::Revoked(Revocation::SignedOut),
        )
        .await;
        tracing::info!(account = session.account.id, "signed out");
        Ok(())
    }

    /// Uses an invitation: a new account, or a new password for one, which
    /// ends that account's other sessions and closes their consoles.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<Account, AcceptError> {
        let (account, ended) = self
            .store
            .accept_invitation(token_hash, name, password_hash)
            .await?;
        self.close_sessions(&ended, SessionEnd::Revoked(Revocation::SignedOut))
            .await;
        tracing::info!(
            account = account.id,
            ended_sessions = ended.len(),
            "invitation accepted"
        );
        Ok(account)
    }

    /// Disables an account: it cannot sign in, its consoles close now, and so
    /// do the helpers' pages of the moderator links it made. `None` for the
    /// owner's account, which stays enabled.
    pub async fn disable_account(&self, id: i64) -> AppResult<Option<AccessEnded>> {
        let Some(ended) = self.store.disable_account(id).await? else {
            return Ok(None);
        };
        self.close_sessions(
            &ended.sessions,
            SessionEnd::Revoked(Revocation::AccountDisabled),
        )
        .await;
        self.close_moderator_pages(&ended.moderator_links).await;
        Ok(Some(ended))
    }

    /// Stops sharing a gathering with an account. Its consoles reconnect and
    /// are checked again: those of this gathering are refused, and say so;
    /// those of its other gatherings carry on. The moderator links it made for
    /// this gathering go with it. Returns how many, or `None` if the gathering
    /// was not shared with the account.
    pub async fn remove_co_facilitator(
        &self,
        gathering: &Gathering,
        account_id: i64,
    ) -> AppResult<Option<usize>> {
        let Some(links) = self
            .store
            .remove_co_facilitator(gathering.id, account_id)
            .await?
        else {
            return Ok(None);
        };
        let sessions = self.store.sessions_of(account_id).await?;
        self.close_sessions(&sessions, SessionEnd::Recheck).await;
        self.close_moderator_pages(&links).await;
        Ok(Some(links.len()))
    }

    /// Revokes a moderator link of this gathering: its open pages stop at
    /// once. False if the gathering has no such link.
    pub async fn revoke_moderator_link(
        &self,
        gathering: &Gathering,
        link_id: i64,
    ) -> AppResult<bool> {
        let Some(hash) = self
            .store
            .revoke_moderator_link(gathering.id, link_id)
            .await?
        else {
            return Ok(false);
        };
        self.close_moderator_pages(std::slice::from_ref(&hash))
            .await;
        tracing::info!(gathering = %gathering.code, link = link_id, "moderator link revoked");
        Ok(true)
    }

    /// For a console's socket being opened: the signal that ends it, or
    /// `None` if the session ended during the upgrade. Signing out deletes
    /// the session, then signals: subscribing first and then looking again
    /// means one of the two always catches it.
    pub async fn watch_session(&self, session: &SessionRecord) -> AppResult<Option<EndSignal>> {
        let signal = self
            .hub
            .session_signal(&session.token_hash, Some(session.account.id));
        if self
            .store
            .find_session(&session.token_hash)
            .await?
            .is_none()
        {
            // Drops the signal this upgrade made for a session that is gone.
            self.close_sessions(
                std::slice::from_ref(&session.token_hash),
                SessionEnd::Revoked(Revocation::SignedOut),
            )
            .await;
            return Ok(None);
        }
        Ok(Some(signal))
    }

    /// The same for a helper's socket and its moderator link (by token hash).
    pub async fn watch_moderator_link(&self, hash: &str) -> AppResult<Option<EndSignal>> {
        let signal = self.hub.session_signal(&link_key(hash), None);
        if self.store.moderator_link(hash).await?.is_none() {
            self.close_moderator_pages(&[hash.to_string()]).await;
            return Ok(None);
        }
        Ok(Some(signal))
    }

    async fn close_sessions(&self, sessions: &[String], end: SessionEnd) {
        for session in sessions {
            self.hub.revoke_session(session, end).await;
        }
    }

    async fn close_moderator_pages(&self, links: &[String]) {
        for hash in links {
            self.hub
                .revoke_session(
                    &link_key(hash),
                    SessionEnd::Revoked(Revocation::LinkRevoked),
                )
                .await;
        }
    }
}
