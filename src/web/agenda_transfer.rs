//! Agendas in and out of the console: import a prayer guide (paste or upload,
//! preview, change what the importer got wrong, confirm, or start again with
//! the text kept) and export an agenda as Markdown or JSON.

use super::auth::{Facilitator, login_redirect};
use super::pages::{ImportPage, ImportPreviewPage, PreviewSection, PreviewTopic};
use super::{AppState, attend, language, render, see_other};
use crate::agenda::export::{to_json, to_markdown};
use crate::agenda::import::{
    Imported, MAX_IMPORT_BYTES, decode, name_untitled, read_agenda, sensitive_reason,
};
use crate::agenda::preview::PreviewEdits;
use crate::domain::agenda::paragraphs;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;

/// Largest confirm form: the guide's text plus a little for the other fields.
pub const IMPORT_FORM_LIMIT: usize = MAX_IMPORT_BYTES + 16 * 1024;

/// `GET /console/{code}/export.{format}`: the agenda as a download.
pub async fn export(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(req.path()));
    };
    let (code, format) = path.into_inner();
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let agenda = state.store.load_agenda(&gathering).await?.to_new_agenda();
    let (body, content_type) = match format.as_str() {
        "md" => (to_markdown(&agenda), "text/markdown; charset=utf-8"),
        "json" => (to_json(&agenda), "application/json"),
        _ => {
            return Err(AppError::NotFound(Message::new("error-export-format")));
        }
    };
    let filename = format!("{}-{}.{format}", slug(&gathering.title), gathering.code);
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(body))
}

/// A file-name-safe form of a title.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if words.is_empty() {
        "agenda".into()
    } else {
        words.join("-")
    }
}

/// `GET /console/import`: paste or upload a guide.
pub async fn import_page(req: HttpRequest) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect("/console/import"));
    };
    render(
        StatusCode::OK,
        &ImportPage {
            t: language::for_request(&req),
            csrf: facilitator.session.csrf_token,
            title: String::new(),
            text: String::new(),
            error: None,
        },
    )
}

/// The import form's fields, read from a multipart body within the size limit.
#[derive(Default)]
pub(super) struct ImportFields {
    pub csrf: String,
    title: String,
    text: String,
    file: Option<Vec<u8>>,
    /// The language of a guide imported as a translation.
    pub language: String,
}

/// Reads an import form: its fields, and the guide's text (from the file
/// if one was chosen, else as pasted), or why it cannot be read and the
/// text to give back to the form.
pub(super) async fn read_import_text(
    t: &Tr,
    form: Multipart,
) -> AppResult<(ImportFields, Result<String, (String, String)>)> {
    let fields = read_import_form(form).await?;
    let text = match &fields.file {
        Some(bytes) => decode(bytes).map_err(|error| (t.say(&error.message()), String::new())),
        None => decode(fields.text.as_bytes())
            .map_err(|error| (t.say(&error.message()), fields.text.clone())),
    };
    Ok((fields, text))
}

async fn read_import_form(mut form: Multipart) -> AppResult<ImportFields> {
    let too_large = || {
        AppError::PayloadTooLarge(
            Message::new("import-too-large").number("count", MAX_IMPORT_BYTES / 1024),
        )
    };
    let unreadable = |e: actix_multipart::MultipartError| {
        tracing::debug!(error = %e, "import form unreadable");
        AppError::BadRequest(Message::new("error-form-unreadable"))
    };
    let mut fields = ImportFields::default();
    let mut total = 0usize;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            total += chunk.len();
            if total > IMPORT_FORM_LIMIT {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "csrf" => fields.csrf = text(),
            "title" => fields.title = text(),
            "text" => fields.text = text(),
            "language" => fields.language = text(),
            "file" if !bytes.is_empty() => fields.file = Some(bytes),
            _ => {}
        }
    }
    Ok(fields)
}

