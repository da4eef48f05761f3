//! Full-text search over title, body and sections with FTS5: ranked, with snippets.

use std::collections::HashMap;
use std::hash::BuildHasher as _;

use hashbrown::{DefaultHashBuilder, HashTable};
use rusqlite::{OptionalExtension as _, params};
use serde::Serialize;

use super::entries::{EntryFilter, Name, filter_sql};
use super::rows::{SUMMARY_COLUMNS, id_list, summary_from_row};
use super::{Result, Store};
use crate::model::EntrySummary;

/// Marks where a matched term starts and ends in a snippet (private-use characters, so
/// they survive control-character neutralising and never occur in typed text).
pub const HIGHLIGHT_START: char = '\u{E000}';
pub const HIGHLIGHT_END: char = '\u{E001}';

/// One search result: the entry's summary and a short passage around the match.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub entry: EntrySummary,
    /// Passage with matches between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`].
    pub snippet: String,
    /// FTS5 rank (lower is better).
    pub rank: f64,
}

/// The names entries carry: strengths, topic tags and subjects' pseudonym keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub strengths: Vec<String>,
    pub tags: Vec<String>,
    pub subjects: Vec<String>,
}

impl Names {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.strengths.is_empty() && self.tags.is_empty() && self.subjects.is_empty()
    }
}

/// Turns what a person types into a safe FTS5 query: every word must appear (in any
/// form the stemmer relates), `"quoted phrases"` stay phrases, a trailing `*` matches a
/// prefix. Returns None when nothing searchable is left.
#[must_use]
pub fn fts_query(typed: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = typed;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('"') {
            let (phrase, tail) = after.split_once('"').unwrap_or((after, ""));
            let words: Vec<String> = phrase.split_whitespace().filter_map(clean_word).collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
            rest = tail;
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (w, tail) = rest.split_at(end);
        rest = tail;
        let prefix = w.ends_with('*');
        if let Some(c) = clean_word(w) {
            terms.push(if prefix {
                format!("\"{c}\"*")
            } else {
                format!("\"{c}\"")
            });
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Keeps letters, digits and inner joiners; FTS5 tokenises the rest away anyway.
fn clean_word(w: &str) -> Option<String> {
    let c: String = w
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
    (!c.is_empty()).then_some(c)
}

/// How many of the newest entries the live search's own index holds, at least (and at
/// most twice as many, before it starts again from the newest).
/// (A few dozen in unit tests, so that theirs start, fill and move it.)
pub(crate) const RECENT: i64 = if cfg!(test) { 24 } else { 10_000 };

/// How many of the newest matches a ranked search weighs, at least (see
/// [`Store::rank_newest`]). (A few in unit tests, so that theirs fill it.)
pub const RANK_POOL: usize = if cfg!(test) { 5 } else { 1_000 };

/// The titles of recent entries (see [`Store::recent_titles`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RecentTitles {
    /// (row id, its title's place in `titles`), newest first.
    pub entries: Vec<(i64, usize)>,
    /// The titles, each once, in the order first seen.
    pub titles: Vec<String>,
}

/// Where the passages of a search's entries are cut best: a cost only, the passages are
/// the same either way (see [`Store::snippets`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Passages {
    /// From the entries' own text, indexed apart in memory: what costs least when a
    /// query's matches in the whole index are many.
    #[default]
    Apart,
    /// From the whole index, in one pass over the query's matches: what costs least when
    /// they are few (fewer than [`RANK_POOL`], none in the trash filtered out by a row).
    Whole,
}

/// What [`Store::rank_newest`] found: (row id, rank) best first, and how the passages
/// of those entries are best cut.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    pub hits: Vec<(i64, f64)>,
    pub passages: Passages,
}

/// (from, to): the index of the newest entries holds the entries with row ids above
/// `from`, up to `to`.
fn window(conn: &rusqlite::Connection) -> Result<(i64, i64)> {
    let get = |key: &str| -> Result<i64> {
        let v: Option<String> = conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
    };
    Ok((get("search_recent_from")?, get("search_recent_to")?))
}

fn set_window(conn: &rusqlite::Connection, from: i64, to: i64) -> Result<()> {
    for (key, v) in [("search_recent_from", from), ("search_recent_to", to)] {
        conn.prepare_cached(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?
        .execute(params![key, v.to_string()])?;
    }
    Ok(())
}

/// Empties the index of the newest entries: the next search fills it again.
pub(crate) fn forget_recent(conn: &rusqlite::Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO search_recent (search_recent) VALUES ('delete-all')",
        [],
    )?;
    conn.execute("DELETE FROM search_changed", [])?;
    set_window(conn, 0, 0)
}

/// Whether a filter leaves out only the trash: then a search needs no entry row per match
/// (the trash is left out by id, from its small index).
fn only_live(f: &EntryFilter) -> bool {
    !f.trashed
        && f.kind.is_none()
        && f.strength.is_none()
        && f.tag.is_none()
        && f.since.is_none()
        && f.until.is_none()
        && f.for_supervision.is_none()
}

