//! Markdown exports: readable anywhere, one heading per entry, sections as subheadings.
//! Entries, summaries and regulator profiles.

use std::io::Write;

use super::export::{Head, Sink, month_year};
use super::profile::ProfileDoc;
use super::summary::Summary;
use crate::model::{ActionStatus, Details, Entry, Whose};

/// Writes entries as one Markdown document.
#[derive(Debug, Default)]
pub struct MdSink {
    /// One entry's text, written whole: each `writeln!` straight to the output would be
    /// several calls through its `dyn Write`.
    buf: Vec<u8>,
}

/// The header every Markdown export starts with.
fn write_head(out: &mut dyn Write, title: &str, head: &Head) -> anyhow::Result<()> {
    writeln!(out, "# {}\n", one_line(title))?;
    let mut about = Vec::new();
    if let Some(f) = &head.from {
        about.push(format!("From {}", one_line(f)));
    }
    about.push(head.period.clone());
    about.push(format!("made {}", head.made_on));
    writeln!(out, "{}\n", about.join(" · "))?;
    if head.redacted {
        writeln!(
            out,
            "> Identifying details were replaced by placeholders such as [PERSON-1]; dates are shown by month.\n"
        )?;
    }
    Ok(())
}

/// Text for a heading or a list item: one line, no Markdown line structure.
fn one_line(s: &str) -> String {
    inert(&s.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// Journal text made inert for Markdown viewers: raw HTML (`<img src=...>`) and image
/// links (`![](https://...)`) would make a previewer fetch from the network and show
/// markup the writer never meant as such. Escaped with a backslash, they read as the
/// characters they are.
fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('<') && !s.contains("![") {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.replace('<', "\\<").replace("![", "!\\["))
}

/// "listening (mine), hope (person supported)".
pub(crate) fn strengths_text(e: &Entry) -> String {
    e.strengths
        .iter()
        .map(|s| {
            let whose = match s.whose {
                Whose::Mine => "mine",
                Whose::Person => "person supported",
                Whose::Team => "team",
                Whose::Colleague => "colleague",
            };
            format!("{} ({whose})", s.name)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Sink for MdSink {
    fn begin(&mut self, out: &mut dyn Write, head: &Head) -> anyhow::Result<()> {
        write_head(out, &head.title, head)
    }

    fn entry(&mut self, out: &mut dyn Write, head: &Head, e: &Entry) -> anyhow::Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let written = write_entry(&mut buf, head, e);
        if written.is_ok() {
            out.write_all(&buf)?;
        }
        self.buf = buf;
        written
    }

    fn end(&mut self, _out: &mut dyn Write, _head: &Head) -> anyhow::Result<()> {
        Ok(())
    }
}

/// One entry, as the Markdown export writes it.
fn write_entry(out: &mut Vec<u8>, head: &Head, e: &Entry) -> anyhow::Result<()> {
    let title = if e.title.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        one_line(&e.title)
    };
    writeln!(out, "## {title}\n")?;
    let mut about = vec![head.when(e.occurred_on), e.kind.to_string()];
    // A model named as its kind ("recognition · recognition") says nothing twice.
    if let Some(m) = e.model.as_deref().filter(|m| *m != e.kind.as_str()) {
        about.push(head.model_name(m).to_string());
    }
    if e.for_supervision {
        about.push("for supervision".into());
    }
    writeln!(out, "*{}*\n", about.join(" · "))?;
    if !e.strengths.is_empty() {
        writeln!(out, "**Strengths:** {}  ", strengths_text(e))?;
    }
    if !e.tags.is_empty() {
        writeln!(out, "**Tags:** {}  ", one_line(&e.tags.join(", ")))?;
    }
    if let Some(c) = e.checkin.as_ref().filter(|c| !c.is_empty()) {
        writeln!(out, "**Check-in:** {}  ", c.summary())?;
    }
    write_details(out, head, e)?;
    writeln!(out)?;
    if !e.body.trim().is_empty() {
        writeln!(out, "{}\n", inert(e.body.trim_end()))?;
    }
    // A tracked action written as a `- [ ]` line of a section is shown there, with
    // where it stands now; the list of actions holds only the others.
    let mut taken = vec![false; e.actions.len()];
    for s in &e.sections {
        if s.text.trim().is_empty() {
            continue;
        }
        let text = sync_tasks(s.text.trim_end(), &e.actions, &mut taken, head);
        writeln!(out, "### {}\n\n{}\n", one_line(&s.label), inert(&text))?;
    }
    let actions: Vec<_> = e
        .actions
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(a, _)| a)
        .collect();
    if !actions.is_empty() {
        writeln!(out, "### Actions\n")?;
        for a in actions {
            writeln!(out, "{}", action_line(a, head))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A tracked action as a Markdown task line: `- [x] text (due March 2026) — partly`.
fn action_line(a: &crate::model::Action, head: &Head) -> String {
    let mark = if a.status == ActionStatus::Done {
        "x"
    } else {
        " "
    };
    let mut line = format!("- [{mark}] {}", one_line(&a.text));
    if let Some(d) = a.due_on {
        line.push_str(&format!(" (due {})", head.when(d)));
    }
    if !matches!(a.status, ActionStatus::Open | ActionStatus::Done) {
        line.push_str(&format!(" — {}", a.status));
    }
    line
}

/// A section's text with each `- [ ]` line that is a tracked action rewritten as the
/// action stands now (marking it `taken`).
fn sync_tasks<'a>(
    text: &'a str,
    actions: &[crate::model::Action],
    taken: &mut [bool],
    head: &Head,
) -> std::borrow::Cow<'a, str> {
    // Most sections hold no task line, or the entry no action to match: as it is (with
    // its lines ended by "\n" alone, as below).
    if (actions.is_empty() || !text.contains("- [")) && !text.contains('\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    let synced = text
        .lines()
        .map(|line| {
            let t = line.trim_start();
            let task = ["- [ ] ", "- [x] ", "- [X] "]
                .iter()
                .find_map(|m| t.strip_prefix(m));
            match task.and_then(|rest| super::export::tracked_action(rest, actions, taken)) {
                Some(i) => {
                    taken[i] = true;
                    let indent = &line[..line.len() - t.len()];
                    format!("{indent}{}", action_line(&actions[i], head))
                }
                None => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::borrow::Cow::Owned(synced)
}

/// The typed facts of structured kinds, as a few labelled lines.
fn write_details(out: &mut dyn Write, head: &Head, e: &Entry) -> anyhow::Result<()> {
    match &e.details {
        Details::None => {}
        Details::StageNote(n) => {
            writeln!(
                out,
                "**Stage:** {} — {}: {}  ",
                one_line(&n.subject),
                one_line(&n.topic),
                n.stage
            )?;
        }
        Details::CallIn(c) => {
            let mut parts = vec![c.approach.to_string(), c.status.to_string()];
            if let Some(d) = c.held_on {
                parts.push(format!("held {}", head.when(d)));
            }
            if let Some(r) = c.rupture {
                parts.push(format!("rupture: {r}"));
            }
            writeln!(out, "**Call-in:** {}  ", parts.join(" · "))?;
        }
        Details::Supervision(s) => {
            let mut parts = vec![format!("{} {}", s.stage, head.when(s.session_on))];
            if let Some(t) = s.session_type {
                parts.push(t.to_string());
            }
            if let Some(m) = s.length_minutes {
                parts.push(format!("{m} min"));
            }
            writeln!(out, "**Supervision:** {}  ", parts.join(" · "))?;
            if !s.agenda.is_empty() {
                writeln!(out, "\n**Agenda:**\n")?;
                for a in &s.agenda {
                    writeln!(out, "- {}", one_line(&a.text))?;
                }
            }
        }
        Details::Cpd(c) => {
            writeln!(
                out,
                "**CPD:** {} · {} h{}  ",
                one_line(&c.activity_type),
                c.hours,
                if c.participatory {
                    " · participatory"
                } else {
                    ""
                }
            )?;
        }
        other => {
            for (label, text) in crate::model::practice::facts(other, &|d| head.when(d)) {
                writeln!(out, "**{label}:** {}  ", one_line(&text))?;
            }
        }
    }
    Ok(())
}

/// A summary as Markdown: the patterns as short tables, then the excerpts.
pub fn write_summary(out: &mut dyn Write, s: &Summary) -> anyhow::Result<()> {
    let head = Head {
        title: "Practice summary".into(),
        made_on: s.made_on,
        from: s.from.clone(),
        period: s.period.label.clone(),
        redacted: s.redacted,
        models: Default::default(),
    };
    write_head(
        out,
        &head.title,
        &Head {
            redacted: false,
            ..head.clone()
        },
    )?;
    if s.redacted {
        writeln!(
            out,
            "> Identifying details were replaced by placeholders such as [PERSON-1]; dates are \
             shown by month, and weeks by their number in the period.\n"
        )?;
    }
    writeln!(
        out,
        "*Patterns are prompts for supervision, never scores.*\n"
    )?;
    let kinds = s
        .by_kind
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(
        out,
        "## Entries\n\n{} entr{} in {} week{}{}\n",
        s.entries,
        if s.entries == 1 { "y" } else { "ies" },
        s.weeks.len(),
        if s.weeks.len() == 1 { "" } else { "s" },
        if kinds.is_empty() {
            String::new()
        } else {
            format!(": {kinds}")
        }
    )?;
    if !s.weeks.is_empty() {
        // A redacted summary shows dates by month: its weeks are numbered, not dated.
        let origin = s.weeks[0].week;
        writeln!(
            out,
            "| {} | entries |\n|---|---:|",
            if s.redacted { "week" } else { "week of" }
        )?;
        for w in &s.weeks {
            if s.redacted {
                let n = (w.week - origin).num_days().div_euclid(7) + 1;
                writeln!(out, "| week {n} ({}) | {} |", month_year(w.week), w.total)?;
            } else {
                writeln!(out, "| {} | {} |", w.week, w.total)?;
            }
        }
        writeln!(out)?;
    }
    if !s.strengths.is_empty() {
        writeln!(
            out,
            "## Strengths\n\n| strength | mine | person supported | team | colleague | trend |\n|---|---:|---:|---:|---:|---|"
        )?;
        for st in &s.strengths {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&st.name),
                st.mine,
                st.person,
                st.team,
                st.colleague,
                st.trend.word()
            )?;
        }
        writeln!(out)?;
    }
    if !s.models.is_empty() {
        writeln!(
            out,
            "## Reflective models\n\n| model | entries |\n|---|---:|"
        )?;
        for m in &s.models {
            writeln!(out, "| {} | {} |", cell(&m.name), m.count)?;
        }
        writeln!(out)?;
    }
    let c = &s.checkins;
    writeln!(out, "## Check-ins\n")?;
    if c.checkins == 0 {
        writeln!(out, "No check-ins in this period.\n")?;
    } else {
        let avg = |v: Option<f64>| v.map_or_else(|| "–".into(), |v| format!("{v:.1}/5"));
        writeln!(
            out,
            "{} check-in{}; mood {} and energy {} on average; heavy load on {} day{}.\n",
            c.checkins,
            if c.checkins == 1 { "" } else { "s" },
            avg(c.mood),
            avg(c.energy),
            c.heavy_days,
            if c.heavy_days == 1 { "" } else { "s" },
        )?;
        if c.heavy_persists {
            writeln!(out, "> {}\n", crate::insights::SIGNPOST)?;
        }
    }
    let a = &s.actions;
    writeln!(
        out,
        "## Actions\n\n{} open ({} overdue), {} done in the period.\n",
        a.open, a.overdue, a.done_in_period
    )?;
    for item in &a.items {
        let due = item
            .due_on
            .map(|d| {
                if s.redacted {
                    format!(" (due {})", month_year(d))
                } else {
                    format!(" (due {d})")
                }
            })
            .unwrap_or_default();
        writeln!(out, "- [ ] {}{due}", one_line(&item.text))?;
    }
    if !a.items.is_empty() {
        writeln!(out)?;
    }
    if let Some(others) = s.with_others.as_ref().filter(|o| !o.is_empty()) {
        writeln!(out, "## Practice with others\n")?;
        for (_, label, text) in others.lines() {
            writeln!(out, "- **{label}:** {}", one_line(&text))?;
        }
        writeln!(out)?;
    }
    if let Some(stages) = &s.stages {
        writeln!(out, "## Stages of change\n")?;
        if stages.is_empty() {
            writeln!(out, "No stage notes in this period.\n")?;
        }
        for t in stages {
            let steps = t
                .points
                .iter()
                .map(|(when, stage)| format!("{stage} ({when})"))
                .collect::<Vec<_>>()
                .join(" → ");
            writeln!(
                out,
                "- **{}** — {}: {steps}",
                one_line(&t.subject),
                one_line(&t.topic)
            )?;
        }
        writeln!(out)?;
    }
    if let Some(ci) = &s.callins {
        writeln!(out, "## Call-ins\n")?;
        if ci.by_status.is_empty() {
            writeln!(out, "No call-ins in this period.\n")?;
        } else {
            for (k, n) in &ci.by_status {
                writeln!(out, "- {k}: {n}")?;
            }
            for (k, n) in &ci.by_rupture {
                writeln!(out, "- rupture {k}: {n}")?;
            }
            writeln!(out)?;
        }
    }
    writeln!(out, "## Excerpts\n")?;
    if s.excerpts.is_empty() {
        writeln!(out, "No excerpts chosen.\n")?;
    }
    for x in &s.excerpts {
        writeln!(out, "### {}\n", one_line(&x.title))?;
        let mut about = vec![x.when.clone(), x.kind.clone()];
        if let Some(m) = &x.model {
            about.push(m.clone());
        }
        writeln!(out, "*{}*\n", about.join(" · "))?;
        if !x.strengths.is_empty() {
            writeln!(out, "**Strengths:** {}\n", x.strengths.join(", "))?;
        }
        if x.parts.is_empty() && x.of.is_empty() {
            writeln!(out, "{}\n", inert(x.text.trim_end()))?;
            continue;
        }
        if !x.of.is_empty() {
            writeln!(out, "Excerpt: {}\n", one_line(&x.of))?;
        }
        for part in &x.parts {
            writeln!(out, "From **{}**:\n", one_line(&part.from))?;
            for line in part.text.trim_end().lines() {
                writeln!(out, "> {}", inert(line))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// A regulator profile as Markdown: guidance, totals, each record with what is still to
/// write, then the log tables (the NMC's CPD log and feedback log) laid out as the
/// templates are.
pub fn write_profile(out: &mut dyn Write, head: &Head, doc: &ProfileDoc) -> anyhow::Result<()> {
    write_head(out, &doc.title, head)?;
    for g in &doc.guidance {
        writeln!(out, "{g}\n")?;
    }
    if !doc.totals.is_empty() {
        writeln!(out, "| | |\n|---|---|")?;
        for (k, v) in &doc.totals {
            writeln!(out, "| {} | {} |", cell(k), cell(v))?;
        }
        writeln!(out)?;
    }
    for r in &doc.records {
        writeln!(out, "## {}\n", one_line(&r.heading))?;
        for (label, text) in &r.fields {
            let text = text.trim();
            writeln!(
                out,
                "**{}**\n\n{}\n",
                one_line(label),
                if text.is_empty() {
                    "—".into()
                } else {
                    inert(text)
                }
            )?;
        }
        write_missing(out, &r.missing)?;
    }
    for log in &doc.logs {
        writeln!(out, "## {}\n", one_line(&log.title))?;
        if log.rows.is_empty() {
            writeln!(out, "{}\n", one_line(&log.empty))?;
        } else {
            let cols: Vec<String> = log.columns.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cols.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(cols.len()))?;
            for r in &log.rows {
                let cells: Vec<String> = r.fields.iter().map(|(_, v)| cell(v)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
            writeln!(out)?;
            let gaps: Vec<&crate::transfer::profile::Record> =
                log.rows.iter().filter(|r| !r.missing.is_empty()).collect();
            if !gaps.is_empty() {
                writeln!(
                    out,
                    "**Before you submit the {}:**\n",
                    lower_first(&log.title)
                )?;
                for r in gaps {
                    writeln!(
                        out,
                        "- {}: {}",
                        one_line(&r.heading),
                        one_line(&r.missing.join("; "))
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// "Still to write before you submit: …", when anything is.
fn write_missing(out: &mut dyn Write, missing: &[String]) -> anyhow::Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    writeln!(out, "> **Still to write before you submit:**")?;
    for m in missing {
        writeln!(out, "> - {}", one_line(m))?;
    }
    writeln!(out)?;
    Ok(())
}

/// "CPD log" stays as it is; "Practice-related feedback log" → "practice-related feedback
/// log", for the middle of a sentence.
pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.clone().next()) {
        (Some(f), Some(n)) if f.is_uppercase() && !n.is_uppercase() => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

/// Text for a table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}
