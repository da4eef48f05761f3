//! The praxis JSON format: every field of every entry, versioned, one entry per line.
//! Exporting, importing into an empty journal and exporting again gives the same file.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::export::{Head, Sink};
use super::{Parsed, TransferError};
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    #[serde(default)]
    subjects: Vec<SubjectOut>,
    entries: Vec<Entry>,
}

/// Writes entries as one praxis JSON document: a header line, then one entry per line.
#[derive(Debug)]
pub struct JsonSink {
    subjects: Vec<SubjectOut>,
    written: usize,
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
        if self.written > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, e)?;
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
        check(e).map_err(|reason| TransferError::Entry {
            path: path.to_path_buf(),
            index: i + 1,
            id: Some(e.short_id()),
            reason,
        })?;
    }
    Ok(Parsed {
        entries: doc.entries,
        subjects: doc.subjects.into_iter().map(|s| (s.key, s.kind)).collect(),
    })
}

/// What an entry read from a file must satisfy beyond its shape.
fn check(e: &Entry) -> Result<(), String> {
    if let Some(c) = &e.checkin {
        c.validate()?;
    }
    if e.updated_at < e.created_at {
        return Err("updated before it was created".into());
    }
    e.check()
}

pub use stream::import_file;

/// `praxis import`, saving praxis JSON as it is read.
mod stream {
    use std::fmt;
    use std::path::Path;

    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

    use super::{FORMAT, SubjectOut, VERSION, check};
    use crate::model::Entry;
    use crate::store::ImportReport;
    use crate::store::{Importer, Store, StoreError};
    use crate::transfer::{self, Format, Parsed, jrnl, markdown};

    /// Why streaming stopped.
    enum Stop {
        /// Something about the file (its syntax, its header, an entry, an unusual order
        /// of its parts): the whole-file reader says exactly what, or reads it.
        File,
        /// The journal failed while saving.
        Store(StoreError),
    }

    /// Imports `path` (a file or a folder; `format` as given, or detected) into the
    /// journal `open` gives, in one transaction, and returns the format, how many entries
    /// the file holds and what was done.
    ///
    /// praxis JSON as praxis writes it (the header fields, then the entries) is saved
    /// entry by entry as it is parsed: memory holds the file's text and one entry, where
    /// reading the whole document first held every entry (over 1 GiB for 100,000). Any
    /// other format, or layout, is read whole by [`transfer::parse`] and then saved. If
    /// streaming stops on anything (bad syntax, another format, an invalid entry, a
    /// failed write), its transaction is rolled back and the file goes through that
    /// whole-file path, so errors, and what is saved, are exactly the same either way.
    pub fn import_file(
        path: &Path,
        format: Option<Format>,
        time_format: Option<&str>,
        dry_run: bool,
        open: impl FnOnce() -> anyhow::Result<Store>,
    ) -> anyhow::Result<(Format, usize, ImportReport)> {
        let whole = || transfer::parse(path, format, time_format);
        let save = |store: &mut Store, (format, parsed): (Format, Parsed)| {
            let r = store.import_entries(&parsed.entries, &parsed.subjects, dry_run)?;
            anyhow::Ok((format, parsed.entries.len(), r))
        };
        if format.is_some_and(|f| f != Format::Praxis) || path.is_dir() {
            let parsed = whole()?;
            return save(&mut open()?, parsed);
        }
        let text = transfer::read_text(path)?;
        if format.is_none() && !looks_like_praxis(path, &text, time_format) {
            drop(text);
            let parsed = whole()?;
            return save(&mut open()?, parsed);
        }
        let mut store = open()?;
        let streamed = {
            let mut import = store.importer()?;
            match read(&text, &mut import) {
                Ok(n) => import.finish(dry_run).map(|r| (n, r)).map_err(Stop::Store),
                Err(stop) => Err(stop),
            }
        };
        drop(text);
        match streamed {
            Ok((n, r)) => Ok((Format::Praxis, n, r)),
            // A file error found further on comes first, as when the file is read whole.
            Err(Stop::Store(e)) => {
                whole()?;
                Err(e.into())
            }
            Err(Stop::File) => {
                let parsed = whole()?;
                save(&mut store, parsed)
            }
        }
    }

