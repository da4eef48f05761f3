//! Imports from other journal tools through the binary: jrnl's text journal and JSON
//! export, tui-journal's back-end and export files, a folder of Markdown files. Fixtures
//! in each tool's real format live in tests/fixtures/import/; when python3 is there, a
//! corpus from ../shared/corpus/gen_corpus.py is imported too.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::{Path, PathBuf};

use common::Journal;
use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(rel)
}

fn import(j: &Journal, path: &Path, extra: &[&str]) -> String {
    let mut args = vec!["import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    j.ok(&args)
}

/// Every entry in the journal, in full, from the lossless export.
fn entries(j: &Journal) -> Vec<Value> {
    let v = j.json(&["export", "--all"]);
    v["entries"].as_array().unwrap().clone()
}

fn by_title<'a>(all: &'a [Value], title: &str) -> &'a Value {
    all.iter()
        .find(|e| e["title"] == title)
        .unwrap_or_else(|| panic!("no entry titled {title:?} in {all:#?}"))
}

fn tags(e: &Value) -> Vec<&str> {
    e["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}

/// Asserts an entry's day, creation time, tags and body, and that it is a private reflection
/// stamped with the source's time.
fn check(e: &Value, on: &str, at: &str, tag_list: &[&str], body: &str) {
    assert_eq!(e["occurred_on"], on, "{e:#}");
    assert_eq!(e["created_at"], at, "{e:#}");
    assert_eq!(e["updated_at"], at, "{e:#}");
    assert_eq!(e["kind"], "reflection");
    assert_eq!(e["scope"], "private");
    assert_eq!(e["for_supervision"], false);
    let mut want: Vec<&str> = tag_list.to_vec();
    want.sort_unstable();
    let mut got = tags(e);
    got.sort_unstable();
    assert_eq!(got, want, "{e:#}");
    assert_eq!(e["body"], body, "{e:#}");
}

#[test]
fn a_jrnl_journal_keeps_titles_dates_stars_and_tags() {
    let j = Journal::new();
    let out = import(&j, &fixture("jrnl/journal.txt"), &[]);
    assert!(
        out.contains("Read 4 entries") && out.contains("(jrnl plain-text journal, detected)"),
        "{out}"
    );
    assert!(out.contains("4 added, 0 skipped"), "{out}");
    let all = entries(&j);
    assert_eq!(all.len(), 4);
    // Default timeformat; the title is the whole first line, as jrnl 4.6 reads it (its
    // own JSON export says so); @tags anywhere, body as written.
    check(
        by_title(
            &all,
            "Handover went well. The night team had @Teamwork in spades.",
        ),
        "2024-01-08",
        "2024-01-08T09:15:00Z",
        &["teamwork", "supervision", "self-care"],
        "Mum rang twice before nine; we agreed a plan in plain language.\n\n@supervision \
         @self-care",
    );
    // `%F %r` and a trailing star; an e-mail address is no tag, a bracket of text no entry.
    check(
        by_title(&all, "Panel day"),
        "2024-01-09",
        "2024-01-09T14:30:00Z",
        &["starred"],
        "Long wait, fair outcome. I wrote to the family (duty@example.org) about it.\n[note] a \
         bracket that is text, not a date.",
    );
    // `%Y-%m-%d %I:%M %p`; a star at the start is no star to jrnl.
    check(
        by_title(&all, "*Quiet night"),
        "2024-01-10",
        "2024-01-10T19:45:00Z",
        &[],
        "Nothing to report.",
    );
    check(
        by_title(&all, "Questions for supervision? Several. @boundaries"),
        "2024-01-11",
        "2024-01-11T08:00:00Z",
        &["boundaries"],
        "",
    );
    // Tags are usable like any other.
    let tagged = j.json(&["list", "--tag", "starred", "--json"]);
    assert_eq!(tagged.as_array().unwrap().len(), 1);
}

#[test]
fn a_jrnl_json_export_and_the_text_journal_share_ids() {
    let j = Journal::new();
    let out = import(&j, &fixture("jrnl/export.json"), &[]);
    assert!(out.contains("(jrnl JSON export, detected)"), "{out}");
    assert!(out.contains("3 added"), "{out}");
    let all = entries(&j);
    check(
        by_title(&all, "Advocacy referral sent."),
        "2024-02-02",
        "2024-02-02T16:05:00Z",
        &["advocacy", "starred"],
        "It took three phone calls.\n\n@Advocacy",
    );
    check(
        by_title(&all, "Home visit"),
        "2024-02-01",
        "2024-02-01T10:30:00Z",
        &["family"],
        "Took it slowly and let the family lead. @family",
    );
    // "Questions for supervision?" is in both files: the text journal adds only the rest.
    let out = import(&j, &fixture("jrnl/journal.txt"), &[]);
    assert!(out.contains("3 added, 1 skipped"), "{out}");
    assert_eq!(entries(&j).len(), 6);
}

#[test]
fn tui_journal_files_both_ways() {
    let j = Journal::new();
    let out = import(&j, &fixture("tui-journal/entries.json"), &[]);
    assert!(
        out.contains("(tui-journal JSON back-end file, detected)") && out.contains("3 added"),
        "{out}"
    );
    let out = import(&j, &fixture("tui-journal/export.json"), &[]);
    assert!(
        out.contains("(tui-journal export file, detected)") && out.contains("1 added, 1 skipped"),
        "{out}"
    );
    let all = entries(&j);
    assert_eq!(all.len(), 4);
    check(
        by_title(&all, "First week on the ward"),
        "2024-03-01",
        "2024-03-01T08:00:00Z",
        &["learning", "first-week"],
        "Lots to learn.\n\nAsked for help twice.",
    );
    // Nanoseconds are kept to the second; a priority becomes a tag.
    check(
        by_title(&all, "Late shift"),
        "2024-03-02",
        "2024-03-02T21:10:05Z",
        &["priority-2"],
        "Tired but steady.",
    );
    check(
        by_title(&all, "Café debrief"),
        "2024-03-03",
        "2024-03-03T23:30:00Z",
        &["debrief"],
        "Talked it through with a colleague — it helped.",
    );
    check(
        by_title(&all, "Supervision booked"),
        "2024-03-10",
        "2024-03-10T12:00:00Z",
        &["supervision", "priority-1"],
        "Bringing the handover question.",
    );
}

/// A copy of the Markdown fixtures, with a hidden folder that must be left out and the
/// modified time of the file without any date fixed.
fn markdown_copy(j: &Journal) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let dest = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &dest);
            } else {
                std::fs::copy(e.path(), dest).unwrap();
            }
        }
    }
    let dir = j.path().join("notes-copy");
    copy(&fixture("markdown"), &dir);
    std::fs::create_dir_all(dir.join(".obsidian")).unwrap();
    std::fs::write(dir.join(".obsidian/workspace.md"), "# not an entry\n").unwrap();
    std::fs::write(dir.join("notes/readme.txt"), "not Markdown\n").unwrap();
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_712_491_200); // 2024-04-07T12:00:00Z
    std::fs::File::options()
        .write(true)
        .open(dir.join("untitled.md"))
        .unwrap()
        .set_modified(when)
        .unwrap();
    dir
}

