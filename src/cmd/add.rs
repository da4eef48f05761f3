//! `praxis add`: quick capture from the command line, a pipe, or `$EDITOR`.

use anyhow::{Context as _, Result, bail};

use super::Ctx;
use crate::cli::{AddArgs, EntryOptions};
use crate::editor::Purpose;
use crate::model::compose::{apply_document, normalise_tag, parse_strength, render_entry};
use crate::model::text::split_title;
use crate::model::{CheckIn, Entry, EntryKind, Section, Template};

pub fn run(args: AddArgs, ctx: &Ctx) -> Result<()> {
    let catalog = ctx.catalog();
    let model: Option<&Template> = match (&args.model, args.kind) {
        (Some(id), _) => Some(catalog.model(id).map_err(anyhow::Error::msg)?),
        (None, EntryKind::Reflection) if !args.sections.is_empty() => Some(
            catalog
                .model(&ctx.config.journal.default_model)
                .map_err(anyhow::Error::msg)?,
        ),
        _ => None,
    };
    if let Some(how) = practice_command(args.kind) {
        bail!(
            "a {} is written with `{how}`, which asks for what it needs",
            args.kind
        );
    }
    if args.model.is_some() && args.kind != EntryKind::Reflection {
        bail!(
            "--model applies to reflections only (this entry's kind is {})",
            args.kind
        );
    }
    let now = ctx.clock.now_utc();
    let mut entry = Entry::new(args.kind, ctx.clock.today(), now);
    entry.model = model.map(|m| m.id.clone());
    entry.scope = ctx.config.journal.default_scope;
    apply_options(&mut entry, &args.opts, ctx)?;
    for spec in &args.sections {
        let Some(m) = model else {
            bail!("--section needs a model with sections: add --model ID (see `praxis models`)");
        };
        let (key, text) = spec
            .split_once('=')
            .with_context(|| format!("--section '{spec}' must look like KEY=TEXT"))?;
        let key = key.trim().to_lowercase();
        let Some(field) = m.field(&key) else {
            bail!(
                "model '{}' has no section '{key}': its sections are {}",
                m.id,
                m.keys()
            );
        };
        entry.sections.retain(|s| s.key != key);
        entry.sections.push(Section {
            key,
            label: field.label.clone(),
            text: text.trim().to_string(),
        });
    }
    if let Some(m) = model {
        // Keep sections in the model's order.
        entry
            .sections
            .sort_by_key(|s| m.fields.iter().position(|f| f.key == s.key));
    }

    let piped = if args.text.is_empty() && args.sections.is_empty() {
        // An empty pipe (cron, /dev/null) is no text: the editor is opened instead.
        super::piped_stdin()?.filter(|t| !t.trim().is_empty())
    } else {
        None
    };
    let text = if args.text.is_empty() {
        piped.clone()
    } else {
        Some(args.text.join(" "))
    };
    let done = save(args, entry, model, text, ctx);
    // Piped text was read once and is nowhere else: if it could not be saved (a busy or
    // full journal, a mistake), it is kept in a rescue file as the editor's text is, and
    // the error says where.
    if done.is_err()
        && let Some(piped) = piped
        && let Ok(held) = crate::editor::Written::held(
            &piped,
            &Purpose::new_entry(EntryKind::Reflection, None),
            &ctx.paths.rescue_dir(),
        )
    {
        ctx.hold_unsaved(held, "Nothing was saved");
    }
    done
}

