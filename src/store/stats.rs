//! Counts and series for patterns over time, computed in SQL over a date range so no
//! screen ever loads every entry.

use chrono::NaiveDate;
use rusqlite::params;

use super::details::StagePoint;
use super::entries::{SUMMARY_COLUMNS, day, summary_from_row};
use super::{Result, Store};
use crate::model::{EntryKind, EntrySummary, Whose};

/// The Monday on or before a date, in SQL.
const WEEK: &str = "date(e.occurred_on, '-6 days', 'weekday 1')";

fn parse_day(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn word<T: std::str::FromStr<Err = String>>(idx: usize, s: &str) -> rusqlite::Result<T> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

/// Check-ins of one week.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CheckinWeek {
    pub week: NaiveDate,
    pub checkins: i64,
    pub mood: Option<f64>,
    pub energy: Option<f64>,
    pub heavy_days: i64,
    pub carrying_a_lot: i64,
}

/// Where tracked actions stand.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ActionCounts {
    pub open: i64,
    pub overdue: i64,
    pub done_in_period: i64,
}

/// `(since, until)` as SQL parameters; no `since` means from the beginning.
fn range(since: Option<NaiveDate>, until: NaiveDate) -> (Option<String>, String) {
    (since.map(day), day(until))
}

impl Store {
    /// Live entries per week (Monday) and kind in a period.
    pub fn weekly_kinds(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(NaiveDate, EntryKind, i64)>> {
        let (s, u) = range(since, until);
        let sql = format!(
            "SELECT {WEEK} AS wk, e.kind, count(*) FROM entries e
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             GROUP BY wk, e.kind ORDER BY wk"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![s, u], |r| {
                let wk: String = r.get(0)?;
                let kind: String = r.get(1)?;
                Ok((parse_day(0, &wk)?, word(1, &kind)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Reflections per model in a period (None: written without one).
    pub fn model_counts(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(Option<String>, i64)>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.model, count(*) FROM entries e
             WHERE e.deleted_at IS NULL AND e.kind = 'reflection'
               AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             GROUP BY e.model ORDER BY count(*) DESC, e.model",
        )?;
        let rows = stmt
            .query_map(params![s, u], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Strength tags in a period, by name and whose.
    pub fn strengths_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, Whose, i64)>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT st.strength, st.whose, count(*) FROM entry_strengths st
             JOIN entries e ON e.id = st.entry_id
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             GROUP BY st.strength, st.whose",
        )?;
        let rows = stmt
            .query_map(params![s, u], |r| {
                let whose: String = r.get(1)?;
                Ok((r.get(0)?, word(1, &whose)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Check-ins per week: averages and counts, never a score.
    pub fn checkin_weeks(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<CheckinWeek>> {
        let (s, u) = range(since, until);
        let sql = format!(
            "SELECT {WEEK} AS wk, count(*), avg(c.mood), avg(c.energy),
                    count(DISTINCT CASE WHEN c.load IN ('heavy', 'overloaded') THEN e.occurred_on END),
                    count(CASE WHEN c.carrying = 'a-lot' THEN 1 END)
             FROM checkins c JOIN entries e ON e.id = c.entry_id
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             GROUP BY wk ORDER BY wk"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![s, u], |r| {
                let wk: String = r.get(0)?;
                Ok(CheckinWeek {
                    week: parse_day(0, &wk)?,
                    checkins: r.get(1)?,
                    mood: r.get(2)?,
                    energy: r.get(3)?,
                    heavy_days: r.get(4)?,
                    carrying_a_lot: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Days with a heavy or overloaded check-in between two dates (inclusive).
    pub fn heavy_days(&self, since: NaiveDate, until: NaiveDate) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(DISTINCT e.occurred_on) FROM checkins c JOIN entries e ON e.id = c.entry_id
                 WHERE e.deleted_at IS NULL AND c.load IN ('heavy', 'overloaded')
                   AND e.occurred_on >= ?1 AND e.occurred_on <= ?2",
            )?
            .query_row(params![day(since), day(until)], |r| r.get(0))?)
    }

    /// Stage notes in a period: (subject, point), by subject, topic and date.
    pub fn stage_points_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, StagePoint)>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.key, e.occurred_on, e.uuid, n.topic, n.stage,
                    (SELECT count(*) FROM change_talk c WHERE c.entry_id = e.id)
             FROM stage_notes n JOIN subjects s ON s.id = n.subject_id JOIN entries e ON e.id = n.entry_id
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             ORDER BY s.key COLLATE NOCASE, lower(n.topic), e.occurred_on, e.id",
        )?;
        let rows = stmt
            .query_map(params![s, u], |r| {
                let on: String = r.get(1)?;
                let uuid: String = r.get(2)?;
                let stage: String = r.get(4)?;
                Ok((
                    r.get(0)?,
                    StagePoint {
                        on: parse_day(1, &on)?,
                        entry_short_id: uuid.chars().take(8).collect(),
                        topic: r.get(3)?,
                        stage: word(4, &stage)?,
                        change_talk: r.get(5)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Call-ins dated in a period, counted by (status, rupture or "").
    pub fn callin_counts(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, String, i64)>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.status, coalesce(c.rupture, ''), count(*) FROM callins c
             JOIN entries e ON e.id = c.entry_id
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on >= ?1) AND e.occurred_on <= ?2
             GROUP BY c.status, c.rupture",
        )?;
        let rows = stmt
            .query_map(params![s, u], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Open and overdue actions as of `today`, and those done in the period.
    pub fn action_counts(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<ActionCounts> {
        let (s, u) = range(since, until);
        Ok(self.conn.prepare_cached(
            "SELECT count(CASE WHEN a.status <> 'done' THEN 1 END),
                    count(CASE WHEN a.status <> 'done' AND a.due_on < ?3 THEN 1 END),
                    count(CASE WHEN a.status = 'done' AND (?1 IS NULL OR a.done_on >= ?1) AND a.done_on <= ?2 THEN 1 END)
             FROM actions a JOIN entries e ON e.id = a.entry_id WHERE e.deleted_at IS NULL",
        )?
        .query_row(params![s, u, day(today)], |r| {
            Ok(ActionCounts {
                open: r.get(0)?,
                overdue: r.get(1)?,
                done_in_period: r.get(2)?,
            })
        })?)
    }

    /// Entries from this day and month in earlier years, newest first.
    pub fn on_this_day(&self, today: NaiveDate, limit: usize) -> Result<Vec<EntrySummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e
             WHERE e.deleted_at IS NULL AND substr(e.occurred_on, 6) = ?1 AND e.occurred_on < ?2
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?3"
        );
        let md = today.format("%m-%d").to_string();
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![md, day(today), i64::try_from(limit).unwrap_or(i64::MAX)],
                summary_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The text (title, body, sections) of at most `limit` of the newest entries dated in
    /// the weeks starting on the given Mondays: a bounded sample for word counts.
    pub fn text_in_weeks(&self, weeks: &[NaiveDate], limit: usize) -> Result<Vec<String>> {
        if weeks.is_empty() {
            return Ok(Vec::new());
        }
        // Week ranges, so the date index serves; the dates are ours, nothing typed is spliced.
        let ranges = weeks
            .iter()
            .map(|w| {
                let end = w.checked_add_days(chrono::Days::new(6)).unwrap_or(*w);
                format!("e.occurred_on BETWEEN '{}' AND '{}'", day(*w), day(end))
            })
            .collect::<Vec<_>>()
            .join(" OR ");
        let sql = format!(
            "SELECT e.title || char(10) || e.body || char(10) || e.sections_text FROM entries e
             WHERE e.deleted_at IS NULL AND ({ranges})
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?1"
        );
        let rows = self
            .conn
            .prepare(&sql)?
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The date of the oldest live entry.
    pub fn first_entry_on(&self) -> Result<Option<NaiveDate>> {
        let s: Option<String> = self.conn.query_row(
            "SELECT min(occurred_on) FROM entries WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }
}
