//! `praxis doctor`: checks the journal in plain words, and rebuilds the search index and
//! the kept counts on request.

use anyhow::{Result, bail};

use super::Ctx;
use crate::store::{Store, diagnose, list_backups};

pub fn run(rebuild_index: bool, ctx: &Ctx) -> Result<()> {
    let path = &ctx.paths.db;
    if rebuild_index {
        let mut store = Store::open(path)?;
        store.rebuild_search_index()?;
        store.rebuild_counts()?;
        say!("Rebuilt the search index and the counts kept for Patterns and lists.");
    }
    let findings = diagnose(path);
    let o = &ctx.out;
    for f in &findings {
        let mark = if f.ok { o.accent("ok ") } else { o.warn("!! ") };
        say!("{mark} {:<13} {}", f.check, o.line(&f.detail));
    }
    match list_backups(path).first() {
        Some(b) => say!(
            "{} {:<13} latest is {}",
            o.accent("ok "),
            "backups",
            b.path.display()
        ),
        None => say!(
            "{} {:<13} none yet (praxis takes one a day once the journal has entries)",
            o.dim("-- "),
            "backups"
        ),
    }
    let problems = findings.iter().filter(|f| !f.ok).count();
    if problems > 0 {
        bail!(
            "{problems} problem{} found; the journal file was not changed",
            if problems == 1 { "" } else { "s" }
        );
    }
    Ok(())
}
