//! Exact dates: in figures, in words, without a year, and in Welsh.

use super::*;

pub(super) const MONTHS: [&str; 12] = [
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

pub(super) fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

// ---------------------------------------------------------------------------------------
// Dates.

pub(super) fn two_digit_year(y: u32) -> i32 {
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
pub(super) fn numeric_dates(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let num = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let value = |i: usize, n: usize| text[i..i + n].parse::<u32>().ok();
    // (A date in boxes has its year in four figures: "3 / 4 / 25" may be a score.)
    let n3_short = |k: usize| num(k) != 4;
    each_digit_run(text, |i, n1| {
        let found = (|| {
            let s = *b.get(i + n1)?;
            // Copied from a form's boxes, a spaced slash: "05 / 06 / 2016".
            let boxed = text[i + n1..].starts_with(" / ");
            // As Central Europe writes a date, a space after each stop: "12. 6. 1983".
            let stopped = !boxed && n1 <= 2 && text[i + n1..].starts_with(". ");
            if !matches!(s, b'/' | b'-' | b'.') && !boxed {
                return None;
            }
            let sep = if boxed {
                " / "
            } else if stopped {
                ". "
            } else {
                &text[i + n1..=i + n1]
            };
            let j = i + n1 + sep.len();
            let n2 = num(j);
            if n2 == 0
                || n2 > 2
                || !text[j + n2..].starts_with(sep)
                || ((boxed || stopped) && n3_short(j + n2 + sep.len()))
            {
                return None;
            }
            let k = j + n2 + sep.len();
            let n3 = num(k);
            let end = k + n3;
            // "2025-03-04T10:15": a system's date with its time joined by "T".
            let timed = n1 == 4
                && b.get(end) == Some(&b'T')
                && b.get(end + 1..end + 4).is_some_and(|t| {
                    t[0].is_ascii_digit() && t[1].is_ascii_digit() && t[2] == b':'
                });
            let after_ok = timed
                || (right_boundary(text, end)
                    && !(matches!(b.get(end), Some(b'/' | b'-' | b'.'))
                        && b.get(end + 1).is_some_and(u8::is_ascii_digit)));
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
                let (a, b) = (value(i, n1)?, value(j, n2)?);
                // "03/13/2025": written the American way, month first, where the second
                // number can only be a day (a four-figure year, a slash); with two
                // figures of a year where a time follows, as a meeting app's report
                // gives it ("3/18/25, 1:58:12 PM").
                let timed_after = text[end..]
                    .strip_prefix(", ")
                    .or_else(|| text[end..].strip_prefix(' '))
                    .is_some_and(|t| {
                        let h = t.bytes().take_while(u8::is_ascii_digit).count();
                        (1..=2).contains(&h) && t.as_bytes().get(h) == Some(&b':')
                    });
                if (n3 == 4 || timed_after)
                    && s == b'/'
                    && (1..=12).contains(&a)
                    && (13..=31).contains(&b)
                {
                    (b, a, y)
                } else {
                    (a, b, y)
                }
            } else {
                return None;
            };
            // A year of the Persian calendar first ("1403/12/25", often in Persian
            // figures, read as these): a date, its month and year not Gregorian ones.
            let solar_hijri = n1 == 4 && (1300..=1499).contains(&y);
            ((1..=31).contains(&d)
                && (1..=12).contains(&m)
                && ((1900..=2099).contains(&y) || solar_hijri))
                .then_some((end, m, y))
        })();
        let (end, m, y) = found?;
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
        c.date = (y >= 1900).then_some(DateParts {
            month: m,
            year: Some(y),
        });
        push_date(text, c, out);
        Some(end)
    });
}

/// Calls `at` with each run of figures that may start a number (where it starts and how
/// many figures it has), in order. A run `at` takes, saying where what it found ends, is
/// read on from there; any other from the run's own end.
fn each_digit_run(text: &str, mut at: impl FnMut(usize, usize) -> Option<usize>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || !run_may_start(text, i) {
            i += 1;
            continue;
        }
        let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i = at(i, n).unwrap_or(i + n.max(1));
    }
}

/// A night written as its two days: "14/15 March", "19-20/03/25". A day, "/" or "-",
/// the next day, then a month's name, or "/" and the month's number (and a year, if
/// written), or "." with both: the whole is one date.
pub(super) fn nights_of_two_days(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let num = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let value = |i: usize, n: usize| text[i..i + n].parse::<u32>().unwrap_or(0);
    each_digit_run(text, |i, n1| {
        let next = i + n1;
        let found = (|| {
            if n1 > 2 || !matches!(b.get(next), Some(b'/' | b'-')) {
                return None;
            }
            let j = next + 1;
            let n2 = num(j);
            let (d1, d2) = (value(i, n1), value(j, n2.min(2)));
            if !(1..=2).contains(&n2)
                || !(1..=31).contains(&d1)
                || !(d2 == d1 + 1 || (d2 == 1 && d1 >= 28))
            {
                return None;
            }
            let k = j + n2;
            let (month, mut end, sep) = match b.get(k) {
                Some(b' ') => {
                    let w = text[k + 1..]
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    (month_of(w)?, k + 1 + w.len(), b' ')
                }
                Some(&s @ (b'/' | b'.')) => {
                    let n3 = num(k + 1);
                    let m = value(k + 1, n3.min(2));
                    if !(1..=2).contains(&n3) || !(1..=12).contains(&m) {
                        return None;
                    }
                    (m, k + 1 + n3, s)
                }
                _ => return None,
            };
            // The year, if written: "19-20/03/25", "14/15 March 2025".
            let mut year = None;
            if b.get(end) == Some(&sep) {
                let n4 = num(end + 1);
                if matches!(n4, 2 | 4) {
                    let v = value(end + 1, n4);
                    let v = if n4 == 2 {
                        two_digit_year(v)
                    } else {
                        i32::try_from(v).unwrap_or(0)
                    };
                    if (1900..=2099).contains(&v) {
                        year = Some(v);
                        end += 1 + n4;
                    }
                }
            }
            // "15-16.3" without a year is as often two measures.
            (right_boundary(text, end) && (sep != b'.' || year.is_some()))
                .then_some((month, year, end))
        })();
        let (month, year, end) = found?;
        let mut c = Cand::new(FindingKind::ExactDate, i, end);
        c.date = Some(DateParts { month, year });
        push_date(text, c, out);
        Some(end)
    });
}

/// A date with its month in Roman figures, as older hands and some clinicians write it
/// ("14.ii.25", "3/XI/2024", "21-iv-25"): a day, a month of i to xii in one case, a year
/// of two or four figures, the same mark between each.
pub(super) fn roman_month_dates(text: &str, out: &mut Vec<Cand>) {
    const ROMAN: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    let b = text.as_bytes();
    let run = |from: usize, f: fn(&u8) -> bool| b[from..].iter().take_while(|c| f(c)).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let n1 = run(i, u8::is_ascii_digit);
        let found = (|| {
            let sep = *b.get(i + n1)?;
            if !(1..=2).contains(&n1) || !matches!(sep, b'.' | b'/' | b'-') {
                return None;
            }
            let r = i + n1 + 1;
            let nr = run(r, u8::is_ascii_alphabetic);
            let roman = &text[r..r + nr];
            let one_case = roman.bytes().all(|c| c.is_ascii_lowercase())
                || roman.bytes().all(|c| c.is_ascii_uppercase());
            let month = ROMAN.iter().position(|m| m.eq_ignore_ascii_case(roman))? + 1;
            if !one_case || b.get(r + nr) != Some(&sep) {
                return None;
            }
            let y = r + nr + 1;
            let ny = run(y, u8::is_ascii_digit);
            let end = y + ny;
            if !(ny == 2 || ny == 4) || !right_boundary(text, end) {
                return None;
            }
            let day: u32 = text[i..i + n1].parse().ok()?;
            let year: u32 = text[y..end].parse().ok()?;
            let year = if ny == 2 {
                two_digit_year(year)
            } else {
                i32::try_from(year).ok()?
            };
            ((1..=31).contains(&day) && (1900..=2099).contains(&year)).then_some((end, month, year))
        })();
        match found {
            Some((end, month, year)) => {
                let mut c = Cand::new(FindingKind::ExactDate, i, end);
                c.date = Some(DateParts {
                    month: u32::try_from(month).unwrap_or(1),
                    year: Some(year),
                });
                push_date(text, c, out);
                i = end;
            }
            None => i += n1,
        }
    }
}

/// Adds a date, as a date of birth when a cue ("DOB", "born on", "date of birth:") comes
/// just before it; the cue is then part of the finding.
pub(super) fn push_date(text: &str, mut c: Cand, out: &mut Vec<Cand>) {
    if let Some(cue) = birth_cue(text, c.start) {
        c.kind = FindingKind::BirthDate;
        c.start = cue;
    }
    out.push(c);
}

