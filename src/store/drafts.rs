//! Unsaved writing from the terminal app: kept on an idle timer and on every pane
//! switch, offered back after a crash, a kill or a closed terminal. Each draft belongs to
//! the app that writes it (its [`Writer`]): only that app changes or drops it, and
//! another takes it over only by claiming it.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::rows::ts;
use super::{Result, Store};
use crate::process::Writer;

/// A draft as stored: its id, whose it is, when it was last written, and the app's own
/// data (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub entry_uuid: Option<String>,
    /// The app that writes it; none for a draft kept before drafts had writers.
    pub writer: Option<Writer>,
    pub updated_at: String,
    pub data: String,
}

const COLUMNS: &str = "id, entry_uuid, writer_pid, writer_started, updated_at, data";

fn draft(r: &rusqlite::Row<'_>) -> rusqlite::Result<Draft> {
    let pid: Option<u32> = r.get(2)?;
    Ok(Draft {
        id: r.get(0)?,
        entry_uuid: r.get(1)?,
        writer: pid.map(|pid| Writer {
            pid,
            started: r.get(3).ok().flatten(),
        }),
        updated_at: r.get(4)?,
        data: r.get(5)?,
    })
}

impl Store {
    /// Keeps a draft that no app is writing (text rescued from the editor): the next app
    /// offers it back. Returns its id.
    pub fn save_orphan_draft(&mut self, data: &str, now: DateTime<Utc>) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO drafts (entry_uuid, data, updated_at, writer_pid, writer_started)
             VALUES (NULL, ?1, ?2, NULL, NULL)",
            params![data, ts(now)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Writes `writer`'s draft: the one with `id` if it is still theirs, else a new one.
    /// Returns its id.
    pub fn save_draft(
        &mut self,
        id: Option<i64>,
        entry_uuid: Option<&str>,
        data: &str,
        now: DateTime<Utc>,
        writer: &Writer,
    ) -> Result<i64> {
        if let Some(id) = id {
            let n = self.conn.execute(
                "UPDATE drafts SET entry_uuid = ?2, data = ?3, updated_at = ?4
                 WHERE id = ?1 AND writer_pid IS ?5 AND writer_started IS ?6",
                params![id, entry_uuid, data, ts(now), writer.pid, writer.started],
            )?;
            if n == 1 {
                return Ok(id);
            }
        }
        self.conn.execute(
            "INSERT INTO drafts (entry_uuid, data, updated_at, writer_pid, writer_started)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![entry_uuid, data, ts(now), writer.pid, writer.started],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every draft, newest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM drafts ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt
            .query_map([], draft)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One draft by id.
    pub fn draft(&self, id: i64) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM drafts WHERE id = ?1"))?
            .query_row([id], draft)
            .optional()?)
    }

    /// Makes `to` the writer of a draft that is still `from`'s. False when it is not:
    /// another app claimed it first, or it is gone.
    pub fn claim_draft(&mut self, id: i64, from: Option<&Writer>, to: &Writer) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE drafts SET writer_pid = ?4, writer_started = ?5
             WHERE id = ?1 AND writer_pid IS ?2 AND writer_started IS ?3",
            params![
                id,
                from.map(|w| w.pid),
                from.and_then(|w| w.started.as_deref()),
                to.pid,
                to.started
            ],
        )?;
        Ok(n == 1)
    }

    /// Forgets a draft of `writer`'s (after its entry is saved, or when it is thrown
    /// away). False when it is not theirs (any more).
    pub fn delete_draft(&mut self, id: i64, writer: Option<&Writer>) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM drafts WHERE id = ?1 AND writer_pid IS ?2 AND writer_started IS ?3",
            params![
                id,
                writer.map(|w| w.pid),
                writer.and_then(|w| w.started.as_deref())
            ],
        )?;
        Ok(n == 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn writer(pid: u32) -> Writer {
        Writer {
            pid,
            started: Some(format!("boot/{pid}")),
        }
    }

    #[test]
    fn a_draft_is_changed_and_dropped_only_by_its_writer() {
        let mut s = Store::open_in_memory().unwrap();
        let (a, b) = (writer(1), writer(2));
        let now = Utc::now();
        let id = s.save_draft(None, None, "a1", now, &a).unwrap();
        // B cannot write over A's draft: it gets one of its own.
        let other = s.save_draft(Some(id), None, "b1", now, &b).unwrap();
        assert_ne!(other, id);
        assert_eq!(s.draft(id).unwrap().unwrap().data, "a1");
        assert!(!s.delete_draft(id, Some(&b)).unwrap());
        // Claimed from A, it is B's: A's next save makes A a new one.
        assert!(s.claim_draft(id, Some(&a), &b).unwrap());
        assert!(
            !s.claim_draft(id, Some(&a), &writer(3)).unwrap(),
            "claimed once"
        );
        assert_eq!(s.draft(id).unwrap().unwrap().writer, Some(b.clone()));
        assert_eq!(s.save_draft(Some(id), None, "b2", now, &b).unwrap(), id);
        assert_ne!(s.save_draft(Some(id), None, "a2", now, &a).unwrap(), id);
        assert_eq!(s.draft(id).unwrap().unwrap().data, "b2");
        assert!(!s.delete_draft(id, Some(&a)).unwrap());
        assert!(s.delete_draft(id, Some(&b)).unwrap());
        assert_eq!(s.drafts().unwrap().len(), 2);
    }

    #[test]
    fn a_draft_from_before_writers_is_claimed_from_nobody() {
        let mut s = Store::open_in_memory().unwrap();
        s.conn
            .execute(
                "INSERT INTO drafts (data, updated_at) VALUES ('old', '2026-01-01T00:00:00Z')",
                [],
            )
            .unwrap();
        let d = s.drafts().unwrap().remove(0);
        assert_eq!(d.writer, None);
        assert!(s.claim_draft(d.id, None, &writer(7)).unwrap());
        assert_eq!(s.draft(d.id).unwrap().unwrap().writer, Some(writer(7)));
    }
}
