//! One search for both faces: `praxis search` and the app's `/` give the same entries in
//! the same order for the same words, on a journal of every kind.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use chrono::{TimeZone as _, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::store::Store;
use praxis::tui::app::App;
use praxis::tui::keymap::Keymap;
use praxis::tui::theme::Theme;

use crate::common::praxis;

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn the_command_line_and_the_app_find_the_same_entries() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("demo.sqlite3");
    let db_arg = db.to_str().unwrap();
    praxis(d.path())
        .args(["demo", "--keep", db_arg])
        .write_stdin("")
        .assert()
        .success();
    let clock = Clock::fixed(
        Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0)
            .unwrap()
            .fixed_offset(),
    );
    // A word of the text, a strength, a strength with a letter left out, a topic tag, a start of a
    // word, two words, and a phrase.
    for words in [
        "handover",
        "listening",
        "advocay",
        "nights",
        "safeg",
        "family meeting",
        "\"care plan\"",
    ] {
        let out = praxis(d.path())
            .args(["--db", db_arg, "search", words, "--json", "-n", "200"])
            .assert()
            .success();
        let hits: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let cli: Vec<String> = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();

        let mut app = App::new(
            Store::open(&db).unwrap(),
            Catalog::builtin(),
            Config::default(),
            clock,
            Keymap::defaults(),
            Theme::monochrome(),
        )
        .unwrap();
        key(&mut app, KeyCode::Char('/'));
        for c in words.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        // Enter: the typing is done and the list is ranked.
        key(&mut app, KeyCode::Enter);
        let screen: Vec<String> = app.journal.rows.iter().map(|r| r.id.to_string()).collect();
        assert!(!cli.is_empty(), "the demo has entries for {words}");
        assert_eq!(screen, cli, "{words}");
    }
}
