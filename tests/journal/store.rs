//! The journal store through the library API: migrations, refusal of files that are not
//! ours, the full-text index, permissions, paging, conflicts and id prefixes.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use praxis::model::{Action, CheckIn, Entry, EntryKind, Load, Scope, Section, StrengthTag, Whose};
use praxis::store::{APPLICATION_ID, EntryFilter, LATEST_VERSION, Store, StoreError};
use rusqlite::Connection;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn entry(title: &str, body: &str) -> Entry {
    let mut e = Entry::new(EntryKind::Reflection, day(18), now());
    e.title = title.into();
    e.body = body.into();
    e
}

fn with_id(uuid: &str, title: &str) -> Entry {
    let mut e = entry(title, "");
    e.id = uuid.parse().unwrap();
    e
}

fn journal() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    (dir, path)
}

/// Titles of the entries matching `q`, best first.
fn search(s: &Store, q: &str) -> Vec<String> {
    s.search(q, &EntryFilter::default(), 100)
        .unwrap()
        .into_iter()
        .map(|h| h.entry.title)
        .collect()
}

/// Row ids the full-text index itself returns for `q`, without the join to `entries`
/// that would hide stale index rows.
fn fts_rowids(path: &Path, q: &str) -> Vec<i64> {
    let c = Connection::open(path).unwrap();
    let mut st = c
        .prepare("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1 ORDER BY rowid")
        .unwrap();
    st.query_map([q], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// FTS5's own check that the index matches the `entries` content.
fn fts_integrity(path: &Path) {
    let c = Connection::open(path).unwrap();
    c.execute(
        "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------
// opening and migrating

#[test]
fn a_new_journal_is_migrated_to_the_latest_version() {
    let (dir, path) = journal();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(s.path(), Some(path.as_path()));
    drop(s);
    let c = Connection::open(&path).unwrap();
    let app: i64 = c
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    for table in [
        "entries",
        "sections",
        "entry_strengths",
        "entry_tags",
        "checkins",
        "actions",
        "subjects",
        "entries_fts",
    ] {
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "no table {table}");
    }
    drop(c);
    // Opening again neither migrates nor backs up.
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    drop(s);
    assert!(
        !files_in(dir.path()).iter().any(|f| f.contains(".before-v")),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn an_empty_file_becomes_a_journal() {
    let (_dir, path) = journal();
    std::fs::write(&path, b"").unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn an_in_memory_journal_works() {
    let mut s = Store::open_in_memory().unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    s.insert_entry(&entry("Memory", "only")).unwrap();
    assert_eq!(search(&s, "only"), ["Memory"]);
}

#[test]
fn a_newer_journal_is_refused_and_left_byte_for_byte() {
    for journal_mode in ["DELETE", "WAL"] {
        let (dir, path) = journal();
        {
            let mut s = Store::open(&path).unwrap();
            s.insert_entry(&entry("From the future", "text")).unwrap();
        }
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
            c.pragma_update(None, "application_id", 1_347_573_843_i64)
                .unwrap();
            c.pragma_update(None, "journal_mode", journal_mode).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let files = files_in(dir.path());
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerSchema {
                    found: 99,
                    supported: LATEST_VERSION,
                    ..
                }
            ),
            "{err:?}"
        );
        let msg = err.to_string();
        assert!(msg.contains("journal version 99"), "{msg}");
        assert!(
            msg.contains(&format!("up to version {LATEST_VERSION}")),
            "{msg}"
        );
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{journal_mode}");
        assert_eq!(files_in(dir.path()), files, "no backup, no side files");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 99);
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let (_dir, path) = journal();
    for content in [
        b"Dear diary, today I learned that SQLite has a header.\n".repeat(50),
        b"abc".to_vec(),
        b"SQLite format 3\0 but then garbage follows instead of a database page".repeat(20),
    ] {
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NotAJournal { .. }),
            "{err:?} for {:?}",
            String::from_utf8_lossy(&content[..20.min(content.len())])
        );
        assert!(err.to_string().contains("untouched"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), content);
    }
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let (dir, path) = journal();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO recipes (name) VALUES ('soup');",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("another program"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["journal.sqlite3"]);

    // A database with someone else's application id, even an empty one.
    let other = dir.path().join("other.sqlite3");
    {
        let c = Connection::open(&other).unwrap();
        c.pragma_update(None, "application_id", 42).unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_directory_is_not_a_journal() {
    let (dir, _) = journal();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn the_journal_file_and_its_new_directories_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/journal.sqlite3");
    let mut s = Store::open(&path).unwrap();
    s.insert_entry(&entry("Private", "words")).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("a")), 0o700);
    assert_eq!(mode(&dir.path().join("a/b")), 0o700);
    // SQLite's side files take the journal's permissions.
    for side in ["journal.sqlite3-wal", "journal.sqlite3-shm"] {
        let p = dir.path().join("a/b").join(side);
        if p.exists() {
            assert_eq!(mode(&p) & 0o077, 0, "{side}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// entries

fn full_entry() -> Entry {
    let mut e = Entry::new(EntryKind::Reflection, day(14), now());
    e.model = Some("gibbs".into());
    e.title = "Handover".into();
    e.body = "Some body text".into();
    e.sections = vec![
        Section {
            key: "description".into(),
            label: "Description".into(),
            text: "What happened".into(),
        },
        Section {
            key: "action-plan".into(),
            label: "Action plan".into(),
            text: "- [ ] Ask for a debrief".into(),
        },
    ];
    e.scope = Scope::Supervision;
    e.for_supervision = true;
    e.strengths = vec![
        StrengthTag::new("listening", Whose::Mine),
        StrengthTag::new("teamwork", Whose::Team),
    ];
    e.tags = vec!["handover".into(), "nights".into()];
    e.checkin = Some(CheckIn {
        mood: Some(3),
        energy: Some(2),
        load: Some(Load::Heavy),
        carrying: None,
        word: Some("tired".into()),
        helped: None,
    });
    e.actions = vec![Action::new("Ask for a debrief", Some(day(25)))];
    e
}

#[test]
fn an_entry_is_read_back_as_written() {
    let mut s = Store::open_in_memory().unwrap();
    let e = full_entry();
    let rowid = s.insert_entry(&e).unwrap();
    let got = s.entry_by_rowid(rowid).unwrap();
    assert_eq!(got.version, 1);
    assert_eq!(Entry { version: 0, ..got }, e);
    assert_eq!(s.resolve_id(&e.short_id()).unwrap(), rowid);
}

#[test]
fn a_failed_insert_leaves_nothing_behind() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = full_entry();
    e.title = "Atomic".into();
    // The schema refuses a mood of 9: the entry row written before it must go too.
    e.checkin = Some(CheckIn {
        mood: Some(9),
        ..CheckIn::default()
    });
    s.insert_entry(&e).unwrap_err();
    assert_eq!(s.count_entries(&EntryFilter::default()).unwrap(), 0);
    assert!(search(&s, "atomic").is_empty());
    assert!(s.tag_counts().unwrap().is_empty());
    assert!(s.strength_counts().unwrap().is_empty());
}

#[test]
fn a_failed_update_changes_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let rowid = s.insert_entry(&full_entry()).unwrap();
    let mut e = s.entry_by_rowid(rowid).unwrap();
    let before = e.clone();
    e.title = "Changed title".into();
    e.tags = vec!["changed".into()];
    e.checkin = Some(CheckIn {
        energy: Some(0),
        ..CheckIn::default()
    });
    s.update_entry(&e, now()).unwrap_err();
    assert_eq!(s.entry_by_rowid(rowid).unwrap(), before);
    assert!(search(&s, "changed").is_empty());
}

#[test]
fn saving_a_stale_copy_is_a_conflict_and_changes_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let rowid = s.insert_entry(&entry("Original", "text")).unwrap();
    let mut mine = s.entry_by_rowid(rowid).unwrap();
    let mut theirs = mine.clone();
    mine.title = "Mine".into();
    let later = now() + chrono::Duration::minutes(5);
    let saved = s.update_entry(&mine, later).unwrap();
    assert_eq!(saved.title, "Mine");
    assert_eq!(saved.version, 2);
    assert_eq!(saved.updated_at, later);
    assert_eq!(saved.created_at, now());

    theirs.title = "Theirs".into();
    theirs.body = "overwritten?".into();
    let err = s.update_entry(&theirs, later).unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict(ref id) if *id == mine.short_id()),
        "{err:?}"
    );
    assert!(err.to_string().contains("was not saved"), "{err}");
    assert_eq!(s.entry_by_rowid(rowid).unwrap(), saved);
    assert!(search(&s, "overwritten").is_empty());
    assert_eq!(search(&s, "mine"), ["Mine"]);

    // Trashing bumps the version too: an editor still open on it cannot save.
    let open_copy = s.entry_by_rowid(rowid).unwrap();
    assert!(s.trash_entry(rowid, later).unwrap());
    assert!(matches!(
        s.update_entry(&open_copy, later).unwrap_err(),
        StoreError::Conflict(_)
    ));

    // An entry that is not there at all.
    let ghost = entry("Ghost", "");
    assert!(matches!(
        s.update_entry(&ghost, later).unwrap_err(),
        StoreError::NotFound(_)
    ));
}

#[test]
fn resolve_id_finds_unique_prefixes_and_reports_ambiguous_ones() {
    let mut s = Store::open_in_memory().unwrap();
    let a = s
        .insert_entry(&with_id("abcd1234-0000-4000-8000-000000000001", "A"))
        .unwrap();
    let b = s
        .insert_entry(&with_id("abcd1234-0000-4000-8000-000000000002", "B"))
        .unwrap();
    let c = s
        .insert_entry(&with_id("abcd5678-0000-4000-8000-000000000003", "C"))
        .unwrap();
    assert_eq!(s.resolve_id("abcd5").unwrap(), c);
    assert_eq!(s.resolve_id("ABCD5678").unwrap(), c);
    assert_eq!(s.resolve_id(" abcd-5678 ").unwrap(), c);
    assert_eq!(
        s.resolve_id("abcd1234-0000-4000-8000-000000000001")
            .unwrap(),
        a
    );
    let hex_b = "abcd1234-0000-4000-8000-000000000002".replace('-', "");
    assert_eq!(hex_b.len(), 32);
    assert_eq!(s.resolve_id(&hex_b).unwrap(), b);
    assert_eq!(s.resolve_id(&hex_b.to_uppercase()).unwrap(), b);

    match s.resolve_id("abcd").unwrap_err() {
        StoreError::Ambiguous { prefix, candidates } => {
            assert_eq!(prefix, "abcd");
            assert_eq!(candidates.len(), 3, "{candidates:?}");
        }
        other => panic!("{other:?}"),
    }
    let err = s.resolve_id("abcd1234").unwrap_err();
    let StoreError::Ambiguous { candidates, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(candidates.len(), 2, "{candidates:?}");
    // The candidates tell the two apart: typing one of them picks that entry.
    assert_ne!(candidates[0], candidates[1], "{err}");
    for (cand, want) in candidates.iter().zip([a, b]) {
        let typed = cand.split_whitespace().next().unwrap();
        assert_eq!(s.resolve_id(typed).unwrap(), want, "{err}");
    }
    assert!(err.to_string().contains("ambiguous"), "{err}");

    assert!(matches!(
        s.resolve_id("ffff").unwrap_err(),
        StoreError::NotFound(_)
    ));
    let too_long = format!("{hex_b}0");
    for bad in ["abc", "", "wxyz", "abcd!", too_long.as_str()] {
        assert!(
            matches!(s.resolve_id(bad).unwrap_err(), StoreError::BadId(_)),
            "{bad}"
        );
    }
}

#[test]
fn keyset_paging_walks_every_entry_once_in_order() {
    let mut s = Store::open_in_memory().unwrap();
    // 23 entries over 9 days, several on the same day, inserted out of order.
    for i in 0..23_u32 {
        let mut e = entry(&format!("Entry {i}"), "");
        e.occurred_on = day(1 + (i * 7) % 9);
        s.insert_entry(&e).unwrap();
    }
    let f = EntryFilter::default();
    let all = s.list_entries(&f, None, 1000).unwrap();
    assert_eq!(all.len(), 23);
    for w in all.windows(2) {
        assert!(
            (w[0].occurred_on, w[0].rowid) > (w[1].occurred_on, w[1].rowid),
            "not newest first: {} then {}",
            w[0].title,
            w[1].title
        );
    }
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = s.list_entries(&f, after, 5).unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 5);
        let last = page.last().unwrap();
        after = Some((last.occurred_on, last.rowid));
        paged.extend(page);
    }
    let titles =
        |v: &[praxis::model::EntrySummary]| v.iter().map(|e| e.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&paged), titles(&all));
    // Paging works with a filter too.
    let f = EntryFilter {
        since: Some(day(4)),
        until: Some(day(7)),
        ..EntryFilter::default()
    };
    let want = s.list_entries(&f, None, 1000).unwrap();
    let first = s.list_entries(&f, None, 3).unwrap();
    let last = first.last().unwrap();
    let rest = s
        .list_entries(&f, Some((last.occurred_on, last.rowid)), 1000)
        .unwrap();
    assert_eq!(
        titles(&[first, rest].concat()),
        titles(&want),
        "no overlap, no gap"
    );
    assert_eq!(
        s.count_entries(&f).unwrap(),
        i64::try_from(want.len()).unwrap()
    );
}

