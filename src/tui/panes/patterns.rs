//! The Patterns pane: a period at a glance (entries per week, mood and energy, heavy
//! load, strengths and the rest), and what is selected for drill-down (a week of the bar
//! chart, or a strength). It owns its state, turns actions into outcomes and draws itself.

use anyhow::Result;
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::config::catalog::Catalog;
use crate::insights::{self, Insights, Period};
use crate::model::text::{pad, sanitize_line};
use crate::store::{EntryFilter, Store};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The periods `[` and `]` step through.
pub const PERIODS: [&str; 4] = ["4w", "quarter", "year", "all"];

/// Which list the arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Weeks,
    Strengths,
}

/// The Patterns pane.
#[derive(Debug, Default)]
pub struct Patterns {
    pub period: usize,
    pub insights: Option<Insights>,
    pub week: usize,
    pub strength: usize,
    pub focus: Focus,
}

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
        &[
            Action::PeriodPrev,
            Action::PeriodNext,
            Action::WeekPrev,
            Action::WeekNext,
            Action::DrillDown,
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
        }
        Ok(())
    }

    fn clamp(&mut self) {
        if let Some(ins) = &self.insights {
            self.week = self.week.min(ins.weeks.len().saturating_sub(1));
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
        self.week = ins.weeks.len().saturating_sub(1);
        self.strength = self.strength.min(ins.strengths.len().saturating_sub(1));
        self.insights = Some(ins);
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
        let n = self.insights.as_ref().map_or(0, |i| i.weeks.len());
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
                let w = ins.weeks.get(self.week)?;
                Some(EntryFilter {
                    since: Some(w.week),
                    until: w.week.checked_add_days(Days::new(6)),
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
        use ratatui::widgets::{
            Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Sparkline,
        };

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
        let focus_weeks = p.focus == Focus::Weeks;
        let bb = widgets::block(t, "Entries per week", focus_weeks);
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
        .block(widgets::block(t, "Mood and energy by week", false))
        .x_axis(Axis::default().bounds([0.0, x_max]))
        .y_axis(
            Axis::default()
                .bounds([1.0, 5.0])
                .labels(vec![Span::raw("1"), Span::raw("5")]),
        );
        if weeks.is_empty() {
            let b = widgets::block(t, "Mood and energy by week", false);
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
                .block(widgets::block(t, "Heavy-load days by week", false))
                .data(&heavy)
                .max(7)
                .style(t.warn),
            spark_area,
        );

        // Strengths (selectable) and the rest as text.
        let [left, rest] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(bottom);
        let focus_strengths = p.focus == Focus::Strengths;
        let sb = widgets::block(t, "Strengths", focus_strengths);
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

        let rb = widgets::block(t, "More", false);
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
}
