//! The app's lock on an encrypted journal, with a fake clock (instants handed to the app,
//! never a sleep): idle time, the lock key, the lock screen at 80x24, wrong then right
//! passphrase, and the worker put back where they were.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::model::{Entry, EntryKind};
use praxis::store::{Key, Store, Unlock};
use praxis::tui::app::App;
use praxis::tui::component::Pane;
use praxis::tui::keymap::Keymap;
use praxis::tui::runtime::Screen as _;
use praxis::tui::theme::Theme;

use super::key_event;
use super::tui::screen;

const PASS: &str = "tea by the window at dawn";
/// Words of the journal that must never be on the lock screen.
const TITLE: &str = "Supervision with Okafor about the Tuesday visit";
const DRAFT: &str = "Halfway through a thought about Larchfield";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn app_over(store: Store, config: Config) -> App {
    App::new(
        store,
        Catalog::builtin(),
        config,
        Clock::fixed(now().fixed_offset()),
        Keymap::defaults(),
        Theme::monochrome(),
    )
    .unwrap()
}

/// An encrypted journal of three entries in `dir`, and the key it is locked with.
fn encrypted(dir: &std::path::Path) -> (std::path::PathBuf, Unlock) {
    let path = dir.join("journal.sqlite3");
    let unlock = Unlock::Key(Arc::new(Key::new_for(PASS.as_bytes()).unwrap()));
    let mut s = Store::open_unlocked(&path, &unlock).unwrap();
    for (d, title) in [
        (15, "Quiet night, good team"),
        (16, TITLE),
        (17, "Check-in: stretched"),
    ] {
        let mut e = Entry::new(
            EntryKind::Reflection,
            NaiveDate::from_ymd_opt(2026, 3, d).unwrap(),
            now(),
        );
        e.title = title.into();
        e.body = format!("{title}: what happened and what I made of it.");
        s.insert_entry(&e).unwrap();
    }
    (path, unlock)
}

fn press_at(app: &mut App, key: &str, at: Instant) {
    app.handle_event_at(&key_event(key), at);
}

fn type_at(app: &mut App, text: &str, at: Instant) {
    for c in text.chars() {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        app.handle_event_at(&Event::Key(ev), at);
    }
}

/// A fake clock's first instant: well after every real event of the test so far.
fn start() -> Instant {
    Instant::now() + Duration::from_secs(3600)
}

/// The field being written and the cursor in it.
fn where_typing(app: &App) -> (usize, (usize, usize)) {
    let f = app.write.form().unwrap();
    let c = f.fields[f.focus].area.cursor();
    (f.focus, (c.0, c.1))
}

fn drafts_in(path: &std::path::Path, unlock: &Unlock) -> Vec<String> {
    Store::open_unlocked(path, unlock)
        .unwrap()
        .drafts()
        .unwrap()
        .into_iter()
        .map(|d| d.data)
        .collect()
}

