//! A facilitator's account as the rest of the server sees it.

/// An account as the server checks it: who is asking, and whether they own
/// the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    /// As typed when the account was made.
    pub name: String,
    /// The server's owner: manages accounts, sees every gathering.
    pub is_owner: bool,
}