/// The longest text (in characters) of an entry's title, text or sections that FTS5's
/// `snippet()` is given whole. It scores a passage at every match by looking at every
/// other match and every sentence before it: its work grows with the square of the
/// matches, and an entry holding a word 20,000 times took seconds. Longer text is given
/// to it in pieces of about this length, and the entry's passage is cut from the first
/// piece that matches.
const PIECE_CHARS: usize = 8_000;

/// `text` in pieces of at most [`PIECE_CHARS`] characters, cut at white space where
/// there is some (a word is never cut, unless it is longer than a piece).
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    // Where the character after a whole piece begins: the rest is longer than a piece.
    while let Some((end, _)) = rest.char_indices().nth(PIECE_CHARS) {
        let cut = rest[..end]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .unwrap_or(end);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out.push(rest);
    out
}

impl Store {
    /// Entries matching `typed`, best first, with a snippet each. Ranked first (row ids
    /// and ranks only), then snippets and summaries for the entries kept: SQLite works
    /// out every column of every match before sorting, so one statement would cut a
    /// snippet for thousands of matches to show a few.
    pub fn search(
        &self,
        typed: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(q) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let ranked = self.rank(&q, filter, limit)?;
        if ranked.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = ranked.iter().map(|(id, _)| *id).collect();
        let mut snippets = self.snippets(typed, &ids, Passages::Apart)?;
        let mut entries = self.summaries_by_rowid(&ids)?;
        Ok(ranked
            .into_iter()
            .filter_map(|(id, rank)| {
                Some(SearchHit {
                    entry: entries.remove(&id)?,
                    snippet: snippets.remove(&id).unwrap_or_default(),
                    rank,
                })
            })
            .collect())
    }

    /// A passage around the match for each of these entries that `typed` matches, with
    /// the matched words between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`], cut where
    /// `passages` says costs least (what [`Store::rank_newest`] found).
    pub fn snippets(
        &self,
        typed: &str,
        ids: &[i64],
        passages: Passages,
    ) -> Result<HashMap<i64, String>> {
        let Some(q) = fts_query(typed) else {
            return Ok(HashMap::new());
        };
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        if passages == Passages::Whole {
            // Its matches in the whole index are few: one pass over them cuts the short
            // entries' passages, at less than the index in memory costs to make, and the
            // long ones, if any, are cut as always.
            let mut found = self.snippets_whole(&q, ids)?;
            let long: Vec<i64> = self
                .conn
                .prepare_cached(
                    "SELECT id FROM entries WHERE id IN (SELECT value FROM json_each(?1))
                       AND max(length(title), length(body), length(sections_text)) > ?2",
                )?
                .query_map(
                    params![id_list(ids), i64::try_from(PIECE_CHARS).unwrap_or(i64::MAX)],
                    |r| r.get(0),
                )?
                .collect::<rusqlite::Result<_>>()?;
            if !long.is_empty()
                && let Some(cut) = self.snippets_apart(&q, &long)?
            {
                found.extend(cut);
            }
            return Ok(found);
        }
        if let Some(found) = self.snippets_apart(&q, ids)? {
            return Ok(found);
        }
        self.snippets_whole(&q, ids)
    }

    /// Passages cut by the whole index for the listed entries no longer than `snippet()`
    /// is given whole (a longer one gets none here). `+` keeps SQLite from running the
    /// match once per id (a prefix query costs the same for one row as for all): one pass
    /// over every match, snippets for the listed rows only.
    fn snippets_whole(&self, q: &str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let snippets = self
            .conn
            .prepare_cached(
                "SELECT rowid, snippet(entries_fts, -1, char(57344), char(57345), '…', 16)
                 FROM entries_fts
                 WHERE entries_fts MATCH ?1 AND +rowid IN (
                     SELECT id FROM entries WHERE id IN (SELECT value FROM json_each(?2))
                       AND max(length(title), length(body), length(sections_text)) <= ?3)",
            )?
            .query_map(
                params![
                    q,
                    id_list(ids),
                    i64::try_from(PIECE_CHARS).unwrap_or(i64::MAX)
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(snippets)
    }

    /// Snippets as [`Store::snippets`] cuts them, from an index in memory of the listed
    /// entries alone: in the journal's index, a word typed so far (`car*`) costs every
    /// match of every word it begins, however few entries are listed. A passage depends
    /// only on the entry's own words, so it is the same. None where that index cannot be
    /// made (inside a transaction, where SQLite cannot attach a database).
    ///
    /// The index reads the listed text from a table beside it, so that it is emptied
    /// without reading that text again: emptying an index that keeps its own copy takes
    /// each entry's words out one by one, which cost as much as indexing them.
    fn snippets_apart(&self, q: &str, ids: &[i64]) -> Result<Option<HashMap<i64, String>>> {
        if !self.conn.is_autocommit() {
            return Ok(None);
        }
        let attached: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_database_list WHERE name = 'passages')",
            [],
            |r| r.get(0),
        )?;
        if !attached {
            // In memory only: the text of the listed entries never reaches a file.
            let made = self.conn.execute_batch(
                "ATTACH DATABASE ':memory:' AS passages;
                 CREATE TABLE passages.listed_text (
                     id INTEGER PRIMARY KEY, entry INTEGER NOT NULL,
                     piece INTEGER NOT NULL, pieces INTEGER NOT NULL,
                     title TEXT NOT NULL, body TEXT NOT NULL, sections_text TEXT NOT NULL
                 );
                 CREATE VIRTUAL TABLE passages.listed USING fts5 (
                     title, body, sections_text,
                     content = 'listed_text', content_rowid = 'id',
                     tokenize = 'porter unicode61 remove_diacritics 2'
                 );",
            );
            if made.is_err() {
                let _ = self.conn.execute_batch("DETACH DATABASE passages");
                return Ok(None);
            }
        }
        let found = self.cut_passages(q, ids);
        self.conn
            .prepare_cached("INSERT INTO passages.listed (listed) VALUES ('delete-all')")?
            .execute([])?;
        self.conn
            .prepare_cached("DELETE FROM passages.listed_text")?
            .execute([])?;
        found.map(Some)
    }

