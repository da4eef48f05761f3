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
    if args.full {
        // Whole entries, read one at a time: only the ones listed (at most --limit).
        let whole = entries
            .iter()
            .map(|e| store.entry_by_rowid(e.rowid))
            .collect::<Result<Vec<_>, _>>()?;
        let whole: Vec<super::show::Whole<'_>> = whole.iter().map(Into::into).collect();
        say!("{}", crate::output::json(&whole)?);
        return Ok(());
    }
    if args.json {
        say!("{}", crate::output::json(&entries)?);
        return Ok(());
    }
    if entries.is_empty() {
        let o = &ctx.out;
        let mut asked = Vec::new();
        if let Some(k) = filter.kind {
            asked.push(format!("--kind {k}"));
        }
        if let Some(s) = &filter.strength {
            asked.push(format!("--strength {}", o.line(s)));
        }
        if let Some(t) = &filter.tag {
            asked.push(format!("--tag {}", o.line(t)));
        }
        if let Some(d) = filter.since {
            asked.push(format!("--since {d}"));
        }
        if let Some(d) = filter.until {
            asked.push(format!("--until {d}"));
        }
        if args.for_supervision {
            asked.push("--for-supervision".into());
        }
        if asked.is_empty() {
            note!(
                "The journal has no entries yet: write one with `praxis add`, or `praxis` to open the app."
            );
        } else {
            note!(
                "No entries match {}. `praxis tags` lists the tags in use, `praxis stats` the strengths.",
                asked.join(" ")
            );
        }
        return Ok(());
    }
    let width = super::line_width(&ctx.out);
    for e in &entries {
        say!("{}", super::summary_line(&ctx.out, e, width));
    }
    Ok(())
}