#[test]
fn a_journal_given_to_import_says_how_to_use_it_instead() {
    let from = Journal::new();
    from.add(&["--title", "Night shift", "Calm."]);
    let j = Journal::new();
    let db = from.db();
    for extra in [&[][..], &["--format", "praxis"][..]] {
        let mut args = vec!["import", db.to_str().unwrap()];
        args.extend_from_slice(extra);
        let err = j.fails(1, &args);
        assert!(
            err.contains("a journal itself") && err.contains("export --all"),
            "{extra:?}: {err}"
        );
    }
    assert!(!j.db().exists());
}

#[test]
fn another_tools_file_named_as_markdown_is_refused_with_its_format() {
    let j = Journal::new();
    for (file, format) in [
        ("jrnl/journal.txt", "jrnl"),
        ("jrnl/export.json", "jrnl-json"),
        ("tui-journal/entries.json", "tui-journal"),
    ] {
        let err = j.fails(
            1,
            &[
                "import",
                fixture(file).to_str().unwrap(),
                "--format",
                "markdown",
            ],
        );
        assert!(
            err.contains("not a Markdown note") && err.contains(&format!("--format {format}")),
            "{file}: {err}"
        );
    }
    assert!(
        !j.db().exists(),
        "a refused import leaves no journal behind"
    );
    // Plain text of no known format is still read as one note when asked.
    let note = j.path().join("note.txt");
    std::fs::write(&note, "Handover went well.\n").unwrap();
    let out = j.ok(&["import", note.to_str().unwrap(), "--format", "markdown"]);
    assert!(out.contains("Read 1 entry"), "{out}");
}

