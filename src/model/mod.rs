//! Pure domain types of a reflective-practice journal (PRACTICE.md): no I/O, no SQL.

/// Defines a closed set of names stored and typed as lowercase-hyphenated words, with
/// parsing that lists the valid names when given an unknown one.
macro_rules! word_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident ($what:literal) { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The valid words, for error messages and help.
            #[must_use]
            pub fn words() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                // The word as stored (every row the store reads) is matched as it is;
                // only a word as typed is trimmed, lowered and given its dashes.
                if let Some(v) = Self::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let wanted = s.trim().to_lowercase().replace(['_', ' '], "-");
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| format!("unknown {} '{}': expected one of {}", $what, s.trim(), Self::words()))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub mod compose;
pub mod date;
pub mod details;
pub mod doc;
pub mod entry;
pub mod practice;
pub mod rules;
mod template;
pub mod text;

pub use date::{DateArg, parse_date_arg};
pub use details::{
    AgendaItem, Approach, CallIn, CallInStatus, Certainty, ChangeTalk, ChangeTalkCode, Cpd,
    Details, Function, MiProcess, Rupture, SessionStage, SessionType, Stage, StageNote,
    SubjectType, Supervision, Want,
};
pub use doc::{DocError, Document, DocumentSpec, render_document};
pub use entry::{
    Action, ActionStatus, Carrying, CheckIn, Entry, EntryKind, EntrySummary, Load, Scope, Section,
    StrengthTag, Whose,
};
pub use practice::{
    Direction, Feedback, FeedbackSource, GroupFormat, GroupRole, GroupSession, PlanStatus,
    PositiveRisk, Recognition, ReviewDecision, RiskReview, RuptureKind, RuptureNote, RuptureStatus,
    Said, Tone,
};
pub use template::{
    FieldSpec, FieldType, ModelDepth, ModelError, ReflectiveModel, StrengthGroup, StrengthSpec,
    Template, Vocabulary,
};
