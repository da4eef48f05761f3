//! Moving entries in and out of the journal: the lossless praxis JSON format (backups,
//! moving machines) and importers from other journal tools. Imports are all or nothing
//! and idempotent; exports are written to a temporary name and renamed into place.

pub mod csv;
pub mod detect;
pub mod excerpt;
pub mod export;
pub mod html;
pub mod import;
pub mod jrnl;
pub mod json;
pub mod markdown;
pub mod md;
pub mod profile;
pub mod redact;
pub mod sealed;
pub mod summary;
pub mod tuijournal;

use std::io::Read as _;
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
    /// jrnl's `--export md` file.
    JrnlMd,
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
            Format::JrnlMd => "jrnl-md",
            Format::TuiJournal => "tui-journal",
            Format::TuiJournalExport => "tui-journal-export",
            Format::Markdown => "markdown",
        }
    }

    /// What the format is, in words, as the import reports it: "(praxis JSON, detected)".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Format::Praxis => "praxis JSON",
            Format::Jrnl => "jrnl plain-text journal",
            Format::JrnlJson => "jrnl JSON export",
            Format::JrnlMd => "jrnl Markdown export",
            Format::TuiJournal => "tui-journal JSON back-end file",
            Format::TuiJournalExport => "tui-journal export file",
            Format::Markdown => "Markdown",
        }
    }

    /// The format as a noun with its article: "a jrnl plain-text journal".
    #[must_use]
    pub fn a(self) -> &'static str {
        match self {
            Format::Praxis => "a praxis JSON export",
            Format::Jrnl => "a jrnl plain-text journal",
            Format::JrnlJson => "a jrnl JSON export",
            Format::JrnlMd => "a jrnl Markdown export",
            Format::TuiJournal => "a tui-journal JSON back-end file",
            Format::TuiJournalExport => "a tui-journal export file",
            Format::Markdown => "a Markdown file or folder",
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

/// An entry from another tool: a private reflection with the id given (one that comes
/// from what the entry holds, so importing the same file again adds nothing) and the
/// source's times, never "now" (so a re-import is identical).
pub(crate) fn foreign_entry(
    id: uuid::Uuid,
    on: NaiveDate,
    at: DateTime<Utc>,
    title: String,
    body: String,
    tags: Vec<String>,
) -> Entry {
    let mut seen = std::collections::HashSet::new();
    let tags = tags
        .into_iter()
        .filter(|t| seen.insert(t.clone()))
        .collect();
    Entry {
        id,
        title,
        body,
        tags,
        ..Entry::new(EntryKind::Reflection, on, at)
    }
}

/// The id of an entry from `tool` that has none of its own: from its time, title and
/// body.
pub(crate) fn foreign_id(tool: &str, at: DateTime<Utc>, title: &str, body: &str) -> uuid::Uuid {
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    content_id(tool, &[&stamp, title, body])
}

/// A JSON syntax or shape error, with its line and column, in plain words; an early end
/// says the file may be cut short.
pub(crate) fn json_error(path: &Path, e: &serde_json::Error) -> TransferError {
    // Bytes that are not UTF-8 make JSON fail wherever they stand: say that instead.
    if let Some((line, column)) = first_non_utf8(path, e.line()) {
        return import::not_utf8(path, line, column);
    }
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or_default();
    TransferError::At {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        reason: if e.is_eof() {
            format!(
                "the file ends too early (is it cut short?): {}",
                plain(what)
            )
        } else if what.contains("invalid unicode code point") {
            "this is not UTF-8 text (save the file as UTF-8 and try again)".into()
        } else {
            plain(what)
        },
    }
}

/// Where the file at `path` first stops being UTF-8, looking no further than line
/// `up_to` (read again only when reading it failed).
fn first_non_utf8(path: &Path, up_to: usize) -> Option<(usize, usize)> {
    use std::io::BufRead as _;
    let mut input = import::open(path).ok()?;
    let mut buf = Vec::new();
    for line in 1..=up_to.max(1) {
        buf.clear();
        if input.read_until(b'\n', &mut buf).ok()? == 0 {
            return None;
        }
        if let Err(e) = std::str::from_utf8(&buf) {
            return Some((line, e.valid_up_to() + 1));
        }
    }
    None
}

/// serde's names for what it found and expected, in the words of someone who wrote the
/// file: "expected u32" is "expected a whole number", a map is an object.
pub(crate) fn plain(what: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected an object"),
        ("expected a borrowed string", "expected a text in quotes"),
        ("expected a string", "expected a text in quotes"),
        ("expected a boolean", "expected true or false"),
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("invalid type: map", "invalid type: an object"),
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid type: unit value", "invalid type: null"),
        ("invalid type: string", "invalid type: the text"),
        ("invalid type: integer", "invalid type: the number"),
        ("invalid type: floating point", "invalid type: the number"),
        ("invalid type: boolean", "invalid type:"),
        ("invalid value: integer", "invalid value: the number"),
        ("invalid value: string", "invalid value: the text"),
        ("EOF while parsing", "the end of the file while reading"),
        ("trailing characters", "more text after the end of the JSON"),
    ];
    let mut out = what.to_string();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    // Whole numbers of every width, and the names of Rust structs.
    for int in [
        "u128", "u64", "u32", "u16", "u8", "usize", "i128", "i64", "i32", "i16", "i8", "isize",
    ] {
        out = out.replace(&format!("expected {int}"), "expected a whole number");
    }
    while let Some(at) = out.find("expected struct ") {
        let rest = &out[at + "expected struct ".len()..];
        let name_len = rest
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(rest.len());
        out.replace_range(
            at..at + "expected struct ".len() + name_len,
            "expected an object",
        );
    }
    out
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
    let read = |source| TransferError::Read {
        path: path.to_path_buf(),
        source,
    };
    let bytes = if sealed::is_sealed(path) {
        let mut bytes = Vec::new();
        sealed::open(path)?
            .take(MAX_IMPORT_BYTES)
            .read_to_end(&mut bytes)
            .map_err(read)?;
        bytes
    } else {
        crate::files::read_regular(path, MAX_IMPORT_BYTES).map_err(read)?
    };
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
