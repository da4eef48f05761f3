//! Characters, tokens and placeholders, and the whole-word patterns of subject keys,
//! never-export words and allowed phrases.

use super::*;

// ---------------------------------------------------------------------------------------
// Characters, tokens and placeholders.

/// A character's lowercase form when it is one character (case-insensitive matching
/// that keeps byte offsets meaningful).
pub(super) fn fold(c: char) -> char {
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
pub(super) fn fold_cow(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold_str(s))
    }
}

/// FNV-1a: a fast hasher for the short words of the sets looked up per token (only
/// membership is asked of them, so the hasher changes no result).
#[derive(Default, Clone, Copy)]
pub(super) struct Fnv(u64);

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

pub(super) type FastHash = std::hash::BuildHasherDefault<Fnv>;

pub(super) fn fold_str(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { fold(c) })
        .collect()
}

/// The value of a decimal digit of another script: Arabic-Indic ("٣"), Persian ("۳"),
/// Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Malayalam, Thai ("๑๗"), Lao, Tibetan,
/// Myanmar, Khmer and full-width ("３").
pub(super) fn foreign_digit(c: char) -> Option<u8> {
    const ZEROS: [u32; 14] = [
        0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0BE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20,
        0x1040, 0x17E0, 0xFF10,
    ];
    let c = c as u32;
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&c))
        .and_then(|&z| u8::try_from(c - z).ok())
}

/// The text with every digit of another script written as its ASCII figure, and for
/// each byte offset of the result (and its end) the offset it stands for in `text`; or
/// `None` where the text has no such digit.
pub(super) fn fold_foreign_digits(text: &str) -> Option<(String, Vec<usize>)> {
    if text.is_ascii() || !text.chars().any(|c| foreign_digit(c).is_some()) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        match foreign_digit(c) {
            Some(d) => {
                folded.push(char::from(b'0' + d));
                map.push(at);
            }
            None => {
                folded.push(c);
                map.extend((0..c.len_utf8()).map(|k| at + k));
            }
        }
    }
    map.push(text.len());
    Some((folded, map))
}

/// The text with the breaks of hard-wrapped prose taken out where they split a word or
/// a name, as a PDF or an email copied with its lines leaves them: a word broken by a
/// hyphen at a line's end is joined ("Uncle Moor-\nhouse" reads "Uncle Moorhouse"), and a
/// break between two capitalised words is read as a space ("Birkby Junior\nSchool", "Dr
/// Patricia\nOkonkwo-Bell"). Only after a long line of prose (no tab, at least 60
/// characters and 8 words): a list, a form, a table, a log, a chat or an address over
/// several lines keeps its lines, and so does a line whose first words hold a label, a
/// time or a number ("Name:", "Dee 09:14:", "Bed 4"). With, for each byte offset of the
/// result (and its end), the offset it stands for in `text`; `None` when no break is
/// taken out.
pub(super) fn unwrap_lines(text: &str) -> Option<(String, Vec<usize>)> {
    const LONG: usize = 60;
    if text.len() < LONG || !text.contains('\n') {
        return None;
    }
    // A line whose first words hold a label, a time or a number is a form's, a log's or
    // a chat's ("Name:", "Dee 09:14:", "Bed 4"), whichever side of the break it is on; a
    // report's paragraph number opening it ("3.1") is not.
    let labelled = |l: &str| {
        l.split_whitespace().take(3).enumerate().any(|(i, w)| {
            w.contains(':')
                || (w.contains(|c: char| c.is_ascii_digit())
                    && !(i == 0 && w.chars().all(|c| c.is_ascii_digit() || c == '.')))
        })
    };
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && c.next().is_some_and(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || is_joiner(c))
    };
    // The breaks taken out, in order: (start, end, whether the bytes are dropped, a
    // hyphen with its break, or read as spaces, a break alone).
    let mut edits: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    while let Some(nl) = text[start..].find('\n').map(|i| start + i) {
        let brk_start = if text[start..nl].ends_with('\r') {
            nl - 1
        } else {
            nl
        };
        let line = &text[start..brk_start];
        let next_start = nl + 1;
        let next_line = text[next_start..].split('\n').next().unwrap_or("");
        start = next_start;
        let prose = !line.contains('\t')
            && line.chars().count() >= LONG
            && line.split_whitespace().count() >= 8
            && !labelled(line);
        if !prose {
            continue;
        }
        let first_word = next_line
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let Some(first) = first_word.chars().next() else {
            continue;
        };
        if let Some(stem) = line.strip_suffix('-') {
            let mut back = stem.chars().rev();
            if back.next().is_some_and(char::is_alphabetic)
                && back.next().is_some_and(char::is_alphabetic)
                && first.is_lowercase()
            {
                edits.push((brk_start - 1, next_start, true));
            }
            continue;
        }
        let last_word = line.rsplit(' ').next().unwrap_or("");
        let first_word = first_word.trim_end_matches([',', '.', ';', '!', '?', ')']);
        if capitalised(last_word) && capitalised(first_word) && !labelled(next_line) {
            edits.push((brk_start, next_start, false));
        }
    }
    if edits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut edits = edits.into_iter().peekable();
    let mut at = 0;
    while at < text.len() {
        if let Some(&(a, b, dropped)) = edits.peek()
            && a == at
        {
            edits.next();
            if !dropped {
                for k in a..b {
                    out.push(' ');
                    map.push(k);
                }
            }
            at = b;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        out.push(c);
        map.extend((0..c.len_utf8()).map(|k| at + k));
        at += c.len_utf8();
    }
    map.push(text.len());
    Some((out, map))
}

pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Whether what follows an "&" after one capital makes a pair of capitals: "A&E", "B&Q".
pub(super) fn capital_pair(after: &str) -> bool {
    let mut c = after.chars();
    c.next().is_some_and(|x| x.is_ascii_uppercase())
        && c.next().is_none_or(|x| !x.is_alphanumeric())
}

/// A maximal run of letters and digits, joined across inner apostrophes and hyphens
/// ("O'Neill", "Smith-Jones", "co-production"), and a pair of capitals across an "&"
/// ("A&E").
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// End without a possessive `'s`.
    pub(super) base_end: usize,
    pub(super) letters: bool,
    pub(super) digits: bool,
}

pub(super) fn tokens(text: &str) -> Vec<Tok> {
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

pub(super) const PLACEHOLDER_PREFIXES: [&str; 9] = [
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
pub(super) fn placeholders(text: &str) -> Vec<(usize, usize)> {
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

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Whether a clause ends at `i`: the text's end, a stop, a comma, a colon, a closing
/// bracket or a line's end ("… at Sheffield Children's.", "…, Enniskillen, 22-02-25").
pub(super) fn ends_clause(text: &str, i: usize) -> bool {
    let after = &text[i..];
    after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '\n'])
}

/// The words of `text` between spaces and line breaks, with their offsets, stripped of
/// the punctuation around them.
pub(super) fn words_between_spaces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split([' ', '\n', '\t']).scan(0, move |at, w| {
        let start = *at;
        *at += w.len() + 1;
        let lead = w.len() - w.trim_start_matches(['(', '[', '"', '“', '‘']).len();
        let body = w[lead..].trim_end_matches([',', '.', ';', ':', ')', ']', '!', '?', '”', '’']);
        Some((start + lead, body))
    })
}

/// The offset at most `n` bytes before `at` where a character of `text` starts: how far
/// back a rule that looks only a few words behind reads.
pub(super) fn back_within(text: &str, at: usize, n: usize) -> usize {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The lines of `text` without their "\n", each with the offset it starts at.
pub(super) fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split('\n').map(move |line| {
        let start = at;
        at += line.len() + 1;
        (start, line)
    })
}

/// Whether `i` opens a line of `text`: its start, or just after a "\n".
pub(super) fn opens_line(text: &str, i: usize) -> bool {
    i == 0 || text[..i].ends_with('\n')
}

