//! `praxis doctor`: checks the journal in plain words, and rebuilds the search index or
//! mends unreadable dates on request.

use anyhow::{Result, bail};

use super::Ctx;
use crate::store::{Store, diagnose, latest_good_backup};

pub fn run(rebuild_index: bool, fix_dates: bool, ctx: &Ctx) -> Result<()> {
    let path = &ctx.paths.db;
    if rebuild_index {
        let mut store = Store::open(path)?;
        store.rebuild_search_index()?;
        say!("Rebuilt the search index.");
    }
    if fix_dates {
        let n = Store::open(path)?.fix_dates()?;
        say!(
            "Set {n} date{} past the year 9999 (or before the year 1) to the nearest one that can be read.",
            if n == 1 { "" } else { "s" }
        );
    }
    let findings = diagnose(path);
    let o = &ctx.out;
    for f in &findings {
        let mark = if f.ok { o.accent("ok ") } else { o.warn("!! ") };
        say!("{mark} {:<13} {}", f.check, o.line(&f.detail));
    }
    // This journal's backups, newest first, until one is whole.
    let (good, damaged) = latest_good_backup(path);
    for (b, why) in &damaged {
        say!(
            "{} {:<13} {} cannot be restored: {}",
            o.warn("!! "),
            "backups",
            b.path.display(),
            o.line(why)
        );
    }
    match good {
        Some(b) => say!(
            "{} {:<13} latest good backup is {}",
            o.accent("ok "),
            "backups",
            b.path.display()
        ),
        None if damaged.is_empty() => say!(
            "{} {:<13} none yet (praxis takes one a day once the journal has entries)",
            o.dim("-- "),
            "backups"
        ),
        None => say!(
            "{} {:<13} none of this journal's backups is whole",
            o.warn("!! "),
            "backups"
        ),
    }
    let problems = findings.iter().filter(|f| !f.ok).count() + damaged.len();
    if problems > 0 {
        bail!(
            "{problems} problem{} found; the journal file was not changed",
            if problems == 1 { "" } else { "s" }
        );
    }
    Ok(())
}
