//! Checking a journal without changing it (`praxis doctor`), rebuilding the search index
//! on request, and the rolling backups kept beside it.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension as _};
use serde::Serialize;

use super::{APPLICATION_ID, LATEST_VERSION, Result, Store, StoreError, backup_to};

/// One finding of a health check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub ok: bool,
    pub check: String,
    pub detail: String,
}

impl Finding {
    fn ok(check: &str, detail: impl Into<String>) -> Self {
        Finding {
            ok: true,
            check: check.into(),
            detail: detail.into(),
        }
    }

    fn problem(check: &str, detail: impl Into<String>) -> Self {
        Finding {
            ok: false,
            check: check.into(),
            detail: detail.into(),
        }
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn mode(_: &Path) -> Option<u32> {
    None
}

/// Runs every check on the journal at `path`, reading only.
#[must_use]
pub fn diagnose(path: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            out.push(Finding::problem(
                "file",
                if e.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "{} does not exist (praxis creates it on first use)",
                        path.display()
                    )
                } else {
                    // "Not a directory", "Permission denied": praxis could not create it.
                    format!("{} cannot be used: {e}", path.display())
                },
            ));
            return out;
        }
    };
    out.push(Finding::ok(
        "file",
        format!("{} ({} bytes)", path.display(), meta.len()),
    ));
    if let Some(m) = mode(path) {
        if m & 0o077 == 0 {
            out.push(Finding::ok(
                "permissions",
                format!("journal file is private ({m:o})"),
            ));
        } else {
            out.push(Finding::problem(
                "permissions",
                format!(
                    "others can read the journal file (mode {m:o}): run `chmod 600 {}`",
                    path.display()
                ),
            ));
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Some(m) = mode(dir)
        && m & 0o077 != 0
    {
        out.push(Finding::problem(
            "permissions",
            format!(
                "the journal's directory {} is open to others (mode {m:o}): consider `chmod 700` on it",
                dir.display()
            ),
        ));
    }
    if super::check_header(path).is_err() {
        out.push(Finding::problem(
            "format",
            "the file is not an SQLite database: it may be damaged, or another kind of file"
                .to_string(),
        ));
        return out;
    }
    // A rollback journal left beside it (an import runs with one, see store::Importer)
    // means a write was cut off: a read-only check cannot undo it, and would report the
    // journal unreadable. The next praxis to open the journal undoes it.
    let mut rollback = path.as_os_str().to_owned();
    rollback.push("-journal");
    if fs::metadata(&rollback).is_ok_and(|m| m.len() > 0) {
        out.push(Finding::problem(
            "interrupted",
            format!(
                "{} was left by a praxis that stopped while writing (an import?): the next \
                 praxis command undoes that write, leaving the journal as it was before it; \
                 run `praxis list`, then `praxis doctor` again",
                PathBuf::from(rollback).display()
            ),
        ));
        return out;
    }
    let conn = match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(c) => c,
        Err(e) => {
            out.push(Finding::problem("open", format!("cannot open: {e}")));
            return out;
        }
    };
    let pragma = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    match (pragma("PRAGMA application_id"), pragma("PRAGMA user_version")) {
        (Ok(app), Ok(v)) if app == APPLICATION_ID && v <= LATEST_VERSION => {
            out.push(Finding::ok("version", format!("journal version {v}")));
        }
        (Ok(app), Ok(v)) if app == APPLICATION_ID => out.push(Finding::problem(
            "version",
            format!("journal version {v} was written by a newer praxis (this one understands {LATEST_VERSION})"),
        )),
        (Ok(0), Ok(0)) => out.push(Finding::ok("version", "a new, empty journal")),
        (Ok(_), Ok(_)) => {
            out.push(Finding::problem("format", "this is another program's SQLite database"));
            return out;
        }
        (Err(e), _) | (_, Err(e)) => {
            out.push(Finding::problem("format", format!("cannot read the journal header: {e}")));
            return out;
        }
    }
    let integrity: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match integrity {
        Ok(rows) if rows == ["ok"] => {
            out.push(Finding::ok("integrity", "SQLite integrity check passed"))
        }
        Ok(rows) => out.push(Finding::problem(
            "integrity",
            format!("SQLite found damage: {}", rows.join("; ")),
        )),
        Err(e) => out.push(Finding::problem(
            "integrity",
            format!("the check could not run: {e}"),
        )),
    }
    let fk: rusqlite::Result<i64> = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| Ok(s.query_map([], |_| Ok(()))?.count() as i64));
    match fk {
        Ok(0) => out.push(Finding::ok("links", "every part belongs to an entry")),
        Ok(n) => out.push(Finding::problem(
            "links",
            format!("{n} parts point at entries that do not exist"),
        )),
        Err(e) => out.push(Finding::problem(
            "links",
            format!("the check could not run: {e}"),
        )),
    }
    let has_fts = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE name = 'entries_fts'",
            [],
            |_| Ok(()),
        )
        .optional()
        .ok()
        .flatten()
        .is_some();
    if has_fts {
        // FTS5 runs its check as a command, which needs a writable connection; it is
        // run inside a transaction that is rolled back, so nothing is written.
        let fts_check = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .and_then(|mut c| {
                let tx = c.transaction()?;
                let r = tx.execute(
                    "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
                    [],
                );
                tx.rollback()?;
                r
            });
        match fts_check {
            Ok(_) => out.push(Finding::ok("search index", "matches the entries")),
            Err(e) => out.push(Finding::problem(
                "search index",
                format!("does not match the entries ({e}): run `praxis doctor --rebuild-index`"),
            )),
        }
    }
    out.extend(super::counts::finding(&conn));
    if let Ok(n) = pragma("SELECT count(*) FROM entries WHERE deleted_at IS NULL") {
        let trashed =
            pragma("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").unwrap_or(0);
        out.push(Finding::ok(
            "entries",
            format!("{n} in the journal, {trashed} in the trash"),
        ));
    }
    out
}

