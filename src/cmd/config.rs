//! `praxis config path|show|init`.

use anyhow::{Context as _, Result, bail};

use crate::cli::ConfigCommand;
use crate::config::paths::Paths;
use crate::config::{Config, DEFAULT_CONFIG};
use crate::files::{create_private, create_private_dir};

pub fn run(cmd: &ConfigCommand, paths: &Paths, explicit: bool) -> Result<()> {
    match cmd {
        ConfigCommand::Path => {
            say!("{}", paths.config.display());
            Ok(())
        }
        ConfigCommand::Show => {
            let config = Config::load(&paths.config, explicit)?;
            say!("# config file: {}", paths.config.display());
            say!("# journal: {}", paths.db.display());
            say_raw!("{}", config.to_toml());
            Ok(())
        }
        ConfigCommand::Init { force } => {
            let path = &paths.config;
            if path.exists() && !force {
                bail!(
                    "{} already exists: pass --force to overwrite it with the default",
                    path.display()
                );
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                create_private_dir(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            if !path.exists() {
                create_private(path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
            }
            std::fs::write(path, DEFAULT_CONFIG)
                .with_context(|| format!("cannot write {}", path.display()))?;
            say!("Wrote {}", path.display());
            Ok(())
        }
    }
}
