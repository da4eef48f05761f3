//! Spans widened once part of them is caught: a name, a place or an address is removed
//! whole, not with a word of it left beside its placeholder ("Precious [PERSON-1]",
//! "[PLACE-1] Youth Hub", "Flat [ADDRESS-1]").

use super::*;

/// Words that end the name of a service, a team or a place where people are seen,
/// besides [`INSTITUTION_WORDS`]: "Calder Migrant Law Centre", "St Basils Youth Hub",
/// "Foxhollow Housing Association", "Penglais Student Wellbeing".
#[rustfmt::skip]
pub(super) const SERVICE_WORDS: &[&str] = &[
    "hub", "association", "team", "service", "services", "project", "provision", "café",
    "cafe", "partnership", "wellbeing", "care", "trust", "network", "foundation",
    "society", "collective", "bank", "pantry", "shelter", "refuge", "hostel", "premises",
    "welfare", "foodbank",
];

/// Capitalised words that may run on from a place's name to the word that ends it:
/// "Law", "Youth", "Housing", "Student", "Day".
fn tail_word(l: &str) -> bool {
    GENERIC_INSTITUTION_WORDS.contains(&l)
        || INSTITUTION_WORDS.contains(&l)
        || SERVICE_WORDS.contains(&l)
        || [
            "law", "legal", "migrant", "migrants", "housing", "tenancy", "memory",
        ]
        .contains(&l)
}

/// Where a place's or a name's candidate is followed by capitalised words of a kind of
/// place ending in one that names a place ("[Calder Migrant Law] Centre", "[Foxhollow]
/// Housing Association", "[Camberwell Grove] B&B"), the candidate runs on to its end and
/// is a place. Only words set apart by single spaces, on the same line.
pub(super) fn place_tails(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    for c in cands.iter_mut() {
        if !matches!(c.kind, FindingKind::Place | FindingKind::Name) {
            continue;
        }
        // "… Grove B&B": written with its ampersand, which the tokens leave out.
        if c.kind == FindingKind::Place {
            let after = &text[c.end..];
            if after.starts_with(" B&B") && right_boundary(text, c.end + 4) {
                c.end += 4;
                continue;
            }
            // A place's own kind in lowercase after it: "[St Oswald's] lunch club",
            // "[St Mary's] hall".
            let next = toks.partition_point(|t| t.start < c.end);
            let lower_at = |k: usize| {
                toks.get(k).is_some_and(|t| {
                    text[t.start..].starts_with(|ch: char| ch.is_ascii_lowercase())
                        && t.base_end == t.end
                })
            };
            if lower_at(next) && toks[next].start == c.end + 1 && after.starts_with(' ') {
                let one = &*lowers[next];
                if KINDS_AFTER_A_NAME.contains(&one) || ["hall", "club"].contains(&one) {
                    c.end = toks[next].end;
                    continue;
                }
                if KINDS_OF_TWO_WORDS.0.contains(&one)
                    && lower_at(next + 1)
                    && &text[toks[next].end..toks[next + 1].start] == " "
                    && KINDS_OF_TWO_WORDS.1.contains(&&*lowers[next + 1])
                {
                    c.end = toks[next + 1].end;
                    continue;
                }
            }
        }
        // The candidate's last token (tokens are in order of their start).
        let Some(last) = toks
            .partition_point(|t| t.start < c.end)
            .checked_sub(1)
            .filter(|&k| toks[k].base_end == c.end || toks[k].end == c.end)
        else {
            continue;
        };
        if toks[last].base_end != toks[last].end {
            continue;
        }
        let mut end = None;
        let mut j = last + 1;
        while j < toks.len() && j <= last + 4 {
            let t = &toks[j];
            let w = &text[t.start..t.end];
            if &text[toks[j - 1].end..t.start] != " "
                || !w.starts_with(char::is_uppercase)
                || is_acronym(w)
                || !tail_word(&lowers[j])
            {
                break;
            }
            let l = &*lowers[j];
            if INSTITUTION_WORDS.contains(&l) || SERVICE_WORDS.contains(&l) {
                end = Some(j);
            }
            if t.base_end != t.end {
                break;
            }
            j += 1;
        }
        // A name runs on only into a place's own word: "[Foxhollow] Housing Association",
        // not "[Sam] Care" or "[Jo] Home"; or into a kind of place of two words or more
        // ending in a building's ("[Ard na Gréine] Nursing Home").
        if let Some(e) = end {
            let l = &*lowers[e];
            let own_word = SERVICE_WORDS.contains(&l) && l != "care"
                || ["centre", "center", "clinic", "unit", "practice"].contains(&l)
                || e > last + 1 && INSTITUTION_WORDS.contains(&l);
            if c.kind == FindingKind::Name && !own_word {
                continue;
            }
            c.end = toks[e].base_end;
            c.kind = FindingKind::Place;
            // A town's name before it is part of the place's: "[Merthyr] Cynon Foodbank"
            // (a town's name is never a name found on its own).
            let first = toks.partition_point(|t| t.start < c.start);
            if first >= 1
                && toks.get(first).is_some_and(|t| t.start == c.start)
                && spaced(text, toks, first - 1, first)
                && capitalised_plain(text, words, first - 1)
                && other_words().contains(&*lowers[first - 1])
                && !sentence_start(text, toks[first - 1].start)
            {
                c.start = toks[first - 1].start;
            }
        }
    }
}

/// A name with a nickname in quotes between its first name and its surname, caught
/// whole once any of the three is: "Dorothy "Dot" Hemming", "Dilwyn ‘Dil’ Protheroe".
pub(super) fn quoted_nicknames(text: &str, words: Words<'_>, cands: &mut Vec<Cand>) {
    if !text.contains(['"', '“', '‘', '\'']) {
        return;
    }
    let toks = words.toks;
    let cap = |k: usize| {
        let t = &toks[k];
        t.letters && !t.digits && capitalised(&text[t.start..t.base_end])
    };
    let mut found = Vec::new();
    for k in 0..toks.len().saturating_sub(2) {
        let open = &text[toks[k].end..toks[k + 1].start];
        let close = &text[toks[k + 1].end..toks[k + 2].start];
        let shaped = matches!(open, " \"" | " “" | " '" | " ‘")
            && matches!(close, "\" " | "” " | "' " | "’ ")
            && cap(k)
            && cap(k + 1)
            && cap(k + 2)
            && toks[k].base_end == toks[k].end
            && toks[k + 1].base_end == toks[k + 1].end;
        if !shaped {
            continue;
        }
        let (start, end) = (toks[k].start, toks[k + 2].base_end);
        if cands
            .iter()
            .any(|c| c.kind == FindingKind::Name && c.start < end && start < c.end)
        {
            found.push(Cand::new(FindingKind::Name, start, end));
        }
    }
    cands.extend(found);
}

/// Labels of a form's line that a person's name follows: "Who: Merry Atkinson".
#[rustfmt::skip]
const PERSON_LABELS: &[&str] = &[
    "who", "name", "client", "resident", "patient", "pt", "child", "tenant", "guest",
    "person", "carer", "parent", "mother", "father", "re",
];

/// A first name that is also a word, before a surname caught after it, within a
/// sentence or after a form's label: "a tenant called Precious [Ndlovu]", "key worker
/// Precious [Mhlanga]", "Who: Merry [Atkinson]". Not
/// a word that opens a sentence or a line in title case, a word of the lists (months,
/// roles, peoples, places, brands), a title or a word of grammar.
pub(super) fn first_words_before(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    // Worked out for the first word that needs it only: most texts have none.
    let mut titles: Option<Vec<bool>> = None;
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Name {
            continue;
        }
        let Some(k) = toks
            .partition_point(|t| t.start < c.start)
            .checked_sub(1)
            .filter(|&k| toks[k].end + 1 == c.start)
        else {
            continue;
        };
        // A word in lowercase just before it, a space between: "called Precious
        // Ndlovu", "key worker Precious Mhlanga"; not "Aston Villa Smith", a heading's
        // run of capitals, or a verb opening a list's item ("- [x] Send Mr Okafor's").
        let t = &toks[k];
        let Some(p) = k.checked_sub(1).map(|p| &toks[p]) else {
            continue;
        };
        // Or after a form's label opening its line: "Who: Merry Atkinson".
        let labelled = &text[p.end..t.start] == ": "
            && PERSON_LABELS.contains(&&*lowers[k - 1])
            && opens_line(text, p.start);
        if !labelled
            && (&text[p.end..t.start] != " "
                || !p.letters
                || !text[p.start..].starts_with(char::is_lowercase))
        {
            continue;
        }
        let w = &text[t.start..t.end];
        let l = &*lowers[k];
        if &text[t.end..c.start] != " "
            || !t.letters
            || t.digits
            || t.base_end != t.end
            || w.chars().count() < 3
            || !capitalised(w)
            || w.chars().skip(1).any(char::is_uppercase)
            || (!labelled && sentence_start(text, t.start))
            || is_allowed(l)
            || is_honorific(l)
            || is_relation(l)
            || STOPWORDS.contains(&l)
            || other_words().contains(l)
            || is_thing(l)
            || INSTITUTION_WORDS.contains(&l)
            || GENERIC_INSTITUTION_WORDS.contains(&l)
            || SERVICE_WORDS.contains(&l)
        {
            continue;
        }
        let titles = titles.get_or_insert_with(|| title_case_lines(text, toks));
        let line = text[..t.start].matches('\n').count();
        if titles.get(line).copied().unwrap_or(false) {
            continue;
        }
        c.start = t.start;
    }
}

/// Kinds of home written in lowercase after the name of one: "[Ty Gwyn] children's home",
/// "[Bryn Haf] care home".
const HOMES_IN_LOWERCASE: &[&str] = &[
    " children's home",
    " childrens home",
    " care home",
    " nursing home",
    " residential home",
    " group home",
];

/// A name of two words or more, or a place, before a kind of home in lowercase is that
/// home's name, and the whole is a place: "[Ty Gwyn] children's home". (A single name
/// before it is left: "Sam care home" is as often a note's shorthand.)
pub(super) fn homes_in_lowercase(text: &str, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let named = match c.kind {
            FindingKind::Place => true,
            FindingKind::Name => text[c.start..c.end].contains(' '),
            _ => false,
        };
        if !named {
            continue;
        }
        let after = &text[c.end..];
        if let Some(h) = HOMES_IN_LOWERCASE.iter().find(|h| after.starts_with(**h))
            && right_boundary(text, c.end + h.len())
        {
            c.end += h.len();
            c.kind = FindingKind::Place;
        }
    }
}

/// The word of `words` (each with its space after it) that ends just before `at`, a
/// whole word: "Flat " before "[6 Maes y Dderwen]", not "latFlat ".
fn word_before<'w>(text: &str, at: usize, words: &[&'w str]) -> Option<&'w str> {
    let before = &text[..at];
    words
        .iter()
        .find(|w| before.ends_with(**w) && left_boundary(text, at - w.len()))
        .copied()
}

/// A room between a flat and its building, the whole one address: "Flat 6, room 3, Peak
/// Court", "Flat 2, bedroom 1, Ash House". The building after the room is a place found
/// there, or up to three capitalised words ending in a building's word.
pub(super) fn rooms_between_parts_of_homes(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    let starts: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
    for c in cands.iter_mut().filter(|c| c.kind == FindingKind::Address) {
        let Some(rest) = text[c.end..].strip_prefix(", ") else {
            continue;
        };
        let Some(room) = ["room ", "bedroom ", "Room ", "Bedroom "]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
        else {
            continue;
        };
        let n = room
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if !(1..=3).contains(&n) || !room.as_bytes()[0].is_ascii_digit() {
            continue;
        }
        let Some(building) = room[n..].strip_prefix(", ") else {
            continue;
        };
        let at = text.len() - building.len();
        // A place found there.
        if let Some(&(_, e)) = starts.iter().find(|&&(s, _)| s == at) {
            c.end = e;
            continue;
        }
        // Capitalised words ending in a building's word.
        let k = toks.partition_point(|t| t.start < at);
        let mut j = k;
        while j < toks.len()
            && j < k + 3
            && starts_capitalised(text, &toks[j])
            && (j == k || spaced(text, toks, j - 1, j))
        {
            if BUILDING_WORDS.contains(&&*lowers[j]) && j > k {
                c.end = toks[j].end;
                break;
            }
            j += 1;
        }
    }
}

/// A home's room or flat word before an address that starts with its number: "Flat [6
/// Maes y Dderwen]", "Room [9, 14 Park Road]", caught with it.
pub(super) fn rooms_before_addresses(text: &str, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Address
            || !text[c.start..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        const ROOMS: &[&str] = &[
            "Flat ",
            "flat ",
            "Apartment ",
            "Apt ",
            "Room ",
            "room ",
            "Unit ",
        ];
        if let Some(room) = word_before(text, c.start, ROOMS) {
            c.start -= room.len();
        }
    }
}

/// The parts of a home written around its address: a floor and side before it ("1st
/// floor rear, [14 Dickson Rd]"), a flat's letter ("flat b [22 Nelson Road]"), a compass
/// word that is part of the street's name after it ("[22 Ashton Rd] East", "[22 nelson
/// road] south"), and the flat after its comma ("[14 Corporation Road], flat 1"); and a
/// PO box ("PO Box 118").
pub(super) fn parts_of_homes(text: &str, cands: &mut Vec<Cand>) {
    const FLOORS: &[&str] = &[
        "ground", "first", "second", "third", "fourth", "top", "basement", "1st", "2nd", "3rd",
        "4th",
    ];
    const SIDES: &[&str] = &["front", "rear", "back", "left", "right", "flat"];
    const COMPASS: &[&str] = &["North", "South", "East", "West"];
    let word_end = |from: usize| {
        from + text[from..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len() - from)
    };
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Address {
            continue;
        }
        // After: a compass word in the street's case, then ", flat 1".
        let street = &text[c.start..c.end];
        let lower_street = !street.chars().any(char::is_uppercase);
        if let Some(rest) = text[c.end..].strip_prefix(' ') {
            let e = word_end(c.end + 1);
            let w = &rest[..e - c.end - 1];
            let compass = COMPASS.iter().any(|d| {
                if lower_street {
                    d.to_lowercase() == w
                } else {
                    *d == w
                }
            });
            let street_last = street.rsplit(' ').next().unwrap_or("");
            if compass
                && (STREET_WORDS.contains(&street_last.to_lowercase().as_str())
                    || STREET_ABBREVIATIONS.contains(&street_last))
            {
                c.end = e;
            }
        }
        for flat in [", flat ", ", Flat "] {
            if let Some(rest) = text[c.end..].strip_prefix(flat) {
                let n = rest
                    .find(|ch: char| !ch.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                if (1..=4).contains(&n) && rest[..n].bytes().any(|b| b.is_ascii_digit()) {
                    c.end += flat.len() + n;
                }
            }
        }
        // Before: "flat b ", "Flat B, ".
        let before = &text[..c.start];
        let t = before.trim_end_matches([' ', ',']);
        if before.len() > t.len()
            && let Some(letter) = t.chars().next_back()
            && letter.is_ascii_alphabetic()
            && let Some(flat) = ["flat ", "Flat "]
                .iter()
                .find(|f| t[..t.len() - 1].ends_with(**f))
        {
            let s = t.len() - 1 - flat.len();
            if left_boundary(text, s) {
                c.start = s;
            }
        }
        // Before: "1st floor rear, ", "Ground floor flat, ".
        let before = &text[..c.start];
        if let Some(t) = before.strip_suffix(", ") {
            // The last words before the comma, last first: "rear", "floor", "1st".
            let words: Vec<&str> = t.rsplitn(4, ' ').collect();
            let lw = |i: usize| words.get(i).map(|w| w.to_lowercase());
            let floor_at = usize::from(lw(0).is_some_and(|w| SIDES.contains(&w.as_str())));
            if lw(floor_at).as_deref() == Some("floor")
                && lw(floor_at + 1).is_some_and(|w| FLOORS.contains(&w.as_str()))
            {
                let n: usize = words[..=floor_at + 1]
                    .iter()
                    .map(|w| w.len() + 1)
                    .sum::<usize>()
                    - 1;
                let s = t.len() - n;
                if left_boundary(text, s) {
                    c.start = s;
                }
            }
        }
    }
    // "PO Box 118", "P.O. Box 4421": found by "Box ", then what opens it.
    let mut from = 0;
    while let Some(i) = text[from..].find("Box ") {
        let at = from + i;
        from = at + 4;
        let Some(opening) = ["PO ", "P.O. ", "P.O ", "Po "]
            .iter()
            .find(|o| text[..at].ends_with(**o))
        else {
            continue;
        };
        let s = at - opening.len();
        let n = text[from..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len() - from);
        let e = from + n;
        if (1..=6).contains(&n) && left_boundary(text, s) && right_boundary(text, e) {
            cands.push(Cand::new(FindingKind::Address, s, e));
        }
    }
}

/// A ward or unit named by a word taken for a name, after a word of going or being:
/// "admitted to Ward [Enlli]", "on Ward [Teifi]", "back to Unit [Rowan]": the ward's word
/// is part of the place's name, and the whole is a place, not a person. ("Mrs Ward",
/// "Ward Hughes said" are left: no such word before them.)
pub(super) fn wards_by_name(text: &str, cands: &mut [Cand]) {
    const AFTER: &[&str] = &["to ", "on ", "at ", "from ", "onto ", "into ", "off "];
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Name {
            continue;
        }
        if let Some(ward) = word_before(text, c.start, &["Ward ", "Unit "])
            && word_before(text, c.start - ward.len(), AFTER).is_some()
        {
            c.start -= ward.len();
            c.kind = FindingKind::Place;
        }
    }
}

