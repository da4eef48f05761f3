//! Numbers that pick someone out: case, hospital and record numbers, phones, NHS-like
//! and National Insurance numbers, vehicle registrations and postcodes.

use super::*;

// ---------------------------------------------------------------------------------------
// Hospital, case and record numbers: a cue, then the number.

/// Words that make a cue of their own: "ref 2023/118734", "MRN 1234567", "Police log
/// PL/4471/26", "Client record RX-20931", "Home Office reference is B1234567", and the
/// case and incident record systems of UK care, whose name before a number says whose
/// record it is ("Mosaic 5518204", "Datix 448120"), an ambulance dispatch's incident
/// ("CAD 140325-0456"), and the personal numbers of Poland and Romania and the Home
/// Office's application number ("PESEL 90051412378", "UAN 1212-0349-7781-0046").
#[rustfmt::skip]
pub(super) const RECORD_HEADS: &[&str] = &[
    "ref", "refs", "reference", "references", "mrn", "id", "log", "record", "crn", "urn",
    "upn", "mosaic",
    "datix", "liquidlogic", "lcs", "eclipse", "carefirst", "rio", "systmone", "emis",
    "paris", "wccis", "swift", "frameworki", "azeus", "ulysses", "careflow", "cerner",
    "las", "pnc", "cro", "brp", "arc", "passport", "nass", "cad",
    // Personal numbers of the countries many clients of UK services come from, and the
    // Home Office's application number: "PESEL 90051412378", "CNP 1890715400123",
    // "UAN 1212-0349-7781-0046".
    "pesel", "cnp", "uan",
    // And of Lithuania ("asmens kodas"), Bulgaria ("EGN"), Hungary ("TAJ"), Sri Lanka
    // ("NIC") and Afghanistan ("tazkira"), and a registrant's PIN ("NMC PIN 09I3372S").
    "kodas", "egn", "taj", "nic", "tazkira", "pin",
    // And the identity cards, passports and personal numbers of more countries, by the
    // word that ends their name: Poland's "dowód osobisty" and "paszport", Italy's
    // "codice fiscale", France's "carte d'identité" and "passeport", Germany's
    // "Personalausweis", Spain's "DNI" and "NIF", Latin America's "cédula" and "CURP",
    // Sweden's and Norway's "personnummer", the Netherlands' "BSN", Turkey's "kimlik",
    // India's "Aadhaar", Pakistan's "CNIC", Indonesia's "NIK", Nigeria's "NIN" and
    // Ethiopia's "kebele" card.
    "osobisty", "paszport", "fiscale", "identite", "passeport", "pasaporte", "passaporto",
    "personalausweis", "ausweis", "dni", "nif", "cedula", "cédula", "identité", "d'identité",
    "d'identite", "curp", "personnummer", "bsn",
    "kimlik", "aadhaar", "aadhar", "cnic", "nik", "nin", "kebele",
    // A phone's handset ("IMEI 356938035643809"), a vessel's radio identity ("MMSI
    // 232004185"), an e-Referral's booking number ("UBRN: 0004 4821 7306"), Norway's and
    // Denmark's personal numbers, and an incident by its number ("incident
    // 250314-0448").
    "imei", "mmsi", "ubrn", "fødselsnummer", "fodselsnummer", "incident",
    // Iceland's personal number, Czechia's birth number ("rodné číslo"), a police
    // officer's collar number.
    "kennitala", "cislo", "collar",
    // New Zealand's health number ("NHI ZKT4127"), a home's supply and property numbers
    // ("MPAN 15 4182 2730 611", "MPRN", "UPRN") and a meter's serial; Chile's, Malaysia's
    // and Singapore's personal numbers ("RUT", "MyKad", "NRIC").
    "nhi", "mpan", "mprn", "uprn", "serial", "rut", "mykad", "nric",
    // A pet's microchip ("microchip 985141004182207", "chip 977…"), which names its
    // household on the database; an NHS low-income certificate ("HC2 certificate
    // 401822734"); Madagascar's identity card ("CIN 101 231 044 187"); a US social
    // security number ("SSN 431-27-0418").
    "microchip", "chip", "certificate", "cin", "ssn",
];
/// Words that make a cue after another word: "case number", "staff no.", "RiO number",
/// "hospital no", but not "the number" or "phone number" (a phone is found as one).
/// And a herd's mark: "herd mark UK 341448".
pub(super) const RECORD_NUMBER_WORDS: &[&str] = &["number", "no", "num", "nos", "numbers", "mark"];
#[rustfmt::skip]
pub(super) const NOT_RECORD_CUES: &[&str] = &[
    "phone", "mobile", "telephone", "tel", "landline", "fax", "contact", "house", "door",
    "room", "bed", "bay", "flat", "page", "table", "bus", "route", "platform", "year",
    "size", "version", "question", "item", "point", "step", "line", "a", "the", "any",
    "same", "that", "this", "his", "her", "their", "my", "our", "your", "its", "no",
    "small", "large", "big", "huge", "growing", "whole", "total", "certain", "great",
    "good", "high", "low", "lucky", "round", "odd", "even", "of", "to", "in", "on", "at",
];

/// For each first letter, the lengths of the words of [`RECORD_HEADS`] and
/// [`RECORD_NUMBER_WORDS`] that start with it (bit n: a word of n letters): most words
/// are ruled out as a cue by these two before a list is read.
pub(super) const RECORD_CUE_SHAPES: [u16; 26] = {
    let (heads, numbers) = (
        title_shapes(RECORD_HEADS),
        title_shapes(RECORD_NUMBER_WORDS),
    );
    let mut shapes = [0_u16; 26];
    let mut i = 0;
    while i < 26 {
        shapes[i] = heads[i] | numbers[i];
        i += 1;
    }
    shapes
};

/// Whether `s` folds (as [`fold_str`] does) to exactly `target`, without allocating.
pub(super) fn folds_to(s: &str, target: &str) -> bool {
    let mut t = target.chars();
    for c in s.chars() {
        let c = if c == '’' { '\'' } else { fold(c) };
        if t.next() != Some(c) {
            return false;
        }
    }
    t.next().is_none()
}

/// A run of eleven to thirteen figures alone, not opening with 0 unless longer than a UK
/// phone (eleven figures that do) and not found already (a phone from abroad is): the
/// length of the personal numbers of Poland, Lithuania, Sri Lanka and Romania
/// ("48902170123", "198876543210") and of Vietnam's citizen card ("040209004418"),
/// whatever its cue. (An order's number runs longer: "Order 448812345678901".) And an
/// Aadhaar number's three groups of four, where its check figure holds or its name comes
/// just before.
pub(super) fn long_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let four = |t: &Tok| {
        t.end - t.start == 4
            && text.as_bytes()[t.start..t.end]
                .iter()
                .all(u8::is_ascii_digit)
    };
    for (i, t) in toks.iter().enumerate() {
        let w = &text.as_bytes()[t.start..t.end];
        // Twelve figures in three groups of four, opening 2 to 9, as India's Aadhaar is
        // written ("4821 7730 1956"); not three years ("2024 2025 2026"), nor a phone.
        if four(t)
            && (b'2'..=b'9').contains(&w[0])
            && let (Some(b), Some(c)) = (toks.get(i + 1), toks.get(i + 2))
            && four(b)
            && four(c)
            && &text[t.end..b.start] == " "
            && &text[b.end..c.start] == " "
            && ![t, b, c]
                .iter()
                .all(|x| text[x.start..].starts_with("19") || text[x.start..].starts_with("20"))
            && run_may_start(text, t.start)
            && right_boundary(text, c.end)
            && !toks
                .get(i + 3)
                .is_some_and(|d| four(d) && &text[c.end..d.start] == " ")
            // Its check figure holds, or its name comes just before ("Aadhaar card, …").
            && (verhoeff_ok(
                &[t, b, c]
                    .iter()
                    .map(|x| &text[x.start..x.end])
                    .collect::<String>(),
            ) || {
                let before = text[back_within(text, t.start, 32)..t.start].to_ascii_lowercase();
                before.contains("aadhaar") || before.contains("aadhar")
            })
            && !out.iter().any(|o| o.start < c.end && t.start < o.end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, t.start, c.end));
            continue;
        }
        if (11..=13).contains(&w.len())
            && (w[0] != b'0' || w.len() >= 12)
            && !out.iter().any(|c| c.start < t.end && t.start < c.end)
            && w.iter().all(u8::is_ascii_digit)
            && run_may_start(text, t.start)
            && right_boundary(text, t.end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
        }
    }
}

/// Whether a run of figures carries a valid Verhoeff check digit, as an Aadhaar number's
/// last figure is: one mistyped figure or two swapped fail it.
pub(super) fn verhoeff_ok(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    !digits.is_empty() && c == 0
}

/// Spans found, sorted by their start with the furthest end reached so far: whether a
/// span overlaps one of them is two lookups, however many there are and however they
/// overlap each other.
pub(super) struct Taken {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Taken {
    pub(super) fn new(cands: &[Cand]) -> Self {
        let mut spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
        spans.sort_unstable();
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|&(_, e)| {
                furthest = furthest.max(e);
                furthest
            })
            .collect();
        Taken {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            reach,
        }
    }

    /// Whether `start..end` overlaps a span: one starting before `end` reaches past
    /// `start`.
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.starts.partition_point(|&s| s < end);
        n > 0 && self.reach[n - 1] > start
    }
}

/// Whether a number after a loose cue is a phone's, for the phone rules to find: from
/// abroad with its "+", or a UK number of ten or eleven figures from its 0.
fn phone_shaped(s: &str) -> bool {
    s.starts_with('+')
        || (s.starts_with('0') && (10..=11).contains(&s.bytes().filter(u8::is_ascii_digit).count()))
}

/// Capitals before figures that name a standard, a financial year or a virus, not a
/// person's reference.
const CODE_PREFIXES_OF_NO_ONE: &[&str] = &[
    "FY", "ISO", "BS", "EN", "IEC", "IEEE", "RFC", "PAS", "COVID", "SARS", "Q",
];

