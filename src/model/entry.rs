//! Journal entries and the small closed vocabularies that describe them (PRACTICE.md §1, §7,
//! §12).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

word_enum! {
    /// What an entry is (PRACTICE.md §1).
    pub enum EntryKind ("kind") {
        Reflection = "reflection",
        Supervision = "supervision",
        CallIn = "call-in",
        StageNote = "stage-note",
        CheckIn = "check-in",
        Cpd = "cpd",
        Recognition = "recognition",
        Feedback = "feedback",
        Rupture = "rupture",
        PositiveRisk = "positive-risk",
        GroupSession = "group-session",
    }
}

impl EntryKind {
    /// The kind in a sentence or a heading ("New group session"), not its key.
    #[must_use]
    pub fn noun(self) -> &'static str {
        match self {
            EntryKind::Reflection => "reflection",
            EntryKind::Supervision => "supervision",
            EntryKind::CallIn => "call-in",
            EntryKind::StageNote => "stage note",
            EntryKind::CheckIn => "check-in",
            EntryKind::Cpd => "CPD record",
            EntryKind::Recognition => "recognition",
            EntryKind::Feedback => "feedback",
            EntryKind::Rupture => "rupture",
            EntryKind::PositiveRisk => "positive-risk plan",
            EntryKind::GroupSession => "group session",
        }
    }
}

word_enum! {
    /// Who may see an entry beyond its writer. Private unless the writer says otherwise.
    pub enum Scope ("scope") {
        Private = "private",
        Supervision = "supervision",
        Shareable = "shareable",
    }
}

word_enum! {
    /// Whose strength a strength tag names (PRACTICE.md §10, §12).
    pub enum Whose ("whose") {
        Mine = "mine",
        Person = "person",
        Team = "team",
        Colleague = "colleague",
    }
}

word_enum! {
    /// How heavy the work felt (PRACTICE.md §7).
    pub enum Load ("load") {
        Light = "light",
        Manageable = "manageable",
        Heavy = "heavy",
        Overloaded = "overloaded",
    }
}

word_enum! {
    /// Whether the writer is carrying anything home from today.
    pub enum Carrying ("carrying") {
        No = "no",
        Some = "some",
        ALot = "a-lot",
    }
}

word_enum! {
    /// Where a tracked action stands.
    pub enum ActionStatus ("action status") {
        Open = "open",
        Partly = "partly",
        Done = "done",
    }
}

#[allow(clippy::derivable_impls)] // The enum comes from a macro.
impl Default for Scope {
    fn default() -> Self {
        Scope::Private
    }
}

#[allow(clippy::derivable_impls)] // The enum comes from a macro.
impl Default for Whose {
    fn default() -> Self {
        Whose::Mine
    }
}

#[allow(clippy::derivable_impls)] // The enum comes from a macro.
impl Default for EntryKind {
    fn default() -> Self {
        EntryKind::Reflection
    }
}

impl Load {
    /// Heavy or overloaded: the days the restorative signpost counts.
    #[must_use]
    pub fn is_heavy(self) -> bool {
        matches!(self, Load::Heavy | Load::Overloaded)
    }
}

/// A strength seen in the work, and whose it was.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StrengthTag {
    pub name: String,
    #[serde(default)]
    pub whose: Whose,
}

impl StrengthTag {
    #[must_use]
    pub fn new(name: impl Into<String>, whose: Whose) -> Self {
        StrengthTag {
            name: name.into(),
            whose,
        }
    }

    /// `name` for one's own strength, `name:whose` otherwise (the CLI's spelling).
    #[must_use]
    pub fn spelled(&self) -> String {
        match self.whose {
            Whose::Mine => self.name.clone(),
            w => format!("{}:{}", self.name, w),
        }
    }
}

/// One section of a structured entry, in template order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub key: String,
    pub label: String,
    pub text: String,
}

