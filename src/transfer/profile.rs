//! Regulator-shaped exports (PRACTICE.md §8): the records a professional body asks for,
//! laid out in its own headings and order, built from reflections, CPD records and
//! supervision records. Each profile becomes a [`ProfileDoc`] that the Markdown, HTML and
//! CSV writers lay out, and every record says what the worker still has to write before
//! submitting it.
//!
//! What each regulator asks for (checked in late 2026; our wording):
//! - NMC revalidation: five written reflective accounts on the NMC's form (the nature of
//!   the CPD activity, feedback or event; what you learned; how your practice changed;
//!   how it is relevant to the Code, naming one or more of its four themes), and a CPD
//!   log of 35 hours, 20 of them participatory (dates, method, topic, link to the Code,
//!   hours, participatory hours), with evidence of each activity kept alongside.
//! - Social Work England: at least two CPD records each registration year, one of them
//!   with peer reflection (type, description and relevance, date, what you learned,
//!   impact on your practice and the people you work with, what discussing it with a
//!   peer added). Supervision, group supervision and reflective team meetings count as
//!   peer reflection.
//! - HCPC: a continuous, accurate record of a mix of at least two kinds of learning
//!   (work-based, professional, formal and educational, self-directed) showing what it
//!   did for your practice and for the people who use your service; no set format.
//! - Social Care Wales: since 1 April 2025 no set number of hours; keep a record of your
//!   learning (date, what it was, how long, how it helped your development), discuss it
//!   with your manager, and send it when chosen for a sample check. Before then: 90 hours
//!   over three years for social workers and managers, 45 for social care workers.

use serde::Serialize;

use super::export::Head;
use crate::model::{Details, Entry, EntryKind, SessionStage, SessionType, Supervision};

/// A regulator's shape for reflective accounts and CPD records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// NMC revalidation: written reflective accounts and the CPD log (nurses, midwives,
    /// nursing associates)
    Nmc,
    /// Social Work England: CPD records
    Swe,
    /// HCPC: a continuous record of CPD
    Hcpc,
    /// Social Care Wales: CPD record
    Scw,
}

/// One regulator-shaped document: records with labelled fields, a log table where the
/// regulator's template is one, and totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileDoc {
    /// "NMC revalidation: written reflective accounts".
    pub title: String,
    /// What the regulator asks for, in a sentence or two (our wording).
    pub guidance: Vec<String>,
    pub records: Vec<Record>,
    /// A table laid out as the regulator's template lays it out (the NMC's CPD log).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<Log>,
    /// (label, value): hours, counts, what is still missing.
    pub totals: Vec<(String, String)>,
}

/// One account or CPD record, or one row of a log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub heading: String,
    /// (label, text) in the regulator's order; text may be several paragraphs.
    pub fields: Vec<(String, String)>,
    /// What is still to be written before the worker submits it, as the field's label
    /// and what to do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// The entry it was built from (an index into the entries given to [`build`]).
    #[serde(skip)]
    pub source: usize,
}

/// A table of records under one set of column labels, in the template's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Log {
    pub title: String,
    pub columns: Vec<String>,
    /// Each row's fields are the columns, in order.
    pub rows: Vec<Record>,
}

/// What the journal knows around each entry of a profile (indexes into its entries).
#[derive(Debug, Clone, Default)]
pub struct Around {
    /// The CPD record that links this reflection: the two describe one activity.
    pub linked_from: Vec<Option<usize>>,
    /// The supervision record of the session this entry was brought to.
    pub discussed_in: Vec<Option<usize>>,
    /// A supervision record's prep, which holds the session's type and length.
    pub prep_of: Vec<Option<usize>>,
}

/// The document's title for a profile.
#[must_use]
pub fn title(p: Profile) -> &'static str {
    match p {
        Profile::Nmc => "NMC revalidation: written reflective accounts and CPD log",
        Profile::Swe => "Social Work England: CPD records",
        Profile::Hcpc => "HCPC: record of continuing professional development",
        Profile::Scw => "Social Care Wales: CPD record",
    }
}

