//! A shareable summary: the patterns of a period and the excerpts the writer chose, never
//! whole entries. This is what a supervisee hands to a coach or supervisor, and what
//! `praxis review` opens side by side.
//!
//! The JSON form is versioned (`format` = "praxis-summary") and self-contained: reading it
//! needs no journal. Everything in it has been through the export's selection (scope,
//! kinds) and, unless the writer chose `--no-redact`, the redaction pass.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::TransferError;
use super::export::{Plan, month_year, round_dates};
use super::redact::Redactor;
use crate::catalog::Catalog;
use crate::insights::{self, Trend};
use crate::model::{ActionStatus, Entry, EntryKind, StrengthTag};
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
    pub total: i64,
    /// Against the period before: "new", "up", "same", "down", or "" (no period before).
    #[serde(default)]
    pub trend: String,
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
    pub text: String,
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
        serde_json::from_str(text).map_err(|e| super::json_error(path, &e))
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

/// The longest excerpt quoted from one entry, in characters.
const EXCERPT_CHARS: usize = 1500;

/// Builds a summary: the insights of the plan's period (counts and series over the whole
/// journal, never text), the open actions and excerpts of the selected entries (`ids`),
/// and stages and call-ins only when the writer asked for them. Text goes through the
/// redactor when there is one.
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
    let ins = insights::compute(store, catalog, &plan.period, plan.today)?;
    let chosen: Vec<i64> = match &plan.excerpts {
        Some(picked) => picked.clone(),
        None => Vec::new(),
    };
    let mut excerpts = Vec::new();
    let mut items = Vec::new();
    for &id in ids {
        let mut e = store.entry_by_rowid(id)?;
        let quote = match &plan.excerpts {
            Some(_) => chosen.contains(&id),
            None => e.for_supervision,
        };
        let open = e.actions.iter().any(|a| a.status != ActionStatus::Done);
        if !quote && !open {
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
        if quote {
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
                text: excerpt_text(&e),
                strengths: e.strengths.iter().map(StrengthTag::spelled).collect(),
                tags: e.tags.clone(),
                for_supervision: e.for_supervision,
            });
        }
    }
    let stages = if plan.include_stage_notes {
        let mut out = Vec::new();
        for t in &ins.stages {
            let mut subject = t.subject.clone();
            let mut topic = t.topic.clone();
            if let Some(r) = redactor.as_deref_mut() {
                subject = r.redact_subject(&subject);
                topic = r.redact(&topic);
            }
            out.push(StageSummary {
                subject,
                topic,
                points: t
                    .points
                    .iter()
                    .map(|p| (when(p.on), p.stage.to_string()))
                    .collect(),
                moves_back: t.moves_back,
            });
        }
        Some(out)
    } else {
        None
    };
    let callins = plan.include_callins.then(|| CallinSummary {
        by_status: ins.callins.by_status.clone(),
        by_rupture: ins.callins.by_rupture.clone(),
    });
    // Stage notes and call-ins leave only when asked for: not even as counts.
    let mut hidden: Vec<&str> = Vec::new();
    if !plan.include_stage_notes {
        hidden.push(EntryKind::StageNote.as_str());
    }
    if !plan.include_callins {
        hidden.push(EntryKind::CallIn.as_str());
    }
    let mut ins = ins;
    for k in &hidden {
        ins.entries -= ins.by_kind.remove(*k).unwrap_or(0);
        for w in &mut ins.weeks {
            w.total -= w.by_kind.remove(*k).unwrap_or(0);
        }
    }
    // Strength names are the user's own vocabulary, which may name someone.
    if let Some(r) = redactor {
        for st in &mut ins.strengths {
            st.name = r.redact(&st.name);
        }
    }
    let from = plan
        .from
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(String::from);
    Ok(Summary {
        format: FORMAT.into(),
        version: VERSION,
        from,
        made_on: plan.today,
        period: SummaryPeriod {
            since: ins.period.since,
            until: ins.period.until,
            label: ins.period.label.clone(),
        },
        redacted,
        entries: ins.entries,
        by_kind: ins.by_kind.clone(),
        weeks: ins
            .weeks
            .iter()
            .map(|w| WeekTotal {
                week: w.week,
                total: w.total,
                by_kind: w.by_kind.clone(),
            })
            .collect(),
        models: ins
            .models
            .iter()
            .map(|m| ModelCount {
                model: m.model.clone(),
                name: m.name.clone(),
                count: m.count,
            })
            .collect(),
        strengths: ins
            .strengths
            .iter()
            .map(|s| StrengthSummary {
                name: s.name.clone(),
                group: s.group.clone(),
                mine: s.mine,
                person: s.person,
                team: s.team,
                total: s.total,
                trend: trend_word(s.trend).into(),
            })
            .collect(),
        checkins: CheckinSummary {
            checkins: ins.checkins.checkins,
            mood: ins.checkins.mood,
            energy: ins.checkins.energy,
            heavy_days: ins.checkins.heavy_days,
            heavy_persists: ins.checkins.heavy_persists,
            weeks: ins
                .checkins
                .weeks
                .iter()
                .map(|w| CheckinWeekSummary {
                    week: w.week,
                    checkins: w.checkins,
                    mood: w.mood,
                    energy: w.energy,
                    heavy_days: w.heavy_days,
                })
                .collect(),
        },
        actions: ActionSummary {
            open: ins.actions.open,
            overdue: ins.actions.overdue,
            done_in_period: ins.actions.done_in_period,
            items,
        },
        excerpts,
        stages,
        callins,
    })
}

fn trend_word(t: Trend) -> &'static str {
    match t {
        Trend::New => "new",
        Trend::Up => "up",
        Trend::Same => "same",
        Trend::Down => "down",
        Trend::Unknown => "",
    }
}

/// An entry's writing as one passage: body, then "Label: text" for each section, cut at
/// a word boundary.
fn excerpt_text(e: &Entry) -> String {
    let mut parts = Vec::new();
    if !e.body.trim().is_empty() {
        parts.push(e.body.trim().to_string());
    }
    for s in &e.sections {
        if !s.text.trim().is_empty() {
            parts.push(format!("{}: {}", s.label, s.text.trim()));
        }
    }
    let text = parts.join("\n\n");
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > EXCERPT_CHARS / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}
