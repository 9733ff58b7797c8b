//! One websocket connection: its own task, one `select!` over the room's feed,
//! the socket's private queue (acks, errors), incoming messages, a heartbeat
//! tick and the shutdown signal.
//!
//! Nothing here waits on another client: the feed is a broadcast channel, so a
//! socket that cannot keep up falls behind alone and is then resynced with a
//! fresh snapshot. Incoming bytes are counted against a budget before
//! actix-ws buffers them, because its frame-size limit alone does not bound
//! memory (a frame header may declare a gigabyte and trickle it in).

use super::hub::{Hub, LiveSettings};
use super::protocol::{ClientMessage, ErrorCode, Role, ServerMessage};
use super::room::{DeviceId, RoomCommand, RoomHandle};
use actix_http::error::PayloadError;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use actix_ws::{CloseCode, CloseReason, Message, MessageStream, Session};
use bytes::Bytes;
use bytestring::ByteString;
use futures_util::Stream;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Instant;
use tokio::sync::{broadcast, mpsc};

/// Frames (acks, errors, pongs) one socket may have waiting to be written.
const PRIVATE_QUEUE: usize = 64;
/// Slack on top of the largest frame, for headers and frames read together.
const BUDGET_SLACK: usize = 16 * 1024;

/// Who is on the other end of a new socket.
#[derive(Debug, Clone)]
pub struct Peer {
    pub role: Role,
    /// An attendee phone's device identity.
    pub device: Option<DeviceId>,
    /// A facilitator's session (its token hash), so a logout closes the socket.
    pub session: Option<String>,
}

/// Accepts the upgrade and starts the connection's task.
pub async fn open(
    req: &HttpRequest,
    body: web::Payload,
    hub: Arc<Hub>,
    room: RoomHandle,
    code: String,
    peer: Peer,
) -> actix_web::Result<HttpResponse> {
    let settings = hub.settings.clone();
    let budget = Budget::new(settings.max_frame_bytes + BUDGET_SLACK);
    let counted: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> =
        Box::pin(BudgetedPayload {
            inner: body.into_inner(),
            budget: budget.clone(),
        });
    let mut payload = actix_web::dev::Payload::from(counted);
    let body = web::Payload::from_request(req, &mut payload).await?;
    let (response, session, stream) = actix_ws::handle(req, body)?;
    let stream = stream.max_frame_size(settings.max_frame_bytes);
    let connection = Connection {
        hub,
        room,
        code,
        role: peer.role,
        device: peer.device,
        session: peer.session,
        settings,
        budget,
    };
    actix_web::rt::spawn(connection.run(session, stream));
    Ok(response)
}

/// Bytes received since the last complete message.
#[derive(Clone)]
struct Budget {
    used: Arc<AtomicUsize>,
    exceeded: Arc<AtomicBool>,
    limit: usize,
}

impl Budget {
    fn new(limit: usize) -> Self {
        Budget {
            used: Arc::new(AtomicUsize::new(0)),
            exceeded: Arc::new(AtomicBool::new(false)),
            limit,
        }
    }

    fn message_done(&self) {
        self.used.store(0, Ordering::Relaxed);
    }

    fn exceeded(&self) -> bool {
        self.exceeded.load(Ordering::Relaxed)
    }
}

/// The request body, cut off once a message runs over the budget.
struct BudgetedPayload {
    inner: actix_web::dev::Payload,
    budget: Budget,
}

impl Stream for BudgetedPayload {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.budget.exceeded() {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(bytes))) => {
                let used = self.budget.used.fetch_add(bytes.len(), Ordering::Relaxed) + bytes.len();
                if used > self.budget.limit {
                    self.budget.exceeded.store(true, Ordering::Relaxed);
                    return Poll::Ready(Some(Err(PayloadError::Overflow)));
                }
                Poll::Ready(Some(Ok(bytes)))
            }
            other => other,
        }
    }
}

