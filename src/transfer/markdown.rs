//! A folder of Markdown files, one entry each: `*.md` at any depth, in path order
//! (hidden files and folders left out), each with optional front matter between `---`
//! lines holding `title`, `date` and `tags`. A file that is jrnl's Markdown export is
//! read as that (an entry per heading); praxis's own Markdown export is refused.
//!
//! Without a front-matter title the title is the first `# heading` (taken out of the
//! body when it opens it), else the file name. Without a front-matter date it is the
//! date a file name starts with (`2024-03-05 notes.md`), else the file's modified time.
//! The front matter is read by a small, tolerant parser (no YAML library): one
//! `key: value` a line, quotes optional, tags as `[a, b]`, `a, b` or `- a` lines.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::import::{Halt, Out, Summary};
use super::{Parsed, TransferError, detect, foreign_entry, foreign_id, jrnl, read_text};
use crate::model::compose::normalise_tag;

/// The tool name in content ids.
const TOOL: &str = "markdown";

/// Whether `path` names a Markdown file.
#[must_use]
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Reads one Markdown file into `out`: a note, or jrnl's Markdown export.
pub(crate) fn read_file(
    path: &Path,
    time_format: Option<&str>,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    let mut summary = Summary::default();
    read_one(path, time_format, out, &mut summary)?;
    Ok(summary)
}

fn read_one(
    path: &Path,
    time_format: Option<&str>,
    out: &mut dyn Out,
    summary: &mut Summary,
) -> Result<(), Halt> {
    detect::refuse_export_for_reading(path)?;
    let head = detect::head(path)?;
    if jrnl::is_md_export(&head, time_format) {
        let got = jrnl::read_md(path, super::import::open(path)?, time_format, out)?;
        summary.entries += got.entries;
        summary.warnings.extend(got.warnings);
        return Ok(());
    }
    let text = read_text(path)?;
    for e in parse_file(path, &text)?.entries {
        out.entry(e.into())?;
        summary.entries += 1;
    }
    Ok(())
}

/// Reads every Markdown file under `dir` into `out`, in path order, a folder at a time:
/// memory holds the names of one folder, not the whole tree.
pub(crate) fn read_dir(
    dir: &Path,
    time_format: Option<&str>,
    out: &mut dyn Out,
) -> Result<Summary, Halt> {
    let mut summary = Summary::default();
    let mut files = 0;
    // A linked file is read only if it lies inside the folder: a note linked from
    // elsewhere (`~/.ssh/id_rsa`, `/etc/passwd`) is not a note of this folder.
    let root = dir.canonicalize().map_err(|source| TransferError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut outside = Vec::new();
    walk(dir, &mut |path| {
        if path.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&root) => {}
                Ok(target) => {
                    outside.push(format!(
                        "left out {}: it links to {}, outside the folder (copy the file into the folder to import it)",
                        path.display(),
                        target.display()
                    ));
                    return Ok(());
                }
                Err(_) => return Ok(()),
            }
        }
        files += 1;
        read_one(path, time_format, out, &mut summary)
    })?;
    if files == 0 {
        let linked = match outside.len() {
            0 => String::new(),
            1 => " (one links to a file outside the folder, and was left out)".into(),
            n => format!(" ({n} link to files outside the folder, and were left out)"),
        };
        return Err(TransferError::Invalid {
            path: dir.to_path_buf(),
            what: format!("no Markdown files (*.md) in this folder or below it{linked}"),
        }
        .into());
    }
    summary.warnings.extend(outside);
    Ok(summary)
}

/// The names in one folder, in one buffer: a million names take their own length and
/// twelve bytes each, not a path each.
struct Names {
    bytes: Vec<u8>,
    /// (start, length, is a real folder)
    spans: Vec<(u32, u32, bool)>,
}

impl Names {
    fn name(&self, i: usize) -> &std::ffi::OsStr {
        use std::os::unix::ffi::OsStrExt as _;
        let (start, len, _) = self.spans[i];
        std::ffi::OsStr::from_bytes(&self.bytes[start as usize..(start + len) as usize])
    }
}

