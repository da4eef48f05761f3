//! What a summary quotes of an entry: chosen sections or lines, never the whole entry.
//!
//! The writer names the parts with `--excerpt ID:PARTS` (sections by key or label, `body`,
//! and line ranges); without them, a summary quotes the part of an entry that says what
//! was learned and what comes next, or the opening of its text. Each part says where it
//! is from, and the excerpt says how much of the entry it is.

use serde::{Deserialize, Serialize};

use crate::model::Entry;
use crate::model::text::plural;

/// The most characters quoted from one part.
const PART_CHARS: usize = 600;

/// What an excerpt of a one-sentence entry says instead of quoting it whole.
pub const ONE_SENTENCE: &str = "the title only: the entry is one sentence, and a summary \
    never quotes a whole entry";

/// Sections that say what the writer learned, then what they will do: a summary quotes
/// these by default (the last of each that was written).
const LEARNED: &[&str] = &[
    "so-what",
    "conclusion",
    "learning",
    "analysis",
    "evaluation",
    "reflective-observation",
    "conceptualisation",
    "empirics",
    "ethics",
    "personal",
    "theory",
];
const NEXT: &[&str] = &[
    "now-what",
    "action-plan",
    "change",
    "experimentation",
    "next-time",
    "reflexivity",
    "adjustment",
    "impact",
];

/// One quoted part of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcerptPart {
    /// Where it is from, as a reader would say it: "Analysis", "Text, lines 2–4".
    pub from: String,
    pub text: String,
}

/// Which parts of an entry to quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Pick {
    /// What was learned and what comes next, else the opening of the text.
    #[default]
    Default,
    /// The parts the writer named.
    Parts(Vec<PartPick>),
}

/// One named part: the body or a section (by key or label), whole or some of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartPick {
    pub part: String,
    /// First and last line, from 1.
    pub lines: Option<(usize, usize)>,
}

impl Pick {
    /// Reads the part after `ID:` in `--excerpt ID:PARTS`: comma-separated `KEY` (a
    /// section's key or label, or `body`), `KEY=N-M` (lines N to M of it) or `N-M` (lines
    /// of the body).
    pub fn parse(spec: &str) -> Result<Pick, String> {
        let mut parts = Vec::new();
        for item in spec.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (part, range) = match item.split_once('=') {
                Some((k, r)) => (k.trim(), Some(r.trim())),
                None if item.starts_with(|c: char| c.is_ascii_digit()) => ("body", Some(item)),
                None => (item, None),
            };
            if part.is_empty() {
                return Err(format!("'{item}' names no section: write KEY=N-M"));
            }
            let lines = range.map(|r| parse_range(r, item)).transpose()?;
            parts.push(PartPick {
                part: part.to_string(),
                lines,
            });
        }
        if parts.is_empty() {
            return Err(
                "name the parts to quote after the id: a section's key or label, `body`, or \
                 lines such as 2-4 (e.g. 1a2b:analysis or 1a2b:body=2-4)"
                    .into(),
            );
        }
        Ok(Pick::Parts(parts))
    }

    /// The parts of `e` to quote, and how much of the entry they are ("2 of 6 parts",
    /// "lines 1–3 of 9"). An error says what does not fit the entry (a section it does not
    /// have, lines beyond its end, or every part of it: an excerpt is never the whole).
    pub fn take(&self, e: &Entry) -> Result<(Vec<ExcerptPart>, String), String> {
        let written = written_parts(e);
        match self {
            Pick::Default => Ok(default_parts(&written)),
            Pick::Parts(picks) => {
                let mut out = Vec::new();
                let mut touched = std::collections::BTreeSet::new();
                let mut whole = std::collections::BTreeSet::new();
                for p in picks {
                    let (i, w) = find(&written, &p.part).ok_or_else(|| {
                        let names: Vec<&str> = written.iter().map(|w| w.key.as_str()).collect();
                        format!(
                            "it has no written part '{}': choose from {}",
                            p.part,
                            names.join(", ")
                        )
                    })?;
                    touched.insert(i);
                    let lines: Vec<&str> = w.text.lines().collect();
                    let Some((a, b)) = p.lines else {
                        whole.insert(i);
                        out.push(ExcerptPart {
                            from: w.label.clone(),
                            text: capped(&w.text),
                        });
                        continue;
                    };
                    if b > lines.len() {
                        return Err(format!(
                            "{} has {}, not {b}",
                            w.label,
                            plural(lines.len(), "line", "lines")
                        ));
                    }
                    if a == 1 && b == lines.len() {
                        whole.insert(i);
                    }
                    out.push(ExcerptPart {
                        from: format!("{}, {}", w.label, range_words(a, b)),
                        text: capped(lines[a - 1..b].join("\n").trim()),
                    });
                }
                if whole.len() == written.len() {
                    return Err(
                        "that is the whole entry, and a summary quotes only parts: choose fewer \
                         sections, or some lines (e.g. body=1-3); a one-line entry is shown \
                         by its title alone"
                            .into(),
                    );
                }
                let of = match picks.as_slice() {
                    [
                        PartPick {
                            part,
                            lines: Some((a, b)),
                        },
                    ] => {
                        let w = find(&written, part).map_or(&written[0], |(_, w)| w);
                        format!(
                            "{} of {} in {}",
                            range_words(*a, *b),
                            w.text.lines().count(),
                            w.label
                        )
                    }
                    _ => format!("{} of {} parts", touched.len(), written.len()),
                };
                Ok((out, of))
            }
        }
    }
}