/// Words that open a farm's, a house's or a place's name before the name found:
/// "Higher [Trewint Farm]", "Lower [Bryn Farm]", "Little [Haven Lodge]".
const NAME_OPENERS: &[&str] = &[
    "Higher ", "Lower ", "Upper ", "Nether ", "Little ", "Great ", "Middle ", "Old ",
];

/// "Higher Trewint Farm": a word of [`NAME_OPENERS`] opens the address or place found
/// after it, within a sentence, or the name found that ends in a building's word ("Lower
/// [Penhallow Farm]").
pub(super) fn name_openers(text: &str, cands: &mut Vec<Cand>) {
    // "High", "Low", "Higher"…: a height opens the name of a farm or a hamlet, never a
    // person's ("Low [Garth], Hallbankgate"), even where a line or sentence opens.
    const HEIGHTS: &[&str] = &[
        "Low ", "High ", "Higher ", "Lower ", "Upper ", "Nether ", "Far ", "Middle ",
    ];
    // Whether the word before byte `at` may be a height: a capital a space before it.
    let height_before = |at: usize| {
        let b = text.as_bytes();
        at >= 4
            && b[at - 1] == b' '
            && text[..at - 1]
                .rfind(' ')
                .map_or(Some(&b[0]), |i| b.get(i + 1))
                .is_some_and(|c| b"LHUNFM".contains(c))
    };
    for c in cands.iter_mut() {
        if c.kind == FindingKind::Name
            && height_before(c.start)
            && let Some(w) = word_before(text, c.start, HEIGHTS)
            && text[c.start..c.end].starts_with(|ch: char| ch.is_uppercase())
        {
            c.start -= w.len();
            c.kind = FindingKind::Place;
            continue;
        }
        // Found whole as a name: "Nether Hagg".
        if c.kind == FindingKind::Name
            && text
                .as_bytes()
                .get(c.start)
                .is_some_and(|b| b"LHUNFM".contains(b))
            && HEIGHTS
                .iter()
                .any(|h| text[c.start..c.end].starts_with(h) && c.end > c.start + h.len())
        {
            c.kind = FindingKind::Place;
            continue;
        }
        let building = c.kind == FindingKind::Name
            && text[c.start..c.end]
                .rsplit(' ')
                .next()
                .is_some_and(|w| BUILDING_WORDS.contains(&fold_str(w).as_str()));
        if !matches!(c.kind, FindingKind::Address | FindingKind::Place) && !building {
            continue;
        }
        if let Some(w) = word_before(text, c.start, NAME_OPENERS)
            && !sentence_start(text, c.start - w.len())
        {
            c.start -= w.len();
        }
    }
    // "from Low Scales", "at High Bridge End": a height and capitalised words after a
    // word of where, no name found in them, are a place (not "at High Court", "in
    // High Dependency": a kind of place).
    // What "High" and "Low" make a kind of, not a place: "High Court", "High Street",
    // "High Tea", "Low Income".
    #[rustfmt::skip]
    const KINDS_OF_HIGH: &[&str] = &[
        "court", "tea", "income", "level", "risk", "dependency", "needs", "support",
        "priority", "security", "quality", "five", "fives", "season", "tide", "church",
        "intensity", "flow", "mood", "sodium", "salt", "fat", "sugar", "dose", "energy",
        "calorie", "protein", "volume", "pressure", "threshold", "visibility", "vis",
    ];
    let mut added = Vec::new();
    // Each height found by its capital (a search for one byte) and the rest after it.
    for (cap, rest) in [('L', "ow "), ('H', "igh "), ('N', "ether ")] {
        for (at, _) in text.match_indices(cap) {
            if !text[at + 1..].starts_with(rest) {
                continue;
            }
            let h = &text[at..at + 1 + rest.len()];
            let Some(p) = word_before(text, at, &["from ", "at ", "to ", "near ", "by "]) else {
                continue;
            };
            if sentence_start(text, at - p.len()) || !left_boundary(text, at) {
                continue;
            }
            let mut end = at + h.len();
            let mut words = 0;
            while words < 3 {
                let w_end = text[end..]
                    .find(|ch: char| !(ch.is_alphabetic() || ch == '\'' || ch == '’'))
                    .map_or(text.len(), |i| end + i);
                let w = &text[end..w_end];
                let l = fold_str(w);
                if !w.starts_with(|ch: char| ch.is_uppercase())
                    || GENERIC_INSTITUTION_WORDS.contains(&l.as_str())
                    || STREET_WORDS.contains(&l.as_str())
                    || (words == 0 && KINDS_OF_HIGH.contains(&l.as_str()))
                    || is_acronym(w)
                {
                    break;
                }
                words += 1;
                end = w_end;
                if !text[end..].starts_with(' ') {
                    break;
                }
                end += 1;
            }
            let end = text[..end].trim_end().len();
            if words > 0 && !cands.iter().any(|c| c.start < end && at < c.end) {
                added.push(Cand::new(FindingKind::Place, at, end));
            }
        }
    }
    cands.extend(added);
}

/// A saint's day is a day of the year, not someone: "St Piran's Day", "St Nicholas'
/// Eve" are no names, though a saint's name was taken for one.
pub(super) fn saints_days_are_no_one(text: &str, cands: &mut Vec<Cand>) {
    cands.retain(|c| {
        let found = &text[c.start..c.end];
        if c.kind != FindingKind::Name || !(found.starts_with("St ") || found.starts_with("Saint "))
        {
            return true;
        }
        let after = &text[c.end..];
        let after = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|p| after.strip_prefix(p))
            .unwrap_or(after);
        !["Day", "Eve", "Night"].iter().any(|d| {
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix(d))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    });
}

/// A surname's initial after a name, as a team's app or a sign-up list shortens it:
/// "Declined: Sefa F – family stuff", "Kyle M, Ash T". Only a capital alone (not "A" or
/// "I"), then a comma, a dash, a bracket, a stop, a colon or the line's end.
pub(super) fn surname_initials(text: &str, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.kind == FindingKind::Name) {
        let b = &text.as_bytes()[c.end..];
        if b.len() >= 2
            && b[0] == b' '
            && b[1].is_ascii_uppercase()
            && !matches!(b[1], b'A' | b'I')
            && b.get(2).is_none_or(|&n| {
                matches!(n, b',' | b')' | b'.' | b':' | b';' | b'\n')
                    || (n == b' ' && b.get(3).is_some_and(|&d| matches!(d, b'-' | b'(')))
                    || text[c.end + 2..].starts_with(" –")
            })
            && !text[c.start..c.end].contains(' ')
        {
            c.end += 2;
        }
    }
}

/// A day of the year that comes round every year is a fixture, not a day of someone's:
/// "Kwibuka starts on 7 April every year", "the 14th of June each year". A date with
/// its year, a weekday or a time is one day, and stays.
pub(super) fn yearly_days_are_no_one(text: &str, cands: &mut Vec<Cand>) {
    if !text.contains(" year") {
        return;
    }
    cands.retain(|c| {
        if c.kind != FindingKind::ExactDate {
            return true;
        }
        let found = &text[c.start..c.end];
        let after = text[c.end..].trim_start_matches(',');
        let yearly = ["every year", "each year"].iter().any(|y| {
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix(y))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        let one_day = found
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())) || is_weekday(w))
            || found.contains(':');
        !yearly || one_day
    });
}

/// A church or a school named for two saints is one place, with the words of what it is
/// after them: "St Mary and St Abanoub", "Saints Peter and Paul", "St Mary and St
/// Abanoub Coptic Orthodox Church". The saints' names found apart are left to this one.
pub(super) fn two_saints(text: &str, out: &mut Vec<Cand>) {
    if !text.contains(" and S") {
        return;
    }
    let saint_at = |i: usize| -> Option<usize> {
        let rest = &text[i..];
        let after = ["St ", "St. ", "Saint "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))?;
        let n = after
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .map_or(after.len(), |(j, _)| j);
        (n >= 2 && after.starts_with(char::is_uppercase))
            .then(|| i + (rest.len() - after.len()) + n)
    };
    let mut added = Vec::new();
    for (i, _) in text.match_indices(" and S") {
        // The first saint just before: "St Mary" ending at `i`.
        let Some(first) = ["St ", "St. ", "Saint "].iter().find_map(|p| {
            let floor = back_within(text, i, 40);
            let s = text[floor..i].rfind(p).map(|j| floor + j)?;
            (left_boundary(text, s) && saint_at(s) == Some(i)).then_some(s)
        }) else {
            continue;
        };
        let Some(mut end) = saint_at(i + 5) else {
            continue;
        };
        // What it is, capitalised after: "Coptic Orthodox Church", "Catholic Primary".
        let mut rest = &text[end..];
        let kinds = [
            "Church",
            "Cathedral",
            "Chapel",
            "School",
            "Primary",
            "Academy",
        ];
        let mut look = end;
        for _ in 0..3 {
            let Some(r) = rest.strip_prefix(' ') else {
                break;
            };
            let n = r
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(r.len(), |(j, _)| j);
            let w = &r[..n];
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            look += 1 + n;
            rest = &r[n..];
            if kinds.contains(&w) {
                end = look;
                break;
            }
        }
        added.push(Cand::new(FindingKind::Place, first, end));
    }
    if added.is_empty() {
        return;
    }
    out.retain(|c| !added.iter().any(|a| a.start <= c.start && c.end <= a.end));
    out.extend(added);
}

/// Words for someone, before a name: "caller June", "neighbour May".
#[rustfmt::skip]
const SOMEONE: &[&str] = &[
    "caller", "client", "resident", "tenant", "patient", "neighbour", "colleague",
    "student", "pupil", "learner", "member", "volunteer", "worker", "nurse", "manager",
    "lady", "woman", "girl", "baby", "named", "called",
];

/// Words before a month's name that make it the month: "in April", "since June".
#[rustfmt::skip]
const MONTH_CONTEXT: &[&str] = &[
    "in", "of", "on", "since", "until", "till", "by", "from", "last", "next", "this",
    "early", "late", "mid", "end", "during", "every", "each", "through", "before", "after",
    "for", "to", "that", "throughout", "over", "due", "is", "was", "around", "review",
    "the", "deadline", "about", "or",
];
/// Words after a month's name that make it the month: "May bank holiday", "April
/// showers".
#[rustfmt::skip]
const AFTER_A_MONTH: &[&str] = &[
    "bank", "half", "term", "holiday", "holidays", "showers", "half-term", "payday",
];

/// "Caller June": a month's name with a capital after a word for someone (one of
/// [`SOMEONE`], or family: "her daughter May"), and no day or year after it ("client
/// May 12th" is a date). A month's name with no such word before it stays a month,
/// unless a surname found follows it, with no day before it: "Scheme worker Jan Pryce"
/// (not "14 Jan Pryce").
pub(super) fn months_as_names(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let mut first_names = Vec::new();
    for c in out.iter().filter(|c| c.kind == FindingKind::Name) {
        // The token just before the name.
        let Some(k) = toks.partition_point(|t| t.end < c.start).checked_sub(1) else {
            continue;
        };
        let t = &toks[k];
        if &text[t.end..c.start] == " "
            && text.as_bytes()[t.start].is_ascii_uppercase()
            && t.base_end == t.end
            && month_of(&text[t.start..t.end]).is_some()
            && !is_acronym(&text[t.start..t.end])
            && !text[c.start..c.end].contains(' ')
            && k.checked_sub(1).is_none_or(|p| !toks[p].digits)
        {
            first_names.push(Cand::new(FindingKind::Name, t.start, c.end));
        }
    }
    out.extend(first_names);
    for k in 1..toks.len() {
        let l = &*lowers[k];
        if !text.as_bytes()[toks[k].start].is_ascii_uppercase()
            || !(MONTHS_GIVEN_AS_NAMES.contains(&l) || l == "jan")
            || !starts_capitalised(text, &toks[k])
        {
            continue;
        }
        let w = &text[toks[k].start..toks[k].end];
        let before = &*lowers[k - 1];
        if is_acronym(w)
            || !spaced(text, toks, k - 1, k)
            || !(l != "jan" && (SOMEONE.contains(&before) || KIN_BEFORE_NAMES.contains(&before))
                || before == "with" && from_someone(text, words, k))
        {
            continue;
        }
        // "client May 12th", "resident June 2024": a date.
        if toks
            .get(k + 1)
            .is_some_and(|n| n.digits && spaced(text, toks, k, k + 1))
        {
            continue;
        }
        out.push(Cand::new(
            FindingKind::Name,
            toks[k].start,
            toks[k].base_end,
        ));
    }
    // Once a month's name is someone's, it is that person wherever it is not a month: no
    // day or year beside it, no word of time before it ("Sister April, 8 … gets April up
    // … April's birthday is in April").
    let named: Vec<&str> = out
        .iter()
        .filter(|c| c.kind == FindingKind::Name)
        .map(|c| &text[c.start..c.end])
        .filter(|w| {
            MONTHS_GIVEN_AS_NAMES
                .iter()
                .any(|m| w.eq_ignore_ascii_case(m))
        })
        .collect();
    if named.is_empty() {
        return;
    }
    let mut again = Vec::new();
    for k in 0..toks.len() {
        let t = &toks[k];
        let w = &text[t.start..t.base_end];
        if !named.contains(&w) || out.iter().any(|c| c.start <= t.start && t.start < c.end) {
            continue;
        }
        let figures_beside = toks
            .get(k + 1)
            .is_some_and(|n| n.digits && spaced(text, toks, k, k + 1))
            || (k >= 1 && toks[k - 1].digits && spaced(text, toks, k - 1, k));
        let of_time = (k >= 1 && MONTH_CONTEXT.contains(&&*lowers[k - 1]))
            || text[t.end..].starts_with('/')
            || lowers
                .get(k + 1)
                .is_some_and(|n| AFTER_A_MONTH.contains(&&**n))
            || text[t.end..].starts_with(['.', '?', '!']);
        // "May I ask": the verb opening a question.
        let asking = &*lowers[k] == "may" && sentence_start(text, t.start);
        if !figures_beside && !of_time && !asking {
            again.push(Cand::new(FindingKind::Name, t.start, t.base_end));
        }
    }
    out.extend(again);
}

/// "with Jan from the scheme": who someone is, by where they are from, after the month's
/// name at `k` (not a time: "with June from last year", "with May from 9").
fn from_someone(text: &str, words: Words<'_>, k: usize) -> bool {
    let Words { toks, lowers } = words;
    let (Some(from), Some(next)) = (toks.get(k + 1), toks.get(k + 2)) else {
        return false;
    };
    &*lowers[k + 1] == "from"
        && &text[toks[k].base_end..from.start] == " "
        && spaced(text, toks, k + 1, k + 2)
        && !next.digits
        && month_of(&text[next.start..next.end]).is_none()
        && !["last", "this", "next", "then", "now", "onwards", "today"].contains(&&*lowers[k + 2])
}

/// What a place on a street is, in lowercase after the street's name: "the Marlowe Road
/// night shelter", "Ladywell Road food bank", "the Carr Lane mosque".
#[rustfmt::skip]
const KINDS_ON_A_STREET: &[&str] = &[
    "shelter", "bank", "centre", "center", "hostel", "clinic", "surgery", "project", "hub",
    "café", "cafe", "mosque", "church", "gurdwara", "temple", "synagogue", "library",
    "nursery", "pharmacy", "practice", "chapel", "refuge", "cemetery", "crematorium",
];

/// A place named by the street it is on: capitalised words ending in a street's word,
/// then at most two words in lowercase ending in a kind of place ("the Marlowe Road night
/// shelter", "Ladywell Road food bank"). The street and the place go as one.
pub(super) fn places_on_a_street(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let cap = |k: usize| {
        starts_capitalised(text, &toks[k]) && !is_acronym(&text[toks[k].start..toks[k].base_end])
    };
    for k in 1..toks.len() {
        // The cheapest tests first: every word of every text passes here.
        if !text.as_bytes()[toks[k].start].is_ascii_uppercase()
            || toks[k].base_end != toks[k].end
            || !STREET_WORDS.contains(&&*lowers[k])
            || !cap(k)
        {
            continue;
        }
        let start = name_start_before(text, words, k, |j| {
            cap(j) && toks[j].base_end == toks[j].end
        });
        if start == k
            || sentence_start(text, toks[start].start)
                && is_ordinary(&lowers[start])
                && start + 1 == k
        {
            continue;
        }
        let mut end = None;
        for j in k + 1..(k + 3).min(toks.len()) {
            let t = &toks[j];
            if !spaced(text, toks, j - 1, j)
                || !t.letters
                || !text[t.start..].starts_with(char::is_lowercase)
            {
                break;
            }
            if KINDS_ON_A_STREET.contains(&&*lowers[j]) {
                end = Some(j);
                break;
            }
        }
        // A street named by a word of its own: not "the High Street bank".
        let named = (start..k).any(|j| is_a_word_of_its_own(&lowers[j]));
        if let Some(e) = end.filter(|_| named) {
            out.push(Cand::new(
                FindingKind::Place,
                toks[start].start,
                toks[e].base_end,
            ));
            continue;
        }
        // "the Wellbeing Hub, Mare Street": a service by its kind, capitalised, then the
        // street it is on after a comma; the two go as one place.
        if start >= 2
            && &text[toks[start - 1].end..toks[start].start] == ", "
            && cap(start - 1)
            && KINDS_ON_A_STREET.contains(&&*lowers[start - 1])
            && text[toks[k].end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            let from = name_start_before(text, words, start - 1, |j| {
                cap(j) && toks[j].base_end == toks[j].end
            });
            if from < start - 1 {
                out.push(Cand::new(FindingKind::Place, toks[from].start, toks[k].end));
            }
        }
    }
}