pub(super) fn birth_cue(text: &str, at: usize) -> Option<usize> {
    let from = back_within(text, at, 48);
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
pub(super) fn month_of(w: &str) -> Option<u32> {
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
pub(super) fn day_of(w: &str) -> Option<(u32, bool)> {
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

pub(super) fn year_of(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2099).contains(y))
}

/// The months in Welsh, in lowercase: a month is read in any case with a capital first
/// ("8 Ionawr", "8 IONAWR"; see `month_of`).
#[rustfmt::skip]
pub(super) const WELSH_MONTHS: [&str; 12] = [
    "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
    "hydref", "tachwedd", "rhagfyr",
];

/// The Welsh months after "o" (of), which softens the first sound of five of them
/// ("11eg o Fawrth", "1af o Fai"; "o Ionawr" stays as it is).
#[rustfmt::skip]
pub(super) const WELSH_MONTHS_AFTER_O: [&str; 12] = [
    "ionawr", "chwefror", "fawrth", "ebrill", "fai", "fehefin", "orffennaf", "awst", "fedi",
    "hydref", "dachwedd", "rhagfyr",
];

/// The months in Hungarian, in lowercase.
#[rustfmt::skip]
const HUNGARIAN_MONTHS: [&str; 12] = [
    "január", "február", "március", "április", "május", "június", "július", "augusztus",
    "szeptember", "október", "november", "december",
];

/// A date in the Hungarian order, the year with its dot first: "2025. április 2.",
/// "2025. március 14-én" (the day with its case ending). Not a year at the end of a
/// sentence before a month's name and a number of something else ("in 2019. Május 3
/// rooms"): the day ends in its dot or a case ending after a hyphen, as Hungarian
/// writes it.
pub(super) fn hungarian_dates(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        if !t.digits
            || t.letters
            || t.end - t.start != 4
            || year_of(&text[t.start..t.end]).is_none()
        {
            continue;
        }
        let (Some(m), Some(d)) = (toks.get(i + 1), toks.get(i + 2)) else {
            continue;
        };
        let month = fold_str(&text[m.start..m.end]);
        let Some(month) = HUNGARIAN_MONTHS.iter().position(|x| *x == month) else {
            continue;
        };
        if &text[t.end..m.start] != ". " || &text[m.end..d.start] != " " {
            continue;
        }
        let day = text[d.start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if !(1..=2).contains(&day) || day_of(&text[d.start..d.start + day]).is_none() {
            continue;
        }
        let after = &text[d.start + day..];
        let end = if after.starts_with('.') {
            d.start + day + 1
        } else if after.starts_with('-') && d.end > d.start + day + 1 {
            d.end
        } else {
            continue;
        };
        let mut c = Cand::new(FindingKind::ExactDate, t.start, end);
        c.date = Some(DateParts {
            month: month as u32 + 1,
            year: year_of(&text[t.start..t.end]),
        });
        out.push(c);
    }
}

/// A weekday as written beside a date: "Tuesday", "Tues", or in capitals ("SATURDAY";
/// not "SAT", "SUN" or "WED", which are words and exams in capitals).
pub(super) fn is_weekday(w: &str) -> bool {
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

/// A weekday written loosely, in lowercase ("thurs") or as three capitals ("FRI"): a day
/// only before an ordinal ("due thurs 13th", "BY FRI 21ST"), where a word of three
/// capitals is no acronym. "sat" and "sun" in lowercase are words ("sat 2nd in the race").
pub(super) fn loose_weekday(w: &str) -> bool {
    // Most words are ruled out by their length and first letter.
    if !(3..=9).contains(&w.len())
        || !matches!(w.as_bytes()[0] | 0x20, b'm' | b't' | b'w' | b'f' | b's')
    {
        return false;
    }
    let lower = w.bytes().all(|b| b.is_ascii_lowercase());
    let caps = w.bytes().all(|b| b.is_ascii_uppercase());
    (3..=9).contains(&w.len())
        && ((lower && w != "sat" && w != "sun") || caps)
        && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Words after which a day without its year, in figures ("on 27/11", "Seen 26.11") or
/// as an ordinal after "the" ("by the 9th"), is a date.
#[rustfmt::skip]
pub(super) const DATE_CUES: &[&str] = &[
    "on", "by", "from", "until", "till", "til", "since", "before", "after", "seen", "due",
    "dated", "review", "reviewed", "follow-up", "followup", "wef", "died", "admitted",
    "discharged", "done", "promised", "start", "starts", "started", "booked", "ends",
    "ended", "arriving", "arrives", "arrival", "returning", "returns", "moving", "flying",
];

/// Events a day and month in figures after them is the day of: "home visit 14/5",
/// "hearing 23/6", "first pick-up 9/5".
#[rustfmt::skip]
pub(super) const EVENT_CUES: &[&str] = &[
    "visit", "appointment", "appt", "tribunal", "hearing", "court", "panel", "clinic",
    "contact", "meeting", "pick-up", "commencing", "deadline", "surgery", "operation",
    "night", "nights", "earlies", "lates", "handover", "phone", "call",
];

/// Cues that only a date follows, so a day and month in figures after them is one even
/// where it could read as a score ("EDD 10/10", "LMP 2/4"): an expected or estimated
/// date of delivery or confinement, a last menstrual period.
pub(super) const SURE_DATE_CUES: &[&str] = &["edd", "edc", "lmp"];

/// How an expected date of delivery is reckoned, between "EDD by" and the date: "EDD by
/// dates 10/10", "EDD by scan 3/11".
pub(super) const EDD_RECKONINGS: &[&str] = &["dates", "scan", "uss", "lmp"];

/// Whether token `i` is a cue that only a date follows: "EDD", "LMP", or how the EDD is
/// reckoned after "EDD by" ("EDD by dates").
fn sure_date_cue(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let is = |k: usize, list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(word(k)));
    is(i, SURE_DATE_CUES)
        || (i >= 2
            && is(i, EDD_RECKONINGS)
            && word(i - 1).eq_ignore_ascii_case("by")
            && ["edd", "edc"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(word(i - 2)))
            && spaced(text, toks, i - 2, i - 1)
            && spaced(text, toks, i - 1, i))
}

/// The greatest common divisor of two small numbers.
fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Whether a clause ends at `at`: the text ends, or a stop, a comma, a bracket, a line's
/// end or a closing quote follows ("on the 6th.", '"On the 28th"').
fn clause_ends_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\n' | '"' | '”'
        )
    })
}

/// Words that may follow a day given as "the 9th" in a date ("by the 9th with the
/// family"); any other word makes it a count ("on the 4th floor", "after the 2nd dose").
#[rustfmt::skip]
pub(super) const AFTER_A_DAY: &[&str] = &[
    "at", "with", "and", "when", "about", "for", "to", "in", "or", "so", "then", "as", "but",
    "i", "we", "he", "she", "they", "if", "unless", "please", "latest", "morning",
    "afternoon", "evening", "night",
];

/// The times of a day a day's date may be followed by ("on the 3rd at noon", "the 9th
/// night"), of [`AFTER_A_DAY`].
const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

#[rustfmt::skip]
pub(super) const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
];

