//! `praxis group new|list`: group and peer sessions, with the session models of
//! PRACTICE.md §17.

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::{Given, new_entry, print_list};
use crate::cli::GroupCommand;
use crate::model::{Details, EntryKind, GroupFormat, rules};
use crate::store::{GroupFilter, GroupRow};

pub fn run(cmd: GroupCommand, ctx: &Ctx) -> Result<()> {
    let today = ctx.clock.today();
    match cmd {
        GroupCommand::New(new) => {
            let crate::cli::GroupNew {
                model,
                format,
                theme,
                present,
                role,
                minutes,
                question,
                learning,
                actions,
                peer,
                cpd,
                fields,
                opts,
            } = *new;
            let catalog = ctx.catalog();
            let model = match &model {
                Some(id) => Some(
                    catalog
                        .group_model(id)
                        .map_err(anyhow::Error::msg)?
                        .id
                        .clone(),
                ),
                None => None,
            };
            let Some(template) = catalog.group_template(model.as_deref()) else {
                bail!("the group-session template is missing from this build");
            };
            let mut entry = new_entry(
                ctx,
                EntryKind::GroupSession,
                model.as_deref().unwrap_or("group-session"),
            );
            super::add::apply_options(&mut entry, &opts, ctx)?;
            let format = format.unwrap_or_else(|| GroupFormat::for_model(model.as_deref()));
            let mut present_lines = Vec::new();
            for who in &present {
                let who = who.trim();
                if who.is_empty() || who.chars().any(char::is_control) {
                    bail!("--present '{who}' is not a role or pseudonym");
                }
                super::subjects::warn_if_name(who);
                present_lines.push(format!("- {who}"));
            }
            let mut given = Given::default();
            given.put("format", Some(format.to_string()));
            given.put("theme", theme);
            if !present_lines.is_empty() {
                given.put("present", Some(present_lines.join("\n")));
            }
            given.put("my-role", role.map(|r| r.to_string()));
            given.put("length-minutes", minutes.map(|m| m.to_string()));
            given.put("question", question);
            given.put("learning", learning);
            if !actions.is_empty() {
                // "what | who | friday": the date is written down as the one it meant today.
                let lines: Vec<String> = actions
                    .iter()
                    .map(|a| {
                        let mut parts: Vec<String> =
                            a.split('|').map(|p| p.trim().to_string()).collect();
                        if let Some(when) = parts.get_mut(2)
                            && let Ok(d) = crate::model::parse_date_arg(when)
                        {
                            *when = d.resolve_ahead(today).to_string();
                        }
                        format!("- {}", parts.join(" | "))
                    })
                    .collect();
                given.put("agreed-actions", Some(lines.join("\n")));
            }
            given.put("peer-reflection", peer.then(|| "yes".to_string()));
            given.put("counts-as-cpd", cpd.then(|| "yes".to_string()));
            given.fields(&fields, &template)?;
            let in_editor = !given.has_any_but(&[
                "format",
                "present",
                "my-role",
                "length-minutes",
                "peer-reflection",
                "counts-as-cpd",
            ]);
            let mut entry = super::structured::write(entry, &template, &given, in_editor, ctx)?;
            if !matches!(entry.details, Details::GroupSession(_)) {
                bail!("a group session needs its format (--format)");
            }
            rules::fill_title(&mut entry);
            ctx.store()?.insert_entry(&entry)?;
            say!("{}", entry.short_id());
            if !entry.actions.is_empty() {
                eprintln!(
                    "{} action{} tracked: see `praxis actions`.",
                    entry.actions.len(),
                    if entry.actions.len() == 1 { "" } else { "s" }
                );
            }
            Ok(())
        }
        GroupCommand::List {
            format,
            counting,
            limit,
            json,
        } => {
            let filter = GroupFilter {
                format,
                counting,
                ..GroupFilter::default()
            };
            let rows = ctx.store()?.list_group_sessions(&filter, limit)?;
            let o = &ctx.out;
            print_list(
                &rows,
                json,
                "No group sessions yet: `praxis group new --model action-learning` records one.",
                |r: &GroupRow| {
                    let mut facts = Vec::new();
                    if let Some(role) = r.my_role {
                        facts.push(role.to_string());
                    }
                    if let Some(m) = r.length_minutes {
                        facts.push(format!("{m} min"));
                    }
                    if r.peer_reflection {
                        facts.push("peer reflection".into());
                    }
                    if r.counts_as_cpd {
                        facts.push("CPD".into());
                    }
                    format!(
                        "{}  {}  {:<21}  {}  {}",
                        o.accent(&r.entry.short_id),
                        r.entry.occurred_on,
                        r.format.as_str(),
                        o.bold(&o.line(&r.entry.title)),
                        o.dim(&facts.join(" · "))
                    )
                },
            )
        }
    }
}