/// A reference's shape: its letters as "A", its figures as "9", the rest as it is
/// ("DAPP-LN-0930" → "AAAA-AA-9999").
fn shape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if c.is_ascii_digit() => '9',
            c if c.is_alphabetic() => 'A',
            c => c,
        })
        .collect()
}

/// References listed after the first one found, of the same shape: "Case refs:
/// DAPP-LN-0930, DAPP-LN-0944 and DAPP-LN-0951".
pub(super) fn listed_references(text: &str, cands: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for c in cands.iter().filter(|c| c.kind == FindingKind::RecordNumber) {
        let want = shape(&text[c.start..c.end]);
        if !want.contains('9') || want.len() < 4 {
            continue;
        }
        let mut at = c.end;
        loop {
            let rest = &text[at..];
            let Some(gap) = [", ", " and ", " & ", "; "]
                .iter()
                .find(|g| rest.starts_with(**g))
            else {
                break;
            };
            let from = at + gap.len();
            let to = from + want.len();
            if !text.is_char_boundary(to.min(text.len()))
                || to > text.len()
                || shape(&text[from..to]) != want
                || text[to..].starts_with(|ch: char| ch.is_alphanumeric())
            {
                break;
            }
            found.push(Cand::new(FindingKind::RecordNumber, from, to));
            at = to;
        }
    }
    cands.extend(found);
}

/// House numbers written in words, as dictation leaves them.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred",
];

/// An address whose number is written in words, as a dictated note has it ("twelve
/// Sycamore Rise", "forty-two Bryn Road"): a number word in lowercase, then one to three
/// capitalised words ending in a street's word, one of them no everyday word. Dictated
/// all in lowercase, after "flat" or "number", which are part of it ("flat nine
/// hazelwick court", "number seven cairnfield place"; not "number one priority road").
pub(super) fn addresses_in_words(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 0..toks.len().saturating_sub(2) {
        let t = &toks[k];
        // The cheapest tests first: every word of every text passes here.
        if !text.as_bytes()[t.start].is_ascii_lowercase() || !(3..=20).contains(&(t.end - t.start))
        {
            continue;
        }
        let lowercase = !text.as_bytes()[toks[k + 1].start].is_ascii_uppercase();
        if lowercase
            && (k == 0
                || !matches!(&*lowers[k - 1], "flat" | "number")
                || !spaced(text, toks, k - 1, k))
        {
            continue;
        }
        let l = &*lowers[k];
        let number = l.split(['-', '‐']).all(|p| NUMBER_WORDS.contains(&p));
        if !number {
            continue;
        }
        if lowercase {
            let street = (k + 2..(k + 4).min(toks.len())).find(|&j| {
                STREET_WORDS.contains(&&*lowers[j])
                    && (k + 1..=j).all(|x| {
                        spaced(text, toks, x - 1, x)
                            && text.as_bytes()[toks[x].start].is_ascii_lowercase()
                    })
            });
            if let Some(e) = street
                && (k + 1..e).any(|j| is_a_word_of_its_own(&lowers[j]))
            {
                out.push(Cand::new(
                    FindingKind::Address,
                    toks[k - 1].start,
                    toks[e].end,
                ));
            }
            continue;
        }
        let mut end = None;
        let mut j = k + 1;
        while j < toks.len() && j <= k + 4 && spaced(text, toks, j - 1, j) {
            let u = &toks[j];
            if !starts_capitalised(text, u) || u.base_end != u.end {
                break;
            }
            if j > k + 1 && STREET_WORDS.contains(&&*lowers[j]) {
                end = Some(j);
                break;
            }
            j += 1;
        }
        let Some(e) = end else { continue };
        let named = (k + 1..e).any(|j| is_a_word_of_its_own(&lowers[j]));
        if named {
            out.push(Cand::new(FindingKind::Address, t.start, toks[e].end));
        }
    }
}

/// Kinds of place that a street after them, with "on" or "in", places: "the gurdwara on
/// Soho Road", "a bar on St James's St", "the recycling plant in Polmadie".
#[rustfmt::skip]
const KINDS_BEFORE_A_STREET: &[&str] = &[
    "bar", "pub", "club", "spa", "sauna", "bakery", "chippy", "takeaway", "shop", "salon",
    "plant", "factory", "warehouse", "depot", "gym", "hotel", "school", "market",
    "restaurant", "launderette", "garage", "carwash", "mandir", "masjid", "shul",
    "smokehouse", "wash", "deli",
];

/// Words of a home above (or beside) a place: "the flat above the chippy on Chester
/// Road", "a room over the bakery in Kirkby".
const HOMES_BY_A_PLACE: &[&str] = &["flat", "room", "rooms", "bedsit", "maisonette", "house"];
const BY_A_PLACE: &[&str] = &[
    "above", "over", "below", "under", "behind", "beside", "opposite",
];

/// A place by its kind before the street or district it is on ("the gurdwara on [Soho
/// Road]", "the recycling plant in [Polmadie]"), by its name and kind ("Bacchus bar on [St
/// James's St]", "the Buddhist temple on [Ash Road]"), or by its name found before it
/// ("[Beis Rochel] on [Lordship Road]"): the place and its street go as one, with a home
/// over it ("the flat above the chippy on [Chester Road]"). A place named with its kind
/// ("Oasis Spa on Grand Parade") is found with its street when the street was not.
/// (A place of a kind alone before a street not found is left: "the bank on High
/// Street", where everyone goes.)
pub(super) fn places_before_streets(text: &str, words: Words<'_>, cands: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let kind_at = |k: usize| {
        let l = &*lowers[k];
        toks[k].base_end == toks[k].end
            && toks[k].letters
            && (KINDS_BEFORE_A_STREET.contains(&l)
                || KINDS_ON_A_STREET.contains(&l)
                || WORSHIP_WORDS.contains(&l))
    };
    // A capitalised word that names a place before its kind: not a word of the sentence.
    let named = |k: usize| {
        capitalised_plain(text, words, k)
            && !(sentence_start(text, toks[k].start) && is_ordinary(&lowers[k]))
    };
    // Where the place before the "on" or "in" that token `s` follows begins: the kind's
    // name before it, and a home over it.
    let opening = |kind: usize| {
        let mut a = kind;
        while a > 0 && a + 3 > kind && spaced(text, toks, a - 1, a) && named(a - 1) {
            a -= 1;
        }
        // A word in lowercase that says which kind after "the": "the recycling plant".
        if a == kind
            && a >= 2
            && matches!(&*lowers[a - 2], "the" | "a")
            && toks[a - 1].letters
            && !toks[a - 1].digits
            && text[toks[a - 1].start..].starts_with(char::is_lowercase)
            && !STOPWORDS.contains(&&*lowers[a - 1])
            && spaced(text, toks, a - 2, a - 1)
            && spaced(text, toks, a - 1, a)
        {
            a -= 1;
        }
        if a >= 3
            && &*lowers[a - 1] == "the"
            && BY_A_PLACE.contains(&&*lowers[a - 2])
            && HOMES_BY_A_PLACE.contains(&&*lowers[a - 3])
            && (a - 3..a).all(|j| spaced(text, toks, j, j + 1))
        {
            a -= 3;
        }
        a
    };
    let ends: Vec<(usize, FindingKind)> = cands.iter().map(|c| (c.end, c.kind)).collect();
    for c in cands.iter_mut() {
        // A name after "on" or "in" may be a day's ("the gurdwara on Gurpurab") or a
        // district that stays ("a church in Govanhill"): only places and addresses, and a
        // street found as a name ("the smokehouse on Gorton St").
        let street_named = || {
            c.kind == FindingKind::Name
                && toks
                    .get(toks.partition_point(|t| t.end < c.end))
                    .is_some_and(|t| {
                        t.end == c.end
                            && (STREET_ABBREVIATIONS.contains(&&text[t.start..t.end])
                                || STREET_WORDS.contains(&&*fold_str(&text[t.start..t.end])))
                    })
        };
        if !matches!(c.kind, FindingKind::Address | FindingKind::Place) && !street_named() {
            continue;
        }
        let s = toks.partition_point(|t| t.start < c.start);
        if s < 2
            || toks.get(s).is_none_or(|t| t.start != c.start)
            || !matches!(&*lowers[s - 1], "on" | "in")
            || !spaced(text, toks, s - 2, s - 1)
            || !spaced(text, toks, s - 1, s)
        {
            continue;
        }
        let k = s - 2;
        if kind_at(k) {
            c.start = toks[opening(k)].start;
            c.kind = FindingKind::Place;
        } else if ends
            .iter()
            .any(|&(e, kind)| kind == FindingKind::Place && e == toks[k].end)
        {
            // The place found before: the two merge as one.
            c.start = toks[k].start;
            c.kind = FindingKind::Place;
        }
    }
    // A place named with its kind, on a street not found: "Oasis Spa on Grand Parade",
    // "the Portuguese café on King Street".
    let mut found = Vec::new();
    for k in 1..toks.len() {
        // The cheapest tests first: every word of every text passes here. A kind in
        // lowercase comes after a capitalised word.
        let first = text.as_bytes()[toks[k].start];
        let before = text.as_bytes()[toks[k - 1].start];
        if !(first.is_ascii_uppercase() || before.is_ascii_uppercase() || before >= 0x80)
            || !kind_at(k)
            || !spaced(text, toks, k - 1, k)
            || !named(k - 1)
            // A kind in lowercase, after a word capitalised mid-sentence only.
            || (!starts_capitalised(text, &toks[k]) && sentence_start(text, toks[k - 1].start))
        {
            continue;
        }
        if let Some(end) = street_after(text, words, k)
            && !cands.iter().any(|c| c.start < end && toks[k].start < c.end)
        {
            found.push(Cand::new(FindingKind::Place, toks[opening(k)].start, end));
        }
    }
    cands.extend(found);
}

/// Kinds of place, in lowercase after a name of their own, that make the whole a place:
/// "Pennys bakery", "the Shankill hub", "Burmantofts surgery".
#[rustfmt::skip]
const KINDS_AFTER_A_NAME: &[&str] = &[
    "hub", "surgery", "bakery", "shop", "cafe", "café", "chippy", "takeaway", "pharmacy",
    "salon", "gym", "depot", "factory", "warehouse", "plant", "foodbank", "mosque",
    "gurdwara", "mandir", "synagogue", "chapel", "brickworks", "quarry", "colliery",
    "cemetery", "crematorium", "abattoir", "dairy", "sawmill", "packhouse", "creamery",
    "library", "jobcentre",
];

/// Kinds of place of two words in lowercase, after a name of their own: "Nunsthorpe
/// children's centre", "Glodwick community rooms".
const KINDS_OF_TWO_WORDS: (&[&str], &[&str]) = (
    &[
        "community",
        "children",
        "family",
        "health",
        "leisure",
        "day",
        "youth",
        "resource",
        "medical",
        "sports",
        "wellbeing",
        "recovery",
        "lunch",
        "luncheon",
        "social",
    ],
    &["centre", "center", "rooms", "hall", "hub", "clinic", "club"],
);

/// A place named by a word of its own before its kind in lowercase: "Pennys bakery" (a
/// first name with a sign's "s"), "the Shankill hub", "Burmantofts surgery", "Glodwick
/// community rooms". Capitalised words before the kind, one of them no everyday word,
/// and none a person found already (not "the Deaf club", "the Monday hub", "Sam's cafe",
/// whose person is found as one; a word found as a name that is no one's first name and
/// no one's possessive is the place's: "Hollinwood surgery").
pub(super) fn named_places_in_lowercase(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for end in 1..toks.len() {
        if !text[toks[end].start..].starts_with(|c: char| c.is_ascii_lowercase())
            || toks[end].base_end != toks[end].end
        {
            continue;
        }
        // Where the kind's words begin.
        let k = if KINDS_AFTER_A_NAME.contains(&&*lowers[end]) {
            end
        } else if end >= 2
            && KINDS_OF_TWO_WORDS.1.contains(&&*lowers[end])
            && KINDS_OF_TWO_WORDS.0.contains(&&*lowers[end - 1])
            && text[toks[end - 1].start..].starts_with(|c: char| c.is_ascii_lowercase())
            && spaced(text, toks, end - 1, end)
        {
            end - 1
        } else {
            continue;
        };
        if !spaced(text, toks, k - 1, k) {
            continue;
        }
        let cap = |j: usize| {
            capitalised_plain(text, words, j) && !is_acronym(&text[toks[j].start..toks[j].end])
        };
        if !cap(k - 1) {
            continue;
        }
        let mut a = k - 1;
        while a > 0 && a + 3 > k && spaced(text, toks, a - 1, a) && cap(a - 1) {
            a -= 1;
        }
        // A sentence's first word, if everyday, is no part of the name.
        if sentence_start(text, toks[a].start) && is_ordinary(&lowers[a]) {
            a += 1;
        }
        if a == k {
            continue;
        }
        // A word of its own, or a first name with the "s" of a shop's sign and no
        // apostrophe ("Pennys bakery").
        let own = (a..k).any(|j| {
            !is_ordinary(&lowers[j])
                || lowers[j]
                    .strip_suffix('s')
                    .is_some_and(|stem| stem.len() >= 3 && name_list().contains_key(stem))
        });
        let someone = out.iter().any(|c| {
            c.kind == FindingKind::Name
                && c.start < toks[k - 1].end
                && toks[a].start < c.end
                && (toks[k - 1].base_end != toks[k - 1].end
                    || (a..k).any(|j| {
                        name_list()
                            .get(&*lowers[j])
                            .is_some_and(|&(_, surname)| !surname)
                    }))
        });
        if own && !someone {
            out.push(Cand::new(FindingKind::Place, toks[a].start, toks[end].end));
        }
    }
}

/// A farm's, a house's or a croft's name before the village or town after its comma,
/// found as a name no list holds: "Church Farm, [Catfield]", "the Old Rectory,
/// [Hoveton]", "Low Hows Farm, near [Caldbeck]", "Croft 6, [Earlish]". The whole is an
/// address. (A first name after the comma is someone: "Manor House, Sam said".)
pub(super) fn buildings_before_places(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Name
            || text[c.start..c.end].contains(' ')
            || name_list().contains_key(&fold_str(&text[c.start..c.end]))
        {
            continue;
        }
        // The token the name starts at, and what comes before it: ", " or ", near ".
        let s = toks.partition_point(|t| t.start < c.start);
        if toks.get(s).is_none_or(|t| t.start != c.start) || s < 2 {
            continue;
        }
        let mut b = s - 1;
        if &*lowers[b] == "near" && spaced(text, toks, b, s) {
            if b == 0 {
                continue;
            }
            b -= 1;
            if &text[toks[b].end..toks[b + 1].start] != ", " {
                continue;
            }
        } else if &text[toks[b].end..c.start] != ", " {
            continue;
        }
        // A house number after the building's word: "Croft 6".
        if toks[b].digits
            && !toks[b].letters
            && toks[b].end - toks[b].start <= 3
            && b > 0
            && spaced(text, toks, b - 1, b)
        {
            b -= 1;
        }
        let t = &toks[b];
        if !BUILDING_WORDS.contains(&&*lowers[b])
            || !starts_capitalised(text, t)
            || t.base_end != t.end
        {
            continue;
        }
        // The building's name: capitalised words before its word, up to three.
        let mut a = b;
        while a > 0
            && a + 3 > b
            && spaced(text, toks, a - 1, a)
            && starts_capitalised(text, &toks[a - 1])
            && !STOPWORDS.contains(&&*lowers[a - 1])
            && !(sentence_start(text, toks[a - 1].start) && is_ordinary(&lowers[a - 1]))
        {
            a -= 1;
        }
        // A building's word alone is named by its number ("Croft 6"), else by a word.
        if a == b && !toks[b + 1].digits {
            continue;
        }
        c.start = toks[a].start;
        c.kind = FindingKind::Address;
    }
}

/// A Glasgow tenement flat's position, its floor and its side of the landing, before its
/// street address: "[1/L], 145 Allison Street", "0/R, 14 Dixon Avenue" (left, right or
/// middle; a position in figures, "3/1", is read with the address already).
pub(super) fn flat_positions(text: &str, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Address
            || !text[c.start..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let Some(before) = text[..c.start].strip_suffix(", ") else {
            continue;
        };
        let b = before.as_bytes();
        let n = b.len();
        if n >= 3
            && b[n - 3].is_ascii_digit()
            && b[n - 2] == b'/'
            && matches!(b[n - 1], b'L' | b'R' | b'M')
            && (n == 3 || !b[n - 4].is_ascii_alphanumeric() && b[n - 4] != b'/')
        {
            c.start = n - 3;
        }
    }
}

