//! The full-screen terminal app: an Elm-style loop on one thread. Events become actions,
//! actions change the [`App`], and the view draws it.

pub mod action;
pub mod app;
pub mod journal;
pub mod keymap;
pub mod patterns;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod write;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event;

use self::app::{App, Effect};
use self::keymap::Keymap;
use self::theme::Theme;
use crate::Ctx;

/// Builds the app for a context: keymap and theme from the config.
pub fn app_for(ctx: &Ctx, store: crate::store::Store) -> Result<App> {
    let table = ctx
        .config
        .keys
        .iter()
        .map(|(k, v)| (k.clone(), v.keys()))
        .collect();
    let keymap = Keymap::with_overrides(&table)
        .map_err(|e| anyhow::anyhow!("config file {}: {e}", ctx.paths.config.display()))?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(ctx.config.ui.theme, no_color);
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
pub fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let mut app = app_for(ctx, store)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for termination signals")?;
    }
    let mut tui = terminal::Tui::start(app.config.ui.mouse)?;
    let result = event_loop(&mut tui, &mut app, &stop, ctx);
    // Whatever happened, keep what was being written.
    let kept = app.keep_draft();
    drop(tui);
    result.and(kept)
}

fn event_loop(tui: &mut terminal::Tui, app: &mut App, stop: &AtomicBool, ctx: &Ctx) -> Result<()> {
    let size = tui.terminal.size()?;
    app.size = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    loop {
        tui.terminal.draw(|f| view::draw(app, f))?;
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if event::poll(Duration::from_millis(250))? {
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
        }
        if let Err(e) = app.tick(Instant::now()) {
            app.status = Some(format!("Could not keep a draft: {e:#}"));
        }
    }
}
