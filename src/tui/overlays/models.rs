//! Choosing the reflective model of a reflection, or the session model of a group
//! session: the list narrows as a name is typed.

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::config::catalog::Catalog;
use crate::model::text::{pad, sanitize_line, truncate};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The models of the catalog that match what is typed, one selected.
#[derive(Debug, Default)]
pub struct Models {
    /// The session models of group sessions, else the reflective models.
    sessions: bool,
    query: String,
    /// Indexes into the catalog's models, best match first.
    shown: Vec<usize>,
    selected: usize,
}

/// The models the chooser lists.
fn listed(catalog: &Catalog, sessions: bool) -> &[crate::model::Template] {
    if sessions {
        &catalog.group_models
    } else {
        &catalog.models
    }
}

/// The models matching `query` (by name, id or purpose), best first; all when empty.
fn matching(models: &[crate::model::Template], query: &str) -> Vec<usize> {
    let q = query.trim();
    if q.is_empty() {
        return (0..models.len()).collect();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize)> = models
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            [&m.name, &m.id]
                .iter()
                .filter_map(|hay| matcher.fuzzy_match(hay, q))
                .max()
                .map(|s| (s, i))
        })
        .collect();
    scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
    scored.into_iter().map(|(_, i)| i).collect()
}

impl Models {
    /// The chooser with the model in use (`current`) selected.
    #[must_use]
    pub fn new(catalog: &Catalog, current: Option<&str>) -> Models {
        let selected = catalog
            .models
            .iter()
            .position(|m| Some(m.id.as_str()) == current)
            .unwrap_or(0);
        Models {
            sessions: false,
            query: String::new(),
            shown: matching(&catalog.models, ""),
            selected,
        }
    }

    /// The chooser of a group session's model, with the one in use (`current`) selected.
    #[must_use]
    pub fn sessions(catalog: &Catalog, current: Option<&str>) -> Models {
        let selected = catalog
            .group_models
            .iter()
            .position(|m| Some(m.id.as_str()) == current)
            .unwrap_or(0);
        Models {
            sessions: true,
            query: String::new(),
            shown: matching(&catalog.group_models, ""),
            selected,
        }
    }

    fn requery(&mut self, catalog: &Catalog) {
        self.shown = matching(listed(catalog, self.sessions), &self.query);
        self.selected = 0;
    }
}

impl Overlay for Models {
    fn context(&self) -> Context {
        Context::Models
    }

    /// Letters find a model; the arrows choose one.
    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::Chars,
            &[
                Context::Models,
                Context::Choose,
                Context::Moving,
                Context::Window,
            ],
        )
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let last = self.shown.len().saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(10),
            Action::PageDown => (self.selected + 10).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Choose => {
                let chosen = self
                    .shown
                    .get(self.selected)
                    .and_then(|&i| listed(&env.catalog, self.sessions).get(i));
                return Ok(match chosen {
                    Some(t) => Outcome::CloseThen(Msg::Write(WriteMsg::Model(Box::new(t.clone())))),
                    None => Outcome::Done,
                });
            }
            _ => return Ok(Outcome::Close),
        };
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, env: &mut Env) -> Result<Outcome> {
        match key.code {
            KeyCode::Char(c) => self.query.push(c),
            KeyCode::Backspace => {
                self.query.pop();
            }
            _ => return Ok(Outcome::Done),
        }
        self.requery(&env.catalog);
        Ok(Outcome::Done)
    }

    fn paste(&mut self, text: &str, env: &mut Env) -> Outcome {
        self.query.push_str(text.lines().next().unwrap_or_default());
        self.requery(&env.catalog);
        Outcome::Done
    }

    /// A stray key leaves the chooser open.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let w = size.width.min(86);
        // Name, depth and purpose side by side; the purpose gets what is left.
        let purpose_w = usize::from(w).saturating_sub(4 + 34 + 7);
        let mut lines = vec![
            Line::from(vec![
                Span::styled("Find: ", t.dim),
                Span::raw(format!("{}▏", sanitize_line(&self.query))),
            ]),
            Line::from(""),
        ];
        if self.shown.is_empty() {
            lines.push(Line::from(Span::styled(
                "No model matches: backspace to widen",
                t.dim,
            )));
        }
        for (row, &i) in self.shown.iter().enumerate() {
            let Some(m) = listed(&env.catalog, self.sessions).get(i) else {
                continue;
            };
            let style = if row == self.selected {
                t.selected
            } else {
                t.base
            };
            let depth = m.depth.map(|d| d.to_string()).unwrap_or_default();
            let mut spans = vec![
                Span::styled(pad(&sanitize_line(&m.name), 34), style),
                Span::styled(format!(" {depth:<5} "), t.dim),
            ];
            if purpose_w > 8 {
                spans.push(Span::styled(
                    truncate(&sanitize_line(&m.purpose), purpose_w).into_owned(),
                    t.dim,
                ));
            }
            lines.push(Line::from(spans));
        }
        let h = u16::try_from(listed(&env.catalog, self.sessions).len()).unwrap_or(12) + 4;
        let title = format!(
            "{} (type to find, {} chooses)",
            if self.sessions {
                "Session model"
            } else {
                "Reflective model"
            },
            env.key(Action::Choose)
        );
        widgets::window(f, t, size, &title, lines, 86, h, false);
    }
}
