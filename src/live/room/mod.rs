//! A room: the single owner of one live gathering's state.
//!
//! One task per gathering receives commands on a channel (joins, taps,
//! facilitator controls), changes its state, and fans frames out on one
//! broadcast channel per role and language (a phone's language; the projector
//! and console have one feed each). Each frame is serialised once per role and
//! language in use and shared by every socket of that feed; a `counts` frame,
//! the same in every language, once per role. Counts are coalesced: a tick a few times a
//! second sends the latest numbers if any changed. The room never waits for the
//! database: writes go to the group-commit writer, whose commit callbacks come
//! back to the room as `Committed` events, and only then is a tap counted and
//! acknowledged.
//!
//! The rules live in a state machine with no I/O ([`RoomState`], in `state`),
//! what each role sees of it in `views`, the agenda as laid out in `layout`,
//! what a facilitator's command changes in `commands`; this module is the
//! task around them, which performs the effects the state machine returns,
//! and `sharing` what the task does on a database other instances share.

mod commands;
mod layout;
mod requests;
mod sharing;
mod state;
mod views;

pub use requests::Stale;
pub use state::{Broadcast, ControlError, DeviceId, Effect, RoomState};

use sharing::{Sharing, Synced};

use super::protocol::{Control, Revocation, Role, ServerMessage, Snapshot};
use crate::store::notify::Notice;
use crate::store::writer::{Outcome, Writer};
use crate::store::{RoomSeed, Store, StoredAgenda, now_ms};
use bytestring::ByteString;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot};
use tokio_util::task::TaskTracker;

/// How often changed counts are sent.
pub const COUNT_TICK: Duration = Duration::from_millis(250);
/// Frames a socket may fall behind before it is resynced with a snapshot.
pub const BROADCAST_BACKLOG: usize = 64;
/// Commands that may wait for the room.
const COMMAND_QUEUE: usize = 8192;
/// The language a socket asked for: a code of `crate::i18n::LANGUAGES` for
/// a phone, empty for the projector and console (the gathering decides theirs).
pub type Language = &'static str;

/// What a room's task is given besides the gathering.
#[derive(Clone)]
pub struct RoomOptions {
    /// A room with no sockets and no tap waiting for the disk for this long stops.
    pub idle: Duration,
    /// Counts every frame serialised for a feed (shared by all its sockets),
    /// for tests and operators: see [`crate::live::hub::Hub::frames_encoded`].
    pub encoded: Arc<AtomicU64>,
    /// Set when the server stops: the room takes no new command and stops,
    /// queueing its last figures.
    pub stop: tokio::sync::watch::Receiver<bool>,
}

/// A facilitator command's answer: whether it started, ended or reopened
/// the gathering (for its history), or why it was refused.
pub type ControlOutcome = Result<Option<crate::store::Milestone>, ControlError>;

/// What a new subscriber gets: its first frame and the live feed.
pub struct Joined {
    pub snapshot: ByteString,
    pub feed: broadcast::Receiver<ByteString>,
}

pub enum RoomCommand {
    /// Subscribe to the role's feed and get a snapshot, atomically.
    Join {
        role: Role,
        device: Option<DeviceId>,
        language: Language,
        reply: oneshot::Sender<Joined>,
    },
    Leave {
        role: Role,
        device: Option<DeviceId>,
    },
    /// A fresh snapshot, encoded (a resync).
    Snapshot {
        role: Role,
        device: Option<DeviceId>,
        language: Language,
        reply: oneshot::Sender<ByteString>,
    },
    /// The snapshot as a value, for rendering a page.
    View {
        role: Role,
        device: Option<DeviceId>,
        language: Language,
        reply: oneshot::Sender<Snapshot>,
    },
    Control {
        control: Control,
        reply: oneshot::Sender<ControlOutcome>,
    },
    /// The gathering was deleted: stop without writing anything more for it,
    /// which closes every socket of the room.
    Deleted,
    /// The agenda was edited: show the new one at once.
    Reload { agenda: Box<StoredAgenda> },
    /// Another instance sharing the database changed something (or notices
    /// may have been missed): read it.
    Notified(Notice),
    /// "I'm praying". The ack (or an error) goes to `reply`, the socket's own queue.
    Tap {
        device: DeviceId,
        topic: i64,
        op: String,
        reply: mpsc::Sender<ByteString>,
    },
    /// Prayer requests changed in the store (a new one, a moderator's
    /// decision, a prayer through another instance): read them again.
    RequestsChanged(Stale),
    /// A phone's prayer for a request is committed (through this room's socket).
    RequestPrayed { device: DeviceId, request: i64 },
}

