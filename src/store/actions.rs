//! Tracked actions across the journal: what is open, overdue or done.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension as _, params};
use serde::Serialize;
use uuid::Uuid;

use super::entries::action_from_row;
use super::rows::{day, ts};
use super::{Result, Store, StoreError};
use crate::model::{Action, ActionStatus, entry::short_id};

/// Which actions to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionFilter {
    /// Not done (open or partly).
    Open,
    /// Not done, due before the given day.
    Overdue(NaiveDate),
    All,
}

/// An action with the entry it came from.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    #[serde(flatten)]
    pub action: Action,
    pub short_id: String,
    pub entry_id: Uuid,
    pub entry_short_id: String,
    pub entry_title: String,
    pub entry_on: NaiveDate,
}

const ACTION_COLUMNS: &str = "a.uuid, a.text, a.owner, a.due_on, a.status, a.blocker, a.done_on, e.uuid, e.title, e.occurred_on";

fn action_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActionRow> {
    let action = action_from_row(r)?;
    let entry: String = r.get(7)?;
    let entry_id = Uuid::parse_str(&entry).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let on: String = r.get(9)?;
    Ok(ActionRow {
        short_id: short_id(&action.id),
        action,
        entry_short_id: short_id(&entry_id),
        entry_id,
        entry_title: r.get(8)?,
        entry_on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(9, rusqlite::types::Type::Text, Box::new(e))
        })?,
    })
}

impl Store {
    /// Actions of live entries: soonest due first, undated last.
    pub fn list_actions(&self, filter: ActionFilter) -> Result<Vec<ActionRow>> {
        let (wh, arg) = match filter {
            ActionFilter::Open => ("a.status <> 'done'", None),
            ActionFilter::Overdue(today) => (
                "a.status <> 'done' AND a.due_on IS NOT NULL AND a.due_on < ?1",
                Some(day(today)),
            ),
            ActionFilter::All => ("1", None),
        };
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM actions a JOIN entries e ON e.id = a.entry_id
             WHERE e.deleted_at IS NULL AND {wh}
             ORDER BY a.status = 'done', a.due_on IS NULL, a.due_on, e.occurred_on, a.ord"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = match arg {
            Some(a) => stmt
                .query_map([a], action_row)?
                .collect::<rusqlite::Result<_>>()?,
            None => stmt
                .query_map([], action_row)?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(rows)
    }

    /// Sets an action's status (by a unique prefix of its id). The entry it belongs to
    /// counts as changed, so a stale copy of that entry cannot undo this. Returns the
    /// action as it now is, and the blocker that opening it again cleared.
    pub fn set_action_status(
        &mut self,
        typed: &str,
        status: ActionStatus,
        blocker: Option<&str>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(ActionRow, Option<String>)> {
        let prefix: String = typed.trim().to_lowercase();
        if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(StoreError::BadId(typed.trim().to_string()));
        }
        let tx = self.conn.transaction()?;
        let found: Vec<(i64, i64, String, Option<String>)> = tx
            .prepare_cached(
                "SELECT id, entry_id, uuid, blocker FROM actions
                 WHERE uuid >= ?1 AND uuid < ?1 || 'g' LIMIT 6",
            )?
            .query_map([&prefix], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let (id, entry_id, blocker_was) = match found.as_slice() {
            [] => {
                return Err(StoreError::NoAction(typed.trim().to_string()));
            }
            [(id, entry, _, was)] => (*id, *entry, was.clone()),
            many => {
                return Err(StoreError::Ambiguous {
                    prefix: typed.trim().to_string(),
                    candidates: many
                        .iter()
                        .map(|(_, _, u, _)| u[..13].to_string())
                        .collect(),
                });
            }
        };
        let done_on = (status == ActionStatus::Done).then(|| day(today));
        // What was in the way stays with a done action (it is part of how it went), but
        // an action opened again starts clear: a new blocker is given with `partly`.
        tx.execute(
            "UPDATE actions SET status = ?2, done_on = ?3,
                blocker = CASE WHEN ?2 = 'open' THEN NULL ELSE coalesce(?4, blocker) END,
                updated_at = ?5
             WHERE id = ?1",
            params![id, status.as_str(), done_on, blocker, ts(now)],
        )?;
        tx.execute(
            "UPDATE entries SET version = version + 1 WHERE id = ?1",
            [entry_id],
        )?;
        let row = tx
            .query_row(
                &format!(
                    "SELECT {ACTION_COLUMNS} FROM actions a JOIN entries e ON e.id = a.entry_id WHERE a.id = ?1"
                ),
                [id],
                action_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NoAction(typed.trim().to_string()))?;
        tx.commit()?;
        let cleared = blocker_was.filter(|_| status == ActionStatus::Open);
        Ok((row, cleared))
    }
}
