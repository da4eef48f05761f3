//! jrnl (<https://jrnl.sh>): its plain-text journal file and its `--export json` and
//! `--export md` files, read as jrnl 4.6 reads and writes them.
//!
//! In the text file every entry starts with a line `[DATE] Title…` (a space after the
//! bracket), the date in the journal's `timeformat` (jrnl's `%Y-%m-%d %H:%M`, `%F %r`
//! and other usual spellings are read; another is given with `--time-format`). The
//! entry's text runs to the next such line. The title is its first line, and the body
//! the rest; only a text of one line with no line end (the last of a file cut short)
//! is split at its first sentence. A star ending the first line marks a favourite;
//! `@tags` stand anywhere. jrnl writes the wall-clock time where it runs, with no zone,
//! in every format (its JSON export too): a time is read as local time here and kept
//! as the instant it names, as jrnl shows it back.
//!
//! An entry's identity is its date, its time to the minute, and its whole text without
//! spaces: the same however a file split the title from the body (jrnl's JSON has no
//! seconds, its Markdown turns underlined headings into `#` ones). Importing the text
//! file, its JSON export and its Markdown export adds each entry once, and entries
//! imported by earlier versions of praxis (whose ids hashed a title cut at the first
//! sentence) are recognised by those ids.

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike as _};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::import::{Collect, EachEntry, Halt, Incoming, Lines, Out, ReadsEntries, Summary};
use super::{Parsed, TransferError, content_id, foreign_entry, json_error};
use crate::model::compose::normalise_tag;
use crate::store::Recognise;

/// The tool name in content ids.
const TOOL: &str = "jrnl";

/// The tag a starred (favourite) entry gets.
pub const STARRED: &str = "starred";

/// The date spellings read when no `--time-format` is given: jrnl's default, the same
/// with seconds, and the 12-hour clocks (`%F %r` is the first of these).
const TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
];

/// The same, longest first: a Markdown heading has the title right after the date.
const MD_TIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
];

/// Refuses a `--time-format` that is not a strftime pattern.
pub(crate) fn check_time_format(path: &Path, f: &str) -> Result<(), TransferError> {
    if chrono::format::StrftimeItems::new(f).any(|i| matches!(i, chrono::format::Item::Error)) {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: format!("--time-format '{f}' is not a strftime pattern (e.g. '%Y-%m-%d %H:%M')"),
        });
    }
    Ok(())
}

/// What a line that opens an entry holds: the date text and what follows `] `.
struct Header<'a> {
    blob: &'a str,
    rest: &'a str,
}

/// `[blob] rest`: the shape of an entry's first line, date or not. As in jrnl, the
/// bracket is followed by a space (jrnl writes one even before an empty title).
fn header_shape(line: &str) -> Option<Header<'_>> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let blob = &inner[..close];
    let rest = inner[close + 1..].strip_prefix(' ')?;
    if blob.is_empty() {
        return None;
    }
    Some(Header { blob, rest })
}

/// Whether the text in brackets is meant as a date: digits and the separators and
/// AM/PM letters of a date and time, nothing else. `[1]` or `[2024 plans]` are text.
fn looks_like_date(blob: &str) -> bool {
    blob.starts_with(|c: char| c.is_ascii_digit())
        && blob.chars().filter(char::is_ascii_digit).count() >= 6
        && blob
            .chars()
            .all(|c| c.is_ascii_digit() || " -/:.,TAPMapm".contains(c))
}

fn parse_date(blob: &str, time_format: Option<&str>) -> Option<NaiveDateTime> {
    let blob = blob.trim();
    match time_format {
        Some(f) => NaiveDateTime::parse_from_str(blob, f).ok(),
        None => TIME_FORMATS
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(blob, f).ok()),
    }
}

/// Whether `line` opens a jrnl entry (for detection): a bracketed date, good or bad.
#[must_use]
pub fn is_header(line: &str, time_format: Option<&str>) -> bool {
    header_shape(line).is_some_and(|h| {
        looks_like_date(h.blob)
            || time_format.is_some_and(|_| parse_date(h.blob, time_format).is_some())
    })
}

