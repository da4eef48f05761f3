//! Drawing the review: a pure function of its state. Every string from a summary goes
//! through [`clean_line`] or [`super::reading::clean_text`] first, and everything is cut
//! to its area, so a hostile file can neither act on the terminal nor break the layout.

use chrono::Datelike as _;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};

use super::keys::Action;
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, columns_fit, layout, list_first};
use super::reading::clean_line;
use super::state::{Focus, Person, Review, Screen};
use crate::model::text::{pad, plural, truncate, width};
use crate::transfer::summary::{Excerpt, Summary};
use crate::tui::widgets;

/// Draws the whole screen.
pub fn draw(r: &Review, f: &mut Frame<'_>) {
    let size = f.area();
    if widgets::too_small(f, "praxis review", (MIN_WIDTH, MIN_HEIGHT)) {
        return;
    }
    let areas = layout(size, &r.shape());
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
                let start = r.shape().first(fit);
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
                let start = r.shape().first(fit);
                format!(" people {}–{} of {n} ←/→ ", start + 1, start + fit)
            } else {
                String::new()
            }
        }
        Screen::Person => format!(" person {} of {n} ", r.selected + 1),
    };
    let title = " praxis review ";
    let room = usize::from(area.width).saturating_sub(width(title) + width(&right));
    // What fits whole, never a name cut short: the notes' file goes first when it does
    // not fit (the notes window names it too).
    let mut about = String::new();
    for piece in [
        " read-only".to_string(),
        format!(" · {}", plural(n, "summary", "summaries")),
        format!(" · notes in {}", file_name(&r.notes_path)),
    ] {
        if width(&about) + width(&piece) > room {
            break;
        }
        about.push_str(&piece);
    }
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

fn draw_column(r: &Review, p: &Person, selected: bool, f: &mut Frame<'_>, area: Rect) {
    let t = &r.theme;
    let s = &p.summary;
    let has_notes = r
        .notes
        .get(p.note)
        .is_some_and(|n| !n.text().trim().is_empty());
    let title = format!(
        "{}{}",
        truncate(&p.label, usize::from(area.width.saturating_sub(8))),
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
        Line::from(Span::styled(truncate(&p.period, w).into_owned(), t.dim)),
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

    // The rest: check-ins, strengths, models, actions, practice with others, stages,
    // call-ins, excerpts.
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
    if let Some(others) = s.with_others.as_ref().filter(|o| !o.is_empty()) {
        for (_, label, text) in others.lines() {
            let label = format!("{label} ");
            let room = w.saturating_sub(width(&label));
            bottom.push(Line::from(vec![
                Span::styled(label, t.dim),
                Span::raw(truncate(&clean_line(&text), room).into_owned()),
            ]));
        }
    }
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
            let mut who = who;
            let mut path = format!("{}{back}", all.join(" → "));
            // Where the whole path does not fit, where they are now; the stage is never
            // cut, the subject and topic give way to it.
            if width(&who) + width(&path) > w
                && let Some(last) = all.last()
            {
                path = format!(" → {last}{back}");
                let who_w = w.saturating_sub(width(&path)).max(6);
                who = truncate(who.trim_end().trim_end_matches(':'), who_w).into_owned();
            }
            bottom.push(Line::from(vec![Span::styled(who, t.dim), Span::raw(path)]));
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
    // Strengths take the rows the excerpts do not need (the excerpts keep at least half
    // when they have that many); any left out are counted on the last row.
    let excerpts_want = s.excerpts.len().min(room / 2);
    let strengths_room = room
        .saturating_sub(excerpts_want)
        .max(room.div_ceil(2).max(3))
        .min(room);
    let strengths_rows = if s.strengths.len() > strengths_room {
        strengths_room.saturating_sub(1)
    } else {
        s.strengths.len()
    };
    let mut lines = top;
    if s.strengths.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Strengths ", t.dim),
            Span::raw("none tagged"),
        ]));
    } else {
        let name_w = w.saturating_sub(25).clamp(10, 18);
        // A colleague's share has its own column only where someone was recognised.
        let colleague = s.strengths.iter().any(|st| st.colleague > 0);
        lines.push(Line::from(Span::styled(
            format!(
                "{} {:>3} {:<3} mine/person/team{}",
                pad("Strengths", name_w),
                "n",
                "",
                if colleague { "/colleague" } else { "" }
            ),
            t.dim,
        )));
        for st in s.strengths.iter().take(strengths_rows) {
            let mut split = format!(" {}/{}/{}", st.mine, st.person, st.team);
            if colleague {
                split.push_str(&format!("/{}", st.colleague));
            }
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", pad(&clean_line(&st.name), name_w)),
                    t.strength,
                ),
                Span::raw(format!("{:>3} {:<3}", st.total, st.trend.arrow())),
                Span::styled(split, t.dim),
            ]));
        }
        let left_out = s.strengths.len() - strengths_rows;
        if left_out > 0 {
            lines.push(Line::from(Span::styled(
                format!("… {left_out} more"),
                t.dim,
            )));
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
            // A redacted summary's weeks by their month, as its writer's export showed them.
            let day = if s.redacted { "%b %Y" } else { "%-d %b" };
            let from = a.week.format(day).to_string();
            let to = b.week.format(day).to_string();
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

fn draw_person(r: &Review, f: &mut Frame<'_>, areas: &Areas) {
    let t = &r.theme;
    let Some(p) = r.person() else { return };
    let s = &p.summary;
    let n = s.excerpts.len();

    // The excerpt being read.
    let title = if n == 0 {
        format!("{} · {}", p.label, p.period)
    } else {
        format!("{} · excerpt {} of {n}", p.label, p.excerpt + 1)
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
            let lines = super::reading::lines(&r.theme, &p.summary, e, usize::from(inner.width));
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
    let start = list_first(p.excerpt, areas.list);
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
            footer: format!(
                "{} and {} scroll this window; any other key closes it. Keys can be changed in the config's [keys] table (the names shared with the journal).",
                r.keymap.first_key(Action::Up),
                r.keymap.first_key(Action::Down)
            ),
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
}