/// Days without their month or year: a weekday before "the" and an ordinal ("Thursday
/// the fourth", "Friday the 13th"); an ordinal after a word of when and "the" ("by the
/// 9th", "on the 8th with ..."; not "on the 4th floor") or straight after it where the
/// clause ends ("on 6th."); a day and month in figures after a word of when ("on 27/11",
/// "Seen 26.11"; not a fraction, "by 1/2") or after "EDD" or "LMP" ("EDD 10/10").
pub(super) fn days_without_a_year(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
        let weekday = is_weekday(w) || loose_weekday(w);
        let sure = !weekday && sure_date_cue(text, toks, i);
        let cue = !weekday && (sure || DATE_CUES.iter().any(|c| c.eq_ignore_ascii_case(w)));
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
        // "on the handover of the 15th and": "of the" before an ordinal that ends the
        // clause or is followed by what follows a day, as after a word of when.
        let of_the = !weekday && !cue && !event && w.eq_ignore_ascii_case("of");
        if !weekday && !cue && !event && !of_the {
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
            let ends = clause_ends_at(text, d_end);
            // "on the 3rd night" is a day; "on the first night" is one of several
            // nights, an ordinal in words before a time of day.
            let in_words = ORDINAL_WORDS.iter().any(|o| o.eq_ignore_ascii_case(d));
            let follows = next.is_some_and(|n| {
                AFTER_A_DAY.iter().any(|a| a.eq_ignore_ascii_case(n))
                    && !(in_words && TIMES_OF_DAY.iter().any(|a| a.eq_ignore_ascii_case(n)))
            }) && spaced(text, toks, i + 2, i + 3);
            if !of_month && (weekday || ends || follows) {
                let start = if weekday { t.start } else { toks[i + 2].start };
                out.push(Cand::new(FindingKind::ExactDate, start, d_end));
                continue;
            }
        }
        if of_the {
            continue;
        }
        // "the PPH on 6th", "by 3rd at noon": an ordinal straight after a word of when,
        // where the sentence or clause ends or a time of day follows (not "on 5th
        // floor", "after 2nd dose", "on 6th March" found whole as a date in words).
        if cue
            && !sure
            && let Some(d) = word(i + 1)
            && spaced(text, toks, i, i + 1)
            && matches!(day_of(d), Some((_, true)))
        {
            let d_end = toks[i + 1].end;
            let ends = clause_ends_at(text, d_end);
            let timed = word(i + 2).is_some_and(|n| {
                n.eq_ignore_ascii_case("at")
                    || TIMES_OF_DAY.iter().any(|a| a.eq_ignore_ascii_case(n))
            }) && spaced(text, toks, i + 1, i + 2);
            if ends || timed {
                out.push(Cand::new(FindingKind::ExactDate, toks[i + 1].start, d_end));
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
            // round the clock; a fraction is written in its lowest terms, so "on 2/4" is
            // a day. After "EDD" or "LMP" it is always a day.
            let fraction = !sure
                && ((d < month && month <= 4 && gcd(d, month) == 1)
                    || (matches!(month, 5 | 10) && d <= month)
                    || figures == "24/7");
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

/// A month and a day on a line of their own, as a chat's screenshot divides its days
/// ("MARCH 14", "March 14", "14 March"), a year after them or not: the day the lines
/// below were written.
pub(super) fn day_lines(text: &str, out: &mut Vec<Cand>) {
    for (start, line) in lines_at(text) {
        let l = line.trim();
        if !(5..=20).contains(&l.len()) || !l.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let parts: Vec<&str> = l.split(' ').collect();
        let day = |w: &str| {
            w.len() <= 2
                && w.bytes().all(|c| c.is_ascii_digit())
                && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        };
        // Any case, as a screenshot prints it: "MARCH", "March".
        let month = |w: &str| {
            w.len() >= 3
                && w.bytes().all(|c| c.is_ascii_alphabetic())
                && month_of(&(w[..1].to_ascii_uppercase() + &w[1..].to_ascii_lowercase())).is_some()
        };
        let year =
            |w: &str| w.len() == 4 && w.starts_with("20") && w.bytes().all(|c| c.is_ascii_digit());
        let dated = match parts.as_slice() {
            [m, d] => month(m) && day(d) || day(m) && month(d),
            [m, d, y] => {
                (month(m) && day(d.trim_end_matches(',')) || day(m) && month(d)) && year(y)
            }
            _ => false,
        };
        if dated {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Cand::new(FindingKind::ExactDate, s, s + l.len()));
        }
    }
}

/// The columns of a chart headed by weekdays and days ("| Mon 10 | Tue 11 | Wed 12 |", a
/// medicines chart, a rota): two or more on a line whose days move on as their weekdays
/// do. One weekday and a figure alone ("Mon 10 mins") stays.
pub(super) fn weekday_columns(text: &str, out: &mut Vec<Cand>) {
    // Every way [`WEEKDAYS`] writes a day opens with these three letters.
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let weekday_index = |w: &str| {
        WEEKDAYS
            .contains(&w)
            .then(|| DAYS.iter().position(|d| w.starts_with(d)))
            .flatten()
    };
    // Two weekdays at least, each a different day, on one line: most texts and lines
    // have none, and are ruled out before their words are read.
    let two_days = |s: &str| DAYS.iter().filter(|d| s.contains(*d)).nth(1).is_some();
    if !two_days(text) {
        return;
    }
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        if !line.contains(|c: char| c.is_ascii_digit()) || !two_days(line) {
            continue;
        }
        let words: Vec<(usize, &str)> = words_between_spaces(line)
            .filter(|(_, w)| !w.is_empty())
            .collect();
        // (start, end, weekday, day) of each pair on the line.
        let mut pairs: Vec<(usize, usize, usize, u32)> = Vec::new();
        for w in words.windows(2) {
            let ((a, wd), (b, d)) = (w[0], w[1]);
            let Some(k) = weekday_index(wd) else { continue };
            if b != a + wd.len() + 1 || d.len() > 2 || !d.bytes().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let day: u32 = d.parse().unwrap_or(0);
            if (1..=31).contains(&day) {
                pairs.push((start + a, start + b + d.len(), k, day));
            }
        }
        // Each pair next to the one before, only a column's rule between them, its day
        // as many days on as its weekday (a month's end between them or not).
        let moves_on = pairs.len() >= 2
            && pairs.windows(2).all(|p| {
                let between = &text[p[0].1..p[1].0];
                let wd = i64::try_from(p[1].2).unwrap_or(0) - i64::try_from(p[0].2).unwrap_or(0);
                let dd = i64::from(p[1].3) - i64::from(p[0].3);
                between.chars().all(|c| matches!(c, ' ' | '\t' | '|' | ','))
                    && (if dd > 0 { 0..=0 } else { 28..=31 })
                        .any(|month| dd + month > 0 && (dd + month - wd).rem_euclid(7) == 0)
            });
        if moves_on {
            for &(s, e, _, _) in &pairs {
                push_date(text, Cand::new(FindingKind::ExactDate, s, e), out);
            }
        }
    }
}

/// A day and month in figures listed after one found ("review 28/2 and 3/3", "on 4/3,
/// 11/3 or 18/3"): the list says what the later ones are, though alone "3/3" could be a
/// score. Only a list joined by "and", "or", "&" or a comma, and only pairs that can be
/// a day and month and are no fraction ("on 24/3 and 1/2 of the team").
pub(super) fn listed_days(text: &str, out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < out.len() {
        let c = &out[i];
        i += 1;
        // A day and month in figures found, nothing else in it ("28/2", "26.11").
        let figures = c.kind == FindingKind::ExactDate
            && c.date.is_some_and(|d| d.year.is_none())
            && text[c.start..c.end]
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'.'));
        if !figures {
            continue;
        }
        let after = &text[c.end..];
        let Some(joiner) = [" and ", " or ", " & ", ", "]
            .into_iter()
            .find(|j| after.starts_with(j))
        else {
            continue;
        };
        // The next pair, read as one after a weekday is (the joiner's last space first).
        let Some((end, month)) = weekday_day_month(text, c.end + joiner.len() - 1) else {
            continue;
        };
        let start = c.end + joiner.len();
        let day: u32 = text[start..end]
            .split(['/', '.'])
            .next()
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        // "1/2", "3/4": a fraction in its lowest terms is never listed as a day.
        let fraction = day < month && month <= 4 && gcd(day, month) == 1;
        if fraction || out.iter().any(|o| o.start < end && start < o.end) {
            continue;
        }
        let mut d = Cand::new(FindingKind::ExactDate, start, end);
        d.date = Some(DateParts { month, year: None });
        out.push(d);
    }
}

/// Words before a pair of figures that make it no day: odds ("at 20/1", "a 14/1 shot"),
/// a flat, room or bed ("Flat 14/2"), a page, a version, a score.
#[rustfmt::skip]
pub(super) const NOT_BEFORE_A_DAY: &[&str] = &[
    "a", "an", "at", "odds", "flat", "room", "unit", "bed", "bay", "block", "plot", "pitch",
    "cell", "house", "page", "p", "pp", "table", "bus", "route", "platform", "version", "v",
    "question", "item", "step", "section", "s", "chapter", "para", "paragraph", "rule",
    "article", "scored", "score", "scores", "rated", "rating",
];

/// Words after a pair of figures that make it no day: a bus route ("the 17/3 bus"),
/// odds ("a 14/1 shot").
pub(super) const NOT_AFTER_A_DAY: &[&str] = &["bus", "buses", "route", "odds", "shot"];

/// A day and month in figures with no word of when before them ("bloods 28/1 fine",
/// "Outcome (27/3): 3/5", "stroke 18/02"), where the pair cannot be a score, a
/// fraction, a span of years or a clinical duration: the month written with two figures
/// ("11/03"; not a span of years, "09/10"), or a day past the twelfth before a month that
/// is not 7 or 12 ("28/1"; "10/7" and "18/12" are ten days and eighteen months in clinical
/// shorthand, "24/7" round the clock). A score is never more than its scale ("3/5",
/// "8/10"), and a fraction or a Glasgow flat ("2/1") has a day of twelve or less.
pub(super) fn days_and_months_alone(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |t: &Tok| &text[t.start..t.end];
    let figures = |t: &Tok| {
        let w = word(t);
        t.digits
            && !t.letters
            && (1..=2).contains(&w.len())
            && w.bytes().all(|c| c.is_ascii_digit())
    };
    for (i, w) in toks.windows(2).enumerate() {
        let (a, b) = (&w[0], &w[1]);
        if &text[a.end..b.start] != "/" || !figures(a) || !figures(b) {
            continue;
        }
        let (ds, ms) = (word(a), word(b));
        let (Ok(d), Ok(m)) = (ds.parse::<u32>(), ms.parse::<u32>()) else {
            continue;
        };
        if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            continue;
        }
        // Alone: not part of a longer run ("3/9/24", "1.2/3", "A/12/3").
        if !run_may_start(text, a.start)
            || matches!(char_before(text, a.start), Some('/' | '.' | '-'))
            || !right_boundary(text, b.end)
            || (matches!(text[b.end..].chars().next(), Some('/' | '.' | '-' | ':'))
                && text[b.end + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let zero_month = ms.len() == 2 && ms.starts_with('0');
        let span = ds.len() == 2 && ms.len() == 2 && m == d + 1;
        let past_twelve = d > 12 && !matches!(m, 7 | 12);
        if !((zero_month && !span) || past_twelve) {
            continue;
        }
        if i > 0 {
            let p = &toks[i - 1];
            let gap = &text[p.end..a.start];
            if (gap == " " || gap == ". ")
                && NOT_BEFORE_A_DAY
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(word(p)))
            {
                continue;
            }
        }
        if let Some(n) = toks.get(i + 2)
            && &text[b.end..n.start] == " "
            && NOT_AFTER_A_DAY
                .iter()
                .any(|x| x.eq_ignore_ascii_case(word(n)))
        {
            continue;
        }
        let mut c = Cand::new(FindingKind::ExactDate, a.start, b.end);
        c.date = Some(DateParts {
            month: m,
            year: None,
        });
        out.push(c);
    }
}

/// The weekdays in Welsh, after "dydd" ("dydd Mawrth"), with a capital.
pub(super) const WELSH_WEEKDAYS: &[&str] = &[
    "Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul",
];

/// Whether `w` is a day of the month as a Welsh ordinal: "1af", "2il", "4ydd", "5ed",
/// "11eg", "20fed".
pub(super) fn welsh_ordinal_day(w: &str) -> bool {
    let n = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&n)
        && w[..n].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && ["af", "il", "ydd", "ed", "fed", "eg", "ain"].contains(&&w[n..])
}

/// The shifts of a rota, in the plural, as worked on one day: "my 28th earlies".
pub(super) const SHIFTS_ON_A_DAY: &[&str] =
    &["earlies", "lates", "nights", "twilights", "sleep-ins"];

/// A day of this month or the last in the old office style, an ordinal before "inst."
/// or "ult." ("since the 3rd inst.", "your letter of the 28th ult."), and a day in Welsh
/// by its weekday and ordinal ("dydd Mawrth 4ydd"), before a Welsh month ("4ydd
/// Hydref") or in figures between them ("dydd Llun 10 Mawrth"); an ordinal before the
/// shifts worked on that day ("my 28th earlies"); an ordinal of the next, this or the
/// last month ("the 3rd of next month"), or with its weekday in brackets ("the 14th
/// (Fri)").
pub(super) fn days_of_this_month(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
        // "do my 28th earlies", "the 3rd nights": an ordinal before the shifts worked
        // on that day (not "my 3rd night in a row", one shift counted).
        if matches!(day_of(w), Some((_, true)))
            && let Some(s) = word(i + 1)
            && spaced(text, toks, i, i + 1)
            && SHIFTS_ON_A_DAY.iter().any(|x| x.eq_ignore_ascii_case(s))
        {
            out.push(Cand::new(FindingKind::ExactDate, t.start, t.end));
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
        if matches!(day_of(w), Some((_, true))) {
            // "the 3rd of next month", "the 28th of last month": a day of a month named
            // by where it is from this one.
            if let (Some(of), Some(which), Some(month)) = (word(i + 1), word(i + 2), word(i + 3))
                && of.eq_ignore_ascii_case("of")
                && ["next", "this", "last"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(which))
                && month.eq_ignore_ascii_case("month")
                && (i..i + 3).all(|k| spaced(text, toks, k, k + 1))
            {
                out.push(Cand::new(FindingKind::ExactDate, t.start, toks[i + 3].end));
                continue;
            }
            // "the 14th (Fri)": an ordinal with its weekday in brackets.
            if let Some(rest) = text[t.end..].strip_prefix(" (")
                && let Some(close) = rest.find(')')
                && (3..=9).contains(&close)
                && (is_weekday(&rest[..close]) || loose_weekday(&rest[..close]))
            {
                out.push(Cand::new(
                    FindingKind::ExactDate,
                    t.start,
                    t.end + 2 + close + 1,
                ));
                continue;
            }
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
        } else if word(i + 1) == Some("o")
            && let Some(m) = word(i + 2)
            && spaced(text, toks, i, i + 1)
            && spaced(text, toks, i + 1, i + 2)
            && m.starts_with(char::is_uppercase)
            && WELSH_MONTHS_AFTER_O
                .iter()
                .any(|x| x.eq_ignore_ascii_case(m))
        {
            // "11eg o Fawrth": "o" (of) softens the month after it.
            out.push(Cand::new(FindingKind::ExactDate, t.start, toks[i + 2].end));
        }
    }
}

