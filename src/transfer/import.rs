//! `praxis import`: a file of any format read entry by entry into the journal in one
//! transaction, so that memory holds one entry at a time whatever the size of the file.
//!
//! Each format's reader hands what it reads to an [`Out`]: the journal's importer, or a
//! list in memory for small texts. An import that is not saved (a dry run, a file that is
//! refused half way) leaves no trace: see [`crate::store::ImportJournal`].

use std::collections::BTreeMap;
use std::io::{BufRead, Read as _};
use std::path::{Path, PathBuf};

use super::{Format, Parsed, TransferError, detect, jrnl, json, markdown, tuijournal};
use crate::model::{Entry, SubjectType};
use crate::store::ImportReport;
use crate::store::{ImportJournal, Importer, Recognise, StoreError, Unlock};

/// An entry on its way from a file to the journal.
#[derive(Debug)]
pub struct Incoming {
    pub entry: Entry,
    /// How the journal recognises an entry from another tool that it may already hold
    /// under another id (see [`Recognise`]); none for praxis's own entries.
    pub recognise: Option<Recognise>,
    /// The reader held the entry to every rule the journal holds entries to (its own,
    /// [`Entry::check`], and its schema's, [`crate::store::schema_problem`]): the journal
    /// does not test them again.
    pub checked: bool,
}

impl From<Entry> for Incoming {
    fn from(entry: Entry) -> Self {
        Incoming {
            entry,
            recognise: None,
            checked: false,
        }
    }
}

impl Incoming {
    /// An entry the reader has held to the journal's rules (see [`Incoming::checked`]).
    pub(crate) fn checked(entry: Entry) -> Self {
        Incoming {
            entry,
            recognise: None,
            checked: true,
        }
    }
}

/// Where a reader sends what it reads.
pub trait Out {
    /// The subjects a file declares (pseudonym key, type).
    fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<(), StoreError>;
    /// One entry.
    fn entry(&mut self, e: Incoming) -> Result<(), StoreError>;
    /// Forgets everything sent so far: the reader starts the file again another way.
    fn restart(&mut self) -> Result<(), StoreError>;
}

/// Why reading stopped: the file, or the journal.
#[derive(Debug)]
pub enum Halt {
    File(TransferError),
    Store(StoreError),
}

impl From<TransferError> for Halt {
    fn from(e: TransferError) -> Self {
        Halt::File(e)
    }
}

impl From<StoreError> for Halt {
    fn from(e: StoreError) -> Self {
        Halt::Store(e)
    }
}

impl From<Halt> for anyhow::Error {
    fn from(h: Halt) -> Self {
        match h {
            Halt::File(e) => e.into(),
            Halt::Store(e) => e.into(),
        }
    }
}

/// What reading a file found besides its entries.
#[derive(Debug, Default)]
pub struct Summary {
    /// Entries read.
    pub entries: usize,
    /// What the reader could not be sure of, for the user to hear.
    pub warnings: Vec<String>,
}

/// Entries collected in memory, for readers given a whole text.
#[derive(Debug, Default)]
pub(crate) struct Collect(pub Parsed);

impl Out for Collect {
    fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<(), StoreError> {
        self.0.subjects.extend_from_slice(subjects);
        Ok(())
    }

    fn entry(&mut self, e: Incoming) -> Result<(), StoreError> {
        self.0.entries.push(e.entry);
        Ok(())
    }

    fn restart(&mut self) -> Result<(), StoreError> {
        self.0 = Parsed::default();
        Ok(())
    }
}

/// The journal's importer as an [`Out`], counting the entries that carry each strength.
struct Save<'i, 's>(&'i mut Importer<'s>, BTreeMap<String, usize>);

impl Out for Save<'_, '_> {
    fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<(), StoreError> {
        self.0.subjects(subjects)
    }

    fn entry(&mut self, e: Incoming) -> Result<(), StoreError> {
        for s in &e.entry.strengths {
            match self.1.get_mut(&s.name) {
                Some(n) => *n += 1,
                None => {
                    self.1.insert(s.name.clone(), 1);
                }
            }
        }
        match &e.recognise {
            Some(r) => self.0.add_recognised(e.entry, r),
            None if e.checked => self.0.add_checked(e.entry),
            None => self.0.add(e.entry),
        }
    }

    fn restart(&mut self) -> Result<(), StoreError> {
        self.1.clear();
        self.0.restart()
    }
}