#[test]
fn idle_time_locks_an_encrypted_journal_and_the_passphrase_puts_the_worker_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let mut app = app_over(
        Store::open_unlocked(&path, &unlock).unwrap(),
        Config::default(),
    );
    let t0 = start();
    // The second entry selected, then a new entry begun, the cursor moved back a word.
    press_at(&mut app, "j", t0);
    let selected = app.journal.selected;
    press_at(&mut app, "n", t0);
    type_at(&mut app, DRAFT, t0);
    for _ in 0.."Larchfield".len() {
        press_at(&mut app, "left", t0);
    }
    let cursor = where_typing(&app);
    let before = screen(&mut app, 80, 24);
    assert!(before.contains("Halfway through"), "{before}");

    // Ten minutes (the default) without a key: not a moment before.
    app.tick(t0 + Duration::from_secs(599));
    assert!(!app.is_locked());
    app.tick(t0 + Duration::from_secs(600));
    assert!(app.is_locked());

    // The draft is in the journal (encrypted with it), and the app let the journal go:
    // its store is an empty one in memory, and the journal's lock can be changed,
    // which needs every other connection to it closed.
    let drafts = drafts_in(&path, &unlock);
    assert_eq!(drafts.len(), 1);
    assert!(drafts[0].contains(DRAFT), "{drafts:?}");
    assert!(app.env.store.path().is_none() && !app.env.store.is_encrypted());
    Store::open_unlocked(&path, &unlock)
        .unwrap()
        .relock(&unlock)
        .unwrap();

    // The lock screen: nothing of the journal, nothing of the draft.
    let locked = screen(&mut app, 80, 24);
    for never in [
        TITLE,
        "Quiet night",
        "Halfway",
        "Larchfield",
        "Journal",
        "Write",
    ] {
        assert!(
            !locked.contains(never),
            "{never} on the lock screen:\n{locked}"
        );
    }
    insta::assert_snapshot!("lock_screen_80x24", locked);

    // A wrong passphrase: counted and said, never drawn, and still locked.
    let t1 = t0 + Duration::from_secs(700);
    type_at(&mut app, "tea by the window at dusk", t1);
    let typing = screen(&mut app, 80, 24);
    assert!(
        !typing.contains("dusk") && !typing.contains('*'),
        "{typing}"
    );
    press_at(&mut app, "enter", t1);
    assert!(app.is_locked());
    let wrong = screen(&mut app, 80, 24);
    assert!(wrong.contains("Wrong passphrase (1 wrong try"), "{wrong}");
    assert!(!wrong.contains(TITLE), "{wrong}");
    type_at(&mut app, "also wrong", t1);
    press_at(&mut app, "enter", t1);
    assert!(screen(&mut app, 80, 24).contains("(2 wrong tries"));
    // Keys of the app do nothing while locked: 'q' is a letter of the passphrase.
    press_at(&mut app, "q", t1);
    press_at(&mut app, "esc", t1);
    assert!(!app.quit && app.is_locked());

    // The right one: the same pane, form, cursor and selection, the journal open again.
    type_at(&mut app, PASS, t1);
    press_at(&mut app, "enter", t1);
    assert!(!app.is_locked());
    assert_eq!(app.env.store.path(), Some(path.as_path()));
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(app.write.form().unwrap().text("body"), DRAFT);
    assert_eq!(where_typing(&app), cursor);
    assert_eq!(app.journal.selected, selected);
    assert_eq!(screen(&mut app, 80, 24), before);
    // The idle time starts again from the unlock.
    app.tick(t1 + Duration::from_secs(599));
    assert!(!app.is_locked());
    // Typing goes on where it stopped, and the entry saves into the journal.
    type_at(&mut app, "new ", t1);
    assert_eq!(
        app.write.form().unwrap().text("body"),
        "Halfway through a thought about new Larchfield"
    );
    press_at(&mut app, "ctrl-s", t1);
    // The check-in offered on saving, skipped.
    press_at(&mut app, "esc", t1);
    let saved = screen(&mut app, 80, 24);
    assert!(
        app.journal
            .rows
            .iter()
            .any(|r| r.title.starts_with("Halfway through")),
        "{saved}"
    );
}

#[test]
fn the_recovery_key_also_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let Unlock::Key(key) = &unlock else {
        unreachable!()
    };
    let recovery = key.recovery_key();
    let mut app = app_over(
        Store::open_unlocked(&path, &unlock).unwrap(),
        Config::default(),
    );
    let t0 = start();
    press_at(&mut app, "ctrl-l", t0);
    assert!(app.is_locked());
    type_at(&mut app, &recovery, t0);
    press_at(&mut app, "enter", t0);
    assert!(!app.is_locked());
    assert_eq!(app.journal.rows.len(), 3);
}

#[test]
fn the_lock_key_locks_at_once_even_over_a_window_and_while_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let mut app = app_over(
        Store::open_unlocked(&path, &unlock).unwrap(),
        Config::default(),
    );
    let t0 = start();
    press_at(&mut app, "?", t0);
    assert!(app.overlay().is_some(), "the help is open");
    press_at(&mut app, "ctrl-l", t0);
    assert!(app.is_locked());
    type_at(&mut app, PASS, t0);
    press_at(&mut app, "enter", t0);
    assert!(!app.is_locked());
    assert!(app.overlay().is_some(), "the help is open again");
    press_at(&mut app, "esc", t0);
    press_at(&mut app, "n", t0);
    type_at(&mut app, DRAFT, t0);
    press_at(&mut app, "ctrl-l", t0);
    assert!(app.is_locked());
    assert_eq!(drafts_in(&path, &unlock).len(), 1);
}

