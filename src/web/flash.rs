//! A short confirmation shown once on the page a form redirects to ("Saved
//! “Evening prayer”.", "You are signed out."). It travels in a cookie that
//! lives a minute and is removed by the page that shows it, so a reload or
//! the back button never shows it again. The text is always escaped where it
//! is shown, so a flash cookie made by hand can only put plain words on its
//! own browser's page.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

const FLASH_COOKIE: &str = "intercede_flash";
/// Longer text is cut: a confirmation is one short line.
const MAX_CHARS: usize = 300;

/// The cookie that carries `message` to the next page.
fn cookie(message: &str) -> Cookie<'static> {
    let message: String = message.chars().take(MAX_CHARS).collect();
    Cookie::build(FLASH_COOKIE, message)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::minutes(1))
        .finish()
}

/// A redirect to `location` that shows `message` there.
pub fn see_other_with(location: &str, message: &str) -> HttpResponse {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, location.to_string()));
    add(&mut response, message);
    response.finish()
}

/// Adds `message` to a response that is being built (percent-encoded, as
/// the request side decodes it).
pub fn add(response: &mut actix_web::HttpResponseBuilder, message: &str) {
    response.append_header((header::SET_COOKIE, cookie(message).encoded().to_string()));
}

/// The message waiting for this page, if any.
pub fn take(req: &HttpRequest) -> Option<String> {
    req.cookie(FLASH_COOKIE)
        .map(|c| c.value().chars().take(MAX_CHARS).collect::<String>())
        .filter(|m| !m.trim().is_empty())
}

/// Removes the message once its page is rendered, so it shows only once.
pub fn shown(response: &mut HttpResponse, flash: &Option<String>) {
    if flash.is_none() {
        return;
    }
    let mut gone = Cookie::build(FLASH_COOKIE, "").path("/").finish();
    gone.make_removal();
    // unwrap: a removal cookie is plain ASCII, always a valid header value.
    response.add_cookie(&gone).unwrap();
}