    /// Whether detection would call this praxis JSON, as far as can be told without
    /// parsing it (the streaming parse tells the rest: an object with a `format` text).
    fn looks_like_praxis(path: &Path, text: &str, time_format: Option<&str>) -> bool {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        !markdown::is_markdown(path)
            && first.trim_start().starts_with('{')
            && !jrnl::is_header(first, time_format)
    }

    /// Parses the document, saving each entry as it is read; returns how many.
    fn read(text: &str, import: &mut Importer<'_>) -> Result<usize, Stop> {
        let mut state = State {
            import,
            format: false,
            version: false,
            subjects: false,
            entries: false,
            read: 0,
            failed: None,
        };
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed =
            de::Deserializer::deserialize_map(&mut de, Doc(&mut state)).and_then(|()| de.end());
        match (state.failed, parsed) {
            (Some(e), _) => Err(Stop::Store(e)),
            (None, Ok(())) if state.entries => Ok(state.read),
            (None, _) => Err(Stop::File),
        }
    }

    struct State<'i, 's> {
        import: &'i mut Importer<'s>,
        format: bool,
        version: bool,
        subjects: bool,
        entries: bool,
        read: usize,
        /// The journal failed while saving.
        failed: Option<StoreError>,
    }

    impl State<'_, '_> {
        /// Ends the parse on a failed save: the caller reports it, not serde.
        fn failed<E: de::Error>(&mut self, e: StoreError) -> E {
            self.failed = Some(e);
            stop()
        }
    }

    /// Ends the parse: the reason is for the caller (or the whole-file reader) to say.
    fn stop<E: de::Error>() -> E {
        E::custom("stopped")
    }

    struct Doc<'a, 'i, 's>(&'a mut State<'i, 's>);

    impl<'de> Visitor<'de> for Doc<'_, '_, '_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a praxis export")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let st = self.0;
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "format" if !st.format && !st.entries => {
                        if map.next_value::<String>()? != FORMAT {
                            return Err(stop());
                        }
                        st.format = true;
                    }
                    "version" if !st.version && !st.entries => {
                        if map.next_value::<u32>()? > VERSION {
                            return Err(stop());
                        }
                        st.version = true;
                    }
                    "subjects" if !st.subjects && !st.entries => {
                        let subjects: Vec<SubjectOut> = map.next_value()?;
                        let subjects: Vec<_> =
                            subjects.into_iter().map(|s| (s.key, s.kind)).collect();
                        if let Err(e) = st.import.subjects(&subjects) {
                            return Err(st.failed(e));
                        }
                        st.subjects = true;
                    }
                    // Entries are saved as they come once the header is known; anything
                    // else (a field twice, an unknown one, the header or the subjects
                    // after the entries) is for the whole-file reader.
                    "entries" if st.format && st.version && !st.entries => {
                        map.next_value_seed(Entries(&mut *st))?;
                        st.entries = true;
                    }
                    _ => return Err(stop()),
                }
            }
            Ok(())
        }
    }

    struct Entries<'a, 'i, 's>(&'a mut State<'i, 's>);

    impl<'de> DeserializeSeed<'de> for Entries<'_, '_, '_> {
        type Value = ();

        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for Entries<'_, '_, '_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let st = self.0;
            while let Some(e) = seq.next_element::<Entry>()? {
                st.read += 1;
                if check(&e).is_err() {
                    return Err(stop());
                }
                match st.import.add(e) {
                    Ok(true) => {}
                    // It breaks a constraint of the schema: SQLite will say which.
                    Ok(false) => return Err(stop()),
                    Err(err) => return Err(st.failed(err)),
                }
            }
            Ok(())
        }
    }
}
