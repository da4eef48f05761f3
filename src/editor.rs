//! Writing in the user's own editor: a private temporary file, `$VISUAL`/`$EDITOR`, and a
//! rescue copy of anything that cannot be saved.

use std::path::{Path, PathBuf};
use std::process::Command;

use std::io::IsTerminal as _;

use anyhow::{Context as _, Result, bail};

use crate::files::{create_private, create_private_dir};

/// The editor command: the config's, then `$VISUAL`, then `$EDITOR`, then `vi`.
///
/// Falling back to `vi` needs a terminal: without one (cron, a pipe) it would hang, so
/// that case is an error saying how to choose an editor or give the text.
pub fn editor_command(configured: &str) -> Result<String> {
    let chosen = [configured.to_string()]
        .into_iter()
        .chain(std::env::var("VISUAL").ok())
        .chain(std::env::var("EDITOR").ok())
        .find(|c| !c.trim().is_empty());
    match chosen {
        Some(c) => Ok(c),
        None if std::io::stdin().is_terminal() => Ok("vi".to_string()),
        None => bail!(
            "nothing to write in: there is no terminal for an editor and $EDITOR is not set; give the text as an argument or on standard input, or set $EDITOR"
        ),
    }
}

/// Opens `initial` in the editor and returns the text saved. The temporary file lives in
/// a private directory that is removed afterwards, on success or error; text the editor
/// saved but that cannot be used is kept under `rescue_dir`.
pub fn edit(command: &str, initial: &str, rescue_dir: &Path) -> Result<String> {
    let dir = tempfile::Builder::new()
        .prefix("praxis-")
        .tempdir()
        .context("cannot create a private temporary directory for the editor")?;
    let path = dir.path().join("entry.md");
    create_private(&path).context("cannot create a temporary file for the editor")?;
    std::fs::write(&path, initial).context("cannot prepare the file for the editor")?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("praxis-editor")
        .arg(&path)
        .status()
        .with_context(|| format!("cannot start the editor '{command}'"))?;
    let bytes = std::fs::read(&path).context("cannot read back what the editor saved")?;
    if !status.success() {
        let text = String::from_utf8_lossy(&bytes);
        if text != initial {
            bail!(
                "the editor '{command}' exited with {status}; nothing was saved. {}",
                match rescue(rescue_dir, &text) {
                    Ok(p) => format!("Your text is kept in {}", p.display()),
                    Err(e) => format!("Your text could not be kept either: {e:#}"),
                }
            );
        }
        bail!("the editor '{command}' exited with {status}; nothing was saved");
    }
    String::from_utf8(bytes).map_err(|e| {
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        anyhow::anyhow!(
            "the editor saved text that is not valid UTF-8; nothing was saved{}",
            match rescue(rescue_dir, &text).ok() {
                Some(p) => format!(
                    ". Your text (with invalid bytes replaced) is kept in {}",
                    p.display()
                ),
                None => String::new(),
            }
        )
    })
}

/// Keeps `text` in a new private file under `dir` and returns its path.
pub fn rescue(dir: &Path, text: &str) -> Result<PathBuf> {
    create_private_dir(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
    // Never overwrite an earlier rescue: a second one in the same millisecond gets a number.
    let mut n = 0_u32;
    let path = loop {
        let name = match n {
            0 => format!("entry-{stamp}.md"),
            n => format!("entry-{stamp}-{n}.md"),
        };
        let path = dir.join(name);
        match create_private(&path) {
            Ok(()) => break path,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(e) => {
                return Err(e).with_context(|| format!("cannot create {}", path.display()));
            }
        }
    };
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}
