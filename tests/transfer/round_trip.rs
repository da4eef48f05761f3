//! Export and import through the binary: the lossless JSON round trip, idempotent
//! imports, broken files refused with where and why, and nothing half-written.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::Path;

use common::praxis_db;
use predicates::prelude::*;

/// A journal with every kind (the demo), kept at `dir/source/demo.sqlite3`.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("source/demo.sqlite3");
    praxis_db(&dir.join("unused/j.sqlite3"))
        .args(["demo", "--keep", db.to_str().unwrap(), "--months", "3"])
        .assert()
        .success();
    db
}

fn count(db: &Path) -> usize {
    let out = praxis_db(db)
        .args(["list", "--json", "--limit", "100000"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    v.as_array().unwrap().len()
}

#[test]
fn export_import_export_gives_the_same_file() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    praxis_db(&src)
        .args(["rm", &first_id(&src)])
        .assert()
        .success(); // the trash goes too
    let one = d.path().join("one.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", one.to_str().unwrap()])
        .assert()
        .success();
    let dst = d.path().join("copy/journal.sqlite3");
    praxis_db(&dst)
        .args(["import", one.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("skipped (already here)"));
    let two = d.path().join("two.json");
    praxis_db(&dst)
        .args(["export", "--all", "-o", two.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    // Standard output gives the same bytes.
    let out = praxis_db(&dst).args(["export", "--all"]).assert().success();
    assert_eq!(out.get_output().stdout, std::fs::read(&one).unwrap());
    // Every kind came across, with its details.
    for kind in [
        "reflection",
        "supervision",
        "call-in",
        "stage-note",
        "check-in",
        "cpd",
    ] {
        let out = praxis_db(&dst)
            .args(["list", "--kind", kind, "--json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert!(!v.as_array().unwrap().is_empty(), "{kind}");
    }
    praxis_db(&dst).arg("doctor").assert().success();
}

fn first_id(db: &Path) -> String {
    let out = praxis_db(db)
        .args(["list", "--json", "--limit", "1"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    v[0]["short_id"].as_str().unwrap().to_string()
}

#[test]
fn importing_twice_adds_nothing_and_a_dry_run_writes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let file = d.path().join("e.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let n = count(&src);
    let dst = d.path().join("copy/journal.sqlite3");
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{n} added")))
        .stdout(predicate::str::contains("nothing written"));
    assert_eq!(count(&dst), 0);
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("0 added, {n} skipped")));
    assert_eq!(count(&dst), n);
}

#[test]
fn a_newer_version_of_an_entry_is_merged() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a/journal.sqlite3");
    praxis_db(&a)
        .args(["add", "First words"])
        .assert()
        .success();
    let file = d.path().join("e.json");
    praxis_db(&a)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let b = d.path().join("b/journal.sqlite3");
    praxis_db(&b)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
    // Edited later in journal a, exported again: b takes the newer version.
    let id = first_id(&a);
    let editor = d.path().join("ed.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nsed -i 's/^title: First words$/title: First words, and more/' \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    praxis_db(&a)
        .env("PRAXIS_NOW", "2026-03-19T09:00:00+00:00")
        .env("EDITOR", &editor)
        .args(["edit", &id])
        .assert()
        .success();
    praxis_db(&a)
        .args(["export", "--all", "-o", file.to_str().unwrap(), "--force"])
        .assert()
        .success();
    praxis_db(&b)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 added, 0 skipped (already here), 1 merged",
        ));
    praxis_db(&b)
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("and more"));
}

#[test]
fn broken_files_are_refused_with_where_and_why_and_nothing_is_written() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let good = d.path().join("good.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", good.to_str().unwrap()])
        .assert()
        .success();
    let text = std::fs::read_to_string(&good).unwrap();
    let dst = d.path().join("copy/journal.sqlite3");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", text.as_bytes()[..text.len() / 2].to_vec(), ":"),
        ("not json", b"hello".to_vec(), "1:1"),
        (
            "bad date",
            text.replacen("\"occurred_on\":\"", "\"occurred_on\":\"2026-13-", 1)
                .into_bytes(),
            "out of range|invalid",
        ),
        (
            "bad kind",
            text.replacen("\"kind\":\"reflection\"", "\"kind\":\"diary\"", 1)
                .into_bytes(),
            "unknown kind 'diary'",
        ),
        (
            "other format",
            text.replacen("praxis-journal", "someone-else", 1)
                .into_bytes(),
            "not a praxis export",
        ),
        (
            "a summary",
            text.replacen("praxis-journal", "praxis-summary", 1)
                .into_bytes(),
            "read with `praxis review FILE`",
        ),
        (
            "newer",
            text.replacen("\"version\":1", "\"version\":9", 1)
                .into_bytes(),
            "version 9",
        ),
        (
            "mood 9",
            text.replacen("\"mood\":", "\"mood\":9,\"x\":", 1)
                .into_bytes(),
            "",
        ),
        (
            "not utf-8",
            [text.as_bytes(), b"\xff\xfe"].concat(),
            "not UTF-8",
        ),
    ];
    for (name, bytes, expect) in cases {
        let f = d.path().join(format!("{}.json", name.replace(' ', "-")));
        std::fs::write(&f, &bytes).unwrap();
        let out = praxis_db(&dst)
            .args(["import", f.to_str().unwrap()])
            .assert()
            .code(1);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(f.to_str().unwrap()), "{name}: {err}");
        if !expect.is_empty() {
            assert!(
                expect.split('|').any(|e| err.contains(e)),
                "{name}: expected {expect:?} in {err}"
            );
        }
        assert_eq!(count(&dst), 0, "{name}: nothing may be written");
    }
}

