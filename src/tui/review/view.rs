//! Drawing the review: a pure function of its state. Every string from a summary goes
//! through [`super::clean_line`] or [`super::clean_text`] first, and everything is cut
//! to its area, so a hostile file can neither act on the terminal nor break the layout.

use chrono::Datelike as _;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};

use super::keys::Action;
use super::{Focus, Person, Review, Screen, clean_line, clean_text};
use crate::model::text::{pad, truncate, width};
use crate::transfer::summary::{Excerpt, Summary};
use crate::tui::widgets::{self, wrap};

/// The smallest screen the review draws on; below it a message says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;
/// The narrowest a person's column may be.
pub const MIN_COLUMN: u16 = 38;

/// Where things are on screen, shared by drawing and mouse handling.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub header: Rect,
    pub main: Rect,
    pub status: Rect,
    /// Overview: one per person on screen, from [`Review::first`].
    pub columns: Vec<Rect>,
    /// Person screen: the excerpt list, open actions, the excerpt, the notes.
    pub list: Rect,
    pub actions: Rect,
    pub reading: Rect,
    pub notes: Rect,
}

/// How many columns fit side by side in `width` for `people` people.
#[must_use]
pub fn columns_fit(width: u16, people: usize) -> usize {
    usize::from((width / MIN_COLUMN).max(1)).min(people.max(1))
}

/// The layout of a frame of this size.
#[must_use]
pub fn layout(size: Rect, r: &Review) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas::default();
    }
    let [header, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut a = Areas {
        header,
        main,
        status,
        ..Areas::default()
    };
    match r.screen {
        Screen::Overview => {
            let fit = columns_fit(main.width, r.people.len());
            let shown = r.people.len().saturating_sub(first(r, fit)).min(fit).max(1);
            let n = u32::try_from(shown).unwrap_or(1);
            a.columns = Layout::horizontal(vec![Constraint::Ratio(1, n); shown])
                .split(main)
                .to_vec();
        }
        Screen::Person if r.zoom => a.reading = main,
        Screen::Person => {
            let has_actions = r
                .person()
                .is_some_and(|p| !p.summary.actions.items.is_empty());
            // The notes take room when they are written in or hold something.
            let notes_used =
                r.focus == Focus::Notes || r.note().is_some_and(|n| !n.area.is_empty());
            if main.width >= 100 {
                let [left, right] =
                    Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)])
                        .areas(main);
                let notes_h = if notes_used {
                    (main.height * 2 / 5).max(6)
                } else {
                    5
                };
                [a.reading, a.notes] =
                    Layout::vertical([Constraint::Min(5), Constraint::Length(notes_h)])
                        .areas(right);
                if has_actions {
                    [a.list, a.actions] =
                        Layout::vertical([Constraint::Min(5), Constraint::Percentage(35)])
                            .areas(left);
                } else {
                    a.list = left;
                }
            } else {
                let notes_h = match (r.focus == Focus::Notes, notes_used) {
                    (true, _) => main.height / 3 + 1,
                    (false, true) => main.height / 4,
                    (false, false) => 4,
                };
                let [top, reading, notes] = Layout::vertical([
                    Constraint::Length(6),
                    Constraint::Min(5),
                    Constraint::Length(notes_h.max(4)),
                ])
                .areas(main);
                a.reading = reading;
                a.notes = notes;
                if has_actions {
                    [a.list, a.actions] = Layout::horizontal([
                        Constraint::Percentage(58),
                        Constraint::Percentage(42),
                    ])
                    .areas(top);
                } else {
                    a.list = top;
                }
            }
        }
    }
    a
}

/// The first column on screen: the state's, kept in range whatever the size.
#[must_use]
pub fn first(r: &Review, fit: usize) -> usize {
    let mut first = r.first.min(r.people.len().saturating_sub(fit));
    if r.selected < first {
        first = r.selected;
    } else if r.selected >= first + fit {
        first = r.selected + 1 - fit;
    }
    first
}

