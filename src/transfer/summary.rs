//! A shareable summary: the patterns of a period and the excerpts the writer chose, never
//! whole entries. This is what a supervisee hands to a coach or supervisor, and what
//! `praxis review` opens side by side.
//!
//! The JSON form is versioned (`format` = "praxis-summary") and self-contained: reading it
//! needs no journal. Everything in it has been through the export's selection (scope,
//! kinds) and, unless the writer chose `--no-redact`, the redaction pass.
//!
//! Version 1 grows by fields that older readers may leave out and newer ones read as
//! absent: the colleague's share of a strength (older files hold it only in the total,
//! and a reader takes it back from there) and the patterns of practice with others.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};

use super::TransferError;
use super::excerpt::{ExcerptPart, Pick};
use super::export::{Plan, month_year, round_dates};
use super::redact::Redactor;
use crate::config::catalog::Catalog;
use crate::insights::{self, Trend};
use crate::model::text::plural;
use crate::model::{
    ActionStatus, Details, Direction, Entry, EntryKind, PlanStatus, RuptureStatus, Said, Stage,
    StrengthTag, Whose,
};
use crate::store::Store;

/// Names the format inside the file.
pub const FORMAT: &str = "praxis-summary";
/// The version this praxis writes and the newest it reads.
pub const VERSION: u32 = 1;

/// One person's summary of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub format: String,
    pub version: u32,
    /// Who it is from, as the writer chose to be named (`--from`), if at all.
    #[serde(default)]
    pub from: Option<String>,
    /// The day it was made.
    pub made_on: NaiveDate,
    pub period: SummaryPeriod,
    /// Whether identifying details were replaced by placeholders.
    pub redacted: bool,
    /// Entries written in the period (all kinds and scopes: counts only).
    pub entries: i64,
    #[serde(default)]
    pub by_kind: BTreeMap<String, i64>,
    /// Entries per week (weeks start on Monday), oldest first.
    #[serde(default)]
    pub weeks: Vec<WeekTotal>,
    #[serde(default)]
    pub models: Vec<ModelCount>,
    /// Strengths tagged in the period, most used first.
    #[serde(default)]
    pub strengths: Vec<StrengthSummary>,
    #[serde(default)]
    pub checkins: CheckinSummary,
    #[serde(default)]
    pub actions: ActionSummary,
    /// The passages the writer chose to share, oldest first.
    #[serde(default)]
    pub excerpts: Vec<Excerpt>,
    /// Stages of change, only when the writer included stage notes explicitly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<Vec<StageSummary>>,
    /// Call-ins by outcome, only when the writer included call-ins explicitly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callins: Option<CallinSummary>,
    /// Practice with others (PRACTICE.md §12–§17), as counts. Absent from summaries made
    /// before it was counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_others: Option<WithOthers>,
}

/// Practice with others in a period, counted from the entries the export takes: never a
/// score, and nothing about anyone but the writer's own noticing. Recognition, feedback
/// and group sessions follow their scope; ruptures and positive-risk plans are counted
/// only when the writer shared them by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithOthers {
    #[serde(default)]
    pub recognition: RecognitionCounts,
    #[serde(default)]
    pub feedback: FeedbackCounts,
    #[serde(default)]
    pub group_sessions: GroupCounts,
    /// Only with `--include-ruptures`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ruptures: Option<RuptureCounts>,
    /// Only with `--include-risk-plans`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_risk: Option<RiskCounts>,
}

impl WithOthers {
    /// Whether nothing of practice with others was written in the period (ruptures and
    /// plans shared but none written count as nothing).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.recognition.given <= 0
            && self.recognition.received <= 0
            && self.feedback.total <= 0
            && self.group_sessions.total <= 0
            && self.ruptures.as_ref().is_none_or(|r| r.noticed <= 0)
            && self.positive_risk.as_ref().is_none_or(|p| p.plans <= 0)
    }
}

