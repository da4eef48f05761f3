//! The typed parts of structured kinds, kept in their own tables because they are
//! queried (stage over time, follow-ups due…). Free text of these kinds lives in sections.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_iso_date;
use super::{Action, Entry, EntryKind, FieldSpec, FieldType, Template};

word_enum! {
    /// Stages of change (Transtheoretical Model, PRACTICE.md §5). Recycling is never failure.
    pub enum Stage ("stage") {
        Precontemplation = "precontemplation",
        Contemplation = "contemplation",
        Preparation = "preparation",
        Action = "action",
        Maintenance = "maintenance",
        Recycling = "recycling",
        Termination = "termination",
    }
}

impl Stage {
    /// Whether going from `self` to `next` is a return to an earlier stage (recycling
    /// counts as one). Shown as a plain move, never as failure.
    #[must_use]
    pub fn moves_back_to(self, next: Stage) -> bool {
        next.level() < self.level() || (next == Stage::Recycling && self != Stage::Recycling)
    }

    /// Position on the path of change, for timelines (recycling sits with contemplation:
    /// a return to an earlier stage).
    #[must_use]
    pub fn level(self) -> u8 {
        match self {
            Stage::Precontemplation => 0,
            Stage::Contemplation | Stage::Recycling => 1,
            Stage::Preparation => 2,
            Stage::Action => 3,
            Stage::Maintenance => 4,
            Stage::Termination => 5,
        }
    }
}

word_enum! {
    /// How sure the writer is of the stage.
    pub enum Certainty ("certainty") {
        Guess = "guess",
        Clear = "clear",
    }
}

word_enum! {
    /// Motivational-interviewing processes (Miller & Rollnick).
    pub enum MiProcess ("MI process") {
        Engaging = "engaging",
        Focusing = "focusing",
        Evoking = "evoking",
        Planning = "planning",
    }
}

word_enum! {
    /// Change talk codes: DARN (preparatory) and CAT (mobilising).
    pub enum ChangeTalkCode ("change-talk code") {
        Desire = "desire",
        Ability = "ability",
        Reasons = "reasons",
        Need = "need",
        Commitment = "commitment",
        Activation = "activation",
        TakingSteps = "taking-steps",
    }
}

word_enum! {
    /// Kinds of subject an entry is about: `person` is someone supported (PRACTICE.md §12).
    pub enum SubjectType ("subject type") {
        Person = "person",
        Team = "team",
        Organisation = "organisation",
        SelfSubject = "self",
        Colleague = "colleague",
    }
}

/// One item of change talk: its code and a paraphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeTalk {
    pub code: ChangeTalkCode,
    pub text: String,
}

impl ChangeTalk {
    /// Reads `desire: wants to sleep better` (also `desire — …`, `desire - …`).
    pub fn parse(s: &str) -> Result<ChangeTalk, String> {
        let s = s.trim().trim_start_matches("- ").trim();
        let split = s
            .find([':', '—', '–'])
            .map(|i| (&s[..i], &s[i..]))
            .or_else(|| s.split_once(" - "))
            .or_else(|| s.split_once(' '));
        let Some((code, rest)) = split else {
            return Err(format!(
                "change talk '{s}' needs a code and a paraphrase, e.g. 'desire: wants to sleep better' (codes: {})",
                ChangeTalkCode::words()
            ));
        };
        let text = rest.trim_start_matches([':', '—', '–', '-', ' ']).trim();
        let code: ChangeTalkCode = code.parse()?;
        if text.is_empty() {
            return Err(format!(
                "change talk '{s}' needs a paraphrase after the code"
            ));
        }
        Ok(ChangeTalk {
            code,
            text: text.to_string(),
        })
    }
}

word_enum! {
    /// What the appropriateness check of a call-in plan concluded (PRACTICE.md §4).
    pub enum Approach ("approach") {
        CallIn = "call-in",
        CallOut = "call-out",
        Escalate = "escalate",
    }
}

