//! Bulk writes for imports: one transaction for a whole file, idempotent by entry id.

use rusqlite::{OptionalExtension as _, params};

use super::entries::{insert_entry_tx, replace_entry_tx, ts};
use super::{Result, Store, StoreError};
use crate::model::{Details, Entry, SessionStage, SubjectType};
use crate::transfer::ImportReport;

/// Entries that other entries point at go first: preps before records, reflections
/// before the CPD records that link them.
fn order(e: &Entry) -> u8 {
    match &e.details {
        Details::Supervision(s) if s.stage == SessionStage::Record => 1,
        Details::Cpd(_) => 2,
        _ => 0,
    }
}

impl Store {
    /// Saves imported entries in one transaction: new ids are added, known ones are
    /// skipped unless the file's version was updated later (then it replaces the stored
    /// one). With `dry_run` the transaction is rolled back: the counts say what would
    /// happen.
    pub fn import_entries(
        &mut self,
        entries: &[Entry],
        subjects: &[(String, SubjectType)],
        dry_run: bool,
    ) -> Result<ImportReport> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = chrono::Utc::now();
        for (key, kind) in subjects {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO subjects (key, type, created_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![key, kind.as_str(), ts(now)])?;
        }
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by_key(|e| order(e));
        let mut report = ImportReport::default();
        for e in sorted {
            let known: Option<(i64, String)> = tx
                .prepare_cached("SELECT id, updated_at FROM entries WHERE uuid = ?1")?
                .query_row([e.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match known {
                None => {
                    insert_entry_tx(&tx, e)?;
                    report.added += 1;
                }
                Some((rowid, stored)) if ts(e.updated_at) > stored => {
                    replace_entry_tx(&tx, rowid, e)?;
                    report.merged += 1;
                }
                Some(_) => report.skipped += 1,
            }
        }
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(report)
    }

    /// Runs `read` inside one read transaction: every query in it sees the same snapshot
    /// of the journal (another praxis may write meanwhile), and SQLite takes its file
    /// locks once instead of once per statement.
    pub fn read_snapshot<T, E: From<StoreError>>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn
            .execute_batch("BEGIN DEFERRED")
            .map_err(StoreError::from)?;
        let result = read(self);
        // A read transaction has nothing to keep: ending it cannot lose anything.
        let _ = self.conn.execute_batch("COMMIT");
        result
    }

    /// Row ids of every entry (trash too when `all`), oldest first: the order of exports.
    pub fn export_ids(&self, all: bool) -> Result<Vec<i64>> {
        let sql = if all {
            "SELECT id FROM entries ORDER BY occurred_on, created_at, uuid"
        } else {
            "SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY occurred_on, created_at, uuid"
        };
        let rows = self
            .conn
            .prepare_cached(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
