//! The gathering's history on the console: which account started, ended,
//! reopened or edited it, and when. The page draws it and `console.js` fetches
//! it again (`GET /console/{code}/history`) from the same macro when a frame
//! shows a milestone or an edited agenda, so consoles on every instance agree
//! with what is stored. Edits are noted by `App::agenda_edited`, the one
//! call every editing handler makes after a change.

use super::AppState;
use super::auth::Facilitator;
use crate::domain::MeetingZone;
use crate::error::{AppError, AppResult};
use crate::i18n::{Message, Tr};
use crate::store::{Action, HistoryEntry};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

/// One line: "Started by Ana at 29 Nov 2026, 19:02 CST".
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub action: &'static str,
    pub text: String,
}

/// The history as the console draws it.
#[derive(Debug, Clone)]
pub struct HistoryView {
    pub lines: Vec<HistoryLine>,
    /// The action of the last line ("" while there is none): the script
    /// fetches again while a milestone it saw is not there yet.
    pub latest: &'static str,
    /// Said while nothing has happened yet.
    pub empty: String,
}

impl HistoryView {
    /// The lines in the facilitator's words, times on the gathering's clock.
    pub fn new(t: &Tr, zone: &MeetingZone, entries: &[HistoryEntry]) -> HistoryView {
        let lines = entries
            .iter()
            .map(|entry| {
                let key = match entry.action {
                    Action::Started => "console-history-started",
                    Action::Ended => "console-history-ended",
                    Action::Reopened => "console-history-reopened",
                    Action::Edited => "console-history-edited",
                };
                let message = Message::new(key)
                    .text("who", entry.who.clone())
                    .text("when", t.date_time(zone, entry.at));
                HistoryLine {
                    action: entry.action.as_str(),
                    text: t.say(&message),
                }
            })
            .collect::<Vec<_>>();
        HistoryView {
            latest: lines.last().map(|line| line.action).unwrap_or(""),
            lines,
            empty: t.get("console-history-none"),
        }
    }

    /// A gathering's history as stored, in the request's language.
    pub async fn load(t: &Tr, state: &AppState, gathering_id: i64) -> AppResult<HistoryView> {
        let entries = state.store.history(gathering_id).await?;
        let zone = MeetingZone::from_stored(&state.store.gathering_time_zone(gathering_id).await?);
        Ok(HistoryView::new(t, &zone, &entries))
    }
}

/// The fragment the console's script puts in place of its history.
#[derive(Template)]
#[template(path = "partials/history_fragment.html")]
struct HistoryFragment {
    history: HistoryView,
}

/// `GET /console/{code}/history`: the history as the console page draws it.
pub async fn fragment(
    t: Tr,
    state: web::Data<AppState>,
    _facilitator: Facilitator,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let gathering = match crate::domain::JoinCode::parse(&code) {
        Ok(code) => state.store.find_gathering(&code).await?,
        Err(_) => None,
    }
    .ok_or_else(|| AppError::NotFound(Message::new("error-no-gathering")))?;
    let history = HistoryView::load(&t, &state, gathering.id).await?;
    super::render(StatusCode::OK, &HistoryFragment { history })
}
