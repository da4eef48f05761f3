//! Where praxis keeps its files: the platform's data and config directories, unless
//! `--db`/`PRAXIS_DB` or `--config`/`PRAXIS_CONFIG` say otherwise.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use directories::ProjectDirs;

/// The resolved locations for this run.
#[derive(Debug, Clone)]
pub struct Paths {
    pub db: PathBuf,
    pub config: PathBuf,
    /// Directory for user models (`models/*.toml`) next to the config file.
    pub config_dir: PathBuf,
}

impl Paths {
    /// Resolves paths from explicit choices (flags or env, already merged by clap), falling
    /// back to the platform directories.
    pub fn resolve(db: Option<&Path>, config: Option<&Path>) -> Result<Paths> {
        let dirs = || {
            ProjectDirs::from("", "", "praxis").context(
                "cannot find your home directory to keep the journal in: set --db PATH or PRAXIS_DB",
            )
        };
        let db = match db {
            Some(p) => p.to_path_buf(),
            None => dirs()?.data_dir().join("journal.sqlite3"),
        };
        let config = match config {
            Some(p) => p.to_path_buf(),
            None => dirs()?.config_dir().join("config.toml"),
        };
        let config_dir = config
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        Ok(Paths {
            db,
            config,
            config_dir,
        })
    }

    /// Where text that could not be saved is kept: beside the journal, private.
    #[must_use]
    pub fn rescue_dir(&self) -> PathBuf {
        self.db
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            .join("rescued")
    }
}

/// Removes the files in `dir` that a killed praxis left half-written: `pid_of` names the
/// process that wrote a file (None: not such a file), and a file is removed only once
/// that process is gone. Best effort: a file that cannot be read or removed stays.
pub(crate) fn sweep_leftovers(dir: &Path, pid_of: impl Fn(&str) -> Option<i32>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(&pid_of) else {
            continue;
        };
        let gone = rustix::process::Pid::from_raw(pid).is_some_and(|p| {
            // Exists, or exists but belongs to someone else: leave it.
            matches!(
                rustix::process::test_kill_process(p),
                Err(rustix::io::Errno::SRCH)
            )
        });
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
