//! The invitee's side of a one-time link (`/invite/{token}`): no session is
//! needed, the token in the address is the secret. A link for a new account
//! asks for a name and a password, a new-password link only for the
//! password; either signs the invitee in. Wrong tokens count against the
//! address like unknown join codes, so links cannot be guessed.

use crate::domain::MeetingZone;
use crate::domain::account_name::{AccountName, MAX_NAME_CHARS, NameError};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::store::{AcceptError, Invitation};
use crate::web::auth::password::Busy;
use crate::web::auth::{start_session, token_hash};
use crate::web::pages::InvitePage;
use crate::web::{AppState, flash, language, render};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// Passwords shorter than this are too easy to guess.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longer ones only make hashing slower.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// A token as [`random_token`](crate::web::auth::random_token) makes them: anything else is wrong
/// without asking the database.
fn looks_like_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The refusal for a link that cannot be used, whatever the reason, so a
/// visitor learns nothing about which links exist.
fn gone() -> AppError {
    AppError::NotFound(Message::new("invite-gone"))
}

/// The invitation this token opens, or the refusal (counted against the
/// address when the token is wrong).
async fn usable(req: &HttpRequest, state: &AppState, token: &str) -> AppResult<Invitation> {
    let address = state.client_ip(req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return Err(AppError::TooManyRequests(Message::new("invite-guessing")));
    }
    let found = match looks_like_token(token) {
        true => state.store.invitation(&token_hash(token)).await?,
        false => None,
    };
    found.ok_or_else(|| {
        state.unknown_codes.allow(address);
        tracing::info!("invitation link refused: used, expired, disabled or never made");
        gone()
    })
}

/// The form, empty or with what was typed and why it was refused.
fn form_page(
    req: &HttpRequest,
    token: &str,
    invitation: &Invitation,
    name: String,
    error: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let t = language::for_request(req);
    let action = format!("/invite/{token}");
    render(
        status,
        &InvitePage {
            t,
            languages: language::choices(&t),
            back: action.clone(),
            action,
            account_name: invitation.account.as_ref().map(|a| a.name.clone()),
            name,
            error,
            expires: t.date_time(&MeetingZone::utc(), invitation.expires_at),
            max_name: MAX_NAME_CHARS,
            min_password: MIN_PASSWORD_CHARS,
            max_password: MAX_PASSWORD_CHARS,
        },
    )
}

/// `GET /invite/{token}`.
pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let invitation = usable(&req, &state, &token).await?;
    form_page(
        &req,
        &token,
        &invitation,
        String::new(),
        None,
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

/// Why a filled-in invitation form cannot be taken.
#[derive(Debug, PartialEq, Eq)]
enum Refused {
    Name(NameError),
    PasswordShort,
    PasswordLong,
    PasswordMismatch,
}

/// The account name to make (`None` for a new-password link), or what to
/// correct. Nothing here costs a password hash.
fn checked(invitation: &Invitation, form: &InviteForm) -> Result<Option<AccountName>, Refused> {
    let name = match invitation.account {
        Some(_) => None,
        None => Some(AccountName::parse(&form.name).map_err(Refused::Name)?),
    };
    let length = form.password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(Refused::PasswordShort);
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(Refused::PasswordLong);
    }
    if form.password != form.repeat {
        return Err(Refused::PasswordMismatch);
    }
    Ok(name)
}

/// A refusal in the invitee's words.
fn refusal_words(t: &Tr, refused: &Refused) -> String {
    match refused {
        Refused::Name(NameError::Empty) => t.get("invite-name-empty"),
        Refused::Name(NameError::TooLong(_)) => t.count("invite-name-long", MAX_NAME_CHARS),
        Refused::Name(NameError::Invisible) => t.get("invite-name-invisible"),
        Refused::Name(NameError::NotAllowed(c)) => {
            t.text("invite-name-not-allowed", "character", &c.to_string())
        }
        Refused::Name(NameError::MixedScripts) => t.get("invite-name-mixed"),
        Refused::PasswordShort => t.count("invite-password-short", MIN_PASSWORD_CHARS),
        Refused::PasswordLong => t.count("invite-password-long", MAX_PASSWORD_CHARS),
        Refused::PasswordMismatch => t.get("invite-password-mismatch"),
    }
}

