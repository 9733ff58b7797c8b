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

/// The words a socket asked for: the translation to show (`None`: the main
/// language) and whether another language than the main one was asked for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted<'a> {
    translation: Option<&'a str>,
    /// A language other than the main one was asked for, of a gathering
    /// that has translations: where one is missing, the words say so. A
    /// gathering never translated shows its words without a note.
    other: bool,
}

impl<R> RoomState<R> {
    /// The frame a broadcast becomes for `role`, in `language` (a phone's
    /// language; empty for the projector and console, whose languages the
    /// gathering decides).
    pub fn message(&self, broadcast: Broadcast, role: Role, language: &str) -> ServerMessage {
        match broadcast {
            Broadcast::State {
                seq,
                now,
                with_agenda,
            } => ServerMessage::State {
                seq,
                now,
                live: self.live_view(role, language),
                counts: (role == Role::Attendee).then(|| self.counts_view(role)),
                agenda: (with_agenda && role == Role::Console).then(|| self.layout.outline.clone()),
                // An edited introduction or closing reaches screens showing it
                // at once; a topic change (the hot path) does not carry it.
                gathering: (with_agenda || self.phase() != Phase::Topic)
                    .then(|| self.gathering_view(role, language)),
            },
            Broadcast::Counts { seq } => ServerMessage::Counts {
                seq,
                counts: self.counts_view(role),
            },
            Broadcast::Requests => ServerMessage::Requests {
                requests: self.public_requests(role).to_vec(),
            },
            Broadcast::RequestCounts => ServerMessage::RequestCounts {
                praying: self.requests.counts(),
            },
            Broadcast::Queue => ServerMessage::Queue {
                queue: self.requests.queue().to_vec(),
            },
        }
    }