/// Every written part of an entry, each cut to the length of a quoted part: what a
/// record shared as a whole gives (a recognition, a group session's record).
#[must_use]
pub fn all_parts(e: &Entry) -> Vec<ExcerptPart> {
    written_parts(e)
        .into_iter()
        .map(|w| ExcerptPart {
            from: w.label,
            text: capped(&w.text),
        })
        .collect()
}

/// "lines 2–4", "line 3".
fn range_words(a: usize, b: usize) -> String {
    if a == b {
        format!("line {a}")
    } else {
        format!("lines {a}–{b}")
    }
}

fn parse_range(r: &str, item: &str) -> Result<(usize, usize), String> {
    let bad = || format!("'{item}': lines are a number or a range such as 2-4, counted from 1");
    let (a, b) = match r.split_once(['-', '–']) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (r, r),
    };
    let a: usize = a.parse().map_err(|_| bad())?;
    let b: usize = b.parse().map_err(|_| bad())?;
    if a == 0 || b < a {
        return Err(bad());
    }
    Ok((a, b))
}

/// A written part of an entry: its body (key `body`) or a section with text.
struct Written {
    key: String,
    label: String,
    text: String,
}

fn written_parts(e: &Entry) -> Vec<Written> {
    let mut out = Vec::new();
    if !e.body.trim().is_empty() {
        out.push(Written {
            key: "body".into(),
            label: "Text".into(),
            text: e.body.trim().to_string(),
        });
    }
    for s in e.sections.iter().filter(|s| !s.text.trim().is_empty()) {
        out.push(Written {
            key: s.key.clone(),
            label: if s.label.trim().is_empty() {
                s.key.clone()
            } else {
                s.label.trim().to_string()
            },
            text: s.text.trim().to_string(),
        });
    }
    out
}

/// The written part a name means: its key, its label, or `body`/`text` for the body,
/// in any case and with spaces or dashes.
fn find<'a>(written: &'a [Written], name: &str) -> Option<(usize, &'a Written)> {
    let norm = |s: &str| s.trim().to_lowercase().replace([' ', '_'], "-");
    let want = norm(name);
    let want = if want == "text" { "body".into() } else { want };
    written
        .iter()
        .enumerate()
        .find(|(_, w)| norm(&w.key) == want || norm(&w.label) == want)
}