/// The NMC form's questions, in its order.
pub const NMC_ACCOUNT: [&str; 4] = [
    "What was the nature of the CPD activity and/or practice-related feedback and/or event or experience in your practice?",
    "What did you learn from the CPD activity and/or feedback and/or event or experience in your practice?",
    "How did you change or improve your practice as a result?",
    "How is this relevant to the Code? Select one or more themes: Prioritise people – Practise effectively – Preserve safety – Promote professionalism and trust",
];
/// The NMC CPD log template's columns, in its order.
pub const NMC_LOG: [&str; 6] = [
    "Dates",
    "Method",
    "Topic(s)",
    "Link to the Code",
    "Number of hours",
    "Number of participatory hours",
];
/// A Social Work England CPD record's parts, in the order its form asks them.
pub const SWE_RECORD: [&str; 6] = [
    "Type of CPD",
    "Description of the activity and why it is relevant to my practice",
    "Date",
    "What I learned",
    "The impact on my practice and on the people I work with",
    "Peer reflection: what I learned from discussing it with a peer",
];
/// An HCPC CPD record: the activity and what its standards ask it to show.
pub const HCPC_RECORD: [&str; 5] = [
    "Date",
    "Type of learning activity",
    "Description",
    "What I learned",
    "How it improved my practice and benefits the people who use my service",
];
/// A Social Care Wales CPD record: what it asks a record to hold.
pub const SCW_RECORD: [&str; 4] = [
    "Date",
    "Name of the training or learning",
    "How long it took (hours)",
    "How it contributed to my professional development",
];

/// Sections of the reflective models and templates by what they answer.
const HAPPENED: &[&str] = &[
    "nature",
    "activity",
    "what",
    "description",
    "experience",
    "surprise",
    "body",
    "self",
];
const LEARNED: &[&str] = &[
    "learning",
    "so-what",
    "feelings",
    "evaluation",
    "analysis",
    "conclusion",
    "reflective-observation",
    "conceptualisation",
    "aesthetics",
    "personal",
    "ethics",
    "empirics",
    "assumptions",
    "people-supported",
    "colleagues",
    "theory",
    "decisions",
];
const CHANGED: &[&str] = &[
    "change",
    "impact",
    "now-what",
    "action-plan",
    "experimentation",
    "adjustment",
    "options",
    "next-time",
    "reflexivity",
];
const PEER: &[&str] = &["peer-reflection", "peer-discussion"];
const CODE: &[&str] = &["code"];
const HOURS: &[&str] = &["hours"];

/// The NMC Code's four themes: (tag, name, words that name it in text).
const CODE_THEMES: &[(&str, &str, &[&str])] = &[
    (
        "prioritise-people",
        "Prioritise people",
        &["prioritise people", "prioritize people"],
    ),
    (
        "practise-effectively",
        "Practise effectively",
        &["practise effectively", "practice effectively"],
    ),
    ("preserve-safety", "Preserve safety", &["preserve safety"]),
    (
        "promote-professionalism",
        "Promote professionalism and trust",
        &["promote professionalism"],
    ),
];

/// The text of the sections with these keys (the body counts as "body"), in entry order.
fn answers(e: &Entry, keys: &[&str]) -> String {
    let mut parts = Vec::new();
    if keys.contains(&"body") && !e.body.trim().is_empty() {
        parts.push(e.body.trim().to_string());
    }
    let written: Vec<_> = e
        .sections
        .iter()
        .filter(|s| keys.contains(&s.key.as_str()) && !s.text.trim().is_empty())
        .collect();
    for s in &written {
        if written.len() > 1 {
            parts.push(format!("{}: {}", s.label, s.text.trim()));
        } else {
            parts.push(s.text.trim().to_string());
        }
    }
    parts.join("\n\n")
}

/// One entry with what the journal knows around it: the reflections a CPD record links.
struct Item<'a> {
    index: usize,
    e: &'a Entry,
    /// Reflections folded into this CPD record (they describe the same activity).
    with: Vec<&'a Entry>,
    /// The supervision record of the session this entry was brought to.
    discussed: Option<Session<'a>>,
    /// For a supervision record, its session (with the prep's type and length).
    session: Option<Session<'a>>,
}

/// A supervision record with the prep it follows, if the export has it.
#[derive(Clone, Copy)]
struct Session<'a> {
    record: &'a Entry,
    prep: Option<&'a Entry>,
}

