//! The Patterns pane: a period at a glance (entries per week, mood and energy, heavy
//! load, strengths and the rest), and what is selected for drill-down (a week of the bar
//! chart, or a strength), and practice with others (what keeps the worker going, how long
//! repairs take). It owns its state, turns actions into outcomes and draws itself.

use anyhow::Result;
use chrono::{Datelike as _, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::rc::Rc;

use crate::config::catalog::Catalog;
use crate::insights::{self, Insights, KeepsMeGoing, Period, Repairs};
use crate::model::text::{pad, sanitize_line};
use crate::store::{EntryFilter, Store};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome};
use crate::tui::keymap::{Bindable as _, Text};
use crate::tui::widgets;

/// The periods `[` and `]` step through.
pub const PERIODS: [&str; 4] = ["4w", "quarter", "year", "all"];

/// What a bar of the entries chart stands for: a week, or, when the period's weeks do not
/// fit across the chart, a month or a year (by the month or year each week starts in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    Month,
    Year,
}

impl Unit {
    /// The unit in a word: what the status line calls a bar.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// One bar of the entries chart: its weeks added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub label: String,
    /// The first day of its first week and the last of its last.
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub total: i64,
    /// Days of heavy load its check-ins recorded.
    pub heavy: i64,
    pub by_kind: std::collections::BTreeMap<String, i64>,
}

/// How the bars of a unit are drawn: width and gap.
fn bar_shape(unit: Unit, tight: bool) -> (u16, u16) {
    match unit {
        Unit::Week => (4, 1),
        Unit::Month if tight => (3, 0),
        Unit::Month => (3, 1),
        Unit::Year => (4, 1),
    }
}

/// How many bars of this shape fit across `cols`.
fn bars_fit(cols: u16, (w, gap): (u16, u16)) -> usize {
    usize::from((cols + gap) / (w + gap)).max(1)
}

/// The bars of the entries chart for a chart `cols` wide: weeks while they fit, else
/// months (closer together if that is what fits), else years; and how they are drawn.
#[must_use]
pub fn buckets(ins: &Insights, cols: u16) -> (Unit, (u16, u16), Vec<Bucket>) {
    let heavy: std::collections::HashMap<NaiveDate, i64> = ins
        .checkins
        .weeks
        .iter()
        .map(|w| (w.week, w.heavy_days))
        .collect();
    let by = |unit: Unit| -> Vec<Bucket> {
        let mut out: Vec<Bucket> = Vec::new();
        let mut last_key: Option<NaiveDate> = None;
        for w in &ins.weeks {
            let (label, key) = match unit {
                Unit::Week => (w.week.format("%-d/%-m").to_string(), w.week),
                Unit::Month => (
                    w.week.format("%b").to_string(),
                    w.week.with_day(1).unwrap_or(w.week),
                ),
                Unit::Year => (
                    w.week.format("%Y").to_string(),
                    w.week.with_ordinal(1).unwrap_or(w.week),
                ),
            };
            // Within the period: its first and last weeks are counted from its first day
            // and up to its last.
            let start = ins.period.since.map_or(w.week, |s| s.max(w.week));
            let end = w
                .week
                .checked_add_days(Days::new(6))
                .unwrap_or(w.week)
                .min(ins.period.until);
            let same = unit != Unit::Week && last_key == Some(key);
            last_key = Some(key);
            if !same {
                out.push(Bucket {
                    label,
                    since: start,
                    until: end,
                    total: 0,
                    heavy: 0,
                    by_kind: std::collections::BTreeMap::new(),
                });
            }
            if let Some(b) = out.last_mut() {
                b.until = end;
                b.total += w.total;
                b.heavy += heavy.get(&w.week).copied().unwrap_or(0);
                for (k, n) in &w.by_kind {
                    *b.by_kind.entry(k.clone()).or_insert(0) += n;
                }
            }
        }
        out
    };
    if ins.weeks.len() <= bars_fit(cols, bar_shape(Unit::Week, false)) {
        return (Unit::Week, bar_shape(Unit::Week, false), by(Unit::Week));
    }
    let months = by(Unit::Month);
    for tight in [false, true] {
        if months.len() <= bars_fit(cols, bar_shape(Unit::Month, tight)) {
            return (Unit::Month, bar_shape(Unit::Month, tight), months);
        }
    }
    (Unit::Year, bar_shape(Unit::Year, false), by(Unit::Year))
}

