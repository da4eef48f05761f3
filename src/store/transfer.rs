//! Bulk writes for imports: one transaction for a whole file, idempotent by entry id,
//! written as the file is read.

use chrono::{DateTime, Datelike as _, Utc};
use rusqlite::{Connection, params};

use super::entries::{insert_new_entry_tx, replace_entry_tx};
use super::rows::{id_list, ts};
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
}

/// Entries that other entries point at go first: preps before records, reflections
/// before the CPD records that link them.
fn order(e: &Entry) -> u8 {
    match &e.details {
        Details::Supervision(s) if s.stage == SessionStage::Record => 1,
        Details::Cpd(_) => 2,
        _ => 0,
    }
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
///   before each entry is written ([`fits_schema`]) instead of by SQLite: SQLite builds a
///   small table for every `x IN (…)` constraint of every row it inserts, which cost a
///   sixth of the import. An entry that fails them is not written, and [`Importer::add`]
///   says so: the caller imports the file again with SQLite's checks
///   ([`Store::import_entries`]), which names the constraint as before.
/// - A 16 MiB page cache for the transaction (instead of 2 MiB) keeps the indexes'
///   pages in memory: pages written out and changed again were written twice over.
/// - When no other connection has the journal open, the import runs with a rollback
///   journal instead of the write-ahead log, and the journal goes back to WAL after it.
///   Through the WAL, every page of an import is written twice (to the log, then copied
///   into the journal at the commit, each synced): a second of the five that 100,000
///   entries took. A rollback journal keeps only the pages the import changes that held
///   something before, which for new entries is almost nothing; the transaction is as
///   atomic. While it runs, another praxis waits to open the journal (as it would to
///   write to it), instead of reading it as it was.
pub struct Importer<'s> {
    conn: &'s Connection,
    /// The transaction is open (neither committed nor rolled back yet).
    open: bool,
    /// The journal was switched from WAL to a rollback journal for the import.
    rollback_journal: bool,
    /// The schema's CHECK constraints are tested by [`fits_schema`], not by SQLite.
    checks_here: bool,
    /// The page cache size to put back.
    cache_size: i64,
    now: DateTime<Utc>,
    /// Entries with a row id above this were added by this import.
    before: i64,
    /// Entries that existed before and were replaced: to index again at the end.
    replaced: Vec<i64>,
    /// (name, SQL) of the triggers set aside.
    triggers: Vec<(String, String)>,
    /// Records and CPD records, written after everything else: they point at entries
    /// (preps, reflections) that may come later in the file.
    later: Vec<Entry>,
    report: ImportReport,
}

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

/// Whether an entry satisfies the schema's CHECK constraints that its types do not
/// guarantee already: ranges of numbers, and a four-digit year. Every other constraint
/// is a list of words, and the model's enums write only those (the test
/// `every_word_of_the_model_passes_the_schema` keeps the two lists the same).
#[must_use]
pub fn fits_schema(e: &Entry) -> bool {
    let day = (0..=9999).contains(&e.occurred_on.year());
    let checkin = e.checkin.as_ref().is_none_or(|c| c.validate().is_ok());
    let details = match &e.details {
        Details::CallIn(c) => c.rating.is_none_or(|r| (1..=5).contains(&r)),
        Details::StageNote(n) => {
            n.importance.is_none_or(|v| v <= 10) && n.confidence.is_none_or(|v| v <= 10)
        }
        Details::Supervision(s) => s.length_minutes.is_none_or(|m| m > 0),
        Details::Cpd(c) => c.hours >= 0.0,
        Details::None => true,
    };
    day && checkin && details
}

impl Store {
    /// Starts an import that tests the schema's constraints itself (see [`Importer`]):
    /// takes the write lock, and sets the search index's triggers aside until
    /// [`Importer::finish`].
    pub fn importer(&mut self) -> Result<Importer<'_>> {
        self.begin_import(true)
    }

    fn begin_import(&mut self, checks_here: bool) -> Result<Importer<'_>> {
        keep_freed_memory();
        let conn = &self.conn;
        let cache_size: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        // Statements are compiled with or without the CHECK constraints: none compiled
        // before may be used, nor any compiled now after the import.
        conn.flush_prepared_statement_cache();
        let rollback_journal = self.path.is_some() && leave_wal(conn);
        let mut import = Importer {
            conn,
            open: false,
            rollback_journal,
            checks_here,
            cache_size,
            now: chrono::Utc::now(),
            before: 0,
            replaced: Vec::new(),
            triggers: Vec::new(),
            later: Vec::new(),
            report: ImportReport::default(),
        };
        // From here on, dropping `import` puts everything back.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        import.open = true;
        import.before =
            conn.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        import.triggers = conn
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                 AND name IN ('entries_fts_insert', 'entries_fts_update') ORDER BY name",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if import.triggers.len() != 2 {
            return Err(StoreError::Damaged(
                "the search index's triggers are missing".into(),
            ));
        }
        for (name, _) in &import.triggers {
            conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
        }
        conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        if checks_here {
            conn.pragma_update(None, "ignore_check_constraints", true)?;
        }
        Ok(import)
    }

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
        let mut import = self.begin_import(false)?;
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

