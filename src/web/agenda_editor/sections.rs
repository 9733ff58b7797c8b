//! Sections added, renamed, moved and deleted.

use super::{ActionForm, edited, editor_page, editor_url};
use crate::domain::agenda_input::MAX_INTRODUCTION;
use crate::domain::agenda_input::paragraph_text;
use crate::domain::agenda_input::{FieldErrors, MAX_TITLE, Titled, parse_title};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::web::auth::Facilitator;
use crate::web::auth::csrf::Checked;
use crate::web::{AppState, language, render, see_other};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// `POST /console/{code}/sections`: a new section at the end.
pub async fn add_section(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    match parse_title(&form.title, Titled::Section, MAX_TITLE) {
        Ok(title) => {
            state.store.add_section(gathering.id, &title).await?;
            state
                .app
                .agenda_edited(facilitator.account(), &gathering)
                .await?;
            Ok(see_other(editor_url(&gathering.code)))
        }
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.add("section_title", message);
            let t = language::for_request(&req);
            let page = editor_page(
                t,
                &state,
                &gathering,
                &facilitator,
                None,
                errors,
                &form.title,
            )
            .await?;
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

/// `POST /console/{code}/sections/{id}/{action}`: rename, move or delete a section.
pub async fn section_action(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, i64, String)>,
    form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
    let (_, section_id, action) = path.into_inner();
    let gathering = facilitator.gathering()?;
    let found = match action.as_str() {
        "rename" => {
            let title = parse_title(&form.title, Titled::Section, MAX_TITLE)
                .map_err(AppError::BadRequest)?;
            let description = paragraph_text(&form.description);
            if description.chars().count() > MAX_INTRODUCTION {
                return Err(AppError::BadRequest(
                    Message::new("error-description-long").number("max", MAX_INTRODUCTION),
                ));
            }
            state
                .store
                .rename_section(gathering.id, section_id, &title, &description)
                .await?
        }
        "move" => {
            state
                .store
                .move_section(gathering.id, section_id, form.direction()?)
                .await?;
            true
        }
        "delete" => state.store.delete_section(gathering.id, section_id).await?,
        _ => return Err(AppError::NotFound(Message::new("error-no-action"))),
    };
    edited(
        &state,
        &facilitator,
        &gathering,
        found,
        ("section", section_id),
        None,
    )
    .await
}
