//! The practice kinds through the real binary: models, check-ins, actions, subjects and
//! stage notes, with a fixed clock (Wednesday 2026-03-18).

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
    let models = d.path().join("models"); // beside the config file
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
fn due_dates_and_periods_take_so_many_weeks_from_today() {
    let d = tempfile::tempdir().unwrap();
    stdout(
        d.path(),
        &[
            "add",
            "Team meeting",
            "--action",
            "Chase the referral",
            "--due",
            "in 2 weeks",
            "--on",
            "3 days ago",
        ],
    );
    stdout(
        d.path(),
        &[
            "add",
            "--model",
            "gibbs",
            "--section",
            "description=A hard visit",
            "--section",
            "action-plan=- [ ] Ask for a debrief (due in 10 days)",
        ],
    );
    let open = json(d.path(), &["actions", "--json"]);
    let due: Vec<(&str, &str)> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["text"].as_str().unwrap(), a["due_on"].as_str().unwrap()))
        .collect();
    assert_eq!(
        due,
        [
            ("Ask for a debrief", "2026-03-28"),
            ("Chase the referral", "2026-04-01")
        ]
    );
    let listed = json(d.path(), &["list", "--until", "2 days ago", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["occurred_on"], "2026-03-15");
    praxis(d.path())
        .args(["list", "--since", "in 4 fortnights"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'in 4 weeks' or '3 days ago'"));
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
    // Done, the blocker is history and not shown as in the way; opened again, the
    // action starts clear, and says what was cleared.
    let out = stdout(d.path(), &["actions", "done", &partly]);
    assert!(out.contains("[x]") && !out.contains("blocked:"), "{out}");
    let out = praxis(d.path())
        .args(["actions", "reopen", &partly])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(\"rota not out\") was cleared"),
        "{out:?}"
    );
    let reopened = json(d.path(), &["actions", "--json"]);
    let reopened = reopened
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["short_id"] == partly.as_str())
        .unwrap();
    assert_eq!(
        (reopened["status"].as_str(), reopened["blocker"].as_str()),
        (Some("open"), None)
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

fn editor(dir: &Path, name: &str, script: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path
}

fn id_of(dir: &Path, kind: &str) -> String {
    json(dir, &["list", "--kind", kind, "--json"])[0]["short_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn call_ins_move_from_planned_to_held_to_followed_up() {
    let d = tempfile::tempdir().unwrap();
    stdout(
        d.path(),
        &[
            "callin",
            "new",
            "--who",
            "peer on nights",
            "--approach",
            "call-in",
            "--field",
            "observed=Joked about a resident's accent",
            "--field",
            "intent=Keep the team kind",
        ],
    );
    praxis(d.path())
        .args([
            "callin",
            "new",
            "--who",
            "manager",
            "--approach",
            "escalate",
            "--field",
            "approach-why=Repeated, and they hold more power",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("points to escalate"));
    let plans = json(d.path(), &["callin", "list", "--json"]);
    assert_eq!(plans.as_array().unwrap().len(), 2);
    let id = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["approach"] == "call-in")
        .unwrap()["short_id"]
        .as_str()
        .unwrap()
        .to_string();
    praxis(d.path())
        .args(["callin", "followup", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has not been held yet"));
    stdout(
        d.path(),
        &[
            "callin",
            "held",
            &id,
            "--on",
            "2026-03-10",
            "--rating",
            "4",
            "--rupture",
            "none",
            "--follow-up",
            "2026-03-17",
            "--bring",
            "--field",
            "their-view=Had not realised",
        ],
    );
    let due = json(d.path(), &["callin", "list", "--due", "--json"]);
    assert_eq!(due.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            due[0]["status"].as_str(),
            due[0]["for_supervision"].as_bool()
        ),
        (Some("held"), Some(true))
    );
    let shown = stdout(d.path(), &["show", &id]);
    for part in [
        "Approach: call-in",
        "How it went: 4",
        "Joked about a resident's accent",
        "Had not realised",
    ] {
        assert!(shown.contains(part), "{part} missing:\n{shown}");
    }
    stdout(d.path(), &["callin", "followup", &id]);
    assert!(
        json(d.path(), &["callin", "list", "--due", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    praxis(d.path())
        .args(["callin", "held", &id, "--rating", "9"])
        .assert()
        .code(2);
    // A second outcome from the command line does not replace the first without a word.
    praxis(d.path())
        .args([
            "callin",
            "held",
            &id,
            "--rating",
            "2",
            "--field",
            "their-view=second",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already recorded as held on 2026-03-10",
        ));
    praxis(d.path())
        .args(["callin", "followup", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("followed up already"));
    let shown = stdout(d.path(), &["show", &id]);
    assert!(
        shown.contains("Had not realised") && shown.contains("How it went: 4"),
        "{shown}"
    );
}

#[test]
fn cpd_records_sum_up_by_period() {
    let d = tempfile::tempdir().unwrap();
    let r = stdout(d.path(), &["add", "A reflection on a course"])
        .trim()
        .to_string();
    stdout(
        d.path(),
        &[
            "cpd",
            "add",
            "--type",
            "training",
            "--title",
            "Trauma-informed care",
            "--hours",
            "6",
            "--participatory",
            "--learning",
            "Window of tolerance",
            "--peer-discussion",
            "Talked it over with A",
            "--link",
            &r,
        ],
    );
    stdout(
        d.path(),
        &[
            "cpd",
            "add",
            "--type",
            "reading",
            "--title",
            "An article",
            "--hours",
            "1.5",
            "--date",
            "2025-12-01",
        ],
    );
    let all = json(d.path(), &["cpd", "summary", "--json"]);
    assert_eq!(
        (
            all["records"].as_i64(),
            all["hours"].as_f64(),
            all["participatory_hours"].as_f64()
        ),
        (Some(2), Some(7.5), Some(6.0))
    );
    assert_eq!(all["with_peer_discussion"], 1);
    let this_year = json(d.path(), &["cpd", "summary", "--year", "--json"]);
    assert_eq!(this_year["hours"].as_f64(), Some(6.0));
    let last_year = json(d.path(), &["cpd", "summary", "--year", "2025", "--json"]);
    assert_eq!(last_year["by_activity"][0]["activity"], "reading");
    let id = id_of(d.path(), "cpd");
    let shown = stdout(d.path(), &["show", &id]);
    assert!(
        shown.contains(&format!("Linked reflections: {r}")),
        "{shown}"
    );
    praxis(d.path())
        .args([
            "cpd", "add", "--type", "knitting", "--title", "x", "--hours", "1",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("training, reading"));
    // Hours: said plainly what is wrong with them, negative ones included (which the
    // command line took for an unknown option before).
    for (hours, says) in [
        ("-3", "cannot be negative"),
        ("abc", "not a number of hours"),
        ("2500", "at most 2000 hours"),
    ] {
        praxis(d.path())
            .args([
                "cpd", "add", "--type", "reading", "--title", "x", "--hours", hours,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    praxis(d.path())
        .args([
            "cpd", "add", "--type", "reading", "--title", "x", "--link", "ffffffff",
        ])
        .assert()
        .code(1);
    praxis(d.path())
        .args([
            "cpd",
            "summary",
            "--since",
            "2026-03-01",
            "--until",
            "2026-01-01",
        ])
        .assert()
        .code(1);
}

/// A journal whose right answer is known: which actions carry, which entries appear,
/// which stage notes are stale, what the check-ins add up to.
#[test]
fn supervision_prep_gathers_exactly_what_it_should() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let at = |when: &str, args: &[&str]| {
        let out = praxis(p)
            .env("PRAXIS_NOW", when)
            .args(args)
            .write_stdin("")
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .trim()
            .to_string()
    };
    // Last session's record, with two agreed actions.
    at(
        "2026-02-10T17:00:00+00:00",
        &[
            "supervision",
            "record",
            "--date",
            "2026-02-10",
            "--decision",
            "Keep the plan",
            "--action",
            "Book the training | me | 2026-03-01",
            "--action",
            "Ask about the rota | manager | ",
        ],
    );
    let flagged_before = at(
        "2026-02-01T17:00:00+00:00",
        &["add", "Before the last session", "--for-supervision"],
    );
    let flagged_after = at(
        "2026-03-01T17:00:00+00:00",
        &["add", "A hard night", "--for-supervision"],
    );
    at("2026-03-02T17:00:00+00:00", &["add", "Not flagged"]);
    for (day, load, mood) in [
        ("02", "heavy", "2"),
        ("03", "overloaded", "1"),
        ("04", "heavy", "3"),
        ("05", "light", "4"),
    ] {
        at(
            &format!("2026-03-{day}T21:00:00+00:00"),
            &["checkin", "--load", load, "--mood", mood],
        );
    }
    at(
        "2026-03-18T20:00:00+00:00",
        &[
            "stage",
            "YP-A",
            "--topic",
            "smoking",
            "--stage",
            "contemplation",
            "--on",
            "2026-01-05",
        ],
    );
    at(
        "2026-03-18T20:00:00+00:00",
        &[
            "stage",
            "YP-B",
            "--topic",
            "school",
            "--stage",
            "action",
            "--on",
            "2026-03-10",
        ],
    );
    at(
        "2026-03-18T20:00:00+00:00",
        &[
            "callin",
            "new",
            "--who",
            "peer",
            "--approach",
            "call-in",
            "--field",
            "intent=x",
        ],
    );
    let callin = id_of(p, "call-in");
    at(
        "2026-03-18T20:00:00+00:00",
        &[
            "callin",
            "held",
            &callin,
            "--on",
            "2026-03-09",
            "--follow-up",
            "2026-03-15",
        ],
    );
    let action = json(p, &["actions", "--json"])[0]["short_id"]
        .as_str()
        .unwrap()
        .to_string();
    at(
        "2026-03-18T20:00:00+00:00",
        &["actions", "partly", &action, "--blocker", "no budget"],
    );

    let out = d.path().join("prep.md");
    let md = at(
        "2026-03-18T20:00:00+00:00",
        &[
            "supervision",
            "prep",
            "--date",
            "friday",
            "--type",
            "clinical",
            "--item",
            "restorative | 15 | space | The weight of it",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap().trim(), md);
    assert!(md.starts_with("# Supervision prep — 2026-03-20"), "{md}");
    assert!(
        md.contains("- [~] Book the training (partly) — blocker: no budget"),
        "{md}"
    );
    assert!(md.contains("- [ ] Ask about the rota (not yet)"), "{md}");
    assert!(
        md.contains(&format!("{flagged_after} 2026-03-01 A hard night")),
        "{md}"
    );
    assert!(
        !md.contains(&flagged_before),
        "entries before the last session stay out:\n{md}"
    );
    assert!(!md.contains("Not flagged"), "{md}");
    assert!(
        md.contains(&format!("{callin} Call-in plan: peer (due 2026-03-15)")),
        "{md}"
    );
    assert!(
        md.contains("YP-A · smoking: contemplation since 2026-01-05 (10 weeks)"),
        "{md}"
    );
    assert!(
        !md.contains("YP-B"),
        "a recent stage note is not stale:\n{md}"
    );
    assert!(
        md.contains(
            "Check-ins: 4 (mood 2.5 and energy – out of 5 on average); heavy load on 3 days"
        ),
        "{md}"
    );
    assert!(
        md.contains("1. **The weight of it** — restorative · 15 min · space"),
        "{md}"
    );
    assert!(
        md.contains("Heavy load on 3 days since the last session"),
        "{md}"
    );
    // An existing output file is not overwritten without --force.
    praxis(p)
        .args(["supervision", "prep", "-o", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));

    // The record follows the prep; its agreed actions carry into the next prep.
    at(
        "2026-03-20T17:00:00+00:00",
        &[
            "supervision",
            "record",
            "--action",
            "Call the trust | me | 2026-04-01",
            "--cpd",
        ],
    );
    let sessions = json(p, &["supervision", "list", "--json"]);
    let stages: Vec<&str> = sessions
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["record", "prep", "record"]);
    assert_eq!(sessions[0]["open_actions"], 1);
    let next = at("2026-04-10T17:00:00+00:00", &["supervision", "prep"]);
    assert!(next.contains("## Actions agreed on 2026-03-20"), "{next}");
    assert!(next.contains("- [ ] Call the trust (not yet)"), "{next}");
    assert!(!next.contains("Book the training"), "{next}");
    assert!(!next.contains("A hard night"), "{next}");
}

/// Every structured kind survives `praxis edit` unchanged when the text is not changed
/// in meaning (a trailing space added to the first line is enough to make praxis re-read
/// the whole document).
#[test]
fn every_kind_round_trips_through_edit() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    stdout(
        p,
        &[
            "add",
            "--model",
            "gibbs",
            "--section",
            "description=A visit",
            "--section",
            "action-plan=- [ ] Ring back (due 2026-03-25)",
            "-s",
            "listening",
            "--mood",
            "3",
        ],
    );
    stdout(
        p,
        &[
            "stage",
            "YP-A",
            "--topic",
            "smoking",
            "--stage",
            "preparation",
            "--change-talk",
            "need: cough",
            "--importance",
            "6",
            "--review",
            "2026-04-01",
            "--evidence",
            "Bought patches",
        ],
    );
    stdout(
        p,
        &[
            "callin",
            "new",
            "--who",
            "peer",
            "--approach",
            "call-out",
            "--field",
            "approach-why=Safety",
        ],
    );
    stdout(
        p,
        &[
            "cpd",
            "add",
            "--type",
            "reading",
            "--title",
            "A book",
            "--hours",
            "2.5",
            "--learning",
            "Lots",
        ],
    );
    stdout(
        p,
        &[
            "supervision",
            "prep",
            "--type",
            "peer",
            "--minutes",
            "45",
            "--item",
            "formative | 10 | advice | Case A",
        ],
    );
    stdout(
        p,
        &[
            "supervision",
            "record",
            "--decision",
            "Carry on",
            "--action",
            "Read policy | me | 2026-04-02",
            "--peer",
        ],
    );
    stdout(p, &["checkin", "--mood", "4", "--word", "steady"]);
    let touch = editor(p, "touch.sh", "sed -i '1s/$/ /' \"$1\"");
    let ids: Vec<String> = json(p, &["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["short_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 7);
    for id in &ids {
        let before = stdout(p, &["show", id]);
        praxis(p)
            .args(["edit", id])
            .env("EDITOR", &touch)
            .assert()
            .success();
        let after = stdout(p, &["show", id]);
        assert_eq!(
            before, after,
            "entry {id} changed by an edit that changed nothing"
        );
    }
    let actions = json(p, &["actions", "--all", "--json"]);
    assert_eq!(actions.as_array().unwrap().len(), 2, "{actions}");
}

#[test]
fn a_stage_is_stale_when_it_has_not_changed_however_often_it_is_noted() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    for (on, stage) in [
        ("2025-12-01", "precontemplation"),
        ("2026-01-05", "contemplation"),
        ("2026-02-02", "contemplation"),
        ("2026-03-09", "contemplation"),
    ] {
        stdout(
            p,
            &[
                "stage", "YP-C", "--topic", "college", "--stage", stage, "--on", on,
            ],
        );
    }
    let md = stdout(p, &["supervision", "prep", "--date", "2026-03-18"]);
    assert!(
        md.contains("YP-C · college: contemplation since 2026-01-05 (10 weeks)"),
        "{md}"
    );
    praxis(p)
        .args(["supervision", "prep", "--date", "2026-03-18"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already a prep for 2026-03-18"));
}

#[test]
fn structured_kinds_refuse_inconsistent_or_missing_values() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // The appropriateness check is required, and not answered for the writer.
    let fill = editor(
        p,
        "fill.sh",
        "sed -i 's/^## My intent$/## My intent\\nTo keep working well/' \"$1\"",
    );
    praxis(p)
        .args(["callin", "new", "--who", "peer"])
        .env("EDITOR", &fill)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("required"));
    stdout(
        p,
        &["callin", "new", "--who", "peer", "--approach", "call-in"],
    );
    let id = id_of(p, "call-in");
    praxis(p)
        .args(["callin", "held", &id, "--follow-up", "2026-03-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("before the day it was held"));
    // Agreed actions take weekday names, written down as dates.
    stdout(
        p,
        &[
            "supervision",
            "record",
            "--action",
            "Ring the family | me | friday",
        ],
    );
    let actions = json(p, &["actions", "--json"]);
    assert_eq!(actions[0]["due_on"], "2026-03-20");
    praxis(p)
        .args(["cpd", "add", "--title", "No type", "--hours", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Activity type is required"));
}