impl Session<'_> {
    fn details(&self) -> Option<&Supervision> {
        match &self.record.details {
            Details::Supervision(s) => Some(s),
            _ => None,
        }
    }

    fn prep_details(&self) -> Option<&Supervision> {
        match &self.prep?.details {
            Details::Supervision(s) => Some(s),
            _ => None,
        }
    }

    /// The type of session: the record's, else its prep's.
    fn kind(&self) -> Option<SessionType> {
        self.details()
            .and_then(|s| s.session_type)
            .or_else(|| self.prep_details().and_then(|p| p.session_type))
    }

    fn minutes(&self) -> Option<u32> {
        self.details()
            .and_then(|s| s.length_minutes)
            .or_else(|| self.prep_details().and_then(|p| p.length_minutes))
    }

    /// The session as peer reflection, when it was one: marked so, or held with peers or
    /// a group.
    fn as_peer_reflection(&self) -> Option<String> {
        let s = self.details()?;
        if s.stage != SessionStage::Record || !(s.peer_reflection || is_with_others(self.kind())) {
            return None;
        }
        let how = match self.kind() {
            Some(SessionType::Group) => "In group supervision",
            Some(SessionType::Peer) => "In peer supervision",
            _ => "In supervision",
        };
        let learned = answers(self.record, &["learning"]);
        Some(if learned.is_empty() {
            format!("{how}.")
        } else {
            format!("{how}: {learned}")
        })
    }
}

impl Item<'_> {
    /// The answer from the entry, else from the reflections folded into it.
    fn answer(&self, keys: &[&str]) -> String {
        let own = answers(self.e, keys);
        if !own.is_empty() {
            return own;
        }
        self.with
            .iter()
            .map(|r| answers(r, keys))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// What was learned: the entry's or its reflections' sections that say so, else the
    /// whole text of the reflections folded into it (written about this activity).
    fn learned(&self) -> String {
        let learned = self.answer(LEARNED);
        if !learned.is_empty() {
            return learned;
        }
        self.with
            .iter()
            .map(|r| {
                let mut keys: Vec<&str> = r.sections.iter().map(|s| s.key.as_str()).collect();
                keys.push("body");
                answers(r, &keys)
            })
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn title(&self) -> String {
        let t = self.e.title.trim();
        if t.is_empty() {
            "(untitled)".into()
        } else {
            t.to_string()
        }
    }

    /// What happened or was done, else the title.
    fn description(&self) -> String {
        let d = self.answer(HAPPENED);
        if d.is_empty() { self.title() } else { d }
    }

    fn hours(&self) -> Option<f64> {
        match &self.e.details {
            Details::Cpd(c) => Some(c.hours).filter(|h| *h > 0.0),
            Details::Supervision(_) => self
                .session
                .and_then(|s| s.minutes())
                .map(|m| f64::from(m) / 60.0),
            _ => parse_hours(&self.answer(HOURS)),
        }
    }

    fn participatory(&self) -> bool {
        match &self.e.details {
            Details::Cpd(c) => c.participatory,
            // Supervision is a conversation: participatory by nature.
            Details::Supervision(_) => true,
            _ => false,
        }
    }

    /// What a peer added: written as such; a supervision record made with others; or
    /// the record of such a session this entry was brought to.
    fn peer(&self, head: &Head) -> String {
        let text = self.answer(PEER);
        if !text.is_empty() {
            return text;
        }
        if let Some(own) = self.session.and_then(|s| s.as_peer_reflection()) {
            return own;
        }
        match self
            .discussed
            .and_then(|s| s.as_peer_reflection().map(|t| (s, t)))
        {
            Some((s, t)) => format!(
                "Brought to supervision ({}). {t}",
                head.when(s.record.occurred_on)
            ),
            None => String::new(),
        }
    }

    /// The NMC themes named by the entry's tags or its Code section, and its own words
    /// on them (the Code section with the theme names taken out, when anything is left).
    fn code(&self) -> (Vec<&'static str>, String) {
        let text = self.answer(CODE);
        let lower = text.to_lowercase();
        let themes: Vec<&'static str> = CODE_THEMES
            .iter()
            .filter(|(tag, _, words)| {
                self.e.tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
                    || words.iter().any(|w| lower.contains(w))
                    || lower.contains(tag)
            })
            .map(|(_, name, _)| *name)
            .collect();
        // Words beyond the themes' own names: three or more make an explanation.
        let mut rest = lower.clone();
        for (tag, name, words) in CODE_THEMES {
            rest = rest.replace(&name.to_lowercase(), " ").replace(tag, " ");
            for w in *words {
                rest = rest.replace(w, " ");
            }
        }
        let explained = rest.split_whitespace().filter(|w| w.len() > 2).count() >= 3;
        (themes, if explained { text } else { String::new() })
    }

    fn when(&self, head: &Head) -> String {
        head.when(self.e.occurred_on)
    }

    /// What kind of activity it is, in a regulator's words.
    fn activity(&self) -> String {
        match &self.e.details {
            Details::Cpd(c) if !c.activity_type.trim().is_empty() => c.activity_type.clone(),
            Details::Supervision(_) => match self.session.and_then(|s| s.kind()) {
                Some(SessionType::Group) => "Group supervision".into(),
                Some(SessionType::Peer) => "Peer supervision".into(),
                _ => "Supervision".into(),
            },
            _ if self.e.kind == EntryKind::Reflection => "Reflection on practice".into(),
            _ => self.e.kind.to_string(),
        }
    }
}

fn is_with_others(t: Option<SessionType>) -> bool {
    matches!(t, Some(SessionType::Peer | SessionType::Group))
}

/// Hours as a person writes them: "1.5", "1.5 h", "2 hours", "90 min".
fn parse_hours(text: &str) -> Option<f64> {
    let t = text.trim().to_lowercase();
    let number: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let n: f64 = number.replace(',', ".").parse().ok()?;
    let unit = t[number.len()..].trim();
    let hours = if unit.starts_with("min") {
        n / 60.0
    } else if unit.is_empty() || unit.starts_with('h') {
        n
    } else {
        return None;
    };
    (hours.is_finite() && hours > 0.0 && hours <= 10_000.0).then_some(hours)
}

/// Which entries a profile is built from: reflections, CPD records, and supervision
/// records that count as CPD or were made with others (`kind`: the session's type, from
/// its prep when the record has none).
fn counts(e: &Entry, kind: Option<SessionType>) -> bool {
    match &e.details {
        Details::Supervision(s) => {
            s.stage == SessionStage::Record
                && (s.counts_as_cpd || s.peer_reflection || is_with_others(kind))
        }
        _ => matches!(e.kind, EntryKind::Reflection | EntryKind::Cpd),
    }
}

/// The NMC CPD log's "Method", from an activity (a CPD record's activity type).
fn nmc_method(kind: String) -> String {
    match kind.as_str() {
        "training" => "Course attendance".into(),
        "reading" => "Independent learning: reading".into(),
        "peer-discussion" => "Discussion with colleagues".into(),
        "supervision" => "Supervision".into(),
        "shadowing" => "Work shadowing".into(),
        "conference" => "Conference".into(),
        "e-learning" => "Online learning".into(),
        "reflection" => "Reflective practice".into(),
        "other" => "Other".into(),
        _ => kind,
    }
}

/// The HCPC's kind of learning for an activity.
fn hcpc_kind(activity: &str) -> &'static str {
    match activity {
        "training" | "e-learning" | "conference" => "Formal and educational",
        "reading" => "Self-directed learning",
        "other" => "Other",
        _ => "Work-based learning",
    }
}

