//! Drawing: a pure function of the app's state. Journal text is neutralised before it
//! is drawn, so nothing written in an entry can act on the terminal.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::action::{Action, Context};
use super::app::{App, CHECKIN_FIELDS, Overlay, Pane};
use crate::model::text::{pad, sanitize, sanitize_line, truncate, width};
use crate::model::{ActionStatus, Entry, StrengthTag, Whose};

/// The smallest screen praxis draws on; below it a message says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

/// Where things are on screen, shared by drawing and mouse handling.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub tabs: Rect,
    pub main: Rect,
    pub status: Rect,
    pub list: Rect,
    pub preview: Rect,
    /// Write pane: one row per field in the field list.
    pub fields: Vec<Rect>,
    pub editor: Rect,
    pub meta: Rect,
}

/// The layout of a frame of this size.
#[must_use]
pub fn layout(size: Rect, app: &App) -> Areas {
    let [tabs, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut a = Areas {
        tabs,
        main,
        status,
        ..Areas::default()
    };
    match app.pane {
        Pane::Journal => {
            let body = if app.journal.searching || !app.journal.query.is_empty() {
                let [_, rest] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
                rest
            } else {
                main
            };
            let [list, preview] = if body.width >= 100 {
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body)
            } else {
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body)
            };
            a.list = list;
            a.preview = preview;
        }
        Pane::Write => {
            let [meta, rest] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(main);
            let nav_width = if rest.width >= 100 { 26 } else { 20 };
            let [nav, editor] =
                Layout::horizontal([Constraint::Length(nav_width), Constraint::Min(1)]).areas(rest);
            a.meta = meta;
            a.editor = editor;
            if let Some(w) = &app.write {
                let inner = Block::bordered().inner(nav);
                a.fields = (0..w.fields.len())
                    .map(|i| {
                        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
                        Rect::new(inner.x, y, inner.width, 1).intersection(inner)
                    })
                    .collect();
            }
            a.list = nav;
        }
        Pane::Supervision | Pane::Patterns => a.preview = main,
    }
    a
}

/// The pane whose tab is at column `x`.
#[must_use]
pub fn tab_at(tabs: Rect, x: u16) -> Option<Pane> {
    let mut at = tabs.x + 9;
    for p in Pane::ALL {
        let w = u16::try_from(p.title().len() + 2).unwrap_or(0);
        if x >= at && x < at + w {
            return Some(p);
        }
        at += w + 1;
    }
    None
}

/// When the terminal is smaller than `min` (width, height), says so in place of the
/// screen and returns true: `what` ("praxis", "praxis review") names who needs the room.
pub(crate) fn too_small(f: &mut Frame<'_>, what: &str, min: (u16, u16)) -> bool {
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

/// Draws the whole screen.
pub fn draw(app: &App, f: &mut Frame<'_>) {
    let size = f.area();
    if too_small(f, "praxis", (MIN_WIDTH, MIN_HEIGHT)) {
        return;
    }
    let areas = layout(size, app);
    draw_tabs(app, f, areas.tabs);
    match app.pane {
        Pane::Journal => draw_journal(app, f, &areas),
        Pane::Write => draw_write(app, f, &areas),
        Pane::Supervision => draw_board(app, f, areas.main),
        Pane::Patterns => draw_patterns(app, f, areas.main),
    }
    draw_status(app, f, areas.status);
    if let Some(o) = &app.overlay {
        draw_overlay(app, o, f, size);
    }
}

fn draw_tabs(app: &App, f: &mut Frame<'_>, area: Rect) {
    let t = &app.theme;
    let mut spans = vec![Span::styled(" praxis  ", t.title)];
    for p in Pane::ALL {
        let style = if p == app.pane { t.tab_active } else { t.tab };
        spans.push(Span::styled(format!(" {} ", p.title()), style));
        spans.push(Span::raw(" "));
    }
    let total = app.journal.total;
    let right = format!("{total} entr{} ", if total == 1 { "y" } else { "ies" });
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let gap = usize::from(area.width).saturating_sub(used + width(&right));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(right, t.dim));
    f.render_widget(Line::from(spans), area);
}

fn hint(app: &App, actions: &[Action]) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut spans = Vec::new();
    for a in actions {
        let key = app.keymap.first_key(*a);
        if key == "unbound" {
            continue;
        }
        let label = match a {
            Action::NewEntry => "new",
            Action::Search => "search",
            Action::Open => "open",
            Action::Filter => "filter",
            Action::NewOther => "other kind",
            Action::NewCheckIn => "check-in",
            Action::Gather => "prepare",
            Action::RecordSession => "record",
            Action::CycleFunction => "function",
            Action::ToggleFlagSelected | Action::ToggleFlag => "flag",
            Action::Delete => "delete",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Save => "save",
            Action::NextField => "next",
            Action::PickStrengths => "strengths",
            Action::CheckIn => "check-in",
            Action::PickModel => "model",
            Action::CycleScope => "scope",
            Action::PeriodPrev => "shorter",
            Action::PeriodNext => "longer",
            Action::WeekPrev | Action::WeekNext => "week",
            Action::DrillDown => "show entries",

            Action::Back => "back",
            Action::Refresh => "gather again",
            Action::FocusJournal => "journal",
            Action::ClearSearch => "clear",
            // Config names (`clear_search`) read as words in the status bar.
            _ => a.name(),
        };
        spans.push(Span::styled(key, t.key));
        spans.push(Span::styled(
            format!(" {}  ", label.replace('_', " ")),
            t.status,
        ));
    }
    spans
}

