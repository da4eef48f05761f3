//! The backups of one journal: consistent copies checked whole before they are kept,
//! named after the journal in `backups/` beside it, rotated without ever losing the
//! last good one, and restored only from a copy that is whole.
//!
//! Backups of `NAME.sqlite3` are `backups/NAME-<YYYYmmdd-HHMMSS>[-manual|-before-restore]
//! [-N].sqlite3`; of a journal with another name (`work.db`), the whole name leads
//! (`work.db-<time>…`). Every other file in `backups/` (another journal's backups, other
//! programs' files) is someone else's: never listed, restored by default or removed.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension as _};
use serde::Serialize;

use super::{APPLICATION_ID, LATEST_VERSION, Result, Store, StoreError, Unlock};

/// What made a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupKind {
    /// The day's automatic backup: the newest `[backup] keep` are kept.
    Daily,
    /// `praxis backup`: kept until removed by hand.
    Manual,
    /// The journal as it was before `praxis backup restore` replaced it.
    BeforeRestore,
}

impl BackupKind {
    fn label(self) -> &'static str {
        match self {
            BackupKind::Daily => "",
            BackupKind::Manual => "-manual",
            BackupKind::BeforeRestore => "-before-restore",
        }
    }
}

/// A backup of the journal, in `backups/` beside it.
#[derive(Debug, Clone, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub bytes: u64,
    pub modified: Option<DateTime<Utc>>,
    pub kind: BackupKind,
    /// When it was taken, from its name.
    #[serde(skip)]
    taken: (NaiveDateTime, u32),
}

/// `<journal dir>/backups`.
#[must_use]
pub fn backup_dir(journal: &Path) -> PathBuf {
    journal
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        .join("backups")
}

/// The name a journal's backups start with: its file name without `.sqlite3`.
fn backup_key(journal: &Path) -> String {
    let name = journal
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    match name.strip_suffix(".sqlite3") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => name,
    }
}

/// The names under which a journal's backups may be found: its key, and for a journal
/// not named `*.sqlite3`, the stem earlier versions of praxis named them by, unless a
/// journal beside it owns that name (`work.db` reads `work-…` unless `work.sqlite3`
/// is there too).
fn backup_keys(journal: &Path) -> Vec<String> {
    let key = backup_key(journal);
    let mut keys = vec![key.clone()];
    if let Some(stem) = journal
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        && stem != key
        && !journal.with_file_name(format!("{stem}.sqlite3")).exists()
    {
        keys.push(stem);
    }
    keys
}

/// Reads a backup's file name made for `key`: `KEY-YYYYmmdd-HHMMSS[label][-N].sqlite3`.
fn parse_name(name: &str, key: &str) -> Option<(BackupKind, (NaiveDateTime, u32))> {
    let rest = name.strip_prefix(key)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".sqlite3")?;
    let stamp = rest.get(..15)?;
    let taken = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    let mut rest = &rest[15..];
    let mut kind = BackupKind::Daily;
    for k in [BackupKind::Manual, BackupKind::BeforeRestore] {
        if let Some(r) = rest.strip_prefix(k.label()) {
            kind = k;
            rest = r;
        }
    }
    let n = match rest {
        "" => 1,
        r => r
            .strip_prefix('-')
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))?
            .parse()
            .ok()?,
    };
    Some((kind, (taken, n)))
}

/// The backups of the journal at `journal`, newest first (by the time in their names).
#[must_use]
pub fn list_backups(journal: &Path) -> Vec<BackupFile> {
    let Ok(read) = fs::read_dir(backup_dir(journal)) else {
        return Vec::new();
    };
    let keys = backup_keys(journal);
    let mut out: Vec<BackupFile> = read
        .filter_map(std::result::Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let (kind, taken) = keys.iter().find_map(|k| parse_name(&name, k))?;
            let meta = e.metadata().ok().filter(fs::Metadata::is_file)?;
            Some(BackupFile {
                path: e.path(),
                bytes: meta.len(),
                modified: meta.modified().ok().map(DateTime::<Utc>::from),
                kind,
                taken,
            })
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.taken));
    out
}

/// The journal's backup called `name` in its `backups/` folder, if it is one.
#[must_use]
pub fn backup_named(journal: &Path, name: &Path) -> Option<BackupFile> {
    let wanted = backup_dir(journal).join(name.file_name()?);
    list_backups(journal).into_iter().find(|b| b.path == wanted)
}

/// The newest of the journal's backups that is whole, with the newer ones that are not
/// (and what SQLite found in them). `unlock` is the journal's: an encrypted backup made
/// under another passphrase cannot be read with it, and is said to be so.
#[must_use]
pub fn latest_good_backup(
    journal: &Path,
    unlock: &Unlock,
) -> (Option<BackupFile>, Vec<(BackupFile, String)>) {
    let mut damaged = Vec::new();
    for b in list_backups(journal) {
        match check_backup(&b.path, unlock) {
            Ok(()) => return (Some(b), damaged),
            Err(e) => damaged.push((b, e.to_string())),
        }
    }
    (None, damaged)
}

