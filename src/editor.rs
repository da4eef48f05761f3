//! Writing in the user's own editor: a private folder beside the journal, `$VISUAL`/
//! `$EDITOR`, and every text that is not saved kept in `rescued/` and offered back.
//!
//! The editor works on `entry.md` in a folder of its own, `rescued/.editing-<pid>-…`,
//! created 0700: nobody else can read the file, whatever mode an editor that saves by
//! rename gives it. The folder is removed on every way out: the text saved, given up, or
//! kept (moved into `rescued/` as a file of its own, 0600). A signal that ends the
//! terminal (SIGHUP) or asks praxis to stop (SIGTERM) while the editor is open is passed
//! on to the editor, and what it saved is kept; Ctrl-C belongs to the editor. A folder
//! left by a praxis that was killed outright is found by the next one that opens an
//! editor for that journal, and its text kept the same way.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};

use crate::files::{create_private, create_private_dir, create_private_dir_new};
use crate::model::EntryKind;

/// The most text an editor may save for one entry: far beyond any writing.
const MAX_TEXT_BYTES: u64 = 256 << 20;

/// The file the editor opens, inside its folder.
const FILE: &str = "entry.md";

/// The text the editor was given, beside it: a folder left by a killed praxis is kept
/// only if its text was changed.
const ORIGINAL: &str = ".original";

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

/// What a text in the editor is for. It names the rescue files, so that a text that was
/// not saved is offered back where it belongs: a new check-in's to the next check-in
/// written in the editor, an edit's to the next edit of that entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose(String);

impl Purpose {
    /// A new entry of `kind`, in `model` if it has one.
    #[must_use]
    pub fn new_entry(kind: EntryKind, model: Option<&str>) -> Purpose {
        let mut s = format!("new-{}", kind.as_str());
        if let Some(m) = model {
            s.push('-');
            s.push_str(&slug(m));
        }
        Purpose(s)
    }

    /// An edit of the entry with this short id.
    #[must_use]
    pub fn edit(short_id: &str) -> Purpose {
        Purpose(format!("entry-{}", slug(short_id)))
    }

    /// A field's text, written from the app.
    #[must_use]
    pub fn text() -> Purpose {
        Purpose("text".into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lowercase letters, digits and hyphens: safe in a file name, and never a path.
fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Text written in the editor and not yet in the journal. Until [`Written::saved`] says
/// it is, it stays on disk; dropped any other way (an error, a panic), it is kept in a
/// rescue file.
#[derive(Debug)]
pub struct Written {
    pub text: String,
    editing: Editing,
    /// The rescue file this text continued, removed once the text is saved or kept anew.
    from: Option<PathBuf>,
}

impl Written {
    /// Text that came from elsewhere (a pipe), held like the editor's: kept in a rescue
    /// file unless [`Written::saved`] says it is in the journal.
    pub fn held(text: &str, purpose: &Purpose, rescue_dir: &Path) -> Result<Written> {
        Ok(Written {
            text: text.to_string(),
            editing: Editing::create(rescue_dir, purpose, text)?,
            from: None,
        })
    }

    /// The text is in the journal: its folder (and the rescue file it continued) go.
    pub fn saved(mut self) {
        self.editing.state = State::Done;
        if let Some(from) = self.from.take() {
            let _ = std::fs::remove_file(from);
        }
    }

    /// Keeps the text in a private rescue file and returns its path.
    pub fn keep(mut self) -> PathBuf {
        let kept = self.editing.keep();
        if let Some(from) = self.from.take().filter(|f| *f != kept) {
            let _ = std::fs::remove_file(from);
        }
        kept
    }
}

/// Opens `initial` in the editor and returns what was written, still on disk until it is
/// saved or kept. `from` is the rescue file `initial` came from, if any. Text the editor
/// saved that cannot be used (the editor failed, the bytes are not UTF-8, a signal
/// stopped praxis) is kept, and the error says where.
///
/// After the editor, SIGHUP, SIGTERM and SIGINT end praxis as they usually do: a text
/// being saved at that moment is left in its folder, and kept by the next praxis.
pub fn write(
    command: &str,
    initial: &str,
    purpose: &Purpose,
    rescue_dir: &Path,
    from: Option<PathBuf>,
) -> Result<Written> {
    write_with(command, initial, purpose, rescue_dir, from, After::Exit)
}

/// Opens `initial` in the editor for the app, and returns the text saved. The app keeps
/// the text itself from then on (as a draft), and goes on handling its signals.
pub fn edit(command: &str, initial: &str, rescue_dir: &Path) -> Result<String> {
    let written = write_with(
        command,
        initial,
        &Purpose::text(),
        rescue_dir,
        None,
        After::Continue,
    )?;
    let text = written.text.clone();
    written.saved();
    Ok(text)
}

/// What becomes of the termination signals once the editor has exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// They end praxis, as by default (the command line).
    Exit,
    /// Whoever watched them before goes on watching (the app).
    Continue,
}

fn write_with(
    command: &str,
    initial: &str,
    purpose: &Purpose,
    rescue_dir: &Path,
    from: Option<PathBuf>,
    after: After,
) -> Result<Written> {
    sweep(rescue_dir);
    let mut editing = Editing::create(rescue_dir, purpose, initial)?;
    let file = editing.dir.join(FILE);
    let (status, signal) = run(command, &file, after)?;
    let kept_at = |editing: &mut Editing| {
        let p = editing.keep();
        format!("Your text is kept in {}", p.display())
    };
    let bytes = match crate::files::read_regular(&file, MAX_TEXT_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            editing.state = State::Done;
            bail!("the editor '{command}' removed the file it was given; nothing was saved");
        }
        Err(e) => bail!(
            "cannot read back what the editor saved ({e}); nothing was saved. {}",
            kept_at(&mut editing)
        ),
    };
    let changed = bytes != initial.as_bytes();
    if let Some(signal) = signal {
        // Kept (moved out, or its folder left in place when it cannot be), or nothing to
        // keep.
        let kept = if changed {
            Some(editing.keep())
        } else {
            editing.state = State::Done;
            None
        };
        return Err(Interrupted { signal, kept }.into());
    }
    if !status.success() {
        if changed {
            bail!(
                "the editor '{command}' exited with {status}; nothing was saved. {}",
                kept_at(&mut editing)
            );
        }
        editing.state = State::Done;
        bail!("the editor '{command}' exited with {status}; nothing was saved");
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Written {
            text,
            editing,
            from,
        }),
        Err(e) => bail!(
            "the editor saved text that is not valid UTF-8 (invalid byte at offset {}); nothing was saved. {}",
            e.utf8_error().valid_up_to(),
            kept_at(&mut editing)
        ),
    }
}

