//! Unsaved writing from the terminal app: kept on an idle timer and on every pane
//! switch, offered back after a crash, a kill or a closed terminal.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::rows::ts;
use super::{Result, Store};

/// A draft as stored: its id, when it was last written, and the app's own data (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub entry_uuid: Option<String>,
    pub updated_at: String,
    pub data: String,
}

impl Store {
    /// Writes a draft (a new one when `id` is None, or one that no longer exists) and
    /// returns its id.
    pub fn save_draft(
        &mut self,
        id: Option<i64>,
        entry_uuid: Option<&str>,
        data: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        if let Some(id) = id {
            let n = self.conn.execute(
                "UPDATE drafts SET entry_uuid = ?2, data = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, entry_uuid, data, ts(now)],
            )?;
            if n == 1 {
                return Ok(id);
            }
        }
        self.conn.execute(
            "INSERT INTO drafts (entry_uuid, data, updated_at) VALUES (?1, ?2, ?3)",
            params![entry_uuid, data, ts(now)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every draft, newest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, entry_uuid, updated_at, data FROM drafts ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Draft {
                    id: r.get(0)?,
                    entry_uuid: r.get(1)?,
                    updated_at: r.get(2)?,
                    data: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One draft by id.
    pub fn draft(&self, id: i64) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, entry_uuid, updated_at, data FROM drafts WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(Draft {
                    id: r.get(0)?,
                    entry_uuid: r.get(1)?,
                    updated_at: r.get(2)?,
                    data: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// Forgets a draft (after its entry is saved, or when the writer discards it).
    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Strengths tagged most recently first, for the picker.
    pub fn recent_strengths(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.strength FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
             WHERE e.deleted_at IS NULL
             GROUP BY s.strength ORDER BY max(e.updated_at) DESC, s.strength LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
