//! The Journal pane: a page of entries newest first, the selected entry's full text,
//! filters, and a live search (the Core search: fuzzy on titles, tags and strengths,
//! full text on bodies). It owns its state, turns actions into outcomes and draws itself.

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::model::text::{pad, sanitize, sanitize_line, truncate, width};
use crate::model::{
    ActionStatus, Details, Direction, Entry, EntryKind, EntrySummary, PlanStatus, Said,
};
use crate::search::{Finder, Order};
use crate::store::{EntryFilter, Store};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, WriteMsg};
use crate::tui::keymap::Text as Typing;
use crate::tui::layout::Layout;
use crate::tui::overlays::export::{Chosen, ExportForm, ListShown};
use crate::tui::overlays::{
    checkin::CheckInForm,
    filter::FilterForm,
    timeline::Timeline,
    trash::{ConfirmDelete, ConfirmForGood},
};
use crate::tui::widgets::{self, strengths_text};

/// Entries read per page; more are read as the selection nears the end.
pub const PAGE: usize = 200;
/// Search hits read at each keystroke: a tall screenful and some. More are read, a
/// [`PAGE`] at a time, as the selection nears the end, so a keystroke costs what the
/// screen shows, not what the journal holds (a rare word's 80 or 800 matches alike).
pub const HITS: usize = 60;
/// How long typing must pause before the full-text hits are ranked by relevance: while
/// typing they come newest first, which stops after [`HITS`] instead of ranking
/// every match (tens of thousands for a common prefix). The runtime ticks at least this
/// often.
pub const RANK_AFTER: Duration = Duration::from_millis(250);

#[derive(Debug, Default)]
pub struct Journal {
    pub rows: Vec<EntrySummary>,
    pub selected: usize,
    /// First visible row, kept between frames so scrolling is steady.
    pub offset: usize,
    /// No more pages to read.
    pub exhausted: bool,
    /// Kind, strength, tag and date range (the trash or the journal is [`Journal::trash`]).
    pub filter: EntryFilter,
    /// The trash is shown instead of the journal.
    pub trash: bool,
    pub query: String,
    /// The search bar has the keyboard.
    pub searching: bool,
    /// What the search matches loosely (recent titles, names in use), read when a
    /// search starts.
    finder: Option<Finder>,
    /// When the search was last typed, while its full-text hits are still newest first.
    pub rank_due: Option<Instant>,
    /// How many search hits to read: [`HITS`] for each new query, a [`PAGE`] more each
    /// time the selection nears the end of those read.
    hits_wanted: usize,
    /// The search hits are ranked by relevance (else newest first, while typing).
    ranked: bool,
    pub preview: Option<Entry>,
    pub preview_scroll: u16,
    /// Live entries in the journal (for the welcome and the header).
    pub total: i64,
    /// Entries the filter in force lets through (all of them when there is none); in the
    /// trash, the entries in it that it lets through.
    pub matching: i64,
}

impl Journal {
    /// What is text while it has the keyboard, and where its keys are looked up.
    #[must_use]
    pub fn keys(&self) -> (Typing, &'static [Context]) {
        if self.searching {
            (
                Typing::Chars,
                &[
                    Context::Search,
                    Context::Journal,
                    Context::Moving,
                    Context::Global,
                ],
            )
        } else {
            (
                Typing::None,
                &[Context::Journal, Context::Moving, Context::Global],
            )
        }
    }

    /// Whether the search bar is on screen.
    #[must_use]
    pub fn search_bar(&self) -> bool {
        self.searching || !self.query.is_empty()
    }

    /// The actions the status bar offers.
    #[must_use]
    pub fn hints(&self) -> (Option<&'static str>, &'static [Action]) {
        if self.searching {
            (
                Some("type to search  "),
                &[Action::ClearSearch, Action::SearchDone, Action::Help],
            )
        } else if self.trash {
            (
                Some("the trash  "),
                &[
                    Action::Restore,
                    Action::Delete,
                    Action::EmptyTrash,
                    Action::ShowTrash,
                    Action::Search,
                    Action::Filter,
                    Action::Help,
                    Action::Quit,
                ],
            )
        } else {
            (
                None,
                &[
                    Action::NewEntry,
                    Action::NewCheckIn,
                    Action::Search,
                    Action::Open,
                    Action::Filter,
                    Action::ToggleFlagSelected,
                    Action::Help,
                    Action::Quit,
                ],
            )
        }
    }

