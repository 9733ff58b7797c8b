//! The room's state machine: every rule of a live gathering, with no tasks,
//! sockets or database in sight.
//!
//! Each input (a phone joining, a facilitator command, a tap, the writer's word
//! on a tap, an edited agenda, a tick of the clock) changes the state and
//! returns [`Effect`]s: frames to broadcast, answers for one socket, rows to
//! write. The room task (`super`) performs them. The clock comes in as `now`
//! (milliseconds), so the rules can be tested with any time and no waiting.
//!
//! `R` is whatever identifies the socket to answer (the task uses the socket's
//! own queue; tests can use a number).

use super::commands::plan;
use super::layout::Layout;
use super::requests::RequestBoard;
use crate::live::protocol::Control;
use crate::live::protocol::{ErrorCode, Phase, Role, ServerMessage};
use crate::store::writer::{Outcome, WriteOp};
use crate::store::{Gathering, LiveRecord, Milestone, RoomSeed, StoredAgenda, TopicStat};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A device identity (from the attendee's cookie).
pub type DeviceId = Arc<str>;

/// A refused facilitator command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlError {
    pub code: ErrorCode,
    /// Why, worded where it is shown (a socket's or a page's language).
    pub message: crate::i18n::Message,
}

/// The roles that follow the live state (`state` and `counts` frames); a
/// moderator follows only the prayer-request queue.
const LIVE_ROLES: [Role; 3] = [Role::Attendee, Role::Projector, Role::Console];

/// The roles, in the order of their slots in per-role figures.
const ROLES: [Role; 4] = [
    Role::Attendee,
    Role::Projector,
    Role::Console,
    Role::Moderator,
];

fn slot(role: Role) -> usize {
    match role {
        Role::Attendee => 0,
        Role::Projector => 1,
        Role::Console => 2,
        Role::Moderator => 3,
    }
}

/// The shortest time between two `counts` frames for a role, in milliseconds.
/// Phones show one figure (how many are praying) and need not redraw it more
/// than about once a second: at 20,000 phones every extra frame is 20,000
/// deliveries. The projector and console show the live figures at every tick.
pub fn counts_interval_ms(role: Role) -> i64 {
    match role {
        Role::Attendee | Role::Moderator => 1_000,
        Role::Projector | Role::Console => 0,
    }
}

/// What a role's `counts` frame shows; a new frame goes out only when it changes.
/// (`here` and the console's total are `None` for the roles that do not see them.)
type CountsKey = (Option<i64>, i64, Option<i64>, Option<i64>);

/// A frame every socket of one role gets, rendered from the state at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broadcast {
    /// The live state; with the agenda's outline for consoles after an edit.
    State {
        seq: u64,
        now: i64,
        with_agenda: bool,
    },
    Counts {
        seq: u64,
    },
    /// Approved requests changed (attendees and projector).
    Requests,
    /// Only how many pray for the approved requests changed.
    RequestCounts,
    /// The console's request queue changed.
    Queue,
}

impl Broadcast {
    /// The same frame in every language: serialised once for all of a role's feeds.
    pub fn same_in_every_language(self) -> bool {
        !matches!(self, Broadcast::State { .. })
    }
}

/// Something the room task must do.
#[derive(Debug)]
pub enum Effect<R> {
    /// A frame for every socket of a role.
    Broadcast(Role, Broadcast),
    /// A frame for one socket only (an ack, a refused tap).
    Answer(R, Box<ServerMessage>),
    /// A row to write, with no one waiting for it.
    Write(WriteOp),
    /// A tap to write; report its fate with [`RoomState::tap_written`] (or
    /// [`RoomState::tap_not_queued`] when the writer cannot take it).
    WriteTap {
        op: WriteOp,
        topic: i64,
        device: DeviceId,
    },
}

/// Waiting for a tap's commit: who to acknowledge.
type Waiters<R> = Vec<(String, R)>;

pub struct RoomState<R> {
    pub(super) gathering: Gathering,
    pub(super) epoch: Arc<str>,
    pub(super) layout: Layout,
    pub(super) live: LiveRecord,
    pub(super) stats: HashMap<i64, TopicStat>,
    /// Committed taps per topic.
    pub(super) counts: HashMap<i64, i64>,
    /// Topics each device is counted for (committed).
    pub(super) tapped: HashMap<DeviceId, Vec<i64>>,
    /// How many taps this room has counted from its own commits: a read of
    /// the stored counts that began at another number may be older than
    /// some of them (see [`RoomState::set_counts`]).
    counted_here: u64,
    /// Taps handed to the writer and not yet committed.
    pending: HashMap<(i64, DeviceId), Waiters<R>>,
    /// Connected attendee sockets per device.
    present: HashMap<DeviceId, usize>,
    /// Phones connected to other instances sharing the database.
    others_here: i64,
    /// Instances share the database: the live state is changed by the
    /// store's transaction, never written from here.
    shared: bool,
    /// Devices whose attendance has been written since this room opened.
    attendance_written: HashSet<DeviceId>,
    /// Each role's last `seq`. Every role has its own sequence, since each
    /// gets only the frames it shows (phones get fewer `counts` than the
    /// console), and a client checks its frames for gaps.
    seqs: [u64; 4],
    stats_dirty: bool,
    /// What each role was last sent of the counts, and when (ms).
    last_counts: [CountsKey; 4],
    counts_sent_at: [i64; 4],
    /// The gathering's prayer requests, as last read.
    pub(super) requests: RequestBoard,
}

