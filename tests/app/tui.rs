//! The terminal app without a terminal: app logic driven by keys over an in-memory
//! journal, and every pane drawn on a TestBackend as committed snapshots (80x24, 120x40)
//! with a fixed clock.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use super::{press, press_n, type_text};
use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use crossterm::event::{Event, KeyEvent, KeyModifiers};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::model::{CheckIn, Entry, EntryKind, Load, Section, StrengthTag, Whose};
use praxis::process::Writer;
use praxis::store::Store;
use praxis::tui::action::Context;
use praxis::tui::app::App;
use praxis::tui::component::Pane;
use praxis::tui::keymap::{Key, Keymap};
use praxis::tui::runtime::{Handled, Screen as _};
use praxis::tui::theme::Theme;
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

/// The app as `writer` of its drafts.
fn app_as(store: Store, writer: Writer) -> App {
    let clock = Clock::fixed(now().fixed_offset());
    App::new_as(
        store,
        Catalog::builtin(),
        Config::default(),
        clock,
        Keymap::defaults(),
        Theme::monochrome(),
        writer,
    )
    .unwrap()
}

/// A writer that has ended: a process that ran and was waited for.
fn gone_writer() -> Writer {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    Writer { pid, started: None }
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

pub(super) fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    mask_ids(&t.backend().to_string())
}

/// Entry ids are random: snapshots show them as a same-width mask.
pub(super) fn mask_ids(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let boundary_before = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            .count();
        let boundary_after = chars.get(i + 8).is_none_or(|c| !c.is_ascii_alphanumeric());
        if boundary_before && run == 8 && boundary_after {
            out.push_str("########");
            i += 8;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

macro_rules! snap {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!(format!("{}_80x24", $name), screen(&mut $app, 80, 24));
        insta::assert_snapshot!(format!("{}_120x40", $name), screen(&mut $app, 120, 40));
    };
}

#[test]
fn welcome_on_an_empty_journal() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Welcome to praxis"), "{s}");
    assert!(s.contains("write your first reflection"), "{s}");
    snap!("welcome", app);
}

#[test]
fn journal_pane() {
    let mut app = app_with(seeded());
    let s = screen(&mut app, 80, 24);
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
    let s = screen(&mut app, 120, 40);
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
fn write_a_gibbs_reflection_with_strengths_and_a_check_in_then_find_it() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    assert_eq!(app.pane, Pane::Write);
    // Choose Gibbs from the model list.
    press(&mut app, "f4");
    let gibbs = app
        .env
        .catalog
        .models
        .iter()
        .position(|m| m.id == "gibbs")
        .unwrap();
    press_n(&mut app, "down", gibbs);
    press(&mut app, "enter");
    assert_eq!(
        app.write.form().unwrap().template.as_ref().unwrap().id,
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
    press_n(&mut app, "backspace", 6);
    type_text(&mut app, "teamwork");
    press(&mut app, "tab");
    press(&mut app, "tab");
    press(&mut app, "enter");
    snap!("strengths_picker", app);
    press(&mut app, "esc");
    press(&mut app, "ctrl-b");
    // Saving a new reflection offers the check-in first.
    press(&mut app, "ctrl-s");
    assert_eq!(app.overlay(), Some(Context::CheckIn));
    press(&mut app, "4");
    press(&mut app, "down");
    // From none, → steps up the scale from 1.
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "down");
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "right");
    snap!("checkin_form", app);
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Journal);
    assert!(app.write.form().is_none());
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
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("A family meeting about discharge."), "{s}");
    snap!("supervision_board", app);
}

#[test]
fn edit_then_delete_an_entry() {
    let mut app = app_with(seeded());
    press(&mut app, "G");
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    let w = app.write.form().unwrap();
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
    assert_eq!(app.overlay(), Some(Context::Trash));
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
        // An app whose process then dies without saving.
        let mut app = app_as(Store::open(&path).unwrap(), gone_writer());
        press(&mut app, "n");
        type_text(&mut app, "Half a thought about the visit");
        // Switching panes keeps the draft.
        press(&mut app, "alt-1");
        assert_eq!(app.pane, Pane::Journal);
        std::mem::forget(app);
    }
    let mut app = app_with(Store::open(&path).unwrap());
    assert_eq!(app.overlay(), Some(Context::Drafts));
    snap!("draft_recovery", app);
    // A stray key does not decide.
    press(&mut app, "x");
    assert_eq!(app.overlay(), Some(Context::Drafts));
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(
        app.write.form().unwrap().text("body"),
        "Half a thought about the visit"
    );
    press(&mut app, "ctrl-s");
    press(&mut app, "esc");
    assert_eq!(app.pane, Pane::Journal);
    assert_eq!(app.journal.rows[0].title, "Half a thought about the visit");
    assert!(
        app.env.store.drafts().unwrap().is_empty(),
        "a saved entry leaves no draft"
    );
}

