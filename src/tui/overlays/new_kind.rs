//! Choosing the kind of entry to write, besides a reflection: the journal's own kinds,
//! the kinds of practice with others, and a group session in one of its session models.

use anyhow::Result;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::EntryKind;
use crate::model::text::{pad, sanitize_line};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::overlays::checkin::CheckInForm;
use crate::tui::widgets;

/// What "write another kind" offers: label, kind, template id. The catalog's session
/// models follow, each a group session written in that model.
pub const NEW_KINDS: [(&str, EntryKind, &str); 11] = [
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
    ("Recognition", EntryKind::Recognition, "recognition"),
    ("Feedback", EntryKind::Feedback, "feedback"),
    ("Rupture and repair", EntryKind::Rupture, "rupture"),
    (
        "Positive-risk plan",
        EntryKind::PositiveRisk,
        "positive-risk-plan",
    ),
    (
        "Group or peer session",
        EntryKind::GroupSession,
        "group-session",
    ),
];

/// How many rows the chooser has: the kinds, then the session models.
fn rows(env: &Env) -> usize {
    NEW_KINDS.len() + env.catalog.group_models.len()
}

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

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let last = rows(env) - 1;
        self.selected = match action {
            Action::Up | Action::PageUp => self.selected.saturating_sub(1),
            Action::Down | Action::PageDown => (self.selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Choose => {
                let new = |form| Outcome::CloseThen(Msg::Write(WriteMsg::New(form)));
                let at = self.selected.min(last);
                let Some(&(_, kind, template)) = NEW_KINDS.get(at) else {
                    let model = env.catalog.group_models[at - NEW_KINDS.len()].id.clone();
                    return Ok(new(NewForm::Group { model: Some(model) }));
                };
                return Ok(match kind {
                    EntryKind::Reflection => new(NewForm::Reflection),
                    // A check-in is a form of its own, in place of this one.
                    EntryKind::CheckIn => Outcome::Open(Box::new(CheckInForm::standalone())),
                    // A record follows the open prep, which the board knows.
                    EntryKind::Supervision => Outcome::CloseThen(Msg::Record),
                    EntryKind::GroupSession => new(NewForm::Group { model: None }),
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
        let models = env
            .catalog
            .group_models
            .iter()
            .map(|m| format!("  · {}", sanitize_line(&m.name)));
        let labels = NEW_KINDS
            .iter()
            .map(|(label, ..)| (*label).to_string())
            .chain(models);
        let lines = labels
            .enumerate()
            .map(|(i, label)| {
                let style = if i == self.selected {
                    t.selected
                } else {
                    t.base
                };
                Line::from(Span::styled(format!(" {} ", pad(&label, 52)), style))
            })
            .collect::<Vec<_>>();
        let title = format!("Write ({} chooses)", env.key(Action::Choose));
        let h = u16::try_from(rows(env))
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        widgets::window(f, t, size, &title, lines, 56, h, false);
    }
}
