//! Schema migrations: numbered SQL files built into the binary, applied one transaction
//! per step, with a backup of an existing journal taken first.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Result, StoreError};

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. Append-only: a released step is never edited.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../../assets/schema/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "live entries index",
        sql: include_str!("../../assets/schema/0002_live_entries_index.sql"),
    },
    Migration {
        version: 3,
        name: "indexes for a long journal",
        sql: include_str!("../../assets/schema/0003_indexes_for_a_long_journal.sql"),
    },
    Migration {
        version: 4,
        name: "counts kept as written",
        sql: include_str!("../../assets/schema/0004_counts_kept_as_written.sql"),
    },
];

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = 4;

const _: () = assert!(MIGRATIONS[MIGRATIONS.len() - 1].version == LATEST_VERSION);

/// Brings the journal from `current` to the last of `migrations`.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: Option<&Path>,
    current: i64,
    migrations: &[Migration],
) -> Result<()> {
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(());
    }
    if current > 0
        && let Some(path) = path
    {
        let to = backup_path(path, current);
        backup_to(conn, &to)?;
    }
    // Every pending step and the new version in one transaction: a journal is at one
    // version or the next, never in between, even if praxis is killed half way. Take the
    // write lock first, then look again: another praxis opening the same journal at the
    // same moment may have applied some steps already.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let applied: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut version = applied;
    for m in pending.into_iter().filter(|m| m.version > applied) {
        tx.execute_batch(m.sql).map_err(|e| {
            StoreError::Damaged(format!("migration {} ({}) failed: {e}", m.version, m.name))
        })?;
        version = m.version;
    }
    if version > applied {
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// `journal.sqlite3` → `journal.before-v2-20261123T101500.sqlite3`, beside it.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "journal".into(), |s| s.to_string_lossy().into_owned());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    path.with_file_name(format!("{stem}.before-v{}-{stamp}.sqlite3", version + 1))
}

/// Copies the open journal to `to` (created 0600) with SQLite's online backup, which is
/// consistent even while other connections write. The copy is made under a temporary
/// name beside `to` and linked into place once complete: `to` is never a half-written
/// backup, even if praxis is killed meanwhile, and is never overwritten (an existing
/// `to` is `AlreadyExists`).
pub fn backup_to(conn: &Connection, to: &Path) -> Result<()> {
    let io = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if to.exists() {
        return Err(io(to, std::io::ErrorKind::AlreadyExists.into()));
    }
    let name = to
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    let partial = to.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    // Left by a copy that was killed: this process's id is ours now, and copies of
    // processes that are gone are removed.
    let _ = std::fs::remove_file(&partial);
    if let Some(dir) = to.parent() {
        crate::files::sweep_leftovers(dir, |file| {
            let (_, pid) = file
                .strip_prefix('.')?
                .strip_suffix(".partial")?
                .rsplit_once('.')?;
            pid.parse().ok()
        });
    }
    crate::files::create_private(&partial).map_err(|source| io(&partial, source))?;
    let copy = || -> rusqlite::Result<()> {
        let mut dst = Connection::open(&partial)?;
        let backup = Backup::new(conn, &mut dst)?;
        // Every page in one step, under one read transaction: nothing written meanwhile
        // can make it start over, and nothing waits between steps (in steps of 256
        // pages with the customary 5 ms pause, 100,000 entries took 2.4 s, most of it
        // pausing).
        loop {
            match backup.step(-1)? {
                StepResult::Done => return Ok(()),
                // Another connection holds a lock a moment: try again.
                _ => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
    };
    let placed = copy().map_err(StoreError::from).and_then(|()| {
        match std::fs::hard_link(&partial, to) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(io(to, e)),
            // A file system without hard links: rename, having looked first.
            Err(_) if !to.exists() => std::fs::rename(&partial, to).map_err(|e| io(to, e)),
            Err(e) => Err(io(to, e)),
        }
    });
    let _ = std::fs::remove_file(&partial);
    placed
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;

    #[test]
    fn migrating_an_existing_journal_backs_it_up_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1]).unwrap());
        let v2 = [
            MIGRATIONS[0],
            Migration {
                version: 2,
                name: "test",
                sql: "CREATE TABLE extra (x INTEGER);",
            },
        ];
        let s = Store::open_with(&path, &v2).unwrap();
        assert_eq!(s.schema_version().unwrap(), 2);
        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| {
                let n = e.unwrap().file_name().to_string_lossy().into_owned();
                n.contains(".before-v2-").then_some(n)
            })
            .collect();
        assert_eq!(backups.len(), 1, "{backups:?}");
        let b = Connection::open(dir.path().join(&backups[0])).unwrap();
        let v: i64 = b
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }

    #[test]
    fn a_version_1_journal_is_brought_up_to_date_with_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1]).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let index: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'entries_live_kinds'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index, 1);
        assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".before-v2-")
        }));
    }

    #[test]
    fn a_failing_step_leaves_the_journal_at_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1]).unwrap());
        let bad = [
            MIGRATIONS[0],
            Migration {
                version: 2,
                name: "broken",
                sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;",
            },
        ];
        let err = Store::open_with(&path, &bad).unwrap_err();
        assert!(err.to_string().contains("migration 2 (broken)"), "{err}");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        let half: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0);
    }

    #[test]
    fn a_version_2_journal_gets_the_indexes_for_a_long_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..2]).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let has = |name: &str| -> bool {
            s.conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                    [name],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                == 1
        };
        assert!(has("entries_live_kinds"));
        assert!(!has("entries_live"), "replaced by entries_live_kinds");
        let buffer: i64 = s
            .conn
            .query_row(
                "SELECT v FROM entries_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(buffer, 32 << 20);
        assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".before-v3-")
        }));
    }

    #[test]
    fn steps_are_applied_all_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1]).unwrap());
        let bad = [
            MIGRATIONS[0],
            MIGRATIONS[1],
            Migration {
                version: 3,
                name: "broken",
                sql: "THIS IS NOT SQL;",
            },
        ];
        let err = Store::open_with(&path, &bad).unwrap_err();
        assert!(err.to_string().contains("migration 3 (broken)"), "{err}");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "step 2 is not kept without step 3");
    }
}
