//! One websocket connection: its own task, one `select!` over the room's feed,
//! the socket's private queue (acks from the room), incoming frames, a
//! heartbeat tick, the shutdown signal and, for a console, its logout.
//!
//! Nothing here waits on another client: the feed is a broadcast channel, so a
//! socket that cannot keep up falls behind alone and is then resynced with a
//! fresh snapshot. What a socket may hold is bounded in bytes both ways: what
//! it sends by the [`Inbox`] budget, what it is sent by its [`outbox`] (the
//! feed is read only while little is queued, a snapshot is one slot, and its
//! own replies have a byte budget).

use super::AppState;
use crate::app::App;
use crate::domain::prayer_request::{Audience, NewRequest};
use crate::error::AppError;
use crate::i18n::Message;
use crate::live::hub::{Hub, LiveSettings};
use crate::live::inbox::{Inbox, Incoming, ReadError};
use crate::live::outbox::{self, Outbox, Refused};
use crate::live::protocol::{ClientMessage, ErrorCode, Revocation, Role, ServerMessage};
use crate::live::revocations::SessionEnd;
use crate::live::room::{DeviceId, Language, RoomCommand, RoomHandle};
use crate::store::{Account, Submitted};
use actix_http::body::{BodyStream, MessageBody};
use actix_http::ws::{CloseCode, CloseReason};
use actix_web::{HttpRequest, HttpResponse, web};
use bytestring::ByteString;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, mpsc, watch};

/// Acks and tap errors the room may have waiting for one socket.
const PRIVATE_QUEUE: usize = 64;
/// Slack on top of the largest frame, for headers and frames read together.
const BUDGET_SLACK: usize = 16 * 1024;
/// The room's feed is read only while less than this is queued for the
/// socket; a socket that stays above it falls behind and is resynced.
const FEED_HIGH_WATER: usize = 256 * 1024;
/// Bytes of its own replies (pongs, acks, errors) a socket may leave unread
/// before it is closed with 1013.
const REPLY_BUDGET: usize = 256 * 1024;
/// Facilitator consoles may send this many times the attendee rate (a held
/// arrow key repeats about 30 times a second)...
const CONSOLE_RATE_FACTOR: u32 = 5;
/// ...and past it get one `rate_limited` error per this long, never a close.
const RATE_LIMITED_NOTICE: Duration = Duration::from_secs(1);

/// Who is on the other end of a new socket.
#[derive(Debug, Clone)]
pub struct Peer {
    pub role: Role,
    /// An attendee phone's device identity.
    pub device: Option<DeviceId>,
    /// A phone's language (its topics come in it where translated); empty
    /// for the projector and console.
    pub language: Language,
    /// A console's or moderator link's revocation signal
    /// ([`Hub::session_signal`]), subscribed to *before* the session or link
    /// was last found valid, so a revocation racing with the upgrade can
    /// never be missed.
    pub revoked: Option<watch::Receiver<Option<SessionEnd>>>,
    /// A console's signed-in account: the gathering's history names it
    /// when its commands start, end or reopen the gathering.
    pub account: Option<Account>,
}

/// A request to a socket's address that is not a websocket upgrade: a 400
/// in the reader's words, the detail only in the log.
pub fn refused_upgrade(error: &actix_web::Error) -> AppError {
    tracing::debug!(%error, "websocket upgrade refused");
    AppError::BadRequest(Message::new("error-websocket-only"))
}

