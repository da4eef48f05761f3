//! Moving entries in and out of the journal: the lossless praxis JSON format (backups,
//! moving machines) and importers from other journal tools. Imports are all or nothing
//! and idempotent; exports are written to a temporary name and renamed into place.

pub mod json;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::Entry;

/// An import that cannot be used, and exactly where.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {what}", path.display())]
    Invalid { path: PathBuf, what: String },
    #[error("{}: {}:{}: {reason}", path.display(), line, column)]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("{}: entry {index}{}: {reason}", path.display(), id.as_ref().map(|i| format!(" ({i})")).unwrap_or_default())]
    Entry {
        path: PathBuf,
        index: usize,
        id: Option<String>,
        reason: String,
    },
}

/// Entries read from a file, ready to be saved, with the subjects they name.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Entry>,
    /// (pseudonym key, type) of subjects the file declares.
    pub subjects: Vec<(String, crate::model::SubjectType)>,
}

/// What an import did (or, with --dry-run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub added: usize,
    /// Already in the journal, unchanged.
    pub skipped: usize,
    /// Already in the journal, and the file's version is newer: updated.
    pub merged: usize,
}

/// Reads a whole file as UTF-8, naming the file and the byte where it stops being text.
pub fn read_text(path: &Path) -> Result<String, TransferError> {
    let bytes = std::fs::read(path).map_err(|source| TransferError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        TransferError::At {
            path: path.to_path_buf(),
            line,
            column: valid.iter().rev().take_while(|b| **b != b'\n').count() + 1,
            reason: "this is not UTF-8 text (save the file as UTF-8 and try again)".into(),
        }
    })
}

/// A stable id for an entry from a tool that has none, from what it holds: importing the
/// same file twice gives the same ids, so nothing is added twice.
#[must_use]
pub fn content_id(tool: &str, parts: &[&str]) -> uuid::Uuid {
    let mut name = String::from(tool);
    for p in parts {
        name.push('\u{1f}');
        name.push_str(p);
    }
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes())
}

/// Writes a file through a private temporary file in the same directory, renamed into
/// place when complete: the target is never half-written, and an existing file is only
/// replaced with `force`.
pub fn write_atomically<T>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use anyhow::Context as _;
    if path.exists() && !force {
        anyhow::bail!(
            "{} already exists: pass --force to overwrite it",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".praxis-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut out = std::io::BufWriter::new(tmp);
    let value = write(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(value)
}
