//! `praxis rupture new|repair|repaired|let-go|reopen|list`: ruptures in working
//! relationships, and their repair (PRACTICE.md §15).

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::{Given, append_section, entry_of_kind, new_entry, print_list};
use crate::cli::RuptureCommand;
use crate::model::{Details, Entry, EntryKind, RuptureStatus, SubjectType, rules};
use crate::store::{RuptureFilter, RuptureRow, Store};

pub fn run(cmd: RuptureCommand, ctx: &Ctx) -> Result<()> {
    let today = ctx.clock.today();
    match cmd {
        RuptureCommand::New(new) => {
            let crate::cli::RuptureNew {
                subject,
                kind,
                what,
                my_part,
                their_part,
                callin,
                subject_type,
                fields,
                opts,
            } = *new;
            let subject = super::subjects::check_key(&subject)?;
            let template = super::structured::template(ctx, "rupture")?;
            let callin = match &callin {
                Some(id) => Some(entry_of_kind(&ctx.store()?, id, EntryKind::CallIn)?),
                None => None,
            };
            let mut entry = new_entry(ctx, EntryKind::Rupture, "rupture");
            super::add::apply_options(&mut entry, &opts, ctx)?;
            let mut given = Given::default();
            given.put("subject", Some(subject.clone()));
            given.put("rupture-kind", kind.map(|k| k.to_string()));
            given.put("what-happened", what);
            given.put("my-part", my_part);
            given.put("their-part", their_part);
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["subject", "rupture-kind"]);
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            let Details::Rupture(r) = &mut entry.details else {
                bail!("a rupture needs the relationship it is in");
            };
            r.callin = callin.map(|c| c.id.to_string());
            let subject = r.subject.clone();
            rules::fill_title(&mut entry);
            let kind = ctx
                .store()?
                .subject_type(&subject)?
                .or(subject_type)
                .unwrap_or(SubjectType::Colleague);
            super::structured::save_about(ctx, &entry, &subject, kind)
        }
        RuptureCommand::Repair { id, note, on } => change(ctx, &id, |e, template| {
            let noticed = e.occurred_on;
            let on = on.map_or(today, |d| d.resolve(today));
            rupture(e)?.record_repair(on, noticed)?;
            if let Some(n) = &note {
                append_section(e, template, "repair-tried", &format!("{on}: {n}"));
            }
            Ok(())
        }),
        RuptureCommand::Repaired { id, note, on } => change(ctx, &id, |e, template| {
            let noticed = e.occurred_on;
            let on = on.map_or(today, |d| d.resolve(today));
            rupture(e)?.close(RuptureStatus::Repaired, on, noticed)?;
            if let Some(n) = &note {
                append_section(e, template, "repair-tried", &format!("{on}: {n}"));
            }
            Ok(())
        }),
        RuptureCommand::LetGo { id, why, on } => change(ctx, &id, |e, _| {
            rules::let_rupture_go(e, on.map_or(today, |d| d.resolve(today)), &why)
        }),
        RuptureCommand::Reopen { id, note } => change(ctx, &id, |e, template| {
            rupture(e)?.reopen()?;
            let text = match &note {
                Some(n) => format!("Reopened {today}: {n}"),
                None => format!("Reopened {today}."),
            };
            append_section(e, template, "what-happened", &text);
            Ok(())
        }),
        RuptureCommand::List {
            open,
            status,
            subject,
            limit,
            json,
        } => {
            let statuses = match (open, status) {
                (true, _) => vec![RuptureStatus::Open, RuptureStatus::RepairTried],
                (false, Some(s)) => vec![s],
                (false, None) => Vec::new(),
            };
            let filter = RuptureFilter {
                statuses,
                subject: subject.map(|s| s.trim().to_string()),
                until: None,
            };
            let rows = ctx.store()?.list_ruptures(&filter, limit)?;
            let o = &ctx.out;
            print_list(
                &rows,
                json,
                if open {
                    "No open ruptures."
                } else {
                    "No ruptures noted: `praxis rupture new KEY` notes one."
                },
                |r: &RuptureRow| {
                    let since = match (r.status, r.closed_on, r.repair_tried_on) {
                        (_, Some(c), _) => o.dim(&format!("{} {c}", r.status)),
                        (RuptureStatus::RepairTried, _, Some(t)) => {
                            o.dim(&format!("repair tried {t}"))
                        }
                        _ => String::new(),
                    };
                    format!(
                        "{}  {}  {:<12}  {}  {}",
                        o.accent(&r.entry.short_id),
                        r.entry.occurred_on,
                        r.status.as_str(),
                        o.bold(&o.line(&r.entry.title)),
                        since
                    )
                },
            )
        }
    }
}

fn rupture(e: &mut Entry) -> Result<&mut crate::model::RuptureNote, String> {
    match &mut e.details {
        Details::Rupture(r) => Ok(r),
        _ => Err("it has no rupture details: run `praxis doctor`".into()),
    }
}

/// Applies a status change to the rupture `id` and saves it.
fn change(
    ctx: &Ctx,
    id: &str,
    apply: impl FnOnce(&mut Entry, &crate::model::Template) -> Result<(), String>,
) -> Result<()> {
    let template = super::structured::template(ctx, "rupture")?;
    let mut store: Store = ctx.store()?;
    let mut entry = entry_of_kind(&store, id, EntryKind::Rupture)?;
    let short = entry.short_id();
    apply(&mut entry, template).map_err(|why| anyhow::anyhow!("rupture {short}: {why}"))?;
    let saved = store.update_entry(&entry, ctx.clock.now_utc())?;
    say!("{}", saved.short_id());
    Ok(())
}
