//! What frames the journal app's panes: the tab bar above and the status line below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::Action;
use super::component::{Env, Pane};
use super::layout::{TABS_START, tab_width};
use super::widgets;
use crate::model::text::{sanitize_line, width};

/// The tabs, the current one marked, and the number of entries at the right.
pub fn tabs(f: &mut Frame<'_>, area: Rect, current: Pane, count: &str, env: &Env) {
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
    // A journal that is not the writer's own says so, before the count.
    let right = match &env.label {
        Some(label) => format!("{} · {count} ", sanitize_line(label)),
        None => format!("{count} "),
    };
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let gap = usize::from(area.width).saturating_sub(used + width(&right));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(
        right,
        if env.label.is_some() { t.warn } else { t.dim },
    ));
    f.render_widget(Line::from(spans), area);
}

/// The most rows the status line takes: when the keys of a pane do not fit on one line
/// at this width they go on to a second, never cut at the screen's edge.
pub const STATUS_ROWS: u16 = 2;

/// The word the status line shows for an action: its table's label, or the pane's
/// word for it now (the Patterns pane's bars are weeks, months or years).
pub type Label<'a> = &'a dyn Fn(Action) -> &'static str;

/// The keys of `actions` as pieces for the status line: a key and its word, and actions
/// side by side with the same word as one piece (`←/→ week`).
fn pieces(
    lead: Option<&str>,
    actions: &[Action],
    env: &Env,
    label: Label<'_>,
) -> Vec<Vec<Span<'static>>> {
    let t = &env.theme;
    let mut out: Vec<(Vec<String>, &'static str)> = Vec::new();
    for a in actions {
        let key = env.key(*a);
        if key == "unbound" {
            continue;
        }
        let word = label(*a);
        match out.last_mut() {
            Some((keys, w)) if *w == word => keys.push(key),
            _ => out.push((vec![key], word)),
        }
    }
    let mut pieces: Vec<Vec<Span<'static>>> = Vec::new();
    if let Some(lead) = lead {
        pieces.push(vec![Span::styled(lead.trim().to_string(), t.status)]);
    }
    pieces.extend(out.into_iter().map(|(keys, label)| {
        vec![
            Span::styled(keys.join("/"), t.key),
            Span::styled(format!(" {label}"), t.status),
        ]
    }));
    pieces
}

/// The message of the moment, or the keys of what can be done here (`lead` first), laid
/// out on the rows of `area`; when they do not fit, the last keys but the help are left
/// out, so the help is always there to list them all.
pub fn status(
    f: &mut Frame<'_>,
    area: Rect,
    lead: Option<&str>,
    actions: &[Action],
    env: &Env,
    label: Label<'_>,
) {
    f.render_widget(
        Paragraph::new(status_lines(area, lead, actions, env, label)),
        area,
    );
}

fn status_lines(
    area: Rect,
    lead: Option<&str>,
    actions: &[Action],
    env: &Env,
    label: Label<'_>,
) -> Vec<Line<'static>> {
    let t = &env.theme;
    let cols = usize::from(area.width);
    let rows = usize::from(area.height.max(1));
    if let Some(msg) = &env.status {
        return widgets::flow(
            widgets::wrap(&sanitize_line(msg), cols)
                .into_iter()
                .map(|l| vec![Span::styled(l, t.warn)])
                .collect(),
            cols,
            rows,
            t,
        );
    }
    let mut actions = actions.to_vec();
    loop {
        let p = pieces(lead, &actions, env, label);
        if fits(&p, cols, rows) || actions.len() <= 1 {
            return widgets::flow(p, cols, rows, t);
        }
        // Drop the last but one: the help comes last and stays.
        actions.remove(actions.len() - 2);
    }
}

/// Whether pieces laid out two spaces apart fit on `rows` lines of `cols` cells.
fn fits(pieces: &[Vec<Span<'_>>], cols: usize, rows: usize) -> bool {
    let mut lines = 1;
    let mut used = 0;
    for p in pieces {
        let w: usize = p.iter().map(|s| width(&s.content)).sum();
        let gap = if used == 0 { 0 } else { 2 };
        if used + gap + w <= cols {
            used += gap + w;
        } else {
            lines += 1;
            used = w;
        }
    }
    lines <= rows
}

/// How many rows the status line needs at width `cols` (one, or [`STATUS_ROWS`]).
#[must_use]
pub fn status_rows(
    cols: u16,
    lead: Option<&str>,
    actions: &[Action],
    env: &Env,
    label: Label<'_>,
) -> u16 {
    let cols = usize::from(cols);
    let one = match &env.status {
        Some(msg) => width(&sanitize_line(msg)) <= cols,
        None => fits(&pieces(lead, actions, env, label), cols, 1),
    };
    if one { 1 } else { STATUS_ROWS }
}
