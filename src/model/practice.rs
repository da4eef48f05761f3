//! The kinds of practice with others (PRACTICE.md §12–§17): recognition, feedback,
//! rupture and repair, positive-risk plans and group sessions. Their typed facts, their
//! vocabularies, and how their templates' typed fields are read and written; free text
//! lives in sections, as for every kind.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_iso_date;
use super::details::{agreed_action, agreed_actions_text, check_field};
use super::{Details, Entry, EntryKind, SubjectType, Template, Whose};

word_enum! {
    /// Recognition given to someone, or received from someone.
    pub enum Direction ("direction") {
        Given = "given",
        Received = "received",
    }
}

word_enum! {
    /// How recognition was said; `not-yet` is recognition noticed and still to say.
    pub enum Said ("how said") {
        InPerson = "in-person",
        InSupervision = "in-supervision",
        InWriting = "in-writing",
        NotYet = "not-yet",
    }
}

word_enum! {
    /// Where feedback came from (PRACTICE.md §14).
    pub enum FeedbackSource ("feedback source") {
        PersonSupported = "person-supported",
        FamilyCarer = "family-carer",
        Colleague = "colleague",
        Manager = "manager",
        Student = "student",
        Complaint = "complaint",
        Compliment = "compliment",
        Other = "other",
    }
}

word_enum! {
    /// What feedback was like: a description of it, never a grade of anyone.
    pub enum Tone ("tone") {
        Appreciative = "appreciative",
        Mixed = "mixed",
        Critical = "critical",
    }
}

word_enum! {
    /// Markers of a rupture in a working relationship (PRACTICE.md §15).
    pub enum RuptureKind ("rupture kind") {
        Withdrawal = "withdrawal",
        Confrontation = "confrontation",
        Misattunement = "misattunement",
    }
}

word_enum! {
    /// Where a rupture stands: open → repair tried → repaired, or let go (with why).
    pub enum RuptureStatus ("rupture status") {
        Open = "open",
        RepairTried = "repair-tried",
        Repaired = "repaired",
        LetGo = "let-go",
    }
}

word_enum! {
    /// Whether a positive-risk plan is still followed.
    pub enum PlanStatus ("plan status") {
        Active = "active",
        Ended = "ended",
    }
}

word_enum! {
    /// What a review of a positive-risk plan decided.
    pub enum ReviewDecision ("review decision") {
        Continue = "continue",
        Adjust = "adjust",
        End = "end",
    }
}

word_enum! {
    /// The kind of meeting a group session was (PRACTICE.md §17).
    pub enum GroupFormat ("group format") {
        GroupSupervision = "group-supervision",
        PeerSupervision = "peer-supervision",
        ActionLearningSet = "action-learning-set",
        TeamSession = "team-session",
        CommunityOfPractice = "community-of-practice",
    }
}

word_enum! {
    /// The writer's part in a group session.
    pub enum GroupRole ("role") {
        Presenter = "presenter",
        Participant = "participant",
        Facilitator = "facilitator",
    }
}

impl Said {
    /// How recognition is taken to have been said when the writer does not say: given
    /// recognition is still to say (a reminder, never a false record that it was said),
    /// received recognition reached the writer in person.
    #[must_use]
    pub fn default_for(direction: Direction) -> Said {
        match direction {
            Direction::Given => Said::NotYet,
            Direction::Received => Said::InPerson,
        }
    }
}

impl FeedbackSource {
    /// The source in a sentence ("feedback from a colleague").
    #[must_use]
    pub fn phrase(self) -> &'static str {
        match self {
            FeedbackSource::PersonSupported => "a person I support",
            FeedbackSource::FamilyCarer => "a family member or carer",
            FeedbackSource::Colleague => "a colleague",
            FeedbackSource::Manager => "a manager",
            FeedbackSource::Student => "a student",
            FeedbackSource::Complaint => "a complaint",
            FeedbackSource::Compliment => "a compliment",
            FeedbackSource::Other => "elsewhere",
        }
    }

    /// The type a new subject named by this source's feedback gets.
    #[must_use]
    pub fn subject_type(self) -> SubjectType {
        match self {
            FeedbackSource::PersonSupported
            | FeedbackSource::FamilyCarer
            | FeedbackSource::Complaint
            | FeedbackSource::Compliment => SubjectType::Person,
            _ => SubjectType::Colleague,
        }
    }
}