fn draw_status(app: &App, f: &mut Frame<'_>, area: Rect) {
    let t = &app.theme;
    if let Some(msg) = &app.status {
        f.render_widget(
            Line::from(Span::styled(sanitize_line(msg).into_owned(), t.warn)),
            area,
        );
        return;
    }
    let actions: &[Action] = match app.pane {
        Pane::Journal if app.journal.searching => {
            &[Action::ClearSearch, Action::Open, Action::Help]
        }
        Pane::Journal => &[
            Action::NewEntry,
            Action::NewCheckIn,
            Action::Search,
            Action::Open,
            Action::Filter,
            Action::ToggleFlagSelected,
            Action::Help,
            Action::Quit,
        ],
        Pane::Write
            if app
                .write
                .as_ref()
                .is_some_and(|w| w.entry.kind == crate::model::EntryKind::Reflection) =>
        {
            &[
                Action::Save,
                Action::NextField,
                Action::PickStrengths,
                Action::CheckIn,
                Action::ToggleFlag,
                Action::PickModel,
                Action::Back,
                Action::Help,
            ]
        }
        Pane::Write => &[
            Action::Save,
            Action::NextField,
            Action::PickStrengths,
            Action::ToggleFlag,
            Action::CycleScope,
            Action::Back,
            Action::Help,
        ],
        Pane::Supervision => &[
            Action::Refresh,
            Action::FocusJournal,
            Action::Help,
            Action::Quit,
        ],
        Pane::Patterns => &[
            Action::PeriodPrev,
            Action::PeriodNext,
            Action::WeekPrev,
            Action::WeekNext,
            Action::DrillDown,
            Action::Help,
        ],
    };
    let mut spans = hint(app, actions);
    if app.pane == Pane::Journal && app.journal.searching {
        spans.insert(0, Span::styled("type to search  ", t.status));
    }
    f.render_widget(Line::from(spans), area);
}

fn block<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let t = &app.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(format!(" {title} "), t.title))
}

fn strengths_text(tags: &[StrengthTag]) -> String {
    tags.iter()
        .map(|s| match s.whose {
            Whose::Mine => s.name.clone(),
            w => format!("{}:{w}", s.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn draw_journal(app: &App, f: &mut Frame<'_>, areas: &Areas) {
    let t = &app.theme;
    let j = &app.journal;
    if j.searching || !j.query.is_empty() {
        let bar = Rect::new(areas.main.x, areas.main.y, areas.main.width, 1);
        let cursor = if j.searching { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled(" / ", t.key),
            Span::raw(format!("{}{cursor}", sanitize_line(&j.query))),
            Span::styled(format!("   {} found", j.rows.len()), t.dim),
        ]);
        f.render_widget(line, bar);
    }
    if j.total == 0 {
        draw_welcome(app, f, areas.main);
        return;
    }
    let filter = &j.filter;
    let mut parts = vec!["Journal".to_string()];
    if let Some(k) = filter.kind {
        parts.push(k.to_string());
    }
    if let Some(st) = &filter.strength {
        parts.push(st.clone());
    }
    if let Some(tg) = &filter.tag {
        parts.push(format!("#{tg}"));
    }
    match (filter.since, filter.until) {
        (Some(a), Some(b)) => parts.push(format!("{a} to {b}")),
        (Some(a), None) => parts.push(format!("from {a}")),
        (None, Some(b)) => parts.push(format!("to {b}")),
        (None, None) => {}
    }
    let title = sanitize_line(&parts.join(" · ")).into_owned();
    let list_block = block(app, &title, true);
    let inner = list_block.inner(areas.list);
    f.render_widget(list_block, areas.list);
    let height = usize::from(inner.height);
    let mut offset = j.offset.get();
    if j.selected < offset {
        offset = j.selected;
    } else if height > 0 && j.selected >= offset + height {
        offset = j.selected + 1 - height;
    }
    j.offset.set(offset);
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    if j.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            if j.query.is_empty() {
                "No entries of this kind."
            } else {
                "Nothing matches. Esc clears the search."
            },
            t.dim,
        )));
    }
    for (i, r) in j.rows.iter().enumerate().skip(offset).take(height) {
        let flag = if r.for_supervision { "⚑" } else { " " };
        let kind = match r.kind.as_str() {
            "reflection" => "refl",
            "supervision" => "supv",
            "call-in" => "call",
            "stage-note" => "stag",
            "check-in" => "chk",
            _ => "cpd",
        };
        let strengths = strengths_text(&r.strengths);
        let fixed = 10 + 1 + 4 + 1 + 2;
        let room = w.saturating_sub(fixed);
        let title = sanitize_line(&r.title);
        let title = if title.is_empty() {
            "(untitled)".into()
        } else {
            title
        };
        let (title_w, str_w) = if strengths.is_empty() || room < 30 {
            (room, 0)
        } else {
            let s = width(&strengths).min(room / 3);
            (room - s - 1, s)
        };
        let style = if i == j.selected { t.selected } else { t.base };
        let mut spans = vec![
            Span::styled(
                format!("{} ", r.occurred_on),
                if i == j.selected { style } else { t.dim },
            ),
            Span::styled(
                format!("{kind:<4} "),
                if i == j.selected { style } else { t.dim },
            ),
            Span::styled(
                format!("{flag} "),
                if i == j.selected { style } else { t.flag },
            ),
            Span::styled(pad(&title, title_w), style),
        ];
        if str_w > 0 {
            spans.push(Span::styled(
                format!(" {}", truncate(&sanitize_line(&strengths), str_w)),
                if i == j.selected { style } else { t.strength },
            ));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), inner);

    let preview_block = block(app, "Entry", false);
    let pin = preview_block.inner(areas.preview);
    f.render_widget(preview_block, areas.preview);
    if let Some(e) = &j.preview {
        let text = preview_text(app, e);
        f.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((j.preview_scroll, 0)),
            pin,
        );
    }
}

