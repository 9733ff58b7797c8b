//! Prayer requests from the room: what a phone may send, checked where it
//! enters the system, and the per-phone pace that keeps one phone from
//! flooding the moderators.
//!
//! A request is plain text. It is never read as markup: pages escape it and
//! links in it are never made clickable, so a request cannot carry a link a
//! moderator or the room would follow by accident.

use crate::i18n::Message;
use std::collections::VecDeque;
use std::fmt;

/// The longest request, in characters (as people count them, not bytes).
pub const MAX_REQUEST_CHARS: usize = 500;
/// The longest first name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Requests one phone may send in [`PACE_WINDOW_MS`].
pub const PACE_REQUESTS: usize = 3;
/// The window of [`PACE_REQUESTS`]: ten minutes.
pub const PACE_WINDOW_MS: i64 = 10 * 60 * 1000;
/// Requests one gathering takes in all: more than a prayer team can read in
/// an evening, few enough that a flood cannot fill the disk.
pub const MAX_REQUESTS_PER_GATHERING: i64 = 2_000;
/// Days a request's words are kept unless the facilitator chooses otherwise.
pub const DEFAULT_RETENTION_DAYS: i64 = 30;

/// Who may see a request once approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Everyone here: the phones and the projector, once approved.
    Everyone,
    /// Only the prayer team: the console and the moderators, never the room.
    Team,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Everyone => "everyone",
            Audience::Team => "team",
        }
    }

    pub fn parse(text: &str) -> Option<Audience> {
        match text {
            "everyone" => Some(Audience::Everyone),
            "team" => Some(Audience::Team),
            _ => None,
        }
    }
}

/// Where a request stands with the moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestStatus {
    /// Waiting in the queue: seen by the console and the moderators only.
    New,
    /// Approved: shown to the room if it is for everyone.
    Approved,
    /// Hidden by a moderator: seen by the console and the moderators only.
    Hidden,
}

/// Whether a request waits for a moderator. A request for everyone waits
/// until it is approved or hidden; one for the prayer team is never shown,
/// so moderating it means reading it and praying: it waits until it is
/// marked prayed for (or hidden).
pub fn waits_for_moderator(status: RequestStatus, audience: Audience, prayed_for: bool) -> bool {
    status == RequestStatus::New && !(audience == Audience::Team && prayed_for)
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::New => "new",
            RequestStatus::Approved => "approved",
            RequestStatus::Hidden => "hidden",
        }
    }

    pub fn parse(text: &str) -> Option<RequestStatus> {
        match text {
            "new" => Some(RequestStatus::New),
            "approved" => Some(RequestStatus::Approved),
            "hidden" => Some(RequestStatus::Hidden),
            _ => None,
        }
    }
}

/// Why a request cannot be taken. The pages say it in the reader's
/// language; `Display` is the English, for logs (which never hold the words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_REQUEST_CHARS`]: how long it is.
    TooLong(usize),
    /// A first name longer than [`MAX_NAME_CHARS`]: how long it is.
    NameTooLong(usize),
}

impl RequestError {
    /// Why the words cannot be taken, to be put in the reader's words.
    pub fn message(&self) -> Message {
        match self {
            RequestError::Empty => Message::new("requests-error-empty"),
            RequestError::TooLong(count) => Message::new("requests-error-too-long")
                .number("count", count)
                .number("max", MAX_REQUEST_CHARS),
            RequestError::NameTooLong(count) => Message::new("requests-error-name-too-long")
                .number("count", count)
                .number("max", MAX_NAME_CHARS),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Empty => write!(f, "The request is empty."),
            RequestError::TooLong(n) => write!(
                f,
                "The request is {n} characters long; at most {MAX_REQUEST_CHARS} fit."
            ),
            RequestError::NameTooLong(n) => write!(
                f,
                "The name is {n} characters long; at most {MAX_NAME_CHARS} fit."
            ),
        }
    }
}

/// A request as a phone sent it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub body: String,
    /// Empty when the person left it out.
    pub first_name: String,
    pub audience: Audience,
}

impl NewRequest {
    /// Checks and tidies what a phone sent: surrounding spaces trimmed,
    /// control characters (other than line breaks) dropped, at most two line
    /// breaks in a row, and the name on one line.
    pub fn new(
        body: &str,
        first_name: &str,
        audience: Audience,
    ) -> Result<NewRequest, RequestError> {
        let body = tidy_text(body);
        let first_name = tidy_line(first_name);
        if body.is_empty() {
            return Err(RequestError::Empty);
        }
        let chars = body.chars().count();
        if chars > MAX_REQUEST_CHARS {
            return Err(RequestError::TooLong(chars));
        }
        let name_chars = first_name.chars().count();
        if name_chars > MAX_NAME_CHARS {
            return Err(RequestError::NameTooLong(name_chars));
        }
        Ok(NewRequest {
            body,
            first_name,
            audience,
        })
    }
}