impl GroupFormat {
    /// The format a session following a model usually has (group supervision without).
    #[must_use]
    pub fn for_model(model: Option<&str>) -> GroupFormat {
        match model {
            Some("action-learning") => GroupFormat::ActionLearningSet,
            Some("intervision") => GroupFormat::PeerSupervision,
            Some("team-review") => GroupFormat::TeamSession,
            _ => GroupFormat::GroupSupervision,
        }
    }

    /// The format as a heading ("Action-learning set").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            GroupFormat::GroupSupervision => "Group supervision",
            GroupFormat::PeerSupervision => "Peer supervision",
            GroupFormat::ActionLearningSet => "Action-learning set",
            GroupFormat::TeamSession => "Team session",
            GroupFormat::CommunityOfPractice => "Community of practice",
        }
    }
}

/// Whose strength a recognition's strength tag names: the other's for recognition given
/// (a colleague's, a team's, a person supported's), the writer's own for recognition
/// received.
#[must_use]
pub fn recognition_whose(direction: Direction, subject: SubjectType) -> Whose {
    match (direction, subject) {
        (Direction::Received, _) | (Direction::Given, SubjectType::SelfSubject) => Whose::Mine,
        (Direction::Given, SubjectType::Colleague) => Whose::Colleague,
        (Direction::Given, SubjectType::Team | SubjectType::Organisation) => Whose::Team,
        (Direction::Given, SubjectType::Person) => Whose::Person,
    }
}

/// Recognition given or received (PRACTICE.md §13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recognition {
    pub direction: Direction,
    /// Who: a subject's pseudonym key.
    pub subject: String,
    pub said: Said,
    /// The day it was said, once it was.
    pub said_on: Option<NaiveDate>,
}

/// Feedback from someone worked with (PRACTICE.md §14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub source: FeedbackSource,
    /// Who it came from, when known: a subject's pseudonym key.
    pub subject: Option<String>,
    pub tone: Option<Tone>,
}

/// A rupture in a working relationship and its repair (PRACTICE.md §15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuptureNote {
    /// The relationship: a subject's pseudonym key.
    pub subject: String,
    pub kind: Option<RuptureKind>,
    pub status: RuptureStatus,
    /// The day repair was first tried.
    pub repair_tried_on: Option<NaiveDate>,
    /// The day it was repaired or let go.
    pub closed_on: Option<NaiveDate>,
    /// The call-in whose outcome showed it, by id.
    pub callin: Option<String>,
}

/// One review of a positive-risk plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskReview {
    pub on: NaiveDate,
    pub decision: ReviewDecision,
    /// What happened.
    pub note: String,
}

/// A positive-risk plan, reviewed like an action (PRACTICE.md §16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositiveRisk {
    /// The person: a subject's pseudonym key.
    pub subject: String,
    pub status: PlanStatus,
    /// The next review, while the plan is active.
    pub review_on: Option<NaiveDate>,
    pub reviews: Vec<RiskReview>,
}

/// A group or peer session (PRACTICE.md §17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSession {
    pub format: GroupFormat,
    pub my_role: Option<GroupRole>,
    pub length_minutes: Option<u32>,
    /// Who was present, as roles or pseudonyms.
    pub present: Vec<String>,
    pub peer_reflection: bool,
    pub counts_as_cpd: bool,
}

impl RiskReview {
    /// Reads `2026-03-18 | continue | went twice with a friend`.
    pub fn parse(s: &str) -> Result<RiskReview, String> {
        let mut parts = s.splitn(3, '|').map(str::trim);
        let (on, decision, note) = (parts.next(), parts.next(), parts.next());
        let shape = || {
            format!(
                "review '{}' must look like 'YYYY-MM-DD | {} | what happened'",
                s.trim(),
                ReviewDecision::ALL
                    .iter()
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            )
        };
        let (Some(on), Some(decision), Some(note)) = (on, decision, note) else {
            return Err(shape());
        };
        let on = parse_iso_date(on).ok_or_else(shape)?;
        let decision: ReviewDecision = decision.parse()?;
        if note.is_empty() {
            return Err(format!("review of {on} needs what happened, last"));
        }
        Ok(RiskReview {
            on,
            decision,
            note: note.to_string(),
        })
    }

