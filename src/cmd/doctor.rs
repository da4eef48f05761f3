//! `praxis doctor`: checks the journal in plain words, and rebuilds the search index and
//! the kept counts, or mends unreadable dates, on request.

use anyhow::{Result, bail};

use super::Ctx;
use crate::store::{diagnose, latest_good_backup};

pub fn run(rebuild_index: bool, fix_dates: bool, ctx: &Ctx) -> Result<()> {
    let path = &ctx.paths.db;
    if rebuild_index {
        let mut store = ctx.open_journal()?;
        let made = store.restore_schema()?;
        if !made.is_empty() {
            say!(
                "Made again what was missing from the journal: {}.",
                made.join(", ")
            );
        }
        store.rebuild_search_index()?;
        store.rebuild_counts()?;
        say!("Rebuilt the search index and the counts kept for Patterns and lists.");
    }
    if fix_dates {
        let n = ctx.open_journal()?.fix_dates()?;
        say!(
            "Set {n} date{} past the year 9999 (or before the year 1) to the nearest one that can be read.",
            if n == 1 { "" } else { "s" }
        );
    }
    // Without its passphrase (none can be asked for), an encrypted journal is looked at
    // as it is: what can be said without reading it.
    let unlock = ctx.unlock().unwrap_or_default();
    let findings = diagnose(path, &unlock);
    let o = &ctx.out;
    for f in &findings {
        let mark = if f.ok { o.accent("ok ") } else { o.warn("!! ") };
        say!("{mark} {:<13} {}", f.check, o.line(&f.detail));
    }
    // This journal's backups, newest first, until one is whole.
    let (good, damaged) = latest_good_backup(path, &unlock);
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
    let mut problems = findings.iter().filter(|f| !f.ok).count() + damaged.len();
    // Writing that is not in the journal: kept texts, and the folders of editors whose
    // praxis was killed (the next praxis that writes keeps their text).
    let rescue_dir = ctx.paths.rescue_dir();
    let kept = crate::editor::rescued(&rescue_dir);
    let left = crate::editor::left_open(&rescue_dir);
    let sealed = crate::rescue::sealed(&rescue_dir);
    if !kept.is_empty() || !left.is_empty() || !sealed.is_empty() {
        problems += 1;
        let mut what = Vec::new();
        if !kept.is_empty() {
            what.push(format!(
                "{} text{} you wrote in the editor that {} not saved",
                kept.len(),
                if kept.len() == 1 { "" } else { "s" },
                if kept.len() == 1 { "was" } else { "were" }
            ));
        }
        if !sealed.is_empty() {
            let n = sealed.len();
            let earlier = sealed
                .iter()
                .filter(|p| p.to_string_lossy().ends_with(crate::rescue::EARLIER))
                .count();
            what.push(format!(
                "{n} text{} you wrote in the editor kept encrypted (`age -d` opens {} with \
                 the recovery key{}; the next praxis to open the journal with its passphrase \
                 takes in those sealed for it)",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" },
                if earlier == 0 {
                    String::new()
                } else {
                    format!(
                        "; the {earlier} named `*{}` {} the recovery key given with an \
                         earlier passphrase",
                        crate::rescue::EARLIER,
                        if earlier == 1 { "needs" } else { "need" }
                    )
                },
            ));
        }
        if !left.is_empty() {
            what.push(format!(
                "{} editor folder{} left by a praxis that was killed (the next `praxis add` \
                 keeps {})",
                left.len(),
                if left.len() == 1 { "" } else { "s" },
                if left.len() == 1 {
                    "its text"
                } else {
                    "their text"
                }
            ));
        }
        say!(
            "{} {:<13} {} in {}: open them to copy what you need (writing the same kind of \
             entry in the editor offers the newest back), then remove them",
            o.warn("!! "),
            "unsaved text",
            what.join(", and "),
            rescue_dir.display()
        );
    }
    // Half copies of backups that were killed: private, but copies of journal text.
    let halves = crate::store::killed_backup_copies(path);
    if !halves.is_empty() {
        problems += 1;
        say!(
            "{} {:<13} {} half-written cop{} of a killed backup in {}: the next `praxis backup` \
             removes them",
            o.warn("!! "),
            "leftovers",
            halves.len(),
            if halves.len() == 1 { "y" } else { "ies" },
            crate::store::backup_dir(path).display()
        );
    }
    // A circle's keys or index left in plain beside an encrypted journal (by a praxis
    // killed while the lock changed, or an older one): the next circle command takes
    // them in.
    if matches!(
        crate::store::probe(path),
        crate::store::Lock::Encrypted { .. }
    ) {
        let dir = super::circle::circles_dir(ctx);
        let (keys, indexes) = crate::circle::plain_records(&dir);
        if keys + indexes > 0 {
            problems += 1;
            let mut what = Vec::new();
            if keys > 0 {
                what.push(format!(
                    "the keys of {keys} circle{} in plain files",
                    if keys == 1 { "" } else { "s" }
                ));
            }
            if indexes > 0 {
                what.push(format!(
                    "{indexes} plain index{} of what was read",
                    if indexes == 1 { "" } else { "es" }
                ));
            }
            say!(
                "{} {:<13} {} in {}, beside the encrypted journal: `praxis circle list` \
                 takes the keys into the journal and removes what is plain",
                o.warn("!! "),
                "circles",
                what.join(" and "),
                dir.display()
            );
        }
    }
    if problems > 0 {
        // Only what was asked for was changed (and said above); the problems were not.
        let changed = match (rebuild_index, fix_dates) {
            (false, false) => "the journal file was not changed",
            (true, false) => "apart from the rebuild above, nothing was changed",
            (false, true) => "apart from the dates set above, nothing was changed",
            (true, true) => "apart from the rebuild and the dates above, nothing was changed",
        };
        bail!(
            "{problems} problem{} found; {changed}",
            if problems == 1 { "" } else { "s" }
        );
    }
    Ok(())
}