/// Words before a lone capital that make it a person written by an initial: "first one
/// with K", "family T", "Hi K,", "preparation for D herself".
#[rustfmt::skip]
const BEFORE_AN_INITIAL: &[&str] = &[
    "with", "for", "family", "hi", "hiya", "hello", "dear", "met", "meet", "saw", "told",
    "asked", "visited", "called", "named", "about", "carried", "topic", "decisions",
    "supporting", "supported",
];
/// Words after a lone capital that make it someone: "K just shut down", "D going to
/// school", "C ok to continue", "D herself".
#[rustfmt::skip]
const AFTER_AN_INITIAL: &[&str] = &[
    "said", "says", "was", "is", "has", "had", "told", "asked", "wants", "wanted", "went",
    "came", "just", "herself", "himself", "themself", "going", "ok", "okay", "missing",
    "lives", "didn't", "doesn't", "won't", "can't", "shut", "cried", "laughed", "agreed",
];
/// Words before a capital that make it a label, a grade or a vitamin, not anyone: "plan
/// B", "grade C", "vitamin D", "hep C", "bay E", "type A".
#[rustfmt::skip]
const BEFORE_A_LABEL: &[&str] = &[
    "plan", "grade", "grades", "vitamin", "hep", "hepatitis", "type", "class", "group",
    "set", "block", "ward", "bay", "bed", "option", "options", "level", "part", "section",
    "category", "wing", "floor", "unit", "zone", "exit", "row", "seat", "size", "cup",
    "room", "flat", "appendix", "annex", "schedule", "form", "step", "phase", "stage",
    "tier", "key", "list", "side", "letter", "point", "model", "route", "line", "platform",
    "team", "blood", "rhesus", "vit", "the", "a", "an", "capital", "pod", "house", "wave",
    "code", "article", "exhibit", "paragraph", "para", "clause", "version", "volume",
    "chapter", "figure", "fig", "table", "box", "question", "item", "annexe", "strand",
];

/// Whether token `t` (folded `l`) is a lowercase word that may be a name: letters only,
/// three or more, no word of grammar.
fn lowercase_name_word(text: &str, t: &Tok, l: &str) -> bool {
    t.letters
        && !t.digits
        && t.end - t.start >= 3
        && text[t.start..].starts_with(char::is_lowercase)
        && !STOPWORDS.contains(&l)
        && !is_relation(l)
        && !CONTRACTIONS_TYPED_FAST.contains(&l)
}

/// Contractions typed without their apostrophe, as a tired note has them: "didnt".
#[rustfmt::skip]
const CONTRACTIONS_TYPED_FAST: &[&str] = &[
    "didnt", "doesnt", "dont", "wasnt", "isnt", "cant", "wont", "couldnt", "wouldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "arent", "werent", "aint", "ive", "youre",
    "theyre", "thats", "whats", "shes", "hes", "ill", "itll", "wouldve", "couldve",
];

/// Names as dictated or typed fast: a surname in lowercase after a title in lowercase
/// ("mrs bowen at number nine"; not "mr right", a word of the lists), and after a first
/// name so ("mrs carmen sacramento"); a name in lowercase beside a word of family ("the
/// daughter yolanda", "tito the grandson"; not "the daughter said"); a nickname of a
/// repeated syllable ("Jun-Jun", "Bong-Bong"; not "Bye-Bye"), initials run into a Scottish
/// or Irish surname's "Mc" ("BMcK" on the rota), and the Cantonese "Ah" before a name
/// found ("Ah Keung").
pub(super) fn names_typed_fast(text: &str, words: Words<'_>, cands: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let mut found = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        let first = w.as_bytes()[0];
        if first.is_ascii_lowercase() {
            if (2..=4).contains(&w.len())
                && first == b'm'
                && matches!(w, "mr" | "mrs" | "ms" | "miss" | "mx")
                && let Some(n) = toks.get(k + 1)
                && spaced(text, toks, k, k + 1)
                && n.letters
                && !n.digits
                && text[n.start..].starts_with(|c: char| c.is_lowercase())
                && n.end - n.start >= 3
                && !STOPWORDS.contains(&&*lowers[k + 1])
                && (name_list()
                    .get(&*lowers[k + 1])
                    .is_some_and(|&(_, surname)| surname)
                    || !is_ordinary(&lowers[k + 1]))
            {
                // The surname after a first name so: "mrs carmen sacramento" (a word no
                // dictionary has, a town's name too).
                let end = toks
                    .get(k + 2)
                    .filter(|m| {
                        spaced(text, toks, k + 1, k + 2)
                            && lowercase_name_word(text, m, &lowers[k + 2])
                            && !in_dictionary(&lowers[k + 2])
                            && name_list()
                                .get(&*lowers[k + 1])
                                .is_none_or(|&(everyday, surname)| !everyday && !surname)
                    })
                    .map_or(n.base_end, |m| m.base_end);
                found.push(Cand::new(FindingKind::Name, n.start, end));
            }
            // A name in lowercase beside a word of family, as dictated: "the daughter
            // yolanda lives", "tito the grandson": a first name the lists hold (not an
            // everyday one), or on a line dictated all in lowercase a word no dictionary
            // has (a typed note's "mum's biryani" is food).
            if !KIN_BEFORE_NAMES.contains(&&*lowers[k]) {
                continue;
            }
            let line = |at: usize| {
                let s = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let e = text[at..].find('\n').map_or(text.len(), |i| at + i);
                (s, e)
            };
            let (ls, le) = line(t.start);
            let dictated = !text[ls..le].chars().any(char::is_uppercase);
            let named = |j: usize| {
                toks.get(j).is_some_and(|m| {
                    lowercase_name_word(text, m, &lowers[j])
                        && name_list()
                            .get(&*lowers[j])
                            .map_or(dictated && !is_ordinary(&lowers[j]), |&(everyday, _)| {
                                !everyday
                            })
                })
            };
            {
                if named(k + 1) && spaced(text, toks, k, k + 1) {
                    found.push(Cand::new(
                        FindingKind::Name,
                        toks[k + 1].start,
                        toks[k + 1].base_end,
                    ));
                }
                if k >= 2
                    && &*lowers[k - 1] == "the"
                    && spaced(text, toks, k - 2, k - 1)
                    && spaced(text, toks, k - 1, k)
                    && named(k - 2)
                {
                    found.push(Cand::new(
                        FindingKind::Name,
                        toks[k - 2].start,
                        toks[k - 2].base_end,
                    ));
                }
            }
            continue;
        }
        if !first.is_ascii_uppercase() {
            continue;
        }
        // "BMcK", "JMacD": one or two capitals, "Mc" or "Mac", a capital.
        let b = w.as_bytes();
        let mc = |i: usize| {
            let rest = &w[i..];
            let tail = rest.strip_prefix("Mac").or_else(|| rest.strip_prefix("Mc"));
            tail.is_some_and(|r| r.len() == 1 && r.as_bytes()[0].is_ascii_uppercase())
        };
        if (2..=6).contains(&b.len())
            && ((b.len() > 3 && mc(1)) || (b.len() > 4 && b[1].is_ascii_uppercase() && mc(2)))
        {
            found.push(Cand::new(FindingKind::Name, t.start, t.end));
            continue;
        }
        // "Jun-Jun": the same capitalised syllable twice, joined.
        if (5..=11).contains(&w.len())
            && let Some((a, z)) = w.split_once('-')
            && a == z
            && (2..=5).contains(&a.len())
            && a[1..].chars().all(|c| c.is_ascii_lowercase())
            && !in_dictionary(&a.to_ascii_lowercase())
        {
            found.push(Cand::new(FindingKind::Name, t.start, t.end));
        }
    }
    // "Ah Keung": "Ah" before a one-word name found.
    for c in cands.iter_mut() {
        if c.kind == FindingKind::Name
            && text[..c.start].ends_with("Ah ")
            && left_boundary(text, c.start - 3)
            && !text[c.start..c.end].contains(' ')
        {
            c.start -= 3;
        }
    }
    cands.extend(found);
}

/// A surname's initial after a first name found in capitals: "MAHMOUD H – urgent", "who's
/// got ILZE B day 5". (In capitals a name is a form's or a subject line's, and the letter
/// after it its surname's.)
pub(super) fn initials_after_names_in_capitals(text: &str, cands: &mut [Cand]) {
    let b = text.as_bytes();
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Name || c.end + 2 > b.len() {
            continue;
        }
        let w = &text[c.start..c.end];
        if b[c.end] == b' '
            && b[c.end + 1].is_ascii_uppercase()
            && b.get(c.end + 2)
                .is_none_or(|&n| !n.is_ascii_alphanumeric() && n != b'&' && n != b'\'')
            && w.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && w.chars().all(|ch| !ch.is_lowercase())
        {
            c.end += 2;
        }
    }
}

/// Names in capitals opening the lines of a handover or a list, before an age in
/// brackets or a dash: "AZAD (16, UASC…)", "JAYDEN-LEE — kicked off". Four letters or
/// more, no part of them a word of any list, and either a first name known or two such
/// lines in the text (not "NOTE — ", "URGENT (2)", nor "SBAR — " alone).
pub(super) fn names_in_capitals_opening_lines(text: &str, out: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for (start, line) in lines_at(text) {
        let body = line.trim_start_matches(|c: char| c.is_whitespace() || "-*•".contains(c));
        let s = start + (line.len() - body.len());
        let n = body
            .find(|c: char| !(c.is_uppercase() || c == '-'))
            .unwrap_or(body.len());
        let w = body[..n].trim_end_matches('-');
        // The cheapest tests first: a word in capitals of four letters or more.
        if w.len() < 4 || w.starts_with('-') {
            continue;
        }
        let after = &body[w.len()..];
        let cue = after.starts_with(" — ")
            || after.starts_with(" – ")
            || after.starts_with(" - ")
            || after
                .strip_prefix(" (")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if !cue {
            continue;
        }
        let l = fold_str(w);
        let known = l
            .split('-')
            .any(|p| name_list().get(p).is_some_and(|&(_, surname)| !surname));
        // Every part no word of a list, or a first name known among them ("JAYDEN-LEE").
        let plain = |p: &str| p.len() >= 2 && !is_ordinary(p) && !other_words().contains(p);
        if l.split('-').all(plain) || (known && l.contains('-')) {
            found.push((Cand::new(FindingKind::Name, s, s + w.len()), known));
        }
    }
    let many = found.len() >= 2;
    out.extend(
        found
            .into_iter()
            .filter(|&(_, known)| many || known)
            .map(|(c, _)| c),
    );
}

/// A name in capitals after a form's label for a person opening its line, as forms
/// write one: "Child: TALLULAH WELLS", "Patient: JOHN SMITH (known as Jack)". One to
/// four words of capitals to the line's end, a bracket or a comma; a first name among
/// them or a word no dictionary has. Not a role or an answer in capitals ("Who: GP",
/// "Name: NOT KNOWN").
pub(super) fn names_in_capitals_after_labels(text: &str, out: &mut Vec<Cand>) {
    for (start, line) in lines_at(text) {
        let Some((label, rest)) = line.split_once(": ") else {
            continue;
        };
        let label = label.trim_start_matches(|c: char| c.is_whitespace() || "-*•".contains(c));
        // Not "Re:", a subject's line ("Re: TEAM MEETING").
        if label.len() > 14
            || label.eq_ignore_ascii_case("re")
            || !PERSON_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
        {
            continue;
        }
        let from = start + line.len() - rest.len();
        let run = rest
            .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '-' | '\'' | '’')))
            .unwrap_or(rest.len());
        let name = rest[..run].trim_end();
        let after = &rest[name.len()..];
        if !(after.trim_end().is_empty() || after.starts_with([',', ' ', ';'])) {
            continue;
        }
        let words: Vec<&str> = name.split(' ').collect();
        if !(1..=4).contains(&words.len())
            || words.iter().any(|w| w.chars().count() < 2)
            || words.iter().all(|w| initials_of_no_one(w))
        {
            continue;
        }
        let named = words.iter().any(|w| {
            let l = fold_str(w);
            l.chars().count() >= 3
                && (name_list().get(l.as_str()).is_some_and(|&(e, _)| !e) || !in_dictionary(&l))
        });
        if named {
            out.push(Cand::new(FindingKind::Name, from, from + name.len()));
        }
    }
}

/// The name of a family case as the courts write it: "Re M (a child)", "Re B-S
/// (Children)", "In re T (A Minor)". The initials or the surname between "Re" and the
/// bracket are the child's or the family's. Not "Re:" (a subject), nor a word in
/// lowercase ("Re housing (children)").
pub(super) fn family_case_names(text: &str, out: &mut Vec<Cand>) {
    const CHILDREN: &[&str] = &["a child", "a minor", "children", "minors", "a baby"];
    for (at, _) in text.match_indices("Re ") {
        if at > 0 && text[..at].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let start = at + 3;
        // The bracket within a few words: "Re B-S (Children)".
        let mut near = (start + 40).min(text.len());
        while !text.is_char_boundary(near) {
            near -= 1;
        }
        let Some(open) = text[start..near].find(" (").map(|o| start + o) else {
            continue;
        };
        let name = &text[start..open];
        let words: Vec<&str> = name.split(' ').collect();
        let named = !name.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                // Initials, or a surname no dictionary has: not "Re Contact (Children)".
                let initials = w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.');
                w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                    && (initials || !is_ordinary(&fold_str(w)))
            });
        let rest = &text[open + 2..];
        let of_children = CHILDREN.iter().any(|c| {
            rest.get(..c.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(c) && rest[c.len()..].starts_with(')'))
        });
        if named && of_children {
            out.push(Cand::new(FindingKind::Name, start, open));
        }
    }
}

/// A person written by an initial alone, a lone capital letter (not "I", nor an article
/// "A"): after a word that names someone next ("with K", "family T", "Hi K,", "first
/// meet, D.") or before one that makes it someone ("K just shut down", "D going to
/// school"). Not a label, a grade or a vitamin ("plan B", "grade C", "vitamin D"), a list
/// of letters ("A, B and C"), nor a letter joined to more ("C-section", "B&B", "A4").
pub(super) fn initials_alone(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let lone = |j: usize| {
        let t = &toks[j];
        t.end - t.start == 1 && text.as_bytes()[t.start].is_ascii_uppercase()
    };
    for k in 0..toks.len() {
        if !lone(k) {
            continue;
        }
        let t = &toks[k];
        let c = text.as_bytes()[t.start];
        if c == b'I' || c == b'A' || c == b'O' {
            continue;
        }
        // Joined to more: "C-section", "B&B", "A4", "J.K.", "D'Souza".
        let after = &text[t.end..];
        let before = &text[..t.start];
        if after.starts_with(['-', '&', '/', '\'', '’', '+', '*'])
            || after.starts_with(|ch: char| ch.is_alphanumeric())
            || after.starts_with('.') && after[1..].starts_with(|ch: char| ch.is_alphabetic())
            || before.ends_with(['-', '&', '/', '.', '\'', '’', '+'])
            || before.ends_with(|ch: char| ch.is_alphanumeric())
        {
            continue;
        }
        // One of a list of letters: "A, B and C", "B or C".
        let near_letter = |j: Option<usize>| {
            j.and_then(|j| toks.get(j)).is_some_and(|n| {
                n.end - n.start == 1 && text.as_bytes()[n.start].is_ascii_uppercase()
            })
        };
        if near_letter(k.checked_sub(1))
            || near_letter(k.checked_sub(2))
            || near_letter(Some(k + 1))
            || near_letter(Some(k + 2))
        {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| &*lowers[j]);
        if prev.is_some_and(|p| BEFORE_A_LABEL.contains(&p)) {
            continue;
        }
        // What sits between: a space, or a comma or a dash and a space ("first meet,
        // D.", "— K just shut down"), or a colon ("Topic: D going").
        let gap_before = k
            .checked_sub(1)
            .map(|j| &text[toks[j].end..t.start])
            .unwrap_or("");
        let named_before = prev.is_some_and(|p| BEFORE_AN_INITIAL.contains(&p))
            && matches!(gap_before, " " | ": " | ", ");
        let next = toks.get(k + 1);
        let named_after = next.is_some_and(|n| {
            &text[t.end..n.start] == " " && AFTER_AN_INITIAL.contains(&&*lowers[k + 1])
        });
        // After a comma or a dash at a clause's end: "first meet, D." / "bus trip, D (".
        let set_apart = matches!(gap_before, ", " | " — " | " – ")
            && (after == "."
                || after.starts_with(". ")
                || after.starts_with(".\n")
                || after.starts_with(" ("));
        if named_before || named_after || set_apart {
            out.push(Cand::new(FindingKind::Name, t.start, t.end));
        }
    }
}

