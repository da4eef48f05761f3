//! Circles: a community of practice over a shared folder, without a server.
//!
//! A circle is a folder that a team's own file sync carries (Syncthing, Nextcloud, a
//! network drive, a memory stick):
//!
//! ```text
//! circle.toml                      the manifest: name, purpose, founder (signed by them)
//! members/<member-id>/member.json  a member's card: pseudonym, keys (signed by them)
//! members/<member-id>/<time>-<random>.json   one contribution (.age when encrypted)
//! members/<member-id>/welcomes/<other-id>.json   that member's welcome of another's card
//! ```
//!
//! Each member writes only in their own subfolder, one new file per contribution, never
//! editing anyone else's, so two members offline for a month merge without a conflict.
//! Files are written under a temporary dot-name and renamed, and a file a sync tool has
//! carried only in part is read as "incomplete or damaged", never trusted.
//!
//! On this machine a circle keeps, in the praxis data folder (private): the member's keys
//! (`identity.json`), where the folder is (`membership.json`) and the index of what was
//! read (`index.sqlite3`), so opening a circle of tens of thousands of files reads only
//! the new ones.

pub mod contribution;
pub mod keys;
pub mod manifest;
pub mod share;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use contribution::{Body, Contribution, Problem, Shared, short_id};
pub use keys::Identity;
pub use manifest::{Manifest, Member, Members};

use crate::store::{
    CircleFileRow, CircleIndex, CircleIndexError, IndexChange, Seen, Store, StoreError, Unlock,
};

/// How deep replies to replies are followed.
pub const MAX_THREAD_DEPTH: usize = 6;

/// The largest contribution file read: far beyond any excerpt.
const MAX_FILE: u64 = 1 << 20;

/// What can go wrong with a circle.
#[derive(Debug, thiserror::Error)]
pub enum CircleError {
    #[error("{} is not a circle (it has no circle.toml): check the path, or make one with `praxis circle create`", .0.display())]
    NotACircle(PathBuf),
    #[error("the circle's manifest {} cannot be used: {what}", path.display())]
    BadManifest { path: PathBuf, what: String },
    #[error("your keys for this circle at {} cannot be used: {what}; leave and join the circle again", path.display())]
    BadIdentity { path: PathBuf, what: String },
    #[error("cannot use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the system gave no randomness for new keys: {0}")]
    Random(String),
    #[error("cannot write the contribution: {0}")]
    Encode(String),
    #[error(transparent)]
    Index(#[from] CircleIndexError),
    /// The journal, where an encrypted journal keeps my record of the circle and my keys.
    #[error(transparent)]
    Journal(#[from] StoreError),
    /// What was asked cannot be done, and why (said to the member as it is).
    #[error("{0}")]
    Refused(String),
}

impl CircleError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> CircleError {
        CircleError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// This machine's record of a circle joined: where its folder is, and who I am in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub folder: PathBuf,
    /// The circle's id (its manifest's).
    pub circle: String,
    pub name: String,
    pub member: String,
    pub pseudonym: String,
}

const MEMBERSHIP: &str = "membership.json";
const IDENTITY: &str = "identity.json";
const INDEX: &str = "index.sqlite3";
const LAST_LOOK: &str = "last_look";

/// Every circle joined on this machine whose record is kept in files under `dir` (the
/// praxis data folder's `circles`), by name. Unreadable records are skipped.
#[must_use]
pub fn memberships(dir: &Path) -> Vec<Membership> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Membership> = entries
        .flatten()
        .filter_map(|e| {
            let text =
                crate::files::read_regular_text(&e.path().join(MEMBERSHIP), 64 << 10).ok()?;
            serde_json::from_str(&text).ok()
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.circle.cmp(&b.circle)));
    out
}

/// This machine's side of its circles: the private folder (`circles/` beside the
/// journal, one subfolder a circle, holding its local index) and where each circle's
/// record is kept, what says which folder is the circle and who I am in it
/// ([`Membership`]) with my keys for it ([`Identity`]).
///
/// Beside a plain journal the record is two files of the circle's subfolder
/// (`membership.json`, `identity.json`, 0600). Beside an encrypted journal it is kept
/// inside the journal, under its lock, and no file of it is left: whoever has the
/// computer without the passphrase can neither read as the member nor sign as them. The
/// record then moves with the journal through every change of lock: `encrypt` takes the
/// files into the journal before the encrypted copy is written and removes them before
/// it replaces the plain journal; `decrypt` writes them out of the journal once it is
/// plain ([`Local::settle`]); `passphrase` carries them in the journal it rewrites. A
/// change stopped at any moment leaves the record where the journal that survives reads
/// it, and the next circle command settles it where it belongs.
pub struct Local<'a> {
    /// The circles' private folder.
    pub dir: PathBuf,
    /// The journal, when there is one: records found in it are read (and settled), and
    /// new ones are kept in it when it is encrypted.
    journal: Option<&'a Store>,
}

/// A circle's record as the journal keeps it.
#[derive(Serialize, Deserialize)]
struct Record {
    membership: Membership,
    keys: keys::Kept,
}

/// What [`Local::settle`] moved.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Settled {
    /// Records taken from files into the (encrypted) journal, their files removed.
    pub sealed: usize,
    /// Records written out of the (plain) journal into files.
    pub unsealed: usize,
    /// Plain local indexes removed from beside an encrypted journal.
    pub indexes: usize,
}

