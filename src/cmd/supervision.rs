//! `praxis supervision prep|record|list`: preparing from the journal, recording what
//! was agreed, and carrying agreed actions into the next prep (DOMAIN.md §3).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use super::structured::Given;
use crate::Ctx;
use crate::cli::SupervisionCommand;
use crate::model::details::format_hours;
use crate::model::{
    ActionStatus, AgendaItem, Details, Entry, EntryKind, Function, Section, SessionStage,
    Supervision, Want,
};
use crate::store::PrepMaterial;

pub fn run(cmd: SupervisionCommand, ctx: &Ctx) -> Result<()> {
    match cmd {
        SupervisionCommand::Prep {
            date,
            role,
            session_type,
            minutes,
            items,
            output,
            force,
        } => {
            let today = ctx.clock.today();
            let on = date.map_or(today, |d| d.resolve_ahead(today));
            let own: Vec<AgendaItem> = items
                .iter()
                .map(|i| AgendaItem::parse(i))
                .collect::<Result<_, _>>()
                .map_err(anyhow::Error::msg)?;
            if let Some(path) = &output
                && path.exists()
                && !force
            {
                bail!(
                    "{} already exists: pass --force to overwrite it",
                    path.display()
                );
            }
            let mut store = ctx.store()?;
            if let Some(existing) = store
                .supervision_sessions()?
                .into_iter()
                .find(|s| s.stage == SessionStage::Prep && s.session_on == on)
            {
                let id = existing.entry.short_id;
                bail!(
                    "there is already a prep for {on} ({id}): change it with `praxis edit {id}`, or `praxis rm {id}` and gather a new one"
                );
            }
            let material = store.prep_material(on, ctx.config.supervision.stale_stage_weeks)?;
            let entry = prep_entry(&material, on, role, session_type, minutes, own, ctx);
            let flagged: Vec<uuid::Uuid> = material.flagged.iter().map(|e| e.id).collect();
            store.insert_linked(&entry, &flagged, "brings")?;
            let md = agenda_markdown(&entry, &material);
            if let Some(path) = &output {
                write_private_atomically(path, &md)?;
                eprintln!("Agenda written to {}", path.display());
            }
            say_raw!("{}", ctx.out.text(&md));
            eprintln!(
                "Saved as {} (edit with `praxis edit {}`).",
                entry.short_id(),
                entry.short_id()
            );
            Ok(())
        }
        SupervisionCommand::Record {
            prep,
            date,
            decisions,
            actions,
            learning,
            cpd,
            peer,
            fields,
        } => record(
            prep, date, decisions, actions, learning, cpd, peer, &fields, ctx,
        ),
        SupervisionCommand::List { json } => {
            let rows = ctx.store()?.supervision_sessions()?;
            if json {
                say!("{}", serde_json::to_string_pretty(&rows)?);
                return Ok(());
            }
            if rows.is_empty() {
                eprintln!(
                    "No sessions yet: `praxis supervision prep` gathers one from your journal."
                );
            }
            let o = &ctx.out;
            for r in &rows {
                let counts = match r.stage {
                    SessionStage::Prep => {
                        format!("{} agenda item{}", r.agenda_items, plural(r.agenda_items))
                    }
                    SessionStage::Record => {
                        format!("{} open action{}", r.open_actions, plural(r.open_actions))
                    }
                };
                say!(
                    "{}  {}  {:<6}  {}  {}",
                    o.accent(&r.entry.short_id),
                    r.session_on,
                    r.stage.as_str(),
                    o.bold(&o.line(&r.entry.title)),
                    o.dim(&counts)
                );
            }
            Ok(())
        }
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The prep entry: typed session facts, the agenda (own items first, then suggestions
/// from what was gathered) and the gathered material as section text.
fn prep_entry(
    m: &PrepMaterial,
    on: NaiveDate,
    role: Option<String>,
    session_type: Option<crate::model::SessionType>,
    minutes: Option<u32>,
    own: Vec<AgendaItem>,
    ctx: &Ctx,
) -> Entry {
    let mut e = Entry::new(EntryKind::Supervision, on, ctx.clock.now_utc());
    e.model = Some("supervision-prep".into());
    e.scope = crate::model::Scope::Supervision;
    e.title = format!("Supervision prep for {on}");
    let mut agenda = own;
    let item = |f: Function, mins: u32, want: Want, text: String| AgendaItem {
        text,
        function: Some(f),
        minutes: Some(mins),
        want: Some(want),
    };
    if let Some(last) = &m.last
        && !m.carried.is_empty()
    {
        agenda.push(item(
            Function::Normative,
            10,
            Want::Decision,
            format!("Review the actions agreed on {}", last.session_on),
        ));
    }
    let due: Vec<uuid::Uuid> = m.follow_ups.iter().map(|c| c.entry.id).collect();
    for f in m.flagged.iter().filter(|f| !due.contains(&f.id)) {
        agenda.push(item(
            Function::Formative,
            10,
            Want::Advice,
            format!("{} ({})", f.title, f.short_id),
        ));
    }
    for c in &m.follow_ups {
        agenda.push(item(
            Function::Formative,
            5,
            Want::Advice,
            format!("Follow-up due: {} ({})", c.entry.title, c.entry.short_id),
        ));
    }
    for s in &m.stale {
        agenda.push(item(
            Function::Formative,
            5,
            Want::Space,
            format!(
                "{} · {}: {} since {} ({} weeks)",
                s.subject, s.topic, s.stage, s.since, s.weeks
            ),
        ));
    }
    if m.pattern.heavy_days >= 3 {
        agenda.push(item(
            Function::Restorative,
            15,
            Want::Space,
            format!(
                "Heavy load on {} days since the last session",
                m.pattern.heavy_days
            ),
        ));
    }
    e.details = Details::Supervision(Supervision {
        stage: SessionStage::Prep,
        session_on: on,
        supervisor_role: role,
        session_type,
        length_minutes: minutes,
        prep: None,
        counts_as_cpd: false,
        peer_reflection: false,
        agenda,
    });
    let carried: Vec<String> = m
        .carried
        .iter()
        .map(|a| {
            let status = match a.action.status {
                ActionStatus::Done => "done",
                ActionStatus::Partly => "partly",
                ActionStatus::Open => "not-yet",
            };
            let blocker = a
                .action
                .blocker
                .as_deref()
                .map(|b| format!(" — {b}"))
                .unwrap_or_default();
            format!("- {status} — {}{blocker}", a.action.text)
        })
        .collect();
    let mut sections = Vec::new();
    if !carried.is_empty() {
        sections.push(("carried-actions", "Carried actions", carried.join("\n")));
    }
    sections.push(("bring", "What I bring", bring_text(m)));
    e.sections = sections
        .into_iter()
        .map(|(key, label, text)| Section {
            key: key.into(),
            label: label.into(),
            text,
        })
        .collect();
    e
}

/// Flagged entries, check-in patterns and CPD as Markdown lines.
fn bring_text(m: &PrepMaterial) -> String {
    let mut s = String::new();
    if m.flagged.is_empty() {
        s.push_str("No entries flagged for supervision since the last session.\n");
    }
    for f in &m.flagged {
        let _ = writeln!(
            s,
            "- {} {} {} ({})",
            f.short_id, f.occurred_on, f.title, f.kind
        );
    }
    let p = &m.pattern;
    if p.checkins > 0 {
        let avg = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "- Check-ins: {} (mood {} and energy {} out of 5 on average); heavy load on {} day{}; carrying a lot {} time{}.",
            p.checkins,
            avg(p.mood_average),
            avg(p.energy_average),
            p.heavy_days,
            plural(p.heavy_days),
            p.carrying_a_lot,
            plural(p.carrying_a_lot)
        );
        if p.heavy_days >= 3 {
            s.push_str(
                "- Heavy load has persisted: restorative supervision is a place for this.\n",
            );
        }
    }
    for (c, hours) in &m.cpd {
        let _ = writeln!(
            s,
            "- CPD: {} ({} h, {})",
            c.title,
            format_hours(*hours),
            c.short_id
        );
    }
    s.trim_end().to_string()
}

/// The agenda as Markdown to take into the session.
fn agenda_markdown(e: &Entry, m: &PrepMaterial) -> String {
    let mut s = String::new();
    let Details::Supervision(sv) = &e.details else {
        return s;
    };
    let _ = writeln!(s, "# Supervision prep — {}\n", sv.session_on);
    let mut facts = Vec::new();
    if let Some(t) = sv.session_type {
        facts.push(t.to_string());
    }
    if let Some(l) = sv.length_minutes {
        facts.push(format!("{l} min"));
    }
    if let Some(r) = &sv.supervisor_role {
        facts.push(format!("with: {r}"));
    }
    if !facts.is_empty() {
        let _ = writeln!(s, "Session: {}\n", facts.join(" · "));
    }
    if let Some(last) = &m.last {
        let _ = writeln!(s, "## Actions agreed on {}\n", last.session_on);
        if m.carried.is_empty() {
            s.push_str("None were agreed.\n");
        }
        for a in &m.carried {
            let (mark, word) = match a.action.status {
                ActionStatus::Done => ("x", "done"),
                ActionStatus::Partly => ("~", "partly"),
                ActionStatus::Open => (" ", "not yet"),
            };
            let blocker = a
                .action
                .blocker
                .as_deref()
                .map(|b| format!(" — blocker: {b}"))
                .unwrap_or_default();
            let _ = writeln!(s, "- [{mark}] {} ({word}){blocker}", a.action.text);
        }
        s.push('\n');
    }
    s.push_str("## Agenda\n\n");
    if sv.agenda.is_empty() {
        s.push_str("Nothing gathered: add your own items with --item.\n");
    }
    for (i, a) in sv.agenda.iter().enumerate() {
        let mut tags = Vec::new();
        if let Some(f) = a.function {
            tags.push(f.to_string());
        }
        if let Some(mins) = a.minutes {
            tags.push(format!("{mins} min"));
        }
        if let Some(w) = a.want {
            tags.push(w.to_string());
        }
        if tags.is_empty() {
            let _ = writeln!(s, "{}. **{}**", i + 1, a.text);
        } else {
            let _ = writeln!(s, "{}. **{}** — {}", i + 1, a.text, tags.join(" · "));
        }
    }
    let _ = writeln!(s, "\n## What I bring\n\n{}\n", bring_text(m));
    if !m.follow_ups.is_empty() {
        s.push_str("## Call-in follow-ups due\n\n");
        for c in &m.follow_ups {
            let due = c
                .follow_up_on
                .map(|d| format!(" (due {d})"))
                .unwrap_or_default();
            let _ = writeln!(s, "- {} {}{due}", c.entry.short_id, c.entry.title);
        }
        s.push('\n');
    }
    if !m.stale.is_empty() {
        s.push_str("## Stage notes to review\n\n");
        for st in &m.stale {
            let _ = writeln!(
                s,
                "- {} · {}: {} since {} ({} weeks)",
                st.subject, st.topic, st.stage, st.since, st.weeks
            );
        }
        s.push('\n');
    }
    s.push_str("## My questions\n\n\n## Wellbeing (private unless I share it)\n\n");
    s
}

/// Writes `text` to `path` through a private temporary file renamed into place, so the
/// target is never half-written.
fn write_private_atomically(path: &Path, text: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".praxis-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)] // One per flag of the subcommand.
fn record(
    prep: Option<String>,
    date: Option<crate::model::DateArg>,
    decisions: Vec<String>,
    actions: Vec<String>,
    learning: Option<String>,
    cpd: bool,
    peer: bool,
    fields: &[String],
    ctx: &Ctx,
) -> Result<()> {
    let template = super::structured::template(ctx, "supervision-record")?;
    let mut store = ctx.store()?;
    let today = ctx.clock.today();
    let prep_entry = match &prep {
        Some(id) => {
            let e = store.entry_by_rowid(store.resolve_id(id)?)?;
            match &e.details {
                Details::Supervision(s) if s.stage == SessionStage::Prep => Some(e),
                _ => bail!("entry {} is not a supervision prep", e.short_id()),
            }
        }
        None => match store.open_prep()? {
            Some(rowid) => Some(store.entry_by_rowid(rowid)?),
            None => None,
        },
    };
    let session_on = match (date, &prep_entry) {
        (Some(d), _) => d.resolve(today),
        (None, Some(p)) => p.occurred_on,
        (None, None) => today,
    };
    let mut entry = Entry::new(EntryKind::Supervision, session_on, ctx.clock.now_utc());
    entry.model = Some(template.id.clone());
    entry.scope = crate::model::Scope::Supervision;
    entry.title = format!("Supervision record for {session_on}");
    entry.details = Details::Supervision(Supervision {
        stage: SessionStage::Record,
        session_on,
        supervisor_role: None,
        session_type: None,
        length_minutes: None,
        prep: prep_entry.as_ref().map(|p| p.id.to_string()),
        counts_as_cpd: false,
        peer_reflection: false,
        agenda: Vec::new(),
    });
    let mut given = Given::default();
    given.put("session-date", Some(session_on.to_string()));
    if !decisions.is_empty() {
        given.put("decisions", Some(decisions.join("\n")));
    }
    if !actions.is_empty() {
        // "what | who | friday": the date is written down as the one it meant today.
        let lines: Vec<String> = actions
            .iter()
            .map(|a| {
                let mut parts: Vec<String> = a.split('|').map(|p| p.trim().to_string()).collect();
                if let Some(when) = parts.get_mut(2)
                    && let Ok(d) = crate::model::parse_date_arg(when)
                {
                    *when = d.resolve_ahead(today).to_string();
                }
                parts.join(" | ")
            })
            .collect();
        given.put("agreed-actions", Some(lines.join("\n")));
    }
    given.put("learning", learning);
    given.put("counts-as-cpd", cpd.then(|| "yes".to_string()));
    given.put("peer-reflection", peer.then(|| "yes".to_string()));
    given.fields(fields, template)?;
    let in_editor = !given.has_any_but(&["session-date"]);
    let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
    // The link to the prep is kept whatever was edited.
    if let (Details::Supervision(s), Some(p)) = (&mut entry.details, &prep_entry) {
        s.prep = Some(p.id.to_string());
    }
    store.insert_entry(&entry)?;
    say!("{}", entry.short_id());
    if !entry.actions.is_empty() {
        eprintln!(
            "{} agreed action{} will be carried into the next prep.",
            entry.actions.len(),
            plural(i64::try_from(entry.actions.len()).unwrap_or(i64::MAX))
        );
    }
    Ok(())
}
