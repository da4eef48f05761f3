//! Tagging strengths (whose: mine, the person's, the team's) and topic tags on the entry
//! being written: fuzzy search over the vocabulary, recently used first.

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::config::catalog::Catalog;
use crate::model::text::{pad, sanitize_line};
use crate::model::{StrengthTag, Whose};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The picker: what is typed, the choices it gives, and the entry's tags as they are now.
#[derive(Debug)]
pub struct Strengths {
    query: String,
    selected: usize,
    whose: Whose,
    strengths: Vec<StrengthTag>,
    tags: Vec<String>,
    /// Strengths used lately, read once when the picker opens.
    recent: Vec<String>,
    /// (name, group) for the query, best first.
    choices: Vec<(String, String)>,
}

impl Strengths {
    /// The picker over the entry's `strengths` and `tags`.
    #[must_use]
    pub fn new(strengths: &[StrengthTag], tags: &[String], env: &Env) -> Strengths {
        let mut s = Strengths {
            query: String::new(),
            selected: 0,
            whose: Whose::Mine,
            strengths: strengths.to_vec(),
            tags: tags.to_vec(),
            recent: env.store.recent_strengths(8).unwrap_or_default(),
            choices: Vec::new(),
        };
        s.choices = choices(&env.catalog, &s.recent, "");
        s
    }

    /// The picker tagging strengths as `whose` to begin with.
    #[must_use]
    pub fn whose(mut self, whose: Whose) -> Strengths {
        self.whose = whose;
        self
    }

    fn requery(&mut self, catalog: &Catalog) {
        self.choices = choices(catalog, &self.recent, &self.query);
        self.selected = 0;
    }

    /// Tags or untags the selected strength, or the `#topic` typed.
    fn toggle(&mut self, catalog: &Catalog) -> Outcome {
        if let Some(tag) = self.query.trim().strip_prefix('#') {
            if let Ok(t) = crate::model::compose::normalise_tag(tag) {
                match self.tags.iter().position(|x| *x == t) {
                    Some(i) => {
                        self.tags.remove(i);
                    }
                    None => self.tags.push(t),
                }
            }
            self.query.clear();
            self.choices = choices(catalog, &self.recent, "");
        } else if let Some((name, _)) = self.choices.get(self.selected) {
            let tag = StrengthTag::new(name.clone(), self.whose);
            match self.strengths.iter().position(|s| *s == tag) {
                Some(i) => {
                    self.strengths.remove(i);
                }
                None => self.strengths.push(tag),
            }
            // Tagged: what was typed to find it is done with.
            if !self.query.is_empty() {
                self.query.clear();
                self.choices = choices(catalog, &self.recent, "");
                self.selected = 0;
            }
        } else {
            return Outcome::Done;
        }
        Outcome::Then(Msg::Write(WriteMsg::Tags {
            strengths: self.strengths.clone(),
            tags: self.tags.clone(),
        }))
    }
}

/// The strengths the picker shows for `query`: recently used first, then the
/// vocabulary; fuzzy when something is typed. (name, group)
fn choices(catalog: &Catalog, recent: &[String], query: &str) -> Vec<(String, String)> {
    let vocab = &catalog.vocabulary;
    let mut all: Vec<(String, String)> = recent
        .iter()
        .filter_map(|n| {
            vocab
                .group_of(n)
                .map(|_| (n.clone(), "Recently used".to_string()))
        })
        .collect();
    for g in &vocab.groups {
        for s in &g.strengths {
            all.push((s.name.clone(), g.name.clone()));
        }
    }
    if query.trim().is_empty() {
        return all;
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut seen = std::collections::HashSet::new();
    let mut scored: Vec<(i64, (String, String))> = all
        .into_iter()
        .filter(|(n, _)| seen.insert(n.clone()))
        .filter_map(|(n, g)| matcher.fuzzy_match(&n, query.trim()).map(|s| (s, (n, g))))
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    scored.into_iter().map(|(_, x)| x).collect()
}

/// Whose a strength is, as the picker offers it.
const WHOSE: [(Whose, &str); 4] = [
    (Whose::Mine, "mine"),
    (Whose::Person, "the person's"),
    (Whose::Team, "the team's"),
    (Whose::Colleague, "a colleague's"),
];

/// Every choice of whose, the one in force in brackets, and the key that changes it.
fn whose_line(whose: Whose, env: &Env) -> Line<'static> {
    let t = &env.theme;
    let mut spans = vec![Span::styled("Whose: ", t.dim)];
    for (w, label) in WHOSE {
        if w == whose {
            spans.push(Span::styled(format!("[{label}]"), t.accent));
        } else {
            spans.push(Span::styled(format!(" {label} "), t.dim));
        }
    }
    spans.push(Span::styled(
        format!("  {} changes", env.key(Action::Whose)),
        t.dim,
    ));
    Line::from(spans)
}

impl Overlay for Strengths {
    fn context(&self) -> Context {
        Context::Strengths
    }

    /// Letters find a strength; the arrows choose one.
    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::Chars,
            &[Context::Strengths, Context::Moving, Context::Window],
        )
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let last = self.choices.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            Action::Whose => {
                self.whose = match self.whose {
                    Whose::Mine => Whose::Person,
                    Whose::Person => Whose::Team,
                    Whose::Team => Whose::Colleague,
                    Whose::Colleague => Whose::Mine,
                };
            }
            Action::Tag => return Ok(self.toggle(&env.catalog)),
            _ => return Ok(Outcome::Close),
        }
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

    /// A stray key leaves the picker open.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let mut lines = vec![
            Line::from(vec![
                Span::styled("Find: ", t.dim),
                Span::raw(format!("{}▏", sanitize_line(&self.query))),
            ]),
            whose_line(self.whose, env),
            Line::from(Span::styled(
                format!("A topic tag: type #word, then {}", env.key(Action::Tag)),
                t.dim,
            )),
            Line::from(""),
        ];
        let room = usize::from(size.height.saturating_sub(10)).max(3);
        let start = self.selected.saturating_sub(room - 1);
        for (i, (name, group)) in self.choices.iter().enumerate().skip(start).take(room) {
            let on: Vec<&str> = self
                .strengths
                .iter()
                .filter(|s| s.name == *name)
                .map(|s| match s.whose {
                    Whose::Mine => "mine",
                    Whose::Person => "person",
                    Whose::Team => "team",
                    Whose::Colleague => "colleague",
                })
                .collect();
            let mark = if on.is_empty() { "  " } else { "✓ " };
            let style = if i == self.selected {
                t.selected
            } else {
                t.base
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark}{}", pad(&sanitize_line(name), 18)), style),
                Span::styled(format!(" {}", sanitize_line(group)), t.dim),
                Span::styled(
                    if on.is_empty() {
                        String::new()
                    } else {
                        format!("  {}", on.join(", "))
                    },
                    t.strength,
                ),
            ]));
        }
        let title = format!(
            "Strengths ({} tags or untags, {} closes)",
            env.key(Action::Tag),
            env.key(Action::Close)
        );
        widgets::window(
            f,
            t,
            size,
            &title,
            lines,
            70,
            size.height.saturating_sub(4),
            false,
        );
    }
}
