//! Bulk writes for imports: one transaction for a whole file, idempotent by entry id,
//! written as the file is read; and the journal an import writes into, opened so that an
//! import that is not saved leaves no trace.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension as _, params};
use uuid::Uuid;

use super::entries::{Ids, insert_new_entry_tx, replace_entry_tx};
use super::held::{Prepared, Tx};
use super::index_beside::IndexBeside;
use super::rows::{id_list, ts};
use super::seen::Seen;
use super::{Result, Store, StoreError};
use crate::model::{Details, Entry, SessionStage, SubjectType};

/// What an import did (or, with --dry-run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub added: usize,
    /// Already in the journal, unchanged.
    pub skipped: usize,
    /// Already in the journal, and the file's version is newer: updated.
    pub merged: usize,
    /// Already in the journal from another tool's file, and the file's copy is fuller:
    /// completed (the whole text of a copy that was cut short, or a star it lacked).
    pub completed: usize,
}

/// Entries that other entries point at go first: preps before records, reflections
/// before the CPD records that link them.
fn order(e: &Entry) -> u8 {
    match &e.details {
        Details::Supervision(s) if s.stage == SessionStage::Record => 1,
        Details::Cpd(_) => 2,
        // A rupture after the call-in it arose in.
        Details::Rupture(r) if r.callin.is_some() => 1,
        _ => 0,
    }
}

/// How the journal recognises an entry from another tool that it may hold under an id
/// other than the one the entry has now.
///
/// The entry's text, as [`Recognise::key_of`] gives it, is the same however the tool's
/// file split it into a title and a body, and a copy cut short has a prefix of the whole
/// one's. An entry the journal holds under one of the ids below is the same entry when
/// its text is the same, or one text is the start of the other. While nobody has
/// changed it in praxis (it was last updated when it was created), a fuller copy
/// completes it: the whole text for a copy cut short, and tags it lacked (a star).
#[derive(Debug, Clone)]
pub struct Recognise {
    /// The minute the entry was written, `YYYY-MM-DDTHH:MM` (UTC): an entry from another
    /// tool held under an id none of the ones below gives, written that minute with the
    /// same text, is this one (an earlier version saved it under an id that cannot be
    /// worked out again: one hashed with its seconds, which jrnl's exports leave out).
    pub minute: String,
    /// The id of the entry that was the last of its file at this minute. The last entry
    /// of a file is the one a cut can shorten without a trace, so it is saved under this
    /// id (see [`Recognise::last`]), which a later, whole copy of it finds.
    pub minute_id: Uuid,
    /// This is the last entry of its file.
    pub last: bool,
    /// The ids earlier versions of praxis gave the entry (an entry held under one of
    /// them is this one, changed in praxis since when its text differs), worked out from
    /// the entry and `text` only when the journal may hold them.
    pub earlier: fn(&Entry, &str) -> Vec<Uuid>,
    /// The entry's text as its file holds it, for `earlier`.
    pub text: String,
    /// The entry's text, as `key_of` gives it.
    pub key: String,
    /// The text of an entry from its title and body.
    pub key_of: fn(&str, &str) -> String,
}

/// How a text held in the journal stands to the one being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Same,
    /// The journal's copy is the start of the file's: the journal's was cut short.
    Shorter,
    /// The file's copy is the start of the journal's.
    Longer,
    Unrelated,
}

fn relation(held: &str, incoming: &str) -> Relation {
    if held == incoming {
        Relation::Same
    } else if incoming.starts_with(held) {
        Relation::Shorter
    } else if held.starts_with(incoming) {
        Relation::Longer
    } else {
        Relation::Unrelated
    }
}

/// An entry the journal holds, as far as recognising it needs.
struct Held {
    rowid: i64,
    uuid: Uuid,
    key: String,
    /// Never changed in praxis: updated when it was created.
    unchanged: bool,
    deleted_at: Option<DateTime<Utc>>,
}

/// An import in progress: one transaction, written entry by entry as they are read, so
/// that a file of any size never has to be held in memory. Dropped without
/// [`Importer::finish`], nothing is written.
///
/// Three things make a large import several times faster than saving entries one by
/// one, each measured on 100,000 entries (see README, Performance):
///
/// - The search index is not kept up entry by entry: a statement that fires the index's
///   trigger makes FTS5 write its pending data as a segment of its own, so an import
///   through the trigger wrote one segment per entry and spent a third of its time
///   merging them. The triggers that index new and changed entries are set aside for
///   the transaction, and the entries written are indexed in one statement at the end;
///   they are put back before the commit (a rollback puts them back too).
/// - Started with [`Store::importer`], the schema's CHECK constraints are tested here
///   before each entry is written ([`schema_problem`]) instead of by SQLite: SQLite builds
///   a small table for every `x IN (…)` constraint of every row it inserts, which cost a
///   sixth of the import. The readers of files test them too, and name the entry and
///   the value.
/// - Into a journal with no entries, the triggers that keep the counts (migrations 6
///   and 7) and roll them up (migration 8; every trigger named `count_…`) are set aside
///   too, and the counts are filled from the entries, and rolled up, in one pass at the
///   end.
/// - Into a journal with no entries, SQLite does not look up each part's entry for its
///   foreign key (`PRAGMA foreign_keys` is off for the transaction): the import writes
///   every part under the row id its entry was just given, and every other entry it
///   points at under an id it has just looked up, so the check could not fail. The
///   lookups cost 0.26 s of CPU for the 577,000 sections, tags and strengths of 100,000
///   entries.
/// - Into a new journal ([`ImportJournal`]), the search index is built on a thread of
///   its own, in a file beside the journal, while the rows are written, and copied in
///   after the commit ([`IndexBeside`]): the thread writing the journal no longer splits
///   the text into words (0.6 to 0.7 s of its CPU at 100,000 entries, 10 s at 1,000,000).
/// - Into a new plain journal, the tables of entries and actions are written without
///   their indexes of ids, which take ids in random order; they are built from the rows
///   at the end, by sorting ([`NewIds`]): 52 to 45 s of CPU at 1,000,000 entries.
/// - A 16 MiB page cache for the transaction (instead of 2 MiB) keeps the indexes'
///   pages in memory: pages written out and changed again were written twice over.
/// - When the import makes a new journal ([`ImportJournal`]), it runs with a rollback
///   journal instead of the write-ahead log, and the journal goes back to WAL after it.
///   Through the WAL, every page of an import is written twice (to the log, then copied
///   into the journal at the commit, each synced). Into a journal that exists, the
///   import keeps the WAL: leaving it and coming back rewrites the file's header, and
///   an import that is rolled back must leave the file as it was, byte for byte.
pub struct Importer<'s> {
    conn: &'s Connection,
    /// The transaction is open (neither committed nor rolled back yet).
    open: bool,
    /// The journal was switched from WAL to a rollback journal for the import.
    rollback_journal: bool,
    /// The schema's CHECK constraints are tested by [`schema_problem`], not by SQLite.
    checks_here: bool,
    /// The page cache size to put back.
    cache_size: i64,
    now: DateTime<Utc>,
    /// Entries with a row id above this were added by this import.
    before: i64,
    /// Subjects with a row id above this were added by this import.
    subjects_before: i64,
    /// Entries that existed before and were replaced: to index again at the end.
    replaced: Vec<i64>,
    /// (name, SQL) of the triggers set aside.
    triggers: Vec<(String, String)>,
    /// The counts' triggers are among them: the counts are filled at the end.
    counts_after: bool,
    /// The counts of the entries written, gathered as they are written, while every
    /// entry was added whole and none was changed after (else the counts are filled from
    /// the entries at the end).
    tally: Option<super::counts::Tally>,
    /// The foreign keys are not checked during the transaction (into a journal with no
    /// entries), and are turned on again after it.
    keys_unchecked: bool,
    /// Where the search index is built on a thread of its own, for a new journal: the
    /// journal's path and whether it is encrypted (see [`IndexBeside`]).
    beside_of: Option<(PathBuf, bool)>,
    /// The search index being built beside the journal, when the import started into a
    /// new journal: the rows this import adds are indexed there, not at the end.
    beside: Option<IndexBeside>,
    /// Into a new journal: its tables of entries and actions are written without their
    /// indexes of ids, which are built from the rows once they are written (see
    /// [`NewIds`]); meanwhile the ids written are held here. None once the indexes are
    /// built (at the end, or at the first id written twice).
    new_ids: Option<NewIds>,
    /// Into a new journal: the place (row id in `sqlite_master`) of each trigger and
    /// index set aside, given back at the end.
    schema_places: Vec<(String, i64)>,
    /// Records, CPD records and ruptures waiting in the temporary table `import_later`,
    /// written after everything else: they point at entries (preps, reflections,
    /// call-ins) that the journal did not hold yet when they were read, and that may come
    /// later in the file. The others are written as they come ([`Importer::add`]).
    later: usize,
    report: ImportReport,
    /// The statements that write entries, held while the transaction is open (they are
    /// compiled without the schema's CHECK constraints when this tests them itself).
    prepared: Prepared<'s>,
}

/// The tables whose ids are indexed by their UNIQUE constraint, with the index SQLite
/// made for it.
const ID_INDEXES: [(&str, &str); 2] = [
    ("entries", "sqlite_autoindex_entries_1"),
    ("actions", "sqlite_autoindex_actions_1"),
];

/// The id column's definition in those tables, and without the constraint.
const UNIQUE_ID: (&str, &str) = ("uuid TEXT NOT NULL UNIQUE", "uuid TEXT NOT NULL");

/// The ids an import into a new journal has written, while the tables of entries and
/// actions are written without their indexes of ids.
///
/// Those indexes (the tables' UNIQUE constraints) take ids in random order: kept as each
/// row is written, each new id reads and writes a page of them that the page cache no
/// longer holds, once the journal is larger than the cache (at 1,000,000 entries, 48 and
/// 22 MiB of index against a 16 MiB cache). Built from the rows at the end, SQLite sorts
/// the ids first and writes each page once. SQLite cannot drop a UNIQUE constraint, so
/// the schema is edited instead, in the import's transaction: the tables' definitions
/// without it (and its index dropped) while the rows are written, then a unique index
/// built on each, which takes the name and place of the constraint's own; the journal
/// ends with the schema, byte for byte, of one that was never edited. Until then, every
/// id written is held here, by hash: an entry's id or an action's that was written
/// before (a newer copy of an entry later in the file) has the indexes built there and
/// then, and the import goes on the usual way.
pub(super) struct NewIds {
    /// The entries' ids: the one at place `n` is the entry with row id `n + 1`.
    entries: Seen,
    /// The actions' ids.
    actions: Seen,
    /// The CREATE TABLE of each table of [`ID_INDEXES`], as the journal holds it.
    tables: Vec<(&'static str, String)>,
}

/// Runs `edit` with the schema writable, and has SQLite read the schema again after it.
fn edit_schema(conn: &Connection, edit: impl FnOnce() -> Result<()>) -> Result<()> {
    conn.pragma_update(None, "writable_schema", true)?;
    let edited = edit();
    let reset = conn.execute_batch("PRAGMA writable_schema = RESET");
    edited?;
    Ok(reset?)
}

/// Where `name` is listed in the schema (its row id in `sqlite_master`).
fn place_in_schema(conn: &Connection, name: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT rowid FROM sqlite_master WHERE name = ?1",
        [name],
        |r| r.get(0),
    )?)
}

/// The name of the index of ids built for a table while the import runs.
fn id_index(table: &str) -> String {
    format!("import_{table}_uuid")
}

