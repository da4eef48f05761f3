//! Checking a journal without changing it (`praxis doctor`), and rebuilding the search
//! index on request.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::migrate::MIGRATIONS;
use super::{APPLICATION_ID, LATEST_VERSION, Result, Store};

/// One finding of a health check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub ok: bool,
    pub check: String,
    pub detail: String,
}

impl Finding {
    fn ok(check: &str, detail: impl Into<String>) -> Self {
        Finding {
            ok: true,
            check: check.into(),
            detail: detail.into(),
        }
    }

    fn problem(check: &str, detail: impl Into<String>) -> Self {
        Finding {
            ok: false,
            check: check.into(),
            detail: detail.into(),
        }
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt as _;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn mode(_: &Path) -> Option<u32> {
    None
}

/// Runs every check on the journal at `path`, reading only.
#[must_use]
pub fn diagnose(path: &Path, unlock: &super::Unlock) -> Vec<Finding> {
    let mut out = Vec::new();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            out.push(Finding::problem(
                "file",
                if e.kind() == std::io::ErrorKind::NotFound {
                    format!(
                        "{} does not exist (praxis creates it on first use)",
                        path.display()
                    )
                } else {
                    // "Not a directory", "Permission denied": praxis could not create it.
                    format!("{} cannot be used: {e}", path.display())
                },
            ));
            return out;
        }
    };
    if !meta.is_file() {
        // Reading a FIFO would wait for ever; a device is no journal, and no advice about
        // its permissions applies.
        out.push(Finding::problem(
            "file",
            format!(
                "{} cannot be a journal: {}; point --db or PRAXIS_DB at a journal file",
                path.display(),
                crate::files::not_a_regular_file(&meta)
            ),
        ));
        return out;
    }
    if let Err(e) = rustix::fs::access(path, rustix::fs::Access::READ_OK) {
        out.push(Finding::problem(
            "file",
            format!(
                "{} cannot be read by you ({}): a journal should be yours, with mode 600 \
                 (`ls -l {}` shows its owner and mode)",
                path.display(),
                std::io::Error::from(e),
                path.display()
            ),
        ));
        return out;
    }
    out.push(Finding::ok(
        "file",
        format!("{} ({} bytes)", path.display(), meta.len()),
    ));
    if let Some(why) = unwritable(path) {
        out.push(Finding::problem("writable", why));
    }
    if super::disk_full(path) {
        out.push(Finding::problem(
            "disk",
            "the disk holding the journal is full: praxis can show the journal but cannot save \
             anything; free some space",
        ));
    }
    if let Some(m) = mode(path) {
        if m & 0o077 == 0 {
            out.push(Finding::ok(
                "permissions",
                format!("journal file is private ({m:o})"),
            ));
        } else {
            out.push(Finding::problem(
                "permissions",
                format!(
                    "others can read the journal file (mode {m:o}): run `chmod 600 {}`",
                    path.display()
                ),
            ));
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Some(m) = mode(dir)
        && m & 0o077 != 0
    {
        out.push(Finding::problem(
            "permissions",
            format!(
                "the journal's directory {} is open to others (mode {m:o}): consider `chmod 700` on it",
                dir.display()
            ),
        ));
    }
    // A rollback journal left beside it (an import runs with one, see store::Importer)
    // means a write was cut off: a read-only check cannot undo it, and would report the
    // journal unreadable. The next praxis to open the journal undoes it.
    let mut rollback = path.as_os_str().to_owned();
    rollback.push("-journal");
    if fs::metadata(&rollback).is_ok_and(|m| m.len() > 0) {
        out.push(Finding::problem(
            "interrupted",
            format!(
                "{} was left by a praxis that stopped while writing (an import?): the next \
                 praxis command undoes that write, leaving the journal as it was before it; \
                 run `praxis list`, then `praxis doctor` again",
                PathBuf::from(rollback).display()
            ),
        ));
        return out;
    }
    // Read as any praxis reads a journal it cannot write (see `Store::open`): where
    // nothing can be written beside it, as it is on disk.
    let conn = match super::open_reading(path, unlock) {
        Ok(c) => c,
        Err(super::StoreError::NotAJournal { .. }) => {
            out.push(Finding::problem(
                "format",
                if matches!(super::probe(path), super::Lock::Encrypted { .. }) {
                    "the file is not an SQLite database as it stands: it is an encrypted journal \
                     (give its passphrase on a terminal, with --passphrase-fd N or \
                     PRAXIS_PASSPHRASE_FILE), or it is damaged"
                } else {
                    "the file is not an SQLite database: it may be damaged, or another kind of file"
                },
            ));
            return out;
        }
        Err(e) => {
            out.push(Finding::problem("open", format!("cannot open it: {e}")));
            return out;
        }
    };
    if unlock.is_encrypted() {
        // Every page's HMAC, before SQLite's own check of what the pages hold.
        let failed: rusqlite::Result<Vec<String>> = conn
            .prepare("PRAGMA cipher_integrity_check")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect());
        match failed {
            Ok(f) if f.is_empty() => out.push(Finding::ok(
                "encryption",
                "encrypted (SQLCipher 4: AES-256 and HMAC-SHA512 on every page); every page \
                 is authentic",
            )),
            Ok(f) => out.push(Finding::problem(
                "encryption",
                format!(
                    "{} page{} failed the authentication check ({}): the file is damaged or \
                     was altered; `praxis backup restore` brings back the latest good backup",
                    f.len(),
                    if f.len() == 1 { "" } else { "s" },
                    f.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
                ),
            )),
            Err(e) => out.push(Finding::problem(
                "encryption",
                format!("the check could not run: {e}"),
            )),
        }
    }
    let pragma = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    match (pragma("PRAGMA application_id"), pragma("PRAGMA user_version")) {
        (Ok(app), Ok(v)) if app == APPLICATION_ID && v <= LATEST_VERSION => {
            out.push(Finding::ok("version", format!("journal version {v}")));
        }
        (Ok(app), Ok(v)) if app == APPLICATION_ID => out.push(Finding::problem(
            "version",
            format!("journal version {v} was written by a newer praxis (this one understands {LATEST_VERSION})"),
        )),
        (Ok(0), Ok(0)) => out.push(Finding::ok("version", "a new, empty journal")),
        (Ok(_), Ok(_)) => {
            out.push(Finding::problem("format", "this is another program's SQLite database"));
            return out;
        }
        (Err(e), _) | (_, Err(e)) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            out.push(Finding::problem(
                "format",
                "the file is not an SQLite database: it may be damaged, or another kind of file",
            ));
            return out;
        }
        (Err(e), _) | (_, Err(e)) => {
            out.push(Finding::problem("format", format!("cannot read the journal header: {e}")));
            return out;
        }
    }
    // One pass of SQLite's full check: the file's pages, records and indexes, then the
    // search index against the entries (read only, so it runs on a read-only journal too).
    let (whole, index) = match super::backups::check_pages(&conn, true) {
        Ok(found) if found.damage.is_empty() => {
            out.push(Finding::ok("integrity", "SQLite integrity check passed"));
            (true, Some(found.search_index))
        }
        Ok(found) => {
            out.push(Finding::problem(
                "integrity",
                format!(
                    "SQLite found damage: {}. `praxis export --all -o FILE` may still save \
                     what can be read; `praxis backup restore` brings back the latest good \
                     backup (the damaged journal is moved aside, not deleted)",
                    super::backups::Checked::said(&found.damage)
                ),
            ));
            // In a damaged file the search index cannot be told apart from the damage.
            (false, None)
        }
        Err(e) => {
            out.push(Finding::problem(
                "integrity",
                format!("the check could not run: {e}"),
            ));
            (true, None)
        }
    };
    let fk: rusqlite::Result<i64> = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut s| Ok(s.query_map([], |_| Ok(()))?.count() as i64));
    match fk {
        Ok(0) => out.push(Finding::ok("links", "every part belongs to an entry")),
        Ok(n) => out.push(Finding::problem(
            "links",
            format!("{n} parts point at entries that do not exist"),
        )),
        Err(e) => out.push(Finding::problem(
            "links",
            format!("the check could not run: {e}"),
        )),
    }
    out.extend(super::practice::kinds_check(&conn));
    match index {
        Some(found) if found.is_empty() => {
            out.push(Finding::ok("search index", "matches the entries"));
        }
        Some(found) => out.push(Finding::problem(
            "search index",
            format!(
                "does not match the entries ({}): run `praxis doctor --rebuild-index`",
                super::backups::Checked::said(&found)
            ),
        )),
        None if whole => {}
        None => out.push(Finding::problem(
            "search index",
            "not checked: the journal is damaged (see above)",
        )),
    }
    if whole {
        match unreadable_dates(&conn) {
            Ok(found) if found.is_empty() => {
                out.push(Finding::ok("dates", "every date and time can be read back"));
            }
            Ok(found) => out.push(Finding::problem("dates", dates_problem(&found))),
            Err(e) => out.push(Finding::problem(
                "dates",
                format!("the check could not run: {e}"),
            )),
        }
        match misspelt_tags(&conn) {
            Ok(found) if found.is_empty() => {
                out.push(Finding::ok("tags", "every tag is written as praxis writes tags"));
            }
            Ok(found) => out.push(Finding::problem(
                "tags",
                format!(
                    "{} tag{} not written as praxis writes tags ({}): an import of an earlier \
                     praxis let {} in; `praxis edit ID` writes an entry's tags as praxis does when you save a change to it",
                    found.len(),
                    if found.len() == 1 { " is" } else { "s are" },
                    found
                        .iter()
                        .take(3)
                        .map(|(id, why)| format!("entry {id}: {why}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                    if found.len() == 1 { "it" } else { "them" }
                ),
            )),
            Err(e) => out.push(Finding::problem(
                "tags",
                format!("the check could not run: {e}"),
            )),
        }
    }
    out.extend(schema_finding(&conn));
    out.extend(super::counts::finding(&conn));
    if let Ok(n) = pragma("SELECT count(*) FROM entries WHERE deleted_at IS NULL") {
        let trashed =
            pragma("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").unwrap_or(0);
        out.push(Finding::ok(
            "entries",
            format!("{n} in the journal, {trashed} in the trash"),
        ));
    }
    out
}

/// The schema's objects by kind and name: the table each belongs to and the SQL that
/// made it (None for those SQLite makes itself, such as a primary key's index).
type Objects = BTreeMap<(String, String), (String, Option<String>)>;

/// Every object of `conn`'s schema but the tables SQLite keeps for itself
/// (`sqlite_sequence`, and the `sqlite_stat*` tables an ANALYZE writes); the indexes it
/// makes for a table's UNIQUE columns (`sqlite_autoindex_*`) are counted.
fn objects(conn: &Connection) -> rusqlite::Result<Objects> {
    conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master
         WHERE name <> 'sqlite_sequence' AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'",
    )?
    .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))?
    .collect()
}

