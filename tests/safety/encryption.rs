//! The encrypted journal through the real binary: round trips plain → encrypted → plain,
//! nothing of the writing readable in any file praxis wrote, a wrong passphrase, kill -9
//! while the lock changes, two processes at once, and a damaged encrypted file.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::Journal;

const PASS: &str = "correct horse battery staple";
const NEW_PASS: &str = "a new passphrase, longer still";
/// Written into entries: must appear in no byte of any file praxis writes while the
/// journal is encrypted.
const PLANTED: &str = "Zebulon-Quartermaine-7731";

/// A private file holding `lines`, one a line (what `PRAXIS_PASSPHRASE_FILE` names).
fn pass_file(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

/// The recovery key a command printed: sixteen groups of four, dash-joined (79
/// characters on a line of its own).
fn recovery_key(said: &str) -> String {
    said.lines()
        .map(str::trim)
        .find(|l| l.len() == 79 && l.split('-').count() == 16)
        .expect("a recovery key is printed")
        .to_string()
}

/// `praxis ARGS` on `j`, reading passphrases from the file `pass`.
fn with_pass(j: &Journal, pass: &Path, args: &[&str]) -> std::process::Output {
    j.cmd(args)
        .env("PRAXIS_PASSPHRASE_FILE", pass)
        .output()
        .unwrap()
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "failed with {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn export_json(j: &Journal, pass: Option<&Path>) -> Vec<u8> {
    let file = j.path().join("export.json");
    let _ = std::fs::remove_file(&file);
    let args = [
        "export",
        "--all",
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ];
    match pass {
        Some(p) => drop(ok(&with_pass(j, p, &args))),
        None => drop(j.ok(&args)),
    }
    let bytes = std::fs::read(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    bytes
}

fn is_plain_sqlite(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
}

#[test]
fn plain_to_encrypted_to_plain_keeps_every_byte_of_the_export() {
    let j = Journal::new();
    j.add(&[
        "--title",
        "Night shift",
        "A long night with R, who was calm.",
    ]);
    j.add(&["--title", "Supervision", "Talked through the handover."]);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let before = export_json(&j, None);

    let said = ok(&with_pass(&j, &pass, &["encrypt"]));
    assert!(said.contains("Recovery key"), "{said}");
    assert!(!is_plain_sqlite(&j.db()), "the journal is encrypted");
    assert_eq!(export_json(&j, Some(&pass)), before);
    // Search (the full-text index) works through the encryption.
    let found = ok(&with_pass(&j, &pass, &["search", "handover"]));
    assert!(found.contains("Supervision"), "{found}");

    // The recovery key printed at `encrypt` unlocks it in place of the passphrase.
    let recovery = recovery_key(&said);
    let by_recovery = pass_file(j.path(), "recovery", &[&recovery]);
    assert_eq!(export_json(&j, Some(&by_recovery)), before);

    ok(&with_pass(&j, &pass, &["decrypt"]));
    assert!(is_plain_sqlite(&j.db()));
    assert_eq!(export_json(&j, None), before);
}

#[test]
fn init_encrypt_makes_an_encrypted_journal_and_passphrase_changes_it() {
    let j = Journal::new();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    assert!(!is_plain_sqlite(&j.db()));
    ok(&with_pass(&j, &pass, &["add", "first words"]));
    ok(&with_pass(&j, &pass, &["backup"]));
    let both = pass_file(j.path(), "both", &[PASS, NEW_PASS]);
    let said = with_pass(&j, &both, &["passphrase"]);
    ok(&said);
    assert!(
        String::from_utf8_lossy(&said.stderr).contains("keep the old passphrase"),
        "it says the backups keep the old passphrase"
    );
    let new = pass_file(j.path(), "new", &[NEW_PASS]);
    assert!(ok(&with_pass(&j, &new, &["list"])).contains("first words"));
    // The old passphrase no longer opens the journal.
    assert!(!with_pass(&j, &pass, &["list"]).status.success());
    // The backup taken before still opens with the old one: restore says so.
    let listed = ok(&with_pass(&j, &new, &["backup", "list"]));
    let manual = listed
        .split_whitespace()
        .find(|w| w.contains("-manual"))
        .unwrap()
        .to_string();
    let restore = with_pass(&j, &new, &["backup", "restore", "--yes", &manual]);
    assert!(!restore.status.success());
    assert!(
        String::from_utf8_lossy(&restore.stderr).contains("passphrase does not unlock"),
        "{}",
        String::from_utf8_lossy(&restore.stderr)
    );
}

/// Every file under `dir` (but the passphrase files) that holds `needle`, in any case.
fn files_holding(dir: &Path, needle: &[u8], skip: &[&Path]) -> Vec<PathBuf> {
    let needle = needle.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !skip.contains(&p.as_path())
                && std::fs::read(&p)
                    .unwrap()
                    .to_ascii_lowercase()
                    .windows(needle.len())
                    .any(|w| w == needle.as_slice())
            {
                found.push(p);
            }
        }
    }
    found
}

/// The planted phrase in every form it could be written in: whole, and each of its words
/// alone (what is left of it once redaction has replaced one, what the search index keeps
/// of it), in any case.
const PLANTED_FORMS: [&str; 3] = [PLANTED, "Zebulon", "Quartermaine"];

/// Every file under `dir` (but `skip`) holding any form of the planted phrase.
fn files_holding_planted(dir: &Path, skip: &[&Path]) -> Vec<PathBuf> {
    let mut held: Vec<PathBuf> = PLANTED_FORMS
        .iter()
        .flat_map(|form| files_holding(dir, form.as_bytes(), skip))
        .collect();
    held.sort();
    held.dedup();
    held
}

