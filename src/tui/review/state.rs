//! The review's state: the people on screen, their notes, what is selected, and how
//! keys and the mouse change it. Drawing it is [`super::view`]'s.

use std::path::{Path, PathBuf};

use anyhow::Result;
use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::keys::{self, Action, ReviewKeymap};
use super::layout::{self, Shape};
use super::notes::NotesDoc;
use super::reading::{self, clean_line};
use crate::transfer::summary::Summary;
use crate::tui::keymap::Key;
use crate::tui::theme::Theme;

/// The name a person's notes are kept under: their summary's name, on one line.
#[must_use]
pub fn heading_name(summary: &Summary, path: &Path) -> String {
    let name = clean_line(&summary.display_name(path));
    let name = name.trim();
    if name.is_empty() {
        "summary".to_string()
    } else {
        name.to_string()
    }
}

/// A summary's file as its column names it: its file name.
fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One summary on screen.
#[derive(Debug)]
pub struct Person {
    pub path: PathBuf,
    pub summary: Summary,
    /// Safe to draw, and the heading of their notes.
    pub name: String,
    /// How their column is titled: the name, after the summary's file when another
    /// summary has the same name (their notes are one).
    pub label: String,
    /// Index into [`Review::notes`]: two summaries of one person share their notes.
    pub note: usize,
    /// The selected excerpt.
    pub excerpt: usize,
    /// The period as the writer named it, with its dates (worked out once, as read).
    pub period: String,
}

/// The reviewer's notes on one person.
pub struct Note {
    pub name: String,
    pub area: TextArea<'static>,
    /// The text as last loaded or saved: the note is unsaved when it differs.
    pub saved: String,
}

impl std::fmt::Debug for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Note")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Note {
    fn new(name: &str, text: &str) -> Note {
        // The file is the reviewer's own, but may have been edited by anything.
        let text = crate::model::text::sanitize(text).replace('\t', "    ");
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        let saved = area.lines().join("\n");
        Note {
            name: name.to_string(),
            area,
            saved,
        }
    }

    /// What is written now.
    #[must_use]
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    #[must_use]
    pub fn is_unsaved(&self) -> bool {
        self.text() != self.saved
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Everyone's patterns side by side.
    Overview,
    /// The selected person's excerpts, actions and the reviewer's notes on them.
    Person,
}

/// Where keys go on the person screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Excerpts,
    Notes,
}

/// The review's state. Views draw it; only [`Review::handle_event`] and the actions
/// change it.
#[derive(Debug)]
pub struct Review {
    pub people: Vec<Person>,
    pub notes: Vec<Note>,
    pub notes_path: PathBuf,
    pub keymap: ReviewKeymap,
    pub theme: Theme,
    pub screen: Screen,
    pub focus: Focus,
    /// The selected person (column).
    pub selected: usize,
    /// The first column on screen when not everyone fits.
    pub first: usize,
    /// Lines the reading pane is scrolled by.
    pub scroll: u16,
    /// The excerpt read full-screen.
    pub zoom: bool,
    pub help: Option<u16>,
    pub status: Option<String>,
    pub quit: bool,
    /// A save failed on quit: the next quit goes anyway.
    quit_armed: bool,
    pub mouse: bool,
    /// The screen size, for mouse hits and how many columns fit.
    pub size: Rect,
}

impl Review {
    /// A review of `people` (each file with its summary, in the order given), with the
    /// notes already in `doc`, saved to `notes_path`.
    #[must_use]
    pub fn new(
        people: Vec<(PathBuf, Summary)>,
        notes_path: PathBuf,
        doc: &NotesDoc,
        keymap: ReviewKeymap,
        theme: Theme,
    ) -> Review {
        let mut notes: Vec<Note> = Vec::new();
        let people = people
            .into_iter()
            .map(|(path, summary)| {
                let name = heading_name(&summary, &path);
                let note = notes
                    .iter()
                    .position(|n| n.name == name)
                    .unwrap_or_else(|| {
                        notes.push(Note::new(&name, &doc.notes(&name).unwrap_or_default()));
                        notes.len() - 1
                    });
                Person {
                    period: clean_line(&summary.period_line()),
                    path,
                    summary,
                    label: name.clone(),
                    name,
                    note,
                    excerpt: 0,
                }
            })
            .collect::<Vec<Person>>();
        let mut people = people;
        let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
        for p in &mut people {
            if names.iter().filter(|n| **n == p.name).count() > 1 {
                // The file first: it is what tells them apart when the title is cut.
                p.label = format!("{} · {}", clean_line(&file_label(&p.path)), p.name);
            }
        }
        Review {
            people,
            notes,
            notes_path,
            keymap,
            theme,
            screen: Screen::Overview,
            focus: Focus::Excerpts,
            selected: 0,
            first: 0,
            scroll: 0,
            zoom: false,
            help: None,
            status: None,
            quit: false,
            quit_armed: false,
            mouse: true,
            size: Rect::new(0, 0, 80, 24),
        }
    }

