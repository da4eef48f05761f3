#![allow(clippy::unwrap_used)] // Tests fail loudly by design.
//! The HTML export as a reader's browser would get it: one self-contained page that
//! fetches nothing, whose tags balance, where hostile journal text stays text, and whose
//! charts say what the numbers say.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use praxis::insights::Trend;
use praxis::model::{
    Action, ActionStatus, AgendaItem, CheckIn, Cpd, Details, Entry, EntryKind, Function, Load,
    SessionStage, Stage, StageNote, StrengthTag, Supervision, Whose,
};
use praxis::transfer::excerpt::ExcerptPart;
use praxis::transfer::export::{Head, Sink};
use praxis::transfer::html::{HtmlSink, escape, write_profile, write_review, write_summary};
use praxis::transfer::profile::{Log, ProfileDoc, Record};
use praxis::transfer::summary::{
    ActionItem, ActionSummary, CallinSummary, CheckinSummary, CheckinWeekSummary, Excerpt,
    FeedbackCounts, GroupCounts, ModelCount, RecognitionCounts, RiskCounts, RuptureCounts,
    StageSummary, StrengthSummary, Summary, SummaryPeriod, WeekTotal, WithOthers,
};

// ---------------------------------------------------------------------------------------
// Building inputs

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-03-18T20:00:00Z".parse().unwrap()
}

fn head(redacted: bool) -> Head {
    Head {
        title: "Shareable reflections".into(),
        made_on: day(2026, 3, 18),
        from: Some("Sam (student nurse)".into()),
        period: "2026-01-01 to 2026-03-18".into(),
        redacted,
        models: BTreeMap::from([("gibbs".to_string(), "Gibbs reflective cycle".to_string())]),
    }
}

fn entry(kind: EntryKind, on: NaiveDate, title: &str, body: &str) -> Entry {
    let mut e = Entry::new(kind, on, now());
    e.title = title.into();
    e.body = body.into();
    e
}

/// A reflection with everything an entry can hold.
fn full_reflection() -> Entry {
    let mut e = entry(
        EntryKind::Reflection,
        day(2026, 3, 12),
        "A hard handover",
        "The ward was short.\nI stayed late.\n\n- asked for help\n- [ ] book a debrief\n- [x] wrote it up",
    );
    e.model = Some("gibbs".into());
    for (key, label, text) in [
        ("description", "Description", "What happened, briefly."),
        ("feelings", "Feelings", "   "),
        ("analysis", "Analysis", "Why it **mattered**."),
    ] {
        e.sections.push(praxis::model::Section {
            key: key.into(),
            label: label.into(),
            text: text.into(),
        });
    }
    e.strengths = vec![
        StrengthTag::new("listening", Whose::Mine),
        StrengthTag::new("hope", Whose::Person),
        StrengthTag::new("teamwork", Whose::Team),
    ];
    e.tags = vec!["handover".into(), "nights".into()];
    e.checkin = Some(CheckIn {
        mood: Some(2),
        energy: Some(3),
        load: Some(Load::Heavy),
        word: Some("stretched".into()),
        ..CheckIn::default()
    });
    let mut a = Action::new("Ask about the rota", Some(day(2026, 4, 2)));
    a.status = ActionStatus::Partly;
    e.actions = vec![a, Action::new("Read the policy", None)];
    e.for_supervision = true;
    e
}

fn stage_note() -> Entry {
    let mut e = entry(EntryKind::StageNote, day(2026, 2, 3), "Smoking, again", "");
    e.details = Details::StageNote(StageNote {
        subject: "river-7".into(),
        topic: "smoking".into(),
        stage: Stage::Contemplation,
        certainty: None,
        mi_process: None,
        change_talk: Vec::new(),
        importance: Some(6),
        confidence: None,
        review_on: Some(day(2026, 3, 3)),
    });
    e
}

fn cpd() -> Entry {
    let mut e = entry(
        EntryKind::Cpd,
        day(2026, 1, 20),
        "Safeguarding update",
        "Notes.",
    );
    e.details = Details::Cpd(Cpd {
        activity_type: "training".into(),
        hours: 3.5,
        participatory: true,
        linked: Vec::new(),
    });
    e
}

fn supervision_prep() -> Entry {
    let mut e = entry(EntryKind::Supervision, day(2026, 3, 1), "Prep", "");
    e.details = Details::Supervision(Supervision {
        stage: SessionStage::Prep,
        session_on: day(2026, 3, 4),
        supervisor_role: Some("practice educator".into()),
        session_type: None,
        length_minutes: Some(60),
        prep: None,
        counts_as_cpd: false,
        peer_reflection: false,
        agenda: vec![AgendaItem {
            text: "heavy weeks".into(),
            function: Some(Function::Restorative),
            minutes: Some(15),
            want: None,
        }],
    });
    e
}

fn render_entries(head: &Head, entries: &[Entry]) -> String {
    let mut out = Vec::new();
    let mut sink = HtmlSink::default();
    sink.begin(&mut out, head).unwrap();
    for e in entries {
        sink.entry(&mut out, head, e).unwrap();
    }
    sink.end(&mut out, head).unwrap();
    String::from_utf8(out).unwrap()
}

fn week(d: NaiveDate, kinds: &[(&str, i64)]) -> WeekTotal {
    WeekTotal {
        week: d,
        total: kinds.iter().map(|(_, n)| n).sum(),
        by_kind: kinds.iter().map(|(k, n)| ((*k).to_string(), *n)).collect(),
    }
}

fn cweek(d: NaiveDate, mood: Option<f64>, energy: Option<f64>) -> CheckinWeekSummary {
    CheckinWeekSummary {
        week: d,
        checkins: 2,
        mood,
        energy,
        heavy_days: 1,
    }
}

fn empty_summary() -> Summary {
    Summary {
        format: "praxis-summary".into(),
        version: 1,
        from: None,
        made_on: day(2026, 3, 18),
        period: SummaryPeriod {
            since: Some(day(2026, 2, 18)),
            until: day(2026, 3, 18),
            label: "the last 4 weeks".into(),
        },
        redacted: true,
        entries: 0,
        by_kind: BTreeMap::new(),
        weeks: Vec::new(),
        models: Vec::new(),
        strengths: Vec::new(),
        checkins: CheckinSummary::default(),
        actions: ActionSummary::default(),
        excerpts: Vec::new(),
        stages: None,
        callins: None,
        with_others: None,
    }
}