fn expected(time_format: Option<&str>) -> String {
    match time_format {
        Some(f) => format!("the --time-format '{f}'"),
        None => "e.g. 2024-03-05 14:30, 2024-03-05 02:30:00 PM or 2024-03-05 02:30 PM; \
                 pass --time-format with your jrnl timeformat if it is another"
            .to_string(),
    }
}

/// An entry as jrnl holds it.
struct JrnlEntry {
    when: NaiveDateTime,
    title: String,
    body: String,
    starred: bool,
    /// Tags as jrnl spells them (`@Tag`), or as praxis does.
    tags: Vec<String>,
    /// The entry's text in the file it came from, star and all, as the text file gives
    /// it: what earlier versions of praxis split into a title and a body.
    text: String,
}

impl JrnlEntry {
    /// The entry for the journal, and how to recognise it there.
    fn incoming(self, last: bool) -> Incoming {
        let minute = self.when.format("%Y-%m-%dT%H:%M").to_string();
        let key = text_key(&self.title, &self.body);
        let mut tags: Vec<String> = self
            .tags
            .iter()
            .filter_map(|t| normalise_tag(t).ok())
            .collect();
        if self.starred {
            tags.push(STARRED.to_string());
        }
        let e = foreign_entry(
            content_id(TOOL, &[&minute, &key]),
            self.when.date(),
            local_instant(self.when),
            self.title,
            self.body,
            tags,
        );
        let minute_id = content_id(TOOL, &[&minute, "the last entry of a file"]);
        Incoming {
            entry: e,
            recognise: Some(Recognise {
                minute,
                minute_id,
                last,
                earlier: earlier_ids,
                text: self.text,
                key,
                key_of: text_key,
            }),
            checked: false,
        }
    }
}

/// The instant a jrnl time names: the wall-clock time where praxis runs, as jrnl wrote
/// it. In the hour a clock repeats, the first; in the hour it skips (which jrnl never
/// writes), the time an hour on.
fn local_instant(when: NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone as _;
    chrono::Local
        .from_local_datetime(&when)
        .earliest()
        .or_else(|| {
            chrono::Local
                .from_local_datetime(&(when + chrono::TimeDelta::hours(1)))
                .earliest()
        })
        .map_or_else(|| when.and_utc(), |t| t.with_timezone(&chrono::Utc))
}

/// The ids earlier versions gave an entry: from the text file (its time to the second,
/// the title cut at the first sentence of `text`) and from the JSON export (to the
/// minute, jrnl's title). Those versions took the wall-clock time for UTC.
fn earlier_ids(e: &crate::model::Entry, text: &str) -> Vec<uuid::Uuid> {
    let stamp =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let wall = e
        .created_at
        .with_timezone(&chrono::Local)
        .naive_local()
        .and_utc();
    let on_the_minute = wall.with_second(0).unwrap_or(wall);
    let (old_title, old_body, _) = earlier_split(text);
    let mut ids = vec![
        content_id(TOOL, &[&stamp(wall), &old_title, &old_body]),
        content_id(TOOL, &[&stamp(on_the_minute), &e.title, &e.body]),
    ];
    ids.dedup();
    ids
}

/// An entry's text for its identity: its title and body without white space or the
/// marks of Markdown headings (`#`, and lines of `=` or `-` under a heading): the same
/// whether the title was cut at the first line or the first sentence, and whether the
/// headings are underlined or `#` ones (jrnl's Markdown export makes them so); and a
/// copy cut short has a prefix of the whole one's.
#[must_use]
pub fn text_key(title: &str, body: &str) -> String {
    let mut key = String::with_capacity(title.len() + body.len());
    for line in title.split('\n').chain(body.split('\n')) {
        let t = line.trim_matches(|c| is_py_space(c) || c == '#');
        if !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-')) {
            continue;
        }
        key.extend(t.chars().filter(|c| !is_py_space(*c) && *c != '#'));
    }
    key
}

/// `#… ` at the start of a line: an ATX heading, as jrnl tells one.
fn is_atx(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    hashes > 0 && line[hashes..].starts_with(' ')
}

