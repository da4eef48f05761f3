//! The journal's filter form: kind, strength, tag and a date range; a strength or tag
//! typed in part is completed to a name the journal knows.

use anyhow::Result;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
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
    /// The strengths a name typed in part completes to: the vocabulary's and those in use.
    pub strength_names: Vec<String>,
    /// The topic tags in use.
    pub tag_names: Vec<String>,
}

/// The name `typed` stands for among `names`: itself when it is one, else the shortest
/// name it starts, else the closest loose match (none when nothing is close).
#[must_use]
pub fn complete(typed: &str, names: &[String]) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    if names.contains(&typed) {
        return Some(typed);
    }
    if let Some(n) = names
        .iter()
        .filter(|n| n.starts_with(&typed))
        .min_by_key(|n| (n.chars().count(), n.as_str()))
    {
        return Some(n.clone());
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    names
        .iter()
        .filter_map(|n| matcher.fuzzy_match(n, &typed).map(|s| (s, n)))
        .max_by_key(|(s, n)| (*s, std::cmp::Reverse(n.as_str())))
        .map(|(_, n)| n.clone())
}

impl FilterForm {
    /// The form for the filter `f`, completing names from `strength_names` and
    /// `tag_names`.
    #[must_use]
    pub fn new(f: &EntryFilter, strength_names: Vec<String>, tag_names: Vec<String>) -> FilterForm {
        FilterForm {
            field: 0,
            kind: f.kind,
            strength: f.strength.clone().unwrap_or_default(),
            tag: f.tag.clone().unwrap_or_default(),
            since: f.since.map(|d| d.to_string()).unwrap_or_default(),
            until: f.until.map(|d| d.to_string()).unwrap_or_default(),
            error: None,
            strength_names,
            tag_names,
        }
    }

    /// What the text of field `i` completes to, when it is not already a whole name.
    fn completion(&self, i: usize) -> Option<String> {
        let (typed, names) = match i {
            1 => (self.strength.as_str(), &self.strength_names),
            2 => (self.tag.trim_start_matches('#'), &self.tag_names),
            _ => return None,
        };
        complete(typed, names).filter(|c| *c != typed.trim().to_lowercase())
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
        // A name typed in part is the one it completes to (shown as it is typed).
        let strength = match self.strength.trim() {
            "" => None,
            s => Some(self.completion(1).unwrap_or_else(|| {
                env.catalog
                    .vocabulary
                    .resolve(s)
                    .unwrap_or_else(|_| s.to_lowercase())
            })),
        };
        let tag = match self.tag.trim() {
            "" => None,
            t => Some(match self.completion(2) {
                Some(c) => c,
                None => crate::model::compose::normalise_tag(t)?,
            }),
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

/// The next kind after `now` whose name starts with `letter`, round and round (`now` when
/// none does): `r` goes reflection, recognition, rupture, reflection…
#[must_use]
pub fn next_kind(now: Option<EntryKind>, letter: char) -> Option<EntryKind> {
    let all = EntryKind::ALL;
    let at = now.and_then(|k| all.iter().position(|a| *a == k));
    let start = at.map_or(0, |i| i + 1);
    (0..all.len())
        .map(|i| all[(start + i) % all.len()])
        .find(|k| {
            k.as_str()
                .chars()
                .next()
                .is_some_and(|x| x.eq_ignore_ascii_case(&letter))
        })
        .or(now)
}

/// The next (`up`) or previous value of a choice, round and round: none (unset) comes
/// before the first and after the last, so either arrow from none gives a value.
pub fn cycle<T: Copy + PartialEq>(v: Option<T>, all: &[T], up: bool) -> Option<T> {
    let i = v.and_then(|x| all.iter().position(|a| *a == x));
    match (i, up) {
        (None, true) => all.first().copied(),
        (None, false) => all.last().copied(),
        (Some(i), true) => all.get(i + 1).copied(),
        (Some(0), false) => None,
        (Some(i), false) => all.get(i - 1).copied(),
    }
}

impl Overlay for FilterForm {
    fn context(&self) -> Context {
        Context::Filter
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        // Letters are text everywhere: in the kind, they find a kind.
        let text = Text::Chars;
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
        if self.field == 0 {
            match key.code {
                KeyCode::Char(c) => self.kind = next_kind(self.kind, c),
                KeyCode::Backspace | KeyCode::Delete => self.kind = None,
                _ => {}
            }
            return Ok(Outcome::Done);
        }
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
            let mut row = vec![
                Span::styled(pad(label, 10), style),
                Span::styled(shown, if i == self.field { style } else { t.base }),
            ];
            if let Some(c) = self.completion(i) {
                row.push(Span::styled(format!(" → {}", sanitize_line(&c)), t.dim));
            }
            lines.push(Line::from(row));
        }
        lines.push(Line::from(""));
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(
                sanitize_line(e).into_owned(),
                t.warn,
            )));
        } else {
            lines.push(Line::from(Span::styled(
                format!(
                    "Kind: {}{} or its first letter. Strength, tag: completed (→).",
                    env.key(Action::FormLess),
                    env.key(Action::FormMore)
                ),
                t.dim,
            )));
            lines.push(Line::from(Span::styled(
                "Dates: YYYY-MM-DD, yesterday, monday, 3 days ago.",
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
        widgets::window(f, t, size, "Filter the journal", lines, 62, 12, true);
    }
}
