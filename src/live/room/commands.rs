//! What a facilitator's command does to a gathering's live state, worked out
//! from a live state and the agenda's order alone. One instance works it out
//! from its own copy ([`super::RoomState::control`]); instances sharing a
//! database work it out from the stored row, inside the transaction that
//! puts commands in one order ([`crate::store::Store::change_live`]).

use super::ControlError;
use crate::i18n::Message;
use crate::live::protocol::{Control, ErrorCode};
use crate::store::{LiveChange, LiveRecord, Milestone};

/// The change `control` makes to `live`, where `topics` are the agenda's topic
/// ids in order and `here` the phones connected; `None` when nothing changes
/// (Next on the last topic, Blank while blank). The change says whether it
/// started, ended or reopened the gathering, for the history.
pub fn plan(
    topics: &[i64],
    live: &LiveRecord,
    control: Control,
    now: i64,
    here: i64,
) -> Result<Option<LiveChange>, ControlError> {
    let current = live
        .current_topic_id
        .and_then(|id| topics.iter().position(|&t| t == id));
    let last = topics.len().checked_sub(1);
    let ended = live.ended_at.is_some();
    let mut next = live.clone();
    if ended
        && matches!(
            control,
            Control::Next | Control::Previous | Control::Jump(_)
        )
    {
        return Err(ControlError {
            code: ErrorCode::Ended,
            message: Message::new("control-error-ended"),
        });
    }
    let show = match control {
        Control::Next | Control::Previous if topics.is_empty() => {
            return Err(ControlError {
                code: ErrorCode::UnknownTopic,
                message: Message::new("control-error-no-topics"),
            });
        }
        Control::Next => match current {
            Some(i) if Some(i) == last => return Ok(None),
            Some(i) => Some(i + 1),
            None => Some(0),
        },
        Control::Previous => match current {
            Some(0) | None => return Ok(None),
            Some(i) => Some(i - 1),
        },
        Control::Jump(topic) => match topics.iter().position(|&t| t == topic) {
            Some(i) if current == Some(i) => return Ok(None),
            Some(i) => Some(i),
            None => {
                return Err(ControlError {
                    code: ErrorCode::UnknownTopic,
                    message: Message::new("control-error-unknown-topic").number("topic", topic),
                });
            }
        },
        Control::Blank(on) => {
            if live.blank == on {
                return Ok(None);
            }
            next.blank = on;
            None
        }
        Control::JoinPanel(on) => {
            if live.show_join == on {
                return Ok(None);
            }
            next.show_join = on;
            None
        }
        Control::ShowRequests(on, request) => {
            let request = request.filter(|_| on);
            if live.requests_on == on && live.request_shown == request {
                return Ok(None);
            }
            next.requests_on = on;
            next.request_shown = request;
            None
        }
        Control::End => {
            if ended {
                return Ok(None);
            }
            None
        }
        Control::Reopen => {
            let Some(ended_at) = live.ended_at else {
                return Ok(None);
            };
            // The time ended is left out of the gathering's length, and the
            // topic on screen starts a new stretch (its first showing is kept).
            next.ended_at = None;
            next.paused_ms += (now - ended_at).max(0);
            current
        }
    };
    let leaves = show.is_some() || control == Control::End;
    // The time on the topic being left (if it is still in the agenda); an
    // ended gathering's clock has stopped.
    let left = match (current, live.topic_since) {
        (Some(i), Some(since)) if leaves && !ended => Some((topics[i], (now - since).max(0))),
        _ => None,
    };
    let mut shown = None;
    if let Some(i) = show {
        let id = topics[i];
        next.current_topic_id = Some(id);
        next.topic_since = Some(now);
        next.started_at.get_or_insert(now);
        next.ended_at = None;
        shown = Some((id, now, here));
    }
    if control == Control::End {
        next.started_at.get_or_insert(now);
        next.ended_at = Some(now);
    }
    Ok(Some(LiveChange {
        milestone: Milestone::between(live, &next),
        live: next,
        left,
        shown,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: [i64; 3] = [10, 20, 30];

    fn on(topic: i64, since: i64) -> LiveRecord {
        LiveRecord {
            current_topic_id: Some(topic),
            topic_since: Some(since),
            started_at: Some(0),
            ..Default::default()
        }
    }

    #[test]
    fn next_leaves_one_topic_and_shows_the_following() {
        let change = plan(&TOPICS, &on(10, 1_000), Control::Next, 4_000, 7)
            .unwrap()
            .unwrap();
        assert_eq!(change.left, Some((10, 3_000)));
        assert_eq!(change.shown, Some((20, 4_000, 7)));
        assert_eq!(change.live.current_topic_id, Some(20));
        assert_eq!(change.live.topic_since, Some(4_000));
        assert_eq!(change.live.started_at, Some(0));
    }

    #[test]
    fn the_edges_of_the_agenda_and_repeated_commands_change_nothing() {
        assert_eq!(plan(&TOPICS, &on(30, 0), Control::Next, 1, 0), Ok(None));
        assert_eq!(plan(&TOPICS, &on(10, 0), Control::Previous, 1, 0), Ok(None));
        assert_eq!(plan(&TOPICS, &on(20, 0), Control::Jump(20), 1, 0), Ok(None));
        let blank = LiveRecord {
            blank: true,
            ..on(20, 0)
        };
        assert_eq!(plan(&TOPICS, &blank, Control::Blank(true), 1, 0), Ok(None));
    }

    #[test]
    fn end_stops_the_clock_and_counts_the_last_topic() {
        let change = plan(&TOPICS, &on(20, 500), Control::End, 2_500, 0)
            .unwrap()
            .unwrap();
        assert_eq!(change.left, Some((20, 2_000)));
        assert_eq!(change.shown, None);
        assert_eq!(change.live.ended_at, Some(2_500));
        let ended = change.live;
        assert_eq!(plan(&TOPICS, &ended, Control::End, 3_000, 0), Ok(None));
    }

    #[test]
    fn after_end_moving_is_refused_until_reopen_which_leaves_the_gap_out() {
        let ended = LiveRecord {
            ended_at: Some(5_000),
            ..on(20, 1_000)
        };
        for control in [Control::Next, Control::Previous, Control::Jump(30)] {
            let refused = plan(&TOPICS, &ended, control, 6_000, 0).unwrap_err();
            assert_eq!(refused.code, ErrorCode::Ended, "{control:?}");
        }
        let reopened = plan(&TOPICS, &ended, Control::Reopen, 65_000, 4)
            .unwrap()
            .unwrap();
        assert_eq!(reopened.live.ended_at, None);
        assert_eq!(reopened.live.current_topic_id, Some(20));
        assert_eq!(reopened.live.topic_since, Some(65_000));
        assert_eq!(
            reopened.live.paused_ms, 60_000,
            "the gap is not gathering time"
        );
        assert_eq!(reopened.left, None, "nothing counted while ended");
        assert_eq!(reopened.shown, Some((20, 65_000, 4)));
        // Reopen when not ended changes nothing.
        assert_eq!(plan(&TOPICS, &on(20, 0), Control::Reopen, 1, 0), Ok(None));
    }

    fn milestone(live: &LiveRecord, control: Control) -> Option<Milestone> {
        plan(&TOPICS, live, control, 9_000, 0)
            .unwrap()
            .and_then(|change| change.milestone)
    }

    #[test]
    fn the_first_topic_shown_starts_the_gathering_and_later_ones_do_not() {
        let waiting = LiveRecord::default();
        assert_eq!(milestone(&waiting, Control::Next), Some(Milestone::Started));
        assert_eq!(
            milestone(&waiting, Control::Jump(30)),
            Some(Milestone::Started)
        );
        assert_eq!(milestone(&on(10, 0), Control::Next), None);
        assert_eq!(milestone(&on(20, 0), Control::Previous), None);
        assert_eq!(milestone(&waiting, Control::Blank(true)), None);
        assert_eq!(milestone(&on(10, 0), Control::JoinPanel(true)), None);
    }

    #[test]
    fn end_and_reopen_are_milestones_once() {
        let ended = LiveRecord {
            ended_at: Some(5_000),
            ..on(20, 1_000)
        };
        assert_eq!(milestone(&on(20, 0), Control::End), Some(Milestone::Ended));
        assert_eq!(milestone(&ended, Control::End), None, "already ended");
        assert_eq!(
            milestone(&ended, Control::Reopen),
            Some(Milestone::Reopened)
        );
        assert_eq!(milestone(&on(20, 0), Control::Reopen), None, "not ended");
        // Ending a gathering never started is its end, not its start.
        assert_eq!(
            milestone(&LiveRecord::default(), Control::End),
            Some(Milestone::Ended)
        );
    }

    #[test]
    fn unknown_topics_and_empty_agendas_are_refused() {
        let refused = plan(&TOPICS, &on(10, 0), Control::Jump(99), 1, 0).unwrap_err();
        assert_eq!(refused.code, ErrorCode::UnknownTopic);
        let empty = plan(&[], &LiveRecord::default(), Control::Next, 1, 0).unwrap_err();
        assert_eq!(empty.code, ErrorCode::UnknownTopic);
    }

    #[test]
    fn a_current_topic_no_longer_in_the_agenda_starts_again_from_the_first() {
        let change = plan(&TOPICS, &on(99, 0), Control::Next, 5, 0)
            .unwrap()
            .unwrap();
        assert_eq!(change.live.current_topic_id, Some(10));
        assert_eq!(change.left, None, "no figures for a topic that is gone");
    }
}