/// The first excerpt shown in a list of this area (the selected one stays in view).
#[must_use]
pub fn list_first(r: &Review, list: Rect) -> usize {
    let rows = usize::from(list.height.saturating_sub(2)).max(1);
    r.person()
        .map_or(0, |p| (p.excerpt + 1).saturating_sub(rows))
}

/// Draws the whole screen.
pub fn draw(r: &Review, f: &mut Frame<'_>) {
    let size = f.area();
    if widgets::too_small(f, "praxis review", (MIN_WIDTH, MIN_HEIGHT)) {
        return;
    }
    let areas = layout(size, r);
    draw_header(r, f, areas.header);
    if r.people.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled("No summaries to review.", r.theme.dim)),
            areas.main,
        );
    } else {
        match r.screen {
            Screen::Overview => {
                let fit = columns_fit(areas.main.width, r.people.len());
                let start = first(r, fit);
                for (i, rect) in areas.columns.iter().enumerate() {
                    if let Some(p) = r.people.get(start + i) {
                        draw_column(r, p, start + i == r.selected, f, *rect);
                    }
                }
            }
            Screen::Person => draw_person(r, f, &areas),
        }
    }
    draw_status(r, f, areas.status);
    if let Some(scroll) = r.help {
        draw_help(r, scroll, f, size);
    }
}

fn block<'a>(r: &Review, title: String, focused: bool) -> Block<'a> {
    widgets::block(&r.theme, title, focused)
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn file_name(p: &std::path::Path) -> String {
    clean_line(&p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ))
}

fn draw_header(r: &Review, f: &mut Frame<'_>, area: Rect) {
    let t = &r.theme;
    let n = r.people.len();
    let right = match r.screen {
        Screen::Overview => {
            let fit = columns_fit(area.width, n);
            if fit < n {
                let start = first(r, fit);
                format!(" people {}–{} of {n} ←/→ ", start + 1, start + fit)
            } else {
                String::new()
            }
        }
        Screen::Person => format!(" person {} of {n} ", r.selected + 1),
    };
    let title = " praxis review ";
    let room = usize::from(area.width).saturating_sub(width(title) + width(&right));
    let about = format!(
        " read-only · {} · notes in {}",
        plural(i64::try_from(n).unwrap_or(0), "summary", "summaries"),
        file_name(&r.notes_path)
    );
    let about = truncate(&about, room).into_owned();
    let gap = room.saturating_sub(width(&about));
    f.render_widget(
        Line::from(vec![
            Span::styled(title, t.title),
            Span::styled(about, t.dim),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, t.dim),
        ]),
        area,
    );
}

/// A key that acts now for an action: while typing, one that is not text.
fn key_for(r: &Review, a: Action) -> Option<String> {
    let (text, _) = super::keys::chain(r.typing());
    r.keymap
        .keys_for(a)
        .into_iter()
        .find(|k| !text.takes(*k))
        .map(|k| k.to_string())
}

