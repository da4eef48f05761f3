//! What the journal app's panes and overlays share: the services they work with
//! ([`Env`]), what handling a key comes to ([`Outcome`]), the messages the app routes
//! between them ([`Msg`]), and the [`Overlay`] trait every window over the panes
//! implements. Panes and overlays never reach into each other: they say what they want
//! done, and `app.rs` routes it.

use anyhow::Result;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::{Action, Context, Keymap};
use super::keymap::Text;
use super::theme::Theme;
use crate::clock::Clock;
use crate::config::Config;
use crate::config::catalog::Catalog;
use crate::model::{CheckIn, Entry, EntryKind, StrengthTag, Template};
use crate::process::Writer;
use crate::store::{Draft, EntryFilter, Store};

/// The journal and the services every part of the app works with.
pub struct Env {
    pub store: Store,
    pub catalog: Catalog,
    pub clock: Clock,
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    /// This app as the writer of its drafts: another app's drafts are not offered while
    /// it is alive, and this one's are not taken.
    pub writer: Writer,
    /// What the status bar says until the next key.
    pub status: Option<String>,
    /// The journal changed: what the panes read from it is out of date.
    pub changed: bool,
    /// What the header calls the journal when it is not the writer's own (`demo journal`).
    pub label: Option<String>,
}

impl Env {
    /// Puts a message in the status bar.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.status = Some(msg.into());
    }

    /// The first key of an action, for a hint ("ctrl-s").
    #[must_use]
    pub fn key(&self, action: Action) -> String {
        self.keymap.first_key(action)
    }
}

/// The four panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Journal,
    Write,
    Supervision,
    Patterns,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Journal,
        Pane::Write,
        Pane::Supervision,
        Pane::Patterns,
    ];

    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Pane::Journal => "Journal",
            Pane::Write => "Write",
            Pane::Supervision => "Supervision",
            Pane::Patterns => "Patterns",
        }
    }
}

/// What a pane or an overlay made of a key (or of a message).
pub enum Outcome {
    /// Done with: nothing more to do.
    Done,
    /// Not this one's: the next in line may take it.
    Passed,
    /// Open a window over the panes (one opened by a window takes its place).
    Open(Box<dyn Overlay>),
    /// Close the window that returned it.
    Close,
    /// Something for another part of the app.
    Then(Msg),
    /// Close the window that returned it, then the message.
    CloseThen(Msg),
    /// Write this text in `$EDITOR` (the runtime suspends the screen for it).
    Edit(String),
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Done => f.write_str("Done"),
            Outcome::Passed => f.write_str("Passed"),
            Outcome::Open(o) => write!(f, "Open({:?})", o.context()),
            Outcome::Close => f.write_str("Close"),
            Outcome::Then(m) => write!(f, "Then({m:?})"),
            Outcome::CloseThen(m) => write!(f, "CloseThen({m:?})"),
            Outcome::Edit(_) => f.write_str("Edit"),
        }
    }
}

/// What one part of the app asks of another; `app.rs` routes each to its pane.
#[derive(Debug)]
pub enum Msg {
    /// Show a pane.
    Focus(Pane),
    /// End the app.
    Quit,
    /// An entry was saved (its short id): the journal shows it, selected.
    Saved(String),
    /// The journal with this filter (the filter form).
    Filter(EntryFilter),
    /// The journal with only these entries, the search cleared (a drill-down).
    Show(EntryFilter),
    /// The record of the next supervision session (the board knows its prep).
    Record,
    /// For the writing.
    Write(WriteMsg),
}

/// What the Write pane is asked to do.
#[derive(Debug)]
pub enum WriteMsg {
    /// Start a new entry (unless one is being written).
    New(NewForm),
    /// Offer the kinds of entry to start (unless one is being written).
    ChooseKind,
    /// Edit a stored entry (unless one is being written).
    Open(i64),
    /// Take back a draft left by a writer that is gone.
    Recover(Box<Draft>),
    /// Change the reflective model.
    Model(Box<Template>),
    /// The strengths and topic tags now tagged.
    Tags {
        strengths: Vec<StrengthTag>,
        tags: Vec<String>,
    },
    /// The check-in of the entry (none: empty), then save if asked.
    CheckIn {
        checkin: Option<CheckIn>,
        then_save: bool,
        then_quit: bool,
    },
    /// Save the entry; a new reflection without a check-in is offered one first.
    Save {
        offer_checkin: bool,
        then_quit: bool,
    },
    /// The entry was changed or saved elsewhere: save this version as a copy.
    SaveCopy { mine: Box<Entry>, then_quit: bool },
    /// The entry was changed elsewhere: keep that version, drop this one.
    TakeTheirs { then_quit: bool },
    /// The entry was deleted for good elsewhere: save this as a new entry.
    SaveAsNew { mine: Box<Entry>, then_quit: bool },
    /// Keep the writing as a draft and end the app.
    KeepAndQuit,
    /// Throw the writing away (its draft too), then `then` (the journal if none).
    Discard { then: Option<Box<Msg>> },
}

/// A new entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewForm {
    /// A reflection with the configured default model.
    Reflection,
    /// A structured kind from its template; a supervision record may follow a prep (its
    /// id and the session's date).
    Structured {
        kind: EntryKind,
        template: &'static str,
        prep: Option<(String, NaiveDate)>,
    },
    /// A group or peer session, in one of the catalog's session models (by id) or none.
    Group { model: Option<String> },
}

/// A window over the panes: it has the keyboard while it is open.
pub trait Overlay {
    /// Which window this is (its keys' own context, even when it binds none).
    fn context(&self) -> Context;

    /// What is text in it now, and the contexts its keys are looked up in, in order.
    fn keys(&self) -> (Text, &'static [Context]);

    /// An action of its contexts.
    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome>;

    /// A key that is text in it.
    fn text(&mut self, _key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        Ok(Outcome::Done)
    }

    /// A pasted text.
    fn paste(&mut self, _text: &str, _env: &mut Env) -> Outcome {
        Outcome::Done
    }

    /// Whether it holds writing of its own that closing it would lose (the quit key then
    /// asks for it to be finished or closed first, instead of quitting).
    fn holds_writing(&self) -> bool {
        false
    }

    /// A key bound to nothing here: a list or a notice closes, a question stays open
    /// (a stray key must not decide it).
    fn unbound(&self) -> Outcome {
        Outcome::Close
    }

    /// Draws the window over a screen of `size`.
    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env);
}
