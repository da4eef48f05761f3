//! Regulator-shaped exports (PRACTICE.md §8): the records a professional body asks for,
//! built from reflections and CPD records. Each profile becomes a [`ProfileDoc`] that the
//! Markdown, HTML and CSV writers lay out.

use serde::Serialize;

use super::export::Head;
use crate::model::{Details, Entry, EntryKind, SessionStage};

/// A regulator's shape for reflective accounts and CPD records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// NMC revalidation: written reflective accounts (nurses, midwives, nursing associates)
    Nmc,
    /// Social Work England: CPD records
    Swe,
    /// HCPC: a continuous record of CPD
    Hcpc,
    /// Social Care Wales: CPD log
    Scw,
}

/// One regulator-shaped document: records with labelled fields, and totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileDoc {
    /// "NMC revalidation: written reflective accounts".
    pub title: String,
    /// What the regulator asks for, in a sentence or two (our wording).
    pub guidance: Vec<String>,
    pub records: Vec<Record>,
    /// (label, value): hours, counts, what is still missing.
    pub totals: Vec<(String, String)>,
}

/// One account or CPD record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub heading: String,
    /// (label, text) in the regulator's order; text may be several paragraphs.
    pub fields: Vec<(String, String)>,
}

/// The document's title for a profile.
#[must_use]
pub fn title(p: Profile) -> &'static str {
    match p {
        Profile::Nmc => "NMC revalidation: written reflective accounts",
        Profile::Swe => "Social Work England: CPD records",
        Profile::Hcpc => "HCPC: record of continuing professional development",
        Profile::Scw => "Social Care Wales: CPD log",
    }
}

/// Sections of the reflective models by what they answer.
const HAPPENED: &[&str] = &[
    "what",
    "description",
    "experience",
    "surprise",
    "body",
    "self",
];
const LEARNED: &[&str] = &[
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
    "learning",
    "decisions",
];
const CHANGED: &[&str] = &[
    "now-what",
    "action-plan",
    "experimentation",
    "adjustment",
    "options",
    "next-time",
    "reflexivity",
    "impact",
];

/// The NMC Code's four themes, and the tags that name them.
const CODE_THEMES: &[(&str, &str)] = &[
    ("prioritise-people", "Prioritise people"),
    ("practise-effectively", "Practise effectively"),
    ("preserve-safety", "Preserve safety"),
    (
        "promote-professionalism",
        "Promote professionalism and trust",
    ),
];

/// The text of the sections with these keys (the body counts as "body"), in entry order.
fn answers(e: &Entry, keys: &[&str]) -> String {
    let mut parts = Vec::new();
    if keys.contains(&"body") && !e.body.trim().is_empty() {
        parts.push(e.body.trim().to_string());
    }
    let several = e
        .sections
        .iter()
        .filter(|s| keys.contains(&s.key.as_str()) && !s.text.trim().is_empty())
        .count()
        > 1;
    for s in &e.sections {
        if keys.contains(&s.key.as_str()) && !s.text.trim().is_empty() {
            if several {
                parts.push(format!("{}: {}", s.label, s.text.trim()));
            } else {
                parts.push(s.text.trim().to_string());
            }
        }
    }
    parts.join("\n\n")
}

/// What kind of activity an entry is, in a regulator's words.
fn activity(e: &Entry) -> String {
    match &e.details {
        Details::Cpd(c) if !c.activity_type.trim().is_empty() => c.activity_type.clone(),
        Details::Supervision(_) => "Supervision".into(),
        _ if e.kind == EntryKind::Reflection => "Reflection on practice".into(),
        _ => e.kind.to_string(),
    }
}

/// Hours an entry counts for, when it records them.
fn hours(e: &Entry) -> Option<f64> {
    match &e.details {
        Details::Cpd(c) => Some(c.hours),
        Details::Supervision(s) if s.counts_as_cpd => s.length_minutes.map(|m| f64::from(m) / 60.0),
        _ => None,
    }
}

fn participatory(e: &Entry) -> bool {
    match &e.details {
        Details::Cpd(c) => c.participatory,
        // Supervision is a conversation: participatory by nature.
        Details::Supervision(s) => s.counts_as_cpd,
        _ => false,
    }
}

fn peer(e: &Entry) -> String {
    let text = answers(e, &["peer-discussion", "peer-reflection"]);
    match &e.details {
        Details::Supervision(s) if s.peer_reflection && text.is_empty() => {
            "Discussed with a peer in supervision.".into()
        }
        _ => text,
    }
}

/// Which entries a profile is built from: reflections, CPD records, and supervision
/// records that count as CPD or hold a peer reflection.
fn counts(e: &Entry) -> bool {
    match &e.details {
        Details::Supervision(s) => {
            s.stage == SessionStage::Record && (s.counts_as_cpd || s.peer_reflection)
        }
        _ => matches!(e.kind, EntryKind::Reflection | EntryKind::Cpd),
    }
}

