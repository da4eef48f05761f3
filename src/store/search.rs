//! Full-text search over title, body and sections with FTS5: ranked, with snippets.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;

use super::entries::{EntryFilter, filter_sql};
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
        let mut snippets = self.snippets(typed, &ids)?;
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
    /// the matched words between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`].
    pub fn snippets(&self, typed: &str, ids: &[i64]) -> Result<HashMap<i64, String>> {
        let Some(q) = fts_query(typed) else {
            return Ok(HashMap::new());
        };
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        // `+` keeps SQLite from running the match once per id (a prefix query costs the
        // same for one row as for all): one pass, snippets for the listed rows only.
        let snippets = self
            .conn
            .prepare_cached(
                "SELECT rowid, snippet(entries_fts, -1, char(57344), char(57345), '…', 16)
                 FROM entries_fts
                 WHERE entries_fts MATCH ?1 AND +rowid IN (SELECT value FROM json_each(?2))",
            )?
            .query_map(params![q, id_list(ids)], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(snippets)
    }

    /// (row id, rank) of the best `limit` entries whose words match `typed`, best first.
    pub fn rank_text(
        &self,
        typed: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<(i64, f64)>> {
        match fts_query(typed) {
            Some(q) => self.rank(&q, filter, limit),
            None => Ok(Vec::new()),
        }
    }

    /// Entries matching `typed`, the most recently written first, unranked: the app's
    /// list while a search is typed. Ranking reads every match (tens of thousands for a
    /// common prefix); this stops at `limit`.
    pub fn search_newest(
        &self,
        typed: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        let Some(q) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(q)];
        let wh = filter_sql(filter, &mut args);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}
             FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
             WHERE entries_fts MATCH ?1 AND {wh}
             ORDER BY entries_fts.rowid DESC LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
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
    /// pass `filter`, newest first.
    pub fn entries_named(
        &self,
        names: &Names,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<EntrySummary>> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let list = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![
            Box::new(list(&names.strengths)),
            Box::new(list(&names.tags)),
            Box::new(list(&names.subjects)),
        ];
        let wh = filter_sql(filter, &mut args);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM entries e
             WHERE {wh} AND (
               e.id IN (SELECT entry_id FROM entry_strengths
                        WHERE strength IN (SELECT value FROM json_each(?1)))
               OR e.id IN (SELECT entry_id FROM entry_tags
                           WHERE tag IN (SELECT value FROM json_each(?2)))
               OR e.id IN (SELECT n.entry_id FROM stage_notes n JOIN subjects s ON s.id = n.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3)))
               OR e.id IN (SELECT c.entry_id FROM callins c JOIN subjects s ON s.id = c.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3)))
               OR e.id IN (SELECT r.entry_id FROM recognitions r JOIN subjects s ON s.id = r.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3)))
               OR e.id IN (SELECT f.entry_id FROM feedback f JOIN subjects s ON s.id = f.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3)))
               OR e.id IN (SELECT r.entry_id FROM ruptures r JOIN subjects s ON s.id = r.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3)))
               OR e.id IN (SELECT p.entry_id FROM positive_risks p JOIN subjects s ON s.id = p.subject_id
                           WHERE s.key IN (SELECT value FROM json_each(?3))))
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// (row id, title) of the newest `limit` entries that pass `filter`: what a search
    /// matches loosely (typos and all) before the full-text index is asked.
    pub fn recent_titles(&self, filter: &EntryFilter, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let wh = filter_sql(filter, &mut args);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT e.id, e.title FROM entries e WHERE {wh}
             ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
