//! The live protocol's messages, both directions (see `docs/protocol.md`).
//!
//! Client messages are decoded here and nowhere else; server messages are
//! encoded once into a [`ByteString`] that every subscriber shares.

use crate::domain::Scripture;
use crate::domain::prayer_request::{Audience, RequestStatus, waits_for_moderator};
pub use crate::domain::revocation::Revocation;
use bytestring::ByteString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped when a change would break an existing client.
pub const PROTOCOL_VERSION: u32 = 1;
/// Longest op id a client may make, in characters (as `docs/protocol.md` says),
/// not bytes: a phone may build its op ids from any script.
pub const MAX_OP_LEN: usize = 64;

/// Who is on the other end of a socket; decides what it may send and see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Attendee,
    Projector,
    Console,
    /// A helper with a moderator link: sees the prayer-request queue, and
    /// can never control the gathering.
    Moderator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Attendee => "attendee",
            Role::Projector => "projector",
            Role::Console => "console",
            Role::Moderator => "moderator",
        }
    }
}

/// A message from a client.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    Tap {
        op: String,
        topic: i64,
    },
    Next,
    Previous,
    Jump {
        topic: i64,
    },
    Blank {
        on: bool,
    },
    JoinPanel {
        on: bool,
    },
    /// Prayer requests on the projector: on or off, one pinned or (with no
    /// `request`) the approved ones in turn.
    ShowRequests {
        on: bool,
        #[serde(default)]
        request: Option<i64>,
    },
    End,
    Reopen,
    Snapshot,
    Ping,
    /// A prayer request from a phone (see `docs/protocol.md`).
    Request {
        op: String,
        text: String,
        #[serde(default)]
        name: String,
        /// "everyone" or "team".
        audience: String,
    },
    /// A phone praying for an approved request.
    PrayRequest {
        op: String,
        request: i64,
    },
}

/// A facilitator's command to the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Next,
    Previous,
    Jump(i64),
    Blank(bool),
    JoinPanel(bool),
    /// Requests on screen (`true`), with one pinned or in turn (`None`).
    ShowRequests(bool, Option<i64>),
    End,
    /// Carry on after End (the console asks the facilitator first).
    Reopen,
}

impl ClientMessage {
    /// Decodes one text frame, with a message a developer can act on.
    pub fn decode(text: &str) -> Result<Self, String> {
        let message: ClientMessage = serde_json::from_str(text).map_err(|e| {
            format!(
                "Could not read that message ({e}). See docs/protocol.md for the message types."
            )
        })?;
        let op = match &message {
            ClientMessage::Tap { op, .. }
            | ClientMessage::Request { op, .. }
            | ClientMessage::PrayRequest { op, .. } => Some(op),
            _ => None,
        };
        if let Some(op) = op
            && (op.is_empty() || op.chars().count() > MAX_OP_LEN)
        {
            return Err(format!("An op must be 1 to {MAX_OP_LEN} characters."));
        }
        Ok(message)
    }

    /// The facilitator command this message is, if it is one.
    pub fn control(&self) -> Option<Control> {
        match self {
            ClientMessage::Next => Some(Control::Next),
            ClientMessage::Previous => Some(Control::Previous),
            ClientMessage::Jump { topic } => Some(Control::Jump(*topic)),
            ClientMessage::Blank { on } => Some(Control::Blank(*on)),
            ClientMessage::JoinPanel { on } => Some(Control::JoinPanel(*on)),
            ClientMessage::ShowRequests { on, request } => {
                Some(Control::ShowRequests(*on, *request))
            }
            ClientMessage::End => Some(Control::End),
            ClientMessage::Reopen => Some(Control::Reopen),
            _ => None,
        }
    }
}

/// Where the gathering is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Waiting,
    Topic,
    Ended,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Waiting => "waiting",
            Phase::Topic => "topic",
            Phase::Ended => "ended",
        }
    }
}

