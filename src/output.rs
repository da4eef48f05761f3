//! How the CLI prints: colour only on a terminal (and never with NO_COLOR), and nothing
//! that reaches a terminal holds a control character it would act on.
//!
//! Every line for standard output ([`say`], the `say!` macro) and standard error ([`note`],
//! `note!`) goes through [`sanitize`] on its way to a terminal, whatever it holds: journal
//! text, a model's name from the user's files, a config value, a path. praxis's own colours
//! are not written as escape sequences into the line but as marks no text holds (Unicode
//! noncharacters), which become colour codes only after the line was made safe. An export
//! to a terminal goes through [`TerminalSafe`], the same rule for a stream. Written to a
//! file or a pipe, text stays exactly as it is.

use std::borrow::Cow;
use std::fmt;
use std::io::{IsTerminal as _, Write};
use std::sync::OnceLock;

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

    fn paint(&self, paint: Paint, s: &str) -> String {
        if self.color {
            format!("{}{s}{}", paint.mark(), Paint::Reset.mark())
        } else {
            s.to_string()
        }
    }

    #[must_use]
    pub fn bold(&self, s: &str) -> String {
        self.paint(Paint::Bold, s)
    }

    #[must_use]
    pub fn dim(&self, s: &str) -> String {
        self.paint(Paint::Dim, s)
    }

    #[must_use]
    pub fn accent(&self, s: &str) -> String {
        self.paint(Paint::Accent, s)
    }

    #[must_use]
    pub fn warn(&self, s: &str) -> String {
        self.paint(Paint::Warn, s)
    }

    /// Journal text for a block of output: control characters neutralised (and the marks
    /// of praxis's colours, which no text should hold).
    #[must_use]
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        unmarked(sanitize(s))
    }

    /// Journal text for one line of output.
    #[must_use]
    pub fn line<'a>(&self, s: &'a str) -> Cow<'a, str> {
        unmarked(sanitize_line(s))
    }

    /// A search snippet with its matches in bold (or `*starred*` without colour).
    #[must_use]
    pub fn snippet(&self, s: &str) -> String {
        let clean = unmarked(sanitize_line(s));
        let (on, off) = if self.color {
            (Paint::Highlight.mark(), Paint::Reset.mark())
        } else {
            ('*', '*')
        };
        clean
            .replace(HIGHLIGHT_START, &on.to_string())
            .replace(HIGHLIGHT_END, &off.to_string())
    }
}

/// praxis's colours, each marked in a line by a Unicode noncharacter until it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paint {
    Reset,
    Bold,
    Dim,
    Accent,
    Warn,
    Highlight,
}

impl Paint {
    const ALL: [Paint; 6] = [
        Paint::Reset,
        Paint::Bold,
        Paint::Dim,
        Paint::Accent,
        Paint::Warn,
        Paint::Highlight,
    ];

    fn mark(self) -> char {
        match self {
            Paint::Reset => '\u{fdd0}',
            Paint::Bold => '\u{fdd1}',
            Paint::Dim => '\u{fdd2}',
            Paint::Accent => '\u{fdd3}',
            Paint::Warn => '\u{fdd4}',
            Paint::Highlight => '\u{fdd5}',
        }
    }

    fn code(self) -> &'static str {
        match self {
            Paint::Reset => "\u{1b}[0m",
            Paint::Bold => "\u{1b}[1m",
            Paint::Dim => "\u{1b}[2m",
            Paint::Accent => "\u{1b}[36m",
            Paint::Warn => "\u{1b}[33m",
            Paint::Highlight => "\u{1b}[1;33m",
        }
    }
}

fn is_mark(c: char) -> bool {
    Paint::ALL.iter().any(|p| p.mark() == c)
}

/// Text with the marks of praxis's colours replaced: a text holding them must not
/// colour a terminal.
fn unmarked(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.contains(is_mark) {
        Cow::Owned(s.replace(is_mark, "\u{fffd}"))
    } else {
        s
    }
}

