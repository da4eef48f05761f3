//! The typed parts of structured kinds, kept in their own tables because they are
//! queried (stage over time, follow-ups due…). Free text of these kinds lives in sections.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_iso_date;
use super::{EntryKind, FieldSpec, FieldType, Template};

word_enum! {
    /// Stages of change (Transtheoretical Model, DOMAIN.md §5). Recycling is never failure.
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
    /// Kinds of subject a stage note or call-in is about.
    pub enum SubjectType ("subject type") {
        Person = "person",
        Team = "team",
        Organisation = "organisation",
        SelfSubject = "self",
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

/// A stage note's typed facts (DOMAIN.md §5).
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

/// The typed part of an entry, by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Details {
    #[default]
    None,
    StageNote(StageNote),
}

/// The template behind each kind that has typed details.
#[must_use]
pub fn template_id(kind: EntryKind) -> Option<&'static str> {
    match kind {
        EntryKind::StageNote => Some("stage-note"),
        _ => None,
    }
}

/// Fields of a template that are stored typed, not as section text.
#[must_use]
pub fn typed_keys(kind: EntryKind) -> &'static [&'static str] {
    match kind {
        EntryKind::StageNote => &[
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

impl Details {
    /// The typed values as field texts, for the editor document.
    #[must_use]
    pub fn texts(&self) -> Vec<(&'static str, String)> {
        match self {
            Details::None => Vec::new(),
            Details::StageNote(n) => vec![
                ("subject", n.subject.clone()),
                ("topic", n.topic.clone()),
                ("stage", n.stage.to_string()),
                (
                    "certainty",
                    n.certainty.map(|c| c.to_string()).unwrap_or_default(),
                ),
                (
                    "mi-process",
                    n.mi_process.map(|c| c.to_string()).unwrap_or_default(),
                ),
                (
                    "change-talk",
                    n.change_talk
                        .iter()
                        .map(|c| format!("- {}: {}", c.code, c.text))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                (
                    "importance",
                    n.importance.map(|v| v.to_string()).unwrap_or_default(),
                ),
                (
                    "confidence",
                    n.confidence.map(|v| v.to_string()).unwrap_or_default(),
                ),
                (
                    "review-on",
                    n.review_on.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
        }
    }

    /// Builds the details of `kind` from field texts (key → raw text); errors name the
    /// field's key so callers can point at its line.
    pub fn from_texts(
        kind: EntryKind,
        template: &Template,
        get: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Details, (String, String)> {
        let checked = |key: &str| -> Result<String, (String, String)> {
            let raw = get(key).unwrap_or_default();
            match template.field(key) {
                Some(spec) => check_field(spec, &raw).map_err(|e| (key.to_string(), e)),
                None => Ok(raw.trim().to_string()),
            }
        };
        let required = |key: &str, v: String| -> Result<String, (String, String)> {
            if v.is_empty() {
                let label = template.field(key).map_or(key, |f| f.label.as_str());
                Err((key.to_string(), format!("{label} is required")))
            } else {
                Ok(v)
            }
        };
        let word = |key: &str| -> Result<Option<String>, (String, String)> {
            checked(key).map(|v| (!v.is_empty()).then_some(v))
        };
        let num = |key: &str| -> Result<Option<u8>, (String, String)> {
            Ok(word(key)?.and_then(|v| v.parse().ok()))
        };
        match kind {
            EntryKind::StageNote => {
                let subject = required("subject", checked("subject")?)?;
                let topic = required("topic", checked("topic")?)?;
                let stage: Stage = required("stage", checked("stage")?)?
                    .parse()
                    .map_err(|e| ("stage".to_string(), e))?;
                let change_talk = items(&checked("change-talk")?)
                    .map(ChangeTalk::parse)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| ("change-talk".to_string(), e))?;
                Ok(Details::StageNote(StageNote {
                    subject,
                    topic,
                    stage,
                    certainty: word("certainty")?
                        .map(|v| v.parse())
                        .transpose()
                        .map_err(|e| ("certainty".to_string(), e))?,
                    mi_process: word("mi-process")?
                        .map(|v| v.parse())
                        .transpose()
                        .map_err(|e| ("mi-process".to_string(), e))?,
                    change_talk,
                    importance: num("importance")?,
                    confidence: num("confidence")?,
                    review_on: word("review-on")?.and_then(|d| parse_iso_date(&d)),
                }))
            }
            _ => Ok(Details::None),
        }
    }
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
