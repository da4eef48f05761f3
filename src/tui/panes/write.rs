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
use ratatui::widgets::Paragraph;

use self::form::{Field, Form};
use crate::model::practice::recognition_whose;
use crate::model::text::{pad, sanitize_line};
use crate::model::{
    Details, Direction, Entry, EntryKind, FeedbackSource, GroupFormat, Scope, SessionStage,
    SubjectType, Supervision,
};
use crate::store::{Draft, StoreError};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Msg, NewForm, Outcome, Pane, WriteMsg};
use crate::tui::draft::DraftData;
use crate::tui::keymap::Text;
use crate::tui::layout::Layout;
use crate::tui::overlays::checkin::CheckInForm;
use crate::tui::overlays::conflict::Conflict;
use crate::tui::overlays::discard::Discard;
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

    /// Keeping a draft failed at `now` (a busy journal, a full disk): it is due again
    /// after another quiet time, whether or not the writing changes.
    pub fn failed(&mut self, now: Instant) {
        self.last_edit = Some(now);
        self.first_unkept = Some(now);
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

    /// The rows each field's label takes in the list of fields, wrapped to `cols`, for
    /// the layout.
    #[must_use]
    pub fn field_rows(&self, cols: usize) -> Vec<u16> {
        self.form.as_ref().map_or_else(Vec::new, |w| {
            w.fields
                .iter()
                .map(|f| u16::try_from(label_lines(&f.label, cols).len()).unwrap_or(1))
                .collect()
        })
    }

    /// The field being written.
    #[must_use]
    pub fn focus(&self) -> usize {
        self.form.as_ref().map_or(0, |w| w.focus)
    }

    /// What is text while it has the keyboard, and where its keys are looked up: the
    /// title and date are one line (enter goes on to the next field), the sections are
    /// text areas.
    #[must_use]
    pub fn keys(&self) -> (Text, &'static [Context]) {
        let chain: &'static [Context] = &[Context::Write, Context::Moving, Context::Global];
        let field = self.form.as_ref().and_then(|w| w.fields.get(w.focus));
        match field {
            None => (Text::None, chain),
            // Letters jump to a choice; the arrows move among them.
            Some(f) if f.is_choice() => (Text::Chars, chain),
            Some(f) if f.single_line => (Text::Line, chain),
            Some(_) => (Text::Area, chain),
        }
    }

    /// The writing's title or first words, to name it in a question.
    #[must_use]
    pub fn describe(&self) -> String {
        self.form.as_ref().map_or_else(String::new, Form::describe)
    }

    /// The actions the status bar offers, most wanted first.
    #[must_use]
    pub fn hints(&self) -> Vec<Action> {
        let Some(w) = &self.form else {
            return vec![Action::FocusJournal, Action::Help];
        };
        let mut hints = vec![Action::Save, Action::NextField];
        if w.fields.get(w.focus).is_some_and(|f| f.is_choice()) {
            hints.extend([Action::ChoicePrev, Action::ChoiceNext]);
        }
        hints.extend([Action::Undo, Action::Redo, Action::PickStrengths]);
        if w.entry.kind == EntryKind::Reflection {
            hints.extend([Action::CheckIn, Action::ToggleFlag, Action::PickModel]);
        } else if w.entry.kind == EntryKind::GroupSession {
            hints.extend([Action::PickModel, Action::ToggleFlag, Action::CycleScope]);
        } else {
            hints.extend([Action::ToggleFlag, Action::CycleScope]);
        }
        hints.extend([Action::DiscardEntry, Action::Back, Action::Help]);
        hints
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
                if w.fields
                    .get(w.focus)
                    .is_some_and(|f| f.single_line || f.is_choice())
                {
                    w.focus = (w.focus + 1).min(w.fields.len() - 1);
                }
            }
            Action::Undo | Action::Redo => {
                if let Some(f) = w.fields.get_mut(w.focus) {
                    let changed = form::undo_word(&mut f.area, action == Action::Redo);
                    if changed {
                        w.touch();
                        self.autosave.edited(Instant::now());
                        self.recheck(env);
                    } else {
                        env.say(if action == Action::Undo {
                            "Nothing to undo in this field"
                        } else {
                            "Nothing to redo in this field"
                        });
                    }
                }
            }
            Action::ChoicePrev | Action::ChoiceNext | Action::Up | Action::Down
                if w.fields.get(w.focus).is_some_and(Field::is_choice) =>
            {
                let by = if matches!(action, Action::ChoicePrev | Action::Up) {
                    -1
                } else {
                    1
                };
                w.step_choice(w.focus, by);
                self.autosave.edited(Instant::now());
                self.recheck(env);
            }
            // Nothing written (a new, untouched form): nothing to ask about.
            Action::DiscardEntry if w.is_empty() && self.editing.is_none() => {
                if let Some(id) = w.draft_id {
                    env.store.delete_draft(id, Some(&env.writer))?;
                }
                self.form = None;
                self.autosave.kept();
                env.say("Nothing was written: the form is closed");
                return Ok(Outcome::Then(Msg::Focus(Pane::Journal)));
            }
            Action::DiscardEntry => {
                return Ok(Outcome::Open(Box::new(Discard::new(w.describe(), None))));
            }
            Action::PickModel => match w.entry.kind {
                EntryKind::Reflection => {
                    let current = w.template.as_ref().map(|t| t.id.as_str());
                    return Ok(Outcome::Open(Box::new(Models::new(&env.catalog, current))));
                }
                EntryKind::GroupSession => {
                    let current = w.entry.model.as_deref();
                    return Ok(Outcome::Open(Box::new(Models::sessions(
                        &env.catalog,
                        current,
                    ))));
                }
                _ => {}
            },
            Action::PickStrengths => {
                let mut picker = Strengths::new(&w.entry.strengths, &w.entry.tags, env);
                // Recognition given tags the strength of whom it is given to (a
                // colleague's, the team's, a person's), received the writer's own.
                if w.entry.kind == EntryKind::Recognition {
                    let direction = w.text("direction").parse().unwrap_or(Direction::Given);
                    let who = w.text("who");
                    let subject = env
                        .store
                        .subject_type(who.trim())
                        .ok()
                        .flatten()
                        .unwrap_or(SubjectType::Colleague);
                    picker = picker.whose(recognition_whose(direction, subject));
                }
                return Ok(Outcome::Open(Box::new(picker)));
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
            Action::CycleScope => {
                let said = w.cycle_scope();
                env.say(format!("{said} ({} changes)", env.key(Action::CycleScope)));
            }
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
            | Action::ChoicePrev
            | Action::ChoiceNext
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {}
            _ => return Ok(Outcome::Passed),
        }
        Ok(Outcome::Done)
    }

    /// A key for the field being written (text, and the text area's own keys); in a
    /// field of fixed choices a letter jumps to the next choice starting with it, and
    /// backspace unsets it.
    pub fn text(&mut self, key: KeyEvent, env: &mut Env) {
        let Some(w) = self.form.as_mut() else {
            return;
        };
        let Some(f) = w.fields.get_mut(w.focus) else {
            return;
        };
        if f.is_choice() {
            let all = f.picker();
            let value = match key.code {
                KeyCode::Char(c) => {
                    let now = all.iter().position(|v| *v == f.value().trim()).unwrap_or(0);
                    let starts = |v: &String| {
                        v.chars()
                            .next()
                            .is_some_and(|x| x.to_lowercase().eq(c.to_lowercase()))
                    };
                    // The next one with that letter after the one chosen, round and round.
                    (1..=all.len())
                        .map(|i| &all[(now + i) % all.len()])
                        .find(|v| starts(v))
                        .cloned()
                }
                KeyCode::Backspace | KeyCode::Delete if f.choices.contains(&String::new()) => {
                    Some(String::new())
                }
                _ => None,
            };
            if let Some(v) = value {
                let i = w.focus;
                w.choose(i, &v);
                self.autosave.edited(Instant::now());
                self.recheck(env);
            }
            return;
        }
        if !(key.code == KeyCode::Enter && f.single_line) && f.area.input(key) {
            w.touch();
            self.autosave.edited(Instant::now());
            self.recheck(env);
        }
    }

    /// After an edit, a refused save's message stays until the form is put right: it is
    /// checked again, and goes (or changes) with what is wrong now.
    fn recheck(&mut self, env: &Env) {
        if let Some(w) = self.form.as_mut()
            && w.error.is_some()
        {
            w.error = w.to_entry(env.clock.today()).err();
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
            if f.is_choice() {
                return;
            }
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
            match self.keep_draft(env) {
                Ok(()) => self.autosave.kept(),
                Err(e) => {
                    self.autosave.failed(now);
                    env.say(format!("Could not keep a draft (trying again): {e:#}"));
                }
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
                if self.dirty() {
                    return Ok(self.in_the_way(WriteMsg::New(form)));
                }
                self.start(form, env)
            }
            WriteMsg::ChooseKind => Ok(if self.dirty() {
                self.in_the_way(WriteMsg::ChooseKind)
            } else {
                Outcome::Open(Box::new(NewKind::default()))
            }),
            WriteMsg::Open(rowid) => {
                if self.dirty() {
                    return Ok(self.in_the_way(WriteMsg::Open(rowid)));
                }
                self.open(rowid, env)
            }
            WriteMsg::Discard { then } => {
                if let Some(id) = self.form.as_ref().and_then(|w| w.draft_id) {
                    env.store.delete_draft(id, Some(&env.writer))?;
                }
                self.form = None;
                self.editing = None;
                self.autosave.kept();
                env.say("The writing was thrown away");
                Ok(Outcome::Then(
                    then.map_or(Msg::Focus(Pane::Journal), |m| *m),
                ))
            }
            WriteMsg::Recover(draft) => self.recover(&draft, env),
            WriteMsg::Model(template) => {
                if let Some(w) = self.form.as_mut() {
                    if w.entry.kind == EntryKind::GroupSession {
                        // A session model's sections go into the group-session form, whose
                        // typed fields stay; the entry keeps the model's id.
                        let Some(whole) = env.catalog.group_template(Some(&template.id)) else {
                            return Ok(Outcome::Done);
                        };
                        w.switch_model(whole);
                        w.entry.model = Some(template.id.clone());
                    } else {
                        w.switch_model(*template);
                    }
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

    /// Something else was asked of the Write pane while an entry is being written: a
    /// window asks whether to go back to the writing or throw it away and go on. The keys
    /// that follow go to that window, never into the writing.
    fn in_the_way(&self, then: WriteMsg) -> Outcome {
        Outcome::Open(Box::new(Discard::in_the_way(
            self.describe(),
            Msg::Write(then),
        )))
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
                // A record is written after the session: on the prep's day, unless that
                // is still to come (the session was brought forward), then today.
                let on = prep.as_ref().map_or(today, |(_, d)| (*d).min(today));
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
            NewForm::Group { model } => {
                let Some(template) = env.catalog.group_template(model.as_deref()) else {
                    return Ok(Outcome::Done);
                };
                let mut entry = Entry::new(EntryKind::GroupSession, today, now);
                entry.scope = env.config.journal.default_scope;
                entry.model = Some(model.unwrap_or_else(|| template.id.clone()));
                let mut form = Form::new(entry, Some(template));
                // The format follows the model, as `praxis group new` has it.
                let format = GroupFormat::for_model(form.entry.model.as_deref());
                form.preset("format", format.as_str());
                self.form = Some(form);
                return Ok(Outcome::Then(Msg::Focus(Pane::Write)));
            }
        };
        let mut form = Form::new(entry, template);
        // Recognition is given unless it says received, as `praxis recognise` has it;
        // feedback comes from a person supported unless it says where else (the source
        // regulators ask for first).
        match form.entry.kind {
            EntryKind::Recognition => form.preset("direction", Direction::Given.as_str()),
            EntryKind::Feedback => {
                form.preset("source", FeedbackSource::PersonSupported.as_str());
            }
            _ => {}
        }
        self.form = Some(form);
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
        let template = env
            .catalog
            .for_entry(entry.kind, entry.model.as_deref())
            .map(std::borrow::Cow::into_owned);
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
        // A reflection's model is the draft's; another kind's form is its entry's (a group
        // session's template with its session model in it).
        let model = match data.entry.kind {
            EntryKind::Reflection => data.model.as_deref(),
            _ => data.entry.model.as_deref().or(data.model.as_deref()),
        };
        let template = env
            .catalog
            .for_entry(data.entry.kind, model)
            .map(std::borrow::Cow::into_owned);
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
            Ok(e) => {
                w.error = None;
                e
            }
            Err(error) => {
                // The field at fault has the keyboard, and says what is wrong until it is
                // put right.
                w.focus = error.field;
                w.error = Some(error);
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
        // As on the command line: a key that looks like a real name is saved, and said.
        match crate::model::rules::names_not_pseudonyms(&entry).first() {
            Some(name) => env.say(format!(
                "Saved {saved_id}. '{}' looks like a real name: use a pseudonym such as YP-A (praxis subjects rename changes it)",
                sanitize_line(name)
            )),
            None => env.say(format!("Saved {saved_id}")),
        }
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
        // The entry is saved: the form goes whatever becomes of its draft, or a later
        // save of the same form would be a conflict with itself.
        let draft = self.form.take().and_then(|w| w.draft_id);
        self.autosave.kept();
        env.changed = true;
        if let Some(id) = draft
            && let Err(e) = env.store.delete_draft(id, Some(&env.writer))
        {
            env.say(format!(
                "Saved; its draft could not be removed ({e:#}): discard it when it is offered"
            ));
        }
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
        // The header: what is written and how it stands, in pieces that wrap whole.
        let mut chips: Vec<Vec<Span<'static>>> = vec![
            vec![Span::styled(
                format!(
                    "{}{} · {}",
                    if e.version > 0 { "Editing " } else { "New " },
                    e.kind.noun(),
                    sanitize_line(model)
                ),
                t.title,
            )],
            vec![Span::styled(format!("scope {}", e.scope), t.dim)],
        ];
        if e.for_supervision {
            chips.push(vec![Span::styled("⚑ for supervision", t.flag)]);
        }
        if w.dirty {
            chips.push(vec![Span::styled("• unsaved", t.warn)]);
        }
        if e.strengths.is_empty() && e.tags.is_empty() {
            chips.push(vec![
                Span::styled("Strengths ", t.dim),
                Span::styled(
                    format!("none yet ({})", env.key(Action::PickStrengths)),
                    t.dim,
                ),
            ]);
        } else {
            if !e.strengths.is_empty() {
                chips.push(vec![
                    Span::styled("Strengths ", t.dim),
                    Span::styled(
                        sanitize_line(&strengths_text(&e.strengths)).into_owned(),
                        t.strength,
                    ),
                ]);
            }
            if !e.tags.is_empty() {
                chips.push(vec![Span::styled(
                    format!("#{}", sanitize_line(&e.tags.join(" #"))),
                    t.base,
                )]);
            }
        }
        if let Some(c) = &e.checkin {
            chips.push(vec![
                Span::styled("Check-in ", t.dim),
                Span::styled(sanitize_line(&c.summary()).into_owned(), t.base),
            ]);
        }
        f.render_widget(
            Paragraph::new(widgets::flow(
                chips,
                usize::from(layout.meta.width),
                usize::from(layout.meta.height),
                t,
            )),
            layout.meta,
        );

        let mut nav = widgets::block(t, "Sections", false);
        if layout.fields_above {
            nav = nav.title(Line::from(Span::styled(" ↑ ", t.dim)).right_aligned());
        }
        if layout.fields_below {
            nav = nav.title_bottom(Line::from(Span::styled(" ↓ more ", t.dim)).right_aligned());
        }
        f.render_widget(nav, layout.nav);
        let fault = w.error.as_ref().map(|e| e.field);
        for (i, (field, rect)) in w.fields.iter().zip(&layout.fields).enumerate() {
            if rect.is_empty() {
                continue;
            }
            let filled = !field.value().trim().is_empty();
            let mark = match (fault == Some(i), filled) {
                (true, _) => "!",
                (false, true) => "●",
                (false, false) => "○",
            };
            let style = match (i == w.focus, fault == Some(i)) {
                (true, _) => t.selected,
                (false, true) => t.warn,
                (false, false) => t.base,
            };
            let cols = usize::from(rect.width);
            let lines: Vec<Line<'static>> = label_lines(&field.label, cols.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    let lead = if n == 0 { mark } else { " " };
                    Line::from(Span::styled(pad(&format!("{lead} {l}"), cols), style))
                })
                .collect();
            f.render_widget(Paragraph::new(lines), *rect);
        }

        let Some(field) = w.fields.get(w.focus) else {
            return;
        };
        let eb = widgets::block(t, &field.label, true);
        let inner = eb.inner(layout.editor);
        f.render_widget(eb, layout.editor);
        let cols = usize::from(inner.width);
        let mut above: Vec<Line<'static>> = Vec::new();
        if let Some(err) = w.error.as_ref().filter(|e| e.field == w.focus) {
            above.extend(
                widgets::wrap(&sanitize_line(&err.message), cols)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(l, t.warn))),
            );
        }
        above.extend(prompt_lines(&field.prompts, cols, t.placeholder));
        if field.is_choice() {
            let hint = format!(
                "{} {} or ↑ ↓ choose · a letter jumps to a choice",
                env.key(Action::ChoicePrev),
                env.key(Action::ChoiceNext)
            );
            above.extend(prompt_lines(&[hint], cols, t.dim));
        }
        let above_h = u16::try_from(above.len())
            .unwrap_or(u16::MAX)
            .min(inner.height / 2);
        let [prompts, text] =
            Split::vertical([Constraint::Length(above_h), Constraint::Min(1)]).areas(inner);
        f.render_widget(Paragraph::new(above), prompts);
        if field.is_choice() {
            draw_choices(f, field, text, env);
        } else {
            f.render_widget(&field.area, text);
        }
    }
}

