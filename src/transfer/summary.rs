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
use super::excerpt::{ExcerptPart, Pick};
use super::export::{Plan, month_year, round_dates};
use super::redact::Redactor;
use crate::config::catalog::Catalog;
use crate::insights::{self, Trend};
use crate::model::{ActionStatus, Details, Entry, EntryKind, Stage, StrengthTag, Whose};
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
            total: s.total,
            trend: trend_word(s.trend).into(),
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
            label: period.label.clone(),
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
            _ => {}
        }
    }
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
