//! Where a request comes from. A page on another site must not be able to
//! open a live connection with a visitor's cookies ([`check`], on websocket
//! upgrades), nor post a form here: not even the sign-in or an invitation,
//! which carry no CSRF token (a foreign page could sign a browser into an
//! account of its choosing). [`refuse_cross_site`] guards every form.

use super::AppState;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::live::protocol::Role;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, web};

/// Whether an upgrade request may proceed. A browser always sends `Origin` on a
/// websocket upgrade; a request without one is not from a page, which is fine
/// for read-only and attendee sockets but not for the facilitator's.
pub fn allowed(req: &HttpRequest, extra: &[String], require_origin: bool) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return !require_origin;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let origin = origin.trim_end_matches('/');
    let same_host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|host| {
            ["http://", "https://"].iter().any(|scheme| {
                origin
                    .strip_prefix(scheme)
                    .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
            })
        });
    same_host
        || extra
            .iter()
            .any(|allowed| allowed.trim_end_matches('/').eq_ignore_ascii_case(origin))
}

/// Refuses an upgrade from a foreign page with 403 (and logs it). Only the
/// facilitator's socket must come from a page at all.
pub fn check(req: &HttpRequest, extra: &[String], role: Role) -> AppResult<()> {
    // Sockets that hold a credential (a login, a moderator link) need an Origin.
    if allowed(req, extra, matches!(role, Role::Console | Role::Moderator)) {
        return Ok(());
    }
    tracing::warn!(
        role = role.as_str(),
        "websocket refused: foreign or missing origin"
    );
    Err(AppError::Forbidden(Message::new("error-foreign-page")))
}

/// Whether a request that changes something may come from where it does:
/// the browser's own `Sec-Fetch-Site` when it sends one (every current
/// browser does), else the `Origin` against the host (a request with neither
/// is not from a browser's page, so no visitor's cookies are being borrowed).
/// An origin named in `extra` is always allowed.
pub fn post_allowed(req: &HttpRequest, extra: &[String]) -> bool {
    let trusted = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .is_some_and(|origin| {
            extra.iter().any(|allowed| {
                allowed
                    .trim_end_matches('/')
                    .eq_ignore_ascii_case(origin.trim_end_matches('/'))
            })
        });
    if trusted {
        return true;
    }
    match req.headers().get("sec-fetch-site") {
        Some(site) => matches!(site.as_bytes(), b"same-origin" | b"none"),
        None => allowed(req, extra, false),
    }
}

/// Middleware: refuses, with 403, any request that changes something and
/// comes from another site's page.
pub async fn refuse_cross_site(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    // Most requests only read: they pass without a look at their origin.
    let allowed = req.method().is_safe()
        || req
            .app_data::<web::Data<AppState>>()
            .is_none_or(|state| post_allowed(req.request(), &state.allowed_origins));
    if allowed {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    tracing::warn!(method = %req.method(), "refused a form posted from another site");
    let refusal = AppError::Forbidden(Message::new("error-cross-site"));
    Ok(req.error_response(refusal).map_into_right_body())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn request(host: &str, origin: Option<&str>) -> HttpRequest {
        let mut req = TestRequest::default().insert_header((header::HOST, host));
        if let Some(origin) = origin {
            req = req.insert_header((header::ORIGIN, origin));
        }
        req.to_http_request()
    }

    #[test]
    fn origins_are_checked_against_the_host_and_the_allowlist() {
        let extra = vec!["https://prayer.example.org".to_string()];
        let cases = [
            ("192.168.1.20:8080", Some("http://192.168.1.20:8080"), true),
            ("localhost:8080", Some("http://LOCALHOST:8080"), true),
            (
                "prayer.example.org",
                Some("https://prayer.example.org"),
                true,
            ),
            (
                "192.168.1.20:8080",
                Some("https://prayer.example.org/"),
                true,
            ),
            ("192.168.1.20:8080", Some("http://evil.example"), false),
            ("192.168.1.20:8080", Some("http://192.168.1.20:8081"), false),
            (
                "192.168.1.20:8080",
                Some("http://192.168.1.20:8080.evil.example"),
                false,
            ),
            ("192.168.1.20:8080", Some("null"), false),
        ];
        for (host, origin, expected) in cases {
            assert_eq!(
                allowed(&request(host, origin), &extra, true),
                expected,
                "{host} / {origin:?}"
            );
        }
    }

    #[test]
    fn forms_are_taken_from_this_site_only() {
        let extra = vec!["https://prayer.example.org".to_string()];
        let post = |headers: &[(&str, &str)]| {
            let mut req = TestRequest::post().insert_header((header::HOST, "192.168.1.20:8080"));
            for (name, value) in headers {
                req = req.insert_header((*name, *value));
            }
            post_allowed(&req.to_http_request(), &extra)
        };
        assert!(post(&[]), "not from a page");
        assert!(post(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "null")
        ]));
        assert!(post(&[("sec-fetch-site", "none")]), "typed or bookmarked");
        assert!(post(&[("origin", "http://192.168.1.20:8080")]));
        assert!(post(&[
            ("origin", "https://prayer.example.org"),
            ("sec-fetch-site", "cross-site")
        ]));
        assert!(!post(&[("origin", "http://evil.example")]));
        assert!(!post(&[("origin", "null")]));
        assert!(!post(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://evil.example")
        ]));
        assert!(!post(&[
            ("sec-fetch-site", "same-site"),
            ("origin", "http://a.192.168.1.20:8080")
        ]));
    }

    #[test]
    fn a_missing_origin_is_refused_only_where_required() {
        assert!(allowed(&request("localhost:8080", None), &[], false));
        assert!(!allowed(&request("localhost:8080", None), &[], true));
    }
}
