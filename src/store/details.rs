//! Typed details of structured kinds, and the pseudonymous subjects they are about.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension as _, params};
use serde::Serialize;

use super::entries::Ids;
use super::held::Tx;
use super::rows::{day, id_match, ts};
use super::{Result, Store, StoreError};
use crate::model::{
    AgendaItem, CallIn, ChangeTalk, Cpd, Details, EntryKind, StageNote, SubjectType, Supervision,
};

/// A row-id constraint and its value (see `rows::id_match`).
type IdMatch = (&'static str, rusqlite::types::Value);

fn opt_day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// A subject with how many entries of each kind name it (stage notes, call-ins,
/// recognition, feedback, ruptures, positive-risk plans), and when the latest was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectRow {
    pub key: String,
    #[serde(rename = "type")]
    pub kind: SubjectType,
    pub stage_notes: i64,
    /// The latest stage note's date.
    pub last_note_on: Option<String>,
    /// Live entries naming the subject, by kind, in the order of [`SUBJECT_KINDS`]; kinds
    /// with none are left out.
    pub entries: Vec<KindCount>,
    /// The latest of those entries' dates.
    pub last_on: Option<String>,
}

/// How many entries of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub kind: EntryKind,
    pub count: i64,
}

/// The tables whose rows name a subject, with the kind of entry each belongs to.
const SUBJECT_KINDS: [(&str, EntryKind); 6] = [
    ("stage_notes", EntryKind::StageNote),
    ("callins", EntryKind::CallIn),
    ("recognitions", EntryKind::Recognition),
    ("feedback", EntryKind::Feedback),
    ("ruptures", EntryKind::Rupture),
    ("positive_risks", EntryKind::PositiveRisk),
];

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
pub(crate) fn subject_id(
    tx: Tx<'_, '_>,
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
    tx: Tx<'_, '_>,
    rowid: i64,
    details: &Details,
    now: DateTime<Utc>,
    ids: Ids<'_>,
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
                Some(uuid) => ids.rowid_of(tx, uuid)?,
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
        d @ (Details::Recognition(_)
        | Details::Feedback(_)
        | Details::Rupture(_)
        | Details::PositiveRisk(_)
        | Details::GroupSession(_)) => super::practice::write(tx, rowid, d, now, ids).map(drop),
        Details::Cpd(c) => {
            tx.prepare_cached(
                "INSERT INTO cpd (entry_id, activity_type, hours, participatory) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![rowid, c.activity_type, c.hours, c.participatory])?;
            // Cached: an import writes thousands of CPD records, each compiling these anew.
            tx.prepare_cached(
                "DELETE FROM entry_links WHERE from_id = ?1 AND rel = 'cpd-evidence'",
            )?
            .execute([rowid])?;
            for id in &c.linked {
                let target = resolve_in(tx, id, ids)?;
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO entry_links (from_id, to_id, rel) VALUES (?1, ?2, 'cpd-evidence')",
                )?
                .execute(params![rowid, target])?;
            }
            Ok(())
        }
    }
}

/// Resolves an id or a prefix of one inside a transaction (for links written with an
/// entry). A whole id is found as `ids` finds ids (in a new journal built without its
/// indexes of ids, by the ids the import has written).
fn resolve_in(tx: Tx<'_, '_>, typed: &str, ids: Ids<'_>) -> Result<i64> {
    let prefix: String = typed.trim().to_lowercase();
    if prefix.len() == 36 && uuid::Uuid::parse_str(&prefix).is_ok() {
        return ids
            .rowid_of(tx, &prefix)?
            .ok_or_else(|| StoreError::NotFound(typed.trim().to_string()));
    }
    if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(StoreError::BadId(typed.trim().to_string()));
    }
    let found: Vec<(i64, String)> = tx
        .prepare_cached(
            "SELECT id, uuid FROM entries WHERE uuid >= ?1 AND uuid < ?1 || 'g' LIMIT 6",
        )?
        .query_map([&prefix], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(StoreError::NotFound(typed.trim().to_string())),
        many => Err(StoreError::Ambiguous {
            prefix: typed.trim().to_string(),
            // Enough of each to tell them apart (shown as `praxis list` shows ids).
            candidates: many
                .iter()
                .map(|(_, u)| u.get(..13).unwrap_or(u).to_string())
                .collect(),
        }),
    }
}

