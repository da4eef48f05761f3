//! Every key of every pane, form and window goes through the keymap: no two actions of
//! one context share a key, the help lists every action with its keys, and the keys of
//! the windows are rebindable like any other.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::BTreeMap;

use chrono::{TimeZone as _, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::model::{Entry, EntryKind};
use praxis::store::Store;
use praxis::tui::action::{Action, Context, Keymap};
use praxis::tui::app::App;
use praxis::tui::keymap::{Bindable, Key};
use praxis::tui::review::keys::Action as ReviewAction;
use praxis::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(store: Store, keymap: Keymap) -> App {
    let now = Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap();
    App::new(
        store,
        Catalog::builtin(),
        Config::default(),
        Clock::fixed(now.fixed_offset()),
        keymap,
        Theme::monochrome(),
    )
    .unwrap()
}

fn one_entry() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 17).unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day, Utc::now());
    e.title = "Quiet night".into();
    s.insert_entry(&e).unwrap();
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
    app.handle_event(&Event::Key(ev));
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().to_string()
}

/// Within one context every key means one action.
fn no_key_twice_in_a_context<A: Bindable>() {
    let mut seen: Vec<((A::Context, Key), A)> = Vec::new();
    for a in A::all() {
        for k in a.default_keys() {
            let key = Key::parse(k).unwrap();
            if let Some((_, other)) = seen.iter().find(|(k, _)| *k == (a.context(), key)) {
                panic!(
                    "{key} means both {} and {} in {:?}",
                    other.name(),
                    a.name(),
                    a.context()
                );
            }
            seen.push(((a.context(), key), *a));
        }
    }
}

#[test]
fn no_two_actions_of_one_context_share_a_key() {
    no_key_twice_in_a_context::<Action>();
    no_key_twice_in_a_context::<ReviewAction>();
}

#[test]
fn the_help_lists_every_action_of_every_context_with_its_keys() {
    let mut app = app(Store::open_in_memory().unwrap(), Keymap::defaults());
    press(&mut app, "?");
    // Tall enough for the whole list at once.
    let s = screen(&mut app, 100, 400);
    let keymap = Keymap::defaults();
    for (context, keys, help) in keymap.help_rows() {
        let start: String = help.chars().take(24).collect();
        let row = s
            .lines()
            .find(|l| l.contains(&start))
            .unwrap_or_else(|| panic!("{context:?}: {help} is not in the help\n{s}"));
        assert!(
            row.contains(&format!("  {keys} ")),
            "{keys} for {help}:\n{row}"
        );
    }
    for context in [
        Context::Window,
        Context::Form,
        Context::Drafts,
        Context::Quit,
    ] {
        use praxis::tui::keymap::Group as _;
        assert!(s.contains(context.title()), "{context:?}\n{s}");
    }
}

#[test]
fn the_keys_of_a_window_are_rebindable() {
    let mut t = BTreeMap::new();
    t.insert("confirm_delete".to_string(), vec!["x".to_string()]);
    let mut app = app(one_entry(), Keymap::with_overrides(&t).unwrap());
    press(&mut app, "d");
    assert_eq!(app.overlay(), Some(Context::Trash));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("x move it to the trash"), "{s}");
    // The old key is no longer the action: it closes the question, nothing trashed.
    press(&mut app, "y");
    assert_eq!(app.overlay(), None);
    assert_eq!(app.journal.rows.len(), 1);
    press(&mut app, "d");
    press(&mut app, "x");
    assert_eq!(app.journal.rows.len(), 0);
}

#[test]
fn a_letter_nothing_is_bound_to_starts_no_search() {
    let mut app = app(one_entry(), Keymap::defaults());
    press(&mut app, "x");
    assert!(app.journal.query.is_empty());
    assert_eq!(app.journal.rows.len(), 1);
}

#[test]
fn letters_are_text_in_the_fields_of_windows() {
    let mut app = app(Store::open_in_memory().unwrap(), Keymap::defaults());
    // The check-in's word: 'q' is a letter, not quit; 'j' not down.
    press(&mut app, "c");
    for _ in 0..4 {
        press(&mut app, "tab");
    }
    for c in "quiet job".chars() {
        press(&mut app, &c.to_string().replace(' ', "space"));
    }
    assert!(!app.quit);
    assert_eq!(app.overlay(), Some(Context::CheckIn));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("quiet job"), "{s}");
}