/// The marks of praxis's colours turned into the terminal's codes.
fn painted(s: &str) -> Cow<'_, str> {
    if !s.contains(is_mark) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match Paint::ALL.iter().find(|p| p.mark() == c) {
            Some(p) => out.push_str(p.code()),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn stdout_is_terminal() -> bool {
    static IS: OnceLock<bool> = OnceLock::new();
    *IS.get_or_init(|| std::io::stdout().is_terminal())
}

/// Writes a line (or, from `say_raw!`, text) to standard output: made safe when standard
/// output is a terminal, left exactly as it is for a file or a pipe, and coloured where
/// praxis marked it.
pub fn say(args: fmt::Arguments<'_>, newline: bool) -> std::io::Result<()> {
    let mut s = fmt::format(args);
    if newline {
        s.push('\n');
    }
    let safe = if stdout_is_terminal() {
        sanitize(&s)
    } else {
        Cow::Borrowed(s.as_str())
    };
    std::io::stdout()
        .lock()
        .write_all(painted(&safe).as_bytes())
}

/// Writes a message to standard error, made safe: messages may quote what the user wrote
/// (a path, a line of a config file, a model's name). A standard error that is gone (a
/// closed terminal) is not an error of its own.
pub fn note(args: fmt::Arguments<'_>, newline: bool) {
    let mut s = fmt::format(args);
    if newline {
        s.push('\n');
    }
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(sanitize(&s).as_bytes());
    let _ = err.flush();
}

/// A writer for a terminal: what passes through it is made safe by the rule of
/// [`sanitize`], even when a character, or the CR LF that ends a CSV row, is split between
/// two writes. Bytes that are not UTF-8 become U+FFFD.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// The end of the last write that is not a whole character yet (or a CR, until what
    /// follows it says whether it ends a line).
    held: Vec<u8>,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        TerminalSafe {
            inner,
            held: Vec::new(),
        }
    }

    fn pass(&mut self, text: &str) -> std::io::Result<()> {
        // A CR LF ends a line as LF does; a CR alone is shown, not obeyed.
        let text = if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n"))
        } else {
            Cow::Borrowed(text)
        };
        self.inner.write_all(unmarked(sanitize(&text)).as_bytes())
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.held.extend_from_slice(buf);
        let mut bytes = std::mem::take(&mut self.held);
        let mut start = 0;
        loop {
            match std::str::from_utf8(&bytes[start..]) {
                Ok(text) => {
                    // A CR at the very end waits for what follows it.
                    let (now, keep) = match text.strip_suffix('\r') {
                        Some(t) => (t, "\r"),
                        None => (text, ""),
                    };
                    self.pass(now)?;
                    self.held = keep.as_bytes().to_vec();
                    return Ok(buf.len());
                }
                Err(e) => {
                    let valid = start + e.valid_up_to();
                    let text = String::from_utf8_lossy(&bytes[start..valid]);
                    self.pass(&text)?;
                    match e.error_len() {
                        Some(n) => {
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            start = valid + n;
                        }
                        // A character cut short by the end of this write.
                        None => {
                            bytes.drain(..valid);
                            self.held = bytes;
                            return Ok(buf.len());
                        }
                    }
                }
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.held.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.held)).into_owned();
            self.pass(&rest)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything written through a [`TerminalSafe`] in pieces of `step` bytes.
    fn through(bytes: &[u8], step: usize) -> String {
        let mut out = TerminalSafe::new(Vec::new());
        for piece in bytes.chunks(step) {
            out.write_all(piece).unwrap();
        }
        out.flush().unwrap();
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn a_stream_for_a_terminal_is_made_safe_however_it_is_cut() {
        let evil = "Title \u{1b}]52;c;cGF5bG9hZA==\u{7} \u{9b}31m red \u{202e}desrever\u{202c} é😀\r\nrow\rcr\ttab\n";
        let want = "Title ␛]52;c;cGF5bG9hZA==␇ \u{fffd}31m red desrever é😀\nrow␍cr\ttab\n";
        for step in [1, 2, 3, 5, 7, 64, 4096] {
            assert_eq!(
                through(evil.as_bytes(), step),
                want,
                "pieces of {step} bytes"
            );
        }
        // Bytes that are not UTF-8 are shown as U+FFFD, and the rest still made safe.
        assert_eq!(through(b"a\xff\x1bb\xf0\x9f", 1), "a\u{fffd}␛b\u{fffd}");
    }

    #[test]
    fn colour_marks_are_praxis_own_and_never_a_texts() {
        let o = Output {
            color: true,
            terminal: true,
        };
        let line = format!("{} {}", o.bold("Title"), o.line("x\u{fdd1}y\u{1b}[2J"));
        let shown = painted(&sanitize(&line)).into_owned();
        assert_eq!(shown, "\u{1b}[1mTitle\u{1b}[0m x\u{fffd}y␛[2J");
        assert_eq!(Output::plain().bold("Title"), "Title");
    }
}