/// Accepts the upgrade and starts the connection's task.
pub async fn open(
    req: &HttpRequest,
    body: web::Payload,
    state: &AppState,
    room: RoomHandle,
    code: String,
    peer: Peer,
) -> actix_web::Result<HttpResponse> {
    let hub = state.hub.clone();
    let settings = hub.settings.clone();
    let mut response = actix_http::ws::handshake(req.head())?;
    let (outbox, writer) = outbox::outbox(REPLY_BUDGET, FEED_HIGH_WATER, hub.outbox_stats());
    let inbox = Inbox::new(
        body,
        settings.max_frame_bytes,
        settings.max_frame_bytes + BUDGET_SLACK,
    );
    let response: HttpResponse = response
        .message_body(BodyStream::new(writer).boxed())?
        .into();
    let connection = Connection {
        hub,
        app: state.app.clone(),
        room,
        code,
        role: peer.role,
        device: peer.device,
        language: peer.language,
        revoked: peer.revoked,
        account: peer.account,
        settings,
        outbox,
    };
    actix_web::rt::spawn(connection.run(inbox));
    Ok(response)
}

struct Connection {
    hub: Arc<Hub>,
    /// Every change the socket makes goes through here.
    app: App,
    room: RoomHandle,
    code: String,
    role: Role,
    device: Option<DeviceId>,
    language: Language,
    revoked: Option<watch::Receiver<Option<SessionEnd>>>,
    account: Option<Account>,
    settings: LiveSettings,
    outbox: Outbox,
}

/// A token bucket: a steady rate of messages with room for short bursts.
struct RateLimit {
    tokens: f64,
    per_second: f64,
    burst: f64,
    last: Instant,
}

impl RateLimit {
    fn new(per_second: u32, burst: u32) -> Self {
        RateLimit {
            tokens: burst as f64,
            per_second: per_second as f64,
            burst: burst as f64,
            last: Instant::now(),
        }
    }

    /// Takes one token; false when the client is sending faster than allowed.
    fn allow(&mut self) -> bool {
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * self.per_second;
        self.tokens = (self.tokens + refill).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Why a connection ended, for the log and the close frame.
enum Ending {
    ClientClosed,
    Lost,
    TooBig,
    Protocol,
    InvalidText,
    Idle,
    Shutdown,
    RoomGone,
    Flood,
    /// The account's access changed: the page reconnects and is checked again.
    Recheck,
    /// Ended for good: the session or link is no longer valid.
    Revoked(Revocation),
    Backlog,
}

impl Ending {
    fn describe(&self) -> &'static str {
        match self {
            Ending::ClientClosed => "closed by client",
            Ending::Lost => "connection lost",
            Ending::TooBig => "message too big",
            Ending::Protocol => "protocol error",
            Ending::InvalidText => "text frames must be UTF-8",
            Ending::Idle => "no response",
            Ending::Shutdown => "server shutting down",
            Ending::RoomGone => "room stopped",
            Ending::Flood => "too many messages",
            Ending::Recheck => "access changed; reconnect",
            Ending::Revoked(reason) => reason.as_str(),
            Ending::Backlog => "too much unread; reconnect",
        }
    }

    fn close_reason(&self) -> Option<CloseReason> {
        let code = match self {
            Ending::ClientClosed => CloseCode::Normal,
            Ending::Lost => return None,
            Ending::TooBig => CloseCode::Size,
            Ending::Protocol => CloseCode::Protocol,
            Ending::InvalidText => CloseCode::Invalid,
            Ending::Idle | Ending::Shutdown => CloseCode::Away,
            Ending::RoomGone => CloseCode::Error,
            Ending::Flood | Ending::Recheck => CloseCode::Policy,
            Ending::Revoked(reason) => CloseCode::Other(reason.close_code()),
            Ending::Backlog => CloseCode::Again,
        };
        Some(CloseReason {
            code,
            description: Some(self.describe().to_string()),
        })
    }

    /// Whether what is still queued is worth sending before the close frame.
    /// A client that stopped reading gets the close frame at once instead,
    /// and its queue is freed.
    fn keeps_queue(&self) -> bool {
        !matches!(self, Ending::Idle | Ending::Backlog)
    }
}

/// How a session's or link's end closes the socket.
impl From<SessionEnd> for Ending {
    fn from(end: SessionEnd) -> Self {
        match end {
            SessionEnd::Recheck => Ending::Recheck,
            SessionEnd::Revoked(reason) => Ending::Revoked(reason),
        }
    }
}

impl From<Refused> for Ending {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Overflow => Ending::Backlog,
            Refused::Gone => Ending::Lost,
        }
    }
}

