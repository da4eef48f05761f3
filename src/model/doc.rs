//! The Markdown document every entry kind is written in through `$EDITOR`: a small
//! `key: value` header between `---` lines, then one `## Heading` per section with its
//! prompts as comments. One parser serves every kind; callers validate the values.

use std::fmt::Write as _;

/// Which header keys and section headings a document may have.
#[derive(Debug, Clone, Default)]
pub struct DocumentSpec {
    pub header_keys: Vec<String>,
    /// (key, label) of each section; a heading matches either, ignoring case.
    pub sections: Vec<(String, String)>,
    /// The comment lines praxis itself wrote (hints and prompts, see [`comment_lines`]):
    /// only these are left out when reading back, so comments the writer typed are kept.
    /// Empty: every whole-line comment is left out.
    pub own_comments: Vec<String>,
}

/// A header line as written, with its line number for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// A section as written: its key, text without prompt comments, and heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSection {
    pub key: String,
    pub text: String,
    pub line: usize,
}

/// A parsed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub header: Vec<HeaderLine>,
    /// Text before the first section heading (all text, when there are no sections).
    pub body: String,
    pub body_line: usize,
    pub sections: Vec<DocSection>,
}

/// Why a document could not be read, and on which line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct DocError {
    pub line: usize,
    pub message: String,
}

impl DocError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        DocError {
            line,
            message: message.into(),
        }
    }
}

impl Document {
    /// Parses `text` against `spec`.
    pub fn parse(text: &str, spec: &DocumentSpec) -> Result<Document, DocError> {
        let lines: Vec<&str> = text.lines().collect();
        let mut doc = Document::default();
        let mut i = 0;
        // Skip blank lines before a header.
        while i < lines.len() && lines[i].trim().is_empty() {
            i += 1;
        }
        if !spec.header_keys.is_empty() && lines.get(i).is_some_and(|l| l.trim() == "---") {
            let open = i + 1;
            i += 1;
            loop {
                let Some(line) = lines.get(i) else {
                    return Err(DocError::new(
                        open,
                        "the header opened with '---' is never closed: add a line '---' after it",
                    ));
                };
                let n = i + 1;
                i += 1;
                let t = line.trim();
                if t == "---" {
                    break;
                }
                if t.is_empty() || is_comment(t) {
                    continue;
                }
                let Some((key, value)) = t.split_once(':') else {
                    return Err(DocError::new(
                        n,
                        format!("expected 'key: value' in the header, found '{t}'"),
                    ));
                };
                let key = key.trim().to_lowercase();
                if !spec.header_keys.contains(&key) {
                    return Err(DocError::new(
                        n,
                        format!(
                            "unknown header '{key}': expected one of {}",
                            spec.header_keys.join(", ")
                        ),
                    ));
                }
                if let Some(prev) = doc.header.iter().find(|h| h.key == key) {
                    return Err(DocError::new(
                        n,
                        format!("header '{key}' is given twice (also on line {})", prev.line),
                    ));
                }
                doc.header.push(HeaderLine {
                    key,
                    value: value.trim().to_string(),
                    line: n,
                });
            }
        }
        doc.body_line = i + 1;
        let mut current: Option<(String, usize)> = None;
        let mut buf: Vec<&str> = Vec::new();
        for (idx, line) in lines.iter().enumerate().skip(i) {
            let n = idx + 1;
            if let Some(key) = heading_key(line, spec) {
                doc.flush(current.take(), &buf);
                buf.clear();
                if let Some(prev) = doc.sections.iter().find(|s| s.key == key) {
                    return Err(DocError::new(
                        n,
                        format!(
                            "section '{key}' appears twice (also on line {}): merge the two",
                            prev.line
                        ),
                    ));
                }
                current = Some((key, n));
                continue;
            }
            if is_own_comment(line.trim(), spec) {
                continue;
            }
            buf.push(line);
        }
        doc.flush(current, &buf);
        Ok(doc)
    }

    fn flush(&mut self, current: Option<(String, usize)>, buf: &[&str]) {
        let text = trim_blank_lines(buf);
        match current {
            Some((key, line)) => self.sections.push(DocSection { key, text, line }),
            None => self.body = text,
        }
    }

    #[must_use]
    pub fn header(&self, key: &str) -> Option<&HeaderLine> {
        self.header.iter().find(|h| h.key == key)
    }

    #[must_use]
    pub fn section(&self, key: &str) -> Option<&DocSection> {
        self.sections.iter().find(|s| s.key == key)
    }
}

fn is_comment(t: &str) -> bool {
    t.starts_with("<!--") && t.ends_with("-->")
}

fn is_own_comment(t: &str, spec: &DocumentSpec) -> bool {
    is_comment(t) && (spec.own_comments.is_empty() || spec.own_comments.iter().any(|c| c == t))
}

/// The whole-line comments of a rendered document, trimmed: what a [`DocumentSpec`] needs
/// to tell praxis's prompts from the writer's own comments.
#[must_use]
pub fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|t| is_comment(t))
        .map(str::to_string)
        .collect()
}

