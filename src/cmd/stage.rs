//! `praxis stage` records a stage-of-change note; `praxis stages` prints the timeline.

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::Given;
use crate::cli::StageArgs;
use crate::model::{Details, Entry, EntryKind, Stage, rules};

pub fn record(args: StageArgs, ctx: &Ctx) -> Result<()> {
    let subject = super::subjects::check_key(&args.subject)?;
    let template = super::structured::template(ctx, "stage-note")?;
    let mut entry = Entry::new(EntryKind::StageNote, ctx.clock.today(), ctx.clock.now_utc());
    entry.model = Some(template.id.clone());
    entry.scope = ctx.config.journal.default_scope;
    super::add::apply_options(&mut entry, &args.opts, ctx)?;

    let mut given = Given::default();
    given.put("subject", Some(subject));
    given.put("topic", args.topic.clone());
    given.put("stage", args.stage.map(|s| s.to_string()));
    given.put("certainty", args.certainty.map(|s| s.to_string()));
    given.put("evidence", args.evidence.clone());
    given.put("mi-process", args.process.map(|s| s.to_string()));
    if !args.change_talk.is_empty() {
        given.put("change-talk", Some(args.change_talk.join("\n")));
    }
    given.put("sustain-talk", args.sustain_talk.clone());
    given.put("discord", args.discord.clone());
    given.put("importance", args.importance.map(|v| v.to_string()));
    given.put("confidence", args.confidence.map(|v| v.to_string()));
    given.put("oars", args.reflection.clone());
    given.put("next-step", args.next_step.clone());
    given.put(
        "review-on",
        args.review
            .map(|d| d.resolve_ahead(ctx.clock.today()).to_string()),
    );
    given.fields(&args.fields, template)?;
    // Without a stage the note is written in the editor, with what is known filled in.
    let in_editor = given.get("stage").is_none();
    let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
    rules::fill_title(&mut entry);
    let Details::StageNote(note) = &entry.details else {
        bail!("a stage note needs a subject, a topic and a stage");
    };
    let subject = note.subject.clone();
    let mut store = ctx.store()?;
    if !store.subject_exists(&subject)? {
        super::subjects::warn_if_name(&subject);
        note!(
            "Added subject {subject} as a person (for a team, organisation or yourself, add it first with `praxis subjects add {subject} --type team`)."
        );
    }
    store.insert_entry(&entry)?;
    ctx.text_saved();
    say!("{}", entry.short_id());
    Ok(())
}

pub fn timeline(subject: &str, topic: Option<&str>, json: bool, ctx: &Ctx) -> Result<()> {
    let points = ctx
        .store()?
        .stage_history(subject.trim(), topic.map(str::trim))?;
    if json {
        say!("{}", crate::output::json(&points)?);
        return Ok(());
    }
    if points.is_empty() {
        note!("No stage notes for {} yet.", ctx.out.line(subject));
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
            Some((_, prev)) if prev.moves_back_to(p.stage) => {
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