impl<R> RoomState<R> {
    /// The state of a gathering as the store holds it.
    pub fn new(seed: RoomSeed, epoch: Arc<str>) -> Self {
        let layout = Layout::new(&seed.agenda);
        let mut counts = HashMap::new();
        let mut tapped: HashMap<DeviceId, Vec<i64>> = HashMap::new();
        for (topic, device) in seed.taps {
            *counts.entry(topic).or_insert(0) += 1;
            tapped.entry(Arc::from(device)).or_default().push(topic);
        }
        let mut live = seed.live;
        // A current topic deleted from the agenda leaves the room on the welcome screen.
        if live.current_topic_id.is_some_and(|id| !layout.contains(id)) {
            live.current_topic_id = None;
        }
        let mut room = RoomState {
            gathering: seed.agenda.gathering,
            epoch,
            layout,
            live,
            stats: seed.stats.into_iter().map(|s| (s.topic_id, s)).collect(),
            counts,
            tapped,
            counted_here: 0,
            pending: HashMap::new(),
            present: HashMap::new(),
            others_here: 0,
            shared: false,
            attendance_written: HashSet::new(),
            seqs: [0; 4],
            stats_dirty: false,
            last_counts: [(None, 0, None, None); 4],
            counts_sent_at: [i64::MIN; 4],
            requests: RequestBoard::new(),
        };
        // A snapshot shows the counts as they are: only changes go out.
        for role in ROLES {
            room.last_counts[slot(role)] = room.counts_key(role);
        }
        room
    }

