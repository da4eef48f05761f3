//! `praxis rm`, `praxis restore` and `praxis trash`: deleting is reversible until the
//! trash is emptied.

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::TrashAction;
use crate::store::EntryFilter;

pub fn remove(id: &str, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let rowid = store.resolve_id(id)?;
    let e = store.entry_by_rowid(rowid)?;
    if !store.trash_entry(rowid, ctx.clock.now_utc())? {
        bail!("entry {} is already in the trash", e.short_id());
    }
    say!(
        "Moved {} to the trash (`praxis restore {}` brings it back).",
        e.short_id(),
        e.short_id()
    );
    Ok(())
}

pub fn restore(id: &str, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let rowid = store.resolve_id(id)?;
    let e = store.entry_by_rowid(rowid)?;
    if !store.restore_entry(rowid)? {
        bail!("entry {} is not in the trash", e.short_id());
    }
    say!("Restored {}.", e.short_id());
    Ok(())
}

pub fn run(action: Option<TrashAction>, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let filter = EntryFilter {
        trashed: true,
        ..EntryFilter::default()
    };
    match action.unwrap_or(TrashAction::List) {
        TrashAction::List => {
            let entries = store.list_entries(&filter, None, usize::MAX)?;
            if entries.is_empty() {
                note!("The trash is empty.");
            }
            let width = super::line_width(&ctx.out);
            for e in &entries {
                say!("{}", super::summary_line(&ctx.out, e, width));
            }
            Ok(())
        }
        TrashAction::Empty { yes } => {
            let n = store.count_entries(&filter)?;
            if n == 0 {
                note!("The trash is already empty.");
                return Ok(());
            }
            let question = format!(
                "Delete {n} entr{} for good?",
                if n == 1 { "y" } else { "ies" }
            );
            if !yes && !super::confirm(&question) {
                bail!("the trash was not emptied: confirm at the prompt, or pass --yes");
            }
            let gone = store.empty_trash()?;
            say!(
                "Deleted {gone} entr{} for good.",
                if gone == 1 { "y" } else { "ies" }
            );
            Ok(())
        }
        TrashAction::Delete { id, yes } => {
            let rowid = store.resolve_id(&id)?;
            let e = store.entry_by_rowid(rowid)?;
            let short = e.short_id();
            if e.deleted_at.is_none() {
                bail!(
                    "entry {short} is not in the trash: `praxis rm {short}` moves it there, \
                     then `praxis trash delete {short}` deletes it for good"
                );
            }
            let question = format!(
                "Delete {short} \"{}\" for good? This cannot be undone.",
                ctx.out.line(&e.title)
            );
            if !yes && !super::confirm(&question) {
                bail!("{short} was not deleted: confirm at the prompt, or pass --yes");
            }
            if !store.delete_for_good(rowid)? {
                bail!("entry {short} is no longer in the trash (restored or deleted elsewhere)");
            }
            say!("Deleted {short} for good.");
            Ok(())
        }
    }
}
