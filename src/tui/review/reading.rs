//! The reading pane's text: an excerpt as the lines it is drawn in, which also decide
//! how far the pane scrolls; and how any text from a summary is made safe to draw.

use ratatui::text::{Line, Span};

use crate::transfer::summary::{Excerpt, Summary};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap;

/// The reading pane's lines for an excerpt at this width.
pub fn lines(t: &Theme, summary: &Summary, e: &Excerpt, cols: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for l in wrap(&clean_line(&e.title), cols) {
        lines.push(Line::from(Span::styled(l, t.title)));
    }
    let model = e.model.as_ref().map(|id| {
        summary
            .models
            .iter()
            .find(|m| &m.model == id)
            .map_or_else(|| clean_line(id), |m| clean_line(&m.name))
    });
    let mut meta = vec![clean_line(&e.when), clean_line(&e.kind)];
    meta.extend(model);
    let mut meta_spans = vec![Span::styled(meta.join(" · "), t.dim)];
    if e.for_supervision {
        meta_spans.push(Span::styled(" · ⚑ for supervision", t.flag));
    }
    lines.push(Line::from(meta_spans));
    if !e.strengths.is_empty() {
        let s: Vec<String> = e.strengths.iter().take(30).map(|s| clean_line(s)).collect();
        for (i, l) in wrap(&s.join(", "), cols.saturating_sub(10))
            .into_iter()
            .enumerate()
        {
            lines.push(Line::from(vec![
                Span::styled(if i == 0 { "Strengths " } else { "          " }, t.dim),
                Span::styled(l, t.strength),
            ]));
        }
    }
    if !e.tags.is_empty() {
        let s: Vec<String> = e
            .tags
            .iter()
            .take(30)
            .map(|s| format!("#{}", clean_line(s)))
            .collect();
        for l in wrap(&s.join(" "), cols) {
            lines.push(Line::from(Span::styled(l, t.dim)));
        }
    }
    lines.push(Line::from(""));
    for l in wrap(&clean_text(&e.text), cols) {
        lines.push(Line::from(l));
    }
    lines
}

/// The longest a one-line field from a summary may be on screen, in characters.
pub const MAX_LINE_CHARS: usize = 300;
/// The longest excerpt shown, in characters; the rest is said to be cut.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Characters that reorder text on a terminal that implements bidi, so hostile text
/// could make one thing look like another: dropped (right-to-left text itself stays).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A one-line field from a summary made safe to draw: control characters shown as
/// stand-ins, bidi overrides dropped, at most [`MAX_LINE_CHARS`].
#[must_use]
pub fn clean_line(s: &str) -> String {
    let head: String = s.chars().take(MAX_LINE_CHARS).collect();
    crate::model::text::sanitize_line(&head)
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .collect()
}

/// An excerpt's text made safe to draw: as [`clean_line`], keeping line breaks (tabs
/// become spaces), at most [`MAX_TEXT_CHARS`] with a note of what was cut.
#[must_use]
pub fn clean_text(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(MAX_TEXT_CHARS).collect();
    let mut out: String = crate::model::text::sanitize(&head)
        .replace('\t', "    ")
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .collect();
    let rest = chars.count();
    if rest > 0 {
        out.push_str(&format!("\n\n[… {rest} more characters not shown]"));
    }
    out
}