fn draw_status(r: &Review, f: &mut Frame<'_>, area: Rect) {
    let t = &r.theme;
    if let Some(msg) = &r.status {
        f.render_widget(Line::from(Span::styled(clean_line(msg), t.warn)), area);
        return;
    }
    let actions: &[(Action, &str)] = match (r.screen, r.focus) {
        _ if r.typing() => &[
            (Action::Save, "save"),
            (Action::Back, "done"),
            (Action::NextPerson, "next person"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (Screen::Overview, _) => &[
            (Action::NextPerson, "person"),
            (Action::Down, "excerpt"),
            (Action::Read, "read"),
            (Action::Notes, "notes"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (Screen::Person, _) => &[
            (Action::Down, "excerpt"),
            (Action::PageDown, "scroll"),
            (Action::Read, if r.zoom { "less" } else { "full screen" }),
            (Action::Notes, "notes"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
    };
    let mark = if r.unsaved() {
        "● unsaved notes "
    } else {
        ""
    };
    let mut room = usize::from(area.width).saturating_sub(width(mark));
    let mut spans = Vec::new();
    if r.typing() {
        let lead = "writing notes  ";
        room = room.saturating_sub(width(lead));
        spans.push(Span::styled(lead, t.accent));
    }
    for (a, label) in actions {
        if let Some(k) = key_for(r, *a) {
            let label = format!(" {label}  ");
            let w = width(&k) + width(&label);
            if w > room {
                break;
            }
            room -= w;
            spans.push(Span::styled(k, t.key));
            spans.push(Span::styled(label, t.status));
        }
    }
    spans.push(Span::raw(" ".repeat(room)));
    spans.push(Span::styled(mark, t.warn));
    f.render_widget(Line::from(spans), area);
}

fn trend_mark(trend: &str) -> String {
    match trend {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "same" => "=".into(),
        "new" => "new".into(),
        "" => String::new(),
        other => truncate(&clean_line(other), 3).into_owned(),
    }
}

/// A week's average (1–5) as one bar character; `·` for a week without one.
fn spark(values: impl Iterator<Item = Option<f64>>) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .map(|v| match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let step = ((v.clamp(1.0, 5.0) - 1.0) / 4.0 * 7.0).round();
                // In range by the clamp: 0..=7.
                BARS[(step as usize).min(7)]
            }
            None => '·',
        })
        .collect()
}

fn average(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map_or_else(|| "–".into(), |v| format!("{:.1}", v.clamp(0.0, 5.0)))
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// "reflection 14, check-in 8" from a map of counts, the largest first.
fn counts<'a>(map: impl Iterator<Item = (&'a String, &'a i64)>, take: usize) -> String {
    let mut v: Vec<(&String, &i64)> = map.take(200).collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .take(take)
        .map(|(k, n)| format!("{} {n}", clean_line(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "5 Jan – 29 Mar 2026", or with both years when they differ.
fn range(s: &Summary) -> String {
    let until = s.period.until;
    match s.period.since {
        Some(since) if since.format("%Y").to_string() == until.format("%Y").to_string() => {
            format!("{} – {}", since.format("%-d %b"), until.format("%-d %b %Y"))
        }
        Some(since) => format!(
            "{} – {}",
            since.format("%-d %b %Y"),
            until.format("%-d %b %Y")
        ),
        None => format!("up to {}", until.format("%-d %b %Y")),
    }
}

/// The period as the writer named it, with its dates.
fn period_line(s: &Summary) -> String {
    let label = clean_line(&s.period.label);
    if label.trim().is_empty() {
        range(s)
    } else {
        format!("{}, {}", label.trim(), range(s))
    }
}

fn draw_column(r: &Review, p: &Person, selected: bool, f: &mut Frame<'_>, area: Rect) {
    let t = &r.theme;
    let s = &p.summary;
    let has_notes = r
        .notes
        .get(p.note)
        .is_some_and(|n| !n.text().trim().is_empty());
    let title = format!(
        "{}{}",
        truncate(&p.name, usize::from(area.width.saturating_sub(8))),
        if has_notes { " ✎" } else { "" }
    );
    let made = format!(" made {} ", s.made_on.format("%-d %b %Y"));
    let b = block(r, title, selected).title_bottom(if s.redacted {
        Line::from(vec![
            Span::styled(" redacted ·", t.dim),
            Span::styled(made, t.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled(" not redacted ", t.warn),
            Span::styled(made, t.dim),
        ])
    });
    let inner = b.inner(area);
    f.render_widget(b, area);
    let w = usize::from(inner.width);
    let chart_h: u16 = if inner.height >= 30 { 5 } else { 3 };
    let [head, chart, axis, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(chart_h),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);

    let kinds = counts(s.by_kind.iter(), 4);
    let head_lines = vec![
        Line::from(Span::styled(
            truncate(&period_line(s), w).into_owned(),
            t.dim,
        )),
        {
            let total = plural(s.entries, "entry", "entries");
            let rest = if kinds.is_empty() {
                String::new()
            } else {
                format!(" · {kinds}")
            };
            let rest = truncate(&rest, w.saturating_sub(width(&total))).into_owned();
            Line::from(vec![Span::styled(total, t.accent), Span::raw(rest)])
        },
    ];
    f.render_widget(Paragraph::new(head_lines), head);

    draw_weeks(r, s, f, chart, axis);

    // The rest: check-ins, strengths, models, actions, stages, call-ins, excerpts.
    let mut top: Vec<Line<'static>> = Vec::new();
    let c = &s.checkins;
    if c.checkins > 0 {
        top.push(Line::from(vec![
            Span::styled("Check-ins ", t.dim),
            Span::raw(format!(
                "{} · {}",
                c.checkins,
                plural(c.heavy_days, "heavy-load day", "heavy-load days")
            )),
        ]));
        let spark_w = w.saturating_sub(7 + 5);
        let weeks = &c.weeks[c.weeks.len().saturating_sub(spark_w)..];
        for (label, avg, series) in [
            ("mood   ", c.mood, spark(weeks.iter().map(|wk| wk.mood))),
            ("energy ", c.energy, spark(weeks.iter().map(|wk| wk.energy))),
        ] {
            top.push(Line::from(vec![
                Span::styled(label, t.dim),
                Span::styled(series, t.accent),
                Span::raw(format!(" {}", average(avg))),
            ]));
        }
    } else {
        top.push(Line::from(vec![
            Span::styled("Check-ins ", t.dim),
            Span::raw("none shared"),
        ]));
    }
    let mut bottom: Vec<Line<'static>> = Vec::new();
    if !s.models.is_empty() {
        let m: Vec<String> = s
            .models
            .iter()
            .take(6)
            .map(|m| format!("{} {}", clean_line(&m.model), m.count))
            .collect();
        bottom.push(Line::from(vec![
            Span::styled("Models ", t.dim),
            Span::raw(truncate(&m.join(", "), w.saturating_sub(7)).into_owned()),
        ]));
    }
    let a = &s.actions;
    bottom.push(Line::from(vec![
        Span::styled("Actions ", t.dim),
        Span::raw(format!("{} open · ", a.open)),
        Span::styled(
            format!("{} overdue", a.overdue),
            if a.overdue > 0 { t.warn } else { t.base },
        ),
        Span::raw(format!(" · {} done", a.done_in_period)),
    ]));
    if let Some(stages) = &s.stages {
        for st in stages.iter().take(3) {
            let who = format!("{} · {}: ", clean_line(&st.subject), clean_line(&st.topic));
            let back = if st.moves_back > 0 {
                format!(" ({} back)", st.moves_back)
            } else {
                String::new()
            };
            let all: Vec<String> = st
                .points
                .iter()
                .rev()
                .take(4)
                .rev()
                .map(|(_, stage)| clean_line(stage))
                .collect();
            let mut path = format!("{}{back}", all.join(" → "));
            // Where the whole path does not fit, where they are now.
            if width(&who) + width(&path) > w
                && let Some(last) = all.last()
            {
                path = format!("… → {last}{back}");
            }
            bottom.push(Line::from(vec![
                Span::styled(truncate(&who, w.saturating_sub(8)).into_owned(), t.dim),
                Span::raw(path),
            ]));
        }
    }
    if let Some(ci) = &s.callins {
        let mut text = counts(ci.by_status.iter(), 3);
        let ruptures = counts(ci.by_rupture.iter(), 3);
        let with = format!("{text} · rupture {ruptures}");
        if !ruptures.is_empty() && width(&with) + 9 <= w {
            text = with;
        }
        bottom.push(Line::from(vec![
            Span::styled("Call-ins ", t.dim),
            Span::raw(if text.is_empty() { "none".into() } else { text }),
        ]));
    }

    // Strengths and excerpts share what is left.
    let room = usize::from(rest.height).saturating_sub(top.len() + bottom.len() + 2);
    let strengths_rows = s.strengths.len().min(room.div_ceil(2).max(3)).min(room);
    let mut lines = top;
    if s.strengths.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Strengths ", t.dim),
            Span::raw("none tagged"),
        ]));
    } else {
        let name_w = w.saturating_sub(25).clamp(10, 18);
        lines.push(Line::from(Span::styled(
            format!(
                "{} {:>3} {:<3} mine/person/team",
                pad("Strengths", name_w),
                "n",
                ""
            ),
            t.dim,
        )));
        for st in s.strengths.iter().take(strengths_rows) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", pad(&clean_line(&st.name), name_w)),
                    t.strength,
                ),
                Span::raw(format!("{:>3} {:<3}", st.total, trend_mark(&st.trend))),
                Span::styled(format!(" {}/{}/{}", st.mine, st.person, st.team), t.dim),
            ]));
        }
    }
    lines.extend(bottom);
    let excerpt_rows = usize::from(rest.height).saturating_sub(lines.len() + 1);
    lines.push(Line::from(vec![
        Span::styled("Excerpts ", t.dim),
        Span::raw(if s.excerpts.is_empty() {
            "none shared".to_string()
        } else {
            format!("{} · enter to read", s.excerpts.len())
        }),
    ]));
    let start = (p.excerpt + 1).saturating_sub(excerpt_rows.max(1));
    let shown = s.excerpts.iter().enumerate().skip(start).take(excerpt_rows);
    let when_w = when_width(shown.clone().map(|(_, e)| e));
    for (i, e) in shown {
        let style = if selected && i == p.excerpt {
            t.selected
        } else {
            t.base
        };
        lines.push(Line::from(Span::styled(
            pad(&excerpt_row(e, when_w), w),
            style,
        )));
    }
    f.render_widget(Paragraph::new(lines), rest);
}