/// The schema praxis makes: every step applied in order to a journal in memory, as
/// [`Store::open`] applies them to a new journal (and, one at a time, to an older one).
fn schema_made() -> rusqlite::Result<Objects> {
    let conn = Connection::open_in_memory()?;
    for m in MIGRATIONS {
        conn.execute_batch(m.sql)?;
    }
    objects(&conn)
}

/// What differs between a journal's schema and the one praxis makes for its version.
#[derive(Debug, Default)]
struct SchemaDiff {
    /// Indexes and triggers missing, with the SQL that makes them: `doctor
    /// --rebuild-index` makes them again.
    missing: Vec<(String, String, String)>,
    /// Tables missing, or objects made otherwise than praxis makes them.
    changed: Vec<String>,
    /// Objects praxis does not make (an index of your own, made with `sqlite3`).
    extra: Vec<String>,
}

fn schema_diff(conn: &Connection) -> rusqlite::Result<SchemaDiff> {
    let made = schema_made()?;
    let mut found = objects(conn)?;
    let mut diff = SchemaDiff::default();
    for ((kind, name), (table, sql)) in made {
        match found.remove(&(kind.clone(), name.clone())) {
            None => match (kind.as_str(), sql) {
                ("index" | "trigger", Some(sql)) => diff.missing.push((kind, name, sql)),
                _ => diff.changed.push(format!("{kind} {name} is missing")),
            },
            Some(held) if held == (table, sql) => {}
            Some(_) => diff
                .changed
                .push(format!("{kind} {name} is not as praxis makes it")),
        }
    }
    diff.extra = found
        .into_keys()
        .map(|(kind, name)| format!("{kind} {name}"))
        .collect();
    Ok(diff)
}