// ---------------------------------------------------------------------------------------
// full-text index

#[test]
fn the_index_follows_insert_update_trash_and_delete() {
    let (_dir, path) = journal();
    let mut s = Store::open(&path).unwrap();
    let mut e = full_entry();
    e.title = "Aardvark visit".into();
    e.body = "We talked about the badger.".into();
    e.sections[0].text = "The capybara was calm.".into();
    let rowid = s.insert_entry(&e).unwrap();
    let other = s.insert_entry(&entry("Unrelated", "zebra")).unwrap();

    // Insert: title, body and section text are all found.
    for word in ["aardvark", "badger", "capybara"] {
        assert_eq!(search(&s, word), ["Aardvark visit"], "{word}");
        assert_eq!(fts_rowids(&path, word), [rowid], "{word}");
    }
    fts_integrity(&path);

    // Update: old words are gone, new ones found.
    let mut e = s.entry_by_rowid(rowid).unwrap();
    e.title = "Dingo visit".into();
    e.body = "We talked about the echidna.".into();
    e.sections[0].text = "The ferret was calm.".into();
    s.update_entry(&e, now()).unwrap();
    for word in ["aardvark", "badger", "capybara"] {
        assert!(search(&s, word).is_empty(), "{word} still found");
        assert!(fts_rowids(&path, word).is_empty(), "{word} still indexed");
    }
    for word in ["dingo", "echidna", "ferret", "calm"] {
        assert_eq!(search(&s, word), ["Dingo visit"], "{word}");
    }
    fts_integrity(&path);

    // Trash: out of search results, still indexed so that restore finds it again.
    assert!(s.trash_entry(rowid, now()).unwrap());
    assert!(!s.trash_entry(rowid, now()).unwrap());
    assert!(search(&s, "dingo").is_empty());
    assert_eq!(fts_rowids(&path, "dingo"), [rowid]);
    let trash = EntryFilter {
        trashed: true,
        ..EntryFilter::default()
    };
    assert_eq!(s.count_entries(&trash).unwrap(), 1);
    assert!(s.restore_entry(rowid).unwrap());
    assert!(!s.restore_entry(rowid).unwrap());
    assert_eq!(search(&s, "dingo"), ["Dingo visit"]);

    // Empty the trash: the row, its parts and its index entries are gone for good.
    assert!(s.trash_entry(rowid, now()).unwrap());
    assert_eq!(s.empty_trash().unwrap(), 1);
    assert_eq!(s.empty_trash().unwrap(), 0);
    for word in ["dingo", "echidna", "ferret"] {
        assert!(fts_rowids(&path, word).is_empty(), "{word} still indexed");
    }
    assert_eq!(fts_rowids(&path, "zebra"), [other]);
    fts_integrity(&path);
    assert!(matches!(
        s.entry_by_rowid(rowid).unwrap_err(),
        StoreError::NotFound(_)
    ));
    let c = Connection::open(&path).unwrap();
    for table in [
        "sections",
        "entry_strengths",
        "entry_tags",
        "checkins",
        "actions",
    ] {
        let n: i64 = c
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE entry_id = ?1"),
                [rowid],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{table} kept rows of a deleted entry");
    }
}

