//! Export from the app: the selected entry, or the journal's list as it is shown, written
//! to a file by the command line's export (the same selection, redaction and formats),
//! redacted unless the writer says otherwise, into `exports/` beside the journal, and
//! never over a file that is there without asking.

use std::path::{Path, PathBuf};

use anyhow::Result;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::insights::Period;
use crate::model::text::{pad, plural, sanitize_line, truncate};
use crate::model::{EntryKind, Scope};
use crate::store::{EntryFilter, Selection};
use crate::transfer::export::{self, ExportFormat, Mode, Plan};
use crate::transfer::profile::{self, Profile};
use crate::transfer::redact::{Checker, Redactor};
use crate::tui::action::{Action, Context};
use crate::tui::component::{Env, Outcome, Overlay};
use crate::tui::keymap::Text;
use crate::tui::widgets;

/// The entry selected in the journal when the form was opened.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub rowid: i64,
    pub title: String,
    pub kind: EntryKind,
    /// Its scope, when its preview was read.
    pub scope: Option<Scope>,
}

/// The journal's list as it was shown.
#[derive(Debug, Clone)]
pub enum ListShown {
    /// Every entry a filter lets through (all of them without one).
    Filter {
        filter: EntryFilter,
        count: i64,
        /// The filter in words (`kind recognition · #nights`), empty without one.
        narrowed: String,
    },
    /// The hits of a search, as listed.
    Hits { rowids: Vec<i64>, query: String },
}

/// What an export is: the entries, or a regulator's records.
const SHAPES: [Option<Profile>; 5] = [
    None,
    Some(Profile::Nmc),
    Some(Profile::Swe),
    Some(Profile::Hcpc),
    Some(Profile::Scw),
];
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Md,
    ExportFormat::Html,
    ExportFormat::Json,
    ExportFormat::Csv,
];
const SCOPES: [Scope; 3] = [Scope::Shareable, Scope::Supervision, Scope::Private];
/// The kinds that describe other people, and leave only when the writer says so.
const ABOUT_OTHERS: [EntryKind; 4] = [
    EntryKind::StageNote,
    EntryKind::CallIn,
    EntryKind::Rupture,
    EntryKind::PositiveRisk,
];

/// The labels of the form's fields, in order.
pub const EXPORT_FIELDS: [&str; 7] = [
    "What",
    "As",
    "Format",
    "Scope",
    "About others",
    "Redacted",
    "File",
];
/// The field of the file's name.
const FILE: usize = 6;
/// Entries from which the form says the screen will wait while they are written.
const LONG: i64 = 5_000;

/// A question the next `enter` answers yes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asked {
    /// The file is there: replace it.
    Replace(PathBuf),
    /// The check found possible identifiers: export them as written.
    Unredacted,
}

/// The export form.
#[derive(Debug, Clone)]
pub struct ExportForm {
    selected: Chosen,
    list: ListShown,
    pub field: usize,
    /// The list as shown, rather than the selected entry.
    pub whole_list: bool,
    pub shape: Option<Profile>,
    pub format: ExportFormat,
    pub scope: Scope,
    /// Stage notes, call-ins, ruptures and positive-risk plans are taken too.
    pub about_others: bool,
    pub redact: bool,
    /// Where to write it.
    pub file: String,
    /// The file's name was typed: it no longer follows the other choices.
    file_typed: bool,
    /// Where files go unless another path is typed: `exports/` beside the journal.
    folder: Option<PathBuf>,
    /// The journal is a demo's, whose folder goes when the demo ends (unless kept).
    demo: bool,
    asked: Option<Asked>,
    pub error: Option<String>,
}

/// The folder exports go to: `exports/` beside the journal (private, as the journal's
/// folder is, and on this machine only); none for a journal in memory.
#[must_use]
pub fn exports_folder(journal: Option<&Path>) -> Option<PathBuf> {
    let dir = journal?.parent()?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Some(dir.join("exports"))
}

impl ExportForm {
    /// The form over the selected entry, its own scope and the other choices as the
    /// command line's defaults: entries, redacted, the kinds about others left out.
    #[must_use]
    pub fn new(selected: Chosen, list: ListShown, env: &Env) -> ExportForm {
        let scope = selected.scope.unwrap_or(Scope::Shareable);
        let mut form = ExportForm {
            selected,
            list,
            field: 0,
            whole_list: false,
            shape: None,
            format: ExportFormat::Md,
            scope,
            about_others: false,
            redact: true,
            file: String::new(),
            file_typed: false,
            folder: exports_folder(env.store.path()),
            demo: env.label.is_some(),
            asked: None,
            error: None,
        };
        form.name_file(env);
        form
    }