/// Whether the journal's tables, indexes and triggers are those praxis makes for its
/// version: an index dropped (or a trigger, which keeps the counts Patterns reads) by
/// another program, or lost, slows praxis or lets its counts go wrong without any other
/// check seeing it. Only for a journal of the latest version: an older one is brought
/// up to date, its schema with it, by the next praxis to write to it.
fn schema_finding(conn: &Connection) -> Option<Finding> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ok()?;
    if version != LATEST_VERSION {
        return None;
    }
    let diff = match schema_diff(conn) {
        Ok(diff) => diff,
        Err(e) => {
            return Some(Finding::problem(
                "schema",
                format!("the check could not run: {e}"),
            ));
        }
    };
    let own = if diff.extra.is_empty() {
        String::new()
    } else {
        format!(
            " (and {} of your own, which praxis leaves alone: {})",
            diff.extra.len(),
            diff.extra.join(", ")
        )
    };
    if diff.missing.is_empty() && diff.changed.is_empty() {
        return Some(Finding::ok(
            "schema",
            format!(
                "every table, index and trigger of journal version {version} is as praxis makes it{own}"
            ),
        ));
    }
    let mut said = Vec::new();
    if !diff.missing.is_empty() {
        said.push(format!(
            "{} missing ({}): `praxis doctor --rebuild-index` makes {} again",
            diff.missing
                .iter()
                .map(|(kind, name, _)| format!("{kind} {name}"))
                .collect::<Vec<_>>()
                .join(", "),
            if diff.missing.len() == 1 {
                "it is what keeps lists, searches or counts right and quick"
            } else {
                "they keep lists, searches and counts right and quick"
            },
            if diff.missing.len() == 1 {
                "it"
            } else {
                "them"
            },
        ));
    }
    if !diff.changed.is_empty() {
        said.push(format!(
            "{}: another program changed the journal's tables; `praxis export --all -o FILE` \
             then `praxis --db NEW import FILE` moves every entry into a journal made as \
             praxis makes it",
            diff.changed.join(", ")
        ));
    }
    Some(Finding::problem(
        "schema",
        format!("{}{own}", said.join("; ")),
    ))
}

