//! `praxis review`: two people's summaries side by side on a TestBackend (80x24 and
//! 120x40 snapshots), the excerpts, the help, the reviewer's notes saved and read back,
//! hostile summaries, the command's errors, and that it never touches a journal.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use praxis::transfer::summary::{
    ActionItem, Excerpt, FeedbackCounts, RecognitionCounts, StageSummary, Summary, WithOthers,
};
use praxis::tui::keymap::Key;
use praxis::tui::review::keys::ReviewKeymap;
use praxis::tui::review::notes::NotesDoc;
use praxis::tui::review::{Focus, Review, Screen, layout, view};
use praxis::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review")
        .join(name)
}

fn read(name: &str) -> (PathBuf, Summary) {
    let p = fixture(name);
    let s = Summary::read(&p).unwrap();
    (p, s)
}

fn review_of(people: Vec<(PathBuf, Summary)>, notes: &Path) -> Review {
    let doc = NotesDoc::load(notes).unwrap();
    Review::new(
        people,
        notes.to_path_buf(),
        &doc,
        ReviewKeymap::defaults(),
        Theme::monochrome(),
    )
}

/// Alex and Sam, with notes in a file that is never written (snapshots only).
fn two() -> Review {
    review_of(
        vec![read("alex.json"), read("sam.json")],
        Path::new("review-notes.md"),
    )
}

fn press(r: &mut Review, key: &str) {
    let k = Key::parse(key).unwrap();
    let mut ev = KeyEvent::new(k.code, k.mods);
    if let KeyCode::Char(c) = k.code
        && c.is_uppercase()
    {
        ev.modifiers |= KeyModifiers::SHIFT;
    }
    r.handle_event(&Event::Key(ev));
}