impl<'a> Local<'a> {
    /// Records kept in files of `dir` only (no journal to keep them in).
    #[must_use]
    pub fn files(dir: &Path) -> Local<'static> {
        Local {
            dir: dir.to_path_buf(),
            journal: None,
        }
    }

    /// The circles of `dir` beside `journal`: their records kept in it while it is
    /// encrypted.
    #[must_use]
    pub fn beside(dir: &Path, journal: &'a Store) -> Local<'a> {
        Local {
            dir: dir.to_path_buf(),
            journal: Some(journal),
        }
    }

    /// Whether new records go into the journal (it is encrypted).
    fn sealed(&self) -> Option<&'a Store> {
        self.journal.filter(|j| j.is_encrypted())
    }

    /// The journal's lock: what the local indexes are kept under.
    #[must_use]
    pub fn unlock(&self) -> Unlock {
        match self.journal.and_then(Store::key) {
            Some(key) => Unlock::Key(std::sync::Arc::new(key.clone())),
            None => Unlock::Plain,
        }
    }

    fn journal_path(&self) -> PathBuf {
        self.journal
            .and_then(Store::path)
            .map_or_else(|| self.dir.clone(), Path::to_path_buf)
    }

    /// The records the journal keeps, by circle id (unreadable ones skipped).
    fn records(&self) -> Result<Vec<(String, Record)>, CircleError> {
        let Some(journal) = self.journal else {
            return Ok(Vec::new());
        };
        Ok(journal
            .kept_circles()?
            .into_iter()
            .filter_map(|(id, text)| Some((id, serde_json::from_str::<Record>(&text).ok()?)))
            .collect())
    }

    /// Every circle joined on this machine, by name: those the journal keeps and those
    /// kept in files (a change of lock stopped midway may leave both; the journal's wins).
    #[must_use]
    pub fn memberships(&self) -> Vec<Membership> {
        let mut all: Vec<Membership> = self
            .records()
            .unwrap_or_default()
            .into_iter()
            .map(|(_, r)| r.membership)
            .collect();
        for m in memberships(&self.dir) {
            if !all.iter().any(|k| k.circle == m.circle) {
                all.push(m);
            }
        }
        all.sort_by(|a, b| a.name.cmp(&b.name).then(a.circle.cmp(&b.circle)));
        all
    }

    /// My keys for the circle `id`: from the journal's record, or from its files.
    pub fn identity(&self, id: &str) -> Result<Identity, CircleError> {
        if let Some((_, r)) = self.records()?.into_iter().find(|(k, _)| k == id) {
            return Identity::from_kept(&r.keys, &self.journal_path());
        }
        let path = self.dir.join(id).join(IDENTITY);
        if self.sealed().is_some() && !path.exists() {
            return Err(CircleError::BadIdentity {
                path: self.journal_path(),
                what: "the encrypted journal holds no keys for this circle, and no file of \
                       them is left"
                    .into(),
            });
        }
        Identity::load(&path)
    }

    /// Keeps my keys for a circle being made or joined (with its record, in the journal),
    /// before anything is written to the shared folder.
    fn keep_keys(&self, m: &Membership, me: &Identity) -> Result<(), CircleError> {
        let sub = self.dir.join(&m.circle);
        crate::files::create_private_dir(&sub).map_err(|e| CircleError::io(&sub, e))?;
        match self.sealed() {
            Some(journal) => keep_record(journal, m, me),
            None => me.save(&sub.join(IDENTITY)),
        }
    }

    /// Keeps the record of a circle made or joined, once the shared folder has my card.
    fn keep_membership(&self, m: &Membership, me: &Identity) -> Result<(), CircleError> {
        match self.sealed() {
            Some(journal) => keep_record(journal, m, me),
            None => save_membership(&self.dir.join(&m.circle), m),
        }
    }

    /// Forgets my record of the circle `id` and my keys for it, wherever they are kept.
    fn forget(&self, id: &str) -> Result<(), CircleError> {
        if let Some(journal) = self.journal {
            journal.forget_circle(id)?;
        }
        let sub = self.dir.join(id);
        for name in [MEMBERSHIP, IDENTITY] {
            match std::fs::remove_file(sub.join(name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(CircleError::io(&sub.join(name), e)),
            }
        }
        Ok(())
    }

    /// Takes every record kept in files into the journal (the files are left: see
    /// [`remove_record_files`]). Returns the circle ids taken.
    pub fn take_into_journal(&self) -> Result<Vec<String>, CircleError> {
        let Some(journal) = self.journal else {
            return Ok(Vec::new());
        };
        let kept: Vec<String> = self.records()?.into_iter().map(|(id, _)| id).collect();
        let mut taken = Vec::new();
        for m in memberships(&self.dir) {
            let sub = self.dir.join(&m.circle);
            if kept.contains(&m.circle) {
                // The journal's record is the one read: the files are only left over.
                taken.push(m.circle);
                continue;
            }
            // A record whose keys are missing or damaged stays as it is, and says so when
            // the circle is opened.
            let Ok(me) = Identity::load(&sub.join(IDENTITY)) else {
                continue;
            };
            keep_record(journal, &m, &me)?;
            taken.push(m.circle);
        }
        Ok(taken)
    }

    /// Settles every record where the journal's lock says it belongs, after a change of
    /// lock (or one stopped midway, or records made by an older praxis): beside an
    /// encrypted journal, records in files are taken into it, their files removed, and a
    /// plain local index is removed; beside a plain journal, records in it are written
    /// out into files and removed from it. Each record is copied before its old place
    /// is cleared: stopped at any moment, it is whole in one place or the other.
    pub fn settle(&self) -> Result<Settled, CircleError> {
        let mut done = Settled::default();
        let Some(journal) = self.journal.filter(|j| !j.is_read_only()) else {
            return Ok(done);
        };
        if journal.is_encrypted() {
            let taken = self.take_into_journal()?;
            let before = memberships(&self.dir).len();
            remove_record_files(&self.dir, &taken);
            done.sealed = before.saturating_sub(memberships(&self.dir).len());
            done.indexes = forget_indexes_where(&self.dir, |index| {
                crate::store::probe(index) == crate::store::Lock::Plain
            });
        } else {
            for (id, r) in self.records()? {
                let sub = self.dir.join(&id);
                let me = Identity::from_kept(&r.keys, &self.journal_path())?;
                me.save(&sub.join(IDENTITY))?;
                save_membership(&sub, &r.membership)?;
                journal.forget_circle(&id)?;
                done.unsealed += 1;
            }
        }
        Ok(done)
    }
}