/// The numbers from one to nineteen in words, then the tens from twenty.
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: [&str; 19] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
];
pub(super) const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number from one to ninety-nine in words, in any case: "seven", "fourteen",
/// "eighty-two".
pub(super) fn number_in_words(w: &str) -> Option<u32> {
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
pub(super) fn year_in_words(text: &str, toks: &[Tok], m: usize) -> Option<(usize, i32)> {
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
    // "nineteen forty five", as dictation writes "forty-five".
    if n % 10 == 0
        && n >= 20
        && let Some(u) = word(m + 3).and_then(number_in_words).filter(|u| *u < 10)
    {
        return Some((toks[m + 3].end, century + i32::try_from(n + u).ok()?));
    }
    Some((toks[m + 2].end, century + i32::try_from(n).ok()?))
}

/// A day in words, "the fourteenth of January", with its year in words if one follows
/// ("the second of May nineteen seventy", "the second of july nineteen forty five"); a
/// day of two words as dictation writes it ("the twenty first of february").
pub(super) fn dates_in_words(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        if t.end - t.start != 2 || i < 2 || !text[t.start..t.end].eq_ignore_ascii_case("of") {
            continue;
        }
        let is = |k: usize, w: &str| text[toks[k].start..toks[k].end].eq_ignore_ascii_case(w);
        // "twenty first": the tens, then the ordinal of a unit.
        let tens = i >= 3
            && (is(i - 2, "twenty") || is(i - 2, "thirty"))
            && ORDINAL_WORDS[..9].iter().any(|w| is(i - 1, w))
            && spaced(text, toks, i - 2, i - 1);
        let th = if tens { i.checked_sub(3) } else { Some(i - 2) };
        let Some(th) = th else { continue };
        let (the, o, m) = (&toks[th], &toks[th + 1], i + 1);
        let Some(mt) = toks.get(m) else { continue };
        if !spaced(text, toks, th, th + 1)
            || !spaced(text, toks, i - 1, i)
            || !spaced(text, toks, i, m)
            || !text[the.start..the.end].eq_ignore_ascii_case("the")
            || !(tens
                || ORDINAL_WORDS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&text[o.start..o.end])))
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
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon",
    "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Dates in words: "12 March 2026", "12th of March", "March 12th, 2026", "Tuesday 10th".
pub(super) fn word_dates(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
    // Where a date opening at token `i` starts: a weekday just before is part of it
    // ("Friday, April 4, 2025", "Fri 14-Mar-25").
    let weekday_before = |i: usize| {
        i.checked_sub(1)
            .filter(|&p| is_weekday(word(&toks[p])) && gap_ok(&toks[p], &toks[i], ","))
            .map_or(toks[i].start, |p| toks[p].start)
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
            let mut c = Cand::new(FindingKind::ExactDate, weekday_before(i), t.end);
            c.date = Some(DateParts {
                month,
                year: Some(year),
            });
            push_date(text, c, out);
            continue;
        }
        // Run together in capitals, as the forces and prisons print them: "21JUN13",
        // "08MAY25"; or in Chinese or Japanese: "3月15日", "2025年3月15日".
        if t.digits
            && t.letters
            && let Some((month, year)) =
                run_together_date(word(t)).or_else(|| ideographic_date(word(t)))
        {
            let mut c = Cand::new(FindingKind::ExactDate, t.start, t.end);
            c.date = Some(DateParts { month, year });
            push_date(text, c, out);
            continue;
        }
        // Day first: "12 March 2026", "3rd of May", "3 de março de 2025".
        if let Some((_, _)) = day_of(word(t)) {
            let mut m = i + 1;
            let de = |o: &Tok| {
                word(o) == "de"
                    && toks
                        .get(m + 1)
                        .is_some_and(|n| month_abroad(word(n)).is_some())
            };
            // Maltese: "14 ta' Marzu 2025".
            let ta = |o: &Tok| {
                word(o) == "ta"
                    && toks.get(m + 1).is_some_and(|n| {
                        matches!(&text[o.end..n.start], "' " | "’ ")
                            && month_abroad(word(n)).is_some()
                    })
            };
            if toks.get(m).is_some_and(|o| {
                (word(o).eq_ignore_ascii_case("of") || de(o) || ta(o)) && gap_ok(t, o, "")
            }) {
                m += 1;
            }
            // A day in figures may have its stop before a month of another language:
            // "14. mars 2025", "14. března", "3. Mai 1931" (not "6. May I ask?"); before
            // a month English shares, with its year ("3. November 2025").
            let stop = if t.digits
                && !t.letters
                && toks.get(m).is_some_and(|mt| {
                    let english = MONTHS.iter().any(|e| e.eq_ignore_ascii_case(word(mt)));
                    (!english && month_abroad(word(mt)).is_some())
                        || (english
                            && toks.get(m + 1).is_some_and(|y| {
                                &text[mt.end..y.start] == " " && year_of(word(y)).is_some()
                            }))
                }) {
                "."
            } else {
                ""
            };
            let after_ta = m == i + 2 && word(&toks[m - 1]) == "ta";
            // Catalan elides "de" before a vowel: "23 d'abril".
            let elided = |w: &str| {
                ["d'", "d’"]
                    .iter()
                    .find_map(|p| w.strip_prefix(p))
                    .and_then(month_abroad)
            };
            if let Some(mt) = toks.get(m)
                && (gap_ok(&toks[m - 1], mt, stop) || after_ta)
                && let Some(month) = month_of(word(mt))
                    .or_else(|| elided(word(mt)))
                    .or_else(|| month_abroad(word(mt)))
                    // A month of the Islamic calendar, as 0.
                    .or_else(|| hijri_month(word(mt)).then_some(0))
                    // "the 5th of may 1979": "may" in lowercase, after "of", before a year.
                    .or_else(|| {
                        (m == i + 2 && word(mt) == "may" && year_after(m, mt).is_some())
                            .then_some(5)
                    })
            {
                // "de 2025" after a month of another language: "3 de março de 2025".
                let year_de = || {
                    let (d, y) = (toks.get(m + 1)?, toks.get(m + 2)?);
                    (word(d) == "de" && gap_ok(mt, d, "") && gap_ok(d, y, ""))
                        .then(|| year_of(word(y)))
                        .flatten()
                        .map(|v| (y.end, v))
                };
                let (end, year) = year_after(m, mt)
                    .or_else(|| month_abroad(word(mt)).and(year_de()))
                    .map_or((mt.end, None), |(e, y)| (e, Some(y)));
                let hijri = month == 0;
                // A year of the Islamic calendar after its month: "12 Rajab 1416".
                let end = toks
                    .get(m + 1)
                    .filter(|y| {
                        hijri
                            && gap_ok(mt, y, "")
                            && word(y).len() == 4
                            && matches!(word(y).as_bytes()[..2], [b'1', b'3' | b'4'])
                            && word(y).bytes().all(|c| c.is_ascii_digit())
                            && right_boundary(text, y.end)
                    })
                    .map_or(end, |y| y.end);
                // A weekday just before is part of the date: "Monday 2nd December".
                // So is one with "the" ("Wednesday the 16th of April"), and a range's
                // first day ("3–7 February").
                let range = i.checked_sub(1).filter(|&p| {
                    matches!(&text[toks[p].end..t.start], "–" | "-" | " – " | " - ")
                        && day_of(word(&toks[p])).is_some()
                        && run_may_start(text, toks[p].start)
                });
                let first = range.unwrap_or(i);
                // And Danish's "den" after a weekday: "fredag den 14. marts 2025".
                let the = first
                    .checked_sub(1)
                    .filter(|&p| gap_ok(&toks[p], &toks[first], ""))
                    .and_then(|p| {
                        let the = word(&toks[p]);
                        let w = p.checked_sub(1)?;
                        let day = word(&toks[w]);
                        let fits = (the.eq_ignore_ascii_case("the") && is_weekday(day))
                            || (the == "den" && weekday_abroad(day));
                        (fits && gap_ok(&toks[w], &toks[p], "")).then_some(w)
                    });
                let start = the
                    .or_else(|| {
                        first.checked_sub(1).filter(|&p| {
                            (is_weekday(word(&toks[p])) || weekday_abroad(word(&toks[p])))
                                && gap_ok(&toks[p], &toks[first], ",")
                        })
                    })
                    .map(|p| toks[p].start)
                    .or_else(|| {
                        first
                            .checked_sub(1)
                            .filter(|&p| gap_ok(&toks[p], &toks[first], ","))
                            .and_then(|p| weekday_in_words_ending(text, toks, p))
                    })
                    .unwrap_or(toks[first].start);
                // Kazakh writes the year first: "2025 жылғы 14 наурыз".
                let start = first
                    .checked_sub(2)
                    .filter(|&y| {
                        start == toks[first].start
                            && ["жылғы", "жылы"].contains(&word(&toks[y + 1]))
                            && year_of(word(&toks[y])).is_some()
                            && gap_ok(&toks[y], &toks[y + 1], "")
                            && gap_ok(&toks[y + 1], &toks[first], "")
                    })
                    .map_or(start, |y| toks[y].start);
                let mut c = Cand::new(FindingKind::ExactDate, start, end);
                c.date = (!hijri).then_some(DateParts { month, year });
                push_date(text, c, out);
                continue;
            }
        }
        // A weekday and an ordinal day, no month: "on Tuesday 10th"; before an ordinal
        // a weekday may be written loosely too ("due thurs 13th", "BY FRI 21ST").
        if (is_weekday(word(t)) || loose_weekday(word(t)))
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
        // A weekday and a day and month in figures, no year: "Tues 3/9", and in Welsh
        // with its capital, "Llun 10/3".
        if (is_weekday(word(t)) || loose_weekday(word(t)) || WELSH_WEEKDAYS.contains(&word(t)))
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
                && !(text[d.end..].starts_with(['/', '.', '-', ':'])
                    && text[d.end + 1..].starts_with(|c: char| c.is_ascii_digit()));
            if ordinal || year.is_some() || short {
                let end = year.map_or(d.end, |(e, _)| e);
                let mut c = Cand::new(FindingKind::ExactDate, weekday_before(i), end);
                c.date = Some(DateParts {
                    month,
                    year: year.map(|(_, y)| y),
                });
                push_date(text, c, out);
            }
        }
    }
}

