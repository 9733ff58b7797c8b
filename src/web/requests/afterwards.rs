//! After the gathering: how long the requests' words are kept and whether
//! phones keep the approved ones, and the downloads of the words.

use super::page::console_requests;
use super::{facilitators_gathering, with_max};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::web::AppState;
use crate::web::see_other;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

/// The request settings as typed on the requests page.
#[derive(Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    retention_days: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    on_keep_list: Option<String>,
}

/// The longest retention a facilitator may choose, in days.
pub const MAX_RETENTION_DAYS: i64 = 365;

/// `POST /console/{code}/request-settings`
pub async fn save_settings(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<SettingsForm>,
) -> AppResult<HttpResponse> {
    let (facilitator, gathering) = match facilitators_gathering(&req).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let base = format!("/console/{}/requests", gathering.code);
    let days = match form.retention_days.trim().parse::<i64>() {
        Ok(days) if (0..=MAX_RETENTION_DAYS).contains(&days) => days,
        _ => {
            let why = with_max(&t, "requests-error-retention", MAX_RETENTION_DAYS);
            return console_requests(
                t,
                &state,
                &gathering,
                &facilitator,
                None,
                Some(why),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    state
        .app
        .set_request_settings(&gathering, days, form.on_keep_list.is_some())
        .await?;
    Ok(see_other(format!("{base}#request-settings")))
}

/// One request in a download.
#[derive(serde::Serialize)]
struct Download {
    id: i64,
    submitted_at: String,
    status: &'static str,
    audience: &'static str,
    prayed_for: bool,
    edited: bool,
    praying: i64,
    first_name: Option<String>,
    text: Option<String>,
}

/// `GET /console/{code}/requests.{csv|json}`: the requests' words, for the
/// prayer team to keep praying (until the retention deletes them).
pub async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (_, format) = path.into_inner();
    let (_, gathering) = match facilitators_gathering(&req).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let rows: Vec<Download> = state
        .store
        .requests(gathering.id)
        .await?
        .into_iter()
        .map(|r| Download {
            id: r.id,
            submitted_at: jiff::Timestamp::from_millisecond(r.submitted_at)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            status: r.status.as_str(),
            audience: r.audience.as_str(),
            prayed_for: r.prayed_for,
            edited: r.edited,
            praying: r.praying,
            first_name: r.first_name,
            text: r.body,
        })
        .collect();
    let name = format!("prayer-requests-{}", gathering.code);
    let (body, content_type) = match format.as_str() {
        "csv" => (requests_csv(&rows), "text/csv; charset=utf-8"),
        "json" => (
            serde_json::to_string_pretty(&rows).map_err(|e| AppError::internal(e.to_string()))?,
            "application/json",
        ),
        _ => return Err(AppError::NotFound(Message::new("error-no-download"))),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{format}\""),
        ))
        .body(body))
}

fn requests_csv(rows: &[Download]) -> String {
    use crate::report::csv::cell;
    let mut out = String::from(
        "id,submitted_at,status,audience,prayed_for,edited,praying,first_name,text\r\n",
    );
    for r in rows {
        let fields = [
            r.id.to_string(),
            r.submitted_at.clone(),
            r.status.to_string(),
            r.audience.to_string(),
            r.prayed_for.to_string(),
            r.edited.to_string(),
            r.praying.to_string(),
            r.first_name.clone().unwrap_or_default(),
            r.text.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| cell(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