    /// The review as one line: `date | decision | what happened`.
    #[must_use]
    pub fn spelled(&self) -> String {
        format!("{} | {} | {}", self.on, self.decision, self.note)
    }
}

/// The kind template of each practice kind.
#[must_use]
pub fn template_id(kind: EntryKind) -> Option<&'static str> {
    match kind {
        EntryKind::Recognition => Some("recognition"),
        EntryKind::Feedback => Some("feedback"),
        EntryKind::Rupture => Some("rupture"),
        EntryKind::PositiveRisk => Some("positive-risk-plan"),
        EntryKind::GroupSession => Some("group-session"),
        _ => None,
    }
}

/// Fields of a practice template stored typed (or in the entry), not as section text.
#[must_use]
pub fn typed_keys(template_id: &str) -> Option<&'static [&'static str]> {
    Some(match template_id {
        "recognition" => &["who", "direction", "said", "said-on"],
        "feedback" => &["source", "from", "tone"],
        "rupture" => &[
            "subject",
            "rupture-kind",
            "status",
            "repair-tried-on",
            "closed-on",
        ],
        "positive-risk-plan" => &["subject", "review-on", "status", "reviews"],
        "group-session" => &[
            "format",
            "present",
            "my-role",
            "length-minutes",
            "agreed-actions",
            "peer-reflection",
            "counts-as-cpd",
        ],
        _ => return None,
    })
}

fn opt_text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

