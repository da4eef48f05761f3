//! The keys help: every key of every context, generated from the keymap in force.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The help window, scrolled by some lines.
#[derive(Debug, Default)]
pub struct Help {
    scroll: u16,
}

impl Overlay for Help {
    fn context(&self) -> Context {
        Context::Help
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[Context::Help, Context::Moving, Context::Window],
        )
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        // Far enough to reach the end: the window shows no more than it has.
        let end = u16::try_from(env.keymap.help_rows().len() * 2).unwrap_or(u16::MAX);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1).min(end),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10).min(end),
            Action::Top => 0,
            Action::Bottom => end,
            _ => return Ok(Outcome::Close),
        };
        Ok(Outcome::Done)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        widgets::help(
            f,
            &env.theme,
            &env.keymap,
            &widgets::HelpText {
                title: "Keys",
                notes: &[],
                footer: "Keys can be changed in the config's [keys] table. Any other key closes this window.",
            },
            self.scroll,
            size,
        );
    }
}
