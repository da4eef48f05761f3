//! Saving an entry that another praxis changed (or saved) since it was opened: keep
//! yours as a copy, or take theirs.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::Entry;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "Changed elsewhere", with the version that could not be saved.
#[derive(Debug)]
pub struct Conflict {
    mine: Box<Entry>,
    /// Saving was on the way out: the app ends once this is decided.
    then_quit: bool,
}

impl Conflict {
    #[must_use]
    pub fn new(mine: Entry, then_quit: bool) -> Conflict {
        Conflict {
            mine: Box::new(mine),
            then_quit,
        }
    }
}

impl Overlay for Conflict {
    fn context(&self) -> Context {
        Context::Conflict
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Conflict, Context::Window])
    }

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        let then_quit = self.then_quit;
        Ok(match action {
            Action::SaveCopy => Outcome::CloseThen(Msg::Write(WriteMsg::SaveCopy {
                mine: self.mine.clone(),
                then_quit,
            })),
            Action::TakeTheirs => {
                Outcome::CloseThen(Msg::Write(WriteMsg::TakeTheirs { then_quit }))
            }
            _ => Outcome::Close,
        })
    }

    /// A stray key must not decide which version is kept.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let row = |a: Action, what: &'static str| {
            Line::from(vec![Span::styled(env.key(a), t.key), Span::raw(what)])
        };
        let lines = vec![
            Line::from(if self.mine.version == 0 {
                "This entry was saved by another praxis while you wrote it."
            } else {
                "This entry was changed by another praxis since you opened it."
            }),
            Line::from(""),
            row(Action::SaveCopy, " save mine as a copy"),
            row(Action::TakeTheirs, " take theirs (mine is not saved)"),
            row(Action::Close, " back to writing"),
        ];
        widgets::window(f, t, size, "Changed elsewhere", lines, 66, 8, true);
    }
}