impl Importer<'_> {
    fn tx(&self) -> Result<&Connection> {
        if self.open {
            Ok(self.conn)
        } else {
            Err(StoreError::Damaged("the import has ended".into()))
        }
    }

    /// Ends the transaction if it is still open (committing or rolling back), and puts the
    /// connection back as it was: the page cache, SQLite's checks, no statement compiled
    /// without them left to reuse, and the write-ahead log.
    fn end(&mut self, commit: bool) -> Result<()> {
        let ended = if self.open {
            self.open = false;
            self.conn
                .execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })
        } else {
            Ok(())
        };
        let restored = self
            .conn
            .pragma_update(None, "ignore_check_constraints", false)
            .and_then(|()| self.conn.pragma_update(None, "cache_size", self.cache_size));
        self.conn.flush_prepared_statement_cache();
        if std::mem::take(&mut self.rollback_journal) {
            // As when the journal is opened: wait for a praxis that came meanwhile.
            let _ = self.conn.pragma_update(None, "journal_mode", "WAL");
        }
        if ended.is_err() && commit {
            // Nothing may stay half done: a failed commit leaves the transaction open.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        ended?;
        restored?;
        Ok(())
    }

    /// The subjects a file declares (pseudonym key, type), before its entries; a key
    /// already in the journal (in any case) keeps its type.
    pub fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<()> {
        let tx = self.tx()?;
        for (key, kind) in subjects {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO subjects (key, type, created_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![key, kind.as_str(), ts(self.now)])?;
        }
        Ok(())
    }

    /// Saves one entry read from the file (records and CPD records at the end). Returns
    /// false, writing nothing, if the entry breaks one of the schema's constraints: then
    /// the file should be imported with [`Store::import_entries`], whose error names it.
    pub fn add(&mut self, e: Entry) -> Result<bool> {
        if self.checks_here && !fits_schema(&e) {
            return Ok(false);
        }
        if order(&e) > 0 {
            self.later.push(e);
            return Ok(true);
        }
        self.write(&e)?;
        Ok(true)
    }

    fn write(&mut self, e: &Entry) -> Result<()> {
        let before = self.before;
        self.tx()?;
        let tx = self.conn;
        if insert_new_entry_tx(tx, e)?.is_some() {
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
        replace_entry_tx(tx, rowid, e)?;
        self.report.merged += 1;
        Ok(())
    }

    /// Writes what is left, indexes the new and changed entries for search, puts the
    /// triggers back, and commits (or, with `dry_run`, rolls everything back).
    pub fn finish(mut self, dry_run: bool) -> Result<ImportReport> {
        let mut later = std::mem::take(&mut self.later);
        later.sort_by_key(order);
        for e in &later {
            self.write(e)?;
        }
        drop(later);
        let tx = self.tx()?;
        tx.execute(
            "INSERT INTO entries_fts (rowid, title, body, sections_text)
             SELECT id, title, body, sections_text FROM entries
             WHERE id > ?1 OR id IN (SELECT value FROM json_each(?2))",
            params![self.before, id_list(&self.replaced)],
        )?;
        for (_, sql) in &self.triggers {
            tx.execute_batch(sql)?;
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

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _};

    use super::*;
    use crate::model::{
        Action, ActionStatus, AgendaItem, Approach, CallIn, CallInStatus, Carrying, Certainty,
        ChangeTalk, ChangeTalkCode, CheckIn, Cpd, EntryKind, Function, Load, MiProcess, Rupture,
        Scope, SessionStage, SessionType, Stage, StageNote, StrengthTag, Supervision, Want, Whose,
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
            assert!(!import.add(e).unwrap(), "{what}");
            drop(import);
            assert_eq!(
                s.count_entries(&crate::store::EntryFilter::default())
                    .unwrap(),
                0
            );
        }
    }

    #[test]
    fn an_import_leaves_the_connection_checking_again() {
        let mut s = Store::open_in_memory().unwrap();
        let mut import = s.importer().unwrap();
        assert!(import.add(entry(EntryKind::Reflection, 1)).unwrap());
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
        assert!(import.add(entry(EntryKind::Reflection, 3)).unwrap());
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

    fn journal_mode(s: &Store) -> String {
        s.conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
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
        let mut import = s.importer().unwrap();
        assert!(import.rollback_journal, "nobody else has the journal open");
        assert!(import.add(entry(EntryKind::Reflection, 30)).unwrap());
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

    #[test]
    fn another_praxis_reading_the_journal_can_go_on_during_an_import() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let reader = Store::open(&path).unwrap();
        let mut s = Store::open(&path).unwrap();
        s.insert_entry(&entry(EntryKind::Reflection, 0)).unwrap();
        let mut import = s.importer().unwrap();
        assert!(
            !import.rollback_journal,
            "another connection has the journal open"
        );
        for n in 1..10 {
            assert!(import.add(entry(EntryKind::Reflection, n)).unwrap());
        }
        // The import kept the write-ahead log: the other connection reads what was there.
        let all = crate::store::EntryFilter::default();
        assert_eq!(reader.count_entries(&all).unwrap(), 1);
        import.finish(false).unwrap();
        assert_eq!(reader.count_entries(&all).unwrap(), 10);
        assert_eq!(journal_mode(&s), "wal");
    }
}
