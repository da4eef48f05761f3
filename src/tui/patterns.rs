//! The Patterns pane's state: a period, its insights, and what is selected for
//! drill-down (a week of the bar chart, or a strength).

use anyhow::Result;
use chrono::{Days, NaiveDate};

use crate::config::catalog::Catalog;
use crate::insights::{self, Insights, Period};
use crate::store::{EntryFilter, Store};

/// The periods `[` and `]` step through.
pub const PERIODS: [&str; 4] = ["4w", "quarter", "year", "all"];

/// Which list the arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Weeks,
    Strengths,
}

#[derive(Debug, Default)]
pub struct PatternsState {
    pub period: usize,
    pub insights: Option<Insights>,
    pub week: usize,
    pub strength: usize,
    pub focus: Focus,
}

impl PatternsState {
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
