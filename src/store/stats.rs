//! Counts and series for patterns over time, computed in SQL over a date range so no
//! screen ever loads every entry.

use std::collections::BTreeMap;

use chrono::{Datelike as _, Days, NaiveDate};
use rusqlite::types::Type;
use rusqlite::{Row, params};

use super::counts::{Cut, Stretch, months_and_years};
use super::details::StagePoint;
use super::rows::{SUMMARY_COLUMNS, day, summary_from_row};
use super::{Result, Store};
use crate::model::{EntryKind, EntrySummary, Whose};

fn parse_day(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    // `YYYY-MM-DD` by hand: the series read thousands of days, and the general parser
    // costs more than the query that reads them.
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0_u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10))
        && let Some(day) = NaiveDate::from_ymd_opt(i32::try_from(y).unwrap_or(0), m, d)
    {
        return Ok(day);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

fn word<T: std::str::FromStr<Err = String>>(idx: usize, s: &str) -> rusqlite::Result<T> {
    s.parse()
        .map_err(|e: String| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into()))
}

/// A text column, borrowed from the row (no copy).
fn text<'r>(row: &'r Row<'_>, idx: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(idx)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
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
    /// (day, kind, entries), in date order; a whole week inside the period is one row
    /// per kind, on its Monday.
    pub days: Vec<(NaiveDate, EntryKind, i64)>,
    /// Reflections per model (None: written without one), most used first.
    pub models: Vec<(Option<String>, i64)>,
}

/// `(since, until)` as SQL parameters. No `since` (from the beginning) is the empty
/// string, which sorts before every date: a plain range, so the date index serves.
fn range(since: Option<NaiveDate>, until: NaiveDate) -> (String, String) {
    (since.map_or_else(String::new, day), day(until))
}