/// Keeps the record of the circle `m` names, with my keys, in `journal`.
fn keep_record(journal: &Store, m: &Membership, me: &Identity) -> Result<(), CircleError> {
    let record = Record {
        membership: m.clone(),
        keys: me.kept(),
    };
    let text = zeroize::Zeroizing::new(
        serde_json::to_string(&record).map_err(|e| CircleError::Encode(e.to_string()))?,
    );
    Ok(journal.keep_circle(&m.circle, &text)?)
}

/// Removes the record files (`membership.json`, `identity.json`) of the circles `ids` under
/// `dir`, once the journal keeps them, and syncs their folders so that the removal holds.
/// What cannot be removed is left (the next settle tries again).
pub fn remove_record_files(dir: &Path, ids: &[String]) {
    for id in ids {
        let sub = dir.join(id);
        for name in [IDENTITY, MEMBERSHIP] {
            let _ = std::fs::remove_file(sub.join(name));
        }
        if let Ok(d) = std::fs::File::open(&sub) {
            let _ = d.sync_all();
        }
    }
}

/// Removes the local index of every circle under `dir` (a cache of what was read from
/// the shared folders; the next look builds it again): when the journal's lock changes,
/// an index made under the old one would stay readable (plain beside a journal just
/// encrypted) or unreadable. Returns how many were removed.
pub fn forget_indexes(dir: &Path) -> usize {
    forget_indexes_where(dir, |_| true)
}

/// What of the circles' private records under `dir` is kept in plain files: the circles
/// whose keys are in an `identity.json`, and the plain local indexes. Beside an encrypted
/// journal both should be none ([`Local::settle`] takes them in at the next circle
/// command); `doctor` says so without the passphrase.
#[must_use]
pub fn plain_records(dir: &Path) -> (usize, usize) {
    let (mut keys, mut indexes) = (0, 0);
    for circle in circle_folders(dir) {
        keys += usize::from(circle.join(IDENTITY).is_file());
        indexes +=
            usize::from(crate::store::probe(&circle.join(INDEX)) == crate::store::Lock::Plain);
    }
    (keys, indexes)
}

/// Removes the local index of every circle under `dir` for which `which` holds.
fn forget_indexes_where(dir: &Path, which: impl Fn(&Path) -> bool) -> usize {
    let mut removed = 0;
    for circle in circle_folders(dir) {
        if !which(&circle.join(INDEX)) {
            continue;
        }
        let mut gone = false;
        for end in ["", "-wal", "-shm", "-journal"] {
            gone |= std::fs::remove_file(circle.join(format!("{INDEX}{end}"))).is_ok();
        }
        removed += usize::from(gone);
    }
    removed
}

/// The folders under `dir`, one a circle; none when `dir` cannot be read.
fn circle_folders(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
}

/// What one refresh of the index did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Files read (new, changed, or to check again against a changed member list).
    pub read: usize,
    /// Files known and unchanged: not opened.
    pub unchanged: usize,
    /// Files no longer in the folder.
    pub gone: usize,
}

/// The files of the member folders [`Circle::refresh_arrivals`] did not list, still to be
/// checked for a rewrite in place, a budget at a time ([`Circle::check`]).
#[derive(Debug, Default)]
pub struct Sweep {
    /// Folders not begun, with the member key their files are checked against.
    folders: Vec<(String, String)>,
    /// The files of the folder begun, as the index knows them.
    files: Vec<(String, (Seen, String))>,
    folder: String,
    key: String,
}

impl Sweep {
    /// Whether every file has been checked.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.folders.is_empty() && self.files.is_empty()
    }
}

/// One item of the stream, as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The file, relative to the circle's folder.
    pub file: String,
    /// The member folder it lies in.
    pub folder: String,
    /// The verified contribution, or what is wrong with the file.
    pub content: Result<Contribution, String>,
    pub first_seen: String,
    /// The member whose card wrote it, when nobody trusted has welcomed that card yet.
    pub unwelcomed: Option<String>,
}

impl Item {
    fn from_row(r: CircleFileRow) -> Item {
        let content = if r.status == "ok" {
            r.payload
                .as_deref()
                .and_then(|p| serde_json::from_str::<Contribution>(p).ok())
                .map(|mut c| {
                    c.keep_valid_themes();
                    c
                })
                .ok_or_else(|| "the local index is damaged: remove it to read again".into())
        } else {
            Err(r.problem.unwrap_or_else(|| r.status.clone()))
        };
        Item {
            file: r.name,
            folder: r.folder,
            content,
            first_seen: r.first_seen,
            unwelcomed: None,
        }
    }
}

/// A circle opened on this machine: its folder, members, my keys and the local index.
pub struct Circle {
    pub folder: PathBuf,
    pub manifest: Manifest,
    pub members: Members,
    pub me: Identity,
    pub membership: Membership,
    local: PathBuf,
    index: CircleIndex,
}

impl Circle {
    /// Makes a new circle in `folder` (empty or new) with `me` as its founder, and keeps
    /// my keys in files of `circles_dir` (see [`Circle::create_in`]).
    pub fn create(
        folder: &Path,
        circles_dir: &Path,
        name: &str,
        purpose: &str,
        encrypted: bool,
        pseudonym: &str,
        now: DateTime<Utc>,
    ) -> Result<Circle, CircleError> {
        let local = Local::files(circles_dir);
        Circle::create_in(folder, &local, name, purpose, encrypted, pseudonym, now)
    }

