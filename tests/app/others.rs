//! Practice with others in the app: the forms of recognition, feedback, rupture and
//! repair, positive-risk plans and group sessions, read back by the command line; their
//! previews, filters and drafts; and what the supervision board gathers from them.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use super::{press, press_n, type_text};
use chrono::{DateTime, TimeZone as _, Utc};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::model::{Details, EntryKind, RuptureStatus};
use praxis::process::Writer;
use praxis::store::Store;
use praxis::tui::action::{Action, Context};
use praxis::tui::app::App;
use praxis::tui::component::Pane;
use praxis::tui::keymap::Keymap;
use praxis::tui::overlays::new_kind::NEW_KINDS;
use praxis::tui::theme::Theme;

use crate::common::Journal;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn app_themed(store: Store, theme: Theme) -> App {
    let clock = Clock::fixed(now().fixed_offset());
    App::new(
        store,
        Catalog::builtin(),
        Config::default(),
        clock,
        Keymap::defaults(),
        theme,
    )
    .unwrap()
}

fn app_with(store: Store) -> App {
    app_themed(store, Theme::monochrome())
}

/// The app as a writer that has ended: its drafts are offered back to the next window.
fn app_of_a_gone_writer(store: Store) -> App {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    App::new_as(
        store,
        Catalog::builtin(),
        Config::default(),
        Clock::fixed(now().fixed_offset()),
        Keymap::defaults(),
        Theme::monochrome(),
        Writer { pid, started: None },
    )
    .unwrap()
}

fn count(store: &Store, trashed: bool) -> i64 {
    let f = praxis::store::EntryFilter {
        trashed,
        ..Default::default()
    };
    store.count_entries(&f).unwrap()
}

/// The screen, its entry ids masked.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    super::tui::screen(app, w, h)
}

/// Opens the form of the `N` chooser's row labelled `label` (a kind, or a session model
/// after the kinds).
fn open_form(app: &mut App, label: &str) {
    press(app, "N");
    assert_eq!(app.overlay(), Some(Context::NewKind));
    let i = match NEW_KINDS.iter().position(|(l, ..)| *l == label) {
        Some(i) => i,
        None => {
            let cat = Catalog::builtin();
            NEW_KINDS.len() + cat.group_models.iter().position(|m| m.id == label).unwrap()
        }
    };
    press_n(app, "down", i);
    press(app, "enter");
    assert_eq!(app.pane, Pane::Write, "{label}: {:?}", app.env.status);
}

/// Puts `value` in the field `key` of the form: typed, or chosen from its choices.
fn set(app: &mut App, key: &str, value: &str) {
    let at = |app: &App| {
        app.write
            .form()
            .unwrap()
            .fields
            .iter()
            .position(|f| f.key == key)
            .unwrap_or_else(|| panic!("no field {key}"))
    };
    let i = at(app);
    while app.write.form().unwrap().focus != i {
        press(app, "tab");
    }
    let is_choice = app.write.form().unwrap().fields[i].is_choice();
    if is_choice {
        for _ in 0..12 {
            if app.write.form().unwrap().text(key) == value {
                return;
            }
            press(app, "right");
        }
        panic!("{key} never became {value}");
    }
    // Typed over what is there (a new form's date, an entry's text).
    let there = app.write.form().unwrap().text(key).chars().count();
    press_n(app, "backspace", there);
    type_text(app, value);
}

/// Each kind's fields as the test fills them, and what `praxis show` must print back.
struct Case {
    label: &'static str,
    fields: &'static [(&'static str, &'static str)],
    shown: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        label: "Recognition",
        fields: &[
            ("date", "2026-03-16"),
            ("who", "peer-B"),
            ("direction", "given"),
            (
                "what",
                "Talked a new starter through the rota after handover.",
            ),
            ("difference", "She came back the next week."),
            ("said", "in-writing"),
            ("said-on", "2026-03-17"),
            ("meant", "A reminder of how I was welcomed."),
        ],
        shown: &[
            "peer-B",
            "given",
            "Talked a new starter through the rota after handover.",
            "She came back the next week.",
            "in-writing",
            "2026-03-17",
            "A reminder of how I was welcomed.",
        ],
    },
    Case {
        label: "Feedback",
        fields: &[
            ("source", "family-carer"),
            ("from", "carer-D"),
            ("tone", "mixed"),
            ("their-words", "\"You listen, but the letters come late.\""),
            ("context", "At the review meeting."),
            ("take", "Reliability is part of care."),
            ("changed", "I send the letter the same week."),
        ],
        shown: &[
            "family-carer",
            "carer-D",
            "mixed",
            "\"You listen, but the letters come late.\"",
            "At the review meeting.",
            "Reliability is part of care.",
            "I send the letter the same week.",
        ],
    },
    Case {
        label: "Rupture and repair",
        fields: &[
            ("date", "2026-03-10"),
            ("subject", "peer-C"),
            ("rupture-kind", "withdrawal"),
            ("what-happened", "Quiet with me since the rota change."),
            ("my-part", "I changed the rota without asking."),
            ("their-part", "Nights matter for her childcare."),
            ("repair-tried", "Asked for ten minutes over coffee."),
            ("status", "repair-tried"),
            ("repair-tried-on", "2026-03-16"),
            ("learning", "Ask first."),
        ],
        shown: &[
            "peer-C",
            "withdrawal",
            "Quiet with me since the rota change.",
            "I changed the rota without asking.",
            "Nights matter for her childcare.",
            "Asked for ten minutes over coffee.",
            "repair-tried",
            "2026-03-16",
            "Ask first.",
        ],
    },
    Case {
        label: "Positive-risk plan",
        fields: &[
            ("date", "2026-03-04"),
            ("subject", "YP-A"),
            ("goal", "Go to the gym on her own."),
            ("matters", "Being like her friends."),
            ("risks", "A fall (hers); criticism (the service's)."),
            ("not-doing", "She stops going out."),
            ("safer", "A phone and a check-in text."),
            ("agreed", "YP-A, her key worker and the manager."),
            ("review-on", "2026-03-25"),
            ("status", "active"),
            ("reviews", "2026-03-11 | adjust | went once with staff"),
        ],
        shown: &[
            "YP-A",
            "Go to the gym on her own.",
            "Being like her friends.",
            "A fall (hers); criticism (the service's).",
            "She stops going out.",
            "A phone and a check-in text.",
            "YP-A, her key worker and the manager.",
            "2026-03-25",
            "active",
            "2026-03-11 | adjust | went once with staff",
        ],
    },
    Case {
        label: "Group or peer session",
        fields: &[
            ("format", "community-of-practice"),
            ("theme", "Endings with families"),
            ("present", "senior practitioner\npeer-C"),
            ("my-role", "facilitator"),
            ("length-minutes", "90"),
            (
                "question",
                "How to end well when the family did not choose us.",
            ),
            ("learning", "Ask what an ending means to them."),
            (
                "agreed-actions",
                "Share the notes | facilitator | 2026-03-25",
            ),
            ("peer-reflection", "yes"),
            ("counts-as-cpd", "yes"),
        ],
        shown: &[
            "community-of-practice",
            "Endings with families",
            "senior practitioner",
            "peer-C",
            "facilitator",
            "90",
            "How to end well when the family did not choose us.",
            "Ask what an ending means to them.",
            "Share the notes",
            "2026-03-25",
            "Peer reflection: yes",
            "Counts as CPD: yes",
        ],
    },
];

