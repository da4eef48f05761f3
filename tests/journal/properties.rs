//! Property tests (proptest) of the parsers and text helpers every bad input goes
//! through: the Markdown document of `praxis edit`, entry documents, dates, and the
//! terminal-safety and width helpers. Arbitrary input never panics; valid input
//! round-trips.
//!
//! Case counts are kept modest so the whole file runs in a few seconds in debug.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike as _, Days, NaiveDate, TimeZone as _, Utc, Weekday};
use proptest::prelude::*;

use praxis::config::catalog::Catalog;
use praxis::model::compose::{HEADER_KEYS, apply_document, normalise_tag, render_entry};
use praxis::model::doc::{RenderSection, comment_lines};
use praxis::model::text::{pad, sanitize, sanitize_line, split_title, truncate, width};
use praxis::model::{
    Carrying, CheckIn, DateArg, Document, DocumentSpec, Entry, EntryKind, Load, Scope, Section,
    StrengthTag, Template, Whose, parse_date_arg, render_document,
};

fn config() -> ProptestConfig {
    ProptestConfig {
        // Failures are printed with their minimal input; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::with_cases(128)
    }
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// The Gibbs model, the deepest built-in reflective model, with an action section.
fn gibbs() -> Template {
    Catalog::builtin().model("gibbs").unwrap().clone()
}

/// A realistic spec: the entry header keys and Gibbs's sections.
fn gibbs_spec(own_comments: Vec<String>) -> DocumentSpec {
    let g = gibbs();
    DocumentSpec {
        header_keys: HEADER_KEYS.iter().map(|k| (*k).to_string()).collect(),
        sections: g
            .fields
            .iter()
            .map(|f| (f.key.clone(), f.label.clone()))
            .collect(),
        own_comments,
    }
}

/// Lines that stress the parser: header fences, headings (of the spec, in other case,
/// unknown), comments, header-like lines, control characters, CR, very long lines.
fn hostile_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[ -~]{0,40}",
        1 => Just("---".to_string()),
        1 => Just("  ---  ".to_string()),
        1 => Just("## Description".to_string()),
        1 => Just("## action-plan".to_string()),
        1 => Just("##   FEELINGS  ".to_string()),
        1 => Just("## Not a section".to_string()),
        1 => Just("##".to_string()),
        1 => Just("<!-- a comment -->".to_string()),
        1 => Just("<!--".to_string()),
        1 => Just("title: A title".to_string()),
        1 => Just("mood: 9".to_string()),
        1 => Just("colour: red".to_string()),
        1 => Just("no colon here".to_string()),
        1 => Just(":".to_string()),
        1 => Just("\0\u{1b}[2J\u{7}\u{7f}\u{9b}".to_string()),
        1 => Just("line with CR\r".to_string()),
        1 => Just("\r".to_string()),
        1 => Just(String::new()),
        1 => Just("   \t ".to_string()),
        1 => (1usize..20_000).prop_map(|n| "x".repeat(n)),
        1 => (1usize..3_000).prop_map(|n| "é🙂".repeat(n)),
    ]
}

/// A document-shaped string: hostile lines joined by LF or CRLF.
fn hostile_document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(hostile_line(), 0..40),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(lines, crlf, trailing)| {
            let mut s = lines.join(if crlf { "\r\n" } else { "\n" });
            if trailing {
                s.push('\n');
            }
            s
        })
}

/// Whether `line` would be read as a heading of `spec` (mirrors the parser's rule).
fn is_heading_of(line: &str, spec: &DocumentSpec) -> bool {
    line.strip_prefix("## ").is_some_and(|t| {
        let t = t.trim();
        spec.sections
            .iter()
            .any(|(k, l)| t.eq_ignore_ascii_case(k) || t.eq_ignore_ascii_case(l))
    })
}

