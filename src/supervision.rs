//! Supervision preparation, shared by `praxis supervision prep` and the app's board: the
//! prep entry built from what the journal gathered, and the agenda as Markdown.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::details::format_hours;
use crate::model::text::plural;
use crate::model::{
    ActionStatus, AgendaItem, Details, Entry, EntryKind, FeedbackSource, Function, Section,
    SessionStage, SessionType, Supervision, Want,
};
use crate::store::PrepMaterial;

/// The prep entry: typed session facts, the agenda (own items first, then suggestions
/// from what was gathered) and the gathered material as section text.
pub fn prep_entry(
    m: &PrepMaterial,
    on: NaiveDate,
    role: Option<String>,
    session_type: Option<SessionType>,
    minutes: Option<u32>,
    own: Vec<AgendaItem>,
    now: DateTime<Utc>,
) -> Entry {
    let mut e = Entry::new(EntryKind::Supervision, on, now);
    e.model = Some("supervision-prep".into());
    e.scope = crate::model::Scope::Supervision;
    let mut agenda = own;
    let item = |f: Function, mins: u32, want: Want, text: String| AgendaItem {
        text,
        function: Some(f),
        minutes: Some(mins),
        want: Some(want),
    };
    if let Some(last) = &m.last
        && !m.carried.is_empty()
    {
        agenda.push(item(
            Function::Normative,
            10,
            Want::Decision,
            format!("Review the actions agreed on {}", last.session_on),
        ));
    }
    for f in flagged_alone(m) {
        agenda.push(item(
            Function::Formative,
            10,
            Want::Advice,
            format!("{} ({})", f.title, f.short_id),
        ));
    }
    for c in &m.follow_ups {
        agenda.push(item(
            Function::Formative,
            5,
            Want::Advice,
            format!("Follow-up due: {} ({})", c.entry.title, c.entry.short_id),
        ));
    }
    for s in &m.stale {
        agenda.push(item(
            Function::Formative,
            5,
            Want::Space,
            format!(
                "{} · {}: {} since {} ({} weeks)",
                s.subject, s.topic, s.stage, s.since, s.weeks
            ),
        ));
    }
    agenda.extend(practice_agenda(m));
    if m.pattern.heavy_days >= 3 {
        agenda.push(item(
            Function::Restorative,
            15,
            Want::Space,
            format!(
                "Heavy load on {} days since the last session",
                m.pattern.heavy_days
            ),
        ));
    }
    e.details = Details::Supervision(Supervision {
        stage: SessionStage::Prep,
        session_on: on,
        supervisor_role: role,
        session_type,
        length_minutes: minutes,
        prep: None,
        counts_as_cpd: false,
        peer_reflection: false,
        agenda,
    });
    let carried: Vec<String> = m
        .carried
        .iter()
        .map(|a| {
            let status = match a.action.status {
                ActionStatus::Done => "done",
                ActionStatus::Partly => "partly",
                ActionStatus::Open => "not-yet",
            };
            let blocker = a
                .action
                .blocker
                .as_deref()
                .map(|b| format!(" — {b}"))
                .unwrap_or_default();
            format!("- {status} — {}{blocker}", a.action.text)
        })
        .collect();
    let mut sections = Vec::new();
    if !carried.is_empty() {
        sections.push((
            "carried-actions",
            "Actions carried over",
            carried.join("\n"),
        ));
    }
    sections.push(("bring", "What I bring", bring_text(m)));
    crate::model::rules::fill_title(&mut e);
    e.sections = sections
        .into_iter()
        .map(|(key, label, text)| Section {
            key: key.into(),
            label: label.into(),
            text,
        })
        .collect();
    e
}

/// The flagged entries the agenda names on their own: not those it brings under another
/// item (a follow-up due, an open rupture, recognition not yet said, feedback, a review
/// due, a group session), which would otherwise be on it twice.
#[must_use]
pub fn flagged_alone(m: &PrepMaterial) -> Vec<&crate::model::EntrySummary> {
    let p = &m.practice;
    let elsewhere: std::collections::HashSet<uuid::Uuid> = m
        .follow_ups
        .iter()
        .map(|c| c.entry.id)
        .chain(p.ruptures.iter().map(|r| r.entry.id))
        .chain(p.unsaid.iter().map(|r| r.entry.id))
        .chain(p.feedback.iter().map(|f| f.entry.id))
        .chain(p.reviews_due.iter().map(|r| r.entry.id))
        .chain(p.sessions.iter().map(|g| g.entry.id))
        .collect();
    m.flagged
        .iter()
        .filter(|f| !elsewhere.contains(&f.id))
        .collect()
}