/// A short, non-diagnostic wellbeing check-in. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub mood: Option<u8>,
    pub energy: Option<u8>,
    pub load: Option<Load>,
    pub carrying: Option<Carrying>,
    pub word: Option<String>,
    pub helped: Option<String>,
}

impl CheckIn {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == CheckIn::default()
    }

    /// One line for lists and previews ("mood 3/5 · load heavy · “tired”"), journal text
    /// neutralised for a terminal.
    #[must_use]
    pub fn summary(&self) -> String {
        use super::text::sanitize_line;
        let mut parts = Vec::new();
        if let Some(m) = self.mood {
            parts.push(format!("mood {m}/5"));
        }
        if let Some(e) = self.energy {
            parts.push(format!("energy {e}/5"));
        }
        if let Some(l) = self.load {
            parts.push(format!("load {l}"));
        }
        if let Some(c) = self.carrying {
            parts.push(format!("carrying {c}"));
        }
        if let Some(w) = &self.word {
            parts.push(format!("“{}”", sanitize_line(w)));
        }
        if let Some(h) = &self.helped {
            parts.push(format!("helped: {}", sanitize_line(h)));
        }
        parts.join(" · ")
    }

    /// Checks the 1–5 ranges, naming the field and the allowed range.
    pub fn validate(&self) -> Result<(), String> {
        for (name, value) in [("mood", self.mood), ("energy", self.energy)] {
            if let Some(v) = value
                && !(1..=5).contains(&v)
            {
                return Err(format!("{name} must be between 1 and 5 (got {v})"));
            }
        }
        Ok(())
    }
}

/// Something the writer means to do, tracked until done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: Uuid,
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    #[serde(default = "open")]
    pub status: ActionStatus,
    #[serde(default)]
    pub blocker: Option<String>,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

fn open() -> ActionStatus {
    ActionStatus::Open
}

impl Action {
    #[must_use]
    pub fn new(text: impl Into<String>, due_on: Option<NaiveDate>) -> Self {
        Action {
            id: Uuid::new_v4(),
            text: text.into(),
            owner: None,
            due_on,
            status: ActionStatus::Open,
            blocker: None,
            done_on: None,
        }
    }
}

/// A whole entry as written: what `praxis show` prints and `praxis edit` round-trips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Uuid,
    pub kind: EntryKind,
    pub model: Option<String>,
    pub title: String,
    pub body: String,
    pub sections: Vec<Section>,
    pub occurred_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub scope: Scope,
    pub for_supervision: bool,
    pub deleted_at: Option<DateTime<Utc>>,
    pub strengths: Vec<StrengthTag>,
    pub tags: Vec<String>,
    pub checkin: Option<CheckIn>,
    pub actions: Vec<Action>,
    /// Typed facts of structured kinds (stage, subject…); free text is in `sections`.
    #[serde(default)]
    pub details: super::Details,
    /// Bumped by the store on every save; a save from an older version is refused.
    /// Local to one journal: exports leave it out (0), drafts keep it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub version: i64,
}

impl Entry {
    /// A new, unsaved entry dated `on`, stamped `now`.
    #[must_use]
    pub fn new(kind: EntryKind, on: NaiveDate, now: DateTime<Utc>) -> Self {
        Entry {
            id: Uuid::new_v4(),
            kind,
            model: None,
            title: String::new(),
            body: String::new(),
            sections: Vec::new(),
            occurred_on: on,
            created_at: now,
            updated_at: now,
            scope: Scope::Private,
            for_supervision: false,
            deleted_at: None,
            strengths: Vec::new(),
            tags: Vec::new(),
            checkin: None,
            actions: Vec::new(),
            details: super::Details::None,
            version: 0,
        }
    }

