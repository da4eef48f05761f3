//! One run of praxis over one journal: where its files are, the config, the clock, the
//! catalog, the colour decision, and the journal opened safely with its daily backup.
//! Both faces (the command line and the app) work through a [`Session`].

use std::cell::{OnceCell, RefCell};

use anyhow::Result;

use crate::clock::Clock;
use crate::config::Config;
use crate::config::catalog::Catalog;
use crate::config::paths::Paths;
use crate::passphrase;
use crate::store::{Key, Lock, Store, StoreError, Unlock};

/// How many times a passphrase typed on the terminal may be wrong in one run.
const TRIES: u32 = 3;

/// What every part of a run shares.
pub struct Session {
    pub paths: Paths,
    pub config: Config,
    pub clock: Clock,
    /// Whether colour is wanted at all (`--color`, `NO_COLOR`, `TERM=dumb`).
    pub color: bool,
    catalog: OnceCell<Catalog>,
    backup: RefCell<Backup>,
    /// Text written in the editor and not yet in the journal.
    unsaved: RefCell<Option<Unsaved>>,
    /// Where the journal's passphrase is read from, when it is encrypted.
    pub passphrase: passphrase::Asker,
    /// How the journal is unlocked, once known: asked for once per run.
    unlock: RefCell<Option<Unlock>>,
    /// What the journal file's first bytes said, read once before it was first opened.
    lock: std::cell::Cell<Option<Lock>>,
    /// The key in `unlock` came from the kernel's keyring ([`crate::keycache`]), not from
    /// a passphrase typed in this run.
    recalled: std::cell::Cell<bool>,
    /// This run asks for the passphrase itself (taking the lock off or changing it).
    no_recall: std::cell::Cell<bool>,
}

/// Text written in the editor that a command is saving.
#[derive(Debug)]
struct Unsaved {
    written: crate::editor::Written,
    /// What failing to save it means, said before where it is kept ("Nothing was saved").
    meaning: String,
}

/// The day's automatic backup, taken once a command's work is done.
#[derive(Debug, Default)]
enum Backup {
    /// Not due (or not known to be: the journal was not opened).
    #[default]
    None,
    /// Opening the journal found it due.
    Due,
    /// Being taken on a thread of its own (the app).
    Running(std::thread::JoinHandle<std::result::Result<(), StoreError>>),
}

impl Session {
    #[must_use]
    pub fn new(paths: Paths, config: Config, clock: Clock, color: bool) -> Self {
        Session {
            paths,
            config,
            clock,
            color,
            catalog: OnceCell::new(),
            backup: RefCell::new(Backup::None),
            unsaved: RefCell::new(None),
            passphrase: passphrase::Asker::default(),
            unlock: RefCell::new(None),
            lock: std::cell::Cell::new(None),
            recalled: std::cell::Cell::new(false),
            no_recall: std::cell::Cell::new(false),
        }
    }

    /// Reads passphrases from `source` instead of the terminal.
    #[must_use]
    pub fn with_passphrase(mut self, source: passphrase::Source) -> Self {
        self.passphrase = passphrase::Asker::new(source);
        self
    }

    /// What the journal file is: plain, encrypted, new. Read from its first bytes the first
    /// time, before this run opens it (see [`crate::store::probe`]), then remembered.
    pub fn journal_lock(&self) -> Result<Lock> {
        if let Some(lock) = self.lock.get() {
            return Ok(lock);
        }
        let lock = crate::store::probe(&self.paths.db);
        self.lock.set(Some(lock));
        Ok(lock)
    }

