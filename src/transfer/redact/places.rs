//! Places by name: schools, workplaces and wards, named buildings, saints' places, pubs,
//! shops and the other places named by what they are.

use super::*;

/// Words that end the name of a building: "Brook House", "Kingfisher Court".
#[rustfmt::skip]
pub(super) const BUILDING_WORDS: &[&str] = &[
    "house", "court", "tower", "towers", "lodge", "mansions", "buildings", "heights",
    "point", "block", "apartments", "villas", "cottage", "cottages", "farm", "manor",
    "quay", "hall", "centre", "works", "mill", "chambers", "forge", "croft", "barn", "byre",
    "steading", "bothy", "rectory", "vicarage", "granary", "stables", "smithy",
    "farmhouse", "schoolhouse", "bungalow",
];

/// Words that end the name of a school, a college or a surgery: "Oakfield Academy",
/// "St Kentigern's Primary", "Riverside Surgery"; and of a cemetery or a crematorium,
/// named as a surgery is ("London Road Cemetery", "Canley Crematorium").
#[rustfmt::skip]
pub(super) const SCHOOL_WORDS: &[&str] = &[
    "school", "primary", "academy", "college", "nursery", "infants", "juniors", "surgery",
    "hospice", "cemetery", "crematorium", "jobcentre",
];
/// Words that start one in Welsh, Irish and Gaelic: "Ysgol Bro Tawe", "Scoil Mhuire",
/// and a surgery, a hospital, a centre or a home in Welsh: "Meddygfa Tywi", "Meddygfa'r
/// Llan", "Ysbyty Gwynedd".
#[rustfmt::skip]
pub(super) const SCHOOL_HEADS: &[&str] = &[
    "ysgol", "coleg", "scoil", "sgoil", "meithrinfa", "meddygfa", "feddygfa", "ysbyty",
    "canolfan", "cartref",
];
/// Words before a school word that make no name of it: "the High School", "a Sixth Form
/// College", "Royal College of Nursing".
#[rustfmt::skip]
pub(super) const GENERIC_SCHOOL_WORDS: &[&str] = &[
    "high", "primary", "secondary", "special", "grammar", "boarding", "sunday", "medical",
    "junior", "infant", "infants", "middle", "free", "independent", "catholic", "church",
    "state", "private", "local", "new", "old", "village", "community", "comprehensive",
    "residential", "day", "summer", "nursery", "forest", "faith", "sixth", "form",
    "further", "city", "county", "national", "royal", "open", "welsh", "english", "gp",
    "dental", "art", "drama", "dance", "music", "language", "driving", "bible", "business",
    "law", "nursing", "care", "health", "my", "our", "his", "her", "their", "the", "a",
    "gymraeg", "cymraeg", "gynradd", "cynradd", "gyfun", "cyfun", "uwchradd", "feithrin",
    "meithrin", "arbennig", "babanod", "iau", "eglwys", "bro", "ysgol", "coleg", "girls",
    "boys", "girls'", "boys'", "municipal", "borough", "war", "jewish", "muslim",
    "military", "pet",
];
/// Titles whose holder's name a school may bear in the possessive: "Bishop's Green
/// Academy", "King's Norton Girls' School".
#[rustfmt::skip]
pub(super) const TITLES_OF_SCHOOLS: &[&str] = &[
    "bishop", "archbishop", "cardinal", "king", "queen", "prince", "princess", "abbot",
    "dean", "canon",
];
/// The marks of a church school inside its name, in capitals: "St Bernadette's RC
/// Primary", "Holy Trinity CE Academy".
pub(super) const FAITH_SCHOOL_MARKS: &[&str] = &["rc", "ce", "cofe", "ciw", "cw", "va", "vc"];
/// Particles inside a Welsh name: "Ysgol y Graig", "Ysgol Gymraeg yr Allt".
pub(super) const WELSH_PARTICLES: &[&str] = &["y", "yr", "a'r", "i'r"];

