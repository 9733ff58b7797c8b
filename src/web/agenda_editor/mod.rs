//! Authoring agendas in the console: create, duplicate and delete gatherings;
//! add, edit, reorder and delete sections and topics. Every form is for the
//! logged-in facilitator only, carries the session's CSRF token, validates on the
//! server and, when refused, shows the messages next to the fields with what was
//! typed still in them. Edits to a live gathering reach phones and the projector
//! at once.
//!
//! Here: the editor page and the gathering's settings. Gatherings made, copied
//! and deleted are in [`gatherings`], sections in [`sections`], topics in
//! [`topics`].

mod gatherings;
mod sections;
mod topics;

pub use gatherings::{create, delete, delete_page, duplicate};
pub use sections::{add_section, section_action};
pub use topics::{create_topic, edit_topic_page, new_topic_page, topic_action, update_topic};

use super::auth::{Facilitator, login_redirect};
use super::pages::{EditSectionRow, EditTopicRow, EditorPage};
use super::{AppState, attend, flash, language, render, see_other};
use crate::domain::MeetingZone;
use crate::domain::agenda_input::{
    FieldErrors, MAX_CLOSING, MAX_INTRODUCTION, MAX_TITLE, Titled, paragraph_text, parse_scripture,
    parse_title,
};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::{Direction, Gathering};
use crate::web::auth::csrf::Checked;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// An editor page's opening: the signed-in facilitator and the gathering of
/// the route, or the response instead (the sign-in page, or the not-found
/// page for `code`).
async fn led_page(
    req: &HttpRequest,
    code: &str,
) -> AppResult<Result<(Facilitator, Gathering), HttpResponse>> {
    let Some(facilitator) = Facilitator::from_request_state(req).await? else {
        return Ok(Err(login_redirect(req.path())));
    };
    let Some(gathering) = facilitator.led_gathering() else {
        return Ok(Err(attend::not_found(req, code)?));
    };
    Ok(Ok((facilitator, gathering)))
}

fn editor_url(code: &str) -> String {
    format!("/console/{code}/edit")
}

/// Forms that change nothing but a CSRF token and maybe a direction.
#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    title: String,
    /// A section's description, sent with its title.
    #[serde(default)]
    description: String,
    #[serde(default)]
    confirm: String,
    /// The facilitator's browser's time zone, offered when a gathering is created.
    #[serde(default)]
    time_zone: String,
}

impl ActionForm {
    fn direction(&self) -> AppResult<Direction> {
        match self.direction.as_str() {
            "up" => Ok(Direction::Up),
            "down" => Ok(Direction::Down),
            _ => Err(AppError::BadRequest(Message::new("error-move"))),
        }
    }
}

/// The settings part of the editor as typed.
#[derive(Deserialize, Default, Clone)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    scripture_text: String,
    #[serde(default)]
    scripture_ref: String,
    #[serde(default)]
    closing_message: String,
    #[serde(default)]
    introduction: String,
    /// An IANA name; empty leaves the gathering's zone as it is.
    #[serde(default)]
    time_zone: String,
}

