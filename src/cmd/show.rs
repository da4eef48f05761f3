//! `praxis show`: one entry in full, readable in a terminal.

use std::fmt::Write as _;

use anyhow::Result;

use super::Ctx;
use crate::model::{ActionStatus, Entry, Template};
use crate::output::Output;

pub fn run(id: &str, json: bool, ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let rowid = store.resolve_id(id)?;
    let entry = store.entry_by_rowid(rowid)?;
    if json {
        say!("{}", crate::output::json(&entry)?);
        return Ok(());
    }
    let catalog = ctx.catalog();
    let template = catalog.for_entry(entry.kind, entry.model.as_deref());
    let offset = *ctx.clock.now().offset();
    say_raw!("{}", render(&entry, template.as_deref(), &ctx.out, offset));
    // What arose from it: the ruptures a call-in's outcome showed.
    if entry.kind == crate::model::EntryKind::CallIn {
        for id in store.ruptures_of(rowid)? {
            say!(
                "{}",
                ctx.out.dim(&format!(
                    "Rupture followed in {} (`praxis show {}`)",
                    crate::model::entry::short_id(&id),
                    crate::model::entry::short_id(&id)
                ))
            );
        }
    }
    Ok(())
}

/// The entry as text for a terminal; journal text is neutralised.
#[must_use]
pub fn render(
    e: &Entry,
    template: Option<&Template>,
    out: &Output,
    offset: chrono::FixedOffset,
) -> String {
    let model_name = template.map(|t| t.name.as_str()).or(e.model.as_deref());
    let mut s = String::new();
    let title = if e.title.is_empty() {
        "(untitled)"
    } else {
        &e.title
    };
    let _ = writeln!(s, "{}", out.bold(&out.line(title)));
    let mut meta = vec![e.short_id(), e.kind.to_string()];
    if let Some(m) = model_name {
        meta.push(m.to_string());
    }
    meta.push(e.occurred_on.to_string());
    meta.push(e.scope.to_string());
    if e.for_supervision {
        meta.push("for supervision".into());
    }
    if e.deleted_at.is_some() {
        meta.push(out.warn("in the trash"));
    }
    let _ = writeln!(s, "{}", out.dim(&meta.join(" · ")));
    if !e.strengths.is_empty() {
        let list: Vec<String> = e
            .strengths
            .iter()
            .map(|t| match t.whose {
                crate::model::Whose::Mine => t.name.clone(),
                w => format!("{} ({w})", t.name),
            })
            .collect();
        let _ = writeln!(s, "Strengths: {}", out.line(&list.join(", ")));
    }
    if !e.tags.is_empty() {
        let _ = writeln!(s, "Tags: {}", out.line(&e.tags.join(", ")));
    }
    if let Some(c) = &e.checkin {
        let _ = writeln!(s, "Check-in: {}", c.summary());
    }
    if let crate::model::Details::Rupture(r) = &e.details
        && let Some(c) = r
            .callin
            .as_deref()
            .and_then(|c| uuid::Uuid::parse_str(c).ok())
    {
        let _ = writeln!(s, "Arose in: call-in {}", crate::model::entry::short_id(&c));
    }
    let shown_above = ["title", "date"];
    for (key, text) in crate::model::details::entry_texts(e)
        .iter()
        .filter(|(k, t)| !t.is_empty() && !shown_above.contains(k))
    {
        let label = template
            .and_then(|t| t.field(key))
            .map_or(*key, |f| f.label.as_str());
        let label: &str = label;
        if text.contains('\n') || text.starts_with("- ") {
            let _ = writeln!(s, "{}:", out.line(label));
            for l in text.lines() {
                let _ = writeln!(s, "  {}", out.line(l));
            }
        } else {
            let _ = writeln!(s, "{}: {}", out.line(label), out.line(text));
        }
    }
    if !e.body.trim().is_empty() {
        let _ = write!(s, "\n{}\n", out.text(e.body.trim_end()));
    }
    for sec in e.sections.iter().filter(|x| !x.text.trim().is_empty()) {
        let is_action = template
            .and_then(|t| t.field(&sec.key))
            .is_some_and(|f| f.action);
        let text = if is_action {
            crate::model::compose::sync_checkboxes(&sec.text, &e.actions)
        } else {
            sec.text.clone()
        };
        let _ = write!(
            s,
            "\n{}\n{}\n",
            out.bold(&format!("## {}", out.line(&sec.label))),
            out.text(text.trim_end())
        );
    }
    if !e.actions.is_empty() {
        let _ = write!(s, "\n{}\n", out.bold("Actions"));
        for a in &e.actions {
            let mark = match a.status {
                ActionStatus::Done => "[x]",
                ActionStatus::Partly => "[~]",
                ActionStatus::Open => "[ ]",
            };
            let due = a.due_on.map(|d| format!(" (due {d})")).unwrap_or_default();
            let _ = writeln!(s, "  {mark} {}{due}", out.line(&a.text));
        }
    }
    let _ = write!(
        s,
        "\n{}\n",
        out.dim(&format!(
            "Written {} · updated {}",
            e.created_at.with_timezone(&offset).format("%Y-%m-%d %H:%M"),
            e.updated_at.with_timezone(&offset).format("%Y-%m-%d %H:%M")
        ))
    );
    s
}