    /// Makes a new circle in `folder` (empty or new) with `me` as its founder, and keeps
    /// my record of it and my keys where `local` keeps them.
    pub fn create_in(
        folder: &Path,
        local: &Local<'_>,
        name: &str,
        purpose: &str,
        encrypted: bool,
        pseudonym: &str,
        now: DateTime<Utc>,
    ) -> Result<Circle, CircleError> {
        if folder.join(manifest::MANIFEST).exists() {
            return Err(CircleError::BadManifest {
                path: folder.join(manifest::MANIFEST),
                what: "a circle is already there: join it with `praxis circle join`".into(),
            });
        }
        create_shared_dir(&folder.join(manifest::MEMBERS))?;
        let me = Identity::generate()?;
        let m = Manifest::new(name, purpose, encrypted, pseudonym, &me, now)?;
        let membership = Membership {
            folder: absolute(folder),
            circle: m.id.clone(),
            name: m.name.clone(),
            member: me.member_id(),
            pseudonym: pseudonym.trim().to_string(),
        };
        local.keep_keys(&membership, &me)?;
        let written = create_shared_dir(&folder.join(manifest::MEMBERS).join(me.member_id()))
            .and_then(|()| m.write_new(folder));
        if let Err(e) = written {
            // Not a member of anything: my keys go with the circle that was not made.
            let _ = local.forget(&membership.circle);
            return Err(e);
        }
        local.keep_membership(&membership, &me)?;
        Circle::open_in(&membership, local)
    }

    /// Joins the circle in `folder`: new keys, and a member card in my own subfolder (see
    /// [`Circle::join_in`]; my keys are kept in files of `circles_dir`).
    pub fn join(
        folder: &Path,
        circles_dir: &Path,
        pseudonym: &str,
        now: DateTime<Utc>,
    ) -> Result<Circle, CircleError> {
        Circle::join_in(folder, &Local::files(circles_dir), pseudonym, now)
    }

    /// Joins the circle in `folder`: new keys, kept where `local` keeps them, and a member
    /// card in my own subfolder.
    pub fn join_in(
        folder: &Path,
        local: &Local<'_>,
        pseudonym: &str,
        now: DateTime<Utc>,
    ) -> Result<Circle, CircleError> {
        let m = Manifest::read(folder)?;
        if local.memberships().iter().any(|k| k.circle == m.id) {
            return Err(CircleError::BadManifest {
                path: folder.join(manifest::MANIFEST),
                what: format!("you are already a member of '{}' on this machine", m.name),
            });
        }
        let me = Identity::generate()?;
        let member = Member {
            id: me.member_id(),
            pseudonym: pseudonym.trim().to_string(),
            key: keys::key_text(&me.public()),
            recipient: m.encrypted.then(|| me.recipient()),
            joined: now,
            left: None,
        };
        let membership = Membership {
            folder: absolute(folder),
            circle: m.id.clone(),
            name: m.name.clone(),
            member: member.id.clone(),
            pseudonym: member.pseudonym.clone(),
        };
        local.keep_keys(&membership, &me)?;
        if let Err(e) = manifest::write_card(folder, &m.id, &member, &me) {
            // Not a member yet: my keys go with the card that was not written.
            let _ = local.forget(&membership.circle);
            return Err(e);
        }
        local.keep_membership(&membership, &me)?;
        Circle::open_in(&membership, local)
    }

    /// Opens a circle joined on this machine whose record is kept in files of
    /// `circles_dir`, its index plain (see [`Circle::open_in`]).
    pub fn open(membership: &Membership, circles_dir: &Path) -> Result<Circle, CircleError> {
        Self::open_in(membership, &Local::files(circles_dir))
    }

    /// Opens a circle joined on this machine, with my keys from where `local` keeps them
    /// and the local index under the journal's lock (encrypted beside an encrypted
    /// journal). The index is not refreshed: see [`Circle::refresh`].
    pub fn open_in(membership: &Membership, local: &Local<'_>) -> Result<Circle, CircleError> {
        let folder = membership.folder.clone();
        let manifest = Manifest::read(&folder)?;
        if manifest.id != membership.circle {
            return Err(CircleError::BadManifest {
                path: folder.join(manifest::MANIFEST),
                what: format!(
                    "it is another circle ('{}') than the one you joined there ('{}')",
                    manifest.name, membership.name
                ),
            });
        }
        let me = local.identity(&membership.circle)?;
        let unlock = local.unlock();
        let local = local.dir.join(&membership.circle);
        let members = Members::read(&folder, &manifest);
        let index = CircleIndex::open_locked(&local.join(INDEX), &unlock)?;
        Ok(Circle {
            folder,
            manifest,
            members,
            me,
            membership: membership.clone(),
            local,
            index,
        })
    }

    /// Brings the index up to date with the folder, opening only what may have changed:
    /// [`Circle::refresh_arrivals`], then every file of the folders it skipped checked for
    /// a rewrite in place ([`Circle::check`]). What the command line does before it
    /// answers; the pane draws after the arrivals and checks the rest between frames.
    pub fn refresh(&mut self, now: DateTime<Utc>) -> Result<Refresh, CircleError> {
        let (mut report, mut sweep) = self.refresh_arrivals(now)?;
        let more = self.check(&mut sweep, usize::MAX, now)?;
        report.read += more.read;
        report.gone += more.gone;
        let total = usize::try_from(self.index.len()?).unwrap_or(0);
        report.unchanged = total.saturating_sub(report.read);
        Ok(report)
    }