/// Which list the arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Weeks,
    Strengths,
}

/// What the pane shows: the period at a glance, or practice with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Glance,
    Others,
}

/// Practice with others over the period: what keeps the worker going (over months) and
/// how long repairs took.
#[derive(Debug, Clone)]
pub struct WithOthers {
    pub going: KeepsMeGoing,
    pub repairs: Repairs,
}

/// The Patterns pane.
#[derive(Debug, Default)]
pub struct Patterns {
    pub period: usize,
    pub insights: Option<Insights>,
    pub view: View,
    /// Practice with others for the period shown; read only while that view is shown.
    pub others: Option<WithOthers>,
    pub week: usize,
    pub strength: usize,
    pub focus: Focus,
    /// The width of the entries chart as last drawn: it decides what a bar stands for.
    chart_cols: std::cell::Cell<u16>,
    /// The bars for the insights shown, and the chart width they were made for: made
    /// once, not for every frame, key and status line.
    bars_made: std::cell::RefCell<Option<(u16, Rc<Bars>)>>,
}

/// What the entries chart shows: the unit of a bar, how bars are drawn (width, gap), and
/// the bars.
pub type Bars = (Unit, (u16, u16), Vec<Bucket>);

/// The entries chart's width before the pane is first drawn (an 80-column screen's).
const CHART_COLS: u16 = 42;

