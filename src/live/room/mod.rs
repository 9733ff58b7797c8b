//! A room: the single owner of one live gathering's state.
//!
//! One task per gathering receives commands on a channel (joins, taps,
//! facilitator controls), changes its state, and fans frames out on one
//! broadcast channel per role. Each frame is serialised once per role and shared
//! by every socket of that role. Counts are coalesced: a tick a few times a
//! second sends the latest numbers if any changed. The room never waits for the
//! database: writes go to the group-commit writer, whose commit callbacks come
//! back to the room as `Committed` events, and only then is a tap counted and
//! acknowledged.
//!
//! The rules live in a state machine with no I/O ([`RoomState`], in `state`),
//! what each role sees of it in `views`, the agenda as laid out in `layout`;
//! this module is the task around them, which performs the effects the state
//! machine returns.

mod commands;
mod layout;
mod state;
mod views;

pub use state::{Broadcast, ControlError, DeviceId, Effect, RoomState};

use super::protocol::{Control, Role, ServerMessage, Snapshot};
use crate::live::protocol::ErrorCode;
use crate::store::notify::Notice;
use crate::store::writer::{Outcome, Writer};
use crate::store::{LiveRecord, RoomSeed, Store, StoredAgenda, TopicStat, now_ms};
use bytestring::ByteString;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot};
use tokio_util::task::TaskTracker;

/// How often changed counts are sent.
pub const COUNT_TICK: Duration = Duration::from_millis(250);
/// Frames a socket may fall behind before it is resynced with a snapshot.
pub const BROADCAST_BACKLOG: usize = 64;
/// Commands that may wait for the room.
const COMMAND_QUEUE: usize = 8192;
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
        reply: oneshot::Sender<ByteString>,
    },
    /// The snapshot as a value, for rendering a page.
    View {
        role: Role,
        device: Option<DeviceId>,
        reply: oneshot::Sender<Snapshot>,
    },
    Control {
        control: Control,
        reply: oneshot::Sender<Result<(), ControlError>>,
    },
    /// The gathering was deleted: stop without writing anything more for it,
    /// which closes every socket of the room.
    Deleted,
    /// The agenda was edited: show the new one at once.
    Reload { agenda: StoredAgenda },
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

    pub async fn join(&self, role: Role, device: Option<DeviceId>) -> Result<Joined, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Join {
            role,
            device,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn snapshot(
        &self,
        role: Role,
        device: Option<DeviceId>,
    ) -> Result<ByteString, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Snapshot {
            role,
            device,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn view(&self, role: Role, device: Option<DeviceId>) -> Result<Snapshot, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::View {
            role,
            device,
            reply,
        })
        .await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub async fn control(&self, control: Control) -> Result<Result<(), ControlError>, RoomGone> {
        let (reply, answer) = oneshot::channel();
        self.send(RoomCommand::Control { control, reply }).await?;
        answer.await.map_err(|_| RoomGone)
    }

    pub fn is_closed(&self) -> bool {
        self.tx.is_closed()
    }
}

/// A command that could not reach the database.
fn unavailable() -> ControlError {
    ControlError {
        code: ErrorCode::Busy,
        message: "The database cannot be reached just now; try again in a moment.".into(),
    }
}

/// Where a tap's answer goes: the socket's own queue.
type Reply = mpsc::Sender<ByteString>;

/// The writer's word on a tap: (topic, device) and what became of it.
type TapWritten = (i64, DeviceId, Outcome);

/// What a room asked the database for, on behalf of instances sharing it.
enum Synced {
    /// The live state after a command here (answer `reply`) or elsewhere.
    Live {
        live: LiveRecord,
        stats: Vec<TopicStat>,
        reply: Option<oneshot::Sender<Result<(), ControlError>>>,
    },
    Counts(HashMap<i64, i64>),
    /// The other instances' phones, and the stored live `seq`.
    Presence {
        others: i64,
        seq: Option<i64>,
    },
    /// A read failed (the next heartbeat tries again).
    Failed(Reading),
}

/// The reads a room has in flight, one of each kind at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Counts,
    Presence,
}

/// Ticks between two presence heartbeats (about a second).
const PRESENCE_TICKS: u32 = 4;

/// What a room of an instance that shares its database needs for that.
struct Sharing {
    store: Store,
    /// This instance's name in presence rows.
    instance: Arc<str>,
    synced: mpsc::UnboundedSender<Synced>,
    /// Taps were committed somewhere since the counts were last read.
    counts_stale: bool,
    reading_counts: bool,
    reading_presence: bool,
    ticks: u32,
}