word_enum! {
    /// Where a call-in stands: planned → held → followed up.
    pub enum CallInStatus ("call-in status") {
        Planned = "planned",
        Held = "held",
        FollowedUp = "followed-up",
    }
}

word_enum! {
    /// Signs of rupture after a hard conversation.
    pub enum Rupture ("rupture") {
        None = "none",
        Withdrawal = "withdrawal",
        Confrontation = "confrontation",
    }
}

word_enum! {
    /// Supervision functions (Proctor; Morrison's mediation).
    pub enum Function ("supervision function") {
        Normative = "normative",
        Formative = "formative",
        Restorative = "restorative",
        Mediation = "mediation",
    }
}

word_enum! {
    /// What a supervisee wants from an agenda item.
    pub enum Want ("want") {
        Decision = "decision",
        Advice = "advice",
        Space = "space",
        Permission = "permission",
    }
}

word_enum! {
    /// Kinds of supervision session.
    pub enum SessionType ("session type") {
        Managerial = "managerial",
        Clinical = "clinical",
        Peer = "peer",
        Group = "group",
    }
}

word_enum! {
    /// A supervision entry is the preparation before a session or its record after.
    pub enum SessionStage ("supervision stage") {
        Prep = "prep",
        Record = "record",
    }
}

/// A stage note's typed facts (PRACTICE.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageNote {
    /// The subject's pseudonym key.
    pub subject: String,
    pub topic: String,
    pub stage: Stage,
    pub certainty: Option<Certainty>,
    pub mi_process: Option<MiProcess>,
    pub change_talk: Vec<ChangeTalk>,
    pub importance: Option<u8>,
    pub confidence: Option<u8>,
    pub review_on: Option<NaiveDate>,
}

/// A call-in plan and, once held, its outcome (PRACTICE.md §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallIn {
    /// Optional link to a subject's pseudonym key.
    pub subject: Option<String>,
    pub approach: Approach,
    pub status: CallInStatus,
    pub held_on: Option<NaiveDate>,
    pub rating: Option<u8>,
    pub rupture: Option<Rupture>,
    pub follow_up_on: Option<NaiveDate>,
    pub followed_up_on: Option<NaiveDate>,
}

impl Default for CallIn {
    fn default() -> Self {
        CallIn {
            subject: None,
            approach: Approach::CallIn,
            status: CallInStatus::Planned,
            held_on: None,
            rating: None,
            rupture: None,
            follow_up_on: None,
            followed_up_on: None,
        }
    }
}

/// One agenda item of a supervision prep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub text: String,
    pub function: Option<Function>,
    pub minutes: Option<u32>,
    pub want: Option<Want>,
}

impl AgendaItem {
    /// Reads `restorative | 15 | space | heavy weeks`; every part but the text is optional
    /// (`heavy weeks`, `restorative | heavy weeks`).
    pub fn parse(s: &str) -> Result<AgendaItem, String> {
        let parts: Vec<&str> = s.split('|').map(str::trim).collect();
        let Some((text, tags)) = parts.split_last() else {
            return Err("an agenda item needs some text".into());
        };
        if text.is_empty() {
            return Err(format!(
                "agenda item '{s}' needs what you want to talk about, last"
            ));
        }
        let mut item = AgendaItem {
            text: (*text).to_string(),
            function: None,
            minutes: None,
            want: None,
        };
        for t in tags.iter().filter(|t| !t.is_empty()) {
            if let Ok(n) = t.trim_end_matches("min").trim().parse::<u32>() {
                item.minutes = Some(n);
            } else if let Ok(f) = t.parse::<Function>() {
                item.function = Some(f);
            } else if let Ok(w) = t.parse::<Want>() {
                item.want = Some(w);
            } else {
                return Err(format!(
                    "agenda item '{s}': '{t}' is not a function ({}), minutes, or a want ({})",
                    Function::words(),
                    Want::words()
                ));
            }
        }
        Ok(item)
    }