fn type_text(r: &mut Review, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        r.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn terminal(r: &mut Review, w: u16, h: u16) -> Terminal<TestBackend> {
    r.resize(w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(r, f)).unwrap();
    t
}

fn screen(r: &mut Review, w: u16, h: u16) -> String {
    terminal(r, w, h).backend().to_string()
}

macro_rules! snap {
    ($name:expr, $r:expr) => {
        insta::assert_snapshot!(format!("{}_80x24", $name), screen(&mut $r, 80, 24));
        insta::assert_snapshot!(format!("{}_120x40", $name), screen(&mut $r, 120, 40));
    };
}

#[test]
fn two_people_side_by_side() {
    let mut r = two();
    snap!("overview", r);
    let s = screen(&mut r, 80, 24);
    for want in [
        "Alex (residential",
        "Sam (community",
        "listening",
        "curiosity",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
    // Stages and call-ins are shown for the one who shared them.
    let big = screen(&mut r, 120, 40);
    assert!(big.contains("YP-B · smoking"), "{big}");
    assert!(big.contains("Call-ins"), "{big}");
}

/// A redacted summary's period is shown by its months, as its writer's export showed it,
/// even one written before its label was kept to the month; an unredacted one by its
/// days.
#[test]
fn a_redacted_summarys_period_is_shown_by_month() {
    let (path, mut s) = read("jo-spring.json");
    s.period.since = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
    s.period.until = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    s.period.label = "2026-03-02 to 2026-03-20".into();
    let mut r = review_of(vec![(path.clone(), s.clone())], Path::new("n.md"));
    let shown = screen(&mut r, 120, 40);
    assert!(shown.contains("Mar 2026"), "{shown}");
    for exact in ["2 Mar", "20 Mar", "2026-03-02", "2026-03-20"] {
        assert!(!shown.contains(exact), "{exact}:\n{shown}");
    }
    s.redacted = false;
    let mut r = review_of(vec![(path, s)], Path::new("n.md"));
    let shown = screen(&mut r, 120, 40);
    assert!(shown.contains("2 Mar – 20 Mar 2026"), "{shown}");
}

#[test]
fn practice_with_others_shows_in_the_persons_column() {
    let (path, mut sam) = read("sam.json");
    assert!(
        sam.with_others.is_none(),
        "an older summary reads without it"
    );
    sam.with_others = Some(WithOthers {
        recognition: RecognitionCounts {
            given: 2,
            given_not_yet_said: 1,
            received: 1,
        },
        feedback: FeedbackCounts {
            total: 3,
            by_source: [("person-supported".to_string(), 2), ("complaint".into(), 1)].into(),
            by_tone: Default::default(),
        },
        ..Default::default()
    });
    sam.strengths[0].colleague = 2;
    sam.strengths[0].total += 2;
    let mut r = review_of(vec![(path, sam)], Path::new("review-notes.md"));
    let s = screen(&mut r, 120, 40);
    for want in [
        "mine/person/team/colleague",
        "curiosity            9 ↑   7/0/0/2",
        "Recognition 2 given, 1 of them not yet said; 1 received",
        "Feedback 3 pieces: 1 complaint, 2 from people supported",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
    assert!(
        !s.contains("Group and peer"),
        "nothing where nothing was written"
    );
    // Without any colleague's share, the column stays as it was.
    let s = screen(&mut two(), 120, 40);
    assert!(!s.contains("team/colleague"), "{s}");
}

#[test]
fn more_people_than_fit_scroll_sideways() {
    let mut r = review_of(
        vec![read("alex.json"), read("sam.json"), read("jo-spring.json")],
        Path::new("review-notes.md"),
    );
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("people 1–2 of 3"), "{s}");
    assert!(!s.contains("jo-spring"), "{s}");
    press(&mut r, "tab");
    press(&mut r, "tab");
    assert_eq!(r.selected, 2);
    let s = screen(&mut r, 80, 24);
    // Without a `from`, a person is named by their file.
    assert!(
        s.contains("jo-spring") && s.contains("people 2–3 of 3"),
        "{s}"
    );
    press(&mut r, "tab");
    assert_eq!(r.selected, 0, "tab wraps round");
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("people 1–2 of 3"), "{s}");
    press(&mut r, "left");
    assert_eq!(r.selected, 2);
    // At 120 columns everyone fits.
    let s = screen(&mut r, 120, 40);
    assert!(!s.contains("of 3 ←/→"), "{s}");
}

#[test]
fn reading_excerpts() {
    let mut r = two();
    press(&mut r, "down");
    press(&mut r, "enter");
    assert_eq!(r.screen, Screen::Person);
    assert_eq!(r.people[0].excerpt, 1);
    snap!("excerpts", r);
    let s = screen(&mut r, 120, 40);
    assert!(s.contains("Holding a boundary with a colleague"), "{s}");
    assert!(s.contains("Book restorative supervision"), "{s}");
    // Full screen, then scrolled to its end and back.
    press(&mut r, "enter");
    assert!(r.zoom);
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("how to say no without over-explaining"), "{s}");
    press(&mut r, "esc");
    assert!(!r.zoom);
    press(&mut r, "tab");
    assert_eq!(r.selected, 1);
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("A home visit that ran over"), "{s}");
    press(&mut r, "esc");
    assert_eq!(r.screen, Screen::Overview);
    press(&mut r, "esc");
    assert!(r.quit, "esc quits from the overview");
}