/// One entry of the trash deleted for good: only it, only from the trash, with its
/// index entries, its parts and any unsaved edit of it; nothing of its words left in the
/// journal's file or its log.
#[test]
fn one_entry_of_the_trash_is_deleted_for_good_and_nothing_else() {
    let (_dir, path) = journal();
    let mut s = Store::open(&path).unwrap();
    let mut gone = entry(
        "Quokka visit",
        "Wrote the wrong name: Wallaroo Nightingale.",
    );
    gone.actions.push(Action::new("ring back", None));
    let kept = entry("Numbat visit", "Also in the trash, kept there.");
    let live = entry("Bilby visit", "Never trashed.");
    let gone_id = s.insert_entry(&gone).unwrap();
    let kept_id = s.insert_entry(&kept).unwrap();
    let live_id = s.insert_entry(&live).unwrap();
    let writer = praxis::process::Writer {
        pid: 1,
        started: None,
    };
    s.save_draft(
        None,
        Some(&gone.id.to_string()),
        "an unsaved edit naming Wallaroo Nightingale",
        now(),
        &writer,
    )
    .unwrap();
    s.save_draft(None, None, "another draft", now(), &writer)
        .unwrap();
    // A live entry is not deleted for good: it goes to the trash first.
    assert!(!s.delete_for_good(live_id).unwrap());
    assert!(s.entry_by_rowid(live_id).is_ok());
    assert!(s.trash_entry(gone_id, now()).unwrap());
    assert!(s.trash_entry(kept_id, now()).unwrap());
    assert!(s.delete_for_good(gone_id).unwrap());
    assert!(!s.delete_for_good(gone_id).unwrap());
    assert!(matches!(
        s.entry_by_rowid(gone_id).unwrap_err(),
        StoreError::NotFound(_)
    ));
    let trash = EntryFilter {
        trashed: true,
        ..EntryFilter::default()
    };
    assert_eq!(
        s.count_entries(&trash).unwrap(),
        1,
        "the other stays in the trash"
    );
    assert!(s.entry_by_rowid(live_id).is_ok());
    assert!(fts_rowids(&path, "quokka").is_empty());
    assert_eq!(fts_rowids(&path, "numbat"), [kept_id]);
    fts_integrity(&path);
    let drafts: Vec<String> = s.drafts().unwrap().into_iter().map(|d| d.data).collect();
    assert_eq!(drafts, ["another draft"]);
    drop(s);
    for file in files_in(path.parent().unwrap()) {
        let bytes = std::fs::read(path.parent().unwrap().join(&file)).unwrap();
        assert!(
            !bytes
                .windows(9)
                .any(|w| w.eq_ignore_ascii_case(b"nightinga")),
            "{file} keeps the words of an entry deleted for good"
        );
    }
}

