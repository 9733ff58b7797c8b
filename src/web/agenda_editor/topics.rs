//! Topics added, edited, moved and deleted.

use super::{ActionForm, edited, led_page};
use crate::domain::agenda_input::{FieldErrors, TopicForm};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::Gathering;
use crate::web::auth::Facilitator;
use crate::web::auth::csrf::Checked;
use crate::web::pages::{LanguageOption, SectionChoice, TopicFormPage};
use crate::web::{AppState, language, render};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

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
    let (facilitator, gathering) = match led_page(&req, &code).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
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
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<TopicForm>,
) -> AppResult<HttpResponse> {
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
    let (code, topic_id) = path.into_inner();
    let (facilitator, gathering) = match led_page(&req, &code).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
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
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, i64)>,
    form: Checked<TopicForm>,
) -> AppResult<HttpResponse> {
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
    form: Checked<ActionForm>,
) -> AppResult<HttpResponse> {
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

crate::web::auth::csrf::csrf_field!(TopicForm);
