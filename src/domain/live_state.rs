//! Where a running gathering is, as stored and resumed after a restart, and
//! the figures kept per topic.

/// The stored position of a gathering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRecord {
    pub current_topic_id: Option<i64>,
    pub blank: bool,
    pub started_at: Option<i64>,
    pub ended_at: Option<i64>,
    /// When the current topic was first shown.
    pub topic_since: Option<i64>,
    /// The projector shows the join panel in a corner during topics.
    pub show_join: bool,
    /// Counts every change, so instances sharing a database apply them in
    /// one order and notice one they missed.
    pub seq: i64,
    /// Time spent ended before a Reopen (ms), left out of the gathering's length.
    pub paused_ms: i64,
    /// Prayer requests are on the projector (and phones follow).
    pub requests_on: bool,
    /// The one request shown; `None` shows the approved ones in turn.
    pub request_shown: Option<i64>,
}

impl Default for LiveRecord {
    fn default() -> Self {
        LiveRecord {
            current_topic_id: None,
            blank: false,
            started_at: None,
            ended_at: None,
            topic_since: None,
            show_join: true,
            seq: 0,
            paused_ms: 0,
            requests_on: false,
            request_shown: None,
        }
    }
}

impl LiveRecord {
    /// "draft", "live" or "ended", as the gathering list shows it.
    pub fn status(&self) -> &'static str {
        if self.ended_at.is_some() {
            "ended"
        } else if self.started_at.is_some() {
            "live"
        } else {
            "draft"
        }
    }
}

/// Per-topic figures kept while a gathering runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicStat {
    pub topic_id: i64,
    pub first_shown_at: Option<i64>,
    pub shown_ms: i64,
    pub peak_attendees: i64,
}
