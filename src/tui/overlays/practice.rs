//! Two short forms of the practice with others: a positive-risk plan's review (what
//! happened, the decision, the next review), as an action's progress is recorded, and
//! recognition marked said (how, and on which day). Each opens on the entry selected in
//! the journal, or from the board on those that wait (one at a time, chosen with ←/→),
//! and saves as `praxis positive-risk review` and `praxis recognise said` do.

use anyhow::Result;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{pad, sanitize_line, truncate};
use crate::model::{Details, Entry, ReviewDecision, Said, parse_date_arg};
use crate::store::StoreError;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// An entry the form can be about: its row and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub rowid: i64,
    pub title: String,
}

/// The next (`up`) or previous of `n` places, round and round.
fn turn(at: usize, n: usize, up: bool) -> usize {
    if up { (at + 1) % n } else { (at + n - 1) % n }
}

/// The next (`up`) or previous of the choices `all`, round and round (never none, unlike
/// the filter's `cycle`).
fn round<T: Copy + PartialEq>(v: T, all: &[T], up: bool) -> T {
    let at = all.iter().position(|a| *a == v).unwrap_or(0);
    all[turn(at, all.len(), up)]
}

/// The entry chosen among `picks`, with where it stands among them when there are several.
fn picked(picks: &[Pick], at: usize) -> String {
    picks.get(at).map_or_else(String::new, |p| {
        let title = truncate(&p.title, 40).into_owned();
        if picks.len() > 1 {
            format!("{title} ({} of {})", at + 1, picks.len())
        } else {
            title
        }
    })
}

/// A day field as shown: what was typed, or "today" while nothing is.
fn day_shown(on: &str) -> String {
    if on.is_empty() {
        "today".into()
    } else {
        on.to_string()
    }
}

/// The text fields' keys, shared by both forms: the choice of entry and of a value come
/// first, the texts after.
fn edit_text(text: &mut String, key: KeyEvent) {
    match key.code {
        KeyCode::Char(c) => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => {}
    }
}

/// A date field's text as a day: empty is `empty`; date words as the command line takes
/// them, `ahead` for a day to come.
fn day_of(
    text: &str,
    empty: Option<NaiveDate>,
    today: NaiveDate,
    ahead: bool,
) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(empty);
    }
    let d = parse_date_arg(t)?;
    Ok(Some(if ahead {
        d.resolve_ahead(today)
    } else {
        d.resolve(today)
    }))
}

