//! The rules an entry follows whoever writes it (the app, the command line, the demo): the
//! title it gets when its writer gave none, how a call-in's status moves as the
//! conversation is held and followed up, and how the practice kinds move (PRACTICE.md
//! §13–§16): recognition said, a rupture's repair, a positive-risk plan's reviews; and
//! which subject keys look like real names rather than pseudonyms.

use chrono::{DateTime, NaiveDate, Utc};

use super::compose::derive_title;
use super::practice::{
    Direction, FeedbackSource, PlanStatus, PositiveRisk, Recognition, ReviewDecision, RiskReview,
    RuptureKind, RuptureNote, RuptureStatus, Said,
};
use super::{CallIn, CallInStatus, Details, Entry, EntryKind, Rupture, Section};

/// Two or more capitalised words ("Jane Smith") look like a real name.
#[must_use]
pub fn looks_like_a_name(key: &str) -> bool {
    let words: Vec<&str> = key.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
        })
}

/// The fields of the templates that hold a subject's pseudonym key: a stage note's,
/// rupture's or plan's subject, who recognition is about, who feedback came from.
pub const SUBJECT_FIELDS: [&str; 3] = ["subject", "who", "from"];

/// A subject key as written (trimmed), or why it cannot be one.
pub fn check_subject_key(key: &str) -> Result<String, String> {
    let k = key.trim();
    if k.is_empty() || k.chars().any(char::is_control) {
        return Err(format!(
            "'{}' cannot be a subject key: use a short pseudonym such as 'YP-A'",
            key.escape_debug()
        ));
    }
    Ok(k.to_string())
}

/// The people a practice entry names (its subject, who it came from, who was present)
/// that look like real names rather than pseudonyms.
#[must_use]
pub fn names_not_pseudonyms(e: &Entry) -> Vec<String> {
    let named: Vec<&str> = match &e.details {
        Details::Recognition(r) => vec![r.subject.as_str()],
        Details::Feedback(f) => f.subject.as_deref().into_iter().collect(),
        Details::Rupture(r) => vec![r.subject.as_str()],
        Details::PositiveRisk(p) => vec![p.subject.as_str()],
        Details::GroupSession(g) => g.present.iter().map(String::as_str).collect(),
        Details::StageNote(n) => vec![n.subject.as_str()],
        _ => Vec::new(),
    };
    named
        .into_iter()
        .filter(|k| looks_like_a_name(k))
        .map(str::to_string)
        .collect()
}

/// The section of a rupture that says why it was let go.
pub const LET_GO_WHY: (&str, &str) = ("let-go-why", "Why I let it go");

/// The first sentence of a section, shortened for a title.
fn first_words(e: &Entry, key: &str, cells: usize) -> Option<String> {
    let text = e.section(key)?.trim();
    let (first, _) = super::text::split_title(text);
    let first = super::text::truncate(first.trim(), cells).into_owned();
    (!first.is_empty()).then_some(first)
}

/// The title an entry gets when its writer gave none: structured kinds name what they
/// are about, anything else takes its first sentence.
#[must_use]
pub fn default_title(e: &Entry) -> String {
    match &e.details {
        Details::StageNote(n) => format!("{} · {} · {}", n.subject, n.topic, n.stage),
        Details::CallIn(_) => {
            let who = e.section("who").map(str::trim).filter(|w| !w.is_empty());
            format!("Call-in plan: {}", who.unwrap_or("someone"))
        }
        Details::Supervision(s) => format!("Supervision {} for {}", s.stage, s.session_on),
        Details::Recognition(r) => {
            let head = match r.direction {
                Direction::Given => format!("Recognition for {}", r.subject),
                Direction::Received => format!("Recognition from {}", r.subject),
            };
            match e.strengths.first() {
                Some(s) => format!("{head} · {}", s.name),
                None => head,
            }
        }
        Details::Feedback(f) => {
            let head = match f.source {
                FeedbackSource::Complaint => "A complaint".to_string(),
                FeedbackSource::Compliment => "A compliment".to_string(),
                FeedbackSource::Other => "Feedback".to_string(),
                s => format!("Feedback from {}", s.phrase()),
            };
            match &f.subject {
                Some(s) => format!("{head} · {s}"),
                None => head,
            }
        }
        Details::Rupture(r) => match r.kind {
            Some(k) => format!("Rupture with {} · {k}", r.subject),
            None => format!("Rupture with {}", r.subject),
        },
        Details::PositiveRisk(p) => match first_words(e, "goal", 60) {
            Some(goal) => format!("Positive risk with {}: {goal}", p.subject),
            None => format!("Positive-risk plan with {}", p.subject),
        },
        Details::GroupSession(g) => match first_words(e, "theme", 60) {
            Some(theme) => format!("{}: {theme}", g.format.label()),
            None => g.format.label().to_string(),
        },
        Details::None | Details::Cpd(_) => derive_title(e),
    }
}

