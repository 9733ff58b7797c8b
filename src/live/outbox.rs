//! The outgoing half of a live socket: what one socket has waiting to be
//! written, bounded in bytes, with at most one snapshot among it.
//!
//! actix-ws's session queues 32 messages of any size and its body then takes
//! everything queued at once, so a client that asks for snapshots and never
//! reads held dozens of full snapshots (a megabyte each on a large agenda).
//! Here the socket's queue and the response body that writes it share one
//! small state:
//!
//! * a snapshot is one slot: a newer snapshot replaces one still waiting, so a
//!   socket never holds more than one, however often it asks;
//! * every other frame counts against a byte budget; a socket over it is told
//!   so (close code 1013) and closed rather than allowed to grow;
//! * the body hands the HTTP writer one frame at a time, and the writer asks
//!   for more only while its own buffer is small, so what a socket holds is
//!   what is queued here plus one frame and that buffer.
//!
//! [`OutboxStats`] adds up what every socket holds, for tests and operators.

use actix_http::ws::{CloseReason, Message, OpCode, Parser};
use bytes::{Bytes, BytesMut};
use bytestring::ByteString;
use futures_util::Stream;
use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use tokio::sync::Notify;

/// What every socket of the server holds right now.
#[derive(Debug, Default)]
pub struct OutboxStats {
    bytes: AtomicUsize,
    snapshots: AtomicUsize,
}

impl OutboxStats {
    /// Bytes queued on every socket, not yet handed to the network.
    pub fn queued_bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Snapshots queued on every socket (never more than one per socket).
    pub fn queued_snapshots(&self) -> usize {
        self.snapshots.load(Ordering::Relaxed)
    }
}

/// Why a frame was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The socket is over its byte budget (or already closing): close it.
    Overflow,
    /// The connection ended: nothing will be written any more.
    Gone,
}

enum Entry {
    /// A frame; `true` for the socket's own replies, which the budget bounds.
    Frame(Message, bool),
    /// The snapshot slot's turn: whatever snapshot is in the slot when it comes.
    Snapshot,
}

struct State {
    queue: VecDeque<Entry>,
    /// The one snapshot waiting, if any (its [`Entry::Snapshot`] is queued).
    snapshot: Option<ByteString>,
    /// Bytes in `queue` and `snapshot`.
    bytes: usize,
    /// Bytes of the socket's own replies in `queue` (pongs, acks, errors).
    replies: usize,
    /// A close frame is queued: nothing more is accepted.
    closing: bool,
    /// The response body is gone: the connection ended.
    gone: bool,
    body: Option<Waker>,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the connection when the queue shrank, or the body went away.
    changed: Notify,
    stats: Arc<OutboxStats>,
    /// The socket's own replies may queue up to this many bytes.
    budget: usize,
    /// The connection is woken when `bytes` falls below this, to take more
    /// from the room's feed.
    resume_below: usize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // unwrap: the lock is never held across a panic-prone call.
        self.state.lock().unwrap()
    }

    /// Drops everything queued (and its share of the server's figures).
    fn forget_queued(&self, state: &mut State) {
        state.queue.clear();
        self.stats.bytes.fetch_sub(state.bytes, Ordering::Relaxed);
        state.bytes = 0;
        state.replies = 0;
        if state.snapshot.take().is_some() {
            self.stats.snapshots.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// The connection's side: queue frames for one socket.
pub struct Outbox {
    shared: Arc<Shared>,
}

/// The response body's side: hands queued frames to the HTTP writer.
pub struct OutboxBody {
    shared: Arc<Shared>,
}

/// A new socket's queue and the body that drains it: its own replies may
/// queue up to `budget` bytes, and [`Outbox::changed`] fires when what is
/// queued falls below `resume_below`.
pub fn outbox(budget: usize, resume_below: usize, stats: Arc<OutboxStats>) -> (Outbox, OutboxBody) {
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            snapshot: None,
            bytes: 0,
            replies: 0,
            closing: false,
            gone: false,
            body: None,
        }),
        changed: Notify::new(),
        stats,
        budget,
        resume_below,
    });
    (
        Outbox {
            shared: shared.clone(),
        },
        OutboxBody { shared },
    )
}

fn frame_len(message: &Message) -> usize {
    match message {
        Message::Text(text) => text.len(),
        Message::Binary(bytes) | Message::Ping(bytes) | Message::Pong(bytes) => bytes.len(),
        _ => 0,
    }
}

