//! Moving entries in and out of the journal: the lossless praxis JSON format (backups,
//! moving machines) and importers from other journal tools. Imports are all or nothing
//! and idempotent; exports are written to a temporary name and renamed into place.

pub mod csv;
pub mod detect;
pub mod export;
pub mod html;
pub mod jrnl;
pub mod json;
pub mod markdown;
pub mod md;
pub mod profile;
pub mod redact;
pub mod summary;
pub mod tuijournal;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Entry, EntryKind};

/// The kinds of file `praxis import` reads (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// praxis's own JSON export.
    Praxis,
    /// jrnl's plain-text journal file.
    Jrnl,
    /// jrnl's `--export json` file.
    JrnlJson,
    /// tui-journal's JSON back-end file.
    TuiJournal,
    /// tui-journal's export (transfer) file.
    TuiJournalExport,
    /// a folder of Markdown files (or one `.md` file).
    Markdown,
}

impl Format {
    /// The `--format` value.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Praxis => "praxis",
            Format::Jrnl => "jrnl",
            Format::JrnlJson => "jrnl-json",
            Format::TuiJournal => "tui-journal",
            Format::TuiJournalExport => "tui-journal-export",
            Format::Markdown => "markdown",
        }
    }

    /// What the format is, in words.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Format::Praxis => "praxis JSON",
            Format::Jrnl => "jrnl plain-text journal",
            Format::JrnlJson => "jrnl JSON export",
            Format::TuiJournal => "tui-journal JSON back-end file",
            Format::TuiJournalExport => "tui-journal export file",
            Format::Markdown => "Markdown",
        }
    }

    /// Every `--format` value, comma-separated, for messages.
    #[must_use]
    pub fn choices() -> String {
        <Format as clap::ValueEnum>::value_variants()
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads `path` (a file, or a folder of Markdown files) in `format`, or in the format
/// [`detect`] finds when none is given. Everything is read and checked before anything
/// is written. `time_format` (a strftime pattern) is how a jrnl plain-text journal
/// writes its dates, when it is not one of the usual ones.
pub fn parse(
    path: &Path,
    format: Option<Format>,
    time_format: Option<&str>,
) -> Result<(Format, Parsed), TransferError> {
    let meta = std::fs::metadata(path).map_err(|source| TransferError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        return match format {
            None | Some(Format::Markdown) => Ok((Format::Markdown, markdown::parse_dir(path)?)),
            Some(f) => Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: format!(
                    "this is a folder, not a {} file (only --format markdown reads a folder)",
                    f.describe()
                ),
            }),
        };
    }
    let text = read_text(path)?;
    let format = match format {
        Some(f) => f,
        None => detect::detect(path, &text, time_format)?,
    };
    let parsed = match format {
        Format::Praxis => json::parse(path, &text),
        Format::Jrnl => jrnl::parse_text(path, &text, time_format),
        Format::JrnlJson => jrnl::parse_json(path, &text),
        Format::TuiJournal => tuijournal::parse_backend(path, &text),
        Format::TuiJournalExport => tuijournal::parse_export(path, &text),
        Format::Markdown => markdown::parse_file(path, &text),
    };
    // The rules every entry keeps, whatever the format: dates the journal can read back,
    // tags as praxis writes them. Checked before anything is written, naming the entry.
    let parsed = parsed.and_then(|p| {
        for (i, e) in p.entries.iter().enumerate() {
            e.check().map_err(|reason| TransferError::Entry {
                path: path.to_path_buf(),
                index: i + 1,
                id: Some(e.short_id()),
                reason,
            })?;
        }
        Ok(p)
    });
    match parsed {
        Ok(p) => Ok((format, p)),
        // A named format the file is not in: say what it looks like.
        Err(mut e) => {
            if let Ok(seen) = detect::detect(path, &text, time_format)
                && seen != format
            {
                let hint = format!(
                    " (but this looks like a {} file: try --format {seen}, or leave --format out)",
                    seen.describe()
                );
                match &mut e {
                    TransferError::Invalid { what: r, .. }
                    | TransferError::At { reason: r, .. }
                    | TransferError::Entry { reason: r, .. } => r.push_str(&hint),
                    TransferError::Read { .. } => {}
                }
            }
            Err(e)
        }
    }
}

/// An entry from another tool: a private reflection whose id comes from its time, title
/// and body (so importing the same file again adds nothing) and whose times are the
/// source's, never "now" (so a re-import is identical).
pub(crate) fn foreign_entry(
    tool: &str,
    on: NaiveDate,
    at: DateTime<Utc>,
    title: &str,
    body: &str,
    tags: Vec<String>,
) -> Entry {
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let mut e = Entry::new(EntryKind::Reflection, on, at);
    e.id = content_id(tool, &[&stamp, title, body]);
    e.title = title.to_string();
    e.body = body.to_string();
    let mut seen = std::collections::HashSet::new();
    e.tags = tags
        .into_iter()
        .filter(|t| seen.insert(t.clone()))
        .collect();
    e
}

/// A JSON syntax or shape error, with its line and column; an early end says the file
/// may be cut short.
pub(crate) fn json_error(path: &Path, e: &serde_json::Error) -> TransferError {
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or_default();
    TransferError::At {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        reason: if e.is_eof() {
            format!("the file ends too early (is it cut short?): {what}")
        } else {
            what.to_string()
        },
    }
}

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

/// The largest file an import reads: far beyond a journal of 100,000 entries, and a
/// bound on what a wrong path costs.
pub const MAX_IMPORT_BYTES: u64 = 1 << 30;

/// Reads a whole file as UTF-8, naming the file and the byte where it stops being text.
/// Only a regular file is read (a FIFO or `/dev/zero` would never end), and at most
/// [`MAX_IMPORT_BYTES`] of it.
pub fn read_text(path: &Path) -> Result<String, TransferError> {
    let bytes = crate::files::read_regular(path, MAX_IMPORT_BYTES).map_err(|source| {
        TransferError::Read {
            path: path.to_path_buf(),
            source,
        }
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
