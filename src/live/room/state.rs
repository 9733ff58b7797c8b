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

use super::layout::Layout;
use crate::live::protocol::Control;
use crate::live::protocol::{ErrorCode, Phase, Role, ServerMessage};
use crate::store::writer::{Outcome, WriteOp};
use crate::store::{Gathering, LiveRecord, RoomSeed, StoredAgenda, TopicStat};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A device identity (from the attendee's cookie).
pub type DeviceId = Arc<str>;

/// A refused facilitator command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlError {
    pub code: ErrorCode,
    pub message: String,
}

/// A frame every socket of each role gets, rendered from the state at once.
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
}

/// Something the room task must do.
#[derive(Debug)]
pub enum Effect<R> {
    Broadcast(Broadcast),
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
    /// Taps handed to the writer and not yet committed.
    pending: HashMap<(i64, DeviceId), Waiters<R>>,
    /// Connected attendee sockets per device.
    present: HashMap<DeviceId, usize>,
    /// Devices whose attendance has been written since this room opened.
    attendance_written: HashSet<DeviceId>,
    pub(super) seq: u64,
    counts_dirty: bool,
    stats_dirty: bool,
    last_counts: Option<(Option<i64>, i64, i64, i64)>,
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
        RoomState {
            gathering: seed.agenda.gathering,
            epoch,
            layout,
            live,
            stats: seed.stats.into_iter().map(|s| (s.topic_id, s)).collect(),
            counts,
            tapped,
            pending: HashMap::new(),
            present: HashMap::new(),
            attendance_written: HashSet::new(),
            seq: 0,
            counts_dirty: false,
            stats_dirty: false,
            last_counts: None,
        }
    }

    /// A tap is waiting for its commit (the room must not close yet).
    pub fn has_pending_taps(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn here(&self) -> i64 {
        self.present.len() as i64
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
        self.counts_dirty = true;
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
            self.counts_dirty = true;
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
            effects.push(self.live_state_write());
        }
        self.forget_deleted_topics(&mut effects);
        effects.push(self.broadcast_state(now, true));
        self.counts_dirty = true;
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

    /// A tick of the clock: changed counts go out, changed figures are saved.
    pub fn tick(&mut self) -> Vec<Effect<R>> {
        let mut effects = Vec::new();
        if self.counts_dirty {
            self.counts_dirty = false;
            let view = self.counts_view(Role::Attendee);
            let total: i64 = self.counts.values().sum();
            let now = (view.topic, view.praying, view.here, total);
            if self.last_counts != Some(now) {
                self.last_counts = Some(now);
                self.seq += 1;
                effects.push(Effect::Broadcast(Broadcast::Counts { seq: self.seq }));
            }
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

    fn broadcast_state(&mut self, now: i64, with_agenda: bool) -> Effect<R> {
        self.seq += 1;
        Effect::Broadcast(Broadcast::State {
            seq: self.seq,
            now,
            with_agenda,
        })
    }

    /// Closes the time spent on the current topic.
    fn leave_current_topic(&mut self, now: i64, effects: &mut Vec<Effect<R>>) {
        if let (Some(id), Some(since)) = (self.live.current_topic_id, self.live.topic_since)
            && self.live.ended_at.is_none()
        {
            let stat = self.stats.entry(id).or_insert_with(|| TopicStat {
                topic_id: id,
                ..Default::default()
            });
            stat.shown_ms += (now - since).max(0);
            effects.extend(self.stat_write(id));
        }
    }

    fn show_topic(&mut self, index: usize, now: i64, effects: &mut Vec<Effect<R>>) {
        self.leave_current_topic(now, effects);
        let id = self.layout.entries[index].topic.id;
        self.live.current_topic_id = Some(id);
        self.live.topic_since = Some(now);
        self.live.started_at.get_or_insert(now);
        self.live.ended_at = None;
        let here = self.here();
        let stat = self.stats.entry(id).or_insert_with(|| TopicStat {
            topic_id: id,
            ..Default::default()
        });
        stat.first_shown_at.get_or_insert(now);
        stat.peak_attendees = stat.peak_attendees.max(here);
        effects.extend(self.stat_write(id));
    }

    /// A facilitator's command.
    pub fn control(
        &mut self,
        control: Control,
        now: i64,
    ) -> (Result<(), ControlError>, Vec<Effect<R>>) {
        let mut effects = Vec::new();
        let current = self.current_index();
        let last = self.layout.entries.len().checked_sub(1);
        let ended = self.live.ended_at.is_some();
        match control {
            Control::Next | Control::Previous if self.layout.entries.is_empty() => {
                let error = ControlError {
                    code: ErrorCode::UnknownTopic,
                    message: "This agenda has no topics yet.".into(),
                };
                return (Err(error), effects);
            }
            Control::Next => match current {
                Some(i) if ended => self.show_topic(i, now, &mut effects),
                Some(i) if Some(i) == last => return (Ok(()), effects),
                Some(i) => self.show_topic(i + 1, now, &mut effects),
                None => self.show_topic(0, now, &mut effects),
            },
            Control::Previous => match current {
                Some(i) if ended => self.show_topic(i, now, &mut effects),
                Some(0) | None => return (Ok(()), effects),
                Some(i) => self.show_topic(i - 1, now, &mut effects),
            },
            Control::Jump(topic) => match self.layout.index_of.get(&topic) {
                Some(&i) => {
                    if current == Some(i) && !ended {
                        return (Ok(()), effects);
                    }
                    self.show_topic(i, now, &mut effects)
                }
                None => {
                    let error = ControlError {
                        code: ErrorCode::UnknownTopic,
                        message: format!("Topic {topic} is not in this gathering."),
                    };
                    return (Err(error), effects);
                }
            },
            Control::Blank(on) => {
                if self.live.blank == on {
                    return (Ok(()), effects);
                }
                self.live.blank = on;
            }
            Control::JoinPanel(on) => {
                if self.live.show_join == on {
                    return (Ok(()), effects);
                }
                self.live.show_join = on;
            }
            Control::End => {
                if ended {
                    return (Ok(()), effects);
                }
                self.leave_current_topic(now, &mut effects);
                self.live.started_at.get_or_insert(now);
                self.live.ended_at = Some(now);
            }
        }
        effects.push(self.live_state_write());
        effects.push(self.broadcast_state(now, false));
        self.counts_dirty = true;
        (Ok(()), effects)
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
            self.counts_dirty = true;
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
            },
            sections: vec![StoredSection {
                id: 1,
                title: "Regional Focus".into(),
                topics: topics.iter().map(|&id| topic(id)).collect(),
            }],
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
        assert_eq!(result, Ok(()));
        assert_eq!(room.live.current_topic_id, Some(10));
        assert!(effects.iter().any(|e| matches!(
            e,
            Effect::Write(WriteOp::LiveState { record, .. }) if record.current_topic_id == Some(10)
        )));
        let broadcasts: Vec<_> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::Broadcast(b) => Some(*b),
                _ => None,
            })
            .collect();
        assert_eq!(
            broadcasts,
            vec![Broadcast::State {
                seq: 1,
                now: 1_000,
                with_agenda: false
            }]
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
        room.control(Control::Next, 10).0.unwrap();
        assert_eq!(room.tick().len(), 1, "the topic change's counts");
        assert!(room.tick().is_empty(), "nothing changed");
        room.join(Role::Attendee, Some(&device("phone")), 20);
        let effects = room.tick();
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Broadcast(Broadcast::Counts { .. })))
        );
        assert!(room.tick().is_empty());
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
}