impl Patterns {
    /// Where its keys are looked up (nothing here is typed).
    #[must_use]
    pub fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[Context::Patterns, Context::Moving, Context::Global],
        )
    }

    /// The actions the status bar offers.
    #[must_use]
    pub fn hints(&self) -> &'static [Action] {
        if self.view == View::Others {
            return &[
                Action::PeriodPrev,
                Action::PeriodNext,
                Action::OthersView,
                Action::Help,
            ];
        }
        &[
            Action::PeriodPrev,
            Action::PeriodNext,
            Action::WeekPrev,
            Action::WeekNext,
            Action::DrillDown,
            Action::OthersView,
            Action::Help,
        ]
    }

    /// Shown: the period's insights are computed if they are not yet.
    pub fn enter(&mut self, env: &Env) -> Result<()> {
        if self.insights.is_none() {
            self.load(&env.store, &env.catalog, env.clock.today())?;
        }
        Ok(())
    }

    /// The journal changed: computed again now if on screen, else when next shown.
    pub fn refresh(&mut self, shown: bool, env: &Env) -> Result<()> {
        if shown {
            let keep = (self.week, self.strength);
            self.load(&env.store, &env.catalog, env.clock.today())?;
            (self.week, self.strength) = keep;
            self.clamp();
        } else {
            self.insights = None;
            self.others = None;
            self.bars_made.take();
        }
        Ok(())
    }

    /// The status line's word for an action: a bar is a week, a month or a year.
    #[must_use]
    pub fn label(&self, a: Action) -> &'static str {
        match a {
            Action::WeekPrev | Action::WeekNext => self.bars().map_or(Unit::Week, |b| b.0).name(),
            Action::OthersView if self.view == View::Others => "at a glance",
            _ => a.label(),
        }
    }

    /// The bars of the entries chart, at the width it was last drawn.
    #[must_use]
    pub fn bars(&self) -> Option<Rc<Bars>> {
        let cols = match self.chart_cols.get() {
            0 => CHART_COLS,
            c => c,
        };
        self.bars_at(cols)
    }

    /// The bars for a chart `cols` wide, made again only when the width or the insights
    /// changed.
    fn bars_at(&self, cols: u16) -> Option<Rc<Bars>> {
        let ins = self.insights.as_ref()?;
        if let Some((made_for, bars)) = &*self.bars_made.borrow()
            && *made_for == cols
        {
            return Some(Rc::clone(bars));
        }
        let bars = Rc::new(buckets(ins, cols));
        *self.bars_made.borrow_mut() = Some((cols, Rc::clone(&bars)));
        Some(bars)
    }

    fn clamp(&mut self) {
        let bars = self.bars().map_or(0, |b| b.2.len());
        if let Some(ins) = &self.insights {
            self.week = self.week.min(bars.saturating_sub(1));
            self.strength = self.strength.min(ins.strengths.len().saturating_sub(1));
        }
    }

    /// Does an action of its contexts; others are passed on.
    pub fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        match action {
            Action::PeriodPrev | Action::PeriodNext => {
                let by = if action == Action::PeriodPrev { -1 } else { 1 };
                self.step_period(&env.store, &env.catalog, env.clock.today(), by)?;
            }
            Action::OthersView => {
                self.view = match self.view {
                    View::Glance => View::Others,
                    View::Others => View::Glance,
                };
                self.load_others(&env.store, env.clock.today())?;
            }
            // The selection belongs to the period at a glance.
            Action::WeekPrev
            | Action::WeekNext
            | Action::DrillDown
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
                if self.view == View::Others => {}
            Action::WeekPrev => self.step_week(-1),
            Action::WeekNext => self.step_week(1),
            Action::DrillDown => {
                if let Some(filter) = self.drill_filter() {
                    return Ok(Outcome::Then(Msg::Show(filter)));
                }
            }
            Action::Up => self.step_strength(-1),
            Action::Down => self.step_strength(1),
            Action::PageUp => self.step_strength(-10),
            Action::PageDown => self.step_strength(10),
            Action::Top => self.step_strength(-1000),
            Action::Bottom => self.step_strength(1000),
            _ => return Ok(Outcome::Passed),
        }
        Ok(Outcome::Done)
    }

    /// Computes the insights of the chosen period.
    pub fn load(&mut self, store: &Store, catalog: &Catalog, today: NaiveDate) -> Result<()> {
        let period = Period::named(PERIODS[self.period.min(PERIODS.len() - 1)], today)?;
        let ins = insights::compute(store, catalog, &period, today)?;
        self.strength = self.strength.min(ins.strengths.len().saturating_sub(1));
        self.insights = Some(ins);
        self.bars_made.take();
        // The newest bar selected.
        self.week = self.bars().map_or(0, |b| b.2.len().saturating_sub(1));
        self.others = None;
        self.load_others(store, today)
    }

    /// Reads practice with others for the chosen period when that view is shown and it
    /// is not read yet.
    pub fn load_others(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        if self.view != View::Others || self.others.is_some() {
            return Ok(());
        }
        let period = Period::named(PERIODS[self.period.min(PERIODS.len() - 1)], today)?;
        self.others = Some(WithOthers {
            going: insights::keeps_me_going(store, &period)?,
            repairs: insights::repairs(store, &period)?,
        });
        Ok(())
    }

    /// Steps to a shorter (`-1`) or longer (`+1`) period.
    pub fn step_period(
        &mut self,
        store: &Store,
        catalog: &Catalog,
        today: NaiveDate,
        by: isize,
    ) -> Result<()> {
        let to = self.period.saturating_add_signed(by).min(PERIODS.len() - 1);
        if to != self.period {
            self.period = to;
            self.load(store, catalog, today)?;
        }
        Ok(())
    }

    /// Moves the week selection; the first press only moves the focus to the weeks.
    pub fn step_week(&mut self, by: isize) {
        if self.focus != Focus::Weeks {
            self.focus = Focus::Weeks;
            return;
        }
        let n = self.bars().map_or(0, |b| b.2.len());
        if n > 0 {
            self.week = self.week.saturating_add_signed(by).min(n - 1);
        }
    }

    /// Moves the strength selection; the first press only moves the focus to the list.
    pub fn step_strength(&mut self, by: isize) {
        if self.focus != Focus::Strengths {
            self.focus = Focus::Strengths;
            return;
        }
        let n = self.insights.as_ref().map_or(0, |i| i.strengths.len());
        if n > 0 {
            self.strength = self.strength.saturating_add_signed(by).min(n - 1);
        }
    }

    /// The journal filter that shows what is selected: a week's entries, or the period's
    /// entries tagged with a strength.
    #[must_use]
    pub fn drill_filter(&self) -> Option<EntryFilter> {
        let ins = self.insights.as_ref()?;
        match self.focus {
            Focus::Weeks => {
                let bars = self.bars()?;
                let b = bars.2.get(self.week)?;
                Some(EntryFilter {
                    since: Some(b.since),
                    until: Some(b.until),
                    ..EntryFilter::default()
                })
            }
            Focus::Strengths => {
                let s = ins.strengths.get(self.strength)?;
                Some(EntryFilter {
                    strength: Some(s.name.clone()),
                    since: ins.period.since,
                    until: Some(ins.period.until),
                    ..EntryFilter::default()
                })
            }
        }
    }
}

