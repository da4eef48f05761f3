//! `praxis init [--encrypt]`, `praxis encrypt`, `praxis decrypt`, `praxis passphrase`:
//! how the journal is locked, and its backups with it.

use std::sync::Arc;

use anyhow::{Result, bail};

use super::Ctx;
use super::circle::circles_dir;
use crate::circle::{Local, forget_indexes, remove_record_files};
use crate::store::{Key, Lock, Store, Unlock, list_backups, relock_file};

/// `praxis init [--encrypt]`: creates the journal, refusing one that is there.
pub fn init(encrypt: bool, ctx: &Ctx) -> Result<()> {
    let db = &ctx.paths.db;
    if ctx.journal_lock()? != Lock::New {
        bail!(
            "{} already exists: nothing was changed{}",
            db.display(),
            if encrypt {
                "; `praxis encrypt` encrypts it"
            } else {
                ""
            }
        );
    }
    let unlock = if encrypt {
        let pass = ctx.passphrase.read_new("New passphrase")?;
        Unlock::Key(Arc::new(Key::new_for(pass.as_bytes())?))
    } else {
        Unlock::Plain
    };
    ctx.set_unlock(unlock.clone());
    let store = Store::open_unlocked(db, &unlock)?;
    say!("Created {}.", db.display());
    // Circles joined before there was a journal: their keys into it, when it is encrypted.
    super::circle::say_settled(Local::beside(&circles_dir(ctx), &store).settle());
    drop(store);
    if let Unlock::Key(key) = &unlock {
        recovery_note(key)?;
    }
    Ok(())
}

/// `praxis encrypt`.
pub fn encrypt(ctx: &Ctx) -> Result<()> {
    let db = &ctx.paths.db;
    match ctx.journal_lock()? {
        Lock::Plain => {}
        Lock::Encrypted { .. } => bail!(
            "{} is already encrypted: `praxis passphrase` changes its passphrase",
            db.display()
        ),
        Lock::New => bail!(
            "there is no journal at {} yet: `praxis init --encrypt` creates an encrypted one",
            db.display()
        ),
        Lock::Other => {
            // Opening it says what is wrong with it.
            drop(Store::open(db)?);
            bail!("{} is not a plain praxis journal", db.display());
        }
    }
    let store = Store::open(db)?;
    store.hold_alone()?;
    let pass = ctx.passphrase.read_new("New passphrase")?;
    let key = Arc::new(Key::new_for(pass.as_bytes())?);
    drop(pass);
    let into = Unlock::Key(key.clone());
    // The circles' records and keys go into the journal before it is copied encrypted,
    // and their files go before the encrypted copy replaces it: whenever this is stopped,
    // the journal that is there reads them, and none is left in the clear beside an
    // encrypted journal. The circles' indexes, plain, go with them.
    let dir = circles_dir(ctx);
    let taken = Local::beside(&dir, &store).take_into_journal()?;
    let mut forgotten = 0;
    store.relock_with(&into, || {
        remove_record_files(&dir, &taken);
        forgotten = forget_indexes(&dir);
    })?;
    ctx.set_unlock(into.clone());
    say!("Encrypted {}.", db.display());
    if !taken.is_empty() {
        note!(
            "Your keys for {} are now kept inside the encrypted journal.",
            crate::model::text::plural(taken.len(), "circle", "circles")
        );
    }
    relock_backups(ctx, &Unlock::Plain, &into, "encrypted");
    said_forgotten(forgotten);
    recovery_note(&key)?;
    Ok(())
}

/// `praxis decrypt`.
pub fn decrypt(ctx: &Ctx) -> Result<()> {
    let db = &ctx.paths.db;
    if !matches!(ctx.journal_lock()?, Lock::Encrypted { .. }) {
        bail!("{} is not encrypted: nothing was changed", db.display());
    }
    // Taking the lock off asks for the passphrase itself, never a remembered key.
    ctx.ask_for_passphrase();
    let store = ctx.open_journal()?;
    let from = ctx.unlock()?;
    let dir = circles_dir(ctx);
    let mut forgotten = 0;
    store.relock_with(&Unlock::Plain, || forgotten = forget_indexes(&dir))?;
    ctx.set_unlock(Unlock::Plain);
    say!(
        "Decrypted {}: it is a plain SQLite file again.",
        db.display()
    );
    // The circles' records and keys, carried in the journal, back into their files.
    super::circle::say_settled(Local::beside(&dir, &Store::open(db)?).settle());
    relock_backups(ctx, &from, &Unlock::Plain, "decrypted");
    said_forgotten(forgotten);
    Ok(())
}