fn is_whole_line_comment(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// One line of text a writer might put in a section: anything without a newline.
fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[^\n]{0,60}",
        3 => "[ -~]{0,60}",
        1 => Just(String::new()),
        1 => Just("  indented, trailing spaces  ".to_string()),
        1 => Just("## Not a heading of Gibbs".to_string()),
        1 => Just("## Description of something".to_string()),
        1 => Just("---".to_string()),
        1 => Just("title: not a header here".to_string()),
        1 => Just("<!-- my own note -->".to_string()),
        1 => Just("a <!-- inline --> comment".to_string()),
        1 => Just("- [ ] not tracked: this is no action section".to_string()),
        1 => Just("NUL\0 ESC\u{1b}[31m BEL\u{7} DEL\u{7f} C1\u{9b}".to_string()),
        1 => Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{202e}RTL\u{202c}".to_string()),
        1 => Just("👩\u{200d}⚕\u{fe0f} e\u{301}\u{302} 日本語".to_string()),
        1 => (1usize..6_000).prop_map(|n| "long ".repeat(n)),
    ]
}

/// Section text that a document carries faithfully: no heading of the spec, no
/// whole-line comment (praxis's own, or any when the spec names none), no CR before a
/// line end (`\r\n` is read as a line end: editors' line endings are normalised), and no
/// blank first or last line (those are trimmed).
fn section_text(own: Vec<String>) -> impl Strategy<Value = String> {
    let spec = gibbs_spec(own.clone());
    prop::collection::vec(text_line(), 0..8)
        .prop_map(|lines| lines.join("\n"))
        .prop_filter("not carried faithfully", move |t| carried(t, &spec))
}

fn carried(t: &str, spec: &DocumentSpec) -> bool {
    let lines: Vec<&str> = t.split('\n').collect();
    let drops_comment = |l: &str| {
        is_whole_line_comment(l)
            && (spec.own_comments.is_empty() || spec.own_comments.iter().any(|c| c == l.trim()))
    };
    !t.contains('\r')
        && lines
            .iter()
            .all(|l| !is_heading_of(l, spec) && !drops_comment(l))
        && lines.first().is_none_or(|l| !l.trim().is_empty())
        && lines.last().is_none_or(|l| !l.trim().is_empty())
}

/// One line, not blank, without leading or trailing whitespace: a header value.
fn header_value() -> impl Strategy<Value = String> {
    "[^\n]{1,40}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("blank", |s| !s.is_empty())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 0001-01-01 ..= 9999-12-31: every date written with a four-digit year.
    let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let span = u64::try_from((last - first).num_days()).unwrap();
    (0..=span).prop_map(move |d| first.checked_add_days(Days::new(d)).unwrap())
}

fn today() -> impl Strategy<Value = NaiveDate> {
    // Away from the ends of chrono's range, so a week either side exists.
    let first = NaiveDate::from_ymd_opt(1, 1, 8).unwrap();
    let span =
        u64::try_from((NaiveDate::from_ymd_opt(9999, 12, 24).unwrap() - first).num_days()).unwrap();
    (0..=span).prop_map(move |d| first.checked_add_days(Days::new(d)).unwrap())
}

fn one_of<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

