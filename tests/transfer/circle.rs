//! Circles through a shared folder: three members in three journals, each with their own
//! copy of the folder, carried between them the way a sync tool would (files arriving
//! out of order, one cut off mid-copy), and what each of them can trust.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::common::Journal;

/// One member: a journal of their own and their own copy of the shared folder.
struct Member {
    journal: Journal,
    name: &'static str,
}

impl Member {
    fn new(name: &'static str) -> Member {
        Member {
            journal: Journal::new(),
            name,
        }
    }

    fn folder(&self) -> PathBuf {
        self.journal.path().join("Sync").join("circle")
    }

    /// `praxis ARGS` at a time of the day of the fixed test clock, so that what is new
    /// since a look can be told apart.
    fn at(&self, hour: u32, args: &[&str]) -> std::process::Output {
        let mut c = self.journal.cmd(args);
        c.env("PRAXIS_NOW", format!("2026-03-18T{hour:02}:00:00+00:00"));
        c.output().unwrap()
    }

    fn ok(&self, hour: u32, args: &[&str]) -> String {
        let out = self.at(hour, args);
        assert!(
            out.status.success(),
            "{}: praxis {args:?} failed\nstdout: {}\nstderr: {}",
            self.name,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, hour: u32, args: &[&str]) -> String {
        let out = self.at(hour, args);
        assert!(
            !out.status.success(),
            "{}: praxis {args:?} should have failed\nstdout: {}",
            self.name,
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// Contributes and returns the short id it printed ("Written as ID, signed…").
    fn contribute(&self, hour: u32, args: &[&str]) -> String {
        let mut full = vec!["circle", "contribute", "--yes"];
        full.extend_from_slice(args);
        written_id(&self.ok(hour, &full))
    }
}

fn written_id(out: &str) -> String {
    let line = out
        .lines()
        .find(|l| l.starts_with("Written as "))
        .unwrap_or_else(|| panic!("no 'Written as' in {out}"));
    line["Written as ".len()..]
        .split([',', '.'])
        .next()
        .unwrap()
        .trim()
        .to_string()
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// What a sync tool does: copies every file `from` has and `to` lacks (or holds
/// differently). Deletions are not carried: the harder case for tombstones.
fn sync(from: &Member, to: &Member) {
    for rel in files(&from.folder()) {
        let (src, dst) = (from.folder().join(&rel), to.folder().join(&rel));
        let bytes = std::fs::read(&src).unwrap();
        if std::fs::read(&dst).ok().as_deref() != Some(&bytes[..]) {
            std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
            std::fs::write(&dst, bytes).unwrap();
        }
    }
}

/// Copies one contribution file, whole or only its first `keep` bytes (a sync cut off).
fn carry(from: &Member, to: &Member, short: &str, keep: Option<usize>) -> PathBuf {
    let rel = files(&from.folder())
        .into_iter()
        .find(|p| p.to_string_lossy().contains(short))
        .unwrap_or_else(|| panic!("{short} not in {}'s folder", from.name));
    let bytes = std::fs::read(from.folder().join(&rel)).unwrap();
    let dst = to.folder().join(&rel);
    std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
    std::fs::write(&dst, &bytes[..keep.unwrap_or(bytes.len()).min(bytes.len())]).unwrap();
    dst
}

/// Three members of one circle, every card carried to everyone.
fn circle(encrypt: bool) -> (Member, Member, Member) {
    let (a, b, c) = (
        Member::new("river"),
        Member::new("heron"),
        Member::new("kestrel"),
    );
    let folder = a.folder();
    let mut args = vec![
        "circle",
        "create",
        folder.to_str().unwrap(),
        "--name",
        "Tuesday practice group",
        "--purpose",
        "Peer reflection for the night team",
        "--as",
        "river",
    ];
    if encrypt {
        args.push("--encrypt");
    }
    a.ok(8, &args);
    let mut prints = Vec::new();
    for m in [&b, &c] {
        sync(&a, m);
        let out = m.ok(
            8,
            &[
                "circle",
                "join",
                m.folder().to_str().unwrap(),
                "--as",
                m.name,
            ],
        );
        prints.push(fingerprint(&out));
    }
    sync(&b, &a);
    sync(&c, &a);
    // River, who made the circle, has compared fingerprints with each and welcomes them.
    for fp in &prints {
        a.ok(8, &["circle", "welcome", fp]);
    }
    sync(&a, &b);
    sync(&a, &c);
    (a, b, c)
}

/// The fingerprint `praxis circle join` printed.
fn fingerprint(out: &str) -> String {
    let at = out.find("fingerprint: ").unwrap_or_else(|| panic!("{out}")) + 13;
    out[at..at + 19].to_string()
}

#[test]
fn three_members_read_each_other_verified_through_copies_arriving_out_of_order() {
    let (a, b, c) = circle(true);
    let members = c.ok(9, &["circle", "show", "--members"]);
    for n in ["river", "heron", "kestrel", "(you)"] {
        assert!(members.contains(n), "{members}");
    }
    let q = a.contribute(9, &["--question", "How do you end a visit that runs over?"]);
    sync(&a, &b);
    let shown = b.ok(10, &["circle", "show"]);
    assert!(
        shown.contains("How do you end a visit that runs over?"),
        "{shown}"
    );
    assert!(shown.contains("river"), "{shown}");
    assert!(
        shown.contains("1 new since you last looked (river 1)"),
        "{shown}"
    );
    let again = b.ok(11, &["circle", "show"]);
    assert!(
        again.contains("Nothing new since you last looked"),
        "{again}"
    );

    let out = b.ok(
        11,
        &[
            "circle",
            "reply",
            &q,
            "I say the time it ends at the start.",
            "--yes",
        ],
    );
    let reply = written_id(&out);
    b.ok(11, &["circle", "thank", &q]);
    // Thanking twice writes one thanks (it once showed "thanked by heron, heron").
    let twice = b.ok(11, &["circle", "thank", &q]);
    assert!(twice.contains("already"), "{twice}");
    let thanked = b.ok(11, &["circle", "show"]);
    assert!(
        thanked.contains("thanked by heron") && !thanked.contains("heron, heron"),
        "{thanked}"
    );

    // Kestrel's sync brings heron's reply before the question it answers.
    sync(&b, &c);
    std::fs::remove_file(
        files(&c.folder())
            .into_iter()
            .map(|p| c.folder().join(p))
            .find(|p| p.to_string_lossy().contains(&q))
            .unwrap(),
    )
    .unwrap();
    let early = c.ok(12, &["circle", "show"]);
    assert!(
        !early.contains("I say the time"),
        "a reply alone is not in the stream: {early}"
    );
    sync(&a, &c);
    let threaded = c.ok(13, &["circle", "show"]);
    assert!(threaded.contains("How do you end a visit"), "{threaded}");
    assert!(
        threaded.contains(&format!("↳ {reply} heron: I say the time")),
        "{threaded}"
    );
    assert!(threaded.contains("thanked by heron"), "{threaded}");

    // A second question reaches kestrel cut off mid-copy: shown as damaged, not trusted,
    // and read again once the whole file arrives.
    let q2 = a.contribute(
        14,
        &["--learning", "Naming the time early keeps endings calm."],
    );
    carry(&a, &c, &q2, Some(100));
    let cut = c.ok(15, &["circle", "show"]);
    assert!(cut.contains("incomplete or damaged"), "{cut}");
    assert!(!cut.contains("Naming the time early"), "{cut}");
    carry(&a, &c, &q2, None);
    let whole = c.ok(16, &["circle", "show"]);
    assert!(
        whole.contains("Naming the time early keeps endings calm."),
        "{whole}"
    );
    assert!(!whole.contains("incomplete or damaged"), "{whole}");

    // Kestrel brings the question to their own supervision.
    let id = c.ok(16, &["circle", "bring", &q]).trim().to_string();
    let entry = c.journal.entry_json(&id);
    assert_eq!(entry["for_supervision"], true, "{entry}");
    let shown = c.journal.ok(&["show", &id]);
    assert!(
        shown.contains("How do you end a visit that runs over?"),
        "{shown}"
    );
    assert!(shown.contains("circle:"), "{shown}");
}

#[test]
fn an_encrypted_circle_holds_none_of_a_planted_phrase() {
    const PHRASE: &str = "lantern-orchard-quietly";
    for encrypt in [true, false] {
        let (a, b, _c) = circle(encrypt);
        a.contribute(9, &["--learning", &format!("The phrase is {PHRASE}.")]);
        let mut found = false;
        for rel in files(&a.folder()) {
            let bytes = std::fs::read(a.folder().join(rel)).unwrap();
            found |= bytes.windows(PHRASE.len()).any(|w| w == PHRASE.as_bytes());
        }
        // The unencrypted circle is the control: the phrase is there to be found.
        assert_eq!(found, !encrypt, "encrypt={encrypt}");
        sync(&a, &b);
        let shown = b.ok(10, &["circle", "show"]);
        assert!(shown.contains(PHRASE), "{shown}");
        // The keys stay private and out of the shared folder.
        for rel in files(&a.folder()) {
            assert!(
                !rel.to_string_lossy().contains("identity"),
                "{}",
                rel.display()
            );
        }
    }
}

#[test]
fn a_tampered_or_foreign_file_is_shown_flagged_and_never_trusted() {
    let (a, b, _c) = circle(false);
    let q = a.contribute(9, &["--question", "Who covers the handover on Fridays?"]);
    sync(&a, &b);
    let path = files(&b.folder())
        .into_iter()
        .map(|p| b.folder().join(p))
        .find(|p| p.to_string_lossy().contains(&q))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Fridays", "Mondays")).unwrap();
    let shown = b.ok(10, &["circle", "show"]);
    assert!(shown.contains("signature does not verify"), "{shown}");
    assert!(
        !shown.contains("Mondays") && !shown.contains("Fridays"),
        "{shown}"
    );
    // Nothing can be replied to or brought from a file that is not trusted.
    b.fails(10, &["circle", "reply", &q, "Me", "--yes"]);

    // The file copied, whole, into another member's folder: misplaced.
    std::fs::write(&path, &text).unwrap();
    let heron_dir = b.folder().join("members").join(
        std::fs::read_dir(b.folder().join("members"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .find(|n| !path.to_string_lossy().contains(n.to_str().unwrap()))
            .unwrap(),
    );
    std::fs::write(heron_dir.join(path.file_name().unwrap()), &text).unwrap();
    // And a file in the folder of someone who never joined.
    let stranger = b.folder().join("members/0011223344556677");
    std::fs::create_dir_all(&stranger).unwrap();
    let river = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    std::fs::write(
        stranger.join(path.file_name().unwrap()),
        text.replace(river, "0011223344556677"),
    )
    .unwrap();
    std::fs::write(
        stranger.join("20260318T100000000Z-0000000000.json"),
        "{ not json",
    )
    .unwrap();
    let shown = b.ok(11, &["circle", "show"]);
    assert_eq!(
        shown.matches("Who covers the handover on Fridays?").count(),
        1,
        "{shown}"
    );
    assert!(shown.contains("another member's folder"), "{shown}");
    assert!(shown.contains("signed by no member"), "{shown}");
    assert!(shown.contains("incomplete or damaged"), "{shown}");
}

#[test]
fn what_leaves_is_redacted_shown_first_and_only_from_shareable_entries() {
    let (a, b, _c) = circle(false);
    let private = a
        .journal
        .add(&["Sarah Jones rang from 07700 900123 about the move."]);
    let err = a.fails(9, &["circle", "contribute", "--excerpt", &private, "--yes"]);
    assert!(err.contains("shareable"), "{err}");
    let id = a.journal.add(&[
        "--scope",
        "shareable",
        "--title",
        "A call about the move",
        "Sarah Jones rang from 07700 900123 on 14 March 2026 about the move.\n\n\
         I listened first and asked what mattered to her.\n\n\
         Next time I will name the time we have at the start.",
    ]);
    // Without a terminal or --yes, it is shown and nothing is written.
    let before = files(&a.folder());
    let out = a.at(9, &["circle", "contribute", "--excerpt", &id]);
    assert!(!out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("[PERSON-1]"), "{shown}");
    assert!(!shown.contains("Sarah"), "{shown}");
    assert_eq!(files(&a.folder()), before);
    let out = a.ok(
        9,
        &[
            "circle",
            "contribute",
            "--excerpt",
            &format!("{id}:body=1"),
            "--yes",
        ],
    );
    assert!(out.contains("Replaced before sharing"), "{out}");
    for rel in files(&a.folder()) {
        let text = std::fs::read_to_string(a.folder().join(&rel)).unwrap();
        for leak in ["Sarah", "Jones", "07700", "14 March"] {
            assert!(!text.contains(leak), "{leak} in {}", rel.display());
        }
    }
    sync(&a, &b);
    let read = b.ok(10, &["circle", "show"]);
    assert!(read.contains("[PERSON-1] rang from [PHONE-1]"), "{read}");
    assert!(read.contains("March 2026"), "{read}");
    let q = a.contribute(
        11,
        &["--question", "Has anyone worked with Dr Okonkwo-Hale?"],
    );
    sync(&a, &b);
    let read = b.ok(12, &["circle", "show", &q]);
    assert!(!read.contains("Okonkwo"), "{read}");
}

#[test]
fn a_removed_contribution_is_hidden_everywhere_even_where_its_file_survives() {
    let (a, b, c) = circle(true);
    let q = a.contribute(9, &["--question", "Anyone else find Mondays heavy?"]);
    sync(&a, &b);
    assert!(b.ok(10, &["circle", "show"]).contains("Mondays heavy"));
    let err = b.fails(10, &["circle", "remove", &q]);
    assert!(err.contains("only your own"), "{err}");
    a.ok(11, &["circle", "remove", &q]);
    assert!(!a.ok(11, &["circle", "show"]).contains("Mondays heavy"));
    // The sync carries the tombstone but not the deletion: heron's copy of the file stays.
    sync(&a, &b);
    assert!(
        files(&b.folder())
            .iter()
            .any(|p| p.to_string_lossy().contains(&q))
    );
    let shown = b.ok(12, &["circle", "show"]);
    assert!(!shown.contains("Mondays heavy"), "{shown}");
    b.fails(12, &["circle", "show", &q]);
    // Kestrel leaves: their card says so, and their machine forgets the circle.
    c.ok(13, &["circle", "leave", "--yes"]);
    assert!(c.ok(13, &["circle", "list"]).contains("no circle"));
    sync(&c, &a);
    let members = a.ok(14, &["circle", "show", "--members"]);
    assert!(
        members.contains("kestrel") && members.contains("left"),
        "{members}"
    );
}

/// A circle of two made through the library at fixed times: a question from river, with
/// heron's reply and thanks, heron's learning note, and a damaged file from a stranger.
/// River's pane over it, with river's journal (a shareable reflection and a private one).
fn river_pane() -> (tempfile::TempDir, praxis::tui::circle::CirclePane) {
    use chrono::TimeZone as _;
    use praxis::circle::{Body, Circle};
    use praxis::model::{Entry, EntryKind, Scope};
    let at = |h: u32, m: u32| chrono::Utc.with_ymd_and_hms(2026, 3, 18, h, m, 0).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let shared = tmp.path().join("shared");
    let (la, lb) = (tmp.path().join("a"), tmp.path().join("b"));
    let name = "Tuesday practice group";
    Circle::create(
        &shared,
        &la,
        name,
        "Peer reflection",
        true,
        "river",
        at(8, 0),
    )
    .unwrap();
    let b = Circle::join(&shared, &lb, "heron", at(8, 5)).unwrap();
    let open = |local: &Path, m: &praxis::circle::Membership| Circle::open(m, local).unwrap();
    let mut a = open(&la, &praxis::circle::memberships(&la)[0]);
    a.welcome(&b.membership.member, at(8, 10)).unwrap();
    let q = a
        .contribute(
            Body::Question {
                text: "How do you end a visit that runs over?".into(),
            },
            at(9, 0),
        )
        .unwrap();
    let mut b = open(&lb, &b.membership);
    b.refresh(at(9, 30)).unwrap();
    b.contribute(
        Body::Reply {
            to: q.id.clone(),
            text: "I say the end time when I arrive.".into(),
        },
        at(10, 0),
    )
    .unwrap();
    b.contribute(Body::Thanks { to: q.id.clone() }, at(10, 1))
        .unwrap();
    b.contribute(
        Body::Learning {
            text: "Naming the end time early keeps endings calm.".into(),
        },
        at(11, 0),
    )
    .unwrap();
    let stranger = shared.join("members/0011223344556677");
    std::fs::create_dir_all(&stranger).unwrap();
    std::fs::write(
        stranger.join("20260318T120000000Z-00000000aa.age"),
        b"age-encr",
    )
    .unwrap();
    let mut store = praxis::store::Store::open(&tmp.path().join("journal.db")).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let mut e = Entry::new(EntryKind::Reflection, day, at(7, 0));
    // A fixed id: the list shows its start.
    e.id = uuid::Uuid::from_u128(0x1a2b_3c4d_0000_4000_8000_0000_0000_0001);
    e.title = "A call about the move".into();
    e.body = "Sarah Jones rang from 07700 900123 about the move.\n\n\
              I listened first and asked what mattered to her."
        .into();
    e.scope = Scope::Shareable;
    store.insert_entry(&e).unwrap();
    let mut p = Entry::new(EntryKind::Reflection, day, at(7, 30));
    p.title = "Kept to myself".into();
    p.body = "Not for the circle.".into();
    store.insert_entry(&p).unwrap();
    let mut a = open(&la, &praxis::circle::memberships(&la)[0]);
    let (_, sweep) = a.refresh_arrivals(at(12, 30)).unwrap();
    let pane = praxis::tui::circle::CirclePane::load(
        a,
        sweep,
        at(12, 30),
        50,
        praxis::tui::circle::keys::CircleKeymap::defaults(),
        praxis::tui::theme::Theme::monochrome(),
    )
    .unwrap()
    .with_journal(praxis::tui::circle::Journal {
        store,
        never_export: vec!["Larchfield".into()],
        allow: Vec::new(),
        catalog: praxis::config::catalog::Catalog::builtin(),
        clock: praxis::clock::Clock::fixed(
            chrono::DateTime::parse_from_rfc3339("2026-03-18T13:00:00+00:00").unwrap(),
        ),
    });
    (tmp, pane)
}

fn draw(pane: &praxis::tui::circle::CirclePane, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| pane.draw(f)).unwrap();
    t.backend().to_string()
}

fn pane_at(w: u16, h: u16, keys: &[praxis::tui::circle::keys::Action]) -> String {
    let (_tmp, mut pane) = river_pane();
    for k in keys {
        pane.act(*k);
    }
    draw(&pane, w, h)
}

/// Every file under `dir` holds none of `words` as a word of its own. Keys, signatures
/// and sealed text in the folder are random letters and figures, which hold "07700" or
/// "Sarah" now and then by chance: only an occurrence with no letter or figure either
/// side of it is written text.
fn holds_none(dir: &Path, words: &[&str]) {
    for rel in files(dir) {
        let bytes = std::fs::read(dir.join(&rel)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for w in words {
            let alone = text.match_indices(w).any(|(at, _)| {
                let head = &text[..at];
                // A line break or tab escaped in JSON ("\nSarah") is no letter before it.
                let escaped = [r"\n", r"\r", r"\t"].iter().any(|e| head.ends_with(e));
                let before = head.chars().next_back();
                let after = text[at + w.len()..].chars().next();
                (escaped || !before.is_some_and(char::is_alphanumeric))
                    && !after.is_some_and(char::is_alphanumeric)
            });
            assert!(!alone, "{w} in {}", rel.display());
        }
    }
}

#[test]
fn holds_none_sees_a_word_and_not_the_same_letters_inside_a_key() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("key.json"), r#"{"key":"q07700aXSarahb9"}"#).unwrap();
    holds_none(d.path(), &["Sarah", "07700"]);
    std::fs::write(
        d.path().join("post.json"),
        r#"{"text":"Sarah rang from 07700 900123"}"#,
    )
    .unwrap();
    let caught = std::panic::catch_unwind(|| holds_none(d.path(), &["07700"]));
    assert!(caught.is_err(), "a phone number written out is seen");
    std::fs::write(
        d.path().join("post.json"),
        r#"{"text":"Rang back.\nSarah was out."}"#,
    )
    .unwrap();
    let caught = std::panic::catch_unwind(|| holds_none(d.path(), &["Sarah"]));
    assert!(
        caught.is_err(),
        "a name after an escaped line break is seen"
    );
}

#[test]
fn from_the_pane_a_reply_is_shown_redacted_then_written_only_on_yes() {
    use praxis::tui::circle::keys::Action;
    let (tmp, mut pane) = river_pane();
    let shared = tmp.path().join("shared");
    // The question is the third post: the stranger's file, heron's note, then it.
    pane.act(Action::Down);
    pane.act(Action::Down);
    pane.act(Action::Reply);
    pane.type_text("At Larchfield I ask Sarah Jones what time suits.");
    let writing = draw(&pane, 80, 24);
    assert!(
        writing.contains("Reply to river's question “How do you end a visit"),
        "{writing}"
    );
    pane.act(Action::Done);
    let shown = draw(&pane, 80, 24);
    insta::assert_snapshot!("circle_reply_confirm_80x24", shown);
    assert!(
        shown.contains("This is what the circle will read"),
        "{shown}"
    );
    assert!(shown.contains("[PERSON-1]"), "{shown}");
    assert!(
        !shown.contains("Larchfield") && !shown.contains("Sarah"),
        "{shown}"
    );
    assert!(shown.contains("Replaced before sharing"), "{shown}");
    // No: nothing is written.
    let before = files(&shared);
    pane.act(Action::No);
    assert_eq!(files(&shared), before);
    assert!(draw(&pane, 80, 24).contains("Nothing was written."));
    // Again, and yes: written, redacted, and threaded under the question.
    pane.act(Action::Reply);
    pane.type_text("At Larchfield I ask Sarah Jones what time suits.");
    pane.act(Action::Done);
    pane.act(Action::Yes);
    assert_eq!(files(&shared).len(), before.len() + 1);
    holds_none(&shared, &["Larchfield", "Sarah"]);
    let stream = draw(&pane, 80, 24);
    assert!(stream.contains("Written as "), "{stream}");
    assert!(
        stream.contains("↳ river: At [PLACE-1] I ask [PERSON-1] what time suits.")
            || stream.contains("↳ river: At ["),
        "{stream}"
    );
}

#[test]
fn from_the_pane_thanks_go_to_others_and_a_contribution_is_brought_to_supervision() {
    use praxis::tui::circle::keys::Action;
    let (tmp, mut pane) = river_pane();
    // Heron's learning note (second), thanked.
    pane.act(Action::Down);
    pane.act(Action::Thank);
    let s = draw(&pane, 80, 24);
    assert!(s.contains("Thanked heron"), "{s}");
    assert!(s.contains("♥ river"), "{s}");
    // My own question cannot be thanked; a flagged file cannot be acted on.
    pane.act(Action::Down);
    pane.act(Action::Thank);
    assert!(draw(&pane, 80, 24).contains("That contribution is yours"));
    pane.act(Action::Top);
    pane.act(Action::Bring);
    assert!(draw(&pane, 80, 24).contains("This file is not trusted"));
    // Brought: a flagged, private entry in my journal that links to it.
    pane.act(Action::Down);
    pane.act(Action::Down);
    pane.act(Action::Bring);
    let s = draw(&pane, 80, 24);
    assert!(s.contains("Brought to your supervision: entry"), "{s}");
    drop(pane);
    let store = praxis::store::Store::open(&tmp.path().join("journal.db")).unwrap();
    let flagged = store
        .list_entries(
            &praxis::store::EntryFilter {
                for_supervision: Some(true),
                ..Default::default()
            },
            None,
            10,
        )
        .unwrap();
    assert_eq!(flagged.len(), 1);
    let e = store.entry_by_rowid(flagged[0].rowid).unwrap();
    assert!(
        e.body.contains("How do you end a visit that runs over?"),
        "{}",
        e.body
    );
    assert!(e.body.contains("circle:"), "{}", e.body);
    assert_eq!(e.scope, praxis::model::Scope::Private);
}

#[test]
fn from_the_pane_one_of_my_shareable_entries_is_chosen_shown_and_written() {
    use praxis::tui::circle::keys::Action;
    let (tmp, mut pane) = river_pane();
    let shared = tmp.path().join("shared");
    pane.act(Action::Contribute);
    let pick = draw(&pane, 80, 24);
    insta::assert_snapshot!("circle_contribute_pick_80x24", pick);
    assert!(pick.contains("Write a question for the circle"), "{pick}");
    assert!(pick.contains("A call about the move"), "{pick}");
    assert!(
        !pick.contains("Kept to myself"),
        "a private entry is offered: {pick}"
    );
    pane.act(Action::Down);
    pane.act(Action::Down);
    pane.act(Action::Read);
    let shown = draw(&pane, 80, 24);
    assert!(shown.contains("[PERSON-1] rang from [PHONE-1]"), "{shown}");
    assert!(shown.contains("March 2026"), "{shown}");
    assert!(!shown.contains("14 March"), "{shown}");
    pane.act(Action::Yes);
    holds_none(&shared, &["Sarah", "07700"]);
    let s = draw(&pane, 80, 24);
    assert!(s.contains("Written as "), "{s}");
    assert!(s.contains("river · 18 March 2026 · excerpt"), "{s}");
    // A question, written in the pane.
    pane.act(Action::Contribute);
    pane.act(Action::Read);
    pane.type_text("Who has tried a visit plan?");
    pane.act(Action::Done);
    pane.act(Action::Yes);
    assert!(draw(&pane, 80, 24).contains("Who has tried a visit plan?"));
}

#[test]
fn the_circle_pane_at_80x24() {
    use praxis::tui::circle::keys::Action;
    let stream = pane_at(80, 24, &[]);
    insta::assert_snapshot!("circle_stream_80x24", stream);
    for want in [
        "Tuesday practice group — 2 members · signed and encrypted · 3 new (heron 3)",
        "heron · 18 March 2026 · learning",
        "↳ heron: I say the end time when I arrive.",
        "♥ heron",
        "incomplete or damaged",
    ] {
        assert!(stream.contains(want), "{want}\n{stream}");
    }
    let reading = pane_at(80, 24, &[Action::Down, Action::Down, Action::Read]);
    insta::assert_snapshot!("circle_reading_80x24", reading);
    assert!(
        reading.contains("How do you end a visit that runs over?"),
        "{reading}"
    );
    assert!(reading.contains("Replies"), "{reading}");
    let help = pane_at(80, 24, &[Action::Help]);
    assert!(
        help.contains("read the contribution with its replies"),
        "{help}"
    );
}

#[test]
fn a_member_of_two_circles_names_the_one_they_mean() {
    let m = Member::new("river");
    let second = m.journal.path().join("Sync").join("other");
    m.ok(
        8,
        &[
            "circle",
            "create",
            m.folder().to_str().unwrap(),
            "--name",
            "Tuesday",
        ],
    );
    m.ok(
        8,
        &[
            "circle",
            "create",
            second.to_str().unwrap(),
            "--name",
            "Night team",
        ],
    );
    let err = m.fails(9, &["circle", "show"]);
    assert!(
        err.contains("name one with --circle") && err.contains("Night team"),
        "{err}"
    );
    m.contribute(
        9,
        &["--circle", "night team", "--question", "Who has the rota?"],
    );
    assert!(
        m.ok(10, &["circle", "show", "--circle", "Night team"])
            .contains("Who has the rota?")
    );
    assert!(
        !m.ok(10, &["circle", "show", "--circle", "Tuesday"])
            .contains("Who has the rota?")
    );
    let err = m.fails(10, &["circle", "show", "--circle", "Monday"]);
    assert!(err.contains("no circle named 'Monday'"), "{err}");
    // A folder that is already a circle is not made again.
    let err = m.fails(
        10,
        &[
            "circle",
            "create",
            second.to_str().unwrap(),
            "--name",
            "Again",
        ],
    );
    assert!(err.contains("already there"), "{err}");
}

#[test]
fn a_file_edited_in_place_at_the_same_size_is_read_again() {
    let (a, b, _c) = circle(false);
    let q = a.contribute(9, &["--question", "Who covers the handover on Fridays?"]);
    sync(&a, &b);
    let shown = b.ok(10, &["circle", "show"]);
    assert!(shown.contains("Fridays"), "{shown}");
    let path = files(&b.folder())
        .into_iter()
        .map(|p| b.folder().join(p))
        .find(|p| p.to_string_lossy().contains(&q))
        .unwrap();
    let before = std::fs::metadata(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    // Rewritten in place, as a network drive or an editor may: same name, same size, no
    // file added to or removed from its folder, so the folder's own time stays as it was.
    let edited = text.replace("Fridays", "Mondays");
    assert_eq!(edited.len(), text.len());
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
    f.set_modified(before.modified().unwrap() + std::time::Duration::from_secs(7))
        .unwrap();
    drop(f);
    let shown = b.ok(11, &["circle", "show"]);
    assert!(shown.contains("signature does not verify"), "{shown}");
    assert!(
        !shown.contains("Mondays") && !shown.contains("Fridays"),
        "{shown}"
    );
}

#[cfg(unix)]
#[test]
fn files_in_the_shared_folder_are_readable_by_the_other_members_accounts() {
    use std::os::unix::fs::PermissionsExt;
    for encrypt in [false, true] {
        let (a, b, _c) = circle(encrypt);
        a.contribute(9, &["--question", "Who covers the handover on Fridays?"]);
        // A card written again (leaving) keeps the mode too.
        b.ok(9, &["circle", "leave", "--yes"]);
        // Each member's own copy: the manifest, the contribution, the cards.
        for m in [&a, &b] {
            let all = files(&m.folder());
            assert!(all.len() >= 3, "{all:?}");
            for rel in all {
                let mode = std::fs::metadata(m.folder().join(&rel))
                    .unwrap()
                    .permissions()
                    .mode();
                assert_eq!(
                    mode & 0o777,
                    0o644,
                    "{} (encrypt: {encrypt})",
                    rel.display()
                );
            }
        }
        // What praxis keeps of the circle on this machine stays private.
        let local = a.journal.path();
        for rel in files(local) {
            if rel.to_string_lossy().contains("identity.json") {
                let mode = std::fs::metadata(local.join(&rel))
                    .unwrap()
                    .permissions()
                    .mode();
                assert_eq!(mode & 0o777, 0o600, "{}", rel.display());
            }
        }
    }
}

/// Sets a folder's (or file's) modification time an hour back, as a folder synced long
/// ago has it.
fn age_an_hour(path: &Path) {
    let f = std::fs::File::open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
}

#[test]
fn the_pane_draws_from_the_index_then_finds_a_file_rewritten_in_place() {
    use chrono::TimeZone as _;
    use praxis::circle::{Body, Circle};
    let at = |h: u32| chrono::Utc.with_ymd_and_hms(2026, 3, 18, h, 0, 0).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let (shared, local) = (tmp.path().join("shared"), tmp.path().join("local"));
    let c = Circle::create(&shared, &local, "Tuesday", "", false, "river", at(8)).unwrap();
    let m = c.membership.clone();
    let q = c
        .contribute(
            Body::Question {
                text: "Who covers the handover on Fridays?".into(),
            },
            at(9),
        )
        .unwrap();
    let mine = shared.join("members").join(&m.member);
    let file = mine.join(format!("{}.json", q.id));
    for p in [&file, &mine, &shared.join("members")] {
        age_an_hour(p);
    }
    let mut c = Circle::open(&m, &local).unwrap();
    assert_eq!(c.refresh(at(10)).unwrap().read, 1);
    // The folder is settled: a warm open lists nothing, and leaves its files to the sweep.
    let (r, sweep) = c.refresh_arrivals(at(11)).unwrap();
    assert_eq!(r.read, 0);
    assert!(!sweep.is_done());
    drop(sweep);

    // Rewritten in place at the same size: the folder's time does not change.
    let folder_time = std::fs::metadata(&mine).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace("Fridays", "Mondays");
    let f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
    std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
    drop(f);
    std::fs::File::open(&mine)
        .unwrap()
        .set_modified(folder_time)
        .unwrap();

    let mut c = Circle::open(&m, &local).unwrap();
    let (r, sweep) = c.refresh_arrivals(at(12)).unwrap();
    assert_eq!(r.read, 0, "the first frame is drawn from the index");
    let mut pane = praxis::tui::circle::CirclePane::load(
        c,
        sweep,
        at(12),
        50,
        praxis::tui::circle::keys::CircleKeymap::defaults(),
        praxis::tui::theme::Theme::monochrome(),
    )
    .unwrap();
    assert!(pane.posts[0].headline.contains("Fridays"));
    assert!(praxis::tui::runtime::Screen::busy(&pane));
    // Between frames, a batch at a time, every file is checked.
    for _ in 0..10 {
        praxis::tui::runtime::Screen::tick(&mut pane, std::time::Instant::now());
    }
    assert!(!praxis::tui::runtime::Screen::busy(&pane));
    let p = &pane.posts[0];
    assert!(
        p.flagged
            .as_deref()
            .is_some_and(|w| w.contains("signature does not verify")),
        "{p:?}"
    );
    assert!(!p.headline.contains("Mondays") && !p.headline.contains("Fridays"));
}

#[test]
fn the_stream_by_theme_and_replies_to_replies_threaded_under_their_parent() {
    let (a, b, _c) = circle(false);
    let q = a.contribute(
        9,
        &[
            "--question",
            "How do you end a visit that runs over?",
            "--theme",
            "Endings",
        ],
    );
    a.contribute(
        9,
        &[
            "--learning",
            "A written plan makes the handover calmer.",
            "--theme",
            "handover",
            "--theme",
            "endings",
        ],
    );
    a.contribute(9, &["--question", "Who has the rota this week?"]);
    // A theme that could identify someone, or that is not a word, is refused.
    let err = a.fails(
        9,
        &[
            "circle",
            "contribute",
            "--yes",
            "--question",
            "Anyone?",
            "--theme",
            "Sarah Jones",
        ],
    );
    assert!(err.contains("may identify someone"), "{err}");
    let err = a.fails(
        9,
        &[
            "circle",
            "contribute",
            "--yes",
            "--question",
            "Anyone?",
            "--theme",
            "end!ngs",
        ],
    );
    assert!(err.contains("letters, digits and hyphens"), "{err}");
    sync(&a, &b);
    let themes = b.ok(10, &["circle", "show", "--themes"]);
    assert!(themes.contains("#endings  2"), "{themes}");
    assert!(themes.contains("#handover  1"), "{themes}");
    let on = b.ok(10, &["circle", "show", "--theme", "endings"]);
    assert!(on.contains("How do you end a visit"), "{on}");
    assert!(on.contains("A written plan"), "{on}");
    assert!(on.contains("question #endings"), "{on}");
    assert!(!on.contains("Who has the rota"), "{on}");

    // Heron replies, river answers the reply: the answer is under the reply, deeper.
    let r1 = written_id(&b.ok(
        11,
        &[
            "circle",
            "reply",
            &q,
            "I say the end time when I arrive.",
            "--yes",
        ],
    ));
    sync(&b, &a);
    let r2 = written_id(&a.ok(
        12,
        &[
            "circle",
            "reply",
            &r1,
            "Do you say it again near the end?",
            "--yes",
        ],
    ));
    sync(&a, &b);
    let shown = b.ok(13, &["circle", "show"]);
    let l1 = shown
        .lines()
        .find(|l| l.contains(&r1))
        .unwrap_or_else(|| panic!("{shown}"));
    let l2 = shown
        .lines()
        .find(|l| l.contains(&r2))
        .unwrap_or_else(|| panic!("the reply to a reply is not shown: {shown}"));
    assert!(l2.contains("Do you say it again"), "{shown}");
    let indent = |l: &str| l.len() - l.trim_start().len();
    assert!(indent(l2) > indent(l1), "{shown}");
    assert!(
        shown.find(&r1).unwrap() < shown.find(&r2).unwrap(),
        "{shown}"
    );
}

#[test]
fn the_pane_reads_the_stream_on_one_theme_then_the_next_then_all() {
    use praxis::circle::Body;
    use praxis::tui::circle::keys::Action;
    let (_tmp, mut pane) = river_pane();
    pane.circle
        .contribute_on(
            Body::Question {
                text: "What helps you end a visit on time?".into(),
            },
            vec!["endings".into()],
            chrono::Utc::now(),
        )
        .unwrap();
    pane.circle.refresh(chrono::Utc::now()).unwrap();
    pane.reload().unwrap();
    let all = draw(&pane, 80, 24);
    assert!(all.contains("Naming the end time early"), "{all}");
    pane.act(Action::Theme);
    let on = draw(&pane, 80, 24);
    assert!(on.contains("Stream on #endings"), "{on}");
    assert!(on.contains("What helps you end a visit on time?"), "{on}");
    assert!(!on.contains("Naming the end time early"), "{on}");
    pane.act(Action::Theme);
    assert!(draw(&pane, 80, 24).contains("Naming the end time early"));
}

#[test]
fn a_card_is_trusted_only_once_a_welcomed_member_has_welcomed_it() {
    // River makes an encrypted circle; heron and kestrel join; river welcomes heron only.
    let (a, b, c) = (
        Member::new("river"),
        Member::new("heron"),
        Member::new("kestrel"),
    );
    let folder = a.folder();
    let f = folder.to_str().unwrap();
    a.ok(
        8,
        &[
            "circle",
            "create",
            f,
            "--name",
            "Tuesday",
            "--as",
            "river",
            "--encrypt",
        ],
    );
    let mut prints = Vec::new();
    for m in [&b, &c] {
        sync(&a, m);
        let out = m.ok(
            8,
            &[
                "circle",
                "join",
                m.folder().to_str().unwrap(),
                "--as",
                m.name,
            ],
        );
        prints.push(fingerprint(&out));
        sync(m, &a);
    }
    a.ok(8, &["circle", "welcome", &prints[0]]);
    for m in [&b, &c] {
        sync(&a, m);
        sync(m, &b);
        sync(m, &c);
    }
    let members = b.ok(9, &["circle", "show", "--members"]);
    let line = members.lines().find(|l| l.contains("kestrel")).unwrap();
    assert!(line.contains("not welcomed yet"), "{members}");
    assert!(
        !members
            .lines()
            .find(|l| l.contains("heron"))
            .unwrap()
            .contains("not welcomed")
    );

    // Kestrel, not welcomed, cannot welcome anyone, and what they write is not trusted.
    let err = c.fails(9, &["circle", "welcome", &prints[0]]);
    assert!(err.contains("nobody has welcomed you"), "{err}");
    let k = c.contribute(9, &["--question", "Shall we move the meeting to Fridays?"]);
    // River writes to the trusted members only: kestrel's card gets nothing to read.
    a.contribute(9, &["--question", "Who covers handovers this month?"]);
    for m in [&a, &c] {
        sync(m, &b);
        sync(m, &c);
    }
    let shown = b.ok(10, &["circle", "show"]);
    assert!(shown.contains("Who covers handovers"), "{shown}");
    assert!(!shown.contains("Shall we move the meeting"), "{shown}");
    assert!(
        shown.contains("nobody in the circle has welcomed yet"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("praxis circle welcome {}", prints[1])),
        "{shown}"
    );
    let err = b.fails(10, &["circle", "reply", &k, "Yes", "--yes"]);
    assert!(err.contains(&format!("no contribution '{k}'")), "{err}");
    let theirs = c.ok(10, &["circle", "show"]);
    assert!(theirs.contains("encrypted, and not to you"), "{theirs}");
    assert!(!theirs.contains("Who covers handovers"), "{theirs}");

    // Heron, welcomed by river, welcomes kestrel: trusted by everyone once it arrives.
    b.ok(11, &["circle", "welcome", &prints[1]]);
    sync(&b, &a);
    sync(&b, &c);
    let shown = a.ok(12, &["circle", "show"]);
    assert!(
        shown.contains("Shall we move the meeting to Fridays?"),
        "{shown}"
    );
    assert!(
        !shown.contains("nobody in the circle has welcomed"),
        "{shown}"
    );
    // A welcome changed after it was signed is not honoured.
    let welcome = files(&a.folder())
        .into_iter()
        .find(|p| {
            p.to_string_lossy().contains("welcomes/")
                && p.to_string_lossy().contains(&prints[1].replace('-', ""))
        })
        .unwrap();
    let path = a.folder().join(&welcome);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"at\": \"2026", "\"at\": \"2025")).unwrap();
    let shown = a.ok(13, &["circle", "show"]);
    assert!(
        shown.contains("nobody in the circle has welcomed yet"),
        "{shown}"
    );
}

#[test]
fn from_the_pane_a_card_nobody_welcomed_is_flagged_then_welcomed() {
    use praxis::circle::{Body, Circle, Members};
    use praxis::tui::circle::keys::Action;
    let (tmp, mut pane) = river_pane();
    let shared = tmp.path().join("shared");
    let k = Circle::join(
        &shared,
        &tmp.path().join("c"),
        "kestrel",
        chrono::Utc::now(),
    )
    .unwrap();
    k.contribute(
        Body::Question {
            text: "Shall we meet on Fridays instead?".into(),
        },
        chrono::Utc::now(),
    )
    .unwrap();
    pane.circle.members = Members::read(&shared, &pane.circle.manifest);
    pane.circle.refresh(chrono::Utc::now()).unwrap();
    pane.reload().unwrap();
    let s = draw(&pane, 80, 24);
    assert!(!s.contains("Shall we meet on Fridays"), "{s}");
    assert!(s.contains("calling itself 'kestrel'"), "{s}");
    // The newest post is kestrel's.
    pane.act(Action::Top);
    pane.act(Action::Reply);
    assert!(draw(&pane, 80, 24).contains("This file is not trusted"));
    pane.act(Action::Welcome);
    let ask = draw(&pane, 80, 24);
    assert!(ask.contains("Welcome 'kestrel' into the circle?"), "{ask}");
    assert!(ask.contains("Fingerprint: "), "{ask}");
    pane.act(Action::No);
    assert!(draw(&pane, 80, 24).contains("calling itself 'kestrel'"));
    pane.act(Action::Welcome);
    pane.act(Action::Yes);
    let s = draw(&pane, 80, 24);
    assert!(s.contains("Welcomed kestrel."), "{s}");
    assert!(s.contains("Shall we meet on Fridays instead?"), "{s}");
    // Welcoming again is refused: there is nothing to welcome.
    pane.act(Action::Top);
    pane.act(Action::Welcome);
    assert!(draw(&pane, 80, 24).contains("Only a contribution from a card nobody has welcomed"));
}

/// `cmd` run under a umask that would make everything private.
#[cfg(unix)]
fn under_private_umask(cmd: &assert_cmd::Command) -> std::process::Command {
    let mut sh = std::process::Command::new("sh");
    sh.args(["-c", "umask 077; exec \"$@\"", "sh"]);
    sh.arg(cmd.get_program());
    sh.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    if let Some(d) = cmd.get_current_dir() {
        sh.current_dir(d);
    }
    sh
}

#[cfg(unix)]
#[test]
fn shared_folders_and_files_get_their_modes_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let (a, b) = (Member::new("river"), Member::new("heron"));
    let run = |m: &Member, args: &[&str]| {
        let out = under_private_umask(&m.journal.cmd(args)).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let f = a.folder();
    run(
        &a,
        &["circle", "create", f.to_str().unwrap(), "--name", "Tuesday"],
    );
    sync(&a, &b);
    let out = run(
        &b,
        &[
            "circle",
            "join",
            b.folder().to_str().unwrap(),
            "--as",
            "heron",
        ],
    );
    sync(&b, &a);
    run(&a, &["circle", "welcome", &fingerprint(&out)]);
    run(
        &a,
        &[
            "circle",
            "contribute",
            "--yes",
            "--question",
            "Who has the rota?",
        ],
    );
    let mut dirs = vec![f.clone()];
    let mut seen_files = 0;
    while let Some(d) = dirs.pop() {
        let mode = std::fs::metadata(&d).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "{}", d.display());
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                seen_files += 1;
                let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o644, "{}", p.display());
            }
        }
    }
    // The manifest, the welcome and the question, all written by river's praxis (heron's
    // card was copied by the test, as a sync tool would).
    assert!(seen_files >= 3, "{seen_files}");
}

