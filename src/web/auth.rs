//! The facilitator's login: the password (checked by [`super::password`]), a
//! random session token in an HttpOnly, SameSite=Strict cookie (only its hash
//! is stored), a CSRF token per session for forms that change anything, and
//! where a login may return to.

use super::known_browser;
use super::pages::LoginPage;
use super::password::{Busy, generate_password, hash_password, verify_password};
use super::{AppState, flash, language, render};
use crate::error::{AppError, AppResult};
use crate::store::{SessionRecord, Store, now_ms};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use blake2::{Blake2s256, Digest};
use serde::Deserialize;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

pub const SESSION_COOKIE: &str = "intercede_session";
/// How long a login lasts.
const SESSION_DAYS: i64 = 7;
/// Slows down password guessing.
const WRONG_PASSWORD_DELAY: Duration = Duration::from_millis(750);

fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    to_hex(&bytes)
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn token_hash(token: &str) -> String {
    to_hex(&Blake2s256::digest(token.as_bytes()))
}

/// Sets up the facilitator password at start-up. Returns the password if one
/// was generated (to print once), `None` if one was given or already stored.
pub async fn ensure_facilitator_password(
    store: &Store,
    given: Option<&str>,
) -> AppResult<Option<String>> {
    let stored = store.facilitator_password_hash().await?;
    match (given, stored) {
        (Some(given), Some(stored)) if verify_password(given, &stored) => Ok(None),
        (Some(given), _) => {
            store
                .set_facilitator_password_hash(&hash_password(given)?)
                .await?;
            // A changed password logs out every browser.
            store.delete_sessions(true).await?;
            Ok(None)
        }
        (None, Some(_)) => Ok(None),
        (None, None) => {
            let password = generate_password();
            store
                .set_facilitator_password_hash(&hash_password(&password)?)
                .await?;
            Ok(Some(password))
        }
    }
}

/// A request from the logged-in facilitator. As an extractor it refuses
/// everyone else with 401 (handlers that want a redirect use `Option<Facilitator>`).
#[derive(Debug, Clone)]
pub struct Facilitator {
    pub session: SessionRecord,
}

impl Facilitator {
    pub async fn from_request_state(req: &HttpRequest) -> AppResult<Option<Facilitator>> {
        let Some(cookie) = req.cookie(SESSION_COOKIE) else {
            return Ok(None);
        };
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return Err(AppError::internal("application state missing"));
        };
        let session = state
            .store
            .find_session(&token_hash(cookie.value()))
            .await?;
        Ok(session.map(|session| Facilitator { session }))
    }

    /// Checks a form's CSRF token against this session's.
    pub fn check_csrf(&self, token: &str) -> AppResult<()> {
        if !token.is_empty() && token == self.session.csrf_token {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }
}

impl FromRequest for Facilitator {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            Facilitator::from_request_state(&req)
                .await?
                .ok_or(AppError::Unauthorized)
        })
    }
}

/// Where to send a visitor who must log in first.
pub fn login_redirect(next: &str) -> HttpResponse {
    let target = format!("/login?next={}", encode_query(next));
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .finish()
}

fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The first path segments a login may return to: the pages of this server
/// that ask for a login (every one is under `/console`).
const RETURN_ROUTES: [&str; 1] = ["console"];

/// Where to go after logging in: `next` only when it is plainly a path of this
/// server, else `/console`. Browsers skip tabs and newlines in a `Location`
/// and read `\` as `/`, so `/\t/evil.example` would leave the server: rather
/// than list what is dangerous, accept only the shape of our own routes.
fn safe_next(next: Option<&str>) -> String {
    const HOME: &str = "/console";
    let Some(path) = next else {
        return HOME.to_string();
    };
    let plain = path.starts_with('/')
        && !path.contains("//")
        && path
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '\\' | '%' | '@' | ':'));
    let first = path
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if plain && RETURN_ROUTES.contains(&first) {
        path.to_string()
    } else {
        HOME.to_string()
    }
}