/// A field's label in the list of fields, wrapped to `cols` (at most two lines, the
/// second shortened if it must be).
fn label_lines(label: &str, cols: usize) -> Vec<String> {
    let mut lines = widgets::wrap(&sanitize_line(label), cols.max(1));
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(crate::model::text::truncate(&rest, cols).into_owned());
    }
    lines
}

/// The prompts of a field, wrapped to `cols` (every prompt and hint of the pane is wrapped
/// here, never cut).
fn prompt_lines(
    prompts: &[String],
    cols: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    prompts
        .iter()
        .flat_map(|p| widgets::wrap(&sanitize_line(p), cols))
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// A field of fixed choices as a picker: every choice on a line of its own, the one in
/// force marked, scrolled to keep it in view.
fn draw_choices(f: &mut Frame<'_>, field: &Field, area: ratatui::layout::Rect, env: &Env) {
    let t = &env.theme;
    let all = field.picker();
    let value = field.value();
    let current = all.iter().position(|c| *c == value.trim());
    let rows = usize::from(area.height).max(1);
    let first = current.map_or(0, |c| (c + 1).saturating_sub(rows));
    let lines: Vec<Line<'static>> = all
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, c)| {
            let on = Some(i) == current;
            let name = if c.is_empty() {
                "(not set)".to_string()
            } else {
                sanitize_line(c).into_owned()
            };
            let text = format!("{} {name}", if on { "●" } else { "○" });
            Line::from(Span::styled(
                pad(&text, usize::from(area.width)),
                if on { t.selected } else { t.base },
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
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

    #[test]
    fn a_draft_that_could_not_be_kept_is_tried_again_after_a_quiet_time() {
        let quiet = Duration::from_secs(2);
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let mut a = Autosave::default();
        a.edited(at(0));
        assert!(a.due(at(2000), quiet));
        a.failed(at(2000));
        assert!(!a.due(at(3999), quiet), "not on every tick");
        assert!(a.due(at(4000), quiet), "again, with no new typing");
    }
}