/// Gives an entry its default title if it has none.
pub fn fill_title(e: &mut Entry) {
    if e.title.trim().is_empty() {
        e.title = default_title(e);
    }
}

impl CallIn {
    /// Records that the conversation was held (on the day already recorded, or `on`): a
    /// planned call-in becomes held. A follow-up set before that day is refused.
    pub fn record_held(&mut self, on: NaiveDate) -> Result<NaiveDate, String> {
        let held = *self.held_on.get_or_insert(on);
        if let Some(f) = self.follow_up_on
            && f < held
        {
            return Err(format!(
                "the follow-up date {f} is before the day it was held ({held})"
            ));
        }
        if self.status == CallInStatus::Planned {
            self.status = CallInStatus::Held;
        }
        Ok(held)
    }

    /// Records the follow-up conversation on `on`; a call-in must have been held first.
    pub fn record_follow_up(&mut self, on: NaiveDate) -> Result<(), String> {
        let Some(held) = self
            .held_on
            .filter(|_| self.status != CallInStatus::Planned)
        else {
            return Err("it has not been held yet".into());
        };
        if on < held {
            return Err(format!(
                "the follow-up {on} is before the day it was held ({held})"
            ));
        }
        if let Some(done) = self.followed_up_on
            && self.status == CallInStatus::FollowedUp
        {
            return Err(format!(
                "it was followed up already, on {done}: that day is kept (change it with `praxis edit`)"
            ));
        }
        self.status = CallInStatus::FollowedUp;
        self.followed_up_on = Some(on);
        Ok(())
    }
}

impl CallIn {
    /// The rupture its outcome shows, if any: withdrawal or confrontation.
    #[must_use]
    pub fn rupture_kind(&self) -> Option<RuptureKind> {
        match self.rupture? {
            Rupture::Withdrawal => Some(RuptureKind::Withdrawal),
            Rupture::Confrontation => Some(RuptureKind::Confrontation),
            Rupture::None => None,
        }
    }
}

/// The open rupture a held call-in's outcome shows (withdrawal or confrontation), about
/// the same subject and linked to it, so the repair has somewhere to be followed. None
/// when the outcome shows none, or the call-in names no subject.
#[must_use]
pub fn rupture_from_callin(callin: &Entry, now: DateTime<Utc>) -> Option<Entry> {
    let Details::CallIn(c) = &callin.details else {
        return None;
    };
    let kind = c.rupture_kind()?;
    let subject = c.subject.clone()?;
    let mut e = Entry::new(
        EntryKind::Rupture,
        c.held_on.unwrap_or(callin.occurred_on),
        now,
    );
    e.model = Some("rupture".into());
    e.scope = callin.scope;
    e.sections.push(Section {
        key: "what-happened".into(),
        label: "What happened".into(),
        text: format!(
            "Signs of {kind} after the call-in \u{201c}{}\u{201d} ({}).",
            callin.title,
            callin.short_id()
        ),
    });
    e.details = Details::Rupture(RuptureNote {
        subject,
        kind: Some(kind),
        status: RuptureStatus::Open,
        repair_tried_on: None,
        closed_on: None,
        callin: Some(callin.id.to_string()),
    });
    fill_title(&mut e);
    Some(e)
}