impl NewIds {
    /// Sets the indexes of ids of a new, empty journal aside (see [`NewIds`]), in the
    /// transaction open on `conn`. None, and the journal as it was, where its schema is
    /// not the one this knows (each table's id UNIQUE, and nothing else).
    fn set_indexes_aside(conn: &Connection) -> Result<Option<NewIds>> {
        let mut tables = Vec::new();
        for (table, index) in ID_INDEXES {
            let sql: Option<String> = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .optional()?;
            let columns: Vec<String> = conn
                .prepare(&format!("PRAGMA index_info({index})"))?
                .query_map([], |r| r.get(2))?
                .collect::<rusqlite::Result<_>>()?;
            let unique_id = |sql: &String| {
                let spaced = sql.split_whitespace().collect::<Vec<_>>().join(" ");
                sql.matches("UNIQUE").count() == 1 && spaced.contains(UNIQUE_ID.0)
            };
            match sql {
                Some(sql) if columns == ["uuid"] && unique_id(&sql) => tables.push((table, sql)),
                _ => return Ok(None),
            }
        }
        edit_schema(conn, || {
            for (table, sql) in &tables {
                let without = sql.replacen(" UNIQUE", "", 1);
                conn.execute(
                    "UPDATE sqlite_master SET sql = ?1 WHERE type = 'table' AND name = ?2",
                    [without.as_str(), table],
                )?;
                // The constraint's index, as a plain one of the same name as it will have
                // while the import runs: dropped below, its pages freed.
                let name = id_index(table);
                conn.execute(
                    "UPDATE sqlite_master SET name = ?1, sql = ?2
                     WHERE type = 'index' AND name = ?3 AND tbl_name = ?4",
                    [
                        name.as_str(),
                        &format!("CREATE UNIQUE INDEX {name} ON {table} (uuid)"),
                        &format!("sqlite_autoindex_{table}_1"),
                        table,
                    ],
                )?;
            }
            Ok(())
        })?;
        for (table, _) in &tables {
            conn.execute_batch(&format!("DROP INDEX {}", id_index(table)))?;
        }
        Ok(Some(NewIds {
            entries: Seen::default(),
            actions: Seen::default(),
            tables,
        }))
    }

    /// Builds the indexes of ids from the rows and puts the tables' definitions back, in
    /// the transaction open on `conn`.
    fn build_indexes(conn: &Connection, tables: &[(&'static str, String)]) -> Result<()> {
        for (table, _) in tables {
            conn.execute_batch(&format!(
                "CREATE UNIQUE INDEX {} ON {table} (uuid)",
                id_index(table)
            ))?;
        }
        edit_schema(conn, || {
            for (table, sql) in tables {
                conn.execute(
                    "UPDATE sqlite_master SET sql = ?1 WHERE type = 'table' AND name = ?2",
                    [sql.as_str(), table],
                )?;
                conn.execute(
                    "UPDATE sqlite_master SET name = ?1, sql = NULL
                     WHERE type = 'index' AND name = ?2",
                    [&format!("sqlite_autoindex_{table}_1"), &id_index(table)],
                )?;
            }
            Ok(())
        })
    }

    /// The row id of the entry with the id `id`, if it was written.
    fn find(&self, conn: Tx<'_, '_>, id: &Uuid) -> Result<Option<i64>> {
        let mut text = None;
        for place in self.entries.places(id) {
            let rowid = i64::try_from(place + 1)
                .map_err(|_| StoreError::Damaged("too many entries".into()))?;
            // The same hash: the same id, or another.
            let text = text.get_or_insert_with(|| id.to_string());
            let same = conn
                .prepare_cached("SELECT uuid = ?2 FROM entries WHERE id = ?1")?
                .query_row(params![rowid, &*text], |r| r.get::<_, bool>(0))
                .optional()?;
            if same == Some(true) {
                return Ok(Some(rowid));
            }
        }
        Ok(None)
    }

    /// The row id of the entry whose id is `uuid` as the journal spells ids (in lower
    /// case, as `Uuid` writes them), if it was written: another spelling is no entry's.
    fn rowid_of(&self, conn: Tx<'_, '_>, uuid: &str) -> Result<Option<i64>> {
        match Uuid::try_parse(uuid) {
            Ok(id) if uuid.len() == 36 && !uuid.bytes().any(|b| b.is_ascii_uppercase()) => {
                self.find(conn, &id)
            }
            _ => Ok(None),
        }
    }

    /// Whether `e`'s id, or one of its actions' ids, may have been written before (one of
    /// them or another id with the same hash, for an action).
    fn written_before(&self, conn: Tx<'_, '_>, e: &Entry) -> Result<bool> {
        Ok(e.actions.iter().any(|a| self.actions.may_hold(&a.id))
            || self.find(conn, &e.id)?.is_some())
    }

    /// Holds the ids of `e`, just written as row `rowid`; false when they cannot be held
    /// (the row id is not the next one, or too many ids).
    fn add(&mut self, e: &Entry, rowid: i64) -> bool {
        usize::try_from(rowid).ok() == Some(self.entries.len() + 1)
            && self.entries.add(&e.id)
            && e.actions.iter().all(|a| self.actions.add(&a.id))
    }
}

/// Entries indexed for search by one statement at the end of an import.
const FTS_PASS: i64 = 50_000;

/// The page cache of an import's connection, in KiB.
const IMPORT_CACHE_KIB: i64 = 16 * 1024;

/// Switches the journal from the write-ahead log to a rollback journal for an import, if
/// no other connection has it open (SQLite refuses the switch then: it is not waited
/// for). Returns whether it switched.
fn leave_wal(conn: &Connection) -> bool {
    if conn.busy_timeout(std::time::Duration::ZERO).is_err() {
        return false;
    }
    let mode = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap_or_default();
    let _ = conn.busy_timeout(super::BUSY_TIMEOUT);
    mode.eq_ignore_ascii_case("delete")
}

/// Has SQLite write its temporary files in `folder` (a new journal's), and says where an
/// import keeps its temporary data: `FILE`, or `MEMORY` when SQLite cannot be given the
/// folder (its path is not UTF-8).
///
/// SQLite writes them in the system's folder for temporary files otherwise (`/tmp`, or
/// `$TMPDIR`): the sorts of an import hold the ids of the journal's entries and actions,
/// and the entries that wait for the end of the file (see [`Importer::add`]) their whole
/// text, where other users, other programs and backups of that folder may reach them;
/// the journal's folder is made private (see [`ImportJournal::open`]). Kept in memory
/// instead, they would take an import of 1,000,000 entries over its 100 MiB (see
/// [`Importer::start`]). The folder is SQLite's for the whole process (`PRAGMA
/// temp_store_directory`), and given back when the import ends: no other connection
/// keeps its temporary data in files.
fn temp_files_in(conn: &Connection, folder: &Path) -> Result<&'static str> {
    let Some(folder) = folder.to_str() else {
        return Ok("MEMORY");
    };
    conn.pragma_update(None, "temp_store_directory", folder)?;
    Ok("FILE")
}

/// Asks the C allocator to keep freed memory instead of handing it back to the system.
///
/// SQLite allocates and frees about 170 KiB of page cache for the small tables it builds
/// in many statements of an import. glibc gives the top of its heap back to the system
/// whenever more than 128 KiB lie free there, so every INSERT mapped that memory in
/// again, page by page: 100,000 entries spent 3 of their 9 s in page faults. glibc
/// raises that threshold to twice the size of the largest block it has handed back (up
/// to 32 MiB), so freeing one 16 MiB block once keeps the heap's memory for reuse.
/// Elsewhere this is one short-lived allocation, and harmless.
fn keep_freed_memory() {
    let block = vec![1_u8; 16 << 20];
    drop(std::hint::black_box(block));
}

/// What is wrong with an entry that the schema's CHECK constraints would refuse, beyond
/// what its types guarantee already: ranges of numbers, and a four-digit year. Every
/// other constraint is a list of words, and the model's enums write only those (the test
/// `every_word_of_the_model_passes_the_schema` keeps the two lists the same).
#[must_use]
pub fn schema_problem(e: &Entry) -> Option<String> {
    if !(0..=9999).contains(&e.occurred_on.year()) {
        return Some(format!(
            "occurred_on '{}' is not a year from 0 to 9999",
            e.occurred_on
        ));
    }
    if let Some(c) = &e.checkin
        && let Err(why) = c.validate()
    {
        return Some(format!("the check-in's {why}"));
    }
    match &e.details {
        Details::CallIn(c) => c
            .rating
            .filter(|r| !(1..=5).contains(r))
            .map(|r| format!("the call-in's rating is {r}: it must be 1 to 5")),
        Details::StageNote(n) => [("importance", n.importance), ("confidence", n.confidence)]
            .into_iter()
            .find_map(|(what, v)| {
                v.filter(|v| *v > 10)
                    .map(|v| format!("the stage note's {what} is {v}: it must be 0 to 10"))
            }),
        Details::Supervision(s) => s
            .length_minutes
            .filter(|m| *m == 0)
            .map(|_| "the session's length is 0 minutes: leave it out, or give it".to_string()),
        Details::Cpd(c) if c.hours < 0.0 || c.hours.is_nan() => Some(format!(
            "the CPD record's hours are {}: they cannot be negative",
            c.hours
        )),
        Details::Cpd(c) => c.hours_problem(),
        Details::None => None,
        other => super::practice::schema_problem(other),
    }
}

/// Whether an entry satisfies the schema's CHECK constraints ([`schema_problem`]).
#[must_use]
pub fn fits_schema(e: &Entry) -> bool {
    schema_problem(e).is_none()
}

/// A CHECK constraint that an entry breaks, said as SQLite says it.
fn check_failed(e: &Entry, problem: &str) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_CHECK),
        Some(format!(
            "CHECK constraint failed: entry {}: {problem}",
            e.short_id()
        )),
    ))
}

impl Store {
    /// Starts an import that tests the schema's constraints itself (see [`Importer`]):
    /// takes the write lock, and sets the search index's triggers aside until
    /// [`Importer::finish`]. The journal keeps its write-ahead log.
    pub fn importer(&mut self) -> Result<Importer<'_>> {
        self.begin_import(true, false)
    }

    /// `new`: the journal is a new one that nobody sees before the import is saved (see
    /// [`ImportJournal`]).
    fn begin_import(&mut self, checks_here: bool, new: bool) -> Result<Importer<'_>> {
        keep_freed_memory();
        let conn = &self.conn;
        let beside_of = self
            .path
            .clone()
            .filter(|_| new)
            .map(|p| (p, self.unlock.is_encrypted()));
        let cache_size: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let rollback_journal = new && self.path.is_some() && leave_wal(conn);
        let mut import = Importer {
            conn,
            open: false,
            rollback_journal,
            checks_here,
            cache_size,
            now: chrono::Utc::now(),
            before: 0,
            subjects_before: 0,
            replaced: Vec::new(),
            triggers: Vec::new(),
            counts_after: false,
            tally: None,
            keys_unchecked: false,
            beside_of,
            beside: None,
            new_ids: None,
            schema_places: Vec::new(),
            later: 0,
            report: ImportReport::default(),
            prepared: Prepared::new(),
        };
        // From here on, dropping `import` puts everything back.
        import.start()?;
        Ok(import)
    }

    /// Saves imported entries in one transaction: new ids are added, known ones are
    /// skipped unless the file's version was updated later (then it replaces the stored
    /// one). With `dry_run` the transaction is rolled back: the counts say what would
    /// happen. SQLite tests the schema's constraints.
    pub fn import_entries(
        &mut self,
        entries: &[Entry],
        subjects: &[(String, SubjectType)],
        dry_run: bool,
    ) -> Result<ImportReport> {
        let mut import = self.begin_import(false, false)?;
        import.subjects(subjects)?;
        for e in entries {
            import.add(e.clone())?;
        }
        import.finish(dry_run)
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

    /// Row ids of every entry (trash too when `all`), oldest first, one list per day: the
    /// order of exports once each day's entries are put in the order they were written
    /// ([`export_order`]). Read from an index of days alone: ordering by the time each
    /// entry was written here would read every row, text and all (the time comes after
    /// the text in the row), before the export reads them again.
    pub fn export_days(&self, all: bool) -> Result<Vec<Vec<i64>>> {
        let sql = if all {
            "SELECT id, occurred_on FROM entries ORDER BY occurred_on, id"
        } else {
            "SELECT id, occurred_on FROM entries WHERE deleted_at IS NULL ORDER BY occurred_on, id"
        };
        let mut days: Vec<Vec<i64>> = Vec::new();
        let mut last = String::new();
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let on: String = r.get(1)?;
            match days.last_mut() {
                Some(day) if on == last => day.push(id),
                _ => {
                    last = on;
                    days.push(vec![id]);
                }
            }
        }
        Ok(days)
    }
}

