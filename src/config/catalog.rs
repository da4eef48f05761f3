//! The reflective models, kind templates and strengths vocabulary in force: the built-in
//! assets, overridden or extended by the user's files and config.

use std::borrow::Cow;
use std::path::Path;

use crate::config::Config;
use crate::model::{EntryKind, Template, Vocabulary};

/// Built-in reflective models, in the order `praxis models` lists them.
const BUILTIN_MODELS: &[(&str, &str)] = &[
    ("free.toml", include_str!("../../assets/models/free.toml")),
    (
        "borton.toml",
        include_str!("../../assets/models/borton.toml"),
    ),
    (
        "driscoll.toml",
        include_str!("../../assets/models/driscoll.toml"),
    ),
    (
        "schon-in-action.toml",
        include_str!("../../assets/models/schon-in-action.toml"),
    ),
    (
        "schon-on-action.toml",
        include_str!("../../assets/models/schon-on-action.toml"),
    ),
    ("gibbs.toml", include_str!("../../assets/models/gibbs.toml")),
    ("kolb.toml", include_str!("../../assets/models/kolb.toml")),
    ("johns.toml", include_str!("../../assets/models/johns.toml")),
    ("rolfe.toml", include_str!("../../assets/models/rolfe.toml")),
    (
        "brookfield.toml",
        include_str!("../../assets/models/brookfield.toml"),
    ),
    ("nmc.toml", include_str!("../../assets/models/nmc.toml")),
    (
        "cpd-log.toml",
        include_str!("../../assets/models/cpd-log.toml"),
    ),
    (
        "positive-risk.toml",
        include_str!("../../assets/models/positive-risk.toml"),
    ),
];

/// Built-in models of group and peer sessions (PRACTICE.md §17).
const BUILTIN_GROUP_MODELS: &[(&str, &str)] = &[
    (
        "action-learning.toml",
        include_str!("../../assets/models/action-learning.toml"),
    ),
    (
        "intervision.toml",
        include_str!("../../assets/models/intervision.toml"),
    ),
    (
        "balint.toml",
        include_str!("../../assets/models/balint.toml"),
    ),
    (
        "team-review.toml",
        include_str!("../../assets/models/team-review.toml"),
    ),
];

/// Built-in templates of the structured kinds.
const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "supervision-prep.toml",
        include_str!("../../assets/templates/supervision-prep.toml"),
    ),
    (
        "supervision-record.toml",
        include_str!("../../assets/templates/supervision-record.toml"),
    ),
    (
        "callin-plan.toml",
        include_str!("../../assets/templates/callin-plan.toml"),
    ),
    (
        "callin-outcome.toml",
        include_str!("../../assets/templates/callin-outcome.toml"),
    ),
    (
        "stage-note.toml",
        include_str!("../../assets/templates/stage-note.toml"),
    ),
    (
        "check-in.toml",
        include_str!("../../assets/templates/check-in.toml"),
    ),
    ("cpd.toml", include_str!("../../assets/templates/cpd.toml")),
    (
        "recognition.toml",
        include_str!("../../assets/templates/recognition.toml"),
    ),
    (
        "feedback.toml",
        include_str!("../../assets/templates/feedback.toml"),
    ),
    (
        "rupture.toml",
        include_str!("../../assets/templates/rupture.toml"),
    ),
    (
        "positive-risk-plan.toml",
        include_str!("../../assets/templates/positive-risk-plan.toml"),
    ),
    (
        "group-session.toml",
        include_str!("../../assets/templates/group-session.toml"),
    ),
];

/// The fields of the group-session template that come after a session model's sections.
const GROUP_TAIL: &[&str] = &[
    "learning",
    "agreed-actions",
    "peer-reflection",
    "counts-as-cpd",
];

const BUILTIN_STRENGTHS: &str = include_str!("../../assets/strengths.toml");

/// Models, templates and strengths for this run.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Reflective models (kind `reflection`).
    pub models: Vec<Template>,
    /// Models of group and peer sessions (kind `group-session`).
    pub group_models: Vec<Template>,
    pub templates: Vec<Template>,
    pub vocabulary: Vocabulary,
    /// Problems with the user's own files: reported, never fatal.
    pub warnings: Vec<String>,
}

fn parse_builtin(files: &[(&str, &str)]) -> Vec<Template> {
    files
        .iter()
        // Invariant: built-in assets are parsed by a unit test, so this cannot fail.
        .filter_map(|(name, text)| Template::parse(name, text).ok())
        .collect()
}

impl Catalog {
    /// The built-in assets alone.
    #[must_use]
    pub fn builtin() -> Catalog {
        let mut templates = parse_builtin(BUILTIN_TEMPLATES);
        // A call-in entry holds its plan and, once held, its outcome: one template of both.
        let plan = templates.iter().find(|t| t.id == "callin-plan").cloned();
        let outcome = templates.iter().find(|t| t.id == "callin-outcome").cloned();
        if let (Some(plan), Some(outcome)) = (plan, outcome) {
            let mut both = plan;
            both.id = "callin".into();
            both.name = "Call-in plan and outcome".into();
            both.fields.extend(outcome.fields);
            templates.push(both);
        }
        Catalog {
            models: parse_builtin(BUILTIN_MODELS),
            group_models: parse_builtin(BUILTIN_GROUP_MODELS),
            templates,
            vocabulary: Vocabulary::parse("strengths.toml", BUILTIN_STRENGTHS).unwrap_or_default(),
            warnings: Vec::new(),
        }
    }

