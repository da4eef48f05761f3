//! `praxis models` and `praxis models show ID`.

use anyhow::Result;

use super::Ctx;
use crate::cli::{ModelsAction, ModelsArgs};
use crate::model::text::pad;

pub fn run(args: &ModelsArgs, ctx: &Ctx) -> Result<()> {
    let catalog = ctx.catalog();
    let o = &ctx.out;
    match &args.action {
        None => {
            if args.json {
                let all: Vec<&crate::model::Template> =
                    catalog.models.iter().chain(&catalog.group_models).collect();
                say!("{}", crate::output::json(&all)?);
                return Ok(());
            }
            let name_cells = catalog
                .models
                .iter()
                .chain(&catalog.group_models)
                .map(|m| crate::model::text::width(&m.name))
                .max()
                .unwrap_or(0);
            for (i, m) in catalog
                .models
                .iter()
                .chain(&catalog.group_models)
                .enumerate()
            {
                if i == catalog.models.len() {
                    say!();
                    say!(
                        "{}",
                        o.dim("Group and peer sessions (praxis group new --model ID):")
                    );
                }
                let depth = m.depth.map(|d| d.to_string()).unwrap_or_default();
                say!(
                    "{} {} {}  {}",
                    o.accent(&pad(&m.id, 16)),
                    pad(&o.line(&m.name), name_cells),
                    o.dim(&pad(&depth, 5)),
                    o.line(&m.purpose)
                );
            }
        }
        Some(ModelsAction::Show { id }) => {
            let m = match catalog.model(id) {
                Ok(m) => m,
                Err(e) => catalog.group_model(id).map_err(|_| anyhow::Error::msg(e))?,
            };
            if args.json {
                say!("{}", crate::output::json(m)?);
                return Ok(());
            }
            say!("{}", o.bold(&o.line(&m.name)));
            let mut meta = vec![m.id.clone()];
            if let Some(d) = m.depth {
                meta.push(d.to_string());
            }
            if let Some(s) = &m.source {
                meta.push(s.clone());
            }
            say!("{}", o.dim(&o.line(&meta.join(" · "))));
            say!("{}", o.line(&m.purpose));
            for f in &m.fields {
                say!();
                let action = if f.action {
                    o.dim("  (lines can become tracked actions)")
                } else {
                    String::new()
                };
                say!(
                    "{}{action}",
                    o.bold(&format!("{}  [{}]", o.line(&f.label), f.key))
                );
                for p in &f.prompts {
                    say!("  {}", o.line(p));
                }
            }
            say!();
            let how = if m.kind == crate::model::EntryKind::GroupSession {
                format!(
                    "Record one: praxis group new --model {}   (or --field KEY=TEXT)",
                    m.id
                )
            } else {
                format!(
                    "Write one: praxis add --model {}   (or --section KEY=TEXT)",
                    m.id
                )
            };
            say!("{}", o.dim(&how));
        }
    }
    Ok(())
}