/// Every field of each kind, filled in the app and saved; `praxis show` prints them all.
#[test]
fn each_kind_written_in_the_app_is_shown_by_the_command_line_with_every_field() {
    let j = Journal::new();
    j.ok(&["list"]);
    let mut app = app_with(Store::open(&j.db()).unwrap());
    for case in CASES {
        open_form(&mut app, case.label);
        for (key, value) in case.fields {
            set(&mut app, key, value);
        }
        press(&mut app, "ctrl-s");
        assert_eq!(
            app.pane,
            Pane::Journal,
            "{}: {:?} {:?}",
            case.label,
            app.write.form().and_then(|w| w.error.clone()),
            app.env.status
        );
        let e = app.journal.preview.clone().unwrap();
        let id = e.short_id();
        let shown = j.ok(&["show", &id]);
        for want in case.shown {
            assert!(
                shown.contains(want),
                "{}: {want:?} not in\n{shown}",
                case.label
            );
        }
        if e.kind == EntryKind::GroupSession {
            let Details::GroupSession(g) = &e.details else {
                panic!("{:?}", e.details)
            };
            assert!(g.peer_reflection && g.counts_as_cpd);
            assert_eq!(e.actions[0].owner.as_deref(), Some("facilitator"));
        }
    }
    assert_eq!(j.json(&["list", "--json"]).as_array().unwrap().len(), 5);
}

/// Each form at 80x24, and readable in the light and dark themes.
#[test]
fn each_form_at_80x24() {
    for case in CASES {
        let mut app = app_with(Store::open_in_memory().unwrap());
        open_form(&mut app, case.label);
        let name = format!(
            "others_form_{}",
            case.label.to_lowercase().replace([' ', '-'], "_")
        );
        insta::assert_snapshot!(name, screen(&mut app, 80, 24));
        for theme in [Theme::light(), Theme::dark()] {
            let mut app = app_themed(Store::open_in_memory().unwrap(), theme);
            open_form(&mut app, case.label);
            let s = screen(&mut app, 80, 24);
            let first = &app.write.form().unwrap().fields[2].label;
            assert!(s.contains(first.as_str()), "{first} not in\n{s}");
        }
    }
    // A session model's sections join the group session's fields.
    let mut app = app_with(Store::open_in_memory().unwrap());
    open_form(&mut app, "action-learning");
    let w = app.write.form().unwrap();
    assert_eq!(w.text("format"), "action-learning-set");
    assert!(w.fields.iter().any(|f| f.key == "problem"));
    insta::assert_snapshot!("others_form_action_learning", screen(&mut app, 80, 24));
    // The chooser lists the kinds and the session models.
    press(&mut app, "esc");
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "N");
    let s = screen(&mut app, 80, 24);
    for want in ["Rupture and repair", "Positive-risk plan", "Balint-style"] {
        assert!(s.contains(want), "{want} not in\n{s}");
    }
    insta::assert_snapshot!("others_new_kind", s);
}

/// A date that is not one is refused at its field, and nothing is saved.
#[test]
fn a_bad_date_is_refused_at_its_field() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    open_form(&mut app, "Positive-risk plan");
    set(&mut app, "subject", "YP-A");
    set(&mut app, "goal", "Cook a meal alone.");
    set(&mut app, "review-on", "2026-02-30");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Write);
    let w = app.write.form().unwrap();
    let error = w.error.clone().unwrap();
    assert_eq!(w.fields[error.field].key, "review-on", "{error:?}");
    assert!(
        error
            .message
            .contains("Review on must be a date as YYYY-MM-DD"),
        "{error:?}"
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Review on must be a date"), "{s}");
    assert_eq!(count(&app.env.store, false), 0);
    // Put right, the refusal goes and the plan is saved.
    press_n(&mut app, "backspace", 5);
    type_text(&mut app, "03-30");
    assert!(app.write.form().unwrap().error.is_none());
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    // A subject key that is a real name is saved, and said (as on the command line).
    open_form(&mut app, "Recognition");
    set(&mut app, "date", "2026-03-12");
    set(&mut app, "who", "Jane Smith");
    set(&mut app, "what", "Stayed late.");
    set(&mut app, "said", "in-person");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal);
    // Said as it was written, without a day: said the day it is about.
    let Details::Recognition(r) = &app.journal.preview.as_ref().unwrap().details else {
        panic!()
    };
    assert_eq!(r.said_on, chrono::NaiveDate::from_ymd_opt(2026, 3, 12));
    let said = format!("{:?}", app.env.status);
    assert!(said.contains("looks like a real name"), "{said}");
}

