//! Moving an entry to the trash, asked first.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{sanitize_line, truncate};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "Move to the trash?" for one entry.
#[derive(Debug)]
pub struct ConfirmDelete {
    rowid: i64,
    title: String,
}

impl ConfirmDelete {
    #[must_use]
    pub fn new(rowid: i64, title: String) -> ConfirmDelete {
        ConfirmDelete { rowid, title }
    }
}

impl Overlay for ConfirmDelete {
    fn context(&self) -> Context {
        Context::Trash
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Trash, Context::Window])
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        if action == Action::ConfirmDelete {
            env.store.trash_entry(self.rowid, env.clock.now_utc())?;
            env.say(format!(
                "Moved “{}” to the trash (praxis restore brings it back)",
                self.title
            ));
            env.changed = true;
        }
        Ok(Outcome::Close)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let lines = vec![
            Line::from(format!("“{}”", truncate(&sanitize_line(&self.title), 40))),
            Line::from(""),
            Line::from(vec![
                Span::styled(env.key(Action::ConfirmDelete), t.key),
                Span::raw(" move it to the trash   "),
                Span::styled(env.key(Action::Close), t.key),
                Span::raw(" keep it"),
            ]),
            Line::from(Span::styled("praxis restore ID brings it back", t.dim)),
        ];
        widgets::window(f, t, size, "Move to the trash?", lines, 48, 7, true);
    }
}
