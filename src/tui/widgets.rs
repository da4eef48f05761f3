//! Drawing pieces both full-screen apps use: bordered blocks, a window in the middle of
//! the screen, the "too small" screen, text wrapped to a width, and the keys help, which
//! is generated from the keymap in force.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::keymap::{Bindable, Group as _, Keymap};
use super::theme::Theme;
use crate::model::text::{pad, width};
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
    let p = Paragraph::new(lines);
    f.render_widget(
        if wrap {
            p.wrap(Wrap { trim: false })
        } else {
            p
        },
        inner,
    );
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
    pub footer: &'a str,
}

/// The keys help: every action of the keymap with its keys, grouped by context, the help
/// wrapped beside the keys, scrolled by `scroll` lines with a mark when more follows.
pub fn help<A: Bindable>(
    f: &mut Frame<'_>,
    t: &Theme,
    keymap: &Keymap<A>,
    text: &HelpText<'_>,
    scroll: u16,
    size: Rect,
) {
    let inner_w = usize::from(78.min(size.width.saturating_sub(2)).saturating_sub(2));
    // Keys in a column of their own; help wraps beside them.
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
        wrap(text.footer, inner_w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.dim))),
    );
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(size, 78, h.min(size.height.saturating_sub(2)));
    let rows = usize::from(area.height.saturating_sub(2));
    let skip = usize::from(scroll).min(lines.len().saturating_sub(rows));
    let more = lines.len() > skip + rows;
    f.render_widget(Clear, area);
    let mut b = block(t, text.title, true);
    if more {
        b = b.title_bottom(Span::styled(" ↓ more ", t.dim));
    }
    let inner = b.inner(area);
    f.render_widget(b, area);
    f.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        inner,
    );
}

#[cfg(test)]
mod tests {
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