/// Someone named with who they are in brackets after them ("Milan (dad, working
/// nights)", "Zora (mum)"), and a pet named in brackets after its kind (one of
/// [`ANIMALS`]: "the dog (Bran)"): a name though the word is a city's or an everyday
/// one. Not a possessive in the brackets ("Leeds (mum's home town)"). Someone with
/// their pronouns in brackets after them ("Juniper (they/them)", "Sky (she/her)"), and
/// someone named mid-sentence with who they are to the writer just after ("and Rosemary
/// my nan", "with Hope, our foster daughter"). Each name found that is no word of the
/// dictionary is added to `names`, the scan's name words: it is that person again
/// elsewhere ("the one person Milan trusts"). And a pet named before what it is ("Bear,
/// an old collie"), which picks out a household as a pet beside its kind does.
pub(super) fn named_by_brackets(
    text: &str,
    words: Words<'_>,
    out: &mut Vec<Cand>,
    names: &mut HashSet<String, FastHash>,
) {
    let Words { toks, lowers } = words;
    let (bracket, owner, apposed) = (
        text.contains(" ("),
        text.contains(" my ") || text.contains(" our "),
        text.contains(", a"),
    );
    if !(bracket || owner || apposed) {
        return;
    }
    for k in 0..toks.len() {
        let t = &toks[k];
        // The cheapest test first: a bracket opens just after it or just before it, or
        // "my" or "our" follows.
        let after = &text[t.end..];
        let mine = owner
            && (after.starts_with(" my ")
                || after.starts_with(" our ")
                || after.starts_with(", my ")
                || after.starts_with(", our "));
        let kind_after = apposed && (after.starts_with(", a ") || after.starts_with(", an "));
        if !(after.starts_with(" (") || text[..t.start].ends_with(" (") || mine || kind_after)
            || !capitalised_plain(text, words, k)
            || is_acronym(&text[t.start..t.end])
        {
            continue;
        }
        // "Milan (dad, …)": a word for family in brackets just after, on its own; not an
        // everyday word that is no one's name ("the Contact (Children) order").
        let l = &*lowers[k];
        let kin_after = text[t.end..].starts_with(" (")
            && (name_list().contains_key(l) || !in_dictionary(l))
            && toks.get(k + 1).is_some_and(|n| {
                n.start == t.end + 2
                    && KIN_BEFORE_NAMES.contains(&&*lowers[k + 1])
                    && n.base_end == n.end
                    && text[n.end..].starts_with([',', ')'])
            });
        // "the dog (Bran)": the name alone in brackets after a pet.
        let pet_before = k >= 1
            && ANIMALS.contains(&&*lowers[k - 1])
            && &text[toks[k - 1].end..t.start] == " ("
            && text[t.end..].starts_with(')');
        // "Bear, an old collie (chip …)", "Rolo, a Staffy cross": a pet named before
        // what it is, up to two words before the animal, and nothing after the animal
        // that makes it a kind of something else ("Sunday, a dog show" stays).
        let pet_apposed = kind_after
            && !CALENDAR.contains(&l)
            // The article is token k + 1; the animal one of the three after it.
            && (k + 2..(k + 5).min(toks.len())).any(|j| {
                ANIMALS.contains(&&*lowers[j])
                    && (k + 2..=j).all(|m| spaced(text, toks, m - 1, m))
                    && (k + 2..j).all(|m| text[toks[m].start..].starts_with(char::is_lowercase))
                    && {
                        let rest = text[toks[j].end..].trim_start_matches(' ');
                        rest.is_empty()
                            || rest.starts_with([',', '.', ';', ':', '(', ')', '\n'])
                            || rest.starts_with("cross")
                    }
            });
        // "Juniper (they/them)": pronouns, two or three joined by slashes.
        let pronouns = after
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .is_some_and(|(inside, _)| {
                let parts: Vec<&str> = inside.split('/').collect();
                (2..=3).contains(&parts.len())
                    && parts.iter().all(|p| {
                        [
                            "she", "her", "hers", "he", "him", "his", "they", "them", "theirs",
                            "ze", "zir", "hir", "xe", "xem", "fae", "faer", "it", "its", "any",
                            "all",
                        ]
                        .contains(&p.trim().to_lowercase().as_str())
                    })
            });
        // "and Rosemary my nan": mid-sentence, after a word in lower case, and family
        // or a friend after "my" or "our" with no more than a comma or a stop after; a
        // first name or a word of no dictionary, not after "the" ("the Hospital my mum
        // was in").
        let owned = mine
            && k >= 1
            && spaced(text, toks, k - 1, k)
            && lowers[k - 1].chars().all(char::is_lowercase)
            && text[toks[k - 1].start..].starts_with(char::is_lowercase)
            && !["the", "a", "an", "this", "that", "our", "my", "your"].contains(&&*lowers[k - 1])
            && (name_list().contains_key(l) || !in_dictionary(l))
            && ![
                "god", "lord", "jesus", "christ", "allah", "heaven", "heavens",
            ]
            .contains(&l)
            && !KIN_BEFORE_NAMES.contains(&l)
            && toks.get(k + 2).is_some_and(|n| {
                KIN_BEFORE_NAMES.contains(&&*lowers[k + 2])
                    && text[n.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '-')
            });
        // "Dean (A4471KT), our newest Listener": a first name with a prison's or a
        // record's number alone in brackets after it.
        let numbered = name_list().contains_key(l)
            && !(k >= 1 && &*lowers[k - 1] == "the")
            && after
                .strip_prefix(" (")
                .and_then(|r| r.split_once(')'))
                .is_some_and(|(inside, _)| {
                    (5..=12).contains(&inside.len())
                        && inside
                            .bytes()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                        && inside.bytes().filter(u8::is_ascii_digit).count() >= 3
                        && inside.bytes().any(|c| c.is_ascii_uppercase())
                });
        if kin_after || pet_before || pet_apposed || pronouns || owned || numbered {
            out.push(Cand::new(FindingKind::Name, t.start, t.end));
            // Not an everyday word ("Bran", "Rose"), which would then be someone wherever
            // it is capitalised; a city's name may be ("Milan"), as a person's is here.
            if !in_dictionary(l) && !name_list().get(l).is_some_and(|&(everyday, _)| everyday) {
                names.insert(l.to_string());
            } else if numbered {
                // An everyday word given with its number is that person again where the
                // names pass finds it as one ("Dean has asked to stop").
                names.insert(format!("{EVERYDAY_NAME_MARK}{l}"));
                names.insert(EVERYDAY_NAME_SENTINEL.to_string());
            }
        }
    }
}

/// A name sign (BSL and other sign languages), in quotes after the words that give it:
/// "His name sign is 'moustache-twist', hers is 'curly-hair'", "she name-signed me as
/// 'ears-flap'". A name sign stands for its person as a name does. Quoted words in the
/// rest of the sentence, two at most, each given by the word before it ("is", "as"):
/// not what the sign is described by ("the one for 'smile'"), what is quoted before
/// the cue, nor in another sentence.
pub(super) fn name_signs(text: &str, out: &mut Vec<Cand>) {
    // The cheapest tests first: most texts hold an apostrophe, few a sign.
    if !(text.contains("sign") || text.contains("Sign") || text.contains("SIGN"))
        || !text.contains(['\'', '"', '‘', '“'])
    {
        return;
    }
    // ASCII lowercase keeps every byte where it was.
    let lower = text.to_ascii_lowercase();
    let mut cues: Vec<usize> = ["name sign", "name-sign", "sign name", "sign-name"]
        .iter()
        .flat_map(|cue| {
            lower
                .match_indices(cue)
                .filter(|&(at, _)| left_boundary(text, at))
                .map(move |(at, _)| at + cue.len())
        })
        .collect();
    cues.sort_unstable();
    cues.dedup();
    let mut done = 0;
    for after in cues {
        if after < done {
            continue;
        }
        // The rest of the sentence, 120 bytes at most (cut at a character's start).
        let rest = &text[after..];
        let mut end = rest.find(['.', '!', '?', '\n', ';']).unwrap_or(rest.len());
        if end > 120 {
            end = (0..=120)
                .rev()
                .find(|&i| rest.is_char_boundary(i))
                .unwrap_or(0);
        }
        let mut at = after;
        let stop = after + end;
        let mut found = 0;
        while found < 2 && at < stop {
            let Some(open) = text[at..stop].find(['\'', '"', '‘', '“']).map(|i| at + i) else {
                break;
            };
            let q = text[open..].chars().next().unwrap_or('\'');
            let inner = open + q.len_utf8();
            // An opening quote: after a space or a bracket, before a letter.
            // Given by the word just before: "is 'dimple'", "as 'ears-flap'", "sign
            // 'X'", not described ("the one for 'smile'").
            let given = text[..open]
                .trim_end()
                .rsplit([' ', '('])
                .next()
                .is_some_and(|w| {
                    w.ends_with(':')
                        || [
                            "is", "was", "as", "be", "a", "an", "sign", "signs", "name", "names",
                            "signed",
                        ]
                        .iter()
                        .any(|g| w.eq_ignore_ascii_case(g))
                });
            let opens = text[..open].ends_with([' ', '('])
                && given
                && char_at(text, inner).is_some_and(char::is_alphabetic);
            if !opens {
                at = inner;
                continue;
            }
            let closes: &[char] = match q {
                '‘' => &['’'],
                '“' => &['”'],
                '"' => &['"'],
                _ => &['\'', '’'],
            };
            // The closing quote: the first of its kind not inside a word ("don't").
            let close = text[inner..stop]
                .match_indices(closes)
                .map(|(i, _)| inner + i)
                .find(|&i| {
                    let next = i + text[i..].chars().next().map_or(1, char::len_utf8);
                    !char_at(text, next).is_some_and(char::is_alphanumeric)
                });
            let Some(close) = close else {
                break;
            };
            let sign = &text[inner..close];
            let words = sign.split([' ', '-']).filter(|w| !w.is_empty()).count();
            if (1..=4).contains(&words)
                && sign
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '‐'))
            {
                out.push(Cand::new(FindingKind::Name, inner, close));
                found += 1;
            }
            at = close + text[close..].chars().next().map_or(1, char::len_utf8);
        }
        done = stop;
    }
}

/// The district or village after a place's comma, found as a name no list holds, with
/// a capitalised word before it or none: "St Mary of Zion, Stoke [Aldermoor]", "Orwell
/// Logistics, Ransomes [Europark]". The place runs on to its end. (A first name after
/// the comma is someone, and so is a word before a verb of what people do: "St Bride's,
/// Dominik said".) A town big enough to be in the list of places runs on from a place or
/// an address (or a street found as a name) too, when it ends the clause: "St
/// Catherine's, Newry (…)", "Drumclay Road, Enniskillen,"; and so does the street a
/// place is on: "Riverside Inn, Wakefield Road.".
pub(super) fn districts_after_places(text: &str, words: Words<'_>, cands: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    // The towns after a place's or an address's comma.
    let mut towns = Vec::new();
    for c in cands.iter() {
        if !text[c.end..].starts_with(", ") {
            continue;
        }
        // A place, an address, or a street found as a name ("Drumclay Road").
        let kind = match c.kind {
            FindingKind::Place | FindingKind::Address => c.kind,
            FindingKind::Name
                if text[c.start..c.end].rsplit(' ').next().is_some_and(|w| {
                    c.end - c.start > w.len() && STREET_WORDS.contains(&fold_str(w).as_str())
                }) =>
            {
                FindingKind::Address
            }
            _ => continue,
        };
        let k = toks.partition_point(|t| t.start < c.end + 2);
        let Some(t) = toks.get(k).filter(|t| t.start == c.end + 2) else {
            continue;
        };
        // A clause's end, or an aside in brackets after the town: "Newry (neutral, …)".
        let ends = |end: usize| ends_clause(text, end) || text[end..].starts_with(" (");
        if !capitalised_plain(text, words, k) {
            continue;
        }
        if ends(t.end) && big_places().contains(&*lowers[k]) {
            towns.push(Cand::new(kind, c.start, t.end));
            continue;
        }
        // Or the street it is on: "Riverside Inn, Wakefield Road".
        let mut j = k;
        while j < k + 2
            && j + 1 < toks.len()
            && spaced(text, toks, j, j + 1)
            && capitalised_plain(text, words, j + 1)
        {
            j += 1;
            if STREET_WORDS.contains(&&*lowers[j]) && ends(toks[j].end) {
                towns.push(Cand::new(kind, c.start, toks[j].end));
                break;
            }
        }
    }
    cands.extend(towns);
    let place_ends: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.kind == FindingKind::Place)
        .map(|c| (c.end, c.start))
        .collect();
    if place_ends.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        // The cheapest tests first: a comma within two words before it.
        if c.kind != FindingKind::Name
            || !text[..c.start].ends_with(", ") && !text[..c.start].ends_with(' ')
            || text[c.start..c.end].contains(' ')
        {
            continue;
        }
        let s = toks.partition_point(|t| t.start < c.start);
        if toks.get(s).is_none_or(|t| t.start != c.start)
            || s < 1
            || !(text[..c.start].ends_with(", ") || text[..toks[s - 1].start].ends_with(", "))
            || name_list().contains_key(&fold_str(&text[c.start..c.end]))
        {
            continue;
        }
        // Someone who does something: "St Bride's, Dominik said".
        if s + 1 < toks.len()
            && spaced(text, toks, s, s + 1)
            && (is_person_verb(&lowers[s + 1]) || AFTER_AN_INITIAL.contains(&&*lowers[s + 1]))
        {
            continue;
        }
        // One capitalised word before it, at most: "Stoke Aldermoor".
        let mut a = s;
        if s >= 2
            && spaced(text, toks, s - 1, s)
            && capitalised_plain(text, words, s - 1)
            && text[..toks[s - 1].start].ends_with(", ")
        {
            a = s - 1;
        }
        let Some(before) = text[..toks[a].start].strip_suffix(", ") else {
            continue;
        };
        if let Some(&(_, start)) = place_ends.iter().find(|&&(e, _)| e == before.len()) {
            c.start = start;
            c.kind = FindingKind::Place;
        }
    }
}

/// A title, then "(retd)", "(rtd)", "(ret'd)" or "(retired)" in brackets, then the name:
/// "Sgt Maj (retd) Pun", "Capt (ret'd) Gurung". The titles, the brackets and the name are
/// one finding.
pub(super) fn retired_titles(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    // "retd)", "rtd)", "ret'd)", "retired)": each ends in "d)".
    if !text.contains("d)") {
        return;
    }
    let Words { toks, lowers } = words;
    for k in 1..toks.len().saturating_sub(1) {
        if !matches!(&*lowers[k], "retd" | "rtd" | "retired" | "ret'd" | "ret’d")
            || &text[toks[k - 1].end..toks[k].start] != " ("
            || &text[toks[k].end..toks[k + 1].start] != ") "
            || !is_honorific(&lowers[k - 1])
            || !capitalised_plain(text, words, k + 1)
            || is_honorific(&lowers[k + 1])
        {
            continue;
        }
        // Every title before it: "Sgt Maj".
        let mut a = k - 1;
        while a > 0 && spaced(text, toks, a - 1, a) && is_honorific(&lowers[a - 1]) {
            a -= 1;
        }
        out.push(Cand::new(
            FindingKind::Name,
            toks[a].start,
            toks[k + 1].base_end,
        ));
    }
}

/// The first line of a rural address, a house's or a farm's name alone, before the
/// village or district found after its comma: before a postcode ("Ballacregga, [Ballaugh
/// Curraghs], IM7 5EA", at a sentence's start or after "at"), or after a form's label
/// ("Farm: Blaen-cwm, [Ponterwyd]"). The whole is an address. One or two capitalised
/// words, no title, no everyday word opening a sentence ("Thanks, Ballaugh, IM7 5EA"
/// keeps its "Thanks").
pub(super) fn first_lines_of_addresses(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    let postcodes: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == FindingKind::Postcode)
        .map(|c| c.start)
        .collect();
    // A form's labels for an address with no number.
    const LABELS: &[&str] = &["Farm: ", "Address: ", "Croft: ", "Farm address: "];
    let labelled = LABELS.iter().any(|l| text.contains(l));
    if postcodes.is_empty() && !labelled {
        return;
    }
    for c in cands.iter_mut() {
        if !matches!(c.kind, FindingKind::Name | FindingKind::Place) {
            continue;
        }
        let Some(before) = text[..c.start].strip_suffix(", ") else {
            continue;
        };
        let by_postcode = text[c.end..]
            .strip_prefix(", ")
            .is_some_and(|_| postcodes.contains(&(c.end + 2)));
        if !by_postcode && !labelled {
            continue;
        }
        // The line before the comma: one or two capitalised words.
        let i = toks.partition_point(|t| t.end <= before.len());
        let Some(last) = i.checked_sub(1).filter(|&j| toks[j].end == before.len()) else {
            continue;
        };
        let plain = |j: usize| {
            let t = &toks[j];
            t.letters
                && !t.digits
                && capitalised_plain(text, words, j)
                && !is_honorific(&lowers[j])
                && !is_acronym(&text[t.start..t.end])
        };
        if !plain(last) {
            continue;
        }
        let mut first = last;
        if first >= 1 && spaced(text, toks, first - 1, first) && plain(first - 1) {
            first -= 1;
        }
        let start = toks[first].start;
        let opens = by_postcode
            && ((sentence_start(text, start) && !is_ordinary(&lowers[first]))
                || text[..start].ends_with(" at "));
        let after_label = LABELS.iter().any(|l| text[..start].ends_with(l));
        if opens || after_label {
            c.start = start;
            c.kind = FindingKind::Address;
        }
    }
}

/// A home or a street named by a word no list holds, with "the" before it and a word in
/// lowercase after it, as a name is used to say which one: "challenge the Thurne View
/// decision", "the Larkspur Court referral". Not an everyday word or a big place's name
/// before the street's or building's word ("the Big House plan", "the Leeds Road
/// traffic").
pub(super) fn homes_named_before_a_noun(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 2..toks.len().saturating_sub(1) {
        let l = &*lowers[k];
        // The cheapest tests first: every word of every text passes here.
        if !text.as_bytes()[toks[k].start].is_ascii_uppercase()
            || toks[k].base_end != toks[k].end
            || &*lowers[k - 2] != "the"
            || !text[toks[k + 1].start..].starts_with(|c: char| c.is_lowercase())
            || !(STREET_WORDS.contains(&l) || BUILDING_WORDS.contains(&l))
            || !spaced(text, toks, k - 2, k - 1)
            || !spaced(text, toks, k - 1, k)
            || !spaced(text, toks, k, k + 1)
            || !capitalised_plain(text, words, k - 1)
            || is_ordinary(&lowers[k - 1])
            || other_words().contains(&*lowers[k - 1])
            || is_acronym(&text[toks[k - 1].start..toks[k - 1].end])
        {
            continue;
        }
        out.push(Cand::new(
            FindingKind::Place,
            toks[k - 1].start,
            toks[k].end,
        ));
    }
}