    /// The file's name from the choices, unless one was typed: a name that is not taken
    /// (`-2`, `-3`… after it), so the default never replaces a file.
    fn name_file(&mut self, env: &Env) {
        if self.file_typed {
            return;
        }
        let Some(folder) = &self.folder else {
            return;
        };
        let what = match self.shape {
            Some(p) => clap::ValueEnum::to_possible_value(&p)
                .map_or_else(|| "profile".to_string(), |v| v.get_name().to_string()),
            None if self.whole_list => "journal".to_string(),
            None => self.selected.kind.as_str().to_string(),
        };
        let stem = format!("praxis-{what}-{}", env.clock.today());
        let ext = self.format.name();
        let mut path = folder.join(format!("{stem}.{ext}"));
        let mut n = 2;
        while path.exists() && n < 1000 {
            path = folder.join(format!("{stem}-{n}.{ext}"));
            n += 1;
        }
        self.file = path.display().to_string();
    }

    /// The plan the choices make, as the command line would make it.
    fn plan(&self, env: &Env) -> Result<Plan, String> {
        let today = env.clock.today();
        let others = self.about_others && self.shape.is_none();
        let filter = match (&self.list, self.whole_list) {
            (ListShown::Filter { filter, .. }, true) => EntryFilter {
                trashed: false,
                ..filter.clone()
            },
            _ => EntryFilter::default(),
        };
        // The dates the file says it covers: the filter's, as `--since`/`--until` give them.
        let period = if filter.since.is_none() && filter.until.is_none() {
            Period::named("all", today)
        } else {
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
            let (since, until) = (day(filter.since), day(filter.until));
            Period::between(since.as_deref(), until.as_deref(), today)
        }
        .map_err(|e| format!("{e:#}"))?;
        let exclude_kinds = if others {
            Vec::new()
        } else {
            ABOUT_OTHERS.to_vec()
        };
        Ok(Plan {
            mode: self.shape.map_or(Mode::Entries, Mode::Profile),
            format: self.format,
            selection: Selection {
                filter,
                scope: Some(self.scope),
                exclude_kinds,
            },
            period,
            from: None,
            excerpts: None,
            include_stage_notes: others,
            include_callins: others,
            include_ruptures: others,
            include_risk_plans: others,
            today,
        })
    }

    /// The row ids the export is narrowed to: the selected entry, or a search's hits.
    fn only(&self) -> Option<Vec<i64>> {
        match (&self.list, self.whole_list) {
            (_, false) => Some(vec![self.selected.rowid]),
            (ListShown::Hits { rowids, .. }, true) => Some(rowids.clone()),
            (ListShown::Filter { .. }, true) => None,
        }
    }

    /// Why nothing would be exported, and what would change it.
    fn why_nothing(&self) -> String {
        let wider = "widen Scope (→ on it)";
        if !self.whole_list {
            let kind = self.selected.kind;
            if ABOUT_OTHERS.contains(&kind) && self.shape.is_some() {
                return format!(
                    "Nothing to export: {kind}s are never part of a regulator's record. \
                     Choose As: entries"
                );
            }
            if ABOUT_OTHERS.contains(&kind) && !self.about_others {
                return format!(
                    "Nothing to export: {kind}s describe other people, so they leave only \
                     when you say so. Set About others to taken"
                );
            }
            if let Some(s) = self.selected.scope
                && !self.scope.and_wider().contains(&s.as_str())
            {
                return format!("Nothing to export: the entry is {s}: {wider}");
            }
            return "Nothing to export: the entry is not one this export takes".to_string();
        }
        if let ListShown::Filter {
            filter: EntryFilter {
                kind: Some(kind), ..
            },
            ..
        } = &self.list
            && ABOUT_OTHERS.contains(kind)
            && (self.shape.is_some() || !self.about_others)
        {
            return if self.shape.is_some() {
                format!(
                    "Nothing to export: {kind}s are never part of a regulator's record. \
                     Choose As: entries"
                )
            } else {
                format!(
                    "Nothing to export: {kind}s describe other people, so they leave only \
                     when you say so. Set About others to taken"
                )
            };
        }
        format!(
            "Nothing to export: no entry of the list is {}: {wider}",
            self.scope
        )
    }