impl Outbox {
    /// Queues a frame of the room's feed. Not budgeted: the connection takes
    /// from the feed only while little is queued ([`Outbox::queued_bytes`]),
    /// and a socket that falls behind the feed is resynced with a snapshot.
    pub fn feed(&self, frame: ByteString) -> Result<(), Refused> {
        self.push(Message::Text(frame), false)
    }

    /// Queues a reply to this socket alone (an ack, an error); over the
    /// budget the socket must close.
    pub fn reply(&self, frame: ByteString) -> Result<(), Refused> {
        self.push(Message::Text(frame), true)
    }

    /// Queues a pong answering a client's ping.
    pub fn pong(&self, payload: Bytes) -> Result<(), Refused> {
        self.push(Message::Pong(payload), true)
    }

    /// Queues the server's heartbeat ping.
    pub fn ping(&self) -> Result<(), Refused> {
        self.push(Message::Ping(Bytes::new()), true)
    }

    fn push(&self, message: Message, reply: bool) -> Result<(), Refused> {
        let len = frame_len(&message);
        let mut state = self.shared.lock();
        if state.gone {
            return Err(Refused::Gone);
        }
        if state.closing || (reply && state.replies + len > self.shared.budget) {
            return Err(Refused::Overflow);
        }
        state.queue.push_back(Entry::Frame(message, reply));
        state.bytes += len;
        if reply {
            state.replies += len;
        }
        self.shared.stats.bytes.fetch_add(len, Ordering::Relaxed);
        wake(&mut state);
        Ok(())
    }

    /// Queues a snapshot. One still waiting is replaced by this newer one
    /// (in its place in the queue: every frame after that place is older than
    /// this snapshot, which the client then ignores by its `seq`).
    /// A snapshot is queued and not yet written.
    pub fn snapshot_waiting(&self) -> bool {
        self.shared.lock().snapshot.is_some()
    }

    pub fn snapshot(&self, snapshot: ByteString) -> Result<(), Refused> {
        let mut state = self.shared.lock();
        if state.gone {
            return Err(Refused::Gone);
        }
        if state.closing {
            return Err(Refused::Overflow);
        }
        let len = snapshot.len();
        match state.snapshot.replace(snapshot) {
            Some(older) => {
                state.bytes = state.bytes - older.len() + len;
                self.shared
                    .stats
                    .bytes
                    .fetch_sub(older.len(), Ordering::Relaxed);
            }
            None => {
                state.queue.push_back(Entry::Snapshot);
                state.bytes += len;
                self.shared.stats.snapshots.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.shared.stats.bytes.fetch_add(len, Ordering::Relaxed);
        wake(&mut state);
        Ok(())
    }

    /// Queues the close frame after what is already queued; nothing more is
    /// accepted afterwards.
    pub fn close(&self, reason: Option<CloseReason>) {
        let mut state = self.shared.lock();
        if !state.closing {
            state.closing = true;
            state
                .queue
                .push_back(Entry::Frame(Message::Close(reason), false));
            wake(&mut state);
        }
    }

    /// Drops everything still queued and queues the close frame, for a socket
    /// closed because it holds too much.
    pub fn abort(&self, reason: Option<CloseReason>) {
        {
            let mut state = self.shared.lock();
            self.shared.forget_queued(&mut state);
            state.closing = false;
        }
        self.close(reason);
    }

    /// Bytes queued and not yet handed to the network.
    pub fn queued_bytes(&self) -> usize {
        self.shared.lock().bytes
    }

    /// Resolves when the queue shrank or the connection ended; check again then.
    pub async fn changed(&self) {
        self.shared.changed.notified().await;
    }

    /// The connection ended (the server stopped writing to it).
    pub fn is_gone(&self) -> bool {
        self.shared.lock().gone
    }
}

impl Drop for Outbox {
    // The connection is done: once the body has written what is queued, the
    // response ends, whether or not a close frame was queued (a connection
    // lost without one must not keep its HTTP connection open).
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        state.closing = true;
        wake(&mut state);
    }
}

fn wake(state: &mut State) {
    if let Some(waker) = state.body.take() {
        waker.wake();
    }
}

impl Stream for OutboxBody {
    type Item = Result<Bytes, actix_web::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let message = {
            let mut state = this.shared.lock();
            let Some(entry) = state.queue.pop_front() else {
                if state.closing {
                    // The close frame went out: end the response.
                    return Poll::Ready(None);
                }
                state.body = Some(cx.waker().clone());
                return Poll::Pending;
            };
            let message = match entry {
                Entry::Frame(message, reply) => {
                    if reply {
                        state.replies -= frame_len(&message);
                    }
                    message
                }
                Entry::Snapshot => {
                    this.shared.stats.snapshots.fetch_sub(1, Ordering::Relaxed);
                    // The slot is filled whenever its entry is queued.
                    Message::Text(state.snapshot.take().unwrap_or_default())
                }
            };
            let len = frame_len(&message);
            let before = state.bytes;
            state.bytes -= len;
            this.shared.stats.bytes.fetch_sub(len, Ordering::Relaxed);
            if before >= this.shared.resume_below && state.bytes < this.shared.resume_below {
                this.shared.changed.notify_one();
            }
            message
        };
        Poll::Ready(Some(Ok(encode(message))))
    }
}