/// The agenda items the practice kinds suggest (PRACTICE.md §13–§16): open ruptures,
/// recognition not yet said, new feedback and positive-risk reviews due. The prep and
/// the app's board both take them from here.
#[must_use]
pub fn practice_agenda(m: &PrepMaterial) -> Vec<AgendaItem> {
    let mut items = Vec::new();
    practice_items(m, &mut |f, mins, want, text| {
        items.push(AgendaItem {
            text,
            function: Some(f),
            minutes: Some(mins),
            want: Some(want),
        });
    });
    items
}

fn practice_items(m: &PrepMaterial, add: &mut dyn FnMut(Function, u32, Want, String)) {
    let p = &m.practice;
    for r in &p.ruptures {
        add(
            Function::Restorative,
            10,
            Want::Space,
            format!(
                "Rupture with {}, {} since {} ({})",
                r.subject, r.status, r.entry.occurred_on, r.entry.short_id
            ),
        );
    }
    for f in &p.feedback {
        let function = if f.source == FeedbackSource::Complaint {
            Function::Normative
        } else {
            Function::Formative
        };
        add(
            function,
            5,
            Want::Advice,
            if ["Feedback", "A complaint", "A compliment"]
                .iter()
                .any(|p| f.entry.title.starts_with(p))
            {
                format!("{} ({})", f.entry.title, f.entry.short_id)
            } else {
                format!("Feedback: {} ({})", f.entry.title, f.entry.short_id)
            },
        );
    }
    for r in &p.reviews_due {
        let due = r
            .review_on
            .map(|d| format!(" (due {d})"))
            .unwrap_or_default();
        add(
            Function::Normative,
            10,
            Want::Decision,
            format!(
                "Positive-risk review{due}: {} ({})",
                r.entry.title, r.entry.short_id
            ),
        );
    }
    for r in &p.unsaid {
        add(
            Function::Restorative,
            5,
            Want::Space,
            format!(
                "Recognition not yet said: {} ({})",
                r.entry.title, r.entry.short_id
            ),
        );
    }
}

/// Flagged entries, check-in patterns and CPD as Markdown lines.
pub fn bring_text(m: &PrepMaterial) -> String {
    let mut s = String::new();
    if m.flagged.is_empty() {
        s.push_str("No entries flagged for supervision since the last session.\n");
    }
    for f in &m.flagged {
        let _ = writeln!(
            s,
            "- {} {} {} ({})",
            f.short_id, f.occurred_on, f.title, f.kind
        );
    }
    let p = &m.pattern;
    if p.checkins > 0 {
        let avg = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "- Check-ins: {} (mood {} and energy {} out of 5 on average); heavy load on {}; carrying a lot {}.",
            p.checkins,
            avg(p.mood_average),
            avg(p.energy_average),
            plural(p.heavy_days, "day", "days"),
            plural(p.carrying_a_lot, "time", "times")
        );
        if p.heavy_days >= 3 {
            s.push_str(
                "- Heavy load has persisted: restorative supervision is a place for this.\n",
            );
        }
    }
    for (c, hours) in &m.cpd {
        let _ = writeln!(
            s,
            "- CPD: {} ({} h, {})",
            c.title,
            format_hours(*hours),
            c.short_id
        );
    }
    for g in &m.practice.sessions {
        let mut counts = Vec::new();
        if g.peer_reflection {
            counts.push("peer reflection".to_string());
        }
        if g.counts_as_cpd {
            counts.push(match g.length_minutes {
                Some(min) => format!("CPD {} h", format_hours(f64::from(min) / 60.0)),
                None => "CPD".to_string(),
            });
        }
        let _ = writeln!(
            s,
            "- Group session: {} ({}, {})",
            g.entry.title,
            counts.join(", "),
            g.entry.short_id
        );
    }
    s.trim_end().to_string()
}

