//! A translated guide imported as a translation: its sections and topics
//! paired with the original's in a preview, nothing stored before the
//! facilitator confirms.

use super::editor::Typed;
use super::translation_url;
use crate::agenda::import::{DEFAULT_TITLE, Imported, read_agenda};
use crate::agenda::translate::{Pairing, translation};
use crate::domain::agenda::paragraphs;
use crate::domain::translation::content_language;
use crate::domain::{SectionText, TopicText};
use crate::error::{AppError, AppResult};
use crate::i18n::{LANGUAGES, Message, Tr};
use crate::store::{Gathering, StoredAgenda};
use crate::web::agenda_transfer::{IMPORT_FORM_LIMIT, read_import_text};
use crate::web::auth::{Facilitator, login_redirect};
use crate::web::pages::{
    LanguageOption, PairingChoice, PairingRow, TranslationImportPage, TranslationPairingPage,
};
use crate::web::{AppState, attend, flash, language, render};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

/// `GET /console/{code}/import-translation`: paste or upload a translated guide.
pub async fn import_page(req: HttpRequest, code: web::Path<String>) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(req.path()));
    };
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let t = language::for_request(&req);
    render(
        StatusCode::OK,
        &import_form(
            t,
            facilitator.session.csrf_token.clone(),
            &gathering,
            "",
            String::new(),
            None,
        ),
    )
}

fn import_form(
    t: Tr,
    csrf: String,
    gathering: &Gathering,
    chosen: &str,
    text: String,
    error: Option<String>,
) -> TranslationImportPage {
    TranslationImportPage {
        t,
        code: gathering.code.clone(),
        csrf,
        heading: t.text("topics-import-heading", "title", &gathering.title),
        languages: LANGUAGES
            .iter()
            .filter(|l| l.code != gathering.language)
            .map(|l| LanguageOption {
                code: l.code.to_string(),
                name: l.name.to_string(),
                chosen: l.code == chosen,
                progress: String::new(),
            })
            .collect(),
        text,
        error,
    }
}

/// A translated guide, read by the importer. A guide with no title of its
/// own translates no title (the importer's stand-in is not one).
fn read_translated_guide(text: &str) -> Result<Imported, crate::agenda::ImportError> {
    let mut imported = read_agenda(text, None)?;
    if imported.agenda.title == DEFAULT_TITLE {
        imported.agenda.title = String::new();
    }
    Ok(imported)
}

/// The pairing preview of an imported translation.
fn pairing_page(
    t: Tr,
    csrf: String,
    agenda: &StoredAgenda,
    language: &'static str,
    text: String,
    imported: &Imported,
    pairing: &Pairing,
) -> TranslationPairingPage {
    let original = agenda.to_new_agenda();
    let skip = t.get("topics-skip");
    let choices = |titles: Vec<String>, chosen: Option<usize>| {
        let mut options = vec![PairingChoice {
            value: "skip".into(),
            label: skip.clone(),
            chosen: chosen.is_none(),
        }];
        options.extend(
            titles
                .into_iter()
                .enumerate()
                .map(|(i, title)| PairingChoice {
                    value: i.to_string(),
                    label: format!("{}. {title}", i + 1),
                    chosen: chosen == Some(i),
                }),
        );
        options
    };
    let section_titles: Vec<String> = original.sections.iter().map(|s| s.title.clone()).collect();
    let topic_titles: Vec<String> = original
        .sections
        .iter()
        .flat_map(|s| s.topics.iter().map(|t| t.title.clone()))
        .collect();
    let mut rows = Vec::new();
    let mut topic_index = 0;
    for (i, section) in imported.agenda.sections.iter().enumerate() {
        let chosen = pairing.sections.get(i).copied().flatten();
        rows.push(PairingRow {
            field: format!("section-{i}"),
            is_section: true,
            title: section.title.clone(),
            glimpse: paragraphs(&section.description)
                .into_iter()
                .next()
                .unwrap_or_default(),
            original: chosen
                .and_then(|c| section_titles.get(c).cloned())
                .unwrap_or_default(),
            choices: choices(section_titles.clone(), chosen),
        });
        for topic in &section.topics {
            let chosen = pairing.topics.get(topic_index).copied().flatten();
            rows.push(PairingRow {
                field: format!("topic-{topic_index}"),
                is_section: false,
                title: topic.title.clone(),
                glimpse: paragraphs(&topic.body)
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
                original: chosen
                    .and_then(|c| topic_titles.get(c).cloned())
                    .unwrap_or_default(),
                choices: choices(topic_titles.clone(), chosen),
            });
            topic_index += 1;
        }
    }
    TranslationPairingPage {
        t,
        code: agenda.gathering.code.clone(),
        csrf,
        language: language.to_string(),
        heading: t.text(
            "topics-pairing-heading",
            "language",
            &t.language_name(language),
        ),
        imported_title: imported.agenda.title.clone(),
        original_title: agenda.gathering.title.clone(),
        text,
        rows,
    }
}

