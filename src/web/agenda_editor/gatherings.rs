//! Gatherings made empty, copied and deleted from the console.

use super::{ActionForm, editor_url, led_page};
use crate::domain::agenda_input::{MAX_TITLE, Titled, parse_title};
use crate::domain::{MeetingZone, NewAgenda};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::Gathering;
use crate::web::auth::Facilitator;
use crate::web::auth::csrf::Checked;
use crate::web::pages::DeleteGatheringPage;
use crate::web::{AppState, flash, language, render, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// `POST /console/gatherings`: a new, empty gathering.
pub async fn create(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
    let title =
        parse_title(&form.title, Titled::Gathering, MAX_TITLE).map_err(AppError::BadRequest)?;
    let agenda = NewAgenda {
        title,
        ..NewAgenda::default()
    };
    let zone = MeetingZone::parse(&form.time_zone).ok();
    let gathering = state
        .app
        .create_gathering(&agenda, facilitator.account(), zone.as_ref())
        .await?;
    Ok(see_other(editor_url(&gathering.code)))
}

/// `POST /console/{code}/duplicate`: a copy of the agenda as a new draft.
pub async fn duplicate(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    _form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
    let source = facilitator.gathering()?;
    // The copy is the copier's own, whoever owned the original.
    let copy = state
        .app
        .duplicate_gathering(&source, facilitator.account())
        .await?;
    Ok(see_other(editor_url(&copy.code)))
}

/// `GET /console/{code}/delete`: asks before deleting.
pub async fn delete_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (facilitator, gathering) = match led_page(&req, &code).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
    };
    facilitator.check_manage(&req)?;
    let live = state.hub.is_showing_topic(&gathering).await;
    render(
        StatusCode::OK,
        &delete_page_for(
            language::for_request(&req),
            &gathering,
            live,
            &facilitator,
            None,
        ),
    )
}

fn delete_page_for(
    t: Tr,
    gathering: &Gathering,
    live: bool,
    facilitator: &Facilitator,
    error: Option<String>,
) -> DeleteGatheringPage {
    DeleteGatheringPage {
        t,
        code: gathering.code.clone(),
        title: gathering.title.clone(),
        live,
        csrf: facilitator.session.csrf_token.clone(),
        error,
    }
}

/// `POST /console/{code}/delete`: a live gathering needs its code typed to confirm.
pub async fn delete(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_manage(&req)?;
    let gathering = facilitator.gathering()?;
    if state.hub.is_showing_topic(&gathering).await
        && !form.confirm.trim().eq_ignore_ascii_case(&gathering.code)
    {
        let error = t.text("delete-live-refused", "code", &gathering.code);
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &delete_page_for(t, &gathering, true, &facilitator, Some(error)),
        );
    }
    state.app.delete_gathering(&gathering).await?;
    Ok(flash::see_other_with(
        "/console",
        &t.say(
            &Message::new("flash-deleted")
                .text("title", &gathering.title)
                .text("code", &gathering.code),
        ),
    ))
}
