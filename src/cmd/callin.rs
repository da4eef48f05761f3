//! `praxis callin new|held|followup|list`: planning a calling-in conversation, recording
//! how it went, and following up (PRACTICE.md §4).

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::Given;
use crate::cli::CallinCommand;
use crate::model::rules;
use crate::model::{CallIn, CallInStatus, Details, Entry, EntryKind};

pub fn run(cmd: CallinCommand, ctx: &Ctx) -> Result<()> {
    match cmd {
        CallinCommand::New {
            who,
            subject,
            approach,
            fields,
            opts,
        } => {
            let template = super::structured::template(ctx, "callin-plan")?;
            let mut entry = Entry::new(EntryKind::CallIn, ctx.clock.today(), ctx.clock.now_utc());
            entry.model = Some("callin".into());
            entry.scope = ctx.config.journal.default_scope;
            super::add::apply_options(&mut entry, &opts, ctx)?;
            let subject = subject
                .map(|s| super::subjects::check_key(&s))
                .transpose()?;
            let mut given = Given::default();
            given.put("who", who.clone().or_else(|| subject.clone()));
            given.put("approach", approach.map(|a| a.to_string()));
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["who"]);
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            let mut details = match std::mem::take(&mut entry.details) {
                Details::CallIn(c) => c,
                _ => CallIn::default(),
            };
            details.subject.clone_from(&subject);
            entry.details = Details::CallIn(details);
            rules::fill_title(&mut entry);
            if let Some(s) = &subject {
                super::subjects::warn_if_name(s);
            }
            ctx.store()?.insert_entry(&entry)?;
            ctx.text_saved();
            say!("{}", entry.short_id());
            if let Details::CallIn(c) = &entry.details
                && c.approach != crate::model::Approach::CallIn
            {
                note!(
                    "Saved. The check points to {}: bring it to supervision if you are unsure.",
                    c.approach
                );
            }
            Ok(())
        }
        CallinCommand::Held {
            id,
            on,
            rating,
            rupture,
            follow_up,
            bring,
            fields,
        } => {
            let mut store = ctx.store()?;
            let entry = callin_entry(&store, &id)?;
            let template = super::structured::template(ctx, "callin-outcome")?;
            let today = ctx.clock.today();
            let mut given = Given::default();
            given.put(
                "held-on",
                Some(on.map_or(today, |d| d.resolve(today)).to_string()),
            );
            given.put("rating", rating.map(|r| r.to_string()));
            given.put("rupture", rupture.map(|r| r.to_string()));
            given.put(
                "follow-up-on",
                follow_up.map(|d| d.resolve_ahead(today).to_string()),
            );
            given.put("bring-to-supervision", bring.then(|| "yes".to_string()));
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["held-on"]);
            // What was recorded of a conversation is not replaced from the command line
            // without a word: in $EDITOR it is shown and changed in place.
            if let Details::CallIn(c) = &entry.details
                && c.status != CallInStatus::Planned
                && !in_editor
            {
                let short = entry.short_id();
                let on = c.held_on.map(|d| format!(" on {d}")).unwrap_or_default();
                bail!(
                    "call-in {short} was already recorded as held{on}; what was written \
                     then is kept. To change it, `praxis callin held {short}` with no fields \
                     opens it in $EDITOR (or `praxis edit {short}`)"
                );
            }
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            if let Details::CallIn(c) = &mut entry.details {
                c.record_held(today).map_err(anyhow::Error::msg)?;
            }
            // Signs of rupture open a rupture about the same subject, linked to the
            // call-in, unless one is followed already (PRACTICE.md §15).
            let now = ctx.clock.now_utc();
            let rowid = store.resolve_id(&entry.id.to_string())?;
            let rupture = match rules::rupture_from_callin(&entry, now) {
                Some(r) if store.ruptures_of(rowid)?.is_empty() => Some(r),
                _ => None,
            };
            let saved = store.update_and_insert(&entry, rupture.as_slice(), now)?;
            ctx.text_saved();
            say!("{}", saved.short_id());
            if let Some(r) = &rupture {
                eprintln!(
                    "Signs of rupture: opened rupture {} to follow the repair (`praxis rupture list --open`).",
                    r.short_id()
                );
            } else if let Details::CallIn(c) = &saved.details
                && c.rupture_kind().is_some()
                && c.subject.is_none()
                && store.ruptures_of(rowid)?.is_empty()
            {
                eprintln!(
                    "Signs of rupture: to follow the repair, `praxis rupture new KEY --callin {}`.",
                    saved.short_id()
                );
            }
            Ok(())
        }
        CallinCommand::Followup { id, on } => {
            let mut store = ctx.store()?;
            let mut entry = callin_entry(&store, &id)?;
            let today = ctx.clock.today();
            let short = entry.short_id();
            let Details::CallIn(c) = &mut entry.details else {
                bail!("entry {id} is not a call-in");
            };
            if let Err(why) = c.record_follow_up(on.map_or(today, |d| d.resolve(today))) {
                if c.status == CallInStatus::Planned {
                    bail!(
                        "call-in {short} {why}: record it with `praxis callin held {short}` first"
                    );
                }
                bail!("call-in {short}: {why}");
            }
            let saved = store.update_entry(&entry, ctx.clock.now_utc())?;
            ctx.text_saved();
            say!("{}", saved.short_id());
            Ok(())
        }
        CallinCommand::List { due, json } => {
            let today = ctx.clock.today();
            let rows = ctx.store()?.list_callins(due.then_some(today))?;
            if json {
                say!("{}", crate::output::json(&rows)?);
                return Ok(());
            }
            if rows.is_empty() {
                note!(
                    "{}",
                    if due {
                        "No follow-ups due."
                    } else {
                        "No call-ins yet: plan one with `praxis callin new`."
                    }
                );
            }
            let o = &ctx.out;
            for r in &rows {
                let when = match (r.status, r.follow_up_on) {
                    (CallInStatus::Held, Some(d)) if d <= today => {
                        o.warn(&format!("follow up due {d}"))
                    }
                    (CallInStatus::Held, Some(d)) => o.dim(&format!("follow up {d}")),
                    _ => String::new(),
                };
                say!(
                    "{}  {}  {:<11} {:<9} {}  {when}",
                    o.accent(&r.entry.short_id),
                    r.entry.occurred_on,
                    r.status.as_str(),
                    r.approach.as_str(),
                    o.bold(&o.line(&r.entry.title)),
                );
            }
            Ok(())
        }
    }
}

fn callin_entry(store: &crate::store::Store, id: &str) -> Result<Entry> {
    let entry = store.entry_by_rowid(store.resolve_id(id)?)?;
    if entry.kind != EntryKind::CallIn {
        bail!(
            "entry {} is a {}, not a call-in",
            entry.short_id(),
            entry.kind
        );
    }
    if entry.deleted_at.is_some() {
        bail!("call-in {} is in the trash", entry.short_id());
    }
    Ok(entry)
}
