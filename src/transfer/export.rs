//! `praxis export`: which entries leave, in what shape, and how they are made safe to share.
//!
//! One pipeline for every format: select the entries (scope, kinds, filters) → read each
//! in one snapshot → redact it (unless the writer chose otherwise) → hand it to the
//! format's [`Sink`]. Summaries and regulator profiles are built from the same selected,
//! redacted entries, so nothing reaches a file by a side door.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{Datelike as _, NaiveDate};

use super::redact::{Checker, Finding, FindingKind, Redactor};
use crate::config::catalog::Catalog;
use crate::insights::Period;
use crate::model::{Entry, Scope};
use crate::store::{Selection, Store};

/// The file formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// praxis JSON: lossless, versioned, importable (summaries: the praxis-summary format)
    Json,
    /// Markdown: one heading per entry, sections as subheadings
    Md,
    /// One self-contained HTML page: inline CSS and SVG charts, no external requests
    Html,
    /// One row per entry, for spreadsheets
    Csv,
}

impl ExportFormat {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
        }
    }

    /// The format a file name suggests (`-o notes.md`), if any.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(ExportFormat::Json),
            "md" | "markdown" => Some(ExportFormat::Md),
            "html" | "htm" => Some(ExportFormat::Html),
            "csv" => Some(ExportFormat::Csv),
            _ => None,
        }
    }
}

/// Everything a format needs to know about the export as a whole.
#[derive(Debug, Clone)]
pub struct Head {
    /// What the file is, in words: "Shareable reflections", "NMC reflective accounts".
    pub title: String,
    pub made_on: NaiveDate,
    /// Who it is from, as the writer chose to be named.
    pub from: Option<String>,
    /// The dates it covers, in words.
    pub period: String,
    /// Identifying details were replaced by placeholders, and dates kept to the month.
    pub redacted: bool,
    /// Reflective model ids → names, for headings.
    pub models: BTreeMap<String, String>,
}

impl Head {
    /// An entry's date as precisely as this export may show it: the month when redacted
    /// (PRACTICE.md §9: month and year is safer than an exact date), the day otherwise.
    #[must_use]
    pub fn when(&self, d: NaiveDate) -> String {
        if self.redacted {
            month_year(d)
        } else {
            // What `%Y-%m-%d` gives, without parsing the pattern again for every entry.
            d.to_string()
        }
    }

    /// A model id as a person would read it.
    #[must_use]
    pub fn model_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.models.get(id).map_or(id, String::as_str)
    }
}

/// "March 2026".
#[must_use]
pub fn month_year(d: NaiveDate) -> String {
    format!("{} {}", d.format("%B"), d.year())
}

/// A format that writes entries one at a time (streaming: no format holds the export in
/// memory).
pub trait Sink {
    fn begin(&mut self, out: &mut dyn Write, head: &Head) -> anyhow::Result<()>;
    fn entry(&mut self, out: &mut dyn Write, head: &Head, e: &Entry) -> anyhow::Result<()>;
    fn end(&mut self, out: &mut dyn Write, head: &Head) -> anyhow::Result<()>;
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every entry of every kind and scope, the trash too, unredacted: a backup.
    All,
    /// The selected entries in full.
    Entries,
    /// The period's patterns and chosen excerpts, no full entries.
    Summary,
    /// A regulator's records, built from reflections and CPD records.
    Profile(super::profile::Profile),
}

/// Gives an entry (and its actions) ids that cannot be traced back: ids of imported
/// entries are hashes of their original text and time, which would undo the redaction
/// for anyone who guesses a name. The new ids are derived from `salt`, fresh for each
/// export, so one export stays consistent within itself. Links to other entries by id
/// (a CPD record's reflections, a record's prep) are dropped: they name entries that
/// did not leave.
pub fn scrub_ids(e: &mut Entry, salt: &uuid::Uuid) {
    use crate::model::Details;
    e.id = uuid::Uuid::new_v5(salt, e.id.as_bytes());
    for a in &mut e.actions {
        a.id = uuid::Uuid::new_v5(salt, a.id.as_bytes());
    }
    match &mut e.details {
        Details::Cpd(c) => c.linked.clear(),
        Details::Supervision(s) => s.prep = None,
        Details::Rupture(r) => r.callin = None,
        _ => {}
    }
}

