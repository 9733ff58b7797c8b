//! What each role sees of a room's state: the snapshot a socket gets on
//! connecting, and the frames broadcast to every socket of a role. Phones,
//! projector and console each get only what they show (the console alone gets
//! the outline, the notes, the next topic and per-topic counts).

use super::layout::Entry;
use super::state::{Broadcast, DeviceId, RoomState};
use crate::live::protocol::{
    CountsView, CoveredTopic, GatheringView, KeepPraying, KeepTopic, LiveView, NextPreview,
    PROTOCOL_VERSION, Phase, Role, ServerMessage, Snapshot, TopicFrame,
};
use std::collections::BTreeMap;

impl<R> RoomState<R> {
    /// The frame a broadcast becomes for `role`.
    pub fn message(&self, broadcast: Broadcast, role: Role) -> ServerMessage {
        match broadcast {
            Broadcast::State {
                seq,
                now,
                with_agenda,
            } => ServerMessage::State {
                seq,
                now,
                live: self.live_view(role),
                counts: (role == Role::Attendee).then(|| self.counts_view(role)),
                agenda: (with_agenda && role == Role::Console).then(|| self.layout.outline.clone()),
                // An edited introduction or closing reaches screens showing it
                // at once; a topic change (the hot path) does not carry it.
                gathering: (with_agenda || self.phase() != Phase::Topic)
                    .then(|| self.gathering_view()),
            },
            Broadcast::Counts { seq } => ServerMessage::Counts {
                seq,
                counts: self.counts_view(role),
            },
        }
    }

    /// Everything `role` may see, for a new socket or a page.
    pub fn snapshot(&self, role: Role, device: Option<&DeviceId>, now: i64) -> Snapshot {
        let tapped = match (role, device) {
            (Role::Attendee, Some(device)) => self.tapped.get(device).cloned().unwrap_or_default(),
            _ => Vec::new(),
        };
        Snapshot {
            protocol: PROTOCOL_VERSION,
            epoch: self.epoch.to_string(),
            seq: self.seq(role),
            now,
            role,
            gathering: self.gathering_view(),
            live: self.live_view(role),
            counts: self.counts_view(role),
            tapped,
            agenda: (role == Role::Console).then(|| self.layout.outline.clone()),
        }
    }

    /// The gathering as every role sees it: the introduction only while
    /// waiting, the closing words only once ended.
    fn gathering_view(&self) -> GatheringView {
        let phase = self.phase();
        GatheringView {
            code: self.gathering.code.clone(),
            title: self.gathering.title.clone(),
            introduction: match phase {
                Phase::Waiting => self.gathering.introduction.clone(),
                _ => String::new(),
            },
            closing: match phase {
                Phase::Ended => self.gathering.closing_message.clone(),
                _ => String::new(),
            },
        }
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
            total: self.layout.entries.len(),
            section: entry.section.clone(),
            section_description: entry.section_description.clone(),
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
        let entries = &self.layout.entries;
        let topic = match (phase, index) {
            (Phase::Topic, Some(i)) => Some(self.topic_frame(&entries[i], role)),
            _ => None,
        };
        let (next, notes) = if role == Role::Console {
            let next_index = match (phase, index) {
                (Phase::Waiting, _) => Some(0),
                (Phase::Topic, Some(i)) => Some(i + 1),
                _ => None,
            };
            let next = next_index
                .and_then(|i| entries.get(i))
                .map(|e| NextPreview {
                    id: e.topic.id,
                    number: e.number,
                    title: e.topic.title.clone(),
                    section: e.section.clone(),
                });
            let notes = topic
                .as_ref()
                .and(index)
                .map(|i| entries[i].topic.notes.clone());
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
            paused_ms: self.live.paused_ms,
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
                .layout
                .entries
                .iter()
                .map(|e| KeepTopic {
                    id: e.topic.id,
                    number: e.number,
                    section: e.section.clone(),
                    title: e.topic.title.clone(),
                    scripture: e.topic.scripture.clone(),
                    body_html: e.body_html.clone(),
                    sensitive: e.topic.sensitive,
                })
                .collect(),
        }
    }

    /// Topics shown at some point (or on screen now), in agenda order.
    fn covered(&self) -> Vec<CoveredTopic> {
        self.layout
            .entries
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

    pub(super) fn counts_view(&self, role: Role) -> CountsView {
        let topic = match self.phase() {
            Phase::Topic => self.live.current_topic_id,
            _ => None,
        };
        CountsView {
            topic,
            praying: topic
                .and_then(|t| self.counts.get(&t).copied())
                .unwrap_or(0),
            here: (role != Role::Attendee).then(|| self.here()),
            per_topic: (role == Role::Console).then(|| {
                self.counts
                    .iter()
                    .map(|(topic, count)| (*topic, *count))
                    .collect::<BTreeMap<_, _>>()
            }),
        }
    }
}