/// Feasts and days of the year that fall on one day, with their month: before a year they
/// are an exact date ("Christmas Eve 2023", "St David's Day 2024"); alone they are a time
/// of year, as "at Christmas" is.
#[rustfmt::skip]
const FIXED_FEASTS: &[(&[&str], u32)] = &[
    (&["christmas", "eve"], 12), (&["christmas", "day"], 12), (&["boxing", "day"], 12),
    (&["new", "year's", "eve"], 12), (&["new", "year's", "day"], 1), (&["hogmanay"], 12),
    (&["burns", "night"], 1), (&["st", "david's", "day"], 3), (&["st", "patrick's", "day"], 3),
    (&["st", "andrew's", "day"], 11), (&["st", "george's", "day"], 4),
    (&["bonfire", "night"], 11), (&["halloween"], 10), (&["hallowe'en"], 10),
    (&["valentine's", "day"], 2), (&["armistice", "day"], 11), (&["christmas"], 12),
];

/// Feasts of one day before their year: "Christmas Eve 2023" (see [`FIXED_FEASTS`]).
pub(super) fn feast_dates(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    // Only where a year is written: most texts have none.
    if !toks
        .iter()
        .any(|t| t.end - t.start == 4 && year_of(&text[t.start..t.end]).is_some())
    {
        return;
    }
    let word = |k: usize| fold_str(&text[toks[k].start..toks[k].end]);
    for i in 0..toks.len() {
        if !matches!(
            text.as_bytes()[toks[i].start] | 0x20,
            b'c' | b'b' | b'n' | b'h' | b's' | b'v' | b'a'
        ) {
            continue;
        }
        let first = &text[toks[i].start..toks[i].end];
        for &(words, month) in FIXED_FEASTS {
            if !folds_to(first, words[0]) {
                continue;
            }
            let Some(y) = toks.get(i + words.len()) else {
                continue;
            };
            let matched = (1..words.len()).all(|j| {
                toks.get(i + j).is_some_and(|t| {
                    let gap = &text[toks[i + j - 1].end..t.start];
                    (gap == " " || (j == 1 && words[0] == "st" && gap == ". "))
                        && word(i + j) == words[j]
                })
            });
            let last = &toks[i + words.len() - 1];
            if matched
                && matches!(&text[last.end..y.start], " " | ", ")
                && right_boundary(text, y.end)
                && let Some(year) = year_of(&text[y.start..y.end])
            {
                let mut c = Cand::new(FindingKind::ExactDate, toks[i].start, y.end);
                c.date = Some(DateParts {
                    month,
                    year: Some(year),
                });
                out.push(c);
                break;
            }
        }
    }
}

/// A date run together in capitals: a day, a month's first three letters and a year of
/// two or four figures ("21JUN13", "08MAY25"); its month and year.
pub(super) fn run_together_date(w: &str) -> Option<(u32, Option<i32>)> {
    let n = w.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) || !w.is_ascii() || !matches!(w.len() - n, 5 | 7) {
        return None;
    }
    let (d, m, y) = (&w[..n], &w[n..n + 3], &w[n + 3..]);
    if !m.bytes().all(|c| c.is_ascii_uppercase()) || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    day_of(d)?;
    let month = month_of(m)?;
    let year = if y.len() == 4 {
        year_of(y)?
    } else {
        two_digit_year(y.parse().ok()?)
    };
    Some((month, Some(year)))
}

/// A date in Chinese or Japanese: "3月15日", "2025年3月15日"; its month and year.
pub(super) fn ideographic_date(w: &str) -> Option<(u32, Option<i32>)> {
    let (year, rest) = match w.split_once('年') {
        Some((y, rest)) => (Some(year_of(y).or_else(|| era_year(y))?), rest),
        None => (None, w),
    };
    let (m, rest) = rest.split_once('月')?;
    let (d, tail) = rest.split_once('日')?;
    let figures = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if !tail.is_empty() || !figures(m) || !figures(d) {
        return None;
    }
    day_of(d)?;
    let month = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((month, year))
}

/// A year of a Japanese era, as written before 年: "令和7" is 2025, "平成元" 1989; or of
/// Taiwan's Republic (Minguo) era: "民國113" is 2024.
fn era_year(y: &str) -> Option<i32> {
    let (first, n) = [
        ("令和", 2019),
        ("平成", 1989),
        ("昭和", 1926),
        ("民國", 1912),
        ("民国", 1912),
    ]
    .into_iter()
    .find_map(|(era, first)| Some((first, y.strip_prefix(era)?)))?;
    let n: i32 = match n {
        "元" => 1,
        n if (1..=3).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()) => {
            n.parse().ok()?
        }
        _ => return None,
    };
    Some(first + n - 1)
}

