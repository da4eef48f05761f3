//! Quitting with unsaved writing: save it, keep it as a draft, or stay.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "Quit?" while an entry is not saved.
#[derive(Debug, Default)]
pub struct ConfirmQuit;

impl Overlay for ConfirmQuit {
    fn context(&self) -> Context {
        Context::Quit
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Quit, Context::Window])
    }

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        Ok(match action {
            Action::SaveAndQuit => Outcome::CloseThen(Msg::Write(WriteMsg::Save {
                offer_checkin: false,
                then_quit: true,
            })),
            Action::KeepAndQuit => Outcome::CloseThen(Msg::Write(WriteMsg::KeepAndQuit)),
            _ => Outcome::Close,
        })
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let row = |a: Action, what: &'static str| {
            Line::from(vec![Span::styled(env.key(a), t.key), Span::raw(what)])
        };
        let lines = vec![
            Line::from("This entry is not saved yet."),
            Line::from(""),
            row(Action::SaveAndQuit, " save it and quit"),
            row(Action::KeepAndQuit, " keep it as a draft and quit"),
            row(Action::Close, " stay"),
        ];
        widgets::window(f, t, size, "Quit?", lines, 44, 8, true);
    }
}