impl WithOthers {
    /// The counts as (kind, label, sentence) lines, in words, for every writer and screen:
    /// what was written, never how well. Ruptures and plans appear only when shared; nothing
    /// else appears when there is nothing to say.
    #[must_use]
    pub fn lines(&self) -> Vec<(EntryKind, &'static str, String)> {
        let mut out = Vec::new();
        let r = &self.recognition;
        if r.given > 0 || r.received > 0 {
            let mut parts = Vec::new();
            if r.given > 0 {
                let mut given = format!("{} given", r.given);
                if r.given_not_yet_said > 0 {
                    given.push_str(&format!(
                        ", {} of {} not yet said",
                        r.given_not_yet_said.min(r.given),
                        if r.given == 1 { "it" } else { "them" }
                    ));
                }
                parts.push(given);
            }
            if r.received > 0 {
                parts.push(format!("{} received", r.received));
            }
            out.push((EntryKind::Recognition, "Recognition", parts.join("; ")));
        }
        let f = &self.feedback;
        if f.total > 0 {
            let mut text = plural(f.total, "piece", "pieces");
            let sources = counted(&f.by_source, source_count);
            if !sources.is_empty() {
                text.push_str(&format!(": {sources}"));
            }
            let tones = counted(&f.by_tone, |k, n| format!("{n} {k}"));
            if !tones.is_empty() {
                text.push_str(&format!("; {tones}"));
            }
            out.push((EntryKind::Feedback, "Feedback", text));
        }
        let g = &self.group_sessions;
        if g.total > 0 {
            let mut text = plural(g.total, "session", "sessions");
            let formats = counted(&g.by_format, |k, n| {
                let name = k
                    .parse::<crate::model::GroupFormat>()
                    .map_or_else(|_| k.replace('-', " "), |f| f.label().to_lowercase());
                format!("{n} {name}")
            });
            if !formats.is_empty() {
                text.push_str(&format!(": {formats}"));
            }
            if g.peer_reflection > 0 {
                text.push_str(&format!("; {} as peer reflection", g.peer_reflection));
            }
            out.push((EntryKind::GroupSession, "Group and peer sessions", text));
        }
        if let Some(r) = &self.ruptures {
            let text = if r.noticed <= 0 {
                "none noticed".to_string()
            } else {
                let mut text = format!("{} noticed", r.noticed);
                let statuses = counted(&r.by_status, |k, n| format!("{n} {}", k.replace('-', " ")));
                if !statuses.is_empty() {
                    text.push_str(&format!(": {statuses}"));
                }
                let kinds = counted(&r.by_kind, |k, n| format!("{n} {k}"));
                if !kinds.is_empty() {
                    text.push_str(&format!("; {kinds}"));
                }
                let days: Vec<String> = r
                    .repair_days
                    .iter()
                    .map(|d| plural((*d).max(0), "day", "days"))
                    .collect();
                match days.as_slice() {
                    [] => {}
                    [one] => text.push_str(&format!("; the repair took {one}")),
                    [init @ .., last] => {
                        text.push_str(&format!("; repairs took {} and {last}", init.join(", ")))
                    }
                }
                text
            };
            out.push((EntryKind::Rupture, "Ruptures and repair", text));
        }
        if let Some(p) = &self.positive_risk {
            let text = if p.plans <= 0 {
                "none made".to_string()
            } else {
                let mut text = format!("{} made, {} still active", p.plans, p.active.max(0));
                let reviews = counted(&p.reviews, |k, n| format!("{n} {k}"));
                if !reviews.is_empty() {
                    text.push_str(&format!("; reviews: {reviews}"));
                }
                if p.reviews_due > 0 {
                    text.push_str(&format!(
                        "; {} due",
                        plural(p.reviews_due, "review", "reviews")
                    ));
                }
                text
            };
            out.push((EntryKind::PositiveRisk, "Positive-risk plans", text));
        }
        out
    }
}