impl Recognition {
    /// Checks that how it was said fits: received recognition has reached the writer,
    /// and recognition not yet said has no day it was said.
    pub fn check(&self, _noted: NaiveDate) -> Result<(), String> {
        if self.said == Said::NotYet {
            if self.direction == Direction::Received {
                return Err("recognition you received has reached you: say how \
                            (in-person, in-supervision or in-writing), not not-yet"
                    .into());
            }
            if let Some(d) = self.said_on {
                return Err(format!(
                    "it was said on {d} but is marked not-yet: say how it was said, or clear the day"
                ));
            }
        }
        Ok(())
    }

    /// Gives recognition said without a day its day: the day it was noted when it was
    /// said as it was written (`before` is None, or was said too), today when it has been
    /// marked said since it was stored as not yet said.
    pub fn fill_said_on(
        &mut self,
        noted: NaiveDate,
        before: Option<&Recognition>,
        today: NaiveDate,
    ) {
        if self.said == Said::NotYet || self.said_on.is_some() {
            return;
        }
        let said_since = before.is_some_and(|b| b.said == Said::NotYet);
        self.said_on = Some(if said_since { today } else { noted });
    }

    /// Marks recognition given as said, `how` on `on`.
    pub fn mark_said(&mut self, how: Said, on: NaiveDate) -> Result<(), String> {
        if how == Said::NotYet {
            return Err("say how it was said: in-person, in-supervision or in-writing".into());
        }
        if self.direction == Direction::Received {
            return Err("it is recognition you received: there is nothing left to say".into());
        }
        if self.said != Said::NotYet {
            let when = self.said_on.map(|d| format!(" on {d}")).unwrap_or_default();
            return Err(format!("it was already said ({}{when})", self.said));
        }
        self.said = how;
        self.said_on = Some(on);
        Ok(())
    }
}

impl RuptureNote {
    /// Whether it has been repaired or let go.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        matches!(self.status, RuptureStatus::Repaired | RuptureStatus::LetGo)
    }

    /// Checks that the status and its days fit together: a closed rupture has the day it
    /// was closed, an open one has none; repair tried has its day; letting go has its
    /// reason (`let_go_why`); no day comes before the rupture was `noticed`. The error
    /// names the field.
    pub fn check(
        &self,
        noticed: NaiveDate,
        let_go_why: &str,
    ) -> Result<(), (&'static str, String)> {
        let status = self.status;
        if self.is_closed() {
            if self.closed_on.is_none() {
                return Err((
                    "closed-on",
                    format!("Closed on is required when the status is {status}"),
                ));
            }
        } else if self.closed_on.is_some() {
            return Err((
                "closed-on",
                format!(
                    "a rupture that is {status} has no closed-on day: clear it, or set the \
                     status to repaired or let-go"
                ),
            ));
        }
        if status == RuptureStatus::RepairTried && self.repair_tried_on.is_none() {
            return Err((
                "repair-tried-on",
                "Repair tried on is required when the status is repair-tried".into(),
            ));
        }
        if status == RuptureStatus::LetGo && let_go_why.trim().is_empty() {
            return Err((
                LET_GO_WHY.0,
                "letting a rupture go needs the reason, under 'Why I let it go'".into(),
            ));
        }
        for (key, what, day) in [
            ("repair-tried-on", "repair was tried", self.repair_tried_on),
            ("closed-on", "it was closed", self.closed_on),
        ] {
            if let Some(d) = day.filter(|d| *d < noticed) {
                return Err((
                    key,
                    format!("{what} on {d}, before the rupture was noticed ({noticed})"),
                ));
            }
        }
        if let (Some(t), Some(c)) = (self.repair_tried_on, self.closed_on)
            && c < t
        {
            return Err((
                "closed-on",
                format!("it was closed on {c}, before repair was first tried ({t})"),
            ));
        }
        Ok(())
    }

    /// Records a repair tried on `on`: an open rupture becomes repair-tried; the day of
    /// the first attempt is kept.
    pub fn record_repair(&mut self, on: NaiveDate, noticed: NaiveDate) -> Result<(), String> {
        if self.is_closed() {
            return Err(format!("it is {} already: reopen it first", self.status));
        }
        if on < noticed {
            return Err(format!(
                "the repair on {on} is before the rupture was noticed ({noticed})"
            ));
        }
        self.status = RuptureStatus::RepairTried;
        self.repair_tried_on = Some(self.repair_tried_on.map_or(on, |t| t.min(on)));
        Ok(())
    }

    /// Closes it on `on` as `to` (repaired or let go). Repaired without a repair
    /// recorded means the repair happened that day.
    pub fn close(
        &mut self,
        to: RuptureStatus,
        on: NaiveDate,
        noticed: NaiveDate,
    ) -> Result<(), String> {
        if !matches!(to, RuptureStatus::Repaired | RuptureStatus::LetGo) {
            return Err(format!(
                "a rupture is closed as repaired or let-go, not {to}"
            ));
        }
        if self.is_closed() {
            return Err(format!("it is {} already", self.status));
        }
        if on < noticed {
            return Err(format!(
                "{on} is before the rupture was noticed ({noticed})"
            ));
        }
        if let Some(t) = self.repair_tried_on.filter(|t| on < *t) {
            return Err(format!("{on} is before repair was first tried ({t})"));
        }
        if to == RuptureStatus::Repaired {
            self.repair_tried_on.get_or_insert(on);
        }
        self.status = to;
        self.closed_on = Some(on);
        Ok(())
    }

    /// Opens a closed rupture again: ruptures recur, and that is ordinary.
    pub fn reopen(&mut self) -> Result<(), String> {
        if !self.is_closed() {
            return Err(format!("it is still {}", self.status));
        }
        self.status = RuptureStatus::Open;
        self.closed_on = None;
        Ok(())
    }
}

