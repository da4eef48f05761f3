//! The lock on a journal: whether its file is plain or encrypted, the key SQLCipher
//! encrypts every page with (derived from the passphrase once per process), and the one
//! way a journal changes lock: a whole new copy, checked, then renamed over it.
//!
//! The key is SQLCipher 4's own: PBKDF2-HMAC-SHA512 over the passphrase and the 16 bytes
//! of salt that open the file, 256,000 rounds, 32 bytes (by the `praxis-kdf` crate, so
//! that it is compiled optimised in every build). It is derived here, once, and
//! handed to every connection as a raw key (`PRAGMA key = "x'…'"`, the key and its
//! salt), so that the daily backup's connection, a backup's check and a restore pay no
//! second derivation. The file stays a standard SQLCipher 4 database: the `sqlcipher`
//! shell opens it with the passphrase alone.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;
use zeroize::{Zeroize as _, Zeroizing};

use super::{Result, StoreError};

/// The rounds of PBKDF2-HMAC-SHA512 of SQLCipher 4's default settings.
pub const KDF_ROUNDS: u32 = 256_000;

/// The first 16 bytes of every plain SQLite database.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A journal's key and the salt it was derived with. Zeroed when dropped.
#[derive(Clone)]
pub struct Key {
    key: Zeroizing<[u8; 32]>,
    salt: [u8; 16],
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// The key of `passphrase` for a file whose salt is `salt` (SQLCipher 4's derivation).
    #[must_use]
    pub fn derive(passphrase: &[u8], salt: [u8; 16]) -> Key {
        let mut key = Zeroizing::new([0u8; 32]);
        praxis_kdf::pbkdf2_hmac_sha512(passphrase, &salt, KDF_ROUNDS, &mut *key);
        Key { key, salt }
    }

    /// The key of `passphrase` for a new file, with a new random salt.
    pub fn new_for(passphrase: &[u8]) -> Result<Key> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| StoreError::Io {
            path: PathBuf::from("(random numbers)"),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(Key::derive(passphrase, salt))
    }

    /// A random key with a random salt, for a file of this process's own that no
    /// passphrase opens and that lives only as long as the process needs it.
    pub(crate) fn random() -> Result<Key> {
        let mut key = Zeroizing::new([0u8; 32]);
        let mut salt = [0u8; 16];
        getrandom::fill(&mut *key)
            .and_then(|()| getrandom::fill(&mut salt))
            .map_err(|e| StoreError::Io {
                path: PathBuf::from("(random numbers)"),
                source: std::io::Error::other(e.to_string()),
            })?;
        Ok(Key { key, salt })
    }

    /// A key kept elsewhere (the kernel's keyring) for the file whose salt is `salt`.
    #[must_use]
    pub fn from_raw(key: Zeroizing<[u8; 32]>, salt: [u8; 16]) -> Key {
        Key { key, salt }
    }

    /// The key itself, to keep it in the kernel's keyring for a while.
    #[must_use]
    pub fn raw(&self) -> &[u8; 32] {
        &self.key
    }

    /// The salt the key was derived with (not a secret: it opens the file).
    #[must_use]
    pub fn salt(&self) -> [u8; 16] {
        self.salt
    }

