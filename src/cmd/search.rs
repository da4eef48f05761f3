//! `praxis search`: the journal's one search (names loosely, words by the full-text
//! index), with a highlighted passage per entry.

use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::cli::SearchArgs;
use crate::model::EntrySummary;
use crate::search::{self, Matched};
use crate::store::{EntryFilter, HIGHLIGHT_END, HIGHLIGHT_START};

/// One hit as `--json` prints it.
#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    entry: &'a EntrySummary,
    matched: &'a Matched,
    rank: Option<f64>,
    snippet: String,
}

pub fn run(args: &SearchArgs, ctx: &Ctx) -> Result<()> {
    let query = args.query.join(" ");
    if !search::searchable(&query) {
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
    let search::Found { hits, passages } = search::search(&store, &query, &filter, args.limit)?;
    let ids: Vec<i64> = hits.iter().map(|h| h.entry.rowid).collect();
    let mut snippets = store.snippets(&search::word_query(&query), &ids, passages)?;
    let mut snippet = |h: &search::Hit| {
        snippets
            .remove(&h.entry.rowid)
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| match &h.matched {
                Matched::Strength(n) => format!("strength: {n}"),
                Matched::Tag(n) => format!("tag: {n}"),
                Matched::Subject(n) => format!("subject: {n}"),
                Matched::Title | Matched::Text => String::new(),
            })
    };
    if args.json {
        let hits: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|h| JsonHit {
                entry: &h.entry,
                matched: &h.matched,
                rank: h.rank,
                snippet: snippet(h).replace([HIGHLIGHT_START, HIGHLIGHT_END], ""),
            })
            .collect();
        say!("{}", crate::output::json(&hits)?);
        return Ok(());
    }
    if hits.is_empty() {
        note!("No entries match '{}'.", ctx.out.line(&query));
        return Ok(());
    }
    let width = super::line_width(&ctx.out);
    for h in &hits {
        say!("{}", super::summary_line(&ctx.out, &h.entry, width));
        let s = snippet(h);
        if !s.trim().is_empty() {
            say!("    {}", ctx.out.snippet(s.trim()));
        }
    }
    Ok(())
}
