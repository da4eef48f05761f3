//! Full-text search over title, body and sections with FTS5: ranked, with snippets.

use serde::Serialize;

use super::entries::{EntryFilter, SUMMARY_COLUMNS, filter_sql, summary_from_row};
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

impl Store {
    /// Entries matching `typed`, best first, with a snippet each.
    pub fn search(
        &self,
        typed: &str,
        filter: &EntryFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(q) = fts_query(typed) else {
            return Ok(Vec::new());
        };
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(q)];
        let wh = filter_sql(filter, &mut args);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS},
                    snippet(entries_fts, -1, char(57344), char(57345), '…', 16),
                    bm25(entries_fts, 8.0, 1.0, 1.0) AS rank
             FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
             WHERE entries_fts MATCH ?1 AND {wh}
             ORDER BY rank LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let hits = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(SearchHit {
                    entry: summary_from_row(r)?,
                    snippet: r.get(13)?,
                    rank: r.get(14)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
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