    /// How to unlock the journal: its key, asked for (once per run) when it is encrypted.
    pub fn unlock(&self) -> Result<Unlock> {
        if let Some(u) = self.unlock.borrow().as_ref() {
            return Ok(u.clone());
        }
        let u = match self.journal_lock()? {
            Lock::Encrypted { salt } => {
                if let Some(key) = (!self.no_recall.get())
                    .then(|| self.config.security.remember_key())
                    .flatten()
                    .and_then(|time| crate::keycache::recall(salt, time))
                {
                    self.recalled.set(true);
                    let u = Unlock::Key(std::sync::Arc::new(key));
                    *self.unlock.borrow_mut() = Some(u.clone());
                    return Ok(u);
                }
                let typed = self
                    .passphrase
                    .read(&format!("Passphrase for {}: ", self.paths.db.display()))
                    .map_err(|e| {
                        if !self.passphrase.can_ask_again() {
                            return e;
                        }
                        // No terminal: random bytes are an encrypted journal, or one damaged
                        // beyond its first page. Both are said, with the latest backup.
                        let said = self.with_backup_hint(StoreError::EncryptedOrDamaged {
                            path: self.paths.db.clone(),
                        });
                        anyhow::anyhow!("{said}. ({e:#})")
                    })?;
                let key = Key::from_recovery_key(&typed, salt)
                    .unwrap_or_else(|| Key::derive(typed.as_bytes(), salt));
                Unlock::Key(std::sync::Arc::new(key))
            }
            Lock::New | Lock::Plain | Lock::Other => Unlock::Plain,
        };
        *self.unlock.borrow_mut() = Some(u.clone());
        Ok(u)
    }

    /// This run asks for the passphrase itself, whatever key is remembered: a journal's
    /// lock is taken off or changed only by someone who knows it.
    pub fn ask_for_passphrase(&self) {
        self.no_recall.set(true);
        if self.recalled.get() {
            self.recalled.set(false);
            *self.unlock.borrow_mut() = None;
        }
    }

    /// The journal is now locked with `unlock` (it was just encrypted, decrypted or given
    /// a new passphrase, or is being created encrypted).
    ///
    /// A key remembered for the journal's old lock is forgotten, and the new one
    /// remembered in its place when the config asks for that.
    pub fn set_unlock(&self, unlock: Unlock) {
        if let Some(Lock::Encrypted { salt }) = self.lock.get() {
            crate::keycache::forget(salt);
        }
        self.lock.set(None);
        self.recalled.set(false);
        *self.unlock.borrow_mut() = Some(unlock);
        self.remember_key();
    }

    /// Keeps the journal's key, just typed and found to fit, in the kernel's keyring when
    /// `[security] remember_key_minutes` asks for it; says so when it cannot be kept.
    fn remember_key(&self) {
        let Some(time) = self.config.security.remember_key() else {
            return;
        };
        if self.recalled.get() {
            return;
        }
        let Some(Unlock::Key(key)) = self.unlock.borrow().clone() else {
            return;
        };
        if let Err(why) = crate::keycache::remember(&key, time) {
            note!(
                "praxis: warning: the journal's key is not remembered: {why}. The passphrase \
                 is asked for by every command (`[security] remember_key_minutes = 0` \
                 stops this warning)"
            );
        }
    }

    /// Lets go of the journal's key, and of a passphrase read from a file or descriptor
    /// (the app, which holds its own key, from its first frame on): locking the app then
    /// drops the last copy. Asking again after this asks for the passphrase again.
    pub fn forget_key(&self) {
        *self.unlock.borrow_mut() = None;
        self.passphrase.forget();
    }

    /// Opens the journal with its key, asking again (up to 3 times in all) when the
    /// passphrase typed on the terminal does not fit.
    pub fn open_journal(&self) -> std::result::Result<Store, anyhow::Error> {
        let mut tries = 1;
        loop {
            let unlock = self.unlock()?;
            match Store::open_unlocked(&self.paths.db, &unlock) {
                // A remembered key that no longer fits (the journal was replaced): it is
                // forgotten, and the passphrase asked for, with no try counted.
                Err(StoreError::WrongPassphrase { .. }) if self.recalled.get() => {
                    if let Ok(Lock::Encrypted { salt }) = self.journal_lock() {
                        crate::keycache::forget(salt);
                    }
                    self.recalled.set(false);
                    *self.unlock.borrow_mut() = None;
                }
                Ok(store) => {
                    self.remember_key();
                    return Ok(store);
                }
                Err(StoreError::WrongPassphrase { .. })
                    if self.passphrase.can_ask_again() && tries < TRIES =>
                {
                    note!("praxis: wrong passphrase ({tries} of {TRIES} tries)");
                    tries += 1;
                    *self.unlock.borrow_mut() = None;
                }
                Err(e @ StoreError::WrongPassphrase { .. }) => {
                    *self.unlock.borrow_mut() = None;
                    return Err(anyhow::anyhow!(
                        "{e} ({tries} wrong tr{})",
                        if tries == 1 { "y" } else { "ies" }
                    ));
                }
                Err(e) => return Err(self.with_backup_hint(e)),
            }
        }
    }