fn hours_text(h: f64) -> String {
    // A sum of nothing is -0.0 in Rust; + 0.0 makes it 0.
    let s = format!("{:.1}", h + 0.0);
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// What to do about a record with no hours, by kind: a reflection records no time.
fn hours_wanted(e: &Entry, label: &str) -> String {
    match &e.details {
        Details::Cpd(_) => format!("{label}: give the record its hours (praxis edit)"),
        Details::Supervision(_) => {
            format!("{label}: give the session's length in minutes (praxis edit)")
        }
        _ => format!(
            "{label}: a reflection records no time; log it with praxis cpd add --type \
             reflection --hours N --link ID, or write such reflections with the cpd-log model"
        ),
    }
}

/// Labels whose field is empty, as "what is missing" lines.
fn empty_fields(fields: &[(String, String)], labels: &[&str]) -> Vec<String> {
    fields
        .iter()
        .filter(|(l, v)| labels.contains(&l.as_str()) && v.trim().is_empty())
        .map(|(l, _)| l.clone())
        .collect()
}

/// Builds a profile's records from the (selected, possibly redacted) entries.
/// `all_time`: the export covers every date. `around`: what the journal knows around each
/// entry (links from CPD records, sessions it was brought to).
#[must_use]
pub fn build(
    p: Profile,
    head: &Head,
    entries: &[Entry],
    all_time: bool,
    around: &Around,
) -> ProfileDoc {
    let period = if all_time {
        "every date".to_string()
    } else {
        head.period.clone()
    };
    let at = |v: &[Option<usize>], i: usize| v.get(i).copied().flatten();
    let session = |j: usize| -> Option<Session<'_>> {
        let record = entries.get(j)?;
        matches!(record.details, Details::Supervision(_)).then(|| Session {
            record,
            prep: at(&around.prep_of, j).and_then(|p| entries.get(p)),
        })
    };
    let taken: Vec<usize> = (0..entries.len())
        .filter(|&i| counts(&entries[i], session(i).and_then(|s| s.kind())))
        .collect();
    let link = |i: usize| at(&around.linked_from, i);
    let with = |j: usize| -> Vec<&Entry> {
        taken
            .iter()
            .filter(|&&i| link(i) == Some(j) && entries[i].kind == EntryKind::Reflection)
            .map(|&i| &entries[i])
            .collect()
    };
    // Reflections linked from a CPD record in the export are part of its record (NMC
    // accounts keep them: an account and a log row are different forms).
    let items: Vec<Item<'_>> = taken
        .iter()
        .filter(|&&i| p == Profile::Nmc || link(i).is_none_or(|j| !taken.contains(&j)))
        .map(|&i| Item {
            index: i,
            e: &entries[i],
            with: if entries[i].kind == EntryKind::Cpd {
                with(i)
            } else {
                Vec::new()
            },
            discussed: at(&around.discussed_in, i).and_then(session),
            session: session(i),
        })
        .collect();
    let mut doc = ProfileDoc {
        title: title(p).into(),
        guidance: Vec::new(),
        records: Vec::new(),
        log: None,
        totals: Vec::new(),
    };
    match p {
        Profile::Nmc => nmc(&mut doc, head, &items, period),
        Profile::Swe => swe(&mut doc, head, &items, period),
        Profile::Hcpc => hcpc(&mut doc, head, &items, period),
        Profile::Scw => scw(&mut doc, head, &items, period),
    }
    doc
}