/// Kinds of place in lowercase before "at" or "in" and a place found as a name: "the Lidl
/// depot at [Melton]", "the recycling plant in [Polmadie]", "the old schoolhouse at
/// [Rosehall]".
#[rustfmt::skip]
const KINDS_AT_A_PLACE: &[&str] = &[
    "depot", "plant", "factory", "warehouse", "schoolhouse", "mill", "yard", "works",
    "branch", "store", "surgery", "chapel", "hostel", "camp", "site", "unit",
];

/// A place of work or a building named by its kind and the place it is at, found as a
/// name: "the Lidl depot at [Melton]", "the recycling plant in [Polmadie]", "the old
/// schoolhouse at [Rosehall]". The kind, with the one word before it after "the" (a
/// brand or a word for it), joins the place. Not someone's ("the plant in Sam's room"),
/// nor a first name ("the yard at Kevin's").
pub(super) fn kinds_at_named_places(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    let Words { toks, lowers } = words;
    for c in cands.iter_mut() {
        if c.kind != FindingKind::Name
            || !(text[..c.start].ends_with(" at ") || text[..c.start].ends_with(" in "))
            || text[c.start..c.end].contains(' ')
        {
            continue;
        }
        let s = toks.partition_point(|t| t.start < c.start);
        if s < 4
            || toks
                .get(s)
                .is_none_or(|t| t.start != c.start || t.base_end != t.end)
            || !spaced(text, toks, s - 2, s - 1)
            || !KINDS_AT_A_PLACE.contains(&&*lowers[s - 2])
            || !text[toks[s - 2].start..].starts_with(|ch: char| ch.is_ascii_lowercase())
            || name_list()
                .get(&*lowers[s])
                .is_some_and(|&(_, surname)| !surname)
        {
            continue;
        }
        let determiner = |j: usize| {
            ["the", "a", "an", "his", "her", "their", "our", "my"].contains(&&*lowers[j])
        };
        let start = if determiner(s - 3) && spaced(text, toks, s - 3, s - 2) {
            s - 2
        } else if determiner(s - 4)
            && spaced(text, toks, s - 4, s - 3)
            && spaced(text, toks, s - 3, s - 2)
            && toks[s - 3].letters
            && !toks[s - 3].digits
            && toks[s - 3].base_end == toks[s - 3].end
            && !STOPWORDS.contains(&&*lowers[s - 3])
        {
            s - 3
        } else {
            continue;
        };
        c.start = toks[start].start;
        c.kind = FindingKind::Place;
    }
}

/// How a message is signed off, lowercase, its comma or stop aside: the name under it is
/// the writer's.
#[rustfmt::skip]
const SIGN_OFFS: &[&str] = &[
    "thanks", "thank you", "many thanks", "thanks again", "thanks so much", "with thanks",
    "best", "best wishes", "all the best", "with best wishes", "kind regards", "regards",
    "best regards", "warm regards", "warmest regards", "kindest regards", "warm wishes",
    "warmest wishes", "cheers", "love", "lots of love", "speak soon", "take care",
    "yours sincerely", "yours faithfully", "yours", "ta", "diolch", "cofion",
    "cofion gorau",
];

/// Words that sign for many, or for no one in particular: "The Duty Team", "Admin".
#[rustfmt::skip]
const SIGNED_BY_MANY: &[&str] = &[
    "team", "service", "services", "office", "desk", "unit", "hub", "centre", "council",
    "trust", "group", "department", "admin", "reception", "everyone", "all", "both", "us",
    "me", "the", "from",
];

/// Whether a word (folded) names a group, a role or a kind of family, not someone: what
/// signs a message or fills a table's column of people without being a name ("The Duty
/// Team", "Social Worker", "Mum").
fn stands_for_no_one(l: &str) -> bool {
    SIGNED_BY_MANY.contains(&l) || ROLE_NOUNS.contains(&l) || KIN_BEFORE_NAMES.contains(&l)
}

/// The name under a sign-off: on the line after it ("Kind regards,\nJan", "Thanks\nWill
/// x") or after it to the line's end ("Thanks, Jan", "… if you're with her. Ta, Jan"),
/// in a quoted reply too ("> Cheers,\n> Jan"). A name whatever the word, a month ("Jan")
/// or an everyday one ("Will"): one to four capitalised words or initials, with nothing
/// after them but kisses, punctuation or pronouns in brackets. Not a team, a role or a
/// word of family ("Best wishes,\nThe Duty Team", "Love, Mum"), nor everyday words that
/// are no one's name ("Yours sincerely,\nOccupational Health Adviser").
pub(super) fn names_signing_off(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let sign_off = |s: &str| {
        let s = s.trim().trim_end_matches([',', '.', '!']).trim_end();
        s.len() <= 16 && SIGN_OFFS.iter().any(|o| o.eq_ignore_ascii_case(s))
    };
    // The name's words from token `k` to the end of the line at `line_end`.
    let name_to = |k: usize, line_end: usize| -> Option<Cand> {
        let mut j = k;
        while j < toks.len() && j < k + 4 && toks[j].end <= line_end {
            let t = &toks[j];
            let w = &text[t.start..t.end];
            let initial = w.chars().count() == 1 && text[t.end..].starts_with('.');
            let l = &*lowers[j];
            if !(starts_capitalised(text, t) || initial)
                || t.base_end != t.end
                || (is_acronym(w) && !initial)
                || stands_for_no_one(l)
                // An everyday word signs as a name only where names have it ("Will",
                // "Hope") or it is a month's short form ("Jan"): "Occupational Health
                // Adviser" under "Yours sincerely" is a role.
                || (!initial
                    && is_ordinary(l)
                    && !name_list().contains_key(l)
                    && !CALENDAR.contains(&l))
                || (j > k && !matches!(&text[toks[j - 1].end..t.start], " " | ". " | "-"))
            {
                break;
            }
            j += 1;
        }
        if j == k {
            return None;
        }
        let end = toks[j - 1].end;
        // Kisses, punctuation and pronouns in brackets may follow, nothing else.
        let rest = text[end..line_end].trim();
        let rest = rest.trim_start_matches(['.', ',', '!']).trim_start();
        let kisses = !rest.is_empty() && rest.bytes().all(|b| matches!(b, b'x' | b'X' | b' '));
        let pronouns = rest.starts_with('(') && rest.ends_with(')') && rest.contains('/');
        (rest.is_empty() || kisses || pronouns)
            .then(|| Cand::new(FindingKind::Name, toks[k].start, end))
    };
    let mut after_sign_off = false;
    for (at, line) in lines_at(text) {
        let (mut start, end) = (at, at + line.trim_end().len());
        // A quoted reply's marks are no part of the line.
        start += line.len() - line.trim_start_matches(['>', ' ']).len();
        if start >= end {
            continue;
        }
        let k = toks.partition_point(|t| t.start < start);
        if after_sign_off {
            after_sign_off = false;
            if let Some(c) = toks.get(k).and_then(|_| name_to(k, end)) {
                out.push(c);
                continue;
            }
        }
        if sign_off(&text[start..end]) {
            after_sign_off = true;
            continue;
        }
        // "Thanks, Jan" as the line's last sentence.
        let last = text.as_bytes()[start..end]
            .windows(2)
            .rposition(|w| matches!(w, b". " | b"! " | b"? "))
            .map_or(start, |i| start + i + 2);
        if let Some(comma) = text.as_bytes()[last..end.min(last + 18)]
            .windows(2)
            .position(|w| w == b", ")
            && sign_off(&text[last..last + comma])
        {
            let k = toks.partition_point(|t| t.start < last + comma + 2);
            if let Some(c) = toks.get(k).and_then(|_| name_to(k, end)) {
                out.push(c);
            }
        }
    }
}

/// What a table's column holds, by its heading (lowercase).
#[derive(Clone, Copy, PartialEq)]
enum Column {
    People,
    Places,
    Numbers,
    /// A day, which a spreadsheet pasted as text may give as its serial number ("45729"
    /// for 14 March 2025); a day of birth's column ("DOB") gives a birth date.
    Dates {
        birth: bool,
    },
}

/// Headings of a table's columns, lowercase, by what the column holds (a plural "s" is
/// read too: "Guests", "Venues").
#[rustfmt::skip]
const PEOPLE_HEADINGS: &[&str] = &[
    "name", "pt", "patient", "resident", "client", "guest", "lead", "worker", "staff", "who",
    "child", "carer", "person", "tenant", "member", "keyworker", "key worker", "driver",
    "caller", "parent", "volunteer", "young person", "service user", "owner", "by whom",
    "action by", "responsible", "surname", "forename", "first name", "last name",
    "family name", "given name", "given names",
];
#[rustfmt::skip]
const PLACE_HEADINGS: &[&str] = &[
    "venue", "place", "where", "location", "site", "school", "ship", "vessel", "boat",
];
#[rustfmt::skip]
const NUMBER_HEADINGS: &[&str] = &[
    "kit", "ref", "id", "no", "no.", "number", "case", "case no", "mrn", "unit", "device",
    "call ref", "imo", "mmsi", "crn", "pnc",
];
const DATE_HEADINGS: &[&str] = &["date", "day", "date seen", "visit date", "seen"];
const BIRTH_HEADINGS: &[&str] = &["dob", "d.o.b.", "date of birth", "born"];

impl Column {
    /// What a column holds by its heading, if the heading says.
    fn of(heading: &str) -> Option<Column> {
        let l = heading.trim().to_lowercase();
        let is = |list: &[&str]| {
            list.iter()
                .any(|h| *h == l || l.strip_suffix('s') == Some(*h))
        };
        if is(PEOPLE_HEADINGS) {
            Some(Column::People)
        } else if is(PLACE_HEADINGS) {
            Some(Column::Places)
        } else if is(NUMBER_HEADINGS) {
            Some(Column::Numbers)
        } else if is(DATE_HEADINGS) {
            Some(Column::Dates { birth: false })
        } else if is(BIRTH_HEADINGS) {
            Some(Column::Dates { birth: true })
        } else {
            None
        }
    }
}

/// The cells of a table typed as text, with "|" between its columns, under a heading
/// that says what the column holds: "Pt | kit | SpO2", "Night | Venue | Lead | Guests".
/// A name under "Pt" or "Lead" is someone though its words are everyday ones ("Ray
/// Quick", "Drew Pembroke"), a venue is a place though its words are a kind ("St
/// Barnabas hall"), and a code under "kit" or "ref" is a number ("VW-0447"). Only rows
/// with as many cells as the heading; a cell of a people's column is one to four
/// capitalised words (a title among them), of a places' column capitalised words and
/// lowercase kinds after them, and of a numbers' column letters, figures and hyphens
/// with three figures or more. A row of a spreadsheet's export, each cell in quotes
/// and commas between them (`"CRN","Surname","Forename"`), or a spreadsheet's rows
/// pasted with tabs between the cells, is read the same way.
pub(super) fn table_columns(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    if !text.contains(" | ") && !text.contains("\",\"") && !text.contains('\t') {
        return;
    }
    let toks = words.toks;
    let mut heading: Option<(usize, Vec<Option<Column>>)> = None;
    let mut in_table = false;
    for (start, line) in lines_at(text) {
        let line = line.trim_end();
        // A quoted row: the cells between the quotes, the quotes left out.
        let quoted = line.len() >= 2
            && line.starts_with('"')
            && line.ends_with('"')
            && line.contains("\",\"");
        let (inner, sep, offset) = if quoted {
            (&line[1..line.len() - 1], "\",\"", 1)
        } else if line.bytes().filter(|&b| b == b'\t').count() >= 2 {
            (line, "\t", 0)
        } else {
            (line, "|", 0)
        };
        let cells: Vec<(usize, &str)> = {
            let mut v = Vec::new();
            let mut from = offset;
            for part in inner.split(sep) {
                v.push((start + from, part));
                from += part.len() + sep.len();
            }
            v
        };
        let was_table = in_table;
        in_table = cells.len() >= 3;
        if !in_table {
            heading = None;
            continue;
        }
        // A Markdown table's rule under its heading: "|---|---|".
        if line.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ')) {
            continue;
        }
        let kinds: Vec<Option<Column>> = cells.iter().map(|(_, c)| Column::of(c)).collect();
        let is_heading = kinds.iter().any(Option::is_some)
            && cells
                .iter()
                .all(|(_, c)| !c.bytes().any(|b| b.is_ascii_digit()) || c.len() < 8);
        match &heading {
            Some((n, cols)) if *n == cells.len() && !is_heading => {
                for ((cell_at, cell), kind) in cells.iter().zip(cols) {
                    let Some(kind) = kind else { continue };
                    let lead = cell.len() - cell.trim_start().len();
                    let (s, e) = (cell_at + lead, cell_at + cell.trim_end().len());
                    if s < e {
                        table_cell(text, toks, (s, e), *kind, out);
                    }
                }
            }
            // A heading opens its table: a row further down naming a column ("| name |
            // Connor |") is a field and its value.
            _ if is_heading && !was_table => heading = Some((cells.len(), kinds)),
            _ => heading = None,
        }
    }
}

/// The span of one cell of [`table_columns`] that its column says it holds.
fn table_cell(text: &str, toks: &[Tok], (s, e): (usize, usize), kind: Column, out: &mut Vec<Cand>) {
    let first = toks.partition_point(|t| t.start < s);
    let in_cell: Vec<&Tok> = toks[first..].iter().take_while(|t| t.end <= e).collect();
    let Some(head) = in_cell.first() else { return };
    let capital = |t: &Tok| starts_capitalised(text, t);
    match kind {
        Column::Numbers => {
            let cell = &text[s..e];
            let digits = cell.bytes().filter(u8::is_ascii_digit).count();
            if digits >= 3
                && cell.len() <= 24
                && cell
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
            {
                out.push(Cand::new(FindingKind::RecordNumber, s, e));
            }
        }
        Column::Dates { birth } => {
            // A spreadsheet's serial day, 1954 to 2118: "45729".
            let cell = &text[s..e];
            if cell.len() == 5
                && cell.bytes().all(|b| b.is_ascii_digit())
                && ("20000"..="79999").contains(&cell)
            {
                let kind = if birth {
                    FindingKind::BirthDate
                } else {
                    FindingKind::ExactDate
                };
                out.push(Cand::new(kind, s, e));
            }
        }
        Column::People => {
            // Initials, one or a list: "| HI |", "| HI, LMcN |" (not a role: "| GP |").
            let cell = &text[s..e];
            let initials = |w: &str| {
                (2..=5).contains(&w.len())
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
                    && w.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'')
                    && w.bytes().filter(u8::is_ascii_lowercase).count() <= 1
                    && !initials_of_no_one(w)
                    && !NOT_INITIALS.iter().any(|n| n.eq_ignore_ascii_case(w))
            };
            let parts: Vec<&str> = cell.split([',', '/', '&']).map(str::trim).collect();
            if parts.iter().all(|p| initials(p)) {
                let mut at = s;
                for p in parts {
                    let from = at + text[at..e].find(p).unwrap_or(0);
                    out.push(Cand::new(FindingKind::Name, from, from + p.len()));
                    at = from + p.len();
                }
                return;
            }
            // The capitalised words that open the cell: "Ray Quick", "Mr Farouk (…)".
            let mut n = 0;
            while n < in_cell.len()
                && n < 4
                && capital(in_cell[n])
                && (n == 0 || &text[in_cell[n - 1].end..in_cell[n].start] == " ")
            {
                n += 1;
            }
            if n > 0 && head.start == s {
                let words: Vec<String> = in_cell[..n]
                    .iter()
                    .map(|t| fold_str(&text[t.start..t.base_end]))
                    .collect();
                // Not a role, a body or an everyday answer ("Self", "Unknown", "GP"): one
                // word at least that names have or no dictionary has.
                let named = words.iter().any(|w| !is_honorific(w))
                    && !words.iter().any(|w| stands_for_no_one(w))
                    // A surname in capitals is a name, as a form writes it ("FLEETWOOD");
                    // shorter capitals or a word are initials or an acronym.
                    && in_cell[..n].iter().zip(&words).all(|(t, w)| {
                        !is_acronym(&text[t.start..t.end])
                            || t.end - t.start == 1
                            || (w.chars().count() >= 4 && !in_dictionary(w))
                    })
                    // A town is a surname too in a column of people ("Fleetwood").
                    && (words
                        .iter()
                        .any(|w| name_list().contains_key(w.as_str()) || !in_dictionary(w))
                        // A word and a surname's initial: "Ash T.", "Brook H".
                        || (n >= 2 && words[n - 1].chars().count() == 1));
                if named {
                    out.push(Cand::new(FindingKind::Name, s, in_cell[n - 1].base_end));
                }
            }
        }
        Column::Places => {
            // Capitalised words, then lowercase kinds: "St Barnabas hall"; a word no
            // dictionary has among them, or two capitalised ("Friends Meeting House"), not
            // a way of meeting ("Home visit", "Online").
            let caps = in_cell.iter().take_while(|t| capital(t)).count();
            let naming = caps >= 2
                || in_cell[..caps]
                    .iter()
                    .any(|t| !is_ordinary(&fold_cow(&text[t.start..t.base_end])));
            if caps > 0 && naming && head.start == s && in_cell.len() <= 5 {
                out.push(Cand::new(
                    FindingKind::Place,
                    s,
                    in_cell[in_cell.len() - 1].end,
                ));
            }
        }
    }
}