/// The login page's own address, for the language switch to come back to.
fn login_back(next: &str) -> String {
    format!("/login?next={}", encode_query(next))
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page(req: HttpRequest, query: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    let flash = flash::take(&req);
    let next = safe_next(query.next.as_deref());
    let t = language::for_request(&req);
    let mut response = render(
        StatusCode::OK,
        &LoginPage {
            t,
            languages: language::choices(&t),
            back: login_back(&next),
            error: None,
            next,
            flash: flash.clone(),
        },
    )?;
    flash::shown(&mut response, &flash);
    Ok(response)
}

#[derive(Deserialize)]
pub struct LoginForm {
    password: String,
    next: Option<String>,
}

/// `POST /login`. The attempt is counted before the password is checked (so a
/// burst of parallel guesses cannot all pass the limit), and given back when it
/// was right. A known browser is limited on its own, not by its address.
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> AppResult<HttpResponse> {
    let next = safe_next(form.next.as_deref());
    let stored = state.store.facilitator_password_hash().await?;
    let known = stored
        .as_deref()
        .and_then(|hash| known_browser::recognise(&req, hash));
    let address = state.client_ip(&req);
    let reserved = match &known {
        Some(id) => state.known_browsers.allow(Some(id.clone())),
        None => state.wrong_passwords.allow(address),
    };
    let refund = || match &known {
        Some(id) => state.known_browsers.refund(Some(id.clone())),
        None => state.wrong_passwords.refund(address),
    };
    if !reserved {
        tracing::warn!(
            known_browser = known.is_some(),
            "facilitator login refused: too many password attempts"
        );
        return Err(AppError::TooManyRequests(
            language::for_request(&req).get("login-too-many"),
        ));
    }
    let ok = match &stored {
        Some(hash) => match state.passwords.verify(&form.password, hash).await {
            Ok(ok) => ok,
            Err(Busy) => {
                refund();
                tracing::warn!("facilitator login refused: password checks busy");
                return Err(AppError::TooManyRequests(
                    language::for_request(&req).get("login-busy"),
                ));
            }
        },
        None => false,
    };
    if !ok {
        tracing::warn!("facilitator login refused: wrong password");
        tokio::time::sleep(WRONG_PASSWORD_DELAY).await;
        let t = language::for_request(&req);
        return render(
            StatusCode::UNAUTHORIZED,
            &LoginPage {
                t,
                languages: language::choices(&t),
                back: login_back(&next),
                error: Some(t.get("login-wrong-password")),
                next,
                flash: None,
            },
        );
    }
    refund();
    state.store.delete_sessions(false).await?;
    let token = random_token();
    let session = SessionRecord {
        token_hash: token_hash(&token),
        csrf_token: random_token(),
        expires_at: now_ms() + SESSION_DAYS * 24 * 3600 * 1000,
    };
    state.store.insert_session(&session).await?;
    let cookie = Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.secure_cookies)
        .max_age(actix_web::cookie::time::Duration::days(SESSION_DAYS))
        .finish();
    let known_cookie = stored
        .as_deref()
        .map(|hash| known_browser::cookie(known, hash, state.secure_cookies));
    tracing::info!("facilitator logged in");
    let mut response = HttpResponse::SeeOther();
    response
        .insert_header((header::LOCATION, next))
        .cookie(cookie);
    if let Some(known_cookie) = known_cookie {
        response.cookie(known_cookie);
    }
    Ok(response.finish())
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<CsrfForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    state
        .store
        .delete_session(&facilitator.session.token_hash)
        .await?;
    state
        .hub
        .revoke_session(&facilitator.session.token_hash)
        .await;
    tracing::info!("facilitator logged out");
    let mut gone = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    gone.make_removal();
    let mut response = HttpResponse::SeeOther();
    response
        .insert_header((header::LOCATION, "/login"))
        .cookie(gone);
    flash::add(
        &mut response,
        &language::for_request(&req).get("signed-out"),
    );
    Ok(response.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_only_returns_to_local_paths() {
        assert_eq!(safe_next(Some("/console/K7HQ2M")), "/console/K7HQ2M");
        assert_eq!(
            safe_next(Some("/console/K7HQ2M/report?x=1")),
            "/console/K7HQ2M/report?x=1"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "\\\\evil",
            "",
            "/",
            "/\\evil",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2F%2Fevil",
            "/console\n",
            "/console/ x",
            "javascript:alert(1)",
            "/j/K7HQ2M",
            "/console@evil",
        ] {
            assert_eq!(safe_next(Some(bad)), "/console", "{bad}");
        }
        assert_eq!(safe_next(None), "/console");
    }
}
