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

use super::protocol::{
    AgendaSection, AgendaTopic, Control, CountsView, CoveredTopic, ErrorCode, GatheringView,
    KeepPraying, KeepTopic, LiveView, NextPreview, PROTOCOL_VERSION, Phase, Role, ServerMessage,
    Snapshot, TopicFrame,
};
use crate::domain::markdown::to_safe_html;
use crate::store::writer::{Outcome, WriteOp, Writer};
use crate::store::{Gathering, LiveRecord, RoomSeed, StoredAgenda, StoredTopic, TopicStat, now_ms};
use bytestring::ByteString;
use std::collections::{BTreeMap, HashMap};
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
/// The advisory phones tap through before a sensitive story.
const SENSITIVE_ADVISORY: &str =
    "This story describes abuse and may be hard to read. Tap to read it.";
/// What the projector shows for a sensitive topic without a written summary.
const DEFAULT_SAFE_SUMMARY: &str = "Please follow this story on your phone.";

/// A device identity (from the attendee's cookie).
pub type DeviceId = Arc<str>;

/// What a new subscriber gets: its first frame and the live feed.
pub struct Joined {
    pub snapshot: ByteString,
    pub feed: broadcast::Receiver<ByteString>,
}

/// A refused facilitator command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlError {
    pub code: ErrorCode,
    pub message: String,
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

/// A topic with its place in the agenda.
struct Entry {
    topic: StoredTopic,
    section: String,
    /// 1-based.
    number: usize,
    /// The text rendered once, when the agenda is laid out, not per frame.
    body_html: String,
    /// What the projector shows: the summary of a sensitive story, else the text.
    projector_html: String,
}

impl Entry {
    fn new(topic: &StoredTopic, section: &str, number: usize) -> Self {
        let body_html = to_safe_html(&topic.body);
        let projector_html = match (topic.sensitive, topic.safe_summary.trim().is_empty()) {
            (false, _) => body_html.clone(),
            (true, true) => to_safe_html(DEFAULT_SAFE_SUMMARY),
            (true, false) => to_safe_html(&topic.safe_summary),
        };
        Entry {
            topic: topic.clone(),
            section: section.to_string(),
            number,
            body_html,
            projector_html,
        }
    }
}

/// Waiting for a tap's commit: who to acknowledge.
type Waiters = Vec<(String, mpsc::Sender<ByteString>)>;

/// The writer's word on a tap: (topic, device) and what became of it.
type TapWritten = (i64, DeviceId, Outcome);

struct Room {
    gathering: Gathering,
    epoch: Arc<str>,
    entries: Vec<Entry>,
    index_of: HashMap<i64, usize>,
    agenda: Vec<AgendaSection>,
    live: LiveRecord,
    stats: HashMap<i64, TopicStat>,
    /// Committed taps per topic.
    counts: HashMap<i64, i64>,
    /// Topics each device is counted for (committed).
    tapped: HashMap<DeviceId, Vec<i64>>,
    /// Taps handed to the writer and not yet committed.
    pending: HashMap<(i64, DeviceId), Waiters>,
    /// Connected attendee sockets per device.
    present: HashMap<DeviceId, usize>,
    /// Devices whose attendance has been written since this room opened.
    attendance_written: std::collections::HashSet<DeviceId>,
    seq: u64,
    feeds: HashMap<Role, broadcast::Sender<ByteString>>,
    writer: Writer,
    committed: mpsc::UnboundedSender<TapWritten>,
    counts_dirty: bool,
    stats_dirty: bool,
    last_counts: Option<(Option<i64>, i64, i64, i64)>,
}

/// Starts a room task for a gathering from what the store holds about it,
/// tracked by `tasks` so shutdown can wait for it to save its figures.
///
/// A room with no sockets and no tap waiting for the disk for `idle` stops by
/// itself (the hub opens it again, from the store, when it is next needed).
pub fn spawn(
    seed: RoomSeed,
    epoch: Arc<str>,
    writer: Writer,
    idle: Duration,
    tasks: &TaskTracker,
    runtime: &tokio::runtime::Handle,
) -> RoomHandle {
    let (tx, rx) = mpsc::channel(COMMAND_QUEUE);
    let (committed_tx, committed_rx) = mpsc::unbounded_channel();
    let gathering_id = seed.agenda.gathering.id;
    let room = Room::new(seed, epoch, writer, committed_tx);
    tasks.spawn_on(room.run(rx, committed_rx, idle), runtime);
    RoomHandle { gathering_id, tx }
}

