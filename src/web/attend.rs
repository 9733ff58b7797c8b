//! The attendee's side: the home page with the join box, the phone page for a
//! gathering, and the phone's live socket. No account: a phone is known only by
//! a random device identity the server issued and signed (see [`super::device`]),
//! kept in a cookie, so its taps count once per topic.

use super::device::DEVICE_COOKIE;
use super::pages::{AttendPage, CoveredRow, HomePage, KeepRow, NotFoundPage, TopicView};
use super::{AppState, language, origin, render, see_other};
use crate::domain::agenda::paragraphs;
use crate::domain::join_code::CODE_LEN;
use crate::domain::moderator_code::ModeratorCode;
use crate::domain::{JoinCode, JoinCodeError};
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::live::protocol::{Role, Snapshot};
use crate::live::room::{DeviceId, Language};
use crate::store::Gathering;
use crate::web::socket::{self, Peer};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use std::collections::HashMap;

/// The phone's identity, if its cookie holds one this server issued.
fn device_from(req: &HttpRequest, state: &AppState) -> Option<DeviceId> {
    req.cookie(DEVICE_COOKIE)
        .and_then(|cookie| state.devices.verify(cookie.value()))
}

/// The phone's identity, or a new one (and its cookie value) if this network
/// may still add phones. A cookie this server did not issue counts as none.
fn device_or_new(req: &HttpRequest, state: &AppState) -> AppResult<(DeviceId, Option<String>)> {
    if let Some(device) = device_from(req, state) {
        return Ok((device, None));
    }
    if !state.new_devices.allow(state.client_ip(req)) {
        tracing::warn!("new device refused: too many from one address");
        return Err(AppError::TooManyRequests(Message::new(
            "attend-too-many-phones",
        )));
    }
    let (device, cookie) = state.devices.issue();
    Ok((device, Some(cookie)))
}

/// The phone's identity cookie: `Secure` like the login cookie when the server
/// is reached over HTTPS, so it never travels in clear text.
fn device_cookie(value: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(DEVICE_COOKIE, value.to_string())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish()
}

/// The gathering with this join code, counting unknown codes per address: a
/// join code is short, so one address may try only so many wrong ones before
/// every lookup from it is refused for the rest of the minute (refusing only
/// the unknown ones would still tell a guesser which codes exist). Only
/// unknown codes are counted, so a hall of phones behind one router joining
/// at once is never held back.
pub async fn lookup(req: &HttpRequest, state: &AppState, code: &str) -> AppResult<Gathering> {
    let address = state.client_ip(req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return Err(too_many_codes());
    }
    match state.hub.gathering(code).await {
        Err(AppError::NotFound(message)) => {
            if !state.unknown_codes.allow(address) {
                return Err(too_many_codes());
            }
            Err(AppError::NotFound(message))
        }
        found => found,
    }
}

fn too_many_codes() -> AppError {
    tracing::warn!("join code refused: too many unknown codes from one address");
    AppError::TooManyRequests(Message::new("join-too-many-codes"))
}

/// The page shown for an unknown join code or address, in the visitor's language.
pub fn not_found(req: &HttpRequest, code: &str) -> AppResult<HttpResponse> {
    let t = language::for_request(req);
    render(
        StatusCode::NOT_FOUND,
        &NotFoundPage {
            t,
            code: code.chars().take(16).collect(),
            code_lead: t.around("not-found-gathering-lead", "code"),
        },
    )
}

pub async fn home(req: HttpRequest) -> AppResult<HttpResponse> {
    render(
        StatusCode::OK,
        &HomePage {
            t: language::for_request(&req),
            code: String::new(),
            error: None,
        },
    )
}

#[derive(Deserialize)]
pub struct JoinQuery {
    code: Option<String>,
}

/// The join box: a typed code goes to its gathering, or back with a reason.
pub async fn join(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    query: web::Query<JoinQuery>,
) -> AppResult<HttpResponse> {
    let typed = query.code.clone().unwrap_or_default();
    // Only a look: the typed code is counted where it is looked up.
    let address = state.client_ip(&req);
    if state.unknown_codes.blocked(address.as_ref()) {
        return render(
            StatusCode::TOO_MANY_REQUESTS,
            &HomePage {
                t,
                code: typed.chars().take(16).collect(),
                error: Some(t.get("join-too-many-codes")),
            },
        );
    }
    match JoinCode::parse(&typed) {
        Ok(code) => Ok(see_other(format!("/j/{code}"))),
        // A helper may type the moderator code here too: it is twice as
        // long as a join code, so the two are never taken for each other.
        Err(JoinCodeError::Shape) if let Some(moderator) = ModeratorCode::parse(&typed) => {
            Ok(see_other(format!("/m/{}", moderator.as_str())))
        }
        Err(why) => render(
            StatusCode::BAD_REQUEST,
            &HomePage {
                t,
                code: typed.chars().take(16).collect(),
                error: Some(join_code_refused(&t, &why)),
            },
        ),
    }
}

