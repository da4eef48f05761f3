//! The practice kinds through the real binary: models, check-ins, actions, subjects and
//! stage notes, with a fixed clock (Wednesday 2026-03-18).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn praxis(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("praxis").unwrap();
    c.env("PRAXIS_DB", dir.join("journal.sqlite3"))
        .env_remove("PRAXIS_CONFIG")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("PRAXIS_NOW", "2026-03-18T20:00:00+00:00")
        .env("NO_COLOR", "1")
        .env_remove("EDITOR")
        .env_remove("VISUAL");
    c
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = praxis(dir).args(args).write_stdin("").assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(dir, args)).unwrap()
}

#[test]
fn models_are_listed_and_shown() {
    let d = tempfile::tempdir().unwrap();
    let list = stdout(d.path(), &["models"]);
    for id in [
        "free",
        "borton",
        "driscoll",
        "gibbs",
        "kolb",
        "schon-in-action",
        "schon-on-action",
        "johns",
        "rolfe",
        "brookfield",
    ] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
    let gibbs = stdout(d.path(), &["models", "show", "gibbs"]);
    assert!(gibbs.contains("Action plan  [action-plan]"), "{gibbs}");
    praxis(d.path())
        .args(["models", "show", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("expected one of free, borton"));
}

#[test]
fn a_broken_user_model_is_reported_and_builtins_still_load() {
    let d = tempfile::tempdir().unwrap();
    let models = d.path().join("config/praxis/models");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::write(models.join("mine.toml"), "id = \"mine\"\nname = 3\n").unwrap();
    praxis(d.path())
        .arg("models")
        .assert()
        .success()
        .stdout(predicate::str::contains("gibbs"))
        .stderr(predicate::str::contains("mine.toml:2:8"));
}

#[test]
fn unknown_sections_list_the_valid_keys() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path())
        .args(["add", "--model", "borton", "--section", "why=because"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "its sections are what, so-what, now-what",
        ));
}

#[test]
fn checkins_are_recorded_and_ranges_enforced() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path())
        .args([
            "checkin",
            "--mood",
            "2",
            "--energy",
            "3",
            "--load",
            "heavy",
            "--carrying",
            "a-lot",
            "--word",
            "stretched",
            "--helped",
            "tea with the team",
        ])
        .write_stdin("")
        .assert()
        .success()
        .stderr(predicate::str::contains("restorative supervision"));
    let list = json(d.path(), &["list", "--kind", "check-in", "--json"]);
    assert_eq!(list[0]["title"], "Check-in: stretched");
    let id = list[0]["short_id"].as_str().unwrap().to_string();
    let shown = stdout(d.path(), &["show", &id]);
    assert!(
        shown.contains("mood 2/5 · energy 3/5 · load heavy · carrying a-lot"),
        "{shown}"
    );
    praxis(d.path())
        .args(["checkin", "--energy", "0"])
        .assert()
        .code(2);
    praxis(d.path())
        .args(["checkin", "--load", "crushing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "light, manageable, heavy, overloaded",
        ));
    praxis(d.path())
        .arg("checkin")
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("give at least one of --mood"));
}

