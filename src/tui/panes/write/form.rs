//! The form of the Write pane: an entry being written or edited, one text area per field
//! (title, date, then each section of the reflective model), and what it becomes when
//! saved or kept as a draft.

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::FieldType;
use crate::model::compose::actions_from_sections;
use crate::model::details::{absorb, typed_keys};
use crate::model::rules;
use crate::model::{Details, Entry, EntryKind, Scope, Section, Template, parse_date_arg};
use crate::tui::draft::DraftData;

/// The text of field `key` of `t`, with a date field's date words (`today`, `yesterday`,
/// `tomorrow`, a weekday name, `in 4 weeks`) written as the day they mean, as the command
/// line takes them: a review or follow-up date is the next such day, any other the last.
/// Other text is left to be checked as it is.
fn date_words(t: &Template, key: &str, text: String, today: NaiveDate) -> String {
    let is_date = t.field(key).is_some_and(|f| f.kind == FieldType::Date);
    match parse_date_arg(text.trim()) {
        Ok(d) if is_date => {
            let ahead = matches!(key, "review-on" | "follow-up-on");
            if ahead {
                d.resolve_ahead(today).to_string()
            } else {
                d.resolve(today).to_string()
            }
        }
        _ => text,
    }
}

/// One field of the form.
pub struct Field {
    pub key: String,
    pub label: String,
    pub prompts: Vec<String>,
    /// Lines here can become tracked actions.
    pub action: bool,
    pub area: TextArea<'static>,
    /// Title and date are one line.
    pub single_line: bool,
    /// A field of fixed choices (a template's `choice` and yes-or-no fields): its value is
    /// one of these, chosen rather than typed; "" is "not set" where that is allowed.
    pub choices: Vec<String>,
}

impl Field {
    /// The field's text.
    #[must_use]
    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether its value is chosen from fixed choices.
    #[must_use]
    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    /// The choices as the picker lists them: the value in force first among them if it is
    /// none of them (an older or imported value is shown, not lost).
    #[must_use]
    pub fn picker(&self) -> Vec<String> {
        let v = self.value();
        let v = v.trim();
        let mut all = self.choices.clone();
        if !all.iter().any(|c| c == v) {
            all.insert(0, v.to_string());
        }
        all
    }
}

/// Why the form cannot be saved: the field at fault (its index) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: usize,
    pub message: String,
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

#[derive(Debug)]
pub struct Form {
    /// The entry as loaded (or a new one): kind, id, version, strengths, check-in…
    pub entry: Entry,
    pub template: Option<Template>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Changed since it was loaded or last saved.
    pub dirty: bool,
    /// Changed since the draft was last kept.
    pub unsaved_draft: bool,
    pub draft_id: Option<i64>,
    /// Why the last save was refused, shown at its field until the field is put right.
    pub error: Option<FieldError>,
}

pub const TITLE: usize = 0;
pub const DATE: usize = 1;

/// Edits a field's text area remembers for undo: a long section's worth of typing.
const UNDO_STEPS: usize = 2000;

/// One step of undo or redo that changed the text by one character: which, and whether
/// it was taken out (else put back).
fn one_char(before: &str, after: &str) -> Option<(char, bool)> {
    let (b, a) = (before.chars().count(), after.chars().count());
    let (long, short, out) = match b.checked_sub(a) {
        Some(1) => (before, after, true),
        _ if a == b + 1 => (after, before, false),
        _ => return None,
    };
    let mut s = short.chars();
    long.chars()
        .find(|c| s.next() != Some(*c))
        .map(|c| (c, out))
}

/// Undoes (or redoes) a word at a time: one step, then more while each takes out or puts
/// back one more letter the same way, so `Hello there` loses `there`, then `Hello `.
pub fn undo_word(area: &mut TextArea<'static>, redo: bool) -> bool {
    let step = |a: &mut TextArea<'static>, back: bool| if back { a.redo() } else { a.undo() };
    let text = |a: &TextArea<'static>| a.lines().join("\n");
    let mut before = text(area);
    if !step(area, redo) {
        return false;
    }
    let mut now = text(area);
    let Some((_, way)) = one_char(&before, &now) else {
        return true;
    };
    loop {
        before = now;
        if !step(area, redo) {
            break;
        }
        now = text(area);
        match one_char(&before, &now) {
            Some((c, w)) if w == way && !c.is_whitespace() => {}
            // Past the word: that step is put back as it was.
            _ => {
                step(area, !redo);
                break;
            }
        }
    }
    true
}