fn list(items: impl Iterator<Item = String>) -> String {
    items
        .map(|i| format!("- {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The typed values of a practice entry as field texts (None for other kinds).
#[must_use]
pub fn entry_texts(e: &Entry) -> Option<Vec<(&'static str, String)>> {
    Some(match &e.details {
        Details::Recognition(r) => vec![
            ("who", r.subject.clone()),
            ("direction", r.direction.to_string()),
            ("said", r.said.to_string()),
            ("said-on", opt_text(r.said_on)),
        ],
        Details::Feedback(f) => vec![
            ("source", f.source.to_string()),
            ("from", f.subject.clone().unwrap_or_default()),
            ("tone", opt_text(f.tone)),
        ],
        Details::Rupture(r) => vec![
            ("subject", r.subject.clone()),
            ("rupture-kind", opt_text(r.kind)),
            ("status", r.status.to_string()),
            ("repair-tried-on", opt_text(r.repair_tried_on)),
            ("closed-on", opt_text(r.closed_on)),
        ],
        Details::PositiveRisk(p) => vec![
            ("subject", p.subject.clone()),
            ("review-on", opt_text(p.review_on)),
            ("status", p.status.to_string()),
            ("reviews", list(p.reviews.iter().map(RiskReview::spelled))),
        ],
        Details::GroupSession(g) => vec![
            ("format", g.format.to_string()),
            ("present", list(g.present.iter().cloned())),
            ("my-role", opt_text(g.my_role)),
            ("length-minutes", opt_text(g.length_minutes)),
            ("agreed-actions", agreed_actions_text(&e.actions)),
            ("peer-reflection", yes_no(g.peer_reflection)),
            ("counts-as-cpd", yes_no(g.counts_as_cpd)),
        ],
        _ => return None,
    })
}

/// A field that could not be used: its key and why.
type FieldError = (String, String);

/// Reads the typed fields of a template, checked against their specs.
struct Fields<'a> {
    template: &'a Template,
    get: &'a dyn Fn(&str) -> Option<String>,
}

impl Fields<'_> {
    fn present(&self, key: &str) -> bool {
        self.template.field(key).is_some()
    }

    /// The field's checked text, None when absent or empty.
    fn value(&self, key: &str) -> Result<Option<String>, FieldError> {
        let Some(raw) = (self.get)(key) else {
            return Ok(None);
        };
        let v = match self.template.field(key) {
            Some(spec) => check_field(spec, &raw).map_err(|m| (key.to_string(), m))?,
            None => raw.trim().to_string(),
        };
        Ok(Some(v).filter(|v| !v.is_empty()))
    }

    fn required(&self, key: &str) -> Result<String, FieldError> {
        self.value(key)?.ok_or_else(|| {
            let label = self.template.field(key).map_or(key, |f| f.label.as_str());
            (key.to_string(), format!("{label} is required"))
        })
    }

    fn word<T>(&self, key: &str) -> Result<Option<T>, FieldError>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        self.value(key)?
            .map(|v| v.parse::<T>().map_err(|m| (key.to_string(), m.to_string())))
            .transpose()
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, FieldError> {
        Ok(self.value(key)?.and_then(|d| parse_iso_date(&d)))
    }

    fn flag(&self, key: &str) -> Result<bool, FieldError> {
        Ok(self.value(key)?.is_some_and(|v| v == "yes"))
    }

    fn items(&self, key: &str) -> Result<Vec<String>, FieldError> {
        Ok(self
            .value(key)?
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim().trim_start_matches("- ").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect())
    }
}

/// Reads the typed fields of a practice template (via `get`, key → raw text) into `e`.
/// None when `template` is not one of theirs; an error names the field's key.
pub fn absorb(
    e: &mut Entry,
    template: &Template,
    get: &dyn Fn(&str) -> Option<String>,
) -> Option<Result<(), FieldError>> {
    let f = Fields { template, get };
    let done = match template.id.as_str() {
        "recognition" => absorb_recognition(e, &f),
        "feedback" => absorb_feedback(e, &f),
        "rupture" => absorb_rupture(e, &f),
        "positive-risk-plan" => absorb_positive_risk(e, &f),
        "group-session" => absorb_group_session(e, &f),
        _ => return None,
    };
    Some(done)
}

fn absorb_recognition(e: &mut Entry, f: &Fields<'_>) -> Result<(), FieldError> {
    let direction: Direction = f
        .word("direction")?
        .ok_or_else(|| ("direction".to_string(), "Direction is required".to_string()))?;
    let r = Recognition {
        subject: f.required("who")?,
        direction,
        said: f
            .word("said")?
            .unwrap_or_else(|| Said::default_for(direction)),
        said_on: f.date("said-on")?,
    };
    r.check(e.occurred_on)
        .map_err(|m| ("said".to_string(), m))?;
    e.details = Details::Recognition(r);
    Ok(())
}

fn absorb_feedback(e: &mut Entry, f: &Fields<'_>) -> Result<(), FieldError> {
    e.details = Details::Feedback(Feedback {
        source: f
            .word("source")?
            .ok_or_else(|| ("source".to_string(), "Source is required".to_string()))?,
        subject: f.value("from")?,
        tone: f.word("tone")?,
    });
    Ok(())
}

fn absorb_rupture(e: &mut Entry, f: &Fields<'_>) -> Result<(), FieldError> {
    let callin = match &e.details {
        Details::Rupture(r) => r.callin.clone(),
        _ => None,
    };
    let r = RuptureNote {
        subject: f.required("subject")?,
        kind: f.word("rupture-kind")?,
        status: f.word("status")?.unwrap_or(RuptureStatus::Open),
        repair_tried_on: f.date("repair-tried-on")?,
        closed_on: f.date("closed-on")?,
        callin,
    };
    let why = (f.get)("let-go-why").unwrap_or_default();
    r.check(e.occurred_on, &why)
        .map_err(|(key, m)| (key.to_string(), m))?;
    e.details = Details::Rupture(r);
    Ok(())
}

fn absorb_positive_risk(e: &mut Entry, f: &Fields<'_>) -> Result<(), FieldError> {
    let reviews = f
        .items("reviews")?
        .iter()
        .map(|l| RiskReview::parse(l))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| ("reviews".to_string(), m))?;
    let p = PositiveRisk {
        subject: f.required("subject")?,
        status: f.word("status")?.unwrap_or(PlanStatus::Active),
        review_on: f.date("review-on")?,
        reviews,
    };
    p.check(e.occurred_on)
        .map_err(|(key, m)| (key.to_string(), m))?;
    e.details = Details::PositiveRisk(p);
    Ok(())
}

