//! How the CLI prints: colour only on a terminal (and never with NO_COLOR), journal text
//! always neutralised before it reaches a terminal.

use std::borrow::Cow;
use std::io::IsTerminal as _;

use crate::cli::ColorChoice;
use crate::model::text::{sanitize, sanitize_line};
use crate::store::{HIGHLIGHT_END, HIGHLIGHT_START};

/// Pretty JSON for standard output. serde_json escapes the C0 controls; DEL and the C1
/// controls (U+0080–U+009F, which some terminals act on: U+009B is CSI) are escaped as
/// well, so no control character of journal text reaches a terminal raw. The JSON still
/// reads back to exactly the same text.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let s = serde_json::to_string_pretty(value)?;
    let raw = |c: char| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c);
    if !s.contains(raw) {
        return Ok(s);
    }
    // Such characters can only be inside JSON strings, where an escape means the same.
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Output settings for this run.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub color: bool,
    pub terminal: bool,
}

impl Output {
    #[must_use]
    pub fn new(choice: ColorChoice) -> Self {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color && !dumb,
        };
        Output { color, terminal }
    }

    /// Plain output, as when piped.
    #[must_use]
    pub fn plain() -> Self {
        Output {
            color: false,
            terminal: false,
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }

    #[must_use]
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    #[must_use]
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }

    #[must_use]
    pub fn accent(&self, s: &str) -> String {
        self.paint("36", s)
    }

    #[must_use]
    pub fn warn(&self, s: &str) -> String {
        self.paint("33", s)
    }

    /// Journal text for a block of output: control characters neutralised.
    #[must_use]
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        sanitize(s)
    }

    /// Journal text for one line of output.
    #[must_use]
    pub fn line<'a>(&self, s: &'a str) -> Cow<'a, str> {
        sanitize_line(s)
    }

    /// A search snippet with its matches in bold (or `*starred*` without colour).
    #[must_use]
    pub fn snippet(&self, s: &str) -> String {
        let clean = sanitize_line(s);
        let (on, off) = if self.color {
            ("\u{1b}[1;33m", "\u{1b}[0m")
        } else {
            ("*", "*")
        };
        clean
            .replace(HIGHLIGHT_START, on)
            .replace(HIGHLIGHT_END, off)
    }
}