/// Whether a word may start at `i`: not inside a word, nor after a hyphen or apostrophe
/// that joins it to one.
pub(super) fn left_boundary(text: &str, i: usize) -> bool {
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
pub(super) fn right_boundary(text: &str, i: usize) -> bool {
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
pub(super) enum PatChar {
    Lit(char),
    /// One or more whitespace characters.
    Space,
    /// A hyphen or underscore in the pattern: any of `-`, `_` or a space in the text.
    Joiner,
}

/// A word or phrase matched whole-word and case-insensitively.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) chars: Vec<PatChar>,
    /// Never-export phrases: the words may also be joined by a hyphen or underscore or
    /// run together ("ward-7", "ward7", "TeamNorth"), and a plural `s` may follow.
    pub(super) loose: bool,
    /// The ASCII letters and digits the pattern starts with, for a quick refusal.
    pub(super) ascii_head: Vec<u8>,
}

impl Pattern {
    pub(super) fn new(s: &str) -> Option<Pattern> {
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

    pub(super) fn loose(s: &str) -> Option<Pattern> {
        Pattern::new(s).map(|p| Pattern { loose: true, ..p })
    }

    pub(super) fn first(&self) -> Option<char> {
        match self.chars.first() {
            Some(PatChar::Lit(c)) => Some(*c),
            _ => None,
        }
    }

    /// The end of a match starting at `at`, if the text matches there.
    pub(super) fn match_at(&self, text: &str, at: usize) -> Option<usize> {
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
pub(super) struct PatSet {
    pub(super) pats: Vec<Pattern>,
    /// (first character, index into `pats`), sorted; patterns with no literal first
    /// character never match and are left out.
    pub(super) firsts: Vec<(char, usize)>,
    /// Bit `c` set when some pattern starts with ASCII character `c`.
    pub(super) ascii: u128,
    /// For ASCII character `c`, the range of `firsts` starting with it.
    pub(super) ascii_ranges: Vec<(usize, usize)>,
}

impl PatSet {
    pub(super) fn new(pats: Vec<Pattern>) -> Self {
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

    pub(super) fn range_of(&self, fc: char) -> (usize, usize) {
        let from = self.firsts.partition_point(|&(c, _)| c < fc);
        let to = from + self.firsts[from..].partition_point(|&(c, _)| c == fc);
        (from, to)
    }

    /// The patterns whose first character is `fc`.
    pub(super) fn starting_with(&self, fc: char) -> impl Iterator<Item = &Pattern> {
        let (from, to) = if fc.is_ascii() {
            self.ascii_ranges[fc as usize]
        } else {
            self.range_of(fc)
        };
        self.firsts[from..to].iter().map(|&(_, i)| &self.pats[i])
    }

    pub(super) fn may_start(&self, fc: char) -> bool {
        if fc.is_ascii() {
            self.ascii & (1u128 << (fc as u32)) != 0
        } else {
            self.starting_with(fc).next().is_some()
        }
    }
}

/// Matches of `set` in `text`, whose tokens are `toks`: a match starts where a word may
/// ([`left_boundary`]), which is always where a token starts, so only those are tried.
pub(super) fn find_patterns(
    text: &str,
    toks: &[Tok],
    set: &PatSet,
    kind: FindingKind,
    out: &mut Vec<Cand>,
) {
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
        // The second and third bytes, where they are ASCII, rule out most patterns of
        // that first letter before they are matched ("he", "her" before "Herbert
        // Protocol").
        let second = (b[i].is_ascii())
            .then(|| b.get(i + 1).filter(|c| c.is_ascii()))
            .flatten()
            .map(u8::to_ascii_lowercase);
        let third = second
            .and_then(|_| b.get(i + 2).filter(|c| c.is_ascii()))
            .map(u8::to_ascii_lowercase);
        let best = set
            .starting_with(fc)
            .filter_map(|p| {
                if let (Some(c), Some(&h)) = (second, p.ascii_head.get(1))
                    && c != h
                {
                    return None;
                }
                if let (Some(c), Some(&h)) = (third, p.ascii_head.get(2))
                    && c != h
                {
                    return None;
                }
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
