//! `praxis demo`: a throwaway journal full of realistic entries, opened in the app.
//!
//! The demo never touches the user's own journal or its backups: it lives in a private
//! temporary directory that is removed when the demo ends (also on error), or at
//! `--keep PATH`, which must not exist yet.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::session::Session;
use crate::store::Store;

/// The demo's seed: every `praxis demo` on the same day shows the same journal.
const SEED: u64 = 2026;

pub fn run(keep: Option<PathBuf>, months: u32, ctx: &Ctx) -> Result<()> {
    let (_guard, path) = match &keep {
        Some(p) => (None, claim(p, ctx)?),
        None => {
            let dir = tempfile::Builder::new()
                .prefix("praxis-demo-")
                .tempdir()
                .context("cannot create a temporary directory for the demo journal")?;
            let path = dir.path().join("demo.sqlite3");
            crate::files::create_private(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            (Some(dir), path)
        }
    };
    let summary = match fill(&path, months, ctx) {
        Ok(s) => s,
        Err(e) => {
            if keep.is_some() {
                remove_journal(&path);
            }
            return Err(e);
        }
    };
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        let mut paths = ctx.paths.clone();
        paths.db.clone_from(&path);
        let demo = Session::new(paths, ctx.config.clone(), ctx.clock, ctx.color);
        crate::tui::run_labelled(&demo, Some("demo journal"))?;
        if keep.is_some() {
            say!(
                "The demo journal is kept at {}: open it again with `praxis --db {}`.",
                path.display(),
                shell_word(&path)
            );
        }
        return Ok(());
    }
    let o = &ctx.out;
    let period = match (summary.from, summary.to) {
        (Some(f), Some(t)) => format!(" from {f} to {t}"),
        _ => String::new(),
    };
    say!(
        "{}",
        o.bold(&format!(
            "A demo journal of {} entries{period}:",
            summary.entries()
        ))
    );
    for (noun, n) in summary.lines() {
        say!("  {n:>4} {noun}");
    }
    match &keep {
        Some(_) => {
            say!("Kept at {}", path.display());
            say!("open it with: praxis --db {}", shell_word(&path));
        }
        None => say!(
            "{}",
            o.dim("It was a throwaway journal and is gone. Run `praxis demo` in a terminal to look around, or keep one with --keep PATH.")
        ),
    }
    Ok(())
}

/// Creates the empty journal file at `path` (private, with private parent directories),
/// refusing a path that exists or is the user's own journal.
fn claim(path: &Path, ctx: &Ctx) -> Result<PathBuf> {
    let exists = || anyhow::anyhow!("{} already exists: choose a new path", path.display());
    if path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    // SQLite's files of a journal that was there: the demo would read them, and its
    // clean-up after a failure would remove them.
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.symlink_metadata().is_ok() {
            bail!(
                "{} already exists, left by a journal that was at {}: choose a new path, or \
                 move it aside",
                side.display(),
                path.display()
            );
        }
    }
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if abs(path) == abs(&ctx.paths.db) {
        bail!(
            "{} is where your own journal lives: choose another path for the demo",
            path.display()
        );
    }
    match crate::files::create_private(path) {
        Ok(()) => Ok(path.to_path_buf()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// Opens the new journal and writes the demo into it, dated up to today.
fn fill(path: &Path, months: u32, ctx: &Ctx) -> Result<crate::demo::DemoSummary> {
    let mut store = Store::open(path)?;
    crate::demo::fill(
        &mut store,
        ctx.catalog(),
        ctx.clock.today(),
        ctx.clock.now_utc(),
        months,
        SEED,
    )
    .context("could not write the demo journal")
}

/// Removes a half-written demo journal (and SQLite's files beside it).
fn remove_journal(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// A path as one shell word: quoted when it holds anything a shell would split or expand.
fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-+:@%,=".contains(c));
    if plain && !s.is_empty() {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