/// The months in Irish and in Polish (in the genitive a Polish date writes them in),
/// French, Portuguese, Spanish and Indonesian, after a day in figures: "27 Márta", "2
/// października 2024", "12 juin 1945", "3 de março de 2025", "14 Maret 2025". (The Irish
/// September and October are two words each, "Meán Fómhair", and are not read.)
#[rustfmt::skip]
const MONTHS_ABROAD: &[(&str, u32)] = &[
    ("eanáir", 1), ("feabhra", 2), ("márta", 3), ("aibreán", 4), ("bealtaine", 5),
    ("meitheamh", 6), ("iúil", 7), ("lúnasa", 8), ("samhain", 11), ("nollaig", 12),
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5),
    ("czerwca", 6), ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10),
    ("listopada", 11), ("grudnia", 12),
    ("janvier", 1), ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
    ("juillet", 7), ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("décembre", 12),
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("abril", 4), ("maio", 5),
    ("junho", 6), ("julho", 7), ("agosto", 8), ("setembro", 9), ("outubro", 10),
    ("novembro", 11), ("dezembro", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("septiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    ("januari", 1), ("februari", 2), ("maret", 3), ("mei", 5), ("juni", 6), ("juli", 7),
    ("agustus", 8), ("oktober", 10), ("desember", 12),
    // Greek, in the genitive a date writes them in ("14 Μαρτίου 2025"), and Uzbek.
    ("ιανουαρίου", 1), ("φεβρουαρίου", 2), ("μαρτίου", 3), ("απριλίου", 4), ("μαΐου", 5),
    ("ιουνίου", 6), ("ιουλίου", 7), ("αυγούστου", 8), ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10), ("νοεμβρίου", 11), ("δεκεμβρίου", 12),
    ("yanvar", 1), ("fevral", 2), ("aprel", 4), ("iyun", 6), ("iyul", 7), ("avgust", 8),
    ("sentabr", 9), ("oktabr", 10), ("noyabr", 11), ("dekabr", 12),
    // Georgian, which has no capitals: "14 მარტი, 2025".
    ("იანვარი", 1), ("თებერვალი", 2), ("მარტი", 3), ("აპრილი", 4), ("მაისი", 5),
    ("ივნისი", 6), ("ივლისი", 7), ("აგვისტო", 8), ("სექტემბერი", 9), ("ოქტომბერი", 10),
    ("ნოემბერი", 11), ("დეკემბერი", 12),
    // Ukrainian and Russian, in the genitive a date writes them in ("14 червня 2009
    // р.", "20 марта 2025"), and Bulgarian ("3 март 2025 г.").
    ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5),
    ("червня", 6), ("липня", 7), ("серпня", 8), ("вересня", 9), ("жовтня", 10),
    ("листопада", 11), ("грудня", 12),
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12),
    ("януари", 1), ("февруари", 2), ("март", 3), ("април", 4), ("май", 5), ("юни", 6),
    ("юли", 7), ("август", 8), ("септември", 9), ("октомври", 10), ("ноември", 11),
    ("декември", 12),
    // Italian ("14 marzo 2025"; "marzo" and "agosto" are Spanish's too), and Swahili
    // ("14 Machi 2025"; "Januari", "Mei", "Juni" are Indonesian's too).
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ("februari", 2), ("machi", 3), ("aprili", 4), ("julai", 7), ("agosti", 8),
    ("septemba", 9), ("oktoba", 10), ("novemba", 11), ("desemba", 12),
    // Arabic: the Levant's and Iraq's months that are one word ("14 آذار 2025"), and
    // the months Egypt and the Gulf write ("14 مارس 2025").
    ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5),
    ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9), ("ايلول", 9),
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("مايو", 5),
    ("يونيو", 6), ("يوليو", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10),
    ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    // Icelandic ("14. mars 2025"), Czech in the genitive a date writes them in ("14.
    // března 2025"), Serbian in Cyrillic and in Latin letters ("14. март 2025.", "14.
    // mart 2025."), and Maltese after "ta'" ("14 ta' Marzu 2025").
    ("janúar", 1), ("febrúar", 2), ("apríl", 4), ("maí", 5), ("júní", 6), ("júlí", 7),
    ("ágúst", 8), ("október", 10), ("nóvember", 11),
    ("ledna", 1), ("února", 2), ("března", 3), ("dubna", 4), ("května", 5), ("června", 6),
    ("července", 7), ("srpna", 8), ("září", 9), ("října", 10), ("listopadu", 11),
    ("prosince", 12),
    ("јануар", 1), ("фебруар", 2), ("мај", 5), ("јун", 6), ("јул", 7), ("септембар", 9),
    ("октобар", 10), ("новембар", 11), ("децембар", 12),
    ("januar", 1), ("februar", 2), ("mart", 3), ("maj", 5), ("septembar", 9),
    ("oktobar", 10), ("novembar", 11), ("decembar", 12),
    ("jannar", 1), ("frar", 2), ("marzu", 3), ("mejju", 5), ("ġunju", 6), ("lulju", 7), ("awwissu", 8),
    ("settembru", 9), ("ottubru", 10), ("novembru", 11), ("diċembru", 12),
    // German ("14. März 2025"; "Januar", "Juni", "Oktober" are others' too), Dutch ("14
    // maart 2025"), Catalan after "de" or "d'" ("14 de març de 2025", "23 d'abril").
    ("märz", 3), ("maerz", 3), ("dezember", 12), ("maart", 3), ("augustus", 8),
    ("gener", 1), ("febrer", 2), ("març", 3), ("maig", 5), ("juny", 6), ("juliol", 7),
    ("agost", 8), ("setembre", 9), ("desembre", 12),
    // Samoan ("14 Mati 2025"), Māori ("14 Poutūterangi 2025") and Kinyarwanda ("14
    // Werurwe 2025").
    ("ianuari", 1), ("fepuari", 2), ("mati", 3), ("aperila", 4), ("iuni", 6), ("iulai", 7),
    ("aokuso", 8), ("setema", 9), ("oketopa", 10), ("novema", 11), ("tesema", 12),
    ("kohitātea", 1), ("huitanguru", 2), ("poutūterangi", 3), ("paengawhāwhā", 4),
    ("haratua", 5), ("pipiri", 6), ("hōngongoi", 7), ("hereturikōkā", 8), ("mahuru", 9),
    ("whiringa-ā-nuku", 10), ("whiringa-ā-rangi", 11), ("hakihea", 12),
    ("mutarama", 1), ("gashyantare", 2), ("werurwe", 3), ("gicurasi", 5), ("kamena", 6),
    ("nyakanga", 7), ("kanama", 8), ("nzeri", 9), ("ukwakira", 10), ("ugushyingo", 11),
    ("ukuboza", 12),
    // Danish ("14. marts 2025"), Estonian ("19. märts 2025"), Croatian in the genitive
    // a date writes them in ("14. ožujka 2025."; its "listopada" is October, Polish's
    // November: the day fits either), Malagasy ("11 martsa 2025"; not its June, "jona", a name), Tetum ("28 Fevereiru
    // 2025"), Setswana ("13 Mopitlwe 2025"), Kirundi ("14 Nzero 2025"; its September is
    // Kinyarwanda's July, "nyakanga"), Belarusian in the genitive ("14 сакавіка 2025")
    // and Kazakh ("14 наурыз").
    ("marts", 3),
    ("jaanuar", 1), ("veebruar", 2), ("märts", 3), ("aprill", 4), ("juuni", 6),
    ("juuli", 7), ("oktoober", 10), ("detsember", 12),
    ("siječnja", 1), ("veljače", 2), ("ožujka", 3), ("travnja", 4), ("svibnja", 5),
    ("lipnja", 6), ("srpnja", 7), ("kolovoza", 8), ("rujna", 9), ("studenoga", 11),
    ("prosinca", 12),
    ("janoary", 1), ("febroary", 2), ("martsa", 3), ("aprily", 4),
    ("jolay", 7), ("aogositra", 8), ("septambra", 9), ("oktobra", 10), ("novambra", 11),
    ("desambra", 12),
    ("janeiru", 1), ("fevereiru", 2), ("marsu", 3), ("abríl", 4), ("maiu", 5), ("juñu", 6),
    ("jullu", 7), ("agostu", 8), ("setembru", 9), ("outubru", 10), ("novembru", 11),
    ("dezembru", 12),
    ("ferikgong", 1), ("tlhakole", 2), ("mopitlwe", 3), ("moranang", 4),
    ("motsheganong", 5), ("seetebosigo", 6), ("phukwi", 7), ("phatwe", 8), ("lwetse", 9),
    ("diphalane", 10), ("ngwanatsele", 11), ("sedimonthole", 12),
    ("nzero", 1), ("ruhuhuma", 2), ("ntwarante", 3), ("ndamukiza", 4), ("rusama", 5),
    ("ruheshi", 6), ("mukakaro", 7), ("nyandagaro", 8), ("gitugutu", 10), ("munyonyo", 11),
    ("kigarama", 12),
    ("студзеня", 1), ("лютага", 2), ("сакавіка", 3), ("красавіка", 4), ("траўня", 5),
    ("чэрвеня", 6), ("ліпеня", 7), ("жніўня", 8), ("верасня", 9), ("кастрычніка", 10),
    ("лістапада", 11), ("снежня", 12),
    ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
    ("шілде", 7), ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11),
    ("желтоқсан", 12),
];

/// The zero of the figures of the scripts a note may quote a date in: Arabic-Indic and
/// Persian, Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada,
/// Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and full-width.
#[rustfmt::skip]
const NATIVE_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The value of a figure of any of those scripts, or of ASCII.
fn any_figure(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        let u = c as u32;
        NATIVE_ZEROS
            .iter()
            .find(|&&z| (z..z + 10).contains(&u))
            .map(|&z| u - z)
    })
}

/// Dates written with another script's figures, or with a month in a script without
/// capitals between a day and a year: "០៣/០៧/១៩៤៦" (Khmer), "໑໔ ມີນາ ໒໐໒໕" (Lao), "14
/// ಮಾರ್ಚ್ 2025" (Kannada). A day and month in figures and a year of two or four, split by
/// the same "/", "." or "-", one of them in another script's figures (ASCII alone is the
/// numeric rule's); or a day of one or two figures, one or two words of such a script
/// and a year of four. Shown as `[DATE]`: the month is not read.
pub(super) fn dates_in_native_figures(text: &str, out: &mut Vec<Cand>) {
    // Only a text with a figure or a letter of such a script is read (a dash or a
    // curly quote makes most texts other than ASCII).
    if !text
        .chars()
        .any(|c| !c.is_ascii() && (any_figure(c).is_some() || caseless_letter(c)))
    {
        return;
    }
    // Runs of figures: (start, end, value, figures, any of another script).
    let mut runs: Vec<(usize, usize, u32, usize, bool)> = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let Some(v) = any_figure(c) else { continue };
        let (mut value, mut n, mut native, mut end) = (v, 1, !c.is_ascii(), i + c.len_utf8());
        while let Some(&(j, d)) = it.peek() {
            let Some(w) = any_figure(d) else { break };
            value = value.saturating_mul(10).saturating_add(w);
            n += 1;
            native |= !d.is_ascii();
            end = j + d.len_utf8();
            it.next();
        }
        runs.push((i, end, value, n, native));
    }
    let bounded = |s: usize, e: usize| {
        !text[..s].ends_with(|c: char| c.is_alphanumeric())
            && !text[e..].starts_with(|c: char| c.is_alphanumeric())
    };
    for (k, &(s, e, d, n, native)) in runs.iter().enumerate() {
        if !(1..=2).contains(&n) || !(1..=31).contains(&d) || !bounded(s, e) {
            continue;
        }
        // "០៣/០៧/១៩៤៦": day, month and year split the same way.
        if let (Some(&(s2, e2, m, n2, native2)), Some(&(s3, e3, _, n3, native3))) =
            (runs.get(k + 1), runs.get(k + 2))
        {
            let sep = &text[e..s2];
            if ["/", ".", "-"].contains(&sep)
                && &text[e2..s3] == sep
                && (1..=2).contains(&n2)
                && (1..=12).contains(&m)
                && (n3 == 2 || n3 == 4)
                && (native || native2 || native3)
                && bounded(s, e3)
            {
                push_date(text, Cand::new(FindingKind::ExactDate, s, e3), out);
                continue;
            }
        }
        // "໑໔ ມີນາ ໒໐໒໕": a day, one or two words of a script without capitals, a year.
        let Some(&(ys, ye, _, yn, _)) = runs.get(k + 1) else {
            continue;
        };
        let between = &text[e..ys];
        let words: Vec<&str> = between
            .strip_prefix(' ')
            .and_then(|b| b.strip_suffix(' '))
            .map(|b| b.split(' ').collect())
            .unwrap_or_default();
        if yn == 4
            && (1..=2).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(caseless_letter)
                    && w.chars().all(|c| caseless_letter(c) || is_mark(c))
            })
            && bounded(ys, ye)
        {
            push_date(text, Cand::new(FindingKind::ExactDate, s, ye), out);
        }
    }
}

