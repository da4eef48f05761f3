//! `praxis review FILE...`: opens people's shared summaries side by side, read-only, or
//! writes them side by side as one HTML page (`--html`). Never opens, creates or backs up
//! the reviewer's own journal; the only files it writes are the notes and the page.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::Ctx;
use crate::transfer::summary::Summary;
use crate::tui::review::keys::ReviewKeymap;
use crate::tui::review::notes::{self, NotesDoc};
use crate::tui::review::{self, Review};
use crate::tui::theme::Theme;

/// Every summary named, read and checked, with its file.
fn read_all(files: &[PathBuf]) -> Result<Vec<(PathBuf, Summary)>> {
    if files.is_empty() {
        bail!("name at least one summary file: praxis review FILE...");
    }
    Ok(files
        .iter()
        .map(|f| Summary::read(f).map(|s| (f.clone(), s)))
        .collect::<Result<Vec<_>, _>>()?)
}

/// Writes the summaries side by side as one HTML page at `page` (atomically, private).
pub fn html(files: &[PathBuf], page: &Path, force: bool, ctx: &Ctx) -> Result<()> {
    let people = read_all(files)?;
    if files.iter().any(|f| same_file(f, page)) {
        bail!(
            "{} is one of the summaries: name another file with --html",
            page.display()
        );
    }
    let named: Vec<(String, &Summary)> = people
        .iter()
        .map(|(path, s)| (s.display_name(path), s))
        .collect();
    let today = ctx.clock.today();
    crate::files::write_atomically(page, force, |out| {
        crate::transfer::html::write_review(out, &named, today)
    })?;
    eprintln!(
        "Wrote the review of {} summar{} to {}.",
        named.len(),
        if named.len() == 1 { "y" } else { "ies" },
        page.display()
    );
    Ok(())
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads every summary and the notes (all errors come before the terminal is touched),
/// then runs the review.
pub fn run(files: &[PathBuf], notes_file: Option<&Path>, ctx: &Ctx) -> Result<()> {
    let people = read_all(files)?;
    let Some(first) = files.first() else {
        bail!("name at least one summary file: praxis review FILE...");
    };
    let notes_path = notes_file.map_or_else(|| notes::default_path(first), Path::to_path_buf);
    check_notes_path(&notes_path, files)?;
    let doc = NotesDoc::load(&notes_path)?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        bail!(
            "praxis review needs a terminal: run it in a terminal window, with neither its input nor its output redirected"
        );
    }
    let keymap = ReviewKeymap::from_config(&ctx.config, &ctx.paths.config)?;
    let theme = Theme::new(ctx.config.ui.theme, !ctx.out.color);
    let mut r = Review::new(people, notes_path, &doc, keymap, theme);
    r.mouse = ctx.config.ui.mouse;
    review::run(r)
}

/// The notes can be written where they are asked for: not a folder, not one of the
/// summaries, in a folder that exists.
fn check_notes_path(path: &Path, summaries: &[PathBuf]) -> Result<()> {
    if summaries.iter().any(|s| same_file(s, path)) {
        bail!(
            "the notes file {} is one of the summaries: name another file with --notes",
            path.display()
        );
    }
    if path.is_dir() {
        bail!(
            "the notes file {} is a folder: name a file with --notes",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if !dir.is_dir() {
        bail!(
            "the folder for the notes file {} does not exist: create it, or choose another with --notes",
            path.display()
        );
    }
    Ok(())
}
