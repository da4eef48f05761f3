//! `praxis edit`: an entry round-trips through `$EDITOR` as Markdown.

use anyhow::{Result, bail};

use super::Ctx;
use crate::editor::Purpose;
use crate::model::compose::{apply_document, render_entry};

pub fn run(id: &str, ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    store.ensure_writable()?;
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
    let purpose = Purpose::edit(&entry.short_id());
    let rescue_dir = ctx.paths.rescue_dir();
    let (initial, from) = super::add::offer_rescued(&rescue_dir, &purpose)
        .map_or((original.clone(), None), |(text, path)| (text, Some(path)));
    let written = crate::editor::write(&command, &initial, &purpose, &rescue_dir, from)?;
    if written.text == original {
        written.saved();
        note!("No changes.");
        return Ok(());
    }
    let text = written.text.clone();
    // Whatever fails from here on, the edited text is kept (see Session::finish).
    ctx.hold_unsaved(written, "The entry was not changed");
    let updated = apply_document(&text, &entry, model, &catalog.vocabulary, ctx.clock.today())
        .map_err(anyhow::Error::msg)?;
    if updated.is_blank() {
        bail!("the edited entry is empty (use `praxis rm` to delete an entry)");
    }
    let saved = store.update_entry(&updated, ctx.clock.now_utc())?;
    ctx.text_saved();
    say!("{}", saved.short_id());
    Ok(())
}
