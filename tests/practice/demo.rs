//! `praxis demo` through the real binary, without a terminal: the journal it keeps holds
//! every kind, passes the doctor, is the same every time, and nothing else is touched.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::Path;

use common::praxis;
use predicates::prelude::*;

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = praxis(dir).args(args).write_stdin("").assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let text = stdout(dir, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn titles(dir: &Path, db: &Path) -> Vec<String> {
    let db = db.to_str().unwrap();
    json(dir, &["--db", db, "list", "--json", "-n", "10000"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e["occurred_on"], e["title"]))
        .collect()
}

#[test]
fn a_kept_demo_holds_every_kind_and_passes_the_doctor() {
    let d = tempfile::tempdir().unwrap();
    let kept = d.path().join("demos/demo.sqlite3");
    let k = kept.to_str().unwrap();
    praxis(d.path())
        .args(["demo", "--keep", k])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("reflections"))
        .stdout(predicate::str::contains(format!(
            "open it with: praxis --db {k}"
        )));
    for kind in [
        "reflection",
        "supervision",
        "call-in",
        "stage-note",
        "check-in",
        "cpd",
    ] {
        let list = json(d.path(), &["--db", k, "list", "--kind", kind, "--json"]);
        assert!(!list.as_array().unwrap().is_empty(), "no {kind} entries");
    }
    let sessions = stdout(d.path(), &["--db", k, "supervision", "list"]);
    assert!(
        sessions.contains("prep") && sessions.contains("record"),
        "{sessions}"
    );
    let due = stdout(d.path(), &["--db", k, "callin", "list", "--due"]);
    assert!(due.contains("follow up due"), "{due}");
    let stages = stdout(d.path(), &["--db", k, "stages", "YP-A"]);
    assert!(
        stages.contains("recycling") && stages.contains("moved back"),
        "{stages}"
    );
    let cpd = json(d.path(), &["--db", k, "cpd", "summary", "--json"]);
    assert!(cpd["records"].as_i64().unwrap() > 0, "{cpd}");
    assert!(cpd["hours"].as_f64().unwrap() > 0.0, "{cpd}");
    let actions = json(d.path(), &["--db", k, "actions", "--all", "--json"]);
    let actions = actions.as_array().unwrap();
    assert!(
        actions.iter().any(|a| a["status"] == "done"),
        "no done action"
    );
    assert!(
        actions.iter().any(|a| a["status"] == "open"),
        "no open action"
    );
    praxis(d.path())
        .args(["--db", k, "doctor"])
        .assert()
        .success()
        .stdout(predicate::str::contains("!!").not());
    // Every entry shows.
    for e in json(d.path(), &["--db", k, "list", "--json", "-n", "10000"])
        .as_array()
        .unwrap()
    {
        stdout(
            d.path(),
            &["--db", k, "show", e["short_id"].as_str().unwrap()],
        );
    }
    // A second demo never overwrites the first.
    praxis(d.path())
        .args(["demo", "--keep", k])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "already exists: choose a new path",
        ));
    assert!(
        !d.path().join("journal.sqlite3").exists(),
        "the own journal was created"
    );
}

#[test]
fn the_same_seed_and_day_give_the_same_journal() {
    let d = tempfile::tempdir().unwrap();
    let (a, b) = (d.path().join("a.sqlite3"), d.path().join("b.sqlite3"));
    for p in [&a, &b] {
        praxis(d.path())
            .args(["demo", "--keep", p.to_str().unwrap()])
            .write_stdin("")
            .assert()
            .success();
    }
    let (ta, tb) = (titles(d.path(), &a), titles(d.path(), &b));
    assert!(ta.len() > 50, "{ta:?}");
    assert_eq!(ta, tb);
}

#[test]
fn a_throwaway_demo_leaves_nothing_behind() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path())
        .args(["demo", "--months", "1"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("throwaway"));
    let left: Vec<_> = std::fs::read_dir(d.path().join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(
        !d.path().join("journal.sqlite3").exists(),
        "the own journal was created"
    );
    assert!(
        !d.path().join("home/.local/share/praxis").exists(),
        "the data directory was created"
    );
}

#[test]
fn the_demo_will_not_be_kept_over_the_own_journal() {
    let d = tempfile::tempdir().unwrap();
    let own = d.path().join("journal.sqlite3");
    praxis(d.path())
        .args(["demo", "--keep", own.to_str().unwrap()])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("where your own journal lives"));
    assert!(!own.exists());
}