#[test]
fn an_export_never_leaves_a_half_written_file() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let out = d.path().join("out/e.json");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    std::fs::write(&out, "precious").unwrap();
    praxis_db(&src)
        .args(["export", "--all", "-o", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
    praxis_db(&src)
        .args(["export", "--all", "-o", out.to_str().unwrap(), "--force"])
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["e.json"], "no temporary file is left behind");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an export is as private as the journal");
    }
}

#[test]
fn kill_9_during_an_import_leaves_the_journal_as_before_or_after() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let file = d.path().join("e.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let n = count(&src);
    for (i, wait_ms) in [0u64, 5, 15, 40].iter().enumerate() {
        let dst = d.path().join(format!("k{i}/journal.sqlite3"));
        let mut child = common::praxis_std(dst.parent().unwrap())
            .args(["import", file.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(*wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Opening the journal (creating it, if the import was killed before it was in
        // place) removes what the import was building: the journal and its search index.
        let got = count(&dst);
        assert!(
            got == 0 || got == n,
            "after kill -9 at {wait_ms} ms: {got} of {n} entries"
        );
        let left: Vec<_> = std::fs::read_dir(dst.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".praxis-import-"))
            .collect();
        assert!(left.is_empty(), "after kill -9 at {wait_ms} ms: {left:?}");
        praxis_db(&dst).arg("doctor").assert().success();
    }
}

/// The names in a folder and the bytes of every file in it, and below it.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.clone());
                all.push((p.display().to_string(), Vec::new()));
            } else {
                all.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn dry_runs_and_refused_imports_leave_no_trace() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let good = d.path().join("good.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", good.to_str().unwrap()])
        .assert()
        .success();
    // Refused at its last entry, after all the others were read (and saved).
    let text = std::fs::read_to_string(&good).unwrap();
    let at = text.rfind("\"occurred_on\":\"").unwrap() + "\"occurred_on\":\"".len();
    let bad = d.path().join("bad.json");
    std::fs::write(
        &bad,
        format!("{}2026-02-30{}", &text[..at], &text[at + 10..]),
    )
    .unwrap();
    let jrnl = d.path().join("bad.txt");
    std::fs::write(
        &jrnl,
        "[2024-01-01 10:00] Fine\n\n[2024-02-30 10:00] Not a day\n",
    )
    .unwrap();

    // A journal that exists: not a byte of it changes (its header's change counter
    // included), nor anything else in its folder, and no daily backup is taken.
    let folder = d.path().join("existing");
    let db = folder.join("journal.sqlite3");
    praxis_db(&db).args(["add", "Kept"]).assert().success();
    let before = snapshot(&folder);
    praxis_db(&db)
        .env("PRAXIS_NOW", "2030-01-01T12:00:00Z")
        .args(["import", good.to_str().unwrap(), "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Dry run, nothing written"));
    assert_eq!(snapshot(&folder), before, "a dry run");
    for (file, why) in [
        (&bad, "occurred_on '2026-02-30'"),
        (&jrnl, "'[2024-02-30 10:00]' is not a valid date"),
    ] {
        for dry in [false, true] {
            let mut args = vec!["import", file.to_str().unwrap()];
            if dry {
                args.push("--dry-run");
            }
            praxis_db(&db)
                .env("PRAXIS_NOW", "2030-01-01T12:00:00Z")
                .args(&args)
                .assert()
                .code(1)
                .stderr(predicate::str::contains(why));
            assert_eq!(snapshot(&folder), before, "{} refused", file.display());
        }
    }
    assert_eq!(count(&db), 1);

    // No journal yet: a dry run and a refused import make no journal, and no folder.
    let nowhere = d.path().join("new/deeper/journal.sqlite3");
    let praxis_at = |db: &Path| {
        let mut c = common::praxis(&d.path().join("elsewhere"));
        c.env("PRAXIS_DB", db);
        c
    };
    praxis_at(&nowhere)
        .args(["import", good.to_str().unwrap(), "--dry-run"])
        .assert()
        .success();
    for file in [&bad, &jrnl] {
        praxis_at(&nowhere)
            .args(["import", file.to_str().unwrap()])
            .assert()
            .code(1);
    }
    assert!(!d.path().join("new").exists());
    // And the import that is saved makes it whole, with nothing left beside it.
    praxis_at(&nowhere)
        .args(["import", good.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(count(&nowhere), count(&src));
    let left: Vec<String> = std::fs::read_dir(nowhere.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".praxis"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn errors_name_the_field_and_the_value_in_plain_words() {
    let d = tempfile::tempdir().unwrap();
    let src = demo(d.path());
    let good = d.path().join("good.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", good.to_str().unwrap()])
        .assert()
        .success();
    let text = std::fs::read_to_string(&good).unwrap();
    let dst = d.path().join("copy/journal.sqlite3");
    let bad_day = text.replacen(
        "\"occurred_on\":\"",
        "\"occurred_on\":\"2026-02-30\",\"x\":\"",
        1,
    );
    let mut pretty: serde_json::Value = serde_json::from_str(&text).unwrap();
    pretty["entries"][2]["occurred_on"] = "2026-02-30".into();
    let cases = [
        // As praxis writes it, and pretty-printed with sorted keys.
        (
            "day.json",
            bad_day,
            "entry 1: occurred_on '2026-02-30' is not a valid date",
        ),
        (
            "pretty.json",
            serde_json::to_string_pretty(&pretty).unwrap(),
            "entry 3: occurred_on '2026-02-30' is not a valid date (expected YYYY-MM-DD",
        ),
        (
            "version.json",
            text.replacen("\"version\":1", "\"version\":\"1\"", 1),
            "invalid type: the text \"1\", expected a whole number",
        ),
    ];
    for (name, body, expect) in cases {
        let f = d.path().join(name);
        std::fs::write(&f, body).unwrap();
        let out = praxis_db(&dst)
            .args(["import", f.to_str().unwrap()])
            .assert()
            .code(1);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(expect), "{name}: {err}");
        assert!(
            !err.contains("u32") && !err.contains("file file"),
            "{name}: {err}"
        );
    }
    // The wrong --format: what the file looks like, in words.
    let tj = d.path().join("tj.json");
    std::fs::write(
        &tj,
        r#"[{"id":1,"date":"2024-03-01T08:00:00Z","title":"T","content":"C","tags":[],"priority":null}]"#,
    )
    .unwrap();
    let out = praxis_db(&dst)
        .args(["import", tj.to_str().unwrap(), "--format", "jrnl-json"])
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("looks like a tui-journal JSON back-end file: try --format tui-journal"),
        "{err}"
    );
    assert!(!err.contains("file file"), "{err}");
}

/// Two entries of an import sharing one action id: one action would be dropped while the
/// import said every entry was added. The file is refused, naming the entry, and nothing
/// is written.
#[test]
fn an_action_id_used_twice_is_refused_not_dropped() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src.sqlite3");
    for (title, action) in [("first", "Call the GP"), ("second", "Book the room")] {
        praxis_db(&src)
            .args(["add", title, "--action", action])
            .assert()
            .success();
    }
    let file = d.path().join("e.json");
    praxis_db(&src)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let taken = doc["entries"][0]["actions"][0]["id"].clone();
    doc["entries"][1]["actions"][0]["id"] = taken;
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let dst = d.path().join("dst.sqlite3");
    praxis_db(&dst)
        .args(["add", "already here"])
        .assert()
        .success();
    let before = std::fs::read(&dst).unwrap();
    praxis_db(&dst)
        .args(["import", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "each action needs an id of its own",
        ));
    assert_eq!(std::fs::read(&dst).unwrap(), before);
}

#[test]
fn strengths_from_another_vocabulary_are_kept_and_named_on_import() {
    let from = crate::common::Journal::new();
    std::fs::write(
        from.config(),
        "[[strengths.groups]]\nname = \"Everyday\"\nstrengths = [{ name = \"tea-making\", hint = \"the kettle on at the right moment\" }]\n",
    )
    .unwrap();
    from.add(&[
        "--title",
        "Night shift",
        "--strength",
        "tea-making",
        "--strength",
        "empathy",
        "Calm.",
    ]);
    let file = from.path().join("all.json");
    from.ok(&["export", "--all", "-o", file.to_str().unwrap()]);
    let to = crate::common::Journal::new();
    let out = to
        .cmd(&["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not in your vocabulary") && err.contains("tea-making (1 entry)"),
        "{err}"
    );
    assert!(!err.contains("empathy"), "{err}");
    let listed = to.ok(&["list", "--strength", "tea-making"]);
    assert!(listed.contains("Night shift"), "{listed}");
}
