//! Damaged files, backups and `praxis doctor`, through the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn praxis(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("praxis").unwrap();
    c.env("PRAXIS_DB", dir.join("j/journal.sqlite3"))
        .env_remove("PRAXIS_CONFIG")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("PRAXIS_NOW", "2026-03-18T20:00:00+00:00")
        .env("NO_COLOR", "1")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .write_stdin("");
    c
}

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
    praxis(d.path()).args(["add", "first"]).assert().success();
    assert!(
        backups(d.path()).is_empty(),
        "an empty journal is not backed up"
    );
    praxis(d.path()).args(["add", "second"]).assert().success();
    praxis(d.path()).arg("list").assert().success();
    assert_eq!(backups(d.path()), ["journal-20260318-200000.sqlite3"]);
    // The next day brings the next copy; only `keep` automatic copies stay.
    std::fs::create_dir_all(d.path().join("config/praxis")).unwrap();
    std::fs::write(
        d.path().join("config/praxis/config.toml"),
        "[backup]\nkeep = 2\n",
    )
    .unwrap();
    for day in ["19", "20", "21"] {
        praxis(d.path())
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
    praxis(d.path())
        .args(["add", "A calm night on the ward"])
        .assert()
        .success();
    praxis(d.path())
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
    praxis(d.path())
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("--rebuild-index"));
    praxis(d.path())
        .args(["doctor", "--rebuild-index"])
        .assert()
        .success();
    praxis(d.path())
        .args(["search", "calm"])
        .assert()
        .success()
        .stdout(predicate::str::contains("A calm night"));
}

#[test]
fn doctor_flags_a_journal_others_can_read() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path()).args(["add", "x"]).assert().success();
    let db = d.path().join("j/journal.sqlite3");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        praxis(d.path())
            .arg("doctor")
            .assert()
            .code(1)
            .stdout(predicate::str::contains("chmod 600"));
    }
}

#[test]
fn a_damaged_journal_is_left_untouched_and_a_backup_brings_it_back() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path())
        .args(["add", "kept safe"])
        .assert()
        .success();
    praxis(d.path()).arg("backup").assert().success();
    let db = d.path().join("j/journal.sqlite3");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &garbage).unwrap();
    praxis(d.path())
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
    praxis(d.path())
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not an SQLite database"));
    assert_eq!(std::fs::read(&db).unwrap(), garbage);
    praxis(d.path())
        .args(["backup", "restore"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--yes"));
    praxis(d.path())
        .args(["backup", "restore", "--yes"])
        .assert()
        .success();
    praxis(d.path())
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
    praxis(d.path()).args(["add", "before"]).assert().success();
    let copy = d.path().join("copy.sqlite3");
    praxis(d.path())
        .args(["backup", copy.to_str().unwrap()])
        .assert()
        .success();
    praxis(d.path())
        .args(["backup", copy.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    praxis(d.path()).args(["add", "after"]).assert().success();
    praxis(d.path())
        .args(["backup", "restore", copy.to_str().unwrap(), "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains("before-restore"));
    praxis(d.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("after").not());
    let safety = backups(d.path())
        .into_iter()
        .find(|n| n.contains("before-restore"))
        .unwrap();
    praxis(d.path())
        .args(["backup", "restore", &safety, "--yes"])
        .assert()
        .success();
    praxis(d.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("after"));
    praxis(d.path())
        .args(["backup", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("before-restore"));
    praxis(d.path())
        .args(["backup", "restore", "nope.sqlite3", "--yes"])
        .assert()
        .code(1);
}

#[test]
fn parallel_starts_take_one_daily_backup_between_them() {
    let d = tempfile::tempdir().unwrap();
    // Entries written on the 17th; the 18th's first starts race for the daily backup.
    for text in ["one", "two"] {
        praxis(d.path())
            .env("PRAXIS_NOW", "2026-03-17T10:00:00+00:00")
            .args(["add", text])
            .assert()
            .success();
    }
    let before = backups(d.path()).len();
    let exe = assert_cmd::cargo::cargo_bin("praxis");
    let children: Vec<_> = (0..8)
        .map(|_| {
            std::process::Command::new(&exe)
                .env("PRAXIS_DB", d.path().join("j/journal.sqlite3"))
                .env_remove("PRAXIS_CONFIG")
                .env("XDG_CONFIG_HOME", d.path().join("config"))
                .env("PRAXIS_NOW", "2026-03-18T20:00:00+00:00")
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
    praxis(d.path())
        .arg("add")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("set $EDITOR"));
}

#[test]
fn praxis_config_may_name_a_file_not_yet_written_but_config_must_exist() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("nowhere/config.toml");
    praxis(d.path())
        .env("PRAXIS_CONFIG", &missing)
        .args(["add", "fine"])
        .assert()
        .success();
    praxis(d.path())
        .args(["--config", missing.to_str().unwrap(), "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}