/// Saves the entry `add` was given, with `text` (none: written in the editor).
fn save(
    args: AddArgs,
    mut entry: Entry,
    model: Option<&Template>,
    text: Option<String>,
    ctx: &Ctx,
) -> Result<()> {
    let catalog = ctx.catalog();
    let in_editor = text.is_none();
    let entry = match text {
        Some(text) => {
            if args.opts.title.is_some() {
                entry.body = text.trim().to_string();
            } else {
                let (title, body) = split_title(&text);
                // A first line with no sentence end (pasted text) is not a title: its
                // whole words up to a title's length are, the rest begins the body.
                let (short, more) = crate::model::compose::cut_title(&title);
                entry.body = match (more.is_empty(), body.is_empty()) {
                    (true, _) => body,
                    (false, true) => more,
                    (false, false) => {
                        let whole_line = text.trim().lines().next().map(str::trim) == Some(&title);
                        format!("{more}{}{body}", if whole_line { "\n" } else { " " })
                    }
                };
                entry.title = short;
            }
            entry
        }
        None if !args.sections.is_empty()
            || (args.kind == EntryKind::CheckIn && entry.checkin.is_some()) =>
        {
            entry
        }
        None => {
            // Writing a reflection in the editor uses the configured default model.
            let model = match model {
                Some(m) => Some(m),
                None if args.kind == EntryKind::Reflection => Some(
                    catalog
                        .model(&ctx.config.journal.default_model)
                        .map_err(anyhow::Error::msg)?,
                ),
                None => None,
            };
            let mut e = entry;
            e.model = model.filter(|m| !m.is_free()).map(|m| m.id.clone());
            write_in_editor(e, model, ctx)?
        }
    };
    let mut entry = entry;
    let due = args.due.map(|d| d.resolve_ahead(ctx.clock.today()));
    for text in &args.actions {
        let text = text.trim();
        if text.is_empty() {
            bail!("--action needs the action's text");
        }
        entry.actions.push(crate::model::Action::new(text, due));
    }
    if model.is_some_and(|m| !m.is_free()) {
        entry.actions = crate::model::compose::actions_from_sections(
            &mut entry.sections,
            model,
            &entry.actions,
            ctx.clock.today(),
        );
    }
    crate::model::rules::fill_title(&mut entry);
    if entry.title.trim().is_empty() && entry.checkin.is_some() {
        entry.title = "Check-in".into();
    }
    if entry.is_blank() {
        bail!("nothing to save: the entry is empty");
    }
    let mut store = ctx.store()?;
    store.insert_entry(&entry)?;
    ctx.text_saved();
    say!("{}", entry.short_id());
    if !in_editor {
        note_rescued(ctx);
    }
    Ok(())
}

/// The command that writes an entry of a structured kind: its facts (a subject and
/// stage, hours, a session's date...) are asked there; `add` would save the text alone,
/// an entry the kind's lists, sums and agendas could not count (PRACTICE.md §12).
fn practice_command(kind: EntryKind) -> Option<&'static str> {
    match kind {
        EntryKind::Supervision => Some("praxis supervision record"),
        EntryKind::CallIn => Some("praxis callin new"),
        EntryKind::StageNote => Some("praxis stage SUBJECT"),
        EntryKind::CheckIn => Some("praxis checkin"),
        EntryKind::Cpd => Some("praxis cpd add"),
        EntryKind::Recognition => Some("praxis recognise"),
        EntryKind::Feedback => Some("praxis feedback add"),
        EntryKind::Rupture => Some("praxis rupture new"),
        EntryKind::PositiveRisk => Some("praxis positive-risk plan"),
        EntryKind::GroupSession => Some("praxis group new"),
        _ => None,
    }
}

/// Says where text written for a new entry in the editor, never saved, is kept: the next
/// entry written in the editor offers it back, and one given as text would not.
fn note_rescued(ctx: &Ctx) {
    let dir = ctx.paths.rescue_dir();
    crate::editor::sweep(&dir);
    if let Some((_, path)) = crate::editor::rescued(&dir)
        .into_iter()
        .find(|(p, _)| p.as_str().starts_with("new-"))
    {
        note!(
            "praxis: note: text you wrote in the editor was not saved; it is kept in {} \
             (writing that kind of entry in the editor again offers it back)",
            path.display()
        );
    }
}

