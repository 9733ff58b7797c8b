//! The owner's accounts page: who may sign in, invitation links for new
//! facilitators, new-password links for those who forgot theirs, and
//! disabling or enabling an account. Only the server's owner reaches it; the
//! invitee's side of a link is in [`invitation`].

pub mod invitation;

use super::auth::{Facilitator, login_redirect};
use super::pages::{AccountRow, AccountsPage, InvitationMadePage};
use super::projector::qr_svg;
use super::{AppState, flash, language, render};
use crate::app::invitations::{self, INVITATION_DAYS, NewInvitation};
use crate::domain::MeetingZone;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::store::ListedAccount;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

const ACCOUNTS_PATH: &str = "/console/accounts";

/// `GET /console/accounts`.
pub async fn page(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(ACCOUNTS_PATH));
    };
    facilitator.check_server_owner(&req)?;
    let t = language::for_request(&req);
    // Accounts belong to no gathering: their dates are on the universal clock.
    let zone = MeetingZone::utc();
    let open = state.store.open_invitations().await?;
    let until = |account: Option<i64>| {
        open.iter()
            .filter(|(id, _)| *id == account)
            .map(|(_, expires_at)| t.date_time(&zone, *expires_at))
            .collect::<Vec<_>>()
    };
    let accounts = state
        .store
        .accounts()
        .await?
        .into_iter()
        .map(|listed| AccountRow {
            id: listed.account.id,
            created: t.text(
                "accounts-created",
                "date",
                &t.date(&zone, listed.created_at),
            ),
            link_until: until(Some(listed.account.id)).pop(),
            name: listed.account.name,
            is_owner: listed.account.is_owner,
            disabled: listed.disabled,
            pending: !listed.has_password,
            gatherings: listed.gatherings,
            co_leads: listed.co_leads,
        })
        .collect();
    let flash = flash::take(&req);
    let mut response = render(
        StatusCode::OK,
        &AccountsPage {
            t,
            languages: language::choices(&t),
            back: ACCOUNTS_PATH.into(),
            accounts,
            waiting: until(None),
            invitation_days: INVITATION_DAYS,
            csrf: facilitator.session.csrf_token,
            flash: flash.clone(),
        },
    )?;
    flash::shown(&mut response, &flash);
    Ok(response)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// The owner, checked, or the refusal: who asks before what the form says.
fn owner_form(req: &HttpRequest, facilitator: &Facilitator, form: &CsrfForm) -> AppResult<()> {
    facilitator.check_server_owner(req)?;
    facilitator.check_csrf(&form.csrf)
}

/// `POST /console/accounts/invite`: a link for a new facilitator.
pub async fn invite(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<CsrfForm>,
) -> AppResult<HttpResponse> {
    owner_form(&req, &facilitator, &form)?;
    let owner = facilitator.account().id;
    let made = invitations::invite(&state.store, None, Some(owner)).await?;
    tracing::info!(owner, "invitation made for a new account");
    link_made(&req, &state, made, None)
}

/// `POST /console/accounts/{id}/{action}`: `reset`, `disable` or `enable`.
pub async fn account_action(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(i64, String)>,
    form: web::Form<CsrfForm>,
) -> AppResult<HttpResponse> {
    owner_form(&req, &facilitator, &form)?;
    let (id, action) = path.into_inner();
    let owner = facilitator.account().id;
    let target = listed_account(&state, id).await?;
    let Some(target) = target.filter(|_| matches!(action.as_str(), "reset" | "disable" | "enable"))
    else {
        tracing::info!(
            owner,
            account = id,
            "account action refused: no such account or action"
        );
        return Err(AppError::NotFound(Message::new("accounts-no-such")));
    };
    let name = target.account.name.clone();
    match action.as_str() {
        "reset" => {
            // A disabled account's links do not work: enabling comes first.
            if target.disabled {
                tracing::info!(
                    owner,
                    account = id,
                    "password link refused: account disabled"
                );
                return Err(AppError::BadRequest(Message::new(
                    "accounts-reset-disabled",
                )));
            }
            let made = invitations::invite(&state.store, Some(id), Some(owner)).await?;
            tracing::info!(owner, account = id, "new password link made");
            link_made(&req, &state, made, Some(name))
        }
        "disable" => {
            // Its pages stop at the next request; its open consoles, and
            // the helpers' pages of the moderator links it made, now.
            let Some(ended) = state.app.disable_account(id).await? else {
                tracing::warn!(
                    owner,
                    account = id,
                    "refused: the owner's account stays enabled"
                );
                return Err(AppError::BadRequest(Message::new("accounts-owner-stays")));
            };
            tracing::info!(
                owner,
                account = id,
                sessions = ended.sessions.len(),
                moderator_links = ended.moderator_links.len(),
                "account disabled"
            );
            Ok(flash::see_other_with(
                ACCOUNTS_PATH,
                &t.text("accounts-disabled-flash", "name", &name),
            ))
        }
        _ => {
            state.store.enable_account(id).await?;
            tracing::info!(owner, account = id, "account enabled");
            Ok(flash::see_other_with(
                ACCOUNTS_PATH,
                &t.text("accounts-enabled-flash", "name", &name),
            ))
        }
    }
}

async fn listed_account(state: &AppState, id: i64) -> AppResult<Option<ListedAccount>> {
    Ok(state
        .store
        .accounts()
        .await?
        .into_iter()
        .find(|listed| listed.account.id == id))
}

/// The page that shows a link just made, this once (it is not stored, so a
/// reload cannot show it; `render` keeps it out of every cache).
fn link_made(
    req: &HttpRequest,
    state: &AppState,
    made: NewInvitation,
    for_account: Option<String>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(req);
    let url = made.url(&state.base_url(req));
    render(
        StatusCode::OK,
        &InvitationMadePage {
            t,
            for_account,
            qr_svg: qr_svg(&url),
            url,
            expires: t.date_time(&MeetingZone::utc(), made.expires_at),
        },
    )
}
