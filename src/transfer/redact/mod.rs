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

mod addresses;
mod contacts;
mod cues;
mod dates;
mod names;
mod numbers;
mod places;
mod redactor;
mod spans;
mod text;
mod words;

use addresses::*;
use contacts::*;
use cues::*;
use dates::*;
use names::*;
use numbers::*;
use places::*;
pub use redactor::Redactor;
use redactor::*;
use spans::*;
use text::*;
use words::*;

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
    name_words: HashSet<String, FastHash>,
    /// The words asked of the known names and not found there, by [`word_hash`]: the
    /// scan's result can change only once one of them is known.
    unknown_asked: Vec<u64>,
}

/// `find` on the text `fold` makes of `text` where it changes anything, with what it
/// finds put back where it stands in `text` (`fold` gives, for each byte offset of its
/// text and its end, the offset in `text`).
fn on_folded(
    text: &str,
    fold: impl Fn(&str) -> Option<(String, Vec<usize>)>,
    find: impl Fn(&str) -> Scan,
) -> Scan {
    let Some((folded, at)) = fold(text) else {
        return find(text);
    };
    let mut scan = find(&folded);
    for c in &mut scan.cands {
        c.start = at[c.start];
        c.end = at[c.end];
    }
    scan
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
        self.scan_with(text, &KnownNames::default())
    }

    /// [`Checker::scan`], also finding the name words in `known` wherever they stand.
    fn scan_with(&self, text: &str, known: &KnownNames) -> Vec<Finding> {
        let scan = self.find(text, known);
        to_findings(text, &scan.cands)
    }

    /// Findings in every free-text field of an entry, with the field's name as a user
    /// would read it ("title", "body", a section key such as "so-what", "tag",
    /// "action"…). A stage note's or call-in's subject field is one finding as a whole.
    #[must_use]
    pub fn scan_entry(&self, e: &Entry) -> Vec<(String, Finding)> {
        self.scan_entry_with(e, &KnownNames::default())
    }

    /// [`Checker::scan_entry`], also finding the name words in `known`.
    fn scan_entry_with(&self, e: &Entry, known: &KnownNames) -> Vec<(String, Finding)> {
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

    fn find(&self, text: &str, known_names: &KnownNames) -> Scan {
        // Hard-wrapped prose is read with the breaks that split a word or a name taken
        // out ("Moor-\nhouse"), and figures of another script ("١٨/٣/٢٠٢٥", "۰۷۷۰۰ ۹۰۰
        // ۳۲۱") as the figures they are; what is found is put back where it stands.
        on_folded(text, unwrap_lines, |t| {
            on_folded(t, fold_foreign_digits, |t| self.find_folded(t, known_names))
        })
    }

    /// [`Checker::find`] on a text as it is to be read: its lines unwrapped, its figures
    /// all ASCII.
    fn find_folded(&self, text: &str, known_names: &KnownNames) -> Scan {
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
        name_hashtags(text, &mut cands);
        // Phones, ID numbers, postcodes, dates and addresses all hold an ASCII digit.
        let digits = text.bytes().any(|c| c.is_ascii_digit());
        if digits {
            digit_runs(text, &mut cands);
            phones_with_letter_o(text, &mut cands);
            phones_across_a_line(text, &mut cands);
            ni_numbers(text, &mut cands);
            pps_numbers(text, &toks, &mut cands);
            record_numbers(text, &toks, &mut cands);
            long_numbers(text, &toks, &mut cands);
            bank_details(text, &mut cands);
            dashed_numbers(text, &mut cands);
            codes_by_shape(text, &toks, &mut cands);
            year_serials(text, &toks, &mut cands);
            pnc_ids(text, &toks, &mut cands);
            dashed_chi_numbers(text, &toks, &mut cands);
            coded_numbers(text, &toks, &mut cands);
            numbers_by_foreign_shape(text, &mut cands);
            numbers_by_their_shape(text, &toks, &mut cands);
            map_positions(text, &mut cands);
            slashed_codes(text, &toks, &mut cands);
            days_of_this_month(text, &toks, &mut cands);
            thread_speakers(text, &mut cands);
            chat_speakers(text, &mut cands);
        }
        obfuscated_emails(text, &mut cands);
        if text.contains("///") {
            what3words(text, &mut cands);
        }
        days_without_a_year(text, &toks, &mut cands);
        dates_in_words(text, &toks, &mut cands);
        if !text.is_ascii() {
            dates_of_other_calendars(text, &toks, &mut cands);
            dates_in_native_figures(text, &mut cands);
        }
        if digits {
            dates_by_calendar_months(text, &mut cands);
        }
        spoken_phones(text, &toks, &mut cands);
        spoken_postcodes(text, &toks, &mut cands);
        if digits {
            postcodes(text, &toks, &mut cands);
            vehicle_registrations(text, &toks, &mut cands);
            bleeps(text, &toks, &mut cands);
            numeric_dates(text, &mut cands);
            nights_of_two_days(text, &mut cands);
            roman_month_dates(text, &mut cands);
            hungarian_dates(text, &toks, &mut cands);
            days_and_months_alone(text, &toks, &mut cands);
            listed_days(text, &mut cands);
            weekday_columns(text, &mut cands);
            day_lines(text, &mut cands);
            word_dates(text, &toks, &mut cands);
            if !text.is_ascii() {
                korean_dates(text, &toks, &mut cands);
            }
            feast_dates(text, &toks, &mut cands);
            addresses(text, &toks, &mut cands);
            grid_references(text, &toks, &mut cands);
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
        // ("56 Dean Street") included: taken out here, before the rules below widen
        // what was found, and again after them.
        let inside_allowed =
            |c: &Cand| allowed.iter().any(|a| a.start <= c.start && c.end <= a.end);
        cands.retain(|c| !inside_allowed(c));
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
        // The names found so far are the speakers of chats: learnt below.
        let speakers: Vec<(usize, usize)> = cands
            .iter()
            .filter(|c| c.kind == FindingKind::Name)
            .map(|c| (c.start, c.end))
            .collect();
        let mut name_words = self.names(
            text,
            words,
            (&masked, &allowed),
            (known_names, &mut unknown_asked),
            &mut cands,
        );
        learn_names(text, &speakers, &mut name_words);
        known_names_in_joined_words(text, &toks, (known_names, &mut unknown_asked), &mut cands);
        schools(text, words, &mut cands);
        workplaces_and_wards(text, words, &mut cands);
        named_buildings(text, words, &mut cands);
        named_services(text, words, &mut cands);
        places_on_a_street(text, words, &mut cands);
        addresses_in_words(text, words, &mut cands);
        french_streets(text, words, &mut cands);
        streets_abroad(text, words, &mut cands);
        spelled_names(text, &toks, &mut cands);
        saints_places(text, words, &mut cands);
        hospitals_by_shorthand(text, words, &mut cands);
        hospital_initials_before_departments(text, &toks, &mut cands);
        hospitals_by_initials(text, &toks, &mut cands);
        places_by_kind(text, words, &mut cands);
        named_places_in_lowercase(text, words, &mut cands);
        homes_named_before_a_noun(text, words, &mut cands);
        unnumbered_addresses(text, words, &mut cands);
        streets_without_a_number(text, words, &mut cands);
        districts(text, words, &mut cands);
        buildings_by_a_room(text, words, &mut cands);
        if digits {
            home_rooms(text, words, &mut cands);
            blocks_and_plots(text, words, &mut cands);
            house_numbers_alone(text, words, &mut cands);
            pupils_by_form(text, words, &mut cands);
        }
        // "Princess Royal Maternity": a royal's title opens the name found from "Royal".
        for c in &mut cands {
            if c.kind == FindingKind::Place && text[c.start..].starts_with("Royal ") {
                for r in ["Princess ", "Prince "] {
                    if text[..c.start].ends_with(r) && left_boundary(text, c.start - r.len()) {
                        c.start -= r.len();
                    }
                }
            }
        }
        city_royals(text, words, &mut cands);
        homes_called_the(text, words, &mut cands);
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
        months_as_names(text, words, &mut cands);
        initials_alone(text, words, &mut cands);
        family_case_names(text, &mut cands);
        initials_owning(text, &mut cands);
        names_listed_under_kin_labels(text, words, &mut cands, &mut name_words);
        names_in_capitals_opening_lines(text, &mut cands);
        names_in_capitals_after_labels(text, &mut cands);
        initials_after_names_in_capitals(text, &mut cands);
        names_typed_fast(text, words, &mut cands);
        retired_titles(text, words, &mut cands);
        named_by_brackets(text, words, &mut cands, &mut name_words);
        listed_references(text, &mut cands);
        quoted_nicknames(text, words, &mut cands);
        name_signs(text, &mut cands);
        names_signing_off(text, words, &mut cands);
        table_columns(text, words, &mut cands);
        names_before_full_names(text, words, &mut cands, &mut name_words);
        initials_in_attendance(text, &toks, &mut cands);
        initials_signing_off(text, &mut cands);
        residents_by_room(text, &mut cands);
        full_names_in_brackets(text, &mut cands);
        name_extents(text, words, &mut cands);
        surname_initials(text, &mut cands);
        if !text.is_ascii() {
            names_in_other_scripts(text, &mut cands);
        }
        surnames_in_capitals(text, &mut cands);
        if digits {
            names_in_jyutping(text, &mut cands);
        }
        first_words_before(text, words, &mut cands);
        place_tails(text, words, &mut cands);
        rooms_before_addresses(text, &mut cands);
        rooms_between_parts_of_homes(text, words, &mut cands);
        if digits {
            parts_of_homes(text, &mut cands);
        }
        places_before_streets(text, words, &mut cands);
        buildings_before_places(text, words, &mut cands);
        districts_after_places(text, words, &mut cands);
        kinds_at_named_places(text, words, &mut cands);
        first_lines_of_addresses(text, words, &mut cands);
        lines_before_postcodes(text, words, &mut cands);
        flat_positions(text, &mut cands);
        wards_by_name(text, &mut cands);
        homes_in_lowercase(text, &mut cands);
        name_openers(text, &mut cands);
        kinds_after_names(text, words, &mut cands);
        places_over_small_words(text, words, &mut cands);
        saints_days_are_no_one(text, &mut cands);
        yearly_days_are_no_one(text, &mut cands);
        two_saints(text, &mut cands);
        check_characters(text, &mut cands);
        if digits {
            numbers_found_again(text, &mut cands);
        }
        cands.retain(|c| !overlaps_any(c, &masked));
        // Nor by the rules that run after the names: "the Stormont House legacy
        // summary" is an agreement, not a house someone lives in.
        cands.retain(|c| !inside_allowed(c));
        record_cues_are_no_one(text, &mut cands);
        legal_references_are_no_one(text, &mut cands);
        field_names_are_no_one(text, &mut cands);
        if !self.allow_words.is_empty() {
            // The user's `allow` holds for every rule that finds a name, not the names
            // pass alone: a name all of whose words are allowed is no one, and an
            // allowed word is never learned as someone's name.
            cands.retain(|c| c.kind != FindingKind::Name || !self.all_allowed(words, c));
            name_words.retain(|w| {
                !self
                    .allow_words
                    .contains(w.trim_start_matches(EVERYDAY_NAME_MARK))
            });
        }
        Scan {
            cands: merge(cands),
            name_words,
            unknown_asked,
        }
    }
}

impl Checker {
    /// Whether every word of `c` is in the user's `allow` (a span of no word is not).
    fn all_allowed(&self, words: Words<'_>, c: &Cand) -> bool {
        let first = words.toks.partition_point(|t| t.end <= c.start);
        let mut inside = words.toks[first..]
            .iter()
            .zip(&words.lowers[first..])
            .take_while(|(t, _)| t.start < c.end)
            .filter(|(t, _)| t.letters)
            .peekable();
        inside.peek().is_some() && inside.all(|(_, l)| self.allow_words.contains(l.as_ref()))
    }
}

/// A name met before in the export, inside a word joined by hyphens: "every post-Seun
/// admission", "the Seun-versus-the-ward night". Only the name goes. What is asked and not
/// known is written down, as the names pass does, so that a redactor reusing this scan
/// knows when it may change.
fn known_names_in_joined_words(
    text: &str,
    toks: &[Tok],
    (known, unknown_asked): (&KnownNames, &mut Vec<u64>),
    cands: &mut Vec<Cand>,
) {
    if known.is_empty() {
        return;
    }
    for t in toks {
        let w = &text[t.start..t.base_end];
        if !t.letters || !w.contains('-') {
            continue;
        }
        let mut at = t.start;
        let mut found = Vec::new();
        // Whether every part is the name met before or a word in lowercase.
        let mut name_and_words = true;
        for part in w.split('-') {
            let s = at;
            at += part.len() + 1;
            if !part.starts_with(char::is_uppercase) || part.chars().nth(1).is_none() {
                name_and_words &= part.starts_with(char::is_lowercase);
                continue;
            }
            let l = fold_str(part);
            if known.contains(&l) {
                found.push(Cand::new(FindingKind::Name, s, s + part.len()));
            } else {
                name_and_words = false;
                unknown_asked.push(word_hash(&l));
            }
        }
        if found.is_empty() {
            continue;
        }
        // "the Tendai-and-mum meeting": the whole word found as a name of its own would
        // be someone new; it is the one met before, and the words stay.
        if name_and_words {
            cands.retain(|c| {
                !(c.kind == FindingKind::Name
                    && c.start == t.start
                    && (c.end == t.base_end || c.end == t.end))
            });
        }
        cands.extend(found);
    }
}

/// A law's part cut short before its number is no one: "the Reg 44 visitor", "Art 8",
/// "Sec 117 aftercare" ("Reg", "Art" and "Sec" are names too).
fn legal_references_are_no_one(text: &str, cands: &mut Vec<Cand>) {
    cands.retain(|c| {
        !(c.kind == FindingKind::Name
            && matches!(
                &text[c.start..c.end],
                "Reg" | "Art" | "Sec" | "Para" | "Sch"
            )
            && text[c.end..].starts_with(' ')
            && text[c.end + 1..].starts_with(|ch: char| ch.is_ascii_digit()))
    });
}

/// A field's name in pasted markup or data is no one: an attribute before its value
/// (`contact_name="…"`, `readable_date='…'`) or a key in quotes before a colon
/// (`"display_name": "…"`), where it is written as code writes names: in lower case,
/// with an underscore.
fn field_names_are_no_one(text: &str, cands: &mut Vec<Cand>) {
    if !text.contains('_') {
        return;
    }
    cands.retain(|c| {
        let w = &text[c.start..c.end];
        !(c.kind == FindingKind::Name
            && w.contains('_')
            && !w.contains(' ')
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && (text[c.end..].starts_with("=\"")
                || text[c.end..].starts_with("='")
                || (text[..c.start].ends_with('"') && text[c.end..].starts_with("\":"))))
    });
}

/// A record's cue in capitals before its number is no one's initials: "NIC 198876543210",
/// "EGN 8503124567".
fn record_cues_are_no_one(text: &str, cands: &mut Vec<Cand>) {
    // A name that is a cue (short, and in the list) is rare: looked for first.
    let cue = |c: &Cand| {
        c.kind == FindingKind::Name
            && c.end - c.start <= 12
            && RECORD_HEADS
                .iter()
                .any(|h| text[c.start..c.end].eq_ignore_ascii_case(h))
    };
    if !cands.iter().any(cue) {
        return;
    }
    let numbers: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == FindingKind::RecordNumber)
        .map(|c| c.start)
        .collect();
    // Once redacted, the number is its placeholder.
    let number_at = |at: usize| numbers.contains(&at) || text[at..].starts_with("[ID-NUMBER-");
    cands.retain(|c| {
        !(cue(c)
            && [" ", ": "]
                .iter()
                .any(|gap| text[c.end..].starts_with(gap) && number_at(c.end + gap.len())))
    });
}

/// A text's tokens, with each one's folded base beside it (worked out once, for the
/// names and the schools).
#[derive(Clone, Copy)]
struct Words<'a> {
    toks: &'a [Tok],
    lowers: &'a [Cow<'a, str>],
}

/// Learns the names found at `spans` that are one word no dictionary holds (nor a word
/// of another language, nor a name that is also an everyday word), so that the rounds
/// after find the person wherever the word is written: a chat's speaker ("Chú Bảy: …",
/// then "\"Bảy\" is a nickname"), a child listed under "Children:".
fn learn_names(text: &str, spans: &[(usize, usize)], names: &mut HashSet<String, FastHash>) {
    for &(s, e) in spans {
        let w = &text[s..e];
        // Not an abbreviation in capitals ("CIN", "NFA").
        if w.contains([' ', '.', '_', '@'])
            || w.chars().count() < 3
            || w.bytes().all(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        let l = fold_str(w);
        if !in_dictionary(&l)
            && !other_words().contains(l.as_str())
            && !is_allowed(&l)
            && !name_list()
                .get(l.as_str())
                .is_some_and(|&(everyday, _)| everyday)
        {
            names.insert(l);
        }
    }
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

#[cfg(test)]
mod tests;