struct Connection {
    hub: Arc<Hub>,
    room: RoomHandle,
    code: String,
    role: Role,
    device: Option<DeviceId>,
    session: Option<String>,
    settings: LiveSettings,
    budget: Budget,
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
    Idle,
    Shutdown,
    RoomGone,
    Flood,
    LoggedOut,
}

impl Ending {
    fn describe(&self) -> &'static str {
        match self {
            Ending::ClientClosed => "closed by client",
            Ending::Lost => "connection lost",
            Ending::TooBig => "message too big",
            Ending::Protocol => "protocol error",
            Ending::Idle => "no response",
            Ending::Shutdown => "server shutting down",
            Ending::RoomGone => "room stopped",
            Ending::Flood => "too many messages",
            Ending::LoggedOut => "logged out",
        }
    }

    fn close_reason(&self) -> Option<CloseReason> {
        let code = match self {
            Ending::ClientClosed => CloseCode::Normal,
            Ending::Lost => return None,
            Ending::TooBig => CloseCode::Size,
            Ending::Protocol => CloseCode::Protocol,
            Ending::Idle | Ending::Shutdown => CloseCode::Away,
            Ending::RoomGone => CloseCode::Error,
            Ending::Flood | Ending::LoggedOut => CloseCode::Policy,
        };
        Some(CloseReason {
            code,
            description: Some(self.describe().to_string()),
        })
    }
}