/// The tracked action a `- [ ]` line of a section stands for: the first action not yet
/// `taken` whose text is the line's (a trailing `(due …)` aside, which redaction may have
/// rewritten). Lines and actions with the same text pair up in order, as the editor pairs
/// them when it saves.
#[must_use]
pub fn tracked_action(
    line_text: &str,
    actions: &[crate::model::Action],
    taken: &[bool],
) -> Option<usize> {
    let mut text = line_text.trim();
    if let Some(open) = text.rfind("(due ")
        && text.ends_with(')')
    {
        text = text[..open].trim_end();
    }
    if text.is_empty() {
        return None;
    }
    (0..actions.len())
        .find(|&i| !taken.get(i).copied().unwrap_or(false) && actions[i].text.trim() == text)
}

/// Rounds every date of an entry to the first of its month, so a redacted export says
/// "March 2026" and never the day (an exact date helps identify a person).
pub fn round_dates(e: &mut Entry) {
    use crate::model::Details;
    fn month(d: NaiveDate) -> NaiveDate {
        d.with_day(1).unwrap_or(d)
    }
    fn stamp(t: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
        month(t.date_naive())
            .and_hms_opt(0, 0, 0)
            .map_or(t, |n| n.and_utc())
    }
    e.occurred_on = month(e.occurred_on);
    e.created_at = stamp(e.created_at);
    e.updated_at = stamp(e.updated_at).max(e.created_at);
    e.deleted_at = e.deleted_at.map(stamp);
    for a in &mut e.actions {
        a.due_on = a.due_on.map(month);
        a.done_on = a.done_on.map(month);
    }
    match &mut e.details {
        Details::None | Details::Cpd(_) => {}
        Details::StageNote(n) => n.review_on = n.review_on.map(month),
        Details::CallIn(c) => {
            c.held_on = c.held_on.map(month);
            c.follow_up_on = c.follow_up_on.map(month);
            c.followed_up_on = c.followed_up_on.map(month);
        }
        Details::Supervision(s) => {
            s.session_on = month(s.session_on);
        }
        Details::Recognition(r) => r.said_on = r.said_on.map(month),
        Details::Feedback(_) | Details::GroupSession(_) => {}
        Details::Rupture(r) => {
            r.repair_tried_on = r.repair_tried_on.map(month);
            r.closed_on = r.closed_on.map(month);
        }
        Details::PositiveRisk(p) => {
            p.review_on = p.review_on.map(month);
            for r in &mut p.reviews {
                r.on = month(r.on);
            }
        }
    }
}

/// Everything an export was asked for, resolved.
#[derive(Debug, Clone)]
pub struct Plan {
    pub mode: Mode,
    pub format: ExportFormat,
    /// Which entries (ignored by [`Mode::All`]).
    pub selection: Selection,
    /// The dates covered: the summary's insights, and the header's wording.
    pub period: Period,
    /// Who it is from, as the writer chose to be named.
    pub from: Option<String>,
    /// The entries a summary quotes (row ids) and which parts of each; `None`: those
    /// marked for supervision, each by its default parts.
    pub excerpts: Option<Vec<(i64, super::excerpt::Pick)>>,
    /// Stage notes, call-ins, ruptures and positive-risk plans were asked for by name
    /// (summaries add their patterns).
    pub include_stage_notes: bool,
    pub include_callins: bool,
    pub include_ruptures: bool,
    pub include_risk_plans: bool,
    pub today: NaiveDate,
}

/// What an export wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// Entries that went into the file (in full, as excerpts or as records).
    pub entries: usize,
    /// Replacements made by the redaction pass, by kind.
    pub replaced: BTreeMap<FindingKind, usize>,
}

impl Written {
    /// What the redaction pass did, as the worker is told it: "redacted: nothing needed
    /// replacing; dates kept to the month", or "redacted: 3 names, 1 place".
    #[must_use]
    pub fn redaction_said(&self) -> String {
        if self.replaced.values().sum::<usize>() == 0 {
            return "redacted: nothing needed replacing; dates kept to the month".to_string();
        }
        let parts: Vec<String> = self
            .replaced
            .iter()
            .map(|(k, n)| crate::model::text::plural(*n, k.label(), k.label_many()))
            .collect();
        format!("redacted: {}", parts.join(", "))
    }
}

/// Writes an export in one read snapshot of the journal: consistent while another praxis
/// writes. `redactor`: `None` writes the text as it is.
pub fn write(
    store: &Store,
    catalog: &Catalog,
    plan: &Plan,
    redactor: Option<&mut Redactor>,
    out: &mut dyn Write,
) -> anyhow::Result<Written> {
    write_only(store, catalog, plan, None, redactor, out)
}

