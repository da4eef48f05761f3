//! `praxis strengths` and `praxis tags`: the vocabularies with how often each is used.

use anyhow::Result;
use serde::Serialize;

use super::Ctx;
use crate::model::text::pad;
use crate::store::StrengthCount;

#[derive(Serialize)]
struct GroupOut {
    group: String,
    strengths: Vec<StrengthOut>,
}

#[derive(Serialize)]
struct StrengthOut {
    name: String,
    hint: String,
    total: i64,
    mine: i64,
    person: i64,
    team: i64,
    colleague: i64,
}

pub fn strengths(json: bool, ctx: &Ctx) -> Result<()> {
    let counts = ctx.store()?.strength_counts()?;
    let vocab = &ctx.catalog().vocabulary;
    let count = |name: &str| {
        counts
            .iter()
            .find(|c| c.name == name)
            .cloned()
            .unwrap_or(StrengthCount {
                name: name.to_string(),
                mine: 0,
                person: 0,
                team: 0,
                colleague: 0,
            })
    };
    let out_of = |c: StrengthCount, hint: &str| StrengthOut {
        total: c.mine + c.person + c.team + c.colleague,
        name: c.name,
        hint: hint.to_string(),
        mine: c.mine,
        person: c.person,
        team: c.team,
        colleague: c.colleague,
    };
    let mut groups: Vec<GroupOut> = vocab
        .groups
        .iter()
        .map(|g| GroupOut {
            group: g.name.clone(),
            strengths: g
                .strengths
                .iter()
                .map(|s| out_of(count(&s.name), &s.hint))
                .collect(),
        })
        .collect();
    // Strengths in the journal but not in the vocabulary (imported, or removed from config).
    let others: Vec<StrengthOut> = counts
        .iter()
        .filter(|c| vocab.group_of(&c.name).is_none())
        .map(|c| out_of(c.clone(), ""))
        .collect();
    if !others.is_empty() {
        groups.push(GroupOut {
            group: "Other".into(),
            strengths: others,
        });
    }
    if json {
        say!("{}", crate::output::json(&groups)?);
        return Ok(());
    }
    let o = &ctx.out;
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            say!();
        }
        say!("{}", o.bold(&o.line(&g.group)));
        for s in &g.strengths {
            let split = if s.total > 0 {
                let colleague = if s.colleague > 0 {
                    format!(" · colleague {}", s.colleague)
                } else {
                    String::new()
                };
                o.dim(&format!(
                    "mine {} · person {} · team {}{colleague}  {}",
                    s.mine,
                    s.person,
                    s.team,
                    o.line(&s.hint)
                ))
            } else {
                o.dim(&o.line(&s.hint))
            };
            say!("  {} {:>5}  {split}", pad(&o.line(&s.name), 16), s.total);
        }
    }
    Ok(())
}

pub fn tags(json: bool, ctx: &Ctx) -> Result<()> {
    let counts = ctx.store()?.tag_counts()?;
    if json {
        say!("{}", crate::output::json(&counts)?);
        return Ok(());
    }
    if counts.is_empty() {
        note!("No tags yet: add them with --tag when you write.");
    }
    let wide = counts
        .iter()
        .map(|c| crate::model::text::width(&c.name))
        .max()
        .unwrap_or(0);
    for c in &counts {
        say!(
            "{} {:>5}",
            pad(&ctx.out.line(&c.name), wide.min(40)),
            c.count
        );
    }
    Ok(())
}