    /// Reads what arrived: each member folder whose own modification time or member key
    /// differs from when it was last listed is listed again, and its files new or changed
    /// by size or time are read; files and folders gone are forgotten. A folder whose time
    /// is unchanged has had no file added, removed or renamed into it (how sync tools and
    /// praxis write), so only its flagged files are looked at (a sync may complete one in
    /// place); the rest of its files are left to the [`Sweep`] this returns, since a file
    /// rewritten in place (a network drive, an editor) leaves its folder's time as it was.
    pub fn refresh_arrivals(
        &mut self,
        now: DateTime<Utc>,
    ) -> Result<(Refresh, Sweep), CircleError> {
        let mut folders = self.index.folders()?;
        let mut change = IndexChange::default();
        let mut report = Refresh::default();
        let mut sweep = Sweep::default();
        let base = self.folder.join(manifest::MEMBERS);
        let dirs = match std::fs::read_dir(&base) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((report, sweep)),
            Err(e) => return Err(CircleError::io(&base, e)),
        };
        let first_seen = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let wall = std::time::SystemTime::now();
        for d in dirs.flatten() {
            let folder = d.file_name().to_string_lossy().into_owned();
            let Ok(meta) = d.metadata() else { continue };
            if folder.starts_with('.') || !meta.is_dir() {
                continue;
            }
            let key = self
                .members
                .by_id
                .get(&folder)
                .map(|m| m.key.clone())
                .unwrap_or_default();
            // Taken before the listing: a file added meanwhile changes it again.
            let dir_mtime = mtime_ns(&meta);
            let before = folders.remove(&folder);
            let whole = before.as_ref() != Some(&(dir_mtime, key.clone())) || dir_mtime == 0;
            if !whole {
                for (name, (seen, k)) in self.index.flagged_in(&folder)? {
                    self.look_again(
                        &folder,
                        name,
                        seen,
                        k,
                        &key,
                        &first_seen,
                        &mut change,
                        &mut report,
                    );
                }
                sweep.folders.push((folder, key));
                continue;
            }
            let mut known = self.index.seen_in(&folder)?;
            let Ok(files) = std::fs::read_dir(d.path()) else {
                continue;
            };
            for f in files.flatten() {
                let file = f.file_name().to_string_lossy().into_owned();
                let Ok(meta) = f.metadata() else { continue };
                self.look_at(
                    &folder,
                    &file,
                    &f.path(),
                    &meta,
                    &key,
                    &first_seen,
                    &mut known,
                    &mut change,
                    &mut report,
                );
            }
            change.gone.extend(known.into_keys());
            change
                .folders
                .push((folder, settled(dir_mtime, &meta, wall), key));
        }
        change.gone_folders.extend(folders.into_keys());
        report.gone = change.gone.len();
        if !change.is_empty() {
            self.index.apply(&change)?;
        }
        let total = usize::try_from(self.index.len()?).unwrap_or(0);
        report.unchanged = total.saturating_sub(report.read);
        Ok((report, sweep))
    }

    /// Checks up to `budget` files of the folders a [`Sweep`] holds for a rewrite in place
    /// (each file's size and time against the index's), reading again the ones changed.
    /// `read` says how many were; `unchanged` how many were looked at and left.
    pub fn check(
        &mut self,
        sweep: &mut Sweep,
        budget: usize,
        now: DateTime<Utc>,
    ) -> Result<Refresh, CircleError> {
        let first_seen = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let mut change = IndexChange::default();
        let mut report = Refresh::default();
        let mut looked = 0usize;
        while looked < budget {
            let Some((name, (seen, k))) = sweep.files.pop() else {
                let Some((folder, key)) = sweep.folders.pop() else {
                    break;
                };
                sweep.files = self.index.seen_in(&folder)?.into_iter().collect();
                sweep.folder = folder;
                sweep.key = key;
                continue;
            };
            looked += 1;
            let (folder, key) = (sweep.folder.clone(), sweep.key.clone());
            self.look_again(
                &folder,
                name,
                seen,
                k,
                &key,
                &first_seen,
                &mut change,
                &mut report,
            );
        }
        report.gone = change.gone.len();
        report.unchanged = looked.saturating_sub(report.read + report.gone);
        if !change.is_empty() {
            self.index.apply(&change)?;
        }
        Ok(report)
    }

    /// Looks again at one file the index knows (`name`, as `seen` when checked against
    /// `k`): read again if it changed, forgotten if it is gone.
    #[allow(clippy::too_many_arguments)]
    fn look_again(
        &self,
        folder: &str,
        name: String,
        seen: Seen,
        k: String,
        key: &str,
        first_seen: &str,
        change: &mut IndexChange,
        report: &mut Refresh,
    ) {
        let path = self.folder.join(&name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            change.gone.push(name);
            return;
        };
        let file = name.rsplit('/').next().unwrap_or("").to_string();
        let mut one = std::collections::HashMap::from([(name, (seen, k))]);
        self.look_at(
            folder, &file, &path, &meta, key, first_seen, &mut one, change, report,
        );
        // A file no longer a contribution (now a folder, a link): forgotten.
        change.gone.extend(one.into_keys());
    }

    /// Reads one file of a folder unless the index knows it unchanged (`known` holds what
    /// the index knows; the file is taken out of it).
    #[allow(clippy::too_many_arguments)]
    fn look_at(
        &self,
        folder: &str,
        file: &str,
        path: &Path,
        meta: &std::fs::Metadata,
        key: &str,
        first_seen: &str,
        known: &mut std::collections::HashMap<String, (Seen, String)>,
        change: &mut IndexChange,
        report: &mut Refresh,
    ) {
        let Some(stem) = file
            .strip_suffix(".json")
            .or_else(|| file.strip_suffix(".age"))
        else {
            return;
        };
        if file.starts_with('.') || file == manifest::CARD || !meta.is_file() {
            return;
        }
        let size = i64::try_from(meta.len()).unwrap_or(i64::MAX);
        let mtime = mtime_ns(meta);
        let name = format!("{}/{folder}/{file}", manifest::MEMBERS);
        if let Some((seen, k)) = known.remove(&name)
            && seen.size == size
            && seen.mtime == mtime
            && k == key
        {
            return;
        }
        report.read += 1;
        change
            .rows
            .push(self.read_file(path, name, folder, stem, size, mtime, key, first_seen));
    }

    #[allow(clippy::too_many_arguments)]
    fn read_file(
        &self,
        path: &Path,
        name: String,
        folder: &str,
        stem: &str,
        size: i64,
        mtime: i64,
        key: &str,
        first_seen: &str,
    ) -> CircleFileRow {
        let mut row = CircleFileRow {
            name,
            size,
            mtime,
            folder: folder.to_string(),
            status: String::new(),
            problem: None,
            id: None,
            author: None,
            kind: None,
            written_at: None,
            target: None,
            payload: None,
            signer_key: key.to_string(),
            first_seen: first_seen.to_string(),
            themes: Vec::new(),
        };
        let checked = match crate::files::read_regular(path, MAX_FILE) {
            Ok(bytes) => contribution::open(
                &bytes,
                folder,
                stem,
                &self.manifest.id,
                &self.members,
                Some(&self.me),
            ),
            Err(e) => Err((Problem::Damaged(e.to_string()), String::new())),
        };
        match checked {
            Ok(c) => {
                row.status = "ok".into();
                row.id = Some(c.contribution.id.clone());
                row.author = Some(c.contribution.author.clone());
                row.kind = Some(c.contribution.body.kind().into());
                row.written_at = Some(
                    c.contribution
                        .written_at
                        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                );
                row.target = c.contribution.body.target().map(String::from);
                row.themes = c.contribution.themes.clone();
                row.payload = Some(c.payload);
            }
            Err((p, _)) => {
                row.status = p.status().into();
                row.problem = Some(p.describe());
                // Flagged files sort by their name's time, as their content is not trusted.
                row.written_at = Some(time_of_name(stem));
            }
        }
        row
    }

    /// Writes a new contribution of mine: signed, sealed to every current member when the
    /// circle is encrypted, into a new file of my own subfolder.
    pub fn contribute(&self, body: Body, now: DateTime<Utc>) -> Result<Contribution, CircleError> {
        self.contribute_on(body, Vec::new(), now)
    }

    /// [`Circle::contribute`] with themes (each as [`contribution::theme`] makes it).
    pub fn contribute_on(
        &self,
        body: Body,
        themes: Vec<String>,
        now: DateTime<Utc>,
    ) -> Result<Contribution, CircleError> {
        let mut c = Contribution {
            id: contribution::new_id(now)?,
            circle: self.manifest.id.clone(),
            author: self.membership.member.clone(),
            written_at: now,
            themes,
            body,
        };
        c.keep_valid_themes();
        let recipients: Option<Vec<age::x25519::Recipient>> = self.manifest.encrypted.then(|| {
            let mut r: Vec<age::x25519::Recipient> = self
                .members
                .current()
                .filter_map(|m| m.recipient.as_deref()?.parse().ok())
                .collect();
            // Always to myself, even before my card has been read back.
            r.push(self.me.age.to_public());
            let mut seen = HashSet::new();
            r.retain(|x| seen.insert(x.to_string()));
            r
        });
        let bytes = contribution::seal(&c, &self.me, recipients.as_deref())?;
        let dir = self.my_folder();
        create_shared_dir(&dir)?;
        let ext = if self.manifest.encrypted {
            "age"
        } else {
            "json"
        };
        let path = dir.join(format!("{}.{ext}", c.id));
        write_shared(&path, &bytes, false)?;
        Ok(c)
    }

    /// Welcomes the member card whose fingerprint (as `show --members` gives it) is
    /// `fingerprint`: a signed welcome in my folder, naming its key. Only a trusted member
    /// can welcome; the card must have arrived and verify.
    pub fn welcome(
        &mut self,
        fingerprint: &str,
        now: DateTime<Utc>,
    ) -> Result<Member, CircleError> {
        let id: String = fingerprint
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | ':'))
            .collect::<String>()
            .to_lowercase();
        if id.len() != 16 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(CircleError::Refused(format!(
                "'{}' is not a fingerprint: it is 16 hex digits in four groups, as `praxis circle show --members` shows it",
                fingerprint.trim()
            )));
        }
        if !self.members.trusted(&self.membership.member) {
            return Err(CircleError::Refused(
                "nobody has welcomed you into the circle yet, so your welcome would not be trusted: ask a welcomed member to welcome you first".into(),
            ));
        }
        let Some(m) = self.members.by_id.get(&id).cloned() else {
            return Err(CircleError::Refused(format!(
                "no member card with fingerprint {} has reached this folder (or it does not verify): `praxis circle show --members` lists them",
                keys::fingerprint(&id)
            )));
        };
        if self.members.trusted(&id) {
            return Err(CircleError::Refused(format!(
                "{} is already welcomed",
                m.pseudonym
            )));
        }
        manifest::write_welcome(&self.folder, &self.manifest.id, &m, &self.me, now)?;
        self.members = Members::read(&self.folder, &self.manifest);
        Ok(m)
    }

    fn my_folder(&self) -> PathBuf {
        self.folder
            .join(manifest::MEMBERS)
            .join(&self.membership.member)
    }

    /// Removes one of my contributions: a tombstone the others honour, then its file.
    pub fn remove(
        &self,
        c: &Contribution,
        now: DateTime<Utc>,
    ) -> Result<Contribution, CircleError> {
        let t = self.contribute(
            Body::Tombstone {
                removes: c.id.clone(),
            },
            now,
        )?;
        for ext in ["json", "age"] {
            let path = self.my_folder().join(format!("{}.{ext}", c.id));
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(CircleError::io(&path, e)),
            }
        }
        Ok(t)
    }

    /// Leaves the circle: a card saying so (my contributions stay unless removed), and
    /// this machine (`local`, where the circle was opened from) forgets my keys, my record
    /// of the circle and its index.
    pub fn leave(self, local: &Local<'_>, now: DateTime<Utc>) -> Result<(), CircleError> {
        let mut me = self
            .members
            .by_id
            .get(&self.membership.member)
            .cloned()
            .unwrap_or_else(|| Member {
                id: self.membership.member.clone(),
                pseudonym: self.membership.pseudonym.clone(),
                key: keys::key_text(&self.me.public()),
                recipient: None,
                joined: now,
                left: None,
            });
        me.left = Some(now);
        manifest::write_card(&self.folder, &self.manifest.id, &me, &self.me)?;
        let dir = self.local.clone();
        let id = self.membership.circle.clone();
        drop(self);
        local.forget(&id)?;
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(CircleError::io(&dir, e)),
        }
    }

    /// An item of the index as it may be trusted: a contribution from a card nobody
    /// trusted has welcomed is flagged, saying how to welcome it.
    fn item(&self, row: CircleFileRow) -> Item {
        let mut item = Item::from_row(row);
        let author = match &item.content {
            Ok(c) if !self.members.trusted(&c.author) => c.author.clone(),
            _ => return item,
        };
        let fp = self
            .members
            .by_id
            .get(&author)
            .map_or_else(String::new, |m| keys::fingerprint(&m.key));
        item.content = Err(format!(
            "from a member card calling itself '{}' (fingerprint {fp}) that nobody in the circle has welcomed yet: not trusted; check the fingerprint with them in person or by phone, then `praxis circle welcome {fp}`",
            self.members.name(&author)
        ));
        item.unwelcomed = Some(author);
        item
    }

    /// The stream: the newest `limit` contributions (not replies or thanks) and flagged
    /// files, newest first.
    pub fn stream(&self, limit: usize) -> Result<Vec<Item>, CircleError> {
        Ok(self
            .index
            .stream(limit)?
            .into_iter()
            .map(|r| self.item(r))
            .collect())
    }

    /// [`Circle::stream`] of the verified contributions on one theme.
    pub fn stream_on(&self, theme: &str, limit: usize) -> Result<Vec<Item>, CircleError> {
        Ok(self
            .index
            .stream_on(theme, limit)?
            .into_iter()
            .map(|r| self.item(r))
            .collect())
    }

    /// Every theme of the verified contributions, with how many carry it, most first.
    pub fn themes(&self) -> Result<Vec<(String, i64)>, CircleError> {
        Ok(self.index.themes()?)
    }

    /// Replies and thanks to a contribution, oldest first.
    pub fn responses(&self, id: &str) -> Result<Vec<Item>, CircleError> {
        Ok(self
            .index
            .responses(id)?
            .into_iter()
            .map(|r| self.item(r))
            .collect())
    }

    /// Whether this member has thanked the contribution `id` already: one thanks each.
    pub fn thanked_by_me(&self, id: &str) -> Result<bool, CircleError> {
        Ok(self.responses(id)?.into_iter().any(|r| {
            r.content.is_ok_and(|c| {
                matches!(c.body, Body::Thanks { .. }) && c.author == self.membership.member
            })
        }))
    }

    /// A contribution's thread: its replies and thanks, each followed by the replies and
    /// thanks to it, oldest first, with how deep each is (0: an answer to the contribution
    /// itself). Replies deeper than [`MAX_THREAD_DEPTH`] are left out.
    pub fn thread(&self, id: &str) -> Result<Vec<(usize, Item)>, CircleError> {
        let mut out = Vec::new();
        self.thread_into(id, 0, &mut out)?;
        Ok(out)
    }

    fn thread_into(
        &self,
        id: &str,
        depth: usize,
        out: &mut Vec<(usize, Item)>,
    ) -> Result<(), CircleError> {
        for r in self.responses(id)? {
            let reply = match &r.content {
                Ok(c) if matches!(c.body, Body::Reply { .. }) => Some(c.id.clone()),
                _ => None,
            };
            out.push((depth, r));
            if let Some(reply) = reply
                && depth + 1 < MAX_THREAD_DEPTH
            {
                self.thread_into(&reply, depth + 1, out)?;
            }
        }
        Ok(())
    }

    /// The verified contribution a (short) id names: an error says when none or several do.
    pub fn find(&self, id: &str) -> Result<Contribution, String> {
        let id = id.trim();
        if id.is_empty() {
            return Err("name a contribution by its id (as `praxis circle show` lists it)".into());
        }
        let rows = self.index.find(id).map_err(|e| e.to_string())?;
        let mut found: Vec<Contribution> = rows
            .into_iter()
            .filter_map(|r| self.item(r).content.ok())
            .collect();
        match found.len() {
            0 => Err(format!(
                "no contribution '{id}' in {}: `praxis circle show` lists them",
                self.manifest.name
            )),
            1 => Ok(found.remove(0)),
            n => Err(format!(
                "'{id}' names {n} contributions: give more of its id"
            )),
        }
    }

    /// New verified contributions since my last look, by member pseudonym.
    pub fn new_since_last_look(&self) -> Result<Vec<(String, i64)>, CircleError> {
        let since = self.index.meta(LAST_LOOK)?;
        let mut by: Vec<(String, i64)> = self
            .index
            .new_by_author(Some(since.as_deref().unwrap_or("")))?
            .into_iter()
            .filter(|(a, _)| self.members.trusted(a) && *a != self.membership.member)
            .map(|(a, n)| (self.members.name(&a), n))
            .collect();
        by.sort();
        Ok(by)
    }

    /// When I last looked (RFC 3339), if ever.
    pub fn last_look(&self) -> Result<Option<String>, CircleError> {
        Ok(self.index.meta(LAST_LOOK)?)
    }

    /// Marks everything read so far as seen.
    pub fn mark_looked(&self, now: DateTime<Utc>) -> Result<(), CircleError> {
        Ok(self.index.set_meta(
            LAST_LOOK,
            &now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        )?)
    }

    /// Flagged files by status.
    pub fn flagged(&self) -> Result<Vec<(String, i64)>, CircleError> {
        Ok(self.index.flagged_counts()?)
    }

    /// Files in the index.
    pub fn indexed(&self) -> Result<i64, CircleError> {
        Ok(self.index.len()?)
    }
}