/// praxis was asked to stop (SIGHUP, SIGTERM) while the editor was open: the editor was
/// asked too, and what it saved is kept. The process exits with 128 + the signal's
/// number, as shells expect.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Interrupted {
    pub signal: i32,
    /// Where the text is kept (None: nothing had been written).
    pub kept: Option<PathBuf>,
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "stopped by signal {} while the editor was open; nothing was saved",
            self.signal
        )?;
        match &self.kept {
            Some(p) => write!(f, ". Your text is kept in {}", p.display()),
            None => Ok(()),
        }
    }
}

/// Runs the editor on `file` and waits for it. Returns its exit status and the signal
/// (SIGHUP or SIGTERM) that asked praxis to stop meanwhile, if one did: that signal is
/// passed on to the editor, so that it saves and ends. SIGINT and SIGQUIT (Ctrl-C,
/// Ctrl-\) reach the editor from the terminal and are the editor's to act on.
fn run(command: &str, file: &Path, after: After) -> Result<(ExitStatus, Option<i32>)> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let stop = Arc::new(AtomicUsize::new(0));
    let ignored = Arc::new(AtomicBool::new(false));
    let exit_after = match after {
        After::Exit => Some(default_after_editor()?),
        After::Continue => None,
    };
    let mut watching = Vec::new();
    let watch = (|| {
        for sig in [SIGHUP, SIGTERM] {
            let value = usize::try_from(sig).unwrap_or(15);
            watching.push(signal_hook::flag::register_usize(
                sig,
                Arc::clone(&stop),
                value,
            )?);
        }
        for sig in [SIGINT, SIGQUIT] {
            watching.push(signal_hook::flag::register(sig, Arc::clone(&ignored))?);
        }
        std::io::Result::Ok(())
    })();
    let ran = watch
        .context("cannot watch for signals while the editor is open")
        .and_then(|()| {
            let child = Command::new("sh")
                .arg("-c")
                .arg(shell_line(command))
                .arg("praxis-editor")
                .arg(file)
                .spawn()
                .with_context(|| format!("cannot start the editor '{command}'"))?;
            wait_passing_on(child, &stop).context("lost track of the editor")
        });
    for id in watching {
        signal_hook::low_level::unregister(id);
    }
    if let Some(exit) = exit_after {
        exit.store(true, Ordering::SeqCst);
    }
    let status = ran?;
    let signal = match stop.load(Ordering::SeqCst) {
        0 => None,
        s => Some(i32::try_from(s).unwrap_or(15)),
    };
    Ok((status, signal))
}

