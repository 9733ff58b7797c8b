//! HTTP: pages and live sockets by audience (attendee, projector, console),
//! signing in and sessions (`auth/`), facilitator accounts and invitations
//! (`accounts/`), health and static assets. [`configure`] registers every
//! route and is used by the binary and the tests alike.

mod accounts;
pub mod address_limit;
mod agenda_editor;
mod agenda_transfer;
mod assets;
mod attend;
pub mod auth;
pub mod body_timeout;
pub mod client_address;
mod co_facilitators;
pub mod connection_limit;
mod console;
pub mod device;
pub mod error_page;
mod flash;
mod health;
mod history;
pub mod instance;
pub mod language;
pub mod origin;
pub mod pages;
mod projector;
mod report;
mod request_log;
pub mod requests;
pub mod socket;
mod state;
mod translations;

pub use request_log::log_request;
pub use state::AppState;

use crate::error::AppResult;
use crate::i18n::Message;
use actix_web::http::StatusCode;
use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpResponse, web};
use askama::Template;

/// Largest form body accepted (the login form, later the agenda forms).
pub const FORM_LIMIT: usize = 64 * 1024;

/// Every route of the server.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(form_config(FORM_LIMIT))
        .route("/", web::get().to(attend::home))
        .route("/join", web::get().to(attend::join))
        .route("/language", web::get().to(language::choose))
        .route("/j/{code}", web::get().to(attend::page))
        .route("/p/{code}", web::get().to(projector::page))
        .route("/login", web::get().to(auth::login::login_page))
        .route("/login", web::post().to(auth::login::login))
        .route("/logout", web::post().to(auth::login::logout))
        .route("/console", web::get().to(console::list))
        // Before `/console/{code}`, which would take "accounts" for a code.
        .route("/console/accounts", web::get().to(accounts::page))
        .route("/console/accounts/invite", web::post().to(accounts::invite))
        .route(
            "/console/accounts/{id}/{action}",
            web::post().to(accounts::account_action),
        )
        .route("/invite/{token}", web::get().to(accounts::invitation::page))
        .route(
            "/invite/{token}",
            web::post().to(accounts::invitation::accept),
        )
        .route("/console/gatherings", web::post().to(agenda_editor::create))
        .route(
            "/console/import",
            web::get().to(agenda_transfer::import_page),
        )
        .route(
            "/console/import/preview",
            web::post().to(agenda_transfer::import_preview),
        )
        .service(
            web::resource("/console/import")
                .app_data(form_config(agenda_transfer::IMPORT_FORM_LIMIT))
                .route(web::post().to(agenda_transfer::import_confirm)),
        )
        .service(
            web::resource("/console/import/again")
                .app_data(form_config(agenda_transfer::IMPORT_FORM_LIMIT))
                .route(web::post().to(agenda_transfer::import_again)),
        )
        .route(
            "/console/{code}/report{format:(|\\.csv|\\.json)}",
            web::get().to(report::report),
        )
        .route(
            "/console/{code}/export.{format}",
            web::get().to(agenda_transfer::export),
        )
        .route("/console/{code}", web::get().to(console::page))
        .route("/console/{code}/history", web::get().to(history::fragment))
        .route(
            "/console/{code}/edit",
            web::get().to(agenda_editor::edit_page),
        )
        .route(
            "/console/{code}/settings",
            web::post().to(agenda_editor::save_settings),
        )
        .route(
            "/console/{code}/time-zone",
            web::post().to(agenda_editor::default_time_zone),
        )
        .route(
            "/console/{code}/duplicate",
            web::post().to(agenda_editor::duplicate),
        )
        .route(
            "/console/{code}/delete",
            web::get().to(agenda_editor::delete_page),
        )
        .route(
            "/console/{code}/delete",
            web::post().to(agenda_editor::delete),
        )
        .route(
            "/console/{code}/sections",
            web::post().to(agenda_editor::add_section),
        )
        .route(
            "/console/{code}/sections/{id}/{action}",
            web::post().to(agenda_editor::section_action),
        )
        .route(
            "/console/{code}/topics/new",
            web::get().to(agenda_editor::new_topic_page),
        )
        .route(
            "/console/{code}/topics",
            web::post().to(agenda_editor::create_topic),
        )
        .route(
            "/console/{code}/topics/{id}",
            web::get().to(agenda_editor::edit_topic_page),
        )
        .route(
            "/console/{code}/topics/{id}",
            web::post().to(agenda_editor::update_topic),
        )
        .route(
            "/console/{code}/topics/{id}/{action}",
            web::post().to(agenda_editor::topic_action),
        )
        .route(
            "/console/{code}/requests",
            web::get().to(requests::console_page),
        )
        .route(
            "/console/{code}/requests.{format}",
            web::get().to(requests::download),
        )
        .route(
            "/console/{code}/request-settings",
            web::post().to(requests::save_settings),
        )
        .route(
            "/console/{code}/requests/{id}",
            web::post().to(requests::console_moderate),
        )
        .route(
            "/console/{code}/moderators",
            web::post().to(requests::create_link),
        )
        .route(
            "/console/{code}/moderators/{id}/revoke",
            web::post().to(requests::revoke_link),
        )
        .route(
            "/console/{code}/co-facilitators",
            web::post().to(co_facilitators::add),
        )
        .route(
            "/console/{code}/co-facilitators/{account}/remove",
            web::post().to(co_facilitators::remove),
        )
        .route("/m", web::get().to(requests::moderator_enter))
        .route("/m/{code}", web::get().to(requests::moderator_page))
        .route(
            "/m/{code}/requests/{id}",
            web::post().to(requests::moderator_moderate),
        )
        .route(
            "/console/{code}/language",
            web::post().to(translations::set_main_language),
        )
        .route(
            "/console/{code}/projector-languages",
            web::post().to(translations::set_projector),
        )
        .route(
            "/console/{code}/translations",
            web::post().to(translations::add),
        )
        .service(
            web::resource("/console/{code}/translations/{language}")
                .app_data(form_config(translations::IMPORT_TRANSLATION_LIMIT))
                .route(web::get().to(translations::edit_page))
                .route(web::post().to(translations::save)),
        )
        .route(
            "/console/{code}/translations/{language}/remove",
            web::post().to(translations::remove),
        )
        .route(
            "/console/{code}/import-translation",
            web::get().to(translations::import_page),
        )
        .route(
            "/console/{code}/import-translation/preview",
            web::post().to(translations::import_preview),
        )
        .service(
            web::resource("/console/{code}/import-translation")
                .app_data(form_config(translations::IMPORT_TRANSLATION_LIMIT))
                .route(web::post().to(translations::import_confirm)),
        )
        .route("/ws/attend/{code}", web::get().to(attend::socket))
        .route("/ws/projector/{code}", web::get().to(projector::socket))
        .route("/ws/console/{code}", web::get().to(console::socket))
        .route(
            "/ws/moderate/{code}",
            web::get().to(requests::moderator_socket),
        )
        .route("/healthz", web::get().to(health::healthz))
        .route("/static/{file}", web::get().to(assets::asset))
        .default_service(web::to(attend::unknown_path));
}

