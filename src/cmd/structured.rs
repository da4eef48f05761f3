//! Writing a structured entry (stage note, call-in, supervision, CPD, the practice kinds)
//! from flags or in `$EDITOR`: one path for every kind, so validation and rescue work the
//! same everywhere; and what the practice kinds' commands share.

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::KindOptions;
use crate::model::details::{absorb, check_field, typed_keys};
use crate::model::{Entry, EntryKind, Section, SubjectType, Template};
use crate::store::Store;

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
    // Said in the form's words; on the command line, how to give it as well.
    absorb(&mut entry, template, &|k| given.get(k))
        .map_err(|(k, m)| anyhow::anyhow!("{m} (on the command line: --field {k}=…)"))?;
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
    // `- [ ]` lines of action sections (a session model's) become tracked actions, as
    // they do in the editor.
    let typed_actions = std::mem::take(&mut entry.actions);
    entry.actions = crate::model::compose::actions_from_sections(
        &mut entry.sections,
        Some(template),
        &typed_actions,
        ctx.clock.today(),
    );
    Ok(entry)
}

/// A built-in template by id (present in every build: the catalog test parses them all).
pub fn template<'a>(ctx: &'a Ctx, id: &str) -> Result<&'a Template> {
    match ctx.catalog().template(id) {
        Some(t) => Ok(t),
        None => bail!("the {id} template is missing from this build"),
    }
}

/// A new entry of a structured kind written in `template`: the default scope, today.
pub fn new_entry(ctx: &Ctx, kind: EntryKind, template: &str) -> Entry {
    let mut entry = Entry::new(kind, ctx.clock.today(), ctx.clock.now_utc());
    entry.model = Some(template.to_string());
    entry.scope = ctx.config.journal.default_scope;
    entry
}

/// Applies the options every practice kind takes (title, day, tags, flag, scope).
pub fn apply_kind_options(entry: &mut Entry, o: &KindOptions, ctx: &Ctx) -> Result<()> {
    if let Some(t) = &o.title {
        entry.title = t.trim().to_string();
    }
    if let Some(d) = o.on {
        entry.occurred_on = d.resolve(ctx.clock.today());
    }
    for t in &o.tags {
        let t = crate::model::compose::normalise_tag(t).map_err(anyhow::Error::msg)?;
        if !entry.tags.contains(&t) {
            entry.tags.push(t);
        }
    }
    if o.for_supervision {
        entry.for_supervision = true;
    }
    if let Some(s) = o.scope {
        entry.scope = s;
    }
    Ok(())
}

/// The entry `id` if it is of `kind` and not in the trash: what a status change needs.
pub fn entry_of_kind(store: &Store, id: &str, kind: EntryKind) -> Result<Entry> {
    let entry = store.entry_by_rowid(store.resolve_id(id)?)?;
    if entry.kind != kind {
        bail!(
            "entry {} is a {}, not a {kind}",
            entry.short_id(),
            entry.kind
        );
    }
    if entry.deleted_at.is_some() {
        bail!(
            "{kind} {} is in the trash: `praxis restore {}` first",
            entry.short_id(),
            entry.short_id()
        );
    }
    Ok(entry)
}

/// Adds a paragraph to a section of `entry` (made with its template label if new),
/// keeping the sections in the template's order.
pub fn append_section(entry: &mut Entry, template: &Template, key: &str, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    match entry.sections.iter_mut().find(|s| s.key == key) {
        Some(s) if !s.text.trim().is_empty() => {
            s.text = format!("{}\n\n{text}", s.text.trim_end());
        }
        Some(s) => s.text = text.to_string(),
        None => entry.sections.push(Section {
            key: key.to_string(),
            label: template
                .field(key)
                .map_or_else(|| key.to_string(), |f| f.label.clone()),
            text: text.to_string(),
        }),
    }
    entry.sections.sort_by_key(|s| {
        template
            .fields
            .iter()
            .position(|f| f.key == s.key)
            .unwrap_or(usize::MAX)
    });
}

/// Saves a new entry about the subject `key`: a subject new to the journal is added as
/// `kind` (and the writer told how to choose another type), in the same transaction.
pub fn save_about(ctx: &Ctx, entry: &Entry, key: &str, kind: SubjectType) -> Result<()> {
    let mut store = ctx.store()?;
    let new = !store.subject_exists(key)?;
    store.insert_with_subject(entry, Some((key, kind)))?;
    say!("{}", entry.short_id());
    if new {
        super::subjects::warn_if_name(key);
        eprintln!(
            "Added subject {key} as {} {kind} (for another type, add it first with `praxis subjects add {key} --type TYPE`).",
            if kind == SubjectType::Organisation {
                "an"
            } else {
                "a"
            }
        );
    }
    Ok(())
}

/// Prints the rows of a list as JSON, or each as a line; `empty` is said when none.
pub fn print_list<T: serde::Serialize>(
    rows: &[T],
    json: bool,
    empty: &str,
    line: impl Fn(&T) -> String,
) -> Result<()> {
    if json {
        say!("{}", crate::output::json(rows)?);
        return Ok(());
    }
    if rows.is_empty() {
        eprintln!("{empty}");
    }
    for r in rows {
        say!("{}", line(r));
    }
    Ok(())
}
