//! Configuration: built-in defaults, then the user's TOML file. Every key is optional and
//! unknown keys are refused with the file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Scope, StrengthGroup, text::line_col};

pub mod catalog;
pub mod paths;

/// The largest config or model file praxis reads: far beyond any real one, and a bound
/// on what a wrong path (`--config /dev/zero`) can cost.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The documented default configuration, written by `praxis config init`.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/default-config.toml");

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub journal: JournalConfig,
    pub editor: EditorConfig,
    pub supervision: SupervisionConfig,
    pub backup: BackupConfig,
    pub ui: UiConfig,
    pub strengths: StrengthsConfig,
    pub privacy: PrivacyConfig,
    pub security: SecurityConfig,
    /// Key bindings by action name; checked against the actions when the app starts.
    pub keys: BTreeMap<String, KeyList>,
}

/// One key or a list of keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    #[must_use]
    pub fn keys(&self) -> Vec<String> {
        match self {
            KeyList::One(k) => vec![k.clone()],
            KeyList::Many(ks) => ks.clone(),
        }
    }
}

/// Colours of the terminal app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light or dark after the terminal's background where it says (`COLORFGBG`), else
    /// dark.
    #[default]
    Default,
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
    /// Bright on a dark background.
    HighContrast,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UiConfig {
    pub theme: ThemeName,
    /// Click to focus and select, wheel to scroll. Off leaves the terminal's own
    /// selection alone.
    pub mouse: bool,
    /// Seconds of quiet after typing before the draft is saved (at least every
    /// five seconds while the typing goes on).
    pub draft_seconds: u64,
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            theme: ThemeName::Default,
            mouse: true,
            draft_seconds: 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackupConfig {
    /// Daily automatic backups to keep (0 turns them off).
    pub keep: usize,
}

impl Default for BackupConfig {
    fn default() -> Self {
        BackupConfig { keep: 7 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JournalConfig {
    pub default_scope: Scope,
    pub default_model: String,
}

impl Default for JournalConfig {
    fn default() -> Self {
        JournalConfig {
            default_scope: Scope::Private,
            default_model: "free".into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EditorConfig {
    pub command: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SupervisionConfig {
    pub stale_stage_weeks: u32,
}

impl Default for SupervisionConfig {
    fn default() -> Self {
        SupervisionConfig {
            stale_stage_weeks: 6,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StrengthsConfig {
    pub groups: Vec<StrengthGroup>,
}

/// What exports must never let out, and what the identifiability check should leave
/// alone (PRACTICE.md §9). Both lists are matched whole-word and case-insensitively.
///
/// ```toml
/// [privacy]
/// never_export = ["Rowan Ward", "Larchfield House"]
/// allow = ["Okonkwo", "Sure Start"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PrivacyConfig {
    /// Words or phrases that must never leave the machine: your workplace, a ward, a
    /// team, a place. A redacted export replaces them with `[REDACTED-n]`, and
    /// `praxis export --check` lists them.
    pub never_export: Vec<String>,
    /// Words (or phrases) the check never flags as a possible name: a word of your field
    /// it mistakes for one. Contact details, ID numbers, dates and subject keys are
    /// flagged whatever this says.
    pub allow: Vec<String>,
}

impl PrivacyConfig {
    /// Every entry must hold a word: an empty one would match nothing, a one-letter one
    /// nearly everything.
    fn check(&self) -> Result<(), (&'static str, String)> {
        for (key, list) in [("never_export", &self.never_export), ("allow", &self.allow)] {
            for w in list {
                let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
                if letters == 0 {
                    return Err((
                        key,
                        format!("privacy.{key} has an entry with no word in it ({w:?}): remove it"),
                    ));
                }
                if key == "never_export" && letters < 2 {
                    return Err((
                        key,
                        format!(
                            "privacy.never_export entry {w:?} is too short: it would hide every \
                             {w:?} in an export (give a word of two or more letters)"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The app's idle lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// Minutes without a key or a click before the app locks an encrypted journal (0:
    /// never). Ten: a pause to think or to read an entry through does not lock it, and a
    /// laptop left open in a shared office is not open for long.
    pub lock_after_minutes: u64,
    /// Minutes an encrypted journal's key is remembered between commands, in the kernel's
    /// keyring of this login session (0, the default: never; the passphrase is asked by
    /// every command). Each use gives it its full time again; `praxis lock` forgets it.
    pub remember_key_minutes: u64,
}

/// The longest idle time the lock may wait: a day.
pub const MAX_LOCK_MINUTES: u64 = 24 * 60;

impl Default for SecurityConfig {
    fn default() -> Self {
        SecurityConfig {
            lock_after_minutes: 10,
            remember_key_minutes: 0,
        }
    }
}

impl SecurityConfig {
    /// How long the app waits before it locks, or None when it never does.
    #[must_use]
    pub fn lock_after(&self) -> Option<std::time::Duration> {
        (self.lock_after_minutes > 0)
            .then(|| std::time::Duration::from_secs(self.lock_after_minutes.saturating_mul(60)))
    }

    /// How long the journal's key is remembered between commands, or None when it is not.
    #[must_use]
    pub fn remember_key(&self) -> Option<std::time::Duration> {
        (self.remember_key_minutes > 0)
            .then(|| std::time::Duration::from_secs(self.remember_key_minutes.saturating_mul(60)))
    }
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config file {} does not exist: create it with `praxis config init`, or drop --config/PRAXIS_CONFIG", path.display())]
    Missing { path: PathBuf },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl Config {
    /// Reads the config at `path`. A missing file means defaults, unless the user named
    /// the file explicitly.
    pub fn load(path: &Path, explicit: bool) -> Result<Config, ConfigError> {
        let text = match crate::files::read_regular_text(path, MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return if explicit {
                    Err(ConfigError::Missing {
                        path: path.to_path_buf(),
                    })
                } else {
                    Ok(Config::default())
                };
            }
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Self::parse(path, &text)
    }

    /// Parses config text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        if config.journal.default_model.trim().is_empty() {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "journal.default_model must name a model (see `praxis models`)".into(),
            });
        }
        if let Err((key, message)) = config.privacy.check() {
            let (line, column) = key_position(text, "privacy", key);
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message,
            });
        }
        let minutes = [
            (
                "lock_after_minutes",
                config.security.lock_after_minutes,
                "0 for never",
            ),
            (
                "remember_key_minutes",
                config.security.remember_key_minutes,
                "0 to ask for the passphrase every time",
            ),
        ];
        if let Some((key, n, zero)) = minutes.into_iter().find(|m| m.1 > MAX_LOCK_MINUTES) {
            let (line, column) = key_position(text, "security", key);
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "security.{key} is {n}: give minutes from 1 to {MAX_LOCK_MINUTES} (a day), \
                     or {zero}"
                ),
            });
        }
        Ok(config)
    }

    /// The effective configuration as TOML.
    #[must_use]
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

/// Line and column of the first line that sets `key` (`key = …` or `section.key = …`),
/// or 1:1.
fn key_position(text: &str, section: &str, key: &str) -> (usize, usize) {
    let dotted = format!("{section}.");
    text.lines()
        .enumerate()
        .find_map(|(i, l)| {
            let t = l.trim_start();
            let rest = t.strip_prefix(dotted.as_str()).unwrap_or(t);
            let after = rest.strip_prefix(key)?;
            after
                .trim_start()
                .starts_with('=')
                .then(|| (i + 1, l.len() - t.len() + 1))
        })
        .unwrap_or((1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_default_is_the_default() {
        let c = Config::parse(Path::new("default"), DEFAULT_CONFIG).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn a_partial_file_keeps_other_defaults() {
        let c = Config::parse(Path::new("c"), "[supervision]\nstale_stage_weeks = 3\n").unwrap();
        assert_eq!(c.supervision.stale_stage_weeks, 3);
        assert_eq!(c.journal, JournalConfig::default());
    }

    #[test]
    fn errors_name_file_line_column_and_expectation() {
        let err = Config::parse(
            Path::new("/x/config.toml"),
            "[journal]\ndefault_scope = \"public\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("/x/config.toml:2:17:"), "{err}");
        assert!(err.contains("private, supervision, shareable"), "{err}");
        let err = Config::parse(Path::new("c.toml"), "[journal]\ncolour = 1\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:1:") && err.contains("colour"),
            "{err}"
        );
        let err = Config::parse(
            Path::new("c.toml"),
            "[supervision]\nstale_stage_weeks = \"six\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("c.toml:2:21"), "{err}");
    }

    #[test]
    fn privacy_lists_are_read_and_checked() {
        let c = Config::parse(
            Path::new("c.toml"),
            "[privacy]\nnever_export = [\"Rowan Ward\", \"Larchfield\"]\nallow = [\"Okonkwo\"]\n",
        )
        .unwrap();
        assert_eq!(c.privacy.never_export, ["Rowan Ward", "Larchfield"]);
        assert_eq!(c.privacy.allow, ["Okonkwo"]);
        assert_eq!(Config::default().privacy, PrivacyConfig::default());
        let err = |t: &str| {
            Config::parse(Path::new("c.toml"), t)
                .unwrap_err()
                .to_string()
        };
        let e = err("[privacy]\nnever_export = \"Rowan Ward\"\n");
        assert!(
            e.starts_with("c.toml:2:16:") && e.contains("sequence"),
            "{e}"
        );
        let e = err("[privacy]\nnever_exports = []\n");
        assert!(
            e.starts_with("c.toml:2:1:") && e.contains("never_exports"),
            "{e}"
        );
        let e = err("[privacy]\nallow = [1]\n");
        assert!(e.starts_with("c.toml:2:10:"), "{e}");
        let e = err("[privacy]\nallow = [\"ok\"]\n  never_export = [\"x\"]\n");
        assert!(
            e.starts_with("c.toml:3:3:") && e.contains("too short"),
            "{e}"
        );
        let e = err("[privacy]\nallow = [\" \"]\n");
        assert!(e.starts_with("c.toml:2:1:") && e.contains("no word"), "{e}");
    }

    #[test]
    fn the_idle_lock_is_read_and_checked() {
        let d = Config::default().security;
        assert_eq!(d.lock_after_minutes, 10);
        assert_eq!(d.lock_after(), Some(std::time::Duration::from_secs(600)));
        let c = Config::parse(Path::new("c.toml"), "[security]\nlock_after_minutes = 0\n").unwrap();
        assert_eq!(c.security.lock_after(), None);
        let err = |t: &str| {
            Config::parse(Path::new("c.toml"), t)
                .unwrap_err()
                .to_string()
        };
        let e = err("[security]\nlock_after_minutes = \"ten\"\n");
        assert!(e.starts_with("c.toml:2:22:") && e.contains("u64"), "{e}");
        let e = err("[security]\nlock_after_minutes = -5\n");
        assert!(e.starts_with("c.toml:2:22:"), "{e}");
        let e = err("[security]\nlock_after_minutes = 2.5\n");
        assert!(e.starts_with("c.toml:2:22:"), "{e}");
        let e = err("[ui]\nmouse = true\n[security]\n  lock_after_minutes = 100000\n");
        assert!(
            e.starts_with("c.toml:4:3:") && e.contains("0 for never"),
            "{e}"
        );
        let e = err("[security]\nlock_after = 5\n");
        assert!(
            e.starts_with("c.toml:2:1:") && e.contains("lock_after"),
            "{e}"
        );
    }

    #[test]
    fn remembering_the_key_is_off_unless_asked_and_checked() {
        assert_eq!(Config::default().security.remember_key(), None);
        let c = Config::parse(
            Path::new("c.toml"),
            "[security]\nremember_key_minutes = 5\n",
        )
        .unwrap();
        assert_eq!(
            c.security.remember_key(),
            Some(std::time::Duration::from_secs(300))
        );
        let e = Config::parse(
            Path::new("c.toml"),
            "[security]\nremember_key_minutes = 9999\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("c.toml:2:1:") && e.contains("ask for the passphrase every time"),
            "{e}"
        );
    }
}
