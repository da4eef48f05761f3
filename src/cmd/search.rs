//! `praxis search`: full text, ranked, with a highlighted passage per entry.

use anyhow::Result;

use super::Ctx;
use crate::cli::SearchArgs;
use crate::store::{EntryFilter, fts_query};

pub fn run(args: &SearchArgs, ctx: &Ctx) -> Result<()> {
    let query = args.query.join(" ");
    if fts_query(&query).is_none() {
        anyhow::bail!("nothing to search for in '{query}': give at least one word");
    }
    let store = ctx.store()?;
    let filter = EntryFilter {
        kind: args.kind,
        since: super::resolve_date(ctx, args.since),
        until: super::resolve_date(ctx, args.until),
        ..EntryFilter::default()
    };
    super::check_range(filter.since, filter.until)?;
    let hits = store.search(&query, &filter, args.limit)?;
    if args.json {
        let hits: Vec<_> = hits
            .into_iter()
            .map(|mut h| {
                h.snippet = h.snippet.replace(
                    [crate::store::HIGHLIGHT_START, crate::store::HIGHLIGHT_END],
                    "",
                );
                h
            })
            .collect();
        say!("{}", crate::output::json(&hits)?);
        return Ok(());
    }
    if hits.is_empty() {
        eprintln!("No entries contain '{}'.", ctx.out.line(&query));
        return Ok(());
    }
    let width = super::line_width(&ctx.out);
    for h in &hits {
        say!("{}", super::summary_line(&ctx.out, &h.entry, width));
        if !h.snippet.trim().is_empty() {
            say!("    {}", ctx.out.snippet(h.snippet.trim()));
        }
    }
    Ok(())
}
