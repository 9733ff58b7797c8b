//! Gatherings and their agendas: create, find, list, load.

use super::{EnginePool, Store, now_ms};
use crate::domain::{JoinCode, NewAgenda, NewSection, NewTopic, Scripture, TopicKind};
use sqlx::Row;

/// A gathering's own fields (its agenda is loaded separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathering {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub scripture: Option<Scripture>,
    /// "draft", "live" or "ended".
    pub status: String,
    /// Closing words (a paragraph or two) shown on phones and the projector
    /// when the gathering ends.
    pub closing_message: String,
    /// Words of welcome shown before the first topic.
    pub introduction: String,
}

/// One line of the facilitator's list.
pub type GatheringSummary = Gathering;

/// A stored topic, with the title of the section it sits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTopic {
    pub id: i64,
    pub section_id: i64,
    pub title: String,
    pub scripture: Option<Scripture>,
    pub body: String,
    pub kind: TopicKind,
    pub planned_minutes: i64,
    pub notes: String,
    pub sensitive: bool,
    pub safe_summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSection {
    pub id: i64,
    pub title: String,
    /// What the section is about, shown above its topics.
    pub description: String,
    pub topics: Vec<StoredTopic>,
}

/// A gathering with its sections and topics in agenda order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAgenda {
    pub gathering: Gathering,
    pub sections: Vec<StoredSection>,
}

impl StoredTopic {
    /// The topic's content without its ids.
    pub fn to_new_topic(&self) -> NewTopic {
        NewTopic {
            title: self.title.clone(),
            scripture: self.scripture.clone(),
            body: self.body.clone(),
            kind: self.kind,
            planned_minutes: self.planned_minutes,
            notes: self.notes.clone(),
            sensitive: self.sensitive,
            safe_summary: self.safe_summary.clone(),
        }
    }
}

impl StoredAgenda {
    /// The agenda's content without ids (for export and duplication).
    pub fn to_new_agenda(&self) -> NewAgenda {
        NewAgenda {
            title: self.gathering.title.clone(),
            scripture: self.gathering.scripture.clone(),
            introduction: self.gathering.introduction.clone(),
            closing: self.gathering.closing_message.clone(),
            sections: self
                .sections
                .iter()
                .map(|section| NewSection {
                    title: section.title.clone(),
                    description: section.description.clone(),
                    topics: section
                        .topics
                        .iter()
                        .map(StoredTopic::to_new_topic)
                        .collect(),
                })
                .collect(),
        }
    }
}

fn scripture(text: Option<String>, reference: Option<String>) -> Option<Scripture> {
    match (text, reference) {
        (None, None) => None,
        (text, reference) => Some(Scripture {
            text: text.unwrap_or_default(),
            reference: reference.unwrap_or_default(),
        }),
    }
}

/// A gathering's columns in the order the queries below list them; a tuple
/// decodes the same way on every engine.
type GatheringRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
);

fn gathering_from_row(row: GatheringRow) -> Gathering {
    let (id, code, title, text, reference, status, closing_message, introduction) = row;
    Gathering {
        id,
        code,
        title,
        scripture: scripture(text, reference),
        status,
        closing_message,
        introduction,
    }
}