/// Opened again, each kind's form is filled; a change is saved as a new version.
#[test]
fn each_kind_opens_filled_and_an_edit_round_trips() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for case in CASES {
        open_form(&mut app, case.label);
        for (key, value) in case.fields {
            set(&mut app, key, value);
        }
        press(&mut app, "ctrl-s");
        assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
        let before = app.journal.preview.clone().unwrap();
        press(&mut app, "enter");
        assert_eq!(app.pane, Pane::Write);
        let w = app.write.form().unwrap();
        for (key, value) in case.fields {
            let got = w.text(key);
            let want: Vec<&str> = value.lines().collect();
            let got_lines: Vec<String> = got
                .lines()
                .map(|l| l.trim_start_matches("- ").to_string())
                .collect();
            assert_eq!(got_lines, want, "{}: {key}", case.label);
        }
        set(&mut app, "title", "Seen again");
        // A rupture is repaired: the status moves and the day it closed is kept.
        if before.kind == EntryKind::Rupture {
            set(&mut app, "status", "repaired");
            set(&mut app, "closed-on", "2026-03-18");
        }
        press(&mut app, "ctrl-s");
        let after = app.journal.preview.clone().unwrap();
        assert_eq!((after.id, after.version), (before.id, 2), "{}", case.label);
        if let Details::Rupture(r) = &after.details {
            assert_eq!(r.status, RuptureStatus::Repaired);
        } else {
            assert_eq!(after.details, before.details, "{}", case.label);
            assert_eq!(after.sections, before.sections, "{}", case.label);
        }
    }
}

/// The preview says each kind's facts in words; the kind filter finds each kind by its
/// first letter; delete sends it to the trash.
#[test]
fn the_journal_previews_filters_and_trashes_each_kind() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for case in CASES {
        open_form(&mut app, case.label);
        for (key, value) in case.fields {
            set(&mut app, key, value);
        }
        press(&mut app, "ctrl-s");
    }
    // The newest (the group session) is selected; the list shows each kind apart.
    let s = screen(&mut app, 120, 40);
    for kind in ["recg", "fdbk", "rupt", "risk", "grp"] {
        assert!(s.contains(kind), "{kind} not in\n{s}");
    }
    assert!(s.contains("Format: Community of practice"), "{s}");
    assert!(s.contains("Counts as: peer reflection, CPD"), "{s}");
    insta::assert_snapshot!("others_journal", screen(&mut app, 80, 24));
    // Filtered by kind: `r` goes reflection, recognition, rupture.
    press(&mut app, "f");
    assert_eq!(app.overlay(), Some(Context::Filter));
    type_text(&mut app, "rrr");
    press(&mut app, "enter");
    assert_eq!(app.journal.rows.len(), 1);
    assert_eq!(app.journal.rows[0].kind, EntryKind::Rupture);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Status: repair tried"), "{s}");
    // Deleted, it goes to the trash.
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::Trash));
    press(&mut app, "y");
    assert!(app.journal.rows.is_empty());
    assert_eq!(count(&app.env.store, true), 1);
}

/// Open ruptures, unsaid recognition, new feedback and plans due reach the board as the
/// prep's agenda items, and go when resolved.
#[test]
fn the_board_brings_practice_with_others_until_it_is_resolved() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    let write = |app: &mut App, label: &str, fields: &[(&str, &str)]| {
        open_form(app, label);
        for (key, value) in fields {
            set(app, key, value);
        }
        press(app, "ctrl-s");
        assert_eq!(
            app.pane,
            Pane::Journal,
            "{label}: {:?} {:?}",
            app.write.form().and_then(|w| w.error.clone()),
            app.env.status
        );
    };
    write(
        &mut app,
        "Rupture and repair",
        &[("subject", "peer-C"), ("what-happened", "Went quiet.")],
    );
    write(
        &mut app,
        "Recognition",
        &[
            ("date", "2026-03-12"),
            ("who", "peer-B"),
            ("what", "Covered my shift."),
        ],
    );
    write(
        &mut app,
        "Feedback",
        &[("source", "colleague"), ("their-words", "\"Clear notes.\"")],
    );
    write(
        &mut app,
        "Positive-risk plan",
        &[("subject", "YP-A"), ("review-on", "2026-03-18")],
    );
    press(&mut app, "3");
    assert_eq!(app.pane, Pane::Supervision);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Practice with others"), "{s}");
    let material = app.board.material.as_ref().unwrap();
    let items = praxis::supervision::practice_agenda(material);
    assert_eq!(items.len(), 4, "{items:?}");
    let all = screen(&mut app, 120, 40);
    for item in &items {
        let text = super::tui::mask_ids(&item.text);
        assert!(all.contains(text.as_str()), "{text} not in\n{all}");
    }
    insta::assert_snapshot!("others_board", all);
    // The prep the board saves carries the same items.
    press(&mut app, "p");
    let Details::Supervision(sv) = &app.board.prep.as_ref().unwrap().details else {
        panic!()
    };
    for item in &items {
        assert!(
            sv.agenda.iter().any(|a| a.text == item.text),
            "{}",
            item.text
        );
    }
    // The rupture repaired and the recognition said: both leave the board.
    press(&mut app, "1");
    for (label, key, value) in [
        ("rupt", "status", "repaired"),
        ("recg", "said", "in-person"),
    ] {
        let i = app
            .journal
            .rows
            .iter()
            .position(|r| r.kind.as_str().starts_with(&label[..3]))
            .unwrap();
        app.journal.select(&app.env.store, i).unwrap();
        press(&mut app, "enter");
        set(&mut app, key, value);
        if key == "status" {
            set(&mut app, "closed-on", "2026-03-18");
        }
        press(&mut app, "ctrl-s");
        assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    }
    // Marked said since it was noted: said today, as `praxis recognise said` has it.
    let said = app
        .journal
        .rows
        .iter()
        .position(|r| r.kind == EntryKind::Recognition)
        .unwrap();
    app.journal.select(&app.env.store, said).unwrap();
    let Details::Recognition(r) = &app.journal.preview.as_ref().unwrap().details else {
        panic!()
    };
    assert_eq!(r.said_on, Some(now().date_naive()));
    press(&mut app, "3");
    let material = app.board.material.as_ref().unwrap();
    let left: Vec<String> = praxis::supervision::practice_agenda(material)
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert!(left.iter().all(|t| !t.starts_with("Rupture")), "{left:?}");
    assert!(
        left.iter().all(|t| !t.starts_with("Recognition")),
        "{left:?}"
    );
    assert_eq!(left.len(), 2, "{left:?}");
}