/// References by their shape alone, whatever their cue:
/// - capitals and figures run together, eight to twenty of them with five figures or
///   more (six with hyphens between parts), opening with a capital ("LU25P00318", a
///   family court's case; "C2G5X71234K", "GWH-B2503-0412"); not a quantity with its unit
///   after it ("250000IU"), nor what has the shape of an NI number (the NI rule's);
/// - a South Korean resident number, its first six figures a day of birth and the
///   seventh 1 to 4 ("690412-2184736");
/// - a number in thousands with stops, three groups after the first or more, as
///   Colombia and Spain write an identity number ("1.036.482.917").
pub(super) fn codes_by_shape(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let figures = |t: &Tok, n: usize| {
        t.end - t.start == n && t.digits && !t.letters && b[t.start..t.end].is_ascii()
    };
    // What was found before, asked of each code in O(log n): a text of many codes stays
    // linear. (What this function adds is token by token and overlaps nothing it adds.)
    let found = Taken::new(out);
    for (i, t) in toks.iter().enumerate() {
        // A South Korean resident number, its first six figures a day of birth and the
        // seventh 1 to 4: "690412-2184736".
        let w = &b[t.start..t.end];
        if w.len() == 14
            && w[6] == b'-'
            && w.iter()
                .enumerate()
                .all(|(k, c)| k == 6 || c.is_ascii_digit())
            && (b'1'..=b'4').contains(&w[7])
            && (1..=12).contains(&((w[2] - b'0') * 10 + (w[3] - b'0')))
            && (1..=31).contains(&((w[4] - b'0') * 10 + (w[5] - b'0')))
            && run_may_start(text, t.start)
            && right_boundary(text, t.end)
            && !found.overlaps(t.start, t.end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
            continue;
        }
        // A number in thousands with stops, three groups after the first or more, as
        // Colombia and Spain write an identity number: "1.036.482.917".
        if t.digits
            && !t.letters
            && (1..=3).contains(&(t.end - t.start))
            && run_may_start(text, t.start)
            && !matches!(char_before(text, t.start), Some('£' | '$' | '€'))
        {
            let mut k = i;
            while let Some(n) = toks.get(k + 1)
                && n.start == toks[k].end + 1
                && b[toks[k].end] == b'.'
                && figures(n, 3)
            {
                k += 1;
            }
            if k >= i + 3
                && right_boundary(text, toks[k].end)
                && !found.overlaps(t.start, toks[k].end)
            {
                out.push(Cand::new(FindingKind::RecordNumber, t.start, toks[k].end));
            }
            continue;
        }
    }
    for t in toks {
        let w = &text.as_bytes()[t.start..t.end];
        if !(t.digits && t.letters && (8..=20).contains(&w.len())) {
            continue;
        }
        let digits = w.iter().filter(|c| c.is_ascii_digit()).count();
        let hyphens = w.iter().filter(|&&c| c == b'-').count();
        if digits < 5 + usize::from(hyphens > 0)
            || !w
                .iter()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || *c == b'-')
            // Opening with a capital: not figures with a unit after them, nor a date and
            // its time ("2025-03-04T10").
            || !w[0].is_ascii_uppercase()
            // A standard's or a year's name: "ISO27001", "FY2024-25".
            || CODE_PREFIXES_OF_NO_ONE.iter().any(|p| {
                w.starts_with(p.as_bytes()) && w.get(p.len()).is_some_and(u8::is_ascii_digit)
            })
            // An NI number's shape is the NI rule's to judge ("DA123456C" is none).
            || (w.len() <= 9
                && w[..2].iter().all(u8::is_ascii_uppercase)
                && w[2..8].iter().all(u8::is_ascii_digit))
            || !run_may_start(text, t.start)
            || !right_boundary(text, t.end)
            || found.overlaps(t.start, t.end)
        {
            continue;
        }
        out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
    }
}

/// Case, hospital, record and reference numbers after their cue: the cue is a word of its
/// own ("ref", "MRN") or "number"/"no." after another word ("case number"); "is", "was",
/// a colon or a few words ending in "is" may come between ("ID number for the hostel
/// system is HX-77213"). The number may be in parts ("23/00412/ASC", "CLA 304188").
pub(super) fn record_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
        // A word starting with an ASCII letter is a cue only in the shape of one: its first
        // letter, and (all ASCII, so that it folds to its own length) its length.
        if !ends_ref
            && h.as_bytes().first().is_some_and(|&c| {
                if !c.is_ascii_alphabetic() {
                    return c.is_ascii();
                }
                let lengths = RECORD_CUE_SHAPES[usize::from(c.to_ascii_lowercase() - b'a')];
                lengths == 0 || (h.is_ascii() && (h.len() >= 16 || lengths & (1 << h.len()) == 0))
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
        // "registration number, 690412-2184736": a comma only before six figures or more.
        let comma_before_long = gap == ", "
            && !phone_shaped(&text[first.start..first.end])
            && text[first.start..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .filter(u8::is_ascii_digit)
                .count()
                >= 6;
        if !comma_before_long && (gap.len() > 4 || !gap.chars().all(|c| " :#.-=(".contains(c))) {
            continue;
        }
        // A police log by its number and day: "log 1437 of 25/12/2024", "BTP log 0562 of
        // 14/03/2025": three figures are enough before "of" and a date.
        if is(head, "log")
            && gap == " "
            && first.digits
            && !first.letters
            && (3..=6).contains(&(first.end - first.start))
            && text[first.end..].starts_with(" of ")
            && text[first.end + 4..].starts_with(|c: char| c.is_ascii_digit())
        {
            out.push(Cand::new(FindingKind::RecordNumber, first.start, first.end));
            continue;
        }
        // Words between the cue and the number, without "is" or "was": the number must
        // then be long enough to be no count ("ref she gave me 7731 9925 04").
        let mut far = false;
        if is(first, "is") || is(first, "was") {
            j += 1;
        } else if !first.digits
            && !text[first.start..first.end]
                .bytes()
                .all(|c| c.is_ascii_uppercase())
        {
            // "for the hostel system is": up to five lowercase words, then "is" or "was";
            // or up to four (a name after "for" among them) before the number itself:
            // "Passport for Mihai: 055827316", "Clinic no for the first guy GUM25-004412".
            let mut k = j;
            let mut ok = false;
            while k < toks.len() && k < j + 6 {
                let t = &toks[k];
                let g = &text[toks[k - 1].end..t.start];
                let named = k > j
                    && is(&toks[k - 1], "for")
                    && t.letters
                    && !t.digits
                    && text[t.start..t.end].starts_with(char::is_uppercase);
                if k > j
                    && k <= j + 4
                    && (g == " " || g == ": ")
                    && text[t.start..t.end].starts_with(|c: char| c.is_ascii_alphanumeric())
                    && t.digits
                {
                    far = true;
                    break;
                }
                if g != " "
                    || t.digits
                    || !(named || text[t.start..t.end].starts_with(char::is_lowercase))
                {
                    break;
                }
                if is(t, "is") || is(t, "was") {
                    ok = true;
                    break;
                }
                // A name after "for" ends the words: its colon may follow.
                if named && text[t.end..].starts_with(": ") {
                    if toks.get(k + 1).is_some_and(|n| n.digits) && k < j + 4 {
                        k += 1;
                        far = true;
                    }
                    break;
                }
                k += 1;
            }
            if far {
                j = k;
            } else if ok {
                j = k + 1;
            } else {
                continue;
            }
        }
        let Some(id) = toks.get(j) else { continue };
        let g = &text[toks[j - 1].end..id.start];
        if j > i + 1 && g != " " && g != ": " {
            continue;
        }
        // Within one clause: "ref, see below. 12345678" is no reference.
        if far && text[head.end..id.start].contains(['\n', '.', ';', '!', '?', ',']) {
            continue;
        }
        // Figures dictated one or two at a time, five groups or more: "Service number 25 1
        // 4 7 8 3 9" (not "case number 3 and 4").
        let small = |t: &Tok| {
            t.digits && !t.letters && t.end - t.start <= 2 && text[t.start..t.end].is_ascii()
        };
        // After a prefix of capitals: "ref GWF 0 7 1 4 4 8 2 3 9".
        let prefixed = {
            let p = &text[id.start..id.end];
            (1..=4).contains(&p.len())
                && p.bytes().all(|c| c.is_ascii_uppercase())
                && toks
                    .get(j + 1)
                    .is_some_and(|n| small(n) && &text[id.end..n.start] == " ")
        };
        let from = if prefixed { j + 1 } else { j };
        let mut k = from;
        while small(&toks[k])
            && toks
                .get(k + 1)
                .is_some_and(|n| small(n) && &text[toks[k].end..n.start] == " ")
        {
            k += 1;
        }
        if k >= from + 4 && right_boundary(text, toks[k].end) {
            out.push(Cand::new(FindingKind::RecordNumber, id.start, toks[k].end));
            continue;
        }
        // Groups of one to seven figures with single spaces between, nine to sixteen
        // figures in all, as an identity card prints them: "Thai ID no.: 3 4101 00512 34
        // 7", Rwanda's "1 1979 7 0041837 0 62"; or six, as Norway's and Denmark's
        // personal numbers open with a day of birth: "fødselsnummer 140352 48213".
        let figures_only = |t: &Tok| {
            t.digits && !t.letters && t.end - t.start <= 7 && text[t.start..t.end].is_ascii()
        };
        // Not a phone's groups: "number 07 838 502 117".
        let phone = text[id.start..].starts_with('0');
        let mut k = j;
        let mut total = 0;
        while k < toks.len() && figures_only(&toks[k]) {
            total += toks[k].end - toks[k].start;
            if toks
                .get(k + 1)
                .is_some_and(|n| figures_only(n) && &text[toks[k].end..n.start] == " ")
            {
                k += 1;
            } else {
                break;
            }
        }
        let day_and_figures = k == j + 1
            && toks[j].end - toks[j].start == 6
            && (4..=5).contains(&(toks[k].end - toks[k].start));
        if (k >= j + 2 || day_and_figures)
            && !phone
            && (9..=16).contains(&total)
            && k < toks.len()
            && right_boundary(text, toks[k].end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, id.start, toks[k].end));
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
            let figures = |t: &Tok| {
                let s = &text[t.start..t.end];
                (2..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
            };
            // A reference written in groups of figures: "UC 7710 3345 92" (not "ref
            // 2231 14 March", a day after it).
            // From its first group only in fours, three groups or more: "Aadhaar 2345
            // 6789 0123".
            let fours = |t: &Tok| t.end - t.start == 4 && figures(t);
            let grouped = g == " "
                && (end_tok > j
                    || far
                    || (fours(cur)
                        && fours(next)
                        && toks
                            .get(end_tok + 2)
                            .is_some_and(|m| figures(m) && &text[next.end..m.start] == " ")))
                && figures(cur)
                && figures(next)
                && toks
                    .get(end_tok + 2)
                    .is_none_or(|m| month_of(&text[m.start..m.end]).is_none());
            let joined = g == "/"
                || grouped
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
        // An airline's booking reference: six capitals and figures after "booking ref"
        // ("Booking ref 6HKQ2T", "booking reference: XQ7P2L").
        let booking = i >= 1
            && (is(head, "ref") || is(head, "reference"))
            && is(&toks[i - 1], "booking")
            && end_tok == j
            && idt.len() == 6
            && idt
                .bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && idt.bytes().any(|c| c.is_ascii_uppercase());
        if booking && right_boundary(text, e) {
            out.push(Cand::new(FindingKind::RecordNumber, s, e));
            continue;
        }
        let digits = idt.bytes().filter(u8::is_ascii_digit).count();
        let alnum = idt.bytes().filter(u8::is_ascii_alphanumeric).count();
        let parts = end_tok > j || idt.contains('-');
        let letters = alnum > digits;
        // A police officer's collar number is three to five figures: "(collar 4418)".
        let collar = is(head, "collar") && (3..=5).contains(&digits) && digits == alnum;
        if idt.is_ascii()
            && alnum <= 24
            && (digits >= 5 || (digits >= 4 && (letters || parts)) || collar)
            && (!loose || (digits >= 5 && alnum > digits) || (digits >= 7 && !phone_shaped(idt)))
            && (!far || digits >= 6 && !holds_a_date(idt))
            && right_boundary(text, e)
            && toks[end_tok].base_end == toks[end_tok].end
        {
            out.push(Cand::new(FindingKind::RecordNumber, s, e));
        }
    }
}

/// Case numbers by their shape alone, a year and a serial: "ICPC prep 2024/118302",
/// "2025/04471". A year and the next ("2024/2025", "2024/25") is a span of time.
pub(super) fn year_serials(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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

/// A Police National Computer id by its shape: a year in two or four figures, "/", five
/// to seven figures and a check letter ("03/118842K", "2019/0456712T").
pub(super) fn pnc_ids(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for w in toks.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (year, serial) = (&text[a.start..a.end], &text.as_bytes()[b.start..b.end]);
        if &text[a.end..b.start] == "/"
            && matches!(year.len(), 2 | 4)
            && year.bytes().all(|c| c.is_ascii_digit())
            && (6..=8).contains(&serial.len())
            && serial[..serial.len() - 1].iter().all(u8::is_ascii_digit)
            && serial[serial.len() - 1].is_ascii_uppercase()
            && left_boundary(text, a.start)
            && !matches!(char_before(text, a.start), Some('/' | '.' | '-'))
            && right_boundary(text, b.end)
            && !text[b.end..].starts_with('/')
        {
            out.push(Cand::new(FindingKind::RecordNumber, a.start, b.end));
        }
    }
}

/// The bodies whose standards are numbered like records, first in a code that is no
/// one's: "ISO-27001", "BS-8300", "BS/EN/12345".
pub(super) const STANDARDS: &[&str] = &["ISO", "BS", "EN", "IEC"];

/// A part of a record code made of capitals only ("HC", "CCC").
pub(super) fn code_letters(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_uppercase())
}

