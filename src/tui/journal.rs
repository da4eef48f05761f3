//! The Journal pane's state: a page of entries newest first, the selected entry's full
//! text, filters, and a live search (fuzzy on titles and tags, full text on bodies).

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::model::{Entry, EntrySummary};
use crate::search::{Finder, Order};
use crate::store::{EntryFilter, Store};
use anyhow::Result;

/// Entries read per page; more are read as the selection nears the end.
pub const PAGE: usize = 200;
/// Search hits listed.
const HITS: usize = 200;
/// How long typing must pause before the full-text hits are ranked by relevance: while
/// typing they come newest first, which stops after [`HITS`] instead of ranking
/// every match (tens of thousands for a common prefix). The app loop wakes at least this
/// often.
pub const RANK_AFTER: Duration = Duration::from_millis(250);

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
    /// What the search matches loosely (recent titles, names in use), read when a
    /// search starts.
    finder: Option<Finder>,
    /// When the search was last typed, while its full-text hits are still newest first.
    pub rank_due: Option<Instant>,
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
        self.finder = None;
        if self.searching || !self.query.is_empty() {
            self.read_finder(store)?;
        }
        self.selected = 0;
        self.offset.set(0);
        self.reload(store)
    }

    /// Reads the list again from the top (or the search results, ranked), keeping the
    /// selection on the same entry when it is still there.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.total = store.count_entries(&EntryFilter::default())?;
        self.relist(store, true)
    }

    /// Reads the rows again (`ranked`: search hits by relevance, else newest first),
    /// keeping the selection on the same entry when it is still there.
    fn relist(&mut self, store: &Store, ranked: bool) -> Result<()> {
        let keep = self.rows.get(self.selected).map(|r| r.rowid);
        self.rank_due = None;
        if self.query.trim().is_empty() {
            self.rows = store.list_entries(&self.filter(), None, PAGE)?;
            self.exhausted = self.rows.len() < PAGE;
        } else {
            self.rows = self.search(store, ranked)?;
            self.exhausted = true;
        }
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.rowid == id))
            .unwrap_or(0);
        self.load_preview(store)
    }

    /// Ranks the search hits by relevance once the typing has paused for [`RANK_AFTER`].
    pub fn rank_if_due(&mut self, store: &Store, now: Instant) -> Result<()> {
        if self
            .rank_due
            .is_some_and(|t| now.saturating_duration_since(t) >= RANK_AFTER)
        {
            self.rank_now(store)?;
        }
        Ok(())
    }

    /// Ranks the search hits by relevance now, if they are not yet.
    pub fn rank_now(&mut self, store: &Store) -> Result<()> {
        if self.rank_due.is_some() {
            self.relist(store, true)?;
        }
        Ok(())
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
        if self.finder.is_none() {
            self.read_finder(store)?;
        }
        Ok(())
    }

    fn read_finder(&mut self, store: &Store) -> Result<()> {
        self.finder = Some(Finder::new(store, &self.filter())?);
        Ok(())
    }

    /// The query changed (a keystroke): narrow the list at once, newest hits first, and
    /// rank them when the typing pauses. Nothing else is read again (the count of
    /// entries has not changed).
    pub fn set_query(&mut self, store: &Store, query: String) -> Result<()> {
        self.query = query;
        self.selected = 0;
        self.offset.set(0);
        self.relist(store, false)?;
        if !self.query.trim().is_empty() {
            self.rank_due = Some(Instant::now());
        }
        Ok(())
    }

    /// Clears search and filters.
    pub fn clear(&mut self, store: &Store) -> Result<()> {
        self.query.clear();
        self.searching = false;
        self.filter = EntryFilter::default();
        self.finder = None;
        self.selected = 0;
        self.offset.set(0);
        self.reload(store)
    }

    /// The journal's one search (see [`crate::search`]): newest matches first while
    /// typing, by relevance once `ranked`.
    fn search(&mut self, store: &Store, ranked: bool) -> Result<Vec<EntrySummary>> {
        if self.finder.is_none() {
            self.read_finder(store)?;
        }
        let order = if ranked { Order::Ranked } else { Order::Newest };
        let hits = match &self.finder {
            Some(f) => f.find(store, &self.query, order, HITS)?,
            None => Vec::new(),
        };
        Ok(hits.into_iter().map(|h| h.entry).collect())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _, Utc};

    use super::*;
    use crate::model::EntryKind;

    fn journal() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let mut entries = Vec::new();
        // The best match is the oldest: the word in its title and all through its body.
        for i in 0..30_u32 {
            let on = NaiveDate::from_ymd_opt(2026, 1, 1 + i).unwrap();
            let at = Utc.with_ymd_and_hms(2026, 1, 1 + i, 9, 0, 0).unwrap();
            let mut e = Entry::new(EntryKind::Reflection, on, at);
            if i == 0 {
                e.title = "Boundaries".into();
                e.body = "boundaries, boundaries and boundaries again".into();
            } else {
                e.title = format!("Day {i}");
                e.body = format!(
                    "A long day of visits; boundaries came up once. {}",
                    "x ".repeat(50)
                );
            }
            entries.push(e);
        }
        s.insert_entries(&entries).unwrap();
        s
    }

    #[test]
    fn typing_lists_the_newest_hits_and_a_pause_ranks_them() {
        let s = journal();
        let mut j = JournalState::default();
        j.reload(&s).unwrap();
        j.start_search(&s).unwrap();
        j.set_query(&s, "boundar".into()).unwrap();
        let typed = j.rank_due.unwrap();
        // Titles first (fuzzy), then the text hits, newest first while typing.
        assert_eq!(j.rows[0].title, "Boundaries");
        assert_eq!(j.rows[1].title, "Day 29");
        assert_eq!(j.rows.len(), 30);
        // Not yet: still typing.
        j.rank_if_due(&s, typed).unwrap();
        assert!(j.rank_due.is_some());
        j.rank_if_due(&s, typed + RANK_AFTER).unwrap();
        assert!(j.rank_due.is_none());
        assert_eq!(j.rows.len(), 30);
        assert_eq!(j.rows[0].title, "Boundaries");
        // Ranked, the shorter entries (the word counts for more in them) come first.
        assert_ne!(j.rows[1].title, "Day 29");
    }

    #[test]
    fn a_word_shorter_than_three_letters_is_matched_whole() {
        let mut s = journal();
        let on = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let mut e = Entry::new(EntryKind::Reflection, on, Utc::now());
        e.title = "An ok day".into();
        s.insert_entry(&e).unwrap();
        let mut j = JournalState::default();
        j.reload(&s).unwrap();
        j.set_query(&s, "ok".into()).unwrap();
        let titles: Vec<&str> = j.rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["An ok day"]);
        // "da" is no prefix of "day" while typing, but "day" is a whole word.
        j.set_query(&s, "da".into()).unwrap();
        assert!(
            j.rows.iter().all(|r| !r.title.starts_with("Day")),
            "{:?}",
            j.rows.len()
        );
        j.set_query(&s, "day".into()).unwrap();
        assert_eq!(j.rows.len(), 30, "29 days and the ok one");
    }
}