/// The "done when": a journal in use is encrypted in one command, then every kind
/// of command (and the app) works on it after one passphrase each (the passphrase file
/// holds one line: a second ask would fail), and no file praxis wrote (the journal and its
/// log, backups, drafts, exports, temporary files, config, the circles kept on this
/// machine) holds the writing in the clear.
#[test]
fn every_command_on_an_encrypted_journal_asks_once_and_leaves_nothing_readable() {
    let j = Journal::new();
    #[cfg(unix)]
    {
        // Private, as praxis makes its own folder (`doctor` warns of one others can read).
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(j.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let pass = pass_file(j.path(), "pass", &[PASS]);
    // The circles' shared folders: what is published to the circle, looked at apart.
    let shared = tempfile::tempdir().unwrap();
    let tuesday = shared.path().join("tuesday");
    let thursday = shared.path().join("thursday");
    let z = |what: &str| format!("{what} {PLANTED}");

    // Plain first: entries, a circle (keys, record, a plain index), the day's backup.
    j.add(&["--title", "Before", &z("plain words")]);
    let shareable = j.add(&[
        "--scope",
        "shareable",
        "--title",
        "A visit",
        &z("I listened first, then asked what mattered."),
    ]);
    j.ok(&[
        "circle",
        "create",
        tuesday.to_str().unwrap(),
        "--name",
        "Tuesday",
        "--purpose",
        &z("purpose"),
        "--as",
        "river",
        "--encrypt",
    ]);
    j.ok(&[
        "circle",
        "contribute",
        "--question",
        &z("How do you end a visit well?"),
        "--yes",
    ]);
    j.ok(&["circle", "show"]);
    j.ok(&["list"]);
    assert!(!files_holding_planted(&j.path().join("circles"), &[]).is_empty());

    // One command.
    ok(&with_pass(&j, &pass, &["encrypt"]));

    // Another worker's circle, to join from the encrypted journal.
    let other = Journal::new();
    other.ok(&[
        "circle",
        "create",
        thursday.to_str().unwrap(),
        "--name",
        "Thursday",
        "--as",
        "heron",
        "--encrypt",
    ]);

    // Every kind of command, each given one passphrase.
    let run = |args: &[&str]| ok(&with_pass(&j, &pass, args));
    let id_of = |out: String| out.split_whitespace().next().unwrap().to_string();
    run(&["add", &z("typed")]);
    run(&[
        "checkin",
        "--mood",
        "3",
        "--energy",
        "2",
        "--load",
        "heavy",
        "--carrying",
        "some",
        "--word",
        "stretched",
        "--helped",
        &z("helped"),
    ]);
    let callin = id_of(run(&[
        "callin",
        "new",
        "--who",
        "peer-C",
        "--approach",
        "call-in",
        "--title",
        &z("callin"),
        "--field",
        &format!("observed={}", z("observed")),
    ]));
    run(&[
        "callin",
        "held",
        &callin,
        "--rating",
        "4",
        "--rupture",
        "none",
        "--follow-up",
        "2026-03-25",
    ]);
    run(&[
        "stage",
        "YP-A",
        "--topic",
        "smoking",
        "--stage",
        "contemplation",
        "--change-talk",
        &format!("desire: {}", z("wants")),
        "--importance",
        "7",
        "--confidence",
        "3",
    ]);
    run(&[
        "recognise",
        "peer-B",
        "--what",
        &z("stayed after handover"),
        "--strength",
        "reliability",
        "--said",
        "not-yet",
    ]);
    run(&[
        "feedback",
        "add",
        "--source",
        "colleague",
        "--tone",
        "appreciative",
        "--words",
        &z("you rang back"),
        "--take",
        &z("reliability"),
    ]);
    run(&[
        "rupture",
        "new",
        "peer-D",
        "--kind",
        "withdrawal",
        "--what",
        &z("quiet with me"),
        "--my-part",
        &z("my part"),
    ]);
    run(&[
        "positive-risk",
        "plan",
        "YP-B",
        "--goal",
        &z("goal"),
        "--risks",
        &z("risks"),
        "--review",
        "2026-04-01",
    ]);
    run(&[
        "group",
        "new",
        "--model",
        "action-learning",
        "--theme",
        &z("theme"),
        "--present",
        "peer-C",
        "--learning",
        &z("learning"),
        "--action",
        &format!("{} | me | 2026-04-30", z("act")),
    ]);
    run(&[
        "cpd",
        "add",
        "--type",
        "reading",
        "--title",
        &z("cpd"),
        "--hours",
        "1",
        "--learning",
        &z("cpd learning"),
    ]);
    let prep = run(&[
        "supervision",
        "prep",
        "--item",
        &format!("restorative | 15 | space | {}", z("item")),
        "-o",
        "-",
    ]);
    assert!(prep.contains(PLANTED), "{prep}");
    run(&[
        "supervision",
        "record",
        "--decision",
        &z("decided"),
        "--action",
        &format!("{} | me | 2026-04-30", z("agreed")),
        "--learning",
        &z("learned"),
    ]);
    let action = id_of(run(&["actions"]));
    run(&["actions", "done", &action]);
    for args in [
        &["list"][..],
        &["show", &shareable],
        &["search", PLANTED],
        &["stats"],
        &["subjects", "list"],
        &["stages", "YP-A"],
        &["callin", "list"],
        &["trash"],
        &["backup"],
        &["backup", "list"],
        &["doctor"],
    ] {
        run(args);
    }
    // Through the editor: a new entry, and an edit.
    let editor = j.script("ed.sh", &format!("printf 'edited {PLANTED}\\n' > \"$1\""));
    for args in [
        &["add", "--title", "In the editor"][..],
        &["edit", &shareable],
    ] {
        ok(&j
            .with_editor(&editor, args)
            .env("PRAXIS_PASSPHRASE_FILE", &pass)
            .output()
            .unwrap());
    }
    // Exports made with --encrypt, of every kind, to a passphrase and to a recipient.
    let (_, key) = age_identity(j.path(), "me.txt");
    let both = pass_file(j.path(), "both", &[PASS, "the export's own passphrase"]);
    for (i, args) in [
        &["export", "--all", "--encrypt"][..],
        &[
            "export",
            "--format",
            "md",
            "--no-redact",
            "--yes",
            "--scope",
            "private",
            "--encrypt",
            "--recipient",
            &key,
        ][..],
        &[
            "export",
            "--summary",
            "--format",
            "html",
            "--scope",
            "private",
            "--encrypt",
            "--recipient",
            &key,
        ][..],
    ]
    .into_iter()
    .enumerate()
    {
        let file = j.path().join(format!("export-{i}.age"));
        let mut args = args.to_vec();
        args.extend_from_slice(&["-o", file.to_str().unwrap()]);
        ok(&with_pass(&j, if i == 0 { &both } else { &pass }, &args));
        assert!(file.exists());
    }
    // Circles: made, joined, contributed to and looked at from the encrypted journal.
    run(&[
        "circle",
        "join",
        thursday.to_str().unwrap(),
        "--as",
        "river-t",
    ]);
    let list = run(&["circle", "list"]);
    assert!(
        list.contains("Tuesday") && list.contains("Thursday"),
        "{list}"
    );
    for circle in ["Tuesday", "Thursday"] {
        run(&[
            "circle",
            "contribute",
            "--circle",
            circle,
            "--question",
            &z("Who covers Fridays?"),
            "--yes",
        ]);
        run(&["circle", "show", "--circle", circle]);
    }
    run(&[
        "circle",
        "contribute",
        "--circle",
        "Tuesday",
        "--excerpt",
        &shareable,
        "--yes",
    ]);
    let shown = run(&["circle", "show", "--circle", "Tuesday"]);
    assert!(shown.contains("How do you end a visit well?"), "{shown}");
    // The app: opened, a draft begun, then interrupted (the draft is kept, encrypted).
    #[cfg(unix)]
    {
        use common::pty::Session;
        let std = common::praxis_std(j.path());
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_praxis"));
        cmd.env_clear();
        for (k, v) in std.get_envs() {
            if let Some(v) = v {
                cmd.env(k, v);
            }
        }
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("PRAXIS_PASSPHRASE_FILE", &pass);
        cmd.cwd(j.path());
        let mut s = Session::start(cmd);
        s.wait_text("In the editor");
        s.send(b"n");
        s.wait_for("the Write pane", |sc| sc.contains("New reflection"));
        s.send(z("a draft").as_bytes());
        s.wait_text(PLANTED);
        let st = std::process::Command::new("kill")
            .args(["-INT", &s.pid()])
            .status()
            .unwrap();
        assert!(st.success());
        s.wait_exit();
        s.assert_restored();
    }
    // The next day: the daily backup again, now of the encrypted journal.
    ok(&j
        .cmd(&["list"])
        .env("PRAXIS_PASSPHRASE_FILE", &pass)
        .env("PRAXIS_NOW", "2026-03-19T09:00:00+00:00")
        .output()
        .unwrap());
    let backups = std::fs::read_dir(j.path().join("backups")).unwrap().count();
    assert!(backups >= 3, "{backups} backups");

    // Nothing readable: not the writing, and no circle's record or keys in a file.
    let held = files_holding_planted(j.path(), &[&pass, &both, &editor]);
    assert!(held.is_empty(), "the writing is readable in {held:?}");
    for e in std::fs::read_dir(j.path().join("circles")).unwrap() {
        let sub = e.unwrap().path();
        for kept in ["identity.json", "membership.json"] {
            assert!(
                !sub.join(kept).exists(),
                "{} is left",
                sub.join(kept).display()
            );
        }
        if sub.join("index.sqlite3").exists() {
            assert!(!is_plain_sqlite(&sub.join("index.sqlite3")));
        }
    }
    // In the shared folders, only what the README says is published in the clear: the
    // circle's manifest (its name and purpose). Every contribution is encrypted.
    let published = files_holding_planted(shared.path(), &[]);
    assert_eq!(
        published,
        vec![tuesday.join("circle.toml")],
        "{published:?}"
    );
    // And it is all there.
    let all = run(&["search", "Zebulon"]);
    assert!(
        all.lines().filter(|l| !l.trim().is_empty()).count() >= 10,
        "{all}"
    );
    #[cfg(unix)]
    assert!(
        drafts_of(&j).iter().any(|(_, d)| d.contains(&z("a draft"))),
        "{:?}",
        drafts_of(&j)
    );
}

#[test]
fn a_wrong_passphrase_is_a_clear_error_and_changes_nothing() {
    let j = Journal::new();
    j.add(&["--title", "Secret title", "words"]);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    let before = j.db_bytes();
    let wrong = pass_file(j.path(), "wrong", &["not the passphrase"]);
    for args in [&["list"][..], &["add", "more"], &["doctor"], &["decrypt"]] {
        let out = with_pass(&j, &wrong, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr).to_string()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(
            err.contains("passphrase does not unlock") || err.contains("cannot open it"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("Secret"), "{err}");
        assert!(!err.contains("not a praxis journal"), "{err}");
        assert_eq!(j.db_bytes(), before, "{args:?} changed the journal");
    }
    // A passphrase file others could read is refused before it is read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = with_pass(&j, &pass, &["list"]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("chmod 600"));
    }
    // Without a terminal and without a passphrase, it says how to give one.
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--passphrase-fd"));
}

#[test]
fn a_passphrase_can_come_from_a_file_descriptor() {
    let j = Journal::new();
    j.add(&["words"]);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    let out = j
        .cmd(&["list", "--passphrase-fd", "0"])
        .write_stdin(format!("{PASS}\n"))
        .output()
        .unwrap();
    assert!(ok(&out).contains("words"));
}

#[test]
fn two_processes_write_to_one_encrypted_journal() {
    let j = Journal::new();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    let spawn = |text: &str| {
        common::praxis_std(j.path())
            .args(["add", text])
            .env("PRAXIS_PASSPHRASE_FILE", &pass)
            .stdin(std::process::Stdio::null())
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn("from one"));
        let b = s.spawn(|| spawn("from two"));
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    ok(&a);
    ok(&b);
    let list = ok(&with_pass(&j, &pass, &["list"]));
    assert!(
        list.contains("from one") && list.contains("from two"),
        "{list}"
    );
}

#[test]
fn a_damaged_encrypted_journal_is_reported_and_left_untouched() {
    let j = Journal::new();
    for i in 0..40 {
        j.add(&[&format!("entry {i} {}", "words ".repeat(80))]);
    }
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    let mut bytes = j.db_bytes();
    assert!(bytes.len() > 8192);
    // One byte of the second page: its authentication fails.
    bytes[4096 + 200] ^= 0x55;
    std::fs::write(j.db(), &bytes).unwrap();
    let out = with_pass(&j, &pass, &["doctor"]);
    assert!(!out.status.success());
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("damaged") || said.contains("authentication"),
        "{said}"
    );
    let out = with_pass(
        &j,
        &pass,
        &["export", "--all", "--format", "json", "-o", "out.json"],
    );
    assert!(!out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("passphrase does not unlock"),
        "damage is not a wrong passphrase"
    );
    assert_eq!(j.db_bytes(), bytes, "the damaged file is left as it was");
    // Nor is its lock changed: switching it out of its log rewrote its first page first.
    let both = pass_file(j.path(), "both", &[PASS, NEW_PASS]);
    for (args, pass) in [(&["decrypt"][..], &pass), (&["passphrase"], &both)] {
        let out = with_pass(&j, pass, args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("damaged") && err.contains("nothing was changed"),
            "{args:?}: {err}"
        );
        assert_eq!(j.db_bytes(), bytes, "{args:?} changed the damaged file");
    }
}

/// A small pseudo-random sequence, the same on every run.
fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// What a journal in `dir` holds, opened whichever way it is locked: the number of
/// entries listed (None if it opens with none of the passphrases).
fn entries_in(dir: &Path, passes: &[&Path]) -> Option<usize> {
    let count = |out: std::process::Output| {
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).lines().count())
    };
    let list = || {
        let mut c = common::praxis_std(dir);
        c.args(["list", "-n", "1000"])
            .stdin(std::process::Stdio::null());
        c
    };
    if is_plain_sqlite(&dir.join("journal.sqlite3")) {
        return count(list().output().unwrap());
    }
    passes
        .iter()
        .find_map(|p| count(list().env("PRAXIS_PASSPHRASE_FILE", p).output().unwrap()))
}

