//! Choosing the kind of entry to write, besides a reflection.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::EntryKind;
use crate::model::text::pad;
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::overlays::checkin::CheckInForm;
use crate::tui::widgets;

/// What "write another kind" offers: label, kind, template id.
pub const NEW_KINDS: [(&str, EntryKind, &str); 6] = [
    ("Reflection", EntryKind::Reflection, ""),
    ("Check-in", EntryKind::CheckIn, "check-in"),
    ("Call-in plan", EntryKind::CallIn, "callin-plan"),
    ("Stage note", EntryKind::StageNote, "stage-note"),
    ("CPD record", EntryKind::Cpd, "cpd"),
    (
        "Supervision record",
        EntryKind::Supervision,
        "supervision-record",
    ),
];

/// The kinds, one selected.
#[derive(Debug, Default)]
pub struct NewKind {
    selected: usize,
}

impl Overlay for NewKind {
    fn context(&self) -> Context {
        Context::NewKind
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (
            Text::None,
            &[
                Context::NewKind,
                Context::Choose,
                Context::Moving,
                Context::Window,
            ],
        )
    }

    fn act(&mut self, action: Action, _env: &mut Env) -> Result<Outcome> {
        let last = NEW_KINDS.len() - 1;
        self.selected = match action {
            Action::Up | Action::PageUp => self.selected.saturating_sub(1),
            Action::Down | Action::PageDown => (self.selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Choose => {
                let (_, kind, template) = NEW_KINDS[self.selected.min(last)];
                let new = |form| Outcome::CloseThen(Msg::Write(WriteMsg::New(form)));
                return Ok(match kind {
                    EntryKind::Reflection => new(NewForm::Reflection),
                    // A check-in is a form of its own, in place of this one.
                    EntryKind::CheckIn => Outcome::Open(Box::new(CheckInForm::standalone())),
                    // A record follows the open prep, which the board knows.
                    EntryKind::Supervision => Outcome::CloseThen(Msg::Record),
                    _ => new(NewForm::Structured {
                        kind,
                        template,
                        prep: None,
                    }),
                });
            }
            _ => return Ok(Outcome::Close),
        };
        Ok(Outcome::Done)
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let lines = NEW_KINDS
            .iter()
            .enumerate()
            .map(|(i, (label, ..))| {
                let style = if i == self.selected {
                    t.selected
                } else {
                    t.base
                };
                Line::from(Span::styled(format!(" {} ", pad(label, 30)), style))
            })
            .collect::<Vec<_>>();
        let title = format!("Write ({} chooses)", env.key(Action::Choose));
        widgets::window(f, t, size, &title, lines, 36, 8, false);
    }
}
