//! A gathering in several languages, from the console: its main language,
//! translations added and removed, each edited field by field beside the
//! original, a translated guide imported as a translation (its sections and
//! topics paired with the original's in a preview, nothing stored before the
//! facilitator confirms), and the one or two languages the projector shows.
//! Every change reaches the screens of a live gathering at once, on every
//! instance, like any other edit.

use super::agenda_transfer::{IMPORT_FORM_LIMIT, read_import_text};
use super::auth::{Facilitator, login_redirect};
use super::pages::{
    LanguageOption, LanguagesCard, PairingChoice, PairingRow, TranslationField, TranslationGroup,
    TranslationImportPage, TranslationPage, TranslationPairingPage,
};
use super::{AppState, attend, flash, language, render, see_other};
use crate::agenda::import::{DEFAULT_TITLE, Imported, read_agenda};
use crate::agenda::translate::{Pairing, translation};
use crate::domain::agenda::paragraphs;
use crate::domain::agenda_input::{
    MAX_BODY, MAX_CLOSING, MAX_INTRODUCTION, MAX_REFERENCE, MAX_SCRIPTURE, MAX_SUMMARY, MAX_TITLE,
};
use crate::domain::translation::{content_language, language_name};
use crate::domain::{GatheringText, Scripture, SectionText, TopicText};
use crate::error::{AppError, AppResult};
use crate::i18n::{LANGUAGES, Message, Tr};
use crate::store::{Gathering, StoredAgenda};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentArgs;
use serde::Deserialize;
use std::collections::HashMap;

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
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<LanguageForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let t = language::for_request(&req);
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
    form: web::Form<LanguageForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
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
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, String)>,
    form: web::Form<CsrfForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let t = language::for_request(&req);
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

/// A form field's name for a section's or topic's field.
fn name(kind: &str, id: i64, field: &str) -> String {
    format!("{kind}{id}_{field}")
}

/// What the facilitator typed, by field name.
type Typed = HashMap<String, String>;

/// The side-by-side page, with what was typed (or stored) and any refusals.
fn translation_page(
    t: Tr,
    csrf: String,
    agenda: &StoredAgenda,
    language: &'static str,
    typed: Option<&Typed>,
    errors: &HashMap<String, String>,
) -> TranslationPage {
    let stored = agenda
        .translations
        .get(language)
        .cloned()
        .unwrap_or_default();
    let value = |field: &str, stored: &str| match typed {
        Some(typed) => typed.get(field).cloned().unwrap_or_default(),
        None => stored.to_string(),
    };
    let field =
        |field: &str, label: &str, original: &str, stored: &str, rows: usize| TranslationField {
            name: field.to_string(),
            label: t.get(label),
            original: paragraphs(original),
            value: value(field, stored),
            rows,
            error: errors.get(field).cloned(),
        };
    let g = &agenda.gathering;
    let scripture = |s: &Option<Scripture>| {
        s.clone().unwrap_or(Scripture {
            text: String::new(),
            reference: String::new(),
        })
    };
    let original_verse = scripture(&g.scripture);
    let stored_verse = scripture(&stored.scripture);
    let mut groups = vec![TranslationGroup {
        id: "gathering".into(),
        heading: t.get("topics-gathering"),
        fields: vec![
            field("g_title", "topics-field-title", &g.title, &stored.title, 0),
            field(
                "g_scripture_text",
                "topics-field-scripture",
                &original_verse.text,
                &stored_verse.text,
                3,
            ),
            field(
                "g_scripture_ref",
                "topics-field-reference",
                &original_verse.reference,
                &stored_verse.reference,
                0,
            ),
            field(
                "g_introduction",
                "topics-field-introduction",
                &g.introduction,
                &stored.introduction,
                4,
            ),
            field(
                "g_closing",
                "topics-field-closing",
                &g.closing_message,
                &stored.closing,
                3,
            ),
        ],
    }];
    let mut number = 0;
    for section in &agenda.sections {
        let own = section
            .translations
            .get(language)
            .cloned()
            .unwrap_or_default();
        groups.push(TranslationGroup {
            id: format!("section-{}", section.id),
            heading: t.text("topics-section", "title", &section.title),
            fields: vec![
                field(
                    &name("s", section.id, "title"),
                    "topics-field-title",
                    &section.title,
                    &own.title,
                    0,
                ),
                field(
                    &name("s", section.id, "description"),
                    "topics-field-description",
                    &section.description,
                    &own.description,
                    2,
                ),
            ],
        });
        for topic in &section.topics {
            number += 1;
            let own = topic
                .translations
                .get(language)
                .cloned()
                .unwrap_or_default();
            let original_verse = scripture(&topic.scripture);
            let stored_verse = scripture(&own.scripture);
            let mut fields = vec![
                field(
                    &name("t", topic.id, "title"),
                    "topics-field-title",
                    &topic.title,
                    &own.title,
                    0,
                ),
                field(
                    &name("t", topic.id, "scripture_text"),
                    "topics-field-scripture",
                    &original_verse.text,
                    &stored_verse.text,
                    3,
                ),
                field(
                    &name("t", topic.id, "scripture_ref"),
                    "topics-field-reference",
                    &original_verse.reference,
                    &stored_verse.reference,
                    0,
                ),
                field(
                    &name("t", topic.id, "body"),
                    "topics-field-body",
                    &topic.body,
                    &own.body,
                    6,
                ),
            ];
            if topic.sensitive {
                fields.push(field(
                    &name("t", topic.id, "summary"),
                    "topics-field-summary",
                    &topic.safe_summary,
                    &own.safe_summary,
                    2,
                ));
            }
            groups.push(TranslationGroup {
                id: format!("topic-{}", topic.id),
                heading: format!("{number}. {}", topic.title),
                fields,
            });
        }
    }
    TranslationPage {
        t,
        code: g.code.clone(),
        csrf,
        language: language.to_string(),
        heading: t.text(
            "topics-translation-title",
            "language",
            &t.language_name(language),
        ),
        original_label: t.text("topics-original", "language", &t.language_name(&g.language)),
        translation_label: t.text("topics-translation", "language", &t.language_name(language)),
        groups,
        has_errors: !errors.is_empty(),
        flash: None,
    }
}