/// Puts entries of the same days in the order of exports: by day, then by the time each
/// was written, then by id (as SQLite orders the text the journal keeps of each: times
/// to the second, in one width, and ids in lower case).
pub fn export_order(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (a.occurred_on, a.created_at, a.id).cmp(&(b.occurred_on, b.created_at, b.id))
    });
}

impl Importer<'_> {
    fn tx(&self) -> Result<&Connection> {
        if self.open {
            Ok(self.conn)
        } else {
            Err(StoreError::Damaged("the import has ended".into()))
        }
    }

    /// Opens the transaction and gets the connection ready: the search index's triggers
    /// set aside, the table of entries written last, the page cache and the checks.
    fn start(&mut self) -> Result<()> {
        let conn = self.conn;
        // Statements are compiled with or without the CHECK constraints: none compiled
        // before may be used, nor any compiled now after the import.
        conn.flush_prepared_statement_cache();
        // Foreign keys are turned off or on only outside a transaction: off when the
        // journal has no entries, and on again if another praxis wrote some before this
        // import took the write lock.
        let empty = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM entries)", [], |r| {
            r.get::<_, bool>(0)
        })?;
        if empty {
            self.keys_unchecked = true;
            conn.pragma_update(None, "foreign_keys", false)?;
        }
        // The sorts that build a new plain journal's indexes of ids (see [`NewIds`]) kept
        // in memory whole, as this build of SQLite keeps temporary data, took the import
        // of 1,000,000 entries from 74 to 147 MiB: in a file, they take the page cache's
        // memory. (Set outside a transaction: setting it drops the temporary tables.)
        if let Some(folder) = self.temp_folder() {
            conn.pragma_update(None, "temp_store", temp_files_in(conn, &folder)?)?;
        }
        conn.execute_batch("BEGIN IMMEDIATE")?;
        self.open = true;
        self.before =
            conn.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        if self.keys_unchecked && self.before != 0 {
            self.open = false;
            conn.execute_batch("ROLLBACK")?;
            self.keys_unchecked = false;
            conn.pragma_update(None, "foreign_keys", true)?;
            conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.before =
                conn.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        }
        self.subjects_before =
            conn.query_row("SELECT coalesce(max(id), 0) FROM subjects", [], |r| {
                r.get(0)
            })?;
        self.triggers = conn
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                 AND name IN ('entries_fts_insert', 'entries_fts_update') ORDER BY name",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if self.triggers.len() != 2 {
            return Err(StoreError::Damaged(
                "the search index's triggers are missing".into(),
            ));
        }
        // Into a journal without entries, counting each row as it is written costs more
        // than counting them all once at the end.
        self.counts_after = self.before == 0;
        self.tally = self.counts_after.then(super::counts::Tally::default);
        if self.counts_after {
            let counting: Vec<(String, String)> = conn
                .prepare(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                     AND name LIKE 'count\\_%' ESCAPE '\\' ORDER BY name",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            self.triggers.extend(counting);
        }
        // A new journal's schema is listed as a journal made by `praxis init` lists it:
        // what is set aside takes its place back at the end (a trigger made again, or an
        // index of ids built, is listed last).
        let new = self.before == 0 && self.beside_of.is_some();
        self.schema_places.clear();
        if new {
            for (name, _) in &self.triggers {
                self.schema_places
                    .push((name.clone(), place_in_schema(conn, name)?));
            }
        }
        for (name, _) in &self.triggers {
            conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
        }
        if new && let Some((journal, encrypted)) = &self.beside_of {
            let name = format!(
                "{BUILDING}{}-{}-search.sqlite3",
                std::process::id(),
                Uuid::new_v4().simple()
            );
            self.beside = Some(IndexBeside::start(conn, journal, &name, *encrypted)?);
            // An encrypted journal's sorts stay in memory, where they would take it over
            // the import's 100 MiB: its indexes of ids are kept as it is written.
            if !*encrypted {
                for (_, index) in ID_INDEXES {
                    self.schema_places
                        .push((index.to_string(), place_in_schema(conn, index)?));
                }
                self.new_ids = NewIds::set_indexes_aside(conn)?;
            }
        }
        // Entries written last wait here. SQLCipher keeps temporary tables in memory (so
        // that nothing of an encrypted journal reaches a disk unencrypted): every entry
        // kept here is held in memory until the end, so only those that must wait are.
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS import_later
                 (n INTEGER PRIMARY KEY, ord INTEGER NOT NULL, entry TEXT NOT NULL);
             DELETE FROM import_later;",
        )?;
        conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        if self.checks_here {
            conn.pragma_update(None, "ignore_check_constraints", true)?;
        }
        Ok(())
    }

    /// Forgets everything written so far and starts again, in a new transaction.
    pub fn restart(&mut self) -> Result<()> {
        let rollback_journal = self.rollback_journal;
        // Not back to the write-ahead log in between.
        self.rollback_journal = false;
        self.end(false)?;
        self.rollback_journal = rollback_journal;
        self.replaced.clear();
        self.later = 0;
        self.report = ImportReport::default();
        self.start()
    }

    /// Ends the transaction if it is still open (committing or rolling back), and puts the
    /// connection back as it was: the page cache, SQLite's checks, no statement compiled
    /// without them left to reuse, and the write-ahead log.
    fn end(&mut self, commit: bool) -> Result<()> {
        // Committed only by `finish`, which builds the indexes of ids first; rolled back,
        // the journal's schema is as it was.
        self.new_ids = None;
        self.prepared = Prepared::new();
        let ended = if self.open {
            self.open = false;
            self.conn
                .execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })
        } else {
            Ok(())
        };
        if ended.is_err() && commit {
            // Nothing may stay half done: a failed commit leaves the transaction open.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        // The search index built beside a new journal, in a transaction of its own (no
        // file is attached within one): a journal nobody sees until it is saved, so
        // nobody sees it without its index. Not saved, it is thrown away.
        let ended = match self.beside.take() {
            Some(beside) if commit && ended.is_ok() => beside.copy_into(self.conn),
            _ => ended.map_err(StoreError::from),
        };
        let keys = if std::mem::take(&mut self.keys_unchecked) {
            self.conn.pragma_update(None, "foreign_keys", true)
        } else {
            Ok(())
        };
        let restored = keys
            .and_then(|()| {
                self.conn
                    .pragma_update(None, "ignore_check_constraints", false)
            })
            .and_then(|()| self.conn.pragma_update(None, "cache_size", self.cache_size))
            .and_then(|()| {
                self.conn
                    .execute_batch("DROP TABLE IF EXISTS temp.import_later")
            })
            .and_then(|()| {
                if self.plain_new() {
                    self.conn.pragma_update(None, "temp_store", "DEFAULT")?;
                    self.conn.pragma_update(None, "temp_store_directory", "")
                } else {
                    Ok(())
                }
            });
        self.conn.flush_prepared_statement_cache();
        if std::mem::take(&mut self.rollback_journal) {
            // As when the journal is opened: wait for a praxis that came meanwhile.
            let _ = self.conn.pragma_update(None, "journal_mode", "WAL");
        }
        ended?;
        restored?;
        Ok(())
    }

    /// The subjects a file declares (pseudonym key, type); a key already in the journal
    /// (in any case) keeps its type, unless this import added it (for an entry that
    /// came before the list in the file).
    pub fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<()> {
        let tx = self.tx()?;
        for (key, kind) in subjects {
            tx.prepare_cached(
                "INSERT INTO subjects (key, type, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO UPDATE SET type = excluded.type WHERE id > ?4",
            )?
            .execute(params![
                key,
                kind.as_str(),
                ts(self.now),
                self.subjects_before
            ])?;
        }
        Ok(())
    }

    /// Saves one entry read from the file. An entry that points at another the journal
    /// does not hold yet (a record's prep, a CPD record's evidence, the call-in a rupture
    /// arose in) waits for the end, when the whole file has been written; the others
    /// are written at once. Holding every record and CPD record for the end held 100 MiB
    /// of a file of 1,000,000 entries in memory, though a praxis export lists each after
    /// what it points at. An entry that breaks one of the schema's constraints is
    /// refused, and ends the import.
    pub fn add(&mut self, e: Entry) -> Result<()> {
        self.add_entry(e, false)
    }

    /// Saves one entry read from the file, as [`Importer::add`] does, that the reader has
    /// held to every rule the journal holds entries to ([`Entry::check`] and
    /// [`schema_problem`]): neither is tested again here.
    pub fn add_checked(&mut self, e: Entry) -> Result<()> {
        self.add_entry(e, true)
    }

    fn add_entry(&mut self, e: Entry, checked: bool) -> Result<()> {
        if self.checks_here
            && !checked
            && let Some(problem) = schema_problem(&e)
        {
            return Err(check_failed(&e, &problem));
        }
        let ord = order(&e);
        if ord > 0 && !self.targets_held(&e)? {
            let json = serde_json::to_string(&e)
                .map_err(|err| StoreError::Damaged(format!("cannot hold entry: {err}")))?;
            self.tx()?
                .prepare_cached("INSERT INTO import_later (ord, entry) VALUES (?1, ?2)")?
                .execute(params![ord, json])?;
            self.later += 1;
            return Ok(());
        }
        self.write(e, checked)
    }

    /// Whether every entry `e` points at (a record's prep, a CPD record's evidence, the
    /// call-in a rupture arose in) is in the journal already, so that writing `e` now
    /// links what writing it after the rest of the file would.
    fn targets_held(&self, e: &Entry) -> Result<bool> {
        let held = |uuid: &str| -> Result<bool> { Ok(self.rowid_of(uuid)?.is_some()) };
        Ok(match &e.details {
            Details::Supervision(s) => s.prep.as_deref().map_or(Ok(true), held)?,
            Details::Rupture(r) => r.callin.as_deref().map_or(Ok(true), held)?,
            Details::Cpd(c) => {
                let mut all = true;
                for id in &c.linked {
                    // A whole id, as praxis writes it, names one entry whatever comes
                    // later in the file; a prefix might name two by the end.
                    let whole = id.trim().to_lowercase();
                    if whole.len() != 36 || Uuid::parse_str(&whole).is_err() || !held(&whole)? {
                        all = false;
                        break;
                    }
                }
                all
            }
            _ => true,
        })
    }

    /// Whether the import builds a new journal that is not encrypted.
    fn plain_new(&self) -> bool {
        self.beside_of
            .as_ref()
            .is_some_and(|(_, encrypted)| !encrypted)
    }

    /// The folder of a new plain journal, where its import's temporary files go.
    fn temp_folder(&self) -> Option<PathBuf> {
        self.beside_of
            .as_ref()
            .filter(|(_, encrypted)| !encrypted)
            .map(|(journal, _)| match journal.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                _ => PathBuf::from("."),
            })
    }

    /// The row id of the entry whose id is `uuid` (see [`Ids::rowid_of`]).
    fn rowid_of(&self, uuid: &str) -> Result<Option<i64>> {
        self.tx()?;
        let tx = Tx::holding(self.conn, &self.prepared);
        match &self.new_ids {
            Some(ids) => ids.rowid_of(tx, uuid),
            None => Ids::Indexed.rowid_of(tx, uuid),
        }
    }

    /// Builds the indexes of ids of a new journal's entries and actions, if they are not
    /// built yet: from here on, ids are found through them (see [`NewIds`]).
    fn index_ids(&mut self) -> Result<()> {
        let Some(NewIds {
            entries,
            actions,
            tables,
        }) = self.new_ids.take()
        else {
            return Ok(());
        };
        // Their memory is free for the indexes' sort.
        drop((entries, actions));
        NewIds::build_indexes(self.tx()?, &tables)
    }

    /// Writes `e`; `checked`: it was held to [`Entry::check`] before (see
    /// [`Importer::add_checked`]).
    fn write(&mut self, e: Entry, checked: bool) -> Result<()> {
        let before = self.before;
        self.tx()?;
        let tx = Tx::holding(self.conn, &self.prepared);
        // An id written before (the entry's, or one of its actions'): the indexes of ids
        // are built now, and the entry goes the usual way (skipped, merged, or refused).
        if let Some(ids) = &self.new_ids
            && ids.written_before(tx, &e)?
        {
            self.index_ids()?;
        }
        let sections_text = e.sections_text();
        let tx = Tx::holding(self.conn, &self.prepared);
        let inserted = match &self.new_ids {
            Some(ids) => {
                let find = |uuid: &str| ids.rowid_of(tx, uuid);
                insert_new_entry_tx(tx, &e, &sections_text, Ids::New(&find), checked)?
            }
            None => insert_new_entry_tx(tx, &e, &sections_text, Ids::Indexed, checked)?,
        };
        if let Some(rowid) = inserted {
            if let Some(ids) = &mut self.new_ids
                && !ids.add(&e, rowid)
            {
                self.index_ids()?;
            }
            match &mut self.tally {
                Some(tally) if super::counts::Tally::takes(&e) => {
                    tally.add(&e);
                    tally.spill_if_full(self.conn)?;
                }
                _ => self.tally = None,
            }
            if let Some(beside) = &mut self.beside {
                beside.add(rowid, [e.title, e.body, sections_text])?;
            }
            self.report.added += 1;
            return Ok(());
        }
        // Known: merged if the file's version was updated later, else skipped.
        let (rowid, stored): (i64, String) = tx
            .prepare_cached("SELECT id, updated_at FROM entries WHERE uuid = ?1")?
            .query_row([e.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if ts(e.updated_at) <= stored {
            self.report.skipped += 1;
            return Ok(());
        }
        self.replace(rowid, before, &e)?;
        self.report.merged += 1;
        Ok(())
    }

    /// Replaces the stored entry `rowid` with `e`, keeping the search index right.
    fn replace(&mut self, rowid: i64, before: i64, e: &Entry) -> Result<()> {
        // The actions kept are found by their ids.
        self.index_ids()?;
        let tx = self.conn;
        // What was counted of the entry replaced is not what the journal holds now.
        self.tally = None;
        if rowid > before
            && let Some(beside) = &mut self.beside
        {
            // Added by this import and indexed beside: out with the text it was indexed
            // with, in with the new.
            let old = tx
                .prepare_cached("SELECT title, body, sections_text FROM entries WHERE id = ?1")?
                .query_row([rowid], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]))?;
            beside.remove(rowid, old)?;
            replace_entry_tx(tx, rowid, e)?;
            return beside.add(rowid, [e.title.clone(), e.body.clone(), e.sections_text()]);
        }
        if rowid <= before && !self.replaced.contains(&rowid) {
            // Out of the search index with the text it was indexed with; back in with
            // the new text at the end.
            tx.prepare_cached(
                "INSERT INTO entries_fts (entries_fts, rowid, title, body, sections_text)
                 SELECT 'delete', id, title, body, sections_text FROM entries WHERE id = ?1",
            )?
            .execute([rowid])?;
            self.replaced.push(rowid);
        }
        replace_entry_tx(tx, rowid, e)
    }

    /// The entry the journal holds under `id`, if any.
    fn held(&self, id: Uuid, key_of: fn(&str, &str) -> String) -> Result<Option<Held>> {
        let tx = self.tx()?;
        let read = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        };
        // By its row id while a new journal has no index of ids (see [`NewIds`]).
        let (by, key): (&str, Box<dyn rusqlite::ToSql>) = match &self.new_ids {
            Some(ids) => match ids.find(Tx::holding(self.conn, &self.prepared), &id)? {
                Some(rowid) => ("id", Box::new(rowid)),
                None => return Ok(None),
            },
            None => ("uuid", Box::new(id.to_string())),
        };
        let row = tx
            .prepare_cached(&format!(
                "SELECT id, title, body, created_at = updated_at, deleted_at
                 FROM entries WHERE {by} = ?1"
            ))?
            .query_row([key], read)
            .optional()?;
        Ok(row.map(|(rowid, title, body, unchanged, deleted_at)| Held {
            rowid,
            uuid: id,
            key: key_of(&title, &body),
            unchanged,
            deleted_at: deleted_at
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| t.to_utc()),
        }))
    }

    /// An entry from another tool that the journal held before this import, written the
    /// same minute as `e` with the same text.
    fn held_at(&self, e: &Entry, r: &Recognise) -> Result<Option<Held>> {
        let rows: Vec<(i64, String, String, String, bool, Option<String>)> = self
            .tx()?
            .prepare_cached(
                "SELECT id, uuid, title, body, created_at = updated_at, deleted_at
                 FROM entries
                 WHERE occurred_on = ?1 AND id <= ?2 AND created_at BETWEEN ?3 AND ?4
                   AND substr(uuid, 15, 1) = '5'",
            )?
            .query_map(
                params![
                    super::rows::day(e.occurred_on),
                    self.before,
                    format!("{}:00Z", r.minute),
                    format!("{}:59Z", r.minute)
                ],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        for (rowid, uuid, title, body, unchanged, deleted_at) in rows {
            let key = (r.key_of)(&title, &body);
            if key == r.key {
                return Ok(Some(Held {
                    rowid,
                    uuid: uuid.parse().map_err(|_| {
                        StoreError::Damaged(format!("entry {rowid} has the id '{uuid}'"))
                    })?,
                    key,
                    unchanged,
                    deleted_at: deleted_at
                        .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                        .map(|t| t.to_utc()),
                }));
            }
        }
        Ok(None)
    }

    /// Saves an entry from another tool, unless the journal holds it already (see
    /// [`Recognise`]): then a fuller copy completes the one held, while it is unchanged.
    pub fn add_recognised(&mut self, e: Entry, r: &Recognise) -> Result<()> {
        if self.before == 0 && !r.last {
            // A journal that was empty: only a repeat within the file can be held, under
            // the entry's own id.
            return self.write(e, false);
        }
        let mut found = None;
        if let Some(h) = self.held(e.id, r.key_of)? {
            found = Some(h);
        }
        if found.is_none()
            && let Some(h) = self.held(r.minute_id, r.key_of)?
            && relation(&h.key, &r.key) != Relation::Unrelated
        {
            found = Some(h);
        }
        if found.is_none() && self.before > 0 {
            for id in (r.earlier)(&e, &r.text) {
                if let Some(h) = self.held(id, r.key_of)? {
                    found = Some(h);
                    break;
                }
            }
        }
        if found.is_none() && self.before > 0 {
            found = self.held_at(&e, r)?;
        }
        let Some(held) = found else {
            let mut e = e;
            if r.last && self.held(r.minute_id, r.key_of)?.is_none() {
                e.id = r.minute_id;
            }
            return self.write(e, false);
        };
        if !held.unchanged {
            self.report.skipped += 1;
            return Ok(());
        }
        match relation(&held.key, &r.key) {
            Relation::Same => {
                let tx = self.tx()?;
                let mut added = 0;
                for t in &e.tags {
                    added += tx
                        .prepare_cached(
                            "INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?1, ?2)",
                        )?
                        .execute(params![held.rowid, t])?;
                }
                if added > 0 {
                    tx.prepare_cached("UPDATE entries SET version = version + 1 WHERE id = ?1")?
                        .execute([held.rowid])?;
                    self.tally = None;
                    self.report.completed += 1;
                } else {
                    self.report.skipped += 1;
                }
            }
            Relation::Shorter => {
                let tx = self.tx()?;
                let mut whole = e;
                whole.id = held.uuid;
                whole.deleted_at = held.deleted_at;
                let had: Vec<String> = tx
                    .prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1")?
                    .query_map([held.rowid], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for t in had {
                    if !whole.tags.contains(&t) {
                        whole.tags.push(t);
                    }
                }
                let before = self.before;
                self.replace(held.rowid, before, &whole)?;
                self.report.completed += 1;
            }
            Relation::Longer | Relation::Unrelated => self.report.skipped += 1,
        }
        Ok(())
    }

    /// Records `today`'s automatic backup as taken: for a new journal that an import
    /// builds whole from a file, which holds everything the journal does (a copy of the
    /// journal would be a second copy of the file). The next day's backup is taken as
    /// usual.
    pub fn backed_up_by_file(&mut self, today: chrono::NaiveDate) -> Result<()> {
        super::backups::claim_day(self.tx()?, today)?;
        Ok(())
    }

    /// Writes what is left, indexes the new and changed entries for search, puts the
    /// triggers back, and commits (or, with `dry_run`, rolls everything back).
    pub fn finish(mut self, dry_run: bool) -> Result<ImportReport> {
        // The entries held for the end may point at others by a prefix of their id.
        self.index_ids()?;
        for ord in 1..=2_u8 {
            let mut after = 0_i64;
            loop {
                // A few at a time: memory holds a page of them, not all.
                let page: Vec<(i64, String)> = self
                    .tx()?
                    .prepare_cached(
                        "SELECT n, entry FROM import_later WHERE ord = ?1 AND n > ?2
                         ORDER BY n LIMIT 64",
                    )?
                    .query_map(params![ord, after], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                let Some((last, _)) = page.last() else {
                    break;
                };
                after = *last;
                for (_, json) in page {
                    let e: Entry = serde_json::from_str(&json).map_err(|err| {
                        StoreError::Damaged(format!("an entry held for later: {err}"))
                    })?;
                    self.write(e, false)?;
                }
            }
        }
        if let Some(beside) = &mut self.beside {
            // The index beside is finished while the counts are filled, and copied in
            // after the commit.
            beside.close()?;
        }
        let tally = self.tally.take();
        let tx = self.tx()?;
        // The entries this import added, [`FTS_PASS`] at a time (unless they were indexed
        // beside the journal), then the ones it changed.
        // In one statement, `id > ?1 OR id IN (…)`, SQLite kept what it read for the
        // statement in memory: the peak memory of an import of 100,000 entries went from
        // 77 to 59 MiB in passes.
        let last: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        let mut from = if self.beside.is_some() {
            last
        } else {
            self.before
        };
        while from < last {
            tx.prepare_cached(
                "INSERT INTO entries_fts (rowid, title, body, sections_text)
                 SELECT id, title, body, sections_text FROM entries WHERE id > ?1 AND id <= ?2",
            )?
            .execute([from, from + FTS_PASS])?;
            from += FTS_PASS;
        }
        if !self.replaced.is_empty() {
            tx.execute(
                "INSERT INTO entries_fts (rowid, title, body, sections_text)
                 SELECT id, title, body, sections_text FROM entries
                 WHERE id IN (SELECT value FROM json_each(?1))",
                [id_list(&self.replaced)],
            )?;
        }
        if self.counts_after {
            match tally {
                Some(tally) => tally.write(tx)?,
                None => super::counts::fill(tx)?,
            }
        }
        for (_, sql) in &self.triggers {
            tx.execute_batch(sql)?;
        }
        if !self.schema_places.is_empty() {
            edit_schema(tx, || {
                // Out of the way first: one made again may have taken another's place.
                let mut set =
                    tx.prepare_cached("UPDATE sqlite_master SET rowid = ?1 WHERE name = ?2")?;
                for (n, (name, _)) in (1_i64..).zip(&self.schema_places) {
                    set.execute(params![-n, name])?;
                }
                for (name, place) in &self.schema_places {
                    set.execute(params![place, name])?;
                }
                Ok(())
            })?;
        }
        self.end(!dry_run)?;
        Ok(std::mem::take(&mut self.report))
    }
}

impl Drop for Importer<'_> {
    fn drop(&mut self) {
        // Unfinished (an error, or a file that stopped half way): nothing is kept.
        let _ = self.end(false);
    }
}

/// The journal an import writes into, opened so that an import that is not saved (a
/// dry run, a file refused half way) leaves no trace:
///
/// - A journal that exists is opened as usual, and the import keeps its write-ahead
///   log: a rolled back transaction changes nothing in the file. A dry run on a journal
///   of an older schema, which opening would upgrade, works on a copy of it instead.
/// - Where there is no journal yet, a dry run works on an empty journal in memory, and an
///   import builds a new journal under a temporary name in the same folder, renamed
///   into place once it is saved; a refused import removes it, and any folder it made.
///   A new journal can take the rollback journal, the faster way to write it whole.
pub struct ImportJournal {
    store: Store,
    /// A new journal being built: where it goes once saved.
    new: Option<NewJournal>,
    /// The copy a dry run works on, removed with it.
    _copy: Option<tempfile::TempDir>,
}

/// A journal being built under a temporary name.
struct NewJournal {
    temporary: PathBuf,
    destination: PathBuf,
    /// Folders made for it, deepest first: removed again if it is not kept.
    made: Vec<PathBuf>,
    kept: bool,
}

/// The prefix of a journal being built by an import.
const BUILDING: &str = ".praxis-import-";

impl ImportJournal {
    /// Opens the journal at `path` for an import (see [`ImportJournal`]). With `new_only`,
    /// a journal that is there already is refused before anything is read or written:
    /// the import builds a new one (locked with `unlock`) or nothing.
    pub fn open(
        path: &Path,
        dry_run: bool,
        unlock: &super::Unlock,
        new_only: bool,
    ) -> Result<ImportJournal> {
        let exists = match std::fs::symlink_metadata(path) {
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        if exists && new_only {
            return Err(StoreError::Exists(format!(
                "{} (an import makes a new journal only where there is none: nothing was \
                 read or written)",
                path.display()
            )));
        }
        if exists {
            let copy = if dry_run && needs_upgrade(path, unlock)? {
                Some(copy_to_upgrade(path, unlock)?)
            } else {
                None
            };
            let store = match &copy {
                Some(dir) => Store::open_unlocked(&dir.path().join("journal.sqlite3"), unlock)?,
                None => Store::open_unlocked(path, unlock)?,
            };
            return Ok(ImportJournal {
                store,
                new: None,
                _copy: copy,
            });
        }
        if dry_run {
            return Ok(ImportJournal {
                store: Store::open_in_memory()?,
                new: None,
                _copy: None,
            });
        }
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let mut made = Vec::new();
        let mut missing = Some(dir);
        while let Some(d) = missing.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            made.push(d.to_path_buf());
            missing = d.parent();
        }
        crate::files::create_private_dir(dir).map_err(io)?;
        sweep_building(dir);
        let temporary = dir.join(format!(
            "{BUILDING}{}-{}.sqlite3",
            std::process::id(),
            Uuid::new_v4().simple()
        ));
        let mut new = NewJournal {
            temporary: temporary.clone(),
            destination: path.to_path_buf(),
            made,
            kept: false,
        };
        let store = match Store::open_unlocked(&temporary, unlock) {
            Ok(s) => s,
            Err(e) => {
                new.remove();
                return Err(e);
            }
        };
        Ok(ImportJournal {
            store,
            new: Some(new),
            _copy: None,
        })
    }

    /// Whether the import builds a new journal (there was none at the path).
    #[must_use]
    pub fn is_new(&self) -> bool {
        self.new.is_some()
    }

    /// Starts the import: see [`Importer`]. A new journal takes a rollback journal.
    pub fn importer(&mut self) -> Result<Importer<'_>> {
        let new = self.new.is_some();
        self.store.begin_import(true, new)
    }

    /// After the import is saved: puts a new journal in its place. (A dry run keeps
    /// nothing.)
    pub fn keep(self, dry_run: bool) -> Result<()> {
        let ImportJournal { store, new, .. } = self;
        drop(store);
        let Some(mut new) = new else {
            return Ok(());
        };
        if dry_run {
            return Ok(());
        }
        let io = |source| StoreError::Io {
            path: new.destination.clone(),
            source,
        };
        // A link fails where something is there already: another praxis made a journal
        // meanwhile, which is never replaced.
        match std::fs::hard_link(&new.temporary, &new.destination) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(format!(
                    "{} (another praxis made it during the import, which was not saved: \
                     import the file again)",
                    new.destination.display()
                )));
            }
            Err(_) if !new.destination.exists() => {
                std::fs::rename(&new.temporary, &new.destination).map_err(io)?;
            }
            Err(e) => return Err(io(e)),
        }
        new.kept = true;
        let _ = std::fs::remove_file(&new.temporary);
        Ok(())
    }
}