fn copy_dir(from: &Path) -> tempfile::TempDir {
    fn copy_into(from: &Path, to: &Path) {
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let (path, into) = (e.path(), to.join(e.file_name()));
            if path.is_file() {
                std::fs::copy(&path, &into).unwrap();
            } else if path.is_dir() && (e.file_name() == "circles" || from.ends_with("circles")) {
                std::fs::create_dir(&into).unwrap();
                copy_into(&path, &into);
            }
        }
    }
    let to = tempfile::tempdir().unwrap();
    copy_into(from, to.path());
    to
}

/// Whether the circle joined in `dir` opens, with whichever passphrase opens the journal
/// there, and (when that journal is encrypted) no file of its record or keys is beside it.
fn circle_usable(dir: &Path, passes: &[&Path]) -> bool {
    let show = || {
        let mut c = common::praxis_std(dir);
        c.args(["circle", "show"])
            .stdin(std::process::Stdio::null());
        c
    };
    if is_plain_sqlite(&dir.join("journal.sqlite3")) {
        return show().output().unwrap().status.success();
    }
    let left = std::fs::read_dir(dir.join("circles"))
        .unwrap()
        .flatten()
        .any(|e| {
            e.path().join("identity.json").exists() || e.path().join("membership.json").exists()
        });
    !left
        && passes.iter().any(|p| {
            show()
                .env("PRAXIS_PASSPHRASE_FILE", p)
                .output()
                .unwrap()
                .status
                .success()
        })
}

#[test]
fn kill_9_while_the_lock_changes_leaves_one_whole_journal() {
    const ENTRIES: usize = 12;
    const KILLS: u64 = 7; // for each of encrypt, decrypt and passphrase: 21 in all
    let plain = Journal::new();
    for i in 0..ENTRIES {
        plain.add(&[&format!("entry {i}")]);
    }
    pass_file(plain.path(), "old", &[PASS]);
    pass_file(plain.path(), "new", &[NEW_PASS]);
    pass_file(plain.path(), "both", &[PASS, NEW_PASS]);
    // A circle joined: its record and keys move with the journal's lock.
    let shared = tempfile::tempdir().unwrap();
    plain.ok(&[
        "circle",
        "create",
        shared.path().join("c").to_str().unwrap(),
        "--name",
        "Tuesday",
        "--as",
        "river",
    ]);
    let encrypted = copy_dir(plain.path());
    common::praxis(encrypted.path())
        .arg("encrypt")
        .env("PRAXIS_PASSPHRASE_FILE", encrypted.path().join("old"))
        .assert()
        .success();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut midway = 0;
    for (args, template, pass) in [
        ("encrypt", plain.path(), "old"),
        ("decrypt", encrypted.path(), "old"),
        ("passphrase", encrypted.path(), "both"),
    ] {
        // How long one run takes here, to spread the kills over it.
        let timing = copy_dir(template);
        let start = Instant::now();
        common::praxis(timing.path())
            .arg(args)
            .env("PRAXIS_PASSPHRASE_FILE", timing.path().join(pass))
            .assert()
            .success();
        let window = start.elapsed();
        for _ in 0..KILLS {
            let k = copy_dir(template);
            let at = window.mul_f64((xorshift(&mut seed) % 1000) as f64 / 1000.0);
            let mut child = common::praxis_std(k.path())
                .arg(args)
                .env("PRAXIS_PASSPHRASE_FILE", k.path().join(pass))
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(at);
            let _ = child.kill();
            let _ = child.wait();
            let leftover = std::fs::read_dir(k.path()).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".relock")
            });
            midway += usize::from(leftover);
            let passes = [&k.path().join("old"), &k.path().join("new")];
            let got = entries_in(k.path(), &passes.map(PathBuf::as_path));
            assert_eq!(
                got,
                Some(ENTRIES),
                "`praxis {args}` killed after {at:?} of {window:?}"
            );
            assert!(
                circle_usable(k.path(), &passes.map(PathBuf::as_path)),
                "`praxis {args}` killed after {at:?} of {window:?}: the circle's keys"
            );
        }
    }
    eprintln!(
        "of {} kills, {midway} landed while a new file was being written",
        KILLS * 3
    );
}

