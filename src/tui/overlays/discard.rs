//! Throwing away the writing, asked first: from the Write pane, on the way out, or when
//! something else wants the Write pane while an entry is being written.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::text::{sanitize_line, truncate};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, Pane, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// "Discard this writing?", and what comes after if it is.
#[derive(Debug)]
pub struct Discard {
    /// The writing's title or first words.
    what: String,
    /// What was asked for that the writing is in the way of (none: the journal after).
    then: Option<Box<Msg>>,
    /// Asked because something else wants the Write pane, not by the writer's own key.
    in_the_way: bool,
}

impl Discard {
    /// Asked by the writer: throw `what` away, then `then` (the journal if none).
    #[must_use]
    pub fn new(what: String, then: Option<Msg>) -> Discard {
        Discard {
            what,
            then: then.map(Box::new),
            in_the_way: false,
        }
    }

    /// `then` was asked for while `what` is being written: back to it, or throw it away
    /// and go on.
    #[must_use]
    pub fn in_the_way(what: String, then: Msg) -> Discard {
        Discard {
            what,
            then: Some(Box::new(then)),
            in_the_way: true,
        }
    }
}

impl Overlay for Discard {
    fn context(&self) -> Context {
        Context::Discard
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::None, &[Context::Discard, Context::Window])
    }

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        Ok(match action {
            Action::ConfirmDiscard => Outcome::CloseThen(Msg::Write(WriteMsg::Discard {
                then: self.then.take(),
            })),
            Action::ResumeWriting => Outcome::CloseThen(Msg::Focus(Pane::Write)),
            _ => Outcome::Close,
        })
    }

    /// A stray key (one meant for a menu, say) must not decide what happens to the
    /// writing, nor become part of it.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let what = if self.what.trim().is_empty() {
            "this entry".to_string()
        } else {
            format!("“{}”", truncate(&sanitize_line(&self.what), 44))
        };
        let row = |a: Action, what: &'static str| {
            Line::from(vec![
                Span::styled(format!("{:>5}  ", env.key(a)), t.key),
                Span::raw(what),
            ])
        };
        let mut lines = if self.in_the_way {
            vec![
                Line::from(format!("You are writing {what}.")),
                Line::from("It is kept as a draft until you save or discard it."),
            ]
        } else {
            vec![
                Line::from(format!("Throw away {what}?")),
                Line::from("It is not saved, and cannot be brought back."),
            ]
        };
        lines.push(Line::from(""));
        lines.push(row(Action::ResumeWriting, "back to the writing"));
        lines.push(row(
            Action::ConfirmDiscard,
            if self.in_the_way {
                "discard it and go on"
            } else {
                "discard it"
            },
        ));
        lines.push(row(Action::Close, "not now"));
        let title = if self.in_the_way {
            "An entry is being written"
        } else {
            "Discard this writing?"
        };
        widgets::window(f, t, size, title, lines, 62, 9, true);
    }
}
