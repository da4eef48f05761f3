//! The search index of a journal that an import builds new, made on a thread of its own.
//!
//! Breaking the text of 100,000 entries into words takes longer than anything else an
//! import does but writing the rows, and it needs nothing from them: the thread builds the
//! index in a file of its own, beside the journal being built, while the rows are
//! written; then its tables are copied into the journal's, in the import's transaction.
//! The index is the same as one built in the journal: the same SQLite makes it, from a
//! table declared by the journal's own statement, from the same text, in the same order.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OpenFlags};

use super::{Result, StoreError};

/// The text of an entry, as the journal's row holds it.
pub(super) struct Doc {
    pub rowid: i64,
    pub title: String,
    pub body: String,
    pub sections_text: String,
}

/// Batches of entries waiting for the thread: enough to keep it busy, few enough to hold
/// in memory.
const QUEUE: usize = 4;

/// The tables of a full-text index (SQLite's FTS5), beyond its name.
const TABLES: [(&str, &str); 4] = [
    ("_data", "id, block"),
    ("_idx", "segid, term, pgno"),
    ("_docsize", "id, sz"),
    ("_config", "k, v"),
];

/// The search index being built on its thread. Dropped without [`SideIndex::copy_into`],
/// the thread stops and its file is removed.
pub(super) struct SideIndex {
    file: PathBuf,
    send: Option<SyncSender<Vec<Doc>>>,
    /// Entries not yet sent.
    batch: Vec<Doc>,
    thread: Option<JoinHandle<Result<()>>>,
    /// The index this builds: `entries_fts`.
    table: &'static str,
}

impl SideIndex {
    /// Starts the thread, with its file at `file` (created private; named as a journal
    /// being built, so that a killed import leaves nothing a later one does not remove).
    /// `create` is the journal's statement declaring `table`.
    pub(super) fn start(file: PathBuf, table: &'static str, create: &str) -> Result<SideIndex> {
        crate::files::create_private(&file).map_err(|source| StoreError::Io {
            path: file.clone(),
            source,
        })?;
        let mut side = SideIndex {
            file,
            send: None,
            batch: Vec::with_capacity(BATCH),
            thread: None,
            table,
        };
        // From here on, dropping `side` removes the file.
        let conn = Connection::open_with_flags(
            &side.file,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // A scratch file, thrown away if anything fails: nothing to roll back or sync.
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384; {create}; BEGIN;"
        ))?;
        let (send, receive) = sync_channel(QUEUE);
        side.send = Some(send);
        side.thread = Some(std::thread::spawn(move || index(&conn, table, &receive)));
        Ok(side)
    }

    /// Indexes one entry. If the thread has stopped, its error is reported by
    /// [`SideIndex::copy_into`].
    pub(super) fn add(&mut self, doc: Doc) {
        self.batch.push(doc);
        if self.batch.len() == BATCH {
            self.send_batch();
        }
    }

    fn send_batch(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if let Some(send) = &self.send
            && send.send(batch).is_err()
        {
            self.send = None;
        }
    }

    /// Waits for the thread, and copies the index it built into `conn`'s (in the caller's
    /// transaction), whose index must hold nothing.
    pub(super) fn copy_into(mut self, conn: &Connection) -> Result<()> {
        if !self.batch.is_empty() {
            self.send_batch();
        }
        self.send = None;
        let done = self.thread.take().map_or(Ok(()), |t| {
            t.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
        });
        done?;
        let side = Connection::open_with_flags(
            &self.file,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        for (suffix, columns) in TABLES {
            let table = format!("{}{suffix}", self.table);
            conn.execute(&format!("DELETE FROM {table}"), [])?;
            let marks = vec!["?"; columns.split(',').count()].join(", ");
            let mut insert =
                conn.prepare(&format!("INSERT INTO {table} ({columns}) VALUES ({marks})"))?;
            let mut select = side.prepare(&format!("SELECT {columns} FROM {table}"))?;
            let mut rows = select.query([])?;
            let n = insert.parameter_count();
            while let Some(row) = rows.next()? {
                for i in 0..n {
                    insert.raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(row.get_ref(i)?))?;
                }
                insert.raw_execute()?;
            }
        }
        Ok(())
    }
}

/// Entries indexed by one statement. FTS5 writes what it holds in memory as a segment of
/// its own at the start of every statement of a transaction: one entry per statement
/// wrote one segment per entry, and spent more time merging them than indexing.
const BATCH: usize = 1024;

/// The thread: every entry sent, in one transaction, [`BATCH`] to a statement.
fn index(conn: &Connection, table: &str, receive: &Receiver<Vec<Doc>>) -> Result<()> {
    let insert = |n: usize| {
        let rows = vec!["(?, ?, ?, ?)"; n].join(", ");
        format!("INSERT INTO {table} (rowid, title, body, sections_text) VALUES {rows}")
    };
    let mut full = conn.prepare(&insert(BATCH))?;
    let write = |stmt: &mut rusqlite::Statement<'_>, batch: &[Doc]| -> Result<()> {
        for (i, doc) in batch.iter().enumerate() {
            stmt.raw_bind_parameter(4 * i + 1, doc.rowid)?;
            stmt.raw_bind_parameter(4 * i + 2, &doc.title)?;
            stmt.raw_bind_parameter(4 * i + 3, &doc.body)?;
            stmt.raw_bind_parameter(4 * i + 4, &doc.sections_text)?;
        }
        stmt.raw_execute()?;
        Ok(())
    };
    for batch in receive {
        if batch.len() == BATCH {
            write(&mut full, &batch)?;
        } else if !batch.is_empty() {
            write(&mut conn.prepare(&insert(batch.len()))?, &batch)?;
        }
    }
    drop(full);
    conn.execute_batch("COMMIT")?;
    Ok(())
}

impl Drop for SideIndex {
    fn drop(&mut self) {
        // The thread ends once nothing more can be sent.
        self.send = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = std::fs::remove_file(&self.file);
    }
}

/// The file of the index beside the journal being built at `journal`.
pub(super) fn file_beside(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push("-index");
    PathBuf::from(name)
}
