//! Who is asking: a signed-in account's session (a random token in an
//! HttpOnly, SameSite=Strict cookie, only its hash stored, and a CSRF token
//! for forms that change anything), what that account is to the gathering a
//! console route names, and the owner's account made at first start. The
//! sign-in pages themselves are in [`super::login`].

pub mod csrf;
pub mod known_browser;
pub mod login;
pub mod password;

use super::AppState;
pub use crate::domain::secret_token::{random_token, token_hash};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::store::{Access, Account, Gathering, SessionRecord, Store, now_ms};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
pub use password::hash_password;
use password::{generate_password, verify_password};
use std::future::Future;
use std::pin::Pin;

pub const SESSION_COOKIE: &str = "intercede_session";
/// How long a sign-in lasts.
const SESSION_DAYS: i64 = 7;
/// The owner's account name when none is given.
pub const OWNER_NAME: &str = "admin";

/// Sets up the owner's account at start-up. Returns the password if one was
/// generated (to print once), `None` if one was given or the owner already
/// has one. A given password that differs from the stored one replaces it and
/// ends the owner's sessions.
pub async fn ensure_owner(store: &Store, given: Option<&str>) -> AppResult<Option<String>> {
    let stored = store.owner_credentials().await?;
    match (given, stored) {
        (Some(given), Some(stored)) if verify_password(given, &stored.password_hash) => Ok(None),
        (Some(given), stored) => {
            let owner = store.set_owner(OWNER_NAME, &hash_password(given)?).await?;
            if stored.is_some() {
                store.delete_sessions_of(owner.id).await?;
            }
            Ok(None)
        }
        (None, Some(_)) => Ok(None),
        (None, None) => {
            let password = generate_password();
            store
                .set_owner(OWNER_NAME, &hash_password(&password)?)
                .await?;
            Ok(Some(password))
        }
    }
}

/// Starts a session for `account`: stores it and returns the cookie to set.
pub async fn start_session(state: &AppState, account: Account) -> AppResult<Cookie<'static>> {
    state.store.delete_expired_sessions().await?;
    let token = random_token();
    let session = SessionRecord {
        token_hash: token_hash(&token),
        csrf_token: random_token(),
        expires_at: now_ms() + SESSION_DAYS * 24 * 3600 * 1000,
        account,
    };
    state.store.insert_session(&session).await?;
    Ok(Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.secure_cookies)
        .max_age(actix_web::cookie::time::Duration::days(SESSION_DAYS))
        .finish())
}

/// The console routes whose `{code}` names a gathering: a facilitator reaches
/// them only if they may lead it.
const GATHERING_ROUTES: [&str; 2] = ["/console/{code}", "/ws/console/{code}"];

/// A request from a signed-in account. As an extractor it refuses everyone
/// else with 401 (handlers that want a redirect use `from_request_state`).
///
/// On a route of one gathering (`/console/{code}...`) it also checks the
/// account may lead that gathering, and refuses with 403 otherwise: every such
/// route is covered by taking a `Facilitator`, with no check to forget.
#[derive(Debug, Clone)]
pub struct Facilitator {
    pub session: SessionRecord,
    /// What the account is to the gathering the route names (`None` on
    /// routes of no gathering, or when the code names none).
    pub access: Option<Access>,
    /// That gathering, found once for the access check and kept for the
    /// handler (see [`Facilitator::gathering`]).
    led: Option<Gathering>,
}

impl Facilitator {
    /// The signed-in account of this request, if any (looked up once per
    /// request: later extractors of the same request reuse it).
    pub async fn from_request_state(req: &HttpRequest) -> AppResult<Option<Facilitator>> {
        if let Some(found) = req.extensions().get::<Facilitator>() {
            return Ok(Some(found.clone()));
        }
        let Some(cookie) = req.cookie(SESSION_COOKIE) else {
            return Ok(None);
        };
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return Err(AppError::internal("application state missing"));
        };
        let Some(session) = state
            .store
            .find_session(&token_hash(cookie.value()))
            .await?
        else {
            return Ok(None);
        };
        let (led, access) = match gathering_access(req, state, &session.account).await? {
            Some((gathering, access)) => (Some(gathering), Some(access)),
            None => (None, None),
        };
        let facilitator = Facilitator {
            session,
            access,
            led,
        };
        req.extensions_mut().insert(facilitator.clone());
        Ok(Some(facilitator))
    }

    pub fn account(&self) -> &Account {
        &self.session.account
    }

    /// The gathering the route's `{code}` names, which this account may
    /// lead; a 404 when the code names none.
    pub fn gathering(&self) -> AppResult<Gathering> {
        self.led_gathering()
            .ok_or_else(|| AppError::NotFound(Message::new("error-no-gathering")))
    }

    /// The same, `None` when the code names no gathering (for a page that
    /// answers with its own not-found page).
    pub fn led_gathering(&self) -> Option<Gathering> {
        self.led.clone()
    }

    /// Checks a form's CSRF token against this session's.
    pub fn check_csrf(&self, token: &str) -> AppResult<()> {
        if !token.is_empty() && token == self.session.csrf_token {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }

    /// Refuses unless the account may delete the gathering and choose who
    /// shares it (its owner, or the server's).
    pub fn check_manage(&self, req: &HttpRequest) -> AppResult<()> {
        match self.access {
            Some(access) if !access.may_manage() => {
                tracing::warn!(
                    account = self.account().id,
                    route = req.match_pattern().unwrap_or_default(),
                    "refused: a co-facilitator cannot do this"
                );
                Err(AppError::Forbidden(Message::new("error-owner-only")))
            }
            _ => Ok(()),
        }
    }

    /// Refuses unless the account owns the server.
    pub fn check_server_owner(&self, req: &HttpRequest) -> AppResult<()> {
        if self.account().is_owner {
            return Ok(());
        }
        tracing::warn!(
            account = self.account().id,
            route = req.match_pattern().unwrap_or_default(),
            "refused: only the server's owner manages accounts"
        );
        Err(AppError::Forbidden(Message::new("error-server-owner-only")))
    }
}

/// The gathering this route names and what `account` is to it; a 403 if it
/// may not lead it. The refusal is logged with ids only.
async fn gathering_access(
    req: &HttpRequest,
    state: &AppState,
    account: &Account,
) -> AppResult<Option<(Gathering, Access)>> {
    let pattern = req.match_pattern().unwrap_or_default();
    if !GATHERING_ROUTES
        .iter()
        .any(|route| pattern == *route || pattern.starts_with(&format!("{route}/")))
    {
        return Ok(None);
    }
    let Some(code) = req.match_info().get("code") else {
        return Ok(None);
    };
    let Ok(code) = crate::domain::JoinCode::parse(code) else {
        return Ok(None);
    };
    let Some(gathering) = state.store.find_gathering(&code).await? else {
        return Ok(None);
    };
    let access = state.store.access(account, gathering.id).await?;
    if !access.may_lead() {
        tracing::warn!(
            account = account.id,
            gathering = gathering.id,
            route = pattern,
            method = req.method().as_str(),
            "refused: not a facilitator of this gathering"
        );
        return Err(AppError::Forbidden(Message::new(
            "error-not-your-gathering",
        )));
    }
    Ok(Some((gathering, access)))
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

/// Where to send a visitor who must sign in first.
pub fn login_redirect(next: &str) -> HttpResponse {
    super::see_other(format!("/login?next={}", encode_query(next)))
}

pub fn encode_query(value: &str) -> String {
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
