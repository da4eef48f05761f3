//! The demo's material, read once from `assets/demo/*.toml` (built into the binary): the
//! scenes reflected on, the sentence pools, the stage-of-change arcs, the call-ins and
//! the CPD activities, and the practice with others. The wording lives in those files; this
//! module only gives it types.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{
    Approach, Certainty, ChangeTalkCode, Direction, FeedbackSource, GroupFormat, GroupRole,
    MiProcess, ReviewDecision, Rupture, RuptureKind, RuptureStatus, Said, Stage, SubjectType, Tone,
    Whose,
};

/// Everything the demo writes from.
#[derive(Debug)]
pub(crate) struct Material {
    pub scenes: Vec<Scene>,
    pub phrases: Phrases,
    pub arcs: Vec<Arc>,
    pub callins: Vec<Plan>,
    pub cpd: Vec<CpdItem>,
    pub others: Others,
}

/// The material, parsed the first time it is asked for. Every file is checked by a test,
/// so an error here means a build from edited files that were not tested.
pub(crate) fn material() -> Result<&'static Material, String> {
    static MATERIAL: OnceLock<Result<Material, String>> = OnceLock::new();
    MATERIAL.get_or_init(parse).as_ref().map_err(Clone::clone)
}

fn parse() -> Result<Material, String> {
    fn file<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
        toml::from_str(text).map_err(|e| format!("the demo's assets/demo/{name} is invalid: {e}"))
    }
    let scenes: Scenes = file("scenes.toml", include_str!("../../assets/demo/scenes.toml"))?;
    let arcs: Arcs = file("arcs.toml", include_str!("../../assets/demo/arcs.toml"))?;
    let callins: CallIns = file(
        "callins.toml",
        include_str!("../../assets/demo/callins.toml"),
    )?;
    let cpd: Cpds = file("cpd.toml", include_str!("../../assets/demo/cpd.toml"))?;
    let m = Material {
        scenes: scenes.scene,
        phrases: file(
            "phrases.toml",
            include_str!("../../assets/demo/phrases.toml"),
        )?,
        arcs: arcs.arc,
        callins: callins.callin,
        cpd: cpd.cpd,
        others: file("others.toml", include_str!("../../assets/demo/others.toml"))?,
    };
    m.check()?;
    Ok(m)
}