/// Why praxis could not save to the journal at `path`, if it could not: asked of the
/// kernel for the file and its folder (where SQLite keeps its `-wal` and `-shm`).
fn unwritable(path: &Path) -> Option<String> {
    use rustix::io::Errno;
    let access = |p: &Path| rustix::fs::access(p, rustix::fs::Access::WRITE_OK);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let shows = "praxis can show the journal but not change it";
    match (access(path), access(dir)) {
        (Err(Errno::ROFS), _) | (_, Err(Errno::ROFS)) => Some(format!(
            "the file system holding the journal is mounted read-only: {shows}"
        )),
        (Err(Errno::ACCESS | Errno::PERM), _) => Some(format!(
            "you cannot write to the journal file: {shows}; if it is yours, `chmod 600 {}`",
            path.display()
        )),
        (_, Err(Errno::ACCESS | Errno::PERM)) => Some(format!(
            "you cannot write in the journal's folder {} (SQLite keeps its -wal and -shm \
             files there): {shows}; if it is yours, `chmod 700 {}`",
            dir.display(),
            dir.display()
        )),
        _ => None,
    }
}

/// How a column holds its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day,
    Time,
}

impl When {
    /// The shape of every value praxis writes (and reads back).
    fn shape(self) -> &'static str {
        match self {
            When::Day => "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]",
            When::Time => {
                "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*"
            }
        }
    }

    /// The nearest value that can be read, for one past the year 9999 (or before 1).
    fn nearest(self, past: bool) -> &'static str {
        match (self, past) {
            (When::Day, true) => "9999-12-31",
            (When::Day, false) => "0001-01-01",
            (When::Time, true) => "9999-12-31T23:59:59Z",
            (When::Time, false) => "0001-01-01T00:00:00Z",
        }
    }
}