/// What an import did.
#[derive(Debug)]
pub struct Outcome {
    /// The format read (as named, or detected).
    pub format: Format,
    /// Entries in the file.
    pub read: usize,
    pub report: ImportReport,
    pub warnings: Vec<String>,
    /// Every strength the file's entries carry, with how many entries carry it (for the
    /// caller to hold against the vocabulary).
    pub strengths: BTreeMap<String, usize>,
    /// The import built a new journal, whose backup for the day is the file itself.
    pub new_journal: bool,
}

/// The journal an import writes into.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// The journal at this path, opened with this key; where there is none, a new one
    /// made with it.
    Journal(&'a Path, &'a Unlock),
    /// A new journal at this path, made with this key (`import --encrypt`): a journal
    /// that is there already is refused, untouched.
    New(&'a Path, &'a Unlock),
}

/// Imports `path` (a file, or a folder of Markdown files; in `format`, or the one
/// detected) into the journal `into`, in one transaction; with `dry_run`, says what it
/// would do and writes nothing. `time_format` is how a jrnl journal writes its dates when
/// it is not one of the usual spellings.
///
/// The file is read once, each entry saved as it is read. A refused file (a bad entry
/// anywhere in it) and a dry run leave the journal as they found it, byte for byte, and
/// create no journal where there was none. A new journal, plain or encrypted, is built
/// under a temporary name and put in place once saved; it counts the file as its
/// automatic backup for `today` (see [`Importer::backed_up_by_file`]).
pub fn import_file(
    path: &Path,
    format: Option<Format>,
    time_format: Option<&str>,
    dry_run: bool,
    into: Target<'_>,
    today: chrono::NaiveDate,
) -> anyhow::Result<Outcome> {
    let source = Source::open(path, format, time_format)?;
    let mut target = match into {
        Target::Journal(journal, unlock) => ImportJournal::open(journal, dry_run, unlock, false),
        Target::New(journal, unlock) => ImportJournal::open(journal, dry_run, unlock, true),
    }?;
    let new_journal = target.is_new();
    let (summary, report, strengths) = {
        let mut import = target.importer()?;
        let mut save = Save(&mut import, BTreeMap::new());
        let summary = source.read_beside(&mut save)?;
        let strengths = save.1;
        // After reading: a reader that starts the file again starts the transaction again.
        if new_journal {
            import.backed_up_by_file(today)?;
        }
        (summary, import.finish(dry_run)?, strengths)
    };
    target.keep(dry_run)?;
    Ok(Outcome {
        format: source.format,
        read: summary.entries,
        report,
        warnings: summary.warnings,
        strengths,
        new_journal,
    })
}

/// A file (or folder) and the format it is read in.
pub(crate) struct Source {
    path: PathBuf,
    format: Format,
    /// The format was named with `--format`, not detected.
    named: bool,
    time_format: Option<String>,
}

/// Entries sent from the reader to the writer at a time, by [`Source::read_beside`]: one
/// at a time, each would wake the other thread (100,000 entries took 0.3 s more of the
/// system's time than in batches).
const BATCH: usize = 16;
/// Bytes of the entries read ahead of the journal at most (beyond one entry), by
/// [`Source::read_beside`]: a couple of hundred entries of a few paragraphs, however large
/// each entry is. (16 MiB bought no time at 100,000 entries on a busy machine, and took
/// the import's peak memory from 90 to 132 MiB.)
const READ_AHEAD_BYTES: usize = 256 << 10;

/// About what an entry holds in memory: its texts, and a little for the rest.
fn size_of(e: &Incoming) -> usize {
    let e = &e.entry;
    256 + e.title.len()
        + e.body.len()
        + e.sections
            .iter()
            .map(|s| s.key.len() + s.label.len() + s.text.len())
            .sum::<usize>()
        + e.tags.iter().map(String::len).sum::<usize>()
}

/// The bytes of the entries on their way from the reader to the writer, and whether the
/// writer has stopped taking them.
#[derive(Default)]
struct InFlight {
    state: std::sync::Mutex<(usize, bool)>,
    changed: std::sync::Condvar,
}