#[test]
fn two_windows_on_one_journal_never_share_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut a = app_with(Store::open(&path).unwrap());
    press(&mut a, "n");
    type_text(&mut a, "Mine, still being written");
    press(&mut a, "alt-1");
    assert_eq!(a.env.store.drafts().unwrap().len(), 1);
    // A second window while the first is open: the draft is the first one's.
    let mut b = app_with(Store::open(&path).unwrap());
    assert_eq!(b.overlay(), None);
    let s = screen(&mut b, 80, 24);
    assert!(
        s.contains("Another praxis window is writing 1 entry"),
        "{s}"
    );
    // Both keep writing: each keeps a draft of its own, neither writes over the other.
    press(&mut b, "n");
    type_text(&mut b, "Theirs");
    press(&mut b, "alt-1");
    press(&mut a, "alt-2");
    type_text(&mut a, ", and more");
    press(&mut a, "alt-1");
    let texts: Vec<String> = a
        .env
        .store
        .drafts()
        .unwrap()
        .iter()
        .map(|d| d.data.clone())
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Mine, still being written, and more"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Theirs") && !t.contains("Mine"))
    );
}

#[test]
fn a_save_never_fails_on_the_entrys_own_identity() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    // A's draft of a new entry, A taken for gone (its process has ended).
    let mut a = app_as(Store::open(&path).unwrap(), gone_writer());
    press(&mut a, "n");
    type_text(&mut a, "Written twice");
    press(&mut a, "alt-1");
    // B takes it up.
    let mut b = app_with(Store::open(&path).unwrap());
    assert_eq!(b.overlay(), Some(Context::Drafts));
    press(&mut b, "enter");
    assert_eq!(b.pane, Pane::Write);
    // A was not gone after all: it goes on writing, and saves the same new entry.
    press(&mut a, "alt-2");
    type_text(&mut a, " (A)");
    press(&mut a, "alt-1");
    let b_draft = b.env.store.drafts().unwrap();
    assert!(
        b_draft
            .iter()
            .any(|d| d.data.contains("Written twice\"") && d.writer.is_some()),
        "A wrote over the draft B took: {b_draft:?}"
    );
    press(&mut a, "alt-2");
    press(&mut a, "ctrl-s");
    press(&mut a, "enter");
    assert_eq!(a.pane, Pane::Journal, "{:?}", a.env.status);
    // B's save of the same entry is a choice, not an error that never goes away.
    press(&mut b, "ctrl-s");
    press(&mut b, "enter");
    assert_eq!(b.overlay(), Some(Context::Conflict), "{:?}", b.env.status);
    let s = screen(&mut b, 80, 24);
    assert!(
        s.contains("saved by another praxis while you wrote it"),
        "{s}"
    );
    press(&mut b, "c");
    assert_eq!(b.pane, Pane::Journal, "{:?}", b.env.status);
    let titles: Vec<&str> = b.journal.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"Written twice (A)"), "{titles:?}");
    assert!(titles.contains(&"Written twice (my copy)"), "{titles:?}");
    assert!(b.env.store.drafts().unwrap().is_empty());
}

