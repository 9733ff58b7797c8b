//! Moderating prayer requests, over plain HTTP forms: the facilitator's
//! requests page (`/console/{code}/requests`, which also makes and revokes
//! moderator links) and a helper's phone-sized page opened by a moderator
//! link (`/m/{code}`). A moderator approves, edits, hides or marks requests
//! as prayed for, and nothing else: no route here controls a gathering.
//!
//! Requests' words never reach the logs: refusals are logged by kind and id.

use super::auth::{Facilitator, login_redirect};
use super::pages::{ModeratorLinkRow, RequestCard, RequestsPage};
use super::projector::qr_svg;
use super::{AppState, language, origin, render};
use crate::domain::JoinCode;
use crate::domain::moderator_code::ModeratorCode;
use crate::domain::prayer_request::{
    Audience, MAX_NAME_CHARS, MAX_REQUEST_CHARS, RequestError, RequestStatus, edited_text,
};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::live::connection::{self, Peer};
use crate::live::protocol::Role;
use crate::store::{Gathering, Moderation, ModeratorLink, StoredRequest};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use blake2::{Blake2s256, Digest};
use fluent_bundle::FluentArgs;
use serde::Deserialize;

/// The longest label of a moderator link ("Prayer team, side room").
const MAX_LABEL_CHARS: usize = 60;

/// What a moderation form sends.
#[derive(Deserialize, Default)]
pub struct ModerationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    first_name: String,
}

/// The form that makes a moderator link.
#[derive(Deserialize, Default)]
pub struct LinkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    label: String,
}

