//! The identifiability check and redaction pass: a corpus of planted identifiers that
//! must all be found (and nothing else), clean practice writing that must not be flagged,
//! a generated corpus as a false-positive bound, placeholder stability across entries,
//! and property tests that redaction never panics, never leaves a planted identifier
//! behind and is idempotent.
//!
//! Case counts are kept modest so the whole file runs in a few seconds in debug.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;

use chrono::{NaiveDate, TimeZone as _, Utc};
use proptest::prelude::*;

use praxis::model::{
    Action, AgendaItem, CallIn, ChangeTalk, ChangeTalkCode, CheckIn, Cpd, Details, Entry,
    EntryKind, Section, SessionStage, Stage, StageNote, StrengthTag, Supervision, Whose,
};
use praxis::transfer::redact::{Checker, Finding, FindingKind, Redactor};

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/redact")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn checker() -> Checker {
    Checker::new(
        ["jd", "tenant-a", "team-north"].map(String::from),
        &["Rowan Ward".to_string(), "Larchfield House".to_string()],
        &[],
    )
}

fn kind_name(k: FindingKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn kind_named(name: &str) -> FindingKind {
    *FindingKind::ALL
        .iter()
        .find(|k| kind_name(**k) == name)
        .unwrap_or_else(|| panic!("unknown kind {name}"))
}

/// One case of `planted.txt`: its text and the (line, kind, text) it must yield.
struct Case {
    text: String,
    expected: Vec<(usize, FindingKind, String)>,
}

fn planted_cases() -> Vec<Case> {
    let raw = fixture("planted.txt");
    let body: String = raw
        .lines()
        .filter(|l| !l.starts_with("# ") && *l != "#")
        .collect::<Vec<_>>()
        .join("\n");
    body.split("\n---\n")
        .map(|case| {
            let (text, expect) = case.split_once("\n=>\n").unwrap();
            let expected = expect
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let parts: Vec<&str> = l.splitn(3, " | ").collect();
                    (
                        parts[0].parse().unwrap(),
                        kind_named(parts[1]),
                        parts[2].to_string(),
                    )
                })
                .collect();
            Case {
                text: text.trim_matches('\n').to_string(),
                expected,
            }
        })
        .collect()
}

fn described(f: &[Finding]) -> Vec<(usize, FindingKind, String)> {
    f.iter().map(|f| (f.line, f.kind, f.text.clone())).collect()
}

#[test]
fn every_planted_identifier_is_found_with_its_kind_and_line_and_nothing_else() {
    let cases = planted_cases();
    assert!(cases.len() >= 8);
    let c = checker();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for case in &cases {
        let found = c.scan(&case.text);
        let mut got = described(&found);
        let mut want = case.expected.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "in:\n{}", case.text);
        for f in &found {
            assert_eq!(&case.text[f.start..f.end], f.text);
            kinds_seen.insert(f.kind);
        }
    }
    // The corpus plants every kind there is.
    assert_eq!(kinds_seen.len(), FindingKind::ALL.len(), "{kinds_seen:?}");
}

#[test]
fn redaction_removes_every_planted_identifier() {
    let mut r = Redactor::new(checker());
    for case in planted_cases() {
        let out = r.redact(&case.text);
        for (_, kind, text) in &case.expected {
            assert!(
                !out.contains(text.as_str()),
                "{kind:?} {text:?} left in:\n{out}"
            );
        }
        assert!(checker().scan(&out).is_empty(), "{out}");
        assert_eq!(r.redact(&out), out);
    }
    let counts = r.counts();
    assert!(counts.values().sum::<usize>() >= 50, "{counts:?}");
}

#[test]
fn the_placeholders_say_what_was_there() {
    let mut r = Redactor::new(checker());
    let out = r.redact(
        "Mrs O'Neill (jd) rang 07700 900123 from M1 1AE, jo@example.com, 485 777 3456, \
         QQ 12 34 56 C, MRN 1234567, 14 Acacia Avenue, Rowan Ward, DOB 03/07/2011, on \
         12 March 2026 and the 12th of March, near Oakfield Academy.",
    );
    assert_eq!(
        out,
        "[PERSON-1] ([SUBJECT-1]) rang [PHONE-1] from [POSTCODE-1], [EMAIL-1], [ID-NUMBER-1], \
         [ID-NUMBER-2], MRN [ID-NUMBER-3], [ADDRESS-1], [REDACTED-1], [DATE OF BIRTH], on \
         [DATE: March 2026] and the [DATE: March], near [PLACE-1]."
    );
    let counts = r.counts();
    for k in FindingKind::ALL {
        let want = if *k == FindingKind::ExactDate { 2 } else { 1 };
        assert_eq!(counts.get(k).copied().unwrap_or(0), want, "{k:?}");
    }
}

fn clean_lines() -> Vec<String> {
    fixture("clean.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(String::from)
        .collect()
}

#[test]
fn ordinary_practice_writing_is_not_flagged() {
    let lines = clean_lines();
    assert!(lines.len() >= 60, "{}", lines.len());
    let c = checker();
    for l in &lines {
        assert_eq!(described(&c.scan(l)), vec![], "{l}");
    }
    // As one text too: context (sentence starts, headings) must not change anything.
    assert_eq!(described(&c.scan(&lines.join("\n"))), vec![]);
    assert_eq!(described(&c.scan(&lines.join(" "))), vec![]);
}

/// The app's own words (model names, section labels, prompts) are what people copy into
/// their writing: none of them is an identifier.
#[test]
fn the_catalogs_own_words_are_not_flagged() {
    let catalog = praxis::config::catalog::Catalog::builtin();
    let c = checker();
    let mut texts = 0;
    for t in catalog
        .models
        .iter()
        .chain(&catalog.templates)
        .chain(&catalog.group_models)
    {
        let mut all = vec![t.name.clone(), t.purpose.clone()];
        for f in &t.fields {
            all.push(f.label.clone());
            all.extend(f.prompts.iter().cloned());
        }
        for text in all {
            texts += 1;
            assert_eq!(described(&c.scan(&text)), vec![], "{}: {text}", t.id);
        }
    }
    assert!(texts > 100, "{texts}");
}

/// The generator's sentences name nobody (roles only: "The young person", "Mum", "My
/// supervisor") and hold no numbers, dates or contact details: every finding in them is
/// a false positive. The bound is zero, so a change to the heuristics that starts
/// flagging ordinary practice words fails here first.
#[test]
fn a_generated_practice_corpus_has_no_false_positives() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gen_corpus.py");
    if !script.exists() {
        eprintln!("skipped: {} is not there", script.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ran = std::process::Command::new("python3")
        .arg(&script)
        .args(["-n", "300", "--formats", "jsonl", "--out"])
        .arg(dir.path())
        .output();
    let Ok(ran) = ran else {
        eprintln!("skipped: python3 is not installed");
        return;
    };
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("entries.jsonl")).unwrap();
    let c = checker();
    let mut entries = 0;
    let mut words = 0;
    let mut flagged = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        entries += 1;
        for field in ["title", "body"] {
            let t = v[field].as_str().unwrap();
            words += t.split_whitespace().count();
            flagged.extend(c.scan(t).into_iter().map(|f| (field, f.kind, f.text)));
        }
        for tag in v["tags"].as_array().unwrap() {
            flagged.extend(
                c.scan(tag.as_str().unwrap())
                    .into_iter()
                    .map(|f| ("tag", f.kind, f.text)),
            );
        }
    }
    assert_eq!(entries, 300);
    assert!(words > 30_000, "{words}");
    assert_eq!(flagged, vec![], "false positives in {words} words");
}

#[test]
fn the_same_person_keeps_one_placeholder_and_two_people_get_two() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Sarah rang. Later Sarah came in with Priya."),
        "[PERSON-1] rang. Later [PERSON-1] came in with [PERSON-2]."
    );
    // Case and possessive variants are the same person; placeholders carry across calls.
    assert_eq!(
        r.redact("Sarah's plan; SARAH. Priya’s mum; sarah"),
        "[PERSON-1]'s plan; [PERSON-1]. [PERSON-2]’s mum; [PERSON-1]"
    );
    // A full name joins the person known by one of its words.
    assert_eq!(r.redact("Sarah Jones"), "[PERSON-1]");
    assert_eq!(
        r.redact("Mr Okafor and Okafor's brother"),
        "[PERSON-3] and [PERSON-3]'s brother"
    );
    // Words of names already redacted are recognised anywhere, even where the check
    // alone would pass them (the start of a sentence).
    let mut r = Redactor::new(checker());
    assert_eq!(r.redact("I saw Adebowale."), "I saw [PERSON-1].");
    assert_eq!(r.redact("Adebowale was calm."), "[PERSON-1] was calm.");
}

#[test]
fn other_identifiers_keep_one_placeholder_per_value() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("07700 900123, 07700900123, +44 7700 900123 and 020 7946 0000"),
        "[PHONE-1], [PHONE-1], [PHONE-1] and [PHONE-2]"
    );
    assert_eq!(
        r.redact("JD and jd; jo@example.com and JO@EXAMPLE.COM; SW1A 1AA and SW1A1AA"),
        "[SUBJECT-1] and [SUBJECT-1]; [EMAIL-1] and [EMAIL-1]; [POSTCODE-1] and [POSTCODE-1]"
    );
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An entry with a planted name in every free-text field, the subject fields aside.
fn entry_with_every_field(kind: EntryKind, details: Details) -> Entry {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut e = Entry::new(kind, d("2026-03-12"), now);
    e.title = "Visit with Sarah".into();
    e.body = "Sarah was calm.".into();
    e.sections.push(Section {
        key: "so-what".into(),
        label: "So what?".into(),
        text: "It mattered to Sarah.".into(),
    });
    e.tags = vec!["sarah".into()];
    e.strengths = vec![StrengthTag::new("Priya", Whose::Person)];
    let mut a = Action::new("Ring Sarah", None);
    a.owner = Some("Priya".into());
    a.blocker = Some("Waiting for Priya".into());
    e.actions.push(a);
    e.checkin = Some(CheckIn {
        word: Some("Priya".into()),
        helped: Some("Talking to Sarah".into()),
        ..CheckIn::default()
    });
    e.details = details;
    e
}

#[test]
fn every_free_text_field_of_an_entry_is_checked_and_redacted() {
    let stage = Details::StageNote(StageNote {
        subject: "jd".into(),
        topic: "Sarah's drinking".into(),
        stage: Stage::Contemplation,
        certainty: None,
        mi_process: None,
        change_talk: vec![ChangeTalk {
            code: ChangeTalkCode::Desire,
            text: "wants to see Priya more".into(),
        }],
        importance: None,
        confidence: None,
        review_on: None,
    });
    let e = entry_with_every_field(EntryKind::StageNote, stage);
    let c = checker();
    let fields: Vec<String> = c.scan_entry(&e).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "title",
            "body",
            "so-what",
            "tag",
            "strength",
            "action",
            "action owner",
            "action blocker",
            "check-in word",
            "what helped",
            "subject",
            "topic",
            "change talk"
        ]
    );
    let mut r = Redactor::new(checker());
    let mut red = e.clone();
    r.redact_entry(&mut red);
    assert!(c.scan_entry(&red).iter().all(|(f, _)| f == "subject"));
    let json = serde_json::to_string(&red).unwrap();
    assert!(
        !json.contains("Sarah") && !json.contains("sarah") && !json.contains("Priya"),
        "{json}"
    );
    let Details::StageNote(n) = &red.details else {
        panic!()
    };
    assert_eq!(n.subject, "[SUBJECT-1]");
    assert_eq!(red.title, "Visit with [PERSON-1]");
    assert_eq!(red.tags, ["[PERSON-1]"]);
    // Typed dates are the caller's.
    assert_eq!(red.occurred_on, e.occurred_on);

    let sup = Details::Supervision(Supervision {
        stage: SessionStage::Prep,
        session_on: d("2026-03-12"),
        supervisor_role: Some("team manager, Mr Patel".into()),
        session_type: None,
        length_minutes: None,
        prep: None,
        counts_as_cpd: false,
        peer_reflection: false,
        agenda: vec![AgendaItem::parse("restorative | the visit to Sarah").unwrap()],
    });
    let e = entry_with_every_field(EntryKind::Supervision, sup);
    let fields: Vec<String> = c.scan_entry(&e).into_iter().map(|(f, _)| f).collect();
    assert!(fields.ends_with(&["supervisor role".to_string(), "agenda item".to_string()]));
    let call = Details::CallIn(CallIn {
        subject: Some("team-north".into()),
        ..CallIn::default()
    });
    let e = entry_with_every_field(EntryKind::CallIn, call);
    let found = c.scan_entry(&e);
    let (field, f) = found.last().unwrap();
    assert_eq!(
        (field.as_str(), f.kind, f.text.as_str()),
        ("subject", FindingKind::Subject, "team-north")
    );
}

#[test]
fn one_redactor_is_consistent_across_entries() {
    let mut r = Redactor::new(checker());
    let mut a = entry_with_every_field(EntryKind::Reflection, Details::None);
    let mut b = entry_with_every_field(EntryKind::Reflection, Details::None);
    b.body = "Priya and then Sarah.".into();
    r.redact_entry(&mut a);
    r.redact_entry(&mut b);
    assert_eq!(a.body, "[PERSON-1] was calm.");
    assert_eq!(b.body, "[PERSON-2] and then [PERSON-1].");
    assert_eq!(r.counts()[&FindingKind::Name], 2 * 10 + 1);
}

/// A CPD record's activity type is the writer's own words ("Shadowing Dr Okafor"): it is
/// checked and redacted like every other field.
#[test]
fn a_cpd_activity_type_is_checked_and_redacted() {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut e = Entry::new(EntryKind::Cpd, d("2026-03-12"), now);
    e.title = "Shadowing".into();
    e.details = Details::Cpd(Cpd {
        activity_type: "Shadowing Dr Okafor at Larchfield House".into(),
        hours: 3.0,
        participatory: true,
        linked: Vec::new(),
    });
    let mut r = Redactor::new(checker());
    let found = r.scan_entry(&e);
    assert!(
        found
            .iter()
            .any(|(field, f)| field == "activity type" && f.text == "Dr Okafor"),
        "{found:?}"
    );
    r.redact_entry(&mut e);
    let Details::Cpd(c) = &e.details else {
        unreachable!()
    };
    assert_eq!(c.activity_type, "Shadowing [PERSON-1] at [REDACTED-1]");
}

/// One person, one placeholder across the title, body, sections and tags of every entry
/// of an export: a titled surname and the full name under the same title, a surname and
/// its family's tag, and a name learned in a later field of the same entry.
#[test]
fn one_person_keeps_one_placeholder_across_every_field_of_an_export() {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut r = Redactor::new(checker());
    let mut a = Entry::new(EntryKind::Reflection, d("2026-03-12"), now);
    a.title = "Mr Wiśniewski's review".into();
    a.body = "Mr Tomasz Wiśniewski was up and dressed. Kwame Mensah rang.".into();
    a.sections.push(Section {
        key: "so-what".into(),
        label: "So what?".into(),
        text: "Tomasz wants to stay at home.".into(),
    });
    a.tags = vec!["mensah-family".into(), "home-visit".into()];
    r.redact_entry(&mut a);
    assert_eq!(a.title, "[PERSON-1]'s review");
    assert_eq!(a.body, "[PERSON-1] was up and dressed. [PERSON-2] rang.");
    assert_eq!(a.sections[0].text, "[PERSON-1] wants to stay at home.");
    assert_eq!(a.tags, ["[PERSON-2]-family", "home-visit"]);

    let mut b = Entry::new(EntryKind::Reflection, d("2026-03-13"), now);
    b.title = "Xochitl's move".into();
    b.body = "Mr Wiśniewski again. Rang Xochitl back; the Mensah family came.".into();
    r.redact_entry(&mut b);
    assert_eq!(b.title, "[PERSON-3]'s move");
    assert_eq!(
        b.body,
        "[PERSON-1] again. Rang [PERSON-3] back; the [PERSON-2] family came."
    );
}

/// A section's label is the writer's own text in a template they made or a file they
/// imported: a name in it is replaced like one in the section's text.
#[test]
fn a_name_in_a_section_label_is_replaced() {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut r = Redactor::new(checker());
    let mut e = Entry::new(EntryKind::Reflection, d("2026-03-12"), now);
    e.body = "Rang Aisling back after lunch.".into();
    e.sections.push(Section {
        key: "family".into(),
        label: "Notes for Aisling's family".into(),
        text: "Her brother will help.".into(),
    });
    e.sections.push(Section {
        key: "so-what".into(),
        label: "So what?".into(),
        text: "Mr Okafor agreed.".into(),
    });
    let scanned: Vec<String> = checker()
        .scan_entry(&e)
        .into_iter()
        .map(|(field, f)| format!("{field}: {}", f.text))
        .collect();
    assert!(
        scanned.contains(&"family label: Aisling".to_string()),
        "{scanned:?}"
    );
    r.redact_entry(&mut e);
    assert_eq!(e.sections[0].label, "Notes for [PERSON-1]'s family");
    assert_eq!(e.sections[1].label, "So what?");
    assert_eq!(e.body, "Rang [PERSON-1] back after lunch.");
}

/// A name written with its accents in one field and without them in another (tags are
/// often typed plain) is one person.
#[test]
fn a_name_with_and_without_its_accents_is_one_person() {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut r = Redactor::new(checker());
    let mut e = Entry::new(EntryKind::Reflection, d("2026-03-12"), now);
    e.title = "Zdenek".into();
    e.body = "Zdeněk came to the drop-in with Tomasz Wiśniewski.".into();
    e.tags = vec!["zdenek-family".into(), "wisniewski".into()];
    r.redact_entry(&mut e);
    assert_eq!(e.body, "[PERSON-1] came to the drop-in with [PERSON-2].");
    assert_eq!(e.title, "[PERSON-1]");
    assert_eq!(e.tags, ["[PERSON-1]-family", "[PERSON-2]"]);
}

/// A name once known is replaced where it is written in capitals for weight, in the same
/// field or another; capitals alone still make an acronym, not a name.
#[test]
fn a_known_name_in_capitals_is_replaced() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Rang Zdeněk back. ZDENĚK wants to stay at home."),
        "Rang [PERSON-1] back. [PERSON-1] wants to stay at home."
    );
    assert_eq!(
        r.redact("I told ZDENEK'S daughter. The NHS and CAMHS said no."),
        "I told [PERSON-1]'S daughter. The NHS and CAMHS said no."
    );
}

// ---------------------------------------------------------------------------------------
// Properties.

fn config() -> ProptestConfig {
    ProptestConfig {
        // Failures are printed with their minimal input; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::with_cases(160)
    }
}

/// Journal-like text: words (some capitalised, some names), numbers in date and phone
/// shapes, punctuation, line breaks, placeholders and odd Unicode.
fn journalish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "the", "visit", "Sarah", "Mr", "Dr.", "Mum", "I", "Gibbs'", "March", "May",
            "born", "DOB", "Flat", "Road", "Lane", "of", "12th", "2026", "07700", "900123",
            "+44", "(0)20", "SW1A", "1AA", "m1", "1ae", "@", "jo", "example.com", "jd",
            "tenant-a", "Rowan", "Ward", "Okafor", "O'Neill", "’s", "'s", "[PERSON-1]",
            "[DATE: March 2026]", "[", "]", "QQ", "12", "34", "56", "C", "485", "777", "3456",
            "14", "Acacia", "Avenue", "so", "what?", "-", "##", "é", "İ", "ß", "日本",
            // The cues of the rules of 2026-12-06 (late): name signs, hashtags, ranks,
            // hospitals' shorthand, saints of a place, house names, kinds at a place.
            "name sign is", "name-signed me as", "'", "‘", "’", "\"", "“", "#", "jordanG",
            "(retd)", "Sgt", "Maj", "Ward:", "A&E", "Children's", "Noble's", "St", "Zion",
            "Hylton", "Bank", "Foodbank", "Farm:", "Blaen-cwm", "Jan", "Pryce", "bat",
            "Beis", "View", "the", "depot", "at", "in", "Newry", "IM7", "5EA", "Bill's",
            // And of 2026-12-07: odd groups and a letter O in phones, nights of two days,
            // chat speakers, names in capitals, names typed fast, parts of homes, sites,
            // hospitals' initials, laws' parts, personal numbers of other countries.
            "9OO", "O7700", "14/15", "19-20/03/25", "[10:02]", "t.ahmed:", "**", "AZAD",
            "JAYDEN-LEE", "—", "(16,", "mrs", "bowen", "Jun-Jun", "BMcK", "Ah", "1st",
            "floor", "rear,", "flat", "b", "South", "PO", "Box", "site,", "pitch", "SGH",
            "ED", "Reg", "44", "NIC", "48902170123", "(ext", "4)", "Carer:", "Memory",
        ]).prop_map(String::from),
        2 => "[a-zA-Z]{1,8}",
        2 => "[0-9]{1,11}",
        1 => "[ ,.:;!?/()'’\\-+@\\n]{1,3}",
        1 => any::<char>().prop_map(String::from),
    ];
    let sep = prop::sample::select(vec![" ", " ", " ", "", "\n", ". ", ", ", "/", "-"]);
    prop::collection::vec((piece, sep), 0..40)
        .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

fn check_ranges(text: &str, found: &[Finding]) -> Result<(), TestCaseError> {
    let mut at = 0;
    for f in found {
        prop_assert!(f.start < f.end && f.start >= at, "{found:?}");
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
        prop_assert_eq!(f.line, text[..f.start].matches('\n').count() + 1);
        at = f.end;
    }
    Ok(())
}

/// Planted identifiers that are found whatever surrounds them (given a space each side).
const PLANTED: &[&str] = &[
    "jo.bloggs@example.co.uk",
    "07700 900123",
    "+44 (0)161 496 0000",
    "(0161) 496 0000",
    "SW1A 1AA",
    "B33 8TH",
    "485 777 3456",
    "9434765919",
    "AB 12 34 56 C",
    "12/03/2026",
    "2026-03-12",
    "12 March 2026",
    "DOB 03/07/2011",
    "14 Acacia Avenue",
    "Mrs O'Neill",
    "Dr Okafor",
    "Sarah",
    "Priya",
    "Kemi",
    "jd",
    "tenant-a",
    "Rowan Ward",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_scans_and_redacts_without_panicking(s in any::<String>()) {
        let c = checker();
        let found = c.scan(&s);
        check_ranges(&s, &found)?;
        let mut r = Redactor::new(c);
        let once = r.redact(&s);
        prop_assert_eq!(r.redact(&once), once);
    }

    #[test]
    fn findings_are_valid_ranges_in_order(s in journalish()) {
        check_ranges(&s, &checker().scan(&s))?;
    }

    #[test]
    fn redacting_twice_changes_nothing(s in journalish()) {
        let mut r = Redactor::new(checker());
        let once = r.redact(&s);
        let again = checker().scan(&once);
        prop_assert!(
            again.iter().all(|f| !f.kind.is_structured()),
            "{once:?}: {again:?}"
        );
        prop_assert_eq!(r.redact(&once), once.clone());
        prop_assert_eq!(Redactor::new(checker()).redact(&once), once);
    }

    #[test]
    fn planted_identifiers_are_always_removed(
        before in journalish(),
        id in prop::sample::select(PLANTED),
        after in journalish(),
    ) {
        let text = format!("{before} {id} {after}");
        let mut r = Redactor::new(checker());
        let out = r.redact(&text);
        // The surroundings may hold the same letters inside other words ("ajdx"): only
        // those may be left.
        let glued = before.matches(id).count() + after.matches(id).count();
        prop_assert!(
            out.matches(id).count() <= glued,
            "{id:?} left in {out:?} (from {text:?})"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Recall on an independent corpus.

/// The kind code of a tricky word that is no identifier: marked so that a corpus can say
/// how many there are, never counted as planted, and a finding on it is a false flag.
const CLEAN: &str = "o";

/// One planted identifier of `recall.txt` (or a tricky word marked [`CLEAN`]): its kind
/// code and byte range in the case text.
struct Planted {
    kind: String,
    start: usize,
    end: usize,
}

/// The cases of a recall corpus: each text with its markers taken out, and what was
/// planted.
fn recall_cases(name: &str) -> Vec<(String, Vec<Planted>)> {
    let raw = fixture(name);
    let body: String = raw
        .lines()
        .filter(|l| !l.starts_with("# ") && *l != "#")
        .collect::<Vec<_>>()
        .join("\n");
    body.split("\n---\n")
        .map(|case| {
            let mut text = String::new();
            let mut planted = Vec::new();
            let mut rest = case.trim_matches('\n');
            while let Some(open) = rest.find('⟦') {
                text.push_str(&rest[..open]);
                let inner = &rest[open + '⟦'.len_utf8()..];
                let close = inner.find('⟧').unwrap();
                let (kind, id) = inner[..close].split_once(':').unwrap();
                planted.push(Planted {
                    kind: kind.to_string(),
                    start: text.len(),
                    end: text.len() + id.len(),
                });
                text.push_str(id);
                rest = &inner[close + '⟧'.len_utf8()..];
            }
            text.push_str(rest);
            (text, planted)
        })
        .collect()
}

/// The words of a text (runs of letters and digits), outside the placeholders of a
/// redaction.
fn words_outside_placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let (plain, after) = match rest.find('[') {
            Some(i) => match rest[i..].find(']') {
                Some(j)
                    if rest[i + 1..i + j]
                        .chars()
                        .all(|c| c.is_alphanumeric() || " -:".contains(c)) =>
                {
                    (&rest[..i], Some(&rest[i + j + 1..]))
                }
                _ => (&rest[..=i], Some(&rest[i + 1..])),
            },
            None => (rest, None),
        };
        out.extend(
            plain
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty()),
        );
        match after {
            Some(a) => rest = a,
            None => return out,
        }
    }
}

/// A twenty-fourth corpus (`recall-fresh22.txt`), written blind like the others from the
/// domain notes and an earlier header, by writers new to the corpora: youth justice in
/// Cornwall, a care leavers' adviser, reablement in Swansea, palliative care in
/// Fermanagh, an IMCA, sexual health outreach, Housing First, a foodbank, BSL, a modern
/// slavery navigator (Polish and Romanian clients), a Gurkha family, Roma families in
/// Govanhill, Jersey and the Isle of Man, Stamford Hill, a refuge in Inverness and
/// bereavement in Newry. Its first figure is a hold-out of the twenty-third corpus's
/// rules: 419 of 515 (81.4%), with 51 findings, most of them towns and regions named
/// alone ("Redruth", "Keswick", "Westmorland", "Omeath"), theorists ("Wenger",
/// "Saleebey") and apps. Missed: what3words addresses and grid references ("///filled.
/// count.soap", "NY 3365 0412"), homes described ("the flat above the chippy on Chester
/// Road"), initials alone ("K", "D"), BSL name signs ("curly-hair"), PESEL and CNP
/// numbers, an email spelt out ("tom dot h dot 94 at gmail dot com"), places by their
/// kind ("Oasis Spa on Grand Parade", "Buddhist temple on Ash Road"), a phone split
/// across a line. Studied in part: mobiles read back with "07" as a group of their own
/// ("07 838 502 117", "07 944 61 22 90"): 422 of 515; ISO dates with their time joined
/// by "T" ("2025-03-04T10:15"): 424 of 515 (82.3%); what3words addresses ("///piano.
/// ferry.meadows", the words after the slashes): 426 of 515 (82.7%); grid references
/// after "grid" ("grid NY 3365 0412", "Irish grid H 287 285"): 429 of 515 (83.3%); an
/// email spelt out before its "at" ("tom dot h dot 94 at gmail dot com"): 430 of 515;
/// a chat's stamps ("[24/02/2025 16:02]") counted as removed once the measure no longer
/// reads the brackets around an identifier as a placeholder: 434; days of next month
/// and with a bracketed weekday ("the 3rd of next month", "the 14th (Fri)"): 437 of 515
/// (84.9%); PESEL, CNP and UAN numbers after their names: 441 of 515 (85.6%); a day
/// listed after one found ("review 28/2 and 3/3"): 442 of 515 (85.8%); a Welsh weekday
/// before a day and month in figures ("Llun 10/3"): 443 of 515 (86.0%); a month in Roman
/// figures ("14.ii.25"): 444 of 515 (86.2%); a place by its kind, or its name and kind,
/// before the street it is on ("Bacchus bar on St James's St", "the gurdwara on Soho
/// Road", "Oasis Spa on Grand Parade"), with a home above it ("the flat above the chippy
/// on Chester Road"): 450 of 515 (87.4%); a record's number after its cue with a few
/// words between ("Passport for Mihai: 055827316", "UC claim ref she gave me 7731 9925
/// 04"): 453 of 515; a mobile broken over two lines ("Mob: 07518" / "403 920"): 455 of
/// 515 (88.3%); a farm's or house's name before its village ("Church Farm, Catfield",
/// "Low Hows Farm, near Caldbeck", "Croft 6, Earlish") and a Glasgow flat's position
/// before its address ("1/L, 145 Allison Street"): 460 of 515 (89.3%); initials alone
/// read as people by the words around them ("first one with K", "family T", "Hi K,",
/// "first meet, D.", "K just shut down"): 473 of 515 (91.8%); a practice or a nursery
/// named by two words at its end ("Ystwyth Medical Group", "Annette Street Early
/// Years"): 475 of 515 (92.2%); police ranks as titles ("DS Cairns", "OIC DC Harrow")
/// and first names of Cornwall and the Isle of Man ("Lowenna", "Jory"): 480 of 515
/// (93.2%); someone named with who they are in brackets ("Milan (dad, …)") and a pet
/// named in brackets after its kind ("the dog (Bran)"): 481 of 515 (93.4%); that name
/// found again later in the text ("the one person Milan trusts"), a Hebrew name with
/// "bat", name signs in quotes after their cue ("name sign is 'dimple'"), a church for a
/// saint of a place and the district after a place's comma ("St Mary of Zion, Stoke
/// Aldermoor"): 490 of 515 (95.1%); a hashtag of a first name and an initial
/// ("#jordanG"), northern street words after a number ("14 Hylton Bank"), a foodbank
/// with its town, hospitals by shorthand ("Ward: F2", "Sheffield Children's", "Noble's
/// A&E"), ranks of the forces and "(retd)" ("Sgt Maj (retd) Pun"), a house's name before
/// its village ("Ballacregga, Ballaugh Curraghs"; "Farm: Blaen-cwm, Ponterwyd"), "Jan"
/// before a surname, "Bill" before what only a person does, "Beis" opening a place, a
/// shop by a first name ("Pennys bakery") and a home named before a noun ("the Thurne
/// View decision"): 505 of 515 (98.1%); "Sgt Maj" and "retd" are no longer flagged; a
/// kind of place at a place found ("the recycling plant in Polmadie"): 506 of 515
/// (98.3%); a month's name after "with" and before where someone is from ("with Jan
/// from the scheme"): 507 of 515 (98.4%).
/// A hospital by its initials alone (2026-12-07): 508.
/// Words of the twenty-eighth corpus's lists ("Gurkha", "Funchal", "St Helier", "Shabbos"), 2026-12-07: six findings fewer.
#[test]
fn a_twenty_fourth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh22.txt",
        (508, 515),
        &[
            "Name \"Gwithian\"",
            "Name \"Redruth\"",
            "Name \"Gentoo\"",
            "Name \"Townhill\"",
            "Name \"Cavan\"",
            "Name \"Lough Erne\"",
            "Name \"Earlsdon\"",
            "Name \"Wenger\"",
            "Name \"Sniffies\"",
            "Name \"Westmorland\"",
            "Name \"Furness\"",
            "Name \"Cumberland\"",
            "Name \"Cumberland\"",
            "Name \"Hesket\"",
            "Name \"Keswick\"",
            "Name \"Wigton\"",
            "Name \"Maryport\"",
            "Name \"Saleebey\"",
            "Name \"Kirkby\"",
            "Name \"Driscoll-ish\"",
            "Name \"Penydarren\"",
            "Name \"Headspace\"",
            "Name \"Calm\"",
            "Name \"Tinside\"",
            "Name \"Ponterwyd\"",
            "Name \"Aberaeron\"",
            "Name \"Kutna\"",
            "Name \"Kutno\"",
            "Name \"Fenland\"",
            "Place \"Govanhill Community Development Trust\"",
            "Name \"Madeiran\"",
            "Name \"Madeiran\"",
            "Name \"Ramsey\"",
            "Name \"Bikur Cholim\"",
            "Name \"Tervalon\"",
            "Name \"Murray-Garcia\"",
            "Name \"Skye\"",
            "Name \"Loughbrickland\"",
            "Name \"Omeath\"",
            "Name \"Hayle\"",
            "Name \"Aberfan\"",
            "Name \"Troedyrhiw\"",
        ],
    );
}

/// How a recall corpus fares: identifiers planted and fully removed (each case redacted
/// on its own, as a single entry would be), what was missed, and what the check flagged
/// that was not planted.
///
/// An identifier counts as removed when none of its words is left: a word of it may be
/// left only as often as it also appears in the case outside what was planted ("Road"
/// in another sentence). A word shared by two planted identifiers counts against both
/// when either keeps it, so the figure errs low.
///
/// The check knows the corpus's subject keys (`s`) and never-export words (`x`) besides
/// the usual ones, as a worker's journal knows its own subjects and settings.
fn recall_of(name: &str) -> (usize, usize, Vec<String>, Vec<String>) {
    let cases = recall_cases(name);
    let marked = |kind: &str| -> Vec<String> {
        let mut words: Vec<String> = cases
            .iter()
            .flat_map(|(text, planted)| {
                planted
                    .iter()
                    .filter(|p| p.kind == kind)
                    .map(|p| text[p.start..p.end].to_string())
            })
            .collect();
        words.sort();
        words.dedup();
        words
    };
    let mut keys: Vec<String> = ["jd", "tenant-a", "team-north"].map(String::from).to_vec();
    keys.extend(marked("s"));
    let mut never = vec!["Rowan Ward".to_string(), "Larchfield House".to_string()];
    never.extend(marked("x"));
    let configured = || Checker::new(keys.clone(), &never, &[]);
    let c = configured();
    let (mut total, mut removed) = (0, 0);
    let mut missed = Vec::new();
    let mut false_flags = Vec::new();
    let (mut tricky, mut tricky_flagged) = (0, 0);
    for (text, planted) in &cases {
        let (clean, planted): (Vec<&Planted>, Vec<&Planted>) =
            planted.iter().partition(|p| p.kind == CLEAN);
        // Each identifier gives way to a mark no placeholder holds, so that brackets
        // around one ("[24/02/2025 16:02]", a chat's stamp) are not read as a
        // placeholder and the words beside it in them still counted.
        let mut plain = text.clone();
        for p in planted.iter().rev() {
            plain.replace_range(p.start..p.end, "\u{1}");
        }
        let outside = words_outside_placeholders(&plain);
        let out = Redactor::new(configured()).redact(text);
        let left = words_outside_placeholders(&out);
        let count = |ws: &[&str], w: &str| ws.iter().filter(|x| **x == w).count();
        for p in &planted {
            total += 1;
            let id = &text[p.start..p.end];
            let kept: Vec<&str> = words_outside_placeholders(id)
                .into_iter()
                .filter(|w| count(&left, w) > count(&outside, w))
                .collect();
            if kept.is_empty() {
                removed += 1;
            } else {
                missed.push(format!("{} {id:?} (left: {kept:?}) in: {out}", p.kind));
            }
        }
        let mut clean_flagged = vec![false; clean.len()];
        for f in c.scan(text) {
            if !planted.iter().any(|p| p.start < f.end && f.start < p.end) {
                false_flags.push(format!("{:?} {:?} in: {text}", f.kind, f.text));
            }
            for (i, p) in clean.iter().enumerate() {
                clean_flagged[i] |= p.start < f.end && f.start < p.end;
            }
        }
        tricky += clean.len();
        tricky_flagged += clean_flagged.iter().filter(|f| **f).count();
    }
    eprintln!(
        "{name}: recall {removed}/{total} = {:.1}%; tricky words flagged {tricky_flagged}/{tricky}\n\
         missed:\n{}\nfalse flags:\n{}",
        removed as f64 * 100.0 / total as f64,
        missed.join("\n"),
        false_flags.join("\n")
    );
    (removed, total, missed, false_flags)
}

/// Asserts that corpus `name` has exactly `removed_of` (removed, planted) and that what
/// the check flags beyond its identifiers is exactly `flagged`, each finding's kind and
/// text in order.
fn assert_measured(name: &str, removed_of: (usize, usize), flagged: &[&str]) {
    let (removed, total, missed, false_flags) = recall_of(name);
    assert_eq!((removed, total), removed_of, "{missed:#?}");
    let found: Vec<&str> = false_flags
        .iter()
        .map(|f| f.split(" in: ").next().unwrap_or(f))
        .collect();
    assert_eq!(found, flagged);
}

/// Asserts that corpus `name` plants at least `min_total` identifiers, that at least
/// `min_percent`% of them are removed, and that what the check flags beyond them is
/// exactly `flagged`, one finding starting with each (in order).
fn assert_recall(name: &str, min_total: usize, min_percent: usize, flagged: &[&str]) {
    let (removed, total, missed, false_flags) = recall_of(name);
    assert!(total >= min_total, "{name}: {total} planted");
    assert!(
        removed * 100 >= total * min_percent,
        "{name}: recall {removed}/{total}:\n{}",
        missed.join("\n")
    );
    assert_eq!(false_flags.len(), flagged.len(), "{name}: {false_flags:#?}");
    for (f, want) in false_flags.iter().zip(flagged) {
        assert!(f.starts_with(want), "{name}: {f:?} is not {want:?}");
    }
}

/// Every planted identifier of an independent corpus is removed, at least 98% of them,
/// and nothing else in those notes is flagged.
#[test]
fn an_independent_corpus_is_redacted_with_high_recall_and_no_false_flags() {
    assert_recall("recall.txt", 150, 98, &[]);
}

/// A second corpus, written after the check was changed: it keeps the check honest about
/// names it has never seen.
#[test]
fn a_held_out_corpus_is_redacted_with_high_recall_and_no_false_flags() {
    assert_recall("recall-holdout.txt", 60, 98, &[]);
}

/// A third corpus, written before names never seen at the start of a sentence were
/// caught ("Rebaz came to the drop-in."): most of its names are written once, where a
/// sentence starts, after a verb, in a title or in a tag. The rule for them was shaped
/// on it (49 of 71 before, 69 after, 71 with wider lists of names).
#[test]
fn a_fresh_corpus_of_names_written_once_is_redacted_with_high_recall() {
    assert_recall("recall-fresh.txt", 60, 98, &[]);
}

/// A fourth corpus, written after the third was measured and before the rule for
/// names never seen at the start of a sentence: measured once after it, untuned (46 of
/// 72 before, 62 after; 71 once its misses were studied).
#[test]
fn a_second_fresh_corpus_is_redacted_with_high_recall() {
    // A country is too big to identify anyone; a small town may, and stays flagged, and
    // so does a ward by its name or number.
    assert_recall(
        "recall-fresh2.txt",
        60,
        98,
        &["Name \"Llandeilo\"", "Place \"Ward 7\""],
    );
}

/// A fifth corpus, written before the rule for names never seen at the start of a
/// sentence and kept unmeasured until it was done (38 of 65 before, 59 after; 65 once
/// its misses were studied with those of the corpora beside it).
#[test]
fn a_third_fresh_corpus_is_redacted_with_high_recall() {
    assert_recall("recall-fresh3.txt", 60, 98, &[]);
}

/// A sixth corpus, written after that rule was done, and measured once (30 of 62
/// before, 52 after). What it missed were verbs that things do too ("took", "gave",
/// "needs", "started"); with medicines known by name and ending, a verb and then "his",
/// "her" or "me" says a person, and wider lists of names did the rest (62 after).
#[test]
fn a_fourth_fresh_corpus_is_redacted_with_high_recall() {
    assert_recall("recall-fresh4.txt", 60, 98, &[]);
}

/// A seventh corpus, with schools and places of work among its identifiers, written
/// before the rules were changed for recall on text never seen, and measured once then
/// (80 of 93, with 9 medicines, places and words of other languages flagged) and at the
/// end (90 of 93). It is not a clean hold-out: 11 of its names were added to the name
/// list while it was being written (88 of 93 without them), and it was seen once midway.
/// The rules for workplaces by name made it 92 of 93, and an age after a name ("Summer
/// turned sixteen") 93 of 93, shaped on other text but fitted here. A hospital, "Glan Clwyd", is
/// flagged as a name: a place that may identify, kept so.
#[test]
fn a_fifth_fresh_corpus_is_redacted_with_high_recall() {
    assert_recall("recall-fresh5.txt", 90, 98, &["Name \"Glan Clwyd\""]);
}

/// Sentences that start with a capitalised word in no word list that is no one (a
/// medicine, a system, a greeting): none is flagged.
#[test]
fn unknown_words_that_start_a_sentence_and_are_no_one_are_not_flagged() {
    let text = fixture("clean-starts.txt");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .collect();
    assert!(lines.len() >= 30, "{}", lines.len());
    let c = checker();
    let flagged: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            c.scan(l)
                .into_iter()
                .map(move |f| format!("{:?} {:?} in: {l}", f.kind, f.text))
        })
        .collect();
    eprintln!(
        "{} of {} lines flagged:\n{}",
        flagged.len(),
        lines.len(),
        flagged.join("\n")
    );
    assert_eq!(flagged, Vec::<String>::new());
}

/// Tricky non-identifiers in English, Welsh and the other languages of UK care: none is
/// flagged, line by line or as one text.
#[test]
fn an_independent_multilingual_clean_corpus_has_no_findings() {
    let text = fixture("recall-clean.txt");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .collect();
    assert!(lines.len() >= 110, "{}", lines.len());
    let c = checker();
    let flagged: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            c.scan(l)
                .into_iter()
                .map(move |f| format!("{:?} {:?} in: {l}", f.kind, f.text))
        })
        .collect();
    eprintln!(
        "{} of {} lines flagged:\n{}",
        flagged.len(),
        lines.len(),
        flagged.join("\n")
    );
    assert_eq!(flagged, Vec::<String>::new());
    assert_eq!(described(&c.scan(&lines.join("\n"))), vec![]);
    assert_eq!(described(&c.scan(&lines.join(" "))), vec![]);
}

/// What the check flags in `text`, as (kind, text) pairs.
fn flagged_in(text: &str) -> Vec<(FindingKind, String)> {
    checker()
        .scan(text)
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect()
}

/// A workplace by its name identifies the person who works there; a place of work in
/// general terms does not.
#[test]
fn workplaces_by_name_are_places_and_general_ones_are_not() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("He has started at Harrow Scaffolding as a labourer."),
        vec![place("Harrow Scaffolding")]
    );
    assert_eq!(
        flagged_in("She works at Tesco Extra on the retail park."),
        vec![place("Tesco Extra")]
    );
    assert_eq!(
        flagged_in("He has started nights at Greggs on the high street."),
        vec![place("Greggs")]
    );
    assert_eq!(
        flagged_in("He has a job interview at Sainsbury's Local next week."),
        vec![place("Sainsbury's Local")]
    );
    assert_eq!(
        flagged_in("Delivery driver for Hermes in the evenings."),
        vec![place("Hermes")]
    );
    for clean in [
        "She works at the care home and wants a warehouse job.",
        "He works at the Job Centre on Tuesdays.",
        "She works for Royal Mail and started at Christmas.",
        "Her son works at the Amazon warehouse.",
        "We met at Costa after the review.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// Hospitals and wards by name are places, not people.
#[test]
fn hospitals_and_wards_by_name_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("She was discharged from Ward 7B at Queen's with a frame."),
        vec![place("Ward 7B at Queen's")]
    );
    assert_eq!(
        flagged_in("Transferred to Ward 12 at Morriston overnight."),
        vec![place("Ward 12 at Morriston")]
    );
    assert_eq!(
        flagged_in("Appointment at the Royal Gwent for the clinic."),
        vec![place("Royal Gwent")]
    );
    for clean in [
        "She works for Royal Mail and is in the Royal College of Nursing.",
        "Back on the ward after the ward round.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A weekday beside a date is part of the date, and a weekday with a day and month in
/// figures is a date.
#[test]
fn a_weekday_beside_a_date_is_part_of_it() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Home visit on Monday 2nd December: no heating."),
        vec![date("Monday 2nd December")]
    );
    assert_eq!(
        flagged_in("Clinic on Tues 3/9 at ten."),
        vec![date("Tues 3/9")]
    );
    assert_eq!(
        Redactor::new(checker()).redact("Clinic on Tues 3/9 at ten."),
        "Clinic on [DATE: September] at ten."
    );
    for clean in ["Scored 3/9 on Tues.", "Back on Monday, 3 of 9 done."] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A hospital number with a trust code before it is one number.
#[test]
fn a_hospital_number_with_a_code_before_it_is_removed_whole() {
    assert_eq!(
        flagged_in("Hospital number RQ8 883120 for the clinic."),
        vec![(FindingKind::RecordNumber, "RQ8 883120".to_string())]
    );
}

/// An eighth corpus, with workplaces, hospitals and wards by name and weekdays beside
/// dates among its identifiers, written before any rule was changed for it: 99 of 112
/// then, 110 of 112 after the rules for workplaces, hospitals, wards, weekday dates and
/// hospital numbers with a code. Its two misses then, first names never seen where a
/// sentence starts ("Nadia-Rose is settling in", "Giedre works"), were caught by the
/// rules shaped on the ninth corpus (112 of 112); "Drayton" of Market Drayton, a small
/// town, is flagged as a name.
#[test]
fn a_sixth_fresh_corpus_is_redacted_with_high_recall() {
    assert_recall("recall-fresh6.txt", 100, 98, &["Name \"Market Drayton\""]);
}

/// A ninth corpus, written by hand as shift notes before any rule was changed for it,
/// with 179 identifiers and 60 tricky words that are no one. With the rules as they stood
/// when it was written: 162 of 179 removed (90.5%), and one tricky word flagged, a
/// holiday camp taken for a name. It was then studied, so what follows is no hold-out:
/// with the rules for names never seen before a verb, hyphenated names, lowercase names
/// joined by "and", places named with Court, Lodge, Ward or Practice, record systems,
/// church schools and "paid by", 177 of 179; with what is done to a person in care
/// after "to be" ("Precious to be seen by a Health Visitor"), learnt with the eleventh
/// corpus, 178. Still missed: "Selam is settling" (a greeting in Tigrinya and Turkish;
/// the words of other languages that do what a person does are mostly family words,
/// "Nain", "Bunica", which are no one).
#[test]
fn a_ninth_corpus_written_before_its_rules_is_redacted_with_high_recall() {
    let (removed, total, missed, false_flags) = recall_of("recall-fresh7.txt");
    assert_eq!(total, 179);
    assert!(removed >= 178, "{removed}/{total}:\n{}", missed.join("\n"));
    assert_eq!(false_flags, Vec::<String>::new());
}

/// A name in no list where a sentence starts, before a verb with it as subject ("was in",
/// "got her", "to attend", "works on"), is a name; a word that is a thing there is not.
#[test]
fn an_unknown_name_at_a_sentence_start_before_a_verb_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Kaz was in a good mood. We played pool."),
        vec![name("Kaz")]
    );
    assert_eq!(
        flagged_in("Key work session. Tiegan got her first payslip."),
        vec![name("Tiegan")]
    );
    assert_eq!(
        flagged_in("Meeting booked. Renée to attend with her advocate."),
        vec![name("Renée")]
    );
    assert_eq!(
        flagged_in("Gintarė works on the tills at night."),
        vec![name("Gintarė")]
    );
    for clean in [
        "Hygge was the theme of the winter group.",
        "Thickener is added to all her drinks now.",
        "Paracetamol is due at six.",
        "Mosaic was down all morning.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// Capitalised names joined by a hyphen are a name even where a sentence starts, and a
/// hyphenated word is not.
#[test]
fn a_hyphenated_name_is_a_name_where_a_sentence_starts() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Child: Lily-Mae Brannigan. Mum present."),
        vec![name("Lily-Mae Brannigan")]
    );
    assert_eq!(
        flagged_in("Kerry-Ann. Texted back at seven."),
        vec![name("Kerry-Ann")]
    );
    for clean in [
        "Follow-Up visit booked for the spring.",
        "Afro-Caribbean hair care products were bought.",
        "Self-Harm: no new marks seen.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A listed name in lowercase joined by "and" to a name caught in lowercase is a name.
#[test]
fn a_lowercase_name_joined_to_a_caught_one_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("youth club tonight. tyler and mason were winding each other up."),
        vec![name("tyler"), name("mason")]
    );
    assert_eq!(
        flagged_in("tyler and will be back at six."),
        vec![name("tyler")]
    );
}

/// A place named by capitalised words and a word such as Court, Lodge, Ward or Practice,
/// after a word of place, is a place; a kind of place is not.
#[test]
fn places_named_with_court_lodge_ward_or_practice_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("She is settling at Maple Court and likes it."),
        vec![place("Maple Court")]
    );
    assert_eq!(
        flagged_in("He went back to Brookfield Lodge after respite."),
        vec![place("Brookfield Lodge")]
    );
    assert_eq!(
        flagged_in("Bed 14 on Beech Ward, by the window."),
        vec![place("Beech Ward")]
    );
    assert_eq!(
        flagged_in("She is registered at Riverside Medical Practice."),
        vec![place("Riverside Medical Practice")]
    );
    assert_eq!(
        flagged_in("Moved to the Orchard Centre for day care."),
        vec![place("Orchard Centre")]
    );
    for clean in [
        "Contact is at the Family Centre on Fridays.",
        "The hearing was in the Crown Court.",
        "I am doing a module in Reflective Practice.",
        "She signs on at the Job Centre.",
        "Transferred to the Stroke Unit overnight.",
        "The baby is on the Maternity Ward.",
        "He read about Good Medical Practice in supervision.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A number after the name of a case or incident record system is a record number; a
/// church school's name is whole with its saint and its RC or CE; a workplace is one
/// after "paid by"; a surname that is also a theorist's begins a name before its caught
/// rest.
#[test]
fn record_systems_church_schools_paid_by_and_a_surname_first() {
    assert_eq!(
        flagged_in("MASH referral back: Mosaic 5518204, seen today."),
        vec![(FindingKind::RecordNumber, "5518204".to_string())]
    );
    assert_eq!(
        flagged_in("Incident Datix 448120 raised."),
        vec![(FindingKind::RecordNumber, "448120".to_string())]
    );
    assert_eq!(
        flagged_in("She goes to St Bernadette's RC Primary now."),
        vec![(FindingKind::Place, "St Bernadette's RC Primary".to_string())]
    );
    assert_eq!(
        flagged_in("He was paid cash by Sparkle Hand Car Wash for months."),
        vec![(FindingKind::Place, "Sparkle Hand Car Wash".to_string())]
    );
    assert_eq!(
        flagged_in("Trần Văn Minh prefers to be called Minh."),
        vec![
            (FindingKind::Name, "Trần Văn Minh".to_string()),
            (FindingKind::Name, "Minh".to_string())
        ]
    );
    for clean in [
        "Mosaic 2024 is the new version.",
        "She talked about Christmas at Butlins.",
        "Using Gibbs, I looked again at the visit.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A tenth corpus, written after the rules shaped on the ninth and before it was run: its
/// figure is a hold-out for them (written by the same hand, so a weak one). First run:
/// 76 of 80 removed (95.0%; the rules before the ninth corpus's removed 75), and 5 of
/// its 31 tricky words flagged as names: a games console, a medicine's brand name, a
/// dog, the Windrush and a small town. Its misses were then studied, so the figure
/// below is fitted, no hold-out: with the rules for names in a list with a caught one,
/// job titles of any length, a line that ends as a sentence being no title, shops with
/// a small word in their name and places named for a saint ("St Columba's"), 80 of 80;
/// with a thing after "his"/"her" and a pet's name being no one, 2 tricky words
/// flagged (the Windrush and a small town, Tilbury: a small town is flagged by design);
/// with the peoples, brands and feasts learnt on the eleventh corpus, only the town;
/// with the ports learnt on the thirty-first (Tilbury among them), none.
#[test]
fn a_tenth_corpus_held_out_from_the_rules_is_measured() {
    assert_measured("recall-fresh8.txt", (80, 80), &[]);
}

/// A capitalised word in a list with a caught name is a name ("Marcus and Saffron"); a
/// name before a job title of any length is one ("… is the new Older Adults Community
/// Mental Health Nurse."); a shop's name may hold a small word ("Bank of Scotland").
/// None of these words is in the corpora the rules were measured on.
#[test]
fn names_in_lists_before_long_titles_and_shops_with_small_words() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Youth club. Marcus and Saffron played pool all night."),
        vec![name("Marcus"), name("Saffron")]
    );
    assert_eq!(
        flagged_in("Art group: Ifeoma, Marigold & Bronwen painted."),
        vec![name("Ifeoma"), name("Marigold"), name("Bronwen")]
    );
    assert_eq!(
        flagged_in("Siobhán Ní Fhlannagáin is the new Older Adults Community Mental Health Nurse."),
        vec![name("Siobhán Ní Fhlannagáin")]
    );
    assert_eq!(
        flagged_in("He works nights at Bank of Scotland now."),
        vec![place("Bank of Scotland")]
    );
    assert_eq!(
        flagged_in("She works at Tesco at Christmas."),
        vec![place("Tesco")]
    );
    for clean in [
        "Bread and Milk were on the list.",
        "Reflections On The Home Visit",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A thing someone has is no one ("her Nintendo charger"), nor is a pet brought in by
/// "called" ("a collie called Skye"); a pet named beside the animal is caught as a
/// name, since it picks out a household ("his dog Rolo"); a place named for a saint is
/// a place, whole ("St Oswald's Hospice").
#[test]
fn things_pets_and_saints_places() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let place = |s: &str| (FindingKind::Place, s.to_string());
    for clean in [
        "He lost her Nintendo charger again.",
        "They have a collie called Skye and she walks her daily.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    assert_eq!(
        flagged_in("He took his dog Rolo to the park."),
        vec![name("Rolo")]
    );
    assert_eq!(
        flagged_in("The neighbour moans about the cat Biscuit in her bins."),
        vec![name("Biscuit")]
    );
    assert_eq!(
        flagged_in("She wants to go to St Oswald's Hospice for respite."),
        vec![place("St Oswald's Hospice")]
    );
    assert_eq!(
        flagged_in("Her mum said she wants to die at St Brigid's, not at home."),
        vec![place("St Brigid's")]
    );
    // A person after "her" is still one: "her Kacper was crying".
    assert_eq!(
        flagged_in("Mum rang: her Kacper was crying all night."),
        vec![name("Kacper")]
    );
}

/// A redactor that has redacted a text before gives the same again, counted again, and
/// works it out anew once a word of it has become a known name.
#[test]
fn a_text_redacted_before_is_redacted_as_if_new() {
    let mut r = Redactor::new(checker());
    let t = "Ysolde's move went smoothly. Sarah Jones helped.";
    let first = r.redact(t);
    assert_eq!(first, "Ysolde's move went smoothly. [PERSON-1] helped.");
    assert_eq!(r.redact(t), first);
    assert_eq!(r.counts()[&FindingKind::Name], 2);
    assert_eq!(r.redact("Rang Ysolde back."), "Rang [PERSON-2] back.");
    assert_eq!(
        r.redact(t),
        "[PERSON-2]'s move went smoothly. [PERSON-1] helped."
    );
    assert_eq!(r.counts()[&FindingKind::Name], 5);
}

/// A plain word in a list with a name is a name when the list did something, not when
/// it is followed by where or when ("Sarah and Finance for the review"); a thing of
/// someone's may be more than one word, or end the clause.
#[test]
fn lists_of_people_and_things_of_theirs() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Met Callum and Probation at the office."),
        vec![name("Callum")]
    );
    assert_eq!(
        flagged_in("Joined by Sarah and Finance for the review."),
        vec![name("Sarah")]
    );
    assert_eq!(
        flagged_in("Priya, Kezia and Amber-Rose made cards."),
        vec![name("Priya"), name("Kezia"), name("Amber-Rose")]
    );
    assert_eq!(
        flagged_in("Marek brought his Nintendo Switch to group."),
        vec![name("Marek")]
    );
    assert_eq!(flagged_in("He misses his Tamagotchi."), vec![]);
}

/// An age after a word says it is someone, even a first name that is also a word where
/// a sentence starts; a number of minutes or days does not.
#[test]
fn an_age_after_a_name_says_a_person() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(flagged_in("Hope turned 4 today."), vec![name("Hope")]);
    assert_eq!(
        flagged_in("Precious (15) was quiet today."),
        vec![name("Precious")]
    );
    assert_eq!(
        flagged_in("Marlowe turned 30 last week."),
        vec![name("Marlowe")]
    );
    for clean in [
        "Dosette is 3 days behind.",
        "Bay 4 is 12 minutes away.",
        "Score was 7 out of 10.",
        "Room (12) was cold.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// An eleventh corpus, written without sight of the rules and committed before it was
/// run: a hold-out. Its first figures, on the rules before lists, long job titles and
/// ages were learnt, were 251 of 299 and 13 false flags; on those rules, which were
/// shaped without it, 253 of 299 identifiers were removed (84.6%): of the 46 left, 26
/// were names (words that are also names, nicknames, initials, an online handle, pets,
/// first names never seen standing alone), 18 places by name (a care home, wards, a
/// pub, shops' branches, a salon, a probation hostel, Traveller sites, GP practices, a
/// school and a college), 2 addresses without a number, an exact date's weekday and a
/// case number in a title; 13 of its 152 tricky words were flagged on their own
/// (medicines, brands and apps, towns, a Polish feast day, the Windrush, "Romany", the
/// Tigrinya for "mother" and a word opening a list). It was then studied, so what
/// follows is fitted, no hold-out, each rule written for the class and tested on words
/// no corpus has: with words known for brands, apps, dressings, cities abroad, feasts
/// and peoples, no false flag; with names said by the words around them, nicknames,
/// initials and handles, 275; with places by what they are (pubs, chains' branches,
/// businesses where someone works, sites, Welsh surgeries), 294; with "Weds", case
/// numbers by their shape and addresses without a number, 297; with a pet named beside
/// the animal, 299 of 299.
#[test]
fn an_eleventh_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured("recall-fresh9.txt", (299, 299), &[]);
}

/// Brands, apps, games, dressings and medicines bought over the counter, the large
/// cities people come from, their feasts and fairs are no one; nor is a word that its
/// ending makes a word, opening a list where a sentence starts. None of these words is
/// in the corpora.
#[test]
fn brands_apps_dressings_cities_and_feasts_are_no_one() {
    for clean in [
        "Topped up with Lucozade and a Weetabix at ten.",
        "She banks with Revolut now and pays by Klarna.",
        "He plays Minecraft with his cousin on Discord.",
        "Redressed with Mepilex and Inadine, then bandaged.",
        "Reviewed, Allevyn and compression reapplied.",
        "Her family are from Timisoara and Cluj.",
        "He wants to be home for Zaduszki and Wielkanoc.",
        "They go to Ballinasloe every October for the fair.",
        "She is proud to be Romani and talks about the Windrush generation.",
        "Nurofen and Piriton given for the rash.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// Who someone is, said by the words around a name: a word of family before it ("niece
/// Willow", "Stepson Ka Wai"), a role or a people in brackets after it ("Ysolde
/// (advocate)", "Dilshad (Kurdish)"), a role after "the" ("Ynyr the HCA") or where
/// they rang from; a day they had; a family in the plural ("the Pritchards"). Nicknames count: in brackets after the name,
/// with "Big" or "Wee" before it, initials of a name in the text or after a verb that
/// takes a person, an online handle; so do a middle name that is also a weekday's short
/// form, a lowercase name no word joins to a caught one, and a first name that is also a
/// word, again where a sentence starts. None of these names is in the corpora.
#[test]
fn names_said_by_family_roles_brackets_initials_and_handles() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Her niece Willow picks up the prescriptions."),
        vec![name("Willow")]
    );
    assert_eq!(
        flagged_in("Stepson Ka Wai does the shopping."),
        vec![name("Ka Wai")]
    );
    assert_eq!(
        flagged_in("Dilshad (Kurdish, from Erbil) has his hearing soon."),
        vec![name("Dilshad")]
    );
    assert_eq!(
        flagged_in("Ysolde (advocate) on 07700 900111 after two."),
        vec![
            name("Ysolde"),
            (FindingKind::Phone, "07700 900111".to_string())
        ]
    );
    assert_eq!(
        flagged_in("Ynyr the HCA will do the check. Tegid from the pharmacy rang."),
        vec![name("Ynyr"), name("Tegid")]
    );
    assert_eq!(
        flagged_in("Dez in his tent by the canal again."),
        vec![name("Dez")]
    );
    assert_eq!(
        flagged_in("Storm had a bad night, then slept till ten."),
        vec![name("Storm")]
    );
    assert_eq!(
        flagged_in("The flat was let to the Pritchards last year."),
        vec![name("Pritchards")]
    );
    assert_eq!(
        flagged_in("Przemysław Nowicki (przemek) turned up late."),
        vec![name("Przemysław Nowicki"), name("przemek")]
    );
    assert_eq!(
        flagged_in("Wee Davie from the hostel fixed the door."),
        vec![name("Wee Davie")]
    );
    assert_eq!(
        flagged_in("Kacey-Lou is settling; KL loves the garden. The order protects RB."),
        vec![name("Kacey-Lou"), name("KL"), name("RB")]
    );
    assert_eq!(
        flagged_in("His gamer tag is dezzy_k07, so I asked him to go private."),
        vec![name("dezzy_k07")]
    );
    assert_eq!(
        flagged_in("Nguyễn Sat Minh came with his sister."),
        vec![name("Nguyễn Sat Minh")]
    );
    assert_eq!(
        flagged_in("youth club. osian and zuzu played pool."),
        vec![name("osian"), name("zuzu")]
    );
    assert_eq!(
        flagged_in("Patience & Ruby. Patience did not have the patience, she said."),
        vec![name("Patience"), name("Ruby"), name("Patience")]
    );
    for clean in [
        "The baby Unit was busy; the ward had a quiet night.",
        "Paracetamol from the pharmacy arrived late.",
        "Sarah Williams the SW came; we rang DWP and UC about it.",
        "Hope to leave on time for once.",
    ] {
        let found: Vec<_> = flagged_in(clean)
            .into_iter()
            .filter(|(_, w)| w != "Sarah Williams")
            .collect();
        assert_eq!(found, vec![], "{clean}");
    }
}

/// Places by what they are: a Welsh surgery ("Meddygfa Teifi", "Meddygfa'r Bont"), a
/// college of two names joined by "and", a church school's mark after its saint, a pub,
/// a chain's branch named by where it is, a business before "where" someone works, a
/// Traveller site with the pitch on it, a ward named on a ward round, a ward after its
/// unit, a building as a sentence of its own, a firm with "&" in its name, an approved
/// premises ("AP"). A chain's format, a chain alone and a city stay. None of these
/// places is in the corpora.
#[test]
fn places_by_what_they_are() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 14] = [
        (
            "Her GP is Meddygfa Teifi now. The nurse at Meddygfa'r Bont rang.",
            vec![place("Meddygfa Teifi"), place("Meddygfa'r Bont")],
        ),
        (
            "He has a place at Neath and Port Talbot College in September.",
            vec![place("Neath and Port Talbot College")],
        ),
        (
            "Their boy is at St Dyfrig's RC. He likes it.",
            vec![place("St Dyfrig's RC")],
        ),
        (
            "He drinks at the Black Bull most nights.",
            vec![place("Black Bull")],
        ),
        (
            "She works nights at the Bristol Road Aldi.",
            vec![place("Bristol Road Aldi")],
        ),
        (
            "She is back on the tills at Asda Pwllheli.",
            vec![place("Asda Pwllheli")],
        ),
        (
            "They eat at the Golden Dragon where Wen works.",
            vec![place("Golden Dragon")],
        ),
        (
            "She found a barber, Fade Masters, where his uncle works.",
            vec![place("Fade Masters")],
        ),
        (
            "They live at plot 4 on Riverside Meadows site since March.",
            vec![
                (FindingKind::Address, "plot 4".to_string()),
                place("Riverside Meadows site"),
            ],
        ),
        (
            "ward round Foxglove, four patients.",
            vec![place("Foxglove")],
        ),
        (
            "Transferred to Oakwood Unit, Birch Ward for the night.",
            vec![place("Oakwood Unit"), place("Birch Ward")],
        ),
        ("Ash House. Quiet night.", vec![place("Ash House")]),
        (
            "He was paid cash by Kowalczyk & Sons Scaffolding for months.",
            vec![place("Kowalczyk & Sons Scaffolding")],
        ),
        (
            "He is at Ashgrove AP until his licence ends.",
            vec![place("Ashgrove AP")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    for clean in [
        "He went to Tesco Extra and Costa Coffee for lunch.",
        "He works at the Co-op where she worked.",
        "He lives in Manchester where he works.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// An exact date with "Weds" for its weekday, a case number by its shape (a year and a
/// serial), and addresses without a house number: a house, a street and a village
/// before a postcode, or a house and a street. A span of years stays.
#[test]
fn weds_year_serials_and_addresses_without_a_number() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("Her tribunal is Weds 9th April, she is scared."),
        vec![(FindingKind::ExactDate, "Weds 9th April".to_string())]
    );
    assert_eq!(
        flagged_in("Court bundle 2023/20417 came today."),
        vec![(FindingKind::RecordNumber, "2023/20417".to_string())]
    );
    assert_eq!(
        flagged_in("They rent Holly Cottage, Chapel Lane, Great Tew OX7 4AB from a farmer."),
        vec![
            address("Holly Cottage, Chapel Lane, Great Tew"),
            (FindingKind::Postcode, "OX7 4AB".to_string())
        ]
    );
    assert_eq!(
        flagged_in("She moved to Ivy Cottage, Church Lane last week."),
        vec![address("Ivy Cottage, Church Lane")]
    );
    assert_eq!(
        flagged_in("Budget for 2024/2025 and 2024/25 agreed; the 12/2024 review."),
        vec![]
    );
}

/// What the rules for family, pets, chains and handles must not take for someone or
/// somewhere: a medicine or a drink after "the baby" or "the kids", a word before the
/// noun it names after "the dog", a file's name, a chain's loyalty card.
#[test]
fn things_beside_the_new_cues_are_no_one() {
    for clean in [
        "Gave the baby Calpol at 2am and the kids Ribena.",
        "The dog Food bowl was empty again.",
        "Saved it as care_plan_v2.docx in the shared drive.",
        "He has his Boots Advantage card with him.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A first name that is also a word, or a name in no list, where a sentence starts is
/// someone before what is done to a person in care ("to be seen", "to be discharged");
/// a thing to be done is not.
#[test]
fn a_name_before_what_is_done_to_a_person_in_care() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Referral back. Harmony to be seen by the school nurse this week."),
        vec![name("Harmony")]
    );
    assert_eq!(
        flagged_in("Zawadi to be discharged on Friday with a package of care."),
        vec![name("Zawadi")]
    );
    for clean in [
        "Bloods to be taken on Monday.",
        "Sertraline to be reviewed by the GP.",
        "Plan to be agreed at the meeting.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A twelfth corpus, written without sight of the rules and committed before it was ever
/// run (498 identifiers among 72 notes, with 309 tricky words: towns, medicines, brands,
/// services, words of the languages heard in care). First run, on the rules before the
/// eleventh was studied (those its own hold-out figure measured): 426 of 498 removed
/// (85.5%), and 30 of its tricky words flagged. With the rules fitted on the eleventh (names by the words
/// around them, places by what they are, brands and feasts known): 439 of 498 (88.2%),
/// 29 of the 309 tricky words flagged, 25 findings beyond the identifiers: small towns
/// (flagged by design, since they can identify someone), medicines and services by their
/// brand names, a prayer, a word of family in Irish English: the hold-out figure of those
/// rules. It was then studied, so what follows is fitted, no hold-out, each rule written
/// for a class and tested on words no corpus has: with medicines and services by brand,
/// statutory roles, prayers, family words, inspectorates, large towns (Keighley,
/// Dunstable) and Calais known, chains alone no one and words made with "un-", 6
/// findings beyond the identifiers, all small towns, villages and districts, flagged by
/// design (PRACTICE.md §9): Hartcliffe, Ballina (a small town in Mayo: abroad, but as
/// small as any here), Cookstown, Dungannon, Ullapool, Elswick. Removed, from 439: with
/// short forms of first names listed ("Dot", "Tel", "Biddy"), 449; with names said by
/// who was at a meeting, initials, a stage name, a shift, a role before a name, an aside,
/// pets in a list and a Vietnamese name with "Thu" in it, 466; with the cues of police,
/// adult social care and immigration records, NI numbers with dashes and a weekday before
/// a full date, 472; with Welsh, Gaelic and Cornish names of houses and places whole with
/// their small words, and an approved premises named by generic words, 479; with
/// branches and places of worship by their street, refuges, estates, shops by their kind,
/// hotels with their town, hospitals by "General" or whom they are for, Traveller sites
/// and schools named for a bishop, 492; with houses named with "The" or for what they
/// were, and a street alone before a postcode, 495; with a handle in quotes with a dot,
/// 496 (99.6%). Left: a club night by its name ("the Butterfly Club", a word as any
/// book or youth club's), and a cat "he calls the Duchess" (a pet brought in by what it
/// is called is no one, by design: see `things_pets_and_saints_places`). Re-marked to
/// the policy for beds and rooms (2026-12-06): a plot and a bay on a Traveller site are
/// homes, so addresses: 496 of 498 → 495 of 500 by the re-marking alone (its "6" now
/// inside a mark, a date of birth's "6" counts as left), 498 of 500 with a pitch or plot
/// on a site taken for an address.
#[test]
fn a_twelfth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh10.txt",
        (498, 500),
        &[
            "Name \"Hartcliffe\"",
            "Name \"Ballina\"",
            "Name \"Cookstown\"",
            "Name \"Dungannon\"",
            "Name \"Ullapool\"",
            "Name \"Elswick\"",
        ],
    );
}

/// Medicines by their brand names, services contracted for care and their apps, ward
/// programmes, statutory roles written as titles, prayers, family words in Irish English
/// and Punjabi, public inspectorates, large towns at home and abroad, chains named alone
/// and words made with "un-": none is someone. A small town or village is still flagged,
/// by design (PRACTICE.md §9: a place, with the rest of a note, can identify someone).
/// None of these words is in the corpora.
#[test]
fn brand_medicines_services_roles_prayers_and_large_towns_are_no_one() {
    for clean in [
        "Gave Epistatus at 14:10, then Longtec at night; Toujeo at 8.",
        "He puts his mixes on Mixcloud and booked thebigword for the review.",
        "Unescorted leave went well.",
        "Spoke to Named Nurse for him.",
        "Kept asking for Mammie and Grampy all night; said a Novena and then Compline.",
        "He prays Fajr and Maghrib. Her Bebe lives with them.",
        "He moved from Nuneaton to Kettering, then slept rough in Dunkirk.",
        "The Estyn report came out.",
        "Tea at Matalan, then Halfords with dad.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    assert_eq!(
        flagged_in("Joined by Amira Shah (LADO) for the strategy meeting."),
        vec![(FindingKind::Name, "Amira Shah".to_string())]
    );
    assert_eq!(
        flagged_in("She does evenings at Matalan and lives in Portaferry."),
        vec![
            (FindingKind::Place, "Matalan".to_string()),
            (FindingKind::Name, "Portaferry".to_string())
        ]
    );
}

/// Short forms of first names, as families and friends say them, are names after a word
/// of family ("his wife Peg", "uncle Col", "nana Floss") and mid-sentence ("Trace
/// Hanlon"), and again where that person is the subject; where a sentence starts, one
/// that is also a word is the word ("Pat the wound dry"). None of these names is in the
/// corpora.
#[test]
fn short_forms_of_first_names_are_names() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Her husband Cliff does the meds and his wife Peg the shopping."),
        vec![name("Cliff"), name("Peg")]
    );
    assert_eq!(
        flagged_in("Visited the flat, Trace Hanlon and her girls. Trace says the bus is late."),
        vec![name("Trace Hanlon"), name("Trace")]
    );
    assert_eq!(
        flagged_in("Her uncle Col in Bolton, and nana Floss (Mrs Hanlon)."),
        vec![name("Col"), name("Floss"), name("Mrs Hanlon")]
    );
    assert_eq!(
        flagged_in("Pat the wound dry. Dot the cream on. Trace the letter."),
        vec![]
    );
}

/// Who someone is, said by more of the words around a name: who was at a meeting
/// ("Present: KM, Bex, Ebere N., me"), initials of which are that person again; an
/// initial after a name ("Mererid T."); a stage name ("MC Tazz B"); a shift someone is
/// on ("Eiluned on nights"); what he or she does, in brackets ("Tesfalem (he prefers
/// Tesfa)"); a role in lowercase before a name ("outreach worker Promise"); pets in a
/// list after the animal, between commas after it, or after it where a sentence starts;
/// a weekday's short form in a Vietnamese name ("Trần Thu"); a name that is also a word
/// before the full name in brackets ("Peg (Mrs Margaret Hale)"). Services in an
/// attendance list, a vitamin and a plan by letter stay. None of these names is in the
/// corpora.
#[test]
fn names_said_by_meetings_initials_shifts_roles_and_pets() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 9] = [
        (
            "Present: KM, Bex, Ebere N., Housing, me. Apologies: the GP.\nKM asked for the minutes.",
            vec![name("KM"), name("Bex"), name("Ebere N"), name("KM")],
        ),
        (
            "Went with Mererid T. from the duty team.",
            vec![name("Mererid T")],
        ),
        (
            "His set as \"MC Tazz B\" went down well.",
            vec![name("MC Tazz B")],
        ),
        ("Eiluned on nights did the obs.", vec![name("Eiluned")]),
        (
            "Tesfalem (he prefers Tesfa) ate well.",
            vec![name("Tesfalem"), name("Tesfa")],
        ),
        ("Came with outreach worker Promise.", vec![name("Promise")]),
        (
            "Cats Mittens, Pepper and Sooty were fed. Dog Nutmeg barked at me. She fed the dog, Biscuit, at six.",
            vec![
                name("Mittens"),
                name("Pepper"),
                name("Sooty"),
                name("Nutmeg"),
                name("Biscuit"),
            ],
        ),
        (
            "Mrs Trần Thu came with her son.",
            vec![name("Mrs Trần Thu")],
        ),
        (
            "Peg (Mrs Margaret Hale) needs her feet done.",
            vec![name("Peg"), name("Mrs Margaret Hale")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    for clean in [
        "Plan B. Vitamin D was low.",
        "Present: Probation, Housing and the GP.",
        "The support worker Monday rota is out.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    // A weekday before a date stays the date's.
    assert_eq!(
        flagged_in("Gave the tablets to Mrs Đặng Thu 17/04 in clinic."),
        vec![
            name("Mrs Đặng"),
            (FindingKind::ExactDate, "Thu 17/04".to_string())
        ]
    );
}

/// Numbers after the cues of police, adult social care and immigration records ("PNC",
/// "LAS", "BRP") and after a reference run into one word ("CaseRef"); a National
/// Insurance number with dashes between its parts; a weekday before a full date in
/// figures. None of these numbers is in the corpora.
#[test]
fn record_cues_ni_numbers_with_dashes_and_weekdays_before_full_dates() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("PNC 21/0099812X, LAS 4410023 and BRP RK1234567 on file."),
        vec![
            record("21/0099812X"),
            record("4410023"),
            record("RK1234567")
        ]
    );
    assert_eq!(
        flagged_in("CaseRef SG-2024-00193 is closed."),
        vec![record("SG-2024-00193")]
    );
    assert_eq!(
        flagged_in("Her NI JM-12-34-56-D for the claim."),
        vec![(FindingKind::NiNumber, "JM-12-34-56-D".to_string())]
    );
    assert_eq!(
        flagged_in("Panel is Sun 02/11/25, late."),
        vec![(FindingKind::ExactDate, "Sun 02/11/25".to_string())]
    );
    for clean in [
        "Sort code 12-34-56 on the form.",
        "The ref was 12 pages long.",
        "Sun 20 minutes, then shade.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// Names of houses and places in Welsh, Gaelic and Cornish, whole with their small words:
/// an article between two words of the name ("Tigh an Uillt", "Chy an Dowr"), a word for
/// a house or a hill's foot that opens one ("Plas Coch", "Pen y Waun Farm", "3 Tan y
/// Fron"); and an approved premises named by generic words ("Manor Lodge AP"). None of
/// these places is in the corpora.
#[test]
fn celtic_house_and_place_names_are_whole_with_their_small_words() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Moved to Tigh an Uillt last spring; her sister is at Chy an Dowr now."),
        vec![place("Tigh an Uillt"), place("Chy an Dowr")]
    );
    assert_eq!(
        flagged_in("Lives at Pen y Waun Farm with her dad; post to 3 Tan y Fron."),
        vec![
            place("Pen y Waun Farm"),
            (FindingKind::Address, "3 Tan y Fron".to_string())
        ]
    );
    assert_eq!(
        flagged_in("He died at Plas Coch."),
        vec![place("Plas Coch")]
    );
    assert_eq!(
        flagged_in("He is at Manor Lodge AP now."),
        vec![place("Manor Lodge AP")]
    );
    assert_eq!(
        flagged_in("Wei Ling came in an hour later. Sarah an hour later."),
        vec![
            (FindingKind::Name, "Wei Ling".to_string()),
            (FindingKind::Name, "Sarah".to_string())
        ]
    );
}

/// Places by what they are, more of them: a chain's branch or a place of worship by the
/// street it is on, a refuge with where it is, an estate, a shop by its kind after a
/// word of where, a hotel with its town, a hospital by its place and "General" or with
/// whom it is for, a site with "halting" before it or a verb of visiting, a school
/// named for a bishop, with his title or in the possessive. A denomination, a chain, a
/// title alone and an estate with no name stay. None of these places is in the corpora.
#[test]
fn branches_refuges_estates_shops_hotels_hospitals_and_sites_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 12] = [
        (
            "The fight was outside the Londis on Hollin Lane.",
            vec![place("Londis on Hollin Lane")],
        ),
        (
            "They worship at Elim Pentecostal Church on Bramley Road.",
            vec![place("Elim Pentecostal Church on Bramley Road")],
        ),
        (
            "She is safe at Ashiana refuge in Croydon, do not share.",
            vec![place("Ashiana refuge in Croydon")],
        ),
        (
            "He lives on the Meadowell estate with his nan.",
            vec![place("Meadowell estate")],
        ),
        (
            "She lives above Kutz Barbers by the station.",
            vec![place("Kutz Barbers")],
        ),
        (
            "They were put in a hotel, Harbour Inn, Folkestone.",
            vec![place("Harbour Inn, Folkestone")],
        ),
        (
            "Taken to Furness General on Friday.",
            vec![place("Furness General")],
        ),
        (
            "She is seen at Evelina Hospital for Children.",
            vec![place("Evelina Hospital for Children")],
        ),
        // The plot after the site is the home on it, an address (as the corpora mark it).
        (
            "Visited Elmfield Road site, plot 2, today.",
            vec![
                place("Elmfield Road site"),
                (FindingKind::Address, "plot 2".to_string()),
            ],
        ),
        (
            "Visited Kathleen on Oakbank halting site.",
            vec![
                (FindingKind::Name, "Kathleen".to_string()),
                place("Oakbank halting site"),
            ],
        ),
        (
            "He is at Bishop Stopford, in year 9.",
            vec![(FindingKind::Name, "Bishop Stopford".to_string())],
        ),
        (
            "His sister is at Cardinal's Green Academy.",
            vec![place("Cardinal's Green Academy")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    for clean in [
        "The Attorney General spoke. He goes to the Catholic Church.",
        "The Church in Wales. He went to Tesco in the morning.",
        "The Bishop said mass. He lives on a council estate. Nails cut today.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A name in a script without capitals where it stands as a name: after a colon in a
/// clause that says a name is written, after "says" where the clause names what bears
/// it, after a name and a comma, in brackets after a name with a few words before it;
/// then the same name elsewhere in the note. A word of greeting in such a script, and a
/// sentence in it, are no one. None of these is in the corpora.
#[test]
fn names_in_scripts_without_capitals_where_they_stand_as_names() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Korean name: 김지우. Later 김지우 smiled."),
        vec![name("김지우"), name("김지우")]
    );
    assert_eq!(
        flagged_in("Her aunt wrote it for us: فاطمہ خان, on the back."),
        vec![name("فاطمہ خان")]
    );
    assert_eq!(
        flagged_in("The wristband says ราตรี and the ward's card says nothing."),
        vec![name("ราตรี")]
    );
    assert_eq!(
        flagged_in("Baby will be called Aarav, आरव"),
        vec![name("Aarav"), name("आरव")]
    );
    assert_eq!(
        flagged_in("Nino Beridze (in Georgian ნინო ბერიძე) came."),
        vec![name("Nino Beridze"), name("ნინო ბერიძე")]
    );
    assert_eq!(flagged_in("გამარჯობა, the landlord came again."), vec![]);
    assert_eq!(
        flagged_in("Her name in the prayer: אנא אל נא רפא נא לה"),
        vec![]
    );
}

/// East Asian names as forms write them: a surname in capitals the lists hold between
/// an English name and the given name ("Karen CHAN Ka-yan") or before a comma and the
/// given names ("CHAN, Ka Yan"); a Cantonese name in Jyutping with its tones. A word in
/// capitals that is no name, and codes with figures, are not. None of these is in the
/// corpora.
#[test]
fn east_asian_names_with_surnames_in_capitals_and_in_jyutping() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Lead adult: Vivian LEUNG Wai-man, with two children."),
        vec![name("Vivian LEUNG Wai-man")]
    );
    assert_eq!(
        flagged_in("The visa says \"LEUNG, Wai Man\" and the GP has it wrong."),
        vec![name("LEUNG, Wai Man")]
    );
    assert_eq!(
        flagged_in("Practised it in Jyutping: Leung4 Wai5-man4."),
        vec![name("Leung4 Wai5-man4")]
    );
    assert_eq!(flagged_in("Groups Set3 Year7 moved."), vec![]);
    assert_eq!(
        flagged_in("Vivian NOT Wai-man, she said."),
        vec![name("Wai-man")]
    );
}

/// A bank account's eight figures after its word, and the sort code beside it; a sort
/// code alone names a branch and stays. A Hong Kong identity card's check character in
/// brackets is the number's; a Vietnamese citizen card's twelve figures opening with 0
/// are a number, not a phone. None of these numbers is in the corpora.
#[test]
fn bank_accounts_check_characters_and_citizen_cards() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Paid into sort code 20-45-77, account 73019284, today."),
        vec![record("20-45-77"), record("73019284")]
    );
    assert_eq!(
        flagged_in("Her a/c: 7301 9284 is the old one."),
        vec![record("7301 9284")]
    );
    assert_eq!(flagged_in("Sort code 20-45-77 only."), vec![]);
    assert_eq!(flagged_in("Took account 2 of the 3 views."), vec![]);
    assert_eq!(
        flagged_in("HKID: K612093(A), checked."),
        vec![record("K612093(A)")]
    );
    assert_eq!(
        flagged_in("CCCD on his phone 001203004512, photo only."),
        vec![record("001203004512")]
    );
}

/// Places by a kind after their name and by their institution: a ward named by everyday
/// words with no article before it, a campus after a street found, a hospital's two
/// words before "General", a university by its place. Not "the Covid ward", "a
/// Maternity ward", "the Main campus", "the University of Life". None of these is in the
/// corpora.
#[test]
fn wards_campuses_general_hospitals_and_universities_by_name() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Handover from Heron ward, late shift."),
        vec![place("Heron ward")]
    );
    assert_eq!(
        flagged_in("Bail: not to enter Hollybank Road campus."),
        vec![place("Hollybank Road campus")]
    );
    assert_eq!(
        flagged_in("Wants him home from South Tyneside General soon."),
        vec![place("South Tyneside General")]
    );
    assert_eq!(
        flagged_in("A first-year at the University of Bradford, she said."),
        vec![place("University of Bradford")]
    );
    assert_eq!(
        flagged_in("Moved to the Covid ward, then a Maternity ward near the Main campus."),
        vec![]
    );
    assert_eq!(flagged_in("The University of Life, he calls it."), vec![]);
}

/// A month's name found as someone's is that person wherever it is not a month: not
/// beside a day or a year, not after a word of time, not "May" opening a question.
/// None of these is in the corpora.
#[test]
fn a_months_name_once_someones_is_that_person_where_it_is_no_month() {
    let out = Redactor::new(checker())
        .redact("Sister June, 9. Takes June to school; June's party is in June, on 3 June.");
    assert_eq!(
        out,
        "Sister [PERSON-1], 9. Takes [PERSON-1] to school; [PERSON-1]'s party is in June, on [DATE: June]."
    );
    let out = Redactor::new(checker()).redact("Her daughter May, 6. May I ask?");
    assert_eq!(out, "Her daughter [PERSON-1], 6. May I ask?");
}

/// A place's name going on before it over "of" or "and" (and over "on" or "upon" before
/// a river), a works found as a name being a place; not a person "on" a place. None of
/// these is in the corpora.
#[test]
fn places_whose_names_go_on_over_small_words() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("She works at the Isle of Arran Brewery now."),
        vec![place("Isle of Arran Brewery")]
    );
    assert_eq!(
        flagged_in("Isle of Arran Distillery tour booked."),
        vec![place("Isle of Arran Distillery")]
    );
    assert_eq!(
        flagged_in("Mum is in Furness and Cartmel Hospital again."),
        vec![place("Furness and Cartmel Hospital")]
    );
    assert_eq!(
        flagged_in("Year 9 at Walton on Thames Academy."),
        vec![place("Walton on Thames Academy")]
    );
    assert_eq!(
        flagged_in("Met Kathleen on Oakbank halting site."),
        vec![
            (FindingKind::Name, "Kathleen".to_string()),
            place("Oakbank halting site")
        ]
    );
}

/// Speakers of chats pasted or read out: one to three words before "time:" with the
/// words of address left out ("Hari bhai 07:02:"), a chat read out with the time at each
/// line's end ("Tuấn: … 21:20", "Chú Bảy: … 07:02", not "Mẹ", nor "Notes: … 21:14"), and
/// a Slack name with its message on the line. None of these chats is in the corpora.
#[test]
fn chat_speakers_with_words_of_address_and_times_at_the_end() {
    let out = Redactor::new(checker())
        .redact("Deepak bhai 20:02: coming?\nMe 20:05: Not tonight.\nPriya Didi 20:09: ok");
    assert_eq!(
        out,
        "[PERSON-1] bhai 20:02: coming?\nMe 20:05: Not tonight.\n[PERSON-2] 20:09: ok"
    );
    let out = Redactor::new(checker())
        .redact("Mẹ: Con về chưa? 22:01\nThảo: Con về rồi 22:30\nChú Tư: Ngủ ngon 22:41");
    assert!(
        out.starts_with("Mẹ: Con về chưa? 22:01\n[PERSON-1]: Con về rồi 22:30\n")
            && !out.contains("Tư"),
        "{out}"
    );
    assert_eq!(
        flagged_in("Notes: arrived on time 21:14\nLeft: all fine 21:50"),
        vec![]
    );
    assert_eq!(
        flagged_in("**kez.b** 09:14 anyone seen the rota?"),
        vec![(FindingKind::Name, "kez.b".to_string())]
    );
}

/// A chat's speaker and a child listed under "Children:" are learnt: the same word later
/// in the note is that person, in quotes or at a sentence's start. A phone followed by a
/// time keeps the time's hour out of the number. None of these is in the corpora.
#[test]
fn chat_speakers_and_listed_children_are_learnt_and_a_time_ends_a_phone() {
    let out = Redactor::new(checker()).redact(
        "Mẹ: Về chưa? 21:14\nChú Sáu: Gọi lại +84 912 000 183 07:03\nChú Sáu: Nhanh 07:05\nHe said \"Sáu\" is his uncle's name.",
    );
    assert_eq!(
        out,
        "Mẹ: Về chưa? 21:14\n[PERSON-1]: Gọi lại [PHONE-1] 07:03\n[PERSON-1]: Nhanh 07:05\nHe said \"[PERSON-1]\" is his uncle's name."
    );
    let out = Redactor::new(checker())
        .redact("Children: Zeyad (9); Lujain (6).\nZeyad has asthma, inhaler at school.");
    assert_eq!(
        out,
        "Children: [PERSON-1] (9); [PERSON-2] (6).\n[PERSON-1] has asthma, inhaler at school."
    );
}

/// Initials with stops that own something, and the names listed after "Children:", one
/// per item. Not a country's initials, nor words that list no one. None of these is in
/// the corpora.
#[test]
fn initials_that_own_and_names_listed_under_children() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("It was J.R.'s turn; the U.K.'s rules apply."),
        vec![name("J.R.")]
    );
    assert_eq!(
        flagged_in("Children: Zeyad (9); Lujain (6), both at school."),
        vec![name("Zeyad"), name("Lujain")]
    );
    assert_eq!(flagged_in("Children: none at home; Two in care."), vec![]);
}

/// A day and month after a word of arriving or a call ("arriving 5/4", "by phone 9/4";
/// not "3/4 of the time"), a police reference with capitals and figures together in its
/// parts ("20BE/118447R/25"), and a personal number in four groups joined by dashes
/// ("27-01-72-04418"; not a phone, a date, or "1-2-3-4"). None of these is in the
/// corpora.
#[test]
fn days_after_arrivals_mixed_slashed_references_and_dashed_numbers() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Her sister arriving 12/6 from Lagos."),
        vec![(FindingKind::ExactDate, "12/6".to_string())]
    );
    assert_eq!(
        flagged_in("Review by phone 8/5, then home."),
        vec![(FindingKind::ExactDate, "8/5".to_string())]
    );
    assert_eq!(flagged_in("He was on the phone 3/4 of the time."), vec![]);
    assert_eq!(
        flagged_in("Police ref 14NW/220931K/25 on the letter."),
        vec![record("14NW/220931K/25")]
    );
    assert_eq!(
        flagged_in("Citizenship no. on the card (31-02-77-11843) checked."),
        vec![record("31-02-77-11843")]
    );
    assert_eq!(
        flagged_in("Steps 1-2-3-4 and the 2025-03-14 list."),
        vec![(FindingKind::ExactDate, "2025-03-14".to_string())]
    );
}

/// An address block sets its lines one under another: the lines before the postcode are
/// the address as they are on one line. A name, a sign-off or a big town on the line
/// before a postcode stays out. None of these is in the corpora.
#[test]
fn an_address_blocks_lines_one_under_another() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let postcode = |s: &str| (FindingKind::Postcode, s.to_string());
    assert_eq!(
        flagged_in("7 Rowan Villas\nAskrigg\nDL8 3QX"),
        vec![
            address("7 Rowan Villas"),
            address("Askrigg"),
            postcode("DL8 3QX")
        ]
    );
    assert_eq!(
        flagged_in("Regards\nTeam Leader\nLS1 4AP"),
        vec![postcode("LS1 4AP")]
    );
    assert_eq!(
        flagged_in("Dear Sir,\n12 Moor Lane,\nLeeds,\nLS6 2AB"),
        vec![address("12 Moor Lane"), postcode("LS6 2AB")]
    );
}

/// A room between a flat and its building makes one address of the three: the building
/// a place found there or capitalised words ending in a building's word. A room with no
/// building after it, or a count of rooms, is not joined. None of these is in the
/// corpora.
#[test]
fn a_room_between_a_flat_and_its_building_is_one_address() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("She won't go back to Flat 9, room 2, Birch Lodge after that."),
        vec![address("Flat 9, room 2, Birch Lodge")]
    );
    assert_eq!(
        flagged_in("Moved to Flat 4, bedroom 1, Elm House last week."),
        vec![address("Flat 4, bedroom 1, Elm House")]
    );
    assert_eq!(
        flagged_in("Flat 4, room 2, then the kitchen."),
        vec![address("Flat 4")]
    );
}

/// Two older rules the review of the twenty-eighth corpus's rules caught on everyday
/// notes: a role or a body written with stops ("G.P.", "C.P.N.", "D.W.P.") is no one's
/// initials, and an everyday word no name list holds before a word of family in brackets
/// ("the Contact (Children) order") is no one's name. Initials with stops and a name
/// before a word of family stay names. None of these is in the corpora.
#[test]
fn roles_with_stops_and_everyday_words_before_family_in_brackets_are_no_one() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    for clean in [
        "G.P. rang back about the bloods.",
        "the C.P.N.'s visit and the D.W.P. letter",
        "The Contact (Children) order was made.",
        "Her Contact (Mum) is fine.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    assert_eq!(flagged_in("Seen by M.T. today."), vec![name("M.T")]);
    assert_eq!(flagged_in("Kasia (mum) rang."), vec![name("Kasia")]);
}

/// A review of the rules learnt from the twenty-eighth corpus, with inputs of its own:
/// none of these everyday notes has anyone in it, and a nickname in curly quotes before a
/// surname no longer panics. None of these is in the corpora.
#[test]
fn the_rules_learnt_from_the_twenty_eighth_corpus_leave_everyday_text_alone() {
    assert_eq!(
        flagged_in("Kwabena \u{201c}KB\u{201d} Osei came"),
        vec![
            (FindingKind::Name, "Kwabena".to_string()),
            (FindingKind::Name, "KB".to_string()),
            (FindingKind::Name, "Osei".to_string()),
        ]
    );
    for clean in [
        "Obs: settled 21:20\nObs: asleep 23:00",
        "BP: 120/80 08:00\nPRN: paracetamol 14:00",
        "me 08:02: hi\nMeeting at 10:30: all agreed",
        "Children: CIN; CP plan\nChildren: NFA",
        "Review due May. Next review May/June. The May bank holiday.",
        "Moved from Frailty ward to Haematology ward, then on Covid ward.",
        "Home Visit, LS6 2AB",
        "she wrote: ขอบคุณ, and the sign says 出口",
        "Re Contact (a child) is the order.",
    ] {
        let found: Vec<_> = flagged_in(clean)
            .into_iter()
            .filter(|(k, _)| *k != FindingKind::Postcode)
            .collect();
        assert_eq!(found, vec![], "{clean}");
    }
    // No address in a row of houses described ("Victorian Villas" is taken for a name by
    // the names pass, as before these rules).
    assert!(
        !flagged_in("She looked at 3 Victorian Villas online and 2 Council Buildings.")
            .iter()
            .any(|(k, _)| *k == FindingKind::Address)
    );
    assert_eq!(
        flagged_in("the University of Leeds and the University of the Third Age"),
        vec![(FindingKind::Place, "University of Leeds".to_string())]
    );
    assert_eq!(
        flagged_in("I called the Police and Leeds General Infirmary."),
        vec![(FindingKind::Place, "Leeds General Infirmary".to_string())]
    );
    let out = Redactor::new(checker()).redact("Her daughter May came. Review due May.");
    assert_eq!(out, "Her daughter [PERSON-1] came. Review due May.");
}

/// Dates of calendars written in their own script, none of whose months is a Gregorian
/// one, are shown as `[DATE]`: Hebrew (a day and a year in letters with their marks),
/// Nepal's Bikram Sambat in Devanagari either way round, and the Chinese lunar calendar
/// after its word; Georgian months are months. A month alone and a feast's day with no
/// calendar word ("正月十五") are no date. None of these is in the corpora.
#[test]
fn dates_of_the_hebrew_nepali_chinese_lunar_and_georgian_calendars() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("The stone was set on כ״ה בכסלו תשפ״ו, the family said."),
        vec![date("כ״ה בכסלו תשפ״ו")]
    );
    assert_eq!(flagged_in("Yahrzeit: ז' אלול"), vec![date("ז' אלול")]);
    assert_eq!(
        flagged_in("Pasni is on २०८२ असार १५ at the community hall."),
        vec![date("२०८२ असार १५")]
    );
    assert_eq!(
        flagged_in("Wedding 12 मंसिर 2081."),
        vec![date("12 मंसिर 2081")]
    );
    assert_eq!(
        flagged_in("Grandma visits on 农历九月初九."),
        vec![date("农历九月初九")]
    );
    assert_eq!(
        flagged_in("The hearing is on 3 აპრილი, 2025 in Tbilisi."),
        vec![date("3 აპრილი, 2025")]
    );
    assert_eq!(
        flagged_in("Busy in אדר; माघ is cold; 正月十五 has lanterns."),
        vec![]
    );
    let out = Redactor::new(checker()).redact("Due on 农历九月初九, she said.");
    assert_eq!(out, "Due on [DATE], she said.");
}

/// A row of houses numbered as one is a street after a house number: "2 Ferndale
/// Cottages", "14 Albert Buildings". Not a row let to visitors ("2 Holiday Cottages").
/// None of these is in the corpora.
#[test]
fn a_row_of_houses_numbered_as_one_is_an_address() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("Drove out to 5 Brackenfield Cottages to see him."),
        vec![address("5 Brackenfield Cottages")]
    );
    assert_eq!(
        flagged_in("Now at 11 Prospect Villas, near the shop."),
        vec![address("11 Prospect Villas")]
    );
    assert_eq!(
        flagged_in("Moved to 3 Gladstone Buildings in May."),
        vec![address("3 Gladstone Buildings")]
    );
    assert_eq!(
        flagged_in("She cleans 2 Holiday Cottages on Saturdays."),
        vec![]
    );
}

/// A family case named as the courts write it: the initials or the surname between
/// "Re" and "(a child)" or "(Children)" are the family's. A subject line ("Re:") and a
/// word in lowercase are not. None of these is in the corpora.
#[test]
fn a_family_case_is_named_by_its_initials() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Re K (a child): section 7 due."),
        vec![name("K")]
    );
    assert_eq!(
        flagged_in("Reading for Re D-W (Children) tonight."),
        vec![name("D-W")]
    );
    assert_eq!(
        flagged_in("As in Re Okonjo (A Minor), the view was heard."),
        vec![name("Okonjo")]
    );
    assert_eq!(flagged_in("Re: Tuesday (children) rota"), vec![]);
    assert_eq!(flagged_in("Re housing (a child was there)"), vec![]);
}

/// The line of an address just before its postcode is the address, whatever everyday
/// words it is made of: a house named by them, a number before a word no street list
/// holds, and the line before a town when it holds a number. A person's name, a title
/// and a name, an everyday word and a town too big to identify anyone before a postcode
/// stay out. None of these is in the corpora.
#[test]
fn the_line_before_a_postcode_is_the_address_whatever_its_words() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let postcode = |s: &str| (FindingKind::Postcode, s.to_string());
    assert_eq!(
        flagged_in("She lives at Long Meadow View, TA24 8QX, on her own."),
        vec![address("Long Meadow View"), postcode("TA24 8QX")]
    );
    assert_eq!(
        flagged_in("Address: Low Moor Farm, YO62 5LB"),
        vec![address("Low Moor Farm"), postcode("YO62 5LB")]
    );
    assert_eq!(
        flagged_in("Went out to 3 Primrose Villas, NR21 7QP, as planned."),
        vec![address("3 Primrose Villas"), postcode("NR21 7QP")]
    );
    assert_eq!(
        flagged_in("Home: 6 Rookery Cottages, Alston CA9 3QT"),
        vec![address("6 Rookery Cottages, Alston"), postcode("CA9 3QT")]
    );
    assert_eq!(
        flagged_in("Rang the farm. Home Top Meadow Barn, TD9 7QN."),
        vec![address("Top Meadow Barn"), postcode("TD9 7QN")]
    );
    // A person, a titled person, a thanks and big towns are no line of a home.
    assert_eq!(
        flagged_in("Referral from Kwame Mensah, LS6 2AB."),
        vec![
            (FindingKind::Name, "Kwame Mensah".to_string()),
            postcode("LS6 2AB")
        ]
    );
    assert_eq!(
        flagged_in("Letter to Mrs Hale, LS6 1AA."),
        vec![
            (FindingKind::Name, "Mrs Hale".to_string()),
            postcode("LS6 1AA")
        ]
    );
    assert_eq!(flagged_in("Thanks, IM7 5EA"), vec![postcode("IM7 5EA")]);
    assert_eq!(
        flagged_in("The office in Leeds, LS1 4AP, is shut."),
        vec![postcode("LS1 4AP")]
    );
    assert_eq!(
        flagged_in("Visit at 17 Heol y Nant, Merthyr Tydfil CF47 9RX."),
        vec![address("17 Heol y Nant"), postcode("CF47 9RX")]
    );
}

/// Addresses without a house number, more of them: a house named with "The" before the
/// street ("The Laurels, Mill Lane, Chinnor"), a house named for what it was ("Old
/// Smithy", a forge, a croft, a barn) before a street, and a street alone before a
/// postcode ("Gortin Road, BT79 7AB"); an everyday word opening the sentence stays out
/// of the address. None of these addresses is in the corpora.
#[test]
fn houses_named_with_the_or_for_what_they_were_and_a_street_before_a_postcode() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let postcode = |s: &str| (FindingKind::Postcode, s.to_string());
    assert_eq!(
        flagged_in("Post to The Laurels, Mill Lane, Chinnor OX39 4AA."),
        vec![
            address("The Laurels, Mill Lane, Chinnor"),
            postcode("OX39 4AA")
        ]
    );
    assert_eq!(
        flagged_in("She moved to Old Smithy, Church Street last week."),
        vec![address("Old Smithy, Church Street")]
    );
    assert_eq!(
        flagged_in("Moved to Gortin Road, BT79 7AB last week."),
        vec![address("Gortin Road"), postcode("BT79 7AB")]
    );
    assert_eq!(
        flagged_in("Plan agreed. Home Birch Croft, Glebe Road IV3 8AA."),
        vec![address("Birch Croft, Glebe Road"), postcode("IV3 8AA")]
    );
}

/// An online handle in quotes with a dot and a digit in it is someone; a web address, a
/// file's name and a version are not. None of these is in the corpora.
#[test]
fn a_quoted_handle_with_a_dot_is_someone() {
    assert_eq!(
        flagged_in("She talks to someone called \"sk8r.jaz07\" every night."),
        vec![(FindingKind::Name, "sk8r.jaz07".to_string())]
    );
    assert_eq!(
        flagged_in("See \"nhs.uk\", \"covid19.gov\", \"v2.1\" and \"fig3.png\" for it."),
        vec![]
    );
}

/// A thirteenth corpus, written without sight of the rules and committed before it was
/// ever run: the largest (604 identifiers among 73 notes, 251 tricky words, traps such as
/// "June", "Shona" and "Fraser" both as people and as a month, a language and a test of
/// competence). First run, on the rules the twelfth corpus measured (before it was
/// studied): 535 of 604 removed (88.6%), 25 of its tricky words flagged. Run again as a
/// hold-out for the rules fitted on the twelfth: 545 of 604 (90.2%), 24 tricky words
/// flagged, 26 findings beyond the identifiers; one of them new, "cath" (a catheter) in
/// lowercase, since short forms of first names were listed, gone once the short forms that
/// are also words of care notes were marked as words. The hold-out figure is 545 (90.2%).
/// Then studied (2026-12-05): what it missed was learnt as classes (places by a name
/// alone, names that are also words by what is around them, a single initial after a
/// title, dates joined by dashes, NHS numbers in 4-3-3, an extension, "number" opening a
/// clause), each tested on notes of no corpus, and what it flagged too (laws named for
/// someone, "Hong Kong", languages before "-speaking", feasts, a song's title, "I've").
/// Fitted: 604 of 604 (603 before a hospital named alone in the possessive after a word
/// of care, "at King's", was caught); it flags two small places by design ("Peckham",
/// "Prestwich"), 2 of its tricky words.
#[test]
fn a_thirteenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh11.txt",
        (604, 604),
        &["Name \"Peckham\"", "Name \"Prestwich\""],
    );
}

/// Short forms of first names that are also the short words of care notes are those
/// words in lowercase ("cath" for a catheter, "sal" for salbutamol, "val" for valproate);
/// written with a capital mid-sentence they are names still. None of these notes is in
/// the corpora.
#[test]
fn short_forms_that_are_words_of_care_notes_stay_words() {
    for clean in [
        "cath bag changed, draining well.",
        "sal nebs given at six, settled after.",
        "val level due Monday, bloods booked.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    assert_eq!(
        flagged_in("Rang the ward and spoke to Sal about the discharge."),
        vec![(FindingKind::Name, "Sal".to_string())]
    );
}

/// A name that is also a word, said by the words around it: an age after it mid-sentence,
/// a family word and "is" before it, an ex, children listed with their ages, "+" between
/// two names, the name someone goes by ("calls himself Tank", "calling Gloria "Nan G""),
/// initials with an age, one capital after a title, a first name that is a word before a
/// surname caught, a month that was a name with a possessive, and a name caught once
/// again before a colon, "again" or "needs". None of these notes is in the corpora.
#[test]
fn names_that_are_words_said_by_ages_families_lists_and_what_people_are_called() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 14] = [
        (
            "Fostering visit: the placement of Autumn (7) is going well.",
            vec![name("Autumn")],
        ),
        (
            "Her birth dad is Justice and he writes every month.",
            vec![name("Justice")],
        ),
        (
            "He said his ex Storm had turned up at the flat.",
            vec![name("Storm")],
        ),
        (
            "At contact: Tobenna (10), Lyric (6), Idris (2). Lyric needs new shoes.",
            vec![name("Tobenna"), name("Lyric"), name("Idris"), name("Lyric")],
        ),
        (
            "Nevaeh + Ffion came to the group for the first time.",
            vec![name("Nevaeh"), name("Ffion")],
        ),
        (
            "New lad, calls himself Tank, stayed for tea.",
            vec![name("Tank")],
        ),
        (
            "She keeps calling Gloria \"Nan G\" now.",
            vec![name("Gloria"), name("Nan G")],
        ),
        (
            "Referred by the school: TM, 14, not seen since the weekend.",
            vec![name("TM")],
        ),
        ("Mr P - bloods taken, all fine.", vec![name("Mr P")]),
        (
            "side room 4 Jade Nwosu, 22, post-op.",
            vec![name("Jade Nwosu")],
        ),
        (
            "Seen at the hatch: Lee Whitworth, on licence.",
            vec![name("Lee Whitworth")],
        ),
        (
            "Ms April Stanton, 66, lives alone. April's sister has a key.",
            vec![name("Ms April Stanton"), name("April")],
        ),
        (
            "Present: Comfort Mensah, me.\nComfort: working with two families.",
            vec![name("Comfort Mensah"), name("Comfort")],
        ),
        (
            "Please read my notes on the Brannigan case and tell me.",
            vec![name("Brannigan")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    assert_eq!(
        flagged_in("Mrs Ivy Dunmore in bay 2, settled.\nIvy again, better at teatime."),
        vec![name("Mrs Ivy Dunmore"), name("Ivy")]
    );
}

/// What only looks like a name: a law named for someone, two words of a place side by
/// side, a language before "-speaking", a word of respect before "ji", "miss" the verb,
/// where someone is from "originally", a name that is a word before what is said of the
/// word, a title in quotes after "sang" or "watched", Fraser and Gillick as tests of
/// competence, children's programmes, blood tests, feasts and languages abroad, "I've" in
/// a list of people, an animal before a pet's name. None of these notes is in the
/// corpora.
#[test]
fn laws_places_languages_titles_and_words_of_respect_are_no_one() {
    for clean in [
        "She asked about Sarah's Law and Helen's Law.",
        "Her sister still lives in Hong Kong.",
        "We booked a Bemba-speaking interpreter.",
        "Her mother-in-law (\"Bibi ji\" to the grandchildren) was there.",
        "He did not want to miss Mass on Sunday.",
        "He is from Harris originally and misses it.",
        "Assessed as Fraser competent for contraception.",
        "They watched \"Kabhi Khushi Kabhie Gham\" together.",
        "His tablet has Bob the Builder and Peppa on it.",
        "Bloods sent, Hb at lunchtime.",
        "He wants to go to church for Timkat and Meskel.",
        "We need an interpreter for Kurmanji, she is from near Durrës.",
        "She likes Cocomelon and a Complan shake.",
        "She has a Staffie and two cats.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    assert_eq!(
        flagged_in("Sat with Ola and I've learnt a lot."),
        vec![(FindingKind::Name, "Ola".to_string())]
    );
    assert_eq!(
        flagged_in("Nurse Patience Boateng on shift. Patience is required with this family."),
        vec![(FindingKind::Name, "Nurse Patience Boateng".to_string())]
    );
}

/// "From … originally" says where someone is from only after "is", "are", "was"…, and
/// only of a listed name that is also a place ("Lewis", "Harris"): a person something
/// came from is named, and a small place (flagged by design) stays flagged.
#[test]
fn from_someone_originally_is_still_someone() {
    let name = |s: &str| vec![(FindingKind::Name, s.to_string())];
    for (text, found) in [
        (
            "The complaint came from Sandra originally, then the school.",
            name("Sandra"),
        ),
        ("The referral came from Okafor originally.", name("Okafor")),
        ("The idea came originally from Jamal.", name("Jamal")),
        (
            "He is from Prestwich originally and misses it.",
            name("Prestwich"),
        ),
        ("She is originally from Tobermory.", name("Tobermory")),
        ("He is from Harris originally and misses it.", vec![]),
        ("His family are originally from Lewis.", vec![]),
    ] {
        assert_eq!(flagged_in(text), found, "{text}");
    }
}

/// A title in quotes after "sang", "played" or "watched" is no one, but a listed name in
/// the quotes is still someone: "sang "Happy Birthday dear Aaliyah"".
#[test]
fn a_listed_name_in_a_quoted_title_is_still_a_name() {
    let name = |s: &str| vec![(FindingKind::Name, s.to_string())];
    for (text, found) in [
        (
            "Staff sang \"Happy Birthday dear Aaliyah\" at tea.",
            name("Aaliyah"),
        ),
        (
            "He watched \"Kayden Okafor fight\" on his phone, upset.",
            name("Kayden Okafor"),
        ),
        (
            "She played \"Tyrone's voicemail\" to me twice.",
            name("Tyrone"),
        ),
        (
            "They watched \"Kabhi Khushi Kabhie Gham\" together.",
            vec![],
        ),
        ("Her mum sang \"Ili Ili Tulog Anay\" to her.", vec![]),
    ] {
        assert_eq!(flagged_in(text), found, "{text}");
    }
}

/// Places named alone (a ward or a house set apart by commas or opening its line, a
/// hospital wherever it is written, a practice after "GP is", a ward by letter and
/// number, a prison, a mosque, a church with its town, a shop by its owner's name or
/// with its street, a chain with its street, a club, a hostel and an estate without
/// "the", a hospital "Royal Albert", a school for girls, a place of work after a job) and
/// addresses by a building or a name set apart before the number; dates joined by dashes,
/// NHS numbers grouped 4-3-3, an extension after a phone, and "number" opening a clause
/// before a number with letters in it. None of these notes is in the corpora.
#[test]
fn places_named_alone_and_numbers_without_the_usual_cue() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 20] = [
        ("night shift, Bluebell Ward", vec![place("Bluebell Ward")]),
        ("Transferred at 3am, Heron Ward.", vec![place("Heron Ward")]),
        (
            "Thistlewood House, two nights done.",
            vec![place("Thistlewood House")],
        ),
        (
            "The Yorkshire Hospital discharge team called.",
            vec![place("Yorkshire Hospital")],
        ),
        (
            "His GP is Abbey Medical Practice now.",
            vec![place("Abbey Medical Practice")],
        ),
        ("She was on Ward F7 overnight.", vec![place("Ward F7")]),
        (
            "He came out last week from HMP Longmoor.",
            vec![place("HMP Longmoor")],
        ),
        (
            "The imam at Masjid Al-Noor knows him.",
            vec![place("Masjid Al-Noor")],
        ),
        (
            "She worships at Elim Pentecostal Church, Kirkdale most weeks.",
            vec![place("Elim Pentecostal Church, Kirkdale")],
        ),
        (
            "He sleeps in the doorway of Brennan's Bakery.",
            vec![place("Brennan's Bakery")],
        ),
        (
            "The robbery at Seaview Stores, Harbour Road was on the news.",
            vec![place("Seaview Stores, Harbour Road")],
        ),
        (
            "She sells the paper outside Sainsbury's Gloucester Road.",
            vec![place("Sainsbury's Gloucester Road")],
        ),
        (
            "He trains at Ardwick Amateur Boxing Club twice a week.",
            vec![place("Ardwick Amateur Boxing Club")],
        ),
        (
            "He won't go back to Westgate hostel.",
            vec![place("Westgate hostel")],
        ),
        (
            "She grew up on Hollybank estate.",
            vec![place("Hollybank estate")],
        ),
        (
            "Share it with the nurse at Royal Albert Alexandra.",
            vec![place("Royal Albert Alexandra")],
        ),
        (
            "Referred from Holy Cross Girls' School.",
            vec![place("Holy Cross Girls' School")],
        ),
        (
            "His brother is a porter at Moorview these days.",
            vec![place("Moorview")],
        ),
        (
            "Above the shop he runs, Silver Lotus, 12 Dock Street.",
            vec![(
                FindingKind::Address,
                "Silver Lotus, 12 Dock Street".to_string(),
            )],
        ),
        (
            "Visit to 14 Marlowe House, Hillside Estate today.",
            vec![(
                FindingKind::Address,
                "14 Marlowe House, Hillside Estate".to_string(),
            )],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    let numbers: [(&str, FindingKind, &str); 5] = [
        (
            "Seen today, dob 4-Feb-1961.",
            FindingKind::BirthDate,
            "dob 4-Feb-1961",
        ),
        (
            "NHS no 9434 765 919 on the letter.",
            FindingKind::NhsNumber,
            "9434 765 919",
        ),
        (
            "Ring the office, 0161 496 0000 ext. 3 after ten.",
            FindingKind::Phone,
            "0161 496 0000 ext. 3",
        ),
        (
            "Bring the card next time, number ZX-550912-41 is on it.",
            FindingKind::RecordNumber,
            "ZX-550912-41",
        ),
        (
            "Visit to 9 Cedar Road Heights.",
            FindingKind::Address,
            "9 Cedar Road Heights",
        ),
    ];
    for (text, kind, found) in numbers {
        assert_eq!(flagged_in(text), vec![(kind, found.to_string())], "{text}");
    }
    for clean in [
        "Band practice at the Crown Court car park, of all places.",
        "She took the number 12 bus, the Girls' School stop.",
        "Reflective Practice, Good Practice and the Breakfast Club.",
        "We met at the Parish Church, Mum said it was lovely.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
}

/// A hospital by its name alone, in the possessive, a few words after a word of care
/// ("transferred to Queen's"); someone's home in the possessive stays a name. None of
/// these notes is in the corpora.
#[test]
fn a_hospital_named_alone_in_the_possessive_after_a_word_of_care() {
    assert_eq!(
        flagged_in("He was transferred to Queen's on Monday night."),
        vec![(FindingKind::Place, "Queen's".to_string())]
    );
    assert_eq!(
        flagged_in("Two outpatient appointments at Guy's, both missed."),
        vec![(FindingKind::Place, "Guy's".to_string())]
    );
    assert_eq!(
        flagged_in("After the scan he stayed over at Ahmed's last night."),
        vec![(FindingKind::Name, "Ahmed".to_string())]
    );
}

/// Counties and a city, charities and conditions named after people, a theorist, words
/// of faith and other languages ("Chan eil", "Jai Ho", "Jumu'ah", "the Shema"), words of
/// practice ("Freeflow", "houseparent"), a clinic named by its street, "I'll" and a
/// pronoun in capitals are no one; a title before the same words still says a person.
/// None of these notes is in the corpora.
#[test]
fn charities_conditions_faith_words_counties_and_pronouns_are_no_one() {
    for clean in [
        "Her aunt moved from Norfolk to Cheshire, then to Lincoln last spring.",
        "The Sue Ryder nurse came at nine, and Terrence Higgins Trust runs the Thursday group.",
        "Leonard Cheshire run the home; he is on the Anthony Nolan register.",
        "Her brother has Duchenne and her uncle had Hodgkin lymphoma.",
        "We tried Naomi Feil's validation with him and it helped.",
        "The family sat shiva; the Chevra Kadisha came and her son said the Shema.",
        "He goes to Jumu'ah at the mosque, and the janazah is on Friday.",
        "To every question she answered \"Chan eil\" and smiled.",
        "The children sang Jai Ho at the Diwali party.",
        "She said a Hail Mary in the waiting room.",
        "He plays Boccia on Tuesdays. Freeflow was late again. The houseparent on duty was kind.",
        "A Chemsex support group meets weekly. The Crisis Care Concordat was mentioned.",
        "Booked the interpreter through SignHealth before their break at Center Parcs.",
        "Referred to 56 Dean Street for PEP after the weekend.",
        "I promised my daughter I'll be there, and I'd meant it.",
        "SHE TOLD ME TWICE AND ASKED US TO LEAVE.",
        "A week in Fort William with his grandad.",
    ] {
        assert_eq!(flagged_in(clean), vec![], "{clean}");
    }
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Rang Mrs Lincoln back. Mr Cheshire asked about Freeflow."),
        vec![name("Mrs Lincoln"), name("Mr Cheshire")]
    );
}

/// Days without a year: in figures after a word of when ("on 14/10", "Seen 30.09"), an
/// ordinal after "the" ("by the 21st", "Friday the third"), a weekday in capitals, a
/// year in two figures after a short month or an apostrophe, the months in Welsh; and
/// not scores, fractions, floors, doses or "24/7". None of these notes is in the corpora.
#[test]
fn days_without_a_year_are_dates_and_scores_and_floors_are_not() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 9] = [
        (
            "Letter sent on 14/10, chased by 2/11.",
            vec![date("14/10"), date("2/11")],
        ),
        ("Reviewed 30.09 in clinic.", vec![date("30.09")]),
        (
            "She wants it done by the 21st, and the court sits Friday the third.",
            vec![date("21st"), date("Friday the third")],
        ),
        (
            "Home visit on the 17th with her brother.",
            vec![date("17th")],
        ),
        (
            "VISITED ON TUESDAY 3 MARCH WITH THE TEAM.",
            vec![date("TUESDAY 3 MARCH")],
        ),
        (
            "Incident: 22nd Oct 25 at the flat; next 2nd Feb '27.",
            vec![date("22nd Oct 25"), date("2nd Feb '27")],
        ),
        ("adolygiad: 12 Chwefror", vec![date("12 Chwefror")]),
        (
            "Pain went from 7/10 to 2/10 by 1/2 past ten; 3/5 on the scale, on the 3rd floor.",
            vec![],
        ),
        (
            "After the 2nd dose she slept. On the first day he cried. Support 24/7 from 4.5 mg.",
            vec![],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// Codes a system gives a record, found by their shape with no cue before them: capitals
/// and figures joined by dashes, a letter before a long serial, a prison number; and not
/// the names of scales, standards or a virus. None of these notes is in the corpora.
#[test]
fn record_codes_with_letters_and_dashes_are_found_by_their_shape() {
    let id = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Logged as KPT-0312-7781, then housing HSG-TR-40418."),
        vec![id("KPT-0312-7781"), id("HSG-TR-40418")]
    );
    assert_eq!(
        flagged_in("The hearing is listed as S31125509; his number is B9912QX."),
        vec![id("S31125509"), id("B9912QX")]
    );
    assert_eq!(
        flagged_in("PHQ-9 of 14, GAD-7 of 11, ICD-10, EQ-5D, COVID-19 and ISO-27001 audit."),
        vec![]
    );
    // Two parts of capitals, a service and a team or a kind of case: four figures make a
    // record, and the service's initials may be five letters.
    assert_eq!(
        flagged_in("Kinship file WCC-KIN-2291, interpreter job BHSCT-INT-88120."),
        vec![id("WCC-KIN-2291"), id("BHSCT-INT-88120")]
    );
    assert_eq!(
        flagged_in("Scored on the NHS-EQ-5D, the UK-CAT-2024 guide and ISO-IEC-2700."),
        vec![]
    );
}

/// The wings and halls of a prison ("C wing", "E Hall", "Tawe wing"), a ward with its
/// side ("Ward 9 East") and a unit by its name before its initials ("Kestrel HDU"); and not
/// a kind of unit, a party's wing or a town hall. None of these notes is in the corpora.
#[test]
fn wings_halls_sides_of_wards_and_named_units_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Moved from C wing to E Hall, then to the Tawe wing."),
        vec![place("C wing"), place("E Hall"), place("Tawe wing")]
    );
    assert_eq!(
        flagged_in("Stepped down from Kestrel HDU to Ward 9 East overnight."),
        vec![place("Kestrel HDU"), place("Ward 9 East")]
    );
    assert_eq!(
        flagged_in(
            "Admitted to Neonatal ICU. He is on the left wing of the party. The Town Hall was \
             shut. A wing of the building."
        ),
        vec![]
    );
}

/// Someone with their pronouns in brackets after them ("Juniper (they/them)", "Sky
/// (she/they)"), and someone named mid-sentence with who they are to the writer just
/// after ("and Rosemary my nan"), though the name is a word; not "the Hospital my mum was
/// in", "thank God my son", "Mum my sister", nor pronouns alone. None of these notes is in
/// the corpora.
#[test]
fn names_with_their_pronouns_or_who_they_are_to_the_writer() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Juniper (they/them) came in late. We met Sky (she/they) at the hub."),
        vec![name("Juniper"), name("Sky")]
    );
    assert_eq!(
        flagged_in("Herbs: sage, rosemary and mint, \"and Rosemary my nan\" he said."),
        vec![name("Rosemary")]
    );
    assert_eq!(
        flagged_in(
            "We drove past the Hospital my mum was in. Thanks be to God my son is home. We \
             went with Mum my sister and me. The form (he/him) was blank."
        ),
        vec![]
    );
}

/// First names in Cyrillic where a line or a sentence starts, or alone after a label
/// ("Тема: Сашко – ...", "Тетяна прийшла", "Стоян дойде"), and the short forms families
/// use; the words after them in lower case are no surname, and a name that is also a word
/// ("Віра", faith) is left where a sentence starts. None of these notes is in the corpora.
#[test]
fn first_names_in_cyrillic_where_a_sentence_starts() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Тема: Сашко – лист з лікарні\nТетяна прийшла о 10. Стоян дойде днес."),
        vec![name("Сашко"), name("Тетяна"), name("Стоян")]
    );
    assert_eq!(flagged_in("Віра допомагає. Тема: лист"), vec![]);
}

/// Words of the thirtieth corpus's kinds that belong to no one: towns at home and abroad
/// named as where someone goes or comes from, theorists, a device, a medicine, a
/// newspaper, a school's service, feasts and words of other languages. None of these
/// notes is in the corpora.
#[test]
fn towns_theorists_feasts_and_words_that_belong_to_no_one() {
    assert_eq!(
        flagged_in(
            "She trained in Kottayam and nursed in Kitwe, then Bergen. The dentist in \
             Fakenham, the bus to Matlock, the road down to Dulverton, a caravan near \
             Cleveleys, the market at Stowmarket and Downham Market, a friend in Tuzla \
             and another in Eldoret."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in(
            "We used Neimeyer on meaning, Worden's tasks and Wilcock's doing and being, \
             Laban's efforts and Marian Chace's circle. Michael West on compassionate \
             leadership; the Oliver McGowan training. His Garmin messenger, her \
             Nexplanon, the Shropshire Star, the Virtual School."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in(
            "No garlic on Ekadashi. Bajram is next week. He prays to Shrinathji and says \
             Jai Shri Krishna. Gedo came too. The S'gaw Karen elders, Cambodian and \
             Coptic families, the Coptic Orphans appeal, the Sweet Adelines, Kyrie eleison."
        ),
        vec![]
    );
}

/// A field's name in pasted markup or data is no one (`contact_name="…"`,
/// `"display_name": "…"`); the value still is. None of these notes is in the corpora.
#[test]
fn field_names_in_pasted_markup_are_no_one() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("<sms read=\"1\" readable_date=\"x\" contact_name=\"Priya Raman\" />"),
        vec![name("Priya Raman")]
    );
    assert_eq!(
        flagged_in("{\"display_name\": \"Tomasz Nowak\", \"last_seen\": \"yesterday\"}"),
        vec![name("Tomasz Nowak")]
    );
}

/// A handset's, a vessel's, an e-Referral's and an incident's number after its name, an
/// airline's booking reference after "booking ref", and a bleep or pager by its number;
/// not a time, a count or a year after the same words. None of these notes is in the
/// corpora.
#[test]
fn handsets_vessels_referrals_bookings_and_bleeps_by_their_numbers() {
    let reg = |s: &str| (FindingKind::RecordNumber, s.to_string());
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in(
            "IMEI 490154203237518 seen. The trawler's MMSI (232004185) is on the form. \
             UBRN: 0012 3456 7890. Incident 250402-0117 logged."
        ),
        vec![
            reg("490154203237518"),
            reg("232004185"),
            reg("0012 3456 7890"),
            reg("250402-0117")
        ]
    );
    assert_eq!(
        flagged_in("Booking ref XQ7P2L on the late flight. Ring my bleep, 3391, or pager 60412."),
        vec![reg("XQ7P2L"), phone("3391"), phone("60412")]
    );
    assert_eq!(
        flagged_in(
            "The bleep went at 0300. Bleep 3 times. The incident 2025 was bad; incident 12 \
             of 30. Booking ref TBC."
        ),
        vec![]
    );
}

/// On an attendance line with commas, a first name that is also a word alone between
/// them ("Fern") and one capital with its stop ("A.") are people; that name again
/// before ", who" where a sentence starts is the person too. Not a kin word or a team.
/// None of these notes is in the corpora.
#[test]
fn word_names_and_lone_initials_on_an_attendance_line() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Present: B., Heather, Olumide, Fern; Apologies: none.\nFern, who \
                    had come early, set out the chairs."
        ),
        vec![
            name("B"),
            name("Heather"),
            name("Olumide"),
            name("Fern"),
            name("Fern")
        ]
    );
    assert_eq!(
        flagged_in("Present: Mum, Dad, Housing, Finance, Chair."),
        vec![]
    );
}

/// A surname that is also a town is the person where it is someone's and the town after
/// a word of where ("Keith Fleetwood ... comes from Fleetwood"); a Coptic priest after
/// "Abouna", the word alone no one. None of these notes is in the corpora.
#[test]
fn a_surname_that_is_a_town_and_a_priest_after_abouna() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let text = "Keith Fleetwood came in. He comes from Fleetwood as well. Fleetwood said no.";
    assert_eq!(flagged_in(text), vec![name("Keith Fleetwood")]);
    assert_eq!(
        Redactor::new(checker()).redact(text),
        "[PERSON-1] came in. He comes from Fleetwood as well. [PERSON-1] said no."
    );
    assert_eq!(
        flagged_in("The service was with Abouna Tadros. Her sister said: \"Abouna\"."),
        vec![name("Abouna Tadros")]
    );
}

/// An ordinal in words before a time of day is one of several ("the first night", "the
/// first morning"), not a day of the month; in figures it still is ("on the 3rd night"),
/// and so is a word ordinal before "at". None of these notes is in the corpora.
#[test]
fn an_ordinal_in_words_before_a_time_of_day_is_no_date() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("I would ring on the first night next time. Review after the first morning."),
        vec![]
    );
    assert_eq!(
        flagged_in("See you on the 3rd night. Back by the ninth at noon."),
        vec![date("3rd"), date("ninth")]
    );
}

/// The rows of a spreadsheet's export, each cell in quotes, read by their heading as a
/// table's are: a surname in capitals under "Surname" (a town's name too), a forename
/// under "Forename". None of these notes is in the corpora.
#[test]
fn a_spreadsheet_rows_cells_by_their_heading() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let found: Vec<(FindingKind, String)> = flagged_in(
        "\"Ref\",\"Surname\",\"Forename\",\"Tier\"\n\"A1\",\"PRESTON\",\"Carl Anthony\",\"B2\"",
    )
    .into_iter()
    .filter(|(k, _)| *k == FindingKind::Name)
    .collect();
    assert_eq!(found, vec![name("PRESTON"), name("Carl Anthony")]);
}

/// A name in capitals after a form's label for a person opening its line ("Child: JOHN
/// SMITH", "Patient: MARY O'BRIEN (known as Molly)"), though a word of it is a town's;
/// not a role or an answer in capitals, nor a subject after "Re:". None of these notes is
/// in the corpora.
#[test]
fn a_name_in_capitals_after_a_persons_label() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Child: KYLIE PRESTON\nPatient: MARY O'BRIEN (known as Molly)"),
        vec![name("KYLIE PRESTON"), name("MARY O'BRIEN"), name("Molly")]
    );
    assert_eq!(
        flagged_in("Who: GP\nName: NOT KNOWN\nCarer: SELF\nRe: TEAM MEETING\nParent: MUM"),
        vec![]
    );
}

/// Phones of a small country, its code of three figures and fewer after it ("+298 218
/// 430", "+354 551 2345"), and a satellite phone's ("+881 6 3145 2207"); not scores after
/// a "+". None of these notes is in the corpora.
#[test]
fn phones_of_small_countries_and_satellites() {
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in(
            "Her brother on +298 551 207, his sat phone +881 6 2201 4417, Iceland +354 562 1180."
        ),
        vec![
            phone("+298 551 207"),
            phone("+881 6 2201 4417"),
            phone("+354 562 1180")
        ]
    );
    assert_eq!(
        flagged_in("Scores +2 10 12 14. The +100 200 300 plan."),
        vec![]
    );
}

/// Dates in Italian and Swahili with their weekdays ("giovedì 3 aprile 2025", "Jumanne,
/// 8 Aprili 2025"), in Arabic by the Levant's or Egypt's month names ("9 نيسان 2025"),
/// and in the Coptic calendar between a day and a year of its era ("12 Baramhat 1741");
/// not a Coptic month's word that is also a name or a word elsewhere. None of these
/// notes is in the corpora.
#[test]
fn dates_in_italian_swahili_arabic_and_the_coptic_calendar() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Inviato: giovedì 3 aprile 2025 09:10. Imetumwa: Jumanne, 8 Aprili 2025."),
        vec![
            date("giovedì 3 aprile 2025"),
            date("Jumanne, 8 Aprili 2025")
        ]
    );
    assert_eq!(
        flagged_in("A letter dated 9 نيسان 2025 and one of 2 مايو 2024."),
        vec![date("9 نيسان 2025"), date("2 مايو 2024")]
    );
    assert_eq!(
        flagged_in("The prayers on 12 Baramhat 1741, forty days on."),
        vec![date("12 Baramhat 1741")]
    );
    assert_eq!(flagged_in("Baba said 24 things in 1741 words."), vec![]);
}

/// An address abroad by its street's word and house number ("Via Roma 8", "Rua das
/// Flores 23", "ul. Długa 14", "Calle Mayor 5") or its one word that ends as a street
/// does ("Hauptstraße 12"), and the postcode of figures after it ("80035", "80-827");
/// not a square or a way visited a number of times. None of these notes is in the
/// corpora.
#[test]
fn addresses_abroad_by_street_and_house_number() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let postcode = |s: &str| (FindingKind::Postcode, s.to_string());
    assert_eq!(
        flagged_in(
            "Her mother is at Via Roma 8, 80035 Nola; her aunt at ul. Długa 14, 80-827 Gdańsk."
        ),
        vec![
            address("Via Roma 8"),
            postcode("80035"),
            address("ul. Długa 14"),
            postcode("80-827")
        ]
    );
    assert_eq!(
        flagged_in("He grew up at Hauptstraße 12 and later Calle Mayor 5."),
        vec![address("Hauptstraße 12"), address("Calle Mayor 5")]
    );
    assert_eq!(
        flagged_in("We went to the Piazza 3 times. Via 2 routes. The Plaza 12 cinema."),
        vec![]
    );
}

/// Small words inside names from Italy and the Faroes: a married woman's "in" before her
/// husband's surname ("Maria Esposito in Russo"), a Faroese "á" before the farm's name
/// ("Rói á Heyggi"); "in" before a place stays out ("Sarah Jones in Kirkstall"). A
/// Burmese or Karen woman after "Daw" or "Naw". None of these notes is in the corpora.
#[test]
fn italian_and_faroese_name_particles_and_burmese_titles() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Her mother (Maria Esposito in Russo) and Rói á Heyggi came."),
        vec![name("Maria Esposito in Russo"), name("Rói á Heyggi")]
    );
    assert_eq!(
        flagged_in("We met Daw Thida Aung, then Naw Paw Htoo."),
        vec![name("Daw Thida Aung"), name("Naw Paw Htoo")]
    );
    assert!(!flagged_in("We met Sarah Jones in Leeds.").contains(&name("Sarah Jones in Leeds")));
}

/// A Burmese name after its title keeps its syllables that are words of ours ("Daw Hla
/// May": a month); and Norway's personal number in its two groups, a day of birth and
/// five figures ("fødselsnummer 230461 37254"), not a count or a day after a reference.
/// None of these notes is in the corpora.
#[test]
fn burmese_syllables_that_are_words_and_personal_numbers_in_two_groups() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Then Daw Hla May came in with her son."),
        vec![name("Daw Hla May")]
    );
    assert_eq!(
        flagged_in("We met Naw Paw, May and June were away."),
        vec![name("Naw Paw")]
    );
    assert_eq!(
        flagged_in("Her fødselsnummer is 230461 37254 on the pension letter."),
        vec![record("230461 37254")]
    );
    assert_eq!(
        flagged_in("Case ref 230461 3 weeks ago."),
        vec![record("230461")]
    );
}

/// Numbers whose shape says what they are, wherever they stand: personal numbers that
/// open with a day of birth (Iceland, Finland, Czechia, Sweden), an IBAN whose check
/// figures hold, a wallet's address, an IPv4 address, a voucher's code, a ship's IMO
/// number, an ISO week date; not a version, an IBAN whose check fails, a word in
/// capitals with a hyphen, nor "imo" for "in my opinion". None of these notes is in
/// the corpora.
#[test]
fn personal_numbers_ibans_wallets_addresses_vouchers_and_week_dates() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in(
            "Kennitala 030551-3399, her brother's code 150372-117K, his birth number 556102/1234."
        ),
        vec![
            record("030551-3399"),
            record("150372-117K"),
            record("556102/1234")
        ]
    );
    assert_eq!(
        flagged_in(
            "She paid into DE89 3704 0044 0532 0130 00 but not DE89 3704 0044 0532 0130 01."
        ),
        vec![record("DE89 3704 0044 0532 0130 00")]
    );
    assert_eq!(
        flagged_in(
            "He sent it to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq from 81.2.69.160, app 1.2.3.4."
        ),
        vec![
            record("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            record("81.2.69.160")
        ]
    );
    assert_eq!(
        flagged_in("Cards Q4TZ-88KD-J2WM bought; imo 12 weeks is enough; MMR-ABCD-EFGH no."),
        vec![record("Q4TZ-88KD-J2WM")]
    );
    assert_eq!(
        flagged_in("The ship (IMO 9387421) sails on 2025-W20-3 (Wed), not in 2025-W21."),
        vec![record("9387421"), date("2025-W20-3 (Wed)")]
    );
}

/// Places, peoples, feasts, greetings and public figures that belong to no one: ports
/// and towns at home, islands and towns abroad, faiths and peoples, new years and
/// feasts, greetings in other languages. None of these sentences is in the corpora.
#[test]
fn places_peoples_feasts_and_greetings_of_no_one() {
    for text in [
        "The Yazidi and Tongan families met at the Ugadi mela, then the boats left Peterhead.",
        "He flew from Vientiane via Rajasthan to Immingham, and his Parsi neighbour said Shlama.",
        "Novruz, Beltane and Lenten suppers; she said Sabaidee and the Jain couple laughed.",
        "They watched Freddie Mercury on the television near Selly Oak with the Bahá'í group.",
        "A Mormon missionary from Utah, an Azerbaijani student and a Taiwanese nurse came.",
        "She grew up in Tonga and Samoa, then Uruguay, Monaco and Greenland.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// Dates as Iceland, Czechia, Serbia and Malta write them, with their weekdays ("föstudagur,
/// 14. mars 2025", "pátek 14. března 2025", "петак, 14. март 2025.", "14 ta' Marzu
/// 2025"), a day and month in figures with a space after each stop ("12. 6. 1983"), a
/// date of India's Saka calendar and of Taiwan's Minguo era; not a count after a stop
/// ("scored 3. 4. 5 points"). None of these notes is in the corpora.
#[test]
fn dates_of_iceland_czechia_serbia_malta_and_the_saka_and_minguo_calendars() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    let birth = |s: &str| (FindingKind::BirthDate, s.to_string());
    assert_eq!(
        flagged_in("Sent: mánudagur, 3. febrúar 2025. Kdy: úterý 4. února 2025."),
        vec![
            date("mánudagur, 3. febrúar 2025"),
            date("úterý 4. února 2025")
        ]
    );
    assert_eq!(
        flagged_in("Слава је у уторак, 6. мај 2025. Waslet 9 ta' Frar 2025."),
        vec![date("уторак, 6. мај 2025"), date("9 ta' Frar 2025")]
    );
    assert_eq!(
        flagged_in("She was born 3. 11. 1957 and we scored 3. 4. 5 points."),
        vec![birth("born 3. 11. 1957")]
    );
    assert_eq!(
        flagged_in("The bill says 2 Chaitra 1947; the visa 民國114年2月3日."),
        vec![date("2 Chaitra 1947"), date("民國114年2月3日")]
    );
}

/// Phones of the smallest countries in one group after their code ("+290 23310"), and in
/// pairs after a West African code ("+225 05 44 12 87 63"); a nickname in quotes inside
/// brackets after a name ('Jean-Luc ("JL")') and that nickname again; a ship by its
/// prefix ("HMS Dauntless", "MV Saga Sky"). Not '("Ate" is what we call…)'. None of these
/// notes is in the corpora.
#[test]
fn small_countries_phones_nicknames_in_brackets_and_ships() {
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in(
            "Her sister on +290 23310; his mum on +225 05 44 12 87 63; we scored +290 points."
        ),
        vec![phone("+290 23310"), phone("+225 05 44 12 87 63")]
    );
    assert_eq!(
        flagged_in("Koffi Jean-Luc (\"JL\") is 16. JL eats well."),
        vec![name("Koffi Jean-Luc"), name("JL"), name("JL")]
    );
    assert_eq!(
        flagged_in("Her son serves on HMS Dauntless; his brother cooks on the MV Saga Sky."),
        vec![place("HMS Dauntless"), place("MV Saga Sky")]
    );
    assert!(
        !flagged_in("Talk to Nuala (\"Ate\" is what we call her) today.").contains(&name("Ate"))
    );
}

/// First names common in the UK from the 1940s to now that the list lacked, and those of
/// Keralan nurses: caught where a sentence starts ("Janine forwarded them", "Doreen
/// rang"). "Summer" is left out, a season as often as a name. None of these notes is in
/// the corpora.
#[test]
fn first_names_the_list_lacked() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Janine forwarded them. Doreen rang at six. Jincy (night senior) found it."),
        vec![name("Janine"), name("Doreen"), name("Jincy")]
    );
}

/// Places by their own name and kind: a jobcentre by its town and name ("Halifax Horton
/// Street Jobcentre"), a library after its town in lowercase ("Sowerby library"), a
/// place's lunch club after it ("St Aidan's lunch club"), a community's church in its
/// district ("the Latvian Church in Wembley"), a city's "Royal" before a small word
/// ("at Derby Royal since Friday"); not "the Jobcentre" alone, "the Catholic Church in
/// Ireland", "the Windsor Royal wedding". None of these notes is in the corpora.
#[test]
fn jobcentres_libraries_lunch_clubs_community_churches_and_royals() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Seen at Halifax Horton Street Jobcentre, then Sowerby library."),
        vec![
            place("Halifax Horton Street Jobcentre"),
            place("Sowerby library")
        ]
    );
    assert_eq!(
        flagged_in("She goes to St Aidan's lunch club and the Latvian Church in Wembley."),
        vec![
            place("St Aidan's lunch club"),
            place("Latvian Church in Wembley")
        ]
    );
    assert_eq!(
        flagged_in("He has been at Derby Royal since Friday."),
        vec![place("Derby Royal")]
    );
    assert_eq!(
        flagged_in("The Jobcentre, the library and the Catholic Church in Ireland."),
        vec![]
    );
}

/// A name in another script after "his own name –", or after a dash in a clause that
/// speaks of a name and its language ("wrote his wife's name in Telugu – …"), or just
/// before its spelling in Latin letters in brackets ("ບຸນມີ (Bounmy)"); a first name
/// with a prison's number in brackets after it ("Wayne (A1234BC)"), not after "the"; a
/// Czech street named as an adjective, with its postcode of three figures and two
/// ("Nádražní"… "Husitská 7, 130 00 Praha"). None of these notes is in the corpora.
#[test]
fn names_in_other_scripts_beside_their_language_numbered_names_and_czech_streets() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let postcode = |s: &str| (FindingKind::Postcode, s.to_string());
    assert!(
        flagged_in("He wrote, for the first time in weeks, his own name – ვახტანგ –.")
            .contains(&name("ვახტანგ"))
    );
    assert!(
        flagged_in("She wrote her husband's name in Telugu – రాము – on the card.")
            .contains(&name("రాము"))
    );
    assert!(flagged_in("His aunt ບຸນມີ (Bounmy) is visiting.").contains(&name("ບຸນມີ")));
    assert_eq!(
        flagged_in("Wayne (A1234BC) asked for a Listener."),
        vec![
            name("Wayne"),
            (FindingKind::RecordNumber, "A1234BC".to_string())
        ]
    );
    // An everyday word given so is that person again where a sentence starts.
    let out = Redactor::new(checker()).redact("1. Rob (A7731KD) sat in. Rob has asked to stop.");
    assert!(!out.contains("Rob"), "{out}");
    assert_eq!(
        flagged_in("They lived at Husitská 7, 130 00 Praha before."),
        vec![address("Husitská 7"), postcode("130 00")]
    );
}

/// A handover typed fast in lowercase: a resident after their room ("rm 4 dot m –",
/// "rm 9 ken w – …"), not an empty room or a side room; a full name in brackets after
/// the short one ("stan (stanley tobin)"); a title and a letter ("mrs d"). None of these
/// notes is in the corpora.
#[test]
fn residents_by_room_and_full_names_in_brackets_typed_fast() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "rm 4 dot m – settled\nrm 9 ken w – refused tea\nrm 6 empty – cleaned\nbay 2 side room: ok"
        ),
        vec![name("dot m"), name("ken w")]
    );
    assert_eq!(
        flagged_in("stan (stanley tobin) back today; mrs d (doris hale) asked for a blanket"),
        vec![
            name("stan"),
            name("stanley tobin"),
            name("mrs d"),
            name("doris hale")
        ]
    );
}

/// A chain's branch by its street, the chain and the street found apart: "Barclays on
/// Kirkgate" is one place, "Esso, 14 Leeds Road" one address; not the chain alone ("at
/// Barclays, 12 times"). None of these notes is in the corpora.
#[test]
fn chains_at_their_street() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert!(
        flagged_in("The branch (Barclays on Kirkgate Road) rang me.")
            .contains(&place("Barclays on Kirkgate Road"))
    );
    assert!(
        flagged_in("The tracker says he stopped at Esso, 14 Leeds Road at 3.")
            .contains(&address("Esso, 14 Leeds Road"))
    );
    assert_eq!(
        flagged_in("She banks at Barclays, 12 times a year."),
        vec![]
    );
}

/// A care home by the name homes are given, with its "The" where no sentence starts
/// ("moved to The Beeches"); not where a sentence starts ("The Beeches is full"), nor
/// another word after "The" ("read The Times"). None of these notes is in the corpora.
#[test]
fn homes_called_the_something() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("In May she moved to The Beeches, and her sister to The Grange."),
        vec![place("The Beeches"), place("The Grange")]
    );
    assert_eq!(
        flagged_in("The Beeches is full. He reads The Times."),
        vec![]
    );
}

/// Dates in another script's figures or with a month of a script without capitals
/// between a day and a year: Khmer figures split by slashes ("០៥/១១/១៩៥២"), Lao figures
/// and a Lao month ("໒໘ ກໍລະກົດ ໒໐໒໔"), a Telugu month between ASCII figures ("9
/// మార్చి 2025"), after "born" a date of birth; not a day and a year with English
/// between, nor figures with a word of Latin letters. None of these notes is in the
/// corpora.
#[test]
fn dates_in_other_scripts_figures() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    let birth = |s: &str| (FindingKind::BirthDate, s.to_string());
    assert_eq!(
        flagged_in("She was born ០៥/១១/១៩៥២ and came on ໒໘ ກໍລະກົດ ໒໐໒໔ with her son."),
        vec![birth("born ០៥/១១/១៩៥២"), date("໒໘ ກໍລະກົດ ໒໐໒໔")]
    );
    assert_eq!(
        flagged_in("The letter says 9 మార్చి 2025 at the top."),
        vec![date("9 మార్చి 2025")]
    );
    assert_eq!(
        flagged_in("He scored 9 goals in 2025 and 12 more in 2026."),
        vec![]
    );
}

/// A spreadsheet pasted with tabs between its cells is read by its heading like a table
/// typed with bars: a ship under "vessel", a serial day under "date" (the same number
/// again in the note), initials under "driver"; and who was at a meeting listed after a
/// sentence of the same line ("Date: … Present: AB, CD and EF."). None of these notes is
/// in the corpora.
#[test]
fn rows_pasted_with_tabs_and_attendance_after_a_sentence() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in(
            "date\tvessel\tIMO\tdriver\n45812\tSilver Plover\t9387421\tJT\nOn 45812 the van broke."
        ),
        vec![
            date("45812"),
            place("Silver Plover"),
            record("9387421"),
            name("JT"),
            date("45812")
        ]
    );
    assert_eq!(
        flagged_in("Date: Weds 9/4. Present: DK (chair), FB, MO'R and me. Actions: FB writes up."),
        vec![
            date("Weds 9/4"),
            name("DK"),
            name("FB"),
            name("MO'R"),
            name("FB")
        ]
    );
}

/// An address by its block or plot and house, as much of Africa, South Asia and the
/// Middle East give one ("Block 4, House 12, Al-Amarat"), and a bleep in brackets after
/// being bleeped ("bleeped by the site manager (2207)"); not a plan's "Phase 2, Block 3",
/// nor a UK flat and house, nor figures in brackets with no bleep. None of these notes is
/// in the corpora.
#[test]
fn blocks_and_plots_and_bleeps_in_brackets() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in("They lived at Block 4, House 12, Al-Amarat until the war."),
        vec![address("Block 4, House 12, Al-Amarat")]
    );
    assert_eq!(
        flagged_in("The family had Plot 22, Sector 7 before they left."),
        vec![address("Plot 22, Sector 7")]
    );
    assert_eq!(flagged_in("We read Phase 2, Block 3 of the plan."), vec![]);
    assert_eq!(
        flagged_in("For six years they lived in Bajed camp, sector F, tent 58, with her aunt."),
        vec![address("Bajed camp, sector F, tent 58")]
    );
    assert_eq!(
        flagged_in("At 06:10 I was bleeped by the site manager (2207) about it."),
        vec![phone("2207")]
    );
    assert_eq!(
        flagged_in("We met the site manager (2207 staff) today."),
        vec![]
    );
}

/// Places named by a word of their own and what they are: a brickworks or a quarry in
/// lowercase after its name ("the Stewartby brickworks"), a cemetery or crematorium as a
/// surgery is named ("Canley Crematorium"), a church or a school of two saints ("St Mary
/// and St Abanoub Coptic Orthodox Church"), a chain's branch or a service with its street
/// after a comma ("Co-op Funeralcare, Walsgrave Road", "the Kestrel Hub, Mare Street");
/// not a municipal cemetery, a trip to a shop or a saint beside a friend. None of these
/// notes is in the corpora.
#[test]
fn workplaces_cemeteries_two_saints_and_places_by_their_street() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Forty years at the Marston brickworks. The cremation at Canley Crematorium."),
        vec![place("Marston brickworks"), place("Canley Crematorium")]
    );
    assert_eq!(
        flagged_in("The funeral at St Mark and St Bishoy Coptic Orthodox Church on Friday."),
        vec![place("St Mark and St Bishoy Coptic Orthodox Church")]
    );
    assert_eq!(
        flagged_in(
            "Enquiries to Co-op Funeralcare, Binley Road. She sees someone at the Kestrel Hub, Mare Street."
        ),
        vec![
            place("Co-op Funeralcare, Binley Road"),
            place("Kestrel Hub, Mare Street")
        ]
    );
    assert_eq!(
        flagged_in("The Municipal Cemetery was closed. We went to Tesco, then home."),
        vec![]
    );
}

/// A spot on the map: a latitude and longitude with four decimals or more ("57.4501,
/// -5.7012") and a plus code ("9C7QXW4R+2M"); not readings with fewer decimals. Myanmar's
/// registration card ("9/MaKaNa(N)112345"), an old temporary NI number ("TN 02 07 41
/// F"). None of these notes is in the corpora.
#[test]
fn map_positions_registration_cards_and_temporary_ni_numbers() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("The bothy is at 57.4501, -5.7012; the plus code 9C7QXW4R+2M."),
        vec![address("57.4501, -5.7012"), address("9C7QXW4R+2M")]
    );
    assert_eq!(flagged_in("Scores 12.345, 67.891 and 1.5, 2.5."), vec![]);
    assert_eq!(
        flagged_in("Her card (9/MaKaNa(N)112345) and his old number TN 02 07 41 F."),
        vec![
            (FindingKind::RecordNumber, "9/MaKaNa(N)112345".to_string()),
            (FindingKind::NiNumber, "TN 02 07 41 F".to_string())
        ]
    );
    assert_eq!(flagged_in("TN 11x11y35zM and TN 45 11 35 M"), vec![]);
}

/// A name in another script after a verb of signing ("who signs ગીતા શાહ"), after
/// writing in a clause about names ("surname first; she writes ចាន់ ស្រីមុំ"), after a form's
/// label of its language ("In Arabic: …") or after "is" where someone's name is spoken of,
/// in Tibetan too; not a word after "the sign is". None of these notes is in the corpora.
#[test]
fn names_in_other_scripts_after_signing_writing_and_language_labels() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Her mother, who signs ગીતા શાહ, came."),
        vec![name("ગીતા શાહ")]
    );
    assert_eq!(
        flagged_in("(surname first, the Khmer way; she writes ចាន់ ស្រីមុំ)"),
        vec![name("ចាន់ ស្រីមុំ")]
    );
    assert_eq!(
        flagged_in("Applicant: see file\nIn Arabic: سلمى حسن\nDoB: unknown"),
        vec![name("سلمى حسن")]
    );
    assert_eq!(
        flagged_in("(his name on the temple list is བློ་བཟང་)"),
        vec![name("བློ་བཟང་")]
    );
    assert_eq!(flagged_in("The sign is تمام today."), vec![]);
}

/// A month and day alone on a line, as a chat's screenshot divides its days ("APRIL 2",
/// "June 3"), a hospital named "University Hospital" and its place ("University Hospital
/// Lewisham"), initials signing off after a dash on their own line ("– KB"; not "– GP"),
/// a static caravan on a holiday park by its number ("van 22, Seaview Holiday Park"). None
/// of these notes is in the corpora.
#[test]
fn day_lines_university_hospitals_sign_offs_and_vans_on_a_park() {
    let found = flagged_in(
        "APRIL 2\nsee u there\nJune 3\nok\nShe was at University Hospital Lewisham.\nFridge \
         cleared.\n– KB\n- GP",
    );
    assert_eq!(
        found,
        vec![
            (FindingKind::ExactDate, "APRIL 2".to_string()),
            (FindingKind::ExactDate, "June 3".to_string()),
            (
                FindingKind::Place,
                "University Hospital Lewisham".to_string()
            ),
            (FindingKind::Name, "KB".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("She lives all year in van 22, Seaview Holiday Park."),
        vec![(
            FindingKind::Address,
            "van 22, Seaview Holiday Park".to_string()
        )]
    );
}

/// A community's place of worship in lowercase and where it is ("the Khmer temple in
/// Ruislip"), a herd's mark after its name ("herd mark UK 412207"), a first name that is a
/// word before a surname caught ("Innocent Phiri"); not a church "in general". None of
/// these notes is in the corpora.
#[test]
fn worship_by_community_and_place_herd_marks_and_word_first_names() {
    assert_eq!(
        flagged_in(
            "A monk from the Burmese temple in Sheffield rang. The Polish church in general is strict."
        ),
        vec![(
            FindingKind::Place,
            "Burmese temple in Sheffield".to_string()
        )]
    );
    assert_eq!(
        flagged_in("Herd mark UK 412207 on the movement form."),
        vec![(FindingKind::RecordNumber, "UK 412207".to_string())]
    );
    assert_eq!(
        flagged_in("We met Innocent Phiri at the centre."),
        vec![(FindingKind::Name, "Innocent Phiri".to_string())]
    );
}

/// A critical or intensive care unit by its number, as a ward is ("on Critical Care 2",
/// "Intensive Care 3B"); not a count after the same words ("Critical Care 3 days", "12
/// beds"), a year or the words in lower case. None of these notes is in the corpora.
#[test]
fn critical_and_intensive_care_units_by_their_number() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Moved from Critical Care 4 to Intensive Care 3B overnight."),
        vec![place("Critical Care 4"), place("Intensive Care 3B")]
    );
    assert_eq!(
        flagged_in(
            "Critical Care 3 days, then home. The Intensive Care 12 beds are full. Critical \
             Care 2025 conference. Critical care 2 is closed."
        ),
        vec![]
    );
}

/// Nicknames in quotes (between a first name and a surname, after "calls" or "with"),
/// initials with dots or a hyphen, after "service user" or set apart after "young
/// woman", a lone initial after a title before what they do, and names in lowercase (a
/// first name in brackets after a name, first names joined by a hyphen); and not times,
/// countries, "A-Z" or a word in quotes. None of these notes is in the corpora.
#[test]
fn nicknames_in_quotes_initials_and_names_in_lowercase() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let cases: [(&str, Vec<(FindingKind, String)>); 8] = [
        (
            "Met Oluwaseun \"Shay\" Adeyemi at the door.",
            vec![name("Oluwaseun \"Shay\" Adeyemi")],
        ),
        (
            "The girl the lads all call \"Chef\" made the tea again.",
            vec![name("Chef")],
        ),
        (
            "She came back at six with \"Zuzu\" from the park.",
            vec![name("Zuzu")],
        ),
        (
            "Letter from R.D. about the move; service user JT agreed.",
            vec![name("R.D"), name("JT")],
        ),
        (
            "A young woman, V, asked for the morning-after pill. Dr H said yes. L-J came too.",
            vec![name("V"), name("Dr H"), name("L-J")],
        ),
        (
            "- mrs mcbride (maggie) was tired\n- sophie-grace 12 yrs, new referral",
            vec![name("mrs mcbride"), name("maggie"), name("sophie-grace")],
        ),
        (
            "From 9 a.m. to 5 P.M. in the U.K., an A-Z of benefits.",
            vec![],
        ),
        (
            "We went on with \"Stop\" as the plan and she sang with \"Feeling\".",
            vec![],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A phone number spelt out in words, and a street by its name with no number after a
/// word of where; and not counting aloud, an idiom or a shop found with its street. None
/// of these notes is in the corpora.
#[test]
fn a_phone_in_words_and_a_street_without_a_number() {
    assert_eq!(
        flagged_in("Call her on zero seven nine double one four triple two eight five."),
        vec![(
            FindingKind::Phone,
            "zero seven nine double one four triple two eight five".to_string()
        )]
    );
    assert_eq!(
        flagged_in("She was moved to a flat off Quarry Road, then along Birchwood Crescent."),
        vec![
            (FindingKind::Address, "Quarry Road".to_string()),
            (FindingKind::Address, "Birchwood Crescent".to_string()),
        ]
    );
    assert_eq!(
        flagged_in(
            "We counted one two three four five six seven eight nine ten, oh well. A trip \
             down Memory Lane."
        ),
        vec![]
    );
}

/// A mosque with its article in lowercase, "New" opening a name found after it, and a
/// district named by a word and what it is after "in"; and not a street or a room. None
/// of these notes is in the corpora.
#[test]
fn mosques_with_al_new_and_districts_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("He prays at Masjid an-Nur most Fridays."),
        vec![place("Masjid an-Nur")]
    );
    assert_eq!(
        flagged_in("Her cousin lives in Thornley Vale."),
        vec![place("Thornley Vale")]
    );
    assert_eq!(
        flagged_in("Admitted overnight to New Ravensmoor after the assessment."),
        vec![(FindingKind::Name, "New Ravensmoor".to_string())]
    );
    assert_eq!(
        flagged_in("He waited in Common Room and moved to New York."),
        vec![]
    );
}

/// A fourteenth corpus, written without sight of the rules and committed before it was
/// ever run: 398 identifiers among 76 notes in styles no corpus had (a paramedic's voice
/// note without punctuation, pasted emails, tables, capitals, a prison officer's wing
/// log, a number spelt out in words, dates in Welsh), 237 tricky words (towns that are
/// also first names: Stanley, Beverley, Shirley, Florence; charities named after people).
/// First run, on the rules before the thirteenth corpus was studied: 326 of 398 (81.9%),
/// 40 findings beyond the identifiers. Run again as the hold-out of the rules fitted on
/// the thirteenth: 333 of 398 (83.7%), 37 findings: 11 small towns (flagged by design),
/// charities and conditions named after people, words of faith and of other languages,
/// a name that is a word. Then studied (2026-12-05): days without a year, record codes by
/// their shape, wings, halls and named units, nicknames in quotes, initials, first names
/// in lowercase, a phone number in words, streets without a number, districts, and the
/// words it flagged: 378 of 398 (95.0%), fitted, not a hold-out, and 12 findings (11
/// small towns by design, and "Tommy" in "Tommy's leaflets"). It still misses pets and
/// names that are words ("Rocky", "King", "Sergeant Pepper"), a sign-off ("Fi"), places
/// by a bare name ("the Meadows", "QEUH", "Archway Centre") and "5/11" with no cue.
/// Re-marked to the policy for beds and rooms (2026-12-06): a plot on a Traveller site is
/// a home, an address: 378 of 398 → 378 of 399 by the re-marking alone, 379 of 399 with
/// a pitch or plot on a site taken for an address. "Skipton" after "Holme Farm, near" is
/// since read with the farm as its address, not flagged alone as a name.
/// A hospital by its initials alone (2026-12-07): 380. Re-marked to the policy of the
/// later corpora (2026-12-07), where a court named by its town is no identifier
/// ("Teesside Crown Court", "Luton Family Court"): "Southwark Crown Court" is marked o,
/// 380 of 399 → 379 of 398.
/// First names the list lacked (Janine, Doreen…), 2026-12-07: 381.
#[test]
fn a_fourteenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh12.txt",
        (381, 398),
        &[
            "Name \"Strabane\"",
            "Name \"Toxteth\"",
            "Name \"Cookstown\"",
            "Name \"Dungannon\"",
            "Name \"Tommy\"",
            "Name \"Polmont\"",
            "Name \"Polmont\"",
            "Name \"Stanley\"",
            "Name \"Beverley\"",
            "Name \"Shirley\"",
            "Name \"Florence\"",
        ],
    );
}

/// A fifteenth corpus, written without sight of the rules and committed before it was
/// ever run: 343 identifiers among 60 notes (a discharge coordinator, a social
/// prescriber, a night outreach van, a care leaver's adviser, a Deaf mental health team,
/// an independent domestic violence adviser; SBAR and SOAP notes, footnotes, text threads,
/// minutes and risk grids, a note in Welsh and English), 174 tricky words. First run, on
/// the rules fitted on the thirteenth corpus: 297 of 343 (86.6%), 31 findings beyond the
/// identifiers. Run again as the hold-out of the rules fitted on the fourteenth: 307 of
/// 343 (89.5%), 31 findings, one of them new with those rules ("on Queen Street", a city
/// street the writer did not count as identifying, now taken for an address). Studied
/// since (fitted, not a hold-out): 315 of 343 (91.8%; 316 with an initial before a
/// speaker's colon, "Ollie B:"), 26 findings, with the other side
/// of a copied text thread as a name ("Destiny 23:41:"), a slashed code with no cue, a
/// day "inst." and a Welsh day by its weekday and ordinal, a hospital by its initials or
/// a royal's name after a word of care ("A&E at LGI", "at the Queen Elizabeth"), a
/// town centre's street by one ordinary word no address unless someone lives there, and
/// no name in a method by its maker, an eponym or a service's name run together. Not
/// studied yet: names that are words elsewhere ("Kit", "Hovis" a cat, "Paisley"), places
/// by a bare name ("Ward Dewi", "Shankill hub"), and the charities, brands, eponyms and
/// words of other languages it flags. 317 with a pitch or plot on a site taken for an
/// address ("Her pitch is Plot 14"; 2026-12-06). Re-marked (2026-12-06): "her sister is at
/// number 46", two doors from the address the note gives, is an address, which the rule
/// for a house number alone after "at" found: 318 of 344. 319 with a record's code of two
/// parts of capitals and four figures, found by its shape; 322 with a home by its name
/// and its kind after it ("… Nursing Home", "… care home"); 323 with "Mount" as a
/// street's word; 324 with a place named by a word of its own before its kind in
/// lowercase ("the Shankill hub"); 325 with the district after a place's comma ("Tŷ
/// Capel, Ffordd Ogwen"); 326 with a kind of place at a place found ("the Asda depot in
/// Stourton").
/// A name in a table's column of people ("| binder donations | Ash T. |" under "Who",
/// 2026-12-07): 327. A row of houses numbered as one ("Cottages", "Villas"), the same
/// day: 328.
#[test]
fn a_fifteenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh13.txt",
        (328, 344),
        &[
            "Place \"West Indian Centre\"",
            "Name \"Hydref\"",
            "Name \"Merched y Wawr\"",
            "Name \"Ossett\"",
            "Name \"Sappho\"",
            "Name \"Briggate\"",
            "Name \"Argyle Street\"",
            "Name \"Clyde\"",
            "Name \"Nando\"",
            "Name \"John Charles Centre\"",
            "Name \"Anglian\"",
            "Name \"Helmand\"",
            "Name \"Paddy Power\"",
            "Name \"Zehr\"",
            "Name \"Whitby\"",
            "Name \"Braithwaite\"",
            "Name \"Vauxhall\"",
            "Name \"Doamne ajută\"",
            "Name \"Gorseinon\"",
            "Name \"Bercow\"",
            "Name \"Kurban Bayramı\"",
            "Name \"Madeira\"",
            "Name \"Debenhams\"",
            "Name \"Huggard\"",
            "Name \"Wallich\"",
            "Name \"Jollof\"",
        ],
    );
}

/// Record codes in three parts or more joined by slashes, capitals and figures with no
/// cue before them; and not words joined by slashes. None of these notes is in the
/// corpora.
#[test]
fn record_codes_joined_by_slashes_are_found_by_their_shape() {
    let id = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Copied in under TPA/KX/2023/5567 and LAC/04/88123 yesterday."),
        vec![id("TPA/KX/2023/5567"), id("LAC/04/88123")]
    );
    assert_eq!(
        flagged_in("The HIV/AIDS/STI clinic, the A/B/C plan and the 24/7 line."),
        vec![]
    );
}

/// Days of this month or the last in the office style ("the 9th inst.", "the 28th
/// ult."), and days in Welsh by their weekday and ordinal or before a Welsh month. None
/// of these notes is in the corpora.
#[test]
fn days_of_this_month_and_welsh_ordinal_days_are_dates() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Your letter of the 28th ult. came; we meet again the 9th inst. at ten."),
        vec![date("28th ult."), date("9th inst.")]
    );
    assert_eq!(
        flagged_in("She rang on dydd Gwener 12fed and again on 3ydd Tachwedd."),
        vec![date("dydd Gwener 12fed"), date("3ydd Tachwedd")]
    );
    // A Welsh weekday before a day and month in figures, as on an English weekday.
    assert_eq!(
        flagged_in("Next visit Mercher 12/3, then Gwener 21.3 with the OT."),
        vec![date("Mercher 12/3"), date("Gwener 21.3")]
    );
}

/// A day named by its month's place from this one ("the 2nd of next month", "the 30th of
/// last month") and a day with its weekday in brackets ("the 12th (Thurs)"); not an
/// ordinal counted ("the 3rd of next month's five sessions" is still a day, "her 2nd
/// (final) try" and "the 4th of five" are not). None of these notes is in the corpora.
#[test]
fn days_of_next_or_last_month_and_days_with_a_bracketed_weekday_are_dates() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Panel moved from the 30th of last month to the 2nd of next month."),
        vec![date("30th of last month"), date("2nd of next month")]
    );
    assert_eq!(
        flagged_in("Home visit the 12th (Thurs), review the 19th (FRI)."),
        vec![date("12th (Thurs)"), date("19th (FRI)")]
    );
    assert_eq!(
        flagged_in(
            "Her 2nd (final) try at the course; she came 4th of five in the 3rd (last) heat."
        ),
        vec![]
    );
}

/// The personal numbers of Poland (PESEL, 11 figures) and Romania (CNP, 13) and the Home
/// Office's application number (UAN) after their names; the names alone are no number.
/// None of these notes is in the corpora.
#[test]
fn pesel_cnp_and_uan_numbers_are_record_numbers() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Her PESEL is 85010212345 and his CNP: 2850101123456. UAN 3456-7890-1234-5678."),
        vec![
            record("85010212345"),
            record("2850101123456"),
            record("3456-7890-1234-5678")
        ]
    );
    assert_eq!(
        flagged_in("The form asks for a PESEL or a CNP; the UAN is on the letter."),
        vec![]
    );
}

/// The identity cards and personal numbers of more countries after the word that ends
/// their name ("dowód osobisty CAX 418206", "codice fiscale RSSMRA85T10A562S"); the names
/// alone, and those words before no number, are no number. None of these notes is in
/// the corpora.
#[test]
fn identity_numbers_of_more_countries_are_record_numbers() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    for (text, number) in [
        (
            "Showed her dowód osobisty CAX 418206 at the desk.",
            "CAX 418206",
        ),
        (
            "His codice fiscale RSSMRA85T10A562S is on the form.",
            "RSSMRA85T10A562S",
        ),
        ("Carte d'identité 180675102347 seen.", "180675102347"),
        (
            "CNIC 35202-1234567-1 copied for the file.",
            "35202-1234567-1",
        ),
        (
            "Her Aadhaar 2345 6789 0123 was on the letter.",
            "2345 6789 0123",
        ),
        ("Personalausweis L01X00T47 checked.", "L01X00T47"),
        ("DNI 12345678Z, then the NIE.", "12345678Z"),
        ("Her kebele 004521 from Addis.", "004521"),
    ] {
        assert_eq!(flagged_in(text), vec![record(number)], "{text}");
    }
    assert_eq!(
        flagged_in("She has no dowód osobisty yet; the codice fiscale and the CNIC come later."),
        vec![]
    );
}

/// The name under a sign-off is the writer's, whatever the word: a month ("Jan"), an
/// everyday word ("Will"), on the line after it or after it on its own line; not a
/// team, a role or a word of family. None of these notes is in the corpora.
#[test]
fn the_name_under_a_sign_off_is_a_name() {
    let name = |s: &str| vec![(FindingKind::Name, s.to_string())];
    for (text, found) in [
        ("See you at the panel.\n\nKind regards,\nJan", name("Jan")),
        ("I will bring the forms.\nThanks\nWill x", name("Will")),
        ("Can do Tuesday.\nThanks, Grace", name("Grace")),
        (
            "All sorted.\nBest wishes,\nJ. Rowe (she/her)",
            name("J. Rowe"),
        ),
        ("Cofion,\nHope", name("Hope")),
        (
            "> Can you help with the badge? Ta, Jan\n> Sent from my phone",
            name("Jan"),
        ),
        ("> Cheers,\n> Will", name("Will")),
    ] {
        assert_eq!(flagged_in(text), found, "{text:?}");
    }
    for text in [
        "See you then.\nBest wishes,\nThe Duty Team",
        "Love, Mum",
        "Kind regards,\nDuty Social Worker",
        "Thanks, everyone, for coming to the meeting today.",
        "Thanks to May for the lift. Regards to all at Church.",
        "Cheers,\nAdmin",
        "Yours sincerely,\nOccupational Health Adviser",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text:?}");
    }
}

/// Dates of more languages and calendars: Greek months in the genitive, weekdays of other
/// languages before a date with a comma, a month of the Islamic calendar after a day and
/// before its year (shown as `[DATE]`), a year of a Japanese era, a Korean date with its
/// weekday, and Thai figures. None of these notes is in the corpora.
#[test]
fn dates_of_more_languages_and_calendars_are_dates() {
    let date = |s: &str| vec![(FindingKind::ExactDate, s.to_string())];
    for (text, found) in [
        (
            "Sent: Τρίτη, 4 Φεβρουαρίου 2025 10:12",
            date("Τρίτη, 4 Φεβρουαρίου 2025"),
        ),
        (
            "Fecha: lunes, 3 de febrero de 2025 09:00",
            date("lunes, 3 de febrero de 2025"),
        ),
        (
            "Born, he says, 3 Shawwal 1410 in Aleppo.",
            date("3 Shawwal 1410"),
        ),
        ("In her handbook: 令和6年11月2日.", date("令和6年11月2日")),
        (
            "--- 2025년 2월 7일 금요일 ---",
            date("2025년 2월 7일 금요일"),
        ),
        ("นัด ๑๗/๐๓/๒๐๒๕ ค่ะ", date("๑๗/๐๓/๒๐๒๕")),
    ] {
        assert_eq!(flagged_in(text), found, "{text}");
    }
    let mut r = Redactor::new(checker());
    assert_eq!(r.redact("Today is 15 Ramadan 1446."), "Today is [DATE].");
    assert_eq!(
        r.redact("In her handbook: 令和6年11月2日."),
        "In her handbook: [DATE: November 2024]."
    );
    for text in [
        "Ramadan starts soon, and 15 people fast.",
        "She fasts on viernes, 3 of them so far.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// References known by their shape wherever they stand: capitals and figures run
/// together (a family court's case number), codes in parts with hyphens, a South Korean
/// resident number, an identity number in thousands with stops; a police log by its
/// number before "of" and a day; an identity card's number in groups; a number after
/// "number" opening a clause or after a comma. Not a quantity with its unit, a date, a
/// sum of money, a version. None of these notes is in the corpora.
#[test]
fn references_by_their_shape_are_record_numbers() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    for (text, number) in [
        ("1. BD24P01952 – contact at the centre.", "BD24P01952"),
        ("His CoS was C2G5X71234K, he said.", "C2G5X71234K"),
        ("Baby's number GWH-B2503-0412 on the cot.", "GWH-B2503-0412"),
        (
            "Her resident number, 751203-2145678, is on it.",
            "751203-2145678",
        ),
        (
            "Cédula 52.418.906.1 and 1.036.482.917 on two cards.",
            "1.036.482.917",
        ),
        ("Thai ID no.: 1 1037 00834 21 5", "1 1037 00834 21 5"),
        ("If you need it, number 00716482.", "00716482"),
    ] {
        assert!(
            flagged_in(text).contains(&record(number)),
            "{text}: {:?}",
            flagged_in(text)
        );
    }
    assert_eq!(
        flagged_in("Called 999, log 2231 of 3/3/2025."),
        vec![
            record("2231"),
            (FindingKind::ExactDate, "3/3/2025".to_string())
        ]
    );
    for text in [
        "Vitamin D 250000IU once, then 800IU daily.",
        "COVID-19 and version 1.2.3 of the app.",
        "The bill was €1.036.482 for the whole estate.",
        "I keep a log 1437 of the calls? No: a log of the calls.",
        "The number of visits, 12, was fine.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// A table typed with "|" between its cells: under a heading that says so, a column of
/// people ("Pt", "Lead"), of places ("Venue") or of numbers ("kit") holds them, though
/// the words are everyday ones. A field's name in a key-value table is no heading.
#[test]
fn a_tables_columns_say_what_their_cells_hold() {
    let text = "Pt | kit | SpO2 | plan\nRay Quick | VW-0452 | 95 | home Monday\n\n\
                Night | Venue | Lead | Guests\nMon | St Barnabas hall | Drew Pembroke | 11";
    let found = flagged_in(text);
    for (kind, s) in [
        (FindingKind::Name, "Ray Quick"),
        (FindingKind::RecordNumber, "VW-0452"),
        (FindingKind::Place, "St Barnabas hall"),
        (FindingKind::Name, "Drew Pembroke"),
    ] {
        assert!(found.contains(&(kind, s.to_string())), "{s}: {found:?}");
    }
    assert_eq!(
        flagged_in(
            "| field | entry |\n|---|---|\n| name | unknown |\n| DOB | not given |\n| RoSH | low |"
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("Target | Teaching | Week\nSigns More | Makaton | 4"),
        vec![]
    );
}

/// Initials on the line that lists who was at a meeting are people, and so are the same
/// initials in capitals anywhere else in the text; one alone is no such list.
#[test]
fn initials_of_those_present_are_people() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Present: JC (GP), LB (district nursing), AS (minutes).\n1. LB: dressings. AS to visit."
        ),
        vec![name("JC"), name("LB"), name("AS"), name("LB"), name("AS")]
    );
    assert_eq!(
        flagged_in("Present: NHS (host).\nAS agreed, LB of flour."),
        vec![]
    );
}

/// What belongs to a name found: a particle of descent after it, initials with stops, a
/// surname in capitals before a comma as a form writes it, and the name in a script
/// without capitals in brackets just after it.
#[test]
fn a_name_found_takes_what_belongs_to_it() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Spoke to Aibek Nurlan uulu today."),
        vec![name("Aibek Nurlan uulu")]
    );
    assert_eq!(
        flagged_in("Visit to Mrs C.S., 84, at home."),
        vec![name("Mrs C.S")]
    );
    assert_eq!(
        flagged_in("Detained person: HADDAD, Samira Leila. Seen."),
        vec![name("HADDAD, Samira Leila")]
    );
    assert_eq!(
        flagged_in("Name: Siriporn Metcalfe (ศิริพร; known at work)."),
        vec![name("Siriporn Metcalfe"), name("ศิริพร")]
    );
    assert_eq!(
        flagged_in("From the NHS, Sarah Jones rang."),
        vec![name("Sarah Jones")]
    );
    assert_eq!(
        flagged_in("Spoke to Officer Granger about it."),
        vec![name("Officer Granger")]
    );
}

/// A name that is also a word of another language, written in lowercase too as the
/// word: before an age it is someone, and once found so it is someone again; a first
/// name before a surname found after a form's label. None of these notes is in the
/// corpora.
#[test]
fn a_name_written_as_a_word_too_is_still_a_name_where_it_is_one() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact(
            "Mama came with Ifeoma (9). Ifeoma translated. She calls her \"ifeoma\", a good thing."
        ),
        "Mama came with [PERSON-1] (9). [PERSON-1] translated. She calls her \"[PERSON-1]\", a good thing."
    );
    assert_eq!(
        Redactor::new(checker())
            .redact("Who: Merry Atkinson, 89, lives alone.\nShe said merry christmas."),
        "Who: [PERSON-1], 89, lives alone.\nShe said merry christmas."
    );
    // A word of English before an age is not made a name by it.
    assert_eq!(
        flagged_in("Chapter (3) is on grief. Read the chapter twice."),
        vec![]
    );
}

/// A house, lodge or court named by everyday words, set apart by commas or in brackets,
/// is a place; a kind of house is not.
#[test]
fn a_house_named_by_everyday_words_set_apart_is_a_place() {
    let place = |s: &str| vec![(FindingKind::Place, s.to_string())];
    assert_eq!(
        flagged_in("Rule 35 report (Brook House)"),
        place("Brook House")
    );
    assert_eq!(
        flagged_in("Refusal log, Willow Lodge, day 4"),
        place("Willow Lodge")
    );
    for text in [
        "Report (Halfway House)",
        "Moved on, Safe House, no address yet",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// A place by its capitalised name and a kind in lowercase after it ("Kestrel wing",
/// "Doncaster depot", "New Cross renal unit"), a saint's place with its kind ("St
/// Botolph's church hall"); not a people, a faith, a firm's own or a kind of place.
#[test]
fn a_named_place_with_its_kind_in_lowercase_is_a_place() {
    for (text, found) in [
        ("Location: Heron wing, room 3.", "Heron wing"),
        ("Driver Steve, Doncaster depot.", "Doncaster depot"),
        (
            "Dialysis at New Cross renal unit twice.",
            "New Cross renal unit",
        ),
        (
            "Prayer base: St Botolph's church hall tonight.",
            "St Botolph's church hall",
        ),
    ] {
        assert!(
            flagged_in(text).contains(&(FindingKind::Place, found.to_string())),
            "{text}: {:?}",
            flagged_in(text)
        );
    }
    for text in [
        "She went to the Day unit and the Acute wing, then the Methodist church hall.",
        "The Sikh temple and the Polish church were shut.",
        "Mediation at Amazon's Doncaster depot: two pickers. Then the Metro depot.",
        "He picks at the Amazon warehouse.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// A flat or a caravan by its number is a home in sheltered housing and on a field of
/// caravans where workers live, with the field's name after it.
#[test]
fn flats_in_sheltered_housing_and_caravans_on_a_field_are_homes() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("Sheltered scheme handover\n- flat 12 bruised hip\n- flat 20 calls again"),
        vec![address("flat 12"), address("flat 20")]
    );
    assert_eq!(
        flagged_in("38 caravans on the farm. 10:00 caravan 14, Top Field: back from the GP."),
        vec![address("caravan 14, Top Field")]
    );
    assert_eq!(
        flagged_in("The tyre was flat 12 miles out; no caravans near."),
        vec![]
    );
}

/// What the rules of the twenty-seventh corpus leave alone: a phone after "number", roles
/// by their initials on an attendance line, everyday answers in a table's columns, a verb
/// after a form's label, kinds of wing, hall or church, a depot injection, a word for
/// family before a name in brackets, a standard's or a year's code, "FYI" before a
/// name, and "extra care" as care taken. None is in the corpora.
#[test]
fn the_rules_of_the_twenty_seventh_corpus_leave_what_is_no_one() {
    let found = |text: &str| flagged_in(text);
    assert_eq!(
        found("Rang back, number 07700900123."),
        vec![(FindingKind::Phone, "07700900123".to_string())]
    );
    assert_eq!(
        found("Present: GP, OT, SW (duty)\nGP to review meds."),
        vec![]
    );
    assert_eq!(
        found("Who | Time | Venue\nSelf | 10:00 | Home visit\nUnknown | 11:30 | Online"),
        vec![]
    );
    assert_eq!(
        found("Plan: Phone Okafor re meds"),
        vec![(FindingKind::Name, "Okafor".to_string())]
    );
    for text in [
        "Moved to the East wing.",
        "She attends the Orthodox church and the Scout hall.",
        "He stayed at the Night shelter.",
        "Pt given Xeplion depot and Zuclopenthixol depot today.",
        "Budget for FY2024-25 agreed; ISO27001 audit done.",
        "Moved her to room 4; extra care taken with transfers.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    assert_eq!(
        found("Babcia (Zofia Nowak) came."),
        vec![(FindingKind::Name, "Zofia Nowak".to_string())]
    );
    assert_eq!(
        found("FYI, Sarah Jones called."),
        vec![(FindingKind::Name, "Sarah Jones".to_string())]
    );
}

/// What the same rules find that they missed at first: a postcode read out with a
/// hyphenated letter keyed as the code it spells, a cédula with its accent, a name in an
/// Indic script in brackets after the name, a Korean date of birth.
#[test]
fn the_rules_of_the_twenty_seventh_corpus_read_more_forms() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Postcode double-you one ay one ay ay, the letter says W1A 1AA."),
        "Postcode [POSTCODE-1], the letter says [POSTCODE-1]."
    );
    assert!(
        flagged_in("Her cédula 52418906 was copied.")
            .contains(&(FindingKind::RecordNumber, "52418906".to_string()))
    );
    assert_eq!(
        flagged_in("Priya Sharma (प्रिया शर्मा) came."),
        vec![
            (FindingKind::Name, "Priya Sharma".to_string()),
            (FindingKind::Name, "प्रिया शर्मा".to_string())
        ]
    );
    assert_eq!(
        flagged_in("DOB: 1990년 3월 14일"),
        vec![(FindingKind::BirthDate, "DOB: 1990년 3월 14일".to_string())]
    );
}

/// A note dictated all in lowercase: a surname after a first name after a title ("mrs
/// carmen sacramento"), a name beside a word of family ("the daughter yolanda", "jake
/// the grandson"), a number from abroad read out after "plus", a reference read out
/// after its cue. Not everyday words beside family in a typed note, nor "didnt". None
/// of these notes is in the corpora.
#[test]
fn names_and_numbers_in_a_dictated_note_are_found() {
    let found = flagged_in(
        "ok so visit to mrs rosa delacroix and the daughter marisol rang and jake the \
         grandson was there her mobile is plus three four six one two four four seven \
         eight nine oh and her id card number is oh four one two seven seven end of note",
    );
    for (kind, s) in [
        (FindingKind::Name, "mrs rosa delacroix"),
        (FindingKind::Name, "marisol"),
        (FindingKind::Name, "jake"),
        (
            FindingKind::Phone,
            "plus three four six one two four four seven eight nine oh",
        ),
        (FindingKind::RecordNumber, "oh four one two seven seven"),
    ] {
        assert!(found.contains(&(kind, s.to_string())), "{s}: {found:?}");
    }
    for text in [
        "Mum's biryani was the hit. The father precented the psalm. Her son didnt come.",
        "the daughter said she would ring and the son will come",
        "we counted one two three four five six in the room",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// Days and months in figures listed after one found are days too, though alone they
/// could be scores ("on 24/3, 31/3 or 7/4"); not a list of scores, nor a fraction after
/// a day. None of these notes is in the corpora.
#[test]
fn days_listed_after_a_day_are_days() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Clinic on 24/3, 31/3 or 7/4, and the review 28/2 and 3/3."),
        vec![
            date("24/3"),
            date("31/3"),
            date("7/4"),
            date("28/2"),
            date("3/3")
        ]
    );
    assert_eq!(
        flagged_in("She scored 3/5 and 4/5; on 24/3 and 1/2 of the team came."),
        vec![date("24/3")]
    );
}

/// A date with its month in Roman figures ("3.XI.2024", "21-iv-25"); not a version, a
/// list's numbering or a month in mixed case. None of these notes is in the corpora.
#[test]
fn dates_with_a_roman_month_are_dates() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Seen 3.XI.2024, next 21-iv-25; DOB 9.vii.1961."),
        vec![
            date("3.XI.2024"),
            date("21-iv-25"),
            (FindingKind::BirthDate, "DOB 9.vii.1961".to_string())
        ]
    );
    assert_eq!(
        flagged_in("See 2.iv.3 of the policy, point 4.Iv.25 and v2.ii.25 of the app."),
        vec![]
    );
}

/// The other side of a text thread copied into a note is a name, a word or not, when
/// the writer's own lines are "me"; not a relation, nor the headings of a timed log.
/// None of these notes is in the corpora.
#[test]
fn the_other_side_of_a_copied_text_thread_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Brook 22:14: can u ring me\nme 22:20: Ringing now.\nMum 22:31: shes asleep\n\
             Brook 22:40: ty"
        ),
        vec![name("Brook"), name("Brook")]
    );
    assert_eq!(
        flagged_in("Visit 10:30: all fine\nCall 14:00: no answer, left a card"),
        vec![]
    );
}

/// A street of a town's centre named by one ordinary word, after "on" with no number,
/// is where everyone goes; it is an address where someone lives. None of these notes is
/// in the corpora.
#[test]
fn a_town_centre_street_is_an_address_only_where_someone_lives() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("We talked outside the bank on King Street."),
        vec![]
    );
    assert_eq!(
        flagged_in("She lives in a flat on Church Street with her sister."),
        vec![address("Church Street")]
    );
}

/// A hospital by its initials, an infirmary's or a hospital's, or by a royal's name,
/// after "at", "to" or "from" a few words after a word of care; not a scan by its
/// initials. None of these notes is in the corpora.
#[test]
fn hospitals_by_initials_or_a_royal_name_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("He is still waiting in A&E at BRI tonight."),
        vec![place("BRI")]
    );
    assert_eq!(
        flagged_in("She was admitted to the Princess Royal after the fall."),
        vec![place("Princess Royal")]
    );
    assert_eq!(
        flagged_in("Seen in clinic at MRI for the knee, then at the UTI clinic."),
        vec![]
    );
}

/// No name in a method by its maker ("Feuerstein-based", "Montessori-style"), an eponym
/// no list names anyone by ("dysphasia, Wernicke's area"), nor a service's name run together
/// ("PhoneLink", "HopeLine"); but a name with a particle ("MacKenzie", "DeShawn") and a
/// listed name before the same words ("Sarah's disease") stay names. None of these notes
/// is in the corpora.
#[test]
fn methods_eponyms_and_services_run_together_are_no_names() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "We used Feuerstein-based tasks, then Montessori-style play. Receptive dysphasia, \
             Wernicke's area on the scan. Referred to PhoneLink and HopeLine."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("Spoke to MacKenzie and DeShawn. Sarah's disease is progressing."),
        vec![name("MacKenzie"), name("DeShawn"), name("Sarah")]
    );
}

/// A sixteenth corpus, written without sight of the rules and committed before it was
/// ever run: 364 identifiers among 59 notes (a neonatal unit, hospice at home, a sexual
/// assault referral centre, a depot round, a refugee resettlement caseworker; a CPD log
/// table, a timeline with times, a safeguarding referral form, a voicemail transcript, a
/// note dictated with "full stop" spoken, emojis), 167 tricky words. First run, on the
/// rules fitted on the fourteenth corpus: 335 of 364 (92.0%), 39 findings beyond the
/// identifiers; run again as the hold-out of the rules fitted on the fifteenth: the same,
/// 335 of 364 and the same 39 findings (none new with those rules). Then studied: dates in
/// words and "Jan 14", names that are words or places where the context says someone
/// ("brother Dale", "per mgr (Devon)", "pseudonym Kestrel", "Big Dec"), a flat "22/4
/// Dalmarnock Street", a pharmacy and a building beside a room; no longer flagged:
/// eponyms, devices and brands, theorists and their co-authors: 359 of 364, fitted, and
/// 13 findings (11 small places by design, "O'Neill" in a landmark, "Tom Jones").
/// Re-marked to the policy for beds and rooms (2026-12-06): a hostel's rooms are homes,
/// addresses ("room 14", "Rm 3"): 359 of 364 → 359 of 368 by the re-marking alone, 363
/// of 368 with a room numbered in a note about a lodging taken for an address; 364 of 368
/// with names, places and addresses removed whole once part of them is caught (the rules
/// fitted on the twenty-first corpus).
/// An address block's lines one under another before its postcode, 2026-12-07: 365.
#[test]
fn a_sixteenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh14.txt",
        (365, 368),
        &[
            "Name \"Chapeltown\"",
            "Name \"Handsworth\"",
            "Name \"Porthmadog\"",
            "Name \"Carstairs\"",
            "Name \"Briggate\"",
            "Name \"Llandeilo\"",
            "Name \"Govanhill\"",
            "Name \"Lochgoilhead\"",
            "Name \"Dungannon\"",
            "Name \"O'Neill\"",
            "Name \"Strabane\"",
            "Name \"Llangrannog\"",
            "Name \"Tom Jones\"",
        ],
    );
}

/// Names that are words or places, where what is around them says someone: a name after
/// family ("cousin Dale"), one in brackets after a role ("per mgr (Lincoln)") and that
/// name again as a subject, a name before an email in angle brackets, a pseudonym, a word
/// someone is called in quotes after "calls me", a nickname of size ("Wee Tam", "Little
/// K") in quotes or before a note of a surname. None of these notes is in the corpora.
#[test]
fn names_that_are_words_or_places_where_the_context_says_someone() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Her cousin Dale is staying over."),
        vec![name("Dale")]
    );
    assert_eq!(
        flagged_in("No leave after ten per mgr (Lincoln). Lincoln is off on Monday."),
        vec![name("Lincoln"), name("Lincoln")]
    );
    assert_eq!(
        flagged_in("Cc: Mehari (translator) <m.h@example.org>"),
        vec![
            name("Mehari"),
            (FindingKind::Email, "m.h@example.org".to_string())
        ]
    );
    assert_eq!(
        flagged_in("Reported under the pseudonym Wren, at her request."),
        vec![name("Wren")]
    );
    assert_eq!(
        flagged_in("He calls me \"Boss\" on the ward."),
        vec![name("Boss")]
    );
    assert_eq!(
        flagged_in("Someone called \"Wee Tam\" was about. Seen: Little K (surname not known)."),
        vec![name("Wee Tam"), name("Little K")]
    );
    // Not a size and a word in a name of a thing, nor a county after a place.
    assert_eq!(
        flagged_in("Read the Big Issue. Moved from the office (Devon) to Leeds."),
        vec![]
    );
}

/// Signs and tests by their maker's name ("Biot breathing", "Tinel's sign"), a thing
/// after "a" or someone's possessive ("not a Lamborghini", "Gran's Denby teapot"), the
/// co-author of a listed theorist ("Kolb and Fry"), a police operation and someone
/// famous mimicked are no one; a name beside them still is. None of these notes is in the
/// corpora.
#[test]
fn eponyms_things_co_authors_and_operations_are_no_one() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Biot breathing at times, Tinel's sign on the left. Gran's Denby teapot broke. \
             She said she is not a Lamborghini, she is a bus. Reading: Kolb and Fry on \
             learning. Operation Encompass call came in. He does a fine Boris Johnson \
             impression."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("Aisha's Kwabena drove her home. Spoke to Mr Fry about Kolb."),
        vec![name("Aisha"), name("Kwabena"), name("Mr Fry")]
    );
}

/// A flat by its stair number and door ("15/3 Easter Road") is an address whole, and a
/// pharmacy by its name is a place. None of these notes is in the corpora.
#[test]
fn a_stair_and_flat_number_and_a_named_pharmacy() {
    assert_eq!(
        flagged_in("She moved to 15/3 Easter Road last week."),
        vec![(FindingKind::Address, "15/3 Easter Road".to_string())]
    );
    assert_eq!(
        flagged_in("Picked up the dosette at Meadowbank Pharmacy."),
        vec![(FindingKind::Place, "Meadowbank Pharmacy".to_string())]
    );
    assert_eq!(
        flagged_in("Scored 15/3 on the test at the pharmacy."),
        vec![]
    );
}

/// A building by its name beside a room in it is where someone stays ("Orchard House,
/// room 12", "room 3, Birchwood Court"); a kind of place beside a room is not. None of
/// these notes is in the corpora.
#[test]
fn a_named_building_beside_a_room_in_it_is_a_place() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Orchard House, room 12. Settled well."),
        vec![place("Orchard House")]
    );
    assert_eq!(
        flagged_in("His mother (room 3, Birchwood Court) asked for him."),
        vec![place("Birchwood Court")]
    );
    assert_eq!(
        flagged_in("Nursing Home, room 4. Then room 2, Day Centre."),
        vec![]
    );
}

/// A seventeenth corpus, written without sight of the rules (its writer read the file format
/// and the project's privacy rules, nothing of the code, the README or the history) and
/// committed before it was ever run: 364 identifiers among 60 notes (a WhatsApp export with
/// date stamps, pipe tables, core group minutes, an email from the United States, a ward
/// round by bed, tired lower-case notes; a surname spelt out, a BSL sign name, Chinese names
/// surname first, Eritrean and Ukrainian patronymics, names that are words: "Blessing",
/// "Precious", "Baby", "Frank"; dates in Welsh, Gaelic and Chinese, military and American;
/// phones and NHS numbers read out in words, what3words, Glasgow flats "0/1"), 166 tricky
/// words. First run, as the hold-out of the rules fitted on the sixteenth: 289 of 364
/// (79.4%); six of its dates were marked with "the" inside, which its format leaves outside:
/// with those put right, 294 of 364 (80.8%), 58 findings beyond the identifiers. Studied
/// in part (vehicle registrations, a day and month after the event it is the day of, a
/// Welsh weekday before a date, "Miracle" and a baby's age in months): 304 of 364,
/// fitted, the same 58 findings; 306 with a phone and an NHS number read out in words,
/// 308 with dates run together in capitals ("21JUN13") and in Chinese ("3月15日"), 311
/// with an initial before a speaker's colon ("Blessing O:") and "dela" as a particle, 312
/// with what someone is called ("her name, Shapla, comes from"), 314 with phones abroad
/// ("+380 67 412 3391", "+1 602 555 0144"), 315 with a range of days ("3–7 February"),
/// 316 with a CHI number joined by a dash after "CHI". Not studied yet: a day and month in figures with no cue
/// ("her 3/12 is our 12/3"), names that are words ("Sugar", "Rowan"), a name's
/// particles ("dela Cruz"), handles, businesses by their kind ("Caring Hands Homecare").
/// 318 with a pitch or plot on a site taken for an address ("Plot 9, Greenhill Lane
/// Traveller Site"; 2026-12-06). 319 with what3words addresses ("///…", 2026-12-06).
/// With initials alone read as people (2026-12-06), "B" in "Messages with B., pasted in"
/// is a finding: someone by an initial that this corpus left unmarked and the
/// twenty-fourth marks. "Llanrug" is since read as the district after a place's comma,
/// with its place, not flagged alone. 320 with a registrant's PIN as a record's cue
/// ("NMC PIN 24I5821O", 2026-12-07). "Bethesda chapel" is one finding, a place, since
/// a kind in lowercase after a word found as a name is the place's. 321 with a
/// nickname of a repeated syllable ("Jun-Jun", 2026-12-07).
/// Words of the twenty-eighth corpus's lists (a service), 2026-12-07: one finding fewer.
/// Places and names learnt from the twenty-eighth corpus (a ward named by everyday words, a
/// university, a hospital's two words before "General", a kind after a name found),
/// 2026-12-07: 323. Someone with their pronouns in brackets after them ("Rowan
/// (they/them)"), 2026-12-07: 324.
/// Words of the thirtieth corpus's lists ("Oliver McGowan", "Nexplanon"), 2026-12-07: two
/// findings fewer.
/// A title and a letter typed fast in lowercase, residents by their room and full names in
/// brackets, 2026-12-07: 325.
#[test]
fn a_seventeenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh15.txt",
        (325, 364),
        &[
            "Name \"Crymych\"",
            "Name \"Paul Sartori\"",
            "Name \"Toon\"",
            "Name \"Jordan\"",
            "Name \"Deansgate\"",
            "Name \"B\"",
            "Name \"Sweet Caroline\"",
            "Name \"Barthel\"",
            "Name \"Bobath\"",
            "Name \"Ching Ming\"",
            "Name \"Shannon\"",
            "ExactDate \"1 March\"",
            "Name \"Astra\"",
            "Name \"Helmand\"",
            "Name \"Catterick\"",
            "Name \"Bhàta\"",
            "Name \"Sabbath\"",
            "ExactDate \"1 January\"",
            "Name \"Shakhtar\"",
            "Name \"Velykden\"",
            "Name \"Newroz\"",
            "Name \"baran\"",
            "Name \"Qamishli\"",
            "Name \"Simbang Gabi\"",
            "Name \"Wai Yin\"",
            "Name \"Chinatown\"",
            "Name \"Calon Lân\"",
            "Name \"Chelsea\"",
            "Name \"Dolly Parton\"",
            "Name \"Buddi\"",
            "Name \"Dan Hughes\"",
            "Name \"Rumack-Matthew nomogram\"",
            "Phone \"0800 068 4141\"",
            "Name \"Mirena\"",
            "Name \"Taylor Swift\"",
            "Name \"Alexa\"",
            "Name \"Herman\"",
            "Name \"Merton-compliant\"",
            "ExactDate \"Twelfth\"",
            "Name \"Andersonstown\"",
            "Name \"Handsworth Wood\"",
            "Name \"Arthur Labinjo-Hughes\"",
            "Place \"Bethesda chapel\"",
            "Name \"Brixton\"",
            "Name \"Cass Review\"",
            "Name \"Xmas\"",
            "Place \"Wernicke's\"",
            "Name \"Buckfast\"",
            "Name \"Guinness\"",
            "Name \"Kilburn\"",
            "Name \"Skye\"",
            "Name \"Chì Mi na Mòrbheanna\"",
            "Name \"Ganga\"",
            "Name \"Haridwar\"",
        ],
    );
}

/// An eighteenth corpus, written without sight of the rules' code, but by a writer who had
/// read the subjects of the project's recent commits (which name some rules and their
/// examples): not a clean hold-out. 367 identifiers among 56 notes (prison healthcare,
/// sonography, school nursing, housing first, a Gypsy/Roma/Traveller liaison worker,
/// probation, an AMHP in north Wales; minutes, genograms, rotas, body maps, SBAR), 162
/// tricky words. First run, on the rules fitted on the fifteenth: 276 of 367 (75.2%), 52
/// findings; on the rules fitted on the sixteenth: 282 of 367 (76.8%), 53; with the
/// seventeenth's (registrations, a day and month after its event, two particles in a
/// name): 287, 53; 289 with a phone read out in hyphenated words and an NHS number one
/// figure at a time, 292 with dates in Irish and Polish and run together ("08MAY25"), 301
/// with a form's labels ("SURNAME CARLISLE"), a listed name in capitals before a name
/// caught ("DEAN ANTHONY", "ROSE MARY DOYLE"), an initial in a table's cell ("Jayden O |")
/// and a word of another language before an age ("Paris (8)"), the same 53 findings (the
/// town after "from" or "through" is not the person of its name), 302 with a feast of one
/// day before its year ("Christmas Eve 2023"), 304 with a weekday and "the" before a day
/// ("Wednesday the 16th of April") and a date from a form's boxes ("05 / 06 / 2016"), 306
/// with a CAD number and a number read out one figure at a time. Not studied yet:
/// names that are words or places ("Summer", "Hope", "Rose", "Frank", "Sky", "Paris",
/// "Carlisle"), beds and cells ("Bed 14", "cell 4-22"), vehicle registrations, feast days
/// as dates ("Christmas Eve 2023"), dates in Irish and Polish, spoken emails. Re-marked
/// to the policy for beds and rooms (2026-12-06): its five beds, a cell and a cell's
/// location on a wing unmarked, a hostel room and a site's plot marked as addresses: 306
/// of 367 → 306 of 361 by the re-marking alone, 309 of 361 with a room in a lodging and a
/// plot on a site taken for addresses; 310 with an email spelt out before its "at" too;
/// 311 with a month in Roman figures ("born 9/ii/25"); 312 with initials run into a
/// "Mc" ("DMcK", 2026-12-07); "Gurmukhi", a script, and "van der Kolk" no longer
/// flagged.
/// A hospital by its initials alone (2026-12-07): 313.
/// A name in a table's column of people ("Brook H" under "Name", 2026-12-07): 314.
/// Words of the twenty-eighth corpus's lists (a service), 2026-12-07: one finding fewer.
/// "Insta" (Instagram) in the twenty-ninth's, 2026-12-07: one fewer again. Initials in
/// a table's "who" column, 2026-12-07: 316.
/// Words of the thirtieth corpus's lists ("Oliver McGowan"), 2026-12-07: one finding
/// fewer.
/// First names the list lacked (Janine, Doreen…), 2026-12-07: 317.
#[test]
fn an_eighteenth_corpus_written_after_reading_the_commit_subjects_is_measured() {
    assert_measured(
        "recall-fresh16.txt",
        (317, 361),
        &[
            "Name \"Shannon Trust\"",
            "Name \"Todd\"",
            "Name \"Edwards\"",
            "Name \"Patau\"",
            "Name \"Feminax\"",
            "Name \"Chelsea\"",
            "Name \"Tyson Fury\"",
            "Name \"Tsemberis\"",
            "Name \"Dale Farm\"",
            "Name \"Elsa\"",
            "Name \"Elsa\"",
            "Name \"Chelsea\"",
            "Name \"Jordan\"",
            "Name \"River Jordan\"",
            "Name \"Paddington\"",
            "Name \"Todmorden\"",
            "Name \"Old Bill\"",
            "Name \"McGoldrick\"",
            "Name \"Mo Farah\"",
            "Name \"Wythenshawe\"",
            "Name \"Skye\"",
            "Name \"Dan Hughes\"",
            "Name \"Ní\"",
            "Name \"Michael Palin Centre\"",
            "Name \"Celtic\"",
            "Name \"Gweedore\"",
            "Name \"Tayto\"",
            "Name \"Lech Poznań\"",
            "Name \"Dadaji\"",
            "Name \"Humber Bridge\"",
            "Name \"Frank\"",
            "Name \"Destiny\"",
            "Name \"Gardasil\"",
            "Name \"Muhammad Ali\"",
            "Name \"Philips\"",
            "Name \"Gobowen\"",
            "Name \"Klass\"",
            "Name \"Rett\"",
            "Name \"Tobii Dynavox\"",
            "Name \"Chelsea\"",
            "Name \"Frank\"",
            "Name \"Tervalon\"",
            "Name \"Murray-García\"",
            "Name \"Rose\"",
            "Name \"Bullseye\"",
            "Name \"Jim Bowen\"",
        ],
    );
}

/// A listed first name or surname after someone's possessive is someone, whatever the
/// word after it ("Aisha's Kwame wrecked the car", "her sister's Callum keeps texting");
/// a thing after a possessive is still no one. None of these notes is in the corpora.
#[test]
fn a_listed_name_after_a_possessive_is_someone() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Aisha's Kwame wrecked the car."),
        vec![name("Aisha"), name("Kwame")]
    );
    assert_eq!(
        flagged_in("Aisha's Kwame wrecks cars for fun."),
        vec![name("Aisha"), name("Kwame")]
    );
    assert_eq!(
        flagged_in("Jo's Tomasz plays bass in a band."),
        vec![name("Jo"), name("Tomasz")]
    );
    assert_eq!(
        flagged_in("Her mum's Gary smashes plates."),
        vec![name("Gary")]
    );
    assert_eq!(
        flagged_in("Her sister's Callum keeps texting late."),
        vec![name("Callum")]
    );
    assert_eq!(
        flagged_in("Her sister's Nowak boys came round."),
        vec![name("Nowak")]
    );
    assert_eq!(flagged_in("Gran's Denby teapot broke."), vec![]);
}

/// A car's registration picks out its keeper: a British one since 2001 in capitals as on
/// the plate ("a silver hatchback, KM23 BVD"), an Irish one with its county's letters
/// ("the van, 171-D-30457"). Codes of other shapes are not registrations. None of these
/// notes is in the corpora.
#[test]
fn vehicle_registrations_in_the_shapes_of_a_plate() {
    let reg = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Seen getting into a silver hatchback, KM23 BVD, outside school."),
        vec![reg("KM23 BVD")]
    );
    assert_eq!(
        flagged_in("He sleeps in the van, 171-D-30457, at the lay-by. Old car 05-KY-118."),
        vec![reg("171-D-30457"), reg("05-KY-118")]
    );
    // A score, a form, a road, an age group, a bus and a class are not.
    assert_eq!(
        flagged_in(
            "They won 2-1, 3-0 at half time. Took the M62 then the A580. Form SA80 ABC \
             is out. Under-12s at 10-5pm. Bus X43 MAN is late. Bay 14-T."
        ),
        vec![]
    );
}

/// After a word of a vehicle, a plate of any other shape: an island's ("J 48271", "MAN
/// 412G"), an older British one ("P482 KLM", "JKL 482P"). Not a road, a year, a count or
/// a model after the same words. None of these notes is in the corpora.
#[test]
fn a_plate_of_any_shape_after_a_word_of_a_vehicle() {
    let reg = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("His car is J 61833, parked by the pier. Reg: MAN 412G."),
        vec![reg("J 61833"), reg("MAN 412G")]
    );
    assert_eq!(
        flagged_in("Dad's van, P482 KLM, and the old car reg JKL 482P, both sold."),
        vec![reg("P482 KLM"), reg("JKL 482P")]
    );
    assert_eq!(
        flagged_in(
            "The car on the A 303 broke down. Car MOT 2025 due. The taxi was 20 minutes \
             late. Car 2 of 3. His car is a Ford Focus 1.6. Van number 12 took them."
        ),
        vec![]
    );
}

/// A plate in Europe's hyphenated shapes after a word of a vehicle ("the van, KV-07-RP",
/// "car reg 1-ABC-123") or with the plate's word in brackets just after it ("ZS-281-H
/// (Dutch plate)"). Not a virus, a road or a dog's call sign beside the same words. None
/// of these notes is in the corpora.
#[test]
fn a_hyphenated_plate_after_a_vehicle_or_before_its_word() {
    let reg = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Their van, KV-07-RP, was moved. Her car reg is 1-ABC-123."),
        vec![reg("KV-07-RP"), reg("1-ABC-123")]
    );
    assert_eq!(
        flagged_in("Parked by the lock: ZS-281-H (Dutch plate), curtains drawn."),
        vec![reg("ZS-281-H")]
    );
    assert_eq!(
        flagged_in(
            "The car had COVID-19 in it. Taxi up the M-25. The van had a K-9 unit. \
             SARS-CoV-2 (plate count) was low."
        ),
        vec![]
    );
}

/// A day and month in figures after a word of doing or starting ("done 12/11", "start
/// promised 7/3", "booked 9/12"): a date; after the same words a fraction, a score out of
/// ten or "24/7" is none. None of these notes is in the corpora.
#[test]
fn a_day_and_month_in_figures_after_done_or_start_is_a_date() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Carried: the rota, done 12/11. Care start promised 7/3. Taxi booked 9/12."),
        vec![date("12/11"), date("7/3"), date("9/12")]
    );
    assert_eq!(
        flagged_in(
            "Done 1/2 of the forms. Started 24/7 cover. Booked 3/4 of the rooms. Done 8/10."
        ),
        vec![]
    );
}

/// A day and month in figures after the event it is the day of ("home visit 14/5",
/// "hearing 23/6", "appt w/c 8/9", "follow up 30/6"): a date. After the same words a
/// fraction, a score or "24/7" is none. None of these notes is in the corpora.
#[test]
fn a_day_and_month_in_figures_after_an_event_is_a_date() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Home visit 14/5 went well. Hearing 23/6 at ten."),
        vec![date("14/5"), date("23/6")]
    );
    assert_eq!(
        flagged_in("Next appt w/c 8/9. Follow up 30/6 by phone. Tribunal 19/11."),
        vec![date("8/9"), date("30/6"), date("19/11")]
    );
    assert_eq!(
        flagged_in(
            "Visit 1/2 of the homes. Contact 24/7 line. Meeting scored 4/5. Clinic \
             10/10 for kindness. Ratio 1/8 on the ward. The 17/3 bus."
        ),
        vec![]
    );
}

/// A day in Welsh by its weekday, the day in figures and the month is a date whole,
/// "dydd" with it ("Dydd Gwener 6 Mehefin"); a feast day is none.
/// None of these notes is in the corpora.
#[test]
fn a_welsh_weekday_before_a_day_and_month_is_part_of_the_date() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Cyfarfod Dydd Gwener 6 Mehefin. Wedyn dydd Sadwrn 14 Medi."),
        vec![date("Dydd Gwener 6 Mehefin"), date("dydd Sadwrn 14 Medi")]
    );
    assert_eq!(flagged_in("Dydd Gŵyl Dewi hapus."), vec![]);
}

/// A first name that is a word, listed with its kind, before an age (in years or a
/// baby's months) or what a person does is someone ("Miracle (2)", "Joy (9 months)",
/// "Miracle cried"); the word in a sentence, or a season before a time, is none.
/// None of these notes is in the corpora.
#[test]
fn a_first_name_that_is_a_word_before_an_age_is_someone() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Home visit\nChildren at home: Tunde (7) and Miracle (2). Miracle cried all visit."
        ),
        vec![name("Tunde"), name("Miracle"), name("Miracle")]
    );
    assert_eq!(
        flagged_in("Home visit\nThe baby, Joy (9 months), slept. Hope (5 yrs) drew.\n"),
        vec![name("Joy"), name("Hope")]
    );
    assert_eq!(
        flagged_in(
            "It was a small Miracle that the bus came. A miracle, really. In Summer (3 \
             months) we move."
        ),
        vec![]
    );
}

/// A name with two particles in a row ("Joanna van der Westhuizen") or a Filipino "dela" is one
/// name whole. None of these notes is in the corpora.
#[test]
fn a_name_with_two_particles_or_dela_is_one_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Home visit\nMet Joanna van der Westhuizen and Ramon dela Paz today."),
        vec![name("Joanna van der Westhuizen"), name("Ramon dela Paz")]
    );
}

/// A nineteenth corpus, written without sight of the rules, their tests or their history
/// (its writer read only the domain notes and an earlier corpus's header) and committed
/// before it was run: its first figure, 312 of 369 (84.6%), is a hold-out (311 as first
/// marked: one date had "the" inside its mark, which its format leaves outside). What it
/// found: days and months in figures with no cue before them ("bloods 28/1 fine",
/// "Review 2/4"), ordinals alone ("my 28th earlies"), beds, rooms and cells by number,
/// businesses and practices named in full ("Caring Hands Lothian"), a CHI number with a
/// space, pets and names that are words (Sooty, Biscuit, Hope, Pearl, Pat), a postcode and
/// a number dictated in words, and 32 findings beyond its identifiers (places, brands,
/// shows, famous people, regiments). Its days and numbers then studied: 326 of 369, fitted
/// (days and months in figures where they cannot be scores, after "EDD", ordinals after a
/// word of when or before shifts, CHI, CAD and PNC numbers, a number dictated in groups).
/// Re-marked to the policy for beds and rooms (2026-12-06): its five beds on wards and
/// three cells on a wing unmarked, and a room offered in a nursing home (a care home's
/// room is treated as a ward's bed): 326 of 369 → 326 of 360 by the re-marking alone, 327
/// of 360 with a room in an approved premises taken for an address; 328 with a home by its
/// name and its kind after it; 329 with an email spelt out before its "at" too; 330 with
/// a practice or a nursery named by two words at its end ("… Medical Group", "… Early
/// Years"); 331 with a name sign in quotes after its cue ("name sign is a "G" tapped on
/// the chin"). The hold-out figure as first measured, 312 of 369, stays as it was.
/// "Evan Stark", the theorist of coercive control, no longer flagged (2026-12-07).
/// Chat speakers and places over small words learnt from the twenty-eighth corpus,
/// 2026-12-07: 332. A typed note's shorthand after a title ("dr rota") no longer a name,
/// 2026-12-07.
#[test]
fn a_nineteenth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh17.txt",
        (332, 360),
        &[
            "Name \"Splott\"",
            "Name \"Glastonbury\"",
            "Name \"Tunnock\"",
            "Name \"St\"",
            "Name \"Winnie\"",
            "Name \"Winston\"",
            "BirthDate \"born on the first of January\"",
            "Name \"Cyw\"",
            "Name \"Hollie Guard\"",
            "Name \"Caroline\"",
            "Name \"Tel\"",
            "Name \"Levonelle\"",
            "Name \"Beverley\"",
            "Name \"Truvada\"",
            "Place \"C wing\"",
            "Place \"C wing\"",
            "Name \"Zimmer\"",
            "Place \"C wing\"",
            "Name \"Gogglebox\"",
            "Place \"Royal Anglian\"",
            "Name \"Helmand\"",
            "Name \"Helmand\"",
            "Name \"Chapelfield\"",
            "Name \"Gurkha\"",
            "Name \"Catterick\"",
            "Name \"Martin Lewis\"",
            "Name \"Lowell\"",
            "Name \"Danny Boy\"",
            "Name \"Vauxhall Corsa\"",
            "Name \"Dylan Thomas\"",
        ],
    );
}

/// A day and month in figures with no word of when before them, where the pair cannot be
/// a score, a fraction or a duration: the month in two figures ("03/06"), or a day past
/// the twelfth ("14/1"). Not a score, not more than its scale or over it in jest, not
/// "10/7" and "18/12" (days and months in clinical shorthand), not a span of years, odds,
/// a flat, a bus or vision. None of these notes is in the corpora.
#[test]
fn a_day_and_month_in_figures_alone_is_a_date_where_it_cannot_be_a_score() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Bloods 14/1 were normal. Scan (19/2): all fine, mood 4/5."),
        vec![date("14/1"), date("19/2")]
    );
    assert_eq!(
        flagged_in("Physio 03/06 went well; debrief 4/09 with the team, 16/11 pm."),
        vec![date("03/06"), date("4/09"), date("16/11")]
    );
    assert_eq!(
        flagged_in(
            "Pain 11/10 this morning, mood 3/5, sleep 6/10. Cough for 10/7, a frame for \
             18/12 now. Vision 6/5 on the left. She backed it at 20/1, a 14/1 shot. Up in \
             flat 14/2 again. The 15/3 bus was late. Accounts for 09/10 and 2/3 of the \
             rent. Berg 21/56, 24/7 line."
        ),
        vec![]
    );
}

/// After a word of when a fraction is in its lowest terms, so "on 2/4" is a day; after
/// "EDD" or "LMP" (and "EDD by dates") a pair of figures is always a day, even one that
/// would read as a score elsewhere. None of these notes is in the corpora.
#[test]
fn a_day_after_edd_or_lmp_or_an_unreduced_fraction_after_a_cue_is_a_date() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Next review 2/4. Court on 3/6 at ten."),
        vec![date("2/4"), date("3/6")]
    );
    assert_eq!(
        flagged_in("EDD 10/10, LMP 3/1. EDD by scan 5/10."),
        vec![date("10/10"), date("3/1"), date("5/10")]
    );
    assert_eq!(
        flagged_in("Cut down by 1/2, then by 1/3. She scored 10/10 by dates and 2/4 on recall."),
        vec![]
    );
}

/// An ordinal alone is a day straight after a word of when where the clause ends or a
/// time of day follows ("on 14th."), and before the shifts of a rota worked on that day
/// ("my 14th lates"); not a floor, a dose, a birthday, a count of nights or a second
/// midwife. None of these notes is in the corpora.
#[test]
fn an_ordinal_alone_after_a_word_of_when_or_before_a_rotas_shifts_is_a_day() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("The debrief is on 14th. Out by 3rd at the latest."),
        vec![date("14th"), date("3rd")]
    );
    assert_eq!(
        flagged_in("Can you cover my 14th lates? I owe you the 22nd nights."),
        vec![date("14th"), date("22nd")]
    );
    assert_eq!(
        flagged_in(
            "She lives on 5th floor. After 2nd dose she slept. It was my 3rd night in a row, \
             her 40th birthday, the 3rd time, with a 2nd MW."
        ),
        vec![]
    );
}

/// A CHI number written as its date of birth and four figures ("150512 4473", or joined
/// by a dash after "CHI"), an
/// ambulance dispatch's incident after "CAD", and a Police National Computer id by its
/// shape (a year, "/", figures and a check letter); not six figures that are no date
/// before four, coronary artery disease in a year, or a score out of 56. None of these
/// notes is in the corpora.
#[test]
fn a_spaced_chi_number_a_cad_incident_and_a_pnc_id_are_numbers() {
    let id = |k: FindingKind, s: &str| (k, s.to_string());
    assert_eq!(
        flagged_in("CHI 150512 4473 on the label; his brother's CHI: 010203-4455."),
        vec![
            id(FindingKind::NhsNumber, "150512 4473"),
            id(FindingKind::NhsNumber, "010203-4455")
        ]
    );
    assert_eq!(
        flagged_in("CAD 230417-0112 logged. Her PNC id, 09/7712345Q, was read out."),
        vec![
            id(FindingKind::RecordNumber, "230417-0112"),
            id(FindingKind::RecordNumber, "09/7712345Q")
        ]
    );
    assert_eq!(
        flagged_in("Counted 123456 7890 twice. History of CAD 2019. Berg 21/56, page 12/345."),
        vec![]
    );
}

/// A number dictated into a phone after its cue comes out as figures one or two at a
/// time ("Service number 25 1 4 7 8 3 9"): five groups or more are one number; fewer are
/// counts, and a bed or room is no cue. None of these notes is in the corpora.
#[test]
fn a_record_number_dictated_in_small_groups_after_its_cue_is_one_number() {
    assert_eq!(
        flagged_in("Staff number 30 4 4 1 9 2 for the form, then home."),
        vec![(FindingKind::RecordNumber, "30 4 4 1 9 2".to_string())]
    );
    assert_eq!(
        flagged_in("Case number 3 and 4 were closed. Room number 1 2 3 4 5 is free."),
        vec![]
    );
}

/// A twentieth corpus, written without sight of the rules, their tests or their history
/// (its writer read only the domain notes and an earlier corpus's header) and committed
/// before it was run: its first figure, 325 of 365 (89.0%), is a hold-out. Its beds, bays
/// and cells on a ward or wing are left unmarked (they identify no one once the ward and
/// the day are gone) and a room or pitch that is someone's home is an address. What it
/// found: names that are words, used alone (Rowan, Jade, Storm, Ocean, Brook, Reign,
/// Duchess, Biscuit), names and days in capitals ("HUNTER BLACKWOOD", "FRI 21ST"), a
/// lowercase weekday with an ordinal ("thurs 13th"), units and projects named in full
/// ("Larchfield Assessment and Treatment Unit", "The Anchor Project"), hospitals by short
/// name ("UHW", "Aberdeen Royal"), rooms and a caravan park unit as homes, a benefit
/// reference in groups, a date in a pasted American email, and 23 findings beyond its
/// identifiers (conditions, towns, shows, famous people, a holiday). Studied since
/// (2026-12-06; fitted, not a hold-out): 329 with a room numbered in a note about a lodging
/// ("Seaview Guest House, room 11"), a unit on a caravan park and a pitch on a site taken
/// for addresses; 334 with words given as first names (a tree, the sea, a stream: "Rowan",
/// "Ocean", "Reign", "Brook", "Wren", "Aspen") read as names where the words around them
/// say someone, and "toddler" as family before a name. Its findings 23 -> 11 with
/// conditions named after people ("Hashimoto's", "Broca's", "Wolff-Parkinson-White"),
/// shows, apps and cars ("Heartstopper", "Pororo", "Moodle", "Toyota Prius", "Corsa"),
/// people everyone has heard of ("Stormzy", "Bukayo Saka"), "Mermaids" (a charity) and an
/// embassy's "Consular Section" known; left: five small towns by design, a court, a city
/// and a phrase abroad, "July 4th", and "Dan Hughes" twice (a theorist of care, but a
/// name common enough for a client to bear: it stays flagged). 336 with a weekday
/// written loosely before an ordinal ("thurs 13th", "FRI 21ST"); 339 with a pupil in
/// capitals before a form group ("HUNTER BLACKWOOD 7C", "JOY IN 10B"); 341 with a word
/// that is a name before a role of two words in brackets ("Jade (support worker)") and a
/// name of the note again at a sentence's start before a verb in the past ("C: Jade
/// recognised the sign"); 342 with "was born" saying someone ("Brook was born in the
/// pool"); 343 with a reference running on through its groups of figures ("UC 7710 3345
/// 92"); 345 with a hospital by its city and "Royal" alone ("Aberdeen Royal") and a royal's
/// title before a place found from "Royal" ("Princess Royal Maternity"); 346 with the
/// rules fitted on the twenty-first corpus (names, places and addresses removed whole).
/// A hospital by its initials alone (2026-12-07): 348.
/// "Officer" before a surname as a title ("Officer Rennie held the torch", 2026-12-07):
/// 349. A court named by its town ("Teesside Crown Court") no longer flagged, 2026-12-07.
/// A pet named straight before its kind ("…, a terrier"), 2026-12-08: 350.
#[test]
fn a_twentieth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh18.txt",
        (350, 365),
        &[
            "Name \"Ystradgynlais\"",
            "Name \"Lan y Môr\"",
            "Name \"Hải Phòng\"",
            "Name \"Dan Hughes\"",
            "Name \"Govan\"",
            "ExactDate \"July 4th\"",
            "Name \"Swinton\"",
            "Name \"Caerau\"",
            "Name \"Dan Hughes\"",
        ],
    );
}

/// A twenty-first corpus, written without sight of the rules, their tests or their
/// history, and committed before it was run: 60 notes by writers new to the corpora
/// (occupational therapy, hospice, dementia care homes, care at home in Wales, Bolton and
/// Cornwall, refugee resettlement, youth offending, sexual health, neonatal units, crisis
/// lines, adult safeguarding, SEND, housing, university counselling, island nursing), 382
/// identifiers, 158 tricky words. Hold-out, the first run: 343 of 382 (89.8%), 49 tricky
/// words flagged (30 of them towns). Re-marked after it (see the corpus's header): 344
/// of 381. Then studied, each rule tested on text from no corpus: names, places and
/// addresses removed whole once part of them is caught (a nickname in quotes, "Dorothy
/// "Dot" Hemming"; a first name that is also a word before a surname caught, "a tenant
/// called Precious Ndlovu"; a kind of place after its name, "Calder Migrant Law Centre",
/// "Foxhollow Housing Association", "Camberwell Grove B&B"; a flat's word before its
/// address; "Higher" before a farm's name; a saint's name ending in s, "St Agnes'
/// Church"); teams and services by a name of their own ("Selly Brook Specialist
/// Provision", "Tamar Valley Memory Service"); a saint's day no one; towns, famous people,
/// a football club, devices, a water company and a Kurdish festival listed: 355 of 381
/// (93.2%), and 22 findings beyond the identifiers (17 small towns and districts by
/// design, and by the same rule "Barry" a town and "Jordan" a country that are first
/// names; "Tom Jones" and "Jim Reeves", names common enough to be a client's; "Jenny" a
/// name used as a word, and "Youth" of a court, caught as a word of a name elsewhere in
/// the note; 21 once a word for a kind of place that no one is called is no longer
/// taken for the name again). Left: a team named by its town ("Nuneaton Community Rehab Team", "Kirkwall
/// diabetes team"), a business by its kind ("Sparkle Hand Car Wash"), a street with no
/// street word ("52 Mount Pleasant") or in Gaelic, names that are months or words used
/// alone ("August and Autumn", "Bill" after a time),
/// "the 5th" after a festival. 357 with a month's name after a word for someone ("Caller
/// June") and a house by its number alone after "at" ("her neighbour Doreen at number
/// 42"); 358 with a place named by its street ("Ladywell Road food bank"); 359 once the
/// measure no longer reads the brackets of a chat's stamp around a removed date as a
/// placeholder ("[11/02 09:12] Me: ..."). "Smethwick" after "7 Soho Hill Court," is since
/// read with the court as its address, not flagged alone as a name. 360 with the
/// district after a place's comma ("Orwell Logistics, Ransomes Europark").
#[test]
fn a_twenty_first_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh19.txt",
        (360, 381),
        &[
            "Name \"Redruth\"",
            "Name \"Longton\"",
            "Name \"Tom Jones\"",
            "Name \"Pontardawe\"",
            "Name \"Tarbert\"",
            "Name \"Handsworth\"",
            "Name \"Hockley\"",
            "Name \"St Ives\"",
            "Name \"Launceston\"",
            "Name \"Altarnun\"",
            "Name \"St Just\"",
            "Name \"Jenny\"",
            "Name \"Helston\"",
            "Name \"Jordan\"",
            "Name \"Jim Reeves\"",
            "Name \"Elland\"",
            "Name \"Ashby-de-la-Zouch\"",
            "Name \"Ballyconnell\"",
            "Name \"Burslem\"",
            "Name \"Barry\"",
        ],
    );
}

/// A name, a place or an address is removed whole once part of it is caught: a nickname
/// in quotes between first name and surname, a first name that is also a word before a
/// surname caught, the words of a kind of place after its name, a flat's word before its
/// address, a farm's "Higher" and a saint's name ending in s. None of these notes is in
/// the corpora.
#[test]
fn names_places_and_addresses_are_removed_whole_once_part_is_caught() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let place = |s: &str| (FindingKind::Place, s.to_string());
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let cases: Vec<(&str, Vec<(FindingKind, String)>)> = vec![
        (
            "Visited Gwenllian \"Gwen\" Pritchard with her daughter.",
            vec![name("Gwenllian \"Gwen\" Pritchard")],
        ),
        (
            "The tenant, Patience Oyelowo, paid the arrears in cash.",
            vec![name("Patience Oyelowo")],
        ),
        (
            "We sat down with Mercy Achterberg and her son.",
            vec![name("Mercy Achterberg")],
        ),
        (
            "Rang Harrowgate Migrant Law Centre about the appeal.",
            vec![place("Harrowgate Migrant Law Centre")],
        ),
        (
            "She moved into Flat 9 Cwrt Tregelles on the Friday.",
            vec![address("Flat 9 Cwrt Tregelles")],
        ),
        (
            // A place since a height opens no one's name (2026-12-07).
            "Lambing at Lower Penhallow Farm, so he missed the clinic.",
            vec![place("Lower Penhallow Farm")],
        ),
        (
            "The vigil was at St Nicholas' Church on the green.",
            vec![place("St Nicholas' Church")],
        ),
        (
            "The music afternoon at Bryn Awel Nursing Home went well.",
            vec![place("Bryn Awel Nursing Home")],
        ),
        (
            "His first birthday since he left Ty Gwyn children's home.",
            vec![place("Ty Gwyn children's home")],
        ),
        (
            "The tenancy is at 44 Clarendon Mount, the top flat.",
            vec![address("44 Clarendon Mount")],
        ),
        (
            "Informal admission to Ward Enlli at the hospital, bed 4.",
            vec![place("Ward Enlli")],
        ),
        (
            "Ward Okonkwo-Bell rang; Mrs Ward Hughes did not.",
            vec![name("Okonkwo-Bell"), name("Mrs Ward Hughes")],
        ),
        (
            "He moves to Pennyfold Lane Approved Premises on licence.",
            vec![place("Pennyfold Lane Approved Premises")],
        ),
        (
            "The lunch club meets at Glenrothie Miners Welfare now.",
            vec![name("Glenrothie Miners Welfare")],
        ),
        // Not so: a first name that opens its sentence, a word of the lists before a
        // name, a kind of place alone, a saint's day.
        (
            "Precious little came of the panel, said Ayodele Okonkwo.",
            vec![name("Ayodele Okonkwo")],
        ),
        (
            "Fed back to the Home Treatment Team and the Crisis Café.",
            vec![],
        ),
        ("She keeps St Nicholas' Day with her grandmother.", vec![]),
        (
            "- [x] Send Mrs Adebayo's daughter the visit times",
            vec![name("Mrs Adebayo")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// Teams, services and projects by a name of their own are places; by what they do, or
/// by a town too big to identify anyone, they are not. None of these notes is in the
/// corpora.
#[test]
fn teams_and_services_by_a_name_of_their_own_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Referred on to the Tregothnan Carers Support Service last week."),
        vec![place("Tregothnan Carers Support Service")]
    );
    assert_eq!(
        flagged_in("She goes to Ynysowen Youth Project on Thursdays."),
        vec![place("Ynysowen Youth Project")]
    );
    for text in [
        "Discussed with the Perinatal Mental Health Team and the Reablement Service.",
        "The Leeds Crisis Team were called and the Community Rehab Team came next day.",
        "Met the Early Help Hub and the Youth Offending Team.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// An action written as a task line of a section ("- [ ] …") is redacted as that line
/// is, so that an export still finds it there and does not list it again under Actions:
/// the line and the action's own text are redacted apart, and the word after a task's
/// box did not open a sentence as the action's first word does ("- [ ] Hope to see…"
/// flagged "Hope" on the line and not in the action).
#[test]
fn an_action_written_in_a_section_is_redacted_as_its_line_is() {
    let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap();
    let mut e = Entry::new(EntryKind::Reflection, d("2026-03-12"), now);
    let texts = [
        "Hope to see Jade Friday",
        "Ring Mrs Adebayo about the visit times",
    ];
    e.sections.push(Section {
        key: "now-what".into(),
        label: "Now what?".into(),
        text: format!(
            "Two things:\n- [ ] {}\n- [x] {} (due March 2026)",
            texts[0], texts[1]
        ),
    });
    for t in texts {
        e.actions.push(Action::new(t, None));
    }
    let mut r = Redactor::new(checker());
    r.redact_entry(&mut e);
    let lines: Vec<&str> = e.sections[0].text.lines().collect();
    assert_eq!(lines[1], format!("- [ ] {}", e.actions[0].text), "{e:#?}");
    assert_eq!(
        lines[2],
        format!("- [x] {} (due March 2026)", e.actions[1].text),
        "{e:#?}"
    );
    assert!(!e.actions[1].text.contains("Adebayo"), "{e:#?}");
}

/// A person named for a month after a word for someone, and a house by its number alone
/// after "at"; not a month in a date or after "in", not a place in a list. None of these
/// notes is in the corpora.
#[test]
fn months_as_names_and_house_numbers_alone() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let address = |s: &str| (FindingKind::Address, s.to_string());
    let cases: Vec<(&str, Vec<(FindingKind, String)>)> = vec![
        ("Caller April rang again at 2am.", vec![name("April")]),
        ("Her daughter May drove her in.", vec![name("May")]),
        (
            "She left the key with her neighbour at number 17.",
            vec![address("17")],
        ),
        ("He now lives at No. 9a with his aunt.", vec![address("9a")]),
        ("We met in June and again in August.", vec![]),
        (
            "The client May 12th review was moved.",
            vec![(FindingKind::ExactDate, "May 12th".to_string())],
        ),
        ("He is at number 3 on the waiting list.", vec![]),
    ];
    for (text, want) in cases {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A word for a kind of place, found in a name before the name was found to be a place
/// ("St Aidans Youth Hub"), is not that name again elsewhere ("Leeds Youth Court"). Not
/// in the corpora.
#[test]
fn a_word_for_a_kind_of_place_is_not_a_name_again() {
    let found = flagged_in(
        "Court: Leeds Youth Court, next month. Referral to St Aidans Youth Hub for housing.",
    );
    assert!(
        !found
            .iter()
            .any(|(_, t)| t == "Youth" || t.contains("Youth Court")),
        "{found:?}"
    );
}

/// A twenty-second corpus, written without sight of the rules, their tests or their
/// history, and committed before it was run: 60 notes by writers new to the corpora (a
/// school counsellor in Derry, dietitians, a family nurse partnership nurse, social
/// prescribers, a district nurse in the Borders, forensic nurses, a personal assistant on
/// direct payments, a prison chaplain, peer support workers, BSL interpreters, veterans'
/// support, an asylum hotel's welfare officer, a perpetrator programme, street outreach,
/// a food bank, CAMHS, night care assistants), 497 identifiers, 172 tricky words. The
/// hold-out of the twenty-first's rules: 462 of 497 (93.0%), 40 findings beyond the
/// identifiers. It missed phone numbers of twelve figures the writer gave ("01685 496
/// 0734": no UK number has twelve), a name in a three-letter short form ("Dec", "Sol",
/// "Daf"), a single initial ("D"), a name that is a surname elsewhere ("Marley") or a
/// word ("Sapphire"), references of letters and figures with no cue ("DAPP-LN-0930",
/// "MF66"), a day and month with no cue ("12/11"), businesses and projects by their kind
/// ("Little Acorns Play Therapy", "the Haven Young Carers Project", "Marlowe Road night
/// shelter"), an address in words ("twelve Sycamore Rise") or by what is near it ("above
/// the vape shop, 88 Kirkgate"), and a unit by a tree's name ("Willow Unit"). Studied in
/// part: 467 of 497 (94.0%) with a landline of twelve figures taken for the number it
/// is, written with a slip; 468 with a place named by its street ("the Marlowe Road
/// night shelter"); 470 with references listed after a plural cue ("Case refs:
/// DAPP-LN-0930, DAPP-LN-0944"); 471 with a day and month after "done" ("done 12/11");
/// 472 with a house's name before its village ("… Farm, Catfield"); 474 with initials
/// alone read as people; 476 with police ranks as titles and first names of Cornwall and
/// the Isle of Man; 477 with the street after a place's comma ("Riverside Inn, Wakefield
/// Road").
/// Words of the twenty-eighth corpus's lists ("Gurkhas"), 2026-12-07: one finding fewer.
#[test]
fn a_twenty_second_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh20.txt",
        (477, 497),
        &[
            "Name \"Victoria\"",
            "Name \"Ronaldo\"",
            "Name \"Kelso\"",
            "Name \"Jethart Callant\"",
            "Name \"Yetholm\"",
            "ExactDate \"11 Nov\"",
            "Name \"Taylor Swift\"",
            "Name \"Bill\"",
            "Name \"Bill\"",
            "Name \"B-I-L-L\"",
            "Name \"Dashain\"",
            "Place \"Croydon\"",
            "Name \"Astra\"",
            "Name \"Nicorette\"",
            "Name \"Sr\"",
            "Name \"Sister\"",
            "Name \"Sat-Sun\"",
            "Name \"Swan Hunter\"",
            "Name \"Dale Farm\"",
            "Name \"Miles\"",
            "Name \"Jim Reeves\"",
            "Name \"Windrush\"",
            "Name \"Kumbaya-ish\"",
            "Name \"Chelsea\"",
            "Name \"Marston\"",
            "ExactDate \"1st January\"",
            "Name \"Gurpurab\"",
            "Name \"Ginsters\"",
            "Name \"Duhigg\"",
            "Name \"Coloplast\"",
            "Name \"Chimamanda Ngozi Adichie\"",
            "Place \"Cardiff Civil Justice Centre\"",
            "Name \"Gibbs-ish\"",
            "Name \"Nutrison\"",
            "Name \"Duluth\"",
            "Name \"Guildhall\"",
            "Name \"Wembley\"",
            "Name \"Calon Lân\"",
        ],
    );
}

/// A landline written with a figure too many ("01597 496 0412" for "01597 496041") is
/// still someone's number; twelve figures in other shapes stay what they were. Not in
/// the corpora.
#[test]
fn a_landline_with_a_figure_too_many_is_a_phone_number() {
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in("Rang the surgery on 01597 496 0412 and left a message."),
        vec![phone("01597 496 0412")]
    );
    assert_eq!(flagged_in("Batch 0123 4567 8901 of the gloves."), vec![]);
}

/// A place named by the street it is on, its kind in lowercase after the street ("the
/// Marlowe Road night shelter"); not a street alone, nor what happens on one. Not in the
/// corpora.
#[test]
fn places_named_by_their_street() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Dropped him at the Gresley Street night shelter after midnight."),
        vec![place("Gresley Street night shelter")]
    );
    assert_eq!(
        flagged_in("She volunteers at Brackley Lane food bank on Tuesdays."),
        vec![place("Brackley Lane food bank")]
    );
    for text in [
        "The High Street bank was shut.",
        "Church Road surgery hours are posted.",
        "We met outside the Station Road library.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// References listed after a plural cue, each of the first one's shape ("Case refs:
/// HX-4410-B, HX-4417-B and HX-4502-C"); what follows in another shape is not one. Not
/// in the corpora.
#[test]
fn references_listed_after_their_cue_are_each_removed() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Case refs: HX-4410-B, HX-4417-B and HX-4502-C, all open."),
        vec![
            record("HX-4410-B"),
            record("HX-4417-B"),
            record("HX-4502-C")
        ]
    );
    assert_eq!(
        flagged_in("Ref: QW-2231, 14 pages, sent."),
        vec![record("QW-2231")]
    );
}

/// An address whose number is written in words, as dictation leaves it; not a count of
/// things on a street named by everyday words. Not in the corpora.
#[test]
fn addresses_with_their_number_in_words() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("visit to missus Okafor comma fourteen Tregarth Close comma all well"),
        vec![
            (FindingKind::Name, "Okafor".to_string()),
            address("fourteen Tregarth Close")
        ]
    );
    assert_eq!(
        flagged_in("He lives at twenty-two Maesgwyn Road with his nan."),
        vec![address("twenty-two Maesgwyn Road")]
    );
    assert_eq!(
        flagged_in("There are two Church Road surgeries now."),
        vec![]
    );
}

/// A twenty-third corpus (`recall-fresh21.txt`, its header names it the twenty-first by
/// its file), written blind like the others from the domain notes and an earlier header:
/// AMHPs, discharge coordinators, a lone domiciliary carer in the Highlands, probation,
/// a Traveller site liaison officer, a hospice chaplain, a perinatal nurse, kinship care,
/// a youth offending worker and others, across the UK and Ireland. Its first figure is a
/// hold-out of the twenty-second corpus's rules: 448 of 514 (87.2%), 22 findings (most
/// of them towns of the Highlands, Shetland, Orkney and Ireland). Missed: Eircodes
/// ("H91 X4T7"), Irish phones ("(091) 900 4412", "087 900 7731") and a PPS number,
/// addresses by what is near them ("the house with the blue door past the kirk"),
/// postcodes and phones spelt out by dictation, names that are words ("Robin", "May",
/// "Amber", "precious" in lowercase), places by their kind ("Glamour Nails", "Cowdenbeath
/// Miners' Welfare", "Stroud Road Approved Premises"). Studied in part: 453 of 514
/// (88.1%) with Eircodes, Ireland's landlines by their area codes and PPS numbers. Then
/// re-marked once: two rooms in care homes, which its policy marked as addresses and the
/// project's leaves unmarked, taken off: 453 of 512 (88.5%). And "Premises" and "Welfare"
/// end a place's name ("Stroud Road Approved Premises"): 454 of 512. And a day and month
/// after "promised" ("start promised 7/3"): 455 of 512. And records' codes of two parts
/// of capitals and four figures ("WCC-KIN-2291", "BHSCT-INT-88120"): 457 of 512. And a
/// ward named by a word taken for a name, after "to", "on" or "at" ("admission to Ward
/// Enlli"): 458 of 512. And a home by its name, its kind in two words after it ("Ard na
/// Gréine Nursing Home") or in lowercase ("Ty Gwyn children's home"): 460 of 512. And
/// "Mount" as a street's word ("44 Bayswater Mount"): 461 of 512. And "hundred" in a
/// phone read out ("… double oh nine hundred five two six"): 462 of 512; the same phone
/// dictated twice, unmarked the first time, then marked: 463 of 513. And a place by its
/// kind before the street it is on: 464 of 513. And a house's name before its village:
/// 465 of 513. And a big town after a place's or a street's comma ("St Catherine's,
/// Newry", "Drumclay Road, Enniskillen"): 467 of 513. And a kind of place at a place
/// found ("the Lidl depot at Melton", "the old schoolhouse at Rosehall"): 469 of 513.
/// A police log by its number before "of" and a day ("log 734 of 15/03/25",
/// 2026-12-07): 470.
/// An ordinal in words before a time of day is no date ("the first night"),
/// 2026-12-07: one finding fewer.
/// First names the list lacked (Janine, Doreen…), 2026-12-07: 471.
#[test]
fn a_twenty_third_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh21.txt",
        (471, 513),
        &[
            "Name \"Daniel O'Donnell\"",
            "Name \"Lairg\"",
            "Name \"Altnaharra\"",
            "Name \"Hanley\"",
            "Name \"Buncrana\"",
            "Name \"Strongbow\"",
            "Name \"Latin\"",
            "Name \"Mears\"",
            "Name \"Frances\"",
            "Name \"Everton\"",
            "Name \"Crossmaglen\"",
            "Name \"Doric\"",
            "Name \"Kirkwall\"",
            "Name \"Helly Aa\"",
            "Name \"Strath\"",
            "Name \"Strath\"",
            "Name \"Lerwick\"",
            "Name \"Lámh\"",
            "Name \"Granthi\"",
            "Name \"Tullamore\"",
            "Name \"Dungloe\"",
        ],
    );
}

/// A place by its kind, or by its name and kind, before the street it is on goes with the
/// street as one place, and a home above it with them; a kind of place alone before a
/// street not found, or a name after "on", is left as it was.
#[test]
fn a_place_by_its_kind_before_its_street_goes_with_it() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("We met at the gurdwara on Soho Road after langar."),
        vec![place("gurdwara on Soho Road")]
    );
    assert_eq!(
        flagged_in("He drinks in the Bacchus bar on Stoney Lane most nights."),
        vec![place("Bacchus bar on Stoney Lane")]
    );
    assert_eq!(
        flagged_in("She works nights at the recycling plant on Dalmarnock Road."),
        vec![place("recycling plant on Dalmarnock Road")]
    );
    assert_eq!(
        flagged_in("He lives in the flat above the chippy on Chester Road now."),
        vec![place("flat above the chippy on Chester Road")]
    );
    // Named with its kind, on a street that nothing else finds.
    assert_eq!(
        flagged_in("Outreach at the Oasis Spa on Grand Parade, then the apps."),
        vec![place("Oasis Spa on Grand Parade")]
    );
    // A kind alone before a town's central street stays, as the street does.
    assert_eq!(flagged_in("Meet me at the bank on High Street."), vec![]);
    // A kind before a word that is no street: nothing.
    assert_eq!(flagged_in("The club on Saturday was quiet."), vec![]);
}

/// A record's number after its cue with a few words between, a name after "for" among
/// them: the number is found when it is long enough to be no count, in one clause.
#[test]
fn a_record_number_a_few_words_after_its_cue_is_found() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Passport for Mihai: 055827316, the only one not taken."),
        vec![
            (FindingKind::Name, "Mihai".to_string()),
            record("055827316")
        ]
    );
    assert_eq!(
        flagged_in("Clinic no for the first guy GUM25-004412 — he asked for it."),
        vec![record("GUM25-004412")]
    );
    assert_eq!(
        flagged_in("UC claim ref she gave me 7731 9925 04 and her mobile."),
        vec![record("7731 9925 04")]
    );
    // A date after the words is a date: "record for 2015-05-12".
    assert_eq!(
        flagged_in("Supervision record for 2015-05-12 with my line manager."),
        vec![(FindingKind::ExactDate, "2015-05-12".to_string())]
    );
    // A count, a short number, or a number in the next clause: none.
    assert_eq!(flagged_in("Ref for the 3 boys is still pending."), vec![]);
    assert_eq!(
        flagged_in("The reference for the 2019 guidance is old."),
        vec![]
    );
    assert_eq!(
        flagged_in("Passport for now. 12345678 steps walked since March."),
        vec![]
    );
}

/// A mobile broken over two lines after a word for a phone is found in both parts; five
/// figures at a line's end with no such word, or a next line that is no rest of a
/// mobile, are not.
#[test]
fn a_mobile_broken_over_two_lines_is_found() {
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in("Mob (new, safe one): 07518\n403 920 (written on his hand)"),
        vec![phone("07518"), phone("403 920")]
    );
    assert_eq!(
        flagged_in("whatsapp 07700\n900123 after 6"),
        vec![phone("07700"), phone("900123")]
    );
    assert_eq!(flagged_in("Total claimed 07518\n403 920 in all"), vec![]);
    assert_eq!(flagged_in("Mob 07518\n40 items"), vec![]);
}

/// A place named by a word of its own before its kind in lowercase is a place; everyday
/// words, a weekday, a national body or a person's name before the kind are not.
#[test]
fn a_place_named_before_its_kind_in_lowercase_is_a_place() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("We met at the Shankill hub after the march."),
        vec![place("Shankill hub")]
    );
    assert_eq!(
        flagged_in("She will not go to the Burmantofts surgery again."),
        vec![place("Burmantofts surgery")]
    );
    assert_eq!(flagged_in("The Deaf club meets on Fridays."), vec![]);
    assert_eq!(flagged_in("See you at the Monday hub."), vec![]);
    assert_eq!(flagged_in("Parcels from the Trussell hub again."), vec![]);
    assert_eq!(
        flagged_in("Coffee with Priya at Priya's cafe."),
        vec![
            (FindingKind::Name, "Priya".to_string()),
            (FindingKind::Name, "Priya".to_string())
        ]
    );
}

/// A farm's, a house's or a croft's name before the village after its comma is an
/// address with it; a first name after the comma is someone. A Glasgow flat's position
/// before its street address goes with it.
#[test]
fn a_house_by_its_name_before_its_village_is_an_address() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("He farmed at Church Farm, Catfield for fifty years."),
        vec![address("Church Farm, Catfield")]
    );
    assert_eq!(
        flagged_in("They live at Low Hows Farm, near Caldbeck, up the track."),
        vec![address("Low Hows Farm, near Caldbeck")]
    );
    assert_eq!(
        flagged_in("Old address: Croft 6, Earlish. Send nothing there."),
        vec![address("Croft 6, Earlish")]
    );
    assert_eq!(
        flagged_in("Visit 2/R, 145 Allison Street, then the school."),
        vec![address("2/R, 145 Allison Street")]
    );
    // Someone after the comma stays someone.
    assert_eq!(
        flagged_in("We sat in the Manor House, Sarah and I."),
        vec![(FindingKind::Name, "Sarah".to_string())]
    );
    assert_eq!(
        flagged_in("Her new place: 0/L, 14 Dixon Avenue."),
        vec![address("0/L, 14 Dixon Avenue")]
    );
    // Another letter after the slash is no side of a landing.
    assert_eq!(
        flagged_in("Plan B/C, 14 Dixon Avenue first."),
        vec![address("14 Dixon Avenue")]
    );
}

/// Someone written by an initial alone is a name, by the words around the letter; a
/// letter that labels, grades or lists is not.
#[test]
fn a_person_by_an_initial_alone_is_a_name() {
    let names = |v: &[&str]| -> Vec<(FindingKind, String)> {
        v.iter()
            .map(|s| (FindingKind::Name, (*s).to_string()))
            .collect()
    };
    assert_eq!(
        flagged_in("First panel meeting with K today."),
        names(&["K"])
    );
    assert_eq!(flagged_in("Case note, family T, housing."), names(&["T"]));
    assert_eq!(flagged_in("Hi K, this is my work phone."), names(&["K"]));
    assert_eq!(
        flagged_in("Modern slavery navigator, first meet, D."),
        names(&["D"])
    );
    assert_eq!(
        flagged_in("Then the statement was read out. K just shut down."),
        names(&["K"])
    );
    assert_eq!(flagged_in("Preparation for D herself."), names(&["D"]));
    // Labels, grades, vitamins, codes, lists and letters joined to more: none.
    for text in [
        "We went to plan B in the end.",
        "She got a grade C in maths.",
        "Low vitamin D again.",
        "Hep C treatment starts Monday.",
        "PACE Code C says I am there.",
        "Options A, B and C were all discussed.",
        "She had a C-section in March.",
        "Stayed at a B&B near the station.",
        "I said no.",
        "Bay E by the window.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// A practice of GPs and a nursery are named by two words at their end; "Group" and
/// "Years" alone end no place.
#[test]
fn a_practice_and_a_nursery_by_two_words_at_their_end_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Registered with Ystwyth Medical Group since the move."),
        vec![place("Ystwyth Medical Group")]
    );
    assert_eq!(
        flagged_in("She starts at Larkspur Early Years in May."),
        vec![place("Larkspur Early Years")]
    );
    assert_eq!(flagged_in("The Hearing Voices Group met again."), vec![]);
    assert_eq!(flagged_in("In the Early Years team we all agreed."), vec![]);
}

/// A police rank before a surname makes it someone, as "Mr" does; first names of
/// Cornwall and the Isle of Man are names.
#[test]
fn police_ranks_and_cornish_and_manx_names_are_names() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Police log opened, DS Cairns has it."),
        vec![name("DS Cairns")]
    );
    assert_eq!(
        flagged_in("Crime report taken, OIC DC Harrow."),
        vec![name("DC Harrow")]
    );
    assert_eq!(
        flagged_in("Co-tutor: Lowenna (peer tutor), and Jory from the club."),
        vec![name("Lowenna"), name("Jory")]
    );
    assert_eq!(
        flagged_in("Voirrey rang from Ramsey."),
        vec![name("Voirrey"), name("Ramsey")]
    );
}

/// Someone named with who they are in brackets after them, and a pet named in brackets
/// after its kind, are names though the word is a city's or an everyday one.
#[test]
fn a_name_with_who_they_are_in_brackets_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Visit today. Milan (dad, working nights) was asleep."),
        vec![name("Milan")]
    );
    assert_eq!(
        flagged_in("She laughed about him and the dog (Bran)."),
        vec![name("Bran")]
    );
    // A possessive in the brackets, or a word for family that is no one's.
    assert_eq!(
        flagged_in("Back to Leeds (mum's home town) for Easter."),
        vec![]
    );
    assert_eq!(flagged_in("We talked about the dog (again)."), vec![]);
}

/// A name found by who they are in brackets is that person again later in the text,
/// where nothing around the word says so.
#[test]
fn a_name_found_by_its_brackets_is_found_again() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Milan (dad, working nights) was asleep. He is the one person Milan trusts."),
        "[PERSON-1] (dad, working nights) was asleep. He is the one person [PERSON-1] trusts."
    );
    // An everyday word found so is not taught: it stays a word elsewhere.
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("She laughed about the dog (Bran). Bran flakes for breakfast after."),
        "She laughed about the dog ([PERSON-1]). Bran flakes for breakfast after."
    );
}

/// A Hebrew name with "bat" or "ben" between its words is one name.
#[test]
fn a_hebrew_name_with_bat_or_ben_is_one_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("She asked for prayers for \"Rivka bat Sarah\", her mother."),
        vec![name("Rivka bat Sarah")]
    );
    assert_eq!(
        flagged_in("The letter was for Moshe ben Avraham at the old address."),
        vec![name("Moshe ben Avraham")]
    );
    // Between two words that are no names, the words stay.
    assert_eq!(
        flagged_in("The cricket bat Sarah lent him broke."),
        vec![name("Sarah")]
    );
}

/// A name sign is the person's name in a sign language: the quoted words given after
/// "name sign", and not the words a sign is described by.
#[test]
fn a_name_sign_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("His name sign is 'moustache-twist', hers is 'curly-hair' (from school)."),
        vec![name("moustache-twist"), name("curly-hair")]
    );
    assert_eq!(
        flagged_in("At the end she name-signed me as ‘ears-flap’, joking."),
        vec![name("ears-flap")]
    );
    assert_eq!(
        flagged_in("Sign name \"wiggle nose\" since the Deaf club."),
        vec![name("wiggle nose")]
    );
    // Described, not given; quoted before the cue; or in another sentence.
    assert_eq!(
        flagged_in("Her name sign is the one for 'smile'; I won't draw it here."),
        vec![]
    );
    assert_eq!(
        flagged_in("We talked about 'respect' and what a name sign means."),
        vec![]
    );
    assert_eq!(
        flagged_in("I asked about her name sign. She said 'later'."),
        vec![]
    );
}

/// A church named for a saint of a place is a place, with the district after its comma
/// when that is a name no list holds.
#[test]
fn a_saint_of_a_place_and_the_district_after_it_are_one_place() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("She goes to the church at St Mary of Zion, Stoke Aldermoor, most weeks."),
        vec![place("St Mary of Zion, Stoke Aldermoor")]
    );
    assert_eq!(
        flagged_in("Mass at St Thomas of Canterbury on Sunday."),
        vec![place("St Thomas of Canterbury")]
    );
    assert_eq!(
        flagged_in("He works at Orwell Logistics, Ransomes Europark, on nights."),
        vec![place("Orwell Logistics, Ransomes Europark")]
    );
    // A first name after the comma is someone, not a district.
    assert_eq!(
        flagged_in("They go to St Bride's, Dominik said, on Sundays."),
        vec![
            place("St Bride's"),
            (FindingKind::Name, "Dominik".to_string())
        ]
    );
}

/// A group chat's hashtag of a first name and an initial or a number is someone.
#[test]
fn a_hashtag_of_a_first_name_and_an_initial_is_someone() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("ta will try. #jordanG #missingfromcare"),
        vec![name("jordanG")]
    );
    assert_eq!(flagged_in("Seen at last #sam99"), vec![name("sam99")]);
    // Words, a year group, a virus.
    assert_eq!(flagged_in("#teamworkA #Year7 #COVID19"), vec![]);
}

/// Streets of the north and of Scotland end in words that are no street alone: after a
/// house number they are one.
#[test]
fn northern_street_words_end_an_address_after_a_number() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("FOUND HIM at 14 Hylton Bank, safe. Then 3 Sandy Brow and 12 Kirk Wynd."),
        vec![
            address("14 Hylton Bank"),
            address("3 Sandy Brow"),
            address("12 Kirk Wynd")
        ]
    );
    // A bank of things, or a bank with no number.
    assert_eq!(
        flagged_in("Gave her 2 Food Bank vouchers and 3 Blood Bank leaflets."),
        vec![]
    );
    assert_eq!(flagged_in("Money from the Royal Bank came."), vec![]);
}

/// A foodbank ends a place's name, with the town before the name.
#[test]
fn a_foodbank_ends_a_name_with_its_town() {
    assert_eq!(
        flagged_in("Busy at Merthyr Cynon Foodbank today."),
        vec![(FindingKind::Place, "Merthyr Cynon Foodbank".to_string())]
    );
    assert_eq!(flagged_in("Foodbank vouchers ran out."), vec![]);
}

/// Hospitals by the shorthand people use: a ward's number on a form, a town's
/// "Children's", and a name's A&E.
#[test]
fn hospitals_by_their_shorthand_are_places() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Ward: F2, Sheffield Children's."),
        vec![place("F2"), place("Sheffield Children's")]
    );
    assert_eq!(
        flagged_in("Noble's A&E on Sunday, then King's A&E."),
        vec![place("Noble's"), place("King's")]
    );
    // A ward's state, a day's, a family's or anyone's A&E, children's services.
    assert_eq!(flagged_in("Ward: busy, short-staffed."), vec![]);
    assert_eq!(
        flagged_in("Saturday's A&E was packed. Mum's A&E trip. Today's A&E wait."),
        vec![]
    );
    assert_eq!(
        flagged_in("We talked about the children's ward and Sheffield Children's Services."),
        vec![]
    );
}

/// Ranks of the forces are titles, "(retd)" may stand between a title and the name, and
/// a title after a title is no name.
#[test]
fn a_retired_rank_before_a_name_is_a_title() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Ask Sgt Maj (retd) Pun at the association. Maj Gurung too."),
        vec![name("Sgt Maj (retd) Pun"), name("Maj Gurung")]
    );
    assert_eq!(
        flagged_in("The Sgt Maj (retd) at the association came."),
        vec![]
    );
    // Every way of writing it: "(ret'd)" and "(retired)" too.
    assert_eq!(
        flagged_in("Ask Capt (ret'd) Gurung at the club."),
        vec![name("Capt (ret'd) Gurung")]
    );
    assert_eq!(
        flagged_in("Ask Cpl (retired) Rai at the club."),
        vec![name("Cpl (retired) Rai")]
    );
}

/// The first line of a rural address, a house's name alone, before the village after its
/// comma: before a postcode, or after a form's label.
#[test]
fn a_house_name_before_its_village_is_an_address() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        flagged_in("Mr Corlett. Ballacregga, Ballaugh Curraghs, IM7 5EA. Alone."),
        vec![
            (FindingKind::Name, "Mr Corlett".to_string()),
            address("Ballacregga, Ballaugh Curraghs"),
            (FindingKind::Postcode, "IM7 5EA".to_string())
        ]
    );
    assert_eq!(
        flagged_in("Farm: Blaen-cwm, Ponterwyd, grid ref awful."),
        vec![address("Blaen-cwm, Ponterwyd")]
    );
    // An everyday word opening the sentence is no house.
    assert_eq!(
        flagged_in("Thanks, Ballaugh Curraghs, IM7 5EA."),
        vec![
            (FindingKind::Name, "Ballaugh Curraghs".to_string()),
            (FindingKind::Postcode, "IM7 5EA".to_string())
        ]
    );
}

/// A month's short name before a surname found is a first name, with no day before it.
#[test]
fn a_month_before_a_surname_is_a_first_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Scheme worker Jan Pryce rang."),
        vec![name("Jan Pryce")]
    );
    assert_eq!(
        flagged_in("On 14 Jan Pryce rang."),
        vec![
            (FindingKind::ExactDate, "14 Jan".to_string()),
            name("Pryce")
        ]
    );
    // With who they are by where they are from: "with Jan from the scheme".
    for (text, want) in [
        ("The review is with Jan from the scheme.", vec![name("Jan")]),
        (
            "Went through it with June from housing.",
            vec![name("June")],
        ),
        ("Compared with June from last year it is quieter.", vec![]),
        ("We start with May from 9 onwards.", vec![]),
        ("Figures with Jan from March are in.", vec![]),
        ("Sat with Jan and the kids.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// "Bill" is a first name where what follows says it is someone.
#[test]
fn bill_is_someone_where_what_follows_says_so() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Who: Bill's nephew. Impact: Edna trapped if there's a fire. Bill can't get the key down."
        ),
        // (Edna is a listed name since 2026-12-07.)
        vec![name("Bill"), name("Edna"), name("Bill")]
    );
    assert_eq!(
        flagged_in("The bill can't be paid this month. Bill's total was high."),
        vec![]
    );
}

/// A Jewish school or hall by its "house of", on its street, is one place.
#[test]
fn a_house_of_in_yiddish_or_hebrew_opens_a_place() {
    assert_eq!(
        flagged_in("The kids go to Beis Rochel on Lordship Road (girls)."),
        vec![(
            FindingKind::Place,
            "Beis Rochel on Lordship Road".to_string()
        )]
    );
}

/// A shop named by a first name with a sign's "s", before its kind in lowercase.
#[test]
fn a_shop_named_by_a_first_name_is_a_place() {
    assert_eq!(
        flagged_in("Welsh cakes from Pennys bakery. Bread from Buns bakery."),
        vec![(FindingKind::Place, "Pennys bakery".to_string())]
    );
}

/// A home named by a word no list holds, used to say which one ("the Thurne View
/// decision"), is a place.
#[test]
fn a_home_named_before_a_noun_is_a_place() {
    assert_eq!(
        flagged_in(
            "Challenge the Thurne View decision? Not the Big House plan, nor the Green Park idea."
        ),
        vec![(FindingKind::Place, "Thurne View".to_string())]
    );
}

/// A big town or the street after a place's or an address's comma, ending the clause,
/// is part of it.
#[test]
fn a_town_or_a_street_after_a_place_is_part_of_it() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("In the parish hall at St Catherine's, Newry (neutral, parking)."),
        vec![place("St Catherine's, Newry")]
    );
    assert_eq!(
        flagged_in("Fall at Drumclay Road, Enniskillen, on the ice."),
        vec![(
            FindingKind::Address,
            "Drumclay Road, Enniskillen".to_string()
        )]
    );
    assert_eq!(
        flagged_in("Drinks at the Riverside Inn, Wakefield Road."),
        vec![place("Riverside Inn, Wakefield Road")]
    );
    // Not a town that goes on into the sentence, nor a day.
    assert_eq!(
        flagged_in("Mass at St Catherine's, Newry is far for her."),
        vec![place("St Catherine's")]
    );
    assert_eq!(
        flagged_in("Mass at St Catherine's, Tuesday."),
        vec![place("St Catherine's")]
    );
}

/// A place of work or a building named by its kind and the place it is at, found as a
/// name, is one place.
#[test]
fn a_kind_of_place_at_a_place_found_is_one_place() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("He picked up nights at the Lidl depot at Melton last month."),
        vec![place("Lidl depot at Melton")]
    );
    assert_eq!(
        flagged_in("Dad works nights at the recycling plant in Polmadie, so sleeps days."),
        vec![place("recycling plant in Polmadie")]
    );
    // Someone's, a big town, or no "the" before the kind.
    assert_eq!(
        flagged_in("She waited at the depot in Sarah's car."),
        vec![(FindingKind::Name, "Sarah".to_string())]
    );
    assert_eq!(flagged_in("He works at the factory in Leeds."), vec![]);
    assert_eq!(
        flagged_in("Depots at Polmadie were shut."),
        vec![(FindingKind::Name, "Polmadie".to_string())]
    );
}

/// A mobile in groups of any size, as read out or written in twos, and one typed with a
/// letter O for a zero; not a year and counts, nor an "O" in a word. None of these notes
/// is in the corpora.
#[test]
fn mobiles_in_odd_groups_and_with_a_letter_o() {
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    for (text, want) in [
        (
            "Mobile 07700 90 04 12, she writes it in twos.",
            vec![phone("07700 90 04 12")],
        ),
        (
            "Ring 07700 900 7 14 after six.",
            vec![phone("07700 900 7 14")],
        ),
        (
            "He said 077 009 003 16 twice.",
            vec![phone("077 009 003 16")],
        ),
        ("His is 07700 900 3 0 7.", vec![phone("07700 900 3 0 7")]),
        (
            "Mobile 07700 9OO 871 (an O, not a zero).",
            vec![phone("07700 9OO 871")],
        ),
        ("Ring O7700 900123 now.", vec![phone("O7700 900123")]),
        ("In 2024 07700 cases 12 3 were closed.", vec![]),
        ("KO 12 and ROOM 4 and 10 OO5.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A night written as its two days, a date in the American order where it can only be
/// that, "may" in lowercase between "of" and a year, and a weekday before a month-first
/// date; not a score, pages, a fraction or two measures. None of these notes is in the
/// corpora.
#[test]
fn nights_american_dates_and_a_lowercase_may() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    for (text, want) in [
        ("SBAR, the night of 14/15 March.", vec![date("14/15 March")]),
        (
            "Outreach log, 19-20/03/25, city centre.",
            vec![date("19-20/03/25")],
        ),
        ("Shift of 31/1 Feb was quiet.", vec![date("31/1 Feb")]),
        ("Admitted on 03/13/2025 via ED.", vec![date("03/13/2025")]),
        (
            "Sent Friday, April 4, 2025 at 10:14.",
            vec![date("Friday, April 4, 2025")],
        ),
        (
            "Seen on the 5th of may 1979 first.",
            vec![date("5th of may 1979")],
        ),
        ("Score 3-4 in the game; pages 12/13 of the report.", vec![]),
        ("It was 2/3 of them. Ages 15-16.3 and 30/31.5.", vec![]),
        ("We may 5 of them may 2020.", vec![]),
        ("Dose 12/13 mg, then 03/13 of the pack.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// Mid-sentence or after a role's label, a capitalised everyday word before a lone
/// surname caught is the first name ("Carer: Memory Moyo"); not a title, a day, a place's
/// opening word, a plural, or a word the text writes in lowercase too. None of these
/// notes is in the corpora.
#[test]
fn an_everyday_word_before_a_caught_surname_is_its_first_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    for (text, want) in [
        (
            "Carer: Talent Ncube, from the agency.",
            vec![name("Talent Ncube")],
        ),
        (
            "The new carer is Memory Moyo from the agency.",
            vec![name("Memory Moyo")],
        ),
        (
            "We met with Precious Dube and her son.",
            vec![name("Precious Dube")],
        ),
        ("It was Sunday Adeyemi who rang.", vec![name("Adeyemi")]),
        ("He moved to Ward Enlli on the ward round.", vec![]),
        (
            "I have a memory of Memory Moyo singing.",
            vec![name("Moyo")],
        ),
    ] {
        let got: Vec<_> = flagged_in(text)
            .into_iter()
            .filter(|(k, _)| *k == FindingKind::Name)
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

/// The twenty-fifth corpus (`recall-fresh23.txt`), written without sight of the rules and
/// committed before it was run: 428 of 531 as a hold-out (80.6%), 57 findings beyond the
/// identifiers (towns and villages by design, theorists, a language, a title in Patois,
/// words of Tagalog and Vietnamese). A mobile in odd groups or with a letter O for a
/// zero, a night written as its two days, a date in the American order, "may" in
/// lowercase before a year, a weekday before a month-first date, and an everyday word
/// before a caught surname after a role's label: 442 of 531 (83.2%), no finding added.
/// The personal numbers of more countries after their cue ("asmens kodas", "NIC",
/// "EGN", "TAJ", "tazkira"), a registrant's PIN, any run of eleven to thirteen figures
/// alone, and an NI number with dots: 446 (84.0%), and "NIC" before its number is no
/// longer flagged as a name (56 findings). A kind of place on a street found as a
/// name ("the smokehouse on Gorton St"), a kind in lowercase after a capitalised word on
/// a street not found ("the Portuguese café on King Street"), kinds of two words after a
/// name ("Glodwick community rooms"), a name found before a kind that is no one's first
/// name ("Hollinwood surgery"), "smokehouse", "car wash" and "cemevi": 454 (85.5%), the
/// findings as many ("the Great Yarmouth hub" now a place). A chat's speakers between a
/// bracketed time and a colon, and a Slack export's bold name before its time, whatever
/// their case ("[10:02] t.ahmed:", "**sarahjp** 9:46 AM"): 461 (86.8%). Names in
/// capitals opening a handover's lines ("AZAD (16, …", "JAYDEN-LEE — …") and a surname's
/// initial after a name in capitals ("MAHMOUD H"): 465 (87.6%). A surname in lowercase
/// after a title in lowercase ("mrs bowen"), a nickname of a repeated syllable
/// ("Jun-Jun"), initials run into a "Mc" ("BMcK") and the Cantonese "Ah" before a name
/// ("Ah Keung"): 469 (88.3%). The parts of a home around its address (a floor and side
/// before it, a flat's letter, a compass word of the street, the flat after its comma) and
/// a PO box: 472 (88.9%). A hospital by its initials before a department ("SGH ED"), a
/// site before its pitch ("Redmoor Lane site, pitch 11"): 474 (89.3%); and "Reg" before a
/// number ("the Reg 44 visitor") no longer flagged (54 findings). A phone's extension in
/// brackets ("(ext 4)"): 475 (89.5%). A name met before inside a word joined by hyphens
/// ("post-Seun", "the Seun-versus-the-ward night"): 479 (90.2%). A date in the
/// Hungarian order ("2025. április 2."), a Welsh ordinal before "o" and its softened
/// month ("11eg o Fawrth"), and "of the 15th" before what follows a day: 482 (90.8%).
/// "Atkins & Murphy", the model, no longer flagged (52 findings).
/// Places and names learnt from the twenty-eighth corpus, 2026-12-07: 483. A court named
/// by its town ("Dumfries Sheriff Court") no longer flagged, 2026-12-07.
/// A chain's branch by its street, 2026-12-07: 484.
#[test]
fn a_twenty_fifth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh23.txt",
        (484, 531),
        &[
            "Name \"Goffman\"",
            "Name \"Cleethorpes\"",
            "Name \"Thamesmead\"",
            "Name \"Onyame\"",
            "Name \"Klass\"",
            "Name \"Translink\"",
            "Name \"Felinfoel\"",
            "Name \"Medequip\"",
            "Name \"Millbrook\"",
            "Name \"Millbrook\"",
            "Name \"Tervalon\"",
            "Name \"Ferguson\"",
            "Name \"Steketee\"",
            "Place \"Great Yarmouth hub\"",
            "Name \"Marlatt\"",
            "Name \"Alexandra Park\"",
            "Name \"Setterday\"",
            "Name \"Girvan\"",
            "Name \"Lewis\"",
            "Name \"Alateen\"",
            "Name \"St Leonards\"",
            "Name \"anh\"",
            "Name \"Massey Ferguson\"",
            "Name \"Ballyrashane\"",
            "Name \"Óg\"",
            "Name \"Bargate\"",
            "Name \"Hoglands Park\"",
            "Name \"Maas\"",
            "Name \"Shona\"",
            "Place \"Liverpool\"",
            "Name \"Chester\"",
            "Name \"lola\"",
            "Name \"lola\"",
            "Name \"lola\"",
            "Name \"Knaresborough\"",
            "Name \"Addenbrooke\"",
            "Name \"Nielsen\"",
            "Name \"Tuen Ng\"",
            "Name \"Cliftonville\"",
            "Name \"Marta\"",
            "ExactDate \"1 March\"",
            "Name \"Edmonton\"",
            "Name \"Twigg\"",
            "Name \"Atkin\"",
            "Name \"Walney\"",
            "Name \"Kendal\"",
            "Name \"Walney\"",
            "Name \"CalMac\"",
            "Name \"S\"",
            "Name \"Burao\"",
            "Name \"Caerlaverock\"",
        ],
    );
}

/// The personal numbers of more countries after their cue, a registrant's PIN, a run of
/// eleven to thirteen figures alone, and an NI number written with dots; the cue is no
/// one's initials. Not a phone, an order's longer number, or a card's PIN of four
/// figures. None of these notes is in the corpora.
#[test]
fn personal_numbers_of_other_countries_and_dotted_ni_numbers() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    for (text, want) in [
        (
            "Asmens kodas 38705121234 on the warrant.",
            vec![record("38705121234")],
        ),
        (
            "Her NIC 199012345678 was on the form.",
            vec![record("199012345678")],
        ),
        (
            "NIC: 199012345678 on the form.",
            vec![record("199012345678")],
        ),
        (
            "Tazkira 1399-0101-12345, seen.",
            vec![record("1399-0101-12345")],
        ),
        ("NMC PIN 12A3456E, renewal due.", vec![record("12A3456E")]),
        (
            "Number on the letter: 38705121234.",
            vec![record("38705121234")],
        ),
        (
            "His NI: AB.12.34.56.C, written with dots.",
            vec![(FindingKind::NiNumber, "AB.12.34.56.C".to_string())],
        ),
        (
            "Her son rang on 447700900654.",
            vec![(FindingKind::Phone, "447700900654".to_string())],
        ),
        ("Order 448812345678901 shipped.", vec![]),
        ("Changed my PIN 4421 at the bank.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
    // Redacted again, the cue before its placeholder is still no one.
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Her NIC 199012345678 was on the form."),
        "Her NIC [ID-NUMBER-1] was on the form."
    );
}

/// A kind of place on a street found as a name, a kind in lowercase after a capitalised
/// word on a street not found, kinds of two words after a name of their own, and a word
/// found as a name before a kind that is no one's first name; not someone's café, a big
/// town's centre, "the Monday hub" or "the bank on High Street". None of these notes is
/// in the corpora.
#[test]
fn places_by_their_kind_on_streets_and_after_names() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    for (text, want) in [
        (
            "He works nights at the smokehouse on Bexley St now.",
            vec![place("smokehouse on Bexley St")],
        ),
        (
            "She came from the Polish deli on King Street with him.",
            vec![place("Polish deli on King Street")],
        ),
        (
            "Next visit at the Thornbury children's centre, booked.",
            vec![place("Thornbury children's centre")],
        ),
        (
            "A circle at the Brackwell community rooms on Thursdays.",
            vec![place("Brackwell community rooms")],
        ),
        (
            "Referral from Fernleigh surgery this morning.",
            vec![place("Fernleigh surgery")],
        ),
        (
            "He washes cars at the car wash on Tollgate Road, cash in hand.",
            vec![place("car wash on Tollgate Road")],
        ),
        (
            "We went to Sarah's cafe, then the Monday hub.",
            vec![(FindingKind::Name, "Sarah".to_string())],
        ),
        (
            "Then Leeds city centre and the bank on High Street.",
            vec![],
        ),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A chat's speakers pasted from Teams or Slack, whatever their case: between a bracketed
/// time and a colon, or in bold before a Slack export's time; not "Me", a role or a
/// bracketed word that is no time. None of these notes is in the corpora.
#[test]
fn chat_speakers_whatever_their_case() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let text = "[09:14] r.okafor: can anyone take the referral\n\
                [09:15] Me: yes, send it over\n\
                [09:16] Tenant: thanks\n\
                **deemcb** 9:46 AM\n\
                [Note] see: the policy";
    assert_eq!(flagged_in(text), vec![name("r.okafor"), name("deemcb")]);
}

/// Names in capitals opening the lines of a handover before an age or a dash, two such
/// lines or a first name known; and a surname's initial after a name in capitals. Not a
/// heading or an acronym alone, nor a word of a list. None of these notes is in the
/// corpora.
#[test]
fn names_in_capitals_opening_lines_and_their_initials() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "Handover\nDARIUSZ (15, new in) — settled.\nKOFI-JAMES — kicked off at tea.\nNOTE — fire door."
        ),
        vec![name("DARIUSZ"), name("KOFI-JAMES")]
    );
    assert_eq!(
        flagged_in("SBAR — see below.\nURGENT (2) calls to return."),
        vec![]
    );
    assert_eq!(
        flagged_in("Subject: \"MHA – KHALID R – urgent\""),
        vec![name("KHALID R")]
    );
    assert_eq!(flagged_in("Met Sarah B later."), vec![name("Sarah")]);
}

/// Names as dictated or typed fast: a surname in lowercase after a title in lowercase, a
/// nickname of a repeated syllable, initials run into a "Mc", and "Ah" before a name; not
/// a word after a title, "Bye-Bye", a "Mc" word alone, or "Ah" as a sigh. None of these
/// notes is in the corpora.
#[test]
fn names_dictated_or_typed_fast() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    for (text, want) in [
        ("first call mrs bowen at the bungalow", vec![name("bowen")]),
        (
            "agency staff: Ging-Ging and me on nights",
            vec![name("Ging-Ging")],
        ),
        (
            "a support worker (\"JMcC\" on the rota)",
            vec![name("JMcC")],
        ),
        (
            "his wife calls him \"Ah Ming\" at home",
            vec![name("Ah Ming")],
        ),
        ("she is waiting for mr right, she says", vec![]),
        (
            "dr okonkwo rang back about the bloods",
            vec![name("dr okonkwo")],
        ),
        // A note's shorthand after a title is no name.
        ("dr appt tomorrow at 10, dr cert sent", vec![]),
        ("Dr gp letter came, mr txt back asap", vec![]),
        ("we waved Bye-Bye at the door", vec![]),
        ("a McFlurry after, as promised", vec![]),
        ("Ah, that was the point of it.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// The parts of a home written around its address go with it: a floor and side before
/// it, a flat's letter, a compass word of the street's name after it, the flat after its
/// comma; and a PO box. Not "flat-pack", nor a compass word after a street that is no
/// address. None of these notes is in the corpora.
#[test]
fn the_parts_of_a_home_around_its_address() {
    let address = |s: &str| (FindingKind::Address, s.to_string());
    for (text, want) in [
        (
            "She lives at 2nd floor front, 8 Mill Lane now.",
            vec![address("2nd floor front, 8 Mill Lane")],
        ),
        (
            "a room at flat c 17 tanner street north for now",
            vec![address("flat c 17 tanner street north")],
        ),
        (
            "Moved to 40 Bury Rd West last week.",
            vec![address("40 Bury Rd West")],
        ),
        (
            "Moved to 40 Bury Road, flat 3B, last week.",
            vec![address("40 Bury Road, flat 3B")],
        ),
        (
            "Post goes c/o PO Box 2231 only.",
            vec![address("PO Box 2231")],
        ),
        (
            "At 40 Bury Road, flat-pack furniture everywhere.",
            vec![address("40 Bury Road")],
        ),
        ("We drove up the Mill Lane North way.", vec![]),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A hospital by its initials before one of its departments, a site before its pitch,
/// and a law's part cut short before its number is no one. Not "MRI ED", nor "Reg" who
/// said something. None of these notes is in the corpora.
#[test]
fn hospital_initials_sites_by_their_pitch_and_legal_references() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    for (text, want) in [
        ("999 called; NGH ED, then home.", vec![place("NGH ED")]),
        ("Straight to RVI A&E with him.", vec![place("RVI A&E")]),
        ("MRI ED slot booked.", vec![]),
        (
            "Mrs Ward (Holly Lane site, pitch 4) rang.",
            vec![
                (FindingKind::Name, "Mrs Ward".to_string()),
                place("Holly Lane site"),
                (FindingKind::Address, "pitch 4".to_string()),
            ],
        ),
        (
            "The Reg 44 visitor came; Art 8 applies; Sec 117 aftercare.",
            vec![],
        ),
        (
            "Reg said he would come.",
            vec![(FindingKind::Name, "Reg".to_string())],
        ),
    ] {
        assert_eq!(flagged_in(text), want, "{text}");
    }
}

/// A phone's extension in brackets goes with it; other words in brackets after a phone do
/// not. None of these notes is in the corpora.
#[test]
fn a_phone_extension_in_brackets() {
    let phone = |s: &str| vec![(FindingKind::Phone, s.to_string())];
    assert_eq!(
        flagged_in("Ring 01632 960 118 (ext 4)."),
        phone("01632 960 118 (ext 4)")
    );
    assert_eq!(
        flagged_in("Ring 01632 960118 (x214) now"),
        phone("01632 960118 (x214)")
    );
    assert_eq!(
        flagged_in("Ring 01632 960118 (Ext. 21)"),
        phone("01632 960118 (Ext. 21)")
    );
    assert_eq!(
        flagged_in("Ring 01632 960118 (see above)"),
        phone("01632 960118")
    );
}

/// A name met before in the export is found again inside a word joined by hyphens, and
/// only the name goes; a joined word of no known name stays. None of these notes is in
/// the corpora.
#[test]
fn a_known_name_inside_a_word_joined_by_hyphens() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Seen: Tendai Mupfumira, 15."),
        "Seen: [PERSON-1], 15."
    );
    assert_eq!(
        r.redact("The pre-Tendai plan, the Tendai-and-mum meeting, a follow-up."),
        "The pre-[PERSON-1] plan, the [PERSON-1]-and-mum meeting, a follow-up."
    );
}

/// The twenty-sixth corpus (`recall-fresh24.txt`), written without sight of the rules and
/// committed before it was run: 451 of 557 as a hold-out (81.0%), 71 findings beyond the
/// identifiers, on the rules of 54850eb. Studied the same day: dictated postcodes and
/// addresses all in lowercase, figures of other scripts, a date of the Persian calendar,
/// streets of the Channel Islands, names spelt in spaced capitals, a name in an email
/// address that says nothing of the word, a two-figure year that is an hour, shifts and
/// a loose weekday before a day, and the names of the older generations: 473 (84.9%);
/// theorists, peoples, a script, a model by its authors, a few cities and islands too big
/// to identify anyone: 37 findings; a chat's speakers on lines of their own, names given
/// by what someone is called ("English name Cherry", "nickname Dod"), a name before its
/// full name in brackets, a word of another language after a title ("Pak Agus"), months
/// of French, Portuguese, Spanish and Indonesian, days in words as dictated, a CPF, a
/// phone with its area code in brackets, a share code and a reference read out after its
/// prefix: 492 (88.3%).
/// A hospital by its initials alone (2026-12-07): 497. The identity documents of more
/// countries after their cue ("dowód osobisty CAX 418206") and the name under a sign-off
/// ("… Ta, Jan"): 499 (89.6%), the findings as many. Names beside a word of family in a
/// note dictated in lowercase (2026-12-07, from the twenty-seventh's study): 501 (89.9%).
/// Chat speakers and places over small words learnt from the twenty-eighth corpus,
/// 2026-12-07: 502.
/// "University Hospital" and the place after it; a name in Gurmukhi after "signs",
/// 2026-12-07: 504. A ship by its prefix, 2026-12-07: 505.
#[test]
fn a_twenty_sixth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh24.txt",
        (505, 557),
        &[
            "Name \"Blyth\"",
            "Name \"Wemyss Bay\"",
            "Name \"Bannatyne\"",
            "Name \"Rothesay\"",
            "Name \"Alum Chine\"",
            "Name \"Peros Banhos\"",
            "Name \"Laura Jeffery\"",
            "Name \"Diego Garcia\"",
            "Name \"Salomon\"",
            "Name \"louis\"",
            "Name \"amrit\"",
            "Name \"Kaur\"",
            "Name \"Kaur\"",
            "Name \"Kaur\"",
            "Name \"Bharuch\"",
            "Name \"Żubrówka\"",
            "Name \"Victoria\"",
            "Name \"Caen Hill\"",
            "Name \"Devizes\"",
            "Name \"Caen Hill\"",
            "Name \"Bathampton\"",
            "Name \"Marina\"",
            "Name \"Tegal\"",
            "Name \"Brixham\"",
            "Name \"Brixham\"",
            "Name \"Torteval\"",
            "Name \"Alderney\"",
            "ExactDate \"9 May\"",
            "Name \"Sark\"",
            "Name \"Sark\"",
            "Name \"Sark\"",
            "Name \"Sark\"",
            "Name \"Stonehaven\"",
            "Place \"Bridgend College\"",
            "Name \"St Giles\"",
            "Place \"Maudsley Centre\"",
        ],
    );
}

/// The twenty-seventh corpus (`recall-fresh25.txt`), written without sight of the rules
/// and committed before it was run: 451 of 557 as a hold-out (81.0%), 59 findings beyond
/// the identifiers, on the rules of a14630f. Studied the same day: dates of the Greek,
/// Korean and Japanese-era forms, of the Islamic calendar and with weekdays of other
/// languages, and capitals and figures run together as a reference: 465 (83.5%); a
/// table's columns by their heading: 474; codes in parts, a South Korean resident
/// number, an identity number in thousands with stops, a police log before "of" and a
/// day, an identity card's figures in groups, a number after "number" opening a clause:
/// 483 (86.7%); initials of those present at a meeting, a particle of descent after a
/// name, initials with stops, a surname in capitals before a comma, a name in a script
/// without capitals in brackets after the name: 498 (89.4%); words of Fijian, Kyrgyz,
/// Korean, Thai and Albanian, places abroad, theorists, brands and a medicine: 26
/// findings. A name also written in lowercase as a word, before an age or once found so
/// ("Merveille (9)" beside "une merveille"), a first name before a surname found after a
/// form's label ("Who: Merry Atkinson"), a house named by everyday words set apart or in
/// brackets ("(Brook House)"), a place by its name and a kind in lowercase ("Kestrel
/// wing", "Doncaster depot", "St Botolph's church hall"), and flats and caravans as homes
/// in sheltered housing and on a field of caravans: 510 (91.6%). Names and numbers in a
/// note dictated in lowercase ("mrs carmen sacramento", "the daughter yolanda", a phone
/// read out after "plus", an ID card's number read out after its cue): 512 (91.9%). The
/// line of an address before its postcode, whatever words it is made of ("Hell Bay
/// View", "High Gill Farm", "2 Ferndale Cottages"), written before the twenty-eighth
/// corpus was read: 515 (92.5%). A family case's name ("Re M (a child)"): 516. A typed
/// note's shorthand after a title ("Dr physio") no longer a name, 2026-12-07.
/// Dates in another script's figures, 2026-12-07: 517.
#[test]
fn a_twenty_seventh_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh25.txt",
        (517, 557),
        &[
            "Name \"Justice\"",
            "Name \"Retford\"",
            "Name \"Angela\"",
            "Name \"Bulford\"",
            "ExactDate \"25 March\"",
            "Name \"New Malden\"",
            "Name \"han\"",
            "Name \"Herman\"",
            "Name \"Leyburn\"",
            "Postcode \"GX11 1AA\"",
            "Name \"Bryher\"",
            "Place \"St Mary's\"",
            "Name \"St Agnes\"",
            "Name \"Tresco\"",
            "Name \"St Agnes\"",
            "Place \"St Mary's\"",
            "Name \"St Agnes\"",
            "Name \"Bryher\"",
            "Name \"C.C\"",
            "Name \"Pereira\"",
            "Name \"Bobath\"",
            "Name \"Whitby\"",
            "Name \"Raheem Sterling\"",
            "Name \"Bluetits\"",
            "Name \"Gatehouse\"",
        ],
    );
}

/// The twenty-eighth corpus (`recall-fresh26.txt`), written without sight of the rules
/// and committed before it was run: 522 of 599 as a hold-out (87.1%), 75 findings beyond
/// the identifiers, on the rules of 2f5dec4. Studied the same day: places abroad, famous
/// people, theorists, medicines, services and words of Cantonese, Hebrew, Nepali,
/// Tamazight and Krio: 19 findings. Dates of the Hebrew, Bikram Sambat and Chinese lunar
/// calendars and Georgian months: 529 (88.3%). Names in scripts without capitals where
/// they stand as names, surnames in capitals inside East Asian names, Jyutping, Hong Kong
/// surnames in the lists, a bank account and its sort code, a check character in
/// brackets and a citizen card's twelve figures opening with 0: 547 (91.3%). A ward named
/// by everyday words, a campus after a name found, a hospital's two words before
/// "General", a university by its place, a month's name once someone's wherever it is
/// not a month: 554 (92.5%). A place's name over a small word ("Isle of Jura
/// Distillery"), chat speakers with words of address, with the time at the line's end
/// and before a Slack message, initials that own something ("N.B.'s"), names listed
/// under "Children:": 565 (94.3%). A chat's speakers and a listed child learnt as names
/// for the rest of the note, and the hour of a time after a phone left out of it: 570
/// (95.2%). A plate of any shape after a word of a vehicle ("J 48271"), 2026-12-07: 575.
/// First names the list lacked (Janine, Doreen…), 2026-12-07: 576.
#[test]
fn a_twenty_eighth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh26.txt",
        (576, 599),
        &[
            "Name \"Karen\"",
            "Name \"DP\"",
            "Address \"Bury New Road\"",
            "Name \"Islay\"",
            "Name \"Ellen\"",
            "Name \"Jura\"",
            "Name \"Jura\"",
            "Name \"Bowmore\"",
            "Name \"Jura\"",
            "Name \"Jura\"",
            "Name \"Georgia\"",
            "Name \"Bo\"",
            "Name \"Ebola-era\"",
            "Place \"market on Golborne Road\"",
            "Name \"Grenfell\"",
            "Name \"Fishbourne\"",
            "Name \"Begum\"",
            "Name \"Ravenscraig\"",
            "Place \"Morrisons café\"",
        ],
    );
}

/// A court of law named by the town it sits for is no one's place ("Wolverhampton Youth
/// Court", "Leeds Magistrates Court"); a block of flats named "Court" is, and so is a
/// court named by a word no list of places holds. An acronym joined to an everyday word
/// ("CCLG-trained") is no name. A phrase of the built-in list is no place either for the
/// rules that find places ("the Stormont House legacy summary"). None of these notes is
/// in the corpora.
#[test]
fn courts_by_their_towns_acronym_compounds_and_public_phrases_are_no_one() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in(
            "First appearance at Wolverhampton Youth Court, then Leeds Magistrates Court. \
             The CCLG-trained nurse read the Stormont House summary."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("She moved to Peak Court on Monday. Hearing at Hollins Youth Court."),
        vec![place("Peak Court"), place("Hollins Youth Court")]
    );
}

/// Dates of calendars whose months no Gregorian month matches: Bengali, Tamil and
/// Ethiopian in their scripts (a day and month alone too, a birthday kept by them), the
/// Afghan and Iranian solar calendar's months as English spells them, only between a day
/// and a year of its era; and Ukrainian, Russian and Bulgarian months with a weekday.
/// Not a month's word alone, nor "Asad" or "Mehr" as a name. None of these notes is in
/// the corpora.
#[test]
fn dates_of_the_bengali_tamil_ethiopian_afghan_and_cyrillic_calendars() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("Her mother died on ২ শ্রাবণ ১৪২৯, the family said."),
        vec![date("২ শ্রাবণ ১৪২৯")]
    );
    assert_eq!(
        flagged_in("He keeps his birthday on தை 4 each year."),
        vec![(FindingKind::BirthDate, "birthday on தை 4".to_string())]
    );
    assert_eq!(
        flagged_in("The baptism was 7 ጥቅምት 2016 at the church."),
        vec![date("7 ጥቅምት 2016")]
    );
    assert_eq!(
        flagged_in("His card gives 3 Mizan 1385 and the visa another."),
        vec![date("3 Mizan 1385")]
    );
    assert_eq!(
        flagged_in("Лист: вівторок, 4 лютого 2025 р. and 9 августа 2024 and 3 март 2025 г."),
        vec![
            date("вівторок, 4 лютого 2025"),
            date("9 августа 2024"),
            date("3 март 2025")
        ]
    );
    assert_eq!(
        flagged_in("Mehr was the interpreter. Tir 5 apples, 1392 of them."),
        vec![(FindingKind::Name, "Mehr".to_string())]
    );
}

/// A name in a script without capitals after "as" or a dash, in a clause that says
/// someone wrote or signed their name ("signed her name on the form as ...", "wrote his
/// name for the door – ... –"); not after "as" in another clause. A mobile abroad with
/// one figure after its country code ("+31 6 5521 0093"), France's in pairs ("+33 7 81
/// 22 40 19"), an extension written in full, a grid reference with "grid" after it. None
/// of these notes is in the corpora.
#[test]
fn names_given_as_phones_abroad_extensions_and_grid_references_before_grid() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    let phone = |s: &str| (FindingKind::Phone, s.to_string());
    assert_eq!(
        flagged_in("She signed her name on the form as ফাতেমা খাতুন and smiled."),
        vec![name("ফাতেমা খাতুন")]
    );
    assert_eq!(
        flagged_in("He wrote his name for the door – ዮሐንስ ተስፋዬ – in red."),
        vec![name("ዮሐንስ ተስፋዬ")]
    );
    assert_eq!(flagged_in("We said thank you as ধন্যবাদ and left."), vec![]);
    assert_eq!(
        flagged_in("Her cousin: +31 6 5521 0093, or +33 7 81 22 40 19 in France."),
        vec![phone("+31 6 5521 0093"), phone("+33 7 81 22 40 19")]
    );
    assert_eq!(
        flagged_in("Ward: 0161 496 0732 extension 2211, ask for the nurse."),
        vec![phone("0161 496 0732 extension 2211")]
    );
    assert_eq!(
        flagged_in("The crew found them at SD 612 448 (grid ref from the caller)."),
        vec![(FindingKind::Address, "SD 612 448".to_string())]
    );
    assert_eq!(
        flagged_in("Scores 1 2 3 4 5 6 7 and +5 3 4; the SD 612 448 codes."),
        vec![]
    );
}

/// Initials in a table's column of who does what, one or a list ("| HI, LMcN |"), not
/// a role ("| GP |"); an Irish surname's initial after its "O'" in an attendance line
/// ("TO'D"); a name that is also a word before "works" once it is someone's here
/// ("Comfort Asante ... Comfort works nights"); one capital after "Sister". None of
/// these notes is in the corpora.
#[test]
fn initials_in_a_who_column_and_names_that_are_words_at_work() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "| action | who |\n| book the room | JT |\n| ring the school | JT, SMcG |\n\
             | chase the letter | GP |"
        ),
        vec![name("JT"), name("JT"), name("SMcG")]
    );
    assert_eq!(
        flagged_in("Present: BK (chair), MO'C, KD.\nMO'C took the minutes."),
        vec![name("BK"), name("MO'C"), name("KD"), name("MO'C")]
    );
    assert_eq!(
        flagged_in("Carer: Mercy Adjei (58).\nMercy works nights at the home."),
        vec![name("Mercy Adjei"), name("Mercy")]
    );
    assert_eq!(
        flagged_in("Sister K was on. Work works for me; Compass works with us."),
        vec![name("Sister K")]
    );
}

/// Homes and places named by a height ("Low Fold, Greystoke", "from Nether Hagg", "at
/// High Wray Barn"), not "the High Court", "High Street", "High Tea" or "Low Income"; a
/// city's "Royal" before a department ("Hull Royal lab"); a prison's wing by its name
/// after the prison or a word of where; an approved premises spelt out; a cottage by
/// its name. None of these notes is in the corpora.
#[test]
fn heights_royals_wings_premises_and_cottages() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Usual address: Low Ghyll, Greystoke."),
        vec![
            place("Low Ghyll"),
            (FindingKind::Name, "Greystoke".to_string())
        ]
    );
    assert_eq!(
        flagged_in("Her brother came from Nether Hagg; the vet was at High Wray Barn."),
        vec![place("Nether Hagg"), place("High Wray Barn")]
    );
    assert_eq!(
        flagged_in(
            "Off to the High Court, then at High Street, at High Tea, at High School, \
             from Low Income families."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("Bloods went to Hull Royal lab; not the Royal family."),
        vec![place("Hull Royal")]
    );
    assert_eq!(
        flagged_in("Now at HMP Wealstun, Rowan wing; moved on Maple wing; not on East wing."),
        vec![place("HMP Wealstun, Rowan wing"), place("Maple wing")]
    );
    assert_eq!(
        flagged_in("Accommodation: Elm Grove Approved Premises, for 12 weeks."),
        vec![place("Elm Grove Approved Premises")]
    );
    assert_eq!(
        flagged_in("The house, Ivy Cottage, is in both names. A holiday cottage."),
        vec![place("Ivy Cottage")]
    );
}

/// A chain's branch with its kind of shop before the street ("Asda Superstore Killingbeck
/// Drive"), a children's home by its name, a temple by its deity's name after "Sri" (the
/// name found inside it widened to the place), a car wash by its place, "Ani" as a first
/// name. Not a chain's kind of shop alone, a kind of home, a faith's temple, a car wash
/// alone. None of these notes is in the corpora.
#[test]
fn branches_homes_temples_and_car_washes_by_their_names() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("She works at Asda Superstore Killingbeck Drive, nights."),
        vec![place("Asda Superstore Killingbeck Drive")]
    );
    assert_eq!(
        flagged_in("Placed at Beacon House, Oakridge Secure Children's Home."),
        vec![
            place("Beacon House"),
            place("Oakridge Secure Children's Home")
        ]
    );
    assert_eq!(
        flagged_in("The elders meet at the Sri Ganesha temple after prayers."),
        vec![place("Sri Ganesha temple")]
    );
    assert_eq!(
        flagged_in("He works at Gallows Corner car wash; Ani Sargsyan is his sister."),
        vec![
            place("Gallows Corner car wash"),
            (FindingKind::Name, "Ani Sargsyan".to_string())
        ]
    );
    assert_eq!(
        flagged_in(
            "At the Tesco Extra store, a Children's Home placement, the Hindu temple and \
             the car wash."
        ),
        vec![]
    );
}

/// What a review of the twenty-ninth corpus's rules found, with inputs of its own: a
/// curly apostrophe closing a place's name split a character (older code: a panic);
/// everyday notes the new rules flagged: times and bodies beside a vehicle's word,
/// a car park's level, treatments after "to High"/"to Low", a prison's wings by what
/// they are for, "Approved Premises" alone, "TBC" under "Owner", "this name" and
/// "assigned" read as a name given, a time of day beside a Dari month, and scores or
/// readings after a "+" read as a phone. None of these notes is in the corpora.
#[test]
fn the_review_of_the_twenty_ninth_rules() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in("Started nights at St Thomas’ last week; she works at Tesco’ on Saturdays."),
        vec![place("St Thomas’"), place("Tesco’")]
    );
    for text in [
        "Taxi ETA 1430. Car to OPD 1430. Taxi at 1300 GP appt. Cab booked for 1030 AM.",
        "Taxi arranged via NHS 111. The car, 2019 BMW, was old. Car park level C 123.",
        "Stepped up to High Intensity CBT, then to High Flow oxygen and to Low Mood group.",
        "He played on Left wing, then moved to Induction wing and the Education wing.",
        "He was referred to Approved Premises.",
        "| Owner | Task |\n|---|---|\n| TBC | chase |\n| ALL | read |",
        "We talked about what this name means – স্বাধীনতা.",
        "She was assigned a buddy who greeted her as வணக்கம்.",
        "Took 2 hut 1400 pills.",
        "Scores +2 10 12 14 16 18 20 across. BP trend +12 4 10 12 14 16.",
        "Readings +44 12 10 12 14 16 over the week.",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// India's Aadhaar number, twelve figures in three groups of four, where its check
/// figure (Verhoeff's) holds or its name comes just before; not three years, times of
/// day, readings whose check fails, nor part of a card's sixteen figures. None of these
/// notes is in the corpora.
#[test]
fn an_aadhaar_number_by_its_check_figure_or_its_name() {
    let id = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in("Her number 4821 7730 1955 was on the letter."),
        vec![id("4821 7730 1955")]
    );
    assert_eq!(
        flagged_in("Aadhaar card, 5123 8820 4417, kept at home."),
        vec![id("5123 8820 4417")]
    );
    assert_eq!(
        flagged_in(
            "Years 2024 2025 2026. Times 1200 1300 1400. Readings 3456 3457 3460. \
             Card 5512 3344 7788 9900."
        ),
        vec![]
    );
}

/// The twenty-ninth corpus (`recall-fresh27.txt`), written without sight of the rules
/// and committed before it was run: 570 of 650 as a hold-out (87.7%), 55 findings beyond
/// the identifiers, on the rules of 2e5967b. Studied the same day: places abroad and in
/// Derry, famous people, theorists, medicines, public phrases, words of Kwéyòl, Konkani,
/// Polari, Twi and Welsh, a court by its town and an acronym joined to a word: 5
/// findings. Dates of the Bengali, Tamil, Ethiopian and Afghan calendars, Ukrainian
/// months and weekdays, names in other scripts after "as" or a dash where a name is
/// written, a mobile abroad with one figure after its code, an extension in full and a
/// grid reference before "grid": 583 (89.7%). Initials in a table's "who" column and an
/// Irish surname's after "O'" in an attendance line ("TO'D"), a name that is a word
/// before "works", "Sister M": 591 (90.9%). Homes and places named by a height ("Low
/// Garth", "from Low Scales"), a city's "Royal" before a department and Hull in the
/// big places, a prison's wing by its name, an approved premises spelt out, a cottage by
/// its name: 596 (91.7%). A chain's branch with its kind of shop before the street, a
/// children's home, a temple after "Sri", a car wash by its place, "Ani": 601 (92.5%).
/// An Aadhaar number's three groups of four after its name: 602 (92.6%). An initial
/// after a title before an everyday word ("Nurse H on"), a hyphenated plate with its
/// word in brackets ("BH-48-TZ (Dutch plate)"): 604 (92.9%). A critical care unit by
/// its number ("Critical Care 2"); someone with their pronouns in brackets ("Juniper
/// (they/them)") or who they are to the writer after "my" ("and Rosemary my nan");
/// Rosemary, Juniper, Willow, Saffron and Skye in the first names: 607 (93.4%). First
/// names in Cyrillic ("Тема: Саша"): 608 (93.5%).
/// Residents by their room, full names in brackets typed fast, 2026-12-07: 609. A Welsh
/// weekday after "dydd" as part of its date (from the thirty-second): 610.
#[test]
fn a_twenty_ninth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh27.txt",
        (610, 650),
        &[
            "Name \"South Marston park\"",
            "Name \"Grace\"",
            "Name \"Dudley\"",
            "Name \"Shap\"",
            "Name \"Asad\"",
        ],
    );
}

/// The thirtieth corpus (`recall-fresh28.txt`), written without sight of the rules from
/// the earlier corpora's headers and DOMAIN.md, committed alone (368dac4) before it was
/// run: 60 notes, 676 identifiers, 189 tricky words. As a hold-out, on the rules of
/// 5bbc72a, 2026-12-07: 583 (86.2%) and 84 findings beyond the identifiers. Learnt from
/// it: word lists (towns at home and abroad, theorists, feasts, a device, a newspaper),
/// towns that are also surnames after a word of where, field names in pasted markup,
/// an ordinal in words before a time of day, "Abouna": 84 -> 11 findings. First names
/// (Tallulah, Lula, Reshma, Nimali, Tashi; Innocent, Bonny and Fern as words too);
/// numbers after "IMEI", "MMSI", "UBRN", "incident", "booking ref"; bleeps; a word-name
/// or an initial alone on an attendance line, and before ", who"; a spreadsheet's quoted
/// rows by their heading; a name in capitals after a person's label: 602 (89.1%). Phones
/// of small countries and satellites; dates in Italian, Swahili and Arabic and in the
/// Coptic calendar; addresses abroad by street and number, with their postcodes; "in"
/// and "á" inside names; "Daw" and "Naw": 618 (91.4%). Workplaces, cemeteries and
/// crematoria by their names, a church of two saints, a chain's branch or a service with
/// its street after a comma: 625 (92.5%). Map positions and plus codes, Myanmar's
/// registration card, a temporary NI number; names in other scripts after signing,
/// writing or a language's label; a month and day alone on a line; "University
/// Hospital" and its place; initials signing off; a van on a holiday park: 640 (94.7%).
/// A community's temple and where it is; a herd's mark: 642 (95.0%). A Burmese name's
/// syllables that are words of ours; a personal number in two groups: 644 (95.3%). An
/// address by its block and house: 646 (95.6%) Studying the thirty-first: 648 (95.9%).
#[test]
fn a_thirtieth_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh28.txt",
        (648, 676),
        &[
            "Name \"Rathlin\"",
            "Name \"Belmont\"",
            "ExactDate \"10.02.15\"",
            "Name \"amal\"",
            "ExactDate \"1 January\"",
            "Name \"U\"",
            "Place \"Lockerbie\"",
            "ExactDate \"19 March\"",
            "ExactDate \"third\"",
            "Name \"lynn\"",
            "Name \"Lynn\"",
        ],
    );
}

/// The thirty-first corpus (`recall-fresh29.txt`), written without sight of the rules
/// from the earlier corpora's headers, forty lines of the latest and DOMAIN.md, committed
/// alone (df06d88) before it was run: 61 notes, 702 identifiers, 196 tricky words. As a
/// hold-out, on the rules of 5ebcc89, 2026-12-07: 576 (82.1%) and 128 findings beyond
/// the identifiers. Learnt from it: word lists (ports and towns at home, islands and
/// towns abroad, peoples and faiths, feasts and greetings, public figures): 128 -> 14
/// findings. Who was at a meeting after a sentence of the same line; personal numbers
/// that open with a day of birth, IBANs, wallets, IPv4 addresses, vouchers' codes, IMO
/// numbers, ISO week dates; a spreadsheet's rows pasted with tabs, read by their
/// heading, its serial days among them, and a number found once found again: 635
/// (90.5%). Dates of Iceland, Czechia, Serbia and Malta, of the Saka calendar and the
/// Minguo era, days and months with a stop and a space; the smallest countries' phones
/// and phones in pairs; a nickname in quotes in brackets; ships by their prefix: 649
/// (92.5%). First names the list lacked; a jobcentre, a library, a lunch club by their
/// names, a community's church in its district, a city's "Royal" before a small word:
/// 658 (93.7%). Names in other scripts beside their language or their spelling in Latin
/// letters; a first name with its number in brackets; Czech streets and postcodes: 663
/// (94.4%). Residents by their room, full names in brackets and "mrs b" typed fast: 667
/// (95.0%). An everyday first name given with its number is that person again; a camp's
/// sector and tent; a home called "The …": 671 (95.6%). A chain's branch by its street:
/// 673 (95.9%). Dates in another script's figures, or with a month of a script without
/// capitals between a day and a year: 674 (96.0%). Before the thirty-second was read, a
/// name or a place split by the break of a line of hard-wrapped prose: 677 (96.4%). A day
/// as an ordinal in quotes ("On the 28th"): 679 (96.7%).
#[test]
fn a_thirty_first_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh29.txt",
        (679, 702),
        &[
            "Place \"Jodhpur\"",
            "Name \"Frankel\"",
            "Place \"Rajasthan\"",
            "RecordNumber \"209.85.220.41\"",
            "Name \"Nadia\"",
            "Name \"Ashur\"",
            "ExactDate \"1 April\"",
            "Name \"B.E\"",
            "Name \"Haifa\"",
            "ExactDate \"20th\"",
            "Name \"Ahmadi\"",
            "ExactDate \"19 December\"",
            "NiNumber \"QQ 12 34 56 C\"",
            "Name \"Adama\"",
        ],
    );
}

/// The thirty-second corpus (`recall-fresh30.txt`), written without sight of the rules
/// from the earlier corpora's headers, forty lines of the latest and DOMAIN.md, committed
/// alone (90cf185) before it was run: 60 notes, 718 identifiers, 209 tricky words. As a
/// hold-out, on the rules of 0596a6e, 2026-12-07: 634 (88.3%) and 107 findings beyond
/// the identifiers. Learnt from it: word lists (peoples and languages of Mongolia, the
/// Andes, Chile, Catalonia, Samoa and Aotearoa, their feasts, towns at home and abroad,
/// public figures), a day that comes every year, "miss." ending a sentence, a word of
/// family in another language in quotes, a practice given after "GP": 107 -> 9 findings
/// (a singer and a poet with common names, "Jim Reeves" and "George Herbert", stay
/// flagged, as the twenty-first corpus keeps "Tom Jones").
/// Dates in German, Dutch, Catalan, Samoan, Māori, Kinyarwanda and Mongolian, weekdays
/// of two or three words, a meeting app's American dates before a time: 659 (91.8%).
/// Personal numbers of Chile, Malaysia, Germany and Mongolia by their shape; New
/// Zealand's NHI, an MPAN, a meter's serial, Rwanda's identity card in its groups, a
/// collar number of four figures; a sort code and account after "Account"; Chile's
/// mobiles; an address in a rewritten link: 674 (93.9%). A chart's columns headed by
/// weekdays and days; a Catalan name's "i"; first names of Catalan, Chilean, Samoan,
/// Māori, Xhosa, Mongolian, Malawian, Kichwa, Malay and Odia families: 686 (95.5%). A
/// place after "Venue:", a row of houses numbered as a range, a surname's initial in a
/// sign-up list: 689 (96.0%). The writer's own initials after "me" ("me (tj)"),
/// 2026-12-08, from the thirty-third's study: 690 (96.1%).
#[test]
fn a_thirty_second_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh30.txt",
        (690, 718),
        &[
            "Name \"Jug\"",
            "Name \"Wembury\"",
            "Name \"aroha\"",
            "Place \"Neuro Rehab Team\"",
            "Name \"ella\"",
            "Name \"Activities\"",
            "Name \"Jim Reeves\"",
            "Name \"George Herbert\"",
            "Name \"Memory Service\"",
        ],
    );
}

/// The thirty-third corpus (`recall-fresh31.txt`), written without sight of the rules
/// from the earlier corpora's headers, forty lines of the latest and DOMAIN.md, committed
/// alone (6d1e67d) before it was run: 60 notes, 724 identifiers, 198 tricky words. As a
/// hold-out, on the rules of 4e6bd6c, 2026-12-08: 630 (87.0%) and 96 findings beyond the
/// identifiers. Learnt from it: word lists (peoples and languages of Madagascar,
/// Timor-Leste, the Basque Country, Bhutan and the Cherokee Nation, towns at home and
/// abroad, apps, writers and public figures, first names): 96 -> 16 findings (a surname
/// "Sheridan", "Mike Oliver" and "Tim Gill", common names, and "Perkins", a brailler's
/// maker and a surname, stay flagged, as "Tom Jones" does; so does "Dungannon", which the
/// earlier corpora keep as a town small enough to say where someone is). Dates in Danish
/// (with "den"), Estonian, Croatian, Malagasy, Tetum, Setswana, Kirundi, Belarusian and
/// Kazakh (year first): 651 (89.9%). A pet's microchip, an HC2 certificate and
/// Madagascar's identity card after their cues, a weekday before a date joined by
/// dashes: 658 (90.9%). The writer's own initials after "me": 662 (91.4%). A care home
/// after a verb of running it, almshouses by their name: 664 (91.7%). A pet named
/// before what it is ("Bear, an old collie"): 665 (91.9%). A US social security number
/// after "SSN": 666 (92.0%). A pet named straight before its kind ("Rolo, a Staffy
/// cross"; the rule first read one word late): 667 (92.1%).
#[test]
fn a_thirty_third_corpus_written_without_sight_of_the_rules_is_measured() {
    assert_measured(
        "recall-fresh31.txt",
        (667, 724),
        &[
            "Name \"Dungannon\"",
            "Place \"Law Centre\"",
            "Name \"Sheridan\"",
            "Name \"Teacher\"",
            "Name \"Mike Oliver\"",
            "Name \"Tim Gill\"",
            "Place \"Lakenheath\"",
            "Name \"Perkins\"",
            "Name \"Lord Street\"",
            "Name \"Mike Oliver\"",
            "Name \"Bhutanese\"",
            "Name \"Lt Cdr\"",
            "Name \"Wendover\"",
            "Name \"Wendover\"",
            "Place \"Reading Coroner's Court\"",
            "Place \"National Tracheostomy Safety Project\"",
        ],
    );
}

/// Prose copied from a PDF or an email keeps the breaks of its lines: a name split by a
/// hyphen at a line's end, or by the break itself, is one name. A list, a log or a chat
/// keeps its lines, and a break between two sentences' words changes nothing.
#[test]
fn a_name_broken_across_the_lines_of_hard_wrapped_prose_is_one_name() {
    let report = "2.4 The pupil told the learning mentor that she had stayed over at her \
                  Auntie Fother-\ningham's flat on the Friday and that nobody was in.\n\
                  2.5 The school was told on the Monday that a family friend, Mr \
                  Gareth\nHalloran, collected her early on the \
                  Thursday, and she was upset when she arrived at Westfield Primary\n\
                  Academy the next morning with her lunch still in her bag.";
    assert_eq!(
        flagged_in(report),
        vec![
            (FindingKind::Name, "Auntie Fother-\ningham".to_string()),
            (FindingKind::Name, "Mr Gareth\nHalloran".to_string()),
            (FindingKind::Place, "Westfield Primary\nAcademy".to_string()),
        ]
    );
    let out = Redactor::new(checker()).redact(report);
    for word in ["Fother", "ingham", "Halloran", "Westfield", "Academy"] {
        assert!(!out.contains(word), "{word} in {out}");
    }
    // A chat's next speaker, a handover's next bed and a new line of prose stay lines.
    assert_eq!(
        flagged_in(
            "Dee 09:14: anyone seen him since the weekend? pharmacy says not since Sat or Sun\n\
             Ollie Kerr 09:16: saw him outside the shop on the corner this morning, looked rough"
        ),
        vec![(FindingKind::Name, "Ollie Kerr".to_string())]
    );
    for text in [
        "Night: bed 3 settled after midnight, obs fine, ate some toast and had a cup of Tea\n\
         Bed 4 restless until 3, wife rang twice, reassured, to be reviewed by the day team",
        "The team agreed that the plan is reviewed at the next meeting with the family and the \
         Social\nWorker from the locality team, and the school nurse is invited as well",
        "Notes typed on the bus home after a long shift on the ward with the new starters\n\
         Saturday was quieter but the agency staff did not know the routines of the place",
    ] {
        assert_eq!(flagged_in(text), vec![], "{text}");
    }
}

/// A day as an ordinal after a word of when is a date where a quotation ends straight
/// after it, as where a sentence does; a floor or a dose in quotes stays a count.
#[test]
fn a_day_in_quotes_after_a_word_of_when_is_a_date() {
    assert_eq!(
        flagged_in(
            "She wrote \"see you on the 14th\" and \u{201c}back by 3rd\u{201d} on the card."
        ),
        vec![
            (FindingKind::ExactDate, "14th".to_string()),
            (FindingKind::ExactDate, "3rd".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("He said \"on the 4th floor\" and \"after the 2nd dose\" twice."),
        vec![]
    );
}

/// A practice given straight after "GP" is named, as a form or a handover gives it; a
/// day that comes round every year is no one's; "miss." ends a sentence; a word of
/// family in another language, in quotes, is what someone is called, not a name.
#[test]
fn a_gp_practice_a_yearly_day_a_missed_session_and_a_word_of_family() {
    assert_eq!(
        flagged_in(
            "Lives with her son; GP Strathmore Health Centre, Dr Ahmed. GP: Hollins Medical Practice."
        ),
        vec![
            (FindingKind::Place, "Strathmore Health Centre".to_string()),
            (FindingKind::Name, "Dr Ahmed".to_string()),
            (FindingKind::Place, "Hollins Medical Practice".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("The GP Health Centre is shut on Fridays."),
        vec![]
    );
    assert_eq!(
        flagged_in(
            "Her brother's anniversary falls on 12 June every year; she visits on Sat 14 June."
        ),
        vec![(FindingKind::ExactDate, "Sat 14 June".to_string())]
    );
    assert_eq!(
        flagged_in("That's his second miss. Ring him on the landline."),
        vec![]
    );
    assert_eq!(
        flagged_in("The girl called him \"Papa\" at the door, and the lads called him \"Dodge\"."),
        vec![(FindingKind::Name, "Dodge".to_string())]
    );
}

/// Dates as more languages write them: German, Dutch and Catalan (with "de" and "d'"),
/// Samoan, Māori and Kinyarwanda, their weekdays, weekdays of two or three words, and
/// Mongolian's year first; and a meeting app's American dates with two figures of a
/// year before a time. A score stays a score.
#[test]
fn dates_in_more_languages_and_a_meeting_apps_american_dates() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in(
            "Gesendet: Montag, 3. November 2025 08:15. Op woensdag 5 augustus 2026 belde \
             ze. Enviat: dijous, 9 de gener de 2025. Tornaré el 2 d'octubre."
        ),
        vec![
            date("Montag, 3. November 2025"),
            date("woensdag 5 augustus 2026"),
            date("dijous, 9 de gener de 2025"),
            date("2 d'octubre"),
        ]
    );
    assert_eq!(
        flagged_in(
            "Aso Tofi, 6 Novema 2025: a text from Apia. Rāpare, 6 Hakihea 2025 he rang. \
             Ku wa Kabiri, 4 Ukuboza 2025 she wrote. Sesiwn dydd Llun, 10 Tachwedd."
        ),
        vec![
            date("Aso Tofi, 6 Novema 2025"),
            date("Rāpare, 6 Hakihea 2025"),
            date("Ku wa Kabiri, 4 Ukuboza 2025"),
            date("dydd Llun, 10 Tachwedd"),
        ]
    );
    assert_eq!(
        flagged_in("Уулзалт 2025 оны 11 сарын 4-нд болно; дараагийнх 2026 оны 1 сарын 20."),
        vec![date("2025 оны 11 сарын 4-нд"), date("2026 оны 1 сарын 20")]
    );
    assert_eq!(
        flagged_in("Start time\t11/20/25, 9:58:12 AM\nEnd time\t11/20/25 11:02 AM"),
        vec![date("11/20/25"), date("11/20/25")]
    );
    assert_eq!(
        flagged_in("The quiz went 3/18/25 to them, and 2025 оны was a good year."),
        vec![]
    );
}

/// A pet named before what it is, a word or two before the animal: "Moss, an old
/// collie", "Tink, a Staffy cross". A day before a dog show, a town before a lowercase
/// word that is no animal, and an animal that is a kind of something else stay.
#[test]
fn a_pet_named_before_what_it_is() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in(
            "She won't leave Moss, an old collie (chip on file), or Tink, a Staffy cross. \
             The cat, Pickle, stays too, and so does Biscuit, a terrier."
        ),
        vec![name("Moss"), name("Tink"), name("Pickle"), name("Biscuit")]
    );
    assert_eq!(
        flagged_in(
            "On Sunday, a dog show; in Leeds, a small flat; at Crufts, a dog walker \
             fainted."
        ),
        vec![]
    );
}

/// A care home or a lodge named by everyday words after a verb of running it, and
/// almshouses by their name after "at". A kind of place run ("I manage the Family
/// Centre", "runs the Care Home") and a verb with no place after it stay.
#[test]
fn a_place_after_a_verb_of_running_it_and_almshouses_by_their_name() {
    let place = |s: &str| (FindingKind::Place, s.to_string());
    assert_eq!(
        flagged_in(
            "I manage Willow Bank Care Home now; she runs Brook Lodge. I'm the warden at \
             Tanners Row Almshouses."
        ),
        vec![
            place("Willow Bank Care Home"),
            place("Brook Lodge"),
            place("Tanners Row Almshouses"),
        ]
    );
    assert_eq!(
        flagged_in("I manage the Family Centre and she runs the Care Home; we manage Home."),
        vec![]
    );
}

/// The writer's own initials in brackets after "me", or after "me" and a role: "Present:
/// me (RW)", "Supervisor: me, team leader (dk)". A count, a word or a role ("me (PA)") in brackets after "me" stays.
#[test]
fn the_writers_own_initials_after_me_are_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        flagged_in("Present: me (RW) and the nurse. Supervisor: me, team leader (dk)."),
        vec![name("RW"), name("dk")]
    );
    assert_eq!(
        flagged_in("They rang me (x2) and asked me (ok) to wait; me (PA) and the dog too."),
        vec![]
    );
}

/// A pet's microchip, an HC2 certificate, Madagascar's identity card and a US social
/// security number after their cue, and a weekday before a date joined by dashes. A chip shop's count, a certificate
/// without a number and a weekday before a time stay.
#[test]
fn microchips_certificates_and_a_weekday_before_a_dashed_date() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in(
            "Her terrier's microchip 900164001234567 is on the form; the cat's chip \
             956000012345678. HC2 certificate 512093847. CIN 201 011 023 456. SSN \
             078-05-1120."
        ),
        vec![
            record("900164001234567"),
            record("956000012345678"),
            record("512093847"),
            record("201 011 023 456"),
            record("078-05-1120"),
        ]
    );
    assert_eq!(
        flagged_in("Posted Tue 04-Nov-25 at 21:14, and again Wed, 05-Nov-2025."),
        vec![
            (FindingKind::ExactDate, "Tue 04-Nov-25".to_string()),
            (FindingKind::ExactDate, "Wed, 05-Nov-2025".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("The chip shop sold 40 portions; a certificate was posted; we meet Fri 21:00."),
        vec![]
    );
}

/// Peoples, languages, towns, apps and writers the lists lacked are no one: "Bhutanese",
/// "Tetum", "Minehead", "ClassDojo", "Viktor Frankl". A name beside them is still a
/// name, and so is a first name the names list lacked ("Anders", "Sunanda").
#[test]
fn peoples_towns_apps_and_writers_the_lists_lacked_are_no_one() {
    assert_eq!(
        flagged_in(
            "Bhutanese and Malagasy families, a Tetum hymn, Basque words. She grew up in \
             Thimphu and Almaty; he drives from Minehead to Skegness via Goole. Mumsnet, \
             ClassDojo and Petlog. Viktor Frankl, Amartya Sen and Casley-Smith. Neny \
             rang. Playwork matters."
        ),
        vec![]
    );
    assert_eq!(
        flagged_in("Anders rang from Aarhus; I met Sunanda Joshi and Barbara Minehead."),
        vec![
            (FindingKind::Name, "Anders".to_string()),
            (FindingKind::Name, "Sunanda Joshi".to_string()),
            (FindingKind::Name, "Barbara Minehead".to_string()),
        ]
    );
}

/// Dates as still more languages write them: Danish with "den" after its weekday,
/// Estonian and Croatian with the day's stop, Malagasy, Tetum, Setswana, Kirundi in
/// lowercase after "ku wa", Belarusian, and Kazakh with its year first. A weekday word
/// of theirs with no date after it, a year before a Kazakh feast and a count before
/// "Jona" (a name, not Malagasy's June) are no dates.
#[test]
fn dates_in_danish_estonian_croatian_malagasy_tetum_setswana_kirundi_belarusian_kazakh() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in(
            "Sendt: mandag den 3. november 2025 kl. 09.12. Teisipäev, 4. veebruar 2025 \
             helistas ta. Utorak, 9. rujna 2025. stiglo je pismo."
        ),
        vec![
            date("mandag den 3. november 2025"),
            date("Teisipäev, 4. veebruar 2025"),
            date("Utorak, 9. rujna 2025"),
        ]
    );
    assert_eq!(
        flagged_in(
            "Alarobia 5 novambra 2025 no nanoratany. Kinta, 6 Novembru 2025 he rang. \
             Mosupologo, 3 Ngwanatsele 2025 o ne a leletsa. ku wa gatatu, 5 Munyonyo 2025 \
             yanditse."
        ),
        vec![
            date("Alarobia 5 novambra 2025"),
            date("Kinta, 6 Novembru 2025"),
            date("Mosupologo, 3 Ngwanatsele 2025"),
            date("ku wa gatatu, 5 Munyonyo 2025"),
        ]
    );
    assert_eq!(
        flagged_in("Аўторак, 4 лістапада 2025: a letter. Кездесу 2025 жылғы 6 қараша."),
        vec![
            date("Аўторак, 4 лістапада 2025"),
            date("2025 жылғы 6 қараша")
        ]
    );
    let dates: Vec<_> = flagged_in(
        "We met on a fredag, a talata and a Sesta; 2025 жылғы Наурыз was cold, and the 3 \
         Jona boys came at 10.",
    )
    .into_iter()
    .filter(|(kind, _)| *kind == FindingKind::ExactDate)
    .collect();
    assert_eq!(dates, vec![]);
}

/// Numbers of more countries by their shape (Chile's RUT, Malaysia's identity card,
/// Germany's pension number, Mongolia's registration number), numbers after more cues
/// (New Zealand's NHI, a supply's MPAN, a meter's serial, an identity card's groups of
/// up to seven figures, a collar number of four), a sort code and account after
/// "Account", Chile's mobiles and an address inside a rewritten link. Counts, scores
/// and a percentage stay.
#[test]
fn numbers_of_more_countries_cues_accounts_and_rewritten_links() {
    let record = |s: &str| (FindingKind::RecordNumber, s.to_string());
    assert_eq!(
        flagged_in(
            "RUT 12.345.678-5 on the form; MyKad 010523-14-2207; Rentenversicherung \
             12 170844 M 018; his card ЧБ95030712."
        ),
        vec![
            record("12.345.678-5"),
            record("010523-14-2207"),
            record("12 170844 M 018"),
            record("ЧБ95030712"),
        ]
    );
    assert_eq!(
        flagged_in(
            "NHI ABC1234. MPAN 12 3456 7890 123; serial 19K0512270. ID 1 1985 8 0012345 1 \
             23. PC Shaw (collar 2207). Account 20-18-44 41882713. Mobile +56 9 7712 4410."
        ),
        vec![
            record("ABC1234"),
            record("12 3456 7890 123"),
            record("19K0512270"),
            record("1 1985 8 0012345 1 23"),
            (FindingKind::Name, "PC Shaw".to_string()),
            record("2207"),
            record("20-18-44 41882713"),
            (FindingKind::Phone, "+56 9 7712 4410".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("Link: https://x.safelinks.example/?url=mailto%3Ajo.b%40tenants.org.uk&data=1"),
        vec![(FindingKind::Email, "jo.b%40tenants.org.uk".to_string())]
    );
    assert_eq!(
        flagged_in(
            "Release 1.2.3-4 aside, the account was 2 of 3, the collar size 42, and 100%40 \
             of them came; version 12 170844 beta."
        ),
        vec![]
    );
}

/// A chart's columns headed by weekdays and days are dates, a month's end between them
/// or not; one weekday and a figure in a sentence stays. A Catalan name joins its two
/// surnames with "i"; first names of more families in UK care are names.
#[test]
fn a_charts_weekday_columns_catalan_surnames_and_more_first_names() {
    let date = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        flagged_in("| Drug | Dose | Thu 27 | Fri 28 | Sat 1 |\nWalk: Mon 10 mins, Tue 11 people."),
        vec![date("Thu 27"), date("Fri 28"), date("Sat 1")]
    );
    assert_eq!(
        flagged_in("Her son is Pere Soler i Roca; the daughter signs as Anna Roca i Puig."),
        vec![
            (FindingKind::Name, "Pere Soler i Roca".to_string()),
            (FindingKind::Name, "Anna Roca i Puig".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("Thandeka came with Oriol. Tamati rang later. Bolormaa stayed."),
        vec![
            (FindingKind::Name, "Thandeka".to_string()),
            (FindingKind::Name, "Oriol".to_string()),
            (FindingKind::Name, "Tamati".to_string()),
            (FindingKind::Name, "Bolormaa".to_string()),
        ]
    );
}

/// A place after "Venue:", a row of houses numbered as a range, and a surname's initial
/// after a first name in a sign-up list are found; an age range and "A" are not.
#[test]
fn a_venue_a_range_of_houses_and_a_surnames_initial() {
    assert_eq!(
        flagged_in("Venue: Kingsbridge Leisure Centre studio 2. She lives at 4 Harlow Range."),
        vec![
            (FindingKind::Place, "Kingsbridge Leisure Centre".to_string()),
            (FindingKind::Address, "4 Harlow Range".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("Declined (2): Tavita K – \"work\" · Nomsa R (ill)"),
        vec![
            (FindingKind::Name, "Tavita K".to_string()),
            (FindingKind::Name, "Nomsa R".to_string()),
        ]
    );
    assert_eq!(
        flagged_in("Age range 18 Years and over. Venue: the Family Centre. Plan A is fine."),
        vec![]
    );
}
