//! The practice kinds in the journal (PRACTICE.md §12–§18): their typed rows written and
//! read with their entries, the lists and filters of each kind (by subject, status,
//! source, format, review due) through their indexes, what supervision preparation and
//! the "what keeps me going" pattern read from them, and the check `praxis doctor` runs.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, params, params_from_iter};
use serde::Serialize;

use super::details::subject_id;
use super::entries::{Ids, insert_entry_tx, update_entry_tx};
use super::health::Finding;
use super::held::Tx;
use super::rows::{SUMMARY_COLUMNS, date, day, opt_date, summary_from_row, word};
use super::{Result, Store};
use crate::model::practice::FeedbackSource;
use crate::model::{
    Details, Direction, Entry, EntryKind, EntrySummary, Feedback, GroupFormat, GroupRole,
    GroupSession, PlanStatus, PositiveRisk, Recognition, RiskReview, RuptureKind, RuptureNote,
    RuptureStatus, Said, SubjectType, Tone,
};

/// The link from a rupture to the call-in it arose in.
const AROSE_IN: &str = "arose-in";

/// A row-id constraint and its value (see `rows::id_match`).
type IdMatch = (&'static str, rusqlite::types::Value);

/// Writes the typed rows of a practice entry (its old ones already deleted). False when
/// the details are not of a practice kind.
pub(crate) fn write(
    tx: Tx<'_, '_>,
    rowid: i64,
    details: &Details,
    now: DateTime<Utc>,
    ids: Ids<'_>,
) -> Result<bool> {
    match details {
        Details::Recognition(r) => {
            let subject = subject_id(tx, &r.subject, SubjectType::Colleague, now)?;
            tx.prepare_cached(
                "INSERT INTO recognitions (entry_id, direction, subject_id, said, said_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                rowid,
                r.direction.as_str(),
                subject,
                r.said.as_str(),
                r.said_on.map(day)
            ])?;
        }
        Details::Feedback(f) => {
            let subject = match &f.subject {
                Some(key) => Some(subject_id(tx, key, f.source.subject_type(), now)?),
                None => None,
            };
            tx.prepare_cached(
                "INSERT INTO feedback (entry_id, source, subject_id, tone) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                rowid,
                f.source.as_str(),
                subject,
                f.tone.map(|t| t.as_str())
            ])?;
        }
        Details::Rupture(r) => {
            let subject = subject_id(tx, &r.subject, SubjectType::Colleague, now)?;
            tx.prepare_cached(
                "INSERT INTO ruptures (entry_id, subject_id, kind, status, repair_tried_on, closed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                rowid,
                subject,
                r.kind.map(|k| k.as_str()),
                r.status.as_str(),
                r.repair_tried_on.map(day),
                r.closed_on.map(day)
            ])?;
            tx.prepare_cached("DELETE FROM entry_links WHERE from_id = ?1 AND rel = ?2")?
                .execute(params![rowid, AROSE_IN])?;
            // A call-in that is not in the journal (left out of a file) links nothing.
            if let Some(callin) = &r.callin
                && let Some(to) = ids.rowid_of(tx, callin)?
            {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO entry_links (from_id, to_id, rel) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![rowid, to, AROSE_IN])?;
            }
        }
        Details::PositiveRisk(p) => {
            let subject = subject_id(tx, &p.subject, SubjectType::Person, now)?;
            tx.prepare_cached(
                "INSERT INTO positive_risks (entry_id, subject_id, status, review_on)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                rowid,
                subject,
                p.status.as_str(),
                p.review_on.map(day)
            ])?;
            let mut st = tx.prepare_cached(
                "INSERT INTO risk_reviews (entry_id, ord, reviewed_on, decision, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, r) in (0_i64..).zip(&p.reviews) {
                st.execute(params![rowid, i, day(r.on), r.decision.as_str(), r.note])?;
            }
        }
        Details::GroupSession(g) => {
            tx.prepare_cached(
                "INSERT INTO group_sessions (entry_id, format, my_role, length_minutes,
                    peer_reflection, counts_as_cpd)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                rowid,
                g.format.as_str(),
                g.my_role.map(|r| r.as_str()),
                g.length_minutes,
                g.peer_reflection,
                g.counts_as_cpd
            ])?;
            let mut st = tx.prepare_cached(
                "INSERT INTO group_present (entry_id, ord, who) VALUES (?1, ?2, ?3)",
            )?;
            for (i, who) in (0_i64..).zip(&g.present) {
                st.execute(params![rowid, i, who])?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn parse<T: std::str::FromStr<Err = String>>(idx: usize, s: &str) -> rusqlite::Result<T> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

fn opt_word<T: std::str::FromStr<Err = String>>(
    r: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(idx)?;
    s.map(|s| parse(idx, &s)).transpose()
}

impl Store {
    /// Reads the typed details of practice entries of `kind` (row ids in `ids`) into
    /// `out`; other kinds are left alone.
    pub(crate) fn read_practice(
        &self,
        kind: EntryKind,
        (is, key): IdMatch,
        out: &mut HashMap<i64, Details>,
    ) -> Result<()> {
        match kind {
            EntryKind::Recognition => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT r.entry_id, r.direction, s.key, r.said, r.said_on
                     FROM recognitions r JOIN subjects s ON s.id = r.subject_id
                     WHERE r.entry_id {is}"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Details::Recognition(Recognition {
                            direction: word(r, 1)?,
                            subject: r.get(2)?,
                            said: word(r, 3)?,
                            said_on: opt_date(r, 4)?,
                        }),
                    ))
                })?;
                for row in rows {
                    let (id, d) = row?;
                    out.insert(id, d);
                }
            }
            EntryKind::Feedback => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT f.entry_id, f.source, s.key, f.tone
                     FROM feedback f LEFT JOIN subjects s ON s.id = f.subject_id
                     WHERE f.entry_id {is}"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Details::Feedback(Feedback {
                            source: word(r, 1)?,
                            subject: r.get(2)?,
                            tone: opt_word(r, 3)?,
                        }),
                    ))
                })?;
                for row in rows {
                    let (id, d) = row?;
                    out.insert(id, d);
                }
            }
            EntryKind::Rupture => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT r.entry_id, s.key, r.kind, r.status, r.repair_tried_on, r.closed_on,
                            (SELECT c.uuid FROM entry_links l JOIN entries c ON c.id = l.to_id
                             WHERE l.from_id = r.entry_id AND l.rel = '{AROSE_IN}')
                     FROM ruptures r JOIN subjects s ON s.id = r.subject_id
                     WHERE r.entry_id {is}"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        Details::Rupture(RuptureNote {
                            subject: r.get(1)?,
                            kind: opt_word(r, 2)?,
                            status: word(r, 3)?,
                            repair_tried_on: opt_date(r, 4)?,
                            closed_on: opt_date(r, 5)?,
                            callin: r.get(6)?,
                        }),
                    ))
                })?;
                for row in rows {
                    let (id, d) = row?;
                    out.insert(id, d);
                }
            }
            EntryKind::PositiveRisk => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT p.entry_id, s.key, p.status, p.review_on
                     FROM positive_risks p JOIN subjects s ON s.id = p.subject_id
                     WHERE p.entry_id {is}"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        PositiveRisk {
                            subject: r.get(1)?,
                            status: word(r, 2)?,
                            review_on: opt_date(r, 3)?,
                            reviews: Vec::new(),
                        },
                    ))
                })?;
                let mut found: HashMap<i64, PositiveRisk> = HashMap::new();
                for row in rows {
                    let (id, p) = row?;
                    found.insert(id, p);
                }
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT entry_id, reviewed_on, decision, note FROM risk_reviews
                     WHERE entry_id {is} ORDER BY entry_id, ord"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        RiskReview {
                            on: date(r, 1)?,
                            decision: word(r, 2)?,
                            note: r.get(3)?,
                        },
                    ))
                })?;
                for row in rows {
                    let (id, review) = row?;
                    if let Some(p) = found.get_mut(&id) {
                        p.reviews.push(review);
                    }
                }
                out.extend(
                    found
                        .into_iter()
                        .map(|(id, p)| (id, Details::PositiveRisk(p))),
                );
            }
            EntryKind::GroupSession => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT entry_id, format, my_role, length_minutes, peer_reflection, counts_as_cpd
                     FROM group_sessions WHERE entry_id {is}"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        GroupSession {
                            format: word(r, 1)?,
                            my_role: opt_word(r, 2)?,
                            length_minutes: r.get(3)?,
                            present: Vec::new(),
                            peer_reflection: r.get(4)?,
                            counts_as_cpd: r.get(5)?,
                        },
                    ))
                })?;
                let mut found: HashMap<i64, GroupSession> = HashMap::new();
                for row in rows {
                    let (id, g) = row?;
                    found.insert(id, g);
                }
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT entry_id, who FROM group_present WHERE entry_id {is} ORDER BY entry_id, ord"
                ))?;
                let rows = stmt.query_map([&key], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?;
                for row in rows {
                    let (id, who) = row?;
                    if let Some(g) = found.get_mut(&id) {
                        g.present.push(who);
                    }
                }
                out.extend(
                    found
                        .into_iter()
                        .map(|(id, g)| (id, Details::GroupSession(g))),
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// Saves a new entry whose subject is new to the journal as `subject` (its key and
    /// type), in one transaction; a subject already there keeps its type.
    pub fn insert_with_subject(
        &mut self,
        e: &Entry,
        subject: Option<(&str, SubjectType)>,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        if let Some((key, kind)) = subject {
            subject_id(Tx::new(&tx), key, kind, e.updated_at)?;
        }
        let rowid = insert_entry_tx(&tx, e)?;
        tx.commit()?;
        Ok(rowid)
    }

    /// Saves changes to an entry and new entries that follow from them (a call-in's
    /// outcome and the rupture it shows) in one transaction. Returns the entry as saved.
    pub fn update_and_insert(
        &mut self,
        e: &Entry,
        new: &[Entry],
        now: DateTime<Utc>,
    ) -> Result<Entry> {
        let tx = self.conn.transaction()?;
        let rowid = update_entry_tx(&tx, e, now)?;
        for n in new {
            insert_entry_tx(&tx, n)?;
        }
        tx.commit()?;
        self.entry_by_rowid(rowid)
    }

    /// The type of the subject `key` (any case), if there is one.
    pub fn subject_type(&self, key: &str) -> Result<Option<SubjectType>> {
        let kind: Option<String> = self
            .conn
            .prepare_cached("SELECT type FROM subjects WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        kind.map(|k| k.parse())
            .transpose()
            .map_err(super::StoreError::Damaged)
    }

    /// Ids of the entries that arose in the entry `rowid` (ruptures of a call-in).
    pub fn ruptures_of(&self, rowid: i64) -> Result<Vec<uuid::Uuid>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.uuid FROM entry_links l JOIN entries e ON e.id = l.from_id
             WHERE l.to_id = ?1 AND l.rel = ?2 AND e.deleted_at IS NULL ORDER BY e.id",
        )?;
        let rows = stmt
            .query_map(params![rowid, AROSE_IN], |r| super::rows::uuid(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// A list query of one practice kind, newest first (or as `order` says), with conditions
/// added only when asked for so that each can use its index. A selective filter (a
/// subject, a status, not yet said, a review due) reads the kind's own table through
/// that filter's index and sorts the few rows it finds; without one, the entries of the
/// kind are read by date from `entries_by_kind` and reading stops at the limit (at
/// 100,000 entries: under a millisecond, where reading the kind's whole table and
/// sorting it took 20 to 35).
struct ListQuery {
    select: &'static str,
    /// The kind's table first, then the entry: for selective filters.
    parts_first: &'static str,
    /// The entries of the kind by date first: for the rest.
    entries_first: &'static str,
    kind: EntryKind,
    conditions: Vec<String>,
    args: Vec<Box<dyn rusqlite::ToSql>>,
    selective: bool,
    order: &'static str,
}

impl ListQuery {
    fn new(
        kind: EntryKind,
        select: &'static str,
        (parts_first, entries_first): (&'static str, &'static str),
        order: &'static str,
    ) -> Self {
        ListQuery {
            select,
            parts_first,
            entries_first,
            kind,
            conditions: vec!["e.deleted_at IS NULL".into()],
            args: Vec::new(),
            selective: false,
            order,
        }
    }

    /// Adds `condition`, with `?` standing for `value`; `selective`: few rows match it.
    fn and(&mut self, condition: &str, value: impl rusqlite::ToSql + 'static, selective: bool) {
        self.args.push(Box::new(value));
        let n = self.args.len();
        self.conditions
            .push(condition.replace('?', &format!("?{n}")));
        self.selective |= selective;
    }

    /// Adds a condition with no value; `selective`: few rows match it.
    fn and_sql(&mut self, condition: &str, selective: bool) {
        self.conditions.push(condition.to_string());
        self.selective |= selective;
    }

    /// The statement, its parameters ending with the kind and the limit.
    fn sql(&mut self, limit: usize) -> String {
        self.args.push(Box::new(self.kind.as_str()));
        self.conditions
            .push(format!("e.kind = ?{}", self.args.len()));
        self.args
            .push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let from = if self.selective {
            self.parts_first
        } else {
            self.entries_first
        };
        format!(
            "SELECT {SUMMARY_COLUMNS}, {} FROM {from} WHERE {} ORDER BY {} LIMIT ?{}",
            self.select,
            self.conditions.join(" AND "),
            self.order,
            self.args.len()
        )
    }

    fn run<T>(
        mut self,
        store: &Store,
        limit: usize,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let sql = self.sql(limit);
        let mut stmt = store.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(self.args.iter()), row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// The two ways of joining a kind's table (alias `t` in its own terms) with entries
/// and, when it has one, its subject.
macro_rules! joins {
    ($table:literal AS $t:literal $(, subject $left:literal)?) => {
        (
            concat!($table, " ", $t, $(" ", $left, " JOIN subjects s ON s.id = ", $t, ".subject_id",)?
                " CROSS JOIN entries e ON e.id = ", $t, ".entry_id"),
            concat!("entries e JOIN ", $table, " ", $t, " ON ", $t, ".entry_id = e.id"
                $(, " ", $left, " JOIN subjects s ON s.id = ", $t, ".subject_id")?),
        )
    };
}

/// The first column after [`SUMMARY_COLUMNS`].
const C: usize = 13;

/// Recognition in a list.
#[derive(Debug, Clone, Serialize)]
pub struct RecognitionRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub direction: Direction,
    pub subject: String,
    pub said: Said,
    pub said_on: Option<NaiveDate>,
}

/// Which recognition to list.
#[derive(Debug, Clone, Default)]
pub struct RecognitionFilter {
    pub direction: Option<Direction>,
    /// Only recognition not yet said.
    pub not_yet: bool,
    pub subject: Option<String>,
    /// Noted on or before this day.
    pub until: Option<NaiveDate>,
}

/// Feedback in a list.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub source: FeedbackSource,
    pub subject: Option<String>,
    pub tone: Option<Tone>,
}

/// Which feedback to list.
#[derive(Debug, Clone, Default)]
pub struct FeedbackFilter {
    pub source: Option<FeedbackSource>,
    pub subject: Option<String>,
    /// Received after this day.
    pub after: Option<NaiveDate>,
    /// Received on or before this day.
    pub until: Option<NaiveDate>,
}

/// A rupture in a list.
#[derive(Debug, Clone, Serialize)]
pub struct RuptureRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub subject: String,
    pub rupture_kind: Option<RuptureKind>,
    pub status: RuptureStatus,
    pub repair_tried_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

/// Which ruptures to list.
#[derive(Debug, Clone, Default)]
pub struct RuptureFilter {
    /// Only these statuses (all when empty).
    pub statuses: Vec<RuptureStatus>,
    pub subject: Option<String>,
    /// Noticed on or before this day.
    pub until: Option<NaiveDate>,
}

/// A positive-risk plan in a list.
#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub subject: String,
    pub status: PlanStatus,
    pub review_on: Option<NaiveDate>,
    pub reviews: i64,
}

/// Which positive-risk plans to list.
#[derive(Debug, Clone, Default)]
pub struct RiskFilter {
    /// Only active plans whose review has come by this day.
    pub due: Option<NaiveDate>,
    /// Ended plans too.
    pub ended: bool,
    pub subject: Option<String>,
}

/// A group session in a list.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub format: GroupFormat,
    pub my_role: Option<GroupRole>,
    pub length_minutes: Option<u32>,
    pub peer_reflection: bool,
    pub counts_as_cpd: bool,
    pub present: i64,
}

/// Which group sessions to list.
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    pub format: Option<GroupFormat>,
    /// Held after this day.
    pub after: Option<NaiveDate>,
    /// Held on or before this day.
    pub until: Option<NaiveDate>,
    /// Only those that count as peer reflection or CPD.
    pub counting: bool,
}

impl Store {
    /// Recognition, newest first.
    pub fn list_recognition(
        &self,
        f: &RecognitionFilter,
        limit: usize,
    ) -> Result<Vec<RecognitionRow>> {
        let mut q = ListQuery::new(
            EntryKind::Recognition,
            "r.direction, s.key, r.said, r.said_on",
            joins!("recognitions" AS "r", subject ""),
            "e.occurred_on DESC, e.id DESC",
        );
        if f.not_yet {
            q.and_sql("r.said = 'not-yet'", true);
        }
        if let Some(d) = f.direction {
            q.and("r.direction = ?", d.as_str(), false);
        }
        if let Some(s) = &f.subject {
            q.and("s.key = ?", s.clone(), true);
        }
        if let Some(u) = f.until {
            q.and("e.occurred_on <= ?", day(u), false);
        }
        q.run(self, limit, |r| {
            Ok(RecognitionRow {
                entry: summary_from_row(r)?,
                direction: word(r, C)?,
                subject: r.get(C + 1)?,
                said: word(r, C + 2)?,
                said_on: opt_date(r, C + 3)?,
            })
        })
    }

    /// Feedback, newest first.
    pub fn list_feedback(&self, f: &FeedbackFilter, limit: usize) -> Result<Vec<FeedbackRow>> {
        let mut q = ListQuery::new(
            EntryKind::Feedback,
            "f.source, s.key, f.tone",
            joins!("feedback" AS "f", subject "LEFT"),
            "e.occurred_on DESC, e.id DESC",
        );
        if let Some(src) = f.source {
            q.and("f.source = ?", src.as_str(), true);
        }
        if let Some(s) = &f.subject {
            q.and("s.key = ?", s.clone(), true);
        }
        if let Some(a) = f.after {
            q.and("e.occurred_on > ?", day(a), false);
        }
        if let Some(u) = f.until {
            q.and("e.occurred_on <= ?", day(u), false);
        }
        q.run(self, limit, |r| {
            Ok(FeedbackRow {
                entry: summary_from_row(r)?,
                source: word(r, C)?,
                subject: r.get(C + 1)?,
                tone: opt_word(r, C + 2)?,
            })
        })
    }

    /// Ruptures, newest first.
    pub fn list_ruptures(&self, f: &RuptureFilter, limit: usize) -> Result<Vec<RuptureRow>> {
        let mut q = ListQuery::new(
            EntryKind::Rupture,
            "s.key, r.kind, r.status, r.repair_tried_on, r.closed_on",
            joins!("ruptures" AS "r", subject ""),
            "e.occurred_on DESC, e.id DESC",
        );
        if !f.statuses.is_empty() {
            // Statuses are words of the model, never typed text.
            let list = f
                .statuses
                .iter()
                .map(|s| format!("'{}'", s.as_str()))
                .collect::<Vec<_>>()
                .join(", ");
            q.and_sql(&format!("r.status IN ({list})"), true);
        }
        if let Some(s) = &f.subject {
            q.and("s.key = ?", s.clone(), true);
        }
        if let Some(u) = f.until {
            q.and("e.occurred_on <= ?", day(u), false);
        }
        q.run(self, limit, |r| {
            Ok(RuptureRow {
                entry: summary_from_row(r)?,
                subject: r.get(C)?,
                rupture_kind: opt_word(r, C + 1)?,
                status: word(r, C + 2)?,
                repair_tried_on: opt_date(r, C + 3)?,
                closed_on: opt_date(r, C + 4)?,
            })
        })
    }

    /// Positive-risk plans: with `due`, the active ones whose review has come, soonest
    /// first (from the index of active plans by review day); else newest first.
    pub fn list_positive_risks(&self, f: &RiskFilter, limit: usize) -> Result<Vec<RiskRow>> {
        let order = if f.due.is_some() {
            "p.review_on, e.id"
        } else {
            "e.occurred_on DESC, e.id DESC"
        };
        let mut q = ListQuery::new(
            EntryKind::PositiveRisk,
            "s.key, p.status, p.review_on, (SELECT count(*) FROM risk_reviews v WHERE v.entry_id = e.id)",
            joins!("positive_risks" AS "p", subject ""),
            order,
        );
        if let Some(d) = f.due {
            q.and_sql("p.status = 'active'", true);
            q.and("p.review_on <= ?", day(d), true);
        } else if !f.ended {
            q.and_sql("p.status = 'active'", false);
        }
        if let Some(s) = &f.subject {
            q.and("s.key = ?", s.clone(), true);
        }
        q.run(self, limit, |r| {
            Ok(RiskRow {
                entry: summary_from_row(r)?,
                subject: r.get(C)?,
                status: word(r, C + 1)?,
                review_on: opt_date(r, C + 2)?,
                reviews: r.get(C + 3)?,
            })
        })
    }

    /// Group sessions, newest first.
    pub fn list_group_sessions(&self, f: &GroupFilter, limit: usize) -> Result<Vec<GroupRow>> {
        let mut q = ListQuery::new(
            EntryKind::GroupSession,
            "g.format, g.my_role, g.length_minutes, g.peer_reflection, g.counts_as_cpd,
             (SELECT count(*) FROM group_present p WHERE p.entry_id = e.id)",
            joins!("group_sessions" AS "g"),
            "e.occurred_on DESC, e.id DESC",
        );
        if let Some(fmt) = f.format {
            q.and("g.format = ?", fmt.as_str(), true);
        }
        if let Some(a) = f.after {
            q.and("e.occurred_on > ?", day(a), false);
        }
        if let Some(u) = f.until {
            q.and("e.occurred_on <= ?", day(u), false);
        }
        if f.counting {
            q.and_sql("(g.peer_reflection = 1 OR g.counts_as_cpd = 1)", false);
        }
        q.run(self, limit, |r| {
            Ok(GroupRow {
                entry: summary_from_row(r)?,
                format: word(r, C)?,
                my_role: opt_word(r, C + 1)?,
                length_minutes: r.get(C + 2)?,
                peer_reflection: r.get(C + 3)?,
                counts_as_cpd: r.get(C + 4)?,
                present: r.get(C + 5)?,
            })
        })
    }
}

/// What the practice kinds bring to a supervision prep (PRACTICE.md §13–§17).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PracticeMaterial {
    /// Ruptures open or with repair tried, noticed by the session.
    pub ruptures: Vec<RuptureRow>,
    /// Recognition given and not yet said.
    pub unsaid: Vec<RecognitionRow>,
    /// Feedback received since the last session.
    pub feedback: Vec<FeedbackRow>,
    /// Positive-risk plans whose review has come by the session.
    pub reviews_due: Vec<RiskRow>,
    /// Group sessions since the last session that count as peer reflection or CPD.
    pub sessions: Vec<GroupRow>,
}