/// Saves `entry` as changed; None when it was changed elsewhere meanwhile.
fn save(entry: &Entry, env: &mut Env) -> Result<Option<Entry>> {
    match env.store.update_entry(entry, env.clock.now_utc()) {
        Ok(saved) => {
            env.changed = true;
            Ok(Some(saved))
        }
        Err(StoreError::Conflict(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The lines of a form's fields, the focused one marked.
fn field_lines(fields: &[(&str, String, bool)], focus: usize, env: &Env) -> Vec<Line<'static>> {
    let t = &env.theme;
    fields
        .iter()
        .enumerate()
        .map(|(i, (label, value, choice))| {
            let style = if i == focus { t.selected } else { t.base };
            let v = sanitize_line(value).into_owned();
            let shown = if *choice {
                format!("◀ {v} ▶")
            } else {
                format!("{v}▏")
            };
            Line::from(vec![
                Span::styled(pad(label, 14), style),
                Span::styled(shown, style),
            ])
        })
        .collect()
}

/// The foot of a form: its error, or how its fields are filled, and its keys.
fn foot(lines: &mut Vec<Line<'static>>, error: Option<&String>, hint: &str, env: &Env) {
    let t = &env.theme;
    lines.push(Line::from(""));
    match error {
        Some(e) => lines.push(Line::from(Span::styled(
            sanitize_line(e).into_owned(),
            t.warn,
        ))),
        None => lines.push(Line::from(Span::styled(hint.to_string(), t.dim))),
    }
    lines.push(widgets::key_hint(
        t,
        &[
            (
                format!("{}{}", env.key(Action::FormPrev), env.key(Action::FormNext)),
                "field",
            ),
            (
                format!("{}{}", env.key(Action::FormLess), env.key(Action::FormMore)),
                "choose",
            ),
            (env.key(Action::FormDone), "save"),
            (env.key(Action::FormCancel), "cancel"),
        ],
    ));
}

/// The review of a positive-risk plan.
#[derive(Debug, Clone)]
pub struct PlanReview {
    pub plans: Vec<Pick>,
    pub plan: usize,
    pub field: usize,
    pub decision: ReviewDecision,
    pub happened: String,
    /// The next review (for continue and adjust).
    pub next: String,
    /// The next review as offered, before anything was typed over it.
    offered: String,
    /// The day of the review (empty: today).
    pub on: String,
    pub error: Option<String>,
}

/// Its fields: the plan, the decision, what happened, the next review, the day.
const REVIEW_FIELDS: usize = 5;

impl PlanReview {
    /// The form over `plans` (not empty), the first chosen; the next review is offered
    /// as far ahead of today as the plan's last review was of the one before.
    #[must_use]
    pub fn new(plans: Vec<Pick>, env: &Env) -> PlanReview {
        let mut r = PlanReview {
            plans,
            plan: 0,
            field: 1,
            decision: ReviewDecision::Continue,
            happened: String::new(),
            next: String::new(),
            offered: String::new(),
            on: String::new(),
            error: None,
        };
        r.offer_next(env);
        r
    }

    /// The next review at the plan's own interval from today (two weeks when it has
    /// none), written as a date to change.
    fn offer_next(&mut self, env: &Env) {
        let today = env.clock.today();
        let interval = self
            .plans
            .get(self.plan)
            .and_then(|p| env.store.entry_by_rowid(p.rowid).ok())
            .and_then(|e| match e.details {
                Details::PositiveRisk(p) => {
                    let from = p.reviews.last().map_or(e.occurred_on, |r| r.on);
                    p.review_on.map(|due| (due - from).num_days())
                }
                _ => None,
            })
            .filter(|d| *d > 0)
            .unwrap_or(14);
        self.next = today
            .checked_add_signed(chrono::TimeDelta::days(interval))
            .unwrap_or(today)
            .to_string();
        self.offered.clone_from(&self.next);
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.field {
            2 => Some(&mut self.happened),
            3 => Some(&mut self.next),
            4 => Some(&mut self.on),
            _ => None,
        }
    }

    /// Records the review on the chosen plan and saves it; Err is said in the form.
    fn record(&self, env: &mut Env) -> Result<Result<String, String>> {
        let Some(pick) = self.plans.get(self.plan) else {
            return Ok(Err("There is no plan to review".into()));
        };
        let today = env.clock.today();
        let on = match day_of(&self.on, Some(today), today, false) {
            Ok(d) => d.unwrap_or(today),
            Err(e) => return Ok(Err(format!("Reviewed on: {e}"))),
        };
        if self.happened.trim().is_empty() {
            return Ok(Err(
                "What happened: say what happened since the plan or its last review".into(),
            ));
        }
        let next = if self.decision == ReviewDecision::End {
            None
        } else {
            match day_of(&self.next, None, on, true) {
                Ok(Some(d)) => Some(d),
                Ok(None) => {
                    return Ok(Err(format!(
                        "Next review: to {} the plan, give the day of its next review",
                        self.decision
                    )));
                }
                Err(e) => return Ok(Err(format!("Next review: {e}"))),
            }
        };
        let mut entry = env.store.entry_by_rowid(pick.rowid)?;
        let planned = entry.occurred_on;
        let Details::PositiveRisk(p) = &mut entry.details else {
            return Ok(Err("It is not a positive-risk plan".into()));
        };
        if let Err(e) = p.record_review(on, self.decision, &self.happened, next, planned) {
            return Ok(Err(e));
        }
        let after = match p.review_on {
            Some(d) => format!("next review {d}"),
            None => "the plan has ended".to_string(),
        };
        Ok(match save(&entry, env)? {
            Some(saved) => Ok(format!("Reviewed {}: {after}", saved.short_id())),
            None => Err("The plan was changed elsewhere: close this and review it again".into()),
        })
    }
}

impl Overlay for PlanReview {
    fn context(&self) -> Context {
        Context::PlanReview
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::Chars, &[Context::PlanReview, Context::Form])
    }

    /// What happened, a day typed for the review, or a next review other than the one
    /// offered: each is typed, and lost if the window closes.
    fn holds_writing(&self) -> bool {
        !self.happened.trim().is_empty() || !self.on.trim().is_empty() || self.next != self.offered
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        self.error = None;
        match action {
            Action::FormCancel => return Ok(Outcome::Close),
            Action::FormDone => match self.record(env)? {
                Ok(said) => {
                    env.say(said);
                    return Ok(Outcome::Close);
                }
                Err(e) => self.error = Some(e),
            },
            Action::FormPrev => self.field = self.field.saturating_sub(1),
            Action::FormNext => self.field = (self.field + 1).min(REVIEW_FIELDS - 1),
            Action::FormMore | Action::FormLess => {
                let up = action == Action::FormMore;
                match self.field {
                    0 if !self.plans.is_empty() => {
                        self.plan = turn(self.plan, self.plans.len(), up);
                        self.offer_next(env);
                    }
                    1 => self.decision = round(self.decision, ReviewDecision::ALL, up),
                    _ => {}
                }
            }
            _ => {}
        }
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        self.error = None;
        if let Some(t) = self.text_mut() {
            edit_text(t, key);
        }
        Ok(Outcome::Done)
    }

    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let Some(t) = self.text_mut() {
            t.push_str(text.lines().next().unwrap_or_default());
        }
        Outcome::Done
    }

    /// A stray key leaves the form as it is.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let plan = picked(&self.plans, self.plan);
        let next = if self.decision == ReviewDecision::End {
            "(none: the plan ends)".to_string()
        } else {
            self.next.clone()
        };
        let fields = [
            ("Plan", plan, self.plans.len() > 1),
            ("Decision", self.decision.to_string(), true),
            ("What happened", self.happened.clone(), false),
            ("Next review", next, false),
            ("Reviewed on", day_shown(&self.on), false),
        ];
        let mut lines = field_lines(&fields, self.field, env);
        foot(
            &mut lines,
            self.error.as_ref(),
            "Dates: YYYY-MM-DD, today, tomorrow or a weekday.",
            env,
        );
        widgets::window(
            f,
            &env.theme,
            size,
            "Review the positive-risk plan",
            lines,
            70,
            11,
            true,
        );
    }
}