impl Circle {
    /// A contribution as lines of plain text, as the command line prints it and the pane
    /// draws it: who, when and what kind, then what it says.
    #[must_use]
    pub fn lines(&self, c: &Contribution) -> Vec<String> {
        let members = &self.members;
        let circle = self;
        let who = members.name(&c.author);
        let mut out = vec![format!(
            "{} · {} · {}{}",
            who,
            c.written_at.format("%-d %B %Y"),
            c.body.kind(),
            c.themes
                .iter()
                .map(|t| format!(" #{t}"))
                .collect::<String>()
        )];
        let target = |to: &str| {
            circle
                .find(to)
                .map(|t| {
                    format!(
                        "{}'s {} “{}”",
                        members.name(&t.author),
                        t.body.kind(),
                        t.body.headline()
                    )
                })
                .unwrap_or_else(|_| format!("contribution {}", short_id(to)))
        };
        match &c.body {
            Body::Question { text } | Body::Learning { text } => {
                out.extend(text.lines().map(String::from))
            }
            Body::Reply { to, text } => {
                out.push(format!("in reply to {}", target(to)));
                out.extend(text.lines().map(String::from));
            }
            Body::Thanks { to } => out.push(format!("thanks for {}", target(to))),
            Body::Tombstone { removes } => out.push(format!("removed {}", short_id(removes))),
            Body::Excerpt(s) | Body::Recognition(s) | Body::Group(s) => {
                let mut head = s.title.trim().to_string();
                if head.is_empty() {
                    head = "(untitled)".into();
                }
                out.push(format!("“{head}” — {}", s.when));
                if let Some(m) = &s.model {
                    out.push(format!("Model: {m}"));
                }
                for (label, text) in &s.facts {
                    out.push(format!("{label}: {text}"));
                }
                for p in &s.parts {
                    out.push(format!("{}:", p.from));
                    out.extend(p.text.lines().map(|l| format!("  {l}")));
                }
                if !s.of.is_empty() {
                    out.push(format!("({})", s.of));
                }
                if !s.strengths.is_empty() {
                    out.push(format!("Strengths: {}", s.strengths.join(", ")));
                }
            }
        }
        out
    }
}

