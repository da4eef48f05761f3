//! `praxis actions`: what I said I would do, and where it stands.

use anyhow::Result;

use super::Ctx;
use crate::cli::{ActionCommand, ActionsArgs};
use crate::model::ActionStatus;
use crate::store::{ActionFilter, ActionRow};

pub fn run(args: ActionsArgs, ctx: &Ctx) -> Result<()> {
    let today = ctx.clock.today();
    if let Some(cmd) = args.action {
        let (id, status, blocker) = match &cmd {
            ActionCommand::Done { id } => (id, ActionStatus::Done, None),
            ActionCommand::Partly { id, blocker } => (id, ActionStatus::Partly, blocker.as_deref()),
            ActionCommand::Reopen { id } => (id, ActionStatus::Open, None),
        };
        let mut store = ctx.store()?;
        let (row, cleared) =
            store.set_action_status(id, status, blocker, today, ctx.clock.now_utc())?;
        say!("{}", line(&row, today, ctx));
        if let Some(b) = cleared {
            note!(
                "What was in the way (\"{}\") was cleared: `praxis actions partly {} --blocker TEXT` notes a new one.",
                ctx.out.line(&b),
                row.short_id
            );
        }
        return Ok(());
    }
    let filter = if args.overdue {
        ActionFilter::Overdue(today)
    } else if args.all {
        ActionFilter::All
    } else {
        ActionFilter::Open
    };
    let rows = ctx.store()?.list_actions(filter)?;
    if args.json {
        say!("{}", crate::output::json(&rows)?);
        return Ok(());
    }
    if rows.is_empty() {
        note!(
            "{}",
            match filter {
                ActionFilter::Overdue(_) => "Nothing overdue.",
                ActionFilter::Open => "No open actions.",
                ActionFilter::All =>
                    "No actions yet: write `- [ ] ...` in an action section, or use --action.",
            }
        );
    }
    for r in &rows {
        say!("{}", line(r, today, ctx));
    }
    Ok(())
}

fn line(r: &ActionRow, today: chrono::NaiveDate, ctx: &Ctx) -> String {
    let o = &ctx.out;
    let a = &r.action;
    let mark = match a.status {
        ActionStatus::Done => "[x]",
        ActionStatus::Partly => "[~]",
        ActionStatus::Open => "[ ]",
    };
    let due = match a.due_on {
        Some(d) if a.status != ActionStatus::Done && d < today => {
            o.warn(&format!("  due {d}, overdue"))
        }
        Some(d) => o.dim(&format!("  due {d}")),
        None => String::new(),
    };
    // A done action's blocker is history, not something in its way.
    let blocker = a
        .blocker
        .as_deref()
        .filter(|_| a.status != ActionStatus::Done)
        .map(|b| o.dim(&format!("  blocked: {}", o.line(b))))
        .unwrap_or_default();
    let owner = a
        .owner
        .as_deref()
        .map(|w| o.dim(&format!("  ({})", o.line(w))))
        .unwrap_or_default();
    format!(
        "{}  {mark} {}{owner}{due}{blocker}  {}",
        o.accent(&r.short_id),
        o.line(&a.text),
        o.dim(&format!(
            "from {} {}",
            r.entry_short_id,
            o.line(&r.entry_title)
        ))
    )
}