/// Lets a rupture go on `on`, keeping `why` in its own section: letting go is a decision
/// with a reason, never a drift.
pub fn let_rupture_go(e: &mut Entry, on: NaiveDate, why: &str) -> Result<(), String> {
    let why = why.trim();
    if why.is_empty() {
        return Err("letting a rupture go needs the reason (--why)".into());
    }
    let noticed = e.occurred_on;
    let Details::Rupture(r) = &mut e.details else {
        return Err("it is not a rupture".into());
    };
    r.close(RuptureStatus::LetGo, on, noticed)?;
    e.sections.retain(|s| s.key != LET_GO_WHY.0);
    e.sections.push(Section {
        key: LET_GO_WHY.0.into(),
        label: LET_GO_WHY.1.into(),
        text: why.to_string(),
    });
    Ok(())
}

impl PositiveRisk {
    /// Whether its review has come by `today`.
    #[must_use]
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.status == PlanStatus::Active && self.review_on.is_some_and(|d| d <= today)
    }

    /// Checks the plan: an active plan has a review date (a plan nobody reviews is not a
    /// plan), an ended one has none, and no review comes before the plan was made or
    /// out of order. The error names the field.
    pub fn check(&self, planned: NaiveDate) -> Result<(), (&'static str, String)> {
        match (self.status, self.review_on) {
            (PlanStatus::Active, None) => {
                return Err((
                    "review-on",
                    "Review on is required while the plan is active: a positive-risk plan is reviewed"
                        .into(),
                ));
            }
            (PlanStatus::Ended, Some(_)) => {
                return Err((
                    "review-on",
                    "an ended plan has no next review: clear Review on, or set the status to active"
                        .into(),
                ));
            }
            (PlanStatus::Active, Some(d)) if d < planned => {
                return Err((
                    "review-on",
                    format!("the review on {d} is before the plan was made ({planned})"),
                ));
            }
            _ => {}
        }
        let mut last = planned;
        for r in &self.reviews {
            if r.on < last {
                return Err((
                    "reviews",
                    format!(
                        "the review of {} comes before {last}: reviews are in date order, after the plan",
                        r.on
                    ),
                ));
            }
            last = r.on;
        }
        Ok(())
    }

    /// Records a review on `on`, as an action's progress is recorded: what happened and
    /// the decision. Continuing or adjusting needs the `next` review, after this one;
    /// ending closes the plan.
    pub fn record_review(
        &mut self,
        on: NaiveDate,
        decision: ReviewDecision,
        note: &str,
        next: Option<NaiveDate>,
        planned: NaiveDate,
    ) -> Result<(), String> {
        if self.status == PlanStatus::Ended {
            return Err("the plan has ended: write a new plan to start again".into());
        }
        let note = note.trim();
        if note.is_empty() {
            return Err("a review needs what happened (--note)".into());
        }
        if on < planned {
            return Err(format!(
                "the review on {on} is before the plan was made ({planned})"
            ));
        }
        if let Some(last) = self.reviews.last().filter(|r| r.on > on) {
            return Err(format!(
                "a review of {} is recorded already, after {on}",
                last.on
            ));
        }
        match (decision, next) {
            (ReviewDecision::End, Some(_)) => {
                return Err("an ended plan has no next review: leave out --next".into());
            }
            (ReviewDecision::End, None) => {
                self.status = PlanStatus::Ended;
                self.review_on = None;
            }
            (_, None) => {
                return Err(format!(
                    "to {decision} the plan, give the next review date (--next)"
                ));
            }
            (_, Some(n)) if n <= on => {
                return Err(format!(
                    "the next review ({n}) must come after this one ({on})"
                ));
            }
            (_, Some(n)) => self.review_on = Some(n),
        }
        self.reviews.push(RiskReview {
            on,
            decision,
            note: note.to_string(),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::model::{EntryKind, Section, SessionStage, Stage, StageNote, Supervision};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn entry(kind: EntryKind, details: Details) -> Entry {
        let mut e = Entry::new(
            kind,
            day(4),
            Utc.with_ymd_and_hms(2026, 3, 4, 9, 0, 0).unwrap(),
        );
        e.details = details;
        e
    }

    #[test]
    fn structured_kinds_name_what_they_are_about() {
        let mut c = entry(EntryKind::CallIn, Details::CallIn(CallIn::default()));
        assert_eq!(default_title(&c), "Call-in plan: someone");
        c.sections.push(Section {
            key: "who".into(),
            label: "Who".into(),
            text: " a new colleague ".into(),
        });
        assert_eq!(default_title(&c), "Call-in plan: a new colleague");
        let s = entry(
            EntryKind::Supervision,
            Details::Supervision(Supervision {
                stage: SessionStage::Record,
                session_on: day(4),
                supervisor_role: None,
                session_type: None,
                length_minutes: None,
                prep: None,
                counts_as_cpd: false,
                peer_reflection: false,
                agenda: Vec::new(),
            }),
        );
        assert_eq!(default_title(&s), "Supervision record for 2026-03-04");
        let n = entry(
            EntryKind::StageNote,
            Details::StageNote(StageNote {
                subject: "rj".into(),
                topic: "smoking".into(),
                stage: Stage::Contemplation,
                certainty: None,
                mi_process: None,
                change_talk: Vec::new(),
                importance: None,
                confidence: None,
                review_on: None,
            }),
        );
        assert_eq!(default_title(&n), "rj · smoking · contemplation");
        let mut r = entry(EntryKind::Reflection, Details::None);
        r.body = "Hard handover. Stayed calm.".into();
        fill_title(&mut r);
        assert_eq!(r.title, "Hard handover.");
        r.body = "Changed".into();
        fill_title(&mut r);
        assert_eq!(r.title, "Hard handover.", "a title once given is kept");
    }

    fn rupture_entry(status: RuptureStatus) -> Entry {
        entry(
            EntryKind::Rupture,
            Details::Rupture(RuptureNote {
                subject: "peer-B".into(),
                kind: Some(RuptureKind::Withdrawal),
                status,
                repair_tried_on: None,
                closed_on: None,
                callin: None,
            }),
        )
    }

    fn rupture(e: &mut Entry) -> &mut RuptureNote {
        match &mut e.details {
            Details::Rupture(r) => r,
            _ => panic!("not a rupture"),
        }
    }

    #[test]
    fn the_practice_kinds_name_who_and_what_they_are_about() {
        use crate::model::practice::{Feedback, GroupFormat, GroupSession};
        use crate::model::{StrengthTag, Whose};
        let mut r = entry(
            EntryKind::Recognition,
            Details::Recognition(Recognition {
                direction: Direction::Given,
                subject: "peer-B".into(),
                said: Said::NotYet,
                said_on: None,
            }),
        );
        assert_eq!(default_title(&r), "Recognition for peer-B");
        r.strengths
            .push(StrengthTag::new("reliability", Whose::Colleague));
        assert_eq!(default_title(&r), "Recognition for peer-B · reliability");
        let f = |source, subject: Option<&str>| {
            default_title(&entry(
                EntryKind::Feedback,
                Details::Feedback(Feedback {
                    source,
                    subject: subject.map(str::to_string),
                    tone: None,
                }),
            ))
        };
        assert_eq!(
            f(FeedbackSource::FamilyCarer, None),
            "Feedback from a family member or carer"
        );
        assert_eq!(
            f(FeedbackSource::Complaint, Some("YP-A")),
            "A complaint · YP-A"
        );
        assert_eq!(
            default_title(&rupture_entry(RuptureStatus::Open)),
            "Rupture with peer-B · withdrawal"
        );
        let mut p = entry(
            EntryKind::PositiveRisk,
            Details::PositiveRisk(PositiveRisk {
                subject: "YP-A".into(),
                status: PlanStatus::Active,
                review_on: Some(day(20)),
                reviews: Vec::new(),
            }),
        );
        assert_eq!(default_title(&p), "Positive-risk plan with YP-A");
        p.sections.push(Section {
            key: "goal".into(),
            label: "Their goal".into(),
            text: "Go to the gym on her own. Every week.".into(),
        });
        assert_eq!(
            default_title(&p),
            "Positive risk with YP-A: Go to the gym on her own."
        );
        let mut g = entry(
            EntryKind::GroupSession,
            Details::GroupSession(GroupSession {
                format: GroupFormat::ActionLearningSet,
                my_role: None,
                length_minutes: None,
                present: Vec::new(),
                peer_reflection: false,
                counts_as_cpd: false,
            }),
        );
        assert_eq!(default_title(&g), "Action-learning set");
        g.sections.push(Section {
            key: "theme".into(),
            label: "Theme".into(),
            text: "Endings with families".into(),
        });
        assert_eq!(
            default_title(&g),
            "Action-learning set: Endings with families"
        );
    }

    #[test]
    fn recognition_is_said_once_and_only_when_given() {
        let mut r = Recognition {
            direction: Direction::Given,
            subject: "peer-B".into(),
            said: Said::NotYet,
            said_on: None,
        };
        assert!(r.mark_said(Said::NotYet, day(5)).is_err());
        r.mark_said(Said::InPerson, day(5)).unwrap();
        assert_eq!((r.said, r.said_on), (Said::InPerson, Some(day(5))));
        let again = r.mark_said(Said::InWriting, day(6)).unwrap_err();
        assert!(
            again.contains("already said (in-person on 2026-03-05)"),
            "{again}"
        );
        let mut received = Recognition {
            direction: Direction::Received,
            said: Said::InSupervision,
            ..r.clone()
        };
        assert!(received.mark_said(Said::InPerson, day(5)).is_err());
        received.said = Said::NotYet;
        assert!(received.check(day(4)).unwrap_err().contains("reached you"));
        let unsaid_with_day = Recognition {
            said: Said::NotYet,
            said_on: Some(day(5)),
            ..r
        };
        assert!(unsaid_with_day.check(day(4)).is_err());
    }

    #[test]
    fn a_rupture_is_repaired_or_let_go_in_order_and_can_come_back() {
        let mut e = rupture_entry(RuptureStatus::Open);
        let noticed = e.occurred_on;
        assert!(
            rupture(&mut e).record_repair(day(3), noticed).is_err(),
            "before noticed"
        );
        rupture(&mut e).record_repair(day(6), noticed).unwrap();
        rupture(&mut e).record_repair(day(5), noticed).unwrap();
        assert_eq!(
            rupture(&mut e).repair_tried_on,
            Some(day(5)),
            "the first attempt"
        );
        assert_eq!(rupture(&mut e).status, RuptureStatus::RepairTried);
        assert!(
            rupture(&mut e)
                .close(RuptureStatus::Repaired, day(4), noticed)
                .unwrap_err()
                .contains("before repair was first tried")
        );
        assert!(
            rupture(&mut e)
                .close(RuptureStatus::Open, day(9), noticed)
                .is_err()
        );
        rupture(&mut e)
            .close(RuptureStatus::Repaired, day(9), noticed)
            .unwrap();
        assert_eq!(rupture(&mut e).check(noticed, ""), Ok(()));
        assert!(
            rupture(&mut e).record_repair(day(10), noticed).is_err(),
            "closed"
        );
        assert!(
            rupture(&mut e)
                .close(RuptureStatus::LetGo, day(10), noticed)
                .is_err()
        );
        rupture(&mut e).reopen().unwrap();
        assert_eq!(rupture(&mut e).status, RuptureStatus::Open);
        assert_eq!(rupture(&mut e).closed_on, None);
        assert!(rupture(&mut e).reopen().is_err());
        assert!(let_rupture_go(&mut e, day(12), "  ").is_err());
        let_rupture_go(&mut e, day(12), "They moved teams; I wished them well").unwrap();
        assert_eq!(rupture(&mut e).status, RuptureStatus::LetGo);
        assert_eq!(
            e.section(LET_GO_WHY.0),
            Some("They moved teams; I wished them well")
        );
        // Repaired at once: the repair happened that day.
        let mut quick = rupture_entry(RuptureStatus::Open);
        rupture(&mut quick)
            .close(RuptureStatus::Repaired, day(4), noticed)
            .unwrap();
        assert_eq!(rupture(&mut quick).repair_tried_on, Some(day(4)));
    }

    #[test]
    fn a_rupture_s_status_and_days_must_agree() {
        let noticed = day(4);
        let base = RuptureNote {
            subject: "peer-B".into(),
            kind: None,
            status: RuptureStatus::Open,
            repair_tried_on: None,
            closed_on: None,
            callin: None,
        };
        let case = |f: &dyn Fn(&mut RuptureNote), why: &str| {
            let mut r = base.clone();
            f(&mut r);
            r.check(noticed, why).map_err(|(key, _)| key)
        };
        assert_eq!(case(&|_| {}, ""), Ok(()));
        assert_eq!(case(&|r| r.closed_on = Some(day(6)), ""), Err("closed-on"));
        assert_eq!(
            case(&|r| r.status = RuptureStatus::Repaired, ""),
            Err("closed-on")
        );
        assert_eq!(
            case(&|r| r.status = RuptureStatus::RepairTried, ""),
            Err("repair-tried-on")
        );
        let let_go = |r: &mut RuptureNote| {
            r.status = RuptureStatus::LetGo;
            r.closed_on = Some(day(6));
        };
        assert_eq!(case(&let_go, ""), Err("let-go-why"));
        assert_eq!(case(&let_go, "we agreed to differ"), Ok(()));
        assert_eq!(
            case(&|r| r.repair_tried_on = Some(day(2)), ""),
            Err("repair-tried-on")
        );
    }

    #[test]
    fn a_positive_risk_plan_is_reviewed_like_an_action() {
        let planned = day(2);
        let mut p = PositiveRisk {
            subject: "YP-A".into(),
            status: PlanStatus::Active,
            review_on: Some(day(9)),
            reviews: Vec::new(),
        };
        assert!(p.is_due(day(9)) && !p.is_due(day(8)));
        let cont = ReviewDecision::Continue;
        assert!(
            p.record_review(day(9), cont, "went twice", None, planned)
                .unwrap_err()
                .contains("--next")
        );
        assert!(
            p.record_review(day(9), cont, "went twice", Some(day(9)), planned)
                .is_err()
        );
        assert!(
            p.record_review(day(9), cont, " ", Some(day(20)), planned)
                .is_err()
        );
        assert!(
            p.record_review(day(1), cont, "x", Some(day(20)), planned)
                .is_err()
        );
        p.record_review(day(9), cont, "went twice", Some(day(20)), planned)
            .unwrap();
        assert_eq!(p.review_on, Some(day(20)));
        assert!(
            p.record_review(day(8), cont, "x", Some(day(20)), planned)
                .is_err(),
            "order"
        );
        assert!(
            p.record_review(day(20), ReviewDecision::End, "x", Some(day(25)), planned)
                .is_err()
        );
        p.record_review(
            day(20),
            ReviewDecision::End,
            "goes alone now",
            None,
            planned,
        )
        .unwrap();
        assert_eq!(
            (p.status, p.review_on, p.reviews.len()),
            (PlanStatus::Ended, None, 2)
        );
        assert!(!p.is_due(day(30)));
        assert!(
            p.record_review(day(21), cont, "x", Some(day(25)), planned)
                .is_err()
        );
        assert_eq!(p.check(planned), Ok(()));
        p.status = PlanStatus::Active;
        assert_eq!(p.check(planned).map_err(|(k, _)| k), Err("review-on"));
    }

    #[test]
    fn signs_of_rupture_after_a_call_in_open_a_linked_rupture() {
        let mut c = entry(
            EntryKind::CallIn,
            Details::CallIn(CallIn {
                subject: Some("peer-B".into()),
                held_on: Some(day(6)),
                rupture: Some(Rupture::Withdrawal),
                ..CallIn::default()
            }),
        );
        c.title = "Call-in plan: peer-B".into();
        let now = Utc.with_ymd_and_hms(2026, 3, 6, 18, 0, 0).unwrap();
        let r = rupture_from_callin(&c, now).unwrap();
        assert_eq!((r.kind, r.occurred_on), (EntryKind::Rupture, day(6)));
        let Details::Rupture(note) = &r.details else {
            panic!("no rupture")
        };
        assert_eq!(note.callin.as_deref(), Some(c.id.to_string().as_str()));
        assert_eq!(note.kind, Some(RuptureKind::Withdrawal));
        assert_eq!(r.title, "Rupture with peer-B · withdrawal");
        for change in [
            |c: &mut CallIn| c.rupture = Some(Rupture::None),
            |c: &mut CallIn| c.rupture = None,
            |c: &mut CallIn| c.subject = None,
        ] {
            let mut other = c.clone();
            if let Details::CallIn(x) = &mut other.details {
                change(x);
            }
            assert!(rupture_from_callin(&other, now).is_none());
        }
    }

    #[test]
    fn a_call_in_is_held_then_followed_up_in_order() {
        let mut c = CallIn::default();
        assert!(c.record_follow_up(day(5)).is_err(), "not held yet");
        assert_eq!(c.record_held(day(6)), Ok(day(6)));
        assert_eq!(c.status, CallInStatus::Held);
        assert!(c.record_follow_up(day(5)).is_err(), "before it was held");
        c.record_follow_up(day(9)).unwrap();
        assert_eq!(c.status, CallInStatus::FollowedUp);
        assert!(c.record_follow_up(day(12)).is_err(), "followed up already");
        assert_eq!(c.followed_up_on, Some(day(9)));
        // Holding again keeps the recorded day and the later status.
        assert_eq!(c.record_held(day(20)), Ok(day(6)));
        assert_eq!(c.status, CallInStatus::FollowedUp);
        let mut early = CallIn {
            follow_up_on: Some(day(1)),
            ..CallIn::default()
        };
        assert!(early.record_held(day(2)).is_err());
    }
}
