//! One run of praxis over one journal: where its files are, the config, the clock, the
//! catalog, the colour decision, and the journal opened safely with its daily backup.
//! Both faces (the command line and the app) work through a [`Session`].

use std::cell::{OnceCell, RefCell};

use anyhow::Result;

use crate::clock::Clock;
use crate::config::Config;
use crate::config::catalog::Catalog;
use crate::config::paths::Paths;
use crate::store::{Store, StoreError};

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
        let Some(u) = self.unsaved.borrow_mut().take() else {
            return done;
        };
        let kept = u.written.keep();
        match done {
            Ok(()) => {
                note!(
                    "praxis: {}; your text is kept in {}",
                    u.meaning,
                    kept.display()
                );
                Ok(())
            }
            Err(e) => Err(anyhow::anyhow!(
                "{e:#}. {}; your text is kept in {}",
                u.meaning,
                kept.display()
            )),
        }
    }

    /// Opens the journal (creating it on first use), noting whether the day's automatic
    /// backup is due: it is taken by [`Session::daily_backup`] once the command's work is
    /// done, not before (a copy of a long journal takes a while, and nobody should wait
    /// for it to see their entries). A journal that cannot be opened is reported with its
    /// latest backup.
    pub fn store(&self) -> Result<Store> {
        let store = Store::open(&self.paths.db).map_err(|e| self.with_backup_hint(e))?;
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

    /// Starts the day's automatic backup on a thread of its own if it is due (the app,
    /// once its first frame is drawn); [`Session::daily_backup`] waits for it.
    pub fn start_daily_backup(&self) {
        let mut backup = self.backup.borrow_mut();
        if matches!(*backup, Backup::Due) {
            let (path, today, now, keep) = self.backup_args();
            *backup = Backup::Running(std::thread::spawn(move || {
                Store::open(&path)?.daily_backup(today, now, keep).map(drop)
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
                Store::open(&path).and_then(|mut s| s.daily_backup(today, now, keep).map(drop))
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
        let damaged = matches!(e, E::NotAJournal { .. } | E::Damaged(_));
        let latest = if damaged {
            crate::store::latest_good_backup(&self.paths.db).0
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