fn strengths() -> impl Strategy<Value = Vec<StrengthTag>> {
    let names: Vec<String> = Catalog::builtin()
        .vocabulary
        .names()
        .map(str::to_string)
        .collect();
    prop::collection::vec((prop::sample::select(names), one_of(Whose::ALL)), 0..6).prop_map(|v| {
        let mut out: Vec<StrengthTag> = Vec::new();
        for (name, whose) in v {
            let tag = StrengthTag::new(name, whose);
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
        out
    })
}

/// Tags as `normalise_tag` leaves them (and without commas, the list separator).
fn tags() -> impl Strategy<Value = Vec<String>> {
    let tag = prop_oneof!["[a-z0-9][a-z0-9-]{0,15}", "[^,\\s#@]{1,12}"]
        .prop_filter("not normalised", |t| {
            !t.contains(',') && normalise_tag(t).as_deref() == Ok(t.as_str())
        });
    prop::collection::vec(tag, 0..5).prop_map(|v| {
        let mut out: Vec<String> = Vec::new();
        for t in v {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    })
}

fn checkin() -> impl Strategy<Value = Option<CheckIn>> {
    (
        prop::option::of(1u8..=5),
        prop::option::of(1u8..=5),
        prop::option::of(one_of(Load::ALL)),
        prop::option::of(one_of(Carrying::ALL)),
        prop::option::of(header_value()),
        prop::option::of(header_value()),
    )
        .prop_map(|(mood, energy, load, carrying, word, helped)| {
            let c = CheckIn {
                mood,
                energy,
                load,
                carrying,
                word,
                helped,
            };
            (!c.is_empty()).then_some(c)
        })
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap()
}

fn fixed_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
}

/// The comment lines praxis writes into a new Gibbs entry's document: the lines a
/// writer's own text may not repeat word for word (they are taken for prompts).
fn gibbs_own_comments() -> Vec<String> {
    let g = gibbs();
    let mut e = Entry::new(EntryKind::Reflection, fixed_today(), now());
    e.model = Some("gibbs".into());
    comment_lines(&render_entry(&e, Some(&g)))
}

/// An arbitrary Gibbs reflection as a writer could have saved it.
fn gibbs_entry() -> impl Strategy<Value = Entry> {
    let own = gibbs_own_comments();
    let keys: Vec<(String, String)> = gibbs()
        .fields
        .iter()
        .map(|f| (f.key.clone(), f.label.clone()))
        .collect();
    // The action section's lines that look like actions are synced with the entry's
    // actions: they are covered by `an_edited_entry_document_is_a_fixed_point`.
    let texts = prop::collection::vec(
        prop::option::of(
            section_text(own.clone()).prop_filter("blank section or action line", |t| {
                !t.trim().is_empty() && t.lines().all(|l| !l.trim_start().starts_with("- ["))
            }),
        ),
        keys.len(),
    );
    (
        header_value(),
        prop::option::of(section_text(own)),
        texts,
        date(),
        one_of(Scope::ALL),
        any::<bool>(),
        strengths(),
        tags(),
        checkin(),
    )
        .prop_map(
            move |(title, body, texts, on, scope, flag, strengths, tags, checkin)| {
                let mut e = Entry::new(EntryKind::Reflection, on, now());
                e.model = Some("gibbs".into());
                e.title = title;
                e.body = body.unwrap_or_default();
                e.sections = keys
                    .iter()
                    .zip(texts)
                    .filter_map(|((key, label), text)| {
                        text.map(|text| Section {
                            key: key.clone(),
                            label: label.clone(),
                            text,
                        })
                    })
                    .collect();
                e.scope = scope;
                e.for_supervision = flag;
                e.strengths = strengths;
                e.tags = tags;
                e.checkin = checkin;
                e
            },
        )
}

// ---------------------------------------------------------------------------------------
// The Markdown document parser
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_parses_or_fails_with_a_line_number_never_a_panic(
        text in hostile_document(),
        own in any::<bool>(),
    ) {
        let spec = gibbs_spec(if own { gibbs_own_comments() } else { Vec::new() });
        match Document::parse(&text, &spec) {
            Ok(doc) => {
                for s in &doc.sections {
                    prop_assert!(spec.sections.iter().any(|(k, _)| *k == s.key));
                    prop_assert!(s.line >= 1 && s.line <= text.lines().count());
                }
                for h in &doc.header {
                    prop_assert!(HEADER_KEYS.contains(&h.key.as_str()));
                }
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1), "{e}");
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics_the_parser(text in any::<String>()) {
        let _ = Document::parse(&text, &gibbs_spec(Vec::new()));
        let _ = Document::parse(&text, &DocumentSpec::default());
    }

    #[test]
    fn a_rendered_document_reads_back_the_same(
        title in header_value(),
        date in header_value(),
        body in prop::option::of(section_text(Vec::new())),
        texts in prop::collection::vec(section_text(Vec::new()), 6),
        prompts in prop::collection::vec("[^\n]{0,30}", 0..3),
    ) {
        let spec = gibbs_spec(Vec::new());
        let body = body.unwrap_or_default();
        let sections: Vec<RenderSection<'_>> = spec
            .sections
            .iter()
            .zip(&texts)
            .map(|((_, label), text)| RenderSection { label, prompts: &prompts, text })
            .collect();
        let header = [("title", title.clone()), ("date", date.clone())];
        let rendered = render_document(&header, &prompts, &body, &sections);
        let doc = Document::parse(&rendered, &spec)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{rendered}")))?;
        prop_assert_eq!(&doc.header("title").unwrap().value, &title);
        prop_assert_eq!(&doc.header("date").unwrap().value, &date);
        prop_assert_eq!(&doc.body, &body);
        prop_assert_eq!(doc.sections.len(), spec.sections.len());
        for ((key, _), text) in spec.sections.iter().zip(&texts) {
            prop_assert_eq!(&doc.section(key).unwrap().text, text, "section {}", key);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Entries through their document (`praxis add` in the editor, `praxis edit`)
// ---------------------------------------------------------------------------------------

/// What an entry document carries: everything but identity, timestamps and version.
fn carried_fields(e: &Entry) -> Entry {
    let mut e = e.clone();
    e.id = uuid::Uuid::nil();
    e.created_at = now();
    e.updated_at = now();
    e.version = 0;
    e
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_entry_survives_its_document(entry in gibbs_entry()) {
        let g = gibbs();
        let vocab = Catalog::builtin().vocabulary;
        let text = render_entry(&entry, Some(&g));
        // The base a writer edits from: a fresh entry, as `praxis add` starts with.
        let mut base = Entry::new(EntryKind::Reflection, fixed_today(), now());
        base.model = Some("gibbs".into());
        let got = apply_document(&text, &base, Some(&g), &vocab, fixed_today())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(carried_fields(&got), carried_fields(&entry), "{}", text);
        // Editing the saved entry without changes gives it back unchanged too.
        let again = apply_document(&text, &entry, Some(&g), &vocab, fixed_today())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(again, entry);
    }

    #[test]
    fn an_edited_entry_document_is_a_fixed_point(
        entry in gibbs_entry(),
        actions in prop::collection::vec(
            (
                prop_oneof![Just("- [ ] "), Just("- [x] "), Just("  - [X] "), Just("- [?] ")],
                // Often the same text twice: each line is its own action.
                prop_oneof!["[a-z][a-z ]{0,20}[a-z]", Just("call back".to_string())],
                prop_oneof![
                    Just(String::new()),
                    Just(" (due friday)".to_string()),
                    Just(" (due 2026-04-01)".to_string()),
                    Just(" (due someday)".to_string()),
                ],
            ),
            1..5,
        ),
    ) {
        // Whatever the writer puts in the action plan, the first save normalises it
        // (due words become dates, actions are tracked) and a second save changes nothing.
        let g = gibbs();
        let vocab = Catalog::builtin().vocabulary;
        let plan: Vec<String> = actions
            .iter()
            .map(|(mark, text, due)| format!("{mark}{text}{due}"))
            .collect();
        let text = render_entry(&entry, Some(&g)).replacen(
            "## Action plan\n",
            &format!("## Action plan\n{}\n", plan.join("\n")),
            1,
        );
        let first = apply_document(&text, &entry, Some(&g), &vocab, fixed_today())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        // `(due someday)` is no date: it stays part of the action's text.
        let tracked: BTreeSet<String> = actions
            .iter()
            .filter(|(mark, ..)| !mark.contains('?'))
            .map(|(_, text, due)| {
                if due.contains("someday") { format!("{text}{due}") } else { text.clone() }
            })
            .collect();
        let got: BTreeSet<String> = first.actions.iter().map(|a| a.text.clone()).collect();
        prop_assert_eq!(got, tracked);
        let resave = |e: &Entry| {
            apply_document(&render_entry(e, Some(&g)), e, Some(&g), &vocab, fixed_today())
                .map_err(|err| TestCaseError::fail(err.to_string()))
        };
        // Opening the saved entry again and saving it changes no action...
        let second = resave(&first)?;
        prop_assert_eq!(&second.actions, &first.actions);
        // ...and once the marks are written the way praxis writes them (`[X]` as `[x]`),
        // nothing at all.
        let third = resave(&second)?;
        prop_assert_eq!(third, second);
    }

    #[test]
    fn any_edit_of_an_entry_document_is_applied_or_refused_never_a_panic(
        entry in gibbs_entry(),
        edit in hostile_document(),
        at in any::<prop::sample::Index>(),
    ) {
        let g = gibbs();
        let vocab = Catalog::builtin().vocabulary;
        let text = render_entry(&entry, Some(&g));
        let lines: Vec<&str> = text.lines().collect();
        let cut = at.index(lines.len() + 1);
        let edited = format!(
            "{}\n{edit}\n{}",
            lines[..cut].join("\n"),
            lines[cut..].join("\n")
        );
        let _ = apply_document(&edited, &entry, Some(&g), &vocab, fixed_today());
        let _ = apply_document(&edit, &entry, Some(&g), &vocab, fixed_today());
        let _ = apply_document(&edit, &entry, None, &vocab, fixed_today());
    }
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("Monday", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("TUES", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("Thursday", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("sun", Weekday::Sun),
    (" Sunday ", Weekday::Sun),
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_date_argument_parses_or_says_what_is_accepted(
        s in prop_oneof![
            any::<String>(),
            "[0-9+-]{0,12}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[^\n]{0,3}",
            "[^\n]{4}-[^\n]{2}-[^\n]{2}",
        ],
        today in today(),
    ) {
        match parse_date_arg(&s) {
            Ok(d) => {
                let _ = d.resolve(today);
                let _ = d.resolve_ahead(today);
            }
            Err(e) => prop_assert!(e.contains("YYYY-MM-DD"), "{}", e),
        }
    }

    #[test]
    fn every_iso_date_reads_back(d in date(), upper in any::<bool>(), pad in "[ \t]{0,2}") {
        let s = format!("{pad}{}{pad}", d.format("%Y-%m-%d"));
        let s = if upper { s.to_uppercase() } else { s };
        prop_assert_eq!(parse_date_arg(&s), Ok(DateArg::On(d)));
        prop_assert_eq!(parse_date_arg(&s).unwrap().resolve(fixed_today()), d);
    }

    #[test]
    fn weekday_names_resolve_within_the_week(
        (name, weekday) in one_of(WEEKDAYS),
        today in today(),
    ) {
        let arg = parse_date_arg(name).unwrap();
        let back = arg.resolve(today);
        prop_assert_eq!(back.weekday(), weekday);
        prop_assert!(back <= today && back >= today - Days::new(6), "{back} for {today}");
        let ahead = arg.resolve_ahead(today);
        prop_assert_eq!(ahead.weekday(), weekday);
        prop_assert!(ahead >= today && ahead <= today + Days::new(6), "{ahead} for {today}");
    }

    #[test]
    fn relative_words_resolve_next_to_today(today in today()) {
        let r = |s: &str| parse_date_arg(s).unwrap();
        prop_assert_eq!(r("today").resolve(today), today);
        prop_assert_eq!(r("Yesterday").resolve(today), today - Days::new(1));
        prop_assert_eq!(r("tomorrow").resolve(today), today + Days::new(1));
        prop_assert_eq!(r("today").resolve_ahead(today), today);
        prop_assert_eq!(r("tomorrow").resolve_ahead(today), today + Days::new(1));
    }
}

// ---------------------------------------------------------------------------------------
// Terminal safety and widths
// ---------------------------------------------------------------------------------------

/// Text mixing the scripts and marks that break naive width code: emoji (with ZWJ,
/// skin tones, variation selectors, flags), combining marks, RTL with bidi controls,
/// wide CJK, zero-width characters, and control characters.
fn unicode_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => "[a-z ]{1,8}",
        1 => Just("👩\u{200d}👩\u{200d}👧\u{200d}👦".to_string()),
        1 => Just("👍\u{1f3fd}".to_string()),
        1 => Just("❤\u{fe0f}".to_string()),
        1 => Just("☺\u{fe0e}".to_string()),
        1 => Just("🇬🇧".to_string()),
        1 => Just("e\u{301}\u{302}\u{303}".to_string()),
        1 => Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{627}\u{644}\u{633}\u{644}\u{627}\u{645}".to_string()),
        1 => Just("\u{202e}\u{2067}\u{200f}\u{200e}".to_string()),
        1 => Just("日本語のテキスト".to_string()),
        1 => Just("\u{200b}\u{2060}\u{feff}\u{ad}".to_string()),
        1 => Just("\u{1b}[31m\u{0}\u{7}\u{7f}\u{85}\u{9b}\r\n\t".to_string()),
        1 => Just("\u{1100}\u{1161}\u{11a8}".to_string()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// Explicit bidirectional formatting (U+202A–U+202E, U+2066–U+2069), which can show text
/// in another order than it is stored in.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn control_free() -> impl Strategy<Value = String> {
    unicode_soup().prop_map(|s| {
        s.chars()
            .filter(|c| !c.is_control() && !is_bidi_control(*c))
            .collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sanitize_leaves_only_newline_and_tab(s in unicode_soup()) {
        let clean = sanitize(&s);
        prop_assert!(
            clean.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'),
            "{:?}", clean
        );
        // Bidirectional embeddings, overrides and isolates are dropped; other control
        // characters are replaced, one for one; everything else is kept.
        let kept: Vec<char> = s.chars().filter(|c| !is_bidi_control(*c)).collect();
        prop_assert!(!clean.chars().any(is_bidi_control), "{:?}", clean);
        prop_assert_eq!(clean.chars().count(), kept.len());
        for (a, b) in kept.iter().zip(clean.chars()) {
            prop_assert!(*a == b || a.is_control(), "{:?} became {:?}", a, b);
        }
        let line = sanitize_line(&s);
        prop_assert!(line.chars().all(|c| !c.is_control() && !is_bidi_control(c)), "{:?}", line);
        prop_assert_eq!(line.chars().count(), kept.len());
    }

    #[test]
    fn text_without_control_characters_passes_through(s in control_free()) {
        prop_assert!(matches!(sanitize(&s), std::borrow::Cow::Borrowed(t) if t == s));
        prop_assert!(matches!(sanitize_line(&s), std::borrow::Cow::Borrowed(t) if t == s));
    }

    #[test]
    fn truncate_never_exceeds_its_width(s in unicode_soup(), max in 0usize..40) {
        let t = truncate(&s, max);
        prop_assert!(width(&t) <= max, "{:?} cut to {} is {:?}, {} cells", s, max, t, width(&t));
        // Text that fits is left alone; text that does not ends in an ellipsis.
        if width(&s) <= max {
            prop_assert_eq!(t.as_ref(), s.as_str());
        } else if max > 0 {
            prop_assert!(t.ends_with('…'));
            prop_assert!(s.starts_with(t.trim_end_matches('…')));
        }
        let p = pad(&s, max);
        prop_assert_eq!(width(&p), max, "{:?} padded to {} is {:?}", s, max, p);
    }

    #[test]
    fn split_title_gives_one_trimmed_line(s in prop_oneof![unicode_soup(), any::<String>()]) {
        let (title, body) = split_title(&s);
        prop_assert!(!title.contains('\n'), "{:?}", title);
        prop_assert_eq!(title.trim(), title.as_str());
        prop_assert_eq!(body.trim(), body.as_str());
    }
}

// ---------------------------------------------------------------------------------------
// Importers and the praxis JSON export
// ---------------------------------------------------------------------------------------

/// Text shaped like the files `praxis import` reads (jrnl headers, front matter, JSON),
/// broken in every way.
fn import_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => hostile_line(),
        2 => Just("[2026-03-18 09:30] A title. And a body @tag *".to_string()),
        1 => Just("[2026-02-30 09:30] Not a date".to_string()),
        1 => Just("[2026-03-18 09:30 PM] Twelve-hour clock".to_string()),
        1 => Just("[1] not a header".to_string()),
        1 => Just("[]".to_string()),
        1 => Just("[2026-03-18 09:30]".to_string()),
        1 => Just("*[2026-03-18 09:30]* ".to_string()),
        1 => Just("@ @@ @tag-with/slash+plus*".to_string()),
        1 => Just("title: front matter".to_string()),
        1 => Just("tags: [a, b]".to_string()),
        1 => Just("date: 2026-03-18".to_string()),
        1 => Just("{\"format\":\"praxis-journal\",\"version\":1,\"entries\":[".to_string()),
        1 => Just("{\"tags\":{},\"entries\":[{\"title\":1}]}".to_string()),
        1 => Just("[{\"content\": \"x\", \"title\": null}]".to_string()),
        1 => Just("{\"version\": 99999999999999999999, \"entries\": {}}".to_string()),
        1 => Just("\u{feff}".to_string()),
    ];
    prop::collection::vec(line, 0..30).prop_map(|l| l.join("\n"))
}

/// JSON of any shape, with the keys the importers look for.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = prop_oneof![
        Just("format".to_string()),
        Just("version".to_string()),
        Just("entries".to_string()),
        Just("subjects".to_string()),
        Just("tags".to_string()),
        Just("title".to_string()),
        Just("body".to_string()),
        Just("content".to_string()),
        Just("date".to_string()),
        Just("time".to_string()),
        Just("starred".to_string()),
        Just("id".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from("praxis-journal")),
        Just(Value::from("2026-03-18")),
        Just(Value::from("09:30")),
        Just(Value::from("2026-03-18T20:00:00Z")),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_importer_panics_on_any_text(
        text in prop_oneof![import_text(), any::<String>(), json_value().prop_map(|v| v.to_string())],
        name in prop_oneof![Just("in.txt"), Just("in.json"), Just("in.md"), Just("journal")],
        time_format in prop::option::of(prop_oneof![
            Just("%d/%m/%Y %H:%M"),
            Just("%Y-%m-%d %H:%M"),
            Just("%Q %"),
            Just("%"),
        ]),
    ) {
        use praxis::transfer::{detect, jrnl, json, markdown, tuijournal};
        let path = std::path::Path::new(name);
        let _ = detect::detect(path, &text, time_format);
        let _ = jrnl::parse_text(path, &text, time_format);
        let _ = jrnl::parse_json(path, &text);
        let _ = json::parse(path, &text);
        let _ = tuijournal::parse_backend(path, &text);
        let _ = tuijournal::parse_export(path, &text);
        let _ = markdown::parse_file(path, &text);
        let _ = jrnl::parse_md(path, &text, time_format);
    }

    #[test]
    fn a_jrnl_journal_reads_back_entry_by_entry(
        entries in prop::collection::vec(
            (
                // Minutes from 1900 to 2100: jrnl's default timeformat has no seconds.
                0i64..105_000_000,
                "[A-Za-z][A-Za-z0-9 ,;:'()-]{0,40}[A-Za-z0-9]",
                prop::collection::vec("[A-Za-z0-9][A-Za-z0-9 ,.;:'!?()-]{0,50}", 0..4),
            ),
            1..6,
        ),
    ) {
        use chrono::NaiveDateTime;
        let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let written: Vec<(NaiveDateTime, String, String)> = entries
            .into_iter()
            .map(|(min, title, body)| {
                let at = start + chrono::Duration::minutes(min);
                (at, title, body.join("\n").trim().to_string())
            })
            .collect();
        let mut text = String::new();
        for (at, title, body) in &written {
            text.push_str(&format!("[{}] {title}\n{body}\n\n", at.format("%Y-%m-%d %H:%M")));
        }
        let parsed = praxis::transfer::jrnl::parse_text(
            std::path::Path::new("journal.txt"),
            &text,
            None,
        )
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(parsed.entries.len(), written.len());
        for (e, (at, title, body)) in parsed.entries.iter().zip(&written) {
            prop_assert_eq!(&e.title, title);
            prop_assert_eq!(&e.body, body);
            prop_assert_eq!(e.occurred_on, at.date());
            prop_assert_eq!(e.created_at, at.and_utc());
            prop_assert!(e.tags.is_empty());
        }
    }
}

/// jrnl 4.6's `--export md` of one entry (`Entry`'s title and body as jrnl split them):
/// its headings raised three levels, underlined ones made `#` ones, a blank line first
/// and a line holding a space last.
fn jrnl_md_entry(date: &str, title: &str, body: &str) -> String {
    let body = if body.is_empty() {
        String::new()
    } else {
        format!("\n{body}")
    };
    let mut out = String::new();
    let mut previous = String::new();
    for line in body.split_inclusive('\n') {
        let mut line = line.to_string();
        let bare = line.trim_end();
        let after_text = !previous.trim().is_empty();
        if line.trim_start_matches('#').len() < line.len()
            && line.trim_start_matches('#').starts_with(' ')
        {
            out.push_str(&previous);
            out.push_str("###");
            out.push_str(&line);
            line.clear();
        } else if !bare.is_empty() && bare.chars().all(|c| c == '=') && after_text {
            out.push_str("#### ");
            out.push_str(&previous);
            line.clear();
        } else if !bare.is_empty() && bare.chars().all(|c| c == '-') && after_text {
            out.push_str("##### ");
            out.push_str(&previous);
            line.clear();
        } else {
            out.push_str(&previous);
        }
        previous = line;
    }
    out.push_str(&previous);
    if !["\r", "\n", "\r\n"].contains(&previous.as_str()) {
        out.push('\n');
    }
    format!("### {date} {title}\n{out} ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    /// jrnl's text file, its JSON export and its Markdown export of one journal give each
    /// entry the same id, wherever the title ends and whatever headings the body has.
    #[test]
    fn a_jrnl_entry_has_one_id_in_every_file_of_jrnl(
        entries in prop::collection::vec(
            (
                0i64..50_000_000,
                0u32..60,
                "[A-Za-z][A-Za-z0-9 ,;:'()!?.-]{0,40}[A-Za-z0-9.?!]",
                prop::collection::vec(
                    prop_oneof![
                        "[A-Za-z0-9][A-Za-z0-9 ,.;:'!?()-]{0,50}",
                        "#{1,3} [A-Za-z]{1,10}",
                        Just("====".to_string()),
                        Just("----".to_string()),
                        Just(String::new()),
                    ],
                    0..6,
                ),
            ),
            1..6,
        ),
    ) {
        use chrono::NaiveDateTime;
        let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let mut written: Vec<(NaiveDateTime, String, String)> = entries
            .into_iter()
            .map(|(min, sec, title, body)| {
                let at = start + chrono::Duration::minutes(min) + chrono::Duration::seconds(sec.into());
                (at, title.trim().to_string(), body.join("\n").trim().to_string())
            })
            .collect();
        written.sort_by_key(|w| w.0);
        let mut text = String::new();
        let mut md = Vec::new();
        let mut json = Vec::new();
        let (mut year, mut month) = (0, 0);
        for (at, title, body) in &written {
            let date = at.format("%Y-%m-%d %I:%M:%S %p").to_string();
            text.push_str(&format!("[{date}] {title}\n{body}\n\n"));
            if at.year() != year {
                year = at.year();
                md.push(format!("# {year}"));
                md.push(String::new());
            }
            if at.month() != month {
                month = at.month();
                md.push(format!("## {}", at.format("%B")));
                md.push(String::new());
            }
            md.push(jrnl_md_entry(&date, title, body));
            json.push(serde_json::json!({
                "title": title, "body": body,
                "date": at.format("%Y-%m-%d").to_string(),
                "time": at.format("%H:%M").to_string(),
                "tags": [], "starred": false,
            }));
        }
        let json = serde_json::json!({"tags": {}, "entries": json}).to_string();
        let md = md.join("\n");
        let path = std::path::Path::new("journal");
        let ids = |p: praxis::transfer::Parsed| p.entries.iter().map(|e| e.id).collect::<Vec<_>>();
        let from_text = ids(praxis::transfer::jrnl::parse_text(path, &text, None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?);
        let from_json = ids(praxis::transfer::jrnl::parse_json(path, &json)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?);
        let from_md = ids(praxis::transfer::jrnl::parse_md(path, &md, None)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{md}")))?);
        prop_assert_eq!(&from_text, &from_json, "{}", text);
        prop_assert_eq!(&from_text, &from_md, "{}", md);
    }
}

proptest! {
    // Each case writes a small journal in memory: fewer cases.
    #![proptest_config(ProptestConfig { cases: 32, ..config() })]

    #[test]
    fn the_praxis_json_export_reads_back_every_field(
        entries in prop::collection::vec(gibbs_entry(), 1..4),
    ) {
        let mut store = praxis::store::Store::open_in_memory().unwrap();
        let mut saved = Vec::new();
        for e in &entries {
            let rowid = store.insert_entry(e).unwrap();
            let mut e = store.entry_by_rowid(rowid).unwrap();
            e.version = 0; // the export leaves out the store's version counter
            saved.push(e);
        }
        let mut out = Vec::new();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
        let plan = praxis::transfer::export::Plan {
            mode: praxis::transfer::export::Mode::All,
            format: praxis::transfer::export::ExportFormat::Json,
            selection: praxis::store::Selection::default(),
            period: praxis::insights::Period::named("all", today).unwrap(),
            from: None,
            excerpts: None,
            include_stage_notes: false,
            include_callins: false,
            today,
        };
        let catalog = praxis::config::catalog::Catalog::builtin();
        praxis::transfer::export::write(&store, &catalog, &plan, None, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut got = praxis::transfer::json::parse(std::path::Path::new("x.json"), &text)
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .entries;
        got.sort_by_key(|e| e.id);
        saved.sort_by_key(|e| e.id);
        prop_assert_eq!(got, saved);
    }
}