/// Why a typed code was refused, in the visitor's language.
fn join_code_refused(t: &Tr, why: &JoinCodeError) -> String {
    match why {
        JoinCodeError::Empty => t.get("join-error-empty"),
        JoinCodeError::Shape => t.count("join-error-shape", CODE_LEN),
        JoinCodeError::LookAlikes(found) => {
            let found: Vec<String> = found.iter().map(char::to_string).collect();
            t.text("join-error-look-alikes", "found", &found.join(", "))
        }
    }
}

/// Any other address. A join code typed straight after the host (`/K7HQ2M`)
/// goes to its gathering; anything else is a page not found that names no code.
pub async fn unknown_path(req: HttpRequest) -> AppResult<HttpResponse> {
    let segment = req.path().trim_matches('/');
    if !segment.contains('/')
        && let Ok(code) = JoinCode::parse(segment)
    {
        return Ok(see_other(format!("/j/{code}")));
    }
    not_found(&req, "")
}

/// The words `attend.js` puts on screen, given to it in the page in the
/// phone's language: plain messages, counting ones, and ones it fills in.
const SCRIPT_TEXT: &[&str] = &[
    "attend-connecting",
    "attend-online",
    "attend-offline",
    "attend-offline-ended",
    "attend-keep-heading",
    "attend-advisory",
    "attend-counted",
    "attend-sending",
    "attend-saved",
    "attend-you-prayed",
    "attend-busy",
    "attend-not-live",
    "attend-unknown-topic",
    "attend-error",
    "attend-announce-ended-keep",
    "attend-announce-ended",
    "attend-language-later",
    "requests-sending",
    "requests-saved",
    "requests-received",
    "requests-received-team",
    "requests-empty",
    "requests-busy",
];
const SCRIPT_COUNTS: &[&str] = &[
    "attend-praying-count",
    "attend-thanks-count",
    "attend-so-far",
    "attend-we-prayed-for",
    "requests-praying",
    "requests-characters-left",
];
const SCRIPT_TEMPLATES: &[(&str, &[&str])] = &[
    ("attend-topic-number", &["number", "total"]),
    ("topics-not-translated", &["language"]),
    ("topics-scripture-not-translated", &["language"]),
    ("attend-announce-topic", &["number", "total", "title"]),
];

/// `/j/{code}`: the current topic, rendered in full before any script runs.
pub async fn page(
    req: HttpRequest,
    t: Tr,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (device, issued) = device_or_new(&req, &state)?;
    // The topics come in the phone's language where they are translated.
    let view = match phone_view(&req, &state, &code, &device, t.lang()).await? {
        Ok(view) => view,
        Err(elsewhere) => return Ok(elsewhere),
    };
    // After the end the page lists the topics shown, with how many in the room
    // prayed for each: one read of the counts (the live view carries only the
    // current topic's).
    let room_praying = match &view.live.keep_praying {
        Some(_) => state.store.prayed_counts(&view.gathering.code).await?,
        None => Default::default(),
    };
    let mut response = render(StatusCode::OK, &attend_page(t, &view, &room_praying))?;
    // The words depend on these (the page is never stored: `no-store`).
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if let Some(cookie) = issued {
        response
            .add_cookie(&device_cookie(&cookie, state.secure_cookies))
            .map_err(|e| AppError::internal(e.to_string()))?;
    }
    Ok(response)
}

/// What a phone's page shows now: its gathering's live state for this device
/// and language, or the response to give instead (the not-found page, or the
/// code's canonical address).
///
/// Thousands of phones load this page at once: an open room answers with no
/// database read (an address refused for guessing codes stays refused);
/// otherwise the gathering is looked up and its room opened.
async fn phone_view(
    req: &HttpRequest,
    state: &AppState,
    code: &str,
    device: &DeviceId,
    lang: Language,
) -> AppResult<Result<Snapshot, HttpResponse>> {
    let address = state.client_ip(req);
    let open = match state.unknown_codes.blocked(address.as_ref()) {
        true => None,
        false => state.hub.open_room_by_code(code),
    };
    let (canonical, gathering) = match &open {
        Some((canonical, _)) => (canonical.clone(), None),
        None => match lookup(req, state, code).await {
            Ok(found) => (found.code.clone(), Some(found)),
            Err(AppError::NotFound(_)) => return Ok(Err(not_found(req, code)?)),
            Err(other) => return Err(other),
        },
    };
    if canonical != code {
        // Typed in lower case or with a dash: show the canonical address.
        return Ok(Err(see_other(format!("/j/{canonical}"))));
    }
    if let Some((_, room)) = open
        && let Ok(view) = room.view(Role::Attendee, Some(device.clone()), lang).await
    {
        return Ok(Ok(view));
    }
    // No room open, or it stopped for being idle meanwhile.
    let gathering = match gathering {
        Some(gathering) => gathering,
        None => lookup(req, state, code).await?,
    };
    let view = state
        .hub
        .view(&gathering, Role::Attendee, Some(device.clone()), lang)
        .await?;
    Ok(Ok(view))
}