fn draw_welcome(app: &App, f: &mut Frame<'_>, area: Rect) {
    let t = &app.theme;
    let k = |a: Action| app.keymap.first_key(a);
    let lines = vec![
        Line::from(Span::styled("Welcome to praxis", t.title)),
        Line::from(""),
        Line::from(
            "A private place to reflect on your practice. Everything stays on this machine.",
        ),
        Line::from(""),
        Line::from(vec![
            Span::styled(format!("{:>8}  ", k(Action::NewEntry)), t.key),
            Span::raw("write your first reflection"),
        ]),
        Line::from(vec![
            Span::styled(format!("{:>8}  ", k(Action::NextField)), t.key),
            Span::raw("move between its sections"),
        ]),
        Line::from(vec![
            Span::styled(format!("{:>8}  ", k(Action::Save)), t.key),
            Span::raw("save it"),
        ]),
        Line::from(vec![
            Span::styled(format!("{:>8}  ", k(Action::Help)), t.key),
            Span::raw("every key, any time"),
        ]),
    ];
    let block = block(app, "Journal", true);
    let inner = block.inner(area);
    f.render_widget(block, area);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        inner.inner(ratatui::layout::Margin::new(2, 1)),
    );
}

/// An entry as the preview shows it.
fn preview_text(app: &App, e: &Entry) -> Text<'static> {
    let t = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    lines.push(Line::from(Span::styled(
        sanitize_line(&e.title).into_owned(),
        t.title,
    )));
    let mut meta = vec![e.occurred_on.to_string(), e.kind.to_string()];
    if let Some(m) = e.model.as_deref() {
        meta.push(
            app.catalog
                .model(m)
                .map_or_else(|_| m.to_string(), |x| x.name.clone()),
        );
    }
    meta.push(e.scope.to_string());
    lines.push(Line::from(Span::styled(
        sanitize_line(&meta.join(" · ")).into_owned(),
        t.dim,
    )));
    if e.for_supervision {
        lines.push(Line::from(Span::styled("⚑ for supervision", t.flag)));
    }
    if !e.strengths.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Strengths ", t.dim),
            Span::styled(
                sanitize_line(&strengths_text(&e.strengths)).into_owned(),
                t.strength,
            ),
        ]));
    }
    if !e.tags.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Tags ", t.dim),
            Span::raw(sanitize_line(&e.tags.join(", ")).into_owned()),
        ]));
    }
    if let Some(c) = &e.checkin {
        lines.push(Line::from(vec![
            Span::styled("Check-in ", t.dim),
            Span::raw(c.summary()),
        ]));
    }
    if !e.body.trim().is_empty() {
        lines.push(Line::from(""));
        for l in sanitize(&e.body).lines() {
            lines.push(Line::from(l.to_string()));
        }
    }
    for s in e.sections.iter().filter(|s| !s.text.trim().is_empty()) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            sanitize_line(&s.label).into_owned(),
            t.accent,
        )));
        for l in sanitize(&s.text).lines() {
            lines.push(Line::from(l.to_string()));
        }
    }
    let template = e.model.as_deref().and_then(|m| {
        app.catalog
            .model(m)
            .ok()
            .or_else(|| app.catalog.template(m))
    });
    let shown_above = ["title", "date"];
    for (key, text) in crate::model::details::entry_texts(e)
        .iter()
        .filter(|(k, v)| !v.is_empty() && !shown_above.contains(k))
    {
        let label = template
            .and_then(|t| t.field(key))
            .map_or(*key, |f| f.label.as_str());
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", sanitize_line(label)), t.dim),
            Span::raw(sanitize_line(text).into_owned()),
        ]));
    }
    if !e.actions.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Actions", t.accent)));
        for a in &e.actions {
            let mark = match a.status {
                ActionStatus::Done => "[x]",
                ActionStatus::Partly => "[~]",
                ActionStatus::Open => "[ ]",
            };
            let due = a.due_on.map(|d| format!(" (due {d})")).unwrap_or_default();
            lines.push(Line::from(format!(
                "{mark} {}{due}",
                sanitize_line(&a.text)
            )));
        }
    }
    Text::from(lines)
}