/// Capitals in a column of who does what that stand for no one: "TBC", "ALL", "ASAP".
#[rustfmt::skip]
const NOT_INITIALS: &[&str] = &[
    "TBC", "TBA", "TBD", "ALL", "NA", "ASAP", "HR", "PA", "EOD", "COB", "FY", "ANY", "NONE",
    "ME", "US", "SENCO", "RGN", "IDVA", "ISVA", "DOLS", "HB", "YES", "NO", "OK", "TEAM",
    "BOTH", "NHS", "MDT", "EHCP", "SEND",
];

/// Initials standing for the people at a meeting, on the line that lists them
/// ("Present: MF (chair), JC (RGP), LB (community nursing), AS (minutes)"), and the same
/// initials anywhere else in the text ("1. LB: dressings", "JC agreed"), in capitals as
/// written: on that line they are people, though "AS" and "LB" are words and units
/// elsewhere. Two or three capitals between the line's commas, before a bracket or at
/// its end. On such a line with a comma in it, a first name that is also a word standing
/// alone between the commas ("Present: A., Fern, Malcolm B") is someone too, and so is
/// one capital with its stop.
pub(super) fn initials_in_attendance(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    const CUES: &[&str] = &[
        "present:",
        "attendees:",
        "attending:",
        "in attendance:",
        "also present:",
        "apologies:",
        "attended:",
    ];
    let mut initials: Vec<&str> = Vec::new();
    for (start, line) in lines_at(text) {
        // The list opens the line, or a sentence of it: "Date: Thurs 13/03/25. Present:
        // BK (chair), AL, MP and me."
        let opens = |at: usize| {
            CUES.iter().find(|c| {
                line.get(at..at + c.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(c))
            })
        };
        let lead = line.len() - line.trim_start().len();
        let Some((at, cue)) = opens(lead).map(|c| (lead, c)).or_else(|| {
            line.match_indices(". ")
                .find_map(|(i, _)| opens(i + 2).map(|c| (i + 2, c)))
        }) else {
            continue;
        };
        let from = start + at + cue.len();
        // To the end of the line, or of the list's sentence where it opened one.
        let mut end = start + line.trim_end().len();
        if at > lead
            && let Some(stop) = text[from..end].find(". ")
        {
            end = from + stop + 1;
        }
        let k = toks.partition_point(|t| t.start < from);
        let listed = text[from..end].contains(',');
        for t in toks[k..].iter().take_while(|t| t.end <= end) {
            let w = &text[t.start..t.end];
            let before = text[from..t.start].trim_end_matches(' ');
            let after = &text[t.end..end];
            // An item of the list starts here: the line's first, or after a comma.
            let item = listed && (before.is_empty() || before.ends_with([',', ';']));
            let alone = item
                && (after.is_empty() || after.starts_with([',', ';']) || after.starts_with(" ("));
            // "Present: A., Fern, Malcolm B": a first name that is a word, or a capital
            // and its stop, alone between the commas.
            let word_name = alone
                && w.chars().count() >= 3
                && w.starts_with(|c: char| c.is_uppercase())
                && w.chars().skip(1).all(char::is_lowercase)
                && name_list()
                    .get(&*fold_cow(w))
                    .is_some_and(|&(_, surname)| !surname);
            let lone_initial = item
                && w.len() == 1
                && w.bytes().all(|c| c.is_ascii_uppercase())
                && (after == "." || after.starts_with(".,") || after.starts_with(".;"));
            if word_name || lone_initial {
                out.push(Cand::new(FindingKind::Name, t.start, t.end));
                continue;
            }
            // "TO'D", "MO'C": an Irish surname's initial after its "O'".
            let irish = w.len() == 4
                && w.as_bytes()[1] == b'O'
                && w.as_bytes()[2] == b'\''
                && w.bytes().filter(u8::is_ascii_uppercase).count() == 3;
            if ((2..=3).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase()) || irish)
                && !ROLES_BY_INITIALS.contains(&w)
                && (before.is_empty()
                    || before.ends_with([',', ';', ':'])
                    || before.ends_with(" and"))
                && (after.is_empty()
                    || after == "."
                    || after.starts_with([',', ';'])
                    || after.starts_with(" (")
                    || after.starts_with(" and "))
                && !initials.contains(&w)
            {
                initials.push(w);
            }
        }
    }
    // At least two, as such a line has: one alone may be an organisation.
    if initials.len() < 2 {
        return;
    }
    for t in toks {
        let w = &text[t.start..t.end];
        if initials.contains(&w) && t.base_end == t.end {
            out.push(Cand::new(FindingKind::Name, t.start, t.end));
        }
    }
}

/// A resident named after their room at the start of a handover's line, typed fast in
/// lowercase: "rm 3 gużeppa – settled", "rm 11 ken p – refused meds", "bed 4 jo s:
/// obs ok". One to three words of letters between the room's number and a dash or a
/// colon, one of them a name the lists know or no word of the dictionary; not "rm 6
/// empty –", "bay 2 side room:".
pub(super) fn residents_by_room(text: &str, out: &mut Vec<Cand>) {
    for (start, line) in lines_at(text) {
        let l = line.trim_start();
        let at = start + line.len() - l.len();
        let Some(head) = ["rm ", "room ", "bed ", "bay "]
            .iter()
            .find(|h| l.get(..h.len()).is_some_and(|p| p.eq_ignore_ascii_case(h)))
        else {
            continue;
        };
        let rest = &l[head.len()..];
        let figures = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&figures) {
            continue;
        }
        // A letter after the figures is the room's ("rm 12a").
        let mut from = figures;
        if rest[from..].starts_with(|c: char| c.is_ascii_lowercase())
            && rest[from + 1..].starts_with(' ')
        {
            from += 1;
        }
        let Some(words) = rest[from..].strip_prefix(' ') else {
            continue;
        };
        let Some(end) = [" – ", " - ", " — ", ": "]
            .iter()
            .filter_map(|d| words.find(d))
            .min()
        else {
            continue;
        };
        let name = &words[..end];
        let parts: Vec<&str> = name.split(' ').collect();
        if parts.len() > 3
            || !parts.iter().all(|w| typed_word(w))
            || !parts.iter().any(|w| {
                let f = fold_str(w);
                name_list().contains_key(f.as_str()) || (w.chars().count() >= 3 && !is_ordinary(&f))
            })
        {
            continue;
        }
        let s = at + head.len() + from + 1;
        out.push(Cand::new(FindingKind::Name, s, s + name.len()));
    }
}

/// A word of a name as a log typed fast gives it: letters and apostrophes ("o'hare").
fn typed_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

/// Someone's full name in brackets after the short one found, as a log typed fast gives
/// it in lowercase: "jim (jimmy o'hare) back", "mrs b (brenda kay) asked". One to three
/// words of letters, the first a first name the lists know.
pub(super) fn full_names_in_brackets(text: &str, out: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for c in out.iter().filter(|c| c.kind == FindingKind::Name) {
        let Some(rest) = text[c.end..].strip_prefix(" (") else {
            continue;
        };
        let Some(close) = rest.get(..rest.len().min(48)).and_then(|r| r.find(')')) else {
            continue;
        };
        let inside = &rest[..close];
        let parts: Vec<&str> = inside.split(' ').collect();
        if (1..=3).contains(&parts.len())
            && parts.iter().all(|w| typed_word(w))
            && name_list()
                .get(fold_str(parts[0]).as_str())
                .is_some_and(|&(everyday, surname)| !everyday && !surname)
        {
            let s = c.end + 2;
            found.push(Cand::new(FindingKind::Name, s, s + inside.len()));
        }
    }
    out.extend(found);
}

/// Initials signing a note on a line of their own after a dash ("– AJ", "- KB"): the
/// writer. Not a role or a body ("– GP", "- NHS").
pub(super) fn initials_signing_off(text: &str, out: &mut Vec<Cand>) {
    for (start, line) in lines_at(text) {
        let l = line.trim_end();
        let Some(rest) = ["– ", "- ", "— ", "–", "-", "—"]
            .iter()
            .find_map(|d| l.strip_prefix(d))
        else {
            continue;
        };
        let letters = rest.bytes().filter(u8::is_ascii_uppercase).count();
        if (2..=3).contains(&letters)
            && rest.len() <= 4
            && rest.bytes().all(|c| c.is_ascii_uppercase() || c == b'\'')
            && rest.starts_with(|c: char| c.is_ascii_uppercase())
            && !initials_of_no_one(rest)
            && !NOT_INITIALS.contains(&rest)
        {
            let s = start + l.len() - rest.len();
            out.push(Cand::new(FindingKind::Name, s, s + rest.len()));
        }
    }
}

/// Roles and bodies by their initials, as an attendance line lists them beside people:
/// "Present: GP, OT, SW (duty)".
#[rustfmt::skip]
pub(super) const ROLES_BY_INITIALS: &[&str] = &[
    "GP", "OT", "SW", "SN", "CPN", "MDT", "DN", "HV", "PC", "DS", "DC", "SLT", "RN", "HCA",
    "DSL", "LA", "CSC", "IRO", "SWE", "ASW", "AMP", "AMHP", "PO", "YOT", "YJS", "ED", "CAMHS",
    "NHS", "DWP", "SALT", "TA", "HT", "DHT", "SEN", "PSW", "SSW", "TM", "SM", "CM", "FSW",
];

/// Words written with stops: "N.B.", "a.m.", "e.g.". Someone's when they own something
/// ("N.B.'s case").
pub(super) const WORDS_IN_INITIALS: &[&str] = &["AM", "PM", "NB", "PS", "EG", "IE", "OK"];
/// Countries, bodies and a child's or a claimant's status by their initials: "the
/// U.K.'s", "C.I.N.", "N.F.A.", "D.L.A.".
#[rustfmt::skip]
const STATUSES_IN_INITIALS: &[&str] = &[
    "UK", "US", "EU", "UN", "USA", "CAB", "CP", "CIN", "LAC", "NFA", "DLA", "PIP", "UC",
];

/// Whether initials (their letters, stops left out) are a role, a country, a body or a
/// status, never someone's: "GP", "CPN", "UK", "CIN".
pub(super) fn initials_of_no_one(letters: &str) -> bool {
    ROLES_BY_INITIALS.contains(&letters) || STATUSES_IN_INITIALS.contains(&letters)
}

/// Words of a note written in capitals before a comma, not a surname: "ASAP, Sarah…".
const NOTES_IN_CAPITALS: &[&str] = &[
    "asap",
    "attn",
    "note",
    "urgent",
    "update",
    "action",
    "important",
    "reminder",
    "nb",
];

/// Particles that end a name of Central Asia and the Caucasus: "son of" and "daughter
/// of" after the father's name ("Aibek Nurlan uulu", "Gulnora Rashid qizi").
const NAME_ENDINGS: &[&str] = &[
    " uulu", " kyzy", " qizi", " kizi", " ogli", " o'g'li", " oglu", " ogly", " kyzy",
];

/// Widens the names found to what belongs to them:
/// - a particle of descent after the name ([`NAME_ENDINGS`]);
/// - initials with stops after an initial found ("Mrs C.S.", "M.A.S."), each one;
/// - a surname in capitals before a comma and the given names found after it, as a
///   form writes a name ("SOLIMAN, Mahmoud Abdelrahman"), where the surname is no
///   everyday word and no abbreviation the lists know;
/// - the same name in a script without capitals in brackets just after it ("Siriporn
///   Metcalfe (ศิริพร; known as Nok)", "Worknesh Tadesse (ወርቅነሽ ታደሰ inside her prayer
///   book)"), added as a name of its own.
pub(super) fn name_extents(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let mut added = Vec::new();
    for c in out.iter_mut().filter(|c| c.kind == FindingKind::Name) {
        if let Some(e) = NAME_ENDINGS.iter().find(|e| text[c.end..].starts_with(*e)) {
            let end = c.end + e.len();
            if right_boundary(text, end) {
                c.end = end;
            }
        }
        // "C" found, ".S." after it: each stop and capital is the name's.
        let b = text.as_bytes();
        if c.end >= 1
            && b[c.end - 1].is_ascii_uppercase()
            && (c.end < 2 || !b[c.end - 2].is_ascii_alphabetic())
        {
            while c.end + 2 < b.len() + 1
                && b.get(c.end) == Some(&b'.')
                && b.get(c.end + 1).is_some_and(u8::is_ascii_uppercase)
                && !b.get(c.end + 2).is_some_and(u8::is_ascii_alphabetic)
            {
                c.end += 2;
            }
        }
        // "SOLIMAN, " before it.
        if let Some(before) = text[..c.start].strip_suffix(", ") {
            let k = toks.partition_point(|t| t.end < before.len());
            if let Some(t) = toks.get(k).filter(|t| t.end == before.len()) {
                let w = &text[t.start..t.end];
                let line_start = text[..t.start].trim_end_matches(' ');
                if w.len() >= 4
                    && w.bytes().all(|x| x.is_ascii_uppercase())
                    && (line_start.is_empty() || line_start.ends_with([':', '\n']))
                    && !is_ordinary(&lowers[k])
                    && !NOTES_IN_CAPITALS.contains(&&*lowers[k])
                {
                    c.start = t.start;
                }
            }
        }
        // "(ศิริพร;" after it: up to four words of such a script, a space between each.
        if text[c.end..].starts_with(" (") {
            let from = c.end + 2;
            if let Some(end) = caseless_run(text, from, 4) {
                added.push(Cand::new(FindingKind::Name, from, end));
            }
        }
    }
    out.extend(added);
}

/// Initials with stops that own something are someone's: "of N.B.'s case", "M.P.'s
/// mum". Not a country's, a body's or a role's ("the U.K.'s", "the N.H.S.'s", "the
/// G.P.'s receptionist", "O.T.'s report").
pub(super) fn initials_owning(text: &str, out: &mut Vec<Cand>) {
    for (at, _) in text.match_indices(".'s").chain(text.match_indices(".’s")) {
        let b = text.as_bytes();
        // Back over capital-and-stop pairs: "N.B" before the last stop.
        let mut s = at + 1;
        while s >= 2 && b[s - 2].is_ascii_uppercase() && b[s - 1] == b'.' {
            s -= 2;
        }
        let n = (at + 1 - s) / 2;
        let letters: String = text[s..=at]
            .chars()
            .filter(char::is_ascii_uppercase)
            .collect();
        if !(2..=3).contains(&n)
            || (s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'.'))
            || initials_of_no_one(&letters)
        {
            continue;
        }
        out.push(Cand::new(FindingKind::Name, s, at + 1));
    }
}

/// Names listed after a label for a family's children or dependants, each item of the
/// line its own: "Children: Sadek 11/11/2013 CHI …; Rehana 23/05/2016". The first word
/// of each item, capitalised and no everyday word (with a second such word, a surname),
/// learnt as a name.
pub(super) fn names_listed_under_kin_labels(
    text: &str,
    words: Words<'_>,
    out: &mut Vec<Cand>,
    names: &mut HashSet<String, FastHash>,
) {
    let mut listed = Vec::new();
    const LABELS: &[&str] = &[
        "Children: ",
        "Child: ",
        "Kids: ",
        "Siblings: ",
        "Dependants: ",
    ];
    let Words { toks, lowers } = words;
    for (at, line) in lines_at(text) {
        let Some(label) = LABELS.iter().find(|l| line.starts_with(*l)) else {
            continue;
        };
        let mut item = at + label.len();
        let line_end = at + line.len();
        while item < line_end {
            let k = toks.partition_point(|t| t.start < item);
            let next = text[item..line_end]
                .find(';')
                .map_or(line_end, |i| item + i);
            if let Some(t) = toks.get(k).filter(|t| t.start == item && t.end <= next) {
                let name_like = |j: usize| {
                    let t = &toks[j];
                    // Not an abbreviation in capitals ("CIN", "NFA", "DLA").
                    let capitals = t.end - t.start > 1
                        && text[t.start..t.end].bytes().all(|c| c.is_ascii_uppercase());
                    starts_capitalised(text, t)
                        && t.base_end == t.end
                        && (!capitals || name_list().contains_key(&*lowers[j]))
                        && !is_ordinary(&lowers[j])
                        && !STOPWORDS.contains(&&*lowers[j])
                        && !is_relation(&lowers[j])
                };
                if name_like(k) {
                    let end = if toks.get(k + 1).is_some_and(|n| {
                        n.end <= next && spaced(text, toks, k, k + 1) && name_like(k + 1)
                    }) {
                        toks[k + 1].end
                    } else {
                        t.end
                    };
                    out.push(Cand::new(FindingKind::Name, t.start, end));
                    listed.push((t.start, t.end));
                }
            }
            item = next + 1;
            while item < line_end && text.as_bytes()[item] == b' ' {
                item += 1;
            }
        }
    }
    learn_names(text, &listed, names);
}