/// A cheap handle for sending commands to a room.
#[derive(Clone)]
pub struct RoomHandle {
    pub gathering_id: i64,
    tx: mpsc::Sender<RoomCommand>,
}

/// The room task has stopped (only at shutdown).
#[derive(Debug, Clone, Copy)]
pub struct RoomGone;

impl RoomHandle {
    pub async fn send(&self, command: RoomCommand) -> Result<(), RoomGone> {
        self.tx.send(command).await.map_err(|_| RoomGone)
    }

    pub async fn join(
        &self,
        role: Role,
        device: Option<DeviceId>,
        language: Language,
    ) -> Result<Joined, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Join {
            role,
            device,
            language,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn snapshot(
        &self,
        role: Role,
        device: Option<DeviceId>,
        language: Language,
    ) -> Result<ByteString, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Snapshot {
            role,
            device,
            language,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn view(
        &self,
        role: Role,
        device: Option<DeviceId>,
        language: Language,
    ) -> Result<Snapshot, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::View {
            role,
            device,
            language,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn control(&self, control: Control) -> Result<ControlOutcome, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Control { control, reply }).await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub fn is_closed(&self) -> bool {
        self.tx.is_closed()
    }
}

/// Where a tap's answer goes: the socket's own queue.
type Reply = mpsc::Sender<ByteString>;

/// The writer's word on a tap: (topic, device) and what became of it.
type TapWritten = (i64, DeviceId, Outcome);

/// The gathering's requests as read from the store, with whether approved
/// ones stay on phones after the end (`None`: the read failed).
type RequestsRead = Option<(Vec<crate::store::StoredRequest>, bool)>;

/// The room task: the state machine, and the I/O it asks for.
struct Room {
    state: RoomState<Reply>,
    /// One feed per role and language in use (made when a socket joins).
    feeds: HashMap<(Role, Language), broadcast::Sender<ByteString>>,
    encoded: Arc<AtomicU64>,
    writer: Writer,
    committed: mpsc::UnboundedSender<TapWritten>,
    /// Set when other instances may share the database (PostgreSQL).
    sharing: Option<Sharing>,
    /// For reading the prayer requests (never awaited by the room itself).
    store: Store,
    requests_read: mpsc::UnboundedSender<RequestsRead>,
    /// The phase was Ended when last looked at (see [`Room::perform`]).
    ended: bool,
}

/// Starts a room task for a gathering from what the store holds about it,
/// tracked by `tasks` so shutdown can wait for it to save its figures.
///
/// A room with no sockets and no tap waiting for the disk for `idle` stops by
/// itself (the hub opens it again, from the store, when it is next needed).
///
/// On a database other instances may share (`store.is_shared()`), commands
/// go through the store's transaction and the room follows what is stored
/// (see `docs/scale-out.md`).
pub fn spawn(
    seed: RoomSeed,
    epoch: Arc<str>,
    writer: Writer,
    store: Store,
    options: RoomOptions,
    tasks: &TaskTracker,
    runtime: &tokio::runtime::Handle,
) -> RoomHandle {
    let (tx, rx) = mpsc::channel(COMMAND_QUEUE);
    let (committed, committed_rx) = mpsc::unbounded_channel();
    let (synced, synced_rx) = mpsc::unbounded_channel();
    let (requests_read, requests_rx) = mpsc::unbounded_channel();
    let shared = store.is_shared();
    let sharing = shared.then(|| Sharing::new(store.clone(), epoch.clone(), synced));
    let gathering_id = seed.agenda.gathering.id;
    let room = Room {
        state: RoomState::new(seed, epoch).shared(shared),
        feeds: HashMap::new(),
        encoded: options.encoded,
        writer,
        committed,
        sharing,
        store,
        requests_read,
        ended: false,
    };
    tasks.spawn_on(
        room.run(
            rx,
            committed_rx,
            synced_rx,
            requests_rx,
            options.idle,
            options.stop,
        ),
        runtime,
    );
    RoomHandle { gathering_id, tx }
}

impl Room {
    async fn run(
        mut self,
        mut commands: mpsc::Receiver<RoomCommand>,
        mut committed: mpsc::UnboundedReceiver<TapWritten>,
        mut synced: mpsc::UnboundedReceiver<Synced>,
        mut requests_read: mpsc::UnboundedReceiver<RequestsRead>,
        idle: Duration,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) {
        let mut tick = tokio::time::interval(COUNT_TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut last_busy = tokio::time::Instant::now();
        let code = self.state.gathering.code.clone();
        let stopped = stop.clone();
        loop {
            tokio::select! {
                // A command taken after the stop is refused: its reply is
                // dropped, and its socket is closing with "going away".
                Ok(_) = stop.wait_for(|stopping| *stopping) => break,
                command = commands.recv() => match command {
                    Some(_) if *stopped.borrow() => break,
                    Some(RoomCommand::Deleted) => {
                        // Every page says the gathering is gone and stops
                        // reconnecting; the sockets close as the feeds do.
                        let gone = ServerMessage::Gone {
                            reason: Revocation::GatheringDeleted,
                        }
                        .encode();
                        for feed in self.feeds.values() {
                            let _ = feed.send(gone.clone());
                        }
                        tracing::debug!(gathering = %code, "room of a deleted gathering stopped");
                        return;
                    }
                    None => break,
                    Some(command) => self.handle(command),
                },
                Some((topic, device, outcome)) = committed.recv() => {
                    let effects = self.state.tap_written(topic, device, outcome);
                    self.perform(effects);
                }
                Some(read) = synced.recv() => self.synced(read),
                Some(read) = requests_read.recv() => self.requests_read(read),
                _ = tick.tick() => {
                    self.sync_tick();
                    self.read_requests_if_stale();
                    let effects = self.state.tick(now_ms());
                    self.perform(effects);
                    if self.busy() {
                        last_busy = tokio::time::Instant::now();
                    } else if last_busy.elapsed() >= idle {
                        tracing::debug!(gathering = %code, "idle room closing");
                        break;
                    }
                }
            }
        }
        let effects = self.state.close();
        self.perform(effects);
        self.leave_presence();
        tracing::debug!(gathering = %code, "room stopped");
    }

    /// Someone is connected, or a tap is waiting for its commit.
    fn busy(&self) -> bool {
        self.state.has_pending_taps() || self.feeds.values().any(|feed| feed.receiver_count() > 0)
    }

    fn handle(&mut self, command: RoomCommand) {
        let now = now_ms();
        match command {
            RoomCommand::Join {
                role,
                device,
                language,
                reply,
            } => {
                // Subscribe before taking the snapshot, so no frame falls between them.
                let feed = self
                    .feeds
                    .entry((role, language))
                    .or_insert_with(|| broadcast::channel(BROADCAST_BACKLOG).0)
                    .subscribe();
                let effects = self.state.join(role, device.as_ref(), now);
                self.perform(effects);
                let snapshot = self.state.snapshot(role, device.as_ref(), language, now);
                let snapshot = ServerMessage::Snapshot(snapshot).encode();
                let _ = reply.send(Joined { snapshot, feed });
            }
            RoomCommand::Leave { role, device } => self.state.leave(role, device.as_ref()),
            RoomCommand::Snapshot {
                role,
                device,
                language,
                reply,
            } => {
                let snapshot = self.state.snapshot(role, device.as_ref(), language, now);
                let _ = reply.send(ServerMessage::Snapshot(snapshot).encode());
            }
            RoomCommand::View {
                role,
                device,
                language,
                reply,
            } => {
                let _ = reply.send(self.state.snapshot(role, device.as_ref(), language, now));
            }
            RoomCommand::Control { control, reply } => {
                if let Some(sharing) = &self.sharing {
                    self.control_shared(sharing, control, reply);
                    return;
                }
                let (result, effects) = self.state.control(control, now);
                self.perform(effects);
                let _ = reply.send(result);
            }
            RoomCommand::Notified(notice) => self.notified(notice),
            RoomCommand::Tap {
                device,
                topic,
                op,
                reply,
            } => {
                let effects = self.state.tap(device, topic, op, reply, now);
                self.perform(effects);
            }
            RoomCommand::Reload { agenda } => {
                let effects = self.state.reload(&agenda, now);
                self.perform(effects);
            }
            RoomCommand::RequestsChanged(why) => self.state.requests.mark(why),
            RoomCommand::RequestPrayed { device, request } => {
                self.state.requests.prayed(device, request)
            }
            RoomCommand::Deleted => {}
        }
    }

    /// A frame to every feed of `role` that has sockets: serialised once per
    /// language, or once for them all when it is the same in every language.
    fn broadcast(&mut self, role: Role, broadcast: Broadcast) {
        let mut shared: Option<ByteString> = None;
        // Feeds nobody listens to any more are dropped (a phone changed language).
        self.feeds
            .retain(|(r, _), feed| *r != role || feed.receiver_count() > 0);
        for ((r, language), feed) in &self.feeds {
            if *r != role {
                continue;
            }
            let bytes = match &shared {
                Some(bytes) => bytes.clone(),
                None => {
                    self.encoded.fetch_add(1, Ordering::Relaxed);
                    let bytes = self.state.message(broadcast, role, language).encode();
                    if broadcast.same_in_every_language() {
                        shared = Some(bytes.clone());
                    }
                    bytes
                }
            };
            // An error only means nobody is listening right now.
            let _ = feed.send(bytes);
        }
    }

    /// Starts a read of the prayer requests when they changed (at most one
    /// at a time; prayers alone about once a second). The room never waits
    /// for it: the rows come back on `requests_read`.
    fn read_requests_if_stale(&mut self) {
        if !self.state.requests.should_read(now_ms()) {
            return;
        }
        let store = self.store.clone();
        let gathering = self.state.gathering.id;
        let done = self.requests_read.clone();
        tokio::spawn(async move {
            let read = async {
                let rows = store.requests(gathering).await?;
                let (_, keep) = store.request_settings(gathering).await?;
                Ok::<_, sqlx::Error>((rows, keep))
            };
            let read = match read.await {
                Ok(read) => Some(read),
                Err(error) => {
                    tracing::warn!(%error, gathering, "could not read prayer requests");
                    None
                }
            };
            let _ = done.send(read);
        });
    }

    /// The requests as read: the frames they call for.
    fn requests_read(&mut self, read: RequestsRead) {
        let Some((rows, keep)) = read else {
            self.state.requests.read_failed();
            return;
        };
        let changed = self.state.requests.update(&rows, keep);
        if changed.public {
            self.broadcast(Role::Attendee, Broadcast::Requests);
            self.broadcast(Role::Projector, Broadcast::Requests);
        } else if changed.counts {
            self.broadcast(Role::Attendee, Broadcast::RequestCounts);
            self.broadcast(Role::Projector, Broadcast::RequestCounts);
        }
        if changed.queue {
            self.broadcast(Role::Console, Broadcast::Queue);
            self.broadcast(Role::Moderator, Broadcast::Queue);
        }
    }

    /// Does what the state machine asked for, never waiting for anyone.
    fn perform(&mut self, effects: Vec<Effect<Reply>>) {
        self.perform_effects(effects);
        // Phones see approved requests after the end only if the
        // facilitator chose so: the end (or a reopen) redraws their list.
        let ended = self.state.phase() == super::protocol::Phase::Ended;
        if ended != self.ended {
            self.ended = ended;
            self.broadcast(Role::Attendee, Broadcast::Requests);
        }
    }

    fn perform_effects(&mut self, effects: Vec<Effect<Reply>>) {
        for effect in effects {
            match effect {
                Effect::Broadcast(role, broadcast) => self.broadcast(role, broadcast),
                Effect::Answer(reply, message) => {
                    // A socket this far behind is being closed or resynced; it
                    // resends unacknowledged taps.
                    let _ = reply.try_send(message.encode());
                }
                Effect::Write(op) => {
                    if self.writer.submit(op, None).is_err() {
                        tracing::warn!(
                            gathering = %self.state.gathering.code,
                            "writer busy; a live figure will be written later"
                        );
                    }
                }
                Effect::WriteTap { op, topic, device } => {
                    let committed = self.committed.clone();
                    let key = device.clone();
                    let done = Box::new(move |outcome| {
                        let _ = committed.send((topic, key, outcome));
                    });
                    if self.writer.submit(op, Some(done)).is_err() {
                        let refused = self.state.tap_not_queued(topic, device);
                        self.perform(refused);
                    }
                }
            }
        }
    }
}
