//! Changing an agenda: gatherings, sections and topics created, edited,
//! reordered, duplicated and deleted from the console.

use super::{BindTopic, Gathering, Store};
use crate::domain::{NewAgenda, NewTopic, Scripture};
use sqlx::SqliteConnection;

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
        let mut copy = self.load_agenda(source).await?.to_new_agenda();
        copy.title = format!("{} (copy)", source.title);
        self.create_gathering(&copy).await
    }

    pub async fn update_gathering(
        &self,
        gathering_id: i64,
        title: &str,
        scripture: Option<&Scripture>,
        closing_message: &str,
        introduction: &str,
    ) -> Result<(), sqlx::Error> {
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
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Deletes a gathering with everything recorded about it.
    pub async fn delete_gathering(&self, gathering_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM gatherings WHERE id = $1")
            .bind(gathering_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Adds a section at the end of the agenda; returns its id.
    pub async fn add_section(&self, gathering_id: i64, title: &str) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "INSERT INTO sections (gathering_id, position, title)
             VALUES ($1, (SELECT COALESCE(MAX(position) + 1, 0) FROM sections WHERE gathering_id = $1), $2)
             RETURNING id",
        )
        .bind(gathering_id)
        .bind(title)
        .fetch_one(self.pool())
        .await
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
        let done = sqlx::query(
            "UPDATE sections SET title = $1, description = $2 WHERE id = $3 AND gathering_id = $4",
        )
        .bind(title)
        .bind(description)
        .bind(section_id)
        .bind(gathering_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes a section and its topics (their taps too).
    pub async fn delete_section(
        &self,
        gathering_id: i64,
        section_id: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sections WHERE id = $1 AND gathering_id = $2")
            .bind(section_id)
            .bind(gathering_id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Swaps a section with its neighbour; false if it is already at that end.
    pub async fn move_section(
        &self,
        gathering_id: i64,
        section_id: i64,
        direction: Direction,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM sections WHERE gathering_id = $1 ORDER BY position, id",
        )
        .bind(gathering_id)
        .fetch_all(&mut *tx)
        .await?;
        let moved = reorder(&mut tx, List::Sections, &ids, section_id, direction).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// Adds a topic at the end of a section of this gathering; `None` if no such section.
    pub async fn add_topic(
        &self,
        gathering_id: i64,
        section_id: i64,
        topic: &NewTopic,
    ) -> Result<Option<i64>, sqlx::Error> {
        let owned: Option<i64> =
            sqlx::query_scalar("SELECT id FROM sections WHERE id = $1 AND gathering_id = $2")
                .bind(section_id)
                .bind(gathering_id)
                .fetch_optional(self.pool())
                .await?;
        if owned.is_none() {
            return Ok(None);
        }
        let id = sqlx::query_scalar(
            "INSERT INTO topics (gathering_id, section_id, position, title, scripture_text,
                scripture_ref, body, kind, planned_minutes, notes, sensitive, safe_summary)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position) + 1, 0) FROM topics WHERE section_id = $2),
                $3, $4, $5, $6, $7, $8, $9, $10, $11)
             RETURNING id",
        )
        .bind(gathering_id)
        .bind(section_id)
        .bind_topic(topic)
        .fetch_one(self.pool())
        .await?;
        Ok(Some(id))
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
        let mut tx = self.begin_write().await?;
        let current: Option<i64> =
            sqlx::query_scalar("SELECT section_id FROM topics WHERE id = $1 AND gathering_id = $2")
                .bind(topic_id)
                .bind(gathering_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(current_section) = current else {
            return Ok(false);
        };
        if current_section != section_id {
            let owned: Option<i64> =
                sqlx::query_scalar("SELECT id FROM sections WHERE id = $1 AND gathering_id = $2")
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
        sqlx::query(
            "UPDATE topics SET title = $1, scripture_text = $2, scripture_ref = $3, body = $4,
                kind = $5, planned_minutes = $6, notes = $7, sensitive = $8, safe_summary = $9
             WHERE id = $10",
        )
        .bind_topic(topic)
        .bind(topic_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn delete_topic(
        &self,
        gathering_id: i64,
        topic_id: i64,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("DELETE FROM topics WHERE id = $1 AND gathering_id = $2")
            .bind(topic_id)
            .bind(gathering_id)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Swaps a topic with its neighbour in its section.
    pub async fn move_topic(
        &self,
        gathering_id: i64,
        topic_id: i64,
        direction: Direction,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.begin_write().await?;
        let section: Option<i64> =
            sqlx::query_scalar("SELECT section_id FROM topics WHERE id = $1 AND gathering_id = $2")
                .bind(topic_id)
                .bind(gathering_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(section) = section else {
            return Ok(false);
        };
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM topics WHERE section_id = $1 ORDER BY position, id")
                .bind(section)
                .fetch_all(&mut *tx)
                .await?;
        let moved = reorder(&mut tx, List::Topics, &ids, topic_id, direction).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// How many topics the gathering's agenda holds.
    pub async fn topic_count(&self, gathering_id: i64) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM topics WHERE gathering_id = $1")
            .bind(gathering_id)
            .fetch_one(self.pool())
            .await
    }
}

/// The two ordered lists of an agenda.
#[derive(Clone, Copy)]
enum List {
    Sections,
    Topics,
}

/// Moves `id` one place within `ordered` and renumbers the positions 0..n.
async fn reorder(
    conn: &mut SqliteConnection,
    list: List,
    ordered: &[i64],
    id: i64,
    direction: Direction,
) -> Result<bool, sqlx::Error> {
    let Some(index) = ordered.iter().position(|&x| x == id) else {
        return Ok(false);
    };
    let target = match direction {
        Direction::Up if index > 0 => index - 1,
        Direction::Down if index + 1 < ordered.len() => index + 1,
        _ => return Ok(false),
    };
    let mut ids = ordered.to_vec();
    ids.swap(index, target);
    let sql = match list {
        List::Sections => "UPDATE sections SET position = $1 WHERE id = $2",
        List::Topics => "UPDATE topics SET position = $1 WHERE id = $2",
    };
    for (position, id) in ids.iter().enumerate() {
        sqlx::query(sql)
            .bind(position as i64)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}
