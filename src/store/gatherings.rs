//! Gatherings and their agendas: create, find, list, load.

use super::{EnginePool, Store, now_ms};
use crate::domain::gathering::GatheringSummary;
use crate::domain::translation::{DEFAULT_LANGUAGE, content_language};
use crate::domain::{Gathering, StoredAgenda, StoredSection, StoredTopic};
use crate::domain::{
    GatheringText, JoinCode, NewAgenda, Scripture, SectionText, TopicKind, TopicText,
};
use sqlx::Row;
use std::collections::BTreeMap;

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
    String,
    String,
);

/// The columns of [`GatheringRow`], for the queries below (a macro, so that
/// `concat!` makes each query one constant string).
macro_rules! gathering_columns {
    () => {
        "id, code, title, scripture_text, scripture_ref, status, closing_message, introduction, \
         language, projector_languages"
    };
}

fn gathering_from_row(row: GatheringRow) -> Gathering {
    let (
        id,
        code,
        title,
        text,
        reference,
        status,
        closing_message,
        introduction,
        language,
        projector_languages,
    ) = row;
    Gathering {
        id,
        code,
        title,
        scripture: scripture(text, reference),
        status,
        closing_message,
        introduction,
        language,
        projector_languages,
    }
}

/// A stored verse's two columns, `None` when both are empty.
fn translated_scripture(text: String, reference: String) -> Option<Scripture> {
    (!text.is_empty() || !reference.is_empty()).then_some(Scripture { text, reference })
}

/// The main language to store for an agenda: its own when it names one of
/// ours, else English.
pub(crate) fn main_language(agenda: &NewAgenda) -> &'static str {
    content_language(&agenda.language).unwrap_or(DEFAULT_LANGUAGE)
}

/// Writes one language's translation of a gathering inside the transaction
/// `$tx`: the gathering's words (the row that says the gathering is
/// translated into it), then `(section id, SectionText)` and `(topic id,
/// TopicText)` pairs; an empty one deletes what was stored. A macro, like
/// `with_pool!`, so the one body serves both engines' transactions.
macro_rules! write_translation {
    ($tx:expr, $gathering_id:expr, $language:expr, $text:expr, $sections:expr, $topics:expr) => {{
        let text: &$crate::domain::GatheringText = $text;
        let language: &str = $language;
        sqlx::query(
            "INSERT INTO gathering_translations (gathering_id, language, title, scripture_text,
                scripture_ref, introduction, closing_message)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (gathering_id, language) DO UPDATE SET title = excluded.title,
                scripture_text = excluded.scripture_text, scripture_ref = excluded.scripture_ref,
                introduction = excluded.introduction, closing_message = excluded.closing_message",
        )
        .bind($gathering_id)
        .bind(language)
        .bind(text.title.trim())
        .bind(text.scripture.as_ref().map_or("", |s| s.text.trim()))
        .bind(text.scripture.as_ref().map_or("", |s| s.reference.trim()))
        .bind(text.introduction.trim())
        .bind(text.closing.trim())
        .execute(&mut *$tx)
        .await?;
        for (section_id, section) in $sections {
            let section: &$crate::domain::SectionText = section;
            if section.is_empty() {
                sqlx::query("DELETE FROM section_translations WHERE section_id = $1 AND language = $2")
                    .bind(section_id)
                    .bind(language)
                    .execute(&mut *$tx)
                    .await?;
                continue;
            }
            sqlx::query(
                "INSERT INTO section_translations (section_id, language, title, description)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (section_id, language) DO UPDATE SET title = excluded.title,
                    description = excluded.description",
            )
            .bind(section_id)
            .bind(language)
            .bind(section.title.trim())
            .bind(section.description.trim())
            .execute(&mut *$tx)
            .await?;
        }
        for (topic_id, topic) in $topics {
            let topic: &$crate::domain::TopicText = topic;
            if topic.is_empty() {
                sqlx::query("DELETE FROM topic_translations WHERE topic_id = $1 AND language = $2")
                    .bind(topic_id)
                    .bind(language)
                    .execute(&mut *$tx)
                    .await?;
                continue;
            }
            sqlx::query(
                "INSERT INTO topic_translations (topic_id, language, title, scripture_text,
                    scripture_ref, body, safe_summary)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (topic_id, language) DO UPDATE SET title = excluded.title,
                    scripture_text = excluded.scripture_text, scripture_ref = excluded.scripture_ref,
                    body = excluded.body, safe_summary = excluded.safe_summary",
            )
            .bind(topic_id)
            .bind(language)
            .bind(topic.title.trim())
            .bind(topic.scripture.as_ref().map_or("", |s| s.text.trim()))
            .bind(topic.scripture.as_ref().map_or("", |s| s.reference.trim()))
            .bind(topic.body.trim())
            .bind(topic.safe_summary.trim())
            .execute(&mut *$tx)
            .await?;
        }
    }};
}
pub(crate) use write_translation;

/// Whose a new gathering is and on which clock, stored with it.
#[derive(Debug, Clone, Default)]
pub struct NewOwner {
    /// The account it belongs to (`None`: the server owner's).
    pub account: Option<i64>,
    /// An IANA time zone name (`None`: not chosen yet).
    pub time_zone: Option<String>,
}

impl Store {
    /// Stores a new draft gathering with its whole agenda under a fresh join
    /// code, the server owner's until shared (see [`Self::create_gathering_for`]).
    pub async fn create_gathering(&self, agenda: &NewAgenda) -> Result<Gathering, sqlx::Error> {
        self.create_gathering_for(agenda, &NewOwner::default())
            .await
    }