/// Refuses a file that cannot be restored: not a praxis journal, from a newer praxis, or
/// damaged (SQLite's quick check), or encrypted with a key other than `unlock`'s. Reads
/// it without leaving anything beside it.
pub fn check_backup(path: &Path, unlock: &Unlock) -> Result<()> {
    let meta = fs::metadata(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: crate::files::not_a_regular_file(&meta),
        });
    }
    let src = open_read_only(path, unlock)?;
    check_source(&src, path)
}

fn check_source(src: &Connection, path: &Path) -> Result<()> {
    let (app, version): (i64, i64) = src
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| super::open_error(path, e))?;
    if app != APPLICATION_ID {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if version > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    match quick_check(src) {
        Ok(None) => Ok(()),
        Ok(Some(found)) => Err(StoreError::DamagedBackup {
            path: path.to_path_buf(),
            found,
        }),
        Err(e) => Err(super::open_error(path, e)),
    }
}

/// What SQLite's check of a journal found, in two parts: damage to the file itself (its
/// pages, records and indexes), which only a backup mends; and a search index out of
/// step with the entries, which `praxis doctor --rebuild-index` mends and which a copy
/// carries harmlessly.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    pub damage: Vec<String>,
    pub search_index: Vec<String>,
}

impl Checked {
    /// The first few of `found`, joined: a damaged page can list hundreds.
    pub fn said(found: &[String]) -> String {
        let mut shown: Vec<&str> = found.iter().take(3).map(String::as_str).collect();
        if found.len() > 3 {
            shown.push("…");
        }
        shown.join("; ")
    }
}

/// Runs SQLite's own checks. `full`: `integrity_check`, every page, record and index,
/// the free pages, and then the full-text index against the entries; what it says about
/// the full-text index is told apart from damage to the file. Otherwise SQLite's quick
/// check of every table and its indexes (every page and record of them well formed),
/// table by table: run whole, the quick check also checks the full-text index against
/// the entries, which reads and tokenizes every entry (at 100,000 entries, 2.1 s of its
/// 2.7 s), and which only `praxis doctor` needs. A check that stops on a page too damaged
/// to read counts that as found.
pub(crate) fn check_pages(conn: &Connection, full: bool) -> rusqlite::Result<Checked> {
    let mut found = Checked::default();
    if full {
        run_check(conn, "PRAGMA integrity_check", &mut found)?;
        return Ok(found);
    }
    // Virtual tables have no pages of their own (root page 0); their shadow tables do.
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for t in tables {
        let quoted = t.replace('"', "\"\"");
        run_check(
            conn,
            &format!("PRAGMA quick_check(\"{quoted}\")"),
            &mut found,
        )?;
    }
    Ok(found)
}

/// Steps through one check's rows into `found`.
fn run_check(conn: &Connection, pragma: &str, found: &mut Checked) -> rusqlite::Result<()> {
    let mut put = |what: String| {
        if what.to_lowercase().contains("fts5") {
            found.search_index.push(what);
        } else {
            found.damage.push(what);
        }
    };
    let mut st = conn.prepare(pragma)?;
    let mut rows = st.query([])?;
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                let said: String = row.get(0)?;
                if said != "ok" {
                    put(said);
                }
            }
            Ok(None) => return Ok(()),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                put(e.to_string());
                return Ok(());
            }
            Err(e) => return Err(e),
        }
    }
}

/// SQLite's quick check of the file: None when its pages and records are whole,
/// otherwise what it found.
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let found = check_pages(conn, false)?;
    Ok((!found.damage.is_empty()).then(|| Checked::said(&found.damage)))
}

/// Opens a file praxis only reads (a backup, the source of a restore) so that reading it
/// leaves nothing beside it. With no `-wal` or `-journal` beside it, no other program is
/// writing to it, and it is read as immutable: no locks, and no `-wal` or `-shm` created
/// (a read-only connection to a WAL file otherwise makes both, and leaves them). With
/// them, it is opened read-only as usual, and they were there before.
pub(crate) fn open_read_only(path: &Path, unlock: &Unlock) -> Result<Connection> {
    // A backup is not the journal: its header may be read while the journal is open.
    let unlock = unlock.for_file(path)?;
    let side = |ext: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        PathBuf::from(p).exists()
    };
    let conn = if side("-wal") || side("-journal") {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
    } else {
        Connection::open_with_flags(
            file_uri(path, "immutable=1"),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
    };
    let conn = conn.map_err(|e| super::open_error(path, e))?;
    unlock.unlock(&conn, path)?;
    Ok(conn)
}