/// The entries a plan selects, narrowed to the row ids in `only` when it is given.
pub fn chosen_ids(store: &Store, plan: &Plan, only: Option<&[i64]>) -> anyhow::Result<Vec<i64>> {
    let mut ids = store.select_entries(&plan.selection)?;
    if let Some(only) = only {
        let keep: std::collections::HashSet<i64> = only.iter().copied().collect();
        ids.retain(|id| keep.contains(id));
    }
    Ok(ids)
}

/// [`write`], taking of the selected entries only those whose row ids are in `only`
/// (when given): the app's selected entry, or the hits of its search.
pub fn write_only(
    store: &Store,
    catalog: &Catalog,
    plan: &Plan,
    only: Option<&[i64]>,
    mut redactor: Option<&mut Redactor>,
    out: &mut dyn Write,
) -> anyhow::Result<Written> {
    store.read_snapshot(|store| {
        if let Some(r) = redactor.as_deref_mut()
            && plan.mode != Mode::All
        {
            // Names first, from every entry the export takes, then the writing pass.
            let ids = chosen_ids(store, plan, only)?;
            each_entry(store, &ids, |e| {
                r.learn(&e);
                Ok(())
            })?;
        }
        let entries = match plan.mode {
            Mode::All => write_all(store, catalog, plan, out)?,
            Mode::Entries => {
                let ids = chosen_ids(store, plan, only)?;
                write_entries(store, catalog, plan, &ids, redactor.as_deref_mut(), out)?
            }
            Mode::Summary => {
                let ids = chosen_ids(store, plan, only)?;
                let summary =
                    super::summary::build(store, catalog, plan, &ids, redactor.as_deref_mut())?;
                match plan.format {
                    ExportFormat::Json => {
                        serde_json::to_writer_pretty(&mut *out, &summary)?;
                        writeln!(out)?;
                    }
                    ExportFormat::Md => super::md::write_summary(out, &summary)?,
                    ExportFormat::Html => super::html::write_summary(out, &summary)?,
                    ExportFormat::Csv => {
                        anyhow::bail!("a summary has no CSV form: use --format md, html or json")
                    }
                }
                summary.excerpts.len()
            }
            Mode::Profile(p) => {
                let ids = chosen_ids(store, plan, only)?;
                let salt = uuid::Uuid::new_v4();
                let head = head_for(catalog, plan, redactor.is_some());
                let mut entries = Vec::new();
                let mut links = Links::default();
                each_entry(store, &ids, |mut e| {
                    // Links name entries by id: read them before the ids are scrubbed.
                    links.note(&e);
                    if let Some(r) = redactor.as_deref_mut() {
                        r.redact_entry(&mut e);
                        round_dates(&mut e);
                        scrub_ids(&mut e, &salt);
                    }
                    entries.push(e);
                    Ok(())
                })?;
                let doc = super::profile::build(
                    p,
                    &head,
                    &entries,
                    plan.period.since.is_none(),
                    &links.around(),
                );
                match plan.format {
                    ExportFormat::Json => {
                        serde_json::to_writer_pretty(&mut *out, &doc)?;
                        writeln!(out)?;
                    }
                    ExportFormat::Md => super::md::write_profile(out, &head, &doc)?,
                    ExportFormat::Html => super::html::write_profile(out, &head, &doc)?,
                    ExportFormat::Csv => super::csv::write_profile(out, &doc)?,
                }
                doc.len()
            }
        };
        Ok(Written {
            entries,
            replaced: redactor.map(|r| r.counts()).unwrap_or_default(),
        })
    })
}

/// What entries of an export say about each other by id, noted entry by entry before
/// redaction changes the ids: the reflections a CPD record links, and the entries a
/// supervision record's prep brought to the session.
#[derive(Default)]
pub struct Links {
    /// Each entry's id, in order.
    ids: Vec<String>,
    /// (entry index, id prefixes it names) of CPD records that link reflections.
    linking: Vec<(usize, Vec<String>)>,
    /// (entry index, prep's id, short ids on its agenda).
    preps: Vec<(usize, String, Vec<String>)>,
    /// (entry index, its prep's id) of supervision records.
    records: Vec<(usize, String)>,
}