/// A key remembered between commands does not outlast the app's lock; unlocking in place
/// remembers it again when the config asks for that.
#[test]
fn the_apps_lock_forgets_a_remembered_key_and_unlocking_remembers_it() {
    use praxis::keycache;
    if !keycache::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let Unlock::Key(key) = &unlock else {
        unreachable!("encrypted")
    };
    let minute = Duration::from_secs(60);
    keycache::remember(key, minute).unwrap();
    let mut config = Config::default();
    config.security.remember_key_minutes = 1;
    let mut app = app_over(Store::open_unlocked(&path, &unlock).unwrap(), config);
    let t0 = start();
    press_at(&mut app, "ctrl-l", t0);
    assert!(app.is_locked());
    assert!(keycache::recall(key.salt(), minute).is_none());
    type_at(&mut app, PASS, t0);
    press_at(&mut app, "enter", t0);
    assert!(!app.is_locked());
    let back = keycache::recall(key.salt(), minute).expect("remembered again");
    assert_eq!(back.raw(), key.raw());
    keycache::forget(key.salt());
}

#[test]
fn quitting_or_a_signal_on_the_lock_screen_keeps_the_draft_and_writes_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let mut app = app_over(
        Store::open_unlocked(&path, &unlock).unwrap(),
        Config::default(),
    );
    let t0 = start();
    press_at(&mut app, "n", t0);
    type_at(&mut app, DRAFT, t0);
    app.tick(t0 + Duration::from_secs(3600));
    assert!(app.is_locked());
    // What the runtime does on every way out (quit, SIGINT, a closed terminal).
    app.on_exit().unwrap();
    press_at(&mut app, "ctrl-q", t0 + Duration::from_secs(3601));
    assert!(app.quit);
    drop(app);
    let drafts = drafts_in(&path, &unlock);
    assert_eq!(drafts.len(), 1);
    assert!(drafts[0].contains(DRAFT));
    // The journal is whole.
    let s = Store::open_unlocked(&path, &unlock).unwrap();
    assert!(s.schema_version().unwrap() > 0);
}

#[test]
fn a_plain_journal_is_never_locked_and_the_key_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    let mut app = app_over(Store::open(&path).unwrap(), Config::default());
    let t0 = start();
    app.tick(t0 + Duration::from_secs(86_400));
    assert!(!app.is_locked());
    press_at(&mut app, "ctrl-l", t0);
    assert!(!app.is_locked());
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("not encrypted"), "{s}");
}

#[test]
fn lock_after_zero_never_locks_by_itself_and_clicks_put_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let mut never = Config::default();
    never.security.lock_after_minutes = 0;
    let mut app = app_over(Store::open_unlocked(&path, &unlock).unwrap(), never);
    let t0 = start();
    press_at(&mut app, "j", t0);
    app.tick(t0 + Duration::from_secs(86_400 * 30));
    assert!(!app.is_locked());

    let mut two = Config::default();
    two.security.lock_after_minutes = 2;
    let mut app = app_over(Store::open_unlocked(&path, &unlock).unwrap(), two);
    press_at(&mut app, "j", t0);
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    app.handle_event_at(&click, t0 + Duration::from_secs(100));
    app.tick(t0 + Duration::from_secs(219));
    assert!(!app.is_locked());
    app.tick(t0 + Duration::from_secs(220));
    assert!(app.is_locked());
}