impl InFlight {
    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, bool)> {
        // Neither thread panics while holding the lock with the count half changed.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits until `bytes` more fit in [`READ_AHEAD_BYTES`] (or nothing is on its way:
    /// an entry larger than that goes alone), and counts them. False once the writer
    /// has stopped.
    fn reserve(&self, bytes: usize) -> bool {
        let mut state = self.lock();
        while !state.1 && state.0 > 0 && state.0 + bytes > READ_AHEAD_BYTES {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        state.0 += bytes;
        !state.1
    }

    /// The writer took `bytes`.
    fn release(&self, bytes: usize) {
        let mut state = self.lock();
        state.0 = state.0.saturating_sub(bytes);
        self.changed.notify_all();
    }

    /// The writer takes no more.
    fn stop(&self) {
        self.lock().1 = true;
        self.changed.notify_all();
    }
}

/// What a reader on a thread of its own sends to the one writing the journal: the calls of
/// [`Out`], in the order it made them (entries with the bytes they were counted as).
enum Sent {
    Subjects(Vec<(String, SubjectType)>),
    Entries(Vec<Incoming>, usize),
    Restart,
}

/// An [`Out`] that sends what it is given to another thread, [`BATCH`] entries at a time,
/// waiting while [`READ_AHEAD_BYTES`] are on their way. Once the other thread has stopped
/// taking them, every call fails.
struct Sender<'f> {
    to: std::sync::mpsc::Sender<Sent>,
    flight: &'f InFlight,
    batch: Vec<Incoming>,
    bytes: usize,
}

impl Sender<'_> {
    fn send(&mut self, what: Sent) -> Result<(), StoreError> {
        // The writer stopped at a failure of its own, which is the one reported.
        let stopped = || StoreError::Damaged("the import stopped".into());
        if !matches!(what, Sent::Entries(..)) {
            self.flush()?;
        }
        self.to.send(what).map_err(|_| stopped())
    }

    /// Sends the entries not sent yet, once they fit.
    fn flush(&mut self) -> Result<(), StoreError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        let bytes = std::mem::take(&mut self.bytes);
        if !self.flight.reserve(bytes) {
            return Err(StoreError::Damaged("the import stopped".into()));
        }
        self.send(Sent::Entries(batch, bytes))
    }
}

impl Out for Sender<'_> {
    fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<(), StoreError> {
        self.send(Sent::Subjects(subjects.to_vec()))
    }

    fn entry(&mut self, e: Incoming) -> Result<(), StoreError> {
        self.bytes += size_of(&e);
        self.batch.push(e);
        if self.batch.len() < BATCH {
            return Ok(());
        }
        self.flush()
    }

    fn restart(&mut self) -> Result<(), StoreError> {
        self.send(Sent::Restart)
    }
}

impl Source {
    /// Reads the whole source into `out` as [`Source::read`] does, with the file read
    /// and parsed on a thread of its own while this one hands each entry to `out`: on a
    /// machine with a core to spare, reading the file costs no time beside writing the
    /// journal. At most [`READ_AHEAD_BYTES`] of entries wait between the two (or one
    /// entry larger than that), so memory holds a few entries whatever the size of the
    /// file. The first failure stops both: the
    /// file's (with what `out` took before it), or `out`'s.
    ///
    /// An encrypted file is read on this thread, as [`Source::read`] does: the key it was
    /// opened with is kept for this thread alone.
    pub(crate) fn read_beside(&self, out: &mut dyn Out) -> Result<Summary, Halt> {
        if super::sealed::is_sealed(&self.path) {
            return self.read(out);
        }
        let flight = InFlight::default();
        std::thread::scope(|scope| {
            let (to, rx) = std::sync::mpsc::channel();
            let flight = &flight;
            let reader = scope.spawn(move || {
                // The writer is the one the import waits for.
                crate::process::yield_to_the_writer();
                let mut sender = Sender {
                    to,
                    flight,
                    batch: Vec::with_capacity(BATCH),
                    bytes: 0,
                };
                let read = self.read(&mut sender);
                // What was read before the end (or before the file failed) goes too: the
                // writer takes it as it would have without the thread.
                let _ = sender.flush();
                read
            });
            let mut failed = None;
            // Until the reader is done and drops its end (or this side fails).
            'sent: for sent in &rx {
                let taken = match sent {
                    Sent::Subjects(s) => out.subjects(&s),
                    Sent::Entries(batch, bytes) => {
                        for e in batch {
                            if let Err(e) = out.entry(e) {
                                failed = Some(e);
                                break 'sent;
                            }
                        }
                        flight.release(bytes);
                        Ok(())
                    }
                    Sent::Restart => out.restart(),
                };
                if let Err(e) = taken {
                    failed = Some(e);
                    break;
                }
            }
            // The reader's next batch (or the one it waits to send) fails, and it stops.
            flight.stop();
            drop(rx);
            let read = match reader.join() {
                Ok(read) => read,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            match failed {
                Some(e) => Err(Halt::Store(e)),
                None => read,
            }
        })
    }

