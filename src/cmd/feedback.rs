//! `praxis feedback add|list`: feedback from the people worked with (PRACTICE.md §14).

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::{Given, new_entry, print_list};
use crate::cli::FeedbackCommand;
use crate::model::{Details, EntryKind, rules};
use crate::store::{FeedbackFilter, FeedbackRow};

pub fn run(cmd: FeedbackCommand, ctx: &Ctx) -> Result<()> {
    match cmd {
        FeedbackCommand::Add(add) => {
            let crate::cli::FeedbackAdd {
                source,
                from,
                tone,
                words,
                context,
                take,
                changed,
                fields,
                opts,
            } = *add;
            let template = super::structured::template(ctx, "feedback")?;
            let mut entry = new_entry(ctx, EntryKind::Feedback, "feedback");
            super::add::apply_options(&mut entry, &opts, ctx)?;
            let from = from
                .as_deref()
                .map(super::subjects::check_key)
                .transpose()?;
            let mut given = Given::default();
            given.put("source", source.map(|s| s.to_string()));
            given.put("from", from);
            given.put("tone", tone.map(|t| t.to_string()));
            given.put("their-words", words);
            given.put("context", context);
            given.put("take", take);
            given.put("changed", changed);
            given.fields(&fields, template)?;
            let in_editor = !given.has_any_but(&["source", "from", "tone"]);
            let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
            let Details::Feedback(f) = &entry.details else {
                bail!("feedback needs its source (--source)");
            };
            let (source, subject) = (f.source, f.subject.clone());
            if entry.sections.iter().all(|s| s.text.trim().is_empty())
                && entry.body.trim().is_empty()
            {
                bail!("feedback needs what was said (--words), or what you take from it (--take)");
            }
            rules::fill_title(&mut entry);
            match &subject {
                Some(key) => {
                    super::structured::save_about(ctx, &entry, key, source.subject_type())?;
                }
                None => {
                    ctx.store()?.insert_entry(&entry)?;
                    say!("{}", entry.short_id());
                }
            }
            eprintln!("It will be on the agenda of your next supervision prep.");
            Ok(())
        }
        FeedbackCommand::List {
            source,
            subject,
            since,
            limit,
            json,
        } => {
            let since = super::resolve_date(ctx, since);
            let filter = FeedbackFilter {
                source,
                subject: subject.map(|s| s.trim().to_string()),
                after: since.and_then(|d| d.pred_opt()),
                until: None,
            };
            let rows = ctx.store()?.list_feedback(&filter, limit)?;
            let o = &ctx.out;
            print_list(
                &rows,
                json,
                "No feedback yet: `praxis feedback add --source ...` keeps some.",
                |r: &FeedbackRow| {
                    format!(
                        "{}  {}  {:<16}  {}  {}",
                        o.accent(&r.entry.short_id),
                        r.entry.occurred_on,
                        r.source.as_str(),
                        o.bold(&o.line(&r.entry.title)),
                        o.dim(r.tone.map_or("", |t| t.as_str()))
                    )
                },
            )
        }
    }
}