/// A part of a record code made of figures only ("281126").
pub(super) fn code_figures(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())
}

/// Codes with no cue, capitals and figures in three parts or more joined by "/", at least
/// five figures among them: "EWO/SW/2025/219", "LAC/04/88123", "20BE/118447R/25"; not a
/// date ("12/03/2025") nor words ("HIV/AIDS", "A/B/C").
pub(super) fn slashed_codes(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
            // Capitals and figures together in a part, as a police force's reference
            // writes its station and serial ("20BE/118447R/25").
            let mixed = |t: &Tok| {
                let p = part(t);
                p.len() <= 9
                    && p.bytes()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && p.bytes().any(|c| c.is_ascii_uppercase())
                    && p.bytes().any(|c| c.is_ascii_digit())
            };
            let count: usize = parts
                .iter()
                .filter(|t| figures(t) || mixed(t))
                .map(|t| part(t).bytes().filter(u8::is_ascii_digit).count())
                .sum();
            let (s, e) = (toks[i].start, toks[j].end);
            if parts.iter().all(|t| letters(t) || figures(t) || mixed(t))
                && parts.iter().any(|t| letters(t) || mixed(t))
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
pub(super) fn thread_speakers(text: &str, out: &mut Vec<Cand>) {
    // A line's speaker and the end of its "time:" ("23:41:", "8:02pm:").
    let speaker = |line: &str| -> Option<(usize, usize)> {
        // The speaker is one to three words before the time: "Hari bhai 07:02:".
        let name = line
            .match_indices(' ')
            .take(3)
            .map(|(i, _)| i)
            .find(|&i| line[i + 1..].starts_with(|c: char| c.is_ascii_digit()))?;
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
            && line[..name].chars().all(|c| c.is_alphabetic() || c == ' ')
            // Each word capitalised or a word of address: not "Meeting at 10:30:".
            && line[..name].split(' ').all(|w| {
                w.starts_with(char::is_uppercase)
                    || w.eq_ignore_ascii_case("me")
                    || ADDRESS_WORDS.contains(&&*fold_cow(w))
            }))
        .then_some((0, name))
    };
    let mut lines = Vec::new();
    for (at, line) in lines_at(text) {
        if let Some((s, e)) = speaker(line) {
            lines.push((at + s, at + e));
        }
    }
    if !lines
        .iter()
        .any(|&(s, e)| text[s..e].eq_ignore_ascii_case("me"))
    {
        return;
    }
    for (s, e) in lines {
        let Some((s, e)) = speaker_name(text, s, e) else {
            continue;
        };
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

/// A chat speaker's words without the words of address before or after the name: "Hari
/// [bhai]", "[Chú] Bảy", "Sunita [Didi]". `None` when no word is left.
fn speaker_name(text: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    let address = |w: &str| {
        let l = fold_cow(w);
        is_relation(&l) || is_honorific(&l) || ADDRESS_WORDS.contains(&&*l)
    };
    while let Some((w, _)) = text[s..e].split_once(' ') {
        if !address(w) {
            break;
        }
        s += w.len() + 1;
    }
    while let Some((rest, w)) = text[s..e].rsplit_once(' ') {
        if !address(w) {
            break;
        }
        e = s + rest.len();
    }
    (s < e && !address(&text[s..e])).then_some((s, e))
}

/// Labels of an observation chart or a log, before a colon and a time at a line's end.
#[rustfmt::skip]
const CHART_LABELS: &[&str] = &[
    "obs", "temp", "pulse", "resp", "sats", "bm", "bp", "prn", "meds", "news", "gcs",
    "fluids", "diet", "mood", "sleep", "pain", "output", "intake", "bowels", "note",
    "notes", "plan", "action", "update", "visit", "shift", "check", "checks", "called",
    "seen", "left", "arrived", "settled", "asleep", "awake",
];

/// Words of address in other languages that come before or after a name in a chat's
/// speaker: Nepali and Hindi "bhai", "didi", "ji", Vietnamese "chú", "cô", "chị".
#[rustfmt::skip]
const ADDRESS_WORDS: &[&str] = &[
    "bhai", "bhaiya", "didi", "ji", "behen", "chú", "chị", "cô", "bác", "dì", "mẹ", "bố",
    "ba", "má",
];

/// Speakers of a chat pasted from Teams or Slack, whatever their case: the words between
/// a line's bracketed time and its colon ("[10:02] t.ahmed: morning all", "[08:02] Bex
/// Mountain: who's got…"), and a Slack export's bold name before its time ("**sarahjp**
/// 9:46 AM"). One to three words of letters, figures, dots, dashes and underscores; not
/// "me", "you", a role ("Tenant", "Carer"), a relation, a weekday or a month.
pub(super) fn chat_speakers(text: &str, out: &mut Vec<Cand>) {
    let is_time = |t: &str| {
        let t = t.trim();
        let t = t
            .strip_suffix("AM")
            .or_else(|| t.strip_suffix("PM"))
            .or_else(|| t.strip_suffix("am"))
            .or_else(|| t.strip_suffix("pm"))
            .map_or(t, str::trim_end);
        let (h, m) = t.rsplit_once(':').unwrap_or(("", ""));
        let h = h.rsplit([' ', ',']).next().unwrap_or("");
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    };
    let speaker_ok = |w: &str| {
        let l = fold_cow(w);
        !w.is_empty()
            && w.len() <= 40
            && w.split(' ').count() <= 3
            && w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphanumeric() || " ._-'".contains(c))
            && !matches!(
                &*l,
                "me" | "you" | "system" | "staff" | "team" | "admin" | "bot" | "everyone"
            )
            && !ROLE_NOUNS.contains(&&*l)
            && !is_relation(&l)
            && !is_weekday(w)
            && month_of(w).is_none()
    };
    // A chat pasted from WeChat or a phone's copy: the speaker and the time alone on a
    // line ("Apple Lin 23:14", "小雨 23:41"), two such lines at least, each with a word
    // that is no everyday word (not "Arrived 23:14 / Left 23:50").
    let mut lined: Vec<(usize, usize)> = Vec::new();
    for (start, line) in lines_at(text) {
        let line = line.trim_end();
        if let Some((who, time)) = line.rsplit_once(' ')
            && time.len() == 5
            && is_time(time)
            && speaker_ok(who)
            && who.split(' ').any(|w| {
                // Capitalised and no everyday word, or in a script without capitals.
                let caseless = w
                    .chars()
                    .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
                caseless
                    || (w.starts_with(char::is_uppercase) && is_a_word_of_its_own(&fold_cow(w)))
            })
        {
            lined.push((start, start + who.len()));
        }
    }
    if lined.len() >= 2 {
        out.extend(
            lined
                .into_iter()
                .map(|(s, e)| Cand::new(FindingKind::Name, s, e)),
        );
    }
    // A chat read out line by line with its time at the end: "Tuấn: Con ăn rồi mẹ 21:20",
    // "Chú Bảy: Gọi lại số … 07:03". Two such lines at least; the speaker without its
    // words of address, and not "me" or a relation ("Mẹ: Con ăn cơm chưa? 21:14").
    let mut ended: Vec<(usize, usize)> = Vec::new();
    for (start, line) in lines_at(text) {
        let line = line.trim_end();
        if let Some((who, said)) = line.split_once(": ")
            && let Some((_, time)) = said.rsplit_once(' ')
            && time.len() == 5
            && is_time(time)
            && speaker_ok(who)
            && who.starts_with(char::is_uppercase)
            // Not a label of an observation chart ("Obs: settled 21:20", "BP: 120/80
            // 08:00"): no word in capitals the lists lack, no label of a chart.
            && who.split(' ').all(|w| {
                let l = fold_cow(w);
                !CHART_LABELS.contains(&&*l)
                    && (!(w.len() > 1 && w.bytes().all(|c| c.is_ascii_uppercase()))
                        || name_list().contains_key(&*l))
            })
        {
            ended.push((start, start + who.len()));
        }
    }
    if ended.len() >= 2 {
        for (s, e) in ended {
            // A word that is no everyday word, or in a script without capitals: not
            // "Notes: … 21:14", "Left: … 21:50".
            if let Some((s, e)) = speaker_name(text, s, e)
                && speaker_ok(&text[s..e])
                && text[s..e].split(' ').any(|w| {
                    w.chars()
                        .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
                        || is_a_word_of_its_own(&fold_cow(w))
                })
            {
                out.push(Cand::new(FindingKind::Name, s, e));
            }
        }
    }
    for (start, line) in lines_at(text) {
        // "[10:02] t.ahmed: …", "[20/03/2025, 21:14] Name: …".
        if let Some(rest) = line.strip_prefix('[')
            && let Some(close) = rest.find("] ")
            && is_time(&rest[..close])
            && let Some(colon) = rest[close + 2..].find(": ")
        {
            let s = start + 1 + close + 2;
            let w = &text[s..s + colon];
            if speaker_ok(w) {
                out.push(Cand::new(FindingKind::Name, s, s + colon));
            }
            continue;
        }
        // "**sarahjp** 9:46 AM", "**amira.h** 10:14 @jo… is she ok?".
        if let Some(rest) = line.strip_prefix("**")
            && let Some(close) = rest.find("** ")
            && (is_time(&rest[close + 3..])
                || rest[close + 3..].split(' ').next().is_some_and(is_time))
        {
            let s = start + 2;
            if speaker_ok(&text[s..s + close]) {
                out.push(Cand::new(FindingKind::Name, s, s + close));
            }
        }
    }
}

/// A figure's word ("oh", "seven"), how many times the next figure counts ("double"), or
/// "hundred" after a figure ("nine hundred": 9, 0, 0).
#[derive(Clone, Copy)]
pub(super) enum Spoken {
    Figure(u8),
    Times(usize),
    Hundred,
}

/// What one word read out in a number says: a figure or a "double" or "triple".
pub(super) fn spoken(w: &str) -> Option<Spoken> {
    if w.len() > 7 {
        return None;
    }
    if ["oh", "zero", "nought"]
        .iter()
        .any(|f| f.eq_ignore_ascii_case(w))
    {
        return Some(Spoken::Figure(0));
    }
    if w.eq_ignore_ascii_case("double") {
        return Some(Spoken::Times(2));
    }
    if w.eq_ignore_ascii_case("triple") {
        return Some(Spoken::Times(3));
    }
    if w.eq_ignore_ascii_case("hundred") {
        return Some(Spoken::Hundred);
    }
    NUMBER_WORDS[..9]
        .iter()
        .position(|f| f.eq_ignore_ascii_case(w))
        .and_then(|i| u8::try_from(i + 1).ok())
        .map(Spoken::Figure)
}

/// A phone number spelt out in words: "oh seven seven double oh nine ...", ten or eleven
/// figures from "oh" or "zero", "double" and "triple" counting twice and three times,
/// "hundred" two noughts after a figure ("oh seven seven double oh nine hundred five two
/// six", as dictation writes it); and
/// an NHS number read out the same way, ten figures with a valid check digit ("four one
/// four, six one eight, seven nine two three"). The words may be joined by hyphens
/// ("oh-seven-seven-double-oh, nine-double-oh").
pub(super) fn spoken_phones(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    // The words of the run being read: (start, end, what the word says).
    let mut run: Vec<(usize, usize, Spoken)> = Vec::new();
    for t in toks {
        let w = &text[t.start..t.end];
        let first = text.as_bytes()[t.start] | 0x20;
        let figures =
            b"otfsenzdh".contains(&first) && w.split(['-', '‐']).all(|p| spoken(p).is_some());
        let joined = run
            .last()
            .is_some_and(|&(_, end, _)| matches!(&text[end..t.start], " " | ", " | "-" | " - "));
        if !figures || !joined {
            read_spoken_run(text, &run, out);
            run.clear();
        }
        if figures {
            let mut at = t.start;
            for p in w.split(['-', '‐']) {
                if let Some(s) = spoken(p) {
                    run.push((at, at + p.len(), s));
                }
                at += p.len()
                    + text[at + p.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
            }
        }
    }
    read_spoken_run(text, &run, out);
}

/// The phones and NHS numbers in one run of figures' words (see [`spoken_phones`]), a
/// number from abroad after "plus", and a reference after a record's cue.
fn read_spoken_run(text: &str, run: &[(usize, usize, Spoken)], out: &mut Vec<Cand>) {
    if run.len() < 4 {
        return;
    }
    // The figures from word `k` on, with the index of the last word read.
    let figures_from = |k: usize| {
        let (mut figures, mut j, mut last) = (Vec::new(), k, k);
        while j < run.len() {
            match (run[j].2, run.get(j + 1).map(|r| r.2)) {
                (Spoken::Times(n), Some(Spoken::Figure(f))) => {
                    figures.extend(std::iter::repeat_n(f, n));
                    j += 2;
                }
                (Spoken::Figure(f), _) => {
                    figures.push(f);
                    j += 1;
                }
                (Spoken::Hundred, _) if j > k && matches!(run[j - 1].2, Spoken::Figure(_)) => {
                    figures.extend([0, 0]);
                    j += 1;
                }
                _ => break,
            }
            last = j - 1;
        }
        (figures, last, j)
    };
    // After "plus", a number from abroad: its country code and the rest, nine figures
    // to fifteen ("plus three four six one two …").
    let before = text[..run[0].0].trim_end_matches(' ');
    let ends_with = |w: &str| {
        before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && left_boundary(before, before.len() - w.len())
    };
    if ends_with("plus") {
        let (figures, last, _) = figures_from(0);
        if (9..=15).contains(&figures.len()) {
            out.push(Cand::new(FindingKind::Phone, before.len() - 4, run[last].1));
            return;
        }
    }
    // After a record's cue, a reference read out: "her id card number is oh four one two
    // seven seven", five figures or more.
    if [
        "number is",
        "number",
        "no",
        "ref",
        "reference",
        "reference is",
        "id",
    ]
    .iter()
    .any(|w| ends_with(w))
    {
        let (figures, last, _) = figures_from(0);
        if (5..=9).contains(&figures.len()) && last + 1 == run.len() {
            out.push(Cand::new(FindingKind::RecordNumber, run[0].0, run[last].1));
            return;
        }
    }
    let mut k = 0;
    let mut found = false;
    while k < run.len() {
        let (start, end, s) = run[k];
        let word = &text[start..end];
        if !matches!(s, Spoken::Figure(0)) || word.eq_ignore_ascii_case("nought") {
            k += 1;
            continue;
        }
        let (figures, last, j) = figures_from(k);
        if (10..=11).contains(&figures.len()) {
            out.push(Cand::new(FindingKind::Phone, start, run[last].1));
            found = true;
            k = j;
        } else {
            k += 1;
        }
    }
    if !found {
        let (figures, last, _) = figures_from(0);
        let digits: String = figures.iter().map(|f| char::from(b'0' + f)).collect();
        if last + 1 == run.len() && nhs_check_digit_ok(&digits) {
            out.push(Cand::new(FindingKind::NhsNumber, run[0].0, run[last].1));
        }
    }
}

/// Numbers whose shape says what they are wherever they stand:
/// - a personal number that opens with a day of birth, then a dash, a plus, an "A" or a
///   slash and three figures and a check letter or four figures: Iceland's kennitala
///   ("120438-2209"), Finland's personal code ("230941-284U"), Czechia's and Slovakia's
///   birth number ("835612/4007", a woman's month 50 more), Denmark's CPR, Sweden's
///   personnummer ("19410923-2841");
/// - an IBAN, spaced in fours or run together, whose check figures hold ("LT54 7044 0600
///   0831 7264");
/// - a Bitcoin address ("bc1q…") or an Ethereum one ("0x" and forty hex figures);
/// - an IPv4 address ("203.0.113.47"), its first part 10 or more (not a version "1.2.3.4");
/// - a voucher's or gift card's code, three groups of four capitals and figures or more
///   ("X7KQ-2MRT-9PWL");
/// - a ship's IMO number ("IMO 9418274") and an Azerbaijani FIN ("FIN 5ZR7K2A") after
///   their capitals;
/// - a day as an ISO week date ("2025-W12-2", a weekday in brackets after it kept with it);
/// - Malaysia's identity card number, a day of birth, a place of birth and four figures
///   ("990214-10-5536"); Chile's RUT, its thousands stopped and its check after a dash
///   ("6.482.117-K", "12.345.678-9"); Germany's pension number, two figures, a day of
///   birth, the initial of the birth name and three figures ("65 030531 L 004");
///   Mongolia's registration number, two Cyrillic capitals and a day of birth
///   ("УЕ89110214").
pub(super) fn numbers_by_their_shape(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let pair = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    let month = |m: u32| [1, 21, 51, 71].iter().any(|&f| (f..f + 12).contains(&m));
    let day = |d: u32| (1..=31).contains(&d);
    // Mongolia's registration number: two Cyrillic capitals, then the day of birth year
    // first (its month 20 more for a birth since 2000) and two figures.
    if !text.is_ascii() {
        for t in toks.iter().filter(|t| t.digits && t.letters) {
            let w = &text[t.start..t.end];
            let mut cs = w.chars();
            let cyrillic =
                |c: Option<char>| c.is_some_and(|c| ('А'..='Я').contains(&c) || "ӨҮЁ".contains(c));
            if !(cyrillic(cs.next()) && cyrillic(cs.next())) {
                continue;
            }
            let f = t.end - cs.as_str().len();
            if t.end - f == 8
                && b[f..t.end].iter().all(u8::is_ascii_digit)
                && [1, 21].iter().any(|&m| (m..m + 12).contains(&pair(f + 2)))
                && day(pair(f + 4))
            {
                out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
            }
        }
    }
    for (k, t) in toks.iter().enumerate() {
        let i = t.start;
        // Every shape below holds a figure but the two cues in capitals.
        if !b[i].is_ascii_alphanumeric() || (!t.digits && !matches!(&b[i..t.end], b"IMO" | b"FIN"))
        {
            continue;
        }
        let n = digits_at(i);
        // A personal number.
        if (n == 6 || n == 8)
            && run_may_start(text, i)
            && b.get(i + n)
                .is_some_and(|c| matches!(c, b'-' | b'+' | b'/' | b'A'))
        {
            let dated = if n == 6 {
                month(pair(i + 2)) && (day(pair(i)) || day(pair(i + 4)))
            } else {
                matches!(&b[i..i + 2], b"19" | b"20")
                    && (1..=12).contains(&pair(i + 4))
                    && day(pair(i + 6))
            };
            let m = digits_at(i + n + 1);
            let check = b
                .get(i + n + 1 + m)
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let e = match m {
                3 if check => i + n + 5,
                4 => i + n + 5,
                _ => 0,
            };
            if dated && e > 0 && right_boundary(text, e) {
                out.push(Cand::new(FindingKind::RecordNumber, i, e));
                continue;
            }
            // Malaysia's: "990214-10-5536", the day of birth year first.
            let yymmdd = n == 6 && (1..=12).contains(&pair(i + 2)) && day(pair(i + 4));
            if yymmdd
                && b[i + n] == b'-'
                && m == 2
                && b.get(i + 9) == Some(&b'-')
                && digits_at(i + 10) == 4
                && right_boundary(text, i + 14)
            {
                out.push(Cand::new(FindingKind::RecordNumber, i, i + 14));
                continue;
            }
        }
        // Chile's RUT: "6.482.117-K".
        if (1..=2).contains(&n) && run_may_start(text, i) {
            let j = i + n;
            let stopped = |at: usize| b.get(at) == Some(&b'.') && digits_at(at + 1) == 3;
            if stopped(j)
                && stopped(j + 4)
                && b.get(j + 8) == Some(&b'-')
                && b.get(j + 9)
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'K' | b'k'))
                && right_boundary(text, j + 10)
            {
                out.push(Cand::new(FindingKind::RecordNumber, i, j + 10));
                continue;
            }
        }
        // Germany's pension number: "65 030531 L 004", or run together.
        if n == 2 && run_may_start(text, i) {
            let spaced = b.get(i + 2) == Some(&b' ');
            let d = i + 2 + usize::from(spaced);
            let gap = usize::from(spaced);
            if digits_at(d) == 6
                && day(pair(d))
                && (1..=12).contains(&pair(d + 2))
                && (!spaced || b.get(d + 6) == Some(&b' '))
                && b.get(d + 6 + gap).is_some_and(u8::is_ascii_uppercase)
                && (!spaced || b.get(d + 7 + gap) == Some(&b' '))
                && digits_at(d + 7 + 2 * gap) == 3
                && right_boundary(text, d + 10 + 2 * gap)
            {
                out.push(Cand::new(FindingKind::RecordNumber, i, d + 10 + 2 * gap));
                continue;
            }
        }
        // An IBAN: the country's letters and two check figures, then its account.
        if b.len() >= i + 15
            && b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && left_boundary(text, i)
        {
            let mut chars: Vec<u8> = Vec::with_capacity(34);
            let mut j = i;
            let spaced = b.get(i + 4) == Some(&b' ');
            while j < b.len() && chars.len() < 34 {
                let c = b[j];
                if c.is_ascii_uppercase() || c.is_ascii_digit() {
                    chars.push(c);
                    j += 1;
                } else if spaced
                    && c == b' '
                    && chars.len().is_multiple_of(4)
                    && b.get(j + 1)
                        .is_some_and(|d| d.is_ascii_uppercase() || d.is_ascii_digit())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if (15..=34).contains(&chars.len()) && right_boundary(text, j) && iban_ok(&chars) {
                out.push(Cand::new(FindingKind::RecordNumber, i, j));
                continue;
            }
        }
        let word = &text[i..t.end];
        // A wallet's address.
        let bech32 = word.len() >= 42
            && word.len() <= 74
            && word.starts_with("bc1")
            && word[3..]
                .bytes()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
        let ether = word.len() == 42
            && word.starts_with("0x")
            && word[2..].bytes().all(|c| c.is_ascii_hexdigit());
        if (bech32 || ether) && left_boundary(text, i) {
            out.push(Cand::new(FindingKind::RecordNumber, i, t.end));
            continue;
        }
        // An IPv4 address.
        if (2..=3).contains(&n) && run_may_start(text, i) {
            let mut j = i;
            let mut parts = Vec::new();
            loop {
                let m = digits_at(j);
                if !(1..=3).contains(&m) {
                    break;
                }
                parts.push(text[j..j + m].parse::<u32>().unwrap_or(999));
                j += m;
                if parts.len() == 4 || b.get(j) != Some(&b'.') {
                    break;
                }
                j += 1;
            }
            if parts.len() == 4
                && parts[0] >= 10
                && parts.iter().all(|&p| p <= 255)
                && right_boundary(text, j)
                && !(b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
            {
                out.push(Cand::new(FindingKind::RecordNumber, i, j));
                continue;
            }
        }
        // A voucher's code: its length first, as most words are shorter.
        if word.len() >= 14
            && word.len() % 5 == 4
            && word.split('-').all(|g| {
                g.len() == 4
                    && g.bytes()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            && word.bytes().any(|c| c.is_ascii_digit())
            && word.bytes().any(|c| c.is_ascii_uppercase())
            && left_boundary(text, i)
            && right_boundary(text, t.end)
        {
            out.push(Cand::new(FindingKind::RecordNumber, i, t.end));
            continue;
        }
        // A ship's or a person's number after its capitals.
        if (word == "IMO" || word == "FIN")
            && let Some(n) = toks.get(k + 1)
            && n.start == t.end + 1
            && b[t.end] == b' '
        {
            let id = &text[n.start..n.end];
            let ok = if word == "IMO" {
                id.len() == 7 && id.bytes().all(|c| c.is_ascii_digit())
            } else {
                id.len() == 7
                    && id
                        .bytes()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                    && id.bytes().any(|c| c.is_ascii_digit())
            };
            if ok && right_boundary(text, n.end) {
                out.push(Cand::new(FindingKind::RecordNumber, n.start, n.end));
            }
            continue;
        }
        // An ISO week date.
        if n == 4
            && matches!(&b[i..i + 2], b"19" | b"20")
            && b.len() >= i + 10
            && &b[i + 4..i + 6] == b"-W"
            && b[i + 6].is_ascii_digit()
            && b[i + 7].is_ascii_digit()
            && (1..=53).contains(&pair(i + 6))
            && b[i + 8] == b'-'
            && (b'1'..=b'7').contains(&b[i + 9])
            && right_boundary(text, i + 10)
            && run_may_start(text, i)
        {
            let mut e = i + 10;
            if let Some(rest) = text[e..].strip_prefix(" (")
                && let Some(close) = rest.find(')')
                && CALENDAR.contains(&&*fold_str(&rest[..close]))
            {
                e += 2 + close + 1;
            }
            out.push(Cand::new(FindingKind::ExactDate, i, e));
        }
    }
}

/// A number found once by where it stands (a date under a spreadsheet's heading, a
/// reference after its cue) is the same identifier wherever else the text writes it:
/// "Note to self: 45730 is 14/03." Five characters or more with three figures among
/// them, as a word of its own.
pub(super) fn numbers_found_again(text: &str, out: &mut Vec<Cand>) {
    let mut found: Vec<(&str, FindingKind)> = out
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                FindingKind::RecordNumber
                    | FindingKind::ExactDate
                    | FindingKind::BirthDate
                    | FindingKind::Phone
            )
        })
        .map(|c| (&text[c.start..c.end], c.kind))
        .filter(|(w, _)| {
            w.len() >= 5
                && w.bytes().filter(u8::is_ascii_digit).count() >= 3
                && w.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
        })
        .collect();
    found.sort_unstable();
    found.dedup_by(|a, b| a.0 == b.0);
    if found.is_empty() {
        return;
    }
    let taken = Taken::new(out);
    let mut again = Vec::new();
    for (w, kind) in found {
        for (i, _) in text.match_indices(w) {
            let e = i + w.len();
            if left_boundary(text, i) && right_boundary(text, e) && !taken.overlaps(i, e) {
                again.push(Cand::new(kind, i, e));
            }
        }
    }
    out.extend(again);
}

/// Whether an IBAN's check figures hold: its first four characters moved to its end,
/// each letter read as two figures (A = 10 … Z = 35), the whole leaves 1 divided by 97.
fn iban_ok(chars: &[u8]) -> bool {
    let mut rem: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// Numbers of other countries by a shape nothing else has, and a share code after its
/// cue: a Brazilian CPF ("428.375.190-14"); a phone with its country code and its area
/// code in brackets ("+55 (11) 98734-2210"); an EU Settlement Scheme share code after
/// "share code" ("W7X 4K9 2QH": three groups of three letters and figures).
pub(super) fn numbers_by_foreign_shape(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    // Myanmar's National Registration Card: the state's number, the township's letters,
    // the holder's kind in brackets and six figures ("12/LaMaTa(N)048217").
    for (h, _) in text
        .match_indices("(N)")
        .chain(text.match_indices("(E)"))
        .chain(text.match_indices("(P)"))
    {
        let figures = b[h + 3..].iter().take_while(|c| c.is_ascii_digit()).count();
        let letters = b[..h]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let slash = h - letters;
        let state = b[..slash.saturating_sub(1)]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if figures == 6
            && (3..=9).contains(&letters)
            && slash >= 1
            && b[slash - 1] == b'/'
            && (1..=2).contains(&state)
            && left_boundary(text, slash - 1 - state)
            && right_boundary(text, h + 3 + figures)
        {
            out.push(Cand::new(
                FindingKind::RecordNumber,
                slash - 1 - state,
                h + 9,
            ));
        }
    }
    let run = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let left = |i: usize| {
        i == 0 || (!b[i - 1].is_ascii_alphanumeric() && !matches!(b[i - 1], b'.' | b'-'))
    };
    // "428.375.190-14", found from its dash.
    for (h, _) in text.match_indices('-') {
        let Some(i) = h.checked_sub(11) else { continue };
        let digits = |from: usize, n: usize| b[from..from + n].iter().all(u8::is_ascii_digit);
        if b.len() >= h + 3
            && digits(i, 3)
            && b[i + 3] == b'.'
            && digits(i + 4, 3)
            && b[i + 7] == b'.'
            && digits(i + 8, 3)
            && digits(h + 1, 2)
            && left(i)
            && right_boundary(text, h + 3)
        {
            out.push(Cand::new(FindingKind::RecordNumber, i, h + 3));
        }
    }
    // "+55 (11) 98734-2210": a country code, an area code in brackets, then groups
    // joined by spaces or dashes, ten figures or more in all.
    for (i, _) in text.match_indices('+') {
        if !left(i) {
            continue;
        }
        let cc = run(i + 1);
        let mut j = i + 1 + cc;
        if !(1..=3).contains(&cc) || !text[j..].starts_with(" (") {
            continue;
        }
        let area = run(j + 2);
        if !(1..=4).contains(&area) || !text[j + 2 + area..].starts_with(") ") {
            continue;
        }
        let mut figures = cc + area;
        j += 2 + area + 2;
        let mut end = j;
        while j < b.len() && b[j].is_ascii_digit() {
            let n = run(j);
            figures += n;
            end = j + n;
            j = end;
            if matches!(b.get(j), Some(b' ' | b'-')) && b.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        if (10..=15).contains(&figures) && right_boundary(text, end) {
            out.push(Cand::new(FindingKind::Phone, i, end));
        }
    }
    // "share code W7X 4K9 2QH", "share code for the housing is W7X4K92QH": the first
    // code of that shape in the clause after the cue.
    let cues = text
        .match_indices("hare code")
        .chain(text.match_indices("HARE CODE"))
        .filter(|&(p, _)| p > 0 && b[p - 1].eq_ignore_ascii_case(&b's'))
        .map(|(p, m)| p + m.len());
    for at in cues {
        let clause = text[at..]
            .find(['.', '\n', ';', '!', '?'])
            .map_or(text.len(), |e| at + e)
            .min(at + 60);
        let mut k = at;
        while k < clause {
            if !b[k].is_ascii_alphanumeric() || (k > 0 && b[k - 1].is_ascii_alphanumeric()) {
                k += 1;
                continue;
            }
            let group = |g: usize| {
                b.get(g..g + 3)
                    .is_some_and(|x| x.iter().all(u8::is_ascii_alphanumeric))
            };
            let len = if group(k)
                && b.get(k + 3) == Some(&b' ')
                && group(k + 4)
                && b.get(k + 7) == Some(&b' ')
                && group(k + 8)
            {
                11
            } else if b
                .get(k..k + 9)
                .is_some_and(|x| x.iter().all(u8::is_ascii_alphanumeric))
            {
                9
            } else {
                k += 1;
                continue;
            };
            let found = &b[k..k + len];
            if found.iter().any(u8::is_ascii_digit)
                && found.iter().any(u8::is_ascii_uppercase)
                && !found.iter().any(u8::is_ascii_lowercase)
                && right_boundary(text, k + len)
            {
                out.push(Cand::new(FindingKind::RecordNumber, k, k + len));
                break;
            }
            k += 1;
        }
    }
}

/// Codes a system gives a record, by their shape and with no cue: capitals and figures
/// joined by dashes with five figures or more ("HC-281126-0419", "CCC-HSG-88120",
/// "INT-26-11-4812"; not "COVID-19", "PHQ-9" or "ICD-10"), or four after two parts of
/// capitals ("WCC-KIN-2291", "BHSCT-INT-88120"), a letter or three before six
/// figures or more ("T20267714"), and a prison number ("A4471DK").
pub(super) fn coded_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
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
            // Two parts of capitals or more name a service and a team or a kind of case
            // ("WCC-KIN-2291", "BHSCT-INT-88120"): four figures then make a record, and
            // the service's initials may run to five. (A scale or a code of diseases has
            // one: "PHQ-9", "ICD-10", "COVID-19".) A code ending in a year names an edition
            // or a year's guidance as often as a record ("UK-CAT-2024").
            let named = parts.iter().filter(|p| code_letters(p)).count() >= 2;
            parts.len() >= 2
                && parts.iter().all(|p| code_letters(p) || code_figures(p))
                && code_letters(parts[0])
                && parts[0].len() <= if named { 5 } else { 4 }
                && !STANDARDS.contains(&parts[0])
                && parts.iter().any(|p| code_figures(p))
                && (figures >= 5
                    || named && figures == 4 && !parts.iter().any(|p| year_of(p).is_some()))
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
pub(super) struct Group {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: String,
    pub(super) paren: bool,
    pub(super) plus: bool,
    /// The separator before this group (none for the first, or after a bracket).
    pub(super) sep: Option<char>,
}

pub(super) const MAX_GROUPS: usize = 24;

/// Reads the run of digit groups starting at `i` ("+44 (0)161 496 0000").
pub(super) fn read_groups(text: &str, mut i: usize) -> (Vec<Group>, usize) {
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
        // The hour of a time after a number is no group of it: "+84 912 447 183 07:03".
        if !groups.is_empty()
            && b.get(i + n) == Some(&b':')
            && b.get(i + n + 1).is_some_and(u8::is_ascii_digit)
        {
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

/// Country codes whose mobiles open with one figure, written apart: the Netherlands ("+31
/// 6 4182 2730"), France, Belgium, Switzerland, Luxembourg and the Maghreb, which write
/// the rest in pairs; Chile's and Argentina's mobiles, after a 9 ("+56 9 8418 2207"); and a
/// satellite phone's ("+881 6 3145 2207").
const ONE_FIGURE_FIRST: &[&str] = &[
    "33", "32", "31", "41", "352", "212", "216", "213", "56", "54", "881",
];

pub(super) fn is_phone(gs: &[Group]) -> bool {
    let digits: String = gs.iter().map(|g| g.digits.as_str()).collect();
    // Five groups at most; six or seven after the country code of a land that writes
    // its numbers in pairs after one figure ("+33 6 12 34 56 78").
    let one_figure_first = gs[0].plus && ONE_FIGURE_FIRST.contains(&gs[0].digits.as_str());
    let pairs = one_figure_first
        && gs.get(1).is_some_and(|g| g.digits.len() == 1)
        && gs[2..].iter().all(|g| g.digits.len() == 2);
    // Or all in pairs after the code, as West Africa writes them ("+225 07 48 21 93 06").
    let all_pairs = gs[0].plus
        && gs[0].digits.len() == 3
        && gs.len() >= 5
        && gs[1..].iter().all(|g| g.digits.len() == 2);
    if gs.len() > 5 && !((pairs || all_pairs) && gs.len() <= 7) {
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
    // A number abroad, its country code after a "+": "+380 67 412 3391", "+1 602 555
    // 0144"; ten to thirteen figures in groups of two or more after the code, but for
    // the one figure a mobile opens with in much of Europe ("+31 6 4182 2730").
    // A small country's code of three figures leaves fewer after it: the Faroes' six
    // ("+298 218 430"), Iceland's seven, Malta's eight.
    let small_country = gs[0].digits.len() == 3 && !gs[0].digits.starts_with(['0', '1']);
    // And the smallest, whose numbers are four or five figures in one group: St Helena
    // ("+290 24871"), Ascension, the Falklands ("+500 52418"), Norfolk Island, Niue,
    // Kiribati, Tokelau and Tuvalu.
    if gs[0].plus
        && gs.len() == 2
        && ["290", "247", "500", "672", "683", "686", "690", "688"].contains(&gs[0].digits.as_str())
        && (4..=5).contains(&gs[1].digits.len())
        && !gs[1].paren
    {
        return true;
    }
    if gs[0].plus && !digits.starts_with("44") {
        return (if small_country { 9..=13 } else { 10..=13 }).contains(&digits.len())
            && gs.len() >= 3
            && gs[0].digits.len() <= 3
            && gs[1..]
                .iter()
                .enumerate()
                .all(|(j, g)| (g.digits.len() >= 2 || (j == 0 && one_figure_first)) && !g.paren);
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
    // A landline's area code and a number with a figure too many, as written in a hurry
    // ("01685 496 0734"): no UK number has twelve figures, but it is someone's number
    // with a slip, and it goes as one.
    let slipped = digits.len() == 12
        && gs.len() == 3
        && gs[0].digits.len() == 5
        && digits.starts_with("01")
        && gs[1].digits.len() == 3
        && gs[2].digits.len() == 4;
    // Ireland's landlines as written there: an area code no UK number has (04x, 06x,
    // 09x) in brackets or a group of its own, then three figures and four.
    let irish = digits.len() == 10
        && gs.len() == 3
        && gs[0].digits.len() == 3
        && gs[1].digits.len() == 3
        && gs[2].digits.len() == 4
        && digits.starts_with('0')
        && digits[1..].starts_with(['4', '6', '9'])
        && gs.iter().skip(1).all(|g| !g.paren);
    // A mobile read back with "07" as a group of its own: "07 838 502 117", "07 944 61
    // 22 90" (the three figures after "07" tell it from a date and a time in pairs).
    let read_back = digits.len() == 11
        && gs[0].digits == "07"
        && gs.get(1).is_some_and(|g| g.digits.len() == 3)
        && gs.iter().all(|g| g.digits.len() >= 2 && !g.paren);
    // A mobile in groups of any size, as someone read it out or wrote it in twos:
    // "07700 900 7 14", "077 009 003 16", "07700 90 04 12". Eleven figures from "07", a
    // first group of three or more (not a day, "07 12 2024"), spaces between.
    let odd_groups = digits.len() == 11
        && digits.starts_with("07")
        && gs[0].digits.len() >= 3
        && gs.iter().all(|g| !g.paren && !g.plus)
        && gs[1..].iter().all(|g| g.sep == Some(' '));
    if irish || read_back || odd_groups {
        return true;
    }
    ((10..=11).contains(&digits.len()) || slipped)
        && digits.starts_with('0')
        && digits[1..].starts_with(['1', '2', '3', '5', '7', '8'])
        && gs.len() <= 4
        && gs.iter().all(|g| g.digits.len() >= 3)
        && gs.iter().skip(1).all(|g| !g.paren)
}

pub(super) fn is_nhs_shape(gs: &[Group]) -> bool {
    if gs.iter().any(|g| g.paren || g.plus) {
        return false;
    }
    let sizes: Vec<usize> = gs.iter().map(|g| g.digits.len()).collect();
    match sizes.as_slice() {
        [10] => true,
        [3, 3, 4] | [4, 3, 3] => gs[1].sep == gs[2].sep && matches!(gs[1].sep, Some(' ' | '-')),
        // A CHI number written as its date of birth and four figures: "210447 3381"
        // (not "140325-0456", an incident numbered by its day).
        [6, 4] => gs[1].sep == Some(' ') && six_figure_date(&gs[0].digits),
        _ => false,
    }
}

/// A CHI number after its cue, its date of birth and four figures joined by a dash ("CHI
/// 120358-2291", "CHI: 010203-4455"); with no cue that shape is as often an incident
/// numbered by its day ("CAD 140325-0456").
pub(super) fn dashed_chi_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let gap_ok = |g: &str| (1..=3).contains(&g.len()) && g.chars().all(|c| " :.#".contains(c));
    for (i, t) in toks.iter().enumerate() {
        if &text[t.start..t.end] != "CHI" {
            continue;
        }
        let Some(n) = toks.get(i + 1) else { continue };
        let w = &text[n.start..n.end];
        if gap_ok(&text[t.end..n.start])
            && let Some((a, b)) = w.split_once('-')
            && b.len() == 4
            && b.bytes().all(|c| c.is_ascii_digit())
            && a.bytes().all(|c| c.is_ascii_digit())
            && six_figure_date(a)
            && right_boundary(text, n.end)
        {
            out.push(Cand::new(FindingKind::NhsNumber, n.start, n.end));
        }
    }
}

/// Whether six figures read as a day, a month and a year ("210447"), as a CHI number
/// starts.
pub(super) fn six_figure_date(d: &str) -> bool {
    let part = |r: std::ops::Range<usize>| d.get(r).and_then(|p| p.parse::<u32>().ok());
    d.len() == 6
        && part(0..2).is_some_and(|x| (1..=31).contains(&x))
        && part(2..4).is_some_and(|x| (1..=12).contains(&x))
        && part(4..6).is_some()
}

/// Whether ten digits carry a valid NHS number check digit (modulus 11).
pub(super) fn nhs_check_digit_ok(digits: &str) -> bool {
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

pub(super) fn digit_runs(text: &str, out: &mut Vec<Cand>) {
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
        // Ten figures written one at a time, "6 4 8 2 0 1 9 7 3 5": an NHS number when its
        // check digit holds or "NHS" comes just before ("NHS no.: 6 4 8 ...").
        if groups.len() == 10
            && groups.iter().all(|g| {
                g.digits.len() == 1 && !g.paren && !g.plus && g.sep.is_none_or(|s| s == ' ')
            })
            && right_boundary(text, end)
            && (nhs_check_digit_ok(&groups.iter().map(|g| g.digits.as_str()).collect::<String>())
                || text[..i]
                    .rfind("NHS")
                    .is_some_and(|p| i - p <= 16 && !text[p..i].contains('\n')))
        {
            out.push(Cand::new(FindingKind::NhsNumber, groups[0].start, end));
            i = end;
            continue;
        }
        let mut g = 0;
        while g < groups.len() {
            let mut matched = None;
            for h in (g + 1..=groups.len().min(g + 7)).rev() {
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

/// A phone typed with a letter O for a zero: "07700 9OO 871", "O7700 900871". Each "O"
/// beside a figure (or beside such an "O") is read as a zero and the runs read again;
/// only a phone found so, holding such an "O", is kept.
pub(super) fn phones_with_letter_o(text: &str, out: &mut Vec<Cand>) {
    let Some((read, changed)) = zeros_typed_as_o(text) else {
        return;
    };
    // An ASCII letter for an ASCII figure: still UTF-8, and every offset the same.
    let Ok(read) = String::from_utf8(read) else {
        return;
    };
    let mut found = Vec::new();
    digit_runs(&read, &mut found);
    out.extend(found.into_iter().filter(|c| {
        c.kind == FindingKind::Phone && changed.iter().any(|&i| c.start <= i && i < c.end)
    }));
}

/// The bytes of `text` with each "O" beside a figure, or beside such an "O", read as a
/// zero ("07700 9OO 871", "O7700"), and where they are; `None` when there is none. What
/// finds a phone so ([`phones_with_letter_o`]) and what keys its placeholder read it
/// alike.
pub(super) fn zeros_typed_as_o(text: &str) -> Option<(Vec<u8>, Vec<usize>)> {
    let b = text.as_bytes();
    // Most texts hold no "O" beside a figure: looked for (the char searcher scans with
    // memchr) before anything is copied.
    let beside_a_figure = |i: usize| {
        (i > 0 && b[i - 1].is_ascii_digit()) || b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !text.match_indices('O').any(|(i, _)| beside_a_figure(i)) {
        return None;
    }
    let mut read = b.to_vec();
    let mut changed = Vec::new();
    for i in 1..b.len() {
        if b[i] == b'O' && read[i - 1].is_ascii_digit() {
            read[i] = b'0';
            changed.push(i);
        }
    }
    for i in (0..b.len() - 1).rev() {
        if read[i] == b'O' && read[i + 1].is_ascii_digit() {
            read[i] = b'0';
            changed.push(i);
        }
    }
    Some((read, changed))
}

/// A hospital's bleep or a pager by its number after the word: "bleep 4471", "my bleep,
/// 2093", "bleep no. 318", "pager: 60412". Three to five figures, no more on either side.
/// And after being bleeped or paged, the number alone in brackets later in the sentence:
/// "bleeped by the duty manager (3318)".
pub(super) fn bleeps(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if w.eq_ignore_ascii_case("bleeped") || w.eq_ignore_ascii_case("paged") {
            for (k, n) in toks.iter().enumerate().skip(i + 1).take(8) {
                if text[toks[k - 1].end..n.start].contains(['.', ';', '!', '?', '\n']) {
                    break;
                }
                let figures = &text[n.start..n.end];
                if (3..=5).contains(&figures.len())
                    && figures.bytes().all(|c| c.is_ascii_digit())
                    && text[..n.start].ends_with('(')
                    && text[n.end..].starts_with(')')
                {
                    out.push(Cand::new(FindingKind::Phone, n.start, n.end));
                    break;
                }
            }
            continue;
        }
        if !(w.eq_ignore_ascii_case("bleep")
            || w.eq_ignore_ascii_case("bleeper")
            || w.eq_ignore_ascii_case("pager"))
        {
            continue;
        }
        let mut j = i + 1;
        if toks.get(j).is_some_and(|n| {
            let l = &text[n.start..n.end];
            (l.eq_ignore_ascii_case("no") || l.eq_ignore_ascii_case("number"))
                && &text[t.end..n.start] == " "
        }) {
            j += 1;
        }
        let Some(n) = toks.get(j) else { continue };
        let gap = &text[toks[j - 1].end..n.start];
        let figures = &text[n.start..n.end];
        if [" ", ": ", ", ", ". ", " #"].contains(&gap)
            && (3..=5).contains(&figures.len())
            && figures.bytes().all(|c| c.is_ascii_digit())
            && right_boundary(text, n.end)
            && !text[n.end..].starts_with([':', '/'])
            && !(text[n.end..].starts_with('.')
                && text[n.end + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            out.push(Cand::new(FindingKind::Phone, n.start, n.end));
        }
    }
}

/// The end of an extension written onto a phone number: "07700 900123x", "…x201",
/// "… ext 214", "… ext. 3", "… (ext 4)", "… extension 4417".
pub(super) fn phone_extension(text: &str, end: usize) -> Option<usize> {
    let after = &text[end..];
    if let Some(rest) = after.strip_prefix(['x', 'X']) {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        let e = end + 1 + n;
        return (n <= 5 && right_boundary(text, e)).then_some(e);
    }
    // In brackets: "01945 960118 (ext 4)", "(x214)": the extension and its brackets.
    if let Some(inner) = after.strip_prefix(" (") {
        let close = inner.find(')')?;
        let w = &inner[..close];
        let digits =
            w.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ');
        let word = w[..w.len() - digits.len()].trim_end_matches(['.', ' ']);
        return ((word.eq_ignore_ascii_case("ext")
            || word.eq_ignore_ascii_case("extn")
            || word.eq_ignore_ascii_case("extension")
            || word == "x")
            && (1..=5).contains(&digits.len())
            && digits.bytes().all(|c| c.is_ascii_digit()))
        .then_some(end + 2 + close + 1);
    }
    // " ext ", " Ext. ", " EXTN ", " x ": the word in any case (but "x"), a dot after it.
    let rest = after.strip_prefix(' ')?;
    let w = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
    if !(w.eq_ignore_ascii_case("ext")
        || w.eq_ignore_ascii_case("extn")
        || w.eq_ignore_ascii_case("extension")
        || w == "x")
    {
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
pub(super) fn run_may_start(text: &str, i: usize) -> bool {
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

/// Ireland's Personal Public Service numbers: seven figures and a check letter (A to W),
/// sometimes a second letter, as one word ("7719043TA", "1234567W"). Nothing else a note
/// holds has that shape, with or without "PPSN" before it.
pub(super) fn pps_numbers(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for t in toks {
        let b = &text.as_bytes()[t.start..t.end];
        let shaped = matches!(b.len(), 8 | 9)
            && b[..7].iter().all(u8::is_ascii_digit)
            && (b'A'..=b'W').contains(&b[7])
            && b[8..].iter().all(u8::is_ascii_uppercase);
        if shaped {
            out.push(Cand::new(FindingKind::NiNumber, t.start, t.end));
        }
    }
}

pub(super) fn ni_numbers(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_alphabetic() {
            continue;
        }
        // All capitals ("QQ 12 34 56 C") or all lowercase ("qq123456c").
        let lower = b[i].is_ascii_lowercase();
        let mut j = i;
        // Its parts apart by spaces, by dashes ("WK-30-11-84-C") or by dots
        // ("SK.87.22.04.D"), one of them throughout.
        let mut sep = None;
        let mut take = |pred: fn(u8) -> bool, space: bool| -> bool {
            if space
                && let Some(&c) = b.get(j).filter(|&&c| matches!(c, b' ' | b'-' | b'.'))
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
    temporary_ni_numbers(text, out);
}

/// A temporary National Insurance number of the old kind: "TN", the date of birth in
/// three pairs and "M" or "F" ("TN 11 11 35 M", "TN111135F"), as old pension letters
/// and payslips show it.
fn temporary_ni_numbers(text: &str, out: &mut Vec<Cand>) {
    for (i, _) in text.match_indices("TN") {
        let rest = &text.as_bytes()[i + 2..];
        let spaced = rest.first() == Some(&b' ');
        let step = usize::from(spaced);
        // Each pair after a space where the first is spaced, or run together.
        let pair = |k: usize| {
            let at = k * (2 + step) + step;
            (!spaced || rest.get(at - 1) == Some(&b' '))
                .then(|| rest.get(at..at + 2))
                .flatten()
                .filter(|p| p.iter().all(u8::is_ascii_digit))
                .map(|p| u32::from(p[0] - b'0') * 10 + u32::from(p[1] - b'0'))
        };
        let (Some(d), Some(m), Some(_)) = (pair(0), pair(1), pair(2)) else {
            continue;
        };
        let sex = 3 * (2 + step) + step;
        if (!spaced || rest.get(sex - 1) == Some(&b' '))
            && (1..=31).contains(&d)
            && (1..=12).contains(&m)
            && rest.get(sex).is_some_and(|c| matches!(c, b'M' | b'F'))
            && left_boundary(text, i)
            && right_boundary(text, i + 2 + sex + 1)
        {
            out.push(Cand::new(FindingKind::NiNumber, i, i + 2 + sex + 1));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Postcodes.

pub(super) fn is_outward(s: &str) -> bool {
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
/// "08-D-12345"). And after a word of a vehicle, a plate of any other shape: an island's
/// ("J 48271", "MAN 412G"), an older British one ("P482 KLM", "JKL 482P").
pub(super) fn vehicle_registrations(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    plates_after_a_vehicle(text, toks, out);
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

/// A plate of any shape after a word of a vehicle, a few words on at most ("his car is J
/// 48271", "reg: MAN 412G", "a van, P482 KLM"): capitals and figures, three figures at
/// least, in one part or two. A road is no plate ("the car on the A 303"). A plate of
/// Europe's hyphenated shapes ("BH-48-TZ", "AB-123-CD") after a vehicle's word, or with
/// "plate" in brackets just after it ("BH-48-TZ (Dutch plate)").
fn plates_after_a_vehicle(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    const VEHICLES: &[&str] = &[
        "car",
        "van",
        "vehicle",
        "reg",
        "registration",
        "plate",
        "plates",
        "vrm",
        "motorbike",
        "taxi",
        "cab",
        "moped",
        "minibus",
    ];
    // Capitals alone, figures alone, or both with the capitals only at either end.
    let caps = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_uppercase());
    let figs = |w: &str| w.bytes().filter(u8::is_ascii_digit).count();
    let part = |w: &str| {
        let b = w.as_bytes();
        let lead = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let digits = b[lead..].iter().take_while(|c| c.is_ascii_digit()).count();
        let tail = b[lead + digits..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        lead + digits + tail == b.len() && lead <= 3 && tail <= 3 && digits <= 6
    };
    // Two to four parts between hyphens, each capitals (up to three) or figures (up to
    // four), both kinds present and five of them at least: "BH-48-TZ", "1-ABC-123".
    let hyphenated = |w: &str| {
        let parts: Vec<&str> = w.split('-').collect();
        (2..=4).contains(&parts.len())
            && parts.iter().all(|p| {
                (caps(p) && p.len() <= 3)
                    || ((1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
            })
            && parts.iter().any(|p| caps(p))
            && figs(w) >= 2
            && w.len() - (parts.len() - 1) >= 5
    };
    for t in toks {
        // "BH-48-TZ (Dutch plate)": the plate's word in brackets just after it.
        if t.digits && t.letters && t.end - t.start <= 12 && hyphenated(&text[t.start..t.end]) {
            let after = &text[t.end..];
            let bracket = after
                .strip_prefix(" (")
                .and_then(|r| r.split_once(')'))
                .map(|(inside, _)| inside);
            if bracket.is_some_and(|inside| {
                inside.len() <= 24
                    && inside.split(' ').any(|w| {
                        ["plate", "reg", "registration"].contains(&w.to_ascii_lowercase().as_str())
                    })
            }) && left_boundary(text, t.start)
            {
                out.push(Cand::new(FindingKind::RecordNumber, t.start, t.end));
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.base_end];
        // By length and first letter first: every word of a text with figures passes here.
        if !(3..=12).contains(&w.len())
            || !b"cvrptmCVRPTM".contains(&w.as_bytes()[0])
            || !VEHICLES.iter().any(|v| v.eq_ignore_ascii_case(w))
        {
            continue;
        }
        // Up to three small words between: "car is", "reg no.", "registration number".
        for j in i + 1..(i + 5).min(toks.len()) {
            let a = &text[toks[j].start..toks[j].end];
            let gap = &text[toks[j - 1].end..toks[j].start];
            if gap.contains('\n') || gap.len() > 3 {
                break;
            }
            if !(toks[j].digits || caps(a)) {
                // Not a car park, a seat or a wash: "car park level C 123".
                if toks[j].letters
                    && a.len() <= 12
                    && !a.starts_with(char::is_uppercase)
                    && ![
                        "park", "parks", "parking", "seat", "seats", "wash", "level", "space",
                    ]
                    .contains(&a)
                {
                    continue;
                }
                break;
            }
            let two = toks.get(j + 1).filter(|n| {
                &text[toks[j].end..n.start] == " "
                    && part(&text[n.start..n.end])
                    && (caps(a) != caps(&text[n.start..n.end]) || toks[j].digits)
            });
            let end = two.map_or(toks[j].end, |n| n.end);
            let plate = &text[toks[j].start..end];
            // A road ("the A 303"); a year or a time of day and a word ("its MOT 2025",
            // "ETA 1430", "1030 AM"); a body and its number ("NHS 111").
            let clock = |w: &str| {
                w.len() == 4
                    && w.bytes().all(|c| c.is_ascii_digit())
                    && (w.starts_with("19")
                        || w.starts_with("20")
                        || (w[..2] < *"24" && w[2..] < *"60"))
            };
            let road = two.is_some_and(|n| {
                let b = &text[n.start..n.end];
                (!n.letters && matches!(a, "A" | "B" | "M"))
                    || clock(a)
                    || clock(b)
                    || BODIES.contains(&a.to_ascii_lowercase().as_str())
            });
            if hyphenated(a)
                && toks[j].letters
                && toks[j].digits
                && right_boundary(text, toks[j].end)
            {
                out.push(Cand::new(
                    FindingKind::RecordNumber,
                    toks[j].start,
                    toks[j].end,
                ));
                break;
            }
            if part(a)
                && (toks[j].digits || two.is_some())
                && figs(plate) >= 3
                && plate.bytes().any(|c| c.is_ascii_uppercase())
                && plate.len() <= 9
                && !road
                && right_boundary(text, end)
            {
                out.push(Cand::new(FindingKind::RecordNumber, toks[j].start, end));
            }
            break;
        }
    }
}

/// Whether an outward code starts with one of the UK's postcode areas.
pub(super) fn is_postcode_area(outward: &str) -> bool {
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

pub(super) fn is_inward(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: u8| c.is_ascii_uppercase() && !b"CIKMOV".contains(&c);
    matches!(b, [d, x, y] if d.is_ascii_digit() && ok(*x) && ok(*y))
}

/// Eircode's routing keys (Ireland's postcodes begin with one of these).
#[rustfmt::skip]
const ROUTING_KEYS: &[&str] = &[
    "A41", "A42", "A45", "A63", "A67", "A75", "A81", "A82", "A83", "A84", "A85", "A86",
    "A91", "A92", "A94", "A96", "A98", "C15", "D01", "D02", "D03", "D04", "D05", "D06",
    "D07", "D08", "D09", "D10", "D11", "D12", "D13", "D14", "D15", "D16", "D17", "D18",
    "D20", "D22", "D24", "D6W", "E21", "E25", "E32", "E34", "E41", "E45", "E53", "E91",
    "F12", "F23", "F26", "F28", "F31", "F35", "F42", "F45", "F52", "F56", "F91", "F92",
    "F93", "F94", "H12", "H14", "H16", "H18", "H23", "H53", "H54", "H62", "H65", "H71",
    "H91", "K32", "K34", "K36", "K45", "K56", "K67", "K78", "N37", "N39", "N41", "N91",
    "P12", "P14", "P17", "P24", "P25", "P31", "P32", "P36", "P43", "P47", "P51", "P56",
    "P61", "P67", "P72", "P75", "P81", "P85", "R14", "R21", "R32", "R35", "R42", "R45",
    "R51", "R56", "R93", "R95", "T12", "T23", "T34", "T45", "T56", "V14", "V15", "V23",
    "V31", "V35", "V42", "V92", "V93", "V94", "V95", "W12", "W23", "W34", "W91", "X35",
    "X42", "X91", "Y14", "Y21", "Y25", "Y34", "Y35",
];

/// Whether `s` is the four letters and figures that follow an Eircode's routing key, in
/// its alphabet (figures and ACDEFHKNPRTVWXY), with a letter and a figure among them: four
/// figures alone are a year or a count as often, four letters a word.
fn is_eircode_unique(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4
        && b.iter()
            .all(|c| c.is_ascii_digit() || b"ACDEFHKNPRTVWXY".contains(c))
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_uppercase)
}

/// The letters as they are said and as dictation writes them down ("aitch", "ex",
/// "why"), by letter; a letter alone ("a", "b") is itself.
#[rustfmt::skip]
const SPOKEN_LETTERS: &[(&str, u8)] = &[
    ("ay", b'A'), ("bee", b'B'), ("cee", b'C'), ("see", b'C'), ("dee", b'D'), ("ee", b'E'),
    ("ef", b'F'), ("eff", b'F'), ("gee", b'G'), ("aitch", b'H'), ("haitch", b'H'),
    ("eye", b'I'), ("jay", b'J'), ("kay", b'K'), ("el", b'L'), ("ell", b'L'), ("em", b'M'),
    ("en", b'N'), ("pee", b'P'), ("queue", b'Q'), ("cue", b'Q'), ("are", b'R'), ("ar", b'R'),
    ("ess", b'S'), ("tee", b'T'), ("you", b'U'), ("vee", b'V'), ("double-you", b'W'),
    ("ex", b'X'), ("why", b'Y'), ("zed", b'Z'), ("zee", b'Z'),
];

/// Whether `code` (capitals and figures, no space) is a whole UK postcode: an outward
/// and an inward part as [`is_outward`] and [`is_inward`] read a written one.
fn postcode_shape(code: &[u8]) -> bool {
    let n = code.len();
    (5..=7).contains(&n)
        && std::str::from_utf8(code)
            .is_ok_and(|c| is_outward(&c[..n - 3]) && is_inward(&c[n - 3..]))
}

/// Adds to `code` what one dictated word of a postcode says: a letter said ("aitch") or
/// alone ("a"), a number in words ("ten", "oh") or a piece written as it is ("RH10");
/// false for a word no postcode is read with.
fn spoken_piece(x: &str, code: &mut Vec<u8>) -> bool {
    let l = x.to_ascii_lowercase();
    if x.len() == 1 && x.as_bytes()[0].is_ascii_alphabetic() {
        code.push(x.as_bytes()[0].to_ascii_uppercase());
    } else if let Some(&(_, c)) = SPOKEN_LETTERS.iter().find(|(s, _)| *s == l) {
        code.push(c);
    } else if matches!(l.as_str(), "oh" | "zero" | "nought") {
        code.push(b'0');
    } else if let Some(n) = number_in_words(&l).filter(|n| *n < 100) {
        code.extend(n.to_string().bytes());
    } else if x.len() <= 4 && x.bytes().all(|c| c.is_ascii_alphanumeric()) && x.is_ascii() {
        code.extend(x.bytes().map(|c| c.to_ascii_uppercase()));
    } else {
        return false;
    }
    true
}

/// The postcode a found one is, to key its placeholder: read out ("are aitch ten one ex
/// why"), the code the words spell (RH101XY), so that it and "RH10 1XY" written are one
/// place; written, its letters and figures.
pub(super) fn postcode_key(found: &str) -> String {
    let mut code = Vec::new();
    let read = found
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| spoken_piece(w, &mut code));
    match String::from_utf8(code) {
        Ok(code) if read && postcode_shape(code.as_bytes()) => code,
        _ => alnum_key(found),
    }
}

/// A postcode read out after "postcode", as a dictated note writes it: letters said or
/// alone, numbers in words or figures ("postcode are aitch ten one ex why" for RH10 1XY,
/// "postcode a b one five six ex tee"). Only after the cue, and only where the words
/// make a whole postcode's shape: the same words elsewhere are everyday talk.
pub(super) fn spoken_postcodes(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        if w.len() != 8 || !w.eq_ignore_ascii_case("postcode") {
            continue;
        }
        let mut k = i + 1;
        if toks
            .get(k)
            .is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("is"))
        {
            k += 1;
        }
        let first = k;
        let mut code: Vec<u8> = Vec::new();
        let mut best = None;
        while k < toks.len() && k < first + 9 && code.len() <= 7 {
            if !matches!(&text[toks[k - 1].end..toks[k].start], " " | ", " | "-") {
                break;
            }
            if !spoken_piece(word(k), &mut code) {
                break;
            }
            if postcode_shape(&code) {
                best = Some(k);
            }
            k += 1;
        }
        if let Some(e) = best {
            out.push(Cand::new(
                FindingKind::Postcode,
                toks[first].start,
                toks[e].end,
            ));
        }
    }
}

pub(super) fn postcodes(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    for (i, t) in toks.iter().enumerate() {
        let s = &text[t.start..t.end];
        if !t.digits || !s.is_ascii() {
            continue;
        }
        // Ireland's, in capitals: "H91 X4T7", or run together, "H91X4T7".
        let key = |k: &str| k.as_bytes()[0].is_ascii_uppercase() && ROUTING_KEYS.contains(&k);
        if let Some(n) = toks.get(i + 1)
            && s.len() == 3
            && key(s)
            && &text[t.end..n.start] == " "
            && is_eircode_unique(&text[n.start..n.end])
        {
            out.push(Cand::new(FindingKind::Postcode, t.start, n.end));
            continue;
        }
        if s.len() == 7 && key(&s[..3]) && is_eircode_unique(&s[3..]) {
            out.push(Cand::new(FindingKind::Postcode, t.start, t.end));
            continue;
        }
        if !t.letters {
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

/// A UK mobile broken over two lines where a narrow screen or a pasted chat wrapped it:
/// "Mob (new, safe one): 07518" then "403 920" at the start of the next line. Its first
/// five figures end a line that names a phone before them; the last six start the next,
/// whole or as two threes. Each part is a phone where it stands.
pub(super) fn phones_across_a_line(text: &str, out: &mut Vec<Cand>) {
    const CUES: &[&str] = &[
        "mob", "mobile", "phone", "tel", "number", "no", "whatsapp", "contact", "ring", "call",
        "text", "cell",
    ];
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(nl) = text[from..].find('\n').map(|p| from + p) {
        from = nl + 1;
        let line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1);
        let line = text[line_start..nl].trim_end();
        let first_end = line_start + line.len();
        if line.len() < 5 {
            continue;
        }
        let first_start = first_end - 5;
        // Bytes first: the five before the line's end may start inside a letter.
        let first = &b[first_start..first_end];
        if !first.starts_with(b"07")
            || !first.iter().all(u8::is_ascii_digit)
            || !left_boundary(text, first_start)
            || first_start > 0 && b[first_start - 1].is_ascii_digit()
        {
            continue;
        }
        // A word for a phone earlier on the line.
        let named = text[line_start..first_start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| CUES.iter().any(|c| w.eq_ignore_ascii_case(c)));
        if !named {
            continue;
        }
        // The next line: six figures, or three, a space and three.
        let next = &text[nl + 1..];
        let rest_len = if next.len() >= 6 && next.as_bytes()[..6].iter().all(u8::is_ascii_digit) {
            6
        } else if next.len() >= 7
            && next.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && next.as_bytes()[3] == b' '
            && next.as_bytes()[4..7].iter().all(u8::is_ascii_digit)
        {
            7
        } else {
            continue;
        };
        let second_end = nl + 1 + rest_len;
        if !right_boundary(text, second_end) || b.get(second_end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        out.push(Cand::new(FindingKind::Phone, first_start, first_end));
        out.push(Cand::new(FindingKind::Phone, nl + 1, second_end));
    }
}

/// Whether a number read a few words after a record's cue holds a date in figures
/// ("Supervision record for 2015-05-12"): a date found there is a date.
fn holds_a_date(id: &str) -> bool {
    let mut found = Vec::new();
    numeric_dates(id, &mut found);
    !found.is_empty()
}

/// A bank's account number after its words, and the sort code with it: "account
/// 41882713", "acc no. 4188 2713", "a/c 41882713", "sort code 60-83-71" (or "60 83 71",
/// "608371"). An account is eight figures (four and four may be spaced); "account"
/// before another number ("account 2") is no account number. A sort code alone names a
/// bank's branch, not anyone ("Sort code 12-34-56 on the form"): it is found only beside
/// an account.
pub(super) fn bank_details(text: &str, out: &mut Vec<Cand>) {
    // Most texts name no account: every cue holds "cc" or "/c" in one case or the other,
    // found in one look at the bytes before anything is lowercased.
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, b"cc" | b"CC" | b"/c" | b"/C"))
    {
        return;
    }
    let lower = text.to_ascii_lowercase();
    let figures = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    // The length of a sort code at the start of `b`: "60-83-71", "60 83 71", "608371".
    let sort_code = |b: &[u8]| -> Option<usize> {
        if b.len() >= 8
            && figures(&b[..2])
            && figures(&b[3..5])
            && figures(&b[6..8])
            && b[2] == b[5]
            && matches!(b[2], b'-' | b' ')
        {
            return Some(8);
        }
        (b.len() >= 6 && figures(&b[..6])).then_some(6)
    };
    let account = |b: &[u8]| -> Option<usize> {
        if b.len() >= 9 && figures(&b[..4]) && b[4] == b' ' && figures(&b[5..9]) {
            return Some(9);
        }
        (b.len() >= 8 && figures(&b[..8])).then_some(8)
    };
    // The figures after each cue: ".", ":", "#", " is" and spaces may come between.
    let after = |cue: &str, shape: &dyn Fn(&[u8]) -> Option<usize>| {
        let mut found = Vec::new();
        for (at, _) in lower.match_indices(cue) {
            if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let rest = &lower[at + cue.len()..];
            let gap = rest.len()
                - rest
                    .trim_start_matches(['.', ':', ' ', '#'])
                    .trim_start_matches("is ")
                    .len();
            if gap == 0 || gap > 5 {
                continue;
            }
            let from = at + cue.len() + gap;
            if let Some(n) = shape(&text.as_bytes()[from..])
                && right_boundary(text, from + n)
            {
                found.push(Cand::new(FindingKind::RecordNumber, from, from + n));
            }
        }
        found
    };
    // "Account 60-41-82 27306154": a sort code and its account after the cue.
    let sort_and_account = |b: &[u8]| -> Option<usize> {
        let s = sort_code(b).filter(|&n| n == 8)?;
        if b.get(s) != Some(&b' ') {
            return None;
        }
        account(&b[s + 1..]).map(|a| s + 1 + a)
    };
    let either = |b: &[u8]| sort_and_account(b).or_else(|| account(b));
    let mut accounts: Vec<Cand> = ["account number", "account no", "acc no", "account", "a/c"]
        .iter()
        .flat_map(|cue| after(cue, &either))
        .collect();
    if accounts.is_empty() {
        return;
    }
    accounts.extend(after("sort code", &sort_code));
    out.extend(accounts);
}

/// A check character in brackets just after a number found is the number's: a Hong
/// Kong identity card's "Y482716(1)", "A123456(A)".
pub(super) fn check_characters(text: &str, cands: &mut [Cand]) {
    for c in cands
        .iter_mut()
        .filter(|c| c.kind == FindingKind::RecordNumber)
    {
        let b = &text.as_bytes()[c.end..];
        if b.len() >= 3 && b[0] == b'(' && b[1].is_ascii_alphanumeric() && b[2] == b')' {
            c.end += 3;
        }
    }
}

/// A personal number in four groups of figures or more joined by dashes, ten to sixteen
/// figures in all, not opening with 0 (a phone does) and not found already: a Nepali
/// citizenship certificate's "27-01-72-04418", an account "1234-5678-9012". Three groups
/// are left to the phone and date rules ("0161-496-0000", "2025-03-14").
pub(super) fn dashed_numbers(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let taken = Taken::new(out);
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-'))
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len()
            && (b[end].is_ascii_digit()
                || (b[end] == b'-' && b.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let run = &text[i..end];
        let groups: Vec<&str> = run.split('-').collect();
        let figures = run.len() + 1 - groups.len();
        if groups.len() >= 4
            && groups.iter().all(|g| (1..=6).contains(&g.len()))
            && (10..=16).contains(&figures)
            && b[i] != b'0'
            && right_boundary(text, end)
            && !taken.overlaps(i, end)
        {
            found.push(Cand::new(FindingKind::RecordNumber, i, end));
        }
        i = end.max(i + 1);
    }
    out.extend(found);
}