    /// Checks that `path` can be read, and finds its format when none is named.
    pub(crate) fn open(
        path: &Path,
        format: Option<Format>,
        time_format: Option<&str>,
    ) -> Result<Source, TransferError> {
        let meta = std::fs::metadata(path).map_err(|source| TransferError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some(f) = time_format {
            jrnl::check_time_format(path, f)?;
        }
        let format_named = format.is_some();
        let format = if meta.is_dir() {
            match format {
                None | Some(Format::Markdown) => Format::Markdown,
                Some(f) => {
                    return Err(TransferError::Invalid {
                        path: path.to_path_buf(),
                        what: format!(
                            "this is a folder, not {} (only --format markdown reads a folder)",
                            f.a()
                        ),
                    });
                }
            }
        } else {
            // A praxis Markdown export is refused whatever --format says.
            detect::refuse_export_for_reading(path)?;
            match format {
                // Any text reads as one Markdown note: a file of another tool's, named
                // as Markdown, would import as one entry holding the whole file.
                Some(Format::Markdown) if !markdown::is_markdown(path) => {
                    match detect::detect_file(path, time_format) {
                        Ok(seen) if !matches!(seen, Format::Markdown | Format::JrnlMd) => {
                            return Err(TransferError::Invalid {
                                path: path.to_path_buf(),
                                what: format!(
                                    "this looks like {}, not a Markdown note: try --format \
                                     {seen}, or leave --format out",
                                    seen.a()
                                ),
                            });
                        }
                        _ => Format::Markdown,
                    }
                }
                Some(f) => f,
                None => detect::detect_file(path, time_format)?,
            }
        };
        Ok(Source {
            path: path.to_path_buf(),
            format,
            named: format_named && !meta.is_dir(),
            time_format: time_format.map(str::to_string),
        })
    }

    /// Reads the whole source into `out`.
    pub(crate) fn read(&self, out: &mut dyn Out) -> Result<Summary, Halt> {
        let path = self.path.as_path();
        if path.is_dir() {
            return markdown::read_dir(path, self.time_format.as_deref(), out);
        }
        let read = match self.format {
            Format::Praxis => json::read_file(path, out),
            Format::Jrnl => jrnl::read_text(path, open(path)?, self.time_format.as_deref(), out),
            Format::JrnlJson => jrnl::read_json(path, open(path)?, out),
            Format::JrnlMd => jrnl::read_md(path, open(path)?, self.time_format.as_deref(), out),
            Format::TuiJournal => tuijournal::read_backend(path, open(path)?, out),
            Format::TuiJournalExport => tuijournal::read_export(path, open(path)?, out),
            Format::Markdown => markdown::read_file(path, self.time_format.as_deref(), out),
        };
        match read {
            // A named format the file is not in: say what it looks like.
            Err(Halt::File(mut e)) if self.named => {
                if let Ok(seen) = detect::detect_file(path, self.time_format.as_deref())
                    && seen != self.format
                {
                    let hint = format!(
                        " (but this looks like {}: try --format {seen}, or leave --format out)",
                        seen.a()
                    );
                    match &mut e {
                        TransferError::Invalid { what: r, .. }
                        | TransferError::At { reason: r, .. }
                        | TransferError::Entry { reason: r, .. } => r.push_str(&hint),
                        TransferError::Read { .. } => {}
                    }
                }
                Err(Halt::File(e))
            }
            other => other,
        }
    }
}

/// A reader's state over a JSON list of entries, one element at a time: what it does
/// with each, and where it keeps the reason it stopped (serde itself only hears
/// "stopped", so the caller reports ours).
pub(crate) trait ReadsEntries {
    /// One element of the list, as the file holds it.
    type Item: serde::de::DeserializeOwned;
    /// Why reading stopped, when it was not the JSON itself.
    fn failed(&mut self) -> &mut Option<Halt>;
    /// Checks, converts and sends on one element.
    fn take(&mut self, item: Self::Item) -> Result<(), Halt>;
}

/// A JSON list of entries read element by element through [`ReadsEntries`]: memory
/// holds one entry, never the list.
pub(crate) struct EachEntry<'a, S>(pub &'a mut S);

