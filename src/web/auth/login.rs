//! The sign-in page (one for every account: name and password), signing
//! out, and where a sign-in may return to. Sessions themselves are in
//! [`super`].

use super::known_browser;
use super::password::Busy;
use super::{Facilitator, encode_query, start_session};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::auth::csrf::Checked;
use crate::web::pages::LoginPage;
use crate::web::{AppState, flash, language, render};
use actix_web::cookie::Cookie;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use std::time::Duration;

/// Slows down password guessing.
const WRONG_PASSWORD_DELAY: Duration = Duration::from_millis(750);

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
            name: String::new(),
            next,
            flash: flash.clone(),
        },
    )?;
    flash::shown(&mut response, &flash);
    Ok(response)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    name: String,
    password: String,
    next: Option<String>,
}

/// `POST /login`. The attempt is counted before the password is checked (so a
/// burst of parallel guesses cannot all pass the limit), and given back when it
/// was right. A known browser is limited on its own, not by its address. An
/// unknown name costs the same password check as a wrong password, so the
/// answer's time does not tell which names exist.
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> AppResult<HttpResponse> {
    let next = safe_next(form.next.as_deref());
    let credentials = state.store.credentials(&form.name).await?;
    let hash = credentials
        .as_ref()
        .map(|c| c.password_hash.as_str())
        .unwrap_or(&state.unknown_account_hash);
    let known = credentials
        .as_ref()
        .and_then(|c| known_browser::recognise(&req, &c.password_hash));
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
            "sign-in refused: too many password attempts"
        );
        return Err(AppError::TooManyRequests(Message::new("login-too-many")));
    }
    let right = match state.passwords.verify(&form.password, hash).await {
        Ok(right) => right && credentials.is_some(),
        Err(Busy) => {
            refund();
            tracing::warn!("sign-in refused: password checks busy");
            return Err(AppError::TooManyRequests(Message::new("login-busy")));
        }
    };
    let Some(credentials) = credentials.filter(|_| right) else {
        tracing::warn!("sign-in refused: wrong name or password");
        tokio::time::sleep(WRONG_PASSWORD_DELAY).await;
        let t = language::for_request(&req);
        return render(
            StatusCode::UNAUTHORIZED,
            &LoginPage {
                t,
                languages: language::choices(&t),
                back: login_back(&next),
                error: Some(t.get("login-wrong-password")),
                name: form.name.trim().chars().take(64).collect(),
                next,
                flash: None,
            },
        );
    };
    refund();
    let account = credentials.account.clone();
    let cookie = start_session(&state, account.clone()).await?;
    let known_cookie =
        known_browser::cookie(known, &credentials.password_hash, state.secure_cookies);
    tracing::info!(account = account.id, "signed in");
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, next))
        .cookie(cookie)
        .cookie(known_cookie)
        .finish())
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    _form: Checked<CsrfForm>,
) -> AppResult<HttpResponse> {
    state.app.sign_out(&facilitator.session).await?;
    let mut gone = Cookie::build(super::SESSION_COOKIE, "").path("/").finish();
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

crate::web::auth::csrf::csrf_field!(CsrfForm);

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
