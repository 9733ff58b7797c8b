//! Sharing a gathering: its owner (or the server's) adds and removes
//! co-facilitators, who may then lead and edit it. The box lives on the
//! agenda editor's page.

use super::auth::Facilitator;
use super::pages::LeadersCard;
use super::{AppState, flash};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::store::Gathering;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The editor's "Who leads" box for `facilitator`.
pub async fn leaders_card(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    facilitator: &Facilitator,
) -> AppResult<LeadersCard> {
    let owner = state.store.gathering_owner(gathering.id).await?;
    let co_facilitators = state.store.co_facilitators(gathering.id).await?;
    let may_manage = facilitator.access.is_some_and(|a| a.may_manage());
    let candidates = if may_manage {
        let owner_id = owner.as_ref().map(|o| o.id);
        state
            .store
            .accounts()
            .await?
            .into_iter()
            .filter(|listed| listed.has_password && !listed.disabled)
            .map(|listed| listed.account)
            .filter(|a| Some(a.id) != owner_id && !co_facilitators.iter().any(|c| c.id == a.id))
            .map(|a| a.name)
            .collect()
    } else {
        Vec::new()
    };
    Ok(LeadersCard {
        t,
        owner: owner.map(|o| o.name).unwrap_or_default(),
        co_facilitators,
        may_manage,
        candidates,
    })
}

#[derive(Deserialize)]
pub struct AddForm {
    csrf: String,
    name: String,
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

async fn managed_gathering(
    req: &HttpRequest,
    facilitator: &Facilitator,
    csrf: &str,
) -> AppResult<Gathering> {
    facilitator.check_csrf(csrf)?;
    facilitator.check_manage(req)?;
    facilitator.gathering()
}

fn back_to_editor(code: &str, message: &str) -> HttpResponse {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, format!("/console/{code}/edit#leaders")));
    flash::add(&mut response, message);
    response.finish()
}

/// `POST /console/{code}/co-facilitators`: shares the gathering with the
/// enabled account of that name.
pub async fn add(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<AddForm>,
) -> AppResult<HttpResponse> {
    let gathering = managed_gathering(&req, &facilitator, &form.csrf).await?;
    let found = state
        .store
        .credentials(&form.name)
        .await?
        .map(|c| c.account);
    let Some(account) = found else {
        return Err(AppError::BadRequest(
            Message::new("leaders-no-account").text("name", form.name.trim()),
        ));
    };
    let owner = state.store.gathering_owner(gathering.id).await?;
    if owner.is_some_and(|o| o.id == account.id) {
        return Ok(back_to_editor(
            &gathering.code,
            &t.text("leaders-already-owner", "name", &account.name),
        ));
    }
    state
        .store
        .add_co_facilitator(gathering.id, account.id)
        .await?;
    tracing::info!(
        account = facilitator.account().id,
        gathering = gathering.id,
        co_facilitator = account.id,
        "co-facilitator added"
    );
    Ok(back_to_editor(
        &gathering.code,
        &t.text("leaders-added", "name", &account.name),
    ))
}

/// `POST /console/{code}/co-facilitators/{id}/remove`: stops sharing it.
/// The account's open consoles close; those of its other gatherings
/// reconnect at once, this one's are refused.
pub async fn remove(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> AppResult<HttpResponse> {
    let (_, account_id) = path.into_inner();
    let gathering = managed_gathering(&req, &facilitator, &form.csrf).await?;
    let leaders = state.store.co_facilitators(gathering.id).await?;
    let Some(leader) = leaders.into_iter().find(|a| a.id == account_id) else {
        return Err(AppError::NotFound(Message::new("leaders-not-shared")));
    };
    let Some(links) = state
        .app
        .remove_co_facilitator(&gathering, leader.id)
        .await?
    else {
        return Err(AppError::NotFound(Message::new("leaders-not-shared")));
    };
    tracing::info!(
        account = facilitator.account().id,
        gathering = gathering.id,
        co_facilitator = leader.id,
        moderator_links = links,
        "co-facilitator removed"
    );
    Ok(back_to_editor(
        &gathering.code,
        &t.text("leaders-removed", "name", &leader.name),
    ))
}
