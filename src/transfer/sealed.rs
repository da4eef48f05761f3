//! age-encrypted files: exports sealed to a passphrase or to age recipients on their way
//! out, and sealed files opened through their key on their way in (`import`, `review`).
//!
//! A sealed file is recognised by its header, never by its name. Its key is given once
//! ([`unseal`]), then every reader of the transfer layer opens the file through
//! [`open`] as if it were plain: decrypted as it is read, never written out. The start of
//! the plain text is kept in zeroed memory, so that the format's detection reads no
//! second time, and a small file (a summary) is decrypted once in all.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read as _, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::str::FromStr as _;

use age::secrecy::{ExposeSecret as _, SecretString};
use age_core::format::{FileKey, Stanza};
use zeroize::Zeroizing;

use super::TransferError;

/// The first line of every (binary) age file.
pub const MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an ASCII-armored age file, which praxis does not read.
const ARMOR: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
/// How much of the plain text is kept from the first reading (what detection reads).
const HEAD: usize = 64 * 1024;

/// Who can open a sealed export.
pub enum Seal {
    /// Whoever knows this passphrase.
    Passphrase(Zeroizing<String>),
    /// The holders of these age identities.
    Recipients(Vec<age::x25519::Recipient>),
}

impl Seal {
    /// Reads an age public key (`age1…`) given on the command line.
    pub fn recipient(text: &str) -> Result<age::x25519::Recipient, String> {
        let text = text.trim();
        age::x25519::Recipient::from_str(text).map_err(|_| {
            format!(
                "{} is not an age public key (one starts with age1, as `age-keygen` prints it)",
                crate::model::text::sanitize_line(&crate::model::text::truncate(text, 40))
            )
        })
    }

    /// Reads a recipients file: one age public key a line; blank lines and `#` comments
    /// are skipped.
    pub fn recipients_file(path: &Path) -> Result<Vec<age::x25519::Recipient>, TransferError> {
        let text = super::read_text(path)?;
        let mut keys = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            keys.push(Self::recipient(line).map_err(|reason| TransferError::At {
                path: path.to_path_buf(),
                line: i + 1,
                column: 1,
                reason,
            })?);
        }
        if keys.is_empty() {
            return Err(TransferError::Invalid {
                path: path.to_path_buf(),
                what: "it holds no age public key (one a line, each starting with age1)".into(),
            });
        }
        Ok(keys)
    }

    /// What the seal is, for the report: "sealed with a passphrase".
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Seal::Passphrase(_) => "encrypted with a passphrase (age)".into(),
            Seal::Recipients(r) if r.len() == 1 => "encrypted to 1 age recipient".into(),
            Seal::Recipients(r) => format!("encrypted to {} age recipients", r.len()),
        }
    }

    /// `out`, wrapped to encrypt what is written to it. [`Sealing::finish`] must be called
    /// at the end, or the file is cut short (and refused when read).
    pub fn wrap<W: Write>(&self, out: W) -> std::io::Result<Sealing<W>> {
        let encryptor = match self {
            Seal::Passphrase(p) => {
                age::Encryptor::with_user_passphrase(SecretString::from(p.to_string()))
            }
            Seal::Recipients(keys) => {
                age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient))
                    .map_err(|e| std::io::Error::other(e.to_string()))?
            }
        };
        Ok(Sealing(encryptor.wrap_output(out)?))
    }
}

/// A writer that encrypts.
pub struct Sealing<W: Write>(age::stream::StreamWriter<W>);

impl<W: Write> Sealing<W> {
    /// Writes the last chunk and its tag; gives back the underlying writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.0.finish()
    }
}

impl<W: Write> Write for Sealing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// What opens a sealed file.
pub enum Key {
    /// The passphrase it was sealed with.
    Passphrase(Zeroizing<String>),
    /// An age identity file (as `age-keygen` writes it), read from this path.
    IdentityFile(PathBuf),
}

/// Whether the file at `path` is an age file (binary or armored).
#[must_use]
pub fn is_sealed(path: &Path) -> bool {
    let Ok((file, _)) = crate::files::open_regular(path) else {
        return false;
    };
    let mut start = Vec::with_capacity(ARMOR.len());
    if file
        .take(ARMOR.len() as u64)
        .read_to_end(&mut start)
        .is_err()
    {
        return false;
    }
    start.starts_with(MAGIC) || start.starts_with(ARMOR)
}

