//! The search index of a new journal built on a thread of its own, in a file beside the
//! journal, while the import writes the rows; copied into the journal once both are done.
//!
//! SQLite lets one connection write a file at a time, and splitting the text of 100,000
//! entries into words took a fifth of the CPU of an import, all of it on the thread that
//! writes the journal. Here a second connection, on a second thread, fills an index of
//! the same definition (the same words, the same settings) in a file of its own, as
//! each entry's row is written; at the end the journal takes the index's tables as they
//! are, page by page, which costs a small part of building them.
//!
//! Only for a journal that nobody sees before the import is saved (a new journal, built
//! under a temporary name, see [`super::ImportJournal`]): the copy is written after the
//! rows are committed (SQLite attaches no file within a transaction), and a journal
//! killed between the two is never put in place. The file beside it has the name of a
//! journal being built, so that whatever opens the folder next removes it when its
//! process was killed; an encrypted journal's is encrypted with a random key that
//! never leaves this process.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::thread::JoinHandle;

use rusqlite::{Connection, OpenFlags, params};

use super::lock::{Key, Unlock, attach_sql};
use super::{Result, StoreError};

/// Bytes of text sent to the index's thread at a time (or one entry larger than that).
const BATCH_BYTES: usize = 256 << 10;
/// Batches waiting for the index's thread at most: the writer waits beyond that, so
/// memory holds about a megabyte of text whatever the size of the file.
const WAITING: usize = 4;
/// The page cache of the index's connection, in KiB: it writes its pages once, in order.
const CACHE_KIB: i64 = 2 * 1024;
/// The index's buffer of pending data, in place of the journal's 32 MiB: it is held
/// while the rows are written, not after them. (At 100,000 entries: a peak of 56 MiB for
/// the import, against 83 MiB with 32 MiB, for the same CPU; more segments to merge on
/// the index's own thread.)
const HASH_BYTES: i64 = 8 << 20;
/// Segments the index beside may hold at one level before FTS5 merges them whatever its
/// other settings say: its largest ('crisismerge' above FTS5's own limit of segments,
/// 2,000, less one, is taken as that). With 'automerge' at 0 as well, the index's thread
/// writes one segment at each flush of its buffer and merges none while the rows come;
/// once the last has come, one 'optimize' merges them all into one segment, reading and
/// writing each term's list once. Merged as it goes (four segments at a level at a
/// time, FTS5's default), every list was read and written again at each level: at
/// 1,000,000 entries the thread took 13.8 to 15.0 s of CPU against 9.0 to 9.3 s plus 2.8
/// to 3.0 s for the 'optimize', the writer waited 4.6 s for it to take its text against
/// under 0.1 s (and 1.3 to 1.8 s at the end, for the 'optimize'), and the import took
/// 32.3 and 34.3 s against 27.6 and 29.0 s (alternately, 2026-12-06, a quiet machine).
/// The journal is left with its index in one segment, which its searches read fastest.
const SEGMENTS_BEFORE_A_MERGE: i64 = 1999;
/// The tables that hold the search index (the rest of its definition is the journal's).
const TABLES: [&str; 3] = ["entries_fts_data", "entries_fts_idx", "entries_fts_docsize"];

/// What the index's thread is told, in the order the rows were written.
enum Doc {
    /// Index the row's text.
    Add(i64, [String; 3]),
    /// Take out the row's text as it was indexed (the row is about to change).
    Remove(i64, [String; 3]),
}

impl Doc {
    fn bytes(&self) -> usize {
        let (Doc::Add(_, t) | Doc::Remove(_, t)) = self;
        64 + t.iter().map(String::len).sum::<usize>()
    }
}

/// A search index being built beside a new journal (see the module's notes). Dropped
/// without [`IndexBeside::copy_into`], it stops the thread and removes its file.
pub(super) struct IndexBeside {
    path: PathBuf,
    unlock: Unlock,
    to: Option<SyncSender<Vec<Doc>>>,
    batch: Vec<Doc>,
    bytes: usize,
    /// Set when the index is not wanted any more: the thread stops without finishing it.
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<Result<()>>>,
}

impl IndexBeside {
    /// Starts the index of the journal open on `conn` at `journal` (with no entries yet)
    /// in a file beside it, named `name`, with the definition and settings of the
    /// journal's own index. `encrypted`: the file is encrypted too.
    pub(super) fn start(
        conn: &Connection,
        journal: &Path,
        name: &str,
        encrypted: bool,
    ) -> Result<IndexBeside> {
        let dir = journal
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let unlock = if encrypted {
            Unlock::Key(Arc::new(Key::random()?))
        } else {
            Unlock::Plain
        };
        let mut beside = IndexBeside {
            path: dir.join(name),
            unlock,
            to: None,
            batch: Vec::new(),
            bytes: 0,
            cancel: Arc::default(),
            thread: None,
        };
        let definition: String = conn.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entries_fts'",
            [],
            |r| r.get(0),
        )?;
        let settings: Vec<(String, rusqlite::types::Value)> = conn
            .prepare("SELECT k, v FROM entries_fts_config WHERE k <> 'version'")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        crate::files::create_private(&beside.path).map_err(|source| StoreError::Io {
            path: beside.path.clone(),
            source,
        })?;
        let side = Connection::open_with_flags(
            &beside.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        beside.unlock.apply(&side)?;
        // A file of this process's alone, thrown away if anything goes wrong: nothing is
        // journaled or synced, and no other connection may open it.
        side.execute_batch(&format!(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
             PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -{CACHE_KIB};
             {definition};"
        ))?;
        for (k, v) in &settings {
            side.execute(
                "INSERT INTO entries_fts (entries_fts, rank) VALUES (?1, ?2)",
                params![k, v],
            )?;
        }
        side.execute(
            "INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', ?1)",
            [HASH_BYTES],
        )?;
        // These settings are the file beside's own: its table of settings is not
        // copied into the journal (see [`TABLES`]).
        side.execute_batch("INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0)")?;
        side.execute(
            "INSERT INTO entries_fts (entries_fts, rank) VALUES ('crisismerge', ?1)",
            [SEGMENTS_BEFORE_A_MERGE],
        )?;
        let (to, rx) = std::sync::mpsc::sync_channel(WAITING);
        let cancel = Arc::clone(&beside.cancel);
        let thread = std::thread::Builder::new()
            .name("search index".into())
            .spawn(move || {
                crate::process::yield_to_the_writer();
                build(&side, &rx, &cancel)
            })
            .map_err(|source| StoreError::Io {
                path: PathBuf::from("(a thread for the search index)"),
                source,
            })?;
        beside.to = Some(to);
        beside.thread = Some(thread);
        Ok(beside)
    }

