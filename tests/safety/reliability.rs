//! Damaged files, backups, `praxis doctor`, `kill -9` in the middle of a migration, an
//! export or a bulk delete, and the one door to the journal file, through the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::praxis;
use predicates::prelude::*;

fn backups(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("j/backups"))
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_daily_backup_is_taken_once_the_journal_has_entries() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .args(["add", "first"])
        .assert()
        .success();
    assert!(
        backups(d.path()).is_empty(),
        "an empty journal is not backed up"
    );
    praxis(&d.path().join("j"))
        .args(["add", "second"])
        .assert()
        .success();
    praxis(&d.path().join("j")).arg("list").assert().success();
    assert_eq!(backups(d.path()), ["journal-20260318-200000.sqlite3"]);
    // The next day brings the next copy; only `keep` automatic copies stay.
    std::fs::write(d.path().join("j/config.toml"), "[backup]\nkeep = 2\n").unwrap();
    for day in ["19", "20", "21"] {
        praxis(&d.path().join("j"))
            .env("PRAXIS_NOW", format!("2026-03-{day}T09:00:00+00:00"))
            .arg("list")
            .assert()
            .success();
    }
    assert_eq!(
        backups(d.path()),
        [
            "journal-20260320-090000.sqlite3",
            "journal-20260321-090000.sqlite3"
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = std::fs::metadata(d.path().join("j/backups"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir & 0o777, 0o700);
        let file = std::fs::metadata(d.path().join("j/backups/journal-20260321-090000.sqlite3"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(file & 0o777, 0o600);
    }
}

#[test]
fn doctor_reports_a_healthy_journal_and_a_broken_index() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .args(["add", "A calm night on the ward"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok  integrity"))
        .stdout(predicate::str::contains("ok  search index"));
    let db = d.path().join("j/journal.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute("DELETE FROM entries_fts_data WHERE id > 10", [])
            .unwrap();
    }
    praxis(&d.path().join("j"))
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("--rebuild-index"));
    praxis(&d.path().join("j"))
        .args(["doctor", "--rebuild-index"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .args(["search", "calm"])
        .assert()
        .success()
        .stdout(predicate::str::contains("A calm night"));
}

#[test]
fn doctor_reports_counts_that_went_wrong_and_rebuilds_them() {
    let d = tempfile::tempdir().unwrap();
    for title in ["A calm night on the ward", "Handover ran late"] {
        praxis(&d.path().join("j"))
            .args(["add", title])
            .assert()
            .success();
    }
    praxis(&d.path().join("j"))
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok  counts"));
    let db = d.path().join("j/journal.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute("UPDATE count_kinds SET live = live + 40", [])
            .unwrap();
    }
    praxis(&d.path().join("j"))
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("count_kinds differ"))
        .stdout(predicate::str::contains("--rebuild-index"));
    praxis(&d.path().join("j"))
        .args(["doctor", "--rebuild-index"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok  counts"));
    praxis(&d.path().join("j"))
        .assert()
        .success()
        .stdout(predicate::str::contains("2 entries"));
}

#[test]
fn doctor_flags_a_journal_others_can_read() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .args(["add", "x"])
        .assert()
        .success();
    let db = d.path().join("j/journal.sqlite3");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        praxis(&d.path().join("j"))
            .arg("doctor")
            .assert()
            .code(1)
            .stdout(predicate::str::contains("chmod 600"));
    }
}

#[test]
fn a_damaged_journal_is_left_untouched_and_a_backup_brings_it_back() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .args(["add", "kept safe"])
        .assert()
        .success();
    praxis(&d.path().join("j")).arg("backup").assert().success();
    let db = d.path().join("j/journal.sqlite3");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &garbage).unwrap();
    praxis(&d.path().join("j"))
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("praxis doctor"))
        .stderr(predicate::str::contains("The latest backup is"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the damaged file must not change"
    );
    praxis(&d.path().join("j"))
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not an SQLite database"));
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
    praxis(&d.path().join("j"))
        .args(["backup", "restore"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--yes"));
    praxis(&d.path().join("j"))
        .args(["backup", "restore", "--yes"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("kept safe"));
    let aside: Vec<_> = std::fs::read_dir(d.path().join("j"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite3"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        garbage,
        "the damaged file is kept as it was"
    );
}

#[test]
fn restore_backs_up_the_current_journal_first() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .args(["add", "before"])
        .assert()
        .success();
    let copy = d.path().join("copy.sqlite3");
    praxis(&d.path().join("j"))
        .args(["backup", copy.to_str().unwrap()])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .args(["backup", copy.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    praxis(&d.path().join("j"))
        .args(["add", "after"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .args(["backup", "restore", copy.to_str().unwrap(), "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("before-restore"));
    praxis(&d.path().join("j"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("after").not());
    let safety = backups(d.path())
        .into_iter()
        .find(|n| n.contains("before-restore"))
        .unwrap();
    praxis(&d.path().join("j"))
        .args(["backup", "restore", &safety, "--yes"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("after"));
    praxis(&d.path().join("j"))
        .args(["backup", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("before-restore"));
    praxis(&d.path().join("j"))
        .args(["backup", "restore", "nope.sqlite3", "--yes"])
        .assert()
        .code(1);
}

#[test]
fn parallel_starts_take_one_daily_backup_between_them() {
    let d = tempfile::tempdir().unwrap();
    // Entries written on the 17th; the 18th's first starts race for the daily backup.
    for text in ["one", "two"] {
        praxis(&d.path().join("j"))
            .env("PRAXIS_NOW", "2026-03-17T10:00:00+00:00")
            .args(["add", text])
            .assert()
            .success();
    }
    let before = backups(d.path()).len();
    let children: Vec<_> = (0..8)
        .map(|_| {
            common::praxis_std(&d.path().join("j"))
                .arg("list")
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("backup failed"), "{err}");
    }
    assert_eq!(
        backups(d.path()).len(),
        before + 1,
        "{:?}",
        backups(d.path())
    );
}

#[test]
fn without_a_terminal_or_an_editor_add_says_how_to_give_text() {
    let d = tempfile::tempdir().unwrap();
    praxis(&d.path().join("j"))
        .arg("add")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("set $EDITOR"));
}

#[test]
fn praxis_config_may_name_a_file_not_yet_written_but_config_must_exist() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("nowhere/config.toml");
    praxis(&d.path().join("j"))
        .env("PRAXIS_CONFIG", &missing)
        .args(["add", "fine"])
        .assert()
        .success();
    praxis(&d.path().join("j"))
        .args(["--config", missing.to_str().unwrap(), "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}

// ---------------------------------------------------------------------------------------
// kill -9 in the middle of a migration, an export and a bulk delete.
// ---------------------------------------------------------------------------------------

/// The first schema as released. Migrations are append-only, so a journal built from this
/// file is exactly what praxis wrote before any later step existed.
const SCHEMA_V1: &str = include_str!("../../assets/schema/0001_initial.sql");

/// Writes a journal as schema version 1 left it, private like praxis's own, with `n`
/// reflections of about 2 KB each and the day's automatic backup already taken (so that
/// opening it migrates and does nothing else slow).
fn v1_journal(path: &Path, n: i64) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    c.execute_batch(&format!(
        "BEGIN; {SCHEMA_V1}\nPRAGMA user_version = 1; COMMIT;"
    ))
    .unwrap();
    c.execute(
        "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?1)
         INSERT INTO entries (uuid, kind, model, title, body, occurred_on, created_at, updated_at)
         SELECT printf('%08x-0000-4000-8000-%012x', n, n), 'reflection', 'free',
                printf('Shift %d', n),
                printf('Entry %d. ', n) || replace(hex(zeroblob(128)), '00', 'listened calmly '),
                date('2026-03-18', printf('-%d days', n % 3000)),
                '2026-03-18T20:00:00Z', '2026-03-18T20:00:00Z'
         FROM i",
        [n],
    )
    .unwrap();
    c.execute(
        "INSERT INTO meta (key, value) VALUES ('last_backup_on', '2026-03-18')",
        [],
    )
    .unwrap();
    drop(c);
    private(path);
}

/// Makes a file 0600, or a directory 0700, as praxis makes its own.
#[cfg(unix)]
fn private(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = if path.is_dir() { 0o700 } else { 0o600 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn private(_: &Path) {}

/// What a journal is, read straight from the file: its version, its schema (every table,
/// index and trigger with its SQL) and how many entries it holds.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    version: i64,
    schema: Vec<(String, String, Option<String>)>,
    entries: i64,
}

fn shape(db: &Path) -> Shape {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
        .unwrap();
    let version = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut st = c
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let schema = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let entries = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    Shape {
        version,
        schema,
        entries,
    }
}

/// A private temp dir holding a copy of `template` as its `journal.sqlite3`, which is where
/// [`common::praxis`] looks.
fn copy_of(template: &Path) -> tempfile::TempDir {
    let k = tempfile::tempdir().unwrap();
    private(k.path());
    std::fs::copy(template, k.path().join("journal.sqlite3")).unwrap();
    private(&k.path().join("journal.sqlite3"));
    k
}

/// Starts `praxis ARGS` on the journal in `dir` and kills it (SIGKILL) after `after`.
fn kill_after(dir: &Path, args: &[&str], after: Duration) {
    let mut child = common::praxis_std(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill(); // SIGKILL on Unix; an error only if it had already finished
    let _ = child.wait();
}

/// `n` points in time spread over `window`, from 0 to its end.
fn spread(window: Duration, n: u32) -> impl Iterator<Item = Duration> {
    (0..n).map(move |i| window * i / (n - 1))
}

#[test]
fn kill_9_during_a_migration_leaves_the_journal_as_before_or_after() {
    // Protection: every pending step and the new user_version are committed together, in
    // one transaction, and the backup taken first only reads the journal. Without it a
    // kill lands at a version in between, which matches neither shape: with each step
    // committed on its own (migrate() as it was when step 3 came), 2 runs in 10 failed
    // with "version 2 ... neither"; with one transaction for all steps, none in 8. The
    // schema comparison equally catches a step's SQL committed apart from its version.
    // Not tied to the newest version: "after" is whatever a whole run leaves.
    const N: i64 = 3_000;
    const KILLS: u32 = 12;
    let d = tempfile::tempdir().unwrap();
    let template = d.path().join("v1.sqlite3");
    v1_journal(&template, N);
    let before = shape(&template);
    assert_eq!(before.version, 1);
    // One run to the end: what "after" is, and how long getting there takes.
    let k = copy_of(&template);
    let t0 = Instant::now();
    common::praxis(k.path())
        .args(["list", "-n", "1"])
        .assert()
        .success();
    let window = t0.elapsed();
    let after = shape(&k.path().join("journal.sqlite3"));
    assert_eq!(after.version, praxis::store::LATEST_VERSION);
    assert_ne!(
        before.schema, after.schema,
        "the migration changes the schema"
    );
    drop(k);
    let mut killed = Vec::new();
    let (mut midway, mut done) = (0, 0);
    // From before praxis starts to a little past the time a whole run takes.
    for at in spread(window * 5 / 4, KILLS) {
        let k = copy_of(&template);
        let db = k.path().join("journal.sqlite3");
        kill_after(k.path(), &["list", "-n", "1"], at);
        let got = shape(&db);
        assert!(
            got == before || got == after,
            "killed after {at:?} of {window:?}: version {}, {} entries, schema {}",
            got.version,
            got.entries,
            if got.schema == before.schema {
                "as before".to_string()
            } else if got.schema == after.schema {
                "as after".to_string()
            } else {
                format!(
                    "neither: {:?} but not {:?}",
                    got.schema
                        .iter()
                        .filter(|s| !after.schema.contains(s))
                        .collect::<Vec<_>>(),
                    after
                        .schema
                        .iter()
                        .filter(|s| !got.schema.contains(s))
                        .collect::<Vec<_>>()
                )
            }
        );
        if got == before && began_migrating(k.path()) {
            midway += 1;
        }
        if got == after {
            done += 1;
        }
        common::praxis(k.path()).arg("doctor").assert().success();
        killed.push((at, k));
    }
    // The migration's backup is named to the second: a start in the same second as the
    // killed one trips over its leftover (see the ignored test below), so open them later.
    std::thread::sleep(Duration::from_millis(1100));
    for (at, k) in &killed {
        common::praxis(k.path())
            .args(["list", "-n", "1"])
            .assert()
            .success();
        let db = k.path().join("journal.sqlite3");
        assert_eq!(shape(&db), after, "killed after {at:?}, then opened again");
    }
    // A run whose kills all land before praxis starts, or after it ends, tests nothing.
    eprintln!("of {KILLS} kills over {window:?}, {midway} landed while migrating, {done} after it");
    assert!(
        midway > 0,
        "no kill landed while the journal was being migrated"
    );
}

/// Whether a praxis started migrating the journal in `dir` (its backup beside it exists).
fn began_migrating(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".before-v")
    })
}

#[test]
fn a_journal_whose_migration_was_killed_opens_again_at_once() {
    // Protection: the migration's backup is made under a temporary name and linked into
    // place when complete, so a killed run leaves no `journal.before-vN-<second>.sqlite3`
    // that would make the next start in the same second fail with `File exists`.
    let d = tempfile::tempdir().unwrap();
    let template = d.path().join("v1.sqlite3");
    v1_journal(&template, 3_000);
    let k = copy_of(&template);
    let mut child = common::praxis_std(k.path())
        .args(["list", "-n", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while !began_migrating(k.path()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(began_migrating(k.path()), "the migration never began");
    common::praxis(k.path())
        .args(["list", "-n", "1"])
        .assert()
        .success();
}

/// A private temp dir whose `journal.sqlite3` (where [`common::praxis`] looks) holds `n`
/// entries at the latest version, its day's backup taken: opening it does nothing slow.
fn journal_of(n: i64) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    private(d.path());
    let db = d.path().join("journal.sqlite3");
    v1_journal(&db, n);
    common::praxis(d.path())
        .args(["list", "-n", "1"])
        .assert()
        .success();
    d
}

/// The names in `dir` other than `keep`, each checked to be private: a file left behind
/// by a killed praxis may hold journal text.
fn leftovers(dir: &Path, keep: &str) -> Vec<String> {
    let mut names = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name == keep {
            continue;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = e.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name} is left readable by others");
        }
        names.push(name);
    }
    names
}

#[test]
fn kill_9_during_an_export_leaves_the_old_file_or_the_whole_new_one() {
    // Protection: write_atomically writes a private temporary file beside the target and
    // renames it into place when complete. Without it (File::create on the target, then
    // the stream), a kill midway leaves a truncated file in its place, neither the old
    // export nor the new one, and not valid JSON: the first assertion below fails (tried:
    // "the export holds 473051 bytes, neither the old export (4847855) nor the new one").
    // A kill while writing leaves the temporary `.praxis-XXXXXX` beside the target, 0600
    // and holding part of the export; nothing removes it later, so the README says so.
    let d = journal_of(2_000);
    let out_dir = d.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    private(&out_dir);
    let file = out_dir.join("journal.json");
    let export = |to: &Path| {
        common::praxis(d.path())
            .args(["export", "--all", "--force", "-o", to.to_str().unwrap()])
            .assert()
            .success();
    };
    export(&file);
    let old = std::fs::read(&file).unwrap();
    common::praxis(d.path())
        .args(["add", "One more, so that the next export differs"])
        .assert()
        .success();
    let reference = d.path().join("new.json");
    let t0 = Instant::now();
    export(&reference);
    let window = t0.elapsed();
    let new = std::fs::read(&reference).unwrap();
    assert_ne!(old, new);
    let (mut midway, mut replaced) = (0, 0);
    let mut left = Vec::new();
    for at in spread(window * 5 / 4, 10) {
        let args = ["export", "--all", "--force", "-o", file.to_str().unwrap()];
        kill_after(d.path(), &args, at);
        let got = std::fs::read(&file).unwrap();
        assert!(
            got == old || got == new,
            "killed after {at:?} of {window:?}: the export holds {} bytes, neither the old \
             export ({}) nor the new one ({})",
            got.len(),
            old.len(),
            new.len()
        );
        serde_json::from_slice::<serde_json::Value>(&got).unwrap();
        let stray = leftovers(&out_dir, "journal.json");
        if !stray.is_empty() {
            midway += 1;
        }
        if got == new {
            replaced += 1;
            std::fs::write(&file, &old).unwrap(); // the next kill replaces it again
        }
        for name in stray {
            assert!(
                name.starts_with(".praxis-"),
                "unexpected {name} beside the export"
            );
            std::fs::remove_file(out_dir.join(&name)).unwrap();
            left.push(name);
        }
    }
    eprintln!(
        "of 10 kills over {window:?}, {midway} landed while writing (each left {:?}), \
         {replaced} after the rename",
        left
    );
    assert!(
        midway > 0,
        "no kill landed while the export was being written"
    );
}

#[test]
fn kill_9_while_emptying_the_trash_deletes_all_or_nothing() {
    // Protection: empty_trash deletes every trashed entry (and, through the triggers and
    // cascades, its search rows, tags and sections) in one transaction. Without it (one
    // DELETE per entry in autocommit), a kill midway leaves some of them deleted (tried:
    // "1745 of 2000 entries left").
    const N: i64 = 2_000;
    let d = journal_of(N);
    let db = d.path().join("journal.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute("UPDATE entries SET deleted_at = '2026-03-18T19:00:00Z'", [])
            .unwrap();
    }
    let template = d.path().join("trashed.sqlite3");
    std::fs::copy(&db, &template).unwrap();
    let k = copy_of(&template);
    let t0 = Instant::now();
    common::praxis(k.path())
        .args(["trash", "empty", "--yes"])
        .assert()
        .success();
    let window = t0.elapsed();
    assert_eq!(shape(&k.path().join("journal.sqlite3")).entries, 0);
    let (mut none, mut all) = (0, 0);
    for at in spread(window * 5 / 4, 10) {
        let k = copy_of(&template);
        kill_after(k.path(), &["trash", "empty", "--yes"], at);
        let got = shape(&k.path().join("journal.sqlite3")).entries;
        assert!(
            got == N || got == 0,
            "killed after {at:?} of {window:?}: {got} of {N} entries left"
        );
        if got == N {
            none += 1;
        } else {
            all += 1;
        }
        common::praxis(k.path()).arg("doctor").assert().success();
    }
    eprintln!("of 10 kills over {window:?}, {none} left the trash full, {all} emptied it");
}

#[test]
fn only_the_store_opens_the_journal_with_sqlite() {
    // The seam for encryption at rest (the design note atop src/store/mod.rs): a key can
    // be applied in Store::open alone only while nothing else opens the file with SQLite.
    // A `rusqlite::Connection::open` in any module outside src/store/ would read an
    // encrypted journal as "not a database"; this test names that file.
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 20,
        "{} files under {}",
        files.len(),
        src.display()
    );
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| !f.starts_with(src.join("store")))
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains("rusqlite") || text.contains("Connection::open")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "only src/store/ may open the journal with SQLite; these do too: {offenders:?}"
    );
}

#[test]
fn a_backup_removes_half_copies_left_by_killed_backups() {
    // Protection: backup_to sweeps `.NAME.<pid>.partial` files whose process is gone;
    // without it a killed backup's partial copy of the journal stayed for ever.
    let j = common::Journal::new();
    j.add(&["A note to back up"]);
    let dir = j.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let dead = dir.join(".journal-20260318T200000.sqlite3.2147483000.partial");
    let live = dir.join(format!(
        ".journal-20260318T200000.sqlite3.{}.partial",
        std::process::id()
    ));
    for f in [&dead, &live] {
        std::fs::write(f, "half a copy").unwrap();
    }
    j.ok(&["backup"]);
    assert!(!dead.exists(), "a killed backup's half copy is removed");
    assert!(live.exists(), "a running process's copy is left alone");
}