#[test]
fn a_long_excerpt_scrolls_within_bounds() {
    let (p, mut s) = read("sam.json");
    s.excerpts[0].text = (1..=200)
        .map(|i| format!("line {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut r = review_of(vec![(p, s)], Path::new("review-notes.md"));
    press(&mut r, "enter");
    r.resize(80, 24);
    for _ in 0..100 {
        press(&mut r, "pagedown");
    }
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("line 200"), "{s}");
    assert_eq!(r.scroll, r.max_scroll());
    press(&mut r, "pageup");
    assert!(r.scroll < r.max_scroll());
}

#[test]
fn help_is_generated_from_the_review_keymap() {
    let mut r = two();
    press(&mut r, "?");
    assert!(r.help.is_some());
    snap!("help", r);
    press(&mut r, "x");
    assert!(r.help.is_none(), "any key closes the help");
    assert!(!r.quit);
    // An override in the config's [keys] shows in the help.
    let mut table = std::collections::BTreeMap::new();
    table.insert("save".to_string(), vec!["f12".to_string()]);
    r.keymap = ReviewKeymap::with_overrides(&table).unwrap();
    press(&mut r, "f1");
    let s = screen(&mut r, 120, 40);
    assert!(s.contains("F12") && !s.contains("ctrl-s"), "{s}");
}

#[test]
fn notes_are_typed_saved_privately_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("coach.md");
    // Someone else's notes are already in the file, and must stay.
    std::fs::write(&notes, "# My review notes\n\n## Jo\n\nStarted in March.\n").unwrap();
    let mut r = review_of(vec![read("alex.json"), read("sam.json")], &notes);
    press(&mut r, "n");
    assert_eq!((r.screen, r.focus), (Screen::Person, Focus::Notes));
    type_text(
        &mut r,
        "Ask about boundaries with colleagues.\nq and j are text here.",
    );
    assert!(!r.quit, "q is text while writing notes");
    assert!(r.unsaved());
    snap!("notes", r);
    press(&mut r, "ctrl-s");
    assert!(!r.unsaved());
    assert!(r.status.as_deref().unwrap().contains("Notes saved"));
    let text = std::fs::read_to_string(&notes).unwrap();
    assert_eq!(
        text,
        "# My review notes\n\n## Jo\n\nStarted in March.\n\n## Alex (residential, nights)\n\n\
         Ask about boundaries with colleagues.\nq and j are text here.\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&notes).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    // Tab goes to Sam's notes; quitting saves them.
    press(&mut r, "tab");
    type_text(&mut r, "## Not a heading");
    press(&mut r, "esc");
    assert_eq!(r.focus, Focus::Excerpts);
    press(&mut r, "q");
    assert!(r.quit);
    let text = std::fs::read_to_string(&notes).unwrap();
    assert!(
        text.ends_with("## Sam (community mental health)\n\n\\## Not a heading\n"),
        "{text}"
    );
    // Reopened: every person's notes are back, and shown.
    let mut again = review_of(vec![read("sam.json"), read("alex.json")], &notes);
    assert!(!again.unsaved());
    assert_eq!(again.notes[0].text(), "## Not a heading");
    assert_eq!(
        again.notes[1].text(),
        "Ask about boundaries with colleagues.\nq and j are text here."
    );
    let s = screen(&mut again, 120, 40);
    assert!(s.contains("Alex (residential, nights) ✎"), "{s}");
    press(&mut again, "enter");
    let s = screen(&mut again, 120, 40);
    assert!(s.contains("## Not a heading"), "{s}");
}

#[test]
fn a_notes_file_that_cannot_be_written_is_reported_and_quit_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("gone/notes.md");
    let mut r = review_of(vec![read("alex.json")], &notes);
    press(&mut r, "n");
    type_text(&mut r, "kept");
    press(&mut r, "ctrl-q");
    assert!(!r.quit);
    assert!(
        r.status
            .as_deref()
            .unwrap()
            .contains("cannot save the notes"),
        "{:?}",
        r.status
    );
    assert!(r.unsaved_markdown().contains("kept"));
    press(&mut r, "ctrl-q");
    assert!(r.quit, "the second quit goes");
}

