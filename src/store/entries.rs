//! Entries and their parts: write in one transaction, read a page at a time.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};
use serde::Serialize;

use super::held::Tx;
use super::rows::{
    SUMMARY_COLUMNS, conv, date, day, id_list, id_match, opt_date, opt_time, summary_from_row,
    time, ts, uuid, word,
};
use super::{Result, Store, StoreError};
use crate::model::{
    Action, ActionStatus, CheckIn, Entry, EntryKind, EntrySummary, Section, StrengthTag,
};

/// A name entries carry, with an index by name and day.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Name<'a> {
    Tag(&'a str),
    Strength(&'a str),
}

/// Which entries a list or search includes.
#[derive(Debug, Clone, Default)]
pub struct EntryFilter {
    pub kind: Option<EntryKind>,
    pub strength: Option<String>,
    pub tag: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub for_supervision: Option<bool>,
    /// The trash instead of the journal.
    pub trashed: bool,
}

/// How often a strength was tagged, by whose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthCount {
    pub name: String,
    pub mine: i64,
    pub person: i64,
    pub team: i64,
    /// Seen in a colleague (recognition given).
    pub colleague: i64,
}

/// A name and how many entries carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: i64,
}

/// Builds the WHERE clause of a filter; values are bound, never spliced.
pub(crate) fn filter_sql(f: &EntryFilter, args: &mut Vec<Box<dyn rusqlite::ToSql>>) -> String {
    let mut w = vec![if f.trashed {
        "e.deleted_at IS NOT NULL".to_string()
    } else {
        "e.deleted_at IS NULL".to_string()
    }];
    if let Some(k) = f.kind {
        args.push(Box::new(k.as_str()));
        w.push(format!("e.kind = ?{}", args.len()));
    }
    if let Some(s) = &f.since {
        args.push(Box::new(day(*s)));
        w.push(format!("e.occurred_on >= ?{}", args.len()));
    }
    if let Some(u) = &f.until {
        args.push(Box::new(day(*u)));
        w.push(format!("e.occurred_on <= ?{}", args.len()));
    }
    if let Some(s) = &f.strength {
        args.push(Box::new(s.clone()));
        w.push(format!(
            "EXISTS (SELECT 1 FROM entry_strengths s WHERE s.entry_id = e.id AND s.strength = ?{})",
            args.len()
        ));
    }
    if let Some(t) = &f.tag {
        args.push(Box::new(t.clone()));
        w.push(format!(
            "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ?{})",
            args.len()
        ));
    }
    if let Some(fs) = f.for_supervision {
        w.push(format!("e.for_supervision = {}", i32::from(fs)));
    }
    w.join(" AND ")
}

