//! `praxis stats`: the patterns of a period as readable text, or JSON.

use std::fmt::Write as _;

use anyhow::Result;

use serde::Serialize;

use super::Ctx;
use crate::insights::{self, Insights, KeepsMeGoing, Period, Repairs, SIGNPOST};
use crate::output::Output;

/// Everything `praxis stats --json` prints: the period's insights, what keeps the writer
/// going over months, and how long repairs took.
#[derive(Serialize)]
struct Stats<'a> {
    #[serde(flatten)]
    insights: &'a Insights,
    keeps_me_going: &'a KeepsMeGoing,
    repairs: &'a Repairs,
}

pub fn run(
    period: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
    json: bool,
    ctx: &Ctx,
) -> Result<()> {
    let today = ctx.clock.today();
    let period = if since.is_some() || until.is_some() {
        Period::between(since, until, today)?
    } else {
        Period::named(period.unwrap_or("4w"), today)?
    };
    let store = ctx.store()?;
    let ins = insights::compute(&store, ctx.catalog(), &period, today)?;
    let going = insights::keeps_me_going(&store, &period)?;
    let repairs = insights::repairs(&store, &period)?;
    if json {
        let all = Stats {
            insights: &ins,
            keeps_me_going: &going,
            repairs: &repairs,
        };
        say!("{}", crate::output::json(&all)?);
    } else {
        say_raw!("{}", render(&ins, &ctx.out));
        say_raw!("{}", render_with_others(&going, &repairs, &ctx.out));
    }
    Ok(())
}

/// Month names for the pattern of what keeps the writer going.
fn month_name(ym: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{ym}-01"), "%Y-%m-%d")
        .map_or_else(|_| ym.to_string(), |d| d.format("%b %Y").to_string())
}

/// What keeps the writer going, and how repairs went, as text (PRACTICE.md §15, §18).
#[must_use]
pub fn render_with_others(k: &KeepsMeGoing, r: &Repairs, o: &Output) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\n{}", o.bold("What keeps me going"));
    let _ = writeln!(
        s,
        "{}",
        o.dim(&format!(
            "Since {}: what sustains you, in counts and your own words; never a score.",
            k.since
        ))
    );
    if k.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            o.dim("Nothing yet: recognition, feedback and what helped in check-ins gather here.")
        );
    }
    if !k.months.is_empty() {
        let _ = writeln!(
            s,
            "  {:<9}  {:<8}  {:<14}  {:<20}  what helped",
            "month", "received", "given", "feedback"
        );
        for m in &k.months {
            let feedback = if m.feedback_appreciative > 0 {
                format!("{} ({} appreciative)", m.feedback, m.feedback_appreciative)
            } else {
                m.feedback.to_string()
            };
            let given = if m.given_not_yet_said > 0 {
                format!("{} ({} unsaid)", m.recognition_given, m.given_not_yet_said)
            } else {
                m.recognition_given.to_string()
            };
            let _ = writeln!(
                s,
                "  {:<9}  {:<8}  {:<14}  {:<20}  {}",
                month_name(&m.month),
                m.recognition_received,
                given,
                feedback,
                m.helped
            );
        }
    }
    for rec in &k.received {
        let meant = rec
            .meant
            .as_deref()
            .map(|m| format!(": \u{201c}{}\u{201d}", o.line(m.trim())))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  Received {} {}{meant}",
            rec.entry.occurred_on,
            o.line(&rec.entry.title)
        );
    }
    if !k.helped_words.is_empty() {
        let words: Vec<String> = k
            .helped_words
            .iter()
            .map(|(w, n)| format!("{} {n}", o.line(w)))
            .collect();
        let _ = writeln!(s, "  What helped, in your words: {}", words.join(" · "));
    }
    for h in &k.helped_recent {
        let _ = writeln!(s, "    \u{201c}{}\u{201d}", o.line(h.trim()));
    }
    if k.good_weeks > 0 {
        let names: Vec<String> = k
            .good_week_strengths
            .iter()
            .map(|(n, c)| format!("{} {c}", o.line(n)))
            .collect();
        let _ = writeln!(
            s,
            "  Good weeks: {}{}",
            k.good_weeks,
            if names.is_empty() {
                String::new()
            } else {
                format!("; your strengths in them: {}", names.join(" · "))
            }
        );
    }
    if !r.repaired_days.is_empty() || r.open > 0 {
        let _ = writeln!(s, "\n{}", o.bold("Ruptures and repair"));
        if !r.repaired_days.is_empty() {
            let days: Vec<String> = r
                .repaired_days
                .iter()
                .map(|d| format!("{d} day{}", if *d == 1 { "" } else { "s" }))
                .collect();
            let _ = writeln!(
                s,
                "{} repaired in this period, taking {}",
                r.repaired_days.len(),
                days.join(", ")
            );
        }
        if r.open > 0 {
            let _ = writeln!(
                s,
                "{} still being worked through (`praxis rupture list --open`)",
                r.open
            );
        }
    }
    s
}

