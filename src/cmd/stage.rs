//! `praxis stage` records a stage-of-change note; `praxis stages` prints the timeline.

use anyhow::{Result, bail};

use crate::Ctx;
use crate::cli::StageArgs;
use crate::model::{Details, Entry, EntryKind, Section, Stage, details::check_field};

pub fn record(args: StageArgs, ctx: &Ctx) -> Result<()> {
    let subject = super::subjects::check_key(&args.subject)?;
    let catalog = ctx.catalog();
    let Some(template) = catalog.template("stage-note") else {
        bail!("the stage-note template is missing from this build");
    };
    let mut entry = Entry::new(EntryKind::StageNote, ctx.clock.today(), ctx.clock.now_utc());
    entry.model = Some(template.id.clone());
    entry.scope = ctx.config.journal.default_scope;
    super::add::apply_options(&mut entry, &args.opts, ctx)?;

    // Field texts by key: the named flags, then --field KEY=VALUE.
    let mut given: Vec<(String, String)> = vec![("subject".into(), subject.clone())];
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            given.retain(|(x, _)| x != k);
            given.push((k.to_string(), v));
        }
    };
    put("topic", args.topic.clone());
    put("stage", args.stage.map(|s| s.to_string()));
    put("certainty", args.certainty.map(|s| s.to_string()));
    put("evidence", args.evidence.clone());
    put("mi-process", args.process.map(|s| s.to_string()));
    if !args.change_talk.is_empty() {
        put("change-talk", Some(args.change_talk.join("\n")));
    }
    put("sustain-talk", args.sustain_talk.clone());
    put("discord", args.discord.clone());
    put("importance", args.importance.map(|v| v.to_string()));
    put("confidence", args.confidence.map(|v| v.to_string()));
    put("oars", args.reflection.clone());
    put("next-step", args.next_step.clone());
    put(
        "review-on",
        args.review
            .map(|d| d.resolve_ahead(ctx.clock.today()).to_string()),
    );
    for f in &args.fields {
        let Some((k, v)) = f.split_once('=') else {
            bail!("--field '{f}' must look like KEY=VALUE");
        };
        let k = k.trim().to_lowercase();
        if template.field(&k).is_none() {
            bail!(
                "the stage note has no field '{k}': its fields are {}",
                template.keys()
            );
        }
        put(&k, Some(v.to_string()));
    }
    let get = |k: &str| given.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());

    let entry = if args.stage.is_none() && get("stage").is_none() {
        // No stage given: write the note in the editor, with what is known filled in
        // (typed fields are read back from their sections by the document parser).
        let mut draft = entry;
        draft.sections = given
            .iter()
            .filter_map(|(k, v)| {
                template.field(k).map(|f| Section {
                    key: k.clone(),
                    label: f.label.clone(),
                    text: v.clone(),
                })
            })
            .collect();
        super::add::write_in_editor(draft, Some(template), ctx)?
    } else {
        for (k, v) in &given {
            if let Some(spec) = template.field(k) {
                check_field(spec, v).map_err(anyhow::Error::msg)?;
            }
        }
        entry.details = Details::from_texts(EntryKind::StageNote, template, &get)
            .map_err(|(_, msg)| anyhow::Error::msg(msg))?;
        let typed = crate::model::details::typed_keys(EntryKind::StageNote);
        entry.sections = template
            .fields
            .iter()
            .filter(|f| !typed.contains(&f.key.as_str()))
            .filter_map(|f| {
                get(&f.key).map(|v| Section {
                    key: f.key.clone(),
                    label: f.label.clone(),
                    text: v.trim().to_string(),
                })
            })
            .collect();
        entry
    };
    let mut entry = entry;
    let Details::StageNote(note) = &entry.details else {
        bail!("a stage note needs a subject, a topic and a stage");
    };
    if entry.title.trim().is_empty() {
        entry.title = format!("{} · {} · {}", note.subject, note.topic, note.stage);
    }
    let subject = note.subject.clone();
    let mut store = ctx.store()?;
    if !store.subject_exists(&subject)? {
        super::subjects::warn_if_name(&subject);
        eprintln!("Added subject {subject} (person): change with `praxis subjects` if needed.");
    }
    store.insert_entry(&entry)?;
    say!("{}", entry.short_id());
    Ok(())
}

pub fn timeline(subject: &str, topic: Option<&str>, json: bool, ctx: &Ctx) -> Result<()> {
    let points = ctx
        .store()?
        .stage_history(subject.trim(), topic.map(str::trim))?;
    if json {
        say!("{}", serde_json::to_string_pretty(&points)?);
        return Ok(());
    }
    if points.is_empty() {
        eprintln!("No stage notes for {} yet.", ctx.out.line(subject));
        return Ok(());
    }
    let o = &ctx.out;
    let mut last: Option<(&str, Stage)> = None;
    for p in &points {
        if last.is_none_or(|(t, _)| t != p.topic) {
            if last.is_some() {
                say!();
            }
            say!(
                "{}",
                o.bold(&format!(
                    "{} · {}",
                    o.line(subject.trim()),
                    o.line(&p.topic)
                ))
            );
            last = None;
        }
        let bar = "▮".repeat(usize::from(p.stage.level()) + 1);
        let moved = match last {
            Some((_, prev)) if p.stage.level() < prev.level() => {
                format!("  moved back from {prev}")
            }
            _ => String::new(),
        };
        say!(
            "  {}  {:<16} {:<6} {} change talk{}  {}",
            p.on,
            p.stage.as_str(),
            bar,
            p.change_talk,
            o.dim(&moved),
            o.dim(&p.entry_short_id)
        );
        last = Some((p.topic.as_str(), p.stage));
    }
    Ok(())
}