/// The last written section of each kind (learned, next), else the opening of the first
/// written part: never every part of an entry that has more than one sentence.
fn default_parts(written: &[Written]) -> (Vec<ExcerptPart>, String) {
    if written.is_empty() {
        return (Vec::new(), String::new());
    }
    let last_of = |keys: &[&str]| written.iter().rposition(|w| keys.contains(&w.key.as_str()));
    let mut chosen: Vec<usize> = [last_of(LEARNED), last_of(NEXT)]
        .into_iter()
        .flatten()
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.len() == written.len() && chosen.len() > 1 {
        // Both would be the whole entry: what comes next is enough.
        chosen.remove(0);
    }
    if !chosen.is_empty() && chosen.len() < written.len() {
        let parts = chosen
            .iter()
            .map(|&i| ExcerptPart {
                from: written[i].label.clone(),
                text: capped(&written[i].text),
            })
            .collect();
        return (
            parts,
            format!("{} of {} parts", chosen.len(), written.len()),
        );
    }
    // The opening of the text: its first paragraph, or, when that is all there is, its
    // first sentences.
    let first = chosen.first().map_or(&written[0], |&i| &written[i]);
    let paragraphs: Vec<&str> = first
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let only = written.len() == 1;
    if paragraphs.len() > 1 || !only {
        let n = paragraphs.len();
        let of = if only {
            format!("paragraph 1 of {n}")
        } else {
            format!("1 of {} parts", written.len())
        };
        let text = if only {
            paragraphs[0]
        } else {
            first.text.as_str()
        };
        return (
            vec![ExcerptPart {
                from: if only && n > 1 {
                    format!("{}, opening", first.label)
                } else {
                    first.label.clone()
                },
                text: capped(text),
            }],
            of,
        );
    }
    let sentences = sentences(paragraphs.first().copied().unwrap_or(""));
    let n = sentences.len();
    if n < 2 {
        // One sentence is the whole of it: the summary shows the title alone.
        return (Vec::new(), ONE_SENTENCE.to_string());
    }
    let keep = n.div_ceil(2).min(n - 1);
    let text: String = sentences[..keep].concat();
    (
        vec![ExcerptPart {
            from: format!("{}, opening", first.label),
            text: capped(text.trim()),
        }],
        format!("{keep} of {n} sentences"),
    )
}

/// Sentences of a paragraph, each with the spaces after it.
fn sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for (i, c) in p.char_indices() {
        if matches!(c, '.' | '?' | '!') && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) {
            let end = p[i + 1..]
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map_or(p.len(), |(k, _)| i + 1 + k);
            if end > start {
                out.push(&p[start..end]);
                start = end;
            }
        }
    }
    if start < p.len() {
        out.push(&p[start..]);
    }
    out
}