fn save_membership(local: &Path, m: &Membership) -> Result<(), CircleError> {
    crate::files::create_private_dir(local).map_err(|e| CircleError::io(local, e))?;
    let path = local.join(MEMBERSHIP);
    let text = serde_json::to_string_pretty(m)
        .map_err(|e| CircleError::io(&path, std::io::Error::other(e)))?;
    crate::files::write_atomically(&path, true, |out| {
        out.write_all(text.as_bytes())?;
        Ok(())
    })
    .map_err(|e| CircleError::io(&path, std::io::Error::other(format!("{e:#}"))))
}

/// The folder as an absolute path, so the record works from any working directory.
fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or(p.to_path_buf()))
}

/// The mode of a file praxis writes in a circle's shared folder: readable by the other
/// members' accounts (a network drive serves each member as their own user), written by
/// its author only. What keeps a circle closed is who the folder is shared with, and
/// `--encrypt` where others can see it; a file only its writer could read would be lost
/// to the circle there. (The files praxis keeps for a circle on this machine stay 0600.)
pub const SHARED_FILE_MODE: u32 = 0o644;

/// The mode of a folder praxis makes in a circle's shared folder: entered and listed by
/// the other members' accounts, written by its member only.
pub const SHARED_DIR_MODE: u32 = 0o755;

