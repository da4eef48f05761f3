//! tui-journal (<https://github.com/AmmarAbouZor/tui-journal>): its JSON back-end file
//! (an array of `{id, date, title, content, tags, priority}`) and its export/transfer
//! file (`{"version": 100, "entries": [{date, title, content, tags, priority}]}`), read
//! one entry at a time.
//!
//! Dates are RFC 3339 instants (UTC); an entry's day is its UTC date. A priority becomes
//! the tag `priority-N`. tui-journal's numeric ids are local to its file, so ids come
//! from the content, and both files give an entry the same id.

use std::io::Read;
use std::path::Path;

use chrono::DateTime;
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::import::{Collect, EachEntry, Halt, Out, ReadsEntries, Summary};
use super::{Parsed, TransferError, foreign_entry, foreign_id, json_error};
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

/// Reads tui-journal's JSON back-end file from a whole text.
pub fn parse_backend(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    collect(|out| read_backend(path, text.as_bytes(), out))
}

/// Reads tui-journal's export (transfer) file from a whole text.
pub fn parse_export(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    collect(|out| read_export(path, text.as_bytes(), out))
}

fn collect(
    read: impl FnOnce(&mut Collect) -> Result<Summary, Halt>,
) -> Result<Parsed, TransferError> {
    let mut out = Collect::default();
    match read(&mut out) {
        Ok(_) => Ok(out.0),
        Err(Halt::File(e)) => Err(e),
        Err(Halt::Store(e)) => Err(TransferError::Invalid {
            path: Path::new("").to_path_buf(),
            what: e.to_string(),
        }),
    }
}

/// What reading a file has done so far.
struct State<'a> {
    path: &'a Path,
    out: &'a mut dyn Out,
    read: usize,
    version: bool,
    entries: bool,
    /// Why reading stopped, when it was not the JSON itself.
    failed: Option<Halt>,
}

/// Reads tui-journal's JSON back-end file into `out`.
pub(crate) fn read_backend<R: Read>(
    path: &Path,
    input: R,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    read(path, input, out, |de, st| {
        de::Deserializer::deserialize_seq(de, EachEntry(st))
    })
}

/// Reads tui-journal's export (transfer) file into `out`.
pub(crate) fn read_export<R: Read>(
    path: &Path,
    input: R,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    read(path, input, out, |de, st| {
        de::Deserializer::deserialize_map(de, Transfer(st))
    })
}

type Doc<R> = fn(
    &mut serde_json::Deserializer<serde_json::de::IoRead<R>>,
    &mut State<'_>,
) -> Result<(), serde_json::Error>;

fn read<R: Read>(path: &Path, input: R, out: &mut dyn Out, doc: Doc<R>) -> Result<Summary, Halt> {
    let mut st = State {
        path,
        out,
        read: 0,
        version: false,
        entries: false,
        failed: None,
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let parsed = doc(&mut de, &mut st).and_then(|()| de.end());
    if let Some(halt) = st.failed {
        return Err(halt);
    }
    parsed.map_err(|e| json_error(path, &e))?;
    Ok(Summary {
        entries: st.read,
        warnings: Vec::new(),
    })
}

/// `{"version": N, "entries": [...]}`: any version is read, but there must be one.
struct Transfer<'a, 'b>(&'a mut State<'b>);

impl<'de> Visitor<'de> for Transfer<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a tui-journal export (an object with \"version\" and \"entries\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "version" => {
                    map.next_value::<u32>()?;
                    st.version = true;
                }
                "entries" if !st.entries => {
                    map.next_value_seed(EachEntry(&mut *st))?;
                    st.entries = true;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        match (st.version, st.entries) {
            (false, _) => Err(de::Error::missing_field("version")),
            (_, false) => Err(de::Error::missing_field("entries")),
            _ => Ok(()),
        }
    }
}

impl ReadsEntries for State<'_> {
    type Item = TjEntry;

    fn failed(&mut self) -> &mut Option<Halt> {
        &mut self.failed
    }

    fn take(&mut self, e: TjEntry) -> Result<(), Halt> {
        self.read += 1;
        let e = convert(self.path, self.read, e)?;
        self.out.entry(e.into())?;
        Ok(())
    }
}

fn convert(path: &Path, index: usize, e: TjEntry) -> Result<crate::model::Entry, TransferError> {
    let fail = |reason: String| TransferError::Entry {
        path: path.to_path_buf(),
        index,
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
        tags.push(normalise_tag(t).map_err(&fail)?);
    }
    if let Some(p) = e.priority {
        tags.push(format!("priority-{p}"));
    }
    Ok(foreign_entry(
        foreign_id(TOOL, at, &e.title, &e.content),
        at.date_naive(),
        at,
        e.title,
        e.content,
        tags,
    ))
}
