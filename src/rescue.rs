//! Text rescued from the editor beside an encrypted journal, kept encrypted: moved into
//! the journal as a draft the app offers back, or, where the journal cannot be written,
//! sealed in an age file that the journal's recovery key opens (and that the next praxis
//! to open the journal with its key takes in as a draft).

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, NaiveDate, Utc};
use zeroize::Zeroizing;

use crate::model::{Entry, EntryKind};
use crate::store::{Key, Store};

/// The end of a rescue file sealed for the recovery key.
pub const SEALED: &str = ".md.age";

/// The end of a sealed rescue file that the journal's key of now does not open: one
/// sealed under an earlier passphrase, which that passphrase's recovery key opens.
pub const EARLIER: &str = ".md.earlier-key.age";

/// The most text a rescue file is read for: as much as an editor may save.
const MAX_TEXT_BYTES: u64 = 256 << 20;

/// Where a rescued text is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// In the journal, as a draft the app offers back.
    Draft,
    /// In an age file that the recovery key opens.
    Sealed(PathBuf),
    /// Still in its plain file: neither could be done (the text says why).
    Plain(PathBuf, String),
}

impl Kept {
    /// Where the text is, for a message ("your text is kept …").
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Kept::Draft => {
                "in the journal as a draft (encrypted): the app (`praxis`) offers it back".into()
            }
            Kept::Sealed(p) => format!(
                "encrypted in {} (the journal could not be written): the next praxis to \
                 open the journal takes it in as a draft, and `age -d` opens it with your \
                 recovery key",
                p.display()
            ),
            Kept::Plain(p, why) => format!("in {} ({why})", p.display()),
        }
    }
}

/// The draft a rescued text becomes: a free reflection whose writing is the whole text,
/// in the form the app's Write pane keeps its drafts.
fn draft_data(text: &str, today: NaiveDate, now: DateTime<Utc>) -> String {
    let entry = Entry::new(EntryKind::Reflection, today, now);
    serde_json::json!({
        "entry": entry,
        "model": null,
        "fields": [["body", text]],
        "focus": 0,
    })
    .to_string()
}

/// The passphrase of the age files: the recovery key as `encrypt` prints it.
fn passphrase(key: &Key) -> SecretString {
    SecretString::from(key.recovery_key().to_string())
}

/// Keeps the plain rescue file at `path` encrypted: into `store` as a draft when there is
/// one that can be written, else sealed beside it for the recovery key of `key`. The
/// plain file is removed once its text is kept; if neither can be done it stays.
pub fn seal(
    path: &Path,
    store: Option<&mut Store>,
    key: &Key,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Kept {
    let text = match crate::files::read_regular(path, MAX_TEXT_BYTES) {
        Ok(bytes) => Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => return Kept::Plain(path.to_path_buf(), format!("cannot read it: {e}")),
    };
    if let Some(store) = store.filter(|s| !s.is_read_only())
        && store
            .save_orphan_draft(&draft_data(&text, today, now), now)
            .is_ok()
    {
        let _ = std::fs::remove_file(path);
        return Kept::Draft;
    }
    let mut to = path.as_os_str().to_owned();
    to.push(".age");
    let to = PathBuf::from(to);
    match write_sealed(&to, text.as_bytes(), key) {
        Ok(()) => {
            let _ = std::fs::remove_file(path);
            Kept::Sealed(to)
        }
        Err(e) => Kept::Plain(path.to_path_buf(), format!("cannot encrypt it: {e}")),
    }
}

/// Writes `text` sealed for the recovery key into a new file at `to`: beside it first,
/// synced, then renamed, so that `to` is whole or not there.
fn write_sealed(to: &Path, text: &[u8], key: &Key) -> std::io::Result<()> {
    let name = to
        .file_name()
        .map_or_else(|| "rescue".into(), |n| n.to_string_lossy().into_owned());
    let part = to.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let _ = std::fs::remove_file(&part);
    crate::files::create_private(&part)?;
    let written = (|| {
        let file = std::fs::OpenOptions::new().write(true).open(&part)?;
        let mut out = age::Encryptor::with_user_passphrase(passphrase(key)).wrap_output(file)?;
        out.write_all(text)?;
        out.finish()?.sync_all()?;
        std::fs::rename(&part, to)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    written
}

/// Reads a file sealed by [`seal`] with the recovery key of `key`.
fn read_sealed(path: &Path, key: &Key) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let bytes = crate::files::read_regular(path, MAX_TEXT_BYTES)?;
    let identity = age::scrypt::Identity::new(passphrase(key));
    let decryptor = age::Decryptor::new_buffered(&bytes[..])
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut text = Zeroizing::new(Vec::new());
    reader.read_to_end(&mut text)?;
    Ok(text)
}

/// Every sealed rescue file in `rescue_dir`, newest first: those the journal's key opens
/// ([`SEALED`]) and those sealed under an earlier passphrase ([`EARLIER`]).
#[must_use]
pub fn sealed(rescue_dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(rescue_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = read
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let ours =
                !name.starts_with('.') && (name.ends_with(SEALED) || name.ends_with(EARLIER));
            ours.then(|| (name, e.path()))
        })
        .collect();
    // Names hold the time each text was kept, written so that later sorts after.
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, path)| path).collect()
}

