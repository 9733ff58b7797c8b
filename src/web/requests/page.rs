//! The requests page, for the facilitator and for a helper: what it shows,
//! and what its moderation forms do.

use super::{facilitators_gathering, linked_gathering};
use crate::domain::moderator_code::ModeratorCode;
use crate::domain::prayer_request::{Audience, RequestStatus, edited_text, waits_for_moderator};
use crate::error::{AppError, AppResult};
use crate::i18n::Message;
use crate::i18n::Tr;
use crate::live::protocol::Control;
use crate::store::{Gathering, Moderation, StoredRequest};
use crate::web::auth::Facilitator;
use crate::web::pages::{ModeratorEnterPage, ModeratorLinkRow, RequestCard, RequestsPage};
use crate::web::projector::qr_svg;
use crate::web::see_other;
use crate::web::{AppState, language, render};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use fluent_bundle::FluentArgs;
use serde::Deserialize;

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

/// The group of requests for the prayer team: read and prayed for, never
/// shown, so never approved.
const TEAM_GROUP: &str = "team";

fn cards(requests: Vec<StoredRequest>) -> Vec<RequestCard> {
    requests
        .into_iter()
        .map(|r| RequestCard {
            id: r.id,
            body: r.body.unwrap_or_default(),
            first_name: r.first_name.unwrap_or_default(),
            team_only: r.audience == Audience::Team,
            status: r.status.as_str(),
            group: match (r.audience, r.status) {
                (Audience::Team, RequestStatus::New | RequestStatus::Approved) => TEAM_GROUP,
                (_, status) => status.as_str(),
            },
            waits: waits_for_moderator(r.status, r.audience, r.prayed_for),
            prayed_for: r.prayed_for,
            edited: r.edited,
            praying: r.praying,
        })
        .collect()
}

/// Who reads a requests page and where its forms and socket go.
struct Reader<'a> {
    t: Tr,
    /// The gathering's code on the console's page, the moderator code on a helper's.
    live_code: String,
    /// Where the page is (where a moderation comes back to).
    page_address: String,
    /// Where its moderation forms post, followed by the request's id.
    moderate_action: String,
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
        page_address,
        moderate_action,
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
    let count = |group: &str| requests.iter().filter(|r| r.group == group).count();
    let waiting = requests.iter().filter(|r| r.waits).count();
    let (retention_days, on_keep_list) = state.store.request_settings(gathering.id).await?;
    let groups = vec![
        (
            t.get("requests-group-new"),
            RequestStatus::New.as_str(),
            count(RequestStatus::New.as_str()),
        ),
        (t.get("requests-group-team"), TEAM_GROUP, count(TEAM_GROUP)),
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
    // Waiting for approval, and for the team's prayer: together, what waits.
    let team_waiting = requests
        .iter()
        .filter(|r| r.waits && r.group == TEAM_GROUP)
        .count();
    counts.set("new", waiting - team_waiting);
    counts.set("team", team_waiting);
    counts.set("approved", count(RequestStatus::Approved.as_str()));
    counts.set("hidden", count(RequestStatus::Hidden.as_str()));
    let actions = ["approve", "hide", "requeue", "prayed", "unprayed"]
        .into_iter()
        .map(|action| (action, t.get(&format!("requests-action-{action}"))))
        .collect();
    Ok(RequestsPage {
        t,
        languages: language::choices(&t),
        back: page_address,
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
        new_count: waiting,
        approved_count: count(RequestStatus::Approved.as_str()),
        hidden_count: count(RequestStatus::Hidden.as_str()),
        requests,
        moderate_action,
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

impl<'a> Reader<'a> {
    /// The facilitator's page, `/console/{code}/requests`.
    fn facilitator(t: Tr, gathering: &Gathering, facilitator: &'a Facilitator) -> Self {
        let page_address = format!("/console/{}/requests", gathering.code);
        Reader {
            t,
            live_code: gathering.code.clone(),
            moderate_action: page_address.clone(),
            page_address,
            facilitator: Some(facilitator),
        }
    }

    /// A helper's page, `/m/{moderator code}`.
    fn helper(t: Tr, moderator: &ModeratorCode) -> Self {
        let page_address = format!("/m/{}", moderator.as_str());
        Reader {
            t,
            live_code: moderator.as_str().to_string(),
            moderate_action: format!("{page_address}/requests"),
            page_address,
            facilitator: None,
        }
    }
}

/// The facilitator's requests page, with a link just made or a refusal.
pub(super) async fn console_requests(
    t: Tr,
    state: &AppState,
    gathering: &Gathering,
    facilitator: &Facilitator,
    new_link: Option<(String, String)>,
    error: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let reader = Reader::facilitator(t, gathering, facilitator);
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
                edited_text(&form.body, &form.first_name).map_err(|e| t.say(&e.message()))?;
            Moderation::Edit { body, first_name }
        }
        _ => return Err(t.get("requests-error-not-moderation")),
    })
}

