//! `praxis` with no subcommand: where the journal is, what was written lately, and the
//! commands to write and find entries.

use anyhow::Result;

use super::Ctx;
use crate::store::EntryFilter;

pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let total = store.count_entries(&EntryFilter::default())?;
    let o = &ctx.out;
    say!(
        "{} {}",
        o.bold("praxis"),
        o.dim(&format!(
            "· {total} entr{} in {}",
            if total == 1 { "y" } else { "ies" },
            ctx.paths.db.display()
        ))
    );
    if total == 0 {
        say!();
        say!("Welcome. Your journal is private: it stays on this machine.");
        say!("Write a first reflection:");
        say!("  praxis add \"What happened today, in a sentence or two.\"");
        say!("  praxis add --model borton      (What? So what? Now what? in your editor)");
    } else {
        say!();
        let width = super::line_width(o);
        for e in store.list_entries(&EntryFilter::default(), None, 5)? {
            say!("{}", super::summary_line(o, &e, width));
        }
    }
    say!();
    say!("Write   praxis add \"...\"  ·  praxis add --model gibbs");
    say!("Find    praxis list  ·  praxis search WORD  ·  praxis show ID");
    say!("More    praxis --help");
    Ok(())
}