/// The shell line that runs `command` on the file (`$1`). A plain command (words, no
/// shell syntax: `vim`, `code --wait`) replaces the shell, so that the editor itself is
/// praxis's child and the signals passed on reach it; anything else runs as written.
fn shell_line(command: &str) -> String {
    let plain = command
        .split_whitespace()
        .next()
        .is_some_and(|first| !first.contains('='))
        && command
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "-_./+,:@%".contains(c));
    if plain {
        format!("exec {command} \"$1\"")
    } else {
        format!("{command} \"$1\"")
    }
}

/// Waits for the editor, passing on to it the signal that asked praxis to stop.
fn wait_passing_on(
    mut child: std::process::Child,
    stop: &AtomicUsize,
) -> std::io::Result<ExitStatus> {
    let pid = rustix::process::Pid::from_child(&child);
    let mut passed_on = false;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        let signal = stop.load(Ordering::SeqCst);
        if signal != 0 && !passed_on {
            passed_on = true;
            if let Some(s) = i32::try_from(signal)
                .ok()
                .and_then(rustix::process::Signal::from_named_raw)
            {
                // The editor may have ended on its own meanwhile: nothing to tell it.
                let _ = rustix::process::kill_process(pid, s);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Makes SIGHUP, SIGTERM, SIGINT and SIGQUIT act as by default once the returned flag is
/// set: watching them for the editor replaced that default for the whole process.
fn default_after_editor() -> Result<Arc<AtomicBool>> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    if let Some(f) = FLAG.get() {
        f.store(false, Ordering::SeqCst);
        return Ok(Arc::clone(f));
    }
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register_conditional_default(sig, Arc::clone(&flag))
            .context("cannot watch for signals while the editor is open")?;
    }
    Ok(Arc::clone(FLAG.get_or_init(|| flag)))
}

/// Where the text of one editor session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Being written or saved: kept if it is dropped now.
    Open,
    /// Saved, given up or kept: the folder goes.
    Done,
    /// Could be kept nowhere else: the folder stays, and its file is the rescue.
    Left,
}

/// The private folder an editor works in.
#[derive(Debug)]
struct Editing {
    dir: PathBuf,
    purpose: Purpose,
    rescue_dir: PathBuf,
    state: State,
}

impl Editing {
    /// A new folder `.editing-<pid>-<purpose>-<random>` in `rescue_dir` (or, if that
    /// cannot be made, in the system's temporary folder), holding `initial` as the file
    /// to edit.
    fn create(rescue_dir: &Path, purpose: &Purpose, initial: &str) -> Result<Editing> {
        // A journal folder that cannot be written (read-only, a full disk): the system's
        // temporary folder, so the writing can begin; praxis says what is wrong when it
        // saves, and keeps the text.
        create_private_dir(rescue_dir)
            .map_err(anyhow::Error::from)
            .and_then(|()| Self::create_in(rescue_dir, rescue_dir, purpose, initial))
            .or_else(|_| Self::create_in(&std::env::temp_dir(), rescue_dir, purpose, initial))
    }

    fn create_in(
        base: &Path,
        rescue_dir: &Path,
        purpose: &Purpose,
        initial: &str,
    ) -> Result<Editing> {
        let mut tries = 0;
        let dir = loop {
            let random = uuid::Uuid::new_v4().simple().to_string();
            let dir = base.join(format!(
                ".editing-{}-{}-{}",
                std::process::id(),
                purpose.as_str(),
                &random[..8]
            ));
            match create_private_dir_new(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 100 => {
                    tries += 1;
                }
                Err(e) => {
                    return Err(e).with_context(|| {
                        format!(
                            "cannot create a private folder for the editor in {}",
                            base.display()
                        )
                    });
                }
            }
        };
        // Removed again if it cannot be prepared: nothing was written in it yet.
        let mut editing = Editing {
            dir,
            purpose: purpose.clone(),
            rescue_dir: rescue_dir.to_path_buf(),
            state: State::Done,
        };
        for name in [ORIGINAL, FILE] {
            let path = editing.dir.join(name);
            create_private(&path)
                .and_then(|()| std::fs::write(&path, initial))
                .context("cannot prepare the file for the editor")?;
        }
        editing.state = State::Open;
        Ok(editing)
    }

    /// Moves the text into a rescue file of its own (0600) and returns its path. Where
    /// that cannot be done (a full disk, a folder that cannot be written), the text stays
    /// where it is, its folder kept, and that path is returned.
    fn keep(&mut self) -> PathBuf {
        let file = self.dir.join(FILE);
        #[cfg(unix)]
        {
            // An editor that saves by rename writes a new file with a mode of its own.
            use std::os::unix::fs::PermissionsExt as _;
            let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
        }
        match place(&self.rescue_dir, &self.purpose, &file) {
            Ok(kept) => {
                self.state = State::Done;
                kept
            }
            Err(_) => {
                self.state = State::Left;
                file
            }
        }
    }

