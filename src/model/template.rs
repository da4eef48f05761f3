//! Reflective models and entry-kind templates as data (PRACTICE.md §2–§5, §7, §8), and the
//! strengths vocabulary (§10). Parsed from TOML text here; files are read elsewhere.

use serde::{Deserialize, Serialize};

use super::EntryKind;

word_enum! {
    /// Quick models fit five minutes after a shift; deep ones a slower look.
    pub enum ModelDepth ("depth") {
        Quick = "quick",
        Deep = "deep",
    }
}

word_enum! {
    /// The shape of a template field's value.
    pub enum FieldType ("field type") {
        Text = "text",
        Date = "date",
        Int = "int",
        Choice = "choice",
        Bool = "bool",
        List = "list",
    }
}

fn text_type() -> FieldType {
    FieldType::Text
}

/// One section of a reflective model, or one field of a kind template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub prompts: Vec<String>,
    /// Lines written here can become tracked actions.
    #[serde(default)]
    pub action: bool,
    #[serde(default = "text_type", rename = "type")]
    pub kind: FieldType,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub options: Vec<String>,
    /// For lists: the shape of one item, shown as a hint.
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub required: bool,
}

/// A reflective model (kind `reflection`) or the template of a structured kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub source: Option<String>,
    pub purpose: String,
    #[serde(default)]
    pub depth: Option<ModelDepth>,
    #[serde(default)]
    pub kind: EntryKind,
    #[serde(alias = "sections")]
    pub fields: Vec<FieldSpec>,
}

/// A model or template file that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}:{line}:{column}: {message}")]
pub struct ModelError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Template {
    /// Parses a model or template; `origin` names the file in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Template, ModelError> {
        let t: Template = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| super::text::line_col(text, s.start));
            ModelError {
                origin: origin.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        t.check().map_err(|message| ModelError {
            origin: origin.to_string(),
            line: 1,
            column: 1,
            message,
        })?;
        Ok(t)
    }

    fn check(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("the id must not be empty".into());
        }
        if self.fields.is_empty() {
            return Err(format!("'{}' has no sections", self.id));
        }
        let mut seen = std::collections::HashSet::new();
        for f in &self.fields {
            if f.key.is_empty()
                || !f
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(format!(
                    "section key '{}' must be lowercase letters, digits and '-'",
                    f.key
                ));
            }
            if !seen.insert(f.key.as_str()) {
                return Err(format!("section key '{}' appears twice", f.key));
            }
            if f.kind == FieldType::Choice && f.options.is_empty() {
                return Err(format!("choice field '{}' has no options", f.key));
            }
        }
        Ok(())
    }

    #[must_use]
    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The valid section keys, for error messages.
    #[must_use]
    pub fn keys(&self) -> String {
        self.fields
            .iter()
            .map(|f| f.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A free model has one body section and no headings of its own.
    #[must_use]
    pub fn is_free(&self) -> bool {
        self.id == "free"
    }
}

/// Backwards-friendly name: a reflective model is a template of kind `reflection`.
pub type ReflectiveModel = Template;

/// One strength of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthSpec {
    pub name: String,
    #[serde(default)]
    pub hint: String,
}

/// A named group of strengths (Relating, Courage & integrity…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthGroup {
    pub name: String,
    pub strengths: Vec<StrengthSpec>,
}

/// The strengths a writer can tag: the defaults plus their own groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    pub groups: Vec<StrengthGroup>,
}

impl Vocabulary {
    /// Parses the vocabulary file format.
    pub fn parse(origin: &str, text: &str) -> Result<Vocabulary, ModelError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| super::text::line_col(text, s.start));
            ModelError {
                origin: origin.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
    }

    /// Adds groups; a group with an existing name gains the new strengths.
    pub fn extend(&mut self, groups: &[StrengthGroup]) {
        for g in groups {
            match self.groups.iter_mut().find(|x| x.name == g.name) {
                Some(existing) => {
                    for s in &g.strengths {
                        if !existing.strengths.iter().any(|x| x.name == s.name) {
                            existing.strengths.push(s.clone());
                        }
                    }
                }
                None => self.groups.push(g.clone()),
            }
        }
    }

    /// The group a strength belongs to, if it is in the vocabulary.
    #[must_use]
    pub fn group_of(&self, name: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g.strengths.iter().any(|s| s.name == name))
            .map(|g| g.name.as_str())
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.groups
            .iter()
            .flat_map(|g| g.strengths.iter().map(|s| s.name.as_str()))
    }

    /// Normalises a typed name to the vocabulary's spelling, or explains what is close.
    pub fn resolve(&self, typed: &str) -> Result<String, String> {
        let wanted = typed.trim().to_lowercase().replace(['_', ' '], "-");
        if self.names().any(|n| n == wanted) {
            return Ok(wanted);
        }
        let close = super::text::closest(&wanted, self.names(), 3);
        if close.is_empty() {
            Err(format!(
                "unknown strength '{}': see `praxis strengths` for the vocabulary, or add your own in the config's [strengths] table",
                typed.trim()
            ))
        } else {
            Err(format!(
                "unknown strength '{}': did you mean {}?",
                typed.trim(),
                close
                    .iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_template_reports_line_and_column() {
        let text =
            "id = \"x\"\nname = \"X\"\npurpose = \"p\"\n[[sections]]\nkey = \"a\"\nlabel = 3\n";
        let err = Template::parse("x.toml", text).unwrap_err();
        assert_eq!((err.line, err.column), (6, 9), "{err}");
        assert!(err.to_string().starts_with("x.toml:6:9:"), "{err}");
    }

    #[test]
    fn unknown_keys_in_templates_are_refused() {
        let text = "id = \"x\"\nname = \"X\"\npurpose = \"p\"\ncolour = \"red\"\n[[sections]]\nkey = \"a\"\nlabel = \"A\"\n";
        let err = Template::parse("x.toml", text).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn strength_suggestions_are_close_matches() {
        let v = Vocabulary::parse(
            "v",
            "[[groups]]\nname = \"Relating\"\nstrengths = [{ name = \"listening\" }, { name = \"warmth\" }]\n",
        )
        .unwrap();
        assert_eq!(v.resolve("Listening").unwrap(), "listening");
        let err = v.resolve("listning").unwrap_err();
        assert!(err.contains("did you mean 'listening'"), "{err}");
        assert!(
            v.resolve("zzzzzzzz")
                .unwrap_err()
                .contains("praxis strengths")
        );
    }
}
