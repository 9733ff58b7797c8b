//! Why a console's or a helper's access to a gathering ended, as the live
//! side tells their sockets, and as instances tell each other.

use serde::{Deserialize, Serialize};

/// Why the server ended a socket for good. Each has a close code of its own
/// (4001 to 4005) with the reason's name as the close frame's text, so a
/// page that missed the `gone` frame still knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Revocation {
    /// The console's session ended: signed out elsewhere, a new password,
    /// or expired.
    SignedOut,
    /// The console's account was disabled by the server's owner.
    AccountDisabled,
    /// The console's account was removed from the gathering's leaders.
    NoLongerLeads,
    /// The moderator link the page was opened with was revoked.
    LinkRevoked,
    /// The gathering was deleted.
    GatheringDeleted,
}

impl Revocation {
    pub const ALL: [Revocation; 5] = [
        Revocation::SignedOut,
        Revocation::AccountDisabled,
        Revocation::NoLongerLeads,
        Revocation::LinkRevoked,
        Revocation::GatheringDeleted,
    ];

    /// The reason's name, as in the `gone` frame and the close frame.
    pub fn as_str(self) -> &'static str {
        match self {
            Revocation::SignedOut => "signed-out",
            Revocation::AccountDisabled => "account-disabled",
            Revocation::NoLongerLeads => "no-longer-leads",
            Revocation::LinkRevoked => "link-revoked",
            Revocation::GatheringDeleted => "gathering-deleted",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The websocket close code (the range 4000 to 4999 is the application's).
    pub fn close_code(self) -> u16 {
        match self {
            Revocation::SignedOut => 4001,
            Revocation::AccountDisabled => 4002,
            Revocation::NoLongerLeads => 4003,
            Revocation::LinkRevoked => 4004,
            Revocation::GatheringDeleted => 4005,
        }
    }
}

/// What a socket is told when its session or link changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    /// Close, and let the page reconnect: its access is checked again at
    /// the upgrade. An account removed from one gathering's leaders keeps
    /// its consoles of the others.
    Recheck,
    /// Close for good, and say why.
    Revoked(Revocation),
}

impl SessionEnd {
    /// As it travels in a notice between instances.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionEnd::Recheck => "recheck",
            SessionEnd::Revoked(reason) => reason.as_str(),
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "recheck" => Some(SessionEnd::Recheck),
            other => Revocation::parse(other).map(SessionEnd::Revoked),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_end_reads_back_from_its_word() {
        let mut ends = vec![SessionEnd::Recheck];
        ends.extend(Revocation::ALL.map(SessionEnd::Revoked));
        for end in ends {
            assert_eq!(SessionEnd::parse(end.as_str()), Some(end));
        }
        assert_eq!(SessionEnd::parse("later"), None);
    }
}