/// `path` as an SQLite `file:` URI with `query`: every byte but the unreserved ones and
/// `/` percent-encoded, so that no path can be read as URI syntax.
pub(crate) fn file_uri(path: &Path, query: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(b) {
            uri.push(char::from(*b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

/// Copies the open journal to `to` (created 0600) with SQLite's online backup, which is
/// consistent even while other connections write. The copy is locked as the journal is
/// (`unlock`: the journal's key and salt, so the same passphrase opens it). The copy is made under a temporary
/// name beside `to`, switched to a plain rollback-journal file (so that reading it later
/// leaves no `-wal` or `-shm`), checked whole (SQLite's quick check), and only then linked
/// into place: `to` is never a half-written or damaged backup, even if praxis is killed
/// meanwhile, and is never overwritten (an existing `to` is `AlreadyExists`). A copy
/// that fails the check means the journal itself is damaged: nothing is kept, and the
/// error says so.
pub fn backup_to(conn: &Connection, unlock: &Unlock, to: &Path) -> Result<()> {
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
    let remove_partial = || {
        for ext in ["", "-journal", "-wal", "-shm"] {
            let mut p = partial.as_os_str().to_owned();
            p.push(ext);
            let _ = fs::remove_file(PathBuf::from(p));
        }
    };
    // Left by a copy that was killed: this process's id is ours now, and copies of
    // processes that are gone (with the files SQLite kept beside them) are removed.
    remove_partial();
    if let Some(dir) = to.parent() {
        crate::files::sweep_leftovers(dir, partial_pid);
    }
    crate::files::create_private(&partial).map_err(|source| io(&partial, source))?;
    let copy = || -> Result<()> {
        {
            let mut dst = Connection::open(&partial)?;
            unlock.apply(&dst)?;
            let backup = Backup::new(conn, &mut dst)?;
            // Every page in one step, under one read transaction: nothing written
            // meanwhile can make it start over, and nothing waits between steps (in steps
            // of 256 pages with the customary 5 ms pause, 100,000 entries took 2.4 s,
            // most of it pausing).
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    // Another connection holds a lock a moment: try again.
                    _ => std::thread::sleep(std::time::Duration::from_millis(5)),
                }
            }
        }
        let dst = Connection::open(&partial)?;
        unlock.unlock(&dst, &partial)?;
        if let Some(found) = quick_check(&dst)? {
            return Err(StoreError::Damaged(format!(
                "SQLite's check of a copy of it found: {found}. No backup was made, and the \
                 backups already kept were left as they are"
            )));
        }
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    };
    let placed = copy().and_then(|()| match fs::hard_link(&partial, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(io(to, e)),
        // A file system without hard links: rename, having looked first.
        Err(_) if !to.exists() => fs::rename(&partial, to).map_err(|e| io(to, e)),
        Err(e) => Err(io(to, e)),
    });
    remove_partial();
    placed
}

/// `.NAME.PID.partial` (and SQLite's `-journal`, `-wal`, `-shm` beside it): the process
/// that was copying.
fn partial_pid(file: &str) -> Option<i32> {
    let file = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|ext| file.strip_suffix(ext))
        .unwrap_or(file);
    let (_, pid) = file
        .strip_prefix('.')?
        .strip_suffix(".partial")?
        .rsplit_once('.')?;
    pid.parse().ok()
}

/// Half copies left in the journal's `backups/` by backups that were killed.
#[must_use]
pub fn killed_backup_copies(journal: &Path) -> Vec<PathBuf> {
    crate::files::leftovers(&backup_dir(journal), partial_pid)
}

/// Claims `today`'s automatic backup: 1 when no backup was taken or claimed for it (or a
/// later day) yet, 0 otherwise. One statement, so that two processes never both claim it.
pub(super) fn claim_day(conn: &rusqlite::Connection, today: NaiveDate) -> rusqlite::Result<usize> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('last_backup_on', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value < excluded.value",
        [today.to_string()],
    )
}

impl Store {
    /// Copies the journal to `to` (a new file, 0600) with the online backup API.
    pub fn backup_to_path(&self, to: &Path) -> Result<()> {
        backup_to(&self.conn, &self.unlock, to)
    }

    /// SQLite's quick check of the journal: None when it is whole, otherwise what the
    /// check found.
    pub fn quick_check(&self) -> Result<Option<String>> {
        Ok(quick_check(&self.conn)?)
    }

