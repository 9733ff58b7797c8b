//! Which language a request is answered in, and the language switch: the
//! choice made on a phone, or by the facilitator on the sign-in page, the
//! list or the console, is kept in a cookie, which wins over the browser's
//! `Accept-Language` (see [`crate::i18n::negotiate`]).

use super::AppState;
use crate::i18n::{LANGUAGE_COOKIE, Tr, negotiate};
use actix_web::FromRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use std::convert::Infallible;
use std::future::{Ready, ready};

/// The language to answer this request in.
pub fn for_request(req: &HttpRequest) -> Tr {
    let choice = req.cookie(LANGUAGE_COOKIE);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    negotiate(choice.as_ref().map(|c| c.value()), accept)
}

/// A handler takes `t: Tr` for the reader's words, as [`for_request`] finds them.
impl FromRequest for Tr {
    type Error = Infallible;
    type Future = Ready<Result<Tr, Infallible>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(for_request(req)))
    }
}

/// One entry of the language switch.
pub struct LanguageChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub chosen: bool,
}

/// Every language for the switch, the current one marked.
pub fn choices(t: &Tr) -> Vec<LanguageChoice> {
    t.choices()
        .into_iter()
        .map(|(code, name, chosen)| LanguageChoice { code, name, chosen })
        .collect()
}

#[derive(Deserialize)]
pub struct Choose {
    set: String,
    back: Option<String>,
}

/// `/language?set=es&back=/j/K7HQ2M`: the switch without scripts. Remembers
/// the choice and goes back to the page (only a path on this server).
pub async fn choose(state: web::Data<AppState>, query: web::Query<Choose>) -> HttpResponse {
    let back = query
        .back
        .as_deref()
        .filter(|b| is_local_path(b))
        .unwrap_or("/");
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, back.to_string()));
    if let Some(t) = Tr::for_code(&query.set) {
        response.cookie(cookie(t.lang(), state.secure_cookies));
    }
    response.finish()
}

/// The cookie the switch sets. Not `HttpOnly`: the phone's script sets the
/// same cookie when it switches, so the next page the server renders agrees.
fn cookie(lang: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(LANGUAGE_COOKIE, lang.to_string())
        .path("/")
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish()
}

/// A path on this server (`/j/K7HQ2M`), never another site (`//evil`, `/\evil`).
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && path.len() <= 200
        && path.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_gone_back_to() {
        for good in ["/", "/j/K7HQ2M", "/p/K7HQ2M?x=1"] {
            assert!(is_local_path(good), "{good}");
        }
        for bad in [
            "",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "j/K7",
            "/j/a b",
            "/j/\r\nSet-Cookie:x",
        ] {
            assert!(!is_local_path(bad), "{bad}");
        }
    }
}
