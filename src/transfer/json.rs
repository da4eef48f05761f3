//! The praxis JSON format: every field of every entry, versioned, one entry per line.
//! Exporting, importing into an empty journal and exporting again gives the same file.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::export::{Head, Sink};
use super::import::{Collect, EachEntry, Halt, Incoming, Out, ReadsEntries, Summary};
use super::{Parsed, TransferError, json_error};
use crate::model::{Entry, SubjectType};

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

/// Writes entries as one praxis JSON document: a header line, then one entry per line.
#[derive(Debug)]
pub struct JsonSink {
    subjects: Vec<SubjectOut>,
    written: usize,
    /// One entry's line, written whole: serde writes a value in many small pieces, each
    /// a call through the output's `dyn Write`, where writing into memory is a copy.
    line: Vec<u8>,
}

impl JsonSink {
    /// `subjects`: the subject keys to carry (a full export); none for shared exports,
    /// whose stage notes name only placeholders.
    #[must_use]
    pub fn new(subjects: Vec<(String, SubjectType)>) -> Self {
        JsonSink {
            subjects: subjects
                .into_iter()
                .map(|(key, kind)| SubjectOut { key, kind })
                .collect(),
            written: 0,
            line: Vec::new(),
        }
    }
}

impl Sink for JsonSink {
    fn begin(&mut self, out: &mut dyn Write, _head: &Head) -> anyhow::Result<()> {
        writeln!(out, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},")?;
        writeln!(
            out,
            "\"subjects\":{},",
            serde_json::to_string(&self.subjects)?
        )?;
        writeln!(out, "\"entries\":[")?;
        Ok(())
    }

    fn entry(&mut self, out: &mut dyn Write, _head: &Head, e: &Entry) -> anyhow::Result<()> {
        self.line.clear();
        if self.written > 0 {
            self.line.extend_from_slice(b",\n");
        }
        serde_json::to_writer(&mut self.line, e)?;
        out.write_all(&self.line)?;
        self.written += 1;
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, _head: &Head) -> anyhow::Result<()> {
        if self.written > 0 {
            out.write_all(b"\n")?;
        }
        writeln!(out, "]}}")?;
        Ok(())
    }
}

/// Reads a praxis JSON file from a whole text, checking its format and version.
pub fn parse(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let mut out = Collect::default();
    match read_general(path, text.as_bytes(), &mut out) {
        Ok(_) => Ok(out.0),
        Err(Halt::File(e)) => Err(e),
        Err(Halt::Store(e)) => Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: e.to_string(),
        }),
    }
}

