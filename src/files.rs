//! The ground floor for files: private files and folders, atomic writes, and sweeping up
//! what a killed praxis left half-written. Everything praxis writes outside SQLite goes
//! through here, so the rules (0600 files in 0700 folders, never half a file) hold once.

use std::fs;
use std::io::Read as _;
use std::path::Path;

use anyhow::Context as _;

/// Creates an empty file readable by its owner only, in directories that are private if
/// praxis creates them. Fails if the file exists.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        create_private_dir(dir)?;
    }
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    opts.open(path).map(drop)
}

/// Creates a directory (and missing parents) with mode 0700; existing ones are left as
/// they are.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Opens a file for reading, refusing anything that is not a regular file. A FIFO would
/// make a read wait for ever, and a device such as `/dev/zero` grow without end: both are
/// refused before a byte is read (a FIFO is opened without waiting for a writer, then
/// looked at).
pub fn open_regular(path: &Path) -> std::io::Result<(fs::File, fs::Metadata)> {
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // A plain file reads the same without blocking; only the open of a FIFO changes.
        opts.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    let file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_a_regular_file(&meta));
    }
    Ok((file, meta))
}

/// Why a file holding a secret (a passphrase, an age identity) must not be trusted: it
/// can be read by others, or is not the user's own. None when it is private.
#[must_use]
pub fn not_private(meta: &fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let mode = meta.mode() & 0o777;
        if mode & 0o077 != 0 {
            return Some(format!("it can be read by others (mode {mode:o})"));
        }
        if meta.uid() != rustix::process::getuid().as_raw() {
            return Some("it is not yours".into());
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    None
}

/// Reads a whole file, refusing anything that is not a regular file (see
/// [`open_regular`]) or is larger than `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let too_large = || {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("it is larger than {}", human_size(limit)),
        )
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        // It grew while it was read.
        return Err(too_large());
    }
    Ok(bytes)
}

/// [`read_regular`] for a text file: bytes that are not UTF-8 are an error naming where.
pub fn read_regular_text(path: &Path, limit: u64) -> std::io::Result<String> {
    String::from_utf8(read_regular(path, limit)?).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Reads from `input` (standard input, a pipe) to its end, refusing more than `limit`
/// bytes: `praxis add < /dev/zero` stops instead of filling the memory.
pub fn read_bounded(input: impl std::io::Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("it is larger than {}", human_size(limit)),
        ));
    }
    Ok(bytes)
}

/// The error for a path that is something other than a regular file, saying what it is.
#[must_use]
pub fn not_a_regular_file(meta: &fs::Metadata) -> std::io::Error {
    let what = if meta.is_dir() {
        "a directory"
    } else {
        kind_of_special(meta)
    };
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is not a regular file (it is {what})"),
    )
}

#[cfg(unix)]
fn kind_of_special(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind_of_special(_: &fs::Metadata) -> &'static str {
    "not a file"
}

/// `1 MiB`, `64 MiB`, `1 GiB`: a size limit in words.
fn human_size(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n => format!("{n} bytes"),
    }
}

/// Creates `dir` and its missing parents, each given `mode` exactly (on Unix: set after it
/// is made, so the umask does not reduce it); folders that exist are left as they are.
pub fn create_dir_with_mode(dir: &Path, mode: u32) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(d) = at.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        missing.push(d);
        at = d.parent();
    }
    for d in missing.into_iter().rev() {
        match fs::create_dir(d) {
            Ok(()) => {}
            // Made meanwhile by someone else: theirs, left as it is.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            fs::set_permissions(d, fs::Permissions::from_mode(mode))?;
        }
        #[cfg(not(unix))]
        let _ = mode;
    }
    Ok(())
}

/// Creates the directory `dir` itself with mode 0700, failing if it exists: a folder of
/// this process's own that nobody else can enter, whatever the files in it.
pub fn create_private_dir_new(dir: &Path) -> std::io::Result<()> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        b.mode(0o700);
    }
    b.create(dir)
}

