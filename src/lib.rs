//! praxis: a reflective-practice journal for the terminal.
//!
//! The binary parses the command line and calls [`run`]; everything else lives here so it
//! can be tested without a process.

/// `eprintln!` through [`output::note`]: made safe for a terminal, and never a panic
/// when standard error is gone.
macro_rules! note {
    ($($t:tt)*) => {
        $crate::output::note(format_args!($($t)*), true)
    };
}

/// `eprint!` (a prompt) with the same safety as [`note!`].
macro_rules! note_raw {
    ($($t:tt)*) => {
        $crate::output::note(format_args!($($t)*), false)
    };
}

pub mod circle;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod config;
pub mod demo;
pub mod editor;
pub mod files;
pub mod insights;
pub mod keycache;
pub mod model;
pub mod output;
pub mod passphrase;
pub mod process;
pub mod rescue;
pub mod search;
pub mod session;
pub mod store;
pub mod supervision;
pub mod transfer;
pub mod tui;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::clock::Clock;
use crate::config::Config;
use crate::config::paths::Paths;
use crate::output::Output;
use crate::session::Session;

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
    let passphrase = match (cli.passphrase_fd, cli.passphrase_file) {
        (Some(fd), _) => passphrase::Source::Fd(fd),
        (None, Some(file)) => passphrase::Source::File(file),
        (None, None) => passphrase::Source::Terminal,
    };
    let session = Session::new(paths, config, clock, out.color).with_passphrase(passphrase);
    let ctx = cmd::Ctx::new(session, out);
    let done = ctx.finish(cmd::dispatch(cli.command, &ctx));
    // After the command's output (or the app's last frame), whatever its outcome.
    ctx.daily_backup();
    done
}
