//! What a gathering prayed for: per-topic counts and times, and totals, in the
//! forms a facilitator and an organisation use (page, CSV, JSON, a terminal
//! table, an SVG chart). A report holds counts and times, and which
//! facilitator accounts led the gathering: never a device identity, an
//! address, or anything about one person who prayed.

pub mod chart;
pub mod csv;
pub mod text;

use crate::domain::{JoinCode, MeetingZone};
use crate::i18n::{Message, Tr};
use crate::store::{Gathering, GatheringFigures, Store, now_ms};
use serde::Serialize;

/// Said on the page and carried in every export.
pub const PRIVACY_NOTE: &str = "This report holds counts and times, and the facilitator accounts that led \
the gathering. Intercede never records who prayed: no name, device identity or network address of anyone \
who prayed appears here or in any export.";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub gathering: ReportGathering,
    /// The IANA name of the zone every time is given in ("UTC" while the
    /// gathering has none).
    pub time_zone: String,
    /// Times are RFC 3339 to the second, with the zone's offset.
    pub generated_at: String,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    /// The same two times for people to read.
    #[serde(skip)]
    pub started_readable: Option<String>,
    #[serde(skip)]
    pub ended_readable: Option<String>,
    /// The same two times in milliseconds, for formatting in a reader's language.
    #[serde(skip)]
    pub started_ms: Option<i64>,
    #[serde(skip)]
    pub ended_ms: Option<i64>,
    pub totals: Totals,
    pub topics: Vec<TopicRow>,
    /// Prayer requests from the room: counts only, never their words.
    pub requests: RequestTotals,
    /// Which facilitator accounts started, ended, reopened and edited the
    /// gathering, oldest first (never anything about who prayed).
    pub history: Vec<HistoryRow>,
    pub privacy: &'static str,
}

/// One line of the gathering's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    /// The account's name at the time.
    pub who: String,
    /// "started", "ended", "reopened" or "edited".
    pub action: &'static str,
    /// RFC 3339, like every time in the report; for a run of edits, the last.
    pub at: String,
    #[serde(skip)]
    pub at_ms: i64,
}