    /// The selected person, if there is anyone.
    #[must_use]
    pub fn person(&self) -> Option<&Person> {
        self.people.get(self.selected)
    }

    /// The selected person's notes.
    #[must_use]
    pub fn note(&self) -> Option<&Note> {
        self.person().and_then(|p| self.notes.get(p.note))
    }

    /// What the layout of a frame depends on.
    #[must_use]
    pub fn shape(&self) -> Shape {
        Shape {
            person: self.screen == Screen::Person,
            zoom: self.zoom,
            notes_focused: self.focus == Focus::Notes,
            // The notes take room when they are written in or hold something.
            notes_used: self.focus == Focus::Notes
                || self.note().is_some_and(|n| !n.area.is_empty()),
            has_actions: self
                .person()
                .is_some_and(|p| !p.summary.actions.items.is_empty()),
            people: self.people.len(),
            first: self.first,
            selected: self.selected,
        }
    }

    /// How far the reading pane can scroll for the selected excerpt at this size.
    #[must_use]
    pub fn max_scroll(&self) -> u16 {
        let areas = layout::layout(self.size, &self.shape());
        let Some(p) = self.person() else { return 0 };
        let Some(e) = p.summary.excerpts.get(p.excerpt) else {
            return 0;
        };
        let inner = ratatui::widgets::Block::bordered().inner(areas.reading);
        let n = reading::lines(&self.theme, &p.summary, e, usize::from(inner.width)).len();
        u16::try_from(n.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
    }

    /// Whether keys are text for the notes.
    #[must_use]
    pub fn typing(&self) -> bool {
        self.screen == Screen::Person && self.focus == Focus::Notes && self.help.is_none()
    }

    /// Whether any notes are not saved yet.
    #[must_use]
    pub fn unsaved(&self) -> bool {
        self.notes.iter().any(Note::is_unsaved)
    }

    /// Saves the notes written since the last save into the notes file.
    pub fn save_notes(&mut self) -> Result<()> {
        let changed: Vec<(String, String)> = self
            .notes
            .iter()
            .filter(|n| n.is_unsaved())
            .map(|n| (n.name.clone(), n.text()))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        NotesDoc::save(&self.notes_path, &changed)?;
        for n in &mut self.notes {
            n.saved = n.text();
        }
        Ok(())
    }

    /// The unsaved notes as Markdown, to print when they could not be saved.
    #[must_use]
    pub fn unsaved_markdown(&self) -> String {
        let mut doc = NotesDoc::default();
        for n in self.notes.iter().filter(|n| n.is_unsaved()) {
            doc.set(&n.name, &n.text());
        }
        doc.render()
    }

    /// Handles one terminal event.
    pub fn handle_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(*k),
            Event::Paste(text) if self.typing() => {
                let text = crate::model::text::sanitize(text).replace('\t', "    ");
                let i = self.person().map(|p| p.note);
                if let Some(n) = i.and_then(|i| self.notes.get_mut(i)) {
                    n.area.insert_str(text);
                }
            }
            Event::Mouse(m) if self.mouse => self.mouse_event(*m),
            Event::Resize(w, h) => self.resize(*w, *h),
            _ => {}
        }
    }

    /// The screen is now `w`×`h`.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        self.keep_selected_visible();
    }

    /// Handles a key: the help first, then the keymap, then the notes.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let k = Key::from_event(&key);
        self.status = None;
        if let Some(scroll) = self.help {
            // Arrows scroll the help; any other key closes it.
            let (text, contexts) = keys::chain(false);
            match self.keymap.lookup(k, text, contexts) {
                Some(Action::Down | Action::PageDown) => {
                    self.help = Some(scroll.saturating_add(3).min(60))
                }
                Some(Action::Up | Action::PageUp) => self.help = Some(scroll.saturating_sub(3)),
                _ => self.help = None,
            }
            return;
        }
        let (text, contexts) = keys::chain(self.typing());
        let action = self.keymap.lookup(k, text, contexts);
        if action != Some(Action::Quit) {
            self.quit_armed = false;
        }
        if let Some(action) = action {
            self.act(action);
            return;
        }
        if self.typing() {
            let i = self.person().map(|p| p.note);
            if let Some(n) = i.and_then(|i| self.notes.get_mut(i)) {
                n.area.input(key);
            }
        }
    }

    /// Does an action.
    pub fn act(&mut self, action: Action) {
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.help = Some(0),
            Action::Back => {
                if self.zoom {
                    self.zoom = false;
                } else if self.screen == Screen::Person && self.focus == Focus::Notes {
                    self.set_focus(Focus::Excerpts);
                } else if self.screen == Screen::Person {
                    self.screen = Screen::Overview;
                } else {
                    self.request_quit();
                }
            }
            Action::NextPerson => self.step_person(1),
            Action::PrevPerson => self.step_person(-1),
            Action::Save => match self.save_notes() {
                Ok(()) => {
                    self.status = Some(format!("Notes saved to {}", self.notes_path.display()));
                }
                Err(e) => self.status = Some(format!("{e:#}")),
            },
            Action::Notes => {
                if !self.people.is_empty() {
                    self.screen = Screen::Person;
                    self.zoom = false;
                    self.set_focus(Focus::Notes);
                }
            }
            Action::Up => self.step_excerpt(-1),
            Action::Down => self.step_excerpt(1),
            Action::Top => self.step_excerpt(isize::MIN),
            Action::Bottom => self.step_excerpt(isize::MAX),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(self.page()),
            Action::PageDown => {
                self.scroll = self
                    .scroll
                    .saturating_add(self.page())
                    .min(self.max_scroll());
            }
            Action::Read => match self.screen {
                Screen::Overview if !self.people.is_empty() => {
                    self.screen = Screen::Person;
                    self.set_focus(Focus::Excerpts);
                }
                Screen::Person => self.zoom = !self.zoom,
                Screen::Overview => {}
            },
        }
    }

    /// Quits, saving the notes first; if they cannot be saved, says so and quits on the
    /// next request (the notes are then printed when the terminal is back).
    fn request_quit(&mut self) {
        match self.save_notes() {
            Ok(()) => self.quit = true,
            Err(_) if self.quit_armed => self.quit = true,
            Err(e) => {
                self.status = Some(format!(
                    "{e:#}. Press {} again to quit anyway (the notes are printed), or ctrl-s to retry",
                    self.keymap.first_key(Action::Quit)
                ));
                self.quit_armed = true;
            }
        }
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        let cursor = Style::default().add_modifier(Modifier::REVERSED);
        for n in &mut self.notes {
            n.area.set_cursor_style(Style::default());
        }
        if focus == Focus::Notes {
            let i = self.person().map(|p| p.note);
            if let Some(n) = i.and_then(|i| self.notes.get_mut(i)) {
                n.area.set_cursor_style(cursor);
            }
        }
    }

    fn step_person(&mut self, by: isize) {
        let n = self.people.len();
        if n == 0 {
            return;
        }
        let by = by.rem_euclid(isize::try_from(n).unwrap_or(1));
        self.selected = (self.selected + by.unsigned_abs()) % n;
        self.scroll = 0;
        self.keep_selected_visible();
        // The notes follow the person.
        self.set_focus(self.focus);
    }

    fn step_excerpt(&mut self, by: isize) {
        let Some(p) = self.people.get_mut(self.selected) else {
            return;
        };
        let n = p.summary.excerpts.len();
        if n == 0 {
            return;
        }
        let to = p.excerpt.saturating_add_signed(by).min(n - 1);
        if to != p.excerpt {
            p.excerpt = to;
            self.scroll = 0;
        }
    }

    /// A page of the reading pane.
    fn page(&self) -> u16 {
        let areas = layout::layout(self.size, &self.shape());
        areas.reading.height.saturating_sub(3).max(1)
    }

    /// Moves the first column shown so that the selected one is on screen.
    fn keep_selected_visible(&mut self) {
        let fit = layout::columns_fit(self.size.width, self.people.len());
        if self.selected < self.first {
            self.first = self.selected;
        } else if self.selected >= self.first + fit {
            self.first = self.selected + 1 - fit;
        }
        self.first = self.first.min(self.people.len().saturating_sub(fit));
    }

    fn mouse_event(&mut self, m: MouseEvent) {
        let areas = layout::layout(self.size, &self.shape());
        let at = Position::new(m.column, m.row);
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = matches!(m.kind, MouseEventKind::ScrollDown);
                if self.screen == Screen::Person && areas.reading.contains(at) {
                    self.scroll = if down {
                        self.scroll.saturating_add(3).min(self.max_scroll())
                    } else {
                        self.scroll.saturating_sub(3)
                    };
                } else if !areas.notes.contains(at) {
                    self.step_excerpt(if down { 1 } else { -1 });
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(i) = areas.columns.iter().position(|r| r.contains(at)) {
                    let fit = layout::columns_fit(self.size.width, self.people.len());
                    self.selected =
                        (self.shape().first(fit) + i).min(self.people.len().saturating_sub(1));
                    self.keep_selected_visible();
                    self.scroll = 0;
                } else if areas.notes.contains(at) {
                    self.set_focus(Focus::Notes);
                } else if areas.list.contains(at) {
                    self.set_focus(Focus::Excerpts);
                    let first =
                        layout::list_first(self.person().map_or(0, |p| p.excerpt), areas.list);
                    let row = usize::from(m.row.saturating_sub(areas.list.y + 1));
                    let n = self.person().map_or(0, |p| p.summary.excerpts.len());
                    if first + row < n
                        && let Some(p) = self.people.get_mut(self.selected)
                    {
                        p.excerpt = first + row;
                        self.scroll = 0;
                    }
                } else if areas.reading.contains(at) {
                    self.set_focus(Focus::Excerpts);
                }
            }
            _ => {}
        }
    }
}