/// Whether the field `key` of `t` holds a subject's pseudonym key (a typed field).
fn is_subject(t: &Template, key: &str) -> bool {
    rules::SUBJECT_FIELDS.contains(&key) && typed_keys(&t.id).contains(&key)
}

fn area(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut a = TextArea::new(lines);
    a.set_max_histories(UNDO_STEPS);
    a.set_wrap_mode(WrapMode::WordOrGlyph);
    a.set_placeholder_text(placeholder.to_string());
    a.set_cursor_line_style(ratatui::style::Style::default());
    // Written text is continued, not typed over.
    a.move_cursor(CursorMove::Bottom);
    a.move_cursor(CursorMove::End);
    a
}

impl Form {
    /// A form for `entry` (new or stored), with the sections of `template`.
    #[must_use]
    pub fn new(entry: Entry, template: Option<Template>) -> Form {
        let mut fields = vec![
            Field {
                key: "title".into(),
                label: "Title".into(),
                prompts: vec!["A few words to find it again (optional)".into()],
                action: false,
                area: area(&entry.title, ""),
                single_line: true,
                choices: Vec::new(),
            },
            Field {
                key: "date".into(),
                label: "Date".into(),
                prompts: vec![
                    "The day it is about: YYYY-MM-DD, today, yesterday, a weekday or 3 days ago"
                        .into(),
                ],
                action: false,
                area: area(&entry.occurred_on.to_string(), "today"),
                single_line: true,
                choices: Vec::new(),
            },
        ];
        let typed_texts = crate::model::details::entry_texts(&entry);
        match template.as_ref().filter(|t| !t.is_free()) {
            Some(t) => {
                // The form's own title and date serve templates that name them (CPD).
                for f in t
                    .fields
                    .iter()
                    .filter(|f| f.key != "title" && f.key != "date")
                {
                    let text = typed_texts.iter().find(|(k, _)| *k == f.key).map_or_else(
                        || entry.section(&f.key).unwrap_or_default(),
                        |(_, v)| v.as_str(),
                    );
                    let hint = if f.action {
                        "Write here. A line starting with - [ ] becomes a tracked action."
                    } else {
                        "Write here."
                    };
                    let mut prompts = f.prompts.clone();
                    if let (FieldType::List, Some(item)) = (f.kind, &f.item) {
                        prompts.push(format!("One a line: {item}."));
                    }
                    let mut choices = match f.kind {
                        FieldType::Choice => f.options.clone(),
                        FieldType::Bool => vec!["no".to_string(), "yes".to_string()],
                        _ => Vec::new(),
                    };
                    if !choices.is_empty() && !f.required {
                        choices.insert(0, String::new());
                    }
                    // A subject's pseudonym key is one line, as on the command line.
                    let subject = is_subject(t, &f.key);
                    let hint = if subject {
                        "a pseudonym such as YP-A"
                    } else {
                        hint
                    };
                    fields.push(Field {
                        key: f.key.clone(),
                        label: f.label.clone(),
                        prompts,
                        action: f.action,
                        area: area(text, hint),
                        single_line: subject,
                        choices,
                    });
                }
                // Sections the model lacks (an older model, an import) stay editable.
                for s in entry.sections.iter().filter(|s| t.field(&s.key).is_none()) {
                    fields.push(Field {
                        key: s.key.clone(),
                        label: s.label.clone(),
                        prompts: Vec::new(),
                        action: false,
                        area: area(&s.text, ""),
                        single_line: false,
                        choices: Vec::new(),
                    });
                }
            }
            None => {
                let prompts = template
                    .as_ref()
                    .and_then(|t| t.fields.first())
                    .map(|f| f.prompts.clone())
                    .unwrap_or_else(|| vec!["What happened, and what stays with you?".into()]);
                fields.push(Field {
                    key: "body".into(),
                    label: "Reflection".into(),
                    prompts,
                    action: false,
                    area: area(&entry.body, "Write here."),
                    single_line: false,
                    choices: Vec::new(),
                });
            }
        }
        let focus = if fields.len() > 2 { 2 } else { 0 };
        Form {
            entry,
            template,
            fields,
            focus,
            dirty: false,
            unsaved_draft: false,
            draft_id: None,
            error: None,
        }
    }