#[test]
fn mouse_clicks_select_a_column_and_an_excerpt() {
    let mut r = two();
    r.resize(80, 24);
    let click = |r: &mut Review, column: u16, row: u16| {
        r.handle_event(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
    };
    click(&mut r, 60, 10);
    assert_eq!(r.selected, 1);
    press(&mut r, "enter");
    let areas = layout::layout(r.size, &r.shape());
    click(&mut r, areas.list.x + 3, areas.list.y + 2);
    assert_eq!(r.people[1].excerpt, 1);
    click(&mut r, areas.notes.x + 3, areas.notes.y + 2);
    assert_eq!(r.focus, Focus::Notes);
}

/// Text a hostile summary might carry: escapes (CSI, OSC, C1), NUL, bidi overrides,
/// right-to-left script, emoji sequences, and one huge line.
fn hostile() -> Summary {
    let (_, mut s) = read("alex.json");
    let evil = "evil \u{1b}]0;pwned\u{7} \u{1b}[2J\u{9b}31m \u{0}nul \u{202e}txet desrever\u{202c} שלום עולם 👩🏽‍⚕️ e\u{301}";
    let huge = "x".repeat(100_000);
    s.from = Some(format!("{evil}{huge}"));
    s.period.label = format!("{evil}\n## Injected heading\n{huge}");
    s.by_kind.insert(evil.into(), -5);
    s.entries = i64::MAX;
    s.weeks[0].total = -3;
    s.weeks[1].total = i64::MAX;
    s.models[0].model = evil.into();
    s.models[0].name = huge.clone();
    s.strengths[0].name = evil.into();
    s.strengths[1].name = huge.clone();
    s.checkins.mood = Some(f64::NAN);
    s.checkins.weeks[0].mood = Some(f64::INFINITY);
    s.checkins.weeks[1].energy = Some(-1e300);
    s.actions.items.push(ActionItem {
        text: format!("{evil}{huge}"),
        due_on: None,
        status: evil.into(),
    });
    s.excerpts.insert(
        0,
        Excerpt {
            when: evil.into(),
            kind: evil.into(),
            model: Some(evil.into()),
            title: format!("{evil}{huge}"),
            text: format!("{evil}\n\t{huge}\n{evil}"),
            parts: Vec::new(),
            of: String::new(),
            strengths: vec![evil.into(); 50],
            tags: vec![huge.clone()],
            for_supervision: true,
        },
    );
    s.stages = Some(vec![StageSummary {
        subject: evil.into(),
        topic: huge.clone(),
        points: vec![(evil.into(), evil.into())],
        moves_back: usize::MAX,
    }]);
    if let Some(c) = s.callins.as_mut() {
        c.by_status.insert(evil.into(), i64::MIN);
    }
    s
}

fn assert_no_controls(t: &Terminal<TestBackend>, what: &str) {
    for cell in t.backend().buffer().content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{what}: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn hostile_summaries_are_drawn_harmlessly() {
    let mut r = review_of(
        vec![(PathBuf::from("evil.json"), hostile()), read("sam.json")],
        Path::new("review-notes.md"),
    );
    let check = |r: &mut Review, what: &str| {
        for (w, h) in [(80, 24), (120, 40), (50, 12), (200, 60), (30, 8)] {
            let t = terminal(r, w, h);
            assert_no_controls(&t, &format!("{what} at {w}x{h}"));
        }
        // The right border stands in its column on every row: nothing pushed it.
        let t = terminal(r, 80, 24);
        let s = t.backend().to_string();
        for y in 1..23 {
            let edge = t.backend().buffer()[(79, y)].symbol().to_string();
            assert!(
                "│┐┘".contains(edge.as_str()),
                "{what} row {y}: {edge:?}\n{s}"
            );
        }
    };
    check(&mut r, "overview");
    press(&mut r, "enter");
    check(&mut r, "excerpt");
    press(&mut r, "enter");
    check(&mut r, "full screen");
    for _ in 0..50 {
        press(&mut r, "pagedown");
    }
    check(&mut r, "scrolled");
    press(&mut r, "?");
    check(&mut r, "help");
    let s = screen(&mut r, 80, 24);
    assert!(!s.contains('\u{1b}'), "{s}");
}

#[test]
fn the_visible_stand_ins_replace_escapes() {
    let mut r = review_of(
        vec![(PathBuf::from("evil.json"), hostile())],
        Path::new("review-notes.md"),
    );
    press(&mut r, "enter");
    let s = screen(&mut r, 120, 40);
    assert!(s.contains("evil ␛]0;pwned␇ ␛[2J"), "{s}");
    assert!(s.contains("שלום עולם"), "{s}");
}

#[test]
fn no_color_draws_without_colour() {
    use ratatui::style::Color;
    let mut r = two();
    r.theme = Theme::new(praxis::config::ThemeName::Default, true);
    for enter in [false, true] {
        if enter {
            press(&mut r, "n");
        }
        let t = terminal(&mut r, 120, 40);
        for cell in t.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    }
}

// The command.

/// `praxis` with a journal path in a temp dir that must stay untouched.
fn praxis(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("praxis").unwrap();
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join("home"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("PRAXIS_NOW", "2026-03-30T09:00:00+00:00")
        .current_dir(dir)
        .arg("--db")
        .arg(dir.join("journal/journal.sqlite3"));
    cmd
}

/// Nothing but what the test put there.
fn assert_untouched(dir: &Path, expected: &[&str]) {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort_unstable();
    assert_eq!(found, expected, "files appeared in {}", dir.display());
}

fn fails_naming(dir: &Path, file: &Path, reason: &str) {
    let out = praxis(dir)
        .arg("review")
        .arg(fixture("alex.json"))
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&file.display().to_string()) && err.contains(reason),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "the terminal was touched: {out:?}");
}

#[test]
fn bad_files_are_named_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fails_naming(d, &d.join("missing.json"), "cannot read");
    let broken = d.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"praxis-summary\", ").unwrap();
    fails_naming(d, &broken, "cut short");
    let full = d.join("full.json");
    std::fs::write(
        &full,
        r#"{"format": "praxis-journal", "version": 1, "entries": []}"#,
    )
    .unwrap();
    fails_naming(d, &full, "full praxis export, not a summary");
    let newer = d.join("newer.json");
    let mut s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("sam.json")).unwrap()).unwrap();
    s["version"] = 99.into();
    std::fs::write(&newer, s.to_string()).unwrap();
    fails_naming(d, &newer, "version 99 (from a newer praxis)");
    let other = d.join("other.json");
    std::fs::write(&other, r#"{"format": "something", "version": 1}"#).unwrap();
    fails_naming(d, &other, "not a praxis summary");
    assert_untouched(d, &["broken.json", "full.json", "newer.json", "other.json"]);
}

