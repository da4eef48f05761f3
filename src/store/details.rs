//! Typed details of structured kinds, and the pseudonymous subjects they are about.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension as _, Transaction, params};
use serde::Serialize;

use super::entries::{day, ts};
use super::{Result, Store, StoreError};
use crate::model::{
    AgendaItem, CallIn, ChangeTalk, Cpd, Details, EntryKind, StageNote, SubjectType, Supervision,
};

fn opt_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

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
        Details::CallIn(c) => {
            let subject = match &c.subject {
                Some(key) => Some(subject_id(tx, key, SubjectType::Person, now)?),
                None => None,
            };
            tx.prepare_cached(
                "INSERT INTO callins (entry_id, subject_id, approach, status, held_on, rating,
                    rupture, follow_up_on, followed_up_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                rowid,
                subject,
                c.approach.as_str(),
                c.status.as_str(),
                c.held_on.map(day),
                c.rating,
                c.rupture.map(|r| r.as_str()),
                c.follow_up_on.map(day),
                c.followed_up_on.map(day),
            ])?;
            Ok(())
        }
        Details::Supervision(s) => {
            let prep = match &s.prep {
                Some(uuid) => tx
                    .query_row("SELECT id FROM entries WHERE uuid = ?1", [uuid], |r| {
                        r.get::<_, i64>(0)
                    })
                    .optional()?,
                None => None,
            };
            tx.prepare_cached(
                "INSERT INTO supervision (entry_id, stage, session_on, supervisor_role,
                    session_type, length_minutes, prep_id, counts_as_cpd, peer_reflection)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                rowid,
                s.stage.as_str(),
                day(s.session_on),
                s.supervisor_role,
                s.session_type.map(|t| t.as_str()),
                s.length_minutes,
                prep,
                s.counts_as_cpd,
                s.peer_reflection,
            ])?;
            let mut st = tx.prepare_cached(
                "INSERT INTO agenda_items (entry_id, ord, text, function, minutes, want)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (i, a) in (0_i64..).zip(&s.agenda) {
                st.execute(params![
                    rowid,
                    i,
                    a.text,
                    a.function.map(|f| f.as_str()),
                    a.minutes,
                    a.want.map(|w| w.as_str()),
                ])?;
            }
            Ok(())
        }
        Details::Cpd(c) => {
            tx.prepare_cached(
                "INSERT INTO cpd (entry_id, activity_type, hours, participatory) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![rowid, c.activity_type, c.hours, c.participatory])?;
            tx.execute(
                "DELETE FROM entry_links WHERE from_id = ?1 AND rel = 'cpd-evidence'",
                [rowid],
            )?;
            for id in &c.linked {
                let target = resolve_in(tx, id)?;
                tx.execute(
                    "INSERT OR IGNORE INTO entry_links (from_id, to_id, rel) VALUES (?1, ?2, 'cpd-evidence')",
                    params![rowid, target],
                )?;
            }
            Ok(())
        }
    }
}

/// Resolves an id prefix inside a transaction (for links written with an entry).
fn resolve_in(tx: &Transaction<'_>, typed: &str) -> Result<i64> {
    let prefix: String = typed.trim().to_lowercase();
    if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(StoreError::BadId(typed.trim().to_string()));
    }
    let found: Vec<i64> = tx
        .prepare_cached("SELECT id FROM entries WHERE uuid >= ?1 AND uuid < ?1 || 'g' LIMIT 2")?
        .query_map([&prefix], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [id] => Ok(*id),
        [] => Err(StoreError::NotFound(typed.trim().to_string())),
        _ => Err(StoreError::Ambiguous {
            prefix: typed.trim().to_string(),
            candidates: Vec::new(),
        }),
    }
}

impl Store {
    /// The typed details of an entry of `kind`.
    pub(crate) fn read_details(&self, rowid: i64, kind: EntryKind) -> Result<Details> {
        match kind {
            EntryKind::StageNote => self.read_stage_note(rowid),
            EntryKind::CallIn => self.read_callin(rowid),
            EntryKind::Supervision => self.read_supervision(rowid),
            EntryKind::Cpd => self.read_cpd(rowid),
            _ => Ok(Details::None),
        }
    }

    fn read_callin(&self, rowid: i64) -> Result<Details> {
        let c = self
            .conn
            .prepare_cached(
                "SELECT s.key, c.approach, c.status, c.held_on, c.rating, c.rupture,
                        c.follow_up_on, c.followed_up_on
                 FROM callins c LEFT JOIN subjects s ON s.id = c.subject_id WHERE c.entry_id = ?1",
            )?
            .query_row([rowid], |r| {
                let approach: String = r.get(1)?;
                let status: String = r.get(2)?;
                let rupture: Option<String> = r.get(5)?;
                Ok(CallIn {
                    subject: r.get(0)?,
                    approach: parse(1, &approach)?,
                    status: parse(2, &status)?,
                    held_on: opt_day(r.get(3)?),
                    rating: r.get(4)?,
                    rupture: rupture.map(|x| parse(5, &x)).transpose()?,
                    follow_up_on: opt_day(r.get(6)?),
                    followed_up_on: opt_day(r.get(7)?),
                })
            })
            .optional()?;
        Ok(c.map_or(Details::None, Details::CallIn))
    }