/// Entries per week as bars, as many of the latest weeks as fit, with their dates below.
fn draw_weeks(r: &Review, s: &Summary, f: &mut Frame<'_>, chart: Rect, axis: Rect) {
    let t = &r.theme;
    let w = usize::from(chart.width);
    let n = s.weeks.len();
    if n == 0 {
        f.render_widget(
            Paragraph::new(Span::styled("Nothing written in the period.", t.dim)),
            chart,
        );
    } else {
        let (bar_w, gap) = if n * 2 <= w + 1 {
            (
                u16::try_from(((w + 1) / n).saturating_sub(1).clamp(1, 5)).unwrap_or(1),
                1,
            )
        } else {
            (1, 0)
        };
        let fit = (w + usize::from(gap)) / usize::from(bar_w + gap).max(1);
        let shown = &s.weeks[n.saturating_sub(fit)..];
        let bars: Vec<Bar<'_>> = shown
            .iter()
            .map(|wk| {
                let bar = Bar::default().value(count(wk.total)).style(t.accent);
                let value = count(wk.total).to_string();
                // A count is shown inside its bar when there is room either side.
                if usize::from(bar_w) >= value.len() + 2 {
                    bar.text_value(value)
                        .value_style(t.accent.add_modifier(ratatui::style::Modifier::REVERSED))
                } else {
                    bar.text_value(String::new())
                }
            })
            .collect();
        f.render_widget(
            BarChart::default()
                .data(BarGroup::default().bars(&bars))
                .bar_width(bar_w)
                .bar_gap(gap),
            chart,
        );
        if let (Some(a), Some(b)) = (shown.first(), shown.last()) {
            let from = a.week.format("%-d %b").to_string();
            let to = b.week.format("%-d %b").to_string();
            let label = "entries per week";
            let room = w.saturating_sub(width(&from) + width(&to));
            let line = if room >= width(label) + 2 {
                let left = (room - width(label)) / 2;
                format!(
                    "{from}{}{label}{}{to}",
                    " ".repeat(left),
                    " ".repeat(room - width(label) - left)
                )
            } else {
                format!("{from}{}{to}", " ".repeat(room))
            };
            f.render_widget(
                Line::from(Span::styled(truncate(&line, w).into_owned(), t.dim)),
                axis,
            );
        }
    }
}

