//! The journal app: routing, not a pane. A key goes to the window over the panes if one
//! is open, else to the focused pane and then to the global keys, always through the
//! keymap; what comes back (an outcome, a message for another part) is routed here. The
//! panes and windows own their state and draw themselves into one layout per frame.

use std::time::Instant;

use anyhow::Result;
use crossterm::event::{
    Event, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Frame;
use ratatui::layout::Position;

use super::action::{Action, Context, Keymap};
use super::chrome;
use super::component::{Env, Msg, Outcome, Overlay, Pane};
use super::keymap::{Bindable as _, Key};
use super::layout::{Layout, MIN_HEIGHT, MIN_WIDTH, Shape};
use super::lock::{IdleWatch, LockKey, Locked};
use super::overlays::drafts::Drafts;
use super::overlays::help::Help;
use super::overlays::quit::ConfirmQuit;
use super::panes::journal::Journal;
use super::panes::patterns::Patterns;
use super::panes::supervision::Board;
use super::panes::write::Write;
use super::runtime::{Handled, Screen};
use super::theme::Theme;
use super::widgets;
use crate::clock::Clock;
use crate::config::Config;
use crate::config::catalog::Catalog;
use crate::process::Writer;
use crate::store::Store;

/// The journal app.
pub struct App {
    pub env: Env,
    pub pane: Pane,
    pub journal: Journal,
    pub write: Write,
    pub board: Board,
    pub patterns: Patterns,
    overlay: Option<Box<dyn Overlay>>,
    pub quit: bool,
    /// The last frame's layout: the mouse hits what was drawn.
    layout: Layout,
    /// The shape it was laid out for: laid out again only when the size or this changes.
    shaped: Option<Shape>,
    /// When the app last had a key or a click: an encrypted journal locks after
    /// `[security] lock_after_minutes` without one.
    idle: IdleWatch,
    /// The lock screen, while the app is locked.
    locked: Option<Locked>,
    /// Locked, but still holding the journal: the draft could not be kept yet (it is
    /// tried again on every tick, and the journal let go once it is kept).
    lock_pending: bool,
}

impl App {
    /// Opens the app over a journal as this process; writing left by an app that is
    /// gone is offered back.
    pub fn new(
        store: Store,
        catalog: Catalog,
        config: Config,
        clock: Clock,
        keymap: Keymap,
        theme: Theme,
    ) -> Result<App> {
        App::new_as(
            store,
            catalog,
            config,
            clock,
            keymap,
            theme,
            Writer::current(),
        )
    }

    /// Opens the app over a journal as `writer` of its drafts.
    pub fn new_as(
        store: Store,
        catalog: Catalog,
        config: Config,
        clock: Clock,
        keymap: Keymap,
        theme: Theme,
        writer: Writer,
    ) -> Result<App> {
        let env = Env {
            store,
            catalog,
            clock,
            config,
            keymap,
            theme,
            writer,
            status: None,
            changed: false,
            label: None,
        };
        let idle = IdleWatch::new(env.config.security.lock_after(), Instant::now());
        let mut app = App {
            env,
            pane: Pane::Journal,
            journal: Journal::default(),
            write: Write::default(),
            board: Board::default(),
            patterns: Patterns::default(),
            overlay: None,
            quit: false,
            layout: Layout::default(),
            shaped: None,
            idle,
            locked: None,
            lock_pending: false,
        };
        let (lead, hints) = app.hints();
        let shape = app.shape(80, lead, &hints);
        app.layout = Layout::new(ratatui::layout::Rect::new(0, 0, 80, 24), shape);
        app.journal.refresh(&app.env)?;
        if let Some(drafts) = Drafts::offer(&mut app.env)? {
            app.overlay = Some(Box::new(drafts));
        }
        Ok(app)
    }

    /// The window open over the panes, by its context.
    #[must_use]
    pub fn overlay(&self) -> Option<Context> {
        self.overlay.as_ref().map(|o| o.context())
    }

    /// The layout of the last frame drawn.
    #[must_use]
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// What of the state moves things on the screen, for a screen `cols` wide.
    fn shape(&self, cols: u16, lead: Option<&str>, hints: &[Action]) -> Shape {
        Shape {
            pane: self.pane,
            search_bar: self.journal.search_bar(),
            fields: self.write.field_rows(usize::from(
                super::layout::nav_width(cols).saturating_sub(4),
            )),
            focus: self.write.focus(),
            status_rows: chrome::status_rows(cols, lead, hints, &self.env, &|a| self.label(a)),
        }
    }

    /// The keys the status line offers in the pane on screen (`lead` first).
    /// The status line's word for an action in the pane shown.
    fn label(&self, a: Action) -> &'static str {
        match self.pane {
            Pane::Patterns => self.patterns.label(a),
            _ => a.label(),
        }
    }

    fn hints(&self) -> (Option<&'static str>, Vec<Action>) {
        match self.pane {
            Pane::Journal => {
                let (lead, hints) = self.journal.hints();
                (lead, hints.to_vec())
            }
            Pane::Write => (None, self.write.hints()),
            Pane::Supervision => (None, self.board.hints()),
            Pane::Patterns => (None, self.patterns.hints().to_vec()),
        }
    }

    /// Handles one terminal event; a failure is reported in the status bar, never a crash.
    pub fn handle_event(&mut self, event: &Event) -> Handled {
        self.handle_event_at(event, Instant::now())
    }

    /// Handles one terminal event that came at `now` (a key or a click puts off the lock).
    pub fn handle_event_at(&mut self, event: &Event, now: Instant) -> Handled {
        if matches!(event, Event::Key(_) | Event::Mouse(_)) {
            self.idle.input(now);
        }
        if self.locked.is_some() {
            self.locked_event(event, now);
            return Handled::Consumed;
        }
        let result = match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.key(*k),
            Event::Paste(text) => self.paste(text),
            Event::Mouse(m) => self.mouse(*m),
            _ => Ok(Outcome::Passed),
        };
        match result.and_then(|o| self.apply(o)) {
            Ok(handled) => handled,
            Err(e) => {
                self.env.say(format!("{e:#}"));
                Handled::Consumed
            }
        }
    }

    /// A key: the window over the panes has it if one is open; else the focused pane,
    /// then the global keys. Text where a field has the keyboard, actions otherwise.
    fn key(&mut self, key: KeyEvent) -> Result<Outcome> {
        self.env.status = None;
        let k = Key::from_event(&key);
        // The lock key works everywhere, windows included, unless it is text there.
        let text = match (&self.overlay, self.pane) {
            (Some(o), _) => o.keys().0,
            (None, Pane::Journal) => self.journal.keys().0,
            (None, Pane::Write) => self.write.keys().0,
            (None, Pane::Supervision) => self.board.keys().0,
            (None, Pane::Patterns) => self.patterns.keys().0,
        };
        if self.env.keymap.lookup(k, text, &[Context::Global]) == Some(Action::Lock) {
            self.lock()?;
            return Ok(Outcome::Done);
        }
        if let Some(o) = self.overlay.as_mut() {
            let (text, chain) = o.keys();
            return match self.env.keymap.lookup(k, text, chain) {
                Some(action) => o.act(action, &mut self.env),
                None if text.takes(k) => o.text(key, &mut self.env),
                // The quit keys held with ctrl quit from a window too (asking first if the
                // writing is unsaved), unless the window holds writing of its own; a
                // plain `q` still just closes a list or a notice.
                None if k.mods.contains(KeyModifiers::CONTROL)
                    && self.env.keymap.lookup(k, text, &[Context::Global])
                        == Some(Action::Quit) =>
                {
                    if o.holds_writing() {
                        let close = self.env.key(Action::FormCancel);
                        self.env.status = Some(format!(
                            "This window holds what you typed: finish it, or close it ({close}), then quit"
                        ));
                        return Ok(Outcome::Done);
                    }
                    self.overlay = None;
                    self.act(Action::Quit)
                }
                None => Ok(o.unbound()),
            };
        }
        let (text, chain) = match self.pane {
            Pane::Journal => self.journal.keys(),
            Pane::Write => self.write.keys(),
            Pane::Supervision => self.board.keys(),
            Pane::Patterns => self.patterns.keys(),
        };
        match self.env.keymap.lookup(k, text, chain) {
            Some(action) => self.act(action),
            // Text, or a key a text area knows for itself.
            None => {
                match self.pane {
                    Pane::Journal => self.journal.text(key, &mut self.env)?,
                    Pane::Write => self.write.text(key, &mut self.env),
                    Pane::Supervision | Pane::Patterns => {}
                }
                Ok(Outcome::Done)
            }
        }
    }

    /// An action: the focused pane's if it takes it, else a global one.
    fn act(&mut self, action: Action) -> Result<Outcome> {
        let env = &mut self.env;
        let outcome = match self.pane {
            Pane::Journal => self.journal.act(action, env)?,
            Pane::Write => self.write.act(action, env)?,
            Pane::Supervision => self.board.act(action, env)?,
            Pane::Patterns => self.patterns.act(action, env)?,
        };
        if !matches!(outcome, Outcome::Passed) {
            return Ok(outcome);
        }
        Ok(match action {
            Action::Quit if self.write.dirty() => {
                Outcome::Open(Box::new(ConfirmQuit::new(self.write.describe())))
            }
            Action::Quit => Outcome::Then(Msg::Quit),
            Action::Help => Outcome::Open(Box::new(Help::default())),
            Action::FocusJournal => Outcome::Then(Msg::Focus(Pane::Journal)),
            Action::FocusWrite => Outcome::Then(Msg::Focus(Pane::Write)),
            Action::FocusSupervision => Outcome::Then(Msg::Focus(Pane::Supervision)),
            Action::FocusPatterns => Outcome::Then(Msg::Focus(Pane::Patterns)),
            _ => Outcome::Done,
        })
    }

    /// Carries out an outcome, and what it leads to.
    fn apply(&mut self, mut outcome: Outcome) -> Result<Handled> {
        let handled = loop {
            outcome = match outcome {
                Outcome::Done => break Handled::Consumed,
                Outcome::Passed => break Handled::Passed,
                Outcome::Open(o) => {
                    self.overlay = Some(o);
                    break Handled::Consumed;
                }
                Outcome::Close => {
                    self.overlay = None;
                    break Handled::Consumed;
                }
                Outcome::Then(msg) => self.route(msg)?,
                Outcome::CloseThen(msg) => {
                    self.overlay = None;
                    self.route(msg)?
                }
                Outcome::Edit(text) => break Handled::Edit { text },
            }
        };
        // Locked, nothing is read until the journal is open again.
        if self.env.changed && self.locked.is_none() {
            self.after_change()?;
        }
        Ok(handled)
    }

    /// Sends a message to the part of the app it is for.
    fn route(&mut self, msg: Msg) -> Result<Outcome> {
        match msg {
            Msg::Focus(pane) => self.focus(pane)?,
            Msg::Quit => self.quit = true,
            Msg::Saved(id) => {
                self.after_change()?;
                self.focus(Pane::Journal)?;
                self.journal.select_short_id(&id, &self.env)?;
            }
            Msg::Filter(filter) => self.journal.set_filter(&self.env.store, filter)?,
            Msg::Show(filter) => {
                self.journal.show(filter, &self.env)?;
                self.focus(Pane::Journal)?;
            }
            Msg::Record => return self.board.act(Action::RecordSession, &mut self.env),
            Msg::Write(msg) => return self.write.on(msg, &mut self.env),
        }
        Ok(Outcome::Done)
    }

    /// Switches panes: leaving the writing keeps its draft, and a pane is read when it
    /// is shown.
    pub fn focus(&mut self, pane: Pane) -> Result<()> {
        if self.pane == Pane::Write && pane != Pane::Write {
            self.write.leave(&mut self.env)?;
        }
        match pane {
            Pane::Journal => {}
            Pane::Write if !self.write.enter(&mut self.env) => return Ok(()),
            Pane::Write => {}
            Pane::Supervision => self.board.enter(&mut self.env)?,
            Pane::Patterns => self.patterns.enter(&self.env)?,
        }
        self.pane = pane;
        Ok(())
    }

    /// The journal changed: what the panes read from it is read again (now for the
    /// pane on screen, when next shown for the others).
    fn after_change(&mut self) -> Result<()> {
        self.env.changed = false;
        self.journal.refresh(&self.env)?;
        self.board
            .refresh(self.pane == Pane::Supervision, &mut self.env)?;
        self.patterns
            .refresh(self.pane == Pane::Patterns, &self.env)?;
        Ok(())
    }

    /// A pasted text: the window's if one is open, else the focused pane's.
    fn paste(&mut self, text: &str) -> Result<Outcome> {
        if let Some(o) = self.overlay.as_mut() {
            return Ok(o.paste(text, &mut self.env));
        }
        match self.pane {
            Pane::Journal => self.journal.paste(text, &mut self.env)?,
            Pane::Write => self.write.paste(text),
            Pane::Supervision | Pane::Patterns => {}
        }
        Ok(Outcome::Done)
    }

    /// The wheel scrolls the pane; a click on a tab shows its pane, in the journal's list
    /// selects, in the Write pane's fields focuses.
    fn mouse(&mut self, m: MouseEvent) -> Result<Outcome> {
        let at = Position::new(m.column, m.row);
        let delta = match m.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(p) = self.layout.tab_at(at) {
                    return Ok(Outcome::Then(Msg::Focus(p)));
                }
                match self.pane {
                    Pane::Journal => self.journal.click(at, &self.layout, &mut self.env)?,
                    Pane::Write => self.write.click(at, &self.layout),
                    Pane::Supervision | Pane::Patterns => {}
                }
                return Ok(Outcome::Done);
            }
            _ => return Ok(Outcome::Passed),
        };
        match self.pane {
            Pane::Journal => self.journal.move_by(&self.env.store, delta)?,
            Pane::Supervision => self.board.scroll(delta),
            Pane::Patterns => self.patterns.step_strength(delta),
            Pane::Write => {}
        }
        Ok(Outcome::Done)
    }

    /// Keeps the writing as a draft (on every way out of the app).
    pub fn keep_draft(&mut self) -> Result<()> {
        self.write.keep_draft(&mut self.env)
    }

    /// Whether the app is locked.
    #[must_use]
    pub fn is_locked(&self) -> bool {
        self.locked.is_some()
    }

    /// Locks the app (an encrypted journal): the draft kept, the status cleared, the
    /// journal closed (its connection, and with it the key) and the lock screen shown.
    /// A plain journal has no passphrase to lock with: it is said, and nothing done.
    pub fn lock(&mut self) -> Result<()> {
        if self.locked.is_some() {
            return Ok(());
        }
        let (Some(path), Some(salt)) = (self.env.store.path(), self.env.store.salt()) else {
            self.env.say(
                "This journal is not encrypted, so there is no passphrase to lock it with: \
                 `praxis encrypt` gives it one",
            );
            return Ok(());
        };
        self.locked = Some(Locked::new(path.to_path_buf(), salt));
        // Nor does a key remembered between commands outlast the lock.
        crate::keycache::forget(salt);
        self.env.status = None;
        self.lock_pending = true;
        self.let_go();
        Ok(())
    }

    /// While locked: keeps the draft, and once it is kept closes the journal. The store
    /// left in its place is an empty one in memory, which nothing reads while locked.
    fn let_go(&mut self) {
        if !self.lock_pending {
            return;
        }
        if self.write.keep_draft(&mut self.env).is_err() {
            return;
        }
        if let Ok(empty) = Store::open_in_memory() {
            // Dropping the journal closes its connection: SQLCipher wipes its copy of the
            // key, and the last `Arc` of ours is zeroed (the session let go of its own).
            drop(std::mem::replace(&mut self.env.store, empty));
            self.lock_pending = false;
        }
    }

    /// An event on the lock screen: typing the passphrase, enter to try it, quit.
    fn locked_event(&mut self, event: &Event, now: Instant) {
        let Some(locked) = self.locked.as_mut() else {
            return;
        };
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_event(k);
                if self
                    .env
                    .keymap
                    .lookup(key, super::keymap::Text::Line, &[Context::Global])
                    == Some(Action::Quit)
                {
                    self.quit = true;
                    return;
                }
                if locked.key(*k) == LockKey::Try
                    && let Some(store) = locked.try_open()
                {
                    if let (Some(time), Some(key)) =
                        (self.env.config.security.remember_key(), store.key())
                    {
                        // Asked for in the config: remembered again, as a command would.
                        let _ = crate::keycache::remember(key, time);
                    }
                    self.env.store = store;
                    self.locked = None;
                    self.lock_pending = false;
                    self.idle.input(now);
                }
            }
            Event::Paste(text) => locked.paste(text),
            _ => {}
        }
    }

    /// Between events: a search ranked once typing pauses, a draft kept, the app locked
    /// once it has been idle long enough (an encrypted journal).
    pub fn tick(&mut self, now: Instant) {
        if self.locked.is_some() {
            self.let_go();
            return;
        }
        if self.idle.due(now) && self.env.store.is_encrypted() {
            // Never fails for an encrypted journal (it has a path and a salt).
            let _ = self.lock();
            return;
        }
        self.journal.tick(now, &mut self.env);
        self.write.tick(now, &mut self.env);
    }

    /// Lays out a frame and draws it: the panes and windows draw themselves. Locked,
    /// only the lock screen is drawn.
    pub fn draw(&mut self, f: &mut Frame<'_>) {
        if let Some(locked) = &self.locked {
            locked.draw(f, &self.env.theme, &self.env.key(Action::Quit));
            return;
        }
        let (lead, hints) = self.hints();
        let shape = self.shape(f.area().width, lead, &hints);
        if self.layout.size != f.area() || self.shaped.as_ref() != Some(&shape) {
            self.layout = Layout::new(f.area(), shape.clone());
            self.shaped = Some(shape);
        }
        if self.layout.too_small {
            widgets::too_small(f, "praxis", (MIN_WIDTH, MIN_HEIGHT));
            return;
        }
        self.journal.fit(&self.layout);
        let (layout, env) = (&self.layout, &self.env);
        chrome::tabs(f, layout.tabs, self.pane, &self.journal.count(), env);
        match self.pane {
            Pane::Journal => self.journal.draw(f, layout, env),
            Pane::Write => self.write.draw(f, layout, env),
            Pane::Supervision => self.board.draw(f, layout.main, env),
            Pane::Patterns => self.patterns.draw(f, layout.main, env),
        }
        chrome::status(f, layout.status, lead, &hints, env, &|a| self.label(a));
        if let Some(o) = &self.overlay {
            o.draw(f, layout.size, env);
        }
    }
}

impl Screen for App {
    fn handle(&mut self, event: &Event) -> Handled {
        self.handle_event(event)
    }

    fn tick(&mut self, now: Instant) {
        App::tick(self, now);
    }

    fn draw(&mut self, frame: &mut Frame<'_>) {
        App::draw(self, frame);
    }

    fn done(&self) -> bool {
        self.quit
    }

    fn edited(&mut self, text: Result<String>) {
        self.write.edited(text, &mut self.env);
    }

    fn on_exit(&mut self) -> Result<()> {
        // Locked, the draft was kept when the journal was let go; nothing was typed
        // since (the lock screen has the keys).
        if self.locked.is_some() && !self.lock_pending {
            return Ok(());
        }
        self.keep_draft()
    }
}
