//! The Supervision pane: what the next session would bring today (practice with others
//! included), and the open prep's agenda to reorder and tag by function before the
//! session is recorded. It owns its state, turns actions into outcomes and draws itself.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::text::sanitize_line;
use crate::model::{ActionStatus, AgendaItem, Details, Entry, EntryKind, Function};
use crate::store::{PrepMaterial, StoreError};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The supervision board.
#[derive(Debug, Default)]
pub struct Board {
    /// What the journal gathers for the next session (read when the pane is shown).
    pub material: Option<PrepMaterial>,
    /// The newest prep without a record yet: its agenda can be reordered and tagged.
    pub prep: Option<Entry>,
    /// The selected agenda item.
    pub selected: usize,
    /// Lines the board is scrolled by.
    pub scroll: u16,
    /// The furthest the board scrolls, as last drawn (its lines less the rows shown).
    most: std::cell::Cell<u16>,
}

impl Board {
    /// Where its keys are looked up (nothing here is typed).
    #[must_use]
    pub fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[Context::Supervision, Context::Moving, Context::Global],
        )
    }

    /// The actions the status bar offers: every key that acts on the board as it is
    /// (the agenda's keys while a prep is open, the prep's key while none is).
    #[must_use]
    pub fn hints(&self) -> Vec<Action> {
        let mut hints = vec![Action::PageDown];
        if self.prep.is_some() {
            hints.extend([
                Action::RecordSession,
                Action::AgendaUp,
                Action::AgendaDown,
                Action::CycleFunction,
            ]);
        } else {
            hints.push(Action::Gather);
        }
        if let Some(p) = self.material.as_ref().map(|m| &m.practice) {
            if !p.reviews_due.is_empty() {
                hints.push(Action::BoardReviewPlan);
            }
            if !p.unsaid.is_empty() {
                hints.push(Action::BoardMarkSaid);
            }
        }
        hints.extend([
            Action::Refresh,
            Action::FocusJournal,
            Action::Help,
            Action::Quit,
        ]);
        hints
    }

    /// Items on the open prep's agenda.
    #[must_use]
    pub fn agenda_len(&self) -> usize {
        match self.prep.as_ref().map(|e| &e.details) {
            Some(Details::Supervision(s)) => s.agenda.len(),
            _ => 0,
        }
    }

    /// Shown: the board is gathered if it is not yet.
    pub fn enter(&mut self, env: &mut Env) -> Result<()> {
        if self.material.is_none() {
            self.gather(env)?;
        }
        Ok(())
    }

    /// The journal changed: gathered again now if on screen, else when next shown.
    pub fn refresh(&mut self, shown: bool, env: &mut Env) -> Result<()> {
        if shown {
            self.gather(env)
        } else {
            self.material = None;
            Ok(())
        }
    }

    /// Does an action of its contexts; others are passed on.
    pub fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        match action {
            Action::Refresh => self.gather(env)?,
            Action::Gather => self.gather_prep(env)?,
            Action::AgendaUp | Action::AgendaDown => {
                self.move_item(action == Action::AgendaUp, env)?;
            }
            Action::CycleFunction => self.cycle_function(env)?,
            Action::BoardReviewPlan | Action::BoardMarkSaid => {
                return Ok(self.practice_form(action == Action::BoardReviewPlan, env));
            }
            Action::RecordSession => {
                let prep = self
                    .prep
                    .as_ref()
                    .map(|p| (p.id.to_string(), p.occurred_on));
                return Ok(Outcome::Then(Msg::Write(WriteMsg::New(
                    NewForm::Structured {
                        kind: EntryKind::Supervision,
                        template: "supervision-record",
                        prep,
                    },
                ))));
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.scroll(-10),
            Action::PageDown => self.scroll(10),
            Action::Top => self.scroll(isize::MIN / 2),
            Action::Bottom => self.scroll(isize::MAX / 2),
            _ => return Ok(Outcome::Passed),
        }
        Ok(Outcome::Done)
    }

    /// The review of the plans whose review is due, or the recognition not yet said
    /// marked said, chosen in the form; when there is none, the status bar says so.
    fn practice_form(&self, review: bool, env: &mut Env) -> Outcome {
        use crate::tui::overlays::practice::{MarkSaid, Pick, PlanReview};
        let pick = |e: &crate::model::EntrySummary| Pick {
            rowid: e.rowid,
            title: e.title.clone(),
        };
        let practice = self.material.as_ref().map(|m| &m.practice);
        if review {
            let plans: Vec<Pick> = practice
                .map(|p| p.reviews_due.iter().map(|r| pick(&r.entry)).collect())
                .unwrap_or_default();
            if plans.is_empty() {
                env.say("No positive-risk plan is due for review");
                return Outcome::Done;
            }
            Outcome::Open(Box::new(PlanReview::new(plans, env)))
        } else {
            let items: Vec<Pick> = practice
                .map(|p| p.unsaid.iter().map(|r| pick(&r.entry)).collect())
                .unwrap_or_default();
            if items.is_empty() {
                env.say("No recognition is waiting to be said");
                return Outcome::Done;
            }
            Outcome::Open(Box::new(MarkSaid::new(items)))
        }
    }

    /// `↑`/`↓`: through the agenda's items, then on down the board (and back up it to
    /// the agenda), so every section is reached with the arrows alone.
    pub fn step(&mut self, delta: isize) {
        let items = self.agenda_len();
        let down = delta > 0;
        if items > 0
            && self.scroll == 0
            && (if down {
                self.selected + 1 < items
            } else {
                self.selected > 0
            })
        {
            self.selected = self.selected.saturating_add_signed(delta).min(items - 1);
        } else {
            self.scroll(delta);
        }
    }

    /// Scrolls the board by `delta` lines, as far as it goes.
    pub fn scroll(&mut self, delta: isize) {
        let d = i32::try_from(delta.clamp(-100_000, 100_000)).unwrap_or(0);
        let to = (i32::from(self.scroll) + d).clamp(0, i32::from(self.most.get()));
        self.scroll = u16::try_from(to).unwrap_or(0);
    }

    /// Reads what the next supervision would bring, from today.
    pub fn gather(&mut self, env: &mut Env) -> Result<()> {
        self.material = Some(
            env.store
                .prep_material(env.clock.today(), env.config.supervision.stale_stage_weeks)?,
        );
        self.scroll = 0;
        self.prep = match env.store.open_prep()? {
            Some(rowid) => Some(env.store.entry_by_rowid(rowid)?),
            None => None,
        };
        self.selected = self.selected.min(self.agenda_len().saturating_sub(1));
        Ok(())
    }

    /// Saves a prep built from what the journal gathers today, unless one is open.
    fn gather_prep(&mut self, env: &mut Env) -> Result<()> {
        if let Some(p) = &self.prep {
            env.say(format!(
                "The prep for {} is open already: reorder its agenda here, or record the session",
                p.occurred_on
            ));
            return Ok(());
        }
        let today = env.clock.today();
        let m = env
            .store
            .prep_material(today, env.config.supervision.stale_stage_weeks)?;
        let entry = crate::supervision::prep_entry(
            &m,
            today,
            None,
            None,
            None,
            Vec::new(),
            env.clock.now_utc(),
        );
        let flagged: Vec<uuid::Uuid> = m.flagged.iter().map(|e| e.id).collect();
        env.store.insert_linked(&entry, &flagged, "brings")?;
        env.changed = true;
        env.say(format!(
            "Prep saved as {}: its agenda is below",
            entry.short_id()
        ));
        Ok(())
    }

    /// Changes the open prep's agenda and saves it.
    fn edit_agenda(
        &mut self,
        env: &mut Env,
        change: impl FnOnce(&mut Vec<AgendaItem>, usize) -> usize,
    ) -> Result<()> {
        let Some(mut prep) = self.prep.clone() else {
            env.say(format!(
                "No prep is open: {} gathers one",
                env.key(Action::Gather)
            ));
            return Ok(());
        };
        let Details::Supervision(s) = &mut prep.details else {
            return Ok(());
        };
        if s.agenda.is_empty() {
            return Ok(());
        }
        let at = self.selected.min(s.agenda.len() - 1);
        self.selected = change(&mut s.agenda, at);
        match env.store.update_entry(&prep, env.clock.now_utc()) {
            Ok(saved) => {
                self.prep = Some(saved);
                env.changed = true;
            }
            Err(StoreError::Conflict(_)) => {
                self.gather(env)?;
                env.say("The prep was changed elsewhere: the board shows it as it is now");
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    /// Moves the selected agenda item, and says where it went.
    fn move_item(&mut self, up: bool, env: &mut Env) -> Result<()> {
        let before = self.selected;
        self.edit_agenda(env, |agenda, i| {
            let j = if up {
                i.saturating_sub(1)
            } else {
                (i + 1).min(agenda.len() - 1)
            };
            agenda.swap(i, j);
            j
        })?;
        if let Some(Details::Supervision(s)) = self.prep.as_ref().map(|p| &p.details)
            && let Some(item) = s.agenda.get(self.selected)
        {
            let what = crate::model::text::truncate(&sanitize_line(&item.text), 40).into_owned();
            env.say(if self.selected == before {
                format!("“{what}” is {} already", if up { "first" } else { "last" })
            } else {
                format!(
                    "Moved “{what}” {} to {} of {}",
                    if up { "up" } else { "down" },
                    self.selected + 1,
                    s.agenda.len()
                )
            });
        }
        Ok(())
    }

    fn cycle_function(&mut self, env: &mut Env) -> Result<()> {
        self.edit_agenda(env, |agenda, i| {
            let item = &mut agenda[i];
            item.function = match item.function {
                None => Some(Function::Normative),
                Some(Function::Normative) => Some(Function::Formative),
                Some(Function::Formative) => Some(Function::Restorative),
                Some(Function::Restorative) => Some(Function::Mediation),
                Some(Function::Mediation) => None,
            };
            i
        })
    }

    /// Draws the pane.
    pub fn draw(&self, f: &mut Frame<'_>, area: Rect, env: &Env) {
        let t = &env.theme;
        let Some(m) = &self.material else {
            f.render_widget(
                widgets::block(t, "Next supervision: what it would bring today", true),
                area,
            );
            return;
        };
        let mut lines: Vec<Line<'static>> = Vec::new();
        let heading = |s: &str| Line::from(Span::styled(s.to_string(), t.accent));
        if let Some(prep) = &self.prep
            && let Details::Supervision(sv) = &prep.details
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
                let style = if i == self.selected {
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
                    env.key(Action::ToggleFlagSelected)
                ),
                t.dim,
            )));
        }
        let alone = crate::supervision::flagged_alone(m);
        if alone.is_empty() && !m.flagged.is_empty() {
            lines.push(Line::from(Span::styled(
                "  each is below, under what it is",
                t.dim,
            )));
        }
        for e in alone {
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
        // The same items `praxis supervision prep` puts on the agenda.
        let practice = crate::supervision::practice_agenda(m);
        if !practice.is_empty() {
            lines.push(Line::from(""));
            lines.push(heading("Practice with others"));
            for a in &practice {
                let function = a.function.map(|f| f.to_string()).unwrap_or_default();
                let mins = a.minutes.map(|m| format!("{m} min")).unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::raw(format!("  {}", sanitize_line(&a.text))),
                    Span::styled(format!("  {function} · {mins}"), t.dim),
                ]));
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
        if self.prep.is_none() {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} saves a prep with this agenda to take in (or: praxis supervision prep)",
                    env.key(Action::Gather)
                ),
                t.dim,
            )));
        }
        // Scrolled as far as its lines go, marked where there is more above or below.
        let mut b = widgets::block(t, "Next supervision: what it would bring today", true);
        let inner = b.inner(area);
        let lines = widgets::wrap_lines(&lines, usize::from(inner.width));
        let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let para = Paragraph::new(lines);
        let most = total.saturating_sub(inner.height);
        self.most.set(most);
        let scroll = self.scroll.min(most);
        if scroll > 0 {
            b = b.title(Line::from(Span::styled(" ↑ more ", t.dim)).right_aligned());
        }
        if scroll < most {
            b = b.title_bottom(
                Line::from(Span::styled(
                    format!(" ↓ more ({}) ", env.key(Action::PageDown)),
                    t.dim,
                ))
                .right_aligned(),
            );
        }
        f.render_widget(b, area);
        f.render_widget(para.scroll((scroll, 0)), inner);
    }
}