/// How many of each a prep gathers at most: a prep is an agenda, not an archive.
const PREP_LIMIT: usize = 20;

impl Store {
    /// What the practice kinds bring to a prep for a session on `date`, the last one
    /// having been on `since` (None: no session recorded yet).
    pub fn practice_material(
        &self,
        date: NaiveDate,
        since: Option<NaiveDate>,
    ) -> Result<PracticeMaterial> {
        let mut ruptures = self.list_ruptures(
            &RuptureFilter {
                statuses: vec![RuptureStatus::Open, RuptureStatus::RepairTried],
                until: Some(date),
                ..RuptureFilter::default()
            },
            PREP_LIMIT,
        )?;
        ruptures.reverse();
        let mut unsaid = self.list_recognition(
            &RecognitionFilter {
                direction: Some(Direction::Given),
                not_yet: true,
                until: Some(date),
                ..RecognitionFilter::default()
            },
            PREP_LIMIT,
        )?;
        unsaid.reverse();
        let mut feedback = self.list_feedback(
            &FeedbackFilter {
                after: since,
                until: Some(date),
                ..FeedbackFilter::default()
            },
            PREP_LIMIT,
        )?;
        feedback.reverse();
        let reviews_due = self.list_positive_risks(
            &RiskFilter {
                due: Some(date),
                ..RiskFilter::default()
            },
            PREP_LIMIT,
        )?;
        let mut sessions = self.list_group_sessions(
            &GroupFilter {
                after: since,
                until: Some(date),
                counting: true,
                ..GroupFilter::default()
            },
            PREP_LIMIT,
        )?;
        sessions.reverse();
        Ok(PracticeMaterial {
            ruptures,
            unsaid,
            feedback,
            reviews_due,
            sessions,
        })
    }
}

