//! `praxis backup [PATH]`, `praxis backup list`, `praxis backup restore`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::cli::{BackupAction, BackupArgs};
use crate::store::{
    BackupKind, Store, StoreError, Unlock, backup_dir, backup_named, check_backup,
    latest_good_backup, list_backups,
};

pub fn run(args: BackupArgs, ctx: &Ctx) -> Result<()> {
    match args.action {
        None => {
            let store = ctx.open_journal()?;
            let made = match &args.path {
                Some(p) => {
                    if p.exists() {
                        if !args.force {
                            bail!(
                                "{} already exists: pass --force to overwrite it",
                                p.display()
                            );
                        }
                        std::fs::remove_file(p)
                            .with_context(|| format!("cannot replace {}", p.display()))?;
                    }
                    store.backup_to_path(p)?;
                    p.clone()
                }
                None => store.backup_now(ctx.clock.now_utc(), BackupKind::Manual)?,
            };
            say!("{}", made.display());
            Ok(())
        }
        Some(BackupAction::List { json }) => {
            let backups = list_backups(&ctx.paths.db);
            if json {
                say!("{}", crate::output::json(&backups)?);
                return Ok(());
            }
            if backups.is_empty() {
                note!(
                    "No backups of this journal in {} yet.",
                    backup_dir(&ctx.paths.db).display()
                );
            }
            for b in &backups {
                let when = b
                    .modified
                    .map(|m| m.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_default();
                say!(
                    "{}  {:>10}  {}",
                    when,
                    human_bytes(b.bytes),
                    ctx.out.line(
                        &b.path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    )
                );
            }
            Ok(())
        }
        Some(BackupAction::Restore { backup, yes }) => restore(backup.as_deref(), yes, ctx),
    }
}

fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / f64::from(1 << 20)),
        n if n >= 1 << 10 => format!("{:.1} KiB", n as f64 / f64::from(1 << 10)),
        n => format!("{n} B"),
    }
}

/// The backup to restore: a path as given, one of this journal's backups by name, or
/// (none given) the newest of them that is whole.
fn choose(which: Option<&Path>, journal: &Path, unlock: &Unlock) -> Result<PathBuf> {
    match which {
        Some(p) if p.exists() => {
            check_backup(p, unlock)?;
            Ok(p.to_path_buf())
        }
        Some(p) => match backup_named(journal, p) {
            Some(b) => {
                check_backup(&b.path, unlock)?;
                Ok(b.path)
            }
            None => bail!(
                "no backup '{}' of this journal: see `praxis backup list` (a file elsewhere \
                 is restored by its path)",
                p.display()
            ),
        },
        None => {
            let (good, damaged) = latest_good_backup(journal, unlock);
            for (b, why) in &damaged {
                note!("Skipped {}: {why}", b.path.display());
            }
            match good {
                Some(b) => Ok(b.path),
                None if damaged.is_empty() => bail!(
                    "there are no backups of this journal in {}",
                    backup_dir(journal).display()
                ),
                None => bail!("none of this journal's backups is whole: nothing was restored"),
            }
        }
    }
}

fn restore(which: Option<&Path>, yes: bool, ctx: &Ctx) -> Result<()> {
    let journal = &ctx.paths.db;
    // Without a passphrase to ask for, a journal that reads as random bytes is taken for
    // damaged (it is moved aside byte for byte below, never deleted) only when its newest
    // backup is plain: then it was a plain journal. Otherwise it is taken for what it
    // looks like, an encrypted journal, and nothing is touched.
    let unlock = match ctx.unlock() {
        Ok(unlock) => unlock,
        Err(e) => {
            let newest_plain = list_backups(journal)
                .first()
                .is_some_and(|b| crate::store::probe(&b.path) == crate::store::Lock::Plain);
            if !newest_plain {
                bail!(
                    "{} is encrypted, and there is no passphrase for it ({e:#}): nothing was \
                     moved or restored. Run `praxis backup restore` on a terminal, or set \
                     PRAXIS_PASSPHRASE_FILE; if the journal is damaged rather than \
                     encrypted, move it aside yourself (`mv`) and restore again",
                    journal.display()
                );
            }
            Unlock::default()
        }
    };
    let backup = choose(which, journal, &unlock)?;
    let question = format!("Replace the journal with {}?", backup.display());
    if !yes && !super::confirm(&question) {
        bail!("nothing was restored: confirm at the prompt, or pass --yes");
    }
    let now = ctx.clock.now_utc();
    let damaged = match Store::open_unlocked(journal, &unlock) {
        Ok(store) => match store.quick_check()? {
            None => Some(store),
            // A journal SQLite can open but finds damaged cannot be copied safely first:
            // it is kept aside as it is, like one it cannot open at all.
            Some(found) => {
                note!("The journal is damaged (SQLite's check found {found}).");
                None
            }
        },
        Err(StoreError::NotAJournal { .. } | StoreError::Damaged(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let mut store = match damaged {
        Some(store) => store,
        None => {
            // Keep the damaged file, byte for byte, beside the journal; restore into a new one.
            let aside =
                journal.with_extension(format!("damaged-{}.sqlite3", now.format("%Y%m%d-%H%M%S")));
            std::fs::rename(journal, &aside).with_context(|| {
                format!("cannot move the damaged journal to {}", aside.display())
            })?;
            for ext in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{ext}", journal.display()));
                if side.exists() {
                    let _ =
                        std::fs::rename(&side, PathBuf::from(format!("{}{ext}", aside.display())));
                }
            }
            note!(
                "The journal could not be read (damaged{}): it was moved to {}, not deleted.",
                if unlock.is_encrypted() {
                    ""
                } else {
                    ", or encrypted and no passphrase given"
                },
                aside.display()
            );
            Store::open_unlocked(journal, &unlock)?
        }
    };
    let safety = store.restore_from(&backup, now)?;
    say!("Restored {}.", backup.display());
    note!("The journal as it was is kept in {}.", safety.display());
    Ok(())
}
