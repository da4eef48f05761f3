//! The keys help: every key of every context, generated from the keymap in force.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The help window, scrolled by some lines.
#[derive(Debug)]
pub struct Help {
    scroll: u16,
    /// The furthest it scrolls, as last drawn.
    most: std::cell::Cell<u16>,
}

impl Default for Help {
    fn default() -> Help {
        Help {
            scroll: 0,
            most: std::cell::Cell::new(u16::MAX),
        }
    }
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

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        // To its end and no further, so the way back up is as long as the way down.
        let end = self.most.get();
        self.scroll = match action {
            Action::Up => self.scroll.min(end).saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1).min(end),
            Action::PageUp => self.scroll.min(end).saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10).min(end),
            Action::Top => 0,
            Action::Bottom => end,
            _ => return Ok(Outcome::Close),
        };
        Ok(Outcome::Done)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let footer = format!(
            "{}/{}, {}/{} and {}/{} scroll this window; {} or any other key closes it. \
             Keys can be changed in the config's [keys] table.",
            env.key(Action::Up),
            env.key(Action::Down),
            env.key(Action::PageUp),
            env.key(Action::PageDown),
            env.key(Action::Top),
            env.key(Action::Bottom),
            env.key(Action::Close),
        );
        let most = widgets::help(
            f,
            &env.theme,
            &env.keymap,
            &widgets::HelpText {
                title: "Keys",
                notes: &[],
                footer,
            },
            self.scroll,
            size,
        );
        self.most.set(most);
    }
}