/// A place found whose name goes on before it over a small word (a name found that ends
/// in a works, "Jura Distillery", is a place): "Isle of [Jura Distillery]", "Lorn and [Islands Hospital]", "Ashton on [Mersey School]", "Stratford
/// upon [Avon Hospital]". The capitalised word before the small word is the place's, not
/// a word of family, a title, or an everyday word opening a sentence ("Mum and [St
/// Mary's]", "Dr and [Oak House]" stay apart).
pub(super) fn places_over_small_words(text: &str, words: Words<'_>, cands: &mut [Cand]) {
    /// Workplaces a name found may end in, taken for a person's name when alone: "Jura
    /// Distillery".
    const WORKS: &[&str] = &[
        "distillery",
        "brewery",
        "factory",
        "creamery",
        "abattoir",
        "quarry",
    ];
    let Words { toks, lowers } = words;
    for c in cands.iter_mut() {
        if c.kind == FindingKind::Name
            && text[..c.end]
                .rsplit(' ')
                .next()
                .is_some_and(|w| WORKS.iter().any(|x| w.eq_ignore_ascii_case(x)))
        {
            c.kind = FindingKind::Place;
        }
        if c.kind != FindingKind::Place {
            continue;
        }
        let Some(k) = toks.partition_point(|t| t.end <= c.start).checked_sub(2) else {
            continue;
        };
        let (w, small) = (&toks[k], &toks[k + 1]);
        if small.end + 1 != c.start
            || !matches!(&*lowers[k + 1], "of" | "and" | "on" | "upon")
            || !spaced(text, toks, k, k + 1)
            || !starts_capitalised(text, w)
            || w.base_end != w.end
        {
            continue;
        }
        let l = &*lowers[k];
        // "the Police and [Leeds General Infirmary]": over "and", a word no dictionary has
        // ("Lorn"); over "of", a word that heads a place's name may open a sentence ("Isle
        // of [Jura Distillery] tour").
        const HEADS_OF_PLACES: &[&str] = &[
            "isle", "port", "kyle", "vale", "city", "island", "islands", "bay", "forest",
        ];
        let small = &*lowers[k + 1];
        if small == "and" && is_plainly_ordinary(l) {
            continue;
        }
        let heads = small == "of" && HEADS_OF_PLACES.contains(&l);
        // A person is "on" a place ("Kathleen on Oakbank halting site", "two Okoros on C
        // wing"): "on" and "upon" join a town to its river alone ("Ashton on Mersey",
        // "Stratford upon Avon").
        const RIVERS: &[&str] = &[
            "mersey", "thames", "tyne", "trent", "avon", "tees", "sea", "severn", "wear", "ouse",
            "humber", "wye", "dee", "lune", "soar", "derwent",
        ];
        let on = matches!(&*lowers[k + 1], "on" | "upon");
        if (on && !lowers.get(k + 2).is_some_and(|r| RIVERS.contains(&&**r)))
            || STOPWORDS.contains(&l)
            || KIN_BEFORE_NAMES.contains(&l)
            || ROLES.contains(&l)
            || is_honorific(l)
            || CALENDAR.contains(&l)
            || (sentence_start(text, w.start) && is_ordinary(l) && !heads)
        {
            continue;
        }
        c.start = w.start;
    }
}

/// A Cantonese name written in Jyutping, each syllable with its tone's figure: "Ho4
/// Wing6-si1", "Chan4 Ka1-jan1". Two words or more, one space apart, each a capital, up
/// to five letters and a tone (1 to 6), a given name's syllables joined by a hyphen, one
/// word at least so joined. Not codes ("Set3 Year7") nor a single word.
pub(super) fn names_in_jyutping(text: &str, out: &mut Vec<Cand>) {
    // A given name's syllables joined after a tone ("g6-s") must be somewhere: most texts
    // are ruled out by one look at their bytes.
    if !text
        .as_bytes()
        .windows(3)
        .any(|w| w[2] == b'-' && matches!(w[1], b'1'..=b'6') && w[0].is_ascii_lowercase())
    {
        return;
    }
    fn syllable(s: &str) -> bool {
        let b = s.as_bytes();
        (2..=7).contains(&b.len())
            && matches!(b[b.len() - 1], b'1'..=b'6')
            && b[..b.len() - 1].iter().all(u8::is_ascii_lowercase)
    }
    let word = |w: &str| {
        let mut parts = w.split('-');
        parts.next().is_some_and(|first| {
            first.starts_with(|c: char| c.is_ascii_uppercase())
                && syllable(&first.to_ascii_lowercase())
        }) && parts.all(syllable)
    };
    let mut run: Option<(usize, usize, usize, bool)> = None;
    let mut flush = |run: &mut Option<(usize, usize, usize, bool)>| {
        if let Some((s, e, n, joined)) = run.take()
            && n >= 2
            && joined
        {
            out.push(Cand::new(FindingKind::Name, s, e));
        }
    };
    for (at, w) in words_between_spaces(text) {
        if w.is_empty() || !word(w) {
            flush(&mut run);
            continue;
        }
        let end = at + w.len();
        match &mut run {
            Some((_, e, n, joined)) if text[*e..at] == *" " => {
                *e = end;
                *n += 1;
                *joined |= w.contains('-');
            }
            _ => {
                flush(&mut run);
                run = Some((at, end, 1, w.contains('-')));
            }
        }
    }
    flush(&mut run);
}

/// A surname in capitals the lists hold, inside or before a name found, as East Asian
/// names are written on forms: "Karen CHAN Ka-yan" (between an English name and the given
/// name), "CHAN, Ka Yan" (before the given names and a comma, the first of them short).
/// The whole is one name. Not a word in capitals that is no name ("Karen NOT Ka-yan"
/// stays two).
pub(super) fn surnames_in_capitals(text: &str, out: &mut Vec<Cand>) {
    let capitals = |w: &str| {
        (2..=12).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
            && name_list().contains_key(&w.to_ascii_lowercase())
    };
    let mut names: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == FindingKind::Name)
        .map(|c| (c.start, c.end))
        .collect();
    names.sort_unstable();
    let mut added = Vec::new();
    for (i, &(start, end)) in names.iter().enumerate() {
        // Between two names: "Karen CHAN Ka-yan".
        if let Some(&(next, next_end)) = names.get(i + 1)
            && next > end + 2
            && text[end..].starts_with(' ')
            && text[..next].ends_with(' ')
            && capitals(&text[end + 1..next - 1])
        {
            added.push(Cand::new(FindingKind::Name, start, next_end));
        }
        // Before the given names: "CHAN, Ka Yan", a short given name before the one found
        // or not.
        let mut before = &text[..start];
        if let Some(b) = before.strip_suffix(' ') {
            let w = b.rfind([' ', ',']).map_or(0, |i| i + 1);
            if b[w..].len() <= 3 && b[w..].starts_with(|c: char| c.is_ascii_uppercase()) {
                before = &b[..w];
            }
        }
        if let Some(b) = before.strip_suffix(", ") {
            // The surname's capitals, back to whatever is not one (a character of any
            // width).
            let w = b.len()
                - b.bytes()
                    .rev()
                    .take_while(|&c| c.is_ascii_uppercase() || c == b'-')
                    .count();
            if capitals(&b[w..]) {
                added.push(Cand::new(FindingKind::Name, w, end));
            }
        }
    }
    out.extend(added);
}

/// A letter of a script without capitals (Thai, Ge'ez, Arabic, Hebrew, Chinese, Hangul,
/// Tifinagh…), or of Georgian's everyday alphabet, which Unicode files as lowercase
/// though it has no capitals in use.
pub(super) fn caseless_letter(c: char) -> bool {
    (c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !is_mark(c))
        || ('\u{10D0}'..='\u{10FF}').contains(&c)
}

/// The end of up to `most` words of a script without capitals from byte `from`, one
/// space between each: "ศิริพร", "ნინო ბერიძე", "חיה שרה בת רבקה". A word ends within 160
/// bytes: a run of a script written without spaces is no name. `None` when no such word
/// starts at `from`, or when more words follow than `most` (a sentence, not a name).
fn caseless_run(text: &str, from: usize, most: usize) -> Option<usize> {
    let mut end = from;
    for n in 0..=most {
        let word_end = text[end..]
            .char_indices()
            .find(|&(i, ch)| i >= 160 || !(caseless_letter(ch) || is_mark(ch)))
            .map_or(text.len(), |(i, _)| end + i);
        if word_end == end {
            break;
        }
        if n == most {
            return None;
        }
        end = word_end;
        let next = end + 1;
        if !text[end..].starts_with(' ') || !text[next..].starts_with(caseless_letter) {
            break;
        }
        end = next;
    }
    (end > from && text[from..end].starts_with(caseless_letter)).then_some(end)
}

/// Words that say a name is given or written next: "Chinese name: 陳嘉欣", "Nasreen
/// wrote it: شازیہ بیگم", "the card says सीता गुरुङ".
#[rustfmt::skip]
const NAMING_WORDS: &[&str] = &[
    "name", "names", "named", "spelt", "spelled", "signed", "surname", "forename",
];
/// Languages and scripts a form's line gives a name in: "In Arabic: …", "Gujarati: …".
#[rustfmt::skip]
const SCRIPT_LANGUAGES: &[&str] = &[
    "arabic", "urdu", "farsi", "persian", "dari", "pashto", "kurdish", "sorani", "gujarati",
    "hindi", "punjabi", "gurmukhi", "bengali", "bangla", "tamil", "malayalam", "sinhala",
    "telugu", "kannada", "marathi", "nepali", "tibetan", "burmese", "khmer", "thai", "lao",
    "amharic", "tigrinya", "chinese", "mandarin", "cantonese", "japanese", "korean",
    "hebrew", "yiddish", "georgian", "armenian", "script",
];
/// What a name is written on: "the cot card says सीता गुरुङ".
#[rustfmt::skip]
const NAME_BEARERS: &[&str] = &[
    "card", "badge", "lanyard", "label", "wristband", "necklace", "bracelet", "passport",
    "documents", "form", "certificate",
];

/// A name in a script without capitals in a text written in Latin letters, up to four
/// words of it, where it stands as a name:
/// - after a colon, in a clause that says a name is given or written ("Chinese name:
///   陳嘉欣", "Nasreen wrote it: شازیہ بیگم", "her name in Tifinagh: ⵜⵉⵍⵉⵍⵍⵉ");
/// - after "says" or "reads" where the clause names what it is written on ("the cot card
///   says सीता गुरुङ");
/// - after "as" or a dash in a clause that says a name is given or written ("wrote her
///   name for the sheet as பார்வதி சிவநேசன்");
/// - after a name found and a comma, or its bracket ("Aarav, आरव", "WONG Tsz-hin
///   ("Tommy"), 黃子軒");
/// - in brackets after a name found, a few words before it ("Nino Beridze (on her
///   documents ნინო ბერიძე)", "(in Georgian ნინო ბერიძე)").
///
/// The same words elsewhere in the text are then that name too ("and then 陳嘉欣 in the
/// margin"). Words of such a script that stand for no one ("გამარჯობა, landlord came")
/// are left, and so is a run of more than four words: a sentence.
pub(super) fn names_in_other_scripts(text: &str, out: &mut Vec<Cand>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    let names: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == FindingKind::Name)
        .map(|c| (c.start, c.end))
        .collect();
    let name_ends_at = |at: usize| names.iter().any(|&(_, e)| e == at);
    let name_starts_at = |at: usize| names.iter().any(|&(s, _)| s == at);
    // The clause that ends at byte `at`, back to a sentence's end or a line break, or
    // 240 bytes at most (a longer run of words is read no further back: a line with
    // no stop in it may be long).
    let clause = |at: usize| {
        let floor = back_within(text, at, 240);
        let from = text[floor..at]
            .rfind(['.', '\n', '!', '?'])
            .map_or(floor, |i| floor + i + 1);
        &text[from..at]
    };
    let clause_has = |at: usize, words: &[&str]| {
        clause(at)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| words.iter().any(|n| n.eq_ignore_ascii_case(w)))
    };
    let mut from = 0;
    while let Some(off) = text[from..].find(caseless_letter) {
        let at = from + off;
        // The start of a word: nothing of its script before it.
        let Some(end) = caseless_run(text, at, 4) else {
            // Past this run of the script.
            from = at
                + text[at..]
                    .find(|c: char| !(caseless_letter(c) || is_mark(c) || c == ' '))
                    .unwrap_or(text.len() - at);
            continue;
        };
        from = end;
        if text[..at].ends_with(|c: char| c.is_alphanumeric() || is_mark(c)) {
            continue;
        }
        // It ends the name there: a sentence's end, a comma, a bracket or a word of
        // Latin letters after a space.
        let rest = &text[end..];
        if !(rest.is_empty()
            || rest.starts_with(['.', ',', ';', ')', '\n', '"', '”', ' ', '!', '?']))
        {
            continue;
        }
        let before = &text[..at];
        // "wrote it:", not "she wrote:" (a message, not a name).
        let after_colon = before.strip_suffix(": ").is_some_and(|b| {
            // A form's line that gives it in its language: "In Arabic: …".
            let label = clause(b.len()).trim();
            let language = label
                .strip_prefix("In ")
                .or_else(|| label.strip_prefix("in "))
                .unwrap_or(label);
            SCRIPT_LANGUAGES
                .iter()
                .any(|l| language.eq_ignore_ascii_case(l))
                || clause_has(b.len(), NAMING_WORDS)
                || ["wrote it", "write it", "writes it", "written it"]
                    .iter()
                    .any(|w| clause(b.len()).contains(w))
        });
        let written = ["says ", "reads "]
            .iter()
            .any(|w| before.ends_with(w) && clause_has(at - w.len(), NAME_BEARERS));
        // "she wrote her name for the sheet as பார்வதி சிவநேசன்", "wrote his name for the
        // wall – ሚካኤል ገብረሂወት –": after "as" or a dash, in a clause that says so.
        // "his mother, who signs હંસાબેન પટેલ": after a verb of signing; or of writing in
        // a clause that speaks of names ("surname first; she writes សុខ ចាន់ធី").
        let signs = ["signs ", "signed ", "sign "]
            .iter()
            .any(|w| before.ends_with(w))
            || ["writes ", "wrote ", "writing "]
                .iter()
                .any(|w| before.ends_with(w) && clause_has(at - w.len(), NAMING_WORDS));
        let given = [" as ", " – ", " - ", " — ", " is "].iter().any(|w| {
            if !before.ends_with(w) {
                return false;
            }
            // Whole words: not "this name", "assigned".
            let words: Vec<&str> = clause(at - w.len())
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            // "his own name – …", "her husband's name for the nurses in Kannada – …".
            words.iter().any(|w| w.eq_ignore_ascii_case("signed"))
                || words.windows(2).any(|p| {
                    p[1].eq_ignore_ascii_case("name")
                        && ["her", "his", "their", "my", "your", "own"]
                            .iter()
                            .any(|o| p[0].eq_ignore_ascii_case(o))
                })
                || (*w != " is "
                    && clause_has(at - w.len(), NAMING_WORDS)
                    && clause_has(at - w.len(), SCRIPT_LANGUAGES))
        });
        // "His grandmother ສົມພອນ (Somphone)": the name, then as it is spelt in Latin
        // letters in brackets.
        let spelt_after = text[end..].starts_with(" (")
            && name_starts_at(end + 2)
            && names
                .iter()
                .any(|&(s, e)| s == end + 2 && text[e..].starts_with(')'));
        // A bracket opened a few bytes before: looked for there only.
        let near_open = |b: &str| {
            let from = back_within(b, b.len(), 48);
            b[from..].rfind(" (").map(|o| from + o)
        };
        let apposed = before.strip_suffix(", ").is_some_and(|b| {
            name_ends_at(b.len()) || (b.ends_with(')') && near_open(b).is_some_and(&name_ends_at))
        });
        let bracketed = text[end..].starts_with(')')
            && near_open(before).is_some_and(|open| {
                let lead = &before[open + 2..];
                name_ends_at(open)
                    && lead.len() < 40
                    && lead.split(' ').count() <= 5
                    && lead
                        .split(' ')
                        .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
            });
        if after_colon || written || signs || given || apposed || bracketed || spelt_after {
            found.push((at, end));
        }
    }
    // The same name elsewhere in the text, each name looked for once.
    let mut again = Vec::new();
    let mut sought: Vec<&str> = Vec::new();
    for &(s, e) in &found {
        let name = &text[s..e];
        if sought.contains(&name) {
            continue;
        }
        sought.push(name);
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let bounded = !text[..at].ends_with(|c: char| caseless_letter(c) || is_mark(c))
                && !text[end..].starts_with(|c: char| caseless_letter(c) || is_mark(c));
            if at != s && bounded {
                again.push((at, end));
            }
        }
    }
    out.extend(
        found
            .into_iter()
            .chain(again)
            .map(|(s, e)| Cand::new(FindingKind::Name, s, e)),
    );
}

/// A combining mark (a vowel sign or virama of Devanagari, Thai, Ge'ez…): part of the
/// word it sits on. In the scripts of South and South-East Asia and Ethiopia, a
/// character that is neither a letter, a figure nor punctuation.
pub(super) fn is_mark(c: char) -> bool {
    let u = c as u32;
    if (0x0300..=0x036F).contains(&u) {
        return true;
    }
    ((0x0900..=0x0FFF).contains(&u)
        || (0x1000..=0x109F).contains(&u)
        || (0x1200..=0x139F).contains(&u)
        || (0x1780..=0x17FF).contains(&u))
        && !c.is_alphabetic()
        && !c.is_numeric()
        && !matches!(
            c,
            '\u{0964}'
                | '\u{0965}'
                | '\u{0E2F}'
                | '\u{0E46}'
                | '\u{0E4F}'
                | '\u{0E5A}'
                | '\u{0E5B}'
                | '\u{1361}'..='\u{1368}'
        )
}
