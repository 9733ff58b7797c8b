//! Error responses in the reader's language. Handlers that know the reader
//! put their refusals into words themselves; this middleware does it for the
//! errors raised where no request is at hand (sign-in needed, an expired
//! form, a failure on the server). A browser gets a small page (with `lang`
//! and a way on); anything else gets the same sentence as plain text.

use super::language;
use super::pages::ErrorPage;
use crate::error::AppError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, HttpResponse};
use askama::Template;

/// Middleware: rewrites the body of an [`AppError`] response in the
/// request's language (the status and the other headers stay).
pub async fn translate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let response = next.call(req).await?;
    let Some(app_error) = response
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>())
    else {
        return Ok(response.map_into_left_body());
    };
    let t = language::for_request(response.request());
    let message = match app_error {
        AppError::Unauthorized => t.get("login-needed"),
        AppError::Csrf => t.get("error-csrf"),
        AppError::Restarting => t.get("error-restarting"),
        // The cause is logged by the error itself; the reader gets no detail.
        _ if response.status().is_server_error() => t.get("error-server"),
        refusal => match refusal.message() {
            Some(message) => t.say(message),
            None => refusal.to_string(),
        },
    };
    let mut replacement = refusal(response.request(), response.status(), t, message);
    if let AppError::Restarting = app_error {
        replacement
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    }
    let (req, _) = response.into_parts();
    Ok(ServiceResponse::new(req, replacement).map_into_right_body())
}

/// The response for a refusal with `message`: a page for a browser, plain text otherwise.
pub fn refusal(
    req: &HttpRequest,
    status: StatusCode,
    t: crate::i18n::Tr,
    message: String,
) -> HttpResponse {
    let wants_page = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let mut builder = HttpResponse::build(status);
    if wants_page {
        let (back, back_words) =
            if status == StatusCode::UNAUTHORIZED || req.path().starts_with("/console") {
                ("/login".to_string(), t.get("home-facilitator-link"))
            } else {
                ("/".to_string(), t.get("error-back-home"))
            };
        let page = ErrorPage {
            t,
            message: message.clone(),
            back,
            back_words,
        };
        if let Ok(html) = page.render() {
            return builder
                .content_type("text/html; charset=utf-8")
                .insert_header(("Cache-Control", "no-store"))
                .body(html);
        }
    }
    builder
        .content_type("text/plain; charset=utf-8")
        .body(message)
}
