//! The Write pane: an entry being written or edited in its form, saved (with the
//! check-in offered, and a choice when the journal changed meanwhile), and kept as a
//! draft while it is written. It owns its state, turns actions and messages into
//! outcomes and draws itself.

pub mod form;

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout as Split, Position};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use self::form::Form;
use crate::model::text::{pad, sanitize_line};
use crate::model::{Details, Entry, EntryKind, Scope, SessionStage, Supervision};
use crate::store::{Draft, StoreError};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, Pane, WriteMsg};
use crate::tui::draft::DraftData;
use crate::tui::keymap::Text;
use crate::tui::layout::Layout;
use crate::tui::overlays::checkin::CheckInForm;
use crate::tui::overlays::conflict::Conflict;
use crate::tui::overlays::gone::Gone;
use crate::tui::overlays::models::Models;
use crate::tui::overlays::new_kind::NewKind;
use crate::tui::overlays::strengths::Strengths;
use crate::tui::widgets::{self, strengths_text};

/// The longest the writing goes without a draft while the typing goes on: a kill then
/// loses at most these last seconds.
pub const LONGEST_WITHOUT_DRAFT: Duration = Duration::from_secs(5);

/// When to keep a draft of the writing: once the typing pauses for a quiet time, and at
/// the latest [`LONGEST_WITHOUT_DRAFT`] after the first change not kept, however long the
/// typing goes on.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Autosave {
    last_edit: Option<Instant>,
    first_unkept: Option<Instant>,
}

impl Autosave {
    /// The writing changed at `at`.
    pub fn edited(&mut self, at: Instant) {
        self.last_edit = Some(at);
        self.first_unkept.get_or_insert(at);
    }

    /// Whether a draft is due at `now`, after `quiet` without typing.
    #[must_use]
    pub fn due(&self, now: Instant, quiet: Duration) -> bool {
        let since = |t: Option<Instant>| t.map(|t| now.saturating_duration_since(t));
        since(self.last_edit).is_some_and(|d| d >= quiet)
            || since(self.first_unkept).is_some_and(|d| d >= quiet.max(LONGEST_WITHOUT_DRAFT))
    }

    /// The writing is kept (or gone): nothing is due until it changes again.
    pub fn kept(&mut self) {
        *self = Autosave::default();
    }
}

/// The Write pane.
#[derive(Debug, Default)]
pub struct Write {
    form: Option<Form>,
    /// When to keep the next draft.
    autosave: Autosave,
    /// The field being written in `$EDITOR`.
    editing: Option<usize>,
}

impl Write {
    /// The form being written, if any.
    #[must_use]
    pub fn form(&self) -> Option<&Form> {
        self.form.as_ref()
    }

