//! Placeholders that stay the same across an export: the [`Redactor`], its tables of
//! distinct values and its people, joined by their words.

use super::*;

/// Replaces what a [`Checker`] finds with placeholders that stay the same across every
/// call on one redactor: the same person is `[PERSON-1]` in every entry of an export.
#[derive(Debug, Clone)]
pub struct Redactor {
    pub(super) checker: Checker,
    pub(super) people: People,
    pub(super) tables: HashMap<&'static str, Table>,
    pub(super) counts: BTreeMap<FindingKind, usize>,
    /// Name words redacted so far (not everyday words): recognised again anywhere,
    /// even at the start of a sentence where the check alone would let them pass. The
    /// everyday words met as part of a name are kept here too, marked
    /// ([`EVERYDAY_NAME_MARK`], with [`EVERYDAY_NAME_SENTINEL`] once there is one), and
    /// are a name again only where the names pass says so.
    pub(super) known_names: KnownNames,
    /// [`word_hash`] of each of `known_names`.
    pub(super) known_hashes: HashSet<u64, FastHash>,
    /// What redacting a text did, by [`text_key`]: an export reads each text twice
    /// (first to learn its names, then to write it), and the second time replays the
    /// first unless a word it asked about has become a known name since.
    pub(super) memo: HashMap<(u64, u64), Redaction, FastHash>,
}

/// How one text was redacted: the findings of each round, and the words the rounds
/// asked of the known names without finding them.
#[derive(Debug, Clone)]
pub(super) struct Redaction {
    pub(super) rounds: Box<[Box<[Cand]>]>,
    pub(super) unknown_asked: Box<[u64]>,
}

/// The name words a redactor has met, folded: asked of most capitalised words of every
/// text, so hashed the cheap way ([`FastHash`]).
pub(super) type KnownNames = HashSet<String, FastHash>;

/// A word's hash, for asking cheaply whether it may have become a known name (two
/// words with one hash only make a redactor work a text out again).
pub(super) fn word_hash(w: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut h = Fnv::default();
    h.write(w.as_bytes());
    h.finish()
}

/// A text's key: two unrelated 64-bit hashes of it, so that two texts sharing one are
/// not to be met in any journal.
pub(super) fn text_key(text: &str) -> (u64, u64) {
    use std::hash::{Hash as _, Hasher as _};
    let mut a = Fnv::default();
    a.write(text.as_bytes());
    let mut b = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut b);
    (a.finish(), b.finish())
}

/// Distinct values of one kind, numbered in order of first appearance.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    pub(super) numbers: HashMap<String, usize>,
}