impl Links {
    pub fn note(&mut self, e: &Entry) {
        use crate::model::{Details, SessionStage};
        let here = self.ids.len();
        match &e.details {
            Details::Cpd(c) if !c.linked.is_empty() => {
                self.linking.push((here, c.linked.clone()));
            }
            Details::Supervision(s) if s.stage == SessionStage::Prep => {
                // Agenda items from flagged entries end with the entry's short id: "(1a2b3c4d)".
                let shorts = s
                    .agenda
                    .iter()
                    .filter_map(|a| {
                        let t = a.text.trim_end().strip_suffix(')')?;
                        let id = &t[t.rfind('(')? + 1..];
                        (id.len() == 8 && id.chars().all(|c| c.is_ascii_hexdigit()))
                            .then(|| id.to_string())
                    })
                    .collect::<Vec<_>>();
                self.preps.push((here, e.id.to_string(), shorts));
            }
            Details::Supervision(s) => {
                if let Some(p) = &s.prep {
                    self.records.push((here, p.clone()));
                }
            }
            _ => {}
        }
        self.ids.push(e.id.to_string());
    }

    /// For each entry: the CPD record in the export that links it, and the supervision
    /// record whose session it was brought to.
    #[must_use]
    pub fn around(&self) -> super::profile::Around {
        let mut around = super::profile::Around {
            linked_from: vec![None; self.ids.len()],
            discussed_in: vec![None; self.ids.len()],
            prep_of: vec![None; self.ids.len()],
        };
        if self.linking.is_empty() && self.records.is_empty() {
            return around;
        }
        // Ids in order, so a prefix finds its entries by binary search.
        let mut sorted: Vec<(&str, usize)> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        sorted.sort_unstable();
        let starting = |p: &str| -> Vec<usize> {
            let p = p.trim().to_lowercase();
            if p.len() < 4 {
                return Vec::new();
            }
            let from = sorted.partition_point(|(id, _)| *id < p.as_str());
            sorted[from..]
                .iter()
                .take_while(|(id, _)| id.starts_with(&p))
                .map(|(_, i)| *i)
                .collect()
        };
        for (j, prefixes) in &self.linking {
            for p in prefixes {
                for i in starting(p) {
                    if i != *j && around.linked_from[i].is_none() {
                        around.linked_from[i] = Some(*j);
                    }
                }
            }
        }
        let preps: std::collections::HashMap<&str, (usize, &Vec<String>)> = self
            .preps
            .iter()
            .map(|(i, id, shorts)| (id.as_str(), (*i, shorts)))
            .collect();
        for (j, prep) in &self.records {
            let Some(&(p, shorts)) = preps.get(prep.as_str()) else {
                continue;
            };
            around.prep_of[*j] = Some(p);
            for short in shorts {
                for i in starting(short) {
                    if around.discussed_in[i].is_none() {
                        around.discussed_in[i] = Some(*j);
                    }
                }
            }
        }
        around
    }
}

/// Entries read at once: a few hundred keeps memory flat and the statements few.
const CHUNK: usize = 256;

/// Reads the entries behind `ids` in order, a chunk at a time, and hands each to `f`.
pub fn each_entry(
    store: &Store,
    ids: &[i64],
    mut f: impl FnMut(Entry) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for chunk in ids.chunks(CHUNK) {
        for e in store.entries_by_rowids(chunk)? {
            f(e)?;
        }
    }
    Ok(())
}

/// Reads the entries of `days` ([`Store::export_days`]) in the order of exports, whole
/// days at a time (a chunk, or one day that is longer), and hands each to `f`.
pub fn each_entry_of_days(
    store: &Store,
    days: &[Vec<i64>],
    mut f: impl FnMut(Entry) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut chunk: Vec<i64> = Vec::with_capacity(CHUNK);
    let mut days = days.iter().peekable();
    while let Some(day) = days.next() {
        chunk.extend_from_slice(day);
        let full = days
            .peek()
            .is_none_or(|next| chunk.len() + next.len() > CHUNK);
        if full {
            let mut entries = store.entries_by_rowids(&chunk)?;
            crate::store::export_order(&mut entries);
            for e in entries {
                f(e)?;
            }
            chunk.clear();
        }
    }
    Ok(())
}