#[test]
fn without_a_terminal_it_says_so_and_touches_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(fixture("alex.json"), d.join("alex.json")).unwrap();
    let out = praxis(d)
        .env("PRAXIS_DB", d.join("env-journal.sqlite3"))
        .args(["review", "alex.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("praxis review needs a terminal"), "{err}");
    // No journal, no backups, no drafts, no notes file: only the summary.
    assert_untouched(d, &["alex.json"]);
    let help = praxis(d).args(["review", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("praxis review alex.json sam.json") && help.contains("review-notes.md"),
        "{help}"
    );
}

#[test]
fn a_notes_path_in_a_missing_folder_is_refused_before_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = praxis(d)
        .arg("review")
        .arg(fixture("alex.json"))
        .arg("--notes")
        .arg(d.join("nowhere/notes.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nowhere/notes.md") && err.contains("does not exist"),
        "{err}"
    );
    assert_untouched(d, &[]);
}

/// The real binary in a pseudo-terminal (100x30), read back through vt100: open two
/// summaries, write a note, save, quit; and a signal while writing. Each wait polls the
/// screen for at most ten seconds and fails with the screen.
#[cfg(unix)]
mod pty {
    use std::path::Path;

    use portable_pty::CommandBuilder;

    use super::common::pty::Session;

    /// `praxis review ARGS` in a pseudo-terminal, with its files under `dir`.
    fn start(dir: &Path, args: &[&str]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
        cmd.env_clear();
        for (k, v) in [
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("PRAXIS_DB", dir.join("journal/journal.sqlite3").into()),
            ("HOME", dir.join("home").into()),
            ("XDG_CONFIG_HOME", dir.join("config").into()),
            ("XDG_DATA_HOME", dir.join("data").into()),
            ("TERM", "xterm-256color".into()),
            ("NO_COLOR", "1".into()),
            ("LANG", "C.UTF-8".into()),
        ] {
            cmd.env(k, v);
        }
        cmd.cwd(dir);
        cmd.arg("review");
        cmd.args(args);
        Session::start(cmd)
    }

    fn setup() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in ["alex.json", "sam.json"] {
            std::fs::copy(super::fixture(f), dir.path().join(f)).unwrap();
        }
        dir
    }

    #[test]
    fn write_a_note_save_and_quit_with_the_terminal_restored() {
        let dir = setup();
        let mut s = start(dir.path(), &["alex.json", "sam.json"]);
        s.wait_text("Sam (community mental health)");
        s.send(b"n");
        s.wait_text("writing notes");
        s.send(b"Bring the rota question to supervision");
        s.wait_text("Bring the rota question");
        s.send(b"\x13");
        s.wait_text("Notes saved to");
        s.send(b"\x1b");
        s.wait_text("enter full screen");
        s.send(b"\t");
        s.send(b"q");
        let status = s.wait_exit();
        assert!(status.success(), "{status:?}\n{}", s.screen());
        s.assert_restored();
        let notes = std::fs::read_to_string(dir.path().join("review-notes.md")).unwrap();
        assert!(
            notes.contains(
                "## Alex (residential, nights)\n\nBring the rota question to supervision\n"
            ),
            "{notes}"
        );
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["alex.json", "review-notes.md", "sam.json"]);
    }

    #[test]
    fn a_termination_signal_saves_the_notes_and_restores_the_terminal() {
        let dir = setup();
        let mut s = start(dir.path(), &["alex.json", "sam.json"]);
        s.wait_text("Alex (residential");
        s.send(b"\tn");
        s.wait_text("Your notes on Sam");
        s.send(b"Typed, never saved by hand");
        s.wait_text("never saved by hand");
        let pid = s.pid();
        assert!(
            std::process::Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 143, "{status:?}");
        s.assert_restored();
        let notes = std::fs::read_to_string(dir.path().join("review-notes.md")).unwrap();
        assert!(
            notes.contains("## Sam (community mental health)\n\nTyped, never saved by hand\n"),
            "{notes}"
        );
        assert!(!dir.path().join("journal").exists());
    }
}