    /// The item as one line: `function | minutes | want | text`.
    #[must_use]
    pub fn spelled(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(f) = self.function {
            parts.push(f.to_string());
        }
        if let Some(m) = self.minutes {
            parts.push(m.to_string());
        }
        if let Some(w) = self.want {
            parts.push(w.to_string());
        }
        parts.push(self.text.clone());
        parts.join(" | ")
    }
}

/// A supervision prep or record (PRACTICE.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    pub stage: SessionStage,
    pub session_on: NaiveDate,
    pub supervisor_role: Option<String>,
    pub session_type: Option<SessionType>,
    pub length_minutes: Option<u32>,
    /// For a record: the id of the prep it follows.
    pub prep: Option<String>,
    pub counts_as_cpd: bool,
    pub peer_reflection: bool,
    pub agenda: Vec<AgendaItem>,
}

/// A CPD record (PRACTICE.md §8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cpd {
    pub activity_type: String,
    pub hours: f64,
    pub participatory: bool,
    /// Short ids (or prefixes) of linked reflections.
    pub linked: Vec<String>,
}

/// The most hours one CPD record may hold: a year of full-time study is about 1,600, so
/// more than this is a mistyped value (minutes, or a total), not one activity.
pub const MAX_CPD_HOURS: f64 = 2000.0;

impl Cpd {
    /// What is wrong with the hours, if anything: past what one activity can take, or
    /// not a number. (Negative hours are the schema's to refuse.)
    #[must_use]
    pub fn hours_problem(&self) -> Option<String> {
        (self.hours > MAX_CPD_HOURS || self.hours.is_infinite()).then(|| {
            format!(
                "the CPD record's hours are {}: one record holds at most {MAX_CPD_HOURS} \
                 (give the hours of this one activity)",
                self.hours
            )
        })
    }
}

/// The typed part of an entry, by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Details {
    #[default]
    None,
    StageNote(StageNote),
    CallIn(CallIn),
    Supervision(Supervision),
    Cpd(Cpd),
    Recognition(super::practice::Recognition),
    Feedback(super::practice::Feedback),
    Rupture(super::practice::RuptureNote),
    PositiveRisk(super::practice::PositiveRisk),
    GroupSession(super::practice::GroupSession),
}

impl Details {
    /// The kind of entry these details belong to (None: no details).
    #[must_use]
    pub fn kind(&self) -> Option<EntryKind> {
        Some(match self {
            Details::None => return None,
            Details::StageNote(_) => EntryKind::StageNote,
            Details::CallIn(_) => EntryKind::CallIn,
            Details::Supervision(_) => EntryKind::Supervision,
            Details::Cpd(_) => EntryKind::Cpd,
            Details::Recognition(_) => EntryKind::Recognition,
            Details::Feedback(_) => EntryKind::Feedback,
            Details::Rupture(_) => EntryKind::Rupture,
            Details::PositiveRisk(_) => EntryKind::PositiveRisk,
            Details::GroupSession(_) => EntryKind::GroupSession,
        })
    }

    /// Whether these details fit an entry of `kind`: details of its own kind, or none
    /// for the kinds that may have none (the practice kinds always have theirs).
    #[must_use]
    pub fn fits(&self, kind: EntryKind) -> bool {
        match self.kind() {
            Some(k) => k == kind,
            None => super::practice::template_id(kind).is_none(),
        }
    }
}