/// A moderator code as stored: its hash only.
fn code_hash(code: &ModeratorCode) -> String {
    Blake2s256::digest(code.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn no_such_link(t: &Tr) -> AppError {
    AppError::NotFound(t.get("requests-error-no-link"))
}

/// A refusal naming a limit (`$max`).
fn with_max(t: &Tr, key: &str, max: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("max", max);
    t.format(key, Some(&args))
}

/// Why a request's words cannot be taken, in the reader's words.
pub fn request_refusal(t: &Tr, error: &RequestError) -> String {
    let mut args = FluentArgs::new();
    let key = match error {
        RequestError::Empty => "requests-error-empty",
        RequestError::TooLong(count) => {
            args.set("count", *count);
            args.set("max", MAX_REQUEST_CHARS);
            "requests-error-too-long"
        }
        RequestError::NameTooLong(count) => {
            args.set("count", *count);
            args.set("max", MAX_NAME_CHARS);
            "requests-error-name-too-long"
        }
    };
    t.format(key, Some(&args))
}

/// The facilitator's gathering, or why not.
async fn facilitators_gathering(
    req: &HttpRequest,
    state: &AppState,
    code: &str,
) -> AppResult<Result<(Facilitator, Gathering), HttpResponse>> {
    let Some(facilitator) = Facilitator::from_request_state(req).await? else {
        return Ok(Err(login_redirect(req.path())));
    };
    let gathering = match JoinCode::parse(code) {
        Ok(code) => state.store.find_gathering(&code).await?,
        Err(_) => None,
    }
    .ok_or_else(|| AppError::NotFound(language::for_request(req).get("error-no-gathering")))?;
    Ok(Ok((facilitator, gathering)))
}

/// The gathering a moderator link opens, with the link.
async fn linked_gathering(
    req: &HttpRequest,
    state: &AppState,
    typed: &str,
) -> AppResult<(ModeratorCode, ModeratorLink, Gathering)> {
    // Wrong codes count against the address like unknown join codes, so
    // links cannot be guessed; a right one is never refused.
    let address = state.client_ip(req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return Err(AppError::TooManyRequests(
            language::for_request(req).get("requests-error-guessing"),
        ));
    }
    let found = match ModeratorCode::parse(typed) {
        Some(code) => state
            .store
            .moderator_link(&code_hash(&code))
            .await?
            .map(|link| (code, link)),
        None => None,
    };
    let Some((code, link)) = found else {
        state.unknown_codes.allow(address);
        tracing::info!("moderator link refused: unknown or revoked");
        return Err(no_such_link(&language::for_request(req)));
    };
    let gathering = JoinCode::parse(&link.gathering_code)
        .ok()
        .map(|code| async move { state.store.find_gathering(&code).await });
    let gathering = match gathering {
        Some(found) => found.await?,
        None => None,
    }
    .ok_or_else(|| no_such_link(&language::for_request(req)))?;
    Ok((code, link, gathering))
}

fn cards(requests: Vec<StoredRequest>) -> Vec<RequestCard> {
    requests
        .into_iter()
        .map(|r| RequestCard {
            id: r.id,
            body: r.body.unwrap_or_default(),
            first_name: r.first_name.unwrap_or_default(),
            team_only: r.audience == Audience::Team,
            status: r.status.as_str(),
            prayed_for: r.prayed_for,
            edited: r.edited,
            praying: r.praying,
        })
        .collect()
}

/// The moderation page for either audience.
/// Who reads a requests page and where its forms and socket go.
struct Reader<'a> {
    t: Tr,
    /// The gathering's code on the console's page, the moderator code on a helper's.
    live_code: String,
    form_base: String,
    /// The facilitator (with the links and CSRF), or `None` for a helper.
    facilitator: Option<&'a Facilitator>,
}

async fn requests_page(
    reader: Reader<'_>,
    state: &AppState,
    gathering: &Gathering,
    new_link: Option<(String, String)>,
    error: Option<String>,
) -> AppResult<RequestsPage> {
    let Reader {
        t,
        live_code,
        form_base,
        facilitator,
    } = reader;
    let requests = cards(state.store.requests(gathering.id).await?);
    let links = match facilitator {
        Some(_) => state
            .store
            .moderator_links(gathering.id)
            .await?
            .into_iter()
            .map(|l| ModeratorLinkRow {
                id: l.id,
                label: l.label,
                revoked: l.revoked_at.is_some(),
            })
            .collect(),
        None => Vec::new(),
    };
    let count = |status: &str| requests.iter().filter(|r| r.status == status).count();
    let (retention_days, on_keep_list) = state.store.request_settings(gathering.id).await?;
    let groups = vec![
        (
            t.get("requests-group-new"),
            RequestStatus::New.as_str(),
            count(RequestStatus::New.as_str()),
        ),
        (
            t.get("requests-group-approved"),
            RequestStatus::Approved.as_str(),
            count(RequestStatus::Approved.as_str()),
        ),
        (
            t.get("requests-group-hidden"),
            RequestStatus::Hidden.as_str(),
            count(RequestStatus::Hidden.as_str()),
        ),
    ];
    let mut counts = FluentArgs::new();
    counts.set("new", count(RequestStatus::New.as_str()));
    counts.set("approved", count(RequestStatus::Approved.as_str()));
    counts.set("hidden", count(RequestStatus::Hidden.as_str()));
    let actions = ["approve", "hide", "requeue", "prayed", "unprayed"]
        .into_iter()
        .map(|action| (action, t.get(&format!("requests-action-{action}"))))
        .collect();
    Ok(RequestsPage {
        t,
        languages: language::choices(&t),
        back: form_base.clone(),
        counts_line: t.format("requests-counts", Some(&counts)),
        actions,
        moderate_address: new_link
            .as_ref()
            .and_then(|(url, _)| url.rsplit_once('/'))
            .map(|(address, _)| address.to_string())
            .unwrap_or_default(),
        live_code,
        groups,
        retention_days,
        on_keep_list,
        code: gathering.code.clone(),
        title: gathering.title.clone(),
        new_count: count(RequestStatus::New.as_str()),
        approved_count: count(RequestStatus::Approved.as_str()),
        hidden_count: count(RequestStatus::Hidden.as_str()),
        requests,
        form_base,
        facilitator: facilitator.is_some(),
        csrf: facilitator
            .map(|f| f.session.csrf_token.clone())
            .unwrap_or_default(),
        links,
        new_link_qr: new_link.as_ref().map(|(url, _)| qr_svg(url)),
        new_link,
        error,
    })
}

/// The live code of a page whose forms post to `form_base`: a helper's
/// moderator code (`/m/CODE`), else the gathering's.
fn live_code_for(gathering: &Gathering, form_base: &str) -> String {
    match form_base.strip_prefix("/m/") {
        Some(code) => code.to_string(),
        None => gathering.code.clone(),
    }
}

/// The facilitator's requests page, with a link just made or a refusal.
async fn console_requests(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    facilitator: &Facilitator,
    new_link: Option<(String, String)>,
    error: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let reader = Reader {
        t,
        live_code: gathering.code.clone(),
        form_base: format!("/console/{}/requests", gathering.code),
        facilitator: Some(facilitator),
    };
    let page = requests_page(reader, state, gathering, new_link, error).await?;
    render(status, &page)
}

/// What a form asks for, checked.
fn moderation(t: &Tr, form: &ModerationForm) -> Result<Moderation, String> {
    Ok(match form.action.as_str() {
        "approve" => Moderation::Approve,
        "hide" => Moderation::Hide,
        "requeue" => Moderation::Requeue,
        "prayed" => Moderation::PrayedFor(true),
        "unprayed" => Moderation::PrayedFor(false),
        "edit" => {
            let (body, first_name) =
                edited_text(&form.body, &form.first_name).map_err(|e| request_refusal(t, &e))?;
            Moderation::Edit { body, first_name }
        }
        _ => return Err(t.get("requests-error-not-moderation")),
    })
}

/// Applies a moderation form; the page again with the refusal, or back to
/// the request.
async fn moderate(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    request_id: i64,
    form: &ModerationForm,
    form_base: String,
    facilitator: Option<&Facilitator>,
) -> AppResult<HttpResponse> {
    let change = match moderation(&t, form) {
        Ok(change) => change,
        Err(why) => {
            tracing::info!(request = request_id, action = %form.action.chars().take(16).collect::<String>(), "moderation refused");
            let page = requests_page(
                Reader {
                    t,
                    live_code: live_code_for(gathering, &form_base),
                    form_base,
                    facilitator,
                },
                state,
                gathering,
                None,
                Some(why),
            )
            .await?;
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    if !state
        .store
        .moderate_request(gathering.id, request_id, &change)
        .await?
    {
        return Err(AppError::NotFound(t.get("requests-error-gone")));
    }
    tracing::info!(gathering = %gathering.code, request = request_id, action = %form.action, "request moderated");
    state.hub.requests_changed(gathering.id, false).await;
    Ok(see_other(&format!("{form_base}#request-{request_id}")))
}

/// `GET /console/{code}/requests`
pub async fn console_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (facilitator, gathering) = match facilitators_gathering(&req, &state, &code).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    console_requests(
        t,
        &state,
        &gathering,
        &facilitator,
        None,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /console/{code}/requests/{id}`
pub async fn console_moderate(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ModerationForm>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (code, request_id) = path.into_inner();
    let (facilitator, gathering) = match facilitators_gathering(&req, &state, &code).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let base = format!("/console/{}/requests", gathering.code);
    moderate(
        t,
        &state,
        &gathering,
        request_id,
        &form,
        base,
        Some(&facilitator),
    )
    .await
}

/// `POST /console/{code}/moderators`: a new link, shown once.
pub async fn create_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
    form: web::Form<LinkForm>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (facilitator, gathering) = match facilitators_gathering(&req, &state, &code).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let label: String = form.label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() > MAX_LABEL_CHARS {
        let why = with_max(&t, "requests-error-link-label", MAX_LABEL_CHARS as i64);
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
    let moderator = ModeratorCode::generate();
    state
        .store
        .insert_moderator_link(gathering.id, &code_hash(&moderator), &label)
        .await?;
    tracing::info!(gathering = %gathering.code, "moderator link made");
    let url = format!("{}/m/{}", state.base_url(&req), moderator.as_str());
    console_requests(
        t,
        &state,
        &gathering,
        &facilitator,
        Some((url, moderator.grouped())),
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /console/{code}/moderators/{id}/revoke`
pub async fn revoke_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<LinkForm>,
) -> AppResult<HttpResponse> {
    let (code, link_id) = path.into_inner();
    let (facilitator, gathering) = match facilitators_gathering(&req, &state, &code).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let Some(hash) = state
        .store
        .revoke_moderator_link(gathering.id, link_id)
        .await?
    else {
        return Err(AppError::NotFound(
            language::for_request(&req).get("requests-error-link-gone"),
        ));
    };
    // Its open pages stop at once, on every instance.
    state.hub.revoke_session(&link_signal(&hash)).await;
    tracing::info!(gathering = %gathering.code, link = link_id, "moderator link revoked");
    Ok(see_other(&format!("/console/{}/requests", gathering.code)))
}

/// The key a moderator link's sockets are closed by (see `Hub::session_signal`).
fn link_signal(token_hash: &str) -> String {
    format!("moderator:{token_hash}")
}

/// `GET /ws/moderate/{code}`: a helper's live queue. Its socket can never
/// control the gathering (only the console's can) and closes when the link
/// is revoked.
pub async fn moderator_socket(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    origin::check(&req, &state.allowed_origins, Role::Moderator)?;
    let (moderator, _, gathering) = linked_gathering(&req, &state, &code).await?;
    let hash = code_hash(&moderator);
    // Revoking marks the link, then signals its sockets: subscribe first and
    // look again, so a revocation during the upgrade is always seen.
    let revoked = state.hub.session_signal(&link_signal(&hash));
    if state.store.moderator_link(&hash).await?.is_none() {
        state.hub.revoke_session(&link_signal(&hash)).await;
        return Err(no_such_link(&language::for_request(&req)));
    }
    let (gathering, room) = state.hub.find(&gathering.code).await?;
    let peer = Peer {
        role: Role::Moderator,
        device: None,
        language: "",
        revoked: Some(revoked),
    };
    connection::open(&req, body, state.hub.clone(), room, gathering.code, peer)
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))
}

/// `GET /m/{code}`: the helper's moderation page.
pub async fn moderator_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (moderator, _, gathering) = linked_gathering(&req, &state, &code).await?;
    let base = format!("/m/{}", moderator.as_str());
    let page = requests_page(
        Reader {
            t,
            live_code: moderator.as_str().to_string(),
            form_base: base,
            facilitator: None,
        },
        &state,
        &gathering,
        None,
        None,
    )
    .await?;
    render(StatusCode::OK, &page)
}

/// `POST /m/{code}/requests/{id}`: the link is the credential (it is in the
/// form's address, which another site cannot know).
pub async fn moderator_moderate(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ModerationForm>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (code, request_id) = path.into_inner();
    let (moderator, _, gathering) = linked_gathering(&req, &state, &code).await?;
    let base = format!("/m/{}", moderator.as_str());
    moderate(t, &state, &gathering, request_id, &form, base, None).await
}

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
    state: web::Data<AppState>,
    code: web::Path<String>,
    form: web::Form<SettingsForm>,
) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (facilitator, gathering) = match facilitators_gathering(&req, &state, &code).await? {
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
        .store
        .set_request_settings(gathering.id, days, form.on_keep_list.is_some())
        .await?;
    state.hub.requests_changed(gathering.id, false).await;
    Ok(see_other(&format!("{base}#request-settings")))
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
    let (code, format) = path.into_inner();
    let (_, gathering) = match facilitators_gathering(&req, &state, &code).await? {
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
        _ => return Err(AppError::NotFound("No such download.".into())),
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