    /// Everything `role` may see, for a new socket or a page, in `language`
    /// (see [`RoomState::message`]).
    pub fn snapshot(
        &self,
        role: Role,
        device: Option<&DeviceId>,
        language: &str,
        now: i64,
    ) -> Snapshot {
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
            gathering: self.gathering_view(role, language),
            live: self.live_view(role, language),
            counts: self.counts_view(role),
            tapped,
            agenda: (role == Role::Console).then(|| self.layout.outline.clone()),
            requests: matches!(role, Role::Attendee | Role::Projector)
                .then(|| self.public_requests(role).to_vec()),
            prayed_requests: match (role, device) {
                (Role::Attendee, Some(device)) => self.requests.prayed_by(device),
                _ => Vec::new(),
            },
            queue: matches!(role, Role::Console | Role::Moderator)
                .then(|| self.requests.queue().to_vec()),
        }
    }

    /// The approved requests `role` sees: after the end, phones keep them
    /// only if the facilitator chose so.
    fn public_requests(&self, role: Role) -> &[crate::live::protocol::PublicRequest] {
        match (role, self.phase()) {
            (Role::Attendee, Phase::Ended) => self.requests.after_end(),
            _ => self.requests.public(),
        }
    }

    /// The main language of the gathering.
    fn main_language(&self) -> &str {
        &self.gathering.language
    }

    /// What a socket asking for `language` is shown.
    fn wanted<'a>(&self, language: &'a str) -> Wanted<'a> {
        let other = !language.is_empty()
            && language != self.main_language()
            && self.layout.has_translations();
        Wanted {
            translation: if other {
                self.layout.translation(language)
            } else {
                None
            },
            other,
        }
    }

    /// The one or two languages `role` sees, in order: a phone its own, the
    /// projector the gathering's projector languages, the console the main one.
    fn languages<'a>(&'a self, role: Role, language: &'a str) -> Vec<Wanted<'a>> {
        match role {
            Role::Attendee => vec![self.wanted(language)],
            Role::Projector => {
                // Only languages the gathering has (a translation removed
                // since it was chosen leaves its side out).
                let shown: Vec<Wanted> = self
                    .gathering
                    .projector_languages()
                    .into_iter()
                    .map(|l| self.wanted(l))
                    .filter(|w| !w.other || w.translation.is_some())
                    .collect();
                match shown.is_empty() {
                    true => vec![self.wanted("")],
                    false => shown,
                }
            }
            Role::Console | Role::Moderator => vec![self.wanted("")],
        }
    }

    /// The gathering as every role sees it: the introduction only while
    /// waiting, the closing words only once ended.
    fn gathering_view(&self, role: Role, language: &str) -> GatheringView {
        let mut views = self
            .languages(role, language)
            .into_iter()
            .map(|wanted| self.gathering_words(wanted));
        // unwrap: every role sees at least one language.
        let mut view = views.next().unwrap();
        view.beside = views.next().map(Box::new);
        view
    }

    fn gathering_words(&self, wanted: Wanted) -> GatheringView {
        let phase = self.phase();
        let translated = wanted
            .translation
            .and_then(|l| self.layout.gathering_texts.get(l));
        let (title, introduction, closing) = match translated {
            Some(t) => (&t.title, &t.introduction, &t.closing),
            None => (
                &self.gathering.title,
                &self.gathering.introduction,
                &self.gathering.closing_message,
            ),
        };
        GatheringView {
            code: self.gathering.code.clone(),
            title: title.clone(),
            introduction: match phase {
                Phase::Waiting => introduction.clone(),
                _ => String::new(),
            },
            closing: match phase {
                Phase::Ended => closing.clone(),
                _ => String::new(),
            },
            language: wanted
                .translation
                .unwrap_or(self.main_language())
                .to_string(),
            beside: None,
        }
    }

    fn topic_frame(&self, entry: &Entry, role: Role, wanted: Wanted) -> TopicFrame {
        let topic = &entry.topic;
        let (text, missing) = entry.text(wanted.translation);
        let body_html = match role {
            Role::Projector => text.projector_html.clone(),
            _ => text.body_html.clone(),
        };
        let language = match (wanted.translation, missing) {
            (Some(language), false) => language,
            _ => self.main_language(),
        };
        TopicFrame {
            id: topic.id,
            number: entry.number,
            total: self.layout.entries.len(),
            section: text.section.clone(),
            section_description: text.section_description.clone(),
            title: text.title.clone(),
            kind: topic.kind.as_str().to_string(),
            scripture: text.scripture.clone(),
            body_html,
            planned_minutes: topic.planned_minutes,
            sensitive: topic.sensitive,
            language: language.to_string(),
            fallback: wanted.other && (wanted.translation.is_none() || missing),
            scripture_language: (!missing && text.scripture_original)
                .then(|| self.main_language().to_string()),
            translations: match role {
                Role::Console => entry.languages(),
                _ => Vec::new(),
            },
        }
    }

    fn live_view(&self, role: Role, language: &str) -> LiveView {
        let phase = self.phase();
        let index = self.current_index();
        let entries = &self.layout.entries;
        let mut wanted = self.languages(role, language).into_iter();
        // unwrap: every role sees at least one language.
        let first = wanted.next().unwrap();
        let second = wanted.next();
        let (topic, topic_beside) = match (phase, index) {
            (Phase::Topic, Some(i)) => (
                Some(self.topic_frame(&entries[i], role, first)),
                second.map(|w| self.topic_frame(&entries[i], role, w)),
            ),
            _ => (None, None),
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
                    section: e.main.section.clone(),
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
            requests_on: self.live.requests_on,
            request_shown: self.live.request_shown,
            started_at: self.live.started_at,
            ended_at: self.live.ended_at,
            paused_ms: self.live.paused_ms,
            since: self.live.topic_since,
            topic,
            topic_beside,
            next,
            notes,
            covered: self.covered(first),
            keep_praying: (role == Role::Attendee && phase == Phase::Ended)
                .then(|| self.keep_praying(first)),
        }
    }

    /// Every topic with its full text, for the phones' page after the end,
    /// in the phone's language where translated.
    fn keep_praying(&self, wanted: Wanted) -> KeepPraying {
        let closing = match wanted
            .translation
            .and_then(|l| self.layout.gathering_texts.get(l))
        {
            Some(t) => t.closing.clone(),
            None => self.gathering.closing_message.clone(),
        };
        KeepPraying {
            message: closing,
            topics: self
                .layout
                .entries
                .iter()
                .map(|e| {
                    let (text, missing) = e.text(wanted.translation);
                    KeepTopic {
                        id: e.topic.id,
                        number: e.number,
                        section: text.section.clone(),
                        title: text.title.clone(),
                        scripture: text.scripture.clone(),
                        body_html: text.body_html.clone(),
                        sensitive: e.topic.sensitive,
                        fallback: wanted.other && (wanted.translation.is_none() || missing),
                        language: match (wanted.translation, missing) {
                            (Some(language), false) => language,
                            _ => self.main_language(),
                        }
                        .to_string(),
                    }
                })
                .collect(),
        }
    }

    /// Topics shown at some point (or on screen now), in agenda order.
    fn covered(&self, wanted: Wanted) -> Vec<CoveredTopic> {
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
                title: e.text(wanted.translation).0.title.clone(),
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