/// Applies the options every entry-writing command shares.
pub(crate) fn apply_options(entry: &mut Entry, o: &EntryOptions, ctx: &Ctx) -> Result<()> {
    if let Some(t) = &o.title {
        entry.title = t.trim().to_string();
    }
    if let Some(d) = o.on {
        entry.occurred_on = d.resolve(ctx.clock.today());
    }
    let vocab = &ctx.catalog().vocabulary;
    for s in &o.strengths {
        let tag = parse_strength(s, vocab).map_err(anyhow::Error::msg)?;
        if !entry.strengths.contains(&tag) {
            entry.strengths.push(tag);
        }
    }
    for t in &o.tags {
        let t = normalise_tag(t).map_err(anyhow::Error::msg)?;
        if !entry.tags.contains(&t) {
            entry.tags.push(t);
        }
    }
    let mut c = entry.checkin.clone().unwrap_or_default();
    c.mood = o.mood.or(c.mood);
    c.energy = o.energy.or(c.energy);
    c.load = o.load.or(c.load);
    c.carrying = o.carrying.or(c.carrying);
    if let Some(w) = o.word.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        c.word = Some(w.to_string());
    }
    if let Some(h) = o.helped.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        c.helped = Some(h.to_string());
    }
    c.validate().map_err(anyhow::Error::msg)?;
    entry.checkin = (c != CheckIn::default()).then_some(c);
    if o.for_supervision {
        entry.for_supervision = true;
    }
    if let Some(s) = o.scope {
        entry.scope = s;
    }
    Ok(())
}

/// Opens the entry's skeleton in `$EDITOR` and reads it back. The journal is opened and
/// checked first, so that one that cannot take the entry (newer, damaged, not a file)
/// is refused before a word is written. The text is held by the session until the
/// command saves it: whatever fails after the editor, it is kept in a rescue file, and
/// the next editor session for the same kind of entry (or the same entry) offers it back.
pub(crate) fn write_in_editor(entry: Entry, model: Option<&Template>, ctx: &Ctx) -> Result<Entry> {
    ctx.store()?.ensure_writable()?;
    let skeleton = render_entry(&entry, model);
    let command = crate::editor::editor_command(&ctx.config.editor.command)?;
    let (purpose, meaning) = if entry.version > 0 {
        (
            Purpose::edit(&entry.short_id()),
            "The entry was not changed",
        )
    } else {
        (
            Purpose::new_entry(entry.kind, entry.model.as_deref()),
            "Nothing was saved",
        )
    };
    let rescue_dir = ctx.paths.rescue_dir();
    let (initial, from) = offer_rescued(&rescue_dir, &purpose)
        .map_or((skeleton.clone(), None), |(text, path)| (text, Some(path)));
    let written = crate::editor::write(&command, &initial, &purpose, &rescue_dir, from)?;
    if written.text == skeleton {
        written.saved();
        bail!("nothing was written; no entry saved");
    }
    let text = written.text.clone();
    ctx.hold_unsaved(written, meaning);
    apply_document(
        &text,
        &entry,
        model,
        &ctx.catalog().vocabulary,
        ctx.clock.today(),
    )
    .map_err(anyhow::Error::msg)
}

/// The latest text kept for `purpose` that was never saved, if the writer wants to go on
/// with it: asked on a terminal (yes unless they say no), and only noted without one.
pub(crate) fn offer_rescued(
    rescue_dir: &std::path::Path,
    purpose: &Purpose,
) -> Option<(String, std::path::PathBuf)> {
    use std::io::IsTerminal as _;
    crate::editor::sweep(rescue_dir);
    let latest = crate::editor::waiting(rescue_dir, purpose)
        .into_iter()
        .next()?;
    let text = crate::files::read_regular_text(&latest, 256 << 20).ok()?;
    if !std::io::stdin().is_terminal() {
        note!(
            "praxis: note: text you wrote earlier was not saved; it is kept in {}",
            latest.display()
        );
        return None;
    }
    note_raw!(
        "Text you wrote earlier was not saved; it is kept in {}.\nGo on with it in the editor? [Y/n] ",
        latest.display()
    );
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return None;
    }
    if matches!(answer.trim().to_lowercase().as_str(), "" | "y" | "yes") {
        Some((text, latest))
    } else {
        note!("It stays in {} until you remove it.", latest.display());
        None
    }
}