/// A `decrypt` killed midway leaves a plain copy of the journal beside it under a
/// temporary name; the next praxis to open the journal removes it once its writer is
/// gone, so no plain copy stays on disk.
#[test]
fn a_killed_lock_changes_plain_copy_is_removed_at_the_next_open() {
    let j = Journal::new();
    j.add(&["A shift to remember"]);
    let dir = j.path();
    // A process id no process has: the writer is gone.
    let dead = dir.join(".journal.sqlite3.2147483000.relock");
    std::fs::write(&dead, b"SQLite format 3\0 the clear text of a journal").unwrap();
    let dead_wal = dir.join(".journal.sqlite3.2147483000.relock-wal");
    std::fs::write(&dead_wal, b"more clear text").unwrap();
    // One whose writer still runs is left alone.
    let live = dir.join(format!(".journal.sqlite3.{}.relock", std::process::id()));
    std::fs::write(&live, b"in progress").unwrap();
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!dead.exists() && !dead_wal.exists());
    assert!(live.exists());
}

/// A first import killed midway leaves the journal it was building, in clear text, under
/// a temporary name beside where the journal goes; once a later command has made the
/// journal, no import would ever sweep that folder again. Any open removes it once its
/// writer is gone.
#[test]
fn a_killed_first_imports_copy_is_removed_at_the_next_open() {
    let j = Journal::new();
    j.add(&["A shift to remember"]);
    let dir = j.path();
    let dead = dir.join(".praxis-import-2147483000-0123abcd.sqlite3");
    std::fs::write(&dead, b"SQLite format 3\0 the clear text of an import").unwrap();
    let dead_log = dir.join(".praxis-import-2147483000-0123abcd.sqlite3-journal");
    std::fs::write(&dead_log, b"more clear text").unwrap();
    let live = dir.join(format!(
        ".praxis-import-{}-0123abcd.sqlite3",
        std::process::id()
    ));
    std::fs::write(&live, b"in progress").unwrap();
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!dead.exists() && !dead_log.exists());
    assert!(live.exists());
}

/// An age identity file in `dir`, and its public key.
fn age_identity(dir: &Path, name: &str) -> (PathBuf, String) {
    use age::secrecy::ExposeSecret as _;
    use std::os::unix::fs::PermissionsExt as _;
    let id = age::x25519::Identity::generate();
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("# {name}\n{}\n", id.to_string().expose_secret()),
    )
    .unwrap();
    // Private, as `age-keygen -o` writes it.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    (path, id.to_public().to_string())
}

#[test]
fn an_identity_file_others_can_read_is_refused_with_the_fix() {
    use std::os::unix::fs::PermissionsExt as _;
    let j = Journal::new();
    j.add(&[
        "--title",
        "Supervision",
        "--for-supervision",
        "Learned to pause.",
    ]);
    let (mine, key) = age_identity(j.path(), "mine.txt");
    let sealed = j.path().join("me.json.age");
    j.ok(&[
        "export",
        "--summary",
        "--format",
        "json",
        "--encrypt",
        "--recipient",
        &key,
        "-o",
        sealed.to_str().unwrap(),
    ]);
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o644)).unwrap();
    let page = j.path().join("review.html");
    let err = j.fails(
        1,
        &[
            "review",
            sealed.to_str().unwrap(),
            "--identity",
            mine.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("mine.txt") && err.contains("mode 644") && err.contains("chmod 600"),
        "{err}"
    );
    assert!(!page.exists());
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o600)).unwrap();
    j.ok(&[
        "review",
        sealed.to_str().unwrap(),
        "--identity",
        mine.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
    ]);
    assert!(page.exists());
}

#[test]
fn an_export_encrypted_to_a_passphrase_imports_back_and_a_wrong_one_writes_nothing() {
    let j = Journal::new();
    j.add(&["--title", "Night shift", &format!("calm words {PLANTED}")]);
    j.add(&["--title", "Handover", "Talked it through."]);
    let before = export_json(&j, None);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let sealed = j.path().join("all.json.age");
    let out = with_pass(
        &j,
        &pass,
        &[
            "export",
            "--all",
            "--encrypt",
            "-o",
            sealed.to_str().unwrap(),
        ],
    );
    ok(&out);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("encrypted with a passphrase"), "{said}");
    assert!(said.contains("everything, unredacted"), "{said}");
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(
        !bytes
            .windows(PLANTED.len())
            .any(|w| w == PLANTED.as_bytes())
    );

    // A wrong passphrase: a clear error naming the file, and no journal made.
    let other = Journal::new();
    let wrong = pass_file(other.path(), "wrong", &["not the passphrase"]);
    let out = with_pass(&other, &wrong, &["import", sealed.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("all.json.age"), "{err}");
    assert!(err.contains("passphrase does not open"), "{err}");
    assert!(!other.db().exists(), "nothing written");

    // The right one: every entry back, byte for byte in the next export.
    let right = pass_file(other.path(), "right", &[PASS]);
    let said = ok(&with_pass(
        &other,
        &right,
        &["import", sealed.to_str().unwrap()],
    ));
    assert!(said.contains("2 added"), "{said}");
    assert_eq!(export_json(&other, None), before);
}

