//! Prayer requests on the web side, over plain HTTP forms: the facilitator's
//! requests page (`/console/{code}/requests`) and a helper's phone-sized page
//! opened by a moderator link (`/m/{code}`), both in `page`; the links
//! themselves and a helper's live socket in `links`; what happens after the
//! gathering (the retention and keep-list settings, the downloads) in
//! `afterwards`. A moderator approves, edits, hides or marks requests as
//! prayed for, and nothing else: no route here controls a gathering.
//!
//! Requests' words never reach the logs: refusals are logged by kind and id.

mod afterwards;
mod links;
mod page;

pub use afterwards::{download, save_settings};
pub use links::{create_link, moderator_socket, revoke_link};
pub use page::{
    console_moderate, console_page, moderator_enter, moderator_moderate, moderator_page,
};

use super::AppState;
use super::auth::{Facilitator, login_redirect};
use crate::domain::JoinCode;
use crate::domain::moderator_code::ModeratorCode;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::store::{Gathering, ModeratorLink};
use actix_web::{HttpRequest, HttpResponse};
use blake2::{Blake2s256, Digest};
use fluent_bundle::FluentArgs;

/// A moderator code as stored: its hash only.
fn code_hash(code: &ModeratorCode) -> String {
    Blake2s256::digest(code.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn no_such_link() -> AppError {
    AppError::NotFound(Message::new("requests-error-no-link"))
}

/// A refusal naming a limit (`$max`).
fn with_max(t: &Tr, key: &str, max: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("max", max);
    t.format(key, Some(&args))
}

/// The facilitator's gathering, or why not.
async fn facilitators_gathering(
    req: &HttpRequest,
) -> AppResult<Result<(Facilitator, Gathering), HttpResponse>> {
    let Some(facilitator) = Facilitator::from_request_state(req).await? else {
        return Ok(Err(login_redirect(req.path())));
    };
    let gathering = facilitator.gathering()?;
    Ok(Ok((facilitator, gathering)))
}

/// The gathering a moderator link opens, with the link.
async fn linked_gathering(
    req: &HttpRequest,
    state: &AppState,
    typed: &str,
) -> AppResult<(ModeratorCode, ModeratorLink, Gathering)> {
    // Wrong codes count against the address like unknown join codes, so
    // links cannot be guessed; a right one is never refused.
    let address = state.client_ip(req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return Err(AppError::TooManyRequests(Message::new(
            "requests-error-guessing",
        )));
    }
    let found = match ModeratorCode::parse(typed) {
        Some(code) => state
            .store
            .moderator_link(&code_hash(&code))
            .await?
            .map(|link| (code, link)),
        None => None,
    };
    let Some((code, link)) = found else {
        state.unknown_codes.allow(address);
        tracing::info!("moderator link refused: unknown or revoked");
        return Err(no_such_link());
    };
    let gathering = JoinCode::parse(&link.gathering_code)
        .ok()
        .map(|code| async move { state.store.find_gathering(&code).await });
    let gathering = match gathering {
        Some(found) => found.await?,
        None => None,
    }
    .ok_or_else(no_such_link)?;
    Ok((code, link, gathering))
}
