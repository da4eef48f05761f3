//! Nothing leaves the machine: no networking code, no networking crates, and (where
//! strace is installed) no network socket opened by the real binary.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_source_has_no_networking_code() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "found only {files:?}");
    let forbidden = [
        "std::net",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "ToSocketAddrs",
        "UnixStream",
    ];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{} uses {word}: praxis makes no network connections",
                f.display()
            );
        }
    }
}

#[test]
fn no_dependency_speaks_http_or_tls() {
    let lock =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"rusqlite"), "not a Cargo.lock? {names:?}");
    for crate_name in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "h2",
        "rustls",
        "native-tls",
        "openssl",
        "tokio",
        "socket2",
        "sentry",
        "opentelemetry",
    ] {
        assert!(
            !names.contains(&crate_name),
            "{crate_name} is a dependency: praxis must not talk to the network"
        );
    }
}

/// Runs praxis under strace and returns the socket calls it made.
fn socket_calls(j: &common::Journal, args: &[&str]) -> Option<String> {
    let trace = j.path().join("trace.txt");
    let cmd = common::praxis_std(j.path());
    let praxis = cmd.get_program().to_owned();
    let mut strace = std::process::Command::new("strace");
    strace
        .args(["-f", "-qq", "-e", "trace=socket,connect,sendto", "-o"])
        .arg(&trace)
        .arg(praxis)
        .args(args);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => strace.env(k, v),
            None => strace.env_remove(k),
        };
    }
    strace.current_dir(j.path());
    let out = strace.output().ok()?;
    if !out.status.success() {
        // strace may be present but not allowed to trace here (no ptrace).
        eprintln!(
            "strace could not run praxis: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return None;
    }
    Some(std::fs::read_to_string(&trace).unwrap_or_default())
}

#[test]
fn the_binary_opens_no_network_socket() {
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("strace is not installed: skipping the runtime check (the static ones ran)");
        return;
    }
    let j = common::Journal::new();
    j.add(&["A quiet shift. Sarah Jones rang.", "--scope", "shareable"]);
    for args in [
        &["add", "Another note", "--strength", "listening"][..],
        &["list"],
        &["search", "quiet"],
        &["stats"],
        &["export", "--format", "html"],
        &["export", "--all", "-o", "all.json"],
        &["doctor"],
    ] {
        let Some(calls) = socket_calls(&j, args) else {
            return;
        };
        for line in calls.lines() {
            assert!(
                !(line.contains("AF_INET") || line.contains("AF_INET6")),
                "praxis {args:?} opened a network socket: {line}"
            );
        }
    }
}

/// Every file beside the journal (the journal, its log, its shared memory), read raw.
fn journal_files_bytes(j: &common::Journal) -> Vec<(String, Vec<u8>)> {
    let name = j.db().file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(j.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&name))
        })
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Emptying the trash deletes for good: the text, and its words in the search index, are
/// not left readable in the journal's free space or its log (they once were: the file
/// still held the name after "Deleted 1 entry for good").
#[test]
fn emptying_the_trash_leaves_no_readable_trace_of_the_text() {
    let j = common::Journal::new();
    j.add(&["Keep this one about the rota"]);
    let id = j.add(&["Regretted: wrote Zebedee Quillfeather's full name and address"]);
    j.ok(&["rm", &id]);
    j.ok(&["trash", "empty", "--yes"]);
    for (path, bytes) in journal_files_bytes(&j) {
        assert!(
            !holds(&bytes, b"Quillfeather"),
            "{path} still holds the name"
        );
        assert!(
            !holds(&bytes, b"quillfeath"),
            "{path} still holds its indexed word"
        );
    }
    // What was kept is still found.
    assert!(j.ok(&["search", "rota"]).contains("rota"));
}

/// An edit that takes a name out leaves no copy of the old text behind in the file.
#[test]
fn an_edit_that_removes_a_name_leaves_no_readable_trace_of_it() {
    let j = common::Journal::new();
    let id = j.add(&["Visit with Zebedee Quillfeather went well"]);
    let editor = j.script(
        "unname.sh",
        "#!/bin/sh\nsed -i 's/Zebedee Quillfeather/the young person/' \"$1\"\n",
    );
    j.with_editor(&editor, &["edit", &id]).assert().success();
    for (path, bytes) in journal_files_bytes(&j) {
        assert!(
            !holds(&bytes, b"Quillfeather"),
            "{path} still holds the name"
        );
        assert!(
            !holds(&bytes, b"quillfeath"),
            "{path} still holds its indexed word"
        );
    }
}

