//! One-time links that make a facilitator's account, or set a new password
//! for one. Made from the accounts page and from the command line alike.

use crate::domain::secret_token::{random_token, token_hash};
use crate::error::AppResult;
use crate::store::{Store, now_ms};

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 3;

/// A one-time link made for someone: its token (shown once, never stored)
/// and when it stops working.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub token: String,
    pub expires_at: i64,
}

impl NewInvitation {
    /// The link to give, on the server at `base` (no trailing slash).
    pub fn url(&self, base: &str) -> String {
        format!("{base}/invite/{}", self.token)
    }
}

/// Makes an invitation: for a new account (`account_id` `None`), or a new
/// password for that account. `created_by` is the owner who asked (`None`
/// from the command line).
pub async fn invite(
    store: &Store,
    account_id: Option<i64>,
    created_by: Option<i64>,
) -> AppResult<NewInvitation> {
    let token = random_token();
    let expires_at = now_ms() + INVITATION_DAYS * 24 * 3600 * 1000;
    store
        .insert_invitation(&token_hash(&token), account_id, created_by, expires_at)
        .await?;
    Ok(NewInvitation { token, expires_at })
}