/// A draft of a kind's form comes back in that form, its fields in their places.
#[test]
fn a_draft_of_each_kind_comes_back_in_its_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut app = app_of_a_gone_writer(Store::open(&path).unwrap());
        open_form(&mut app, "intervision");
        set(&mut app, "theme", "Hard endings");
        set(&mut app, "case", "A family who will not answer.");
        press(&mut app, "alt-1"); // leaving keeps a draft
        assert_eq!(app.pane, Pane::Journal);
        std::mem::forget(app);
    }
    let mut app = app_with(Store::open(&path).unwrap());
    assert_eq!(app.overlay(), Some(Context::Drafts));
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    let w = app.write.form().unwrap();
    assert_eq!(w.text("theme"), "Hard endings");
    assert_eq!(w.text("format"), "peer-supervision");
    assert_eq!(w.entry.model.as_deref(), Some("intervision"));
    assert_eq!(w.text("case"), "A family who will not answer.");
    assert!(w.fields.iter().any(|f| f.key == "learning"));
}

/// A draft of a structured kind named by its template (a CPD record) comes back in its
/// form too, not as a free reflection that would lose its fields.
#[test]
fn a_draft_of_a_cpd_record_comes_back_in_its_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut app = app_of_a_gone_writer(Store::open(&path).unwrap());
        open_form(&mut app, "CPD record");
        set(&mut app, "hours", "6");
        press(&mut app, "alt-1");
        std::mem::forget(app);
    }
    let mut app = app_with(Store::open(&path).unwrap());
    assert_eq!(app.overlay(), Some(Context::Drafts));
    press(&mut app, "enter");
    let w = app.write.form().unwrap();
    assert_eq!(w.text("hours"), "6");
    assert!(w.fields.iter().any(|f| f.key == "activity-type"));
}

/// Writes a form of the `N` chooser with these fields, and saves it.
fn write_entry(app: &mut App, label: &str, fields: &[(&str, &str)]) {
    open_form(app, label);
    for (key, value) in fields {
        set(app, key, value);
    }
    press(app, "ctrl-s");
    assert_eq!(
        app.pane,
        Pane::Journal,
        "{label}: {:?} {:?}",
        app.write.form().and_then(|w| w.error.clone()),
        app.env.status
    );
}

/// Selects the journal's newest entry of `kind`.
fn select_kind(app: &mut App, kind: EntryKind) {
    let i = app
        .journal
        .rows
        .iter()
        .position(|r| r.kind == kind)
        .unwrap();
    app.journal.select(&app.env.store, i).unwrap();
}

/// A positive-risk plan is reviewed from the journal and from the board, as `praxis
/// positive-risk review` reviews it; its date fields take the command line's date words.
#[test]
fn a_plan_is_reviewed_from_the_journal_and_the_board_and_dates_take_words() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    // Today is Wednesday 2026-03-18: the plan was made yesterday, reviewed on Friday.
    write_entry(
        &mut app,
        "Positive-risk plan",
        &[
            ("date", "yesterday"),
            ("subject", "YP-A"),
            ("goal", "Cook a meal alone."),
            ("review-on", "friday"),
        ],
    );
    select_kind(&mut app, EntryKind::PositiveRisk);
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.occurred_on.to_string(), "2026-03-17");
    let Details::PositiveRisk(p) = &e.details else {
        panic!()
    };
    assert_eq!(p.review_on.unwrap().to_string(), "2026-03-20");
    // From the journal: what happened is needed; the next review is offered.
    press(&mut app, "v");
    assert_eq!(app.overlay(), Some(Context::PlanReview));
    press(&mut app, "enter");
    assert_eq!(
        app.overlay(),
        Some(Context::PlanReview),
        "saved without what happened"
    );
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("What happened: say what happened"), "{s}");
    press(&mut app, "down");
    type_text(&mut app, "Made pasta; a small burn, dressed.");
    press(&mut app, "down");
    press_n(&mut app, "backspace", 10);
    type_text(&mut app, "monday");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    assert!(
        format!("{:?}", app.env.status).contains("next review 2026-03-23"),
        "{:?}",
        app.env.status
    );
    select_kind(&mut app, EntryKind::PositiveRisk);
    let Details::PositiveRisk(p) = &app.journal.preview.as_ref().unwrap().details else {
        panic!()
    };
    assert_eq!(p.reviews.len(), 1);
    assert_eq!(p.reviews[0].on.to_string(), "2026-03-18");
    assert_eq!(p.reviews[0].decision.as_str(), "continue");
    assert_eq!(p.review_on.unwrap().to_string(), "2026-03-23");
    // Another plan, due today: the board offers its review, and ends it.
    write_entry(
        &mut app,
        "Positive-risk plan",
        &[
            ("date", "2026-03-01"),
            ("subject", "Mr-B"),
            ("goal", "Walk to the shop."),
            ("review-on", "today"),
        ],
    );
    press(&mut app, "3");
    assert!(app.board.hints().contains(&Action::BoardReviewPlan));
    press(&mut app, "v");
    assert_eq!(app.overlay(), Some(Context::PlanReview));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Review the positive-risk plan"), "{s}");
    assert!(s.contains("Mr-B"), "{s}");
    press(&mut app, "right"); // continue → adjust
    press(&mut app, "right"); // → end
    press(&mut app, "down");
    type_text(&mut app, "He walks daily now; no plan needed.");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    let material = app.board.material.as_ref().unwrap();
    assert!(material.practice.reviews_due.is_empty());
    assert!(!app.board.hints().contains(&Action::BoardReviewPlan));
    press(&mut app, "v");
    assert!(format!("{:?}", app.env.status).contains("No positive-risk plan is due"));
    // Read back by the command line's own lists.
    let ended = app
        .env
        .store
        .list_positive_risks(
            &praxis::store::RiskFilter {
                ended: true,
                ..Default::default()
            },
            10,
        )
        .unwrap();
    let statuses: Vec<&str> = ended.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses.len(), 2, "{statuses:?}");
    assert!(statuses.contains(&"ended") && statuses.contains(&"active"));
    // On anything but an active plan, `v` says what it needs.
    press(&mut app, "1");
    select_kind(&mut app, EntryKind::PositiveRisk);
    let active = matches!(
        &app.journal.preview.as_ref().unwrap().details,
        Details::PositiveRisk(p) if p.status == praxis::model::PlanStatus::Active
    );
    press(&mut app, "v");
    if active {
        press(&mut app, "esc");
    } else {
        assert!(format!("{:?}", app.env.status).contains("ended"));
    }
}

