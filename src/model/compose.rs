//! Entries as editable Markdown documents and back: the header block, the model's
//! sections with their prompts, and tracked actions written as `- [ ]` lines.

use chrono::NaiveDate;

use crate::model::doc::{DocSection, RenderSection, comment_lines};
use crate::model::text::split_title;
use crate::model::{
    Action, ActionStatus, CheckIn, DocError, Document, DocumentSpec, Entry, Scope, Section,
    StrengthTag, Template, Vocabulary, Whose, parse_date_arg, render_document,
};

/// Header keys of an entry document, in the order they are written.
pub const HEADER_KEYS: &[&str] = &[
    "title",
    "date",
    "scope",
    "supervision",
    "strengths",
    "tags",
    "mood",
    "energy",
    "load",
    "carrying",
    "word",
    "helped",
];

/// The key under which a free entry's text is kept by models with a single body section.
const BODY_KEY: &str = "body";

/// The sections an entry shows: its model's, then any stored ones the model lacks.
fn section_list(
    entry: &Entry,
    model: Option<&Template>,
) -> Vec<(String, String, Vec<String>, bool)> {
    let mut out: Vec<(String, String, Vec<String>, bool)> = Vec::new();
    if let Some(m) = model.filter(|m| !m.is_free()) {
        for f in &m.fields {
            out.push((f.key.clone(), f.label.clone(), f.prompts.clone(), f.action));
        }
    }
    for s in &entry.sections {
        if !out.iter().any(|(k, ..)| *k == s.key) {
            out.push((s.key.clone(), s.label.clone(), Vec::new(), false));
        }
    }
    out
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Renders an entry (new or existing) as the document `praxis add`/`edit` opens.
#[must_use]
pub fn render_entry(entry: &Entry, model: Option<&Template>) -> String {
    let c = entry.checkin.clone().unwrap_or_default();
    let header: Vec<(&str, String)> = vec![
        ("title", entry.title.clone()),
        ("date", entry.occurred_on.to_string()),
        ("scope", entry.scope.to_string()),
        ("supervision", yes_no(entry.for_supervision)),
        (
            "strengths",
            entry
                .strengths
                .iter()
                .map(StrengthTag::spelled)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("tags", entry.tags.join(", ")),
        ("mood", opt(c.mood)),
        ("energy", opt(c.energy)),
        ("load", opt(c.load)),
        ("carrying", opt(c.carrying)),
        ("word", opt(c.word)),
        ("helped", opt(c.helped)),
    ];
    let mut intro = vec![format!(
        "{} · {}{} — write below; lines like these are ignored.",
        entry.kind,
        model.map_or("no model", |m| m.name.as_str()),
        if entry.version > 0 {
            format!(" · entry {}", entry.short_id())
        } else {
            String::new()
        }
    )];
    intro.push(
        "scope: private | supervision | shareable · supervision: yes | no · strengths: name or name:person / name:team / name:colleague"
            .into(),
    );
    intro.push("mood and energy 1–5 · load: light | manageable | heavy | overloaded · carrying: no | some | a-lot".into());
    let list = section_list(entry, model);
    let typed = crate::model::details::entry_texts(entry);
    let texts: Vec<String> = list
        .iter()
        .map(|(key, _, _, is_action)| {
            if let Some((_, v)) = typed.iter().find(|(k, _)| k == key) {
                return v.clone();
            }
            let text = entry.section(key).unwrap_or_default();
            if *is_action {
                sync_checkboxes(text, &entry.actions)
            } else {
                text.to_string()
            }
        })
        .collect();
    let mut action_prompts: Vec<Vec<String>> = Vec::new();
    for (key, _, prompts, is_action) in &list {
        let mut p = prompts.clone();
        if let Some(hint) = model.and_then(|m| m.field(key)).and_then(value_hint) {
            p.push(hint);
        }
        if *is_action {
            p.push("Start a line with '- [ ] ' to track it as an action; add '(due YYYY-MM-DD)' for a date.".into());
        }
        action_prompts.push(p);
    }
    let sections: Vec<RenderSection<'_>> = list
        .iter()
        .zip(&texts)
        .zip(&action_prompts)
        .map(|(((_, label, _, _), text), prompts)| RenderSection {
            label,
            prompts,
            text,
        })
        .collect();
    render_document(&header, &intro, &entry.body, &sections)
}

/// What a typed field accepts, as a one-line hint.
fn value_hint(f: &crate::model::FieldSpec) -> Option<String> {
    use crate::model::FieldType as T;
    let hint = match f.kind {
        T::Text => None,
        T::Date => Some("A date as YYYY-MM-DD.".into()),
        T::Int => Some(format!(
            "A whole number{}.",
            match (f.min, f.max) {
                (Some(a), Some(b)) => format!(" from {a} to {b}"),
                _ => String::new(),
            }
        )),
        T::Choice => Some(format!("One of: {}.", f.options.join(" | "))),
        T::Bool => Some("yes or no.".into()),
        T::List => Some(format!(
            "One item per line, starting with '- '{}.",
            f.item
                .as_deref()
                .map(|i| format!(": {i}"))
                .unwrap_or_default()
        )),
    };
    match (hint, f.required) {
        (Some(h), true) => Some(format!("Required. {h}")),
        (None, true) => Some("Required.".into()),
        (h, false) => h,
    }
}

/// Writes done actions as `- [x]` so the document shows where each action stands.
pub fn sync_checkboxes(text: &str, actions: &[Action]) -> String {
    // Lines and actions with the same text pair up in order, as `actions_from_sections`
    // pairs them: one of two "call back" lines done leaves the other open.
    let mut used = vec![false; actions.len()];
    text.lines()
        .map(|line| match parse_action_line(line) {
            Some((_, t, _)) => {
                let found = (0..actions.len()).find(|&i| !used[i] && actions[i].text == t);
                if let Some(i) = found {
                    used[i] = true;
                }
                let done = found.is_some_and(|i| actions[i].status == ActionStatus::Done);
                let indent = &line[..line.len() - line.trim_start().len()];
                let rest = line.trim_start()[5..].to_string();
                format!("{indent}- [{}]{rest}", if done { 'x' } else { ' ' })
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rewrites `(due friday)`, `(due tomorrow)`… on action lines as `(due YYYY-MM-DD)`.
fn resolve_due_words(text: &str, today: NaiveDate) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_end();
            let is_action = t.trim_start().starts_with("- [");
            match (is_action, t.rfind("(due "), t.ends_with(')')) {
                (true, Some(open), true) => {
                    let word = &t[open + 5..t.len() - 1];
                    match crate::model::parse_date_arg(word) {
                        Ok(d) => format!("{}(due {})", &t[..open], d.resolve_ahead(today)),
                        Err(_) => line.to_string(),
                    }
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `- [ ] text (due 2026-03-20)` / `- [x] text`: (done, text, due).
#[must_use]
pub fn parse_action_line(line: &str) -> Option<(bool, String, Option<NaiveDate>)> {
    let t = line.trim_start();
    let rest = t.strip_prefix("- [")?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let rest = chars.as_str().strip_prefix("] ")?;
    let done = match mark {
        ' ' => false,
        'x' | 'X' => true,
        _ => return None,
    };
    let mut text = rest.trim().to_string();
    let mut due = None;
    if let Some(open) = text.rfind("(due ")
        && text.ends_with(')')
        && let Some(d) = crate::model::date::parse_iso_date(text[open + 5..text.len() - 1].trim())
    {
        due = Some(d);
        text = text[..open].trim_end().to_string();
    }
    (!text.is_empty()).then_some((done, text, due))
}

/// The actions written in the action sections of `sections`, keeping the identity and
/// history of `existing` ones with the same text.
#[must_use]
pub fn actions_from_sections(
    sections: &mut [Section],
    model: Option<&Template>,
    existing: &[Action],
    today: NaiveDate,
) -> Vec<Action> {
    let Some(model) = model else {
        return existing.to_vec();
    };
    // `(due friday)` is written down as the date it meant today, so it never drifts.
    for s in sections.iter_mut() {
        if model.field(&s.key).is_some_and(|f| f.action) {
            s.text = resolve_due_words(&s.text, today);
        }
    }
    let sections: &[Section] = sections;
    let mut out: Vec<Action> = Vec::new();
    for s in sections {
        if !model.field(&s.key).is_some_and(|f| f.action) {
            continue;
        }
        for line in s.text.lines() {
            let Some((done, text, due)) = parse_action_line(line) else {
                continue;
            };
            let mut a = existing
                .iter()
                .find(|a| a.text == text && !out.iter().any(|o| o.id == a.id))
                .cloned()
                .unwrap_or_else(|| Action::new(text, due));
            if due.is_some() {
                a.due_on = due;
            }
            match (done, a.status) {
                (true, ActionStatus::Done) | (false, ActionStatus::Open | ActionStatus::Partly) => {
                }
                (true, _) => {
                    a.status = ActionStatus::Done;
                    a.done_on = Some(today);
                }
                (false, ActionStatus::Done) => {
                    a.status = ActionStatus::Open;
                    a.done_on = None;
                }
            }
            out.push(a);
        }
    }
    // Actions not written in any section (added with --action) stay as they are.
    for a in existing {
        let written = sections.iter().any(|s| {
            s.text
                .lines()
                .any(|l| parse_action_line(l).is_some_and(|(_, t, _)| t == a.text))
        });
        if !written && !out.iter().any(|o| o.id == a.id) {
            out.push(a.clone());
        }
    }
    out
}

/// Parses `name`, `name:whose` against the vocabulary.
pub fn parse_strength(spec: &str, vocab: &Vocabulary) -> Result<StrengthTag, String> {
    let (name, whose) = match spec.rsplit_once(':') {
        Some((n, w)) => (n, w.parse::<Whose>()?),
        None => (spec, Whose::Mine),
    };
    Ok(StrengthTag::new(vocab.resolve(name)?, whose))
}

/// Normalises a topic tag: trimmed, lowercase, inner spaces as hyphens, no leading '#'/'@'.
/// A tag holds at least one character, and no control character or comma (a comma
/// separates tags wherever they are listed).
pub fn normalise_tag(tag: &str) -> Result<String, String> {
    let t = tag
        .trim()
        .trim_start_matches(['#', '@'])
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    if t.is_empty() || t.chars().any(|c| c.is_control() || c == ',') {
        return Err(format!(
            "'{}' is not a usable tag (a tag is a word or words, without commas or control characters)",
            crate::model::text::sanitize_line(tag.trim())
        ));
    }
    Ok(t)
}

/// The one rule for a stored tag, wherever it comes from: it is already as
/// [`normalise_tag`] writes it.
pub fn check_tag(tag: &str) -> Result<(), String> {
    match normalise_tag(tag)? {
        t if t == tag => Ok(()),
        t => Err(format!(
            "tag '{}' is not written as praxis writes tags ('{t}')",
            crate::model::text::sanitize_line(tag)
        )),
    }
}

fn list_values(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Applies an edited document to `base` (a new entry's defaults or the stored entry).
/// Every problem is reported with its line.
pub fn apply_document(
    text: &str,
    base: &Entry,
    model: Option<&Template>,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Entry, DocError> {
    let list = section_list(base, model);
    // The hints and prompts praxis wrote: the document of `base` with no text in it.
    let mut bare = base.clone();
    bare.body.clear();
    bare.sections.iter_mut().for_each(|s| s.text.clear());
    let spec = DocumentSpec {
        header_keys: HEADER_KEYS.iter().map(|s| (*s).to_string()).collect(),
        sections: list
            .iter()
            .map(|(k, l, ..)| (k.clone(), l.clone()))
            .collect(),
        own_comments: comment_lines(&render_entry(&bare, model)),
    };
    let doc = Document::parse(text, &spec)?;
    let mut e = base.clone();
    let mut checkin = CheckIn::default();
    for h in &doc.header {
        let err = |m: String| DocError::new(h.line, m);
        let v = h.value.as_str();
        match h.key.as_str() {
            "title" => e.title = v.to_string(),
            "date" => {
                e.occurred_on = if v.is_empty() {
                    base.occurred_on
                } else {
                    parse_date_arg(v).map_err(err)?.resolve(today)
                };
            }
            "scope" => {
                e.scope = if v.is_empty() {
                    Scope::Private
                } else {
                    v.parse().map_err(err)?
                };
            }
            "supervision" => {
                e.for_supervision = match v.to_lowercase().as_str() {
                    "yes" | "y" | "true" => true,
                    "no" | "n" | "false" | "" => false,
                    other => {
                        return Err(err(format!("supervision must be yes or no, not '{other}'")));
                    }
                };
            }
            "strengths" => {
                let mut tags = Vec::new();
                for s in list_values(v) {
                    let tag = parse_strength(s, vocab).map_err(err)?;
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
                e.strengths = tags;
            }
            "tags" => {
                let mut tags = Vec::new();
                for t in list_values(v) {
                    let t = normalise_tag(t).map_err(err)?;
                    if !tags.contains(&t) {
                        tags.push(t);
                    }
                }
                e.tags = tags;
            }
            "mood" | "energy" if !v.is_empty() => {
                let n: u8 = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(|| {
                        err(format!(
                            "{} must be a whole number from 1 to 5, not '{v}'",
                            h.key
                        ))
                    })?;
                if h.key == "mood" {
                    checkin.mood = Some(n);
                } else {
                    checkin.energy = Some(n);
                }
            }
            "load" if !v.is_empty() => checkin.load = Some(v.parse().map_err(err)?),
            "carrying" if !v.is_empty() => checkin.carrying = Some(v.parse().map_err(err)?),
            "word" if !v.is_empty() => checkin.word = Some(v.to_string()),
            "helped" if !v.is_empty() => checkin.helped = Some(v.to_string()),
            _ => {}
        }
    }
    e.checkin = (!checkin.is_empty()).then_some(checkin);
    e.body = doc.body.clone();
    e.sections = list
        .iter()
        .filter_map(|(key, label, ..)| {
            let s: Option<&DocSection> = doc.section(key);
            // A heading left empty is no section: an edit adds nothing that was not written.
            s.filter(|s| !s.text.trim().is_empty()).map(|s| Section {
                key: key.clone(),
                label: label.clone(),
                text: s.text.clone(),
            })
        })
        .collect();
    // Typed fields of structured kinds become details, checked, with their line on error.
    if let Some(t) = model {
        let typed = crate::model::details::typed_keys(&t.id);
        if !typed.is_empty() {
            let get = |k: &str| doc.section(k).map(|s| s.text.clone());
            crate::model::details::absorb(&mut e, t, &get).map_err(|(key, msg)| {
                DocError::new(doc.section(&key).map_or(doc.body_line, |s| s.line), msg)
            })?;
            e.sections.retain(|s| !typed.contains(&s.key.as_str()));
        }
    }
    // A free model keeps its text as the body, whichever way it was written.
    if model.is_some_and(Template::is_free)
        && let Some(pos) = e.sections.iter().position(|s| s.key == BODY_KEY)
    {
        let s = e.sections.remove(pos);
        if e.body.is_empty() {
            e.body = s.text;
        }
    }
    // The actions the typed fields gave (a record's agreed actions), with those written
    // as `- [ ]` lines in the action sections.
    let typed_actions = std::mem::take(&mut e.actions);
    e.actions = actions_from_sections(&mut e.sections, model, &typed_actions, today);
    crate::model::rules::fill_title(&mut e);
    Ok(e)
}

/// A title from the first words written, for entries saved without one.
#[must_use]
pub fn derive_title(e: &Entry) -> String {
    let first = std::iter::once(e.body.as_str())
        .chain(e.sections.iter().map(|s| s.text.as_str()))
        .find(|t| !t.trim().is_empty())
        .unwrap_or_default();
    let (title, _) = split_title(first);
    whole_words(&title, TITLE_MOST)
}

/// The longest title made from the text (in characters): a first sentence longer than
/// this is cut after its last whole word that fits.
pub const TITLE_MOST: usize = 160;

/// A title given as text that runs past [`TITLE_MOST`] characters: the whole words that
/// fit, and the rest (for the body, so nothing written is dropped).
#[must_use]
pub fn cut_title(title: &str) -> (String, String) {
    let short = whole_words(title, TITLE_MOST);
    let rest = title.get(short.len()..).unwrap_or_default().trim();
    (short, rest.to_string())
}

/// `text` up to `most` characters, cut after a whole word; never an ellipsis, which is
/// for display only (the lists cut titles to their width themselves).
fn whole_words(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most).collect();
    let at = cut.rfind(char::is_whitespace).filter(|&i| i > 0);
    at.map_or(cut.as_str(), |i| &cut[..i])
        .trim_end_matches([',', ';', ':', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    #[test]
    fn a_long_title_is_cut_after_a_whole_word_and_nothing_is_dropped() {
        let long = "word ".repeat(100);
        let (title, rest) = super::cut_title(long.trim());
        assert!(title.chars().count() <= super::TITLE_MOST, "{title}");
        assert!(title.ends_with("word"), "{title}");
        assert_eq!(format!("{title} {rest}"), long.trim());
        assert_eq!(
            super::cut_title("Short and sweet"),
            ("Short and sweet".to_string(), String::new())
        );
        let unbroken = "x".repeat(400);
        let (title, rest) = super::cut_title(&unbroken);
        assert_eq!(format!("{title}{rest}"), unbroken);
    }

    use super::*;
    use crate::config::catalog::Catalog;
    use crate::model::EntryKind;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
    }

    fn entry() -> Entry {
        Entry::new(
            EntryKind::Reflection,
            today(),
            Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap(),
        )
    }

    #[test]
    fn a_title_from_the_text_is_its_first_sentence_whole_without_an_ellipsis() {
        let mut e = entry();
        let sentence = "Talked with R about her medication changes and why the new times \
                        upset her morning routine so much";
        e.body = format!("{sentence}. Then the rest.");
        assert_eq!(derive_title(&e), format!("{sentence}."));
        e.body = "word ".repeat(100);
        let t = derive_title(&e);
        assert!(!t.contains('…') && t.chars().count() <= TITLE_MOST, "{t}");
        assert!(t.ends_with("word"), "{t}");
    }

    #[test]
    fn a_gibbs_document_round_trips() {
        let cat = Catalog::builtin();
        let gibbs = cat.model("gibbs").unwrap();
        let mut e = entry();
        e.model = Some("gibbs".into());
        let text = render_entry(&e, Some(gibbs))
            .replace("title: \n", "title: Handover\n")
            .replace("strengths: \n", "strengths: listening, warmth:person\n")
            .replace("mood: \n", "mood: 4\n")
            .replace(
                "## Feelings\n",
                "## Feelings\nAnxious at first.\n\n## Not a heading of Gibbs\nstill feelings\n",
            )
            .replace(
                "## Action plan\n",
                "## Action plan\n- [ ] Ask for a debrief (due 2026-03-25)\n- [x] Read the policy\n",
            );
        let got = apply_document(&text, &e, Some(gibbs), &cat.vocabulary, today()).unwrap();
        assert_eq!(got.title, "Handover");
        assert_eq!(
            got.section("feelings").unwrap(),
            "Anxious at first.\n\n## Not a heading of Gibbs\nstill feelings"
        );
        assert_eq!(got.strengths.len(), 2);
        assert_eq!(got.checkin.as_ref().unwrap().mood, Some(4));
        assert_eq!(got.actions.len(), 2);
        assert_eq!(got.actions[0].due_on, NaiveDate::from_ymd_opt(2026, 3, 25));
        assert_eq!(got.actions[1].status, ActionStatus::Done);
        // Rendering the result and reading it back changes nothing.
        let again = apply_document(
            &render_entry(&got, Some(gibbs)),
            &got,
            Some(gibbs),
            &cat.vocabulary,
            today(),
        )
        .unwrap();
        assert_eq!(again, got);
    }

    #[test]
    fn agreed_actions_written_in_the_editor_are_kept() {
        let cat = Catalog::builtin();
        let record = cat.template("supervision-record").unwrap();
        let mut e = entry();
        e.kind = EntryKind::Supervision;
        e.model = Some("supervision-record".into());
        let text = render_entry(&e, Some(record)).replace(
            "## Agreed actions\n",
            "## Agreed actions\n- Ring the GP | me | 2026-04-02\n- Book the room | manager |\n",
        );
        let got = apply_document(&text, &e, Some(record), &cat.vocabulary, today()).unwrap();
        let actions: Vec<(&str, Option<&str>)> = got
            .actions
            .iter()
            .map(|a| (a.text.as_str(), a.owner.as_deref()))
            .collect();
        assert_eq!(
            actions,
            [("Ring the GP", None), ("Book the room", Some("manager"))]
        );
        assert_eq!(got.title, "Supervision record for 2026-03-18");
        // And a session model's action lines come as well as the agreed actions.
        let group = cat.group_template(Some("action-learning")).unwrap();
        let mut g = entry();
        g.kind = EntryKind::GroupSession;
        g.model = Some("action-learning".into());
        let text = render_entry(&g, Some(&group))
            .replace("## Format\n", "## Format\naction-learning-set\n")
            .replace(
                "## Actions\n",
                "## Actions\n- Share the notes | facilitator |\n",
            )
            .replace(
                "## Commitment to act\n",
                "## Commitment to act\n- [ ] Ask the family what an ending means\n",
            );
        let got = apply_document(&text, &g, Some(&group), &cat.vocabulary, today()).unwrap();
        let texts: Vec<&str> = got.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Ask the family what an ending means", "Share the notes"]
        );
        assert_eq!(got.title, "Action-learning set");
    }

    #[test]
    fn header_errors_name_their_line() {
        let cat = Catalog::builtin();
        let text = render_entry(&entry(), None).replace("mood: \n", "mood: 9\n");
        let err = apply_document(&text, &entry(), None, &cat.vocabulary, today()).unwrap_err();
        assert_eq!(err.line, 8, "{err}");
        assert!(err.message.contains("1 to 5"), "{err}");
        let text = render_entry(&entry(), None).replace("strengths: \n", "strengths: listnening\n");
        let err = apply_document(&text, &entry(), None, &cat.vocabulary, today()).unwrap_err();
        assert!(err.message.contains("did you mean 'listening'"), "{err}");
    }

    #[test]
    fn action_lines() {
        assert_eq!(
            parse_action_line("  - [ ] call back (due 2026-04-01)"),
            Some((
                false,
                "call back".into(),
                NaiveDate::from_ymd_opt(2026, 4, 1)
            ))
        );
        assert_eq!(
            parse_action_line("- [X] done it"),
            Some((true, "done it".into(), None))
        );
        assert_eq!(parse_action_line("- [?] odd"), None);
        assert_eq!(parse_action_line("- plain bullet"), None);
        let today = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
        assert_eq!(
            resolve_due_words(
                "- [ ] ring (due friday)\n- [ ] x (due soon)\nplain (due monday)",
                today
            ),
            "- [ ] ring (due 2026-03-20)\n- [ ] x (due soon)\nplain (due monday)"
        );
    }
}
