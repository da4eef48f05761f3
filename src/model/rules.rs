//! The rules an entry follows whoever writes it (the app, the command line, the demo): the
//! title it gets when its writer gave none, and how a call-in's status moves as the
//! conversation is held and followed up.

use chrono::NaiveDate;

use super::compose::derive_title;
use super::{CallIn, CallInStatus, Details, Entry};

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
        _ => derive_title(e),
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
        self.status = CallInStatus::FollowedUp;
        self.followed_up_on = Some(on);
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

    #[test]
    fn a_call_in_is_held_then_followed_up_in_order() {
        let mut c = CallIn::default();
        assert!(c.record_follow_up(day(5)).is_err(), "not held yet");
        assert_eq!(c.record_held(day(6)), Ok(day(6)));
        assert_eq!(c.status, CallInStatus::Held);
        assert!(c.record_follow_up(day(5)).is_err(), "before it was held");
        c.record_follow_up(day(9)).unwrap();
        assert_eq!(c.status, CallInStatus::FollowedUp);
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
