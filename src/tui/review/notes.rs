//! The reviewer's notes file: Markdown with one `## <person>` section each, kept apart
//! from any journal, read back when a review is reopened and written atomically (0600).
//!
//! Saving re-reads the file and replaces only the sections written in this session, so
//! other people's notes, text before the first heading and anything else in the file
//! are kept as they were.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

/// The notes file praxis suggests when `--notes` is not given: `review-notes.md` in the
/// folder of the first summary, where the summaries usually are.
#[must_use]
pub fn default_path(first_summary: &Path) -> PathBuf {
    first_summary
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join("review-notes.md")
}

/// What a new notes file starts with.
const PREAMBLE: &str = "# Review notes\n\n\
Written in `praxis review`, one section per person. Kept apart from any journal.\n\n";

/// One `## name` section: its heading and body exactly as in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Section {
    name: String,
    heading: String,
    body: String,
}

/// A notes file, parsed losslessly: rendering an untouched file gives it back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesDoc {
    preamble: String,
    sections: Vec<Section>,
}

/// The name of a heading line (`## Alex` → `Alex`), if it is a level-two heading.
fn heading_name(line: &str) -> Option<&str> {
    line.trim_end_matches(['\n', '\r'])
        .strip_prefix("## ")
        .map(str::trim)
}

/// Lines of a body that would read as a heading get one more backslash in front, so the
/// notes stay one section; [`unescape`] takes it off again.
fn escape(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start_matches('\\').starts_with("## ") {
                format!("\\{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn unescape(body: &str) -> String {
    body.lines()
        .map(|l| {
            let unslashed = l.trim_start_matches('\\');
            if unslashed.len() < l.len() && unslashed.starts_with("## ") {
                &l[1..]
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl NotesDoc {
    /// Parses notes text (anything is accepted: a file without headings is all preamble).
    #[must_use]
    pub fn parse(text: &str) -> NotesDoc {
        let mut doc = NotesDoc::default();
        for line in text.split_inclusive('\n') {
            if let Some(name) = heading_name(line) {
                doc.sections.push(Section {
                    name: name.to_string(),
                    heading: line.to_string(),
                    body: String::new(),
                });
            } else if let Some(s) = doc.sections.last_mut() {
                s.body.push_str(line);
            } else {
                doc.preamble.push_str(line);
            }
        }
        doc
    }

    /// Reads the notes file; a file that does not exist yet is an empty document.
    pub fn load(path: &Path) -> Result<NotesDoc> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    anyhow::anyhow!(
                        "the notes file {} is not UTF-8 text: choose another with --notes",
                        path.display()
                    )
                })?;
                Ok(NotesDoc::parse(&text))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(NotesDoc::default()),
            Err(e) => Err(e).with_context(|| {
                format!(
                    "cannot read the notes file {} (choose another with --notes)",
                    path.display()
                )
            }),
        }
    }

    /// The notes under `name`'s heading (the first, if there are several), as written.
    #[must_use]
    pub fn notes(&self, name: &str) -> Option<String> {
        self.sections
            .iter()
            .find(|s| s.name == name)
            .map(|s| unescape(s.body.trim_start_matches(['\n', '\r']).trim_end()))
    }

    /// Replaces the notes under `name`'s heading, adding the section at the end if the
    /// file has none yet.
    pub fn set(&mut self, name: &str, text: &str) {
        let body = format!("\n{}\n\n", escape(text.trim_end()));
        if let Some(s) = self.sections.iter_mut().find(|s| s.name == name) {
            s.body = body;
            return;
        }
        if self.sections.is_empty() && self.preamble.trim().is_empty() {
            self.preamble = PREAMBLE.to_string();
        }
        // The new heading starts a paragraph of its own.
        let before = match self.sections.last_mut() {
            Some(s) => &mut s.body,
            None => &mut self.preamble,
        };
        if !before.is_empty() && !before.ends_with("\n\n") {
            before.push_str(if before.ends_with('\n') { "\n" } else { "\n\n" });
        }
        self.sections.push(Section {
            name: name.to_string(),
            heading: format!("## {name}\n"),
            body,
        });
    }

    /// The file's text.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = self.preamble.clone();
        for s in &self.sections {
            out.push_str(&s.heading);
            if !s.heading.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&s.body);
        }
        let trimmed = out.trim_end_matches(['\n', ' ']).len();
        out.truncate(trimmed);
        out.push('\n');
        out
    }

    /// Writes the notes of `changed` (name, text) into the file at `path`: the file as
    /// it is now is read again, so only these sections change. Written to a private
    /// temporary file and renamed into place (0600).
    pub fn save(path: &Path, changed: &[(String, String)]) -> Result<()> {
        let mut doc = NotesDoc::load(path)?;
        for (name, text) in changed {
            doc.set(name, text);
        }
        let text = doc.render();
        crate::files::write_atomically(path, true, |out| {
            out.write_all(text.as_bytes())?;
            Ok(())
        })
        .with_context(|| format!("cannot save the notes to {}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untouched_file_renders_back_as_it_was() {
        let text = "# Mine\n\nintro\n\n## Alex\n\nFirst.\nSecond.\n\n## Sam\n\n- a\n- b\n";
        assert_eq!(NotesDoc::parse(text).render(), text);
        let doc = NotesDoc::parse(text);
        assert_eq!(doc.notes("Alex").unwrap(), "First.\nSecond.");
        assert_eq!(doc.notes("Sam").unwrap(), "- a\n- b");
        assert_eq!(doc.notes("Jo"), None);
    }

    #[test]
    fn setting_replaces_one_section_and_appends_new_ones() {
        let mut doc = NotesDoc::parse("intro\n## Alex\nold\n## Sam\nkeep\n");
        doc.set("Alex", "new\nlines");
        doc.set("Jo", "hello");
        assert_eq!(
            doc.render(),
            "intro\n## Alex\n\nnew\nlines\n\n## Sam\nkeep\n\n## Jo\n\nhello\n"
        );
        let mut empty = NotesDoc::default();
        empty.set("Alex", "hi");
        assert!(empty.render().starts_with("# Review notes\n"));
        assert_eq!(
            NotesDoc::parse(&empty.render()).notes("Alex").unwrap(),
            "hi"
        );
    }

    #[test]
    fn a_heading_typed_in_the_notes_stays_inside_them() {
        for text in ["## not a heading", "\\## slashed", "a\n## b\n\\\\## c\nd"] {
            let mut doc = NotesDoc::default();
            doc.set("Alex", text);
            let back = NotesDoc::parse(&doc.render());
            assert_eq!(back.notes("Alex").unwrap(), text);
            assert_eq!(back.sections.len(), 1);
        }
    }

    #[test]
    fn the_default_is_beside_the_first_summary() {
        assert_eq!(
            default_path(Path::new("/x/alex.json")),
            Path::new("/x/review-notes.md")
        );
        assert_eq!(
            default_path(Path::new("alex.json")),
            Path::new("./review-notes.md")
        );
    }
}
