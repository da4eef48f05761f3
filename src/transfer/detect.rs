//! Telling which format a file is in, when `--format` is not given, from its start.
//!
//! A folder is Markdown, and so is a `.md` file, unless it is jrnl's Markdown export
//! (`# YEAR`, `## Month`, `### DATE Title`). A `.json` file, or text starting with `{` or
//! `[`, is JSON, told by its top level, read only as far as it takes: an object with a
//! `"format"` text is praxis's own; with `entries` and `tags`, jrnl's export; with
//! `version` and `entries`, tui-journal's export; an array of objects with `content`,
//! tui-journal's back-end file. Text whose first non-empty line is `[YYYY-MM-DD …]` is
//! a jrnl journal. praxis's own Markdown export is refused: it is for reading, not an
//! import format. Anything else is refused with what was seen.

use std::io::Read;
use std::path::Path;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Format, TransferError, jrnl, json_error, markdown};

/// How much of a file's start is read to tell its format.
const HEAD: usize = 64 * 1024;

/// The format of the file at `path`, whose whole text is `text`.
pub fn detect(path: &Path, text: &str, time_format: Option<&str>) -> Result<Format, TransferError> {
    let end = (0..=HEAD.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    detect_with(path, &text[..end], time_format, || {
        json_shape(path, text.as_bytes())
    })
}

/// The format of the file at `path`, read from its start (and, for JSON, as far into it
/// as its top level takes).
pub(crate) fn detect_file(path: &Path, time_format: Option<&str>) -> Result<Format, TransferError> {
    let head = head(path)?;
    detect_with(path, &head, time_format, || {
        json_shape(path, super::import::open(path)?)
    })
}

/// The start of the file at `path` as text (what is not UTF-8 replaced).
pub(crate) fn head(path: &Path) -> Result<String, TransferError> {
    let mut buf = Vec::with_capacity(HEAD);
    super::import::open(path)?
        .take(HEAD as u64)
        .read_to_end(&mut buf)
        .map_err(|source| TransferError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// Refuses, whatever `--format` says, what is not an import: praxis's own Markdown export
/// (it is for reading) and a journal itself (an SQLite database).
pub(crate) fn refuse_export_for_reading(path: &Path) -> Result<(), TransferError> {
    if path.is_file() {
        let head = head(path)?;
        if is_praxis_md_export(&head) {
            return Err(export_for_reading(path));
        }
        if is_database(&head) {
            return Err(database(path));
        }
    }
    Ok(())
}

/// Whether `head` is the start of an SQLite database (a praxis journal or a backup of one).
fn is_database(head: &str) -> bool {
    head.starts_with("SQLite format 3\0")
}

fn database(path: &Path) -> TransferError {
    let p = path.display();
    TransferError::Invalid {
        path: path.to_path_buf(),
        what: format!(
            "this is a journal itself (an SQLite database), not a file to import. To open it, \
             `praxis --db {p}`; to bring its entries into this journal, `praxis --db {p} export \
             --all -o all.json` and then `praxis import all.json`; to put a backup back in \
             place of this journal, `praxis backup restore`"
        ),
    }
}

fn export_for_reading(path: &Path) -> TransferError {
    TransferError::Invalid {
        path: path.to_path_buf(),
        what: "this is a praxis Markdown export, which is for reading, not an import \
               format: it leaves out what a journal needs back (times, sections, \
               check-ins, scope). To move or restore a journal, export it with \
               `praxis export --all -o journal.json` and import that file"
            .into(),
    }
}

/// Whether `head` starts like praxis's Markdown exports: a `# Title` line, then a line
/// ending `made YYYY-MM-DD`.
fn is_praxis_md_export(head: &str) -> bool {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let mut lines = head.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().is_some_and(|l| l.starts_with("# "));
    let about = lines
        .next()
        .and_then(|l| l.rsplit(" · ").next())
        .and_then(|l| {
            l.trim()
                .strip_prefix("made ")
                .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        });
    title && about == Some(true)
}

fn detect_with(
    path: &Path,
    head: &str,
    time_format: Option<&str>,
    json: impl FnOnce() -> Result<Format, TransferError>,
) -> Result<Format, TransferError> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    if is_praxis_md_export(head) {
        return Err(export_for_reading(path));
    }
    if is_database(head) {
        return Err(database(path));
    }
    if markdown::is_markdown(path) {
        return Ok(if jrnl::is_md_export(head, time_format) {
            Format::JrnlMd
        } else {
            Format::Markdown
        });
    }
    let unknown = |seen: String| TransferError::Invalid {
        path: path.to_path_buf(),
        what: format!(
            "cannot tell which format this is: {seen}. Pass --format with one of: {}",
            Format::choices()
        ),
    };
    let Some(first) = head.lines().find(|l| !l.trim().is_empty()) else {
        return Err(unknown("the file is empty".into()));
    };
    if jrnl::is_header(first, time_format) {
        return Ok(Format::Jrnl);
    }
    if jrnl::is_md_export(head, time_format) {
        return Ok(Format::JrnlMd);
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
    json().map_err(|e| match e {
        TransferError::Invalid { what, .. } if what.starts_with("cannot tell") => {
            TransferError::Invalid {
                path: path.to_path_buf(),
                what,
            }
        }
        TransferError::Invalid { what, .. } => unknown(what),
        other => other,
    })
}

/// What the top level of a JSON document showed.
#[derive(Default)]
struct Shape {
    decided: Option<Format>,
    keys: Vec<String>,
    more_keys: bool,
}

/// The format a JSON document is in, by its top level: read until that tells.
fn json_shape<R: Read>(path: &Path, input: R) -> Result<Format, TransferError> {
    let mut shape = Shape::default();
    let mut de = serde_json::Deserializer::from_reader(input);
    let read = de::Deserializer::deserialize_any(&mut de, Top(&mut shape));
    if let Some(f) = shape.decided {
        return Ok(f);
    }
    match read {
        Err(e) if !e.to_string().starts_with("not ") => {
            let mut err = json_error(path, &e);
            if let TransferError::At { reason, .. } = &mut err {
                *reason = format!("this is not valid JSON: {reason}");
            }
            Err(err)
        }
        Err(e) => {
            let what = e.to_string();
            let what = what.split(" at line ").next().unwrap_or_default();
            Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: what.trim_start_matches("not ").to_string(),
            })
        }
        Ok(()) => {
            let mut keys = shape.keys.clone();
            if shape.more_keys {
                keys.push("…".into());
            }
            Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: format!(
                    "a JSON object with the keys {}, not praxis's (\"format\": \
                     \"praxis-journal\"), jrnl's (\"entries\" and \"tags\") or \
                     tui-journal's export (\"version\" and \"entries\")",
                    if keys.is_empty() {
                        "(none)".to_string()
                    } else {
                        keys.join(", ")
                    }
                ),
            })
        }
    }
}

