//! The Journal pane's state: a page of entries newest first, the selected entry's full
//! text, filters, and a live search (fuzzy on titles and tags, full text on bodies).

use std::cell::Cell;

use anyhow::Result;
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{Entry, EntrySummary};
use crate::store::{EntryFilter, Store};

/// Entries read per page; more are read as the selection nears the end.
pub const PAGE: usize = 200;
/// Recent entries whose titles and tags the fuzzy search looks through.
const FUZZY_POOL: usize = 2000;
/// Full-text hits read per keystroke.
const TEXT_HITS: usize = 200;

#[derive(Debug, Default)]
pub struct JournalState {
    pub rows: Vec<EntrySummary>,
    pub selected: usize,
    /// First visible row, kept by the view between frames so scrolling is steady.
    pub offset: Cell<usize>,
    /// No more pages to read.
    pub exhausted: bool,
    /// Kind, strength, tag and date range; the trash is never shown here.
    pub filter: EntryFilter,
    pub query: String,
    /// The search bar has the keyboard.
    pub searching: bool,
    /// Titles and tags of recent entries, read when a search starts.
    pool: Vec<EntrySummary>,
    pub preview: Option<Entry>,
    pub preview_scroll: u16,
    /// Live entries in the journal (for the welcome and the header).
    pub total: i64,
}

impl JournalState {
    fn filter(&self) -> EntryFilter {
        EntryFilter {
            trashed: false,
            ..self.filter.clone()
        }
    }

    /// Whether any filter is set.
    #[must_use]
    pub fn filtered(&self) -> bool {
        let f = &self.filter;
        f.kind.is_some()
            || f.strength.is_some()
            || f.tag.is_some()
            || f.since.is_some()
            || f.until.is_some()
    }

    /// Applies new filters and reads the list again.
    pub fn set_filter(&mut self, store: &Store, filter: EntryFilter) -> Result<()> {
        self.filter = filter;
        self.pool.clear();
        if self.searching || !self.query.is_empty() {
            self.pool = store.list_entries(&self.filter(), None, FUZZY_POOL)?;
        }
        self.selected = 0;
        self.offset.set(0);
        self.reload(store)
    }

    /// Reads the list again from the top (or the search results), keeping the selection
    /// on the same entry when it is still there.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        let keep = self.rows.get(self.selected).map(|r| r.rowid);
        self.total = store.count_entries(&EntryFilter::default())?;
        if self.query.trim().is_empty() {
            self.rows = store.list_entries(&self.filter(), None, PAGE)?;
            self.exhausted = self.rows.len() < PAGE;
        } else {
            self.rows = self.search(store)?;
            self.exhausted = true;
        }
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.rowid == id))
            .unwrap_or(0);
        self.load_preview(store)
    }

    /// Reads the next page when the selection is near the end of what is loaded.
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<()> {
        if self.exhausted || self.selected + 20 < self.rows.len() {
            return Ok(());
        }
        let after = self.rows.last().map(|r| (r.occurred_on, r.rowid));
        let more = store.list_entries(&self.filter(), after, PAGE)?;
        self.exhausted = more.len() < PAGE;
        self.rows.extend(more);
        Ok(())
    }

    /// Loads the full text of the selected entry only.
    pub fn load_preview(&mut self, store: &Store) -> Result<()> {
        self.preview_scroll = 0;
        self.preview = match self.rows.get(self.selected) {
            Some(r) => Some(store.entry_by_rowid(r.rowid)?),
            None => None,
        };
        Ok(())
    }

    /// Moves the selection by `delta` rows (clamped), reading more rows and the new
    /// preview as needed.
    pub fn move_by(&mut self, store: &Store, delta: isize) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let last = self.rows.len() - 1;
        let to = self.selected.saturating_add_signed(delta).min(last);
        if to != self.selected {
            self.selected = to;
            self.ensure_loaded(store)?;
            self.load_preview(store)?;
        }
        Ok(())
    }

    /// Selects a row by index (a click).
    pub fn select(&mut self, store: &Store, index: usize) -> Result<()> {
        if index < self.rows.len() && index != self.selected {
            self.selected = index;
            self.ensure_loaded(store)?;
            self.load_preview(store)?;
        }
        Ok(())
    }

    /// Starts typing a search.
    pub fn start_search(&mut self, store: &Store) -> Result<()> {
        self.searching = true;
        if self.pool.is_empty() {
            self.pool = store.list_entries(&self.filter(), None, FUZZY_POOL)?;
        }
        Ok(())
    }

    /// The query changed: narrow the list.
    pub fn set_query(&mut self, store: &Store, query: String) -> Result<()> {
        self.query = query;
        self.selected = 0;
        self.offset.set(0);
        self.reload(store)
    }

    /// Clears search and filters.
    pub fn clear(&mut self, store: &Store) -> Result<()> {
        self.query.clear();
        self.searching = false;
        self.filter = EntryFilter::default();
        self.pool.clear();
        self.selected = 0;
        self.offset.set(0);
        self.reload(store)
    }

    /// Titles and tags matched fuzzily first (best first), then entries whose text holds
    /// every word (the last one as a prefix, since it is still being typed).
    fn search(&self, store: &Store) -> Result<Vec<EntrySummary>> {
        let q = self.query.trim();
        let matcher = SkimMatcherV2::default().ignore_case();
        // Loose matches scattered over a long title help nobody: keep the close ones.
        let floor = 12 * i64::try_from(q.chars().count()).unwrap_or(i64::MAX / 24);
        let mut scored: Vec<(i64, &EntrySummary)> = self
            .pool
            .iter()
            .filter_map(|e| {
                let hay = format!("{} {}", e.title, e.tags.join(" "));
                matcher
                    .fuzzy_match(&hay, q)
                    .filter(|s| *s >= floor)
                    .map(|s| (s, e))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.occurred_on.cmp(&a.1.occurred_on)));
        let mut out: Vec<EntrySummary> = scored.into_iter().map(|(_, e)| e.clone()).collect();
        let typed = if self.query.ends_with(' ') {
            q.to_string()
        } else {
            format!("{q}*")
        };
        for hit in store.search(&typed, &self.filter(), TEXT_HITS)? {
            if !out.iter().any(|e| e.rowid == hit.entry.rowid) {
                out.push(hit.entry);
            }
        }
        Ok(out)
    }
}