/// `POST /invite/{token}`: makes the account or sets its password, ends the
/// account's other sessions (and their consoles), and signs the invitee in.
pub async fn accept(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<InviteForm>,
) -> AppResult<HttpResponse> {
    let invitation = usable(&req, &state, &token).await?;
    let typed: String = form.name.trim().chars().take(MAX_NAME_CHARS).collect();
    let refuse = |error: String, status| {
        form_page(
            &req,
            &token,
            &invitation,
            typed.clone(),
            Some(error),
            status,
        )
    };
    let name = match checked(&invitation, &form) {
        Ok(name) => name,
        Err(refused) => {
            tracing::info!(?refused, "invitation refused");
            return refuse(refusal_words(&t, &refused), StatusCode::BAD_REQUEST);
        }
    };
    // A name that is taken, or reads like one that is, is refused before any
    // password is hashed: a refusal costs the server nothing.
    if let Some(name) = &name
        && state.store.name_looks_taken(name).await?
    {
        tracing::info!("invitation refused: the name is taken or reads like one that is");
        return refuse(t.get("invite-name-taken"), StatusCode::CONFLICT);
    }
    // Hashing is argon2's slow work on purpose: it takes a place in the
    // sign-in's bounded pool, and a turn from the address's allowance of
    // password attempts, so posts to a link cannot stall the server.
    let address = state.client_ip(&req);
    if !state.wrong_passwords.allow(address) {
        tracing::warn!("invitation refused: too many password attempts from one address");
        return Err(AppError::TooManyRequests(Message::new("login-too-many")));
    }
    let password = form.into_inner().password;
    let password_hash = match state.passwords.hash(&password).await {
        Ok(hashed) => hashed?,
        Err(Busy) => {
            state.wrong_passwords.refund(address);
            tracing::warn!("invitation refused: password checks busy");
            return Err(AppError::TooManyRequests(Message::new("login-busy")));
        }
    };
    let name = name.as_ref().map(AccountName::as_str).unwrap_or_default();
    // A new password ends the account's other sessions.
    let account = match state
        .app
        .accept_invitation(&token_hash(&token), name, &password_hash)
        .await
    {
        Ok(accepted) => {
            state.wrong_passwords.refund(address);
            accepted
        }
        Err(AcceptError::NameTaken) => {
            tracing::info!("invitation refused: the name is taken");
            return refuse(t.get("invite-name-taken"), StatusCode::CONFLICT);
        }
        Err(AcceptError::Gone) => return Err(gone()),
        Err(AcceptError::Database(error)) => return Err(error.into()),
    };
    let cookie = start_session(&state, account.clone()).await?;
    let mut response = HttpResponse::SeeOther();
    response
        .insert_header((header::LOCATION, "/console"))
        .insert_header(("Cache-Control", "no-store"))
        .cookie(cookie);
    flash::add(
        &mut response,
        &t.text("invite-welcome", "name", &account.name),
    );
    Ok(response.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Account;

    fn form(name: &str, password: &str, repeat: &str) -> InviteForm {
        InviteForm {
            name: name.into(),
            password: password.into(),
            repeat: repeat.into(),
        }
    }

    const NEW: Invitation = Invitation {
        account: None,
        expires_at: 0,
    };

    #[test]
    fn names_and_passwords_follow_the_rules() {
        let good = "a good password";
        assert_eq!(
            checked(&NEW, &form("  Ana ", good, good)).map(|n| n.map(|n| n.as_str().to_string())),
            Ok(Some("Ana".into()))
        );
        assert_eq!(
            checked(&NEW, &form(" \u{3000}", good, good)),
            Err(Refused::Name(NameError::Empty))
        );
        assert_eq!(
            checked(&NEW, &form(&"é".repeat(65), good, good)),
            Err(Refused::Name(NameError::TooLong(65)))
        );
        assert!(checked(&NEW, &form(&"é".repeat(64), good, good)).is_ok());
        assert_eq!(
            checked(&NEW, &form("A\u{7}na", good, good)),
            Err(Refused::Name(NameError::Invisible))
        );
        assert_eq!(
            checked(&NEW, &form("Ana", "too short", "too short")),
            Err(Refused::PasswordShort)
        );
        let long = "x".repeat(1025);
        assert_eq!(
            checked(&NEW, &form("Ana", &long, &long)),
            Err(Refused::PasswordLong)
        );
        assert_eq!(
            checked(&NEW, &form("Ana", good, "a good passworD")),
            Err(Refused::PasswordMismatch)
        );
    }

    #[test]
    fn a_new_password_link_asks_no_name() {
        let reset = Invitation {
            account: Some(Account {
                id: 2,
                name: "Ana".into(),
                is_owner: false,
            }),
            expires_at: 0,
        };
        let good = "a good password";
        assert_eq!(checked(&reset, &form("", good, good)), Ok(None));
    }

    #[test]
    fn only_the_shape_of_a_made_token_is_looked_up() {
        assert!(looks_like_token(&crate::web::auth::random_token()));
        assert!(!looks_like_token("../../etc"));
        assert!(!looks_like_token(&"g".repeat(64)));
    }
}