fn hours_text(h: f64) -> String {
    // A sum of nothing is -0.0 in Rust; + 0.0 makes it 0.
    let s = format!("{:.1}", h + 0.0);
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// Builds a profile's records from the (selected, possibly redacted) entries.
/// `all_time`: the export covers every date (totals per year rather than for the period).
#[must_use]
pub fn build(p: Profile, head: &Head, entries: &[Entry], all_time: bool) -> ProfileDoc {
    let entries: Vec<&Entry> = entries.iter().filter(|e| counts(e)).collect();
    let total_hours: f64 = entries.iter().filter_map(|e| hours(e)).sum();
    let part_hours: f64 = entries
        .iter()
        .filter(|e| participatory(e))
        .filter_map(|e| hours(e))
        .sum();
    let period = if all_time {
        "every date".to_string()
    } else {
        head.period.clone()
    };
    let mut doc = ProfileDoc {
        title: title(p).into(),
        guidance: Vec::new(),
        records: Vec::new(),
        totals: Vec::new(),
    };
    match p {
        Profile::Nmc => {
            doc.guidance = vec![
                "NMC revalidation asks for five written reflective accounts in the three years \
                 before you revalidate, each on a CPD activity, feedback or an event in your \
                 practice, and how it relates to the Code, plus 35 hours of CPD of which 20 \
                 are participatory. Discuss the accounts with another registrant."
                    .into(),
                "Tag an entry prioritise-people, practise-effectively, preserve-safety or \
                 promote-professionalism to fill in its relevance to the Code."
                    .into(),
            ];
            for (i, e) in entries.iter().enumerate() {
                let themes: Vec<&str> = CODE_THEMES
                    .iter()
                    .filter(|(tag, _)| e.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)))
                    .map(|(_, name)| *name)
                    .collect();
                let mut nature = answers(e, HAPPENED);
                if nature.is_empty() {
                    nature = e.title.clone();
                }
                doc.records.push(Record {
                    heading: format!("Reflective account {}: {}", i + 1, e.title.trim()),
                    fields: vec![
                        ("Date".into(), head.when(e.occurred_on)),
                        (
                            "Nature of the CPD activity, feedback or event".into(),
                            format!("{}. {nature}", activity(e)),
                        ),
                        ("What did you learn from it?".into(), answers(e, LEARNED)),
                        (
                            "How did you change or improve your practice as a result?".into(),
                            answers(e, CHANGED),
                        ),
                        (
                            "How is this relevant to the Code?".into(),
                            themes.join(", "),
                        ),
                    ],
                });
            }
            doc.totals = vec![
                ("Period".into(), period),
                (
                    "Reflective accounts".into(),
                    format!("{} (five are asked for)", entries.len()),
                ),
                (
                    "CPD hours".into(),
                    format!("{} (35 are asked for)", hours_text(total_hours)),
                ),
                (
                    "Participatory hours".into(),
                    format!("{} (20 are asked for)", hours_text(part_hours)),
                ),
            ];
        }
        Profile::Swe => {
            doc.guidance = vec![
                "Social Work England asks for at least two CPD records each registration year, \
                 at least one of them discussed with a peer, showing what you learned and its \
                 impact on your practice and on the people you work with."
                    .into(),
            ];
            let mut peers = 0;
            for e in &entries {
                let p = peer(e);
                if !p.is_empty() {
                    peers += 1;
                }
                let mut description = answers(e, HAPPENED);
                if description.is_empty() {
                    description = e.title.clone();
                }
                doc.records.push(Record {
                    heading: e.title.trim().to_string(),
                    fields: vec![
                        ("Type of CPD".into(), activity(e)),
                        ("Date".into(), head.when(e.occurred_on)),
                        (
                            "Description and relevance to my practice".into(),
                            description,
                        ),
                        ("What I learned".into(), answers(e, LEARNED)),
                        (
                            "Impact on my practice and on people who use services".into(),
                            answers(e, CHANGED),
                        ),
                        ("Peer reflection".into(), p),
                    ],
                });
            }
            doc.totals = vec![
                ("Period".into(), period),
                ("CPD records".into(), entries.len().to_string()),
                ("With peer reflection".into(), peers.to_string()),
            ];
        }
        Profile::Hcpc => {
            doc.guidance = vec![
                "The HCPC asks for a continuous, accurate record of a mix of CPD activities \
                 that improve your practice and benefit the people who use your service."
                    .into(),
            ];
            let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
            for e in &entries {
                *kinds.entry(activity(e)).or_default() += 1;
                let mut description = answers(e, HAPPENED);
                if description.is_empty() {
                    description = e.title.clone();
                }
                doc.records.push(Record {
                    heading: e.title.trim().to_string(),
                    fields: vec![
                        ("Date".into(), head.when(e.occurred_on)),
                        ("Activity type".into(), activity(e)),
                        ("Description".into(), description),
                        ("What I learned".into(), answers(e, LEARNED)),
                        (
                            "Benefit to my practice and to service users".into(),
                            answers(e, CHANGED),
                        ),
                    ],
                });
            }
            doc.totals = vec![("Period".into(), period)];
            doc.totals.extend(
                kinds
                    .into_iter()
                    .map(|(k, n)| (format!("Activities: {k}"), n.to_string())),
            );
        }
        Profile::Scw => {
            doc.guidance = vec![
                "Social Care Wales asks registered workers to log their learning: 90 hours \
                 over three years for social workers, 45 hours for social care workers, with \
                 the date, a title, how long it took and how it helped your development."
                    .into(),
            ];
            for e in &entries {
                let mut helped = answers(e, CHANGED);
                let learned = answers(e, LEARNED);
                if helped.is_empty() {
                    helped = learned;
                } else if !learned.is_empty() {
                    helped = format!("{learned}\n\n{helped}");
                }
                doc.records.push(Record {
                    heading: e.title.trim().to_string(),
                    fields: vec![
                        ("Date".into(), head.when(e.occurred_on)),
                        ("Title".into(), e.title.trim().to_string()),
                        (
                            "Duration (hours)".into(),
                            hours(e).map(hours_text).unwrap_or_default(),
                        ),
                        ("How it helped my development".into(), helped),
                    ],
                });
            }
            doc.totals = vec![
                ("Period".into(), period),
                ("Learning logged".into(), entries.len().to_string()),
                (
                    "Hours".into(),
                    format!(
                        "{} (90 over three years for social workers, 45 for social care workers)",
                        hours_text(total_hours)
                    ),
                ),
            ];
        }
    }
    doc
}