/// The real binary in a pseudo-terminal: the lock key, a wrong then the right passphrase
/// typed on the lock screen, then SIGINT while locked.
#[cfg(unix)]
#[test]
fn in_a_terminal_the_lock_hides_the_journal_unlocks_and_survives_sigint() {
    use crate::common::pty::{Session, contains};
    use std::os::unix::fs::PermissionsExt as _;

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for d in ["home", "data", "tmp", "config/praxis"] {
        std::fs::create_dir_all(p.join(d)).unwrap();
    }
    std::fs::write(p.join("config/praxis/config.toml"), "[ui]\nmouse = false\n").unwrap();
    let pass = p.join("pass");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let db = p.join("journal/journal.sqlite3");
    let vars: Vec<(&str, std::ffi::OsString)> = vec![
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ("PRAXIS_DB", db.clone().into()),
        ("HOME", p.join("home").into()),
        ("XDG_CONFIG_HOME", p.join("config").into()),
        ("XDG_DATA_HOME", p.join("data").into()),
        ("TMPDIR", p.join("tmp").into()),
        ("PRAXIS_NOW", "2026-03-18T20:00:00+00:00".into()),
        ("TERM", "xterm-256color".into()),
        ("NO_COLOR", "1".into()),
        ("EDITOR", "true".into()),
        ("LANG", "C.UTF-8".into()),
        ("PRAXIS_PASSPHRASE_FILE", pass.clone().into()),
    ];
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_praxis"))
            .env_clear()
            .envs(vars.iter().cloned())
            .current_dir(p)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "praxis {args:?}: {out:?}");
    };
    cli(&["init", "--encrypt"]);
    cli(&[
        "add",
        "--title",
        TITLE,
        "What was said, and what I said back.",
    ]);

    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
    cmd.env_clear();
    for (k, v) in &vars {
        cmd.env(k, v);
    }
    cmd.cwd(p);
    let mut s = Session::start(cmd);
    s.wait_text(TITLE);
    s.send(b"n");
    s.wait_for("the Write pane", |sc| sc.contains("New reflection"));
    s.send(DRAFT.as_bytes());
    s.wait_text(DRAFT);

    // ctrl-l: locked at once, nothing of the journal on the screen.
    s.send(b"\x0c");
    s.wait_text("praxis is locked");
    let sc = s.screen();
    for never in [TITLE, "Halfway", "Journal", "New reflection"] {
        assert!(!sc.contains(never), "{never} on the lock screen:\n{sc}");
    }
    let before_typing = s.seen.lock().unwrap().raw.len();
    s.send(b"the wrong words\r");
    s.wait_text("Wrong passphrase (1 wrong try");
    s.send(format!("{PASS}\r").as_bytes());
    s.wait_for("the writing back", |sc| {
        sc.contains(DRAFT) && !sc.contains("praxis is locked")
    });
    // Nothing typed on the lock screen was echoed.
    {
        let seen = s.seen.lock().unwrap();
        let typed = &seen.raw[before_typing..];
        assert!(!contains(typed, b"wrong words") && !contains(typed, PASS.as_bytes()));
    }

    // Locked again, then SIGINT: the terminal restored, the draft in the journal.
    s.send(b"\x0c");
    s.wait_text("praxis is locked");
    let st = std::process::Command::new("kill")
        .args(["-INT", &s.pid()])
        .status()
        .unwrap();
    assert!(st.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}\n{}", s.dump());
    s.assert_restored();
    drop(s);
    let unlock = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!("PRAGMA key = '{PASS}'"))
            .unwrap();
        let drafts: Vec<String> = conn
            .prepare("SELECT data FROM drafts")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(drafts.len(), 1, "{drafts:?}");
        assert!(drafts[0].contains(DRAFT));
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap();
        ok
    };
    assert_eq!(unlock, "ok");
    // Nothing praxis wrote holds the draft, or the entry, in the clear.
    let mut stack = vec![p.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let f = e.unwrap().path();
            if f.is_dir() {
                stack.push(f);
                continue;
            }
            let bytes = std::fs::read(&f).unwrap();
            for never in [DRAFT, TITLE] {
                assert!(
                    !contains(&bytes, never.as_bytes()),
                    "{never} readable in {f:?}"
                );
            }
        }
    }
}

#[test]
fn text_rescued_from_the_editor_is_offered_back_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let Unlock::Key(key) = &unlock else {
        unreachable!()
    };
    let rescued = dir.path().join("rescued");
    std::fs::create_dir(&rescued).unwrap();
    std::fs::write(
        rescued.join("new-reflection-20260318T200000.000.md"),
        "title: A visit\n\nWords kept when the editor failed",
    )
    .unwrap();
    let mut store = Store::open_unlocked(&path, &unlock).unwrap();
    let kept = praxis::rescue::seal_all(&rescued, Some(&mut store), key, now().date_naive(), now());
    assert_eq!(kept, [praxis::rescue::Kept::Draft]);
    let mut app = app_over(store, Config::default());
    assert_eq!(
        app.overlay(),
        Some(praxis::tui::action::Context::Drafts),
        "{}",
        screen(&mut app, 80, 24)
    );
    press_at(&mut app, "enter", start());
    assert_eq!(app.pane, Pane::Write);
    assert_eq!(
        app.write.form().unwrap().text("body"),
        "title: A visit\n\nWords kept when the editor failed"
    );
}

/// An export from the app out of an encrypted journal is a plain file: the status bar
/// said only where it went. It says now that the file is not encrypted, and how to seal
/// one.
#[test]
fn an_export_from_an_encrypted_journal_says_the_file_is_not_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let (path, unlock) = encrypted(dir.path());
    let mut app = app_over(
        Store::open_unlocked(&path, &unlock).unwrap(),
        Config::default(),
    );
    let t0 = start();
    press_at(&mut app, "x", t0);
    press_at(&mut app, "enter", t0);
    let said = app.env.status.clone().unwrap_or_default();
    assert!(said.starts_with("Exported 1 entry"), "{said}");
    assert!(said.contains("not encrypted"), "{said}");
    assert!(said.contains("export --encrypt"), "{said}");
}
