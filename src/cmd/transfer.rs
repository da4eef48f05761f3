//! `praxis export` and `praxis import`.

use std::io::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::Ctx;
use crate::transfer::{self, json};

pub fn export(all: bool, output: Option<&Path>, force: bool, ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    match output {
        Some(path) => {
            let n = transfer::write_atomically(path, force, |out| json::export(&store, all, out))?;
            eprintln!(
                "Exported {n} entr{} to {}.",
                if n == 1 { "y" } else { "ies" },
                path.display()
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            json::export(&store, all, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

pub fn import(
    file: &Path,
    format: Option<transfer::Format>,
    time_format: Option<&str>,
    dry_run: bool,
    ctx: &Ctx,
) -> Result<()> {
    let detected = format.is_none();
    let (format, parsed) = transfer::parse(file, format, time_format)?;
    let mut store = ctx.store()?;
    let r = store.import_entries(&parsed.entries, &parsed.subjects, dry_run)?;
    say!(
        "{}Read {} entr{} from {} ({}{}): {} added, {} skipped (already here), {} merged (newer in the file).",
        if dry_run {
            "Dry run, nothing written. "
        } else {
            ""
        },
        parsed.entries.len(),
        if parsed.entries.len() == 1 {
            "y"
        } else {
            "ies"
        },
        file.display(),
        format.describe(),
        if detected { ", detected" } else { "" },
        r.added,
        r.skipped,
        r.merged,
    );
    Ok(())
}