    /// What every entry must satisfy wherever it comes from (the command line, the editor,
    /// the app, an import): dates and times the journal can keep and read back, and tags
    /// as praxis spells them. The store refuses to save an entry that breaks it; importers
    /// check first, to name the entry in the file.
    pub fn check(&self) -> Result<(), String> {
        use super::date::{check_day, check_time};
        let times = [
            ("created_at", Some(self.created_at)),
            ("updated_at", Some(self.updated_at)),
            ("deleted_at", self.deleted_at),
        ];
        for (what, t) in times {
            if let Some(t) = t {
                check_time(t).map_err(|e| format!("{what}: {e}"))?;
            }
        }
        let mut days = vec![("occurred_on", Some(self.occurred_on))];
        for a in &self.actions {
            days.extend([
                ("an action's due_on", a.due_on),
                ("an action's done_on", a.done_on),
            ]);
        }
        days.extend(self.details.dates().into_iter().map(|(k, d)| (k, Some(d))));
        for (what, d) in days {
            if let Some(d) = d {
                check_day(d).map_err(|e| format!("{what}: {e}"))?;
            }
        }
        for t in &self.tags {
            super::compose::check_tag(t)?;
        }
        if let super::Details::Cpd(c) = &self.details
            && let Some(problem) = c.hours_problem()
        {
            return Err(problem);
        }
        Ok(())
    }

    /// The eight hex digits shown in lists, enough to name an entry in most journals.
    #[must_use]
    pub fn short_id(&self) -> String {
        short_id(&self.id)
    }

    /// The text of a section by key, if the entry has it.
    #[must_use]
    pub fn section(&self, key: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.text.as_str())
    }

    /// All section text joined, as the full-text index sees it.
    #[must_use]
    pub fn sections_text(&self) -> String {
        // Sized once: an import joins every entry's sections.
        let mut out = String::with_capacity(self.sections.iter().map(|s| s.text.len() + 2).sum());
        for s in &self.sections {
            if s.text.trim().is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&s.text);
        }
        out
    }

    /// Whether there is nothing in the entry at all: no text, check-in or typed details.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.checkin.as_ref().is_none_or(CheckIn::is_empty)
            && self.details == super::Details::None
            && self.title.trim().is_empty()
            && self.body.trim().is_empty()
            && self.sections.iter().all(|s| s.text.trim().is_empty())
    }
}

fn is_zero(v: &i64) -> bool {
    *v == 0
}

/// The eight-hex-digit short form of an id.
#[must_use]
pub fn short_id(id: &Uuid) -> String {
    let mut s = id.simple().to_string();
    s.truncate(8);
    s
}

/// One line of a list: what a screen or `praxis list` needs, without the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntrySummary {
    #[serde(skip)]
    pub rowid: i64,
    pub id: Uuid,
    pub short_id: String,
    pub kind: EntryKind,
    pub model: Option<String>,
    pub title: String,
    pub occurred_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub scope: Scope,
    pub for_supervision: bool,
    pub strengths: Vec<StrengthTag>,
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parse_forgivingly_and_list_choices_when_wrong() {
        assert_eq!("Call_In".parse::<EntryKind>(), Ok(EntryKind::CallIn));
        assert_eq!("a lot".parse::<Carrying>(), Ok(Carrying::ALot));
        let err = "diary".parse::<EntryKind>().unwrap_err();
        assert!(err.contains("reflection, supervision, call-in"), "{err}");
    }

    #[test]
    fn checkin_ranges_are_checked() {
        let c = CheckIn {
            mood: Some(6),
            ..CheckIn::default()
        };
        assert_eq!(
            c.validate().unwrap_err(),
            "mood must be between 1 and 5 (got 6)"
        );
    }

    #[test]
    fn sections_text_skips_empty_sections() {
        let mut e = Entry::new(
            EntryKind::Reflection,
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            Utc::now(),
        );
        for (k, t) in [("a", "one"), ("b", "  "), ("c", "two")] {
            e.sections.push(Section {
                key: k.into(),
                label: k.into(),
                text: t.into(),
            });
        }
        assert_eq!(e.sections_text(), "one\n\ntwo");
    }
}