impl Material {
    /// What the types cannot say: pools the writer picks from are never empty.
    fn check(&self) -> Result<(), String> {
        let empty = |what: &str| Err(format!("the demo's material has no {what}"));
        if self.scenes.is_empty() {
            return empty("scenes");
        }
        if let Some(s) = self.scenes.iter().find(|s| {
            s.titles.is_empty()
                || s.what.is_empty()
                || s.strengths.is_empty()
                || s.actions.is_empty()
        }) {
            return Err(format!(
                "the demo scene about {} needs titles, what happened, strengths and actions",
                s.about
            ));
        }
        if self.cpd.is_empty() {
            return empty("CPD activities");
        }
        let o = &self.others;
        for (name, n) in [
            ("recognition", o.recognition.len()),
            ("feedback", o.feedback.len()),
            ("group sessions", o.group.len()),
        ] {
            if n == 0 {
                return empty(name);
            }
        }
        let keys: Vec<&str> = o.subject.iter().map(|s| s.key.as_str()).collect();
        let named = o
            .recognition
            .iter()
            .map(|r| r.who.as_str())
            .chain(o.feedback.iter().filter_map(|f| f.from.as_deref()))
            .chain(o.rupture.iter().map(|r| r.subject.as_str()))
            .chain(o.risk.iter().map(|r| r.subject.as_str()));
        for key in named {
            if !keys.contains(&key) {
                return Err(format!(
                    "the demo's others.toml names {key}, which is not among its subjects"
                ));
            }
        }
        let p = &self.phrases;
        for (name, pool) in [
            ("blockers", &p.blockers),
            ("good_words", &p.good_words),
            ("heavy_words", &p.heavy_words),
            ("helped", &p.helped),
            ("generic_actions", &p.generic_actions),
            ("extra_strengths", &p.extra_strengths),
            ("wellbeing", &p.wellbeing),
            ("next_lead", &p.next_lead),
        ] {
            if pool.is_empty() {
                return empty(name);
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenes {
    scene: Vec<Scene>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Arcs {
    arc: Vec<Arc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CallIns {
    callin: Vec<Plan>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cpds {
    cpd: Vec<CpdItem>,
}

/// Something that happened, to reflect on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scene {
    pub titles: Vec<String>,
    /// Who the general sentences are about (`{p}` in the pools).
    pub about: String,
    /// What happened, in order: the first two or more are used.
    pub what: Vec<String>,
    pub tags: Vec<String>,
    pub strengths: Vec<SceneStrength>,
    pub actions: Vec<String>,
    /// Where in the period it can happen (0 = start, 1 = today).
    pub window: (f64, f64),
    /// Always worth bringing to supervision.
    #[serde(default)]
    pub flag: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SceneStrength {
    pub name: String,
    pub whose: Whose,
}

/// The sentence pools and short lists the writer draws from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phrases {
    pub feelings: Vec<String>,
    pub evaluation: Vec<String>,
    pub meaning: Vec<String>,
    pub theory: Vec<String>,
    pub learning: Vec<String>,
    pub aims: Vec<String>,
    pub ethics: Vec<String>,
    pub reflexivity: Vec<String>,
    pub assumptions: Vec<String>,
    pub their_view: Vec<String>,
    pub colleagues: Vec<String>,
    pub options: Vec<String>,
    pub surprise: Vec<String>,
    pub adjust: Vec<String>,
    pub next: Vec<String>,
    /// Intros for an action section with a list of actions after them.
    pub next_lead: Vec<String>,
    pub generic_actions: Vec<String>,
    pub extra_strengths: Vec<String>,
    pub blockers: Vec<String>,
    pub good_words: Vec<String>,
    pub heavy_words: Vec<String>,
    pub helped: Vec<String>,
    pub questions: Vec<String>,
    pub wellbeing: Vec<String>,
    pub wellbeing_heavy: String,
    /// Agenda items as `praxis supervision prep --item` takes them.
    pub agenda: Vec<String>,
    pub decisions: Vec<String>,
    pub learning_supervision: Vec<String>,
    pub agreed: Vec<Agreed>,
}

/// An action agreed in supervision, and who owns it when not me.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Agreed {
    pub text: String,
    pub owner: Option<String>,
}

/// A subject's change over the period, one topic.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Arc {
    pub subject: String,
    pub kind: SubjectType,
    pub topic: String,
    pub note: Vec<Note>,
}

/// One stage-of-change note of an arc.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Note {
    /// Where in the period it is written (0 = start, 1 = today).
    pub at: f64,
    pub stage: Stage,
    pub certainty: Certainty,
    pub process: MiProcess,
    pub change_talk: Vec<Talk>,
    pub importance: Option<u8>,
    pub confidence: Option<u8>,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub sustain: String,
    #[serde(default)]
    pub discord: String,
    #[serde(default)]
    pub oars: String,
    #[serde(default)]
    pub next: String,
    #[serde(default)]
    pub flag: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Talk {
    pub code: ChangeTalkCode,
    pub text: String,
}

/// When a call-in is planned: at a point of the period, or some days before today.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    Fraction(f64),
    DaysAgo(i64),
}

/// A call-in plan (its template's sections by key) and, once held, its outcome.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawPlan")]
pub(crate) struct Plan {
    pub when: When,
    pub who: String,
    pub subject: Option<String>,
    pub approach: Approach,
    pub plan: BTreeMap<String, String>,
    pub outcome: Option<Outcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    at: Option<f64>,
    days_ago: Option<i64>,
    who: String,
    subject: Option<String>,
    approach: Approach,
    plan: BTreeMap<String, String>,
    outcome: Option<Outcome>,
}

impl TryFrom<RawPlan> for Plan {
    type Error = String;

    fn try_from(r: RawPlan) -> Result<Plan, String> {
        let when = match (r.at, r.days_ago) {
            (Some(f), None) => When::Fraction(f),
            (None, Some(n)) => When::DaysAgo(n),
            _ => {
                return Err(format!(
                    "the call-in with {} needs one of `at` and `days_ago`",
                    r.who
                ));
            }
        };
        Ok(Plan {
            when,
            who: r.who,
            subject: r.subject,
            approach: r.approach,
            plan: r.plan,
            outcome: r.outcome,
        })
    }
}

impl Plan {
    /// Whether its outcome shows a rupture (one a rupture entry follows).
    pub fn rupture(&self) -> bool {
        self.outcome
            .as_ref()
            .and_then(|o| o.rupture)
            .is_some_and(|r| r != Rupture::None)
    }
}

/// How a call-in went.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Outcome {
    pub held_after: i64,
    pub rating: Option<u8>,
    pub rupture: Option<Rupture>,
    pub follow_up_after: i64,
    pub followed_up_after: Option<i64>,
    /// Worth bringing to supervision.
    #[serde(default)]
    pub bring: bool,
    pub texts: BTreeMap<String, String>,
}

/// A CPD activity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CpdItem {
    pub activity: String,
    pub title: String,
    pub hours: f64,
    pub participatory: bool,
    pub learning: String,
    pub impact: String,
    #[serde(default)]
    pub peer: String,
    /// Topic tags of the reflections it links to, and how many.
    pub topics: Vec<String>,
    pub links: usize,
}

/// The practice with others: the subjects it names, and each kind's material.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Others {
    pub subject: Vec<OtherSubject>,
    pub recognition: Vec<RecognitionItem>,
    pub feedback: Vec<FeedbackItem>,
    pub rupture: Vec<RuptureItem>,
    pub risk: Vec<RiskItem>,
    pub group: Vec<GroupItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OtherSubject {
    pub key: String,
    pub kind: SubjectType,
}

/// Recognition given or received.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecognitionItem {
    pub direction: Direction,
    pub who: String,
    pub strength: String,
    pub said: Said,
    pub what: String,
    pub difference: String,
    #[serde(default)]
    pub meant: String,
    pub tags: Vec<String>,
}

