//! The one loop every full-screen app runs on: it owns the terminal (entered, restored on
//! every way out, suspended around `$EDITOR`), termination signals, panics, a closed
//! terminal and resizes, and lets the screen keep its work however the run ends.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event::{self, Event};
use ratatui::Frame;

use super::terminal;

/// The longest the loop waits for input before it ticks the screen again.
pub const TICK: Duration = Duration::from_millis(250);

/// What handling an event came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// The screen used it.
    Consumed,
    /// Nothing on the screen wanted it.
    Passed,
    /// The screen needs the terminal: write this text in `$EDITOR` and hand the result
    /// back through [`Screen::edited`].
    Edit { text: String },
}

/// A full-screen app as the runtime drives it.
pub trait Screen {
    /// One terminal event: a key, a paste, the mouse, a resize.
    fn handle(&mut self, event: &Event) -> Handled;

    /// Between events, at least every [`TICK`]: timers such as a draft kept after typing.
    fn tick(&mut self, _now: Instant) {}

    /// Whether the screen has work to do between frames (checked a batch at a time by
    /// [`Screen::tick`]): the loop then ticks again without waiting for input.
    fn busy(&self) -> bool {
        false
    }

    /// Lays out and draws one frame. The layout is kept (the mouse hits what was drawn);
    /// nothing else changes.
    fn draw(&mut self, frame: &mut Frame<'_>);

    /// Whether the screen asked to end.
    fn done(&self) -> bool;

    /// The text `$EDITOR` gave back for the last [`Handled::Edit`], or why there is none.
    fn edited(&mut self, _text: Result<String>) {}

    /// Keeps the screen's work (a draft, notes): called on every way out (quit, error,
    /// signal, closed terminal, panic) while the screen is still up.
    fn on_exit(&mut self) -> Result<()>;

    /// Called once the terminal is restored, with what [`Screen::on_exit`] gave: the place
    /// to print what could not be kept.
    fn after_restore(&mut self, _kept: &Result<()>) {}
}

/// How a screen is run.
#[derive(Default)]
pub struct Options<'a> {
    /// Capture the mouse.
    pub mouse: bool,
    /// `$EDITOR`: the configured command (empty: `$VISUAL`, `$EDITOR`, vi) and the folder
    /// where text the editor saved but that cannot be used is rescued.
    pub editor: Option<(String, PathBuf)>,
    /// Run once, when the first frame is on the screen.
    pub after_first_frame: Option<Box<dyn FnOnce() + 'a>>,
}

/// The app stopped because of a signal, after keeping its work and restoring the
/// terminal; the process exits with 128 + the signal's number, as shells expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("stopped by signal {0}")]
pub struct Interrupted(pub i32);

/// SIGHUP's number: a closed terminal ends the app as a hang-up does.
const HANGUP: usize = 1;

/// Runs `screen` until it is done or a signal ends it. The terminal is restored on every
/// path, and [`Screen::on_exit`] keeps the screen's work first.
pub fn run<S: Screen>(screen: &mut S, options: Options<'_>) -> Result<()> {
    // The number of the signal that asked the app to stop (0: none).
    let stop = Arc::new(AtomicUsize::new(0));
    // SIGINT apart: the one sent while `$EDITOR` has the terminal (Ctrl-C there reaches
    // the whole foreground group) is the editor's, and is forgotten when it returns.
    let interrupt = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupt))
        .context("cannot watch for termination signals")?;
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(
            signal,
            Arc::clone(&stop),
            usize::try_from(signal).unwrap_or(15),
        )
        .context("cannot watch for termination signals")?;
    }
    let Options {
        mouse,
        editor,
        after_first_frame,
    } = options;
    let mut tui = terminal::Tui::start(mouse)?;
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let signals = Signals {
            stop: &stop,
            interrupt: &interrupt,
        };
        event_loop(
            &mut tui,
            screen,
            &signals,
            editor.as_ref(),
            after_first_frame,
        )
    }));
    // Whatever happened (quit, error, signal, panic), keep what was being written.
    let kept = screen.on_exit();
    drop(tui);
    screen.after_restore(&kept);
    match result {
        Ok(result) => result.and(kept)?,
        Err(panic) => std::panic::resume_unwind(panic),
    }
    match stop.load(Ordering::Relaxed) {
        0 if interrupt.load(Ordering::Relaxed) => {
            Err(Interrupted(signal_hook::consts::SIGINT).into())
        }
        0 => Ok(()),
        signal => Err(Interrupted(i32::try_from(signal).unwrap_or(15)).into()),
    }
}

/// What the signal handlers set: the number of SIGTERM or SIGHUP (0: neither), and
/// whether SIGINT came.
struct Signals<'a> {
    stop: &'a AtomicUsize,
    interrupt: &'a AtomicBool,
}

impl Signals<'_> {
    fn any(&self) -> bool {
        self.stop.load(Ordering::Relaxed) != 0 || self.interrupt.load(Ordering::Relaxed)
    }
}

fn event_loop<S: Screen>(
    tui: &mut terminal::Tui,
    screen: &mut S,
    signals: &Signals<'_>,
    editor: Option<&(String, PathBuf)>,
    mut after_first_frame: Option<Box<dyn FnOnce() + '_>>,
) -> Result<()> {
    loop {
        // Everything crossterm has already read, then one frame for all of it.
        while event::poll(Duration::ZERO)? {
            let ev = event::read()?;
            if let Handled::Edit { text } = screen.handle(&ev) {
                tui.suspend();
                let interrupted = signals.interrupt.load(Ordering::Relaxed);
                let edited = match editor {
                    Some((command, rescue)) => crate::editor::editor_command(command)
                        .and_then(|c| crate::editor::edit(&c, &text, rescue)),
                    None => Err(anyhow::anyhow!("there is no editor to write in here")),
                };
                signals.interrupt.store(interrupted, Ordering::Relaxed);
                let resumed = tui.resume();
                // The text goes back to the screen first: if the terminal cannot be
                // entered again, the screen's `on_exit` still keeps what was written.
                screen.edited(edited);
                resumed?;
            }
            if screen.done() {
                break;
            }
        }
        tui.terminal.draw(|f| screen.draw(f))?;
        if let Some(first) = after_first_frame.take() {
            first();
        }
        if screen.done() || signals.any() {
            return Ok(());
        }
        // Wait on the terminal ourselves: a closed terminal is a hang-up even if the
        // signal never comes (crossterm would spin on its end of file). Resizes are
        // picked up by crossterm on the next round.
        let wait = if screen.busy() { Duration::ZERO } else { TICK };
        if !terminal::wait_for_input(wait) {
            signals.stop.store(HANGUP, Ordering::Relaxed);
            return Ok(());
        }
        screen.tick(Instant::now());
    }
}