    /// Puts a kept draft back into a form.
    #[must_use]
    pub fn from_draft(data: DraftData, template: Option<Template>, draft_id: i64) -> Form {
        let mut w = Form::new(data.entry, template);
        for (key, text) in &data.fields {
            if let Some(f) = w.fields.iter_mut().find(|f| f.key == *key) {
                let hint = f.area.placeholder_text().to_string();
                f.area = area(text, &hint);
            }
        }
        w.focus = data.focus.min(w.fields.len().saturating_sub(1));
        w.dirty = true;
        w.draft_id = Some(draft_id);
        w
    }

    /// The writing's title, else its first words (empty: nothing written), to name it in
    /// a question.
    #[must_use]
    pub fn describe(&self) -> String {
        let title = self.text("title");
        if !title.trim().is_empty() {
            return title.trim().to_string();
        }
        self.fields
            .iter()
            .filter(|f| f.key != "title" && f.key != "date" && !f.is_choice())
            .map(|f| f.value().trim().to_string())
            .find(|t| !t.is_empty())
            .map(|t| t.chars().take(60).collect())
            .unwrap_or_default()
    }

    /// The text of a field.
    #[must_use]
    pub fn text(&self, key: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.area.lines().join("\n"))
            .unwrap_or_default()
    }

    /// Replaces a field's text (after `$EDITOR`), keeping undo history meaningful.
    pub fn set_text(&mut self, index: usize, text: &str) {
        if let Some(f) = self.fields.get_mut(index) {
            f.area.select_all();
            f.area.cut();
            f.area.insert_str(text.trim_end_matches('\n'));
            self.dirty = true;
            self.unsaved_draft = true;
        }
    }

    /// What the draft keeps.
    #[must_use]
    pub fn draft_data(&self) -> DraftData {
        DraftData {
            entry: self.entry.clone(),
            model: self.template.as_ref().map(|t| t.id.clone()),
            fields: self
                .fields
                .iter()
                .map(|f| (f.key.clone(), f.area.lines().join("\n")))
                .collect(),
            focus: self.focus,
        }
    }

    /// Whether nothing has been written in any field but the date.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fields
            .iter()
            .filter(|f| f.key != "date")
            .all(|f| f.area.lines().iter().all(|l| l.trim().is_empty()))
    }

    /// The index of the field with this key (the first field when there is none).
    fn index(&self, key: &str) -> usize {
        self.fields.iter().position(|f| f.key == key).unwrap_or(0)
    }

    /// The entry the form describes, checked: an error names the field at fault, and its
    /// message names the field's label.
    pub fn to_entry(&self, today: NaiveDate) -> Result<Entry, FieldError> {
        let at = |key: &str, message: String| FieldError {
            field: self.index(key),
            message,
        };
        let mut e = self.entry.clone();
        e.title = self.text("title").trim().to_string();
        let date = self.text("date");
        e.occurred_on = if date.trim().is_empty() {
            today
        } else {
            parse_date_arg(date.trim())
                .map_err(|m| at("date", format!("Date: {m}")))?
                .resolve(today)
        };
        let template = self.template.as_ref().filter(|t| !t.is_free());
        match template {
            Some(t) => {
                e.sections = self
                    .fields
                    .iter()
                    .skip(2)
                    .filter(|f| !f.area.lines().iter().all(|l| l.trim().is_empty()))
                    .map(|f| Section {
                        key: f.key.clone(),
                        label: f.label.clone(),
                        text: f.area.lines().join("\n").trim_end().to_string(),
                    })
                    .collect();
                // Structured kinds: typed fields become details, checked as the CLI does.
                let typed = typed_keys(&t.id);
                for f in self.fields.iter().filter(|f| is_subject(t, &f.key)) {
                    let v = f.value();
                    if !v.trim().is_empty() {
                        rules::check_subject_key(&v)
                            .map_err(|m| at(&f.key, format!("{}: {m}", f.label)))?;
                    }
                }
                if !typed.is_empty() {
                    let get = |k: &str| Some(date_words(t, k, self.text(k), today));
                    absorb(&mut e, t, &get).map_err(|(key, msg)| {
                        let label = t.field(&key).map_or(key.as_str(), |f| f.label.as_str());
                        // Messages that start with the label already name the field.
                        let message = if msg.starts_with(label) {
                            msg
                        } else {
                            format!("{label}: {msg}")
                        };
                        at(&key, message)
                    })?;
                    e.sections.retain(|s| !typed.contains(&s.key.as_str()));
                }
                // Said without a day: as `praxis recognise` and `recognise said` date it.
                if let Details::Recognition(r) = &mut e.details {
                    let before = match &self.entry.details {
                        Details::Recognition(b) if self.entry.version > 0 => Some(b),
                        _ => None,
                    };
                    r.fill_said_on(e.occurred_on, before, today);
                }
            }
            None => e.body = self.text("body").trim_end().to_string(),
        }
        if e.kind == EntryKind::Reflection {
            e.actions =
                actions_from_sections(&mut e.sections, template, &self.entry.actions, today);
        }
        if let Details::CallIn(c) = &mut e.details
            && let Some(on) = c.held_on
        {
            c.record_held(on)
                .map_err(|msg| at("follow-up-on", format!("Follow-up: {msg}")))?;
        }
        rules::fill_title(&mut e);
        if e.kind == EntryKind::Reflection {
            e.model = template.map(|t| t.id.clone());
        }
        Ok(e)
    }

    /// Next scope: private → supervision → shareable → private; says the choices, the
    /// one in force in brackets.
    pub fn cycle_scope(&mut self) -> String {
        self.entry.scope = match self.entry.scope {
            Scope::Private => Scope::Supervision,
            Scope::Supervision => Scope::Shareable,
            Scope::Shareable => Scope::Private,
        };
        self.touch();
        let all = [Scope::Private, Scope::Supervision, Scope::Shareable]
            .iter()
            .map(|s| {
                if *s == self.entry.scope {
                    format!("[{s}]")
                } else {
                    s.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        format!("Who may see it: {all}")
    }

    /// Sets the value of a field of fixed choices, as an edit that can be undone.
    pub fn choose(&mut self, index: usize, value: &str) {
        if let Some(f) = self.fields.get_mut(index)
            && f.value() != value
        {
            f.area.clear();
            f.area.insert_str(value);
            self.touch();
        }
    }

    /// Sets the value a new form starts with in the field `key` (a default, not an edit:
    /// the form stays unchanged, and undo does not take it out).
    pub fn preset(&mut self, key: &str, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.area = area(value, f.area.placeholder_text());
        }
    }

    /// Steps the value of the field of fixed choices at `index` by `by` choices, round
    /// and round.
    pub fn step_choice(&mut self, index: usize, by: isize) {
        let Some(f) = self.fields.get(index).filter(|f| f.is_choice()) else {
            return;
        };
        let all = f.picker();
        let v = f.value();
        let at = all.iter().position(|c| *c == v.trim()).unwrap_or(0);
        let n = isize::try_from(all.len()).unwrap_or(1);
        let to =
            usize::try_from((isize::try_from(at).unwrap_or(0) + by).rem_euclid(n)).unwrap_or(0);
        let value = all[to].clone();
        self.choose(index, &value);
    }

    /// Marks the form changed.
    pub fn touch(&mut self) {
        self.dirty = true;
        self.unsaved_draft = true;
    }

    /// Switches to another model, carrying over text of sections with the same key and
    /// keeping the rest (nothing written is dropped).
    pub fn switch_model(&mut self, template: Template) {
        let mut entry = self.entry.clone();
        entry.title = self.text("title");
        if let Ok(d) = parse_date_arg(self.text("date").trim()) {
            entry.occurred_on = d.resolve(entry.occurred_on);
        }
        let mut sections: Vec<Section> = Vec::new();
        for f in self.fields.iter().skip(2) {
            let text = f.area.lines().join("\n");
            if text.trim().is_empty() {
                continue;
            }
            let key = if f.key == "body" && !template.is_free() {
                template
                    .fields
                    .first()
                    .map_or_else(|| f.key.clone(), |x| x.key.clone())
            } else {
                f.key.clone()
            };
            sections.push(Section {
                key,
                label: f.label.clone(),
                text,
            });
        }
        entry.body = String::new();
        if template.is_free() {
            entry.body = sections
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
                .join("\n\n");
            sections.clear();
        }
        entry.sections = sections;
        entry.model = Some(template.id.clone());
        let draft = self.draft_id;
        *self = Form::new(entry, Some(template));
        self.draft_id = draft;
        self.touch();
    }
}
