//! A member's keys: an ed25519 key pair that signs what they write, and an age identity
//! that opens what is encrypted to them. Kept on this machine only, never in the shared
//! folder: in the praxis data folder (0600) beside a plain journal, inside the journal
//! beside an encrypted one (see [`super::Local`]).

use std::path::Path;
use std::str::FromStr as _;

use age::secrecy::ExposeSecret as _;
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::CircleError;

/// Lowercase hex of `bytes`.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Bytes of a hex string of exactly `N` bytes.
#[must_use]
pub fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let s = s.trim();
    if s.len() != N * 2 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// `n` random bytes from the operating system.
pub fn random<const N: usize>() -> Result<[u8; N], CircleError> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| CircleError::Random(e.to_string()))?;
    Ok(b)
}

/// A member's id: the first 8 bytes of their public key in hex. It names their subfolder,
/// so the folder itself says whose key signs what is in it.
#[must_use]
pub fn member_id(key: &VerifyingKey) -> String {
    hex(&key.as_bytes()[..8])
}

/// A public key as the manifest and member cards write it (hex).
#[must_use]
pub fn key_text(key: &VerifyingKey) -> String {
    hex(key.as_bytes())
}

/// Reads a public key written by [`key_text`].
#[must_use]
pub fn parse_key(s: &str) -> Option<VerifyingKey> {
    VerifyingKey::from_bytes(&unhex::<32>(s)?).ok()
}

/// A short fingerprint to compare aloud: four groups of four hex digits of the key.
#[must_use]
pub fn fingerprint(key: &str) -> String {
    let k: String = key.chars().take(16).collect();
    k.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// One member's private keys for one circle.
pub struct Identity {
    pub signing: SigningKey,
    pub age: age::x25519::Identity,
}

/// How an identity is kept: as `identity.json`, or inside the journal's record of the
/// circle. Its memory is zeroed when dropped.
#[derive(Serialize, Deserialize)]
pub(super) struct Kept {
    signing_key: String,
    age_identity: String,
}

impl Drop for Kept {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.signing_key.zeroize();
        self.age_identity.zeroize();
    }
}

impl Identity {
    /// New keys from the operating system's randomness.
    pub fn generate() -> Result<Identity, CircleError> {
        Ok(Identity {
            signing: SigningKey::from_bytes(&random::<32>()?),
            age: age::x25519::Identity::generate(),
        })
    }

    #[must_use]
    pub fn public(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    #[must_use]
    pub fn member_id(&self) -> String {
        member_id(&self.public())
    }

    /// The age recipient others encrypt to.
    #[must_use]
    pub fn recipient(&self) -> String {
        self.age.to_public().to_string()
    }

    #[must_use]
    pub fn sign(&self, message: &[u8]) -> String {
        hex(&self.signing.sign(message).to_bytes())
    }

    /// The keys as they are kept.
    pub(super) fn kept(&self) -> Kept {
        Kept {
            signing_key: hex(self.signing.as_bytes()),
            age_identity: self.age.to_string().expose_secret().to_string(),
        }
    }

    /// The keys [`Identity::kept`] gave, read back; `from` says where they were kept.
    pub(super) fn from_kept(kept: &Kept, from: &Path) -> Result<Identity, CircleError> {
        let bad = |what: &str| CircleError::BadIdentity {
            path: from.to_path_buf(),
            what: what.to_string(),
        };
        let signing = unhex::<32>(&kept.signing_key)
            .map(|b| SigningKey::from_bytes(&b))
            .ok_or_else(|| bad("its signing key is damaged"))?;
        let age = age::x25519::Identity::from_str(&kept.age_identity)
            .map_err(|_| bad("its encryption key is damaged"))?;
        Ok(Identity { signing, age })
    }

    /// Writes the keys to a new private file (0600, its folder 0700).
    pub fn save(&self, path: &Path) -> Result<(), CircleError> {
        let text = zeroize::Zeroizing::new(
            serde_json::to_string_pretty(&self.kept())
                .map_err(|e| CircleError::io(path, std::io::Error::other(e)))?,
        );
        if let Some(dir) = path.parent() {
            crate::files::create_private_dir(dir).map_err(|e| CircleError::io(dir, e))?;
        }
        crate::files::write_atomically(path, true, |out| {
            out.write_all(text.as_bytes())?;
            Ok(())
        })
        .map_err(|e| CircleError::io(path, std::io::Error::other(format!("{e:#}"))))
    }

    /// Reads keys written by [`Identity::save`].
    pub fn load(path: &Path) -> Result<Identity, CircleError> {
        let text = zeroize::Zeroizing::new(
            crate::files::read_regular_text(path, 64 << 10)
                .map_err(|e| CircleError::io(path, e))?,
        );
        let kept: Kept = serde_json::from_str(&text).map_err(|e| CircleError::BadIdentity {
            path: path.to_path_buf(),
            what: format!("it is not readable: {e}"),
        })?;
        Identity::from_kept(&kept, path)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_bad_text() {
        let b = [0u8, 1, 0xab, 0xff];
        assert_eq!(hex(&b), "0001abff");
        assert_eq!(unhex::<4>("0001abff"), Some(b));
        assert_eq!(unhex::<4>("0001abf"), None);
        assert_eq!(unhex::<4>("0001abfg"), None);
        assert_eq!(unhex::<2>("éé"), None);
    }

    #[test]
    fn keys_are_kept_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c/identity.json");
        let id = Identity::generate().unwrap();
        id.save(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let back = Identity::load(&path).unwrap();
        assert_eq!(back.member_id(), id.member_id());
        assert_eq!(back.recipient(), id.recipient());
        std::fs::write(&path, "{\"signing_key\":\"zz\",\"age_identity\":\"x\"}").unwrap();
        assert!(matches!(
            Identity::load(&path),
            Err(CircleError::BadIdentity { .. })
        ));
    }
}