impl Connection {
    async fn run(self, mut inbox: Inbox) {
        let started = Instant::now();
        let mut shutdown = self.hub.shutdown_signal();
        let joined = match self
            .room
            .join(self.role, self.device.clone(), self.language)
            .await
        {
            Ok(joined) => joined,
            Err(_) => {
                // A room stops at shutdown (the phone comes back to the next
                // process) or when its gathering is deleted.
                let ending = if self.hub.stopping() {
                    Ending::Shutdown
                } else {
                    Ending::RoomGone
                };
                self.outbox.close(ending.close_reason());
                return;
            }
        };
        tracing::info!(gathering = %self.code, role = self.role.as_str(), "websocket opened");
        let mut feed = joined.feed;
        let (private_tx, mut private_rx) = mpsc::channel::<ByteString>(PRIVATE_QUEUE);
        let mut heartbeat = tokio::time::interval(self.settings.ping_interval);
        heartbeat.tick().await;
        let mut last_heard = Instant::now();
        let (per_second, burst) = match self.role {
            Role::Console => (
                self.settings.messages_per_second * CONSOLE_RATE_FACTOR,
                self.settings.message_burst * CONSOLE_RATE_FACTOR,
            ),
            Role::Attendee | Role::Projector | Role::Moderator => (
                self.settings.messages_per_second,
                self.settings.message_burst,
            ),
        };
        let mut rate = RateLimit::new(per_second, burst);
        let mut last_notice: Option<Instant> = None;
        let mut revoked = self.revoked.clone();
        let logged_out = async move {
            match revoked.as_mut() {
                Some(signal) => match signal.wait_for(Option::is_some).await {
                    // unwrap: `wait_for` returns only a value that is `Some`.
                    Ok(end) => Ending::from(end.unwrap()),
                    // The hub dropped the signal: only at shutdown.
                    Err(_) => std::future::pending().await,
                },
                None => std::future::pending().await,
            }
        };
        tokio::pin!(logged_out);

        let ending = match self.outbox.snapshot(joined.snapshot) {
            Err(refused) => refused.into(),
            Ok(()) => loop {
                tokio::select! {
                    // The feed is read only while little is queued: a socket
                    // that does not drain falls behind the feed instead of
                    // growing, and is then resynced with one snapshot.
                    frame = feed.recv(), if self.outbox.queued_bytes() < FEED_HIGH_WATER => {
                        let queued = match frame {
                            Ok(frame) => self.outbox.feed(frame),
                            Err(broadcast::error::RecvError::Lagged(missed)) => {
                                tracing::debug!(gathering = %self.code, missed, "slow socket resynced");
                                match self.room.snapshot(self.role, self.device.clone(), self.language).await {
                                    Ok(snapshot) => self.outbox.snapshot(snapshot),
                                    Err(_) => break Ending::RoomGone,
                                }
                            }
                            Err(broadcast::error::RecvError::Closed) => break Ending::RoomGone,
                        };
                        if let Err(refused) = queued {
                            break refused.into();
                        }
                    }
                    Some(frame) = private_rx.recv() => {
                        if let Err(refused) = self.outbox.reply(frame) {
                            break refused.into();
                        }
                    }
                    // The queue drained below the high-water mark (loop round
                    // to read the feed again), or the connection ended.
                    () = self.outbox.changed() => {
                        if self.outbox.is_gone() {
                            break Ending::Lost;
                        }
                    }
                    frame = inbox.recv() => {
                        last_heard = Instant::now();
                        let frame = match frame {
                            Some(Ok(frame)) => frame,
                            Some(Err(ReadError::TooBig)) => break Ending::TooBig,
                            Some(Err(ReadError::InvalidUtf8)) => break Ending::InvalidText,
                            Some(Err(ReadError::Lost)) | None => break Ending::Lost,
                            Some(Err(ReadError::Protocol(error))) => {
                                tracing::debug!(gathering = %self.code, %error, "bad websocket framing");
                                break Ending::Protocol;
                            }
                        };
                        if matches!(frame, Incoming::Close) {
                            break Ending::ClientClosed;
                        }
                        // Nothing new is taken on once the server is stopping:
                        // the frame goes unanswered, and the phone sends it
                        // again to the next process.
                        if self.hub.stopping() {
                            break Ending::Shutdown;
                        }
                        // Every frame counts, fragments and pongs included:
                        // each costs the server the same to read.
                        if !rate.allow() {
                            if self.role != Role::Console {
                                tracing::warn!(gathering = %self.code, role = self.role.as_str(), "socket closed: message flood");
                                break Ending::Flood;
                            }
                            // A facilitator holding a key down is throttled, not cut off.
                            if last_notice.is_none_or(|at| at.elapsed() >= RATE_LIMITED_NOTICE) {
                                last_notice = Some(Instant::now());
                                tracing::warn!(gathering = %self.code, "console throttled: commands dropped");
                                let notice = self.refusal(
                                    ErrorCode::RateLimited,
                                    &Message::new("socket-error-rate-limited"),
                                    None,
                                );
                                if let Err(refused) = self.outbox.reply(notice.encode()) {
                                    break refused.into();
                                }
                            }
                            continue;
                        }
                        let handled = match frame {
                            Incoming::Text(text) => self.on_text(&text, &private_tx).await,
                            Incoming::Binary | Incoming::Continuation => self
                                .outbox
                                .reply(
                                    self.refusal(
                                        ErrorCode::BadMessage,
                                        &Message::new("socket-error-binary"),
                                        None,
                                    )
                                    .encode(),
                                )
                                .map_err(Ending::from),
                            Incoming::Ping(payload) => self.outbox.pong(payload).map_err(Ending::from),
                            Incoming::Pong | Incoming::Close => Ok(()),
                        };
                        if let Err(ending) = handled {
                            break ending;
                        }
                    }
                    _ = heartbeat.tick() => {
                        if last_heard.elapsed() > self.settings.client_timeout {
                            break Ending::Idle;
                        }
                        if let Err(refused) = self.outbox.ping() {
                            break refused.into();
                        }
                    }
                    // `wait_for`, not `changed`: a socket that opened after
                    // the signal was sent must see it too.
                    Ok(_) = shutdown.wait_for(|stopping| *stopping) => break Ending::Shutdown,
                    ending = &mut logged_out => break ending,
                }
            },
        };

        // At a stop the room may end before this socket sees the signal: the
        // phone is told to come back (going away), not that something broke.
        let ending = match ending {
            Ending::RoomGone if self.hub.stopping() => Ending::Shutdown,
            ending => ending,
        };
        let _ = self
            .room
            .send(RoomCommand::Leave {
                role: self.role,
                device: self.device.clone(),
            })
            .await;
        if let Ending::Revoked(reason) = ending {
            // Said before the close frame too, for a page that reads frames
            // but not close codes; the room's `gone` (a deleted gathering)
            // comes through the feed instead.
            let _ = self.outbox.reply(ServerMessage::Gone { reason }.encode());
        }
        if let Some(reason) = ending.close_reason() {
            if ending.keeps_queue() {
                self.outbox.close(Some(reason));
            } else {
                self.outbox.abort(Some(reason));
            }
        }
        if matches!(ending, Ending::Backlog) {
            tracing::warn!(gathering = %self.code, role = self.role.as_str(), "socket closed: too much unread");
        }
        tracing::info!(
            gathering = %self.code,
            role = self.role.as_str(),
            reason = ending.describe(),
            seconds = started.elapsed().as_secs(),
            "websocket closed"
        );
    }

