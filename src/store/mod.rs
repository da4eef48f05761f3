//! The journal on disk: one SQLite file, opened safely, migrated forward, and the only
//! module that speaks SQL.
//!
//! # Encryption at rest
//!
//! Everything above this module reaches the journal through [`Store`]: no other module
//! names `rusqlite` (`only_the_store_opens_the_journal_with_sqlite` in
//! `tests/reliability.rs` keeps it so). An encrypted journal is a change here, plus the
//! one place that asks for the passphrase (the session), which hands an opaque
//! [`Unlock`] to [`Store::open`].
//!
//! - **Engine.** SQLCipher 4 (AES-256 per page, HMAC-SHA512), built by rusqlite's
//!   `bundled-sqlcipher-vendored-openssl`: no system OpenSSL is needed, so a fresh machine
//!   builds it with a C compiler, perl and make. With no key, SQLCipher is plain SQLite:
//!   a plain journal opens exactly as before, FTS5 and all.
//! - **Opening.** The first statement on a new connection is `PRAGMA key` (a raw key and
//!   its salt, derived once per process in `lock.rs`), then `PRAGMA cipher_log_level =
//!   NONE` (SQLCipher would print its errors over the app), then a read of
//!   `sqlite_master` to prove the key, all before `prepare`. A key that does not fit
//!   fails with `SQLITE_NOTADB`, the code of a damaged file, so it is
//!   [`StoreError::WrongPassphrase`], never `NotAJournal` or `Damaged`: `praxis backup
//!   restore` moves a damaged journal aside, and must not do that to a healthy journal
//!   behind a mistyped passphrase.
//! - **Backups.** `backup_to` keys the destination with the journal's key before
//!   `Backup::new`, so the daily, pre-migration, manual and before-restore copies are all
//!   encrypted, under the journal's passphrase; a backup's first bytes say whether it is
//!   plain or encrypted (it is never the journal file, so reading them drops no lock).
//! - **Changing the lock.** [`Store::relock`]: `sqlcipher_export` into a new file
//!   attached with the new key, `user_version` and `application_id` copied by hand (the
//!   export does not), checked, synced, renamed over the journal.
//! - **Not covered**: exports made without `--encrypt` (with it they are age files:
//!   `crate::transfer::sealed`). Rescued editor text is kept encrypted above the store
//!   (`crate::rescue`): a draft, or an age file.

mod actions;
mod backups;
mod circle;
mod counts;
mod details;
mod drafts;
mod entries;
mod health;
mod held;
mod index_beside;
mod lock;
mod migrate;
mod practice;
mod rows;
mod search;
mod seen;
mod selection;
mod stats;
mod supervision;
mod transfer;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use actions::{ActionFilter, ActionRow};
pub use backups::{
    BackupFile, BackupKind, backup_dir, backup_named, backup_to, check_backup,
    killed_backup_copies, latest_good_backup, list_backups,
};
pub use circle::{CircleFileRow, CircleIndex, CircleIndexError, IndexChange, Seen};
pub use details::{CallInRow, CpdActivity, CpdSummary, KindCount, StagePoint, SubjectRow};
pub use drafts::Draft;
pub use entries::{EntryFilter, NameCount, StrengthCount};
pub use health::{Finding, diagnose};
pub use lock::{KDF_ROUNDS, Key, Lock, Unlock, probe, relock_file};
pub use migrate::{LATEST_VERSION, Migration};
pub use practice::{
    FeedbackFilter, FeedbackRow, GroupFilter, GroupRow, PracticeMaterial, Received,
    RecognitionFilter, RecognitionRow, RiskFilter, RiskRow, RuptureFilter, RuptureRow,
    SustainMonth,
};
pub use search::{
    HIGHLIGHT_END, HIGHLIGHT_START, Names, Passages, RANK_POOL, Ranked, RecentTitles, SearchHit,
    fts_query,
};
pub use selection::Selection;
pub use stats::{ActionCounts, CheckinWeek, KindCounts};
pub use supervision::{CheckinPattern, LastSession, PrepMaterial, SessionRow, StaleStage};
pub use transfer::{
    ImportJournal, ImportReport, Importer, Recognise, export_order, fits_schema, schema_problem,
};