/// White space as Python's `str.strip()` sees it: Unicode's, and the information
/// separators.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Title, body and star of an entry's text, exactly as jrnl 4.6 reads them: a star
/// ending the first line marks a favourite (stars and spaces around that line go);
/// then the title is everything up to the first line end, and the body the rest, both
/// without surrounding white space. A text with no line end at all is split after its
/// first sentence instead.
fn split_entry(text: &str) -> (String, String, bool) {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default();
    if py_strip(first).ends_with('*') {
        let rest: Vec<&str> = lines.collect();
        let head = first.trim_matches(['\n', ' ', '*']);
        // jrnl joins the other lines back without the text's last line end.
        let rest = rest.join("\n");
        let rest = if text.ends_with('\n') {
            rest.strip_suffix('\n').unwrap_or(&rest).to_string()
        } else {
            rest
        };
        let (title, body) = split_title(&format!("{head}\n{rest}"));
        return (title, body, true);
    }
    let (title, body) = split_title(text);
    (title, body, false)
}

/// jrnl's title rule: up to the first line end of the text (found after leading white
/// space is set aside, and counted from the start of the text itself, as jrnl does), or
/// when there is none, up to the end of the first sentence.
fn split_title(text: &str) -> (String, String) {
    let lead = text.len() - text.trim_start_matches(is_py_space).len();
    let at = match text[lead..].find('\n') {
        // The line end's place in the stripped text, in characters, counted from the
        // start of the text itself (with no leading white space, just after it).
        Some(nl) if lead == 0 => Some(nl + 1),
        Some(nl) => {
            let cut = text[lead..lead + nl].chars().count() + 1;
            Some(text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i))
        }
        None => first_sentence_end(text)
            .map(|cut| text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i)),
    };
    let Some(at) = at else {
        return (text.to_string(), String::new());
    };
    (
        py_strip(&text[..at]).to_string(),
        py_strip(&text[at..]).to_string(),
    )
}

/// Where the first sentence of `text` ends, in characters, by jrnl's rule: a full stop,
/// question or exclamation mark (or an ellipsis and the like), perhaps a closing quote
/// and brackets, then white space (all of it); or a full-width CJK stop.
fn first_sentence_end(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if matches!(
            c,
            '\u{ff01}' | '\u{ff0e}' | '\u{ff1f}' | '\u{ff61}' | '\u{3002}'
        ) {
            return Some(i + 1);
        }
        if !matches!(
            c,
            '.' | '!'
                | '?'
                | '\u{2026}'
                | '\u{203c}'
                | '\u{203d}'
                | '\u{2047}'
                | '\u{2048}'
                | '\u{2049}'
                | '\u{22ef}'
                | '\u{fe52}'
                | '\u{fe57}'
        ) {
            continue;
        }
        let mut j = i + 1;
        if chars
            .get(j)
            .is_some_and(|q| matches!(q, '\'' | '"' | '\u{2019}' | '\u{201d}'))
        {
            j += 1;
        }
        while chars.get(j).is_some_and(|b| matches!(b, ']' | ')')) {
            j += 1;
        }
        let spaces = chars[j.min(chars.len())..]
            .iter()
            .take_while(|s| is_py_space(**s))
            .count();
        if spaces > 0 {
            return Some(j + spaces);
        }
    }
    None
}

/// How earlier versions of praxis split an entry's text: the title was the first
/// sentence of the first line, a star at either end of it marked a favourite. Only for
/// the ids they gave.
fn earlier_split(text: &str) -> (String, String, bool) {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut first = first.trim();
    let mut starred = false;
    if first.ends_with('*') {
        starred = true;
        first = first.trim_matches(|c| c == '*' || c == ' ');
    } else if let Some(after) = first.strip_prefix('*')
        && !after.starts_with(['*', ' '])
        && !after.contains('*')
    {
        starred = true;
        first = after.trim();
    }
    let (title, more) = earlier_sentence(first);
    let body = if more.is_empty() {
        rest.trim().to_string()
    } else {
        format!("{more}\n{rest}").trim().to_string()
    };
    (title.to_string(), body, starred)
}

