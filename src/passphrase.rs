//! Where a passphrase comes from: the terminal (never echoed), a file descriptor, or a
//! private file, read into memory that is zeroed when dropped. Never argv, never the
//! environment (only a file's path may be there).

use std::io::Read as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use zeroize::Zeroizing;

/// The most a passphrase file or descriptor is read for: far beyond any passphrase.
const MAX_BYTES: u64 = 4096;

/// Where this run reads a passphrase from.
#[derive(Debug, Clone, Default)]
pub enum Source {
    /// Asked on the terminal (`/dev/tty`), without echo.
    #[default]
    Terminal,
    /// The first line read from this open file descriptor (`--passphrase-fd N`).
    Fd(u32),
    /// The first line of this file, which must be a regular file only its owner can
    /// read (`--passphrase-file`, `PRAXIS_PASSPHRASE_FILE`).
    File(PathBuf),
}

/// Passphrases read from a [`Source`]: on the terminal, asked each time; from a
/// descriptor or a file, read once, one passphrase a line (the old passphrase on the
/// first line, the new one on the second, for `praxis passphrase`).
#[derive(Debug, Default)]
pub struct Asker {
    source: Source,
    lines: std::cell::RefCell<Option<(Vec<Zeroizing<String>>, usize)>>,
}

impl Asker {
    #[must_use]
    pub fn new(source: Source) -> Self {
        Asker {
            source,
            lines: std::cell::RefCell::new(None),
        }
    }

    /// Forgets the passphrases read from a descriptor or a file (their memory zeroed);
    /// a file is read again if one is asked for after this.
    pub fn forget(&self) {
        self.lines.borrow_mut().take();
    }

    /// Whether a wrong passphrase may be asked for again.
    #[must_use]
    pub fn can_ask_again(&self) -> bool {
        matches!(self.source, Source::Terminal)
    }

    /// Reads one passphrase, asking with `prompt` on the terminal.
    pub fn read(&self, prompt: &str) -> Result<Zeroizing<String>> {
        let pass = match &self.source {
            Source::Terminal => {
                let typed = rpassword::prompt_password(prompt).map_err(|e| {
                    anyhow::anyhow!(
                        "cannot ask for the passphrase: no terminal to ask on ({e}); for a \
                         script, pass --passphrase-fd N or set PRAXIS_PASSPHRASE_FILE to a \
                         file with mode 600"
                    )
                })?;
                Zeroizing::new(typed)
            }
            Source::Fd(n) if self.lines.borrow().is_some() => self
                .next_line(std::io::empty())
                .with_context(|| format!("cannot read the passphrase from file descriptor {n}"))?,
            Source::File(path) if self.lines.borrow().is_some() => self
                .next_line(std::io::empty())
                .with_context(|| format!("cannot read the passphrase file {}", path.display()))?,
            Source::Fd(n) => {
                let path = PathBuf::from(format!("/dev/fd/{n}"));
                let file = std::fs::File::open(&path).with_context(|| {
                    format!("cannot read the passphrase from file descriptor {n}")
                })?;
                self.next_line(file).with_context(|| {
                    format!("cannot read the passphrase from file descriptor {n}")
                })?
            }
            Source::File(path) => {
                let (file, meta) = crate::files::open_regular(path).with_context(|| {
                    format!("cannot read the passphrase file {}", path.display())
                })?;
                if let Some(why) = crate::files::not_private(&meta) {
                    bail!(
                        "the passphrase file {}: {why}, so it was not read; run `chmod 600 {}`",
                        path.display(),
                        path.display()
                    );
                }
                self.next_line(file).with_context(|| {
                    format!("cannot read the passphrase file {}", path.display())
                })?
            }
        };
        if pass.is_empty() {
            bail!("the passphrase is empty: nothing was read or changed");
        }
        Ok(pass)
    }

    /// Reads a new passphrase: on the terminal typed twice, the same both times.
    pub fn read_new(&self, what: &str) -> Result<Zeroizing<String>> {
        let pass = self.read(&format!("{what}: "))?;
        if matches!(self.source, Source::Terminal) {
            let again = self.read("Type it again: ")?;
            if *again != *pass {
                bail!("the two passphrases differ: nothing was changed");
            }
            if pass.chars().count() < 8 {
                bail!(
                    "a passphrase of fewer than 8 characters is too easily guessed: nothing \
                     was changed; several words are easier to remember and harder to guess"
                );
            }
        }
        Ok(pass)
    }
}

impl Asker {
    /// The next line of the descriptor or file, reading all of `input` the first time.
    fn next_line(&self, input: impl std::io::Read) -> std::io::Result<Zeroizing<String>> {
        let mut lines = self.lines.borrow_mut();
        if lines.is_none() {
            *lines = Some((read_lines(input)?, 0));
        }
        // Filled just above: nothing is inserted here.
        let (all, next) = lines.get_or_insert_with(|| (Vec::new(), 0));
        let line = all.get(*next).cloned().ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!(
                    "it holds {} line{}, and passphrase {} was wanted: put each \
                     passphrase this command asks for on a line of its own, in the order \
                     asked (line {} for this one)",
                    all.len(),
                    if all.len() == 1 { "" } else { "s" },
                    *next + 1,
                    *next + 1
                ),
            )
        })?;
        *next += 1;
        Ok(line)
    }
}

/// The lines of `input` (without their line endings), read into zeroed memory.
fn read_lines(input: impl std::io::Read) -> std::io::Result<Vec<Zeroizing<String>>> {
    let mut bytes = Zeroizing::new(Vec::new());
    input.take(MAX_BYTES).read_to_end(&mut bytes)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the passphrase is not valid UTF-8 text",
        )
    })?;
    Ok(text
        .lines()
        .map(|l| Zeroizing::new(l.strip_suffix('\r').unwrap_or(l).to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrases_from_a_file_are_forgotten_and_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, "first\nsecond\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let asker = Asker::new(Source::File(path));
        assert_eq!(&*asker.read("").unwrap(), "first");
        assert!(asker.lines.borrow().is_some());
        asker.forget();
        assert!(asker.lines.borrow().is_none());
        assert_eq!(&*asker.read("").unwrap(), "first");
    }

    /// A second passphrase asked of a file that holds one (`export --encrypt` with the
    /// journal's passphrase file) is an error naming the file and saying what to add.
    #[test]
    fn a_passphrase_missing_from_a_file_read_before_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, "only\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let asker = Asker::new(Source::File(path.clone()));
        assert_eq!(&*asker.read("").unwrap(), "only");
        let err = format!("{:#}", asker.read("").unwrap_err());
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains("line 2 for this one"), "{err}");
    }
}