/// Recognition given is marked said with one key, in the journal and from the board,
/// how and when; recognition received, or said already, is refused with why.
#[test]
fn recognition_is_marked_said_with_one_key() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for (who, date) in [("peer-B", "2026-03-12"), ("team-east", "2026-03-14")] {
        write_entry(
            &mut app,
            "Recognition",
            &[("date", date), ("who", who), ("what", "Covered my shift.")],
        );
    }
    // From the journal: the newest, said in writing on Monday.
    select_kind(&mut app, EntryKind::Recognition);
    press(&mut app, "s");
    assert_eq!(app.overlay(), Some(Context::MarkSaid));
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "down");
    type_text(&mut app, "monday");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    select_kind(&mut app, EntryKind::Recognition);
    let Details::Recognition(r) = &app.journal.preview.as_ref().unwrap().details else {
        panic!()
    };
    assert_eq!(r.subject, "team-east");
    assert_eq!(r.said.as_str(), "in-writing");
    assert_eq!(r.said_on.unwrap().to_string(), "2026-03-16");
    // Said already: `s` says so, and opens nothing.
    press(&mut app, "s");
    assert_eq!(app.overlay(), None);
    assert!(format!("{:?}", app.env.status).contains("said already"));
    // From the board: the one left, said in person today.
    press(&mut app, "3");
    assert!(app.board.hints().contains(&Action::BoardMarkSaid));
    press(&mut app, "s");
    assert_eq!(app.overlay(), Some(Context::MarkSaid));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("peer-B"), "{s}");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    assert!(
        app.board
            .material
            .as_ref()
            .unwrap()
            .practice
            .unsaid
            .is_empty()
    );
    press(&mut app, "s");
    assert!(format!("{:?}", app.env.status).contains("No recognition is waiting"));
    let rows = app
        .env
        .store
        .list_recognition(&praxis::store::RecognitionFilter::default(), 10)
        .unwrap();
    let said: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.subject.clone(), r.said_on.unwrap().to_string()))
        .collect();
    assert!(
        said.contains(&("peer-B".into(), "2026-03-18".into())),
        "{said:?}"
    );
    // Received recognition has nothing left to say.
    press(&mut app, "1");
    write_entry(
        &mut app,
        "Recognition",
        &[
            ("who", "peer-B"),
            ("direction", "received"),
            ("said", "in-person"),
            ("what", "Thanked me for the handover."),
        ],
    );
    select_kind(&mut app, EntryKind::Recognition);
    press(&mut app, "s");
    assert_eq!(app.overlay(), None);
    assert!(format!("{:?}", app.env.status).contains("recognition you received"));
}

/// The forms' small defaults: recognition given tags a colleague's strength, feedback
/// comes from a person supported, the header names the kind in words.
#[test]
fn recognition_tags_a_colleagues_strength_and_feedback_has_a_source() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    open_form(&mut app, "Recognition");
    set(&mut app, "who", "peer-B");
    set(&mut app, "what", "Stayed late to finish the handover.");
    press(&mut app, "ctrl-t");
    assert_eq!(app.overlay(), Some(Context::Strengths));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("[a colleague's]"), "{s}");
    type_text(&mut app, "reliab");
    press(&mut app, "enter");
    press(&mut app, "esc");
    let tagged: Vec<String> = app
        .write
        .form()
        .unwrap()
        .entry
        .strengths
        .iter()
        .map(|s| format!("{}:{}", s.name, s.whose))
        .collect();
    assert_eq!(tagged, ["reliability:colleague"]);
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    // Feedback with only their words is saved, from a person supported.
    open_form(&mut app, "Feedback");
    assert_eq!(app.write.form().unwrap().text("source"), "person-supported");
    set(
        &mut app,
        "their-words",
        "\"You came when you said you would.\"",
    );
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    select_kind(&mut app, EntryKind::Feedback);
    let Details::Feedback(f) = &app.journal.preview.as_ref().unwrap().details else {
        panic!()
    };
    assert_eq!(f.source.as_str(), "person-supported");
    // The header says what is written in words.
    open_form(&mut app, "Group or peer session");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("New group session ·"), "{s}");
    assert!(!s.contains("group-session ·"), "{s}");
}