fn earlier_sentence(line: &str) -> (&str, &str) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, (_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '\u{3002}' | '\u{ff1f}' | '\u{ff01}') {
            continue;
        }
        let mut j = k + 1;
        if chars
            .get(j)
            .is_some_and(|(_, q)| matches!(q, '\'' | '"' | '\u{201d}' | '\u{2019}'))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(line.len(), |(i, _)| *i);
        let spaced = chars.get(j).is_some_and(|(_, s)| s.is_whitespace());
        let more = line[end..].trim_start();
        if spaced && !more.is_empty() {
            return (&line[..end], more);
        }
    }
    (line, "")
}

/// `@tags` in `text` by jrnl's rule: `@` at the start or after white space, then
/// letters, digits and `_ - + * # /`.
fn inline_tags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    for (at, _) in text.match_indices('@') {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !is_py_space(c))
        {
            continue;
        }
        let rest = &text[at + 1..];
        let len = rest
            .find(|d: char| !(d.is_alphanumeric() || "_-+*#/".contains(d)))
            .unwrap_or(rest.len());
        if len > 0 {
            tags.push(rest[..len].to_string());
        }
    }
    tags
}

/// Reads a jrnl plain-text journal from a whole text.
pub fn parse_text(
    path: &Path,
    text: &str,
    time_format: Option<&str>,
) -> Result<Parsed, TransferError> {
    collect(|out| read_text(path, text.as_bytes(), time_format, out))
}

/// Runs a reader into a list.
fn collect(
    read: impl FnOnce(&mut Collect) -> Result<Summary, Halt>,
) -> Result<Parsed, TransferError> {
    let mut out = Collect::default();
    match read(&mut out) {
        Ok(_) => Ok(out.0),
        Err(Halt::File(e)) => Err(e),
        // Collecting cannot fail.
        Err(Halt::Store(e)) => Err(TransferError::Invalid {
            path: Path::new("").to_path_buf(),
            what: e.to_string(),
        }),
    }
}

/// An entry of the text file being read: its date, its first line's number and its
/// text so far.
struct Open {
    line: usize,
    when: NaiveDateTime,
    text: String,
}

impl Open {
    fn close(self) -> JrnlEntry {
        let (title, body, starred) = split_entry(&self.text);
        JrnlEntry {
            when: self.when,
            tags: inline_tags(&self.text),
            title,
            body,
            starred,
            text: self.text,
        }
    }
}

/// Reads a jrnl plain-text journal, one entry at a time, into `out`.
pub(crate) fn read_text<R: BufRead>(
    path: &Path,
    input: R,
    time_format: Option<&str>,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    let at = |line: usize, column: usize, reason: String| TransferError::At {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    };
    let mut lines = Lines::new(path, input);
    let mut summary = Summary::default();
    let mut open: Option<Open> = None;
    // The last line, when the file ends in the middle of it: (number, text).
    let mut unended: Option<(usize, String)> = None;
    while let Some(line) = lines.next_line()? {
        let (n, text, ended) = (line.n, line.text, line.ended);
        if !ended {
            unended = Some((n, text.to_string()));
        }
        if let Some(h) = header_shape(text) {
            if let Some(when) = parse_date(h.blob, time_format) {
                if let Some(mut prev) = open.take() {
                    // The line end before a date line belongs to it, not to the entry.
                    if prev.text.ends_with('\n') {
                        prev.text.pop();
                    }
                    out.entry(prev.close().incoming(false))?;
                    summary.entries += 1;
                }
                let mut text = h.rest.to_string();
                if ended {
                    text.push('\n');
                }
                open = Some(Open {
                    line: n,
                    when,
                    text,
                });
                continue;
            }
            if looks_like_date(h.blob) {
                return Err(at(
                    n,
                    2,
                    format!(
                        "'[{}]' is not a valid date and time (expected {})",
                        h.blob,
                        expected(time_format)
                    ),
                )
                .into());
            }
        }
        match &mut open {
            Some(o) => {
                // A date line cut short at the end of the file opens no entry, and is
                // no part of the one before.
                if !ended && is_cut_header(text) {
                    summary.warnings.push(format!(
                        "{} ends in the middle of an entry's first line ('{}'): the file \
                         looks cut short, and that entry was left out. Importing the \
                         whole file later adds it.",
                        path.display(),
                        short(text)
                    ));
                    unended = None;
                    continue;
                }
                o.text.push_str(text);
                if ended {
                    o.text.push('\n');
                }
            }
            None if text.trim().is_empty() => {}
            None => {
                return Err(at(
                    n,
                    1,
                    format!(
                        "expected an entry's first line, like '[2024-03-05 14:30] Title' ({})",
                        expected(time_format)
                    ),
                )
                .into());
            }
        }
    }
    let Some(last) = open else {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: "no jrnl entries in this file (an entry starts with a line like \
                   '[2024-03-05 14:30] Title')"
                .into(),
        }
        .into());
    };
    let cut = lines.cut_in_a_character() || unended.is_some_and(|(_, t)| !t.is_empty());
    let (first_line, when) = (last.line, last.when);
    let entry = last.close();
    if cut {
        summary.warnings.push(format!(
            "{} ends in the middle of a line: the last entry may be cut short ({}, '{}', \
             from line {first_line}). jrnl ends its file with a line end; if this file \
             was cut, importing the whole file later completes that entry instead of \
             adding it twice.",
            path.display(),
            when.format("%Y-%m-%d %H:%M"),
            short(&entry.title),
        ));
    }
    out.entry(entry.incoming(true))?;
    summary.entries += 1;
    Ok(summary)
}

