//! `praxis subjects add|list|rename`: pseudonym keys, never real names.

use anyhow::Result;

use super::Ctx;
use crate::cli::SubjectsCommand;
use crate::model::text::pad;

pub use crate::model::rules::looks_like_a_name;

/// Warns on stderr when a key looks like a real full name.
pub(crate) fn warn_if_name(key: &str) {
    if looks_like_a_name(key) {
        note!(
            "praxis: warning: '{key}' looks like a real name. Subjects should be pseudonyms (e.g. 'YP-A', 'team-north'): `praxis subjects rename` can change it."
        );
    }
}

pub(crate) fn check_key(key: &str) -> Result<String> {
    crate::model::rules::check_subject_key(key).map_err(anyhow::Error::msg)
}

/// What names a subject, in words: "3 stage notes, 1 call-in, latest 2026-03-18".
fn what_names(r: &crate::store::SubjectRow) -> String {
    use crate::model::EntryKind as K;
    if r.entries.is_empty() {
        return "no entries yet".to_string();
    }
    let mut parts: Vec<String> = r
        .entries
        .iter()
        .map(|c| {
            let (one, many) = match c.kind {
                K::StageNote => ("stage note", "stage notes"),
                K::CallIn => ("call-in", "call-ins"),
                K::Recognition => ("recognition", "recognitions"),
                K::Feedback => ("piece of feedback", "pieces of feedback"),
                K::Rupture => ("rupture", "ruptures"),
                K::PositiveRisk => ("positive-risk plan", "positive-risk plans"),
                other => (other.as_str(), other.as_str()),
            };
            format!("{} {}", c.count, if c.count == 1 { one } else { many })
        })
        .collect();
    if let Some(d) = &r.last_on {
        parts.push(format!("latest {d}"));
    }
    parts.join(", ")
}

pub fn run(cmd: SubjectsCommand, ctx: &Ctx) -> Result<()> {
    match cmd {
        SubjectsCommand::Add { key, kind } => {
            let key = check_key(&key)?;
            warn_if_name(&key);
            ctx.store()?.add_subject(&key, kind, ctx.clock.now_utc())?;
            say!("Added subject {key} ({kind}).");
        }
        SubjectsCommand::List { json } => {
            let rows = ctx.store()?.subjects()?;
            if json {
                say!("{}", crate::output::json(&rows)?);
                return Ok(());
            }
            if rows.is_empty() {
                note!("No subjects yet: `praxis subjects add KEY` or `praxis stage KEY ...`.");
            }
            for r in &rows {
                say!(
                    "{} {}  {}",
                    ctx.out.bold(&pad(&ctx.out.line(&r.key), 20)),
                    pad(r.kind.as_str(), 12),
                    what_names(r)
                );
            }
        }
        SubjectsCommand::Rename { from, to } => {
            let to = check_key(&to)?;
            warn_if_name(&to);
            ctx.store()?.rename_subject(from.trim(), &to)?;
            say!("Renamed {} to {to}.", from.trim());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::looks_like_a_name;

    #[test]
    fn full_names_are_spotted() {
        assert!(looks_like_a_name("Jane Smith"));
        assert!(!looks_like_a_name("YP-A"));
        assert!(!looks_like_a_name("team north"));
        assert!(!looks_like_a_name("Jane"));
        assert!(!looks_like_a_name("NHS Trust"));
    }
}
