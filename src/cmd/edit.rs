//! `praxis edit`: an entry round-trips through `$EDITOR` as Markdown.

use anyhow::{Result, bail};

use super::Ctx;
use crate::model::compose::{apply_document, render_entry};

pub fn run(id: &str, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let rowid = store.resolve_id(id)?;
    let entry = store.entry_by_rowid(rowid)?;
    if entry.deleted_at.is_some() {
        bail!(
            "entry {} is in the trash: `praxis restore {}` first",
            entry.short_id(),
            entry.short_id()
        );
    }
    let catalog = ctx.catalog();
    let template = catalog.for_entry(entry.kind, entry.model.as_deref());
    let model = template.as_deref();
    let original = render_entry(&entry, model);
    let command = crate::editor::editor_command(&ctx.config.editor.command)?;
    let written = crate::editor::edit(&command, &original, &ctx.paths.rescue_dir())?;
    if written == original {
        eprintln!("No changes.");
        return Ok(());
    }
    let keep = |err: String| -> Result<()> {
        let kept = crate::editor::rescue(&ctx.paths.rescue_dir(), &written)?;
        bail!(
            "{err}. The entry was not changed; your edited text is kept in {}",
            kept.display()
        )
    };
    let updated = match apply_document(
        &written,
        &entry,
        model,
        &catalog.vocabulary,
        ctx.clock.today(),
    ) {
        Ok(e) => e,
        Err(err) => return keep(err.to_string()),
    };
    if updated.is_blank() {
        return keep("the edited entry is empty (use `praxis rm` to delete an entry)".into());
    }
    match store.update_entry(&updated, ctx.clock.now_utc()) {
        Ok(saved) => {
            say!("{}", saved.short_id());
            Ok(())
        }
        Err(e @ crate::store::StoreError::Conflict(_)) => keep(e.to_string()),
        Err(e) => Err(e.into()),
    }
}