/// Makes a folder of the shared folder (and its missing parents) with
/// [`SHARED_DIR_MODE`], whatever the umask.
pub(crate) fn create_shared_dir(dir: &Path) -> Result<(), CircleError> {
    crate::files::create_dir_with_mode(dir, SHARED_DIR_MODE).map_err(|e| CircleError::io(dir, e))
}

/// Writes a file of the shared folder atomically, with [`SHARED_FILE_MODE`] from the
/// moment it has its name; an existing one is replaced only with `force`.
pub(crate) fn write_shared(path: &Path, bytes: &[u8], force: bool) -> Result<(), CircleError> {
    crate::files::write_atomically_with_mode(path, force, SHARED_FILE_MODE, |out| {
        out.write_all(bytes)?;
        Ok(())
    })
    .map_err(|e| CircleError::io(path, std::io::Error::other(format!("{e:#}"))))
}

/// A folder's time as the index keeps it: 0 ("list it again next time") while it is within
/// a few seconds of the clock, as a file added in the same tick of a coarse clock (two
/// seconds on a memory stick's FAT) would leave it unchanged.
fn settled(mtime: i64, meta: &std::fs::Metadata, wall: std::time::SystemTime) -> i64 {
    let recent = meta
        .modified()
        .ok()
        .is_none_or(|t| wall.duration_since(t).map_or(true, |d| d.as_secs() < 3));
    if recent { 0 } else { mtime }
}

/// A file's modification time in nanoseconds since the epoch (0 when unknown).
fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The time in a contribution file's name (`20260318T200000000Z-…`) as RFC 3339, or the
/// name itself when it holds none.
fn time_of_name(stem: &str) -> String {
    let t = stem.split('-').next().unwrap_or("");
    chrono::NaiveDateTime::parse_from_str(t, "%Y%m%dT%H%M%S%3fZ")
        .map(|n| {
            n.and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_default()
}
