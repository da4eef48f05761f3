//! The full-screen terminal apps: the journal ([`App`]) and the coach's review, both run
//! by one [`runtime`]. Events become actions through the keymap, actions change state,
//! and the views draw it.

pub mod action;
pub mod app;
pub mod chrome;
pub mod circle;
pub mod component;
pub mod draft;
pub mod keymap;
pub mod layout;
pub mod lock;
pub mod overlays;
pub mod panes;
pub mod review;
pub mod runtime;
pub mod terminal;
pub mod theme;
pub mod widgets;

use anyhow::Result;

use self::app::App;
use self::keymap::Keymap;
pub use self::runtime::Interrupted;
use self::theme::Theme;
use crate::session::Session;

/// Builds the app for a context: keymap and theme from the config.
pub fn app_for(ctx: &Session, store: crate::store::Store) -> Result<App> {
    let keymap = Keymap::from_config(&ctx.config, &ctx.paths.config)?;
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
    run_labelled(ctx, None)
}

/// Runs the app as [`run`] does, the journal named in its header (`demo journal`).
pub fn run_labelled(ctx: &Session, label: Option<&str>) -> Result<()> {
    let store = ctx.store()?;
    let mut app = app_for(ctx, store)?;
    app.env.label = label.map(str::to_string);
    let options = runtime::Options {
        mouse: ctx.config.ui.mouse,
        editor: Some((ctx.config.editor.command.clone(), ctx.paths.rescue_dir())),
        // The day's backup, once there is something on the screen. From then on the app
        // holds the journal's only key, so that locking it drops the key for good.
        after_first_frame: Some(Box::new(|| {
            ctx.start_daily_backup();
            ctx.forget_key();
        })),
    };
    let ran = runtime::run(&mut app, options);
    // Text the editor gave back but the app could not use, kept encrypted beside an
    // encrypted journal (not while locked: the journal is closed then, and the next
    // praxis does it).
    if !app.is_locked() {
        ctx.seal_rescued(&mut app.env.store);
    }
    ran
}