    /// The key written as a recovery key: 16 groups of 4 hex digits. It unlocks the
    /// journal (and the backups made under the same passphrase) in place of the
    /// passphrase.
    #[must_use]
    pub fn recovery_key(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex(&self.key[..]));
        let groups: Vec<&str> = (0..16).map(|i| &hex[i * 4..i * 4 + 4]).collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads what was typed as a recovery key (the form [`Key::recovery_key`] prints, in
    /// either case, spaces allowed), for the file whose salt is `salt`. None when it is not
    /// in that form (then it is a passphrase).
    #[must_use]
    pub fn from_recovery_key(typed: &str, salt: [u8; 16]) -> Option<Key> {
        let typed = typed.trim();
        let groups: Vec<&str> = typed.split('-').map(str::trim).collect();
        if groups.len() != 16
            || groups
                .iter()
                .any(|g| g.len() != 4 || !g.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return None;
        }
        let hex = Zeroizing::new(groups.concat());
        let mut key = Zeroizing::new([0u8; 32]);
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(Key { key, salt })
    }

    /// `PRAGMA key = "x'KEY SALT'"`: the raw key with its salt, so that SQLCipher runs
    /// no derivation of its own.
    fn pragma(&self) -> Zeroizing<String> {
        let mut raw = hex(&self.key[..]);
        raw.push_str(&hex(&self.salt));
        let sql = Zeroizing::new(format!("PRAGMA key = \"x'{raw}'\""));
        raw.zeroize();
        sql
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// How a journal is opened: plain, or with its key.
#[derive(Clone, Debug, Default)]
pub enum Unlock {
    /// A plain SQLite file (or one to create plain).
    #[default]
    Plain,
    /// An encrypted file (or one to create encrypted), and its key.
    Key(Arc<Key>),
}

impl Unlock {
    /// Whether the journal is (or will be) encrypted.
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        matches!(self, Unlock::Key(_))
    }

    /// How to open a file that is not the journal (a backup) with this journal's key: a
    /// plain file plainly, an encrypted one with the key (a plain journal has none for it).
    pub(crate) fn for_file(&self, path: &Path) -> Result<Unlock> {
        match (probe(path), self) {
            (Lock::Plain, _) => Ok(Unlock::Plain),
            (Lock::Encrypted { .. }, Unlock::Plain) => Err(StoreError::Locked {
                path: path.to_path_buf(),
            }),
            _ => Ok(self.clone()),
        }
    }

    /// Keys a connection just opened, before any other statement, and silences
    /// SQLCipher's own log (it would print over the app). Nothing is read yet.
    pub(crate) fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        if let Unlock::Key(key) = self {
            conn.execute_batch(&key.pragma())?;
        }
        conn.execute_batch("PRAGMA cipher_log_level = NONE")
    }

    /// Keys `conn` and proves the key by reading the schema: a key that does not fit is
    /// [`StoreError::WrongPassphrase`], never taken for a damaged file.
    pub(crate) fn unlock(&self, conn: &Connection, path: &Path) -> Result<()> {
        self.apply(conn).map_err(|e| super::open_error(path, e))?;
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())) {
            Ok(()) => Ok(()),
            Err(e)
                if self.is_encrypted()
                    && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
            {
                Err(StoreError::WrongPassphrase {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => Err(super::open_error(path, e)),
        }
    }
}

/// What the first bytes of a journal file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// No file yet (or an empty one): it will be created.
    New,
    /// A plain SQLite database.
    Plain,
    /// No SQLite header, and the shape of an SQLCipher database (whole pages of what
    /// reads as random bytes): encrypted, with this salt.
    Encrypted { salt: [u8; 16] },
    /// Neither: not a journal at all (SQLite refuses it as such when it is opened).
    Other,
}

/// Reads the first 16 bytes of the file at `path`.
///
/// Only while this process has no connection open to it: closing the descriptor read
/// here drops every POSIX lock the process holds on the file (see [`super::Store::open`]).
/// The session probes once, before it opens the journal, and keeps the answer. A file
/// that cannot be looked at is `Other`: opening it says why, as for any journal.
#[must_use]
pub fn probe(path: &Path) -> Lock {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lock::New,
        Err(_) => return Lock::Other,
    };
    if !meta.is_file() {
        // Opening it says what it is (reading a FIFO here would wait for ever).
        return Lock::Other;
    }
    if meta.len() == 0 {
        return Lock::New;
    }
    let mut head = [0u8; 16];
    match fs::File::open(path).and_then(|f| f.take(16).read(&mut head)) {
        Ok(read) => classify(&head[..read], meta.len()),
        Err(_) => Lock::Other,
    }
}

fn classify(head: &[u8], len: u64) -> Lock {
    if head == SQLITE_HEADER {
        return Lock::Plain;
    }
    // SQLCipher writes whole pages (512 bytes at the least) that open with a random salt;
    // a salt of printable text alone is one chance in ten million.
    let text = head
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    match <[u8; 16]>::try_from(head) {
        Ok(salt) if len >= 1024 && len.is_multiple_of(512) && !text => Lock::Encrypted { salt },
        _ => Lock::Other,
    }
}

/// Writes the journal open on `conn` (unlocked with `from`) into a new file at `to`,
/// locked with `into` (plain, or a key), with SQLCipher's `sqlcipher_export`: every
/// table, index and the search index, then the journal's `user_version` and
/// `application_id` (which the export does not copy). The copy is then checked whole
/// (SQLite's quick check, under its new lock), switched to `mode` (`WAL` for a journal,
/// as every praxis opens it, so that the first one to open it writes nothing; `DELETE`
/// for a backup, so that reading it leaves nothing beside it), and synced to disk. `to`
/// must not exist.
pub(crate) fn export_to(conn: &Connection, to: &Path, into: &Unlock, mode: &str) -> Result<()> {
    crate::files::create_private(to).map_err(|source| StoreError::Io {
        path: to.to_path_buf(),
        source,
    })?;
    let (version, app): (i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    conn.execute_batch(&attach_sql(to, "relock", into))?;
    let exported = (|| -> rusqlite::Result<()> {
        conn.query_row("SELECT sqlcipher_export('relock')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA relock.user_version = {version}; PRAGMA relock.application_id = {app};"
        ))
    })();
    let detached = conn.execute_batch("DETACH DATABASE relock");
    exported?;
    detached?;
    // Check the copy as the next praxis will open it.
    let copy = Connection::open(to).map_err(|e| super::open_error(to, e))?;
    into.unlock(&copy, to)?;
    if let Some(found) = super::backups::quick_check(&copy)? {
        return Err(StoreError::Damaged(format!(
            "SQLite's check of the new copy found: {found}; the journal was left as it was"
        )));
    }
    let (v2, a2): (i64, i64) = copy.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if (v2, a2) != (version, app) {
        return Err(StoreError::Damaged(
            "the new copy did not keep the journal's version; the journal was left as it was"
                .into(),
        ));
    }
    copy.pragma_update(None, "journal_mode", mode)?;
    drop(copy);
    fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io {
            path: to.to_path_buf(),
            source,
        })?;
    Ok(())
}