impl Store {
    /// Live entries per day and kind in a period, and reflections per model. Whole weeks
    /// (and for the models, whole months and years) come from the counts kept for them,
    /// the days before and after from those kept per day: no entry is read, and a day is a
    /// row per kind and model however many entries it holds.
    pub fn kind_counts(&self, since: Option<NaiveDate>, until: NaiveDate) -> Result<KindCounts> {
        let mut out = KindCounts::default();
        // Entries per day and kind, of days outside whole weeks.
        let days = |from: Option<NaiveDate>, to: NaiveDate, out: &mut KindCounts| -> Result<()> {
            let (s, u) = range(from, to);
            let mut stmt = self.conn.prepare_cached(
                "SELECT day, kind, sum(n) FROM count_entry_days
                 WHERE day >= ?1 AND day <= ?2 AND n <> 0 GROUP BY day, kind",
            )?;
            let mut rows = stmt.query(params![s, u])?;
            while let Some(r) = rows.next()? {
                let on = parse_day(0, text(r, 0)?)?;
                out.days.push((on, word(1, text(r, 1)?)?, r.get(2)?));
            }
            Ok(())
        };
        let weeks = Cut::weeks(since, until);
        if let Some((from, to)) = weeks.before {
            days(from, to, &mut out)?;
        }
        if let Some((first, last)) = weeks.whole {
            let mut stmt = self.conn.prepare_cached(
                "SELECT week, kind, n FROM count_weeks
                 WHERE week >= ?1 AND week <= ?2 AND n <> 0",
            )?;
            let mut rows = stmt.query(params![first.map_or_else(String::new, day), day(last)])?;
            while let Some(r) = rows.next()? {
                let week = parse_day(0, text(r, 0)?)?;
                out.days.push((week, word(1, text(r, 1)?)?, r.get(2)?));
            }
        }
        if let Some((from, to)) = weeks.after {
            days(Some(from), to, &mut out)?;
        }
        // Reflections per model: whole months and years, and the days outside them.
        // By model's word, "" for free reflections; a word is copied the first time only.
        let mut models: BTreeMap<String, i64> = BTreeMap::new();
        let mut add = |stmt: &mut rusqlite::CachedStatement<'_>, a: &str, b: &str| -> Result<()> {
            let mut rows = stmt.query(params![a, b])?;
            while let Some(r) = rows.next()? {
                let m = text(r, 0)?;
                let n = r.get::<_, i64>(1)?;
                match models.get_mut(m) {
                    Some(total) => *total += n,
                    None => {
                        models.insert(m.to_string(), n);
                    }
                }
            }
            Ok(())
        };
        let mut raw = self.conn.prepare_cached(
            "SELECT model, n FROM count_entry_days
             WHERE day >= ?1 AND day <= ?2 AND kind = 'reflection' AND n <> 0",
        )?;
        let months = Cut::months(since, until);
        for (from, to) in months.edges() {
            let (s, u) = range(from, to);
            add(&mut raw, &s, &u)?;
        }
        if let Some((first, last)) = months.whole {
            for stretch in months_and_years(first, last) {
                let (sql, a, b) = match &stretch {
                    Stretch::Months(a, b) => (
                        "SELECT model, sum(n) FROM count_model_months
                             WHERE month >= ?1 AND month <= ?2 GROUP BY model",
                        a,
                        b,
                    ),
                    Stretch::Years(a, b) => (
                        "SELECT model, sum(n) FROM count_model_years
                             WHERE year >= ?1 AND year <= ?2 GROUP BY model",
                        a,
                        b,
                    ),
                };
                add(&mut self.conn.prepare_cached(sql)?, a, b)?;
            }
        }
        out.models = models
            .into_iter()
            .filter(|(_, n)| *n != 0)
            .map(|(m, n)| ((!m.is_empty()).then_some(m), n))
            .collect();
        out.days.retain(|(_, _, n)| *n != 0);
        out.models
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(out)
    }

    /// Strength tags in a period, by name and whose. Whole months (and years) come from
    /// the counts kept for them, the days before and after them from those kept per day.
    pub fn strengths_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, Whose, i64)>> {
        // Totals per strength, one slot per whose: a row adds to its strength's slot,
        // and the strength's name is copied only the first time it is met (a team's
        // weeks hold a thousand rows or more of a few dozen strengths).
        let mut totals: hashbrown::HashMap<String, [i64; Whose::ALL.len()]> =
            hashbrown::HashMap::new();
        let mut add = |r: &Row<'_>| -> Result<()> {
            let name = text(r, 0)?;
            let whose: Whose = word(1, text(r, 1)?)?;
            let slot = Whose::ALL.iter().position(|w| *w == whose).unwrap_or(0);
            let n: i64 = r.get(2)?;
            match totals.get_mut(name) {
                Some(t) => t[slot] += n,
                None => {
                    let mut t = [0; Whose::ALL.len()];
                    t[slot] = n;
                    totals.insert(name.to_string(), t);
                }
            }
            Ok(())
        };
        let months = Cut::months(since, until);
        for (from, to) in months.edges() {
            let (s, u) = range(from, to);
            let mut stmt = self.conn.prepare_cached(
                "SELECT strength, whose, n FROM count_strength_days
                 WHERE day >= ?1 AND day <= ?2 AND n <> 0",
            )?;
            let mut rows = stmt.query(params![s, u])?;
            while let Some(r) = rows.next()? {
                add(r)?;
            }
        }
        if let Some((first, last)) = months.whole {
            for stretch in months_and_years(first, last) {
                let (sql, a, b) = match &stretch {
                    Stretch::Months(a, b) => (
                        "SELECT strength, whose, sum(n) FROM count_strength_months
                             WHERE month >= ?1 AND month <= ?2 GROUP BY strength, whose",
                        a,
                        b,
                    ),
                    Stretch::Years(a, b) => (
                        "SELECT strength, whose, sum(n) FROM count_strength_years
                             WHERE year >= ?1 AND year <= ?2 GROUP BY strength, whose",
                        a,
                        b,
                    ),
                };
                let mut stmt = self.conn.prepare_cached(sql)?;
                let mut rows = stmt.query(params![a, b])?;
                while let Some(r) = rows.next()? {
                    add(r)?;
                }
            }
        }
        let mut out: Vec<(String, Whose, i64)> = Vec::new();
        for (name, t) in totals {
            for (whose, n) in Whose::ALL.iter().zip(t) {
                if n > 0 {
                    out.push((name.clone(), *whose, n));
                }
            }
        }
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        Ok(out)
    }

    /// Check-ins per week: averages and counts, never a score. Whole weeks come from the
    /// counts kept per week, the days before and after them from those kept per day.
    pub fn checkin_weeks(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<CheckinWeek>> {
        let mut weeks: Vec<WeekSums> = Vec::new();
        // Days outside whole weeks, each added to its week.
        let days =
            |from: Option<NaiveDate>, to: NaiveDate, weeks: &mut Vec<WeekSums>| -> Result<()> {
                let (s, u) = range(from, to);
                let mut stmt = self.conn.prepare_cached(
                    "SELECT day, checkins, mood_sum, moods, energy_sum, energies, heavy, a_lot
                 FROM count_checkin_days
                 WHERE day >= ?1 AND day <= ?2 AND checkins > 0 ORDER BY day",
                )?;
                let mut rows = stmt.query(params![s, u])?;
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
                Ok(())
            };
        let cut = Cut::weeks(since, until);
        if let Some((from, to)) = cut.before {
            days(from, to, &mut weeks)?;
        }
        if let Some((first, last)) = cut.whole {
            let mut stmt = self.conn.prepare_cached(
                "SELECT week, checkins, mood_sum, moods, energy_sum, energies, heavy_days, a_lot
                     FROM count_checkin_weeks
                     WHERE week >= ?1 AND week <= ?2 AND checkins > 0 ORDER BY week",
            )?;
            let mut rows = stmt.query(params![first.map_or_else(String::new, day), day(last)])?;
            while let Some(r) = rows.next()? {
                weeks.push(WeekSums {
                    week: parse_day(0, text(r, 0)?)?,
                    checkins: r.get(1)?,
                    mood: r.get(2)?,
                    moods: r.get(3)?,
                    energy: r.get(4)?,
                    energies: r.get(5)?,
                    heavy_days: r.get(6)?,
                    carrying_a_lot: r.get(7)?,
                });
            }
        }
        if let Some((from, to)) = cut.after {
            days(Some(from), to, &mut weeks)?;
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
                "SELECT count(*) FROM count_checkin_days
                 WHERE day >= ?1 AND day <= ?2 AND heavy > 0",
            )?
            .query_row(params![day(since), day(until)], |r| r.get(0))?)
    }

    /// The newest `limit` stage notes of a period: (subject, point), by subject, topic and
    /// date. Read newest first from the entries by kind and day, so a long journal's
    /// years of notes are not all read to draw a few paths.
    pub fn stage_points_between(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
        limit: usize,
    ) -> Result<Vec<(String, StagePoint)>> {
        let (s, u) = range(since, until);
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.key, e.occurred_on, substr(e.uuid, 1, 8), n.topic, n.stage,
                    (SELECT count(*) FROM change_talk c WHERE c.entry_id = e.id), e.id
             FROM entries e JOIN stage_notes n ON n.entry_id = e.id
             JOIN subjects s ON s.id = n.subject_id
             WHERE e.kind = 'stage-note' AND e.deleted_at IS NULL
               AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?3",
        )?;
        let mut rows = stmt.query(params![s, u, i64::try_from(limit).unwrap_or(i64::MAX)])?;
        let mut points: Vec<(String, StagePoint, i64)> = Vec::new();
        while let Some(r) = rows.next()? {
            points.push((
                r.get(0)?,
                StagePoint {
                    on: parse_day(1, text(r, 1)?)?,
                    entry_short_id: r.get(2)?,
                    topic: r.get(3)?,
                    stage: word(4, text(r, 4)?)?,
                    change_talk: r.get(5)?,
                },
                r.get(6)?,
            ));
        }
        // Sorted here rather than by SQLite's sorter, which cost more than the reading:
        // by subject (as `COLLATE NOCASE` compares), topic (as `lower()` does: both fold
        // ASCII letters only), date and id.
        let folded = |t: &str| {
            t.bytes()
                .map(|b| b.to_ascii_lowercase())
                .collect::<Vec<u8>>()
        };
        let mut keyed: Vec<_> = points
            .into_iter()
            .map(|p| ((folded(&p.0), folded(&p.1.topic), p.1.on, p.2), p.0, p.1))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(keyed.into_iter().map(|(_, key, p)| (key, p)).collect())
    }

    /// Call-ins dated in a period, counted by (status, rupture or ""). Whole months come
    /// from the counts kept per month, the days before and after them from those kept per
    /// day.
    pub fn callin_counts(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(String, String, i64)>> {
        let mut totals: BTreeMap<(String, String), i64> = BTreeMap::new();
        let mut days = |from: Option<NaiveDate>, to: NaiveDate| -> Result<()> {
            let (s, u) = range(from, to);
            let mut stmt = self.conn.prepare_cached(
                "SELECT status, rupture, n FROM count_callin_days
                 WHERE day >= ?1 AND day <= ?2 AND n <> 0",
            )?;
            let mut rows = stmt.query(params![s, u])?;
            while let Some(r) = rows.next()? {
                *totals.entry((r.get(0)?, r.get(1)?)).or_default() += r.get::<_, i64>(2)?;
            }
            Ok(())
        };
        let months = Cut::months(since, until);
        for (from, to) in months.edges() {
            days(from, to)?;
        }
        if let Some((first, last)) = months.whole {
            let month = |d: NaiveDate| d.format("%Y-%m").to_string();
            let mut stmt = self.conn.prepare_cached(
                "SELECT status, rupture, sum(n) FROM count_callin_months
                     WHERE month >= ?1 AND month <= ?2 GROUP BY status, rupture",
            )?;
            let mut rows =
                stmt.query(params![first.map_or_else(String::new, month), month(last)])?;
            while let Some(r) = rows.next()? {
                *totals.entry((r.get(0)?, r.get(1)?)).or_default() += r.get::<_, i64>(2)?;
            }
        }
        Ok(totals
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|((status, rupture), n)| (status, rupture, n))
            .collect())
    }

    /// Open and overdue actions as of `today`, and those done in the period: whole months
    /// from the counts kept per month they are due or were done, the days outside them
    /// from those kept per day.
    pub fn action_counts(
        &self,
        since: Option<NaiveDate>,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<ActionCounts> {
        let month = |d: NaiveDate| d.format("%Y-%m").to_string();
        let first_of = |d: NaiveDate| d.with_day(1).unwrap_or(d);
        let (open, overdue): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT (SELECT coalesce(sum(n), 0) FROM count_action_months WHERE done = 0),
                        (SELECT coalesce(sum(n), 0) FROM count_action_months
                         WHERE done = 0 AND month <> '' AND month < ?1)
                      + (SELECT coalesce(sum(n), 0) FROM count_action_days
                         WHERE done = 0 AND day >= ?2 AND day < ?3)",
            )?
            .query_row(
                params![month(today), day(first_of(today)), day(today)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        let mut done = self.conn.prepare_cached(
            "SELECT coalesce(sum(n), 0) FROM count_action_days
             WHERE done = 1 AND day <> '' AND day >= ?1 AND day <= ?2",
        )?;
        let mut days = |from: Option<NaiveDate>, to: NaiveDate| -> Result<i64> {
            let (s, u) = range(from, to);
            Ok(done.query_row(params![s, u], |r| r.get(0))?)
        };
        let months = Cut::months(since, until);
        let mut done_in_period = 0;
        for (from, to) in months.edges() {
            done_in_period += days(from, to)?;
        }
        if let Some((first, last)) = months.whole {
            let kept: i64 = self
                .conn
                .prepare_cached(
                    "SELECT coalesce(sum(n), 0) FROM count_action_months
                         WHERE done = 1 AND month <> '' AND month >= ?1 AND month <= ?2",
                )?
                .query_row(
                    params![first.map_or_else(String::new, month), month(last)],
                    |r| r.get(0),
                )?;
            done_in_period += kept;
        }
        Ok(ActionCounts {
            open,
            overdue,
            done_in_period,
        })
    }

    /// Entries from this day and month in earlier years, newest first: the day of each
    /// year since the first entry, looked up by date (29 February only in leap years),
    /// the newest year first until there are `limit`: a team journal's hundred entries
    /// of a day are not all read and sorted to show a few.
    pub fn on_this_day(&self, today: NaiveDate, limit: usize) -> Result<Vec<EntrySummary>> {
        let Some(first) = self.first_entry_on()? else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e
             WHERE e.deleted_at IS NULL AND e.occurred_on = ?1
             ORDER BY e.id DESC LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut out: Vec<EntrySummary> = Vec::new();
        for y in (first.year()..today.year()).rev() {
            let left = limit.saturating_sub(out.len());
            if left == 0 {
                break;
            }
            let Some(d) = today.with_year(y).filter(|d| *d >= first) else {
                continue;
            };
            let rows = stmt.query_map(
                params![day(d), i64::try_from(left).unwrap_or(i64::MAX)],
                summary_from_row,
            )?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    /// The text (title, body, sections) of the newest `per_week` entries of each week
    /// starting on the given Mondays, newest week first, until there are `limit`: a
    /// bounded sample for word counts, spread over the weeks. A week of a team's journal
    /// (hundreds of entries) gives as many texts as a week of one worker's, so what a
    /// period's sample costs follows its weeks, not how much was written in them.
    pub fn text_in_weeks(
        &self,
        weeks: &[NaiveDate],
        per_week: usize,
        limit: usize,
    ) -> Result<Vec<String>> {
        let mut weeks = weeks.to_vec();
        weeks.sort_unstable_by(|a, b| b.cmp(a));
        weeks.dedup();
        // The entries are chosen from an index first, and only those are read: SQLite
        // would otherwise put the text of every entry of the newest day in its sorter
        // (the index of live entries by day orders a day's entries by kind, not id).
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.title || char(10) || e.body || char(10) || e.sections_text
             FROM (SELECT id FROM entries
                   WHERE deleted_at IS NULL AND occurred_on >= ?1 AND occurred_on <= ?2
                   ORDER BY occurred_on DESC, id DESC LIMIT ?3) d
             CROSS JOIN entries e ON e.id = d.id
             ORDER BY e.occurred_on DESC, e.id DESC",
        )?;
        let mut out: Vec<String> = Vec::new();
        for w in weeks {
            let left = limit.saturating_sub(out.len()).min(per_week);
            if left == 0 {
                break;
            }
            let end = w.checked_add_days(Days::new(6)).unwrap_or(w);
            let rows = stmt.query_map(
                params![day(w), day(end), i64::try_from(left).unwrap_or(i64::MAX)],
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
