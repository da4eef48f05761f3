//! Writing a structured entry (stage note, call-in, supervision, CPD) from flags or in
//! `$EDITOR`: one path for every kind, so validation and rescue work the same everywhere.

use anyhow::{Result, bail};

use super::Ctx;
use crate::model::details::{absorb, check_field, typed_keys};
use crate::model::{Entry, Section, Template};

/// Field values given on the command line, by template key, in the order given.
#[derive(Debug, Default)]
pub struct Given(Vec<(String, String)>);

impl Given {
    /// Sets a field (a later value replaces an earlier one).
    pub fn put(&mut self, key: &str, value: Option<String>) {
        if let Some(v) = value {
            self.0.retain(|(k, _)| k != key);
            self.0.push((key.to_string(), v));
        }
    }

    /// Adds `--field KEY=VALUE` values, checking each key against the template.
    pub fn fields(&mut self, specs: &[String], template: &Template) -> Result<()> {
        for f in specs {
            let Some((k, v)) = f.split_once('=') else {
                bail!("--field '{f}' must look like KEY=VALUE");
            };
            let k = k.trim().to_lowercase();
            if template.field(&k).is_none() {
                bail!(
                    "{} has no field '{k}': its fields are {}",
                    template.name,
                    template.keys()
                );
            }
            self.put(&k, Some(v.to_string()));
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    /// Whether any field beyond `except` was given.
    #[must_use]
    pub fn has_any_but(&self, except: &[&str]) -> bool {
        self.0.iter().any(|(k, _)| !except.contains(&k.as_str()))
    }
}

/// Builds the entry: from the given fields when `in_editor` is false, otherwise by
/// opening `$EDITOR` on the template with the given fields filled in.
pub fn write(
    mut entry: Entry,
    template: &Template,
    given: &Given,
    in_editor: bool,
    ctx: &Ctx,
) -> Result<Entry> {
    if in_editor {
        for (k, v) in &given.0 {
            if let Some(f) = template.field(k) {
                entry.sections.retain(|s| s.key != *k);
                entry.sections.push(Section {
                    key: k.clone(),
                    label: f.label.clone(),
                    text: v.clone(),
                });
            }
        }
        return super::add::write_in_editor(entry, Some(template), ctx);
    }
    for (k, v) in &given.0 {
        if let Some(spec) = template.field(k) {
            check_field(spec, v).map_err(anyhow::Error::msg)?;
        }
    }
    absorb(&mut entry, template, &|k| given.get(k)).map_err(|(_, m)| anyhow::Error::msg(m))?;
    let typed = typed_keys(&template.id);
    for f in template
        .fields
        .iter()
        .filter(|f| !typed.contains(&f.key.as_str()))
    {
        if let Some(v) = given.get(&f.key) {
            entry.sections.retain(|s| s.key != f.key);
            entry.sections.push(Section {
                key: f.key.clone(),
                label: f.label.clone(),
                text: v.trim().to_string(),
            });
        }
    }
    Ok(entry)
}

/// A built-in template by id (present in every build: the catalog test parses them all).
pub fn template<'a>(ctx: &'a Ctx, id: &str) -> Result<&'a Template> {
    match ctx.catalog().template(id) {
        Some(t) => Ok(t),
        None => bail!("the {id} template is missing from this build"),
    }
}