#[test]
fn a_markdown_folder_reads_no_linked_file_from_outside_it() {
    let j = Journal::new();
    let dir = markdown_copy(&j);
    // A secret beside the folder, linked into it under a Markdown name; and a note linked
    // from inside the folder, which is read as itself.
    let secret = j.path().join("id_rsa");
    std::fs::write(
        &secret,
        "-----BEGIN OPENSSH PRIVATE KEY-----\nkeep me out\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("key.md")).unwrap();
    std::os::unix::fs::symlink(dir.join("untitled.md"), dir.join("notes/again.md")).unwrap();
    let out = j.cmd(&["import", dir.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stderr.contains("key.md") && stderr.contains("outside the folder"),
        "{stderr}"
    );
    assert!(stdout.contains("Read 6 entries"), "{stdout}");
    let all = entries(&j);
    assert!(
        !serde_json::to_string(&all).unwrap().contains("keep me out"),
        "{all:#?}"
    );
    // A folder holding only such a link: nothing to import, and it says why.
    let lone = j.path().join("lone");
    std::fs::create_dir(&lone).unwrap();
    std::os::unix::fs::symlink(&secret, lone.join("note.md")).unwrap();
    let err = j.fails(
        1,
        &["import", lone.to_str().unwrap(), "--format", "markdown"],
    );
    assert!(err.contains("outside the folder"), "{err}");
}

#[test]
fn a_markdown_folder_with_and_without_front_matter() {
    let j = Journal::new();
    let dir = markdown_copy(&j);
    let out = j.ok(&["import", dir.to_str().unwrap()]);
    assert!(
        out.contains("Read 5 entries") && out.contains("(Markdown, detected)"),
        "{out}"
    );
    let all = entries(&j);
    assert_eq!(all.len(), 5, "{all:#?}");
    // No front matter: the heading is the title, the date from the file name.
    check(
        by_title(&all, "Supervision prep"),
        "2024-04-01",
        "2024-04-01T00:00:00Z",
        &[],
        "Three things to bring:\n\n- the handover question\n- the panel outcome\n- how I am \
         sleeping",
    );
    // Front matter with a quoted title, a date and time, a [list] of tags; the heading that
    // repeats the title is not kept twice.
    check(
        by_title(&all, "Saying no, kindly"),
        "2024-04-03",
        "2024-04-03T18:20:00Z",
        &["boundaries", "self-care"],
        "I said no to the extra shift and explained why.",
    );
    // `- a` tags, a date with an offset, no title and no level-one heading: the file name.
    check(
        by_title(&all, "night-shift"),
        "2024-04-05",
        "2024-04-05T08:00:00Z",
        &["nights", "teamwork"],
        "## What happened\n\nA long night, shared well.",
    );
    check(
        by_title(&all, "Team meeting"),
        "2024-04-06",
        "2024-04-06T00:00:00Z",
        &["team", "night-shift"],
        "We agreed the new rota.",
    );
    // Nothing at all: the file name and the modified time.
    check(
        by_title(&all, "untitled"),
        "2024-04-07",
        "2024-04-07T12:00:00Z",
        &[],
        "Just a few lines, no heading and no front matter.",
    );
    // One Markdown file on its own.
    let k = Journal::new();
    let out = import(&k, &fixture("markdown/notes/team.md"), &[]);
    assert!(
        out.contains("Read 1 entry") && out.contains("(Markdown, detected)"),
        "{out}"
    );
}

#[test]
fn formats_are_detected_or_named_and_unknown_files_are_refused() {
    let j = Journal::new();
    let named = [
        ("jrnl/journal.txt", "jrnl", "jrnl plain-text journal"),
        ("jrnl/export.json", "jrnl-json", "jrnl JSON export"),
        (
            "tui-journal/entries.json",
            "tui-journal",
            "tui-journal JSON back-end file",
        ),
        (
            "tui-journal/export.json",
            "tui-journal-export",
            "tui-journal export file",
        ),
        ("markdown", "markdown", "Markdown"),
    ];
    for (rel, name, said) in named {
        let out = import(&j, &fixture(rel), &["--format", name, "--dry-run"]);
        assert!(out.contains(&format!("({said}):")), "{name}: {out}");
    }
    // A praxis export is still detected as praxis.
    let export = j.path().join("praxis.json");
    import(&j, &fixture("jrnl/export.json"), &[]);
    j.ok(&["export", "--all", "-o", export.to_str().unwrap()]);
    let k = Journal::new();
    let out = import(&k, &export, &[]);
    assert!(
        out.contains("(praxis JSON, detected)") && out.contains("3 added"),
        "{out}"
    );
    // The wrong --format fails cleanly, naming the file.
    let err = j.fails(
        1,
        &[
            "import",
            fixture("jrnl/journal.txt").to_str().unwrap(),
            "--format",
            "jrnl-json",
        ],
    );
    assert!(
        err.contains("journal.txt: 1:")
            && err.contains("looks like a jrnl plain-text journal: try --format jrnl"),
        "{err}"
    );
    let err = j.fails(
        1,
        &[
            "import",
            fixture("markdown").to_str().unwrap(),
            "--format",
            "jrnl",
        ],
    );
    assert!(
        err.contains("only --format markdown reads a folder"),
        "{err}"
    );
    // Unknown shapes: what was seen, and the choices.
    let cases: [(&str, &str, &str); 4] = [
        (
            "notes.txt",
            "Dear diary,\nnothing today.\n",
            "its first line 'Dear diary,'",
        ),
        (
            "other.json",
            "{\"items\": [], \"owner\": \"me\"}",
            "keys items, owner",
        ),
        ("numbers.json", "[1, 2, 3]", "JSON array"),
        ("empty.txt", "\n\n", "the file is empty"),
    ];
    for (name, text, seen) in cases {
        let f = j.path().join(name);
        std::fs::write(&f, text).unwrap();
        let err = j.fails(1, &["import", f.to_str().unwrap()]);
        assert!(err.contains(name) && err.contains(seen), "{name}: {err}");
        assert!(
            err.contains(
                "--format with one of: praxis, jrnl, jrnl-json, jrnl-md, tui-journal, tui-journal-export, markdown"
            ),
            "{name}: {err}"
        );
    }
    let err = j.fails(
        2,
        &[
            "import",
            fixture("jrnl/journal.txt").to_str().unwrap(),
            "--format",
            "dayone",
        ],
    );
    assert!(err.contains("tui-journal-export"), "{err}");
}

#[test]
fn a_custom_jrnl_time_format() {
    let j = Journal::new();
    let f = j.path().join("old.txt");
    std::fs::write(
        &f,
        "[05/03/2024 14h30] Old style. With @curiosity\n\n[06/03/2024 09h05] Next *\n",
    )
    .unwrap();
    let err = j.fails(1, &["import", f.to_str().unwrap(), "--format", "jrnl"]);
    assert!(
        err.contains("old.txt: 1:1") && err.contains("--time-format"),
        "{err}"
    );
    let out = import(&j, &f, &["--time-format", "%d/%m/%Y %Hh%M"]);
    assert!(out.contains("(jrnl plain-text journal, detected)"), "{out}");
    let all = entries(&j);
    check(
        by_title(&all, "Old style. With @curiosity"),
        "2024-03-05",
        "2024-03-05T14:30:00Z",
        &["curiosity"],
        "",
    );
    check(
        by_title(&all, "Next"),
        "2024-03-06",
        "2024-03-06T09:05:00Z",
        &["starred"],
        "",
    );
}

#[test]
fn importing_twice_adds_nothing_and_a_dry_run_writes_nothing() {
    let j = Journal::new();
    let md = markdown_copy(&j);
    let sources = [
        (fixture("jrnl/journal.txt"), 4),
        (fixture("jrnl/export.json"), 3),
        (fixture("tui-journal/entries.json"), 3),
        (fixture("tui-journal/export.json"), 2),
        (md, 5),
    ];
    for (path, n) in sources {
        let k = Journal::new();
        let out = import(&k, &path, &["--dry-run"]);
        assert!(
            out.contains("Dry run, nothing written") && out.contains(&format!("{n} added")),
            "{}: {out}",
            path.display()
        );
        assert!(entries(&k).is_empty(), "{}", path.display());
        import(&k, &path, &[]);
        let first = k.json(&["export", "--all"]);
        let out = import(&k, &path, &[]);
        assert!(
            out.contains(&format!("0 added, {n} skipped (already here), 0 merged")),
            "{}: {out}",
            path.display()
        );
        assert_eq!(k.json(&["export", "--all"]), first, "{}", path.display());
    }
}

#[test]
fn broken_files_are_refused_with_where_and_why_and_nothing_is_written() {
    let j = Journal::new();
    let dir = j.path().join("broken");
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let read = |rel: &str| std::fs::read(fixture(rel)).unwrap();
    let half = |b: Vec<u8>| b[..b.len() / 2].to_vec();
    let jrnl_json = String::from_utf8(read("jrnl/export.json")).unwrap();
    let tj = String::from_utf8(read("tui-journal/export.json")).unwrap();
    let bad_md = j.path().join("broken-md");
    std::fs::create_dir_all(bad_md.join("a")).unwrap();
    std::fs::write(bad_md.join("a/fine.md"), "# Fine\n").unwrap();
    std::fs::write(bad_md.join("b.md"), b"# Latin-1\n\ncaf\xe9\n").unwrap();
    let cases: Vec<(PathBuf, PathBuf, &str)> = vec![
        (
            fixture("broken/bad-date.txt"),
            fixture("broken/bad-date.txt"),
            "4:2: '[2024-02-30 10:00]' is not a valid date and time",
        ),
        {
            let p = write("truncated-jrnl.json", &half(read("jrnl/export.json")));
            (p.clone(), p, "ends too early")
        },
        {
            let p = write("truncated-tj.json", &half(read("tui-journal/entries.json")));
            (p.clone(), p, "ends too early")
        },
        {
            let p = write(
                "truncated-tj-export.json",
                &half(read("tui-journal/export.json")),
            );
            (p.clone(), p, "ends too early")
        },
        {
            let p = write(
                "bad-date-jrnl.json",
                jrnl_json
                    .replacen("\"2024-02-01\"", "\"2024-02-31\"", 1)
                    .as_bytes(),
            );
            (p.clone(), p, "entry 2 (\"Home visit\"): date '2024-02-31'")
        },
        {
            let p = write(
                "bad-date-tj.json",
                tj.replacen("2024-03-10T12:00:00Z", "yesterday", 1)
                    .as_bytes(),
            );
            (
                p.clone(),
                p,
                "entry 2 (\"Supervision booked\"): date 'yesterday'",
            )
        },
        {
            let mut b = read("jrnl/journal.txt");
            b.extend_from_slice(b"\n[2024-01-12 09:00] Caf\xe9\n");
            let p = write("latin1.txt", &b);
            (p.clone(), p, "15:23: this is not UTF-8")
        },
        (
            fixture("broken/bad-front-matter"),
            fixture("broken/bad-front-matter/note.md"),
            "3:7: date '2024-13-01' is not a date",
        ),
        (
            bad_md.clone(),
            bad_md.join("b.md"),
            "3:4: this is not UTF-8",
        ),
        {
            let p = write("unclosed/note.md", b"---\ntitle: x\n\nBody\n");
            (
                p.parent().unwrap().to_path_buf(),
                p,
                "1:1: the front matter",
            )
        },
    ];
    for (arg, named, expect) in cases {
        let err = j.fails(1, &["import", arg.to_str().unwrap()]);
        assert!(
            err.contains(named.to_str().unwrap()),
            "{}: {err}",
            arg.display()
        );
        assert!(
            err.contains(expect),
            "{}: expected {expect:?} in {err}",
            arg.display()
        );
        assert!(
            entries(&j).is_empty(),
            "{}: nothing may be written",
            arg.display()
        );
    }
}

/// The generated corpus in each tool's real format, when python3 is there.
#[test]
fn a_generated_corpus_in_every_format() {
    let j = Journal::new();
    let out = j.path().join("corpus");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gen_corpus.py");
    let ran = std::process::Command::new("python3")
        .arg(&script)
        .args(["-n", "30", "--seed", "7", "--out", out.to_str().unwrap()])
        .output();
    match ran {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            eprintln!(
                "skipped: gen_corpus.py failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped: python3 is not available ({e})");
            return;
        }
    }
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let n = manifest["n"].as_u64().unwrap() as usize;
    for (first, second, said) in [
        (
            "journal.txt",
            "jrnl-export.json",
            ["jrnl plain-text journal", "jrnl JSON export"],
        ),
        (
            "tj-entries.json",
            "tj-import.json",
            ["tui-journal JSON back-end file", "tui-journal export file"],
        ),
    ] {
        let k = Journal::new();
        let o = import(&k, &out.join(first), &[]);
        assert!(
            o.contains(&format!("({}, detected): {n} added", said[0])),
            "{first}: {o}"
        );
        // The other file of the same tool holds the same entries: nothing new.
        let o = import(&k, &out.join(second), &[]);
        assert!(
            o.contains(&format!("({}, detected): 0 added, {n} skipped", said[1])),
            "{second}: {o}"
        );
        let all = entries(&k);
        assert_eq!(all.len(), n);
        for (tag, count) in manifest["tag_counts"].as_object().unwrap() {
            let with = all
                .iter()
                .filter(|e| tags(e).contains(&tag.as_str()))
                .count();
            assert_eq!(with as u64, count.as_u64().unwrap(), "{first}: @{tag}");
        }
        // Oldest first in the export: the manifest's oldest and newest.
        let oldest = &all[0];
        let newest = &all[n - 1];
        assert_eq!(oldest["title"], manifest["oldest_title"], "{first}");
        assert_eq!(oldest["created_at"], manifest["oldest"], "{first}");
        assert_eq!(newest["title"], manifest["newest_title"], "{first}");
        assert_eq!(newest["created_at"], manifest["newest"], "{first}");
        let word = manifest["search_word"].as_str().unwrap();
        let hits = all
            .iter()
            .filter(|e| e["body"].as_str().unwrap().to_lowercase().contains(word))
            .count();
        assert_eq!(
            hits as u64,
            manifest["search_word_entries"].as_u64().unwrap()
        );
        assert!(
            all.iter()
                .all(|e| e["scope"] == "private" && e["kind"] == "reflection")
        );
    }
}

/// A journal written for jrnl 4.6 (timeformat `%F %r`) and what jrnl itself made of it:
/// `export.json` and `export.md` are `jrnl --export json` and `jrnl --export md`.
fn real(name: &str) -> PathBuf {
    fixture(&format!("jrnl/real/{name}"))
}

fn stderr_of(j: &Journal, args: &[&str]) -> (String, String) {
    let out = j.cmd(args).output().unwrap();
    assert!(
        out.status.success(),
        "praxis {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_text_file_is_read_as_jrnl_reads_it() {
    let j = Journal::new();
    import(&j, &real("journal.txt"), &[]);
    let all = entries(&j);
    let jrnl: Value =
        serde_json::from_str(&std::fs::read_to_string(real("export.json")).unwrap()).unwrap();
    let theirs = jrnl["entries"].as_array().unwrap();
    assert_eq!(all.len(), theirs.len());
    for t in theirs {
        // Titles and bodies as jrnl split them: the first line is the title, even with
        // several sentences in it.
        let e = by_title(&all, t["title"].as_str().unwrap());
        assert_eq!(e["body"], t["body"], "{e:#}");
        let at = e["created_at"].as_str().unwrap();
        let minute = format!(
            "{}T{}",
            t["date"].as_str().unwrap(),
            t["time"].as_str().unwrap()
        );
        assert!(at.starts_with(&minute), "{at} vs {minute}");
        let mut want: Vec<String> = t["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().trim_start_matches('@').to_string())
            .collect();
        if t["starred"] == true {
            want.push("starred".into());
        }
        want.sort();
        let mut got: Vec<String> = tags(e).iter().map(|s| (*s).to_string()).collect();
        got.sort();
        assert_eq!(got, want, "{e:#}");
    }
    // The text file keeps the seconds jrnl wrote.
    assert_eq!(
        by_title(&all, "Night shift with R. Handover was calm. @Teamwork")["created_at"],
        "2024-01-08T09:15:37Z"
    );
}

#[test]
fn the_text_file_and_its_json_and_markdown_exports_add_each_entry_once() {
    let files = ["journal.txt", "export.json", "export.md"];
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let j = Journal::new();
        for (step, i) in order.iter().enumerate() {
            let out = import(&j, &real(files[*i]), &[]);
            let added = if step == 0 { "6 added" } else { "0 added" };
            assert!(out.contains(added), "{order:?}, {}: {out}", files[*i]);
        }
        let all = entries(&j);
        assert_eq!(all.len(), 6, "{order:?}: {all:#?}");
        // jrnl's Markdown does not say which entries are starred; the other files
        // complete what it left out.
        assert_eq!(tags(by_title(&all, "Panel day")), ["starred"], "{order:?}");
    }
}

#[test]
fn jrnls_markdown_export_is_detected_and_read() {
    let j = Journal::new();
    let out = import(&j, &real("export.md"), &[]);
    assert!(
        out.contains("Read 6 entries") && out.contains("(jrnl Markdown export, detected)"),
        "{out}"
    );
    let all = entries(&j);
    check(
        by_title(&all, "Night shift with R. Handover was calm. @Teamwork"),
        "2024-01-08",
        "2024-01-08T09:15:37Z",
        &["teamwork", "supervision", "self-care"],
        "Mum rang twice before nine; we agreed a plan in plain language.\n\n@supervision \
         @self-care",
    );
    // Headings come back down the three levels jrnl raised them; underlined ones stay
    // as the `#` headings jrnl made of them.
    check(
        by_title(&all, "Emoji entry 🌱 hope grows. Then more."),
        "2024-01-11",
        "2024-01-11T08:00:00Z",
        &[],
        "# Plan for the week\n\n- ask about respite\n\n## Follow-up\n# Actions\ncall the GP",
    );
    check(
        by_title(&all, "Questions for supervision? Several. @boundaries"),
        "2025-02-13",
        "2025-02-13T11:11:11Z",
        &["boundaries"],
        "",
    );
    // Named, too; and under another name than .md.
    let other = j.path().join("journal-export.txt");
    std::fs::copy(real("export.md"), &other).unwrap();
    let k = Journal::new();
    let out = import(&k, &other, &[]);
    assert!(
        out.contains("(jrnl Markdown export, detected): 6 added"),
        "{out}"
    );
    let out = import(&k, &real("export.md"), &["--format", "jrnl-md"]);
    assert!(out.contains("(jrnl Markdown export): 0 added"), "{out}");
}

#[test]
fn praxis_markdown_export_is_refused_as_no_import_format() {
    let j = Journal::new();
    import(&j, &real("journal.txt"), &[]);
    let md = j.path().join("everything.md");
    j.ok(&["export", "--all", "-f", "md", "-o", md.to_str().unwrap()]);
    for extra in [&[][..], &["--format", "markdown"], &["--format", "jrnl"]] {
        let mut args = vec!["import", md.to_str().unwrap()];
        args.extend_from_slice(extra);
        let err = j.fails(1, &args);
        assert!(
            err.contains("praxis Markdown export")
                && err.contains("not an import format")
                && err.contains("praxis export --all -o journal.json"),
            "{extra:?}: {err}"
        );
    }
    assert_eq!(entries(&j).len(), 6);
}

#[test]
fn entries_imported_by_earlier_versions_are_not_added_again() {
    // A journal as earlier versions left it: the text file's entries under ids hashed
    // from a title cut at the first sentence (to the second), the JSON export's from
    // jrnl's title (to the minute).
    let j = Journal::new();
    import(&j, &real("journal.txt"), &[]);
    let file = j.path().join("old.json");
    j.ok(&["export", "--all", "-o", file.to_str().unwrap()]);
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let id = |parts: &[&str]| praxis::transfer::content_id("jrnl", parts).to_string();
    for e in doc["entries"].as_array_mut().unwrap() {
        let title = e["title"].as_str().unwrap().to_string();
        let body = e["body"].as_str().unwrap().to_string();
        match title.as_str() {
            "Night shift with R. Handover was calm. @Teamwork" => {
                e["title"] = "Night shift with R.".into();
                e["body"] = format!("Handover was calm. @Teamwork\n{body}").into();
                e["id"] = id(&[
                    "2024-01-08T09:15:37Z",
                    "Night shift with R.",
                    e["body"].as_str().unwrap(),
                ])
                .into();
            }
            "Panel day" => {
                e["id"] = id(&["2024-01-09T14:30:00Z", &title, &body]).into();
            }
            // Imported from the text file (where a leading star was a star), then changed
            // in praxis since.
            "*Quiet night" => {
                e["id"] = id(&["2024-01-10T19:45:00Z", "Quiet night", &body]).into();
                e["title"] = "Quiet night, rewritten".into();
                e["updated_at"] = "2025-06-01T10:00:00Z".into();
            }
            _ => {}
        }
    }
    let old: Vec<Value> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            ["Night shift with R.", "Panel day", "Quiet night, rewritten"]
                .contains(&e["title"].as_str().unwrap())
        })
        .cloned()
        .collect();
    doc["entries"] = Value::Array(old);
    std::fs::write(&file, doc.to_string()).unwrap();
    let k = Journal::new();
    assert!(import(&k, &file, &[]).contains("3 added"));
    for f in ["journal.txt", "export.json", "export.md"] {
        let out = import(&k, &real(f), &[]);
        assert!(
            !out.contains("6 added") && !out.contains(" 4 added"),
            "{f}: {out}"
        );
    }
    let all = entries(&k);
    assert_eq!(all.len(), 6, "{all:#?}");
    // What earlier versions saved is kept as it was: titles, and the change.
    by_title(&all, "Night shift with R.");
    by_title(&all, "Quiet night, rewritten");
}

