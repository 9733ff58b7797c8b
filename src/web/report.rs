//! The report of a gathering for the facilitator: a page (with a chart and a
//! print layout) and CSV / JSON downloads. Login required; counts and times, and who led it.

use super::auth::{Facilitator, login_redirect};
use super::pages::ReportPage;
use super::{AppState, attend, language, render};
use crate::domain::MeetingZone;
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::report::{Report, chart, csv};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

/// The languages the gathering was held in, when it had translations (taps
/// count for a topic whatever the language a phone read it in).
async fn languages_line(
    req: &HttpRequest,
    state: &AppState,
    code: &str,
) -> AppResult<Option<String>> {
    let Ok(code) = crate::domain::JoinCode::parse(code) else {
        return Ok(None);
    };
    let Some(gathering) = state.store.find_gathering(&code).await? else {
        return Ok(None);
    };
    let agenda = state.store.load_agenda(&gathering).await?;
    if agenda.translations.is_empty() {
        return Ok(None);
    }
    let t = language::for_request(req);
    let mut names = vec![t.text(
        "topics-report-main",
        "language",
        &t.language_name(&gathering.language),
    )];
    names.extend(agenda.translations.keys().map(|l| t.language_name(l)));
    Ok(Some(t.text(
        "topics-report-languages",
        "languages",
        &names.join(", "),
    )))
}

/// `GET /console/{code}/report` and `/console/{code}/report.{csv,json}`.
pub async fn report(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (code, format) = path.into_inner();
    if Facilitator::from_request_state(&req).await?.is_none() {
        if format.is_empty() {
            return Ok(login_redirect(req.path()));
        }
        return Err(AppError::Unauthorized);
    }
    let Some(report) = Report::load(&state.store, &code).await? else {
        return attend::not_found(&req, &code);
    };
    let download = |body: String, content_type: &str, extension: &str| {
        HttpResponse::Ok()
            .content_type(content_type)
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"report-{}.{extension}\"",
                    report.gathering.code
                ),
            ))
            .body(body)
    };
    match format.as_str() {
        "" => {
            let zone = MeetingZone::from_stored(&report.time_zone);
            let languages = languages_line(&req, &state, &code).await?;
            let page = ReportPage {
                t,
                languages,
                day: report.started_ms.map(|ms| t.long_date(&zone, ms)),
                started: report.started_ms.map(|ms| t.date_time(&zone, ms)),
                ended: report.ended_ms.map(|ms| t.date_time(&zone, ms)),
                history: (report.history.iter())
                    .map(|line| line.say(&t, &zone))
                    .collect(),
                chart_svg: chart::to_svg(&report, &t),
                actual_minutes: match report.totals.actual_minutes {
                    Some(minutes) => t.decimal(minutes, 1),
                    None => "–".to_string(),
                },
                report,
            };
            render(StatusCode::OK, &page)
        }
        ".csv" => Ok(download(
            csv::to_csv(&report),
            "text/csv; charset=utf-8",
            "csv",
        )),
        ".json" => Ok(download(report.to_json(), "application/json", "json")),
        _ => Err(AppError::NotFound(Message::new("error-report-format"))),
    }
}
