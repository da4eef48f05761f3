//! Practice with others through the real binary (PRACTICE.md §12–§18): recognition,
//! feedback, rupture and repair, positive-risk plans and group sessions, from capture to
//! lists, edits, search, the trash, exports, supervision prep and `praxis stats`.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common::Journal;

use serde_json::Value;

/// Runs `praxis ARGS` with empty stdin and returns (stdout, stderr), expecting success.
fn run(j: &Journal, args: &[&str]) -> (String, String) {
    let out = j.cmd(args).write_stdin("").output().unwrap();
    assert!(
        out.status.success(),
        "praxis {args:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs a command that prints a short id, and returns it.
fn id(j: &Journal, args: &[&str]) -> String {
    let (out, _) = run(j, args);
    let id = out.trim().to_string();
    assert_eq!(id.len(), 8, "{args:?} printed {out:?}");
    id
}

fn show(j: &Journal, id: &str) -> Value {
    j.json(&["show", id, "--json"])
}

#[test]
fn recognition_given_waits_until_it_is_said() {
    let j = Journal::new();
    let mut given = j.cmd(&[
        "recognise",
        "peer-B",
        "--what",
        "Stayed after handover to talk a new starter through the rota",
        "--strength",
        "reliability",
    ]);
    let out = given.output().unwrap();
    assert!(out.status.success());
    let rid = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Not yet said"), "{err}");
    assert!(err.contains("as a colleague"), "{err}");
    let e = show(&j, &rid);
    assert_eq!(e["kind"], "recognition");
    assert_eq!(e["details"]["type"], "recognition");
    assert_eq!(e["details"]["said"], "not-yet");
    assert_eq!(e["details"]["subject"], "peer-B");
    assert_eq!(e["strengths"][0]["whose"], "colleague");
    assert_eq!(e["title"], "Recognition for peer-B · reliability");
    let unsaid = j.json(&["recognise", "list", "--not-yet", "--json"]);
    assert_eq!(unsaid.as_array().unwrap().len(), 1);
    assert_eq!(unsaid[0]["short_id"], rid.as_str());

    run(&j, &["recognise", "said", &rid, "--how", "in-writing"]);
    let e = show(&j, &rid);
    assert_eq!(
        (
            e["details"]["said"].as_str(),
            e["details"]["said_on"].as_str()
        ),
        (Some("in-writing"), Some("2026-03-18"))
    );
    let (out, err) = run(&j, &["recognise", "list", "--not-yet"]);
    assert!(
        out.is_empty() && err.contains("Nothing left to say"),
        "{err}"
    );
    let again = j.fails(1, &["recognise", "said", &rid]);
    assert!(
        again.contains("already said (in-writing on 2026-03-18)"),
        "{again}"
    );

    // Received: how it reached you, and what it meant; never "not yet".
    let got = id(
        &j,
        &[
            "recognise",
            "manager-A",
            "--received",
            "--what",
            "Named how I handled the family meeting",
            "--said",
            "in-supervision",
            "--meant",
            "I had not seen it as a strength",
            "-s",
            "judgement",
        ],
    );
    let e = show(&j, &got);
    assert_eq!(e["strengths"][0]["whose"], "mine");
    assert_eq!(e["details"]["direction"], "received");
    let shown = run(&j, &["show", &got]).0;
    assert!(shown.contains("What it meant to me"), "{shown}");
    let err = j.fails(
        1,
        &[
            "recognise",
            "x-1",
            "--received",
            "--what",
            "w",
            "--said",
            "not-yet",
        ],
    );
    assert!(err.contains("reached you"), "{err}");
    let err = j.fails(1, &["recognise", "said", &got]);
    assert!(err.contains("recognition you received"), "{err}");
    // Without what they did, and no editor: nothing is saved.
    let err = j.fails(1, &["recognise", "peer-B"]);
    assert!(err.contains("EDITOR") || err.contains("editor"), "{err}");
    let subjects = j.json(&["subjects", "list", "--json"]);
    let types: Vec<(&str, &str)> = subjects
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["key"].as_str().unwrap(), s["type"].as_str().unwrap()))
        .collect();
    assert_eq!(types, [("manager-A", "colleague"), ("peer-B", "colleague")]);
    let strengths = j.json(&["strengths", "--json"]);
    let reliability = strengths
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["strengths"].as_array().unwrap())
        .find(|s| s["name"] == "reliability")
        .unwrap();
    assert_eq!(
        (
            reliability["colleague"].as_i64(),
            reliability["total"].as_i64()
        ),
        (Some(1), Some(1))
    );
    let err = j.fails(1, &["add", "--kind", "recognition", "thanks"]);
    assert!(err.contains("praxis recognise"), "{err}");
}

