//! The terminal app without a terminal: app logic driven by keys over an in-memory
//! journal, and every pane drawn on a TestBackend as committed snapshots (80x24, 120x40)
//! with a fixed clock.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use praxis::catalog::Catalog;
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::model::{CheckIn, Entry, EntryKind, Load, Section, StrengthTag, Whose};
use praxis::store::Store;
use praxis::tui::app::{App, Overlay, Pane};
use praxis::tui::keymap::{Key, Keymap};
use praxis::tui::theme::Theme;
use praxis::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn app_with(store: Store) -> App {
    let clock = Clock::fixed(now().fixed_offset());
    App::new(
        store,
        Catalog::builtin(),
        Config::default(),
        clock,
        Keymap::defaults(),
        Theme::monochrome(),
    )
    .unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// A small journal whose every entry is known.
fn seeded() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(16), now());
    e.title = "Hard handover at the end of a long shift".into();
    e.model = Some("gibbs".into());
    e.sections = vec![
        Section {
            key: "description".into(),
            label: "Description".into(),
            text: "The night team arrived late and the handover was rushed.".into(),
        },
        Section {
            key: "feelings".into(),
            label: "Feelings".into(),
            text: "Tense, then calmer once we slowed down.".into(),
        },
    ];
    e.strengths = vec![
        StrengthTag::new("listening", Whose::Mine),
        StrengthTag::new("teamwork", Whose::Team),
    ];
    e.for_supervision = true;
    e.checkin = Some(CheckIn {
        mood: Some(3),
        energy: Some(2),
        load: Some(Load::Heavy),
        ..CheckIn::default()
    });
    s.insert_entry(&e).unwrap();
    let mut q = Entry::new(EntryKind::Reflection, day(17), now());
    q.title = "Quiet night, good team".into();
    q.body = "Nothing dramatic. We laughed at handover.".into();
    q.tags = vec!["nights".into()];
    s.insert_entry(&q).unwrap();
    let mut c = Entry::new(EntryKind::CheckIn, day(18), now());
    c.title = "Check-in: stretched".into();
    c.checkin = Some(CheckIn {
        mood: Some(2),
        word: Some("stretched".into()),
        ..CheckIn::default()
    });
    s.insert_entry(&c).unwrap();
    s
}

fn press(app: &mut App, key: &str) {
    let k = Key::parse(key).unwrap();
    let mut ev = KeyEvent::new(k.code, k.mods);
    if let KeyCode::Char(c) = k.code
        && c.is_uppercase()
    {
        ev.modifiers |= KeyModifiers::SHIFT;
    }
    app.handle_event(&Event::Key(ev)).unwrap();
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        app.handle_event(&Event::Key(ev)).unwrap();
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(app, f)).unwrap();
    t.backend().to_string()
}

macro_rules! snap {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!(format!("{}_80x24", $name), screen(&$app, 80, 24));
        insta::assert_snapshot!(format!("{}_120x40", $name), screen(&$app, 120, 40));
    };
}

#[test]
fn welcome_on_an_empty_journal() {
    let app = app_with(Store::open_in_memory().unwrap());
    let s = screen(&app, 80, 24);
    assert!(s.contains("Welcome to praxis"), "{s}");
    assert!(s.contains("write your first reflection"), "{s}");
    snap!("welcome", app);
}

#[test]
fn journal_pane() {
    let app = app_with(seeded());
    let s = screen(&app, 80, 24);
    // Newest first, the first one previewed.
    assert!(
        s.find("Check-in: stretched").unwrap() < s.find("Quiet night").unwrap(),
        "{s}"
    );
    snap!("journal", app);
}

#[test]
fn journal_preview_follows_the_selection() {
    let mut app = app_with(seeded());
    press(&mut app, "j");
    press(&mut app, "j");
    assert_eq!(app.journal.selected, 2);
    let s = screen(&app, 120, 40);
    assert!(s.contains("The night team arrived late"), "{s}");
    assert!(s.contains("Strengths listening, teamwork:team"), "{s}");
    snap!("journal_selected", app);
}

