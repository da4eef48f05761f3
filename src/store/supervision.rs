//! What supervision prep gathers from the journal (PRACTICE.md §3): carried actions,
//! flagged entries, due call-in follow-ups, stale stage notes, check-in patterns, CPD.

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension as _, params};
use serde::Serialize;

use super::actions::ActionRow;
use super::details::CallInRow;
use super::entries::insert_entry_tx;
use super::rows::{SUMMARY_COLUMNS, day, summary_from_row};
use super::{Result, Store};
use crate::model::{Entry, EntrySummary, Stage};

/// A stage note that has not moved for a while.
#[derive(Debug, Clone, Serialize)]
pub struct StaleStage {
    pub subject: String,
    pub topic: String,
    pub stage: Stage,
    pub since: NaiveDate,
    pub weeks: i64,
}

/// Check-in patterns over a period: counts and averages, never a score.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckinPattern {
    pub checkins: i64,
    pub heavy_days: i64,
    pub carrying_a_lot: i64,
    pub mood_average: Option<f64>,
    pub energy_average: Option<f64>,
}

/// The last supervision record before a prep.
#[derive(Debug, Clone, Serialize)]
pub struct LastSession {
    pub entry: EntrySummary,
    pub session_on: NaiveDate,
}

/// Everything a prep brings in.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PrepMaterial {
    pub last: Option<LastSession>,
    pub carried: Vec<ActionRow>,
    pub flagged: Vec<EntrySummary>,
    pub follow_ups: Vec<CallInRow>,
    pub stale: Vec<StaleStage>,
    pub pattern: CheckinPattern,
    pub cpd: Vec<(EntrySummary, f64)>,
    /// Open ruptures, recognition not yet said, new feedback, positive-risk reviews due
    /// and group sessions that count (PRACTICE.md §13–§17).
    pub practice: super::PracticeMaterial,
}

/// A supervision session in a list.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub stage: crate::model::SessionStage,
    pub session_on: NaiveDate,
    pub open_actions: i64,
    pub agenda_items: i64,
}