/// Eight levels of a bar, for sparklines.
const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn spark(values: &[Option<f64>], lo: f64, hi: f64) -> String {
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(v) => {
                let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
                // Invariant: t is in 0..=1, so the index is in 0..=7.
                SPARK[(t * 7.0).round() as usize]
            }
        })
        .collect()
}

/// The insights as text for a terminal or a file.
#[must_use]
pub fn render(ins: &Insights, o: &Output) -> String {
    let mut s = String::new();
    let p = &ins.period;
    let range = match p.since {
        Some(since) => format!("{since} to {}", p.until),
        None => format!("up to {}", p.until),
    };
    // A period given by its dates is named by them already: not said twice.
    let title = if p.label == range {
        format!("Patterns, {range}")
    } else {
        format!("Patterns, {} ({range})", p.label)
    };
    let _ = writeln!(s, "{}", o.bold(&title));
    let _ = writeln!(s, "{}", o.dim("Prompts for supervision, never a score."));

    let _ = writeln!(s, "\n{}", o.bold("Entries"));
    let kinds: Vec<String> = ins
        .by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let _ = writeln!(
        s,
        "{} in all{}",
        ins.entries,
        if kinds.is_empty() {
            String::new()
        } else {
            format!(": {}", kinds.join(", "))
        }
    );
    let max = ins.weeks.iter().map(|w| w.total).max().unwrap_or(0).max(1);
    let shown = if ins.weeks.len() > 26 {
        &ins.weeks[ins.weeks.len() - 26..]
    } else {
        &ins.weeks[..]
    };
    if ins.weeks.len() > shown.len() {
        let _ = writeln!(
            s,
            "{}",
            o.dim(&format!(
                "(the last {} of {} weeks)",
                shown.len(),
                ins.weeks.len()
            ))
        );
    }
    for w in shown {
        let len = usize::try_from(w.total * 30 / max).unwrap_or(0);
        let _ = writeln!(
            s,
            "  week of {}  {:<30} {}",
            w.week,
            "█".repeat(len),
            w.total
        );
    }
    if !ins.models.is_empty() {
        let models: Vec<String> = ins
            .models
            .iter()
            .map(|m| format!("{} {}", o.line(&m.name), m.count))
            .collect();
        let _ = writeln!(s, "Models: {}", models.join(", "));
    }

    let _ = writeln!(s, "\n{}", o.bold("Strengths"));
    if ins.strengths.is_empty() {
        let _ = writeln!(s, "{}", o.dim("None tagged in this period."));
    }
    for st in ins.strengths.iter().take(12) {
        let before = st
            .before
            .map(|b| format!(" (before: {b})"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:<16} {:>3} {:<3}  mine {} · person {} · team {}{}{}",
            o.line(&st.name),
            st.total,
            st.trend.arrow(),
            st.mine,
            st.person,
            st.team,
            if st.colleague > 0 {
                format!(" · colleague {}", st.colleague)
            } else {
                String::new()
            },
            o.dim(&before)
        );
    }
    if !ins.groups.is_empty() {
        let groups: Vec<String> = ins
            .groups
            .iter()
            .map(|g| {
                format!("{} {} {}", o.line(&g.group), g.total, g.trend.arrow())
                    .trim_end()
                    .to_string()
            })
            .collect();
        let _ = writeln!(s, "By group: {}", groups.join(" · "));
    }
    if !ins.strengths_new.is_empty() {
        let _ = writeln!(
            s,
            "New this period: {}",
            o.line(&ins.strengths_new.join(", "))
        );
    }
    if !ins.strengths_gone.is_empty() {
        let _ = writeln!(
            s,
            "Not seen this period (seen before): {}",
            o.line(&ins.strengths_gone.join(", "))
        );
    }

    let c = &ins.checkins;
    let _ = writeln!(s, "\n{}", o.bold("Check-ins"));
    if c.checkins == 0 {
        let _ = writeln!(s, "{}", o.dim("None in this period."));
    } else {
        let avg = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "{} check-in{} · mood {} · energy {} (out of 5, on average) · heavy load on {} day{}",
            c.checkins,
            if c.checkins == 1 { "" } else { "s" },
            avg(c.mood),
            avg(c.energy),
            c.heavy_days,
            if c.heavy_days == 1 { "" } else { "s" }
        );
        let mood: Vec<Option<f64>> = c.weeks.iter().map(|w| w.mood).collect();
        let energy: Vec<Option<f64>> = c.weeks.iter().map(|w| w.energy).collect();
        let _ = writeln!(s, "  mood by week    {}", spark(&mood, 1.0, 5.0));
        let _ = writeln!(s, "  energy by week  {}", spark(&energy, 1.0, 5.0));
        let heavy: Vec<String> = c.weeks.iter().map(|w| w.heavy_days.to_string()).collect();
        let carrying: Vec<String> = c
            .weeks
            .iter()
            .map(|w| w.carrying_a_lot.to_string())
            .collect();
        let _ = writeln!(s, "  heavy-load days by week: {}", heavy.join(" "));
        let _ = writeln!(s, "  carrying a lot, by week: {}", carrying.join(" "));
        if c.heavy_persists {
            let _ = writeln!(s, "{}", o.warn(SIGNPOST));
        }
    }

    if !ins.stages.is_empty() {
        let _ = writeln!(s, "\n{}", o.bold("Stage timelines"));
        if let Some(from) = ins.stages_from {
            let _ = writeln!(
                s,
                "{}",
                o.dim(&format!(
                    "(from the newest {} stage notes of the period, which begin on {from})",
                    crate::insights::STAGE_NOTES
                ))
            );
        }
        for t in &ins.stages {
            let path: Vec<String> = t
                .points
                .iter()
                .map(|p| format!("{} {} ({} change talk)", p.on, p.stage, p.change_talk))
                .collect();
            let moves = match t.moves_back {
                0 => String::new(),
                1 => " · moved back once".into(),
                n => format!(" · moved back {n} times"),
            };
            let _ = writeln!(
                s,
                "  {} · {}{}",
                o.line(&t.subject),
                o.line(&t.topic),
                o.dim(&moves)
            );
            for step in path {
                let _ = writeln!(s, "    {}", o.line(&step));
            }
        }
    }

    let ci = &ins.callins;
    if !ci.by_status.is_empty() || !ci.follow_ups_due.is_empty() {
        let _ = writeln!(s, "\n{}", o.bold("Call-ins"));
        let status: Vec<String> = ci
            .by_status
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(
            s,
            "By status: {}",
            if status.is_empty() {
                "none".into()
            } else {
                status.join(", ")
            }
        );
        if !ci.by_rupture.is_empty() {
            let r: Vec<String> = ci
                .by_rupture
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = writeln!(s, "By outcome (signs of rupture): {}", r.join(", "));
        }
        for e in &ci.follow_ups_due {
            let _ = writeln!(s, "  follow-up due: {} {}", e.short_id, o.line(&e.title));
        }
        let more = ci.follow_ups_due_total - ci.follow_ups_due.len() as i64;
        if more > 0 {
            let over = if ci.follow_ups_due_beyond {
                "over "
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  {}",
                o.dim(&format!(
                    "and {over}{more} more follow-ups due: `praxis callin list --due` lists them all"
                ))
            );
        }
    }

    let a = &ins.actions;
    let _ = writeln!(s, "\n{}", o.bold("Actions"));
    let _ = writeln!(
        s,
        "{} open ({} overdue) · {} done in this period",
        a.open, a.overdue, a.done_in_period
    );

    if !ins.on_this_day.is_empty() {
        let _ = writeln!(s, "\n{}", o.bold("On this day"));
        for e in &ins.on_this_day {
            let _ = writeln!(s, "  {} {} {}", e.occurred_on, e.short_id, o.line(&e.title));
        }
    }

    let w = &ins.words;
    if !w.heavy_words.is_empty() {
        let _ = writeln!(s, "\n{}", o.bold("Words of heavy-load weeks"));
        let _ = writeln!(
            s,
            "{}",
            o.dim(&format!(
                "Entries using each word in {} heavy week{} and in {} light one{}:",
                w.heavy_weeks,
                if w.heavy_weeks == 1 { "" } else { "s" },
                w.light_weeks,
                if w.light_weeks == 1 { "" } else { "s" }
            ))
        );
        let words: Vec<String> = w
            .heavy_words
            .iter()
            .map(|(t, h, l)| format!("{} {h}/{l}", o.line(t)))
            .collect();
        let _ = writeln!(s, "  {}", words.join(" · "));
    }
    s
}