/// `GET /console/{code}/translations/{language}`: every field beside the original.
pub async fn edit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(req.path()));
    };
    let t = language::for_request(&req);
    let (code, language) = path.into_inner();
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let agenda = state.store.load_agenda(&gathering).await?;
    let Some(language) =
        content_language(&language).filter(|l| agenda.translations.contains_key(*l))
    else {
        return Err(AppError::NotFound(Message::new("topics-language-error")));
    };
    let mut page = translation_page(
        t,
        facilitator.session.csrf_token.clone(),
        &agenda,
        language,
        None,
        &HashMap::new(),
    );
    page.flash = flash::take(&req);
    let mut response = render(StatusCode::OK, &page)?;
    flash::shown(&mut response, &page.flash);
    Ok(response)
}

/// Text typed in a box of paragraphs: line endings made "\n", each line's
/// spaces tidied, blank lines between paragraphs kept to one.
fn paragraph_text(typed: &str) -> String {
    paragraphs(typed)
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

/// Reads and checks the typed fields: one-line fields have their spaces
/// collapsed, boxes of paragraphs are tidied, and each has a length limit.
struct Reader<'a> {
    t: Tr,
    typed: &'a Typed,
    errors: HashMap<String, String>,
}

impl Reader<'_> {
    fn read(&mut self, field: &str, max: usize, one_line: bool) -> String {
        let raw = self.typed.get(field).map(String::as_str).unwrap_or("");
        let text = match one_line {
            true => raw.split_whitespace().collect::<Vec<_>>().join(" "),
            false => paragraph_text(raw),
        };
        let length = text.chars().count();
        if length > max {
            let mut args = FluentArgs::new();
            args.set("max", max);
            args.set("count", length);
            self.errors.insert(
                field.to_string(),
                self.t.format("topics-too-long", Some(&args)),
            );
        }
        text
    }

    fn scripture(&mut self, text: &str, reference: &str) -> Option<Scripture> {
        let text = self.read(text, MAX_SCRIPTURE, false);
        let reference = self.read(reference, MAX_REFERENCE, true);
        (!text.is_empty() || !reference.is_empty()).then_some(Scripture { text, reference })
    }
}

