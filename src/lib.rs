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

use std::cell::{OnceCell, RefCell};

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
    backup: RefCell<Backup>,
}

/// The day's automatic backup, taken once a command's work is done.
#[derive(Debug, Default)]
enum Backup {
    /// Not due (or not known to be: the journal was not opened).
    #[default]
    None,
    /// Opening the journal found it due.
    Due,
    /// Being taken on a thread of its own (the app).
    Running(std::thread::JoinHandle<std::result::Result<(), store::StoreError>>),
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
            backup: RefCell::new(Backup::None),
        }
    }

    /// Opens the journal (creating it on first use), noting whether the day's automatic
    /// backup is due: it is taken by [`Ctx::daily_backup`] once the command's work is
    /// done, not before (a copy of a long journal takes a while, and nobody should wait
    /// for it to see their entries). A journal that cannot be opened is reported with its
    /// latest backup.
    pub fn store(&self) -> Result<Store> {
        let store = Store::open(&self.paths.db).map_err(|e| self.with_backup_hint(e))?;
        let mut backup = self.backup.borrow_mut();
        // A journal that cannot say is tried: the backup then reports what is wrong.
        if matches!(*backup, Backup::None)
            && store
                .daily_backup_due(self.clock.today(), self.config.backup.keep)
                .unwrap_or(true)
        {
            *backup = Backup::Due;
        }
        Ok(store)
    }

    /// Starts the day's automatic backup on a thread of its own if it is due (the app,
    /// once its first frame is drawn); [`Ctx::daily_backup`] waits for it.
    pub fn start_daily_backup(&self) {
        let mut backup = self.backup.borrow_mut();
        if matches!(*backup, Backup::Due) {
            let (path, today, now, keep) = self.backup_args();
            *backup = Backup::Running(std::thread::spawn(move || {
                Store::open(&path)?.daily_backup(today, now, keep).map(drop)
            }));
        }
    }

    /// Takes the day's automatic backup if opening the journal found it due (or waits for
    /// the one started on its own thread), after the command's work: at most once a day
    /// across processes, since taking it first claims the day in the journal. A failure
    /// is a warning: the command itself succeeded.
    pub fn daily_backup(&self) {
        let taken = match std::mem::take(&mut *self.backup.borrow_mut()) {
            Backup::None => return,
            Backup::Due => {
                let (path, today, now, keep) = self.backup_args();
                Store::open(&path).and_then(|mut s| s.daily_backup(today, now, keep).map(drop))
            }
            Backup::Running(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        };
        if let Err(e) = taken {
            eprintln!("praxis: warning: the daily backup failed: {e}");
        }
    }

    fn backup_args(
        &self,
    ) -> (
        std::path::PathBuf,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
        usize,
    ) {
        (
            self.paths.db.clone(),
            self.clock.today(),
            self.clock.now_utc(),
            self.config.backup.keep,
        )
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
    let done = cmd::dispatch(cli.command, &ctx);
    // After the command's output (or the app's last frame), whatever its outcome.
    ctx.daily_backup();
    done
}