#[test]
fn a_summary_encrypted_to_recipients_is_reviewed_with_an_identity() {
    let j = Journal::new();
    j.add(&[
        "--title",
        "Supervision",
        "--for-supervision",
        "Learned to pause.",
    ]);
    let (mine, my_key) = age_identity(j.path(), "mine.txt");
    let (theirs, their_key) = age_identity(j.path(), "theirs.txt");
    let (stranger, _) = age_identity(j.path(), "stranger.txt");
    let listed = j.path().join("team.txt");
    std::fs::write(&listed, format!("# the team\n{their_key}\n")).unwrap();
    let sealed = j.path().join("sam.json.age");
    j.ok(&[
        "export",
        "--summary",
        "--format",
        "json",
        "--from",
        "Sam",
        "--encrypt",
        "--recipient",
        &my_key,
        "--recipients-file",
        listed.to_str().unwrap(),
        "-o",
        sealed.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read(&sealed)
            .unwrap()
            .starts_with(b"age-encryption.org/v1\n")
    );
    for id in [&mine, &theirs] {
        let page = j.path().join("review.html");
        let _ = std::fs::remove_file(&page);
        j.ok(&[
            "review",
            sealed.to_str().unwrap(),
            "--identity",
            id.to_str().unwrap(),
            "--html",
            page.to_str().unwrap(),
        ]);
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(html.contains("Sam"), "{html}");
    }
    let err = j.fails(
        1,
        &[
            "review",
            sealed.to_str().unwrap(),
            "--identity",
            stranger.to_str().unwrap(),
            "--html",
            j.path().join("no.html").to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("sam.json.age") && err.contains("no identity given opens"),
        "{err}"
    );
    assert!(!j.path().join("no.html").exists());
    // Without a key and without a terminal: a clear error, not a parse of random bytes.
    let out = j
        .cmd(&["review", sealed.to_str().unwrap(), "--html", "x.html"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn every_export_format_can_be_encrypted() {
    let j = Journal::new();
    j.add(&["--title", "Night shift", &format!("calm words {PLANTED}")]);
    let (_, key) = age_identity(j.path(), "me.txt");
    for (format, extra) in [
        ("json", &[][..]),
        ("md", &[][..]),
        ("html", &[][..]),
        ("csv", &[][..]),
        ("md", &["--summary"][..]),
        ("md", &["--profile", "nmc", "--scope", "private"][..]),
    ] {
        let file = j.path().join(format!("out-{format}-{}.age", extra.len()));
        let mut args = vec!["export", "--format", format, "--no-redact", "--yes"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&[
            "--encrypt",
            "--recipient",
            &key,
            "-o",
            file.to_str().unwrap(),
        ]);
        j.ok(&args);
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            bytes.starts_with(b"age-encryption.org/v1\n"),
            "{format} {extra:?}"
        );
        assert!(
            !bytes
                .windows(PLANTED.len())
                .any(|w| w == PLANTED.as_bytes()),
            "{format} {extra:?}"
        );
    }
}

#[test]
fn restore_without_a_passphrase_refuses_before_moving_an_encrypted_journal() {
    // A plain journal's backup, as one might keep by hand.
    let old = Journal::new();
    old.add(&["an old plain entry"]);
    let plain_backup = old.path().join("old.sqlite3");
    old.ok(&["backup", plain_backup.to_str().unwrap()]);

    let j = Journal::new();
    j.add(&["--title", "Kept", "words"]);
    j.ok(&["backup"]);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    let before = std::fs::read(j.db()).unwrap();
    let names = |dir: &Path| {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    let files = names(j.path());
    for args in [
        vec!["backup", "restore", "--yes"],
        vec!["backup", "restore", plain_backup.to_str().unwrap(), "--yes"],
    ] {
        let out = j.cmd(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nothing was"), "{args:?}: {err}");
        assert_eq!(std::fs::read(j.db()).unwrap(), before, "{args:?}");
        assert_eq!(names(j.path()), files, "{args:?}: nothing moved aside");
    }
}

/// The drafts of the encrypted journal `j`, read with its passphrase: (writer, data).
fn drafts_of(j: &Journal) -> Vec<(Option<i64>, String)> {
    let conn = rusqlite::Connection::open(j.db()).unwrap();
    conn.execute_batch(&format!("PRAGMA key = '{PASS}'"))
        .unwrap();
    conn.prepare("SELECT writer_pid, data FROM drafts")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn text_rescued_from_the_editor_is_kept_encrypted_and_offered_back() {
    let j = Journal::new();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let said = ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    let recovery = recovery_key(&said);
    // An editor that saves, then fails: its text cannot be used, and is rescued.
    let editor = j.script(
        "ed.sh",
        &format!("printf 'rescued words {PLANTED}\\n' > \"$1\"; exit 3"),
    );
    let out = j
        .with_editor(&editor, &["add", "--title", "In the editor"])
        .env("PRAXIS_PASSPHRASE_FILE", &pass)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("now in the journal as a draft"), "{err}");
    // Nothing of it in the clear, anywhere; in the journal, a draft no app is writing,
    // which the app offers back.
    let held = files_holding(j.path(), PLANTED.as_bytes(), &[&pass, &editor]);
    assert!(held.is_empty(), "the writing is readable in {held:?}");
    let drafts = drafts_of(&j);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(drafts[0].0, None);
    assert!(drafts[0].1.contains(PLANTED));

    // Where the journal could not be written, an age file the recovery key opens: taken
    // in as a draft by the next praxis that opens the journal with its key.
    let salt: [u8; 16] = std::fs::read(j.db()).unwrap()[..16].try_into().unwrap();
    let key = praxis::store::Key::from_recovery_key(&recovery, salt).unwrap();
    let plain = j
        .path()
        .join("rescued/new-reflection-20260318T200000.000.md");
    std::fs::write(&plain, format!("sealed words {PLANTED}")).unwrap();
    let now = chrono::Utc::now();
    let kept = praxis::rescue::seal(&plain, None, &key, now.date_naive(), now);
    let praxis::rescue::Kept::Sealed(sealed) = kept else {
        panic!("{kept:?}")
    };
    assert!(!plain.exists());
    let held = files_holding(j.path(), PLANTED.as_bytes(), &[&pass, &editor]);
    assert!(held.is_empty(), "the writing is readable in {held:?}");
    // `doctor`, which needs no passphrase, counts the sealed texts as it does plain ones,
    // and says which need the recovery key of an earlier passphrase.
    let earlier = j.path().join(format!(
        "rescued/new-reflection-20260318T190000.000{}",
        praxis::rescue::EARLIER
    ));
    std::fs::copy(&sealed, &earlier).unwrap();
    let out = j.cmd(&["doctor"]).output().unwrap();
    let doctor = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{out:?}");
    assert!(
        doctor.contains("!!  unsaved text")
            && doctor.contains("2 texts you wrote in the editor kept encrypted")
            && doctor.contains("the 1 named `*.md.earlier-key.age` needs the recovery key given with an earlier passphrase"),
        "{doctor}"
    );
    std::fs::remove_file(&earlier).unwrap();
    let out = with_pass(&j, &pass, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.contains("now in the journal as a draft"),
        "{err}"
    );
    assert!(!sealed.exists());
    let drafts = drafts_of(&j);
    assert_eq!(drafts.len(), 2);
    assert!(drafts.iter().any(|(_, d)| d.contains("sealed words")));
}

/// A circle's local index holds what was read from the shared folder (others' words,
/// decrypted). Made beside a plain journal, it stayed plain after `encrypt` until the next
/// circle command: encrypting drops it, and the next look builds it encrypted.
#[test]
fn encrypting_leaves_no_plain_circle_index_behind() {
    let j = Journal::new();
    let shared = j.path().join("Sync/circle");
    j.ok(&[
        "circle",
        "create",
        shared.to_str().unwrap(),
        "--name",
        "Tuesday",
        "--as",
        "river",
    ]);
    j.ok(&[
        "circle",
        "contribute",
        "--question",
        &format!("How do you end a visit well? {PLANTED}"),
        "--yes",
    ]);
    j.ok(&["circle", "show"]);
    let circles = j.path().join("circles");
    let indexes = || -> Vec<PathBuf> {
        std::fs::read_dir(&circles)
            .unwrap()
            .flatten()
            .map(|e| e.path().join("index.sqlite3"))
            .filter(|p| p.exists())
            .collect()
    };
    assert_eq!(indexes().len(), 1, "the look made an index");
    let pass = pass_file(j.path(), "pass", &[PASS, PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    for index in indexes() {
        let bytes = std::fs::read(&index).unwrap();
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is plain",
            index.display()
        );
    }
    // The next look builds it again, encrypted, and still reads the circle.
    let shown = ok(&with_pass(&j, &pass, &["circle", "show"]));
    assert!(shown.contains("How do you end a visit well"), "{shown}");
    for index in indexes() {
        let bytes = std::fs::read(&index).unwrap();
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is plain",
            index.display()
        );
        assert!(!String::from_utf8_lossy(&bytes).contains(PLANTED));
    }
}

/// A circle's record and keys were kept in plain files beside an encrypted journal (as an
/// earlier praxis left them, or an `encrypt` stopped between the two): anyone with the
/// computer could read and sign as the member. The next circle command takes them into the
/// journal and removes the files; `decrypt` writes them out again.
#[test]
fn a_circles_keys_beside_an_encrypted_journal_are_taken_into_it() {
    let j = Journal::new();
    let shared = tempfile::tempdir().unwrap();
    j.add(&["words"]);
    j.ok(&[
        "circle",
        "create",
        shared.path().join("c").to_str().unwrap(),
        "--name",
        &format!("Tuesday {PLANTED}"),
        "--as",
        "river",
    ]);
    let circles = j.path().join("circles");
    let sub = std::fs::read_dir(&circles)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let kept: Vec<(PathBuf, Vec<u8>)> = ["identity.json", "membership.json"]
        .iter()
        .map(|f| (sub.join(f), std::fs::read(sub.join(f)).unwrap()))
        .collect();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    assert!(
        kept.iter().all(|(p, _)| !p.exists()),
        "encrypt removes them"
    );
    // Left beside the encrypted journal, as before.
    for (p, bytes) in &kept {
        std::fs::write(p, bytes).unwrap();
    }
    // doctor says so without the passphrase, and changes nothing.
    let doctor = j
        .cmd(&["doctor"])
        .env_remove("PRAXIS_PASSPHRASE_FILE")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&doctor.stdout).to_string();
    assert!(!doctor.status.success());
    assert!(
        said.contains("the keys of 1 circle in plain files"),
        "{said}"
    );
    assert!(kept.iter().all(|(p, _)| p.exists()), "doctor leaves them");
    let out = with_pass(&j, &pass, &["circle", "list"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(ok(&out).contains("Tuesday"));
    assert!(
        said.contains("now kept inside the encrypted journal"),
        "{said}"
    );
    assert!(kept.iter().all(|(p, _)| !p.exists()), "they are removed");
    assert!(files_holding_planted(j.path(), &[&pass]).is_empty());
    assert!(ok(&with_pass(&j, &pass, &["circle", "show"])).contains("Tuesday"));
    // Decrypted, the circle is kept in files again, and still opens.
    ok(&with_pass(&j, &pass, &["decrypt"]));
    assert!(kept.iter().all(|(p, _)| p.exists()));
    assert!(j.ok(&["circle", "show"]).contains("Tuesday"));
}

/// A wrong passphrase given to a circle command was not checked against the journal: the
/// circle's index was taken for one made under another lock, removed, and made again
/// under the wrong key, and the command went on. It is the journal's wrong-passphrase
/// error now, and nothing of the circle is touched.
#[test]
fn a_wrong_passphrase_to_a_circle_command_is_refused_and_touches_nothing() {
    let j = Journal::new();
    let shared = tempfile::tempdir().unwrap();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    ok(&with_pass(
        &j,
        &pass,
        &[
            "circle",
            "create",
            shared.path().join("c").to_str().unwrap(),
            "--name",
            "Tuesday",
            "--as",
            "river",
        ],
    ));
    ok(&with_pass(&j, &pass, &["circle", "show"]));
    let index = std::fs::read_dir(j.path().join("circles"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path()
        .join("index.sqlite3");
    let before = std::fs::read(&index).unwrap();
    let wrong = pass_file(j.path(), "wrong", &["not the passphrase"]);
    for args in [
        &["circle", "show"][..],
        &["circle", "list"],
        &["circle", "contribute", "--question", "Anyone?", "--yes"],
    ] {
        let out = with_pass(&j, &wrong, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("passphrase does not unlock"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&index).unwrap(), before, "{args:?}");
    }
    assert!(ok(&with_pass(&j, &pass, &["circle", "show"])).contains("Tuesday"));
}

/// Beside an encrypted journal a circle's keys live in it, so restoring a backup taken
/// before the circle was joined (or before the journal was encrypted) dropped them: the
/// circle could no longer be opened. A restore keeps the records the journal had.
#[test]
fn restoring_an_older_backup_keeps_the_circles_keys() {
    let j = Journal::new();
    let shared = tempfile::tempdir().unwrap();
    j.add(&["words"]);
    j.ok(&["backup"]); // plain, before anything of the circle
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    ok(&with_pass(
        &j,
        &pass,
        &[
            "circle",
            "create",
            shared.path().join("c").to_str().unwrap(),
            "--name",
            "Tuesday",
            "--as",
            "river",
        ],
    ));
    let listed = ok(&with_pass(&j, &pass, &["backup", "list"]));
    let older = listed
        .split_whitespace()
        .find(|w| w.contains("-manual"))
        .unwrap()
        .to_string();
    ok(&with_pass(
        &j,
        &pass,
        &["backup", "restore", "--yes", &older],
    ));
    let shown = ok(&with_pass(&j, &pass, &["circle", "show"]));
    assert!(shown.contains("Tuesday"), "{shown}");
}

/// `encrypt` and `passphrase` need the journal to themselves. They asked for the new
/// passphrase (on a terminal, twice) before finding the app had the journal open, then
/// refused: now they say so before asking.
#[test]
fn a_journal_open_elsewhere_is_said_before_a_new_passphrase_is_asked() {
    let j = Journal::new();
    j.add(&["words"]);
    let none = pass_file(j.path(), "none", &[]);
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let held = |key: Option<&str>| {
        let conn = rusqlite::Connection::open(j.db()).unwrap();
        if let Some(k) = key {
            conn.execute_batch(&format!("PRAGMA key = '{k}'")).unwrap();
        }
        conn.query_row("SELECT count(*) FROM entries", [], |r| r.get::<_, i64>(0))
            .unwrap();
        conn
    };
    let other = held(None);
    let out = with_pass(&j, &none, &["encrypt"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("open in another praxis"), "{err}");
    assert!(is_plain_sqlite(&j.db()));
    drop(other);
    ok(&with_pass(&j, &pass, &["encrypt"]));
    let other = held(Some(PASS));
    let out = with_pass(&j, &pass, &["passphrase"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("open in another praxis"), "{err}");
    drop(other);
    assert!(ok(&with_pass(&j, &pass, &["list"])).contains("words"));
}

/// A plain export out of an encrypted journal was written with no word that it, unlike
/// the journal, is readable by anyone with the file. It says so now, and how to seal it;
/// an export to the terminal, or a sealed one, does not.
#[test]
fn a_plain_export_out_of_an_encrypted_journal_says_it_is_not_encrypted() {
    let (j, pass) = encrypted_with(&["words", "--scope", "shareable"]);
    let file = j.path().join("out.md");
    let out = with_pass(&j, &pass, &["export", "-o", file.to_str().unwrap()]);
    ok(&out);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(said.contains("the file is not encrypted"), "{said}");
    assert!(said.contains("--encrypt"), "{said}");
    let out = with_pass(&j, &pass, &["export"]);
    ok(&out);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not encrypted"));
    // From a plain journal, nothing to say.
    let plain = Journal::new();
    plain.add(&["words", "--scope", "shareable"]);
    let out = plain
        .cmd(&["export", "-o", plain.path().join("o.md").to_str().unwrap()])
        .output()
        .unwrap();
    ok(&out);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not encrypted"));
}

/// A new encrypted journal (its passphrase in the file returned) holding one entry,
/// added with `add ARGS`.
fn encrypted_with(args: &[&str]) -> (Journal, PathBuf) {
    let j = Journal::new();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    let add: Vec<&str> = std::iter::once("add").chain(args.iter().copied()).collect();
    ok(&with_pass(&j, &pass, &add));
    (j, pass)
}

/// Whether this machine's kernel keyring keeps keys (a sandbox may forbid it).
fn keyring_works() -> bool {
    praxis::keycache::available()
}

/// With `remember_key_minutes`, one passphrase serves the commands after it: the key is
/// kept in the session's keyring, used with no passphrase given, forgotten by `praxis
/// lock`; taking the lock off or changing it asks for the passphrase itself all the same.
/// Where the keyring cannot be used, each command says so and asks as before.
#[test]
fn a_remembered_key_serves_the_next_commands_until_praxis_lock() {
    let j = Journal::new();
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let wrong = pass_file(j.path(), "wrong", &["not the passphrase", "x y z w v"]);
    ok(&with_pass(&j, &pass, &["init", "--encrypt"]));
    // Off by default: nothing is remembered, every command asks.
    ok(&with_pass(
        &j,
        &pass,
        &["add", "--title", "Handover", "first words"],
    ));
    let asked = j.cmd(&["list"]).output().unwrap();
    assert!(!asked.status.success());
    assert!(String::from_utf8_lossy(&asked.stderr).contains("--passphrase-fd"));

    std::fs::write(j.config(), "[security]\nremember_key_minutes = 2\n").unwrap();
    let first = with_pass(&j, &pass, &["list"]);
    let listed = ok(&first);
    assert!(listed.contains("Handover"), "{listed}");
    let warned = String::from_utf8_lossy(&first.stderr).to_string();
    if !keyring_works() {
        assert!(warned.contains("key is not remembered"), "{warned}");
        let out = j.cmd(&["list"]).output().unwrap();
        assert!(!out.status.success());
        return;
    }
    assert!(!warned.contains("warning"), "{warned}");
    // No passphrase given at all: the remembered key opens it.
    let again = j.cmd(&["list"]).output().unwrap();
    assert!(ok(&again).contains("Handover"));
    let again = j.cmd(&["add", "second words"]).output().unwrap();
    ok(&again);

    // Changing the passphrase or decrypting needs the passphrase itself.
    for args in [&["passphrase"][..], &["decrypt"]] {
        let out = with_pass(&j, &wrong, args);
        assert!(
            !out.status.success(),
            "{args:?} succeeded on a remembered key"
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("passphrase does not unlock"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(!is_plain_sqlite(&j.db()));
    // And the failed tries forgot nothing: the key still serves.
    ok(&j.cmd(&["list"]).output().unwrap());

    let said = ok(&j.cmd(&["lock"]).output().unwrap());
    assert!(said.contains("Forgot the key"), "{said}");
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(!out.status.success(), "the key outlived `praxis lock`");
    let said = ok(&j.cmd(&["lock"]).output().unwrap());
    assert!(said.contains("No key was remembered"), "{said}");

    // A new passphrase: the old key is forgotten, the new one remembered.
    ok(&with_pass(&j, &pass, &["list"]));
    let both = pass_file(j.path(), "both", &[PASS, NEW_PASS]);
    ok(&with_pass(&j, &both, &["passphrase"]));
    let listed = ok(&j.cmd(&["list"]).output().unwrap());
    assert!(listed.contains("second words"), "{listed}");
    // Decrypted: nothing is remembered any more, and `lock` says there is nothing to lock.
    let new = pass_file(j.path(), "new", &[NEW_PASS]);
    ok(&with_pass(&j, &new, &["decrypt"]));
    let out = j.cmd(&["lock"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not encrypted"));
}

/// A remembered key that no longer opens the journal (an older copy put back in its place,
/// with the same salt and another key) is forgotten, and the passphrase asked for, with no
/// wrong try counted; the key that fits is remembered in its place.
#[test]
fn a_remembered_key_that_no_longer_fits_is_forgotten() {
    use praxis::keycache;
    if !keyring_works() {
        return;
    }
    let (j, pass) = encrypted_with(&["--title", "Handover", "words"]);
    std::fs::write(j.config(), "[security]\nremember_key_minutes = 2\n").unwrap();
    let salt: [u8; 16] = j.db_bytes()[..16].try_into().unwrap();
    let stale = praxis::store::Key::from_raw(zeroize::Zeroizing::new([9; 32]), salt);
    keycache::remember(&stale, std::time::Duration::from_secs(60)).unwrap();

    let out = with_pass(&j, &pass, &["list"]);
    assert!(ok(&out).contains("Handover"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("wrong"), "{err}");
    let fits = keycache::recall(salt, std::time::Duration::from_secs(60)).unwrap();
    assert_ne!(fits.raw(), &[9; 32]);
    assert!(ok(&j.cmd(&["list"]).output().unwrap()).contains("Handover"));
    ok(&j.cmd(&["lock"]).output().unwrap());
    assert!(keycache::recall(salt, std::time::Duration::from_secs(60)).is_none());
}

/// A plain journal of the demo's three months and one entry holding the planted phrase,
/// exported whole to `all.json` in a folder of its own: the file `import --encrypt`
/// reads (plain text, kept apart from the journal it makes).
fn planted_export() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let src = tempfile::tempdir().unwrap();
    let db = src.path().join("source.sqlite3");
    common::praxis_db(&src.path().join("unused/j.sqlite3"))
        .args(["demo", "--keep", db.to_str().unwrap(), "--months", "3"])
        .assert()
        .success();
    common::praxis_db(&db)
        .args([
            "add",
            "--title",
            "Night shift",
            "-t",
            "handover",
            &format!("calm words for {PLANTED} at the handover"),
        ])
        .assert()
        .success();
    let file = src.path().join("all.json");
    common::praxis_db(&db)
        .args(["export", "--all", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&file).unwrap();
    (src, file, bytes)
}

/// The `.praxis-import-…` files (a journal or a search index being built) in `dir`.
fn being_built(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".praxis-import-"))
        .collect()
}

/// `praxis import FILE --encrypt` makes a new encrypted journal from a plain file in one
/// command: the passphrase from the passphrase file, a recovery key printed, every entry
/// in it (the same export back, byte for byte), searchable and whole by `doctor`, and no
/// byte of any file praxis wrote holding the writing in the clear.
#[test]
fn import_encrypt_builds_a_new_encrypted_journal_with_nothing_readable() {
    let (_src, file, exported) = planted_export();
    let j = Journal::new();
    #[cfg(unix)]
    {
        // Private, as praxis makes its own folder (`doctor` warns of one others can read).
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(j.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let pass = pass_file(j.path(), "pass", &[PASS]);
    let out = with_pass(&j, &pass, &["import", file.to_str().unwrap(), "--encrypt"]);
    let said = ok(&out);
    assert!(said.contains("added"), "{said}");
    assert!(said.contains("encrypted"), "{said}");
    assert!(said.contains("Recovery key"), "{said}");
    // The plain file it came from is named as plain, with how to let it go safely.
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("all.json is not encrypted") && warned.contains("`praxis backup`"),
        "{warned}"
    );
    assert!(
        matches!(
            praxis::store::probe(&j.db()),
            praxis::store::Lock::Encrypted { .. }
        ),
        "the journal is encrypted"
    );
    assert!(
        being_built(j.path()).is_empty(),
        "{:?}",
        being_built(j.path())
    );
    let found = ok(&with_pass(&j, &pass, &["search", "Quartermaine"]));
    assert!(found.contains("Night shift"), "{found}");
    ok(&with_pass(&j, &pass, &["doctor"]));
    assert_eq!(export_json(&j, Some(&pass)), exported);
    // The backup that the note advises: encrypted too.
    ok(&with_pass(&j, &pass, &["backup"]));
    let held = files_holding_planted(j.path(), &[pass.as_path()]);
    assert!(held.is_empty(), "readable in {held:?}");

    // The recovery key printed opens it in place of the passphrase.
    let recovery = recovery_key(&said);
    let by_recovery = pass_file(j.path(), "recovery", &[&recovery]);
    assert!(ok(&with_pass(&j, &by_recovery, &["search", "Quartermaine"])).contains("Night shift"));

    // A wrong passphrase opens nothing, and says so without a word of the journal.
    let wrong = pass_file(j.path(), "wrong", &["not the passphrase"]);
    let before = j.db_bytes();
    let out = with_pass(&j, &wrong, &["list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("passphrase does not unlock"), "{err}");
    assert!(!err.contains("Night shift"), "{err}");
    assert_eq!(j.db_bytes(), before);
    // Without the passphrase, no command reads it.
    let out = j.cmd(&["list"]).output().unwrap();
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Night shift"));
}

/// `--encrypt` makes a new journal only: one that is there, plain or encrypted, is
/// refused before any passphrase is asked (none is given here: asking would fail
/// otherwise), and left byte for byte as it was.
#[test]
fn import_encrypt_refuses_a_journal_that_exists() {
    let (_src, file, _) = planted_export();
    let file = file.to_str().unwrap();
    let plain = Journal::new();
    plain.add(&["words of my own"]);
    let before = plain.db_bytes();
    let err = plain.fails(1, &["import", file, "--encrypt"]);
    assert!(err.contains("already exists"), "{err}");
    assert!(err.contains("praxis encrypt"), "{err}");
    assert!(err.contains("leave --encrypt out"), "{err}");
    assert_eq!(plain.db_bytes(), before);
    // Its dry run too.
    let err = plain.fails(1, &["import", file, "--encrypt", "--dry-run"]);
    assert!(err.contains("already exists"), "{err}");

    let (locked, _) = encrypted_with(&["words of my own"]);
    let before = locked.db_bytes();
    let err = locked.fails(1, &["import", file, "--encrypt"]);
    assert!(err.contains("encrypted already"), "{err}");
    assert_eq!(locked.db_bytes(), before);
}

/// Nothing is left where a new encrypted journal was not made: without a passphrase to
/// read, with a file refused half way, or in a dry run (which asks for no passphrase);
/// not the journal, not a temporary file, not the folder it would have gone in.
#[test]
fn import_encrypt_refused_leaves_no_file() {
    let d = tempfile::tempdir().unwrap();
    let pass = pass_file(d.path(), "pass", &[PASS]);
    let db = d.path().join("new/journal.sqlite3");
    let run = |args: &[&str], pass: Option<&Path>| {
        // Its home and temporary files beside the folder the journal would go in.
        let mut c = common::praxis(d.path());
        c.env("PRAXIS_DB", &db).args(args);
        if let Some(p) = pass {
            c.env("PRAXIS_PASSPHRASE_FILE", p);
        }
        c.output().unwrap()
    };
    let (_src, file, _) = planted_export();
    let file = file.to_str().unwrap();

    // No passphrase to be had (no terminal, no file): it says how to give one.
    let out = run(&["import", file, "--encrypt"], None);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("PRAXIS_PASSPHRASE_FILE"),
        "{out:?}"
    );
    assert!(!db.parent().unwrap().exists(), "nothing made");

    // An empty passphrase is none.
    let empty = pass_file(d.path(), "empty", &[""]);
    let out = run(&["import", file, "--encrypt"], Some(&empty));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("empty"),
        "{out:?}"
    );
    assert!(!db.parent().unwrap().exists(), "nothing made");

    // A file that is not one praxis reads: refused before a passphrase is asked.
    let odd = d.path().join("odd.json");
    std::fs::write(&odd, "{\"x\": 1}").unwrap();
    let out = run(&["import", odd.to_str().unwrap(), "--encrypt"], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot tell which format"), "{err}");
    assert!(!err.contains("passphrase"), "{err}");

    // A file refused half way, after the journal was begun: all of it goes.
    let text = std::fs::read_to_string(file).unwrap();
    let at = text.rfind("\"occurred_on\":\"").unwrap() + "\"occurred_on\":\"".len();
    let broken = format!("{}2026-02-30{}", &text[..at], &text[at + 10..]);
    let half = d.path().join("half.json");
    std::fs::write(&half, broken).unwrap();
    let out = run(
        &["import", half.to_str().unwrap(), "--encrypt"],
        Some(&pass),
    );
    assert!(!out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2026-02-30"),
        "{out:?}"
    );
    assert!(!db.parent().unwrap().exists(), "nothing left");

    // A dry run writes nothing and needs no passphrase.
    let out = run(&["import", file, "--encrypt", "--dry-run"], None);
    let said = ok(&out);
    assert!(said.contains("Dry run"), "{said}");
    assert!(said.contains("would be made encrypted"), "{said}");
    assert!(!db.parent().unwrap().exists(), "nothing made");
}

/// An encrypted (age) export imported into a new encrypted journal: the passphrase file
/// gives the new journal's passphrase first, then the file's, as every command asks for
/// the journal's before a file's.
#[test]
fn an_encrypted_export_imports_into_a_new_encrypted_journal() {
    let (src, file, exported) = planted_export();
    let sealed = src.path().join("all.json.age");
    let seal_pass = pass_file(src.path(), "seal", &[NEW_PASS]);
    let out = common::praxis_db(&src.path().join("source.sqlite3"))
        .args([
            "export",
            "--all",
            "--encrypt",
            "-o",
            sealed.to_str().unwrap(),
        ])
        .env("PRAXIS_PASSPHRASE_FILE", &seal_pass)
        .output()
        .unwrap();
    ok(&out);
    drop(file);
    let j = Journal::new();
    let both = pass_file(j.path(), "both", &[PASS, NEW_PASS]);
    let out = with_pass(
        &j,
        &both,
        &["import", sealed.to_str().unwrap(), "--encrypt"],
    );
    ok(&out);
    // An encrypted file is not said to be plain.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("is not encrypted"), "{said}");
    let pass = pass_file(j.path(), "pass", &[PASS]);
    assert_eq!(export_json(&j, Some(&pass)), exported);
    let held = files_holding_planted(j.path(), &[both.as_path(), pass.as_path()]);
    assert!(held.is_empty(), "readable in {held:?}");
}

/// `import --encrypt` killed at any moment leaves no journal or the whole one, and no
/// byte of the writing in the clear in what it was building (the journal, its rollback
/// journal, the search index built beside it), which the next praxis to open a journal
/// there removes.
#[test]
fn kill_9_during_import_encrypt_leaves_nothing_readable() {
    let (_src, file, _) = planted_export();
    let d = tempfile::tempdir().unwrap();
    let pass = pass_file(d.path(), "pass", &[PASS]);
    let n = common::praxis_db(&file.with_file_name("source.sqlite3"))
        .args(["list", "-n", "100000"])
        .output()
        .unwrap()
        .stdout
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    for (i, wait_ms) in [0_u64, 60, 130, 150, 170, 190, 220, 260].iter().enumerate() {
        let dir = d.path().join(format!("k{i}"));
        let mut child = common::praxis_std(&dir)
            .args(["import", file.to_str().unwrap(), "--encrypt"])
            .env("PRAXIS_PASSPHRASE_FILE", &pass)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(*wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        if dir.exists() {
            let held = files_holding_planted(&dir, &[]);
            assert!(held.is_empty(), "after kill -9 at {wait_ms} ms: {held:?}");
        }
        let db = dir.join("journal.sqlite3");
        if db.exists() {
            // In place: whole, and encrypted.
            let listed = ok(&common::praxis_db(&db)
                .args(["list", "-n", "100000"])
                .env("PRAXIS_PASSPHRASE_FILE", &pass)
                .output()
                .unwrap());
            assert_eq!(listed.lines().count(), n, "after kill -9 at {wait_ms} ms");
        } else if dir.exists() {
            // Not in place: the next praxis there removes what was being built.
            common::praxis_db(&db).arg("list").assert().success();
        } else {
            continue;
        }
        assert!(
            being_built(&dir).is_empty(),
            "after kill -9 at {wait_ms} ms: {:?}",
            being_built(&dir)
        );
    }
}

/// The README says how to make an encrypted journal from a file: the CLI reference's row
/// for `praxis import` names every option `praxis import --help` lists, `--encrypt`
/// among them, and the Encryption section shows the command.
#[test]
fn the_readme_documents_import_encrypt() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let row = readme
        .lines()
        .find(|l| l.starts_with("| `praxis import FILE`"))
        .expect("the CLI reference has a row for praxis import");
    let help = Journal::new().ok(&["import", "--help"]);
    let options = help
        .split("Global options:")
        .next()
        .unwrap()
        .split("Options:")
        .nth(1)
        .unwrap();
    let flags: Vec<&str> = options
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("--"))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|f| *f != "--help")
        .collect();
    assert!(flags.contains(&"--encrypt"), "{help}");
    for flag in flags {
        assert!(row.contains(&format!("`{flag}")), "{flag} is not in: {row}");
    }
    let encryption = readme
        .split("\n## Encryption\n")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    assert!(
        encryption.contains("praxis import FILE --encrypt"),
        "the Encryption section shows `praxis import FILE --encrypt`"
    );
}