    /// Holds text written in the editor while the command saves it. Unless the command
    /// says [`Session::text_saved`] once it is in the journal, [`Session::finish`] keeps
    /// it in a rescue file and says where: whatever failed after the editor (a busy or
    /// full journal, a mistake in the text, a conflict), the writing is never lost.
    /// `meaning` says what that failure means ("Nothing was saved").
    pub fn hold_unsaved(&self, written: crate::editor::Written, meaning: &str) {
        let before = self.unsaved.borrow_mut().replace(Unsaved {
            written,
            meaning: meaning.to_string(),
        });
        // One editor session per command: an earlier text still held is kept, not lost.
        if let Some(u) = before {
            u.written.keep();
        }
    }

    /// The text held by [`Session::hold_unsaved`] is in the journal.
    pub fn text_saved(&self) {
        if let Some(u) = self.unsaved.borrow_mut().take() {
            u.written.saved();
        }
    }

    /// Ends a command: text from the editor that it did not save is kept in a rescue file,
    /// and the error (or a note) says where.
    pub fn finish(&self, done: Result<()>) -> Result<()> {
        let done = self.finish_unsaved(done);
        self.seal_left();
        done
    }

    /// Beside an encrypted journal, text the editor left in `rescued/` during this run
    /// (an editor that failed, text that was not UTF-8) is kept encrypted before praxis
    /// ends, and said.
    fn seal_left(&self) {
        let Some(Unlock::Key(key)) = self.unlock.borrow().clone() else {
            return;
        };
        let dir = self.paths.rescue_dir();
        if crate::editor::rescued(&dir).is_empty() && crate::editor::left_open(&dir).is_empty() {
            return;
        }
        let mut store = Store::open_unlocked(&self.paths.db, &Unlock::Key(key.clone())).ok();
        self.seal_all(store.as_mut(), &key);
    }

    fn finish_unsaved(&self, done: Result<()>) -> Result<()> {
        let Some(u) = self.unsaved.borrow_mut().take() else {
            return done;
        };
        let kept = u.written.keep();
        let kept = match self.unlock.borrow().clone() {
            // Beside an encrypted journal, kept encrypted: a draft, or an age file.
            Some(Unlock::Key(key)) => {
                let mut store =
                    Store::open_unlocked(&self.paths.db, &Unlock::Key(key.clone())).ok();
                crate::rescue::seal(
                    &kept,
                    store.as_mut(),
                    &key,
                    self.clock.today(),
                    self.clock.now_utc(),
                )
                .describe()
            }
            _ => format!("in {}", kept.display()),
        };
        match done {
            Ok(()) => {
                note!("praxis: {}; your text is kept {kept}", u.meaning);
                Ok(())
            }
            Err(e) => Err(anyhow::anyhow!(
                "{e:#}. {}; your text is kept {kept}",
                u.meaning
            )),
        }
    }

    /// Opens the journal (creating it on first use), noting whether the day's automatic
    /// backup is due: it is taken by [`Session::daily_backup`] once the command's work is
    /// done, not before (a copy of a long journal takes a while, and nobody should wait
    /// for it to see their entries). A journal that cannot be opened is reported with its
    /// latest backup.
    pub fn store(&self) -> Result<Store> {
        let mut store = self.open_journal()?;
        self.seal_rescued(&mut store);
        let mut backup = self.backup.borrow_mut();
        // A journal that cannot say is tried: the backup then reports what is wrong.
        if matches!(*backup, Backup::None)
            && store
                .daily_backup_due(self.clock.today(), self.config.backup.keep)
                .unwrap_or(true)
        {
            *backup = Backup::Due;
        }
        Ok(store)
    }

