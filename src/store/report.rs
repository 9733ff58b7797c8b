//! The figures behind a gathering's report: counts and times only, never who.

use super::{Gathering, Store};
use sqlx::Row;

/// One topic's stored figures, in agenda order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicFigures {
    pub topic_id: i64,
    pub section: String,
    pub title: String,
    /// "pray" or "praise".
    pub kind: String,
    pub planned_minutes: i64,
    /// Phones that tapped "I'm praying".
    pub praying: i64,
    pub peak_attendees: i64,
    pub first_shown_at: Option<i64>,
    pub shown_ms: i64,
}

/// A gathering's stored figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatheringFigures {
    pub topics: Vec<TopicFigures>,
    /// Distinct phones that opened the live page.
    pub distinct_phones: i64,
    pub started_at: Option<i64>,
    pub ended_at: Option<i64>,
    /// Time spent ended before a Reopen (ms), not part of the gathering's length.
    pub paused_ms: i64,
    /// The topic on screen and since when, if the gathering is live.
    pub current_topic: Option<(i64, i64)>,
}

impl Store {
    pub async fn gathering_figures(
        &self,
        gathering: &Gathering,
    ) -> Result<GatheringFigures, sqlx::Error> {
        with_pool!(self, |pool| {
            let topics = sqlx::query(
                "SELECT t.id, s.title AS section, t.title, t.kind, t.planned_minutes,
                        (SELECT COUNT(*) FROM taps p
                         WHERE p.gathering_id = t.gathering_id AND p.topic_id = t.id) AS praying,
                        COALESCE(st.peak_attendees, 0) AS peak_attendees,
                        st.first_shown_at,
                        COALESCE(st.shown_ms, 0) AS shown_ms
                 FROM topics t
                 JOIN sections s ON s.id = t.section_id
                 LEFT JOIN topic_stats st ON st.gathering_id = t.gathering_id AND st.topic_id = t.id
                 WHERE t.gathering_id = $1
                 ORDER BY s.position, s.id, t.position, t.id",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|row| TopicFigures {
                topic_id: row.get("id"),
                section: row.get("section"),
                title: row.get("title"),
                kind: row.get("kind"),
                planned_minutes: row.get("planned_minutes"),
                praying: row.get("praying"),
                peak_attendees: row.get("peak_attendees"),
                first_shown_at: row.get("first_shown_at"),
                shown_ms: row.get("shown_ms"),
            })
            .collect();
            let distinct_phones: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM attendances WHERE gathering_id = $1")
                    .bind(gathering.id)
                    .fetch_one(pool)
                    .await?;
            let live = sqlx::query(
                "SELECT started_at, ended_at, current_topic_id, topic_since, paused_ms
                 FROM live_state WHERE gathering_id = $1",
            )
            .bind(gathering.id)
            .fetch_optional(pool)
            .await?;
            let paused_ms = live.as_ref().map_or(0, |row| row.get("paused_ms"));
            let (started_at, ended_at, current_topic) = match live {
                Some(row) => {
                    let ended_at: Option<i64> = row.get("ended_at");
                    let current: Option<i64> = row.get("current_topic_id");
                    let since: Option<i64> = row.get("topic_since");
                    let current_topic = match (ended_at, current, since) {
                        (None, Some(topic), Some(since)) => Some((topic, since)),
                        _ => None,
                    };
                    (row.get("started_at"), ended_at, current_topic)
                }
                None => (None, None, None),
            };
            Ok(GatheringFigures {
                topics,
                distinct_phones,
                started_at,
                ended_at,
                paused_ms,
                current_topic,
            })
        })
    }
}

impl Store {
    /// Every device identity recorded for a gathering. Only for checks that none
    /// leaks into a report; never shown.
    pub async fn device_ids(&self, gathering_id: i64) -> Result<Vec<String>, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "SELECT device_id FROM attendances WHERE gathering_id = $1
                 UNION SELECT device_id FROM taps WHERE gathering_id = $1",
            )
            .bind(gathering_id)
            .fetch_all(pool)
            .await
        })
    }
}

impl Store {
    /// How many phones prayed for each topic of the gathering with this code
    /// (topics nobody prayed for are absent). For the phones' page after the end.
    pub async fn prayed_counts(
        &self,
        code: &str,
    ) -> Result<std::collections::HashMap<i64, i64>, sqlx::Error> {
        with_pool!(self, |pool| {
            Ok(sqlx::query(
                "SELECT p.topic_id, COUNT(*) AS praying
                 FROM taps p JOIN gatherings g ON g.id = p.gathering_id
                 WHERE g.code = $1
                 GROUP BY p.topic_id",
            )
            .bind(code)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|row| (row.get("topic_id"), row.get("praying")))
            .collect())
        })
    }
}
