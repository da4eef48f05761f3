//! `praxis import` of praxis JSON saves entries as it reads them, with the search index
//! built at the end: the journal, its search index and the errors must be those of
//! reading the whole file first, whatever the layout of the file and wherever it breaks.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::{Path, PathBuf};

use common::praxis_db;
use predicates::prelude::*;
use serde_json::Value;

/// A journal with every kind (the demo), exported to `dir/e.json`; returns the file.
fn exported(dir: &Path) -> PathBuf {
    let src = dir.join("source/demo.sqlite3");
    praxis_db(&dir.join("unused/j.sqlite3"))
        .args(["demo", "--keep", src.to_str().unwrap(), "--months", "3"])
        .assert()
        .success();
    let file = dir.join("e.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    file
}

fn read(file: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

fn count(db: &Path) -> usize {
    let out = praxis_db(db)
        .args(["list", "--json", "--limit", "100000"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    v.as_array().unwrap().len()
}

fn export(db: &Path) -> Vec<u8> {
    praxis_db(db)
        .args(["export", "--all"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn search_count(db: &Path, word: &str) -> usize {
    let out = praxis_db(db)
        .args(["search", word, "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    v.as_array().unwrap().len()
}

/// The search index matches the entries, and every table is whole.
fn healthy(db: &Path) {
    praxis_db(db)
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok  search index"));
}

#[test]
fn any_layout_of_the_document_imports_the_same_journal() {
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    let usual = d.path().join("usual/journal.sqlite3");
    praxis_db(&usual)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    // Keys in alphabetical order: the entries come before the format, version and
    // subjects, which the reader cannot stream; it reads the file whole instead.
    let sorted = d.path().join("sorted.json");
    std::fs::write(&sorted, serde_json::to_string(&read(&file)).unwrap()).unwrap();
    let other = d.path().join("other/journal.sqlite3");
    praxis_db(&other)
        .args(["import", sorted.to_str().unwrap()])
        .assert()
        .success();
    assert!(!export(&usual).is_empty());
    assert_eq!(export(&usual), export(&other));
    healthy(&usual);
    healthy(&other);
}

#[test]
fn a_broken_entry_at_the_end_writes_nothing_and_says_where() {
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    let doc = read(&file);
    let n = doc["entries"].as_array().unwrap().len();
    let dst = d.path().join("copy/journal.sqlite3");
    // An invalid check-in on the last entry: found after all the others were saved.
    let mut bad = doc.clone();
    let last = bad["entries"].as_array_mut().unwrap().last_mut().unwrap();
    last["checkin"] = serde_json::json!({ "mood": 9 });
    let f = d.path().join("last-mood.json");
    std::fs::write(&f, serde_json::to_string_pretty(&bad).unwrap()).unwrap();
    praxis_db(&dst)
        .args(["import", f.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("entry {n}")))
        .stderr(predicate::str::contains("mood must be between 1 and 5"));
    assert_eq!(count(&dst), 0);
    // A value the journal's own rules refuse (a rating of 9), on the last call-in.
    let mut bad = doc.clone();
    let callin = bad["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .rev()
        .find(|e| e["kind"] == "call-in")
        .unwrap();
    callin["details"]["rating"] = serde_json::json!(9);
    let f = d.path().join("rating.json");
    std::fs::write(&f, serde_json::to_string(&bad).unwrap()).unwrap();
    praxis_db(&dst)
        .args(["import", f.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the call-in's rating is 9: it must be 1 to 5",
        ));
    assert_eq!(count(&dst), 0);
    // Cut short in the last entry.
    let text = std::fs::read_to_string(&file).unwrap();
    let f = d.path().join("cut.json");
    std::fs::write(&f, &text[..text.len() - 40]).unwrap();
    praxis_db(&dst)
        .args(["import", f.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cut short"));
    assert_eq!(count(&dst), 0);
    // Nothing half done is left: the journal takes the good file, and finds its words.
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(count(&dst), n);
    healthy(&dst);
}

#[test]
fn merged_entries_are_found_by_their_new_words_only() {
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    let dst = d.path().join("copy/journal.sqlite3");
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    // A newer version of the first entry, and a newer version of the last entry twice
    // in one file (the later one wins).
    let mut doc = read(&file);
    let entries = doc["entries"].as_array_mut().unwrap();
    let newer = |e: &mut Value, word: &str, at: &str| {
        e["body"] = Value::String(format!("Rewritten with the word {word}."));
        e["updated_at"] = Value::String(at.into());
    };
    newer(&mut entries[0], "quokkafirst", "2026-03-19T09:00:00Z");
    let mut twice = entries.last().unwrap().clone();
    newer(
        entries.last_mut().unwrap(),
        "quokkamiddle",
        "2026-03-19T09:00:00Z",
    );
    newer(&mut twice, "quokkalast", "2026-03-19T10:00:00Z");
    entries.push(twice);
    let f = d.path().join("newer.json");
    std::fs::write(&f, serde_json::to_string(&doc).unwrap()).unwrap();
    praxis_db(&dst)
        .args(["import", f.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 added"))
        .stdout(predicate::str::contains("3 merged"));
    assert_eq!(search_count(&dst, "quokkafirst"), 1);
    assert_eq!(search_count(&dst, "quokkamiddle"), 0);
    assert_eq!(search_count(&dst, "quokkalast"), 1);
    healthy(&dst);
    // Into a new journal, the entry given twice is added, then merged.
    let fresh = d.path().join("fresh/journal.sqlite3");
    praxis_db(&fresh)
        .args(["import", f.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 merged"));
    assert_eq!(search_count(&fresh, "quokkamiddle"), 0);
    assert_eq!(search_count(&fresh, "quokkalast"), 1);
    healthy(&fresh);
}

#[test]
fn ids_given_twice_import_into_a_new_journal_as_into_one_made_by_init() {
    // A new journal is written without its indexes of ids, which are built at the first
    // id it meets again: the journal must be the one an import into an empty journal
    // makes, which has them all along.
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    let mut doc = read(&file);
    let entries = doc["entries"].as_array_mut().unwrap();
    let n = entries.len();
    // Early in the file: the first entry again, the same, and a newer copy of the second.
    let same = entries[0].clone();
    let mut newer = entries[1].clone();
    newer["body"] = Value::String("Rewritten with the word quokkanewer.".into());
    newer["updated_at"] = Value::String("2027-01-01T09:00:00Z".into());
    entries.insert(3, same);
    entries.insert(4, newer);
    let f = d.path().join("twice.json");
    std::fs::write(&f, serde_json::to_string(&doc).unwrap()).unwrap();
    let init = |name: &str| {
        let db = d.path().join(name).join("journal.sqlite3");
        praxis_db(&db).arg("init").assert().success();
        db
    };
    let made = init("made");
    let fresh = d.path().join("fresh/journal.sqlite3");
    for db in [&made, &fresh] {
        praxis_db(db)
            .args(["import", f.to_str().unwrap()])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("{n} added")))
            .stdout(predicate::str::contains("1 skipped"))
            .stdout(predicate::str::contains("1 merged"));
        assert_eq!(search_count(db, "quokkanewer"), 1);
        healthy(db);
    }
    assert_eq!(export(&fresh), export(&made));
    // An action's id given to a second entry, at the end: refused alike, and no journal
    // made where there was none.
    let mut doc = read(&file);
    let entries = doc["entries"].as_array_mut().unwrap();
    let action = entries
        .iter()
        .find_map(|e| e["actions"].as_array().and_then(|a| a.first()).cloned())
        .unwrap();
    let last = entries.last_mut().unwrap();
    last["actions"] = Value::Array(vec![action]);
    let f = d.path().join("action-twice.json");
    std::fs::write(&f, serde_json::to_string(&doc).unwrap()).unwrap();
    let made = init("made-again");
    let fresh = d.path().join("fresh-again/journal.sqlite3");
    for db in [&made, &fresh] {
        praxis_db(db)
            .args(["import", f.to_str().unwrap()])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("belongs to another entry"));
    }
    assert!(!fresh.exists());
    assert_eq!(count(&made), 0);
}

#[test]
fn after_an_import_or_a_dry_run_new_entries_are_searchable() {
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    for dry in [true, false] {
        let dst = d.path().join(format!("dry-{dry}/journal.sqlite3"));
        let mut args = vec!["import", file.to_str().unwrap()];
        if dry {
            args.push("--dry-run");
        }
        praxis_db(&dst).args(&args).assert().success();
        // The index's triggers are back: what is written now is found.
        praxis_db(&dst)
            .args(["add", "A wombat at the team meeting"])
            .assert()
            .success();
        assert_eq!(search_count(&dst, "wombat"), 1, "dry run: {dry}");
        healthy(&dst);
    }
}

#[test]
fn doctor_names_a_write_cut_off_by_a_kill() {
    // An import runs with a rollback journal: killed, it leaves `journal.sqlite3-journal`,
    // which a read-only check cannot undo. (A stand-in file here: the kill itself is
    // `kill_9_during_an_import_leaves_the_journal_as_before_or_after`.)
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("j/journal.sqlite3");
    praxis_db(&db).args(["add", "Kept"]).assert().success();
    let mut left = db.as_os_str().to_owned();
    left.push("-journal");
    std::fs::write(&left, b"not empty").unwrap();
    praxis_db(&db)
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("interrupted"))
        .stdout(predicate::str::contains("run `praxis list`"));
    std::fs::remove_file(&left).unwrap();
    healthy(&db);
}

/// The daily backups beside the journal at `db`.
fn backups(db: &Path) -> usize {
    std::fs::read_dir(db.parent().unwrap().join("backups"))
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn a_new_journal_built_from_a_file_takes_its_first_backup_the_next_day() {
    let d = tempfile::tempdir().unwrap();
    let file = exported(d.path());
    let fresh = d.path().join("fresh/journal.sqlite3");
    praxis_db(&fresh)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    // The file holds all the new journal holds: it is the day's backup, neither taken
    // after the import nor by the next command that day.
    assert_eq!(backups(&fresh), 0);
    praxis_db(&fresh).args(["list"]).assert().success();
    assert_eq!(backups(&fresh), 0);
    // The next day, as for any journal.
    praxis_db(&fresh)
        .env("PRAXIS_NOW", "2026-03-19T09:00:00+00:00")
        .args(["list"])
        .assert()
        .success();
    assert_eq!(backups(&fresh), 1);
    healthy(&fresh);

    // Into a journal that was there, the import changes what a backup would hold: the
    // day's backup is taken after it.
    let held = d.path().join("held/journal.sqlite3");
    praxis_db(&held)
        .args(["add", "Written before the import"])
        .assert()
        .success();
    assert_eq!(backups(&held), 0, "an empty journal is not backed up");
    praxis_db(&held)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(backups(&held), 1);
}