/// The room task: the state machine, and the I/O it asks for.
struct Room {
    state: RoomState<Reply>,
    feeds: HashMap<Role, broadcast::Sender<ByteString>>,
    writer: Writer,
    committed: mpsc::UnboundedSender<TapWritten>,
    /// Set when other instances may share the database (PostgreSQL).
    sharing: Option<Sharing>,
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
    idle: Duration,
    tasks: &TaskTracker,
    runtime: &tokio::runtime::Handle,
) -> RoomHandle {
    let (tx, rx) = mpsc::channel(COMMAND_QUEUE);
    let (committed, committed_rx) = mpsc::unbounded_channel();
    let (synced, synced_rx) = mpsc::unbounded_channel();
    let shared = store.is_shared();
    let sharing = shared.then(|| Sharing {
        store,
        instance: epoch.clone(),
        synced,
        counts_stale: true,
        reading_counts: false,
        reading_presence: false,
        ticks: 0,
    });
    let gathering_id = seed.agenda.gathering.id;
    let feeds = [Role::Attendee, Role::Projector, Role::Console]
        .into_iter()
        .map(|role| (role, broadcast::channel(BROADCAST_BACKLOG).0))
        .collect();
    let room = Room {
        state: RoomState::new(seed, epoch).shared(shared),
        feeds,
        writer,
        committed,
        sharing,
    };
    tasks.spawn_on(room.run(rx, committed_rx, synced_rx, idle), runtime);
    RoomHandle { gathering_id, tx }
}