    /// Built-ins plus `<config dir>/models/*.toml` and the config's own strengths. A broken
    /// user file becomes a warning with file, line and column; the rest still loads.
    #[must_use]
    pub fn load(config_dir: &Path, config: &Config) -> Catalog {
        let mut cat = Catalog::builtin();
        cat.vocabulary.extend(&config.strengths.groups);
        let dir = config_dir.join("models");
        let Ok(read) = std::fs::read_dir(&dir) else {
            return cat;
        };
        let mut files: Vec<_> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for path in files {
            let shown = path.display().to_string();
            let text = match crate::files::read_regular_text(&path, crate::config::MAX_FILE_BYTES) {
                Ok(t) => t,
                Err(e) => {
                    cat.warnings.push(format!("{shown}: cannot read: {e}"));
                    continue;
                }
            };
            match Template::parse(&shown, &text) {
                Ok(m) => {
                    let list = match m.kind {
                        EntryKind::Reflection => &mut cat.models,
                        EntryKind::GroupSession => &mut cat.group_models,
                        _ => {
                            cat.warnings.push(format!(
                                "{shown}: user models must be reflective models (kind = \"reflection\") or models of group sessions (kind = \"group-session\"); skipped"
                            ));
                            continue;
                        }
                    };
                    match list.iter_mut().find(|x| x.id == m.id) {
                        Some(existing) => *existing = m,
                        None => list.push(m),
                    }
                }
                Err(e) => cat
                    .warnings
                    .push(format!("{e}; the built-in models still load")),
            }
        }
        cat
    }

    /// A reflective model by id, or an error listing the ids.
    pub fn model(&self, id: &str) -> Result<&Template, String> {
        let wanted = id.trim().to_lowercase();
        self.models.iter().find(|m| m.id == wanted).ok_or_else(|| {
            format!(
                "unknown model '{}': expected one of {} (see `praxis models`)",
                id.trim(),
                self.models
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    }

    /// A built-in kind template by id.
    #[must_use]
    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// A model of group sessions by id, or an error listing the ids.
    pub fn group_model(&self, id: &str) -> Result<&Template, String> {
        let wanted = id.trim().to_lowercase();
        self.group_models
            .iter()
            .find(|m| m.id == wanted)
            .ok_or_else(|| {
                format!(
                    "unknown session model '{}': expected one of {} (see `praxis models`)",
                    id.trim(),
                    self.group_models
                        .iter()
                        .map(|m| m.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
    }

    /// The group-session template with a session model's sections in it (before what was
    /// learned and the actions); its id stays `group-session`, so its typed fields are
    /// read as that template's. Without a model (or an unknown one), the template alone.
    #[must_use]
    pub fn group_template(&self, model: Option<&str>) -> Option<Template> {
        let mut t = self.template("group-session")?.clone();
        let Some(m) = model.and_then(|id| self.group_model(id).ok()) else {
            return Some(t);
        };
        let at = t
            .fields
            .iter()
            .position(|f| GROUP_TAIL.contains(&f.key.as_str()))
            .unwrap_or(t.fields.len());
        let own: Vec<_> = m
            .fields
            .iter()
            .filter(|f| t.field(&f.key).is_none())
            .cloned()
            .collect();
        t.fields.splice(at..at, own);
        t.name = format!("{} · {}", t.name, m.name);
        Some(t)
    }

    /// The model or template an entry is written in: a reflection's model, a group
    /// session's template with its model, or a structured kind's template.
    #[must_use]
    pub fn for_entry(&self, kind: EntryKind, model: Option<&str>) -> Option<Cow<'_, Template>> {
        match kind {
            EntryKind::Reflection => model.and_then(|m| self.model(m).ok()).map(Cow::Borrowed),
            EntryKind::GroupSession => self.group_template(model).map(Cow::Owned),
            _ => model
                .and_then(|m| self.template(m).or_else(|| self.model(m).ok()))
                .map(Cow::Borrowed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_asset_parses() {
        for (name, text) in BUILTIN_MODELS
            .iter()
            .chain(BUILTIN_TEMPLATES)
            .chain(BUILTIN_GROUP_MODELS)
        {
            Template::parse(name, text).unwrap_or_else(|e| panic!("{e}"));
        }
        let v = Vocabulary::parse("strengths.toml", BUILTIN_STRENGTHS).unwrap();
        assert_eq!(v.groups.len(), 4);
        assert_eq!(v.names().count(), 26);
        let c = Catalog::builtin();
        assert_eq!(c.models.len(), BUILTIN_MODELS.len());
        assert_eq!(c.templates.len(), BUILTIN_TEMPLATES.len() + 1);
        let both = c.template("callin").unwrap();
        assert!(both.field("approach").is_some() && both.field("follow-up-on").is_some());
    }

    #[test]
    fn user_models_override_and_broken_ones_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let models = dir.path().join("models");
        std::fs::create_dir(&models).unwrap();
        std::fs::write(
            models.join("gibbs.toml"),
            "id = \"gibbs\"\nname = \"My Gibbs\"\npurpose = \"mine\"\n[[sections]]\nkey = \"what\"\nlabel = \"What\"\n",
        )
        .unwrap();
        std::fs::write(models.join("broken.toml"), "id = \"b\"\nname = \n").unwrap();
        let c = Catalog::load(dir.path(), &Config::default());
        assert_eq!(c.model("gibbs").unwrap().name, "My Gibbs");
        assert_eq!(c.models.len(), BUILTIN_MODELS.len());
        assert_eq!(c.warnings.len(), 1);
        assert!(c.warnings[0].contains("broken.toml:2:"), "{:?}", c.warnings);
        assert!(c.model("nope").unwrap_err().contains("free, borton"));
    }
}