    /// How the socket's session or link ended, once it has.
    fn ended(&self) -> Option<Ending> {
        self.revoked
            .as_ref()
            .and_then(|signal| *signal.borrow())
            .map(Ending::from)
    }

    /// Handles one text message. Errs when the socket must close: the room is
    /// gone, the session logged out, or the socket leaves its replies unread.
    async fn on_text(&self, text: &str, private: &mpsc::Sender<ByteString>) -> Result<(), Ending> {
        let reply = |message: ServerMessage| self.outbox.reply(message.encode());
        let message = match ClientMessage::decode(text) {
            Ok(message) => message,
            Err(why) => return Ok(reply(ServerMessage::error(ErrorCode::BadMessage, why))?),
        };
        if let Some(control) = message.control() {
            if self.role != Role::Console {
                tracing::warn!(
                    gathering = %self.code,
                    role = self.role.as_str(),
                    "refused a facilitator command from a non-facilitator socket"
                );
                return Ok(reply(self.refusal(
                    ErrorCode::Forbidden,
                    &Message::new("socket-error-console-only"),
                    None,
                ))?);
            }
            // The select loop may see a message before the logout beside it.
            if let Some(ending) = self.ended() {
                return Err(ending);
            }
            // Boxed, like every database call here: see `take_request` below.
            let outcome = Box::pin(self.app.control(&self.room, self.account.as_ref(), control))
                .await
                .map_err(|_| Ending::RoomGone)?;
            if let Err(refused) = outcome {
                reply(self.refusal(refused.code, &refused.message, None))?;
            }
            return Ok(());
        }
        match message {
            ClientMessage::Tap { op, topic } => match (self.role, &self.device) {
                (Role::Attendee, Some(device)) => {
                    self.app
                        .tap(&self.room, device, topic, op, private.clone())
                        .await
                        .map_err(|_| Ending::RoomGone)?;
                }
                _ => {
                    tracing::warn!(gathering = %self.code, role = self.role.as_str(), "refused a tap from a non-attendee socket");
                    reply(self.refusal(
                        ErrorCode::Forbidden,
                        &Message::new("socket-error-phones-only"),
                        None,
                    ))?;
                }
            },
            ClientMessage::Snapshot => {
                if self.outbox.snapshot_waiting() {
                    // The one still waiting is sent first and the live frames
                    // after it bring it up to date: encoding another (a large
                    // agenda's is a megabyte) would only replace it.
                    return Ok(());
                }
                let snapshot = self
                    .room
                    .snapshot(self.role, self.device.clone(), self.language)
                    .await
                    .map_err(|_| Ending::RoomGone)?;
                // One slot: a snapshot still waiting is replaced, never added to.
                self.outbox.snapshot(snapshot)?;
            }
            ClientMessage::Ping => reply(ServerMessage::Pong)?,
            ClientMessage::Request {
                op,
                text,
                name,
                audience,
            } => match (self.role, &self.device) {
                (Role::Attendee, Some(device)) => {
                    let answer = self
                        .take_request(device, &op, &text, &name, &audience)
                        .await;
                    reply(answer)?;
                }
                _ => reply(self.refused(&op))?,
            },
            ClientMessage::PrayRequest { op, request } => match (self.role, &self.device) {
                (Role::Attendee, Some(device)) => {
                    let answer = self.pray_for_request(device, &op, request).await?;
                    reply(answer)?;
                }
                _ => reply(self.refused(&op))?,
            },
            _ => {}
        }
        Ok(())
    }