/// The identities given for a sealed file, and the key of the file they opened the first
/// time. A file is read more than once (an import reads it to tell its format, to check
/// it, then to write it): each later reading takes the file's key as it is, instead of
/// deriving it again from the passphrase (scrypt, about a second each time, by design).
/// age still checks the file's header with the key, so a file changed in between is
/// refused, as a wrong passphrase is.
struct Remembered {
    identities: Vec<Box<dyn age::Identity>>,
    key: RefCell<Option<Zeroizing<[u8; 16]>>>,
}

impl age::Identity for Remembered {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        self.unwrap_stanzas(std::slice::from_ref(stanza))
    }

    fn unwrap_stanzas(&self, stanzas: &[Stanza]) -> Option<Result<FileKey, age::DecryptError>> {
        if let Some(key) = self.key.borrow().as_ref() {
            return Some(Ok(FileKey::init_with_mut(|k| k.copy_from_slice(&key[..]))));
        }
        let found = self
            .identities
            .iter()
            .find_map(|i| i.unwrap_stanzas(stanzas));
        if let Some(Ok(key)) = &found {
            *self.key.borrow_mut() = Some(Zeroizing::new(*key.expose_secret()));
        }
        found
    }
}

/// A sealed file's identities and the start of its plain text.
struct Opened {
    identities: Rc<Remembered>,
    head: Zeroizing<Vec<u8>>,
    /// The head is the whole plain text.
    whole: bool,
}

thread_local! {
    /// The sealed files whose key was given, by path.
    static OPENED: RefCell<HashMap<PathBuf, Opened>> = RefCell::new(HashMap::new());
}

/// Opens the sealed file at `path` with `key`, checking it there and then: a wrong key
/// is refused before anything else reads the file. Later, [`open`] reads it decrypted.
pub fn unseal(path: &Path, key: &Key) -> Result<(), TransferError> {
    let identities: Vec<Box<dyn age::Identity>> = match key {
        Key::Passphrase(p) => vec![Box::new(age::scrypt::Identity::new(SecretString::from(
            p.to_string(),
        )))],
        Key::IdentityFile(file) => {
            let invalid = |what: String| TransferError::Invalid {
                path: file.clone(),
                what,
            };
            // A key that others can read is no longer a key: refused, as ssh does.
            let (_, meta) =
                crate::files::open_regular(file).map_err(|source| TransferError::Read {
                    path: file.clone(),
                    source,
                })?;
            if let Some(why) = crate::files::not_private(&meta) {
                return Err(invalid(format!(
                    "the identity file is not private: {why}, so it was not read; run `chmod 600 {}`",
                    file.display()
                )));
            }
            let text = super::read_text(file)?;
            age::IdentityFile::from_buffer(text.as_bytes())
                .map_err(|e| invalid(format!("not an age identity file ({e})")))?
                .into_identities()
                .map_err(|e| invalid(format!("not an age identity file ({e})")))?
        }
    };
    let identities = Rc::new(Remembered {
        identities,
        key: RefCell::new(None),
    });
    let mut input = decrypt(path, &identities)?;
    let mut head = Zeroizing::new(Vec::with_capacity(HEAD));
    (&mut input)
        .take(HEAD as u64 + 1)
        .read_to_end(&mut head)
        .map_err(|e| read_error(path, e))?;
    let whole = head.len() <= HEAD;
    head.truncate(HEAD);
    OPENED.with(|o| {
        o.borrow_mut().insert(
            path.to_path_buf(),
            Opened {
                identities,
                head,
                whole,
            },
        );
    });
    Ok(())
}

/// Forgets the key and the plain text kept for `path`.
pub fn forget(path: &Path) {
    OPENED.with(|o| o.borrow_mut().remove(path));
}