impl<'de, S: ReadsEntries> serde::de::DeserializeSeed<'de> for EachEntry<'_, S> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: ReadsEntries> serde::de::Visitor<'de> for EachEntry<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of entries")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<S::Item>()? {
            if let Err(halt) = self.0.take(item) {
                *self.0.failed() = Some(halt);
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

/// The file, buffered for reading line by line or value by value (decrypted, when it is
/// an age file whose key was given: see [`super::sealed`]). Only a regular file is read:
/// a FIFO or a device (`/dev/zero`) is refused before a byte is read.
pub(crate) fn open(path: &Path) -> Result<Box<dyn BufRead>, TransferError> {
    super::sealed::open(path)
}

/// The longest line a text import reads: memory holds one line at a time, so a file that
/// is one endless line (not a journal) must not fill it.
pub(crate) const MAX_LINE_BYTES: u64 = 64 << 20;

/// One line of a text file.
pub(crate) struct Line<'a> {
    /// Its number, from 1.
    pub n: usize,
    /// Its text, without the line end (`\n` or `\r\n`).
    pub text: &'a str,
    /// Whether it ended with a line end (the last line of a file may not).
    pub ended: bool,
}

/// The lines of a text file, read one at a time and checked as UTF-8: a byte that is not
/// UTF-8 is refused with its line and column, except a character cut in two by the end
/// of the file, which is dropped (the file was cut short: [`Lines::cut_in_a_character`]).
pub(crate) struct Lines<R> {
    path: PathBuf,
    input: R,
    buf: Vec<u8>,
    n: usize,
    cut: bool,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(path: &Path, input: R) -> Self {
        Lines {
            path: path.to_path_buf(),
            input,
            buf: Vec::new(),
            n: 0,
            cut: false,
        }
    }

    /// The next line, or None at the end of the file.
    pub(crate) fn next_line(&mut self) -> Result<Option<Line<'_>>, TransferError> {
        self.buf.clear();
        let got = (&mut self.input)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|source| TransferError::Read {
                path: self.path.clone(),
                source,
            })?;
        if got == 0 {
            return Ok(None);
        }
        self.n += 1;
        if got as u64 > MAX_LINE_BYTES {
            return Err(TransferError::At {
                path: self.path.clone(),
                line: self.n,
                column: 1,
                reason: format!(
                    "this line is longer than {} MiB: no journal tool writes such a line, so \
                     this is not a journal file (check the path)",
                    MAX_LINE_BYTES >> 20
                ),
            });
        }
        let mut bytes = self.buf.as_slice();
        let ended = bytes.last() == Some(&b'\n');
        if ended {
            bytes = &bytes[..bytes.len() - 1];
            if bytes.last() == Some(&b'\r') {
                bytes = &bytes[..bytes.len() - 1];
            }
        }
        if self.n == 1 {
            bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            // The end of the file in the middle of a character.
            Err(e) if !ended && e.error_len().is_none() => {
                self.cut = true;
                std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(e) => {
                return Err(not_utf8(&self.path, self.n, e.valid_up_to() + 1));
            }
        };
        Ok(Some(Line {
            n: self.n,
            text,
            ended,
        }))
    }

    /// Whether the file ended in the middle of a character (dropped).
    pub(crate) fn cut_in_a_character(&self) -> bool {
        self.cut
    }
}

