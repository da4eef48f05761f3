//! Street addresses, with a number or without, house names, districts and villages.

use super::*;

// ---------------------------------------------------------------------------------------
// Street addresses.

#[rustfmt::skip]
pub(super) const STREET_WORDS: &[&str] = &[
    "street", "road", "avenue", "lane", "close", "drive", "court", "crescent", "way",
    "place", "gardens", "terrace", "grove", "hill", "row", "walk", "square", "mews", "park",
    "rise", "view", "parade", "green", "vale", "boulevard", "wharf", "yard", "gate",
    "estate", "heights", "mount",
];
/// Street words of the north and of Scotland that end a street only after a house number
/// ("14 Hylton Bank", "3 Sandy Brow", "12 Kirk Wynd"): alone, "the Royal Bank" or "the
/// Chase" is no street. So are the words of a row of houses numbered as one ("2 Ferndale
/// Cottages", "14 Albert Buildings"), and a range of houses ("18 Audley Range").
#[rustfmt::skip]
pub(super) const NUMBERED_STREET_WORDS: &[&str] = &[
    "bank", "brow", "chase", "fold", "wynd", "garth", "cottages", "villas", "buildings",
    "mansions", "range",
];
/// What a bank that is no street holds: "2 Food Bank vouchers", "3 Blood Bank leaflets".
#[rustfmt::skip]
const BANKS_OF_THINGS: &[&str] = &[
    "food", "blood", "baby", "clothes", "clothing", "toy", "milk", "data", "sperm", "egg",
    "seed", "hygiene", "uniform", "furniture", "book", "time", "memory",
];
/// What a row of houses that is no street is let as: "2 Holiday Cottages", "3 Luxury
/// Villas".
#[rustfmt::skip]
const LETS_OF_THINGS: &[&str] = &[
    "holiday", "guest", "tourist", "luxury", "rental", "victorian", "edwardian", "georgian",
    "council", "office", "new", "modern", "period", "detached", "terraced",
];
#[rustfmt::skip]
pub(super) const STREET_ABBREVIATIONS: &[&str] = &[
    "St", "Rd", "Ave", "Ln", "Dr", "Cres", "Ct", "Pl", "Sq", "Gdns", "Terr", "Cl",
];
/// Street words that make an address even in lowercase ("14 elm road", "5 high st"):
/// the ones that are rarely anything but a street after a number and a word.
#[rustfmt::skip]
pub(super) const LOWERCASE_STREET_WORDS: &[&str] = &[
    "street", "road", "avenue", "lane", "crescent", "terrace", "grove", "mews", "gardens",
    "st", "rd", "ave",
];
#[rustfmt::skip]
pub(super) const FLAT_WORDS: &[&str] = &[
    "flat", "apartment", "apt", "unit", "room", "studio",
];

/// A house number: "14", "22b", "14-16".
pub(super) fn is_house_number(w: &str) -> bool {
    w.split(['-', '‐']).all(|part| {
        let n = part.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&n)
            && part.len() - n <= 1
            && part[n..].bytes().all(|c| c.is_ascii_alphabetic())
    })
}

/// Words of measure and time that a number and a street word may hold between them
/// without being an address ("3 minute walk", "2 lane road").
pub(super) fn is_measure(w: &str) -> bool {
    #[rustfmt::skip]
    const MEASURES: &[&str] = &[
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "mile", "miles",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "lane", "way",
        "km", "metre", "metres", "meter", "meters", "yard", "yards", "more", "other",
        "times", "people", "of",
    ];
    MEASURES.contains(&fold_str(w).as_str())
}

