//! The facilitator's console: the list of gatherings, the console of one
//! gathering, and its live socket (the only socket that may change a gathering).

use super::auth::{Facilitator, login_redirect};
use super::history::HistoryView;
use super::pages::{
    AgendaSectionRow, AgendaTopicRow, ConsoleListPage, ConsolePage, GatheringRow,
    ProjectorLanguages, TopicView,
};
use super::{AppState, attend, flash, language, origin, render};
use crate::domain::MeetingZone;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::live::protocol::{Role, Snapshot};
use crate::web::socket::{self, Peer};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

pub async fn list(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect("/console"));
    };
    let t = language::for_request(&req);
    let gatherings = state
        .store
        .list_gatherings_for_console(facilitator.account())
        .await?
        .into_iter()
        .map(|g| GatheringRow {
            when: {
                let zone = MeetingZone::from_stored(&g.time_zone);
                match g.last_run_at {
                    Some(run) => t.text("list-last-run", "date", &t.date(&zone, run)),
                    None => t.text("list-created", "date", &t.date(&zone, g.created_at)),
                }
            },
            topics: g.topics,
            whose: match (g.own, g.shared) {
                (true, _) => None,
                (false, true) => Some(t.text("accounts-shared-by", "name", &g.owner)),
                (false, false) => Some(t.text("accounts-belongs-to", "name", &g.owner)),
            },
            code: g.code,
            title: g.title,
            status: g.status,
        })
        .collect();
    let flash = flash::take(&req);
    let mut response = render(
        StatusCode::OK,
        &ConsoleListPage {
            t,
            languages: language::choices(&t),
            back: "/console".into(),
            gatherings,
            account_name: facilitator.account().name.clone(),
            is_owner: facilitator.account().is_owner,
            csrf: facilitator.session.csrf_token,
            flash: flash.clone(),
        },
    )?;
    flash::shown(&mut response, &flash);
    Ok(response)
}

pub async fn page(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        return Ok(login_redirect(&format!("/console/{}", code.as_str())));
    };
    let Some(gathering) = facilitator.led_gathering() else {
        return attend::not_found(&req, &code);
    };
    let view = state.hub.view(&gathering, Role::Console, None, "").await?;
    let sections = agenda_rows(&view);
    let base = state.base_url(&req);
    let translations: Vec<String> = state
        .store
        .load_agenda(&gathering)
        .await?
        .translations
        .into_keys()
        .collect();
    let page = ConsolePage {
        t,
        languages: language::choices(&t),
        back: format!("/console/{}", gathering.code),
        messages: t.script_messages(SCRIPT_TEXT, SCRIPT_COUNTS, SCRIPT_TEMPLATES),
        code: gathering.code.clone(),
        title: gathering.title.clone(),
        phase: view.live.phase.as_str().to_string(),
        blank: view.live.blank,
        current_topic_id: view.live.topic.as_ref().map(|t| t.id),
        topic: view.live.topic.as_ref().map(TopicView::from),
        notes: view.live.notes.clone().unwrap_or_default(),
        next: view.live.next.clone(),
        requests_on: view.live.requests_on,
        requests_waiting: view
            .queue
            .as_ref()
            .map(|queue| queue.iter().filter(|r| r.waits()).count() as i64)
            .unwrap_or(0),
        sections,
        praying: view.counts.praying,
        here: view.counts.here.unwrap_or(0),
        join_url: format!("{base}/j/{}", gathering.code),
        projector_url: format!("{base}/p/{}", gathering.code),
        csrf: facilitator.session.csrf_token,
        join_panel: view.live.join_panel,
        started_at: view.live.started_at,
        since: view.live.since,
        time_zone: state.store.gathering_time_zone(gathering.id).await?,
        projector_languages: (!translations.is_empty()).then(|| ProjectorLanguages {
            t,
            options: super::translations::projector_choices(&t, &gathering, &translations),
        }),
        history: HistoryView::load(&t, &state, gathering.id).await?,
    };
    render(StatusCode::OK, &page)
}

/// The agenda beside the console, with each topic's praying count.
fn agenda_rows(view: &Snapshot) -> Vec<AgendaSectionRow> {
    let per_topic = view.counts.per_topic.clone().unwrap_or_default();
    view.agenda
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|section| AgendaSectionRow {
            title: section.title,
            topics: section
                .topics
                .into_iter()
                .map(|t| AgendaTopicRow {
                    praying: per_topic.get(&t.id).copied().unwrap_or(0),
                    id: t.id,
                    number: t.number,
                    title: t.title,
                    kind: t.kind,
                    planned_minutes: t.planned_minutes,
                    translations: t.translations,
                })
                .collect(),
        })
        .collect()
}

/// The words `console.js` puts on screen, given to it in the page in the
/// facilitator's language: plain messages, counting ones, and ones it fills in.
const SCRIPT_TEXT: &[&str] = &[
    "requests-console-show",
    "requests-console-hide",
    "console-connecting",
    "console-online",
    "console-offline",
    "console-now-waiting",
    "console-now-ended",
    "console-now-showing",
    "console-praise",
    "console-ended-title",
    "console-press-start",
    "console-not-started",
    "console-ended",
    "console-on-plan",
    "console-start",
    "console-next-button",
    "console-blank",
    "console-unblank",
    "console-show-join",
    "console-hide-join",
    "console-last-topic",
    "console-no-notes",
    "console-announce-join-shown",
    "console-announce-join-hidden",
    "console-announce-ended",
    "console-announce-blank",
    "console-announce-unblank",
    "console-announce-shortcuts-on",
    "console-announce-shortcuts-off",
    "console-not-connected",
    "console-status-ended",
    "console-status-last",
    "console-status-first",
    "console-status-not-started",
    "console-confirm-end",
    "console-confirm-reopen",
    "console-went-wrong",
    "console-error-busy",
    "console-error-rate-limited",
    "console-error-unknown-topic",
    "console-error-not-live",
    "console-error-forbidden",
];
const SCRIPT_COUNTS: &[&str] = &[
    "console-behind-plan",
    "console-ahead-plan",
    "console-minutes",
    "console-topic-praying",
    "requests-console-waiting",
];
const SCRIPT_TEMPLATES: &[(&str, &[&str])] = &[
    ("console-topic-number", &["number", "total"]),
    ("console-announce-topic", &["number", "total", "title"]),
];

pub async fn socket(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    origin::check(&req, &state.allowed_origins, Role::Console)?;
    let Some(facilitator) = Facilitator::from_request_state(&req).await? else {
        tracing::warn!("console websocket refused: not logged in");
        return Err(AppError::Unauthorized);
    };
    // A sign-out during the upgrade is always seen.
    let Some(revoked) = state.app.watch_session(&facilitator.session).await? else {
        tracing::warn!("console websocket refused: logged out during the upgrade");
        return Err(AppError::Unauthorized);
    };
    let (gathering, room) = state.hub.find(&code).await?;
    let peer = Peer {
        role: Role::Console,
        device: None,
        language: "",
        revoked: Some(revoked),
        account: Some(facilitator.account().clone()),
    };
    socket::open(&req, body, &state, room, gathering.code, peer)
        .await
        .map_err(|e| socket::refused_upgrade(&e))
}