/// Calls `each` on every Markdown file under `dir`, in path order (hidden ones left
/// out; linked folders not followed, as they could loop; linked files passed on, for the
/// caller to decide).
fn walk(dir: &Path, each: &mut dyn FnMut(&Path) -> Result<(), Halt>) -> Result<(), Halt> {
    use std::os::unix::ffi::OsStrExt as _;
    let read = |source| TransferError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = Names {
        bytes: Vec::new(),
        spans: Vec::new(),
    };
    for item in std::fs::read_dir(dir).map_err(read)? {
        let item = item.map_err(read)?;
        let name = item.file_name();
        let bytes = name.as_bytes();
        if bytes.starts_with(b".") {
            continue;
        }
        let is_dir = item.file_type().map_err(read)?.is_dir();
        if !is_dir && !is_markdown(Path::new(&name)) {
            continue;
        }
        let (Ok(start), Ok(len)) = (u32::try_from(names.bytes.len()), u32::try_from(bytes.len()))
        else {
            return Err(read(std::io::Error::other("too many names in one folder")).into());
        };
        names.bytes.extend_from_slice(bytes);
        names.spans.push((start, len, is_dir));
    }
    let mut order: Vec<u32> = (0..u32::try_from(names.spans.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by(|a, b| names.name(*a as usize).cmp(names.name(*b as usize)));
    for i in order {
        let i = i as usize;
        let path = dir.join(names.name(i));
        if names.spans[i].2 {
            walk(&path, each)?;
        } else if path.is_file() {
            each(&path)?;
        }
    }
    Ok(())
}

/// What the front matter said.
#[derive(Debug, Default)]
struct Front {
    title: Option<String>,
    /// The day as written, and the instant (UTC).
    date: Option<(NaiveDate, DateTime<Utc>)>,
    tags: Vec<String>,
}

/// Reads one Markdown file as one entry.
pub fn parse_file(path: &Path, text: &str) -> Result<Parsed, TransferError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let (front, body_start) = if lines.first().is_some_and(|l| l.trim_end() == "---") {
        let close = lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
            .ok_or_else(|| TransferError::At {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                reason: "the front matter opened here is never closed with a '---' line".into(),
            })?
            + 1;
        (front_matter(path, &lines[1..close])?, close + 1)
    } else {
        (Front::default(), 0)
    };
    let mut body_lines: Vec<&str> = lines[body_start.min(lines.len())..].to_vec();
    while body_lines.first().is_some_and(|l| l.trim().is_empty()) {
        body_lines.remove(0);
    }
    let opening = body_lines.first().and_then(|l| heading(l));
    let title = match (&front.title, opening) {
        (Some(t), Some(h)) if *t == h => {
            body_lines.remove(0);
            t.clone()
        }
        (Some(t), _) => t.clone(),
        (None, Some(h)) => {
            body_lines.remove(0);
            h
        }
        (None, None) => first_heading(&body_lines).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        }),
    };
    let body = body_lines.join("\n");
    let body = body.trim_start_matches(['\n', '\r']).trim_end();
    let (on, at) = match front.date {
        Some(d) => d,
        None => match name_date(path) {
            Some(d) => (d, d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()),
            None => modified(path)?,
        },
    };
    Ok(Parsed {
        entries: vec![foreign_entry(
            foreign_id(TOOL, at, &title, body),
            on,
            at,
            title,
            body.to_string(),
            front.tags,
        )],
        subjects: Vec::new(),
    })
}

/// `# Title` (a level-one ATX heading) → `Title`.
fn heading(line: &str) -> Option<String> {
    let l = line.trim_start_matches(' ');
    if line.len() - l.len() > 3 {
        return None;
    }
    let t = l.strip_prefix("# ")?.trim();
    let t = t.trim_end_matches('#').trim_end();
    (!t.is_empty()).then(|| t.to_string())
}

/// The first level-one heading outside fenced code.
fn first_heading(lines: &[&str]) -> Option<String> {
    let mut fence: Option<&str> = None;
    for l in lines {
        let t = l.trim_start();
        match fence {
            Some(f) if t.starts_with(f) => fence = None,
            Some(_) => {}
            None if t.starts_with("```") => fence = Some("```"),
            None if t.starts_with("~~~") => fence = Some("~~~"),
            None => {
                if let Some(h) = heading(l) {
                    return Some(h);
                }
            }
        }
    }
    None
}

