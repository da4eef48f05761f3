//! Counts and series for patterns over time, computed in SQL over a date range so no
//! screen ever loads every entry.

use std::collections::BTreeMap;

use chrono::{Datelike as _, Days, NaiveDate};
use rusqlite::types::Type;
use rusqlite::{Row, params};

use super::details::StagePoint;
use super::rows::{SUMMARY_COLUMNS, day, summary_from_row};
use super::{Result, Store};
use crate::model::{EntryKind, EntrySummary, Whose};

fn parse_day(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

fn word<T: std::str::FromStr<Err = String>>(idx: usize, s: &str) -> rusqlite::Result<T> {
    s.parse()
        .map_err(|e: String| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into()))
}

/// An entry's kind as stored: compared with each kind's word, no allocation per row.
fn entry_kind(s: &str) -> rusqlite::Result<EntryKind> {
    match EntryKind::ALL.iter().find(|k| k.as_str() == s) {
        Some(k) => Ok(*k),
        None => word(1, s),
    }
}

/// A text column, borrowed from the row (no copy).
fn text<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(idx)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// Dates of rows that come in date order: each distinct day is parsed once.
#[derive(Default)]
struct DayCache {
    text: String,
    date: Option<NaiveDate>,
}

impl DayCache {
    fn parse(&mut self, idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
        match self.date {
            Some(d) if self.text == s => Ok(d),
            _ => {
                let d = parse_day(idx, s)?;
                s.clone_into(&mut self.text);
                self.date = Some(d);
                Ok(d)
            }
        }
    }
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

/// A week's check-ins added up day by day, before the averages.
#[derive(Default)]
struct WeekSums {
    week: NaiveDate,
    checkins: i64,
    mood: f64,
    moods: i64,
    energy: f64,
    energies: i64,
    heavy_days: i64,
    carrying_a_lot: i64,
}

/// Where tracked actions stand.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ActionCounts {
    pub open: i64,
    pub overdue: i64,
    pub done_in_period: i64,
}

/// Live entries of a period by day and kind, and reflections by model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// (day, kind, entries), in date order.
    pub days: Vec<(NaiveDate, EntryKind, i64)>,
    /// Reflections per model (None: written without one), most used first.
    pub models: Vec<(Option<String>, i64)>,
}

/// `(since, until)` as SQL parameters. No `since` (from the beginning) is the empty
/// string, which sorts before every date: a plain range, so the date index serves.
fn range(since: Option<NaiveDate>, until: NaiveDate) -> (String, String) {
    (since.map_or_else(String::new, day), day(until))
}

/// Entries a period from the beginning leaves out: those in the trash, and live ones dated
/// after its end (the SQL parameter `until`). Few, and found from indexes.
fn outside(until: &str) -> String {
    format!(
        "SELECT id FROM entries WHERE deleted_at IS NOT NULL
         UNION ALL SELECT id FROM entries WHERE deleted_at IS NULL AND occurred_on > {until}"
    )
}

/// How a count over an entry's parts (check-ins, strengths, call-ins…) joins the
/// entries. A period from the first entry holds nearly the whole journal: reading the
/// parts table and looking each entry up costs less than walking every entry by date.
/// A shorter period starts from its entries by date (the `entries_live_kinds` index).
fn parts_join(since: Option<NaiveDate>, parts: &str, alias: &str) -> String {
    if since.is_none() {
        format!("{parts} {alias} CROSS JOIN entries e ON e.id = {alias}.entry_id")
    } else {
        format!("entries e CROSS JOIN {parts} {alias} ON {alias}.entry_id = e.id")
    }
}