    /// Stores a new draft gathering with its whole agenda under a fresh join
    /// code, its account and clock with it: one transaction, so no crash can
    /// leave a gathering that belongs to nobody.
    pub async fn create_gathering_for(
        &self,
        agenda: &NewAgenda,
        owner: &NewOwner,
    ) -> Result<Gathering, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            // A collision among 31^6 codes is rare; try a few before giving up.
            let mut attempt = 0;
            let (id, code) = loop {
                let code = JoinCode::generate();
                let inserted = sqlx::query(
                "INSERT INTO gatherings (code, title, scripture_text, scripture_ref, status, created_at,
                    closing_message, introduction, language, owner_id, time_zone)
                 VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10)
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
            .bind(main_language(agenda))
            .bind(owner.account)
            .bind(owner.time_zone.as_deref().unwrap_or(""))
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
            let mut section_ids = Vec::new();
            let mut topic_ids = Vec::new();
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
                section_ids.push(section_id);
                let mut ids = Vec::new();
                for (position, topic) in section.topics.iter().enumerate() {
                    let topic_id: i64 = bind_topic!(
                    sqlx::query_scalar(
                        "INSERT INTO topics (gathering_id, section_id, position, title, scripture_text,
                            scripture_ref, body, kind, planned_minutes, notes, sensitive, safe_summary)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                    )
                    .bind(id)
                    .bind(section_id)
                    .bind(position as i64),
                    topic
                )
                .fetch_one(&mut *tx)
                .await?;
                    ids.push(topic_id);
                }
                topic_ids.push(ids);
            }
            let main = main_language(agenda);
            for translation in &agenda.translations {
                let Some(language) = content_language(&translation.language) else {
                    continue;
                };
                if language == main {
                    continue;
                }
                // Sections and topics by order; extra ones have no original.
                let sections = section_ids
                    .iter()
                    .zip(&translation.sections)
                    .map(|(id, s)| (*id, &s.section));
                let topics = topic_ids
                    .iter()
                    .zip(&translation.sections)
                    .flat_map(|(ids, s)| ids.iter().copied().zip(&s.topics));
                write_translation!(tx, id, language, &translation.gathering, sections, topics);
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
                language: main.to_string(),
                projector_languages: String::new(),
            })
        })
    }

    /// Every gathering, newest first.
    pub async fn list_gatherings(&self) -> Result<Vec<GatheringSummary>, sqlx::Error> {
        let rows: Vec<GatheringRow> = with_pool!(self, |pool| {
            sqlx::query_as(concat!(
                "SELECT ",
                gathering_columns!(),
                " FROM gatherings ORDER BY created_at DESC, id DESC"
            ))
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
            sqlx::query_as(concat!(
                "SELECT ",
                gathering_columns!(),
                " FROM gatherings WHERE code = $1"
            ))
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
                    translations: BTreeMap::new(),
                })
                .collect();
            let gathering_texts = sqlx::query(
                "SELECT language, title, scripture_text, scripture_ref, introduction, closing_message
                 FROM gathering_translations WHERE gathering_id = $1",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?;
            let section_texts = sqlx::query(
                "SELECT st.section_id, st.language, st.title, st.description
                 FROM section_translations st JOIN sections s ON s.id = st.section_id
                 WHERE s.gathering_id = $1",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?;
            let topic_texts = sqlx::query(
                "SELECT tt.topic_id, tt.language, tt.title, tt.scripture_text, tt.scripture_ref,
                    tt.body, tt.safe_summary
                 FROM topic_translations tt JOIN topics t ON t.id = tt.topic_id
                 WHERE t.gathering_id = $1",
            )
            .bind(gathering.id)
            .fetch_all(pool)
            .await?;
            // Only the languages the gathering is translated into count (a
            // section's row in a language removed since is not shown).
            let translations: BTreeMap<String, GatheringText> = gathering_texts
                .iter()
                .map(|row| {
                    (
                        row.get::<String, _>("language"),
                        GatheringText {
                            title: row.get("title"),
                            scripture: translated_scripture(
                                row.get("scripture_text"),
                                row.get("scripture_ref"),
                            ),
                            introduction: row.get("introduction"),
                            closing: row.get("closing_message"),
                        },
                    )
                })
                .filter(|(language, _)| *language != gathering.language)
                .collect();
            let mut by_section: BTreeMap<i64, BTreeMap<String, SectionText>> = BTreeMap::new();
            for row in &section_texts {
                let language: String = row.get("language");
                if translations.contains_key(&language) {
                    by_section.entry(row.get("section_id")).or_default().insert(
                        language,
                        SectionText {
                            title: row.get("title"),
                            description: row.get("description"),
                        },
                    );
                }
            }
            let mut by_topic: BTreeMap<i64, BTreeMap<String, TopicText>> = BTreeMap::new();
            for row in &topic_texts {
                let language: String = row.get("language");
                if translations.contains_key(&language) {
                    by_topic.entry(row.get("topic_id")).or_default().insert(
                        language,
                        TopicText {
                            title: row.get("title"),
                            scripture: translated_scripture(
                                row.get("scripture_text"),
                                row.get("scripture_ref"),
                            ),
                            body: row.get("body"),
                            safe_summary: row.get("safe_summary"),
                        },
                    );
                }
            }
            for section in &mut sections {
                section.translations = by_section.remove(&section.id).unwrap_or_default();
            }
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
                    translations: by_topic
                        .remove(&row.get::<i64, _>("id"))
                        .unwrap_or_default(),
                };
                if let Some(section) = sections.iter_mut().find(|s| s.id == topic.section_id) {
                    section.topics.push(topic);
                }
            }
            Ok(StoredAgenda {
                gathering: gathering.clone(),
                sections,
                translations,
            })
        })
    }
}