#[test]
fn actions_from_sections_and_flags_are_tracked() {
    let d = tempfile::tempdir().unwrap();
    stdout(
        d.path(),
        &[
            "add",
            "--model",
            "gibbs",
            "--section",
            "description=A hard visit",
            "--section",
            "action-plan=- [ ] Ask for a debrief (due 2026-03-16)\n- [ ] Read the policy",
        ],
    );
    stdout(
        d.path(),
        &[
            "add",
            "Team meeting",
            "--action",
            "Book supervision",
            "--due",
            "friday",
        ],
    );
    let open = json(d.path(), &["actions", "--json"]);
    let texts: Vec<&str> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Ask for a debrief", "Book supervision", "Read the policy"]
    );
    assert_eq!(
        open[1]["due_on"], "2026-03-20",
        "friday means the next Friday for a due date"
    );
    let overdue = json(d.path(), &["actions", "--overdue", "--json"]);
    assert_eq!(overdue.as_array().unwrap().len(), 1);
    let id = overdue[0]["short_id"].as_str().unwrap().to_string();
    stdout(d.path(), &["actions", "done", &id]);
    assert!(
        json(d.path(), &["actions", "--overdue", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let all = json(d.path(), &["actions", "--all", "--json"]);
    let done = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["short_id"] == id.as_str())
        .unwrap();
    assert_eq!(
        (done["status"].as_str(), done["done_on"].as_str()),
        (Some("done"), Some("2026-03-18"))
    );
    let partly = json(d.path(), &["actions", "--json"])[0]["short_id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = stdout(
        d.path(),
        &["actions", "partly", &partly, "--blocker", "rota not out"],
    );
    assert!(
        out.contains("[~]") && out.contains("blocked: rota not out"),
        "{out}"
    );
    stdout(d.path(), &["actions", "reopen", &id]);
    assert_eq!(
        json(d.path(), &["actions", "--overdue", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    praxis(d.path())
        .args(["actions", "done", "ffffffff"])
        .assert()
        .code(1);
}

#[test]
fn stage_notes_build_a_timeline_with_recycling_shown_plainly() {
    let d = tempfile::tempdir().unwrap();
    praxis(d.path())
        .args(["subjects", "add", "Jane Smith"])
        .assert()
        .success()
        .stderr(predicate::str::contains("looks like a real name"));
    stdout(d.path(), &["subjects", "add", "YP-A", "--type", "person"]);
    for (on, stage) in [
        ("2026-01-10", "precontemplation"),
        ("2026-02-01", "action"),
        ("2026-03-01", "contemplation"),
    ] {
        stdout(
            d.path(),
            &[
                "stage",
                "YP-A",
                "--topic",
                "smoking",
                "--stage",
                stage,
                "--on",
                on,
                "--change-talk",
                "desire: wants to save money",
                "--importance",
                "7",
            ],
        );
    }
    let t = stdout(d.path(), &["stages", "YP-A", "--topic", "smoking"]);
    assert!(t.contains("2026-03-01  contemplation"), "{t}");
    assert!(t.contains("moved back from action"), "{t}");
    assert!(!t.to_lowercase().contains("fail"), "{t}");
    let points = json(d.path(), &["stages", "YP-A", "--json"]);
    assert_eq!(points.as_array().unwrap().len(), 3);
    assert_eq!(points[0]["change_talk"], 1);
    praxis(d.path())
        .args(["stage", "YP-A", "--topic", "x", "--stage", "denial"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "precontemplation, contemplation, preparation",
        ));
    praxis(d.path())
        .args([
            "stage",
            "YP-A",
            "--topic",
            "x",
            "--stage",
            "action",
            "--change-talk",
            "wish: more",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("desire, ability, reasons"));
    stdout(d.path(), &["subjects", "rename", "YP-A", "YP-B"]);
    let subjects = json(d.path(), &["subjects", "list", "--json"]);
    assert!(
        subjects
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "YP-B" && s["stage_notes"] == 3)
    );
    praxis(d.path()).args(["stages", "YP-A"]).assert().code(1);
}

#[test]
fn a_stage_note_round_trips_through_the_editor() {
    let d = tempfile::tempdir().unwrap();
    let editor = d.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nawk '{print} /^## Stage$/{print \"preparation\"} /^## Importance/{print \"5\"}' \"$1\" > \"$1.x\" && mv \"$1.x\" \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    praxis(d.path())
        .args(["stage", "team-north", "--topic", "handovers"])
        .env("EDITOR", &editor)
        .assert()
        .success();
    let note = json(d.path(), &["list", "--kind", "stage-note", "--json"]);
    let id = note[0]["short_id"].as_str().unwrap().to_string();
    let shown = stdout(d.path(), &["show", &id]);
    assert!(shown.contains("Stage: preparation"), "{shown}");
    assert!(shown.contains("Subject: team-north"), "{shown}");
    // A bad value written in the editor is refused with its line, and the text kept.
    std::fs::write(
        &editor,
        "#!/bin/sh\nsed -i 's/^preparation$/bargaining/' \"$1\"\n",
    )
    .unwrap();
    let out = praxis(d.path())
        .args(["edit", &id])
        .env("EDITOR", &editor)
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("line ") && err.contains("bargaining"), "{err}");
    let kept = err.split("kept in ").nth(1).unwrap().trim();
    assert!(
        std::fs::read_to_string(kept)
            .unwrap()
            .contains("bargaining")
    );
    assert!(stdout(d.path(), &["show", &id]).contains("Stage: preparation"));
}
