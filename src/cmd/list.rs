//! `praxis list`: entries newest first, filtered.

use anyhow::Result;

use super::Ctx;
use crate::cli::ListArgs;
use crate::store::EntryFilter;

pub fn run(args: &ListArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let strength = match &args.strength {
        Some(s) => Some(match ctx.catalog().vocabulary.resolve(s) {
            Ok(name) => name,
            Err(e) => {
                // Strengths outside the vocabulary (imported ones) can still be filtered on.
                let raw = s.trim().to_lowercase();
                if !store.strength_counts()?.iter().any(|c| c.name == raw) {
                    anyhow::bail!(e);
                }
                raw
            }
        }),
        None => None,
    };
    let filter = EntryFilter {
        kind: args.kind,
        strength,
        tag: args
            .tag
            .as_deref()
            .map(|t| crate::model::compose::normalise_tag(t).unwrap_or_else(|_| t.to_string())),
        since: super::resolve_date(ctx, args.since),
        until: super::resolve_date(ctx, args.until),
        for_supervision: args.for_supervision.then_some(true),
        trashed: false,
    };
    super::check_range(filter.since, filter.until)?;
    let entries = store.list_entries(&filter, None, args.limit)?;
    if args.json {
        say!("{}", crate::output::json(&entries)?);
        return Ok(());
    }
    if entries.is_empty() {
        note!("No entries match. Write one with `praxis add`.");
        return Ok(());
    }
    let width = super::line_width(&ctx.out);
    for e in &entries {
        say!("{}", super::summary_line(&ctx.out, e, width));
    }
    Ok(())
}
