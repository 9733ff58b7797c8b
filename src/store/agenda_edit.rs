//! Changing an agenda: gatherings, sections and topics created, edited,
//! reordered, duplicated and deleted from the console.
//!
//! Deletions cascade into rows the group-commit writer may be writing at the
//! same moment (taps, figures, the live state); on PostgreSQL two such
//! transactions can deadlock and one is aborted, so deletions are retried.

use super::gatherings::write_translation;
use super::{EnginePool, Gathering, NewOwner, Store, retry_conflicts};
use crate::domain::{GatheringText, NewAgenda, NewTopic, Scripture, SectionText, TopicText};
use std::collections::HashSet;

/// Which way to move a section or topic in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Store {
    /// A new gathering with an empty agenda.
    pub async fn create_empty_gathering(&self, title: &str) -> Result<Gathering, sqlx::Error> {
        self.create_gathering(&NewAgenda {
            title: title.to_string(),
            ..NewAgenda::default()
        })
        .await
    }

    /// A copy of a gathering's agenda as a new draft (counts and live state are not copied).
    pub async fn duplicate_gathering(&self, source: &Gathering) -> Result<Gathering, sqlx::Error> {
        self.duplicate_gathering_for(source, &NewOwner::default())
            .await
    }

    /// The same, written with its owner in one transaction.
    pub async fn duplicate_gathering_for(
        &self,
        source: &Gathering,
        owner: &NewOwner,
    ) -> Result<Gathering, sqlx::Error> {
        let mut copy = self.load_agenda(source).await?.to_new_agenda();
        copy.title = format!("{} (copy)", source.title);
        self.create_gathering_for(&copy, owner).await
    }

    pub async fn update_gathering(
        &self,
        gathering_id: i64,
        title: &str,
        scripture: Option<&Scripture>,
        closing_message: &str,
        introduction: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE gatherings SET title = $1, scripture_text = $2, scripture_ref = $3,
                    closing_message = $4, introduction = $5
                 WHERE id = $6",
            )
            .bind(title)
            .bind(scripture.map(|s| s.text.as_str()))
            .bind(scripture.map(|s| s.reference.as_str()))
            .bind(closing_message)
            .bind(introduction)
            .bind(gathering_id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Sets the language the gathering's own words are written in. A
    /// translation into that language, if there was one, is removed with it.
    pub async fn set_gathering_language(
        &self,
        gathering_id: i64,
        language: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            sqlx::query("UPDATE gatherings SET language = $1 WHERE id = $2")
                .bind(language)
                .bind(gathering_id)
                .execute(&mut *tx)
                .await?;
            delete_translation!(tx, gathering_id, language);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Starts a translation of the gathering into `language` (nothing
    /// translated yet); does nothing if there is one.
    pub async fn add_translation(
        &self,
        gathering_id: i64,
        language: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO gathering_translations (gathering_id, language) VALUES ($1, $2)
                 ON CONFLICT (gathering_id, language) DO NOTHING",
            )
            .bind(gathering_id)
            .bind(language)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Removes the gathering's translation into `language`, every section's
    /// and topic's included.
    pub async fn remove_translation(
        &self,
        gathering_id: i64,
        language: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            delete_translation!(tx, gathering_id, language);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Saves the gathering's translation into `language`: its own words and
    /// those of the sections and topics given (ids of other gatherings are
    /// ignored); an empty section or topic loses its translation.
    pub async fn save_translation(
        &self,
        gathering_id: i64,
        language: &str,
        gathering: &GatheringText,
        sections: &[(i64, SectionText)],
        topics: &[(i64, TopicText)],
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let own_sections: HashSet<i64> =
                sqlx::query_scalar("SELECT id FROM sections WHERE gathering_id = $1")
                    .bind(gathering_id)
                    .fetch_all(&mut *tx)
                    .await?
                    .into_iter()
                    .collect();
            let own_topics: HashSet<i64> =
                sqlx::query_scalar("SELECT id FROM topics WHERE gathering_id = $1")
                    .bind(gathering_id)
                    .fetch_all(&mut *tx)
                    .await?
                    .into_iter()
                    .collect();
            let sections = sections
                .iter()
                .filter(|(id, _)| own_sections.contains(id))
                .map(|(id, s)| (*id, s));
            let topics = topics
                .iter()
                .filter(|(id, _)| own_topics.contains(id))
                .map(|(id, t)| (*id, t));
            write_translation!(tx, gathering_id, language, gathering, sections, topics);
            tx.commit().await?;
            Ok(())
        })
    }

    /// What the projector shows: `"en"`, or `"en,es"` side by side.
    pub async fn set_projector_languages(
        &self,
        gathering_id: i64,
        languages: &str,
    ) -> Result<(), sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE gatherings SET projector_languages = $1 WHERE id = $2")
                .bind(languages)
                .bind(gathering_id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Deletes a gathering with everything recorded about it.
    pub async fn delete_gathering(&self, gathering_id: i64) -> Result<(), sqlx::Error> {
        retry_conflicts(|| async move {
            with_pool!(self, |pool| {
                sqlx::query("DELETE FROM gatherings WHERE id = $1")
                    .bind(gathering_id)
                    .execute(pool)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    /// Adds a section at the end of the agenda; returns its id.
    pub async fn add_section(&self, gathering_id: i64, title: &str) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
            "INSERT INTO sections (gathering_id, position, title)
             VALUES ($1, (SELECT COALESCE(MAX(position) + 1, 0) FROM sections WHERE gathering_id = $1), $2)
             RETURNING id",
        )
        .bind(gathering_id)
        .bind(title)
        .fetch_one(pool)
        .await
        })
    }

    /// Renames a section of this gathering and sets its description; false
    /// if there is no such section.
    pub async fn rename_section(
        &self,
        gathering_id: i64,
        section_id: i64,
        title: &str,
        description: &str,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE sections SET title = $1, description = $2
                 WHERE id = $3 AND gathering_id = $4",
            )
            .bind(title)
            .bind(description)
            .bind(section_id)
            .bind(gathering_id)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Deletes a section and its topics (their taps too).
    pub async fn delete_section(
        &self,
        gathering_id: i64,
        section_id: i64,
    ) -> Result<bool, sqlx::Error> {
        retry_conflicts(|| async move {
            with_pool!(self, |pool| {
                let done = sqlx::query("DELETE FROM sections WHERE id = $1 AND gathering_id = $2")
                    .bind(section_id)
                    .bind(gathering_id)
                    .execute(pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// Swaps a section with its neighbour; false if it is already at that end.
    pub async fn move_section(
        &self,
        gathering_id: i64,
        section_id: i64,
        direction: Direction,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM sections WHERE gathering_id = $1 ORDER BY position, id",
            )
            .bind(gathering_id)
            .fetch_all(&mut *tx)
            .await?;
            let Some(order) = swapped(&ids, section_id, direction) else {
                return Ok(false);
            };
            write_positions!(tx, "UPDATE sections SET position = $1 WHERE id = $2", order);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Adds a topic at the end of a section of this gathering; `None` if no such section.
    pub async fn add_topic(
        &self,
        gathering_id: i64,
        section_id: i64,
        topic: &NewTopic,
    ) -> Result<Option<i64>, sqlx::Error> {
        with_pool!(self, |pool| {
            let owned: Option<i64> =
                sqlx::query_scalar("SELECT id FROM sections WHERE id = $1 AND gathering_id = $2")
                    .bind(section_id)
                    .bind(gathering_id)
                    .fetch_optional(pool)
                    .await?;
            if owned.is_none() {
                return Ok(None);
            }
            let id = bind_topic!(
            sqlx::query_scalar(
                "INSERT INTO topics (gathering_id, section_id, position, title, scripture_text,
                    scripture_ref, body, kind, planned_minutes, notes, sensitive, safe_summary)
                 VALUES ($1, $2, (SELECT COALESCE(MAX(position) + 1, 0) FROM topics WHERE section_id = $2),
                    $3, $4, $5, $6, $7, $8, $9, $10, $11)
                 RETURNING id",
            )
            .bind(gathering_id)
            .bind(section_id),
            topic
        )
        .fetch_one(pool)
        .await?;
            Ok(Some(id))
        })
    }

    /// Replaces a topic's fields, and moves it to another section of the same
    /// gathering if `section_id` differs; false if there is no such topic or section.
    pub async fn update_topic(
        &self,
        gathering_id: i64,
        topic_id: i64,
        section_id: i64,
        topic: &NewTopic,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let current: Option<i64> = sqlx::query_scalar(
                "SELECT section_id FROM topics WHERE id = $1 AND gathering_id = $2",
            )
            .bind(topic_id)
            .bind(gathering_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(current_section) = current else {
                return Ok(false);
            };
            if current_section != section_id {
                let owned: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM sections WHERE id = $1 AND gathering_id = $2",
                )
                .bind(section_id)
                .bind(gathering_id)
                .fetch_optional(&mut *tx)
                .await?;
                if owned.is_none() {
                    return Ok(false);
                }
                sqlx::query(
                "UPDATE topics SET section_id = $1,
                    position = (SELECT COALESCE(MAX(position) + 1, 0) FROM topics WHERE section_id = $1)
                 WHERE id = $2",
            )
            .bind(section_id)
            .bind(topic_id)
            .execute(&mut *tx)
            .await?;
            }
            bind_topic!(
            sqlx::query(
                "UPDATE topics SET title = $1, scripture_text = $2, scripture_ref = $3, body = $4,
                    kind = $5, planned_minutes = $6, notes = $7, sensitive = $8, safe_summary = $9
                 WHERE id = $10",
            ),
            topic
        )
            .bind(topic_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    pub async fn delete_topic(
        &self,
        gathering_id: i64,
        topic_id: i64,
    ) -> Result<bool, sqlx::Error> {
        retry_conflicts(|| async move {
            with_pool!(self, |pool| {
                let done = sqlx::query("DELETE FROM topics WHERE id = $1 AND gathering_id = $2")
                    .bind(topic_id)
                    .bind(gathering_id)
                    .execute(pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// Swaps a topic with its neighbour in its section.
    pub async fn move_topic(
        &self,
        gathering_id: i64,
        topic_id: i64,
        direction: Direction,
    ) -> Result<bool, sqlx::Error> {
        with_pool!(self, |pool| {
            let mut tx = pool.begin_write().await?;
            let section: Option<i64> = sqlx::query_scalar(
                "SELECT section_id FROM topics WHERE id = $1 AND gathering_id = $2",
            )
            .bind(topic_id)
            .bind(gathering_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(section) = section else {
                return Ok(false);
            };
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM topics WHERE section_id = $1 ORDER BY position, id",
            )
            .bind(section)
            .fetch_all(&mut *tx)
            .await?;
            let Some(order) = swapped(&ids, topic_id, direction) else {
                return Ok(false);
            };
            write_positions!(tx, "UPDATE topics SET position = $1 WHERE id = $2", order);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// How many topics the gathering's agenda holds.
    pub async fn topic_count(&self, gathering_id: i64) -> Result<i64, sqlx::Error> {
        with_pool!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM topics WHERE gathering_id = $1")
                .bind(gathering_id)
                .fetch_one(pool)
                .await
        })
    }
}

/// Numbers rows 0, 1, 2, ... in `order` with `sql` (`UPDATE ... SET position =
/// $1 WHERE id = $2`) inside the transaction `tx`: the one body for sections and
/// topics. A macro rather than a function so it serves both engines'
/// transactions, as `with_pool!` does.
macro_rules! write_positions {
    ($tx:expr, $sql:expr, $order:expr) => {
        for (position, id) in $order.iter().enumerate() {
            sqlx::query($sql)
                .bind(position as i64)
                .bind(*id)
                .execute(&mut *$tx)
                .await?;
        }
    };
}
use write_positions;

/// Deletes a gathering's translation into a language, in the transaction `$tx`.
macro_rules! delete_translation {
    ($tx:expr, $gathering_id:expr, $language:expr) => {
        sqlx::query(
            "DELETE FROM topic_translations WHERE language = $2
             AND topic_id IN (SELECT id FROM topics WHERE gathering_id = $1)",
        )
        .bind($gathering_id)
        .bind($language)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "DELETE FROM section_translations WHERE language = $2
             AND section_id IN (SELECT id FROM sections WHERE gathering_id = $1)",
        )
        .bind($gathering_id)
        .bind($language)
        .execute(&mut *$tx)
        .await?;
        sqlx::query("DELETE FROM gathering_translations WHERE gathering_id = $1 AND language = $2")
            .bind($gathering_id)
            .bind($language)
            .execute(&mut *$tx)
            .await?;
    };
}
use delete_translation;

/// `ordered` with `id` swapped with its neighbour in `direction`; `None` if
/// `id` is not there or is already at that end. The caller renumbers 0..n.
fn swapped(ordered: &[i64], id: i64, direction: Direction) -> Option<Vec<i64>> {
    let index = ordered.iter().position(|&x| x == id)?;
    let target = match direction {
        Direction::Up if index > 0 => index - 1,
        Direction::Down if index + 1 < ordered.len() => index + 1,
        _ => return None,
    };
    let mut ids = ordered.to_vec();
    ids.swap(index, target);
    Some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapping_moves_one_place_and_stops_at_the_ends() {
        assert_eq!(swapped(&[1, 2, 3], 2, Direction::Up), Some(vec![2, 1, 3]));
        assert_eq!(swapped(&[1, 2, 3], 2, Direction::Down), Some(vec![1, 3, 2]));
        assert_eq!(swapped(&[1, 2, 3], 1, Direction::Up), None);
        assert_eq!(swapped(&[1, 2, 3], 3, Direction::Down), None);
        assert_eq!(swapped(&[1, 2, 3], 9, Direction::Up), None);
    }
}