/// Weeks of 2, 3, 0, 1 and 4 entries; check-ins in weeks 0, 1 and 3 only.
fn busy_summary() -> Summary {
    let w = |i: u64| day(2026, 2, 16) + chrono::Days::new(7 * i);
    Summary {
        from: Some("Sam".into()),
        entries: 10,
        by_kind: BTreeMap::from([
            ("reflection".to_string(), 6),
            ("cpd".to_string(), 2),
            ("check-in".to_string(), 2),
        ]),
        weeks: vec![
            week(w(0), &[("reflection", 1), ("cpd", 1)]),
            week(w(1), &[("reflection", 2), ("check-in", 1)]),
            week(w(2), &[]),
            week(w(3), &[("reflection", 1)]),
            week(w(4), &[("reflection", 2), ("cpd", 1), ("check-in", 1)]),
        ],
        models: vec![
            ModelCount {
                model: "gibbs".into(),
                name: "Gibbs reflective cycle".into(),
                count: 4,
            },
            ModelCount {
                model: "borton".into(),
                name: "Borton".into(),
                count: 2,
            },
        ],
        strengths: vec![
            StrengthSummary {
                name: "listening".into(),
                group: "Relating".into(),
                mine: 3,
                person: 1,
                team: 0,
                colleague: 0,
                total: 4,
                trend: Trend::Up,
            },
            StrengthSummary {
                name: "hope".into(),
                group: "Resources & resilience".into(),
                mine: 0,
                person: 2,
                team: 0,
                colleague: 0,
                total: 2,
                trend: Trend::New,
            },
        ],
        checkins: CheckinSummary {
            checkins: 6,
            mood: Some(3.2),
            energy: Some(2.8),
            heavy_days: 3,
            heavy_persists: true,
            weeks: vec![
                cweek(w(0), Some(3.0), Some(2.5)),
                cweek(w(1), Some(4.0), Some(3.0)),
                cweek(w(3), Some(2.5), None),
            ],
        },
        actions: ActionSummary {
            open: 2,
            overdue: 1,
            done_in_period: 3,
            items: vec![ActionItem {
                text: "Book a debrief".into(),
                due_on: Some(day(2026, 3, 25)),
                status: "open".into(),
            }],
        },
        excerpts: vec![Excerpt {
            when: "March 2026".into(),
            kind: "reflection".into(),
            model: Some("Gibbs reflective cycle".into()),
            title: "A hard handover".into(),
            text: "Conclusion: I stayed late.\n\nAction plan: - asked for help".into(),
            parts: vec![
                ExcerptPart {
                    from: "Conclusion".into(),
                    text: "I stayed late.".into(),
                },
                ExcerptPart {
                    from: "Action plan, lines 1–2".into(),
                    text: "- asked for help\n- wrote it up".into(),
                },
            ],
            of: "2 of 6 parts".into(),
            strengths: vec!["listening".into(), "hope:person".into()],
            tags: vec!["handover".into()],
            for_supervision: true,
        }],
        stages: Some(vec![StageSummary {
            subject: "river-7".into(),
            topic: "smoking".into(),
            points: vec![
                ("January 2026".into(), "contemplation".into()),
                ("February 2026".into(), "preparation".into()),
                ("March 2026".into(), "recycling".into()),
            ],
            moves_back: 1,
        }]),
        callins: Some(CallinSummary {
            by_status: BTreeMap::from([("held".to_string(), 1), ("planned".to_string(), 2)]),
            by_rupture: BTreeMap::from([("none".to_string(), 1)]),
        }),
        ..empty_summary()
    }
}

fn render_summary(s: &Summary) -> String {
    let mut out = Vec::new();
    write_summary(&mut out, s).unwrap();
    String::from_utf8(out).unwrap()
}

// ---------------------------------------------------------------------------------------
// Checking output

/// A start or end tag as written.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

const ALLOWED: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "footer",
    "nav",
    "article",
    "section",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "p",
    "a",
    "span",
    "strong",
    "em",
    "br",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "div",
    "figure",
    "figcaption",
    "h4",
    "details",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "svg",
    "desc",
    "g",
    "rect",
    "line",
    "path",
    "circle",
    "text",
];
const VOID: &[&str] = &["meta", "br"];
const ATTRS: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "name",
    "content",
    "class",
    "id",
    "href",
    "role",
    "aria-labelledby",
    "aria-label",
    "aria-hidden",
    "viewbox",
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "width",
    "height",
    "rx",
    "r",
    "cx",
    "cy",
    "d",
    "text-anchor",
    "data-total",
    "scope",
];

/// Headings in order, as levels: a page's outline.
fn heading_levels(tags: &[Tag]) -> Vec<u8> {
    tags.iter()
        .filter(|t| !t.closing && t.name.len() == 2 && t.name.starts_with('h'))
        .filter_map(|t| t.name[1..].parse().ok())
        .collect()
}
const NUMERIC: &[&str] = &[
    "x", "y", "x1", "x2", "y1", "y2", "width", "height", "rx", "r", "cx", "cy",
];

/// Every tag of the page (the style sheet skipped), and the text between tags.
fn parse(html: &str) -> (Vec<Tag>, String) {
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("a tag that never closes") + lt;
        let inner = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if inner.starts_with('!') {
            assert!(inner.eq_ignore_ascii_case("!doctype html"), "{inner}");
            continue;
        }
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let self_closing = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let (name, mut a) = inner.split_once([' ', '\n']).unwrap_or((inner, ""));
        let mut attrs = Vec::new();
        loop {
            a = a.trim_start();
            if a.is_empty() {
                break;
            }
            let (k, after) = a
                .split_once("=\"")
                .unwrap_or_else(|| panic!("bare attribute in <{inner}>"));
            let (v, after) = after.split_once('"').unwrap();
            attrs.push((k.to_ascii_lowercase(), v.to_string()));
            a = after;
        }
        let tag = Tag {
            name: name.to_ascii_lowercase(),
            closing,
            self_closing,
            attrs,
        };
        if tag.name == "style" && !tag.closing {
            let end = rest.find("</style>").unwrap();
            let css = &rest[..end];
            assert!(!css.contains('<'), "markup in the style sheet");
            for bad in ["url(", "@import", "@font-face", "http", "//", "expression("] {
                assert!(!css.contains(bad), "the style sheet has {bad}");
            }
            rest = &rest[end..];
        }
        tags.push(tag);
    }
    text.push_str(rest);
    (tags, text)
}

/// The checks every page must pass: a whole, offline, well-formed document.
fn check_page(html: &str) -> Vec<Tag> {
    assert!(html.starts_with("<!doctype html>\n"), "{}", &html[..40]);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    ));
    assert!(html.find("Content-Security-Policy").unwrap() < html.find("<title>").unwrap());
    if let Some(c) = html
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        panic!("raw control character {c:?}");
    }
    let (tags, text) = parse(html);
    assert!(!text.contains('>'), "a raw > in text");
    let mut open: Vec<&str> = Vec::new();
    for t in &tags {
        assert!(
            ALLOWED.contains(&t.name.as_str()),
            "unexpected <{}>",
            t.name
        );
        for (k, v) in &t.attrs {
            assert!(
                ATTRS.contains(&k.as_str()),
                "unexpected attribute {k} on <{}>",
                t.name
            );
            if k == "href" {
                assert!(v.starts_with('#') && !v.contains(':'), "href {v}");
            }
            if NUMERIC.contains(&k.as_str()) {
                let n: f64 = v.parse().unwrap_or_else(|_| panic!("{k}=\"{v}\""));
                assert!(n.is_finite() && n >= -1.0, "{k}=\"{v}\"");
            }
            for bad in ["http", "//", "url(", "javascript"] {
                assert!(!v.contains(bad), "{k}=\"{v}\"");
            }
        }
        if t.closing {
            assert_eq!(
                open.pop(),
                Some(t.name.as_str()),
                "</{}> closes the wrong tag",
                t.name
            );
        } else if !t.self_closing && !VOID.contains(&t.name.as_str()) {
            open.push(&t.name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
    // Ids are unique: a link, a label or a heading reference finds one element.
    let mut ids = std::collections::HashSet::new();
    for t in &tags {
        if let Some(id) = attr(t, "id") {
            assert!(ids.insert(id.to_string()), "id {id} is used twice");
        }
    }
    // Every in-page link has its anchor.
    for t in &tags {
        for (k, v) in &t.attrs {
            if k == "href" {
                let id = &v[1..];
                assert!(
                    tags.iter()
                        .any(|u| u.attrs.iter().any(|(k, w)| k == "id" && w == id)),
                    "#{id} leads nowhere"
                );
            }
        }
    }
    // (A `src=` in text is harmless and escaped; attributes are checked above.)
    for bad in [
        "<script", "<link", "<iframe", "<img", "<object", "<embed", "<input",
    ] {
        assert!(!html.to_ascii_lowercase().contains(bad), "{bad}");
    }
    tags
}

/// The page without the one word that contains "http" legitimately.
fn no_equiv(html: &str) -> String {
    html.replace("http-equiv", "")
}

/// The attribute `k` of tag `t`.
fn attr<'a>(t: &'a Tag, k: &str) -> Option<&'a str> {
    t.attrs
        .iter()
        .find(|(a, _)| a == k)
        .map(|(_, v)| v.as_str())
}