impl Store {
    /// Stores a new draft gathering with its whole agenda under a fresh join code.
    pub async fn create_gathering(&self, agenda: &NewAgenda) -> Result<Gathering, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // A collision among 31^6 codes is rare; try a few before giving up.
            let mut attempt = 0;
            let (id, code) = loop {
                let code = JoinCode::generate();
                let inserted = sqlx::query(
                "INSERT INTO gatherings (code, title, scripture_text, scripture_ref, status, created_at,
                    closing_message, introduction)
                 VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7)
                 ON CONFLICT (code) DO NOTHING
                 RETURNING id",
            )
            .bind(code.as_str())
            .bind(&agenda.title)
            .bind(agenda.scripture.as_ref().map(|s| s.text.as_str()))
            .bind(agenda.scripture.as_ref().map(|s| s.reference.as_str()))
            .bind(now_ms())
            .bind(&agenda.closing)
            .bind(&agenda.introduction)
            .fetch_optional(&mut *tx)
            .await?;
                if let Some(row) = inserted {
                    break (row.get::<i64, _>("id"), code);
                }
                attempt += 1;
                if attempt > 20 {
                    return Err(sqlx::Error::Protocol("no free join code".into()));
                }
            };
            for (section_position, section) in agenda.sections.iter().enumerate() {
                let section_id: i64 = sqlx::query_scalar(
                    "INSERT INTO sections (gathering_id, position, title, description)
                 VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(id)
                .bind(section_position as i64)
                .bind(&section.title)
                .bind(&section.description)
                .fetch_one(&mut *tx)
                .await?;
                for (position, topic) in section.topics.iter().enumerate() {
                    bind_topic!(
                    sqlx::query(
                        "INSERT INTO topics (gathering_id, section_id, position, title, scripture_text,
                            scripture_ref, body, kind, planned_minutes, notes, sensitive, safe_summary)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                    )
                    .bind(id)
                    .bind(section_id)
                    .bind(position as i64),
                    topic
                )
                .execute(&mut *tx)
                .await?;
                }
            }
            tx.commit().await?;
            Ok(Gathering {
                id,
                code: code.to_string(),
                title: agenda.title.clone(),
                scripture: agenda.scripture.clone(),
                status: "draft".into(),
                closing_message: agenda.closing.clone(),
                introduction: agenda.introduction.clone(),
            })
        })
    }

    /// Every gathering, newest first.
    pub async fn list_gatherings(&self) -> Result<Vec<GatheringSummary>, sqlx::Error> {
        let rows: Vec<GatheringRow> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, code, title, scripture_text, scripture_ref, status, closing_message,
                    introduction
                 FROM gatherings ORDER BY created_at DESC, id DESC",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(gathering_from_row).collect())
    }

    pub async fn count_gatherings(&self) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM gatherings")
                .fetch_one(pool)
                .await
        })
    }

    pub async fn find_gathering(&self, code: &JoinCode) -> Result<Option<Gathering>, sqlx::Error> {
        let row: Option<GatheringRow> = with_pool!(self, |pool| {
            sqlx::query_as(
                "SELECT id, code, title, scripture_text, scripture_ref, status, closing_message,
                    introduction
                 FROM gatherings WHERE code = $1",
            )
            .bind(code.as_str())
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(gathering_from_row))
    }

    /// The gathering's sections and topics in agenda order.
    pub async fn load_agenda(&self, gathering: &Gathering) -> Result<StoredAgenda, sqlx::Error> {
        with_pool!(self, |pool| {
            let section_rows = sqlx::query(
                "SELECT id, title, description FROM sections WHERE gathering_id = $1
                 ORDER BY position, id",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?;
            let topic_rows = sqlx::query(
                "SELECT t.id, t.section_id, t.title, t.scripture_text, t.scripture_ref, t.body, t.kind,
                        t.planned_minutes, t.notes, t.sensitive, t.safe_summary
                 FROM topics t JOIN sections s ON s.id = t.section_id
                 WHERE t.gathering_id = $1
                 ORDER BY s.position, s.id, t.position, t.id",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?;
            let mut sections: Vec<StoredSection> = section_rows
                .iter()
                .map(|row| StoredSection {
                    id: row.get("id"),
                    title: row.get("title"),
                    description: row.get("description"),
                    topics: Vec::new(),
                })
                .collect();
            for row in &topic_rows {
                let topic = StoredTopic {
                    id: row.get("id"),
                    section_id: row.get("section_id"),
                    title: row.get("title"),
                    scripture: scripture(row.get("scripture_text"), row.get("scripture_ref")),
                    body: row.get("body"),
                    kind: TopicKind::from_stored(row.get::<&str, _>("kind")),
                    planned_minutes: row.get("planned_minutes"),
                    notes: row.get("notes"),
                    sensitive: row.get("sensitive"),
                    safe_summary: row.get("safe_summary"),
                };
                if let Some(section) = sections.iter_mut().find(|s| s.id == topic.section_id) {
                    section.topics.push(topic);
                }
            }
            Ok(StoredAgenda {
                gathering: gathering.clone(),
                sections,
            })
        })
    }
}