pub(super) fn addresses(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
                STREET_WORDS.contains(&l.as_str())
                    || STREET_ABBREVIATIONS.contains(&s)
                    || (NUMBERED_STREET_WORDS.contains(&l.as_str())
                        && !(l == "bank"
                            && BANKS_OF_THINGS.contains(&fold_str(word(prev)).as_str()))
                        && !LETS_OF_THINGS.contains(&fold_str(word(prev)).as_str()))
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
pub(super) const WELSH_STREET_WORDS: &[&str] = &[
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
/// French words for a street, which come before its name, as the Channel Islands write
/// them ("Rue de la Hougue", "Route des Landes").
const FRENCH_STREET_WORDS: &[&str] = &["Rue", "Ruette", "Route", "Chemin", "Clos", "Impasse"];
/// The small words between a French street's word and its name.
const FRENCH_PARTICLES: &[&str] = &["de", "du", "des", "la", "le", "les", "à", "au", "aux"];

/// A street named in French, its word first and a small word before the name ("Rue de
/// la Hougue", "Route des Landes"; not "Route 66" nor "the Rue"), with the house name
/// before it and its comma when that opens with "Le", "La" or "Les" ("Les Vinaires, Rue
/// de la Hougue", "Le Petit Courtil, Rue des Landes").
pub(super) fn french_streets(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    for k in 0..toks.len().saturating_sub(1) {
        // The cheapest test first: every word of every text passes here.
        if !matches!(text.as_bytes()[toks[k].start], b'R' | b'C' | b'I')
            || !FRENCH_STREET_WORDS.contains(&word(k))
        {
            continue;
        }
        // One or two small words, then the name: "de la Hougue", "des Landes", "d'Icart".
        let mut j = k + 1;
        while j < toks.len()
            && j <= k + 2
            && FRENCH_PARTICLES.contains(&&*lowers[j])
            && text[toks[j].start..].starts_with(char::is_lowercase)
            && spaced(text, toks, j - 1, j)
        {
            j += 1;
        }
        let elided = word(k + 1).starts_with("d'") || word(k + 1).starts_with("d’");
        if (j == k + 1 && !elided) || j >= toks.len() {
            continue;
        }
        let name = if elided { k + 1 } else { j };
        if !(elided || spaced(text, toks, j - 1, j))
            || !text[toks[name].start..]
                .trim_start_matches(['d', '\'', '’'])
                .starts_with(char::is_uppercase)
        {
            continue;
        }
        let mut start = toks[k].start;
        // The house's name before its comma: "Les Vinaires, ".
        if k > 0 && text[toks[k - 1].end..start] == *", " {
            let mut m = k - 1;
            while text[toks[m].start..].starts_with(char::is_uppercase) {
                if ["Le", "La", "Les"].contains(&word(m)) {
                    start = toks[m].start;
                    break;
                }
                if m == 0 || m + 3 <= k || !spaced(text, toks, m - 1, m) {
                    break;
                }
                m -= 1;
            }
        }
        out.push(Cand::new(FindingKind::Address, start, toks[name].end));
    }
}

/// Words for a street in the languages of Europe, before its name: Italy's, Portugal's,
/// Spain's and Catalonia's, Romania's and Poland's (with their short forms).
#[rustfmt::skip]
const STREET_WORDS_ABROAD: &[&str] = &[
    "Via", "Viale", "Piazza", "Corso", "Vicolo", "Rua", "Avenida", "Travessa", "Praça",
    "Calle", "Carrer", "Paseo", "Plaza", "Strada", "Str.", "Calea", "Bulevardul", "ul.",
    "Ul.", "ulica", "Ulica", "al.", "aleja", "Aleja", "os.", "plac", "Plac",
];
/// The ends of a street's one word in the languages that join it so: "Hauptstraße",
/// "Keizersgracht", "Storgatan", "Nørregade".
#[rustfmt::skip]
const STREET_ENDINGS_ABROAD: &[&str] = &[
    "straße", "strasse", "gasse", "straat", "gracht", "laan", "gatan", "vägen", "gade",
    "vej", "veien", "gata", "utca", "iela",
    // Czech and Slovak streets named as adjectives: "Přívozská", "Palackého" is not.
    "ská", "cká",
];
/// The parts of an address where houses are found by their block, plot or sector, as in
/// much of Africa, South Asia and the Middle East.
#[rustfmt::skip]
const PLOT_PARTS: &[&str] = &[
    "Block", "House", "Plot", "Sector", "Phase", "Zone", "Compound", "Building", "Villa",
    "Street", "Apartment", "Flat", "Square", "Tent", "Caravan", "Shelter",
];
/// Of which one at least is no part of a UK address ("Flat 2, House 3" is not enough),
/// and one at least somewhere to live ("Phase 2, Block 3" of a plan is not).
const PLOT_ONLY: &[&str] = &[
    "Block", "Plot", "Sector", "Phase", "Zone", "Compound", "Square",
];
#[rustfmt::skip]
const PLOT_HOMES: &[&str] = &[
    "House", "Plot", "Villa", "Building", "Apartment", "Flat", "Compound", "Tent", "Caravan",
    "Shelter",
];

/// An address given by its block, plot or sector and house, each part a word and its
/// number, two parts or more between commas, and the neighbourhood's name after them
/// where one follows that is no city or country: "Block 9, House 31, Al-Riyadh", "Plot
/// 14, Sector 3, Hayatabad". In a camp, its parts in lowercase and a sector by its
/// letter, with the camp's name before them: "Khanke camp, sector C, tent 114".
pub(super) fn blocks_and_plots(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    // Two parts at least, so a comma and a space before a part's word: most texts have
    // none, and are not read word by word.
    let part_after_comma = text.match_indices(", ").any(|(i, _)| {
        let rest = &text.as_bytes()[i + 2..];
        rest.first()
            .is_some_and(|c| b"BHPSZCVAFTbhpszcvaft".contains(c))
            && PLOT_PARTS.iter().any(|p| {
                rest.len() > p.len()
                    && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                    && rest[p.len()] == b' '
            })
    });
    if !part_after_comma {
        return;
    }
    let Words { toks, lowers } = words;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    // The part's word as the lists have it, capitalised ("tent" is "Tent"): its first
    // letter and length first, as most words are ruled out by them.
    let listed = |k: usize| {
        let w = word(k).as_bytes();
        if !(4..=9).contains(&w.len()) || !b"BHPSZCVAFTbhpszcvaft".contains(&w[0]) {
            return None;
        }
        PLOT_PARTS.iter().find(|p| {
            let p = p.as_bytes();
            p.len() == w.len() && p[0] == w[0].to_ascii_uppercase() && p[1..] == w[1..]
        })
    };
    // Whether a part starts at token k: its word, a space and its number (or a capital
    // alone, as a camp's sector is lettered).
    let part = |k: usize| {
        k + 1 < toks.len()
            && text.as_bytes()[toks[k].start].is_ascii_alphabetic()
            && listed(k).is_some()
            && &text[toks[k].end..toks[k + 1].start] == " "
            && (is_house_number(word(k + 1))
                || (word(k + 1).len() == 1 && word(k + 1).bytes().all(|c| c.is_ascii_uppercase())))
    };
    let is = |list: &[&str], k: usize| listed(k).is_some_and(|p| list.contains(p));
    let mut k = 0;
    while k + 1 < toks.len() {
        if !part(k) {
            k += 1;
            continue;
        }
        let (start, mut j, mut parts) = (k, k, 1);
        let mut foreign = is(PLOT_ONLY, k);
        let mut home = is(PLOT_HOMES, k);
        while j + 3 < toks.len() && &text[toks[j + 1].end..toks[j + 2].start] == ", " && part(j + 2)
        {
            j += 2;
            parts += 1;
            foreign |= is(PLOT_ONLY, j);
            home |= is(PLOT_HOMES, j);
        }
        let mut end = toks[j + 1].end;
        // A camp's name before its parts: "Khanke camp, sector C".
        let camp = start >= 2
            && &*lowers[start - 1] == "camp"
            && &text[toks[start - 1].end..toks[start].start] == ", "
            && &text[toks[start - 2].end..toks[start - 1].start] == " "
            && text[toks[start - 2].start..].starts_with(char::is_uppercase);
        if parts >= 2 && (foreign || camp) && home && right_boundary(text, end) {
            // The neighbourhood: one capitalised word after a comma, not a city's.
            if let Some(n) = toks.get(j + 2)
                && &text[end..n.start] == ", "
                && text[n.start..].starts_with(char::is_uppercase)
                && !n.digits
                && !big_places().contains(&*lowers[j + 2])
                && right_boundary(text, n.end)
            {
                end = n.end;
            }
            let from = if camp {
                toks[start - 2].start
            } else {
                toks[start].start
            };
            out.push(Cand::new(FindingKind::Address, from, end));
        }
        k = j + 2;
    }
}

/// The small words inside a street's name abroad: "Rua das Flores", "Via del Corso".
#[rustfmt::skip]
const PARTICLES_ABROAD: &[&str] = &[
    "da", "das", "de", "del", "della", "delle", "dei", "degli", "di", "do", "dos", "la",
    "las", "los", "el", "i", "e", "y", "von", "van", "der", "den",
];

/// An address abroad by its street and house number: the street's word first ("Via
/// Cimitile 12", "Rua das Flores 23", "ul. Długa 14", "Calle Mayor 5") or its one word
/// ending as a street does ("Hauptstraße 12", "Keizersgracht 118"), then a postcode of
/// figures after a comma where one follows ("…, 80035 Nola", "…, 80-827 Gdańsk").
pub(super) fn streets_abroad(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    for k in 0..toks.len().saturating_sub(1) {
        let w = word(k);
        // The cheapest tests first: the first letters of the list's words, and the last
        // letters of the endings on a long capitalised word.
        let first = text.as_bytes()[toks[k].start];
        let last = lowers[k].as_bytes().last().copied().unwrap_or(0);
        if !(b"VPCRATSBUuaop".contains(&first)
            || (w.len() >= 7 && first.is_ascii_uppercase() && b"etnja\xa1".contains(&last)))
        {
            continue;
        }
        let led = w.len() <= 10
            && (STREET_WORDS_ABROAD.contains(&w)
                || (text[toks[k].end..].starts_with('.')
                    && STREET_WORDS_ABROAD
                        .iter()
                        .any(|s| s.strip_suffix('.') == Some(w))));
        let joined = !led
            && w.len() >= 7
            && w.starts_with(char::is_uppercase)
            && !toks[k].digits
            && STREET_ENDINGS_ABROAD
                .iter()
                .any(|e| lowers[k].ends_with(e) && lowers[k].len() > e.len() + 2);
        if !(led || joined) {
            continue;
        }
        // The name: up to four capitalised words and small words between them.
        let mut j = k + 1;
        if led {
            let mut named = false;
            while j < toks.len() && j <= k + 5 {
                let gap = &text[toks[j - 1].end..toks[j].start];
                if !(gap == " " || gap == ". ") {
                    break;
                }
                let capital =
                    text[toks[j].start..].starts_with(char::is_uppercase) && !toks[j].digits;
                if capital {
                    named = true;
                } else if !(PARTICLES_ABROAD.contains(&&*lowers[j])
                    && text[toks[j].start..].starts_with(char::is_lowercase))
                {
                    break;
                }
                j += 1;
            }
            if !named {
                continue;
            }
        }
        // Then its house number, a space before it.
        if j >= toks.len()
            || &text[toks[j - 1].end..toks[j].start] != " "
            || !is_house_number(word(j))
        {
            continue;
        }
        if !right_boundary(text, toks[j].end) {
            continue;
        }
        out.push(Cand::new(FindingKind::Address, toks[k].start, toks[j].end));
        // A postcode of figures after a comma, before the town: "80035 Nola".
        let after = &text[toks[j].end..];
        if let Some(rest) = after.strip_prefix(", ") {
            let mut code = rest
                .bytes()
                .take_while(|c| c.is_ascii_digit() || *c == b'-')
                .count();
            // Czechia's and Slovakia's, three figures and two: "702 00 Ostrava".
            let b = rest.as_bytes();
            if code == 3
                && b.get(3) == Some(&b' ')
                && b.get(4..6)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && b.get(6) == Some(&b' ')
            {
                code = 6;
            }
            let digits = rest[..code].bytes().filter(u8::is_ascii_digit).count();
            if (4..=5).contains(&digits)
                && !rest[..code].ends_with('-')
                && rest[code..].starts_with(' ')
                && rest[code + 1..].starts_with(char::is_uppercase)
            {
                let s = toks[j].end + 2;
                out.push(Cand::new(FindingKind::Postcode, s, s + code));
            }
        }
    }
}

/// A district or a village named by a word and what it is, after "in", "from" or "near":
/// "in Gorse Hill", "from Hollins End", "near Hatch Green".
pub(super) fn districts(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
pub(super) fn streets_without_a_number(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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
        let named = |j: usize| capitalised_plain(text, words, j);
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
pub(super) fn lives_before(text: &str, words: Words<'_>, k: usize) -> bool {
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

pub(super) fn unnumbered_addresses(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
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

/// The end of the named building and street after a flat number ("Flat 12, Brook House,
/// Union Street", "Apartment 12, Kingfisher Court"): each a comma, then up to four
/// capitalised words ending in a building or street word.
pub(super) fn named_places_after(text: &str, toks: &[Tok], mut i: usize) -> Option<usize> {
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
pub(super) fn house_name_before(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
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
// Rooms, flats and pitches that are someone's home.

/// What a home is numbered by inside a lodging or on a site: "room 11", "Flat 4", "Unit
/// 9", "pitch 7", a static caravan on a holiday park as its people say it ("van 118").
#[rustfmt::skip]
const HOME_ROOM_WORDS: &[&str] = &[
    "room", "rm", "flat", "unit", "chalet", "studio", "caravan", "static", "van",
];
#[rustfmt::skip]
const HOME_PITCH_WORDS: &[&str] = &["pitch", "plot", "bay"];
/// What a number before it counts, so that it is no room's: "flat 12 miles out".
#[rustfmt::skip]
const COUNTED: &[&str] = &[
    "miles", "mile", "minutes", "mins", "hours", "hrs", "percent", "pounds", "quid", "mph",
    "degrees", "years", "weeks", "days", "times", "metres", "feet", "pence", "kg",
];
/// Rooms that are no one's home, whatever the building: "side room 2", "interview room 3".
#[rustfmt::skip]
const SHARED_ROOM_WORDS: &[&str] = &[
    "side", "meeting", "interview", "treatment", "family", "quiet", "sensory", "visiting",
    "visits", "group", "training", "waiting", "consulting", "counselling", "therapy", "staff",
    "day", "dining", "sitting", "tv", "games", "prayer", "contact", "clinic", "store",
    "laundry", "assessment", "seclusion", "isolation", "relatives", "board", "class",
    "classroom", "exam", "theatre", "recovery", "delivery", "labour", "birth", "sluice",
];

/// A room, flat or unit by its number where the note is about a lodging that is someone's
/// home (a hostel, a B&B or guest house, an approved premises, supported housing, a
/// refuge, a hotel as temporary accommodation, sheltered or extra care housing, a caravan
/// park or a field of caravans where workers live): "Seaview Guest House,
/// room 11", "his room at Room 14"; and a pitch, plot or bay on a Traveller or caravan
/// site ("council site, pitch 7", "halting site, bay 3"). It is part of an address. A
/// bed, bay or cell on a ward or a wing is no one's home and no identifier once the ward
/// and the day are gone, and neither is a room in a care home, a hospital or a hospice:
/// a note that names one of those leaves its rooms alone.
pub(super) fn home_rooms(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let numbered = |i: usize| {
        let w = &*lowers[i];
        (HOME_ROOM_WORDS.contains(&w) || HOME_PITCH_WORDS.contains(&w))
            && toks.get(i + 1).is_some_and(|n| {
                n.digits
                    && n.end - n.start <= 4
                    && text[n.start..].starts_with(|c: char| c.is_ascii_digit())
                    && is_house_number(&text[n.start..n.end])
            })
            && spaced(text, toks, i, i + 1)
            && (i == 0 || !SHARED_ROOM_WORDS.contains(&&*lowers[i - 1]))
            // Not a count of something after it: "flat 12 miles out".
            && !(i + 2 < toks.len()
                && spaced(text, toks, i + 1, i + 2)
                && COUNTED.contains(&&*lowers[i + 2]))
    };
    // The cheap test first: most notes number no room.
    let at: Vec<usize> = (0..toks.len().saturating_sub(1))
        .filter(|&i| numbered(i))
        .collect();
    if at.is_empty() {
        return;
    }
    let has = |w: &str| lowers.iter().any(|l| l == w);
    let pair = |a: &str, b: &str| {
        (1..toks.len())
            .any(|j| &*lowers[j - 1] == a && &*lowers[j] == b && spaced(text, toks, j - 1, j))
    };
    let b_and_b = text.contains("B&B") || text.contains("b&b");
    // "AP" in capitals: an approved premises ("Ashgrove House AP").
    let ap = toks.iter().any(|t| &text[t.start..t.end] == "AP");
    let lodging = has("hostel")
        || has("hostels")
        || has("guesthouse")
        || pair("guest", "house")
        || b_and_b
        || ap
        || pair("approved", "premises")
        || pair("supported", "housing")
        || pair("supported", "accommodation")
        || pair("supported", "living")
        || pair("temporary", "accommodation")
        || has("foyer")
        || has("refuge")
        || has("bedsit")
        || has("hotel")
        // Sheltered and extra care housing: "the scheme manager", "flat 12".
        || has("sheltered")
        || (pair("extra", "care") && (has("housing") || has("scheme")))
        || pair("scheme", "manager");
    // Caravans as homes: a park, or a field of them where seasonal workers live ("38
    // caravans, four to a caravan").
    let caravans = pair("caravan", "park") || pair("holiday", "park") || has("caravans");
    let site = caravans
        || (has("site")
            && [
                "traveller",
                "travellers",
                "halting",
                "council",
                "caravan",
                "transit",
                "gypsy",
            ]
            .iter()
            .any(|w| has(w)));
    if !(lodging || site) {
        return;
    }
    // A ward in lowercase, or by its number ("Ward 7"): "Ward" alone may be a surname.
    let ward = toks.iter().enumerate().any(|(j, t)| {
        let w = &text[t.start..t.end];
        w == "ward" || w == "wards" || (w == "Ward" && toks.get(j + 1).is_some_and(|n| n.digits))
    });
    let institution = ward
        || pair("care", "home")
        || pair("nursing", "home")
        || pair("residential", "home")
        || has("hospice")
        || has("hospital");
    for i in at {
        let w = &*lowers[i];
        // A pitch or plot is only ever a home on a site; a bay may be a ward's.
        let home = match w {
            "pitch" | "plot" => site,
            "bay" => site && !institution,
            _ => (lodging || caravans) && !institution,
        };
        if home {
            // With the park or site it is on: "Unit 9, Riverside Caravan Park".
            let end = text[toks[i + 1].end..]
                .starts_with(", ")
                .then(|| capitalised_run(text, toks, i + 2))
                .flatten()
                .filter(|&(last, _)| {
                    last > i + 2 && ["park", "site", "field"].contains(&&*lowers[last])
                })
                .map_or(toks[i + 1].end, |(_, end)| end);
            out.push(Cand::new(FindingKind::Address, toks[i].start, end));
        }
    }
}

/// A house by its number alone, after "at": "her neighbour at number 42", "lives at No.
/// 7a". The number is the identifier ("number" stays); not a place in a list or a
/// queue ("at number 3 on the waiting list", "at number 2 in the charts").
pub(super) fn house_numbers_alone(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    for k in 1..toks.len().saturating_sub(1) {
        let l = &*lowers[k];
        if !(l == "number" || l == "no") || &*lowers[k - 1] != "at" {
            continue;
        }
        let gap = &text[toks[k].end..toks[k + 1].start];
        let n = &toks[k + 1];
        let w = &text[n.start..n.end];
        if !(gap == " " || (l == "no" && gap == ". "))
            || !spaced(text, toks, k - 1, k)
            || !w.starts_with(|c: char| c.is_ascii_digit())
            || !is_house_number(w)
            || w.len() > 4
        {
            continue;
        }
        let next = toks.get(k + 2).filter(|_| spaced(text, toks, k + 1, k + 2));
        if next.is_some_and(|_| ["on", "in", "of", "out"].contains(&&*lowers[k + 2])) {
            continue;
        }
        out.push(Cand::new(FindingKind::Address, n.start, n.end));
    }
}

/// Grid references after "grid" ("grid NY 3365 0412", "OS grid TG 390 213", "Irish grid
/// H 287 285", "grid SN 74688102"), or just before it ("NY 548 132 (grid ref from the
/// call)"): an Ordnance Survey square of two letters, or an
/// Irish grid's one, then an easting and a northing of equal length, apart or in one run
/// of figures. Without the word "grid" before it, letters and figures like these are as
/// often a code. A square run into its figures ("SN74688102") and a reference after
/// "grid ref:" are found as records already, by their shape and by the cue.
pub(super) fn grid_references(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    // Most texts hold no "grid" at all.
    if !text
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"grid"))
    {
        return;
    }
    let word = |t: &Tok| &text[t.start..t.end];
    let figures = |t: &Tok| word(t).bytes().all(|c| c.is_ascii_digit());
    // What may stand between "grid", its label and the reference: spaces, ":" or ".".
    let near = |a: &Tok, b: &Tok| text[a.end..b.start].bytes().all(|c| b" :.".contains(&c));
    // Figures a space after `t`: a group of the same reference.
    let group_after = |k: usize| {
        toks.get(k + 1)
            .filter(|n| figures(n) && text[toks[k].end..n.start].bytes().all(|c| c == b' '))
    };
    // The end of a reference whose square is token `j`, if one is there.
    let reference_at = |j: usize| {
        let w = word(&toks[j]);
        let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
        let known = match &w.as_bytes()[..letters] {
            [one] => *one != b'I',
            [first, second] => b"HJNOST".contains(first) && *second != b'I',
            _ => false,
        };
        if !known || letters != w.len() {
            return None;
        }
        group_after(j).and_then(|easting| {
            let n = easting.end - easting.start;
            match group_after(j + 1) {
                // An easting and a northing of equal length; unequal ones are none.
                Some(northing) => ((2..=5).contains(&n) && northing.end - northing.start == n)
                    .then_some(northing.end),
                // Both in one run of figures: "SN 74688102".
                None => (n % 2 == 0 && (4..=10).contains(&n)).then_some(easting.end),
            }
        })
    };
    for (i, t) in toks.iter().enumerate() {
        if !word(t).eq_ignore_ascii_case("grid") {
            // Or "grid" just after it: "at NY 548 132 (grid ref from the call)".
            if t.end - t.start <= 2
                && text.as_bytes()[t.start].is_ascii_uppercase()
                && let Some(end) = reference_at(i)
                && let Some(n) = toks.iter().skip(i + 2).find(|n| n.start >= end)
                && word(n).eq_ignore_ascii_case("grid")
                && matches!(&text[end..n.start], " (" | ", " | " " | " - " | " – ")
            {
                out.push(Cand::new(FindingKind::Address, t.start, end));
            }
            continue;
        }
        let mut j = i + 1;
        if toks.get(j).is_some_and(|n| {
            near(t, n)
                && ["ref", "reference"]
                    .iter()
                    .any(|l| word(n).eq_ignore_ascii_case(l))
        }) {
            j += 1;
        }
        if toks.get(j).is_none_or(|sq| !near(&toks[j - 1], sq)) {
            continue;
        }
        if let Some(end) = reference_at(j) {
            out.push(Cand::new(FindingKind::Address, toks[j].start, end));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The line of an address before its postcode.

/// Small words a line of an address holds in lowercase between capitalised ones: Welsh
/// "Pen y Cae", Cornish "Chy an Mor", "Stratford upon Avon", "Easter Haughhead by
/// Morebattle".
const ADDRESS_PARTICLES: &[&str] = &["y", "yr", "an", "ar", "by", "upon", "on", "le", "de"];

/// The line of an address just before its postcode, whatever everyday words it is made
/// of: a house number and capitalised words, or capitalised words alone, back to
/// whatever is not one of them ("at Hell Bay View, TR23 0PR", "Address: High Gill Farm,
/// DL8 3RN", "2 Ferndale Cottages, EX6 7QR"); and the line before that one when it holds
/// a number or ends in a street's or a building's word ("4 Laburnum Villas, Penrith CA11
/// 8QT"). The words found there as a name join the address when the line ends in a
/// street's or a building's word or opens with a number; otherwise a name before a
/// postcode is a person's ("Kwame Mensah, LS6 2AB"). Not a title and a name, one
/// everyday word ("Thanks, IM7 5EA"), nor one place too big to identify anyone ("in
/// Leeds, LS1 4AP").
pub(super) fn lines_before_postcodes(text: &str, words: Words<'_>, cands: &mut Vec<Cand>) {
    let postcodes: Vec<usize> = cands
        .iter()
        .filter(|c| c.kind == FindingKind::Postcode)
        .map(|c| c.start)
        .collect();
    for p in postcodes {
        let mut at = p;
        for nearest in [true, false] {
            let Some(line) = line_of_address_before(text, words, at) else {
                break;
            };
            let (start, end) = (words.toks[line.first].start, words.toks[line.last].end);
            let named = cands
                .iter()
                .any(|c| c.kind == FindingKind::Name && c.start < end && start < c.end);
            if !(line.housed || (nearest && !named)) {
                break;
            }
            cands.push(Cand::new(FindingKind::Address, start, end));
            at = start;
        }
    }
}

/// One line of an address found by [`line_of_address_before`]: its first and last
/// tokens, and whether it holds a number or ends in a street's or a building's word.
struct AddressLine {
    first: usize,
    last: usize,
    housed: bool,
}

/// The line of an address that ends just before byte `at` and a comma, a space or a line
/// break:
/// capitalised words (and the small words between them) one space apart, back to a
/// house number or to whatever is not part of the line.
fn line_of_address_before(text: &str, words: Words<'_>, at: usize) -> Option<AddressLine> {
    let Words { toks, lowers } = words;
    let before = &text[..at];
    // A comma, a space or a line break before what follows: an address block sets its
    // lines one under another ("4 Laburnum Villas\nPenrith\nCA11 8QT").
    let line_end = before
        .strip_suffix(", ")
        .or_else(|| before.strip_suffix(",\n"))
        .or_else(|| before.strip_suffix([' ', '\n']))?;
    let i = toks.partition_point(|t| t.end <= line_end.len());
    let last = i
        .checked_sub(1)
        .filter(|&j| toks[j].end == line_end.len())?;
    let ok = |j: usize, inner: bool| {
        let t = &toks[j];
        let l = &*lowers[j];
        (starts_capitalised(text, t)
            && t.base_end == t.end
            && !is_honorific(l)
            && !CALENDAR.contains(&l))
            || (inner && ADDRESS_PARTICLES.contains(&l))
    };
    if !ok(last, false) {
        return None;
    }
    let mut first = last;
    let mut numbered = false;
    while first > 0 && last - first < 5 && spaced(text, toks, first - 1, first) {
        let prev = &toks[first - 1];
        if prev.digits && is_house_number(&text[prev.start..prev.end]) {
            first -= 1;
            numbered = true;
            break;
        }
        if !ok(first - 1, true) {
            break;
        }
        first -= 1;
    }
    // A line opens with a capitalised word or its number, not a small word nor an
    // everyday word opening a sentence after a full stop ("Plan agreed. Home Birch
    // Croft, Glebe Road"); and a title before it makes it a person's name.
    while !numbered
        && first < last
        && (!starts_capitalised(text, &toks[first])
            || (is_ordinary(&lowers[first])
                && text[..toks[first].start]
                    .trim_end()
                    .ends_with(['.', '!', '?'])))
    {
        first += 1;
    }
    if first > 0 && is_honorific(&lowers[first - 1]) {
        return None;
    }
    let l = &*lowers[last];
    let housed = numbered
        || STREET_WORDS.contains(&l)
        || NUMBERED_STREET_WORDS.contains(&l)
        || BUILDING_WORDS.contains(&l);
    // Everyday words alone are no line of a home unless a street's or a building's word
    // ends them: "Home Visit, LS6 2AB", "Thanks, IM7 5EA".
    if !housed && (first..=last).all(|j| is_ordinary(&lowers[j])) {
        return None;
    }
    // A town too big to identify anyone is no line of a home ("in Leeds, LS1 4AP",
    // "Merthyr Tydfil CF47 9RX").
    let big = || {
        big_places().contains(&*lowers[first])
            || big_places().contains(&fold_str(&text[toks[first].start..toks[last].end]))
    };
    if !housed && big() {
        return None;
    }
    Some(AddressLine {
        first,
        last,
        housed,
    })
}