/// One month of what sustains a worker (PRACTICE.md §18): counts, never a score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SustainMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub recognition_received: i64,
    pub recognition_given: i64,
    /// Of the recognition given, how much is not yet said.
    pub given_not_yet_said: i64,
    pub feedback: i64,
    /// Feedback that was appreciative, or a compliment.
    pub feedback_appreciative: i64,
    /// Check-ins saying what helped.
    pub helped: i64,
}

/// Received recognition with what it meant.
#[derive(Debug, Clone, Serialize)]
pub struct Received {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub subject: String,
    pub meant: Option<String>,
}

/// Recognition by month and direction for [`Store::sustain_months`]: the kind's entries
/// by date from `entries_by_kind` alone, the trash left out by id from its own small
/// index. Left to itself SQLite walks every live entry of the period in
/// `entries_live_kinds` for the few of this kind (all 100,000 of a journal for all time),
/// and asked `deleted_at` it reads each entry's row, text and all.
const SUSTAIN_RECOGNITION: &str = "SELECT substr(e.occurred_on, 1, 7), r.direction, count(*),
        count(CASE WHEN r.said = 'not-yet' THEN 1 END)
     FROM entries e INDEXED BY entries_by_kind CROSS JOIN recognitions r ON r.entry_id = e.id
     WHERE e.kind = 'recognition' AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
       AND e.id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
     GROUP BY 1, 2";

