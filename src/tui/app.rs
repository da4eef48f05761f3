//! The app's state and how it changes: keys become actions, actions change state, and
//! the views draw whatever the state is. Nothing here draws; nothing in the views writes.

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::layout::{Position, Rect};

use super::action::{Action, Context};
use super::journal::JournalState;
use super::keymap::{Key, Keymap};
use super::patterns::PatternsState;
use super::theme::Theme;
use super::view;
use super::write::{DraftData, WriteState};
use crate::clock::Clock;
use crate::config::Config;
use crate::config::catalog::Catalog;
use chrono::NaiveDate;

use crate::model::{
    AgendaItem, Carrying, CheckIn, Details, Entry, EntryKind, Function, Load, Scope, SessionStage,
    StrengthTag, Supervision, Whose, parse_date_arg,
};
use crate::store::{Draft, EntryFilter, PrepMaterial, StagePoint, Store, StoreError};

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Journal,
    Write,
    Supervision,
    Patterns,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Journal,
        Pane::Write,
        Pane::Supervision,
        Pane::Patterns,
    ];

    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Pane::Journal => "Journal",
            Pane::Write => "Write",
            Pane::Supervision => "Supervision",
            Pane::Patterns => "Patterns",
        }
    }

    fn context(self) -> Context {
        match self {
            Pane::Journal => Context::Journal,
            Pane::Write => Context::Write,
            Pane::Supervision => Context::Supervision,
            Pane::Patterns => Context::Patterns,
        }
    }
}

/// The check-in form (PRACTICE.md §7): every field optional, nothing scored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckInForm {
    pub field: usize,
    pub checkin: CheckIn,
    /// Save the entry when the form is confirmed or skipped (shown at the end of writing).
    pub then_save: bool,
    /// A check-in entry of its own: saved when confirmed (`editing` names a stored one).
    pub standalone: bool,
    pub editing: Option<i64>,
}

/// The journal's filter form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterForm {
    pub field: usize,
    pub kind: Option<EntryKind>,
    pub strength: String,
    pub tag: String,
    pub since: String,
    pub until: String,
    pub error: Option<String>,
}

pub const FILTER_FIELDS: [&str; 5] = ["Kind", "Strength", "Tag", "From", "To"];

/// What "write another kind" offers: label, kind, template id.
pub const NEW_KINDS: [(&str, EntryKind, &str); 6] = [
    ("Reflection", EntryKind::Reflection, ""),
    ("Check-in", EntryKind::CheckIn, "check-in"),
    ("Call-in plan", EntryKind::CallIn, "callin-plan"),
    ("Stage note", EntryKind::StageNote, "stage-note"),
    ("CPD record", EntryKind::Cpd, "cpd"),
    (
        "Supervision record",
        EntryKind::Supervision,
        "supervision-record",
    ),
];

pub const CHECKIN_FIELDS: [&str; 6] = [
    "Mood",
    "Energy",
    "Load",
    "Carrying",
    "One word",
    "What helped",
];

/// A window over the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Strengths {
        query: String,
        selected: usize,
        whose: Whose,
    },
    CheckIn(CheckInForm),
    Models {
        selected: usize,
    },
    ConfirmQuit,
    ConfirmDelete {
        rowid: i64,
        title: String,
    },
    Drafts {
        drafts: Vec<(i64, String, String)>,
        selected: usize,
    },
    Conflict {
        mine: Box<Entry>,
    },
    NewKind {
        selected: usize,
    },
    Filter(FilterForm),
    Timeline {
        subject: String,
        points: Vec<StagePoint>,
    },
}

/// Work the event loop does for the app because it needs the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Suspend the screen and write the given field in `$EDITOR`.
    EditExternally {
        field: usize,
        text: String,
    },
}

pub struct App {
    pub store: Store,
    pub catalog: Catalog,
    pub clock: Clock,
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    pub pane: Pane,
    pub journal: JournalState,
    pub write: Option<WriteState>,
    pub board: Option<PrepMaterial>,
    pub patterns: PatternsState,
    pub board_scroll: u16,
    /// The newest prep without a record yet: its agenda can be reordered and tagged.
    pub board_prep: Option<Entry>,
    pub agenda_selected: usize,
    pub overlay: Option<Overlay>,
    pub status: Option<String>,
    pub quit: bool,
    /// When the form last changed, for the idle draft.
    last_edit: Option<Instant>,
    /// The screen size of the last frame, for mouse hits.
    pub size: Rect,
}

impl App {
    /// Opens the app over a journal; a draft left from before is offered back.
    pub fn new(
        store: Store,
        catalog: Catalog,
        config: Config,
        clock: Clock,
        keymap: Keymap,
        theme: Theme,
    ) -> Result<App> {
        let mut app = App {
            store,
            catalog,
            clock,
            config,
            keymap,
            theme,
            pane: Pane::Journal,
            journal: JournalState::default(),
            write: None,
            board: None,
            patterns: PatternsState::default(),
            board_scroll: 0,
            board_prep: None,
            agenda_selected: 0,
            overlay: None,
            status: None,
            quit: false,
            last_edit: None,
            size: Rect::new(0, 0, 80, 24),
        };
        app.journal.reload(&app.store)?;
        let drafts = app.store.drafts()?;
        if !drafts.is_empty() {
            app.overlay = Some(Overlay::Drafts {
                drafts: drafts.iter().map(describe_draft).collect(),
                selected: 0,
            });
        }
        Ok(app)
    }

    /// Whether a text field has the keyboard (plain keys are text then).
    #[must_use]
    pub fn typing(&self) -> bool {
        match self.pane {
            Pane::Write => self.write.is_some(),
            Pane::Journal => self.journal.searching,
            Pane::Supervision | Pane::Patterns => false,
        }
    }