    /// For instances sharing a database (see [`RoomState::apply_stored`]).
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = shared;
        self
    }

    /// The last `seq` sent to `role`'s sockets (a snapshot carries it).
    pub fn seq(&self, role: Role) -> u64 {
        self.seqs[slot(role)]
    }

    fn next_seq(&mut self, role: Role) -> u64 {
        self.seqs[slot(role)] += 1;
        self.seqs[slot(role)]
    }

    fn counts_key(&self, role: Role) -> CountsKey {
        let topic = match self.phase() {
            Phase::Topic => self.live.current_topic_id,
            _ => None,
        };
        let praying = topic
            .and_then(|t| self.counts.get(&t).copied())
            .unwrap_or(0);
        let here = (role != Role::Attendee).then(|| self.here());
        let total = (role == Role::Console).then(|| self.counts.values().sum());
        (topic, praying, here, total)
    }

    /// A tap is waiting for its commit (the room must not close yet).
    pub fn has_pending_taps(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Phones connected to the gathering, on every instance.
    pub fn here(&self) -> i64 {
        self.present.len() as i64 + self.others_here
    }

    pub fn phase(&self) -> Phase {
        if self.live.ended_at.is_some() {
            Phase::Ended
        } else if self.live.current_topic_id.is_some() {
            Phase::Topic
        } else {
            Phase::Waiting
        }
    }

    pub(super) fn current_index(&self) -> Option<usize> {
        self.live
            .current_topic_id
            .and_then(|id| self.layout.index_of.get(&id).copied())
    }

    /// A socket of `role` joined.
    pub fn join(&mut self, role: Role, device: Option<&DeviceId>, now: i64) -> Vec<Effect<R>> {
        let mut effects = Vec::new();
        if role != Role::Attendee {
            return effects;
        }
        let Some(device) = device else {
            return effects;
        };
        *self.present.entry(device.clone()).or_insert(0) += 1;
        self.note_peak();
        if self.attendance_written.insert(device.clone()) {
            effects.push(Effect::Write(WriteOp::Attendance {
                gathering_id: self.gathering.id,
                device_id: device.clone(),
                at: now,
            }));
        }
        effects
    }

    /// A socket of `role` left.
    pub fn leave(&mut self, role: Role, device: Option<&DeviceId>) {
        if role == Role::Attendee
            && let Some(device) = device
            && let Some(sockets) = self.present.get_mut(device)
        {
            *sockets -= 1;
            if *sockets == 0 {
                self.present.remove(device);
            }
        }
    }

    /// The agenda was edited.
    pub fn reload(&mut self, stored: &StoredAgenda, now: i64) -> Vec<Effect<R>> {
        let mut effects = Vec::new();
        self.layout = Layout::new(stored);
        self.gathering = stored.gathering.clone();
        if self
            .live
            .current_topic_id
            .is_some_and(|id| !self.layout.contains(id))
        {
            // The topic on screen was deleted: back to the welcome screen.
            self.live.current_topic_id = None;
            self.live.topic_since = None;
            // Shared, the database cleared it with the topic (ON DELETE SET NULL).
            if !self.shared {
                effects.push(self.live_state_write());
            }
        }
        self.forget_deleted_topics(&mut effects);
        self.broadcast_state(now, true, &mut effects);
        effects
    }

    /// Drops every figure and pending tap of topics no longer in the agenda, so
    /// nothing is ever written for them (their rows are gone with them).
    fn forget_deleted_topics(&mut self, effects: &mut Vec<Effect<R>>) {
        let layout = &self.layout;
        self.counts.retain(|topic, _| layout.contains(*topic));
        self.stats.retain(|topic, _| layout.contains(*topic));
        for topics in self.tapped.values_mut() {
            topics.retain(|topic| layout.contains(*topic));
        }
        let gone: Vec<(i64, DeviceId)> = self
            .pending
            .keys()
            .filter(|(topic, _)| !layout.contains(*topic))
            .cloned()
            .collect();
        for (topic, device) in gone {
            // The writer drops these too (their topic row is gone); answer now.
            effects.extend(self.tap_written(topic, device, Outcome::Dropped));
        }
    }

    /// A tick of the clock: each role gets the counts it shows if they changed
    /// (phones at most once per [`counts_interval_ms`]); changed figures are saved.
    pub fn tick(&mut self, now: i64) -> Vec<Effect<R>> {
        let mut effects = Vec::new();
        for role in LIVE_ROLES {
            let i = slot(role);
            let key = self.counts_key(role);
            if key == self.last_counts[i]
                || now.saturating_sub(self.counts_sent_at[i]) < counts_interval_ms(role)
            {
                continue;
            }
            self.last_counts[i] = key;
            self.counts_sent_at[i] = now;
            let seq = self.next_seq(role);
            effects.push(Effect::Broadcast(role, Broadcast::Counts { seq }));
        }
        if self.stats_dirty {
            self.stats_dirty = false;
            if let Some(id) = self.live.current_topic_id {
                effects.extend(self.stat_write(id));
            }
        }
        effects
    }

    /// The room is closing (not for a deletion): save every topic's figures.
    pub fn close(&mut self) -> Vec<Effect<R>> {
        let ids: Vec<i64> = self.stats.keys().copied().collect();
        ids.into_iter()
            .filter_map(|id| self.stat_write(id))
            .collect()
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

    fn stat_write(&self, topic_id: i64) -> Option<Effect<R>> {
        self.stats.get(&topic_id).map(|stat| {
            Effect::Write(WriteOp::TopicStat {
                gathering_id: self.gathering.id,
                stat: stat.clone(),
            })
        })
    }

    fn live_state_write(&self) -> Effect<R> {
        Effect::Write(WriteOp::LiveState {
            gathering_id: self.gathering.id,
            record: self.live.clone(),
        })
    }

    /// The live state to every role. A phone's `state` carries its counts, so
    /// they need no `counts` frame of their own after a topic change.
    fn broadcast_state(&mut self, now: i64, with_agenda: bool, effects: &mut Vec<Effect<R>>) {
        for role in LIVE_ROLES {
            let seq = self.next_seq(role);
            effects.push(Effect::Broadcast(
                role,
                Broadcast::State {
                    seq,
                    now,
                    with_agenda,
                },
            ));
        }
        self.last_counts[slot(Role::Attendee)] = self.counts_key(Role::Attendee);
    }

    /// A facilitator's command, applied to this room's own state (one
    /// instance; with several, see [`super::commands::plan`] in the store's
    /// transaction and [`RoomState::apply_stored`]). Answers whether it
    /// started, ended or reopened the gathering.
    pub fn control(
        &mut self,
        control: Control,
        now: i64,
    ) -> (Result<Option<Milestone>, ControlError>, Vec<Effect<R>>) {
        let mut effects = Vec::new();
        let change = match plan(
            &self.layout.topic_ids(),
            &self.live,
            control,
            now,
            self.here(),
        ) {
            Ok(Some(change)) => change,
            Ok(None) => return (Ok(None), effects),
            Err(refused) => return (Err(refused), effects),
        };
        if let Some((id, shown_ms)) = change.left {
            self.stat_mut(id).shown_ms += shown_ms;
            effects.extend(self.stat_write(id));
        }
        if let Some((id, at, here)) = change.shown {
            let stat = self.stat_mut(id);
            stat.first_shown_at.get_or_insert(at);
            stat.peak_attendees = stat.peak_attendees.max(here);
            effects.extend(self.stat_write(id));
        }
        let seq = self.live.seq + 1;
        self.live = LiveRecord { seq, ..change.live };
        effects.push(self.live_state_write());
        self.broadcast_state(now, false, &mut effects);
        (Ok(change.milestone), effects)
    }

    fn stat_mut(&mut self, topic_id: i64) -> &mut TopicStat {
        self.stats.entry(topic_id).or_insert_with(|| TopicStat {
            topic_id,
            ..Default::default()
        })
    }

    /// The live state and figures as stored, changed by a command on any
    /// instance sharing the database: shown if newer than what this room has.
    pub fn apply_stored(
        &mut self,
        mut live: LiveRecord,
        stats: Vec<TopicStat>,
        now: i64,
    ) -> Vec<Effect<R>> {
        let mut effects = Vec::new();
        if live.seq <= self.live.seq {
            return effects;
        }
        if live
            .current_topic_id
            .is_some_and(|id| !self.layout.contains(id))
        {
            live.current_topic_id = None;
        }
        self.live = live;
        for stored in stats {
            if !self.layout.contains(stored.topic_id) {
                continue;
            }
            // Peaks seen here and not yet written are kept.
            let peak = self
                .stats
                .get(&stored.topic_id)
                .map_or(0, |s| s.peak_attendees);
            let stat = self.stat_mut(stored.topic_id);
            *stat = TopicStat {
                peak_attendees: stored.peak_attendees.max(peak),
                ..stored
            };
        }
        self.note_peak();
        self.broadcast_state(now, false, &mut effects);
        effects
    }

    /// How many taps this room has counted from its own commits so far.
    pub fn counted_here(&self) -> u64 {
        self.counted_here
    }

    /// Every instance's committed taps per topic, as stored, read when this
    /// room had counted `counted_then` of its own. A read with no own commit
    /// since it began is the truth and replaces the counts (which corrects a
    /// retried tap counted by two instances). A read that began before some
    /// of this room's own commits may be older than they are: it must not
    /// lower a count (the projector would show 12, then 11, then 12 again),
    /// so each topic keeps the larger. Answers whether it was the truth; if
    /// not, the caller reads again.
    pub fn set_counts(&mut self, counts: HashMap<i64, i64>, counted_then: u64) -> bool {
        let layout = &self.layout;
        let counts = counts
            .into_iter()
            .filter(|(topic, _)| layout.contains(*topic));
        if counted_then == self.counted_here {
            self.counts = counts.collect();
            return true;
        }
        for (topic, stored) in counts {
            let count = self.counts.entry(topic).or_insert(0);
            *count = (*count).max(stored);
        }
        false
    }

    /// The phones the other instances sharing the database hold.
    pub fn set_others_here(&mut self, phones: i64) {
        self.others_here = phones.max(0);
        self.note_peak();
    }

    /// The agenda's topic ids in order.
    pub fn topic_ids(&self) -> Vec<i64> {
        self.layout.topic_ids()
    }

    /// The phones connected to this instance.
    pub fn here_locally(&self) -> i64 {
        self.present.len() as i64
    }

    /// The live state's `seq` as this room last applied it.
    pub fn live_seq(&self) -> i64 {
        self.live.seq
    }

    /// "I'm praying" from `device`, to be answered on `reply`.
    pub fn tap(
        &mut self,
        device: DeviceId,
        topic: i64,
        op: String,
        reply: R,
        now: i64,
    ) -> Vec<Effect<R>> {
        let refuse = |code, message: &str, op: &str, reply| {
            vec![Effect::Answer(
                reply,
                Box::new(ServerMessage::tap_error(code, message, op)),
            )]
        };
        if !self.layout.contains(topic) {
            return refuse(
                ErrorCode::UnknownTopic,
                "That topic is not in this gathering.",
                &op,
                reply,
            );
        }
        let shown = self.live.current_topic_id == Some(topic)
            || self
                .stats
                .get(&topic)
                .is_some_and(|s| s.first_shown_at.is_some());
        if !shown {
            return refuse(
                ErrorCode::NotLive,
                "That topic has not been shown yet.",
                &op,
                reply,
            );
        }
        if self
            .tapped
            .get(&device)
            .is_some_and(|topics| topics.contains(&topic))
        {
            let ack = ServerMessage::Ack {
                op,
                topic,
                counted: true,
            };
            return vec![Effect::Answer(reply, Box::new(ack))];
        }
        let key = (topic, device.clone());
        if let Some(waiters) = self.pending.get_mut(&key) {
            waiters.push((op, reply));
            return Vec::new();
        }
        let write = WriteOp::Tap {
            gathering_id: self.gathering.id,
            topic_id: topic,
            device_id: device.clone(),
            op_id: op.clone(),
            at: now,
        };
        self.pending.insert(key, vec![(op, reply)]);
        vec![Effect::WriteTap {
            op: write,
            topic,
            device,
        }]
    }

    /// The writer could not take a tap: its waiters are told to send it again.
    pub fn tap_not_queued(&mut self, topic: i64, device: DeviceId) -> Vec<Effect<R>> {
        let waiters = self.pending.remove(&(topic, device)).unwrap_or_default();
        waiters
            .into_iter()
            .map(|(op, reply)| {
                Effect::Answer(
                    reply,
                    Box::new(ServerMessage::tap_error(
                        ErrorCode::Busy,
                        "The server is very busy; your tap will be sent again shortly.",
                        &op,
                    )),
                )
            })
            .collect()
    }

    /// The writer's word on a tap: counted and acknowledged once committed.
    pub fn tap_written(
        &mut self,
        topic: i64,
        device: DeviceId,
        outcome: Outcome,
    ) -> Vec<Effect<R>> {
        let Some(waiters) = self.pending.remove(&(topic, device.clone())) else {
            // Answered already (its topic was deleted before the writer's word came).
            return Vec::new();
        };
        if outcome == Outcome::Dropped {
            return waiters
                .into_iter()
                .map(|(op, reply)| {
                    Effect::Answer(
                        reply,
                        Box::new(ServerMessage::tap_error(
                            ErrorCode::UnknownTopic,
                            "That topic was removed from the agenda.",
                            &op,
                        )),
                    )
                })
                .collect();
        }
        let topics = self.tapped.entry(device).or_default();
        if !topics.contains(&topic) {
            topics.push(topic);
            *self.counts.entry(topic).or_insert(0) += 1;
            self.counted_here += 1;
        }
        waiters
            .into_iter()
            .map(|(op, reply)| {
                let ack = ServerMessage::Ack {
                    op,
                    topic,
                    counted: true,
                };
                Effect::Answer(reply, Box::new(ack))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    //! The rules, checked with no runtime, socket or database: replies are
    //! plain numbers and the clock is whatever the test says.

    use super::*;
    use crate::domain::TopicKind;
    use crate::store::{StoredSection, StoredTopic};

    fn topic(id: i64) -> StoredTopic {
        StoredTopic {
            id,
            section_id: 1,
            title: format!("Topic {id}"),
            scripture: None,
            body: "Pray.".into(),
            kind: TopicKind::Pray,
            planned_minutes: 3,
            notes: String::new(),
            sensitive: false,
            safe_summary: String::new(),
            translations: Default::default(),
        }
    }

    fn agenda(topics: &[i64]) -> StoredAgenda {
        StoredAgenda {
            gathering: Gathering {
                id: 7,
                code: "K7HQ2M".into(),
                title: "Friday prayer".into(),
                scripture: None,
                status: "draft".into(),
                closing_message: String::new(),
                introduction: String::new(),
                language: "en".into(),
                projector_languages: String::new(),
            },
            sections: vec![StoredSection {
                id: 1,
                title: "Regional Focus".into(),
                description: String::new(),
                topics: topics.iter().map(|&id| topic(id)).collect(),
                translations: Default::default(),
            }],
            translations: Default::default(),
        }
    }

    fn room(topics: &[i64]) -> RoomState<u32> {
        let seed = RoomSeed {
            agenda: agenda(topics),
            live: LiveRecord::default(),
            stats: Vec::new(),
            taps: Vec::new(),
        };
        RoomState::new(seed, Arc::from("epoch"))
    }

    fn device(name: &str) -> DeviceId {
        Arc::from(name)
    }

    /// The answers in `effects`, as (reply, type, code).
    fn answers(effects: &[Effect<u32>]) -> Vec<(u32, String)> {
        effects
            .iter()
            .filter_map(|effect| match effect {
                Effect::Answer(reply, message) => {
                    let json: serde_json::Value = serde_json::from_str(&message.encode()).unwrap();
                    let kind = json["code"].as_str().unwrap_or("ack").to_string();
                    Some((*reply, kind))
                }
                _ => None,
            })
            .collect()
    }

    /// The frames in `effects`, with the role each is for.
    fn broadcasts(effects: &[Effect<u32>]) -> Vec<(Role, Broadcast)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Broadcast(role, b) => Some((*role, *b)),
                _ => None,
            })
            .collect()
    }

    /// The roles a tick sends `counts` to.
    fn counts_to(effects: &[Effect<u32>]) -> Vec<Role> {
        broadcasts(effects)
            .into_iter()
            .filter(|(_, b)| matches!(b, Broadcast::Counts { .. }))
            .map(|(role, _)| role)
            .collect()
    }

    /// A committed tap from a new phone on the current topic.
    fn committed_tap(room: &mut RoomState<u32>, name: &str, now: i64) {
        let topic = room.live.current_topic_id.unwrap();
        room.tap(device(name), topic, name.into(), 1, now);
        room.tap_written(topic, device(name), Outcome::Committed);
    }

    fn tap_writes(effects: &[Effect<u32>]) -> usize {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::WriteTap { .. }))
            .count()
    }

    #[test]
    fn next_shows_the_first_topic_saves_it_and_broadcasts_once() {
        let mut room = room(&[10, 11]);
        let (result, effects) = room.control(Control::Next, 1_000);
        assert_eq!(
            result,
            Ok(Some(Milestone::Started)),
            "the first topic starts it"
        );
        assert_eq!(room.live.current_topic_id, Some(10));
        assert!(effects.iter().any(|e| matches!(
            e,
            Effect::Write(WriteOp::LiveState { record, .. }) if record.current_topic_id == Some(10)
        )));
        let state = Broadcast::State {
            seq: 1,
            now: 1_000,
            with_agenda: false,
        };
        assert_eq!(
            broadcasts(&effects),
            vec![
                (Role::Attendee, state),
                (Role::Projector, state),
                (Role::Console, state)
            ]
        );
    }

    #[test]
    fn a_tap_counts_once_and_only_after_its_commit() {
        let mut room = room(&[10, 11]);
        let phone = device("phone");
        let effects = room.tap(phone.clone(), 10, "a".into(), 1, 5);
        assert_eq!(answers(&effects), vec![(1, "not_live".into())]);

        room.control(Control::Next, 10).0.unwrap();
        let effects = room.tap(phone.clone(), 10, "b".into(), 1, 20);
        assert_eq!(tap_writes(&effects), 1);
        assert!(answers(&effects).is_empty(), "no ack before the commit");
        // The same tap again while the first waits: no second write.
        let effects = room.tap(phone.clone(), 10, "c".into(), 2, 21);
        assert_eq!(tap_writes(&effects), 0);
        assert_eq!(room.counts_view(Role::Console).praying, 0);

        let effects = room.tap_written(10, phone.clone(), Outcome::Committed);
        assert_eq!(
            answers(&effects),
            vec![(1, "ack".into()), (2, "ack".into())]
        );
        assert_eq!(room.counts_view(Role::Console).praying, 1);
        // Once counted, a retry is acknowledged at once and written no more.
        let effects = room.tap(phone, 10, "d".into(), 3, 30);
        assert_eq!(answers(&effects), vec![(3, "ack".into())]);
        assert_eq!(tap_writes(&effects), 0);
        assert_eq!(room.counts_view(Role::Console).praying, 1);
    }

    #[test]
    fn a_stale_read_of_the_counts_never_lowers_a_count_committed_here() {
        let mut room = room(&[10, 11]);
        room.control(Control::Next, 0).0.unwrap();
        // A read of the stored counts starts after one tap is counted here...
        committed_tap(&mut room, "a", 1);
        let read_from = room.counted_here();
        committed_tap(&mut room, "b", 2);
        assert_eq!(room.counts.get(&10), Some(&2));
        // ...and answers after the second: it must not take it back, and
        // it says the counts must be read again.
        assert!(!room.set_counts(HashMap::from([(10, 1)]), read_from));
        assert_eq!(room.counts.get(&10), Some(&2));
        // A read with no commit here since it began is the truth, lower or
        // higher (a retried tap counted by two instances is corrected); a
        // topic that is not in the agenda is not counted.
        let now = room.counted_here();
        assert!(room.set_counts(HashMap::from([(10, 1), (11, 4), (99, 3)]), now));
        assert_eq!(room.counts.get(&10), Some(&1));
        assert_eq!(room.counts.get(&11), Some(&4));
        assert_eq!(room.counts.get(&99), None);
    }

    #[test]
    fn a_dropped_tap_is_answered_and_not_counted() {
        let mut room = room(&[10]);
        room.control(Control::Next, 10).0.unwrap();
        let phone = device("phone");
        room.tap(phone.clone(), 10, "a".into(), 1, 20);
        let effects = room.tap_written(10, phone, Outcome::Dropped);
        assert_eq!(answers(&effects), vec![(1, "unknown_topic".into())]);
        assert_eq!(room.counts_view(Role::Console).praying, 0);
        assert!(!room.has_pending_taps());
    }

    #[test]
    fn deleting_the_topic_on_screen_forgets_it_entirely() {
        let mut room = room(&[10, 11]);
        room.control(Control::Next, 10).0.unwrap();
        let phone = device("phone");
        room.tap(phone.clone(), 10, "a".into(), 1, 20);

        let effects = room.reload(&agenda(&[11]), 30);
        assert_eq!(answers(&effects), vec![(1, "unknown_topic".into())]);
        assert_eq!(room.phase(), Phase::Waiting);
        assert!(!room.has_pending_taps());
        assert!(effects.iter().any(|e| matches!(
            e,
            Effect::Write(WriteOp::LiveState { record, .. }) if record.current_topic_id.is_none()
        )));
        // The writer's late word on that tap changes nothing.
        assert!(room.tap_written(10, phone, Outcome::Committed).is_empty());
        // Closing writes nothing for the deleted topic.
        let writes_for_deleted = room
            .close()
            .iter()
            .filter(|e| matches!(e, Effect::Write(WriteOp::TopicStat { stat, .. }) if stat.topic_id == 10))
            .count();
        assert_eq!(writes_for_deleted, 0);
    }

    #[test]
    fn counts_go_out_on_a_tick_only_when_they_changed() {
        let mut room = room(&[10]);
        assert!(room.tick(0).is_empty(), "nothing changed since the start");
        room.control(Control::Next, 10).0.unwrap();
        // Phones had the new topic's count in their `state`; the projector
        // and console get theirs at the next tick.
        assert_eq!(counts_to(&room.tick(20)), [Role::Projector, Role::Console]);
        assert!(room.tick(270).is_empty(), "nothing changed");
        committed_tap(&mut room, "phone", 300);
        assert_eq!(
            counts_to(&room.tick(520)),
            [Role::Attendee, Role::Projector, Role::Console]
        );
        assert!(room.tick(770).is_empty());
    }

    #[test]
    fn an_arrival_costs_phones_no_frame() {
        let mut room = room(&[10]);
        room.control(Control::Next, 10).0.unwrap();
        room.tick(20);
        for n in 0..100 {
            room.join(Role::Attendee, Some(&device(&format!("phone {n}"))), 30 + n);
        }
        // `here` changed: the projector and console show it, phones do not.
        assert_eq!(
            counts_to(&room.tick(2_000)),
            [Role::Projector, Role::Console]
        );
        room.leave(Role::Attendee, Some(&device("phone 0")));
        assert_eq!(
            counts_to(&room.tick(2_250)),
            [Role::Projector, Role::Console]
        );
        let phone: serde_json::Value = serde_json::from_str(
            &room
                .message(Broadcast::Counts { seq: 1 }, Role::Attendee, "en")
                .encode(),
        )
        .unwrap();
        assert!(phone["counts"].get("here").is_none(), "{phone}");
        let projector: serde_json::Value = serde_json::from_str(
            &room
                .message(Broadcast::Counts { seq: 1 }, Role::Projector, "")
                .encode(),
        )
        .unwrap();
        assert_eq!(projector["counts"]["here"], 99);
    }

    #[test]
    fn phones_get_counts_at_most_once_a_second_the_others_at_every_tick() {
        let mut room = room(&[10]);
        room.control(Control::Next, 0).0.unwrap();
        room.tick(0);
        let mut to_phones = Vec::new();
        let mut to_console = 0;
        // A tap committed every 100 ms for 5 s, a tick every 250 ms.
        for step in 0..50 {
            let now = 1_000 + step * 100;
            committed_tap(&mut room, &format!("phone {step}"), now);
            if step % 5 == 4 {
                let effects = room.tick(now);
                let roles = counts_to(&effects);
                if roles.contains(&Role::Attendee) {
                    to_phones.push(now);
                }
                to_console += roles.contains(&Role::Console) as usize;
            }
        }
        assert_eq!(to_console, 10, "every tick, as the count changed at each");
        assert!(to_phones.len() <= 5, "{to_phones:?}");
        assert!(to_phones.windows(2).all(|w| w[1] - w[0] >= 1_000));
        // The last change still reaches phones once a second has passed.
        let effects = room.tick(7_000);
        assert_eq!(counts_to(&effects), [Role::Attendee]);
        assert_eq!(room.counts_view(Role::Attendee).praying, 50);
    }

    #[test]
    fn each_role_numbers_its_own_frames_and_a_topic_change_is_one_frame_for_phones() {
        let mut room = room(&[10, 11]);
        room.control(Control::Next, 0).0.unwrap();
        room.tick(0);
        room.join(Role::Attendee, Some(&device("phone")), 10);
        room.tick(250);
        let (_, effects) = room.control(Control::Next, 300);
        let to_phones: Vec<_> = broadcasts(&effects)
            .into_iter()
            .filter(|(role, _)| *role == Role::Attendee)
            .collect();
        assert_eq!(to_phones.len(), 1);
        let frame: serde_json::Value =
            serde_json::from_str(&room.message(to_phones[0].1, Role::Attendee, "en").encode())
                .unwrap();
        assert_eq!(frame["counts"]["topic"], 11, "the state carries the counts");
        assert!(!counts_to(&room.tick(2_000)).contains(&Role::Attendee));
        // Phones saw two frames (two states), the console four (two counts between).
        assert_eq!(room.seq(Role::Attendee), 2);
        assert_eq!(room.seq(Role::Console), 5);
        assert_eq!(room.snapshot(Role::Attendee, None, "en", 2_000).seq, 2);
    }

    #[test]
    fn time_on_a_topic_is_the_clock_between_changes() {
        let mut room = room(&[10, 11]);
        room.control(Control::Next, 1_000).0.unwrap();
        room.control(Control::Next, 61_000).0.unwrap();
        assert_eq!(room.stats[&10].shown_ms, 60_000);
        room.control(Control::End, 91_000).0.unwrap();
        assert_eq!(room.stats[&11].shown_ms, 30_000);
        assert_eq!(room.phase(), Phase::Ended);
    }

    /// The agenda with topic 10 in Spanish (and the gathering's title); 11 not.
    fn translated(projector: &str) -> StoredAgenda {
        use crate::domain::{GatheringText, TopicText};
        let mut agenda = agenda(&[10, 11]);
        agenda.gathering.projector_languages = projector.into();
        agenda.translations.insert(
            "es".into(),
            GatheringText {
                title: "Oración del viernes".into(),
                ..GatheringText::default()
            },
        );
        agenda.sections[0].topics[0].translations.insert(
            "es".into(),
            TopicText {
                title: "Tema 10".into(),
                ..TopicText::default()
            },
        );
        agenda
    }

    fn frame(room: &RoomState<u32>, role: Role, language: &str) -> serde_json::Value {
        let state = Broadcast::State {
            seq: 1,
            now: 0,
            with_agenda: true,
        };
        serde_json::from_str(&room.message(state, role, language).encode()).unwrap()
    }

    #[test]
    fn a_phone_reads_its_language_or_the_main_one_marked() {
        let mut room = room(&[10, 11]);
        room.reload(&translated(""), 0);
        room.control(Control::Next, 0).0.unwrap();
        let es = frame(&room, Role::Attendee, "es");
        assert_eq!(es["live"]["topic"]["title"], "Tema 10");
        assert_eq!(es["gathering"]["title"], "Oración del viernes");
        assert!(es["live"]["topic"].get("fallback").is_none());
        let fr = frame(&room, Role::Attendee, "fr");
        assert_eq!(fr["live"]["topic"]["title"], "Topic 10");
        assert_eq!(fr["live"]["topic"]["language"], "en");
        assert_eq!(fr["live"]["topic"]["fallback"], true);
        let en = frame(&room, Role::Attendee, "en");
        assert!(en["live"]["topic"].get("fallback").is_none());
        room.control(Control::Next, 1).0.unwrap();
        let es = frame(&room, Role::Attendee, "es");
        assert_eq!(es["live"]["topic"]["title"], "Topic 11");
        assert_eq!(es["live"]["topic"]["fallback"], true);
        // The console: the main language, and which translations the topic has.
        room.control(Control::Previous, 2).0.unwrap();
        let console = frame(&room, Role::Console, "");
        assert_eq!(console["live"]["topic"]["title"], "Topic 10");
        assert_eq!(
            console["live"]["topic"]["translations"],
            serde_json::json!(["es"])
        );
    }

    #[test]
    fn a_bilingual_projector_shows_both_languages_and_only_those_it_has() {
        let mut room = room(&[10, 11]);
        room.reload(&translated("en,es"), 0);
        room.control(Control::Next, 0).0.unwrap();
        let projector = frame(&room, Role::Projector, "");
        assert_eq!(projector["live"]["topic"]["title"], "Topic 10");
        assert_eq!(projector["live"]["topic_beside"]["title"], "Tema 10");
        assert_eq!(
            projector["gathering"]["beside"]["title"],
            "Oración del viernes"
        );
        // Spanish first, then a language the gathering does not have: one side.
        room.reload(&translated("es,fr"), 1);
        let projector = frame(&room, Role::Projector, "");
        assert_eq!(projector["live"]["topic"]["title"], "Tema 10");
        assert!(projector["live"].get("topic_beside").is_none());
        // Phones never get the second side.
        assert!(
            frame(&room, Role::Attendee, "es")["live"]
                .get("topic_beside")
                .is_none()
        );
    }

    #[test]
    fn the_projectors_stand_in_for_a_sensitive_story_is_in_each_sides_language() {
        let mut agenda = translated("en,es");
        agenda.sections[0].topics[0].sensitive = true;
        let mut room = room(&[10, 11]);
        room.reload(&agenda, 0);
        room.control(Control::Next, 0).0.unwrap();
        let projector = frame(&room, Role::Projector, "");
        let first = projector["live"]["topic"]["body_html"].as_str().unwrap();
        let beside = projector["live"]["topic_beside"]["body_html"]
            .as_str()
            .unwrap();
        assert!(
            first.contains("Please follow this story on your phone."),
            "{first}"
        );
        assert!(
            beside.contains("Sigue esta historia en tu teléfono."),
            "{beside}"
        );
    }
}