impl Connection {
    async fn run(self, mut session: Session, mut stream: MessageStream) {
        let started = Instant::now();
        let mut shutdown = self.hub.shutdown_signal();
        let joined = match self.room.join(self.role, self.device.clone()).await {
            Ok(joined) => joined,
            Err(_) => {
                let _ = session.close(Ending::RoomGone.close_reason()).await;
                return;
            }
        };
        tracing::info!(gathering = %self.code, role = self.role.as_str(), "websocket opened");
        let mut feed = joined.feed;
        let (private_tx, mut private_rx) = mpsc::channel::<ByteString>(PRIVATE_QUEUE);
        let mut heartbeat = tokio::time::interval(self.settings.ping_interval);
        heartbeat.tick().await;
        let mut last_heard = Instant::now();
        let mut rate = RateLimit::new(
            self.settings.messages_per_second,
            self.settings.message_burst,
        );
        let mut revoked = self.session.as_ref().map(|s| self.hub.session_signal(s));
        let logged_out = async move {
            match revoked.as_mut() {
                Some(signal) => {
                    let _ = signal.wait_for(|revoked| *revoked).await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::pin!(logged_out);

        let ending = if session.text(joined.snapshot).await.is_err() {
            Ending::Lost
        } else {
            loop {
                tokio::select! {
                    frame = feed.recv() => {
                        let frame = match frame {
                            Ok(frame) => frame,
                            Err(broadcast::error::RecvError::Lagged(missed)) => {
                                tracing::debug!(gathering = %self.code, missed, "slow socket resynced");
                                match self.room.snapshot(self.role, self.device.clone()).await {
                                    Ok(snapshot) => snapshot,
                                    Err(_) => break Ending::RoomGone,
                                }
                            }
                            Err(broadcast::error::RecvError::Closed) => break Ending::RoomGone,
                        };
                        if session.text(frame).await.is_err() {
                            break Ending::Lost;
                        }
                    }
                    Some(frame) = private_rx.recv() => {
                        if session.text(frame).await.is_err() {
                            break Ending::Lost;
                        }
                    }
                    message = stream.recv() => {
                        last_heard = Instant::now();
                        self.budget.message_done();
                        let message = match message {
                            Some(Ok(message)) => message,
                            Some(Err(_)) if self.budget.exceeded() => break Ending::TooBig,
                            Some(Err(actix_ws::ProtocolError::Overflow)) => break Ending::TooBig,
                            // The network went away mid-frame: not the client's fault.
                            Some(Err(actix_ws::ProtocolError::Io(_))) => break Ending::Lost,
                            Some(Err(error)) => {
                                tracing::debug!(gathering = %self.code, %error, "bad websocket framing");
                                break Ending::Protocol;
                            }
                            None => break Ending::Lost,
                        };
                        if matches!(message, Message::Text(_) | Message::Binary(_) | Message::Ping(_))
                            && !rate.allow()
                        {
                            tracing::warn!(gathering = %self.code, role = self.role.as_str(), "socket closed: message flood");
                            break Ending::Flood;
                        }
                        match message {
                            Message::Text(text) => {
                                if self.on_text(&text, &private_tx).await.is_err() {
                                    break Ending::RoomGone;
                                }
                            }
                            Message::Binary(_) | Message::Continuation(_) => {
                                let error = ServerMessage::error(
                                    ErrorCode::BadMessage,
                                    "Messages are JSON text frames; binary frames are not accepted.",
                                );
                                if session.text(error.encode()).await.is_err() {
                                    break Ending::Lost;
                                }
                            }
                            Message::Ping(bytes) => {
                                if session.pong(&bytes).await.is_err() {
                                    break Ending::Lost;
                                }
                            }
                            Message::Pong(_) | Message::Nop => {}
                            Message::Close(_) => break Ending::ClientClosed,
                        }
                    }
                    _ = heartbeat.tick() => {
                        if last_heard.elapsed() > self.settings.client_timeout {
                            break Ending::Idle;
                        }
                        if session.ping(b"").await.is_err() {
                            break Ending::Lost;
                        }
                    }
                    _ = shutdown.changed() => break Ending::Shutdown,
                    _ = &mut logged_out => break Ending::LoggedOut,
                }
            }
        };

        let _ = self
            .room
            .send(RoomCommand::Leave {
                role: self.role,
                device: self.device.clone(),
            })
            .await;
        if let Some(reason) = ending.close_reason() {
            let _ = session.close(Some(reason)).await;
        }
        tracing::info!(
            gathering = %self.code,
            role = self.role.as_str(),
            reason = ending.describe(),
            seconds = started.elapsed().as_secs(),
            "websocket closed"
        );
    }

    /// Handles one text message. Errs only when the room is gone.
    async fn on_text(&self, text: &str, private: &mpsc::Sender<ByteString>) -> Result<(), ()> {
        let reply = |message: ServerMessage| {
            let _ = private.try_send(message.encode());
        };
        let message = match ClientMessage::decode(text) {
            Ok(message) => message,
            Err(why) => {
                reply(ServerMessage::error(ErrorCode::BadMessage, why));
                return Ok(());
            }
        };
        if let Some(control) = message.control() {
            if self.role != Role::Console {
                tracing::warn!(
                    gathering = %self.code,
                    role = self.role.as_str(),
                    "refused a facilitator command from a non-facilitator socket"
                );
                reply(ServerMessage::error(
                    ErrorCode::Forbidden,
                    "Only the facilitator console can change the gathering.",
                ));
                return Ok(());
            }
            if let Err(refused) = self.room.control(control).await.map_err(|_| ())? {
                reply(ServerMessage::error(refused.code, refused.message));
            }
            return Ok(());
        }
        match message {
            ClientMessage::Tap { op, topic } => match (self.role, &self.device) {
                (Role::Attendee, Some(device)) => {
                    self.room
                        .send(RoomCommand::Tap {
                            device: device.clone(),
                            topic,
                            op,
                            reply: private.clone(),
                        })
                        .await
                        .map_err(|_| ())?;
                }
                _ => {
                    tracing::warn!(gathering = %self.code, role = self.role.as_str(), "refused a tap from a non-attendee socket");
                    reply(ServerMessage::error(
                        ErrorCode::Forbidden,
                        "Only attendee phones can tap \"I'm praying\".",
                    ));
                }
            },
            ClientMessage::Snapshot => {
                let snapshot = self
                    .room
                    .snapshot(self.role, self.device.clone())
                    .await
                    .map_err(|_| ())?;
                let _ = private.try_send(snapshot);
            }
            ClientMessage::Ping => reply(ServerMessage::Pong),
            _ => {}
        }
        Ok(())
    }
}
