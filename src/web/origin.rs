//! The Origin check on websocket upgrades: a page on another site must not be
//! able to open a live connection with a visitor's cookies.

use crate::error::{AppError, AppResult};
use crate::live::protocol::Role;
use actix_web::HttpRequest;
use actix_web::http::header;

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
    Err(AppError::Forbidden(
        "This page may not connect here.".into(),
    ))
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
    fn a_missing_origin_is_refused_only_where_required() {
        assert!(allowed(&request("localhost:8080", None), &[], false));
        assert!(!allowed(&request("localhost:8080", None), &[], true));
    }
}
