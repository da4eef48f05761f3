//! Drawing pieces both full-screen apps use: bordered blocks, a window in the middle of
//! the screen, the "too small" screen, text wrapped to a width, and the keys help, which
//! is generated from the keymap in force.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::keymap::{Bindable, Group as _, Keymap};
use super::theme::Theme;
use crate::model::text::{pad, truncate, width};
use crate::model::{StrengthTag, Whose};

/// A bordered block with a title; the focused one's border stands out.
#[must_use]
pub fn block<'a>(t: &Theme, title: impl std::fmt::Display, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(format!(" {title} "), t.title))
}

/// A `w`×`h` rectangle in the middle of `area`, kept inside it.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// When the terminal is smaller than `min` (width, height), says so in place of the
/// screen and returns true: `what` ("praxis", "praxis review") names who needs the room.
pub fn too_small(f: &mut Frame<'_>, what: &str, min: (u16, u16)) -> bool {
    let size = f.area();
    if size.width >= min.0 && size.height >= min.1 {
        return false;
    }
    let msg = format!(
        "{what} needs at least {}×{}; this terminal is {}×{}.\nMake it larger, or press ctrl-q to quit.",
        min.0, min.1, size.width, size.height
    );
    f.render_widget(
        Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        size,
    );
    true
}

/// Breaks text into lines of at most `cols` cells, at spaces where it can.
#[must_use]
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut cur = String::new();
        for word in para.split_inclusive(' ') {
            let wide = width(word.trim_end());
            let used = width(&cur);
            if used + wide <= cols || cur.is_empty() && wide <= cols {
                cur.push_str(word);
                continue;
            }
            if wide <= cols {
                out.push(cur.trim_end().to_string());
                cur = word.to_string();
                continue;
            }
            // A word longer than a line: cut it where it must be cut.
            for ch in word.chars() {
                let mut next = cur.clone();
                next.push(ch);
                if width(next.trim_end()) > cols && !cur.is_empty() {
                    out.push(cur.trim_end().to_string());
                    cur = ch.to_string();
                } else {
                    cur = next;
                }
            }
        }
        out.push(cur.trim_end().to_string());
    }
    out
}

/// How far a line's wrapped rows are indented: under its text, past its leading spaces
/// and a list mark (`- `, `[ ] `, `⚑ `, `3. `), so no wrapped row starts at column 0
/// or with a space.
fn hanging_indent(text: &str) -> usize {
    let lead = text.len() - text.trim_start_matches(' ').len();
    let rest = &text[lead..];
    let mark = ["- ", "[ ] ", "[x] ", "[~] ", "⚑ ", "• "]
        .iter()
        .find(|m| rest.starts_with(**m))
        .map(|m| width(m))
        .or_else(|| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            (digits > 0 && rest[digits..].starts_with(". ")).then_some(digits + 2)
        })
        .unwrap_or(0);
    lead + mark
}

/// A styled line broken at spaces into rows of at most `cols` cells, each wrapped row
/// indented under the text (see [`hanging_indent`]) and never starting with a space.
#[must_use]
pub fn wrap_line(line: &Line<'static>, cols: usize) -> Vec<Line<'static>> {
    let cols = cols.max(1);
    let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width(&plain) <= cols {
        return vec![line.clone()];
    }
    let indent = hanging_indent(&plain).min(cols / 2);
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for span in &line.spans {
        for word in span.content.split_inclusive(' ') {
            let wide = width(word.trim_end());
            if used > indent && used + wide > cols {
                rows.push(vec![Span::raw(" ".repeat(indent))]);
                used = indent;
            }
            let word = if used == indent && rows.len() > 1 {
                word.trim_start()
            } else {
                word
            };
            // A word longer than a row is cut where it must be.
            let mut rest = word.to_string();
            while used + width(rest.trim_end()) > cols && width(&rest) > cols - used {
                let fit = truncate_plain(&rest, cols - used);
                if fit.is_empty() {
                    break;
                }
                rest = rest[fit.len()..].to_string();
                if let Some(r) = rows.last_mut() {
                    r.push(Span::styled(fit, span.style));
                }
                rows.push(vec![Span::raw(" ".repeat(indent))]);
                used = indent;
            }
            used += width(&rest);
            if let Some(r) = rows.last_mut() {
                r.push(Span::styled(rest, span.style));
            }
        }
    }
    rows.into_iter()
        .map(|mut r| {
            // A row ends at its last word, not at the space after it.
            if let Some(last) = r.last_mut() {
                let kept = last.content.trim_end().len();
                if kept < last.content.len() {
                    last.content = last.content[..kept].to_string().into();
                }
            }
            Line::from(r).style(line.style)
        })
        .collect()
}

/// The longest start of `text` at most `cols` cells wide.
fn truncate_plain(text: &str, cols: usize) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        out.push(ch);
        if width(&out) > cols {
            out.pop();
            break;
        }
    }
    out
}

