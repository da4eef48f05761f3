//! tui-journal (<https://github.com/AmmarAbouZor/tui-journal>): its JSON back-end file
//! (an array of `{id, date, title, content, tags, priority}`) and its export/transfer
//! file (`{"version": 100, "entries": [{date, title, content, tags, priority}]}`).
//!
//! Dates are RFC 3339 instants (UTC); an entry's day is its UTC date. A priority becomes
//! the tag `priority-N`. tui-journal's numeric ids are local to its file, so ids come
//! from the content, and both files give an entry the same id.

use std::path::Path;

use chrono::DateTime;
use serde::Deserialize;

use super::{Parsed, TransferError, foreign_entry, json_error};
use crate::model::compose::normalise_tag;

/// The tool name in content ids.
const TOOL: &str = "tui-journal";

#[derive(Debug, Deserialize)]
struct TjEntry {
    date: String,
    title: String,
    content: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    priority: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct Transfer {
    #[allow(dead_code)] // Read so that a file without it is refused; any version is read.
    version: u32,
    entries: Vec<TjEntry>,
}

/// Reads tui-journal's JSON back-end file.
pub fn parse_backend(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let entries: Vec<TjEntry> = serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
    convert(path, entries)
}

/// Reads tui-journal's export (transfer) file.
pub fn parse_export(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let doc: Transfer = serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
    convert(path, doc.entries)
}

fn convert(path: &Path, list: Vec<TjEntry>) -> Result<Parsed, TransferError> {
    let mut entries = Vec::with_capacity(list.len());
    for (i, e) in list.into_iter().enumerate() {
        let fail = |reason: String| TransferError::Entry {
            path: path.to_path_buf(),
            index: i + 1,
            id: Some(format!("\"{}\"", super::jrnl::short(&e.title))),
            reason,
        };
        let at = DateTime::parse_from_rfc3339(e.date.trim())
            .map_err(|err| {
                fail(format!(
                    "date '{}' is not an RFC 3339 date and time like 2024-03-05T14:30:00Z ({err})",
                    e.date
                ))
            })?
            .to_utc();
        let mut tags = Vec::new();
        for t in &e.tags {
            if t.trim().is_empty() {
                continue;
            }
            tags.push(normalise_tag(t).map_err(fail)?);
        }
        if let Some(p) = e.priority {
            tags.push(format!("priority-{p}"));
        }
        entries.push(foreign_entry(
            TOOL,
            at.date_naive(),
            at,
            &e.title,
            &e.content,
            tags,
        ));
    }
    Ok(Parsed {
        entries,
        subjects: Vec::new(),
    })
}
