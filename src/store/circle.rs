//! The local index of a circle's shared folder: one row per file read, keyed by its name,
//! size and modification time, so opening a circle reads only the files that are new or
//! changed. It is a cache kept beside the journal (private like it), never the truth:
//! deleting it costs one full read of the folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension as _, params};

use super::Unlock;

/// A failure of the index: where it is, and that deleting it is safe.
#[derive(Debug, thiserror::Error)]
#[error(
    "the circle's local index at {} cannot be used ({source}); it is only a cache: remove it and praxis reads the circle's folder again",
    path.display()
)]
pub struct CircleIndexError {
    path: PathBuf,
    #[source]
    source: rusqlite::Error,
}

type Result<T> = std::result::Result<T, CircleIndexError>;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    folder TEXT NOT NULL,
    status TEXT NOT NULL,
    problem TEXT,
    id TEXT,
    author TEXT,
    kind TEXT,
    written_at TEXT,
    target TEXT,
    payload TEXT,
    signer_key TEXT,
    first_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_order ON files(written_at, name);
CREATE INDEX IF NOT EXISTS files_target ON files(target);
CREATE INDEX IF NOT EXISTS files_id ON files(id);
CREATE INDEX IF NOT EXISTS files_folder ON files(folder, status);
CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, mtime INTEGER NOT NULL, key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS file_themes (
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    PRIMARY KEY (name, theme)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS file_themes_theme ON file_themes(theme, name);
";

/// What the index knows of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CircleFileRow {
    /// Relative to the circle's folder, with `/`: `members/<member>/<file>`.
    pub name: String,
    pub size: i64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: i64,
    /// The member folder it lies in.
    pub folder: String,
    /// `ok`, or what is wrong with it (`damaged`, `unknown-signer`, `bad-signature`…).
    pub status: String,
    pub problem: Option<String>,
    pub id: Option<String>,
    pub author: Option<String>,
    pub kind: Option<String>,
    /// RFC 3339, UTC: orders the stream.
    pub written_at: Option<String>,
    /// The contribution a reply, thanks or tombstone is about.
    pub target: Option<String>,
    /// The verified (and decrypted) contribution, as JSON.
    pub payload: Option<String>,
    /// The member key the file was checked against (hex), empty when there was none.
    pub signer_key: String,
    /// When this praxis first read the file (RFC 3339, UTC): what "new" is measured by.
    pub first_seen: String,
    /// The verified contribution's themes (kept in their own table; not read back).
    pub themes: Vec<String>,
}

/// One refresh's changes to the index.
#[derive(Debug, Default)]
pub struct IndexChange {
    /// Files read (new or changed).
    pub rows: Vec<CircleFileRow>,
    /// Files no longer in the folder, by name.
    pub gone: Vec<String>,
    /// Member folders no longer there.
    pub gone_folders: Vec<String>,
    /// Folders read whole: name, modification time, the member key their files were
    /// checked against.
    pub folders: Vec<(String, i64, String)>,
}

impl IndexChange {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
            && self.gone.is_empty()
            && self.gone_folders.is_empty()
            && self.folders.is_empty()
    }
}

/// Size and time of a file as last read, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub size: i64,
    pub mtime: i64,
}

/// The index of one circle.
pub struct CircleIndex {
    conn: Connection,
    path: PathBuf,
}

const COLUMNS: &str = "name, size, mtime, folder, status, problem, id, author, kind, \
                       written_at, target, payload, signer_key, first_seen";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CircleFileRow> {
    Ok(CircleFileRow {
        name: r.get(0)?,
        size: r.get(1)?,
        mtime: r.get(2)?,
        folder: r.get(3)?,
        status: r.get(4)?,
        problem: r.get(5)?,
        id: r.get(6)?,
        author: r.get(7)?,
        kind: r.get(8)?,
        written_at: r.get(9)?,
        target: r.get(10)?,
        payload: r.get(11)?,
        signer_key: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
        first_seen: r.get(13)?,
        themes: Vec::new(),
    })
}

impl CircleIndex {
    /// Opens (creating it private if new) the plain index at `path`.
    pub fn open(path: &Path) -> Result<CircleIndex> {
        Self::open_locked(path, &Unlock::Plain)
    }