impl Patterns {
    /// Draws the pane.
    pub fn draw(&self, f: &mut Frame<'_>, area: Rect, env: &Env) {
        use ratatui::symbols::Marker;
        use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType};

        let t = &env.theme;
        let p = self;
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
        // The period, its dates, and what the pane is for, as far as the row holds
        // them whole.
        let mut spans = vec![Span::styled(
            format!(" Patterns, {} ", ins.period.label),
            t.title,
        )];
        for piece in [
            format!("({range})"),
            " · prompts for supervision".to_string(),
            ", never a score".to_string(),
        ] {
            let used: usize = spans
                .iter()
                .map(|s| crate::model::text::width(&s.content))
                .sum();
            if used + crate::model::text::width(&piece) > usize::from(head.width) {
                break;
            }
            spans.push(Span::styled(piece, t.dim));
        }
        f.render_widget(Line::from(spans), head);
        if self.view == View::Others {
            let [_, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
            self.draw_others(f, body, env);
            return;
        }
        let [bars_area, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);

        // Entries per week (or month, or year): the bar chart, the selected bar
        // highlighted, and under each bar its days of heavy load.
        let focus_weeks = p.focus == Focus::Weeks;
        let inner_cols = Block::bordered().inner(bars_area).width;
        self.chart_cols.set(inner_cols);
        let Some(bars) = self.bars_at(inner_cols) else {
            return;
        };
        let (unit, (bar_w, gap), all) = (bars.0, bars.1, &bars.2);
        let bb =
            widgets::block(t, format!("Entries per {}", unit.name()), focus_weeks).title_bottom(
                Line::from(Span::styled(" under each: heavy-load days ", t.dim)),
            );
        let inner = bb.inner(bars_area);
        f.render_widget(bb, bars_area);
        let fit = bars_fit(inner.width, (bar_w, gap));
        let sel = p.week.min(all.len().saturating_sub(1));
        let start = (sel + 1).saturating_sub(fit);
        let shown: Vec<(usize, &Bucket)> = all.iter().enumerate().skip(start).take(fit).collect();
        let bars: Vec<Bar<'_>> = shown
            .iter()
            .map(|(i, b)| {
                let style = if *i == sel && focus_weeks {
                    t.highlight
                } else {
                    t.accent
                };
                let bar = Bar::default()
                    .value(u64::try_from(b.total).unwrap_or(0))
                    .label(Line::from(b.label.clone()))
                    .style(style)
                    .value_style(style.add_modifier(ratatui::style::Modifier::REVERSED));
                // Bars side by side with no gap: numbers in them would run together (the
                // selected bar's count is under More).
                if gap == 0 {
                    bar.text_value(String::new())
                } else {
                    bar
                }
            })
            .collect();
        if ins.weeks.is_empty() {
            f.render_widget(
                Paragraph::new(Span::styled("Nothing written in this period.", t.dim)),
                inner,
            );
        } else {
            let [chart_rows, heavy_row] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            f.render_widget(
                BarChart::default()
                    .data(BarGroup::default().bars(&bars))
                    .bar_width(bar_w)
                    .bar_gap(gap),
                chart_rows,
            );
            let w = usize::from(bar_w);
            let heavy: Vec<Span<'static>> = shown
                .iter()
                .map(|(_, b)| {
                    let n = if b.heavy == 0 {
                        "·".to_string()
                    } else {
                        b.heavy.to_string()
                    };
                    let cell = format!("{n:^w$}");
                    let cell = format!("{cell:<width$}", width = w + usize::from(gap));
                    Span::styled(cell, if b.heavy == 0 { t.dim } else { t.warn })
                })
                .collect();
            f.render_widget(Line::from(heavy), heavy_row);
        }

        // Mood and energy by week, its legend in its title.
        let chart_area = right;
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
        let legend = Line::from(vec![
            Span::styled(" Mood ", t.title),
            Span::styled("⠒⠒", t.accent),
            Span::styled(" and energy ", t.title),
            Span::styled("••", t.strength),
            Span::styled(" by week ", t.title),
        ]);
        let chart_block = Block::bordered().border_style(t.border).title(legend);
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
        .block(chart_block.clone())
        .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)))
        .x_axis(Axis::default().bounds([0.0, x_max]))
        .y_axis(
            Axis::default()
                .bounds([1.0, 5.0])
                .labels(vec![Span::raw("1"), Span::raw("5")]),
        );
        if weeks.is_empty() {
            let i = chart_block.inner(chart_area);
            f.render_widget(chart_block, chart_area);
            f.render_widget(
                Paragraph::new(Span::styled("No check-ins in this period.", t.dim)),
                i,
            );
        } else {
            f.render_widget(chart, chart_area);
        }

        // Strengths (selectable) and the rest as text.
        let [left, rest] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(bottom);
        let focus_strengths = p.focus == Focus::Strengths;
        let sb = widgets::block(t, "Strengths", focus_strengths).title_bottom(Line::from(
            Span::styled(" whose: me/person/team/colleague ", t.dim),
        ));
        let sin = sb.inner(left);
        f.render_widget(sb, left);
        let mut lines: Vec<Line<'static>> = Vec::new();
        if ins.strengths.is_empty() {
            lines.push(Line::from(Span::styled(
                "None tagged in this period.",
                t.dim,
            )));
        }
        if !ins.strengths.is_empty() {
            // The columns named: times tagged, the trend, and whose (as the review has it).
            lines.push(Line::from(Span::styled(
                format!("{} {:>3} {:<3} {}", pad("", 15), "n", "", "m/p/t/c"),
                t.dim,
            )));
        }
        let height = usize::from(sin.height).saturating_sub(lines.len());
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
                Span::styled(
                    format!(" {}/{}/{}/{}", st.mine, st.person, st.team, st.colleague),
                    t.dim,
                ),
            ]));
        }
        f.render_widget(Paragraph::new(lines), sin);

        let rb = widgets::block(t, "More", false);
        let rin = rb.inner(rest);
        f.render_widget(rb, rest);
        let mut more: Vec<Line<'static>> = Vec::new();
        if let Some(b) = all.get(sel) {
            let split: Vec<String> = b.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let when = match unit {
                Unit::Week => format!("Week of {}: ", b.since),
                Unit::Month | Unit::Year => format!("{} to {}: ", b.since, b.until),
            };

            more.push(Line::from(vec![
                Span::styled(when, t.accent),
                Span::raw(if split.is_empty() {
                    "nothing written".to_string()
                } else {
                    format!(
                        "{} entr{} ({})",
                        b.total,
                        if b.total == 1 { "y" } else { "ies" },
                        split.join(", ")
                    )
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
        f.render_widget(
            Paragraph::new(widgets::wrap_lines(&more, usize::from(rin.width))),
            rin,
        );
    }
}

/// A count with its noun, singular or plural.
fn counted(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many of the newest months the table of what keeps the worker going shows.
const MONTHS_SHOWN: usize = 6;

impl Patterns {
    /// Draws practice with others: what keeps the worker going, and how long repairs took.
    fn draw_others(&self, f: &mut Frame<'_>, area: Rect, env: &Env) {
        let t = &env.theme;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                .areas(area);
        let Some(w) = &self.others else {
            return;
        };
        let k = &w.going;
        let gb = widgets::block(t, "What keeps me going", true).title_bottom(Line::from(
            Span::styled(" your words and counts, never a score ", t.dim),
        ));
        let gin = gb.inner(left);
        f.render_widget(gb, left);
        let mut lines: Vec<Line<'static>> = vec![Line::from(Span::styled(
            format!("Since {}, month by month", k.since.format("%b %Y")),
            t.dim,
        ))];
        if k.is_empty() {
            lines.push(Line::from(Span::styled(
                "Nothing yet: recognition, feedback and what helped in check-ins gather here.",
                t.dim,
            )));
        } else {
            lines.push(Line::from(Span::styled(
                format!(
                    "{:<8} {:>8} {:>5} {:>8} {:>6}",
                    "", "received", "given", "feedback", "helped"
                ),
                t.dim,
            )));
            let skip = k.months.len().saturating_sub(MONTHS_SHOWN);
            for m in k.months.iter().skip(skip) {
                let label = NaiveDate::parse_from_str(&format!("{}-01", m.month), "%Y-%m-%d")
                    .map_or_else(|_| m.month.clone(), |d| d.format("%b %Y").to_string());
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:<8} "), t.accent),
                    Span::raw(format!(
                        "{:>8} {:>5} {:>8} {:>6}",
                        m.recognition_received, m.recognition_given, m.feedback, m.helped
                    )),
                ]));
            }
            let unsaid: i64 = k.months.iter().map(|m| m.given_not_yet_said).sum();
            if unsaid > 0 {
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} you gave not yet said to them",
                        counted(unsaid, "recognition", "recognitions")
                    ),
                    t.dim,
                )));
            }
        }
        for r in &k.received {
            let mut spans = vec![
                Span::styled("Received ", t.dim),
                Span::raw(sanitize_line(&r.entry.title).into_owned()),
            ];
            if let Some(meant) = r.meant.as_deref().filter(|m| !m.trim().is_empty()) {
                spans.push(Span::styled(
                    format!(": \u{201c}{}\u{201d}", sanitize_line(meant.trim())),
                    t.strength,
                ));
            }
            lines.push(Line::from(spans));
        }
        if !k.helped_words.is_empty() {
            let words: Vec<String> = k
                .helped_words
                .iter()
                .map(|(w, n)| format!("{} {n}", sanitize_line(w)))
                .collect();
            lines.push(Line::from(vec![
                Span::styled("What helped ", t.dim),
                Span::raw(words.join(" · ")),
            ]));
        }
        if let Some(h) = k.helped_recent.first() {
            lines.push(Line::from(vec![
                Span::styled("Helped lately ", t.dim),
                Span::styled(
                    format!("\u{201c}{}\u{201d}", sanitize_line(h.trim())),
                    t.strength,
                ),
            ]));
        }
        if k.good_weeks > 0 {
            let names: Vec<String> = k
                .good_week_strengths
                .iter()
                .take(5)
                .map(|(n, c)| format!("{} {c}", sanitize_line(n)))
                .collect();
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{} ",
                        counted(
                            i64::try_from(k.good_weeks).unwrap_or(i64::MAX),
                            "good week",
                            "good weeks"
                        )
                    ),
                    t.dim,
                ),
                Span::raw(if names.is_empty() {
                    "(no strengths of yours tagged in them)".to_string()
                } else {
                    format!("showed {}", names.join(" · "))
                }),
            ]));
        }
        f.render_widget(
            Paragraph::new(widgets::wrap_lines(&lines, usize::from(gin.width))),
            gin,
        );

        let r = &w.repairs;
        let rb = widgets::block(t, "How long repairs take", false);
        let rin = rb.inner(right);
        f.render_widget(rb, right);
        let mut lines: Vec<Line<'static>> = Vec::new();
        if r.repaired_days.is_empty() {
            lines.push(Line::from(Span::styled(
                "No rupture repaired in this period.",
                t.dim,
            )));
        } else {
            let n = i64::try_from(r.repaired_days.len()).unwrap_or(i64::MAX);
            lines.push(Line::from(Span::raw(format!(
                "{} in this period, noticed to repaired:",
                counted(n, "repair", "repairs")
            ))));
            let lo = r.repaired_days.iter().min().copied().unwrap_or(0);
            let hi = r.repaired_days.iter().max().copied().unwrap_or(0);
            lines.push(Line::from(if lo == hi {
                vec![
                    Span::styled(if n == 1 { "took " } else { "each took " }, t.dim),
                    Span::styled(counted(lo, "day", "days"), t.accent),
                ]
            } else {
                vec![
                    Span::styled("from ", t.dim),
                    Span::styled(lo.to_string(), t.accent),
                    Span::styled(" to ", t.dim),
                    Span::styled(counted(hi, "day", "days"), t.accent),
                ]
            }));
            // Each one, in the order they were repaired (the newest last).
            if n > 1 {
                let each: Vec<String> = r.repaired_days.iter().map(|d| format!("{d}d")).collect();
                lines.push(Line::from(vec![
                    Span::styled("one by one ", t.dim),
                    Span::raw(each.join(" ")),
                ]));
            }
        }
        if r.open > 0 {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} still being worked through",
                    counted(r.open, "rupture", "ruptures")
                ),
                t.warn,
            )));
        }
        lines.push(Line::from(Span::styled(
            "Repairs take the time they take: a rupture worked through is ordinary practice.",
            t.dim,
        )));
        f.render_widget(
            Paragraph::new(widgets::wrap_lines(&lines, usize::from(rin.width))),
            rin,
        );
    }
}
