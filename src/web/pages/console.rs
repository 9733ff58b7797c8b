//! The facilitator's console: the list of gatherings, the console itself
//! and the report.

use super::{LanguageOption, TopicView};
use crate::i18n::Tr;
use crate::web::language::LanguageChoice;
use askama::Template;

/// One gathering in the console's list.
#[derive(Debug, Clone)]
pub struct GatheringRow {
    pub code: String,
    pub title: String,
    /// "draft", "live" or "ended".
    pub status: String,
    /// "Last run 21 Nov 2026" or "Created 21 Nov 2026".
    pub when: String,
    pub topics: i64,
    /// "Shared by Ana" or "Ana's", when it is not the reader's own.
    pub whose: Option<String>,
}

/// `/console`: the facilitator's list of gatherings.
#[derive(Template)]
#[template(path = "console_list.html")]
pub struct ConsoleListPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    pub gatherings: Vec<GatheringRow>,
    pub csrf: String,
    /// A confirmation shown once, such as "Deleted “Friday prayer”."
    pub flash: Option<String>,
    /// Who is signed in, so a shared computer shows whose console it is.
    pub account_name: String,
    /// The server's owner, who gets a link to the accounts page.
    pub is_owner: bool,
}

/// One topic in the console's agenda list.
#[derive(Debug, Clone)]
pub struct AgendaTopicRow {
    pub id: i64,
    pub number: usize,
    pub title: String,
    pub kind: String,
    pub planned_minutes: i64,
    pub praying: i64,
    /// The languages the topic is translated into.
    pub translations: Vec<String>,
}

/// One section in the console's agenda list.
#[derive(Debug, Clone)]
pub struct AgendaSectionRow {
    pub title: String,
    pub topics: Vec<AgendaTopicRow>,
}

/// `/console/{code}`: the facilitator's console for one gathering.
#[derive(Template)]
#[template(path = "console.html")]
pub struct ConsolePage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The language switch, and the page it comes back to.
    pub languages: Vec<LanguageChoice>,
    pub back: String,
    /// The words the script puts on screen, as JSON (see [`Tr::script_messages`]).
    pub messages: String,
    pub code: String,
    pub title: String,
    pub phase: String,
    pub blank: bool,
    pub current_topic_id: Option<i64>,
    pub topic: Option<TopicView>,
    /// Private notes of the current topic.
    pub notes: String,
    /// The next topic, if there is one.
    pub next: Option<crate::live::protocol::NextPreview>,
    /// Prayer requests waiting for a moderator.
    pub requests_waiting: i64,
    /// Prayer requests are on the projector.
    pub requests_on: bool,
    pub sections: Vec<AgendaSectionRow>,
    pub praying: i64,
    pub here: i64,
    pub join_url: String,
    pub projector_url: String,
    pub csrf: String,
    /// The projector shows the join panel during topics.
    pub join_panel: bool,
    /// When the first topic was shown and the current one began (ms since the epoch).
    pub started_at: Option<i64>,
    pub since: Option<i64>,
    /// The gathering's time zone, "" while unset (the page then offers the browser's).
    pub time_zone: String,
    /// What the projector may show, when the gathering has translations.
    pub projector_languages: Option<ProjectorLanguages>,
    /// Who started, ended, reopened or edited the gathering, and when.
    pub history: crate::web::history::HistoryView,
}

impl ConsolePage {
    /// Whether this agenda row is the topic on screen.
    pub fn is_current(&self, id: &i64) -> bool {
        self.current_topic_id == Some(*id)
    }
}

/// `/console/{code}/report`: what the gathering prayed for.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    /// The words, in the facilitator's language.
    pub t: Tr,
    /// The day it started, in full, and when it started and ended, in the
    /// facilitator's language.
    pub day: Option<String>,
    pub started: Option<String>,
    pub ended: Option<String>,
    pub report: crate::report::Report,
    /// Server-made SVG with every text escaped (trusted markup).
    pub chart_svg: String,
    pub actual_minutes: String,
    /// "Languages: English (main), Español", when the gathering had translations.
    pub languages: Option<String>,
    /// Who started, ended, reopened and edited it, in the facilitator's language.
    pub history: Vec<String>,
}

/// The console's choice of what the projector shows.
pub struct ProjectorLanguages {
    pub t: Tr,
    pub options: Vec<LanguageOption>,
}