#[test]
fn an_entry_deleted_for_good_elsewhere_is_saved_as_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut other = Store::open(&path).unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(17), now());
    e.title = "Kept after all".into();
    e.body = "First words.".into();
    other.insert_entry(&e).unwrap();
    let mut app = app_with(Store::open(&path).unwrap());
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Write);
    type_text(&mut app, " More words.");
    // Meanwhile another praxis deletes it for good.
    let rowid = other.resolve_id(&app.journal.rows[0].short_id).unwrap();
    other.trash_entry(rowid, now()).unwrap();
    assert_eq!(other.empty_trash().unwrap(), 1);
    press(&mut app, "ctrl-s");
    assert_eq!(app.overlay(), Some(Context::Gone), "{:?}", app.env.status);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("deleted for good"), "{s}");
    press(&mut app, "s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.title, "Kept after all");
    assert_eq!(e.body, "First words. More words.");
    assert_eq!(app.journal.rows.len(), 1);

    // The same on the way out: quit, save, the entry is gone; it is saved as new, then quit.
    press(&mut app, "enter");
    type_text(&mut app, " Last.");
    let rowid = other.resolve_id(&app.journal.rows[0].short_id).unwrap();
    other.trash_entry(rowid, now()).unwrap();
    other.empty_trash().unwrap();
    press(&mut app, "ctrl-q");
    press(&mut app, "s");
    assert_eq!(app.overlay(), Some(Context::Gone), "{:?}", app.env.status);
    assert!(!app.quit);
    press(&mut app, "s");
    assert!(app.quit);
    let titles: Vec<String> = other
        .list_entries(&praxis::store::EntryFilter::default(), None, 10)
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(titles, ["Kept after all"]);
}

#[test]
fn the_idle_timer_keeps_a_draft_without_leaving_the_pane() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Typing, then a pause");
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(10));
    assert_eq!(app.env.store.drafts().unwrap().len(), 1);
}

#[test]
fn quitting_with_unsaved_writing_asks_first() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Not finished");
    press(&mut app, "ctrl-q");
    assert!(!app.quit);
    assert_eq!(app.overlay(), Some(Context::Quit));
    snap!("confirm_quit", app);
    press(&mut app, "k");
    assert!(app.quit);
    assert_eq!(app.env.store.drafts().unwrap().len(), 1, "kept as a draft");
}

#[test]
fn discarding_an_untouched_form_asks_nothing_and_a_written_one_asks_first() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    press(&mut app, "f8");
    assert_eq!(app.overlay(), None, "nothing written, nothing to ask about");
    assert!(!app.write.dirty());
    assert!(
        app.env
            .status
            .as_deref()
            .unwrap()
            .contains("Nothing was written")
    );
    press(&mut app, "n");
    type_text(&mut app, "Half a thought");
    press(&mut app, "f8");
    assert_eq!(app.overlay(), Some(Context::Discard));
}

#[test]
fn ctrl_q_quits_from_a_window_unless_it_holds_writing() {
    // From help, with nothing written: quits.
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "f1");
    assert!(app.overlay().is_some());
    press(&mut app, "ctrl-q");
    assert!(app.quit);
    // From help, with writing in the form: asks first, as from the panes.
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Not finished");
    press(&mut app, "f1");
    press(&mut app, "ctrl-q");
    assert!(!app.quit);
    assert_eq!(app.overlay(), Some(Context::Quit));
    // A plain q still only closes a list.
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "f1");
    press(&mut app, "q");
    assert!(!app.quit);
    // From a check-in with something in it: says to finish or close it first.
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "c");
    press(&mut app, "2");
    press(&mut app, "ctrl-q");
    assert!(!app.quit);
    assert_eq!(app.overlay(), Some(Context::CheckIn));
    assert!(
        app.env
            .status
            .as_deref()
            .unwrap()
            .contains("holds what you typed"),
        "{:?}",
        app.env.status
    );
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
    // The help scrolls: down to the Write pane's keys.
    let mut s = screen(&mut app, 120, 40);
    for _ in 0..60 {
        if s.contains("save the entry") {
            break;
        }
        press(&mut app, "down");
        s = screen(&mut app, 120, 40);
    }
    let row = s.lines().find(|l| l.contains("save the entry")).unwrap();
    assert!(row.contains("  F12  "), "{s}");
    assert!(!s.contains("ctrl-s  "), "{s}");
    press(&mut app, "esc");
    press(&mut app, "?");
    snap!("help", app);
}

#[test]
fn too_small_a_terminal_says_so() {
    let mut app = app_with(seeded());
    let s = screen(&mut app, 40, 10);
    assert!(s.contains("praxis needs at least 50×12"), "{s}");
}