fn absorb_group_session(e: &mut Entry, f: &Fields<'_>) -> Result<(), FieldError> {
    let mut g = match &e.details {
        Details::GroupSession(g) => g.clone(),
        _ => GroupSession {
            format: GroupFormat::GroupSupervision,
            my_role: None,
            length_minutes: None,
            present: Vec::new(),
            peer_reflection: false,
            counts_as_cpd: false,
        },
    };
    g.format = f
        .word("format")?
        .ok_or_else(|| ("format".to_string(), "Format is required".to_string()))?;
    if f.present("present") {
        g.present = f.items("present")?;
    }
    g.my_role = f.word("my-role")?;
    g.length_minutes = f.word::<u32>("length-minutes")?;
    g.peer_reflection = f.flag("peer-reflection")?;
    g.counts_as_cpd = f.flag("counts-as-cpd")?;
    if f.present("agreed-actions") {
        let existing = e.actions.clone();
        e.actions = f
            .items("agreed-actions")?
            .iter()
            .map(|l| agreed_action(l, &existing))
            .collect::<Result<_, _>>()
            .map_err(|m| ("agreed-actions".to_string(), m))?;
    }
    e.details = Details::GroupSession(g);
    Ok(())
}

/// The typed facts of a practice entry as (label, text) lines for exports, dates written
/// by `when` (a redacted export shows only the month). Empty for other kinds.
#[must_use]
pub fn facts(d: &Details, when: &dyn Fn(NaiveDate) -> String) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = Vec::new();
    match d {
        Details::Recognition(r) => {
            v.push(("Recognition", r.direction.to_string()));
            v.push(("Who", r.subject.clone()));
            v.push((
                "Said",
                match r.said_on {
                    Some(on) => format!("{} ({})", r.said, when(on)),
                    None => r.said.to_string(),
                },
            ));
        }
        Details::Feedback(f) => {
            v.push(("Feedback from", f.source.phrase().to_string()));
            if let Some(s) = &f.subject {
                v.push(("Who", s.clone()));
            }
            if let Some(t) = f.tone {
                v.push(("Tone", t.to_string()));
            }
        }
        Details::Rupture(r) => {
            v.push(("Relationship", r.subject.clone()));
            if let Some(k) = r.kind {
                v.push(("Rupture", k.to_string()));
            }
            v.push(("Status", r.status.to_string()));
            if let Some(d) = r.repair_tried_on {
                v.push(("Repair tried", when(d)));
            }
            if let Some(d) = r.closed_on {
                v.push(("Closed", when(d)));
            }
        }
        Details::PositiveRisk(p) => {
            v.push(("Person", p.subject.clone()));
            v.push(("Plan", p.status.to_string()));
            if let Some(d) = p.review_on {
                v.push(("Next review", when(d)));
            }
            for r in &p.reviews {
                v.push((
                    "Review",
                    format!("{} · {} · {}", when(r.on), r.decision, r.note),
                ));
            }
        }
        Details::GroupSession(g) => {
            v.push(("Format", g.format.label().to_string()));
            if !g.present.is_empty() {
                v.push(("Present", g.present.join(", ")));
            }
            if let Some(r) = g.my_role {
                v.push(("My role", r.to_string()));
            }
            if let Some(m) = g.length_minutes {
                v.push(("Length", format!("{m} min")));
            }
            let counts: Vec<&str> = [
                (g.peer_reflection, "peer reflection"),
                (g.counts_as_cpd, "CPD"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, w)| *w)
            .collect();
            if !counts.is_empty() {
                v.push(("Counts as", counts.join(", ")));
            }
        }
        _ => {}
    }
    v
}