/// Bytes that are not UTF-8 at `line`:`column`.
pub(crate) fn not_utf8(path: &Path, line: usize, column: usize) -> TransferError {
    TransferError::At {
        path: path.to_path_buf(),
        line,
        column,
        reason: "this is not UTF-8 text (save the file as UTF-8 and try again)".into(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use chrono::{NaiveDate, TimeZone as _, Utc};

    use super::*;
    use crate::model::EntryKind;

    /// A praxis JSON file of `n` reflections with a subject; the `broken`th (from 1) has a
    /// day that is no day.
    fn file(dir: &Path, n: usize, broken: Option<usize>) -> PathBuf {
        file_of(dir, n, broken, 0)
    }

    /// The same, each entry with a body of `body` bytes.
    fn file_of(dir: &Path, n: usize, broken: Option<usize>, body: usize) -> PathBuf {
        let mut text = String::from(
            "{\"format\":\"praxis-journal\",\"version\":1,\n\
             \"subjects\":[{\"key\":\"YP-A\",\"type\":\"person\"}],\n\
             \"entries\":[\n",
        );
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        for i in 1..=n {
            let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let mut e = Entry::new(EntryKind::Reflection, on, now);
            e.title = format!("entry {i}");
            e.body = "b".repeat(body);
            let mut line = serde_json::to_string(&e).unwrap();
            if broken == Some(i) {
                line = line.replace("\"2026-03-01\"", "\"2026-02-30\"");
            }
            text.push_str(&line);
            text.push_str(if i < n { ",\n" } else { "\n" });
        }
        text.push_str("]}\n");
        let path = dir.join("entries.json");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// What an [`Out`] was given, failing at the `fail_at`th entry (from 1).
    #[derive(Default)]
    struct Taken {
        subjects: Vec<(String, SubjectType)>,
        titles: Vec<String>,
        fail_at: Option<usize>,
        calls: usize,
    }

    impl Out for Taken {
        fn subjects(&mut self, subjects: &[(String, SubjectType)]) -> Result<(), StoreError> {
            self.subjects.extend_from_slice(subjects);
            Ok(())
        }

        fn entry(&mut self, e: Incoming) -> Result<(), StoreError> {
            self.calls += 1;
            if self.fail_at == Some(self.calls) {
                return Err(StoreError::Damaged("the journal is full".into()));
            }
            self.titles.push(e.entry.title);
            Ok(())
        }

        fn restart(&mut self) -> Result<(), StoreError> {
            *self = Taken {
                fail_at: self.fail_at,
                ..Taken::default()
            };
            Ok(())
        }
    }

    fn source(path: &Path) -> Source {
        Source::open(path, None, None).unwrap()
    }

    #[test]
    fn reading_beside_gives_what_reading_alone_gives() {
        let d = tempfile::tempdir().unwrap();
        // Many batches.
        let path = file(d.path(), BATCH * 40 + 5, None);
        let (mut alone, mut beside) = (Taken::default(), Taken::default());
        let read = source(&path).read(&mut alone).unwrap();
        let read_beside = source(&path).read_beside(&mut beside).unwrap();
        assert_eq!(read.entries, read_beside.entries);
        assert_eq!(beside.titles.len(), BATCH * 40 + 5);
        assert_eq!(alone.titles, beside.titles);
        assert_eq!(alone.subjects, beside.subjects);
        assert_eq!(beside.subjects, [("YP-A".to_string(), SubjectType::Person)]);
    }

    #[test]
    fn a_file_broken_half_way_is_the_error_after_the_entries_before_it() {
        let d = tempfile::tempdir().unwrap();
        let path = file(d.path(), 100, Some(70));
        let mut alone = Taken::default();
        let Err(Halt::File(expected)) = source(&path).read(&mut alone) else {
            panic!("the file is broken")
        };
        let mut beside = Taken::default();
        let Err(Halt::File(e)) = source(&path).read_beside(&mut beside) else {
            panic!("the file is broken")
        };
        assert_eq!(e.to_string(), expected.to_string());
        assert!(e.to_string().contains("2026-02-30"), "{e}");
        assert_eq!(beside.titles.len(), 69);
        assert_eq!(alone.titles, beside.titles);
    }

    #[test]
    fn a_writer_that_fails_is_the_error_and_stops_the_reader() {
        let d = tempfile::tempdir().unwrap();
        let path = file(d.path(), 2_000, None);
        let mut taken = Taken {
            fail_at: Some(10),
            ..Taken::default()
        };
        let Err(Halt::Store(e)) = source(&path).read_beside(&mut taken) else {
            panic!("the writer failed")
        };
        assert_eq!(
            e.to_string(),
            StoreError::Damaged("the journal is full".into()).to_string()
        );
        // Nothing after the failure was taken.
        assert_eq!(taken.calls, 10);
        assert_eq!(taken.titles.len(), 9);
    }

    #[test]
    fn entries_larger_than_the_read_ahead_go_one_at_a_time() {
        let d = tempfile::tempdir().unwrap();
        // No two of them fit in what may wait between the threads.
        let path = file_of(d.path(), 3, None, READ_AHEAD_BYTES / 2 + 1);
        let mut beside = Taken::default();
        source(&path).read_beside(&mut beside).unwrap();
        assert_eq!(beside.titles, ["entry 1", "entry 2", "entry 3"]);
        // And a writer that fails while the reader waits for room stops it.
        let path = file_of(d.path(), 6, None, READ_AHEAD_BYTES / 2 + 1);
        let mut failing = Taken {
            fail_at: Some(1),
            ..Taken::default()
        };
        let Err(Halt::Store(_)) = source(&path).read_beside(&mut failing) else {
            panic!("the writer failed")
        };
        assert_eq!(failing.calls, 1);
    }
}