    /// Whether the file differs from the text the editor was given.
    fn changed(&self) -> bool {
        match (
            std::fs::read(self.dir.join(FILE)),
            std::fs::read(self.dir.join(ORIGINAL)),
        ) {
            (Ok(now), Ok(was)) => now != was,
            (Ok(_), Err(_)) => true,
            (Err(_), _) => false,
        }
    }
}

impl Drop for Editing {
    fn drop(&mut self) {
        if self.state == State::Open {
            if self.changed() {
                self.keep();
            } else {
                self.state = State::Done;
            }
        }
        if self.state == State::Done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Puts `file` into `dir` as a new rescue file for `purpose`, never replacing one.
fn place(dir: &Path, purpose: &Purpose, file: &Path) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
    for n in 0..1000_u32 {
        let name = match n {
            0 => format!("{}-{stamp}.md", purpose.as_str()),
            n => format!("{}-{stamp}-{n}.md", purpose.as_str()),
        };
        let to = dir.join(name);
        // A link fails if the name is taken, so two rescues never meet; the same file
        // system (the folder is inside `dir`) needs no space for it.
        match std::fs::hard_link(file, &to) {
            Ok(()) => {
                let _ = std::fs::remove_file(file);
                return Ok(to);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // Another file system (the temporary folder): a copy.
            Err(_) => {
                let bytes = std::fs::read(file)?;
                match create_private(&to) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                }
                if let Err(e) = std::fs::write(&to, bytes) {
                    let _ = std::fs::remove_file(&to);
                    return Err(e);
                }
                return Ok(to);
            }
        }
    }
    Err(std::io::ErrorKind::AlreadyExists.into())
}

/// Keeps the text of editors whose praxis was killed outright (kill -9, a crash, a
/// signal while it was saving): each `.editing-<pid>-…` folder in `rescue_dir` whose
/// process is gone becomes a rescue file if its text was changed, and is removed.
pub fn sweep(rescue_dir: &Path) {
    for dir in left_open(rescue_dir) {
        let purpose = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix(".editing-"))
            .and_then(|n| n.split_once('-'))
            .and_then(|(_, rest)| rest.rsplit_once('-'))
            .map(|(purpose, _)| Purpose(slug(purpose)))
            .unwrap_or_else(Purpose::text);
        // Dropped at once: kept if changed, the folder removed.
        drop(Editing {
            dir,
            purpose,
            rescue_dir: rescue_dir.to_path_buf(),
            state: State::Open,
        });
    }
}

/// The folders of editors whose praxis is gone, not yet kept by [`sweep`].
#[must_use]
pub fn left_open(rescue_dir: &Path) -> Vec<PathBuf> {
    crate::files::leftovers(rescue_dir, editing_pid)
}

fn editing_pid(name: &str) -> Option<i32> {
    let (pid, _) = name.strip_prefix(".editing-")?.split_once('-')?;
    pid.parse().ok()
}

/// Rescue files kept for `purpose`, newest first.
#[must_use]
pub fn waiting(rescue_dir: &Path, purpose: &Purpose) -> Vec<PathBuf> {
    rescued(rescue_dir)
        .into_iter()
        .filter(|(p, _)| p == purpose)
        .map(|(_, path)| path)
        .collect()
}

/// Every rescue file in `rescue_dir` with what it was for, newest first.
#[must_use]
pub fn rescued(rescue_dir: &Path) -> Vec<(Purpose, PathBuf)> {
    let Ok(read) = std::fs::read_dir(rescue_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Purpose, PathBuf)> = read
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let (purpose, stamp) = split_rescue_name(&name)?;
            Some((stamp.to_string(), Purpose(purpose.to_string()), e.path()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, p, path)| (p, path)).collect()
}

/// `new-check-in-20260318T200000.123-2.md` → (`new-check-in`, `20260318T200000.123-2`):
/// a rescue file's purpose and the time it was kept (with its number, if it has one).
fn split_rescue_name(name: &str) -> Option<(&str, &str)> {
    let rest = name.strip_suffix(".md")?;
    // The time is the first part that looks like one: purposes hold no `T` after digits.
    let at = rest.char_indices().find_map(|(i, _)| {
        let tail = &rest.as_bytes()[i..];
        (i > 0
            && rest.as_bytes()[i - 1] == b'-'
            && tail.len() >= 19
            && tail[..8].iter().all(u8::is_ascii_digit)
            && tail[8] == b'T'
            && tail[9..15].iter().all(u8::is_ascii_digit)
            && tail[15] == b'.')
            .then_some(i)
    })?;
    Some((&rest[..at - 1], &rest[at..]))
}
