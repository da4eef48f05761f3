//! The journal's key remembered between commands for a while, when the worker asks for it
//! (`[security] remember_key_minutes`, off by default), so that a run of commands after
//! one passphrase does not pay the key's derivation (about a quarter of a second) each.
//!
//! The key is kept by the kernel, in the session's keyring (Linux keyutils, as `keyctl`
//! shows them), never in a file: a `user` key named `praxis:journal:SALT` (the salt that
//! opens the journal's file, not a secret) whose value is the 32-byte key. It can be read
//! only by the processes of the login session that put it there (its possessors), not by
//! the same user's other sessions; it is never written to swap by the kernel's keyring
//! code, and the kernel removes it when its time is up, even if no praxis ever runs again.
//! Each use gives it its full time again, as `sudo` does. It is forgotten at once by
//! `praxis lock`, by the app's lock (idle or asked for), and when the journal's passphrase
//! changes or it is decrypted; a key that no longer opens the journal is forgotten and the
//! passphrase asked for.
//!
//! Where the keyring cannot be used (a system other than Linux, or a sandbox that forbids
//! it) nothing is remembered, and the command says so: the passphrase is asked each time.

use std::time::Duration;

use zeroize::Zeroizing;

use crate::store::Key;

/// The name of the key kept for the journal whose salt is `salt`.
#[must_use]
pub fn description(salt: [u8; 16]) -> String {
    use std::fmt::Write as _;
    salt.iter()
        .fold(String::from("praxis:journal:"), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Keeps `key` in the session's keyring for `time` (whole seconds, at least one).
///
/// # Errors
/// Why the keyring could not keep it, in words for the worker.
pub fn remember(key: &Key, time: Duration) -> Result<(), String> {
    imp::remember(&description(key.salt()), key.raw(), seconds(time))
}

/// The key kept for the journal whose salt is `salt`, if there is one, its time begun
/// again.
#[must_use]
pub fn recall(salt: [u8; 16], time: Duration) -> Option<Key> {
    imp::recall(&description(salt), seconds(time)).map(|raw| Key::from_raw(raw, salt))
}

/// Forgets the key kept for the journal whose salt is `salt`. True when there was one.
pub fn forget(salt: [u8; 16]) -> bool {
    imp::forget(&description(salt))
}

fn seconds(time: Duration) -> usize {
    usize::try_from(time.as_secs().max(1)).unwrap_or(usize::MAX)
}

#[cfg(target_os = "linux")]
mod imp {
    use linux_keyutils::{KeyError, KeyPermissionsBuilder, KeyRing, KeyRingIdentifier, Permission};
    use zeroize::Zeroizing;

    fn session() -> Result<KeyRing, KeyError> {
        KeyRing::from_special_id(KeyRingIdentifier::Session, false)
    }

    pub fn remember(name: &str, key: &[u8; 32], seconds: usize) -> Result<(), String> {
        let ring = session().map_err(|e| said(&e))?;
        let kept = ring.add_key(name, &key[..]).map_err(|e| said(&e))?;
        // Only its possessors (this login session's processes) may read or change it; the
        // same user elsewhere sees that it is there, no more.
        let perms = KeyPermissionsBuilder::builder()
            .posessor(
                Permission::VIEW
                    | Permission::READ
                    | Permission::WRITE
                    | Permission::SEARCH
                    | Permission::SETATTR,
            )
            .user(Permission::VIEW)
            .build();
        let set = kept
            .set_perms(perms)
            .and_then(|()| kept.set_timeout(seconds));
        if let Err(e) = set {
            // Never left without its limits.
            let _ = kept.invalidate();
            return Err(said(&e));
        }
        Ok(())
    }

    pub fn recall(name: &str, seconds: usize) -> Option<Zeroizing<[u8; 32]>> {
        let kept = session().ok()?.search(name).ok()?;
        let mut raw = Zeroizing::new([0u8; 32]);
        match kept.read(&mut *raw) {
            Ok(32) => {}
            // Not a key of ours: not used, not kept.
            _ => {
                let _ = kept.invalidate();
                return None;
            }
        }
        let _ = kept.set_timeout(seconds);
        Some(raw)
    }

    pub fn forget(name: &str) -> bool {
        let Ok(ring) = session() else {
            return false;
        };
        let mut any = false;
        // Linked more than once (by two sessions sharing a keyring): every copy goes.
        while let Ok(kept) = ring.search(name) {
            if kept.invalidate().is_err() {
                break;
            }
            any = true;
        }
        any
    }

    fn said(e: &KeyError) -> String {
        match e {
            KeyError::QuotaExceeded => "the kernel's keyring for this user is full".into(),
            KeyError::PermissionDenied
            | KeyError::AccessDenied
            | KeyError::OperationNotSupported
            | KeyError::KeyringDoesNotExist => {
                "the kernel's keyring cannot be used here (a sandbox or container may forbid it)"
                    .into()
            }
            other => format!("the kernel's keyring refused it ({other})"),
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use zeroize::Zeroizing;

    pub fn remember(_: &str, _: &[u8; 32], _: usize) -> Result<(), String> {
        Err("remembering the key is only possible on Linux, in the kernel's keyring".into())
    }

    pub fn recall(_: &str, _: usize) -> Option<Zeroizing<[u8; 32]>> {
        None
    }

    pub fn forget(_: &str) -> bool {
        false
    }
}

/// Whether this machine's kernel keyring keeps keys for praxis: a key is kept for a
/// second and forgotten. For the tests, which expect either the key remembered or the
/// warning that it could not be.
#[must_use]
pub fn available() -> bool {
    let mut salt = [0u8; 16];
    if getrandom::fill(&mut salt).is_err() {
        return false;
    }
    let key = Key::from_raw(Zeroizing::new([7u8; 32]), salt);
    let kept = remember(&key, Duration::from_secs(1)).is_ok();
    forget(salt);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_salt() -> [u8; 16] {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).unwrap();
        salt
    }

    #[test]
    fn a_key_is_named_by_its_salt() {
        assert_eq!(
            description([0xab; 16]),
            "praxis:journal:abababababababababababababababab"
        );
    }

    #[test]
    fn a_key_remembered_is_recalled_for_its_salt_alone_and_forgotten() {
        if !available() {
            // Nothing can be kept here: then nothing is recalled either.
            assert!(recall(random_salt(), Duration::from_secs(60)).is_none());
            return;
        }
        let salt = random_salt();
        let key = Key::from_raw(Zeroizing::new([42u8; 32]), salt);
        remember(&key, Duration::from_secs(60)).unwrap();
        let back = recall(salt, Duration::from_secs(60)).expect("recalled");
        assert_eq!(back.raw(), &[42u8; 32]);
        assert_eq!(back.salt(), salt);
        assert!(recall(random_salt(), Duration::from_secs(60)).is_none());
        assert!(forget(salt));
        assert!(recall(salt, Duration::from_secs(60)).is_none());
        assert!(!forget(salt));
    }

    #[test]
    fn the_kernel_forgets_a_key_when_its_time_is_up() {
        if !available() {
            return;
        }
        let salt = random_salt();
        remember(
            &Key::from_raw(Zeroizing::new([3u8; 32]), salt),
            Duration::from_secs(1),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(2100));
        assert!(recall(salt, Duration::from_secs(1)).is_none());
        forget(salt);
    }

    #[test]
    fn a_key_remembered_again_replaces_the_one_before() {
        if !available() {
            return;
        }
        let salt = random_salt();
        remember(
            &Key::from_raw(Zeroizing::new([1u8; 32]), salt),
            Duration::from_secs(60),
        )
        .unwrap();
        remember(
            &Key::from_raw(Zeroizing::new([2u8; 32]), salt),
            Duration::from_secs(60),
        )
        .unwrap();
        assert_eq!(
            recall(salt, Duration::from_secs(60)).unwrap().raw(),
            &[2u8; 32]
        );
        forget(salt);
    }
}
