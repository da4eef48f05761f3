//! Telling which format a file is in, when `--format` is not given.
//!
//! A folder is Markdown, and so is a `.md` file. A `.json` file, or text starting with `{`
//! or `[`, is JSON (and must parse), told by its top level: an object
//! with `"format": "praxis-journal"` (or any `format` name) is praxis's own; with `entries` and `tags`, jrnl's
//! export; with `version` and `entries`, tui-journal's export; an array of objects with
//! `content`, tui-journal's back-end file. Text whose first non-empty line is
//! `[YYYY-MM-DD …]` is a jrnl journal. Anything else is refused with what was seen.

use std::path::Path;

use serde_json::Value;

use super::{Format, TransferError, jrnl, json_error, markdown};

/// The format of the file at `path`, whose text is `text`.
pub fn detect(path: &Path, text: &str, time_format: Option<&str>) -> Result<Format, TransferError> {
    if markdown::is_markdown(path) {
        return Ok(Format::Markdown);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unknown = |seen: String| TransferError::Invalid {
        path: path.to_path_buf(),
        what: format!(
            "cannot tell which format this is: {seen}. Pass --format with one of: {}",
            Format::choices()
        ),
    };
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(unknown("the file is empty".into()));
    };
    if jrnl::is_header(first, time_format) {
        return Ok(Format::Jrnl);
    }
    let named_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !named_json && !first.trim_start().starts_with(['{', '[']) {
        return Err(unknown(format!(
            "it is not JSON, and its first line '{}' is not a jrnl entry's \
             '[YYYY-MM-DD HH:MM] Title'",
            jrnl::short(first.trim())
        )));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let mut err = json_error(path, &e);
        if let TransferError::At { reason, .. } = &mut err {
            *reason = format!("this is not valid JSON: {reason}");
        }
        err
    })?;
    match &value {
        Value::Object(o) => {
            // praxis names its format inside the file; another name there is refused by
            // the praxis reader, which says what it found.
            if o.get("format").is_some_and(Value::is_string) {
                Ok(Format::Praxis)
            } else if o.contains_key("entries") && o.contains_key("tags") {
                Ok(Format::JrnlJson)
            } else if o.contains_key("version") && o.contains_key("entries") {
                Ok(Format::TuiJournalExport)
            } else {
                let mut keys: Vec<&str> = o.keys().map(String::as_str).take(8).collect();
                if o.len() > keys.len() {
                    keys.push("…");
                }
                Err(unknown(format!(
                    "a JSON object with the keys {}, not praxis's (\"format\": \
                     \"praxis-journal\"), jrnl's (\"entries\" and \"tags\") or \
                     tui-journal's export (\"version\" and \"entries\")",
                    if keys.is_empty() {
                        "(none)".to_string()
                    } else {
                        keys.join(", ")
                    }
                )))
            }
        }
        Value::Array(items) => match items.first() {
            None => Ok(Format::TuiJournal),
            Some(Value::Object(o)) if o.contains_key("content") => Ok(Format::TuiJournal),
            Some(_) => Err(unknown(
                "a JSON array whose first item is not an object with \"content\" \
                 (a tui-journal entry)"
                    .into(),
            )),
        },
        _ => Err(unknown(
            "a JSON value that is neither an object nor an array".into(),
        )),
    }
}