/// Whether the last line of a file, without its line end, is the start of an entry's
/// date line cut short: `[2024-03-0`, `[2024-03-05 10:00]`.
fn is_cut_header(line: &str) -> bool {
    line.strip_prefix('[')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        && !line.contains("] ")
        && line
            .strip_prefix('[')
            .map(|r| r.trim_end_matches(']'))
            .is_some_and(|r| !r.contains(']') && looks_like_date_start(r))
}

/// The start of a date: digits and a date's separators only.
fn looks_like_date_start(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || " -/:.,TAPMapm".contains(c))
}

/// One entry of jrnl's JSON export.
#[derive(Debug, Deserialize)]
struct ExportEntry {
    title: String,
    body: String,
    date: String,
    time: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// Reads jrnl's `--export json` file from a whole text.
pub fn parse_json(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    collect(|out| read_json(path, text.as_bytes(), out))
}

/// Reads jrnl's `--export json` file, `{"tags": {...}, "entries": [{"title", "body",
/// "date", "time", "tags": ["@a"], "starred"}]}`, one entry at a time, into `out`.
pub(crate) fn read_json<R: Read>(
    path: &Path,
    input: R,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    let mut state = JsonState {
        path,
        out,
        read: 0,
        entries: false,
        failed: None,
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let parsed =
        de::Deserializer::deserialize_map(&mut de, JsonDoc(&mut state)).and_then(|()| de.end());
    if let Some(halt) = state.failed {
        return Err(halt);
    }
    parsed.map_err(|e| json_error(path, &e))?;
    if !state.entries {
        return Err(TransferError::At {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: "missing field `entries`".into(),
        }
        .into());
    }
    Ok(Summary {
        entries: state.read,
        warnings: Vec::new(),
    })
}

struct JsonState<'a> {
    path: &'a Path,
    out: &'a mut dyn Out,
    read: usize,
    entries: bool,
    /// Why reading stopped, when it was not the JSON itself.
    failed: Option<Halt>,
}

struct JsonDoc<'a, 'b>(&'a mut JsonState<'b>);

impl<'de> Visitor<'de> for JsonDoc<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a jrnl export (an object with \"entries\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" && !st.entries {
                map.next_value_seed(EachEntry(&mut *st))?;
                st.entries = true;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl ReadsEntries for JsonState<'_> {
    type Item = ExportEntry;

    fn failed(&mut self) -> &mut Option<Halt> {
        &mut self.failed
    }

    fn take(&mut self, e: ExportEntry) -> Result<(), Halt> {
        self.read += 1;
        // jrnl's JSON cannot be cut short unseen: no entry is taken as the last.
        let entry = from_export(self.path, self.read, e)?;
        self.out.entry(entry.incoming(false))?;
        Ok(())
    }
}

fn from_export(path: &Path, index: usize, e: ExportEntry) -> Result<JrnlEntry, TransferError> {
    let fail = |reason: String| TransferError::Entry {
        path: path.to_path_buf(),
        index,
        id: Some(format!("\"{}\"", short(&e.title))),
        reason,
    };
    let date = NaiveDate::parse_from_str(e.date.trim(), "%Y-%m-%d").map_err(|_| {
        fail(format!(
            "date '{}' is not a date (expected YYYY-MM-DD)",
            e.date
        ))
    })?;
    let time = NaiveTime::parse_from_str(e.time.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(e.time.trim(), "%H:%M:%S"))
        .map_err(|_| fail(format!("time '{}' is not a time (expected HH:MM)", e.time)))?;
    let mut tags = Vec::new();
    for t in &e.tags {
        if t.trim().trim_start_matches(['@', '#']).is_empty() {
            continue;
        }
        tags.push(normalise_tag(t).map_err(&fail)?);
    }
    let mut text = e.title.clone();
    if e.starred {
        text.push_str(" *");
    }
    text.push('\n');
    text.push_str(&e.body);
    Ok(JrnlEntry {
        when: date.and_time(time),
        title: e.title,
        body: e.body,
        starred: e.starred,
        tags,
        text,
    })
}

/// Whether `head`, the start of a file, is jrnl's `--export md`: a `# YEAR` heading, a
/// `## Month` heading, then an entry's `### DATE Title`.
#[must_use]
pub fn is_md_export(head: &str, time_format: Option<&str>) -> bool {
    let mut lines = head.lines().filter(|l| !l.trim().is_empty());
    let year = lines.next().and_then(|l| l.strip_prefix("# "));
    let month = lines.next().and_then(|l| l.strip_prefix("## "));
    let entry = lines.next();
    year.is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        && month.is_some_and(|m| !m.trim().is_empty() && !m.contains(' '))
        && entry.is_some_and(|l| md_header(l, time_format).is_some())
}

/// `### DATE Title`: the date (in the journal's timeformat) and the title.
fn md_header<'a>(line: &'a str, time_format: Option<&str>) -> Option<(NaiveDateTime, &'a str)> {
    let rest = line.strip_prefix("### ")?;
    let formats: &[&str] = match &time_format {
        Some(f) => std::slice::from_ref(f),
        None => MD_TIME_FORMATS,
    };
    formats.iter().find_map(|f| {
        let (when, after) = NaiveDateTime::parse_and_remainder(rest, f).ok()?;
        if after.is_empty() {
            Some((when, ""))
        } else {
            after.strip_prefix(' ').map(|title| (when, title))
        }
    })
}

/// Reads jrnl's `--export md` file from a whole text.
pub fn parse_md(
    path: &Path,
    text: &str,
    time_format: Option<&str>,
) -> Result<Parsed, TransferError> {
    collect(|out| read_md(path, text.as_bytes(), time_format, out))
}

/// An entry of a Markdown export being read.
struct OpenMd {
    line: usize,
    when: NaiveDateTime,
    title: String,
    lines: Vec<String>,
}

impl OpenMd {
    /// The entry: the body is the lines under the heading, the blank line jrnl puts
    /// first and the space it puts last left out, and its headings lowered again by the
    /// three levels jrnl raised them.
    fn close(self) -> JrnlEntry {
        let mut body = String::new();
        for l in &self.lines {
            let l = if l.starts_with("####") && is_atx(l) {
                &l[3..]
            } else {
                l.as_str()
            };
            body.push_str(l);
            body.push('\n');
        }
        let body = py_strip(&body).to_string();
        let text = format!("{}\n{body}", self.title);
        JrnlEntry {
            when: self.when,
            tags: inline_tags(&text),
            title: self.title,
            body,
            // jrnl's Markdown does not say which entries are starred.
            starred: false,
            text,
        }
    }
}

/// Reads jrnl's `--export md` file one entry at a time into `out`: `# YEAR` and
/// `## Month` headings, and each entry as `### DATE Title`, a blank line, the body
/// (its own headings raised three levels), and a line holding a space.
pub(crate) fn read_md<R: BufRead>(
    path: &Path,
    input: R,
    time_format: Option<&str>,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    let mut lines = Lines::new(path, input);
    let mut summary = Summary::default();
    let mut open: Option<OpenMd> = None;
    let mut last_line = String::new();
    while let Some(line) = lines.next_line()? {
        let (n, text) = (line.n, line.text);
        last_line.clear();
        last_line.push_str(text);
        if text.starts_with("### ") {
            let Some((when, title)) = md_header(text, time_format) else {
                return Err(TransferError::At {
                    path: path.to_path_buf(),
                    line: n,
                    column: 5,
                    reason: format!(
                        "'{}' is not an entry's heading: expected '### DATE Title' with the \
                         date as the journal writes it ({})",
                        short(text),
                        expected(time_format)
                    ),
                }
                .into());
            };
            if let Some(prev) = open.take() {
                out.entry(prev.close().incoming(false))?;
                summary.entries += 1;
            }
            open = Some(OpenMd {
                line: n,
                when,
                title: title.to_string(),
                lines: Vec::new(),
            });
            continue;
        }
        // `# 2024` and `## March`: the export's own headings (an entry's are raised
        // past them).
        if text.starts_with("# ") || text.starts_with("## ") {
            if let Some(prev) = open.take() {
                out.entry(prev.close().incoming(false))?;
                summary.entries += 1;
            }
            continue;
        }
        match &mut open {
            Some(o) => o.lines.push(text.to_string()),
            None if text.trim().is_empty() => {}
            None => {
                return Err(TransferError::At {
                    path: path.to_path_buf(),
                    line: n,
                    column: 1,
                    reason: "expected jrnl's Markdown export: '# YEAR', '## Month' and \
                             '### DATE Title' headings"
                        .into(),
                }
                .into());
            }
        }
    }
    let Some(last) = open else {
        return if summary.entries > 0 {
            Ok(summary)
        } else {
            Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: "no entries in this jrnl Markdown export (an entry is a heading like \
                       '### 2024-03-05 14:30 Title')"
                    .into(),
            }
            .into())
        };
    };
    let (first_line, when) = (last.line, last.when);
    let entry = last.close();
    // jrnl ends the export with a line holding one space.
    if lines.cut_in_a_character() || last_line != " " {
        summary.warnings.push(format!(
            "{} does not end as jrnl ends its Markdown export: the last entry may be cut \
             short ({}, '{}', from line {first_line}). If this file was cut, importing \
             the whole file later completes that entry instead of adding it twice.",
            path.display(),
            when.format("%Y-%m-%d %H:%M"),
            short(&entry.title),
        ));
    }
    out.entry(entry.incoming(true))?;
    summary.entries += 1;
    Ok(summary)
}