impl Details {
    /// Every date the details hold, by field name.
    #[must_use]
    pub fn dates(&self) -> Vec<(&'static str, NaiveDate)> {
        let all = match self {
            Details::StageNote(n) => vec![("review_on", n.review_on)],
            Details::CallIn(c) => vec![
                ("held_on", c.held_on),
                ("follow_up_on", c.follow_up_on),
                ("followed_up_on", c.followed_up_on),
            ],
            Details::Supervision(s) => vec![("session_on", Some(s.session_on))],
            Details::Recognition(r) => vec![("said_on", r.said_on)],
            Details::Rupture(r) => vec![
                ("repair_tried_on", r.repair_tried_on),
                ("closed_on", r.closed_on),
            ],
            Details::PositiveRisk(p) => std::iter::once(("review_on", p.review_on))
                .chain(p.reviews.iter().map(|r| ("reviewed_on", Some(r.on))))
                .collect(),
            Details::Cpd(_) | Details::Feedback(_) | Details::GroupSession(_) | Details::None => {
                Vec::new()
            }
        };
        all.into_iter().filter_map(|(k, d)| Some((k, d?))).collect()
    }
}

/// Fields of a template that are stored typed (or in the entry itself), not as section
/// text.
#[must_use]
pub fn typed_keys(template_id: &str) -> &'static [&'static str] {
    if let Some(keys) = super::practice::typed_keys(template_id) {
        return keys;
    }
    match template_id {
        "stage-note" => &[
            "subject",
            "topic",
            "stage",
            "certainty",
            "mi-process",
            "change-talk",
            "importance",
            "confidence",
            "review-on",
        ],
        "callin-plan" => &["approach"],
        "callin-outcome" => &[
            "held-on",
            "rating",
            "rupture",
            "follow-up-on",
            "bring-to-supervision",
        ],
        "callin" => &[
            "approach",
            "held-on",
            "rating",
            "rupture",
            "follow-up-on",
            "bring-to-supervision",
        ],
        "supervision-prep" => &[
            "session-date",
            "supervisor-role",
            "session-type",
            "length-minutes",
            "agenda",
        ],
        "supervision-record" => &[
            "session-date",
            "agreed-actions",
            "counts-as-cpd",
            "peer-reflection",
        ],
        "cpd" => &[
            "activity-type",
            "title",
            "date",
            "hours",
            "participatory",
            "linked",
        ],
        _ => &[],
    }
}

/// A typed field's text, checked against its spec: the value as written back, or why not.
pub fn check_field(spec: &FieldSpec, raw: &str) -> Result<String, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    match spec.kind {
        FieldType::Text => Ok(t.to_string()),
        FieldType::Date => parse_iso_date(t)
            .map(|d| d.to_string())
            .ok_or_else(|| format!("{} must be a date as YYYY-MM-DD, not '{t}'", spec.label)),
        FieldType::Int => {
            let n: i64 = t
                .parse()
                .map_err(|_| format!("{} must be a whole number, not '{t}'", spec.label))?;
            let (lo, hi) = (spec.min.unwrap_or(i64::MIN), spec.max.unwrap_or(i64::MAX));
            if n < lo || n > hi {
                return Err(format!(
                    "{} must be from {lo} to {hi} (got {n})",
                    spec.label
                ));
            }
            Ok(n.to_string())
        }
        FieldType::Choice => {
            let w = t.to_lowercase().replace(['_', ' '], "-");
            spec.options
                .iter()
                .find(|o| **o == w)
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "{} must be one of {}, not '{t}'",
                        spec.label,
                        spec.options.join(", ")
                    )
                })
        }
        FieldType::Bool => match t.to_lowercase().as_str() {
            "yes" | "y" | "true" => Ok("yes".into()),
            "no" | "n" | "false" => Ok("no".into()),
            _ => Err(format!("{} must be yes or no, not '{t}'", spec.label)),
        },
        FieldType::List => Ok(t
            .lines()
            .map(|l| l.trim().trim_start_matches("- ").trim())
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {l}"))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// List items of a checked list field.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim().trim_start_matches("- ").trim())
        .filter(|l| !l.is_empty())
}