/// `PRAGMA application_id` of a praxis journal ('PRXS').
pub const APPLICATION_ID: i64 = 0x5052_5853;

/// How long a write waits for another praxis process before reporting the journal busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// The page cache of an encrypted journal, in KiB: its pages are decrypted (and their
/// HMAC checked) each time they are read into the cache, so the cache keeps the pages a
/// session reads again and again (the newest entries, the search index of the recent
/// ones) decrypted. A plain journal keeps SQLite's default of 2 MiB.
const ENCRYPTED_CACHE_KIB: i64 = 8 * 1024;

/// What went wrong with the journal, said so that the user knows what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} is not a praxis journal (it is not an SQLite database, or it is damaged): the file was left untouched; run `praxis doctor --db {}` to check it, or point --db elsewhere",
        path.display(), path.display()
    )]
    NotAJournal { path: PathBuf },
    #[error(
        "{} is an SQLite database of another program, not a praxis journal: the file was left untouched; point --db at a praxis journal or a new path",
        path.display()
    )]
    ForeignDatabase { path: PathBuf },
    #[error(
        "{} was written by a newer praxis (journal version {found}; this praxis understands up to version {supported}): it was left untouched; upgrade praxis to open it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot use the journal at {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the passphrase does not unlock {} (or it is not an encrypted praxis journal): nothing was read or changed; check the passphrase (a recovery key is typed as its 16 groups of 4 digits and letters, with the dashes)",
        path.display()
    )]
    WrongPassphrase { path: PathBuf },
    #[error(
        "{} is not a plain SQLite database: it is an encrypted journal (give its passphrase on a terminal, with --passphrase-fd N or PRAXIS_PASSPHRASE_FILE), or it is damaged (run `praxis doctor --db {}`); the file was left untouched",
        path.display(), path.display()
    )]
    EncryptedOrDamaged { path: PathBuf },
    #[error(
        "{} is encrypted, and this command has no passphrase for it: nothing was read or changed",
        path.display()
    )]
    Locked { path: PathBuf },
    #[error(
        "the journal is open in another praxis (the app, or a command still running): close it first; nothing was changed"
    )]
    InUse,
    #[error("the journal is busy: another praxis process is writing to it; try again in a moment")]
    Busy,
    #[error(
        "the journal{} is read-only (the file, its folder or the file system cannot be written): nothing was changed; check that the file and its folder are yours and writable (`ls -ld`), and that its disk is not mounted read-only",
        path.as_ref().map(|p| format!(" at {}", p.display())).unwrap_or_default()
    )]
    ReadOnly { path: Option<PathBuf> },
    #[error(
        "the disk holding the journal is full: nothing was saved; free some space and try again"
    )]
    Full,
    #[error(
        "the journal file could not be read or written ({0}): no change was saved; check the disk, then run `praxis doctor`"
    )]
    DiskIo(String),
    #[error("no entry with id '{0}': see `praxis list` (or `praxis trash` for deleted entries)")]
    NotFound(String),
    #[error("no action with id '{0}': see `praxis actions` for the open ones and their ids")]
    NoAction(String),
    #[error("no subject '{0}': see `praxis subjects list`")]
    NoSubject(String),
    #[error("id '{prefix}' is ambiguous: it matches {}; type more characters", candidates.join(", "))]
    Ambiguous {
        prefix: String,
        candidates: Vec<String>,
    },
    #[error("'{0}' is not an entry id: ids are the hex digits shown by `praxis list` (at least 4)")]
    BadId(String),
    #[error(
        "entry {0} was changed by another praxis process since it was opened: your version was not saved"
    )]
    Conflict(String),
    #[error("{0} already exists")]
    Exists(String),
    #[error("entry {id} cannot be saved: {reason}")]
    Invalid { id: String, reason: String },
    #[error("the journal holds a value praxis cannot read ({0}); run `praxis doctor`")]
    Unreadable(String),
    #[error("the journal is damaged: {0}; run `praxis doctor`")]
    Damaged(String),
    #[error(
        "{} is damaged (SQLite's check found {found}): choose another backup (`praxis backup list`)",
        path.display()
    )]
    DamagedBackup { path: PathBuf, found: String },
    #[error(
        "the journal's {what} is missing (removed by another program?): nothing was changed; run `praxis doctor --rebuild-index` to make it again"
    )]
    MissingIndex { what: String },
    #[error(
        "the journal's {what} is missing or was made by another program: nothing was changed; run `praxis doctor` to see what is wrong and the way out"
    )]
    SchemaChanged { what: String },
    /// Said once: SQLite's own error repeats its text as its source.
    #[error("{0}")]
    Sqlite(rusqlite::Error),
}