/// The width of the "when" column for these excerpts ("March 2026", "2026-03-14").
fn when_width<'a>(excerpts: impl Iterator<Item = &'a Excerpt>) -> usize {
    excerpts
        .map(|e| width(&clean_line(&e.when)))
        .max()
        .unwrap_or(0)
        .min(14)
}

/// One excerpt as a list row: when, a flag if for supervision, title.
fn excerpt_row(e: &Excerpt, when_w: usize) -> String {
    let title = clean_line(&e.title);
    let title = if title.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        title
    };
    format!(
        "{} {}{}",
        pad(&clean_line(&e.when), when_w),
        if e.for_supervision { "⚑ " } else { "" },
        title
    )
}

/// The reading pane's lines for an excerpt at this width.
fn reading_lines(r: &Review, p: &Person, e: &Excerpt, cols: usize) -> Vec<Line<'static>> {
    let t = &r.theme;
    let mut lines = Vec::new();
    for l in wrap(&clean_line(&e.title), cols) {
        lines.push(Line::from(Span::styled(l, t.title)));
    }
    let model = e.model.as_ref().map(|id| {
        p.summary
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

/// How far the reading pane can scroll for the selected excerpt at this size.
#[must_use]
pub fn max_scroll(r: &Review) -> u16 {
    let areas = layout(r.size, r);
    let Some(p) = r.person() else { return 0 };
    let Some(e) = p.summary.excerpts.get(p.excerpt) else {
        return 0;
    };
    let inner = Block::bordered().inner(areas.reading);
    let n = reading_lines(r, p, e, usize::from(inner.width)).len();
    u16::try_from(n.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

fn draw_person(r: &Review, f: &mut Frame<'_>, areas: &Areas) {
    let t = &r.theme;
    let Some(p) = r.person() else { return };
    let s = &p.summary;
    let n = s.excerpts.len();

    // The excerpt being read.
    let title = if n == 0 {
        format!("{} · {}", p.name, period_line(s))
    } else {
        format!("{} · excerpt {} of {n}", p.name, p.excerpt + 1)
    };
    let rb = block(
        r,
        truncate(&title, usize::from(areas.reading.width.saturating_sub(4))).into_owned(),
        r.focus == Focus::Excerpts,
    );
    let inner = rb.inner(areas.reading);
    f.render_widget(rb, areas.reading);
    match s.excerpts.get(p.excerpt) {
        Some(e) => {
            let lines = reading_lines(r, p, e, usize::from(inner.width));
            let max = lines.len().saturating_sub(usize::from(inner.height));
            let skip = usize::from(r.scroll).min(max);
            let shown: Vec<Line<'static>> = lines
                .into_iter()
                .skip(skip)
                .take(usize::from(inner.height))
                .collect();
            f.render_widget(Paragraph::new(shown), inner);
        }
        None => f.render_widget(
            Paragraph::new(Span::styled(
                "No excerpts were shared in this summary.",
                t.dim,
            )),
            inner,
        ),
    }
    if r.zoom {
        return;
    }

    // The excerpt list.
    let lb = block(r, format!("Excerpts ({n})"), false);
    let lin = lb.inner(areas.list);
    f.render_widget(lb, areas.list);
    let start = list_first(r, areas.list);
    let w = usize::from(lin.width);
    let shown = s
        .excerpts
        .iter()
        .enumerate()
        .skip(start)
        .take(usize::from(lin.height));
    let when_w = when_width(shown.clone().map(|(_, e)| e));
    let rows: Vec<Line<'static>> = shown
        .map(|(i, e)| {
            let style = if i == p.excerpt { t.selected } else { t.base };
            Line::from(Span::styled(pad(&excerpt_row(e, when_w), w), style))
        })
        .collect();
    f.render_widget(Paragraph::new(rows), lin);

    // Open actions.
    if areas.actions.height > 0 {
        let a = &s.actions;
        let ab = block(r, "Open actions".into(), false);
        let ain = ab.inner(areas.actions);
        f.render_widget(ab, areas.actions);
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{} open · {} overdue · {} done",
                a.open, a.overdue, a.done_in_period
            ),
            t.dim,
        ))];
        for item in a.items.iter().take(usize::from(ain.height)) {
            let mut spans = vec![Span::raw(format!("• {}", clean_line(&item.text)))];
            if let Some(due) = item.due_on {
                // A redacted summary keeps dates to the month (its due dates are the 1st):
                // show the month, and call it overdue only once that month is over.
                let (when, late) = if s.redacted {
                    let month = |d: chrono::NaiveDate| (d.year(), d.month());
                    (
                        crate::transfer::export::month_year(due),
                        month(due) < month(s.made_on),
                    )
                } else {
                    (due.to_string(), due < s.made_on)
                };
                let late = late && item.status != "done";
                spans.push(Span::styled(
                    format!(" · due {when}{}", if late { " (overdue)" } else { "" }),
                    if late { t.warn } else { t.dim },
                ));
            }
            if !item.status.is_empty() && item.status != "open" {
                spans.push(Span::styled(
                    format!(" · {}", clean_line(&item.status)),
                    t.dim,
                ));
            }
            lines.push(Line::from(spans));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), ain);
    }

    // The reviewer's notes on this person.
    let focused = r.focus == Focus::Notes;
    let nb = block(
        r,
        truncate(
            &format!("Your notes on {} · {}", p.name, file_name(&r.notes_path)),
            usize::from(areas.notes.width.saturating_sub(4)),
        )
        .into_owned(),
        focused,
    );
    let nin = nb.inner(areas.notes);
    f.render_widget(nb, areas.notes);
    if let Some(note) = r.notes.get(p.note) {
        if !focused && note.area.is_empty() {
            let key = key_for(r, Action::Notes).unwrap_or_else(|| "unbound".into());
            f.render_widget(
                Paragraph::new(vec![Line::from(vec![
                    Span::styled("Press ", t.placeholder),
                    Span::styled(key, t.key),
                    Span::styled(
                        " to write notes on this person. They are saved to the notes file, never to a journal.",
                        t.placeholder,
                    ),
                ])])
                .wrap(Wrap { trim: true }),
                nin,
            );
        } else {
            f.render_widget(&note.area, nin);
        }
    }
}