    /// The passages of [`Store::snippets_apart`], its index in memory made: the listed
    /// entries are indexed (a long one in pieces), and each gets the passage `snippet()`
    /// cuts from its first piece that matches.
    fn cut_passages(&self, q: &str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let piece = i64::try_from(PIECE_CHARS).unwrap_or(i64::MAX);
        let long = "max(length(title), length(body), length(sections_text)) > ?2";
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO passages.listed_text
                     (entry, piece, pieces, title, body, sections_text)
                 SELECT id, 0, 1, title, body, sections_text FROM entries
                 WHERE id IN (SELECT value FROM json_each(?1)) AND NOT {long}"
            ))?
            .execute(params![id_list(ids), piece])?;
        let long_ones: Vec<(i64, [String; 3])> = self
            .conn
            .prepare_cached(&format!(
                "SELECT id, title, body, sections_text FROM entries
                 WHERE id IN (SELECT value FROM json_each(?1)) AND {long}"
            ))?
            .query_map(params![id_list(ids), piece], |r| {
                Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?]))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, columns) in &long_ones {
            let [title, body, sections] = columns.each_ref().map(|c| pieces(c));
            let n = title.len().max(body.len()).max(sections.len());
            let count = i64::try_from(n).unwrap_or(i64::MAX);
            for (k, piece) in (0..n).zip(0_i64..) {
                let at = |p: &[&str]| p.get(k).copied().unwrap_or_default().to_string();
                self.conn
                    .prepare_cached(
                        "INSERT INTO passages.listed_text
                             (entry, piece, pieces, title, body, sections_text)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        id,
                        piece,
                        count,
                        at(&title),
                        at(&body),
                        at(&sections)
                    ])?;
            }
        }
        self.conn
            .prepare_cached(
                "INSERT INTO passages.listed (rowid, title, body, sections_text)
                 SELECT id, title, body, sections_text FROM passages.listed_text",
            )?
            .execute([])?;
        // The first piece of each entry that matches; then only those are cut.
        let first: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT min(t.id) FROM passages.listed
                 CROSS JOIN passages.listed_text t ON t.id = listed.rowid
                 WHERE listed MATCH ?1 GROUP BY t.entry",
            )?
            .query_map([q], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.entry, t.piece, t.pieces,
                    snippet(listed, -1, char(57344), char(57345), '…', 16)
             FROM passages.listed CROSS JOIN passages.listed_text t ON t.id = listed.rowid
             WHERE listed MATCH ?1 AND +listed.rowid IN (SELECT value FROM json_each(?2))",
        )?;
        let mut rows = stmt.query(params![q, id_list(&first)])?;
        while let Some(r) = rows.next()? {
            let (entry, piece, count): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let mut s: String = r.get(3)?;
            // A piece is a passage of a longer text: say so where `snippet()` did not.
            if piece > 0 && !s.starts_with('…') {
                s.insert(0, '…');
            }
            if piece + 1 < count && !s.ends_with('…') {
                s.push('…');
            }
            found.insert(entry, s);
        }
        Ok(found)
    }

    /// (row id, rank) of the best `limit` of the newest [`RANK_POOL`] entries (or `limit`,
    /// if more) whose words match `typed` and that pass `filter`, best first, and where
    /// their passages are best cut (from the whole index when it held few matches): what
    /// `praxis search` prints and the app's list once the typing pauses. Weighing every
    /// match would cost as many as a word has (tens of thousands for a common one); the
    /// newest are found as [`Store::search_newest`] finds them, and weighed by the index
    /// that held them all (the index of the newest entries when it did, else the whole
    /// one), so a common word costs what a rare one does.
    pub fn rank_newest(&self, typed: &str, filter: &EntryFilter, limit: usize) -> Result<Ranked> {
        let Some(q) = fts_query(typed) else {
            return Ok(Ranked::default());
        };
        let pool = RANK_POOL.max(limit);
        let columns = |index: &str| format!("{index}.rowid, bm25({index}, 8.0, 1.0, 1.0)");
        let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?));
        let recent = if self.recent_window()?.is_some() {
            self.newest_in(
                "search_recent",
                &columns("search_recent"),
                &q,
                filter,
                None,
                pool,
                row,
            )?
        } else {
            Vec::new()
        };
        let mut passages = Passages::Apart;
        let mut ranked = if recent.len() == pool {
            // All of them in the index of the newest entries, weighed as they were found.
            recent
        } else {
            // Fewer among the newest entries: the whole index finds the newest of all its
            // matches and weighs each of them once, in one pass.
            let all = self.newest_in(
                "entries_fts",
                &columns("entries_fts"),
                &q,
                filter,
                None,
                pool,
                row,
            )?;
            if only_live(filter) && all.len() < pool {
                passages = Passages::Whole;
            }
            all
        };
        // Best first; among equals, the newest.
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        ranked.truncate(limit);
        Ok(Ranked {
            hits: ranked,
            passages,
        })
    }

    /// Entries matching `typed`, the most recently written first, unranked: the app's
    /// list while a search is typed. Ranking reads every match (tens of thousands for a
    /// common prefix); this stops at `limit`. The newest entries are asked first, in
    /// their own small index (see [`RECENT`]), and the whole index only for what they
    /// leave unfilled: a word typed so far stands for every word it begins, and SQLite
    /// gathers all their matches at once however few are wanted.
    pub fn search_newest(
        &self,
        typed: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        let Some(q) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let (mut rows, below) = match self.recent_window()? {
            Some(from) => (
                self.newest_in(
                    "search_recent",
                    SUMMARY_COLUMNS,
                    &q,
                    filter,
                    None,
                    limit,
                    summary_from_row,
                )?,
                Some(from),
            ),
            None => (Vec::new(), None),
        };
        if rows.len() < limit {
            let more = limit - rows.len();
            rows.extend(self.newest_in(
                "entries_fts",
                SUMMARY_COLUMNS,
                &q,
                filter,
                below,
                more,
                summary_from_row,
            )?);
        }
        Ok(rows)
    }

    /// `columns` of the newest `limit` matches of an FTS5 query in one of the two
    /// indexes, at or below a row id when given.
    #[allow(clippy::too_many_arguments)]
    fn newest_in<T>(
        &self,
        index: &str,
        columns: &str,
        q: &str,
        filter: &EntryFilter,
        below: Option<i64>,
        limit: usize,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(q.to_string())];
        // Only the index's own columns of live entries: the trash is left out by id, from its small index,
        // instead of reading each match's row (its text comes before `deleted_at`).
        let ids_only = columns != SUMMARY_COLUMNS && only_live(filter);
        let mut wh = if ids_only {
            format!("+{index}.rowid NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)")
        } else {
            filter_sql(filter, &mut args)
        };
        if let Some(b) = below {
            args.push(Box::new(b));
            wh.push_str(&format!(" AND {index}.rowid <= ?{}", args.len()));
        }
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = if ids_only {
            format!(
                "SELECT {columns} FROM {index}
                 WHERE {index} MATCH ?1 AND {wh}
                 ORDER BY {index}.rowid DESC LIMIT ?{}",
                args.len()
            )
        } else {
            format!(
                "SELECT {columns}
                 FROM {index} JOIN entries e ON e.id = {index}.rowid
                 WHERE {index} MATCH ?1 AND {wh}
                 ORDER BY {index}.rowid DESC LIMIT ?{}",
                args.len()
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Brings the index of the newest entries up to date (entries written or changed
    /// since it was last looked at, by this praxis or another) and returns the row id
    /// above which it holds every entry; None when it is not used: a journal small enough
    /// that the whole index answers at once, or when it cannot be brought up to date now
    /// (inside a read transaction, or while another praxis writes).
    fn recent_window(&self) -> Result<Option<i64>> {
        let (from, to) = window(&self.conn)?;
        let (max, changed): (i64, bool) = self.conn.query_row(
            "SELECT coalesce((SELECT max(id) FROM entries), 0),
                    EXISTS (SELECT 1 FROM search_changed)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if max <= 2 * RECENT {
            return Ok(None);
        }
        if max == to && !changed {
            return Ok(Some(from));
        }
        if !self.conn.is_autocommit() {
            return Ok(None);
        }
        // Another praxis writing now: the whole index answers this time, at once,
        // rather than a keystroke waiting for the write to end.
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let caught_up = self.catch_up(max);
        self.conn.busy_timeout(super::BUSY_TIMEOUT)?;
        match caught_up {
            Ok(from) => Ok(Some(from)),
            Err(super::StoreError::Busy) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Indexes again the entries whose words changed and the entries written since it was
    /// last looked at, in one transaction; once it holds twice [`RECENT`] entries, the
    /// older half leaves it. After a large import it starts again from the newest.
    fn catch_up(&self, max: i64) -> Result<i64> {
        let tx = self.conn.unchecked_transaction()?;
        let (mut from, mut to) = window(&tx)?;
        let changed: Vec<i64> = tx
            .prepare_cached("SELECT id FROM search_changed WHERE id > ?1 AND id <= ?2")?
            .query_map([from, to], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in changed {
            tx.prepare_cached("DELETE FROM search_recent WHERE rowid = ?1")?
                .execute([id])?;
            tx.prepare_cached(
                "INSERT INTO search_recent (rowid, title, body, sections_text)
                 SELECT id, title, body, sections_text FROM entries WHERE id = ?1",
            )?
            .execute([id])?;
        }
        tx.execute("DELETE FROM search_changed", [])?;
        to = to.min(max);
        let start = (max - RECENT).max(0);
        if to <= start || from > to {
            // What it holds is all older than what it should: start again.
            forget_recent(&tx)?;
            (from, to) = (start, start);
        } else if max - from > 2 * RECENT {
            let old: Vec<i64> = tx
                .prepare_cached("SELECT id FROM entries WHERE id > ?1 AND id <= ?2")?
                .query_map([from, start], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in old {
                tx.prepare_cached("DELETE FROM search_recent WHERE rowid = ?1")?
                    .execute([id])?;
            }
            from = start;
        }
        tx.prepare_cached(
            "INSERT INTO search_recent (rowid, title, body, sections_text)
             SELECT id, title, body, sections_text FROM entries WHERE id > ?1",
        )?
        .execute([to])?;
        set_window(&tx, from, max)?;
        tx.commit()?;
        Ok(from)
    }

    /// The names entries carry, for matching what is typed against them: every strength
    /// and topic tag in use and every subject's pseudonym key. Read by skipping from one
    /// distinct value to the next in their indexes, so the cost follows how many names
    /// there are, not how many entries carry them.
    pub fn names(&self) -> Result<Names> {
        let distinct = |table: &str, column: &str| -> Result<Vec<String>> {
            let sql = format!(
                "WITH RECURSIVE n(v) AS (
                   SELECT min({column}) FROM {table}
                   UNION ALL
                   SELECT (SELECT min({column}) FROM {table} WHERE {column} > n.v) FROM n
                   WHERE n.v IS NOT NULL)
                 SELECT v FROM n WHERE v IS NOT NULL"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        };
        let subjects = self
            .conn
            .prepare_cached("SELECT key FROM subjects ORDER BY key")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Names {
            strengths: distinct("entry_strengths", "strength")?,
            tags: distinct("entry_tags", "tag")?,
            subjects,
        })
    }

    /// Entries carrying any of these names (a strength, a topic tag, the subject of a
    /// stage note, call-in, recognition, feedback, rupture or positive-risk plan) that
    /// pass `filter`, newest first. Each strength and tag is read from its index by day,
    /// `limit` at most; a subject's entries are few, found from their indexes by subject.
    pub fn entries_named(
        &self,
        names: &Names,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let mut found: Vec<EntrySummary> = Vec::new();
        for s in &names.strengths {
            found.extend(self.newest_named(Name::Strength(s), filter, None, limit)?);
        }
        for t in &names.tags {
            found.extend(self.newest_named(Name::Tag(t), filter, None, limit)?);
        }
        if !names.subjects.is_empty() {
            // The subjects' entries of every kind first (their indexes by subject), then
            // those entries by day: a subject has a few hundred at most.
            let list = serde_json::to_string(&names.subjects).unwrap_or_else(|_| "[]".into());
            let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(list)];
            let wh = filter_sql(filter, &mut args);
            args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM (
                     SELECT n.entry_id AS id FROM subjects s
                     CROSS JOIN stage_notes n ON n.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))
                     UNION
                     SELECT c.entry_id FROM subjects s
                     CROSS JOIN callins c ON c.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))
                     UNION
                     SELECT r.entry_id FROM subjects s
                     CROSS JOIN recognitions r ON r.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))
                     UNION
                     SELECT f.entry_id FROM subjects s
                     CROSS JOIN feedback f ON f.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))
                     UNION
                     SELECT r.entry_id FROM subjects s
                     CROSS JOIN ruptures r ON r.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))
                     UNION
                     SELECT p.entry_id FROM subjects s
                     CROSS JOIN positive_risks p ON p.subject_id = s.id
                     WHERE s.key IN (SELECT value FROM json_each(?1))) x
                 CROSS JOIN entries e ON e.id = x.id
                 WHERE {wh}
                 ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?{}",
                args.len()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            found.extend(rows);
        }
        found.sort_by_key(|e| std::cmp::Reverse((e.occurred_on, e.rowid)));
        found.dedup_by_key(|e| e.rowid);
        found.truncate(limit);
        Ok(found)
    }

    /// The titles of the newest `limit` entries that pass `filter`: what a search
    /// matches loosely (typos and all) before the full-text index is asked. Each title is
    /// kept once however many entries carry it (a kind's own title, a series of
    /// sessions): read in place from the row and copied only the first time it is seen.
    pub fn recent_titles(&self, filter: &EntryFilter, limit: usize) -> Result<RecentTitles> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let sql = recent_titles_sql(filter, limit, &mut args);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        let mut found = RecentTitles::default();
        let mut places: HashTable<usize> = HashTable::new();
        let hasher = DefaultHashBuilder::default();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let title = r.get_ref(1)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?;
            let h = hasher.hash_one(title);
            let titles = &mut found.titles;
            let place = match places.find(h, |p| titles[*p] == title) {
                Some(p) => *p,
                None => {
                    titles.push(title.to_string());
                    let p = titles.len() - 1;
                    places.insert_unique(h, p, |q| hasher.hash_one(titles[*q].as_str()));
                    p
                }
            };
            found.entries.push((id, place));
        }
        Ok(found)
    }

    /// (row id, rank) of the best `limit` matches of an FTS5 query, best first.
    fn rank(&self, q: &str, filter: &EntryFilter, limit: usize) -> Result<Vec<(i64, f64)>> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(q.to_string())];
        let sql = if only_live(filter) {
            args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
            "SELECT rowid, bm25(entries_fts, 8.0, 1.0, 1.0) AS rank FROM entries_fts
             WHERE entries_fts MATCH ?1
               AND +rowid NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL)
             ORDER BY rank LIMIT ?2"
                .to_string()
        } else {
            let wh = filter_sql(filter, &mut args);
            args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
            format!(
                "SELECT entries_fts.rowid, bm25(entries_fts, 8.0, 1.0, 1.0) AS rank
                 FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
                 WHERE entries_fts MATCH ?1 AND {wh}
                 ORDER BY rank LIMIT ?{}",
                args.len()
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// The query behind [`Store::recent_titles`]. For every live entry it names the index of
/// live titles: left to itself, SQLite walks the live entries by the wider
/// `entries_live_kinds` index and reads each of the newest rows whole (bodies and all) for
/// its title, about 800 pages at 100,000 entries where the index of titles alone needs a
/// few dozen.
fn recent_titles_sql(
    filter: &EntryFilter,
    limit: usize,
    args: &mut Vec<Box<dyn rusqlite::ToSql>>,
) -> String {
    let (from, wh) = if only_live(filter) {
        (
            "entries e INDEXED BY entries_live_titles",
            "e.deleted_at IS NULL".to_string(),
        )
    } else {
        ("entries e", filter_sql(filter, args))
    };
    args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
    format!(
        "SELECT e.id, e.title FROM {from} WHERE {wh}
         ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?{}",
        args.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_live_titles_are_read_from_their_index_alone() {
        let store = Store::open_in_memory().unwrap();
        let mut args = Vec::new();
        let sql = recent_titles_sql(&EntryFilter::default(), 2000, &mut args);
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(plan, ["SCAN e USING INDEX entries_live_titles"], "{sql}");
    }

    /// A reflection written on 2026-03-01.
    fn entry(title: &str, body: String) -> Entry {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut e = Entry::new(EntryKind::Reflection, on, now);
        e.title = title.into();
        e.body = body;
        e
    }

    #[test]
    fn recent_titles_keep_each_title_once_and_every_entry_in_order() {
        let mut s = Store::open_in_memory().unwrap();
        let titles = [
            "Handover",
            "Night shift",
            "Handover",
            "",
            "Night shift",
            "Handover",
        ];
        let entries: Vec<Entry> = titles.iter().map(|t| entry(t, "text".into())).collect();
        s.insert_entries(&entries).unwrap();
        let found = s.recent_titles(&EntryFilter::default(), 5).unwrap();
        // One day for all: the newest written first, the oldest left out by the limit.
        let read: Vec<&str> = found
            .entries
            .iter()
            .map(|(_, place)| found.titles[*place].as_str())
            .collect();
        assert_eq!(
            read,
            ["Handover", "Night shift", "", "Handover", "Night shift"]
        );
        assert_eq!(found.titles, ["Handover", "Night shift", ""]);
        let ids: Vec<i64> = found.entries.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [6, 5, 4, 3, 2]);
    }

    #[test]
    fn an_entry_holding_a_word_many_times_gets_its_passage_at_once() {
        // `snippet()` scores a passage at each match by looking at every other match:
        // given 200,000 matches at once, 8 * 10^10 steps, beyond any test's patience.
        let mut s = Store::open_in_memory().unwrap();
        let late = format!(
            "{} We spoke about care plans. {}",
            "x ".repeat(10_000),
            "y ".repeat(50)
        );
        s.insert_entries(&[
            entry(
                "Handover",
                format!("Night notes. {}", "care ".repeat(200_000)),
            ),
            entry("Supervision", late),
            entry(
                "Short",
                format!(
                    "{} Their care plan was read. {}",
                    "x ".repeat(20),
                    "y ".repeat(20)
                ),
            ),
        ])
        .unwrap();
        let hits = s.search("care", &EntryFilter::default(), 10).unwrap();
        assert_eq!(hits.len(), 3);
        let passage = |title: &str| {
            hits.iter()
                .find(|h| h.entry.title == title)
                .unwrap()
                .snippet
                .clone()
        };
        let marked = format!("{HIGHLIGHT_START}care{HIGHLIGHT_END}");
        let many = passage("Handover");
        assert!(
            many.contains(&format!("{marked} {marked} {marked}")),
            "{many:?}"
        );
        assert!(
            many.ends_with('…') && many.chars().count() < 200,
            "{many:?}"
        );
        // A match far into a long text is found in its piece, and the passage says that
        // text comes before it.
        let late = passage("Supervision");
        assert!(
            late.contains(&format!("We spoke about {marked} plans")),
            "{late:?}"
        );
        assert!(late.starts_with('…') && late.ends_with('…'), "{late:?}");
        // A shorter entry's passage is `snippet()`'s over all of it, as the journal's own
        // index cuts it (which it does inside a transaction).
        let short = passage("Short");
        assert!(short.contains(&format!("Their {marked} plan")), "{short:?}");
        let id = hits
            .iter()
            .find(|h| h.entry.title == "Short")
            .unwrap()
            .entry
            .rowid;
        let tx = s.conn.unchecked_transaction().unwrap();
        let whole = s.snippets("care", &[id], Passages::Apart).unwrap();
        assert_eq!(whole[&id], short);
        drop(tx);
    }

    #[test]
    fn a_query_with_few_matches_gets_the_same_passages_from_the_whole_index() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_entries(&[
            entry(
                "Long",
                format!(
                    "{} We spoke about the tabard. {}",
                    "x ".repeat(10_000),
                    "y ".repeat(50)
                ),
            ),
            entry(
                "Short",
                format!("{} A tabard was worn. {}", "x ".repeat(20), "y ".repeat(20)),
            ),
            entry("Title tabard", "Nothing else.".into()),
            entry("None", "No match here.".into()),
        ])
        .unwrap();
        let rowids: Vec<i64> = s
            .conn
            .prepare("SELECT id FROM entries ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let apart = s.snippets("tabard", &rowids, Passages::Apart).unwrap();
        assert_eq!(apart.len(), 3, "{apart:?}");
        // Ranked, its matches are found to be few: the passages come from the whole index,
        // the long entry's from its piece as before.
        let ranked = s
            .rank_newest("tabard", &EntryFilter::default(), 10)
            .unwrap();
        assert_eq!(ranked.hits.len(), 3);
        assert_eq!(ranked.passages, Passages::Whole);
        assert_eq!(
            s.snippets("tabard", &rowids, ranked.passages).unwrap(),
            apart
        );
        // Filtered by more than the trash, the matches are not known to be few.
        let cpd = EntryFilter {
            kind: Some(crate::model::EntryKind::Cpd),
            ..EntryFilter::default()
        };
        assert_eq!(
            s.rank_newest("tabard", &cpd, 10).unwrap().passages,
            Passages::Apart
        );
        // Nor is a query with more matches than are weighed.
        let more: Vec<Entry> = (0..RANK_POOL + 1)
            .map(|i| entry(&format!("Day {i}"), "The tabard again.".into()))
            .collect();
        s.insert_entries(&more).unwrap();
        let ranked = s.rank_newest("tabard", &EntryFilter::default(), 1).unwrap();
        assert_eq!(ranked.passages, Passages::Apart);
    }

    #[test]
    fn long_text_is_cut_into_pieces_between_words() {
        let text = format!("{}{} end", "word ".repeat(3_000), "ü".repeat(9_000));
        let cut = pieces(&text);
        assert_eq!(cut.concat(), text);
        assert!(cut.iter().all(|p| p.chars().count() <= PIECE_CHARS));
        // Words are whole, each piece but the first starting at white space; only the
        // word longer than a piece is cut.
        assert_eq!(cut.len(), 4);
        assert!(cut[0].ends_with("word") && cut[1].starts_with(" word"));
        assert!(cut[1].ends_with("word") && cut[2].starts_with(" üü"));
        assert_eq!(cut[2].chars().count(), PIECE_CHARS);
        assert_eq!(cut[3], format!("{} end", "ü".repeat(1_001)));
        assert_eq!(pieces("short"), ["short"]);
    }

    #[test]
    fn typed_text_becomes_a_safe_query() {
        assert_eq!(
            fts_query("handover anger").unwrap(),
            "\"handover\" \"anger\""
        );
        assert_eq!(
            fts_query("\"night shift\" calm*").unwrap(),
            "\"night shift\" \"calm\"*"
        );
        assert_eq!(
            fts_query("AND OR ( ) \" NEAR").unwrap(),
            "\"AND\" \"OR\" \"NEAR\""
        );
        assert_eq!(fts_query("it's").unwrap(), "\"it s\"");
        assert_eq!(fts_query("  -- ** "), None);
    }

    use chrono::{NaiveDate, TimeZone as _, Utc};
    use proptest::prelude::*;

    use crate::model::{Entry, EntryKind};

    const WORDS: [&str; 6] = ["care", "careful", "career", "calm", "boundary", "kintsugi"];

    #[derive(Debug, Clone)]
    enum Op {
        Add(Vec<usize>),
        Edit(usize, Vec<usize>),
        Trash(usize),
        EmptyTrash,
        Search,
    }

    fn arb_op() -> impl Strategy<Value = Op> {
        let words = prop::collection::vec(0..WORDS.len(), 0..4);
        prop_oneof![
            6 => words.clone().prop_map(Op::Add),
            2 => (0_usize..400, words).prop_map(|(i, w)| Op::Edit(i, w)),
            1 => (0_usize..400).prop_map(Op::Trash),
            1 => Just(Op::EmptyTrash),
            2 => Just(Op::Search),
        ]
    }

    /// What the whole index says: the answer the newest entries' index must give too.
    fn plain(s: &Store, typed: &str, f: &EntryFilter, limit: usize) -> Vec<i64> {
        let q = fts_query(typed).unwrap();
        s.newest_in(
            "entries_fts",
            "entries_fts.rowid",
            &q,
            f,
            None,
            limit,
            |r| r.get(0),
        )
        .unwrap()
    }

    fn check(s: &Store) -> std::result::Result<(), TestCaseError> {
        let rowids = |sql: &str, from: i64, to: i64| -> Vec<i64> {
            s.conn
                .prepare(sql)
                .unwrap()
                .query_map([from, to], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        for typed in ["car*", "care*", "kintsugi", "calm boundary", "care"] {
            for f in [
                EntryFilter::default(),
                EntryFilter {
                    kind: Some(EntryKind::CheckIn),
                    ..EntryFilter::default()
                },
            ] {
                for limit in [1, 7, 40] {
                    let got: Vec<i64> = s
                        .search_newest(typed, &f, limit)
                        .unwrap()
                        .iter()
                        .map(|e| e.rowid)
                        .collect();
                    prop_assert_eq!(got, plain(s, typed, &f, limit), "{} {:?}", typed, f);
                    // Ranked: the best of the newest matches, and only of those.
                    let pool = plain(s, typed, &f, RANK_POOL.max(limit));
                    let ranked = s.rank_newest(typed, &f, limit).unwrap().hits;
                    prop_assert_eq!(ranked.len(), pool.len().min(limit));
                    prop_assert!(ranked.iter().all(|(id, _)| pool.contains(id)));
                    prop_assert!(ranked.windows(2).all(|w| w[0].1 <= w[1].1));
                    if limit >= pool.len() {
                        let mut ids: Vec<i64> = ranked.iter().map(|(id, _)| *id).collect();
                        ids.sort_unstable_by(|a, b| b.cmp(a));
                        prop_assert_eq!(ids, pool);
                    }
                }
            }
        }
        // Once used, it holds exactly the entries of its window.
        let (from, to) = window(&s.conn).unwrap();
        if to > 0 {
            prop_assert_eq!(
                rowids(
                    "SELECT rowid FROM search_recent WHERE ?1 = ?1 AND ?2 = ?2 ORDER BY rowid",
                    from,
                    to
                ),
                rowids(
                    "SELECT id FROM entries WHERE id > ?1 AND id <= ?2 ORDER BY id",
                    from,
                    to
                )
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(24) })]

        #[test]
        fn the_newest_entries_index_answers_as_the_whole_index(
            ops in prop::collection::vec(arb_op(), 1..160),
        ) {
            let mut s = Store::open_in_memory().unwrap();
            let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
            let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let text = |w: &[usize]| w.iter().map(|i| WORDS[*i]).collect::<Vec<_>>().join(" ");
            let mut n = 0;
            for op in ops {
                match op {
                    Op::Add(w) => {
                        n += 1;
                        let kind = if n % 3 == 0 { EntryKind::CheckIn } else { EntryKind::Reflection };
                        let mut e = Entry::new(kind, on, now);
                        e.title = format!("entry {n}");
                        e.body = text(&w);
                        s.insert_entry(&e).unwrap();
                    }
                    Op::Edit(i, w) => {
                        if let Some(r) = s.list_entries(&EntryFilter::default(), None, 500).unwrap().get(i) {
                            let mut e = s.entry_by_rowid(r.rowid).unwrap();
                            e.body = text(&w);
                            s.update_entry(&e, now).unwrap();
                        }
                    }
                    Op::Trash(i) => {
                        if let Some(r) = s.list_entries(&EntryFilter::default(), None, 500).unwrap().get(i) {
                            s.trash_entry(r.rowid, now).unwrap();
                        }
                    }
                    Op::EmptyTrash => {
                        s.empty_trash().unwrap();
                    }
                    Op::Search => check(&s)?,
                }
            }
            check(&s)?;
        }
    }

    #[test]
    fn while_another_praxis_writes_the_whole_index_answers_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut a = Store::open(&path).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let entries: Vec<Entry> = (0..3 * RECENT)
            .map(|i| {
                let mut e = Entry::new(EntryKind::Reflection, on, now);
                e.body = format!("careful note {i}");
                e
            })
            .collect();
        a.insert_entries(&entries).unwrap();
        // Another praxis holds the write lock, and lets go of it a while later: had the
        // search waited for it, it would have filled its index then.
        let b = Store::open(&path).unwrap();
        b.conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(2));
            b.conn.execute_batch("COMMIT").unwrap();
        });
        let hits = a
            .search_newest("care*", &EntryFilter::default(), 10)
            .unwrap();
        assert_eq!(window(&a.conn).unwrap(), (0, 0), "it waited for the writer");
        assert_eq!(
            hits.iter().map(|e| e.rowid).collect::<Vec<_>>(),
            plain(&a, "care*", &EntryFilter::default(), 10)
        );
        writer.join().unwrap();
        a.search_newest("care*", &EntryFilter::default(), 10)
            .unwrap();
        assert_eq!(window(&a.conn).unwrap(), (2 * RECENT, 3 * RECENT));
    }
}