impl HistoryRow {
    /// The line in the reader's language: "Ended by Ben on 29 Nov 2026, 20:15 CST".
    pub fn say(&self, t: &Tr, zone: &MeetingZone) -> String {
        let key = match self.action {
            "started" => "report-history-started",
            "ended" => "report-history-ended",
            "reopened" => "report-history-reopened",
            _ => "report-history-edited",
        };
        t.say(
            &Message::new(key)
                .text("who", self.who.clone())
                .text("when", t.date_time(zone, self.at_ms)),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportGathering {
    pub code: String,
    pub title: String,
    pub status: String,
}

/// The report's prayer-request figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RequestTotals {
    pub received: i64,
    pub approved: i64,
    pub hidden: i64,
    /// Sent for the prayer team only.
    pub team_only: i64,
    /// Marked as prayed for by the team.
    pub prayed_for: i64,
    /// "Praying" taps on approved requests, one per phone per request.
    pub prayers: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Distinct phones that joined.
    pub distinct_phones: i64,
    /// The most phones connected at once while a topic was shown.
    pub peak_attendance: i64,
    /// "I'm praying" taps over all topics (one per phone per topic).
    pub total_taps: i64,
    pub planned_minutes: i64,
    /// From the first topic to the end (or to now while live).
    pub actual_minutes: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicRow {
    pub number: usize,
    pub section: String,
    pub title: String,
    /// "pray" or "praise" (phones tapped "I'm giving thanks" for praise).
    pub kind: String,
    /// Phones that tapped "I'm praying".
    pub praying: i64,
    /// The most phones connected while it was shown.
    pub peak_attendees: i64,
    /// When it was first shown (RFC 3339 with the gathering's offset), if it was.
    pub shown_at: Option<String>,
    /// Minutes from the start of the gathering to when it was first shown.
    pub shown_after_minutes: Option<f64>,
    /// Minutes it was on screen.
    pub shown_minutes: f64,
    pub planned_minutes: i64,
}

fn minutes(ms: i64) -> f64 {
    (ms.max(0) as f64 / 60_000.0 * 10.0).round() / 10.0
}

impl Report {
    /// Builds the report from stored figures, as of `now` (ms).
    pub fn build(
        gathering: &Gathering,
        figures: &GatheringFigures,
        now: i64,
        zone: &MeetingZone,
    ) -> Report {
        let timestamp = |ms: i64| zone.rfc3339(ms);
        let topics: Vec<TopicRow> = figures
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| {
                // The topic on screen now has been shown since `since`, on top of earlier visits.
                let running = match figures.current_topic {
                    Some((id, since)) if id == t.topic_id => (now - since).max(0),
                    _ => 0,
                };
                TopicRow {
                    number: i + 1,
                    section: t.section.clone(),
                    title: t.title.clone(),
                    kind: t.kind.clone(),
                    praying: t.praying,
                    peak_attendees: t.peak_attendees,
                    shown_at: t.first_shown_at.map(timestamp),
                    shown_after_minutes: match (t.first_shown_at, figures.started_at) {
                        (Some(shown), Some(start)) => Some(minutes(shown - start)),
                        _ => None,
                    },
                    shown_minutes: minutes(t.shown_ms + running),
                    planned_minutes: t.planned_minutes,
                }
            })
            .collect();
        let actual_minutes = figures
            .started_at
            .map(|start| minutes(figures.ended_at.unwrap_or(now) - start - figures.paused_ms));
        Report {
            gathering: ReportGathering {
                code: gathering.code.clone(),
                title: gathering.title.clone(),
                status: gathering.status.clone(),
            },
            time_zone: zone.name().to_string(),
            generated_at: timestamp(now),
            started_at: figures.started_at.map(timestamp),
            ended_at: figures.ended_at.map(timestamp),
            started_readable: figures.started_at.map(|ms| zone.readable(ms)),
            ended_readable: figures.ended_at.map(|ms| zone.readable(ms)),
            started_ms: figures.started_at,
            ended_ms: figures.ended_at,
            totals: Totals {
                distinct_phones: figures.distinct_phones,
                peak_attendance: topics.iter().map(|t| t.peak_attendees).max().unwrap_or(0),
                total_taps: topics.iter().map(|t| t.praying).sum(),
                planned_minutes: topics.iter().map(|t| t.planned_minutes).sum(),
                actual_minutes,
            },
            topics,
            requests: RequestTotals::default(),
            history: Vec::new(),
            privacy: PRIVACY_NOTE,
        }
    }

    /// The report of the gathering with this code, as of now.
    pub async fn load(store: &Store, code: &str) -> Result<Option<Report>, sqlx::Error> {
        let Ok(code) = JoinCode::parse(code) else {
            return Ok(None);
        };
        let Some(gathering) = store.find_gathering(&code).await? else {
            return Ok(None);
        };
        let figures = store.gathering_figures(&gathering).await?;
        let zone = MeetingZone::from_stored(&store.gathering_time_zone(gathering.id).await?);
        let mut report = Report::build(&gathering, &figures, now_ms(), &zone);
        let requests = store.request_figures(gathering.id).await?;
        report.requests = RequestTotals {
            received: requests.received,
            approved: requests.approved,
            hidden: requests.hidden,
            team_only: requests.team_only,
            prayed_for: requests.prayed_for,
            prayers: requests.prayers,
        };
        report.history = (store.history(gathering.id).await?)
            .into_iter()
            .map(|entry| HistoryRow {
                who: entry.who,
                action: entry.action.as_str(),
                at: zone.rfc3339(entry.at),
                at_ms: entry.at,
            })
            .collect();
        Ok(Some(report))
    }

    pub fn to_json(&self) -> String {
        // unwrap: the report holds only strings, numbers and options.
        serde_json::to_string_pretty(self).unwrap()
    }
}

/// A gathering with three topics, one on screen, for the format tests.
#[cfg(test)]
pub(crate) fn sample() -> (Gathering, GatheringFigures) {
    use crate::store::TopicFigures;
    let gathering = Gathering {
        id: 1,
        code: "K7HQ2M".into(),
        title: "Evening".into(),
        scripture: None,
        status: "live".into(),
        closing_message: String::new(),
        introduction: String::new(),
        language: "en".into(),
        projector_languages: String::new(),
    };
    let topic = |id: i64, title: &str, praying, peak, shown: Option<i64>, shown_ms| TopicFigures {
        topic_id: id,
        section: "Pray for | Courts".into(),
        title: title.into(),
        kind: if title == "Judges" { "praise" } else { "pray" }.into(),
        planned_minutes: 3,
        praying,
        peak_attendees: peak,
        first_shown_at: shown,
        shown_ms,
    };
    let figures = GatheringFigures {
        topics: vec![
            topic(10, "Judges", 12, 40, Some(1_000_000), 180_000),
            topic(11, "=HYPERLINK(\"x\")", 7, 44, Some(1_200_000), 60_000),
            topic(12, "Not shown", 0, 0, None, 0),
        ],
        distinct_phones: 51,
        started_at: Some(1_000_000),
        ended_at: None,
        paused_ms: 0,
        current_topic: Some((11, 1_200_000)),
    };
    (gathering, figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up_and_the_current_topic_keeps_counting() {
        let (gathering, figures) = sample();
        let report = Report::build(&gathering, &figures, 1_320_000, &MeetingZone::utc());
        assert_eq!(report.totals.total_taps, 19);
        assert_eq!(report.totals.peak_attendance, 44);
        assert_eq!(report.totals.distinct_phones, 51);
        assert_eq!(report.totals.planned_minutes, 9);
        assert_eq!(report.totals.actual_minutes, Some(5.3));
        assert_eq!(
            report.topics[1].shown_minutes, 3.0,
            "1 min before + 2 min running"
        );
        assert_eq!(report.topics[1].shown_after_minutes, Some(3.3));
        assert_eq!(report.topics[2].shown_at, None);
        assert_eq!(
            report.topics[0].shown_at.as_deref(),
            Some("1970-01-01T00:16:40+00:00")
        );
    }

    #[test]
    fn times_are_in_the_gatherings_zone_with_its_offset() {
        let (gathering, mut figures) = sample();
        // 21 Nov 2026, 19:05 in Chicago (01:05 UTC the next day).
        figures.started_at = Some(1_795_309_500_000);
        figures.topics[0].first_shown_at = Some(1_795_309_500_000);
        let zone = MeetingZone::parse("America/Chicago").unwrap();
        let report = Report::build(&gathering, &figures, 1_795_310_000_000, &zone);
        assert_eq!(report.time_zone, "America/Chicago");
        assert_eq!(
            report.started_at.as_deref(),
            Some("2026-11-21T19:05:00-06:00")
        );
        assert_eq!(
            report.topics[0].shown_at.as_deref(),
            Some("2026-11-21T19:05:00-06:00")
        );
        assert_eq!(
            report.started_readable.as_deref(),
            Some("21 Nov 2026, 19:05 CST")
        );
        assert!(
            report
                .to_json()
                .contains("\"time_zone\": \"America/Chicago\"")
        );
    }

    #[test]
    fn time_between_an_end_and_a_reopen_is_not_gathering_time() {
        let (gathering, mut figures) = sample();
        figures.paused_ms = 120_000;
        let report = Report::build(&gathering, &figures, 1_320_000, &MeetingZone::utc());
        assert_eq!(
            report.totals.actual_minutes,
            Some(3.3),
            "5.3 min less the 2 ended"
        );
    }

    #[test]
    fn nothing_personal_is_in_the_json() {
        let (gathering, figures) = sample();
        let json = Report::build(&gathering, &figures, 1_320_000, &MeetingZone::utc()).to_json();
        for word in ["device", "ip", "address", "cookie"] {
            assert!(!json.contains(&format!("\"{word}")), "{word} in {json}");
        }
        assert!(json.contains("never records who prayed"));
    }
}