/// A moderator's edit of a request's words (a typo fixed, a surname taken
/// out), checked by the same rules as a phone's.
pub fn edited_text(body: &str, first_name: &str) -> Result<(String, String), RequestError> {
    NewRequest::new(body, first_name, Audience::Team).map(|r| (r.body, r.first_name))
}

/// Text with line breaks kept: `\r\n` as `\n`, other control characters and
/// invisible direction overrides dropped, blank runs cut to one blank line.
fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut breaks = 0;
    for c in text.replace("\r\n", "\n").chars() {
        if c == '\n' {
            breaks += 1;
            if breaks <= 2 {
                out.push('\n');
            }
            continue;
        }
        if unwanted(c) {
            continue;
        }
        breaks = 0;
        out.push(c);
    }
    out.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// One line: every run of white space as one space.
fn tidy_line(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.chars().filter(|c| !unwanted(*c)).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Control characters and the marks that reorder text invisibly.
fn unwanted(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{feff}')
}

/// One phone's recent requests: at most [`PACE_REQUESTS`] in any
/// [`PACE_WINDOW_MS`]. A request sent again (same id, after a lost
/// connection) is not a new one and is never counted twice; the caller asks
/// only for requests not already stored.
#[derive(Debug, Default, Clone)]
pub struct Pace {
    sent: VecDeque<i64>,
}

impl Pace {
    /// Whether a new request may be taken at `now` (ms); if so, it is counted.
    /// When not, how long until one may (ms).
    pub fn take(&mut self, now: i64) -> Result<(), i64> {
        while self
            .sent
            .front()
            .is_some_and(|&at| at <= now - PACE_WINDOW_MS)
        {
            self.sent.pop_front();
        }
        if self.sent.len() >= PACE_REQUESTS {
            let oldest = self.sent.front().copied().unwrap_or(now);
            return Err(oldest + PACE_WINDOW_MS - now);
        }
        self.sent.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_request_waits_until_prayed_for_and_one_for_everyone_until_approved() {
        use RequestStatus::*;
        assert!(waits_for_moderator(New, Audience::Everyone, true));
        assert!(!waits_for_moderator(Approved, Audience::Everyone, false));
        assert!(waits_for_moderator(New, Audience::Team, false));
        assert!(!waits_for_moderator(New, Audience::Team, true));
        assert!(!waits_for_moderator(Hidden, Audience::Team, false));
    }

    #[test]
    fn a_request_is_trimmed_and_its_name_kept_on_one_line() {
        let request = NewRequest::new(
            "  Please pray for my mother,\r\nwho is in hospital.\n\n\n\nThank you.  ",
            "  Ana \n Maria ",
            Audience::Everyone,
        )
        .unwrap();
        assert_eq!(
            request.body,
            "Please pray for my mother,\nwho is in hospital.\n\nThank you."
        );
        assert_eq!(request.first_name, "Ana Maria");
    }

    #[test]
    fn empty_and_overlong_requests_are_refused_with_their_length() {
        assert_eq!(
            NewRequest::new(" \n\t ", "", Audience::Team),
            Err(RequestError::Empty)
        );
        let long = "é".repeat(MAX_REQUEST_CHARS + 1);
        assert_eq!(
            NewRequest::new(&long, "", Audience::Team),
            Err(RequestError::TooLong(MAX_REQUEST_CHARS + 1))
        );
        // Characters, not bytes: 500 two-byte letters fit.
        assert!(NewRequest::new(&"é".repeat(MAX_REQUEST_CHARS), "", Audience::Team).is_ok());
        let name = "n".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            NewRequest::new("Pray for rain", &name, Audience::Team),
            Err(RequestError::NameTooLong(MAX_NAME_CHARS + 1))
        );
    }

    #[test]
    fn invisible_controls_and_direction_overrides_are_dropped() {
        let request = NewRequest::new(
            "Pray\u{0007} for \u{202e}peace\u{200b}",
            "Jo\u{0000}",
            Audience::Team,
        )
        .unwrap();
        assert_eq!(request.body, "Pray for peace");
        assert_eq!(request.first_name, "Jo");
    }

    #[test]
    fn a_phone_may_send_three_requests_in_ten_minutes() {
        let mut pace = Pace::default();
        let start = 1_000_000;
        assert_eq!(pace.take(start), Ok(()));
        assert_eq!(pace.take(start + 1_000), Ok(()));
        assert_eq!(pace.take(start + 2_000), Ok(()));
        // The fourth waits until the first is ten minutes old.
        assert_eq!(pace.take(start + 3_000), Err(PACE_WINDOW_MS - 3_000));
        assert_eq!(pace.take(start + PACE_WINDOW_MS - 1), Err(1));
        assert_eq!(pace.take(start + PACE_WINDOW_MS), Ok(()));
    }

    #[test]
    fn audiences_and_statuses_read_back_what_they_write() {
        for audience in [Audience::Everyone, Audience::Team] {
            assert_eq!(Audience::parse(audience.as_str()), Some(audience));
        }
        for status in [
            RequestStatus::New,
            RequestStatus::Approved,
            RequestStatus::Hidden,
        ] {
            assert_eq!(RequestStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(Audience::parse("all"), None);
    }
}