fn draw_write(app: &App, f: &mut Frame<'_>, areas: &Areas) {
    let t = &app.theme;
    let Some(w) = &app.write else {
        return;
    };
    let e = &w.entry;
    let model = w
        .template
        .as_ref()
        .map_or("Free writing", |m| m.name.as_str());
    let mut first = vec![
        Span::styled(if e.version > 0 { "Editing " } else { "New " }, t.title),
        Span::styled(format!("{} · {model}", e.kind), t.title),
        Span::styled(format!("  scope {}", e.scope), t.dim),
    ];
    if e.for_supervision {
        first.push(Span::styled("  ⚑ for supervision", t.flag));
    }
    if w.dirty {
        first.push(Span::styled("  • unsaved", t.warn));
    }
    let mut second = vec![Span::styled("Strengths ", t.dim)];
    if e.strengths.is_empty() && e.tags.is_empty() {
        second.push(Span::styled(
            format!("none yet ({})", app.keymap.first_key(Action::PickStrengths)),
            t.dim,
        ));
    } else {
        second.push(Span::styled(
            sanitize_line(&strengths_text(&e.strengths)).into_owned(),
            t.strength,
        ));
        if !e.tags.is_empty() {
            second.push(Span::styled(
                format!("  #{}", sanitize_line(&e.tags.join(" #"))),
                t.base,
            ));
        }
    }
    if let Some(c) = &e.checkin {
        second.push(Span::styled("  Check-in ", t.dim));
        second.push(Span::raw(c.summary()));
    }
    f.render_widget(
        Paragraph::new(vec![Line::from(first), Line::from(second)]),
        areas.meta,
    );

    let nav = block(app, "Sections", false);
    f.render_widget(nav, areas.list);
    for (i, (field, rect)) in w.fields.iter().zip(&areas.fields).enumerate() {
        let filled = !field.area.lines().iter().all(|l| l.trim().is_empty());
        let mark = if filled { "●" } else { "○" };
        let style = if i == w.focus { t.selected } else { t.base };
        let label = format!("{mark} {}", sanitize_line(&field.label));
        f.render_widget(
            Span::styled(pad(&label, usize::from(rect.width)), style),
            *rect,
        );
    }

    let Some(field) = w.fields.get(w.focus) else {
        return;
    };
    let eb = block(app, &field.label, true);
    let inner = eb.inner(areas.editor);
    f.render_widget(eb, areas.editor);
    let prompt_lines: Vec<Line<'static>> = field
        .prompts
        .iter()
        .map(|p| Line::from(Span::styled(sanitize_line(p).into_owned(), t.placeholder)))
        .collect();
    let prompt_h = u16::try_from(prompt_lines.len())
        .unwrap_or(0)
        .min(inner.height / 3);
    let [prompts, text] =
        Layout::vertical([Constraint::Length(prompt_h), Constraint::Min(1)]).areas(inner);
    f.render_widget(
        Paragraph::new(prompt_lines).wrap(Wrap { trim: true }),
        prompts,
    );
    f.render_widget(&field.area, text);
}

fn draw_board(app: &App, f: &mut Frame<'_>, area: Rect) {
    let t = &app.theme;
    let b = block(app, "Next supervision: what it would bring today", true);
    let inner = b.inner(area);
    f.render_widget(b, area);
    let Some(m) = &app.board else {
        return;
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let heading = |s: &str| Line::from(Span::styled(s.to_string(), t.accent));
    if let Some(prep) = &app.board_prep
        && let crate::model::Details::Supervision(sv) = &prep.details
    {
        lines.push(heading(&format!(
            "Agenda for {} (the open prep)",
            sv.session_on
        )));
        if sv.agenda.is_empty() {
            lines.push(Line::from(Span::styled(
                "  no items: add some with praxis edit",
                t.dim,
            )));
        }
        for (i, a) in sv.agenda.iter().enumerate() {
            let style = if i == app.agenda_selected {
                t.selected
            } else {
                t.base
            };
            let function = a
                .function
                .map_or_else(|| "–".to_string(), |f| f.to_string());
            let mins = a.minutes.map(|m| format!("{m} min")).unwrap_or_default();
            let want = a.want.map(|w| w.to_string()).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("  {}. {}", i + 1, sanitize_line(&a.text)), style),
                Span::styled(format!("  {function} · {mins} · {want}"), t.dim),
            ]));
        }
        lines.push(Line::from(""));
    }
    match &m.last {
        Some(l) => lines.push(Line::from(Span::styled(
            format!("Since the last session on {}", l.session_on),
            t.dim,
        ))),
        None => lines.push(Line::from(Span::styled(
            "No supervision recorded yet: everything so far",
            t.dim,
        ))),
    }
    lines.push(Line::from(""));
    lines.push(heading("Carried actions"));
    if m.carried.is_empty() {
        lines.push(Line::from(Span::styled("  none", t.dim)));
    }
    for a in &m.carried {
        let mark = match a.action.status {
            ActionStatus::Done => "[x]",
            ActionStatus::Partly => "[~]",
            ActionStatus::Open => "[ ]",
        };
        lines.push(Line::from(format!(
            "  {mark} {}",
            sanitize_line(&a.action.text)
        )));
    }
    lines.push(Line::from(""));
    lines.push(heading("Flagged for supervision"));
    if m.flagged.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "  none (flag an entry with {} in the journal)",
                app.keymap.first_key(Action::ToggleFlagSelected)
            ),
            t.dim,
        )));
    }
    for e in &m.flagged {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", e.occurred_on), t.dim),
            Span::styled("⚑ ", t.flag),
            Span::raw(sanitize_line(&e.title).into_owned()),
        ]));
    }
    if !m.follow_ups.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading("Call-in follow-ups due"));
        for c in &m.follow_ups {
            let due = c
                .follow_up_on
                .map(|d| format!(" (due {d})"))
                .unwrap_or_default();
            lines.push(Line::from(format!(
                "  {}{due}",
                sanitize_line(&c.entry.title)
            )));
        }
    }
    if !m.stale.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading("Stage notes to review"));
        for s in &m.stale {
            lines.push(Line::from(format!(
                "  {} · {}: {} since {} ({} weeks)",
                sanitize_line(&s.subject),
                sanitize_line(&s.topic),
                s.stage,
                s.since,
                s.weeks
            )));
        }
    }
    let p = &m.pattern;
    if p.checkins > 0 {
        lines.push(Line::from(""));
        lines.push(heading("Check-ins"));
        let avg = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"));
        lines.push(Line::from(format!(
            "  {} check-in{} · mood {} · energy {} · heavy load on {} day{}",
            p.checkins,
            if p.checkins == 1 { "" } else { "s" },
            avg(p.mood_average),
            avg(p.energy_average),
            p.heavy_days,
            if p.heavy_days == 1 { "" } else { "s" }
        )));
        if p.heavy_days >= 3 {
            lines.push(Line::from(Span::styled(
                "  Heavy load has persisted: restorative supervision is a place for this.",
                t.warn,
            )));
        }
    }
    lines.push(Line::from(""));
    if app.board_prep.is_none() {
        lines.push(Line::from(Span::styled(
            format!(
                "{} saves a prep with this agenda to take in (or: praxis supervision prep)",
                app.keymap.first_key(Action::Gather)
            ),
            t.dim,
        )));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.board_scroll, 0)),
        inner,
    );
}