/// What an entry read from a file must satisfy beyond its shape: what the journal's
/// own rules and its schema ask.
fn check(e: &Entry) -> Result<(), String> {
    if let Some(c) = &e.checkin {
        c.validate()?;
    }
    if e.updated_at < e.created_at {
        return Err("updated before it was created".into());
    }
    if !e.details.fits(e.kind) {
        return Err(format!(
            "a {} entry with {} details",
            e.kind,
            e.details.kind().map_or("no", |k| k.as_str())
        ));
    }
    e.check()?;
    match crate::store::schema_problem(e) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// Reads the praxis JSON file at `path` into `out`, entry by entry.
///
/// A file as praxis writes it (a line for the format and version, one for the subjects,
/// then one entry per line) is read line by line, each entry parsed from its line: as
/// fast as parsing the file from memory, where a reader of any layout parses a file
/// twice as slowly. A file laid out otherwise (pretty-printed, keys in another order)
/// is read by that reader: what was sent is forgotten and the file is read again.
pub(crate) fn read_file(path: &Path, out: &mut dyn Out) -> Result<Summary, Halt> {
    match read_lines(path, super::import::open(path)?, out) {
        Ok(Some(summary)) => Ok(summary),
        Ok(None) => {
            out.restart()?;
            read_general(path, super::import::open(path)?, out)
        }
        Err(halt) => Err(halt),
    }
}

/// Reads praxis's own layout; None when the file is laid out otherwise.
fn read_lines<R: BufRead>(
    path: &Path,
    mut input: R,
    out: &mut dyn Out,
) -> Result<Option<Summary>, Halt> {
    let mut buf = Vec::new();
    let mut n = 0;
    let mut next = |buf: &mut Vec<u8>| -> Result<bool, TransferError> {
        buf.clear();
        let got = input
            .read_until(b'\n', buf)
            .map_err(|source| TransferError::Read {
                path: path.to_path_buf(),
                source,
            })?;
        while buf.last().is_some_and(|b| b.is_ascii_whitespace()) {
            buf.pop();
        }
        n += 1;
        Ok(got > 0)
    };
    let head = format!("{{\"format\":\"{FORMAT}\",\"version\":");
    if !next(&mut buf)? {
        return Ok(None);
    }
    let Some(version) = buf
        .strip_prefix(head.as_bytes())
        .and_then(|v| v.strip_suffix(b","))
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|v| *v <= VERSION)
    else {
        return Ok(None);
    };
    let _ = version;
    if !next(&mut buf)? {
        return Ok(None);
    }
    let Some(subjects) = buf
        .strip_prefix(b"\"subjects\":")
        .and_then(|v| v.strip_suffix(b","))
        .and_then(|v| serde_json::from_slice::<Vec<SubjectOut>>(v).ok())
    else {
        return Ok(None);
    };
    let subjects: Vec<_> = subjects.into_iter().map(|s| (s.key, s.kind)).collect();
    out.subjects(&subjects)?;
    if !next(&mut buf)? || buf != b"\"entries\":[" {
        return Ok(None);
    }
    let mut read = 0;
    loop {
        if !next(&mut buf)? {
            return Ok(None);
        }
        if buf == b"]}" {
            break;
        }
        let line = buf.strip_suffix(b",").unwrap_or(&buf);
        let e: Entry = match serde_json::from_slice(line) {
            Ok(e) => e,
            // A bad value on an entry's own line: said here, with its line.
            Err(err) if err.classify() == serde_json::error::Category::Data => {
                let mut err = json_error(path, &err);
                if let TransferError::At {
                    line: l, reason, ..
                } = &mut err
                {
                    *l = n;
                    if let Some(why) = diagnose_bytes(line) {
                        *reason = format!("entry {}: {why}", read + 1);
                    }
                }
                return Err(err.into());
            }
            // Anything else may be another layout: the other reader says.
            Err(_) => return Ok(None),
        };
        read += 1;
        check(&e).map_err(|reason| TransferError::Entry {
            path: path.to_path_buf(),
            index: read,
            id: Some(e.short_id()),
            reason,
        })?;
        out.entry(Incoming::checked(e))?;
    }
    // Nothing but white space after the document.
    loop {
        if !next(&mut buf)? {
            break;
        }
        if !buf.is_empty() {
            return Ok(None);
        }
    }
    Ok(Some(Summary {
        entries: read,
        warnings: Vec::new(),
    }))
}

/// A date that does not parse, named by its field, in an entry's JSON: the reason for
/// serde's bare "input is out of range". Fields ending in `_on` are dates, in `_at`
/// dates and times.
fn diagnose_bytes(entry: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(entry).ok()?;
    diagnose(&value, "")
}

fn diagnose(value: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            let name = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            match v {
                Value::String(s) if k.ends_with("_on") => {
                    s.parse::<chrono::NaiveDate>().err().map(|e| {
                        format!("{name} '{s}' is not a valid date (expected YYYY-MM-DD: {e})")
                    })
                }
                Value::String(s) if k.ends_with("_at") => {
                    s.parse::<chrono::DateTime<chrono::Utc>>().err().map(|e| {
                        format!(
                            "{name} '{s}' is not a valid date and time (expected RFC 3339, \
                             like 2024-03-05T14:30:00Z: {e})"
                        )
                    })
                }
                other => diagnose(other, &name),
            }
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| diagnose(v, &format!("{at}[{}]", i + 1))),
        _ => None,
    }
}

/// The `index`th entry (from 1) of a praxis JSON file, as JSON: read again to say what
/// is wrong in it.
fn entry_value(path: &Path, index: usize) -> Option<serde_json::Value> {
    struct Doc<'a>(usize, &'a mut Option<serde_json::Value>);
    struct Items<'a>(usize, &'a mut Option<serde_json::Value>);
    impl<'de> Visitor<'de> for Doc<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "entries" {
                    return map.next_value_seed(Items(self.0, self.1));
                }
                map.next_value::<de::IgnoredAny>()?;
            }
            Ok(())
        }
    }
    impl<'de> DeserializeSeed<'de> for Items<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de> Visitor<'de> for Items<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            for _ in 1..self.0 {
                if seq.next_element::<de::IgnoredAny>()?.is_none() {
                    return Ok(());
                }
            }
            *self.1 = seq.next_element::<serde_json::Value>()?;
            // What follows is not needed: stop reading.
            Err(de::Error::custom("found"))
        }
    }
    let input = super::import::open(path).ok()?;
    let mut de = serde_json::Deserializer::from_reader(input);
    let mut found = None;
    let _ = de::Deserializer::deserialize_map(&mut de, Doc(index, &mut found));
    found
}

