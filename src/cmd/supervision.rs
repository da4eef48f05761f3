//! `praxis supervision prep|record|list`: preparing from the journal, recording what
//! was agreed, and carrying agreed actions into the next prep (PRACTICE.md §3).

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::Given;
use crate::cli::SupervisionCommand;
use crate::model::{AgendaItem, Details, Entry, EntryKind, SessionStage, Supervision};
use crate::supervision::{agenda_markdown, plural, prep_entry};

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
            let entry = prep_entry(
                &material,
                on,
                role,
                session_type,
                minutes,
                own,
                ctx.clock.now_utc(),
            );
            let flagged: Vec<uuid::Uuid> = material.flagged.iter().map(|e| e.id).collect();
            store.insert_linked(&entry, &flagged, "brings")?;
            let md = agenda_markdown(&entry, &material);
            if let Some(path) = &output {
                crate::files::write_atomically(path, force, |out| {
                    out.write_all(md.as_bytes())?;
                    Ok(())
                })?;
                note!("Agenda written to {}", path.display());
            }
            say_raw!("{}", ctx.out.text(&md));
            note!(
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
                say!("{}", crate::output::json(&rows)?);
                return Ok(());
            }
            if rows.is_empty() {
                note!("No sessions yet: `praxis supervision prep` gathers one from your journal.");
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
    crate::model::rules::fill_title(&mut entry);
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
    ctx.text_saved();
    say!("{}", entry.short_id());
    if !entry.actions.is_empty() {
        note!(
            "{} agreed action{} will be carried into the next prep.",
            entry.actions.len(),
            plural(i64::try_from(entry.actions.len()).unwrap_or(i64::MAX))
        );
    }
    Ok(())
}
