//! The journal's filter form: kind, strength, tag and a date range.

use anyhow::Result;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{pad, sanitize_line};
use crate::model::{EntryKind, parse_date_arg};
use crate::store::EntryFilter;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

pub const FILTER_FIELDS: [&str; 5] = ["Kind", "Strength", "Tag", "From", "To"];

/// The form, filled from the filter in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterForm {
    pub field: usize,
    pub kind: Option<EntryKind>,
    pub strength: String,
    pub tag: String,
    pub since: String,
    pub until: String,
    pub error: Option<String>,
}

impl FilterForm {
    #[must_use]
    pub fn new(f: &EntryFilter) -> FilterForm {
        FilterForm {
            field: 0,
            kind: f.kind,
            strength: f.strength.clone().unwrap_or_default(),
            tag: f.tag.clone().unwrap_or_default(),
            since: f.since.map(|d| d.to_string()).unwrap_or_default(),
            until: f.until.map(|d| d.to_string()).unwrap_or_default(),
            error: None,
        }
    }

    /// The text of the focused field (the kind is a choice, not text).
    fn text_mut(&mut self) -> Option<&mut String> {
        match self.field {
            1 => Some(&mut self.strength),
            2 => Some(&mut self.tag),
            3 => Some(&mut self.since),
            4 => Some(&mut self.until),
            _ => None,
        }
    }

    /// The filter the form describes, or why not.
    fn filter(&self, env: &Env) -> Result<EntryFilter, String> {
        let today = env.clock.today();
        let date = |s: &str, what: &str| -> Result<Option<NaiveDate>, String> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            parse_date_arg(s.trim())
                .map(|d| Some(d.resolve(today)))
                .map_err(|e| format!("{what}: {e}"))
        };
        let strength = match self.strength.trim() {
            "" => None,
            s => Some(
                env.catalog
                    .vocabulary
                    .resolve(s)
                    .unwrap_or_else(|_| s.to_lowercase()),
            ),
        };
        let tag = match self.tag.trim() {
            "" => None,
            t => Some(crate::model::compose::normalise_tag(t)?),
        };
        let since = date(&self.since, "From")?;
        let until = date(&self.until, "To")?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(format!("From {s} is after To {u}"));
        }
        Ok(EntryFilter {
            kind: self.kind,
            strength,
            tag,
            since,
            until,
            ..EntryFilter::default()
        })
    }
}

/// The next (`up`) or previous value of a choice; none before the first.
pub fn cycle<T: Copy + PartialEq>(v: Option<T>, all: &[T], up: bool) -> Option<T> {
    let i = v.and_then(|x| all.iter().position(|a| *a == x));
    match (i, up) {
        (None, true) => all.first().copied(),
        (None, false) => None,
        (Some(i), true) => all.get(i + 1).copied().or(v),
        (Some(0), false) => None,
        (Some(i), false) => all.get(i - 1).copied(),
    }
}

impl Overlay for FilterForm {
    fn context(&self) -> Context {
        Context::Filter
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        let text = if self.field == 0 {
            Text::None
        } else {
            Text::Chars
        };
        (text, &[Context::Filter, Context::Form])
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        self.error = None;
        match action {
            Action::FormCancel => return Ok(Outcome::Close),
            Action::FormDone => match self.filter(env) {
                Ok(filter) => return Ok(Outcome::CloseThen(Msg::Filter(filter))),
                Err(e) => self.error = Some(e),
            },
            Action::FormPrev => self.field = self.field.saturating_sub(1),
            Action::FormNext => self.field = (self.field + 1).min(FILTER_FIELDS.len() - 1),
            Action::FormMore | Action::FormLess if self.field == 0 => {
                self.kind = cycle(self.kind, EntryKind::ALL, action == Action::FormMore);
            }
            _ => {}
        }
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        self.error = None;
        if let Some(t) = self.text_mut() {
            match key.code {
                KeyCode::Char(c) => t.push(c),
                KeyCode::Backspace => {
                    t.pop();
                }
                _ => {}
            }
        }
        Ok(Outcome::Done)
    }

    /// A stray key leaves the form as it is.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let value = |i: usize| -> String {
            match i {
                0 => self
                    .kind
                    .map_or_else(|| "all kinds".to_string(), |k| k.to_string()),
                1 => self.strength.clone(),
                2 => self.tag.clone(),
                3 => self.since.clone(),
                _ => self.until.clone(),
            }
        };
        let mut lines = Vec::new();
        for (i, label) in FILTER_FIELDS.iter().enumerate() {
            let style = if i == self.field { t.selected } else { t.base };
            let v = sanitize_line(&value(i)).into_owned();
            let shown = if i == 0 {
                format!("◀ {v} ▶")
            } else {
                format!("{v}▏")
            };
            lines.push(Line::from(vec![
                Span::styled(pad(label, 10), style),
                Span::styled(shown, if i == self.field { style } else { t.base }),
            ]));
        }
        lines.push(Line::from(""));
        if let Some(e) = &self.error {
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
        lines.push(widgets::key_hint(
            t,
            &[
                (
                    format!("{}{}", env.key(Action::FormPrev), env.key(Action::FormNext)),
                    "field",
                ),
                (env.key(Action::FormDone), "apply"),
                (env.key(Action::FormCancel), "cancel"),
            ],
        ));
        widgets::window(f, t, size, "Filter the journal", lines, 62, 11, true);
    }
}