/// Reads a praxis JSON document of any layout into `out`, entry by entry: keys in any
/// order, any white space.
fn read_general<R: Read>(path: &Path, input: R, out: &mut dyn Out) -> Result<Summary, Halt> {
    let mut st = State {
        path,
        out,
        format: false,
        version: false,
        subjects: false,
        entries: false,
        entries_open: false,
        read: 0,
        failed: None,
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let parsed = de::Deserializer::deserialize_map(&mut de, Doc(&mut st)).and_then(|()| de.end());
    if let Some(halt) = st.failed {
        return Err(halt);
    }
    if let Err(e) = parsed {
        let mut err = json_error(path, &e);
        // A bad value inside an entry: name the field and the value.
        if e.classify() == serde_json::error::Category::Data
            && st.entries_open
            && let TransferError::At { reason, .. } = &mut err
            && let Some(why) = entry_value(path, st.read + 1).and_then(|v| diagnose(&v, ""))
        {
            *reason = format!("entry {}: {why}", st.read + 1);
        }
        return Err(err.into());
    }
    let missing = [
        (st.format, "format"),
        (st.version, "version"),
        (st.entries, "entries"),
    ]
    .into_iter()
    .find(|(seen, _)| !seen);
    if let Some((_, field)) = missing {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: format!(
                "missing field `{field}` (a praxis export has format, version and entries)"
            ),
        }
        .into());
    }
    Ok(Summary {
        entries: st.read,
        warnings: Vec::new(),
    })
}

struct State<'a> {
    path: &'a Path,
    out: &'a mut dyn Out,
    format: bool,
    version: bool,
    subjects: bool,
    entries: bool,
    /// Inside the list of entries.
    entries_open: bool,
    read: usize,
    /// Why reading stopped, when it was not the JSON itself.
    failed: Option<Halt>,
}

impl ReadsEntries for State<'_> {
    type Item = Entry;

    fn failed(&mut self) -> &mut Option<Halt> {
        &mut self.failed
    }

    fn take(&mut self, e: Entry) -> Result<(), Halt> {
        self.read += 1;
        check(&e).map_err(|reason| TransferError::Entry {
            path: self.path.to_path_buf(),
            index: self.read,
            id: Some(e.short_id()),
            reason,
        })?;
        self.out.entry(Incoming::checked(e))?;
        Ok(())
    }
}

impl State<'_> {
    /// Ends the parse for a reason of ours: the caller reports it, not serde.
    fn stop<E: de::Error>(&mut self, halt: Halt) -> E {
        self.failed = Some(halt);
        E::custom("stopped")
    }
}

struct Doc<'a, 'b>(&'a mut State<'b>);

impl<'de> Visitor<'de> for Doc<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a praxis export (an object with format, version and entries)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        let path = st.path.to_path_buf();
        let invalid = |what: String| {
            Halt::File(TransferError::Invalid {
                path: path.clone(),
                what,
            })
        };
        while let Some(key) = map.next_key::<String>()? {
            let twice = match key.as_str() {
                "format" => std::mem::replace(&mut st.format, true),
                "version" => std::mem::replace(&mut st.version, true),
                "subjects" => std::mem::replace(&mut st.subjects, true),
                "entries" => std::mem::replace(&mut st.entries, true),
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["format", "version", "subjects", "entries"],
                    ));
                }
            };
            if twice {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            match key.as_str() {
                "format" => {
                    let format = map.next_value::<String>()?;
                    if format == super::summary::FORMAT {
                        return Err(st.stop(invalid(
                            "this is a praxis summary, read with `praxis review FILE`: it \
                             holds patterns and excerpts, not entries; `praxis import` takes \
                             files made by `praxis export -f json` or `praxis export --all`"
                                .to_string(),
                        )));
                    }
                    if format != FORMAT {
                        return Err(st.stop(invalid(format!(
                            "this is not a praxis export (format '{format}')"
                        ))));
                    }
                }
                "version" => {
                    let version = map.next_value::<u32>()?;
                    if version > VERSION {
                        return Err(st.stop(invalid(format!(
                            "this export is version {version} (from a newer praxis); this \
                             praxis reads up to version {VERSION}"
                        ))));
                    }
                }
                "subjects" => {
                    let subjects: Vec<SubjectOut> = map.next_value()?;
                    let subjects: Vec<_> = subjects.into_iter().map(|s| (s.key, s.kind)).collect();
                    if let Err(e) = st.out.subjects(&subjects) {
                        return Err(st.stop(e.into()));
                    }
                }
                _ => {
                    st.entries_open = true;
                    map.next_value_seed(EachEntry(&mut *st))?;
                    st.entries_open = false;
                }
            }
        }
        Ok(())
    }
}