/// `praxis passphrase`.
pub fn change(ctx: &Ctx) -> Result<()> {
    let db = &ctx.paths.db;
    if !matches!(ctx.journal_lock()?, Lock::Encrypted { .. }) {
        bail!(
            "{} is not encrypted: `praxis encrypt` gives it a passphrase",
            db.display()
        );
    }
    // The old passphrase itself, never a remembered key, before a new one.
    ctx.ask_for_passphrase();
    let store = ctx.open_journal()?;
    store.hold_alone()?;
    let pass = ctx.passphrase.read_new("New passphrase")?;
    let key = Arc::new(Key::new_for(pass.as_bytes())?);
    drop(pass);
    let into = Unlock::Key(key.clone());
    // The circles' records and keys are in the journal: they take the new lock with it.
    let dir = circles_dir(ctx);
    let mut forgotten = 0;
    store.relock_with(&into, || forgotten = forget_indexes(&dir))?;
    ctx.set_unlock(into);
    say!("Changed the passphrase of {}.", db.display());
    said_forgotten(forgotten);
    let kept = list_backups(db).len();
    if kept > 0 {
        note!(
            "The {kept} backup{} already taken keep the old passphrase (and the old recovery \
             key): restoring one asks for it. Backups from now on take the new one.",
            if kept == 1 { "" } else { "s" }
        );
    }
    recovery_note(&key)?;
    Ok(())
}

/// Says that `n` circles' local indexes, made under the journal's old lock, were removed
/// (just before the new lock took hold): the next look builds each again under the new one.
fn said_forgotten(n: usize) {
    if n > 0 {
        note!(
            "The local index of {} (what was read from the shared folder) was removed: \
             the next look builds it again, under the journal's new lock.",
            crate::model::text::plural(n, "circle", "circles")
        );
    }
}

/// Locks the journal's backups as the journal now is: those locked as it was (`from`)
/// are rewritten under `into`; others (under an older passphrase) are left and named.
fn relock_backups(ctx: &Ctx, from: &Unlock, into: &Unlock, done: &str) {
    let mut relocked = 0;
    let mut left = Vec::new();
    for b in list_backups(&ctx.paths.db) {
        let is_encrypted = matches!(crate::store::probe(&b.path), Lock::Encrypted { .. });
        if is_encrypted == into.is_encrypted() {
            continue;
        }
        match relock_file(&b.path, from, into) {
            Ok(()) => relocked += 1,
            Err(e) => left.push(format!("{}: {e}", b.path.display())),
        }
    }
    if relocked > 0 {
        note!(
            "Also {done} its {relocked} backup{}. Files replaced on disk may survive on it \
             until the space is reused (above all on an SSD): a disk that was never \
             encrypted is best kept encrypted as a whole too.",
            if relocked == 1 { "" } else { "s" }
        );
    }
    for l in left {
        note!("praxis: warning: a backup was left as it was: {l}");
    }
}

/// Prints the recovery key, once.
pub(crate) fn recovery_note(key: &Key) -> Result<()> {
    let recovery = key.recovery_key();
    say!(
        "\nRecovery key (write it down and keep it apart from this computer; it is shown \
         only now):\n\n    {}\n\nTyped at the passphrase prompt in place of the passphrase, it unlocks this \
         journal and the backups taken with this passphrase. A forgotten passphrase without \
         it cannot be recovered, by anyone.",
        recovery.as_str()
    );
    Ok(())
}

/// `praxis lock`: the key remembered for the journal between commands is forgotten.
pub fn forget(ctx: &Ctx) -> Result<()> {
    let db = &ctx.paths.db;
    let Lock::Encrypted { salt } = ctx.journal_lock()? else {
        bail!(
            "{} is not encrypted, so no key of it is remembered: `praxis encrypt` gives it \
             a passphrase",
            db.display()
        );
    };
    if crate::keycache::forget(salt) {
        say!(
            "Forgot the key remembered for {}: the next command asks for the passphrase.",
            db.display()
        );
    } else {
        say!(
            "No key was remembered for {}: every command asks for the passphrase{}.",
            db.display(),
            if ctx.config.security.remember_key().is_some() {
                " until one is typed"
            } else {
                " (`remember_key_minutes` under `[security]` in the config keeps it for a while)"
            }
        );
    }
    Ok(())
}
