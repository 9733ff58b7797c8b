//! Moderator links: made (shown once) and revoked by the facilitator, and
//! the live socket a helper's page follows the queue on.

use super::page::console_requests;
use super::{code_hash, facilitators_gathering, linked_gathering, no_such_link, with_max};
use crate::domain::moderator_code::ModeratorCode;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::live::protocol::Role;
use crate::web::socket::{self, Peer};
use crate::web::{AppState, origin, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The longest label of a moderator link ("Prayer team, side room").
const MAX_LABEL_CHARS: usize = 60;

/// The form that makes a moderator link.
#[derive(Deserialize, Default)]
pub struct LinkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    label: String,
}

/// `POST /console/{code}/moderators`: a new link, shown once.
pub async fn create_link(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<LinkForm>,
) -> AppResult<HttpResponse> {
    let (facilitator, gathering) = match facilitators_gathering(&req).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let label: String = form.label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() > MAX_LABEL_CHARS {
        let why = with_max(&t, "requests-error-link-label", MAX_LABEL_CHARS as i64);
        return console_requests(
            t,
            &state,
            &gathering,
            &facilitator,
            None,
            Some(why),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let moderator = ModeratorCode::generate();
    state
        .store
        .insert_moderator_link(
            gathering.id,
            &code_hash(&moderator),
            &label,
            Some(facilitator.account().id),
        )
        .await?;
    tracing::info!(gathering = %gathering.code, "moderator link made");
    let url = format!("{}/m/{}", state.base_url(&req), moderator.as_str());
    console_requests(
        t,
        &state,
        &gathering,
        &facilitator,
        Some((url, moderator.grouped())),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /console/{code}/moderators/{id}/revoke`
pub async fn revoke_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<LinkForm>,
) -> AppResult<HttpResponse> {
    let (_, link_id) = path.into_inner();
    let (facilitator, gathering) = match facilitators_gathering(&req).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    // Its open pages stop at once, on every instance.
    if !state.app.revoke_moderator_link(&gathering, link_id).await? {
        return Err(AppError::NotFound(Message::new("requests-error-link-gone")));
    }
    Ok(see_other(format!("/console/{}/requests", gathering.code)))
}

/// `GET /ws/moderate/{code}`: a helper's live queue. Its socket can never
/// control the gathering (only the console's can) and closes when the link
/// is revoked.
pub async fn moderator_socket(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    origin::check(&req, &state.allowed_origins, Role::Moderator)?;
    let (moderator, _, gathering) = linked_gathering(&req, &state, &code).await?;
    let hash = code_hash(&moderator);
    // A revocation during the upgrade is always seen.
    let Some(revoked) = state.app.watch_moderator_link(&hash).await? else {
        return Err(no_such_link());
    };
    let (gathering, room) = state.hub.find(&gathering.code).await?;
    let peer = Peer {
        role: Role::Moderator,
        device: None,
        language: "",
        revoked: Some(revoked),
        account: None,
    };
    socket::open(&req, body, &state, room, gathering.code, peer)
        .await
        .map_err(|e| socket::refused_upgrade(&e))
}
