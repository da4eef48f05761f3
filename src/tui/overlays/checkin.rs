//! The check-in form (mood, energy, load, carrying, a word, what helped): every field
//! optional, nothing scored. A check-in of its own is saved from here; one for the entry
//! being written goes back to it.

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::filter::cycle;
use crate::model::text::{pad, sanitize_line};
use crate::model::{Carrying, CheckIn, Entry, EntryKind, Load};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, Outcome, Overlay, WriteMsg};
use crate::tui::keymap::Text;
use crate::tui::widgets;

pub const CHECKIN_FIELDS: [&str; 6] = [
    "Mood",
    "Energy",
    "Load",
    "Carrying",
    "One word",
    "What helped",
];

/// The form and what it is for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckInForm {
    pub field: usize,
    pub checkin: CheckIn,
    /// Save the entry when the form is confirmed or skipped (shown at the end of writing).
    pub then_save: bool,
    /// ... and end the app once it is saved (saving was on the way out).
    pub then_quit: bool,
    /// A check-in entry of its own: saved when confirmed (`editing` names a stored one).
    pub standalone: bool,
    pub editing: Option<i64>,
}

impl CheckInForm {
    /// A new check-in entry of its own.
    #[must_use]
    pub fn standalone() -> CheckInForm {
        CheckInForm {
            standalone: true,
            ..CheckInForm::default()
        }
    }

    /// A stored check-in entry, changed.
    #[must_use]
    pub fn editing(rowid: i64, checkin: CheckIn) -> CheckInForm {
        CheckInForm {
            checkin,
            standalone: true,
            editing: Some(rowid),
            ..CheckInForm::default()
        }
    }

    /// The check-in of the entry being written.
    #[must_use]
    pub fn for_entry(checkin: CheckIn) -> CheckInForm {
        CheckInForm {
            checkin,
            ..CheckInForm::default()
        }
    }

    /// Offered when a new reflection is saved; the entry is saved either way.
    #[must_use]
    pub fn before_save(then_quit: bool) -> CheckInForm {
        CheckInForm {
            then_save: true,
            then_quit,
            ..CheckInForm::default()
        }
    }

    /// Saves a check-in entry of its own (new, or the one being changed).
    fn save(&self, env: &mut Env) -> Result<Outcome> {
        if self.checkin.is_empty() {
            env.say("Nothing to record: the check-in is empty");
            return Ok(Outcome::Close);
        }
        let now = env.clock.now_utc();
        let id = match self.editing {
            Some(rowid) => {
                let mut e = env.store.entry_by_rowid(rowid)?;
                e.checkin = Some(self.checkin.clone());
                env.store.update_entry(&e, now)?.short_id()
            }
            None => {
                let mut e = Entry::new(EntryKind::CheckIn, env.clock.today(), now);
                e.scope = env.config.journal.default_scope;
                e.title = match &self.checkin.word {
                    Some(w) => format!("Check-in: {w}"),
                    None => "Check-in".into(),
                };
                e.checkin = Some(self.checkin.clone());
                env.store.insert_entry(&e)?;
                e.short_id()
            }
        };
        env.changed = true;
        env.say(if self.checkin.load.is_some_and(Load::is_heavy) {
            format!("Saved {id}. Heavy days are worth bringing to restorative supervision.")
        } else {
            format!("Saved {id}")
        });
        Ok(Outcome::CloseThen(Msg::Saved(id)))
    }
}

/// The 1–5 scale of mood and energy.
const SCALE: [u8; 5] = [1, 2, 3, 4, 5];

/// One step up or down the 1–5 scale, round and round through none.
fn step(v: Option<u8>, up: bool) -> Option<u8> {
    cycle(v, &SCALE, up)
}

impl Overlay for CheckInForm {
    fn context(&self) -> Context {
        Context::CheckIn
    }

    /// Mood and energy take a digit, the word and what helped take text; load and
    /// carrying are choices.
    fn keys(&self) -> (Text, &'static [Context]) {
        let text = match self.field {
            2 | 3 => Text::None,
            _ => Text::Chars,
        };
        (text, &[Context::CheckIn, Context::Form])
    }