/// What of the journal's schema an SQLite error says is missing: `no such index: X` (a
/// part praxis makes again from its own SQL) or `no such table` / `no such column`
/// (which `doctor` names with the way out). Queries that name an index (`INDEXED BY`)
/// fail this way when another program has dropped it.
fn missing_from_schema(e: &rusqlite::Error) -> Option<StoreError> {
    let rusqlite::Error::SqliteFailure(_, Some(msg)) = e else {
        return None;
    };
    if let Some(index) = msg.strip_prefix("no such index: ") {
        return Some(StoreError::MissingIndex {
            what: format!("index {index}"),
        });
    }
    ["no such table: ", "no such column: "]
        .iter()
        .find_map(|p| msg.strip_prefix(p).map(|name| (p, name)))
        .map(|(p, name)| StoreError::SchemaChanged {
            what: format!(
                "{} {name}",
                if p.contains("table") {
                    "table"
                } else {
                    "column"
                }
            ),
        })
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let Some(missing) = missing_from_schema(&e) {
            return missing;
        }
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Busy,
            Some(C::DiskFull) => StoreError::Full,
            Some(C::ReadOnly) => StoreError::ReadOnly { path: None },
            Some(C::SystemIoFailure) => StoreError::DiskIo(e.to_string()),
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Damaged(e.to_string()),
            _ if matches!(e, rusqlite::Error::FromSqlConversionFailure(..)) => {
                StoreError::Unreadable(e.to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open journal.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: Option<PathBuf>,
    /// Opened for reading only: the file, its folder or the file system cannot be written.
    read_only: bool,
    /// How its connections are unlocked (the backups' too).
    unlock: Unlock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The `-wal` file beside `path`, when there is one that is not empty.
fn orphan_log(path: &Path) -> Option<PathBuf> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal = PathBuf::from(wal);
    fs::metadata(&wal)
        .ok()
        .filter(|m| m.is_file() && m.len() > 0)
        .map(|_| wal)
}

impl Store {
    /// Opens (creating if needed) the plain journal at `path`, refusing anything that is
    /// not a praxis journal or is newer than this binary, without modifying it.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, migrate::MIGRATIONS, &Unlock::Plain)
    }

    /// [`Store::open`] for a journal that may be encrypted: `unlock` is its key when it is
    /// (a new journal is then created encrypted); a key that does not fit is
    /// [`StoreError::WrongPassphrase`].
    pub fn open_unlocked(path: &Path, unlock: &Unlock) -> Result<Store> {
        Self::open_with(path, migrate::MIGRATIONS, unlock)
    }

    pub(crate) fn open_with(
        path: &Path,
        migrations: &[Migration],
        unlock: &Unlock,
    ) -> Result<Store> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        // A lock change killed midway leaves its new file beside the journal: a whole or
        // partial copy, plain after a `decrypt`. So does a first import killed midway: the
        // journal it was building, in clear text. Nothing else would ever remove them: one
        // look through the folder finds both.
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        crate::files::sweep_leftovers(dir.unwrap_or(Path::new(".")), |file| {
            lock::relock_pid(file).or_else(|| transfer::building_pid(file))
        });
        // Only SQLite opens the journal file: closing any other descriptor of it would drop
        // every POSIX lock this process holds on it, the locks of connections still open
        // (the app's, while its daily backup opens the journal again) included. An outside
        // reader would then take the journal for unused, checkpoint it and remove the
        // write-ahead log those connections still write to. So the header is never read
        // here: a file that is not an SQLite database fails SQLite's first read with
        // SQLITE_NOTADB, before anything is written, and is refused as `NotAJournal`.
        let meta = fs::metadata(path);
        // SQLite's write-ahead log beside a journal that is gone (deleted or moved without
        // it): SQLite would quietly drop it, the last writes of that journal with it, or
        // fail with "disk I/O error" while another process still had it. Say what it is,
        // and create nothing.
        let empty = match &meta {
            Ok(m) => m.is_file() && m.len() == 0,
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
        if empty && let Some(wal) = orphan_log(path) {
            return Err(io(std::io::Error::other(format!(
                "there is no journal in it, but SQLite's write-ahead log {} is beside it, \
                 left when a journal was deleted or moved without it. To start afresh, \
                 move that file (and its -shm) aside; if the journal was moved, move them \
                 with it",
                wal.display()
            ))));
        }
        match meta {
            Ok(meta) if !meta.is_file() => {
                return Err(io(crate::files::not_a_regular_file(&meta)));
            }
            Ok(_) => {
                if let Err(e) = rustix::fs::access(path, rustix::fs::Access::READ_OK) {
                    let e = std::io::Error::from(e);
                    return Err(io(std::io::Error::new(
                        e.kind(),
                        format!(
                            "you cannot read it ({e}): a journal should be yours, with mode 600 \
                             (`ls -l` shows its owner and mode)"
                        ),
                    )));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match crate::files::create_private(path) {
                    // Another praxis created it a moment ago: open it like any other.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) if cannot_create(&e) => {
                        return Err(StoreError::ReadOnly {
                            path: Some(path.to_path_buf()),
                        });
                    }
                    other => other.map_err(io)?,
                }
            }
            Err(e) => return Err(io(e)),
        }
        // A journal that cannot be written (a read-only file system, a file or folder
        // that is not the user's to write) can still be read: listed, searched, shown,
        // exported. Writing to it says why it cannot.
        let read_only = cannot_write(path)
            || path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .is_some_and(cannot_write);
        // The key first, before any other statement, then proven by reading the schema.
        let conn = if read_only {
            open_reading(path, unlock)?
        } else {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
            unlock.unlock(&conn, path)?;
            conn
        };
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            read_only,
            unlock: unlock.clone(),
        };
        store.prepare(migrations)?;
        Ok(store)
    }

    /// A journal in memory, for tests and the throwaway demo.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            read_only: false,
            unlock: Unlock::Plain,
        };
        store.prepare(migrate::MIGRATIONS)?;
        Ok(store)
    }

    /// Whether the journal was opened for reading only (see [`Store::open`]).
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses, before anything is written (or typed), a journal opened for reading only.
    pub fn ensure_writable(&self) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// Whether the journal is encrypted.
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        self.unlock.is_encrypted()
    }

    /// The salt of an encrypted journal's key (None for a plain one): what a passphrase
    /// typed again is derived with.
    #[must_use]
    pub fn salt(&self) -> Option<[u8; 16]> {
        match &self.unlock {
            Unlock::Key(k) => Some(k.salt()),
            Unlock::Plain => None,
        }
    }

    /// The key of an encrypted journal (None for a plain one).
    #[must_use]
    pub fn key(&self) -> Option<&Key> {
        match &self.unlock {
            Unlock::Key(k) => Some(k),
            Unlock::Plain => None,
        }
    }

    /// The file behind this journal (None in memory).
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self, migrations: &[Migration]) -> Result<()> {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read-only checks first: nothing below may touch a journal we are going to refuse.
        // One statement, so one consistent view even while another praxis is creating
        // the journal.
        let (app_id, version, tables) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT user_version FROM pragma_user_version),
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )
            .map_err(|e| open_error(&path, e))?;
        if app_id != 0 && app_id != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase { path });
        }
        if app_id == 0 && (version != 0 || tables != 0) {
            return Err(StoreError::ForeignDatabase { path });
        }
        let supported = migrations.last().map_or(0, |m| m.version);
        if version > supported {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported,
            });
        }
        if self.read_only {
            // Reading needs none of what follows; a journal that needs bringing up to
            // date (or creating) cannot be read until it can be written.
            if version < supported {
                return Err(StoreError::ReadOnly { path: Some(path) });
            }
            self.conn.pragma_update(None, "foreign_keys", "ON")?;
            self.conn.set_prepared_statement_cache_capacity(64);
            return Ok(());
        }
        // Switching a new journal to WAL does not wait for the busy timeout by itself when
        // another praxis is opening it at the same moment: retry until the timeout.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                done => break done.map_err(|e| open_error(&path, e))?,
            }
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.unlock.is_encrypted() {
            self.conn
                .pragma_update(None, "cache_size", -ENCRYPTED_CACHE_KIB)?;
        }
        self.conn.set_prepared_statement_cache_capacity(64);
        // The query planner's stability guarantee: plans never depend on the values
        // bound. Without it, SQLite 3.54 marks every `column = ?` statement as worth
        // planning again when its value changes, and the statement cache (which clears
        // the bindings of a statement it takes back) then made SQLite compile it again
        // on every use: an export spent over half its time compiling the same queries.
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // Every write transaction takes the write lock when it begins, so that a second
        // writer waits (busy_timeout) instead of failing at once with "database is locked".
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        migrate::migrate(
            &mut self.conn,
            self.path.as_deref(),
            &self.unlock,
            version,
            migrations,
        )?;
        self.keep_deleted_text_unreadable()
    }

    /// Text deleted for good (the trash emptied, an entry edited, a draft saved) is
    /// overwritten where it lay, not only unlinked: SQLite's `secure_delete` zeroes freed
    /// space in the journal's pages, and the full-text indexes' own `secure-delete` takes
    /// a deleted entry's words out of the index at once instead of at its next merge.
    /// The first is set on every connection; the second is kept in the index and written
    /// once.
    fn keep_deleted_text_unreadable(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        for table in ["entries_fts", "search_recent"] {
            let config = format!("{table}_config");
            if !health::has_table(&self.conn, &config)? {
                continue;
            }
            let on: bool = self.conn.query_row(
                &format!("SELECT count(*) FROM {config} WHERE k = 'secure-delete' AND v = 1"),
                [],
                |r| r.get(0),
            )?;
            if !on {
                self.conn.execute(
                    &format!("INSERT INTO {table} ({table}, rank) VALUES ('secure-delete', 1)"),
                    [],
                )?;
            }
        }
        Ok(())
    }

    /// The schema version of this journal.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