/// Every rescued text in `rescue_dir` kept encrypted: the plain ones (left by an editor
/// praxis was killed around, or kept while the journal could not be written) sealed as
/// [`seal`] does, and, when `store` can be written, the sealed ones its key opens taken
/// in as drafts. Returns what became of each.
pub fn seal_all(
    rescue_dir: &Path,
    mut store: Option<&mut Store>,
    key: &Key,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<Kept> {
    crate::editor::sweep(rescue_dir);
    let mut kept = Vec::new();
    for (_, path) in crate::editor::rescued(rescue_dir) {
        kept.push(seal(&path, store.as_deref_mut(), key, today, now));
    }
    let Some(store) = store.filter(|s| !s.is_read_only()) else {
        return kept;
    };
    let Ok(read) = std::fs::read_dir(rescue_dir) else {
        return kept;
    };
    for path in read.flatten().map(|e| e.path()) {
        let sealed = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(SEALED) && !n.starts_with('.'));
        if !sealed {
            continue;
        }
        // One sealed under another passphrase (before `praxis passphrase`) stays, named
        // so that it is not tried again at every open (each try costs a second or so).
        let Ok(text) = read_sealed(&path, key) else {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if let Some(stem) = name.as_deref().and_then(|n| n.strip_suffix(SEALED)) {
                let _ = std::fs::rename(&path, path.with_file_name(format!("{stem}{EARLIER}")));
            }
            continue;
        };
        let text = Zeroizing::new(String::from_utf8_lossy(&text).into_owned());
        if store
            .save_orphan_draft(&draft_data(&text, today, now), now)
            .is_ok()
        {
            let _ = std::fs::remove_file(&path);
            kept.push(Kept::Draft);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 3, 18, 20, 0, 0).unwrap()
    }

    #[test]
    fn a_sealed_rescue_opens_with_the_recovery_key_and_becomes_a_draft() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::derive(b"a passphrase", [3; 16]);
        let plain = dir.path().join("new-reflection-20260318T200000.000.md");
        std::fs::write(&plain, "Words about Larchfield").unwrap();
        let kept = seal(&plain, None, &key, now().date_naive(), now());
        let Kept::Sealed(to) = &kept else {
            panic!("{kept:?}")
        };
        assert!(!plain.exists());
        let bytes = std::fs::read(to).unwrap();
        assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
        // The recovery key, typed as printed (in either case), is the age passphrase.
        let typed = Key::from_recovery_key(&key.recovery_key().to_uppercase(), [3; 16]).unwrap();
        let text = read_sealed(to, &typed).unwrap();
        assert_eq!(&text[..], b"Words about Larchfield");
        assert!(read_sealed(to, &Key::derive(b"another", [3; 16])).is_err());

        // Taken in as a draft no app is writing once the journal can be written.
        let mut store = Store::open_in_memory().unwrap();
        let kept = seal_all(
            dir.path(),
            Some(&mut store),
            &key,
            now().date_naive(),
            now(),
        );
        assert_eq!(kept, [Kept::Draft]);
        assert!(!to.exists());
        let drafts = store.drafts().unwrap();
        assert_eq!(drafts.len(), 1);
        assert!(drafts[0].writer.is_none());
        assert!(drafts[0].data.contains("Words about Larchfield"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