/// One entry of each practice kind, with its typed details and some text, dated in
/// March 2026: for tests here and in the store.
#[cfg(test)]
pub(crate) fn samples() -> Vec<Entry> {
    use chrono::{TimeZone as _, Utc};

    use super::{Action, Section, StrengthTag};
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default();
    let at = |d: u32| {
        Utc.with_ymd_and_hms(2026, 3, d, 19, 0, 0)
            .single()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut new =
        |kind: EntryKind, d: u32, model: &str, details: Details, texts: &[(&str, &str, &str)]| {
            let mut e = Entry::new(kind, day(d), at(d));
            e.model = Some(model.to_string());
            e.details = details;
            for (key, label, text) in texts {
                e.sections.push(Section {
                    key: (*key).into(),
                    label: (*label).into(),
                    text: (*text).into(),
                });
            }
            super::rules::fill_title(&mut e);
            out.push(e);
        };
    new(
        EntryKind::Recognition,
        3,
        "recognition",
        Details::Recognition(Recognition {
            direction: Direction::Given,
            subject: "peer-B".into(),
            said: Said::NotYet,
            said_on: None,
        }),
        &[(
            "what",
            "What they did",
            "Stayed after handover to talk a new starter through the rota.",
        )],
    );
    new(
        EntryKind::Recognition,
        4,
        "recognition",
        Details::Recognition(Recognition {
            direction: Direction::Received,
            subject: "manager-A".into(),
            said: Said::InSupervision,
            said_on: Some(day(4)),
        }),
        &[
            (
                "what",
                "What they did",
                "Named how I handled the family meeting.",
            ),
            (
                "meant",
                "What it meant to me",
                "I had not seen it as a strength.",
            ),
        ],
    );
    new(
        EntryKind::Feedback,
        5,
        "feedback",
        Details::Feedback(Feedback {
            source: FeedbackSource::FamilyCarer,
            subject: None,
            tone: Some(Tone::Appreciative),
        }),
        &[
            (
                "their-words",
                "Their words",
                "\"You always ring back when you say you will.\"",
            ),
            ("take", "What I take from it", "Reliability is care."),
        ],
    );
    new(
        EntryKind::Feedback,
        6,
        "feedback",
        Details::Feedback(Feedback {
            source: FeedbackSource::Complaint,
            subject: Some("YP-A".into()),
            tone: Some(Tone::Critical),
        }),
        &[(
            "their-words",
            "Their words",
            "\"Nobody told me about the move.\"",
        )],
    );
    new(
        EntryKind::Rupture,
        7,
        "rupture",
        Details::Rupture(RuptureNote {
            subject: "peer-C".into(),
            kind: Some(RuptureKind::Withdrawal),
            status: RuptureStatus::RepairTried,
            repair_tried_on: Some(day(9)),
            closed_on: None,
            callin: None,
        }),
        &[
            (
                "what-happened",
                "What happened",
                "Quiet with me since the rota change.",
            ),
            (
                "repair-tried",
                "Repair tried",
                "Asked for ten minutes over coffee.",
            ),
        ],
    );
    new(
        EntryKind::PositiveRisk,
        2,
        "positive-risk-plan",
        Details::PositiveRisk(PositiveRisk {
            subject: "YP-A".into(),
            status: PlanStatus::Active,
            review_on: Some(day(16)),
            reviews: vec![RiskReview {
                on: day(9),
                decision: ReviewDecision::Adjust,
                note: "Went once with staff; next time alone | with a phone.".into(),
            }],
        }),
        &[
            ("goal", "Their goal", "Go to the gym on her own."),
            (
                "risks",
                "The risks, and whose they are",
                "A fall (hers); criticism (the service's).",
            ),
        ],
    );
    new(
        EntryKind::GroupSession,
        10,
        "action-learning",
        Details::GroupSession(GroupSession {
            format: GroupFormat::ActionLearningSet,
            my_role: Some(GroupRole::Presenter),
            length_minutes: Some(90),
            present: vec!["senior practitioner".into(), "peer-C".into()],
            peer_reflection: true,
            counts_as_cpd: true,
        }),
        &[
            ("theme", "Theme", "Endings with families"),
            (
                "learning",
                "What I learned",
                "Ask what an ending means to them.",
            ),
        ],
    );
    if let Some(g) = out.last_mut() {
        let mut a = Action::new("Try it with the next family", Some(day(30)));
        a.owner = None;
        g.actions.push(a);
        let mut b = Action::new("Share the notes", None);
        b.owner = Some("facilitator".into());
        g.actions.push(b);
        g.strengths.push(StrengthTag::new("curiosity", Whose::Mine));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_practice_kind_round_trips_through_its_editor_document() {
        use crate::config::catalog::Catalog;
        use crate::model::compose::{apply_document, render_entry};
        let cat = Catalog::builtin();
        let today = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap_or_default();
        for e in samples() {
            assert!(e.details.fits(e.kind), "{:?}", e.kind);
            let template = cat.for_entry(e.kind, e.model.as_deref()).unwrap();
            let doc = render_entry(&e, Some(&template));
            let back = apply_document(&doc, &e, Some(&template), &cat.vocabulary, today).unwrap();
            assert_eq!(back, e, "{doc}");
        }
    }

    #[test]
    fn typed_fields_are_checked_with_the_field_named() {
        use crate::config::catalog::Catalog;
        use crate::model::compose::{apply_document, render_entry};
        let cat = Catalog::builtin();
        let today = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap_or_default();
        let all = samples();
        let rupture = all.iter().find(|e| e.kind == EntryKind::Rupture).unwrap();
        let t = cat
            .for_entry(rupture.kind, rupture.model.as_deref())
            .unwrap();
        let doc = render_entry(rupture, Some(&t)).replace("\nrepair-tried\n", "\nlet-go\n");
        let err = apply_document(&doc, rupture, Some(&t), &cat.vocabulary, today).unwrap_err();
        assert!(err.message.contains("Closed on is required"), "{err}");
        let plan = all
            .iter()
            .find(|e| e.kind == EntryKind::PositiveRisk)
            .unwrap();
        let t = cat.for_entry(plan.kind, plan.model.as_deref()).unwrap();
        let doc = render_entry(plan, Some(&t)).replace("2026-03-16", "");
        let err = apply_document(&doc, plan, Some(&t), &cat.vocabulary, today).unwrap_err();
        assert!(err.message.contains("Review on is required"), "{err}");
        let doc = render_entry(plan, Some(&t)).replace("| adjust |", "| carry on |");
        let err = apply_document(&doc, plan, Some(&t), &cat.vocabulary, today).unwrap_err();
        assert!(err.message.contains("continue, adjust, end"), "{err}");
    }

    #[test]
    fn every_practice_kind_has_its_template_and_details_fit_only_their_kind() {
        let cat = crate::config::catalog::Catalog::builtin();
        for kind in EntryKind::ALL {
            let Some(id) = template_id(*kind) else {
                assert!(Details::None.fits(*kind));
                continue;
            };
            let t = cat.template(id).unwrap();
            assert_eq!(t.kind, *kind);
            assert!(!Details::None.fits(*kind), "{kind} needs its details");
            for key in typed_keys(id).unwrap() {
                assert!(t.field(key).is_some(), "{id} has no field {key}");
            }
        }
        for e in samples() {
            for other in EntryKind::ALL.iter().filter(|k| **k != e.kind) {
                assert!(!e.details.fits(*other));
            }
        }
    }

    #[test]
    fn reviews_read_and_spell_the_same() {
        let r = RiskReview::parse(" 2026-03-18 | continue | went twice | with a friend ").unwrap();
        assert_eq!(r.decision, ReviewDecision::Continue);
        assert_eq!(r.note, "went twice | with a friend");
        assert_eq!(RiskReview::parse(&r.spelled()).unwrap(), r);
        assert!(
            RiskReview::parse("yesterday | continue | x")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(
            RiskReview::parse("2026-03-18 | carry on | x")
                .unwrap_err()
                .contains("continue, adjust, end")
        );
        assert!(RiskReview::parse("2026-03-18 | end | ").is_err());
    }

    #[test]
    fn recognition_strengths_are_the_others_when_given_and_mine_when_received() {
        use Direction::{Given, Received};
        assert_eq!(
            recognition_whose(Given, SubjectType::Colleague),
            Whose::Colleague
        );
        assert_eq!(recognition_whose(Given, SubjectType::Team), Whose::Team);
        assert_eq!(recognition_whose(Given, SubjectType::Person), Whose::Person);
        assert_eq!(
            recognition_whose(Received, SubjectType::Colleague),
            Whose::Mine
        );
        assert_eq!(Said::default_for(Given), Said::NotYet);
        assert_eq!(Said::default_for(Received), Said::InPerson);
    }
}
