//! `praxis cpd add` and `praxis cpd summary`: CPD records and hours (PRACTICE.md §8).

use anyhow::{Result, bail};
use chrono::{Datelike as _, NaiveDate};

use super::Ctx;
use super::structured::Given;
use crate::cli::CpdCommand;
use crate::model::details::format_hours;
use crate::model::{Entry, EntryKind};

pub fn run(cmd: CpdCommand, ctx: &Ctx) -> Result<()> {
    match cmd {
        CpdCommand::Add {
            activity,
            title,
            date,
            hours,
            participatory,
            learning,
            impact,
            peer_discussion,
            links,
            fields,
            scope,
        } => {
            let template = super::structured::template(ctx, "cpd")?;
            let today = ctx.clock.today();
            let mut entry = Entry::new(EntryKind::Cpd, today, ctx.clock.now_utc());
            entry.model = Some(template.id.clone());
            entry.scope = scope.unwrap_or(ctx.config.journal.default_scope);
            let mut given = Given::default();
            given.put("activity-type", activity);
            given.put("title", title);
            given.put(
                "date",
                Some(date.map_or(today, |d| d.resolve(today)).to_string()),
            );
            given.put("hours", hours.map(|h| h.to_string()));
            given.put("participatory", participatory.then(|| "yes".to_string()));
            given.put("learning", learning);
            given.put("impact", impact);
            given.put("peer-discussion", peer_discussion);
            if !links.is_empty() {
                given.put("linked", Some(links.join(" ")));
            }
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["date"]);
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            if entry.title.trim().is_empty() {
                bail!("a CPD record needs a title (--title, or the Title heading in the editor)");
            }
            entry.sections.retain(|s| !s.text.is_empty());
            entry.title = entry.title.trim().to_string();
            let mut store = ctx.store()?;
            store.insert_entry(&entry)?;
            ctx.text_saved();
            say!("{}", entry.short_id());
            Ok(())
        }
        CpdCommand::Summary {
            year,
            since,
            until,
            json,
        } => {
            let today = ctx.clock.today();
            let (since, until) = match year.as_deref() {
                Some(y) => {
                    let y: i32 = if y == "this" {
                        today.year()
                    } else {
                        y.parse()
                            .ok()
                            .filter(|y| (1900..=9999).contains(y))
                            .ok_or_else(|| {
                                anyhow::anyhow!(
                                    "--year '{y}' is not a year such as {}",
                                    today.year()
                                )
                            })?
                    };
                    (
                        NaiveDate::from_ymd_opt(y, 1, 1),
                        NaiveDate::from_ymd_opt(y, 12, 31),
                    )
                }
                None => (
                    since.map(|d| d.resolve(today)),
                    until.map(|d| d.resolve(today)),
                ),
            };
            super::check_range(since, until)?;
            let sum = ctx.store()?.cpd_summary(since, until)?;
            if json {
                say!("{}", crate::output::json(&sum)?);
                return Ok(());
            }
            let o = &ctx.out;
            let period = match (since, until) {
                (Some(s), Some(u)) => format!("{s} to {u}"),
                (Some(s), None) => format!("since {s}"),
                (None, Some(u)) => format!("up to {u}"),
                (None, None) => "all time".into(),
            };
            say!("{}", o.bold(&format!("CPD, {period}")));
            say!(
                "{} record{} · {} h in total · {} h participatory · {} with peer discussion",
                sum.records,
                if sum.records == 1 { "" } else { "s" },
                format_hours(sum.hours),
                format_hours(sum.participatory_hours),
                sum.with_peer_discussion
            );
            for a in &sum.by_activity {
                say!(
                    "  {:<16} {:>3} × {:>6} h",
                    o.line(&a.activity),
                    a.records,
                    format_hours(a.hours)
                );
            }
            say!(
                "{}",
                o.dim("For reference: NMC asks 35 h over 3 years (20 participatory); Social Work England at least 2 records a year (1 with peer reflection).")
            );
            Ok(())
        }
    }
}