/// Words a page of patterns must never use: they are prompts, not marks.
fn assert_no_marks(html: &str) {
    let lower = html.to_lowercase();
    for w in ["score", "streak", "grade", "rating:"] {
        assert!(!lower.contains(w), "the page says {w}");
    }
}

// ---------------------------------------------------------------------------------------
// Entries

#[test]
fn entries_show_everything_they_hold_in_a_well_formed_offline_page() {
    let h = head(false);
    let html = render_entries(
        &h,
        &[full_reflection(), stage_note(), cpd(), supervision_prep()],
    );
    check_page(&html);
    assert!(!no_equiv(&html).contains("http"), "no address of any kind");
    assert!(html.contains("<title>Shareable reflections</title>"));
    assert!(html.contains("From Sam (student nurse)"));
    assert!(html.contains("2026-01-01 to 2026-03-18"));
    assert!(!html.contains("Identifying details were replaced"));
    assert_eq!(html.matches("<article ").count(), 4);
    // The reflection: date, kind, model name, sections (empty ones skipped), body.
    assert!(html.contains("2026-03-12 · reflection · Gibbs reflective cycle"));
    assert!(html.contains("for supervision"));
    assert!(html.contains("<h3>Description</h3>"));
    assert!(!html.contains("<h3>Feelings</h3>"));
    assert!(html.contains("Why it <strong>mattered</strong>."));
    assert!(html.contains("<p>The ward was short.<br>\nI stayed late.</p>"));
    assert!(html.contains("<li class=\"task\">☐ book a debrief</li>"));
    assert!(html.contains("<li class=\"task done\">☑ wrote it up</li>"));
    // Strengths with whose, tags, check-in, actions.
    assert!(html.contains("listening <span class=\"whose\">mine</span>"));
    assert!(html.contains("hope <span class=\"whose\">person supported</span>"));
    assert!(html.contains("teamwork <span class=\"whose\">team</span>"));
    assert!(html.contains("#handover"));
    assert!(html.contains("mood 2/5 · energy 3/5 · load heavy · “stretched”"));
    assert!(html.contains("◐ Ask about the rota <span class=\"meta\">(due 2026-04-02 · partly)"));
    assert!(html.contains("☐ Read the policy <span class=\"meta\">(open)"));
    // Typed details.
    assert!(html.contains("<dt>Subject</dt><dd>river-7</dd>"));
    assert!(html.contains("<dt>Topic</dt><dd>smoking</dd>"));
    assert!(html.contains("<dt>Stage</dt><dd>contemplation</dd>"));
    assert!(html.contains("<dt>Activity</dt><dd>training</dd>"));
    assert!(html.contains("<dt>Hours</dt><dd>3.5</dd>"));
    assert!(html.contains("<dt>Participatory</dt><dd>yes</dd>"));
    assert!(html.contains("heavy weeks (restorative · 15 min)"));
    assert!(html.contains("<dt>Supervisor’s role</dt><dd>practice educator</dd>"));
    // A model id of another kind is not shown as if it were a reflective model.
    assert!(html.contains("2026-02-03 · stage note</p>"));
    // Four entries: a table of contents after them, reached from the top.
    assert!(html.contains("<nav id=\"contents\""));
    assert!(html.find("<nav").unwrap() > html.rfind("</article>").unwrap());
    assert!(html.contains("<a href=\"#e1\">A hard handover</a>"));
    assert!(html.contains("<a href=\"#e4\">Prep</a>"));
}

#[test]
fn an_action_written_in_a_section_is_shown_once_as_it_stands() {
    let mut e = full_reflection();
    e.sections.push(praxis::model::Section {
        key: "action-plan".into(),
        label: "Action plan".into(),
        text:
            "Talk to the team first.\n- [ ] Ask about the rota (due 2026-04-02)\n- [ ] not tracked"
                .into(),
    });
    let html = render_entries(&head(false), &[e]);
    check_page(&html);
    assert_eq!(html.matches("Ask about the rota").count(), 1, "{html}");
    // In its section, with its status and date; the other action under Actions.
    let plan = html.find("<h3>Action plan</h3>").unwrap();
    let rota = html
        .find("◐ Ask about the rota <span class=\"meta\">(due 2026-04-02 · partly)")
        .unwrap();
    let actions = html.find("<h3>Actions</h3>").unwrap();
    assert!(plan < rota && rota < actions, "{html}");
    assert!(html[actions..].contains("Read the policy"));
    assert!(html.contains("<li class=\"task\">☐ not tracked</li>"));
    // When every action is in a section, there is no list of actions at all.
    let mut e = full_reflection();
    e.actions.truncate(1);
    e.sections.push(praxis::model::Section {
        key: "action-plan".into(),
        label: "Action plan".into(),
        text: "- [ ] Ask about the rota".into(),
    });
    let html = render_entries(&head(false), &[e]);
    assert!(!html.contains("<h3>Actions</h3>"), "{html}");
    assert_eq!(html.matches("Ask about the rota").count(), 1, "{html}");
}

#[test]
fn a_redacted_export_says_so_and_shows_months_not_days() {
    let h = head(true);
    let html = render_entries(&h, &[full_reflection()]);
    check_page(&html);
    assert!(html.contains(
        "Identifying details were replaced by placeholders such as [PERSON-1]; dates are shown by month"
    ));
    assert!(html.contains("March 2026 · reflection"));
    assert!(html.contains("due April 2026"));
    assert!(!html.contains("2026-03-12"));
}