#[test]
fn a_summary_made_by_praxis_export_opens_in_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 1..=3 {
        praxis(d)
            .args([
                "add",
                &format!("Handover {i} with Mary Jones went well. We listened."),
            ])
            .args(["--strength", "listening", "--strength", "hope:person"])
            .args(["--for-supervision", "--scope", "shareable", "--mood", "3"])
            .args(["--on", &format!("2026-03-1{i}")])
            .assert()
            .success();
    }
    let file = d.join("sam.json");
    praxis(d)
        .args([
            "export",
            "--summary",
            "--format",
            "json",
            "--from",
            "Sam",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();
    let summary = Summary::read(&file).unwrap();
    let mut r = review_of(vec![(file, summary)], &d.join("notes.md"));
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("Sam") && s.contains("listening"), "{s}");
    press(&mut r, "enter");
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("[PERSON-1]") && !s.contains("Mary Jones"), "{s}");
}

#[test]
fn the_notes_file_cannot_be_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(fixture("alex.json"), d.join("alex.json")).unwrap();
    let before = std::fs::read(d.join("alex.json")).unwrap();
    let out = praxis(d)
        .args(["review", "alex.json", "--notes", "./alex.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is one of the summaries"), "{err}");
    assert_eq!(std::fs::read(d.join("alex.json")).unwrap(), before);
}

#[test]
fn nobody_to_review_draws_and_clicks_without_panicking() {
    let mut r = review_of(Vec::new(), Path::new("review-notes.md"));
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("No summaries to review."), "{s}");
    for key in ["tab", "down", "enter", "n", "pagedown", "esc"] {
        press(&mut r, key);
    }
    r.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    screen(&mut r, 80, 24);
}

#[test]
fn html_writes_the_side_by_side_page_without_a_terminal_or_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["alex.json", "sam.json"] {
        std::fs::copy(fixture(f), d.join(f)).unwrap();
    }
    let out = praxis(d)
        .args(["review", "alex.json", "sam.json", "--html", "review.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Wrote the review of 2 summaries to review.html"),
        "{err}"
    );
    // Only the page appears: no journal, no backups, no notes.
    assert_untouched(d, &["alex.json", "review.html", "sam.json"]);
    let page = std::fs::read_to_string(d.join("review.html")).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("<h2 id=\"p1-h\">Alex (residential, nights)</h2>"));
    assert!(page.contains("<h2 id=\"p2-h\">Sam (community mental health)</h2>"));
    assert!(page.contains("Content-Security-Policy"));
    for bad in ["<script", "http://", "https://", "<link", "<img"] {
        assert!(!page.contains(bad), "{bad}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(d.join("review.html"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // An existing page is replaced only with --force; a summary never.
    let again = praxis(d)
        .args(["review", "alex.json", "--html", "review.html"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = praxis(d)
        .args(["review", "alex.json", "--html", "review.html", "--force"])
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0), "{forced:?}");
    let onto = praxis(d)
        .args(["review", "alex.json", "--html", "alex.json", "--force"])
        .output()
        .unwrap();
    assert_eq!(onto.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&onto.stderr).contains("is one of the summaries"));
    // Notes belong to the app, not to the page.
    let both = praxis(d)
        .args(["review", "alex.json", "--html", "x.html", "--notes", "n.md"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert_untouched(d, &["alex.json", "review.html", "sam.json"]);
    // `-` is standard output: the page is printed, no file named `-` appears.
    let piped = praxis(d)
        .args(["review", "alex.json", "--html", "-"])
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0), "{piped:?}");
    assert!(String::from_utf8_lossy(&piped.stdout).starts_with("<!doctype html>"));
    assert_untouched(d, &["alex.json", "review.html", "sam.json"]);
}