    /// Takes a consistent, checked copy of the journal into `<journal dir>/backups/`,
    /// named after the journal, `now` and `kind`, and returns its path.
    pub fn backup_now(&self, now: DateTime<Utc>, kind: BackupKind) -> Result<PathBuf> {
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
        let stem = format!(
            "{}-{}{}",
            backup_key(path),
            now.format("%Y%m%d-%H%M%S"),
            kind.label()
        );
        let mut to = dir.join(format!("{stem}.sqlite3"));
        let mut n = 1;
        // Another process may take a name between the check and the copy: try the next.
        loop {
            match backup_to(&self.conn, &self.unlock, &to) {
                Err(StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {}
                other => break other?,
            }
            n += 1;
            to = dir.join(format!("{stem}-{n}.sqlite3"));
        }
        Ok(to)
    }

    /// Whether the day's automatic backup is due: a journal on disk that can be written
    /// (one that cannot has not changed since its last backup), holding anything, with
    /// none taken yet for `today`. Reads two small rows; [`Store::daily_backup`] looks
    /// again before it takes one.
    pub fn daily_backup_due(&self, today: NaiveDate, keep: usize) -> Result<bool> {
        if self.path().is_none() || keep == 0 || self.is_read_only() {
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
    /// holds anything, then keeps only the newest `keep` automatic backups. A journal
    /// whose copy fails the check is damaged: no backup is kept, none is removed, and the
    /// day is given back, so that every start says so until it is mended.
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
        let claimed = claim_day(&self.conn, today)?;
        if claimed == 0 {
            return Ok(None);
        }
        let made = match self.backup_now(now, BackupKind::Daily) {
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
        // The copy just made is whole and the newest: rotating the older ones out never
        // leaves the journal without a good backup. Only this journal's daily backups
        // are counted and removed.
        if let Some(path) = self.path() {
            let daily = list_backups(path)
                .into_iter()
                .filter(|b| b.kind == BackupKind::Daily);
            for old in daily.skip(keep) {
                let _ = fs::remove_file(&old.path);
            }
        }
        Ok(Some(made))
    }

    /// Replaces the journal's content with a backup's, after backing up the current one.
    /// The backup is checked first (a praxis journal, not newer, whole) and read without
    /// leaving anything beside it. Returns the path of the safety copy.
    pub fn restore_from(&mut self, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
        let src = open_read_only(backup, &self.unlock)?;
        check_source(&src, backup)?;
        let from_encrypted = matches!(super::probe(backup), super::Lock::Encrypted { .. });
        if from_encrypted != self.is_encrypted() {
            let (it, journal) = if from_encrypted {
                ("encrypted", "plain: run `praxis encrypt` first")
            } else {
                (
                    "plain",
                    "encrypted: run `praxis decrypt` first, or restore it elsewhere",
                )
            };
            return Err(StoreError::Io {
                path: backup.to_path_buf(),
                source: std::io::Error::other(format!(
                    "this backup is {it} and the journal is {journal}; nothing was restored"
                )),
            });
        }
        let safety = self.backup_now(now, BackupKind::BeforeRestore)?;
        // The circles' records and keys the journal keeps (an encrypted one) outlive it.
        let circles = self.kept_circles()?;
        let b = rusqlite::backup::Backup::new(&src, &mut self.conn)?;
        b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        drop(b);
        // A backup from an older praxis is brought up to date like any journal.
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        super::migrate::migrate(
            &mut self.conn,
            None,
            &self.unlock,
            v,
            super::migrate::MIGRATIONS,
        )?;
        self.keep_circles_missing(&circles)?;
        Ok(safety)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_strictly_and_per_journal() {
        let t = |s| NaiveDateTime::parse_from_str(s, "%Y%m%d-%H%M%S").unwrap();
        assert_eq!(
            parse_name("journal-20260318-200000.sqlite3", "journal"),
            Some((BackupKind::Daily, (t("20260318-200000"), 1)))
        );
        assert_eq!(
            parse_name("journal-20260318-200000-manual-3.sqlite3", "journal"),
            Some((BackupKind::Manual, (t("20260318-200000"), 3)))
        );
        assert_eq!(
            parse_name("journal-20260318-200000-before-restore.sqlite3", "journal"),
            Some((BackupKind::BeforeRestore, (t("20260318-200000"), 1)))
        );
        for other in [
            "journal-20260318-200000.sqlite3-journal",
            "journal-notes.sqlite3",
            "journal-20260318-200000-extra.sqlite3",
            "journal-20261318-200000.sqlite3",
            "work-20260318-200000.sqlite3",
            "journal-20260318-200000-.sqlite3",
            "places.sqlite3",
        ] {
            assert_eq!(parse_name(other, "journal"), None, "{other}");
        }
        assert_eq!(backup_key(Path::new("/x/journal.sqlite3")), "journal");
        assert_eq!(backup_key(Path::new("/x/work.db")), "work.db");
        assert_eq!(backup_key(Path::new("/x/notes")), "notes");
    }

    #[test]
    fn uris_escape_everything_but_plain_characters() {
        assert_eq!(
            file_uri(Path::new("/a b/c?d#e%f.sqlite3"), "immutable=1"),
            "file:/a%20b/c%3Fd%23e%25f.sqlite3?immutable=1"
        );
    }
}