impl Store {
    /// Live entries per day and kind in a period, and reflections per model: one pass
    /// over the `entries_live_kinds` index, never the rows.
    pub fn kind_counts(&self, since: Option<NaiveDate>, until: NaiveDate) -> Result<KindCounts> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.occurred_on, e.kind, e.model, count(*) FROM entries e
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             GROUP BY e.occurred_on, e.kind, e.model",
        )?;
        let mut rows = stmt.query(params![s, u])?;
        let mut out = KindCounts::default();
        let mut days = DayCache::default();
        while let Some(r) = rows.next()? {
            let on = days.parse(0, text(r, 0)?)?;
            let kind = entry_kind(text(r, 1)?)?;
            let n: i64 = r.get(3)?;
            match out.days.last_mut() {
                // Rows of one day and kind that differ by model.
                Some((d, k, count)) if *d == on && *k == kind => *count += n,
                _ => out.days.push((on, kind, n)),
            }
            if kind == EntryKind::Reflection {
                let model = r.get_ref(2)?.as_str_or_null().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(2, Type::Text, Box::new(e))
                })?;
                match out.models.iter_mut().find(|(m, _)| m.as_deref() == model) {
                    Some((_, count)) => *count += n,
                    None => out.models.push((model.map(str::to_string), n)),
                }
            }
        }
        out.models
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    /// Strength tags in a period, by name and whose.
    pub fn strengths_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, Whose, i64)>> {
        let (s, u) = range(since, until);
        let mut out = Vec::new();
        if since.is_none() {
            // Nearly every tag counts: all tags by name and whose (read in that order from
            // their index, no sorting), less those of the few excluded entries.
            let sql = format!(
                "SELECT strength, whose, count(*) FROM entry_strengths GROUP BY strength, whose
                 UNION ALL
                 SELECT st.strength, st.whose, -count(*)
                 FROM ({}) x CROSS JOIN entry_strengths st ON st.entry_id = x.id
                 GROUP BY st.strength, st.whose",
                outside("?1")
            );
            let mut totals: BTreeMap<(String, Whose), i64> = BTreeMap::new();
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query([u])?;
            while let Some(r) = rows.next()? {
                let whose: Whose = word(1, text(r, 1)?)?;
                *totals.entry((r.get(0)?, whose)).or_default() += r.get::<_, i64>(2)?;
            }
            out.extend(
                totals
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|((name, whose), n)| (name, whose, n)),
            );
            return Ok(out);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT st.strength, st.whose, count(*)
             FROM entries e CROSS JOIN entry_strengths st ON st.entry_id = e.id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             GROUP BY st.strength, st.whose",
        )?;
        let mut rows = stmt.query(params![s, u])?;
        while let Some(r) = rows.next()? {
            out.push((r.get(0)?, word(1, text(r, 1)?)?, r.get(2)?));
        }
        Ok(out)
    }

    /// Check-ins per week: averages and counts, never a score. Counted per day in date
    /// order (no sorting in SQL), then added up into weeks.
    pub fn checkin_weeks(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<CheckinWeek>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.occurred_on, count(*), total(c.mood), count(c.mood), total(c.energy),
                    count(c.energy), count(CASE WHEN c.load IN ('heavy', 'overloaded') THEN 1 END),
                    count(CASE WHEN c.carrying = 'a-lot' THEN 1 END)
             FROM entries e CROSS JOIN checkins c ON c.entry_id = e.id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             GROUP BY e.occurred_on",
        )?;
        let mut rows = stmt.query(params![s, u])?;
        let mut weeks: Vec<WeekSums> = Vec::new();
        while let Some(r) = rows.next()? {
            let on = parse_day(0, text(r, 0)?)?;
            let week = on
                .checked_sub_days(Days::new(u64::from(on.weekday().num_days_from_monday())))
                .unwrap_or(on);
            if weeks.last().is_none_or(|w| w.week != week) {
                weeks.push(WeekSums {
                    week,
                    ..WeekSums::default()
                });
            }
            if let Some(w) = weeks.last_mut() {
                w.checkins += r.get::<_, i64>(1)?;
                w.mood += r.get::<_, f64>(2)?;
                w.moods += r.get::<_, i64>(3)?;
                w.energy += r.get::<_, f64>(4)?;
                w.energies += r.get::<_, i64>(5)?;
                w.heavy_days += i64::from(r.get::<_, i64>(6)? > 0);
                w.carrying_a_lot += r.get::<_, i64>(7)?;
            }
        }
        let avg = |sum: f64, n: i64| (n > 0).then(|| sum / n as f64);
        Ok(weeks
            .into_iter()
            .map(|w| CheckinWeek {
                week: w.week,
                checkins: w.checkins,
                mood: avg(w.mood, w.moods),
                energy: avg(w.energy, w.energies),
                heavy_days: w.heavy_days,
                carrying_a_lot: w.carrying_a_lot,
            })
            .collect())
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
        let sql = format!(
            "SELECT s.key, e.occurred_on, e.uuid, n.topic, n.stage,
                    (SELECT count(*) FROM change_talk c WHERE c.entry_id = e.id)
             FROM {} JOIN subjects s ON s.id = n.subject_id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             ORDER BY s.key COLLATE NOCASE, lower(n.topic), e.occurred_on, e.id",
            parts_join(since, "stage_notes", "n")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
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
        let sql = if since.is_none() {
            // All call-ins less those of the few excluded entries.
            format!(
                "SELECT status, coalesce(rupture, ''), sum(n) FROM (
                     SELECT c.status, c.rupture, 1 AS n FROM callins c
                     UNION ALL
                     SELECT c.status, c.rupture, -1 FROM ({}) x
                     CROSS JOIN callins c ON c.entry_id = x.id)
                 GROUP BY status, rupture HAVING sum(n) > 0",
                outside("?2")
            )
        } else {
            "SELECT c.status, coalesce(c.rupture, ''), count(*)
             FROM entries e CROSS JOIN callins c ON c.entry_id = e.id
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             GROUP BY c.status, c.rupture"
                .to_string()
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
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
        // Counted from the indexes of open and of done actions, less the actions of
        // entries in the trash (few): no action row is read.
        Ok(self
            .conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM actions WHERE status <> 'done')
                    - (SELECT count(*) FROM entries t CROSS JOIN actions a ON a.entry_id = t.id
                       WHERE t.deleted_at IS NOT NULL AND a.status <> 'done'),
                    (SELECT count(*) FROM actions WHERE status <> 'done' AND due_on < ?3)
                    - (SELECT count(*) FROM entries t CROSS JOIN actions a ON a.entry_id = t.id
                       WHERE t.deleted_at IS NOT NULL AND a.status <> 'done' AND a.due_on < ?3),
                    (SELECT count(*) FROM actions
                     WHERE status = 'done' AND done_on >= ?1 AND done_on <= ?2)
                    - (SELECT count(*) FROM entries t CROSS JOIN actions a ON a.entry_id = t.id
                       WHERE t.deleted_at IS NOT NULL AND a.status = 'done'
                         AND a.done_on >= ?1 AND a.done_on <= ?2)",
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
    /// the weeks starting on the given Mondays: a bounded sample for word counts. Runs
    /// of consecutive weeks are read as one date range, newest first, until the sample
    /// is full: one small prepared statement however many weeks (a statement naming
    /// hundreds of ranges costs more to prepare than to run).
    pub fn text_in_weeks(&self, weeks: &[NaiveDate], limit: usize) -> Result<Vec<String>> {
        let mut weeks = weeks.to_vec();
        weeks.sort_unstable_by(|a, b| b.cmp(a));
        weeks.dedup();
        // (first day, last day) of each run of consecutive weeks, newest run first.
        let mut ranges: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for w in weeks {
            let end = w.checked_add_days(Days::new(6)).unwrap_or(w);
            match ranges.last_mut() {
                Some((first, _)) if w.checked_add_days(Days::new(7)) == Some(*first) => {
                    *first = w;
                }
                _ => ranges.push((w, end)),
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.title || char(10) || e.body || char(10) || e.sections_text FROM entries e
             WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?3",
        )?;
        let mut out: Vec<String> = Vec::new();
        for (first, last) in ranges {
            let left = limit.saturating_sub(out.len());
            if left == 0 {
                break;
            }
            let rows = stmt.query_map(
                params![
                    day(first),
                    day(last),
                    i64::try_from(left).unwrap_or(i64::MAX)
                ],
                |r| r.get(0),
            )?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
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