/// At most [`PART_CHARS`], cut at a word and marked with `…`.
fn capped(text: &str) -> String {
    if text.chars().count() <= PART_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(PART_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > PART_CHARS / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

/// The parts as one passage, for readers of older summaries: "From: text" paragraphs.
#[must_use]
pub fn joined(parts: &[ExcerptPart]) -> String {
    parts
        .iter()
        .map(|p| format!("{}: {}", p.from, p.text))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{EntryKind, Section};

    fn entry(body: &str, sections: &[(&str, &str, &str)]) -> Entry {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut e = Entry::new(EntryKind::Reflection, on, chrono::Utc::now());
        e.body = body.into();
        e.sections = sections
            .iter()
            .map(|(k, l, t)| Section {
                key: (*k).into(),
                label: (*l).into(),
                text: (*t).into(),
            })
            .collect();
        e
    }

    fn gibbs() -> Entry {
        entry(
            "",
            &[
                ("description", "Description", "What happened."),
                ("feelings", "Feelings", "Anxious."),
                (
                    "analysis",
                    "Analysis",
                    "Power was in the room.\nNobody named it.",
                ),
                ("conclusion", "Conclusion", "Ask first."),
                ("action-plan", "Action plan", "- [ ] book a debrief"),
            ],
        )
    }

    #[test]
    fn by_default_a_model_entry_gives_what_was_learned_and_what_comes_next() {
        let (parts, of) = Pick::Default.take(&gibbs()).unwrap();
        let from: Vec<&str> = parts.iter().map(|p| p.from.as_str()).collect();
        assert_eq!(from, ["Conclusion", "Action plan"]);
        assert_eq!(of, "2 of 5 parts");
    }

    #[test]
    fn by_default_free_text_gives_its_opening_never_the_whole() {
        let e = entry("First paragraph here.\n\nSecond one.\n\nThird.", &[]);
        let (parts, of) = Pick::Default.take(&e).unwrap();
        assert_eq!(parts[0].text, "First paragraph here.");
        assert_eq!(parts[0].from, "Text, opening");
        assert_eq!(of, "paragraph 1 of 3");
        let e = entry(
            "A calm visit. I listened first. We agreed a plan together.",
            &[],
        );
        let (parts, of) = Pick::Default.take(&e).unwrap();
        assert_eq!(parts[0].text, "A calm visit. I listened first.");
        assert_eq!(of, "2 of 3 sentences");
        let e = entry("Two lines. And a second one.", &[]);
        let (parts, _) = Pick::Default.take(&e).unwrap();
        assert_eq!(parts[0].text, "Two lines.");
        // A model entry with only what came next written: that part, all there is to quote.
        let e = entry("", &[("now-what", "Now what?", "Ring back. Then wait.")]);
        let (parts, of) = Pick::Default.take(&e).unwrap();
        assert_eq!(parts[0].text, "Ring back.");
        assert_eq!(of, "1 of 2 sentences");
        // One sentence is the whole entry: nothing is quoted, and the excerpt says why.
        let e = entry("I listened first and we agreed a plan together.", &[]);
        let (parts, of) = Pick::Default.take(&e).unwrap();
        assert!(parts.is_empty());
        assert_eq!(of, ONE_SENTENCE);
    }

    #[test]
    fn chosen_parts_are_sections_by_key_or_label_and_lines() {
        let e = gibbs();
        let (parts, of) = Pick::parse("analysis, Action plan")
            .unwrap()
            .take(&e)
            .unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].from, "Action plan");
        assert_eq!(of, "2 of 5 parts");
        let (parts, of) = Pick::parse("analysis=2").unwrap().take(&e).unwrap();
        assert_eq!(parts[0].text, "Nobody named it.");
        assert_eq!(parts[0].from, "Analysis, line 2");
        assert_eq!(of, "line 2 of 2 in Analysis");
        let free = entry("one\ntwo\nthree\nfour", &[]);
        let (parts, _) = Pick::parse("2-3").unwrap().take(&free).unwrap();
        assert_eq!(parts[0].text, "two\nthree");
        assert_eq!(parts[0].from, "Text, lines 2–3");
    }

    #[test]
    fn a_choice_that_does_not_fit_the_entry_says_why() {
        let e = gibbs();
        let err = Pick::parse("ethics").unwrap().take(&e).unwrap_err();
        assert!(
            err.contains("no written part 'ethics'") && err.contains("analysis"),
            "{err}"
        );
        let err = Pick::parse("analysis=2-9").unwrap().take(&e).unwrap_err();
        assert!(err.contains("Analysis has 2 lines, not 9"), "{err}");
        let every = "description,feelings,analysis,conclusion,action-plan";
        let err = Pick::parse(every).unwrap().take(&e).unwrap_err();
        assert!(err.contains("whole entry"), "{err}");
        let free = entry("one\ntwo", &[]);
        assert!(Pick::parse("1-2").unwrap().take(&free).is_err());
        assert!(Pick::parse("1").unwrap().take(&free).is_ok());
        let one = entry("one line", &[]);
        assert!(Pick::parse("body").unwrap().take(&one).is_err());
        for bad in ["", "=2", "analysis=0", "analysis=3-1", "analysis=x"] {
            assert!(Pick::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_parts_are_cut_at_a_word() {
        let long = "word ".repeat(400);
        let e = entry(
            "",
            &[("so-what", "So what?", &long), ("what", "What?", "x")],
        );
        let (parts, _) = Pick::Default.take(&e).unwrap();
        assert!(parts[0].text.ends_with("word…"));
        assert!(parts[0].text.chars().count() <= PART_CHARS + 1);
    }
}