/// `POST /console/{code}/import-translation/preview`: the translated guide
/// read and paired with the original by order; nothing is stored yet.
pub async fn import_preview(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let gathering = facilitator.gathering()?;
    let (fields, text) = read_import_text(&t, form).await?;
    facilitator.check_csrf(&fields.csrf)?;
    let csrf = facilitator.session.csrf_token.clone();
    let chosen = fields.language.clone();
    let refuse = |message: String, text: String| {
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &import_form(t, csrf.clone(), &gathering, &chosen, text, Some(message)),
        )
    };
    let text = match text {
        Ok(text) => text,
        Err((message, typed)) => return refuse(message, typed),
    };
    let language = match content_language(&fields.language) {
        Some(language) if language != gathering.language => language,
        _ => return refuse(t.get("topics-import-error-language"), text),
    };
    let imported = match read_translated_guide(&text) {
        Ok(imported) => imported,
        Err(error) => return refuse(t.say(&error.message()), text),
    };
    let agenda = state.store.load_agenda(&gathering).await?;
    let pairing = Pairing::by_order(&agenda.to_new_agenda(), &imported.agenda);
    render(
        StatusCode::OK,
        &pairing_page(t, csrf, &agenda, language, text, &imported, &pairing),
    )
}

/// `POST /console/{code}/import-translation`: stores the translation as
/// paired in the preview (each `section-N` and `topic-N` field names the
/// original's place, or "skip").
pub async fn import_confirm(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let typed: Typed = form.into_inner().into_iter().collect();
    facilitator.check_csrf(typed.get("csrf").map(String::as_str).unwrap_or(""))?;
    let gathering = facilitator.gathering()?;
    let language = match typed.get("language").and_then(|l| content_language(l)) {
        Some(language) if language != gathering.language => language,
        _ => {
            return Err(AppError::BadRequest(Message::new(
                "topics-import-error-language",
            )));
        }
    };
    let text = typed.get("text").cloned().unwrap_or_default();
    let imported = read_translated_guide(&text).map_err(|e| AppError::BadRequest(e.message()))?;
    let agenda = state.store.load_agenda(&gathering).await?;
    let original = agenda.to_new_agenda();
    let by_order = Pairing::by_order(&original, &imported.agenda);
    let pick = |prefix: &str, i: usize, default: Option<usize>| match typed
        .get(&format!("{prefix}-{i}"))
        .map(String::as_str)
    {
        Some("skip") => None,
        Some(value) => value.parse().ok().or(default),
        None => default,
    };
    let pairing = Pairing {
        sections: (0..by_order.sections.len())
            .map(|i| pick("section", i, by_order.sections[i]))
            .collect(),
        topics: (0..by_order.topics.len())
            .map(|i| pick("topic", i, by_order.topics[i]))
            .collect(),
    };
    let translated = translation(&original, &imported.agenda, language, &pairing);
    let sections: Vec<(i64, SectionText)> = agenda
        .sections
        .iter()
        .zip(&translated.sections)
        .map(|(s, t)| (s.id, t.section.clone()))
        .collect();
    let topics: Vec<(i64, TopicText)> = agenda
        .sections
        .iter()
        .zip(&translated.sections)
        .flat_map(|(s, t)| s.topics.iter().map(|x| x.id).zip(t.topics.iter().cloned()))
        .collect();
    state
        .store
        .save_translation(
            gathering.id,
            language,
            &translated.gathering,
            &sections,
            &topics,
        )
        .await?;
    state
        .app
        .agenda_edited(facilitator.account(), &gathering)
        .await?;
    tracing::info!(gathering = %gathering.code, language, "translation imported");
    Ok(flash::see_other_with(
        &translation_url(&gathering.code, language),
        &t.get("topics-saved"),
    ))
}

/// The largest import-translation confirm form.
pub const IMPORT_TRANSLATION_LIMIT: usize = IMPORT_FORM_LIMIT;