impl Store {
    /// Saves a new entry with all its parts in one transaction; returns its row id. An
    /// entry with its id in the journal already was saved by someone else meanwhile (two
    /// windows writing it): that is a conflict to resolve, and nothing is written.
    pub fn insert_entry(&mut self, e: &Entry) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let Some(rowid) =
            insert_new_entry_tx(Tx::new(&tx), e, &e.sections_text(), Ids::Indexed, false)?
        else {
            return Err(StoreError::Conflict(e.short_id()));
        };
        tx.commit()?;
        Ok(rowid)
    }

    /// Saves many new entries with all their parts in one transaction (all or none);
    /// returns how many were written. For imports and benchmarks: one commit per batch
    /// instead of one per entry.
    pub fn insert_entries(&mut self, entries: &[Entry]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        for e in entries {
            insert_entry_tx(&tx, e)?;
        }
        tx.commit()?;
        Ok(entries.len())
    }

    /// Saves changes to an existing entry, refusing if it changed since `e.version` was
    /// read. Returns the entry as saved (new version and update time).
    pub fn update_entry(&mut self, e: &Entry, now: DateTime<Utc>) -> Result<Entry> {
        checked(e)?;
        let tx = self.conn.transaction()?;
        let rowid = update_entry_tx(&tx, e, now)?;
        tx.commit()?;
        self.entry_by_rowid(rowid)
    }

    /// The full entry behind a row id.
    pub fn entry_by_rowid(&self, rowid: i64) -> Result<Entry> {
        self.entries_by_rowids(&[rowid])?
            .pop()
            .ok_or_else(|| StoreError::NotFound(rowid.to_string()))
    }

    /// The full entries behind row ids, in the order given (an id without an entry is
    /// NotFound). Each table of parts is read once for all of them, a dozen statements
    /// in all, where reading entries one by one took a dozen each: exports read theirs
    /// a few hundred at a time.
    pub fn entries_by_rowids(&self, ids: &[i64]) -> Result<Vec<Entry>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let (is, key) = id_match(ids);
        let mut found: HashMap<i64, Entry> = HashMap::with_capacity(ids.len());
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, uuid, kind, model, title, body, occurred_on, created_at, updated_at,
                    scope, for_supervision, deleted_at, version
             FROM entries WHERE id {is}"
        ))?;
        let rows = stmt.query_map([&key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Entry {
                    id: uuid(r, 1)?,
                    kind: word(r, 2)?,
                    model: r.get(3)?,
                    title: r.get(4)?,
                    body: r.get(5)?,
                    sections: Vec::new(),
                    occurred_on: date(r, 6)?,
                    created_at: time(r, 7)?,
                    updated_at: time(r, 8)?,
                    scope: word(r, 9)?,
                    for_supervision: r.get(10)?,
                    deleted_at: opt_time(r, 11)?,
                    strengths: Vec::new(),
                    tags: Vec::new(),
                    checkin: None,
                    actions: Vec::new(),
                    details: crate::model::Details::None,
                    version: r.get(12)?,
                },
            ))
        })?;
        for row in rows {
            let (id, e) = row?;
            found.insert(id, e);
        }
        let c = &self.conn;
        // Each part in its order within an entry; the entries' order does not matter.
        let rows = c
            .prepare_cached(&format!(
                "SELECT entry_id, key, label, text FROM sections
                 WHERE entry_id {is} ORDER BY entry_id, ord"
            ))?
            .query_map([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Section {
                        key: r.get(1)?,
                        label: r.get(2)?,
                        text: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, s) in rows {
            if let Some(e) = found.get_mut(&id) {
                e.sections.push(s);
            }
        }
        let rows = c
            .prepare_cached(&format!(
                "SELECT entry_id, strength, whose FROM entry_strengths
                 WHERE entry_id {is} ORDER BY entry_id, strength, whose"
            ))?
            .query_map([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    StrengthTag::new(r.get::<_, String>(1)?, word(r, 2)?),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, s) in rows {
            if let Some(e) = found.get_mut(&id) {
                e.strengths.push(s);
            }
        }
        let rows = c
            .prepare_cached(&format!(
                "SELECT entry_id, tag FROM entry_tags WHERE entry_id {is} ORDER BY entry_id, tag"
            ))?
            .query_map([&key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, t) in rows {
            if let Some(e) = found.get_mut(&id) {
                e.tags.push(t);
            }
        }
        let rows = c
            .prepare_cached(&format!(
                "SELECT entry_id, mood, energy, load, carrying, word, helped FROM checkins
                 WHERE entry_id {is}"
            ))?
            .query_map([&key], |r| {
                let load: Option<String> = r.get(3)?;
                let carrying: Option<String> = r.get(4)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    CheckIn {
                        mood: r.get(1)?,
                        energy: r.get(2)?,
                        load: load
                            .map(|s| conv(3, s.parse().map_err(std::io::Error::other)))
                            .transpose()?,
                        carrying: carrying
                            .map(|s| conv(4, s.parse().map_err(std::io::Error::other)))
                            .transpose()?,
                        word: r.get(5)?,
                        helped: r.get(6)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, ci) in rows {
            if let Some(e) = found.get_mut(&id) {
                e.checkin = Some(ci);
            }
        }
        let rows = c
            .prepare_cached(&format!(
                "SELECT entry_id, uuid, text, owner, due_on, status, blocker, done_on
                 FROM actions WHERE entry_id {is} ORDER BY entry_id, ord, id"
            ))?
            .query_map([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Action {
                        id: uuid(r, 1)?,
                        text: r.get(2)?,
                        owner: r.get(3)?,
                        due_on: opt_date(r, 4)?,
                        status: word::<ActionStatus>(r, 5)?,
                        blocker: r.get(6)?,
                        done_on: opt_date(r, 7)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (id, a) in rows {
            if let Some(e) = found.get_mut(&id) {
                e.actions.push(a);
            }
        }
        // Typed details, for the kinds that have them.
        let mut by_kind: Vec<(EntryKind, Vec<i64>)> = Vec::new();
        for (id, e) in &found {
            match by_kind.iter_mut().find(|(k, _)| *k == e.kind) {
                Some((_, ids)) => ids.push(*id),
                None => by_kind.push((e.kind, vec![*id])),
            }
        }
        for (id, d) in self.read_details(&by_kind)? {
            if let Some(e) = found.get_mut(&id) {
                e.details = d;
            }
        }
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match found.remove(id) {
                Some(e) => out.push(e),
                None => {
                    // Asked for twice: the same entry again.
                    let again = ids
                        .iter()
                        .position(|x| x == id)
                        .and_then(|first| out.get(first).cloned());
                    out.push(again.ok_or_else(|| StoreError::NotFound(id.to_string()))?);
                }
            }
        }
        Ok(out)
    }

    /// Finds the row id of an entry from a full id or a unique prefix of it.
    pub fn resolve_id(&self, typed: &str) -> Result<i64> {
        let prefix = normalise_id(typed)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid FROM entries WHERE uuid >= ?1 AND uuid < ?1 || 'g' ORDER BY uuid LIMIT 6",
        )?;
        let found: Vec<(i64, String)> = stmt
            .query_map([&prefix], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        match found.as_slice() {
            [] => Err(StoreError::NotFound(typed.trim().to_string())),
            [(rowid, _)] => Ok(*rowid),
            many => {
                // Long enough to tell every candidate apart (they are sorted, so comparing
                // neighbours suffices), and never shorter than `1a2b3c4d-5e6f`.
                let shown = many
                    .windows(2)
                    .map(|w| {
                        let same = w[0]
                            .1
                            .bytes()
                            .zip(w[1].1.bytes())
                            .take_while(|(a, b)| a == b);
                        same.count() + 1
                    })
                    .fold(13, usize::max)
                    .min(36);
                Err(StoreError::Ambiguous {
                    prefix: typed.trim().to_string(),
                    candidates: many
                        .iter()
                        .map(|(_, u)| u[..shown.min(u.len())].to_string())
                        .collect(),
                })
            }
        }
    }

    /// A page of entries, newest first. `after` is the last (date, row id) of the previous
    /// page: keyset paging, so every page costs the same however deep. With a tag or a
    /// strength, the page is read from that name's index by day, not by walking every
    /// entry by date to find the few that carry it.
    pub fn list_entries(
        &self,
        filter: &EntryFilter,
        after: Option<(NaiveDate, i64)>,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        if let Some(t) = &filter.tag {
            return self.newest_named(Name::Tag(t), filter, after, limit);
        }
        if let Some(s) = &filter.strength {
            return self.newest_named(Name::Strength(s), filter, after, limit);
        }
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut wh = filter_sql(filter, &mut args);
        if let Some((d, id)) = after {
            args.push(Box::new(day(d)));
            args.push(Box::new(id));
            wh.push_str(&format!(
                " AND (e.occurred_on, e.id) < (?{}, ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        // One order for journal and trash, so the (date, id) cursor pages both.
        let order = "e.occurred_on DESC, e.id DESC";
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e WHERE {wh} ORDER BY {order} LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The newest entries carrying a tag or a strength that pass `filter` (whose own tag
    /// or strength, if it is the name, is not asked again), after `after`: read from the
    /// name's index by day, newest first, so the cost follows the page, not the journal.
    pub(crate) fn newest_named(
        &self,
        name: Name<'_>,
        filter: &EntryFilter,
        after: Option<(NaiveDate, i64)>,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        let (table, column, value) = match name {
            Name::Tag(t) => ("entry_tags", "tag", t),
            Name::Strength(s) => ("entry_strengths", "strength", s),
        };
        let mut rest = filter.clone();
        match name {
            Name::Tag(t) if rest.tag.as_deref() == Some(t) => rest.tag = None,
            Name::Strength(s) if rest.strength.as_deref() == Some(s) => rest.strength = None,
            _ => {}
        }
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(value.to_string())];
        let mut wh = filter_sql(&rest, &mut args);
        // The day bounds on the name's own day too: a range of its index.
        if let Some(since) = rest.since {
            args.push(Box::new(day(since)));
            wh.push_str(&format!(" AND x.occurred_on >= ?{}", args.len()));
        }
        if let Some(until) = rest.until {
            args.push(Box::new(day(until)));
            wh.push_str(&format!(" AND x.occurred_on <= ?{}", args.len()));
        }
        if let Some((d, id)) = after {
            args.push(Box::new(day(d)));
            args.push(Box::new(id));
            wh.push_str(&format!(
                " AND (x.occurred_on, x.entry_id) < (?{}, ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        // A strength may be tagged twice on one entry (mine and the person's): one row
        // each, side by side in the index, so DISTINCT keeps the first.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e WHERE e.id IN (
                 SELECT DISTINCT x.entry_id FROM {table} x CROSS JOIN entries e ON e.id = x.entry_id
                 WHERE x.{column} = ?1 AND {wh}
                 ORDER BY x.occurred_on DESC, x.entry_id DESC LIMIT ?{})
             ORDER BY e.occurred_on DESC, e.id DESC",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The summaries of the entries with these row ids (those that exist), in one query.
    pub fn summaries_by_rowid(
        &self,
        ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, EntrySummary>> {
        if ids.is_empty() {
            return Ok(std::collections::HashMap::new());
        }
        let list = id_list(ids);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e
             WHERE e.id IN (SELECT value FROM json_each(?1))"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([list], |r| summary_from_row(r).map(|s| (s.rowid, s)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// How many entries match a filter: by kind, in the journal or the trash, from the
    /// counts kept as the journal is written; other filters count their entries.
    pub fn count_entries(&self, filter: &EntryFilter) -> Result<i64> {
        if let Some(n) = self.kept_count(filter)? {
            return Ok(n);
        }
        if let Some(n) = self.named_count(filter)? {
            return Ok(n);
        }
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let wh = filter_sql(filter, &mut args);
        let sql = format!("SELECT count(*) FROM entries e WHERE {wh}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// Live entries carrying one topic tag or one strength, and narrowed no other way,
    /// counted from the name's index (the trash left out by id, from its own index);
    /// None for any other filter. Asked per entry, the tag would read every live entry's
    /// row (its text comes before `deleted_at`): 95 ms for a tag at 100,000 entries, 1 ms
    /// from the index.
    fn named_count(&self, f: &EntryFilter) -> Result<Option<i64>> {
        if f.trashed
            || f.kind.is_some()
            || f.since.is_some()
            || f.until.is_some()
            || f.for_supervision.is_some()
        {
            return Ok(None);
        }
        let (sql, name) = match (&f.tag, &f.strength) {
            (Some(t), None) => (
                "SELECT count(*) FROM entry_tags WHERE tag = ?1
                 AND entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)",
                t,
            ),
            (None, Some(s)) => (
                "SELECT count(DISTINCT entry_id) FROM entry_strengths WHERE strength = ?1
                 AND entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)",
                s,
            ),
            _ => return Ok(None),
        };
        Ok(Some(
            self.conn
                .prepare_cached(sql)?
                .query_row([name], |r| r.get(0))?,
        ))
    }

    /// Moves an entry to the trash. Returns false if it was already there.
    pub fn trash_entry(&mut self, rowid: i64, now: DateTime<Utc>) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE entries SET deleted_at = ?2, version = version + 1
             WHERE id = ?1 AND deleted_at IS NULL",
            params![rowid, ts(now)],
        )?;
        Ok(n == 1)
    }

    /// Takes an entry out of the trash. Returns false if it was not in it.
    pub fn restore_entry(&mut self, rowid: i64) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE entries SET deleted_at = NULL, version = version + 1
             WHERE id = ?1 AND deleted_at IS NOT NULL",
            [rowid],
        )?;
        Ok(n == 1)
    }

    /// Deletes every trashed entry for good, in one transaction. Returns how many.
    pub fn empty_trash(&mut self) -> Result<usize> {
        self.delete_trashed(None)
    }

    /// Deletes one entry of the trash for good. Returns false if it was not in the trash
    /// (a live entry is moved there first, by [`Store::trash_entry`]).
    pub fn delete_for_good(&mut self, rowid: i64) -> Result<bool> {
        Ok(self.delete_trashed(Some(rowid))? == 1)
    }

    /// Deletes the trashed entries (`only` the one, or all) for good, with everything
    /// that hangs on them and any unsaved edit of them among the drafts, in one
    /// transaction. Returns how many entries.
    fn delete_trashed(&mut self, only: Option<i64>) -> Result<usize> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM drafts WHERE entry_uuid IN (
                 SELECT uuid FROM entries
                 WHERE deleted_at IS NOT NULL AND (?1 IS NULL OR id = ?1))",
            [only],
        )?;
        let n = tx.execute(
            "DELETE FROM entries WHERE deleted_at IS NOT NULL AND (?1 IS NULL OR id = ?1)",
            [only],
        )?;
        tx.commit()?;
        // The pages as they were before (the deleted text in them) stay in the
        // write-ahead log until it is checkpointed and cut short: done now, when no
        // reader holds an older view (otherwise at the next checkpoint).
        if n > 0 {
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        Ok(n)
    }

    /// Strength use in live entries, most used first.
    pub fn strength_counts(&self) -> Result<Vec<StrengthCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.strength,
                    sum(s.whose = 'mine'), sum(s.whose = 'person'), sum(s.whose = 'team'),
                    sum(s.whose = 'colleague')
             FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
             WHERE e.deleted_at IS NULL
             GROUP BY s.strength ORDER BY count(*) DESC, s.strength",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StrengthCount {
                    name: r.get(0)?,
                    mine: r.get(1)?,
                    person: r.get(2)?,
                    team: r.get(3)?,
                    colleague: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Topic tags in live entries, most used first.
    pub fn tag_counts(&self) -> Result<Vec<NameCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.tag, count(*) FROM entry_tags t JOIN entries e ON e.id = t.entry_id
             WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(NameCount {
                    name: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

pub(crate) fn action_from_row(r: &Row<'_>) -> rusqlite::Result<Action> {
    Ok(Action {
        id: uuid(r, 0)?,
        text: r.get(1)?,
        owner: r.get(2)?,
        due_on: opt_date(r, 3)?,
        status: word::<ActionStatus>(r, 4)?,
        blocker: r.get(5)?,
        done_on: opt_date(r, 6)?,
    })
}

/// Accepts `1a2b3c4d`, `1A2B-3C4D…` or a full UUID; returns the lowercase hyphenated prefix.
fn normalise_id(typed: &str) -> Result<String> {
    let hex: String = typed
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if hex.len() < 4 || hex.len() > 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(StoreError::BadId(typed.trim().to_string()));
    }
    let mut out = String::with_capacity(36);
    for (i, c) in hex.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    Ok(out)
}

/// Saves changes to an existing entry inside an open transaction, refusing if it
/// changed since `e.version` was read. Returns its row id.
pub(crate) fn update_entry_tx(tx: &Connection, e: &Entry, now: DateTime<Utc>) -> Result<i64> {
    let n = tx.execute(
        "UPDATE entries SET kind = ?1, model = ?2, title = ?3, body = ?4, sections_text = ?5,
                occurred_on = ?6, updated_at = ?7, scope = ?8, for_supervision = ?9,
                version = version + 1
             WHERE uuid = ?10 AND version = ?11",
        params![
            e.kind.as_str(),
            e.model,
            e.title,
            e.body,
            e.sections_text(),
            day(e.occurred_on),
            ts(now),
            e.scope.as_str(),
            e.for_supervision,
            e.id.to_string(),
            e.version,
        ],
    )?;
    if n == 0 {
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM entries WHERE uuid = ?1",
                [e.id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        return Err(match exists {
            Some(_) => StoreError::Conflict(e.short_id()),
            None => StoreError::NotFound(e.short_id()),
        });
    }
    let rowid: i64 = tx.query_row(
        "SELECT id FROM entries WHERE uuid = ?1",
        [e.id.to_string()],
        |r| r.get(0),
    )?;
    for table in PART_TABLES {
        tx.execute(&format!("DELETE FROM {table} WHERE entry_id = ?1"), [rowid])?;
    }
    write_parts(Tx::new(tx), rowid, e, now, false, Ids::Indexed)?;
    Ok(rowid)
}

/// Overwrites a stored entry (found by its uuid) with `e` in full, inside an open
/// transaction: the import of a newer version of the same entry.
pub(crate) fn replace_entry_tx(tx: &Connection, rowid: i64, e: &Entry) -> Result<()> {
    checked(e)?;
    tx.prepare_cached(
        "UPDATE entries SET kind = ?2, model = ?3, title = ?4, body = ?5, sections_text = ?6,
            occurred_on = ?7, created_at = ?8, updated_at = ?9, scope = ?10,
            for_supervision = ?11, deleted_at = ?12, version = version + 1
         WHERE id = ?1",
    )?
    .execute(params![
        rowid,
        e.kind.as_str(),
        e.model,
        e.title,
        e.body,
        e.sections_text(),
        day(e.occurred_on),
        ts(e.created_at),
        ts(e.updated_at),
        e.scope.as_str(),
        e.for_supervision,
        e.deleted_at.map(ts),
    ])?;
    for table in PART_TABLES {
        tx.execute(&format!("DELETE FROM {table} WHERE entry_id = ?1"), [rowid])?;
    }
    write_parts(Tx::new(tx), rowid, e, e.updated_at, false, Ids::Indexed)
}

/// Refuses an entry that breaks the rules every entry keeps ([`Entry::check`]): nothing is
/// written that the journal could not read back.
fn checked(e: &Entry) -> Result<()> {
    e.check().map_err(|reason| StoreError::Invalid {
        id: e.short_id(),
        reason,
    })
}

/// Tables holding the parts of an entry that are rewritten whole on every save.
const PART_TABLES: [&str; 17] = [
    "sections",
    "entry_strengths",
    "entry_tags",
    "checkins",
    "change_talk",
    "stage_notes",
    "callins",
    "agenda_items",
    "supervision",
    "cpd",
    // The practice kinds (PRACTICE.md §12).
    "recognitions",
    "feedback",
    "ruptures",
    "positive_risks",
    "risk_reviews",
    "group_sessions",
    "group_present",
];

/// Inserts the entry row and its parts inside an open transaction.
pub(crate) fn insert_entry_tx(tx: &Connection, e: &Entry) -> Result<i64> {
    checked(e)?;
    let tx = Tx::new(tx);
    insert_row(tx, e, &e.sections_text(), false)?;
    let rowid = tx.last_insert_rowid();
    write_parts(tx, rowid, e, e.updated_at, true, Ids::Indexed)?;
    Ok(rowid)
}

/// Inserts the entry row and its parts inside an open transaction, unless an entry with
/// its id is there already: then nothing is written and None is returned. One statement
/// for a new entry, where a lookup first took two. `sections_text` is the entry's
/// [`Entry::sections_text`], which the caller may need again.
///
/// `checked`: `e` was held to [`Entry::check`] before (by an import's reader), and is not
/// again.
pub(crate) fn insert_new_entry_tx(
    tx: Tx<'_, '_>,
    e: &Entry,
    sections_text: &str,
    ids: Ids<'_>,
    checked: bool,
) -> Result<Option<i64>> {
    if !checked {
        self::checked(e)?;
    }
    if !insert_row(tx, e, sections_text, matches!(ids, Ids::Indexed))? {
        return Ok(None);
    }
    let rowid = tx.last_insert_rowid();
    write_parts(tx, rowid, e, e.updated_at, true, ids)?;
    Ok(Some(rowid))
}

/// How the ids of entries and actions are found while an entry is written.
#[derive(Clone, Copy)]
pub(crate) enum Ids<'a> {
    /// By the journal's indexes of ids (the tables' UNIQUE constraints).
    Indexed,
    /// In a new journal built without those indexes until the end of its import (see
    /// `transfer::Importer`): the entry's id and its actions' are new (the import knows
    /// every id it has written), and an entry pointed at by its whole id (a record's prep,
    /// a CPD record's evidence, the call-in a rupture arose in) is found by this, which
    /// gives its row id.
    New(&'a dyn Fn(&str) -> Result<Option<i64>>),
}

impl Ids<'_> {
    /// The row id of the entry whose id is `uuid` as the journal writes ids (a whole id
    /// in lower case), if there is one.
    pub(crate) fn rowid_of(self, tx: Tx<'_, '_>, uuid: &str) -> Result<Option<i64>> {
        match self {
            Ids::Indexed => Ok(tx
                .prepare_cached("SELECT id FROM entries WHERE uuid = ?1")?
                .query_row([uuid], |r| r.get(0))
                .optional()?),
            Ids::New(find) => find(uuid),
        }
    }
}

/// Inserts the entry row, with its sections' text joined (`sections_text`); `unless_known`:
/// not if its id is taken (returns false then).
fn insert_row(tx: Tx<'_, '_>, e: &Entry, sections_text: &str, unless_known: bool) -> Result<bool> {
    let sql = if unless_known {
        "INSERT INTO entries (uuid, kind, model, title, body, sections_text, occurred_on,
            created_at, updated_at, scope, for_supervision, deleted_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1)
         ON CONFLICT (uuid) DO NOTHING"
    } else {
        "INSERT INTO entries (uuid, kind, model, title, body, sections_text, occurred_on,
            created_at, updated_at, scope, for_supervision, deleted_at, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1)"
    };
    let n = tx.prepare_cached(sql)?.execute(params![
        e.id.to_string(),
        e.kind.as_str(),
        e.model,
        e.title,
        e.body,
        sections_text,
        day(e.occurred_on),
        ts(e.created_at),
        ts(e.updated_at),
        e.scope.as_str(),
        e.for_supervision,
        e.deleted_at.map(ts),
    ])?;
    Ok(n == 1)
}

/// Writes the parts of entry `rowid`; `fresh`: the entry was inserted just now, so it has
/// no actions yet to keep or remove.
fn write_parts(
    tx: Tx<'_, '_>,
    rowid: i64,
    e: &Entry,
    now: DateTime<Utc>,
    fresh: bool,
    ids: Ids<'_>,
) -> Result<()> {
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO sections (entry_id, ord, key, label, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, s) in (0_i64..).zip(&e.sections) {
            st.execute(params![rowid, i, s.key, s.label, s.text])?;
        }
    }
    // Tags and strengths carry the entry's day, for their indexes by name and day.
    let on = day(e.occurred_on);
    // (Prepared only when there are some: a journal being tested at an older schema
    // takes entries without them.)
    if !e.strengths.is_empty() {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO entry_strengths (entry_id, strength, whose, occurred_on)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &e.strengths {
            st.execute(params![rowid, s.name, s.whose.as_str(), on])?;
        }
    }
    if !e.tags.is_empty() {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO entry_tags (entry_id, tag, occurred_on) VALUES (?1, ?2, ?3)",
        )?;
        for t in &e.tags {
            st.execute(params![rowid, t, on])?;
        }
    }
    if let Some(c) = e.checkin.as_ref().filter(|c| !c.is_empty()) {
        tx.prepare_cached(
            "INSERT INTO checkins (entry_id, mood, energy, load, carrying, word, helped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            rowid,
            c.mood,
            c.energy,
            c.load.map(|l| l.as_str()),
            c.carrying.map(|l| l.as_str()),
            c.word,
            c.helped
        ])?;
    }
    super::details::write_details(tx, rowid, &e.details, now, ids)?;
    // Actions keep their identity across edits: upsert by uuid, drop the ones removed.
    if !fresh {
        let keep: Vec<String> = e.actions.iter().map(|a| a.id.to_string()).collect();
        let mut existing = tx.prepare_cached("SELECT uuid FROM actions WHERE entry_id = ?1")?;
        let old: Vec<String> = existing
            .query_map([rowid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for u in old.iter().filter(|u| !keep.contains(u)) {
            tx.execute("DELETE FROM actions WHERE uuid = ?1", [u])?;
        }
    }
    let mut st = tx.prepare_cached(match ids {
        Ids::Indexed => {
            "INSERT INTO actions (uuid, entry_id, ord, text, owner, due_on, status, blocker,
                done_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
             ON CONFLICT (uuid) DO UPDATE SET ord = excluded.ord, text = excluded.text,
                owner = excluded.owner, due_on = excluded.due_on, status = excluded.status,
                blocker = excluded.blocker, done_on = excluded.done_on,
                updated_at = excluded.updated_at
             WHERE actions.entry_id = excluded.entry_id"
        }
        // New ids, and no index to find a conflict by.
        Ids::New(_) => {
            "INSERT INTO actions (uuid, entry_id, ord, text, owner, due_on, status, blocker,
                done_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
        }
    })?;
    for (i, a) in (0_i64..).zip(&e.actions) {
        // An action id is one action's: taken by another entry's action (the upsert
        // changes nothing), or twice in this entry, one of them would be dropped.
        let invalid = |why: &str| StoreError::Invalid {
            id: e.short_id(),
            reason: format!(
                "its action {} (\"{}\") {why}: each action needs an id of its own",
                a.id,
                crate::model::text::truncate(&crate::model::text::sanitize_line(&a.text), 40)
            ),
        };
        if e.actions
            .iter()
            .find(|b| b.id == a.id)
            .is_some_and(|first| !std::ptr::eq(first, a))
        {
            return Err(invalid("is listed twice"));
        }
        let changed = st.execute(params![
            a.id.to_string(),
            rowid,
            i,
            a.text,
            a.owner,
            a.due_on.map(day),
            a.status.as_str(),
            a.blocker,
            a.done_on.map(day),
            ts(now),
        ])?;
        if changed == 0 {
            return Err(invalid("belongs to another entry"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::model::Whose;

    fn entry(title: &str, day: u32) -> Entry {
        let on = NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, day, 18, 0, 0).unwrap();
        let mut e = Entry::new(EntryKind::Reflection, on, now);
        e.title = title.into();
        e.body = format!("{title} body");
        e.tags = vec!["handover".into()];
        e.strengths = vec![StrengthTag::new("listening", Whose::Mine)];
        e
    }

    #[test]
    fn a_tag_or_a_strength_is_counted_from_its_index_as_the_entries_count_it() {
        let mut s = Store::open_in_memory().unwrap();
        let batch: Vec<Entry> = (1..=12)
            .map(|d| {
                let mut e = entry(&format!("day {d}"), d);
                if d % 2 == 0 {
                    e.tags.push("nights".into());
                }
                if d % 3 == 0 {
                    // One strength twice over: the entry counts once.
                    e.strengths.push(StrengthTag::new("listening", Whose::Team));
                    e.strengths.push(StrengthTag::new("advocacy", Whose::Mine));
                }
                e
            })
            .collect();
        s.insert_entries(&batch).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 20, 9, 0, 0).unwrap();
        for r in s.list_entries(&EntryFilter::default(), None, 12).unwrap() {
            if r.title == "day 6" || r.title == "day 7" {
                s.trash_entry(r.rowid, now).unwrap();
            }
        }
        let scanned = |f: &EntryFilter| -> i64 {
            let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
            let wh = filter_sql(f, &mut args);
            s.conn
                .query_row(
                    &format!("SELECT count(*) FROM entries e WHERE {wh}"),
                    rusqlite::params_from_iter(args.iter()),
                    |r| r.get(0),
                )
                .unwrap()
        };
        let filters = [
            EntryFilter {
                tag: Some("nights".into()),
                ..EntryFilter::default()
            },
            EntryFilter {
                tag: Some("handover".into()),
                ..EntryFilter::default()
            },
            EntryFilter {
                strength: Some("listening".into()),
                ..EntryFilter::default()
            },
            EntryFilter {
                strength: Some("advocacy".into()),
                ..EntryFilter::default()
            },
            EntryFilter {
                tag: Some("nosuchtag".into()),
                ..EntryFilter::default()
            },
        ];
        let counts: Vec<i64> = filters
            .iter()
            .map(|f| s.count_entries(f).unwrap())
            .collect();
        assert_eq!(counts, [5, 10, 10, 3, 0]);
        for f in &filters {
            assert_eq!(s.count_entries(f).unwrap(), scanned(f), "{f:?}");
        }
    }

    #[test]
    fn insert_entries_writes_a_batch_in_one_transaction() {
        let mut s = Store::open_in_memory().unwrap();
        let batch: Vec<Entry> = (1..=3).map(|d| entry(&format!("day {d}"), d)).collect();
        assert_eq!(s.insert_entries(&batch).unwrap(), 3);
        let rows = s.list_entries(&EntryFilter::default(), None, 10).unwrap();
        let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["day 3", "day 2", "day 1"]);
        assert_eq!(rows[0].tags, ["handover"]);
        assert_eq!(
            s.search("body", &EntryFilter::default(), 10).unwrap().len(),
            3
        );
        assert_eq!(s.insert_entries(&[]).unwrap(), 0);
    }

    #[test]
    fn a_failing_entry_leaves_none_of_its_batch() {
        let mut s = Store::open_in_memory().unwrap();
        let first = entry("first", 1);
        let again = first.clone(); // The same uuid: the second insert fails.
        let err = s.insert_entries(&[entry("other", 2), first, again]);
        assert!(err.is_err());
        assert_eq!(s.count_entries(&EntryFilter::default()).unwrap(), 0);
    }
}