/// Lines wrapped for an area `cols` wide (see [`wrap_line`]).
#[must_use]
pub fn wrap_lines(lines: &[Line<'static>], cols: usize) -> Vec<Line<'static>> {
    lines.iter().flat_map(|l| wrap_line(l, cols)).collect()
}

/// Pieces of a line (each a few spans) laid out left to right, two spaces apart, on at
/// most `rows` lines of `cols` cells: a piece that does not fit on a line starts the next,
/// a piece wider than a line is shortened, and when the rows run out the last one ends
/// in `…`. Nothing is cut mid-word by the screen's edge.
#[must_use]
pub fn flow(
    pieces: Vec<Vec<Span<'static>>>,
    cols: usize,
    rows: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let piece_width = |p: &[Span<'_>]| p.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    let mut more = false;
    for mut piece in pieces {
        let mut w = piece_width(&piece);
        if w > cols {
            piece = shorten(piece, cols);
            w = piece_width(&piece);
        }
        let gap = if used == 0 { 0 } else { 2 };
        if used + gap + w > cols {
            if lines.len() == rows.max(1) {
                more = true;
                break;
            }
            lines.push(Vec::new());
            used = 0;
        } else if gap > 0 {
            if let Some(line) = lines.last_mut() {
                line.push(Span::raw("  "));
            }
            used += gap;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.extend(piece);
        }
    }
    if more && let Some(line) = lines.last_mut() {
        if used + 2 > cols {
            let cut = shorten(std::mem::take(line), cols.saturating_sub(2));
            *line = cut;
        }
        line.push(Span::styled(" …", t.dim));
    }
    lines.into_iter().map(Line::from).collect()
}

/// Spans shortened to `cols` cells, the last one kept ending in `…`.
fn shorten(spans: Vec<Span<'static>>, cols: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut left = cols;
    for s in spans {
        if left == 0 {
            break;
        }
        let w = width(&s.content);
        if w <= left {
            left -= w;
            out.push(s);
        } else {
            let cut = truncate(&s.content, left).into_owned();
            left = 0;
            out.push(Span::styled(cut, s.style));
        }
    }
    out
}

/// A window over the screen: `lines` in a bordered box of at most `w`×`h` in the middle,
/// wrapped when they are prose (`wrap`), cut when they are a list.
#[allow(clippy::too_many_arguments)]
pub fn window(
    f: &mut Frame<'_>,
    t: &Theme,
    size: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    w: u16,
    h: u16,
    wrap: bool,
) {
    let area = centered(size, w, h);
    f.render_widget(Clear, area);
    let b = block(t, title, true);
    let inner = b.inner(area);
    f.render_widget(b, area);
    // Prose wraps under its text (never a row starting with a space or back at the
    // edge under a list mark); a list is cut at the window's edge.
    let lines = if wrap {
        wrap_lines(&lines, usize::from(inner.width))
    } else {
        lines
    };
    f.render_widget(Paragraph::new(lines), inner);
}

/// Strength tags as the lists show them: `listening, teamwork:team`.
#[must_use]
pub fn strengths_text(tags: &[StrengthTag]) -> String {
    tags.iter()
        .map(|s| match s.whose {
            Whose::Mine => s.name.clone(),
            w => format!("{}:{w}", s.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A key and what it does, for a window's last line: `esc cancel`.
#[must_use]
pub fn key_hint(t: &Theme, keys: &[(String, &str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in keys {
        if key == "unbound" {
            continue;
        }
        spans.push(Span::styled(key.clone(), t.key));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    if let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().to_string();
        last.content = trimmed.into();
    }
    Line::from(spans)
}

/// What the keys help says besides the keys.
pub struct HelpText<'a> {
    pub title: &'a str,
    /// Paragraphs after the keys.
    pub notes: &'a [String],
    /// The last, dimmed paragraph.
    pub footer: String,
}

/// The widest the keys help grows on a wide screen.
pub const HELP_WIDTH: u16 = 110;

/// The keys help: every action of the keymap with its keys, grouped by context, the help
/// wrapped beside the keys, scrolled by `scroll` lines (never past its end) with a mark
/// where more is above or below. Returns the furthest it scrolls at this size.
pub fn help<A: Bindable>(
    f: &mut Frame<'_>,
    t: &Theme,
    keymap: &Keymap<A>,
    text: &HelpText<'_>,
    scroll: u16,
    size: Rect,
) -> u16 {
    // As wide as the screen allows, up to a comfortable line.
    let w = size.width.saturating_sub(2).min(HELP_WIDTH);
    let inner_w = usize::from(w.saturating_sub(2));
    // Keys in a column of their own; help wraps beside them, under itself.
    let keys_w = 22;
    let help_w = inner_w.saturating_sub(keys_w + 2).max(10);
    let mut lines = Vec::new();
    let mut last: Option<A::Context> = None;
    for (ctx, keys, help) in keymap.help_rows() {
        if last != Some(ctx) {
            if last.is_some() {
                lines.push(Line::from(""));
            }
            lines.push(Line::from(Span::styled(ctx.title().to_string(), t.accent)));
            last = Some(ctx);
        }
        for (i, part) in wrap(help, help_w).into_iter().enumerate() {
            let k = if i == 0 {
                pad(&keys, keys_w)
            } else {
                pad("", keys_w)
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {k}"), t.key),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::from(""));
    for note in text.notes {
        lines.extend(wrap(note, inner_w).into_iter().map(Line::from));
    }
    lines.extend(
        wrap(&text.footer, inner_w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.dim))),
    );
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(size, w, h.min(size.height.saturating_sub(2)));
    let rows = usize::from(area.height.saturating_sub(2));
    let most = lines.len().saturating_sub(rows);
    let skip = usize::from(scroll).min(most);
    f.render_widget(Clear, area);
    let mut b = block(t, text.title, true);
    if skip > 0 {
        b = b.title(Line::from(Span::styled(" ↑ more ", t.dim)).right_aligned());
    }
    if skip < most {
        b = b.title_bottom(Span::styled(" ↓ more ", t.dim));
    }
    let inner = b.inner(area);
    f.render_widget(b, area);
    f.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        inner,
    );
    u16::try_from(most).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_window_of_prose_wraps_under_its_text() {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(40, 10)).unwrap();
        t.draw(|f| {
            super::window(
                f,
                &crate::tui::theme::Theme::monochrome(),
                f.area(),
                "Q",
                vec![Line::from(
                    "  - keep it as a draft until you come back to it",
                )],
                30,
                6,
                true,
            );
        })
        .unwrap();
        let rows: Vec<String> = t
            .backend()
            .to_string()
            .lines()
            .map(|l| l.trim_matches('"').to_string())
            .collect();
        let second = rows.iter().find(|r| r.contains("you come")).unwrap();
        assert!(second.contains("│    you come back"), "{rows:#?}");
    }

    #[test]
    fn a_wrapped_line_hangs_under_its_text_and_never_starts_with_a_space() {
        let line = Line::from(vec![
            Span::raw("  [ ] "),
            Span::raw("Arrange a joint visit with the social worker next week"),
        ]);
        let rows: Vec<String> = super::wrap_line(&line, 24)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                "  [ ] Arrange a joint",
                "      visit with the",
                "      social worker next",
                "      week"
            ]
        );
        for r in &rows {
            assert!(crate::model::text::width(r.trim_end()) <= 24, "{r}");
        }
    }

    use super::*;

    #[test]
    fn wrapping_keeps_every_line_within_its_width() {
        let text =
            "short words here and a verylongwordthatcannotfit in one line\n\nnext 日本語のテキスト";
        for cols in [2, 5, 12, 30] {
            for l in wrap(text, cols) {
                assert!(width(&l) <= cols, "{cols}: {l:?}");
            }
        }
        assert_eq!(wrap("a b c", 3), ["a b", "c"]);
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        let long = "x".repeat(100_000);
        assert_eq!(wrap(&long, 80).len(), 1250);
    }
}