/// `praxis circle open` for `m` in a pseudo-terminal, with their journal's environment.
fn open_in_pty(m: &Member) -> crate::common::pty::Session {
    let cmd = m.journal.cmd(&["circle", "open"]);
    let mut b = portable_pty::CommandBuilder::new(cmd.get_program());
    b.env_clear();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            b.env(k, v);
        }
    }
    for (k, v) in [
        ("TERM", "xterm-256color"),
        ("NO_COLOR", "1"),
        ("LANG", "C.UTF-8"),
    ] {
        b.env(k, v);
    }
    b.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    b.env("PRAXIS_NOW", "2026-03-18T12:00:00+00:00");
    b.args(cmd.get_args());
    if let Some(d) = cmd.get_current_dir() {
        b.cwd(d);
    }
    crate::common::pty::Session::start(b)
}

#[test]
fn the_pane_in_a_terminal_thanks_and_brings_to_my_journal() {
    let (a, b, _c) = circle(false);
    b.contribute(9, &["--question", "Who covers the handover on Fridays?"]);
    sync(&b, &a);
    let mut s = open_in_pty(&a);
    s.wait_text("Who covers the handover on Fridays?");
    s.send(b"t");
    s.wait_text("Thanked heron");
    s.send(b"b");
    s.wait_text("Brought to your supervision: entry");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}\n{}", s.screen());
    s.assert_restored();
    let listed = a.journal.ok(&["list"]);
    assert!(
        listed.contains("From the circle: Who covers the handover"),
        "{listed}"
    );
    sync(&a, &b);
    let shown = b.ok(13, &["circle", "show"]);
    assert!(shown.contains("thanked by river"), "{shown}");
}

/// What I wrote myself is never "new" to me (it was counted and marked new at my next look).
#[test]
fn my_own_contributions_are_not_new_to_me() {
    let (a, b, _) = circle(false);
    a.ok(9, &["circle", "show"]);
    a.contribute(10, &["--question", "Who covers the handover on Fridays?"]);
    let mine = a.ok(11, &["circle", "show"]);
    assert!(mine.contains("Who covers the handover"), "{mine}");
    assert!(mine.contains("Nothing new since you last looked"), "{mine}");
    assert!(!mine.contains("  new"), "{mine}");
    // To the others it is new.
    sync(&a, &b);
    let theirs = b.ok(11, &["circle", "show"]);
    assert!(theirs.contains("(river 1)"), "{theirs}");
}
