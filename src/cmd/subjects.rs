//! `praxis subjects add|list|rename`: pseudonym keys, never real names.

use anyhow::Result;

use super::Ctx;
use crate::cli::SubjectsCommand;
use crate::model::text::pad;

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

/// Warns on stderr when a key looks like a real full name.
pub(crate) fn warn_if_name(key: &str) {
    if looks_like_a_name(key) {
        note!(
            "praxis: warning: '{key}' looks like a real name. Subjects should be pseudonyms (e.g. 'YP-A', 'team-north'): `praxis subjects rename` can change it."
        );
    }
}

pub(crate) fn check_key(key: &str) -> Result<String> {
    let k = key.trim();
    if k.is_empty() || k.chars().any(char::is_control) {
        anyhow::bail!("'{key}' cannot be a subject key: use a short pseudonym such as 'YP-A'");
    }
    Ok(k.to_string())
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
                    "{} {}  {} stage note{}{}",
                    ctx.out.bold(&pad(&ctx.out.line(&r.key), 20)),
                    pad(r.kind.as_str(), 12),
                    r.stage_notes,
                    if r.stage_notes == 1 { "" } else { "s" },
                    r.last_note_on
                        .as_deref()
                        .map(|d| format!(", latest {d}"))
                        .unwrap_or_default()
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