#[test]
fn journal_text_never_reaches_the_terminal_as_escape_sequences() {
    let mut s = Store::open_in_memory().unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(18), now());
    e.title = "evil \u{1b}]0;pwned\u{7} title".into();
    e.body = "line\u{1b}[2J with \u{9b}31m control".into();
    s.insert_entry(&e).unwrap();
    let mut app = app_with(s);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
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
    let mut app = app_with(s);
    let out = screen(&mut app, 80, 24);
    assert!(out.contains("日本語"), "{out}");
    // The list's right border stands in its column on every row: nothing pushed it.
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    let buf = t.backend().buffer();
    for y in 2..12 {
        assert_eq!(buf[(79, y)].symbol(), "│", "row {y}:\n{out}");
    }
}

#[test]
fn filters_by_kind_strength_tag_and_dates() {
    let mut app = app_with(seeded());
    press(&mut app, "f");
    assert_eq!(app.overlay(), Some(Context::Filter));
    press(&mut app, "right"); // reflection
    press(&mut app, "down");
    type_text(&mut app, "listening");
    snap!("filter_form", app);
    press(&mut app, "enter");
    let titles: Vec<&str> = app.journal.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Hard handover at the end of a long shift"]);
    assert!(screen(&mut app, 80, 24).contains("Journal · kind reflection · strength listening"));
    // A tag and a date range.
    press(&mut app, "f");
    press(&mut app, "left");
    press(&mut app, "down");
    press_n(&mut app, "backspace", 9);
    press(&mut app, "down");
    type_text(&mut app, "nights");
    press(&mut app, "down");
    type_text(&mut app, "2026-03-17");
    press(&mut app, "enter");
    let titles: Vec<&str> = app.journal.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Quiet night, good team"]);
    // A range that ends before it starts is refused in the form.
    press(&mut app, "f");
    press(&mut app, "down");
    press(&mut app, "down");
    press(&mut app, "down");
    press(&mut app, "down");
    type_text(&mut app, "2026-03-01");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), Some(Context::Filter));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("From 2026-03-17 is after To 2026-03-01"), "{s}");
    press(&mut app, "esc");
    press(&mut app, "esc");
    assert_eq!(app.journal.rows.len(), 3, "esc clears filters");
}

#[test]
fn a_check_in_on_its_own() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "c");
    press(&mut app, "2");
    press(&mut app, "down");
    press(&mut app, "down");
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "right");
    press(&mut app, "down");
    press(&mut app, "down");
    type_text(&mut app, "stretched");
    press(&mut app, "enter");
    assert_eq!(app.overlay(), None);
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.kind, EntryKind::CheckIn);
    assert_eq!(e.title, "Check-in: stretched");
    let c = e.checkin.unwrap();
    assert_eq!((c.mood, c.load), (Some(2), Some(Load::Heavy)));
    assert!(
        app.env
            .status
            .as_deref()
            .unwrap()
            .contains("restorative supervision")
    );
}

#[test]
fn a_stage_note_form_and_its_subjects_timeline() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    for (on, stage) in [
        ("2026-01-10", "precontemplation"),
        ("2026-02-10", "action"),
        ("2026-03-10", "contemplation"),
    ] {
        press(&mut app, "N");
        let i = praxis::tui::overlays::new_kind::NEW_KINDS
            .iter()
            .position(|(l, ..)| *l == "Stage note")
            .unwrap();
        press_n(&mut app, "down", i);
        press(&mut app, "enter");
        assert_eq!(app.pane, Pane::Write);
        press(&mut app, "shift-tab"); // the date
        press_n(&mut app, "backspace", 10);
        type_text(&mut app, on);
        press(&mut app, "tab");
        type_text(&mut app, "YP-A");
        press(&mut app, "tab");
        type_text(&mut app, "smoking");
        press(&mut app, "tab");
        // The stage is a picker: its first letter chooses it.
        type_text(&mut app, &stage[..1]);
        assert_eq!(app.write.form().unwrap().text("stage"), stage);
        if stage == "action" {
            snap!("stage_note_form", app);
        }
        press(&mut app, "ctrl-s");
        assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    }
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(e.title, "YP-A · smoking · contemplation");
    press(&mut app, "t");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("moved back from action"), "{s}");
    snap!("stage_timeline", app);
    // A stage left unchosen is refused with the field named, nothing saved.
    press(&mut app, "esc");
    press(&mut app, "N");
    press_n(&mut app, "down", 3);
    press(&mut app, "enter");
    type_text(&mut app, "YP-B");
    press(&mut app, "tab");
    type_text(&mut app, "school");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Write);
    let error = app.write.form().unwrap().error.clone().unwrap();
    assert!(error.message.starts_with("Stage"), "{error:?}");
}