    /// Opens (creating it private if new) the index at `path` under the journal's lock:
    /// beside an encrypted journal it is encrypted with the journal's key, since it holds
    /// what the circle's files say, decrypted. An index under another lock (made before
    /// the journal was encrypted, decrypted or given a new passphrase) is a cache: it is
    /// removed and made again.
    pub fn open_locked(path: &Path, unlock: &Unlock) -> Result<CircleIndex> {
        let fail = |source| CircleIndexError {
            path: path.to_path_buf(),
            source,
        };
        let fits = match super::probe(path) {
            super::Lock::New => true,
            super::Lock::Plain => !unlock.is_encrypted(),
            super::Lock::Encrypted { .. } | super::Lock::Other => {
                unlock.is_encrypted() && {
                    let conn = Connection::open(path).map_err(fail)?;
                    unlock.unlock(&conn, path).is_ok()
                }
            }
        };
        if !fits {
            for side in ["", "-wal", "-shm"] {
                let file = PathBuf::from(format!("{}{side}", path.display()));
                if let Err(e) = std::fs::remove_file(&file)
                    && e.kind() != std::io::ErrorKind::NotFound
                {
                    return Err(fail(rusqlite::Error::ToSqlConversionFailure(Box::new(e))));
                }
            }
        }
        if !path.exists()
            && let Err(e) = crate::files::create_private(path)
        {
            return Err(fail(rusqlite::Error::ToSqlConversionFailure(Box::new(e))));
        }
        let conn = Connection::open(path).map_err(fail)?;
        unlock.apply(&conn).map_err(fail)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        )
        .map_err(fail)?;
        conn.execute_batch(SCHEMA).map_err(fail)?;
        Ok(CircleIndex {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn err(&self, source: rusqlite::Error) -> CircleIndexError {
        CircleIndexError {
            path: self.path.clone(),
            source,
        }
    }

    /// Every member folder read, with its modification time and the member key its files
    /// were checked against when it was last read whole.
    pub fn folders(&self) -> Result<HashMap<String, (i64, String)>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self
                .conn
                .prepare("SELECT folder, mtime, key FROM folders")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The files known in one folder, by name: size, time and the key checked against.
    pub fn seen_in(&self, folder: &str) -> Result<HashMap<String, (Seen, String)>> {
        self.seen_where("folder = ?1", folder)
    }

    /// The files of one folder that were not verified (damaged, sealed, unknown signer…):
    /// looked at again on every refresh, as a sync may complete them in place.
    pub fn flagged_in(&self, folder: &str) -> Result<HashMap<String, (Seen, String)>> {
        self.seen_where("folder = ?1 AND status <> 'ok'", folder)
    }

    fn seen_where(&self, cond: &str, folder: &str) -> Result<HashMap<String, (Seen, String)>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare_cached(&format!(
                "SELECT name, size, mtime, signer_key FROM files WHERE {cond}"
            ))?;
            let rows = st.query_map([folder], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (
                        Seen {
                            size: r.get(1)?,
                            mtime: r.get(2)?,
                        },
                        r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    ),
                ))
            })?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Writes what was read, forgets files and folders that are gone, and records the
    /// folders read whole (name, time, key), in one transaction. A file read again keeps
    /// the time it was first seen.
    pub fn apply(&mut self, change: &IndexChange) -> Result<()> {
        let IndexChange {
            rows,
            gone,
            gone_folders,
            folders,
        } = change;
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            {
                let mut del = tx.prepare_cached("DELETE FROM files WHERE name = ?1")?;
                let mut del_themes =
                    tx.prepare_cached("DELETE FROM file_themes WHERE name = ?1")?;
                for name in gone {
                    del.execute([name])?;
                    del_themes.execute([name])?;
                }
                let mut del_files = tx.prepare_cached("DELETE FROM files WHERE folder = ?1")?;
                let mut del_folder = tx.prepare_cached("DELETE FROM folders WHERE folder = ?1")?;
                let mut del_folder_themes = tx.prepare_cached(
                    "DELETE FROM file_themes WHERE name IN \
                     (SELECT name FROM files WHERE folder = ?1)",
                )?;
                for f in gone_folders {
                    del_folder_themes.execute([f])?;
                    del_files.execute([f])?;
                    del_folder.execute([f])?;
                }
                let mut put_folder = tx.prepare_cached(
                    "INSERT OR REPLACE INTO folders (folder, mtime, key) VALUES (?1, ?2, ?3)",
                )?;
                for (f, mtime, key) in folders {
                    put_folder.execute(params![f, mtime, key])?;
                }
                let mut first =
                    tx.prepare_cached("SELECT first_seen FROM files WHERE name = ?1")?;
                let mut put = tx.prepare_cached(&format!(
                    "INSERT OR REPLACE INTO files ({COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                ))?;
                let mut put_theme = tx.prepare_cached(
                    "INSERT OR IGNORE INTO file_themes (name, theme) VALUES (?1, ?2)",
                )?;
                for r in rows {
                    del_themes.execute([&r.name])?;
                    for t in &r.themes {
                        put_theme.execute([&r.name, t])?;
                    }
                    let before: Option<String> =
                        first.query_row([&r.name], |x| x.get(0)).optional()?;
                    put.execute(params![
                        r.name,
                        r.size,
                        r.mtime,
                        r.folder,
                        r.status,
                        r.problem,
                        r.id,
                        r.author,
                        r.kind,
                        r.written_at,
                        r.target,
                        r.payload,
                        r.signer_key,
                        before.as_deref().unwrap_or(&r.first_seen),
                    ])?;
                }
            }
            tx.commit()
        };
        run(&mut self.conn).map_err(|e| self.err(e))
    }

    /// Verified contributions of the stream (not replies, thanks or tombstones) and
    /// flagged files, newest first, not removed by their author: at most `limit`.
    pub fn stream(&self, limit: usize) -> Result<Vec<CircleFileRow>> {
        self.query(
            &stream_sql(),
            params![i64::try_from(limit).unwrap_or(i64::MAX)],
        )
    }

    /// [`CircleIndex::stream`] of the verified contributions on one theme.
    pub fn stream_on(&self, theme: &str, limit: usize) -> Result<Vec<CircleFileRow>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM files f WHERE f.name IN \
                 (SELECT name FROM file_themes WHERE theme = ?1) AND f.status = 'ok' \
                 AND f.kind NOT IN ('reply', 'thanks', 'tombstone') AND NOT {REMOVED} \
                 ORDER BY f.written_at DESC, f.name DESC LIMIT ?2"
            ),
            params![theme, i64::try_from(limit).unwrap_or(i64::MAX)],
        )
    }

    /// Every theme of the verified contributions, with how many carry it, most first.
    pub fn themes(&self) -> Result<Vec<(String, i64)>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare_cached(
                "SELECT t.theme, count(*) FROM file_themes t JOIN files f ON f.name = t.name \
                 WHERE f.status = 'ok' GROUP BY t.theme ORDER BY count(*) DESC, t.theme",
            )?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Verified replies and thanks to `target`, oldest first, not removed.
    pub fn responses(&self, target: &str) -> Result<Vec<CircleFileRow>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM files f WHERE f.status = 'ok' AND f.target = ?1 \
                 AND f.kind IN ('reply', 'thanks') AND NOT {REMOVED} \
                 ORDER BY f.written_at, f.name"
            ),
            params![target],
        )
    }

    /// Verified contributions whose id ends with or starts with `id` (a short id is the
    /// random part at the end), not removed.
    pub fn find(&self, id: &str) -> Result<Vec<CircleFileRow>> {
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM files f WHERE f.status = 'ok' \
                 AND (f.id = ?1 OR f.id LIKE '%-' || ?1 || '%' ESCAPE '\\') AND NOT {REMOVED} \
                 ORDER BY f.written_at LIMIT 10"
            ),
            params![id.replace(['%', '_', '\\'], "")],
        )
    }

    /// Counts of verified contributions (any kind but tombstones) first seen after
    /// `since`, by author; `None` counts all.
    pub fn new_by_author(&self, since: Option<&str>) -> Result<Vec<(String, i64)>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare(&format!(
                "SELECT f.author, count(*) FROM files f WHERE f.status = 'ok' \
                 AND f.kind <> 'tombstone' AND f.first_seen > ?1 AND NOT {REMOVED} \
                 GROUP BY f.author ORDER BY f.author"
            ))?;
            let rows = st.query_map([since.unwrap_or("")], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// Files that are not verified contributions, by status.
    pub fn flagged_counts(&self) -> Result<Vec<(String, i64)>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare(
                "SELECT status, count(*) FROM files WHERE status <> 'ok' \
                 GROUP BY status ORDER BY status",
            )?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// How many files the index holds.
    pub fn len(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM files", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Whether the index holds no file.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// A value kept with the index (the time of the last look).
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn query(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<CircleFileRow>> {
        let run = || -> rusqlite::Result<_> {
            let mut st = self.conn.prepare_cached(sql)?;
            let rows = st.query_map(p, row)?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }
}

/// The journal's `meta` keys under which circle records are kept: `circle:<circle id>`.
const KEPT: &str = "circle:";

impl super::Store {
    /// Every circle record kept in the journal, by circle id. Beside an encrypted journal,
    /// this machine's record of each circle joined and the member's keys for it are kept
    /// here, under the journal's lock (see [`crate::circle::Local`]); the text is the
    /// circle module's, kept as it is given.
    pub fn kept_circles(&self) -> super::Result<Vec<(String, zeroize::Zeroizing<String>)>> {
        let mut st = self
            .conn
            .prepare("SELECT key, value FROM meta WHERE key >= ?1 AND key < ?2 ORDER BY key")?;
        let rows = st.query_map([KEPT, "circle;"], |r| {
            let key: String = r.get(0)?;
            let value: String = r.get(1)?;
            Ok((
                key.strip_prefix(KEPT).unwrap_or(&key).to_string(),
                zeroize::Zeroizing::new(value),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps (or replaces) the record of the circle `id` in the journal.
    pub fn keep_circle(&self, id: &str, record: &str) -> super::Result<()> {
        self.ensure_writable()?;
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [format!("{KEPT}{id}").as_str(), record],
        )?;
        Ok(())
    }

    /// Keeps each of `records` whose circle the journal has no record of: a restore puts
    /// back a journal from before some circles were joined (or before it was encrypted,
    /// when their keys were in files), and the keys to them are this machine's, not the
    /// journal's past. Returns how many were put back.
    pub(super) fn keep_circles_missing(
        &self,
        records: &[(String, zeroize::Zeroizing<String>)],
    ) -> super::Result<usize> {
        let mut put = 0;
        for (id, record) in records {
            put += self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                [format!("{KEPT}{id}").as_str(), record.as_str()],
            )?;
        }
        Ok(put)
    }

    /// Removes the record of the circle `id` from the journal (none is fine).
    pub fn forget_circle(&self, id: &str) -> super::Result<()> {
        self.ensure_writable()?;
        self.conn
            .execute("DELETE FROM meta WHERE key = ?1", [format!("{KEPT}{id}")])?;
        Ok(())
    }
}

/// The stream's query: read in the order of the `files_order` index, so a page stops
/// after its rows instead of sorting the whole folder.
fn stream_sql() -> String {
    format!(
        "SELECT {COLUMNS} FROM files f WHERE \
         (f.status <> 'ok' OR f.kind NOT IN ('reply', 'thanks', 'tombstone')) \
         AND NOT {REMOVED} ORDER BY f.written_at DESC, f.name DESC LIMIT ?1"
    )
}

/// A contribution its own author removed with a verified tombstone.
const REMOVED: &str = "EXISTS (SELECT 1 FROM files t WHERE t.status = 'ok' \
     AND t.kind = 'tombstone' AND t.target = f.id AND t.author = f.author)";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn file(name: &str, id: &str, kind: &str, at: &str, target: Option<&str>) -> CircleFileRow {
        CircleFileRow {
            name: name.into(),
            size: 10,
            mtime: 1,
            folder: "a".into(),
            status: "ok".into(),
            problem: None,
            id: Some(id.into()),
            author: Some("a".into()),
            kind: Some(kind.into()),
            written_at: Some(at.into()),
            target: target.map(Into::into),
            payload: Some("{}".into()),
            signer_key: "k".into(),
            first_seen: at.into(),
            themes: Vec::new(),
        }
    }

    #[test]
    fn beside_an_encrypted_journal_the_index_is_encrypted_with_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.sqlite3");
        // Made plain (before the journal was encrypted), with what a file said.
        let mut ix = CircleIndex::open(&path).unwrap();
        let mut row = file("1", "t1-aa", "question", "2026-01-01", None);
        row.payload = Some("Zebulon-Quartermaine said".into());
        ix.apply(&IndexChange {
            rows: vec![row.clone()],
            ..IndexChange::default()
        })
        .unwrap();
        drop(ix);
        let holds = |needle: &[u8]| {
            std::fs::read_dir(dir.path()).unwrap().any(|e| {
                std::fs::read(e.unwrap().path())
                    .unwrap()
                    .windows(needle.len())
                    .any(|w| w == needle)
            })
        };
        assert!(holds(b"Zebulon-Quartermaine"));
        let key = Unlock::Key(std::sync::Arc::new(super::super::Key::derive(
            b"pass", [3; 16],
        )));
        let mut ix = CircleIndex::open_locked(&path, &key).unwrap();
        assert!(ix.is_empty().unwrap(), "the plain cache is made again");
        ix.apply(&IndexChange {
            rows: vec![row],
            ..IndexChange::default()
        })
        .unwrap();
        drop(ix);
        assert!(
            !holds(b"Zebulon-Quartermaine"),
            "readable beside an encrypted journal"
        );
        assert!(!holds(b"SQLite format 3"));
        // Read again with the key: kept; with another (a new passphrase): made again.
        assert!(
            !CircleIndex::open_locked(&path, &key)
                .unwrap()
                .is_empty()
                .unwrap()
        );
        let other = Unlock::Key(std::sync::Arc::new(super::super::Key::derive(
            b"other", [4; 16],
        )));
        assert!(
            CircleIndex::open_locked(&path, &other)
                .unwrap()
                .is_empty()
                .unwrap()
        );
    }

    #[test]
    fn the_stream_is_read_in_index_order_never_sorted_whole() {
        // Sorting every row before the LIMIT made the first page cost 80 ms at 65,000
        // files; read in the index's order it stops after the page.
        let dir = tempfile::tempdir().unwrap();
        let ix = CircleIndex::open(&dir.path().join("c.sqlite3")).unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", stream_sql());
        let plan: Vec<String> = ix
            .conn
            .prepare(&sql)
            .unwrap()
            .query_map([40], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(plan.contains("USING INDEX files_order"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[test]
    fn stream_is_newest_first_without_responses_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut ix = CircleIndex::open(&dir.path().join("c.sqlite3")).unwrap();
        let rows = |rows: Vec<CircleFileRow>| IndexChange {
            rows,
            ..IndexChange::default()
        };
        ix.apply(&rows(vec![
            file("1", "t1-aa", "question", "2026-01-01", None),
            file("2", "t2-bb", "learning", "2026-01-02", None),
            file("3", "t3-cc", "reply", "2026-01-03", Some("t1-aa")),
            file("4", "t4-dd", "tombstone", "2026-01-04", Some("t2-bb")),
        ]))
        .unwrap();
        let s = ix.stream(10).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id.as_deref(), Some("t1-aa"));
        assert_eq!(ix.responses("t1-aa").unwrap().len(), 1);
        assert_eq!(ix.find("aa").unwrap().len(), 1);
        assert!(ix.find("bb").unwrap().is_empty());
        // Read again, a file keeps the time it was first seen.
        ix.apply(&rows(vec![file(
            "1",
            "t1-aa",
            "question",
            "2026-02-01",
            None,
        )]))
        .unwrap();
        assert_eq!(ix.stream(1).unwrap()[0].first_seen, "2026-01-01");
        ix.apply(&IndexChange {
            gone: vec!["1".into()],
            ..IndexChange::default()
        })
        .unwrap();
        assert_eq!(ix.seen_in("a").unwrap().len(), 3);
        ix.apply(&IndexChange {
            gone_folders: vec!["a".into()],
            ..IndexChange::default()
        })
        .unwrap();
        assert!(ix.is_empty().unwrap());
        assert!(ix.stream(10).unwrap().is_empty());
    }
}
