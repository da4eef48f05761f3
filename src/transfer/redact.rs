//! The identifiability check and redaction pass of exports (PRACTICE.md §9): finds likely
//! names, contact details, ID numbers, exact dates, street addresses, subject keys and the
//! writer's never-export words in free text, and replaces them with stable placeholders.
//!
//! Everything is heuristic and local (no network, no model): structured identifiers
//! (emails, UK phone numbers and postcodes, NHS and National Insurance numbers, dates) by
//! shape; names by an honorific, a list of common first names and surnames
//! (`assets/names.txt`), or a capitalised word mid-sentence that is not an ordinary English
//! word (`assets/ordinary-words.txt`) nor one of the field's own words (model names, roles,
//! public bodies, languages…). The check errs towards flagging: a false alarm costs a
//! glance, a miss can cost someone's privacy.
//!
//! Placeholders: `[PERSON-n]` for names, `[SUBJECT-n]` for subject keys (a subject may be a
//! team or an organisation, not only a person), `[EMAIL-n]`, `[PHONE-n]`, `[POSTCODE-n]`,
//! `[ID-NUMBER-n]` (NHS, National Insurance and hospital or case numbers), `[ADDRESS-n]`, `[REDACTED-n]` for
//! never-export words, `[DATE OF BIRTH]`, and exact dates cut to month and year
//! (`[DATE: March 2026]`). Numbers count distinct values per [`Redactor`], so one export
//! names the same person the same way throughout. Placeholders are never flagged again.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::model::{Details, Entry};

/// What kind of identifier a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Subject,
    NeverExport,
    Name,
    Email,
    Phone,
    Postcode,
    NhsNumber,
    NiNumber,
    /// A hospital, case or record number after its cue ("MRN 1234567").
    RecordNumber,
    BirthDate,
    ExactDate,
    Address,
    /// A school, college or surgery by its name ("Oakfield Academy", "Ysgol y Graig").
    Place,
}

impl FindingKind {
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::Subject,
        FindingKind::NeverExport,
        FindingKind::Name,
        FindingKind::Email,
        FindingKind::Phone,
        FindingKind::Postcode,
        FindingKind::NhsNumber,
        FindingKind::NiNumber,
        FindingKind::RecordNumber,
        FindingKind::BirthDate,
        FindingKind::ExactDate,
        FindingKind::Address,
        FindingKind::Place,
    ];

    /// What the finding is, in words, for the check's report.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Subject => "subject key",
            FindingKind::NeverExport => "on the never-export list",
            FindingKind::Name => "possible name",
            FindingKind::Email => "email address",
            FindingKind::Phone => "phone number",
            FindingKind::Postcode => "postcode",
            FindingKind::NhsNumber => "NHS-like number",
            FindingKind::NiNumber => "National Insurance number",
            FindingKind::RecordNumber => "record number",
            FindingKind::BirthDate => "date of birth",
            FindingKind::ExactDate => "exact date",
            FindingKind::Address => "street address",
            FindingKind::Place => "named school or place",
        }
    }

    /// [`FindingKind::label`] for more than one: "2 subject keys", "3 dates of birth".
    #[must_use]
    pub fn label_many(self) -> &'static str {
        match self {
            FindingKind::Subject => "subject keys",
            FindingKind::NeverExport => "on the never-export list",
            FindingKind::Name => "possible names",
            FindingKind::Email => "email addresses",
            FindingKind::Phone => "phone numbers",
            FindingKind::Postcode => "postcodes",
            FindingKind::NhsNumber => "NHS-like numbers",
            FindingKind::NiNumber => "National Insurance numbers",
            FindingKind::RecordNumber => "record numbers",
            FindingKind::BirthDate => "dates of birth",
            FindingKind::ExactDate => "exact dates",
            FindingKind::Address => "street addresses",
            FindingKind::Place => "named schools or places",
        }
    }

    /// Which kind wins when two findings overlap: the more certain and the more
    /// sensitive. The merged finding covers both.
    fn strength(self) -> u8 {
        match self {
            FindingKind::NeverExport => 10,
            FindingKind::Subject => 9,
            FindingKind::Email => 8,
            FindingKind::BirthDate => 7,
            FindingKind::NhsNumber | FindingKind::NiNumber | FindingKind::RecordNumber => 6,
            FindingKind::Phone => 5,
            FindingKind::Address => 4,
            FindingKind::Postcode => 3,
            FindingKind::ExactDate | FindingKind::Place => 2,
            FindingKind::Name => 1,
        }
    }

    /// Whether the kind is found by its shape alone (not by words or lists).
    #[must_use]
    pub fn is_structured(self) -> bool {
        !matches!(
            self,
            FindingKind::Subject
                | FindingKind::NeverExport
                | FindingKind::Name
                | FindingKind::Address
                | FindingKind::Place
        )
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The text found, exactly as written (a possessive `'s` is left outside).
    pub text: String,
    /// 1-based line within the field.
    pub line: usize,
    /// Byte range in the field text.
    pub start: usize,
    pub end: usize,
}

/// Month and year of an exact date, for its `[DATE: March 2026]` placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateParts {
    month: u32,
    year: Option<i32>,
}

/// A finding before overlaps are merged.
#[derive(Debug, Clone, Copy)]
struct Cand {
    kind: FindingKind,
    start: usize,
    end: usize,
    date: Option<DateParts>,
}

impl Cand {
    fn new(kind: FindingKind, start: usize, end: usize) -> Self {
        Cand {
            kind,
            start,
            end,
            date: None,
        }
    }
}

/// Finds identifiers in text: the check shown before an export, and the first half of
/// redaction.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    subjects: PatSet,
    never: PatSet,
    /// Lowercase words never flagged as names (the config's `allow`).
    allow_words: HashSet<String>,
    /// Phrases of more than one word from `allow`: a name inside one is not flagged.
    allow_phrases: PatSet,
}

/// What one scan found: merged findings, and the name words seen, for a redactor to
/// recognise again in later texts.
struct Scan {
    cands: Vec<Cand>,
    name_words: HashSet<String>,
    /// The words asked of the known names and not found there, by [`word_hash`]: the
    /// scan's result can change only once one of them is known.
    unknown_asked: Vec<u64>,
}

impl Checker {
    /// `subject_keys`: the journal's pseudonym keys ("jd", "tenant-a"); a key that is a
    /// single everyday word ("north", "self") is matched only where it fills a subject
    /// field, never in running text. `never_export`: words and phrases that must never
    /// leave. `allow`: words (or phrases) never flagged as names.
    pub fn new(
        subject_keys: impl IntoIterator<Item = String>,
        never_export: &[String],
        allow: &[String],
    ) -> Self {
        let subjects = subject_keys
            .into_iter()
            .filter(|k| {
                let k = k.trim();
                k.chars().count() >= 2
                    && !(k.chars().all(char::is_alphabetic) && is_ordinary(&k.to_lowercase()))
            })
            .filter_map(|k| Pattern::new(&k))
            .collect();
        let never = never_export
            .iter()
            .filter_map(|w| Pattern::loose(w))
            .collect();
        let (subjects, never) = (PatSet::new(subjects), PatSet::new(never));
        let mut allow_words = HashSet::new();
        let mut allow_phrases = Vec::new();
        for a in allow {
            let a = a.trim();
            if a.split_whitespace().count() > 1 {
                allow_phrases.extend(Pattern::new(a));
            }
            for w in a.split_whitespace() {
                allow_words.insert(fold_str(w.trim_matches(|c: char| !c.is_alphanumeric())));
            }
        }
        Checker {
            subjects,
            never,
            allow_words,
            allow_phrases: PatSet::new(allow_phrases),
        }
    }

    /// A checker from the config's `[privacy]` section.
    pub fn with_privacy(
        subject_keys: impl IntoIterator<Item = String>,
        privacy: &crate::config::PrivacyConfig,
    ) -> Self {
        Checker::new(subject_keys, &privacy.never_export, &privacy.allow)
    }

    /// Findings in one text, in order, non-overlapping (the stronger kind wins on
    /// overlap, and covers both).
    #[must_use]
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        self.scan_with(text, &HashSet::new())
    }

    /// [`Checker::scan`], also finding the name words in `known` wherever they stand.
    fn scan_with(&self, text: &str, known: &HashSet<String>) -> Vec<Finding> {
        let scan = self.find(text, known);
        to_findings(text, &scan.cands)
    }

    /// Findings in every free-text field of an entry, with the field's name as a user
    /// would read it ("title", "body", a section key such as "so-what", "tag",
    /// "action"…). A stage note's or call-in's subject field is one finding as a whole.
    #[must_use]
    pub fn scan_entry(&self, e: &Entry) -> Vec<(String, Finding)> {
        self.scan_entry_with(e, &HashSet::new())
    }

    /// [`Checker::scan_entry`], also finding the name words in `known`.
    fn scan_entry_with(&self, e: &Entry, known: &HashSet<String>) -> Vec<(String, Finding)> {
        let mut out = Vec::new();
        let visit = |name: String, subject: bool, text: &String| {
            if subject {
                if let Some(f) = subject_field(text) {
                    out.push((name, f));
                }
            } else if name == "tag" {
                out.extend(
                    self.scan_with(&tag_as_text(text), known)
                        .into_iter()
                        .map(|f| (name.clone(), f)),
                );
            } else {
                out.extend(
                    self.scan_with(text, known)
                        .into_iter()
                        .map(|f| (name.clone(), f)),
                );
            }
        };
        each_field!(e, visit,);
        out
    }

    fn find(&self, text: &str, known_names: &HashSet<String>) -> Scan {
        let masked = placeholders(text);
        let toks = tokens(text);
        let mut cands = Vec::new();
        find_patterns(
            text,
            &toks,
            &self.subjects,
            FindingKind::Subject,
            &mut cands,
        );
        find_patterns(
            text,
            &toks,
            &self.never,
            FindingKind::NeverExport,
            &mut cands,
        );
        emails(text, &mut cands);
        handles(text, &mut cands);
        // Phones, ID numbers, postcodes, dates and addresses all hold an ASCII digit.
        let digits = text.bytes().any(|c| c.is_ascii_digit());
        if digits {
            digit_runs(text, &mut cands);
            ni_numbers(text, &mut cands);
            record_numbers(text, &toks, &mut cands);
            year_serials(text, &toks, &mut cands);
            coded_numbers(text, &toks, &mut cands);
            slashed_codes(text, &toks, &mut cands);
            days_of_this_month(text, &toks, &mut cands);
            thread_speakers(text, &mut cands);
        }
        obfuscated_emails(text, &mut cands);
        days_without_a_year(text, &toks, &mut cands);
        dates_in_words(text, &toks, &mut cands);
        spoken_phones(text, &toks, &mut cands);
        if digits {
            postcodes(text, &toks, &mut cands);
            vehicle_registrations(text, &toks, &mut cands);
            numeric_dates(text, &mut cands);
            word_dates(text, &toks, &mut cands);
            addresses(text, &toks, &mut cands);
        }
        // A name inside an allowed phrase ("Loretta Ross", the user's own) stays.
        let mut allowed = Vec::new();
        find_patterns(
            text,
            &toks,
            &self.allow_phrases,
            FindingKind::Name,
            &mut allowed,
        );
        find_patterns(
            text,
            &toks,
            builtin_phrases(),
            FindingKind::Name,
            &mut allowed,
        );
        // Nothing inside an allowed phrase is flagged, a clinic named by its street
        // ("56 Dean Street") included.
        cands.retain(|c| !allowed.iter().any(|a| a.start <= c.start && c.end <= a.end));
        // Each token's folded base, worked out once for the names and the schools.
        let lowers: Vec<Cow<'_, str>> = toks
            .iter()
            .map(|t| fold_cow(&text[t.start..t.base_end]))
            .collect();
        let words = Words {
            toks: &toks,
            lowers: &lowers,
        };
        let mut unknown_asked = Vec::new();
        let name_words = self.names(
            text,
            words,
            (&masked, &allowed),
            (known_names, &mut unknown_asked),
            &mut cands,
        );
        schools(text, words, &mut cands);
        workplaces_and_wards(text, words, &mut cands);
        named_buildings(text, words, &mut cands);
        saints_places(text, words, &mut cands);
        places_by_kind(text, words, &mut cands);
        unnumbered_addresses(text, words, &mut cands);
        streets_without_a_number(text, words, &mut cands);
        districts(text, words, &mut cands);
        buildings_by_a_room(text, words, &mut cands);
        // "New Craigs", "New Cross Hospital": "New" opens the name found after it.
        for c in &mut cands {
            if matches!(c.kind, FindingKind::Name | FindingKind::Place)
                && text[..c.start].ends_with("New ")
                && left_boundary(text, c.start - 4)
                && !sentence_start(text, c.start - 4)
            {
                c.start -= 4;
            }
        }
        cands.retain(|c| !overlaps_any(c, &masked));
        Scan {
            cands: merge(cands),
            name_words,
            unknown_asked,
        }
    }
}

/// A text's tokens, with each one's folded base beside it (worked out once, for the
/// names and the schools).
#[derive(Clone, Copy)]
struct Words<'a> {
    toks: &'a [Tok],
    lowers: &'a [Cow<'a, str>],
}

fn overlaps_any(c: &Cand, ranges: &[(usize, usize)]) -> bool {
    overlaps(ranges, c.start, c.end)
}

/// Whether `start..end` overlaps one of `ranges` (sorted, not overlapping each other).
fn overlaps(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = ranges.partition_point(|&(_, e)| e <= start);
    ranges.get(i).is_some_and(|&(s, _)| s < end)
}

/// Merges overlapping candidates into one finding covering all of them, of the
/// strongest kind among them.
fn merge(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if c.start >= c.end {
            continue;
        }
        match out.last_mut() {
            Some(last) if c.start < last.end => {
                last.end = last.end.max(c.end);
                if c.kind.strength() > last.kind.strength() {
                    last.kind = c.kind;
                    last.date = c.date;
                } else if last.date.is_none() && c.kind == last.kind {
                    last.date = c.date;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn to_findings(text: &str, cands: &[Cand]) -> Vec<Finding> {
    let mut line = 1;
    let mut at = 0;
    cands
        .iter()
        .map(|c| {
            line += text[at..c.start].matches('\n').count();
            at = c.start;
            Finding {
                kind: c.kind,
                text: text[c.start..c.end].to_string(),
                line,
                start: c.start,
                end: c.end,
            }
        })
        .collect()
}

/// A subject field holds a pseudonym key and nothing else: the whole of it is a finding.
fn subject_field(text: &str) -> Option<Finding> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    Some(Finding {
        kind: FindingKind::Subject,
        text: t.to_string(),
        line: 1 + text[..start].matches('\n').count(),
        start,
        end: start + t.len(),
    })
}

/// A tag as the words it stands for: `mrs-okafor` → "Mrs Okafor", `mensah-family` →
/// "Mensah family", so that the name checks (which go by capitals) see a tag the way a
/// reader does: names and titles capitalised, everyday words not.
fn tag_as_text(tag: &str) -> String {
    tag.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let l = fold_str(w);
            let named = is_honorific(&l)
                || name_list().get(&l).is_some_and(|&(e, _)| !e)
                || !is_ordinary(&l);
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| {
                if named {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                } else {
                    l.clone()
                }
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Redacted tag text back to a tag: words lowercased and joined by hyphens,
/// placeholders kept as they are.
fn text_as_tag(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '[' => {
                inside = true;
                out.push(c);
            }
            ']' => {
                inside = false;
                out.push(c);
            }
            ' ' if !inside => out.push('-'),
            c if inside => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Calls `$f(field name, is a subject field, text)` for every free-text field of entry
/// `$e`; `$($m)*` is empty or `mut`, so the scan and the redaction visit the same fields.
macro_rules! each_field {
    ($e:expr, $f:expr, $($m:tt)*) => {{
        let e = $e;
        let mut f = $f;
        f("title".to_string(), false, & $($m)* e.title);
        f("body".to_string(), false, & $($m)* e.body);
        for s in & $($m)* e.sections {
            // A label is the template's words, or the writer's own in a template they
            // made or a file they imported: it may name someone.
            f(format!("{} label", s.key), false, & $($m)* s.label);
            f(s.key.clone(), false, & $($m)* s.text);
        }
        for t in & $($m)* e.tags {
            f("tag".to_string(), false, t);
        }
        for s in & $($m)* e.strengths {
            f("strength".to_string(), false, & $($m)* s.name);
        }
        for a in & $($m)* e.actions {
            f("action".to_string(), false, & $($m)* a.text);
            if let Some(o) = & $($m)* a.owner {
                f("action owner".to_string(), false, o);
            }
            if let Some(b) = & $($m)* a.blocker {
                f("action blocker".to_string(), false, b);
            }
        }
        if let Some(c) = & $($m)* e.checkin {
            if let Some(w) = & $($m)* c.word {
                f("check-in word".to_string(), false, w);
            }
            if let Some(h) = & $($m)* c.helped {
                f("what helped".to_string(), false, h);
            }
        }
        match & $($m)* e.details {
            Details::StageNote(n) => {
                f("subject".to_string(), true, & $($m)* n.subject);
                f("topic".to_string(), false, & $($m)* n.topic);
                for c in & $($m)* n.change_talk {
                    f("change talk".to_string(), false, & $($m)* c.text);
                }
            }
            Details::CallIn(c) => {
                if let Some(s) = & $($m)* c.subject {
                    f("subject".to_string(), true, s);
                }
            }
            Details::Supervision(s) => {
                if let Some(r) = & $($m)* s.supervisor_role {
                    f("supervisor role".to_string(), false, r);
                }
                for a in & $($m)* s.agenda {
                    f("agenda item".to_string(), false, & $($m)* a.text);
                }
            }
            Details::Recognition(r) => f("subject".to_string(), true, & $($m)* r.subject),
            Details::Feedback(fb) => {
                if let Some(s) = & $($m)* fb.subject {
                    f("subject".to_string(), true, s);
                }
            }
            Details::Rupture(r) => f("subject".to_string(), true, & $($m)* r.subject),
            Details::PositiveRisk(p) => {
                f("subject".to_string(), true, & $($m)* p.subject);
                for r in & $($m)* p.reviews {
                    f("review".to_string(), false, & $($m)* r.note);
                }
            }
            Details::GroupSession(g) => {
                for who in & $($m)* g.present {
                    f("present".to_string(), false, who);
                }
            }
            Details::Cpd(c) => f("activity type".to_string(), false, & $($m)* c.activity_type),
            Details::None => {}
        }
    }};
}
use each_field;

/// Replaces what a [`Checker`] finds with placeholders that stay the same across every
/// call on one redactor: the same person is `[PERSON-1]` in every entry of an export.
#[derive(Debug, Clone)]
pub struct Redactor {
    checker: Checker,
    people: People,
    tables: HashMap<&'static str, Table>,
    counts: BTreeMap<FindingKind, usize>,
    /// Name words redacted so far (not everyday words): recognised again anywhere,
    /// even at the start of a sentence where the check alone would let them pass.
    known_names: HashSet<String>,
    /// [`word_hash`] of each of `known_names`.
    known_hashes: HashSet<u64, FastHash>,
    /// What redacting a text did, by [`text_key`]: an export reads each text twice
    /// (first to learn its names, then to write it), and the second time replays the
    /// first unless a word it asked about has become a known name since.
    memo: HashMap<(u64, u64), Redaction, FastHash>,
}

/// How one text was redacted: the findings of each round, and the words the rounds
/// asked of the known names without finding them.
#[derive(Debug, Clone)]
struct Redaction {
    rounds: Box<[Box<[Cand]>]>,
    unknown_asked: Box<[u64]>,
}

/// A word's hash, for asking cheaply whether it may have become a known name (two
/// words with one hash only make a redactor work a text out again).
fn word_hash(w: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut h = Fnv::default();
    h.write(w.as_bytes());
    h.finish()
}

/// A text's key: two unrelated 64-bit hashes of it, so that two texts sharing one are
/// not to be met in any journal.
fn text_key(text: &str) -> (u64, u64) {
    use std::hash::{Hash as _, Hasher as _};
    let mut a = Fnv::default();
    a.write(text.as_bytes());
    let mut b = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut b);
    (a.finish(), b.finish())
}

/// Distinct values of one kind, numbered in order of first appearance.
#[derive(Debug, Clone, Default)]
struct Table {
    numbers: HashMap<String, usize>,
}

impl Table {
    fn number(&mut self, key: String) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(key).or_insert(next)
    }
}

/// People are numbered by full name; a lone first name or surname joins the person it
/// was first seen with ("Sarah Jones", then "Sarah" or "Sarah's"), and a full name joins
/// a person seen so far only by one of its words, or by fewer of its words under the same
/// title ("Mr Wiśniewski", then "Mr Tomasz Wiśniewski"). A title tells people apart: "Mr
/// Patel" is not "Sarah Patel", nor "Mrs Patel".
#[derive(Debug, Clone, Default)]
struct People {
    by_key: HashMap<String, usize>,
    by_word: HashMap<String, Vec<usize>>,
    /// Person n-1: the words of the longest name seen (titles aside), and the title.
    known: Vec<(Vec<String>, Option<String>)>,
}

impl People {
    fn number(&mut self, words: &[String]) -> usize {
        let key = words.join(" ");
        if let Some(&n) = self.by_key.get(&key) {
            return n;
        }
        let title = words
            .iter()
            .find(|w| is_honorific(w))
            .map(|w| w.trim_end_matches('.').to_string());
        let plain: Vec<String> = words.iter().filter(|w| !is_honorific(w)).cloned().collect();
        let mut linked: Vec<usize> = plain
            .iter()
            .flat_map(|w| self.by_word.get(w).into_iter().flatten())
            .copied()
            .collect();
        linked.sort_unstable();
        linked.dedup();
        let subset = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        let found = linked.into_iter().find(|&n| {
            let (words, t) = &self.known[n - 1];
            let same_title = match (&title, t) {
                (Some(a), Some(b)) => a == b,
                (None, None) => true,
                // A title on one side only: the same person when the side without it is
                // a single word ("Okafor" and "Mr Okafor", "Sarah" and "Mrs Sarah
                // Jones") or both are full names ("Mrs Sarah Jones", "Sarah Ann
                // Jones"), not a full name and a titled surname ("Sarah Patel", "Mr
                // Patel").
                (Some(_), None) => words.len() <= 1 || plain.len() >= 2,
                (None, Some(_)) => plain.len() <= 1 || words.len() >= 2,
            };
            same_title
                && (plain.len() <= 1
                    || words.len() <= 1
                    || subset(words, &plain)
                    || subset(&plain, words))
        });
        let n = found.unwrap_or_else(|| {
            self.known.push((Vec::new(), None));
            self.known.len()
        });
        let person = &mut self.known[n - 1];
        if plain.len() > person.0.len() {
            person.0.clone_from(&plain);
        }
        if person.1.is_none() {
            person.1.clone_from(&title);
        }
        self.by_key.insert(key, n);
        for w in plain {
            let list = self.by_word.entry(w).or_default();
            if !list.contains(&n) {
                list.push(n);
            }
        }
        n
    }
}

impl Redactor {
    #[must_use]
    pub fn new(checker: Checker) -> Self {
        Redactor {
            checker,
            people: People::default(),
            tables: HashMap::new(),
            counts: BTreeMap::new(),
            known_names: HashSet::new(),
            known_hashes: HashSet::default(),
            memo: HashMap::default(),
        }
    }

    /// The text with every finding replaced by its placeholder. Redacting the result
    /// again changes nothing.
    pub fn redact(&mut self, text: &str) -> String {
        let key = text_key(text);
        // The scans are a function of the text and of which of its words are known
        // names; known names only grow, so a redaction whose unknown words are all still
        // unknown would be found again exactly. Its rounds are replayed instead: the
        // same placeholders, numbered and counted as they would be.
        if let Some(done) = self.memo.get(&key)
            && !done
                .unknown_asked
                .iter()
                .any(|h| self.known_hashes.contains(h))
        {
            let rounds = done.rounds.clone();
            let mut out = text.to_string();
            for cands in &*rounds {
                out = self.replace(&out, cands);
            }
            return out;
        }
        let mut out = text.to_string();
        let mut rounds: Vec<Box<[Cand]>> = Vec::new();
        let mut unknown_asked = Vec::new();
        // A replacement can change what surrounds a word (a sentence no longer starts
        // there); scanning until nothing is found keeps redaction idempotent.
        for _ in 0..4 {
            let scan = self.checker.find(&out, &self.known_names);
            unknown_asked.extend(scan.unknown_asked);
            // Known with and without accents: "Zdeněk" in the body, "Zdenek" in the title.
            for w in scan.name_words {
                let plain = without_accents(&w);
                if plain != w {
                    self.known_hashes.insert(word_hash(&plain));
                    self.known_names.insert(plain);
                }
                self.known_hashes.insert(word_hash(&w));
                self.known_names.insert(w);
            }
            if scan.cands.is_empty() {
                break;
            }
            out = self.replace(&out, &scan.cands);
            rounds.push(scan.cands.into_boxed_slice());
        }
        unknown_asked.sort_unstable();
        unknown_asked.dedup();
        // Kept for every text of an export, so kept tight.
        self.memo.insert(
            key,
            Redaction {
                rounds: rounds.into_boxed_slice(),
                unknown_asked: unknown_asked.into_boxed_slice(),
            },
        );
        out
    }

    /// The text with each of `cands` (in order, not overlapping) replaced by its
    /// placeholder.
    fn replace(&mut self, text: &str, cands: &[Cand]) -> String {
        let mut next = String::with_capacity(text.len());
        let mut at = 0;
        for c in cands {
            next.push_str(&text[at..c.start]);
            next.push_str(&self.placeholder(c, &text[c.start..c.end]));
            at = c.end;
        }
        next.push_str(&text[at..]);
        next
    }

    /// Redacts every free-text field of an entry in place (the fields of
    /// [`Checker::scan_entry`]); a subject field becomes its `[SUBJECT-n]` as a whole.
    /// The entry's typed dates (`occurred_on`…) are left to the caller.
    ///
    /// A name learned in a later field ("Rang Aisling back" in the body) is also replaced
    /// in the fields before it, where the check alone let it pass ("Aisling's move" as
    /// the title).
    pub fn redact_entry(&mut self, e: &mut Entry) {
        let mut field = 0;
        let mut learned_by = 0;
        let visit = |name: String, subject: bool, text: &mut String| {
            let known = self.known_names.len();
            if subject {
                *text = self.redact_subject(text);
            } else if name == "tag" {
                let spelled = tag_as_text(text);
                let redacted = self.redact(&spelled);
                if redacted != spelled {
                    *text = text_as_tag(&redacted);
                }
            } else {
                *text = self.redact(text);
            }
            field += 1;
            if self.known_names.len() > known {
                learned_by = field;
            }
        };
        each_field!(&mut *e, visit, mut);
        if learned_by <= 1 {
            return;
        }
        // Once more over the fields before the last that taught a name; subject fields
        // are placeholders already, and so are tags that hold one.
        let mut field = 0;
        let again = |name: String, subject: bool, text: &mut String| {
            field += 1;
            if field >= learned_by || subject || (name == "tag" && text.contains('[')) {
                return;
            }
            if name == "tag" {
                let spelled = tag_as_text(text);
                let redacted = self.redact(&spelled);
                if redacted != spelled {
                    *text = text_as_tag(&redacted);
                }
            } else {
                *text = self.redact(text);
            }
        };
        each_field!(e, again, mut);
    }

    /// Reads an entry as [`Redactor::redact_entry`] would, so that the names it teaches
    /// are known before any entry is written: a name that only a later entry shows to be
    /// one ("Rang Aisling back") is then caught in the earlier entries too. Placeholders
    /// are numbered in the order met, as the writing pass meets them; nothing is
    /// counted.
    pub fn learn(&mut self, e: &Entry) {
        let counts = self.counts.clone();
        let mut copy = e.clone();
        self.redact_entry(&mut copy);
        self.counts = counts;
    }

    /// What this redactor would replace in an entry, as the check reports it: the
    /// check's findings, and the names it has learned (see [`Redactor::learn`]) wherever
    /// they stand.
    #[must_use]
    pub fn scan_entry(&self, e: &Entry) -> Vec<(String, Finding)> {
        self.checker.scan_entry_with(e, &self.known_names)
    }

    /// The placeholder of a subject key as a whole (`[SUBJECT-n]`), for a field that
    /// holds one: matched whatever the key is, even an everyday word ("me", "north")
    /// that running text leaves alone. Empty stays empty.
    pub fn redact_subject(&mut self, key: &str) -> String {
        if key.trim().is_empty() {
            return key.to_string();
        }
        *self.counts.entry(FindingKind::Subject).or_default() += 1;
        let n = self.table("SUBJECT").number(subject_key(key));
        format!("[SUBJECT-{n}]")
    }

    /// How many replacements of each kind were made, for the export's report.
    #[must_use]
    pub fn counts(&self) -> BTreeMap<FindingKind, usize> {
        self.counts.clone()
    }

    fn table(&mut self, prefix: &'static str) -> &mut Table {
        self.tables.entry(prefix).or_default()
    }

    fn placeholder(&mut self, c: &Cand, found: &str) -> String {
        *self.counts.entry(c.kind).or_default() += 1;
        let numbered = |this: &mut Self, prefix: &'static str, key: String| {
            let n = this.table(prefix).number(key);
            format!("[{prefix}-{n}]")
        };
        match c.kind {
            FindingKind::Name => {
                let n = self.people.number(&name_key(found));
                format!("[PERSON-{n}]")
            }
            FindingKind::Subject => numbered(self, "SUBJECT", subject_key(found)),
            FindingKind::NeverExport => numbered(self, "REDACTED", words_key(found)),
            FindingKind::Email => numbered(self, "EMAIL", found.to_lowercase()),
            FindingKind::Phone => numbered(self, "PHONE", phone_key(found)),
            FindingKind::Postcode => numbered(self, "POSTCODE", alnum_key(found)),
            FindingKind::NhsNumber | FindingKind::NiNumber | FindingKind::RecordNumber => {
                numbered(self, "ID-NUMBER", alnum_key(found))
            }
            FindingKind::Address => numbered(self, "ADDRESS", words_key(found)),
            FindingKind::Place => numbered(self, "PLACE", words_key(found)),
            FindingKind::BirthDate => "[DATE OF BIRTH]".to_string(),
            FindingKind::ExactDate => match c.date {
                Some(DateParts {
                    month,
                    year: Some(y),
                }) => format!("[DATE: {} {y}]", month_name(month)),
                Some(DateParts { month, year: None }) => {
                    format!("[DATE: {}]", month_name(month))
                }
                None => "[DATE]".to_string(),
            },
        }
    }
}

/// Lowercase words of a name, possessives, accents and the dot of "Dr." dropped: a name
/// written with its accents in one place and without them in another ("Zdeněk" and the
/// tag `zdenek`) is one person.
fn name_key(found: &str) -> Vec<String> {
    tokens(found)
        .iter()
        .map(|t| without_accents(&fold_str(&found[t.start..t.base_end])))
        .collect()
}

/// A word's letters without their accents: "zdeněk" → "zdenek", "łukasz" → "lukasz",
/// "nguyễn" → "nguyen".
fn without_accents(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    w.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            'ı' => 'i',
            'ħ' => 'h',
            c => c,
        })
        .collect()
}

fn subject_key(found: &str) -> String {
    found
        .trim()
        .chars()
        .map(|c| match c {
            '_' | '‐' | ' ' => '-',
            c => fold(c),
        })
        .collect()
}

fn words_key(found: &str) -> String {
    found
        .split_whitespace()
        .map(fold_str)
        .collect::<Vec<_>>()
        .join(" ")
}

fn alnum_key(found: &str) -> String {
    found
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The national number: "+44 (0)20 7946 0000" and "020 7946 0000" are one phone.
fn phone_key(found: &str) -> String {
    let digits: String = found.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix("0044") {
        Some(_) => digits[2..].to_string(),
        None => digits,
    };
    let bare_intl =
        !found.trim_start().starts_with('0') && digits.len() == 12 && digits.starts_with("44");
    if found.trim_start().starts_with('+') || found.trim_start().starts_with("0044") || bare_intl {
        let rest = digits.strip_prefix("44").unwrap_or(&digits);
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        format!("0{rest}")
    } else {
        digits
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

// ---------------------------------------------------------------------------------------
// Characters, tokens and placeholders.

/// A character's lowercase form when it is one character (case-insensitive matching
/// that keeps byte offsets meaningful).
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(a), None) => a,
        _ => c,
    }
}

/// [`fold_str`], borrowing when folding changes nothing (ASCII without capitals).
fn fold_cow(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold_str(s))
    }
}

/// FNV-1a: a fast hasher for the short words of the sets looked up per token (only
/// membership is asked of them, so the hasher changes no result).
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastHash = std::hash::BuildHasherDefault<Fnv>;

fn fold_str(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { fold(c) })
        .collect()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Whether what follows an "&" after one capital makes a pair of capitals: "A&E", "B&Q".
fn capital_pair(after: &str) -> bool {
    let mut c = after.chars();
    c.next().is_some_and(|x| x.is_ascii_uppercase())
        && c.next().is_none_or(|x| !x.is_alphanumeric())
}

/// A maximal run of letters and digits, joined across inner apostrophes and hyphens
/// ("O'Neill", "Smith-Jones", "co-production"), and a pair of capitals across an "&"
/// ("A&E").
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// End without a possessive `'s`.
    base_end: usize,
    letters: bool,
    digits: bool,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                letters |= d.is_alphabetic();
                digits |= d.is_numeric();
                end = j + d.len_utf8();
                it.next();
            } else if (is_joiner(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
                || (d == '&'
                    && end == i + 1
                    && c.is_ascii_uppercase()
                    && capital_pair(&text[j + 1..]))
            {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let word = &text[i..end];
        let base_end = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|p| word.ends_with(*p) && word.len() > p.len() + 1)
            .map_or(end, |p| end - p.len());
        out.push(Tok {
            start: i,
            end,
            base_end,
            letters,
            digits,
        });
    }
    out
}

const PLACEHOLDER_PREFIXES: [&str; 9] = [
    "PERSON",
    "PLACE",
    "SUBJECT",
    "EMAIL",
    "PHONE",
    "POSTCODE",
    "ID-NUMBER",
    "ADDRESS",
    "REDACTED",
];

/// Byte ranges of this module's own placeholders, which are never flagged.
fn placeholders(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('[') {
        let rest = &text[i + 1..];
        let len = if rest.starts_with("DATE OF BIRTH]") {
            Some("DATE OF BIRTH]".len())
        } else if let Some(r) = rest.strip_prefix("DATE: ") {
            MONTHS.iter().find_map(|m| {
                let r2 = r.strip_prefix(m)?;
                if r2.starts_with(']') {
                    return Some(6 + m.len() + 1);
                }
                let y = r2.strip_prefix(' ')?;
                let digits = y.bytes().take_while(u8::is_ascii_digit).count();
                (digits == 4 && y[4..].starts_with(']')).then_some(6 + m.len() + 6 + 1)
            })
        } else if rest.starts_with("DATE]") {
            Some(5)
        } else {
            PLACEHOLDER_PREFIXES.iter().find_map(|p| {
                let r = rest.strip_prefix(p)?.strip_prefix('-')?;
                let digits = r.bytes().take_while(u8::is_ascii_digit).count();
                (digits > 0 && r[digits..].starts_with(']')).then_some(p.len() + 1 + digits + 1)
            })
        };
        if let Some(len) = len {
            out.push((i, i + 1 + len));
        }
    }
    out
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Whether a word may start at `i`: not inside a word, nor after a hyphen or apostrophe
/// that joins it to one.
fn left_boundary(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(p) if p.is_alphanumeric() || p == '_' => false,
        Some(p) if is_joiner(p) => {
            !char_before(text, i - p.len_utf8()).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// Whether a word may end at `i`: a possessive apostrophe may follow, a joining hyphen
/// may not.
fn right_boundary(text: &str, i: usize) -> bool {
    match char_at(text, i) {
        None => true,
        Some(n) if n.is_alphanumeric() || n == '_' => false,
        Some(n) if matches!(n, '-' | '‐') => {
            !char_at(text, i + n.len_utf8()).is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------------------
// Subject keys, never-export words and allowed phrases.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PatChar {
    Lit(char),
    /// One or more whitespace characters.
    Space,
    /// A hyphen or underscore in the pattern: any of `-`, `_` or a space in the text.
    Joiner,
}

/// A word or phrase matched whole-word and case-insensitively.
#[derive(Debug, Clone)]
struct Pattern {
    chars: Vec<PatChar>,
    /// Never-export phrases: the words may also be joined by a hyphen or underscore or
    /// run together ("ward-7", "ward7", "TeamNorth"), and a plural `s` may follow.
    loose: bool,
    /// The ASCII letters and digits the pattern starts with, for a quick refusal.
    ascii_head: Vec<u8>,
}

impl Pattern {
    fn new(s: &str) -> Option<Pattern> {
        let s = s.trim_matches(|c: char| !c.is_alphanumeric());
        if s.is_empty() {
            return None;
        }
        let mut chars = Vec::new();
        for c in s.chars() {
            let pc = if c.is_whitespace() {
                PatChar::Space
            } else if matches!(c, '-' | '_' | '‐') {
                PatChar::Joiner
            } else if c == '’' {
                PatChar::Lit('\'')
            } else {
                PatChar::Lit(fold(c))
            };
            if !(pc == PatChar::Space && chars.last() == Some(&PatChar::Space)) {
                chars.push(pc);
            }
        }
        let ascii_head = chars
            .iter()
            .map_while(|c| match c {
                PatChar::Lit(c) if c.is_ascii() => u8::try_from(*c).ok(),
                _ => None,
            })
            .collect();
        Some(Pattern {
            chars,
            loose: false,
            ascii_head,
        })
    }

    fn loose(s: &str) -> Option<Pattern> {
        Pattern::new(s).map(|p| Pattern { loose: true, ..p })
    }

    fn first(&self) -> Option<char> {
        match self.chars.first() {
            Some(PatChar::Lit(c)) => Some(*c),
            _ => None,
        }
    }

    /// The end of a match starting at `at`, if the text matches there.
    fn match_at(&self, text: &str, at: usize) -> Option<usize> {
        // An ASCII character of the text is its own fold: one that differs from the
        // pattern's refuses the match at once. Anything else is left to the full
        // comparison ("’" matches "'", a non-ASCII letter may fold to an ASCII one).
        let b = &text.as_bytes()[at..];
        for (&p, &c) in self.ascii_head.iter().zip(b) {
            if !c.is_ascii() {
                break;
            }
            if c.to_ascii_lowercase() != p {
                return None;
            }
        }
        let mut it = text[at..].char_indices().peekable();
        for pc in &self.chars {
            if self.loose && matches!(pc, PatChar::Space | PatChar::Joiner) {
                match it.peek() {
                    Some(&(_, t)) if t.is_whitespace() => {
                        while it.peek().is_some_and(|&(_, t)| t.is_whitespace()) {
                            it.next();
                        }
                    }
                    Some(&(_, '-' | '_' | '‐')) => {
                        it.next();
                    }
                    _ => {}
                }
                continue;
            }
            let (_, t) = it.next()?;
            match pc {
                PatChar::Lit(c) => {
                    let t = if t == '’' { '\'' } else { fold(t) };
                    if t != *c {
                        return None;
                    }
                }
                PatChar::Space => {
                    if !t.is_whitespace() {
                        return None;
                    }
                    while it.peek().is_some_and(|&(_, t)| t.is_whitespace()) {
                        it.next();
                    }
                }
                PatChar::Joiner => {
                    if !matches!(t, '-' | '_' | '‐' | ' ') {
                        return None;
                    }
                }
            }
        }
        Some(it.peek().map_or(text.len(), |&(i, _)| at + i))
    }
}

/// Patterns indexed by their first (folded) character, so that a scan looks only at the
/// patterns that can start where it stands.
#[derive(Debug, Clone, Default)]
struct PatSet {
    pats: Vec<Pattern>,
    /// (first character, index into `pats`), sorted; patterns with no literal first
    /// character never match and are left out.
    firsts: Vec<(char, usize)>,
    /// Bit `c` set when some pattern starts with ASCII character `c`.
    ascii: u128,
    /// For ASCII character `c`, the range of `firsts` starting with it.
    ascii_ranges: Vec<(usize, usize)>,
}

impl PatSet {
    fn new(pats: Vec<Pattern>) -> Self {
        let mut firsts: Vec<(char, usize)> = pats
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.first().map(|c| (c, i)))
            .collect();
        firsts.sort_unstable();
        let ascii = firsts
            .iter()
            .filter(|(c, _)| c.is_ascii())
            .fold(0u128, |a, &(c, _)| a | (1u128 << (c as u32)));
        let mut set = PatSet {
            pats,
            firsts,
            ascii,
            ascii_ranges: Vec::new(),
        };
        set.ascii_ranges = (0u8..128).map(|c| set.range_of(char::from(c))).collect();
        set
    }

    fn range_of(&self, fc: char) -> (usize, usize) {
        let from = self.firsts.partition_point(|&(c, _)| c < fc);
        let to = from + self.firsts[from..].partition_point(|&(c, _)| c == fc);
        (from, to)
    }

    /// The patterns whose first character is `fc`.
    fn starting_with(&self, fc: char) -> impl Iterator<Item = &Pattern> {
        let (from, to) = if fc.is_ascii() {
            self.ascii_ranges[fc as usize]
        } else {
            self.range_of(fc)
        };
        self.firsts[from..to].iter().map(|&(_, i)| &self.pats[i])
    }

    fn may_start(&self, fc: char) -> bool {
        if fc.is_ascii() {
            self.ascii & (1u128 << (fc as u32)) != 0
        } else {
            self.starting_with(fc).next().is_some()
        }
    }
}

/// Matches of `set` in `text`, whose tokens are `toks`: a match starts where a word may
/// ([`left_boundary`]), which is always where a token starts, so only those are tried.
fn find_patterns(text: &str, toks: &[Tok], set: &PatSet, kind: FindingKind, out: &mut Vec<Cand>) {
    if set.firsts.is_empty() {
        return;
    }
    let b = text.as_bytes();
    let mut skip_to = 0;
    for t in toks {
        let i = t.start;
        // ASCII bytes directly; anything else decoded as a character.
        let fc = if b[i].is_ascii() {
            char::from(b[i].to_ascii_lowercase())
        } else {
            fold(char_at(text, i).unwrap_or_default())
        };
        if i < skip_to || !set.may_start(fc) || !left_boundary(text, i) {
            continue;
        }
        let best = set
            .starting_with(fc)
            .filter_map(|p| {
                let end = p.match_at(text, i)?;
                // A plural: "Rowan Wards".
                let plural = p.loose && matches!(char_at(text, end), Some('s' | 'S'));
                Some(if plural && right_boundary(text, end + 1) {
                    end + 1
                } else {
                    end
                })
            })
            .filter(|&end| right_boundary(text, end))
            .max();
        if let Some(end) = best {
            out.push(Cand::new(kind, i, end));
            skip_to = end;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Online handles.

/// Whether a character may be part of an online handle ("shaq_tbm09", "@kez.x").
fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

/// Online handles, which name someone as surely as their name: a run of letters, digits,
/// dots and underscores holding an underscore and a letter ("shaq_tbm09"), one after an
/// "@" that starts a word ("@kez.x"), not an email's, or one in quotes with a dot and a
/// digit in it and no web domain's ending ("dreamz.kay99").
fn handles(text: &str, out: &mut Vec<Cand>) {
    if !text.contains(['_', '@', '"', '“']) {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let at = c == b'@' && (i == 0 || !is_handle_char(char::from(bytes[i - 1])));
        if !(at || (c as char).is_ascii_alphanumeric() || c == b'_')
            || (!at && i > 0 && (is_handle_char(char::from(bytes[i - 1])) || bytes[i - 1] == b'@'))
        {
            i += 1;
            continue;
        }
        let from = if at { i + 1 } else { i };
        let mut end = from;
        while end < bytes.len() && is_handle_char(char::from(bytes[end])) {
            end += 1;
        }
        // A sentence's full stop ends the handle.
        while end > from && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let h = &text[from..end];
        let followed_by_at = bytes.get(end) == Some(&b'@');
        // A file's name is no one's: "care_plan_v2.docx".
        let file = h.rsplit_once('.').is_some_and(|(_, ext)| {
            [
                "doc", "docx", "pdf", "txt", "xls", "xlsx", "csv", "jpg", "jpeg", "png", "gif",
                "md", "ppt", "pptx", "odt", "rtf", "zip", "json", "html", "htm", "mp3", "mp4",
            ]
            .contains(&ext.to_ascii_lowercase().as_str())
        });
        let quoted = i > 0
            && matches!(char_before(text, i), Some('"' | '“'))
            && matches!(char_at(text, end), Some('"' | '”'));
        let dotted = quoted
            && h.bytes().any(|b| b.is_ascii_digit())
            && h.bytes().all(|b| !b.is_ascii_uppercase())
            && h.split('.').count() == 2
            && h.split('.')
                .all(|p| p.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
            && h.rsplit_once('.')
                .is_some_and(|(_, end)| !WEB_ENDINGS.contains(&end));
        let shaped = h.len() >= 3
            && h.bytes().any(|b| b.is_ascii_alphabetic())
            && (at || dotted || (h.contains('_') && !h.starts_with('_') && !h.ends_with('_')));
        if shaped
            && !file
            && !followed_by_at
            && text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            out.push(Cand::new(FindingKind::Name, i, end));
        }
        i = end.max(i + 1);
    }
}

/// The endings of web domains, which a handle with a dot does not have.
#[rustfmt::skip]
const WEB_ENDINGS: &[&str] = &[
    "com", "uk", "org", "net", "io", "gov", "ac", "co", "info", "biz", "app", "me", "tv",
    "ie", "eu", "edu", "nhs", "wales", "scot", "cymru", "london", "online", "site",
];

// ---------------------------------------------------------------------------------------
// Emails.

fn emails(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-'".contains(&c);
    for (at, sign) in text.match_indices(['@', '＠']) {
        let at_len = sign.len();
        let mut start = at;
        while start > 0 && local(b[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        if start == at {
            continue;
        }
        let mut end = at + at_len;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'-')) {
            end += 1;
        }
        if end < b.len()
            && !b[end].is_ascii()
            && char_at(text, end).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut labels: Vec<&str> = text[at + at_len..end].split('.').collect();
        while labels.last().is_some_and(|l| l.is_empty()) {
            labels.pop();
        }
        // Drop trailing labels until the last is a real top-level domain.
        while labels.len() >= 2
            && !labels
                .last()
                .is_some_and(|l| l.len() >= 2 && l.bytes().all(|c| c.is_ascii_alphabetic()))
        {
            labels.pop();
        }
        let ok = labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
        if ok {
            let domain_len = labels.iter().map(|l| l.len() + 1).sum::<usize>() - 1;
            out.push(Cand::new(
                FindingKind::Email,
                start,
                at + at_len + domain_len,
            ));
        }
    }
}

/// How "at" may be written between the parts of an obfuscated email, and whether the
/// dots must then be written as words too ("dan at example dot com").
const AT_SIGNS: &[(&str, bool)] = &[
    ("(at)", false),
    ("[at]", false),
    ("{at}", false),
    ("(AT)", false),
    ("[AT]", false),
    (" (at) ", false),
    (" [at] ", false),
    (" @ ", false),
    (" at ", true),
    (" AT ", true),
];
const DOT_SIGNS: &[&str] = &[
    "(dot)", "[dot]", "{dot}", " (dot) ", " [dot] ", " dot ", " DOT ", "(DOT)", "[DOT]",
];
/// Top-level domains an "at … dot …" written in words must end with.
#[rustfmt::skip]
const WORD_TLDS: &[&str] = &[
    "com", "org", "net", "uk", "gov", "nhs", "io", "info", "edu", "me", "co", "ac", "scot",
];

/// Emails written to dodge a scraper: "dan(at)example.com", "dan @ example.com",
/// "dan at example dot com".
fn obfuscated_emails(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let label = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    // A sign with a bracket or an @ cannot be where that character is not (one pass
    // over the text instead of one search per sign).
    let mut present = [false; 4];
    for &c in b {
        match c {
            b'(' => present[0] = true,
            b'[' => present[1] = true,
            b'{' => present[2] = true,
            b'@' => present[3] = true,
            _ => {}
        }
    }
    // An "at" written as a word needs a dot written as one, and every dot sign holds
    // "dot" or "DOT": without one, " at " (in most sentences) need not be looked at.
    let dot_words = text.contains("dot") || text.contains("DOT");
    for &(sign, words) in AT_SIGNS {
        let needs = |c: u8, k: usize| !sign.as_bytes().contains(&c) || present[k];
        if !(needs(b'(', 0) && needs(b'[', 1) && needs(b'{', 2) && needs(b'@', 3))
            || (words && !dot_words)
        {
            continue;
        }
        for (at, _) in text.match_indices(sign) {
            let mut start = at;
            while start > 0 && local(b[start - 1]) {
                start -= 1;
            }
            while start < at && matches!(b[start], b'.' | b'-') {
                start += 1;
            }
            if start == at || !left_boundary(text, start) {
                continue;
            }
            // Labels joined by dots (or dot words).
            let mut i = at + sign.len();
            let mut labels: Vec<(usize, usize)> = Vec::new();
            let mut worded = true;
            loop {
                let s = i;
                while i < b.len() && label(b[i]) {
                    i += 1;
                }
                if i == s {
                    break;
                }
                labels.push((s, i));
                let dot = if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|&c| label(c)) {
                    worded = false;
                    Some(1)
                } else {
                    DOT_SIGNS
                        .iter()
                        .find(|d| text[i..].starts_with(*d))
                        .map(|d| d.len())
                };
                match dot {
                    Some(n) if b.get(i + n).is_some_and(|&c| label(c)) => i += n,
                    _ => break,
                }
            }
            // Drop trailing labels until the last is a plausible top-level domain.
            let tld_ok = |l: &str| {
                l.len() >= 2
                    && l.bytes().all(|c| c.is_ascii_alphabetic())
                    && (!words || WORD_TLDS.contains(&l.to_ascii_lowercase().as_str()))
            };
            while labels.len() >= 2
                && !tld_ok(&text[labels[labels.len() - 1].0..labels[labels.len() - 1].1])
            {
                labels.pop();
            }
            if labels.len() < 2 || (words && !worded) {
                continue;
            }
            let end = labels[labels.len() - 1].1;
            if !right_boundary(text, end) {
                continue;
            }
            out.push(Cand::new(FindingKind::Email, start, end));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hospital, case and record numbers: a cue, then the number.

/// Words that make a cue of their own: "ref 2023/118734", "MRN 1234567", "Police log
/// PL/4471/26", "Client record RX-20931", "Home Office reference is B1234567", and the
/// case and incident record systems of UK care, whose name before a number says whose
/// record it is ("Mosaic 5518204", "Datix 448120").
#[rustfmt::skip]
const RECORD_HEADS: &[&str] = &[
    "ref", "reference", "mrn", "id", "log", "record", "crn", "urn", "upn", "mosaic",
    "datix", "liquidlogic", "lcs", "eclipse", "carefirst", "rio", "systmone", "emis",
    "paris", "wccis", "swift", "frameworki", "azeus", "ulysses", "careflow", "cerner",
    "las", "pnc", "cro", "brp", "arc", "passport", "nass",
];
/// Words that make a cue after another word: "case number", "staff no.", "RiO number",
/// "hospital no", but not "the number" or "phone number" (a phone is found as one).
const RECORD_NUMBER_WORDS: &[&str] = &["number", "no", "num", "nos", "numbers"];
#[rustfmt::skip]
const NOT_RECORD_CUES: &[&str] = &[
    "phone", "mobile", "telephone", "tel", "landline", "fax", "contact", "house", "door",
    "room", "bed", "bay", "flat", "page", "table", "bus", "route", "platform", "year",
    "size", "version", "question", "item", "point", "step", "line", "a", "the", "any",
    "same", "that", "this", "his", "her", "their", "my", "our", "your", "its", "no",
    "small", "large", "big", "huge", "growing", "whole", "total", "certain", "great",
    "good", "high", "low", "lucky", "round", "odd", "even", "of", "to", "in", "on", "at",
];

/// Bit `c` set when a word of [`RECORD_HEADS`] or [`RECORD_NUMBER_WORDS`] starts with
/// ASCII character `c`.
const RECORD_CUE_FIRSTS: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < RECORD_HEADS.len() {
        bits |= 1 << RECORD_HEADS[i].as_bytes()[0];
        i += 1;
    }
    let mut i = 0;
    while i < RECORD_NUMBER_WORDS.len() {
        bits |= 1 << RECORD_NUMBER_WORDS[i].as_bytes()[0];
        i += 1;
    }
    bits
};

/// Whether `s` folds (as [`fold_str`] does) to exactly `target`, without allocating.
fn folds_to(s: &str, target: &str) -> bool {
    let mut t = target.chars();
    for c in s.chars() {
        let c = if c == '’' { '\'' } else { fold(c) };
        if t.next() != Some(c) {
            return false;
        }
    }
    t.next().is_none()
}

/// Case, hospital, record and reference numbers after their cue: the cue is a word of its
/// own ("ref", "MRN") or "number"/"no." after another word ("case number"); "is", "was",
/// a colon or a few words ending in "is" may come between ("ID number for the hostel
/// system is HX-77213"). The number may be in parts ("23/00412/ASC", "CLA 304188").
fn record_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |t: &Tok| &text[t.start..t.base_end];
    let is = |t: &Tok, w: &str| folds_to(&text[t.start..t.end], w);
    for (i, head) in toks.iter().enumerate() {
        if head.digits {
            continue;
        }
        let h = word(head);
        // A reference of some kind, run together: "HRef", "HOref", "CaseRef".
        let ends_ref = (4..=8).contains(&h.len())
            && h.is_char_boundary(h.len() - 3)
            && h[h.len() - 3..].eq_ignore_ascii_case("ref");
        // A word starting with an ASCII letter no cue starts with is no cue.
        if !ends_ref
            && h.as_bytes().first().is_some_and(|&c| {
                c.is_ascii() && RECORD_CUE_FIRSTS & (1u128 << c.to_ascii_lowercase()) == 0
            })
        {
            continue;
        }
        // An ASCII word folds as it is lowercased, its length kept: compare it so.
        let h_ascii = h.is_ascii();
        let same = |w: &str| {
            if h_ascii {
                h.len() == w.len() && h.eq_ignore_ascii_case(w)
            } else {
                folds_to(h, w)
            }
        };
        let own = ends_ref || RECORD_HEADS.iter().any(|w| same(w));
        let after_word = !own && RECORD_NUMBER_WORDS.iter().any(|w| same(w)) && i >= 1 && {
            let p = &toks[i - 1];
            let g = &text[p.end..head.start];
            (g == " " || (g.is_empty() && p.base_end != p.end))
                && p.letters
                && !p.digits
                && !NOT_RECORD_CUES
                    .iter()
                    .any(|w| folds_to(&text[p.start..p.base_end], w))
        };
        // "next week, number UKB-771204-33": "number" opening a clause, before a number
        // with letters and at least five digits in it (checked below).
        let loose = !own
            && !after_word
            && folds_to(h, "number")
            && (i == 0 || {
                let g = &text[toks[i - 1].end..head.start];
                g == ", " || sentence_start(text, head.start)
            });
        if !(own || after_word || loose) || head.base_end != head.end {
            continue;
        }
        // What comes between the cue and the number.
        let mut j = i + 1;
        let Some(first) = toks.get(j) else { continue };
        let gap = &text[head.end..first.start];
        if gap.len() > 4 || !gap.chars().all(|c| " :#.-=(".contains(c)) {
            continue;
        }
        if is(first, "is") || is(first, "was") {
            j += 1;
        } else if !first.digits
            && !text[first.start..first.end]
                .bytes()
                .all(|c| c.is_ascii_uppercase())
        {
            // "for the hostel system is": up to five lowercase words, then "is" or "was".
            let mut k = j;
            let mut ok = false;
            while k < toks.len() && k < j + 6 {
                let t = &toks[k];
                let g = &text[toks[k - 1].end..t.start];
                if g != " " || t.digits || !text[t.start..t.end].starts_with(char::is_lowercase) {
                    break;
                }
                if is(t, "is") || is(t, "was") {
                    ok = true;
                    break;
                }
                k += 1;
            }
            if !ok {
                continue;
            }
            j = k + 1;
        }
        let Some(id) = toks.get(j) else { continue };
        let g = &text[toks[j - 1].end..id.start];
        if j > i + 1 && g != " " && g != ": " {
            continue;
        }
        // The number: parts joined by "/", or a short capital prefix and a space.
        let mut end_tok = j;
        loop {
            let cur = &toks[end_tok];
            let Some(next) = toks.get(end_tok + 1) else {
                break;
            };
            let g = &text[cur.end..next.start];
            let cur_s = &text[cur.start..cur.end];
            let joined = g == "/"
                || (g == " "
                    && next.digits
                    && !next.letters
                    && cur.letters
                    && cur_s.len() <= 5
                    && cur_s
                        .bytes()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            if !joined || cur.base_end != cur.end {
                break;
            }
            end_tok += 1;
        }
        let (s, e) = (id.start, toks[end_tok].end);
        let idt = &text[s..e];
        let digits = idt.bytes().filter(u8::is_ascii_digit).count();
        let alnum = idt.bytes().filter(u8::is_ascii_alphanumeric).count();
        let parts = end_tok > j || idt.contains('-');
        let letters = alnum > digits;
        if idt.is_ascii()
            && alnum <= 24
            && (digits >= 5 || (digits >= 4 && (letters || parts)))
            && (!loose || (digits >= 5 && alnum > digits))
            && right_boundary(text, e)
            && toks[end_tok].base_end == toks[end_tok].end
        {
            out.push(Cand::new(FindingKind::RecordNumber, s, e));
        }
    }
}

/// Case numbers by their shape alone, a year and a serial: "ICPC prep 2024/118302",
/// "2025/04471". A year and the next ("2024/2025", "2024/25") is a span of time.
fn year_serials(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let number = |t: &Tok| {
        let s = &text[t.start..t.end];
        (t.digits && !t.letters && s.bytes().all(|c| c.is_ascii_digit())).then_some(s)
    };
    for w in toks.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (Some(year), Some(serial)) = (number(a), number(b)) else {
            continue;
        };
        let y: u32 = year.parse().unwrap_or(0);
        let next_year = serial
            .parse::<u32>()
            .is_ok_and(|n| n == y + 1 || (serial.len() == 2 && n == (y + 1) % 100));
        if &text[a.end..b.start] == "/"
            && year.len() == 4
            && (1990..2100).contains(&y)
            && serial.len() >= 4
            && serial.len() <= 10
            && !next_year
            && !(serial.len() == 4
                && serial
                    .parse::<u32>()
                    .is_ok_and(|n| (1900..2100).contains(&n)))
            && left_boundary(text, a.start)
            && char_before(text, a.start).is_none_or(|c| c != '/')
            && right_boundary(text, b.end)
            && !text[b.end..].starts_with('/')
        {
            out.push(Cand::new(FindingKind::RecordNumber, a.start, b.end));
        }
    }
}

/// The bodies whose standards are numbered like records, first in a code that is no
/// one's: "ISO-27001", "BS-8300", "BS/EN/12345".
const STANDARDS: &[&str] = &["ISO", "BS", "EN", "IEC"];

/// A part of a record code made of capitals only ("HC", "CCC").
fn code_letters(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_uppercase())
}

/// A part of a record code made of figures only ("281126").
fn code_figures(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())
}

/// Codes with no cue, capitals and figures in three parts or more joined by "/", at least
/// five figures among them: "EWO/SW/2025/219", "LAC/04/88123"; not a date ("12/03/2025")
/// nor words ("HIV/AIDS", "A/B/C").
fn slashed_codes(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j + 1 < toks.len() && &text[toks[j].end..toks[j + 1].start] == "/" {
            j += 1;
        }
        if j >= i + 2 {
            let parts = &toks[i..=j];
            let part = |t: &Tok| &text[t.start..t.end];
            let letters = |t: &Tok| part(t).len() <= 5 && code_letters(part(t));
            let figures = |t: &Tok| code_figures(part(t));
            let count: usize = parts
                .iter()
                .filter(|t| figures(t))
                .map(|t| t.end - t.start)
                .sum();
            let (s, e) = (toks[i].start, toks[j].end);
            if parts.iter().all(|t| letters(t) || figures(t))
                && parts.iter().any(letters)
                && !STANDARDS.contains(&part(&parts[0]))
                && count >= 5
                && left_boundary(text, s)
                && right_boundary(text, e)
                && !text[e..].starts_with('/')
            {
                out.push(Cand::new(FindingKind::RecordNumber, s, e));
            }
        }
        i = j + 1;
    }
}

/// The other side of a text thread copied into a note, line by line as "name, time,
/// colon" with the writer's own lines as "me": "Destiny 23:41: they put a letter thru"
/// beside "me 08:02: Morning." Whoever is not "me" is a name, a word or not ("Destiny",
/// "Hope"); not a relation ("Mum 08:15:"), a weekday or a month.
fn thread_speakers(text: &str, out: &mut Vec<Cand>) {
    // A line's speaker and the end of its "time:" ("23:41:", "8:02pm:").
    let speaker = |line: &str| -> Option<(usize, usize)> {
        let name = line.find(' ')?;
        let rest = &line[name + 1..];
        let h = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = rest[h..].strip_prefix(':')?;
        let m = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &rest[m..];
        let rest = rest
            .strip_prefix("am")
            .or_else(|| rest.strip_prefix("pm"))
            .unwrap_or(rest);
        ((1..=2).contains(&h)
            && m == 2
            && rest.starts_with(':')
            && line[..name].chars().all(char::is_alphabetic))
        .then_some((0, name))
    };
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if let Some((s, e)) = speaker(line) {
            lines.push((at + s, at + e));
        }
        at += line.len() + 1;
    }
    if !lines
        .iter()
        .any(|&(s, e)| text[s..e].eq_ignore_ascii_case("me"))
    {
        return;
    }
    for (s, e) in lines {
        let w = &text[s..e];
        let l = fold_cow(w);
        if w.starts_with(char::is_uppercase)
            && l != "me"
            && !is_relation(&l)
            && !is_weekday(w)
            && month_of(w).is_none()
        {
            out.push(Cand::new(FindingKind::Name, s, e));
        }
    }
}

/// A phone number spelt out in words: "oh seven seven double oh nine ...", ten or eleven
/// figures from "oh" or "zero", "double" and "triple" counting twice and three times.
fn spoken_phones(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let figure = |t: &Tok| {
        let w = &text[t.start..t.end];
        w.len() <= 6
            && (["oh", "zero", "nought"]
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w))
                || NUMBER_WORDS[..9].iter().any(|f| f.eq_ignore_ascii_case(w)))
    };
    let times = |t: &Tok| {
        let w = &text[t.start..t.end];
        if w.eq_ignore_ascii_case("double") {
            2
        } else if w.eq_ignore_ascii_case("triple") {
            3
        } else {
            0
        }
    };
    let mut k = 0;
    while k < toks.len() {
        if !matches!(text.as_bytes()[toks[k].start] | 0x20, b'o' | b'z') {
            k += 1;
            continue;
        }
        let first = &text[toks[k].start..toks[k].end];
        if !["oh", "zero"].iter().any(|f| f.eq_ignore_ascii_case(first)) {
            k += 1;
            continue;
        }
        let (mut count, mut j, mut last) = (0, k, k);
        while j < toks.len() {
            if j > k
                && !matches!(
                    &text[toks[j - 1].end..toks[j].start],
                    " " | ", " | "-" | " - "
                )
            {
                break;
            }
            let n = times(&toks[j]);
            if n > 0 && toks.get(j + 1).is_some_and(figure) {
                count += n;
                j += 2;
            } else if figure(&toks[j]) {
                count += 1;
                j += 1;
            } else {
                break;
            }
            last = j - 1;
        }
        if (10..=11).contains(&count) {
            out.push(Cand::new(FindingKind::Phone, toks[k].start, toks[last].end));
            k = j;
        } else {
            k += 1;
        }
    }
}

/// Codes a system gives a record, by their shape and with no cue: capitals and figures
/// joined by dashes with five figures or more ("HC-281126-0419", "CCC-HSG-88120",
/// "INT-26-11-4812"; not "COVID-19", "PHQ-9" or "ICD-10"), a letter or three before six
/// figures or more ("T20267714"), and a prison number ("A4471DK").
fn coded_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for t in toks {
        if !(t.digits && t.letters && left_boundary(text, t.start)) {
            continue;
        }
        let w = &text[t.start..t.end];
        let b = w.as_bytes();
        if !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-')
        {
            continue;
        }
        let figures = b.iter().filter(|c| c.is_ascii_digit()).count();
        let dashed = w.contains('-') && {
            let parts: Vec<&str> = w.split('-').collect();
            parts.len() >= 2
                && parts.iter().all(|p| code_letters(p) || code_figures(p))
                && code_letters(parts[0])
                && parts[0].len() <= 4
                && !STANDARDS.contains(&parts[0])
                && parts.iter().any(|p| code_figures(p))
                && figures >= 5
        };
        let lead = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let serial = (1..=3).contains(&lead)
            && b.len() - lead >= 6
            && b[lead..].iter().all(u8::is_ascii_digit);
        let prison = b.len() == 7
            && b[0].is_ascii_uppercase()
            && b[1..5].iter().all(u8::is_ascii_digit)
            && b[5..].iter().all(u8::is_ascii_uppercase);
        if (dashed || serial || prison) && right_boundary(text, t.end) {
            out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Phone numbers and NHS-like numbers: runs of digit groups.

#[derive(Debug, Clone)]
struct Group {
    start: usize,
    end: usize,
    digits: String,
    paren: bool,
    plus: bool,
    /// The separator before this group (none for the first, or after a bracket).
    sep: Option<char>,
}

const MAX_GROUPS: usize = 24;

/// Reads the run of digit groups starting at `i` ("+44 (0)161 496 0000").
fn read_groups(text: &str, mut i: usize) -> (Vec<Group>, usize) {
    let b = text.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut groups: Vec<Group> = Vec::new();
    let mut sep = None;
    loop {
        let start = i;
        let (plus, paren) = (
            groups.is_empty() && b.get(i) == Some(&b'+'),
            b.get(i) == Some(&b'('),
        );
        if plus || paren {
            i += 1;
        }
        let n = digits_at(i);
        if n == 0 || (paren && b.get(i + n) != Some(&b')')) {
            break;
        }
        let digits = text[i..i + n].to_string();
        i += n + usize::from(paren);
        groups.push(Group {
            start,
            end: i,
            digits,
            paren,
            plus,
            sep,
        });
        if groups.len() >= MAX_GROUPS {
            break;
        }
        // What joins the next group: one separator, or nothing next to a bracket.
        match b.get(i) {
            Some(&c @ (b' ' | b'-' | b'.'))
                if b.get(i + 1).is_some_and(u8::is_ascii_digit)
                    || (c != b'.' && b.get(i + 1) == Some(&b'(')) =>
            {
                sep = Some(c as char);
                i += 1;
            }
            Some(b'(') if paren || groups.last().is_some_and(|g| g.plus) => sep = None,
            Some(c) if c.is_ascii_digit() && paren => sep = None,
            _ => break,
        }
    }
    let end = groups.last().map_or(i, |g| g.end);
    (groups, end)
}

fn is_phone(gs: &[Group]) -> bool {
    let digits: String = gs.iter().map(|g| g.digits.as_str()).collect();
    if gs.len() > 5 {
        return false;
    }
    // "0044 7700 900123": the international prefix written out.
    let (intl, digits, first) = match (digits.strip_prefix("0044"), gs[0].digits.strip_prefix("00"))
    {
        (Some(_), Some(first)) if !gs[0].plus => (true, &digits[2..], first),
        _ => (gs[0].plus, digits.as_str(), gs[0].digits.as_str()),
    };
    // "447700900654": the country code without its "+", run into the number.
    if !intl
        && gs.len() <= 3
        && gs[0].digits.len() >= 4
        && !gs[0].paren
        && digits.len() == 12
        && digits
            .strip_prefix("44")
            .is_some_and(|r| r.starts_with(['1', '2', '3', '7']))
    {
        return true;
    }
    if intl {
        let Some(mut rest) = digits.strip_prefix("44") else {
            return false;
        };
        if first != "44" {
            // "+447700900123": the country code runs into the number.
            rest = &digits[2..];
        } else if gs.get(1).is_some_and(|g| g.paren && g.digits == "0") {
            rest = &rest[1..];
        }
        return (9..=10).contains(&rest.len())
            && rest.starts_with(['1', '2', '3', '7', '8'])
            && gs[1..]
                .iter()
                .all(|g| g.digits.len() >= 2 || g.digits == "0");
    }
    (10..=11).contains(&digits.len())
        && digits.starts_with('0')
        && digits[1..].starts_with(['1', '2', '3', '5', '7', '8'])
        && gs.len() <= 4
        && gs.iter().all(|g| g.digits.len() >= 3)
        && gs.iter().skip(1).all(|g| !g.paren)
}

fn is_nhs_shape(gs: &[Group]) -> bool {
    if gs.iter().any(|g| g.paren || g.plus) {
        return false;
    }
    let sizes: Vec<usize> = gs.iter().map(|g| g.digits.len()).collect();
    match sizes.as_slice() {
        [10] => true,
        [3, 3, 4] | [4, 3, 3] => gs[1].sep == gs[2].sep && matches!(gs[1].sep, Some(' ' | '-')),
        _ => false,
    }
}

/// Whether ten digits carry a valid NHS number check digit (modulus 11).
fn nhs_check_digit_ok(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

fn digit_runs(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit() || c == b'+' || c == b'(';
        if !starts || !run_may_start(text, i) {
            i += 1;
            continue;
        }
        let (groups, end) = read_groups(text, i);
        if groups.is_empty() {
            i += 1;
            continue;
        }
        let mut g = 0;
        while g < groups.len() {
            let mut matched = None;
            for h in (g + 1..=groups.len().min(g + 5)).rev() {
                let gs = &groups[g..h];
                let run_end = gs[gs.len() - 1].end;
                if g > 0 && (gs[0].plus || gs[0].sep.is_none()) {
                    break;
                }
                let ext = phone_extension(text, run_end);
                if h == groups.len() && ext.is_none() && !right_boundary(text, run_end) {
                    continue;
                }
                let nhs = is_nhs_shape(gs);
                let phone = is_phone(gs);
                let kind = match (nhs, phone) {
                    (true, true) => {
                        if nhs_check_digit_ok(&gs[0].digits) {
                            FindingKind::NhsNumber
                        } else {
                            FindingKind::Phone
                        }
                    }
                    (true, false) => FindingKind::NhsNumber,
                    (false, true) => FindingKind::Phone,
                    (false, false) => continue,
                };
                let run_end = match kind {
                    FindingKind::Phone if h == groups.len() => ext.unwrap_or(run_end),
                    _ if ext.is_some() && h == groups.len() => continue,
                    _ => run_end,
                };
                matched = Some((kind, gs[0].start, run_end, h));
                break;
            }
            match matched {
                Some((kind, s, e, h)) => {
                    out.push(Cand::new(kind, s, e));
                    g = h;
                }
                None => g += 1,
            }
        }
        i = end.max(i + 1);
    }
}

/// The end of an extension written onto a phone number: "07700 900123x", "…x201",
/// "… ext 214", "… ext. 3".
fn phone_extension(text: &str, end: usize) -> Option<usize> {
    let after = &text[end..];
    if let Some(rest) = after.strip_prefix(['x', 'X']) {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        let e = end + 1 + n;
        return (n <= 5 && right_boundary(text, e)).then_some(e);
    }
    // " ext ", " Ext. ", " EXTN ", " x ": the word in any case (but "x"), a dot after it.
    let rest = after.strip_prefix(' ')?;
    let w = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
    if !(w.eq_ignore_ascii_case("ext") || w.eq_ignore_ascii_case("extn") || w == "x") {
        return None;
    }
    let dot = usize::from(w != "x" && rest[w.len()..].starts_with('.'));
    let word = 1 + w.len() + dot;
    after[word..].strip_prefix(' ')?;
    let word = word + 1;
    let n = after[word..].bytes().take_while(u8::is_ascii_digit).count();
    let e = end + word + n;
    ((1..=5).contains(&n) && right_boundary(text, e)).then_some(e)
}

/// A digit run starts here: not inside a word or a number ("1,234", "£07…").
fn run_may_start(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(p) if p.is_alphanumeric() || matches!(p, '£' | '$' | '€' | '+' | '_') => false,
        Some('.' | ',' | ':' | '/' | '-') => {
            !char_before(text, i - 1).is_some_and(|q| q.is_ascii_digit())
        }
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------------------
// National Insurance numbers: QQ 12 34 56 C.

fn ni_numbers(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_alphabetic() {
            continue;
        }
        // All capitals ("QQ 12 34 56 C") or all lowercase ("qq123456c").
        let lower = b[i].is_ascii_lowercase();
        let mut j = i;
        // Its parts apart by spaces or by dashes ("WK-30-11-84-C"), not both.
        let mut sep = None;
        let mut take = |pred: fn(u8) -> bool, space: bool| -> bool {
            if space
                && let Some(&c) = b.get(j).filter(|&&c| c == b' ' || c == b'-')
                && *sep.get_or_insert(c) == c
            {
                j += 1;
            }
            if b.get(j).is_some_and(|&c| pred(c)) {
                j += 1;
                true
            } else {
                false
            }
        };
        let upper: fn(u8) -> bool = if lower {
            |c| c.is_ascii_lowercase()
        } else {
            |c| c.is_ascii_uppercase()
        };
        let suffix: fn(u8) -> bool = if lower {
            |c| matches!(c, b'a'..=b'd')
        } else {
            |c| matches!(c, b'A'..=b'D')
        };
        let digit = |c: u8| c.is_ascii_digit();
        let ok = take(upper, false)
            && take(upper, false)
            && take(digit, true)
            && take(digit, false)
            && take(digit, true)
            && take(digit, false)
            && take(digit, true)
            && take(digit, false)
            && take(suffix, true);
        if !ok || !right_boundary(text, j) || !left_boundary(text, i) {
            continue;
        }
        let (p1, p2) = (b[i].to_ascii_uppercase(), b[i + 1].to_ascii_uppercase());
        let bad_prefix = b"DFIQUV".contains(&p1) && p1 != b'Q'
            || b"DFIOQUV".contains(&p2) && p2 != b'Q'
            || [b"BG", b"GB", b"NK", b"KN", b"TN", b"NT", b"ZZ"].contains(&&[p1, p2]);
        if !bad_prefix {
            out.push(Cand::new(FindingKind::NiNumber, i, j));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Postcodes.

fn is_outward(s: &str) -> bool {
    let b = s.as_bytes();
    let a = |c: u8| c.is_ascii_uppercase();
    let d = |c: u8| c.is_ascii_digit();
    if b.is_empty() || b"QVX".contains(&b[0]) {
        return false;
    }
    match b {
        [x, y] => a(*x) && d(*y),
        [x, y, z] if a(*x) && d(*y) && d(*z) => true,
        [x, y, z] if a(*x) && d(*y) && a(*z) => b"ABCDEFGHJKPSTUW".contains(z),
        [x, y, z] => a(*x) && a(*y) && !b"IJZ".contains(y) && d(*z),
        [x, y, z, w] if a(*x) && a(*y) && d(*z) && d(*w) => !b"IJZ".contains(y),
        [x, y, z, w] => {
            a(*x) && a(*y) && !b"IJZ".contains(y) && d(*z) && b"ABEHMNPRVWXY".contains(w)
        }
        _ => false,
    }
}

/// Vehicle registrations in the shapes that pick out one car: a British one since 2001,
/// two letters, the two digits of its age (March "02"–"29", September "51"–"79") and
/// three letters ("NX19 KTP", in capitals as on the plate); an Irish one, the year (and
/// half), the county's letters and a serial joined by hyphens ("161-G-4821",
/// "08-D-12345").
fn vehicle_registrations(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    // No I or Q in a British mark's letters; no Z in its first two.
    let plate =
        |c: u8, z: bool| c.is_ascii_uppercase() && c != b'I' && c != b'Q' && (z || c != b'Z');
    #[rustfmt::skip]
    const COUNTIES: &[&str] = &[
        "C", "CE", "CN", "CW", "D", "DL", "G", "KE", "KK", "KY", "L", "LD", "LH", "LK", "LM",
        "LS", "MH", "MN", "MO", "OY", "RN", "SO", "T", "TN", "TS", "W", "WD", "WH", "WW", "WX",
    ];
    for (i, t) in toks.iter().enumerate() {
        let s = &text.as_bytes()[t.start..t.end];
        if let [a, b, x, y] = s
            && let Some(n) = toks.get(i + 1)
            && &text[t.end..n.start] == " "
            && let ns = &text.as_bytes()[n.start..n.end]
            && plate(*a, false)
            && plate(*b, false)
            && x.is_ascii_digit()
            && y.is_ascii_digit()
            && matches!((x - b'0') * 10 + (y - b'0'), 2..=29 | 51..=79)
            && ns.len() == 3
            && ns.iter().all(|c| plate(*c, true))
            && right_boundary(text, n.end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, t.start, n.end));
            continue;
        }
        // One token, its hyphens joined: "161-G-4821".
        if t.digits && t.letters && s.len() <= 13 {
            let w = &text[t.start..t.end];
            let mut parts = w.split('-');
            if let (Some(y), Some(c), Some(n), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
                && matches!(y.len(), 2 | 3)
                && y.bytes().all(|b| b.is_ascii_digit())
                && (y.len() == 2 || matches!(y.as_bytes()[2], b'1' | b'2'))
                && COUNTIES.contains(&c)
                && (1..=6).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
            }
        }
    }
}

/// Whether an outward code starts with one of the UK's postcode areas.
fn is_postcode_area(outward: &str) -> bool {
    #[rustfmt::skip]
    const AREAS: &[&str] = &[
        "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB",
        "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
        "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY",
        "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA",
        "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK",
        "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL",
        "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO",
        "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
        "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
    ];
    let area: String = outward
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    AREAS.contains(&area.as_str())
}

fn is_inward(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: u8| c.is_ascii_uppercase() && !b"CIKMOV".contains(&c);
    matches!(b, [d, x, y] if d.is_ascii_digit() && ok(*x) && ok(*y))
}

fn postcodes(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        if !t.digits || !t.letters || !s.is_ascii() {
            continue;
        }
        let lower = s.bytes().all(|c| !c.is_ascii_uppercase());
        let upper = s.bytes().all(|c| !c.is_ascii_lowercase());
        if !lower && !upper {
            continue;
        }
        let u = s.to_ascii_uppercase();
        // Outward and inward as two words, "SW1A 1AA" or "m1 1ae".
        if let Some(n) = toks.get(i + 1)
            && matches!(&text[t.end..n.start], " " | "  ")
            && is_outward(&u)
        {
            let inward = &text[n.start..n.end];
            let same_case = if lower {
                inward.bytes().all(|c| !c.is_ascii_uppercase())
                    && !["st", "nd", "rd", "th"].iter().any(|o| inward.ends_with(o))
            } else {
                inward.bytes().all(|c| !c.is_ascii_lowercase())
            };
            if same_case && is_inward(&inward.to_ascii_uppercase()) {
                out.push(Cand::new(FindingKind::Postcode, t.start, n.end));
                continue;
            }
        }
        // Run together, "SW1A1AA"; in lowercase ("sw1a1aa") only with a real area.
        if (5..=7).contains(&u.len()) {
            let (o, w) = u.split_at(u.len() - 3);
            if is_outward(o) && is_inward(w) && (upper || is_postcode_area(o)) {
                out.push(Cand::new(FindingKind::Postcode, t.start, t.end));
            }
        }
    }
    // The one non-geographic postcode.
    for (i, _) in text.match_indices("GIR 0AA") {
        if left_boundary(text, i) && right_boundary(text, i + 7) {
            out.push(Cand::new(FindingKind::Postcode, i, i + 7));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates.

fn two_digit_year(y: u32) -> i32 {
    use chrono::Datelike as _;
    // u32 < 100 always fits.
    let y = i32::try_from(y).unwrap_or(0);
    // Up to ten years ahead of this one is this century ("26" in 2026 is 2026, a review
    // date in "35" is 2035); anything later is the last one (a birth year "51" is 1951).
    let pivot = chrono::Utc::now().year() % 100 + 10;
    if y <= pivot { 2000 + y } else { 1900 + y }
}

/// Numeric dates: 12/03/2026, 12.03.2026, 12-03-26, 2026-03-12. Day first, as in the UK;
/// a day and month without a year ("7/10") is a score, not a date.
fn numeric_dates(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let num = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let value = |i: usize, n: usize| text[i..i + n].parse::<u32>().ok();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || !run_may_start(text, i) {
            i += 1;
            continue;
        }
        let n1 = num(i);
        let found = (|| {
            let s = *b.get(i + n1)?;
            if !matches!(s, b'/' | b'-' | b'.') {
                return None;
            }
            let j = i + n1 + 1;
            let n2 = num(j);
            if n2 == 0 || n2 > 2 || b.get(j + n2) != Some(&s) {
                return None;
            }
            let k = j + n2 + 1;
            let n3 = num(k);
            let end = k + n3;
            let after_ok = right_boundary(text, end)
                && !(matches!(b.get(end), Some(b'/' | b'-' | b'.'))
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit));
            if !after_ok {
                return None;
            }
            let (d, m, y) = if n1 == 4 && (1..=2).contains(&n3) {
                (
                    value(k, n3)?,
                    value(j, n2)?,
                    i32::try_from(value(i, n1)?).ok()?,
                )
            } else if (1..=2).contains(&n1) && (n3 == 4 || n3 == 2) {
                let y = value(k, n3)?;
                let y = if n3 == 2 {
                    two_digit_year(y)
                } else {
                    i32::try_from(y).ok()?
                };
                (value(i, n1)?, value(j, n2)?, y)
            } else {
                return None;
            };
            ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2099).contains(&y))
                .then_some((end, m, y))
        })();
        match found {
            Some((end, m, y)) => {
                // "Thu 17/04/25": a weekday just before is part of the date.
                let before = text[..i].strip_suffix(' ').unwrap_or("");
                let before = before.strip_suffix(',').unwrap_or(before);
                let day_at = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .last()
                    .map(|(p, _)| p)
                    .filter(|&p| WEEKDAYS.contains(&&before[p..]) && left_boundary(text, p));
                let mut c = Cand::new(FindingKind::ExactDate, day_at.unwrap_or(i), end);
                c.date = Some(DateParts {
                    month: m,
                    year: Some(y),
                });
                push_date(text, c, out);
                i = end;
            }
            None => i += n1.max(1),
        }
    }
}

/// Adds a date, as a date of birth when a cue ("DOB", "born on", "date of birth:") comes
/// just before it; the cue is then part of the finding.
fn push_date(text: &str, mut c: Cand, out: &mut Vec<Cand>) {
    if let Some(cue) = birth_cue(text, c.start) {
        c.kind = FindingKind::BirthDate;
        c.start = cue;
    }
    out.push(c);
}

fn birth_cue(text: &str, at: usize) -> Option<usize> {
    let mut from = at.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut t = &text[from..at];
    for _ in 0..3 {
        t = t.trim_end_matches(|c: char| c.is_whitespace() || ":-–—=,(".contains(c));
        let lower = t.to_ascii_lowercase();
        let filler = ["on", "is", "was", "of", "the"]
            .iter()
            .find(|w| lower.ends_with(*w) && left_boundary(t, t.len() - w.len()));
        match filler {
            Some(w) if !lower.ends_with("born on") => t = &t[..t.len() - w.len()],
            _ => break,
        }
    }
    let lower = t.to_ascii_lowercase();
    [
        "date of birth",
        "d.o.b.",
        "d.o.b",
        "d/o/b",
        "dob",
        "born on",
        "born",
        "birthday",
        "birth date",
        "birthdate",
    ]
    .iter()
    .find(|cue| lower.ends_with(*cue) && left_boundary(t, t.len() - cue.len()))
    .map(|cue| from + t.len() - cue.len())
}

/// The month a word names: full names in any case ("May" only capitalised, "may" is a
/// verb), three-letter abbreviations and "Sept" capitalised.
fn month_of(w: &str) -> Option<u32> {
    let l = w.to_ascii_lowercase();
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&l)) {
        if l == "may" && !w.starts_with('M') {
            return None;
        }
        return u32::try_from(i + 1).ok();
    }
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    if l == "sept" {
        return Some(9);
    }
    if let Some(i) = WELSH_MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return u32::try_from(i + 1).ok();
    }
    if l.len() == 3 {
        return MONTHS
            .iter()
            .position(|m| m[..3].eq_ignore_ascii_case(&l) && m.len() > 3)
            .and_then(|i| u32::try_from(i + 1).ok());
    }
    None
}

/// A day of the month, with whether it had an ordinal suffix ("12th").
fn day_of(w: &str) -> Option<(u32, bool)> {
    let n = w.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let suffix = w[n..].to_ascii_lowercase();
    if !["", "st", "nd", "rd", "th"].contains(&suffix.as_str()) {
        return None;
    }
    let d: u32 = w[..n].parse().ok()?;
    (1..=31).contains(&d).then_some((d, !suffix.is_empty()))
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2099).contains(y))
}

/// The months in Welsh, in lowercase: a month is read in any case with a capital first
/// ("8 Ionawr", "8 IONAWR"; see `month_of`).
#[rustfmt::skip]
const WELSH_MONTHS: [&str; 12] = [
    "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
    "hydref", "tachwedd", "rhagfyr",
];

/// A weekday as written beside a date: "Tuesday", "Tues", or in capitals ("SATURDAY";
/// not "SAT", "SUN" or "WED", which are words and exams in capitals).
fn is_weekday(w: &str) -> bool {
    if !(3..=9).contains(&w.len()) || !matches!(w.as_bytes()[0], b'M' | b'T' | b'W' | b'F' | b'S') {
        return false;
    }
    WEEKDAYS.iter().any(|d| {
        *d == w
            || (w.len() > 3
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && d.eq_ignore_ascii_case(w))
    })
}

/// Words after which a day without its year, in figures ("on 27/11", "Seen 26.11") or
/// as an ordinal after "the" ("by the 9th"), is a date.
#[rustfmt::skip]
const DATE_CUES: &[&str] = &[
    "on", "by", "from", "until", "till", "til", "since", "before", "after", "seen", "due",
    "dated", "review", "reviewed", "follow-up", "followup", "wef", "died", "admitted",
    "discharged",
];

/// Events a day and month in figures after them is the day of: "home visit 14/5",
/// "hearing 23/6", "first pick-up 9/5".
#[rustfmt::skip]
const EVENT_CUES: &[&str] = &[
    "visit", "appointment", "appt", "tribunal", "hearing", "court", "panel", "clinic",
    "contact", "meeting", "pick-up", "commencing", "deadline", "surgery", "operation",
];

/// Words that may follow a day given as "the 9th" in a date ("by the 9th with the
/// family"); any other word makes it a count ("on the 4th floor", "after the 2nd dose").
#[rustfmt::skip]
const AFTER_A_DAY: &[&str] = &[
    "at", "with", "and", "when", "about", "for", "to", "in", "or", "so", "then", "as", "but",
    "i", "we", "he", "she", "they", "if", "unless", "please", "latest", "morning",
    "afternoon", "evening", "night",
];

#[rustfmt::skip]
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
];

/// Days without their month or year: a weekday before "the" and an ordinal ("Thursday
/// the fourth", "Friday the 13th"); an ordinal after a word of when and "the" ("by the
/// 9th", "on the 8th with ..."; not "on the 4th floor"); a day and month in figures after
/// a word of when ("on 27/11", "Seen 26.11"; not a fraction, "by 1/2").
fn days_without_a_year(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |i: usize| toks.get(i).map(|t| &text[t.start..t.end]);
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if t.digits || w.is_empty() || w.len() > 11 {
            continue;
        }
        // What follows is a space, then "the" or a figure: most words stop here.
        let after = text.as_bytes()[t.end..].get(..2);
        if !after.is_some_and(|a| a[0] == b' ' && (a[1].is_ascii_digit() || a[1] | 0x20 == b't')) {
            continue;
        }
        let weekday = is_weekday(w);
        let cue = !weekday && DATE_CUES.iter().any(|c| c.eq_ignore_ascii_case(w));
        // "visit 14/5", "w/c 8/9", "follow up 30/6": the event the day is of, for a
        // day and month in figures only.
        let event = !weekday
            && !cue
            && (EVENT_CUES.iter().any(|c| c.eq_ignore_ascii_case(w))
                || (w.eq_ignore_ascii_case("c")
                    && (text[..t.start].ends_with("w/") || text[..t.start].ends_with("W/")))
                || (w.eq_ignore_ascii_case("up")
                    && i > 0
                    && ["follow", "pick"]
                        .iter()
                        .any(|f| word(i - 1).is_some_and(|p| p.eq_ignore_ascii_case(f)))));
        if !weekday && !cue && !event {
            continue;
        }
        if !event
            && word(i + 1).is_some_and(|x| x.eq_ignore_ascii_case("the"))
            && let Some(d) = word(i + 2)
            && spaced(text, toks, i, i + 1)
            && spaced(text, toks, i + 1, i + 2)
            && (matches!(day_of(d), Some((_, true)))
                || ORDINAL_WORDS.iter().any(|o| o.eq_ignore_ascii_case(d)))
        {
            let d_end = toks[i + 2].end;
            let next = word(i + 3);
            // "the 9th of March" is found whole by the dates in words.
            let of_month =
                next.is_some_and(|n| n.eq_ignore_ascii_case("of") || month_of(n).is_some());
            let ends = text[d_end..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\n'));
            let follows = next
                .is_some_and(|n| AFTER_A_DAY.iter().any(|a| a.eq_ignore_ascii_case(n)))
                && spaced(text, toks, i + 2, i + 3);
            if !of_month && (weekday || ends || follows) {
                let start = if weekday { t.start } else { toks[i + 2].start };
                out.push(Cand::new(FindingKind::ExactDate, start, d_end));
                continue;
            }
        }
        if (cue || event)
            && let Some((end, month)) = weekday_day_month(text, t.end)
        {
            let figures = text[t.end..end].trim_start_matches([',', ' ']);
            let start = end - figures.len();
            let (d, m) = figures.split_once(['/', '.']).unwrap_or((figures, ""));
            let d: u32 = d.parse().unwrap_or(0);
            // "1/2", "3/4" are fractions, "from 8/10 to 3/10" and "4/5" scores, "24/7"
            // round the clock.
            let fraction = (d < month && month <= 4)
                || (matches!(month, 5 | 10) && d <= month)
                || figures == "24/7";
            // "by 1.5" is a number: a month after a dot has two figures ("26.11").
            let decimal = figures.contains('.') && m.len() < 2;
            if !fraction && !decimal {
                let mut c = Cand::new(FindingKind::ExactDate, start, end);
                c.date = Some(DateParts { month, year: None });
                out.push(c);
            }
        }
    }
}

/// The weekdays in Welsh, after "dydd" ("dydd Mawrth"), with a capital.
const WELSH_WEEKDAYS: &[&str] = &[
    "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul",
];

/// Whether `w` is a day of the month as a Welsh ordinal: "1af", "2il", "4ydd", "5ed",
/// "11eg", "20fed".
fn welsh_ordinal_day(w: &str) -> bool {
    let n = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&n)
        && w[..n].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && ["af", "il", "ydd", "ed", "fed", "eg", "ain"].contains(&&w[n..])
}

/// A day of this month or the last in the old office style, an ordinal before "inst."
/// or "ult." ("since the 3rd inst.", "your letter of the 28th ult."), and a day in Welsh
/// by its weekday and ordinal ("dydd Mawrth 4ydd"), before a Welsh month ("4ydd
/// Hydref") or in figures between them ("dydd Llun 10 Mawrth").
fn days_of_this_month(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    const MONTH_MARKS: &[&str] = &["inst", "ult", "prox", "instant", "ultimo", "proximo"];
    let word = |i: usize| toks.get(i).map(|t| &text[t.start..t.end]);
    for (i, t) in toks.iter().enumerate() {
        if !t.digits || t.end - t.start > 5 {
            continue;
        }
        let w = &text[t.start..t.end];
        // "Dydd Llun 10 Mawrth": a day in figures between a Welsh weekday and month.
        if !t.letters {
            if i >= 2
                && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                && word(i - 2).is_some_and(|d| d.eq_ignore_ascii_case("dydd"))
                && word(i - 1).is_some_and(|d| WELSH_WEEKDAYS.contains(&d))
                && let Some(m) = word(i + 1)
                && WELSH_MONTHS.iter().any(|x| x.eq_ignore_ascii_case(m))
                && m.starts_with(char::is_uppercase)
                && spaced(text, toks, i - 2, i - 1)
                && spaced(text, toks, i - 1, i)
                && spaced(text, toks, i, i + 1)
            {
                out.push(Cand::new(
                    FindingKind::ExactDate,
                    toks[i - 2].start,
                    toks[i + 1].end,
                ));
            }
            continue;
        }
        if matches!(day_of(w), Some((_, true)))
            && let Some(m) = word(i + 1)
            && spaced(text, toks, i, i + 1)
            && MONTH_MARKS.contains(&m)
        {
            let mut end = toks[i + 1].end;
            if text[end..].starts_with('.') {
                end += 1;
            }
            out.push(Cand::new(FindingKind::ExactDate, t.start, end));
            continue;
        }
        if !welsh_ordinal_day(w) {
            continue;
        }
        if i >= 2
            && spaced(text, toks, i - 1, i)
            && spaced(text, toks, i - 2, i - 1)
            && word(i - 1).is_some_and(|d| WELSH_WEEKDAYS.contains(&d))
            && word(i - 2).is_some_and(|d| d.eq_ignore_ascii_case("dydd"))
        {
            out.push(Cand::new(FindingKind::ExactDate, toks[i - 2].start, t.end));
        } else if let Some(m) = word(i + 1)
            && spaced(text, toks, i, i + 1)
            && m.starts_with(char::is_uppercase)
            && WELSH_MONTHS.iter().any(|x| x.eq_ignore_ascii_case(m))
        {
            out.push(Cand::new(FindingKind::ExactDate, t.start, toks[i + 1].end));
        }
    }
}

/// The numbers from one to nineteen in words, then the tens from twenty.
#[rustfmt::skip]
const NUMBER_WORDS: [&str; 19] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
];
const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number from one to ninety-nine in words, in any case: "seven", "fourteen",
/// "eighty-two".
fn number_in_words(w: &str) -> Option<u32> {
    let at = |x: &str, list: &[&str]| list.iter().position(|u| u.eq_ignore_ascii_case(x));
    if let Some(i) = at(w, &NUMBER_WORDS) {
        return u32::try_from(i + 1).ok();
    }
    let (tens, unit) = w
        .split_once(['-', '‐'])
        .map_or((w, None), |(a, b)| (a, Some(b)));
    let tens = u32::try_from(at(tens, &TENS_WORDS)?).ok()? * 10 + 20;
    match unit {
        None => Some(tens),
        Some(u) => Some(tens + u32::try_from(at(u, &NUMBER_WORDS[..9])?).ok()? + 1),
    }
}

/// A year in words after token `m`: "nineteen seventy", "twenty twenty-five", "two
/// thousand and six"; its end and value.
fn year_in_words(text: &str, toks: &[Tok], m: usize) -> Option<(usize, i32)> {
    let word = |i: usize| {
        toks.get(i)
            .filter(|_| spaced(text, toks, i - 1, i))
            .map(|t| &text[t.start..t.end])
    };
    let first = word(m + 1)?;
    let century = if first.eq_ignore_ascii_case("nineteen") {
        1900
    } else if first.eq_ignore_ascii_case("twenty") {
        2000
    } else if first.eq_ignore_ascii_case("two")
        && word(m + 2).is_some_and(|w| w.eq_ignore_ascii_case("thousand"))
    {
        let j = if word(m + 3).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
            m + 4
        } else {
            m + 3
        };
        return Some(match word(j).and_then(number_in_words) {
            Some(n) => (toks[j].end, 2000 + i32::try_from(n).ok()?),
            None => (toks[m + 2].end, 2000),
        });
    } else {
        return None;
    };
    let n = number_in_words(word(m + 2)?).filter(|n| *n >= 10)?;
    Some((toks[m + 2].end, century + i32::try_from(n).ok()?))
}

/// A day in words, "the fourteenth of January", with its year in words if one follows
/// ("the second of May nineteen seventy").
fn dates_in_words(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        if t.end - t.start != 2 || i < 2 || !text[t.start..t.end].eq_ignore_ascii_case("of") {
            continue;
        }
        let (the, o, m) = (&toks[i - 2], &toks[i - 1], i + 1);
        let Some(mt) = toks.get(m) else { continue };
        if !spaced(text, toks, i - 2, i - 1)
            || !spaced(text, toks, i - 1, i)
            || !spaced(text, toks, i, m)
            || !text[the.start..the.end].eq_ignore_ascii_case("the")
            || !ORDINAL_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&text[o.start..o.end]))
            || mt.base_end != mt.end
        {
            continue;
        }
        let Some(month) = month_of(&text[mt.start..mt.end]) else {
            continue;
        };
        let year = year_in_words(text, toks, m);
        let mut c = Cand::new(
            FindingKind::ExactDate,
            o.start,
            year.map_or(mt.end, |y| y.0),
        );
        c.date = Some(DateParts {
            month,
            year: year.map(|y| y.1),
        });
        push_date(text, c, out);
    }
}

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon",
    "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Dates in words: "12 March 2026", "12th of March", "March 12th, 2026", "Tuesday 10th".
fn word_dates(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |t: &Tok| &text[t.start..t.end];
    // Only spaces (and a comma or an abbreviation's dot) between the parts of a date.
    let gap_ok = |a: &Tok, b: &Tok, punct: &str| {
        let g = &text[a.end..b.start];
        let g = g.strip_prefix(|c: char| punct.contains(c)).unwrap_or(g);
        !g.is_empty() && g.len() <= 3 && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    };
    let year_after = |m: usize, month_tok: &Tok| -> Option<(usize, i32)> {
        let y = toks.get(m + 1)?;
        if !right_boundary(text, y.end) {
            return None;
        }
        if gap_ok(month_tok, y, ",.")
            && let Some(v) = year_of(word(y))
        {
            return Some((y.end, v));
        }
        // Two figures for the year after a short month or an apostrophe: "19th Nov 26",
        // "1st Dec '26" (not "in March 26 people came").
        let gap = &text[month_tok.end..y.start];
        let short = word(month_tok).len() <= 4;
        // Not the hour of a time after the day: "Jan 14 09:00".
        let time = text[y.end..].starts_with(':')
            || (text[y.end..].starts_with('.')
                && text[y.end + 1..].starts_with(|c: char| c.is_ascii_digit()));
        let two = word(y).len() == 2 && word(y).bytes().all(|c| c.is_ascii_digit()) && !time;
        (two && (gap == " '" || gap == " ’" || (short && gap == " ")))
            .then(|| word(y).parse().ok().map(two_digit_year))
            .flatten()
            .map(|v| (y.end, v))
    };
    for (i, t) in toks.iter().enumerate() {
        if !run_may_start(text, t.start) {
            continue;
        }
        // Joined by dashes, as systems print them: "23-Jan-1954", "5-Mar-25".
        let mut parts = word(t).split(['-', '‐']);
        if t.digits
            && t.letters
            && let (Some(d), Some(m), Some(y), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            && day_of(d).is_some()
            && let Some(month) = month_of(m)
            && let Some(year) = year_of(y).or_else(|| {
                (y.len() == 2 && y.bytes().all(|c| c.is_ascii_digit()))
                    .then(|| y.parse().ok().map(two_digit_year))
                    .flatten()
            })
        {
            let mut c = Cand::new(FindingKind::ExactDate, t.start, t.end);
            c.date = Some(DateParts {
                month,
                year: Some(year),
            });
            push_date(text, c, out);
            continue;
        }
        // Day first: "12 March 2026", "3rd of May".
        if let Some((_, _)) = day_of(word(t)) {
            let mut m = i + 1;
            if toks
                .get(m)
                .is_some_and(|o| word(o).eq_ignore_ascii_case("of") && gap_ok(t, o, ""))
            {
                m += 1;
            }
            if let Some(mt) = toks.get(m)
                && gap_ok(&toks[m - 1], mt, "")
                && let Some(month) = month_of(word(mt))
            {
                let (end, year) = year_after(m, mt).map_or((mt.end, None), |(e, y)| (e, Some(y)));
                // A weekday just before is part of the date: "Monday 2nd December".
                let start = i
                    .checked_sub(1)
                    .map(|p| &toks[p])
                    .filter(|p| is_weekday(word(p)) && gap_ok(p, t, ","))
                    .map_or(t.start, |p| p.start);
                let mut c = Cand::new(FindingKind::ExactDate, start, end);
                c.date = Some(DateParts { month, year });
                push_date(text, c, out);
                continue;
            }
        }
        // A weekday and an ordinal day, no month: "on Tuesday 10th".
        if is_weekday(word(t))
            && let Some(d) = toks.get(i + 1)
            && gap_ok(t, d, ",")
            && let Some((_, true)) = day_of(word(d))
            && right_boundary(text, d.end)
            && !toks
                .get(i + 2)
                .is_some_and(|m| month_of(word(m)).is_some() || word(m).eq_ignore_ascii_case("of"))
        {
            out.push(Cand::new(FindingKind::ExactDate, t.start, d.end));
            continue;
        }
        // A weekday and a day and month in figures, no year: "Tues 3/9".
        if is_weekday(word(t))
            && let Some((end, month)) = weekday_day_month(text, t.end)
        {
            let mut c = Cand::new(FindingKind::ExactDate, t.start, end);
            c.date = Some(DateParts { month, year: None });
            out.push(c);
            continue;
        }
        // Month first: "March 12th", "March 12, 2026", "Jan 14" (a bare "March 12" is
        // too often a count: "in March 12 people came"; a month cut short is not).
        if let Some(month) = month_of(word(t))
            && let Some(d) = toks.get(i + 1)
            && gap_ok(t, d, ".")
            && let Some((_, ordinal)) = day_of(word(d))
        {
            let year = year_after(i + 1, d);
            let short = word(t).len() < MONTHS[month as usize - 1].len()
                && right_boundary(text, d.end)
                && !(text[d.end..].starts_with(['/', '.', '-'])
                    && text[d.end + 1..].starts_with(|c: char| c.is_ascii_digit()));
            if ordinal || year.is_some() || short {
                let end = year.map_or(d.end, |(e, _)| e);
                let mut c = Cand::new(FindingKind::ExactDate, t.start, end);
                c.date = Some(DateParts {
                    month,
                    year: year.map(|(_, y)| y),
                });
                push_date(text, c, out);
            }
        }
    }
}

/// After a weekday ending at `at`: a space (or a comma and a space), then a day and a
/// month in figures with no year ("Tues 3/9", "Fri, 14.11"); the end and the month.
fn weekday_day_month(text: &str, at: usize) -> Option<(usize, u32)> {
    let rest = &text[at..];
    let rest_t = rest.strip_prefix(',').unwrap_or(rest);
    let trimmed = rest_t.trim_start_matches(' ');
    if trimmed.len() == rest_t.len() || rest_t.len() - trimmed.len() > 2 {
        return None;
    }
    let b = trimmed.as_bytes();
    let n1 = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = *b.get(n1)?;
    if !(1..=2).contains(&n1) || !matches!(sep, b'/' | b'.') {
        return None;
    }
    let n2 = b[n1 + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=2).contains(&n2) {
        return None;
    }
    let len = n1 + 1 + n2;
    let end = at + (rest.len() - trimmed.len()) + len;
    // "3/9/24" is a full date, found as one; "3/9/" or "3.9.2" is something else.
    if matches!(b.get(len), Some(b'/' | b'.' | b'-'))
        && b.get(len + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let d: u32 = trimmed[..n1].parse().ok()?;
    let m: u32 = trimmed[n1 + 1..len].parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m) && right_boundary(text, end))
        .then_some((end, m))
}

// ---------------------------------------------------------------------------------------
// Street addresses.

#[rustfmt::skip]
const STREET_WORDS: &[&str] = &[
    "street", "road", "avenue", "lane", "close", "drive", "court", "crescent", "way",
    "place", "gardens", "terrace", "grove", "hill", "row", "walk", "square", "mews", "park",
    "rise", "view", "parade", "green", "vale", "boulevard", "wharf", "yard", "gate",
    "estate", "heights",
];
#[rustfmt::skip]
const STREET_ABBREVIATIONS: &[&str] = &[
    "St", "Rd", "Ave", "Ln", "Dr", "Cres", "Ct", "Pl", "Sq", "Gdns", "Terr", "Cl",
];
/// Street words that make an address even in lowercase ("14 elm road", "5 high st"):
/// the ones that are rarely anything but a street after a number and a word.
#[rustfmt::skip]
const LOWERCASE_STREET_WORDS: &[&str] = &[
    "street", "road", "avenue", "lane", "crescent", "terrace", "grove", "mews", "gardens",
    "st", "rd", "ave",
];
#[rustfmt::skip]
const FLAT_WORDS: &[&str] = &[
    "flat", "apartment", "apt", "unit", "room", "studio",
];

/// A house number: "14", "22b", "14-16".
fn is_house_number(w: &str) -> bool {
    w.split(['-', '‐']).all(|part| {
        let n = part.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&n)
            && part.len() - n <= 1
            && part[n..].bytes().all(|c| c.is_ascii_alphabetic())
    })
}

/// Words of measure and time that a number and a street word may hold between them
/// without being an address ("3 minute walk", "2 lane road").
fn is_measure(w: &str) -> bool {
    #[rustfmt::skip]
    const MEASURES: &[&str] = &[
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "mile", "miles",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "lane", "way",
        "km", "metre", "metres", "meter", "meters", "yard", "yards", "more", "other",
        "times", "people", "of",
    ];
    MEASURES.contains(&fold_str(w).as_str())
}

fn addresses(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |t: &Tok| &text[t.start..t.end];
    let spaced = |a: &Tok, b: &Tok| {
        let g = &text[a.end..b.start];
        !g.is_empty() && g.len() <= 2 && g.chars().all(|c| c == ' ')
    };
    for (i, t) in toks.iter().enumerate() {
        // A flat by its stair number and door, as Edinburgh and Glasgow write it: "22/4
        // Dalmarnock Street" (the number of the stair, then the flat).
        let stair = i.checked_sub(1).filter(|&p| {
            let n = word(&toks[p]);
            &text[toks[p].end..t.start] == "/"
                && (1..=3).contains(&n.len())
                && n.bytes().all(|c| c.is_ascii_digit())
                && word(t).len() <= 2
                && word(t).bytes().all(|c| c.is_ascii_digit())
                && run_may_start(text, toks[p].start)
        });
        if !t.digits
            || !is_house_number(word(t))
            || !(run_may_start(text, t.start) || stair.is_some())
        {
            continue;
        }
        // Up to four capitalised words, the last street word among them ends the address;
        // or all lowercase, one word and a street word ("14 elm road"). "The" may lead
        // a capitalised street word: "3 the Crescent".
        let mut street_end = None;
        let mut building_at = None;
        let mut prev = t;
        let the_street = toks.get(i + 1).is_some_and(|w| word(w) == "the")
            && toks.get(i + 2).is_some_and(|n| {
                let ns = word(n);
                ns.starts_with(char::is_uppercase)
                    && STREET_WORDS.contains(&fold_str(ns).as_str())
                    && n.base_end == n.end
            });
        let lowercase = !the_street
            && toks
                .get(i + 1)
                .is_some_and(|w| word(w).starts_with(char::is_lowercase));
        // Welsh puts the street word first: "9 Heol y Llan", "7 Ffordd Pentre".
        let welsh = toks.get(i + 1).is_some_and(|w| {
            spaced(t, w)
                && word(w).starts_with(char::is_uppercase)
                && WELSH_STREET_WORDS.contains(&fold_str(word(w)).as_str())
                && w.base_end == w.end
        });
        if welsh {
            let mut prev = &toks[i + 1];
            for w in toks[i + 2..].iter().take(4) {
                let s = word(w);
                if !spaced(prev, w) || w.digits {
                    break;
                }
                if s.starts_with(char::is_uppercase) && !STOPWORDS.contains(&fold_str(s).as_str()) {
                    street_end = Some(w.base_end);
                } else if !["y", "yr", "ar", "pen", "tan"].contains(&s) {
                    break;
                }
                prev = w;
                if w.base_end != w.end {
                    break;
                }
            }
        }
        for (k, w) in toks[i + 1..]
            .iter()
            .take(if welsh { 0 } else { 4 })
            .enumerate()
        {
            let s = word(w);
            let l = fold_str(s);
            let the = k == 0 && the_street;
            let cased = if lowercase {
                s.starts_with(char::is_lowercase) && k <= 1
            } else {
                s.starts_with(char::is_uppercase) || (the && s == "the")
            };
            if !spaced(prev, w) || w.digits || !cased || (STOPWORDS.contains(&l.as_str()) && !the) {
                break;
            }
            let street = if lowercase {
                k == 1 && LOWERCASE_STREET_WORDS.contains(&s) && !is_measure(word(prev))
            } else {
                STREET_WORDS.contains(&l.as_str()) || STREET_ABBREVIATIONS.contains(&s)
            };
            if k >= 1 && street && w.base_end == w.end {
                street_end = Some(w.end);
            }
            if k >= 1 && !lowercase && BUILDING_WORDS.contains(&l.as_str()) && w.base_end == w.end {
                building_at = Some(i + 1 + k);
            }
            prev = w;
            if w.base_end != w.end {
                break;
            }
        }
        let Some(mut end) = street_end else {
            // "22 Frobisher House, Mandela Estate": a numbered building and the street or
            // estate after it.
            if let Some(b) = building_at
                && let Some(e) = named_places_after(text, toks, b)
            {
                out.push(Cand::new(FindingKind::Address, t.start, e));
                continue;
            }
            // "flat 2b", "Flat 3" on its own, and the building and street that follow it:
            // "Flat 12, Brook House, Union Street".
            if i >= 1 {
                let f = &toks[i - 1];
                let fw = word(f);
                let flat = ["flat", "apartment", "apt"].contains(&fold_str(fw).as_str());
                let lettered = word(t).ends_with(|c: char| c.is_ascii_alphabetic());
                if flat
                    && &text[f.end..t.start] == " "
                    && (lettered || fw.starts_with(char::is_uppercase))
                    && left_boundary(text, f.start)
                    && right_boundary(text, t.end)
                    && t.base_end == t.end
                {
                    let end = named_places_after(text, toks, i).unwrap_or(t.end);
                    out.push(Cand::new(FindingKind::Address, f.start, end));
                }
            }
            continue;
        };
        // "118 Cowbridge Road East".
        let last = toks.partition_point(|x| x.start < end).saturating_sub(1);
        if let Some(d) = toks.get(last + 1)
            && &text[end..d.start] == " "
            && ["East", "West", "North", "South", "Upper", "Lower"].contains(&word(d))
            && right_boundary(text, d.end)
        {
            end = d.end;
        }
        // "Flat 3, 22 Mill Lane": the flat is part of it.
        let mut start = stair.map_or(t.start, |p| toks[p].start);
        if i >= 2 {
            let (f, n) = (&toks[i - 2], &toks[i - 1]);
            let g1 = &text[f.end..n.start];
            let g2 = &text[n.end..t.start];
            if FLAT_WORDS.contains(&fold_str(word(f)).as_str())
                && g1 == " "
                && (g2 == " " || g2 == ", ")
                && (is_house_number(word(n)) || word(n).chars().count() == 1)
            {
                start = f.start;
            }
            // A tenement flat by floor and door, as Glasgow writes it: "3/2, 41 Dumbarton
            // Road".
            if g1 == "/"
                && g2 == ", "
                && word(f).len() <= 2
                && word(n).len() <= 2
                && f.digits
                && n.digits
                && !f.letters
                && !n.letters
                && run_may_start(text, f.start)
            {
                start = f.start;
            }
        }
        // A house name before the number: "Bryn Awel, 5 Lôn Isaf", "Rose Cottage, 2 Mill
        // Lane".
        if start == t.start
            && let Some(s) = house_name_before(text, toks, i)
        {
            start = s;
        }
        out.push(Cand::new(FindingKind::Address, start, end));
    }
}

/// Welsh words for a street, which come before its name ("Heol y Llan").
#[rustfmt::skip]
const WELSH_STREET_WORDS: &[&str] = &[
    "heol", "ffordd", "stryd", "lôn", "lon", "maes", "rhodfa", "cilgant", "clos", "teras",
    "cae", "llwyn", "parc", "gerddi", "sgwâr", "allt", "bryn", "pant", "cwrt", "ystad",
    "tŷ", "ty", "plas", "bro", "coed", "dôl", "dol", "cwm", "glan", "nant", "pen", "penrhyn",
    "tan",
];
/// Addresses without a house number: a house name, a street and a village before a
/// postcode ("Orchard Cottage, Mill Lane, Little Bredy DT2 9HL"), each part capitalised
/// words and a comma; the address starts at the first part that ends in a building or
/// street word. A building and a street alone make one too ("at Ivy Cottage, Church
/// Lane").
/// A district or a village named by a word and what it is, after "in", "from" or "near":
/// "in Gorse Hill", "from Hollins End", "near Hatch Green".
fn districts(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    const KINDS: &[&str] = &[
        "hill", "vale", "heath", "end", "green", "common", "moor", "bank", "bottom", "cross",
        "brow", "fold", "hollow",
    ];
    let Words { toks, lowers } = words;
    for k in 0..toks.len().saturating_sub(2) {
        if !matches!(&*lowers[k], "in" | "from" | "near") {
            continue;
        }
        let (a, b) = (&toks[k + 1], &toks[k + 2]);
        if &text[toks[k].end..a.start] == " "
            && &text[a.end..b.start] == " "
            && starts_capitalised(text, a)
            && starts_capitalised(text, b)
            && a.letters
            && !a.digits
            && a.base_end == a.end
            && KINDS.contains(&&*lowers[k + 2])
            && !STOPWORDS.contains(&&*lowers[k + 1])
            && !CALENDAR.contains(&&*lowers[k + 1])
            && !KINDS.contains(&&*lowers[k + 1])
            && toks.get(k + 3).is_none_or(|n| {
                // "in Green Lane" is a street, found as one.
                !STREET_WORDS.contains(&&*lowers[k + 3]) || &text[b.end..n.start] != " "
            })
        {
            out.push(Cand::new(FindingKind::Place, a.start, b.base_end));
        }
    }
}

/// A street by its name without a number, after a word of where: "on Stoney Lane",
/// "ON PALESTINE STREET", "off Mill Road"; not "down Memory Lane".
fn streets_without_a_number(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    const STREETS: &[&str] = &[
        "street", "road", "avenue", "lane", "close", "drive", "crescent", "terrace", "grove",
        "row", "mews", "gardens",
    ];
    const IDIOMS: &[&str] = &["memory", "easy", "civvy", "lovers"];
    let Words { toks, lowers } = words;
    let spaced = |a: usize| &text[toks[a].end..toks[a + 1].start] == " ";
    for k in 0..toks.len().saturating_sub(2) {
        if !matches!(
            &*lowers[k],
            "on" | "off" | "along" | "in" | "down" | "up" | "near"
        ) || !spaced(k)
        {
            continue;
        }
        let named = |j: usize| {
            let t = &toks[j];
            starts_capitalised(text, t)
                && t.letters
                && !t.digits
                && t.base_end == t.end
                && !STOPWORDS.contains(&&*lowers[j])
                && !CALENDAR.contains(&&*lowers[j])
        };
        if !named(k + 1) || IDIOMS.contains(&&*lowers[k + 1]) {
            continue;
        }
        let mut j = k + 2;
        if j < toks.len() && !STREETS.contains(&&*lowers[j]) && spaced(j - 1) && named(j) {
            j += 1;
        }
        // "the old Debenhams on Queen Street": a street of a town's centre, named by one
        // ordinary word, is somewhere everyone goes; it is an address where someone
        // lives ("Lives above the shop on High Street").
        let centre = j == k + 2
            && &*lowers[j] == "street"
            && is_ordinary(&lowers[k + 1])
            && !lives_before(text, words, k);
        if j < toks.len()
            && !centre
            && spaced(j - 1)
            && STREETS.contains(&&*lowers[j])
            && starts_capitalised(text, &toks[j])
            && !STREETS.contains(&&*lowers[k + 1])
            // "the Londis on Hollin Lane" is a place, found whole with its street.
            && !out.iter().any(|c| {
                c.kind == FindingKind::Place && c.start < toks[j].end && toks[k + 1].start < c.end
            })
        {
            out.push(Cand::new(
                FindingKind::Address,
                toks[k + 1].start,
                toks[j].end,
            ));
        }
    }
}

/// Whether the sentence before token `k` says someone lives there: "lives", "living",
/// "stays", "moved", "above", "flat", "house", up to eight words back.
fn lives_before(text: &str, words: Words<'_>, k: usize) -> bool {
    const HOME_WORDS: &[&str] = &[
        "live", "lives", "lived", "living", "stay", "stays", "stayed", "staying", "moved", "above",
        "flat", "house", "home", "address", "lodging", "tenancy",
    ];
    let Words { toks, lowers } = words;
    (k.saturating_sub(8)..k)
        .rev()
        .take_while(|&i| !text[toks[i].end..toks[i + 1].start].contains(['.', '!', '?', ';', '\n']))
        .any(|i| HOME_WORDS.contains(&&*lowers[i]))
}

fn unnumbered_addresses(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let cap = |k: usize| {
        let t = &toks[k];
        starts_capitalised(text, t) && t.base_end == t.end && !STOPWORDS.contains(&&*lowers[k])
    };
    let ends_place = |k: usize| {
        let l = &*lowers[k];
        STREET_WORDS.contains(&l) || BUILDING_WORDS.contains(&l)
    };
    let is_street = |k: usize| STREET_WORDS.contains(&&*lowers[k]);
    // Where a house's name in the part `a..=b` starts: with "The" before it ("The Old
    // Forge, Church Road"), and not at an everyday word that opens the sentence ("Home
    // Mill Croft, Dores Road").
    let house_start = |a: usize, b: usize| {
        let mut a = a;
        if a >= 1
            && &text[toks[a - 1].start..toks[a - 1].end] == "The"
            && &text[toks[a - 1].end..toks[a].start] == " "
        {
            return a - 1;
        }
        while a + 1 < b
            && sentence_start(text, toks[a].start)
            && is_plainly_ordinary(&lowers[a])
            && !BUILDING_WORDS.contains(&&*lowers[a])
        {
            a += 1;
        }
        a
    };
    // The parts ending at token `last`, back to the first one, as (first, last) pairs.
    let parts_before = |last: usize| {
        let mut parts = Vec::new();
        let mut b = last;
        loop {
            if !cap(b) {
                break;
            }
            let mut a = b;
            while a > 0 && a + 4 > b && &text[toks[a - 1].end..toks[a].start] == " " && cap(a - 1) {
                a -= 1;
            }
            parts.push((a, b));
            if parts.len() == 4 || a < 2 || &text[toks[a - 1].end..toks[a].start] != ", " {
                break;
            }
            b = a - 1;
        }
        parts
    };
    let postcodes: Vec<usize> = out
        .iter()
        .filter(|c| c.kind == FindingKind::Postcode)
        .map(|c| c.start)
        .collect();
    for start in postcodes {
        let Some(last) = toks.iter().rposition(|t| t.end <= start) else {
            continue;
        };
        if !matches!(&text[toks[last].end..start], " " | ", ") {
            continue;
        }
        let parts = parts_before(last);
        if parts.len() >= 2
            && let Some(i) = parts.iter().rposition(|&(_, b)| ends_place(b))
        {
            let (a, b) = parts[i];
            // A house named with "The" before the first part that ends in a building or
            // street word: "The Laurels, Mill Lane, Chinnor".
            let start = match parts.get(i + 1) {
                Some(&(ha, _)) if house_start(ha, ha) < ha => ha - 1,
                _ => house_start(a, b),
            };
            out.push(Cand::new(
                FindingKind::Address,
                toks[start].start,
                toks[last].end,
            ));
        } else if let [(a, b)] = parts[..]
            && a < b
            && b == last
            && is_street(b)
        {
            // "Mrs Bridie Hanratty Carrickbawn Road, bt34 2hw": a street alone before a
            // postcode, its name the word before the street word (the words before that
            // are the person's).
            out.push(Cand::new(
                FindingKind::Address,
                toks[b - 1].start,
                toks[last].end,
            ));
        }
    }
    // A building and a street, a comma between: "Ivy Cottage, Church Lane".
    for k in 2..toks.len() {
        if !cap(k) || !is_street(k) {
            continue;
        }
        let parts = parts_before(k);
        if let [(sa, _), (ba, bb), ..] = parts[..]
            && sa < k
            && BUILDING_WORDS.contains(&&*lowers[bb])
            && ba < bb
        {
            let ba = house_start(ba, bb);
            out.push(Cand::new(FindingKind::Address, toks[ba].start, toks[k].end));
        }
    }
}

/// Words that end the name of a building: "Brook House", "Kingfisher Court".
#[rustfmt::skip]
const BUILDING_WORDS: &[&str] = &[
    "house", "court", "tower", "towers", "lodge", "mansions", "buildings", "heights",
    "point", "block", "apartments", "villas", "cottage", "cottages", "farm", "manor",
    "quay", "hall", "centre", "works", "mill", "chambers", "forge", "croft", "barn", "byre",
    "steading", "bothy", "rectory", "vicarage", "granary", "stables", "smithy",
    "farmhouse", "schoolhouse", "bungalow",
];

/// Words that end the name of a school, a college or a surgery: "Oakfield Academy",
/// "St Kentigern's Primary", "Riverside Surgery".
#[rustfmt::skip]
const SCHOOL_WORDS: &[&str] = &[
    "school", "primary", "academy", "college", "nursery", "infants", "juniors", "surgery",
    "hospice",
];
/// Words that start one in Welsh, Irish and Gaelic: "Ysgol Bro Tawe", "Scoil Mhuire",
/// and a surgery, a hospital, a centre or a home in Welsh: "Meddygfa Tywi", "Meddygfa'r
/// Llan", "Ysbyty Gwynedd".
#[rustfmt::skip]
const SCHOOL_HEADS: &[&str] = &[
    "ysgol", "coleg", "scoil", "sgoil", "meithrinfa", "meddygfa", "feddygfa", "ysbyty",
    "canolfan", "cartref",
];
/// Words before a school word that make no name of it: "the High School", "a Sixth Form
/// College", "Royal College of Nursing".
#[rustfmt::skip]
const GENERIC_SCHOOL_WORDS: &[&str] = &[
    "high", "primary", "secondary", "special", "grammar", "boarding", "sunday", "medical",
    "junior", "infant", "infants", "middle", "free", "independent", "catholic", "church",
    "state", "private", "local", "new", "old", "village", "community", "comprehensive",
    "residential", "day", "summer", "nursery", "forest", "faith", "sixth", "form",
    "further", "city", "county", "national", "royal", "open", "welsh", "english", "gp",
    "dental", "art", "drama", "dance", "music", "language", "driving", "bible", "business",
    "law", "nursing", "care", "health", "my", "our", "his", "her", "their", "the", "a",
    "gymraeg", "cymraeg", "gynradd", "cynradd", "gyfun", "cyfun", "uwchradd", "feithrin",
    "meithrin", "arbennig", "babanod", "iau", "eglwys", "bro", "ysgol", "coleg", "girls",
    "boys", "girls'", "boys'",
];
/// Titles whose holder's name a school may bear in the possessive: "Bishop's Green
/// Academy", "King's Norton Girls' School".
#[rustfmt::skip]
const TITLES_OF_SCHOOLS: &[&str] = &[
    "bishop", "archbishop", "cardinal", "king", "queen", "prince", "princess", "abbot",
    "dean", "canon",
];
/// The marks of a church school inside its name, in capitals: "St Bernadette's RC
/// Primary", "Holy Trinity CE Academy".
const FAITH_SCHOOL_MARKS: &[&str] = &["rc", "ce", "cofe", "ciw", "cw", "va", "vc"];
/// Particles inside a Welsh name: "Ysgol y Graig", "Ysgol Gymraeg yr Allt".
const WELSH_PARTICLES: &[&str] = &["y", "yr", "a'r", "i'r"];

/// Schools, colleges and surgeries by their name: capitalised words before a school word
/// with at least one that is not a generic one ("Oakfield Academy", not "the High
/// School"), or capitalised words after a Welsh, Irish or Gaelic one ("Ysgol Gyfun
/// Gŵyr").
fn schools(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let spaced = |a: usize, b: usize| spaced(text, toks, a, b);
    let cap = |k: usize| {
        starts_capitalised(text, &toks[k]) && !is_acronym(&text[toks[k].start..toks[k].base_end])
    };
    for k in 0..toks.len() {
        if !cap(k) {
            continue;
        }
        let l = &*lowers[k];
        if SCHOOL_HEADS.contains(&l)
            || l.strip_suffix("'r")
                .or_else(|| l.strip_suffix("’r"))
                .is_some_and(|h| SCHOOL_HEADS.contains(&h))
        {
            let mut end = k;
            let mut j = k + 1;
            while j < toks.len()
                && j <= k + 4
                && spaced(j - 1, j)
                && toks[j - 1].base_end == toks[j - 1].end
            {
                let wl = &*lowers[j];
                if cap(j) && !STOPWORDS.contains(&wl) {
                    end = j;
                } else if !WELSH_PARTICLES.contains(&wl) {
                    break;
                }
                j += 1;
            }
            let named =
                (k + 1..=end).any(|j| cap(j) && !GENERIC_SCHOOL_WORDS.contains(&&*lowers[j]));
            if named {
                out.push(Cand::new(
                    FindingKind::Place,
                    toks[k].start,
                    toks[end].base_end,
                ));
            }
            continue;
        }
        if !SCHOOL_WORDS.contains(&l) || k == 0 {
            continue;
        }
        // Only the last word before the school word may be possessive, unless a saint's
        // ("St Mary's Catholic Primary") or a churchman's or a king's ("Bishop's Green
        // Academy").
        // "Sacred Heart Girls' School": a plural possessive, its apostrophe outside
        // the word.
        let plural_possessive = ["' ", "’ "].contains(&&text[toks[k - 1].end..toks[k].start])
            && lowers[k - 1].ends_with('s')
            && cap(k - 1)
            && toks[k - 1].base_end == toks[k - 1].end;
        let last = if plural_possessive { k - 1 } else { k };
        let start = name_start_before(text, words, last, |j| {
            (cap(j) || FAITH_SCHOOL_MARKS.contains(&&*lowers[j]))
                && ((j + 1 == k && !plural_possessive)
                    || toks[j].base_end == toks[j].end
                    || (j >= 1 && ["st", "saint"].contains(&&*lowers[j - 1]))
                    || TITLES_OF_SCHOOLS.contains(&&*lowers[j]))
        })
        .min(last);
        // "Cardiff and Vale College": two names joined by "and".
        let mut start = start;
        if start < k
            && start >= 2
            && &*lowers[start - 1] == "and"
            && spaced(start - 2, start - 1)
            && spaced(start - 1, start)
            && cap(start - 2)
            && toks[start - 2].base_end == toks[start - 2].end
            && !sentence_start(text, toks[start - 2].start)
        {
            start -= 2;
        }
        let named = (start..k).any(|j| {
            !GENERIC_SCHOOL_WORDS.contains(&&*lowers[j])
                && !FAITH_SCHOOL_MARKS.contains(&&*lowers[j])
                && &*lowers[j] != "and"
        });
        if start < k && named {
            out.push(Cand::new(
                FindingKind::Place,
                toks[start].start,
                toks[k].base_end,
            ));
        }
    }
}

/// Whether tokens `a` and `b` are one space apart.
fn spaced(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    &text[toks[a].end..toks[b].start] == " "
}

/// Whether a token is a word of letters with a capital first ("Oakfield", "RC").
fn starts_capitalised(text: &str, t: &Tok) -> bool {
    t.letters && !t.digits && text[t.start..].starts_with(char::is_uppercase)
}

/// The first token of a name that ends at token `k` (a school or institution word): up
/// to three words before it, one space apart, none a stopword, each one that `joins`
/// accepts.
fn name_start_before(
    text: &str,
    words: Words<'_>,
    k: usize,
    joins: impl Fn(usize) -> bool,
) -> usize {
    let mut start = k;
    while start > 0
        && start + 4 > k
        && spaced(text, words.toks, start - 1, start)
        && !STOPWORDS.contains(&&*words.lowers[start - 1])
        && joins(start - 1)
    {
        start -= 1;
    }
    start
}

/// Words that say a place is someone's work, a few words before "at", "for" or "from":
/// "works at", "started nights at", "a job interview at", "delivery driver for", "her
/// payslip from".
#[rustfmt::skip]
const WORK_CUES: &[&str] = &[
    "work", "works", "working", "worked", "job", "jobs", "interview", "shift", "shifts",
    "nights", "started", "starts", "employed", "employer", "placement", "apprenticeship",
    "apprentice", "volunteers", "volunteering", "volunteer", "driver", "cleaner",
    "cashier", "labourer", "carer", "chef", "packer", "picker", "trainee", "hired",
    "paid", "payslip", "payslips", "wages", "contract", "sacked", "dismissed", "evenings",
    "mornings", "lates", "earlies", "nurse", "midwife", "porter", "receptionist", "teacher",
    "hairdresser", "waitress", "waiter", "mechanic",
];
/// Words of care a few words before a hospital named alone in the possessive: "admitted
/// to Queen's", "seen in A&E at King's".
#[rustfmt::skip]
const CARE_CUES: &[&str] = &[
    "admitted", "admission", "admissions", "readmitted", "transferred", "discharged",
    "seen", "born", "delivered", "outpatients", "outpatient", "appointment", "clinic",
    "scan", "a&e", "ed", "resus", "theatre", "surgery", "operation", "operated", "ward",
    "bed", "consultant", "inpatient", "stay",
];
/// Capitalised words that make no workplace of themselves ("works at the Job Centre",
/// "nights at A&E", "works for Royal Mail", "works at Christmas").
#[rustfmt::skip]
const GENERIC_WORKPLACE_WORDS: &[&str] = &[
    "home", "office", "job", "jobcentre", "centre", "plus", "council", "city", "county",
    "royal", "mail", "post", "nhs", "police", "fire", "service", "services", "station",
    "army", "navy", "health", "social", "court", "prison", "university", "college",
    "school", "hospital", "day", "night", "care", "a", "e", "the", "local", "community",
    "christmas", "easter", "eid", "diwali", "weekends", "weekend", "nights", "home's",
];
/// Times of the year and of the week that no shop is named for: "at Christmas".
#[rustfmt::skip]
const TIMES: &[&str] = &[
    "christmas", "easter", "eid", "diwali", "hanukkah", "vaisakhi", "ramadan", "new",
    "weekends", "weekend", "nights", "night", "day", "days", "lunchtime", "teatime",
];
/// Initials ending in "I" or "H" that are no hospital's: scans, measures, conditions,
/// drugs and bodies ("an MRI at the Royal" aside, "MRI" is the scan).
#[rustfmt::skip]
const NOT_HOSPITAL_INITIALS: &[&str] = &[
    "MRI", "BMI", "UTI", "SSRI", "SNRI", "KPI", "API", "PPI", "CHI", "AKI", "TBI", "ABI",
    "MDI", "HDI", "CPI", "NHS", "DOH", "MOH", "GDH", "PMH", "SMH", "SCI", "PCI", "NSAI",
];
/// Words after "Royal" that make no hospital of it ("Royal Mail", "Royal Navy", "Royal
/// College of Nursing").
#[rustfmt::skip]
const ROYAL_NOT_HOSPITALS: &[&str] = &[
    "mail", "navy", "air", "force", "marines", "family", "society", "academy", "college",
    "british", "legion", "institution", "bank", "ballet", "opera", "shakespeare",
    "horticultural", "charter", "highness", "assent", "commission", "warrant", "albert",
    "court", "courts", "engineers", "artillery", "signals", "logistics", "household",
    "national", "institute", "mint", "observatory", "festival", "exchange", "parks",
    "botanic", "botanical", "gardens", "welsh", "scottish", "irish", "regiment", "yacht",
];

/// The end of a run of up to four capitalised words starting at token `k`, spaced, the
/// last one possibly possessive or ending in an apostrophe ("Sainsbury's Local",
/// "St Thomas'"), and the tokens it spans.
fn capitalised_run(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let cap = |j: usize| {
        let t = &toks[j];
        t.letters && text[t.start..].starts_with(char::is_uppercase)
    };
    if k >= toks.len() || !cap(k) {
        return None;
    }
    let mut last = k;
    while last + 1 < toks.len()
        && last < k + 3
        && &text[toks[last].end..toks[last + 1].start] == " "
        && cap(last + 1)
    {
        last += 1;
    }
    let mut end = toks[last].end;
    // "St Thomas'": an apostrophe closing the name.
    if text[end..].starts_with(['\'', '’']) && right_boundary(text, end + 1) {
        end += 1;
    }
    Some((last, end))
}

/// Places of work and hospital wards by name: capitalised words after "at", "for", "by"
/// or "from" a few words after a word of work ("started nights at Greggs", "works at Tesco
/// Extra", "driver for Hermes", "paid cash by Sparkle Hand Car Wash"; not "works at the care home" nor a generic "Job Centre"), and a
/// numbered ward with the hospital after it ("Ward 7B", "Ward 12 at Morriston").
fn workplaces_and_wards(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 0..toks.len() {
        let l = &*lowers[k];
        // A hospital by its name alone, in the possessive, up to three words after a word
        // of care: "3 admissions this winter at King's", "transferred to Queen's".
        if (l == "at" || l == "to" || l == "from")
            && text[toks[k].start..].starts_with(['a', 't', 'f'])
            && let Some(n) = toks.get(k + 1)
            && &text[toks[k].end..n.start] == " "
            && n.base_end != n.end
            && n.letters
            && !n.digits
            && starts_capitalised(text, n)
            && (k.saturating_sub(3)..k).any(|j| {
                CARE_CUES.contains(&&*lowers[j])
                    && !text[toks[j].end..toks[k].start].contains(['.', '!', '?', ';', '\n'])
            })
            && {
                let after = &text[n.end..];
                after.is_empty()
                    || after.starts_with(['.', ',', ';', ':', ')', '\n'])
                    || toks.get(k + 2).is_some_and(|m| {
                        &text[n.end..m.start] == " "
                            && [
                                "in", "on", "for", "last", "this", "since", "and", "with", "after",
                            ]
                            .contains(&&*lowers[k + 2])
                    })
            }
        {
            out.push(Cand::new(FindingKind::Place, n.start, n.end));
            continue;
        }
        // So is a hospital by its initials, an infirmary's or a hospital's ("waiting in
        // A&E at LGI", "admitted to the RVI"), or by a royal's name ("on the ward at the
        // Queen Elizabeth", "transferred to the Princess Royal").
        if (l == "at" || l == "to" || l == "from")
            && text[toks[k].start..].starts_with(['a', 't', 'f'])
            && (k.saturating_sub(3)..k).any(|j| {
                (CARE_CUES.contains(&&*lowers[j]) || text[..toks[j].end].ends_with("A&E"))
                    && !text[toks[j].end..toks[k].start].contains(['.', '!', '?', ';', '\n'])
            })
        {
            let spaced = |a: usize| {
                toks.get(a + 1)
                    .is_some_and(|n| &text[toks[a].end..n.start] == " ")
            };
            let n = if spaced(k) && &*lowers[k + 1] == "the" && spaced(k + 1) {
                k + 2
            } else if spaced(k) {
                k + 1
            } else {
                continue;
            };
            let w = &text[toks[n].start..toks[n].end];
            let initials = (3..=4).contains(&w.len())
                && w.bytes().all(|c| c.is_ascii_uppercase())
                && (w.ends_with('I') || w.ends_with('H'))
                && !NOT_HOSPITAL_INITIALS.contains(&w)
                && right_boundary(text, toks[n].end);
            let royal = ["queen", "king", "prince", "princess"].contains(&&*lowers[n])
                && starts_capitalised(text, &toks[n])
                && spaced(n)
                && starts_capitalised(text, &toks[n + 1])
                && toks[n + 1].letters
                && !toks[n + 1].digits
                && !STOPWORDS.contains(&&*lowers[n + 1]);
            if initials {
                out.push(Cand::new(FindingKind::Place, toks[n].start, toks[n].end));
                continue;
            }
            if royal {
                out.push(Cand::new(
                    FindingKind::Place,
                    toks[n].start,
                    toks[n + 1].base_end,
                ));
                continue;
            }
        }
        if (l == "at" || l == "for" || l == "by" || l == "from")
            && k >= 1
            && text[toks[k].start..].starts_with(['a', 'f', 'b'])
        {
            let cued = (k.saturating_sub(5)..k).rev().any(|j| {
                WORK_CUES.contains(&&*lowers[j])
                    && !text[toks[j].end..toks[k].start].contains(['.', '!', '?', ';', '\n'])
            });
            if !cued
                || toks
                    .get(k + 1)
                    .is_none_or(|n| &text[toks[k].end..n.start] != " ")
            {
                continue;
            }
            let Some((mut last, mut end)) = capitalised_run(text, toks, k + 1) else {
                continue;
            };
            // A shop's name may hold a small word: "Pets at Home", "Bank of Scotland",
            // "Marks and Spencer"; not a time or a town after it ("at Christmas", "in
            // Leeds").
            // "Nowak & Syn Roofing": an ampersand between names.
            if toks
                .get(last + 1)
                .is_some_and(|n| &text[toks[last].end..n.start] == " & ")
                && let Some((l2, e2)) = capitalised_run(text, toks, last + 1)
            {
                (last, end) = (l2, e2);
            }
            if let (Some(c), Some(n)) = (toks.get(last + 1), toks.get(last + 2))
                && ["at", "of", "and"].contains(&&*lowers[last + 1])
                && text[c.start..].starts_with(char::is_lowercase)
                && &text[toks[last].end..c.start] == " "
                && &text[c.end..n.start] == " "
                && let Some((l2, e2)) = capitalised_run(text, toks, last + 2)
                && !(last + 2..=l2).all(|j| {
                    let w = &*lowers[j];
                    CALENDAR.contains(&w) || TIMES.contains(&w) || other_words().contains(w)
                })
            {
                (last, end) = (l2, e2);
            }
            let span = k + 1..=last;
            let generic = span
                .clone()
                .all(|j| GENERIC_WORKPLACE_WORDS.contains(&&*lowers[j]));
            let timely = span.clone().all(|j| CALENDAR.contains(&&*lowers[j]));
            if !(generic || timely) {
                out.push(Cand::new(FindingKind::Place, toks[k + 1].start, end));
            }
        } else if l == "ward" && text[toks[k].start..].starts_with('W') {
            let Some(n) = toks.get(k + 1) else { continue };
            let id = &text[n.start..n.end];
            // "Ward 7B", "Ward C6": a number, or a letter or two before one.
            let lettered = id.trim_start_matches(|c: char| c.is_ascii_uppercase());
            let numbered = (id.starts_with(|c: char| c.is_ascii_digit())
                || (id.len() - lettered.len() <= 2
                    && lettered.starts_with(|c: char| c.is_ascii_digit())))
                && id.len() <= 4
                && id.chars().all(|c| c.is_ascii_alphanumeric());
            if &text[toks[k].end..n.start] != " " || !numbered {
                continue;
            }
            let mut end = n.end;
            // "Ward 4 North": a side of the building after the number.
            if let Some(side) = toks.get(k + 2)
                && &text[n.end..side.start] == " "
                && ["north", "south", "east", "west", "upper", "lower"].contains(&&*lowers[k + 2])
                && starts_capitalised(text, side)
            {
                end = side.end;
            }
            if toks
                .get(k + 2)
                .is_some_and(|a| &*lowers[k + 2] == "at" && &text[n.end..a.start] == " ")
                && toks
                    .get(k + 3)
                    .is_some_and(|h| &text[toks[k + 2].end..h.start] == " ")
                && let Some((_, e)) = capitalised_run(text, toks, k + 3)
            {
                end = e;
            }
            out.push(Cand::new(FindingKind::Place, toks[k].start, end));
        } else if k >= 1
            && matches!(l, "wing" | "hall" | "block" | "landing" | "spur")
            && &text[toks[k - 1].end..toks[k].start] == " "
            && let Some(name) = wing_name(text, words, k - 1, l)
        {
            // A prison's wing or hall: "B wing", "D Hall", "Dyfed wing".
            out.push(Cand::new(FindingKind::Place, name, toks[k].end));
        } else if k >= 1
            && (3..=4).contains(&(toks[k].end - toks[k].start))
            && UNIT_ACRONYMS.contains(&&text[toks[k].start..toks[k].end])
            && &text[toks[k - 1].end..toks[k].start] == " "
            && starts_capitalised(text, &toks[k - 1])
            && toks[k - 1].letters
            && !toks[k - 1].digits
            && !UNIT_ACRONYMS.contains(&&text[toks[k - 1].start..toks[k - 1].end])
            && !GENERIC_UNIT_WORDS.contains(&&*lowers[k - 1])
            && !STOPWORDS.contains(&&*lowers[k - 1])
            && !is_allowed(&lowers[k - 1])
            && !other_words().contains(&*lowers[k - 1])
        {
            // A unit by its name: "Kingfisher PICU", "KESTREL HDU"; not "Paediatric ICU".
            out.push(Cand::new(
                FindingKind::Place,
                toks[k - 1].start,
                toks[k].end,
            ));
        } else if ["HMP", "HMYOI", "HMPYOI", "YOI"].contains(&&text[toks[k].start..toks[k].end])
            && toks
                .get(k + 1)
                .is_some_and(|n| &text[toks[k].end..n.start] == " ")
            && let Some((_, end)) = capitalised_run(text, toks, k + 1)
        {
            // A prison by its name: "out 9 days from HMP Altcourse".
            out.push(Cand::new(FindingKind::Place, toks[k].start, end));
        } else if l == "royal" && text[toks[k].start..].starts_with('R') {
            // A hospital by its name: "the Royal Gwent", not "the Royal Mail".
            let Some((last, end)) = capitalised_run(text, toks, k + 1) else {
                continue;
            };
            let end = for_whom(text, words, last).unwrap_or(end);
            let spaced = &text[toks[k].end..toks[k + 1].start] == " ";
            // "the Royal Albert Edward" is a hospital; "the Royal Albert Hall" is not.
            let albert = &*lowers[k + 1] == "albert"
                && last > k + 1
                && !["hall", "dock", "docks", "memorial", "bridge"].contains(&&*lowers[k + 2]);
            let named = !ROYAL_NOT_HOSPITALS.contains(&&*lowers[k + 1]) || albert;
            if spaced && named {
                out.push(Cand::new(FindingKind::Place, toks[k].start, end));
            }
        }
    }
}

/// Hospital units written by their initials, which a name before makes a place.
#[rustfmt::skip]
const UNIT_ACRONYMS: &[&str] = &[
    "PICU", "ICU", "ITU", "HDU", "NICU", "SCBU", "CCU", "MAU", "AMU", "CDU", "EAU", "SAU",
    "PAU", "MBU",
];

/// Words before a unit's initials that say what kind it is, not which.
#[rustfmt::skip]
const GENERIC_UNIT_WORDS: &[&str] = &[
    "paediatric", "pediatric", "neonatal", "adult", "general", "cardiac", "cardiothoracic",
    "neuro", "surgical", "medical", "respiratory", "mental", "psychiatric", "local",
    "nearest", "main", "children's", "specialist", "regional", "critical", "coronary",
    "acute", "emergency", "female", "male", "mixed", "adolescent", "women's", "men's",
    "nhs", "private", "new", "old", "level", "step-down",
];

/// Where token `k` names a wing or hall of a prison before `kind` ("B wing", "D Hall",
/// "Dyfed wing"), the start of its name: a capital letter (not "A" or "I"), or a word in
/// none of the lists before a lowercase "wing".
fn wing_name(text: &str, words: Words<'_>, k: usize, kind: &str) -> Option<usize> {
    let t = &words.toks[k];
    let w = &text[t.start..t.end];
    let l = &*words.lowers[k];
    let letter = w.len() == 1 && w != "A" && w != "I" && w.bytes().all(|b| b.is_ascii_uppercase());
    let kind_at = words.toks.get(k + 1)?;
    let named = kind == "wing"
        && text[kind_at.start..].starts_with('w')
        && starts_capitalised(text, t)
        && t.letters
        && !t.digits
        && w.chars().count() >= 3
        && !w.bytes().all(|b| b.is_ascii_uppercase())
        && !STOPWORDS.contains(&l)
        && !is_plainly_ordinary(l)
        && !is_allowed(l)
        && !sentence_start(text, t.start);
    (letter || named).then_some(t.start)
}

/// Words that end the name of a place where someone lives, works or is cared for:
/// "Maple Court", "Brookfield Lodge", "Beech Ward", "Riverside Medical Practice".
#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    "house", "court", "lodge", "centre", "center", "practice", "ward", "unit", "manor",
    "hall", "grange", "clinic", "infirmary", "hospital", "home", "pharmacy",
];
/// Words before an institution word that make no name of it: a kind of place ("the
/// Family Centre", "the Crown Court", "the Stroke Unit", "Reflective Practice"). The
/// institution words themselves, months and seasons, peoples and public bodies make no
/// name either, and a stopword ends the name before it is looked at.
#[rustfmt::skip]
const GENERIC_INSTITUTION_WORDS: &[&str] = &[
    "job", "family", "families", "health", "day", "community", "leisure", "sports",
    "sport", "youth", "contact", "children's", "childrens", "children", "resource",
    "advice", "citizens", "crisis", "recovery", "walk-in", "assessment", "treatment",
    "rehabilitation", "rehab", "learning", "training", "visitor", "visitors", "call",
    "test", "testing", "vaccination", "medical", "dental", "general", "gp", "doctors",
    "doctor's", "nursing", "care", "residential", "supported", "sheltered", "respite",
    "crown", "county", "high", "magistrates", "magistrates'", "supreme", "appeal",
    "appeals", "coroner's", "coroners", "tennis", "food", "open", "safe", "halfway",
    "guest", "public", "council", "town", "city", "village", "school", "church", "women's",
    "womens", "men's", "mens", "carers", "carers'", "refugee", "cultural", "arts", "art",
    "shopping", "garden", "maternity", "labour", "acute", "surgical", "psychiatric",
    "elderly", "isolation", "observation", "admissions", "admission", "stroke", "cardiac",
    "respiratory", "orthopaedic", "trauma", "paediatric", "dementia", "female", "male",
    "mixed", "private", "locked", "secure", "intensive", "critical", "mental", "good",
    "best", "reflective", "clinical", "advanced", "professional", "evidence-based",
    "social", "work", "new", "old", "main", "local", "national", "district", "teaching",
    "university", "sure", "start", "early", "help", "years", "wellbeing", "well-being",
    "bail", "approved", "probation", "detention", "immigration", "removal", "police",
    "fire", "ambulance", "custody", "drop-in", "adult", "adults", "older", "people's",
    "student", "students", "union", "nurse-led", "e", "next", "eating", "disorder",
    "disorders", "addiction", "addictions", "substance", "misuse", "alcohol", "drug",
    "drugs", "sexual", "pain", "sleep", "memory", "diabetes", "cancer", "renal", "eye",
    "ear", "skin", "fracture", "outpatient", "outpatients", "inpatient", "inpatients",
    "emergency", "urgent", "minor", "injuries", "injury", "accident", "a&e", "birth",
    "birthing", "baby", "neonatal", "special", "high-dependency", "dependency",
    "step-down", "discharge", "transitional", "forensic", "low", "medium", "place",
    "places", "safety", "short", "long", "stay", "term", "mother", "mum", "tribunal",
    "employment", "parenting", "nursery", "play", "after", "breakfast", "holiday",
    "summer", "winter", "spring", "autumn",
];
/// Words before a named place that say it is one: "settling at Maple Court", "back to
/// Brookfield Lodge", "bed 14 on Beech Ward".
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "to", "from", "in", "on", "into", "onto", "near", "outside", "inside", "via",
    "towards", "leaving", "left", "visiting", "visited", "attends", "attending",
];

/// Places named by capitalised words ending in an institution word, after a word that
/// says a place: "settling at Maple Court", "went back to Brookfield Lodge", "bed 14 on
/// Beech Ward", "registered at Riverside Medical Practice". At least one word of the name
/// must be more than a kind of place: "the Family Centre", "the Crown Court" and
/// "Reflective Practice" stay.
fn named_buildings(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let spaced = |a: usize, b: usize| spaced(text, toks, a, b);
    let cap = |k: usize| starts_capitalised(text, &toks[k]);
    for k in 1..toks.len() {
        let l = &*lowers[k];
        // "Elm Bank AP": an approved premises, a probation hostel.
        let premises = &text[toks[k].start..toks[k].end] == "AP";
        if !(INSTITUTION_WORDS.contains(&l) || premises)
            || !cap(k)
            || toks[k].base_end != toks[k].end
        {
            continue;
        }
        // "Home" names a place only after "Care" or "Nursing": "Oakview Care Home".
        if l == "home" && !["care", "nursing"].contains(&&*lowers[k - 1]) {
            continue;
        }
        let start = name_start_before(text, words, k, cap);
        if start == k {
            continue;
        }
        // An approved premises is named by whatever words it has: "Manor House AP". A
        // hospital is named by a region or a people too ("Ulster Hospital"), and "Crown"
        // is a kind of court but names a practice ("Crown Medical Practice").
        let hospital = ["hospital", "infirmary", "hospice"].contains(&l);
        let named = premises
            || (start..k).any(|j| {
                let w = &*lowers[j];
                (!GENERIC_INSTITUTION_WORDS.contains(&w) || (w == "crown" && l != "court"))
                    && !INSTITUTION_WORDS.contains(&w)
                    && !CALENDAR.contains(&w)
                    && (hospital || (!PEOPLES.contains(&w) && !BODIES.contains(&w)))
            });
        // The word before the name: a preposition of place, "the" between them or not.
        let mut p = start;
        if p >= 1 && &*lowers[p - 1] == "the" && spaced(p - 1, p) {
            p -= 1;
        }
        let placed = p >= 1
            && spaced(p - 1, p)
            && PLACE_PREPOSITIONS.contains(&&*lowers[p - 1])
            && text[toks[p - 1].start..].starts_with(char::is_lowercase);
        // "his GP is Crown Medical Practice": what a place of care is, by its name.
        let said = p >= 2
            && spaced(p - 2, p - 1)
            && spaced(p - 1, p)
            && ["is", "was"].contains(&&*lowers[p - 1])
            && [
                "gp", "surgery", "practice", "hospital", "hospice", "school", "home",
            ]
            .contains(&&*lowers[p - 2]);
        // "at Woodlands Unit, Cedar Ward": after another place named so, a comma between.
        let after_place = start >= 2
            && &text[toks[start - 1].end..toks[start].start] == ", "
            && cap(start - 1)
            && INSTITUTION_WORDS.contains(&&*lowers[start - 1]);
        // "Beech Lodge." as a sentence of its own: the place a note is written at.
        let after = text[toks[k].end..].trim_start_matches([' ', '\t']);
        let sentence_of_its_own = sentence_start(text, toks[start].start)
            && (after.is_empty() || after.starts_with(['.', ':', '\n']));
        // Set apart by commas or opening its line: "late handover, Larkspur Ward",
        // "restraint 4 mins, Kingfisher Ward.", "Glenview House, nights x3 done". A
        // ward may be named by everyday words; another place needs a word no dictionary
        // has ("Reflective Practice, Good Practice" stay).
        let apposed = (sentence_start(text, toks[start].start)
            || (start >= 1 && &text[toks[start - 1].end..toks[start].start] == ", "))
            && (after.is_empty() || after.starts_with(['.', ',', ':', ';', '\n']))
            && (l == "ward" || (start..k).any(|j| !is_plainly_ordinary(&lowers[j])));
        // A hospital by its name is one wherever it is written: "Ulster Hospital ED".
        let hospital_named = hospital
            && (start..k).all(|j| !sentence_start(text, toks[j].start) || !is_ordinary(&lowers[j]));
        if named
            && (placed || said || after_place || sentence_of_its_own || apposed || hospital_named)
        {
            let end = for_whom(text, words, k).unwrap_or(toks[k].base_end);
            out.push(Cand::new(FindingKind::Place, toks[start].start, end));
        }
    }
}

/// Places named for a saint, possessive: "at St Columba's", "St Oswald's Hospice",
/// "Saint Bride's Church", caught whole with the "'s" (a school by its school word is
/// caught as one already). A saint's day is no place ("St David's Day").
fn saints_places(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 0..toks.len().saturating_sub(1) {
        let l = &*lowers[k];
        if !(l == "st" || l == "saint") || !text[toks[k].start..].starts_with('S') {
            continue;
        }
        let mut gap_end = toks[k].end;
        if text[gap_end..].starts_with('.') {
            gap_end += 1;
        }
        let n = &toks[k + 1];
        if &text[gap_end..n.start] != " " || !starts_capitalised(text, n) || n.base_end == n.end {
            continue;
        }
        let mut end = n.end;
        // Up to two capitalised words after it: "St Oswald's Hospice".
        let mut last = k + 1;
        while last < k + 3 && last + 1 < toks.len() && spaced(text, toks, last, last + 1) {
            let next = &toks[last + 1];
            // "St Mary's RC": a church school's mark after the saint.
            let mark = FAITH_SCHOOL_MARKS.contains(&&*lowers[last + 1]);
            if !starts_capitalised(text, next)
                || (is_acronym(&text[next.start..next.base_end]) && !mark)
            {
                break;
            }
            last += 1;
            end = next.base_end;
        }
        let saint_day = (k + 2..=last).any(|j| {
            matches!(&*lowers[j], "day" | "eve" | "night") || CALENDAR.contains(&&*lowers[j])
        });
        if !saint_day {
            out.push(Cand::new(FindingKind::Place, toks[k].start, end));
        }
    }
}

/// The last words of a pub's name: "the Red Lion", "the King's Head", "the Royal Oak".
#[rustfmt::skip]
const PUB_WORDS: &[&str] = &[
    "arms", "inn", "tavern", "lion", "head", "oak", "swan", "bell", "anchor", "plough",
    "bull", "stag", "hart", "fox", "hounds", "hound", "bear", "eagle", "lamb", "wheatsheaf",
    "feathers", "ship", "horse", "horses", "horseshoe", "mitre", "unicorn", "boar",
    "dragon", "greyhound", "pheasant", "chequers", "globe", "griffin", "falcon", "cock",
    "crown", "star", "sun", "moon", "volunteer", "railway", "tap", "vaults",
];
/// Chains whose branch, named by where it is, is a place: "the Pershore Road Lidl",
/// "Tesco Cowley", "Westgate Greggs".
#[rustfmt::skip]
const CHAINS: &[&str] = &[
    "tesco", "asda", "sainsbury's", "sainsburys", "sainsbury", "aldi", "lidl", "morrisons",
    "greggs", "costa", "starbucks", "mcdonald's", "mcdonalds", "co-op", "coop", "boots",
    "superdrug", "primark", "wilko", "poundland", "kfc", "wetherspoons", "spar", "londis",
    "waitrose", "argos", "halfords", "screwfix", "ikea", "matalan", "specsavers",
];
/// Words after a chain's name that say what kind of shop it is, not where: "Tesco
/// Extra", "Boots Pharmacy".
#[rustfmt::skip]
const CHAIN_FORMATS: &[&str] = &[
    "extra", "express", "metro", "local", "superstore", "mobile", "bank", "clubcard",
    "direct", "online", "pharmacy", "petrol", "garage", "car", "park", "cafe", "café",
    "opticians", "plus", "value", "finest", "delivery", "app", "vouchers", "voucher",
    "coffee", "funeralcare", "food", "foods", "store", "stores", "supermarket", "hearing",
    "drive", "advantage", "rewards", "nectar", "points", "club", "insurance", "energy",
    "broadband", "money", "finance", "photo", "travel", "gift", "meal", "deal", "deals",
];
/// Places of worship, whose branch the street names: "Christ Apostolic Church on Woolwich
/// Road".
#[rustfmt::skip]
const WORSHIP_WORDS: &[&str] = &[
    "church", "chapel", "mosque", "masjid", "gurdwara", "mandir", "temple", "synagogue",
    "tabernacle", "cathedral", "kingdom",
];
/// Kinds of shop that end a shop's name: "Lotus Nails", "Kutz Barbers".
#[rustfmt::skip]
const SHOP_KINDS: &[&str] = &[
    "nails", "barbers", "barber", "barbershop", "salon", "takeaway", "kebabs", "launderette",
    "laundrette", "tattoo", "tattoos", "florist", "florists", "bakery", "butchers",
    "newsagents", "cafe", "café", "grocery", "grocers", "drapers", "market", "stores",
    "deli", "bakers", "jewellers", "motors",
];
/// Words before "General" that make no hospital of it: "the Attorney General".
#[rustfmt::skip]
const NOT_GENERAL_HOSPITALS: &[&str] = &[
    "attorney", "secretary", "surgeon", "registrar", "solicitor", "director", "inspector",
    "accountant", "postmaster", "governor", "auditor", "consul", "paymaster", "major",
    "brigadier", "lieutenant", "adjutant", "quartermaster", "in", "the", "very",
];

/// The end of whom a hospital or a hospice ending at token `k` is for: "Bristol Royal
/// Hospital for Children", "the Royal Hospital for Sick Children".
fn for_whom(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
    let Words { toks, lowers } = words;
    let f = toks.get(k + 1)?;
    if !["hospital", "infirmary", "hospice"].contains(&&*lowers[k])
        || &*lowers[k + 1] != "for"
        || &text[toks[k].end..f.start] != " "
        || toks.get(k + 2).is_none_or(|n| &text[f.end..n.start] != " ")
    {
        return None;
    }
    capitalised_run(text, toks, k + 2).map(|(_, end)| end)
}

/// The end of a street after token `k` and a comma: "Luxe Nails, Market Street".
fn street_after_comma(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
    let Words { toks, lowers } = words;
    let n = toks.get(k + 1)?;
    if &text[toks[k].end..n.start] != ", " || toks[k].base_end != toks[k].end {
        return None;
    }
    let (last, end) = capitalised_run(text, toks, k + 1)?;
    (last > k + 1 && STREET_WORDS.contains(&&*lowers[last])).then_some(end)
}

/// The end of a street after token `k`, with "on" or "in" between: "on Moss Lane", "in
/// Cable Street".
fn street_after(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
    let Words { toks, lowers } = words;
    let on = toks.get(k + 1)?;
    if !["on", "in"].contains(&&*lowers[k + 1])
        || &text[toks[k].end..on.start] != " "
        || toks[k].base_end != toks[k].end
        || toks
            .get(k + 2)
            .is_none_or(|n| &text[on.end..n.start] != " ")
    {
        return None;
    }
    let (last, end) = capitalised_run(text, toks, k + 2)?;
    (last > k + 2 && STREET_WORDS.contains(&&*lowers[last])).then_some(end)
}

/// Kinds of business whose name may come after them with a comma, or before "where" and
/// someone working there: "a salon, Shades of Sheba, where her aunt works".
fn works_there(text: &str, toks: &[Tok], lowers: &[Cow<'_, str>], w: usize) -> bool {
    // "where Mei works", "where her Auntie Ife works", "where she worked".
    (w + 1..(w + 5).min(toks.len())).any(|j| {
        ["works", "worked", "working"].contains(&&*lowers[j])
            && !text[toks[w].end..toks[j].start].contains(['.', ',', ';', '!', '?', '\n'])
    })
}

/// A building by its name beside a room in it, where someone stays: "Harbour House, room
/// 14", "(room 7, Larchfield Court)"; not a kind of place ("Nursing Home, room 4").
fn buildings_by_a_room(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let named = |a: usize, b: usize| {
        a < b
            && (a..=b).all(|j| starts_capitalised(text, &toks[j]) && !toks[j].digits)
            && (a..b).all(|j| spaced(text, toks, j, j + 1))
            && toks[b].base_end == toks[b].end
            && (INSTITUTION_WORDS.contains(&&*lowers[b]) || BUILDING_WORDS.contains(&&*lowers[b]))
            && !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[a])
            && !INSTITUTION_WORDS.contains(&&*lowers[a])
            && !STOPWORDS.contains(&&*lowers[a])
    };
    for i in 0..toks.len().saturating_sub(1) {
        let (t, n) = (&toks[i], &toks[i + 1]);
        if t.end - t.start != 4
            || &*lowers[i] != "room"
            || !n.digits
            || n.letters
            || !spaced(text, toks, i, i + 1)
        {
            continue;
        }
        // After: "room 7, Larchfield Court".
        if text[n.end..].starts_with(", ")
            && let Some((last, _)) = capitalised_run(text, toks, i + 2)
            && named(i + 2, last)
        {
            out.push(Cand::new(
                FindingKind::Place,
                toks[i + 2].start,
                toks[last].end,
            ));
        }
        // Before: "Harbour House, room 14".
        if i >= 2 && &text[toks[i - 1].end..t.start] == ", " {
            let b = i - 1;
            let a = (b.saturating_sub(2)..b)
                .find(|&a| named(a, b))
                .filter(|&a| {
                    a == 0
                        || !starts_capitalised(text, &toks[a - 1])
                        || !spaced(text, toks, a - 1, a)
                });
            if let Some(a) = a {
                out.push(Cand::new(FindingKind::Place, toks[a].start, toks[b].end));
            }
        }
    }
}

/// Places named by what they are, not by a building word: a pub ("the Red Lion"), a
/// chain's branch ("the Pershore Road Lidl", "Tesco Cowley"), a business someone works
/// at ("the Jade Garden where Mei works", "a salon, Shades of Sheba, where ..."), a
/// Traveller site ("on Cae Glas site", with its pitch: "pitch 11 on ..."), and a ward
/// named on a ward round ("ward round Bluebell").
fn places_by_kind(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let spaced = |a: usize, b: usize| spaced(text, toks, a, b);
    let cap = |k: usize| starts_capitalised(text, &toks[k]);
    let plain = |k: usize| {
        let l = &*lowers[k];
        !STOPWORDS.contains(&l) && !CALENDAR.contains(&l) && !TIMES.contains(&l)
    };
    // The capitalised words that end at token `k`, spaced, up to `n` of them.
    let run_back = |k: usize, n: usize| {
        let mut a = k;
        while a > 0 && a + n > k + 1 && spaced(a - 1, a) && cap(a - 1) && plain(a - 1) {
            a -= 1;
        }
        a
    };
    for k in 0..toks.len() {
        let l = &*lowers[k];
        // A pub: "the" and capitalised words ending in a pub's word.
        if cap(k) && PUB_WORDS.contains(&l) && toks[k].base_end == toks[k].end && k >= 2 {
            let a = run_back(k - 1, 3);
            let first = a.saturating_sub(1);
            if cap(k - 1)
                && spaced(k - 1, k)
                && a >= 1
                && &*lowers[first] == "the"
                && spaced(first, a)
                && (a..k).all(|j| !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[j]))
            {
                out.push(Cand::new(FindingKind::Place, toks[a].start, toks[k].end));
            }
        }
        // A chain's branch or a place of worship by the street it is on: "the Spar on
        // Moss Lane", "Tesco in Cable Street", "Christ Apostolic Church on Woolwich Road".
        if cap(k)
            && (CHAINS.contains(&l) || WORSHIP_WORDS.contains(&l))
            && let Some(end) = street_after(text, words, k)
        {
            let a = if CHAINS.contains(&l) {
                k
            } else {
                run_back(k, 4)
            };
            out.push(Cand::new(FindingKind::Place, toks[a].start, end));
            continue;
        }
        // A refuge by its name, and where it is: "Hestia refuge in Lewisham" (where a
        // refuge is, is kept from everyone).
        if l == "refuge" && k >= 1 && spaced(k - 1, k) && cap(k - 1) {
            let a = run_back(k - 1, 3);
            let named = (a..k).any(|j| !is_plainly_ordinary(&lowers[j]));
            let mut end = toks[k].end;
            if let Some(n) = toks.get(k + 1)
                && &*lowers[k + 1] == "in"
                && spaced(k, k + 1)
                && toks.get(k + 2).is_some_and(|_| spaced(k + 1, k + 2))
                && let Some((_, e)) = capitalised_run(text, toks, k + 2)
                && n.base_end == n.end
            {
                end = e;
            }
            if named {
                out.push(Cand::new(FindingKind::Place, toks[a].start, end));
            }
        }
        // An estate or a hostel by its name: "on the Beechwood estate", "lives on
        // Holmwood estate", "won't go to Northgate hostel".
        if (l == "estate" || l == "hostel")
            && toks[k].base_end == toks[k].end
            && text[toks[k].start..].starts_with(['e', 'h'])
            && k >= 2
            && spaced(k - 1, k)
            && cap(k - 1)
        {
            let a = run_back(k - 1, 3);
            let named = (a..k).all(|j| plain(j) && !sentence_start(text, toks[j].start))
                && (a..k).any(|j| {
                    !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[j]) && !is_allowed(&lowers[j])
                });
            if named
                && a >= 1
                && spaced(a - 1, a)
                && (&*lowers[a - 1] == "the"
                    || (PLACE_PREPOSITIONS.contains(&&*lowers[a - 1])
                        && text[toks[a - 1].start..].starts_with(char::is_lowercase)))
            {
                out.push(Cand::new(FindingKind::Place, toks[a].start, toks[k].end));
            }
        }
        // A shop by the kind of shop it is, after a word of where: "lives above Lotus
        // Nails", "works at Kutz Barbers".
        if cap(k) && SHOP_KINDS.contains(&l) && k >= 2 && spaced(k - 1, k) && cap(k - 1) {
            let a = run_back(k - 1, 3);
            let placed = a >= 1
                && spaced(a - 1, a)
                && (PLACE_PREPOSITIONS.contains(&&*lowers[a - 1])
                    || ["above", "below", "behind", "opposite", "beside", "by"]
                        .contains(&&*lowers[a - 1]))
                && text[toks[a - 1].start..].starts_with(char::is_lowercase);
            let named = (a..k).any(|j| {
                !SHOP_KINDS.contains(&&*lowers[j])
                    && !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[j])
            });
            // "Hanlon's Bakery", "Kaveh's Mini Market": a shop by its owner's name is
            // one wherever it is written.
            let owned = toks[a].base_end != toks[a].end
                && !(sentence_start(text, toks[a].start) && is_ordinary(&lowers[a]));
            if (placed || owned) && named {
                // "Luxe Nails, Market Street": the street after it.
                let end = street_after_comma(text, words, k).unwrap_or(toks[k].base_end);
                out.push(Cand::new(FindingKind::Place, toks[a].start, end));
            }
        }
        // A club by a name no dictionary has, after a word of where: "boxing at Saltley
        // Amateur Boxing Club" (not "the Breakfast Club").
        if l == "club" && cap(k) && k >= 2 && spaced(k - 1, k) && cap(k - 1) {
            let a = run_back(k - 1, 3);
            let named = (a..k).any(|j| !is_plainly_ordinary(&lowers[j]));
            let placed = a >= 1
                && spaced(a - 1, a)
                && PLACE_PREPOSITIONS.contains(&&*lowers[a - 1])
                && text[toks[a - 1].start..].starts_with(char::is_lowercase);
            if named && placed {
                out.push(Cand::new(FindingKind::Place, toks[a].start, toks[k].end));
            }
        }
        // A mosque, a gurdwara or a temple by the name after it: "the imam from Masjid
        // Al-Huda".
        if cap(k)
            && ["masjid", "gurdwara", "mandir", "jamia"].contains(&l)
            && toks[k].base_end == toks[k].end
            && toks.get(k + 1).is_some_and(|_| spaced(k, k + 1))
            && let Some((last, end)) = capitalised_run(text, toks, k + 1)
            && (k + 1..=last).all(|j| plain(j) && !WORSHIP_WORDS.contains(&&*lowers[j]))
        {
            out.push(Cand::new(FindingKind::Place, toks[k].start, end));
        } else if cap(k)
            && ["masjid", "jamia"].contains(&l)
            && let Some(n) = toks.get(k + 1)
            && spaced(k, k + 1)
            && ["al-", "an-", "as-", "ar-", "ad-", "at-", "el-", "ul-"]
                .iter()
                .any(|a| {
                    text[n.start..n.end].starts_with(a)
                        && text[n.start + a.len()..n.end].starts_with(char::is_uppercase)
                })
        {
            // With the article in lowercase: "Masjid al-Noor".
            let end = capitalised_run(text, toks, k + 2)
                .filter(|_| toks.get(k + 2).is_some_and(|_| spaced(k + 1, k + 2)))
                .map_or(n.end, |(_, e)| e);
            out.push(Cand::new(FindingKind::Place, toks[k].start, end));
        }
        // A place of worship by its name and its town: "Christ Apostolic Church, Far
        // Cotton", "New Testament Church of God, Handsworth", "Guru Nanak Gurdwara,
        // Smethwick".
        if cap(k) && WORSHIP_WORDS.contains(&l) && k >= 1 && spaced(k - 1, k) && cap(k - 1) {
            let mut a = k - 1;
            while a > 0
                && a + 4 > k
                && spaced(a - 1, a)
                && cap(a - 1)
                && !STOPWORDS.contains(&&*lowers[a - 1])
            {
                a -= 1;
            }
            let mut e = k;
            if toks.get(k + 2).is_some_and(|_| {
                &*lowers[k + 1] == "of" && spaced(k, k + 1) && spaced(k + 1, k + 2) && cap(k + 2)
            }) && let Some((last, _)) = capitalised_run(text, toks, k + 2)
            {
                e = last;
            }
            if let Some(n) = toks.get(e + 1)
                && &text[toks[e].end..n.start] == ", "
                && toks[e].base_end == toks[e].end
                && let Some((last, end)) = capitalised_run(text, toks, e + 1)
                && last <= e + 2
                && (e + 1..=last).all(|j| plain(j) && !is_allowed(&lowers[j]))
                && (a..k).any(|j| !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[j]))
            {
                out.push(Cand::new(FindingKind::Place, toks[a].start, end));
            }
        }
        // A hotel by its name and its town: "the Home Office hotel, Stay Inn, Gateshead".
        if cap(k)
            && ["inn", "hotel"].contains(&l)
            && k >= 1
            && spaced(k - 1, k)
            && cap(k - 1)
            && let Some(town) = toks.get(k + 1)
            && &text[toks[k].end..town.start] == ", "
            && starts_capitalised(text, town)
            && (text[town.end..].is_empty() || text[town.end..].starts_with(['.', ',', ';', ')']))
        {
            let a = run_back(k - 1, 3);
            if !(sentence_start(text, toks[a].start) && is_ordinary(&lowers[a])) {
                out.push(Cand::new(FindingKind::Place, toks[a].start, town.end));
            }
        }
        // A hospital by its place and "General": "taken to Northern General".
        if l == "general"
            && cap(k)
            && k >= 2
            && spaced(k - 1, k)
            && cap(k - 1)
            && toks[k].base_end == toks[k].end
            && !NOT_GENERAL_HOSPITALS.contains(&&*lowers[k - 1])
            && (k + 1 >= toks.len() || !(spaced(k, k + 1) && cap(k + 1)))
        {
            let mut p = k - 1;
            if p >= 2 && &*lowers[p - 1] == "the" && spaced(p - 1, p) {
                p -= 1;
            }
            if PLACE_PREPOSITIONS.contains(&&*lowers[p - 1]) && spaced(p - 1, p) {
                out.push(Cand::new(
                    FindingKind::Place,
                    toks[k - 1].start,
                    toks[k].end,
                ));
            }
        }
        // A chain's branch, named before or after it.
        if cap(k) && CHAINS.contains(&l) {
            let a = run_back(k, 3);
            let before_ok = a < k
                && (a..k).all(|j| !sentence_start(text, toks[j].start) || !is_ordinary(&lowers[j]))
                && (a..k).all(|j| !CHAINS.contains(&&*lowers[j]));
            if before_ok {
                out.push(Cand::new(
                    FindingKind::Place,
                    toks[a].start,
                    toks[k].base_end,
                ));
            } else if let Some((last, end)) = toks
                .get(k + 1)
                .filter(|_| spaced(k, k + 1))
                .and_then(|_| capitalised_run(text, toks, k + 1))
                && (k + 1..=last).all(|j| plain(j) && !CHAIN_FORMATS.contains(&&*lowers[j]))
                // "Sainsbury's Cowley Road": a possessive chain before its street.
                && (toks[k].base_end == toks[k].end
                    || (last > k + 1 && STREET_WORDS.contains(&&*lowers[last])))
            {
                out.push(Cand::new(FindingKind::Place, toks[k].start, end));
            }
        }
        // A business before "where" someone works, a comma between or not.
        if l == "where" && k >= 1 && works_there(text, toks, lowers, k) {
            let gap = &text[toks[k - 1].end..toks[k].start];
            if (gap == " " || gap == ", ") && cap(k - 1) && plain(k - 1) {
                // Its name may hold "of", "and" or "&": "Shades of Sheba".
                let mut a = run_back(k - 1, 4);
                while a >= 2
                    && ["of", "and"].contains(&&*lowers[a - 1])
                    && spaced(a - 2, a - 1)
                    && spaced(a - 1, a)
                    && cap(a - 2)
                {
                    a = run_back(a - 2, 4);
                }
                let named = (a..k).any(|j| {
                    let w = &*lowers[j];
                    !is_allowed(w)
                        && !other_words().contains(w)
                        && !GENERIC_INSTITUTION_WORDS.contains(&w)
                        && !CHAINS.contains(&w)
                });
                if named && !(a + 1 == k && sentence_start(text, toks[a].start)) {
                    out.push(Cand::new(
                        FindingKind::Place,
                        toks[a].start,
                        toks[k - 1].base_end,
                    ));
                }
            }
        }
        // A site by its name: "on Cae Glas site", "the Appleton Road site", "on
        // Cloverhill halting site", "Visited Spinney Lane site".
        let kind = usize::from(
            k >= 3
                && ["halting", "caravan", "transit", "traveller", "travellers"]
                    .contains(&&*lowers[k - 1])
                && spaced(k - 1, k),
        );
        if l == "site" && k >= 2 + kind && spaced(k - 1 - kind, k - kind) && cap(k - 1 - kind) {
            let mut a = run_back(k - 1 - kind, 3);
            // "Visited Spinney Lane site": the verb starts the sentence, not the name.
            while a + 1 < k - kind && PLACE_PREPOSITIONS.contains(&&*lowers[a]) {
                a += 1;
            }
            let mut p = a;
            if p >= 1 && &*lowers[p - 1] == "the" {
                p -= 1;
            }
            let named = (a..k).any(|j| {
                !GENERIC_INSTITUTION_WORDS.contains(&&*lowers[j]) && !is_allowed(&lowers[j])
            });
            if named && p >= 1 && PLACE_PREPOSITIONS.contains(&&*lowers[p - 1]) {
                out.push(Cand::new(FindingKind::Place, toks[a].start, toks[k].end));
                // "pitch 11 on Cae Glas site": the pitch is the address on it.
                if p >= 4
                    && ["pitch", "plot", "plots", "pitches"].contains(&&*lowers[p - 3])
                    && toks[p - 2].digits
                    && spaced(p - 3, p - 2)
                    && spaced(p - 2, p - 1)
                {
                    out.push(Cand::new(
                        FindingKind::Address,
                        toks[p - 3].start,
                        toks[p - 2].end,
                    ));
                }
            }
        }
        // "ward round Bluebell": the ward by its name.
        if l == "round"
            && k >= 1
            && &*lowers[k - 1] == "ward"
            && let Some(n) = toks.get(k + 1)
            && &text[toks[k].end..n.start] == " "
            && cap(k + 1)
            && !is_allowed(&lowers[k + 1])
            && !is_honorific(&lowers[k + 1])
            && let Some((_, end)) = capitalised_run(text, toks, k + 1)
        {
            out.push(Cand::new(FindingKind::Place, n.start, end));
        }
    }
}

/// The end of the named building and street after a flat number ("Flat 12, Brook House,
/// Union Street", "Apartment 12, Kingfisher Court"): each a comma, then up to four
/// capitalised words ending in a building or street word.
fn named_places_after(text: &str, toks: &[Tok], mut i: usize) -> Option<usize> {
    let mut end = None;
    for _ in 0..2 {
        let cur = &toks[i];
        let first = toks.get(i + 1)?;
        if &text[cur.end..first.start] != ", " || cur.base_end != cur.end {
            break;
        }
        let mut found = None;
        let mut prev = cur;
        for (k, w) in toks[i + 1..].iter().take(4).enumerate() {
            let s = &text[w.start..w.end];
            if (k > 0 && &text[prev.end..w.start] != " ")
                || w.digits
                || !s.starts_with(char::is_uppercase)
                || STOPWORDS.contains(&fold_str(s).as_str())
            {
                break;
            }
            let l = fold_str(&text[w.start..w.base_end]);
            if k >= 1
                && (BUILDING_WORDS.contains(&l.as_str()) || STREET_WORDS.contains(&l.as_str()))
            {
                found = Some((i + 1 + k, w.base_end));
            }
            prev = w;
            if w.base_end != w.end {
                break;
            }
        }
        let Some((last, e)) = found else { break };
        end = Some(e);
        i = last;
    }
    end
}

/// The start of a house name just before a numbered address: one to three capitalised
/// words and a comma, each word not an everyday one, or the last a building word
/// ("Rose Cottage").
fn house_name_before(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let first = i.checked_sub(1)?;
    if &text[toks[first].end..toks[i].start] != ", " {
        return None;
    }
    let mut start = None;
    let mut k = first;
    let building = BUILDING_WORDS.contains(&fold_str(&text[toks[k].start..toks[k].end]).as_str());
    loop {
        let t = &toks[k];
        let s = &text[t.start..t.end];
        let l = fold_str(s);
        let unusual = (!is_ordinary(&l) || name_list().contains_key(&l))
            && !is_allowed(&l)
            && !STOPWORDS.contains(&l.as_str());
        if t.digits
            || t.base_end != t.end
            || !s.starts_with(char::is_uppercase)
            || !(unusual
                || (building && k == first)
                || (building && !STOPWORDS.contains(&l.as_str())))
        {
            break;
        }
        start = Some(k);
        if k == 0 || first - k >= 2 || &text[toks[k - 1].end..t.start] != " " {
            break;
        }
        k -= 1;
    }
    // "the takeaway he runs, Golden Dragon, 104 Chapel Street": two or three
    // capitalised words set apart by commas before the address are its name, whatever
    // words they are.
    let apposed = || {
        let mut a = first;
        while a > 0 && first - a < 2 && &text[toks[a - 1].end..toks[a].start] == " " {
            a -= 1;
        }
        while a < first && !starts_capitalised(text, &toks[a]) {
            a += 1;
        }
        let plain = (a..=first).all(|j| {
            let t = &toks[j];
            let l = fold_str(&text[t.start..t.end]);
            starts_capitalised(text, t)
                && !t.digits
                && t.base_end == t.end
                && !STOPWORDS.contains(&l.as_str())
                && !is_allowed(&l)
                && !is_honorific(&l)
        });
        (a < first
            && plain
            && a >= 1
            && &text[toks[a - 1].end..toks[a].start] == ", "
            && !sentence_start(text, toks[a].start))
        .then(|| toks[a].start)
    };
    let Some(s) = start else {
        return apposed();
    };
    // A sentence's first word alone is not a house name.
    if s < first || building || !sentence_start(text, toks[s].start) {
        Some(toks[s].start)
    } else {
        apposed()
    }
}

// ---------------------------------------------------------------------------------------
// Names.

/// Titles that make the next capitalised word a name, whatever the word ("Mr Green",
/// "Mr Johns" the person, not the model).
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
    "lady", "rev", "revd", "reverend", "cllr", "councillor",
];
/// Titles that make a name only of a word that is not an everyday one ("Sister Okafor",
/// but "Nurse Practitioner" stays).
#[rustfmt::skip]
const SOFT_HONORIFICS: &[&str] = &[
    "Sister", "Nurse", "Matron", "Father", "Auntie", "Aunty", "Uncle", "Imam", "Sheikh",
    "Pastor", "Rabbi", "Pani", "Pan", "Doamna", "Domnul", "Señora", "Señor", "Senhora",
    "Senhor", "Bà", "Ông", "Bishop", "Archbishop", "Cardinal",
];

fn is_honorific(lower: &str) -> bool {
    HONORIFICS.contains(&lower.trim_end_matches('.'))
}

#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these",
    "those", "i", "we", "he", "she", "they", "it", "is", "was", "be", "so", "as", "if",
    "then", "not", "no", "yes", "who", "what", "when", "where", "why", "how",
];

/// Small words inside names, in either case: "Dafydd ap Ifan", "Siobhán Ní Bhriain",
/// "Pádraig Ó Súilleabháin", "Omar bin Said", "Anna van der Berg". One joins a name only
/// between two of its words.
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "ap", "ab", "ferch", "verch", "ó", "ní", "nic", "mac", "mhic", "uí", "ui", "bin",
    "bint", "binti", "ibn", "bte", "al", "el", "van", "von", "der", "den", "de", "da", "di",
    "du", "le", "la", "dos", "das", "do", "del", "della", "ter", "ten",
];

/// The articles inside Welsh, Gaelic, Irish and Cornish names of houses and places, in
/// lowercase between two of their words: "Tan y Bryn", "Tigh na Mara", "Chy an Mor".
const CELTIC_ARTICLES: &[&str] = &["y", "yr", "na", "nan", "an"];

/// Words for a house, a hill's foot or top, a field or a school that open the name of a
/// place in Welsh, Gaelic and Cornish ("Tŷ Olwen", "Pen y Cae Farm", "Bun-sgoil Taobh na
/// Pàirce"); the first five are that and nothing else, even with no article after them.
#[rustfmt::skip]
const CELTIC_PLACE_HEADS: &[&str] = &[
    "tŷ", "tigh", "taigh", "chy", "plas", "pen", "tan", "bryn", "maes", "pant", "cwm",
    "bun-sgoil", "ard-sgoil", "teach",
];

/// Listed surnames that, in lowercase after a first name, are far more often the word:
/// "Sarah rose", "Tom said".
#[rustfmt::skip]
const NOT_LOWERCASE_SURNAMES: &[&str] = &[
    "said", "rose", "wade", "hunt", "cook", "miles", "page", "day", "stokes", "wells",
    "mills", "banks", "marsh", "gill", "mason", "hunter", "knight", "potter", "fisher",
    "may", "will", "mark", "bill", "hope", "grace", "joy", "sunny", "ray", "rob",
];

/// First names that are also words, the virtues, gems, flowers, seasons and times of day
/// many families choose ("Hope", "Precious", "Summer"): where a sentence starts, one is a
/// name before what only a person does ("Dawn asked", "Ruby and her sister").
#[rustfmt::skip]
const GIVEN_WORD_NAMES: &[&str] = &[
    "hope", "faith", "grace", "joy", "mercy", "charity", "patience", "prudence", "honour",
    "felicity", "harmony", "melody", "precious", "blessing", "blessed", "gift", "comfort",
    "destiny", "justice", "liberty", "unity", "dawn", "summer", "autumn", "winter",
    "storm", "rain", "sky", "river", "ruby", "amber", "pearl", "crystal", "jade", "coral",
    "opal", "garnet", "sapphire", "rose", "holly", "ivy", "daisy", "poppy", "lily", "iris",
    "violet", "heather", "hazel", "olive", "willow", "jasmine", "hyacinth", "primrose",
    "marigold", "bluebell", "blossom", "sunny", "goodness", "godswill", "favour",
    "promise", "treasure", "wisdom", "marvel", "miracle", "happiness", "sunday",
];

/// Verbs after which a capitalised word is someone: "Rang Aisling back", "Texted
/// Bethan", and with "to" or "with" after them ("spoke to", "met with").
#[rustfmt::skip]
const CONTACT_VERBS: &[&str] = &[
    "rang", "ring", "phoned", "phone", "called", "call", "texted", "text", "emailed",
    "email", "messaged", "message", "whatsapped", "met", "meet", "saw", "see", "visited",
    "visit", "told", "tell", "asked", "ask", "contacted", "contact", "thanked", "reminded",
    "reassured", "collected", "accompanied", "supported", "chased", "updated", "informed",
    "invited", "greeted", "rung", "seen",
];
#[rustfmt::skip]
const CONTACT_VERBS_WITH: &[&str] = &[
    "spoke", "speak", "speaking", "talked", "talk", "talking", "met", "meet", "meeting",
    "wrote", "write", "sat", "checked", "chatted", "caught", "went", "go", "visit",
];

/// Whether the word before token `k` is a verb of contact (or one with its "to"/"with").
fn after_contact_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_one_of = |i: usize, words: &[&str]| {
        let w = &text[toks[i].start..toks[i].end];
        words.iter().any(|v| folds_to(w, v))
    };
    let spaced = |i: usize| &text[toks[i].end..toks[i + 1].start] == " ";
    if k == 0 || !spaced(k - 1) {
        return false;
    }
    is_one_of(k - 1, CONTACT_VERBS)
        || (k >= 2
            && is_one_of(k - 1, &["to", "with", "see"])
            && spaced(k - 2)
            && is_one_of(k - 2, CONTACT_VERBS_WITH))
}

/// Verbs whose subject is a person, not a medicine, a system or a service: "Rebaz came
/// to the drop-in", "Marcia said", "Bożena cried". Each in its base form; other forms
/// are worked out by [`is_form_of`], the irregular ones listed in [`IRREGULAR_FORMS`].
#[rustfmt::skip]
const PERSON_VERBS: &[&str] = &[
    "say", "tell", "ask", "arrive", "leave", "phone", "ring", "call", "text", "email",
    "write", "cry", "laugh", "smile", "shout", "scream", "refuse", "agree", "decline",
    "want", "feel", "bring", "walk", "miss", "lose", "apologise", "apologize", "sign",
    "move", "live", "like", "love", "hate", "enjoy", "struggle", "try", "speak", "talk",
    "go", "prefer", "play", "win", "visit", "attend", "join", "think", "know", "remember",
    "forget", "admit", "disclose", "mention", "explain", "complain", "wish", "hope",
    "worry", "sleep", "eat", "drink", "fall", "sit", "stand", "run", "punch", "hit",
    "kick", "hide", "answer", "wave", "knit", "cook", "dance", "sing", "swim", "read",
    "finish", "wake", "greet", "hug", "thank", "cancel", "choose", "decide", "insist",
    "threaten", "blame", "spend", "pay", "buy", "sell", "steal", "send", "reply", "pray",
    "cope", "meet", "see", "stay", "return", "die", "wear", "tidy", "shop",
    "cuddle", "chat", "argue", "storm", "sulk", "rest", "nap", "draw", "paint", "sob",
    "message", "look", "find", "wait", "nod", "shrug", "frown", "giggle", "yell", "swear",
    "confide", "blush", "sigh", "beg", "plead", "panic", "relax", "whisper", "mumble",
];

/// Forms of [`PERSON_VERBS`] that no ending makes: (form, base).
#[rustfmt::skip]
const IRREGULAR_FORMS: &[(&str, &str)] = &[
    ("said", "say"), ("told", "tell"), ("left", "leave"), ("rang", "ring"),
    ("rung", "ring"), ("wrote", "write"), ("written", "write"), ("felt", "feel"),
    ("brought", "bring"), ("lost", "lose"), ("spoke", "speak"), ("spoken", "speak"),
    ("went", "go"), ("gone", "go"), ("goes", "go"), ("won", "win"), ("thought", "think"),
    ("knew", "know"), ("known", "know"), ("forgot", "forget"), ("forgotten", "forget"),
    ("slept", "sleep"), ("ate", "eat"), ("eaten", "eat"), ("drank", "drink"),
    ("drunk", "drink"), ("fell", "fall"), ("fallen", "fall"), ("sat", "sit"),
    ("stood", "stand"), ("ran", "run"), ("hid", "hide"), ("hidden", "hide"),
    ("sang", "sing"), ("sung", "sing"), ("swam", "swim"), ("woke", "wake"),
    ("woken", "wake"), ("chose", "choose"), ("chosen", "choose"), ("spent", "spend"),
    ("paid", "pay"), ("bought", "buy"), ("sold", "sell"), ("stole", "steal"),
    ("stolen", "steal"), ("sent", "send"), ("met", "meet"), ("saw", "see"), ("seen", "see"),
    ("wore", "wear"), ("drew", "draw"), ("came", "come"), ("come", "come"), ("comes", "come"),
    ("coming", "come"),
];

/// Whether lowercase `w` is a form of verb `base`: the base, "-s", "-es", "-ed", "-d",
/// "-ing", with a final "y" turned to "i" or a final consonant doubled, or an irregular
/// form.
fn is_form_of(w: &str, base: &str) -> bool {
    if w == base || IRREGULAR_FORMS.contains(&(w, base)) {
        return true;
    }
    let stem_e = base.strip_suffix('e');
    let stem_y = base.strip_suffix('y');
    let last = base.chars().next_back();
    let doubled = last.map(|c| format!("{base}{c}"));
    ["s", "es", "ed", "d", "ing"].iter().any(|suf| {
        let Some(stem) = w.strip_suffix(suf) else {
            return false;
        };
        stem == base && !(*suf == "d" && stem_e.is_none())
            || (*suf == "ing" && stem_e.is_some_and(|s| s == stem && !base.ends_with("ee")))
            || (["es", "ed"].contains(suf) && stem_y.is_some_and(|s| stem == format!("{s}i")))
            || (["ed", "ing"].contains(suf) && doubled.as_deref() == Some(stem))
    })
}

/// Whether lowercase `w` is a form of a verb whose subject is a person. "Come" counts
/// but not "come up" (a thing "came up in the assessment"), nor "go up" (a dose), which
/// the caller checks.
fn is_person_verb(w: &str) -> bool {
    PERSON_VERBS.iter().any(|v| is_form_of(w, v)) || is_form_of(w, "come")
}

/// States only a person is in: "Rowena is worried", "Florentina gets confused".
#[rustfmt::skip]
const PERSON_STATES: &[&str] = &[
    "worried", "happy", "happier", "sad", "upset", "angry", "confused", "anxious", "calm",
    "calmer", "tired", "low", "settled", "unsettled", "pleased", "proud", "scared",
    "frightened", "distressed", "agitated", "tearful", "cheerful", "quiet", "withdrawn",
    "unwell", "asleep", "awake", "keen", "glad", "excited", "lonely", "annoyed",
    "frustrated", "grateful", "relieved", "nervous", "brighter", "chatty", "pregnant",
    "alone", "drunk", "embarrassed", "ashamed", "hungry", "bored", "sleepy", "afraid",
    "furious", "delighted", "overwhelmed", "exhausted", "homeless", "poorly", "back", "home",
    "determined", "reluctant", "adamant", "clear", "unhappy", "terrified", "jealous",
    "shy", "rude", "polite", "friendly", "kind", "lovely", "desperate", "miserable",
];

/// Verbs that join a subject to a state or to what it is doing: "is worried", "was
/// sitting", "seemed withdrawn", "gets confused".
#[rustfmt::skip]
const LINKING_VERBS: &[&str] = &[
    "is", "was", "isn't", "wasn't", "seems", "seemed", "looks", "looked", "feels", "felt",
    "gets", "got", "became", "becomes", "sounded", "sounds", "stays", "stayed", "remains",
    "remained",
];

/// Helping verbs before another verb: "will need", "can't remember", "has asked".
#[rustfmt::skip]
const HELPING_VERBS: &[&str] = &[
    "will", "would", "can", "could", "can't", "cannot", "won't", "couldn't", "wouldn't",
    "didn't", "doesn't", "does", "did", "may", "might", "must", "should", "has", "had",
    "hasn't", "hadn't", "never", "won’t", "can’t", "didn’t", "doesn’t", "hasn’t",
];

/// Words that may stand between a subject and its verb: "often skips", "still blames".
#[rustfmt::skip]
const VERB_ADVERBS: &[&str] = &[
    "not", "never", "still", "also", "just", "really", "very", "so", "quite", "often",
    "always", "usually", "sometimes", "finally", "now", "again", "already", "even",
    "rarely", "then", "suddenly", "too", "more", "less", "been", "much", "visibly",
];

/// Who else stands around someone, after a possessive or "and her", beyond the family
/// of [`KIN_BEFORE_NAMES`]: "Zainab's keyworker", "Rūta and her landlord" (see
/// [`is_relation`]).
#[rustfmt::skip]
const RELATIONS_BEYOND_KIN: &[&str] = &[
    "family", "friends", "parents", "parent", "keyworker", "gp", "school", "solicitor",
    "landlord", "teacher", "social", "foster", "support", "advocate", "neighbours", "ex",
    "employer", "boss", "probation",
];

/// Whether `w` (lowercase) is family or someone around a person, after a possessive or
/// "and her": "Zainab's daughter", "Rūta and her partner", "his keyworker".
fn is_relation(w: &str) -> bool {
    KIN_BEFORE_NAMES.contains(&w) || RELATIONS_BEYOND_KIN.contains(&w)
}

/// Family and the people someone lives with, before their name: "daughter Jade",
/// "Grandson Ka Ho", "carers Dawn and Clive", "her mam Bridget".
#[rustfmt::skip]
const KIN_BEFORE_NAMES: &[&str] = &[
    "mother", "mum", "mam", "mom", "mammy", "mummy", "father", "dad", "daddy", "son",
    "sons", "daughter", "daughters", "sister", "sisters", "sis", "brother", "brothers",
    "bro", "husband", "wife", "partner", "carer", "carers", "children", "child", "kids",
    "baby", "twins", "grandmother", "grandfather", "grandma", "grandad", "granddad",
    "gran", "nan", "nana", "granny", "grandson", "granddaughter", "grandsons",
    "granddaughters", "grandchild", "grandchildren", "aunt", "auntie", "aunty", "uncle",
    "cousin", "cousins", "niece", "nephew", "boyfriend", "girlfriend", "fiancé", "fiance",
    "fiancée", "stepmum", "stepdad", "stepson", "stepdaughter", "stepbrother",
    "stepsister", "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law",
    "sister-in-law", "brother-in-law", "friend", "neighbour", "flatmate", "housemate",
    "host", "hosts", "ex", "ex-partner", "ex-wife", "ex-husband", "ex-boyfriend",
    "ex-girlfriend",
];

/// Forms of "be" before where someone is from: "he is from Lewis originally".
#[rustfmt::skip]
const BEING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "he's", "she's", "they're", "i'm", "we're",
    "you're", "he’s", "she’s", "they’re", "i’m", "we’re", "you’re",
];

/// Words of size or age that open a nickname before a name: "Big Mick", "Wee Davie".
const NICKNAME_SIZES: &[&str] = &["Big", "Little", "Wee", "Young", "Old", "Auld", "Lil"];

/// What opens a stage name: "DJ Danny M", "MC Tazz".
const STAGE_NAME_HEADS: &[&str] = &["DJ", "MC"];

/// Words that open a list of who was at a meeting: "Present: AB, JK, Shaz, me."
const ATTENDANCE: &[&str] = &[
    "present",
    "attendees",
    "attending",
    "attendance",
    "apologies",
    "absent",
];

/// Whether token `k` is followed by an age: "Summer (15)", "Summer (10 months)",
/// "Summer, 15, was", "Summer
/// turned sixteen", "Summer is 15 now", "Summer aged 4". An age ends its clause or is
/// followed by "years old", "today", "now", "and"…: not "is 15 minutes away".
fn age_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let digits =
        |n: &Tok| n.end - n.start <= 2 && text[n.start..n.end].bytes().all(|c| c.is_ascii_digit());
    let Some(n) = toks.get(k + 1) else {
        return false;
    };
    let gap = &text[t.end..n.start];
    // "Miracle (10 months)": a baby's age in months.
    let bracketed = gap == " ("
        && [")", " months)", " mths)", " years)", " yrs)"]
            .iter()
            .any(|e| text[n.end..].starts_with(e));
    if bracketed || gap == ", " && text[n.end..].starts_with(", ") {
        return digits(n);
    }
    if gap != " " || t.base_end != t.end {
        return false;
    }
    let verb = fold_cow(&text[n.start..n.end]);
    let Some(a) = toks.get(k + 2).filter(|a| &text[n.end..a.start] == " ") else {
        return false;
    };
    let aged = match &*verb {
        "turned" | "turns" | "aged" => {
            // An age in words: "turned sixteen", "turns twenty-one", "her eighteenth".
            digits(a) || {
                let w = &text[a.start..a.end];
                number_in_words(w).is_some()
                    || ORDINAL_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w))
            }
        }
        "is" | "was" => digits(a),
        _ => false,
    };
    let after = &text[a.end..];
    aged && (after.is_empty()
        || after.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        || [
            " years old",
            " year old",
            " yrs",
            " today",
            " now",
            " last",
            " this",
            " on ",
            " in ",
            " and ",
        ]
        .iter()
        .any(|w| after.starts_with(w)))
}

/// Whether what follows token `k` says that it is someone: a verb only a person does
/// ("came", "said", "cried"), a state only a person is in ("is worried"), something
/// they are doing ("was sitting"), "and I" before such a verb, "and her partner", a
/// possessive before a relation ("Zainab's daughter"), ", who", or a bed on a ward ("in
/// room 9").
fn person_cue_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len() && {
            let gap = &text[toks[i].end..toks[i + 1].start];
            gap == " " && toks[i + 1].letters
        }
    };
    let rest = &text[t.end..];
    if rest.starts_with(", who ") || rest.starts_with(" who ") || age_after(text, toks, k) {
        return true;
    }
    if had_a_day(text, toks, k) || aside_says_person(text, toks, k) {
        return true;
    }
    if t.base_end != t.end {
        return spaced(k) && word(k + 1).is_some_and(|n| is_relation(&n));
    }
    if !spaced(k) {
        return false;
    }
    let Some(next) = word(k + 1) else {
        return false;
    };
    let verb_at = |i: usize| -> bool {
        word(i).is_some_and(|v| {
            is_person_verb(&v)
                && !((is_form_of(&v, "come") || is_form_of(&v, "go"))
                    && matches!(word(i + 1).as_deref(), Some("up" | "down")))
        })
    };
    match &*next {
        // "Llŷr the HCA will do it", "Gwen the keyworker": a role after it.
        "the" => {
            return spaced(k + 1)
                && toks.get(k + 2).is_some_and(|r| {
                    let rw = &text[r.start..r.end];
                    ROLE_ACRONYMS.contains(&rw)
                        || ROLE_NOUNS.contains(&&*fold_cow(rw))
                        || is_relation(&fold_cow(rw))
                });
        }
        // "Precious to be seen by a Health Visitor": what is done to a person in care.
        "to" => {
            return spaced(k + 1)
                && word(k + 2).as_deref() == Some("be")
                && spaced(k + 2)
                && word(k + 3).is_some_and(|p| CARE_PASSIVES.contains(&&*p));
        }
        // "Siôn from the surgery rang": where they are from, then what they did.
        "from" => {
            return (k + 2..k + 6).any(|j| {
                (k + 1..j).all(spaced)
                    && verb_at(j)
                    && !text[toks[k + 2].start..toks[j].start].contains(char::is_uppercase)
            });
        }
        "and" => {
            return spaced(k + 1)
                && match word(k + 2).as_deref() {
                    Some("i") => spaced(k + 2) && verb_at(k + 3),
                    Some("her" | "his" | "their") => {
                        spaced(k + 2) && word(k + 3).is_some_and(|r| is_relation(&r))
                    }
                    _ => false,
                };
        }
        "in" => {
            return spaced(k + 1)
                && word(k + 2).is_some_and(|w| ["room", "bay", "bed"].contains(&&*w))
                && toks.get(k + 3).is_some_and(|n| n.digits);
        }
        _ => {}
    }
    // Past the verb's helpers and adverbs ("has been", "often", "can't"), to the word
    // that says what kind of subject this is.
    let mut i = k + 1;
    let mut linked = false;
    let mut helped = false;
    while i < toks.len() && i < k + 5 {
        let Some(w) = word(i) else { break };
        if LINKING_VERBS.contains(&&*w) || (helped && w == "been") {
            linked = true;
        } else if HELPING_VERBS.contains(&&*w) {
            helped = true;
        } else if !VERB_ADVERBS.contains(&&*w) {
            break;
        }
        if !spaced(i) {
            return false;
        }
        i += 1;
    }
    let Some(w) = word(i) else { return false };
    // A role or a relation after "is the new", "has a new": "Venkatesh is the new
    // Clinical Psychologist", "Zarmina has a new social worker".
    if (linked || helped) && role_ahead(text, toks, i) {
        return true;
    }
    if linked {
        // A state, or a person's doing in "-ing": not a passive ("was stopped").
        return PERSON_STATES.contains(&&*w) || (w.ends_with("ing") && verb_at(i));
    }
    // A verb and then his, him, her or me: "Ashkan took his medication", "Thuy gave me
    // a list", "Yordanka couldn't find her bus pass". Medicines, which do things to
    // people too, are known by name and ending before this is asked.
    if spaced(i)
        && w.chars().all(char::is_alphabetic)
        && !STOPWORDS.contains(&&*w)
        && !matches!(&*w, "to" | "up" | "down" | "out" | "off" | "for" | "about")
        && word(i + 1).is_some_and(|p| {
            matches!(
                &*p,
                "his" | "him" | "her" | "me" | "my" | "himself" | "herself" | "myself"
            )
        })
    {
        return true;
    }
    verb_at(i)
}

/// What is done to a person in care, after "to be": "to be seen by a Health Visitor",
/// "to be discharged on Friday".
#[rustfmt::skip]
const CARE_PASSIVES: &[&str] = &[
    "seen", "assessed", "admitted", "discharged", "visited", "interviewed", "fostered",
    "adopted", "rehoused", "placed", "collected", "accompanied", "supervised", "weighed",
    "vaccinated", "immunised", "examined", "sectioned", "detained", "released", "bailed",
    "sentenced", "housed", "moved", "transferred",
];

/// Roles written as initials: "Llŷr the HCA", "Ravi (SALT)". Two capitals that are one of
/// these are never someone's initials.
#[rustfmt::skip]
const ROLE_ACRONYMS: &[&str] = &[
    "HCA", "SW", "OT", "GP", "HV", "DN", "CPN", "AMHP", "SALT", "SLT", "PA", "TA", "DSL",
    "IMCA", "IDVA", "ISVA", "RMN", "RGN", "RN", "SENCO", "SENCo", "PO", "EWO", "FLO",
    "FSW", "KW", "CSW", "PCSO", "PC", "DS", "DC", "SN", "ANP", "ACP", "SHO", "FY1", "FY2",
    "ST", "MO", "LD", "CNS", "HR", "IT", "TL", "DM", "CM", "RM", "NA", "AP", "MP", "DJ",
    "IRO", "LADO", "BIA", "SSW", "NQSW", "PSW",
];

/// Abbreviations of two or three capitals common in care notes, never someone's
/// initials.
#[rustfmt::skip]
const COMMON_ABBREVIATIONS: &[&str] = &[
    "UK", "EU", "NI", "OK", "ID", "IV", "IM", "BP", "AE", "ED", "TV", "PE", "RE", "NB",
    "PS", "AM", "PM", "UC", "DV", "DA", "MH", "CP", "AA", "CV", "ICU", "AMU", "MAU", "SDEC",
    "NHS", "DWP", "CGL", "YOT", "LAC", "CIN", "CAF", "EHC", "PIP", "ESA", "JSA", "DLA",
    "CAB", "MP", "GCS", "PRN", "BD", "OD", "TDS", "QDS", "BMI", "ECG", "CT", "MRI", "DNA",
    "HIV", "STI", "UTI", "COPD", "ADHD", "ASD", "PTSD", "OCD", "BPD", "EUPD", "SMI", "LD",
    "MS", "MND", "CVA", "TIA", "MI", "DVT", "PE", "RTA", "FGM", "CSE", "CCE", "DBS",
    "ASB", "PPE", "IT", "HR", "ASAP", "FYI", "RIP", "ETA", "DOB", "NFA", "TBC", "TBA",
    "AKA", "ID", "PC", "ST", "WC", "SOS", "XL", "DJ", "UN", "USA", "US", "EEA",
];

/// Whether token `k` is followed by words in brackets that say what someone is: a role
/// ("Delphine (advocate)", "Ravi (SALT)"), a relation, a people or language ("Rebin
/// (Kurdish, from Sulaymaniyah)"), or what he or she does ("Yonatan (he wants ...)").
fn aside_says_person(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(n) = toks.get(k + 1) else {
        return false;
    };
    if &text[toks[k].end..n.start] != " (" || toks[k].base_end != toks[k].end {
        return false;
    }
    let w = &text[n.start..n.end];
    let l = fold_cow(w);
    // "Yonatan (he wants to be called Yoni)": what he or she does.
    let does = || {
        matches!(&*l, "he" | "she")
            && toks.get(k + 2).is_some_and(|v| {
                &text[n.end..v.start] == " " && is_person_verb(&fold_cow(&text[v.start..v.end]))
            })
    };
    // "Big Dec (unknown surname)", "Jo (nickname)": a note of someone's names.
    let of_names = || {
        text[n.start..].split_once(')').is_some_and(|(aside, _)| {
            aside.len() <= 40
                && aside
                    .split(' ')
                    .any(|x| ["surname", "nickname", "surnames"].contains(&x))
        })
    };
    ROLE_ACRONYMS.contains(&w)
        || ROLE_NOUNS.contains(&&*l)
        || KIN_BEFORE_NAMES.contains(&&*l)
        || of_names()
        || (PEOPLES.contains(&&*l) && w.starts_with(char::is_uppercase))
        || does()
}

/// What a person has and a thing does not: "a good day", "a bad night", "a rough week".
#[rustfmt::skip]
const DAY_WORDS: &[&str] = &[
    "day", "night", "week", "weekend", "morning", "afternoon", "evening", "time", "sleep",
];

/// Whether token `k` is followed by "had a good day", "has had a bad night", "is having
/// a better week": a day someone has, one or two words saying how it went.
fn had_a_day(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len()
            && toks[i].base_end == toks[i].end
            && &text[toks[i].end..toks[i + 1].start] == " "
    };
    let mut i = k;
    let mut had = false;
    while i < k + 3 && spaced(i) {
        match word(i + 1).as_deref() {
            Some("had" | "has" | "having") => had = true,
            Some("is" | "was" | "just" | "really") => {}
            _ => break,
        }
        i += 1;
    }
    if !had || !spaced(i) || !word(i + 1).is_some_and(|a| a == "a" || a == "an") {
        return false;
    }
    (i + 2..i + 5).any(|j| {
        word(j).is_some_and(|d| DAY_WORDS.contains(&&*d))
            && (i + 1..j)
                .all(|m| spaced(m) && text[toks[m + 1].start..].starts_with(char::is_lowercase))
    })
}

/// Words that, after "is", "was", "has" and the like, say a thing is being defined or
/// done to rather than doing: "Hygge was the theme", "Mosaic was updated".
#[rustfmt::skip]
const NOT_AFTER_LINK: &[&str] = &[
    "the", "a", "an", "one", "used", "given", "taken", "seen", "done", "made", "found",
    "shown", "known", "kept", "put", "set", "cut", "run", "written", "called", "meant",
    "available", "due", "out", "down", "up", "off", "on", "back", "like", "also", "not",
];

/// Whether what follows token `k`, a word in no word list where a sentence starts, is a
/// verb with it as subject: "Kaz was in a good mood", "Tiegan got her first payslip",
/// "Renée to attend", "Gintarė works on the tills". Weaker than [`person_cue_after`]
/// (a thing may be the subject too), so asked only of words that are no word.
fn action_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len() && {
            let gap = &text[toks[i].end..toks[i + 1].start];
            gap == " " && toks[i + 1].letters && !toks[i + 1].digits
        }
    };
    if toks[k].base_end != toks[k].end || !spaced(k) {
        return false;
    }
    let mut i = k + 1;
    while i < k + 4 && word(i).is_some_and(|w| VERB_ADVERBS.contains(&&*w)) {
        if !spaced(i) {
            return false;
        }
        i += 1;
    }
    let Some(w) = word(i) else { return false };
    if !spaced(i) {
        return false;
    }
    let Some(next) = word(i + 1) else {
        return false;
    };
    if w == "to" {
        return is_person_verb(&next);
    }
    // "Gaz in his usual doorway": somewhere of theirs; "Eiluned on nights": a shift.
    if ["in", "on", "at", "with"].contains(&&*w) && i == k + 1 {
        return matches!(&*next, "his" | "her" | "their")
            || (w == "on" && SHIFTS.contains(&&*next));
    }
    if is_form_of(&w, "work") {
        return matches!(
            &*next,
            "at" | "as" | "for" | "on" | "in" | "nights" | "shifts" | "weekends" | "part-time"
        );
    }
    let link = LINKING_VERBS.contains(&&*w)
        || (HELPING_VERBS.contains(&&*w) && !["may", "might", "must"].contains(&&*w));
    link && !NOT_AFTER_LINK.contains(&&*next)
        && !next.ends_with("ed")
        && !next.chars().any(|c| !c.is_alphabetic() && c != '\'')
}

/// Shifts and absences a worker is on: "Eiluned on nights", "Tomasz on leave".
#[rustfmt::skip]
const SHIFTS: &[&str] = &[
    "nights", "days", "lates", "earlies", "shift", "duty", "call", "leave",
    "annual", "placement", "secondment", "bank",
];

/// Words after a list that say where or when, not what its people did: "Met Callum and
/// Probation at the office", "Sarah and Finance about the budget".
#[rustfmt::skip]
const WHERE_OR_WHEN: &[&str] = &[
    "about", "over", "after", "before", "into", "regarding", "re", "yesterday", "today",
    "tomorrow", "again", "via", "during",
];

/// Animals kept as pets: "the dog Bonnie", "a staffie called Tyson".
#[rustfmt::skip]
const ANIMALS: &[&str] = &[
    "dog", "dogs", "puppy", "pup", "cat", "cats", "kitten", "staffie", "staffy", "terrier",
    "spaniel", "labrador", "collie", "greyhound", "whippet", "lurcher", "poodle", "husky",
    "bulldog", "alsatian", "chihuahua", "rabbit", "bunny", "hamster", "budgie", "parrot",
    "horse", "pony", "snake", "lizard", "gecko", "tortoise", "ferret", "goldfish", "pet",
];

/// Whether `w` is a service's or a brand's name run together, two parts each with its
/// capital, the second an ordinary word: "SignVideo", "StreetLink", "GamCare"; not a
/// name with a particle ("McDonald", "MacKenzie", "DeShawn", "LaToya", "FitzGerald").
fn run_together(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "mac", "van", "von", "fitz", "sha", "den", "del", "der", "ter",
    ];
    // Most words have no capital after their first letter: they stop here.
    if w.len() < 6
        || !w
            .bytes()
            .skip(1)
            .any(|c| c.is_ascii_uppercase() || c >= 0x80)
    {
        return false;
    }
    let mut caps = w.char_indices().filter(|(_, c)| c.is_uppercase());
    let (Some((0, _)), Some((i, _)), None) = (caps.next(), caps.next(), caps.next()) else {
        return false;
    };
    let (a, b) = (&w[..i], &w[i..]);
    a.chars().count() >= 3
        && b.chars().count() >= 3
        && a.chars().all(char::is_alphabetic)
        && b.chars().all(char::is_alphabetic)
        && !PARTICLES.contains(&a.to_lowercase().as_str())
        && in_dictionary(&b.to_lowercase())
}

/// Whether token `k` is a pet's name told as the animal is brought in, after "called" or
/// "named" a few words after one ("a staffie called Tyson"), in one sentence: a word,
/// not a person. A pet named beside the word for it ("the dog Bonnie") is caught as a
/// name: in a caseload it picks out a household.
fn pet_name_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| fold_str(&text[toks[i].start..toks[i].end]);
    let same_sentence =
        |i: usize| !text[toks[i].end..toks[k].start].contains(['.', '!', '?', ';', '\n']);
    if k == 0 || !same_sentence(k - 1) {
        return false;
    }
    let prev = word(k - 1);
    ["called", "named"].contains(&&*prev)
        && (k.saturating_sub(4)..k - 1)
            .any(|i| ANIMALS.contains(&word(i).as_str()) && same_sentence(i))
}

/// Whether token `k` is a thing someone has, not someone: after "his", "her", "my",
/// "the"… and before a lowercase word that says what it is ("his Xbox controller",
/// "her Espranor pick-up"), with nothing after it that only a person does.
fn thing_after_determiner(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    // The thing's name may be more than one word: "his Nintendo Switch charger".
    let mut e = k;
    while e < k + 2
        && toks
            .get(e + 1)
            .is_some_and(|n| &text[toks[e].end..n.start] == " " && starts_capitalised(text, n))
    {
        e += 1;
    }
    let Some(p) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    let pw = &text[p.start..p.end];
    let determiner = ["his", "her", "my", "their", "your", "our", "the", "a", "an"].contains(&pw);
    // After someone's possessive only before the word for what it is: "her mother's
    // Wedgwood plate", not "Aisha's Kwame." (her partner).
    // A shop's is no one's: "Lidl's Hulme branch" names a place.
    let possessive = !determiner && p.base_end != p.end && p.letters && {
        let owner = fold_cow(&text[p.start..p.base_end]);
        !BRANDS.contains(&&*owner) && !other_words().contains(&*owner) && !CHAINS.contains(&&*owner)
    };
    if !(determiner || possessive)
        || &text[p.end..t.start] != " "
        || toks[e].base_end != toks[e].end
        || person_cue_after(text, toks, k)
        || action_after(text, toks, k)
    {
        return false;
    }
    let after = &text[toks[e].end..];
    let Some(n) = toks.get(e + 1).filter(|_| after.starts_with(' ')) else {
        // "He misses his Tamagotchi.", "It was a Venflon.": a thing where the clause ends.
        return pw != "the" && !possessive && after.starts_with(['.', ',', ';', '!', '?']);
    };
    let nw = &text[n.start..n.end];
    let nl = fold_str(nw);
    let nl = &*nl;
    if &text[toks[e].end..n.start] != " " || !nw.starts_with(char::is_lowercase) {
        return false;
    }
    // "his Nintendo Switch to group": a thing of his before where it went.
    if pw != "the"
        && !possessive
        && [
            "to", "at", "in", "on", "with", "for", "from", "into", "again", "back", "today",
        ]
        .contains(&nl)
    {
        return true;
    }
    // "the Delaney visit", "the Okafor family": a household by its surname, no thing.
    if pw == "the" && HOUSEHOLD_WORDS.contains(&nl) {
        return false;
    }
    // After a possessive, not before what someone does: "Aisha's Kwame drove her".
    if possessive
        && (nl.ends_with("ed")
            || ["branch", "store", "shop", "office", "site", "depot"].contains(&nl)
            || is_person_verb(nl)
            || IRREGULAR_FORMS.iter().any(|(f, _)| *f == nl)
            || !in_dictionary(nl))
    {
        return false;
    }
    // "her Espranor pick-up": before the word for what it is.
    n.letters
        && !n.digits
        && nw.chars().count() >= 3
        && !STOPWORDS.contains(&nl)
        && !LINKING_VERBS.contains(&nl)
        && !HELPING_VERBS.contains(&nl)
        && !VERB_ADVERBS.contains(&nl)
        && !is_relation(nl)
        && !ROLE_NOUNS.contains(&nl)
}

/// What a surname after "the" stands before when it is a household, not a thing: "the
/// Delaney visit", "the Okafor family", "the Nowak case".
#[rustfmt::skip]
const HOUSEHOLD_WORDS: &[&str] = &[
    "case", "cases", "visit", "visits", "family", "families", "household", "household's",
    "kids", "children", "boys", "girls", "twins", "siblings", "referral", "file",
    "family's", "home", "house",
];

/// Whether a capitalised hyphenated word is a name: "Lily-Mae", "Jordan-Lee",
/// "Kerry-Ann". Its parts are capitalised, one of them a listed name and the whole no
/// word, or every part a listed first name.
fn is_hyphenated_name(w: &str, l: &str) -> bool {
    if !w.contains(['-', '‐']) {
        return false;
    }
    let parts: Vec<&str> = w.split(['-', '‐']).collect();
    let shaped = parts.len() <= 3
        && parts.iter().all(|p| {
            p.chars().count() >= 2
                && p.starts_with(char::is_uppercase)
                && p.chars().all(char::is_alphabetic)
                && !is_acronym(p)
        });
    if !shaped || is_allowed(l) || other_words().contains(l) {
        return false;
    }
    let listed = |p: &str| name_list().get(fold_str(p).as_str()).copied();
    let first_names = parts.iter().all(|p| {
        listed(p).is_some_and(|(_, surname)| !surname) && !CALENDAR.contains(&fold_str(p).as_str())
    });
    first_names || (parts.iter().any(|p| listed(p).is_some()) && !is_ordinary(l))
}

/// Roles a person holds, after "the new", "a", "our": "the new Clinical Psychologist".
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "worker", "nurse", "doctor", "consultant", "psychologist", "psychiatrist",
    "therapist", "manager", "teacher", "carer", "officer", "practitioner", "assistant",
    "student", "volunteer", "midwife", "visitor", "paramedic", "pharmacist", "registrar",
    "surgeon", "chaplain", "advocate", "coordinator", "co-ordinator", "lead", "head",
    "counsellor", "mentor", "supervisor", "apprentice", "physio", "physiotherapist",
    "dietitian", "cleaner", "cook", "chef", "receptionist", "resident", "patient",
    "tenant", "client", "lodger", "mum", "dad", "grandmother", "grandfather", "baby",
    "leader", "interpreter", "translator", "keyworker", "caseworker", "mgr",
];

/// Whether the words from token `i` are a determiner, at most five more words and a role
/// or a relation: "the new Clinical Psychologist", "a new social worker", "her carer",
/// "the new Community Psychiatric Nurse".
fn role_ahead(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |j: usize| toks.get(j).map(|n| fold_cow(&text[n.start..n.end]));
    if !word(i).is_some_and(|d| {
        matches!(
            &*d,
            "the" | "a" | "an" | "our" | "my" | "her" | "his" | "their"
        )
    }) {
        return false;
    }
    (i + 1..i + 7).any(|j| {
        word(j).is_some_and(|w| ROLE_NOUNS.contains(&&*w) || is_relation(&w))
            && (i..j).all(|m| {
                toks.get(m + 1)
                    .is_some_and(|n| &text[toks[m].end..n.start] == " ")
            })
    })
}

/// Whether a lowercase word is a word as it stands (in the word list, or its plural),
/// not only by what its endings suggest.
fn is_plainly_ordinary(l: &str) -> bool {
    let d = dictionary();
    is_allowed(l)
        || d.contains(l)
        || other_words().contains(l)
        || l.strip_suffix('s').is_some_and(|w| d.contains(w))
        || l.strip_suffix("es").is_some_and(|w| d.contains(w))
        || ((l.contains(['\'', '-', '‐'])) && is_ordinary(l))
}

/// Capitalised words that are never names on their own: months and weekdays, the
/// reflective models and the theorists of the field, family roles, public bodies, tools,
/// languages, faiths and festivals, conditions named after people, chains named alone
/// ("lunch at Wetherspoons"). An honorific still makes a name of them ("Mr Johns").
const ALLOWED_GROUPS: &[&[&str]] = &[
    CALENDAR, THEORISTS, ROLES, BODIES, PEOPLES, BRANDS, CHAINS, EVERYDAY,
];

/// Months, weekdays and their short forms.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs",
    "fri", "sat", "sun",
];

/// Reflective models, supervision and change theorists (PRACTICE.md §2–§5) and others a
/// practitioner cites. After a first name they are a surname ("Sarah Miller").
#[rustfmt::skip]
const THEORISTS: &[&str] = &[
    "gibbs", "kolb", "schön", "schon", "borton", "driscoll", "johns", "rolfe", "brookfield",
    "freshwater", "jasper", "proctor", "kadushin", "morrison", "hawkins", "shohet",
    "prochaska", "diclemente", "rollnick", "miller", "egan", "rogers", "maslow", "bowlby",
    "ainsworth", "winnicott", "bronfenbrenner", "karpman", "kübler-ross", "kubler-ross",
    "tuckman", "thompson", "munro", "laming", "caldicott", "trevithick", "fook", "ruch",
    "lishman", "bion", "freud", "erikson", "piaget", "vygotsky", "belbin", "mumford",
    "dweck", "goleman", "seligman", "bandura", "kohlberg", "mezirow", "schein", "argyris",
    "lewin", "kotter", "bourdieu", "foucault", "habermas", "freire", "dominelli", "heron",
    "nightingale", "duckworth", "brené", "brene", "kabat-zinn", "trần", "tran", "edmondson",
    "maslach", "schwartz", "balint", "johari", "boud", "keogh", "mehrabian", "karasek",
    "rosenberg", "bateman", "fonagy", "bowen", "minuchin", "satir", "gottman", "kitwood",
    "feil", "stroebe", "schut", "ury", "waddell", "papadopoulos", "thomas-kilmann",
];

/// Family and roles, as people write them.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "mum", "mummy", "mam", "mom", "mommy", "dad", "daddy", "grandma", "granny", "gran",
    "nan", "nana", "nanna", "nanny", "grandad", "granddad", "grandpa", "gramps", "auntie",
    "aunty", "uncle", "stepmum", "stepdad", "mammy", "mammie", "granda", "grandda",
    "grampa", "grampy",
];

/// Public bodies, charities, services and laws; places too big to identify anyone.
#[rustfmt::skip]
const BODIES: &[&str] = &[
    "ofsted", "cafcass", "barnardo", "barnardos", "barnardo's", "mencap", "samaritans",
    "childline", "kooth", "jobcentre", "unison", "nhs", "motability", "healthwatch",
    "scope", "turn2us", "stepchange", "relate", "homestart", "surestart", "macmillan",
    "sendiass", "ehcp", "dols", "mash", "marac", "mappa", "england", "wales", "scotland",
    "britain", "ireland", "uk", "europe", "africa", "asia", "america", "inspectorate",
    "estyn", "cruse",
];

/// Languages, nationalities, faiths and festivals; conditions named after people. After a
/// first name they are a surname ("Dorin Moldovan", "Sarah English").
#[rustfmt::skip]
const PEOPLES: &[&str] = &[
    "english", "british", "welsh", "scottish", "irish", "european", "african", "asian",
    "caribbean", "american", "arab", "arabic", "polish", "romanian", "bulgarian",
    "lithuanian", "latvian", "ukrainian", "russian", "portuguese", "spanish", "italian",
    "french", "german", "turkish", "kurdish", "persian", "farsi", "dari", "pashto", "urdu",
    "punjabi", "hindi", "bengali", "bangla", "gujarati", "tamil", "somali", "tigrinya",
    "amharic", "eritrean", "ethiopian", "sudanese", "nigerian", "ghanaian", "jamaican",
    "pakistani", "indian", "bangladeshi", "chinese", "mandarin", "cantonese", "vietnamese",
    "afghan", "syrian", "iraqi", "iranian", "albanian", "roma", "gypsy", "traveller",
    "muslim", "islam", "islamic", "christian", "catholic", "protestant", "anglican",
    "methodist", "baptist", "pentecostal", "hindu", "sikh", "jewish", "buddhist", "quaker",
    "jehovah", "ramadan", "eid", "diwali", "christmas", "easter", "hanukkah", "vaisakhi",
    "passover", "lent", "advent", "halloween", "jesus", "christ", "allah", "buddha", "bsl",
    "makaton", "braille", "alzheimer", "alzheimers", "parkinson", "parkinsons",
    "huntington", "asperger", "aspergers", "crohn", "korsakoff", "tourette", "tourettes",
    "duchenne", "hodgkin", "hodgkins", "marfan", "raynaud", "raynauds", "kawasaki",
    "angelman", "munchausen", "guillain", "creutzfeldt", "sjogren", "sjögren", "behcet",
    "behçet", "lewy", "cheyne-stokes",
    "hungarian", "czech", "slovak", "slovakian", "croatian", "serbian", "bosnian", "kosovan",
    "kosovar", "georgian", "armenian", "chechen", "estonian", "belarusian",
    "greek", "cypriot", "maltese", "dutch", "belgian", "swiss", "austrian", "finnish",
    "swedish", "norwegian", "danish", "korean", "japanese", "thai", "filipino", "filipina",
    "malaysian", "indonesian", "nepali", "nepalese", "lankan", "sinhala", "sinhalese",
    "malayalam", "malayali", "telugu", "kannada", "marathi", "sylheti", "pahari",
    "mirpuri", "pothwari", "kashmiri", "baloch", "balochi", "sindhi", "afrikaans", "zulu",
    "xhosa", "ndebele", "swahili", "yoruba", "igbo", "hausa", "twi", "akan", "lingala",
    "congolese", "cameroonian", "zimbabwean", "zambian", "kenyan", "ugandan", "tanzanian",
    "rwandan", "burundian", "malawian", "namibian", "yemeni", "saudi", "emirati",
    "jordanian", "lebanese", "palestinian", "egyptian", "libyan", "tunisian", "algerian",
    "moroccan", "trinidadian", "barbadian", "bajan", "guyanese", "grenadian", "colombian",
    "venezuelan", "brazilian", "mexican", "peruvian", "ecuadorian", "bolivian", "cuban",
    "haitian", "canadian", "australian", "gaelic", "cornish", "manx", "scots", "ulster",
];

/// Tools and everyday brands.
#[rustfmt::skip]
const BRANDS: &[&str] = &[
    "zoom", "teams", "whatsapp", "facebook", "instagram", "tiktok", "snapchat", "youtube",
    "google", "microsoft", "outlook", "excel", "powerpoint", "onenote", "sharepoint",
    "linkedin", "twitter", "skype", "netflix", "amazon", "uber", "tesco", "asda",
    "sainsbury", "sainsburys", "aldi", "lidl", "morrisons", "greggs", "costa", "starbucks",
    "mcdonald", "mcdonalds", "iphone", "ipad", "android", "liquidlogic", "systmone", "emis",
    "carefirst", "datix", "waterlow", "braden", "butlins", "pontins",
];

/// Everyday and practice words the word list lacks, and the section names of the
/// reflective models.
#[rustfmt::skip]
const EVERYDAY: &[&str] = &[
    "ok", "okay", "wellbeing", "covid", "covid-19", "lockdown", "e.g", "i.e", "etc", "hmm",
    "yeah", "handover", "handovers", "reflexivity", "empirics", "conceptualisation",
    "genogram", "ecomap", "caseload", "keyworker", "foodbank", "safeguarding", "checkin",
    "debrief", "signposting", "co-production", "neurodivergent", "neurodivergence",
    "autistic", "carer", "carers", "respite", "kinship", "multi-agency", "deprivation",
    "housing", "nursing", "training", "counselling", "fostering", "planning", "funding",
    "parenting", "befriending", "commissioning", "reablement", "hb", "hba1c", "egfr",
    "mmol", "spo2", "boccia", "concordat", "freeflow", "houseparent", "houseparents",
    "chemsex", "hiya",
];

/// Public names a reflection may cite, and roles written as titles ("Named Person", the
/// Scottish role for a child): never flagged as a person.
const ALLOWED_PHRASES: &[&str] = &[
    "Loretta Ross",
    "Ngọc Loan Trần",
    "Ngoc Loan Tran",
    "Victoria Climbié",
    "Victoria Climbie",
    "Florence Nightingale",
    "Carl Rogers",
    "Graham Gibbs",
    "David Kolb",
    "Donald Schön",
    "Donald Schon",
    "Terry Borton",
    "John Driscoll",
    "Christopher Johns",
    "Gary Rolfe",
    "Stephen Brookfield",
    "Brigid Proctor",
    "Alfred Kadushin",
    "Tony Morrison",
    "Peter Hawkins",
    "Robin Shohet",
    "James Prochaska",
    "Carlo DiClemente",
    "William Miller",
    "Stephen Rollnick",
    "Melanie Jasper",
    "Dawn Freshwater",
    "Eileen Munro",
    "Lord Laming",
    "Abraham Maslow",
    "John Bowlby",
    "Mary Ainsworth",
    "Donald Winnicott",
    "Neil Thompson",
    "Brené Brown",
    "Brene Brown",
    "Glasgow Coma Scale",
    "Bristol Stool Chart",
    "Social Work England",
    "Social Care Wales",
    "Marie Curie",
    "Age UK",
    "Citizens Advice",
    "Betsi Cadwaladr",
    "Aneurin Bevan",
    "Hywel Dda",
    "Cwm Taf Morgannwg",
    "Dydd Gŵyl Dewi",
    "Gŵyl Dewi",
    "Dewi Sant",
    "Santes Dwynwen",
    "Sat Sri Akal",
    "Guru Nanak",
    "Eid Mubarak",
    "Ramadan Kareem",
    "Ramadan Mubarak",
    "Eilean Siar",
    "Named Person",
    "Named Nurse",
    "Named Midwife",
    "Named Doctor",
    "Named GP",
    "Fraser competent",
    "Fraser competence",
    "Fraser guidelines",
    "Fraser guidance",
    "Fraser criteria",
    "Gillick competent",
    "Gillick competence",
    "Thomas the Tank Engine",
    "Bob the Builder",
    "Fireman Sam",
    "Postman Pat",
    "Peppa Pig",
    "Mr Tumble",
    "Dunn's River",
    "Naomi Feil",
    "Tom Kitwood",
    "Terrence Higgins Trust",
    "Sue Ryder",
    "Leonard Cheshire",
    "Anthony Nolan",
    "Center Parcs",
    "Fort William",
    "Hail Mary",
    "Chevra Kadisha",
    "Chan eil",
    "Crisis Care Concordat",
    "56 Dean Street",
    "Dean Street Express",
];

fn builtin_phrases() -> &'static PatSet {
    static P: OnceLock<PatSet> = OnceLock::new();
    P.get_or_init(|| {
        PatSet::new(
            ALLOWED_PHRASES
                .iter()
                .filter_map(|p| Pattern::new(p))
                .collect(),
        )
    })
}

/// Whether a lowercase word (or its plural: "Tuesdays") is one of [`ALLOWED_GROUPS`].
fn is_allowed(l: &str) -> bool {
    allowed_words().contains(l)
        || l.strip_suffix('s')
            .is_some_and(|w| allowed_words().contains(w))
}

fn allowed_words() -> &'static HashSet<&'static str, FastHash> {
    static S: OnceLock<HashSet<&'static str, FastHash>> = OnceLock::new();
    S.get_or_init(|| {
        ALLOWED_GROUPS
            .iter()
            .flat_map(|g| g.iter().copied())
            .collect()
    })
}

fn dictionary() -> &'static HashSet<&'static str, FastHash> {
    static D: OnceLock<HashSet<&'static str, FastHash>> = OnceLock::new();
    D.get_or_init(|| {
        include_str!("../../assets/ordinary-words.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Everyday words of the other languages heard and written in UK care (Welsh, Irish,
/// Scottish Gaelic, Scots, Polish, Romanian, Somali, Arabic and South Asian languages in
/// transliteration, and more), places too big to identify anyone, medicines, and the
/// brands, apps and games people use: never a name on their own. Welsh words are also known in their mutated forms ("Cymraeg", "Gymraeg",
/// "Nghymraeg").
fn other_words() -> &'static HashSet<String, FastHash> {
    static W: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    W.get_or_init(|| {
        let mut set = HashSet::default();
        let mut welsh = false;
        let lists = [
            include_str!("../../assets/other-languages.txt"),
            include_str!("../../assets/places.txt"),
            include_str!("../../assets/medicines.txt"),
            include_str!("../../assets/brands.txt"),
        ];
        for l in lists.iter().flat_map(|f| f.lines()) {
            let l = l.trim();
            if let Some(section) = l.strip_prefix("## ") {
                welsh = ["welsh", "wales"].contains(&section.trim());
                continue;
            }
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let w = fold_str(l);
            if welsh {
                set.extend(welsh_mutations(&w));
            }
            set.insert(w);
        }
        set
    })
}

/// Medicines and brands by name (`assets/medicines.txt`, `assets/brands.txt`) and
/// medicines by their endings: things, never someone, even after a word of family
/// ("gave the baby Calpol").
fn is_thing(l: &str) -> bool {
    static T: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    T.get_or_init(|| {
        [
            include_str!("../../assets/medicines.txt"),
            include_str!("../../assets/brands.txt"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold_str)
        .collect()
    })
    .contains(l)
        || is_medicine_shaped(l)
        || BRANDS.contains(&l)
}

/// The soft, nasal and aspirate mutations of a Welsh word, and the h- a vowel takes
/// after "ei" (her) or "ein" (our).
fn welsh_mutations(w: &str) -> Vec<String> {
    #[rustfmt::skip]
    const RULES: &[(&str, &[&str])] = &[
        ("ll", &["l"]), ("rh", &["r"]), ("c", &["g", "ngh", "ch"]), ("p", &["b", "mh", "ph"]),
        ("t", &["d", "nh", "th"]), ("g", &["", "ng"]), ("b", &["f", "m"]), ("d", &["dd", "n"]),
        ("m", &["f"]),
    ];
    let mut out = Vec::new();
    if w.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y']) {
        out.push(format!("h{w}"));
    }
    // "ch", "ff", "ph", "th" and "dd" are letters of their own and do not mutate.
    if ["ch", "ff", "ph", "th", "dd"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        return out;
    }
    if let Some((from, tos)) = RULES.iter().find(|(from, _)| w.starts_with(from)) {
        let rest = &w[from.len()..];
        out.extend(
            tos.iter()
                .map(|to| format!("{to}{rest}"))
                .filter(|m| m.chars().count() >= 2),
        );
    }
    out
}

/// Common names, lowercase: whether each is also an everyday word, and whether it is
/// listed as a surname.
fn name_list() -> &'static HashMap<String, (bool, bool), FastHash> {
    static N: OnceLock<HashMap<String, (bool, bool), FastHash>> = OnceLock::new();
    N.get_or_init(|| {
        let mut surnames = false;
        let mut map = HashMap::default();
        for l in include_str!("../../assets/names.txt")
            .lines()
            .map(str::trim)
        {
            if l.starts_with('#') {
                if l.starts_with("# Surnames") {
                    surnames = true;
                } else if l.starts_with("# First names") {
                    surnames = false;
                }
                continue;
            }
            if l.is_empty() {
                continue;
            }
            let everyday = l.ends_with('*');
            let entry = map
                .entry(fold_str(l.trim_end_matches('*')))
                .or_insert((everyday, surnames));
            entry.0 |= everyday;
            entry.1 |= surnames;
        }
        map
    })
}
/// Suffixes the word list leaves out, and what the stem may have ended with.
const SUFFIXES: &[(&str, &[&str])] = &[
    ("iness", &["y"]),
    ("ness", &[""]),
    ("ies", &["y"]),
    ("ied", &["y"]),
    ("ily", &["y"]),
    ("ing", &["", "e"]),
    ("ers", &["", "e"]),
    ("est", &["", "e"]),
    ("es", &[""]),
    ("ed", &["", "e"]),
    ("er", &["", "e"]),
    ("ly", &[""]),
    ("s", &[""]),
];

fn in_dictionary(w: &str) -> bool {
    let d = dictionary();
    if d.contains(w) {
        return true;
    }
    SUFFIXES.iter().any(|(suf, reps)| {
        let Some(stem) = w.strip_suffix(suf) else {
            return false;
        };
        if stem.len() < 2 {
            return false;
        }
        let doubled = matches!(*suf, "ing" | "ed" | "er" | "ers" | "est")
            && stem.len() > 2
            && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
        reps.iter()
            .any(|r| d.contains(format!("{stem}{r}").as_str()))
            || (doubled && d.contains(&stem[..stem.len() - 1]))
    }) || w
        .strip_prefix("un")
        .is_some_and(|rest| rest.len() >= 5 && in_dictionary(rest))
}

/// Endings that mark the name of a medicine ("olanzapine", "lorazepam", "bisoprolol"):
/// no common personal name ends so.
#[rustfmt::skip]
const MEDICINE_ENDINGS: &[&str] = &[
    "apine", "dipine", "oxetine", "etine", "traline", "pramine", "triptyline", "azepam",
    "azolam", "olol", "pril", "sartan", "statin", "azole", "cillin", "mycin", "cycline",
    "oxacin", "tidine", "formin", "gliptin", "gliflozin", "parin", "xaban", "gatran",
    "umab", "ximab", "zumab", "tinib", "ciclovir", "tegravir", "profen", "fenac", "coxib",
    "morph", "codone", "orphine", "pentin", "gabalin", "iracetam", "trigine", "zodone",
    "peridone", "phenazine", "perazine", "lukast", "semide", "thiazide", "triptan",
    "setron", "terol", "tropium", "phylline", "dronate", "olone", "nisone", "methasone",
    "tamol", "idazole", "vudine", "navir", "glutide", "zepatide",
];

/// Whether a lowercase word ends like the name of a medicine, with a stem before it.
fn is_medicine_shaped(w: &str) -> bool {
    MEDICINE_ENDINGS.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic))
    })
}

/// Whether a lowercase word is an everyday word (or one of the field's own).
fn is_ordinary(w: &str) -> bool {
    if is_allowed(w) || in_dictionary(w) || other_words().contains(w) || is_medicine_shaped(w) {
        return true;
    }
    if w.contains('\'') {
        if w.ends_with("n't") {
            return true;
        }
        // English endings, and the Welsh ones: "mae'n", "hi'r", "i'w".
        if let Some((base, suf)) = w.rsplit_once('\'')
            && ["s", "re", "ve", "ll", "d", "m", "n", "r", "w", "i"].contains(&suf)
        {
            return base.chars().count() <= 1 || is_ordinary(base);
        }
        return false;
    }
    if w.contains(['-', '‐']) {
        // Parts by the English lists only: "Lily-Mae" is a name, though Welsh has "mae".
        return w.split(['-', '‐']).all(|p| {
            p.chars().count() <= 1
                || WORD_PREFIXES.contains(&p)
                || (is_ordinary(p) && !other_words().contains(p))
        });
    }
    false
}

/// What comes before a hyphen in everyday compounds ("co-production", "re-referral").
#[rustfmt::skip]
const WORD_PREFIXES: &[&str] = &[
    "co", "re", "ex", "un", "pre", "non", "anti", "self", "multi", "inter", "sub", "semi",
    "post", "mid", "de", "mis", "over", "under", "cross", "step", "half", "well", "neuro",
];

/// Mostly capitals ("NHS", "GPs", "DoLS", "PhD"): an acronym, not a name.
fn is_acronym(w: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in w.chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
            upper += usize::from(c.is_ascii_uppercase());
        } else {
            letters += usize::from(c.is_alphabetic());
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= 2 && upper * 2 > letters
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !is_acronym(w)
}

/// Words before the title of a song, a hymn, a prayer or a programme in quotes: verbs of
/// singing, playing, watching and praying, and the words for a song ("she sang "Ili Ili
/// Tulog Anay" to Florence", "the lullaby "…"").
#[rustfmt::skip]
const TITLE_VERBS: &[&str] = &[
    "sang", "sing", "sings", "singing", "hummed", "hums", "humming", "played", "plays",
    "playing", "watched", "watches", "watching", "recited", "recites", "reciting", "song",
    "hymn", "lullaby", "prayed", "prays",
];

/// The ranges of titles in quotes after a verb of singing, playing or watching (see
/// [`TITLE_VERBS`]): what is in them is no one.
fn quoted_titles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for open in ["\"", "“"] {
        for (i, _) in text.match_indices(open) {
            let before = text[..i].strip_suffix(' ').unwrap_or("");
            let verb = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !TITLE_VERBS.contains(&fold_str(verb).as_str()) {
                continue;
            }
            let from = i + open.len();
            if let Some(close) = text[from..].find(['"', '”']).filter(|&n| n <= 80) {
                out.push((from, from + close));
            }
        }
    }
    out
}

/// Whether `w` is capitalised or a single capital, an initial ("Nanna P").
fn capitalised_or_initial(w: &str) -> bool {
    capitalised(w) || (w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()))
}

/// Whether the word at `i` begins a sentence: the start of the text or a line, after
/// . ! ? : or a list, quote or heading marker (opening quotes and brackets skipped).
fn sentence_start(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let t = before
        .trim_end_matches(|c: char| (c.is_whitespace() && c != '\n') || "\"“‘'([*_«".contains(c));
    let Some(last) = t.chars().next_back() else {
        return true;
    };
    if matches!(last, '\n' | '.' | '!' | '?' | ':' | '…') {
        return true;
    }
    // A list or heading marker with nothing before it on the line: "- ", "1) ", "## ".
    // Markers are short: only the last few characters need looking at.
    let mut from = t.len().saturating_sub(16);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let line = match t[from..].rfind('\n') {
        Some(n) => &t[from + n + 1..],
        None if from == 0 => t,
        None => return false,
    };
    let rest = line.trim_start_matches(|c: char| {
        c.is_whitespace() || "-*+•>#–—)".contains(c) || c.is_ascii_digit()
    });
    rest.is_empty() && line.len() <= 12
}

/// Per line of `text`: whether the line is in title case ("Reflections After The Home
/// Visit"), where capitals say nothing about names.
fn title_case_lines(text: &str, toks: &[Tok]) -> Vec<bool> {
    let lines = text.matches('\n').count() + 1;
    let mut counts = vec![(0usize, 0usize); lines];
    let mut line = 0;
    let mut at = 0;
    for t in toks {
        line += text[at..t.start].matches('\n').count();
        at = t.start;
        let w = &text[t.start..t.base_end];
        if !t.letters || t.digits || w.chars().count() < 4 || is_acronym(w) {
            continue;
        }
        counts[line].0 += 1;
        if w.starts_with(char::is_uppercase) {
            counts[line].1 += 1;
        }
    }
    // Names are capitalised anywhere: on a line that looks like a title, count again
    // without them ("Referral for Bashiir Cali Jaamac, born 9 October" is no title).
    // A line that ends as a sentence does is a sentence, however many capitals it has
    // ("Mairéad Ní Dhomhnaill is the new Community Psychiatric Nurse.").
    let sentences = text
        .split('\n')
        .map(|l| l.trim_end().ends_with(['.', '!', '?']) && !l.trim_end().ends_with(".."));
    let mut titles: Vec<bool> = counts
        .iter()
        .zip(sentences)
        .map(|(&(all, caps), sentence)| !sentence && all >= 3 && caps * 4 >= all * 3)
        .collect();
    if titles.iter().any(|&t| t) {
        let mut counts = vec![(0usize, 0usize); lines];
        let (mut line, mut at) = (0, 0);
        for t in toks {
            line += text[at..t.start].matches('\n').count();
            at = t.start;
            let w = &text[t.start..t.base_end];
            if !titles[line] || !t.letters || t.digits || w.chars().count() < 4 || is_acronym(w) {
                continue;
            }
            let l = fold_str(w);
            if !is_ordinary(&l) || name_list().contains_key(&l) {
                continue;
            }
            counts[line].0 += 1;
            if w.starts_with(char::is_uppercase) {
                counts[line].1 += 1;
            }
        }
        for (t, (all, caps)) in titles.iter_mut().zip(counts) {
            *t = *t && all >= 3 && caps * 4 >= all * 3;
        }
    }
    titles
}

impl Checker {
    /// Adds name candidates; returns the unusual words of the names found, which are
    /// names wherever else they appear.
    fn names(
        &self,
        text: &str,
        words: Words<'_>,
        (masked, allowed): (&[(usize, usize)], &[Cand]),
        (known, unknown_asked): (&HashSet<String>, &mut Vec<u64>),
        out: &mut Vec<Cand>,
    ) -> HashSet<String> {
        let Words { toks, lowers } = words;
        let titles = title_case_lines(text, toks);
        let mut line_of = Vec::with_capacity(toks.len());
        let (mut line, mut at) = (0, 0);
        for t in toks {
            line += text[at..t.start].matches('\n').count();
            at = t.start;
            line_of.push(line);
        }
        // Tokens inside an allowed phrase ("Betsi Cadwaladr University Health Board")
        // neither start nor continue a name.
        let skip: Vec<bool> = toks
            .iter()
            .map(|t| {
                !t.letters
                    || t.digits
                    // "I'll", "I'd": the pronoun with its verb run in.
                    || (text.as_bytes()[t.start] == b'I'
                        && ["I'", "I’"].iter().any(|p| text[t.start..t.end].starts_with(p)))
                    || overlaps(masked, t.start, t.end)
                    || allowed.iter().any(|p| p.start <= t.start && t.end <= p.end)
            })
            .collect();
        let base = |t: &Tok| &text[t.start..t.base_end];
        let spaced_at = |a: usize, b: usize| &text[toks[a].end..toks[b].start] == " ";
        // A token's folded base. Tokens handed in are the text's own, so where one sits in
        // `toks` follows from its address; a search finds any other by its start.
        let lower = |t: &Tok| -> &str {
            let at = (std::ptr::from_ref(t)
                .addr()
                .wrapping_sub(toks.as_ptr().addr()))
                / std::mem::size_of::<Tok>();
            match toks.get(at) {
                Some(x) if std::ptr::eq(x, t) => &lowers[at],
                _ => &lowers[toks.partition_point(|x| x.start < t.start)],
            }
        };
        let user_allowed = |w: &str| self.allow_words.contains(w);
        // A word the text also writes in lowercase is an ordinary word here ("handover"
        // and "Handover"), whatever the word list says.
        // (Built on first use: most texts never ask.)
        let lower_seen_set: std::cell::OnceCell<HashSet<&str, FastHash>> =
            std::cell::OnceCell::new();
        let lower_seen = |l: &str| {
            lower_seen_set
                .get_or_init(|| {
                    // Not the words of an online handle: "shaq_tbm09" says nothing of "Shaq".
                    let in_handle = |t: &Tok| {
                        char_before(text, t.start).is_some_and(|c| c == '_' || c == '@')
                            || char_at(text, t.end) == Some('_')
                    };
                    toks.iter()
                        .filter(|t| {
                            t.letters
                                && text[t.start..].starts_with(char::is_lowercase)
                                && !in_handle(t)
                        })
                        .map(&lower)
                        .collect()
                })
                .contains(l)
        };
        // Whether a capitalised everyday word that is also a name (mid-sentence) is the
        // everyday word after all: inside a capitalised phrase ("the Mental Health
        // Bill"), or a colour of a rating ("from Red to Amber").
        let everyday_phrase = |k: usize| -> bool {
            let t = &toks[k];
            let prev_phrase = k > 0 && {
                let p = &toks[k - 1];
                let pl = lower(p);
                &text[p.end..t.start] == " "
                    && !skip[k - 1]
                    && capitalised(base(p))
                    && is_ordinary(pl)
                    && !name_list().contains_key(pl)
                    && !is_honorific(pl)
                    && !SOFT_HONORIFICS.contains(&base(p))
                    && !NICKNAME_SIZES.contains(&base(p))
                    && !sentence_start(text, p.start)
            };
            let rating = lower(t) == "amber"
                && toks.iter().enumerate().any(|(j, o)| {
                    line_of[j] == line_of[k] && ["red", "green", "rag"].contains(&lower(o))
                });
            prev_phrase || rating
        };
        // Whether a folded word is a name the export has already met, with its accents
        // or without them ("Zdenek" in the title, "Zdeněk" in the body).
        // What was asked and not found is written down: a redactor may reuse this scan
        // while none of those words has become known.
        let asked = std::cell::RefCell::new(std::mem::take(unknown_asked));
        let learned = |l: &str| {
            let plain = (!l.is_ascii()).then(|| without_accents(l));
            let hit = known.contains(l) || plain.as_ref().is_some_and(|p| known.contains(p));
            if !hit {
                let mut asked = asked.borrow_mut();
                asked.push(word_hash(l));
                asked.extend(plain.as_deref().map(word_hash));
            }
            hit
        };
        // Whether token k is a name by itself.
        let is_name = |k: usize| -> bool {
            if skip[k] || pet_name_at(text, toks, k) {
                return false;
            }
            let t = &toks[k];
            let w = base(t);
            let l = lower(t);
            // What a language, a law, a place or a word of respect makes of a word that
            // is also a name: "Shona-speaking clients", "Clare's Law", "Hong Kong"
            // (two words of a place the lists know, side by side), "Bibi ji".
            let next_is = |words: &[&str]| {
                toks.get(k + 1).is_some_and(|n| {
                    words.contains(&&text[n.start..n.end])
                        && matches!(&text[t.end..n.start], " " | "'s " | "’s " | "' " | "’ ")
                })
            };
            let known_pair = |a: usize, b: usize| {
                b < toks.len()
                    && !skip[a]
                    && !skip[b]
                    && spaced_at(a, b)
                    && toks[a].base_end == toks[a].end
                    && capitalised(base(&toks[a]))
                    && capitalised(base(&toks[b]))
                    && other_words().contains(lower(&toks[a]))
                    && other_words().contains(lower(&toks[b]))
            };
            if (l.contains(['-', '‐'])
                && ["-speaking", "-speaker", "-speakers", "‐speaking"]
                    .iter()
                    .any(|s| l.ends_with(s)))
                || (w.starts_with(char::is_uppercase) && ANIMALS.contains(&l))
                || (t.base_end != t.end && next_is(&["Law", "Laws"]))
                // A method by its maker ("Bobath-based", "Montessori-style"), an eponym
                // no list names anyone by ("Broca's area", "Wernicke's aphasia") and a
                // service's name run together ("SignVideo", "StreetLink").
                || (l.contains(['-', '‐'])
                    && ["-based", "-informed", "-style", "-inspired", "-type"]
                        .iter()
                        .any(|s| l.ends_with(s)))
                || (t.base_end != t.end
                    && next_is(&[
                        "area", "aphasia", "disease", "syndrome", "palsy", "reflex", "test",
                        "sign", "score", "scale", "bodies",
                    ])
                    && !name_list().contains_key(l))
                // "Kussmaul breathing", "a Guthrie test": a sign or a test by its maker.
                || (toks.get(k + 1).is_some_and(|n| {
                    matches!(text.as_bytes()[n.start], b'b' | b'r' | b't' | b's')
                }) && next_is(&["breathing", "respiration", "test", "sign", "bodies"])
                    && !name_list().contains_key(l))
                || run_together(w)
                || known_pair(k, k + 1)
                || (k >= 1 && known_pair(k - 1, k))
                || (t.base_end == t.end
                    && other_words().contains(l)
                    && next_is(&["ji", "Ji", "jee", "sahib", "Sahib"]))
                // "he is from Lewis originally", "they are originally from Harris": where
                // someone comes from, a listed name that is also a place. Only after "is",
                // "are", "was"…: "the complaint came from Sandra originally" names
                // someone; and a word no list has ("from Prestwich originally") stays a
                // small place, flagged.
                || (k >= 2
                    && t.base_end == t.end
                    && name_list().contains_key(l)
                    && lower(&toks[k - 1]) == "from"
                    && spaced_at(k - 1, k)
                    && {
                        let (be, after) = if lower(&toks[k - 2]) == "originally" {
                            (k.checked_sub(3), true)
                        } else {
                            (Some(k - 2), next_is(&["originally"]))
                        };
                        after
                            && be.is_some_and(|b| {
                                spaced_at(b, b + 1) && BEING.contains(&lower(&toks[b]))
                            })
                    })
            {
                return false;
            }
            // A word in capitals is an acronym, never a name, unless it is a name already
            // known, written in capitals for weight ("ZDENĚK wants to stay"), or a listed
            // name that is no everyday word ("ADEBAYO OKONKWO - URGENT"): the list says
            // what an acronym cannot.
            if !w.chars().any(char::is_lowercase)
                && w.chars().count() >= 3
                && !user_allowed(l)
                && (learned(l)
                    || (!is_allowed(l)
                        && name_list().get(l).is_some_and(|&(everyday, _)| !everyday)
                        && !in_dictionary(l)
                        && !other_words().contains(l)))
            {
                return true;
            }
            if w.chars().count() < 2 || is_acronym(w) || user_allowed(l) || is_honorific(l) {
                return false;
            }
            let cap = w.starts_with(char::is_uppercase);
            let mid = || !sentence_start(text, t.start) && !titles[line_of[k]];
            if is_allowed(l) {
                return false;
            }
            if cap && is_hyphenated_name(w, l) && !lower_seen(l) {
                return true;
            }
            // After a verb of contact ("Rang Aisling back", "spoke to Florin"), a
            // capitalised word is a name unless it is itself a word: the word list, not
            // what its endings suggest ("Aisling" is not "aisle" + "ing").
            if cap
                && after_contact_verb(text, toks, k)
                && !STOPWORDS.contains(&l)
                && !is_plainly_ordinary(l)
                && !lower_seen(l)
            {
                return true;
            }
            // "Dawn asked", "Willow and her sister": a first name that is also a word,
            // where a sentence starts, before what only a person does.
            // Mid-sentence, the same before an age or what a person does: "placement of
            // Summer (10)", not "in Summer (3 weeks)".
            // `foreign`: a listed name that is a word only in another language ("Selam").
            let given_word_name = |foreign: bool| {
                cap && (foreign || GIVEN_WORD_NAMES.contains(&l))
                    && !titles[line_of[k]]
                    && (sentence_start(text, t.start)
                        || (!everyday_phrase(k)
                            && k.checked_sub(1).is_none_or(|p| {
                                ![
                                    "the", "in", "during", "this", "last", "next", "every",
                                    "since", "until", "till", "by", "a",
                                ]
                                .contains(&lower(&toks[p]))
                            })))
                    && person_cue_after(text, toks, k)
            };
            if let Some(&(everyday, _)) = name_list().get(l) {
                return if cap {
                    !everyday
                        || (mid() && !everyday_phrase(k))
                        || given_word_name(!in_dictionary(l) && !HELPING_VERBS.contains(&l))
                } else {
                    !everyday && !is_ordinary(l)
                };
            }
            // Where a sentence starts every word is capitalised, so a word in none of the
            // word lists is a name there only when what follows says it is someone:
            // "Rebaz came to the drop-in", "Rowena is worried", "Radek and I walked".
            // The cue may follow the whole name: "Mairéad Ní Dhomhnaill is the new
            // Community Psychiatric Nurse".
            let name_end = || {
                let mut j = k;
                let word_at = |n: usize| {
                    n < toks.len()
                        && !skip[n]
                        && toks[n - 1].base_end == toks[n - 1].end
                        && &text[toks[n - 1].end..toks[n].start] == " "
                };
                let unusual = |n: usize| {
                    let (nw, nl) = (base(&toks[n]), lower(&toks[n]));
                    capitalised(nw) && !is_ordinary(nl) && !is_allowed(nl) && !user_allowed(nl)
                };
                while j < k + 3 {
                    if word_at(j + 1) && unusual(j + 1) {
                        j += 1;
                    } else if word_at(j + 1)
                        && NAME_PARTICLES.contains(&lower(&toks[j + 1]))
                        && word_at(j + 2)
                        && unusual(j + 2)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                j
            };
            let starts_before_cue = || {
                sentence_start(text, t.start)
                    && !titles[line_of[k]]
                    && w.chars().count() >= 3
                    && !STOPWORDS.contains(&l)
                    && !SOFT_HONORIFICS.contains(&w)
                    && (person_cue_after(text, toks, k) || action_after(text, toks, k) || {
                        let e = name_end();
                        e != k && (person_cue_after(text, toks, e) || action_after(text, toks, e))
                    })
            };
            let unusual_here =
                || (mid() && !thing_after_determiner(text, toks, k)) || starts_before_cue();
            // A first name that is also a word is written in lowercase too as the word
            // ("Summer had a good day ... the summer fair"): that says nothing of it.
            given_word_name(false)
                || (cap && (learned(l) || (!is_ordinary(l) && unusual_here())) && !lower_seen(l))
        };
        // Whether token k may continue a name ("Sarah Jones", "Dr Ngozi Okafor"). A
        // weekday's short form may, after a word with a Vietnamese mark and with no date
        // after it ("Phạm Thu, 19").
        let continues = |k: usize, prev: &Tok| -> bool {
            let Some(t) = toks.get(k) else { return false };
            let l = lower(t);
            let given_day = || {
                CALENDAR.contains(&l)
                    && l.len() == 3
                    && !base(prev).is_ascii()
                    && !text[t.end..]
                        .trim_start_matches(' ')
                        .starts_with(|c: char| c.is_ascii_digit())
            };
            !skip[k]
                && prev.base_end == prev.end
                && &text[prev.end..t.start] == " "
                && capitalised(base(t))
                && base(t).chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !user_allowed(l)
                && !is_honorific(l)
                && (!is_allowed(l) || THEORISTS.contains(&l) || PEOPLES.contains(&l) || given_day())
                && !FLAT_WORDS.contains(&l)
        };
        // "daughter Jade", "Grandson Ka Ho", "her mam Bridget": a capitalised word after a
        // word of family, even one that is also a word, unless it is only an English
        // word and no one's name ("the baby Unit"). A role written in lowercase does the
        // same: "support worker Jade", "Team leader Femi".
        let after_kin = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let Some(mut p) = k.checked_sub(1) else {
                return false;
            };
            // "his birth mum is Destiny": the family word, "is" and the name.
            if p >= 1
                && ["is", "was"].contains(&lower(&toks[p]))
                && spaced_at(p - 1, p)
                && spaced_at(p, k)
                && KIN_BEFORE_NAMES.contains(&lower(&toks[p - 1]))
            {
                p -= 1;
            }
            let english = |l: &str| {
                let d = dictionary();
                d.contains(l) || l.strip_suffix('s').is_some_and(|w| d.contains(w))
            };
            let role = || {
                base(&toks[p]).starts_with(char::is_lowercase)
                    && ROLE_NOUNS.contains(&lower(&toks[p]))
                    && !["patient", "resident", "tenant", "client", "lodger", "baby"]
                        .contains(&lower(&toks[p]))
            };
            w.starts_with(char::is_uppercase)
                && !skip[p]
                && (KIN_BEFORE_NAMES.contains(&lower(&toks[p])) || role())
                && toks[p].base_end == toks[p].end
                && (p + 1 < k || &text[toks[p].end..t.start] == " ")
                && !titles[line_of[k]]
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !SOFT_HONORIFICS.contains(&w)
                && (!is_allowed(l) || THEORISTS.contains(&l))
                && !user_allowed(l)
                && !is_thing(l)
                && (name_list().contains_key(l) || GIVEN_WORD_NAMES.contains(&l) || !english(l))
        };
        // "the dog Bonnie", "his dog Sabre": a pet by its name, right after the animal, or
        // between commas after it ("the dog, Scamp, and I"), the animal capitalised where
        // a sentence starts ("Dog Bran jumped up").
        let after_animal = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let gap = &text[toks[p].end..t.start];
            let apposed = gap == ", " && text[t.end..].starts_with(',');
            w.starts_with(char::is_uppercase)
                && ANIMALS.contains(&lower(&toks[p]))
                && toks[p].base_end == toks[p].end
                && (gap == " " || apposed)
                && (base(&toks[p]).starts_with(char::is_lowercase)
                    || sentence_start(text, toks[p].start))
                && !titles[line_of[k]]
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
                && !is_thing(l)
                // An English word names the pet where a verb follows or the clause ends
                // ("his dog Sabre is with his sister"), not before a noun ("the dog Food
                // bowl").
                && (!is_plainly_ordinary(l)
                    || name_list().contains_key(l)
                    || apposed
                    || toks.get(k + 1).is_none_or(|n| {
                        let nl = lower(n);
                        &text[t.end..n.start] != " "
                            || LINKING_VERBS.contains(&nl)
                            || HELPING_VERBS.contains(&nl)
                            || is_person_verb(nl)
                            || nl.ends_with("ing")
                            || nl.ends_with("ed")
                            || STOPWORDS.contains(&nl)
                    }))
        };
        // "Cats Smudge, Tinker and Bramble": the names after a pet's, in its list.
        let pet_in_list = |k: usize| -> bool {
            let (w, l) = (base(&toks[k]), lower(&toks[k]));
            if !capitalised(w)
                || w.chars().count() < 2
                || STOPWORDS.contains(&l)
                || is_allowed(l)
                || user_allowed(l)
                || is_thing(l)
            {
                return false;
            }
            let mut j = k;
            for _ in 0..6 {
                let prev = if j >= 1 && &text[toks[j - 1].end..toks[j].start] == ", " {
                    j - 1
                } else if j >= 2
                    && base(&toks[j - 1]) == "and"
                    && spaced_at(j - 2, j - 1)
                    && spaced_at(j - 1, j)
                {
                    j - 2
                } else {
                    return false;
                };
                if skip[prev]
                    || toks[prev].base_end != toks[prev].end
                    || !capitalised(base(&toks[prev]))
                {
                    return false;
                }
                if after_animal(prev) {
                    return true;
                }
                j = prev;
            }
            false
        };
        // "the Parrys", "the Joneses": a family by its surname, in the plural.
        let family_plural = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let surname = |stem: &str| {
                name_list()
                    .get(stem)
                    .is_some_and(|&(everyday, surname)| surname && !everyday)
            };
            k >= 1
                && lower(&toks[k - 1]) == "the"
                && &text[toks[k - 1].end..t.start] == " "
                && capitalised(w)
                && !titles[line_of[k]]
                && !is_allowed(l)
                && !user_allowed(l)
                && (l.strip_suffix("es").is_some_and(surname)
                    || l.strip_suffix('s').is_some_and(surname))
        };
        let mut covered = vec![false; toks.len()];
        let mut found: Vec<(usize, usize)> = Vec::new(); // token ranges of names
        let mut k = 0;
        while k < toks.len() {
            if skip[k] || covered[k] {
                k += 1;
                continue;
            }
            let t = &toks[k];
            let l = lower(t);
            let w = base(t);
            // An honorific and the name after it.
            // "miss" in lowercase after "to", a pronoun or a helping verb is the verb: "to
            // miss Jummah", "didn't miss Eid".
            let missing = w == "miss"
                && k >= 1
                && spaced_at(k - 1, k)
                && (HELPING_VERBS.contains(&lower(&toks[k - 1]))
                    || [
                        "to", "not", "don't", "don’t", "i", "you", "we", "they", "he", "she",
                    ]
                    .contains(&lower(&toks[k - 1])));
            let strong =
                is_honorific(l) && (w.starts_with(char::is_uppercase) || w == l) && !missing;
            let soft = SOFT_HONORIFICS.contains(&w);
            if (strong || soft) && t.base_end == t.end {
                let mut j = k + 1;
                let mut gap_end = t.end;
                if text[gap_end..].starts_with('.') {
                    gap_end += 1;
                }
                // An initial may come between: "Mr J. Smith", "Mrs A Patel".
                let gap_ok = |from: usize, to: usize| {
                    let g = &text[from..to];
                    !g.is_empty() && g.len() <= 2 && g.chars().all(|c| c == ' ')
                };
                if let Some(n) = toks.get(j)
                    && gap_ok(gap_end, n.start)
                    && n.end - n.start == 1
                    && base(n).starts_with(|c: char| c.is_ascii_uppercase())
                    && let Some(m) = toks.get(j + 1)
                {
                    let mut e = n.end;
                    if text[e..].starts_with('.') {
                        e += 1;
                    }
                    if gap_ok(e, m.start) {
                        gap_end = e;
                        j += 1;
                    }
                }
                if let Some(n) = toks.get(j)
                    && !skip[j]
                    && gap_ok(gap_end, n.start)
                {
                    let nl = lower(n);
                    let nw = base(n);
                    // "Mr T - cath bag leaking": one capital alone after a title is the
                    // person it stands for.
                    let initial = nw.len() == 1
                        && nw != "I"
                        && nw.bytes().all(|c| c.is_ascii_uppercase())
                        && !text[n.end..].starts_with(['\'', '’']);
                    let named = if strong {
                        ((nw.starts_with(char::is_uppercase) || !is_ordinary(nl))
                            && !STOPWORDS.contains(&nl)
                            && nw.chars().count() >= 2)
                            || initial
                    } else {
                        capitalised(nw)
                            && (name_list().contains_key(nl) || !is_ordinary(nl))
                            && !is_allowed(nl)
                    };
                    if named && !user_allowed(nl) {
                        let mut last = j;
                        while last < j + 2 && continues(last + 1, &toks[last]) {
                            last += 1;
                        }
                        for c in &mut covered[k..=last] {
                            *c = true;
                        }
                        found.push((k, last));
                        k = last + 1;
                        continue;
                    }
                }
            }
            // An initial and a surname: "K. Okafor".
            if w.chars().count() == 1
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && text[t.end..].starts_with(". ")
                && let Some(n) = toks.get(k + 1)
                && n.start == t.end + 2
                && !skip[k + 1]
                && capitalised(base(n))
                && (name_list().contains_key(lower(n)) || !is_ordinary(lower(n)))
                && !is_allowed(lower(n))
                && !user_allowed(lower(n))
            {
                covered[k] = true;
                covered[k + 1] = true;
                found.push((k, k + 1));
                k += 2;
                continue;
            }
            if is_name(k) || after_kin(k) || family_plural(k) || after_animal(k) || pet_in_list(k) {
                let mut last = k;
                while last < k + 2 && continues(last + 1, &toks[last]) {
                    last += 1;
                }
                for c in &mut covered[k..=last] {
                    *c = true;
                }
                found.push((k, last));
                k = last + 1;
                continue;
            }
            k += 1;
        }
        // Once part of a name is caught, the whole of it is: a first name before a caught
        // surname where a sentence starts ("María García"), a particle ("Dafydd ap
        // Ifan", "Pádraig Ó Súilleabháin"), a capitalised word that can only be a name
        // there ("Nguyễn Thị An"), a surname in lowercase ("Joanne hale").
        let mid_at = |k: usize| !sentence_start(text, toks[k].start) && !titles[line_of[k]];
        let spaced = |a: usize, b: usize| &text[toks[a].end..toks[b].start] == " ";
        // Whether token k may be a word of a name next to one already caught.
        let name_like = |k: usize| -> bool {
            let (t, l) = (&toks[k], lower(&toks[k]));
            !skip[k]
                && capitalised(base(t))
                && !STOPWORDS.contains(&l)
                && (!is_allowed(l) || THEORISTS.contains(&l))
                && !user_allowed(l)
                && !FLAT_WORDS.contains(&l)
                // "a Staffie Tyson": the animal before a pet's name is no part of it.
                && !ANIMALS.contains(&l)
                && (name_list().get(l).is_some_and(|&(e, _)| !e)
                    || is_honorific(l)
                    || SOFT_HONORIFICS.contains(&base(t))
                    || !is_ordinary(l))
        };
        let particle = |k: usize| -> bool {
            !skip[k]
                && (NAME_PARTICLES.contains(&lower(&toks[k]))
                    || (CELTIC_ARTICLES.contains(&base(&toks[k]))
                        && toks[k].base_end == toks[k].end))
        };
        // "Tŷ Olwen", "Pen y Cae Farm": a word that opens the name of a place, before a
        // name caught (with an article between, for most of them).
        let place_head = |k: usize, article: bool| -> bool {
            let l = lower(&toks[k]);
            !skip[k]
                && base(&toks[k]).starts_with(char::is_uppercase)
                && toks[k].base_end == toks[k].end
                && CELTIC_PLACE_HEADS.contains(&l)
                && (article || CELTIC_PLACE_HEADS[..5].contains(&l))
        };
        for span in &mut found {
            let single = span.0 == span.1;
            for _ in 0..4 {
                let (a, b) = *span;
                // Backwards: a name word, or a particle with a name word before it.
                if a >= 1 && spaced(a - 1, a) && toks[a - 1].base_end == toks[a - 1].end {
                    // "Faith Adjei missed it", "an officer: Lee Marsden": a listed name that
                    // is also a word, where a sentence starts, before a name caught; and
                    // mid-sentence, a first name that is a word ("room 2 Jade McLeish").
                    let given_word = || {
                        let p = &toks[a - 1];
                        let pl = lower(p);
                        !skip[a - 1]
                            && capitalised(base(p))
                            && !is_allowed(pl)
                            && !user_allowed(pl)
                            && ((sentence_start(text, p.start)
                                && (GIVEN_WORD_NAMES.contains(&pl)
                                    || name_list().get(pl).is_some_and(|&(e, _)| e)))
                                || (mid_at(a - 1)
                                    && (GIVEN_WORD_NAMES.contains(&pl)
                                        || name_list()
                                            .get(pl)
                                            .is_some_and(|&(e, surname)| e && !surname))))
                    };
                    if name_like(a - 1) || given_word() {
                        span.0 = a - 1;
                        continue;
                    }
                    if a >= 2
                        && particle(a - 1)
                        && spaced(a - 2, a - 1)
                        && (name_like(a - 2) || place_head(a - 2, true))
                    {
                        span.0 = a - 2;
                        continue;
                    }
                    // Two particles: "Joanna van der Westhuizen".
                    if a >= 3
                        && particle(a - 1)
                        && particle(a - 2)
                        && spaced(a - 2, a - 1)
                        && spaced(a - 3, a - 2)
                        && name_like(a - 3)
                    {
                        span.0 = a - 3;
                        continue;
                    }
                    if place_head(a - 1, false) {
                        span.0 = a - 1;
                        continue;
                    }
                }
                let Some(n) = (b + 1 < toks.len()).then_some(b + 1) else {
                    break;
                };
                if !spaced(b, n) || toks[b].base_end != toks[b].end || skip[n] {
                    break;
                }
                let nl = lower(&toks[n]);
                let nw = base(&toks[n]);
                let next_name = |m: usize| m < toks.len() && spaced(m - 1, m) && name_like(m);
                if particle(n) && next_name(n + 1) {
                    span.1 = n + 1;
                } else if particle(n)
                    && n + 1 < toks.len()
                    && spaced(n, n + 1)
                    && particle(n + 1)
                    && next_name(n + 2)
                {
                    span.1 = n + 2;
                } else if capitalised(nw) && name_like(n) {
                    span.1 = n;
                } else if capitalised(nw)
                    && STOPWORDS.contains(&nl)
                    && !["i", "a"].contains(&nl)
                    && mid_at(n)
                {
                    // "Met Nguyễn Thị An today": a capitalised "An" mid-sentence.
                    span.1 = n;
                } else if single
                    && b == a
                    && nw.starts_with(char::is_lowercase)
                    && nw.chars().count() >= 2
                    && !STOPWORDS.contains(&nl)
                    && (name_list().get(nl).is_some_and(|&(_, surname)| surname)
                        || !is_ordinary(nl))
                    && !NOT_LOWERCASE_SURNAMES.contains(&nl)
                    && !is_allowed(nl)
                    && !user_allowed(nl)
                {
                    span.1 = n;
                } else {
                    break;
                }
            }
            for c in &mut covered[span.0..=span.1] {
                *c = true;
            }
        }
        // A listed name that is also an everyday word, where a sentence starts, is a name
        // when a name joins it: "Bill and Frank left early", "Mark & Faith".
        let starts: HashSet<usize> = found.iter().map(|&(a, _)| a).collect();
        for k in 0..toks.len().saturating_sub(1) {
            let t = &toks[k];
            let joined = if [" & ", " + "].contains(&&text[t.end..toks[k + 1].start]) {
                starts.contains(&(k + 1))
            } else {
                toks.get(k + 2).is_some_and(|next| {
                    let and = &toks[k + 1];
                    base(and) == "and"
                        && &text[t.end..and.start] == " "
                        && &text[and.end..next.start] == " "
                        && starts.contains(&(k + 2))
                })
            };
            if !covered[k]
                && !skip[k]
                && capitalised(base(t))
                && name_list().get(lower(t)).is_some_and(|&(e, _)| e)
                && !user_allowed(lower(t))
                && t.base_end == t.end
                && joined
            {
                covered[k] = true;
                found.push((k, k));
            }
        }
        // Names in a list joined by "and" or "&" ("Callum and Jade did the baking",
        // "Ola, Jade & Priya"): once one of them is caught, another that is one
        // capitalised word is a name too, unless this text also writes it in
        // lowercase, or it is plainly a word (see `list_acts`).
        let item_ends: std::collections::HashMap<usize, usize> = found.iter().copied().collect();
        // The list's items from token k, each item's first and last token, and whether
        // "and" or "&" joins two of them (a list of commas only is no list of people).
        let list_from = |k: usize| -> (Vec<(usize, usize)>, bool) {
            let mut items = Vec::new();
            let mut joined_by_and = false;
            let mut a = k;
            loop {
                let b = item_ends.get(&a).copied().unwrap_or(a);
                items.push((a, b));
                let Some(n) = toks.get(b + 1) else { break };
                let gap = &text[toks[b].end..n.start];
                if toks[b].base_end != toks[b].end {
                    break;
                }
                if gap == " & " || gap == ", & " || gap == " + " {
                    a = b + 1;
                    joined_by_and = true;
                } else if (gap == " " || gap == ", ")
                    && base(n) == "and"
                    && toks
                        .get(b + 2)
                        .is_some_and(|m| &text[n.end..m.start] == " ")
                {
                    a = b + 2;
                    joined_by_and = true;
                } else if gap == ", " && items.len() < 8 {
                    a = b + 1;
                } else {
                    break;
                }
            }
            (items, joined_by_and)
        };
        // A plain word in a list ("Callum and Jade", "Sarah and Finance") is a name
        // only when the list is followed by what it did ("Callum and Jade did the
        // baking"), not by where or when ("Met Callum and Probation at the office").
        let list_acts = |last: usize| {
            let verb_next = toks.get(last + 1).is_some_and(|n| {
                let nl = lower(n);
                &text[toks[last].end..n.start] == " "
                    && toks[last].base_end == toks[last].end
                    && base(n).starts_with(char::is_lowercase)
                    && n.letters
                    && !n.digits
                    && !STOPWORDS.contains(&nl)
                    && !WHERE_OR_WHEN.contains(&nl)
            });
            verb_next || person_cue_after(text, toks, last) || action_after(text, toks, last)
        };
        let partner = |k: usize, last: usize| -> bool {
            let t = &toks[k];
            let l = lower(t);
            let w = base(t);
            let alone = toks
                .get(k + 1)
                .is_none_or(|n| !(spaced(k, k + 1) && capitalised(base(n))));
            !skip[k]
                && !covered[k]
                && alone
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !is_allowed(l)
                && !user_allowed(l)
                && !FLAT_WORDS.contains(&l)
                && !lower_seen(l)
                // "and I've been": a pronoun with its verb run in.
                && !l.starts_with("i'")
                && !l.starts_with("i’")
                // Where a sentence starts, a word its ending makes one ("Redressed,
                // Aquacel and ...") opens no list of people.
                && !(sentence_start(text, t.start) && is_ordinary(l) && !name_list().contains_key(l))
                && (!is_plainly_ordinary(l)
                    || name_list().contains_key(l)
                    || is_hyphenated_name(w, l)
                    || (mid_at(k) && list_acts(last)))
        };
        let mut joined = Vec::new();
        for k in 0..toks.len() {
            if skip[k] || !capitalised(base(&toks[k])) {
                continue;
            }
            let (items, joined_by_and) = list_from(k);
            if !joined_by_and || items.len() < 2 || !items.iter().any(|i| found.contains(i)) {
                continue;
            }
            let last = items.last().map_or(k, |&(_, b)| b);
            for &(a, b) in &items {
                if a == b && !found.contains(&(a, b)) && partner(a, last) {
                    joined.push((a, a));
                }
            }
        }
        for (a, b) in joined {
            covered[a] = true;
            found.push((a, b));
        }
        // Children listed with their ages, "Yazan (12), Lama (9), Joud (3)": once one of
        // them is caught, a capitalised word beside it with an age of its own is a name
        // too, whatever else it is.
        let aged = |k: usize| {
            toks.get(k + 1).is_some_and(|n| {
                n.digits
                    && !n.letters
                    && n.end - n.start <= 2
                    && &text[toks[k].end..n.start] == " ("
                    && text[n.end..].starts_with(')')
            })
        };
        let mut listed = Vec::new();
        for k in 0..toks.len() {
            let l = lower(&toks[k]);
            if covered[k]
                || skip[k]
                || !aged(k)
                || !capitalised(base(&toks[k]))
                || base(&toks[k]).chars().count() < 2
                || STOPWORDS.contains(&l)
                || is_allowed(l)
                || user_allowed(l)
                || lower_seen(l)
            {
                continue;
            }
            let before = k >= 2
                && covered[k - 2]
                && aged(k - 2)
                && &text[toks[k - 1].end..toks[k].start] == "), ";
            let after = k + 2 < toks.len()
                && covered[k + 2]
                && aged(k + 2)
                && text[toks[k + 1].end..toks[k + 2].start].starts_with("), ");
            if before || after {
                listed.push(k);
            }
        }
        for k in listed {
            covered[k] = true;
            found.push((k, k));
        }
        // Two names in lowercase joined by "and", one caught and the other a listed name:
        // "tyler and mason were winding each other up".
        let ends: HashSet<usize> = found.iter().map(|&(_, b)| b).collect();
        for k in 0..toks.len().saturating_sub(2) {
            let (x, and, y) = (&toks[k], &toks[k + 1], &toks[k + 2]);
            if base(and) != "and"
                || &text[x.end..and.start] != " "
                || &text[and.end..y.start] != " "
                || x.base_end != x.end
                || !base(x).starts_with(char::is_lowercase)
                || !base(y).starts_with(char::is_lowercase)
            {
                continue;
            }
            let other = if ends.contains(&k) && !covered[k + 2] {
                k + 2
            } else if starts.contains(&(k + 2)) && !covered[k] {
                k
            } else {
                continue;
            };
            let l = lower(&toks[other]);
            // A listed name, or a word that is no word at all: "jayden and kez".
            if !skip[other]
                && (name_list().contains_key(l) || (l.chars().count() >= 3 && !is_ordinary(l)))
                && !STOPWORDS.contains(&l)
                && !HELPING_VERBS.contains(&l)
                && !CALENDAR.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
            {
                covered[other] = true;
                found.push((other, other));
            }
        }
        // A capitalised word between two names caught is a middle name, whatever else it
        // is ("Phạm Thu Hà", with "Thu" also short for Thursday).
        found.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for &(a, b) in &found {
            if let Some(last) = merged.last_mut()
                && a == last.1 + 2
                && spaced(last.1, last.1 + 1)
                && spaced(last.1 + 1, a)
                && toks[last.1].base_end == toks[last.1].end
                && toks[last.1 + 1].base_end == toks[last.1 + 1].end
                && !skip[last.1 + 1]
                && capitalised(base(&toks[last.1 + 1]))
                && !STOPWORDS.contains(&lower(&toks[last.1 + 1]))
            {
                covered[last.1 + 1] = true;
                last.1 = b;
            } else if merged.last().is_none_or(|l| l.1 < a) {
                merged.push((a, b));
            }
        }
        found = merged;
        for span in &mut found {
            let a = span.0;
            // "Big Mick", "Little Jo", "Wee Davie": a word of size or age before a name
            // is part of the nickname, and so is a stage name's "DJ" or "MC".
            if a >= 1
                && spaced(a - 1, a)
                && !skip[a - 1]
                && !covered[a - 1]
                && (NICKNAME_SIZES.contains(&base(&toks[a - 1]))
                    || STAGE_NAME_HEADS.contains(&base(&toks[a - 1])))
            {
                covered[a - 1] = true;
                span.0 = a - 1;
            }
            // "Priya R.", "Claire O. from the team", "DJ Danny M": one capital after a
            // name is the initial of a surname.
            let b = span.1;
            if let Some(n) = toks.get(b + 1) {
                let (nw, after) = (base(n), &text[n.end..]);
                if spaced(b, b + 1)
                    && toks[b].base_end == toks[b].end
                    && !skip[b + 1]
                    && !covered[b + 1]
                    && nw.len() == 1
                    && nw.bytes().all(|c| c.is_ascii_uppercase())
                    && (after.starts_with('.')
                        || (nw != "I"
                            && nw != "A"
                            && (after.is_empty()
                                || after.starts_with(['"', '”', '’', ',', ';', ')', '\n']))))
                {
                    covered[b + 1] = true;
                    span.1 = b + 1;
                }
            }
        }
        // A name's nickname in brackets after it: "Shaquille Thompson (Shaq)",
        // "zbigniew (zbyszek)", one word that is no everyday one, or capitalised.
        let mut nicknames = Vec::new();
        // A name that is also a word, before the full name in brackets: "Bill (Mr
        // William Dunn)".
        for &(a, b) in &found {
            let Some(p) = a.checked_sub(1) else { continue };
            let (pw, pl) = (base(&toks[p]), lower(&toks[p]));
            if &text[toks[p].end..toks[a].start] == " ("
                && text[toks[b].end..].starts_with(')')
                && toks[p].base_end == toks[p].end
                && !skip[p]
                && !covered[p]
                && capitalised(pw)
                && pw.chars().count() >= 2
                && (name_list().contains_key(pl) || !is_ordinary(pl))
                && !STOPWORDS.contains(&pl)
                && !is_allowed(pl)
                && !user_allowed(pl)
                && !is_honorific(pl)
            {
                nicknames.push((p, p));
            }
        }
        // Who was at a meeting, after "Present:" or "Apologies:": each item of the list
        // is someone, by name, short form or initials ("Present: AB, JK, Shaz, Priya R.,
        // me"), unless it is a role or a word of family ("Mum", "the GP", "SW").
        for (k, t) in toks.iter().enumerate() {
            if !ATTENDANCE.contains(&lower(t))
                || !text[t.end..].starts_with(':')
                || !sentence_start(text, t.start)
            {
                continue;
            }
            let line_end = text[t.end..].find('\n').map_or(text.len(), |i| t.end + i);
            let mut j = k + 1;
            while j < toks.len() && toks[j].start < line_end {
                // An item: up to three words, one space apart, after ": ", ", ", "& " or
                // "and ".
                let gap = &text[toks[j - 1].end..toks[j].start];
                let after_initial = gap.starts_with('.')
                    && base(&toks[j - 1]).chars().count() == 1
                    && toks[j - 1].start == toks[j - 1].end - 1;
                let gap = if after_initial { &gap[1..] } else { gap };
                if lower(&toks[j]) == "and" && [" ", ", "].contains(&gap) {
                    j += 1;
                    continue;
                }
                if ![": ", ", ", " & ", ", & "].contains(&gap) {
                    break;
                }
                let mut e = j;
                while e + 1 < toks.len() && e < j + 2 && spaced(e, e + 1) {
                    e += 1;
                }
                let item = j..=e;
                let first = lower(&toks[j]);
                let person = item.clone().all(|m| {
                    !skip[m] && !covered[m] && base(&toks[m]).starts_with(char::is_uppercase)
                }) && !STOPWORDS.contains(&first)
                    && !is_allowed(first)
                    && !user_allowed(first)
                    && !ROLE_ACRONYMS.contains(&base(&toks[j]))
                    && !COMMON_ABBREVIATIONS.contains(&base(&toks[j]))
                    && !ROLE_NOUNS.contains(&first)
                    && !(is_honorific(first) && j == e)
                    // "Probation", "Housing": a service by its word.
                    && (j != e
                        || is_acronym(base(&toks[j]))
                        || !is_plainly_ordinary(first)
                        || name_list().contains_key(first));
                if person {
                    nicknames.push((j, e));
                }
                j = e + 1;
            }
        }
        // The name someone goes by: "calls herself Jinx", "started calling Pauline
        // "Nanna P"" (quoted, with a name or an initial in it). A pet "called Tyson" is
        // no one (see `pet_name_at`).
        for k in 0..toks.len().saturating_sub(2) {
            if !["call", "calls", "called", "calling"].contains(&lower(&toks[k]))
                || !spaced(k, k + 1)
                || skip[k + 1]
            {
                continue;
            }
            let obj = lower(&toks[k + 1]);
            let reflexive = [
                "himself",
                "herself",
                "themselves",
                "themself",
                "myself",
                "yourself",
            ]
            .contains(&obj);
            let e = if covered[k + 1] {
                found
                    .iter()
                    .find(|&&(a, _)| a == k + 1)
                    .map_or(k + 1, |&(_, b)| b)
            } else if reflexive || ["him", "her", "them", "me", "us"].contains(&obj) {
                k + 1
            } else {
                continue;
            };
            let Some(n) = toks.get(e + 1) else { continue };
            let gap = &text[toks[e].end..n.start];
            let quoted = [" \"", " “", " '", " ‘"].contains(&gap);
            if !(quoted || (reflexive && gap == " ")) {
                continue;
            }
            let close = if quoted {
                text[n.start..]
                    .find(['"', '”', '’', '\''])
                    .map_or(text.len(), |i| n.start + i)
            } else {
                text.len()
            };
            let mut last = e + 1;
            while last + 1 < toks.len()
                && last < e + 3
                && toks[last + 1].end <= close
                && spaced(last, last + 1)
                && capitalised_or_initial(base(&toks[last + 1]))
            {
                last += 1;
            }
            if quoted && toks[last].end != close {
                continue;
            }
            let first = lower(n);
            let ok = (e + 1..=last)
                .all(|m| !skip[m] && !covered[m] && capitalised_or_initial(base(&toks[m])))
                && !STOPWORDS.contains(&first)
                && !is_honorific(first)
                && !user_allowed(first)
                && (if quoted {
                    // 'calls me "Teach"': what someone is called, whatever the word,
                    // but a word of family or a title ('calls her "Auntie"').
                    (["him", "her", "them", "me", "us"].contains(&obj)
                        && !KIN_BEFORE_NAMES.contains(&first)
                        && !SOFT_HONORIFICS.contains(&base(n))
                        && !ROLE_NOUNS.contains(&first))
                        || (e + 1..=last)
                            .any(|m| base(&toks[m]).chars().count() == 1 || name_like(m))
                } else {
                    !is_allowed(first)
                });
            if ok {
                nicknames.push((e + 1, last));
            }
        }
        for &(_, b) in &found {
            let Some(n) = toks.get(b + 1) else { continue };
            let (nw, nl) = (base(n), lower(n));
            if &text[toks[b].end..n.start] == " ("
                && text[n.end..].starts_with(')')
                && n.base_end == n.end
                && !skip[b + 1]
                && !covered[b + 1]
                && nw.chars().count() >= 2
                && !is_allowed(nl)
                && !user_allowed(nl)
                && !STOPWORDS.contains(&nl)
                // "Gareth Price (IRO)": capitals in brackets are a role or a team.
                && !is_acronym(nw)
                && ((capitalised(nw) && !is_plainly_ordinary(nl))
                    || !is_ordinary(nl)
                    // "mr o'hare (paddy)": a first name in lowercase, though a word.
                    || name_list().get(nl).is_some_and(|&(_, surname)| !surname))
            {
                nicknames.push((b + 1, b + 1));
            }
        }
        // A nickname in quotes after a name, and the surname after it: 'Kwabena "KB"
        // Osei', 'PRIYANKA "PRI" SHAH'.
        for &(_, b) in &found {
            let Some(q) = toks.get(b + 1) else { continue };
            if ![" \"", " “", " '", " ‘"].contains(&&text[toks[b].end..q.start]) {
                continue;
            }
            let mut last = b + 1;
            while last < b + 3 && toks.get(last + 1).is_some_and(|_| spaced(last, last + 1)) {
                last += 1;
            }
            let Some(close) =
                (b + 1..=last).find(|&m| text[toks[m].end..].starts_with(['"', '”', '’', '\'']))
            else {
                continue;
            };
            let upper = |m: usize| base(&toks[m]).starts_with(char::is_uppercase);
            let nick = (b + 1..=close).all(|m| {
                !skip[m]
                    && !covered[m]
                    && upper(m)
                    && !STOPWORDS.contains(&lower(&toks[m]))
                    && !is_allowed(lower(&toks[m]))
                    && !user_allowed(lower(&toks[m]))
            });
            if !nick {
                continue;
            }
            nicknames.push((b + 1, close));
            if let Some(n) = toks.get(close + 1)
                && &text[toks[close].end + 1..n.start] == " "
                && !skip[close + 1]
                && !covered[close + 1]
                && upper(close + 1)
                && toks[close + 1].letters
                && !toks[close + 1].digits
                && {
                    let l = lower(&toks[close + 1]);
                    !STOPWORDS.contains(&l)
                        && !is_allowed(l)
                        && !user_allowed(l)
                        && (name_list().contains_key(l) || !is_plainly_ordinary(l))
                }
            {
                nicknames.push((close + 1, close + 1));
            }
        }
        // A name in brackets after a role ("per mgr (Devon)"), one after "pseudonym" or
        // "alias" ("pseudonym Kestrel"), one before an email in angle brackets ("To:
        // Tesfay <t@example.org>"), and a nickname of size, "Big Dec" or "Little J", in
        // quotes or before a note of a surname: each someone, whatever else the word is.
        let bytes = text.as_bytes();
        for k in 0..toks.len().saturating_sub(1) {
            let n = k + 1;
            // The word before says which, if any: most words say none, and its first
            // letter or the bracket after it tells most of them apart.
            let bracket = bytes.get(toks[k].end + 1) == Some(&b'(');
            if !bracket
                && !matches!(
                    bytes[toks[k].start] | 0x20,
                    b'p' | b'a' | b'c' | b'b' | b'l' | b'w' | b'y' | b'o'
                )
            {
                continue;
            }
            let gap = &text[toks[k].end..toks[n].start];
            let cue = lower(&toks[k]);
            let role_cue = gap == " (" && ROLE_NOUNS.contains(&cue);
            let pseudonym_cue =
                gap == " " && matches!(cue, "pseudonym" | "alias" | "codename" | "code-name");
            let size_cue = gap == " "
                && text.as_bytes()[toks[k].start].is_ascii_uppercase()
                && NICKNAME_SIZES.contains(&base(&toks[k]));
            if !(role_cue || pseudonym_cue || size_cue) {
                continue;
            }
            let (nw, nl) = (base(&toks[n]), lower(&toks[n]));
            if skip[n]
                || covered[n]
                || !capitalised_or_initial(nw)
                || STOPWORDS.contains(&nl)
                || is_honorific(nl)
                || user_allowed(nl)
            {
                continue;
            }
            let in_role_brackets = role_cue
                && toks[n].base_end == toks[n].end
                && text[toks[n].end..].starts_with(')')
                && nw.chars().count() >= 2
                && !is_acronym(nw);
            let pseudonym = pseudonym_cue && nw.chars().count() >= 2;
            let size = size_cue
                && !skip[k]
                && !covered[k]
                && toks[k].base_end == toks[k].end
                && (nw.chars().count() == 1 || !is_plainly_ordinary(nl) || CALENDAR.contains(&nl))
                && ((text[..toks[k].start].ends_with(['"', '“'])
                    && text[toks[n].end..].starts_with(['"', '”']))
                    || aside_says_person(text, toks, n));
            if in_role_brackets || pseudonym {
                nicknames.push((n, n));
            } else if size {
                nicknames.push((k, n));
            }
        }
        let angled = bytes.contains(&b'<');
        for (k, t) in toks.iter().enumerate().filter(|_| angled) {
            if !text[t.end..].starts_with(" <") {
                continue;
            }
            let (w, l) = (base(t), lower(t));
            if t.base_end == t.end
                && text[t.end + 2..]
                    .split_once('>')
                    .is_some_and(|(mail, _)| mail.contains('@') && !mail.contains(' '))
                && !skip[k]
                && !covered[k]
                && capitalised(w)
                && !STOPWORDS.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
            {
                let mut a = k;
                while a > 0
                    && k - a < 2
                    && spaced(a - 1, a)
                    && !skip[a - 1]
                    && !covered[a - 1]
                    && capitalised(base(&toks[a - 1]))
                    && !STOPWORDS.contains(&lower(&toks[a - 1]))
                {
                    a -= 1;
                }
                nicknames.push((a, k));
            }
        }
        // A nickname in quotes after what people call someone or who they were with:
        // 'everyone calls "Doctor"', 'found at 1am with "Tizzy"'.
        for k in 0..toks.len().saturating_sub(1) {
            let cue = lower(&toks[k]);
            if ![" \"", " “"].contains(&&text[toks[k].end..toks[k + 1].start])
                || !matches!(cue, "calls" | "call" | "nicknamed" | "aka" | "with")
            {
                continue;
            }
            let n = &toks[k + 1];
            let (nw, nl) = (base(n), lower(n));
            let closed = text[n.end..].starts_with(['"', '”'])
                && text[n.end + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if closed
                && !skip[k + 1]
                && !covered[k + 1]
                && capitalised(nw)
                && nw.chars().count() >= 3
                && !is_acronym(nw)
                && !STOPWORDS.contains(&nl)
                && !is_allowed(nl)
                && !user_allowed(nl)
                && !is_honorific(nl)
                // After "with", a word in none of the lists: "with "Stop"" is a word.
                && (cue != "with" || name_list().contains_key(nl) || !is_ordinary(nl))
            {
                nicknames.push((k + 1, k + 1));
            }
        }
        // Initials with dots or a hyphen ("M.T.", "J-M"), and a single initial set apart
        // after a person ("Young man, T, attended") or after a title before what they do
        // ("Dr K won't").
        for (k, t) in toks.iter().enumerate() {
            if covered[k] || skip[k] {
                continue;
            }
            let w = &text[t.start..t.end];
            let cap = |x: &str| x.len() == 1 && x.bytes().all(|c| c.is_ascii_uppercase());
            let dotted = cap(w)
                && text[t.end..].starts_with('.')
                && toks.get(k + 1).is_some_and(|n| {
                    n.start == t.end + 1
                        && cap(&text[n.start..n.end])
                        && text[n.end..].starts_with('.')
                })
                && left_boundary(text, t.start)
                && char_before(text, t.start).is_none_or(|c| c != '.');
            if dotted {
                let pair = format!("{w}{}", &text[toks[k + 1].start..toks[k + 1].end]);
                if !["AM", "PM", "UK", "US", "NB", "PS", "EG", "IE", "OK"].contains(&pair.as_str())
                {
                    nicknames.push((k, k + 1));
                }
                continue;
            }
            let hyphened = w.len() >= 3
                && w.as_bytes()[1] == b'-'
                && w.split(['-', '‐']).count() >= 2
                && w.split(['-', '‐']).all(cap)
                && !["A-Z", "A-E", "A-D"].contains(&w);
            let set_apart = cap(w)
                && w != "A"
                && w != "I"
                && k >= 1
                && text[toks[k - 1].end..t.start] == *", "
                && text[t.end..].starts_with(',')
                && [
                    "man", "woman", "boy", "girl", "lad", "lass", "client", "patient", "resident",
                ]
                .contains(&lower(&toks[k - 1]));
            let titled = cap(w)
                && w != "A"
                && w != "I"
                && k >= 1
                && spaced(k - 1, k)
                && HONORIFICS.contains(&lower(&toks[k - 1]))
                && toks.get(k + 1).is_some_and(|n| {
                    spaced(k, k + 1) && text[n.start..].starts_with(char::is_lowercase)
                });
            if hyphened || set_apart || titled {
                nicknames.push((k, k));
            }
        }
        // A name in lowercase with a hyphen, each part a first name: "ella-louise".
        for (k, t) in toks.iter().enumerate() {
            let w = base(t);
            if covered[k] || skip[k] || !w.starts_with(char::is_lowercase) || !w.contains('-') {
                continue;
            }
            let parts: Vec<&str> = w.split('-').collect();
            if parts.len() >= 2
                && parts.iter().all(|p| {
                    p.chars().count() >= 2
                        && name_list().get(*p).is_some_and(|&(_, surname)| !surname)
                })
                && parts.iter().any(|p| !is_ordinary(p))
            {
                nicknames.push((k, k));
            }
        }
        // Initials standing for someone: those of a name caught in the text ("TJ" for
        // Tyler-Jay), or two capitals after a verb that takes a person ("protects LM",
        // "rang KB"), unless they stand for a role or a common abbreviation.
        let initials_of: HashSet<String> = found
            .iter()
            .map(|&(a, b)| {
                toks[a..=b]
                    .iter()
                    .filter(|t| !is_honorific(lower(t)))
                    .flat_map(|t| base(t).split(['-', '‐']))
                    .filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
                    .collect::<String>()
            })
            .filter(|i| (2..=3).contains(&i.chars().count()))
            .collect();
        for (k, t) in toks.iter().enumerate() {
            let w = base(t);
            if covered[k]
                || skip[k]
                || !(2..=3).contains(&w.len())
                || !w.bytes().all(|b| b.is_ascii_uppercase())
                || ROLE_ACRONYMS.contains(&w)
                || COMMON_ABBREVIATIONS.contains(&w)
            {
                continue;
            }
            // "TOLD ME", "VISITED ON": a small word in capitals, no one's initials.
            let pronoun = [
                "ME", "US", "IT", "EM", "ON", "IN", "AT", "TO", "UP", "BY", "OF", "SO", "NO", "DO",
                "GO", "HE", "WE", "AS", "IF", "OR", "AN", "MY",
            ]
            .contains(&w);
            let object = w.len() == 2
                && !pronoun
                && k >= 1
                && spaced(k - 1, k)
                && (after_contact_verb(text, toks, k) || {
                    let p = lower(&toks[k - 1]);
                    ["protect", "protects", "protected", "protecting", "against"].contains(&p)
                });
            // "Service user RJ", "patient KD": initials after who they are.
            let after_person = k >= 1
                && spaced(k - 1, k)
                && [
                    "user", "patient", "client", "resident", "pupil", "prisoner", "yp", "tenant",
                ]
                .contains(&lower(&toks[k - 1]));
            // "case brought by Tunde: KO, 15, referred ...": initials with an age.
            if initials_of.contains(w) || object || after_person || age_after(text, toks, k) {
                nicknames.push((k, k));
            }
        }
        for (a, b) in nicknames {
            covered[a] = true;
            found.push((a, b));
        }
        let songs = quoted_titles(text);
        // "Fisher and Ury", "Waddell and Burton": a surname joined to a theorist's is
        // the other author of the model.
        let theorist_at = |i: usize| {
            i < toks.len() && !skip[i] && THEORISTS.contains(&lower(&toks[i])) && {
                capitalised(base(&toks[i]))
            }
        };
        let joined_at = |x: usize, y: usize| {
            base(&toks[x.min(y) + 1]) == "and" || text[toks[x.min(y)].end..].starts_with(" & ")
        };
        let co_author = |a: usize| {
            (a >= 2 && theorist_at(a - 2) && joined_at(a - 2, a) && spaced(a - 2, a - 1))
                || (theorist_at(a + 2) && joined_at(a, a + 2) && spaced(a, a + 1))
        };
        found.retain(|&(a, b)| {
            let (s, e) = (toks[a].start, toks[b].base_end);
            // "Operation Soteria": a police operation by its name. "Her Mr Bean
            // impressions": someone famous by their whole name, mimicked.
            let operation = text[..s].ends_with("Operation ");
            let mimicked = a < b
                && toks.get(b + 1).is_some_and(|n| {
                    spaced(b, b + 1)
                        && [
                            "impression",
                            "impressions",
                            "impersonation",
                            "impersonations",
                        ]
                        .contains(&lower(n))
                });
            if operation || mimicked || (a == b && co_author(a)) {
                return false;
            }
            // A listed name that is no word is someone, in a title's quotes too ("sang
            // "Happy Birthday dear Aaliyah"").
            let listed =
                (a..=b).any(|j| name_list().get(lower(&toks[j])).is_some_and(|&(e, _)| !e));
            !allowed.iter().any(|p| p.start <= s && e <= p.end)
                && (listed || !songs.iter().any(|&(qs, qe)| qs <= s && e <= qe))
        });
        // Unusual words of the names found are names everywhere in the text, even at
        // the start of a sentence.
        let mut words = HashSet::new();
        for &(a, b) in &found {
            for t in &toks[a..=b] {
                let l = lower(t);
                if !is_honorific(l)
                    && l.chars().count() >= 2
                    && !is_ordinary(l)
                    && !lower_seen(l)
                    && !user_allowed(l)
                    && !name_list().get(l).is_some_and(|&(e, _)| e)
                {
                    words.insert(l.to_string());
                }
            }
        }
        // Every capitalised word of a name found ("Ruby", "An") is that name again where
        // it cannot be an everyday word: with a possessive, or capitalised mid-sentence.
        let mut span_words: HashSet<&str> = HashSet::new();
        for &(a, b) in &found {
            for t in &toks[a..=b] {
                let l = lower(t);
                if base(t).starts_with(char::is_uppercase)
                    && !is_honorific(l)
                    && !NICKNAME_SIZES.contains(&base(t))
                {
                    span_words.insert(l);
                }
            }
        }
        // Words caught as a name by themselves ("Lama (9)"), whatever else they are.
        let alone: HashSet<&str> = found
            .iter()
            .filter(|&&(a, b)| a == b)
            .map(|&(a, _)| lower(&toks[a]))
            .collect();
        // Initials caught as someone ("Present: TD, ...") are that person again.
        let initials_found: HashSet<&str> = found
            .iter()
            .filter(|&&(a, b)| a == b && is_acronym(base(&toks[a])))
            .map(|&(a, _)| base(&toks[a]))
            .collect();
        for (k, t) in toks.iter().enumerate() {
            if covered[k] || skip[k] {
                continue;
            }
            let l = lower(t);
            if initials_found.contains(base(t)) {
                found.push((k, k));
                continue;
            }
            // Where a sentence starts, a name of this text that is also a word is the
            // name again before what a person does or where they are: "Mark did not
            // mark the day", "Hope at Kingsmead Academy"; not "Hope to leave on time".
            // So is one before a colon, as a speaker or an item ("Precious: working
            // with ..."). Not a name that is a word before what is said of the word:
            // "Patience is needed by all of us" (but "Grace was discharged", "Joy was
            // asked").
            let word_passive = |v: usize| {
                let l = lower(&toks[v - 1]);
                (GIVEN_WORD_NAMES.contains(&l) || name_list().get(l).is_some_and(|&(e, _)| e))
                    && toks.get(v + 1).is_some_and(|p| {
                        let pl = lower(p);
                        spaced(v, v + 1)
                            && pl.ends_with("ed")
                            && !PERSON_STATES.contains(&pl)
                            && !CARE_PASSIVES.contains(&pl)
                            && !is_person_verb(pl)
                    })
            };
            let subject_again = || {
                t.base_end == t.end
                    && (name_list().contains_key(l)
                        || GIVEN_WORD_NAMES.contains(&l)
                        || alone.contains(l)
                        || !is_ordinary(l))
                    && (text[t.end..].starts_with(": ")
                        || toks.get(k + 1).is_some_and(|n| {
                            let nl = lower(n);
                            &text[t.end..n.start] == " "
                                && (HELPING_VERBS.contains(&nl)
                                    || (LINKING_VERBS.contains(&nl) && !word_passive(k + 1))
                                    || ["at", "and", "from", "again"].contains(&nl)
                                    || is_form_of(nl, "need")
                                    || (is_person_verb(nl) && !STOPWORDS.contains(&nl)))
                        }))
            };
            // A month that was a name here is that name again with a possessive: "Ms June
            // Pritchard ... June's neighbour".
            let month_name =
                t.base_end != t.end && ["april", "may", "june", "july", "august"].contains(&l);
            let again = (words.contains(l) && capitalised(base(t)) && !lower_seen(l))
                || (span_words.contains(l)
                    && capitalised(base(t))
                    && (t.base_end != t.end || mid_at(k) || subject_again())
                    && (!is_allowed(l) || month_name)
                    && !user_allowed(l)
                    && l != "i");
            if again {
                found.push((k, k));
            }
        }
        for (a, b) in found {
            let kind = if CELTIC_PLACE_HEADS.contains(&lower(&toks[a])) && a < b {
                FindingKind::Place
            } else {
                FindingKind::Name
            };
            out.push(Cand::new(kind, toks[a].start, toks[b].base_end));
        }
        *unknown_asked = asked.into_inner();
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker() -> Checker {
        Checker::new(
            [
                "jd".to_string(),
                "tenant-a".to_string(),
                "north".to_string(),
            ],
            &["Rowan Ward".to_string(), "Larchfield".to_string()],
            &["Okonkwo".to_string()],
        )
    }

    fn kinds(text: &str) -> Vec<(FindingKind, String)> {
        checker()
            .scan(text)
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    fn one(kind: FindingKind, text: &str) -> Vec<(FindingKind, String)> {
        vec![(kind, text.to_string())]
    }

    #[test]
    fn emails_are_found_without_trailing_punctuation() {
        assert_eq!(
            kinds("Write to jo.bloggs+work@example.co.uk."),
            one(FindingKind::Email, "jo.bloggs+work@example.co.uk")
        );
        assert_eq!(kinds("meet @ 3pm"), vec![]);
        assert_eq!(kinds("a@b"), vec![]);
    }

    #[test]
    fn uk_phone_numbers_in_their_usual_shapes() {
        for p in [
            "07700 900123",
            "07700900123",
            "07700-900-123",
            "0161 496 0000",
            "0161-496-0000",
            "(0161) 496 0000",
            "020 7946 0000",
            "+44 7700 900123",
            "+447700900123",
            "+44 (0)20 7946 0000",
            "0800 123 4567",
        ] {
            assert_eq!(
                kinds(&format!("Call {p}, then")),
                one(FindingKind::Phone, p),
                "{p}"
            );
        }
    }

    #[test]
    fn phones_with_a_written_out_prefix_or_an_extension() {
        for (text, want) in [
            ("Call 0044 7700 900123, then", "0044 7700 900123"),
            ("Call +44 (0)7700 900123, then", "+44 (0)7700 900123"),
            ("Call 07700 900123x, then", "07700 900123x"),
            ("Call 07700 900123x201, then", "07700 900123x201"),
            (
                "Call 0113 496 0123 EXT 2201, then",
                "0113 496 0123 EXT 2201",
            ),
            (
                "Call 0113 496 0123 Extn. 2201, then",
                "0113 496 0123 Extn. 2201",
            ),
        ] {
            assert_eq!(kinds(text), one(FindingKind::Phone, want), "{text}");
        }
        assert_eq!(phone_key("0044 7700 900123"), phone_key("07700 900123"));
    }

    #[test]
    fn obfuscated_emails() {
        for e in [
            "dan(at)example.com",
            "dan[at]example.co.uk",
            "dan @ example.com",
            "dan at example dot com",
            "dan(at)example(dot)org",
            "dan＠example.com",
        ] {
            assert_eq!(
                kinds(&format!("Write to {e}, then")),
                one(FindingKind::Email, e),
                "{e}"
            );
        }
        for s in [
            "She looked at the dot on the map.",
            "We met at school dot to dot.",
            "meet @ 3pm",
            "Look at example dot points",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn record_numbers_after_their_cue() {
        for (text, want) in [
            ("hospital number RX1234567 on file", "RX1234567"),
            ("MRN 1234567 on file", "1234567"),
            ("MRN: 1234567 on file", "1234567"),
            ("case number 12345678 on file", "12345678"),
            ("the hospital no. is AB12345.", "AB12345"),
            ("Case ref 12345.", "12345"),
        ] {
            assert_eq!(kinds(text), one(FindingKind::RecordNumber, want), "{text}");
        }
        for s in ["case number 12 of 40", "the MRN was missing"] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn never_export_phrases_joined_or_run_together_or_plural() {
        let c = Checker::new(
            Vec::<String>::new(),
            &["Ward 7".to_string(), "Team North".to_string()],
            &[],
        );
        for s in [
            "ward-7",
            "ward7",
            "Ward_7",
            "team-north",
            "TeamNorth",
            "Team Norths",
        ] {
            let text = format!("Notes from {s} today");
            let got: Vec<_> = c
                .scan(&text)
                .into_iter()
                .map(|f| (f.kind, f.text))
                .collect();
            assert_eq!(got, vec![(FindingKind::NeverExport, s.to_string())], "{s}");
        }
        let got: Vec<_> = c
            .scan("Ward 7's staff")
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(got, vec!["Ward 7".to_string()]);
        // A numbered ward is a place of its own, but not the never-export one.
        let kinds: Vec<_> = c
            .scan("Ward 70 and ward 17 and steward 7")
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect();
        assert_eq!(kinds, vec![(FindingKind::Place, "Ward 70".to_string())]);
    }

    #[test]
    fn lowercase_postcodes_ni_numbers_and_addresses() {
        for (text, kind, want) in [
            ("at sw1a1aa today", FindingKind::Postcode, "sw1a1aa"),
            ("at b11aa today", FindingKind::Postcode, "b11aa"),
            ("at SW1A  1AA today", FindingKind::Postcode, "SW1A  1AA"),
            (
                "NI qq 12 34 56 c today",
                FindingKind::NiNumber,
                "qq 12 34 56 c",
            ),
            ("NI qq123456c today", FindingKind::NiNumber, "qq123456c"),
            (
                "moved to 14 elm road today",
                FindingKind::Address,
                "14 elm road",
            ),
            (
                "moved to 5 high st today",
                FindingKind::Address,
                "5 high st",
            ),
            (
                "moved to 3 the Crescent today",
                FindingKind::Address,
                "3 the Crescent",
            ),
            ("moved to flat 2b today", FindingKind::Address, "flat 2b"),
        ] {
            assert_eq!(kinds(text), one(kind, want), "{text}");
        }
        for s in [
            "a 10 minute walk down 2 lane roads",
            "the tyre went flat 2 days ago",
            "mp3 and h264 and x11aa and qq123456 files",
            "we waited at 3 the corner",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn everyday_names_mid_sentence() {
        assert_eq!(
            kinds("Bill and Frank left early."),
            vec![
                (FindingKind::Name, "Bill".to_string()),
                (FindingKind::Name, "Frank".to_string())
            ]
        );
        assert_eq!(
            kinds("Talked with Bola today."),
            one(FindingKind::Name, "Bola")
        );
        for s in [
            "Frank talk helps.",
            "The rating went from Red to Amber.",
            "The Mental Health Bill passed.",
            "Mum and Nan came.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn numbers_that_are_not_phones() {
        for s in [
            "In 2026 we met at 14:30 for 45 minutes.",
            "It cost £1,200.50 and 3 people came.",
            "She rated it 7/10, then 8/10.",
            "Scores 7 8 9 10 7 8 9 10 9 8 over ten weeks.",
            "Page 0161.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn nhs_like_numbers_alone_or_grouped() {
        assert_eq!(
            kinds("NHS number 485 777 3456 on file"),
            one(FindingKind::NhsNumber, "485 777 3456")
        );
        assert_eq!(
            kinds("ref 4857773456."),
            one(FindingKind::NhsNumber, "4857773456")
        );
        assert_eq!(
            kinds("ref 485-777-3456"),
            one(FindingKind::NhsNumber, "485-777-3456")
        );
        assert!(nhs_check_digit_ok("9434765919"));
        assert!(!nhs_check_digit_ok("9434765918"));
        // A valid check digit makes ten digits that could be a phone an NHS number.
        assert_eq!(
            kinds("no. 0161496000"),
            one(FindingKind::Phone, "0161496000")
        );
        assert_eq!(
            kinds("no. 0123456789"),
            one(FindingKind::NhsNumber, "0123456789")
        );
    }

    #[test]
    fn national_insurance_numbers() {
        assert_eq!(
            kinds("NI AB 12 34 56 C today"),
            one(FindingKind::NiNumber, "AB 12 34 56 C")
        );
        assert_eq!(
            kinds("NI AB123456C"),
            one(FindingKind::NiNumber, "AB123456C")
        );
        assert_eq!(kinds("DA123456C"), vec![]);
    }

    #[test]
    fn postcodes_in_every_shape() {
        for p in [
            "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX",
            "m1 1ae", "SW1A1AA", "GIR 0AA",
        ] {
            assert_eq!(
                kinds(&format!("Moved to {p} last year")),
                one(FindingKind::Postcode, p),
                "{p}"
            );
        }
        for s in [
            "Year 9 2nd term",
            "the A1 road",
            "m6 4th junction",
            "QA1 1AA",
            "M1 1CA",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn exact_dates_and_birth_dates() {
        let d = |s: &str| {
            let c = checker();
            let f = c.find(s, &HashSet::new());
            f.cands
                .iter()
                .map(|c| (c.kind, s[c.start..c.end].to_string(), c.date))
                .collect::<Vec<_>>()
        };
        let march = |y| Some(DateParts { month: 3, year: y });
        assert_eq!(
            d("on 12/03/2026 we"),
            vec![(
                FindingKind::ExactDate,
                "12/03/2026".into(),
                march(Some(2026))
            )]
        );
        assert_eq!(
            d("on 2026-03-12."),
            vec![(
                FindingKind::ExactDate,
                "2026-03-12".into(),
                march(Some(2026))
            )]
        );
        assert_eq!(
            d("Tuesday 12 March 2026 was"),
            vec![(
                FindingKind::ExactDate,
                "Tuesday 12 March 2026".into(),
                march(Some(2026))
            )]
        );
        assert_eq!(
            d("by March 12th, 2026 at"),
            vec![(
                FindingKind::ExactDate,
                "March 12th, 2026".into(),
                march(Some(2026))
            )]
        );
        assert_eq!(
            d("on the 12th of March"),
            vec![(FindingKind::ExactDate, "12th of March".into(), march(None))]
        );
        assert_eq!(
            d("DOB 12/03/1988 noted"),
            vec![(
                FindingKind::BirthDate,
                "DOB 12/03/1988".into(),
                march(Some(1988))
            )]
        );
        // Dotted dates with a two-digit year, as forms write them.
        assert_eq!(
            d("DOB: 12.3.51"),
            vec![(
                FindingKind::BirthDate,
                "DOB: 12.3.51".into(),
                march(Some(1951))
            )]
        );
        assert_eq!(
            d("seen on 12.3.26 at home"),
            vec![(FindingKind::ExactDate, "12.3.26".into(), march(Some(2026)))]
        );
        assert_eq!(
            d("she was born on 3 March 1988."),
            vec![(
                FindingKind::BirthDate,
                "born on 3 March 1988".into(),
                march(Some(1988))
            )]
        );
        assert_eq!(
            d("Date of birth: 03.03.1988")[0].1,
            "Date of birth: 03.03.1988"
        );
        assert_eq!(d("d.o.b. 3/3/88")[0].0, FindingKind::BirthDate);
        for s in [
            "In March 2026 we",
            "Since 2019 and last Tuesday",
            "in March 12 people came",
            "I may 3 times",
            "rated 7/10",
            "at 9.30 on Monday",
            "2019-2020",
        ] {
            assert_eq!(d(s), vec![], "{s}");
        }
    }

    #[test]
    fn street_addresses() {
        assert_eq!(
            kinds("visited 14 Acacia Avenue today"),
            one(FindingKind::Address, "14 Acacia Avenue")
        );
        assert_eq!(
            kinds("She lives at Flat 3, 22 Mill Lane now"),
            one(FindingKind::Address, "Flat 3, 22 Mill Lane")
        );
        assert_eq!(
            kinds("at 14-16 Church Hill Road."),
            one(FindingKind::Address, "14-16 Church Hill Road")
        );
        assert_eq!(
            kinds("22b Mill St. Then"),
            one(FindingKind::Address, "22b Mill St")
        );
        assert_eq!(kinds("5 Things I Learned The Hard Way"), vec![]);
        assert_eq!(kinds("we had 3 Team Meetings"), vec![]);
    }

    #[test]
    fn names_by_honorific_list_and_capital() {
        assert_eq!(kinds("I met Mr Patel."), one(FindingKind::Name, "Mr Patel"));
        assert_eq!(
            kinds("with Mrs O'Neill"),
            one(FindingKind::Name, "Mrs O'Neill")
        );
        assert_eq!(
            kinds("saw Dr. Okafor"),
            one(FindingKind::Name, "Dr. Okafor")
        );
        assert_eq!(
            kinds("for Ms Smith-Jones"),
            one(FindingKind::Name, "Ms Smith-Jones")
        );
        assert_eq!(kinds("I used Johns' model"), vec![]);
        assert_eq!(
            kinds("then Mr Johns came"),
            one(FindingKind::Name, "Mr Johns")
        );
        assert_eq!(kinds("Sarah was upset."), one(FindingKind::Name, "Sarah"));
        assert_eq!(
            kinds("I told Sarah Jones."),
            one(FindingKind::Name, "Sarah Jones")
        );
        assert_eq!(kinds("Sarah's mum"), one(FindingKind::Name, "Sarah"));
        assert_eq!(
            kinds("We visited Adebowale at home"),
            one(FindingKind::Name, "Adebowale")
        );
        assert_eq!(kinds("Will we manage? Grace is due."), vec![]);
        assert_eq!(
            kinds("I spoke with Grace."),
            one(FindingKind::Name, "Grace")
        );
        assert_eq!(
            kinds("spoke to Mr J. Smith"),
            one(FindingKind::Name, "Mr J. Smith")
        );
        assert_eq!(kinds("and K. Okafor"), one(FindingKind::Name, "K. Okafor"));
        assert_eq!(
            kinds("Sister Adeyemi on nights"),
            one(FindingKind::Name, "Sister Adeyemi")
        );
        assert_eq!(kinds("Met with Dr Who and the Dr."), vec![]);
    }

    #[test]
    fn names_found_once_are_found_everywhere_in_the_text() {
        assert_eq!(
            kinds("I visited Adebowale. Adebowale was calm."),
            vec![
                (FindingKind::Name, "Adebowale".into()),
                (FindingKind::Name, "Adebowale".into())
            ]
        );
    }

    #[test]
    fn ordinary_capitals_are_not_names() {
        for s in [
            "I used Gibbs' cycle with Mum and Dad.",
            "The team met in March. My supervisor said the NHS and CQC agreed.",
            "We talked about the Care Act and the Mental Capacity Act with Ofsted.",
            "Action plan: Bring this to supervision.",
            "- Listening\n- Warmth",
            "## So what?",
            "Reflections After The Difficult Home Visit",
            "Loretta Ross calls this calling in.",
            "A&E was busy; SMART goals; GPs; DoLS.",
            "The young person went to Tesco with Grandma on Tuesday.",
            "Okonkwo is allowed by the user.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn subject_keys_and_never_export_words_whole_word_any_case() {
        assert_eq!(kinds("jd's plan"), one(FindingKind::Subject, "jd"));
        assert_eq!(kinds("JD agreed"), one(FindingKind::Subject, "JD"));
        assert_eq!(kinds("jdx and ajd"), vec![]);
        assert_eq!(
            kinds("Tenant-A called"),
            one(FindingKind::Subject, "Tenant-A")
        );
        assert_eq!(kinds("tenant-ab"), vec![]);
        // An everyday word as a key is not matched in running text.
        assert_eq!(kinds("north of here"), vec![]);
        assert_eq!(
            kinds("on rowan  ward today"),
            one(FindingKind::NeverExport, "rowan  ward")
        );
        assert_eq!(
            kinds("Larchfield's staff"),
            one(FindingKind::NeverExport, "Larchfield")
        );
    }

    #[test]
    fn overlaps_merge_into_the_stronger_kind() {
        let c = Checker::new(Vec::new(), &["Mill".to_string()], &[]);
        let f = c.scan("at 22 Mill Lane");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].kind, f[0].text.as_str()),
            (FindingKind::NeverExport, "22 Mill Lane")
        );
    }

    #[test]
    fn lines_and_ranges_are_reported() {
        let text = "First line.\nCall 07700 900123 now.";
        let f = checker().scan(text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 2);
        assert_eq!(&text[f[0].start..f[0].end], "07700 900123");
    }

    #[test]
    fn placeholders_are_never_flagged() {
        let t = "[PERSON-1] and [SUBJECT-2] on [DATE: March 2026], [DATE OF BIRTH], [ID-NUMBER-3]";
        assert_eq!(placeholders(t).len(), 5);
        let c = Checker::new(["person".to_string()], &["date".to_string()], &[]);
        assert!(c.scan(t).is_empty());
    }

    #[test]
    fn redaction_is_stable_and_complete() {
        let mut r = Redactor::new(checker());
        let a = r.redact("Sarah Jones met Mr Patel. Sarah's mum rang 07700 900123.");
        assert_eq!(
            a,
            "[PERSON-1] met [PERSON-2]. [PERSON-1]'s mum rang [PHONE-1]."
        );
        let b = r.redact("SARAH and sarah; 07700900123; Mrs Patel; on 12/03/2026; DOB 1/2/1990");
        assert_eq!(
            b,
            "[PERSON-1] and [PERSON-1]; [PHONE-1]; [PERSON-3]; on [DATE: March 2026]; [DATE OF BIRTH]"
        );
        assert_eq!(r.redact(&b), b);
        assert_eq!(r.counts()[&FindingKind::Name], 6);
        assert_eq!(r.counts()[&FindingKind::Phone], 2);
    }

    #[test]
    fn subject_fields_are_replaced_whole_and_match_running_text() {
        let mut r = Redactor::new(checker());
        assert_eq!(r.redact_subject("jd"), "[SUBJECT-1]");
        assert_eq!(r.redact_subject(" me "), "[SUBJECT-2]");
        assert_eq!(r.redact("JD and me"), "[SUBJECT-1] and me");
        assert_eq!(r.redact_subject(""), "");
        assert_eq!(r.counts()[&FindingKind::Subject], 3);
    }

    /// A redactor that replays what it did gives exactly what one working every text
    /// out anew gives, placeholders and counts alike, names learned on the way
    /// included.
    #[test]
    fn replaying_a_redaction_changes_nothing() {
        let texts = [
            "Kerensa's move went smoothly. Sarah Jones helped.",
            "Met ZDENĚK at 10. Zdenek's bag was lost.",
            "Rang Kerensa back. Then Mr Okafor and Jade did the baking.",
            "Jade, 14, was there; email sam@example.com on 3 March 2026.",
            "Kerensa's move went smoothly. Sarah Jones helped.",
            "Zdenek came in. Dr Okafor at Maple Court on Beech Ward.",
        ];
        let mut replaying = Redactor::new(checker());
        let mut fresh = Redactor::new(checker());
        for round in 0..3 {
            for t in texts {
                let a = replaying.redact(t);
                fresh.memo.clear();
                let b = fresh.redact(t);
                assert_eq!(a, b, "round {round}: {t}");
            }
        }
        assert!(!replaying.memo.is_empty());
        assert_eq!(replaying.counts(), fresh.counts());
    }

    #[test]
    fn people_join_by_their_words() {
        let mut p = People::default();
        let v = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(p.number(&v("sarah")), 1);
        assert_eq!(p.number(&v("sarah jones")), 1);
        assert_eq!(p.number(&v("sarah patel")), 2);
        assert_eq!(p.number(&v("jones")), 1);
        // A full name never joins someone already known by another full name.
        assert_eq!(p.number(&v("mr patel")), 3);
        assert_eq!(p.number(&v("patel")), 2);
        assert_eq!(p.number(&v("mr patel")), 3);
    }

    #[test]
    fn every_name_in_the_list_that_is_an_everyday_word_is_marked() {
        // Unmarked names that the word list also has are names first ("James", "Tom");
        // marked ones must really be everyday words, or the mark is a mistake.
        for (name, &(everyday, _)) in name_list() {
            if everyday {
                assert!(
                    is_ordinary(name),
                    "{name} is marked * but is not an everyday word"
                );
            }
        }
    }

    #[test]
    fn ordinary_words_include_inflections() {
        for w in [
            "walked",
            "listening",
            "happiness",
            "families",
            "co-production",
            "don't",
            "i'm",
        ] {
            assert!(is_ordinary(w), "{w}");
        }
        for w in ["okafor", "adebowale", "smith-okafor"] {
            assert!(!is_ordinary(w), "{w}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        kinds(text)
            .into_iter()
            .filter(|(k, _)| *k == FindingKind::Name)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn schools_colleges_and_surgeries_by_their_name() {
        for (text, want) in [
            (
                "She started at Oakfield Academy in May.",
                "Oakfield Academy",
            ),
            (
                "Picked up from St Aidan's Primary at three.",
                "St Aidan's Primary",
            ),
            ("He wants to stay at Ysgol Gyfun Gŵyr.", "Ysgol Gyfun Gŵyr"),
            ("Her brother goes to Ysgol y Graig now.", "Ysgol y Graig"),
            (
                "Registered with Brookvale Surgery last week.",
                "Brookvale Surgery",
            ),
        ] {
            let found: Vec<_> = kinds(text)
                .into_iter()
                .filter(|(k, _)| *k == FindingKind::Place)
                .map(|(_, t)| t)
                .collect();
            assert_eq!(found, vec![want.to_string()], "{text}");
        }
        for text in [
            "The High School rang about the trip.",
            "She is at a Sixth Form College now.",
            "The GP Surgery was closed.",
            "He left School at sixteen.",
            "The Royal College of Nursing guidance helps.",
        ] {
            assert_eq!(kinds(text), vec![], "{text}");
        }
        let mut r = Redactor::new(checker());
        assert_eq!(
            r.redact("Oakfield Academy rang; she loves Oakfield Academy."),
            "[PLACE-1] rang; she loves [PLACE-1]."
        );
    }

    #[test]
    fn a_listed_name_written_only_in_capitals() {
        assert_eq!(
            names("NASREEN HUSSAIN - URGENT - call back"),
            vec!["NASREEN", "HUSSAIN"]
        );
        assert_eq!(
            names("URGENT: the GP and CAMHS to call the MASH"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_first_name_that_is_a_word_where_a_sentence_starts() {
        assert_eq!(names("Grace asked about her mum."), vec!["Grace"]);
        assert_eq!(names("Willow and her sister came."), vec!["Willow"]);
        assert_eq!(
            names("Faith Okwudili missed the review."),
            vec!["Faith Okwudili"]
        );
        // The word where nothing says it is someone.
        assert_eq!(names("Hope is what keeps her going."), Vec::<String>::new());
        assert_eq!(
            names("Grace before meals matters to him."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_unknown_name_before_a_verb_and_a_pronoun_or_a_role() {
        assert_eq!(
            names("Yevheniya took her tablets with water."),
            vec!["Yevheniya"]
        );
        assert_eq!(names("Ferelith gave me a card."), vec!["Ferelith"]);
        assert_eq!(names("Ngozika is the new support worker."), vec!["Ngozika"]);
        assert_eq!(
            names("Yevheniya has a new social worker."),
            vec!["Yevheniya"]
        );
        // Medicines do things to people too, and are known by name or ending.
        assert_eq!(
            names("Lorazepam calmed her before the scan."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Brexpiprazole helped him sleep."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("She takes Olanzapine and Mirtazapine at night."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn countries_and_large_cities_are_not_names_and_small_places_are() {
        assert_eq!(
            names("He came back from Gambia and then Kharkiv."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("She speaks Tibetan and some Wolof."),
            Vec::<String>::new()
        );
        assert_eq!(names("She lives near Llandeilo."), vec!["Llandeilo"]);
    }

    #[test]
    fn a_name_after_a_verb_of_contact() {
        // "Cowling" reads as "cowl" + "ing", and "Aisling" as "aisle" + "ing".
        assert_eq!(names("Rang Aisling back after lunch."), ["Aisling"]);
        assert_eq!(names("Phoned Cowling back after lunch."), ["Cowling"]);
        assert_eq!(names("Later I spoke to Cowling about it."), ["Cowling"]);
        for s in [
            "Rang Housing back after lunch.",
            "Called Mum and then Admissions.",
            "Emailed Finance and met Legal.",
            "I rang Reception twice.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn an_unknown_name_where_a_sentence_starts_before_a_person_cue() {
        // A verb only a person does, in any tense, past helpers and adverbs.
        assert_eq!(names("Qorvenu came to the drop-in."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu often cries at night."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu can't remember her PIN."), ["Qorvenu"]);
        assert_eq!(
            names("Handover: Qorvenu has been sleeping badly."),
            ["Qorvenu"]
        );
        // A state only a person is in, or something they are doing.
        assert_eq!(names("Qorvenu is worried about the move."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu was sitting in the dark."), ["Qorvenu"]);
        // "and I" before a verb, "and her" before a relation, a possessive before one,
        // ", who", a bed on a ward.
        assert_eq!(names("Qorvenu and I walked to the shop."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu and her sister came in."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu's daughter will interpret."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu, who is new, sat alone."), ["Qorvenu"]);
        assert_eq!(names("Qorvenu in bay 4 was unsettled."), ["Qorvenu"]);
        // Once caught, the name is caught again elsewhere in the text.
        assert_eq!(
            names("Qorvenu said no. I asked Qorvenu again."),
            ["Qorvenu", "Qorvenu"]
        );
        // No cue, a thing's verb, a passive, "came up", a title line: not a name.
        for s in [
            "Qorvenu again today.",
            "Sertraline was increased to 100mg.",
            "Sertraline and I have a long history.",
            "Ketamine came up in the risk assessment.",
            "Quetiapine goes up to 50mg next week.",
            "Mirtazapine helped her sleep.",
            "Liquidlogic crashed twice.",
            "Inshallah, she said, it will be fine.",
            "Shukran, she said.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn accents_are_dropped_from_a_name_key() {
        assert_eq!(without_accents("zdeněk"), "zdenek");
        assert_eq!(without_accents("łukasz"), "lukasz");
        assert_eq!(without_accents("nguyễn"), "nguyen");
        assert_eq!(without_accents("siobhán"), "siobhan");
        assert_eq!(name_key("Mr Wiśniewski's"), ["mr", "wisniewski"]);
    }

    #[test]
    fn forms_of_a_verb() {
        for (w, base) in [
            ("cried", "cry"),
            ("cries", "cry"),
            ("arrived", "arrive"),
            ("arriving", "arrive"),
            ("hugged", "hug"),
            ("sitting", "sit"),
            ("seeing", "see"),
            ("misses", "miss"),
            ("told", "tell"),
            ("says", "say"),
        ] {
            assert!(is_form_of(w, base), "{w} {base}");
        }
        for (w, base) in [
            ("seing", "see"),
            ("sayd", "say"),
            ("tol", "tell"),
            ("sits", "sing"),
        ] {
            assert!(!is_form_of(w, base), "{w} {base}");
        }
    }

    #[test]
    fn a_name_is_caught_whole_once_part_of_it_is() {
        // A first name where a sentence starts, before a caught surname.
        assert_eq!(names("María García was anxious."), ["María García"]);
        assert_eq!(names("Xochitl Okafor was anxious."), ["Xochitl Okafor"]);
        // Particles between the words of a name.
        assert_eq!(
            names("Saw Dafydd ap Ifan at the surgery."),
            ["Dafydd ap Ifan"]
        );
        assert_eq!(
            names("I think about Pádraig Ó Súilleabháin often."),
            ["Pádraig Ó Súilleabháin"]
        );
        assert_eq!(names("With Omar bin Rashid today."), ["Omar bin Rashid"]);
        // The given name of a three-part name, and again with a possessive.
        assert_eq!(
            names("Met Nguyễn Thị An at the centre. An's husband works nights."),
            ["Nguyễn Thị An", "An"]
        );
        // A surname in lowercase after a caught first name.
        assert_eq!(
            names("Rang the daughter. Joanne hale is happy."),
            ["Joanne hale"]
        );
        assert_eq!(names("spoke with Kwame mensah today"), ["Kwame mensah"]);
        // Ordinary words stay outside: a verb after a name, a sentence's first word.
        assert_eq!(names("Then Sarah said it again."), ["Sarah"]);
        assert_eq!(names("Yesterday Okafor came in."), ["Okafor"]);
        assert_eq!(
            names("I told Sarah Jones. I think it helped."),
            ["Sarah Jones"]
        );
        // An everyday name caught mid-sentence is the name again with a possessive.
        assert_eq!(
            names("The conference for Ruby is soon. Ruby's notes are ready."),
            ["Ruby", "Ruby"]
        );
    }

    #[test]
    fn case_and_record_numbers_after_any_cue() {
        for (text, want) in [
            ("Case ref 2023/118734 is the one.", "2023/118734"),
            ("Safeguarding ref SG-24-0193 was raised.", "SG-24-0193"),
            ("Our ref 23/00412/ASC on the letter.", "23/00412/ASC"),
            ("Police log PL/4471/26 was shared.", "PL/4471/26"),
            ("the school's reference SCH-20931 too", "SCH-20931"),
            ("Client record RX-20931 is open.", "RX-20931"),
            ("registered as staff no. 55102 there", "55102"),
            ("Her RiO number is 1029384.", "1029384"),
            ("His CLA number is CLA 304188.", "CLA 304188"),
            ("His Home Office reference is B1234567.", "B1234567"),
            (
                "The ID number for the hostel system is HX-77213.",
                "HX-77213",
            ),
        ] {
            assert_eq!(kinds(text), one(FindingKind::RecordNumber, want), "{text}");
        }
        for s in [
            "A number 12345 of people came.",
            "The reference 2019 guidance is old.",
            "Ward round at 10, bed number 14.",
            "The log was 1234 lines.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn a_uk_number_in_international_form_without_the_plus() {
        assert_eq!(
            kinds("Her son rang on 447700900654 at night."),
            one(FindingKind::Phone, "447700900654")
        );
        assert_eq!(
            kinds("Rang 442079460123 twice."),
            one(FindingKind::Phone, "442079460123")
        );
        assert_eq!(phone_key("447700900654"), phone_key("07700 900654"));
        assert_eq!(kinds("Order 448812345678901 shipped."), vec![]);
    }

    #[test]
    fn a_and_e_is_one_word_and_standards_are_no_records() {
        let t: Vec<String> = tokens("In A&E, then B&Q. R&Dx")
            .iter()
            .map(|t| "In A&E, then B&Q. R&Dx"[t.start..t.end].to_string())
            .collect();
        assert_eq!(t, ["In", "A&E", "then", "B&Q", "R", "Dx"]);
        // "A&E" is a word of care before a hospital named in the possessive.
        assert_eq!(
            kinds("She was in A&E at King's for hours."),
            one(FindingKind::Place, "King's")
        );
        assert_eq!(kinds("Built to BS/EN/12345 and ISO/IEC/27001."), vec![]);
        // An age in words, whatever the number.
        assert!(age_after(
            "Tayo turned twenty-two.",
            &tokens("Tayo turned twenty-two."),
            0
        ));
    }

    #[test]
    fn days_in_words_and_a_short_month_before_its_day() {
        let d = |s: &str| {
            let f = checker().find(s, &HashSet::new());
            f.cands
                .iter()
                .map(|c| (c.kind, s[c.start..c.end].to_string(), c.date))
                .collect::<Vec<_>>()
        };
        let month = |m, y| Some(DateParts { month: m, year: y });
        assert_eq!(
            d("He left us the twenty-third of June at home."),
            vec![(
                FindingKind::ExactDate,
                "twenty-third of June".into(),
                month(6, None)
            )]
        );
        assert_eq!(
            d("born the first of August nineteen eighty-two, she"),
            vec![(
                FindingKind::BirthDate,
                "born the first of August nineteen eighty-two".into(),
                month(8, Some(1982))
            )]
        );
        assert_eq!(
            d("since the ninth of March two thousand and six"),
            vec![(
                FindingKind::ExactDate,
                "ninth of March two thousand and six".into(),
                month(3, Some(2006))
            )]
        );
        // A short month before its day, alone or before a time: not a year.
        assert_eq!(
            d("Sept 3 10:30 - clinic"),
            vec![(FindingKind::ExactDate, "Sept 3".into(), month(9, None))]
        );
        assert_eq!(
            d("next review Aug 21."),
            vec![(FindingKind::ExactDate, "Aug 21".into(), month(8, None))]
        );
        assert_eq!(
            d("Feb 9 22 - rang"),
            vec![(
                FindingKind::ExactDate,
                "Feb 9 22".into(),
                month(2, Some(2022))
            )]
        );
        // A day in figures after a death, an admission or a discharge.
        assert_eq!(
            d("Her father died 23/10 in his sleep."),
            vec![(FindingKind::ExactDate, "23/10".into(), month(10, None))]
        );
        for s in [
            "a third of March's budget went",
            "in March 12 people came",
            "the first of many",
            "Mar 2026 was busy",
            "She scored 4/5 and died laughing.",
        ] {
            assert_eq!(d(s), vec![], "{s}");
        }
    }

    #[test]
    fn a_weekday_and_an_ordinal_day_are_an_exact_date() {
        assert_eq!(
            kinds("The health visitor comes on Tuesday 10th."),
            one(FindingKind::ExactDate, "Tuesday 10th")
        );
        assert_eq!(
            kinds("on Saturday 21st March"),
            one(FindingKind::ExactDate, "Saturday 21st March")
        );
        assert_eq!(kinds("We meet every Tuesday at 10."), vec![]);
    }

    #[test]
    fn welsh_addresses_buildings_house_names_and_tenement_flats() {
        for (text, want) in [
            (
                "She has moved to 9 Heol y Llan, near town.",
                "9 Heol y Llan",
            ),
            (
                "He lives at 7 Ffordd Pentre with his grandson.",
                "7 Ffordd Pentre",
            ),
            ("Resent it to 2 Maes y Coed today.", "2 Maes y Coed"),
            (
                "Lives at Apartment 12, Kingfisher Court, now.",
                "Apartment 12, Kingfisher Court",
            ),
            (
                "Discharged to Flat 12, Brook House, Union Street today.",
                "Flat 12, Brook House, Union Street",
            ),
            (
                "Her new address is 3/2, 41 Dumbarton Road now.",
                "3/2, 41 Dumbarton Road",
            ),
            (
                "She lives alone at Bryn Awel, 5 Lôn Isaf now.",
                "Bryn Awel, 5 Lôn Isaf",
            ),
            (
                "Moved to Rose Cottage, 2 Mill Lane in May.",
                "Rose Cottage, 2 Mill Lane",
            ),
            (
                "Lives at Flat 2b, 118 Cowbridge Road East now.",
                "Flat 2b, 118 Cowbridge Road East",
            ),
        ] {
            assert_eq!(kinds(text), one(FindingKind::Address, want), "{text}");
        }
        // A flat's building is only words that end in a building or street word.
        assert_eq!(
            kinds("Flat 3, Then Later Stairs."),
            one(FindingKind::Address, "Flat 3")
        );
        for s in [
            "Yesterday, 5 people came to the group.",
            "We walked 3 heol miles.",
        ] {
            assert!(
                !kinds(s).iter().any(|(k, _)| *k == FindingKind::Address),
                "{s}: {:?}",
                kinds(s)
            );
        }
    }

    #[test]
    fn welsh_and_the_other_languages_of_care_are_not_names() {
        for s in [
            "Siaradais â hi yn Gymraeg achos mae'n well ganddi hi'r Gymraeg.",
            "Registration with Gofal Cymdeithasol Cymru is due.",
            "I made the Cynnig Rhagweithiol and she chose Cymraeg.",
            "Nain and Taid came, then Mam-gu.",
            "Mae hi'n byw yng Nghymru ers blynyddoedd; mae hi'n mynd i Gaerdydd yfory.",
            "Betsi Cadwaladr University Health Board runs the clinic.",
            "She said \"Dziękuję bardzo\" and smiled.",
            "Alhamdulillah, he said. Inshallah next week, and Eid Mubarak to all.",
            "Nani and Dadi came; Sat Sri Akal, then the Gurdwara.",
            "Hooyo was there and Ayeeyo too.",
            "Bunica is the main carer. Mulțumesc, she said.",
            "Go raibh maith agat; she grew up in the Gaeltacht speaking Gaeilge.",
            "Madainn mhath! She likes Gàidhlig, and Comhairle nan Eilean Siar helped.",
            "Salamat po, said the night nurse.",
            "She moved from Kraków to Swansea, then to Stornoway.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }

    #[test]
    fn names_from_those_languages_are_still_caught() {
        assert_eq!(names("Rang Gethin back."), ["Gethin"]);
        assert_eq!(names("Siân Llewelyn came in."), ["Siân Llewelyn"]);
        assert_eq!(
            names("Visited Agnieszka Kowalczyk."),
            ["Agnieszka Kowalczyk"]
        );
        assert_eq!(names("Niamh Ní Bhriain rang."), ["Niamh Ní Bhriain"]);
        assert_eq!(
            names("Met Mhairi MacLeod in Stornoway."),
            ["Mhairi MacLeod"]
        );
        assert_eq!(names("Hodan was tired."), ["Hodan"]);
        assert_eq!(names("Ionuț asked about his cousin."), ["Ionuț"]);
        assert_eq!(names("With Lily-Mae and her dad."), ["Lily-Mae"]);
        // A Welsh word that is also a name is the name mid-sentence.
        assert_eq!(names("I met Dewi at the surgery."), ["Dewi"]);
    }

    #[test]
    fn welsh_words_are_known_mutated() {
        let forms = welsh_mutations("cymraeg");
        for f in ["gymraeg", "nghymraeg", "chymraeg"] {
            assert!(forms.contains(&f.to_string()), "{f} in {forms:?}");
        }
        assert!(welsh_mutations("llan").contains(&"lan".to_string()));
        assert!(welsh_mutations("iaith").contains(&"hiaith".to_string()));
        assert!(welsh_mutations("ffordd").is_empty());
        assert!(is_ordinary("nghymru") && is_ordinary("gaerdydd") && is_ordinary("mae'n"));
    }

    #[test]
    fn a_tag_reads_as_its_words() {
        assert_eq!(tag_as_text("mensah-family"), "Mensah family");
        assert_eq!(tag_as_text("mrs-okafor"), "Mrs Okafor");
        assert_eq!(tag_as_text("home-visit"), "home visit");
        let c = checker();
        let f = c.scan(&tag_as_text("mensah-family"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "Mensah");
    }

    #[test]
    fn a_title_keeps_people_apart_and_a_shared_one_joins_them() {
        let mut p = People::default();
        let v = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(p.number(&v("mr wiśniewski")), 1);
        assert_eq!(p.number(&v("mr tomasz wiśniewski")), 1);
        assert_eq!(p.number(&v("tomasz")), 1);
        assert_eq!(p.number(&v("mrs wiśniewski")), 2);
        assert_eq!(p.number(&v("kwame mensah")), 3);
        assert_eq!(p.number(&v("mensah")), 3);
        assert_eq!(p.number(&v("sarah")), 4);
        assert_eq!(p.number(&v("mrs sarah jones")), 4);
        assert_eq!(p.number(&v("sarah ann jones")), 4);
        assert_eq!(p.number(&v("sarah patel")), 5);
    }
}