#[test]
fn prepare_reorder_the_agenda_and_record_the_session() {
    let mut app = app_with(seeded());
    press(&mut app, "j");
    press(&mut app, "b"); // a second entry for supervision
    press(&mut app, "3");
    press(&mut app, "p");
    assert!(app.board.prep.is_some(), "{:?}", app.env.status);
    assert!(
        app.board.agenda_len() >= 2,
        "flagged entry and the heavy-load day give items"
    );
    let first = |app: &App| match &app.board.prep.as_ref().unwrap().details {
        praxis::model::Details::Supervision(s) => s.agenda[0].clone(),
        _ => unreachable!(),
    };
    let before = first(&app);
    press(&mut app, "J");
    assert_eq!(app.board.selected, 1);
    assert_ne!(first(&app).text, before.text, "moved down");
    press(&mut app, "K");
    assert_eq!(first(&app).text, before.text, "and back up");
    press(&mut app, "f");
    assert_ne!(first(&app).function, before.function);
    snap!("board_with_agenda", app);
    // The change is saved in the prep itself.
    let stored = app
        .env
        .store
        .entry_by_rowid(app.env.store.open_prep().unwrap().unwrap())
        .unwrap();
    assert_eq!(stored.details, app.board.prep.as_ref().unwrap().details);
    // The record form follows the prep; its agreed actions are tracked.
    press(&mut app, "R");
    assert_eq!(app.pane, Pane::Write);
    let w = app.write.form().unwrap();
    let keys: Vec<&str> = w.fields.iter().map(|f| f.key.as_str()).collect();
    assert!(keys.contains(&"agreed-actions"), "{keys:?}");
    let i = keys.iter().position(|k| *k == "agreed-actions").unwrap();
    while app.write.form().unwrap().focus != i {
        press(&mut app, "tab");
    }
    type_text(&mut app, "- Book the training | me | 2026-04-01");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    assert!(
        app.env.store.open_prep().unwrap().is_none(),
        "the prep now has its record"
    );
    let actions = app
        .env
        .store
        .list_actions(praxis::store::ActionFilter::Open)
        .unwrap();
    assert_eq!(actions[0].action.text, "Book the training");
}

#[test]
fn structured_entries_open_in_their_form() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "N");
    let i = praxis::tui::overlays::new_kind::NEW_KINDS
        .iter()
        .position(|(l, ..)| *l == "CPD record")
        .unwrap();
    press_n(&mut app, "down", i);
    press(&mut app, "enter");
    press(&mut app, "shift-tab");
    press(&mut app, "shift-tab");
    type_text(&mut app, "Trauma-informed care");
    press(&mut app, "tab");
    press(&mut app, "tab");
    // The activity type is a picker: a letter jumps to the choice.
    type_text(&mut app, "t");
    press(&mut app, "tab");
    type_text(&mut app, "6");
    press(&mut app, "ctrl-s");
    assert_eq!(app.pane, Pane::Journal, "{:?}", app.env.status);
    let e = app.journal.preview.clone().unwrap();
    assert_eq!(
        (e.kind, e.title.as_str()),
        (EntryKind::Cpd, "Trauma-informed care")
    );
    // Reopened, the typed fields are back in their places.
    press(&mut app, "enter");
    let w = app.write.form().unwrap();
    assert_eq!(w.text("activity-type"), "training");
    assert_eq!(w.text("hours"), "6");
}

#[test]
fn mouse_clicks_select_and_switch_panes_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = app_with(seeded());
    let click = |app: &mut App, column: u16, row: u16| {
        let ev = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        app.handle_event(&Event::Mouse(ev));
    };
    screen(&mut app, 80, 24);
    let areas = app.layout().clone();
    click(&mut app, areas.list.x + 5, areas.list.y + 3);
    assert_eq!(app.journal.selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollUp,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_event(&Event::Mouse(wheel));
    assert_eq!(app.journal.selected, 0);
    // The tab bar: " praxis   Journal   Write   Supervision"
    let line = screen(&mut app, 80, 24).lines().next().unwrap().to_string();
    let col = u16::try_from(line.find("Supervision").unwrap()).unwrap() - 1 + 2;
    click(&mut app, col, 0);
    assert_eq!(app.pane, Pane::Supervision);
}

