//! `praxis completions` and `praxis man`: generated from the real command definitions.

use anyhow::Result;
use clap::CommandFactory as _;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = Cli::command();
    // Generated into memory first: clap_complete panics on a closed stdout.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "praxis", &mut script);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
    Ok(())
}

pub fn man() -> Result<()> {
    let cmd = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &page)?;
    Ok(())
}