#[test]
fn search_ranks_title_matches_first_and_marks_the_snippet() {
    let mut s = Store::open_in_memory().unwrap();
    s.insert_entry(&entry("Shift notes", "Stayed calm through the night."))
        .unwrap();
    s.insert_entry(&entry("Calm", "A quiet one.")).unwrap();
    let hits = s.search("calm", &EntryFilter::default(), 10).unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].entry.title, "Calm");
    assert!(hits[0].rank <= hits[1].rank);
    let marked = format!(
        "{}calm{}",
        praxis::store::HIGHLIGHT_START,
        praxis::store::HIGHLIGHT_END
    );
    assert!(hits[1].snippet.contains(&marked), "{:?}", hits[1].snippet);
    assert!(
        s.search("  ", &EntryFilter::default(), 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.search("calm", &EntryFilter::default(), 1).unwrap().len(),
        1
    );
}

#[test]
fn counts_leave_out_the_trash() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = entry("A", "");
    a.strengths = vec![
        StrengthTag::new("listening", Whose::Mine),
        StrengthTag::new("listening", Whose::Person),
    ];
    a.tags = vec!["ward".into()];
    s.insert_entry(&a).unwrap();
    let mut b = entry("B", "");
    b.strengths = vec![StrengthTag::new("listening", Whose::Mine)];
    b.tags = vec!["ward".into(), "nights".into()];
    let rb = s.insert_entry(&b).unwrap();
    let counts = s.strength_counts().unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (counts[0].mine, counts[0].person, counts[0].team),
        (2, 1, 0)
    );
    let tags = s.tag_counts().unwrap();
    assert_eq!(
        tags.iter()
            .map(|t| (t.name.as_str(), t.count))
            .collect::<Vec<_>>(),
        [("ward", 2), ("nights", 1)]
    );
    s.trash_entry(rb, now()).unwrap();
    assert_eq!(s.strength_counts().unwrap()[0].mine, 1);
    assert_eq!(s.tag_counts().unwrap().len(), 1);
}