/// A title cut to a readable length for messages.
pub(crate) fn short(title: &str) -> String {
    let mut s: String = title.chars().take(40).collect();
    if s.len() < title.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (String, String, bool) {
        split_entry(text)
    }

    #[test]
    fn the_title_is_the_first_line_as_jrnl_reads_it() {
        // What the text after `] ` holds, up to the line end before the next entry.
        assert_eq!(
            split("Long day. Then the rest\nmore\n"),
            ("Long day. Then the rest".into(), "more".into(), false)
        );
        assert_eq!(
            split("Version 1.2 of the plan\nbody\n"),
            ("Version 1.2 of the plan".into(), "body".into(), false)
        );
        assert_eq!(
            split("Ends here.\n"),
            ("Ends here.".into(), String::new(), false)
        );
        // A star ends the first line; stars and spaces around it go.
        assert_eq!(
            split("Good news *\nbody\n"),
            ("Good news".into(), "body".into(), true)
        );
        assert_eq!(
            split("*Good news\nbody\n"),
            ("*Good news".into(), "body".into(), false)
        );
        assert_eq!(
            split("**Bold** start\nbody\n"),
            ("**Bold** start".into(), "body".into(), false)
        );
        // No line end at all (the last entry of a file without one): the first sentence.
        assert_eq!(
            split("Did it work?\" she asked. No"),
            ("Did it work?\"".into(), "she asked. No".into(), false)
        );
        assert_eq!(
            split("Calm (mostly.) Then"),
            ("Calm (mostly.)".into(), "Then".into(), false)
        );
        assert_eq!(split("One line"), ("One line".into(), String::new(), false));
        assert_eq!(split("静か。次"), ("静か。".into(), "次".into(), false));
        // jrnl counts the first line end from the text without its leading white space,
        // and cuts the text itself there: two leading spaces shift the cut by two.
        assert_eq!(
            split("  Title\nbody\n"),
            ("Titl".into(), "e\nbody".into(), false)
        );
        assert_eq!(
            split(" Title\nbody\n"),
            ("Title".into(), "body".into(), false)
        );
    }

    #[test]
    fn earlier_versions_cut_the_title_at_the_first_sentence() {
        assert_eq!(
            earlier_split("Long day. Then the rest\nmore"),
            ("Long day.".into(), "Then the rest\nmore".into(), false)
        );
        assert_eq!(
            earlier_split("*Quiet night\nNothing."),
            ("Quiet night".into(), "Nothing.".into(), true)
        );
    }

    #[test]
    fn the_text_key_ignores_where_the_title_ends_and_markdown_headings() {
        let whole = text_key(
            "Night shift with R. Handover was calm.",
            "The rest.\n\nMore.",
        );
        assert_eq!(
            whole,
            text_key(
                "Night shift with R.",
                "Handover was calm.\nThe rest.\n\nMore."
            )
        );
        let underlined = text_key("T", "Intro\n\nPlan\n====\n\nSteps\n-----\ndo it");
        assert_eq!(
            underlined,
            text_key("T", "Intro\n\n# Plan\n\n## Steps\ndo it")
        );
        // A copy cut short has a prefix of the whole one's, wherever the cut.
        assert!(whole.starts_with(&text_key("Night shift with R. Hand", "")));
        for cut in [
            "Intro\n\nPl",
            "Intro\n\nPlan\n",
            "Intro\n\nPlan\n==",
            "Intro\n\n# Pl",
        ] {
            assert!(underlined.starts_with(&text_key("T", cut)), "{cut:?}");
        }
        assert_ne!(text_key("T", "a b"), text_key("T", "a c"));
    }

    #[test]
    fn tags_follow_jrnls_rule() {
        assert_eq!(
            inline_tags("@Resilience, see a@b.com and @self-care. @ alone (@team)"),
            ["Resilience", "self-care"]
        );
    }

    #[test]
    fn dates_in_every_usual_spelling() {
        for s in [
            "2024-03-05 14:30",
            "2024-03-05 14:30:00",
            "2024-03-05 02:30:00 PM",
            "2024-03-05 02:30 pm",
        ] {
            let d = parse_date(s, None).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(d.to_string(), "2024-03-05 14:30:00", "{s}");
        }
        assert!(parse_date("2024-02-30 10:00", None).is_none());
        assert!(looks_like_date("2024-02-30 10:00"));
        assert!(!looks_like_date("1"));
        assert!(!looks_like_date("2024-01-01 to 2024-02-01"));
        assert_eq!(
            parse_date("05/03/2024 14h30", Some("%d/%m/%Y %Hh%M")).map(|d| d.to_string()),
            Some("2024-03-05 14:30:00".into())
        );
    }

    #[test]
    fn markdown_headings_give_the_date_and_the_title() {
        let h = |l| md_header(l, None).map(|(d, t)| (d.to_string(), t.to_string()));
        assert_eq!(
            h("### 2024-03-05 02:30:00 PM Panel day"),
            Some(("2024-03-05 14:30:00".into(), "Panel day".into()))
        );
        assert_eq!(
            h("### 2024-03-05 14:30 Amazing day"),
            Some(("2024-03-05 14:30:00".into(), "Amazing day".into()))
        );
        assert_eq!(
            h("### 2024-03-05 14:30 "),
            Some(("2024-03-05 14:30:00".into(), String::new()))
        );
        assert_eq!(h("### Notes"), None);
        assert!(is_cut_header("[2024-03-0"));
        assert!(is_cut_header("[2024-03-05 10:00]"));
        assert!(!is_cut_header("[note] text"));
    }
}