/// What a killed praxis left in `dir`: `pid_of` names the process that made an entry
/// (None: not such an entry), and it is listed only once that process is gone.
#[must_use]
pub fn leftovers(dir: &Path, pid_of: impl Fn(&str) -> Option<i32>) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .and_then(&pid_of)
                .is_some_and(|pid| !process_alive(pid))
        })
        .map(|entry| entry.path())
        .collect()
}

/// Removes the files in `dir` that a killed praxis left half-written (see [`leftovers`]).
/// Best effort: a file that cannot be read or removed stays.
pub fn sweep_leftovers(dir: &Path, pid_of: impl Fn(&str) -> Option<i32>) {
    for path in leftovers(dir, pid_of) {
        let _ = fs::remove_file(path);
    }
}

/// Whether a process with this id may still be running (it exists, or exists but belongs
/// to someone else). An id that cannot be a process is not alive.
#[must_use]
pub fn process_alive(pid: i32) -> bool {
    rustix::process::Pid::from_raw(pid).is_some_and(|p| {
        !matches!(
            rustix::process::test_kill_process(p),
            Err(rustix::io::Errno::SRCH)
        )
    })
}

/// Removes the temporary files of atomic writes that were killed before they finished
/// (`.praxis-<pid>-XXXXXX.part` whose process is gone): private, but partial copies of
/// journal text that nothing else would ever clean up.
fn sweep_partial_writes(dir: &Path) {
    sweep_leftovers(dir, |name| {
        name.strip_prefix(".praxis-")
            .filter(|rest| rest.ends_with(".part"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse().ok())
    });
}

/// Writes a file through a private temporary file in the same directory, renamed into
/// place when complete: the target is never half-written, and an existing file is only
/// replaced with `force`. The file is private (0600).
pub fn write_atomically<T>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    write_atomically_with_mode(path, force, 0o600, write)
}