    /// Whether something is written that is not saved.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.form.as_ref().is_some_and(|w| w.dirty)
    }

    /// Fields of the form, for the layout.
    #[must_use]
    pub fn field_count(&self) -> usize {
        self.form.as_ref().map_or(0, |w| w.fields.len())
    }

    /// What is text while it has the keyboard, and where its keys are looked up: the
    /// title and date are one line (enter goes on to the next field), the sections are
    /// text areas.
    #[must_use]
    pub fn keys(&self) -> (Text, &'static [Context]) {
        let chain: &'static [Context] = &[Context::Write, Context::Moving, Context::Global];
        let one_line = self
            .form
            .as_ref()
            .and_then(|w| w.fields.get(w.focus))
            .is_some_and(|f| f.single_line);
        match (&self.form, one_line) {
            (None, _) => (Text::None, chain),
            (Some(_), true) => (Text::Line, chain),
            (Some(_), false) => (Text::Area, chain),
        }
    }

    /// The actions the status bar offers.
    #[must_use]
    pub fn hints(&self) -> &'static [Action] {
        if self
            .form
            .as_ref()
            .is_some_and(|w| w.entry.kind == EntryKind::Reflection)
        {
            &[
                Action::Save,
                Action::NextField,
                Action::PickStrengths,
                Action::CheckIn,
                Action::ToggleFlag,
                Action::PickModel,
                Action::Back,
                Action::Help,
            ]
        } else {
            &[
                Action::Save,
                Action::NextField,
                Action::PickStrengths,
                Action::ToggleFlag,
                Action::CycleScope,
                Action::Back,
                Action::Help,
            ]
        }
    }

    /// Whether the pane can be shown: only while something is being written.
    pub fn enter(&self, env: &mut Env) -> bool {
        if self.form.is_none() {
            env.say(format!(
                "Nothing is being written: press {} in the journal to start",
                env.key(Action::NewEntry)
            ));
        }
        self.form.is_some()
    }

    /// Leaving the pane keeps a draft of the writing.
    pub fn leave(&mut self, env: &mut Env) -> Result<()> {
        self.keep_draft(env)
    }

    /// Does an action of its contexts; others are passed on.
    pub fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        let Some(w) = self.form.as_mut() else {
            return Ok(Outcome::Passed);
        };
        match action {
            Action::Save => return self.save(true, false, env),
            Action::NextField | Action::PrevField => {
                let n = w.fields.len();
                w.focus = if action == Action::NextField {
                    (w.focus + 1) % n
                } else {
                    (w.focus + n - 1) % n
                };
            }
            Action::FieldDone => {
                if w.fields.get(w.focus).is_some_and(|f| f.single_line) {
                    w.focus = (w.focus + 1).min(w.fields.len() - 1);
                }
            }
            Action::PickModel => {
                if w.entry.kind == EntryKind::Reflection {
                    let current = w.template.as_ref().map(|t| t.id.as_str());
                    return Ok(Outcome::Open(Box::new(Models::new(&env.catalog, current))));
                }
            }
            Action::PickStrengths => {
                return Ok(Outcome::Open(Box::new(Strengths::new(
                    &w.entry.strengths,
                    &w.entry.tags,
                    env,
                ))));
            }
            Action::CheckIn => {
                return Ok(Outcome::Open(Box::new(CheckInForm::for_entry(
                    w.entry.checkin.clone().unwrap_or_default(),
                ))));
            }
            Action::ToggleFlag => {
                w.entry.for_supervision = !w.entry.for_supervision;
                w.touch();
            }
            Action::CycleScope => w.cycle_scope(),
            Action::ExternalEditor => {
                let f = &w.fields[w.focus];
                if !f.single_line {
                    self.editing = Some(w.focus);
                    return Ok(Outcome::Edit(f.area.lines().join("\n")));
                }
            }
            Action::Back => return Ok(Outcome::Then(Msg::Focus(Pane::Journal))),
            // The arrows of a one-line field have nowhere to go.
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {}
            _ => return Ok(Outcome::Passed),
        }
        Ok(Outcome::Done)
    }

    /// A key for the field being written (text, and the text area's own keys).
    pub fn text(&mut self, key: KeyEvent) {
        if let Some(w) = self.form.as_mut()
            && let Some(f) = w.fields.get_mut(w.focus)
            && !(key.code == KeyCode::Enter && f.single_line)
            && f.area.input(key)
        {
            w.touch();
            self.autosave.edited(Instant::now());
        }
    }

    /// A pasted text, into the field being written (one line into a one-line field).
    pub fn paste(&mut self, text: &str) {
        if let Some(w) = self.form.as_mut()
            && let Some(f) = w.fields.get_mut(w.focus)
        {
            let text = if f.single_line {
                text.lines().next().unwrap_or_default().to_string()
            } else {
                text.replace("\r\n", "\n").replace('\r', "\n")
            };
            f.area.insert_str(&text);
            w.touch();
            self.autosave.edited(Instant::now());
        }
    }

    /// A click on the list of fields goes to that field.
    pub fn click(&mut self, at: Position, layout: &Layout) {
        if let Some(w) = self.form.as_mut()
            && let Some(i) = layout.field_at(at)
            && i < w.fields.len()
        {
            w.focus = i;
        }
    }

    /// The text `$EDITOR` gave back for the field it was asked for.
    pub fn edited(&mut self, text: Result<String>, env: &mut Env) {
        let Some(field) = self.editing.take() else {
            return;
        };
        match text {
            Ok(new) => {
                if let Some(w) = self.form.as_mut() {
                    w.set_text(field, &new);
                    self.autosave.edited(Instant::now());
                }
            }
            Err(e) => env.say(format!("{e:#}")),
        }
    }

    /// Between events: keeps a draft once the typing pauses, or has gone on too long.
    pub fn tick(&mut self, now: Instant, env: &mut Env) {
        let quiet = Duration::from_secs(env.config.ui.draft_seconds);
        if self.autosave.due(now, quiet) {
            self.autosave.kept();
            if let Err(e) = self.keep_draft(env) {
                env.say(format!("Could not keep a draft: {e:#}"));
            }
        }
    }

    /// Keeps the form as a draft if it changed since the last one.
    pub fn keep_draft(&mut self, env: &mut Env) -> Result<()> {
        let Some(w) = self.form.as_mut() else {
            return Ok(());
        };
        if !w.unsaved_draft {
            return Ok(());
        }
        let data = serde_json::to_string(&w.draft_data())?;
        let uuid = (w.entry.version > 0).then(|| w.entry.id.to_string());
        let id = env.store.save_draft(
            w.draft_id,
            uuid.as_deref(),
            &data,
            env.clock.now_utc(),
            &env.writer,
        )?;
        w.draft_id = Some(id);
        w.unsaved_draft = false;
        self.autosave.kept();
        Ok(())
    }

    /// What another part of the app asks of the writing.
    pub fn on(&mut self, msg: WriteMsg, env: &mut Env) -> Result<Outcome> {
        match msg {
            WriteMsg::New(form) => {
                if let Some(busy) = self.busy(env, "this entry") {
                    return Ok(busy);
                }
                self.start(form, env)
            }
            WriteMsg::ChooseKind => Ok(match self.busy(env, "this entry") {
                Some(busy) => busy,
                None => Outcome::Open(Box::new(NewKind::default())),
            }),
            WriteMsg::Open(rowid) => {
                if let Some(busy) = self.busy(env, "the entry being written") {
                    return Ok(busy);
                }
                self.open(rowid, env)
            }
            WriteMsg::Recover(draft) => self.recover(&draft, env),
            WriteMsg::Model(template) => {
                if let Some(w) = self.form.as_mut() {
                    w.switch_model(*template);
                    self.autosave.edited(Instant::now());
                }
                Ok(Outcome::Done)
            }
            WriteMsg::Tags { strengths, tags } => {
                if let Some(w) = self.form.as_mut() {
                    w.entry.strengths = strengths;
                    w.entry.tags = tags;
                    w.touch();
                }
                Ok(Outcome::Done)
            }
            WriteMsg::CheckIn {
                checkin,
                then_save,
                then_quit,
            } => {
                if let Some(w) = self.form.as_mut() {
                    w.entry.checkin = checkin;
                    w.touch();
                }
                if then_save {
                    return self.save(false, then_quit, env);
                }
                Ok(Outcome::Done)
            }
            WriteMsg::Save {
                offer_checkin,
                then_quit,
            } => self.save(offer_checkin, then_quit, env),
            WriteMsg::SaveCopy { mine, then_quit } => {
                let mut copy = *mine;
                copy.title = format!("{} (my copy)", copy.title);
                let id = self.insert_fresh(copy, env)?;
                env.say(format!("Saved your version as a copy, {id}"));
                Ok(self.finished(then_quit, None))
            }
            WriteMsg::TakeTheirs { then_quit } => {
                self.finish(env)?;
                env.say("Kept the other version; yours was not saved");
                Ok(self.finished(then_quit, None))
            }
            WriteMsg::SaveAsNew { mine, then_quit } => {
                let id = self.insert_fresh(*mine, env)?;
                env.say(format!("Saved as a new entry, {id}"));
                Ok(self.finished(then_quit, Some(id)))
            }
            WriteMsg::KeepAndQuit => {
                self.keep_draft(env)?;
                Ok(Outcome::Then(Msg::Quit))
            }
        }
    }

    /// When something is being written, a new one is refused (the writing is kept as a
    /// draft) and the writing is shown.
    fn busy(&self, env: &mut Env, what: &str) -> Option<Outcome> {
        self.dirty().then(|| {
            env.say(format!(
                "Finish or save {what} first (it is kept as a draft)"
            ));
            Outcome::Then(Msg::Focus(Pane::Write))
        })
    }

    /// A new form.
    fn start(&mut self, form: NewForm, env: &mut Env) -> Result<Outcome> {
        let today = env.clock.today();
        let now = env.clock.now_utc();
        let (entry, template) = match form {
            NewForm::Reflection => {
                let mut entry = Entry::new(EntryKind::Reflection, today, now);
                entry.scope = env.config.journal.default_scope;
                let template = env
                    .catalog
                    .model(&env.config.journal.default_model)
                    .ok()
                    .cloned();
                entry.model = template
                    .as_ref()
                    .filter(|t| !t.is_free())
                    .map(|t| t.id.clone());
                (entry, template)
            }
            NewForm::Structured {
                kind,
                template,
                prep,
            } => {
                let Some(template) = env.catalog.template(template).cloned() else {
                    return Ok(Outcome::Done);
                };
                let on = prep.as_ref().map_or(today, |(_, d)| *d);
                let mut entry = Entry::new(kind, on, now);
                entry.scope = env.config.journal.default_scope;
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
                (entry, Some(template))
            }
        };
        self.form = Some(Form::new(entry, template));
        Ok(Outcome::Then(Msg::Focus(Pane::Write)))
    }

    /// A stored entry in its form; a check-in is changed in the check-in form.
    fn open(&mut self, rowid: i64, env: &mut Env) -> Result<Outcome> {
        let entry = env.store.entry_by_rowid(rowid)?;
        if entry.kind == EntryKind::CheckIn {
            return Ok(Outcome::Open(Box::new(CheckInForm::editing(
                rowid,
                entry.checkin.clone().unwrap_or_default(),
            ))));
        }
        let catalog = &env.catalog;
        let template = entry
            .model
            .as_deref()
            .and_then(|m| catalog.model(m).ok().or_else(|| catalog.template(m)))
            .cloned();
        self.form = Some(Form::new(entry, template));
        Ok(Outcome::Then(Msg::Focus(Pane::Write)))
    }

    /// Takes a draft over from its writer (who is gone) and puts it back in the form.
    fn recover(&mut self, draft: &Draft, env: &mut Env) -> Result<Outcome> {
        if !env
            .store
            .claim_draft(draft.id, draft.writer.as_ref(), &env.writer)?
        {
            env.say("That writing was taken up by another praxis window meanwhile");
            return Ok(Outcome::Done);
        }
        let data: DraftData = match serde_json::from_str(&draft.data) {
            Ok(d) => d,
            Err(e) => {
                env.say(format!("That draft cannot be read ({e}); it is kept"));
                return Ok(Outcome::Done);
            }
        };
        let template = data
            .model
            .as_deref()
            .and_then(|m| env.catalog.model(m).ok())
            .cloned();
        self.form = Some(Form::from_draft(data, template, draft.id));
        env.say("Draft recovered");
        Ok(Outcome::Then(Msg::Focus(Pane::Write)))
    }

    /// Saves the form. New reflections without a check-in are offered one first;
    /// `then_quit` ends the app once it is saved.
    fn save(&mut self, offer_checkin: bool, then_quit: bool, env: &mut Env) -> Result<Outcome> {
        let Some(w) = self.form.as_mut() else {
            return Ok(Outcome::Done);
        };
        let today = env.clock.today();
        let entry = match w.to_entry(today) {
            Ok(e) => e,
            Err(msg) => {
                w.focus = form::DATE;
                env.say(msg);
                return Ok(Outcome::Done);
            }
        };
        if entry.is_blank() {
            env.say("Nothing written yet");
            return Ok(Outcome::Done);
        }
        if offer_checkin
            && entry.version == 0
            && entry.kind == EntryKind::Reflection
            && entry.checkin.is_none()
        {
            return Ok(Outcome::Open(Box::new(CheckInForm::before_save(then_quit))));
        }
        let now = env.clock.now_utc();
        let saved = if entry.version == 0 {
            env.store.insert_entry(&entry).map(|_| entry.short_id())
        } else {
            env.store.update_entry(&entry, now).map(|e| e.short_id())
        };
        let saved_id = match saved {
            Ok(id) => id,
            // Changed elsewhere since it was opened, or (a new one) saved elsewhere
            // meanwhile: never an error on the entry's own identity, a choice.
            Err(StoreError::Conflict(_)) => {
                return Ok(Outcome::Open(Box::new(Conflict::new(entry, then_quit))));
            }
            // Deleted for good elsewhere: it can still be saved, as a new entry.
            Err(StoreError::NotFound(_)) if entry.version > 0 => {
                return Ok(Outcome::Open(Box::new(Gone::new(entry, then_quit))));
            }
            Err(e) => return Err(e.into()),
        };
        self.finish(env)?;
        env.say(format!("Saved {saved_id}"));
        Ok(self.finished(then_quit, Some(saved_id)))
    }

    /// Saves `entry` as a new entry of its own: a new id, new ids for its actions.
    fn insert_fresh(&mut self, mut entry: Entry, env: &mut Env) -> Result<String> {
        entry.id = uuid::Uuid::new_v4();
        entry.version = 0;
        for a in &mut entry.actions {
            a.id = uuid::Uuid::new_v4();
        }
        env.store.insert_entry(&entry)?;
        self.finish(env)?;
        Ok(entry.short_id())
    }

    /// After saving (or giving up the writing): the app ends if asked, else the journal
    /// shows the saved entry.
    fn finished(&self, then_quit: bool, saved: Option<String>) -> Outcome {
        match (then_quit, saved) {
            (true, _) => Outcome::Then(Msg::Quit),
            (false, Some(id)) => Outcome::Then(Msg::Saved(id)),
            (false, None) => Outcome::Then(Msg::Focus(Pane::Journal)),
        }
    }

    /// The writing is over: its draft is dropped, and the journal changed.
    fn finish(&mut self, env: &mut Env) -> Result<()> {
        if let Some(id) = self.form.as_ref().and_then(|w| w.draft_id) {
            env.store.delete_draft(id, Some(&env.writer))?;
        }
        self.form = None;
        self.autosave.kept();
        env.changed = true;
        Ok(())
    }

    /// Draws the pane.
    pub fn draw(&self, f: &mut Frame<'_>, layout: &Layout, env: &Env) {
        let t = &env.theme;
        let Some(w) = &self.form else {
            return;
        };
        let e = &w.entry;
        let model = w
            .template
            .as_ref()
            .map_or("Free writing", |m| m.name.as_str());
        let mut first = vec![
            Span::styled(if e.version > 0 { "Editing " } else { "New " }, t.title),
            Span::styled(format!("{} · {model}", e.kind), t.title),
            Span::styled(format!("  scope {}", e.scope), t.dim),
        ];
        if e.for_supervision {
            first.push(Span::styled("  ⚑ for supervision", t.flag));
        }
        if w.dirty {
            first.push(Span::styled("  • unsaved", t.warn));
        }
        let mut second = vec![Span::styled("Strengths ", t.dim)];
        if e.strengths.is_empty() && e.tags.is_empty() {
            second.push(Span::styled(
                format!("none yet ({})", env.key(Action::PickStrengths)),
                t.dim,
            ));
        } else {
            second.push(Span::styled(
                sanitize_line(&strengths_text(&e.strengths)).into_owned(),
                t.strength,
            ));
            if !e.tags.is_empty() {
                second.push(Span::styled(
                    format!("  #{}", sanitize_line(&e.tags.join(" #"))),
                    t.base,
                ));
            }
        }
        if let Some(c) = &e.checkin {
            second.push(Span::styled("  Check-in ", t.dim));
            second.push(Span::raw(c.summary()));
        }
        f.render_widget(
            Paragraph::new(vec![Line::from(first), Line::from(second)]),
            layout.meta,
        );

        f.render_widget(widgets::block(t, "Sections", false), layout.nav);
        for (i, (field, rect)) in w.fields.iter().zip(&layout.fields).enumerate() {
            let filled = !field.area.lines().iter().all(|l| l.trim().is_empty());
            let mark = if filled { "●" } else { "○" };
            let style = if i == w.focus { t.selected } else { t.base };
            let label = format!("{mark} {}", sanitize_line(&field.label));
            f.render_widget(
                Span::styled(pad(&label, usize::from(rect.width)), style),
                *rect,
            );
        }

        let Some(field) = w.fields.get(w.focus) else {
            return;
        };
        let eb = widgets::block(t, &field.label, true);
        let inner = eb.inner(layout.editor);
        f.render_widget(eb, layout.editor);
        let prompt_lines: Vec<Line<'static>> = field
            .prompts
            .iter()
            .map(|p| Line::from(Span::styled(sanitize_line(p).into_owned(), t.placeholder)))
            .collect();
        let prompt_h = u16::try_from(prompt_lines.len())
            .unwrap_or(0)
            .min(inner.height / 3);
        let [prompts, text] =
            Split::vertical([Constraint::Length(prompt_h), Constraint::Min(1)]).areas(inner);
        f.render_widget(
            Paragraph::new(prompt_lines).wrap(Wrap { trim: true }),
            prompts,
        );
        f.render_widget(&field.area, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_due_after_a_pause_or_after_the_longest_wait_however_fast_the_typing() {
        let quiet = Duration::from_secs(2);
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let mut a = Autosave::default();
        assert!(!a.due(at(60_000), quiet), "nothing written, nothing due");
        // A word a second: never two quiet seconds.
        for s in 0..5 {
            a.edited(at(s * 1000));
            assert!(!a.due(at(s * 1000 + 999), quiet), "{s}");
        }
        a.edited(at(5000));
        assert!(a.due(at(5000), quiet), "five seconds after the first word");
        a.kept();
        assert!(!a.due(at(5500), quiet));
        // A pause keeps it sooner.
        a.edited(at(6000));
        assert!(!a.due(at(7999), quiet));
        assert!(a.due(at(8000), quiet));
        // A longer quiet time than the longest wait is honoured.
        let mut b = Autosave::default();
        b.edited(at(0));
        b.edited(at(9000));
        assert!(!b.due(at(9500), Duration::from_secs(10)));
        assert!(b.due(at(10_000), Duration::from_secs(10)));
    }
}