/// The header of an export.
fn head_for(catalog: &Catalog, plan: &Plan, redacted: bool) -> Head {
    let title = match plan.mode {
        Mode::All => "Reflective practice journal".to_string(),
        Mode::Summary => "Practice summary".to_string(),
        Mode::Profile(p) => super::profile::title(p).to_string(),
        Mode::Entries => match plan.selection.scope {
            Some(Scope::Shareable) => "Shareable entries".to_string(),
            Some(Scope::Supervision) => "Entries shared with supervision".to_string(),
            _ => "Journal entries".to_string(),
        },
    };
    let label = || {
        if redacted {
            plan.period.label_by_month()
        } else {
            plan.period.label.clone()
        }
    };
    let period = match (plan.mode, plan.period.since) {
        (Mode::All, _) => "every entry".to_string(),
        (_, None) if plan.period.until == plan.today => "all dates".to_string(),
        _ => label(),
    };
    Head {
        title,
        made_on: plan.today,
        from: plan.from.clone(),
        period,
        redacted,
        models: catalog
            .models
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect(),
    }
}

fn sink_for(
    format: ExportFormat,
    subjects: Vec<(String, crate::model::SubjectType)>,
) -> Box<dyn Sink> {
    match format {
        ExportFormat::Json => Box::new(super::json::JsonSink::new(subjects)),
        ExportFormat::Md => Box::new(super::md::MdSink::default()),
        ExportFormat::Html => Box::new(super::html::HtmlSink::default()),
        ExportFormat::Csv => Box::new(super::csv::CsvSink),
    }
}

/// The full backup: every entry, unredacted; JSON keeps the trash and the subjects so
/// that importing it gives the same journal.
fn write_all(
    store: &Store,
    catalog: &Catalog,
    plan: &Plan,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let json = plan.format == ExportFormat::Json;
    let subjects = if json {
        store
            .subjects()?
            .into_iter()
            .map(|s| (s.key, s.kind))
            .collect()
    } else {
        Vec::new()
    };
    let head = head_for(catalog, plan, false);
    let mut sink = sink_for(plan.format, subjects);
    sink.begin(out, &head)?;
    let days = store.export_days(json)?;
    each_entry_of_days(store, &days, |mut e| {
        e.version = 0;
        sink.entry(out, &head, &e)
    })?;
    sink.end(out, &head)?;
    Ok(days.iter().map(Vec::len).sum())
}

/// The selected entries in full, redacted unless the writer chose otherwise.
fn write_entries(
    store: &Store,
    catalog: &Catalog,
    plan: &Plan,
    ids: &[i64],
    mut redactor: Option<&mut Redactor>,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let head = head_for(catalog, plan, redactor.is_some());
    let mut sink = sink_for(plan.format, Vec::new());
    sink.begin(out, &head)?;
    let salt = uuid::Uuid::new_v4();
    each_entry(store, ids, |mut e| {
        e.version = 0;
        if let Some(r) = redactor.as_deref_mut() {
            r.redact_entry(&mut e);
            round_dates(&mut e);
            scrub_ids(&mut e, &salt);
        }
        sink.entry(out, &head, &e)
    })?;
    sink.end(out, &head)?;
    Ok(ids.len())
}

/// What the identifiability check found in one entry.
#[derive(Debug, Clone)]
pub struct EntryFindings {
    pub short_id: String,
    pub occurred_on: NaiveDate,
    pub title: String,
    /// (field, finding) in the order of the entry's fields.
    pub findings: Vec<(String, Finding)>,
}

/// Runs the identifiability check over the entries an export would take.
pub fn check(store: &Store, plan: &Plan, checker: &Checker) -> anyhow::Result<Vec<EntryFindings>> {
    check_only(store, plan, None, checker)
}

/// [`check`] over the entries [`write_only`] would take.
pub fn check_only(
    store: &Store,
    plan: &Plan,
    only: Option<&[i64]>,
    checker: &Checker,
) -> anyhow::Result<Vec<EntryFindings>> {
    store.read_snapshot(|store| {
        // In the order the export takes them: whole days for the full backup, else as
        // selected.
        let (days, selected) = match plan.mode {
            Mode::All => (
                store.export_days(plan.format == ExportFormat::Json)?,
                Vec::new(),
            ),
            _ => (Vec::new(), chosen_ids(store, plan, only)?),
        };
        let each = |f: &mut dyn FnMut(Entry) -> anyhow::Result<()>| match plan.mode {
            Mode::All => each_entry_of_days(store, &days, f),
            _ => each_entry(store, &selected, f),
        };
        // The names the export would learn from every entry are found in every entry,
        // as the export replaces them.
        let mut learned = Redactor::new(checker.clone());
        each(&mut |e| {
            learned.learn(&e);
            Ok(())
        })?;
        let mut found = Vec::new();
        each(&mut |e| {
            let findings = learned.scan_entry(&e);
            if !findings.is_empty() {
                found.push(EntryFindings {
                    short_id: e.short_id(),
                    occurred_on: e.occurred_on,
                    title: e.title,
                    findings,
                });
            }
            Ok(())
        })?;
        Ok(found)
    })
}