#[test]
fn no_color_draws_without_colour() {
    use ratatui::style::Color;
    let mut app = App::new(
        seeded(),
        Catalog::builtin(),
        Config::default(),
        Clock::fixed(now().fixed_offset()),
        Keymap::defaults(),
        Theme::new(praxis::config::ThemeName::Default, true),
    )
    .unwrap();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // The high-contrast theme does colour the selection.
    let hc = Theme::new(praxis::config::ThemeName::HighContrast, false);
    assert_ne!(hc.selected, Theme::monochrome().selected);
}

#[test]
fn a_section_goes_to_the_editor_and_comes_back() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "n");
    type_text(&mut app, "Start of a thought");
    let k = Key::parse("ctrl-o").unwrap();
    let handled = app.handle_event(&Event::Key(KeyEvent::new(k.code, k.mods)));
    let Handled::Edit { text } = handled else {
        panic!("{handled:?}");
    };
    assert_eq!(text, "Start of a thought");
    app.edited(Ok(
        "Start of a thought\nand the rest, written in vi\n".into()
    ));
    assert_eq!(
        app.write.form().unwrap().text("body"),
        "Start of a thought\nand the rest, written in vi"
    );
    // Title and date are one line: they stay in the app.
    press(&mut app, "shift-tab");
    press(&mut app, "shift-tab");
    let handled = app.handle_event(&Event::Key(KeyEvent::new(k.code, k.mods)));
    assert_eq!(handled, Handled::Consumed);
}

#[test]
fn patterns_pane_with_drill_down_to_the_journal() {
    let mut app = app_with(seeded());
    press(&mut app, "4");
    assert_eq!(app.pane, Pane::Patterns);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Patterns, the last 4 weeks"), "{s}");
    assert!(s.contains("Entries per week"), "{s}");
    snap!("patterns", app);
    // The strength list: down moves into it, enter shows its entries.
    press(&mut app, "down");
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Journal);
    assert_eq!(app.journal.filter.strength.as_deref(), Some("listening"));
    assert_eq!(app.journal.rows.len(), 1);
    // A week: the last one holds the check-in of the 18th and the two reflections.
    press(&mut app, "4");
    press(&mut app, "right"); // back to the weeks, the last one selected
    press(&mut app, "enter");
    assert_eq!(app.journal.filter.since, Some(day(16)));
    assert_eq!(app.journal.rows.len(), 3);
    // Periods step longer and shorter.
    press(&mut app, "4");
    press(&mut app, "]");
    assert_eq!(
        app.patterns.insights.as_ref().unwrap().period.label,
        "the last quarter"
    );
    press(&mut app, "]");
    press(&mut app, "]");
    assert_eq!(
        app.patterns.insights.as_ref().unwrap().period.label,
        "all time"
    );
    press(&mut app, "[");
    assert_eq!(
        app.patterns.insights.as_ref().unwrap().period.label,
        "the last year"
    );
}

#[test]
fn patterns_of_an_empty_and_a_one_entry_journal() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "4");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("None tagged in this period."), "{s}");
    assert!(s.contains("No check-ins in this period."), "{s}");
    snap!("patterns_empty", app);
    let mut store = Store::open_in_memory().unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day(18), now());
    e.title = "Only one".into();
    store.insert_entry(&e).unwrap();
    let mut app = app_with(store);
    press(&mut app, "4");
    snap!("patterns_one_entry", app);
}