    /// Handles one terminal event.
    pub fn handle_event(&mut self, event: &Event) -> Result<Effect> {
        let result = match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(*k),
            Event::Paste(text) => {
                self.paste(text);
                Ok(Effect::None)
            }
            Event::Mouse(m) => self.mouse(*m).map(|()| Effect::None),
            Event::Resize(w, h) => {
                self.size = Rect::new(0, 0, *w, *h);
                Ok(Effect::None)
            }
            _ => Ok(Effect::None),
        };
        // A failed store call is reported where the user looks, never a crash.
        result.or_else(|e| {
            self.status = Some(format!("{e:#}"));
            Ok(Effect::None)
        })
    }

    /// Handles a key: overlays first, then the keymap, then text input.
    pub fn handle_key(&mut self, key: KeyEvent) -> Result<Effect> {
        self.status = None;
        if self.overlay.is_some() {
            return self.overlay_key(key);
        }
        let k = Key::from_event(&key);
        if let Some(action) = self.keymap.lookup(k, self.pane.context(), self.typing()) {
            return self.act(action);
        }
        match self.pane {
            Pane::Write => {
                if let Some(w) = self.write.as_mut()
                    && let Some(f) = w.fields.get_mut(w.focus)
                {
                    if f.single_line && key.code == KeyCode::Enter {
                        w.focus = (w.focus + 1).min(w.fields.len() - 1);
                        return Ok(Effect::None);
                    }
                    if f.area.input(key) {
                        w.touch();
                        self.last_edit = Some(Instant::now());
                    }
                }
            }
            Pane::Journal if self.journal.searching => self.search_key(key)?,
            _ => {}
        }
        Ok(Effect::None)
    }

    fn search_key(&mut self, key: KeyEvent) -> Result<()> {
        let mut q = self.journal.query.clone();
        match key.code {
            KeyCode::Char(c) => q.push(c),
            KeyCode::Backspace => {
                q.pop();
            }
            KeyCode::Enter | KeyCode::Down => {
                self.journal.searching = false;
                return self.journal.rank_now(&self.store);
            }
            _ => return Ok(()),
        }
        self.journal.set_query(&self.store, q)
    }

    /// Does an action.
    pub fn act(&mut self, action: Action) -> Result<Effect> {
        match action {
            Action::Quit => {
                if self.write.as_ref().is_some_and(|w| w.dirty) {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::FocusJournal => self.focus(Pane::Journal)?,
            Action::FocusWrite => self.focus(Pane::Write)?,
            Action::FocusSupervision => self.focus(Pane::Supervision)?,
            Action::FocusPatterns => self.focus(Pane::Patterns)?,
            Action::PeriodPrev | Action::PeriodNext => {
                let by = if action == Action::PeriodPrev { -1 } else { 1 };
                self.patterns
                    .step_period(&self.store, &self.catalog, self.clock.today(), by)?;
            }
            Action::WeekPrev => self.patterns.step_week(-1),
            Action::WeekNext => self.patterns.step_week(1),
            Action::DrillDown => {
                if let Some(filter) = self.patterns.drill_filter() {
                    self.journal.query.clear();
                    self.journal.searching = false;
                    self.journal.set_filter(&self.store, filter)?;
                    self.pane = Pane::Journal;
                }
            }
            Action::Up => self.scroll(-1)?,
            Action::Down => self.scroll(1)?,
            Action::PageUp => self.scroll(-10)?,
            Action::PageDown => self.scroll(10)?,
            Action::Top => self.scroll(isize::MIN / 2)?,
            Action::Bottom => self.scroll(isize::MAX / 2)?,
            Action::Search => self.journal.start_search(&self.store)?,
            Action::ClearSearch => {
                if self.journal.searching && !self.journal.query.is_empty() {
                    self.journal.set_query(&self.store, String::new())?;
                } else {
                    self.journal.clear(&self.store)?;
                }
            }
            Action::Filter => self.open_filter(),
            Action::NewOther => {
                if self.write.as_ref().is_some_and(|w| w.dirty) {
                    self.pane = Pane::Write;
                    self.status =
                        Some("Finish or save this entry first (it is kept as a draft)".into());
                } else {
                    self.overlay = Some(Overlay::NewKind { selected: 0 });
                }
            }
            Action::NewCheckIn => {
                self.overlay = Some(Overlay::CheckIn(CheckInForm {
                    standalone: true,
                    ..CheckInForm::default()
                }));
            }
            Action::Timeline => self.open_timeline()?,
            Action::Gather => self.gather_prep()?,
            Action::AgendaUp | Action::AgendaDown => {
                self.move_agenda_item(action == Action::AgendaUp)?;
            }
            Action::CycleFunction => self.cycle_agenda_function()?,
            Action::RecordSession => self.new_record()?,
            Action::NewEntry => self.new_entry()?,
            Action::Open => self.open_selected()?,
            Action::Delete => {
                if let Some(r) = self.journal.rows.get(self.journal.selected) {
                    self.overlay = Some(Overlay::ConfirmDelete {
                        rowid: r.rowid,
                        title: r.title.clone(),
                    });
                }
            }
            Action::ToggleFlagSelected => self.toggle_selected_flag()?,
            Action::PreviewDown => {
                self.journal.preview_scroll = self.journal.preview_scroll.saturating_add(3)
            }
            Action::PreviewUp => {
                self.journal.preview_scroll = self.journal.preview_scroll.saturating_sub(3)
            }
            Action::Save => self.save(true)?,
            Action::NextField | Action::PrevField => {
                if let Some(w) = self.write.as_mut() {
                    let n = w.fields.len();
                    w.focus = if action == Action::NextField {
                        (w.focus + 1) % n
                    } else {
                        (w.focus + n - 1) % n
                    };
                }
            }
            Action::PickModel => {
                if self
                    .write
                    .as_ref()
                    .is_some_and(|w| w.entry.kind == EntryKind::Reflection)
                {
                    let current = self
                        .write
                        .as_ref()
                        .and_then(|w| w.template.as_ref())
                        .map(|t| t.id.clone());
                    let selected = self
                        .catalog
                        .models
                        .iter()
                        .position(|m| Some(&m.id) == current.as_ref())
                        .unwrap_or(0);
                    self.overlay = Some(Overlay::Models { selected });
                }
            }
            Action::PickStrengths => {
                if self.write.is_some() {
                    self.overlay = Some(Overlay::Strengths {
                        query: String::new(),
                        selected: 0,
                        whose: Whose::Mine,
                    });
                }
            }
            Action::CheckIn => {
                if let Some(w) = &self.write {
                    self.overlay = Some(Overlay::CheckIn(CheckInForm {
                        checkin: w.entry.checkin.clone().unwrap_or_default(),
                        ..CheckInForm::default()
                    }));
                }
            }
            Action::ToggleFlag => {
                if let Some(w) = self.write.as_mut() {
                    w.entry.for_supervision = !w.entry.for_supervision;
                    w.touch();
                }
            }
            Action::CycleScope => {
                if let Some(w) = self.write.as_mut() {
                    w.cycle_scope();
                }
            }
            Action::ExternalEditor => {
                if let Some(w) = &self.write {
                    let f = &w.fields[w.focus];
                    if !f.single_line {
                        return Ok(Effect::EditExternally {
                            field: w.focus,
                            text: f.area.lines().join("\n"),
                        });
                    }
                }
            }
            Action::Back => self.focus(Pane::Journal)?,
            Action::Refresh => self.gather_board()?,
        }
        Ok(Effect::None)
    }

    fn scroll(&mut self, delta: isize) -> Result<()> {
        match self.pane {
            Pane::Journal => self.journal.move_by(&self.store, delta),
            Pane::Supervision if self.agenda_len() > 0 => {
                let last = self.agenda_len() - 1;
                self.agenda_selected = self.agenda_selected.saturating_add_signed(delta).min(last);
                Ok(())
            }
            Pane::Supervision => {
                let d = i32::try_from(delta.clamp(-1000, 1000)).unwrap_or(0);
                self.board_scroll =
                    u16::try_from((i32::from(self.board_scroll) + d).max(0)).unwrap_or(0);
                Ok(())
            }
            Pane::Patterns => {
                self.patterns.step_strength(delta.clamp(-1000, 1000));
                Ok(())
            }
            Pane::Write => Ok(()),
        }
    }

    /// What was drawn from the journal is out of date after a change.
    fn stale(&mut self) {
        self.board = None;
        self.patterns.insights = None;
    }

    /// Switches panes, keeping a draft of the writing on the way out.
    pub fn focus(&mut self, pane: Pane) -> Result<()> {
        if self.pane == Pane::Write && pane != Pane::Write {
            self.keep_draft()?;
        }
        if pane == Pane::Write && self.write.is_none() {
            self.status = Some(format!(
                "Nothing is being written: press {} in the journal to start",
                self.keymap.first_key(Action::NewEntry)
            ));
            return Ok(());
        }
        if pane == Pane::Supervision && self.board.is_none() {
            self.gather_board()?;
        }
        if pane == Pane::Patterns && self.patterns.insights.is_none() {
            self.patterns
                .load(&self.store, &self.catalog, self.clock.today())?;
        }
        self.pane = pane;
        Ok(())
    }

    /// A new reflection with the configured default model.
    pub fn new_entry(&mut self) -> Result<()> {
        if self.write.as_ref().is_some_and(|w| w.dirty) {
            self.pane = Pane::Write;
            self.status = Some("Finish or save this entry first (it is kept as a draft)".into());
            return Ok(());
        }
        let mut entry = Entry::new(
            EntryKind::Reflection,
            self.clock.today(),
            self.clock.now_utc(),
        );
        entry.scope = self.config.journal.default_scope;
        let template = self
            .catalog
            .model(&self.config.journal.default_model)
            .ok()
            .cloned();
        entry.model = template
            .as_ref()
            .filter(|t| !t.is_free())
            .map(|t| t.id.clone());
        self.write = Some(WriteState::new(entry, template));
        self.pane = Pane::Write;
        Ok(())
    }

    fn open_selected(&mut self) -> Result<()> {
        let Some(row) = self.journal.rows.get(self.journal.selected) else {
            return Ok(());
        };
        if self.write.as_ref().is_some_and(|w| w.dirty) {
            self.pane = Pane::Write;
            self.status =
                Some("Finish or save the entry being written first (it is kept as a draft)".into());
            return Ok(());
        }
        let entry = self.store.entry_by_rowid(row.rowid)?;
        if entry.kind == EntryKind::CheckIn {
            self.overlay = Some(Overlay::CheckIn(CheckInForm {
                checkin: entry.checkin.clone().unwrap_or_default(),
                standalone: true,
                editing: Some(row.rowid),
                ..CheckInForm::default()
            }));
            return Ok(());
        }
        let template = entry
            .model
            .as_deref()
            .and_then(|m| {
                self.catalog
                    .model(m)
                    .ok()
                    .or_else(|| self.catalog.template(m))
            })
            .cloned();
        self.write = Some(WriteState::new(entry, template));
        self.pane = Pane::Write;
        Ok(())
    }

    fn toggle_selected_flag(&mut self) -> Result<()> {
        let Some(row) = self.journal.rows.get(self.journal.selected) else {
            return Ok(());
        };
        let mut entry = self.store.entry_by_rowid(row.rowid)?;
        entry.for_supervision = !entry.for_supervision;
        let saved = self.store.update_entry(&entry, self.clock.now_utc())?;
        self.status = Some(if saved.for_supervision {
            format!("{} flagged for supervision", saved.short_id())
        } else {
            format!("{} no longer flagged", saved.short_id())
        });
        self.stale();
        self.journal.reload(&self.store)
    }

    /// Saves the form. New reflections without a check-in are offered one first.
    pub fn save(&mut self, offer_checkin: bool) -> Result<()> {
        let Some(w) = &self.write else {
            return Ok(());
        };
        let today = self.clock.today();
        let entry = match w.to_entry(today) {
            Ok(e) => e,
            Err(msg) => {
                if let Some(w) = self.write.as_mut() {
                    w.focus = super::write::DATE;
                }
                self.status = Some(msg);
                return Ok(());
            }
        };
        if entry.is_blank() {
            self.status = Some("Nothing written yet".into());
            return Ok(());
        }
        if offer_checkin
            && entry.version == 0
            && entry.kind == EntryKind::Reflection
            && entry.checkin.is_none()
        {
            self.overlay = Some(Overlay::CheckIn(CheckInForm {
                then_save: true,
                ..CheckInForm::default()
            }));
            return Ok(());
        }
        let now = self.clock.now_utc();
        let saved_id = if entry.version == 0 {
            self.store.insert_entry(&entry)?;
            entry.short_id()
        } else {
            match self.store.update_entry(&entry, now) {
                Ok(e) => e.short_id(),
                Err(StoreError::Conflict(_)) => {
                    self.overlay = Some(Overlay::Conflict {
                        mine: Box::new(entry),
                    });
                    return Ok(());
                }
                Err(e) => return Err(e.into()),
            }
        };
        self.finish_writing()?;
        self.status = Some(format!("Saved {saved_id}"));
        self.select_entry_by_short_id(&saved_id)
    }

    fn finish_writing(&mut self) -> Result<()> {
        if let Some(id) = self.write.as_ref().and_then(|w| w.draft_id) {
            self.store.delete_draft(id)?;
        }
        self.write = None;
        self.last_edit = None;
        self.stale();
        self.pane = Pane::Journal;
        Ok(())
    }

    fn select_entry_by_short_id(&mut self, id: &str) -> Result<()> {
        self.journal.reload(&self.store)?;
        if let Some(i) = self.journal.rows.iter().position(|r| r.short_id == id) {
            self.journal.select(&self.store, i)?;
        }
        Ok(())
    }

    /// Keeps the form as a draft if it changed since the last one.
    pub fn keep_draft(&mut self) -> Result<()> {
        let Some(w) = self.write.as_mut() else {
            return Ok(());
        };
        if !w.unsaved_draft {
            return Ok(());
        }
        let data = serde_json::to_string(&w.draft_data())?;
        let uuid = (w.entry.version > 0).then(|| w.entry.id.to_string());
        let id = self
            .store
            .save_draft(w.draft_id, uuid.as_deref(), &data, self.clock.now_utc())?;
        w.draft_id = Some(id);
        w.unsaved_draft = false;
        Ok(())
    }

    /// Called between events: ranks a search once its typing pauses, and keeps a draft
    /// after a short quiet time.
    pub fn tick(&mut self, now: Instant) -> Result<()> {
        // A search typed and then left alone is ranked by relevance.
        if let Err(e) = self.journal.rank_if_due(&self.store, now) {
            self.status = Some(format!("{e:#}"));
        }
        let quiet = Duration::from_secs(self.config.ui.draft_seconds);
        if self
            .last_edit
            .is_some_and(|t| now.duration_since(t) >= quiet)
        {
            self.last_edit = None;
            self.keep_draft()?;
        }
        Ok(())
    }

    /// The text `$EDITOR` returned for a field.
    pub fn external_text(&mut self, field: usize, text: &str) {
        if let Some(w) = self.write.as_mut() {
            w.set_text(field, text);
            self.last_edit = Some(Instant::now());
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Strengths {
                query, selected, ..
            }) => {
                query.push_str(text.lines().next().unwrap_or_default());
                *selected = 0;
                return;
            }
            Some(_) => return,
            None => {}
        }
        if self.pane == Pane::Write
            && let Some(w) = self.write.as_mut()
            && let Some(f) = w.fields.get_mut(w.focus)
        {
            let text = if f.single_line {
                text.lines().next().unwrap_or_default().to_string()
            } else {
                text.replace("\r\n", "\n").replace('\r', "\n")
            };
            f.area.insert_str(&text);
            w.touch();
            self.last_edit = Some(Instant::now());
        } else if self.pane == Pane::Journal && self.journal.searching {
            let q = format!(
                "{}{}",
                self.journal.query,
                text.lines().next().unwrap_or_default()
            );
            if let Err(e) = self.journal.set_query(&self.store, q) {
                self.status = Some(e.to_string());
            }
        }
    }

    fn mouse(&mut self, m: MouseEvent) -> Result<()> {
        let areas = view::layout(self.size, self);
        let at = Position::new(m.column, m.row);
        match m.kind {
            MouseEventKind::ScrollDown => self.scroll(3)?,
            MouseEventKind::ScrollUp => self.scroll(-3)?,
            MouseEventKind::Down(MouseButton::Left) => {
                if areas.tabs.contains(at) {
                    if let Some(p) = view::tab_at(areas.tabs, m.column) {
                        self.focus(p)?;
                    }
                } else if self.pane == Pane::Journal && areas.list.contains(at) {
                    let row = usize::from(m.row.saturating_sub(areas.list.y + 1));
                    let i = self.journal.offset.get() + row;
                    self.journal.select(&self.store, i)?;
                } else if self.pane == Pane::Write
                    && let Some(w) = self.write.as_mut()
                    && let Some(i) = areas.fields.iter().position(|r| r.contains(at))
                {
                    w.focus = i;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads what the next supervision would bring, from today.
    pub fn gather_board(&mut self) -> Result<()> {
        self.board = Some(self.store.prep_material(
            self.clock.today(),
            self.config.supervision.stale_stage_weeks,
        )?);
        self.board_scroll = 0;
        self.board_prep = match self.store.open_prep()? {
            Some(rowid) => Some(self.store.entry_by_rowid(rowid)?),
            None => None,
        };
        self.agenda_selected = self
            .agenda_selected
            .min(self.agenda_len().saturating_sub(1));
        Ok(())
    }

    /// Items on the open prep's agenda.
    #[must_use]
    pub fn agenda_len(&self) -> usize {
        match self.board_prep.as_ref().map(|e| &e.details) {
            Some(Details::Supervision(s)) => s.agenda.len(),
            _ => 0,
        }
    }

    /// Saves a prep built from what the journal gathers today, unless one is open.
    fn gather_prep(&mut self) -> Result<()> {
        if let Some(p) = &self.board_prep {
            self.status = Some(format!(
                "The prep for {} is open already: reorder its agenda here, or record the session",
                p.occurred_on
            ));
            return Ok(());
        }
        let today = self.clock.today();
        let m = self
            .store
            .prep_material(today, self.config.supervision.stale_stage_weeks)?;
        let entry = crate::supervision::prep_entry(
            &m,
            today,
            None,
            None,
            None,
            Vec::new(),
            self.clock.now_utc(),
        );
        let flagged: Vec<uuid::Uuid> = m.flagged.iter().map(|e| e.id).collect();
        self.store.insert_linked(&entry, &flagged, "brings")?;
        self.gather_board()?;
        self.journal.reload(&self.store)?;
        self.status = Some(format!(
            "Prep saved as {}: its agenda is below",
            entry.short_id()
        ));
        Ok(())
    }

    /// Changes the open prep's agenda and saves it.
    fn edit_agenda(
        &mut self,
        change: impl FnOnce(&mut Vec<AgendaItem>, usize) -> usize,
    ) -> Result<()> {
        let Some(mut prep) = self.board_prep.clone() else {
            self.status = Some(format!(
                "No prep is open: {} gathers one",
                self.keymap.first_key(Action::Gather)
            ));
            return Ok(());
        };
        let Details::Supervision(s) = &mut prep.details else {
            return Ok(());
        };
        if s.agenda.is_empty() {
            return Ok(());
        }
        let at = self.agenda_selected.min(s.agenda.len() - 1);
        self.agenda_selected = change(&mut s.agenda, at);
        match self.store.update_entry(&prep, self.clock.now_utc()) {
            Ok(saved) => self.board_prep = Some(saved),
            Err(StoreError::Conflict(_)) => {
                self.gather_board()?;
                self.status =
                    Some("The prep was changed elsewhere: the board shows it as it is now".into());
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    fn move_agenda_item(&mut self, up: bool) -> Result<()> {
        self.edit_agenda(|agenda, i| {
            let j = if up {
                i.saturating_sub(1)
            } else {
                (i + 1).min(agenda.len() - 1)
            };
            agenda.swap(i, j);
            j
        })
    }

    fn cycle_agenda_function(&mut self) -> Result<()> {
        self.edit_agenda(|agenda, i| {
            let item = &mut agenda[i];
            item.function = match item.function {
                None => Some(Function::Normative),
                Some(Function::Normative) => Some(Function::Formative),
                Some(Function::Formative) => Some(Function::Restorative),
                Some(Function::Restorative) => Some(Function::Mediation),
                Some(Function::Mediation) => None,
            };
            i
        })
    }

    /// The record form for the session the open prep prepared.
    fn new_record(&mut self) -> Result<()> {
        let prep = self
            .board_prep
            .as_ref()
            .map(|p| (p.id.to_string(), p.occurred_on));
        self.new_structured(EntryKind::Supervision, "supervision-record", prep)
    }

    /// A form for a structured kind from its template.
    fn new_structured(
        &mut self,
        kind: EntryKind,
        template_id: &str,
        prep: Option<(String, NaiveDate)>,
    ) -> Result<()> {
        if self.write.as_ref().is_some_and(|w| w.dirty) {
            self.pane = Pane::Write;
            self.status = Some("Finish or save this entry first (it is kept as a draft)".into());
            return Ok(());
        }
        let Some(template) = self.catalog.template(template_id).cloned() else {
            return Ok(());
        };
        let on = prep.as_ref().map_or(self.clock.today(), |(_, d)| *d);
        let mut entry = Entry::new(kind, on, self.clock.now_utc());
        entry.scope = self.config.journal.default_scope;
        entry.model = Some(if kind == EntryKind::CallIn {
            "callin".into()
        } else {
            template.id.clone()
        });
        if kind == EntryKind::Supervision {
            entry.scope = Scope::Supervision;
            entry.details = Details::Supervision(Supervision {
                stage: SessionStage::Record,
                session_on: on,
                supervisor_role: None,
                session_type: None,
                length_minutes: None,
                prep: prep.map(|(id, _)| id),
                counts_as_cpd: false,
                peer_reflection: false,
                agenda: Vec::new(),
            });
        }
        self.write = Some(WriteState::new(entry, Some(template)));
        self.pane = Pane::Write;
        Ok(())
    }

    fn open_filter(&mut self) {
        let f = &self.journal.filter;
        self.overlay = Some(Overlay::Filter(FilterForm {
            field: 0,
            kind: f.kind,
            strength: f.strength.clone().unwrap_or_default(),
            tag: f.tag.clone().unwrap_or_default(),
            since: f.since.map(|d| d.to_string()).unwrap_or_default(),
            until: f.until.map(|d| d.to_string()).unwrap_or_default(),
            error: None,
        }));
    }

    /// The filter the form describes, or why not.
    fn filter_of(&self, form: &FilterForm) -> Result<EntryFilter, String> {
        let today = self.clock.today();
        let date = |s: &str, what: &str| -> Result<Option<NaiveDate>, String> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            parse_date_arg(s.trim())
                .map(|d| Some(d.resolve(today)))
                .map_err(|e| format!("{what}: {e}"))
        };
        let strength = match form.strength.trim() {
            "" => None,
            s => Some(
                self.catalog
                    .vocabulary
                    .resolve(s)
                    .unwrap_or_else(|_| s.to_lowercase()),
            ),
        };
        let tag = match form.tag.trim() {
            "" => None,
            t => Some(crate::model::compose::normalise_tag(t)?),
        };
        let since = date(&form.since, "From")?;
        let until = date(&form.until, "To")?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(format!("From {s} is after To {u}"));
        }
        Ok(EntryFilter {
            kind: form.kind,
            strength,
            tag,
            since,
            until,
            ..EntryFilter::default()
        })
    }

    fn open_timeline(&mut self) -> Result<()> {
        let subject = match self.journal.preview.as_ref().map(|e| &e.details) {
            Some(Details::StageNote(n)) => n.subject.clone(),
            _ => {
                self.status = Some("Select a stage note to see its subject's timeline".into());
                return Ok(());
            }
        };
        let points = self.store.stage_history(&subject, None)?;
        self.overlay = Some(Overlay::Timeline { subject, points });
        Ok(())
    }

    /// The strengths the picker shows for `query`: recently used first, then the
    /// vocabulary; fuzzy when something is typed. (name, group)
    #[must_use]
    pub fn strength_choices(&self, query: &str) -> Vec<(String, String)> {
        let vocab = &self.catalog.vocabulary;
        let recent = self.store.recent_strengths(8).unwrap_or_default();
        let mut all: Vec<(String, String)> = recent
            .iter()
            .filter_map(|n| {
                vocab
                    .group_of(n)
                    .map(|_| (n.clone(), "Recently used".to_string()))
            })
            .collect();
        for g in &vocab.groups {
            for s in &g.strengths {
                all.push((s.name.clone(), g.name.clone()));
            }
        }
        if query.trim().is_empty() {
            return all;
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut seen = std::collections::HashSet::new();
        let mut scored: Vec<(i64, (String, String))> = all
            .into_iter()
            .filter(|(n, _)| seen.insert(n.clone()))
            .filter_map(|(n, g)| matcher.fuzzy_match(&n, query.trim()).map(|s| (s, (n, g))))
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, x)| x).collect()
    }

    fn overlay_key(&mut self, key: KeyEvent) -> Result<Effect> {
        let Some(overlay) = self.overlay.take() else {
            return Ok(Effect::None);
        };
        self.overlay = match overlay {
            Overlay::Help { scroll } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => Some(Overlay::Help { scroll: scroll + 1 }),
                KeyCode::Up | KeyCode::Char('k') => Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                }),
                KeyCode::PageDown => Some(Overlay::Help {
                    scroll: scroll + 10,
                }),
                KeyCode::PageUp => Some(Overlay::Help {
                    scroll: scroll.saturating_sub(10),
                }),
                _ => None,
            },
            Overlay::ConfirmQuit => match key.code {
                KeyCode::Char('s') => {
                    self.save(false)?;
                    if self.write.is_none() {
                        self.quit = true;
                    }
                    None
                }
                KeyCode::Char('k' | 'q') => {
                    self.keep_draft()?;
                    self.quit = true;
                    None
                }
                _ => None,
            },
            Overlay::ConfirmDelete { rowid, title } => {
                if matches!(key.code, KeyCode::Char('y') | KeyCode::Enter) {
                    self.store.trash_entry(rowid, self.clock.now_utc())?;
                    self.status = Some(format!(
                        "Moved “{title}” to the trash (praxis restore brings it back)"
                    ));
                    self.stale();
                    self.journal.reload(&self.store)?;
                }
                None
            }
            Overlay::Drafts { drafts, selected } => match key.code {
                KeyCode::Up => Some(Overlay::Drafts {
                    selected: selected.saturating_sub(1),
                    drafts,
                }),
                KeyCode::Down => Some(Overlay::Drafts {
                    selected: (selected + 1).min(drafts.len().saturating_sub(1)),
                    drafts,
                }),
                KeyCode::Enter | KeyCode::Char('r') => {
                    if let Some((id, ..)) = drafts.get(selected) {
                        self.recover_draft(*id)?;
                    }
                    None
                }
                KeyCode::Char('d') => {
                    if let Some((id, ..)) = drafts.get(selected) {
                        self.store.delete_draft(*id)?;
                    }
                    let rest: Vec<_> = drafts
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| *i != selected)
                        .map(|(_, d)| d)
                        .collect();
                    (!rest.is_empty()).then_some(Overlay::Drafts {
                        drafts: rest,
                        selected: 0,
                    })
                }
                KeyCode::Esc => None,
                // Anything else keeps the question open: a stray key must not decide.
                _ => Some(Overlay::Drafts { drafts, selected }),
            },
            Overlay::Conflict { mine } => match key.code {
                KeyCode::Char('c') => {
                    let mut copy = (*mine).clone();
                    copy.id = uuid::Uuid::new_v4();
                    copy.version = 0;
                    copy.title = format!("{} (my copy)", copy.title);
                    for a in &mut copy.actions {
                        a.id = uuid::Uuid::new_v4();
                    }
                    self.store.insert_entry(&copy)?;
                    self.finish_writing()?;
                    self.status =
                        Some(format!("Saved your version as a copy, {}", copy.short_id()));
                    self.journal.reload(&self.store)?;
                    None
                }
                KeyCode::Char('t') => {
                    self.finish_writing()?;
                    self.status = Some("Kept the other version; yours was not saved".into());
                    self.journal.reload(&self.store)?;
                    None
                }
                _ => Some(Overlay::Conflict { mine }),
            },
            Overlay::Models { selected } => match key.code {
                KeyCode::Up | KeyCode::Char('k') => Some(Overlay::Models {
                    selected: selected.saturating_sub(1),
                }),
                KeyCode::Down | KeyCode::Char('j') => Some(Overlay::Models {
                    selected: (selected + 1).min(self.catalog.models.len().saturating_sub(1)),
                }),
                KeyCode::Enter => {
                    if let (Some(t), Some(w)) = (
                        self.catalog.models.get(selected).cloned(),
                        self.write.as_mut(),
                    ) {
                        w.switch_model(t);
                    }
                    None
                }
                _ => None,
            },
            Overlay::NewKind { selected } => match key.code {
                KeyCode::Up | KeyCode::Char('k') => Some(Overlay::NewKind {
                    selected: selected.saturating_sub(1),
                }),
                KeyCode::Down | KeyCode::Char('j') => Some(Overlay::NewKind {
                    selected: (selected + 1).min(NEW_KINDS.len() - 1),
                }),
                KeyCode::Enter => {
                    let (_, kind, template) = NEW_KINDS[selected.min(NEW_KINDS.len() - 1)];
                    match kind {
                        EntryKind::Reflection => self.new_entry()?,
                        EntryKind::CheckIn => {
                            return {
                                self.overlay = Some(Overlay::CheckIn(CheckInForm {
                                    standalone: true,
                                    ..CheckInForm::default()
                                }));
                                Ok(Effect::None)
                            };
                        }
                        EntryKind::Supervision => self.new_record()?,
                        _ => self.new_structured(kind, template, None)?,
                    }
                    None
                }
                _ => None,
            },
            Overlay::Timeline { .. } => None,
            Overlay::Filter(form) => self.filter_key(key, form)?,
            Overlay::Strengths {
                query,
                selected,
                whose,
            } => self.strengths_key(key, query, selected, whose),
            Overlay::CheckIn(form) => self.checkin_key(key, form)?,
        };
        Ok(Effect::None)
    }

    fn filter_key(&mut self, key: KeyEvent, mut form: FilterForm) -> Result<Option<Overlay>> {
        form.error = None;
        fn text(f: &mut FilterForm) -> Option<&mut String> {
            match f.field {
                1 => Some(&mut f.strength),
                2 => Some(&mut f.tag),
                3 => Some(&mut f.since),
                4 => Some(&mut f.until),
                _ => None,
            }
        }
        match key.code {
            KeyCode::Esc => return Ok(None),
            KeyCode::Enter => match self.filter_of(&form) {
                Ok(filter) => {
                    self.journal.set_filter(&self.store, filter)?;
                    return Ok(None);
                }
                Err(e) => form.error = Some(e),
            },
            KeyCode::Up | KeyCode::BackTab => form.field = form.field.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab => {
                form.field = (form.field + 1).min(FILTER_FIELDS.len() - 1)
            }
            KeyCode::Left | KeyCode::Right if form.field == 0 => {
                form.kind = cycle(form.kind, EntryKind::ALL, key.code == KeyCode::Right);
            }
            KeyCode::Backspace => {
                if let Some(t) = text(&mut form) {
                    t.pop();
                }
            }
            KeyCode::Char(c) => {
                if let Some(t) = text(&mut form) {
                    t.push(c);
                }
            }
            _ => {}
        }
        Ok(Some(Overlay::Filter(form)))
    }

    /// Saves a check-in entry of its own (new, or the one being changed).
    fn save_checkin(&mut self, form: &CheckInForm) -> Result<()> {
        if form.checkin.is_empty() {
            self.status = Some("Nothing to record: the check-in is empty".into());
            return Ok(());
        }
        let now = self.clock.now_utc();
        let id = match form.editing {
            Some(rowid) => {
                let mut e = self.store.entry_by_rowid(rowid)?;
                e.checkin = Some(form.checkin.clone());
                self.store.update_entry(&e, now)?.short_id()
            }
            None => {
                let mut e = Entry::new(EntryKind::CheckIn, self.clock.today(), now);
                e.scope = self.config.journal.default_scope;
                e.title = match &form.checkin.word {
                    Some(w) => format!("Check-in: {w}"),
                    None => "Check-in".into(),
                };
                e.checkin = Some(form.checkin.clone());
                self.store.insert_entry(&e)?;
                e.short_id()
            }
        };
        self.stale();
        self.status = Some(if form.checkin.load.is_some_and(Load::is_heavy) {
            format!("Saved {id}. Heavy days are worth bringing to restorative supervision.")
        } else {
            format!("Saved {id}")
        });
        self.select_entry_by_short_id(&id)
    }

    fn recover_draft(&mut self, id: i64) -> Result<()> {
        let Some(Draft { data, .. }) = self.store.draft(id)? else {
            return Ok(());
        };
        let data: DraftData = match serde_json::from_str(&data) {
            Ok(d) => d,
            Err(e) => {
                self.status = Some(format!("That draft cannot be read ({e}); it is kept"));
                return Ok(());
            }
        };
        let template = data
            .model
            .as_deref()
            .and_then(|m| self.catalog.model(m).ok())
            .cloned();
        self.write = Some(WriteState::from_draft(data, template, id));
        self.pane = Pane::Write;
        self.status = Some("Draft recovered".into());
        Ok(())
    }

    fn strengths_key(
        &mut self,
        key: KeyEvent,
        mut query: String,
        mut selected: usize,
        mut whose: Whose,
    ) -> Option<Overlay> {
        let choices = self.strength_choices(&query);
        match key.code {
            KeyCode::Esc => return None,
            KeyCode::Up => selected = selected.saturating_sub(1),
            KeyCode::Down => selected = (selected + 1).min(choices.len().saturating_sub(1)),
            KeyCode::Tab => {
                whose = match whose {
                    Whose::Mine => Whose::Person,
                    Whose::Person => Whose::Team,
                    Whose::Team => Whose::Colleague,
                    Whose::Colleague => Whose::Mine,
                };
            }
            KeyCode::Enter => {
                let w = self.write.as_mut()?;
                if let Some(tag) = query.trim().strip_prefix('#') {
                    if let Ok(t) = crate::model::compose::normalise_tag(tag) {
                        if let Some(i) = w.entry.tags.iter().position(|x| *x == t) {
                            w.entry.tags.remove(i);
                        } else {
                            w.entry.tags.push(t);
                        }
                        w.touch();
                    }
                    query.clear();
                } else if let Some((name, _)) = choices.get(selected) {
                    let tag = StrengthTag::new(name.clone(), whose);
                    if let Some(i) = w.entry.strengths.iter().position(|s| *s == tag) {
                        w.entry.strengths.remove(i);
                    } else {
                        w.entry.strengths.push(tag);
                    }
                    w.touch();
                }
            }
            KeyCode::Backspace => {
                query.pop();
                selected = 0;
            }
            KeyCode::Char(c) => {
                query.push(c);
                selected = 0;
            }
            _ => {}
        }
        Some(Overlay::Strengths {
            query,
            selected,
            whose,
        })
    }

    fn checkin_key(&mut self, key: KeyEvent, mut form: CheckInForm) -> Result<Option<Overlay>> {
        let c = &mut form.checkin;
        let step = |v: Option<u8>, up: bool| -> Option<u8> {
            match (v, up) {
                (None, true) => Some(3),
                (None, false) => None,
                (Some(n), true) => Some((n + 1).min(5)),
                (Some(1), false) => None,
                (Some(n), false) => Some(n - 1),
            }
        };
        match (key.code, form.field) {
            (KeyCode::Esc, _) => {
                if form.then_save {
                    self.save(false)?;
                }
                return Ok(None);
            }
            (KeyCode::Enter, _) if form.standalone => {
                self.save_checkin(&form)?;
                return Ok(None);
            }
            (KeyCode::Enter, _) => {
                let checkin = (!form.checkin.is_empty()).then(|| form.checkin.clone());
                if let Some(w) = self.write.as_mut() {
                    w.entry.checkin = checkin;
                    w.touch();
                }
                if form.then_save {
                    self.save(false)?;
                }
                return Ok(None);
            }
            (KeyCode::Up | KeyCode::BackTab, _) => form.field = form.field.saturating_sub(1),
            (KeyCode::Down | KeyCode::Tab, _) => {
                form.field = (form.field + 1).min(CHECKIN_FIELDS.len() - 1)
            }
            (KeyCode::Right | KeyCode::Left, f) => {
                let up = key.code == KeyCode::Right;
                match f {
                    0 => c.mood = step(c.mood, up),
                    1 => c.energy = step(c.energy, up),
                    2 => c.load = cycle(c.load, Load::ALL, up),
                    3 => c.carrying = cycle(c.carrying, Carrying::ALL, up),
                    _ => {}
                }
            }
            (KeyCode::Char(d @ '1'..='5'), 0) => {
                c.mood = d.to_digit(10).and_then(|n| u8::try_from(n).ok())
            }
            (KeyCode::Char(d @ '1'..='5'), 1) => {
                c.energy = d.to_digit(10).and_then(|n| u8::try_from(n).ok())
            }
            (KeyCode::Char(ch), 4) => c.word.get_or_insert_with(String::new).push(ch),
            (KeyCode::Char(ch), 5) => c.helped.get_or_insert_with(String::new).push(ch),
            (KeyCode::Backspace, 4) => {
                if let Some(w) = c.word.as_mut() {
                    w.pop();
                }
                if c.word.as_deref() == Some("") {
                    c.word = None;
                }
            }
            (KeyCode::Backspace, 5) => {
                if let Some(w) = c.helped.as_mut() {
                    w.pop();
                }
                if c.helped.as_deref() == Some("") {
                    c.helped = None;
                }
            }
            _ => {}
        }
        Ok(Some(Overlay::CheckIn(form)))
    }
}