/// A date typed in a plan's review, or in recognition marked said, is writing: ctrl-q
/// does not close the window over it, but says to finish or close it first.
#[test]
fn a_typed_date_in_a_review_is_not_lost_to_the_quit_key() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    write_entry(
        &mut app,
        "Positive-risk plan",
        &[
            ("subject", "YP-A"),
            ("goal", "Cook a meal alone."),
            ("review-on", "2026-03-25"),
        ],
    );
    write_entry(
        &mut app,
        "Recognition",
        &[("who", "peer-B"), ("what", "Covered my shift.")],
    );
    let holds = |app: &mut App, context: Context| {
        press(app, "ctrl-q");
        assert!(!app.quit, "{context:?}");
        assert_eq!(app.overlay(), Some(context));
        let said = format!("{:?}", app.env.status);
        assert!(said.contains("holds what you typed"), "{said}");
    };
    // The day of the review typed, nothing else.
    select_kind(&mut app, EntryKind::PositiveRisk);
    press(&mut app, "v");
    assert_eq!(app.overlay(), Some(Context::PlanReview));
    press_n(&mut app, "down", 3);
    type_text(&mut app, "monday");
    holds(&mut app, Context::PlanReview);
    press(&mut app, "esc");
    // The offered next review changed, nothing else.
    press(&mut app, "v");
    press(&mut app, "down");
    press(&mut app, "down");
    press(&mut app, "backspace");
    holds(&mut app, Context::PlanReview);
    press(&mut app, "esc");
    // Recognition: the day it was said typed.
    select_kind(&mut app, EntryKind::Recognition);
    press(&mut app, "s");
    assert_eq!(app.overlay(), Some(Context::MarkSaid));
    press(&mut app, "down");
    type_text(&mut app, "2026-03-17");
    holds(&mut app, Context::MarkSaid);
    press(&mut app, "esc");
    // The next review typed back as it was offered: nothing is lost, so ctrl-q quits.
    select_kind(&mut app, EntryKind::PositiveRisk);
    press(&mut app, "v");
    press(&mut app, "down");
    press(&mut app, "down");
    assert_eq!(app.overlay(), Some(Context::PlanReview));
    press(&mut app, "backspace");
    type_text(&mut app, "5");
    press(&mut app, "ctrl-q");
    assert!(app.quit);
}

/// Each kind written in the app, found again by searching the journal's list for words
/// of its own text.
#[test]
fn each_kind_is_found_by_searching_the_journal_for_its_words() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for case in CASES {
        write_entry(&mut app, case.label, case.fields);
    }
    // Not reflections: none of these words is in another kind's text.
    for (words, kind) in [
        ("new starter", EntryKind::Recognition),
        ("letters come late", EntryKind::Feedback),
        ("childcare", EntryKind::Rupture),
        ("gym", EntryKind::PositiveRisk),
        ("ending means", EntryKind::GroupSession),
    ] {
        press(&mut app, "/");
        type_text(&mut app, words);
        press(&mut app, "enter");
        let kinds: Vec<EntryKind> = app.journal.rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [kind], "{words}");
        let s = screen(&mut app, 120, 30);
        assert!(s.contains("1 found"), "{words}: {s}");
        // Cleared, the whole journal is back.
        press(&mut app, "esc");
        assert_eq!(app.journal.rows.len(), CASES.len());
    }
}