#[test]
fn live_search_narrows_as_you_type_fuzzy_on_titles_full_text_on_bodies() {
    let mut app = app_with(seeded());
    press(&mut app, "/");
    type_text(&mut app, "hndover");
    let titles: Vec<&str> = app.journal.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles[0], "Hard handover at the end of a long shift");
    // "laughed" is only in a body.
    press(&mut app, "esc");
    type_text(&mut app, "laugh");
    let titles: Vec<&str> = app.journal.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Quiet night, good team"]);
    snap!("journal_search", app);
    press(&mut app, "esc");
    press(&mut app, "esc");
    assert_eq!(app.journal.rows.len(), 3);
    assert!(!app.journal.searching);
}

#[test]
fn filter_by_kind() {
    let mut app = app_with(seeded());
    press(&mut app, "f");
    assert!(
        app.journal
            .rows
            .iter()
            .all(|r| r.kind == EntryKind::Reflection)
    );
    assert_eq!(app.journal.rows.len(), 2);
}

#[test]
fn write_a_gibbs_reflection_with_strengths_and_a_check_in_then_find_it() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    assert_eq!(app.pane, Pane::Write);
    // Choose Gibbs from the model list.
    press(&mut app, "f4");
    let gibbs = app
        .catalog
        .models
        .iter()
        .position(|m| m.id == "gibbs")
        .unwrap();
    for _ in 0..gibbs {
        press(&mut app, "down");
    }
    press(&mut app, "enter");
    assert_eq!(
        app.write.as_ref().unwrap().template.as_ref().unwrap().id,
        "gibbs"
    );
    type_text(&mut app, "A family meeting about discharge.");
    press(&mut app, "tab");
    type_text(&mut app, "Nervous, then steadier.");
    snap!("write_gibbs", app);
    // Two strengths: mine and the team's.
    press(&mut app, "ctrl-t");
    type_text(&mut app, "advoc");
    press(&mut app, "enter");
    for _ in 0..6 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "teamwork");
    press(&mut app, "tab");
    press(&mut app, "tab");
    press(&mut app, "enter");
    snap!("strengths_picker", app);
    press(&mut app, "esc");
    press(&mut app, "ctrl-b");
    // Saving a new reflection offers the check-in first.
    press(&mut app, "ctrl-s");
    assert!(matches!(app.overlay, Some(Overlay::CheckIn(_))));
    press(&mut app, "4");
    press(&mut app, "down");
    press(&mut app, "right");
    press(&mut app, "down");
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "right");
    snap!("checkin_form", app);
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Journal);
    assert!(app.write.is_none());
    let saved = app.journal.preview.clone().unwrap();
    assert_eq!(saved.title, "A family meeting about discharge.");
    assert_eq!(saved.model.as_deref(), Some("gibbs"));
    assert_eq!(saved.section("feelings"), Some("Nervous, then steadier."));
    assert!(saved.for_supervision);
    assert_eq!(
        saved.strengths,
        vec![
            StrengthTag::new("advocacy", Whose::Mine),
            StrengthTag::new("teamwork", Whose::Team)
        ]
    );
    let c = saved.checkin.unwrap();
    assert_eq!(
        (c.mood, c.energy, c.load),
        (Some(4), Some(3), Some(Load::Heavy))
    );
    // Found again by part of a word, and on the supervision board.
    press(&mut app, "/");
    type_text(&mut app, "discha");
    assert_eq!(app.journal.rows.len(), 1);
    press(&mut app, "esc");
    press(&mut app, "esc");
    press(&mut app, "3");
    assert_eq!(app.pane, Pane::Supervision);
    let s = screen(&app, 80, 24);
    assert!(s.contains("A family meeting about discharge."), "{s}");
    snap!("supervision_board", app);
}

#[test]
fn edit_then_delete_an_entry() {
    let mut app = app_with(seeded());
    press(&mut app, "G");
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    let w = app.write.as_ref().unwrap();
    assert_eq!(
        w.text("description"),
        "The night team arrived late and the handover was rushed."
    );
    press(&mut app, "tab");
    press(&mut app, "end");
    press(&mut app, "down");
    press(&mut app, "end");
    type_text(&mut app, " Relieved after.");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal);
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(
        e.section("feelings"),
        Some("Tense, then calmer once we slowed down. Relieved after.")
    );
    assert_eq!(e.version, 2);
    press(&mut app, "d");
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { .. })));
    snap!("confirm_delete", app);
    press(&mut app, "y");
    assert_eq!(app.journal.rows.len(), 2);
    assert!(app.journal.rows.iter().all(|r| r.title != e.title));
}