fn draw_patterns(app: &App, f: &mut Frame<'_>, area: Rect) {
    use ratatui::symbols::Marker;
    use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Sparkline};

    let t = &app.theme;
    let p = &app.patterns;
    let Some(ins) = &p.insights else {
        return;
    };
    let range = match ins.period.since {
        Some(s) => format!("{s} to {}", ins.period.until),
        None => format!("up to {}", ins.period.until),
    };
    let [head, top, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(45),
        Constraint::Min(5),
    ])
    .areas(area);
    f.render_widget(
        Line::from(vec![
            Span::styled(format!(" Patterns, {} ", ins.period.label), t.title),
            Span::styled(
                format!("({range}) · prompts for supervision, never a score"),
                t.dim,
            ),
        ]),
        head,
    );
    let [bars_area, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);

    // Entries per week: the bar chart, the selected week highlighted.
    let focus_weeks = p.focus == super::patterns::Focus::Weeks;
    let bb = block(app, "Entries per week", focus_weeks);
    let inner = bb.inner(bars_area);
    f.render_widget(bb, bars_area);
    let fit = usize::from(inner.width.saturating_add(1) / 4).max(1);
    let start = (p.week + 1).saturating_sub(fit);
    let bars: Vec<Bar<'_>> = ins
        .weeks
        .iter()
        .enumerate()
        .skip(start)
        .take(fit)
        .map(|(i, w)| {
            let style = if i == p.week && focus_weeks {
                t.highlight
            } else {
                t.accent
            };
            Bar::default()
                .value(u64::try_from(w.total).unwrap_or(0))
                .label(Line::from(w.week.format("%d").to_string()))
                .style(style)
                .value_style(style.add_modifier(ratatui::style::Modifier::REVERSED))
        })
        .collect();
    if ins.weeks.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled("Nothing written in this period.", t.dim)),
            inner,
        );
    } else {
        f.render_widget(
            BarChart::default()
                .data(BarGroup::default().bars(&bars))
                .bar_width(3)
                .bar_gap(1),
            inner,
        );
    }

    // Mood and energy by week, and heavy-load days.
    let [chart_area, spark_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(3)]).areas(right);
    let weeks = &ins.checkins.weeks;
    let mood: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.mood.map(|m| (i as f64, m)))
        .collect();
    let energy: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.energy.map(|m| (i as f64, m)))
        .collect();
    let x_max = (weeks.len().max(2) - 1) as f64;
    let chart = Chart::new(vec![
        Dataset::default()
            .name("mood")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(t.accent)
            .data(&mood),
        Dataset::default()
            .name("energy")
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(t.strength)
            .data(&energy),
    ])
    .block(block(app, "Mood and energy by week", false))
    .x_axis(Axis::default().bounds([0.0, x_max]))
    .y_axis(
        Axis::default()
            .bounds([1.0, 5.0])
            .labels(vec![Span::raw("1"), Span::raw("5")]),
    );
    if weeks.is_empty() {
        let b = block(app, "Mood and energy by week", false);
        let i = b.inner(chart_area);
        f.render_widget(b, chart_area);
        f.render_widget(
            Paragraph::new(Span::styled("No check-ins in this period.", t.dim)),
            i,
        );
    } else {
        f.render_widget(chart, chart_area);
    }
    let heavy: Vec<u64> = weeks
        .iter()
        .map(|w| u64::try_from(w.heavy_days).unwrap_or(0))
        .collect();
    f.render_widget(
        Sparkline::default()
            .block(block(app, "Heavy-load days by week", false))
            .data(&heavy)
            .max(7)
            .style(t.warn),
        spark_area,
    );

    // Strengths (selectable) and the rest as text.
    let [left, rest] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    let focus_strengths = p.focus == super::patterns::Focus::Strengths;
    let sb = block(app, "Strengths", focus_strengths);
    let sin = sb.inner(left);
    f.render_widget(sb, left);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if ins.strengths.is_empty() {
        lines.push(Line::from(Span::styled(
            "None tagged in this period.",
            t.dim,
        )));
    }
    let height = usize::from(sin.height);
    let first = (p.strength + 1).saturating_sub(height);
    for (i, st) in ins.strengths.iter().enumerate().skip(first).take(height) {
        let style = if i == p.strength && focus_strengths {
            t.selected
        } else {
            t.base
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", pad(&sanitize_line(&st.name), 15)), style),
            Span::styled(format!("{:>3} {:<3}", st.total, st.trend.arrow()), style),
            Span::styled(format!(" {}/{}/{}", st.mine, st.person, st.team), t.dim),
        ]));
    }
    f.render_widget(Paragraph::new(lines), sin);

    let rb = block(app, "More", false);
    let rin = rb.inner(rest);
    f.render_widget(rb, rest);
    let mut more: Vec<Line<'static>> = Vec::new();
    if let Some(w) = ins.weeks.get(p.week) {
        let split: Vec<String> = w.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        more.push(Line::from(vec![
            Span::styled(format!("Week of {}: ", w.week), t.accent),
            Span::raw(if split.is_empty() {
                "nothing written".to_string()
            } else {
                split.join(", ")
            }),
        ]));
    }
    if ins.checkins.heavy_persists {
        more.push(Line::from(Span::styled(crate::insights::SIGNPOST, t.warn)));
    }
    if !ins.models.is_empty() {
        let m: Vec<String> = ins
            .models
            .iter()
            .take(4)
            .map(|m| format!("{} {}", m.model, m.count))
            .collect();
        more.push(Line::from(vec![
            Span::styled("Models ", t.dim),
            Span::raw(m.join(", ")),
        ]));
    }
    if !ins.strengths_new.is_empty() {
        more.push(Line::from(vec![
            Span::styled("New strengths ", t.dim),
            Span::raw(sanitize_line(&ins.strengths_new.join(", ")).into_owned()),
        ]));
    }
    for track in ins.stages.iter().take(3) {
        let path: Vec<&str> = track.points.iter().map(|x| x.stage.as_str()).collect();
        more.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} · {} ",
                    sanitize_line(&track.subject),
                    sanitize_line(&track.topic)
                ),
                t.dim,
            ),
            Span::raw(path.join(" → ")),
        ]));
    }
    let c = &ins.callins;
    if !c.by_status.is_empty() {
        let st: Vec<String> = c
            .by_status
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        more.push(Line::from(vec![
            Span::styled("Call-ins ", t.dim),
            Span::raw(st.join(", ")),
        ]));
    }
    let a = &ins.actions;
    more.push(Line::from(vec![
        Span::styled("Actions ", t.dim),
        Span::raw(format!(
            "{} open, {} overdue, {} done",
            a.open, a.overdue, a.done_in_period
        )),
    ]));
    for e in ins.on_this_day.iter().take(2) {
        more.push(Line::from(vec![
            Span::styled("On this day ", t.dim),
            Span::raw(format!("{} {}", e.occurred_on, sanitize_line(&e.title))),
        ]));
    }
    if !ins.words.heavy_words.is_empty() {
        let w: Vec<String> = ins
            .words
            .heavy_words
            .iter()
            .take(6)
            .map(|(w, ..)| w.clone())
            .collect();
        more.push(Line::from(vec![
            Span::styled("Heavy weeks' words ", t.dim),
            Span::raw(sanitize_line(&w.join(", ")).into_owned()),
        ]));
    }
    f.render_widget(Paragraph::new(more).wrap(Wrap { trim: true }), rin);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_overlay(app: &App, o: &Overlay, f: &mut Frame<'_>, size: Rect) {
    let t = &app.theme;
    // Lists are cut to fit; prose wraps.
    let wrap = !matches!(
        o,
        Overlay::Models { .. }
            | Overlay::Strengths { .. }
            | Overlay::Drafts { .. }
            | Overlay::Timeline { .. }
    );
    let (title, lines, w, h): (&str, Vec<Line<'static>>, u16, u16) = match o {
        Overlay::Help { scroll } => {
            let mut lines = Vec::new();
            let mut last: Option<Context> = None;
            for (ctx, keys, help) in app.keymap.help_rows() {
                if last != Some(ctx) {
                    if last.is_some() {
                        lines.push(Line::from(""));
                    }
                    lines.push(Line::from(Span::styled(ctx.title().to_string(), t.accent)));
                    last = Some(ctx);
                }
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}", pad(&keys, 20)), t.key),
                    Span::raw(help.to_string()),
                ]));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                "Keys can be changed in the config's [keys] table. Any key closes this window.",
                t.dim,
            )));
            let skip = usize::from(*scroll).min(lines.len().saturating_sub(1));
            (
                "Keys",
                lines.into_iter().skip(skip).collect(),
                76,
                size.height.saturating_sub(2),
            )
        }
        Overlay::ConfirmQuit => (
            "Quit?",
            vec![
                Line::from("This entry is not saved yet."),
                Line::from(""),
                Line::from(vec![
                    Span::styled("s", t.key),
                    Span::raw(" save it and quit"),
                ]),
                Line::from(vec![
                    Span::styled("k", t.key),
                    Span::raw(" keep it as a draft and quit"),
                ]),
                Line::from(vec![Span::styled("esc", t.key), Span::raw(" stay")]),
            ],
            44,
            8,
        ),
        Overlay::ConfirmDelete { title, .. } => (
            "Move to the trash?",
            vec![
                Line::from(format!("“{}”", truncate(&sanitize_line(title), 40))),
                Line::from(""),
                Line::from(vec![
                    Span::styled("y", t.key),
                    Span::raw(" move it to the trash   "),
                    Span::styled("esc", t.key),
                    Span::raw(" keep it"),
                ]),
                Line::from(Span::styled("praxis restore ID brings it back", t.dim)),
            ],
            48,
            7,
        ),
        Overlay::Drafts { drafts, selected } => {
            let mut lines = vec![
                Line::from("Writing from an earlier session was not saved:"),
                Line::from(""),
            ];
            for (i, (_, when, what)) in drafts.iter().enumerate() {
                let style = if i == *selected { t.selected } else { t.base };
                lines.push(Line::from(Span::styled(
                    format!("{when}  {}", truncate(&sanitize_line(what), 40)),
                    style,
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled("enter", t.key),
                Span::raw(" recover  "),
                Span::styled("d", t.key),
                Span::raw(" discard  "),
                Span::styled("esc", t.key),
                Span::raw(" later"),
            ]));
            let h = u16::try_from(drafts.len()).unwrap_or(10) + 6;
            ("Recover your writing?", lines, 64, h)
        }
        Overlay::Conflict { .. } => (
            "Changed elsewhere",
            vec![
                Line::from("This entry was changed by another praxis since you opened it."),
                Line::from(""),
                Line::from(vec![
                    Span::styled("c", t.key),
                    Span::raw(" save mine as a copy"),
                ]),
                Line::from(vec![
                    Span::styled("t", t.key),
                    Span::raw(" take theirs (mine is not saved)"),
                ]),
                Line::from(vec![
                    Span::styled("esc", t.key),
                    Span::raw(" back to writing"),
                ]),
            ],
            66,
            8,
        ),
        Overlay::Models { selected } => {
            let lines = app
                .catalog
                .models
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let style = if i == *selected { t.selected } else { t.base };
                    let depth = m.depth.map(|d| d.to_string()).unwrap_or_default();
                    Line::from(vec![
                        Span::styled(pad(&sanitize_line(&m.name), 34), style),
                        Span::styled(format!(" {depth:<5} "), t.dim),
                        Span::styled(
                            truncate(
                                &sanitize_line(&m.purpose),
                                usize::from(size.width.min(86)).saturating_sub(45),
                            )
                            .into_owned(),
                            t.dim,
                        ),
                    ])
                })
                .collect::<Vec<_>>();
            let h = u16::try_from(lines.len()).unwrap_or(12) + 2;
            ("Reflective model (enter chooses)", lines, 86, h)
        }
        Overlay::Strengths {
            query,
            selected,
            whose,
        } => {
            let tagged: Vec<StrengthTag> = app
                .write
                .as_ref()
                .map(|w| w.entry.strengths.clone())
                .unwrap_or_default();
            let mut lines = vec![
                Line::from(vec![
                    Span::styled("Find: ", t.dim),
                    Span::raw(format!("{}▏", sanitize_line(query))),
                ]),
                Line::from(vec![
                    Span::styled("Whose: ", t.dim),
                    Span::styled(whose_label(*whose), t.accent),
                    Span::styled("  (tab changes)  ·  #word enter adds a topic tag", t.dim),
                ]),
                Line::from(""),
            ];
            let choices = app.strength_choices(query);
            let room = usize::from(size.height.saturating_sub(10)).max(3);
            let start = selected.saturating_sub(room - 1);
            let mut last_group = String::new();
            for (i, (name, group)) in choices.iter().enumerate().skip(start).take(room) {
                if *group != last_group && query.trim().is_empty() {
                    last_group.clone_from(group);
                }
                let on: Vec<&str> = tagged
                    .iter()
                    .filter(|s| s.name == *name)
                    .map(|s| match s.whose {
                        Whose::Mine => "mine",
                        Whose::Person => "person",
                        Whose::Team => "team",
                        Whose::Colleague => "colleague",
                    })
                    .collect();
                let mark = if on.is_empty() {
                    "  ".to_string()
                } else {
                    "✓ ".to_string()
                };
                let style = if i == *selected { t.selected } else { t.base };
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{}", pad(&sanitize_line(name), 18)), style),
                    Span::styled(format!(" {}", sanitize_line(group)), t.dim),
                    Span::styled(
                        if on.is_empty() {
                            String::new()
                        } else {
                            format!("  {}", on.join(", "))
                        },
                        t.strength,
                    ),
                ]));
            }
            (
                "Strengths (enter tags or untags, esc closes)",
                lines,
                70,
                size.height.saturating_sub(4),
            )
        }
        Overlay::NewKind { selected } => {
            let lines = super::app::NEW_KINDS
                .iter()
                .enumerate()
                .map(|(i, (label, ..))| {
                    let style = if i == *selected { t.selected } else { t.base };
                    Line::from(Span::styled(format!(" {} ", pad(label, 30)), style))
                })
                .collect::<Vec<_>>();
            ("Write (enter chooses)", lines, 36, 8)
        }
        Overlay::Filter(form) => {
            let value = |i: usize| -> String {
                match i {
                    0 => form
                        .kind
                        .map_or_else(|| "all kinds".to_string(), |k| k.to_string()),
                    1 => form.strength.clone(),
                    2 => form.tag.clone(),
                    3 => form.since.clone(),
                    _ => form.until.clone(),
                }
            };
            let mut lines = Vec::new();
            for (i, label) in super::app::FILTER_FIELDS.iter().enumerate() {
                let style = if i == form.field { t.selected } else { t.base };
                let v = sanitize_line(&value(i)).into_owned();
                let shown = if i == 0 {
                    format!("◀ {v} ▶")
                } else {
                    format!("{v}▏")
                };
                lines.push(Line::from(vec![
                    Span::styled(pad(label, 10), style),
                    Span::styled(shown, if i == form.field { style } else { t.base }),
                ]));
            }
            lines.push(Line::from(""));
            if let Some(e) = &form.error {
                lines.push(Line::from(Span::styled(
                    sanitize_line(e).into_owned(),
                    t.warn,
                )));
            } else {
                lines.push(Line::from(Span::styled(
                    "Dates: YYYY-MM-DD, today, yesterday or a weekday. Empty: any.",
                    t.dim,
                )));
            }
            lines.push(Line::from(vec![
                Span::styled("↑↓", t.key),
                Span::raw(" field  "),
                Span::styled("enter", t.key),
                Span::raw(" apply  "),
                Span::styled("esc", t.key),
                Span::raw(" cancel"),
            ]));
            ("Filter the journal", lines, 62, 11)
        }
        Overlay::Timeline { subject, points } => {
            let mut lines = Vec::new();
            let mut last: Option<(&str, crate::model::Stage)> = None;
            for p in points {
                if last.is_none_or(|(topic, _)| topic != p.topic) {
                    if last.is_some() {
                        lines.push(Line::from(""));
                    }
                    lines.push(Line::from(Span::styled(
                        sanitize_line(&p.topic).into_owned(),
                        t.accent,
                    )));
                    last = None;
                }
                let bar = "▮".repeat(usize::from(p.stage.level()) + 1);
                let moved = match last {
                    Some((_, prev)) if prev.moves_back_to(p.stage) => {
                        format!("  moved back from {prev}")
                    }
                    _ => String::new(),
                };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {} ", p.on), t.dim),
                    Span::raw(format!("{:<16} ", p.stage.as_str())),
                    Span::styled(format!("{bar:<6} "), t.strength),
                    Span::raw(format!("{} change talk", p.change_talk)),
                    Span::styled(moved, t.dim),
                ]));
                last = Some((p.topic.as_str(), p.stage));
            }
            if points.is_empty() {
                lines.push(Line::from(Span::styled("No stage notes yet.", t.dim)));
            }
            lines.insert(
                0,
                Line::from(Span::styled(sanitize_line(subject).into_owned(), t.title)),
            );
            let title: &'static str = "Stage timeline (any key closes)";
            let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(3);
            (title, lines, 76, h)
        }
        Overlay::CheckIn(form) => {
            let c = &form.checkin;
            let value = |i: usize| -> String {
                match i {
                    0 => c.mood.map_or("–".into(), |v| format!("{v} of 5")),
                    1 => c.energy.map_or("–".into(), |v| format!("{v} of 5")),
                    2 => c.load.map_or("–".into(), |v| v.to_string()),
                    3 => c.carrying.map_or("–".into(), |v| v.to_string()),
                    4 => c.word.clone().unwrap_or_default(),
                    _ => c.helped.clone().unwrap_or_default(),
                }
            };
            let mut lines = vec![
                Line::from(Span::styled(
                    "How are you, at the end of this? Nothing here is a score.",
                    t.dim,
                )),
                Line::from(""),
            ];
            for (i, label) in CHECKIN_FIELDS.iter().enumerate() {
                let style = if i == form.field { t.selected } else { t.base };
                let v = sanitize_line(&value(i)).into_owned();
                let shown = if i < 4 {
                    format!("◀ {v} ▶")
                } else {
                    format!("{v}▏")
                };
                lines.push(Line::from(vec![
                    Span::styled(pad(label, 14), style),
                    Span::styled(shown, if i == form.field { style } else { t.base }),
                ]));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled("↑↓", t.key),
                Span::raw(" field  "),
                Span::styled("←→", t.key),
                Span::raw(" change  "),
                Span::styled("enter", t.key),
                Span::raw(if form.then_save { " save  " } else { " done  " }),
                Span::styled("esc", t.key),
                Span::raw(if form.then_save {
                    " skip and save"
                } else {
                    " cancel"
                }),
            ]));
            ("Check-in", lines, 60, 13)
        }
    };
    let area = centered(size, w, h);
    f.render_widget(Clear, area);
    let b = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {title} "), t.title))
        .style(Style::default());
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

fn whose_label(w: Whose) -> &'static str {
    match w {
        Whose::Mine => "mine",
        Whose::Person => "the person I support",
        Whose::Team => "the team's",
        Whose::Colleague => "a colleague's",
    }
}