/// A topic as one role sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicFrame {
    pub id: i64,
    pub number: usize,
    pub total: usize,
    pub section: String,
    /// What the topic's section is about, in paragraphs split by a blank
    /// line; sent only when the section has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section_description: String,
    pub title: String,
    pub kind: String,
    pub scripture: Option<Scripture>,
    /// The topic's text as safe HTML (paragraphs, emphasis, lists, links).
    pub body_html: String,
    pub planned_minutes: i64,
    pub sensitive: bool,
    /// The language its words are in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// True when the socket's language was asked for and the topic is not
    /// translated into it: the words are in `language`, the main one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fallback: bool,
    /// A translated topic whose scripture is not: the language the
    /// scripture is in (the main one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scripture_language: Option<String>,
    /// Console only: the languages the topic is translated into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The console's glimpse of what comes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextPreview {
    pub id: i64,
    pub number: usize,
    pub title: String,
    pub section: String,
}

/// A topic already shown, for the phone's "so far" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoveredTopic {
    pub id: i64,
    pub number: usize,
    pub title: String,
}

/// One topic on the phone's "keep praying" page after the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepTopic {
    pub id: i64,
    pub number: usize,
    pub section: String,
    pub title: String,
    pub scripture: Option<Scripture>,
    /// The topic's text as safe HTML.
    pub body_html: String,
    /// A story phones draw behind their advisory, tapped open (as during
    /// the gathering).
    #[serde(default)]
    pub sensitive: bool,
    /// In the main language, for want of a translation into the phone's.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fallback: bool,
    /// The language its words are in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
}

/// What phones show when the gathering has ended: everything to keep praying for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepPraying {
    /// The facilitator's closing words, paragraphs split by a blank line
    /// (may be empty).
    pub message: String,
    pub topics: Vec<KeepTopic>,
}

/// The live position of a gathering, as one role may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveView {
    pub phase: Phase,
    pub blank: bool,
    /// The projector shows the join panel in a corner during topics.
    pub join_panel: bool,
    /// When the first topic was shown (ms), for the console's plan timer.
    pub started_at: Option<i64>,
    /// When the gathering ended (ms), if it has.
    pub ended_at: Option<i64>,
    /// Time spent ended before a Reopen (ms): not part of the gathering's length.
    pub paused_ms: i64,
    pub since: Option<i64>,
    pub topic: Option<TopicFrame>,
    /// Projector only, for a bilingual service: the topic in the second
    /// language, shown beside `topic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic_beside: Option<TopicFrame>,
    pub next: Option<NextPreview>,
    pub notes: Option<String>,
    /// Topics shown so far, in agenda order, the current one included.
    pub covered: Vec<CoveredTopic>,
    /// Attendees only, and only once the gathering has ended.
    pub keep_praying: Option<KeepPraying>,
    /// Prayer requests are on the projector (phones point to them).
    #[serde(default, skip_serializing_if = "is_false")]
    pub requests_on: bool,
    /// The one request on the projector; absent: the approved ones in turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_shown: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsView {
    pub topic: Option<i64>,
    pub praying: i64,
    /// Phones connected: projector and console only (phones do not show it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub here: Option<i64>,
    pub per_topic: Option<BTreeMap<i64, i64>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatheringView {
    pub code: String,
    pub title: String,
    /// Words of welcome, shown before the first topic: sent only while the
    /// gathering has not started (and only when it has any).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub introduction: String,
    /// The facilitator's closing words, in paragraphs split by a blank line:
    /// sent only once the gathering has ended (and only when it has any).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub closing: String,
    /// The language these words are in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Projector only, for a bilingual service: the same words in the
    /// second language, shown beside these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beside: Option<Box<GatheringView>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaTopic {
    pub id: i64,
    pub number: usize,
    pub title: String,
    pub kind: String,
    pub planned_minutes: i64,
    /// The languages the topic is translated into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaSection {
    pub title: String,
    pub topics: Vec<AgendaTopic>,
}

