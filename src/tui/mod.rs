//! The full-screen terminal app: an Elm-style loop on one thread. Events become actions,
//! actions change the [`App`], and the view draws it.

pub mod action;
pub mod app;
pub mod journal;
pub mod keymap;
pub mod patterns;
pub mod review;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod write;

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event;

use self::app::{App, Effect};
use self::keymap::Keymap;
use self::theme::Theme;
use crate::session::Session;

/// Builds the app for a context: keymap and theme from the config.
pub fn app_for(ctx: &Session, store: crate::store::Store) -> Result<App> {
    let table = ctx
        .config
        .keys
        .iter()
        .map(|(k, v)| (k.clone(), v.keys()))
        .collect();
    let keymap = Keymap::with_overrides(&table)
        .map_err(|e| anyhow::anyhow!("config file {}: {e}", ctx.paths.config.display()))?;
    // `--color` and NO_COLOR (and TERM=dumb), decided once for the whole run.
    let theme = Theme::new(ctx.config.ui.theme, !ctx.color);
    App::new(
        store,
        ctx.catalog().clone(),
        ctx.config.clone(),
        ctx.clock,
        keymap,
        theme,
    )
}

/// Runs the app until the user quits or a signal ends it; the terminal is restored on
/// every path and unsaved writing is kept as a draft.
pub fn run(ctx: &Session) -> Result<()> {
    let store = ctx.store()?;
    let mut app = app_for(ctx, store)?;
    // The number of the signal that asked praxis to stop (0: none).
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(
            signal,
            Arc::clone(&stop),
            usize::try_from(signal).unwrap_or(15),
        )
        .context("cannot watch for termination signals")?;
    }
    let mut tui = terminal::Tui::start(app.config.ui.mouse)?;
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut tui, &mut app, &stop, ctx)
    }));
    // Whatever happened (quit, error, signal, panic), keep what was being written.
    let kept = app.keep_draft();
    drop(tui);
    match result {
        Ok(result) => result.and(kept)?,
        Err(panic) => std::panic::resume_unwind(panic),
    }
    match stop.load(Ordering::Relaxed) {
        0 => Ok(()),
        signal => Err(Interrupted(i32::try_from(signal).unwrap_or(15)).into()),
    }
}

/// SIGHUP's number: a closed terminal ends praxis as a hang-up does.
const HANGUP: usize = 1;

/// praxis stopped because of a signal, after keeping the draft and restoring the
/// terminal; the process exits with 128 + the signal's number, as shells expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("stopped by signal {0}")]
pub struct Interrupted(pub i32);

fn event_loop(
    tui: &mut terminal::Tui,
    app: &mut App,
    stop: &AtomicUsize,
    ctx: &Session,
) -> Result<()> {
    let size = tui.terminal.size()?;
    app.size = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    loop {
        // Everything crossterm has already read, then one frame for all of it.
        while event::poll(Duration::ZERO)? {
            let ev = event::read()?;
            if let Effect::EditExternally { field, text } = app.handle_event(&ev)? {
                tui.suspend();
                let command = crate::editor::editor_command(&ctx.config.editor.command);
                let edited =
                    command.and_then(|c| crate::editor::edit(&c, &text, &ctx.paths.rescue_dir()));
                tui.resume()?;
                match edited {
                    Ok(new) => app.external_text(field, &new),
                    Err(e) => app.status = Some(format!("{e:#}")),
                }
            }
            if app.quit {
                break;
            }
        }
        tui.terminal.draw(|f| view::draw(app, f))?;
        // The day's backup, once there is something on the screen (no-op after).
        ctx.start_daily_backup();
        if app.quit || stop.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
        // Wait on the terminal ourselves: a closed terminal is a hang-up even if the
        // signal never comes (crossterm would spin on its end of file). Resizes are
        // picked up by crossterm on the next round.
        if !terminal::wait_for_input(Duration::from_millis(250)) {
            stop.store(HANGUP, Ordering::Relaxed);
            return Ok(());
        }
        if let Err(e) = app.tick(Instant::now()) {
            app.status = Some(format!("Could not keep a draft: {e:#}"));
        }
    }
}
