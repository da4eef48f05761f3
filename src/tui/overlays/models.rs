//! Choosing the reflective model of a reflection.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::config::catalog::Catalog;
use crate::model::text::{pad, sanitize_line, truncate};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The models of the catalog, one selected.
#[derive(Debug, Default)]
pub struct Models {
    selected: usize,
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
        Models { selected }
    }
}

impl Overlay for Models {
    fn context(&self) -> Context {
        Context::Models
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[
                Context::Models,
                Context::Choose,
                Context::Moving,
                Context::Window,
            ],
        )
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let last = env.catalog.models.len().saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(10),
            Action::PageDown => (self.selected + 10).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Choose => {
                return Ok(match env.catalog.models.get(self.selected) {
                    Some(t) => Outcome::CloseThen(Msg::Write(WriteMsg::Model(Box::new(t.clone())))),
                    None => Outcome::Close,
                });
            }
            _ => return Ok(Outcome::Close),
        };
        Ok(Outcome::Done)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let lines = env
            .catalog
            .models
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let style = if i == self.selected {
                    t.selected
                } else {
                    t.base
                };
                let depth = m.depth.map(|d| d.to_string()).unwrap_or_default();
                Line::from(vec![
                    Span::styled(pad(&sanitize_line(&m.name), 34), style),
                    Span::styled(format!(" {depth:<5} "), t.dim),
                    Span::styled(
                        truncate(
                            &sanitize_line(&m.purpose),
                            usize::from(size.width.min(86)).saturating_sub(45),
                        )
                        .into_owned(),
                        t.dim,
                    ),
                ])
            })
            .collect::<Vec<_>>();
        let h = u16::try_from(lines.len()).unwrap_or(12) + 2;
        let title = format!("Reflective model ({} chooses)", env.key(Action::Choose));
        widgets::window(f, t, size, &title, lines, 86, h, false);
    }
}
