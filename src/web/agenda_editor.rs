//! Authoring agendas in the console: create, duplicate and delete gatherings;
//! add, edit, reorder and delete sections and topics. Every form is for the
//! logged-in facilitator only, carries the session's CSRF token, validates on the
//! server and, when refused, shows the messages next to the fields with what was
//! typed still in them. Edits to a live gathering reach phones and the projector
//! at once.

use super::auth::{Facilitator, login_redirect};
use super::pages::{
    DeleteGatheringPage, EditSectionRow, EditTopicRow, EditorPage, LanguageOption, SectionChoice,
    TopicFormPage,
};
use super::{AppState, attend, flash, language, render, see_other};
use crate::domain::agenda_input::{
    FieldErrors, MAX_TITLE, Titled, TopicForm, parse_scripture, parse_title,
};
use crate::domain::{MeetingZone, NewAgenda};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::{Direction, Gathering};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The facilitator, or a redirect to the login page.
async fn facilitator_or_login(req: &HttpRequest) -> AppResult<Result<Facilitator, HttpResponse>> {
    Ok(match Facilitator::from_request_state(req).await? {
        Some(facilitator) => Ok(facilitator),
        None => Err(login_redirect(req.path())),
    })
}

use crate::domain::agenda_input::{MAX_CLOSING, MAX_INTRODUCTION};

