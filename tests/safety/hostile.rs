//! Hostile input and hostile surroundings, through the real binary: huge pastes, NUL and
//! control characters, invalid UTF-8, every script and emoji, journal paths that cannot
//! be used, a full or read-only disk, and a journal another process holds locked.
//!
//! Each test fails without the protection it checks; the report of what ran (which way
//! the full disk was made, how long the big paste took) goes to stderr
//! (`cargo test --test hostile -- --nocapture`).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Journal, has_raw_control, praxis_std};
use praxis::model::Entry;
use praxis::store::Store;

/// The entry with short id `short`, read back through the library, not the CLI.
fn stored(db: &Path, short: &str) -> Entry {
    let store = Store::open(db).unwrap();
    store
        .entry_by_rowid(store.resolve_id(short).unwrap())
        .unwrap()
}

fn titles(j: &Journal) -> Vec<String> {
    j.json(&["list", "--json", "--limit", "1000"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect()
}

fn assert_no_panic(what: &str, out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(out.status.code().is_some(), "{what}: killed by a signal");
    assert_ne!(out.status.code(), Some(101), "{what}: {err}");
}

/// Output a terminal can show as it is: no control character but newline and tab.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    assert!(!has_raw_control(bytes), "{what}: raw ESC or BEL");
    assert!(!bytes.contains(&0), "{what}: raw NUL");
    let s = String::from_utf8_lossy(bytes);
    if let Some(c) = s
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        panic!("{what}: raw control character {c:?} in {s:?}");
    }
}