/// `journal.txt` cut at `at` bytes, into `dir`.
fn cut(dir: &Path, name: &str, at: usize) -> PathBuf {
    let bytes = std::fs::read(real("journal.txt")).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, &bytes[..at]).unwrap();
    p
}

#[test]
fn a_jrnl_file_cut_short_says_so_and_the_whole_file_completes_it() {
    let text = std::fs::read_to_string(real("journal.txt")).unwrap();
    let whole_body = "Plan for the week\n=================\n\n- ask about respite\n\nFollow-up\n\
                      ---------\n# Actions\ncall the GP";
    let inside_a_line = text.find("ask about").unwrap() + 5;
    let after_a_line = text.find("Plan for the week\n").unwrap() + "Plan for the week\n".len();
    let inside_a_character = text.find('🌱').unwrap() + 2;
    let inside_a_date = text.find("[2024-01-12 10:0").unwrap() + 16;
    for (name, at, warning, then) in [
        (
            "inside-a-line",
            inside_a_line,
            Some("the last entry may be cut short"),
            "2 added, 3 skipped (already here), 0 merged (newer in the file), 1 completed",
        ),
        // A cut after a line end cannot be told from a whole file: still completed.
        (
            "after-a-line",
            after_a_line,
            None,
            "2 added, 3 skipped (already here), 0 merged (newer in the file), 1 completed",
        ),
        (
            "inside-a-character",
            inside_a_character,
            Some("the last entry may be cut short"),
            "2 added, 3 skipped (already here), 0 merged (newer in the file), 1 completed",
        ),
        (
            "inside-a-date",
            inside_a_date,
            Some("in the middle of an entry's first line ('[2024-01-12 10:0'"),
            "2 added, 4 skipped (already here), 0 merged (newer in the file).",
        ),
    ] {
        let j = Journal::new();
        let f = cut(j.path(), &format!("{name}.txt"), at);
        let (out, err) = stderr_of(&j, &["import", f.to_str().unwrap()]);
        assert!(out.contains(" added"), "{name}: {out}");
        match warning {
            Some(w) => assert!(err.contains(w), "{name}: {err}"),
            None => assert!(err.is_empty(), "{name}: {err}"),
        }
        let out = import(&j, &real("journal.txt"), &[]);
        assert!(out.contains(then), "{name}: {out}");
        let all = entries(&j);
        assert_eq!(all.len(), 6, "{name}: {all:#?}");
        assert_eq!(
            by_title(&all, "Emoji entry 🌱 hope grows. Then more.")["body"],
            whole_body,
            "{name}"
        );
        // A cut copy after the whole one adds nothing and takes nothing away.
        let out = import(&j, &f, &[]);
        assert!(
            out.contains("0 added") && !out.contains("completed"),
            "{name}: {out}"
        );
        assert_eq!(
            by_title(&entries(&j), "Emoji entry 🌱 hope grows. Then more.")["body"],
            whole_body,
            "{name}"
        );
    }
}