    /// Beside an encrypted journal, text rescued from the editor is kept encrypted: taken
    /// into `store` as drafts (or sealed for the recovery key when it cannot be written),
    /// and said.
    pub fn seal_rescued(&self, store: &mut Store) {
        let Some(key) = store.key().cloned() else {
            return;
        };
        self.seal_all(Some(store), &key);
    }

    /// Keeps the text in `rescued/` encrypted with `key` ([`crate::rescue::seal_all`]),
    /// and says what became of each.
    fn seal_all(&self, store: Option<&mut Store>, key: &Key) {
        let kept = crate::rescue::seal_all(
            &self.paths.rescue_dir(),
            store,
            key,
            self.clock.today(),
            self.clock.now_utc(),
        );
        for k in kept {
            note!("praxis: text kept from the editor is now {}", k.describe());
        }
    }

    /// Starts the day's automatic backup on a thread of its own if it is due (the app,
    /// once its first frame is drawn); [`Session::daily_backup`] waits for it.
    pub fn start_daily_backup(&self) {
        let mut backup = self.backup.borrow_mut();
        if matches!(*backup, Backup::Due) {
            let (path, today, now, keep) = self.backup_args();
            // The key derived once: the thread's connection pays no second derivation.
            let unlock = self.unlock.borrow().clone().unwrap_or_default();
            *backup = Backup::Running(std::thread::spawn(move || {
                Store::open_unlocked(&path, &unlock)?
                    .daily_backup(today, now, keep)
                    .map(drop)
            }));
        }
    }

    /// Takes the day's automatic backup if opening the journal found it due (or waits for
    /// the one started on its own thread), after the command's work: at most once a day
    /// across processes, since taking it first claims the day in the journal. A failure
    /// is a warning: the command itself succeeded.
    pub fn daily_backup(&self) {
        let taken = match std::mem::take(&mut *self.backup.borrow_mut()) {
            Backup::None => return,
            Backup::Due => {
                let (path, today, now, keep) = self.backup_args();
                let unlock = self.unlock.borrow().clone().unwrap_or_default();
                Store::open_unlocked(&path, &unlock)
                    .and_then(|mut s| s.daily_backup(today, now, keep).map(drop))
            }
            Backup::Running(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        };
        match taken {
            Ok(()) => {}
            // Said loudly, at every start until it is mended: the copy found the journal
            // damaged, so no backup was taken and the good ones were all kept.
            Err(e @ StoreError::Damaged(_)) => note!(
                "praxis: WARNING: {e}. The daily backup was not taken, so that no damaged \
                 copy replaces a good one"
            ),
            Err(e) => note!("praxis: warning: the daily backup failed: {e}"),
        }
    }

    fn backup_args(
        &self,
    ) -> (
        std::path::PathBuf,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
        usize,
    ) {
        (
            self.paths.db.clone(),
            self.clock.today(),
            self.clock.now_utc(),
            self.config.backup.keep,
        )
    }

    /// Adds "the latest backup is …" to errors about a damaged or foreign journal file.
    fn with_backup_hint(&self, e: StoreError) -> anyhow::Error {
        use StoreError as E;
        let damaged = matches!(
            e,
            E::NotAJournal { .. } | E::Damaged(_) | E::EncryptedOrDamaged { .. }
        );
        let latest = if damaged {
            let unlock = self.unlock.borrow().clone().unwrap_or_default();
            crate::store::latest_good_backup(&self.paths.db, &unlock).0
        } else {
            None
        };
        match (damaged, latest) {
            (true, Some(b)) => anyhow::anyhow!(
                "{e}. The latest backup is {}: `praxis backup restore` brings it back (the damaged file is moved aside, not deleted)",
                b.path.display()
            ),
            _ => e.into(),
        }
    }

    /// Models, templates and strengths in force; warnings about the user's files are
    /// printed once.
    pub fn catalog(&self) -> &Catalog {
        self.catalog.get_or_init(|| {
            let c = Catalog::load(&self.paths.config_dir, &self.config);
            for w in &c.warnings {
                note!("praxis: warning: {w}");
            }
            c
        })
    }
}