/// A record of a regulator profile that is not ready to submit.
#[derive(Debug, Clone)]
pub struct Gap {
    pub short_id: String,
    pub occurred_on: NaiveDate,
    /// The record's heading in the profile ("Reflective account 3: …", "CPD log: …").
    pub record: String,
    /// What is still to write.
    pub missing: Vec<String>,
}

/// What each record of a regulator profile still needs before the worker submits it,
/// by entry (read as written: what to write is the same redacted or not).
pub fn profile_gaps(store: &Store, catalog: &Catalog, plan: &Plan) -> anyhow::Result<Vec<Gap>> {
    let Mode::Profile(p) = plan.mode else {
        return Ok(Vec::new());
    };
    store.read_snapshot(|store| {
        let ids = store.select_entries(&plan.selection)?;
        let mut entries = Vec::new();
        let mut links = Links::default();
        each_entry(store, &ids, |e| {
            links.note(&e);
            entries.push(e);
            Ok(())
        })?;
        let head = head_for(catalog, plan, false);
        let doc = super::profile::build(
            p,
            &head,
            &entries,
            plan.period.since.is_none(),
            &links.around(),
        );
        let rows = doc.records.iter().map(|r| (r, String::new())).chain(
            doc.logs
                .iter()
                .flat_map(|l| l.rows.iter().map(move |r| (r, format!("{}: ", l.title)))),
        );
        Ok(rows
            .filter(|(r, _)| !r.missing.is_empty())
            .filter_map(|(r, prefix)| {
                let e = entries.get(r.source)?;
                Some(Gap {
                    short_id: e.short_id(),
                    occurred_on: e.occurred_on,
                    record: format!("{prefix}{}", r.heading),
                    missing: r.missing.clone(),
                })
            })
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::model::{Action, CallIn, Details, EntryKind};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn formats_come_from_file_names() {
        let f = |p: &str| ExportFormat::from_path(std::path::Path::new(p));
        assert_eq!(f("a.md"), Some(ExportFormat::Md));
        assert_eq!(f("a.HTML"), Some(ExportFormat::Html));
        assert_eq!(f("dir/a.csv"), Some(ExportFormat::Csv));
        assert_eq!(f("a.json"), Some(ExportFormat::Json));
        assert_eq!(f("a.txt"), None);
        assert_eq!(f("noext"), None);
    }

    #[test]
    fn a_redacted_head_shows_months_only() {
        let mut h = Head {
            title: String::new(),
            made_on: d("2026-03-18"),
            from: None,
            period: String::new(),
            redacted: true,
            models: BTreeMap::new(),
        };
        assert_eq!(h.when(d("2026-03-12")), "March 2026");
        h.redacted = false;
        assert_eq!(h.when(d("2026-03-12")), "2026-03-12");
        assert_eq!(h.model_name("gibbs"), "gibbs");
    }

    #[test]
    fn rounding_keeps_every_date_to_its_month() {
        let now = chrono::Utc.with_ymd_and_hms(2026, 3, 18, 20, 5, 0).unwrap();
        let mut e = Entry::new(EntryKind::CallIn, d("2026-03-17"), now);
        e.updated_at = chrono::Utc.with_ymd_and_hms(2026, 4, 2, 9, 0, 0).unwrap();
        e.actions
            .push(Action::new("ring back", Some(d("2026-03-25"))));
        e.details = Details::CallIn(CallIn {
            held_on: Some(d("2026-03-19")),
            follow_up_on: Some(d("2026-04-09")),
            ..CallIn::default()
        });
        round_dates(&mut e);
        assert_eq!(e.occurred_on, d("2026-03-01"));
        assert_eq!(e.created_at.to_rfc3339(), "2026-03-01T00:00:00+00:00");
        assert_eq!(e.updated_at.to_rfc3339(), "2026-04-01T00:00:00+00:00");
        assert_eq!(e.actions[0].due_on, Some(d("2026-03-01")));
        let Details::CallIn(c) = &e.details else {
            panic!("details changed kind")
        };
        assert_eq!(c.held_on, Some(d("2026-03-01")));
        assert_eq!(c.follow_up_on, Some(d("2026-04-01")));
    }
}