/// The phone's page for this live state, in its words.
fn attend_page(t: Tr, view: &Snapshot, room_praying: &HashMap<i64, i64>) -> AttendPage {
    let topic = view.live.topic.as_ref().map(TopicView::from);
    let tapped = topic.as_ref().is_some_and(|t| view.tapped.contains(&t.id));
    let covered: Vec<CoveredRow> = view
        .live
        .covered
        .iter()
        .filter(|c| Some(c.id) != view.live.topic.as_ref().map(|t| t.id))
        .map(|c| CoveredRow {
            id: c.id,
            number: c.number,
            title: c.title.clone(),
        })
        .collect();
    AttendPage {
        t,
        languages: language::choices(&t),
        messages: t.script_messages(SCRIPT_TEXT, SCRIPT_COUNTS, SCRIPT_TEMPLATES),
        requests: view.requests.clone().unwrap_or_default(),
        prayed_requests: view.prayed_requests.clone(),
        requests_on: view.live.requests_on,
        request_max: crate::domain::prayer_request::MAX_REQUEST_CHARS,
        name_max: crate::domain::prayer_request::MAX_NAME_CHARS,
        covered_count: covered.len() as i64,
        covered,
        introduction: paragraphs(&view.gathering.introduction),
        code: view.gathering.code.clone(),
        title: view.gathering.title.clone(),
        phase: view.live.phase.as_str().to_string(),
        topic,
        tapped,
        praying: view.counts.praying,
        keep_praying: keep_rows(&t, view, room_praying),
        closing_message: view
            .live
            .keep_praying
            .as_ref()
            .map(|k| paragraphs(&k.message))
            .unwrap_or_default(),
    }
}

/// After the end: the topics shown, to keep praying for, each with how many
/// in the room prayed for it.
fn keep_rows(t: &Tr, view: &Snapshot, room_praying: &HashMap<i64, i64>) -> Vec<KeepRow> {
    let Some(keep) = &view.live.keep_praying else {
        return Vec::new();
    };
    let shown: Vec<i64> = view.live.covered.iter().map(|c| c.id).collect();
    keep.topics
        .iter()
        .filter(|k| shown.contains(&k.id))
        .map(|k| KeepRow {
            id: k.id,
            number: k.number,
            section: k.section.clone(),
            title: k.title.clone(),
            scripture_text: k
                .scripture
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            scripture_ref: k
                .scripture
                .as_ref()
                .map(|s| s.reference.clone())
                .unwrap_or_default(),
            body_html: k.body_html.clone(),
            sensitive: k.sensitive,
            tapped: view.tapped.contains(&k.id),
            note: match k.fallback {
                true => t.text(
                    "topics-not-translated",
                    "language",
                    &t.language_name(&k.language),
                ),
                false => String::new(),
            },
            room_praying: room_praying.get(&k.id).copied().unwrap_or(0),
        })
        .collect()
}

#[derive(Deserialize)]
pub struct SocketQuery {
    lang: Option<String>,
}

/// `/ws/attend/{code}?lang=es`: the phone's live socket, its topics in the
/// language named (one of ours), else in the language of its pages.
pub async fn socket(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<SocketQuery>,
) -> AppResult<HttpResponse> {
    let language = query
        .lang
        .as_deref()
        .and_then(Tr::for_code)
        .unwrap_or_else(|| language::for_request(&req))
        .lang();
    origin::check(&req, &state.allowed_origins, Role::Attendee)?;
    // Thousands of phones join an open room at once: find it with no database
    // read (an address refused for guessing codes stays refused).
    let address = state.client_ip(&req);
    let open = match state.unknown_codes.blocked(address.as_ref()) {
        true => None,
        false => state.hub.open_room_by_code(&code),
    };
    let (code, room) = match open {
        Some(open) => open,
        None => {
            let gathering = lookup(&req, &state, &code).await?;
            let room = state.hub.room(&gathering).await?;
            (gathering.code, room)
        }
    };
    let (device, issued) = device_or_new(&req, &state)?;
    let mut response = socket::open(
        &req,
        body,
        &state,
        room,
        code,
        Peer {
            role: Role::Attendee,
            device: Some(device.clone()),
            language,
            revoked: None,
            account: None,
        },
    )
    .await
    .map_err(|e| socket::refused_upgrade(&e))?;
    if let Some(cookie) = issued {
        response
            .add_cookie(&device_cookie(&cookie, state.secure_cookies))
            .map_err(|e| AppError::internal(e.to_string()))?;
    }
    Ok(response)
}