fn preview_page(t: Tr, csrf: String, text: String, imported: &Imported) -> ImportPreviewPage {
    let agenda = &imported.agenda;
    ImportPreviewPage {
        t,
        csrf,
        text,
        agenda_title: agenda.title.clone(),
        opening_ref: agenda.scripture.as_ref().map(|s| s.reference.clone()),
        introduction: paragraphs(&agenda.introduction),
        closing: paragraphs(&agenda.closing),
        set_aside: imported.set_aside.clone(),
        notes: imported.notes.clone(),
        topic_count: agenda.sections.iter().map(|s| s.topics.len()).sum(),
        sections: agenda
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| PreviewSection {
                index: i,
                title: s.title.clone(),
                description: paragraphs(&s.description),
                topics: s
                    .topics
                    .iter()
                    .enumerate()
                    .map(|(j, topic)| PreviewTopic {
                        key: format!("{i}-{j}"),
                        title: topic.title.clone(),
                        kind: topic.kind.as_str().to_string(),
                        planned_minutes: topic.planned_minutes,
                        reference: topic.scripture.as_ref().map(|s| s.reference.clone()),
                        paragraphs: paragraphs(&topic.body),
                        sensitive: topic.sensitive,
                        safe_summary: topic.safe_summary.clone(),
                        reason: if topic.sensitive {
                            t.say(&sensitive_reason(topic))
                        } else {
                            String::new()
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `POST /console/import/preview`: what would be created, before anything is.
pub async fn import_preview(
    t: Tr,
    facilitator: Facilitator,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let fields = read_import_form(form).await?;
    facilitator.check_csrf(&fields.csrf)?;
    let csrf = facilitator.session.csrf_token.clone();
    let refuse = |status: StatusCode, message: String, text: String| {
        render(
            status,
            &ImportPage {
                t,
                csrf: csrf.clone(),
                title: fields.title.clone(),
                text,
                error: Some(message),
            },
        )
    };
    let text = match &fields.file {
        Some(bytes) => match decode(bytes) {
            Ok(text) => text,
            Err(error) => return refuse(status_of(&error), t.say(&error.message()), String::new()),
        },
        None => match decode(fields.text.as_bytes()) {
            Ok(text) => text,
            Err(error) => {
                return refuse(
                    status_of(&error),
                    t.say(&error.message()),
                    fields.text.clone(),
                );
            }
        },
    };
    let title = fields.title.trim();
    match read_agenda(&text, (!title.is_empty()).then_some(title)) {
        Ok(mut imported) => {
            name_untitled(&mut imported, &t.get("import-default-title"));
            render(
                StatusCode::OK,
                &preview_page(t, csrf.clone(), text, &imported),
            )
        }
        Err(error) => refuse(status_of(&error), t.say(&error.message()), text),
    }
}

fn status_of(error: &crate::agenda::import::ImportError) -> StatusCode {
    match error {
        crate::agenda::import::ImportError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The confirm form: the guide's text and title as previewed, and the
/// changes made in the preview (`PreviewEdits` reads them).
pub struct ConfirmForm {
    csrf: String,
    title: String,
    text: String,
    edits: PreviewEdits,
}

impl ConfirmForm {
    fn read(fields: &[(String, String)]) -> Self {
        let field = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        ConfirmForm {
            csrf: field("csrf"),
            title: field("title"),
            text: field("text"),
            edits: PreviewEdits::from_fields(fields.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
        }
    }
}

/// `POST /console/import`: creates the draft gathering shown in the
/// preview, with the changes made there.
pub async fn import_confirm(
    t: Tr,
    state: web::Data<AppState>,
    facilitator: Facilitator,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let form = ConfirmForm::read(&form);
    facilitator.check_csrf(&form.csrf)?;
    let refused = |e: crate::agenda::import::ImportError| AppError::BadRequest(e.message());
    let text = decode(form.text.as_bytes()).map_err(refused)?;
    let title = form.title.trim();
    let mut imported = read_agenda(&text, (!title.is_empty()).then_some(title)).map_err(refused)?;
    name_untitled(&mut imported, &t.get("import-default-title"));
    form.edits.apply(&mut imported.agenda);
    let gathering = state
        .app
        .create_gathering(&imported.agenda, facilitator.account(), None)
        .await?;
    tracing::info!(gathering = %gathering.code, "prayer guide imported");
    Ok(see_other(format!("/console/{}/edit", gathering.code)))
}

/// `POST /console/import/again`: back to the import form from the
/// preview, with the guide's text and title as they were.
pub async fn import_again(
    req: HttpRequest,
    facilitator: Facilitator,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let form = ConfirmForm::read(&form);
    facilitator.check_csrf(&form.csrf)?;
    render(
        StatusCode::OK,
        &ImportPage {
            t: language::for_request(&req),
            csrf: facilitator.session.csrf_token,
            title: form.title,
            text: form.text,
            error: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn titles_become_safe_file_names() {
        assert_eq!(
            slug("Evening of Prayer: Justice!"),
            "evening-of-prayer-justice"
        );
        assert_eq!(slug("«»"), "agenda");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }
}
