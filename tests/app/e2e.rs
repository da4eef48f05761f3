//! End to end: the real `praxis` binary in a pseudo-terminal (100x30), driven by keys,
//! read back through a terminal emulator (vt100), and checked with the CLI afterwards.
//!
//! Every step waits by polling the emulated screen (at most [`STEP`] per step) and panics
//! with the screen when it does not come, so a hang is a clear failure, never a stuck test.
//! The only fixed wait is the idle time after which the app keeps a draft.

#![cfg(unix)]
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::pty::{STEP, Session, contains};
use portable_pty::CommandBuilder;

const CTRL_S: &[u8] = b"\x13";

/// A journal, its config and its home, all in one private temp dir.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config/praxis");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(
            config.join("config.toml"),
            "[ui]\ndraft_seconds = 1\nmouse = false\n",
        )
        .unwrap();
        for d in ["home", "data", "tmp"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        Env { dir }
    }

    /// In a directory praxis makes itself (private, as `praxis doctor` expects).
    fn db(&self) -> PathBuf {
        self.dir.path().join("journal/journal.sqlite3")
    }

    /// The whole environment of a praxis process: nothing inherited but `PATH`.
    fn vars(&self) -> Vec<(&'static str, OsString)> {
        let p = self.dir.path();
        vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("PRAXIS_DB", self.db().into()),
            ("HOME", p.join("home").into()),
            ("XDG_CONFIG_HOME", p.join("config").into()),
            ("XDG_DATA_HOME", p.join("data").into()),
            ("TMPDIR", p.join("tmp").into()),
            ("PRAXIS_NOW", "2026-03-18T20:00:00+00:00".into()),
            ("TERM", "xterm-256color".into()),
            ("NO_COLOR", "1".into()),
            ("EDITOR", "true".into()),
            ("LANG", "C.UTF-8".into()),
        ]
    }

    /// Runs a CLI command (no terminal, stdin empty) and returns its stdout; it must succeed.
    fn cli(&self, args: &[&str]) -> String {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_praxis"));
        cmd.env_clear()
            .envs(self.vars())
            .current_dir(self.dir.path())
            .args(args)
            .stdin(std::process::Stdio::null());
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "praxis {args:?} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The titles of the entries, from `praxis list --json`.
    fn titles(&self) -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(&self.cli(&["list", "--json"])).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_string())
            .collect()
    }

    /// How many drafts the journal holds, read without touching it (None while unreadable).
    fn drafts(&self) -> Option<i64> {
        let conn = rusqlite::Connection::open_with_flags(
            self.db(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .ok()?;
        conn.query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
            .ok()
    }

    /// Starts the app in a fresh pseudo-terminal.
    fn start(&self) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
        cmd.env_clear();
        for (k, v) in self.vars() {
            cmd.env(k, v);
        }
        cmd.cwd(self.dir.path());
        Session::start(cmd)
    }
}

fn signal(pid: &str, sig: &str) {
    let st = std::process::Command::new("kill")
        .args([sig, pid])
        .status()
        .unwrap();
    assert!(st.success(), "kill {sig} {pid} failed");
}

/// Opens a new reflection and types `text` into it (its title, the first field).
fn write_new(s: &mut Session, text: &str) {
    s.send(b"n");
    s.wait_for("the Write pane", |sc| !sc.contains("Welcome to praxis"));
    s.send(text.as_bytes());
    s.wait_text(text);
}

/// Saves what is being written, confirming the check-in form that a new reflection gets.
fn save(s: &mut Session) {
    s.send(CTRL_S);
    s.wait_text("Check-in");
    s.send(b"\r");
    s.wait_text("Saved ");
}

fn quit_cleanly(s: &mut Session) {
    s.send(b"q");
    let status = s.wait_exit();
    assert!(
        status.success(),
        "praxis exited with {status:?}\n{}",
        s.dump()
    );
    s.assert_restored();
}

#[test]
fn write_save_and_quit_then_the_cli_sees_it() {
    let env = Env::new();
    let mut s = env.start();
    s.wait_text("Welcome to praxis");
    write_new(&mut s, "Handover after a long night");
    save(&mut s);
    s.wait_text("Handover after a long night");
    quit_cleanly(&mut s);
    assert_eq!(env.titles(), ["Handover after a long night"]);
}

