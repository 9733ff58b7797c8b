//! Signing in, the owner's accounts page and the invitee's side of a link.

use crate::i18n::Tr;
use crate::web::language::LanguageChoice;
use askama::Template;

/// `/login`: the facilitator's password form.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub error: Option<String>,
    /// The account name typed before a wrong password, to type it again.
    pub name: String,
    /// Where to go after logging in (a local path).
    pub next: String,
    /// A confirmation shown once, such as "You are signed out."
    pub flash: Option<String>,
}

/// One account on the owner's accounts page.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub is_owner: bool,
    pub disabled: bool,
    /// Made, but its invitation not accepted yet.
    pub pending: bool,
    /// Gatherings it owns.
    pub gatherings: i64,
    /// Gatherings it leads with their owners.
    pub co_leads: i64,
    /// "Created 29 Nov 2026".
    pub created: String,
    /// When its unused new-password link stops working, if it has one.
    pub link_until: Option<String>,
}

/// `/console/accounts`: the owner's list of accounts and their buttons.
#[derive(Template)]
#[template(path = "accounts.html")]
pub struct AccountsPage {
    pub t: Tr,
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub accounts: Vec<AccountRow>,
    /// When each unused invitation for a new account stops working.
    pub waiting: Vec<String>,
    /// How long a new link works.
    pub invitation_days: i64,
    pub csrf: String,
    pub flash: Option<String>,
}

/// The link just made by the owner, shown this once: the token is in no
/// table and no log, so it cannot be shown again.
#[derive(Template)]
#[template(path = "invitation_made.html")]
pub struct InvitationMadePage {
    /// No language switch here: going through it would lose the link.
    pub t: Tr,
    /// The account whose new password it sets; `None` for a new account.
    pub for_account: Option<String>,
    pub url: String,
    /// The same link as an inline SVG QR code (trusted markup).
    pub qr_svg: String,
    /// When it stops working, as a date and time.
    pub expires: String,
}

/// `/invite/{token}`: the invitee chooses a name (for a new account) and a
/// password.
#[derive(Template)]
#[template(path = "invite.html")]
pub struct InvitePage {
    pub t: Tr,
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// The form posts back to the same address.
    pub action: String,
    /// The account whose password is set; `None`: a new account is made.
    pub account_name: Option<String>,
    /// The name typed before a refusal, to correct it.
    pub name: String,
    pub error: Option<String>,
    pub expires: String,
    /// The rules the server checks, for the browser to check first.
    pub max_name: usize,
    pub min_password: usize,
    pub max_password: usize,
}