impl NewJournal {
    /// Removes the journal being built, what SQLite kept beside it, and the folders made.
    fn remove(&mut self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            let mut p = self.temporary.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
        for d in &self.made {
            // Only if still empty: nothing of anyone else's is removed.
            let _ = std::fs::remove_dir(d);
        }
    }
}

impl Drop for NewJournal {
    fn drop(&mut self) {
        if !self.kept {
            self.remove();
        }
    }
}

/// Removes journals that imports killed before they finished left half built.
fn sweep_building(dir: &Path) {
    crate::files::sweep_leftovers(dir, building_pid);
}

/// The process id in the name of a journal an import is building (None for any other
/// file).
pub(super) fn building_pid(file: &str) -> Option<i32> {
    file.strip_prefix(BUILDING)
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse().ok())
}

/// Whether opening the journal at `path` would upgrade its schema (read without
/// changing anything).
fn needs_upgrade(path: &Path, unlock: &super::Unlock) -> Result<bool> {
    let conn = open_plain(path, unlock)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| super::open_error(path, e))?;
    Ok(version < super::LATEST_VERSION)
}

/// A connection to the journal at `path` that only reads: nothing of opening a journal
/// (its schema, its settings) is done. (Read-write, as the journal's write-ahead log
/// wants: a read-only connection would leave the log's files behind it.)
fn open_plain(path: &Path, unlock: &super::Unlock) -> Result<Connection> {
    // Only SQLite opens the file (see `Store::open_with`): a file that is not a journal
    // fails its first read, and nothing is created where there is no file.
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| super::open_error(path, e))?;
    unlock.unlock(&conn, path)?;
    Ok(conn)
}