impl Table {
    pub(super) fn number(&mut self, key: String) -> usize {
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
pub(super) struct People {
    pub(super) by_key: HashMap<String, usize>,
    pub(super) by_word: HashMap<String, Vec<usize>>,
    /// Person n-1: the words of the longest name seen (titles aside), and the title.
    pub(super) known: Vec<(Vec<String>, Option<String>)>,
}

impl People {
    pub(super) fn number(&mut self, words: &[String]) -> usize {
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

impl People {
    /// Makes `words` (a name met beside person `n`'s full name) another name of person
    /// `n`, unless the name is someone's already.
    pub(super) fn join(&mut self, words: &[String], n: usize) {
        let key = words.join(" ");
        if self.by_key.contains_key(&key) {
            return;
        }
        self.by_key.insert(key, n);
        for w in words.iter().filter(|w| !is_honorific(w)) {
            let list = self.by_word.entry(w.clone()).or_default();
            if !list.contains(&n) {
                list.push(n);
            }
        }
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
            known_names: KnownNames::default(),
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
    pub(super) fn replace(&mut self, text: &str, cands: &[Cand]) -> String {
        let mut next = String::with_capacity(text.len());
        let mut at = 0;
        let mut ahead = None;
        for (i, c) in cands.iter().enumerate() {
            next.push_str(&text[at..c.start]);
            let found = &text[c.start..c.end];
            // A name before its full name in brackets ("Dod (George Cruickshank)") is the
            // one person: the full name is numbered first and the other name joins it.
            let full = cands.get(i + 1).filter(|f| {
                c.kind == FindingKind::Name
                    && f.kind == FindingKind::Name
                    && !found.contains(' ')
                    && &text[c.end..f.start] == " ("
                    && text[f.start..f.end].contains(' ')
                    && text[f.end..].starts_with(')')
            });
            let placeholder = if let Some(f) = full {
                let whole = self.placeholder(f, &text[f.start..f.end]);
                let n = self.people.number(&name_key(&text[f.start..f.end]));
                self.people.join(&name_key(found), n);
                ahead = Some(whole);
                self.placeholder(c, found)
            } else if let Some(whole) = ahead.take() {
                whole
            } else {
                self.placeholder(c, found)
            };
            next.push_str(&placeholder);
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

    pub(super) fn table(&mut self, prefix: &'static str) -> &mut Table {
        self.tables.entry(prefix).or_default()
    }

    pub(super) fn placeholder(&mut self, c: &Cand, found: &str) -> String {
        *self.counts.entry(c.kind).or_default() += 1;
        // Keyed by its figures whatever their script: "۰۷۷۰۰ ۹۰۰ ۳۲۱" is 07700 900 321.
        let folded = fold_foreign_digits(found).map(|(f, _)| f);
        let found = folded.as_deref().unwrap_or(found);
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
            FindingKind::Postcode => numbered(self, "POSTCODE", postcode_key(found)),
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
pub(super) fn name_key(found: &str) -> Vec<String> {
    let words: Vec<String> = tokens(found)
        .iter()
        .map(|t| without_accents(&fold_str(&found[t.start..t.base_end])))
        .collect();
    // Spelt out in spaced capitals, the name it spells: "J A N I C E" is "janice".
    if words.len() >= 3 && words.iter().all(|w| w.len() == 1) {
        return vec![words.concat()];
    }
    words
}

/// A word's letters without their accents: "zdeněk" → "zdenek", "łukasz" → "lukasz",
/// "nguyễn" → "nguyen".
pub(super) fn without_accents(w: &str) -> String {
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

pub(super) fn subject_key(found: &str) -> String {
    found
        .trim()
        .chars()
        .map(|c| match c {
            '_' | '‐' | ' ' => '-',
            c => fold(c),
        })
        .collect()
}

pub(super) fn words_key(found: &str) -> String {
    found
        .split_whitespace()
        .map(fold_str)
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn alnum_key(found: &str) -> String {
    found
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The figures of a phone as found, without its extension: its digits, an "O" typed
/// beside a figure as a zero ("07700 9OO 871"), or, read out in words, the figures the
/// words say ("oh seven seven hundred…"): two numbers read out are two keys, not one
/// empty one.
fn phone_figures(found: &str) -> String {
    // An extension is no part of the number: "0113 496 0123 ext 2201", "… (x4)". (Read
    // out in words, a number has no figures for one to follow: it is all kept.)
    let found = found
        .char_indices()
        .find(|&(i, c)| {
            (c.is_ascii_alphabetic() && c != 'O' && found[..i].bytes().any(|b| b.is_ascii_digit()))
                || (c == '(' && found[..i].bytes().filter(u8::is_ascii_digit).count() >= 7)
        })
        .map_or(found, |(i, _)| &found[..i]);
    if found.bytes().any(|b| b.is_ascii_digit()) {
        let read = zeros_typed_as_o(found).map_or_else(|| found.as_bytes().to_vec(), |(r, _)| r);
        return read
            .into_iter()
            .filter(u8::is_ascii_digit)
            .map(char::from)
            .collect();
    }
    let mut out = String::new();
    let mut times = 1;
    for w in found
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match spoken(w) {
            Some(Spoken::Figure(d)) => {
                for _ in 0..times {
                    out.push(char::from(b'0' + d));
                }
                times = 1;
            }
            Some(Spoken::Times(n)) => times = n,
            Some(Spoken::Hundred) => out.push_str("00"),
            None => {}
        }
    }
    out
}

/// The national number: "+44 (0)20 7946 0000" and "020 7946 0000" are one phone.
pub(super) fn phone_key(found: &str) -> String {
    let digits = phone_figures(found);
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