/// The trash in the app: `T` shows it, `r` puts an entry back, `D` empties it for good
/// (asked first), and the journal's keys that change an entry only say to restore it.
#[test]
fn an_entry_is_restored_from_the_trash_in_the_app() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for case in &CASES[..3] {
        write_entry(&mut app, case.label, case.fields);
    }
    // The rupture (the newest) to the trash.
    select_kind(&mut app, EntryKind::Rupture);
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::Trash));
    press(&mut app, "y");
    let said = format!("{:?}", app.env.status);
    assert!(
        said.contains("T shows the trash, r there brings it back"),
        "{said}"
    );
    assert_eq!(app.journal.rows.len(), 2);
    // The trash, with it in it.
    press(&mut app, "T");
    assert!(app.journal.trash);
    let kinds: Vec<EntryKind> = app.journal.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [EntryKind::Rupture]);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Trash"), "{s}");
    assert!(s.contains("1 entry in the trash"), "{s}");
    assert!(s.contains("In the trash since 2026-03-18"), "{s}");
    assert!(s.contains("Status: repair tried"), "{s}");
    // Its text is searched in the trash as in the journal.
    press(&mut app, "/");
    type_text(&mut app, "childcare");
    press(&mut app, "enter");
    assert_eq!(app.journal.rows.len(), 1);
    // What would change it waits until it is back.
    for key in ["enter", "b", "x"] {
        press(&mut app, key);
        assert_eq!(app.overlay(), None, "{key}");
        assert_eq!(app.pane, Pane::Journal, "{key}");
        let said = format!("{:?}", app.env.status);
        assert!(
            said.contains("r puts it back in the journal first"),
            "{key}: {said}"
        );
    }
    // d there deletes it for good, asked first: any other key keeps it.
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::EmptyTrash));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Delete for good?"), "{s}");
    assert!(s.contains("“Rupture with peer-C · withdrawal”"), "{s}");
    assert!(s.contains("This cannot be undone."), "{s}");
    press(&mut app, "n");
    assert_eq!(app.overlay(), None);
    assert_eq!(count(&app.env.store, true), 1);
    // Restored: back in the journal, as it was.
    press(&mut app, "r");
    let said = format!("{:?}", app.env.status);
    assert!(said.contains("Restored"), "{said}");
    assert!(app.journal.rows.is_empty());
    assert_eq!(count(&app.env.store, true), 0);
    assert_eq!(count(&app.env.store, false), 3);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Nothing matches the search"), "{s}");
    // esc clears the search, then leaves the trash.
    press(&mut app, "esc");
    assert!(app.journal.trash);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("The trash is empty. T goes back to the journal."),
        "{s}"
    );
    assert!(s.contains("0 entries in the trash"), "{s}");
    press(&mut app, "esc");
    assert!(!app.journal.trash);
    assert_eq!(app.journal.rows.len(), 3);
    select_kind(&mut app, EntryKind::Rupture);
    let e = app.journal.preview.clone().unwrap();
    assert!(e.deleted_at.is_none());
    assert_eq!(e.title, "Rupture with peer-C · withdrawal");
    // Restoring is for the trash.
    press(&mut app, "r");
    assert!(format!("{:?}", app.env.status).contains("T shows the trash"));
    // Two to the trash, emptied for good: asked first, and any other key keeps them.
    for _ in 0..2 {
        press(&mut app, "d");
        press(&mut app, "y");
    }
    press(&mut app, "T");
    assert_eq!(app.journal.rows.len(), 2);
    press(&mut app, "D");
    assert_eq!(app.overlay(), Some(Context::EmptyTrash));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Delete 2 entries in the trash for good?"), "{s}");
    press(&mut app, "n");
    assert_eq!(app.overlay(), None);
    assert_eq!(count(&app.env.store, true), 2);
    // One of them for good, the selected one: the other stays in the trash.
    let chosen = app.journal.rows[app.journal.selected].title.clone();
    press(&mut app, "d");
    press(&mut app, "y");
    let said = format!("{:?}", app.env.status);
    assert!(
        said.contains(&format!("Deleted “{chosen}” for good")),
        "{said}"
    );
    assert_eq!(count(&app.env.store, true), 1);
    assert_eq!(app.journal.rows.len(), 1);
    assert_ne!(app.journal.rows[0].title, chosen);
    press(&mut app, "D");
    press(&mut app, "y");
    assert!(format!("{:?}", app.env.status).contains("Deleted 1 entry for good"));
    assert_eq!(count(&app.env.store, true), 0);
    assert_eq!(count(&app.env.store, false), 1);
    press(&mut app, "D");
    assert_eq!(app.overlay(), None);
    assert!(format!("{:?}", app.env.status).contains("already empty"));
    press(&mut app, "d");
    assert_eq!(app.overlay(), None);
    assert!(format!("{:?}", app.env.status).contains("nothing to delete"));
    // The help lists the trash's keys.
    let help = app.env.keymap.help_rows();
    assert!(
        help.iter()
            .any(|(_, k, h)| k == "r" && h.starts_with("in the trash: put the selected entry")),
        "{help:?}"
    );
}