#[test]
fn two_summaries_of_one_name_are_told_apart_and_left_out_strengths_are_counted() {
    // The same person's summary twice, under two file names.
    let (path, sam) = read("sam.json");
    let dir = tempfile::tempdir().unwrap();
    let march = dir.path().join("sam-march.json");
    std::fs::copy(&path, &march).unwrap();
    let mut r = review_of(
        vec![(path, sam.clone()), (march, sam)],
        Path::new("review-notes.md"),
    );
    let s = screen(&mut r, 80, 24);
    assert!(s.contains("┌ sam.json · Sam"), "{s}");
    assert!(s.contains("┌ sam-march.json · Sam"), "{s}");
    // Their notes are one: the person is the same.
    assert_eq!(r.people[0].note, r.people[1].note);
    // Alex's strengths do not all fit at 80x24: the ones left out are counted.
    let mut two = two();
    let s = screen(&mut two, 80, 24);
    let alex = &two.people[0].summary;
    let shown = alex
        .strengths
        .iter()
        .filter(|st| s.contains(&format!("│{} ", st.name)))
        .count();
    assert!(shown < alex.strengths.len());
    assert!(
        s.contains(&format!("… {} more", alex.strengths.len() - shown)),
        "{s}"
    );
    // The page of the two tells them apart the same way.
    let d = dir.path();
    std::fs::copy(fixture("sam.json"), d.join("sam.json")).unwrap();
    let out = praxis(d)
        .args([
            "review",
            "sam.json",
            "sam-march.json",
            "--html",
            "review.html",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let page = std::fs::read_to_string(d.join("review.html")).unwrap();
    assert!(page.contains("sam-march.json · Sam (community mental health)"));
    assert!(page.contains("sam.json · Sam (community mental health)"));
    // Nothing on the header is cut: what does not fit is left out whole.
    press(&mut two, "enter");
    let top = screen(&mut two, 80, 24).lines().next().unwrap().to_string();
    assert!(!top.contains('…'), "{top}");
}

#[test]
fn trends_read_and_write_as_the_words_summary_files_have_always_held() {
    use praxis::insights::Trend;
    let (_, alex) = read("alex.json");
    let trends: Vec<Trend> = alex.strengths.iter().map(|s| s.trend).collect();
    assert_eq!(
        &trends[..5],
        [Trend::Up, Trend::New, Trend::Same, Trend::Down, Trend::Up]
    );
    let written = serde_json::to_value(&alex).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("alex.json")).unwrap()).unwrap();
    for (w, o) in written["strengths"]
        .as_array()
        .unwrap()
        .iter()
        .zip(original["strengths"].as_array().unwrap())
    {
        assert_eq!(w["trend"], o["trend"], "{w} against {o}");
    }
    // No period before is the empty word; a word this version does not know is no trend.
    let mut v = original.clone();
    v["strengths"][0]["trend"] = "".into();
    v["strengths"][1]["trend"] = "sideways".into();
    v["strengths"][2].as_object_mut().unwrap().remove("trend");
    let s = Summary::parse(Path::new("alex.json"), &v.to_string()).unwrap();
    for st in &s.strengths[..3] {
        assert_eq!(st.trend, Trend::Unknown, "{}", st.name);
    }
    assert_eq!(
        serde_json::to_value(&s).unwrap()["strengths"][0]["trend"],
        ""
    );
}