/// Whether the gathering's request is one for the prayer team.
async fn is_for_the_team(
    state: &AppState,
    gathering: &Gathering,
    request_id: i64,
) -> AppResult<bool> {
    Ok(state
        .store
        .requests(gathering.id)
        .await?
        .iter()
        .any(|r| r.id == request_id && r.audience == Audience::Team))
}

/// The page again, with why the form was refused.
async fn refused(
    reader: Reader<'_>,
    state: &AppState,
    gathering: &Gathering,
    why: String,
) -> AppResult<HttpResponse> {
    let page = requests_page(reader, state, gathering, None, Some(why)).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Applies a moderation form; the page again with the refusal, or back to
/// the request.
async fn moderate(
    reader: Reader<'_>,
    state: &AppState,
    gathering: &Gathering,
    request_id: i64,
    form: &ModerationForm,
) -> AppResult<HttpResponse> {
    let change = match moderation(&reader.t, form) {
        Ok(Moderation::Approve) if is_for_the_team(state, gathering, request_id).await? => {
            tracing::info!(
                request = request_id,
                "moderation refused: a team request is never shown"
            );
            let why = reader.t.get("requests-error-team-approve");
            return refused(reader, state, gathering, why).await;
        }
        Ok(change) => change,
        Err(why) => {
            tracing::info!(request = request_id, action = %form.action.chars().take(16).collect::<String>(), "moderation refused");
            return refused(reader, state, gathering, why).await;
        }
    };
    if !state
        .app
        .moderate_request(gathering, request_id, &change)
        .await?
    {
        return Err(AppError::NotFound(Message::new("requests-error-gone")));
    }
    Ok(see_other(format!(
        "{}#request-{request_id}",
        reader.page_address
    )))
}

/// `GET /console/{code}/requests`
pub async fn console_page(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let t = language::for_request(&req);
    let (facilitator, gathering) = match facilitators_gathering(&req).await? {
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
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ModerationForm>,
) -> AppResult<HttpResponse> {
    let (_, request_id) = path.into_inner();
    let (facilitator, gathering) = match facilitators_gathering(&req).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    facilitator.check_csrf(&form.csrf)?;
    let reader = Reader::facilitator(t, &gathering, &facilitator);
    // The facilitator alone puts a request on the projector (a command to
    // the gathering, like those of the console).
    if form.action == "show" {
        let (_, room) = state.hub.find(&gathering.code).await?;
        let shown = room
            .control(Control::ShowRequests(true, Some(request_id)))
            .await
            .map_err(|_| AppError::internal("the gathering's room stopped"))?;
        if let Err(refused) = shown {
            return Err(AppError::BadRequest(refused.message));
        }
        return Ok(see_other(format!(
            "{}#request-{request_id}",
            reader.page_address
        )));
    }
    moderate(reader, &state, &gathering, request_id, &form).await
}

#[derive(Deserialize)]
pub struct EnterQuery {
    code: Option<String>,
}

/// `GET /m`: where a helper types the moderator code (`?code=` from its own
/// form goes on to the moderation page, or back with a reason). Only the
/// code's shape is checked here: whether it opens anything is counted where
/// it is looked up, like a join code.
pub async fn moderator_enter(t: Tr, query: web::Query<EnterQuery>) -> AppResult<HttpResponse> {
    let typed = query.code.clone().unwrap_or_default();
    let error = match ModeratorCode::parse(&typed) {
        Some(code) => return Ok(see_other(format!("/m/{}", code.as_str()))),
        None if typed.trim().is_empty() => None,
        None => Some(t.get("moderate-enter-error")),
    };
    let status = match error {
        Some(_) => StatusCode::BAD_REQUEST,
        None => StatusCode::OK,
    };
    render(
        status,
        &ModeratorEnterPage {
            t,
            languages: language::choices(&t),
            back: "/m".to_string(),
            code: typed.chars().take(32).collect(),
            error,
        },
    )
}

/// `GET /m/{code}`: the helper's moderation page.
pub async fn moderator_page(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (moderator, _, gathering) = match linked_gathering(&req, &state, &code).await {
        Ok(found) => found,
        // A mistyped or revoked code: the box to type it again, with why.
        Err(AppError::NotFound(why)) => {
            return render(
                StatusCode::NOT_FOUND,
                &ModeratorEnterPage {
                    t,
                    languages: language::choices(&t),
                    back: "/m".to_string(),
                    code: String::new(),
                    error: Some(t.say(&why)),
                },
            );
        }
        Err(other) => return Err(other),
    };
    let page = requests_page(
        Reader::helper(t, &moderator),
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
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ModerationForm>,
) -> AppResult<HttpResponse> {
    let (code, request_id) = path.into_inner();
    let (moderator, _, gathering) = linked_gathering(&req, &state, &code).await?;
    moderate(
        Reader::helper(t, &moderator),
        &state,
        &gathering,
        request_id,
        &form,
    )
    .await
}
