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