#[test]
fn feedback_is_kept_with_its_source_in_their_words() {
    let j = Journal::new();
    let warm = id(
        &j,
        &[
            "feedback",
            "add",
            "--source",
            "family-carer",
            "--tone",
            "appreciative",
            "--words",
            "\"You always ring back when you say you will\"",
            "--take",
            "Reliability is care",
        ],
    );
    let complaint = id(
        &j,
        &[
            "feedback",
            "add",
            "--source",
            "complaint",
            "--from",
            "YP-A",
            "--words",
            "Nobody told me about the move",
            "--changed",
            "I tell people first now",
            "--on",
            "2026-03-10",
        ],
    );
    let e = show(&j, &warm);
    assert_eq!(e["title"], "Feedback from a family member or carer");
    assert_eq!(e["details"]["tone"], "appreciative");
    assert_eq!(
        e["sections"][0]["text"],
        "\"You always ring back when you say you will\""
    );
    assert_eq!(show(&j, &complaint)["details"]["subject"], "YP-A");
    let complaints = j.json(&["feedback", "list", "--source", "complaint", "--json"]);
    assert_eq!(complaints.as_array().unwrap().len(), 1);
    assert_eq!(complaints[0]["short_id"], complaint.as_str());
    let recent = j.json(&["feedback", "list", "--since", "2026-03-11", "--json"]);
    assert_eq!(recent.as_array().unwrap().len(), 1);
    let by_subject = j.json(&["feedback", "list", "--subject", "YP-A", "--json"]);
    assert_eq!(by_subject[0]["source"], "complaint");
    let err = j.fails(1, &["feedback", "add", "--words", "Thanks"]);
    assert!(err.contains("Source is required"), "{err}");
    let err = j.fails(2, &["feedback", "add", "--source", "gossip"]);
    assert!(err.contains("person-supported, family-carer"), "{err}");
}