    /// Does an action of its contexts; others are passed on.
    pub fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        if self.trash
            && matches!(
                action,
                Action::Open
                    | Action::Delete
                    | Action::ToggleFlagSelected
                    | Action::ReviewPlan
                    | Action::MarkSaid
                    | Action::Export
            )
        {
            if action == Action::Delete {
                let Some(r) = self.rows.get(self.selected) else {
                    env.say("Nothing is selected in the trash: there is nothing to delete");
                    return Ok(Outcome::Done);
                };
                return Ok(Outcome::Open(Box::new(ConfirmForGood::one(
                    r.rowid,
                    r.title.clone(),
                ))));
            } else if !self.rows.is_empty() {
                env.say(format!(
                    "It is in the trash: {} puts it back in the journal first",
                    env.key(Action::Restore)
                ));
            }
            return Ok(Outcome::Done);
        }
        let store = &env.store;
        match action {
            Action::Up => self.move_by(store, -1)?,
            Action::Down => self.move_by(store, 1)?,
            Action::PageUp => self.move_by(store, -10)?,
            Action::PageDown => self.move_by(store, 10)?,
            Action::Top => self.move_by(store, isize::MIN / 2)?,
            Action::Bottom => self.move_by(store, isize::MAX / 2)?,
            Action::Search => self.start_search(store)?,
            Action::SearchDone => {
                self.searching = false;
                self.rank_now(store)?;
            }
            Action::ClearSearch => {
                if self.searching && !self.query.is_empty() {
                    self.set_query(store, String::new())?;
                } else {
                    // In the trash, a search or a filter is cleared first, then the
                    // trash is left.
                    if !(self.trash && (self.filtered() || !self.query.trim().is_empty())) {
                        self.trash = false;
                    }
                    self.clear(store)?;
                }
            }
            Action::ShowTrash => {
                self.trash = !self.trash;
                self.clear(store)?;
            }
            Action::Restore => self.restore(env)?,
            Action::EmptyTrash => return self.empty_trash(env),
            Action::Export => return Ok(self.export(env)),
            Action::Filter => {
                let names = store.names()?;
                let mut strengths: Vec<String> =
                    env.catalog.vocabulary.names().map(str::to_string).collect();
                strengths.extend(names.strengths);
                strengths.sort();
                strengths.dedup();
                return Ok(Outcome::Open(Box::new(FilterForm::new(
                    &self.filter,
                    strengths,
                    names.tags,
                ))));
            }
            Action::NewEntry => {
                return Ok(Outcome::Then(Msg::Write(WriteMsg::New(
                    NewForm::Reflection,
                ))));
            }
            Action::NewOther => return Ok(Outcome::Then(Msg::Write(WriteMsg::ChooseKind))),
            Action::NewCheckIn => return Ok(Outcome::Open(Box::new(CheckInForm::standalone()))),
            Action::Timeline => return self.timeline(env),
            Action::Open => {
                if let Some(r) = self.rows.get(self.selected) {
                    return Ok(Outcome::Then(Msg::Write(WriteMsg::Open(r.rowid))));
                }
            }
            Action::Delete => {
                if let Some(r) = self.rows.get(self.selected) {
                    return Ok(Outcome::Open(Box::new(ConfirmDelete::new(
                        r.rowid,
                        r.title.clone(),
                    ))));
                }
            }
            Action::ToggleFlagSelected => self.toggle_flag(env)?,
            Action::ReviewPlan | Action::MarkSaid => return Ok(self.practice_form(action, env)),
            Action::PreviewDown => self.preview_scroll = self.preview_scroll.saturating_add(3),
            Action::PreviewUp => self.preview_scroll = self.preview_scroll.saturating_sub(3),
            _ => return Ok(Outcome::Passed),
        }
        Ok(Outcome::Done)
    }

    /// Puts the selected entry of the trash back in the journal.
    fn restore(&mut self, env: &mut Env) -> Result<()> {
        if !self.trash {
            env.say(format!(
                "Only an entry in the trash can be restored: {} shows the trash",
                env.key(Action::ShowTrash)
            ));
            return Ok(());
        }
        let Some(r) = self.rows.get(self.selected) else {
            env.say("The trash is empty: there is nothing to restore");
            return Ok(());
        };
        let title = sanitize_line(&r.title).into_owned();
        if env.store.restore_entry(r.rowid)? {
            env.say(format!("Restored “{title}” to the journal"));
        } else {
            env.say(format!(
                "“{title}” is no longer in the trash (restored or deleted elsewhere)"
            ));
        }
        env.changed = true;
        Ok(())
    }

    /// Asks before emptying the trash for good.
    fn empty_trash(&mut self, env: &mut Env) -> Result<Outcome> {
        if !self.trash {
            env.say(format!(
                "{} empties the trash from the trash itself: {} shows it",
                env.key(Action::EmptyTrash),
                env.key(Action::ShowTrash)
            ));
            return Ok(Outcome::Done);
        }
        let n = env.store.count_entries(&EntryFilter {
            trashed: true,
            ..EntryFilter::default()
        })?;
        if n == 0 {
            env.say("The trash is already empty");
            return Ok(Outcome::Done);
        }
        Ok(Outcome::Open(Box::new(ConfirmForGood::all(n))))
    }

    /// The export form, over the selected entry or the list as it is shown.
    fn export(&self, env: &mut Env) -> Outcome {
        let Some(r) = self.rows.get(self.selected) else {
            env.say("There is nothing in the list to export");
            return Outcome::Done;
        };
        let selected = Chosen {
            rowid: r.rowid,
            title: r.title.clone(),
            kind: r.kind,
            scope: self.preview.as_ref().map(|e| e.scope),
        };
        // A search lists its hits; a filter, every entry it lets through.
        let list = if self.query.trim().is_empty() {
            ListShown::Filter {
                filter: self.store_filter(),
                count: self.matching,
                narrowed: self.narrowed_by(),
            }
        } else {
            ListShown::Hits {
                rowids: self.rows.iter().map(|r| r.rowid).collect(),
                query: self.query.trim().to_string(),
            }
        };
        Outcome::Open(Box::new(ExportForm::new(selected, list, env)))
    }

    /// The review of the selected positive-risk plan, or the selected recognition marked
    /// said; what else is selected is said in the status bar.
    fn practice_form(&self, action: Action, env: &mut Env) -> Outcome {
        use crate::tui::overlays::practice::{MarkSaid, Pick, PlanReview};
        let picked = self.rows.get(self.selected).map(|r| {
            (
                r.kind,
                Pick {
                    rowid: r.rowid,
                    title: r.title.clone(),
                },
            )
        });
        let details = self.preview.as_ref().map(|e| &e.details);
        match (action, picked, details) {
            (
                Action::ReviewPlan,
                Some((EntryKind::PositiveRisk, pick)),
                Some(Details::PositiveRisk(p)),
            ) if p.status == PlanStatus::Active => {
                Outcome::Open(Box::new(PlanReview::new(vec![pick], env)))
            }
            (Action::ReviewPlan, Some((EntryKind::PositiveRisk, _)), _) => {
                env.say("The plan has ended: write a new plan to start again");
                Outcome::Done
            }
            (Action::ReviewPlan, ..) => {
                env.say("Select a positive-risk plan to review it");
                Outcome::Done
            }
            (
                Action::MarkSaid,
                Some((EntryKind::Recognition, pick)),
                Some(Details::Recognition(r)),
            ) if r.direction == Direction::Given && r.said == Said::NotYet => {
                Outcome::Open(Box::new(MarkSaid::new(vec![pick])))
            }
            (
                Action::MarkSaid,
                Some((EntryKind::Recognition, _)),
                Some(Details::Recognition(r)),
            ) => {
                env.say(if r.direction == Direction::Received {
                    "It is recognition you received: there is nothing left to say".to_string()
                } else {
                    let when = r.said_on.map(|d| format!(" on {d}")).unwrap_or_default();
                    format!("It was said already ({}{when})", r.said)
                });
                Outcome::Done
            }
            _ => {
                env.say("Select recognition not yet said to mark it said");
                Outcome::Done
            }
        }
    }

    /// A key typed into the search bar, while it has the keyboard.
    pub fn text(&mut self, key: KeyEvent, env: &mut Env) -> Result<()> {
        if !self.searching {
            return Ok(());
        }
        let mut q = self.query.clone();
        match key.code {
            KeyCode::Char(c) => q.push(c),
            KeyCode::Backspace => {
                q.pop();
            }
            _ => return Ok(()),
        }
        self.set_query(&env.store, q)
    }

    /// A pasted text: its first line goes into the search bar while it is open.
    pub fn paste(&mut self, text: &str, env: &mut Env) -> Result<()> {
        if self.searching {
            let q = format!("{}{}", self.query, text.lines().next().unwrap_or_default());
            self.set_query(&env.store, q)?;
        }
        Ok(())
    }

    /// A click: selects the row under it.
    pub fn click(&mut self, at: Position, layout: &Layout, env: &mut Env) -> Result<()> {
        if let Some(row) = layout.list_row_at(at) {
            self.select(&env.store, self.offset + row)?;
        }
        Ok(())
    }

    /// Between events: ranks a search once its typing pauses.
    pub fn tick(&mut self, now: Instant, env: &mut Env) {
        if let Err(e) = self.rank_if_due(&env.store, now) {
            env.say(format!("{e:#}"));
        }
    }

    /// The journal changed: the list, the count and the preview are read again.
    pub fn refresh(&mut self, env: &Env) -> Result<()> {
        self.reload(&env.store)
    }

    /// Shows the entry with this short id, selected, in the list as it is now (the
    /// journal's, if the trash was shown).
    pub fn select_short_id(&mut self, id: &str, env: &Env) -> Result<()> {
        if self.trash {
            self.trash = false;
            self.clear(&env.store)?;
        }
        self.reload(&env.store)?;
        if let Some(i) = self.rows.iter().position(|r| r.short_id == id) {
            self.select(&env.store, i)?;
        }
        Ok(())
    }

    /// Only these entries, the search cleared (a drill-down from the patterns).
    pub fn show(&mut self, filter: EntryFilter, env: &Env) -> Result<()> {
        self.query.clear();
        self.searching = false;
        self.trash = false;
        self.set_filter(&env.store, filter)
    }

    fn toggle_flag(&mut self, env: &mut Env) -> Result<()> {
        let Some(row) = self.rows.get(self.selected) else {
            return Ok(());
        };
        let mut entry = env.store.entry_by_rowid(row.rowid)?;
        entry.for_supervision = !entry.for_supervision;
        let saved = env.store.update_entry(&entry, env.clock.now_utc())?;
        env.say(if saved.for_supervision {
            format!("{} flagged for supervision", saved.short_id())
        } else {
            format!("{} no longer flagged", saved.short_id())
        });
        env.changed = true;
        Ok(())
    }

    fn timeline(&mut self, env: &mut Env) -> Result<Outcome> {
        let subject = match self.preview.as_ref().map(|e| &e.details) {
            Some(Details::StageNote(n)) => n.subject.clone(),
            _ => {
                env.say("Select a stage note to see its subject's timeline");
                return Ok(Outcome::Done);
            }
        };
        let points = env.store.stage_history(&subject, None)?;
        Ok(Outcome::Open(Box::new(Timeline::new(subject, points))))
    }

    fn store_filter(&self) -> EntryFilter {
        EntryFilter {
            trashed: self.trash,
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
        self.offset = 0;
        self.hits_wanted = HITS;
        self.reload(store)
    }

    /// Reads the list again from the top (or the search results, ranked), keeping the
    /// selection on the same entry when it is still there.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.total = store.count_entries(&EntryFilter::default())?;
        self.matching = if self.filtered() || self.trash {
            store.count_entries(&self.store_filter())?
        } else {
            self.total
        };
        self.relist(store, true, true)
    }

    /// Reads the rows again (`ranked`: search hits by relevance, else newest first),
    /// keeping the selection on the same entry when it is still there. The preview is
    /// read again when the journal `changed`, or when another entry is selected.
    fn relist(&mut self, store: &Store, ranked: bool, changed: bool) -> Result<()> {
        let keep = self.rows.get(self.selected).map(|r| r.rowid);
        self.rank_due = None;
        if self.query.trim().is_empty() {
            self.rows = store.list_entries(&self.store_filter(), None, PAGE)?;
            self.exhausted = self.rows.len() < PAGE;
        } else {
            self.ranked = ranked;
            self.hits_wanted = self.hits_wanted.max(HITS);
            self.rows = self.search(store, ranked)?;
            self.exhausted = self.rows.len() < self.hits_wanted;
        }
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.rowid == id))
            .unwrap_or(0);
        let shown = self.preview.as_ref().map(|e| e.id);
        if changed || self.rows.get(self.selected).map(|r| r.id) != shown {
            self.load_preview(store)?;
        }
        Ok(())
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
            self.relist(store, true, false)?;
        }
        Ok(())
    }

    /// Reads the next page when the selection is near the end of what is loaded.
    fn ensure_loaded(&mut self, store: &Store) -> Result<()> {
        if self.exhausted || self.selected + 20 < self.rows.len() {
            return Ok(());
        }
        if !self.query.trim().is_empty() {
            // The same search for more hits. The selection stays on its entry: a longer
            // list can hold more loose matches (names, titles), which go before the words'.
            let keep = self.rows.get(self.selected).map(|r| r.rowid);
            self.hits_wanted = self.rows.len() + PAGE;
            self.rows = self.search(store, self.ranked)?;
            self.exhausted = self.rows.len() < self.hits_wanted;
            self.selected = keep
                .and_then(|id| self.rows.iter().position(|r| r.rowid == id))
                .unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
            return Ok(());
        }
        let after = self.rows.last().map(|r| (r.occurred_on, r.rowid));
        let more = store.list_entries(&self.store_filter(), after, PAGE)?;
        self.exhausted = more.len() < PAGE;
        self.rows.extend(more);
        Ok(())
    }

    /// Loads the full text of the selected entry only.
    fn load_preview(&mut self, store: &Store) -> Result<()> {
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
        self.finder = Some(Finder::new(store, &self.store_filter())?);
        Ok(())
    }

    /// The query changed (a keystroke): narrow the list at once, newest hits first, and
    /// rank them when the typing pauses. Nothing else is read again (the count of
    /// entries has not changed).
    pub fn set_query(&mut self, store: &Store, query: String) -> Result<()> {
        self.query = query;
        self.selected = 0;
        self.offset = 0;
        self.hits_wanted = HITS;
        self.relist(store, false, false)?;
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
        self.offset = 0;
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
            Some(f) => f.find(store, &self.query, order, self.hits_wanted)?.hits,
            None => Vec::new(),
        };
        Ok(hits.into_iter().map(|h| h.entry).collect())
    }

    /// Keeps the selected row in view for a list of this frame's height.
    pub fn fit(&mut self, layout: &Layout) {
        let height = usize::from(layout.list.height.saturating_sub(2));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// The count the header shows: the entries listed out of all of them while a filter
    /// or a search narrows the list, else all of them.
    #[must_use]
    pub fn count(&self) -> String {
        let entries = |n: i64| format!("{n} entr{}", if n == 1 { "y" } else { "ies" });
        if self.trash {
            let found = if self.query.trim().is_empty() {
                String::new()
            } else {
                format!("{} found of ", self.found())
            };
            format!("{found}{} in the trash", entries(self.matching))
        } else if !self.query.trim().is_empty() {
            format!("{} found of {}", self.found(), entries(self.total))
        } else if self.filtered() {
            format!("{} of {}", self.matching, entries(self.total))
        } else {
            entries(self.total)
        }
    }

    /// How many search hits are listed: "60+" while more may be read on scrolling.
    fn found(&self) -> String {
        let n = self.rows.len();
        if self.exhausted {
            n.to_string()
        } else {
            format!("{n}+")
        }
    }

    /// What narrows the list, in words (`strength advocacy · #nights · from 2026-03-01`).
    fn narrowed_by(&self) -> String {
        let filter = &self.filter;
        let mut parts = Vec::new();
        if let Some(k) = filter.kind {
            parts.push(format!("kind {k}"));
        }
        if let Some(st) = &filter.strength {
            parts.push(format!("strength {st}"));
        }
        if let Some(tg) = &filter.tag {
            parts.push(format!("#{tg}"));
        }
        match (filter.since, filter.until) {
            (Some(a), Some(b)) => parts.push(format!("{a} to {b}")),
            (Some(a), None) => parts.push(format!("from {a}")),
            (None, Some(b)) => parts.push(format!("to {b}")),
            (None, None) => {}
        }
        parts.join(" · ")
    }

    /// Draws the pane.
    pub fn draw(&self, f: &mut Frame<'_>, layout: &Layout, env: &Env) {
        let t = &env.theme;
        if self.search_bar() {
            let cursor = if self.searching { "▏" } else { "" };
            let line = Line::from(vec![
                Span::styled(" / ", t.key),
                Span::raw(format!("{}{cursor}", sanitize_line(&self.query))),
                Span::styled(format!("   {} found", self.found()), t.dim),
            ]);
            f.render_widget(line, layout.search);
        }
        if self.total == 0 && !self.trash {
            draw_welcome(f, layout.main, env);
            return;
        }
        self.draw_list(f, layout.list, env);
        let preview_block = widgets::block(t, "Entry", false);
        let pin = preview_block.inner(layout.preview);
        f.render_widget(preview_block, layout.preview);
        if let Some(e) = &self.preview {
            // Wrapped under their text: a list item's next row is under its words.
            let lines = widgets::wrap_lines(&preview_text(e, env).lines, usize::from(pin.width));
            f.render_widget(Paragraph::new(lines).scroll((self.preview_scroll, 0)), pin);
        }
    }

    fn draw_list(&self, f: &mut Frame<'_>, area: Rect, env: &Env) {
        let t = &env.theme;
        // What narrows the list, each named ("strength reflection", never a bare word
        // that reads like the kind of entry).
        let narrowed = self.narrowed_by();
        let what = if self.trash { "Trash" } else { "Journal" }.to_string();
        let parts = if narrowed.is_empty() {
            vec![what]
        } else {
            vec![what, narrowed]
        };
        let title = sanitize_line(&parts.join(" · ")).into_owned();
        let list_block = widgets::block(t, &title, true);
        let inner = list_block.inner(area);
        f.render_widget(list_block, area);
        let height = usize::from(inner.height);
        let w = usize::from(inner.width);
        let mut lines = Vec::new();
        if self.rows.is_empty() {
            // Say what emptied the list, and how to widen it.
            let why = if !self.query.trim().is_empty() {
                format!(
                    "Nothing matches the search. {} clears it.",
                    env.key(Action::ClearSearch)
                )
            } else if self.filtered() {
                format!(
                    "No entries with {}. {} changes the filter, {} clears it.",
                    self.narrowed_by(),
                    env.key(Action::Filter),
                    env.key(Action::ClearSearch)
                )
            } else if self.trash {
                format!(
                    "The trash is empty. {} goes back to the journal.",
                    env.key(Action::ShowTrash)
                )
            } else {
                "No entries.".to_string()
            };
            lines.extend(
                widgets::wrap(&sanitize_line(&why), w)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.dim))),
            );
        }
        for (i, r) in self.rows.iter().enumerate().skip(self.offset).take(height) {
            let flag = if r.for_supervision { "⚑" } else { " " };
            let kind = match r.kind.as_str() {
                "reflection" => "refl",
                "supervision" => "supv",
                "call-in" => "call",
                "stage-note" => "stag",
                "check-in" => "chk",
                "cpd" => "cpd",
                "recognition" => "recg",
                "feedback" => "fdbk",
                "rupture" => "rupt",
                "positive-risk" => "risk",
                "group-session" => "grp",
                _ => "?",
            };
            let strengths = strengths_text(&r.strengths);
            let fixed = 10 + 1 + 4 + 1 + 2;
            let room = w.saturating_sub(fixed);
            let title = sanitize_line(&r.title);
            let title = if title.is_empty() {
                "(untitled)".into()
            } else {
                title
            };
            let (title_w, str_w) = if strengths.is_empty() || room < 30 {
                (room, 0)
            } else {
                let s = width(&strengths).min(room / 3);
                (room - s - 1, s)
            };
            let selected = i == self.selected;
            let style = if selected { t.selected } else { t.base };
            let mut spans = vec![
                Span::styled(
                    format!("{} ", r.occurred_on),
                    if selected { style } else { t.dim },
                ),
                Span::styled(format!("{kind:<4} "), if selected { style } else { t.dim }),
                Span::styled(format!("{flag} "), if selected { style } else { t.flag }),
                Span::styled(pad(&title, title_w), style),
            ];
            if str_w > 0 {
                spans.push(Span::styled(
                    format!(" {}", truncate(&sanitize_line(&strengths), str_w)),
                    if selected { style } else { t.strength },
                ));
            }
            lines.push(Line::from(spans));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}

