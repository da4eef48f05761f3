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

use praxis::tui::panes::journal::{HITS, PAGE};

use crate::common::praxis;

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The ids `praxis search WORDS --json -n N` prints, in its order.
fn cli_ids(mut praxis: assert_cmd::Command, words: &str, n: usize) -> Vec<String> {
    let out = praxis
        .args(["search", words, "--json", "-n", &n.to_string()])
        .assert()
        .success();
    let hits: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids the app lists once `words` are typed after `/` and Enter ranks the list: a
/// screenful at first, and with `scroll`, more once the selection goes down to the end
/// of those (the app reads on as a reader scrolls).
fn app_ids(db: &std::path::Path, words: &str, scroll: bool) -> Vec<String> {
    let clock = Clock::fixed(
        Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0)
            .unwrap()
            .fixed_offset(),
    );
    let mut app = App::new(
        Store::open(db).unwrap(),
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
    if scroll {
        let first = app.journal.rows.len();
        while app.journal.selected + 1 < first {
            key(&mut app, KeyCode::Char('j'));
        }
    }
    app.journal.rows.iter().map(|r| r.id.to_string()).collect()
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
        let cli = cli_ids(crate::common::praxis_db(&db), words, HITS);
        let screen = app_ids(&db, words, false);
        assert!(!cli.is_empty(), "the demo has entries for {words}");
        assert_eq!(screen, cli, "{words}");
    }
}

/// Past the index of the newest entries and the pool a ranked search weighs: a common
/// word is ranked among its newest matches only (as cheap as a rare one), a rare word
/// is found however old, and both faces still agree.
#[test]
fn a_long_journal_ranks_the_newest_matches_the_same_in_both_faces() {
    use praxis::model::{Entry, EntryKind};
    use praxis::store::{EntryFilter, RANK_POOL};

    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("journal.sqlite3");
    let mut s = Store::open(&db).unwrap();
    let first = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let n = 25_000_u32;
    let entries: Vec<Entry> = (0..n)
        .map(|i| {
            let on = first + chrono::Days::new(u64::from(i / 3));
            let at = Utc.from_utc_datetime(&on.and_hms_opt(9, 0, 0).unwrap());
            let mut e = Entry::new(EntryKind::Reflection, on, at);
            e.title = format!("Shift {i}");
            // "care" in every entry, from one to seven times, in texts of every length.
            e.body = format!(
                "{} a visit {}",
                "care ".repeat(1 + (i as usize * 7919) % 7),
                "and then ".repeat((i as usize * 104_729) % 13)
            );
            if i % 5_000 == 17 {
                e.body.push_str(" kintsugi");
            }
            if i == 40 {
                // The strongest match of all, but older than the newest matches.
                e.title = "care care care".into();
                e.body = "care care care care care care care care".into();
            }
            e
        })
        .collect();
    s.insert_entries(&entries).unwrap();
    let newest: Vec<String> = s
        .search_newest("care*", &EntryFilter::default(), RANK_POOL)
        .unwrap()
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    let strongest = s
        .search("care", &EntryFilter::default(), 1)
        .unwrap()
        .remove(0)
        .entry
        .id
        .to_string();
    drop(s);
    // As many as the app lists: a screenful at first, a page more once scrolled to its
    // end, the same as the command line's for as many.
    let scrolled = HITS + PAGE;
    for (words, found) in [("care", scrolled), ("kintsugi", 5)] {
        let first = cli_ids(crate::common::praxis_db(&db), words, HITS);
        assert_eq!(first.len(), found.min(HITS), "{words}");
        assert_eq!(app_ids(&db, words, false), first, "{words}");
        let cli = cli_ids(crate::common::praxis_db(&db), words, scrolled);
        assert_eq!(cli.len(), found, "{words}");
        assert_eq!(app_ids(&db, words, true), cli, "{words}");
        if words == "care" {
            assert!(cli.iter().all(|id| newest.contains(id)), "only the newest");
            assert!(!cli.contains(&strongest), "an older match is not weighed");
            assert_ne!(cli, newest[..scrolled], "ranked, not newest first");
        }
    }
}