#[test]
fn a_rupture_moves_from_open_to_repaired_or_let_go_with_why() {
    let j = Journal::new();
    let r = id(
        &j,
        &[
            "rupture",
            "new",
            "peer-C",
            "--kind",
            "withdrawal",
            "--what",
            "Quiet with me since the rota change",
            "--my-part",
            "I announced it without asking",
            "--on",
            "2026-03-09",
        ],
    );
    let e = show(&j, &r);
    assert_eq!(e["title"], "Rupture with peer-C · withdrawal");
    assert_eq!(e["details"]["status"], "open");
    let err = j.fails(1, &["rupture", "repair", &r, "--on", "2026-03-01"]);
    assert!(err.contains("before the rupture was noticed"), "{err}");
    run(
        &j,
        &[
            "rupture",
            "repair",
            &r,
            "--on",
            "2026-03-11",
            "--note",
            "Asked for ten minutes",
        ],
    );
    let e = show(&j, &r);
    assert_eq!(e["details"]["status"], "repair-tried");
    assert_eq!(e["details"]["repair_tried_on"], "2026-03-11");
    assert!(
        run(&j, &["show", &r])
            .0
            .contains("2026-03-11: Asked for ten minutes"),
        "the repair is kept in the text"
    );
    let open = j.json(&["rupture", "list", "--open", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    run(&j, &["rupture", "repaired", &r]);
    // How long repairs took shows in stats, as days, never as a score.
    let (stats, _) = run(&j, &["stats", "--period", "quarter"]);
    assert!(
        stats.contains("1 repaired in this period, taking 9 days"),
        "{stats}"
    );
    let e = show(&j, &r);
    assert_eq!(
        (
            e["details"]["status"].as_str(),
            e["details"]["closed_on"].as_str()
        ),
        (Some("repaired"), Some("2026-03-18"))
    );
    let (_, err) = run(&j, &["rupture", "list", "--open"]);
    assert!(err.contains("No open ruptures"), "{err}");
    let err = j.fails(1, &["rupture", "repair", &r]);
    assert!(err.contains("reopen it first"), "{err}");
    run(
        &j,
        &["rupture", "reopen", &r, "--note", "Quiet again at handover"],
    );
    assert_eq!(show(&j, &r)["details"]["status"], "open");
    j.fails(2, &["rupture", "let-go", &r]);
    run(
        &j,
        &[
            "rupture",
            "let-go",
            &r,
            "--why",
            "They moved teams; I wished them well",
        ],
    );
    let shown = run(&j, &["show", &r]).0;
    assert!(shown.contains("Why I let it go"), "{shown}");
    assert!(
        shown.contains("Reopened 2026-03-18: Quiet again at handover"),
        "{shown}"
    );
    let let_go = j.json(&["rupture", "list", "--status", "let-go", "--json"]);
    assert_eq!(let_go[0]["subject"], "peer-C");
}

#[test]
fn a_call_in_held_with_signs_of_rupture_opens_a_linked_rupture() {
    let j = Journal::new();
    let c = id(
        &j,
        &[
            "callin",
            "new",
            "--who",
            "colleague on nights",
            "--subject",
            "peer-D",
            "--approach",
            "call-in",
            "--field",
            "observed=A joke about a resident's accent",
        ],
    );
    let out = j
        .cmd(&[
            "callin",
            "held",
            &c,
            "--rating",
            "2",
            "--rupture",
            "withdrawal",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("opened rupture"), "{err}");
    let ruptures = j.json(&["rupture", "list", "--json"]);
    assert_eq!(ruptures.as_array().unwrap().len(), 1);
    assert_eq!(ruptures[0]["subject"], "peer-D");
    assert_eq!(ruptures[0]["rupture_kind"], "withdrawal");
    let rid = ruptures[0]["short_id"].as_str().unwrap().to_string();
    assert!(
        run(&j, &["show", &rid])
            .0
            .contains(&format!("Arose in: call-in {c}"))
    );
    assert!(
        run(&j, &["show", &c])
            .0
            .contains(&format!("Rupture followed in {rid}"))
    );
    // Holding it again is refused (what was recorded is kept), and opens no second rupture.
    let again = j
        .cmd(&[
            "callin",
            "held",
            &c,
            "--rating",
            "3",
            "--rupture",
            "withdrawal",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    assert_eq!(
        j.json(&["rupture", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A rupture noted by hand can name its call-in too.
    let r2 = id(
        &j,
        &[
            "rupture", "new", "peer-D", "--what", "Again", "--callin", &c,
        ],
    );
    assert_eq!(show(&j, &r2)["details"]["callin"], show(&j, &c)["id"]);
    let err = j.fails(
        1,
        &["rupture", "new", "peer-D", "--what", "x", "--callin", &r2],
    );
    assert!(err.contains("is a rupture, not a call-in"), "{err}");
}

#[test]
fn a_positive_risk_plan_is_reviewed_and_surfaces_when_due() {
    let j = Journal::new();
    let p = id(
        &j,
        &[
            "positive-risk",
            "plan",
            "YP-A",
            "--goal",
            "Go to the gym on her own. Every week.",
            "--matters",
            "Feeling like others her age",
            "--risks",
            "A fall (hers); criticism (the service's)",
            "--not-doing",
            "Another year of asking permission",
            "--safer",
            "Phone charged; the first visit together",
            "--agreed",
            "YP-A, key worker, manager",
            "--review",
            "2026-03-10",
            "--on",
            "2026-03-01",
        ],
    );
    let e = show(&j, &p);
    assert_eq!(
        e["title"],
        "Positive risk with YP-A: Go to the gym on her own."
    );
    let due = j.json(&["risk", "list", "--due", "--json"]);
    assert_eq!(due.as_array().unwrap().len(), 1);
    let err = j.fails(
        1,
        &[
            "positive-risk",
            "review",
            &p,
            "--decision",
            "continue",
            "--note",
            "Went twice",
        ],
    );
    assert!(err.contains("--next"), "{err}");
    let (_, err) = run(
        &j,
        &[
            "positive-risk",
            "review",
            &p,
            "--decision",
            "continue",
            "--note",
            "Went twice; proud of it",
            "--next",
            "2026-04-15",
        ],
    );
    assert!(err.contains("Next review 2026-04-15"), "{err}");
    let (_, err) = run(&j, &["risk", "list", "--due"]);
    assert!(err.contains("No reviews due"), "{err}");
    run(
        &j,
        &[
            "risk",
            "review",
            &p,
            "--decision",
            "end",
            "--note",
            "Goes on her own now",
        ],
    );
    let e = show(&j, &p);
    assert_eq!(e["details"]["status"], "ended");
    assert_eq!(e["details"]["reviews"].as_array().unwrap().len(), 2);
    assert!(
        j.json(&["risk", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        j.json(&["risk", "list", "--all", "--json"])[0]["reviews"],
        2
    );
    let err = j.fails(1, &["risk", "plan", "YP-B", "--goal", "Cook dinner"]);
    assert!(err.contains("Review on is required"), "{err}");
}

#[test]
fn a_group_session_follows_its_model_and_counts_as_peer_reflection() {
    let j = Journal::new();
    let (models, _) = run(&j, &["models"]);
    for id in [
        "positive-risk",
        "action-learning",
        "intervision",
        "balint",
        "team-review",
    ] {
        assert!(models.contains(id), "{id}: {models}");
    }
    let (balint, _) = run(&j, &["models", "show", "balint"]);
    assert!(
        balint.contains("praxis group new --model balint"),
        "{balint}"
    );
    let err = j.fails(1, &["group", "new", "--model", "fishbowl", "--theme", "x"]);
    assert!(
        err.contains("action-learning, intervision, balint, team-review"),
        "{err}"
    );
    let g = id(
        &j,
        &[
            "group",
            "new",
            "--model",
            "action-learning",
            "--theme",
            "Endings with families",
            "--present",
            "senior practitioner",
            "--present",
            "peer-C",
            "--role",
            "presenter",
            "--minutes",
            "90",
            "--question",
            "How do I end well with a family who does not want it to end?",
            "--field",
            "commitment=- [ ] Ask the next family what an ending means (due friday)",
            "--learning",
            "Ask what an ending means to them",
            "--action",
            "Share the notes | facilitator | 2026-04-30",
            "--peer",
            "--cpd",
        ],
    );
    let e = show(&j, &g);
    assert_eq!(e["title"], "Action-learning set: Endings with families");
    assert_eq!(e["model"], "action-learning");
    assert_eq!(e["details"]["format"], "action-learning-set");
    assert_eq!(e["details"]["present"][1], "peer-C");
    assert_eq!(e["details"]["peer_reflection"], true);
    let owners: Vec<(&str, Option<&str>)> = e["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["text"].as_str().unwrap(), a["owner"].as_str()))
        .collect();
    assert_eq!(
        owners,
        [
            ("Ask the next family what an ending means", None),
            ("Share the notes", Some("facilitator"))
        ]
    );
    let shown = run(&j, &["show", &g]).0;
    assert!(shown.contains("Commitment to act"), "{shown}");
    let listed = j.json(&["group", "list", "--counting", "--json"]);
    assert_eq!(listed[0]["present"], 2);
    assert_eq!(listed[0]["length_minutes"], 90);
    let err = j.fails(1, &["group", "new", "--field", "commitment=x"]);
    assert!(err.contains("has no field 'commitment'"), "{err}");
}

#[test]
fn practice_entries_are_edited_searched_trashed_and_restored() {
    let j = Journal::new();
    let r = id(
        &j,
        &[
            "rupture",
            "new",
            "peer-C",
            "--kind",
            "misattunement",
            "--what",
            "I missed that she was frightened",
        ],
    );
    let g = id(
        &j,
        &[
            "recognise",
            "peer-B",
            "--what",
            "Covered my visit",
            "--said",
            "in-person",
        ],
    );
    // Edited in $EDITOR: the text and the typed fields, checked.
    let editor = j.script(
        "ed.sh",
        "sed -i 's/I missed that she was frightened/I missed that she was frightened of the move/' \"$1\"",
    );
    j.with_editor(&editor, &["edit", &r]).assert().success();
    assert!(run(&j, &["show", &r]).0.contains("frightened of the move"));
    let bad = j.script("bad.sh", "sed -i 's/^open$/let-go/' \"$1\"");
    let out = j.with_editor(&bad, &["edit", &r]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Closed on is required") && err.contains("not changed"),
        "{err}"
    );
    assert_eq!(show(&j, &r)["details"]["status"], "open");
    // Found by their subjects' keys, loosely, as stage notes are.
    let hits = j.json(&["search", "peer-C", "--json"]);
    assert_eq!(hits[0]["short_id"], r.as_str());
    assert_eq!(hits[0]["matched"]["by"], "subject");
    let hits = j.json(&["search", "peer-B", "--json"]);
    assert_eq!(hits[0]["short_id"], g.as_str());
    // The trash takes them out of their lists, and restoring brings them back.
    run(&j, &["rm", &r]);
    assert!(
        j.json(&["rupture", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let err = j.fails(1, &["rupture", "repair", &r]);
    assert!(err.contains("in the trash"), "{err}");
    run(&j, &["restore", &r]);
    assert_eq!(
        j.json(&["rupture", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let doctor = j.cmd(&["doctor"]).output().unwrap();
    let doctor = String::from_utf8(doctor.stdout).unwrap();
    assert!(
        doctor.contains("ok  kinds         every entry's typed details match its kind"),
        "{doctor}"
    );
    run(&j, &["rm", &r]);
    run(&j, &["trash", "empty", "--yes"]);
    assert!(
        j.json(&["rupture", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// One entry of each practice kind, and a call-in with the rupture it opened.
fn all_kinds(j: &Journal) {
    id(
        j,
        &[
            "recognise",
            "peer-B",
            "--what",
            "Stayed late with me",
            "-s",
            "reliability",
            "--scope",
            "shareable",
        ],
    );
    id(
        j,
        &[
            "feedback",
            "add",
            "--source",
            "colleague",
            "--from",
            "peer-C",
            "--tone",
            "mixed",
            "--words",
            "Jane Smith said you rushed the handover",
            "--take",
            "Slow down",
            "--scope",
            "shareable",
        ],
    );
    id(
        j,
        &[
            "rupture",
            "new",
            "peer-C",
            "--what",
            "Quiet since the rota",
            "--scope",
            "shareable",
        ],
    );
    id(
        j,
        &[
            "risk",
            "plan",
            "YP-A",
            "--goal",
            "Travel by bus alone",
            "--review",
            "2026-04-09",
            "--scope",
            "shareable",
        ],
    );
    id(
        j,
        &[
            "group",
            "new",
            "--model",
            "team-review",
            "--present",
            "team manager",
            "--field",
            "went-well=The handover",
            "--peer",
            "--scope",
            "shareable",
        ],
    );
    let c = id(
        j,
        &[
            "callin",
            "new",
            "--subject",
            "peer-D",
            "--approach",
            "call-in",
            "--field",
            "observed=x",
        ],
    );
    run(j, &["callin", "held", &c, "--rupture", "confrontation"]);
}

#[test]
fn a_full_export_of_the_practice_kinds_comes_back_byte_for_byte() {
    let a = Journal::new();
    all_kinds(&a);
    let first = a.path().join("first.json");
    run(&a, &["export", "--all", "-o", first.to_str().unwrap()]);
    let b = Journal::new();
    let (out, err) = run(&b, &["import", first.to_str().unwrap()]);
    assert!(format!("{out}{err}").contains("7 added"), "{out}{err}");
    let second = b.path().join("second.json");
    run(&b, &["export", "--all", "-o", second.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
    let text = std::fs::read_to_string(&first).unwrap();
    for kind in [
        "recognition",
        "feedback",
        "rupture",
        "positive-risk",
        "group-session",
    ] {
        assert!(text.contains(&format!("\"type\":\"{kind}\"")), "{kind}");
    }
    assert!(
        text.contains("{\"key\":\"peer-B\",\"type\":\"colleague\"}"),
        "{text}"
    );
    // The rupture still names the call-in it arose in.
    let ruptures = b.json(&["rupture", "list", "--json"]);
    let linked = ruptures
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "peer-D")
        .unwrap();
    let shown = run(&b, &["show", linked["short_id"].as_str().unwrap()]).0;
    assert!(shown.contains("Arose in: call-in"), "{shown}");
    // A practice kind without its details is refused, naming the entry.
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let recognition = doc["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == "recognition")
        .unwrap();
    recognition["details"] = serde_json::json!({"type": "none"});
    let broken = a.path().join("broken.json");
    std::fs::write(&broken, doc.to_string()).unwrap();
    let c = Journal::new();
    let err = c.fails(1, &["import", broken.to_str().unwrap()]);
    assert!(err.contains("a recognition entry with no details"), "{err}");
    assert!(c.json(&["list", "--json"]).as_array().unwrap().is_empty());
}

#[test]
fn redacted_exports_keep_the_people_of_practice_with_others_pseudonymous() {
    let j = Journal::new();
    all_kinds(&j);
    let out = j.path().join("shared.json");
    run(&j, &["export", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    for kind in ["recognition", "feedback", "group-session"] {
        assert!(
            text.contains(&format!("\"kind\":\"{kind}\"")),
            "{kind}: {text}"
        );
    }
    for kept_out in ["\"kind\":\"rupture\"", "\"kind\":\"positive-risk\""] {
        assert!(
            !text.contains(kept_out),
            "{kept_out} left without being asked for"
        );
    }
    for name in ["peer-B", "peer-C", "Jane Smith", "Smith"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    assert!(text.contains("[SUBJECT-"), "{text}");
    assert!(
        text.contains("said you rushed the handover"),
        "their words stay: {text}"
    );
    let asked = j.path().join("asked.json");
    run(
        &j,
        &[
            "export",
            "--include-ruptures",
            "--include-risk-plans",
            "-o",
            asked.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&asked).unwrap();
    assert!(text.contains("\"kind\":\"rupture\"") && text.contains("\"kind\":\"positive-risk\""));
    for name in ["peer-C", "YP-A", "2026-04-09"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    let err = j.fails(1, &["export", "--kind", "rupture"]);
    assert!(err.contains("--include-ruptures"), "{err}");
    let (check, _) = {
        let out = j
            .cmd(&["export", "--check", "--include-ruptures"])
            .output()
            .unwrap();
        (String::from_utf8(out.stdout).unwrap(), out.status)
    };
    assert!(
        check.contains("Jane Smith") || check.contains("subject"),
        "{check}"
    );
}

#[test]
fn supervision_prep_brings_the_work_with_others() {
    let j = Journal::new();
    id(&j, &["recognise", "peer-B", "--what", "Covered my visit"]);
    id(
        &j,
        &[
            "feedback",
            "add",
            "--source",
            "complaint",
            "--words",
            "Nobody told me",
        ],
    );
    id(
        &j,
        &["rupture", "new", "peer-C", "--what", "Quiet since the rota"],
    );
    id(
        &j,
        &[
            "risk",
            "plan",
            "YP-A",
            "--goal",
            "Cook dinner",
            "--review",
            "2026-03-16",
            "--on",
            "2026-03-02",
        ],
    );
    id(
        &j,
        &[
            "group",
            "new",
            "--format",
            "peer-supervision",
            "--theme",
            "Lone working",
            "--minutes",
            "60",
            "--cpd",
            "--peer",
        ],
    );
    let (agenda, _) = run(&j, &["supervision", "prep", "--date", "friday"]);
    for part in [
        "## Ruptures to work through",
        "## Recognition not yet said",
        "## New feedback",
        "## Positive-risk reviews due",
        "Rupture with peer-C, open since 2026-03-18",
        "A complaint",
        "restorative · 10 min · space",
        "normative · 10 min · decision",
        "Group session: Peer supervision: Lone working (peer reflection, CPD 1 h",
    ] {
        assert!(agenda.contains(part), "{part} missing from:\n{agenda}");
    }
}

#[test]
fn stats_say_what_keeps_me_going_in_counts_and_own_words() {
    let j = Journal::new();
    id(
        &j,
        &[
            "recognise",
            "manager-A",
            "--received",
            "--what",
            "Named my calm",
            "--meant",
            "I could breathe again",
            "--on",
            "2026-02-10",
        ],
    );
    id(
        &j,
        &[
            "recognise",
            "peer-B",
            "--what",
            "Covered my visit",
            "--on",
            "2026-03-02",
        ],
    );
    id(
        &j,
        &[
            "feedback",
            "add",
            "--source",
            "compliment",
            "--words",
            "Thank you",
            "--on",
            "2026-03-03",
        ],
    );
    id(
        &j,
        &[
            "checkin",
            "--mood",
            "4",
            "--helped",
            "tea with the team",
            "--on",
            "2026-03-09",
            "-s",
            "humour",
        ],
    );
    id(
        &j,
        &[
            "checkin",
            "--mood",
            "4",
            "--helped",
            "a walk with the team",
            "--on",
            "2026-03-10",
        ],
    );
    let (text, _) = run(&j, &["stats"]);
    assert!(text.contains("What keeps me going"), "{text}");
    assert!(text.contains("never a score"), "{text}");
    assert!(
        text.contains("Feb 2026"),
        "over months, not the 4 weeks: {text}"
    );
    assert!(
        text.contains("\u{201c}I could breathe again\u{201d}"),
        "{text}"
    );
    assert!(
        text.contains("What helped, in your words: team 2"),
        "{text}"
    );
    assert!(
        text.contains("Good weeks: 1; your strengths in them: humour 1"),
        "{text}"
    );
    let json = j.json(&["stats", "--json"]);
    let k = &json["keeps_me_going"];
    assert_eq!(k["since"], "2025-09-18");
    let months = k["months"].as_array().unwrap();
    assert_eq!(months.len(), 2);
    assert_eq!(months[1]["recognition_given"], 1);
    assert_eq!(months[1]["given_not_yet_said"], 1);
    assert_eq!(months[1]["feedback_appreciative"], 1);
    assert_eq!(months[1]["helped"], 2);
    assert!(
        json["entries"].is_number(),
        "the period's patterns are still there"
    );
    assert!(!text.to_lowercase().contains("score:"));
}

#[test]
fn a_summary_counts_practice_with_others_and_ruptures_only_when_shared() {
    use praxis::transfer::summary::Summary;
    let j = Journal::new();
    all_kinds(&j);
    let parse = |out: &str| Summary::parse(std::path::Path::new("s.json"), out).unwrap();
    let (out, _) = run(&j, &["export", "--summary", "--format", "json"]);
    let s = parse(&out);
    let w = s.with_others.clone().unwrap();
    assert_eq!(
        (w.recognition.given, w.recognition.given_not_yet_said),
        (1, 1),
        "{out}"
    );
    assert_eq!(w.feedback.total, 1);
    assert_eq!(w.feedback.by_source.get("colleague"), Some(&1));
    assert_eq!(w.feedback.by_tone.get("mixed"), Some(&1));
    assert_eq!(
        (w.group_sessions.total, w.group_sessions.peer_reflection),
        (1, 1)
    );
    assert!(
        w.ruptures.is_none() && w.positive_risk.is_none(),
        "ruptures and plans stay out unless shared by name: {out}"
    );
    let reliability = &s.strengths[0];
    assert_eq!((reliability.colleague, reliability.total), (1, 1), "{out}");

    let (out, _) = run(
        &j,
        &[
            "export",
            "--summary",
            "--format",
            "json",
            "--include-ruptures",
            "--include-risk-plans",
        ],
    );
    let w = parse(&out).with_others.unwrap();
    let r = w.ruptures.unwrap();
    assert_eq!(
        r.noticed, 1,
        "only the shareable rupture, not the call-in's: {out}"
    );
    assert_eq!(r.by_status.get("open"), Some(&1));
    let p = w.positive_risk.unwrap();
    assert_eq!((p.plans, p.active), (1, 1), "{out}");

    let (md, _) = run(
        &j,
        &[
            "export",
            "--summary",
            "--format",
            "md",
            "--include-ruptures",
        ],
    );
    for line in [
        "## Practice with others",
        "- **Recognition:** 1 given, 1 of it not yet said",
        "- **Feedback:** 1 piece: 1 from a colleague; 1 mixed",
        "- **Group and peer sessions:** 1 session: 1 team session; 1 as peer reflection",
        "- **Ruptures and repair:** 1 noticed: 1 open",
        "| strength | mine | person supported | team | colleague | trend |",
    ] {
        assert!(md.contains(line), "{line} missing from:\n{md}");
    }
    assert!(!md.contains("Positive-risk"), "{md}");
    for name in ["peer-B", "peer-C", "YP-A"] {
        assert!(!md.contains(name), "{name} in {md}");
    }
}

#[test]
fn an_older_summary_without_colleague_counts_takes_them_back_from_the_total() {
    use praxis::transfer::summary::Summary;
    let j = Journal::new();
    all_kinds(&j);
    let (out, _) = run(&j, &["export", "--summary", "--format", "json"]);
    let mut v: Value = serde_json::from_str(&out).unwrap();
    v.as_object_mut().unwrap().remove("with_others");
    for st in v["strengths"].as_array_mut().unwrap() {
        st.as_object_mut().unwrap().remove("colleague");
    }
    let old = Summary::parse(std::path::Path::new("old.json"), &v.to_string()).unwrap();
    assert!(old.with_others.is_none());
    let st = &old.strengths[0];
    assert_eq!((st.colleague, st.total), (1, 1), "{v:#}");
}

/// `subjects list` counts every kind that names a subject, not only stage notes: a
/// colleague recognised twice is not "0 stage notes".
#[test]
fn subjects_list_counts_every_kind_that_names_a_subject() {
    let j = Journal::new();
    run(
        &j,
        &[
            "recognise",
            "peer-B",
            "--what",
            "Covered the late visit",
            "--strength",
            "reliability",
        ],
    );
    run(
        &j,
        &[
            "recognise",
            "peer-B",
            "--what",
            "Stayed after handover",
            "--strength",
            "reliability",
        ],
    );
    let (out, _) = run(&j, &["subjects", "list"]);
    let line = out.lines().find(|l| l.starts_with("peer-B")).unwrap();
    assert!(line.contains("2 recognitions"), "{out}");
    assert!(!line.contains("stage note"), "{out}");
    assert!(line.contains("latest 2026-"), "{out}");
    let rows = j.json(&["subjects", "list", "--json"]);
    let peer = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "peer-B")
        .unwrap();
    assert_eq!(peer["stage_notes"], 0);
    assert_eq!(peer["entries"][0]["kind"], "recognition");
    assert_eq!(peer["entries"][0]["count"], 2);
}

#[test]
fn every_practice_kind_is_exported_in_markdown_html_and_csv_redacted() {
    let j = Journal::new();
    all_kinds(&j);
    let shared = ["--include-ruptures", "--include-risk-plans"];
    for format in ["md", "html", "csv"] {
        let mut args = vec!["export", "-f", format];
        args.extend(shared);
        let (out, _) = run(&j, &args);
        for fact in [
            "What they did",
            "Their words",
            "said you rushed the handover",
            "What happened",
            "Their goal",
            "Travel by bus alone",
            "What went well",
            "Team session",
        ] {
            assert!(out.contains(fact), "{format}: {fact} missing from\n{out}");
        }
        // Stored words read as words; dates only by month; people only as placeholders.
        assert!(out.contains("not yet"), "{format}: {out}");
        assert!(!out.contains("not-yet"), "{format}: {out}");
        assert!(out.contains("April 2026"), "{format}: {out}");
        for name in ["peer-B", "peer-C", "YP-A", "Jane Smith", "2026-04-09"] {
            assert!(!out.contains(name), "{format}: {name} in\n{out}");
        }
    }
    let (md, err) = run(&j, &["export", "-f", "md"]);
    assert!(md.contains("*March 2026 · recognition*"), "{md}");
    assert!(
        err.contains("Exported 3 entries (redacted: 4 subject keys, 1 possible name)"),
        "{err}"
    );
    assert!(md.contains("*March 2026 · group-session · "), "{md}");
    let (html, _) = run(&j, &["export", "-f", "html", "--include-ruptures"]);
    for class in [
        "kind-recognition",
        "kind-feedback",
        "kind-rupture",
        "kind-group-session",
    ] {
        assert!(
            html.contains(&format!("class=\"entry {class}\"")),
            "{class}"
        );
    }
    assert!(
        !html.contains("class=\"entry kind-positive-risk\""),
        "not asked for"
    );
}

/// A rupture flagged for supervision was on the agenda twice: as flagged, and as an open
/// rupture. It is named once, under what it is.
#[test]
fn a_flagged_open_rupture_is_on_the_agenda_once() {
    let j = Journal::new();
    let r = id(
        &j,
        &[
            "rupture",
            "new",
            "peer-Q",
            "--kind",
            "withdrawal",
            "--what",
            "Quiet with me since the rota change",
            "--for-supervision",
        ],
    );
    let (prep, _) = run(&j, &["supervision", "prep", "--date", "friday"]);
    let agenda = prep
        .split("## Agenda")
        .nth(1)
        .and_then(|a| a.split("\n## ").next())
        .unwrap();
    assert_eq!(agenda.matches(&r).count(), 1, "{prep}");
    assert!(agenda.contains("Rupture with peer-Q"), "{prep}");
}

/// A required field left out on the command line says how to give it there, not only
/// the form's label ("Review on is required").
#[test]
fn a_missing_field_on_the_command_line_says_how_to_give_it() {
    let j = Journal::new();
    let err = j.fails(
        1,
        &["positive-risk", "plan", "YP-A", "--goal", "Cook again"],
    );
    assert!(err.contains("--field review-on="), "{err}");
}