/// jrnl writes the wall-clock time where it runs, with no zone, in its text file and its
/// JSON export alike (these two were written by jrnl in London, one in winter and one in
/// summer, and exported in Tokyo: the times are as written). Read where the writer is,
/// 09:00 in July is 08:00 UTC and 09:00 in January is 09:00 UTC; both files are one
/// journal, each entry once.
#[test]
fn jrnl_times_are_the_local_wall_clock_as_jrnl_writes_them() {
    let london = "GMT0BST,M3.5.0/1,M10.5.0";
    let j = Journal::new();
    for file in ["jrnl/zones/london.txt", "jrnl/zones/london.json"] {
        let path = fixture(file);
        let out = j
            .cmd(&["import", path.to_str().unwrap()])
            .env("TZ", london)
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}: {out:?}");
    }
    let all = entries(&j);
    assert_eq!(all.len(), 2, "{all:#?}");
    let summer = by_title(&all, "Summer visit written in London.");
    assert_eq!(summer["occurred_on"], "2026-07-01");
    assert_eq!(summer["created_at"], "2026-07-01T08:00:00Z");
    let winter = by_title(&all, "Winter visit written in London.");
    assert_eq!(winter["occurred_on"], "2026-01-15");
    assert_eq!(winter["created_at"], "2026-01-15T09:00:00Z");

    // Where local time is UTC, the wall clock is UTC.
    let k = Journal::new();
    import(&k, &fixture("jrnl/zones/london.txt"), &[]);
    let all = entries(&k);
    assert_eq!(
        by_title(&all, "Summer visit written in London.")["created_at"],
        "2026-07-01T09:00:00Z"
    );
}