    /// Writes the export; Ok is what the status bar says, Err what the form says.
    fn export(&mut self, env: &mut Env) -> Result<Result<String, String>> {
        let plan = match self.plan(env) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        let file = self.file.trim();
        if file.is_empty() {
            return Ok(Err(
                "File: give the path of the file to write (a new name)".to_string()
            ));
        }
        let path = PathBuf::from(file);
        if let Some(named) = ExportFormat::from_path(&path)
            && named != self.format
        {
            return Ok(Err(format!(
                "File: its name says {}, but the format is {}: change one of them",
                named.name(),
                self.format.name()
            )));
        }
        if path.is_dir() {
            return Ok(Err(format!(
                "File: {} is a folder: give the path of a file in it",
                path.display()
            )));
        }
        let only = self.only();
        let ids = export::chosen_ids(&env.store, &plan, only.as_deref())?;
        if ids.is_empty() {
            return Ok(Err(self.why_nothing()));
        }
        let replace = self.asked == Some(Asked::Replace(path.clone()));
        if path.exists() && !replace {
            self.asked = Some(Asked::Replace(path.clone()));
            return Ok(Err(format!(
                "{} is there already: {} again replaces it, or change its name",
                path.display(),
                env.key(Action::FormDone)
            )));
        }
        let keys = env.store.subjects()?.into_iter().map(|s| s.key);
        let checker = Checker::new(
            keys,
            &env.config.privacy.never_export,
            &env.config.privacy.allow,
        );
        if !self.redact && self.asked != Some(Asked::Unredacted) {
            let found = export::check_only(&env.store, &plan, only.as_deref(), &checker)?;
            if !found.is_empty() {
                let n: usize = found.iter().map(|f| f.findings.len()).sum();
                self.asked = Some(Asked::Unredacted);
                return Ok(Err(format!(
                    "{} in {} (`praxis export --check` lists them): {} again exports them \
                     as written, or set Redacted to yes",
                    plural(n, "possible identifier", "possible identifiers"),
                    plural(found.len(), "entry", "entries"),
                    env.key(Action::FormDone)
                )));
            }
        }
        if let Some(folder) = &self.folder
            && path.parent() == Some(folder.as_path())
        {
            crate::files::create_private_dir(folder)?;
        }
        let mut redactor = self.redact.then(|| Redactor::new(checker));
        let catalog = &env.catalog;
        let store = &env.store;
        let written = crate::files::write_atomically(&path, replace, |out| {
            export::write_only(
                store,
                catalog,
                &plan,
                only.as_deref(),
                redactor.as_mut(),
                out,
            )
        })?;
        let n = written.entries;
        let what = match plan.mode {
            Mode::Profile(_) => plural(n, "record", "records"),
            _ => plural(n, "entry", "entries"),
        };
        let how = if self.redact {
            written.redaction_said()
        } else {
            "unredacted".to_string()
        };
        // Out of an encrypted journal, a plain file is the one thing readable on disk.
        let plain = if env.store.is_encrypted() {
            "; not encrypted, as the journal is: `praxis export --encrypt` seals one"
        } else {
            ""
        };
        Ok(Ok(format!(
            "Exported {what} to {} ({how}){plain}",
            sanitize_line(&path.display().to_string())
        )))
    }

    /// How many entries the export would read: one, the hits, or what the filter lets
    /// through (before the scope and the kinds about others narrow it).
    fn entries(&self) -> i64 {
        match (&self.list, self.whole_list) {
            (_, false) => 1,
            (ListShown::Hits { rowids, .. }, true) => {
                i64::try_from(rowids.len()).unwrap_or(i64::MAX)
            }
            (ListShown::Filter { count, .. }, true) => *count,
        }
    }

    /// Whether writing it keeps the screen waiting long enough to say so (a redacted
    /// export reads every entry twice: a few thousand take a second or more).
    fn long(&self) -> bool {
        self.entries() >= LONG
    }

    /// A choice moved by ← or →.
    fn change(&mut self, up: bool, env: &Env) {
        fn round<T: Copy + PartialEq>(v: T, all: &[T], up: bool) -> T {
            let at = all.iter().position(|a| *a == v).unwrap_or(0);
            let n = all.len();
            all[if up { (at + 1) % n } else { (at + n - 1) % n }]
        }
        match self.field {
            0 => {
                self.whole_list = !self.whole_list;
                self.scope = if self.whole_list {
                    Scope::Shareable
                } else {
                    self.selected.scope.unwrap_or(Scope::Shareable)
                };
            }
            1 => self.shape = round(self.shape, &SHAPES, up),
            2 => self.format = round(self.format, &FORMATS, up),
            3 => self.scope = round(self.scope, &SCOPES, up),
            4 => self.about_others = !self.about_others,
            5 => self.redact = !self.redact,
            _ => return,
        }
        self.name_file(env);
    }