/// Runs `praxis import FILE` into a new journal at `db` under strace, with `$TMPDIR` and
/// `$SQLITE_TMPDIR` at `tmp`, and returns the files it opened (None where strace cannot
/// trace it). The import must succeed.
fn import_opens(j: &common::Journal, file: &Path, db: &Path, tmp: &Path) -> Option<String> {
    let trace = j.path().join("open-trace.txt");
    let cmd = common::praxis_std(j.path());
    let mut strace = std::process::Command::new("strace");
    strace
        .args(["-f", "-qq", "-e", "trace=open,openat,creat", "-o"])
        .arg(&trace)
        .arg(cmd.get_program())
        .arg("import")
        .arg(file);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => strace.env(k, v),
            None => strace.env_remove(k),
        };
    }
    strace
        .env("PRAXIS_DB", db)
        .env("TMPDIR", tmp)
        .env("SQLITE_TMPDIR", tmp)
        .current_dir(j.path());
    let out = strace.output().ok()?;
    let opened = std::fs::read_to_string(&trace).unwrap_or_default();
    if !opened.contains("open") {
        // strace may be present but not allowed to trace here (no ptrace).
        eprintln!(
            "strace could not trace praxis import: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return None;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(opened)
}

/// A praxis JSON file whose supervision records come before the preps they point at:
/// each record waits for the end of the file, in SQLite's temporary storage, and there
/// are more of them (about 3 MiB) than SQLite keeps in memory (2 MiB).
fn records_before_their_preps(path: &Path) {
    let n = 300;
    let id = |kind: u32, i: u32| format!("{kind:08x}-0000-4000-8000-{i:012x}");
    let entry = |i: u32, record: bool| {
        let day = format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        serde_json::json!({
            "id": id(u32::from(record), i),
            "kind": "supervision",
            "model": if record { "supervision-record" } else { "supervision-prep" },
            "title": format!("Supervision {} {i}", if record { "record" } else { "prep" }),
            "body": if record {
                format!("Talked through the visit with Mr-B, part {i}. ").repeat(200)
            } else {
                String::new()
            },
            "sections": [],
            "occurred_on": day,
            "created_at": format!("{day}T10:00:00Z"),
            "updated_at": format!("{day}T10:00:00Z"),
            "scope": "supervision",
            "for_supervision": false,
            "deleted_at": null,
            "strengths": [],
            "tags": [],
            "checkin": null,
            "actions": [],
            "details": {
                "type": "supervision",
                "stage": if record { "record" } else { "prep" },
                "session_on": day,
                "supervisor_role": null,
                "session_type": null,
                "length_minutes": null,
                "prep": if record { serde_json::json!(id(0, i)) } else { serde_json::Value::Null },
                "counts_as_cpd": false,
                "peer_reflection": false,
                "agenda": []
            }
        })
    };
    let entries: Vec<_> = (0..n)
        .map(|i| entry(i, true))
        .chain((0..n).map(|i| entry(i, false)))
        .collect();
    let file = serde_json::json!({
        "format": "praxis-journal",
        "version": 1,
        "subjects": [],
        "entries": entries,
    });
    std::fs::write(path, serde_json::to_vec(&file).unwrap()).unwrap();
}

/// The temporary files of an import that builds a new journal (SQLite's sorts of ids, the
/// entries that wait for the end of the file) are made in the journal's own folder,
/// never in the system's folder for temporary files, which other users and backups may
/// reach. (SQLite opens them without a name where it can: only the call that opens them
/// says where they are.)
#[test]
fn an_import_keeps_its_temporary_files_in_the_journals_folder() {
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("strace is not installed: skipping the check of an import's temporary files");
        return;
    }
    let j = common::Journal::new();
    let tmp = tempfile::tempdir().unwrap();
    let file = j.path().join("records-first.json");
    records_before_their_preps(&file);
    let folder = j.path().join("new");
    let db = folder.join("journal.sqlite3");
    let Some(trace) = import_opens(&j, &file, &db, tmp.path()) else {
        return;
    };
    let in_tmp: Vec<&str> = trace
        .lines()
        .filter(|l| l.contains(&*tmp.path().to_string_lossy()))
        .collect();
    assert_eq!(in_tmp, Vec::<&str>::new(), "opened in $TMPDIR");
    // The waiting records went to a temporary file: in the journal's folder.
    let beside: Vec<&str> = trace
        .lines()
        .filter(|l| {
            l.contains(&format!("\"{}\"", folder.display())) && l.contains("O_TMPFILE")
                || l.contains(&format!("\"{}/etilqs_", folder.display()))
        })
        .collect();
    assert!(!beside.is_empty(), "no temporary file was made: {trace}");
}
