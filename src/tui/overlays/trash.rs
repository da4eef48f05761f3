//! The trash's two questions: moving an entry to it, and deleting for good (one entry of
//! it, or all).

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

/// What is deleted for good.
#[derive(Debug)]
enum ForGood {
    /// Every entry in the trash: how many it held when asked.
    All(i64),
    /// The one chosen in it.
    One { rowid: i64, title: String },
}

/// "Empty the trash?" (every entry in it deleted for good) or "Delete for good?" (the one
/// chosen in it).
#[derive(Debug)]
pub struct ConfirmForGood {
    what: ForGood,
}

impl ConfirmForGood {
    /// Every entry in the trash, `count` of them.
    #[must_use]
    pub fn all(count: i64) -> ConfirmForGood {
        ConfirmForGood {
            what: ForGood::All(count),
        }
    }

    /// The entry of the trash `rowid`, titled `title`.
    #[must_use]
    pub fn one(rowid: i64, title: String) -> ConfirmForGood {
        ConfirmForGood {
            what: ForGood::One { rowid, title },
        }
    }
}

impl Overlay for ConfirmForGood {
    fn context(&self) -> Context {
        Context::EmptyTrash
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::EmptyTrash, Context::Window])
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        if action == Action::ConfirmEmptyTrash {
            match &self.what {
                ForGood::All(_) => {
                    let gone = env.store.empty_trash()?;
                    env.say(format!(
                        "Deleted {} for good",
                        plural(gone, "entry", "entries")
                    ));
                }
                ForGood::One { rowid, title } => {
                    let title = sanitize_line(title);
                    if env.store.delete_for_good(*rowid)? {
                        env.say(format!("Deleted “{title}” for good"));
                    } else {
                        env.say(format!(
                            "“{title}” is no longer in the trash (restored or deleted elsewhere)"
                        ));
                    }
                }
            }
            env.changed = true;
        }
        Ok(Outcome::Close)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let (heading, question, them) = match &self.what {
            ForGood::All(count) => (
                "Empty the trash?",
                format!(
                    "Delete {} in the trash for good?",
                    plural(*count, "entry", "entries")
                ),
                " delete them for good   ",
            ),
            ForGood::One { title, .. } => (
                "Delete for good?",
                format!("“{}”", truncate(&sanitize_line(title), 44)),
                " delete it for good   ",
            ),
        };
        let lines = vec![
            Line::from(question),
            Line::from(Span::styled("This cannot be undone.", t.warn)),
            Line::from(""),
            Line::from(vec![
                Span::styled(env.key(Action::ConfirmEmptyTrash), t.key),
                Span::raw(them),
                Span::styled(env.key(Action::Close), t.key),
                Span::raw(match self.what {
                    ForGood::All(_) => " keep them",
                    ForGood::One { .. } => " keep it",
                }),
            ]),
        ];
        widgets::window(f, t, size, heading, lines, 52, 7, true);
    }
}