/// Form bodies up to `limit` bytes; larger ones get a 413 that says so.
fn form_config(limit: usize) -> web::FormConfig {
    web::FormConfig::default()
        .limit(limit)
        .error_handler(move |error, _| {
            let message = match error {
                actix_web::error::UrlencodedError::Overflow { .. } => {
                    return crate::error::AppError::PayloadTooLarge(
                        Message::new("error-form-too-large").number("count", limit / 1024),
                    )
                    .into();
                }
                other => {
                    tracing::debug!(error = %other, "form unreadable");
                    Message::new("error-form-unreadable")
                }
            };
            crate::error::AppError::BadRequest(message).into()
        })
}

/// Headers on every response: no inline scripts, no framing, no sniffing.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
             frame-ancestors 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        // Other sites are told nothing; this one's own posts carry their
        // true Origin (under `no-referrer` a browser sends `Origin: null`).
        .add(("Referrer-Policy", "same-origin"))
        .add(("X-Frame-Options", "DENY"))
}

/// A redirect to `location` after a form (303: the browser follows with GET).
pub fn see_other(location: impl AsRef<str>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.as_ref()))
        .finish()
}

/// Renders a page; a template failure is an error response, never a panic.
pub fn render(status: StatusCode, page: &impl Template) -> AppResult<HttpResponse> {
    let html = page.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html))
}