#[test]
fn kill_9_while_writing_keeps_a_draft_that_is_offered_back() {
    let env = Env::new();
    let mut s = env.start();
    s.wait_text("Welcome to praxis");
    write_new(&mut s, "Words that must survive");
    let typed = Instant::now();
    // The app keeps a draft after a second of quiet; give it two, then make sure.
    std::thread::sleep(Duration::from_secs(2));
    while env.drafts() != Some(1) {
        assert!(
            typed.elapsed() < STEP,
            "no draft was kept after {STEP:?} of quiet\n{}",
            s.dump()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    signal(&s.pid(), "-KILL");
    let status = s.wait_exit();
    assert!(!status.success(), "a killed praxis reported {status:?}");
    drop(s);

    let mut s = env.start();
    s.wait_text("Recover your writing?");
    s.send(b"\r");
    s.wait_for("the recovered text in the Write pane", |sc| {
        sc.contains("Words that must survive") && !sc.contains("Recover your writing?")
    });
    save(&mut s);
    quit_cleanly(&mut s);
    assert_eq!(env.titles(), ["Words that must survive"]);
    assert_eq!(env.drafts(), Some(0), "the recovered draft was not cleared");
    env.cli(&["doctor"]);
}

/// Typing that never pauses long enough for the idle draft (a word every 300 ms, with a
/// second of quiet configured) is still kept every few seconds: a kill -9 while typing
/// loses at most the last few seconds.
#[test]
fn kill_9_while_typing_without_a_pause_keeps_what_came_before() {
    let env = Env::new();
    let mut s = env.start();
    s.wait_text("Welcome to praxis");
    write_new(&mut s, "Steady");
    let started = Instant::now();
    let mut words = 0;
    while env.drafts() != Some(1) {
        assert!(
            started.elapsed() < STEP,
            "no draft was kept in {STEP:?} of typing\n{}",
            s.dump()
        );
        s.send(b" w");
        words += 1;
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(
        words > 3,
        "the draft came before the typing went on: {words}"
    );
    // Still typing when it is killed.
    s.send(b" last");
    signal(&s.pid(), "-KILL");
    let status = s.wait_exit();
    assert!(!status.success(), "a killed praxis reported {status:?}");
    drop(s);

    let mut s = env.start();
    s.wait_text("Recover your writing?");
    s.wait_text("Steady w w");
}

/// Two app windows on one journal: the second is not offered the first one's live
/// draft; once the first is killed, the next start is.
#[test]
fn a_second_window_is_not_offered_a_live_draft_but_a_dead_ones() {
    let env = Env::new();
    let mut a = env.start();
    a.wait_text("Welcome to praxis");
    write_new(&mut a, "Window A writing");
    let typed = Instant::now();
    while env.drafts() != Some(1) {
        assert!(typed.elapsed() < STEP, "no draft kept\n{}", a.dump());
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut b = env.start();
    b.wait_text("Another praxis window is writing 1 entry");
    assert!(
        !b.screen().contains("Recover your writing?"),
        "the live draft was offered to the second window\n{}",
        b.dump()
    );
    quit_cleanly(&mut b);
    signal(&a.pid(), "-KILL");
    a.wait_exit();
    drop(a);
    let mut c = env.start();
    c.wait_text("Recover your writing?");
    c.wait_text("Window A writing");
}

/// A termination signal while writing: a clean exit with the terminal restored,
/// and the writing offered back on the next start.
fn signal_while_writing(sig: &str) {
    let env = Env::new();
    let mut s = env.start();
    s.wait_text("Welcome to praxis");
    write_new(&mut s, "Interrupted mid thought");
    // No waiting for the idle draft: the signal itself must keep the writing.
    signal(&s.pid(), sig);
    let status = s.wait_exit();
    assert!(
        status.signal().is_none(),
        "praxis was ended by {sig} instead of handling it: {status:?}"
    );
    // Handled, then reported the way shells expect: 128 + the signal's number.
    let expected = if sig.contains("HUP") { 129 } else { 143 };
    assert_eq!(status.exit_code(), expected, "{status:?}");
    s.assert_restored();
    drop(s);

    let mut s = env.start();
    s.wait_text("Recover your writing?");
    s.wait_text("Interrupted mid thought");
    s.send(b"\r");
    s.wait_for("the recovered text in the Write pane", |sc| {
        sc.contains("Interrupted mid thought") && !sc.contains("Recover your writing?")
    });
}

#[test]
fn sigterm_while_writing_restores_the_terminal_and_keeps_the_draft() {
    signal_while_writing("-TERM");
}

#[test]
fn sighup_while_writing_restores_the_terminal_and_keeps_the_draft() {
    signal_while_writing("-HUP");
}

#[test]
fn escape_sequences_in_journal_text_are_never_sent_to_the_terminal() {
    let env = Env::new();
    env.cli(&[
        "add",
        "--title",
        "Evil \x1b]0;pwned\x07 title",
        "Body \x1b[2J cleared? \x1b]0;pwned\x07 end.",
    ]);
    let mut s = env.start();
    s.wait_for("the entry in the list and the preview", |sc| {
        sc.matches("Evil").count() >= 2 && sc.contains("cleared?")
    });
    let screen = s.screen();
    s.send(b"q");
    let status = s.wait_exit();
    assert!(
        status.success(),
        "praxis exited with {status:?}\n{}",
        s.dump()
    );
    let seen = s.seen.lock().unwrap();
    assert!(
        !contains(&seen.raw, b"\x1b]0;pwned"),
        "an OSC from the journal reached the terminal"
    );
    assert!(
        !contains(&seen.raw, b"\x1b[2J cleared?"),
        "a CSI from the journal reached the terminal"
    );
    let titles: Vec<_> = seen
        .parser
        .callbacks()
        .0
        .iter()
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    assert!(
        titles.iter().all(|t| !t.contains("pwned")),
        "the window title was set from journal text: {titles:?}"
    );
    // Drawn, with the escapes shown as visible stand-ins (␛) rather than obeyed.
    assert!(
        screen.contains("Evil ␛]0;pwned␇ title") && screen.contains("Body ␛[2J cleared?"),
        "the escapes are not shown as stand-ins:\n{screen}"
    );
}

/// A terminal window closed under a multiplexer: the pty goes away while praxis waits
/// for input. It must notice the end of its input, keep the draft and exit, not spin on
/// end-of-file for ever (crossterm's reader does, and never returns to see the hang-up
/// flag). Runs under tmux when it is installed.
#[test]
fn a_closed_terminal_without_a_signal_keeps_the_draft_and_exits() {
    let Ok(tmux) = which("tmux") else {
        eprintln!("tmux is not installed: skipping the closed-terminal test");
        return;
    };
    let env = Env::new();
    let socket = format!("praxis-e2e-{}", std::process::id());
    let mut cmd = String::from("exec env -i");
    for (k, v) in env.vars() {
        cmd.push_str(&format!(" {k}='{}'", v.to_string_lossy()));
    }
    cmd.push_str(&format!(" '{}'", env!("CARGO_BIN_EXE_praxis")));
    let tmux_cmd = |args: &[&str]| {
        std::process::Command::new(&tmux)
            .args(["-L", &socket])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        tmux_cmd(&["new-session", "-d", "-x", "100", "-y", "30", &cmd])
            .status
            .success()
    );
    let pid = String::from_utf8(tmux_cmd(&["display", "-p", "#{pane_pid}"]).stdout).unwrap();
    let pid = pid.trim().to_string();
    let wait = |what: &str, f: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !f() {
            assert!(start.elapsed() < STEP, "waited {STEP:?} for {what}");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    let screen = || String::from_utf8(tmux_cmd(&["capture-pane", "-p"]).stdout).unwrap();
    wait("the welcome", &|| screen().contains("Welcome to praxis"));
    tmux_cmd(&["send-keys", "n"]);
    tmux_cmd(&["send-keys", "-l", "Window closed mid thought"]);
    wait("the typed text", &|| {
        screen().contains("Window closed mid thought")
    });
    let alive = || std::path::Path::new(&format!("/proc/{pid}")).exists();
    tmux_cmd(&["kill-server"]);
    wait("praxis to exit after its terminal closed", &|| !alive());
    assert_eq!(env.drafts(), Some(1), "the writing is kept as a draft");
}

/// The path of a program on PATH.
fn which(name: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .find(|c| c.is_file())
        })
        .ok_or(())
}

/// Ctrl-C while `$EDITOR` has the terminal is the editor's, as on the command line: the
/// terminal sends SIGINT to its whole foreground group, praxis included, and the app used
/// to end ("stopped by signal 2") as soon as the editor returned.
#[test]
fn ctrl_c_in_the_editor_does_not_end_the_app() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let editor = env.dir.path().join("interrupted-editor");
    // An editor that survives Ctrl-C (as vim and nano do) and saves afterwards.
    std::fs::write(
        &editor,
        "#!/bin/sh\ntrap '' INT\nkill -INT 0\nsleep 0.2\nprintf 'Written after a Ctrl-C' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
    cmd.env_clear();
    for (k, v) in env.vars() {
        cmd.env(k, v);
    }
    cmd.env("EDITOR", &editor);
    cmd.cwd(env.dir.path());
    let mut s = Session::start(cmd);
    s.wait_text("Welcome to praxis");
    write_new(&mut s, "Before the editor");
    s.send(b"\x0f"); // ctrl-o: this section in $EDITOR
    s.wait_text("Written after a Ctrl-C");
    // Still running, and still writing: save it like any other text.
    save(&mut s);
    quit_cleanly(&mut s);
    assert_eq!(env.titles().len(), 1);
}