#[test]
fn the_table_of_contents_is_there_only_when_it_helps() {
    let h = head(false);
    let make = |n: usize| -> Vec<Entry> {
        (0..n)
            .map(|i| {
                entry(
                    EntryKind::Reflection,
                    day(2026, 1, 1),
                    &format!("Entry {i}"),
                    "text",
                )
            })
            .collect()
    };
    for (n, toc) in [(0, false), (3, false), (4, true), (500, true), (501, false)] {
        let html = render_entries(&h, &make(n));
        check_page(&html);
        assert_eq!(html.contains("<nav id=\"contents\""), toc, "{n} entries");
        assert_eq!(html.matches("<article ").count(), n);
        if n == 0 {
            assert!(html.contains("No entries in this export."));
        }
    }
}

#[test]
fn hostile_entry_text_stays_text() {
    let mut e = entry(
        EntryKind::Reflection,
        day(2026, 3, 1),
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>\n\n<a href=\"javascript:alert(1)\">click</a> javascript:alert(2)\n\n\
         esc \u{1b}[31mred\u{1b}[0m osc \u{1b}]0;owned\u{7} nul \0 del \u{7f} csi \u{9b}2J nel \u{85}\r\n\
         עברית ‏العربية \u{202e}reversed\u{202c} 👩🏽‍⚕️🫶\n\n</p></article><style>body{background:url(https://x)}</style>\n\
         <!-- comment --> & &amp; 'quoted'",
    );
    e.tags = vec!["<b>tag</b>".into(), "a\"b".into()];
    e.strengths = vec![StrengthTag::new("</li><script>", Whose::Mine)];
    e.sections.push(praxis::model::Section {
        key: "k".into(),
        label: "<h1>label</h1>".into(),
        text: "- <i>item</i>\n- [x] **<u>done</u>**".into(),
    });
    e.actions = vec![Action::new("<iframe src=//x>", None)];
    e.checkin = Some(CheckIn {
        word: Some("<svg onload=alert(1)>".into()),
        helped: Some("\u{1b}[2J".into()),
        ..CheckIn::default()
    });
    let mut h = head(false);
    h.title = "<title>x</title>".into();
    h.from = Some("\"><script>".into());
    let html = render_entries(&h, &[e]);
    check_page(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;"));
    assert!(html.contains("&lt;/p&gt;&lt;/article&gt;&lt;style&gt;"));
    assert!(html.contains("&lt;!-- comment --&gt; &amp; &amp;amp; &#39;quoted&#39;"));
    assert!(
        html.contains("esc \u{fffd}[31mred\u{fffd}[0m osc \u{fffd}]0;owned\u{fffd} nul \u{fffd}")
    );
    assert!(html.contains("עברית ‏العربية \u{202e}reversed\u{202c} 👩🏽‍⚕️🫶"));
    assert!(html.contains("<li>&lt;i&gt;item&lt;/i&gt;</li>"));
    assert!(html.contains("#&lt;b&gt;tag&lt;/b&gt;"));
    assert!(html.contains("<h3>&lt;h1&gt;label&lt;/h1&gt;</h3>"));
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("<title>").count(), 1);
}

#[test]
fn a_one_megabyte_body_comes_through_whole_and_fast() {
    let line = "Ordinary words about a long shift, <again> & again. ";
    let body: String = (0..20_000)
        .map(|i| {
            if i % 10 == 9 {
                format!("{line}\n\n")
            } else {
                line.to_string()
            }
        })
        .collect();
    assert!(body.len() > 1_000_000);
    let e = entry(EntryKind::Reflection, day(2026, 3, 1), "Long", &body);
    let t = Instant::now();
    let html = render_entries(&head(false), &[e]);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    check_page(&html);
    assert_eq!(html.matches("&lt;again&gt; &amp; again.").count(), 20_000);
    assert_eq!(html.matches("<p>").count(), 2_000);
}

#[test]
fn escape_is_the_one_way_text_enters_a_page() {
    assert_eq!(
        escape("a < b & c > \"d\" 'e'"),
        "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;"
    );
    assert_eq!(
        escape("\u{1b}]8;;https://x\u{7}link"),
        "\u{fffd}]8;;https://x\u{fffd}link"
    );
    assert_eq!(escape("plain"), "plain");
}

/// A writer that counts bytes, to time the rendering alone.
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `cargo test --release --test html -- --ignored`: 100,000 entries in about a second.
#[test]
#[ignore = "a timing check, meaningful in release builds"]
fn a_hundred_thousand_entries_stream_in_about_a_second() {
    let h = head(true);
    let template = full_reflection();
    let mut sink = HtmlSink::default();
    let mut out = Count(0);
    let t = Instant::now();
    sink.begin(&mut out, &h).unwrap();
    for i in 0..100_000 {
        let mut e = template.clone();
        e.title = format!("Entry {i}");
        sink.entry(&mut out, &h, &e).unwrap();
    }
    sink.end(&mut out, &h).unwrap();
    let took = t.elapsed();
    eprintln!("100,000 entries: {} MB in {took:?}", out.0 / 1_000_000);
    assert!(took < Duration::from_secs(3), "{took:?}");
}

// ---------------------------------------------------------------------------------------
// Summaries

/// The total height of the rects of each `<g class="bar">`, in order.
fn bar_heights(tags: &[Tag]) -> Vec<(i64, f64)> {
    let mut bars = Vec::new();
    let mut in_bar = false;
    for t in tags {
        if t.name == "g" && !t.closing && attr(t, "class") == Some("bar") {
            let total: i64 = attr(t, "data-total").unwrap().parse().unwrap();
            bars.push((total, 0.0));
            in_bar = true;
        } else if t.name == "g" && t.closing {
            in_bar = false;
        } else if in_bar && t.name == "rect" {
            let h: f64 = attr(t, "height").unwrap().parse().unwrap();
            bars.last_mut().unwrap().1 += h;
        }
    }
    bars
}

#[test]
fn the_weeks_chart_has_one_bar_per_week_proportional_to_its_count() {
    let s = busy_summary();
    let html = render_summary(&s);
    let tags = check_page(&html);
    let bars = bar_heights(&tags);
    let totals: Vec<i64> = bars.iter().map(|b| b.0).collect();
    assert_eq!(totals, [2, 3, 0, 1, 4]);
    // Heights in proportion to the counts: the same height per entry in every week.
    let per_entry = bars[4].1 / 4.0;
    assert!(per_entry > 10.0, "{bars:?}");
    for (n, h) in &bars {
        #[allow(clippy::cast_precision_loss)]
        let want = *n as f64 * per_entry;
        assert!(
            (h - want).abs() < 0.05,
            "{n} entries drawn {h} high, want {want}: {bars:?}"
        );
    }
    // Accessible name, description, legend and the numbers as a table.
    assert!(html.contains("<title id=\"weeks-t\">Entries per week</title>"));
    assert!(html.contains("<desc id=\"weeks-d\">10 entries over 5 weeks, stacked by kind."));
    assert!(html.contains("aria-labelledby=\"weeks-t weeks-d\""));
    assert!(html.contains("viewBox=\"0 0 480 212\""));
    assert!(html.contains("<summary>Entries per week as a table</summary>"));
    assert!(html.contains("<tr><td>Week 5 (March 2026)</td><td class=\"n\">4</td>"));
    assert!(html.contains(">Feb</text>") && html.contains(">2026</text>"));
    for k in ["reflection", "CPD", "check-in"] {
        assert!(html.contains(&format!("</svg>{k}</li>")), "legend {k}");
    }
}

