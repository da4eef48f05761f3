//! The praxis JSON format: every field of every entry, versioned, one entry per line.
//! Exporting, importing into an empty journal and exporting again gives the same file.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Parsed, TransferError};
use crate::model::{Entry, SubjectType};
use crate::store::Store;

/// Names the format inside the file.
pub const FORMAT: &str = "praxis-journal";
/// The version this praxis writes and the newest it reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct SubjectOut {
    key: String,
    #[serde(rename = "type")]
    kind: SubjectType,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    #[serde(default)]
    subjects: Vec<SubjectOut>,
    entries: Vec<Entry>,
}

/// Writes every entry (`all`: the trash too) to `out`, streaming: one entry read and
/// written at a time.
pub fn export(store: &Store, all: bool, out: &mut dyn Write) -> anyhow::Result<usize> {
    // One snapshot for the whole file: consistent while another praxis writes, and
    // several times faster than a read transaction per statement.
    store.read_snapshot(|store| export_snapshot(store, all, out))
}

fn export_snapshot(store: &Store, all: bool, out: &mut dyn Write) -> anyhow::Result<usize> {
    let subjects: Vec<SubjectOut> = store
        .subjects()?
        .into_iter()
        .map(|s| SubjectOut {
            key: s.key,
            kind: s.kind,
        })
        .collect();
    writeln!(out, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},")?;
    writeln!(out, "\"subjects\":{},", serde_json::to_string(&subjects)?)?;
    writeln!(out, "\"entries\":[")?;
    let ids = store.export_ids(all)?;
    for (i, rowid) in ids.iter().enumerate() {
        let mut e = store.entry_by_rowid(*rowid)?;
        e.version = 0;
        serde_json::to_writer(&mut *out, &e)?;
        out.write_all(if i + 1 < ids.len() { b",\n" } else { b"\n" })?;
    }
    writeln!(out, "]}}")?;
    Ok(ids.len())
}

/// Reads a praxis JSON file, checking its format and version.
pub fn parse(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| TransferError::At {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        reason: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or_default()
            .to_string(),
    })?;
    if doc.format != FORMAT {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: format!("this is not a praxis export (format '{}')", doc.format),
        });
    }
    if doc.version > VERSION {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: format!(
                "this export is version {} (from a newer praxis); this praxis reads up to version {VERSION}",
                doc.version
            ),
        });
    }
    for (i, e) in doc.entries.iter().enumerate() {
        let fail = |reason: String| TransferError::Entry {
            path: path.to_path_buf(),
            index: i + 1,
            id: Some(e.short_id()),
            reason,
        };
        if let Some(c) = &e.checkin {
            c.validate().map_err(fail)?;
        }
        if e.updated_at < e.created_at {
            return Err(fail("updated before it was created".into()));
        }
    }
    Ok(Parsed {
        entries: doc.entries,
        subjects: doc.subjects.into_iter().map(|s| (s.key, s.kind)).collect(),
    })
}