fn draw_welcome(f: &mut Frame<'_>, area: Rect, env: &Env) {
    let t = &env.theme;
    let k = |a: Action| env.key(a);
    let row = |a: Action, what: &'static str| {
        Line::from(vec![
            Span::styled(format!("{:>8}  ", k(a)), t.key),
            Span::raw(what),
        ])
    };
    let lines = vec![
        Line::from(Span::styled("Welcome to praxis", t.title)),
        Line::from(""),
        Line::from(
            "A private place to reflect on your practice. Everything stays on this machine.",
        ),
        Line::from(""),
        row(Action::NewEntry, "write your first reflection"),
        row(Action::NextField, "move between its sections"),
        row(Action::Save, "save it"),
        row(Action::Help, "every key, any time"),
    ];
    let block = widgets::block(t, "Journal", true);
    let inner = block.inner(area);
    f.render_widget(block, area);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        inner.inner(Margin::new(2, 1)),
    );
}

/// An entry as the preview shows it.
fn preview_text(e: &Entry, env: &Env) -> Text<'static> {
    let t = &env.theme;
    let catalog = &env.catalog;
    let mut lines: Vec<Line<'static>> = Vec::new();
    lines.push(Line::from(Span::styled(
        sanitize_line(&e.title).into_owned(),
        t.title,
    )));
    let mut meta = vec![e.occurred_on.to_string(), e.kind.to_string()];
    // The model's or the form's name, never its key.
    let template = catalog.for_entry(e.kind, e.model.as_deref());
    if let Some(m) = e.model.as_deref() {
        meta.push(
            template
                .as_ref()
                .map_or_else(|| m.to_string(), |x| x.name.clone()),
        );
    }
    meta.push(e.scope.to_string());
    lines.push(Line::from(Span::styled(
        sanitize_line(&meta.join(" · ")).into_owned(),
        t.dim,
    )));
    if let Some(at) = e.deleted_at {
        lines.push(Line::from(Span::styled(
            format!(
                "In the trash since {} · {} restores it",
                at.date_naive(),
                env.key(Action::Restore)
            ),
            t.warn,
        )));
    }
    if e.for_supervision {
        lines.push(Line::from(Span::styled("⚑ for supervision", t.flag)));
    }
    if !e.strengths.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Strengths ", t.dim),
            Span::styled(
                sanitize_line(&strengths_text(&e.strengths)).into_owned(),
                t.strength,
            ),
        ]));
    }
    if !e.tags.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Tags ", t.dim),
            Span::raw(sanitize_line(&e.tags.join(", ")).into_owned()),
        ]));
    }
    if let Some(c) = &e.checkin {
        lines.push(Line::from(vec![
            Span::styled("Check-in ", t.dim),
            Span::raw(c.summary()),
        ]));
    }
    // The practice kinds' facts in words ("not yet said", "Action-learning set"), first.
    let facts = crate::model::practice::facts(&e.details, &|d| d.to_string());
    for (label, text) in &facts {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", sanitize_line(label)), t.dim),
            Span::raw(sanitize_line(text).into_owned()),
        ]));
    }
    if !e.body.trim().is_empty() {
        lines.push(Line::from(""));
        for l in sanitize(&e.body).lines() {
            lines.push(Line::from(l.to_string()));
        }
    }
    for s in e.sections.iter().filter(|s| !s.text.trim().is_empty()) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            sanitize_line(&s.label).into_owned(),
            t.accent,
        )));
        for l in sanitize(&s.text).lines() {
            lines.push(Line::from(l.to_string()));
        }
    }
    // Other kinds' typed fields, under their labels.
    if facts.is_empty() {
        let shown_above = ["title", "date"];
        for (key, text) in crate::model::details::entry_texts(e)
            .iter()
            .filter(|(k, v)| !v.is_empty() && !shown_above.contains(k))
        {
            let label = template
                .as_ref()
                .and_then(|t| t.field(key))
                .map_or(*key, |f| f.label.as_str());
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", sanitize_line(label)), t.dim),
                Span::raw(sanitize_line(text).into_owned()),
            ]));
        }
    }
    if !e.actions.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Actions", t.accent)));
        for a in &e.actions {
            let mark = match a.status {
                ActionStatus::Done => "[x]",
                ActionStatus::Partly => "[~]",
                ActionStatus::Open => "[ ]",
            };
            let due = a.due_on.map(|d| format!(" (due {d})")).unwrap_or_default();
            lines.push(Line::from(format!(
                "{mark} {}{due}",
                sanitize_line(&a.text)
            )));
        }
    }
    Text::from(lines)
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate, TimeZone as _, Utc};

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
            } else if i == 3 {
                e.title = format!("Day {i}");
                e.body = format!("Boundaries, and boundaries again. {}", "x ".repeat(50));
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
        let mut j = Journal::default();
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
        // Ranked: the word twice counts for more than once; among equals, the newest.
        assert_eq!(j.rows[1].title, "Day 3");
        assert_eq!(j.rows[2].title, "Day 29");
    }

    /// A keystroke reads a screenful of hits, not every match; the rest are read as the
    /// selection nears the end, in the same order, and the count says more may follow.
    #[test]
    fn search_hits_are_read_a_screenful_at_a_time() {
        let mut s = Store::open_in_memory().unwrap();
        let n = HITS + PAGE + 15;
        let entries: Vec<Entry> = (0..n)
            .map(|i| {
                let on = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(i as u64);
                let mut e = Entry::new(EntryKind::Reflection, on, Utc::now());
                e.title = format!("Visit {i}");
                e.body = "The tabard was left in the car.".into();
                e
            })
            .collect();
        s.insert_entries(&entries).unwrap();
        let mut j = Journal::default();
        j.reload(&s).unwrap();
        j.start_search(&s).unwrap();
        j.set_query(&s, "tabard".into()).unwrap();
        assert_eq!(j.rows.len(), HITS);
        assert_eq!(j.found(), format!("{HITS}+"));
        assert!(
            j.count()
                .starts_with(&format!("{HITS}+ found of {n} entries")),
            "{}",
            j.count()
        );
        let newest: Vec<String> = j.rows.iter().map(|r| r.title.clone()).collect();
        // Down to near the end: a page more, the first ones unchanged, the selection kept.
        j.move_by(&s, (HITS - 10) as isize).unwrap();
        assert_eq!(j.rows.len(), HITS + PAGE);
        assert_eq!(
            j.rows[..HITS]
                .iter()
                .map(|r| r.title.clone())
                .collect::<Vec<_>>(),
            newest
        );
        assert_eq!(j.selected, HITS - 10);
        assert_eq!(j.preview.as_ref().unwrap().title, newest[HITS - 10]);
        // And the rest, ranked too; then the count is exact.
        j.rank_now(&s).unwrap();
        j.move_by(&s, PAGE as isize).unwrap();
        assert_eq!(j.rows.len(), n);
        assert_eq!(j.found(), n.to_string());
        let mut titles: Vec<&str> = j.rows.iter().map(|r| r.title.as_str()).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), n, "every entry once");
        // A new query starts from a screenful again, and so does a new filter.
        j.set_query(&s, "car".into()).unwrap();
        assert_eq!(j.rows.len(), HITS);
        j.move_by(&s, (HITS - 10) as isize).unwrap();
        assert_eq!(j.rows.len(), HITS + PAGE);
        j.set_filter(&s, EntryFilter::default()).unwrap();
        assert_eq!(j.rows.len(), HITS);
    }

    #[test]
    fn a_word_shorter_than_three_letters_is_matched_whole() {
        let mut s = journal();
        let on = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let mut e = Entry::new(EntryKind::Reflection, on, Utc::now());
        e.title = "An ok day".into();
        s.insert_entry(&e).unwrap();
        let mut j = Journal::default();
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

    #[test]
    fn the_preview_follows_the_selection_and_the_journal_as_the_search_is_typed() {
        let mut s = journal();
        let mut j = Journal::default();
        j.reload(&s).unwrap();
        j.start_search(&s).unwrap();
        j.set_query(&s, "day".into()).unwrap();
        let first = j.preview.as_ref().unwrap().id;
        assert_eq!(j.rows[0].id, first);
        // Another entry on top: its preview.
        j.set_query(&s, "boundaries again".into()).unwrap();
        assert_eq!(j.preview.as_ref().unwrap().id, j.rows[0].id);
        assert_ne!(j.rows[0].id, first);
        // The same entry on top after a change to it: read again.
        let mut e = j.preview.clone().unwrap();
        e.body.push_str(" Changed.");
        s.update_entry(&e, Utc::now()).unwrap();
        j.reload(&s).unwrap();
        assert!(j.preview.as_ref().unwrap().body.ends_with("Changed."));
    }
}