/// Text typed in a box of paragraphs: line endings made "\n", each line's
/// spaces tidied, and blank lines between paragraphs kept to one.
fn paragraph_text(typed: &str) -> String {
    crate::domain::agenda::paragraphs(typed)
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
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

/// `POST /console/gatherings`: a new, empty gathering.
pub async fn create(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
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
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
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
    let facilitator = match facilitator_or_login(&req).await? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_manage(&req)?;
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
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
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    facilitator.check_manage(&req)?;
    let t = language::for_request(&req);
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
    let facilitator = match facilitator_or_login(&req).await? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
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
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<SettingsForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let t = language::for_request(&req);
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

/// `POST /console/{code}/sections`: a new section at the end.
pub async fn add_section(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
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
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
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
pub struct NewTopicQuery {
    section: Option<i64>,
}

async fn topic_form_page(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    facilitator: &Facilitator,
    topic_id: Option<i64>,
    form: TopicForm,
    errors: FieldErrors,
) -> AppResult<TopicFormPage> {
    let agenda = state.store.load_agenda(gathering).await?;
    let mut sections: Vec<SectionChoice> = agenda
        .sections
        .iter()
        .map(|s| SectionChoice {
            selected: form.section_id() == Some(s.id),
            id: s.id,
            title: s.title.clone(),
        })
        .collect();
    // The first section is chosen when none is, as a list box would show it.
    if !sections.iter().any(|s| s.selected)
        && let Some(first) = sections.first_mut()
    {
        first.selected = true;
    }
    Ok(TopicFormPage {
        t,
        code: gathering.code.clone(),
        gathering_title: gathering.title.clone(),
        topic_id,
        csrf: facilitator.session.csrf_token.clone(),
        praise: form.kind == "praise",
        sensitive: form.is_sensitive(),
        form,
        errors,
        sections,
        translations: agenda
            .translations
            .keys()
            .map(|code| LanguageOption {
                code: code.clone(),
                name: crate::domain::translation::language_name(code).to_string(),
                chosen: false,
                progress: String::new(),
            })
            .collect(),
    })
}

/// `GET /console/{code}/topics/new?section=ID`: an empty topic form.
pub async fn new_topic_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<NewTopicQuery>,
) -> AppResult<HttpResponse> {
    let facilitator = match facilitator_or_login(&req).await? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let form = TopicForm {
        planned_minutes: "3".into(),
        kind: "pray".into(),
        section: query.section.map(|s| s.to_string()).unwrap_or_default(),
        ..TopicForm::default()
    };
    let page = topic_form_page(
        language::for_request(&req),
        &state,
        &gathering,
        &facilitator,
        None,
        form,
        FieldErrors::default(),
    )
    .await?;
    render(StatusCode::OK, &page)
}

/// `POST /console/{code}/topics`: adds the topic, or shows the form again with reasons.
pub async fn create_topic(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<TopicForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let t = language::for_request(&req);
    let gathering = facilitator.gathering()?;
    let form = form.into_inner();
    let topic = match form.validate() {
        Ok(topic) => topic,
        Err(errors) => {
            let page =
                topic_form_page(t, &state, &gathering, &facilitator, None, form, errors).await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    // unwrap: validate() refuses a form without a section number.
    let section_id = form.section_id().unwrap();
    let Some(topic_id) = state
        .store
        .add_topic(gathering.id, section_id, &topic)
        .await?
    else {
        let mut errors = FieldErrors::default();
        errors.add("section", Message::new("error-section-gone"));
        let page = topic_form_page(t, &state, &gathering, &facilitator, None, form, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let message = t.text("flash-topic-added", "title", &topic.title);
    edited(
        &state,
        &facilitator,
        &gathering,
        true,
        ("topic", topic_id),
        Some(message),
    )
    .await
}

/// `GET /console/{code}/topics/{id}`: the form for editing one topic.
pub async fn edit_topic_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let facilitator = match facilitator_or_login(&req).await? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    let (code, topic_id) = path.into_inner();
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let agenda = state.store.load_agenda(&gathering).await?;
    let Some(topic) = agenda
        .sections
        .iter()
        .flat_map(|s| &s.topics)
        .find(|t| t.id == topic_id)
    else {
        return Err(AppError::NotFound(Message::new(
            "error-not-in-gathering-topic",
        )));
    };
    let form = TopicForm::from_topic(&topic.to_new_topic(), topic.section_id);
    let page = topic_form_page(
        language::for_request(&req),
        &state,
        &gathering,
        &facilitator,
        Some(topic_id),
        form,
        FieldErrors::default(),
    )
    .await?;
    render(StatusCode::OK, &page)
}

/// `POST /console/{code}/topics/{id}`: saves the topic, or shows the form again.
pub async fn update_topic(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, i64)>,
    form: web::Form<TopicForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let t = language::for_request(&req);
    let (_, topic_id) = path.into_inner();
    let gathering = facilitator.gathering()?;
    let form = form.into_inner();
    let topic = match form.validate() {
        Ok(topic) => topic,
        Err(errors) => {
            let page = topic_form_page(
                t,
                &state,
                &gathering,
                &facilitator,
                Some(topic_id),
                form,
                errors,
            )
            .await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    // unwrap: validate() refuses a form without a section number.
    let section_id = form.section_id().unwrap();
    let found = state
        .store
        .update_topic(gathering.id, topic_id, section_id, &topic)
        .await?;
    let message = t.text("flash-topic-saved", "title", &topic.title);
    edited(
        &state,
        &facilitator,
        &gathering,
        found,
        ("topic", topic_id),
        Some(message),
    )
    .await
}

/// `POST /console/{code}/topics/{id}/{action}`: move or delete a topic.
pub async fn topic_action(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, i64, String)>,
    form: web::Form<ActionForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let (_, topic_id, action) = path.into_inner();
    let gathering = facilitator.gathering()?;
    let found = match action.as_str() {
        "move" => {
            state
                .store
                .move_topic(gathering.id, topic_id, form.direction()?)
                .await?;
            true
        }
        "delete" => state.store.delete_topic(gathering.id, topic_id).await?,
        _ => return Err(AppError::NotFound(Message::new("error-no-action"))),
    };
    edited(
        &state,
        &facilitator,
        &gathering,
        found,
        ("topic", topic_id),
        None,
    )
    .await
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
    form: web::Form<TimeZoneForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let gathering = facilitator.gathering()?;
    let zone = MeetingZone::parse(&form.time_zone).map_err(AppError::BadRequest)?;
    state
        .store
        .default_gathering_time_zone(gathering.id, zone.name())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
