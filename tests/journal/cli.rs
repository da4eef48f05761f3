//! Every command through the real binary, in a temp dir, with a fixed clock
//! (Wednesday 2026-03-18) and no terminal.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::path::PathBuf;

use common::{Journal, has_raw_control, praxis, praxis_std};
use predicates::prelude::*;
use serde_json::Value;

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["short_id"].as_str().unwrap().to_string())
        .collect()
}

/// The rescue file named after "kept in" in an error message.
fn kept_path(stderr: &str) -> PathBuf {
    let at = stderr
        .find("kept in")
        .unwrap_or_else(|| panic!("no rescue file in: {stderr}"));
    let word = stderr[at..]
        .split_whitespace()
        .find(|w| w.starts_with('/'))
        .unwrap_or_else(|| panic!("no rescue path in: {stderr}"));
    PathBuf::from(word.trim_end_matches(['.', ',', ':', ';']))
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------
// add

#[test]
fn add_text_splits_the_title_at_the_first_sentence() {
    let j = Journal::new();
    let id = j.add(&["Hard handover. Stayed calm and listened."]);
    let e = j.entry_json(&id);
    assert_eq!(e["title"], "Hard handover.");
    assert_eq!(e["kind"], "reflection");
    assert_eq!(e["occurred_on"], "2026-03-18");
    assert_eq!(e["created_at"], "2026-03-18T20:00:00Z");
    assert_eq!(e["scope"], "private");
    assert_eq!(e["for_supervision"], false);
    let show = j.ok(&["show", &id]);
    let mut lines = show.lines();
    assert_eq!(lines.next(), Some("Hard handover."));
    assert!(show.contains("\nStayed calm and listened.\n"), "{show}");
    assert!(!show.contains("Hard handover. Stayed"), "{show}");
}

#[test]
fn add_joins_words_given_as_separate_arguments() {
    let j = Journal::new();
    let id = j.add(&["Quiet", "night", "on", "the", "ward"]);
    assert_eq!(j.entry_json(&id)["title"], "Quiet night on the ward");
}

#[test]
fn add_reads_piped_stdin() {
    let j = Journal::new();
    let out = j
        .cmd(&["add", "--on", "yesterday"])
        .write_stdin("Quiet night\nEveryone slept.\nI did the obs.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let e = j.entry_json(&id);
    assert_eq!(e["title"], "Quiet night");
    assert_eq!(e["occurred_on"], "2026-03-17");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("Everyone slept.\nI did the obs."), "{show}");
}

#[test]
fn add_saves_every_option() {
    let j = Journal::new();
    let id = j.add(&[
        "Review meeting went well.",
        "--title",
        "  Review meeting  ",
        "--on",
        "2026-03-01",
        "--strength",
        "listening",
        "--strength",
        "Teamwork:team",
        "-s",
        "warmth:person",
        "--tag",
        "Night Shift",
        "-t",
        "#handover",
        "--mood",
        "4",
        "--energy",
        "2",
        "--load",
        "heavy",
        "--carrying",
        "a-lot",
        "--for-supervision",
        "--scope",
        "supervision",
    ]);
    let e = j.entry_json(&id);
    assert_eq!(e["title"], "Review meeting");
    assert_eq!(e["occurred_on"], "2026-03-01");
    assert_eq!(e["scope"], "supervision");
    assert_eq!(e["for_supervision"], true);
    assert_eq!(
        e["tags"],
        serde_json::json!(["handover", "night-shift"]),
        "{e:#}"
    );
    let strengths: Vec<(String, String)> = e["strengths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["whose"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        strengths,
        [
            ("listening".to_string(), "mine".to_string()),
            ("teamwork".into(), "team".into()),
            ("warmth".into(), "person".into()),
        ]
    );
    let show = j.ok(&["show", &id]);
    assert!(show.starts_with("Review meeting\n"), "{show}");
    assert!(
        show.contains(&format!(
            "{id} · reflection · 2026-03-01 · supervision · for supervision"
        )),
        "{show}"
    );
    assert!(
        show.contains("Strengths: listening, teamwork (team), warmth (person)"),
        "{show}"
    );
    assert!(show.contains("Tags: handover, night-shift"), "{show}");
    assert!(
        show.contains("Check-in: mood 4/5 · energy 2/5 · load heavy · carrying a-lot"),
        "{show}"
    );
    // With --title the whole text is the body.
    assert!(show.contains("\nReview meeting went well.\n"), "{show}");
    let list = j.ok(&["list"]);
    assert!(
        list.contains(&format!("{id}  2026-03-01  reflection")),
        "{list}"
    );
    assert!(list.contains("⚑"), "{list}");
    assert!(
        list.contains("listening, teamwork:team, warmth:person"),
        "{list}"
    );
}

#[test]
fn add_on_resolves_words_against_the_fixed_clock() {
    let j = Journal::new();
    // PRAXIS_NOW is Wednesday 2026-03-18.
    for (on, want) in [
        ("today", "2026-03-18"),
        ("yesterday", "2026-03-17"),
        ("monday", "2026-03-16"),
        ("Sunday", "2026-03-15"),
        ("fri", "2026-03-13"),
        ("thursday", "2026-03-12"),
        ("wednesday", "2026-03-18"),
        ("2025-12-31", "2025-12-31"),
    ] {
        let id = j.add(&["Something happened", "--on", on]);
        assert_eq!(j.entry_json(&id)["occurred_on"], want, "--on {on}");
    }
}

#[test]
fn add_with_a_model_keeps_sections_in_model_order() {
    let j = Journal::new();
    let id = j.add(&[
        "--model",
        "gibbs",
        "--section",
        "Feelings=Nervous at first",
        "--section",
        "description=We met the family.",
        "--strength",
        "empathy",
    ]);
    let e = j.entry_json(&id);
    assert_eq!(e["model"], "gibbs");
    assert_eq!(e["title"], "We met the family.");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("Gibbs"), "{show}");
    let d = show.find("## Description\nWe met the family.").unwrap();
    let f = show.find("## Feelings\nNervous at first").unwrap();
    assert!(d < f, "{show}");
    assert!(
        !show.contains("## Evaluation"),
        "empty sections are not shown: {show}"
    );
}