impl Room {
    async fn run(
        mut self,
        mut commands: mpsc::Receiver<RoomCommand>,
        mut committed: mpsc::UnboundedReceiver<TapWritten>,
        mut synced: mpsc::UnboundedReceiver<Synced>,
        idle: Duration,
    ) {
        let mut tick = tokio::time::interval(COUNT_TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut last_busy = tokio::time::Instant::now();
        let code = self.state.gathering.code.clone();
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    Some(RoomCommand::Deleted) => {
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
                _ = tick.tick() => {
                    self.sync_tick();
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
        if let Some(sharing) = &self.sharing {
            // Best effort: a row left behind stops counting within seconds.
            let (store, instance) = (sharing.store.clone(), sharing.instance.clone());
            let gathering = self.state.gathering.id;
            tokio::spawn(async move {
                let leave = store.leave_presence(&instance, gathering);
                let _ = tokio::time::timeout(Duration::from_secs(2), leave).await;
            });
        }
        tracing::debug!(gathering = %code, "room stopped");
    }

    /// On a shared database, each tick: read the counts if taps were
    /// committed anywhere, and about once a second write this instance's
    /// presence and read the others' (with the live `seq`, to notice a
    /// change whose notice was lost).
    fn sync_tick(&mut self) {
        let here = self.state.here_locally();
        let gathering = self.state.gathering.id;
        let Some(sharing) = &mut self.sharing else {
            return;
        };
        if sharing.counts_stale && !sharing.reading_counts {
            sharing.counts_stale = false;
            sharing.reading_counts = true;
            let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
            tokio::spawn(async move {
                let read = match store.tap_counts(gathering).await {
                    Ok(counts) => Synced::Counts(counts),
                    Err(error) => {
                        tracing::debug!(%error, "could not read the counts");
                        Synced::Failed(Reading::Counts)
                    }
                };
                let _ = synced.send(read);
            });
        }
        sharing.ticks += 1;
        if sharing.ticks >= PRESENCE_TICKS && !sharing.reading_presence {
            sharing.ticks = 0;
            sharing.reading_presence = true;
            let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
            let instance = sharing.instance.clone();
            tokio::spawn(async move {
                let read = match store.presence(&instance, gathering, here).await {
                    Ok((others, seq)) => Synced::Presence { others, seq },
                    Err(error) => {
                        tracing::debug!(%error, "could not record presence");
                        Synced::Failed(Reading::Presence)
                    }
                };
                let _ = synced.send(read);
            });
        }
    }

    /// Reads the live state as stored; `reply` answers the console whose
    /// command changed it.
    fn read_live(&self, reply: Option<oneshot::Sender<Result<(), ControlError>>>) {
        let Some(sharing) = &self.sharing else {
            return;
        };
        let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
        let gathering = self.state.gathering.id;
        tokio::spawn(async move {
            match store.read_live(gathering).await {
                Ok((live, stats)) => {
                    let _ = synced.send(Synced::Live { live, stats, reply });
                }
                Err(error) => {
                    tracing::debug!(%error, "could not read the live state");
                    if let Some(reply) = reply {
                        let _ = reply.send(Err(unavailable()));
                    }
                }
            }
        });
    }

    /// What the database answered.
    fn synced(&mut self, read: Synced) {
        let now = now_ms();
        match read {
            Synced::Live { live, stats, reply } => {
                let effects = self.state.apply_stored(live, stats, now);
                self.perform(effects);
                if let Some(reply) = reply {
                    let _ = reply.send(Ok(()));
                }
            }
            Synced::Counts(counts) => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.reading_counts = false;
                }
                self.state.set_counts(counts);
            }
            Synced::Presence { others, seq } => {
                if let Some(sharing) = &mut self.sharing {
                    sharing.reading_presence = false;
                }
                self.state.set_others_here(others);
                if seq.is_some_and(|seq| seq > self.state.live_seq()) {
                    self.read_live(None);
                }
            }
            Synced::Failed(reading) => {
                if let Some(sharing) = &mut self.sharing {
                    match reading {
                        Reading::Counts => {
                            sharing.reading_counts = false;
                            sharing.counts_stale = true;
                        }
                        Reading::Presence => sharing.reading_presence = false,
                    }
                }
            }
        }
    }

    /// A command on a shared database: one transaction orders it with every
    /// other instance's; the room shows the stored result, then answers.
    fn control_shared(
        &self,
        sharing: &Sharing,
        control: Control,
        reply: oneshot::Sender<Result<(), ControlError>>,
    ) {
        let (store, synced) = (sharing.store.clone(), sharing.synced.clone());
        let gathering = self.state.gathering.id;
        let topics = self.state.topic_ids();
        let here = self.state.here();
        tokio::spawn(async move {
            let now = now_ms();
            let changed = store
                .change_live(gathering, now, |stored| {
                    commands::plan(&topics, stored, control, now, here)
                })
                .await;
            match changed {
                Ok(Ok(Some((live, stats)))) => {
                    let reply = Some(reply);
                    let _ = synced.send(Synced::Live { live, stats, reply });
                }
                Ok(Ok(None)) => {
                    let _ = reply.send(Ok(()));
                }
                Ok(Err(refused)) => {
                    let _ = reply.send(Err(refused));
                }
                Err(error) => {
                    tracing::warn!(%error, "a facilitator command could not be stored");
                    let _ = reply.send(Err(unavailable()));
                }
            }
        });
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
                reply,
            } => {
                // Subscribe before taking the snapshot, so no frame falls between them.
                let feed = self.feeds[&role].subscribe();
                let effects = self.state.join(role, device.as_ref(), now);
                self.perform(effects);
                let snapshot = self.state.snapshot(role, device.as_ref(), now);
                let snapshot = ServerMessage::Snapshot(snapshot).encode();
                let _ = reply.send(Joined { snapshot, feed });
            }
            RoomCommand::Leave { role, device } => self.state.leave(role, device.as_ref()),
            RoomCommand::Snapshot {
                role,
                device,
                reply,
            } => {
                let snapshot = self.state.snapshot(role, device.as_ref(), now);
                let _ = reply.send(ServerMessage::Snapshot(snapshot).encode());
            }
            RoomCommand::View {
                role,
                device,
                reply,
            } => {
                let _ = reply.send(self.state.snapshot(role, device.as_ref(), now));
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
            RoomCommand::Notified(notice) => match notice {
                Notice::Live { seq, .. } if seq > self.state.live_seq() => self.read_live(None),
                Notice::Counts { .. } => {
                    if let Some(sharing) = &mut self.sharing {
                        sharing.counts_stale = true;
                    }
                }
                Notice::Resync => {
                    if let Some(sharing) = &mut self.sharing {
                        sharing.counts_stale = true;
                    }
                    self.read_live(None);
                }
                _ => {}
            },
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
            RoomCommand::Deleted => {}
        }
    }

    /// Does what the state machine asked for, never waiting for anyone.
    fn perform(&mut self, effects: Vec<Effect<Reply>>) {
        for effect in effects {
            match effect {
                Effect::Broadcast(role, broadcast) => {
                    let feed = &self.feeds[&role];
                    if feed.receiver_count() > 0 {
                        let bytes = self.state.message(broadcast, role).encode();
                        // An error only means nobody is listening right now.
                        let _ = feed.send(bytes);
                    }
                }
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
