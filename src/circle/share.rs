//! What an entry of mine becomes when it is shared with a circle, what a contribution
//! becomes when brought to my supervision, and how a preview says what was replaced: the
//! one place both the command line and the pane take them from.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Body, Circle, Contribution, Shared};
use crate::model::{Entry, EntryKind, Scope};
use crate::transfer::excerpt::{self, Pick};
use crate::transfer::export::{month_year, round_dates};
use crate::transfer::redact::Redactor;

/// Entry `e` as the circle would read it, as a contribution of its kind (a reflection's
/// excerpt, a recognition, a group session's record): redacted, dated by month, the parts
/// `pick` chooses (an excerpt) or its written parts. `model_name` names a model by its id.
/// Refused, saying why, when the entry is not shareable, is in the trash or is of a kind
/// a circle does not take.
pub fn entry_body(
    mut e: Entry,
    pick: Option<&Pick>,
    redactor: &mut Redactor,
    model_name: impl Fn(&str) -> String,
) -> Result<Body, String> {
    let sid = e.short_id();
    let kind = e.kind;
    if !matches!(
        kind,
        EntryKind::Reflection | EntryKind::Recognition | EntryKind::GroupSession
    ) {
        return Err(format!(
            "entry {sid} is a {kind}: a circle takes reflections (as excerpts), recognitions and group sessions"
        ));
    }
    if e.deleted_at.is_some() {
        return Err(format!(
            "entry {sid} is in the trash: `praxis restore {sid}` first"
        ));
    }
    if e.scope != Scope::Shareable {
        return Err(format!(
            "entry {sid} is {}: a circle takes only entries you marked shareable (`praxis edit {sid}` and set scope: shareable)",
            e.scope
        ));
    }
    let model = e
        .model
        .as_deref()
        .filter(|_| kind == EntryKind::Reflection)
        .map(model_name);
    redactor.redact_entry(&mut e);
    round_dates(&mut e);
    let (parts, of) = match (kind, pick) {
        (EntryKind::Reflection, p) => p
            .unwrap_or(&Pick::Default)
            .take(&e)
            .map_err(|why| format!("entry {sid}: {why}"))?,
        _ => (excerpt::all_parts(&e), "the record".to_string()),
    };
    let facts = crate::model::practice::facts(&e.details, &month_year)
        .into_iter()
        .map(|(l, t)| (l.to_string(), t))
        .collect();
    let s = Shared {
        title: e.title.clone(),
        when: month_year(e.occurred_on),
        model,
        parts,
        of,
        facts,
        strengths: e
            .strengths
            .iter()
            .map(|s| redactor.redact(&s.spelled()))
            .collect(),
    };
    Ok(match kind {
        EntryKind::Recognition => Body::Recognition(s),
        EntryKind::GroupSession => Body::Group(s),
        _ => Body::Excerpt(s),
    })
}

/// "Replaced before sharing: 1 name, 1 date." for what `redactor` replaced, if anything.
#[must_use]
pub fn replaced(redactor: &Redactor) -> Option<String> {
    let counts = redactor.counts();
    if counts.is_empty() {
        return None;
    }
    let what: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{n} {}", k.label()))
        .collect();
    Some(format!("Replaced before sharing: {}.", what.join(", ")))
}

/// A journal entry of mine that brings contribution `c` to my supervision: flagged for
/// it, private, quoting the contribution and naming it (`circle:<circle>/<id>`).
#[must_use]
pub fn brought(circle: &Circle, c: &Contribution, today: NaiveDate, now: DateTime<Utc>) -> Entry {
    let mut e = Entry::new(EntryKind::Reflection, today, now);
    e.title = crate::model::text::truncate(&format!("From the circle: {}", c.body.headline()), 120)
        .into_owned();
    let mut body = vec![format!(
        "Brought from the circle '{}' to supervision.",
        circle.manifest.name
    )];
    body.push(String::new());
    body.extend(circle.lines(c).into_iter().map(|l| format!("> {l}")));
    body.push(String::new());
    body.push(format!("circle:{}/{}", circle.manifest.id, c.id));
    e.body = body.join("\n");
    e.for_supervision = true;
    e.scope = Scope::Private;
    e.tags = vec!["circle".into()];
    e
}
