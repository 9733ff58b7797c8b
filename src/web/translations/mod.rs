//! A gathering in several languages, from the console: its main language,
//! translations added and removed, each edited field by field beside the
//! original, a translated guide imported as a translation (its sections and
//! topics paired with the original's in a preview, nothing stored before the
//! facilitator confirms), and the one or two languages the projector shows.
//! Every change reaches the screens of a live gathering at once, on every
//! instance, like any other edit.
//!
//! Here: the main language, and translations added and removed. Each
//! translation's editor is in [`editor`], the projector's languages in
//! [`projector`], a translated guide's import in [`import`].

mod editor;
mod import;
mod projector;

pub use editor::{edit_page, save};
pub use import::{IMPORT_TRANSLATION_LIMIT, import_confirm, import_page, import_preview};
pub use projector::{projector_choices, set_projector};

use super::auth::Facilitator;
use super::pages::{LanguageOption, LanguagesCard};
use super::{AppState, flash, see_other};
use crate::domain::translation::{content_language, language_name};
use crate::error::{AppError, AppResult};
use crate::i18n::{LANGUAGES, Message, Tr};
use crate::store::StoredAgenda;
use crate::web::auth::csrf::Checked;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

fn editor_url(code: &str) -> String {
    format!("/console/{code}/edit#languages")
}

fn translation_url(code: &str, language: &str) -> String {
    format!("/console/{code}/translations/{language}")
}

/// A language code from a form: one of ours, or a clear refusal.
fn chosen_language(code: &str) -> AppResult<&'static str> {
    content_language(code)
        .ok_or_else(|| AppError::BadRequest(Message::new("topics-language-error")))
}

/// The languages box of the editor page.
pub fn languages_card(t: Tr, agenda: &StoredAgenda) -> LanguagesCard {
    let main = agenda.gathering.language.as_str();
    let topics: usize = agenda.sections.iter().map(|s| s.topics.len()).sum();
    let translations = agenda
        .translations
        .keys()
        .map(|code| {
            let translated = agenda
                .sections
                .iter()
                .flat_map(|s| &s.topics)
                .filter(|topic| topic.translations.contains_key(code))
                .count();
            LanguageOption {
                code: code.clone(),
                name: language_name(code).to_string(),
                chosen: false,
                progress: t.two(
                    "topics-translated-count",
                    "number",
                    translated,
                    "total",
                    topics,
                ),
            }
        })
        .collect();
    let option = |code: &str, chosen: bool| LanguageOption {
        code: code.to_string(),
        name: language_name(code).to_string(),
        chosen,
        progress: String::new(),
    };
    LanguagesCard {
        t,
        main: LANGUAGES
            .iter()
            .map(|l| option(l.code, l.code == main))
            .collect(),
        addable: LANGUAGES
            .iter()
            .filter(|l| l.code != main && !agenda.translations.contains_key(l.code))
            .map(|l| option(l.code, false))
            .collect(),
        translations,
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
}

/// `POST /console/{code}/language`: the language the gathering is written in.
pub async fn set_main_language(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<LanguageForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let language = chosen_language(&form.language)?;
    state
        .store
        .set_gathering_language(gathering.id, language)
        .await?;
    state
        .app
        .agenda_edited(facilitator.account(), &gathering)
        .await?;
    Ok(flash::see_other_with(
        &editor_url(&gathering.code),
        &t.get("topics-saved"),
    ))
}

/// `POST /console/{code}/translations`: starts a translation, then edits it.
pub async fn add(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Checked<LanguageForm>,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let language = chosen_language(&form.language)?;
    if language == gathering.language {
        return Err(AppError::BadRequest(Message::new(
            "topics-import-error-language",
        )));
    }
    state.store.add_translation(gathering.id, language).await?;
    state
        .app
        .agenda_edited(facilitator.account(), &gathering)
        .await?;
    Ok(see_other(translation_url(&gathering.code, language)))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /console/{code}/translations/{language}/remove`.
pub async fn remove(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, String)>,
    _form: Checked<CsrfForm>,
) -> AppResult<HttpResponse> {
    let (_, language) = path.into_inner();
    let gathering = facilitator.gathering()?;
    let language = chosen_language(&language)?;
    state
        .store
        .remove_translation(gathering.id, language)
        .await?;
    state
        .app
        .agenda_edited(facilitator.account(), &gathering)
        .await?;
    Ok(flash::see_other_with(
        &editor_url(&gathering.code),
        &t.get("topics-saved"),
    ))
}

crate::web::auth::csrf::csrf_field!(LanguageForm, CsrfForm);