/// Feedback by month for [`Store::sustain_months`], read as [`SUSTAIN_RECOGNITION`] is.
const SUSTAIN_FEEDBACK: &str = "SELECT substr(e.occurred_on, 1, 7), count(*),
        count(CASE WHEN f.tone = 'appreciative' OR f.source = 'compliment' THEN 1 END)
     FROM entries e INDEXED BY entries_by_kind CROSS JOIN feedback f ON f.entry_id = e.id
     WHERE e.kind = 'feedback' AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
       AND e.id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
     GROUP BY 1";

impl Store {
    /// Recognition, feedback and check-ins saying what helped, by month, between two
    /// days (inclusive). Each kind is read from its entries by date (`entries_by_kind`),
    /// what helped from the check-in counts kept by day.
    pub fn sustain_months(&self, since: NaiveDate, until: NaiveDate) -> Result<Vec<SustainMonth>> {
        let (s, u) = (day(since), day(until));
        let mut months: std::collections::BTreeMap<String, SustainMonth> =
            std::collections::BTreeMap::new();
        fn at(
            months: &mut std::collections::BTreeMap<String, SustainMonth>,
            m: String,
        ) -> &mut SustainMonth {
            months.entry(m.clone()).or_insert_with(|| SustainMonth {
                month: m,
                ..SustainMonth::default()
            })
        }
        let mut stmt = self.conn.prepare_cached(SUSTAIN_RECOGNITION)?;
        let mut rows = stmt.query(params![s, u])?;
        while let Some(r) = rows.next()? {
            let direction: Direction = word(r, 1)?;
            let m = at(&mut months, r.get(0)?);
            match direction {
                Direction::Received => m.recognition_received += r.get::<_, i64>(2)?,
                Direction::Given => {
                    m.recognition_given += r.get::<_, i64>(2)?;
                    m.given_not_yet_said += r.get::<_, i64>(3)?;
                }
            }
        }
        let mut stmt = self.conn.prepare_cached(SUSTAIN_FEEDBACK)?;
        let mut rows = stmt.query(params![s, u])?;
        while let Some(r) = rows.next()? {
            let m = at(&mut months, r.get(0)?);
            m.feedback += r.get::<_, i64>(1)?;
            m.feedback_appreciative += r.get::<_, i64>(2)?;
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(day, 1, 7), sum(helped) FROM count_checkin_days
             WHERE day >= ?1 AND day <= ?2 AND helped > 0
             GROUP BY 1",
        )?;
        let mut rows = stmt.query(params![s, u])?;
        while let Some(r) = rows.next()? {
            at(&mut months, r.get(0)?).helped += r.get::<_, i64>(1)?;
        }
        Ok(months.into_values().collect())
    }