/// Roughly `bytes` of plausible prose: words, spaces, a line break every ~70 characters;
/// `markers` are placed at even intervals, the last one at the very end.
fn prose(bytes: usize, markers: &[&str]) -> String {
    const WORDS: &[&str] = &[
        "the",
        "handover",
        "ran",
        "late",
        "and",
        "family",
        "waited",
        "quietly",
        "in",
        "a",
        "corridor",
        "while",
        "we",
        "talked",
        "about",
        "what",
        "matters",
        "to",
        "her",
        "now",
        "listening",
        "was",
        "hard",
        "after",
        "long",
        "shift",
        "on",
        "ward",
        "supervision",
        "helped",
        "me",
        "notice",
        "my",
        "own",
        "tiredness",
        "before",
        "it",
        "became",
        "anger",
    ];
    let mut s = String::with_capacity(bytes + 64);
    let mut x: u32 = 0x2545_f491;
    let mut col = 0;
    let mut next = 0;
    while s.len() < bytes {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let w = if next < markers.len() && s.len() >= (next + 1) * bytes / markers.len() - 100 {
            next += 1;
            markers[next - 1]
        } else {
            WORDS[x as usize % WORDS.len()]
        };
        s.push_str(w);
        col += w.len() + 1;
        if col > 70 {
            s.push('\n');
            col = 0;
        } else {
            s.push(' ');
        }
    }
    for m in &markers[next..] {
        s.push_str(m);
        s.push(' ');
    }
    s.trim_end().to_string()
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

#[test]
fn a_ten_megabyte_paste_is_stored_whole_and_found_by_search() {
    let j = Journal::new();
    let title = "Ten megabytes from one night shift";
    let body = prose(10 * 1024 * 1024, &["zanzibarish", "quokkaesque"]);
    let text = format!("{title}\n{body}\n");

    let t = Instant::now();
    let out = j.cmd(&["add"]).write_stdin(text).output().unwrap();
    let add = t.elapsed();
    assert_no_panic("add", &out);
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();

    assert_eq!(j.entry_json(&id)["title"], title);
    let t = Instant::now();
    let e = stored(&j.db(), &id);
    let read = t.elapsed();
    assert_eq!(e.title, title);
    assert!(
        e.body == body,
        "the body came back changed: {} bytes stored, {} written",
        e.body.len(),
        body.len()
    );

    // Words from the middle and the very end of the paste are both in the index.
    let t = Instant::now();
    for word in ["zanzibarish", "quokkaesque"] {
        let hits = j.ok(&["search", word]);
        assert!(hits.contains(&id) && hits.contains(title), "{word}: {hits}");
    }
    let search = t.elapsed();
    let t = Instant::now();
    let out = j.cmd(&["show", &id]).output().unwrap();
    let show = t.elapsed();
    assert!(out.status.success());
    assert!(
        out.stdout.len() > body.len(),
        "show printed {}",
        out.stdout.len()
    );
    eprintln!(
        "10 MB paste: add {add:.2?}, read back {read:.2?}, two searches {search:.2?}, show {show:.2?}"
    );
}

#[test]
fn nul_and_control_characters_are_kept_exactly_and_never_printed_raw() {
    let j = Journal::new();
    // An argument cannot hold NUL (the OS ends it there); everything else can.
    let arg = "Argument \u{1b}]0;pwned\u{7} title \u{1}\u{8}\u{7f}\u{9b}31m \u{1b}[2J end";
    let id_arg = j.add(&[arg]);
    let title = "Piped\0title \u{1b}[31mred\u{1b}[0m with NUL";
    let body = "NUL \0 here, ESC \u{1b}]52;c;cGF5bG9hZA==\u{7} clipboard, CR \r mid-line,\n\
                DEL \u{7f}, C1 \u{9b}31m, backspace \u{8}, form feed \u{c}, tab \t kept\n\
                zeta\0omega marker";
    let out = j
        .cmd(&["add"])
        .write_stdin(format!("{title}\n{body}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id_pipe = String::from_utf8(out.stdout).unwrap().trim().to_string();

    // Stored byte for byte.
    assert_eq!(stored(&j.db(), &id_arg).title.as_bytes(), arg.as_bytes());
    let e = stored(&j.db(), &id_pipe);
    assert_eq!(e.title.as_bytes(), title.as_bytes());
    assert_eq!(e.body.as_bytes(), body.as_bytes());

    // Printed for a terminal: neutralised, in every command that shows journal text.
    for args in [
        &["list"][..],
        &["show", &id_arg],
        &["show", &id_pipe],
        &["search", "marker"],
        &["search", "pwned"],
        &["search", "clipboard"],
        &["search", "zeta"],
        &["tags"],
        &[],
    ] {
        let out = j.cmd(args).output().unwrap();
        assert_no_panic(&format!("{args:?}"), &out);
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_terminal_safe(&format!("{args:?} stdout"), &out.stdout);
        assert_terminal_safe(&format!("{args:?} stderr"), &out.stderr);
    }
    let show = j.ok(&["show", &id_pipe]);
    assert!(show.contains("Piped␀title ␛[31mred"), "{show}");
    assert!(show.contains("tab \t kept"), "tabs are kept: {show}");

    // JSON keeps the text exactly, escaped.
    let raw = j.ok(&["list", "--json"]);
    assert_terminal_safe("list --json", raw.as_bytes());
    assert!(raw.contains("Piped\\u0000title \\u001b[31m"), "{raw}");
    assert_eq!(j.entry_json(&id_pipe)["title"], title);
    assert_eq!(j.entry_json(&id_arg)["title"], arg);
    let hits = j.ok(&["search", "marker", "--json"]);
    assert_terminal_safe("search --json", hits.as_bytes());
}

#[test]
fn invalid_utf8_anywhere_in_stdin_is_refused_and_nothing_is_written() {
    let j = Journal::new();
    j.add(&["Already here"]);
    j.ok(&["list"]); // the day's automatic backup, taken now
    let before = j.db_bytes();
    // tests/cli.rs covers invalid bytes in the middle; these are the sneakier ones.
    for (what, bytes) in [
        ("truncated 2-byte sequence at the end", &b"Caf\xc3"[..]),
        ("truncated emoji at the end", b"Ends mid-emoji \xf0\x9f\x99"),
        (
            "truncated emoji before a newline",
            b"Title\nbody \xf0\x9f\n",
        ),
        ("overlong slash", b"Overlong \xc0\xaf slash"),
        ("UTF-16 surrogate", b"Surrogate \xed\xa0\x80 half"),
        ("lone continuation byte", b"Lone \x80 byte"),
        ("Latin-1 text", b"Na\xefve caf\xe9"),
        ("UTF-16 with a BOM", b"\xff\xfeH\0i\0"),
    ] {
        let out = j
            .cmd(&["add"])
            .write_stdin(bytes.to_vec())
            .output()
            .unwrap();
        assert_no_panic(what, &out);
        assert_eq!(out.status.code(), Some(1), "{what}: {out:?}");
        assert!(out.stdout.is_empty(), "{what}: {out:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("UTF-8") && err.contains("nothing"),
            "{what}: {err}"
        );
    }
    assert_eq!(j.db_bytes(), before, "the journal was written to");
    assert_eq!(titles(&j), ["Already here"]);
}

#[test]
fn right_to_left_text_emoji_and_combining_marks_are_stored_and_shown() {
    let j = Journal::new();
    let title = "שלום עולם — مرحبا بالعالم 👩\u{200d}👩\u{200d}👧\u{200d}👦 👍🏽 🇬🇧 ❤\u{fe0f} \
                 e\u{301}\u{302} Z\u{334}\u{335}\u{336} 日本語 \u{202e}desrever\u{202c}";
    // One line of 5,000 characters mixing all of it, with no space to break at.
    let line: String = "日本語👩\u{200d}⚕\u{fe0f}é\u{301}שaب"
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    let body = format!("linemarker {line}\nשלום again");
    let out = j
        .cmd(&["add"])
        .write_stdin(format!("{title}\n{body}"))
        .output()
        .unwrap();
    assert_no_panic("add", &out);
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    // The long line as a title given whole (text with no sentence end gives only its
    // first words as a title; `--title`, and imports, keep a long one).
    let long_title = format!("{title} {line}");
    let id2 = j.add(&["--title", &long_title, "and a body"]);

    let e = stored(&j.db(), &id);
    assert_eq!((e.title.as_str(), e.body.as_str()), (title, body.as_str()));
    assert_eq!(stored(&j.db(), &id2).title, long_title);
    assert_eq!(j.entry_json(&id)["title"], title);

    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", &id],
        &["show", &id2],
        &["search", "linemarker"],
        &["search", "שלום"],
        &["search", "linemarker", "--json"],
        &[],
    ] {
        let out = j.cmd(args).output().unwrap();
        assert_no_panic(&format!("{args:?}"), &out);
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    // Shown as stored, except the bidi override, which a terminal would obey.
    let shown_title = title.replace(['\u{202e}', '\u{202c}'], "");
    let show = j.ok(&["show", &id]);
    assert!(
        show.contains(&shown_title) && show.contains(&line),
        "{show}"
    );
    assert!(!show.contains('\u{202e}'), "{show}");
    let shown_long = long_title.replace(['\u{202e}', '\u{202c}'], "");
    assert!(j.ok(&["list"]).contains(&shown_long));
    assert!(j.ok(&["search", "שלום"]).contains(&id));
}

// ---------------------------------------------------------------------------------------
// Where the journal lives
// ---------------------------------------------------------------------------------------

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every path under `dir`, sorted, with each file's bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p.clone());
                out.push((p, None));
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, Some(bytes)));
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn a_journal_in_missing_directories_is_created_private() {
    let j = Journal::new();
    let db = j.path().join("new/deeper/still/journal.sqlite3");
    let run = |args: &[&str]| {
        let out = j.cmd(args).env("PRAXIS_DB", &db).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let id = run(&["add", "First words"]).trim().to_string();
    run(&["add", "Second words"]);
    run(&["list"]); // and the automatic backup
    assert_eq!(
        stored(&db, &id).title,
        "First words",
        "the journal is where it was asked to be"
    );
    for d in ["new", "new/deeper", "new/deeper/still"] {
        assert_eq!(mode(&j.path().join(d)), 0o700, "{d}");
    }
    // The journal and everything praxis or SQLite put beside it.
    for (p, bytes) in tree(&j.path().join("new/deeper/still")) {
        let want = if bytes.is_some() { 0o600 } else { 0o700 };
        assert_eq!(mode(&p), want, "{}", p.display());
    }
}

#[test]
fn a_journal_path_that_is_a_directory_is_a_clear_error() {
    let j = Journal::new();
    let db = j.path().join("journal.sqlite3");
    std::fs::create_dir(&db).unwrap();
    for args in [&["add", "Not saved"][..], &["list"], &["search", "x"]] {
        let err = j.fails(1, args);
        assert!(err.contains(&db.display().to_string()), "{err}");
        assert_eq!(err.matches("not a regular file").count(), 1, "{err}");
    }
    assert!(tree(&db).is_empty(), "{:?}", tree(&db));
}

#[test]
fn a_journal_path_under_a_regular_file_is_a_clear_error_and_creates_nothing() {
    let j = Journal::new();
    let file = j.path().join("notes.txt");
    std::fs::write(&file, "just a file\n").unwrap();
    let db = file.join("journal.sqlite3");
    drop(j.cmd(&[])); // the helper makes its home and tmp dirs: before the snapshot
    let before = tree(j.path());
    for args in [&["add", "Not saved"][..], &["list"], &["doctor"]] {
        let mut c = j.cmd(args);
        let out = c.env("PRAXIS_DB", &db).output().unwrap();
        assert_no_panic(&format!("{args:?}"), &out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        // doctor reports on stdout, the other commands on stderr.
        let said = String::from_utf8(if args[0] == "doctor" {
            out.stdout
        } else {
            out.stderr
        })
        .unwrap();
        assert!(said.contains(&db.display().to_string()), "{args:?}: {said}");
        assert_eq!(said.matches("Not a directory").count(), 1, "{said}");
        assert!(
            !said.contains("creates it"),
            "praxis cannot create it: {said}"
        );
    }
    assert_eq!(tree(j.path()), before, "something was created or changed");
}

// ---------------------------------------------------------------------------------------
// A full or read-only disk
// ---------------------------------------------------------------------------------------

/// A command prefix that runs a shell script in a private mount namespace where it may
/// mount a tmpfs, or None when this sandbox allows neither way.
fn private_mount_namespace(dir: &Path) -> Option<Vec<&'static str>> {
    let probe = dir.join("probe");
    std::fs::create_dir_all(&probe).unwrap();
    let ways: [&[&'static str]; 2] = [
        &["unshare", "-m", "--propagation", "private"],
        &[
            "unshare",
            "-m",
            "--map-root-user",
            "--propagation",
            "private",
        ],
    ];
    ways.into_iter()
        .find(|way| {
            Command::new(way[0])
                .args(&way[1..])
                .args([
                    "sh",
                    "-c",
                    "mount -t tmpfs -o size=64k praxis-probe \"$1\"",
                    "sh",
                ])
                .arg(&probe)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .map(<[_]>::to_vec)
}

/// What one praxis command run inside a script printed.
#[derive(Debug)]
struct Step {
    code: i32,
    out: String,
    err: String,
}

impl Step {
    fn read(dir: &Path, name: &str) -> Step {
        let r = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("steps/{name}.{ext}")))
                .unwrap_or_else(|e| panic!("step {name} did not run: {e}"))
        };
        Step {
            code: r("rc").trim().parse().unwrap(),
            out: r("out"),
            err: r("err"),
        }
    }

    fn assert_clean(&self, name: &str) {
        assert!(!self.err.contains("panicked"), "{name}: {self:?}");
        assert!(
            self.code == 0 || self.code == 1,
            "{name}: exit {} (a signal or a panic?) {self:?}",
            self.code
        );
    }
}

/// Runs `script` with `sh` under `prefix` (nothing, or a namespace), with praxis's test
/// environment, `$PRAXIS` the binary, `$D` the temp dir, `$M` a mount point in it, and a
/// `step NAME [<FILE] CMD…` function that keeps each command's output and exit code.
fn run_script(j: &Journal, prefix: &[&str], db: &Path, script: &str) -> Output {
    let mount = j.path().join("mnt");
    std::fs::create_dir_all(&mount).unwrap();
    std::fs::create_dir_all(j.path().join("steps")).unwrap();
    let env = praxis_std(j.path());
    let mut c = Command::new(prefix.first().copied().unwrap_or("sh"));
    if !prefix.is_empty() {
        c.args(&prefix[1..]).arg("sh");
    }
    let prelude = r#"
step() { name=$1; shift; input=/dev/null
  case "${1:-}" in "<"*) input=${1#<}; shift;; esac
  "$@" <"$input" >"$D/steps/$name.out" 2>"$D/steps/$name.err"; echo $? >"$D/steps/$name.rc"; }
"#;
    c.arg("-c").arg(format!("{prelude}\n{script}"));
    for (k, v) in env.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.env("PRAXIS", env!("CARGO_BIN_EXE_praxis"))
        .env("PRAXIS_DB", db)
        .env("D", j.path())
        .env("M", &mount)
        .current_dir(j.path())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_journal_stays_whole() {
    let j = Journal::new();
    // Four megabytes: more than the small disk (tmpfs) or the file-size limit (ulimit).
    std::fs::write(
        j.path().join("big.txt"),
        format!("Too big\n{}", prose(4 << 20, &[])),
    )
    .unwrap();
    let forced = std::env::var("PRAXIS_TEST_FULL_DISK").ok();
    let ns = private_mount_namespace(j.path()).filter(|_| forced.as_deref() != Some("ulimit"));
    let ulimit = || {
        Command::new("sh")
            .args(["-c", "ulimit -f 2048"])
            .status()
            .is_ok_and(|s| s.success())
    };
    let (prefix, db, mount, big, message) = match ns {
        Some(prefix) => {
            eprintln!("full disk: a 1 MiB tmpfs in a private mount namespace ({prefix:?})");
            (
                prefix,
                j.path().join("mnt/j/journal.sqlite3"),
                r#"mount -t tmpfs -o size=1m praxis-test "$M" || exit 97"#,
                r#"step big "<$D/big.txt" "$PRAXIS" add"#,
                "the disk holding the journal is full: nothing was saved",
            )
        }
        // SQLite's write past the limit fails with EFBIG (SIGXFSZ ignored, as it must be
        // for any program to see the error instead of being killed).
        None if ulimit() => {
            eprintln!("full disk: a 1 MiB file-size limit (ulimit -f) with SIGXFSZ ignored");
            (
                Vec::new(),
                j.path().join("j/journal.sqlite3"),
                "",
                r#"step big "<$D/big.txt" sh -c 'trap "" XFSZ; ulimit -f 2048 && exec "$0" add' "$PRAXIS""#,
                "could not be read or written (disk I/O error): no change was saved",
            )
        }
        None => {
            eprintln!(
                "SKIPPED a_full_disk_is_a_clear_error_and_the_journal_stays_whole: this \
                 sandbox allows neither a private tmpfs (unshare -m) nor a file-size limit \
                 (ulimit -f)"
            );
            return;
        }
    };
    let out = run_script(
        &j,
        &prefix,
        &db,
        &format!(
            r#"{mount}
step add1 "$PRAXIS" add "Entry 1, before the disk filled"
step add2 "$PRAXIS" add "Entry 2, before the disk filled"
step add3 "$PRAXIS" add "Entry 3, before the disk filled"
step list0 "$PRAXIS" list
{big}
step doctor "$PRAXIS" doctor
step list "$PRAXIS" list --json"#
        ),
    );
    assert!(out.status.success(), "{out:?}");
    for s in ["add1", "add2", "add3", "list0"] {
        let step = Step::read(j.path(), s);
        assert_eq!(step.code, 0, "{s}: {step:?}");
    }

    let big = Step::read(j.path(), "big");
    big.assert_clean("add");
    assert_eq!(big.code, 1, "{big:?}");
    assert!(big.out.is_empty(), "{big:?}");
    assert!(big.err.contains(message), "{big:?}");
    assert_eq!(big.err.lines().count(), 1, "one clear line: {}", big.err);

    let doctor = Step::read(j.path(), "doctor");
    doctor.assert_clean("doctor");
    assert_eq!(doctor.code, 0, "{doctor:?}");
    assert!(doctor.out.contains("ok  integrity"), "{doctor:?}");
    assert!(doctor.out.contains("ok  search index"), "{doctor:?}");
    let list = Step::read(j.path(), "list");
    list.assert_clean("list");
    let list: serde_json::Value = serde_json::from_str(&list.out).unwrap();
    let mut titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Entry 1, before the disk filled",
            "Entry 2, before the disk filled",
            "Entry 3, before the disk filled",
        ]
    );
}

#[test]
fn a_disk_that_fills_is_said_to_be_full_and_no_writing_is_lost() {
    let j = Journal::new();
    let Some(prefix) = private_mount_namespace(j.path()) else {
        eprintln!(
            "SKIPPED a_disk_that_fills_is_said_to_be_full_and_no_writing_is_lost: this sandbox \
             cannot mount a tmpfs in a private mount namespace"
        );
        return;
    };
    // An editor that writes its text, then fills the disk before praxis saves it; and one
    // that only says it was opened.
    let fill = j.script(
        "fill.sh",
        r#"printf 'Words written as the disk filled\n' >> "$1"
dd if=/dev/zero of="$M/fill" bs=4096 2>/dev/null
true"#,
    );
    let mark = j.script("mark.sh", r#"touch "$D/steps/editor-opened""#);
    let out = run_script(
        &j,
        &prefix,
        &j.path().join("mnt/j/journal.sqlite3"),
        &format!(
            r#"mount -t tmpfs -o size=1m praxis-test "$M" || exit 97
step add1 "$PRAXIS" add "Entry 1, before the disk filled"
step list0 "$PRAXIS" list
step ed_fill env EDITOR='{fill}' "$PRAXIS" add
cat "$M"/j/rescued/new-*.md >"$D/steps/rescued.txt" 2>&1
stat -c %a "$M"/j/rescued/new-*.md >"$D/steps/rescued.mode" 2>&1
step list_full "$PRAXIS" list
step add_full "$PRAXIS" add "Never saved"
step ed_full env EDITOR='{mark}' "$PRAXIS" add
step doctor_full "$PRAXIS" doctor
rm "$M/fill"
step list_after "$PRAXIS" list --json"#,
            fill = fill.display(),
            mark = mark.display()
        ),
    );
    assert!(out.status.success(), "{out:?}");
    for s in ["add1", "list0"] {
        let step = Step::read(j.path(), s);
        assert_eq!(step.code, 0, "{s}: {step:?}");
    }
    let full = "the disk holding the journal is full";
    // The text written while the disk filled is kept, beside the journal, privately.
    let ed = Step::read(j.path(), "ed_fill");
    ed.assert_clean("ed_fill");
    assert_eq!(ed.code, 1, "{ed:?}");
    assert!(
        ed.err.contains(full) && ed.err.contains("kept in"),
        "{ed:?}"
    );
    let read = |f: &str| std::fs::read_to_string(j.path().join("steps").join(f)).unwrap();
    assert!(
        read("rescued.txt").contains("Words written as the disk filled"),
        "{}",
        read("rescued.txt")
    );
    assert_eq!(read("rescued.mode").trim(), "600");
    // Opening the journal on a full disk says so, in one line, not "disk I/O error".
    for name in ["list_full", "add_full", "ed_full"] {
        let s = Step::read(j.path(), name);
        s.assert_clean(name);
        assert_eq!(s.code, 1, "{name}: {s:?}");
        assert!(s.err.contains(full), "{name}: {s:?}");
        assert!(!s.err.contains("I/O error"), "{name}: {s:?}");
        assert_eq!(
            s.err.lines().count(),
            1,
            "{name}: one clear line: {}",
            s.err
        );
    }
    assert!(
        !j.path().join("steps/editor-opened").exists(),
        "the editor was opened on a journal that could not take the text"
    );
    let doctor = Step::read(j.path(), "doctor_full");
    doctor.assert_clean("doctor_full");
    assert_eq!(doctor.code, 1, "{doctor:?}");
    assert!(
        doctor.out.contains("!!  disk") && doctor.out.contains(full),
        "{doctor:?}"
    );
    assert!(doctor.out.contains("ok  integrity"), "{doctor:?}");
    let list = Step::read(j.path(), "list_after");
    assert_eq!(list.code, 0, "{list:?}");
    let list: serde_json::Value = serde_json::from_str(&list.out).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list:#}");
}

#[cfg(unix)]
#[test]
fn a_journal_another_user_owns_is_explained_not_misread() {
    // As root, permissions stop nothing: the check runs as the unprivileged `nobody`.
    let j = Journal::new();
    j.add(&["Private words"]);
    let as_nobody = |args: &[&str]| -> Output {
        let env = praxis_std(j.path());
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_praxis"))
            .args(args)
            .current_dir("/");
        for (k, v) in env.get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        // Its home and temporary folders are its own.
        let home = j.path().join("nobody");
        c.env("HOME", &home).env("TMPDIR", &home);
        c.stdin(Stdio::null()).output().unwrap()
    };
    if !rustix::process::geteuid().is_root()
        || Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .map_or(true, |s| !s.success())
    {
        eprintln!(
            "SKIPPED a_journal_another_user_owns_is_explained_not_misread: needs root and \
             setpriv to run praxis as another user"
        );
        return;
    }
    use std::os::unix::fs::PermissionsExt as _;
    let open = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let home = j.path().join("nobody");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(65534), Some(65534)).unwrap();
    open(j.path(), 0o755);
    // Readable but not writable by this user: it reads, and says why it cannot write.
    open(&j.db(), 0o644);
    let list = as_nobody(&["list"]);
    assert!(list.status.success(), "{list:?}");
    assert!(String::from_utf8_lossy(&list.stdout).contains("Private words"));
    let add = as_nobody(&["add", "Never saved"]);
    assert_eq!(add.status.code(), Some(1), "{add:?}");
    let err = String::from_utf8_lossy(&add.stderr);
    assert!(
        err.contains("is read-only") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("Error code"), "{err}");
    let doctor = as_nobody(&["doctor"]);
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert!(said.contains("!!  writable"), "{said}");
    assert!(!said.contains("--rebuild-index"), "{said}");
    assert!(said.contains("ok  integrity"), "{said}");
    // Not readable at all: said so, not "may be damaged".
    open(&j.db(), 0o600);
    let doctor = as_nobody(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{doctor:?}");
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert!(said.contains("cannot be read by you"), "{said}");
    assert!(!said.contains("damaged"), "{said}");
    let list = as_nobody(&["list"]);
    assert_eq!(list.status.code(), Some(1), "{list:?}");
    let err = String::from_utf8_lossy(&list.stderr);
    assert!(err.contains("ermission denied"), "{err}");
    assert!(!err.contains("not a praxis journal"), "{err}");
}

#[test]
fn a_read_only_journal_is_a_clear_error_and_is_not_changed() {
    let j = Journal::new();
    let Some(prefix) = private_mount_namespace(j.path()) else {
        eprintln!(
            "SKIPPED a_read_only_journal_is_a_clear_error_and_is_not_changed: this sandbox \
             cannot mount a tmpfs in a private mount namespace, and as root chmod does not \
             stop writes"
        );
        return;
    };
    eprintln!("read-only journal: a tmpfs remounted read-only, in {prefix:?}");
    j.script("mark.sh", r#"touch "$D/steps/editor-opened""#);
    let out = run_script(
        &j,
        &prefix,
        &j.path().join("mnt/j/journal.sqlite3"),
        r#"mount -t tmpfs -o size=4m praxis-test "$M" || exit 97
step add1 "$PRAXIS" add "Written while the disk could be written"
step list1 "$PRAXIS" list
cksum "$M/j/journal.sqlite3" >"$D/steps/sum.before"
mount -o remount,ro "$M" || exit 98
step add_ro "$PRAXIS" add "Never saved"
step editor_ro env EDITOR="$D/mark.sh" "$PRAXIS" add
step edit_ro "$PRAXIS" rm "$(cat "$D/steps/add1.out")"
step list_ro "$PRAXIS" list
step search_ro "$PRAXIS" search disk
step export_ro "$PRAXIS" export --all
step doctor_ro "$PRAXIS" doctor
ls -a "$M/j" >"$D/steps/files.ro"
mount -o remount,rw "$M" || exit 99
cksum "$M/j/journal.sqlite3" >"$D/steps/sum.after"
step list_rw "$PRAXIS" list --json"#,
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(Step::read(j.path(), "add1").code, 0);
    assert!(
        !j.path().join("steps/editor-opened").exists(),
        "the editor was opened on a journal that cannot be written"
    );
    for name in ["add_ro", "editor_ro", "edit_ro"] {
        let s = Step::read(j.path(), name);
        s.assert_clean(name);
        assert_eq!(s.code, 1, "{name}: {s:?}");
        assert!(s.err.contains("is read-only"), "{name}: {s:?}");
        assert!(s.err.contains("nothing was changed"), "{name}: {s:?}");
        assert!(
            !s.err.contains("Error code"),
            "{name}: SQLite's own words: {s:?}"
        );
        assert_eq!(
            s.err.lines().count(),
            1,
            "{name}: one clear line: {}",
            s.err
        );
    }
    // Reading needs no writing: list, search and export work as ever.
    for name in ["list_ro", "search_ro", "export_ro"] {
        let s = Step::read(j.path(), name);
        s.assert_clean(name);
        assert_eq!(s.code, 0, "{name}: {s:?}");
        assert!(
            s.out.contains("Written while the disk could be written"),
            "{name}: {s:?}"
        );
    }
    let doctor = Step::read(j.path(), "doctor_ro");
    doctor.assert_clean("doctor");
    assert_eq!(doctor.code, 1, "{doctor:?}");
    assert!(doctor.out.contains("ok  integrity"), "{doctor:?}");
    assert!(doctor.out.contains("ok  search index"), "{doctor:?}");
    assert!(
        doctor.out.contains("!!  writable") && doctor.out.contains("mounted read-only"),
        "{doctor:?}"
    );
    assert!(!doctor.out.contains("--rebuild-index"), "{doctor:?}");
    // Reading left nothing beside the journal on the read-only disk.
    let files = std::fs::read_to_string(j.path().join("steps/files.ro")).unwrap();
    assert!(
        !files.contains("-wal") && !files.contains("-shm"),
        "{files}"
    );
    let read = |f: &str| std::fs::read_to_string(j.path().join("steps").join(f)).unwrap();
    assert_eq!(read("sum.before"), read("sum.after"));
    let list = Step::read(j.path(), "list_rw");
    assert_eq!(list.code, 0, "{list:?}");
    let list: serde_json::Value = serde_json::from_str(&list.out).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list:#}");
    assert_eq!(list[0]["title"], "Written while the disk could be written");
}

// ---------------------------------------------------------------------------------------
// Another process holding the journal
// ---------------------------------------------------------------------------------------

#[test]
fn a_busy_journal_is_waited_for_then_reported_and_nothing_is_written() {
    let j = Journal::new();
    j.add(&["Before the lock"]);
    j.ok(&["list"]); // the day's automatic backup, taken before the lock
    let lock = rusqlite::Connection::open(j.db()).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let t = Instant::now();
    let out = j
        .cmd(&["add", "Written while another process holds the journal"])
        .output()
        .unwrap();
    let waited = t.elapsed();
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);

    eprintln!("busy journal: praxis waited {waited:.2?} before giving up");
    assert_no_panic("add", &out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("another praxis process is writing"), "{err}");
    // The store waits BUSY_TIMEOUT (5 s) for the lock before it gives up.
    assert!(waited >= Duration::from_secs(4), "gave up after {waited:?}");
    assert_eq!(titles(&j), ["Before the lock"]);

    j.add(&["After the lock"]);
    assert_eq!(titles(&j).len(), 2);
}

// ---------------------------------------------------------------------------------------
// Files that never end: FIFOs and devices
// ---------------------------------------------------------------------------------------

/// `praxis ARGS` in `j`, with its memory bounded (2 GB of address space), so that a read
/// that never ends fails on its own instead of filling the machine; stdin from `stdin`.
#[cfg(unix)]
fn bounded(j: &Journal, args: &[&str], stdin: &str) -> Output {
    let env = praxis_std(j.path());
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\" <\"$PRAXIS_STDIN\"")
        .arg(env!("CARGO_BIN_EXE_praxis"))
        .args(args)
        .env("PRAXIS_STDIN", stdin)
        .current_dir(j.path());
    for (k, v) in env.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    // A hang fails the test instead of stalling it.
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!("praxis {args:?} did not finish in 30 s: {out:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_at_once_never_read_for_ever() {
    let j = Journal::new();
    j.add(&["Already here"]);
    let fifo = j.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let fifo = fifo.to_str().unwrap();
    for (what, args) in [
        (
            "a FIFO as the journal, doctor",
            vec!["--db", fifo, "doctor"],
        ),
        ("a FIFO as the journal, list", vec!["--db", fifo, "list"]),
        ("a FIFO as the config", vec!["--config", fifo, "list"]),
        (
            "/dev/zero as the config",
            vec!["--config", "/dev/zero", "list"],
        ),
        (
            "/dev/urandom as the config",
            vec!["--config", "/dev/urandom", "list"],
        ),
        (
            "config show of /dev/zero",
            vec!["--config", "/dev/zero", "config", "show"],
        ),
        ("import /dev/zero", vec!["import", "/dev/zero"]),
        (
            "import /dev/urandom",
            vec!["import", "/dev/urandom", "--format", "jrnl"],
        ),
        ("import a FIFO", vec!["import", fifo]),
        (
            "/dev/null as the journal, doctor",
            vec!["--db", "/dev/null", "doctor"],
        ),
    ] {
        let out = bounded(&j, &args, "/dev/null");
        assert_no_panic(what, &out);
        assert_eq!(out.status.code(), Some(1), "{what}: {out:?}");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains("not a regular file"), "{what}: {said}");
        assert!(
            !said.contains("chmod"),
            "{what}: no advice about a device: {said}"
        );
        assert!(!said.contains("new, empty journal"), "{what}: {said}");
    }
    // Standard input that never ends is cut off, and nothing is saved.
    let out = bounded(&j, &["add"], "/dev/zero");
    assert_no_panic("add < /dev/zero", &out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than 64 MiB"), "{err}");
    assert_eq!(titles(&j), ["Already here"]);
    // A config file too large to be one is refused with its size.
    let big = j.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(2 << 20))).unwrap();
    let err = j.fails(1, &["--config", big.to_str().unwrap(), "list"]);
    assert!(err.contains("larger than 1 MiB"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Nothing written to a terminal acts on it
// ---------------------------------------------------------------------------------------

/// What a terminal could act on: ESC, BEL and the other C0 controls but newline, tab and
/// the CR the terminal itself adds, the C1 controls (U+009B is CSI), and the bidi
/// overrides and isolates.
#[cfg(unix)]
fn acted_on(bytes: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(bytes);
    s.char_indices()
        .filter(|(_, c)| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .map(|(i, c)| {
            let from = s[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
            format!("{c:?} after {:?}", &s[from..i])
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn exports_and_every_listing_are_inert_on_a_terminal() {
    const EVIL: &str =
        "\u{1b}]52;c;cGF5bG9hZA==\u{7}\u{1b}]0;pwned\u{7}\u{9b}31m\u{1b}[?1049h\u{202e}";
    let j = Journal::new();
    std::fs::write(j.config(), "[privacy]\nallow = [\"Okonkwo\u{9b}31m\"]\n").unwrap();
    let models = j.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::write(
        models.join("evil.toml"),
        format!(
            "id = \"evil\"\nname = \"Evil{}\"\nsource = \"x\"\npurpose = \"p{}\"\ndepth = \"quick\"\n\n\
             [[sections]]\nkey = \"what\"\nlabel = \"What{}\"\nprompts = [\"p\"]\naction = false\n",
            toml_escape(EVIL),
            toml_escape(EVIL),
            toml_escape(EVIL)
        ),
    )
    .unwrap();
    let title = format!("Night shift {EVIL} handover");
    let id = j.add(&[
        &title,
        "--scope",
        "shareable",
        "--model",
        "evil",
        "--section",
        &format!("what=It ran late {EVIL} and the family waited"),
    ]);
    j.add(&[&format!("Plain words {EVIL} again"), "--scope", "shareable"]);
    let runs: Vec<Vec<String>> = [
        vec!["export", "-f", "md"],
        vec!["export", "-f", "csv"],
        vec!["export", "-f", "json"],
        vec!["export", "--no-redact", "--yes", "-f", "md"],
        vec!["export", "--summary", "-f", "md"],
        vec!["export", "--profile", "nmc", "-f", "md"],
        vec!["export", "--all", "-f", "md"],
        vec!["export", "--all", "-f", "csv"],
        vec!["export", "--all"],
        vec!["show", &id],
        vec!["list"],
        vec!["search", "family"],
        vec!["models"],
        vec!["models", "show", "evil"],
        vec!["config", "show"],
        vec!["backup", "list"],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(str::to_string).collect())
    .collect();
    for args in runs {
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        for (k, v) in praxis_std(j.path()).get_envs() {
            if let Some(v) = v {
                cmd.env(k, v);
            }
        }
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(j.path());
        cmd.args(&args);
        let mut s = common::pty::Session::start(cmd);
        let status = s.wait_exit();
        assert!(status.success(), "{args:?}\n{}", s.dump());
        let seen = s.seen.lock().unwrap();
        let found = acted_on(&seen.raw);
        assert!(
            found.is_empty(),
            "{args:?} wrote to the terminal: {found:?}"
        );
        assert!(seen.raw.len() > 10, "{args:?} wrote nothing");
        assert!(
            seen.parser.callbacks().0.is_empty(),
            "{args:?} set the window title"
        );
        assert!(!seen.parser.screen().alternate_screen(), "{args:?}");
    }
    // Written to a file (or a pipe), the text is kept exactly.
    let md = j.ok(&["export", "--all", "-f", "md"]);
    assert!(md.contains(EVIL), "the file must keep the text as it is");
    let toml = j.ok(&["config", "show"]);
    assert!(toml.contains('\u{9b}'), "{toml}");
}

/// `s` inside a TOML basic string.
#[cfg(unix)]
fn toml_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || c == '"' || c == '\\' {
                format!("\\u{:04X}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A text import holds one line in memory: a file that is one endless line (not a
/// journal) is refused with its line, not read into memory whole.
#[test]
fn an_import_file_of_one_endless_line_is_refused_not_held_in_memory() {
    let j = Journal::new();
    let file = j.path().join("endless.txt");
    let mut text = b"[2026-03-01 10:00] A title\n".to_vec();
    text.resize(text.len() + (65 << 20), b'a');
    std::fs::write(&file, &text).unwrap();
    let out = j
        .cmd(&["import", "--format", "jrnl", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_no_panic("import endless", &out);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(" 2:1: "), "{err}");
    assert!(err.contains("longer than 64 MiB"), "{err}");
    assert_eq!(titles(&j), Vec::<String>::new());
}