/// Schools, colleges and surgeries by their name: capitalised words before a school word
/// with at least one that is not a generic one ("Oakfield Academy", not "the High
/// School"), or capitalised words after a Welsh, Irish or Gaelic one ("Ysgol Gyfun
/// Gŵyr").
pub(super) fn schools(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
        // Two words that end one too: a practice of GPs ("Ystwyth Medical Group") and a
        // nursery ("Annette Street Early Years"); "group" and "years" alone end nothing.
        let paired = k >= 1
            && spaced(k - 1, k)
            && cap(k - 1)
            && match l {
                "group" => ["medical", "health", "dental"].contains(&&*lowers[k - 1]),
                "years" => &*lowers[k - 1] == "early",
                _ => false,
            };
        if !(SCHOOL_WORDS.contains(&l) || paired) || k == 0 {
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
        // A pair's first word ("Medical", "Early") names nothing of its own.
        let own_end = if paired { k - 1 } else { k };
        let named = (start..own_end).any(|j| {
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
pub(super) fn spaced(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    &text[toks[a].end..toks[b].start] == " "
}

/// Whether a token is a word of letters with a capital first ("Oakfield", "RC").
pub(super) fn starts_capitalised(text: &str, t: &Tok) -> bool {
    t.letters && !t.digits && text[t.start..].starts_with(char::is_uppercase)
}

/// Whether token `j` is a capitalised word that may be part of a name: letters with a
/// capital first, no possessive, and no small word or word of the calendar ("Soho",
/// not "The", "March" or "Sam's").
pub(super) fn capitalised_plain(text: &str, words: Words<'_>, j: usize) -> bool {
    let t = &words.toks[j];
    starts_capitalised(text, t)
        && t.base_end == t.end
        && !STOPWORDS.contains(&&*words.lowers[j])
        && !CALENDAR.contains(&&*words.lowers[j])
}

/// The first token of a name that ends at token `k` (a school or institution word): up
/// to three words before it, one space apart, none a stopword, each one that `joins`
/// accepts.
pub(super) fn name_start_before(
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
pub(super) const WORK_CUES: &[&str] = &[
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
pub(super) const CARE_CUES: &[&str] = &[
    "admitted", "admission", "admissions", "readmitted", "transferred", "discharged",
    "seen", "born", "delivered", "outpatients", "outpatient", "appointment", "clinic",
    "scan", "a&e", "ed", "resus", "theatre", "surgery", "operation", "operated", "ward",
    "bed", "consultant", "inpatient", "stay",
];
/// Capitalised words that make no workplace of themselves ("works at the Job Centre",
/// "nights at A&E", "works for Royal Mail", "works at Christmas").
#[rustfmt::skip]
pub(super) const GENERIC_WORKPLACE_WORDS: &[&str] = &[
    "home", "office", "job", "jobcentre", "centre", "plus", "council", "city", "county",
    "royal", "mail", "post", "nhs", "police", "fire", "service", "services", "station",
    "army", "navy", "health", "social", "court", "prison", "university", "college",
    "school", "hospital", "day", "night", "care", "a", "e", "the", "local", "community",
    "christmas", "easter", "eid", "diwali", "weekends", "weekend", "nights", "home's",
];
/// Times of the year and of the week that no shop is named for: "at Christmas".
#[rustfmt::skip]
pub(super) const TIMES: &[&str] = &[
    "christmas", "easter", "eid", "diwali", "hanukkah", "vaisakhi", "ramadan", "new",
    "weekends", "weekend", "nights", "night", "day", "days", "lunchtime", "teatime",
];
/// Initials ending in "I" or "H" that are no hospital's: scans, measures, conditions,
/// drugs and bodies ("an MRI at the Royal" aside, "MRI" is the scan).
#[rustfmt::skip]
pub(super) const NOT_HOSPITAL_INITIALS: &[&str] = &[
    "MRI", "BMI", "UTI", "SSRI", "SNRI", "KPI", "API", "PPI", "CHI", "AKI", "TBI", "ABI",
    "MDI", "HDI", "CPI", "NHS", "DOH", "MOH", "GDH", "PMH", "SMH", "SCI", "PCI", "NSAI",
];
/// Words after "Royal" that make no hospital of it ("Royal Mail", "Royal Navy", "Royal
/// College of Nursing").
#[rustfmt::skip]
pub(super) const ROYAL_NOT_HOSPITALS: &[&str] = &[
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
pub(super) fn capitalised_run(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
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
    if let Some(q) = text[end..]
        .chars()
        .next()
        .filter(|q| matches!(q, '\'' | '’'))
        && right_boundary(text, end + q.len_utf8())
    {
        end += q.len_utf8();
    }
    Some((last, end))
}

/// Places of work and hospital wards by name: capitalised words after "at", "for", "by"
/// or "from" a few words after a word of work ("started nights at Greggs", "works at Tesco
/// Extra", "driver for Hermes", "paid cash by Sparkle Hand Car Wash"; not "works at the care home" nor a generic "Job Centre"), and a
/// numbered ward with the hospital after it ("Ward 7B", "Ward 12 at Morriston"; "Ward:
/// F2" on a form).
pub(super) fn workplaces_and_wards(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
            && (ends_clause(text, n.end)
                || toks.get(k + 2).is_some_and(|m| {
                    &text[n.end..m.start] == " "
                        && [
                            "in", "on", "for", "last", "this", "since", "and", "with", "after",
                        ]
                        .contains(&&*lowers[k + 2])
                }))
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
            // "Ward: F2", a form's label: the ward's number alone is the place.
            let label = &text[toks[k].end..n.start] == ": ";
            if !(&text[toks[k].end..n.start] == " " || label) || !numbered {
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
            let start = if label { n.start } else { toks[k].start };
            out.push(Cand::new(FindingKind::Place, start, end));
        } else if matches!(l, "hospital" | "hospitals")
            && k >= 1
            && &*lowers[k - 1] == "university"
            && starts_capitalised(text, &toks[k - 1])
            && starts_capitalised(text, &toks[k])
            && &text[toks[k - 1].end..toks[k].start] == " "
            && let Some(n) = toks.get(k + 1)
            && &text[toks[k].end..n.start] == " "
        {
            // "University Hospital Coventry", "University Hospitals of Leicester": the
            // place after the hospital's words names it.
            let mut first = k + 1;
            if &*lowers[first] == "of" && first + 1 < toks.len() {
                first += 1;
                if &*lowers[first] == "the" && first + 1 < toks.len() {
                    first += 1;
                }
            }
            if let Some((_, end)) = capitalised_run(text, toks, first)
                && !sentence_start(text, toks[first].start)
            {
                out.push(Cand::new(FindingKind::Place, toks[k - 1].start, end));
            }
        } else if l == "care"
            && k >= 1
            && matches!(&*lowers[k - 1], "critical" | "intensive")
            && starts_capitalised(text, &toks[k - 1])
            && starts_capitalised(text, &toks[k])
            && &text[toks[k - 1].end..toks[k].start] == " "
            && let Some(n) = toks.get(k + 1)
            && &text[toks[k].end..n.start] == " "
            && (1..=3).contains(&(n.end - n.start))
            && text[n.start..].starts_with(|c: char| c.is_ascii_digit())
            && text[n.start..n.end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
            && !toks.get(k + 2).is_some_and(|u| {
                &text[n.end..u.start] == " "
                    && [
                        "day", "days", "night", "nights", "week", "weeks", "hour", "hours",
                        "month", "months", "times", "beds", "patients", "nurses",
                    ]
                    .contains(&&*lowers[k + 2])
            })
        {
            // "on Critical Care 2", "Intensive Care 3B": a unit by its number, as a
            // ward is; not "Critical Care 3 days".
            out.push(Cand::new(FindingKind::Place, toks[k - 1].start, n.end));
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
        } else if [
            "HMP", "HMYOI", "HMPYOI", "YOI", "HMS", "RFA", "HMCS", "HMAS", "HMNZS", "MV", "FV",
            "RMS",
        ]
        .contains(&&text[toks[k].start..toks[k].end])
            && toks
                .get(k + 1)
                .is_some_and(|n| &text[toks[k].end..n.start] == " ")
            && let Some((_, end)) = capitalised_run(text, toks, k + 1)
        {
            // A prison by its name: "out 9 days from HMP Altcourse"; a ship, where someone
            // serves or works: "on HMS Valkyrie", "crew of the MV Nordic Tern".
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
pub(super) const UNIT_ACRONYMS: &[&str] = &[
    "PICU", "ICU", "ITU", "HDU", "NICU", "SCBU", "CCU", "MAU", "AMU", "CDU", "EAU", "SAU",
    "PAU", "MBU",
];

/// Words before a unit's initials that say what kind it is, not which.
#[rustfmt::skip]
pub(super) const GENERIC_UNIT_WORDS: &[&str] = &[
    "paediatric", "pediatric", "neonatal", "adult", "general", "cardiac", "cardiothoracic",
    "neuro", "surgical", "medical", "respiratory", "mental", "psychiatric", "local",
    "nearest", "main", "children's", "specialist", "regional", "critical", "coronary",
    "acute", "emergency", "female", "male", "mixed", "adolescent", "women's", "men's",
    "nhs", "private", "new", "old", "level", "step-down",
];

/// Where token `k` names a wing or hall of a prison before `kind` ("B wing", "D Hall",
/// "Dyfed wing"), the start of its name: a capital letter (not "A" or "I"), or a word in
/// none of the lists before a lowercase "wing".
pub(super) fn wing_name(text: &str, words: Words<'_>, k: usize, kind: &str) -> Option<usize> {
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
pub(super) const INSTITUTION_WORDS: &[&str] = &[
    "house", "court", "lodge", "centre", "center", "practice", "ward", "unit", "manor",
    "hall", "grange", "clinic", "infirmary", "hospital", "home", "pharmacy", "almshouses",
    "almshouse",
];
/// Words before an institution word that make no name of it: a kind of place ("the
/// Family Centre", "the Crown Court", "the Stroke Unit", "Reflective Practice"). The
/// institution words themselves, months and seasons, peoples and public bodies make no
/// name either, and a stopword ends the name before it is looked at.
#[rustfmt::skip]
pub(super) const GENERIC_INSTITUTION_WORDS: &[&str] = &[
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
/// The kinds of a court of law, said before "Court".
#[rustfmt::skip]
const COURT_KINDS: &[&str] = &[
    "youth", "crown", "magistrates", "magistrates'", "county", "family", "coroner's",
    "coroners", "sheriff", "juvenile", "civil", "criminal",
];

/// Words before a named place that say it is one: "settling at Maple Court", "back to
/// Brookfield Lodge", "bed 14 on Beech Ward".
#[rustfmt::skip]
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "to", "from", "in", "on", "into", "onto", "near", "outside", "inside", "via",
    "towards", "leaving", "left", "visiting", "visited", "attends", "attending",
];

/// Verbs of running a place, before its name: "I manage Lark Meadows Care Home", "she
/// runs Brook Lodge".
#[rustfmt::skip]
const RUNS_A_PLACE: &[&str] = &[
    "manage", "manages", "managed", "managing", "run", "runs", "running", "coordinate",
    "coordinates", "coordinated",
];

/// Labels a place's name follows on a form or in a handover: "GP", "Venue:".
const PLACE_LABELS: &[&str] = &["gp", "venue", "location"];

/// Everyday words that make a kind of house, lodge or court, not the name of one.
#[rustfmt::skip]
const GENERIC_HOUSES: &[&str] = &[
    "halfway", "safe", "open", "white", "full", "coffee", "guest", "town", "public", "big",
    "opera", "care", "country", "boarding", "crown", "family", "magistrates", "county",
    "high", "supreme", "royal", "food", "tennis", "squash", "youth", "dog", "hunting",
    "sheriff", "juvenile", "civil", "criminal", "district", "meeting", "coach", "farm",
    "gate", "club", "tree", "doll's", "dolls", "boat", "summer", "light", "lodging",
    "rooming", "manor", "mansion", "wash", "glass", "hen", "bake", "ice", "pump", "store",
];

/// Places named by capitalised words ending in an institution word, after a word that
/// says a place: "settling at Maple Court", "went back to Brookfield Lodge", "bed 14 on
/// Beech Ward", "registered at Riverside Medical Practice". At least one word of the name
/// must be more than a kind of place: "the Family Centre", "the Crown Court" and
/// "Reflective Practice" stay.
pub(super) fn named_buildings(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let spaced = |a: usize, b: usize| spaced(text, toks, a, b);
    let cap = |k: usize| starts_capitalised(text, &toks[k]);
    for k in 1..toks.len() {
        let l = &*lowers[k];
        // "Elm Bank AP", "Wesley House Approved Premises": an approved premises, a
        // probation hostel.
        let premises = &text[toks[k].start..toks[k].end] == "AP"
            || (&text[toks[k].start..toks[k].end] == "Premises"
                && k >= 2
                && &text[toks[k - 1].start..toks[k - 1].end] == "Approved"
                && spaced(k - 1, k)
                && spaced(k - 2, k - 1)
                && cap(k - 2));
        // A cottage by its name is someone's home: "The house, Heights Cottage, Old Town".
        let cottage = l == "cottage";
        if !(INSTITUTION_WORDS.contains(&l) || premises || cottage)
            || !cap(k)
            || toks[k].base_end != toks[k].end
        {
            continue;
        }
        // "Home" names a place only after "Care" or "Nursing": "Oakview Care Home".
        if l == "home" && !["care", "nursing", "children", "childrens"].contains(&&*lowers[k - 1]) {
            continue;
        }
        let mut start = name_start_before(text, words, k, cap);
        // "GP Ballymoney Health Centre": the label is not the practice's name.
        if start + 1 < k && PLACE_LABELS.contains(&&*lowers[start]) {
            start += 1;
        }
        if start == k {
            continue;
        }
        // An approved premises is named by whatever words it has: "Manor House AP". A
        // hospital is named by a region or a people too ("Ulster Hospital"), and "Crown"
        // is a kind of court but names a practice ("Crown Medical Practice").
        let hospital = ["hospital", "infirmary", "hospice"].contains(&l);
        // A court of law named by the town it sits for serves all of it: "Wolverhampton
        // Youth Court", "Leeds Magistrates' Court" (a block of flats "Peak Court" is named).
        let town_court = l == "court"
            && start + 1 < k
            && COURT_KINDS.contains(&&*lowers[k - 1])
            && (start..k - 1).all(|j| big_places().contains(&*lowers[j]));
        let named = !town_court
            && (premises
                || (start..k).any(|j| {
                    let w = &*lowers[j];
                    (!GENERIC_INSTITUTION_WORDS.contains(&w) || (w == "crown" && l != "court"))
                        && !INSTITUTION_WORDS.contains(&w)
                        && !CALENDAR.contains(&w)
                        && (hospital || (!PEOPLES.contains(&w) && !BODIES.contains(&w)))
                }));
        // The word before the name: a preposition of place, "the" between them or not.
        let mut p = start;
        if p >= 1 && &*lowers[p - 1] == "the" && spaced(p - 1, p) {
            p -= 1;
        }
        // Or after a verb of running it: "I manage Lark Meadows Care Home".
        let placed = p >= 1
            && spaced(p - 1, p)
            && (PLACE_PREPOSITIONS.contains(&&*lowers[p - 1])
                || RUNS_A_PLACE.contains(&&*lowers[p - 1]))
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
        // After a label, as a form or a handover gives it: "GP Ballymoney Health Centre",
        // "GP: Crown Medical Practice", "Venue: North Devon Leisure Centre studio 2".
        let said = said
            || (p >= 1
                && PLACE_LABELS.contains(&&*lowers[p - 1])
                && matches!(
                    &text[toks[p - 1].end..toks[p].start],
                    " " | ": " | " - " | " – "
                ));
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
        // So is a house, a lodge or a court named by everyday words ("Brook House, day
        // 4"), in brackets too ("(Brook House)"), unless the words make a kind of house
        // ("Halfway House", "Safe House").
        let building = ["house", "lodge", "court", "cottage"].contains(&l)
            && k == start + 1
            && !GENERIC_HOUSES.contains(&&*lowers[start]);
        let bracketed =
            start >= 1 && text[..toks[start].start].ends_with('(') && after.starts_with(')');
        let apposed = (sentence_start(text, toks[start].start)
            || (start >= 1
                && matches!(&text[toks[start - 1].end..toks[start].start], ", " | "., "))
            || bracketed)
            && (after.is_empty() || after.starts_with(['.', ',', ':', ';', '\n', ')']))
            && (l == "ward" || building || (start..k).any(|j| !is_plainly_ordinary(&lowers[j])));
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

/// Words that end the name of a team, a service or a project: "Sandwell Tenancy
/// Sustainment Team", "Tamar Valley Memory Service", "Selly Brook Specialist Provision".
#[rustfmt::skip]
pub(super) const SERVICE_ENDS: &[&str] = &[
    "team", "service", "services", "provision", "hub", "project", "café", "cafe",
    "partnership", "network", "collective", "pantry",
];

/// Teams, services and projects by their name: capitalised words ending in a word of
/// [`SERVICE_ENDS`], at least one of them neither a kind of place or service nor a word
/// of the dictionary or the lists, the field's words included (a town too big to
/// identify anyone names none: "Leeds Crisis Team" stays, as "the Crisis Team" and "the
/// Reablement Team" do).
pub(super) fn named_services(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let cap = |k: usize| {
        starts_capitalised(text, &toks[k]) && !is_acronym(&text[toks[k].start..toks[k].base_end])
    };
    for k in 1..toks.len() {
        // By length first: every word of every text passes here.
        let l = &*lowers[k];
        if !text.as_bytes()[toks[k].start].is_ascii_uppercase()
            || !(3..=11).contains(&l.len())
            || !SERVICE_ENDS.contains(&l)
            || !cap(k)
        {
            continue;
        }
        if toks[k].base_end != toks[k].end {
            continue;
        }
        let start = name_start_before(text, words, k, |j| {
            cap(j) && toks[j].base_end == toks[j].end
        });
        let named = (start..k).any(|j| {
            let w = &*lowers[j];
            !GENERIC_INSTITUTION_WORDS.contains(&w)
                && !INSTITUTION_WORDS.contains(&w)
                && !SERVICE_ENDS.contains(&w)
                && !CALENDAR.contains(&w)
                && !PEOPLES.contains(&w)
                && !BODIES.contains(&w)
                && is_a_word_of_its_own(w)
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

/// Places named for a saint, possessive: "at St Columba's", "St Oswald's Hospice",
/// "Saint Bride's Church", caught whole with the "'s" (a school by its school word is
/// caught as one already); and for a saint of a place, "St Mary of Zion". A saint's day
/// is no place ("St David's Day").
pub(super) fn saints_places(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
        if &text[gap_end..n.start] != " " || !starts_capitalised(text, n) {
            continue;
        }
        // "St Mary of Zion", "St Thomas of Canterbury": a church named for a saint of a
        // place, with the place's name (one or two capitalised words).
        if n.base_end == n.end
            && k + 3 < toks.len()
            && &*lowers[k + 2] == "of"
            && spaced(text, toks, k + 1, k + 2)
            && spaced(text, toks, k + 2, k + 3)
            && starts_capitalised(text, &toks[k + 3])
            && !is_acronym(&text[toks[k + 3].start..toks[k + 3].base_end])
        {
            let mut last = k + 3;
            if last + 1 < toks.len()
                && toks[last].base_end == toks[last].end
                && spaced(text, toks, last, last + 1)
                && starts_capitalised(text, &toks[last + 1])
                && !is_acronym(&text[toks[last + 1].start..toks[last + 1].base_end])
            {
                last += 1;
            }
            out.push(Cand::new(
                FindingKind::Place,
                toks[k].start,
                toks[last].base_end,
            ));
            continue;
        }
        // "St Agnes' Church": a saint whose name ends in s, the apostrophe alone.
        if n.base_end == n.end {
            let after = &text[n.end..];
            let Some(rest) = after.strip_prefix('\'').or_else(|| after.strip_prefix('’')) else {
                continue;
            };
            if !lowers[k + 1].ends_with('s') || rest.starts_with(char::is_alphanumeric) {
                continue;
            }
            let mut end = n.end + (after.len() - rest.len());
            let mut last = k + 1;
            while last < k + 3
                && last + 1 < toks.len()
                && text[end..toks[last + 1].start] == *" "
                && starts_capitalised(text, &toks[last + 1])
                && !is_acronym(&text[toks[last + 1].start..toks[last + 1].base_end])
            {
                last += 1;
                end = toks[last].base_end;
            }
            let saint_day = (k + 2..=last).any(|j| {
                matches!(&*lowers[j], "day" | "eve" | "night") || CALENDAR.contains(&&*lowers[j])
            });
            if !saint_day {
                out.push(Cand::new(FindingKind::Place, toks[k].start, end));
            }
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
pub(super) const PUB_WORDS: &[&str] = &[
    "arms", "inn", "tavern", "lion", "head", "oak", "swan", "bell", "anchor", "plough",
    "bull", "stag", "hart", "fox", "hounds", "hound", "bear", "eagle", "lamb", "wheatsheaf",
    "feathers", "ship", "horse", "horses", "horseshoe", "mitre", "unicorn", "boar",
    "dragon", "greyhound", "pheasant", "chequers", "globe", "griffin", "falcon", "cock",
    "crown", "star", "sun", "moon", "volunteer", "railway", "tap", "vaults",
];
/// Chains whose branch, named by where it is, is a place: "the Pershore Road Lidl",
/// "Tesco Cowley", "Westgate Greggs".
#[rustfmt::skip]
pub(super) const CHAINS: &[&str] = &[
    "tesco", "asda", "sainsbury's", "sainsburys", "sainsbury", "aldi", "lidl", "morrisons",
    "greggs", "costa", "starbucks", "mcdonald's", "mcdonalds", "co-op", "coop", "boots",
    "superdrug", "primark", "wilko", "poundland", "kfc", "wetherspoons", "spar", "londis",
    "waitrose", "argos", "halfords", "screwfix", "ikea", "matalan", "specsavers",
    // Banks' branches and filling stations, named by their street as shops are.
    "lloyds", "barclays", "natwest", "santander", "nationwide", "shell", "esso", "texaco",
];
/// Words after a chain's name that say what kind of shop it is, not where: "Tesco
/// Extra", "Boots Pharmacy".
#[rustfmt::skip]
pub(super) const CHAIN_FORMATS: &[&str] = &[
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
pub(super) const WORSHIP_WORDS: &[&str] = &[
    "church", "chapel", "mosque", "masjid", "gurdwara", "mandir", "temple", "synagogue",
    "tabernacle", "cathedral", "kingdom", "cemevi",
];
/// What else a community names by its people, capitalised: "the Polish Club in Ealing".
#[rustfmt::skip]
const COMMUNITY_KINDS: &[&str] = &[
    "mission", "centre", "club", "association", "society", "community", "congregation",
    "school",
];
/// Kinds of shop that end a shop's name: "Lotus Nails", "Kutz Barbers".
#[rustfmt::skip]
pub(super) const SHOP_KINDS: &[&str] = &[
    "nails", "barbers", "barber", "barbershop", "salon", "takeaway", "kebabs", "launderette",
    "laundrette", "tattoo", "tattoos", "florist", "florists", "bakery", "butchers",
    "newsagents", "cafe", "café", "grocery", "grocers", "drapers", "market", "stores",
    "deli", "bakers", "jewellers", "motors",
];
/// Words before "General" that make no hospital of it: "the Attorney General".
#[rustfmt::skip]
pub(super) const NOT_GENERAL_HOSPITALS: &[&str] = &[
    "attorney", "secretary", "surgeon", "registrar", "solicitor", "director", "inspector",
    "accountant", "postmaster", "governor", "auditor", "consul", "paymaster", "major",
    "brigadier", "lieutenant", "adjutant", "quartermaster", "in", "the", "very",
];

/// The end of whom a hospital or a hospice ending at token `k` is for: "Bristol Royal
/// Hospital for Children", "the Royal Hospital for Sick Children".
pub(super) fn for_whom(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
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
pub(super) fn street_after_comma(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
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
pub(super) fn street_after(text: &str, words: Words<'_>, k: usize) -> Option<usize> {
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
pub(super) fn works_there(text: &str, toks: &[Tok], lowers: &[Cow<'_, str>], w: usize) -> bool {
    // "where Mei works", "where her Auntie Ife works", "where she worked".
    (w + 1..(w + 5).min(toks.len())).any(|j| {
        ["works", "worked", "working"].contains(&&*lowers[j])
            && !text[toks[w].end..toks[j].start].contains(['.', ',', ';', '!', '?', '\n'])
    })
}

/// A building by its name beside a room in it, where someone stays: "Harbour House, room
/// 14", "(room 7, Larchfield Court)"; not a kind of place ("Nursing Home, room 4").
pub(super) fn buildings_by_a_room(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
pub(super) fn places_by_kind(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
        // A community's place of worship in lowercase and the town or district it is in:
        // "the Khmer temple in Ruislip", "the Polish church in Ealing"; or its church,
        // club or mission by its name, capitalised, one more word of the name between or
        // not: "the Finnish Church in Rotherhithe", "the Eritrean Orthodox Church in
        // Battersea". The few of each there are make it one place. A capitalised one in a
        // country or a city names a body, not a building: "the Catholic Church in
        // Ireland".
        let capital_kind = cap(k)
            && toks[k].base_end == toks[k].end
            && (WORSHIP_WORDS.contains(&l) || COMMUNITY_KINDS.contains(&l));
        let lower_kind =
            WORSHIP_WORDS.contains(&l) && text[toks[k].start..].starts_with(char::is_lowercase);
        if (capital_kind || lower_kind)
            && k >= 1
            && k + 2 < toks.len()
            && &*lowers[k + 1] == "in"
            && spaced(k, k + 1)
            && spaced(k + 1, k + 2)
            && cap(k + 2)
            && !(capital_kind
                && (big_places().contains(&*lowers[k + 2]) || is_allowed(&lowers[k + 2])))
            && let Some((_, end)) = capitalised_run(text, toks, k + 2)
        {
            let people = |j: usize| cap(j) && PEOPLES.contains(&&*lowers[j]);
            let first = if spaced(k - 1, k) && people(k - 1) {
                Some(k - 1)
            } else {
                (capital_kind && k >= 2 && spaced(k - 1, k) && spaced(k - 2, k - 1))
                    .then_some(k - 2)
                    .filter(|&j| cap(k - 1) && people(j))
            };
            if let Some(first) = first {
                out.push(Cand::new(FindingKind::Place, toks[first].start, end));
                continue;
            }
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
        // A hospital by its place and "General", in one word or two: "taken to Northern
        // General", "home from North Manchester General".
        if l == "general"
            && cap(k)
            && k >= 2
            && spaced(k - 1, k)
            && cap(k - 1)
            && toks[k].base_end == toks[k].end
            && !NOT_GENERAL_HOSPITALS.contains(&&*lowers[k - 1])
            && (k + 1 >= toks.len() || !(spaced(k, k + 1) && cap(k + 1)))
        {
            let mut first = k - 1;
            if first >= 2
                && spaced(first - 1, first)
                && cap(first - 1)
                && toks[first - 1].base_end == toks[first - 1].end
                && !STOPWORDS.contains(&&*lowers[first - 1])
                && !NOT_GENERAL_HOSPITALS.contains(&&*lowers[first - 1])
            {
                first -= 1;
            }
            let mut p = first;
            if p >= 2 && &*lowers[p - 1] == "the" && spaced(p - 1, p) {
                p -= 1;
            }
            if PLACE_PREPOSITIONS.contains(&&*lowers[p - 1]) && spaced(p - 1, p) {
                out.push(Cand::new(
                    FindingKind::Place,
                    toks[first].start,
                    toks[k].end,
                ));
            }
        }
        // A university by its place: "a second-year at the University of Derby", "the
        // University of the West of England". Up to six words after "of", small ones
        // between capitalised ones, ending in a capitalised one; a place or a word no
        // dictionary has among them.
        if l == "university"
            && cap(k)
            && toks
                .get(k + 1)
                .is_some_and(|_| spaced(k, k + 1) && &*lowers[k + 1] == "of")
        {
            let mut end = None;
            let mut j = k + 2;
            while j < toks.len() && j <= k + 7 && spaced(j - 1, j) {
                if cap(j) && toks[j].base_end == toks[j].end && !CALENDAR.contains(&&*lowers[j]) {
                    end = Some(j);
                } else if !matches!(&*lowers[j], "the" | "of" | "and")
                    || (&*lowers[j] == "and"
                        && lowers
                            .get(j + 1)
                            .is_some_and(|n| matches!(&**n, "the" | "university")))
                {
                    break;
                }
                j += 1;
            }
            // A place or a word of no dictionary among them: not "the University of
            // Life".
            if let Some(e) = end
                && (k + 2..=e).any(|j| {
                    let l = &*lowers[j];
                    big_places().contains(l) || BODIES.contains(&l) || !is_ordinary(l)
                })
            {
                out.push(Cand::new(FindingKind::Place, toks[k].start, toks[e].end));
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
                // Its kind of shop may come first: "Tesco Extra Abbey Lane".
                && (k + 1..=last).all(|j| {
                    plain(j)
                        && (!CHAIN_FORMATS.contains(&&*lowers[j])
                            || (j == k + 1
                                && last > k + 2
                                && STREET_WORDS.contains(&&*lowers[last])))
                })
                // "Sainsbury's Cowley Road": a possessive chain before its street.
                && (toks[k].base_end == toks[k].end
                    || (last > k + 1 && STREET_WORDS.contains(&&*lowers[last])))
            {
                out.push(Cand::new(FindingKind::Place, toks[k].start, end));
            } else {
                // "Co-op Funeralcare, Walsgrave Road": the street after a comma, its kind
                // of shop between or not, a house number before it or not.
                let f =
                    usize::from(toks.get(k + 1).is_some_and(|_| {
                        spaced(k, k + 1) && CHAIN_FORMATS.contains(&&*lowers[k + 1])
                    }));
                let mut s = k + f + 1;
                let comma = toks
                    .get(s)
                    .is_some_and(|t| &text[toks[s - 1].end..t.start] == ", ");
                // Its house number may come first: "Shell, 118 Wakefield Road".
                if comma
                    && toks.get(s + 1).is_some_and(|_| spaced(s, s + 1))
                    && is_house_number(&text[toks[s].start..toks[s].end])
                {
                    s += 1;
                }
                if comma
                    && let Some((last, end)) = capitalised_run(text, toks, s)
                    && last > s
                    && last <= s + 3
                    && STREET_WORDS.contains(&&*lowers[last])
                {
                    out.push(Cand::new(FindingKind::Place, toks[k].start, end));
                }
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
            // Or the pitch after it, the home on it: "(Redmoor Lane site, pitch 11)".
            let pitch_after = ["pitch", "plot"].iter().find_map(|w| {
                let r = text[toks[k].end..]
                    .strip_prefix(", ")?
                    .strip_prefix(w)?
                    .strip_prefix(' ')?;
                let n = r.bytes().take_while(u8::is_ascii_digit).count();
                let s = toks[k].end + 2;
                let e = s + w.len() + 1 + n;
                (n > 0 && right_boundary(text, e)).then_some((s, e))
            });
            if named
                && (pitch_after.is_some()
                    || (p >= 1 && PLACE_PREPOSITIONS.contains(&&*lowers[p - 1])))
            {
                if let Some((s, e)) = pitch_after {
                    out.push(Cand::new(FindingKind::Address, s, e));
                }
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

/// A care home or a house by the name homes are given, with its capital "The" where no
/// sentence starts: "room 9 here at The Haven", "she moved to The Laurels". (At the
/// start of a sentence "The" is every sentence's.)
pub(super) fn homes_called_the(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    #[rustfmt::skip]
    const HOME_NAMES: &[&str] = &[
        "haven", "grange", "laurels", "willows", "beeches", "elms", "cedars", "hollies",
        "limes", "oaks", "firs", "pines", "poplars", "maples", "rowans", "sycamores",
        "larches", "gables", "orchards", "cloisters", "chestnuts", "hawthorns", "birches",
        "heathers", "lindens", "paddocks", "spinney", "shrubbery", "hermitage", "priory",
        "rectory", "vicarage",
    ];
    if !text.contains(" The ") {
        return;
    }
    let Words { toks, lowers } = words;
    for k in 1..toks.len() {
        let t = &toks[k];
        if &text[toks[k - 1].start..toks[k - 1].end] != "The"
            || !spaced(text, toks, k - 1, k)
            || !starts_capitalised(text, t)
            || !HOME_NAMES.contains(&&*lowers[k])
            || sentence_start(text, toks[k - 1].start)
            || !right_boundary(text, t.base_end)
        {
            continue;
        }
        out.push(Cand::new(FindingKind::Place, toks[k - 1].start, t.base_end));
    }
}

/// A hospital by its city and "Royal" alone, the way crews and wards say it: "conveyed to
/// Aberdeen Royal", "back from Bolton Royal.", "for Hull Royal lab", "at Leicester Royal
/// since". The city is one the lists know, "Royal" ends the name, or a department or a
/// small word of time or place follows it (not "Royal Mail",
/// "Royal Infirmary" found whole by the institutions), and
/// the city does not start a sentence.
pub(super) fn city_royals(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 1..toks.len() {
        let t = &toks[k];
        if &text[t.start..t.end] != "Royal" || !spaced(text, toks, k - 1, k) {
            continue;
        }
        let c = &toks[k - 1];
        // Or a department of it after ("bloods for Hull Royal lab"), or a small word
        // that ends the name ("at Leicester Royal since Monday"); not "the Windsor Royal
        // family".
        #[rustfmt::skip]
        const AFTER_ROYAL: &[&str] = &[
            "lab", "labs", "maternity", "pharmacy", "theatres", "outpatients", "site", "ward",
            "wards", "clinic", "radiology", "ed",
            "since", "for", "on", "in", "at", "and", "with", "until", "till", "today",
            "yesterday", "tomorrow", "last", "this", "where", "after", "before", "from",
            "by", "to", "overnight", "again",
        ];
        let word_after = toks.get(k + 1).is_some_and(|n| {
            spaced(text, toks, k, k + 1)
                && text[n.start..].starts_with(|ch: char| ch.is_lowercase())
                && AFTER_ROYAL.contains(&&*lowers[k + 1])
        });
        let ends = word_after
            || text[t.end..]
                .chars()
                .next()
                .is_none_or(|ch| matches!(ch, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\n'));
        if ends
            && starts_capitalised(text, c)
            && c.base_end == c.end
            && !sentence_start(text, c.start)
            && (big_places().contains(&*lowers[k - 1])
                || (other_words().contains(&*lowers[k - 1]) && !is_thing(&lowers[k - 1])))
        {
            out.push(Cand::new(FindingKind::Place, c.start, t.end));
        }
    }
}

/// Hospitals of the UK known by their initials alone, as staff write them ("admitted to
/// the RVI", "transferred to QEUH"): never initials that are also a clinical term ("MRI",
/// "ARI", "CRH", "LRI").
#[rustfmt::skip]
const HOSPITAL_INITIALS: &[&str] = &[
    "RVI", "QMC", "RUH", "UHW", "PEH", "QEUH", "SWAH", "LGI", "QEHB", "NNUH", "UCLH", "GRI",
    "ERI", "RIE", "WGH", "QEQM", "RSCH", "UHCW", "UHNM", "RLUH", "JCUH", "RSUH", "NMGH",
    "RLH", "RFH", "KCH", "QEH", "RBH", "RHH", "NGH", "SGH", "BRI", "UHL", "NUH", "UHB",
    "QEUHB", "RPH", "RDE", "DRI", "HRI", "WRI", "FGH", "RSH", "PRH", "QAH",
];

/// A hospital by its initials alone, where they are one of [`HOSPITAL_INITIALS`] and a word
/// of their own ("UHW", not "UHL-7762019", a record's number).
pub(super) fn hospitals_by_initials(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for t in toks {
        let w = &text[t.start..t.end];
        // The cheapest tests first: every word of every text passes here.
        if !(3..=5).contains(&w.len())
            || !w.as_bytes()[0].is_ascii_uppercase()
            || !w.as_bytes()[1].is_ascii_uppercase()
            || !HOSPITAL_INITIALS.contains(&w)
        {
            continue;
        }
        out.push(Cand::new(FindingKind::Place, t.start, t.end));
    }
}

/// A hospital by its initials before one of its departments: "999 called; SGH ED", "RVI
/// A&E", "NGH AMU". Three or four capitals ending in "H" or "I", none of
/// [`NOT_HOSPITAL_INITIALS`] ("MRI ED" is no hospital).
pub(super) fn hospital_initials_before_departments(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    const DEPARTMENTS: &[&str] = &["ED", "A&E", "AMU", "ICU", "ITU", "SAU", "MAU", "CDU", "EAU"];
    for (k, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if !(3..=4).contains(&w.len())
            || !(w.ends_with('H') || w.ends_with('I'))
            || !w.bytes().all(|c| c.is_ascii_uppercase())
            || NOT_HOSPITAL_INITIALS.contains(&w)
        {
            continue;
        }
        if let Some(n) = toks.get(k + 1)
            && &text[t.end..n.start] == " "
            && DEPARTMENTS.contains(&&text[n.start..n.end])
            && right_boundary(text, n.end)
        {
            out.push(Cand::new(FindingKind::Place, t.start, n.end));
        }
    }
}

/// Hospitals by the shorthand people use for them: a town's or a name's "Children's" at
/// a clause's end or before "A&E" ("Ward: F2, Sheffield Children's."), and a name in the
/// possessive before "A&E" ("Noble's A&E on Sunday", "King's A&E"). Not "Children's"
/// before what it names ("Children's Services", "the children's ward"), nor a day's, a
/// family's or anyone's A&E ("Saturday's A&E", "Today's A&E", "Mum's A&E trip").
pub(super) fn hospitals_by_shorthand(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    if !text.contains("Children's") && !text.contains("Children’s") && !text.contains("A&E") {
        return;
    }
    let Words { toks, lowers } = words;
    let before_ae = |end: usize| text[end..].starts_with(" A&E");
    for k in 0..toks.len() {
        let t = &toks[k];
        if !text.as_bytes()[t.start].is_ascii_uppercase() {
            continue;
        }
        // "Sheffield Children's": a capitalised word, then the possessive "Children's".
        if let Some(c) = toks.get(k + 1)
            && &*lowers[k + 1] == "children"
            && c.base_end != c.end
            && text[c.start..].starts_with('C')
            && spaced(text, toks, k, k + 1)
            && capitalised_plain(text, words, k)
            && !is_acronym(&text[t.start..t.end])
            && !(sentence_start(text, t.start) && is_ordinary(&lowers[k]))
            && (ends_clause(text, c.end) || before_ae(c.end))
        {
            out.push(Cand::new(FindingKind::Place, t.start, c.end));
            continue;
        }
        // "Noble's A&E", "King's A&E": a name in the possessive, not a day's, family's
        // or anyone's.
        let l = &*lowers[k];
        if t.base_end != t.end
            && t.letters
            && !t.digits
            && before_ae(t.end)
            && starts_capitalised(text, t)
            && !CALENDAR.contains(&l)
            && ![
                "today",
                "tonight",
                "yesterday",
                "tomorrow",
                "week",
                "night",
                "weekend",
            ]
            .contains(&l)
            && !KIN_BEFORE_NAMES.contains(&l)
            && !STOPWORDS.contains(&l)
            && !is_acronym(&text[t.start..t.base_end])
        {
            out.push(Cand::new(FindingKind::Place, t.start, t.end));
        }
    }
}

/// Kinds of place written in lowercase after the capitalised name of one: "Kestrel
/// wing", "Doncaster depot", "St Botolph's church hall", "New Cross renal unit".
#[rustfmt::skip]
const KINDS_AFTER_NAMES: &[&str] = &[
    "wing", "depot", "unit", "church", "chapel", "hall", "warehouse", "hostel", "mosque",
    "gurdwara", "mandir", "temple", "shelter", "surgery", "hospice", "ward", "campus",
    "wash",
];
/// What a ward is for, not its name, beyond the kinds of place a name never is
/// ([`GENERIC_INSTITUTION_WORDS`], which rule out "Medical ward" and "Acute ward"
/// already): "Frailty ward", "on Covid ward".
#[rustfmt::skip]
const WARD_KINDS: &[&str] = &[
    "frailty", "haematology", "oncology", "cardiology", "covid", "postnatal", "antenatal",
    "geriatric", "neuro", "neurology", "gastro", "side", "surgery", "urology", "gynae",
    "gynaecology", "liver", "burns",
];
/// What a prison's wing is for, or where it is, not its name: "on Healthcare wing",
/// "to Induction wing", "East wing".
#[rustfmt::skip]
const WING_KINDS: &[&str] = &[
    "east", "west", "north", "south", "left", "right", "healthcare", "induction",
    "segregation", "detox", "education", "vulnerable", "lifers", "remand", "reception",
    "workshop", "workshops", "enhanced", "resettlement", "recovery", "hospital", "care",
    "seg", "vp", "vps", "juvenile", "womens", "women's", "mens", "men's", "main", "new", "old",
];

/// Lowercase words that may come between the name and its kind: "church hall",
/// "garrison church", "renal unit".
#[rustfmt::skip]
const KIND_MODIFIERS: &[&str] = &[
    "church", "parish", "community", "garrison", "renal", "dialysis", "day", "night",
    "assessment", "mother", "baby", "distribution", "bus", "train", "fire", "ambulance",
    "car",
];

/// A place by its capitalised name and a kind in lowercase after it ([`KINDS_AFTER_NAMES`],
/// a word of [`KIND_MODIFIERS`] between them or not), the name not opening a sentence:
/// "Location: Kestrel wing", "Driver Steve, Doncaster depot", "at New Cross renal unit";
/// and a saint's place found with such a kind after it ("St Botolph's church hall").
/// Not a people, a faith or a body before the kind ("the Fijian church", "the Methodist
/// hall"), a day or a month, nor a kind of place ("the Day unit", "Acute wing").
pub(super) fn kinds_after_names(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let lower_word = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.letters
                && !t.digits
                && t.base_end == t.end
                && text[t.start..].starts_with(char::is_lowercase)
        })
    };
    // The kind's last token after token `k`, a space before each word.
    let kind_after = |k: usize| -> Option<usize> {
        let j = k + 1;
        if !lower_word(j) || !spaced(text, toks, k, j) {
            return None;
        }
        if KINDS_AFTER_NAMES.contains(&&*lowers[j])
            && !(lower_word(j + 1)
                && spaced(text, toks, j, j + 1)
                && KINDS_AFTER_NAMES.contains(&&*lowers[j + 1]))
        {
            return Some(j);
        }
        (KIND_MODIFIERS.contains(&&*lowers[j])
            && lower_word(j + 1)
            && spaced(text, toks, j, j + 1)
            && KINDS_AFTER_NAMES.contains(&&*lowers[j + 1]))
        .then_some(j + 1)
    };
    let mut found = Vec::new();
    // A saint's place found, a kind after it.
    for c in out.iter_mut().filter(|c| c.kind == FindingKind::Place) {
        let k = toks.partition_point(|t| t.end < c.end);
        if toks.get(k).is_some_and(|t| t.end == c.end)
            && text[c.start..].starts_with("St")
            && let Some(e) = kind_after(k)
        {
            c.end = toks[e].end;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        // The cheap tests first: a capitalised word, then a kind or its modifier after it.
        if !starts_capitalised(text, t)
            || t.base_end != t.end
            || !toks.get(k + 1).is_some_and(|n| {
                (3..=12).contains(&(n.end - n.start))
                    && text[n.start..].starts_with(char::is_lowercase)
            })
        {
            continue;
        }
        let Some(e) = kind_after(k) else { continue };
        // The name's words, back to the first capitalised one (three at most).
        let mut s = k;
        while s > 0
            && s + 2 > k
            && starts_capitalised(text, &toks[s - 1])
            && toks[s - 1].base_end == toks[s - 1].end
            && spaced(text, toks, s - 1, s)
            && !sentence_start(text, toks[s].start)
        {
            s -= 1;
        }
        // A depot or a warehouse by a town or a name no dictionary has ("Doncaster
        // depot"), not by a firm's everyday word or brand ("the Metro depot", "the Amazon
        // warehouse": where many work).
        // Nor a firm's own by its name before it ("Amazon's Doncaster depot").
        let works = ["depot", "warehouse"].contains(&&*lowers[e]);
        if works
            && (!(s..=k).any(|j| {
                let l = &*lowers[j];
                big_places().contains(l) || (!is_ordinary(l) && !is_thing(l))
            }) || (s >= 1 && toks[s - 1].base_end != toks[s - 1].end))
        {
            continue;
        }
        let plain = |j: usize| {
            let l = &*lowers[j];
            !is_thing(l)
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !CALENDAR.contains(&l)
                && !PEOPLES.contains(&l)
                && !BODIES.contains(&l)
                && (!other_words().contains(l)
                    || big_places().contains(l)
                    // "the Sri Murugan temple".
                    || matches!(l, "sri" | "shri" | "shree"))
        };
        // One word at least that is no kind of place: "New Cross", not "Acute".
        let naming = |j: usize| {
            let l = &*lowers[j];
            !GENERIC_INSTITUTION_WORDS.contains(&l) && !INSTITUTION_WORDS.contains(&l)
        };
        // After a form's label the name may open its line: "Location: Kestrel wing".
        let labelled = s >= 1
            && &text[toks[s - 1].end..toks[s].start] == ": "
            && opens_line(text, toks[s - 1].start);
        // Named by a word no dictionary has or a town ("Doncaster depot"), or by everyday
        // words where a form's label or a kind of two words says it is a place
        // ("Location: Kestrel wing", "New Cross renal unit"); not "the East wing", "the
        // Night shelter", "the Orthodox church", a depot injection ("Xeplion depot").
        // A ward is named by everyday words, with no article before it: "on Kingfisher
        // ward", "handover Nightingale ward" (not "the Covid ward", "a Maternity ward").
        // So is a prison's wing, by a word of three letters or more and no compass point,
        // after its prison or a word of where: "HMP Ranby, Juniper wing", "on Juniper
        // wing" (not "C wing", "on East wing", a care home's "Room 14, Larkspur wing").
        let wing = &*lowers[e] == "wing"
            && (s..=k)
                .all(|j| toks[j].end - toks[j].start >= 3 && !WING_KINDS.contains(&&*lowers[j]))
            && s >= 1
            && (PLACE_PREPOSITIONS.contains(&&*lowers[s - 1])
                || (&text[toks[s - 1].end..toks[s].start] == ", "
                    && [2, 3]
                        .iter()
                        .any(|&n| s >= n && &text[toks[s - n].start..toks[s - n].end] == "HMP")));
        let ward = (&*lowers[e] == "ward" || wing)
            && e == k + 1
            && s >= 1
            && !(s..=k).any(|j| WARD_KINDS.contains(&&*lowers[j]))
            && !matches!(
                &*lowers[s - 1],
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "our"
                    | "my"
                    | "his"
                    | "her"
                    | "their"
                    | "each"
                    | "every"
                    | "any"
                    | "which"
                    | "what"
                    | "one"
            );
        let named = (s..=k).any(|j| {
            let l = &*lowers[j];
            big_places().contains(l) || (!is_ordinary(l) && !is_thing(l) && l.chars().count() >= 3)
        }) || labelled
            || ward
            || e > k + 1;
        if (sentence_start(text, toks[s].start) && !labelled)
            || !named
            || (s..=k).any(|j| toks[j].end - toks[j].start < 2)
            || !(s..=k).all(|j| plain(j) || (ward && THEORISTS.contains(&&*lowers[j])))
            || !(s..=k).any(naming)
        {
            continue;
        }
        // A name found already that the kind follows becomes the place: "Kedleston Road
        // campus".
        let (from, to) = (toks[s].start, toks[e].end);
        if let Some(c) = out.iter_mut().find(|c| c.start < to && from < c.end) {
            if c.start >= from
                && c.end == toks[k].end
                && matches!(c.kind, FindingKind::Name | FindingKind::Place)
            {
                c.start = from;
                c.end = to;
                c.kind = FindingKind::Place;
            }
            continue;
        }
        found.push(Cand::new(FindingKind::Place, from, to));
    }
    out.extend(found);
}