/// A date a file name starts with: `2024-03-05.md`, `2024-03-05 notes.md`.
fn name_date(path: &Path) -> Option<NaiveDate> {
    let stem = path.file_stem()?.to_str()?;
    let head = stem.get(..10)?;
    if stem[10..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The file's modified time: the instant, and its date where the journal is.
fn modified(path: &Path) -> Result<(NaiveDate, DateTime<Utc>), TransferError> {
    let t = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_err(|source| TransferError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    let at = DateTime::<Utc>::from(t);
    let at = DateTime::from_timestamp(at.timestamp(), 0).unwrap_or(at);
    Ok((at.with_timezone(&chrono::Local).date_naive(), at))
}

/// Reads the lines between the `---` lines (the first is the file's line 2).
fn front_matter(path: &Path, lines: &[&str]) -> Result<Front, TransferError> {
    let mut front = Front::default();
    let mut key = String::new();
    for (i, raw) in lines.iter().enumerate() {
        let n = i + 2;
        let fail = |column: usize, reason: String| TransferError::At {
            path: path.to_path_buf(),
            line: n,
            column,
            reason,
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if raw.starts_with([' ', '\t', '-']) {
            // A list item (`- a`) belongs to the key above it; other indented lines
            // continue a key this parser does not read.
            if key == "tags"
                && let Some(item) = trimmed.strip_prefix('-')
            {
                push_tag(&mut front.tags, item).map_err(|r| fail(1, r))?;
            }
            continue;
        }
        let Some((k, v)) = raw.split_once(':') else {
            return Err(fail(
                1,
                format!("expected 'key: value' in the front matter, found '{trimmed}'"),
            ));
        };
        key = k.trim().to_lowercase();
        let value = unquote(v.trim());
        let column = raw.len() - v.trim_start().len() + 1;
        match key.as_str() {
            "title" if !value.is_empty() => front.title = Some(value.to_string()),
            "date" if !value.is_empty() => {
                front.date = Some(parse_date(value).ok_or_else(|| {
                    fail(
                        column,
                        format!(
                            "date '{value}' is not a date (expected YYYY-MM-DD, optionally \
                             with a time: 2024-03-05 14:30 or 2024-03-05T14:30:00Z)"
                        ),
                    )
                })?);
            }
            "tags" | "tag" => {
                key = "tags".into();
                let list = value
                    .strip_prefix('[')
                    .map_or(value, |v| v.strip_suffix(']').unwrap_or(v));
                for item in list.split(',') {
                    push_tag(&mut front.tags, item).map_err(|r| fail(column, r))?;
                }
            }
            _ => {}
        }
    }
    Ok(front)
}

fn push_tag(tags: &mut Vec<String>, item: &str) -> Result<(), String> {
    let item = unquote(item.trim());
    if item.trim_start_matches('#').trim().is_empty() {
        return Ok(());
    }
    tags.push(normalise_tag(item)?);
    Ok(())
}

/// `"text"` or `'text'` → `text`.
fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// `YYYY-MM-DD`, perhaps with a time (`T` or a space, then `HH:MM`, seconds optional)
/// and an offset (`Z`, `+01:00`). The day is the date as written; the instant is UTC
/// (a time without an offset is taken as UTC).
fn parse_date(v: &str) -> Option<(NaiveDate, DateTime<Utc>)> {
    let v = v.trim();
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some((d, d.and_hms_opt(0, 0, 0)?.and_utc()));
    }
    let zoned = v
        .strip_suffix(['Z', 'z'])
        .map_or_else(|| v.to_string(), |s| format!("{s}+00:00"));
    for sep in ['T', ' '] {
        for secs in [":%S%.f", ""] {
            let naive = format!("%Y-%m-%d{sep}%H:%M{secs}");
            if let Ok(t) = NaiveDateTime::parse_from_str(v, &naive) {
                return Some((t.date(), t.and_utc()));
            }
            for zone in ["%:z", "%z", " %:z", " %z"] {
                if let Ok(t) = DateTime::parse_from_str(&zoned, &format!("{naive}{zone}")) {
                    return Some((t.date_naive(), t.to_utc()));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_and_without_times_and_offsets() {
        let d = |s| parse_date(s).map(|(d, t)| format!("{d} {}", t.to_rfc3339()));
        assert_eq!(
            d("2024-03-05").as_deref(),
            Some("2024-03-05 2024-03-05T00:00:00+00:00")
        );
        assert_eq!(
            d("2024-03-05 14:30").as_deref(),
            Some("2024-03-05 2024-03-05T14:30:00+00:00")
        );
        assert_eq!(
            d("2024-03-05T14:30:10Z").as_deref(),
            Some("2024-03-05 2024-03-05T14:30:10+00:00")
        );
        assert_eq!(
            d("2024-03-05T00:30:00+01:00").as_deref(),
            Some("2024-03-05 2024-03-04T23:30:00+00:00")
        );
        assert_eq!(
            d("2024-03-05 00:30 +0100").as_deref(),
            Some("2024-03-05 2024-03-04T23:30:00+00:00")
        );
        assert_eq!(d("2024-02-30"), None);
        assert_eq!(d("March 5th"), None);
    }

    #[test]
    fn headings_and_file_name_dates() {
        assert_eq!(heading("# Title #").as_deref(), Some("Title"));
        assert_eq!(heading("## Sub"), None);
        assert_eq!(heading("#tag"), None);
        assert_eq!(
            name_date(Path::new("a/2024-03-05 notes.md")),
            NaiveDate::from_ymd_opt(2024, 3, 5)
        );
        assert_eq!(name_date(Path::new("2024-03-051.md")), None);
        assert_eq!(name_date(Path::new("notes.md")), None);
    }
}