impl Store {
    /// Every row of `table`, each as one line of its values, sorted: for tests that
    /// compare what two journals hold.
    pub(crate) fn table_rows(&self, table: &str, columns: &str) -> Vec<String> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {columns} FROM {table}"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    line.push_str(&format!("{:?}\u{1f}", r.get_ref(i)?));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        rows
    }
}

/// Opens the journal for reading only. SQLite reads a journal in write-ahead-log mode
/// through its `-shm` file, which it creates beside it; where that cannot be done (a
/// read-only folder or file system, a full disk) and there is no `-wal` holding changes
/// not yet in the file, the file is read as it is, as immutable. With such a `-wal`, the
/// last changes would be missing: that is an error saying so.
pub(crate) fn open_reading(path: &Path, unlock: &Unlock) -> Result<Connection> {
    let plain = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| {
        unlock.apply(&c)?;
        c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(c)
    });
    match plain {
        Ok(c) => Ok(c),
        Err(e)
            if unlock.is_encrypted()
                && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
        {
            Err(StoreError::WrongPassphrase {
                path: path.to_path_buf(),
            })
        }
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::SystemIoFailure
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::DiskFull
                )
            ) =>
        {
            let mut wal = path.as_os_str().to_owned();
            wal.push("-wal");
            if fs::metadata(PathBuf::from(&wal)).is_ok_and(|m| m.len() > 0) {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::other(format!(
                        "its last changes are in {}, which cannot be read while nothing can be \
                         written beside the journal ({e}); make its folder writable, or free \
                         some space, and try again",
                        PathBuf::from(wal).display()
                    )),
                });
            }
            let conn = Connection::open_with_flags(
                backups::file_uri(path, "immutable=1"),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| open_error(path, e))?;
            unlock.unlock(&conn, path)?;
            Ok(conn)
        }
        Err(e) => Err(open_error(path, e)),
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase | C::DatabaseCorrupt) => StoreError::NotAJournal {
            path: path.to_path_buf(),
        },
        Some(C::ReadOnly) => StoreError::ReadOnly {
            path: Some(path.to_path_buf()),
        },
        // A WAL journal on a read-only file system cannot even be read: say why.
        Some(C::CannotOpen) if cannot_write(path) => StoreError::ReadOnly {
            path: Some(path.to_path_buf()),
        },
        // SQLite's "disk I/O error" where its `-shm` or `-wal` could not grow: a full disk.
        Some(C::SystemIoFailure | C::CannotOpen | C::DiskFull) if disk_full(path) => {
            StoreError::Full
        }
        Some(C::CannotOpen) => StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        },
        _ => StoreError::from(e),
    }
}

