//! Prayer requests: the moderation page of the console and of helpers.

use crate::i18n::Tr;
use crate::web::language::LanguageChoice;
use askama::Template;

/// One prayer request on a moderation page. `body` is empty once the
/// retention deleted the words.
pub struct RequestCard {
    pub id: i64,
    pub body: String,
    pub first_name: String,
    pub team_only: bool,
    /// "new", "approved" or "hidden".
    pub status: &'static str,
    /// The group it is listed in: its status, or "team" for a request for
    /// the prayer team that is not hidden (never shown, so never approved).
    pub group: &'static str,
    /// Whether it waits for a moderator.
    pub waits: bool,
    pub prayed_for: bool,
    pub edited: bool,
    pub praying: i64,
}

/// A moderator link as the facilitator's requests page lists it.
pub struct ModeratorLinkRow {
    pub id: i64,
    pub label: String,
    pub revoked: bool,
}

/// `/console/{code}/requests` and `/m/{code}`: the requests to moderate.
#[derive(Template)]
#[template(path = "requests.html")]
pub struct RequestsPage {
    /// The words, in the reader's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// "3 waiting · 5 approved · 1 hidden".
    pub counts_line: String,
    /// The moderation buttons: (action, label).
    pub actions: Vec<(&'static str, String)>,
    /// Where a helper types a moderator code (the site's `/m`).
    pub moderate_address: String,
    pub code: String,
    pub title: String,
    pub requests: Vec<RequestCard>,
    pub new_count: usize,
    pub approved_count: usize,
    pub hidden_count: usize,
    /// Each status's heading, name and number of requests, in page order.
    pub groups: Vec<(String, &'static str, usize)>,
    /// What the page's live socket names: the gathering's code on the
    /// console's page, the moderator code on a helper's.
    pub live_code: String,
    /// Where the page's moderation forms post, followed by `/{request id}`:
    /// `/console/{code}/requests` or `/m/{moderator code}/requests`.
    pub moderate_action: String,
    /// The facilitator's page (with the links and CSRF), not a helper's.
    pub facilitator: bool,
    pub csrf: String,
    pub links: Vec<ModeratorLinkRow>,
    /// Days the words are kept, and whether phones' keep-praying page lists
    /// the approved requests.
    pub retention_days: i64,
    pub on_keep_list: bool,
    /// A link just made: its address and its code in groups, shown once.
    pub new_link: Option<(String, String)>,
    pub new_link_qr: Option<String>,
    pub error: Option<String>,
}