/// The file at `path` for reading: as it is, or decrypted when it is sealed (with the key
/// given to [`unseal`]). Only a regular file is read.
pub(crate) fn open(path: &Path) -> Result<Box<dyn BufRead>, TransferError> {
    let kept = OPENED.with(|o| {
        o.borrow()
            .get(path)
            .map(|k| (k.whole.then(|| k.head.clone()), Rc::clone(&k.identities)))
    });
    match kept {
        Some((Some(whole), _)) => Ok(Box::new(std::io::Cursor::new(Plain(whole)))),
        Some((None, identities)) => Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            decrypt(path, &identities)?,
        ))),
        None => {
            let (f, _) = crate::files::open_regular(path).map_err(|e| read_error(path, e))?;
            let mut input = BufReader::with_capacity(1 << 16, f);
            let start = input.fill_buf().map_err(|e| read_error(path, e))?;
            if start.starts_with(MAGIC) || start.starts_with(ARMOR) {
                return Err(TransferError::Invalid {
                    path: path.to_path_buf(),
                    what: "this file is encrypted (age) and no key was given for it".into(),
                });
            }
            Ok(Box::new(input))
        }
    }
}

/// The plain text of a small sealed file, in zeroed memory.
struct Plain(Zeroizing<Vec<u8>>);

impl AsRef<[u8]> for Plain {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// The sealed file at `path`, decrypted as it is read.
fn decrypt(
    path: &Path,
    identities: &Remembered,
) -> Result<age::stream::StreamReader<BufReader<std::fs::File>>, TransferError> {
    let invalid = |what: String| TransferError::Invalid {
        path: path.to_path_buf(),
        what,
    };
    let (f, _) = crate::files::open_regular(path).map_err(|e| read_error(path, e))?;
    let mut input = BufReader::with_capacity(1 << 16, f);
    if input
        .fill_buf()
        .map_err(|e| read_error(path, e))?
        .starts_with(ARMOR)
    {
        return Err(invalid(
            "this is an armored (text) age file, which praxis does not read: turn it into a \
             binary one with `age -d` and `age -e`, or ask for the file praxis wrote"
                .into(),
        ));
    }
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| refused(path, &e))?;
    let passphrase = decryptor.is_scrypt();
    decryptor
        .decrypt(std::iter::once(identities as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => invalid(if passphrase {
                "the passphrase does not open this encrypted file (or an identity was given \
                 for a file sealed with a passphrase): nothing was read"
                    .into()
            } else {
                "no identity given opens this encrypted file (it was sealed to other age \
                 recipients, or needs --identity FILE): nothing was read"
                    .into()
            }),
            other => refused(path, &other),
        })
}

/// A sealed file that cannot be read at all.
fn refused(path: &Path, e: &age::DecryptError) -> TransferError {
    TransferError::Invalid {
        path: path.to_path_buf(),
        what: format!("this encrypted file cannot be read ({e}): it is damaged or cut short"),
    }
}