/// The agenda in the shapes the room needs: topics in order with their place,
/// an index by id, and the console's outline.
fn layout(stored: &StoredAgenda) -> (Vec<Entry>, HashMap<i64, usize>, Vec<AgendaSection>) {
    let mut entries = Vec::new();
    let mut agenda = Vec::new();
    for section in &stored.sections {
        let mut topics = Vec::new();
        for topic in &section.topics {
            let number = entries.len() + 1;
            topics.push(AgendaTopic {
                id: topic.id,
                number,
                title: topic.title.clone(),
                kind: topic.kind.as_str().to_string(),
                planned_minutes: topic.planned_minutes,
            });
            entries.push(Entry::new(topic, &section.title, number));
        }
        agenda.push(AgendaSection {
            title: section.title.clone(),
            topics,
        });
    }
    let index_of = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.topic.id, i))
        .collect();
    (entries, index_of, agenda)
}

impl Room {
    fn new(
        seed: RoomSeed,
        epoch: Arc<str>,
        writer: Writer,
        committed: mpsc::UnboundedSender<TapWritten>,
    ) -> Self {
        let (entries, index_of, agenda) = layout(&seed.agenda);
        let mut counts = HashMap::new();
        let mut tapped: HashMap<DeviceId, Vec<i64>> = HashMap::new();
        for (topic, device) in seed.taps {
            *counts.entry(topic).or_insert(0) += 1;
            tapped.entry(Arc::from(device)).or_default().push(topic);
        }
        let feeds = [Role::Attendee, Role::Projector, Role::Console]
            .into_iter()
            .map(|role| (role, broadcast::channel(BROADCAST_BACKLOG).0))
            .collect();
        let mut live = seed.live;
        // A current topic deleted from the agenda leaves the room on the welcome screen.
        if live
            .current_topic_id
            .is_some_and(|id| !index_of.contains_key(&id))
        {
            live.current_topic_id = None;
        }
        Room {
            gathering: seed.agenda.gathering,
            epoch,
            entries,
            index_of,
            agenda,
            live,
            stats: seed.stats.into_iter().map(|s| (s.topic_id, s)).collect(),
            counts,
            tapped,
            pending: HashMap::new(),
            present: HashMap::new(),
            attendance_written: Default::default(),
            seq: 0,
            feeds,
            writer,
            committed,
            counts_dirty: false,
            stats_dirty: false,
            last_counts: None,
        }
    }