/// The agenda as Markdown to take into the session.
pub fn agenda_markdown(e: &Entry, m: &PrepMaterial) -> String {
    let mut s = String::new();
    let Details::Supervision(sv) = &e.details else {
        return s;
    };
    let _ = writeln!(s, "# Supervision prep — {}\n", sv.session_on);
    let mut facts = Vec::new();
    if let Some(t) = sv.session_type {
        facts.push(t.to_string());
    }
    if let Some(l) = sv.length_minutes {
        facts.push(format!("{l} min"));
    }
    if let Some(r) = &sv.supervisor_role {
        facts.push(format!("with: {r}"));
    }
    if !facts.is_empty() {
        let _ = writeln!(s, "Session: {}\n", facts.join(" · "));
    }
    if let Some(last) = &m.last {
        let _ = writeln!(s, "## Actions agreed on {}\n", last.session_on);
        if m.carried.is_empty() {
            s.push_str("None were agreed.\n");
        }
        for a in &m.carried {
            let (mark, word) = match a.action.status {
                ActionStatus::Done => ("x", "done"),
                ActionStatus::Partly => ("~", "partly"),
                ActionStatus::Open => (" ", "not yet"),
            };
            let blocker = a
                .action
                .blocker
                .as_deref()
                .map(|b| format!(" — blocker: {b}"))
                .unwrap_or_default();
            let _ = writeln!(s, "- [{mark}] {} ({word}){blocker}", a.action.text);
        }
        s.push('\n');
    }
    s.push_str("## Agenda\n\n");
    if sv.agenda.is_empty() {
        s.push_str("Nothing gathered: add your own items with --item.\n");
    }
    for (i, a) in sv.agenda.iter().enumerate() {
        let mut tags = Vec::new();
        if let Some(f) = a.function {
            tags.push(f.to_string());
        }
        if let Some(mins) = a.minutes {
            tags.push(format!("{mins} min"));
        }
        if let Some(w) = a.want {
            tags.push(w.to_string());
        }
        if tags.is_empty() {
            let _ = writeln!(s, "{}. **{}**", i + 1, a.text);
        } else {
            let _ = writeln!(s, "{}. **{}** — {}", i + 1, a.text, tags.join(" · "));
        }
    }
    let _ = writeln!(s, "\n## What I bring\n\n{}\n", bring_text(m));
    if !m.follow_ups.is_empty() {
        s.push_str("## Call-in follow-ups due\n\n");
        for c in &m.follow_ups {
            let due = c
                .follow_up_on
                .map(|d| format!(" (due {d})"))
                .unwrap_or_default();
            let _ = writeln!(s, "- {} {}{due}", c.entry.short_id, c.entry.title);
        }
        s.push('\n');
    }
    if !m.stale.is_empty() {
        s.push_str("## Stage notes to review\n\n");
        for st in &m.stale {
            let _ = writeln!(
                s,
                "- {} · {}: {} since {} ({} weeks)",
                st.subject, st.topic, st.stage, st.since, st.weeks
            );
        }
        s.push('\n');
    }
    practice_markdown(&mut s, m);
    s.push_str("## My questions\n\n\n## Wellbeing (private unless I share it)\n\n");
    s
}

/// The practice kinds' part of the agenda: what is open, unsaid, new or due.
fn practice_markdown(s: &mut String, m: &PrepMaterial) {
    let p = &m.practice;
    if !p.ruptures.is_empty() {
        s.push_str("## Ruptures to work through\n\n");
        for r in &p.ruptures {
            let tried = r
                .repair_tried_on
                .map(|d| format!(", repair first tried {d}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {} {} (noticed {}{tried})",
                r.entry.short_id, r.entry.title, r.entry.occurred_on
            );
        }
        s.push('\n');
    }
    if !p.unsaid.is_empty() {
        s.push_str("## Recognition not yet said\n\n");
        for r in &p.unsaid {
            let _ = writeln!(
                s,
                "- {} {} (noted {})",
                r.entry.short_id, r.entry.title, r.entry.occurred_on
            );
        }
        s.push('\n');
    }
    if !p.feedback.is_empty() {
        s.push_str("## New feedback\n\n");
        for f in &p.feedback {
            let tone = f.tone.map(|t| format!(", {t}")).unwrap_or_default();
            let _ = writeln!(
                s,
                "- {} {} ({}{tone})",
                f.entry.short_id, f.entry.title, f.entry.occurred_on
            );
        }
        s.push('\n');
    }
    if !p.reviews_due.is_empty() {
        s.push_str("## Positive-risk reviews due\n\n");
        for r in &p.reviews_due {
            let due = r
                .review_on
                .map(|d| format!(" (due {d})"))
                .unwrap_or_default();
            let _ = writeln!(s, "- {} {}{due}", r.entry.short_id, r.entry.title);
        }
        s.push('\n');
    }
}