impl super::Store {
    /// Locks the journal with `into` instead (encrypts, decrypts, or changes its key):
    /// the journal is written whole into a new file beside it under the new lock,
    /// checked, synced, then renamed over it. Whatever moment praxis is stopped at, one
    /// whole journal is there: the old one until the rename, the new one after.
    ///
    /// No other connection may be open (the app, another command): one would go on
    /// writing to the old file. Switching the journal out of its write-ahead log needs
    /// every other connection closed, which is how that is checked, and the exclusive
    /// lock taken then keeps everyone out until the new file is in place.
    pub fn relock(self, into: &Unlock) -> Result<()> {
        self.relock_with(into, || {})
    }

    /// Takes the journal for this connection alone, as a change of lock needs it (see
    /// [`super::Store::relock`]): [`StoreError::InUse`] while another praxis has it open.
    /// Done before a new passphrase is asked for, so that nobody types one (twice) only to
    /// be told to close the app; [`super::Store::relock`] does it again (it holds already).
    ///
    /// A damaged journal is refused first, with nothing written: switching it out of its
    /// write-ahead log rewrites its first page, and a copy of it could not be made whole.
    pub fn hold_alone(&self) -> Result<()> {
        self.ensure_writable()?;
        let conn = &self.conn;
        let held: String = conn.query_row("PRAGMA locking_mode", [], |r| r.get(0))?;
        if held.eq_ignore_ascii_case("exclusive") {
            return Ok(());
        }
        let damaged = |found: String| {
            StoreError::Damaged(format!(
                "SQLite's check found {found}; nothing was changed (the lock changes only on \
                 a whole journal): `praxis backup restore` puts back a backup"
            ))
        };
        match super::backups::quick_check(conn) {
            Ok(None) => {}
            Ok(Some(found)) => return Err(damaged(found)),
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                return Err(damaged(e.to_string()));
            }
            Err(e) => return Err(e.into()),
        }
        // The write-ahead log back into the file; refused while anyone else has it open.
        match conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))
        {
            Ok(mode) if mode.eq_ignore_ascii_case("delete") => {}
            Ok(_) => return Err(StoreError::Busy),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                return Err(StoreError::InUse);
            }
            Err(e) => return Err(e.into()),
        }
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
        Ok(())
    }

    /// [`super::Store::relock`], running `before_rename` once the new copy is whole and
    /// synced, just before it replaces the journal: what must be gone before the new lock
    /// holds (files kept in the clear beside a journal being encrypted), removed while the
    /// old journal is still the one in place, so that no moment has the new journal with
    /// them still beside it.
    pub fn relock_with(self, into: &Unlock, before_rename: impl FnOnce()) -> Result<()> {
        let Some(path) = self.path.clone() else {
            return Err(StoreError::Damaged(
                "a journal in memory has no file to lock".into(),
            ));
        };
        self.hold_alone()?;
        let conn = &self.conn;
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let name = path
            .file_name()
            .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
        crate::files::sweep_leftovers(dir, relock_pid);
        let new = dir.join(format!(".{name}.{}.relock", std::process::id()));
        let remove_new = || {
            for ext in ["", "-journal", "-wal", "-shm"] {
                let mut p = new.as_os_str().to_owned();
                p.push(ext);
                let _ = fs::remove_file(PathBuf::from(p));
            }
        };
        remove_new();
        let done = export_to(conn, &new, into, "WAL").and_then(|()| {
            before_rename();
            fs::rename(&new, &path).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })
        });
        if done.is_err() {
            remove_new();
        }
        done?;
        // The rename is made durable by syncing the folder that holds both names.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        drop(self);
        // A rollback journal of the old file has nothing to roll back: there is none
        // after a switch to DELETE mode, but an empty one may be left.
        for ext in ["-journal", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(ext);
            let p = PathBuf::from(p);
            if fs::metadata(&p).is_ok_and(|m| m.len() == 0) {
                let _ = fs::remove_file(p);
            }
        }
        Ok(())
    }
}