/// Every date of the page written to the day: ISO dates and "16 March 2026".
fn days_named(html: &str) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let words: Vec<&str> = html
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let iso = w.len() == 10
            && w.chars().enumerate().all(|(k, c)| {
                if k == 4 || k == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if iso {
            found.push((*w).to_string());
        }
        // "Week 5 (March 2026)" names a week, not a day.
        let after_week = i > 1 && words[i - 2].eq_ignore_ascii_case("week");
        if MONTHS.contains(w)
            && i > 0
            && !after_week
            && words[i - 1].len() <= 2
            && words[i - 1].chars().all(|c| c.is_ascii_digit())
        {
            found.push(format!("{} {w}", words[i - 1]));
        }
    }
    found
}

#[test]
fn a_redacted_summary_names_weeks_by_number_and_month_never_by_day() {
    let s = busy_summary();
    assert!(s.redacted);
    let html = render_summary(&s);
    check_page(&html);
    assert!(html.contains("dates are shown by month, and weeks by their number in the period"));
    // Only the day it was made on is a day.
    let days = days_named(&html);
    assert!(days.iter().all(|d| d == "18 March"), "{days:?}");
    assert!(html.contains("<th scope=\"col\">Week</th>"));
    assert!(html.contains("<tr><td>Week 1 (February 2026)</td>"));
    assert!(html.contains("<title>Week 2 (February 2026): 3 entries"));
    assert!(html.contains("The most in one week: 4 (week 5 (March 2026))."));
    // Unredacted, the weeks keep their dates.
    let mut open = busy_summary();
    open.redacted = false;
    let html = render_summary(&open);
    assert!(html.contains("<tr><td>2026-03-16</td><td class=\"n\">4</td>"));
    assert!(html.contains("<title>Week of 23 February 2026: 3 entries"));
    assert!(!html.contains("weeks by their number"));
}

#[test]
fn mood_and_energy_are_lines_with_gaps_where_no_one_checked_in() {
    let html = render_summary(&busy_summary());
    check_page(&html);
    let path = |class: &str| {
        let at = html.find(&format!("<path class=\"{class}\" d=\"")).unwrap();
        let rest = &html[at..];
        let d = rest.split("d=\"").nth(1).unwrap();
        d[..d.find('"').unwrap()].to_string()
    };
    // Mood in weeks 0, 1 and 3: a line from 0 to 1, then a new start at 3.
    let mood = path("l-mood");
    assert_eq!(mood.matches('M').count(), 2, "{mood}");
    assert_eq!(mood.matches('L').count(), 1, "{mood}");
    // Energy in weeks 0 and 1 only.
    let energy = path("l-energy");
    assert_eq!(
        (energy.matches('M').count(), energy.matches('L').count()),
        (1, 1)
    );
    assert_eq!(html.matches("<circle class=\"p-mood\"").count(), 3);
    assert_eq!(html.matches("<circle class=\"p-energy\"").count(), 2);
    // Mood 4 sits higher than mood 3 (smaller y), on the same x as week 1's bar.
    assert!(html.contains("6 check-ins; on average mood 3.2 and energy 2.8 (1 to 5)"));
    assert!(html.contains("<summary>Check-ins per week as a table</summary>"));
    assert!(html.contains("<td class=\"n\">4.0</td><td class=\"n\">3.0</td>"));
}

