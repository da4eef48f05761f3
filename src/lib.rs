//! praxis: a reflective-practice journal for the terminal.
//!
//! The binary parses the command line and calls [`run`]; everything else lives here so it
//! can be tested without a process.

pub mod catalog;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod compose;
pub mod config;
pub mod demo;
pub mod editor;
pub mod insights;
pub mod model;
pub mod output;
pub mod paths;
pub mod store;
pub mod supervision;
pub mod transfer;
pub mod tui;

use std::cell::OnceCell;

use anyhow::Result;

use crate::catalog::Catalog;
use crate::cli::{Cli, Command};
use crate::clock::Clock;
use crate::config::Config;
use crate::output::Output;
use crate::paths::Paths;
use crate::store::Store;

/// Everything a command needs: where files are, the config, the clock, the output.
pub struct Ctx {
    pub paths: Paths,
    pub config: Config,
    pub clock: Clock,
    pub out: Output,
    catalog: OnceCell<Catalog>,
}

impl Ctx {
    #[must_use]
    pub fn new(paths: Paths, config: Config, clock: Clock, out: Output) -> Self {
        Ctx {
            paths,
            config,
            clock,
            out,
            catalog: OnceCell::new(),
        }
    }

    /// Opens the journal (creating it on first use) and takes the day's automatic backup
    /// if it is due. A journal that cannot be opened is reported with its latest backup.
    pub fn store(&self) -> Result<Store> {
        let mut store = Store::open(&self.paths.db).map_err(|e| self.with_backup_hint(e))?;
        if let Err(e) = store.daily_backup(
            self.clock.today(),
            self.clock.now_utc(),
            self.config.backup.keep,
        ) {
            eprintln!("praxis: warning: the daily backup failed: {e}");
        }
        Ok(store)
    }

    /// Adds "the latest backup is …" to errors about a damaged or foreign journal file.
    fn with_backup_hint(&self, e: store::StoreError) -> anyhow::Error {
        use store::StoreError as E;
        let damaged = matches!(e, E::NotAJournal { .. } | E::Damaged(_));
        let latest = store::list_backups(&self.paths.db).into_iter().next();
        match (damaged, latest) {
            (true, Some(b)) => anyhow::anyhow!(
                "{e}. The latest backup is {}: `praxis backup restore` brings it back (the damaged file is moved aside, not deleted)",
                b.path.display()
            ),
            _ => e.into(),
        }
    }

    /// Models, templates and strengths in force; warnings about the user's files are
    /// printed once.
    pub fn catalog(&self) -> &Catalog {
        self.catalog.get_or_init(|| {
            let c = Catalog::load(&self.paths.config_dir, &self.config);
            for w in &c.warnings {
                eprintln!("praxis: warning: {w}");
            }
            c
        })
    }
}

/// Runs one invocation of praxis.
pub fn run(cli: Cli) -> Result<()> {
    // A config named with --config must exist; PRAXIS_CONFIG only says where it lives.
    let explicit_config = std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--config" || a.starts_with("--config=")
    });
    let paths = Paths::resolve(cli.db.as_deref(), cli.config.as_deref())?;
    let clock = Clock::from_env().map_err(anyhow::Error::msg)?;
    let out = Output::new(cli.color);
    if let Some(Command::Config(c)) = &cli.command {
        // `config path` and `config init` must work even when the file is broken.
        return cmd::config::run(c, &paths, explicit_config);
    }
    let config = Config::load(&paths.config, explicit_config)?;
    let ctx = Ctx::new(paths, config, clock, out);
    cmd::dispatch(cli.command, &ctx)
}