#[test]
fn an_unknown_section_key_lists_the_valid_keys() {
    let j = Journal::new();
    let err = j.fails(1, &["add", "--model", "gibbs", "--section", "bogus=text"]);
    assert!(err.starts_with("praxis: "), "{err}");
    assert!(err.contains("'bogus'"), "{err}");
    assert!(
        err.contains("description, feelings, evaluation, analysis, conclusion, action-plan"),
        "{err}"
    );
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn a_section_without_key_equals_text_is_an_error() {
    let j = Journal::new();
    let err = j.fails(1, &["add", "--model", "gibbs", "--section", "description"]);
    assert!(err.contains("KEY=TEXT"), "{err}");
}

#[test]
fn an_unknown_model_lists_the_models() {
    let j = Journal::new();
    let err = j.fails(1, &["add", "--model", "nope", "--section", "a=b"]);
    assert!(err.contains("unknown model 'nope'"), "{err}");
    assert!(err.contains("gibbs"), "{err}");
}

#[test]
fn an_unknown_strength_suggests_close_matches_and_saves_nothing() {
    let j = Journal::new();
    let err = j.fails(1, &["add", "Some text", "--strength", "listenin"]);
    assert!(err.starts_with("praxis: "), "{err}");
    assert!(err.contains("unknown strength 'listenin'"), "{err}");
    assert!(err.contains("'listening'"), "{err}");
    let err = j.fails(1, &["add", "Some text", "--strength", "zzzzzzzz"]);
    assert!(err.contains("praxis strengths"), "{err}");
    let err = j.fails(1, &["add", "Some text", "--strength", "listening:boss"]);
    assert!(err.contains("mine, person, team"), "{err}");
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn a_bad_date_is_a_usage_error_naming_the_format() {
    let j = Journal::new();
    for bad in ["2026-02-30", "14/03/2026", "someday", "2026-3-1"] {
        let err = j.fails(2, &["add", "Some text", "--on", bad]);
        assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
    }
    let err = j.fails(2, &["list", "--since", "last week"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert!(err.contains("'in 4 weeks' or '3 days ago'"), "{err}");
}

#[test]
fn out_of_range_checkin_values_are_usage_errors() {
    let j = Journal::new();
    j.fails(2, &["add", "Some text", "--mood", "7"]);
    j.fails(2, &["add", "Some text", "--mood", "0"]);
    j.fails(2, &["add", "Some text", "--energy", "6"]);
    j.fails(2, &["add", "Some text", "--load", "crushing"]);
    j.fails(2, &["add", "Some text", "--scope", "public"]);
    j.fails(2, &["add", "Some text", "--kind", "diary"]);
    assert!(!j.db().exists() || j.json(&["list", "--json"]) == serde_json::json!([]));
}

#[test]
fn empty_stdin_saves_nothing() {
    let j = Journal::new();
    // An empty pipe is no text: the editor opens, and when nothing is written there,
    // nothing is saved.
    let marker = j.path().join("editor-was-opened");
    let editor = j.script("noop.sh", &format!("touch '{}'", marker.display()));
    for input in ["", "  \n\n\t \n"] {
        j.with_editor(&editor, &["add"])
            .write_stdin(input)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("no entry saved"));
        assert!(marker.exists());
        std::fs::remove_file(&marker).unwrap();
    }
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn invalid_utf8_on_stdin_is_refused_and_nothing_is_written() {
    let j = Journal::new();
    j.cmd(&["add"])
        .write_stdin(b"Good start \xff\xfe then garbage".to_vec())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("UTF-8").and(predicate::str::contains("nothing")));
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn add_opens_the_editor_when_there_is_no_text_and_no_pipe() {
    let j = Journal::new();
    // Fill two sections and the strengths header, and track an action.
    let editor = j.script(
        "fill.sh",
        r#"awk '
/^strengths:/ { print "strengths: empathy, teamwork:team"; next }
{ print }
/^## Feelings$/ { print "Scared, then steady." }
/^## Action plan$/ { print "- [ ] Ask for a debrief (due 2026-03-25)" }
' "$1" > "$1.new" && mv "$1.new" "$1""#,
    );
    let out = j
        .with_editor(&editor, &["add", "--model", "gibbs"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let e = j.entry_json(&id);
    assert_eq!(e["model"], "gibbs");
    assert_eq!(e["title"], "Scared, then steady.");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("## Feelings\nScared, then steady."), "{show}");
    assert!(
        show.contains("Strengths: empathy, teamwork (team)"),
        "{show}"
    );
    assert!(
        show.contains("[ ] Ask for a debrief (due 2026-03-25)"),
        "{show}"
    );
    // The prompts are comments in the file, never saved.
    assert!(!show.contains("<!--"), "{show}");
}

#[test]
fn add_in_the_editor_without_a_model_saves_the_text() {
    let j = Journal::new();
    let editor = j.script(
        "write.sh",
        r#"printf 'Wrote this in my editor. It was a long day.\n' >> "$1""#,
    );
    let out = j.with_editor(&editor, &["add"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(j.entry_json(&id)["title"], "Wrote this in my editor.");
    assert!(j.ok(&["show", &id]).contains("It was a long day."));
}

#[test]
fn add_saves_nothing_when_the_editor_fails_or_writes_nothing() {
    let j = Journal::new();
    let fail = j.script("fail.sh", "exit 1");
    j.with_editor(&fail, &["add", "--model", "gibbs"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing"));
    let untouched = j.script("noop.sh", "true");
    j.with_editor(&untouched, &["add", "--model", "gibbs"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no entry saved")
                .or(predicate::str::contains("nothing to save")),
        );
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------
// list

/// Six entries with different dates, kinds, strengths, tags and flags.
fn sample(j: &Journal) -> Vec<String> {
    vec![
        j.add(&["Oldest entry", "--on", "2026-01-05", "--tag", "ward"]),
        j.ok(&[
            "supervision",
            "record",
            "--date",
            "2026-02-10",
            "--decision",
            "Keep the Tuesday slot",
        ])
        .trim()
        .to_string(),
        j.add(&[
            "Advocated at the meeting",
            "--on",
            "2026-03-02",
            "--strength",
            "advocacy",
            "--for-supervision",
        ]),
        j.add(&[
            "Listened a lot",
            "--on",
            "2026-03-02",
            "--strength",
            "listening",
            "--tag",
            "ward",
        ]),
        j.add(&["Team pulled together", "--strength", "teamwork:team"]),
        j.add(&["Yesterday's shift", "--on", "yesterday", "--tag", "Ward"]),
    ]
}

#[test]
fn list_is_newest_first() {
    let j = Journal::new();
    let ids_in = sample(&j);
    let all = j.json(&["list", "--json"]);
    // By date, then the later-written of two entries on the same day first.
    let want: Vec<String> = [4, 5, 3, 2, 1, 0]
        .iter()
        .map(|i| ids_in[*i].clone())
        .collect();
    assert_eq!(ids(&all), want);
    let text = j.ok(&["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    for (line, id) in lines.iter().zip(&want) {
        assert!(line.starts_with(id.as_str()), "{line}");
    }
    assert!(lines[0].contains("2026-03-18  reflection     Team pulled together  teamwork:team"));
    assert!(lines[4].contains("supervision"), "{}", lines[4]);
    // `ls` is an alias.
    assert_eq!(j.ok(&["ls"]), text);
}

#[test]
fn list_filters() {
    let j = Journal::new();
    let s = sample(&j);
    let got = |args: &[&str]| {
        let mut full = vec!["list", "--json"];
        full.extend_from_slice(args);
        ids(&j.json(&full))
    };
    assert_eq!(got(&["--kind", "supervision"]), [s[1].clone()]);
    assert_eq!(got(&["--strength", "advocacy"]), [s[2].clone()]);
    assert_eq!(got(&["--strength", "Listening"]), [s[3].clone()]);
    assert_eq!(got(&["--strength", "teamwork"]), [s[4].clone()]);
    assert_eq!(
        got(&["--tag", "ward"]),
        [s[5].clone(), s[3].clone(), s[0].clone()]
    );
    assert_eq!(got(&["--tag", "WARD"]).len(), 3);
    assert_eq!(
        got(&["--since", "2026-03-02"]),
        [s[4].clone(), s[5].clone(), s[3].clone(), s[2].clone()]
    );
    assert_eq!(
        got(&["--until", "2026-03-02"]),
        [s[3].clone(), s[2].clone(), s[1].clone(), s[0].clone()]
    );
    assert_eq!(
        got(&["--since", "2026-02-01", "--until", "2026-03-01"]),
        [s[1].clone()]
    );
    assert_eq!(got(&["--since", "yesterday"]), [s[4].clone(), s[5].clone()]);
    assert_eq!(got(&["--for-supervision"]), [s[2].clone()]);
    assert_eq!(got(&["--limit", "2"]), [s[4].clone(), s[5].clone()]);
    assert_eq!(got(&["-n", "1", "--tag", "ward"]), [s[5].clone()]);
    assert!(got(&["--kind", "cpd"]).is_empty());
    assert!(got(&["--strength", "empathy"]).is_empty());
    let err = j.fails(1, &["list", "--strength", "listenin"]);
    assert!(err.contains("'listening'"), "{err}");
    let err = j.fails(
        1,
        &["list", "--since", "2026-03-10", "--until", "2026-03-01"],
    );
    assert!(err.contains("--since"), "{err}");
}

#[test]
fn list_json_has_the_fields_scripts_need() {
    let j = Journal::new();
    let id = j.add(&[
        "Title here. Body here.",
        "--strength",
        "warmth:person",
        "--tag",
        "x",
    ]);
    let all = j.json(&["list", "--json"]);
    let e = &all[0];
    let full = e["id"].as_str().unwrap();
    assert_eq!(full.len(), 36);
    assert!(full.replace('-', "").starts_with(&id));
    for key in [
        "id",
        "short_id",
        "kind",
        "model",
        "title",
        "occurred_on",
        "created_at",
        "updated_at",
        "scope",
        "for_supervision",
        "strengths",
        "tags",
    ] {
        assert!(e.get(key).is_some(), "no {key} in {e:#}");
    }
    assert_eq!(
        e["strengths"],
        serde_json::json!([{"name": "warmth", "whose": "person"}])
    );
    assert_eq!(e["tags"], serde_json::json!(["x"]));
    assert!(e.get("rowid").is_none(), "{e:#}");
    assert!(e.get("deleted_at").is_none(), "{e:#}");
}

#[test]
fn an_empty_list_says_so_on_stderr() {
    let j = Journal::new();
    j.cmd(&["list"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("praxis add"));
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------
// show and ids

#[test]
fn show_finds_an_entry_by_short_id_prefix_or_full_uuid() {
    let j = Journal::new();
    let id = j.add(&["Findable entry. With a body."]);
    j.add(&["Another entry"]);
    let full = j.entry_json(&id)["id"].as_str().unwrap().to_string();
    let by_short = j.ok(&["show", &id]);
    assert!(by_short.starts_with("Findable entry.\n"), "{by_short}");
    assert_eq!(j.ok(&["show", &full]), by_short);
    assert_eq!(j.ok(&["show", &full.to_uppercase()]), by_short);
    assert_eq!(j.ok(&["show", &full[..13]]), by_short);
    // The shortest unique prefix: try 4, 5, … characters until unambiguous.
    let mut found = false;
    for n in 4..=8 {
        let out = j.cmd(&["show", &id[..n]]).output().unwrap();
        if out.status.success() {
            assert_eq!(String::from_utf8(out.stdout).unwrap(), by_short);
            found = true;
            break;
        }
    }
    assert!(found);
}

#[test]
fn unknown_and_malformed_ids_are_clear_errors() {
    let j = Journal::new();
    let id = j.add(&["Something"]);
    let other = if id.starts_with("0000") {
        "ffff"
    } else {
        "0000"
    };
    let err = j.fails(1, &["show", other]);
    assert!(
        err.contains(&format!("no entry with id '{other}'")),
        "{err}"
    );
    for bad in [
        "zz",
        "abc",
        "not-an-id",
        "12345678901234567890123456789012345",
    ] {
        let err = j.fails(1, &["show", bad]);
        assert!(err.starts_with("praxis: "), "{bad}: {err}");
        assert!(err.contains("not an entry id"), "{bad}: {err}");
    }
    j.fails(2, &["show"]);
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    use praxis::model::{Entry, EntryKind};
    let j = Journal::new();
    j.add(&["Create the journal"]);
    {
        let mut store = praxis::store::Store::open(&j.db()).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339(common::NOW)
            .unwrap()
            .to_utc();
        for (uuid, title) in [
            ("abcd1234-0000-4000-8000-000000000001", "First twin"),
            ("abcd1234-0000-4000-8000-000000000002", "Second twin"),
            ("abcd9999-0000-4000-8000-000000000003", "Cousin"),
        ] {
            let mut e = Entry::new(EntryKind::Reflection, day, now);
            e.id = uuid.parse().unwrap();
            e.title = title.into();
            store.insert_entry(&e).unwrap();
        }
    }
    let err = j.fails(1, &["show", "abcd"]);
    assert!(err.contains("id 'abcd' is ambiguous"), "{err}");
    assert!(err.contains("abcd9999-0000"), "{err}");
    // The twins are shown long enough to tell them apart.
    let err = j.fails(1, &["show", "abcd1234"]);
    assert!(
        err.contains("abcd1234-0000-4000-8000-000000000001")
            && err.contains("abcd1234-0000-4000-8000-000000000002"),
        "{err}"
    );
    let err = j.fails(1, &["rm", "abcd1234"]);
    assert!(err.contains("ambiguous"), "{err}");
    assert!(
        j.ok(&["show", "abcd9"]).starts_with("Cousin\n"),
        "a longer prefix is unique"
    );
    assert!(
        j.ok(&["show", "abcd1234-0000-4000-8000-000000000002"])
            .starts_with("Second twin\n")
    );
    let hex = "abcd1234-0000-4000-8000-000000000001"
        .replace('-', "")
        .to_uppercase();
    assert!(j.ok(&["show", &hex]).starts_with("First twin\n"));
    // Nothing was moved to the trash by the ambiguous rm.
    assert_eq!(j.json(&["list", "--json"]).as_array().unwrap().len(), 4);
    // A link to an ambiguous id names the candidates too (it once said "it matches ;").
    let err = j.fails(
        1,
        &[
            "cpd", "add", "--type", "reading", "--title", "Read", "--hours", "1", "--link", "abcd",
        ],
    );
    assert!(
        err.contains("ambiguous") && err.contains("abcd9999-0000"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// edit

fn gibbs_entry(j: &Journal) -> String {
    j.add(&[
        "--model",
        "gibbs",
        "--section",
        "description=We met the family.",
        "--section",
        "feelings=Nervous",
        "--tag",
        "family",
    ])
}

#[test]
fn edit_round_trips_through_the_editor() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    let seen = j.path().join("seen.md");
    let editor = j.script(
        "edit.sh",
        &format!(
            r#"cp "$1" '{}'
awk '
/^title:/ {{ print "title: Meeting the family"; next }}
/^date:/ {{ print "date: monday"; next }}
/^mood:/ {{ print "mood: 3"; next }}
/^supervision:/ {{ print "supervision: yes"; next }}
/^tags:/ {{ print "tags: family, Home Visit"; next }}
/^Nervous$/ {{ print "Steady, in the end."; next }}
{{ print }}
/^## Evaluation$/ {{ print "It went well enough." }}
' "$1" > "$1.new" && mv "$1.new" "$1""#,
            seen.display()
        ),
    );
    j.with_editor(&editor, &["edit", &id])
        .assert()
        .success()
        .stdout(format!("{id}\n"));
    // What the editor was given: header, prompts as comments, the sections.
    let doc = std::fs::read_to_string(&seen).unwrap();
    assert!(doc.starts_with("---\ntitle: We met the family.\n"), "{doc}");
    assert!(doc.contains("\ndate: 2026-03-18\n"), "{doc}");
    assert!(doc.contains("\ntags: family\n"), "{doc}");
    assert!(doc.contains("## Feelings\n<!--"), "{doc}");
    assert!(doc.contains("\nNervous\n"), "{doc}");

    let e = j.entry_json(&id);
    assert_eq!(e["title"], "Meeting the family");
    assert_eq!(e["occurred_on"], "2026-03-16");
    assert_eq!(e["for_supervision"], true);
    assert_eq!(e["tags"], serde_json::json!(["family", "home-visit"]));
    assert_eq!(e["model"], "gibbs");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("## Feelings\nSteady, in the end."), "{show}");
    assert!(
        show.contains("## Evaluation\nIt went well enough."),
        "{show}"
    );
    assert!(
        show.contains("## Description\nWe met the family."),
        "{show}"
    );
    assert!(show.contains("Check-in: mood 3/5"), "{show}");
    assert!(!show.contains("Nervous"), "{show}");
    // The index follows the edit.
    assert_eq!(
        j.json(&["search", "nervous", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(ids(&j.json(&["search", "steady", "--json"])), [id.as_str()]);
    // The private temporary directory of the editor is gone.
    let left: Vec<_> = std::fs::read_dir(j.path().join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("praxis-") && n != "praxis-rescued")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_unchanged_edit_saves_nothing() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    let before = j.ok(&["show", &id]);
    let noop = j.script("noop.sh", "true");
    j.with_editor(&noop, &["edit", &id])
        .assert()
        .success()
        .stderr(predicate::str::contains("No changes"));
    assert_eq!(j.ok(&["show", &id]), before);
}

#[test]
fn an_invalid_edit_is_reported_and_the_text_kept_in_a_rescue_file() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    let before_show = j.ok(&["show", &id]);
    let before_list = j.ok(&["list", "--json"]);
    let editor = j.script(
        "bad.sh",
        r#"awk '
/^mood:/ { print "mood: 9"; next }
/^Nervous$/ { print "Words I must not lose."; next }
{ print }
' "$1" > "$1.new" && mv "$1.new" "$1""#,
    );
    let err = String::from_utf8(
        j.with_editor(&editor, &["edit", &id])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.starts_with("praxis: line "), "{err}");
    assert!(err.contains("mood"), "{err}");
    assert!(err.contains("not changed"), "{err}");
    let kept = kept_path(&err);
    assert!(
        kept.starts_with(j.path()),
        "rescued beside the journal: {err}"
    );
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(text.contains("Words I must not lose."), "{text}");
    assert!(text.contains("mood: 9"), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(j.ok(&["show", &id]), before_show);
    assert_eq!(j.ok(&["list", "--json"]), before_list);
}

#[test]
fn other_invalid_edits_are_refused_too() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    let before = j.ok(&["show", &id]);
    for (name, line) in [
        ("date", r#"/^date:/ { print "date: 2026-02-30"; next }"#),
        (
            "strength",
            r#"/^strengths:/ { print "strengths: listenin"; next }"#,
        ),
        ("scope", r#"/^scope:/ { print "scope: everyone"; next }"#),
        ("header", r#"/^word:/ { print "colour: red"; next }"#),
    ] {
        let editor = j.script(
            &format!("{name}.sh"),
            &format!(r#"awk '{line} {{ print }}' "$1" > "$1.new" && mv "$1.new" "$1""#),
        );
        let err = String::from_utf8(
            j.with_editor(&editor, &["edit", &id])
                .assert()
                .code(1)
                .get_output()
                .stderr
                .clone(),
        )
        .unwrap();
        assert!(err.contains("line "), "{name}: {err}");
        assert!(kept_path(&err).exists(), "{name}: {err}");
    }
    assert_eq!(j.ok(&["show", &id]), before);
}

#[test]
fn emptying_an_entry_in_the_editor_is_refused() {
    let j = Journal::new();
    let id = j.add(&["Only a title"]);
    let editor = j.script(
        "empty.sh",
        r#"awk '/^title:/ { print "title:"; next } { print }' "$1" > "$1.new" && mv "$1.new" "$1""#,
    );
    let err = String::from_utf8(
        j.with_editor(&editor, &["edit", &id])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("praxis rm"), "{err}");
    assert_eq!(j.entry_json(&id)["title"], "Only a title");
}

#[test]
fn a_failing_editor_changes_nothing() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    let before = j.ok(&["show", &id]);
    let fail = j.script("fail.sh", "exit 1");
    j.with_editor(&fail, &["edit", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing was saved"));
    // Changed text and then a failure: nothing saved, the text kept.
    let half = j.script(
        "half.sh",
        r#"awk '/^Nervous$/ { print "Half-written thought"; next } { print }' "$1" > "$1.new" && mv "$1.new" "$1"
exit 3"#,
    );
    let err = String::from_utf8(
        j.with_editor(&half, &["edit", &id])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("nothing was saved"), "{err}");
    let kept = kept_path(&err);
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("Half-written thought"),
        "{err}"
    );
    assert_eq!(j.ok(&["show", &id]), before);
}

#[test]
fn a_trashed_entry_cannot_be_edited() {
    let j = Journal::new();
    let id = j.add(&["To be trashed"]);
    j.ok(&["rm", &id]);
    let editor = j.script("never.sh", "echo edited >> \"$1\"");
    let err = j.fails(1, &["edit", &id]);
    assert!(err.contains("praxis restore"), "{err}");
    j.with_editor(&editor, &["edit", &id]).assert().code(1);
}

// ---------------------------------------------------------------------------------------
// rm, restore, trash

#[test]
fn rm_restore_and_the_trash() {
    let j = Journal::new();
    let keep = j.add(&["Keep me. Searchable words."]);
    let gone = j.add(&["Remove me. Searchable words.", "--tag", "temp"]);
    j.cmd(&["rm", &gone])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("praxis restore {gone}")));
    assert_eq!(ids(&j.json(&["list", "--json"])), [keep.as_str()]);
    assert_eq!(
        ids(&j.json(&["search", "searchable", "--json"])),
        [keep.as_str()]
    );
    assert_eq!(j.json(&["tags", "--json"]), serde_json::json!([]));
    let trash = j.ok(&["trash"]);
    assert!(trash.starts_with(&gone), "{trash}");
    assert_eq!(j.ok(&["trash", "list"]), trash);
    let show = j.ok(&["show", &gone]);
    assert!(show.contains("in the trash"), "{show}");
    let err = j.fails(1, &["rm", &gone]);
    assert!(err.contains("already in the trash"), "{err}");

    j.cmd(&["restore", &gone])
        .assert()
        .success()
        .stdout(format!("Restored {gone}.\n"));
    assert_eq!(j.json(&["list", "--json"]).as_array().unwrap().len(), 2);
    assert_eq!(
        j.json(&["search", "searchable", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    j.cmd(&["trash"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("empty"));
    let err = j.fails(1, &["restore", &gone]);
    assert!(err.contains("not in the trash"), "{err}");
}

#[test]
fn one_entry_of_the_trash_is_deleted_for_good() {
    let j = Journal::new();
    let live = j.add(&["Still in the journal"]);
    let stays = j.add(&["In the trash and staying there"]);
    let gone = j.add(&["Wrote the wrong name. Unique okapi."]);
    j.ok(&["rm", &stays]);
    // Only from the trash: a live entry is moved there first.
    let err = j.fails(1, &["trash", "delete", &live]);
    assert!(err.contains(&format!("`praxis rm {live}`")), "{err}");
    j.ok(&["rm", &gone]);
    // No terminal to ask on: refused, nothing deleted.
    let err = j.fails(1, &["trash", "delete", &gone]);
    assert!(err.contains("--yes"), "{err}");
    assert!(j.ok(&["trash"]).contains(&gone));
    j.cmd(&["trash", "delete", &gone, "--yes"])
        .assert()
        .success()
        .stdout(format!("Deleted {gone} for good.\n"));
    let trash = j.ok(&["trash"]);
    assert!(
        trash.starts_with(&stays) && !trash.contains(&gone),
        "{trash}"
    );
    assert_eq!(ids(&j.json(&["list", "--json"])), [live.as_str()]);
    let err = j.fails(1, &["trash", "delete", &gone, "-y"]);
    assert!(err.contains("no entry with id"), "{err}");
    assert!(
        j.json(&["search", "okapi", "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn emptying_the_trash_needs_a_confirmation() {
    let j = Journal::new();
    let keep = j.add(&["Keep me", "--tag", "stay"]);
    let gone = j.add(&["Delete me for good. Unique zebra.", "--tag", "go"]);
    j.ok(&["rm", &gone]);
    // No terminal to ask on: refused, nothing deleted.
    let err = j.fails(1, &["trash", "empty"]);
    assert!(err.contains("--yes"), "{err}");
    assert!(j.ok(&["trash"]).starts_with(&gone));
    j.cmd(&["trash", "empty", "--yes"])
        .assert()
        .success()
        .stdout("Deleted 1 entry for good.\n");
    j.cmd(&["trash"]).assert().success().stdout("");
    let err = j.fails(1, &["show", &gone]);
    assert!(err.contains("no entry with id"), "{err}");
    j.fails(1, &["restore", &gone]);
    assert_eq!(ids(&j.json(&["list", "--json"])), [keep]);
    assert_eq!(
        j.json(&["tags", "--json"]),
        serde_json::json!([{"name": "stay", "count": 1}])
    );
    // Emptying an empty trash is fine.
    j.cmd(&["trash", "empty", "-y"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already empty"));
}

// ---------------------------------------------------------------------------------------
// search

#[test]
fn search_ranks_and_highlights() {
    let j = Journal::new();
    let body = j.add(&["A long shift. I tried to stay calm during the handover."]);
    let title = j.add(&["Calm handover. It was fine."]);
    j.add(&["Nothing relevant here"]);
    let out = j.ok(&["search", "calm"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    // A match in the title outranks one in the body.
    assert!(lines[0].starts_with(&title), "{out}");
    assert!(lines[2].starts_with(&body), "{out}");
    assert!(lines[1].starts_with("    "), "{out}");
    assert!(lines[1].contains("*Calm*"), "{out}");
    assert!(lines[3].contains("*calm*"), "{out}");
    // Stems match ("handovers" finds "handover"); all words must appear.
    assert_eq!(
        j.json(&["search", "handovers", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ids(&j.json(&["search", "calm", "shift", "--json"])),
        [body.as_str()]
    );
    assert_eq!(
        ids(&j.json(&["search", "\"stay calm\"", "--json"])),
        [body.as_str()]
    );
    assert_eq!(
        j.json(&["search", "hand*", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Search syntax typed by a person never breaks the query.
    j.ok(&["search", "calm AND (", "NEAR", "\""]);
    j.cmd(&["search", "zebra"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("No entries"));
    j.fails(1, &["search", "**"]);
    j.fails(2, &["search"]);
}

#[test]
fn search_json_has_a_plain_snippet_and_the_entry_fields() {
    let j = Journal::new();
    let id = j.add(&["Handover notes. The night was calm.", "--tag", "nights"]);
    let hits = j.json(&["search", "calm", "--json"]);
    let h = &hits[0];
    assert_eq!(h["short_id"], id.as_str());
    assert_eq!(h["title"], "Handover notes.");
    assert_eq!(h["tags"], serde_json::json!(["nights"]));
    assert!(h["rank"].is_f64(), "{h:#}");
    let snippet = h["snippet"].as_str().unwrap();
    assert!(snippet.contains("The night was calm."), "{snippet}");
    assert!(
        !snippet.contains('\u{E000}') && !snippet.contains('\u{E001}') && !snippet.contains('*'),
        "{snippet:?}"
    );
}

#[test]
fn search_finds_text_in_sections_and_respects_filters() {
    let j = Journal::new();
    let id = j.add(&[
        "--model",
        "gibbs",
        "--section",
        "description=An ordinary visit.",
        "--section",
        "analysis=Safeguarding policy explained the escalation.",
    ]);
    j.ok(&[
        "cpd",
        "add",
        "--type",
        "training",
        "--title",
        "Safeguarding training",
        "--date",
        "2026-01-02",
        "--hours",
        "3",
    ]);
    let hits = j.json(&["search", "escalation", "--json"]);
    assert_eq!(ids(&hits), [id.as_str()]);
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("escalation"),
        "{hits:#}"
    );
    assert_eq!(
        j.json(&["search", "safeguarding", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ids(&j.json(&["search", "safeguarding", "--kind", "reflection", "--json"])),
        [id.as_str()]
    );
    assert_eq!(
        ids(&j.json(&["search", "safeguarding", "--since", "2026-03-01", "--json"])),
        [id.as_str()]
    );
    assert_eq!(
        j.json(&["search", "safeguarding", "--until", "2026-01-01", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(
        j.json(&["search", "safeguarding", "--limit", "1", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn search_leaves_out_the_trash() {
    let j = Journal::new();
    let id = j.add(&["Porcupine incident"]);
    j.ok(&["rm", &id]);
    assert_eq!(
        j.json(&["search", "porcupine", "--json"]),
        serde_json::json!([])
    );
    j.ok(&["restore", &id]);
    assert_eq!(ids(&j.json(&["search", "porcupine", "--json"])), [id]);
}

// ---------------------------------------------------------------------------------------
// strengths and tags

#[test]
fn strengths_are_listed_by_group_with_counts() {
    let j = Journal::new();
    j.add(&["One", "-s", "listening", "-s", "teamwork:team"]);
    j.add(&["Two", "-s", "listening:person"]);
    j.add(&["Three", "-s", "listening"]);
    let trashed = j.add(&["Four", "-s", "listening"]);
    j.ok(&["rm", &trashed]);
    let out = j.ok(&["strengths"]);
    assert!(out.starts_with("Relating\n"), "{out}");
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("listening"))
        .unwrap();
    assert!(line.contains(" 3  "), "{line}");
    assert!(line.contains("mine 2 · person 1 · team 0"), "{line}");
    let warmth = out
        .lines()
        .find(|l| l.trim_start().starts_with("warmth"))
        .unwrap();
    assert!(warmth.contains(" 0  "), "{warmth}");
    assert!(
        warmth.contains("kindness"),
        "an unused strength shows its hint: {warmth}"
    );
    for group in [
        "Courage & integrity",
        "Thinking & learning",
        "Resources & resilience",
    ] {
        assert!(out.contains(&format!("\n{group}\n")), "{out}");
    }

    let groups = j.json(&["strengths", "--json"]);
    let all: Vec<&Value> = groups
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["strengths"].as_array().unwrap())
        .collect();
    assert_eq!(all.len(), 26);
    let listening = all.iter().find(|s| s["name"] == "listening").unwrap();
    assert_eq!(listening["total"], 3);
    assert_eq!(listening["mine"], 2);
    assert_eq!(listening["person"], 1);
    let teamwork = all.iter().find(|s| s["name"] == "teamwork").unwrap();
    assert_eq!(teamwork["team"], 1);
    assert_eq!(groups[0]["group"], "Relating");
}

#[test]
fn tags_are_listed_with_counts() {
    let j = Journal::new();
    j.cmd(&["tags"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("--tag"));
    j.add(&["One", "-t", "ward", "-t", "nights"]);
    j.add(&["Two", "-t", "Ward"]);
    j.add(&["Three", "-t", "#ward", "-t", "family"]);
    assert_eq!(
        j.json(&["tags", "--json"]),
        serde_json::json!([
            {"name": "ward", "count": 3},
            {"name": "family", "count": 1},
            {"name": "nights", "count": 1},
        ])
    );
    let out = j.ok(&["tags"]);
    let lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines,
        [vec!["ward", "3"], vec!["family", "1"], vec!["nights", "1"]],
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------
// config

#[test]
fn config_path_show_and_init() {
    let j = Journal::new();
    let path = j.config();
    assert_eq!(j.ok(&["config", "path"]), format!("{}\n", path.display()));
    let show = j.ok(&["config", "show"]);
    assert!(
        show.contains(&format!("# config file: {}", path.display())),
        "{show}"
    );
    assert!(
        show.contains(&format!("# journal: {}", j.db().display())),
        "{show}"
    );
    assert!(show.contains("default_scope = \"private\""), "{show}");
    assert!(show.contains("default_model = \"free\""), "{show}");
    assert!(show.contains("stale_stage_weeks = 6"), "{show}");

    // The (empty) file exists: init refuses to overwrite it.
    std::fs::write(&path, "# mine\n").unwrap();
    let err = j.fails(1, &["config", "init"]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");

    std::fs::remove_file(&path).unwrap();
    j.cmd(&["config", "init"])
        .assert()
        .success()
        .stdout(format!("Wrote {}\n", path.display()));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("[journal]"), "{written}");
    assert!(written.contains("default_scope = \"private\""), "{written}");
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    // The documented default is what `config show` reports with no file at all.
    let with_default = j.ok(&["config", "show"]);
    assert_eq!(with_default, show);

    std::fs::write(&path, "[supervision]\nstale_stage_weeks = 2\n").unwrap();
    j.fails(1, &["config", "init"]);
    j.ok(&["config", "init", "--force"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn config_init_creates_a_private_directory() {
    let j = Journal::new();
    let path = j.path().join("conf/praxis/config.toml");
    j.cmd(&["--config", path.to_str().unwrap(), "config", "init"])
        .assert()
        .success();
    assert!(path.exists());
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    // --config wins over PRAXIS_CONFIG.
    assert_eq!(
        j.ok(&["--config", path.to_str().unwrap(), "config", "path"]),
        format!("{}\n", path.display())
    );
}

#[test]
fn a_partial_config_keeps_the_other_defaults() {
    let j = Journal::new();
    std::fs::write(
        j.config(),
        "[journal]\ndefault_scope = \"supervision\"\n\n[[strengths.groups]]\nname = \"Relating\"\nstrengths = [{ name = \"patience\", hint = \"staying steady\" }]\n",
    )
    .unwrap();
    let show = j.ok(&["config", "show"]);
    assert!(show.contains("default_scope = \"supervision\""), "{show}");
    assert!(show.contains("default_model = \"free\""), "{show}");
    assert!(show.contains("stale_stage_weeks = 6"), "{show}");
    let id = j.add(&["Waited it out", "--strength", "patience"]);
    let e = j.entry_json(&id);
    assert_eq!(e["scope"], "supervision");
    assert_eq!(e["strengths"][0]["name"], "patience");
    assert!(j.ok(&["strengths"]).contains("patience"));
}

#[test]
fn a_bad_config_names_file_line_and_column() {
    let j = Journal::new();
    let path = j.config();
    let cases = [
        ("[journal]\ndefault_scope = 3\n", ":2:17:", "string"),
        ("[journal]\ncolour = \"blue\"\n", ":2:1:", "colour"),
        (
            "[supervision]\nstale_stage_weeks = \"six\"\n",
            ":2:21:",
            "u32",
        ),
        (
            "[journal]\ndefault_scope = \"public\"\n",
            ":2:17:",
            "private",
        ),
        ("[journal\n", ":1:", ""),
        ("[nonsense]\nx = 1\n", ":1:", "nonsense"),
    ];
    for (text, at, expected) in cases {
        std::fs::write(&path, text).unwrap();
        for args in [&["list"][..], &["config", "show"], &["add", "Not saved"]] {
            let err = j.fails(1, args);
            let want = format!("praxis: {}{at}", path.display());
            assert!(err.starts_with(&want), "{text:?} {args:?}: {err}");
            assert!(err.contains(expected), "{text:?}: {err}");
        }
        // The path still works with a broken file, and init refuses to clobber it.
        j.ok(&["config", "path"]);
        j.fails(1, &["config", "init"]);
    }
    std::fs::write(&path, "").unwrap();
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------
// files and paths

#[test]
fn the_journal_and_its_directories_are_private() {
    let j = Journal::new();
    let db = j.path().join("data/praxis/journal.sqlite3");
    j.cmd(&["add", "First words"])
        .env("PRAXIS_DB", &db)
        .assert()
        .success();
    assert!(db.exists());
    #[cfg(unix)]
    {
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(db.parent().unwrap()), 0o700);
        assert_eq!(mode(&j.path().join("data")), 0o700);
    }
    // --db wins over PRAXIS_DB.
    let other = j.path().join("other.sqlite3");
    j.cmd(&["--db", other.to_str().unwrap(), "add", "Elsewhere"])
        .env("PRAXIS_DB", &db)
        .assert()
        .success();
    assert_eq!(
        titles(&j.json(&["--db", other.to_str().unwrap(), "list", "--json"])),
        ["Elsewhere"]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn with_no_overrides_files_go_to_the_platform_directories() {
    let j = Journal::new();
    let run = |args: &[&str]| {
        let mut c = j.cmd(args);
        c.env_remove("PRAXIS_DB").env_remove("PRAXIS_CONFIG");
        c
    };
    let home = j.path().join("home");
    let config = home.join(".config/praxis/config.toml");
    run(&["config", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", config.display()));
    // No config file at all: everything works with the defaults.
    run(&["add", "No config needed"]).assert().success();
    let db = home.join(".local/share/praxis/journal.sqlite3");
    assert!(db.exists(), "journal not at {}", db.display());
    #[cfg(unix)]
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    run(&["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No config needed"));
    assert!(!config.exists());
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_and_left_alone() {
    let j = Journal::new();
    let text = "Dear diary, this is not a database.\n".repeat(20);
    std::fs::write(j.db(), &text).unwrap();
    for args in [&["list"][..], &["add", "Not saved"], &["search", "diary"]] {
        let err = j.fails(1, args);
        assert!(err.contains("not a praxis journal"), "{err}");
        assert!(err.contains(&j.db().display().to_string()), "{err}");
    }
    assert_eq!(std::fs::read_to_string(j.db()).unwrap(), text);
}

#[test]
fn the_overview_shows_recent_entries() {
    let j = Journal::new();
    j.cmd(&[])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 entries").and(predicate::str::contains("praxis add")));
    j.add(&["First reflection"]);
    j.cmd(&[]).assert().success().stdout(
        predicate::str::contains("1 entry").and(predicate::str::contains("First reflection")),
    );
}

#[test]
fn a_bad_praxis_now_is_an_error() {
    let j = Journal::new();
    let err = String::from_utf8(
        j.cmd(&["list"])
            .env("PRAXIS_NOW", "yesterday-ish")
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("RFC 3339"), "{err}");
}

// ---------------------------------------------------------------------------------------
// help, completions, man, exit codes

#[test]
fn help_shows_examples() {
    let j = Journal::new();
    j.cmd(&["--help"]).assert().success().stdout(
        predicate::str::contains("Examples:")
            .and(predicate::str::contains("praxis add"))
            .and(predicate::str::contains("praxis search")),
    );
    j.cmd(&["add", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--strength")));
    j.cmd(&["--version"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("praxis "));
}

/// `add --kind` of a structured kind saved the text alone: a stage note with no subject or
/// stage, a CPD record with no hours, that their lists and sums left out. Each is refused,
/// naming the command that asks for what it needs.
#[test]
fn add_sends_a_structured_kind_to_its_own_command() {
    let j = Journal::new();
    for (kind, command) in [
        ("stage-note", "praxis stage"),
        ("cpd", "praxis cpd add"),
        ("supervision", "praxis supervision record"),
        ("check-in", "praxis checkin"),
        ("call-in", "praxis callin new"),
    ] {
        let err = j.fails(1, &["add", "--kind", kind, "x"]);
        assert!(err.contains(command), "{kind}: {err}");
    }
    assert!(j.json(&["list", "--json"]).as_array().unwrap().is_empty());
}

/// Pasted text with no sentence end became a title of the whole line (15 KB, printed whole
/// by every list). The title is the whole words that fit; the rest begins the body.
#[test]
fn a_first_line_with_no_sentence_end_makes_a_title_of_its_first_words() {
    let j = Journal::new();
    let text = (0..3000)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let id = j.add(&[&text]);
    let e = j.json(&["show", &id, "--json"]);
    let title = e["title"].as_str().unwrap();
    assert!(title.chars().count() <= 160, "{title}");
    assert!(title.starts_with("w0 w1 w2"), "{title}");
    let body = e["body"].as_str().unwrap();
    assert_eq!(format!("{title} {body}"), text);
}

/// An unknown action or subject is named as one ("no entry with id 'abcd (an action)'"
/// once mixed the two up).
#[test]
fn an_unknown_action_or_subject_is_named_as_one() {
    let j = Journal::new();
    j.add(&["Something to start the journal"]);
    let err = j.fails(1, &["actions", "done", "abcd"]);
    assert!(err.contains("no action with id 'abcd'"), "{err}");
    let err = j.fails(1, &["subjects", "rename", "nobody", "someone"]);
    assert!(err.contains("no subject 'nobody'"), "{err}");
}

#[test]
fn the_strength_flag_names_every_whose() {
    // The help once offered "mine, person, team" while `colleague` was accepted too.
    let j = Journal::new();
    for command in [&["add", "--help"][..], &["feedback", "add", "--help"][..]] {
        let out = j
            .cmd(command)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let help = String::from_utf8(out).unwrap();
        for whose in praxis::model::entry::Whose::ALL {
            assert!(
                help.contains(whose.as_str()),
                "{command:?} help does not name whose {whose}: {help}"
            );
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let j = Journal::new();
    j.cmd(&["bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bogus"));
    j.fails(2, &["list", "--no-such-flag"]);
    j.fails(2, &["list", "--limit", "many"]);
    j.fails(2, &["completions", "powershell-ish"]);
    j.fails(2, &["trash", "burn"]);
    assert!(
        !j.db().exists(),
        "a usage error must not create the journal"
    );
}

#[test]
fn errors_go_to_stderr_with_the_program_name() {
    let j = Journal::new();
    j.cmd(&["show", "ffffffff"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("praxis: "));
}

#[test]
fn completions_for_each_shell() {
    let j = Journal::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = j.ok(&["completions", shell]);
        assert!(out.len() > 200, "{shell}: {out}");
        assert!(out.contains("praxis"), "{shell}");
        assert!(out.contains("search"), "{shell}: subcommands are completed");
    }
}

#[test]
fn man_prints_roff() {
    let j = Journal::new();
    let out = j.ok(&["man"]);
    assert!(out.contains(".TH praxis 1"), "{out}");
    assert!(out.contains(".SH"), "{out}");
    assert!(!j.db().exists(), "the man page does not need a journal");
}

// ---------------------------------------------------------------------------------------
// hostile text and closed pipes

const EVIL_TITLE: &str = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J title.";
const EVIL_BODY: &str = "Body \u{1b}[31mred\u{1b}[0m pwned text\r with \u{9b}31m C1.";

#[test]
fn escape_sequences_in_journal_text_never_reach_the_terminal() {
    let j = Journal::new();
    let text = format!("{EVIL_TITLE} {EVIL_BODY}");
    let id = j.add(&[
        &text,
        "--model",
        "gibbs",
        "--section",
        "feelings=Sneaky \u{1b}[8m hidden pwned",
    ]);
    let id2 = j.add(&[&text]);
    j.ok(&["rm", &id2]);
    for args in [
        &["list"][..],
        &["show", &id],
        &["show", &id2],
        &["search", "pwned"],
        &["search", "hidden"],
        &["trash"],
        &[],
    ] {
        let out = j.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(!has_raw_control(&out.stdout), "{args:?}: {out:?}");
        assert!(!has_raw_control(&out.stderr), "{args:?}: {out:?}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            !s.contains('\u{9b}') && !s.contains('\r'),
            "{args:?}: {s:?}"
        );
    }
    let show = j.ok(&["show", &id]);
    assert!(show.contains("␛]0;pwned␇␛[2J"), "visible stand-ins: {show}");
    // An id with escapes in an error message is neutralised too.
    let out = j.cmd(&["show", "\u{1b}[2Jabcd"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!has_raw_control(&out.stderr), "{out:?}");

    // JSON keeps the text exactly, escaped.
    let raw = j.ok(&["list", "--json"]);
    assert!(!has_raw_control(raw.as_bytes()));
    assert!(raw.contains("\\u001b]0;pwned\\u0007"), "{raw}");
    assert_eq!(j.entry_json(&id)["title"], EVIL_TITLE);
    let hits = j.ok(&["search", "pwned", "--json"]);
    assert!(!has_raw_control(hits.as_bytes()));
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    let j = Journal::new();
    for i in 0..30 {
        j.add(&[&format!("Entry number {i}"), "-s", "listening", "-t", "x"]);
    }
    for args in [
        &["strengths"][..],
        &["list"],
        &["list", "--json"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = praxis_std(j.path())
            .args(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.code().is_some(), "{args:?}: killed by a signal");
        assert!(
            out.status.success() || out.status.code() == Some(1),
            "{args:?}: {:?} {err}",
            out.status
        );
    }
}

#[test]
fn praxis_builder_is_hermetic() {
    // A sanity check of the helper itself: the binary sees the fixed clock.
    let j = Journal::new();
    let id = j.add(&["Clock check"]);
    assert_eq!(j.entry_json(&id)["created_at"], "2026-03-18T20:00:00Z");
    praxis(j.path()).arg("list").assert().success();
}

#[test]
fn rescue_files_never_collide() {
    // Two rescues within the same millisecond must both be kept.
    let j = Journal::new();
    let dir = j.path().join("rescued");
    let purpose = praxis::editor::Purpose::new_entry(praxis::model::EntryKind::Reflection, None);
    let written: Vec<_> = (0..20)
        .map(|i| {
            let w = praxis::editor::write(
                "printf ' more' >>",
                &format!("text {i}"),
                &purpose,
                &dir,
                None,
            )
            .unwrap();
            assert_eq!(w.text, format!("text {i} more"));
            w
        })
        .collect();
    let paths: Vec<PathBuf> = written
        .into_iter()
        .map(praxis::editor::Written::keep)
        .collect();
    for (i, p) in paths.iter().enumerate() {
        assert!(p.starts_with(&dir), "{}", p.display());
        assert_eq!(
            std::fs::read_to_string(p).unwrap(),
            format!("text {i} more")
        );
    }
    assert_eq!(praxis::editor::waiting(&dir, &purpose).len(), 20);
    // Only the rescue files are left: every editor's folder is gone.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 20);
}

#[test]
fn an_edit_that_lost_a_race_is_kept_not_saved() {
    let j = Journal::new();
    let id = gibbs_entry(&j);
    // While the editor is open, another praxis process changes the entry.
    let editor = j.script(
        "race.sh",
        &format!(
            r#"'{bin}' rm {id} >/dev/null || exit 9
awk '/^Nervous$/ {{ print "My careful rewrite"; next }} {{ print }}' "$1" > "$1.new" && mv "$1.new" "$1""#,
            bin = env!("CARGO_BIN_EXE_praxis"),
        ),
    );
    let err = String::from_utf8(
        j.with_editor(&editor, &["edit", &id])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("another praxis process"), "{err}");
    let kept = kept_path(&err);
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("My careful rewrite"),
        "{err}"
    );
    // The other process's change stands; the stale edit did not overwrite it.
    let show = j.ok(&["show", &id]);
    assert!(show.contains("in the trash"), "{show}");
    assert!(show.contains("Nervous"), "{show}");
}

#[test]
fn the_configured_editor_wins_then_visual_then_editor() {
    let j = Journal::new();
    let id = j.add(&["Original title"]);
    let named = |name: &str| {
        j.script(
            &format!("{name}.sh"),
            &format!(
                r#"awk '/^title:/ {{ print "title: by {name}"; next }} {{ print }}' "$1" > "$1.new" && mv "$1.new" "$1""#
            ),
        )
    };
    let (configured, visual, editor) = (named("configured"), named("visual"), named("editor"));
    j.cmd(&["edit", &id])
        .env("VISUAL", &visual)
        .env("EDITOR", &editor)
        .assert()
        .success();
    assert_eq!(j.entry_json(&id)["title"], "by visual");
    j.cmd(&["edit", &id])
        .env("EDITOR", &editor)
        .assert()
        .success();
    assert_eq!(j.entry_json(&id)["title"], "by editor");
    std::fs::write(
        j.config(),
        format!("[editor]\ncommand = \"{}\"\n", configured.display()),
    )
    .unwrap();
    j.cmd(&["edit", &id])
        .env("VISUAL", &visual)
        .env("EDITOR", &editor)
        .assert()
        .success();
    assert_eq!(j.entry_json(&id)["title"], "by configured");
}

#[test]
fn text_from_the_editor_that_is_not_utf8_is_kept_not_saved() {
    let j = Journal::new();
    let id = j.add(&["Clean text"]);
    let before = j.ok(&["show", &id]);
    let editor = j.script("binary.sh", r#"printf 'Broken \377 bytes\n' >> "$1""#);
    let err = String::from_utf8(
        j.with_editor(&editor, &["edit", &id])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(err.contains("UTF-8"), "{err}");
    // Kept byte for byte, the invalid byte included.
    let kept = std::fs::read(kept_path(&err)).unwrap();
    assert!(
        kept.windows(15).any(|w| w == b"Broken \xff bytes\n"),
        "{}",
        String::from_utf8_lossy(&kept)
    );
    assert_eq!(j.ok(&["show", &id]), before);
}

#[test]
fn colour_is_only_used_when_asked_and_never_for_journal_text() {
    let j = Journal::new();
    j.add(&[EVIL_TITLE, "-s", "listening"]);
    let plain = j.cmd(&["list"]).output().unwrap();
    assert!(!has_raw_control(&plain.stdout), "{plain:?}");
    let never = j.cmd(&["--color", "never", "list"]).output().unwrap();
    assert_eq!(never.stdout, plain.stdout);
    let always = j.cmd(&["--color", "always", "list"]).output().unwrap();
    let s = String::from_utf8(always.stdout).unwrap();
    assert!(s.contains("\u{1b}[1m"), "praxis' own styling: {s:?}");
    assert!(!s.contains("\u{1b}]0;pwned"), "{s:?}");
    assert!(!s.contains("\u{1b}[2J"), "{s:?}");
    assert!(!s.contains('\u{7}'), "{s:?}");
}

#[test]
fn strengths_that_left_the_vocabulary_are_still_counted_and_filterable() {
    let j = Journal::new();
    std::fs::write(
        j.config(),
        "[[strengths.groups]]\nname = \"Mine\"\nstrengths = [{ name = \"patience\" }]\n",
    )
    .unwrap();
    let id = j.add(&["Waited", "-s", "patience", "-s", "positive_risk"]);
    assert_eq!(
        j.entry_json(&id)["strengths"],
        serde_json::json!([
            {"name": "patience", "whose": "mine"},
            {"name": "positive-risk", "whose": "mine"}
        ])
    );
    std::fs::write(j.config(), "").unwrap();
    let groups = j.json(&["strengths", "--json"]);
    let other = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "Other")
        .unwrap_or_else(|| panic!("{groups:#}"));
    assert_eq!(other["strengths"][0]["name"], "patience");
    assert_eq!(other["strengths"][0]["total"], 1);
    assert_eq!(
        ids(&j.json(&["list", "--json", "-s", "patience"])),
        [id.as_str()]
    );
    // But it can no longer be used on a new entry.
    j.fails(1, &["add", "Again", "-s", "patience"]);
}

#[test]
fn unusable_tags_are_refused() {
    let j = Journal::new();
    for bad in ["", "  ", "#", "a\u{7}b"] {
        let err = j.fails(1, &["add", "Text", "--tag", bad]);
        assert!(err.contains("not a usable tag"), "{bad:?}: {err}");
    }
    assert_eq!(j.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn an_edit_keeps_the_writers_own_comments_and_line_breaks() {
    let j = Journal::new();
    let text =
        "Title line\nFirst para.\n<!-- note to self: ask Sam -->\nLast line.  \nHard break above.";
    let out = j.cmd(&["add"]).write_stdin(text).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let gid = j.add(&[
        "--model",
        "gibbs",
        "--section",
        "feelings=Fine.\n<!-- ask about the rota -->",
    ]);
    let retitle = j.script(
        "retitle.sh",
        r#"awk '/^title:/ { print "title: Renamed"; next } { print }' "$1" > "$1.new" && mv "$1.new" "$1""#,
    );
    for id in [&id, &gid] {
        j.with_editor(&retitle, &["edit", id]).assert().success();
        assert_eq!(j.entry_json(id)["title"], "Renamed");
    }
    let show = j.ok(&["show", &id]);
    assert!(
        show.contains(
            "First para.\n<!-- note to self: ask Sam -->\nLast line.  \nHard break above."
        ),
        "{show:?}"
    );
    let show = j.ok(&["show", &gid]);
    assert!(
        show.contains("## Feelings\nFine.\n<!-- ask about the rota -->\n"),
        "{show}"
    );
    // The prompts praxis wrote are still not saved.
    assert!(!show.contains("What were you feeling"), "{show}");
}

#[test]
fn parallel_writers_all_get_their_entries_saved() {
    // Several processes at once, on a journal that does not exist yet: the first use
    // (create, migrate) and the writes are serialised, none fails.
    let j = Journal::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            praxis_std(j.path())
                .args(["add", &format!("Parallel entry {i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(j.json(&["list", "--json"]).as_array().unwrap().len(), 8);
}

#[test]
fn today_is_the_writers_local_date() {
    // 23:30 on Wednesday in UTC-5 is already Thursday in UTC: the entry is about Wednesday.
    let j = Journal::new();
    let out = j
        .cmd(&["add", "Late shift"])
        .env("PRAXIS_NOW", "2026-03-18T23:30:00-05:00")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let e = j.entry_json(&id);
    assert_eq!(e["occurred_on"], "2026-03-18");
    assert_eq!(e["created_at"], "2026-03-19T04:30:00Z");
    let out = j
        .cmd(&["add", "Yesterday there", "--on", "yesterday"])
        .env("PRAXIS_NOW", "2026-03-18T23:30:00-05:00")
        .output()
        .unwrap();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(j.entry_json(&id)["occurred_on"], "2026-03-17");
}

// ---------------------------------------------------------------------------------------
// `-` as a file name: standard output

#[test]
fn export_to_dash_writes_standard_output_and_no_file() {
    let j = Journal::new();
    j.add(&["Quiet night. Good team.", "--scope", "shareable"]);
    let out = j.ok(&["export", "--all", "-o", "-"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["entries"].as_array().unwrap().len(), 1, "{out}");
    assert!(!j.path().join("-").exists(), "a file named '-' was written");
    // The format still comes from --format, and a redacted export goes the same way.
    let md = j.ok(&["export", "-f", "md", "-o", "-"]);
    assert!(md.contains("Quiet night."), "{md}");
    assert!(!j.path().join("-").exists());
}

#[test]
fn supervision_prep_to_dash_prints_the_agenda_once_and_writes_no_file() {
    let j = Journal::new();
    j.add(&["Supported R with the trip.", "--for-supervision"]);
    let out = j.ok(&["supervision", "prep", "--date", "friday", "-o", "-"]);
    assert_eq!(out.matches("# Supervision prep").count(), 1, "{out}");
    assert!(!j.path().join("-").exists());
}

// ---------------------------------------------------------------------------------------
// The whole entry for scripts

#[test]
fn show_json_and_list_json_full_give_the_whole_entry() {
    let j = Journal::new();
    let id = j.add(&[
        "--model",
        "borton",
        "--section",
        "what=J was not ready when I arrived.",
        "--section",
        "now-what=- [ ] plan next week's visits with J",
        "--mood",
        "2",
        "--load",
        "heavy",
        "-s",
        "listening",
    ]);
    let shown = j.json(&["show", &id, "--json"]);
    assert_eq!(shown["short_id"], id.as_str());
    assert_eq!(shown["sections"][0]["key"], "what");
    assert_eq!(shown["checkin"]["load"], "heavy");
    assert_eq!(
        shown["actions"][0]["text"],
        "plan next week's visits with J"
    );
    // The summary list leaves the writing out; --full gives each entry whole.
    let list = j.json(&["list", "--json"]);
    assert!(list[0].get("sections").is_none());
    let full = j.json(&["list", "--json", "--full"]);
    assert_eq!(full.as_array().unwrap().len(), 1);
    assert_eq!(full[0], shown);
    // --full is a kind of JSON.
    let err = j.fails(2, &["list", "--full"]);
    assert!(err.contains("--json"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Dates the journal cannot read back, and tags praxis would not write
// ---------------------------------------------------------------------------------------

/// A praxis JSON export holding one entry, with `created_at` and `tags` as given.
fn export_with(j: &Journal, created_at: &str, tags: &[&str]) -> PathBuf {
    let path = j.path().join(format!("import-{}.json", tags.len()));
    let doc = serde_json::json!({
        "format": "praxis-journal",
        "version": 1,
        "entries": [{
            "id": "0f7e6a52-7c1b-4a4e-9a43-6f1d2b3c4d5e",
            "kind": "reflection",
            "model": null,
            "title": "From another machine",
            "body": "",
            "sections": [],
            "occurred_on": "2026-03-01",
            "created_at": created_at,
            "updated_at": created_at,
            "scope": "private",
            "for_supervision": false,
            "deleted_at": null,
            "strengths": [],
            "tags": tags,
            "checkin": null,
            "actions": []
        }]
    });
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

#[test]
fn a_time_past_the_year_9999_is_refused_at_every_way_in() {
    let j = Journal::new();
    j.add(&["Already here"]);
    let before = j.ok(&["export", "--all"]);
    let file = export_with(&j, "9999-12-31T23:59:59-14:00", &[]);
    for dry in [true, false] {
        let mut args = vec!["import", file.to_str().unwrap()];
        if dry {
            args.push("--dry-run");
        }
        let err = j.fails(1, &args);
        assert!(err.contains("entry 1 (0f7e6a52)"), "{err}");
        assert!(
            err.contains("+10000-01-01T13:59:59Z") && err.contains("1 to 9999"),
            "{err}"
        );
    }
    assert_eq!(
        j.ok(&["export", "--all"]),
        before,
        "the journal was written to"
    );
    // The clock praxis stamps entries with.
    let err = String::from_utf8(
        j.cmd(&["add", "Stamped past 9999"])
            .env("PRAXIS_NOW", "9999-12-31T23:59:59-14:00")
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        err.contains("PRAXIS_NOW") && err.contains("1 to 9999"),
        "{err}"
    );
    // Dates typed on the command line have four-digit years from 0001.
    let err = j.fails(2, &["add", "x", "--on", "0000-12-31"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert_eq!(
        titles(&j.json(&["list", "--json", "--limit", "100"])),
        ["Already here"]
    );
    // The store itself refuses such an entry, whoever asks it to save one.
    let mut store = praxis::store::Store::open(&j.db()).unwrap();
    let mut e = praxis::model::Entry::new(
        praxis::model::EntryKind::Reflection,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        chrono::DateTime::parse_from_rfc3339("9999-12-31T23:59:59-14:00")
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    e.title = "Through the library".into();
    let err = store.insert_entry(&e).unwrap_err().to_string();
    assert!(
        err.contains("cannot be saved") && err.contains("created_at"),
        "{err}"
    );
}

#[test]
fn doctor_finds_dates_an_earlier_import_let_in_and_mends_them() {
    let j = Journal::new();
    let good = j.add(&["A good entry"]);
    let bad = j.add(&["Imported by an earlier praxis"]);
    let action = j.add(&["With an action", "--action", "Call back"]);
    // What an import of an earlier praxis wrote for 9999-12-31T23:59:59-14:00.
    {
        let c = rusqlite::Connection::open(j.db()).unwrap();
        c.execute(
            "UPDATE entries SET created_at = '+10000-01-01T13:59:59Z',
                                updated_at = '+10000-01-01T13:59:59Z'
             WHERE substr(replace(uuid, '-', ''), 1, 8) = ?1",
            [&bad],
        )
        .unwrap();
        c.execute(
            "UPDATE actions SET due_on = '+10000-01-02'
             WHERE entry_id = (SELECT id FROM entries WHERE substr(replace(uuid, '-', ''), 1, 8) = ?1)",
            [&action],
        )
        .unwrap();
    }
    let err = j.fails(1, &["list"]);
    assert!(
        err.contains("cannot read") && err.contains("praxis doctor"),
        "{err}"
    );
    let out = j.cmd(&["doctor"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("!!  dates"), "{said}");
    assert!(
        said.contains(&format!(
            "entry {bad}, entries.created_at \"+10000-01-01T13:59:59Z\""
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("entry {action}, actions.due_on")),
        "{said}"
    );
    assert!(said.contains("--fix-dates"), "{said}");
    // (Doctor also warns that the test's folder is open to others: not what this is about.)
    let fixed =
        String::from_utf8(j.cmd(&["doctor", "--fix-dates"]).output().unwrap().stdout).unwrap();
    assert!(fixed.contains("Set 3 dates"), "{fixed}");
    assert!(fixed.contains("ok  dates"), "{fixed}");
    assert_eq!(j.entry_json(&bad)["created_at"], "9999-12-31T23:59:59Z");
    j.ok(&["show", &action]);
    j.ok(&["export", "--all"]);
    j.ok(&["rm", &bad]);
    assert_eq!(
        titles(&j.json(&["list", "--json", "--limit", "100"])).len(),
        2
    );
    assert_eq!(j.entry_json(&good)["title"], "A good entry");
}

#[test]
fn one_rule_for_tags_on_every_way_in_and_out() {
    let j = Journal::new();
    for tags in [
        &["Work Stuff"][..],
        &["a\u{1b}]0;x\u{7}b"],
        &["one,two"],
        &[""],
    ] {
        let file = export_with(&j, "2026-03-01T10:00:00Z", tags);
        let err = j.fails(1, &["import", file.to_str().unwrap()]);
        assert!(
            err.contains("entry 1 (0f7e6a52)") && err.contains("tag"),
            "{tags:?}: {err}"
        );
        assert!(!common::has_raw_control(err.as_bytes()), "{err}");
    }
    let err = j.fails(1, &["add", "x", "--tag", "one,two"]);
    assert!(err.contains("comma"), "{err}");
    // A tag praxis accepts may still hold markup: the Markdown export makes it inert,
    // as it does the body.
    let id = j.add(&[
        "Markup in a tag",
        "--tag",
        "<img src=x onerror=alert(1)>",
        "--scope",
        "shareable",
    ]);
    let file = export_with(&j, "2026-03-01T10:00:00Z", &["<script>"]);
    j.ok(&["import", file.to_str().unwrap()]);
    let md = j.ok(&["export", "--all", "-f", "md"]);
    let tags: Vec<&str> = md.lines().filter(|l| l.starts_with("**Tags:**")).collect();
    assert_eq!(tags.len(), 2, "{md}");
    for line in tags {
        assert!(
            !line.replace("\\<", "").contains('<'),
            "raw markup in {line:?}"
        );
    }
    assert_eq!(j.entry_json(&id)["tags"][0], "<img-src=x-onerror=alert(1)>");
    // A tag an earlier import let in is found by doctor, with its entry.
    rusqlite::Connection::open(j.db())
        .unwrap()
        .execute(
            "UPDATE entry_tags SET tag = 'Work Stuff' WHERE tag = '<script>'",
            [],
        )
        .unwrap();
    let doctor = String::from_utf8(j.cmd(&["doctor"]).output().unwrap().stdout).unwrap();
    assert!(
        doctor.contains("!!  tags") && doctor.contains("entry 0f7e6a52: tag 'Work Stuff'"),
        "{doctor}"
    );
}

#[test]
fn an_empty_list_says_whether_the_journal_or_the_filter_is_empty() {
    let j = crate::common::Journal::new();
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no entries yet"),
        "{out:?}"
    );
    j.add(&["--title", "Night shift", "--tag", "nights", "Calm."]);
    let out = j.cmd(&["list", "--tag", "days"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No entries match --tag days") && !err.contains("no entries yet"),
        "{err}"
    );
    // Zero is no count of things to list: refused, saying what to give.
    for args in [&["list", "-n", "0"][..], &["search", "calm", "-n", "0"][..]] {
        let err = j.fails(2, args);
        assert!(err.contains("give 1 or more"), "{args:?}: {err}");
    }
}

#[test]
fn doctor_after_a_rebuild_does_not_say_nothing_was_changed() {
    use std::os::unix::fs::PermissionsExt as _;
    let j = Journal::new();
    j.add(&["--title", "Night shift", "Calm."]);
    // A problem doctor finds and does not mend: a folder others can read.
    std::fs::set_permissions(j.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = j.fails(1, &["doctor", "--rebuild-index"]);
    assert!(
        err.contains("apart from the rebuild above, nothing was changed")
            && !err.contains("was not changed"),
        "{err}"
    );
    let err = j.fails(1, &["doctor"]);
    assert!(err.contains("the journal file was not changed"), "{err}");
}

#[test]
fn stats_for_dates_names_the_range_once() {
    let j = Journal::new();
    j.add(&["--title", "Night shift", "--on", "2026-10-05", "Calm."]);
    let out = j.ok(&["stats", "--since", "2026-10-01", "--until", "2026-11-01"]);
    let first = out.lines().next().unwrap();
    assert_eq!(first, "Patterns, 2026-10-01 to 2026-11-01", "{out}");
}