fn opt_text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The typed values of an entry as field texts, for the editor document and `show`.
#[must_use]
pub fn entry_texts(e: &Entry) -> Vec<(&'static str, String)> {
    if let Some(texts) = super::practice::entry_texts(e) {
        return texts;
    }
    match &e.details {
        Details::None => Vec::new(),
        Details::StageNote(n) => vec![
            ("subject", n.subject.clone()),
            ("topic", n.topic.clone()),
            ("stage", n.stage.to_string()),
            ("certainty", opt_text(n.certainty)),
            ("mi-process", opt_text(n.mi_process)),
            (
                "change-talk",
                n.change_talk
                    .iter()
                    .map(|c| format!("- {}: {}", c.code, c.text))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            ("importance", opt_text(n.importance)),
            ("confidence", opt_text(n.confidence)),
            ("review-on", opt_text(n.review_on)),
        ],
        Details::CallIn(c) => vec![
            ("approach", c.approach.to_string()),
            ("held-on", opt_text(c.held_on)),
            ("rating", opt_text(c.rating)),
            ("rupture", opt_text(c.rupture)),
            ("follow-up-on", opt_text(c.follow_up_on)),
            (
                "bring-to-supervision",
                if c.status == CallInStatus::Planned {
                    String::new()
                } else {
                    yes_no(e.for_supervision)
                },
            ),
        ],
        Details::Supervision(s) => {
            let mut v = vec![("session-date", s.session_on.to_string())];
            match s.stage {
                SessionStage::Prep => {
                    v.push((
                        "supervisor-role",
                        s.supervisor_role.clone().unwrap_or_default(),
                    ));
                    v.push(("session-type", opt_text(s.session_type)));
                    v.push(("length-minutes", opt_text(s.length_minutes)));
                    v.push((
                        "agenda",
                        s.agenda
                            .iter()
                            .map(|a| format!("- {}", a.spelled()))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ));
                }
                SessionStage::Record => {
                    v.push(("agreed-actions", agreed_actions_text(&e.actions)));
                    v.push(("counts-as-cpd", yes_no(s.counts_as_cpd)));
                    v.push(("peer-reflection", yes_no(s.peer_reflection)));
                }
            }
            v
        }
        Details::Cpd(c) => vec![
            ("activity-type", c.activity_type.clone()),
            ("title", e.title.clone()),
            ("date", e.occurred_on.to_string()),
            ("hours", format_hours(c.hours)),
            ("participatory", yes_no(c.participatory)),
            ("linked", c.linked.join(" ")),
        ],
        // The practice kinds are answered above.
        _ => Vec::new(),
    }
}

/// Agreed actions as list lines: `- what | who | by when` (who "me" for one's own).
#[must_use]
pub(crate) fn agreed_actions_text(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| {
            format!(
                "- {} | {} | {}",
                a.text,
                a.owner.as_deref().unwrap_or("me"),
                opt_text(a.due_on)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Hours without a trailing `.0`.
#[must_use]
pub fn format_hours(h: f64) -> String {
    let s = format!("{h:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Reads `what | who | by when` into an action, keeping the identity of an existing one
/// with the same text.
pub(crate) fn agreed_action(line: &str, existing: &[Action]) -> Result<Action, String> {
    // Written as a checkbox, as actions are elsewhere: `- [ ] what | who | when` (its
    // status is kept by `praxis actions`, not by the box).
    let line = line.trim_start_matches("- ").trim_start();
    let line = match line.get(..3) {
        Some("[ ]" | "[x]" | "[X]" | "[~]") => &line[3..],
        _ => line,
    };
    let parts: Vec<&str> = line.split('|').map(str::trim).collect();
    let text = parts.first().copied().unwrap_or_default();
    if text.is_empty() {
        return Err(format!(
            "agreed action '{line}' needs what is to be done, first"
        ));
    }
    let owner = parts
        .get(1)
        .filter(|s| !s.is_empty())
        .map(|s| (*s).to_string());
    let due =
        match parts.get(2).filter(|s| !s.is_empty()) {
            Some(d) => Some(parse_iso_date(d).ok_or_else(|| {
                format!("agreed action '{text}': '{d}' is not a date as YYYY-MM-DD")
            })?),
            None => None,
        };
    let mut a = existing
        .iter()
        .find(|a| a.text == text)
        .cloned()
        .unwrap_or_else(|| Action::new(text, due));
    a.owner = owner.filter(|o| o != "me");
    a.due_on = due;
    Ok(a)
}

/// Reads the typed fields of `template` (via `get`, key → raw text) into `e`: its details,
/// and the entry fields some kinds keep typed (a CPD record's title and date, a record's
/// agreed actions, a call-in's bring-to-supervision). Fields the template lacks keep their
/// values. An error names the field's key.
pub fn absorb(
    e: &mut Entry,
    template: &Template,
    get: &dyn Fn(&str) -> Option<String>,
) -> Result<(), (String, String)> {
    let checked = |key: &str| -> Result<Option<String>, (String, String)> {
        let Some(raw) = get(key) else {
            return Ok(None);
        };
        let v = match template.field(key) {
            Some(spec) => check_field(spec, &raw).map_err(|m| (key.to_string(), m))?,
            None => raw.trim().to_string(),
        };
        Ok(Some(v))
    };
    let present = |key: &str| template.field(key).is_some();
    let value = |key: &str| -> Result<Option<String>, (String, String)> {
        Ok(checked(key)?.filter(|v| !v.is_empty()))
    };
    let required = |key: &str| -> Result<String, (String, String)> {
        value(key)?.ok_or_else(|| {
            let label = template.field(key).map_or(key, |f| f.label.as_str());
            (key.to_string(), format!("{label} is required"))
        })
    };
    fn word<T>(key: &str, v: Option<String>) -> Result<Option<T>, (String, String)>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        v.map(|v| v.parse::<T>().map_err(|m| (key.to_string(), m.to_string())))
            .transpose()
    }
    let date = |key: &str| -> Result<Option<NaiveDate>, (String, String)> {
        Ok(value(key)?.and_then(|d| parse_iso_date(&d)))
    };
    let flag = |key: &str| -> Result<Option<bool>, (String, String)> {
        Ok(value(key)?.map(|v| v == "yes"))
    };
    if let Some(done) = super::practice::absorb(e, template, get) {
        return done;
    }
    match template.id.as_str() {
        "stage-note" => {
            let change_talk = items(&value("change-talk")?.unwrap_or_default())
                .map(ChangeTalk::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| ("change-talk".to_string(), m))?;
            e.details = Details::StageNote(StageNote {
                subject: required("subject")?,
                topic: required("topic")?,
                stage: word("stage", Some(required("stage")?))?.unwrap_or(Stage::Contemplation),
                certainty: word("certainty", value("certainty")?)?,
                mi_process: word("mi-process", value("mi-process")?)?,
                change_talk,
                importance: word::<u8>("importance", value("importance")?)?,
                confidence: word::<u8>("confidence", value("confidence")?)?,
                review_on: date("review-on")?,
            });
        }
        "callin" | "callin-plan" | "callin-outcome" => {
            let mut c = match &e.details {
                Details::CallIn(c) => c.clone(),
                _ => CallIn::default(),
            };
            if present("approach") {
                c.approach =
                    word("approach", Some(required("approach")?))?.unwrap_or(Approach::CallIn);
            }
            if present("held-on") {
                c.held_on = date("held-on")?;
                c.rating = word::<u8>("rating", value("rating")?)?;
                c.rupture = word("rupture", value("rupture")?)?;
                c.follow_up_on = date("follow-up-on")?;
                if let Some(b) = flag("bring-to-supervision")? {
                    e.for_supervision = b;
                }
            }
            e.details = Details::CallIn(c);
        }
        "supervision-prep" | "supervision-record" => {
            let stage = if template.id == "supervision-prep" {
                SessionStage::Prep
            } else {
                SessionStage::Record
            };
            let mut s = match &e.details {
                Details::Supervision(s) => s.clone(),
                _ => Supervision {
                    stage,
                    session_on: e.occurred_on,
                    supervisor_role: None,
                    session_type: None,
                    length_minutes: None,
                    prep: None,
                    counts_as_cpd: false,
                    peer_reflection: false,
                    agenda: Vec::new(),
                },
            };
            s.stage = stage;
            if let Some(d) = date("session-date")? {
                s.session_on = d;
            }
            match stage {
                SessionStage::Prep => {
                    s.supervisor_role = value("supervisor-role")?;
                    s.session_type = word("session-type", value("session-type")?)?;
                    s.length_minutes = word::<u32>("length-minutes", value("length-minutes")?)?;
                    s.agenda = items(&value("agenda")?.unwrap_or_default())
                        .map(AgendaItem::parse)
                        .collect::<Result<_, _>>()
                        .map_err(|m| ("agenda".to_string(), m))?;
                }
                SessionStage::Record => {
                    let existing = e.actions.clone();
                    e.actions = items(&value("agreed-actions")?.unwrap_or_default())
                        .map(|l| agreed_action(l, &existing))
                        .collect::<Result<_, _>>()
                        .map_err(|m| ("agreed-actions".to_string(), m))?;
                    s.counts_as_cpd = flag("counts-as-cpd")?.unwrap_or(false);
                    s.peer_reflection = flag("peer-reflection")?.unwrap_or(false);
                }
            }
            e.details = Details::Supervision(s);
        }
        "cpd" => {
            let hours_text = value("hours")?.unwrap_or_else(|| "0".into());
            let hours: f64 = hours_text
                .trim_end_matches('h')
                .trim()
                .parse()
                .ok()
                .filter(|h: &f64| h.is_finite() && *h >= 0.0 && *h <= 10_000.0)
                .ok_or_else(|| {
                    (
                        "hours".to_string(),
                        format!("Hours must be a number such as 1.5, not '{hours_text}'"),
                    )
                })?;
            if let Some(t) = value("title")? {
                e.title = t;
            }
            if let Some(d) = date("date")? {
                e.occurred_on = d;
            }
            e.details = Details::Cpd(Cpd {
                activity_type: required("activity-type")?,
                hours,
                participatory: flag("participatory")?.unwrap_or(false),
                linked: value("linked")?
                    .unwrap_or_default()
                    .split([' ', ','])
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_talk_items_parse_in_several_spellings() {
        for s in [
            "desire: sleep better",
            "- desire — sleep better",
            "Desire - sleep better",
            "desire sleep better",
        ] {
            let c = ChangeTalk::parse(s).unwrap();
            assert_eq!(
                (c.code, c.text.as_str()),
                (ChangeTalkCode::Desire, "sleep better"),
                "{s}"
            );
        }
        assert!(
            ChangeTalk::parse("wish: x")
                .unwrap_err()
                .contains("desire, ability")
        );
        assert!(ChangeTalk::parse("need:").is_err());
    }

    #[test]
    fn typed_fields_are_checked_against_their_spec() {
        let t = Template::parse(
            "t",
            "id = \"t\"\nname = \"T\"\npurpose = \"p\"\n[[fields]]\nkey = \"n\"\nlabel = \"Importance\"\ntype = \"int\"\nmin = 0\nmax = 10\n",
        )
        .unwrap();
        let f = t.field("n").unwrap();
        assert_eq!(check_field(f, " 7 ").unwrap(), "7");
        assert_eq!(
            check_field(f, "11").unwrap_err(),
            "Importance must be from 0 to 10 (got 11)"
        );
        assert!(check_field(f, "lots").unwrap_err().contains("whole number"));
    }
}
