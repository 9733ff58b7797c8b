//! The page for a refusal or an error.

use crate::i18n::Tr;
use askama::Template;

/// A refusal or a failure, for a person in a browser: what happened, in
/// their language, and a way on.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub t: Tr,
    pub message: String,
    /// Where the way on leads (the sign-in page, or the start page).
    pub back: String,
    pub back_words: String,
}