/// Every column holding a date or a time: table, column, its kind, and the column naming
/// the entry it belongs to (None: it belongs to none).
const DATE_COLUMNS: [(&str, &str, When, Option<&str>); 20] = [
    ("entries", "occurred_on", When::Day, Some("id")),
    ("entries", "created_at", When::Time, Some("id")),
    ("entries", "updated_at", When::Time, Some("id")),
    ("entries", "deleted_at", When::Time, Some("id")),
    ("actions", "due_on", When::Day, Some("entry_id")),
    ("actions", "done_on", When::Day, Some("entry_id")),
    ("actions", "created_at", When::Time, Some("entry_id")),
    ("actions", "updated_at", When::Time, Some("entry_id")),
    ("supervision", "session_on", When::Day, Some("entry_id")),
    ("callins", "held_on", When::Day, Some("entry_id")),
    ("callins", "follow_up_on", When::Day, Some("entry_id")),
    ("callins", "followed_up_on", When::Day, Some("entry_id")),
    ("stage_notes", "review_on", When::Day, Some("entry_id")),
    ("recognitions", "said_on", When::Day, Some("entry_id")),
    ("ruptures", "repair_tried_on", When::Day, Some("entry_id")),
    ("ruptures", "closed_on", When::Day, Some("entry_id")),
    ("positive_risks", "review_on", When::Day, Some("entry_id")),
    ("risk_reviews", "reviewed_on", When::Day, Some("entry_id")),
    ("subjects", "created_at", When::Time, None),
    ("drafts", "updated_at", When::Time, None),
];

/// A stored date or time praxis cannot read back: where it is, and what it holds.
#[derive(Debug)]
struct BadDate {
    column: String,
    entry: Option<String>,
    value: String,
}

/// Whether the journal has the table `name`.
pub(super) fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [name],
        |r| r.get(0),
    )
}

/// Dates and times not in the shape praxis writes (a year past 9999 is `+10000-…`), at
/// most a hundred of them.
fn unreadable_dates(conn: &Connection) -> rusqlite::Result<Vec<BadDate>> {
    let mut found = Vec::new();
    for (table, column, when, entry) in DATE_COLUMNS {
        // A journal of an older version (doctor reads it as it is) lacks later tables.
        if !has_table(conn, table)? {
            continue;
        }
        let entry = entry.map_or_else(
            || "NULL".to_string(),
            |c| format!("(SELECT uuid FROM entries WHERE id = t.{c})"),
        );
        let sql = format!(
            "SELECT {entry}, t.{column} FROM {table} t
             WHERE t.{column} IS NOT NULL AND NOT (t.{column} GLOB '{}') LIMIT 100",
            when.shape()
        );
        let mut st = conn.prepare(&sql)?;
        let rows = st.query_map([], |r| {
            Ok(BadDate {
                column: format!("{table}.{column}"),
                entry: r
                    .get::<_, Option<String>>(0)?
                    .map(|u| u.chars().filter(|c| *c != '-').take(8).collect()),
                value: r.get(1)?,
            })
        })?;
        for row in rows {
            found.push(row?);
        }
    }
    found.truncate(100);
    Ok(found)
}