#[test]
fn a_draft_is_kept_on_leaving_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    {
        let mut app = app_with(Store::open(&path).unwrap());
        press(&mut app, "n");
        type_text(&mut app, "Half a thought about the visit");
        // Switching panes keeps the draft; then the process dies without saving.
        press(&mut app, "alt-1");
        assert_eq!(app.pane, Pane::Journal);
        std::mem::forget(app);
    }
    let mut app = app_with(Store::open(&path).unwrap());
    assert!(matches!(app.overlay, Some(Overlay::Drafts { .. })));
    snap!("draft_recovery", app);
    // A stray key does not decide.
    press(&mut app, "x");
    assert!(matches!(app.overlay, Some(Overlay::Drafts { .. })));
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(
        app.write.as_ref().unwrap().text("body"),
        "Half a thought about the visit"
    );
    press(&mut app, "ctrl-s");
    press(&mut app, "esc");
    assert_eq!(app.pane, Pane::Journal);
    assert_eq!(app.journal.rows[0].title, "Half a thought about the visit");
    assert!(
        app.store.drafts().unwrap().is_empty(),
        "a saved entry leaves no draft"
    );
}

#[test]
fn the_idle_timer_keeps_a_draft_without_leaving_the_pane() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Typing, then a pause");
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(10))
        .unwrap();
    assert_eq!(app.store.drafts().unwrap().len(), 1);
}

#[test]
fn quitting_with_unsaved_writing_asks_first() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Not finished");
    press(&mut app, "ctrl-q");
    assert!(!app.quit);
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    snap!("confirm_quit", app);
    press(&mut app, "k");
    assert!(app.quit);
    assert_eq!(app.store.drafts().unwrap().len(), 1, "kept as a draft");
}

#[test]
fn help_is_generated_from_the_live_keymap() {
    let mut t = std::collections::BTreeMap::new();
    t.insert("save".to_string(), vec!["f12".to_string()]);
    let keymap = Keymap::with_overrides(&t).unwrap();
    let mut app = App::new(
        Store::open_in_memory().unwrap(),
        Catalog::builtin(),
        Config::default(),
        Clock::fixed(now().fixed_offset()),
        keymap,
        Theme::monochrome(),
    )
    .unwrap();
    press(&mut app, "?");
    let s = screen(&app, 120, 40);
    assert!(s.contains("F12"), "{s}");
    assert!(s.contains("save the entry"), "{s}");
    assert!(!s.contains("ctrl-s  "), "{s}");
    press(&mut app, "esc");
    press(&mut app, "?");
    snap!("help", app);
}

#[test]
fn too_small_a_terminal_says_so() {
    let app = app_with(seeded());
    let s = screen(&app, 40, 10);
    assert!(s.contains("praxis needs at least 50×12"), "{s}");
}

#[test]
fn journal_text_never_reaches_the_terminal_as_escape_sequences() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(18), now());
    e.title = "evil \u{1b}]0;pwned\u{7} title".into();
    e.body = "line\u{1b}[2J with \u{9b}31m control".into();
    s.insert_entry(&e).unwrap();
    let app = app_with(s);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| view::draw(&app, f)).unwrap();
    for cell in t.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn wide_characters_and_right_to_left_text_do_not_break_the_layout() {
    let mut s = Store::open_in_memory().unwrap();
    for title in [
        "日本語のタイトルがとても長い場合でも大丈夫",
        "שלום עולם — reflection",
        "e\u{301}mile 👩🏽‍⚕️ nurse",
    ] {
        let mut e = Entry::new(EntryKind::Reflection, day(18), now());
        e.title = title.into();
        s.insert_entry(&e).unwrap();
    }
    let app = app_with(s);
    let out = screen(&app, 80, 24);
    assert!(out.contains("日本語"), "{out}");
    // The list's right border stands in its column on every row: nothing pushed it.
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| view::draw(&app, f)).unwrap();
    let buf = t.backend().buffer();
    for y in 2..12 {
        assert_eq!(buf[(79, y)].symbol(), "│", "row {y}:\n{out}");
    }
}
