//! Typed details of structured kinds, and the pseudonymous subjects they are about.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension as _, Transaction, params};
use serde::Serialize;

use super::entries::{day, ts};
use super::{Result, Store, StoreError};
use crate::model::{ChangeTalk, Details, EntryKind, StageNote, SubjectType};

/// A subject with how many stage notes are about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectRow {
    pub key: String,
    #[serde(rename = "type")]
    pub kind: SubjectType,
    pub stage_notes: i64,
    pub last_note_on: Option<String>,
}

/// One point of a stage timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StagePoint {
    pub on: NaiveDate,
    pub entry_short_id: String,
    pub topic: String,
    pub stage: crate::model::Stage,
    pub change_talk: i64,
}

fn parse<T: std::str::FromStr<Err = String>>(idx: usize, s: &str) -> rusqlite::Result<T> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

/// The id of a subject by key (any case), created as `kind` when new.
fn subject_id(
    tx: &Transaction<'_>,
    key: &str,
    kind: SubjectType,
    now: DateTime<Utc>,
) -> Result<i64> {
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM subjects WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?
    {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO subjects (key, type, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![key, kind.as_str(), ts(now)])?;
    Ok(tx.last_insert_rowid())
}

/// Writes the typed details of an entry (its old ones already deleted).
pub(crate) fn write_details(
    tx: &Transaction<'_>,
    rowid: i64,
    details: &Details,
    now: DateTime<Utc>,
) -> Result<()> {
    match details {
        Details::None => Ok(()),
        Details::StageNote(n) => {
            let subject = subject_id(tx, &n.subject, SubjectType::Person, now)?;
            tx.prepare_cached(
                "INSERT INTO stage_notes (entry_id, subject_id, topic, stage, certainty, mi_process,
                    importance, confidence, review_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                rowid,
                subject,
                n.topic,
                n.stage.as_str(),
                n.certainty.map(|c| c.as_str()),
                n.mi_process.map(|c| c.as_str()),
                n.importance,
                n.confidence,
                n.review_on.map(day),
            ])?;
            let mut st = tx.prepare_cached(
                "INSERT INTO change_talk (entry_id, ord, code, text) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (i, c) in (0_i64..).zip(&n.change_talk) {
                st.execute(params![rowid, i, c.code.as_str(), c.text])?;
            }
            Ok(())
        }
    }
}

impl Store {
    /// The typed details of an entry of `kind`.
    pub(crate) fn read_details(&self, rowid: i64, kind: EntryKind) -> Result<Details> {
        if kind != EntryKind::StageNote {
            return Ok(Details::None);
        }
        let note = self
            .conn
            .prepare_cached(
                "SELECT s.key, n.topic, n.stage, n.certainty, n.mi_process, n.importance,
                        n.confidence, n.review_on
                 FROM stage_notes n JOIN subjects s ON s.id = n.subject_id WHERE n.entry_id = ?1",
            )?
            .query_row([rowid], |r| {
                let stage: String = r.get(2)?;
                let certainty: Option<String> = r.get(3)?;
                let process: Option<String> = r.get(4)?;
                let review: Option<String> = r.get(7)?;
                Ok(StageNote {
                    subject: r.get(0)?,
                    topic: r.get(1)?,
                    stage: parse(2, &stage)?,
                    certainty: certainty.map(|c| parse(3, &c)).transpose()?,
                    mi_process: process.map(|c| parse(4, &c)).transpose()?,
                    change_talk: Vec::new(),
                    importance: r.get(5)?,
                    confidence: r.get(6)?,
                    review_on: review.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                })
            })
            .optional()?;
        let Some(mut note) = note else {
            return Ok(Details::None);
        };
        note.change_talk = self
            .conn
            .prepare_cached("SELECT code, text FROM change_talk WHERE entry_id = ?1 ORDER BY ord")?
            .query_map([rowid], |r| {
                let code: String = r.get(0)?;
                Ok(ChangeTalk {
                    code: parse(0, &code)?,
                    text: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Details::StageNote(note))
    }

    /// Adds a subject; an existing key (in any case) is an error.
    pub fn add_subject(&mut self, key: &str, kind: SubjectType, now: DateTime<Utc>) -> Result<()> {
        let n = self.conn.execute(
            "INSERT OR IGNORE INTO subjects (key, type, created_at) VALUES (?1, ?2, ?3)",
            params![key, kind.as_str(), ts(now)],
        )?;
        if n == 0 {
            return Err(StoreError::Exists(format!("subject '{key}'")));
        }
        Ok(())
    }

    /// Whether a subject with this key (any case) exists.
    pub fn subject_exists(&self, key: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM subjects WHERE key = ?1")?
            .query_row([key], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Renames a subject; its notes follow.
    pub fn rename_subject(&mut self, from: &str, to: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let taken = tx
            .query_row(
                "SELECT 1 FROM subjects WHERE key = ?1 AND key <> ?2",
                params![to, from],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if taken {
            return Err(StoreError::Exists(format!("subject '{to}'")));
        }
        let n = tx.execute(
            "UPDATE subjects SET key = ?2 WHERE key = ?1",
            params![from, to],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!(
                "{from} (a subject: see `praxis subjects list`)"
            )));
        }
        tx.commit()?;
        Ok(())
    }

    /// Every subject with its stage-note count and latest note date.
    pub fn subjects(&self) -> Result<Vec<SubjectRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.key, s.type, count(e.id), max(e.occurred_on)
             FROM subjects s
             LEFT JOIN stage_notes n ON n.subject_id = s.id
             LEFT JOIN entries e ON e.id = n.entry_id AND e.deleted_at IS NULL
             GROUP BY s.id ORDER BY s.key COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let kind: String = r.get(1)?;
                Ok(SubjectRow {
                    key: r.get(0)?,
                    kind: parse(1, &kind)?,
                    stage_notes: r.get(2)?,
                    last_note_on: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// A subject's stage notes in date order, optionally for one topic.
    pub fn stage_history(&self, subject: &str, topic: Option<&str>) -> Result<Vec<StagePoint>> {
        if !self.subject_exists(subject)? {
            return Err(StoreError::NotFound(format!(
                "{subject} (a subject: see `praxis subjects list`)"
            )));
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.occurred_on, e.uuid, n.topic, n.stage,
                    (SELECT count(*) FROM change_talk c WHERE c.entry_id = e.id)
             FROM stage_notes n
             JOIN subjects s ON s.id = n.subject_id
             JOIN entries e ON e.id = n.entry_id
             WHERE s.key = ?1 AND e.deleted_at IS NULL AND (?2 IS NULL OR n.topic = ?2 COLLATE NOCASE)
             ORDER BY n.topic COLLATE NOCASE, e.occurred_on, e.id",
        )?;
        let rows = stmt
            .query_map(params![subject, topic], |r| {
                let on: String = r.get(0)?;
                let uuid: String = r.get(1)?;
                let stage: String = r.get(3)?;
                Ok(StagePoint {
                    on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            0,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?,
                    entry_short_id: uuid.chars().take(8).collect(),
                    topic: r.get(2)?,
                    stage: parse(3, &stage)?,
                    change_talk: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