/// Mode bits of a file or folder.
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Export from the app: the selected entry or the list as shown, by the command line's
/// export, redacted unless asked otherwise, into a private folder beside the journal,
/// never over a file without asking.
#[test]
fn an_entry_and_the_list_are_exported_redacted_from_the_app() {
    let j = Journal::new();
    let mut app = app_with(Store::open(&j.db()).unwrap());
    for case in CASES {
        write_entry(&mut app, case.label, case.fields);
    }
    write_entry(
        &mut app,
        "Feedback",
        &[
            ("source", "colleague"),
            ("from", "peer-C"),
            (
                "their-words",
                "Spoke to Florin about the handover; it was clear.",
            ),
            ("take", "Handovers land when they are short."),
        ],
    );
    // The feedback just written is selected: exported as it is, redacted.
    assert_eq!(
        app.journal.preview.as_ref().unwrap().kind,
        EntryKind::Feedback
    );
    press(&mut app, "x");
    assert_eq!(app.overlay(), Some(Context::Export));
    let s = screen(&mut app, 100, 30);
    for want in [
        "the selected feedback",
        "◀ entries ▶",
        "◀ md ▶",
        "◀ private ▶",
        "◀ yes: names, places, numbers replaced ▶",
        "praxis-feedback-2026-03-18.md",
    ] {
        assert!(s.contains(want), "{want} not in\n{s}");
    }
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    let folder = j.path().join("exports");
    let file = folder.join("praxis-feedback-2026-03-18.md");
    let said = app.env.status.clone().unwrap();
    assert!(
        said.starts_with(&format!("Exported 1 entry to {}", file.display())),
        "{said}"
    );
    assert!(said.contains("(redacted: "), "{said}");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.contains("Handovers land when they are short."), "{md}");
    assert!(
        md.contains("[SUBJECT-1]") && md.contains("[PERSON-1]"),
        "{md}"
    );
    for gone in ["peer-C", "Florin", "letters come late"] {
        assert!(!md.contains(gone), "{gone} in\n{md}");
    }
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&folder), 0o700);
    // Again: a new name beside it, the first left as it was.
    press(&mut app, "x");
    press(&mut app, "enter");
    assert!(folder.join("praxis-feedback-2026-03-18-2.md").exists());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
    // A name typed that is there already: asked, and replaced only on a second enter.
    press(&mut app, "x");
    press_n(&mut app, "down", 6);
    press_n(&mut app, "backspace", 5);
    type_text(&mut app, ".html");
    press(&mut app, "enter");
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("its name says html, but the format is md"),
        "{s}"
    );
    press_n(&mut app, "backspace", 5);
    type_text(&mut app, ".md");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), Some(Context::Export));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("is there already:"), "{s}");
    assert!(s.contains("enter again replaces it"), "{s}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
    // ctrl-q does not lose a name typed.
    press(&mut app, "ctrl-q");
    assert!(!app.quit);
    std::fs::write(&file, "an older file").unwrap();
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md, "replaced");
    assert_eq!(mode(&file), 0o600);
    // Unredacted, asked first when the check finds something.
    press(&mut app, "x");
    press_n(&mut app, "down", 5);
    press(&mut app, "right");
    press(&mut app, "enter");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("possible identifiers in 1 entry"), "{s}");
    press(&mut app, "enter");
    let said = app.env.status.clone().unwrap();
    assert!(said.contains("(unredacted)"), "{said}");
    let written = said
        .strip_prefix("Exported 1 entry to ")
        .and_then(|s| s.strip_suffix(" (unredacted)"))
        .unwrap();
    assert!(std::fs::read_to_string(written).unwrap().contains("Florin"));
    // A rupture leaves only when it is said: the form says how.
    select_kind(&mut app, EntryKind::Rupture);
    press(&mut app, "x");
    press(&mut app, "enter");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("ruptures describe other people"), "{s}");
    press_n(&mut app, "down", 4);
    press(&mut app, "right");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None, "{:?}", app.env.status);
    let rupture = std::fs::read_to_string(folder.join("praxis-rupture-2026-03-18.md")).unwrap();
    assert!(
        rupture.contains("Nights matter for her childcare."),
        "{rupture}"
    );
    // The list as filtered: every feedback, at the scope chosen.
    press(&mut app, "f");
    type_text(&mut app, "f");
    press(&mut app, "enter");
    assert_eq!(app.journal.filter.kind, Some(EntryKind::Feedback));
    assert_eq!(app.journal.rows.len(), 2);
    press(&mut app, "x");
    press(&mut app, "right");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("the list: kind feedback (2 entries)"), "{s}");
    assert!(s.contains("◀ shareable ▶"), "{s}");
    press(&mut app, "enter");
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("no entry of the list is shareable: widen Scope"),
        "{s}"
    );
    press_n(&mut app, "down", 3);
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "enter");
    let said = app.env.status.clone().unwrap();
    assert!(said.starts_with("Exported 2 entries to "), "{said}");
    assert!(said.contains("praxis-journal-2026-03-18.md"), "{said}");
    // As the NMC's form, from the list: the feedback log.
    press(&mut app, "x");
    press(&mut app, "right");
    press(&mut app, "down");
    press(&mut app, "right");
    press_n(&mut app, "down", 2);
    press(&mut app, "left");
    press(&mut app, "enter");
    let said = app.env.status.clone().unwrap();
    assert!(said.contains("praxis-nmc-2026-03-18.md"), "{said}");
    let nmc = std::fs::read_to_string(folder.join("praxis-nmc-2026-03-18.md")).unwrap();
    assert!(nmc.contains("Practice-related feedback"), "{nmc}");
    assert!(nmc.contains("Reliability is part of care."), "{nmc}");
    // A list of ruptures leaves only when that is said, as one rupture does.
    press(&mut app, "f");
    press(&mut app, "backspace");
    type_text(&mut app, "rrr");
    press(&mut app, "enter");
    assert_eq!(app.journal.filter.kind, Some(EntryKind::Rupture));
    press(&mut app, "x");
    press(&mut app, "right");
    press_n(&mut app, "down", 3);
    press(&mut app, "left");
    press(&mut app, "enter");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("ruptures describe other people"), "{s}");
    press(&mut app, "esc");
    assert_eq!(app.overlay(), None);
}

/// The export form at 80x24; over a journal with no folder (one in memory), it asks for
/// the file's path rather than choosing one.
#[test]
fn the_export_form_at_80x24() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    write_entry(&mut app, CASES[0].label, CASES[0].fields);
    press(&mut app, "x");
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("others_export_80x24", s);
    press(&mut app, "enter");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("File: give the path of the file to write"),
        "{s}"
    );
    assert_eq!(app.overlay(), Some(Context::Export));
}

/// A list filtered by dates is exported with those dates as the period the file covers:
/// by their month, as a redacted export shows every date.
#[test]
fn an_exported_list_says_the_dates_of_its_filter() {
    let j = Journal::new();
    let mut app = app_with(Store::open(&j.db()).unwrap());
    for case in CASES {
        write_entry(&mut app, case.label, case.fields);
    }
    press(&mut app, "f");
    press_n(&mut app, "down", 3);
    type_text(&mut app, "2026-03-10");
    press(&mut app, "enter");
    assert_eq!(app.journal.matching, 4, "{:?}", app.env.status);
    press(&mut app, "x");
    press(&mut app, "right");
    press_n(&mut app, "down", 3);
    press(&mut app, "left");
    press(&mut app, "enter");
    let said = app.env.status.clone().unwrap();
    assert!(said.starts_with("Exported 3 entries to "), "{said}");
    let md =
        std::fs::read_to_string(j.path().join("exports/praxis-journal-2026-03-18.md")).unwrap();
    assert!(md.contains("\nMarch 2026 · made"), "{md}");
    assert!(!md.contains("2026-03-10"), "{md}");
    assert!(!md.contains("all dates"), "{md}");
}

/// Exporting a long list says the screen will wait while it is written; one entry does
/// not.
#[test]
fn the_export_form_says_a_long_list_keeps_the_screen_waiting() {
    let j = Journal::new();
    let mut store = Store::open(&j.db()).unwrap();
    let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let entries: Vec<praxis::model::Entry> = (0..5_000)
        .map(|i| {
            let mut e = praxis::model::Entry::new(EntryKind::Reflection, on, now());
            e.title = format!("Day {i}");
            e
        })
        .collect();
    store.insert_entries(&entries).unwrap();
    let mut app = app_with(store);
    press(&mut app, "x");
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("the screen waits"), "{s}");
    press(&mut app, "right");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("the whole journal (5000 entries)"), "{s}");
    assert!(
        s.contains("5000 entries to write: the screen waits until the file is written"),
        "{s}"
    );
}