/// The `y` of every `<circle class="p-NAME">` and of the axis line.
fn point_ys(tags: &[Tag], name: &str) -> Vec<f64> {
    tags.iter()
        .filter(|t| t.name == "circle" && attr(t, "class") == Some(&format!("p-{name}")))
        .map(|t| attr(t, "cy").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn a_lone_low_point_stands_above_the_axis_with_its_value() {
    // A 4-week summary whose one check-in with an energy was a 1.
    let mut s = busy_summary();
    s.checkins.weeks = vec![cweek(day(2026, 3, 16), Some(3.0), Some(1.0))];
    let html = render_summary(&s);
    let tags = check_page(&html);
    let axis: f64 = tags
        .iter()
        .find(|t| t.name == "line" && attr(t, "class") == Some("axis"))
        .map(|t| attr(t, "y1").unwrap().parse().unwrap())
        .expect("an axis line");
    let energy = point_ys(&tags, "energy");
    assert_eq!(energy.len(), 1);
    assert!(
        energy[0] < axis - 8.0,
        "energy 1 at {} on an axis at {axis}",
        energy[0]
    );
    // A point with no line through it says its value.
    assert!(html.contains("<text class=\"v-energy\""), "{html}");
    assert!(html.contains("text-anchor=\"start\">1.0</text>"), "{html}");
    assert!(html.contains("<text class=\"v-mood\""));
    // The chart's text alternative says what it shows.
    assert!(
        html.contains("mood 3.0 in 1 week; energy 1.0 in 1 week"),
        "{html}"
    );
}

#[test]
fn long_model_names_wrap_in_the_chart_instead_of_being_cut() {
    let mut s = busy_summary();
    s.models[0].name = "Rolfe's framework for reflexive practice".into();
    let html = render_summary(&s);
    check_page(&html);
    assert!(html.contains(">Rolfe&#39;s framework for</text>"), "{html}");
    assert!(html.contains(">reflexive practice</text>"));
}

#[test]
fn a_summary_shows_strengths_models_actions_excerpts_stages_and_callins() {
    let html = render_summary(&busy_summary());
    check_page(&html);
    assert_no_marks(&html);
    assert!(!no_equiv(&html).contains("http"));
    assert!(html.contains("<title>Practice summary: Sam, the last 4 weeks</title>"));
    assert!(html.contains("10 entries in the period"));
    assert!(html.contains("not a measure of anyone’s practice"));
    // Strengths split by whose, with trend words.
    assert!(html.contains("<rect class=\"s-mine\""));
    assert!(html.contains("<rect class=\"s-person\""));
    assert!(html.contains(">listening</text>"));
    assert!(html.contains("4 · more than before</text>"));
    assert!(html.contains("2 · new</text>"));
    assert!(html.contains("<summary>Strengths as a table</summary>"));
    // Models as bars.
    // Names are whole in the chart, as in its tooltip and table.
    assert!(html.contains(">Gibbs reflective cycle</text>"));
    assert!(!html.contains("…</text>"), "no name is cut");
    assert!(html.contains("<title>Gibbs reflective cycle: 4 entries</title>"));
    assert_eq!(html.matches("<rect class=\"s-bar\"").count(), 2);
    // Actions.
    assert!(html.contains("<strong>2</strong>open"));
    assert!(html.contains("<strong>1</strong>past their date"));
    assert!(html.contains("<strong>3</strong>done in the period"));
    assert!(html.contains("Book a debrief <span class=\"meta\">(due March 2026 · open)"));
    // The excerpt: chosen parts, each saying where it is from, and how much of the entry.
    assert!(html.contains("<h3>A hard handover</h3>"));
    assert!(html.contains("<p class=\"meta of\">Excerpt: 2 of 6 parts</p>"));
    assert!(html.contains(
        "<p class=\"from\">From <strong>Conclusion</strong></p>\n<blockquote>\n<p>I stayed late.</p>\n</blockquote>"
    ));
    assert!(html.contains("From <strong>Action plan, lines 1–2</strong>"));
    assert!(
        !html.contains("Conclusion: I stayed late."),
        "the joined text is for old readers"
    );
    assert!(html.contains("March 2026 · reflection · Gibbs reflective cycle"));
    assert!(html.contains("<li>listening <span class=\"whose\">mine</span></li>"));
    assert!(html.contains("<li>hope <span class=\"whose\">person supported</span></li>"));
    assert!(html.contains("<li>#handover</li>"));
    // Stages and call-ins, only because they were included.
    assert!(html.contains("<h2>Stages of change</h2>"));
    assert!(
        html.contains("contemplation <span class=\"meta\">(January 2026)</span> → preparation")
    );
    assert!(html.contains("A return to an earlier stage is a common part of change."));
    assert!(
        html.contains("<path class=\"l-stage\" d=\"M"),
        "a step chart"
    );
    assert!(html.contains("<h2>Call-ins</h2>"));
    assert!(html.contains("<tr><td>planned</td><td class=\"n\">2</td></tr>"));
    // The redaction note.
    assert!(html.contains("dates are shown by month"));
}

/// The busy summary with practice with others counted, ruptures and plans shared, and a
/// colleague's share of a strength.
fn with_others_summary() -> Summary {
    let mut s = busy_summary();
    s.strengths[0].colleague = 2;
    s.strengths[0].total += 2;
    s.with_others = Some(WithOthers {
        recognition: RecognitionCounts {
            given: 3,
            given_not_yet_said: 1,
            received: 2,
        },
        feedback: FeedbackCounts {
            total: 2,
            by_source: BTreeMap::from([("family-carer".to_string(), 2)]),
            by_tone: BTreeMap::from([("appreciative".to_string(), 2)]),
        },
        group_sessions: GroupCounts {
            total: 1,
            by_format: BTreeMap::from([("action-learning-set".to_string(), 1)]),
            peer_reflection: 1,
        },
        ruptures: Some(RuptureCounts {
            noticed: 2,
            by_status: BTreeMap::from([("open".to_string(), 1), ("repaired".to_string(), 1)]),
            by_kind: BTreeMap::new(),
            repair_days: vec![9],
        }),
        positive_risk: Some(RiskCounts {
            plans: 1,
            active: 1,
            reviews: BTreeMap::new(),
            reviews_due: 1,
        }),
    });
    s
}

#[test]
fn a_summary_shows_practice_with_others_in_words_with_each_kinds_colour() {
    let html = render_summary(&with_others_summary());
    check_page(&html);
    assert_no_marks(&html);
    assert!(html.contains("<h2>Practice with others</h2>"), "{html}");
    for (class, label, text) in [
        (
            "k-recognition",
            "Recognition",
            "3 given, 1 of them not yet said; 2 received",
        ),
        (
            "k-feedback",
            "Feedback",
            "2 pieces: 2 from families or carers; 2 appreciative",
        ),
        (
            "k-group-session",
            "Group and peer sessions",
            "1 session: 1 action-learning set; 1 as peer reflection",
        ),
        (
            "k-rupture",
            "Ruptures and repair",
            "2 noticed: 1 open, 1 repaired; the repair took 9 days",
        ),
        (
            "k-positive-risk",
            "Positive-risk plans",
            "1 made, 1 still active; 1 review due",
        ),
    ] {
        let line = format!(
            "<rect class=\"{class}\" width=\"10\" height=\"10\" rx=\"2\"/></svg>{label}</dt><dd>{text}</dd>"
        );
        assert!(html.contains(&line), "{line}");
    }
    // Every kind's colour is defined, for light and dark.
    for kind in [
        "recognition",
        "feedback",
        "rupture",
        "positive-risk",
        "group-session",
    ] {
        assert_eq!(html.matches(&format!("--k-{kind}:#")).count(), 2, "{kind}");
    }
    // A colleague's share of a strength is drawn, keyed and in the table.
    assert!(html.contains("<rect class=\"s-colleague\" x="));
    assert!(html.contains("</svg>colleague</li>"));
    assert!(html.contains("<th scope=\"col\" class=\"n\">Colleague</th>"));
    assert!(html.contains("listening: 3 mine, 1 person supported, 0 team, 2 colleague"));
    // Nothing of it where nothing was written or it was not counted.
    let html = render_summary(&busy_summary());
    assert!(!html.contains("Practice with others"));
    assert!(!html.contains("<rect class=\"s-colleague\""));
    assert!(!html.contains("</svg>colleague</li>"));
}

#[test]
fn an_empty_summary_says_so_plainly_without_nan_or_inf() {
    let html = render_summary(&empty_summary());
    check_page(&html);
    assert_no_marks(&html);
    assert!(html.contains("Nothing in this period: no entries and no check-ins."));
    assert!(!html.contains("<svg class=\"chart\""));
    for bad in ["NaN", "inf<", "\"inf", "Infinity", "<details>"] {
        assert!(!html.contains(bad), "{bad}");
    }
}

#[test]
fn odd_numbers_in_a_summary_file_draw_nothing_strange() {
    let mut s = busy_summary();
    s.weeks[1].total = -5;
    s.weeks[1].by_kind.insert("reflection".into(), -5);
    s.weeks[2].by_kind.insert("made-up-kind".into(), 2);
    s.weeks[2].total = 2;
    s.checkins.mood = Some(f64::NAN);
    s.checkins.weeks[0].mood = Some(f64::INFINITY);
    s.checkins.weeks[1].energy = Some(99.0);
    s.strengths[0].mine = -1;
    let html = render_summary(&s);
    check_page(&html);
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!html.contains(bad), "{bad}");
    }
    // An unknown kind is drawn in the neutral colour, its name shown as text only.
    assert!(html.contains("<rect class=\"k-other\""));
    assert!(html.contains("made-up-kind"));
}

#[test]
fn hostile_text_in_a_summary_stays_text() {
    let mut s = busy_summary();
    s.from = Some("<script>x</script>".into());
    s.period.label = "\u{1b}[2J".into();
    s.excerpts[0].title = "\"><img src=x>".into();
    s.excerpts[0].kind = "<b>".into();
    s.strengths[0].name = "</text><script>".into();
    s.models[0].name = "</title><script>".into();
    s.stages.as_mut().unwrap()[0].subject = "<svg/onload=x>".into();
    let html = render_summary(&s);
    check_page(&html);
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(html.contains("&lt;/text&gt;&lt;script&gt;"));
}

// ---------------------------------------------------------------------------------------
// Profiles