    /// Indexes row `rowid`'s title, text and sections' text.
    pub(super) fn add(&mut self, rowid: i64, text: [String; 3]) -> Result<()> {
        self.send(Doc::Add(rowid, text))
    }

    /// Takes row `rowid` out of the index, with the text it was indexed with.
    pub(super) fn remove(&mut self, rowid: i64, text: [String; 3]) -> Result<()> {
        self.send(Doc::Remove(rowid, text))
    }

    fn send(&mut self, doc: Doc) -> Result<()> {
        self.bytes += doc.bytes();
        self.batch.push(doc);
        if self.bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        self.bytes = 0;
        let batch = std::mem::take(&mut self.batch);
        let sent = self.to.as_ref().map(|to| to.send(batch));
        match sent {
            Some(Ok(())) => Ok(()),
            // The thread stopped at a failure of its own: that is the one to report.
            _ => Err(self.wait().err().unwrap_or_else(|| {
                StoreError::Damaged("the search index stopped being built".into())
            })),
        }
    }

    /// No more rows: the thread finishes the index while the caller does other work.
    pub(super) fn close(&mut self) -> Result<()> {
        self.flush()?;
        self.to = None;
        Ok(())
    }

    /// Waits for the thread to finish (telling it there is no more, if not told yet).
    fn wait(&mut self) -> Result<()> {
        self.to = None;
        match self.thread.take().map(JoinHandle::join) {
            None | Some(Ok(Ok(()))) => Ok(()),
            Some(Ok(Err(e))) => Err(e),
            Some(Err(_)) => Err(StoreError::Damaged(
                "the search index's thread failed".into(),
            )),
        }
    }

    /// Waits for the index to be whole, and writes it into the journal open on `conn`
    /// (outside any transaction: this one is its own), in place of its empty index.
    pub(super) fn copy_into(mut self, conn: &Connection) -> Result<()> {
        self.close()?;
        self.wait()?;
        conn.execute_batch(&attach_sql(&self.path, "beside", &self.unlock))?;
        let copied = (|| -> rusqlite::Result<()> {
            // Deferred: the first write takes the journal's write lock alone. BEGIN
            // IMMEDIATE takes every attached file's, and the commit of a transaction
            // that holds two files' is made through a journal of journals (created,
            // synced, its folder synced, and removed) besides each file's own.
            conn.execute_batch("BEGIN DEFERRED")?;
            let copy = || -> rusqlite::Result<()> {
                for table in TABLES {
                    conn.execute_batch(&format!(
                        "DELETE FROM main.{table};
                         INSERT INTO main.{table} SELECT * FROM beside.{table};"
                    ))?;
                }
                conn.execute_batch("COMMIT")
            };
            let done = copy();
            if done.is_err() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            done
        })();
        let detached = conn.execute_batch("DETACH DATABASE beside");
        copied?;
        detached?;
        Ok(())
    }
}

impl Drop for IndexBeside {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        // The thread's failure, if any, was reported where it mattered.
        let _ = self.wait();
        for suffix in ["", "-journal"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

/// The index's thread: every row it is sent, in one transaction, its segments merged
/// into one at the end (left uncommitted when `cancel` is set).
fn build(side: &Connection, rx: &Receiver<Vec<Doc>>, cancel: &AtomicBool) -> Result<()> {
    side.execute_batch("BEGIN")?;
    // One row a statement: a statement of several rows makes FTS5 write what it holds
    // as a segment of its own at every statement.
    let mut add = side.prepare(
        "INSERT INTO entries_fts (rowid, title, body, sections_text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut remove = side.prepare(
        "INSERT INTO entries_fts (entries_fts, rowid, title, body, sections_text)
         VALUES ('delete', ?1, ?2, ?3, ?4)",
    )?;
    for batch in rx {
        if cancel.load(Ordering::Relaxed) {
            return Ok(());
        }
        for doc in batch {
            match doc {
                Doc::Add(id, [a, b, c]) => add.execute(params![id, a, b, c])?,
                Doc::Remove(id, [a, b, c]) => remove.execute(params![id, a, b, c])?,
            };
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return Ok(());
    }
    // The segments written at each flush, merged into one (see
    // [`SEGMENTS_BEFORE_A_MERGE`]).
    side.execute_batch("INSERT INTO entries_fts (entries_fts) VALUES ('optimize'); COMMIT")?;
    Ok(())
}