/// A private copy of the journal at `path`, in a folder beside it, for a dry run to
/// upgrade and work on.
fn copy_to_upgrade(path: &Path, unlock: &super::Unlock) -> Result<tempfile::TempDir> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let copy = tempfile::Builder::new()
        .prefix(".praxis-dry-run-")
        .tempdir_in(dir)
        .map_err(io)?;
    let conn = open_plain(path, unlock)?;
    super::backup_to(&conn, unlock, &copy.path().join("journal.sqlite3"))?;
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _};

    use super::*;
    use crate::model::{
        Action, ActionStatus, AgendaItem, Approach, CallIn, CallInStatus, Carrying, Certainty,
        ChangeTalk, ChangeTalkCode, CheckIn, Cpd, Direction, EntryKind, Feedback, FeedbackSource,
        Function, GroupFormat, GroupRole, GroupSession, Load, MiProcess, PlanStatus, PositiveRisk,
        Recognition, ReviewDecision, RiskReview, Rupture, RuptureKind, RuptureNote, RuptureStatus,
        Said, Scope, SessionStage, SessionType, Stage, StageNote, StrengthTag, Supervision, Tone,
        Want, Whose,
    };

    fn entry(kind: EntryKind, n: u32) -> Entry {
        let on = NaiveDate::from_ymd_opt(2026, 3, 1 + n % 28).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 12, 0, 0).unwrap();
        let mut e = Entry::new(kind, on, now);
        e.title = format!("entry {n}");
        e
    }

    /// Cycles through a list: the `i`th word, or None past the end.
    fn nth<T: Copy>(all: &[T], i: usize) -> Option<T> {
        all.get(i % (all.len() + 1)).copied()
    }

    /// Imports without SQLite's CHECK constraints trust the model's enums to write only
    /// the words the schema allows: every word of every enum is written here with the
    /// checks on, through the ordinary insert.
    #[test]
    fn every_word_of_the_model_passes_the_schema() {
        let mut s = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 12, 0, 0).unwrap();
        for kind in SubjectType::ALL {
            s.add_subject(&format!("S-{kind}"), *kind, now).unwrap();
        }
        let mut n = 0;
        let mut next = |kind| {
            n += 1;
            entry(kind, n)
        };
        for (i, kind) in EntryKind::ALL.iter().enumerate() {
            let mut e = next(*kind);
            e.scope = Scope::ALL[i % Scope::ALL.len()];
            e.for_supervision = i % 2 == 0;
            s.insert_entry(&e).unwrap();
        }
        for i in 0..6 {
            let mut e = next(EntryKind::CheckIn);
            e.strengths = Whose::ALL
                .iter()
                .map(|w| StrengthTag::new(format!("s{i}"), *w))
                .collect();
            e.checkin = Some(CheckIn {
                mood: Some(1 + i as u8 % 5),
                energy: Some(5 - i as u8 % 5),
                load: nth(Load::ALL, i),
                carrying: nth(Carrying::ALL, i),
                ..CheckIn::default()
            });
            e.actions = ActionStatus::ALL
                .iter()
                .map(|st| {
                    let mut a = Action::new("a", None);
                    a.status = *st;
                    a
                })
                .collect();
            s.insert_entry(&e).unwrap();
        }
        for i in 0..7 {
            let mut e = next(EntryKind::StageNote);
            e.details = Details::StageNote(StageNote {
                subject: "YP-A".into(),
                topic: "t".into(),
                stage: Stage::ALL[i % Stage::ALL.len()],
                certainty: nth(Certainty::ALL, i),
                mi_process: nth(MiProcess::ALL, i),
                change_talk: ChangeTalkCode::ALL
                    .iter()
                    .map(|c| ChangeTalk {
                        code: *c,
                        text: "x".into(),
                    })
                    .collect(),
                importance: Some(0),
                confidence: Some(10),
                review_on: None,
            });
            s.insert_entry(&e).unwrap();
            let mut c = next(EntryKind::CallIn);
            c.details = Details::CallIn(CallIn {
                approach: Approach::ALL[i % Approach::ALL.len()],
                status: CallInStatus::ALL[i % CallInStatus::ALL.len()],
                rupture: nth(Rupture::ALL, i),
                rating: Some(1 + i as u8 % 5),
                ..CallIn::default()
            });
            s.insert_entry(&c).unwrap();
        }
        for i in 0..5 {
            let mut e = next(EntryKind::Supervision);
            e.details = Details::Supervision(Supervision {
                stage: SessionStage::ALL[i % SessionStage::ALL.len()],
                session_on: e.occurred_on,
                supervisor_role: None,
                session_type: nth(SessionType::ALL, i),
                length_minutes: Some(1),
                prep: None,
                counts_as_cpd: false,
                peer_reflection: false,
                agenda: vec![AgendaItem {
                    text: "a".into(),
                    function: nth(Function::ALL, i),
                    minutes: None,
                    want: nth(Want::ALL, i),
                }],
            });
            s.insert_entry(&e).unwrap();
        }
        let mut e = next(EntryKind::Cpd);
        e.details = Details::Cpd(Cpd {
            activity_type: "course".into(),
            hours: 0.0,
            participatory: true,
            linked: Vec::new(),
        });
        s.insert_entry(&e).unwrap();
        // The practice kinds (PRACTICE.md §12).
        for i in 0..8 {
            let mut e = next(EntryKind::Recognition);
            let said = Said::ALL[i % Said::ALL.len()];
            e.details = Details::Recognition(Recognition {
                direction: Direction::ALL[i % Direction::ALL.len()],
                subject: format!("S-{}", SubjectType::ALL[i % SubjectType::ALL.len()]),
                said,
                said_on: (said != Said::NotYet).then_some(e.occurred_on),
            });
            s.insert_entry(&e).unwrap();
            let mut f = next(EntryKind::Feedback);
            f.details = Details::Feedback(Feedback {
                source: FeedbackSource::ALL[i % FeedbackSource::ALL.len()],
                subject: (i % 2 == 0).then(|| "YP-A".to_string()),
                tone: nth(Tone::ALL, i),
            });
            s.insert_entry(&f).unwrap();
            let mut r = next(EntryKind::Rupture);
            let status = RuptureStatus::ALL[i % RuptureStatus::ALL.len()];
            let closed = matches!(status, RuptureStatus::Repaired | RuptureStatus::LetGo);
            r.details = Details::Rupture(RuptureNote {
                subject: "peer-B".into(),
                kind: nth(RuptureKind::ALL, i),
                status,
                repair_tried_on: Some(r.occurred_on),
                closed_on: closed.then_some(r.occurred_on),
                callin: None,
            });
            s.insert_entry(&r).unwrap();
            let mut p = next(EntryKind::PositiveRisk);
            let active = PlanStatus::ALL[i % PlanStatus::ALL.len()] == PlanStatus::Active;
            p.details = Details::PositiveRisk(PositiveRisk {
                subject: "YP-A".into(),
                status: PlanStatus::ALL[i % PlanStatus::ALL.len()],
                review_on: active.then_some(p.occurred_on),
                reviews: ReviewDecision::ALL
                    .iter()
                    .map(|d| RiskReview {
                        on: p.occurred_on,
                        decision: *d,
                        note: "x".into(),
                    })
                    .collect(),
            });
            s.insert_entry(&p).unwrap();
            let mut g = next(EntryKind::GroupSession);
            g.details = Details::GroupSession(GroupSession {
                format: GroupFormat::ALL[i % GroupFormat::ALL.len()],
                my_role: nth(GroupRole::ALL, i),
                length_minutes: Some(1),
                present: vec!["peer-B".into()],
                peer_reflection: i % 2 == 0,
                counts_as_cpd: i % 2 == 1,
            });
            s.insert_entry(&g).unwrap();
        }
    }

    #[test]
    fn the_schema_checks_tested_here_are_the_ones_sqlite_tests() {
        type Breaks = Box<dyn Fn(&mut Entry)>;
        let cases: Vec<(&str, Breaks)> = vec![
            (
                "a five-digit year",
                Box::new(|e| e.occurred_on = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()),
            ),
            (
                "a mood of 6",
                Box::new(|e| {
                    e.checkin = Some(CheckIn {
                        mood: Some(6),
                        ..CheckIn::default()
                    });
                }),
            ),
            (
                "a rating of 0",
                Box::new(|e| {
                    e.details = Details::CallIn(CallIn {
                        rating: Some(0),
                        ..CallIn::default()
                    });
                }),
            ),
            (
                "importance 11",
                Box::new(|e| {
                    e.details = Details::StageNote(StageNote {
                        subject: "YP-A".into(),
                        topic: "t".into(),
                        stage: Stage::Action,
                        certainty: None,
                        mi_process: None,
                        change_talk: Vec::new(),
                        importance: Some(11),
                        confidence: None,
                        review_on: None,
                    });
                }),
            ),
            (
                "no minutes",
                Box::new(|e| {
                    e.details = Details::Supervision(Supervision {
                        stage: SessionStage::Record,
                        session_on: e.occurred_on,
                        supervisor_role: None,
                        session_type: None,
                        length_minutes: Some(0),
                        prep: None,
                        counts_as_cpd: false,
                        peer_reflection: false,
                        agenda: Vec::new(),
                    });
                }),
            ),
            (
                "a day said but not yet said",
                Box::new(|e| {
                    e.details = Details::Recognition(Recognition {
                        direction: Direction::Given,
                        subject: "peer-B".into(),
                        said: Said::NotYet,
                        said_on: Some(e.occurred_on),
                    });
                }),
            ),
            (
                "a rupture repaired on no day",
                Box::new(|e| {
                    e.details = Details::Rupture(RuptureNote {
                        subject: "peer-B".into(),
                        kind: None,
                        status: RuptureStatus::Repaired,
                        repair_tried_on: None,
                        closed_on: None,
                        callin: None,
                    });
                }),
            ),
            (
                "an active plan with no review",
                Box::new(|e| {
                    e.details = Details::PositiveRisk(PositiveRisk {
                        subject: "YP-A".into(),
                        status: PlanStatus::Active,
                        review_on: None,
                        reviews: Vec::new(),
                    });
                }),
            ),
            (
                "a session of no minutes",
                Box::new(|e| {
                    e.details = Details::GroupSession(GroupSession {
                        format: GroupFormat::TeamSession,
                        my_role: None,
                        length_minutes: Some(0),
                        present: Vec::new(),
                        peer_reflection: false,
                        counts_as_cpd: false,
                    });
                }),
            ),
            (
                "hours past any one activity",
                Box::new(|e| {
                    e.details = Details::Cpd(Cpd {
                        activity_type: "course".into(),
                        hours: 90_000.0,
                        participatory: false,
                        linked: Vec::new(),
                    });
                }),
            ),
            (
                "negative hours",
                Box::new(|e| {
                    e.details = Details::Cpd(Cpd {
                        activity_type: "x".into(),
                        hours: -1.0,
                        participatory: false,
                        linked: Vec::new(),
                    });
                }),
            ),
        ];
        for (what, break_it) in cases {
            let mut s = Store::open_in_memory().unwrap();
            let mut e = entry(EntryKind::Reflection, 1);
            assert!(fits_schema(&e));
            break_it(&mut e);
            assert!(!fits_schema(&e), "{what}");
            // SQLite refuses it too (or the store's own check of every entry, before it),
            // and the fast import writes nothing of it.
            let err = s.import_entries(&[e.clone()], &[], false).unwrap_err();
            assert!(
                err.to_string().contains("CHECK constraint failed")
                    || err.to_string().contains("cannot be saved"),
                "{what}: {err}"
            );
            let mut import = s.importer().unwrap();
            let err = import.add(e).unwrap_err();
            assert!(
                err.to_string().contains("CHECK constraint failed"),
                "{what}: {err}"
            );
            drop(import);
            assert_eq!(
                s.count_entries(&crate::store::EntryFilter::default())
                    .unwrap(),
                0
            );
        }
    }

    /// An entry twice in one file, the second copy newer: the journal holds the second,
    /// and counts it, not the first (the counts gathered while writing counted the
    /// first, so they are filled from the entries instead); the same copy twice is
    /// counted once.
    #[test]
    fn an_entry_twice_in_a_file_is_counted_as_the_journal_holds_it() {
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 12, 0, 0).unwrap();
        let check_in = |n: u32| {
            let mut e = entry(EntryKind::CheckIn, n);
            e.checkin = Some(CheckIn {
                mood: Some(2),
                ..CheckIn::default()
            });
            e
        };
        let weeks = |s: &Store| -> Vec<(String, String, i64)> {
            s.conn
                .prepare("SELECT week, kind, n FROM count_weeks WHERE n > 0 ORDER BY 1, 2")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        for newer in [false, true] {
            let first = check_in(1);
            let mut again = first.clone();
            if newer {
                // Moved to another week, and to the trash.
                again.occurred_on = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
                again.deleted_at = Some(now);
                again.updated_at = now + chrono::Duration::hours(1);
            }
            let mut s = Store::open_in_memory().unwrap();
            let mut import = s.importer().unwrap();
            for e in [first, check_in(2), again] {
                import.add(e).unwrap();
            }
            let report = import.finish(false).unwrap();
            assert_eq!((report.added, report.merged), (2, usize::from(newer)));
            assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
            let live = if newer { 1 } else { 2 };
            assert_eq!(
                weeks(&s),
                vec![("2026-03-02".to_string(), "check-in".to_string(), live)],
                "{newer}"
            );
        }
    }

    #[test]
    fn an_import_into_an_empty_journal_counts_at_the_end_and_then_as_it_writes() {
        use crate::model::{StrengthTag, Whose};
        let counting = |s: &Store| -> i64 {
            s.conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
                     AND name LIKE 'count\\_%' ESCAPE '\\'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        let some = |from: u32| -> Vec<Entry> {
            (from..from + 24)
                .map(|n| {
                    let kind = [EntryKind::Reflection, EntryKind::CheckIn][n as usize % 2];
                    let mut e = entry(kind, n);
                    e.tags = vec![format!("tag{}", n % 3)];
                    e.strengths = vec![StrengthTag::new("hope", Whose::Mine)];
                    if kind == EntryKind::CheckIn {
                        e.checkin = Some(CheckIn {
                            mood: Some(1 + (n % 5) as u8),
                            ..CheckIn::default()
                        });
                    }
                    e
                })
                .collect()
        };
        let mut s = Store::open_in_memory().unwrap();
        let triggers = counting(&s);
        assert!(triggers > 0);
        // Into the empty journal (the counts filled at the end), then into a journal
        // with entries (counted as they are written).
        for from in [0, 100] {
            let mut import = s.importer().unwrap();
            for e in some(from) {
                import.add(e).unwrap();
            }
            import.finish(false).unwrap();
            assert_eq!(counting(&s), triggers);
            assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        }
        let all = crate::store::EntryFilter::default();
        assert_eq!(s.count_entries(&all).unwrap(), 48);
        // And the journal goes on counting what is written after.
        s.insert_entry(&entry(EntryKind::Reflection, 300)).unwrap();
        assert_eq!(s.count_entries(&all).unwrap(), 49);
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        // An import into an empty journal that is dropped puts the triggers back.
        let mut t = Store::open_in_memory().unwrap();
        let mut import = t.importer().unwrap();
        import.add(entry(EntryKind::Reflection, 1)).unwrap();
        drop(import);
        assert_eq!(counting(&t), triggers);
    }

    #[test]
    fn an_import_leaves_the_connection_checking_again() {
        let mut s = Store::open_in_memory().unwrap();
        let mut import = s.importer().unwrap();
        import.add(entry(EntryKind::Reflection, 1)).unwrap();
        import.finish(false).unwrap();
        // A statement compiled during the import must not be reused without its checks.
        let mut bad = entry(EntryKind::Reflection, 2);
        bad.checkin = Some(CheckIn {
            mood: Some(9),
            ..CheckIn::default()
        });
        assert!(s.insert_entry(&bad).is_err());
        // And after an import that was dropped half way.
        let mut import = s.importer().unwrap();
        import.add(entry(EntryKind::Reflection, 3)).unwrap();
        drop(import);
        assert!(s.insert_entry(&bad).is_err());
        assert_eq!(
            s.count_entries(&crate::store::EntryFilter::default())
                .unwrap(),
            1
        );
        let size: i64 = s
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(size, -2000);
    }

    #[test]
    fn an_import_into_an_empty_journal_checks_no_keys_and_leaves_them_whole() {
        use crate::model::{Action, Section, StrengthTag, Whose};
        let keys = |c: &Connection| -> bool {
            c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))
                .unwrap()
        };
        let some = |from: u32| -> Vec<Entry> {
            (from..from + 10)
                .map(|n| {
                    let mut e = entry(EntryKind::Reflection, n);
                    e.sections = vec![Section {
                        key: "what".into(),
                        label: "What happened".into(),
                        text: format!("section {n}"),
                    }];
                    e.tags = vec![format!("tag{}", n % 3)];
                    e.strengths = vec![StrengthTag::new("hope", Whose::Mine)];
                    e.actions = vec![Action::new(format!("action {n}"), None)];
                    e
                })
                .collect()
        };
        let mut s = Store::open_in_memory().unwrap();
        assert!(keys(&s.conn));
        // Into the empty journal the keys are not checked; into one with entries they are.
        for (from, checked) in [(0, false), (100, true)] {
            let mut import = s.importer().unwrap();
            assert_eq!(keys(import.conn), checked);
            for e in some(from) {
                import.add(e).unwrap();
            }
            import.finish(false).unwrap();
            assert!(keys(&s.conn));
        }
        // Every part points at its entry.
        let broken: i64 = s
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
        let parts: i64 = s
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM sections) + (SELECT count(*) FROM entry_tags)
                      + (SELECT count(*) FROM entry_strengths) + (SELECT count(*) FROM actions)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(parts, 80);
        // Dropped half way (and started again), the keys are checked again.
        let mut t = Store::open_in_memory().unwrap();
        let mut import = t.importer().unwrap();
        import.add(entry(EntryKind::Reflection, 1)).unwrap();
        import.restart().unwrap();
        assert!(!keys(import.conn));
        import.add(entry(EntryKind::Reflection, 2)).unwrap();
        drop(import);
        assert!(keys(&t.conn));
    }

    #[test]
    fn entries_that_point_at_others_wait_only_for_what_the_journal_lacks() {
        let supervision = |stage: SessionStage, prep: Option<String>| {
            let mut e = entry(EntryKind::Supervision, 3);
            e.details = Details::Supervision(Supervision {
                stage,
                session_on: e.occurred_on,
                supervisor_role: None,
                session_type: None,
                length_minutes: None,
                prep,
                counts_as_cpd: false,
                peer_reflection: false,
                agenda: Vec::new(),
            });
            e
        };
        let cpd = |linked: Vec<String>| {
            let mut e = entry(EntryKind::Cpd, 4);
            e.details = Details::Cpd(Cpd {
                activity_type: "course".into(),
                hours: 2.0,
                participatory: false,
                linked,
            });
            e
        };
        let rupture = |callin: Option<String>| {
            let mut e = entry(EntryKind::Rupture, 5);
            e.details = Details::Rupture(RuptureNote {
                subject: "peer-B".into(),
                kind: None,
                status: RuptureStatus::Open,
                repair_tried_on: None,
                closed_on: None,
                callin,
            });
            e
        };
        let mut callin = entry(EntryKind::CallIn, 6);
        callin.details = Details::CallIn(CallIn::default());
        let prep = supervision(SessionStage::Prep, None);
        let reflection = entry(EntryKind::Reflection, 7);
        let (prep_id, reflection_id, callin_id) = (
            prep.id.to_string(),
            reflection.id.to_string(),
            callin.id.to_string(),
        );
        for for_journal in [false, true] {
            let mut s = Store::open_in_memory().unwrap();
            // A journal that holds the prep, the reflection and the call-in already, or a
            // file that gives them before the entries that point at them.
            let held = [prep.clone(), reflection.clone(), callin.clone()];
            if for_journal {
                s.import_entries(&held, &[], false).unwrap();
            }
            let mut import = s.importer().unwrap();
            if !for_journal {
                for e in held.clone() {
                    import.add(e).unwrap();
                }
            }
            import
                .add(supervision(SessionStage::Record, Some(prep_id.clone())))
                .unwrap();
            import.add(cpd(vec![reflection_id.clone()])).unwrap();
            import.add(rupture(Some(callin_id.clone()))).unwrap();
            assert_eq!(import.later, 0, "each is written at once");
            // Pointing at what the journal lacks (yet), or at an entry by a prefix that
            // a later entry of the file could share: kept for the end.
            import
                .add(supervision(
                    SessionStage::Record,
                    Some(Uuid::new_v4().to_string()),
                ))
                .unwrap();
            import
                .add(cpd(vec![reflection_id[..8].to_string()]))
                .unwrap();
            import
                .add(rupture(Some(Uuid::new_v4().to_string())))
                .unwrap();
            assert_eq!(import.later, 3);
            import.finish(false).unwrap();
            let links: i64 = s
                .conn
                .query_row(
                    "SELECT (SELECT count(*) FROM supervision WHERE prep_id IS NOT NULL)
                          + (SELECT count(*) FROM entry_links)",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            // The record and the rupture pointing at entries nobody wrote link nothing.
            assert_eq!(links, 4, "for_journal: {for_journal}");
            assert_eq!(
                s.count_entries(&crate::store::EntryFilter::default())
                    .unwrap(),
                9
            );
        }
    }

    /// Entries of every kind that an import looks ids up for: with actions, a record
    /// after its prep and one before it, CPD records with their evidence before them (by
    /// whole id, and by a prefix) and after them, a rupture after its call-in.
    fn pointing(n: u32) -> Vec<Entry> {
        let with = |kind: EntryKind, i: u32, details: Details| {
            let mut e = entry(kind, n + i);
            e.details = details;
            e
        };
        let supervision = |i: u32, stage: SessionStage, prep: Option<&Entry>| {
            let mut e = entry(EntryKind::Supervision, n + i);
            e.details = Details::Supervision(Supervision {
                stage,
                session_on: e.occurred_on,
                supervisor_role: None,
                session_type: None,
                length_minutes: None,
                prep: prep.map(|p| p.id.to_string()),
                counts_as_cpd: false,
                peer_reflection: false,
                agenda: Vec::new(),
            });
            e
        };
        let cpd = |i: u32, linked: Vec<String>| {
            with(
                EntryKind::Cpd,
                i,
                Details::Cpd(Cpd {
                    activity_type: "course".into(),
                    hours: 2.0,
                    participatory: false,
                    linked,
                }),
            )
        };
        let mut reflection = entry(EntryKind::Reflection, n);
        reflection.actions = vec![
            Action::new("ring the team", None),
            Action::new("read", None),
        ];
        let later = entry(EntryKind::Reflection, n + 1);
        let prep = supervision(2, SessionStage::Prep, None);
        let late_prep = supervision(3, SessionStage::Prep, None);
        let callin = with(EntryKind::CallIn, 4, Details::CallIn(CallIn::default()));
        let rupture = with(
            EntryKind::Rupture,
            5,
            Details::Rupture(RuptureNote {
                subject: "peer-B".into(),
                kind: None,
                status: RuptureStatus::Open,
                repair_tried_on: None,
                closed_on: None,
                callin: Some(callin.id.to_string()),
            }),
        );
        let whole = reflection.id.to_string();
        vec![
            supervision(6, SessionStage::Record, Some(&prep)),
            supervision(7, SessionStage::Record, Some(&late_prep)),
            cpd(8, vec![later.id.to_string()]),
            reflection,
            prep,
            callin,
            rupture,
            cpd(9, vec![whole.clone(), whole[..8].to_string()]),
            cpd(10, vec![whole.to_uppercase()]),
            late_prep,
            later,
        ]
    }

    /// Every entry a journal holds, and what its links and counts say.
    fn holds(s: &Store) -> (Vec<Entry>, i64, Vec<String>) {
        let days = s.export_days(true).unwrap();
        let links = s
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM entry_links)
                      + (SELECT count(*) FROM supervision WHERE prep_id IS NOT NULL)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (
            s.entries_by_rowids(&days.concat()).unwrap(),
            links,
            s.count_mismatches().unwrap(),
        )
    }

    /// `entries` imported into a new journal at `path`, and into one that exists (with
    /// no entries): what each import said, and what each journal holds. `built_at`: the
    /// entry (from 1) after which the new journal's indexes of ids must be there.
    fn into_new_and_into_one_that_exists(
        dir: &Path,
        entries: &[Entry],
        built_at: Option<usize>,
    ) -> [(std::result::Result<ImportReport, String>, Option<Store>); 2] {
        use crate::store::Unlock;
        let new = dir.join("new/journal.sqlite3");
        let mut target = ImportJournal::open(&new, false, &Unlock::Plain, false).unwrap();
        assert!(target.is_new());
        let into_new = (|| {
            let mut import = target.importer()?;
            assert!(import.new_ids.is_some(), "built without its indexes of ids");
            for (n, e) in (1..).zip(entries) {
                import.add(e.clone())?;
                let built = built_at.is_some_and(|at| n >= at);
                assert_eq!(import.new_ids.is_none(), built, "after entry {n}");
            }
            import.finish(false)
        })();
        let new_store = match into_new {
            Ok(_) => {
                target.keep(false).unwrap();
                Some(Store::open(&new).unwrap())
            }
            Err(_) => {
                drop(target);
                assert!(!new.exists());
                None
            }
        };
        let held = dir.join("held/journal.sqlite3");
        let mut s = Store::open(&held).unwrap();
        let into_held = (|| {
            let mut import = s.importer()?;
            assert!(import.new_ids.is_none());
            for e in entries {
                import.add(e.clone())?;
            }
            import.finish(false)
        })();
        [
            (into_new.map_err(|e| e.to_string()), new_store),
            (into_held.map_err(|e| e.to_string()), Some(s)),
        ]
    }

    /// The schema as `sqlite3 journal .schema` prints it, and the tables' indexes.
    fn schema(s: &Store) -> Vec<String> {
        let mut rows: Vec<String> = s
            .conn
            .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for table in ["entries", "actions"] {
            let indexes: Vec<String> = s
                .conn
                .prepare(&format!("PRAGMA index_list({table})"))
                .unwrap()
                .query_map([], |r| {
                    Ok(format!(
                        "{}: {} unique {} origin {}",
                        table,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?
                    ))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.extend(indexes);
        }
        rows
    }

    #[test]
    fn a_new_journal_written_without_its_indexes_of_ids_ends_as_any_journal() {
        let dir = tempfile::tempdir().unwrap();
        let entries = pointing(0);
        let [(new_report, new), (held_report, held)] =
            into_new_and_into_one_that_exists(dir.path(), &entries, None);
        let (new, held) = (new.unwrap(), held.unwrap());
        assert_eq!(new_report, held_report);
        assert_eq!(new_report.unwrap().added, entries.len());
        let holds_new = holds(&new);
        assert_eq!(holds_new, holds(&held));
        // Both records' preps, the three CPD records' evidence (one by its whole id and a
        // prefix of it, one in capitals), the rupture's call-in.
        assert_eq!(holds_new.1, 2 + 3 + 1);
        assert_eq!(holds_new.2, Vec::<String>::new());
        // The schema of a journal made by `praxis init`, byte for byte, and whole.
        let fresh = Store::open(&dir.path().join("fresh.sqlite3")).unwrap();
        assert_eq!(schema(&new), schema(&fresh));
        assert!(
            schema(&new)
                .iter()
                .any(|r| r.contains("sqlite_autoindex_entries_1"))
        );
        let check: String = new
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        // And its indexes of ids refuse a repeat, as any journal's.
        let mut new = new;
        let mut again = entries[3].clone();
        assert!(matches!(
            new.insert_entry(&again),
            Err(StoreError::Conflict(_))
        ));
        again.id = Uuid::new_v4();
        assert!(
            new.insert_entry(&again).is_err(),
            "its actions' ids are taken"
        );
    }

    #[test]
    fn an_id_written_twice_into_a_new_journal_builds_its_indexes_there() {
        let dir = tempfile::tempdir().unwrap();
        let base = pointing(0);
        let reflection = base[3].clone();
        let mut newer = reflection.clone();
        newer.updated_at += chrono::Duration::hours(1);
        newer.body = "rewritten".into();
        newer.actions.remove(0);
        newer.actions.push(Action::new("a new one", None));
        let mut taken = entry(EntryKind::Reflection, 20);
        taken.actions = vec![reflection.actions[1].clone()];
        let cases: Vec<(&str, Vec<Entry>, usize)> = vec![
            // The same entry again: skipped.
            (
                "the same again",
                [base.clone(), vec![reflection.clone()]].concat(),
                12,
            ),
            // A newer copy, early in the file: merged, the rest written through the indexes.
            (
                "a newer copy",
                [&base[..5], &[newer.clone()], &base[5..], &pointing(40)].concat(),
                6,
            ),
            // An action's id taken by another entry: refused, as by any journal.
            (
                "an action's id taken",
                [base.clone(), vec![taken]].concat(),
                12,
            ),
        ];
        for (case, entries, at) in cases {
            let d = dir.path().join(case);
            let [(new_report, new), (held_report, held)] =
                into_new_and_into_one_that_exists(&d, &entries, Some(at));
            assert_eq!(new_report, held_report, "{case}");
            match new_report {
                Ok(report) => {
                    let (new, held) = (new.unwrap(), held.unwrap());
                    assert_eq!(holds(&new), holds(&held), "{case}");
                    assert_eq!(holds(&new).2, Vec::<String>::new(), "{case}");
                    assert_eq!(report.skipped + report.merged, 1, "{case}");
                    let fresh = Store::open(&d.join("fresh.sqlite3")).unwrap();
                    assert_eq!(schema(&new), schema(&fresh), "{case}");
                }
                Err(e) => {
                    assert!(e.contains("belongs to another entry"), "{case}: {e}");
                    assert!(new.is_none(), "{case}: nothing kept");
                }
            }
        }
    }

    fn journal_mode(s: &Store) -> String {
        s.conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn exports_list_each_day_in_the_order_its_entries_were_written() {
        let mut s = Store::open_in_memory().unwrap();
        let at = |h| Utc.with_ymd_and_hms(2026, 3, 18, h, 0, 0).unwrap();
        // Saved in another order than they were written: a later row id, an earlier time.
        let mut late = entry(EntryKind::Reflection, 1);
        (late.created_at, late.updated_at) = (at(15), at(15));
        let mut early = entry(EntryKind::Reflection, 1);
        (early.created_at, early.updated_at) = (at(9), at(9));
        let mut day_before = entry(EntryKind::Reflection, 0);
        (day_before.created_at, day_before.updated_at) = (at(20), at(20));
        s.import_entries(
            &[late.clone(), early.clone(), day_before.clone()],
            &[],
            false,
        )
        .unwrap();
        let days = s.export_days(true).unwrap();
        assert_eq!(days.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2]);
        let mut entries = s.entries_by_rowids(&days.concat()).unwrap();
        export_order(&mut entries);
        let ids: Vec<_> = entries.iter().map(|e| e.id).collect();
        assert_eq!(ids, [day_before.id, early.id, late.id]);
        // As SQLite orders the rows.
        let by_sql: Vec<i64> = s
            .conn
            .prepare("SELECT id FROM entries ORDER BY occurred_on, created_at, uuid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let sql_ids: Vec<_> = s
            .entries_by_rowids(&by_sql)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, sql_ids);
    }

    #[test]
    fn an_import_goes_back_to_the_write_ahead_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut s = Store::open(&path).unwrap();
        assert_eq!(journal_mode(&s), "wal");
        let entries: Vec<Entry> = (0..20).map(|n| entry(EntryKind::Reflection, n)).collect();
        s.import_entries(&entries, &[], false).unwrap();
        assert_eq!(journal_mode(&s), "wal");
        // Dropped half way, too.
        let mut import = s.begin_import(true, true).unwrap();
        assert!(import.rollback_journal, "nobody else has the journal open");
        import.add(entry(EntryKind::Reflection, 30)).unwrap();
        drop(import);
        assert_eq!(journal_mode(&s), "wal");
        assert_eq!(
            s.count_entries(&crate::store::EntryFilter::default())
                .unwrap(),
            20
        );
        assert_eq!(
            s.search("entry", &crate::store::EntryFilter::default(), 50)
                .unwrap()
                .len(),
            20
        );
    }

    /// The files an import is building in `dir` (the journal under its temporary name
    /// aside, by the name it has here).
    fn building(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(BUILDING))
            .collect()
    }

    #[test]
    fn a_new_journals_search_index_is_built_beside_it_whole() {
        use crate::store::{EntryFilter, Key, Lock, Unlock, probe};
        let all = EntryFilter::default();
        let found = |s: &Store, word: &str| -> Vec<String> {
            let mut t: Vec<String> = s
                .search(word, &all, 500)
                .unwrap()
                .into_iter()
                .map(|h| h.entry.title)
                .collect();
            t.sort();
            t
        };
        let index_whole = |s: &Store| {
            s.conn
                .execute(
                    "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')",
                    [],
                )
                .unwrap();
        };
        for encrypted in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("journal.sqlite3");
            let unlock = if encrypted {
                Unlock::Key(std::sync::Arc::new(Key::derive(b"pass", [3; 16])))
            } else {
                Unlock::Plain
            };
            let mut s = Store::open_unlocked(&path, &unlock).unwrap();
            let mut import = s.begin_import(true, true).unwrap();
            assert!(
                import.beside.is_some(),
                "a new journal's index is built beside"
            );
            // Beside the journal, under a name that the next praxis to open the folder
            // removes if this one is killed, and as locked as the journal.
            let names = building(dir.path());
            assert_eq!(names.len(), 1, "{names:?}");
            assert!(building_pid(&names[0]) == Some(std::process::id().cast_signed()));
            let lock = probe(&dir.path().join(&names[0]));
            if encrypted {
                assert!(matches!(lock, Lock::Encrypted { .. }), "{lock:?}");
            } else {
                assert_eq!(lock, Lock::Plain);
            }
            let mut repeated = None;
            for n in 0..300 {
                let mut e = entry(EntryKind::Reflection, n);
                e.body = format!("shared words, and word{n} of its own");
                if n == 7 {
                    repeated = Some(e.clone());
                }
                import.add(e).unwrap();
            }
            // The same entry again, changed later: indexed with its new text alone.
            let mut newer = repeated.unwrap();
            newer.body = "rewritten altogether".into();
            newer.updated_at += chrono::Duration::hours(1);
            import.add(newer).unwrap();
            // An entry held for the end (its call-in is not in the journal).
            let mut held = entry(EntryKind::Rupture, 400);
            held.body = "held back".into();
            held.details = Details::Rupture(RuptureNote {
                subject: "peer-B".into(),
                kind: None,
                status: RuptureStatus::Open,
                repair_tried_on: None,
                closed_on: None,
                callin: Some(Uuid::new_v4().to_string()),
            });
            import.add(held).unwrap();
            assert_eq!(import.later, 1);
            let report = import.finish(false).unwrap();
            assert_eq!((report.added, report.merged), (301, 1));
            assert_eq!(building(dir.path()), Vec::<String>::new());
            index_whole(&s);
            // The settings of the index beside (no merging until its end) stay its own:
            // the journal's index merges as it is written, as FTS5 does by default.
            let settings: Vec<String> = s
                .conn
                .prepare("SELECT k FROM entries_fts_config ORDER BY k")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(
                !settings
                    .iter()
                    .any(|k| k == "automerge" || k == "crisismerge"),
                "{settings:?}"
            );
            assert_eq!(found(&s, "shared").len(), 299);
            assert_eq!(found(&s, "word7"), Vec::<String>::new());
            assert_eq!(found(&s, "word8"), ["entry 8"]);
            assert_eq!(found(&s, "rewritten"), ["entry 7"]);
            assert_eq!(found(&s, "held"), ["entry 400"]);
            // The same connection goes on indexing what is written after.
            let mut later = entry(EntryKind::Reflection, 500);
            later.body = "shared afterwards".into();
            s.insert_entry(&later).unwrap();
            index_whole(&s);
            assert_eq!(found(&s, "shared").len(), 300);
            assert_eq!(found(&s, "afterwards"), ["entry 500"]);
            drop(s);
            // And so does the next praxis.
            let s = Store::open_unlocked(&path, &unlock).unwrap();
            index_whole(&s);
            assert_eq!(found(&s, "word299"), ["entry 299"]);
        }
    }

    #[test]
    fn an_index_built_beside_leaves_nothing_when_the_import_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut s = Store::open(&path).unwrap();
        for dry_run in [None, Some(true)] {
            let mut import = s.begin_import(true, true).unwrap();
            for n in 0..50 {
                import.add(entry(EntryKind::Reflection, n)).unwrap();
            }
            assert_eq!(building(dir.path()).len(), 1);
            match dry_run {
                // Dropped half way (a file refused), or rolled back.
                None => drop(import),
                Some(d) => {
                    import.finish(d).unwrap();
                }
            }
            assert_eq!(building(dir.path()), Vec::<String>::new());
        }
        assert_eq!(
            s.count_entries(&crate::store::EntryFilter::default())
                .unwrap(),
            0
        );
        // An import that starts the file again builds a new index from the start.
        let mut import = s.begin_import(true, true).unwrap();
        import.add(entry(EntryKind::Reflection, 1)).unwrap();
        import.restart().unwrap();
        assert_eq!(building(dir.path()).len(), 1);
        import.add(entry(EntryKind::Reflection, 2)).unwrap();
        import.finish(false).unwrap();
        let titles: Vec<String> = s
            .search("entry", &crate::store::EntryFilter::default(), 10)
            .unwrap()
            .into_iter()
            .map(|h| h.entry.title)
            .collect();
        assert_eq!(titles, ["entry 2"]);
    }

    #[test]
    fn another_praxis_reading_the_journal_can_go_on_during_an_import() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let reader = Store::open(&path).unwrap();
        let mut s = Store::open(&path).unwrap();
        s.insert_entry(&entry(EntryKind::Reflection, 0)).unwrap();
        let mut import = s.begin_import(true, true).unwrap();
        assert!(
            !import.rollback_journal,
            "another connection has the journal open"
        );
        for n in 1..10 {
            import.add(entry(EntryKind::Reflection, n)).unwrap();
        }
        // The import kept the write-ahead log: the other connection reads what was there.
        let all = crate::store::EntryFilter::default();
        assert_eq!(reader.count_entries(&all).unwrap(), 1);
        import.finish(false).unwrap();
        assert_eq!(reader.count_entries(&all).unwrap(), 10);
        assert_eq!(journal_mode(&s), "wal");
    }

    #[test]
    fn a_dry_run_on_an_older_journal_works_on_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let held = entry(EntryKind::Reflection, 0);
        {
            let mut s = Store::open_with(
                &path,
                &super::super::migrate::MIGRATIONS[..1],
                &crate::store::Unlock::Plain,
            )
            .unwrap();
            s.insert_entry(&held).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let names = || {
            let mut n: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            n.sort();
            n
        };
        let listed = names();
        let mut target =
            ImportJournal::open(&path, true, &crate::store::Unlock::Plain, false).unwrap();
        let report = {
            let mut import = target.importer().unwrap();
            import.add(held.clone()).unwrap();
            import.add(entry(EntryKind::Reflection, 1)).unwrap();
            import.finish(true).unwrap()
        };
        target.keep(true).unwrap();
        assert_eq!((report.added, report.skipped), (1, 1));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(names(), listed);
    }
}