/// Calendars whose months no Gregorian month matches, each with the years a date of it
/// is written in and whether a day and month alone make a date (a birthday kept by it):
/// (months, years, day and month alone).
#[rustfmt::skip]
const CALENDARS_BY_MONTHS: &[(&[&str], (u32, u32), bool)] = &[
    // Bengali (Bangla), in its script: "১৪ ফাল্গুন ১৪৩১".
    (&["বৈশাখ", "জ্যৈষ্ঠ", "জৈষ্ঠ", "আষাঢ়", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক",
       "অগ্রহায়ণ", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র"], (1350, 1500), true),
    // Tamil, in its script: "ஆடி 18".
    (&["சித்திரை", "வைகாசி", "ஆனி", "ஆடி", "ஆவணி", "புரட்டாசி", "ஐப்பசி", "கார்த்திகை",
       "மார்கழி", "தை", "மாசி", "பங்குனி"], (1900, 2100), true),
    // Ethiopian, in Ge'ez: "12 መስከረም 1994".
    (&["መስከረም", "ጥቅምት", "ኅዳር", "ሕዳር", "ህዳር", "ታኅሣሥ", "ታህሳስ", "ጥር", "የካቲት", "መጋቢት",
       "ሚያዝያ", "ግንቦት", "ሰኔ", "ሐምሌ", "ነሐሴ", "ጳጉሜ", "ጳጉሜን"], (1900, 2100), true),
    // The Afghan and Iranian solar calendar, its months in Dari and Persian as English
    // spells them: words too, so only between a day and a year of the era ("12 Asad
    // 1392").
    (&["hamal", "sawr", "saur", "jawza", "jauza", "saratan", "asad", "sunbula", "sonbola",
       "mizan", "aqrab", "qaws", "qaus", "jadi", "dalw", "hut", "hoot", "farvardin",
       "ordibehesht", "khordad", "tir", "mordad", "amordad", "shahrivar", "mehr", "aban",
       "azar", "dey", "bahman", "esfand"], (1300, 1410), false),
    // The Coptic calendar of the Church of Alexandria, its months as Copts in Britain
    // spell them in English: only between a day and a year of its era ("24 Amshir
    // 1741").
    (&["thout", "tout", "paopi", "baba", "babah", "hathor", "hatour", "hator", "koiak",
       "kiahk", "kiyahk", "tobi", "touba", "tuba", "meshir", "amshir", "paremhat",
       "baramhat", "parmouti", "baramouda", "barmouda", "pashons", "bashans", "paoni",
       "baouna", "epip", "abib", "mesori", "misra", "nasie", "nasi"], (1650, 1800), false),
    // India's national (Saka) calendar, as its months are spelt in English on
    // government papers: only between a day and a year of its era ("23 Phalguna 1946").
    (&["chaitra", "vaishakha", "vaisakha", "jyeshtha", "jyaistha", "ashadha", "asadha",
       "shravana", "sravana", "bhadra", "bhadrapada", "ashvin", "asvina", "ashwin",
       "kartika", "agrahayana", "pausha", "pausa", "magha", "phalguna"], (1850, 2000), false),
];

/// Dates of the calendars of [`CALENDARS_BY_MONTHS`]: a day, the month and a year of its
/// era, either way round, or a day and month alone where the month is written in its own
/// script. Shown as `[DATE]`: no month of the Gregorian year matches them.
pub(super) fn dates_by_calendar_months(text: &str, out: &mut Vec<Cand>) {
    // In ASCII text only the solar, the Coptic and the Saka calendar's months can be
    // met, and only beside a year of their eras: "13", "14", "16", "17", "18" or "19"
    // and two more figures.
    if text.is_ascii()
        && !text.match_indices('1').any(|(i, _)| {
            let b = &text.as_bytes()[i..];
            b.len() >= 4
                && matches!(b[1], b'3' | b'4' | b'6' | b'7' | b'8' | b'9')
                && b[2].is_ascii_digit()
                && b[3].is_ascii_digit()
        })
    {
        return;
    }
    let words: Vec<(usize, &str)> = words_between_spaces(text).collect();
    let number = |w: &str| {
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let day = |w: &str| w.len() <= 2 && number(w).is_some_and(|d| (1..=32).contains(&d));
    let is_number = |i: usize| words.get(i).is_some_and(|&(_, w)| number(w).is_some());
    for (i, &(at, w)) in words.iter().enumerate() {
        // A figure beside it first: most words have none, and the lists are long.
        if w.is_empty() || !((i >= 1 && is_number(i - 1)) || is_number(i + 1)) {
            continue;
        }
        // A word of ASCII letters is a month only of the calendar spelt so (the solar
        // one's), compared without folding.
        let Some(&(_, years, alone)) = CALENDARS_BY_MONTHS.iter().find(|(months, _, _)| {
            months.iter().any(|m| {
                if w.is_ascii() {
                    // Capitalised as a month is: "2 hut 1400" is no date.
                    m.is_ascii()
                        && w.starts_with(|c: char| c.is_ascii_uppercase())
                        && m.eq_ignore_ascii_case(w)
                } else {
                    !m.is_ascii() && folds_to(w, m)
                }
            })
        }) else {
            continue;
        };
        let year =
            |w: &str| w.len() == 4 && number(w).is_some_and(|y| (years.0..=years.1).contains(&y));
        // The words on either side, where only a space (or a comma after the month)
        // stands between.
        let joined = |a: usize, b: usize| {
            let (sa, wa) = words[a];
            text[sa + wa.len()..words[b].0].trim_start_matches(',') == " "
        };
        let before = (i >= 1 && joined(i - 1, i)).then(|| words[i - 1]);
        let after = (i + 1 < words.len() && joined(i, i + 1)).then(|| words[i + 1]);
        let span = match (before, after) {
            (Some((s, d)), Some((ys, y))) if day(d) && year(y) => Some((s, ys + y.len())),
            // A year first only in a script of its own ("১৪৩১ ফাল্গুন ১৪"): in ASCII, a
            // time of day ("1400 Mehr 2").
            (Some((s, y)), Some((ds, d))) if year(y) && day(d) && alone => Some((s, ds + d.len())),
            (Some((s, d)), _) if alone && day(d) => Some((s, at + w.len())),
            (_, Some((ds, d))) if alone && day(d) => Some((at, ds + d.len())),
            _ => None,
        };
        if let Some((s, e)) = span {
            push_date(text, Cand::new(FindingKind::ExactDate, s, e), out);
        }
    }
}

/// The months of the Islamic calendar that are one word, after a day and before a year
/// of that calendar: "12 Rajab 1416", "15 Ramadan 1446". The date is shown as `[DATE]`:
/// no month of the Gregorian year matches it.
const HIJRI_MONTHS: &[&str] = &[
    "muharram",
    "safar",
    "rajab",
    "shaban",
    "sha'ban",
    "sha’ban",
    "ramadan",
    "ramadhan",
    "ramazan",
    "shawwal",
];

/// Weekdays in the languages whose months [`MONTHS_ABROAD`] holds, before a date with a
/// comma ("Παρασκευή, 14 Μαρτίου 2025", "viernes, 21 de marzo de 2025").
#[rustfmt::skip]
const WEEKDAYS_ABROAD: &[&str] = &[
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
    "δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "п’ятниця",
    "субота", "неділя", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
    "воскресенье", "понеделник", "сряда", "петък", "неделя",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "jumatatu", "jumanne", "jumatano", "alhamisi", "ijumaa", "jumamosi", "jumapili",
    "mánudagur", "þriðjudagur", "miðvikudagur", "fimmtudagur", "föstudagur",
    "laugardagur", "sunnudagur",
    "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
    "понедељак", "уторак", "четвртак", "петак", "недеља",
    "ponedeljak", "utorak", "sreda", "četvrtak", "petak", "subota", "nedelja",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
    "zondag", "dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte",
    "diumenge", "rāhina", "rātū", "rāapa", "rāpare", "rāmere", "rāhoroi", "rātapu",
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    "esmaspäev", "teisipäev", "kolmapäev", "neljapäev", "reede", "laupäev", "pühapäev",
    "alatsinainy", "talata", "alarobia", "alakamisy", "zoma", "sabotsy", "alahady",
    "segunda", "tersa", "kuarta", "kinta", "sesta", "sábadu", "domingu",
    "mosupologo", "labobedi", "laboraro", "labone", "labotlhano", "lamatlhatso", "tshipi",
    "панядзелак", "аўторак", "серада", "чацвер", "пятніца", "нядзеля",
];

/// Dates as Mongolian writes them, the year first: "2025 оны 3 сарын 17" (year, month,
/// day), the day with its case ending or not ("17-нд").
fn mongolian_dates(text: &str, out: &mut Vec<Cand>) {
    const YEAR: &str = " оны ";
    const MONTH: &str = " сарын ";
    let figures = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    for (at, _) in text.match_indices(YEAR) {
        let before = &text[..at];
        let y = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let ys = at - y;
        if y != 4 || !left_boundary(text, ys) || !matches!(&before[ys..ys + 2], "19" | "20") {
            continue;
        }
        let rest = &text[at + YEAR.len()..];
        let m = figures(rest);
        let Some(after_month) = rest.get(m..).and_then(|r| r.strip_prefix(MONTH)) else {
            continue;
        };
        let d = figures(after_month);
        let month: u32 = rest[..m].parse().unwrap_or(0);
        let day: u32 = after_month[..d].parse().unwrap_or(0);
        if !(1..=2).contains(&m) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        let mut end = text.len() - after_month.len() + d;
        // A case ending joined by a hyphen: "17-нд", "17-ны".
        if let Some(tail) = text[end..].strip_prefix('-') {
            let n: usize = tail
                .chars()
                .take_while(|c| ('\u{0400}'..='\u{04FF}').contains(c))
                .map(char::len_utf8)
                .sum();
            if n > 0 {
                end += 1 + n;
            }
        }
        if !right_boundary(text, end) {
            continue;
        }
        push_date(text, Cand::new(FindingKind::ExactDate, ys, end), out);
    }
}

/// Weekdays written with words before them, before a date (with a comma or not): Irish
/// after "Dé" ("Dé Luain 3 Márta"; Thursday is one word, "Déardaoin"), Samoan after "Aso"
/// ("Aso Faraile, 14 Mati 2025"), Kinyarwanda after "Ku wa" ("Ku wa Gatanu, 14 Werurwe
/// 2025"), Welsh after "dydd" ("dydd Gwener, 14 Mawrth").
#[rustfmt::skip]
const WEEKDAYS_IN_WORDS: &[(&[&str], &[&str])] = &[
    (&["Dé"], IRISH_WEEKDAYS),
    (&[], &["Déardaoin"]),
    (&["Aso"], &["Gafua", "Lua", "Lulu", "Tofi", "Faraile", "Toonai", "Sa"]),
    (&["Ku", "wa"], &["Mbere", "Kabiri", "Gatatu", "Kane", "Gatanu", "Gatandatu"]),
    (&["Ku"], &["Cyumweru"]),
    (&["dydd"], WELSH_WEEKDAYS),
];

/// The start of a weekday in words (see [`WEEKDAYS_IN_WORDS`]) ending at token `p`.
fn weekday_in_words_ending(text: &str, toks: &[Tok], p: usize) -> Option<usize> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    WEEKDAYS_IN_WORDS.iter().find_map(|(before, days)| {
        // In either case: "Ku wa Kabiri", "ku wa kabiri" (Kirundi writes it small).
        if !days.iter().any(|d| d.eq_ignore_ascii_case(word(p))) {
            return None;
        }
        // "Ku wa": each word before the day in turn, a space between, in either case.
        let mut k = p;
        for b in before.iter().rev() {
            let prev = k.checked_sub(1)?;
            if !b.eq_ignore_ascii_case(word(prev)) || &text[toks[prev].end..toks[k].start] != " " {
                return None;
            }
            k = prev;
        }
        Some(toks[k].start)
    })
}

fn weekday_abroad(w: &str) -> bool {
    (4..=26).contains(&w.len()) && WEEKDAYS_ABROAD.iter().any(|d| folds_to(w, d))
}

fn hijri_month(w: &str) -> bool {
    (5..=10).contains(&w.len()) && HIJRI_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// The month a word names in another language (see [`MONTHS_ABROAD`]), in any case.
pub(super) fn month_abroad(w: &str) -> Option<u32> {
    // Most words are ruled out by their first letter before the list is read.
    const FIRSTS: u32 = {
        let mut set = 0_u32;
        let mut i = 0;
        while i < MONTHS_ABROAD.len() {
            let b = MONTHS_ABROAD[i].0.as_bytes()[0];
            if b.is_ascii_lowercase() {
                set |= 1 << (b - b'a');
            }
            i += 1;
        }
        set
    };
    let first = *w.as_bytes().first()?;
    if !(3..=30).contains(&w.len())
        || (first.is_ascii_alphabetic() && FIRSTS & (1 << (first.to_ascii_lowercase() - b'a')) == 0)
        || first.is_ascii_digit()
    {
        return None;
    }
    // A word opening with an ASCII letter folds to no month of another alphabet.
    MONTHS_ABROAD
        .iter()
        .filter(|(m, _)| !first.is_ascii() || m.as_bytes()[0].is_ascii())
        .find(|(m, _)| folds_to(w, m))
        .map(|&(_, n)| n)
}

/// The Irish weekdays after "Dé" ("Dé Luain"); Thursday is one word, "Déardaoin" (see
/// [`WEEKDAYS_IN_WORDS`]).
const IRISH_WEEKDAYS: &[&str] = &[
    "Luain",
    "Máirt",
    "Céadaoin",
    "hAoine",
    "Sathairn",
    "Domhnaigh",
];

/// After a weekday ending at `at`: a space (or a comma and a space), then a day and a
/// month in figures with no year ("Tues 3/9", "Fri, 14.11"); the end and the month.
pub(super) fn weekday_day_month(text: &str, at: usize) -> Option<(usize, u32)> {
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

/// A date as Korean writes it, each part a figure and its counter: "2025년 3월 14일", a
/// weekday after it too ("… 14일 금요일").
pub(super) fn korean_dates(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |t: &Tok| &text[t.start..t.end];
    fn figures(w: &str, counter: char, most: usize) -> Option<&str> {
        w.strip_suffix(counter)
            .filter(|n| (1..=most).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
    }
    for (i, t) in toks.iter().enumerate() {
        let (Some(m), Some(d)) = (
            figures(word(t), '월', 2),
            toks.get(i + 1).and_then(|d| figures(word(d), '일', 2)),
        ) else {
            continue;
        };
        let (Ok(month), Some(_)) = (m.parse::<u32>(), day_of(d)) else {
            continue;
        };
        if !(1..=12).contains(&month) || &text[t.end..toks[i + 1].start] != " " {
            continue;
        }
        let year = i
            .checked_sub(1)
            .filter(|&p| &text[toks[p].end..t.start] == " ")
            .and_then(|p| Some((p, year_of(figures(word(&toks[p]), '년', 4)?)?)));
        let mut end = toks[i + 1].end;
        if let Some(w) = toks.get(i + 2)
            && &text[end..w.start] == " "
            && word(w).ends_with("요일")
        {
            end = w.end;
        }
        let start = year.map_or(t.start, |(p, _)| toks[p].start);
        let mut c = Cand::new(FindingKind::ExactDate, start, end);
        c.date = Some(DateParts {
            month,
            year: year.map(|(_, y)| y),
        });
        push_date(text, c, out);
    }
}

/// The months of the Hebrew calendar, as a date writes them (with "ב", "in", before
/// them or not): "י״ד באדר תשפ״ה".
const HEBREW_MONTHS: &[&str] = &[
    "תשרי",
    "חשון",
    "חשוון",
    "מרחשון",
    "מרחשוון",
    "כסלו",
    "כסליו",
    "טבת",
    "שבט",
    "אדר",
    "ניסן",
    "אייר",
    "סיון",
    "סיוון",
    "תמוז",
    "אב",
    "אלול",
];

/// The months of Nepal's Bikram Sambat calendar in Devanagari, in their everyday and
/// their Sanskrit forms: "२०८१ फागुन २८".
const BIKRAM_SAMBAT_MONTHS: &[&str] = &[
    "बैशाख",
    "वैशाख",
    "बैसाख",
    "जेठ",
    "जेष्ठ",
    "ज्येष्ठ",
    "असार",
    "आषाढ",
    "असाढ",
    "साउन",
    "श्रावण",
    "भदौ",
    "भाद्र",
    "असोज",
    "आश्विन",
    "कात्तिक",
    "कार्तिक",
    "मंसिर",
    "मङ्सिर",
    "मार्ग",
    "पुस",
    "पौष",
    "माघ",
    "फागुन",
    "फाल्गुन",
    "चैत",
    "चैत्र",
];

/// What opens a date of the Chinese lunar calendar: "農曆八月十五", "农历二月初八".
const LUNAR_CALENDAR_WORDS: &[&str] = &["農曆", "农历", "陰曆", "阴历", "舊曆", "旧历"];

/// Whether `c` is a letter of the Hebrew alphabet.
fn hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

/// Dates of calendars written in their own script, none of whose months is a month of the
/// Gregorian year, so each is shown as `[DATE]`: the Hebrew calendar's ("י״ד באדר תשפ״ה",
/// a day and a year in letters with their marks), Nepal's Bikram Sambat in Devanagari
/// ("२०८१ चैत ९", year, month and day, or day, month and year) and the Chinese lunar
/// calendar's after the word for it ("農曆八月十五"). A month alone ("אדר", "माघ") is no
/// date.
pub(super) fn dates_of_other_calendars(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    mongolian_dates(text, out);
    // Hebrew: the day before the month, the year after it, each letters with a geresh or
    // gershayim (or the ASCII quotes typed for them).
    let numeral_char = |c: char| hebrew_letter(c) || matches!(c, '״' | '׳' | '"' | '\'');
    let marked = |s: &str| s.contains(['״', '׳', '"', '\'']) || s.chars().count() == 1;
    if text.contains(|c: char| hebrew_letter(c)) {
        for (at, w) in words_between_spaces(text) {
            let bare = w.strip_prefix('ב').filter(|m| HEBREW_MONTHS.contains(m));
            if !HEBREW_MONTHS.contains(&w) && bare.is_none() {
                continue;
            }
            let before = &text[..at];
            let Some(day_end) = before.strip_suffix(' ').map(str::len) else {
                continue;
            };
            let day_start = text[..day_end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| numeral_char(c))
                .last()
                .map_or(day_end, |(i, _)| i);
            let day = &text[day_start..day_end];
            if day.is_empty() || day.chars().count() > 4 || !marked(day) {
                continue;
            }
            let mut end = at + w.len();
            let after = &text[end..];
            if let Some(rest) = after.strip_prefix(' ') {
                let year: usize = rest
                    .chars()
                    .take_while(|&c| numeral_char(c))
                    .map(char::len_utf8)
                    .sum();
                let y = &rest[..year];
                if (2..=8).contains(&y.chars().count()) && y.contains(['״', '"']) {
                    end += 1 + year;
                }
            }
            push_date(text, Cand::new(FindingKind::ExactDate, day_start, end), out);
        }
    }
    // Bikram Sambat: a year of that era (2000 to 2100), a month and a day, either way.
    if text.contains(|c: char| ('\u{0900}'..='\u{097F}').contains(&c)) {
        let word = |t: &Tok| &text[t.start..t.end];
        let bs_year = |t: &Tok| {
            word(t).len() == 4
                && word(t)
                    .parse::<u32>()
                    .is_ok_and(|y| (2000..=2100).contains(&y))
        };
        let bs_day = |t: &Tok| {
            (1..=2).contains(&word(t).len())
                && word(t).parse::<u32>().is_ok_and(|d| (1..=32).contains(&d))
        };
        for (i, t) in toks.iter().enumerate() {
            if !BIKRAM_SAMBAT_MONTHS.contains(&word(t)) || i == 0 {
                continue;
            }
            let (Some(a), Some(b)) = (toks.get(i - 1), toks.get(i + 1)) else {
                continue;
            };
            let spaced = &text[a.end..t.start] == " " && &text[t.end..b.start] == " ";
            if spaced && ((bs_year(a) && bs_day(b)) || (bs_day(a) && bs_year(b))) {
                push_date(text, Cand::new(FindingKind::ExactDate, a.start, b.end), out);
            }
        }
    }
    // The Chinese lunar calendar: its word, then a month and a day in Chinese numerals.
    if !text.contains(['曆', '历']) {
        return;
    }
    for cal in LUNAR_CALENDAR_WORDS {
        for (at, _) in text.match_indices(cal) {
            let from = at + cal.len();
            let len: usize = text[from..]
                .chars()
                .take_while(|c| "正一二三四五六七八九十冬臘腊閏闰月初廿卅日號号".contains(*c))
                .take(8)
                .map(char::len_utf8)
                .sum();
            if text[from..from + len].contains('月') {
                push_date(text, Cand::new(FindingKind::ExactDate, at, from + len), out);
            }
        }
    }
}
