//! The trash's two questions: moving an entry to it, and emptying it for good.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{plural, sanitize_line, truncate};
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
                "Moved “{}” to the trash ({} shows the trash, {} there brings it back)",
                sanitize_line(&self.title),
                env.key(Action::ShowTrash),
                env.key(Action::Restore)
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
            Line::from(Span::styled(
                format!(
                    "{} shows the trash, {} there brings it back",
                    env.key(Action::ShowTrash),
                    env.key(Action::Restore)
                ),
                t.dim,
            )),
        ];
        widgets::window(f, t, size, "Move to the trash?", lines, 48, 7, true);
    }
}

/// "Empty the trash?": every entry in it deleted for good.
#[derive(Debug)]
pub struct ConfirmEmptyTrash {
    /// How many entries the trash held when asked.
    count: i64,
}

impl ConfirmEmptyTrash {
    #[must_use]
    pub fn new(count: i64) -> ConfirmEmptyTrash {
        ConfirmEmptyTrash { count }
    }
}

impl Overlay for ConfirmEmptyTrash {
    fn context(&self) -> Context {
        Context::EmptyTrash
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::EmptyTrash, Context::Window])
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        if action == Action::ConfirmEmptyTrash {
            let gone = env.store.empty_trash()?;
            env.say(format!(
                "Deleted {} for good",
                plural(gone, "entry", "entries")
            ));
            env.changed = true;
        }
        Ok(Outcome::Close)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let lines = vec![
            Line::from(format!(
                "Delete {} in the trash for good?",
                plural(self.count, "entry", "entries")
            )),
            Line::from(Span::styled("This cannot be undone.", t.warn)),
            Line::from(""),
            Line::from(vec![
                Span::styled(env.key(Action::ConfirmEmptyTrash), t.key),
                Span::raw(" delete them for good   "),
                Span::styled(env.key(Action::Close), t.key),
                Span::raw(" keep them"),
            ]),
        ];
        widgets::window(f, t, size, "Empty the trash?", lines, 52, 7, true);
    }
}
