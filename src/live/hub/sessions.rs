//! The sockets of facilitator sessions and moderator links: signalled when
//! access ends, and swept every few seconds for access ended elsewhere.

use super::{Hub, SESSION_SWEEP_EVERY};
use crate::live::protocol::Revocation;
use crate::live::revocations::{SessionEnd, Watching};
use crate::store::notify::Notice;
use std::sync::Arc;
use tokio::sync::watch;

impl Hub {
    /// A console's or helper's socket watches this to close when its session
    /// (by token hash) or moderator link ([`super::revocations::link_key`])
    /// ends; `account` is a console's.
    pub fn session_signal(
        &self,
        key: &str,
        account: Option<i64>,
    ) -> watch::Receiver<Option<SessionEnd>> {
        self.signals.subscribe(key, account)
    }

    /// Closes every socket of a session or link, on every instance sharing
    /// the database, telling them why.
    pub async fn revoke_session(&self, key: &str, end: SessionEnd) {
        self.signals.end(key, end);
        self.tell_others(Notice::Logout {
            session: key.to_string(),
            from: self.epoch.to_string(),
            end,
        })
        .await;
    }

    /// The sessions and links whose sockets are open on this instance.
    pub fn watching(&self) -> Watching {
        self.signals.watching()
    }

    /// Every [`SESSION_SWEEP_EVERY`], closes the sockets of sessions and
    /// moderator links that are no longer valid: ended elsewhere (an account
    /// disabled from the command line, or by another instance), revoked, or
    /// expired. Runs until the task is aborted at shutdown; a failed look-up
    /// is logged and tried again.
    pub async fn sweep_sessions_forever(self: Arc<Self>) {
        let mut every = tokio::time::interval(SESSION_SWEEP_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(error) = self.sweep_once().await {
                tracing::warn!(%error, "could not check the open sessions");
            }
        }
    }

    async fn sweep_once(&self) -> Result<(), sqlx::Error> {
        let Watching { sessions, links } = self.signals.watching();
        let mut closed = 0;
        if !sessions.is_empty() {
            let hashes: Vec<String> = sessions.iter().map(|(hash, _)| hash.clone()).collect();
            let live = self.store.live_sessions(&hashes).await?;
            for (hash, account) in sessions.iter().filter(|(hash, _)| !live.contains(hash)) {
                // A session ends with its account when that is disabled.
                let reason = match account {
                    Some(id) if self.store.enabled_account(*id).await?.is_none() => {
                        Revocation::AccountDisabled
                    }
                    _ => Revocation::SignedOut,
                };
                self.signals.end(hash, SessionEnd::Revoked(reason));
                closed += 1;
            }
        }
        if !links.is_empty() {
            let live = self.store.live_moderator_links(&links).await?;
            for hash in links.iter().filter(|hash| !live.contains(hash)) {
                self.signals.end(
                    &crate::live::revocations::link_key(hash),
                    SessionEnd::Revoked(Revocation::LinkRevoked),
                );
                closed += 1;
            }
        }
        if closed > 0 {
            tracing::info!(
                sockets = closed,
                "sockets of ended sessions and revoked links closed"
            );
        }
        Ok(())
    }
}