fn draw_help(r: &Review, scroll: u16, f: &mut Frame<'_>, size: Rect) {
    let notes = [
        format!(
            "Notes are saved to {} with {} and whenever you quit. Nothing here is written to a journal.",
            clean_line(&r.notes_path.display().to_string()),
            r.keymap.first_key(Action::Save)
        ),
        "While you write notes, letters, arrows and enter are text: esc leaves the notes."
            .to_string(),
    ];
    widgets::help(
        f,
        &r.theme,
        &r.keymap,
        &widgets::HelpText {
            title: "Keys · praxis review",
            notes: &notes,
            footer: "Keys can be changed in the config's [keys] table (the names shared with the journal). Any other key closes this window.",
        },
        scroll,
        size,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparks_and_averages_never_fail_on_odd_numbers() {
        assert_eq!(
            spark(
                [
                    Some(1.0),
                    Some(5.0),
                    None,
                    Some(f64::NAN),
                    Some(1e300),
                    Some(-3.0)
                ]
                .into_iter()
            ),
            "▁█··█▁"
        );
        assert_eq!(average(Some(f64::INFINITY)), "–");
        assert_eq!(average(Some(3.44)), "3.4");
    }

    #[test]
    fn columns_fit_by_width() {
        assert_eq!(columns_fit(80, 2), 2);
        assert_eq!(columns_fit(80, 5), 2);
        assert_eq!(columns_fit(120, 5), 3);
        assert_eq!(columns_fit(60, 3), 1);
        assert_eq!(columns_fit(200, 1), 1);
    }
}