fn cycle<T: Copy + PartialEq>(v: Option<T>, all: &[T], up: bool) -> Option<T> {
    let i = v.and_then(|x| all.iter().position(|a| *a == x));
    match (i, up) {
        (None, true) => all.first().copied(),
        (None, false) => None,
        (Some(i), true) => all.get(i + 1).copied().or(v),
        (Some(0), false) => None,
        (Some(i), false) => all.get(i - 1).copied(),
    }
}

/// (id, when, what) of a draft, for the recovery window.
fn describe_draft(d: &Draft) -> (i64, String, String) {
    let what = serde_json::from_str::<DraftData>(&d.data)
        .ok()
        .map(|data| {
            let title = data
                .fields
                .iter()
                .find(|(k, _)| k == "title")
                .map(|(_, t)| t.clone())
                .filter(|t| !t.trim().is_empty());
            let first_words = data
                .fields
                .iter()
                .filter(|(k, _)| k != "title" && k != "date")
                .map(|(_, t)| t.trim())
                .find(|t| !t.is_empty())
                .map(|t| t.chars().take(60).collect::<String>());
            title.or(first_words).unwrap_or_else(|| "(empty)".into())
        })
        .unwrap_or_else(|| "(unreadable)".into());
    (
        d.id,
        d.updated_at
            .replace('T', " ")
            .trim_end_matches('Z')
            .to_string(),
        what,
    )
}