    async fn run(
        mut self,
        mut commands: mpsc::Receiver<RoomCommand>,
        mut committed: mpsc::UnboundedReceiver<TapWritten>,
        idle: Duration,
    ) {
        let mut tick = tokio::time::interval(COUNT_TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut last_busy = tokio::time::Instant::now();
        loop {
            tokio::select! {
                command = commands.recv() => match command {
                    Some(RoomCommand::Deleted) => {
                        tracing::debug!(gathering = %self.gathering.code, "room of a deleted gathering stopped");
                        return;
                    }
                    None => break,
                    Some(command) => self.handle(command),
                },
                Some((topic, device, outcome)) = committed.recv() => self.tap_written(topic, device, outcome),
                _ = tick.tick() => {
                    self.tick();
                    if self.busy() {
                        last_busy = tokio::time::Instant::now();
                    } else if last_busy.elapsed() >= idle {
                        tracing::debug!(gathering = %self.gathering.code, "idle room closing");
                        break;
                    }
                }
            }
        }
        self.flush_stats();
        tracing::debug!(gathering = %self.gathering.code, "room stopped");
    }

    /// Someone is connected, or a tap is waiting for its commit.
    fn busy(&self) -> bool {
        !self.pending.is_empty() || self.feeds.values().any(|feed| feed.receiver_count() > 0)
    }

    fn handle(&mut self, command: RoomCommand) {
        match command {
            RoomCommand::Join {
                role,
                device,
                reply,
            } => {
                // Subscribe before taking the snapshot, so no frame falls between them.
                let feed = self.feeds[&role].subscribe();
                if role == Role::Attendee
                    && let Some(device) = &device
                {
                    self.arrive(device.clone());
                }
                let snapshot =
                    ServerMessage::Snapshot(self.snapshot(role, device.as_ref())).encode();
                let _ = reply.send(Joined { snapshot, feed });
            }
            RoomCommand::Leave { role, device } => {
                if role == Role::Attendee
                    && let Some(device) = device
                    && let Some(sockets) = self.present.get_mut(&device)
                {
                    *sockets -= 1;
                    if *sockets == 0 {
                        self.present.remove(&device);
                    }
                    self.counts_dirty = true;
                }
            }
            RoomCommand::Snapshot {
                role,
                device,
                reply,
            } => {
                let _ = reply
                    .send(ServerMessage::Snapshot(self.snapshot(role, device.as_ref())).encode());
            }
            RoomCommand::View {
                role,
                device,
                reply,
            } => {
                let _ = reply.send(self.snapshot(role, device.as_ref()));
            }
            RoomCommand::Control { control, reply } => {
                let _ = reply.send(self.control(control));
            }
            RoomCommand::Tap {
                device,
                topic,
                op,
                reply,
            } => self.tap(device, topic, op, reply),
            RoomCommand::Reload { agenda } => self.reload(agenda),
            RoomCommand::Deleted => {}
        }
    }

    fn reload(&mut self, stored: StoredAgenda) {
        let (entries, index_of, agenda) = layout(&stored);
        self.entries = entries;
        self.index_of = index_of;
        self.agenda = agenda;
        self.gathering = stored.gathering;
        if self
            .live
            .current_topic_id
            .is_some_and(|id| !self.index_of.contains_key(&id))
        {
            // The topic on screen was deleted: back to the welcome screen.
            self.live.current_topic_id = None;
            self.live.topic_since = None;
            self.write_live_state();
        }
        self.forget_deleted_topics();
        let now = now_ms();
        self.broadcast(|room, role, seq| ServerMessage::State {
            seq,
            now,
            live: room.live_view(role),
            agenda: (role == Role::Console).then(|| room.agenda.clone()),
        });
        self.counts_dirty = true;
    }

    /// Drops every figure and pending tap of topics no longer in the agenda, so
    /// nothing is ever written for them (their rows are gone with them).
    fn forget_deleted_topics(&mut self) {
        let index_of = &self.index_of;
        self.counts.retain(|topic, _| index_of.contains_key(topic));
        self.stats.retain(|topic, _| index_of.contains_key(topic));
        for topics in self.tapped.values_mut() {
            topics.retain(|topic| index_of.contains_key(topic));
        }
        let gone: Vec<(i64, DeviceId)> = self
            .pending
            .keys()
            .filter(|(topic, _)| !index_of.contains_key(topic))
            .cloned()
            .collect();
        for (topic, device) in gone {
            // The writer drops these too (their topic row is gone); answer now.
            self.tap_written(topic, device, Outcome::Dropped);
        }
    }

    fn arrive(&mut self, device: DeviceId) {
        *self.present.entry(device.clone()).or_insert(0) += 1;
        self.counts_dirty = true;
        self.note_peak();
        if self.attendance_written.insert(device.clone()) {
            let op = WriteOp::Attendance {
                gathering_id: self.gathering.id,
                device_id: device,
                at: now_ms(),
            };
            if self.writer.submit(op, None).is_err() {
                tracing::warn!("writer busy; attendance not recorded");
            }
        }
    }

    fn here(&self) -> i64 {
        self.present.len() as i64
    }

    fn phase(&self) -> Phase {
        if self.live.ended_at.is_some() {
            Phase::Ended
        } else if self.live.current_topic_id.is_some() {
            Phase::Topic
        } else {
            Phase::Waiting
        }
    }

    fn current_index(&self) -> Option<usize> {
        self.live
            .current_topic_id
            .and_then(|id| self.index_of.get(&id).copied())
    }

    fn topic_frame(&self, entry: &Entry, role: Role) -> TopicFrame {
        let topic = &entry.topic;
        let body_html = match role {
            Role::Projector => entry.projector_html.clone(),
            _ => entry.body_html.clone(),
        };
        TopicFrame {
            id: topic.id,
            number: entry.number,
            total: self.entries.len(),
            section: entry.section.clone(),
            title: topic.title.clone(),
            kind: topic.kind.as_str().to_string(),
            scripture: topic.scripture.clone(),
            body_html,
            planned_minutes: topic.planned_minutes,
            sensitive: topic.sensitive,
        }
    }

    fn live_view(&self, role: Role) -> LiveView {
        let phase = self.phase();
        let index = self.current_index();
        let topic = match (phase, index) {
            (Phase::Topic, Some(i)) => Some(self.topic_frame(&self.entries[i], role)),
            _ => None,
        };
        let (next, notes) = if role == Role::Console {
            let next_index = match (phase, index) {
                (Phase::Waiting, _) => Some(0),
                (Phase::Topic, Some(i)) => Some(i + 1),
                _ => None,
            };
            let next = next_index
                .and_then(|i| self.entries.get(i))
                .map(|e| NextPreview {
                    id: e.topic.id,
                    number: e.number,
                    title: e.topic.title.clone(),
                    section: e.section.clone(),
                });
            let notes = topic
                .as_ref()
                .and(index)
                .map(|i| self.entries[i].topic.notes.clone());
            (next, notes)
        } else {
            (None, None)
        };
        LiveView {
            phase,
            blank: self.live.blank,
            join_panel: self.live.show_join,
            started_at: self.live.started_at,
            ended_at: self.live.ended_at,
            since: self.live.topic_since,
            topic,
            next,
            notes,
            covered: self.covered(),
            keep_praying: (role == Role::Attendee && phase == Phase::Ended)
                .then(|| self.keep_praying()),
        }
    }

    /// Every topic with its full text, for the phones' page after the end.
    fn keep_praying(&self) -> KeepPraying {
        KeepPraying {
            message: self.gathering.closing_message.clone(),
            topics: self
                .entries
                .iter()
                .map(|e| KeepTopic {
                    id: e.topic.id,
                    number: e.number,
                    section: e.section.clone(),
                    title: e.topic.title.clone(),
                    scripture: e.topic.scripture.clone(),
                    body_html: if e.topic.sensitive {
                        // The same calm tap-through as during the gathering.
                        format!(
                            "<details class=\"advisory\"><summary>{SENSITIVE_ADVISORY}</summary>{}</details>",
                            e.body_html
                        )
                    } else {
                        e.body_html.clone()
                    },
                })
                .collect(),
        }
    }

    /// Topics shown at some point (or on screen now), in agenda order.
    fn covered(&self) -> Vec<CoveredTopic> {
        self.entries
            .iter()
            .filter(|e| {
                self.live.current_topic_id == Some(e.topic.id)
                    || self
                        .stats
                        .get(&e.topic.id)
                        .is_some_and(|s| s.first_shown_at.is_some())
            })
            .map(|e| CoveredTopic {
                id: e.topic.id,
                number: e.number,
                title: e.topic.title.clone(),
            })
            .collect()
    }

    fn counts_view(&self, role: Role) -> CountsView {
        let topic = match self.phase() {
            Phase::Topic => self.live.current_topic_id,
            _ => None,
        };
        CountsView {
            topic,
            praying: topic
                .and_then(|t| self.counts.get(&t).copied())
                .unwrap_or(0),
            here: self.here(),
            per_topic: (role == Role::Console).then(|| {
                self.counts
                    .iter()
                    .map(|(topic, count)| (*topic, *count))
                    .collect::<BTreeMap<_, _>>()
            }),
        }
    }

    fn snapshot(&self, role: Role, device: Option<&DeviceId>) -> Snapshot {
        let tapped = match (role, device) {
            (Role::Attendee, Some(device)) => self.tapped.get(device).cloned().unwrap_or_default(),
            _ => Vec::new(),
        };
        Snapshot {
            protocol: PROTOCOL_VERSION,
            epoch: self.epoch.to_string(),
            seq: self.seq,
            now: now_ms(),
            role,
            gathering: GatheringView {
                code: self.gathering.code.clone(),
                title: self.gathering.title.clone(),
            },
            live: self.live_view(role),
            counts: self.counts_view(role),
            tapped,
            agenda: (role == Role::Console).then(|| self.agenda.clone()),
        }
    }

    /// Sends one frame per role, each serialised once.
    fn broadcast(&mut self, frame: impl Fn(&Room, Role, u64) -> ServerMessage) {
        self.seq += 1;
        for role in [Role::Attendee, Role::Projector, Role::Console] {
            let feed = &self.feeds[&role];
            if feed.receiver_count() == 0 {
                continue;
            }
            let bytes = frame(self, role, self.seq).encode();
            // An error only means nobody is listening right now.
            let _ = feed.send(bytes);
        }
    }

    fn broadcast_state(&mut self) {
        let now = now_ms();
        self.broadcast(|room, role, seq| ServerMessage::State {
            seq,
            now,
            live: room.live_view(role),
            agenda: None,
        });
    }

    fn tick(&mut self) {
        if self.counts_dirty {
            self.counts_dirty = false;
            let view = self.counts_view(Role::Attendee);
            let total: i64 = self.counts.values().sum();
            let now = (view.topic, view.praying, view.here, total);
            if self.last_counts != Some(now) {
                self.last_counts = Some(now);
                self.broadcast(|room, role, seq| ServerMessage::Counts {
                    seq,
                    counts: room.counts_view(role),
                });
            }
        }
        if self.stats_dirty {
            self.flush_stats_of_current();
        }
    }

    fn note_peak(&mut self) {
        if self.phase() != Phase::Topic {
            return;
        }
        if let Some(id) = self.live.current_topic_id {
            let here = self.here();
            let stat = self.stats.entry(id).or_insert_with(|| TopicStat {
                topic_id: id,
                ..Default::default()
            });
            if here > stat.peak_attendees {
                stat.peak_attendees = here;
                self.stats_dirty = true;
            }
        }
    }

    fn flush_stats_of_current(&mut self) {
        self.stats_dirty = false;
        if let Some(id) = self.live.current_topic_id {
            self.write_stat(id);
        }
    }

    fn flush_stats(&mut self) {
        let ids: Vec<i64> = self.stats.keys().copied().collect();
        for id in ids {
            self.write_stat(id);
        }
    }

    fn write_stat(&self, topic_id: i64) {
        if let Some(stat) = self.stats.get(&topic_id) {
            let op = WriteOp::TopicStat {
                gathering_id: self.gathering.id,
                stat: stat.clone(),
            };
            if self.writer.submit(op, None).is_err() {
                tracing::warn!("writer busy; topic figures will be written later");
            }
        }
    }

    fn write_live_state(&self) {
        let op = WriteOp::LiveState {
            gathering_id: self.gathering.id,
            record: self.live.clone(),
        };
        if self.writer.submit(op, None).is_err() {
            tracing::error!(gathering = %self.gathering.code, "writer busy; live state not saved");
        }
    }

    /// Closes the time spent on the current topic.
    fn leave_current_topic(&mut self, now: i64) {
        if let (Some(id), Some(since)) = (self.live.current_topic_id, self.live.topic_since)
            && self.live.ended_at.is_none()
        {
            let stat = self.stats.entry(id).or_insert_with(|| TopicStat {
                topic_id: id,
                ..Default::default()
            });
            stat.shown_ms += (now - since).max(0);
            self.write_stat(id);
        }
    }

    fn show_topic(&mut self, index: usize) {
        let now = now_ms();
        self.leave_current_topic(now);
        let id = self.entries[index].topic.id;
        self.live.current_topic_id = Some(id);
        self.live.topic_since = Some(now);
        self.live.started_at.get_or_insert(now);
        self.live.ended_at = None;
        let stat = self.stats.entry(id).or_insert_with(|| TopicStat {
            topic_id: id,
            ..Default::default()
        });
        stat.first_shown_at.get_or_insert(now);
        stat.peak_attendees = stat.peak_attendees.max(self.present.len() as i64);
        self.write_stat(id);
    }

    fn control(&mut self, control: Control) -> Result<(), ControlError> {
        let current = self.current_index();
        let last = self.entries.len().checked_sub(1);
        let ended = self.live.ended_at.is_some();
        match control {
            Control::Next | Control::Previous if self.entries.is_empty() => {
                return Err(ControlError {
                    code: ErrorCode::UnknownTopic,
                    message: "This agenda has no topics yet.".into(),
                });
            }
            Control::Next => match current {
                Some(i) if ended => self.show_topic(i),
                Some(i) if Some(i) == last => return Ok(()),
                Some(i) => self.show_topic(i + 1),
                None => self.show_topic(0),
            },
            Control::Previous => match current {
                Some(i) if ended => self.show_topic(i),
                Some(0) | None => return Ok(()),
                Some(i) => self.show_topic(i - 1),
            },
            Control::Jump(topic) => match self.index_of.get(&topic) {
                Some(&i) => {
                    if current == Some(i) && !ended {
                        return Ok(());
                    }
                    self.show_topic(i)
                }
                None => {
                    return Err(ControlError {
                        code: ErrorCode::UnknownTopic,
                        message: format!("Topic {topic} is not in this gathering."),
                    });
                }
            },
            Control::Blank(on) => {
                if self.live.blank == on {
                    return Ok(());
                }
                self.live.blank = on;
            }
            Control::JoinPanel(on) => {
                if self.live.show_join == on {
                    return Ok(());
                }
                self.live.show_join = on;
            }
            Control::End => {
                if ended {
                    return Ok(());
                }
                let now = now_ms();
                self.leave_current_topic(now);
                self.live.started_at.get_or_insert(now);
                self.live.ended_at = Some(now);
            }
        }
        self.write_live_state();
        self.broadcast_state();
        self.counts_dirty = true;
        Ok(())
    }

    fn tap(&mut self, device: DeviceId, topic: i64, op: String, reply: mpsc::Sender<ByteString>) {
        let answer = |message: ServerMessage| {
            // A socket this far behind is being closed or resynced; it resends unacked taps.
            let _ = reply.try_send(message.encode());
        };
        if !self.index_of.contains_key(&topic) {
            return answer(ServerMessage::tap_error(
                ErrorCode::UnknownTopic,
                "That topic is not in this gathering.",
                &op,
            ));
        }
        let shown = self.live.current_topic_id == Some(topic)
            || self
                .stats
                .get(&topic)
                .is_some_and(|s| s.first_shown_at.is_some());
        if !shown {
            return answer(ServerMessage::tap_error(
                ErrorCode::NotLive,
                "That topic has not been shown yet.",
                &op,
            ));
        }
        if self
            .tapped
            .get(&device)
            .is_some_and(|topics| topics.contains(&topic))
        {
            return answer(ServerMessage::Ack {
                op,
                topic,
                counted: true,
            });
        }
        let key = (topic, device.clone());
        if let Some(waiters) = self.pending.get_mut(&key) {
            waiters.push((op, reply));
            return;
        }
        let committed = self.committed.clone();
        let done_key = key.clone();
        let write = WriteOp::Tap {
            gathering_id: self.gathering.id,
            topic_id: topic,
            device_id: device,
            op_id: op.clone(),
            at: now_ms(),
        };
        let done = Box::new(move |outcome| {
            let _ = committed.send((done_key.0, done_key.1, outcome));
        });
        match self.writer.submit(write, Some(done)) {
            Ok(()) => {
                self.pending.insert(key, vec![(op, reply)]);
            }
            Err(_) => answer(ServerMessage::tap_error(
                ErrorCode::Busy,
                "The server is very busy; your tap will be sent again shortly.",
                &op,
            )),
        }
    }

    fn tap_written(&mut self, topic: i64, device: DeviceId, outcome: Outcome) {
        let Some(waiters) = self.pending.remove(&(topic, device.clone())) else {
            // Answered already (its topic was deleted before the writer's word came).
            return;
        };
        if outcome == Outcome::Dropped {
            for (op, reply) in waiters {
                let error = ServerMessage::tap_error(
                    ErrorCode::UnknownTopic,
                    "That topic was removed from the agenda.",
                    &op,
                );
                let _ = reply.try_send(error.encode());
            }
            return;
        }
        let topics = self.tapped.entry(device).or_default();
        if !topics.contains(&topic) {
            topics.push(topic);
            *self.counts.entry(topic).or_insert(0) += 1;
            self.counts_dirty = true;
        }
        for (op, reply) in waiters {
            let ack = ServerMessage::Ack {
                op,
                topic,
                counted: true,
            };
            let _ = reply.try_send(ack.encode());
        }
    }
}
