//! Closing the sockets whose right to be open has ended: a console whose
//! session ended (signed out elsewhere, a new password, the account disabled
//! or removed from a gathering's leaders) and a helper's page whose moderator
//! link was revoked.
//!
//! Each such socket watches a signal keyed by its session's token hash, or by
//! [`MODERATOR_SIGNAL`] and its link's hash. The web side ends the signal
//! where the change happens; other instances hear of it through a notice, and
//! changes made from the command line are found by the hub's sweep.

pub use crate::domain::revocation::{Revocation, SessionEnd};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::watch;

/// The start of a moderator link's key: such keys are not sessions.
pub const MODERATOR_SIGNAL: &str = "moderator:";

/// The key a moderator link's sockets watch.
pub fn link_key(token_hash: &str) -> String {
    format!("{MODERATOR_SIGNAL}{token_hash}")
}

struct Watched {
    signal: watch::Sender<Option<SessionEnd>>,
    /// The console's account, so the sweep can tell a disabled account from
    /// a session that merely ended.
    account: Option<i64>,
}

/// The signals of this instance's open consoles and helpers' pages.
#[derive(Default)]
pub struct Signals {
    watched: Mutex<HashMap<String, Watched>>,
}

/// What the sweep checks: consoles' sessions (with their accounts) and
/// moderator links' hashes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Watching {
    pub sessions: Vec<(String, Option<i64>)>,
    pub links: Vec<String>,
}

impl Signals {
    /// A signal for a socket of this session or link (`key`).
    pub fn subscribe(
        &self,
        key: &str,
        account: Option<i64>,
    ) -> watch::Receiver<Option<SessionEnd>> {
        // unwrap: the lock is never held across a panic-prone call.
        let mut watched = self.watched.lock().unwrap();
        let entry = watched.entry(key.to_string()).or_insert_with(|| Watched {
            signal: watch::channel(None).0,
            account,
        });
        if entry.account.is_none() {
            entry.account = account;
        }
        entry.signal.subscribe()
    }

    /// Ends the key's sockets on this instance.
    pub fn end(&self, key: &str, end: SessionEnd) {
        // unwrap: see above.
        if let Some(watched) = self.watched.lock().unwrap().remove(key) {
            let _ = watched.signal.send(Some(end));
        }
    }

    /// The keys that open sockets watch; signals nobody watches any more are
    /// dropped on the way.
    pub fn watching(&self) -> Watching {
        // unwrap: see above.
        let mut watched = self.watched.lock().unwrap();
        watched.retain(|_, w| w.signal.receiver_count() > 0);
        let mut watching = Watching::default();
        for (key, w) in watched.iter() {
            match key.strip_prefix(MODERATOR_SIGNAL) {
                Some(hash) => watching.links.push(hash.to_string()),
                None => watching.sessions.push((key.clone(), w.account)),
            }
        }
        watching.sessions.sort();
        watching.links.sort();
        watching
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ended_key_tells_every_socket_why_and_is_forgotten() {
        let signals = Signals::default();
        let one = signals.subscribe("a1b2", Some(7));
        let two = signals.subscribe("a1b2", None);
        let link = signals.subscribe(&link_key("c3d4"), None);
        assert_eq!(
            signals.watching(),
            Watching {
                sessions: vec![("a1b2".into(), Some(7))],
                links: vec!["c3d4".into()],
            }
        );

        signals.end("a1b2", SessionEnd::Revoked(Revocation::AccountDisabled));

        let said = Some(SessionEnd::Revoked(Revocation::AccountDisabled));
        assert_eq!(*one.borrow(), said);
        assert_eq!(*two.borrow(), said);
        assert_eq!(*link.borrow(), None);
        assert!(signals.watching().sessions.is_empty());
    }
}