#[test]
fn concurrent_writers_wait_for_each_other() {
    // Eight connections at once on a journal that does not exist yet: creating,
    // migrating and writing are serialised by the busy timeout, none fails.
    let (_dir, path) = journal();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || -> Result<(), String> {
                let mut s = Store::open(&path).map_err(|e| e.to_string())?;
                for n in 0..5 {
                    s.insert_entry(&entry(&format!("Writer {i} entry {n}"), "text"))
                        .map_err(|e| e.to_string())?;
                }
                let rowid = s
                    .resolve_id(
                        &s.list_entries(&EntryFilter::default(), None, 1)
                            .map_err(|e| e.to_string())?[0]
                            .short_id,
                    )
                    .map_err(|e| e.to_string())?;
                let mut e = s.entry_by_rowid(rowid).map_err(|e| e.to_string())?;
                e.body = format!("edited by {i}");
                match s.update_entry(&e, now()) {
                    Ok(_) | Err(StoreError::Conflict(_)) => Ok(()),
                    Err(e) => Err(e.to_string()),
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap().unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.count_entries(&EntryFilter::default()).unwrap(), 40);
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    fts_integrity(&path);
}

#[test]
fn a_version_3_journal_is_migrated_with_its_counts_and_days() {
    // Written by praxis with schema version 3: a three-month demo journal, two entries
    // of it in the trash.
    let (dir, path) = journal();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal/v3.sqlite3"),
        &path,
    )
    .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert!(
        std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".before-v4-")),
        "a backup is taken before migrating"
    );
    assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
    let live = EntryFilter::default();
    let trash = EntryFilter {
        trashed: true,
        ..EntryFilter::default()
    };
    assert_eq!(s.count_entries(&live).unwrap(), 100);
    assert_eq!(s.count_entries(&trash).unwrap(), 2);
    let c = Connection::open(&path).unwrap();
    let counted = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        counted("SELECT count(*) FROM entry_tags WHERE occurred_on IS NULL"),
        0
    );
    assert_eq!(
        counted("SELECT count(*) FROM entry_strengths WHERE occurred_on IS NULL"),
        0
    );
    // A tag's entries, newest first, as the entries say.
    let tag = s.tag_counts().unwrap()[0].name.clone();
    let tagged = s
        .list_entries(
            &EntryFilter {
                tag: Some(tag.clone()),
                ..EntryFilter::default()
            },
            None,
            1000,
        )
        .unwrap();
    let expected = counted(&format!(
        "SELECT count(*) FROM entry_tags t JOIN entries e ON e.id = t.entry_id
         WHERE t.tag = '{tag}' AND e.deleted_at IS NULL"
    ));
    assert_eq!(tagged.len() as i64, expected);
    assert!(
        tagged
            .windows(2)
            .all(|w| (w[0].occurred_on, w[0].rowid) > (w[1].occurred_on, w[1].rowid))
    );
    // Writing after the migration keeps the counts.
    drop(c);
    let mut s = s;
    s.insert_entry(&entry("After the move", "written at the latest version"))
        .unwrap();
    assert_eq!(s.count_entries(&live).unwrap(), 101);
    assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
}