fn heading_key(line: &str, spec: &DocumentSpec) -> Option<String> {
    let title = line.strip_prefix("## ")?.trim();
    spec.sections
        .iter()
        .find(|(key, label)| title.eq_ignore_ascii_case(label) || title.eq_ignore_ascii_case(key))
        .map(|(key, _)| key.clone())
}

fn trim_blank_lines(lines: &[&str]) -> String {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        // Lines are kept as written: trailing spaces are a Markdown line break.
        (Some(s), Some(e)) => lines[s..=e].join("\n"),
        _ => String::new(),
    }
}

/// A section to render: heading label, prompts (as comments) and current text.
#[derive(Debug, Clone)]
pub struct RenderSection<'a> {
    pub label: &'a str,
    pub prompts: &'a [String],
    pub text: &'a str,
}

/// Renders a document that [`Document::parse`] reads back to the same values.
#[must_use]
pub fn render_document(
    header: &[(&str, String)],
    intro: &[String],
    body: &str,
    sections: &[RenderSection<'_>],
) -> String {
    let mut out = String::new();
    if !header.is_empty() {
        out.push_str("---\n");
        for (k, v) in header {
            let _ = writeln!(out, "{k}: {v}");
        }
        out.push_str("---\n");
    }
    for line in intro {
        let _ = writeln!(out, "<!-- {} -->", comment_safe(line));
    }
    if !body.is_empty() || sections.is_empty() {
        out.push('\n');
        out.push_str(body);
        out.push('\n');
    }
    for s in sections {
        let _ = write!(out, "\n## {}\n", s.label);
        for p in s.prompts {
            let _ = writeln!(out, "<!-- {} -->", comment_safe(p));
        }
        if !s.text.is_empty() {
            out.push_str(s.text);
            out.push('\n');
        }
    }
    out
}

fn comment_safe(s: &str) -> String {
    s.replace("-->", "—>").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> DocumentSpec {
        DocumentSpec {
            header_keys: vec!["title".into(), "date".into()],
            sections: vec![
                ("description".into(), "Description".into()),
                ("action-plan".into(), "Action plan".into()),
            ],
            own_comments: Vec::new(),
        }
    }

    #[test]
    fn only_praxis_comments_are_dropped_when_it_names_them() {
        let prompts = vec!["What happened?".to_string()];
        let sections = [RenderSection {
            label: "Description",
            prompts: &prompts,
            text: "",
        }];
        let skeleton = render_document(&[], &["Write below.".into()], "", &sections);
        let own = comment_lines(&skeleton);
        assert_eq!(own, ["<!-- Write below. -->", "<!-- What happened? -->"]);
        let written = skeleton.replace(
            "<!-- What happened? -->\n",
            "<!-- What happened? -->\nWe talked.  \n<!-- my own note -->\n",
        );
        let doc = Document::parse(
            &written,
            &DocumentSpec {
                own_comments: own,
                ..spec()
            },
        )
        .unwrap();
        assert_eq!(
            doc.section("description").unwrap().text,
            "We talked.  \n<!-- my own note -->"
        );
        // Without the list, every comment line is taken for a prompt.
        let doc = Document::parse(&written, &spec()).unwrap();
        assert_eq!(doc.section("description").unwrap().text, "We talked.  ");
    }

    #[test]
    fn round_trip_keeps_values_and_drops_prompts() {
        let prompts = vec!["What happened?".to_string()];
        let text = render_document(
            &[("title", "A shift".into()), ("date", "2026-03-14".into())],
            &["Write below each heading.".into()],
            "",
            &[
                RenderSection {
                    label: "Description",
                    prompts: &prompts,
                    text: "We talked.\n\n## Not a section\nStill talking.",
                },
                RenderSection {
                    label: "Action plan",
                    prompts: &[],
                    text: "- [ ] call back",
                },
            ],
        );
        let doc = Document::parse(&text, &spec()).unwrap();
        assert_eq!(doc.header("title").unwrap().value, "A shift");
        assert_eq!(doc.header("date").unwrap().line, 3);
        assert_eq!(doc.body, "");
        assert_eq!(
            doc.section("description").unwrap().text,
            "We talked.\n\n## Not a section\nStill talking."
        );
        assert_eq!(doc.section("action-plan").unwrap().text, "- [ ] call back");
    }

    #[test]
    fn errors_name_the_line() {
        let err = Document::parse("---\ntitle: x\nmood 3\n---\n", &spec()).unwrap_err();
        assert_eq!(err.line, 3);
        let err = Document::parse("---\ncolour: red\n---\n", &spec()).unwrap_err();
        assert!(err.message.contains("expected one of title, date"), "{err}");
        let err = Document::parse("---\ntitle: x\n", &spec()).unwrap_err();
        assert_eq!(err.line, 1);
        let err = Document::parse("## Description\na\n## description\nb\n", &spec()).unwrap_err();
        assert_eq!((err.line, err.message.contains("line 1")), (3, true));
    }

    #[test]
    fn text_without_header_is_all_body() {
        let doc = Document::parse("\n\nJust words\n--- not a header\n", &spec()).unwrap();
        assert_eq!(doc.body, "Just words\n--- not a header");
        assert!(doc.header.is_empty());
    }
}