    /// The words of this socket's language (a phone's own; English for others).
    fn words(&self) -> crate::i18n::Tr {
        crate::i18n::Tr::for_code(self.language).unwrap_or_default()
    }

    /// A message only phones may send, from another socket: refused and
    /// logged by role (never with what it held).
    fn refused(&self, op: &str) -> ServerMessage {
        tracing::warn!(gathering = %self.code, role = self.role.as_str(), "refused a request message from a non-attendee socket");
        self.refusal(
            ErrorCode::Forbidden,
            &Message::new("requests-error-only-phones"),
            Some(op),
        )
    }

    /// Every refusal a socket sends is one kind of frame: a code for the page
    /// to act on, and the reason in this socket's language (with the `op` it
    /// answers, if any).
    fn refusal(&self, code: ErrorCode, message: &Message, op: Option<&str>) -> ServerMessage {
        let words = self.words().say(message);
        match op {
            Some(op) => ServerMessage::tap_error(code, words, op),
            None => ServerMessage::error(code, words),
        }
    }

    /// A prayer request from this phone: checked, stored (committed before
    /// the answer), and the rooms told. Its words never reach the log.
    async fn take_request(
        &self,
        device: &DeviceId,
        op: &str,
        text: &str,
        name: &str,
        audience: &str,
    ) -> ServerMessage {
        let Some(audience) = Audience::parse(audience) else {
            return self.refusal(
                ErrorCode::BadRequest,
                &Message::new("requests-error-audience"),
                Some(op),
            );
        };
        let request = match NewRequest::new(text, name, audience) {
            Ok(request) => request,
            Err(why) => {
                return self.refusal(ErrorCode::BadRequest, &why.message(), Some(op));
            }
        };
        let gathering = self.room.gathering_id;
        // Boxed: a database call's future is several KiB, and awaited
        // inline it would be part of every socket's task, held by every idle
        // phone. Boxed, it takes memory only while a request is stored.
        let submitted = Box::pin(self.app.submit_request(gathering, device, op, &request)).await;
        match submitted {
            Ok(Submitted::Stored { id, .. }) => ServerMessage::Received {
                op: op.to_string(),
                request: id,
            },
            Ok(Submitted::TooSoon { wait_ms }) => {
                tracing::info!(gathering = %self.code, "prayer request refused: too many from one phone");
                let minutes = (wait_ms + 59_999) / 60_000;
                self.refusal(
                    ErrorCode::SlowDown,
                    &Message::new("requests-error-slow-down")
                        .number("minutes", minutes)
                        .number("count", 0i64),
                    Some(op),
                )
            }
            Ok(Submitted::Full) => self.refusal(
                ErrorCode::SlowDown,
                &Message::new("requests-error-full"),
                Some(op),
            ),
            Err(error) => {
                tracing::warn!(%error, gathering = %self.code, "could not store a prayer request");
                self.refusal(
                    ErrorCode::Busy,
                    &Message::new("requests-error-busy"),
                    Some(op),
                )
            }
        }
    }

    /// This phone prays for an approved request: stored once per phone.
    async fn pray_for_request(
        &self,
        device: &DeviceId,
        op: &str,
        request: i64,
    ) -> Result<ServerMessage, Ending> {
        let gathering = self.room.gathering_id;
        // Boxed, like `submit_request` above.
        let prayed = Box::pin(self.app.pray_for_request(gathering, request, device, op)).await;
        Ok(match prayed {
            Ok(Some(counted)) => {
                if counted {
                    self.room
                        .send(RoomCommand::RequestPrayed {
                            device: device.clone(),
                            request,
                        })
                        .await
                        .map_err(|_| Ending::RoomGone)?;
                }
                ServerMessage::RequestAck {
                    op: op.to_string(),
                    request,
                    counted,
                }
            }
            Ok(None) => self.refusal(
                ErrorCode::UnknownRequest,
                &Message::new("requests-error-unknown"),
                Some(op),
            ),
            Err(error) => {
                tracing::warn!(%error, gathering = %self.code, "could not store a prayer for a request");
                self.refusal(
                    ErrorCode::Busy,
                    &Message::new("requests-error-busy"),
                    Some(op),
                )
            }
        })
    }
}