/// Feedback from someone worked with.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackItem {
    pub source: FeedbackSource,
    pub from: Option<String>,
    pub tone: Tone,
    pub their_words: String,
    pub context: String,
    pub take: String,
    pub changed: String,
    pub tags: Vec<String>,
}

/// A rupture and how its repair went, days after it was noticed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuptureItem {
    pub at: f64,
    pub subject: String,
    pub rupture_kind: RuptureKind,
    pub what_happened: String,
    pub my_part: String,
    pub their_part: String,
    pub repair_tried: String,
    pub repair_after: Option<i64>,
    pub closed_after: Option<i64>,
    pub close: Option<RuptureStatus>,
    #[serde(default)]
    pub let_go_why: String,
    #[serde(default)]
    pub learning: String,
    pub tags: Vec<String>,
}

/// A positive-risk plan and its reviews.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RiskItem {
    pub at: f64,
    pub subject: String,
    pub goal: String,
    pub matters: String,
    pub risks: String,
    pub not_doing: String,
    pub safer: String,
    pub agreed: String,
    pub review_every: i64,
    #[serde(default)]
    pub review: Vec<RiskReviewItem>,
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RiskReviewItem {
    pub after: i64,
    pub decision: ReviewDecision,
    pub note: String,
}

/// A group or peer session, in a session model or none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupItem {
    pub model: Option<String>,
    pub format: GroupFormat,
    pub role: GroupRole,
    pub minutes: u32,
    pub theme: String,
    pub present: Vec<String>,
    pub question: String,
    pub learning: String,
    pub peer: bool,
    pub cpd: bool,
    pub actions: Vec<Agreed>,
    pub tags: Vec<String>,
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_material_parses_and_holds_what_the_writer_needs() {
        let m = material().unwrap();
        assert_eq!(m.scenes.len(), 22);
        assert_eq!(m.arcs.iter().map(|a| a.note.len()).sum::<usize>(), 16);
        assert_eq!(m.callins.len(), 5);
        assert_eq!(m.cpd.len(), 9);
        assert!(m.scenes.iter().all(|s| s.window.0 <= s.window.1));
        let o = &m.others;
        assert_eq!(
            (o.recognition.len(), o.feedback.len(), o.rupture.len()),
            (10, 8, 5)
        );
        assert_eq!((o.risk.len(), o.group.len()), (3, 8));
        // Every shipped session model is used, and one session has none.
        for model in ["action-learning", "intervision", "balint", "team-review"] {
            assert!(o.group.iter().any(|g| g.model.as_deref() == Some(model)));
        }
        assert!(o.group.iter().any(|g| g.model.is_none()));
    }
}
