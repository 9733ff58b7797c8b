//! One translation's editor: each field beside the original, saved a group at a time.

use super::translation_url;
use crate::domain::agenda::paragraphs;
use crate::domain::agenda_input::{
    MAX_BODY, MAX_CLOSING, MAX_INTRODUCTION, MAX_REFERENCE, MAX_SCRIPTURE, MAX_SUMMARY, MAX_TITLE,
    paragraph_text,
};
use crate::domain::translation::content_language;
use crate::domain::{GatheringText, Scripture, SectionText, TopicText};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::StoredAgenda;
use crate::web::auth::{Facilitator, login_redirect};
use crate::web::pages::{TranslationField, TranslationGroup, TranslationPage};
use crate::web::{AppState, attend, flash, render};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentArgs;
use std::collections::HashMap;

/// A form field's name for a section's or topic's field.
fn name(kind: &str, id: i64, field: &str) -> String {
    format!("{kind}{id}_{field}")
}

/// What the facilitator typed, by field name.
pub(super) type Typed = HashMap<String, String>;

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
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(req.path()));
    };
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
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let typed: Typed = form.into_inner().into_iter().collect();
    facilitator.check_csrf(typed.get("csrf").map(String::as_str).unwrap_or(""))?;
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
