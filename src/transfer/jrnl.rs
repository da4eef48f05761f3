//! jrnl (<https://jrnl.sh>): its plain-text journal file and its `--export json` file.
//!
//! In the text file every entry starts with a line `[DATE] Title…`, the date in the
//! journal's `timeformat` (jrnl's default `%Y-%m-%d %H:%M`; older set-ups and the
//! `%F %r` spelling are read too). The title is the first sentence of that line, the body
//! the rest; a star at either end of the line marks a favourite; `@tags` may stand
//! anywhere. Times are naive local times, taken as UTC.
//!
//! Both files give an entry the same id, so importing the text file and then jrnl's JSON
//! export of it adds nothing the second time.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::{Parsed, TransferError, foreign_entry, json_error};
use crate::model::Entry;
use crate::model::compose::normalise_tag;

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

/// What a line that opens an entry holds: the date text and what follows `] `.
struct Header<'a> {
    blob: &'a str,
    rest: &'a str,
}

/// `[blob] rest` or `[blob]`: the shape of an entry's first line, date or not.
fn header_shape(line: &str) -> Option<Header<'_>> {
    let inner = line.strip_prefix('[')?;
    let close = inner.find(']')?;
    let blob = &inner[..close];
    let after = &inner[close + 1..];
    if blob.trim().is_empty() || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some(Header {
        blob,
        rest: after.strip_prefix(' ').unwrap_or(after),
    })
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

/// Reads a jrnl plain-text journal.
pub fn parse_text(
    path: &Path,
    text: &str,
    time_format: Option<&str>,
) -> Result<Parsed, TransferError> {
    let at = |line: usize, column: usize, reason: String| TransferError::At {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    };
    if let Some(f) = time_format
        && chrono::format::StrftimeItems::new(f).any(|i| matches!(i, chrono::format::Item::Error))
    {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: format!("--time-format '{f}' is not a strftime pattern (e.g. '%Y-%m-%d %H:%M')"),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (line number, date, text of the entry: the rest of its first line, then its lines)
    let mut raw: Vec<(usize, NaiveDateTime, String)> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(h) = header_shape(line) {
            if let Some(when) = parse_date(h.blob, time_format) {
                raw.push((n, when, h.rest.to_string()));
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
                ));
            }
        }
        match raw.last_mut() {
            Some((_, _, t)) => {
                t.push('\n');
                t.push_str(line);
            }
            None if line.trim().is_empty() => {}
            None => {
                return Err(at(
                    n,
                    1,
                    format!(
                        "expected an entry's first line, like '[2024-03-05 14:30] Title' ({})",
                        expected(time_format)
                    ),
                ));
            }
        }
    }
    if raw.is_empty() {
        return Err(TransferError::Invalid {
            path: path.to_path_buf(),
            what: "no jrnl entries in this file (an entry starts with a line like \
                   '[2024-03-05 14:30] Title')"
                .into(),
        });
    }
    let entries = raw
        .into_iter()
        .map(|(_, when, text)| {
            let (title, body, starred) = split_entry(&text);
            let mut tags = inline_tags(&title);
            tags.extend(inline_tags(&body));
            if starred {
                tags.push(STARRED.to_string());
            }
            entry(when, &title, &body, tags)
        })
        .collect();
    Ok(Parsed {
        entries,
        subjects: Vec::new(),
    })
}

fn entry(when: NaiveDateTime, title: &str, body: &str, tags: Vec<String>) -> Entry {
    foreign_entry(TOOL, when.date(), when.and_utc(), title, body, tags)
}

/// Title, body and star of an entry's text, by jrnl's rules: a star at either end of the
/// first line marks a favourite; the title is the first sentence of the first line (up to
/// `.`, `?` or `!`, perhaps a closing quote, then a space), the body everything after it.
fn split_entry(text: &str) -> (String, String, bool) {
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
    let (title, more) = split_sentence(first);
    let body = if more.is_empty() {
        rest.trim().to_string()
    } else {
        format!("{more}\n{rest}").trim().to_string()
    };
    (title.to_string(), body, starred)
}

/// The first sentence of `line` and what follows it.
fn split_sentence(line: &str) -> (&str, &str) {
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

/// `@tags` in `text` by jrnl's rule: `@` at the start or after a space, then letters,
/// digits and `_ - + * # /`; normalised as praxis spells tags.
fn inline_tags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut prev_space = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '@' && prev_space {
            let start = i + 1;
            let mut end = start;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || "_-+*#/".contains(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if end > start
                && let Ok(t) = normalise_tag(&text[start..end])
            {
                tags.push(t);
            }
            prev_space = false;
            continue;
        }
        prev_space = c.is_whitespace();
    }
    tags
}

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

#[derive(Debug, Deserialize)]
struct Export {
    entries: Vec<ExportEntry>,
}

/// Reads jrnl's `--export json` file: `{"tags": {...}, "entries": [{"title", "body",
/// "date", "time", "tags": ["@a"], "starred"}]}`.
pub fn parse_json(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let doc: Export = serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
    let mut entries = Vec::with_capacity(doc.entries.len());
    for (i, e) in doc.entries.into_iter().enumerate() {
        let fail = |reason: String| TransferError::Entry {
            path: path.to_path_buf(),
            index: i + 1,
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
            tags.push(normalise_tag(t).map_err(fail)?);
        }
        if e.starred {
            tags.push(STARRED.to_string());
        }
        entries.push(entry(date.and_time(time), &e.title, &e.body, tags));
    }
    Ok(Parsed {
        entries,
        subjects: Vec::new(),
    })
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

    #[test]
    fn the_title_is_the_first_sentence_of_the_first_line() {
        assert_eq!(
            split_entry("Long day. Then the rest\nmore"),
            ("Long day.".into(), "Then the rest\nmore".into(), false)
        );
        assert_eq!(
            split_entry("Did it work?\" she asked. No\n"),
            ("Did it work?\"".into(), "she asked. No".into(), false)
        );
        assert_eq!(
            split_entry("Version 1.2 of the plan\nbody"),
            ("Version 1.2 of the plan".into(), "body".into(), false)
        );
        assert_eq!(
            split_entry("Ends here."),
            ("Ends here.".into(), String::new(), false)
        );
        assert_eq!(
            split_entry("Good news *\nbody"),
            ("Good news".into(), "body".into(), true)
        );
        assert_eq!(
            split_entry("*Good news\nbody"),
            ("Good news".into(), "body".into(), true)
        );
        assert_eq!(
            split_entry("**Bold** start\nbody"),
            ("**Bold** start".into(), "body".into(), false)
        );
    }

    #[test]
    fn tags_follow_jrnls_rule() {
        assert_eq!(
            inline_tags("@Resilience, see a@b.com and @self-care. @ alone (@team)"),
            ["resilience", "self-care"]
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
}
