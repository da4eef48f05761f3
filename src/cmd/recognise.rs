//! `praxis recognise`: recognition given or received (PRACTICE.md §13); `said` when
//! recognition noticed has been said; `list`, with what is not yet said.

use anyhow::{Result, bail};

use super::Ctx;
use super::structured::{Given, apply_kind_options, entry_of_kind, new_entry, print_list};
use crate::cli::{RecogniseAction, RecogniseArgs};
use crate::model::compose::parse_strength;
use crate::model::practice::recognition_whose;
use crate::model::{Details, Direction, EntryKind, Said, StrengthTag, SubjectType, rules};
use crate::store::{RecognitionFilter, RecognitionRow};

pub fn run(args: RecogniseArgs, ctx: &Ctx) -> Result<()> {
    match args.action {
        Some(RecogniseAction::Said { id, how, on }) => {
            let mut store = ctx.store()?;
            let mut entry = entry_of_kind(&store, &id, EntryKind::Recognition)?;
            let today = ctx.clock.today();
            let short = entry.short_id();
            let Details::Recognition(r) = &mut entry.details else {
                bail!("recognition {short} has no details: run `praxis doctor`");
            };
            r.mark_said(how, on.map_or(today, |d| d.resolve(today)))
                .map_err(|why| anyhow::anyhow!("recognition {short}: {why}"))?;
            let saved = store.update_entry(&entry, ctx.clock.now_utc())?;
            say!("{}", saved.short_id());
            Ok(())
        }
        Some(RecogniseAction::List {
            not_yet,
            given,
            received,
            subject,
            limit,
            json,
        }) => {
            let filter = RecognitionFilter {
                direction: if received {
                    Some(Direction::Received)
                } else if given || not_yet {
                    Some(Direction::Given)
                } else {
                    None
                },
                not_yet,
                subject: subject.map(|s| s.trim().to_string()),
                until: None,
            };
            let rows = ctx.store()?.list_recognition(&filter, limit)?;
            let o = &ctx.out;
            let empty = if not_yet {
                "Nothing left to say: all the recognition you noted has been said."
            } else {
                "No recognition yet: `praxis recognise WHO --what ...` notes some."
            };
            print_list(&rows, json, empty, |r: &RecognitionRow| {
                let said = match (r.said, r.said_on) {
                    (Said::NotYet, _) => o.warn("not yet said"),
                    (s, Some(d)) => o.dim(&format!("{s} {d}")),
                    (s, None) => o.dim(s.as_str()),
                };
                format!(
                    "{}  {}  {:<8}  {}  {}",
                    o.accent(&r.entry.short_id),
                    r.entry.occurred_on,
                    r.direction.as_str(),
                    o.bold(&o.line(&r.entry.title)),
                    said
                )
            })
        }
        None => new(args, ctx),
    }
}

fn new(args: RecogniseArgs, ctx: &Ctx) -> Result<()> {
    let template = super::structured::template(ctx, "recognition")?;
    let mut entry = new_entry(ctx, EntryKind::Recognition, "recognition");
    apply_kind_options(&mut entry, &args.opts, ctx)?;
    let direction = if args.received {
        Direction::Received
    } else {
        Direction::Given
    };
    let who = args
        .who
        .as_deref()
        .map(super::subjects::check_key)
        .transpose()?;
    // Whose the strengths are follows who it is about: known subjects keep their type.
    let known = match &who {
        Some(w) => ctx.store()?.subject_type(w)?,
        None => None,
    };
    let subject_type = known
        .or(args.subject_type)
        .unwrap_or(SubjectType::Colleague);
    let vocab = &ctx.catalog().vocabulary;
    for s in &args.strengths {
        let tag = if s.contains(':') {
            parse_strength(s, vocab).map_err(anyhow::Error::msg)?
        } else {
            StrengthTag::new(
                vocab.resolve(s).map_err(anyhow::Error::msg)?,
                recognition_whose(direction, subject_type),
            )
        };
        if !entry.strengths.contains(&tag) {
            entry.strengths.push(tag);
        }
    }
    let mut given = Given::default();
    given.put("who", who.clone());
    given.put("direction", Some(direction.to_string()));
    given.put("what", args.what.clone());
    given.put("difference", args.difference.clone());
    given.put("said", args.said.map(|s| s.to_string()));
    given.put("meant", args.meant.clone());
    given.fields(&args.opts.fields, template)?;
    let in_editor = given.get("who").is_none() || given.get("what").is_none();
    let mut entry = super::structured::write(entry, template, &given, in_editor, ctx)?;
    let on = entry.occurred_on;
    let Details::Recognition(r) = &mut entry.details else {
        bail!("recognition needs who it is about and whether it was given or received");
    };
    // Said, and not on another day: said the day it is about.
    r.fill_said_on(on, None, ctx.clock.today());
    let (subject, unsaid) = (
        r.subject.clone(),
        r.said == Said::NotYet && r.direction == Direction::Given,
    );
    if entry.section("what").is_none_or(|w| w.trim().is_empty()) {
        bail!(
            "recognition needs what they did (--what, or under 'What they did'): specific is what makes it land"
        );
    }
    rules::fill_title(&mut entry);
    let kind = ctx
        .store()?
        .subject_type(&subject)?
        .or(args.subject_type)
        .unwrap_or(SubjectType::Colleague);
    super::structured::save_about(ctx, &entry, &subject, kind)?;
    if unsaid {
        eprintln!(
            "Not yet said: it waits in `praxis recognise list --not-yet` and in supervision prep until `praxis recognise said {}`.",
            entry.short_id()
        );
    }
    Ok(())
}
