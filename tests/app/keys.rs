//! Every key of every pane, form and window goes through the keymap: no two actions of
//! one context share a key, the help lists every action with its keys, and the keys of
//! the windows are rebindable like any other.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::BTreeMap;

use super::{press, press_n};
use chrono::{TimeZone as _, Utc};
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
        // Its row: where the help begins, beside its keys (another help may end with it).
        let rows: Vec<&str> = s.lines().filter(|l| l.contains(&start)).collect();
        assert!(
            !rows.is_empty(),
            "{context:?}: {help} is not in the help\n{s}"
        );
        assert!(
            rows.iter().any(
                |row| row.contains(&format!("  {keys} ")) && row.contains(&format!(" {start}"))
            ),
            "{keys} for {help}:\n{rows:?}"
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
    press_n(&mut app, "tab", 4);
    for c in "quiet job".chars() {
        press(&mut app, &c.to_string().replace(' ', "space"));
    }
    assert!(!app.quit);
    assert_eq!(app.overlay(), Some(Context::CheckIn));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("quiet job"), "{s}");
}

/// The keymap as the README's table of keys: where, the action's name for the config's
/// `[keys]` table, its default keys, and what it does (in the order `F1` lists them).
fn key_table<A: Bindable>() -> String {
    let keymap = praxis::tui::keymap::Keymap::<A>::defaults();
    let mut out = String::from("| Where | Action | Keys | What it does |\n|---|---|---|---|\n");
    let rows = keymap.help_rows();
    // In the order of the help: by context, then as declared.
    let mut actions: Vec<A> = A::all().to_vec();
    actions.sort_by_key(|a| a.context());
    assert_eq!(actions.len(), rows.len());
    for (a, (_, keys, help)) in actions.iter().zip(&rows) {
        assert_eq!(a.help(), *help, "the help's order");
        let keys = keys
            .split(' ')
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "| {} | `{}` | {keys} | {} |\n",
            praxis::tui::keymap::Group::title(a.context()).replace('|', "\\|"),
            a.name(),
            help.replace('|', "\\|")
        ));
    }
    out
}

/// The part of the README between `<!-- NAME:begin -->` and `<!-- NAME:end -->`.
fn readme_part(name: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let begin = format!("<!-- {name}:begin -->\n");
    let end = format!("<!-- {name}:end -->");
    let from = readme
        .find(&begin)
        .unwrap_or_else(|| panic!("no {begin} in the README"))
        + begin.len();
    let to = readme[from..].find(&end).unwrap() + from;
    readme[from..to].to_string()
}

#[test]
fn the_readme_key_tables_are_the_keymaps() {
    for (name, table) in [
        ("app-keys", key_table::<Action>()),
        ("review-keys", key_table::<ReviewAction>()),
        (
            "circle-keys",
            key_table::<praxis::tui::circle::keys::Action>(),
        ),
    ] {
        let written = readme_part(name);
        assert!(
            written == table,
            "The README's {name} table is not the keymap; it should read:\n{table}"
        );
    }
}