/// Recognition given, marked said.
#[derive(Debug, Clone)]
pub struct MarkSaid {
    pub items: Vec<Pick>,
    pub item: usize,
    pub field: usize,
    pub how: Said,
    /// The day it was said (empty: today).
    pub on: String,
    pub error: Option<String>,
}

/// How recognition is said, once it is.
const SAID: [Said; 3] = [Said::InPerson, Said::InSupervision, Said::InWriting];

impl MarkSaid {
    /// The form over `items` (not empty), the first chosen, said in person today.
    #[must_use]
    pub fn new(items: Vec<Pick>) -> MarkSaid {
        MarkSaid {
            items,
            item: 0,
            field: 1,
            how: Said::InPerson,
            on: String::new(),
            error: None,
        }
    }

    /// Marks the chosen recognition said and saves it; Err is said in the form.
    fn record(&self, env: &mut Env) -> Result<Result<String, String>> {
        let Some(pick) = self.items.get(self.item) else {
            return Ok(Err("There is no recognition to mark".into()));
        };
        let today = env.clock.today();
        let on = match day_of(&self.on, Some(today), today, false) {
            Ok(d) => d.unwrap_or(today),
            Err(e) => return Ok(Err(format!("Said on: {e}"))),
        };
        let mut entry = env.store.entry_by_rowid(pick.rowid)?;
        if on < entry.occurred_on {
            return Ok(Err(format!(
                "Said on: {on} is before it was noticed ({})",
                entry.occurred_on
            )));
        }
        let Details::Recognition(r) = &mut entry.details else {
            return Ok(Err("It is not recognition".into()));
        };
        if let Err(e) = r.mark_said(self.how, on) {
            return Ok(Err(e));
        }
        Ok(match save(&entry, env)? {
            Some(saved) => Ok(format!("Said {} on {on}: {}", self.how, saved.short_id())),
            None => Err("It was changed elsewhere: close this and mark it again".into()),
        })
    }
}

impl Overlay for MarkSaid {
    fn context(&self) -> Context {
        Context::MarkSaid
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::Chars, &[Context::MarkSaid, Context::Form])
    }

    /// A day typed for when it was said.
    fn holds_writing(&self) -> bool {
        !self.on.trim().is_empty()
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        self.error = None;
        match action {
            Action::FormCancel => return Ok(Outcome::Close),
            Action::FormDone => match self.record(env)? {
                Ok(said) => {
                    env.say(said);
                    return Ok(Outcome::Close);
                }
                Err(e) => self.error = Some(e),
            },
            Action::FormPrev => self.field = self.field.saturating_sub(1),
            Action::FormNext => self.field = (self.field + 1).min(2),
            Action::FormMore | Action::FormLess => {
                let up = action == Action::FormMore;
                match self.field {
                    0 if !self.items.is_empty() => {
                        self.item = turn(self.item, self.items.len(), up);
                    }
                    1 => self.how = round(self.how, &SAID, up),
                    _ => {}
                }
            }
            _ => {}
        }
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        self.error = None;
        if self.field == 2 {
            edit_text(&mut self.on, key);
        }
        Ok(Outcome::Done)
    }

    /// A stray key leaves the form as it is.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let item = picked(&self.items, self.item);
        let fields = [
            ("Recognition", item, self.items.len() > 1),
            ("How", self.how.to_string(), true),
            ("Said on", day_shown(&self.on), false),
        ];
        let mut lines = field_lines(&fields, self.field, env);
        foot(
            &mut lines,
            self.error.as_ref(),
            "Said on: YYYY-MM-DD, yesterday, monday, 3 days ago.",
            env,
        );
        widgets::window(f, &env.theme, size, "Recognition said", lines, 64, 9, true);
    }
}