    /// What helped, as check-ins said it, newest first, at most `limit`.
    pub fn helped_between(
        &self,
        since: NaiveDate,
        until: NaiveDate,
        limit: usize,
    ) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.helped FROM entries e CROSS JOIN checkins c ON c.entry_id = e.id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
               AND trim(coalesce(c.helped, '')) <> ''
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?3",
        )?;
        let rows = stmt
            .query_map(
                params![
                    day(since),
                    day(until),
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Recognition received between two days, newest first, with what it meant.
    pub fn received_between(
        &self,
        since: NaiveDate,
        until: NaiveDate,
        limit: usize,
    ) -> Result<Vec<Received>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, s.key,
                    (SELECT x.text FROM sections x WHERE x.entry_id = e.id AND x.key = 'meant')
             FROM entries e CROSS JOIN recognitions r ON r.entry_id = e.id
             JOIN subjects s ON s.id = r.subject_id
             WHERE e.kind = 'recognition' AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
               AND e.deleted_at IS NULL AND r.direction = 'received'
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?3"
        ))?;
        let rows = stmt
            .query_map(
                params![
                    day(since),
                    day(until),
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| {
                    Ok(Received {
                        entry: summary_from_row(r)?,
                        subject: r.get(C)?,
                        meant: r.get(C + 1)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The writer's own strengths tagged in the weeks starting on the given Mondays,
    /// most used first. Runs of consecutive weeks are read as one date range.
    pub fn own_strengths_in_weeks(&self, weeks: &[NaiveDate]) -> Result<Vec<(String, i64)>> {
        let mut weeks = weeks.to_vec();
        weeks.sort_unstable();
        weeks.dedup();
        let mut ranges: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for w in weeks {
            let end = w.checked_add_days(Days::new(6)).unwrap_or(w);
            match ranges.last_mut() {
                Some((_, last)) if last.checked_add_days(Days::new(1)) == Some(w) => *last = end,
                _ => ranges.push((w, end)),
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT st.strength, count(*)
             FROM entries e CROSS JOIN entry_strengths st ON st.entry_id = e.id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
               AND st.whose = 'mine'
             GROUP BY st.strength",
        )?;
        let mut counts: HashMap<String, i64> = HashMap::new();
        for (first, last) in ranges {
            let mut rows = stmt.query(params![day(first), day(last)])?;
            while let Some(r) = rows.next()? {
                *counts.entry(r.get(0)?).or_default() += r.get::<_, i64>(1)?;
            }
        }
        let mut out: Vec<(String, i64)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    /// Ruptures repaired between two days: (noticed, repaired) for each, to say how
    /// long repairs have taken (PRACTICE.md §15), never as a score.
    pub fn repairs_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(NaiveDate, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.occurred_on, r.closed_on FROM ruptures r CROSS JOIN entries e ON e.id = r.entry_id
             WHERE r.status = 'repaired' AND r.closed_on >= ?1 AND r.closed_on <= ?2
               AND e.deleted_at IS NULL
             ORDER BY r.closed_on",
        )?;
        let rows = stmt
            .query_map(
                params![since.map_or_else(String::new, day), day(until)],
                |r| Ok((date(r, 0)?, date(r, 1)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Ruptures open (or with repair tried) among those noticed by `until`.
    pub fn open_ruptures(&self, until: NaiveDate) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM ruptures r CROSS JOIN entries e ON e.id = r.entry_id
                 WHERE r.status IN ('open', 'repair-tried') AND e.deleted_at IS NULL
                   AND e.occurred_on <= ?1",
            )?
            .query_row([day(until)], |r| r.get(0))?)
    }
}

/// Kinds with a table of typed rows, and that table.
const KIND_TABLES: [(&str, &str); 9] = [
    ("stage-note", "stage_notes"),
    ("call-in", "callins"),
    ("supervision", "supervision"),
    ("cpd", "cpd"),
    ("recognition", "recognitions"),
    ("feedback", "feedback"),
    ("rupture", "ruptures"),
    ("positive-risk", "positive_risks"),
    ("group-session", "group_sessions"),
];

/// The practice kinds, whose entries always have their typed row.
const PRACTICE_KINDS: [&str; 5] = [
    "recognition",
    "feedback",
    "rupture",
    "positive-risk",
    "group-session",
];

/// `praxis doctor`'s check that typed rows and entries agree (read only): every typed
/// row belongs to an entry of its own kind, and every entry of a practice kind has its
/// row. None for a journal older than these kinds (it has not been migrated yet).
pub(crate) fn kinds_check(conn: &Connection) -> Option<Finding> {
    let migrated = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recognitions'",
            [],
            |_| Ok(()),
        )
        .optional()
        .ok()
        .flatten()
        .is_some();
    if !migrated {
        return None;
    }
    let mut problems = Vec::new();
    for (kind, table) in KIND_TABLES {
        let wrong: rusqlite::Result<i64> = conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} t JOIN entries e ON e.id = t.entry_id WHERE e.kind <> ?1"
            ),
            [kind],
            |r| r.get(0),
        );
        match wrong {
            Ok(0) => {}
            Ok(n) => problems.push(format!(
                "{n} {table} row(s) belong to entries of another kind"
            )),
            Err(e) => problems.push(format!("{table} could not be read: {e}")),
        }
        if PRACTICE_KINDS.contains(&kind) {
            let missing: rusqlite::Result<i64> = conn.query_row(
                &format!(
                    "SELECT count(*) FROM entries e WHERE e.kind = ?1
                     AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.entry_id = e.id)"
                ),
                [kind],
                |r| r.get(0),
            );
            match missing {
                Ok(0) => {}
                Ok(n) => problems.push(format!(
                    "{n} {kind} entr{} without their details",
                    if n == 1 { "y" } else { "ies" }
                )),
                Err(e) => problems.push(format!("{kind} entries could not be read: {e}")),
            }
        }
    }
    Some(Finding {
        ok: problems.is_empty(),
        check: "kinds".into(),
        detail: if problems.is_empty() {
            "every entry's typed details match its kind".into()
        } else {
            format!(
                "{}: restore a backup (`praxis backup list`), or keep a copy with \
                 `praxis export --all` and report it",
                problems.join("; ")
            )
        },
    })
}

/// The schema's CHECK constraint on the typed rows of an entry that the model's types do
/// not guarantee, if one is broken, in words (see `transfer::schema_problem`).
#[must_use]
pub(crate) fn schema_problem(d: &Details) -> Option<String> {
    match d {
        Details::Recognition(r) if r.said_on.is_some() && r.said == Said::NotYet => {
            Some("the recognition has a day it was said but is marked not yet said".into())
        }
        Details::Rupture(r) if r.closed_on.is_some() != r.is_closed() => Some(if r.is_closed() {
            "the rupture is closed but has no day it was closed".into()
        } else {
            "the rupture is open but has a day it was closed".into()
        }),
        Details::PositiveRisk(p) if p.review_on.is_some() != (p.status == PlanStatus::Active) => {
            Some(if p.status == PlanStatus::Active {
                "the positive-risk plan is active but has no review date".into()
            } else {
                "the positive-risk plan has ended but still has a review date".into()
            })
        }
        Details::GroupSession(g) if g.length_minutes == Some(0) => {
            Some("the session's length is 0 minutes: leave it out, or give it".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::model::practice::samples;
    use crate::store::EntryFilter;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    fn journal() -> (Store, Vec<Entry>) {
        let mut s = Store::open_in_memory().unwrap();
        let all = samples();
        s.insert_entries(&all).unwrap();
        (s, all)
    }

    fn rowid(s: &Store, e: &Entry) -> i64 {
        s.resolve_id(&e.id.to_string()).unwrap()
    }

    #[test]
    fn every_practice_kind_is_read_back_as_written() {
        let (s, all) = journal();
        let ids: Vec<i64> = all.iter().map(|e| rowid(&s, e)).collect();
        let back = s.entries_by_rowids(&ids).unwrap();
        for (got, want) in back.iter().zip(&all) {
            let mut want = want.clone();
            want.version = 1;
            assert_eq!(*got, want);
        }
        // Subjects are added with the type their kind suggests.
        assert_eq!(
            s.subject_type("peer-B").unwrap(),
            Some(SubjectType::Colleague)
        );
        assert_eq!(s.subject_type("YP-A").unwrap(), Some(SubjectType::Person));
        assert_eq!(s.subject_type("nobody").unwrap(), None);
    }

    #[test]
    fn an_edit_rewrites_the_typed_rows_whole() {
        let (mut s, all) = journal();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut g = s
            .entry_by_rowid(rowid(
                &s,
                all.iter()
                    .find(|e| e.kind == EntryKind::GroupSession)
                    .unwrap(),
            ))
            .unwrap();
        let Details::GroupSession(session) = &mut g.details else {
            panic!("not a group session")
        };
        session.present = vec!["peer-D".into()];
        session.counts_as_cpd = false;
        let saved = s.update_entry(&g, now).unwrap();
        let Details::GroupSession(back) = &saved.details else {
            panic!("not a group session")
        };
        assert_eq!(back.present, ["peer-D"]);
        assert!(!back.counts_as_cpd);
        let mut p = s
            .entry_by_rowid(rowid(
                &s,
                all.iter()
                    .find(|e| e.kind == EntryKind::PositiveRisk)
                    .unwrap(),
            ))
            .unwrap();
        let planned = p.occurred_on;
        if let Details::PositiveRisk(plan) = &mut p.details {
            plan.record_review(
                d(16),
                crate::model::ReviewDecision::End,
                "goes alone",
                None,
                planned,
            )
            .unwrap();
        }
        let saved = s.update_entry(&p, now).unwrap();
        assert_eq!(saved.details, p.details);
    }

    #[test]
    fn lists_filter_by_subject_status_source_format_and_due_and_leave_the_trash_out() {
        let (mut s, all) = journal();
        let given = |f: RecognitionFilter| s.list_recognition(&f, 50).unwrap();
        assert_eq!(given(RecognitionFilter::default()).len(), 2);
        let unsaid = given(RecognitionFilter {
            not_yet: true,
            ..RecognitionFilter::default()
        });
        assert_eq!(unsaid.len(), 1);
        assert_eq!(unsaid[0].subject, "peer-B");
        assert_eq!(
            given(RecognitionFilter {
                subject: Some("manager-A".into()),
                ..RecognitionFilter::default()
            })[0]
                .direction,
            Direction::Received
        );
        let complaints = s
            .list_feedback(
                &FeedbackFilter {
                    source: Some(FeedbackSource::Complaint),
                    ..FeedbackFilter::default()
                },
                50,
            )
            .unwrap();
        assert_eq!(complaints.len(), 1);
        assert_eq!(complaints[0].subject.as_deref(), Some("YP-A"));
        let since = s
            .list_feedback(
                &FeedbackFilter {
                    after: Some(d(5)),
                    ..FeedbackFilter::default()
                },
                50,
            )
            .unwrap();
        assert_eq!(since.len(), 1, "after the 5th only");
        let open = s
            .list_ruptures(
                &RuptureFilter {
                    statuses: vec![RuptureStatus::Open, RuptureStatus::RepairTried],
                    ..RuptureFilter::default()
                },
                50,
            )
            .unwrap();
        assert_eq!(open.len(), 1);
        let repaired = RuptureFilter {
            statuses: vec![RuptureStatus::Repaired],
            ..RuptureFilter::default()
        };
        assert!(s.list_ruptures(&repaired, 50).unwrap().is_empty());
        let due = |day| {
            s.list_positive_risks(
                &RiskFilter {
                    due: Some(day),
                    ..RiskFilter::default()
                },
                50,
            )
            .unwrap()
            .len()
        };
        assert_eq!((due(d(15)), due(d(16))), (0, 1));
        let sets = GroupFilter {
            format: Some(GroupFormat::ActionLearningSet),
            ..GroupFilter::default()
        };
        assert_eq!(s.list_group_sessions(&sets, 50).unwrap()[0].present, 2);
        let other = GroupFilter {
            format: Some(GroupFormat::TeamSession),
            ..GroupFilter::default()
        };
        assert!(s.list_group_sessions(&other, 50).unwrap().is_empty());
        // In the trash: out of every list; restored: back.
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let rupture = rowid(
            &s,
            all.iter().find(|e| e.kind == EntryKind::Rupture).unwrap(),
        );
        s.trash_entry(rupture, now).unwrap();
        assert!(
            s.list_ruptures(&RuptureFilter::default(), 50)
                .unwrap()
                .is_empty()
        );
        assert_eq!(s.open_ruptures(d(31)).unwrap(), 0);
        s.restore_entry(rupture).unwrap();
        assert_eq!(s.open_ruptures(d(31)).unwrap(), 1);
        // Emptied for good: the typed rows go with the entry.
        s.trash_entry(rupture, now).unwrap();
        s.empty_trash().unwrap();
        let left: i64 = s
            .conn
            .query_row("SELECT count(*) FROM ruptures", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(kinds_check(&s.conn).unwrap().ok);
    }

    #[test]
    fn a_prep_gathers_open_ruptures_unsaid_recognition_new_feedback_and_reviews_due() {
        let (s, _) = journal();
        let m = s.practice_material(d(20), Some(d(5))).unwrap();
        assert_eq!(m.ruptures.len(), 1);
        assert_eq!(m.unsaid.len(), 1);
        assert_eq!(m.feedback.len(), 1, "only feedback since the last session");
        assert_eq!(m.reviews_due.len(), 1);
        assert_eq!(m.sessions.len(), 1);
        let before = s.practice_material(d(4), None).unwrap();
        assert!(before.ruptures.is_empty() && before.reviews_due.is_empty());
        assert_eq!(before.unsaid.len(), 1);
    }

    #[test]
    fn a_rupture_links_the_call_in_it_arose_in() {
        let (mut s, _) = journal();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut callin = Entry::new(EntryKind::CallIn, d(8), now);
        callin.details = Details::CallIn(crate::model::CallIn {
            subject: Some("peer-B".into()),
            held_on: Some(d(8)),
            status: crate::model::CallInStatus::Held,
            rupture: Some(crate::model::Rupture::Confrontation),
            ..crate::model::CallIn::default()
        });
        s.insert_entry(&callin).unwrap();
        let rupture = crate::model::rules::rupture_from_callin(&callin, now).unwrap();
        let saved = s.update_and_insert(
            &s.entry_by_rowid(rowid(&s, &callin)).unwrap(),
            std::slice::from_ref(&rupture),
            now,
        );
        assert!(saved.is_ok());
        let c = rowid(&s, &callin);
        assert_eq!(s.ruptures_of(c).unwrap(), [rupture.id]);
        let back = s.entry_by_rowid(rowid(&s, &rupture)).unwrap();
        assert_eq!(back.details, rupture.details);
        // The call-in deleted for good: the link goes, the rupture stays.
        s.trash_entry(c, now).unwrap();
        s.empty_trash().unwrap();
        let back = s.entry_by_rowid(rowid(&s, &rupture)).unwrap();
        let Details::Rupture(r) = &back.details else {
            panic!("not a rupture")
        };
        assert_eq!(r.callin, None);
    }

    #[test]
    fn a_failed_update_inserts_nothing_either() {
        let (mut s, all) = journal();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut stale = all[0].clone();
        stale.version = 7; // Not the stored version: the update is refused.
        let extra = Entry::new(EntryKind::Reflection, d(9), now);
        assert!(s.update_and_insert(&stale, &[extra], now).is_err());
        assert_eq!(
            s.count_entries(&EntryFilter::default()).unwrap(),
            i64::try_from(all.len()).unwrap()
        );
    }

    /// How SQLite plans a list query: each step of its plan.
    fn plan(s: &Store, mut q: ListQuery) -> String {
        let sql = q.sql(50);
        let mut stmt = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows: Vec<String> = stmt
            .query_map(params_from_iter(q.args.iter()), |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.join("; ")
    }

    #[test]
    fn lists_read_by_date_and_stop_or_go_through_a_selective_filter_s_index() {
        let (s, _) = journal();
        let q = || {
            ListQuery::new(
                EntryKind::Recognition,
                "r.direction",
                joins!("recognitions" AS "r", subject ""),
                "e.occurred_on DESC, e.id DESC",
            )
        };
        // No filter: the entries of the kind by date, no sorting, stopping at the limit.
        let p = plan(&s, q());
        assert!(
            p.contains("entries_by_kind") && !p.contains("TEMP B-TREE"),
            "{p}"
        );
        let mut by_subject = q();
        by_subject.and("s.key = ?", "peer-B".to_string(), true);
        let p = plan(&s, by_subject);
        assert!(p.contains("recognitions_by_subject"), "{p}");
        let mut unsaid = q();
        unsaid.and_sql("r.said = 'not-yet'", true);
        let p = plan(&s, unsaid);
        assert!(p.contains("recognitions_not_yet_said"), "{p}");
        let mut due = ListQuery::new(
            EntryKind::PositiveRisk,
            "p.status",
            joins!("positive_risks" AS "p", subject ""),
            "p.review_on, e.id",
        );
        due.and_sql("p.status = 'active'", true);
        due.and("p.review_on <= ?", "2026-03-18".to_string(), true);
        let p = plan(&s, due);
        assert!(p.contains("positive_risks_review_due"), "{p}");
    }

    #[test]
    fn the_doctor_finds_typed_rows_that_do_not_match_their_entries() {
        let (s, all) = journal();
        assert!(kinds_check(&s.conn).unwrap().ok);
        let r = rowid(
            &s,
            all.iter().find(|e| e.kind == EntryKind::Rupture).unwrap(),
        );
        s.conn
            .execute("UPDATE entries SET kind = 'reflection' WHERE id = ?1", [r])
            .unwrap();
        let f = kinds_check(&s.conn).unwrap();
        assert!(!f.ok);
        assert!(
            f.detail
                .contains("1 ruptures row(s) belong to entries of another kind"),
            "{}",
            f.detail
        );
        s.conn
            .execute("UPDATE entries SET kind = 'rupture' WHERE id = ?1", [r])
            .unwrap();
        s.conn
            .execute("DELETE FROM ruptures WHERE entry_id = ?1", [r])
            .unwrap();
        let f = kinds_check(&s.conn).unwrap();
        assert!(
            f.detail.contains("1 rupture entry without their details"),
            "{}",
            f.detail
        );
    }

    #[test]
    fn what_sustains_reads_the_kinds_entries_by_date_and_the_trash_by_id() {
        let (s, _) = journal();
        for sql in [SUSTAIN_RECOGNITION, SUSTAIN_FEEDBACK] {
            let plan: Vec<String> = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(["2026-03-01", "2026-03-31"], |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join("; ");
            assert!(
                plan.contains("COVERING INDEX entries_by_kind")
                    && plan.contains("entries_trash")
                    && !plan.contains("entries_live_kinds"),
                "{plan}"
            );
        }
    }

    #[test]
    fn what_sustains_leaves_the_trash_out() {
        let (mut s, _) = journal();
        let month = |s: &Store| s.sustain_months(d(1), d(31)).unwrap();
        let before = month(&s);
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        for kind in ["recognition", "feedback"] {
            let rowid: i64 = s
                .conn
                .query_row(
                    "SELECT id FROM entries WHERE kind = ?1 ORDER BY id LIMIT 1",
                    [kind],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(s.trash_entry(rowid, now).unwrap());
        }
        let after = month(&s);
        assert_eq!(
            before[0].recognition_received + before[0].recognition_given - 1,
            after[0].recognition_received + after[0].recognition_given
        );
        assert_eq!(before[0].feedback - 1, after[0].feedback);
    }

    #[test]
    fn what_sustains_is_counted_by_month_from_the_kinds_and_check_ins() {
        let (mut s, _) = journal();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut c = Entry::new(EntryKind::CheckIn, d(10), now);
        c.checkin = Some(crate::model::CheckIn {
            mood: Some(4),
            helped: Some("a walk at lunch".into()),
            ..crate::model::CheckIn::default()
        });
        s.insert_entry(&c).unwrap();
        let months = s.sustain_months(d(1), d(31)).unwrap();
        assert_eq!(
            months,
            [SustainMonth {
                month: "2026-03".into(),
                recognition_received: 1,
                recognition_given: 1,
                given_not_yet_said: 1,
                feedback: 2,
                feedback_appreciative: 1,
                helped: 1,
            }]
        );
        assert!(s.sustain_months(d(11), d(31)).unwrap().is_empty());
        let received = s.received_between(d(1), d(31), 5).unwrap();
        assert_eq!(
            received[0].meant.as_deref(),
            Some("I had not seen it as a strength.")
        );
        assert_eq!(
            s.helped_between(d(1), d(31), 5).unwrap(),
            ["a walk at lunch"]
        );
        let week = crate::insights::week_of(d(10));
        assert_eq!(
            s.own_strengths_in_weeks(&[week]).unwrap(),
            [("curiosity".to_string(), 1)]
        );
    }
}