/// [`write_atomically`] giving the file `mode` (on Unix; not reduced by the umask). The
/// mode is set on the temporary file before it is renamed, so the file is never seen
/// under its name with another one.
///
/// Where the system allows it (Linux, on the file systems of a laptop's disk), the file
/// is written with no name at all until it is complete, and only then linked into the
/// folder: a write killed midway (`kill -9`, a closed terminal, a power cut) leaves
/// nothing behind, not even a private partial copy. Elsewhere it is written to a
/// private `.praxis-<pid>-XXXXXX.part` beside the target, which the next write into the
/// same folder removes if its process is gone.
pub fn write_atomically_with_mode<T>(
    path: &Path,
    force: bool,
    mode: u32,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    if path.is_dir() {
        anyhow::bail!(
            "{} is a folder: give the path of a file to write (a new name in that folder)",
            path.display()
        );
    }
    if path.exists() && !force {
        anyhow::bail!(
            "{} already exists: pass --force to overwrite it",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    sweep_partial_writes(dir);
    #[cfg(target_os = "linux")]
    if let Some(file) = unnamed::create(dir) {
        let mut out = std::io::BufWriter::new(file);
        let value = write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
        finish(&file, mode, path)?;
        unnamed::link(&file, dir, path, force)
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(value);
    }
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".praxis-{}-", std::process::id()))
        .suffix(".part")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut out = std::io::BufWriter::new(tmp);
    let value = write(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
    finish(tmp.as_file(), mode, path)?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(value)
}

/// Gives a written file its mode and makes sure its bytes are on the disk, before it is
/// given its name.
fn finish(file: &fs::File, mode: u32, path: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.sync_all()
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Files written with no name (`O_TMPFILE`) and linked into their folder once complete.
#[cfg(target_os = "linux")]
mod unnamed {
    use std::fs;
    use std::os::fd::AsFd as _;
    use std::path::{Path, PathBuf};

    use rustix::fs::{AtFlags, CWD, Mode, OFlags};
    use rustix::io::Errno;

    /// A file in `dir` with no name, private (0600), or None where the file system or
    /// the kernel cannot make one (the caller then writes a named temporary file).
    pub(super) fn create(dir: &Path) -> Option<fs::File> {
        // The file is given its name through /proc: without it, it could not be.
        if !Path::new("/proc/self/fd").is_dir() {
            return None;
        }
        let fd = rustix::fs::openat(
            CWD,
            dir,
            OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )
        .ok()?;
        Some(fs::File::from(fd))
    }

    /// Gives the complete `file` its name `path` in `dir`: linked directly when nothing
    /// may be replaced (which fails if something took the name meanwhile), else linked
    /// under a temporary name and renamed over the old file, so that a reader sees the
    /// old file or the new one, whole.
    pub(super) fn link(
        file: &fs::File,
        dir: &Path,
        path: &Path,
        force: bool,
    ) -> std::io::Result<()> {
        let own = PathBuf::from(format!("/proc/self/fd/{}", {
            use std::os::fd::AsRawFd as _;
            file.as_fd().as_raw_fd()
        }));
        let link_to = |to: &Path| rustix::fs::linkat(CWD, &own, CWD, to, AtFlags::SYMLINK_FOLLOW);
        if !force {
            return link_to(path).map_err(|e| match e {
                Errno::EXIST => std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the file appeared while it was being written: pass --force to overwrite it",
                ),
                e => e.into(),
            });
        }
        for n in 0u32.. {
            let tmp = dir.join(format!(".praxis-{}-{n}.part", std::process::id()));
            match link_to(&tmp) {
                Ok(()) => {
                    return fs::rename(&tmp, path).inspect_err(|_| {
                        let _ = fs::remove_file(&tmp);
                    });
                }
                Err(Errno::EXIST) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Err(std::io::Error::other("no free temporary name"))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("the folder is readable")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_being_written_has_no_name_so_a_killed_write_leaves_nothing() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("export.json");
        super::write_atomically(&path, false, |out| {
            out.write_all(b"half of what was written")?;
            out.flush()?;
            // A kill here would leave whatever the folder holds now: nothing.
            assert_eq!(names(dir.path()), Vec::<String>::new());
            Ok(())
        })
        .expect("the write succeeds");
        assert_eq!(names(dir.path()), ["export.json"]);
        assert_eq!(
            std::fs::read(&path).expect("the file is readable"),
            b"half of what was written"
        );
    }

    #[test]
    fn a_whole_file_replaces_the_old_one_only_when_forced_and_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("page.html");
        super::write_atomically(&path, false, |out| Ok(out.write_all(b"first")?))
            .expect("the first write succeeds");
        let refused = super::write_atomically(&path, false, |out| Ok(out.write_all(b"second")?))
            .expect_err("an existing file is not replaced without force");
        assert!(refused.to_string().contains("--force"), "{refused:#}");
        assert_eq!(std::fs::read(&path).expect("readable"), b"first");
        super::write_atomically_with_mode(&path, true, 0o644, |out| Ok(out.write_all(b"second")?))
            .expect("a forced write succeeds");
        assert_eq!(std::fs::read(&path).expect("readable"), b"second");
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
        super::write_atomically(&path, true, |out| Ok(out.write_all(b"third")?))
            .expect("a forced write succeeds");
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(names(dir.path()), ["page.html"]);
    }

    #[test]
    fn a_folder_is_not_written_over_even_when_forced() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let err = super::write_atomically(dir.path(), true, |out| Ok(out.write_all(b"x")?))
            .expect_err("a folder is not a file to write");
        assert!(err.to_string().contains("is a folder"), "{err:#}");
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_nothing_else() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "kept").expect("written");
        let failed = super::write_atomically(&path, true, |out| -> anyhow::Result<()> {
            out.write_all(b"lost")?;
            anyhow::bail!("the journal could not be read")
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("readable"), "kept");
        assert_eq!(names(dir.path()), ["notes.md"]);
    }
}