/// `POST /console/{code}/translations/{language}`: saves every field at once.
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let typed: Typed = form.into_inner().into_iter().collect();
    facilitator.check_csrf(typed.get("csrf").map(String::as_str).unwrap_or(""))?;
    let t = language::for_request(&req);
    let (_, language) = path.into_inner();
    let gathering = facilitator.gathering()?;
    let agenda = state.store.load_agenda(&gathering).await?;
    let Some(language) =
        content_language(&language).filter(|l| agenda.translations.contains_key(*l))
    else {
        return Err(AppError::NotFound(Message::new("topics-language-error")));
    };
    let mut reader = Reader {
        t,
        typed: &typed,
        errors: HashMap::new(),
    };
    let words = GatheringText {
        title: reader.read("g_title", MAX_TITLE, true),
        scripture: reader.scripture("g_scripture_text", "g_scripture_ref"),
        introduction: reader.read("g_introduction", MAX_INTRODUCTION, false),
        closing: reader.read("g_closing", MAX_CLOSING, false),
    };
    let mut sections = Vec::new();
    let mut topics = Vec::new();
    for section in &agenda.sections {
        sections.push((
            section.id,
            SectionText {
                title: reader.read(&name("s", section.id, "title"), MAX_TITLE, true),
                description: reader.read(
                    &name("s", section.id, "description"),
                    MAX_INTRODUCTION,
                    false,
                ),
            },
        ));
        for topic in &section.topics {
            let field = |f: &str| name("t", topic.id, f);
            let text = TopicText {
                title: reader.read(&field("title"), MAX_TITLE, true),
                scripture: reader.scripture(&field("scripture_text"), &field("scripture_ref")),
                body: reader.read(&field("body"), MAX_BODY, false),
                // A summary field only shows for a sensitive topic; one not
                // shown keeps what was stored.
                safe_summary: match typed.contains_key(&field("summary")) {
                    true => reader.read(&field("summary"), MAX_SUMMARY, false),
                    false => topic
                        .translations
                        .get(language)
                        .map(|t| t.safe_summary.clone())
                        .unwrap_or_default(),
                },
            };
            topics.push((topic.id, text));
        }
    }
    if !reader.errors.is_empty() {
        let errors = reader.errors;
        let page = translation_page(
            t,
            facilitator.session.csrf_token.clone(),
            &agenda,
            language,
            Some(&typed),
            &errors,
        );
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    state
        .store
        .save_translation(gathering.id, language, &words, &sections, &topics)
        .await?;
    state
        .app
        .agenda_edited(facilitator.account(), &gathering)
        .await?;
    // Back where the Save pressed was: the group it closes.
    let at = typed
        .get("at")
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(|id| format!("#{id}"))
        .unwrap_or_default();
    Ok(flash::see_other_with(
        &format!("{}{at}", translation_url(&gathering.code, language)),
        &t.get("topics-saved"),
    ))
}

#[derive(Deserialize)]
pub struct ProjectorForm {
    #[serde(default)]
    csrf: String,
    /// "en", or "en,es" for two side by side.
    #[serde(default)]
    languages: String,
}

/// `POST /console/{code}/projector-languages`: what the projector shows,
/// one language or two side by side; it changes at once on every projector.
pub async fn set_projector(
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<ProjectorForm>,
) -> AppResult<HttpResponse> {
    facilitator.check_csrf(&form.csrf)?;
    let gathering = facilitator.gathering()?;
    let codes: Vec<&str> = form.languages.split(',').collect();
    let mut chosen = Vec::new();
    for code in codes.iter().take(3) {
        let language = chosen_language(code)?;
        if !chosen.contains(&language) {
            chosen.push(language);
        }
    }
    if chosen.is_empty() || chosen.len() > 2 {
        return Err(AppError::BadRequest(Message::new("topics-language-error")));
    }
    state
        .app
        .set_projector_languages(&gathering, &chosen.join(","))
        .await?;
    Ok(see_other(format!("/console/{}", gathering.code)))
}

/// The projector choices the console offers: the main language alone, each
/// translation alone, and the main language beside each translation.
pub fn projector_choices(
    t: &Tr,
    gathering: &Gathering,
    translations: &[String],
) -> Vec<LanguageOption> {
    let main = gathering.language.as_str();
    let current = gathering.projector_languages().join(",");
    let mut values = vec![main.to_string()];
    values.extend(translations.iter().cloned());
    values.extend(translations.iter().map(|l| format!("{main},{l}")));
    values
        .into_iter()
        .map(|value| {
            let name = match value.split_once(',') {
                Some((first, second)) => {
                    let mut args = FluentArgs::new();
                    args.set("first", t.language_name(first));
                    args.set("second", t.language_name(second));
                    t.format("topics-projector-two", Some(&args))
                }
                None => t.language_name(&value),
            };
            LanguageOption {
                chosen: value == current,
                code: value,
                name,
                progress: String::new(),
            }
        })
        .collect()
}

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
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
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
    req: HttpRequest,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let typed: Typed = form.into_inner().into_iter().collect();
    facilitator.check_csrf(typed.get("csrf").map(String::as_str).unwrap_or(""))?;
    let t = language::for_request(&req);
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