    fn holds_writing(&self) -> bool {
        !self.checkin.is_empty()
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let c = &mut self.checkin;
        match action {
            Action::FormCancel if self.then_save => {
                return Ok(Outcome::CloseThen(Msg::Write(WriteMsg::Save {
                    offer_checkin: false,
                    then_quit: self.then_quit,
                })));
            }
            Action::FormCancel => return Ok(Outcome::Close),
            Action::FormDone if self.standalone => return self.save(env),
            Action::FormDone => {
                let checkin = (!c.is_empty()).then(|| c.clone());
                return Ok(Outcome::CloseThen(Msg::Write(WriteMsg::CheckIn {
                    checkin,
                    then_save: self.then_save,
                    then_quit: self.then_quit,
                })));
            }
            Action::FormPrev => self.field = self.field.saturating_sub(1),
            Action::FormNext => self.field = (self.field + 1).min(CHECKIN_FIELDS.len() - 1),
            Action::FormMore | Action::FormLess => {
                let up = action == Action::FormMore;
                match self.field {
                    0 => c.mood = step(c.mood, up),
                    1 => c.energy = step(c.energy, up),
                    2 => c.load = cycle(c.load, Load::ALL, up),
                    3 => c.carrying = cycle(c.carrying, Carrying::ALL, up),
                    _ => {}
                }
            }
            _ => {}
        }
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        let c = &mut self.checkin;
        let digit = |d: char| d.to_digit(10).and_then(|n| u8::try_from(n).ok());
        match (key.code, self.field) {
            (KeyCode::Char(d @ '1'..='5'), 0) => c.mood = digit(d),
            (KeyCode::Char(d @ '1'..='5'), 1) => c.energy = digit(d),
            (KeyCode::Char(ch), 4) => c.word.get_or_insert_with(String::new).push(ch),
            (KeyCode::Char(ch), 5) => c.helped.get_or_insert_with(String::new).push(ch),
            (KeyCode::Backspace, 4) => pop(&mut c.word),
            (KeyCode::Backspace, 5) => pop(&mut c.helped),
            _ => {}
        }
        Ok(Outcome::Done)
    }

    /// A stray key leaves the form as it is.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let c = &self.checkin;
        let value = |i: usize| -> String {
            match i {
                0 => c.mood.map_or("–".into(), |v| format!("{v} of 5")),
                1 => c.energy.map_or("–".into(), |v| format!("{v} of 5")),
                2 => c.load.map_or("–".into(), |v| v.to_string()),
                3 => c.carrying.map_or("–".into(), |v| v.to_string()),
                4 => c.word.clone().unwrap_or_default(),
                _ => c.helped.clone().unwrap_or_default(),
            }
        };
        let mut lines = vec![
            Line::from(Span::styled(
                "How are you, at the end of this? Nothing here is a score.",
                t.dim,
            )),
            Line::from(""),
        ];
        let scale: Vec<String> = SCALE.iter().map(ToString::to_string).collect();
        let loads: Vec<String> = Load::ALL.iter().map(ToString::to_string).collect();
        let carrying: Vec<String> = Carrying::ALL.iter().map(ToString::to_string).collect();
        for (i, label) in CHECKIN_FIELDS.iter().enumerate() {
            let style = if i == self.field { t.selected } else { t.base };
            let mut row = vec![Span::styled(pad(label, 14), style)];
            let options = match i {
                0 | 1 => Some(&scale),
                2 => Some(&loads),
                3 => Some(&carrying),
                _ => None,
            };
            match options {
                // A choice shows all its values (– for none), the one in force in brackets.
                Some(all) => {
                    let v = value(i);
                    let v = v.split(' ').next().unwrap_or_default();
                    for o in std::iter::once("–").chain(all.iter().map(String::as_str)) {
                        if o == v {
                            row.push(Span::styled(format!("[{o}]"), t.title));
                        } else {
                            row.push(Span::styled(format!(" {o} "), t.dim));
                        }
                    }
                }
                None => row.push(Span::styled(
                    format!("{}▏", sanitize_line(&value(i))),
                    if i == self.field { style } else { t.base },
                )),
            }
            lines.push(Line::from(row));
        }
        lines.push(Line::from(""));
        lines.push(widgets::key_hint(
            t,
            &[
                (
                    format!("{}{}", env.key(Action::FormPrev), env.key(Action::FormNext)),
                    "field",
                ),
                (
                    format!("{}{}", env.key(Action::FormLess), env.key(Action::FormMore)),
                    "change",
                ),
                (
                    env.key(Action::FormDone),
                    if self.then_save { "save" } else { "done" },
                ),
                (
                    env.key(Action::FormCancel),
                    if self.then_save {
                        "skip and save"
                    } else {
                        "cancel"
                    },
                ),
            ],
        ));
        widgets::window(f, t, size, "Check-in", lines, 62, 13, true);
    }
}

/// Takes the last character off an optional text; empty is none.
fn pop(text: &mut Option<String>) {
    if let Some(w) = text.as_mut() {
        w.pop();
    }
    if text.as_deref() == Some("") {
        *text = None;
    }
}