/// The whole live state a role may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub protocol: u32,
    pub epoch: String,
    pub seq: u64,
    /// The server's clock (ms since the Unix epoch), so timers do not depend on
    /// the device's clock.
    pub now: i64,
    pub role: Role,
    pub gathering: GatheringView,
    pub live: LiveView,
    pub counts: CountsView,
    pub tapped: Vec<i64>,
    pub agenda: Option<Vec<AgendaSection>>,
    /// Approved prayer requests for everyone (attendees and the projector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<Vec<PublicRequest>>,
    /// Attendees only: the requests this phone prayed for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prayed_requests: Vec<i64>,
    /// The console only: every request, the queue first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<Vec<QueuedRequest>>,
}

/// An approved request as the room sees it: never the phone it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicRequest {
    pub id: i64,
    pub text: String,
    /// Empty when the person gave none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub praying: i64,
}

/// How many phones pray for one approved request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestCount {
    pub id: i64,
    pub praying: i64,
}

/// A request as the console sees it, whatever its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedRequest {
    pub id: i64,
    /// Empty once the retention deleted the words.
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// "everyone" or "team".
    pub audience: String,
    /// "new", "approved" or "hidden".
    pub status: String,
    pub prayed_for: bool,
    pub praying: i64,
}

impl QueuedRequest {
    /// Whether it waits for a moderator (see [`waits_for_moderator`]).
    pub fn waits(&self) -> bool {
        let status = RequestStatus::parse(&self.status).unwrap_or(RequestStatus::New);
        let audience = Audience::parse(&self.audience).unwrap_or(Audience::Everyone);
        waits_for_moderator(status, audience, self.prayed_for)
    }
}

/// A message from the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    Snapshot(Snapshot),
    State {
        seq: u64,
        now: i64,
        live: LiveView,
        /// Attendees only: the counts as of this change, so a topic change
        /// costs a phone one frame, not a `state` and then a `counts`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        counts: Option<CountsView>,
        /// Console only, and only when the agenda was edited.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agenda: Option<Vec<AgendaSection>>,
        /// The gathering's title and the words on screen outside topics (the
        /// introduction while waiting, the closing words once ended): sent
        /// when the agenda was edited, and whenever no topic is on screen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        gathering: Option<GatheringView>,
    },
    Counts {
        seq: u64,
        counts: CountsView,
    },
    Ack {
        op: String,
        topic: i64,
        counted: bool,
    },
    Error {
        code: ErrorCode,
        message: String,
        /// The tap this error answers, when it answers one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        op: Option<String>,
    },
    Pong,
    /// A prayer request is stored: sent once to the phone that sent it.
    Received {
        op: String,
        request: i64,
    },
    /// A prayer for a request is stored (`counted`: false if this phone
    /// had already prayed for it).
    RequestAck {
        op: String,
        request: i64,
        counted: bool,
    },
    /// Approved requests for everyone changed (attendees and projector):
    /// the whole list, newest first.
    Requests {
        requests: Vec<PublicRequest>,
    },
    /// How many pray for each approved request (attendees and projector),
    /// at most about once a second.
    RequestCounts {
        praying: Vec<RequestCount>,
    },
    /// The console's queue changed: every request.
    Queue {
        queue: Vec<QueuedRequest>,
    },
    /// The last frame of a socket the server ends for good: the page says
    /// why, clears what it may no longer show and stops reconnecting. The
    /// close frame that follows carries the same reason (see [`Revocation`]).
    Gone {
        reason: Revocation,
    },
}

/// The `code` of an `error` frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadMessage,
    Forbidden,
    UnknownTopic,
    NotLive,
    /// A command that moves between topics, after End (Reopen first).
    Ended,
    Busy,
    /// A console sending faster than its limit: the extra commands were dropped.
    RateLimited,
    /// A prayer request that cannot be taken (empty, too long): the message
    /// says why. Sending it again will not help.
    BadRequest,
    /// A phone sending requests faster than the room allows; the message
    /// says when it may send the next.
    SlowDown,
    /// A request that is not (or no longer) one the room may pray for.
    UnknownRequest,
}

impl ServerMessage {
    /// Serialises once; the result is shared by every socket that gets it.
    pub fn encode(&self) -> ByteString {
        // unwrap: these types hold only strings, numbers, maps with integer keys and
        // options, which serde_json always serialises.
        ByteString::from(serde_json::to_string(self).unwrap())
    }