/// Everything the editor page shows, with what was typed and any refusals.
async fn editor_page(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    facilitator: &Facilitator,
    settings: Option<&SettingsForm>,
    errors: FieldErrors,
    section_title: &str,
) -> AppResult<EditorPage> {
    let agenda = state.store.load_agenda(gathering).await?;
    let stored_zone = state.store.gathering_time_zone(gathering.id).await?;
    let settings = settings.cloned().unwrap_or_else(|| SettingsForm {
        time_zone: stored_zone.clone(),
        csrf: String::new(),
        title: gathering.title.clone(),
        scripture_text: gathering
            .scripture
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        scripture_ref: gathering
            .scripture
            .as_ref()
            .map(|s| s.reference.clone())
            .unwrap_or_default(),
        closing_message: gathering.closing_message.clone(),
        introduction: gathering.introduction.clone(),
    });
    let languages = super::translations::languages_card(t, &agenda);
    let leaders = super::co_facilitators::leaders_card(t, state, gathering, facilitator).await?;
    let section_count = agenda.sections.len();
    let mut number = 0;
    let sections = agenda
        .sections
        .into_iter()
        .enumerate()
        .map(|(index, section)| {
            let topic_count = section.topics.len();
            EditSectionRow {
                id: section.id,
                title: section.title,
                description: section.description,
                first: index == 0,
                last: index + 1 == section_count,
                topics: section
                    .topics
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        number += 1;
                        EditTopicRow {
                            id: t.id,
                            number,
                            title: t.title,
                            kind: t.kind.as_str().to_string(),
                            planned_minutes: t.planned_minutes,
                            sensitive: t.sensitive,
                            first: i == 0,
                            last: i + 1 == topic_count,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(EditorPage {
        t,
        code: gathering.code.clone(),
        status: gathering.status.clone(),
        csrf: facilitator.session.csrf_token.clone(),
        title: settings.title,
        scripture_text: settings.scripture_text,
        scripture_ref: settings.scripture_ref,
        closing_message: settings.closing_message,
        max_closing: MAX_CLOSING,
        introduction: settings.introduction,
        time_zone: settings.time_zone,
        time_zone_unset: stored_zone.is_empty(),
        zone_names: MeetingZone::known_names(),
        saved_title: gathering.title.clone(),
        errors,
        sections,
        section_title: section_title.to_string(),
        flash: None,
        languages,
        leaders,
    })
}

/// `GET /console/{code}/edit`: the agenda editor.
pub async fn edit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (facilitator, gathering) = match led_page(&req, &code).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
    };
    let mut page = editor_page(
        language::for_request(&req),
        &state,
        &gathering,
        &facilitator,
        None,
        FieldErrors::default(),
        "",
    )
    .await?;
    page.flash = flash::take(&req);
    let mut response = render(StatusCode::OK, &page)?;
    flash::shown(&mut response, &page.flash);
    Ok(response)
}

/// `POST /console/{code}/settings`: the gathering's title and opening scripture.
pub async fn save_settings(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<SettingsForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let mut errors = FieldErrors::default();
    let title = parse_title(&form.title, Titled::Gathering, MAX_TITLE)
        .map_err(|e| errors.add("title", e))
        .unwrap_or_default();
    let scripture = parse_scripture(
        &form.scripture_text,
        &form.scripture_ref,
        &mut errors,
        "scripture_text",
        "scripture_ref",
    );
    // Paragraphs kept (a thank-you, then where to learn more), as the
    // importer finds them; spaces within a line collapsed.
    let closing_message = paragraph_text(&form.closing_message);
    let length = closing_message.chars().count();
    if length > MAX_CLOSING {
        errors.add(
            "closing_message",
            Message::new("error-closing-long")
                .number("max", MAX_CLOSING)
                .number("count", length),
        );
    }
    let zone = match form.time_zone.trim() {
        "" => None,
        typed => MeetingZone::parse(typed)
            .map_err(|e| errors.add("time_zone", e))
            .ok(),
    };
    let introduction = paragraph_text(&form.introduction);
    if introduction.chars().count() > MAX_INTRODUCTION {
        errors.add(
            "introduction",
            Message::new("error-introduction-long").number("max", MAX_INTRODUCTION),
        );
    }
    if !errors.is_empty() {
        let page =
            editor_page(t, &state, &gathering, &facilitator, Some(&form), errors, "").await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    state
        .store
        .update_gathering(
            gathering.id,
            &title,
            scripture.as_ref(),
            &closing_message,
            &introduction,
        )
        .await?;
    if let Some(zone) = &zone {
        state
            .store
            .set_gathering_time_zone(gathering.id, zone.name())
            .await?;
    }
    let updated = Gathering {
        title,
        scripture,
        closing_message,
        introduction,
        ..gathering
    };
    state
        .app
        .agenda_edited(facilitator.account(), &updated)
        .await?;
    Ok(flash::see_other_with(
        &editor_url(&updated.code),
        &t.get("flash-settings-saved"),
    ))
}

/// After an edit: a clear 404 if nothing matched, else note it in the
/// history, show the change live and go back to the editor at the edited row
/// (`what` and its id: "section" or "topic").
async fn edited(
    state: &AppState,
    facilitator: &Facilitator,
    gathering: &Gathering,
    found: bool,
    (what, id): (&str, i64),
    message: Option<String>,
) -> AppResult<HttpResponse> {
    if !found {
        let key = match what {
            "section" => "error-not-in-gathering-section",
            _ => "error-not-in-gathering-topic",
        };
        return Err(AppError::NotFound(Message::new(key)));
    }
    state
        .app
        .agenda_edited(facilitator.account(), gathering)
        .await?;
    let location = format!("{}#{what}-{id}", editor_url(&gathering.code));
    Ok(match message {
        Some(message) => flash::see_other_with(&location, &message),
        None => see_other(location),
    })
}

#[derive(Deserialize)]
pub struct TimeZoneForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    time_zone: String,
}

/// `POST /console/{code}/time-zone`: the facilitator's browser offers its own
/// zone the first time a gathering is opened; it is kept only while the
/// gathering has none (the editor changes it after that).
pub async fn default_time_zone(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<TimeZoneForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let zone = MeetingZone::parse(&form.time_zone).map_err(AppError::BadRequest)?;
    state
        .store
        .default_gathering_time_zone(gathering.id, zone.name())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

crate::web::auth::csrf::csrf_field!(ActionForm, SettingsForm, TimeZoneForm);