fn parse_day(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Gathers what a prep for a session on `date` brings in. Stage notes count as stale
    /// when their latest note is `stale_weeks` or more old.
    pub fn prep_material(&self, date: NaiveDate, stale_weeks: u32) -> Result<PrepMaterial> {
        let last = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}, s.session_on FROM supervision s
                 JOIN entries e ON e.id = s.entry_id
                 WHERE s.stage = 'record' AND e.deleted_at IS NULL AND s.session_on <= ?1
                 ORDER BY s.session_on DESC, e.id DESC LIMIT 1"
            ))?
            .query_row([day(date)], |r| {
                let on: String = r.get(13)?;
                Ok(LastSession {
                    entry: summary_from_row(r)?,
                    session_on: parse_day(13, &on)?,
                })
            })
            .optional()?;
        let since = last.as_ref().map(|l| day(l.session_on));
        let carried = match &last {
            Some(l) => self
                .list_actions(super::ActionFilter::All)?
                .into_iter()
                .filter(|a| a.entry_id == l.entry.id)
                .collect(),
            None => Vec::new(),
        };
        let flagged = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM entries e
                 WHERE e.deleted_at IS NULL AND e.for_supervision = 1 AND e.kind <> 'supervision'
                   AND (?1 IS NULL OR e.occurred_on > ?1) AND e.occurred_on <= ?2
                 ORDER BY e.occurred_on, e.id"
            ))?
            .query_map(params![since, day(date)], summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let follow_ups = self.list_callins(Some(date))?;
        let cutoff = date
            .checked_sub_days(Days::new(u64::from(stale_weeks) * 7))
            .unwrap_or(date);
        // How long each subject's topic has stayed at its current stage: from the first
        // note of the latest run of that stage.
        let stale = self
            .conn
            .prepare_cached(
                "WITH notes AS (
                     SELECT n.subject_id, lower(n.topic) AS t, n.topic, n.stage, e.occurred_on AS on_
                     FROM stage_notes n JOIN entries e ON e.id = n.entry_id
                     WHERE e.deleted_at IS NULL AND e.occurred_on <= ?2),
                 latest AS (
                     SELECT subject_id, t, topic, stage, max(on_) AS last_on
                     FROM notes GROUP BY subject_id, t),
                 runs AS (
                     SELECT l.subject_id, l.topic, l.stage,
                            (SELECT min(x.on_) FROM notes x
                             WHERE x.subject_id = l.subject_id AND x.t = l.t AND x.stage = l.stage
                               AND x.on_ > coalesce((SELECT max(y.on_) FROM notes y
                                                     WHERE y.subject_id = l.subject_id AND y.t = l.t
                                                       AND y.stage <> l.stage), '')) AS since
                     FROM latest l)
                 SELECT s.key, r.topic, r.stage, r.since FROM runs r JOIN subjects s ON s.id = r.subject_id
                 WHERE r.since <= ?1 AND r.stage <> 'termination'
                 ORDER BY r.since, s.key",
            )?
            .query_map(params![day(cutoff), day(date)], |r| {
                let stage: String = r.get(2)?;
                let on: String = r.get(3)?;
                let since = parse_day(3, &on)?;
                Ok(StaleStage {
                    subject: r.get(0)?,
                    topic: r.get(1)?,
                    stage: stage.parse().map_err(|e: String| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                    since,
                    weeks: (date - since).num_weeks(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let pattern = self
            .conn
            .prepare_cached(
                "SELECT count(*),
                        count(DISTINCT CASE WHEN c.load IN ('heavy', 'overloaded') THEN e.occurred_on END),
                        count(CASE WHEN c.carrying = 'a-lot' THEN 1 END),
                        avg(c.mood), avg(c.energy)
                 FROM checkins c JOIN entries e ON e.id = c.entry_id
                 WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on > ?1) AND e.occurred_on <= ?2",
            )?
            .query_row(params![since, day(date)], |r| {
                Ok(CheckinPattern {
                    checkins: r.get(0)?,
                    heavy_days: r.get(1)?,
                    carrying_a_lot: r.get(2)?,
                    mood_average: r.get(3)?,
                    energy_average: r.get(4)?,
                })
            })?;
        let cpd = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}, c.hours FROM cpd c JOIN entries e ON e.id = c.entry_id
                 WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.occurred_on > ?1) AND e.occurred_on <= ?2
                 ORDER BY e.occurred_on, e.id"
            ))?
            .query_map(params![since, day(date)], |r| Ok((summary_from_row(r)?, r.get(13)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let practice = self.practice_material(date, last.as_ref().map(|l| l.session_on))?;
        Ok(PrepMaterial {
            last,
            carried,
            flagged,
            follow_ups,
            stale,
            pattern,
            cpd,
            practice,
        })
    }

    /// Saves an entry and links it to others (`rel`), in one transaction.
    pub fn insert_linked(&mut self, e: &Entry, to: &[uuid::Uuid], rel: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let rowid = insert_entry_tx(&tx, e)?;
        for id in to {
            tx.execute(
                "INSERT OR IGNORE INTO entry_links (from_id, to_id, rel)
                 SELECT ?1, id, ?3 FROM entries WHERE uuid = ?2",
                params![rowid, id.to_string(), rel],
            )?;
        }
        tx.commit()?;
        Ok(rowid)
    }

    /// Supervision preps and records, newest first, with open-action and agenda counts.
    pub fn supervision_sessions(&self) -> Result<Vec<SessionRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, s.stage, s.session_on,
                    (SELECT count(*) FROM actions a WHERE a.entry_id = e.id AND a.status <> 'done'),
                    (SELECT count(*) FROM agenda_items g WHERE g.entry_id = e.id)
             FROM supervision s JOIN entries e ON e.id = s.entry_id
             WHERE e.deleted_at IS NULL
             ORDER BY s.session_on DESC, s.stage = 'prep', e.id DESC"
        ))?;
        let rows = stmt
            .query_map([], |r| {
                let stage: String = r.get(13)?;
                let on: String = r.get(14)?;
                Ok(SessionRow {
                    entry: summary_from_row(r)?,
                    stage: stage.parse().map_err(|e: String| {
                        rusqlite::Error::FromSqlConversionFailure(
                            13,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                    session_on: parse_day(14, &on)?,
                    open_actions: r.get(15)?,
                    agenda_items: r.get(16)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The newest prep that no record follows yet.
    pub fn open_prep(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT s.entry_id FROM supervision s JOIN entries e ON e.id = s.entry_id
                 WHERE s.stage = 'prep' AND e.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM supervision r WHERE r.prep_id = s.entry_id)
                 ORDER BY s.session_on DESC, e.id DESC LIMIT 1",
            )?
            .query_row([], |r| r.get(0))
            .optional()?)
    }
}
