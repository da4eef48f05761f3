//! What frames the journal app's panes: the tab bar above and the status line below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::component::{Env, Pane};
use super::keymap::Bindable as _;
use super::layout::{TABS_START, tab_width};
use crate::model::text::{sanitize_line, width};

/// The tabs, the current one marked, and the number of entries at the right.
pub fn tabs(f: &mut Frame<'_>, area: Rect, current: Pane, total: i64, env: &Env) {
    let t = &env.theme;
    let mut spans = vec![Span::styled(" praxis  ", t.title)];
    debug_assert_eq!(width(" praxis  "), usize::from(TABS_START));
    for p in Pane::ALL {
        let style = if p == current { t.tab_active } else { t.tab };
        spans.push(Span::styled(format!(" {} ", p.title()), style));
        debug_assert_eq!(
            width(&spans[spans.len() - 1].content),
            usize::from(tab_width(p))
        );
        spans.push(Span::raw(" "));
    }
    let right = format!("{total} entr{} ", if total == 1 { "y" } else { "ies" });
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let gap = usize::from(area.width).saturating_sub(used + width(&right));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(right, t.dim));
    f.render_widget(Line::from(spans), area);
}

/// The message of the moment, or the keys of what can be done here (`lead` first).
pub fn status(f: &mut Frame<'_>, area: Rect, lead: Option<&str>, actions: &[Action], env: &Env) {
    let t = &env.theme;
    if let Some(msg) = &env.status {
        f.render_widget(
            Line::from(Span::styled(sanitize_line(msg).into_owned(), t.warn)),
            area,
        );
        return;
    }
    let mut spans = Vec::new();
    if let Some(lead) = lead {
        spans.push(Span::styled(lead.to_string(), t.status));
    }
    for a in actions {
        let key = env.key(*a);
        if key == "unbound" {
            continue;
        }
        spans.push(Span::styled(key, t.key));
        spans.push(Span::styled(format!(" {}  ", a.label()), t.status));
    }
    f.render_widget(Line::from(spans), area);
}