    fn read_supervision(&self, rowid: i64) -> Result<Details> {
        let s = self
            .conn
            .prepare_cached(
                "SELECT s.stage, s.session_on, s.supervisor_role, s.session_type, s.length_minutes,
                        p.uuid, s.counts_as_cpd, s.peer_reflection
                 FROM supervision s LEFT JOIN entries p ON p.id = s.prep_id WHERE s.entry_id = ?1",
            )?
            .query_row([rowid], |r| {
                let stage: String = r.get(0)?;
                let on: String = r.get(1)?;
                let kind: Option<String> = r.get(3)?;
                Ok(Supervision {
                    stage: parse(0, &stage)?,
                    session_on: opt_day(Some(on)).unwrap_or_default(),
                    supervisor_role: r.get(2)?,
                    session_type: kind.map(|k| parse(3, &k)).transpose()?,
                    length_minutes: r.get(4)?,
                    prep: r.get(5)?,
                    counts_as_cpd: r.get(6)?,
                    peer_reflection: r.get(7)?,
                    agenda: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut s) = s else {
            return Ok(Details::None);
        };
        s.agenda = self
            .conn
            .prepare_cached(
                "SELECT text, function, minutes, want FROM agenda_items WHERE entry_id = ?1 ORDER BY ord",
            )?
            .query_map([rowid], |r| {
                let f: Option<String> = r.get(1)?;
                let w: Option<String> = r.get(3)?;
                Ok(AgendaItem {
                    text: r.get(0)?,
                    function: f.map(|x| parse(1, &x)).transpose()?,
                    minutes: r.get(2)?,
                    want: w.map(|x| parse(3, &x)).transpose()?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Details::Supervision(s))
    }

    fn read_cpd(&self, rowid: i64) -> Result<Details> {
        let c = self
            .conn
            .prepare_cached(
                "SELECT activity_type, hours, participatory FROM cpd WHERE entry_id = ?1",
            )?
            .query_row([rowid], |r| {
                Ok(Cpd {
                    activity_type: r.get(0)?,
                    hours: r.get(1)?,
                    participatory: r.get(2)?,
                    linked: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut c) = c else {
            return Ok(Details::None);
        };
        c.linked = self
            .conn
            .prepare_cached(
                "SELECT e.uuid FROM entry_links l JOIN entries e ON e.id = l.to_id
                 WHERE l.from_id = ?1 AND l.rel = 'cpd-evidence' ORDER BY e.occurred_on, e.id",
            )?
            .query_map([rowid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Details::Cpd(c))
    }

    fn read_stage_note(&self, rowid: i64) -> Result<Details> {
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

/// A call-in in a list: its entry and where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct CallInRow {
    #[serde(flatten)]
    pub entry: crate::model::EntrySummary,
    pub approach: crate::model::Approach,
    pub status: crate::model::CallInStatus,
    pub held_on: Option<NaiveDate>,
    pub follow_up_on: Option<NaiveDate>,
}

impl Store {
    /// Call-ins, newest first; with `due`, only held ones whose follow-up date has come.
    pub fn list_callins(&self, due: Option<NaiveDate>) -> Result<Vec<CallInRow>> {
        let sql = format!(
            "SELECT {}, c.approach, c.status, c.held_on, c.follow_up_on
             FROM callins c JOIN entries e ON e.id = c.entry_id
             WHERE e.deleted_at IS NULL
               AND (?1 IS NULL OR (c.status = 'held' AND c.follow_up_on <= ?1))
             ORDER BY CASE WHEN ?1 IS NULL THEN e.occurred_on END DESC, c.follow_up_on, e.id DESC",
            super::entries::SUMMARY_COLUMNS
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([due.map(day)], |r| {
                let approach: String = r.get(13)?;
                let status: String = r.get(14)?;
                Ok(CallInRow {
                    entry: super::entries::summary_from_row(r)?,
                    approach: parse(13, &approach)?,
                    status: parse(14, &status)?,
                    held_on: opt_day(r.get(15)?),
                    follow_up_on: opt_day(r.get(16)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// CPD hours for a period, by activity.
#[derive(Debug, Clone, Serialize)]
pub struct CpdSummary {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub records: i64,
    pub hours: f64,
    pub participatory_hours: f64,
    /// Records with something written under peer discussion.
    pub with_peer_discussion: i64,
    pub by_activity: Vec<CpdActivity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CpdActivity {
    pub activity: String,
    pub records: i64,
    pub hours: f64,
}

impl Store {
    /// Sums CPD records between two dates (inclusive, either open).
    pub fn cpd_summary(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<CpdSummary> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.activity_type, count(*), total(c.hours),
                    total(CASE WHEN c.participatory THEN c.hours ELSE 0 END),
                    sum(EXISTS (SELECT 1 FROM sections s WHERE s.entry_id = e.id
                                AND s.key = 'peer-discussion' AND trim(s.text) <> ''))
             FROM cpd c JOIN entries e ON e.id = c.entry_id
             WHERE e.deleted_at IS NULL
               AND (?1 IS NULL OR e.occurred_on >= ?1) AND (?2 IS NULL OR e.occurred_on <= ?2)
             GROUP BY c.activity_type ORDER BY total(c.hours) DESC, c.activity_type",
        )?;
        let mut out = CpdSummary {
            since,
            until,
            records: 0,
            hours: 0.0,
            participatory_hours: 0.0,
            with_peer_discussion: 0,
            by_activity: Vec::new(),
        };
        let rows = stmt.query_map(params![since.map(day), until.map(day)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, f64>(2)?,
                r.get::<_, f64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        for row in rows {
            let (activity, n, hours, part, peer) = row?;
            out.records += n;
            out.hours += hours;
            out.participatory_hours += part;
            out.with_peer_discussion += peer;
            out.by_activity.push(CpdActivity {
                activity,
                records: n,
                hours,
            });
        }
        Ok(out)
    }
}