fn nmc(doc: &mut ProfileDoc, head: &Head, items: &[Item<'_>], period: String) {
    doc.guidance = vec![
        "NMC revalidation asks for five written reflective accounts in the three years \
         before you revalidate, each on the NMC's form: a CPD activity, feedback or an event \
         in your practice, what you learned, how your practice changed, and how it relates to \
         the Code. Only reflections are accounts here; CPD and supervision records go to the \
         CPD log below (35 hours, 20 of them participatory). Discuss the accounts with \
         another registrant, and keep evidence of each CPD activity (a certificate, notes) \
         with the log."
            .into(),
        "Write a reflection for revalidation with the NMC model (praxis add --model nmc): \
         its last section asks which of the Code's themes it touches and how. A tag \
         prioritise-people, practise-effectively, preserve-safety or promote-professionalism \
         names a theme too."
            .into(),
    ];
    let mut complete = 0;
    let accounts: Vec<&Item<'_>> = items
        .iter()
        .filter(|i| i.e.kind == EntryKind::Reflection)
        .collect();
    for (n, it) in accounts.iter().enumerate() {
        let (themes, explanation) = it.code();
        let mut code = String::new();
        if !themes.is_empty() {
            code = format!("Themes: {}.", themes.join(", "));
        }
        if !explanation.is_empty() {
            code = if code.is_empty() {
                explanation.clone()
            } else {
                format!("{code}\n\n{explanation}")
            };
        }
        let fields: Vec<(String, String)> = vec![
            (NMC_ACCOUNT[0].into(), it.description()),
            (NMC_ACCOUNT[1].into(), it.answer(LEARNED)),
            (NMC_ACCOUNT[2].into(), it.answer(CHANGED)),
            (NMC_ACCOUNT[3].into(), code),
        ];
        let mut missing = Vec::new();
        if it.answer(HAPPENED).is_empty() {
            missing.push(
                "the nature of the activity, feedback or event (only its title is there)".into(),
            );
        }
        if fields[1].1.trim().is_empty() {
            missing.push("what you learned".into());
        }
        if fields[2].1.trim().is_empty() {
            missing.push("how you changed or improved your practice".into());
        }
        if themes.is_empty() {
            missing.push("which of the Code's four themes it is relevant to".into());
        }
        if explanation.is_empty() {
            missing.push("how it is relevant to the Code, in your own words".into());
        }
        if missing.is_empty() {
            complete += 1;
        }
        doc.records.push(Record {
            heading: format!(
                "Reflective account {}: {} ({})",
                n + 1,
                it.title(),
                it.when(head)
            ),
            fields,
            missing,
            source: it.index,
        });
    }
    let mut rows = Vec::new();
    let (mut total, mut participatory) = (0.0, 0.0);
    for it in items.iter().filter(|i| i.e.kind != EntryKind::Reflection) {
        let hours = it.hours();
        total += hours.unwrap_or(0.0);
        if it.participatory() {
            participatory += hours.unwrap_or(0.0);
        }
        let (themes, explanation) = it.code();
        // The explanation alone when it names its themes; else the themes before it.
        let named = {
            let lower = explanation.to_lowercase();
            themes.iter().all(|t| lower.contains(&t.to_lowercase()))
        };
        let link = if explanation.is_empty() {
            themes.join(", ")
        } else if named {
            explanation
        } else {
            format!("{}: {explanation}", themes.join(", "))
        };
        let mut topic = it.title();
        for part in [it.answer(LEARNED), it.answer(CHANGED)] {
            if !part.is_empty() {
                topic = format!("{topic}\n\n{part}");
            }
        }
        let fields: Vec<(String, String)> = vec![
            (NMC_LOG[0].into(), it.when(head)),
            (NMC_LOG[1].into(), nmc_method(it.activity())),
            (NMC_LOG[2].into(), topic),
            (NMC_LOG[3].into(), link),
            (NMC_LOG[4].into(), hours.map(hours_text).unwrap_or_default()),
            (
                NMC_LOG[5].into(),
                hours
                    .map(|h| hours_text(if it.participatory() { h } else { 0.0 }))
                    .unwrap_or_default(),
            ),
        ];
        let mut missing = Vec::new();
        if hours.is_none() {
            missing.push(hours_wanted(it.e, "the number of hours"));
        }
        if themes.is_empty() {
            missing.push("the part of the Code it is most relevant to".into());
        }
        if it.answer(LEARNED).is_empty() && it.answer(CHANGED).is_empty() {
            missing.push("how it relates to your practice".into());
        }
        rows.push(Record {
            heading: it.title(),
            fields,
            missing,
            source: it.index,
        });
    }
    let logged = rows.len();
    doc.log = Some(Log {
        title: "CPD log".into(),
        columns: NMC_LOG.iter().map(|c| (*c).to_string()).collect(),
        rows,
    });
    doc.totals = vec![
        ("Period".into(), period),
        (
            "Reflective accounts".into(),
            format!(
                "{} reflections, {complete} with all four parts written (five are asked for)",
                accounts.len()
            ),
        ),
        ("CPD activities logged".into(), logged.to_string()),
        (
            "CPD hours".into(),
            format!("{} (35 are asked for)", hours_text(total)),
        ),
        (
            "Participatory hours".into(),
            format!("{} (20 are asked for)", hours_text(participatory)),
        ),
    ];
}

fn swe(doc: &mut ProfileDoc, head: &Head, items: &[Item<'_>], period: String) {
    doc.guidance = vec![
        "Social Work England asks for at least two CPD records each registration year, at \
         least one of them with peer reflection: what you learned from discussing it with a \
         colleague, in supervision, group supervision or a reflective team meeting. Each \
         record says what you learned and its impact on your practice and on the people you \
         work with."
            .into(),
        "Supervision records made with others count as peer reflection. Write a reflection \
         meant for your CPD record with the CPD log model (praxis add --model cpd-log): it \
         asks for the peer reflection."
            .into(),
    ];
    let mut peers = 0;
    let mut records = Vec::new();
    for it in items {
        let peer = it.peer(head);
        if !peer.is_empty() {
            peers += 1;
        }
        let fields: Vec<(String, String)> = vec![
            (SWE_RECORD[0].into(), it.activity()),
            (SWE_RECORD[1].into(), it.description()),
            (SWE_RECORD[2].into(), it.when(head)),
            (SWE_RECORD[3].into(), it.learned()),
            (SWE_RECORD[4].into(), it.answer(CHANGED)),
            (SWE_RECORD[5].into(), peer),
        ];
        let mut missing = empty_fields(&fields, &[SWE_RECORD[3], SWE_RECORD[4]]);
        if it.answer(HAPPENED).is_empty() {
            missing.insert(0, format!("{} (only its title is there)", SWE_RECORD[1]));
        }
        records.push(Record {
            heading: it.title(),
            fields,
            missing,
            source: it.index,
        });
    }
    if peers == 0 {
        for r in &mut records {
            r.missing
                .push("Peer reflection (at least one record a year needs one)".into());
        }
    }
    doc.records = records;
    doc.totals = vec![
        ("Period".into(), period),
        ("CPD records".into(), items.len().to_string()),
        (
            "With peer reflection".into(),
            format!("{peers} (at least one a year is asked for)"),
        ),
    ];
}

fn hcpc(doc: &mut ProfileDoc, head: &Head, items: &[Item<'_>], period: String) {
    doc.guidance = vec![
        "The HCPC asks for a continuous, accurate record of a mix of CPD activities, of at \
         least two kinds (work-based learning, professional activity, formal and educational, \
         self-directed learning), showing how they improved your practice and service and how \
         they benefit the people who use your service. It sets no format."
            .into(),
    ];
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    for it in items {
        let kind = hcpc_kind(&it.activity());
        *kinds.entry(kind).or_default() += 1;
        let fields: Vec<(String, String)> = vec![
            (HCPC_RECORD[0].into(), it.when(head)),
            (HCPC_RECORD[1].into(), format!("{kind} ({})", it.activity())),
            (HCPC_RECORD[2].into(), it.description()),
            (HCPC_RECORD[3].into(), it.learned()),
            (HCPC_RECORD[4].into(), it.answer(CHANGED)),
        ];
        let missing = empty_fields(&fields, &[HCPC_RECORD[3], HCPC_RECORD[4]]);
        doc.records.push(Record {
            heading: it.title(),
            fields,
            missing,
            source: it.index,
        });
    }
    let n_kinds = kinds.keys().filter(|k| **k != "Other").count();
    doc.totals = vec![("Period".into(), period)];
    doc.totals.extend(
        kinds
            .into_iter()
            .map(|(k, n)| (format!("Activities: {k}"), n.to_string())),
    );
    doc.totals.push((
        "Kinds of learning".into(),
        format!("{n_kinds} (at least two are asked for)"),
    ));
}

fn scw(doc: &mut ProfileDoc, head: &Head, items: &[Item<'_>], period: String) {
    doc.guidance = vec![
        "Social Care Wales asks registered people to keep a record of their learning and \
         discuss it regularly with their manager. Since 1 April 2025 it sets no number of \
         hours and the record is sent only when you are chosen for a sample check (before \
         then: 90 hours over three years for social workers and managers, 45 for social \
         care workers)."
            .into(),
        "A reflection records no time: write one meant for this record with the CPD log \
         model (praxis add --model cpd-log), which asks how long it took, or link it from a \
         CPD record (praxis cpd add --link ID --hours N)."
            .into(),
    ];
    let mut total = 0.0;
    for it in items {
        let hours = it.hours();
        total += hours.unwrap_or(0.0);
        let mut helped = it.answer(CHANGED);
        let learned = it.learned();
        if helped.is_empty() {
            helped = learned;
        } else if !learned.is_empty() {
            helped = format!("{learned}\n\n{helped}");
        }
        let fields: Vec<(String, String)> = vec![
            (SCW_RECORD[0].into(), it.when(head)),
            (SCW_RECORD[1].into(), it.title()),
            (
                SCW_RECORD[2].into(),
                hours.map(hours_text).unwrap_or_default(),
            ),
            (SCW_RECORD[3].into(), helped),
        ];
        let mut missing = empty_fields(&fields, &[SCW_RECORD[3]]);
        if hours.is_none() {
            missing.insert(0, hours_wanted(it.e, SCW_RECORD[2]));
        }
        doc.records.push(Record {
            heading: it.title(),
            fields,
            missing,
            source: it.index,
        });
    }
    doc.totals = vec![
        ("Period".into(), period),
        ("Learning recorded".into(), items.len().to_string()),
        ("Hours".into(), hours_text(total)),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(parse_hours("1.5"), Some(1.5));
        assert_eq!(parse_hours(" 2 hours"), Some(2.0));
        assert_eq!(parse_hours("1,5 h"), Some(1.5));
        assert_eq!(parse_hours("90 min"), Some(1.5));
        assert_eq!(parse_hours(""), None);
        assert_eq!(parse_hours("about an hour"), None);
        assert_eq!(parse_hours("3 days"), None);
        assert_eq!(parse_hours("0"), None);
    }
}