    pub fn error(code: ErrorCode, message: impl Into<String>) -> Self {
        ServerMessage::Error {
            code,
            message: message.into(),
            op: None,
        }
    }

    /// An error answering one tap, naming its op so the phone can drop it.
    pub fn tap_error(code: ErrorCode, message: impl Into<String>, op: &str) -> Self {
        ServerMessage::Error {
            code,
            message: message.into(),
            op: Some(op.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_revocation_reads_back_from_its_name_and_has_its_own_close_code() {
        let mut codes: Vec<u16> = Revocation::ALL.iter().map(|r| r.close_code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), Revocation::ALL.len());
        for reason in Revocation::ALL {
            assert_eq!(Revocation::parse(reason.as_str()), Some(reason));
            let frame = ServerMessage::Gone { reason }.encode();
            assert_eq!(
                frame.as_ref(),
                format!(r#"{{"type":"gone","reason":"{}"}}"#, reason.as_str())
            );
        }
    }

    #[test]
    fn client_messages_decode_from_the_documented_examples() {
        let cases = [
            (
                r#"{"type":"tap","op":"k3j9f0a1-7","topic":12}"#,
                ClientMessage::Tap {
                    op: "k3j9f0a1-7".into(),
                    topic: 12,
                },
            ),
            (r#"{"type":"next"}"#, ClientMessage::Next),
            (r#"{"type":"previous"}"#, ClientMessage::Previous),
            (
                r#"{"type":"jump","topic":7}"#,
                ClientMessage::Jump { topic: 7 },
            ),
            (
                r#"{"type":"blank","on":true}"#,
                ClientMessage::Blank { on: true },
            ),
            (r#"{"type":"end"}"#, ClientMessage::End),
            (r#"{"type":"snapshot"}"#, ClientMessage::Snapshot),
            (r#"{"type":"ping"}"#, ClientMessage::Ping),
        ];
        for (text, expected) in cases {
            assert_eq!(ClientMessage::decode(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn malformed_messages_are_refused_with_a_reason() {
        let long_op = format!(r#"{{"type":"tap","op":"{}","topic":1}}"#, "x".repeat(65));
        for text in [
            "",
            "not json",
            "{}",
            r#"{"type":"dance"}"#,
            r#"{"type":"tap","topic":1}"#,
            r#"{"type":"tap","op":"","topic":1}"#,
            r#"{"type":"jump","topic":"seven"}"#,
            long_op.as_str(),
        ] {
            assert!(
                ClientMessage::decode(text).is_err(),
                "{text:?} was accepted"
            );
        }
    }

    #[test]
    fn op_ids_are_measured_in_characters() {
        let tap = |op: &str| format!(r#"{{"type":"tap","op":"{op}","topic":1}}"#);
        let at_limit = "é".repeat(MAX_OP_LEN);
        assert!(
            ClientMessage::decode(&tap(&at_limit)).is_ok(),
            "64 two-byte characters"
        );
        let over = "é".repeat(MAX_OP_LEN + 1);
        assert!(ClientMessage::decode(&tap(&over)).is_err());
    }

    #[test]
    fn only_facilitator_messages_are_controls() {
        assert_eq!(ClientMessage::Next.control(), Some(Control::Next));
        assert_eq!(
            ClientMessage::Blank { on: false }.control(),
            Some(Control::Blank(false))
        );
        assert_eq!(ClientMessage::Ping.control(), None);
        assert_eq!(
            ClientMessage::Tap {
                op: "a".into(),
                topic: 1
            }
            .control(),
            None
        );
    }

    #[test]
    fn server_messages_carry_their_type_tag() {
        let ack = ServerMessage::Ack {
            op: "a".into(),
            topic: 3,
            counted: true,
        }
        .encode();
        assert_eq!(&*ack, r#"{"type":"ack","op":"a","topic":3,"counted":true}"#);
        let error = ServerMessage::error(ErrorCode::Forbidden, "no").encode();
        assert_eq!(
            &*error,
            r#"{"type":"error","code":"forbidden","message":"no"}"#
        );
    }
}