#[test]
fn a_profile_is_sections_of_labelled_fields_and_a_table_of_totals() {
    let doc = ProfileDoc {
        title: "NMC revalidation: written reflective accounts".into(),
        guidance: vec![
            "Five written reflective accounts.".into(),
            "Keep them anonymous.".into(),
        ],
        records: vec![
            Record {
                heading: "Reflective account 1".into(),
                fields: vec![
                    (
                        "The nature of the activity".into(),
                        "A handover.\n\nA long one.".into(),
                    ),
                    (
                        "What you learned".into(),
                        "- ask early\n- <b>write</b> it down".into(),
                    ),
                    ("Relevance to the Code".into(), String::new()),
                ],
                missing: vec!["how it is relevant to the Code, in your own words".into()],
                source: 0,
            },
            Record {
                heading: "<script>".into(),
                fields: vec![("<dt>".into(), "\u{0}".into())],
                missing: Vec::new(),
                source: 1,
            },
        ],
        logs: vec![
            Log {
                id: "cpd-log".into(),
                title: "CPD log".into(),
                empty: "No CPD activities in this period.".into(),
                columns: vec!["Dates".into(), "Method".into(), "Number of hours".into()],
                rows: vec![Record {
                    heading: "Safeguarding <update>".into(),
                    fields: vec![
                        ("Dates".into(), "March 2026".into()),
                        ("Method".into(), "Course attendance".into()),
                        ("Number of hours".into(), String::new()),
                    ],
                    missing: vec!["the number of hours".into()],
                    source: 2,
                }],
            },
            Log {
                id: "feedback-log".into(),
                title: "Practice-related feedback log".into(),
                empty: "No feedback.".into(),
                columns: vec!["Date".into(), "Source".into(), "The feedback".into()],
                rows: vec![Record {
                    heading: "A complaint".into(),
                    fields: vec![
                        ("Date".into(), "March 2026".into()),
                        ("Source".into(), "A complaint".into()),
                        ("The feedback".into(), "Nobody told me.".into()),
                    ],
                    missing: vec!["what you learned from it".into()],
                    source: 3,
                }],
            },
            Log {
                id: "reflective-discussion\"><script>".into(),
                title: "Sessions".into(),
                empty: "None <yet>.".into(),
                columns: vec!["Date".into()],
                rows: Vec::new(),
            },
        ],
        totals: vec![
            ("CPD hours".into(), "12.5 of 35".into()),
            ("Participatory hours".into(), "6 of 20".into()),
        ],
    };
    let mut out = Vec::new();
    write_profile(&mut out, &head(true), &doc).unwrap();
    let html = String::from_utf8(out).unwrap();
    check_page(&html);
    assert!(!no_equiv(&html).contains("http"));
    assert!(html.contains("<title>NMC revalidation: written reflective accounts</title>"));
    assert!(html.contains("<p class=\"note\">Five written reflective accounts.</p>"));
    assert!(html.contains("dates are shown by month"));
    assert_eq!(html.matches("<section class=\"record\"").count(), 2);
    assert!(html.contains(
        "<dt>The nature of the activity</dt>\n<dd><p>A handover.</p>\n<p>A long one.</p>\n</dd>"
    ));
    assert!(html.contains("<li>&lt;b&gt;write&lt;/b&gt; it down</li>"));
    assert!(html.contains("<h2>&lt;script&gt;</h2>"));
    assert!(html.contains("<tr><th scope=\"row\">CPD hours</th><td>12.5 of 35</td></tr>"));
    // What is still to write, under its record.
    assert!(html.contains(
        "<strong>Still to write before you submit:</strong></p>\n<ul>\n<li>how it is relevant to the Code, in your own words</li>"
    ));
    assert_eq!(html.matches("Still to write before you submit").count(), 1);
    // The log is a table with the template's columns, then what its rows need.
    assert!(html.contains(
        "<thead><tr><th scope=\"col\">Dates</th><th scope=\"col\">Method</th><th scope=\"col\">Number of hours</th></tr></thead>"
    ));
    assert!(html.contains("<td><p>Course attendance</p>\n</td>"));
    assert!(html.contains("<li>Safeguarding &lt;update&gt;: the number of hours</li>"));
    // Each log has its own section and heading; only the CPD log has columns of numbers.
    assert!(html.contains("<strong>Before you submit the CPD log:</strong>"));
    assert!(html.contains("<strong>Before you submit the practice-related feedback log:</strong>"));
    assert!(html.contains("<table class=\"log log-cpd-log\" aria-labelledby=\"log1-h\">"));
    assert!(html.contains("<table class=\"log log-feedback-log\" aria-labelledby=\"log2-h\">"));
    assert!(
        html.contains("<h2 id=\"log3-h\">Sessions</h2>\n<p class=\"muted\">None &lt;yet&gt;.</p>")
    );
    assert!(html.contains("table.log-cpd-log td:nth-child(n+5)"));
    assert!(!html.contains("table.log td:nth-child(n+5)"));
}