/// One server frame (servers do not mask).
fn encode(message: Message) -> Bytes {
    let mut buffer = BytesMut::with_capacity(frame_len(&message) + 10);
    match message {
        Message::Text(text) => Parser::write_message(&mut buffer, text, OpCode::Text, true, false),
        Message::Ping(bytes) => {
            Parser::write_message(&mut buffer, bytes, OpCode::Ping, true, false)
        }
        Message::Pong(bytes) => {
            Parser::write_message(&mut buffer, bytes, OpCode::Pong, true, false)
        }
        Message::Close(reason) => Parser::write_close(&mut buffer, reason, false),
        Message::Binary(_) | Message::Continuation(_) | Message::Nop => {}
    }
    buffer.freeze()
}

impl Drop for OutboxBody {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        state.gone = true;
        self.shared.forget_queued(&mut state);
        drop(state);
        self.shared.changed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    fn text(len: usize) -> ByteString {
        ByteString::from("x".repeat(len))
    }

    /// The payload length of one unmasked server frame.
    fn payload_len(frame: &Bytes) -> usize {
        match frame[1] & 0x7f {
            126 => u16::from_be_bytes([frame[2], frame[3]]) as usize,
            127 => u64::from_be_bytes(frame[2..10].try_into().unwrap()) as usize,
            n => n as usize,
        }
    }

    #[tokio::test]
    async fn a_newer_snapshot_replaces_one_still_waiting() {
        let stats = Arc::new(OutboxStats::default());
        let (outbox, mut body) = outbox(1024, 512, stats.clone());
        outbox.feed(text(10)).unwrap();
        for len in [3000, 2000, 1000] {
            outbox.snapshot(text(len)).unwrap();
        }
        outbox.feed(text(20)).unwrap();
        assert_eq!(stats.queued_snapshots(), 1);
        assert_eq!(stats.queued_bytes(), 10 + 1000 + 20);

        let lengths: Vec<usize> = [
            body.next().await.unwrap().unwrap(),
            body.next().await.unwrap().unwrap(),
            body.next().await.unwrap().unwrap(),
        ]
        .iter()
        .map(payload_len)
        .collect();
        assert_eq!(
            lengths,
            [10, 1000, 20],
            "in order, the newest snapshot only"
        );
        assert_eq!((stats.queued_bytes(), stats.queued_snapshots()), (0, 0));
    }

    #[tokio::test]
    async fn replies_have_a_byte_budget_and_an_overflow_frees_the_queue() {
        let stats = Arc::new(OutboxStats::default());
        let (outbox, mut body) = outbox(1000, 512, stats.clone());
        // The feed is not budgeted (the connection bounds it); replies are.
        outbox.feed(text(5000)).unwrap();
        outbox.reply(text(600)).unwrap();
        assert_eq!(outbox.reply(text(600)), Err(Refused::Overflow));
        outbox.snapshot(text(4000)).unwrap();

        outbox.abort(None);
        assert_eq!((stats.queued_bytes(), stats.queued_snapshots()), (0, 0));
        let close = body.next().await.unwrap().unwrap();
        assert_eq!(close[0] & 0x0f, 0x8, "only the close frame is left");
        assert!(body.next().await.is_none(), "then the response ends");
        assert_eq!(outbox.reply(text(1)), Err(Refused::Overflow));
    }

    #[tokio::test]
    async fn a_finished_connection_ends_the_response_and_a_gone_one_refuses() {
        let stats = Arc::new(OutboxStats::default());
        let (outbox, mut body) = outbox(1000, 512, stats.clone());
        outbox.feed(text(10)).unwrap();
        drop(outbox);
        assert!(body.next().await.is_some(), "what was queued is written");
        assert!(body.next().await.is_none());

        let (outbox, body) = super::outbox(1000, 512, stats.clone());
        outbox.snapshot(text(100)).unwrap();
        drop(body);
        assert!(outbox.is_gone());
        assert_eq!(outbox.feed(text(1)), Err(Refused::Gone));
        assert_eq!((stats.queued_bytes(), stats.queued_snapshots()), (0, 0));
    }
}