impl Store {
    /// The typed details of entries, by row id, given the row ids of each kind. Each
    /// details table is read once for all of them; an entry without its row has no
    /// details (Details::None).
    pub(crate) fn read_details(
        &self,
        by_kind: &[(EntryKind, Vec<i64>)],
    ) -> Result<HashMap<i64, Details>> {
        let mut out = HashMap::new();
        for (kind, ids) in by_kind {
            let ids = id_match(ids);
            match kind {
                EntryKind::StageNote => self.read_stage_notes(ids, &mut out)?,
                EntryKind::CallIn => self.read_callins(ids, &mut out)?,
                EntryKind::Supervision => self.read_supervision(ids, &mut out)?,
                EntryKind::Cpd => self.read_cpd(ids, &mut out)?,
                other => self.read_practice(*other, ids, &mut out)?,
            }
        }
        Ok(out)
    }

    fn read_callins(&self, (is, key): IdMatch, out: &mut HashMap<i64, Details>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.entry_id, s.key, c.approach, c.status, c.held_on, c.rating, c.rupture,
                    c.follow_up_on, c.followed_up_on
             FROM callins c LEFT JOIN subjects s ON s.id = c.subject_id
             WHERE c.entry_id {is}"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            let approach: String = r.get(2)?;
            let status: String = r.get(3)?;
            let rupture: Option<String> = r.get(6)?;
            Ok((
                r.get::<_, i64>(0)?,
                CallIn {
                    subject: r.get(1)?,
                    approach: parse(2, &approach)?,
                    status: parse(3, &status)?,
                    held_on: opt_day(r.get(4)?),
                    rating: r.get(5)?,
                    rupture: rupture.map(|x| parse(6, &x)).transpose()?,
                    follow_up_on: opt_day(r.get(7)?),
                    followed_up_on: opt_day(r.get(8)?),
                },
            ))
        })?;
        for row in rows {
            let (id, c) = row?;
            out.insert(id, Details::CallIn(c));
        }
        Ok(())
    }

    fn read_supervision(&self, (is, key): IdMatch, out: &mut HashMap<i64, Details>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.entry_id, s.stage, s.session_on, s.supervisor_role, s.session_type,
                    s.length_minutes, p.uuid, s.counts_as_cpd, s.peer_reflection
             FROM supervision s LEFT JOIN entries p ON p.id = s.prep_id
             WHERE s.entry_id {is}"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            let stage: String = r.get(1)?;
            let on: String = r.get(2)?;
            let kind: Option<String> = r.get(4)?;
            Ok((
                r.get::<_, i64>(0)?,
                Supervision {
                    stage: parse(1, &stage)?,
                    session_on: opt_day(Some(on)).unwrap_or_default(),
                    supervisor_role: r.get(3)?,
                    session_type: kind.map(|k| parse(4, &k)).transpose()?,
                    length_minutes: r.get(5)?,
                    prep: r.get(6)?,
                    counts_as_cpd: r.get(7)?,
                    peer_reflection: r.get(8)?,
                    agenda: Vec::new(),
                },
            ))
        })?;
        let mut found: HashMap<i64, Supervision> = HashMap::new();
        for row in rows {
            let (id, s) = row?;
            found.insert(id, s);
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT entry_id, text, function, minutes, want FROM agenda_items
             WHERE entry_id {is} ORDER BY entry_id, ord"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            let f: Option<String> = r.get(2)?;
            let w: Option<String> = r.get(4)?;
            Ok((
                r.get::<_, i64>(0)?,
                AgendaItem {
                    text: r.get(1)?,
                    function: f.map(|x| parse(2, &x)).transpose()?,
                    minutes: r.get(3)?,
                    want: w.map(|x| parse(4, &x)).transpose()?,
                },
            ))
        })?;
        for row in rows {
            let (id, item) = row?;
            if let Some(s) = found.get_mut(&id) {
                s.agenda.push(item);
            }
        }
        out.extend(
            found
                .into_iter()
                .map(|(id, s)| (id, Details::Supervision(s))),
        );
        Ok(())
    }

    fn read_cpd(&self, (is, key): IdMatch, out: &mut HashMap<i64, Details>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT entry_id, activity_type, hours, participatory FROM cpd
             WHERE entry_id {is}"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Cpd {
                    activity_type: r.get(1)?,
                    hours: r.get(2)?,
                    participatory: r.get(3)?,
                    linked: Vec::new(),
                },
            ))
        })?;
        let mut found: HashMap<i64, Cpd> = HashMap::new();
        for row in rows {
            let (id, c) = row?;
            found.insert(id, c);
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT l.from_id, e.uuid FROM entry_links l JOIN entries e ON e.id = l.to_id
             WHERE l.from_id {is} AND l.rel = 'cpd-evidence'
             ORDER BY l.from_id, e.occurred_on, e.id"
        ))?;
        let rows = stmt.query_map([&key], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
        for row in rows {
            let (id, uuid) = row?;
            if let Some(c) = found.get_mut(&id) {
                c.linked.push(uuid);
            }
        }
        out.extend(found.into_iter().map(|(id, c)| (id, Details::Cpd(c))));
        Ok(())
    }

    fn read_stage_notes(&self, (is, key): IdMatch, out: &mut HashMap<i64, Details>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT n.entry_id, s.key, n.topic, n.stage, n.certainty, n.mi_process,
                    n.importance, n.confidence, n.review_on
             FROM stage_notes n JOIN subjects s ON s.id = n.subject_id
             WHERE n.entry_id {is}"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            let stage: String = r.get(3)?;
            let certainty: Option<String> = r.get(4)?;
            let process: Option<String> = r.get(5)?;
            let review: Option<String> = r.get(8)?;
            Ok((
                r.get::<_, i64>(0)?,
                StageNote {
                    subject: r.get(1)?,
                    topic: r.get(2)?,
                    stage: parse(3, &stage)?,
                    certainty: certainty.map(|c| parse(4, &c)).transpose()?,
                    mi_process: process.map(|c| parse(5, &c)).transpose()?,
                    change_talk: Vec::new(),
                    importance: r.get(6)?,
                    confidence: r.get(7)?,
                    review_on: review.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                },
            ))
        })?;
        let mut found: HashMap<i64, StageNote> = HashMap::new();
        for row in rows {
            let (id, n) = row?;
            found.insert(id, n);
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT entry_id, code, text FROM change_talk
             WHERE entry_id {is} ORDER BY entry_id, ord"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            let code: String = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?,
                ChangeTalk {
                    code: parse(1, &code)?,
                    text: r.get(2)?,
                },
            ))
        })?;
        for row in rows {
            let (id, c) = row?;
            if let Some(n) = found.get_mut(&id) {
                n.change_talk.push(c);
            }
        }
        out.extend(found.into_iter().map(|(id, n)| (id, Details::StageNote(n))));
        Ok(())
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
            return Err(StoreError::NoSubject(from.to_string()));
        }
        tx.commit()?;
        Ok(())
    }

    /// Every subject with how many live entries of each kind name it and the latest
    /// dates (see [`SubjectRow`]).
    pub fn subjects(&self) -> Result<Vec<SubjectRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT s.key, s.type FROM subjects s ORDER BY s.key COLLATE NOCASE")?;
        let mut rows: Vec<SubjectRow> = stmt
            .query_map([], |r| {
                let kind: String = r.get(1)?;
                Ok(SubjectRow {
                    key: r.get(0)?,
                    kind: parse(1, &kind)?,
                    stage_notes: 0,
                    last_note_on: None,
                    entries: Vec::new(),
                    last_on: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let at: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.key.clone(), i))
            .collect();
        for (table, kind) in SUBJECT_KINDS {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT s.key, count(e.id), max(e.occurred_on)
                 FROM {table} t JOIN subjects s ON s.id = t.subject_id
                 JOIN entries e ON e.id = t.entry_id AND e.deleted_at IS NULL
                 GROUP BY s.id"
            ))?;
            let counts = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })?;
            for c in counts {
                let (key, n, last) = c?;
                let Some(row) = at.get(&key).map(|i| &mut rows[*i]) else {
                    continue;
                };
                if kind == EntryKind::StageNote {
                    row.stage_notes = n;
                    row.last_note_on.clone_from(&last);
                }
                row.entries.push(KindCount { kind, count: n });
                if last > row.last_on {
                    row.last_on = last;
                }
            }
        }
        Ok(rows)
    }

    /// A subject's stage notes in date order, optionally for one topic.
    pub fn stage_history(&self, subject: &str, topic: Option<&str>) -> Result<Vec<StagePoint>> {
        if !self.subject_exists(subject)? {
            return Err(StoreError::NoSubject(subject.to_string()));
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
    /// The `limit` call-ins whose follow-up is due by `today`, the longest due first, and
    /// how many are due, counted up to `count_to` and one more when there are more. The
    /// count reads the index of held call-ins by follow-up date a row at a time, and the
    /// trash's index once, no entry: it stops where the number stops being read.
    pub fn follow_ups_due(
        &self,
        today: NaiveDate,
        limit: usize,
        count_to: usize,
    ) -> Result<(Vec<CallInRow>, i64)> {
        let sql = format!(
            "SELECT {}, c.approach, c.status, c.held_on, c.follow_up_on
             FROM (SELECT c.entry_id FROM callins c
                   WHERE c.status = 'held' AND c.follow_up_on <= ?1
                     AND c.entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
                   ORDER BY c.follow_up_on, c.entry_id DESC LIMIT ?2) d
             CROSS JOIN callins c ON c.entry_id = d.entry_id
             CROSS JOIN entries e ON e.id = d.entry_id
             ORDER BY c.follow_up_on, e.id DESC",
            super::rows::SUMMARY_COLUMNS
        );
        // The due are chosen from the indexes alone (held call-ins by follow-up date, the
        // trash), and only those listed are read: a day with many follow-ups due (a team
        // journal's) is not summarised whole to list its first few.
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(
                params![day(today), i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    let approach: String = r.get(13)?;
                    let status: String = r.get(14)?;
                    Ok(CallInRow {
                        entry: super::rows::summary_from_row(r)?,
                        approach: parse(13, &approach)?,
                        status: parse(14, &status)?,
                        held_on: opt_day(r.get(15)?),
                        follow_up_on: opt_day(r.get(16)?),
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let due: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (
                     SELECT 1 FROM callins c
                     WHERE c.status = 'held' AND c.follow_up_on <= ?1
                       AND c.entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
                     LIMIT ?2)",
            )?
            .query_row(
                params![
                    day(today),
                    i64::try_from(count_to.saturating_add(1)).unwrap_or(i64::MAX)
                ],
                |r| r.get(0),
            )?;
        Ok((rows, due))
    }

    /// Call-ins, newest first; with `due`, only held ones whose follow-up date has come.
    pub fn list_callins(&self, due: Option<NaiveDate>) -> Result<Vec<CallInRow>> {
        // Two statements, not one with `?1 IS NULL OR …`: the due ones come from the
        // index of held call-ins by follow-up date, which an OR would keep SQLite from
        // using (it would walk every live entry instead).
        let sql = match due {
            Some(_) => format!(
                "SELECT {}, c.approach, c.status, c.held_on, c.follow_up_on
                 FROM callins c CROSS JOIN entries e ON e.id = c.entry_id
                 WHERE c.status = 'held' AND c.follow_up_on <= ?1 AND e.deleted_at IS NULL
                 ORDER BY c.follow_up_on, e.id DESC",
                super::rows::SUMMARY_COLUMNS
            ),
            None => format!(
                "SELECT {}, c.approach, c.status, c.held_on, c.follow_up_on
                 FROM callins c CROSS JOIN entries e ON e.id = c.entry_id
                 WHERE e.deleted_at IS NULL
                 ORDER BY e.occurred_on DESC, c.follow_up_on, e.id DESC",
                super::rows::SUMMARY_COLUMNS
            ),
        };
        let args: Vec<String> = due.map(day).into_iter().collect();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(&args), |r| {
                let approach: String = r.get(13)?;
                let status: String = r.get(14)?;
                Ok(CallInRow {
                    entry: super::rows::summary_from_row(r)?,
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