/// A backup file beside the journal.
#[derive(Debug, Clone, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub bytes: u64,
    pub modified: Option<DateTime<Utc>>,
}

/// `<journal dir>/backups`.
#[must_use]
pub fn backup_dir(journal: &Path) -> PathBuf {
    journal
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        .join("backups")
}

/// Backups of the journal at `journal`, newest first.
#[must_use]
pub fn list_backups(journal: &Path) -> Vec<BackupFile> {
    let Ok(read) = fs::read_dir(backup_dir(journal)) else {
        return Vec::new();
    };
    let mut out: Vec<BackupFile> = read
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".sqlite3"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some(BackupFile {
                path: e.path(),
                bytes: meta.len(),
                modified: meta.modified().ok().map(DateTime::<Utc>::from),
            })
        })
        .collect();
    // Newest first: by modification time, then by name (which carries a timestamp).
    out.sort_by(|a, b| (b.modified, b.path.file_name()).cmp(&(a.modified, a.path.file_name())));
    out
}

impl Store {
    /// Copies the journal to `to` (a new file, 0600) with the online backup API.
    pub fn backup_to_path(&self, to: &Path) -> Result<()> {
        backup_to(&self.conn, to)
    }

    /// Rebuilds the full-text index from the entries, in one transaction.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Takes a consistent copy of the journal into `<journal dir>/backups/`, named by
    /// `now` and `label`, and returns its path.
    pub fn backup_now(&self, now: DateTime<Utc>, label: &str) -> Result<PathBuf> {
        let Some(path) = self.path() else {
            return Err(StoreError::Damaged(
                "a journal in memory has no file to back up".into(),
            ));
        };
        let dir = backup_dir(path);
        crate::files::create_private_dir(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let stem = path
            .file_stem()
            .map_or_else(|| "journal".into(), |s| s.to_string_lossy().into_owned());
        let mut to = dir.join(format!(
            "{stem}-{}{label}.sqlite3",
            now.format("%Y%m%d-%H%M%S")
        ));
        let mut n = 1;
        // Another process may take a name between the check and the copy: try the next.
        loop {
            match backup_to(&self.conn, &to) {
                Err(StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {}
                other => break other?,
            }
            n += 1;
            to = dir.join(format!(
                "{stem}-{}{label}-{n}.sqlite3",
                now.format("%Y%m%d-%H%M%S")
            ));
        }
        Ok(to)
    }

    /// Whether the day's automatic backup is due: a journal on disk, holding anything,
    /// with none taken yet for `today`. Reads two small rows; [`Store::daily_backup`]
    /// looks again before it takes one.
    pub fn daily_backup_due(&self, today: NaiveDate, keep: usize) -> Result<bool> {
        if self.path().is_none() || keep == 0 {
            return Ok(false);
        }
        Ok(self.conn.query_row(
            "SELECT coalesce((SELECT value FROM meta WHERE key = 'last_backup_on'), '') < ?1
                    AND EXISTS (SELECT 1 FROM entries)",
            [today.to_string()],
            |r| r.get(0),
        )?)
    }

    /// Takes the day's automatic backup if there is none yet for `today` and the journal
    /// holds anything, then keeps only the newest `keep` automatic backups.
    pub fn daily_backup(
        &mut self,
        today: NaiveDate,
        now: DateTime<Utc>,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        if self.path().is_none() || keep == 0 {
            return Ok(None);
        }
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'last_backup_on'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if last.as_deref() >= Some(today.to_string().as_str()) {
            return Ok(None);
        }
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM entries)", [], |r| r.get(0))?;
        if !any {
            return Ok(None);
        }
        // Claim the day in one statement, so two praxis processes never both back up.
        let claimed = self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('last_backup_on', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value < excluded.value",
            [today.to_string()],
        )?;
        if claimed == 0 {
            return Ok(None);
        }
        let made = match self.backup_now(now, "") {
            Ok(p) => p,
            Err(e) => {
                // Give the day back, so the next start tries again.
                let _ = self.conn.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'last_backup_on'",
                    [last.unwrap_or_default()],
                );
                return Err(e);
            }
        };
        if let Some(path) = self.path() {
            let automatic: Vec<BackupFile> = list_backups(path)
                .into_iter()
                .filter(|b| {
                    let name = b
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    !name.contains("-before-") && !name.contains("-manual")
                })
                .collect();
            for old in automatic.iter().skip(keep) {
                let _ = fs::remove_file(&old.path);
            }
        }
        Ok(Some(made))
    }

    /// Replaces the journal's content with a backup's, after backing up the current one.
    /// Returns the path of that safety copy.
    pub fn restore_from(&mut self, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
        super::check_header(backup)?;
        let src = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let app: i64 = src.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = src.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if app != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: backup.to_path_buf(),
            });
        }
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: backup.to_path_buf(),
                found: version,
                supported: LATEST_VERSION,
            });
        }
        let safety = self.backup_now(now, "-before-restore")?;
        let b = rusqlite::backup::Backup::new(&src, &mut self.conn)?;
        b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        drop(b);
        // A backup from an older praxis is brought up to date like any journal.
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        super::migrate::migrate(&mut self.conn, None, v, super::migrate::MIGRATIONS)?;
        Ok(safety)
    }
}
