//! Saving an entry that was deleted for good elsewhere (its trash emptied by another
//! praxis): it can still be saved, as a new entry.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::Entry;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "Deleted elsewhere", with the version that could not be saved.
#[derive(Debug)]
pub struct Gone {
    mine: Box<Entry>,
    /// Saving was on the way out: the app ends once this is saved.
    then_quit: bool,
}

impl Gone {
    #[must_use]
    pub fn new(mine: Entry, then_quit: bool) -> Gone {
        Gone {
            mine: Box::new(mine),
            then_quit,
        }
    }
}

impl Overlay for Gone {
    fn context(&self) -> Context {
        Context::Gone
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Gone, Context::Window])
    }

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        Ok(match action {
            Action::SaveAsNew => Outcome::CloseThen(Msg::Write(WriteMsg::SaveAsNew {
                mine: self.mine.clone(),
                then_quit: self.then_quit,
            })),
            _ => Outcome::Close,
        })
    }

    /// A stray key must not decide what happens to the writing.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let row = |a: Action, what: &'static str| {
            Line::from(vec![Span::styled(env.key(a), t.key), Span::raw(what)])
        };
        let lines = vec![
            Line::from(
                "This entry was deleted for good by another praxis (its trash was emptied).",
            ),
            Line::from(""),
            row(Action::SaveAsNew, " save it as a new entry"),
            row(Action::Close, " back to writing"),
        ];
        widgets::window(f, t, size, "Deleted elsewhere", lines, 66, 8, true);
    }
}