    /// The value of field `i` as shown.
    fn value(&self, i: usize) -> String {
        match i {
            0 if self.whole_list => match &self.list {
                ListShown::Filter {
                    count, narrowed, ..
                } if narrowed.is_empty() => {
                    format!("the whole journal ({})", plural(*count, "entry", "entries"))
                }
                ListShown::Filter {
                    count, narrowed, ..
                } => format!(
                    "the list: {narrowed} ({})",
                    plural(*count, "entry", "entries")
                ),
                ListShown::Hits { rowids, query } => format!(
                    "the list: “{}” ({} found)",
                    truncate(query, 20),
                    rowids.len()
                ),
            },
            0 => format!(
                "the selected {}: {}",
                self.selected.kind,
                truncate(&self.selected.title, 30)
            ),
            1 => self
                .shape
                .map_or_else(|| "entries".to_string(), |p| profile::title(p).to_string()),
            2 => self.format.name().to_string(),
            3 => self.scope.to_string(),
            4 if self.shape.is_some() => "never in a regulator's record".to_string(),
            4 if self.about_others => {
                "taken: stage notes, call-ins, ruptures, risk plans".to_string()
            }
            4 => "left out: stage notes, call-ins, ruptures, risk plans".to_string(),
            5 if self.redact => "yes: names, places, numbers replaced".to_string(),
            5 => "no: as written (asked first if it finds any)".to_string(),
            _ => self.file.clone(),
        }
    }
}

impl Overlay for ExportForm {
    fn context(&self) -> Context {
        Context::Export
    }

    fn keys(&self) -> (Text, &'static [Context]) {
        (Text::Chars, &[Context::Export, Context::Form])
    }

    /// A file's name typed.
    fn holds_writing(&self) -> bool {
        self.file_typed
    }

    fn act(&mut self, action: Action, env: &mut Env) -> Result<Outcome> {
        self.error = None;
        if action != Action::FormDone {
            self.asked = None;
        }
        match action {
            Action::FormCancel => return Ok(Outcome::Close),
            Action::FormDone => match self.export(env)? {
                Ok(said) => {
                    env.say(said);
                    return Ok(Outcome::Close);
                }
                Err(e) => self.error = Some(e),
            },
            Action::FormPrev => self.field = self.field.saturating_sub(1),
            Action::FormNext => self.field = (self.field + 1).min(EXPORT_FIELDS.len() - 1),
            Action::FormMore | Action::FormLess => self.change(action == Action::FormMore, env),
            _ => {}
        }
        Ok(Outcome::Done)
    }

    fn text(&mut self, key: KeyEvent, _env: &mut Env) -> Result<Outcome> {
        self.error = None;
        self.asked = None;
        if self.field == FILE {
            match key.code {
                KeyCode::Char(c) => self.file.push(c),
                KeyCode::Backspace => {
                    self.file.pop();
                }
                _ => return Ok(Outcome::Done),
            }
            self.file_typed = true;
        }
        Ok(Outcome::Done)
    }

    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if self.field == FILE {
            self.asked = None;
            self.file.push_str(text.lines().next().unwrap_or_default());
            self.file_typed = true;
        }
        Outcome::Done
    }

    /// A stray key leaves the form as it is.
    fn unbound(&self) -> Outcome {
        Outcome::Done
    }

    fn draw(&self, f: &mut Frame<'_>, size: Rect, env: &Env) {
        let t = &env.theme;
        let mut lines = Vec::new();
        for (i, label) in EXPORT_FIELDS.iter().enumerate() {
            let style = if i == self.field { t.selected } else { t.base };
            let v = sanitize_line(&self.value(i)).into_owned();
            let shown = if i == FILE {
                format!("{v}▏")
            } else {
                format!("◀ {v} ▶")
            };
            lines.push(Line::from(vec![
                Span::styled(pad(label, 13), style),
                Span::styled(shown, style),
            ]));
        }
        lines.push(Line::from(""));
        let note = match (&self.error, &self.folder) {
            (Some(e), _) => Some((e.clone(), t.warn)),
            (None, None) => Some((
                "File: type the path of the file to write.".to_string(),
                t.dim,
            )),
            (None, Some(_)) if self.demo => Some((
                "A demo's folder goes with it unless the demo was kept: another path keeps the file."
                    .to_string(),
                t.dim,
            )),
            (None, Some(_)) if self.long() => Some((
                format!(
                    "{} to write: the screen waits until the file is written.",
                    plural(self.entries(), "entry", "entries")
                ),
                t.dim,
            )),
            (None, Some(_)) => Some((
                "Written private (0600), and never over a file that is there without asking."
                    .to_string(),
                t.dim,
            )),
        };
        if let Some((text, style)) = note {
            lines.push(Line::from(Span::styled(
                sanitize_line(&text).into_owned(),
                style,
            )));
        }
        lines.push(widgets::key_hint(
            t,
            &[
                (
                    format!("{}{}", env.key(Action::FormPrev), env.key(Action::FormNext)),
                    "field",
                ),
                (
                    format!("{}{}", env.key(Action::FormLess), env.key(Action::FormMore)),
                    "choose",
                ),
                (env.key(Action::FormDone), "export"),
                (env.key(Action::FormCancel), "cancel"),
            ],
        ));
        widgets::window(f, t, size, "Export", lines, 78, 13, true);
    }
}