/// Locks the backup at `path` (a whole, closed file) with `into` instead of `from`, as
/// [`super::Store::relock`] does a journal: a new file beside it, checked, renamed over.
pub fn relock_file(path: &Path, from: &Unlock, into: &Unlock) -> Result<()> {
    // Read-write: the new file is attached to this connection, and would be read-only too.
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| super::open_error(path, e))?;
    from.unlock(&conn, path)?;
    let name = path
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    let new = path.with_file_name(format!(".{name}.{}.relock", std::process::id()));
    let _ = fs::remove_file(&new);
    let done = export_to(&conn, &new, into, "DELETE").and_then(|()| {
        fs::rename(&new, path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })
    });
    if done.is_err() {
        let _ = fs::remove_file(&new);
    }
    done
}

/// `.NAME.PID.relock`: the process that was writing a journal under a new lock.
pub(super) fn relock_pid(file: &str) -> Option<i32> {
    let file = ["-journal", "-wal", "-shm"]
        .iter()
        .find_map(|ext| file.strip_suffix(ext))
        .unwrap_or(file);
    let (_, pid) = file
        .strip_prefix('.')?
        .strip_suffix(".relock")?
        .rsplit_once('.')?;
    pid.parse().ok()
}

/// `ATTACH DATABASE` of the file at `path` as `name`, locked with `unlock`: with its key,
/// or plain (an empty key), whatever the lock of the connection it is attached to.
pub(crate) fn attach_sql(path: &Path, name: &str, unlock: &Unlock) -> Zeroizing<String> {
    let key_sql = match unlock {
        Unlock::Plain => Zeroizing::new("''".to_string()),
        Unlock::Key(k) => {
            let mut raw = hex(&k.key[..]);
            raw.push_str(&hex(&k.salt));
            let s = Zeroizing::new(sql_string(&format!("x'{raw}'")));
            raw.zeroize();
            s
        }
    };
    Zeroizing::new(format!(
        "ATTACH DATABASE {} AS {name} KEY {}",
        sql_string(&path.to_string_lossy()),
        key_sql.as_str()
    ))
}

/// `s` as an SQL string literal.
fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_told_apart() {
        assert_eq!(classify(SQLITE_HEADER, 4096), Lock::Plain);
        let salt = [0x8f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xff];
        assert_eq!(classify(&salt, 8192), Lock::Encrypted { salt });
        // Too short, not whole pages, or text: not an encrypted journal.
        assert_eq!(classify(&salt, 100), Lock::Other);
        assert_eq!(classify(&salt, 4097), Lock::Other);
        assert_eq!(classify(b"# my notes here\n", 4096), Lock::Other);
        assert_eq!(classify(b"abc", 4096), Lock::Other);
    }

    #[test]
    fn the_key_is_the_one_sqlcipher_derives_from_the_passphrase() {
        // A file keyed with our derivation opens with the passphrase alone, SQLCipher
        // deriving the key by its own defaults: the two derivations agree.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let key = Key::derive(b"correct horse", [9; 16]);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&key.pragma()).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
            .unwrap();
        drop(conn);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA key = 'correct horse'").unwrap();
        let x: i64 = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, 42);
        drop(conn);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA key = 'correct horsE'").unwrap();
        assert!(
            conn.query_row("SELECT x FROM t", [], |r| r.get::<_, i64>(0))
                .is_err()
        );
    }

    #[test]
    fn what_must_go_before_a_new_lock_goes_while_the_old_journal_is_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(super::super::Store::open(&path).unwrap());
        let into = Unlock::Key(Arc::new(Key::derive(b"pass", [3; 16])));
        let store = super::super::Store::open(&path).unwrap();
        let mut seen = None;
        store
            .relock_with(&into, || {
                // The encrypted copy is whole beside it; the plain journal is still there.
                seen = Some(probe(&path));
            })
            .unwrap();
        assert_eq!(seen, Some(Lock::Plain));
        assert!(matches!(probe(&path), Lock::Encrypted { .. }));
    }

    #[test]
    fn a_recovery_key_reads_back_as_the_key() {
        let k = Key::derive(b"pass", [7; 16]);
        let printed = k.recovery_key();
        assert_eq!(printed.len(), 16 * 4 + 15);
        let back = Key::from_recovery_key(&printed.to_uppercase(), [7; 16]).unwrap();
        assert_eq!(*back.key, *k.key);
        assert!(Key::from_recovery_key("correct horse battery staple", [7; 16]).is_none());
        assert!(Key::from_recovery_key(&printed[..70], [7; 16]).is_none());
    }
}
