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
pub fn write_atomically_with_mode<T>(
    path: &Path,
    force: bool,
    mode: u32,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
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
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(value)
}
