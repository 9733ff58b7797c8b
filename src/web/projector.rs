//! The projector: a read-only, full-screen view of the current topic with the
//! join details, and its live socket.

use super::pages::{ProjectorBeside, ProjectorPage, TopicView};
use super::{AppState, attend, origin, render};
use crate::domain::agenda::paragraphs;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::live::protocol::Role;
use crate::web::socket::{self, Peer};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use qrcode::QrCode;
use qrcode::render::svg;

/// An SVG QR code for an address (a join, moderator or invitation link),
/// sized by its container.
pub fn qr_svg(url: &str) -> String {
    match QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<svg::Color>()
                .quiet_zone(true)
                .dark_color(svg::Color("#000000"))
                .light_color(svg::Color("#ffffff"))
                .build();
            // Drop the XML prolog: this goes inside an HTML page.
            match svg.find("<svg") {
                Some(start) => svg[start..].to_string(),
                None => svg,
            }
        }
        Err(error) => {
            tracing::warn!(%error, "could not make a QR code for a link");
            String::new()
        }
    }
}

/// The counting words `projector.js` changes with the numbers.
const SCRIPT_COUNTS: &[&str] = &[
    "requests-praying",
    "projector-praying-word",
    "projector-thanks-word",
    "projector-here-word",
];

pub async fn page(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let gathering = match attend::lookup(&req, &state, &code).await {
        Ok(found) => found,
        Err(AppError::NotFound(_)) => return attend::not_found(&req, &code),
        Err(other) => return Err(other),
    };
    let view = state
        .hub
        .view(&gathering, Role::Projector, None, "")
        .await?;
    // The opening verse is not in the live frames: read it in each language shown.
    let agenda = state.store.load_agenda(&gathering).await?;
    let verse = |language: &str| match language == gathering.language {
        true => gathering.scripture.clone(),
        false => agenda.gathering_text_in(language).scripture,
    };
    let opening = verse(&view.gathering.language);
    let beside = view.gathering.beside.as_ref().map(|words| {
        let opening = verse(&words.language);
        let column = Tr::for_code(&words.language).unwrap_or(t);
        ProjectorBeside {
            language: words.language.clone(),
            praise: column.get("projector-praise"),
            untranslated: column.get("projector-not-translated"),
            title: words.title.clone(),
            topic: view.live.topic_beside.as_ref().map(TopicView::from),
            opening_text: opening.as_ref().map(|s| s.text.clone()),
            opening_ref: opening.as_ref().map(|s| s.reference.clone()),
            introduction: paragraphs(&words.introduction),
            closing: paragraphs(&words.closing),
        }
    });
    let site_url = state.base_url(&req);
    let join_url = format!("{site_url}/j/{}", gathering.code);
    let page = ProjectorPage {
        t,
        messages: t.script_messages(&[], SCRIPT_COUNTS, &[]),
        join_go: t.around("projector-join-go", "site"),
        code: gathering.code.clone(),
        title: view.gathering.title.clone(),
        phase: view.live.phase.as_str().to_string(),
        blank: view.live.blank,
        topic: view.live.topic.as_ref().map(TopicView::from),
        praying: view.counts.praying,
        here: view.counts.here.unwrap_or(0),
        qr_svg: qr_svg(&join_url),
        join_url,
        site_url,
        opening_text: opening.as_ref().map(|s| s.text.clone()),
        opening_ref: opening.as_ref().map(|s| s.reference.clone()),
        introduction: paragraphs(&view.gathering.introduction),
        closing: paragraphs(&view.gathering.closing),
        join_panel: view.live.join_panel,
        language: view.gathering.language.clone(),
        beside,
    };
    render(StatusCode::OK, &page)
}

pub async fn socket(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    origin::check(&req, &state.allowed_origins, Role::Projector)?;
    let gathering = attend::lookup(&req, &state, &code).await?;
    let room = state.hub.room(&gathering).await?;
    let peer = Peer {
        role: Role::Projector,
        device: None,
        language: "",
        revoked: None,
        account: None,
    };
    socket::open(&req, body, &state, room, gathering.code, peer)
        .await
        .map_err(|e| socket::refused_upgrade(&e))
}