/// "2 from colleagues, 1 complaint": the counts above zero, each in words.
fn counted(map: &BTreeMap<String, i64>, word: impl Fn(&str, usize) -> String) -> String {
    map.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| word(k, usize::try_from(*n).unwrap_or(0)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecognitionCounts {
    /// Recognition given, said or not yet.
    #[serde(default)]
    pub given: i64,
    /// Of those given, noticed and not yet said.
    #[serde(default)]
    pub given_not_yet_said: i64,
    #[serde(default)]
    pub received: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackCounts {
    #[serde(default)]
    pub total: i64,
    /// By source: `person-supported`, `family-carer`, `colleague`, `complaint`…
    #[serde(default)]
    pub by_source: BTreeMap<String, i64>,
    /// By tone, where the writer gave one: `appreciative`, `mixed`, `critical` (a
    /// description of the feedback, never a grade).
    #[serde(default)]
    pub by_tone: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCounts {
    #[serde(default)]
    pub total: i64,
    /// By format: `group-supervision`, `action-learning-set`…
    #[serde(default)]
    pub by_format: BTreeMap<String, i64>,
    /// Marked as peer reflection.
    #[serde(default)]
    pub peer_reflection: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuptureCounts {
    /// Ruptures noticed in the period.
    #[serde(default)]
    pub noticed: i64,
    /// Where those stand now: `open`, `repair-tried`, `repaired`, `let-go`.
    #[serde(default)]
    pub by_status: BTreeMap<String, i64>,
    /// By marker: `withdrawal`, `confrontation`, `misattunement`.
    #[serde(default)]
    pub by_kind: BTreeMap<String, i64>,
    /// For each one repaired, the days from noticing it to its repair, shortest first: a
    /// list, never an average.
    #[serde(default)]
    pub repair_days: Vec<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskCounts {
    /// Positive-risk plans made in the period.
    #[serde(default)]
    pub plans: i64,
    /// Of those, still followed.
    #[serde(default)]
    pub active: i64,
    /// Their reviews up to the end of the period, by decision: `continue`, `adjust`,
    /// `end`.
    #[serde(default)]
    pub reviews: BTreeMap<String, i64>,
    /// Active plans whose next review falls by the end of the period.
    #[serde(default)]
    pub reviews_due: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryPeriod {
    pub since: Option<NaiveDate>,
    pub until: NaiveDate,
    /// As a person would say it: "the last 4 weeks", "2026-03-01 to 2026-05-31".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekTotal {
    /// The Monday of the week.
    pub week: NaiveDate,
    pub total: i64,
    #[serde(default)]
    pub by_kind: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelCount {
    pub model: String,
    pub name: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthSummary {
    pub name: String,
    pub group: String,
    pub mine: i64,
    pub person: i64,
    pub team: i64,
    /// Seen in a colleague (recognition given). Summaries made before it had its own
    /// count hold it only in `total`; reading them takes it back from there.
    #[serde(default)]
    pub colleague: i64,
    pub total: i64,
    /// Against the period before, kept in the file as "new", "up", "same", "down", or ""
    /// (no period before).
    #[serde(default, with = "trend_word")]
    pub trend: Trend,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinSummary {
    pub checkins: i64,
    pub mood: Option<f64>,
    pub energy: Option<f64>,
    pub heavy_days: i64,
    /// Heavy load on three or more of the period's last fourteen days: the gentle
    /// signpost to restorative supervision shows.
    #[serde(default)]
    pub heavy_persists: bool,
    #[serde(default)]
    pub weeks: Vec<CheckinWeekSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckinWeekSummary {
    pub week: NaiveDate,
    pub checkins: i64,
    pub mood: Option<f64>,
    pub energy: Option<f64>,
    pub heavy_days: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSummary {
    pub open: i64,
    pub overdue: i64,
    pub done_in_period: i64,
    /// Open actions of the shared entries (text redacted like the rest).
    #[serde(default)]
    pub items: Vec<ActionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// When, as precisely as the export allows: a month ("March 2026") when redacted,
    /// the day otherwise.
    pub when: String,
    pub kind: String,
    #[serde(default)]
    pub model: Option<String>,
    pub title: String,
    /// The quoted parts as one passage ("From: text" paragraphs), for readers that do not
    /// know [`Excerpt::parts`].
    pub text: String,
    /// The parts quoted, each saying where it is from. Empty in summaries made before
    /// excerpts were chosen parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ExcerptPart>,
    /// How much of the entry the parts are: "2 of 6 parts", "lines 2–4 of 9 in Text".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub of: String,
    #[serde(default)]
    pub strengths: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub for_supervision: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSummary {
    pub subject: String,
    pub topic: String,
    /// (when, stage) oldest first; `when` as precise as [`Excerpt::when`].
    pub points: Vec<(String, String)>,
    pub moves_back: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallinSummary {
    pub by_status: BTreeMap<String, i64>,
    pub by_rupture: BTreeMap<String, i64>,
}

impl Summary {
    /// The days the summary covers, as a heading shows them: "5 Jan – 29 Mar 2026" (both
    /// years when they differ); by month when it is redacted ("Jan – Mar 2026"), as its
    /// writer's export showed them.
    #[must_use]
    pub fn days_shown(&self) -> String {
        let until = self.period.until;
        if self.redacted {
            return insights::months_of(self.period.since, until, insights::Months::Short);
        }
        match self.period.since {
            Some(since) if since.year() == until.year() => {
                format!("{} – {}", since.format("%-d %b"), until.format("%-d %b %Y"))
            }
            Some(since) => format!(
                "{} – {}",
                since.format("%-d %b %Y"),
                until.format("%-d %b %Y")
            ),
            None => format!("up to {}", until.format("%-d %b %Y")),
        }
    }

    /// The period's name as the writer gave it, where it may be shown: not an empty one,
    /// nor a redacted summary's that holds exact dates (written before labels were kept
    /// to the month, "2026-03-02 to 2026-03-20"): [`Summary::days_shown`] says it then.
    #[must_use]
    pub fn label_shown(&self) -> Option<&str> {
        let label = self.period.label.trim();
        let clean = crate::model::text::sanitize_line(label);
        let dated = self.redacted
            && clean.char_indices().any(|(i, _)| {
                clean
                    .get(i..i + 10)
                    .and_then(crate::model::date::parse_iso_date)
                    .is_some()
            });
        (!label.is_empty() && !dated).then_some(label)
    }

    /// The period as the writer named it, with its days: "the last quarter, 5 Jan – 29
    /// Mar 2026" (only the days where the name may not be shown).
    #[must_use]
    pub fn period_line(&self) -> String {
        match self.label_shown() {
            Some(label) => format!("{label}, {}", self.days_shown()),
            None => self.days_shown(),
        }
    }

    /// Reads a summary file, checking its format and version.
    pub fn read(path: &Path) -> Result<Summary, TransferError> {
        let text = super::read_text(path)?;
        Self::parse(path, &text)
    }

    /// Parses a summary (`path` only names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Summary, TransferError> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head = serde_json::from_str(text).map_err(|e| super::json_error(path, &e))?;
        if head.format != FORMAT {
            let what = if head.format == super::json::FORMAT {
                "this is a full praxis export, not a summary: make one with \
                 `praxis export --summary --format json`"
                    .to_string()
            } else {
                format!("this is not a praxis summary (format '{}')", head.format)
            };
            return Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what,
            });
        }
        if head.version > VERSION {
            return Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: format!(
                    "this summary is version {} (from a newer praxis); this praxis reads up to version {VERSION}",
                    head.version
                ),
            });
        }
        let mut s: Summary = serde_json::from_str(text).map_err(|e| super::json_error(path, &e))?;
        for st in &mut s.strengths {
            // Older summaries counted a colleague's strength in the total alone.
            let shown = st.mine.max(0) + st.person.max(0) + st.team.max(0) + st.colleague.max(0);
            if st.colleague <= 0 && st.total > shown {
                st.colleague = st.total - shown;
            }
        }
        Ok(s)
    }

    /// The name to show for this summary: its `from`, else the file's stem.
    #[must_use]
    pub fn display_name(&self, path: &Path) -> String {
        self.from
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| {
                path.file_stem()
                    .map_or_else(|| "summary".into(), |s| s.to_string_lossy().into_owned())
            })
    }
}

/// Builds a summary from the selected entries (`ids`: the scopes and kinds the export
/// takes, in the plan's period) and nothing else: its counts, series and averages are of
/// what the writer chose to share, like its excerpts and actions. Stages and call-ins
/// appear only when the writer asked for them. Text goes through the redactor when there
/// is one.
pub fn build(
    store: &Store,
    catalog: &Catalog,
    plan: &Plan,
    ids: &[i64],
    mut redactor: Option<&mut Redactor>,
) -> anyhow::Result<Summary> {
    let redacted = redactor.is_some();
    let when = |d: NaiveDate| {
        if redacted {
            month_year(d)
        } else {
            d.to_string()
        }
    };
    let period = &plan.period;
    let today = plan.today;
    let mut tally = Tally::default();
    let mut excerpts = Vec::new();
    let mut items = Vec::new();
    // A few hundred entries at a time: memory stays flat however long the period.
    for chunk in ids.chunks(256) {
        for (&id, mut e) in chunk.iter().zip(store.entries_by_rowids(chunk)?) {
            tally.add(&e, period, today);
            let quote = match &plan.excerpts {
                Some(chosen) => chosen
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map(|(_, p)| p.clone()),
                None => e.for_supervision.then_some(Pick::Default),
            };
            let open = e.actions.iter().any(|a| a.status != ActionStatus::Done);
            if quote.is_none() && !open {
                continue;
            }
            if let Some(r) = redactor.as_deref_mut() {
                r.redact_entry(&mut e);
                round_dates(&mut e);
            }
            for a in e.actions.iter().filter(|a| a.status != ActionStatus::Done) {
                items.push(ActionItem {
                    text: a.text.clone(),
                    due_on: a.due_on,
                    status: a.status.to_string(),
                });
            }
            if let Some(pick) = quote {
                let (parts, of) = pick
                    .take(&e)
                    .map_err(|why| anyhow::anyhow!("entry {}: {why}", e.short_id()))?;
                excerpts.push(Excerpt {
                    when: when(e.occurred_on),
                    kind: e.kind.to_string(),
                    model: e
                        .model
                        .as_deref()
                        .filter(|_| e.kind == EntryKind::Reflection)
                        .map(|m| {
                            catalog
                                .model(m)
                                .map_or_else(|_| m.to_string(), |t| t.name.clone())
                        }),
                    title: e.title.clone(),
                    // Readers that know only `text` see the note when nothing is quoted.
                    text: if parts.is_empty() && !of.is_empty() {
                        format!("({of})")
                    } else {
                        super::excerpt::joined(&parts)
                    },
                    parts,
                    of,
                    strengths: e.strengths.iter().map(StrengthTag::spelled).collect(),
                    tags: e.tags.clone(),
                    for_supervision: e.for_supervision,
                });
            }
        }
    }

    // Strengths against the same selection in the period before.
    let before = match period.previous() {
        Some(p) => {
            let mut sel = plan.selection.clone();
            sel.filter.since = p.since;
            sel.filter.until = Some(p.until);
            let mut counts: BTreeMap<(String, Whose), i64> = BTreeMap::new();
            super::export::each_entry(store, &store.select_entries(&sel)?, |e| {
                for st in &e.strengths {
                    *counts.entry((st.name.clone(), st.whose)).or_default() += 1;
                }
                Ok(())
            })?;
            Some(
                counts
                    .into_iter()
                    .map(|((n, w), c)| (n, w, c))
                    .collect::<Vec<_>>(),
            )
        }
        None => None,
    };
    let now: Vec<(String, Whose, i64)> = tally
        .strengths
        .iter()
        .map(|((n, w), c)| (n.clone(), *w, *c))
        .collect();
    let (strengths, _, _, _) = insights::strength_uses(catalog, &now, before.as_deref());
    let strengths = strengths
        .into_iter()
        .map(|s| StrengthSummary {
            name: match redactor.as_deref_mut() {
                // Strength names are the user's own vocabulary, which may name someone.
                Some(r) => r.redact(&s.name),
                None => s.name,
            },
            group: s.group,
            mine: s.mine,
            person: s.person,
            team: s.team,
            colleague: s.colleague,
            total: s.total,
            trend: s.trend,
        })
        .collect();

    let stages = if plan.include_stage_notes {
        let mut out = Vec::new();
        for ((subject, topic), mut points) in tally.stages {
            points.sort();
            let moves_back = points
                .windows(2)
                .filter(|w| w[0].1.moves_back_to(w[1].1))
                .count();
            let (subject, topic) = match redactor.as_deref_mut() {
                Some(r) => (r.redact_subject(&subject), r.redact(&topic)),
                None => (subject, topic),
            };
            out.push(StageSummary {
                subject,
                topic,
                points: points
                    .iter()
                    .map(|(on, stage)| (when(*on), stage.to_string()))
                    .collect(),
                moves_back,
            });
        }
        Some(out)
    } else {
        None
    };
    let callins = plan.include_callins.then(|| CallinSummary {
        by_status: tally.callin_status.clone(),
        by_rupture: tally.callin_rupture.clone(),
    });
    let mut with_others = std::mem::take(&mut tally.others);
    with_others.ruptures = plan.include_ruptures.then(|| {
        let mut r = std::mem::take(&mut tally.ruptures);
        r.repair_days.sort_unstable();
        r
    });
    with_others.positive_risk = plan
        .include_risk_plans
        .then(|| std::mem::take(&mut tally.risks));
    let from = plan
        .from
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(String::from);
    let first = period.since.or(tally.first);
    let mut weeks = Vec::new();
    if let Some(first) = first {
        let mut week = insights::week_of(first);
        let last = insights::week_of(period.until);
        while week <= last {
            let by_kind = tally.weeks.remove(&week).unwrap_or_default();
            weeks.push(WeekTotal {
                week,
                total: by_kind.values().sum(),
                by_kind,
            });
            week = week + chrono::Days::new(7);
        }
    }
    let mut models: Vec<ModelCount> = tally
        .models
        .into_iter()
        .map(|(model, count)| ModelCount {
            name: catalog
                .model(&model)
                .map_or_else(|_| model.clone(), |t| t.name.clone()),
            model,
            count,
        })
        .collect();
    models.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let average = |sum: f64, n: i64| (n > 0).then(|| sum / n as f64);
    let recent_from = period.until - chrono::Days::new(13);
    Ok(Summary {
        format: FORMAT.into(),
        version: VERSION,
        from,
        made_on: today,
        period: SummaryPeriod {
            since: period.since,
            until: period.until,
            label: if redacted {
                period.label_by_month()
            } else {
                period.label.clone()
            },
        },
        redacted,
        entries: tally.by_kind.values().sum(),
        by_kind: tally.by_kind,
        weeks,
        models,
        strengths,
        checkins: CheckinSummary {
            checkins: tally.checkins.values().map(|w| w.count).sum(),
            mood: average(
                tally.checkins.values().map(|w| w.mood).sum(),
                tally.checkins.values().map(|w| w.moods).sum(),
            ),
            energy: average(
                tally.checkins.values().map(|w| w.energy).sum(),
                tally.checkins.values().map(|w| w.energies).sum(),
            ),
            heavy_days: tally.heavy_days.len() as i64,
            heavy_persists: tally
                .heavy_days
                .iter()
                .filter(|d| **d >= recent_from && **d <= period.until)
                .count()
                >= 3,
            weeks: tally
                .checkins
                .iter()
                .map(|(week, w)| CheckinWeekSummary {
                    week: *week,
                    checkins: w.count,
                    mood: average(w.mood, w.moods),
                    energy: average(w.energy, w.energies),
                    heavy_days: w.heavy_days.len() as i64,
                })
                .collect(),
        },
        actions: ActionSummary {
            open: tally.open,
            overdue: tally.overdue,
            done_in_period: tally.done,
            items,
        },
        excerpts,
        stages,
        callins,
        with_others: Some(with_others),
    })
}

/// What a summary counts, gathered one selected entry at a time.
#[derive(Default)]
struct Tally {
    first: Option<NaiveDate>,
    by_kind: BTreeMap<String, i64>,
    weeks: BTreeMap<NaiveDate, BTreeMap<String, i64>>,
    models: BTreeMap<String, i64>,
    strengths: BTreeMap<(String, Whose), i64>,
    checkins: BTreeMap<NaiveDate, CheckinWeekTally>,
    heavy_days: std::collections::BTreeSet<NaiveDate>,
    stages: BTreeMap<(String, String), Vec<(NaiveDate, Stage)>>,
    callin_status: BTreeMap<String, i64>,
    callin_rupture: BTreeMap<String, i64>,
    others: WithOthers,
    ruptures: RuptureCounts,
    risks: RiskCounts,
    open: i64,
    overdue: i64,
    done: i64,
}

#[derive(Default)]
struct CheckinWeekTally {
    count: i64,
    mood: f64,
    moods: i64,
    energy: f64,
    energies: i64,
    heavy_days: std::collections::BTreeSet<NaiveDate>,
}

impl Tally {
    fn add(&mut self, e: &Entry, period: &insights::Period, today: NaiveDate) {
        let on = e.occurred_on;
        self.first = Some(self.first.map_or(on, |f| f.min(on)));
        let kind = e.kind.to_string();
        *self.by_kind.entry(kind.clone()).or_default() += 1;
        *self
            .weeks
            .entry(insights::week_of(on))
            .or_default()
            .entry(kind)
            .or_default() += 1;
        if e.kind == EntryKind::Reflection {
            let model = e.model.clone().unwrap_or_else(|| "free".into());
            *self.models.entry(model).or_default() += 1;
        }
        for st in &e.strengths {
            *self
                .strengths
                .entry((st.name.clone(), st.whose))
                .or_default() += 1;
        }
        if let Some(c) = e.checkin.as_ref().filter(|c| !c.is_empty()) {
            let w = self.checkins.entry(insights::week_of(on)).or_default();
            w.count += 1;
            if let Some(m) = c.mood {
                w.mood += f64::from(m);
                w.moods += 1;
            }
            if let Some(en) = c.energy {
                w.energy += f64::from(en);
                w.energies += 1;
            }
            if c.load.is_some_and(|l| l.is_heavy()) {
                w.heavy_days.insert(on);
                self.heavy_days.insert(on);
            }
        }
        for a in &e.actions {
            if a.status == ActionStatus::Done {
                let since = period.since.unwrap_or(NaiveDate::MIN);
                if a.done_on.is_some_and(|d| d >= since && d <= period.until) {
                    self.done += 1;
                }
            } else {
                self.open += 1;
                if a.due_on.is_some_and(|d| d < today) {
                    self.overdue += 1;
                }
            }
        }
        match &e.details {
            Details::StageNote(n) => self
                .stages
                .entry((n.subject.clone(), n.topic.to_lowercase()))
                .or_default()
                .push((on, n.stage)),
            Details::CallIn(c) => {
                *self.callin_status.entry(c.status.to_string()).or_default() += 1;
                if let Some(r) = c.rupture {
                    *self.callin_rupture.entry(r.to_string()).or_default() += 1;
                }
            }
            Details::Recognition(r) => {
                let counts = &mut self.others.recognition;
                match r.direction {
                    Direction::Given => {
                        counts.given += 1;
                        if r.said == Said::NotYet {
                            counts.given_not_yet_said += 1;
                        }
                    }
                    Direction::Received => counts.received += 1,
                }
            }
            Details::Feedback(f) => {
                let counts = &mut self.others.feedback;
                counts.total += 1;
                *counts.by_source.entry(f.source.to_string()).or_default() += 1;
                if let Some(t) = f.tone {
                    *counts.by_tone.entry(t.to_string()).or_default() += 1;
                }
            }
            Details::GroupSession(g) => {
                let counts = &mut self.others.group_sessions;
                counts.total += 1;
                *counts.by_format.entry(g.format.to_string()).or_default() += 1;
                if g.peer_reflection {
                    counts.peer_reflection += 1;
                }
            }
            Details::Rupture(r) => {
                let counts = &mut self.ruptures;
                counts.noticed += 1;
                *counts.by_status.entry(r.status.to_string()).or_default() += 1;
                if let Some(k) = r.kind {
                    *counts.by_kind.entry(k.to_string()).or_default() += 1;
                }
                if r.status == RuptureStatus::Repaired
                    && let Some(closed) = r.closed_on
                {
                    counts.repair_days.push((closed - on).num_days().max(0));
                }
            }
            Details::PositiveRisk(p) => {
                let counts = &mut self.risks;
                counts.plans += 1;
                if p.status == PlanStatus::Active {
                    counts.active += 1;
                    if p.review_on.is_some_and(|d| d <= period.until) {
                        counts.reviews_due += 1;
                    }
                }
                let since = period.since.unwrap_or(NaiveDate::MIN);
                for r in p
                    .reviews
                    .iter()
                    .filter(|r| r.on >= since && r.on <= period.until)
                {
                    *counts.reviews.entry(r.decision.to_string()).or_default() += 1;
                }
            }
            _ => {}
        }
    }
}

/// A count of feedback from one source, in words: "2 from people supported", "1
/// complaint". A source this praxis does not know (from a newer one) is named as it is.
#[must_use]
pub fn source_count(source: &str, n: usize) -> String {
    let (one, many) = match source {
        "person-supported" => ("from a person supported", "from people supported"),
        "family-carer" => ("from a family member or carer", "from families or carers"),
        "colleague" => ("from a colleague", "from colleagues"),
        "manager" => ("from a manager", "from managers"),
        "student" => ("from a student", "from students"),
        "complaint" => ("complaint", "complaints"),
        "compliment" => ("compliment", "compliments"),
        "other" => ("from elsewhere", "from elsewhere"),
        other => return format!("{n} {other}"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A strength's trend as the words version 1 of the format has always written, so that
/// files made before the field was typed read the same, and files made now read in older
/// versions.
mod trend_word {
    use serde::{Deserialize as _, Deserializer, Serializer};

    use crate::insights::Trend;

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference.
    pub fn serialize<S: Serializer>(t: &Trend, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.word())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Trend, D::Error> {
        let word = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Trend::from_word(&word))
    }
}