/// The seeded journal with practice with others: recognition received (with what it
/// meant) and given but not yet said, feedback, what helped in a check-in, ruptures
/// repaired in 9 and 3 days, and one still open.
fn seeded_with_others() -> Store {
    use praxis::model::Details;
    use praxis::model::practice::{
        Direction, Feedback, FeedbackSource, Recognition, RuptureKind, RuptureNote, RuptureStatus,
        Said, Tone,
    };
    let mut s = seeded();
    let mut r = Entry::new(EntryKind::Recognition, day(12), now());
    r.title = "Recognition from peer-B · patience".into();
    r.details = Details::Recognition(Recognition {
        direction: Direction::Received,
        subject: "peer-B".into(),
        said: Said::InPerson,
        said_on: Some(day(12)),
    });
    r.sections = vec![Section {
        key: "meant".into(),
        label: "What it meant".into(),
        text: "That the slow work is seen.".into(),
    }];
    s.insert_entry(&r).unwrap();
    let mut g = Entry::new(EntryKind::Recognition, day(13), now());
    g.title = "Recognition for peer-C · calm".into();
    g.details = Details::Recognition(Recognition {
        direction: Direction::Given,
        subject: "peer-C".into(),
        said: Said::NotYet,
        said_on: None,
    });
    s.insert_entry(&g).unwrap();
    let mut f = Entry::new(EntryKind::Feedback, day(14), now());
    f.title = "Feedback from a family".into();
    f.details = Details::Feedback(Feedback {
        source: FeedbackSource::FamilyCarer,
        subject: None,
        tone: Some(Tone::Appreciative),
    });
    s.insert_entry(&f).unwrap();
    let mut c = Entry::new(EntryKind::CheckIn, day(15), now());
    c.title = "Check-in: lighter".into();
    c.checkin = Some(CheckIn {
        mood: Some(4),
        helped: Some("a walk with the team at lunch".into()),
        ..CheckIn::default()
    });
    s.insert_entry(&c).unwrap();
    for (on, status, closed) in [
        (day(2), RuptureStatus::Repaired, Some(day(11))),
        (day(1), RuptureStatus::Repaired, Some(day(4))),
        (day(9), RuptureStatus::Open, None),
    ] {
        let mut e = Entry::new(EntryKind::Rupture, on, now());
        e.title = "Rupture with YP-A · withdrawal".into();
        e.details = Details::Rupture(RuptureNote {
            subject: "YP-A".into(),
            kind: Some(RuptureKind::Withdrawal),
            status,
            repair_tried_on: closed,
            closed_on: closed,
            callin: None,
        });
        s.insert_entry(&e).unwrap();
    }
    s
}

#[test]
fn patterns_with_others_shows_what_keeps_me_going_and_how_long_repairs_take() {
    let mut app = app_with(seeded_with_others());
    press(&mut app, "4");
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("What keeps me going"), "{s}");
    assert!(
        s.contains("with others"),
        "the status line offers the view: {s}"
    );
    press(&mut app, "o");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("What keeps me going"), "{s}");
    assert!(s.contains("How long repairs take"), "{s}");
    assert!(s.contains("That the slow work is seen."), "{s}");
    assert!(s.contains("from 3 to 9 days"), "{s}");
    assert!(s.contains("one by one 3d 9d"), "in the order repaired: {s}");
    assert!(s.contains("1 rupture still being"), "{s}");
    assert!(s.contains("1 recognition you gave not yet said"), "{s}");
    assert!(!s.to_lowercase().contains("score:"), "never a score: {s}");
    assert!(s.contains("o at a glance"), "the way back is offered: {s}");
    // The selection of the period at a glance is not acted on unseen.
    let week = app.patterns.week;
    press(&mut app, "left");
    assert_eq!(app.patterns.week, week);
    press(&mut app, "enter");
    assert_eq!(app.pane, Pane::Patterns);
    let going = &app.patterns.others.as_ref().unwrap().going;
    let march = going.months.last().unwrap();
    assert_eq!(
        (
            march.recognition_received,
            march.recognition_given,
            march.feedback,
            march.helped
        ),
        (1, 1, 1, 1)
    );
    snap!("patterns_with_others", app);
    // A longer period keeps the view and reads it again for that period.
    press(&mut app, "]");
    assert_eq!(
        app.patterns.others.as_ref().unwrap().going.until,
        app.patterns.insights.as_ref().unwrap().period.until
    );
    assert!(screen(&mut app, 80, 24).contains("What keeps me going"));
    // And back to the period at a glance.
    press(&mut app, "o");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Entries per"), "{s}");
}

#[test]
fn patterns_with_others_on_an_empty_journal_says_so_gently() {
    let mut app = app_with(Store::open_in_memory().unwrap());
    press(&mut app, "4");
    press(&mut app, "o");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Nothing yet"), "{s}");
    assert!(s.contains("No rupture repaired in this"), "{s}");
    snap!("patterns_with_others_empty", app);
}
