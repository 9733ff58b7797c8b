//! The invitee's side of a one-time link (`/invite/{token}`): no session is
//! needed, the token in the address is the secret. A link for a new account
//! asks for a name and a password, a new-password link only for the
//! password; either signs the invitee in. Wrong tokens count against the
//! address like unknown join codes, so links cannot be guessed.

use crate::domain::MeetingZone;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::store::{AcceptError, Invitation};
use crate::web::auth::{close_sockets, hash_password, start_session, token_hash};
use crate::web::pages::InvitePage;
use crate::web::{AppState, flash, language, render};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The longest account name, in characters (as the sign-in form allows).
pub const MAX_NAME_CHARS: usize = 64;
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
fn gone(t: &Tr) -> AppError {
    AppError::NotFound(t.get("invite-gone"))
}

/// The invitation this token opens, or the refusal (counted against the
/// address when the token is wrong).
async fn usable(req: &HttpRequest, state: &AppState, token: &str) -> AppResult<Invitation> {
    let t = language::for_request(req);
    let address = state.client_ip(req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return Err(AppError::TooManyRequests(t.get("invite-guessing")));
    }
    let found = match looks_like_token(token) {
        true => state.store.invitation(&token_hash(token)).await?,
        false => None,
    };
    found.ok_or_else(|| {
        state.unknown_codes.allow(address);
        tracing::info!("invitation link refused: used, expired, disabled or never made");
        gone(&t)
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

/// The account name to make (`None` for a new-password link), or the key of
/// the message that says what to correct.
fn checked(invitation: &Invitation, form: &InviteForm) -> Result<Option<String>, &'static str> {
    let name = match invitation.account {
        Some(_) => None,
        None => {
            let name = form.name.trim();
            if name.is_empty() {
                return Err("invite-name-empty");
            }
            if name.chars().count() > MAX_NAME_CHARS {
                return Err("invite-name-long");
            }
            if name.chars().any(char::is_control) {
                return Err("invite-name-control");
            }
            Some(name.to_string())
        }
    };
    let length = form.password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err("invite-password-short");
    }
    if length > MAX_PASSWORD_CHARS {
        return Err("invite-password-long");
    }
    if form.password != form.repeat {
        return Err("invite-password-mismatch");
    }
    Ok(name)
}

/// `POST /invite/{token}`: makes the account or sets its password, ends the
/// account's other sessions (and their consoles), and signs the invitee in.
pub async fn accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<InviteForm>,
) -> AppResult<HttpResponse> {
    let invitation = usable(&req, &state, &token).await?;
    let t = language::for_request(&req);
    let typed: String = form.name.trim().chars().take(MAX_NAME_CHARS).collect();
    let name = match checked(&invitation, &form) {
        Ok(name) => name.unwrap_or_default(),
        Err(key) => {
            let error = match key {
                "invite-name-long" => t.count(key, MAX_NAME_CHARS),
                "invite-password-short" => t.count(key, MIN_PASSWORD_CHARS),
                "invite-password-long" => t.count(key, MAX_PASSWORD_CHARS),
                _ => t.get(key),
            };
            return form_page(
                &req,
                &token,
                &invitation,
                typed,
                Some(error),
                StatusCode::BAD_REQUEST,
            );
        }
    };
    // Argon2 takes a while: off the threads that answer requests.
    let password = form.into_inner().password;
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AppError::internal(format!("password hashing stopped: {e}")))??;
    let (account, ended) = match state
        .store
        .accept_invitation(&token_hash(&token), &name, &password_hash)
        .await
    {
        Ok(accepted) => accepted,
        Err(AcceptError::NameTaken) => {
            tracing::info!("invitation refused: the name is taken");
            let error = Some(t.get("invite-name-taken"));
            return form_page(
                &req,
                &token,
                &invitation,
                typed,
                error,
                StatusCode::CONFLICT,
            );
        }
        Err(AcceptError::Gone) => return Err(gone(&t)),
        Err(AcceptError::Database(error)) => return Err(error.into()),
    };
    close_sockets(&state, &ended).await;
    let cookie = start_session(&state, account.clone()).await?;
    tracing::info!(
        account = account.id,
        ended_sessions = ended.len(),
        "invitation accepted"
    );
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
            checked(&NEW, &form("  Ana ", good, good)),
            Ok(Some("Ana".into()))
        );
        assert_eq!(
            checked(&NEW, &form(" \t", good, good)),
            Err("invite-name-empty")
        );
        assert_eq!(
            checked(&NEW, &form(&"é".repeat(65), good, good)),
            Err("invite-name-long")
        );
        assert!(checked(&NEW, &form(&"é".repeat(64), good, good)).is_ok());
        assert_eq!(
            checked(&NEW, &form("A\u{7}na", good, good)),
            Err("invite-name-control")
        );
        assert_eq!(
            checked(&NEW, &form("Ana", "too short", "too short")),
            Err("invite-password-short")
        );
        let long = "x".repeat(1025);
        assert_eq!(
            checked(&NEW, &form("Ana", &long, &long)),
            Err("invite-password-long")
        );
        assert_eq!(
            checked(&NEW, &form("Ana", good, "a good passworD")),
            Err("invite-password-mismatch")
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