/// Whether the file at `path` exists but may not be written (a read-only file system, or
/// permissions). Asked of the kernel without opening the file: see [`Store::open`].
pub(crate) fn cannot_write(path: &Path) -> bool {
    use rustix::io::Errno;
    matches!(
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK),
        Err(Errno::ROFS | Errno::ACCESS | Errno::PERM)
    )
}

/// Whether an error creating a file means that nothing can be written there.
fn cannot_create(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
    )
}

/// Whether the file system holding `path` has no space left for praxis.
pub(crate) fn disk_full(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    rustix::fs::statvfs(dir).is_ok_and(|s| s.f_bavail == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_index_table_or_column_is_said_in_the_users_words() {
        let failure = |msg: &str| {
            StoreError::from(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(1),
                Some(msg.to_string()),
            ))
            .to_string()
        };
        let index = failure("no such index: entries_by_kind");
        assert!(index.starts_with("the journal's index entries_by_kind is missing"));
        assert!(index.contains("praxis doctor --rebuild-index"));
        let table = failure("no such table: count_weeks");
        assert!(table.starts_with("the journal's table count_weeks is missing"));
        assert!(table.contains("run `praxis doctor`"));
        assert!(failure("no such column: e.mood").starts_with("the journal's column e.mood"));
        // Any other error is SQLite's own, said once.
        assert_eq!(
            failure("near \"SELEC\": syntax error"),
            "near \"SELEC\": syntax error"
        );
    }

    #[test]
    fn a_new_journal_is_at_the_latest_version() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    }

    /// An encrypted journal keeps more pages decrypted than a plain one keeps read: each
    /// page read into its cache is decrypted and checked again.
    #[test]
    fn an_encrypted_journal_keeps_a_larger_page_cache() {
        let dir = tempfile::tempdir().unwrap();
        let cache = |s: &Store| -> i64 {
            s.conn
                .query_row("PRAGMA cache_size", [], |r| r.get(0))
                .unwrap()
        };
        let plain = Store::open(&dir.path().join("plain.sqlite3")).unwrap();
        let key = Unlock::Key(std::sync::Arc::new(Key::derive(b"pass", [5; 16])));
        let locked = Store::open_unlocked(&dir.path().join("locked.sqlite3"), &key).unwrap();
        assert_eq!(cache(&locked), -ENCRYPTED_CACHE_KIB);
        assert!(cache(&plain) > -ENCRYPTED_CACHE_KIB, "{}", cache(&plain));
    }
}