/// Tags that break the one rule for tags ([`crate::model::compose::check_tag`]), each with
/// an entry that holds it and why.
fn misspelt_tags(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT g.tag, (SELECT uuid FROM entries WHERE id = g.entry)
         FROM (SELECT tag, min(entry_id) AS entry FROM entry_tags GROUP BY tag) g",
    )?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (tag, uuid) = row?;
        if let Err(why) = crate::model::compose::check_tag(&tag) {
            found.push((uuid.chars().filter(|c| *c != '-').take(8).collect(), why));
        }
    }
    Ok(found)
}

/// What `praxis doctor` says about dates it cannot read, and what to do.
fn dates_problem(found: &[BadDate]) -> String {
    let shown: Vec<String> = found
        .iter()
        .take(3)
        .map(|b| match &b.entry {
            Some(id) => format!("entry {id}, {} {:?}", b.column, b.value),
            None => format!("{} {:?}", b.column, b.value),
        })
        .collect();
    let n = found.len();
    let fixable = found.iter().all(|b| b.value.starts_with(['+', '-']));
    format!(
        "{}{n} date{} cannot be read back ({}{}): {}",
        if n >= 100 { "at least " } else { "" },
        if n == 1 { "" } else { "s" },
        shown.join("; "),
        if n > 3 { "; …" } else { "" },
        if fixable {
            "they are past the year 9999 or before the year 1, which an import of an earlier \
             praxis let in; `praxis doctor --fix-dates` sets each to the nearest date that \
             can be read"
        } else {
            "they were not written by praxis; `praxis backup restore` brings back the latest \
             good backup"
        }
    )
}

impl Store {
    /// Sets every stored date past the year 9999 (or before the year 1) to the nearest
    /// one that can be read, in one transaction; returns how many were set. Values of any
    /// other shape are left as they are.
    pub fn fix_dates(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for (table, column, when, _) in DATE_COLUMNS {
            if !has_table(&tx, table)? {
                continue;
            }
            n += tx.execute(
                &format!(
                    "UPDATE {table} SET {column} = CASE WHEN {column} GLOB '+*' THEN ?1 ELSE ?2 END
                     WHERE {column} IS NOT NULL AND NOT ({column} GLOB '{}')
                       AND ({column} GLOB '+[0-9]*' OR {column} GLOB '-[0-9]*')",
                    when.shape()
                ),
                [when.nearest(true), when.nearest(false)],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Makes again the indexes and triggers of the journal's version that are missing
    /// from it (see `praxis doctor`), in one transaction; returns their names. Before the
    /// kept counts are rebuilt: the triggers keep them as entries are written.
    pub fn restore_schema(&mut self) -> Result<Vec<String>> {
        if self.schema_version()? != LATEST_VERSION {
            return Ok(Vec::new());
        }
        let tx = self.conn.transaction()?;
        let diff = schema_diff(&tx)?;
        let mut made = Vec::new();
        for (kind, name, sql) in diff.missing {
            // Indexes praxis makes with their own SQL are none of them UNIQUE (a table's
            // UNIQUE ids have SQLite's own index, which a changed table lost with it), so
            // only a damaged file or a full disk stops one being made again.
            tx.execute_batch(&sql).map_err(|e| {
                super::StoreError::Damaged(format!(
                    "the {kind} {name} cannot be made again ({e}); nothing was changed: \
                     `praxis doctor` says whether the file is damaged, and `praxis backup \
                     restore` brings back the latest good backup"
                ))
            })?;
            made.push(format!("{kind} {name}"));
        }
        tx.commit()?;
        Ok(made)
    }

    /// Rebuilds the full-text index from the entries, in one transaction.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }
}