#[test]
fn pages_are_made_for_print_dark_mode_and_phones() {
    let html = render_entries(&head(false), &[full_reflection()]);
    for needle in [
        "@media print",
        "break-inside:avoid",
        "prefers-color-scheme:dark",
        "@page{size:A4",
        "width=device-width",
        "max-width:46rem",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
}

/// The rules of the print style sheet, as (selectors, declarations).
fn print_rules(html: &str) -> Vec<(String, String)> {
    let at = html.find("@media print{").unwrap() + "@media print{".len();
    let mut rules = Vec::new();
    let mut rest = &html[at..];
    while let Some(open) = rest.find('{') {
        let selectors = rest[..open].trim().to_string();
        if selectors.starts_with('}') || selectors.is_empty() {
            break;
        }
        let close = rest[open..].find('}').unwrap() + open;
        rules.push((selectors, rest[open + 1..close].to_string()));
        rest = &rest[close + 1..];
    }
    rules
}

#[test]
fn printed_entries_flow_across_pages_and_headings_keep_with_their_text() {
    let html = render_entries(&head(false), &[full_reflection()]);
    let rules = print_rules(&html);
    let avoid_inside: Vec<&str> = rules
        .iter()
        .filter(|(_, d)| d.contains("break-inside:avoid"))
        .flat_map(|(s, _)| s.split(','))
        .collect();
    // An entry (or an excerpt, or a table) may break across pages: kept whole, each
    // began on a new page and left the page before it half empty (page 1 with only the
    // header; 131 entries on 111 A4 pages).
    for whole in ["article", "table", "section"] {
        assert!(
            !avoid_inside.iter().any(|s| s.trim().starts_with(whole)),
            "{whole} is kept whole: {avoid_inside:?}"
        );
    }
    // Small things stay whole: a list item, a table row, a figure.
    for small in ["li", "tr", "figure"] {
        assert!(avoid_inside.contains(&small), "{small}: {avoid_inside:?}");
    }
    // Headings stay with what follows them, from both sides.
    let after: Vec<&str> = rules
        .iter()
        .filter(|(_, d)| d.contains("break-after:avoid"))
        .flat_map(|(s, _)| s.split(','))
        .collect();
    for h in ["h2", "h3", "article>header"] {
        assert!(after.contains(&h), "{h}: {after:?}");
    }
    let before: Vec<&str> = rules
        .iter()
        .filter(|(_, d)| d.contains("break-before:avoid"))
        .flat_map(|(s, _)| s.split(','))
        .collect();
    for h in ["h2+*", "h3+*"] {
        assert!(before.contains(&h), "{h}: {before:?}");
    }
    // No lone first or last lines of a paragraph.
    assert!(
        rules
            .iter()
            .any(|(s, d)| s.contains('p') && d.contains("orphans:3") && d.contains("widows:3"))
    );
    // Print is set tighter than the screen.
    assert!(
        rules
            .iter()
            .any(|(s, d)| s == "body" && d.contains("font-size:10pt"))
    );
}

/// `PRAXIS_HTML_SAMPLES=DIR cargo test --test html -- --ignored write_sample_pages`: the
/// three kinds of page, to open in a browser and print.
#[test]
#[ignore = "writes sample pages for a person to look at"]
fn write_sample_pages() {
    let dir = std::path::PathBuf::from(std::env::var_os("PRAXIS_HTML_SAMPLES").unwrap());
    std::fs::create_dir_all(&dir).unwrap();
    let entries = vec![full_reflection(), stage_note(), cpd(), supervision_prep()];
    std::fs::write(
        dir.join("entries.html"),
        render_entries(&head(true), &entries),
    )
    .unwrap();
    std::fs::write(dir.join("summary.html"), render_summary(&busy_summary())).unwrap();
    std::fs::write(dir.join("empty.html"), render_summary(&empty_summary())).unwrap();
}

// ---------------------------------------------------------------------------------------
// The coach's review

fn review_fixture(name: &str) -> Summary {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/review")
        .join(name);
    Summary::read(&p).unwrap()
}

fn render_review(people: &[(String, &Summary)]) -> String {
    let mut out = Vec::new();
    write_review(&mut out, people, day(2026, 3, 30)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_review_page_compares_practice_with_others_where_it_was_counted() {
    let (alex, kim) = (review_fixture("alex.json"), with_others_summary());
    let html = render_review(&[("Alex".to_string(), &alex), ("Kim".to_string(), &kim)]);
    check_page(&html);
    assert!(html.contains(
        "<tr><th scope=\"row\">Practice with others</th><td>not counted</td><td>Recognition: 3 given"
    ), "{html}");
    assert!(html.contains("<h3>Practice with others</h3>"));
    assert!(html.contains("listening (3 mine, 1 person supported, 2 colleague)"));
}

#[test]
fn the_review_page_puts_people_side_by_side_accessibly() {
    let (alex, sam, jo) = (
        review_fixture("alex.json"),
        review_fixture("sam.json"),
        review_fixture("jo-spring.json"),
    );
    let people = vec![
        ("Alex".to_string(), &alex),
        ("Sam".to_string(), &sam),
        ("jo-spring".to_string(), &jo),
    ];
    let html = render_review(&people);
    let tags = check_page(&html);
    assert!(!no_equiv(&html).contains("http"));
    assert_no_marks(&html);
    // Landmarks: a header with a list of people, main, footer.
    for landmark in [
        "<header class=\"doc\">",
        "<main>",
        "<footer>",
        "<nav class=\"people-list\" aria-label=\"People\">",
    ] {
        assert!(html.contains(landmark), "{landmark}");
    }
    // One h1; headings never skip a level going down.
    let levels = heading_levels(&tags);
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "a heading skips a level: {levels:?}");
    }
    // Every id is unique, and every aria-labelledby names ids that are there.
    let ids: Vec<&str> = tags.iter().filter_map(|t| attr(t, "id")).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for t in &tags {
        if let Some(l) = attr(t, "aria-labelledby") {
            for id in l.split_whitespace() {
                assert!(unique.contains(id), "aria-labelledby {id} names nothing");
            }
        }
    }
    // Every chart is an image with a name and a description, and its numbers are a table.
    let svgs: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.name == "svg" && !t.closing && attr(t, "class") == Some("chart"))
        .collect();
    assert!(svgs.len() >= 9, "three people's charts: {}", svgs.len());
    for svg in &svgs {
        assert_eq!(attr(svg, "role"), Some("img"));
        let label = attr(svg, "aria-labelledby").unwrap();
        assert!(label.ends_with("-t ") || label.contains("-t "), "{label}");
    }
    let descs = html.matches("<desc id=").count();
    assert_eq!(descs, svgs.len());
    for table in [
        "Entries per week as a table",
        "Check-ins per week as a table",
        "Strengths as a table",
        "Models as a table",
    ] {
        assert!(html.contains(table), "{table}");
    }
    // The comparison: one column per person, one row per measure, all with headers.
    assert!(html.contains("<caption>The summaries compared, one column each</caption>"));
    assert!(html.contains("<th scope=\"col\"><a href=\"#p1\">Alex</a></th>"));
    assert!(html.contains("<th scope=\"col\"><a href=\"#p3\">jo-spring</a></th>"));
    for row in [
        "Entries",
        "Check-ins",
        "Strengths most used",
        "Actions",
        "Call-ins",
    ] {
        assert!(
            html.contains(&format!("<tr><th scope=\"row\">{row}</th>")),
            "{row}"
        );
    }
    assert!(
        html.contains("<td>none shared</td>"),
        "jo shared no check-ins"
    );
    assert!(
        html.contains("<td>not shared</td>"),
        "stages only where shared"
    );
    // Each person's column, their sections under h3, ids their own.
    for n in 1..=3 {
        assert!(html.contains(&format!(
            "<section class=\"person\" id=\"p{n}\" aria-labelledby=\"p{n}-h\">"
        )));
        assert!(html.contains(&format!("<section id=\"p{n}-entries\">\n<h3>Entries</h3>")));
    }
    assert!(html.contains("aria-labelledby=\"p2-weeks-t p2-weeks-d\""));
    assert!(
        html.contains("<h4>First week on the ward</h4>"),
        "excerpt titles under h4"
    );
    // Side by side on a wide screen, one person a page in print.
    assert!(html.contains("<body class=\"review\">"));
    assert!(html.contains(".people{display:grid"));
    assert!(html.contains(".person{break-before:page"));
}

#[test]
fn hostile_summaries_stay_text_on_the_review_page() {
    let mut s = busy_summary();
    s.from = Some("<script>alert(1)</script>".into());
    s.period.label = "<img src=x onerror=alert(1)>".into();
    s.strengths[0].name = "</td><script>".into();
    let people = vec![("\"><svg onload=x>".to_string(), &s)];
    let html = render_review(&people);
    check_page(&html);
    assert!(html.contains("&quot;&gt;&lt;svg onload=x&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;/td&gt;&lt;script&gt;"));
}

/// A redacted summary written before its period's label was kept to the month names that
/// period by its days ("2026-03-02 to 2026-03-20"): the review page shows its months
/// instead, as the review on a terminal does; a named period keeps its name.
#[test]
fn the_review_page_shows_a_redacted_summarys_dated_label_by_its_months() {
    let mut s = review_fixture("jo-spring.json");
    assert!(s.redacted);
    s.period.since = Some(day(2026, 3, 2));
    s.period.until = day(2026, 3, 20);
    s.period.label = "2026-03-02 to 2026-03-20".into();
    let html = render_review(&[("Jo".to_string(), &s)]);
    check_page(&html);
    assert!(html.contains("Mar 2026"), "{html}");
    for exact in ["2026-03-02", "2026-03-20", "2 Mar", "20 Mar"] {
        assert!(!html.contains(exact), "{exact}:\n{html}");
    }
    s.period.label = "the spring term".into();
    let html = render_review(&[("Jo".to_string(), &s)]);
    assert!(html.contains("the spring term"), "{html}");
}
