//! `praxis positive-risk plan|review|list`: positive-risk plans made with a person, and
//! their reviews (PRACTICE.md §16).

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::{Given, entry_of_kind, new_entry, print_list};
use crate::cli::RiskCommand;
use crate::model::{Details, EntryKind, PlanStatus, SubjectType, rules};
use crate::store::{RiskFilter, RiskRow};

pub fn run(cmd: RiskCommand, ctx: &Ctx) -> Result<()> {
    let today = ctx.clock.today();
    match cmd {
        RiskCommand::Plan(plan) => {
            let crate::cli::RiskPlan {
                subject,
                goal,
                matters,
                risks,
                not_doing,
                safer,
                agreed,
                review,
                subject_type,
                fields,
                opts,
            } = *plan;
            let subject = super::subjects::check_key(&subject)?;
            let template = super::structured::template(ctx, "positive-risk-plan")?;
            let mut entry = new_entry(ctx, EntryKind::PositiveRisk, "positive-risk-plan");
            super::add::apply_options(&mut entry, &opts, ctx)?;
            let mut given = Given::default();
            given.put("subject", Some(subject));
            given.put("goal", goal);
            given.put("matters", matters);
            given.put("risks", risks);
            given.put("not-doing", not_doing);
            given.put("safer", safer);
            given.put("agreed", agreed);
            given.put(
                "review-on",
                review.map(|d| d.resolve_ahead(today).to_string()),
            );
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["subject", "review-on"]);
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            let Details::PositiveRisk(p) = &entry.details else {
                bail!("a positive-risk plan needs the person it is made with");
            };
            let subject = p.subject.clone();
            rules::fill_title(&mut entry);
            let kind = ctx
                .store()?
                .subject_type(&subject)?
                .or(subject_type)
                .unwrap_or(SubjectType::Person);
            super::structured::save_about(ctx, &entry, &subject, kind)
        }
        RiskCommand::Review {
            id,
            decision,
            note,
            next,
            on,
        } => {
            let mut store = ctx.store()?;
            let mut entry = entry_of_kind(&store, &id, EntryKind::PositiveRisk)?;
            let (short, planned) = (entry.short_id(), entry.occurred_on);
            let Details::PositiveRisk(p) = &mut entry.details else {
                bail!("plan {short} has no details: run `praxis doctor`");
            };
            let on = on.map_or(today, |d| d.resolve(today));
            let next = next.map(|d| d.resolve_ahead(on));
            p.record_review(on, decision, &note, next, planned)
                .map_err(|why| anyhow::anyhow!("plan {short}: {why}"))?;
            let after = match (p.status, p.review_on) {
                (PlanStatus::Active, Some(d)) => format!("Next review {d}."),
                _ => "The plan has ended.".to_string(),
            };
            let saved = store.update_entry(&entry, ctx.clock.now_utc())?;
            say!("{}", saved.short_id());
            eprintln!("{after}");
            Ok(())
        }
        RiskCommand::List {
            due,
            all,
            subject,
            limit,
            json,
        } => {
            let filter = RiskFilter {
                due: due.then_some(today),
                ended: all,
                subject: subject.map(|s| s.trim().to_string()),
            };
            let rows = ctx.store()?.list_positive_risks(&filter, limit)?;
            let o = &ctx.out;
            print_list(
                &rows,
                json,
                if due {
                    "No reviews due."
                } else {
                    "No active positive-risk plans: `praxis positive-risk plan KEY` makes one."
                },
                |r: &RiskRow| {
                    let review = match (r.status, r.review_on) {
                        (PlanStatus::Active, Some(d)) if d <= today => {
                            o.warn(&format!("review due {d}"))
                        }
                        (PlanStatus::Active, Some(d)) => o.dim(&format!("review {d}")),
                        _ => o.dim("ended"),
                    };
                    format!(
                        "{}  {}  {}  {}",
                        o.accent(&r.entry.short_id),
                        r.entry.occurred_on,
                        o.bold(&o.line(&r.entry.title)),
                        review
                    )
                },
            )
        }
    }
}