/// Reading stops once the format is known: this error carries no news.
fn decided<E: de::Error>(shape: &mut Shape, f: Format) -> E {
    shape.decided = Some(f);
    E::custom("decided")
}

/// A shape that is no format: "not …" says what it was.
fn not<E: de::Error>(what: &str) -> E {
    E::custom(format!("not {what}"))
}

struct Top<'a>(&'a mut Shape);

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object or array")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let shape = self.0;
        let seen = |k: &str, shape: &Shape| shape.keys.iter().any(|s| s == k);
        while let Some(key) = map.next_key::<String>()? {
            if key == "format" {
                // praxis names its format inside the file; another name there is refused
                // by the praxis reader, which says what it found.
                if map.next_value::<serde_json::Value>()?.is_string() {
                    return Err(decided(shape, Format::Praxis));
                }
            } else if key == "entries" && seen("tags", shape)
                || key == "tags" && seen("entries", shape)
            {
                return Err(decided(shape, Format::JrnlJson));
            } else if key == "entries" && seen("version", shape)
                || key == "version" && seen("entries", shape)
            {
                return Err(decided(shape, Format::TuiJournalExport));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            if shape.keys.len() < 8 {
                shape.keys.push(key);
            } else {
                shape.more_keys = true;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let shape = self.0;
        match seq.next_element::<serde_json::Value>()? {
            None => Err(decided(shape, Format::TuiJournal)),
            Some(serde_json::Value::Object(o)) if o.contains_key("content") => {
                Err(decided(shape, Format::TuiJournal))
            }
            Some(_) => Err(not(
                "a JSON array whose first item is not an object with \"content\" \
                 (a tui-journal entry)",
            )),
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(not(NEITHER))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(not(NEITHER))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(not(NEITHER))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(not(NEITHER))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(not(NEITHER))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(not(NEITHER))
    }
}

const NEITHER: &str = "a JSON value that is neither an object nor an array";