fn read_error(path: &Path, source: std::io::Error) -> TransferError {
    TransferError::Read {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(dir: &Path, seal: &Seal, text: &[u8]) -> PathBuf {
        let path = dir.join("sealed.age");
        let mut w = seal.wrap(Vec::new()).unwrap();
        w.write_all(text).unwrap();
        std::fs::write(&path, w.finish().unwrap()).unwrap();
        path
    }

    /// Counts the times its identity is asked to open a file's key.
    struct Counting(age::x25519::Identity, std::rc::Rc<std::cell::Cell<usize>>);

    impl age::Identity for Counting {
        fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
            self.1.set(self.1.get() + 1);
            self.0.unwrap_stanza(stanza)
        }
    }

    /// A sealed file read again (an import reads it three to five times) takes the key
    /// found the first time, instead of deriving it again (scrypt: a second each time for
    /// a passphrase); another file (or the file changed in between) is still refused.
    #[test]
    fn a_sealed_file_read_again_takes_its_key_as_found_the_first_time() {
        let dir = tempfile::tempdir().unwrap();
        let id = age::x25519::Identity::generate();
        let seal = Seal::Recipients(vec![id.to_public()]);
        let text: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let path = sealed(dir.path(), &seal, &text);
        let asked = std::rc::Rc::new(std::cell::Cell::new(0));
        let remembered = Remembered {
            identities: vec![Box::new(Counting(id, std::rc::Rc::clone(&asked)))],
            key: RefCell::new(None),
        };
        for _ in 0..3 {
            let mut back = Vec::new();
            decrypt(&path, &remembered)
                .unwrap()
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(back, text);
        }
        assert_eq!(asked.get(), 1);
        // The same key does not open a file sealed with another.
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        let changed = sealed(&other, &seal, b"another text");
        let err = decrypt(&changed, &remembered).err().unwrap().to_string();
        assert!(
            err.contains("cannot be read") || err.contains("does not open"),
            "{err}"
        );
    }

    #[test]
    fn a_sealed_file_reads_back_through_its_identity_and_not_another() {
        let dir = tempfile::tempdir().unwrap();
        let id = age::x25519::Identity::generate();
        let seal = Seal::Recipients(vec![id.to_public()]);
        // Larger than the kept head: read a second time, as a stream.
        let text: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let path = sealed(dir.path(), &seal, &text);
        assert!(is_sealed(&path));
        assert!(
            !std::fs::read(&path)
                .unwrap()
                .windows(26)
                .any(|w| w == b"abcdefghijklmnopqrstuvwxyz")
        );
        let ids = dir.path().join("me.txt");
        std::fs::write(
            &ids,
            format!(
                "# mine\n{}\n",
                age::secrecy::ExposeSecret::expose_secret(&id.to_string())
            ),
        )
        .unwrap();
        // Private, as age-keygen writes it: a key others can read is refused.
        std::fs::set_permissions(&ids, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        let err = open(&path).err().unwrap().to_string();
        assert!(err.contains("no key was given"), "{err}");
        unseal(&path, &Key::IdentityFile(ids)).unwrap();
        let mut back = Vec::new();
        open(&path).unwrap().read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
        forget(&path);

        let other = dir.path().join("other.txt");
        let stranger = age::x25519::Identity::generate();
        std::fs::write(
            &other,
            age::secrecy::ExposeSecret::expose_secret(&stranger.to_string()),
        )
        .unwrap();
        std::fs::set_permissions(&other, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        let err = unseal(&path, &Key::IdentityFile(other))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no identity given opens"), "{err}");
        assert!(err.contains("sealed.age"), "{err}");
    }

    #[test]
    fn a_wrong_passphrase_is_refused_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let seal = Seal::Passphrase(Zeroizing::new("river stone lantern".into()));
        let path = sealed(dir.path(), &seal, b"{\"format\":\"x\"}\n");
        let wrong = Key::Passphrase(Zeroizing::new("river stone lamp".into()));
        let err = unseal(&path, &wrong).unwrap_err().to_string();
        assert!(err.contains("passphrase does not open"), "{err}");
        assert!(err.contains("sealed.age"), "{err}");
        let right = Key::Passphrase(Zeroizing::new("river stone lantern".into()));
        unseal(&path, &right).unwrap();
        assert_eq!(
            super::super::read_text(&path).unwrap(),
            "{\"format\":\"x\"}\n"
        );
        forget(&path);
    }

    #[test]
    fn a_cut_short_sealed_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let id = age::x25519::Identity::generate();
        let text = vec![b'x'; 100_000];
        let path = sealed(dir.path(), &Seal::Recipients(vec![id.to_public()]), &text);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 100]).unwrap();
        let ids = dir.path().join("me.txt");
        std::fs::write(
            &ids,
            age::secrecy::ExposeSecret::expose_secret(&id.to_string()),
        )
        .unwrap();
        let r = unseal(&path, &Key::IdentityFile(ids)).and_then(|()| {
            let mut back = Vec::new();
            open(&path)?
                .read_to_end(&mut back)
                .map_err(|e| read_error(&path, e))
        });
        forget(&path);
        assert!(r.is_err());
    }

    #[test]
    fn recipients_are_read_from_a_file_with_comments() {
        let dir = tempfile::tempdir().unwrap();
        let a = age::x25519::Identity::generate().to_public();
        let path = dir.path().join("team.txt");
        std::fs::write(&path, format!("# supervisor\n\n{a}\n")).unwrap();
        assert_eq!(Seal::recipients_file(&path).unwrap().len(), 1);
        std::fs::write(&path, "# supervisor\nnot-a-key\n").unwrap();
        let err = Seal::recipients_file(&path).unwrap_err().to_string();
        assert!(err.contains("team.txt: 2:1: not-a-key"), "{err}");
    }
}
