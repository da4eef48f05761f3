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
fn a_phone_is_known_by_its_figures_read_out_typed_with_an_o_or_with_an_extension() {
    // Read out, a number's key is the figures the words say: two numbers read out were
    // one placeholder (their keys were both empty).
    assert_eq!(
        phone_key("oh seven seven hundred nine hundred double five eight"),
        phone_key("07700 900558")
    );
    assert_ne!(
        phone_key("oh seven seven hundred nine hundred double five eight"),
        phone_key("oh one six one four nine six zero eight one seven")
    );
    // An "O" typed for a zero is the zero.
    assert_eq!(phone_key("07700 9OO 871"), phone_key("07700 900 871"));
    // A number with its extension is the number.
    for with_ext in [
        "0113 496 0123 ext 2201",
        "0113 496 0123 Extn. 2201",
        "0113 496 0123 (ext 4)",
        "0113 496 0123x201",
    ] {
        assert_eq!(
            phone_key(with_ext),
            phone_key("0113 496 0123"),
            "{with_ext}"
        );
    }
    assert_eq!(phone_key("+44 (0)113 496 0123"), phone_key("0113 496 0123"));
    assert_eq!(phone_key("(0113) 496 0123"), phone_key("0113 496 0123"));
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Ring oh seven seven hundred nine hundred double five eight, or oh one six one four nine six zero eight one seven."),
        "Ring [PHONE-1], or [PHONE-2]."
    );
}

/// A what3words address, three words joined by dots after "///", names a spot of three
/// metres: the words go, the slashes stay, and a full stop after them is the sentence's.
#[test]
fn what3words_addresses() {
    for (s, a) in [
        ("use ///filled.count.soap or the lane", "filled.count.soap"),
        ("gate at ///piano.ferry.meadows.", "piano.ferry.meadows"),
        ("w3w ///Índice.Árbol.Casa then left", "Índice.Árbol.Casa"),
    ] {
        assert_eq!(kinds(s), one(FindingKind::Address, a), "{s}");
    }
    for s in [
        "see https://example.org/a.b.c for it",
        "two words ///filled.count only",
        "four ///a.b.c.d here",
        "comment /// todo.later.maybe",
    ] {
        assert!(
            !kinds(s).iter().any(|(k, _)| *k == FindingKind::Address),
            "{s}"
        );
    }
}

/// An email spelt out before its "at" as well as after it ("tom dot h dot 94 at gmail
/// dot com", "jo(dot)bloggs(at)nhs(dot)net"): the whole address goes, not only its last
/// word before the "at".
#[test]
fn emails_spelt_out_before_their_at() {
    for e in [
        "tom dot h dot 94 at gmail dot com",
        "jo(dot)bloggs(at)nhs(dot)net",
        "sam.k dot lee at outlook dot com",
    ] {
        assert_eq!(
            kinds(&format!("email him {e} please")),
            one(FindingKind::Email, e),
            "{e}"
        );
    }
    for s in [
        "join the dots at home",
        "put a dot at the end dot com style",
    ] {
        assert_eq!(kinds(s), vec![], "{s}");
    }
}

/// A grid reference after "grid" names a spot as closely as an address: an Ordnance
/// Survey square ("NY 3365 0412", "TG 390 213", "SN 74688102") or an Irish grid letter
/// ("H 287 285"). With no "grid" before it, or groups of unequal length, it is none.
#[test]
fn grid_references_after_grid() {
    for (s, a) in [
        ("use grid NY 3365 0412. Last 2 miles", "NY 3365 0412"),
        ("OS grid TG 390 213 — went and looked", "TG 390 213"),
        ("Irish grid H 287 285 or the lane", "H 287 285"),
        ("grid: SN 74688102 then the track", "SN 74688102"),
    ] {
        assert_eq!(kinds(s), one(FindingKind::Address, a), "{s}");
    }
    for s in [
        "grid NY 3365 041 is wrong",
        "the grid had 12 rows",
        "scores NY 3365 0412 in the table",
        "grid IA 123 456 no such square",
    ] {
        assert!(
            !kinds(s).iter().any(|(k, _)| *k == FindingKind::Address),
            "{s}"
        );
    }
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

/// Ireland's PPS numbers: seven figures and a check letter, sometimes two letters.
#[test]
fn pps_numbers() {
    for (text, want) in [
        ("your mother (PPSN 7719043TA) is", "7719043TA"),
        ("PPS no. 1234567W on the form", "1234567W"),
    ] {
        assert_eq!(kinds(text), one(FindingKind::NiNumber, want), "{text}");
    }
    for s in ["code 1234567Z ok", "1234567 people", "room 1234567AB9"] {
        assert_eq!(kinds(s), vec![], "{s}");
    }
}

/// Ireland's phones as written there: a mobile of ten figures ("087 900 7731"), a
/// landline's area code in brackets or in a group of its own ("(091) 900 4412", "066 712
/// 3456"), beside UK numbers with no such codes.
#[test]
fn irish_phones() {
    for p in [
        "(091) 900 4412",
        "087 900 7731",
        "066 712 3456",
        "(074) 912 3456",
    ] {
        assert_eq!(
            kinds(&format!("T {p} | M or email")),
            one(FindingKind::Phone, p),
            "{p}"
        );
    }
    for s in [
        "Case 0612 34 5678 closed",
        "ref 096 123 45 paid",
        "(091) 900 44",
    ] {
        assert_eq!(kinds(s), vec![], "{s}");
    }
}

/// A mobile written with "07" as a group of its own, then three figures and pairs or
/// threes ("07 838 502 117", "07 944 61 22 90"), as people read a number back; not a
/// date and a time run together, nor figures in pairs from the start.
#[test]
fn mobiles_with_07_as_a_group_of_their_own() {
    for p in ["07 838 502 117", "07 944 61 22 90", "07 552 901338"] {
        assert_eq!(
            kinds(&format!("new number {p} from today")),
            one(FindingKind::Phone, p),
            "{p}"
        );
    }
    for s in [
        "seen 07 03 2025 10 15 at home",
        "scores 07 83 85 02 11 this term",
        "rota 07 838 502 11 done",
        "codes 07 944 6 1 22 90 in the log",
    ] {
        assert_eq!(kinds(s), vec![], "{s}");
    }
}

/// An ISO date with its time joined by "T", as systems print them ("2025-03-04T10:15"):
/// the date goes, the time stays; a code that only looks like it does not.
#[test]
fn iso_dates_with_their_time_joined_by_t() {
    for (s, d) in [
        ("logged 2025-03-04T10:15 by duty", "2025-03-04"),
        ("at 2024-11-30T09:05:33Z it closed", "2024-11-30"),
    ] {
        assert_eq!(kinds(s), one(FindingKind::ExactDate, d), "{s}");
    }
    for s in ["part 2025-03-04T1 in stock", "build 2025-03-04Tx ran"] {
        assert!(
            !kinds(s).iter().any(|(k, _)| *k == FindingKind::ExactDate),
            "{s}"
        );
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
        "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "m1 1ae",
        "SW1A1AA", "GIR 0AA",
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

/// Ireland's postcodes: a routing key of Eircode's list ("H91", "D6W") and four letters
/// and figures of its own alphabet; a routing key alone, or four letters or four figures
/// after it, are not one.
#[test]
fn eircodes() {
    for p in ["H91 X4T7", "F94 K2R6", "D02 AF30", "D6W 1X44", "T12PX63"] {
        assert_eq!(
            kinds(&format!("Her postcode is {p}, she said")),
            one(FindingKind::Postcode, p),
            "{p}"
        );
    }
    for s in [
        "the A10 XRAY van",
        "D12 ACED it",
        "Y35 2024 intake",
        "the N91 bus",
        "room H91 X4B7",
        "Q12 AF30",
    ] {
        assert_eq!(kinds(s), vec![], "{s}");
    }
}

#[test]
fn exact_dates_and_birth_dates() {
    let d = |s: &str| {
        let c = checker();
        let f = c.find(s, &KnownNames::default());
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
fn an_initial_after_a_title_before_an_everyday_word() {
    for (text, name) in [
        ("Rang Nurse H about the dressing.", "Nurse H"),
        ("saved in her phone as Nurse H on the rota", "Nurse H"),
        ("Saw Dr K about it.", "Dr K"),
    ] {
        assert_eq!(kinds(text), one(FindingKind::Name, name), "{text}");
    }
    // An initial before a surname stays part of the name; A and E is a department.
    assert_eq!(
        kinds("Rang Mrs A Patel about it."),
        one(FindingKind::Name, "Mrs A Patel")
    );
    assert_eq!(kinds("Rang Dr A and E about it."), vec![]);
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
        "Rota request from Memory by Friday.",
        "The carers were Memory Chikwanha and Junior Campbell.",
        "Rota request from Memory by Friday.",
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

/// A name that is also an everyday word ("Memory", "Junior"), met as part of a name
/// in one text, is that name in the later texts of the export where a name found in
/// the same text would be: mid-sentence, with a possessive, or where a sentence starts
/// before what a person does. Not inside a capitalised phrase, not before "is", and
/// not in an export that never met the name.
#[test]
fn everyday_words_met_as_names_are_those_names_in_later_texts() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("The carers today were Memory Chikwanha and Junior Campbell."),
        "The carers today were [PERSON-1] and [PERSON-2]."
    );
    for (text, want) in [
        (
            "Rota request in writing from Memory by Friday.",
            "Rota request in writing from [PERSON-1] by Friday.",
        ),
        (
            "Manager's note: Memory said the wind did it.",
            "Manager's note: [PERSON-1] said the wind did it.",
        ),
        ("Memory's car broke down.", "[PERSON-1]'s car broke down."),
        (
            "Dat bwoy Junior nuh sleep till midnight.",
            "Dat bwoy [PERSON-2] nuh sleep till midnight.",
        ),
        // The words as words, or in a capitalised phrase.
        (
            "Memory is poor today; she goes to the Memory Clinic on Tuesdays.",
            "Memory is poor today; she goes to the Memory Clinic on Tuesdays.",
        ),
        (
            "A junior doctor rang about her memory.",
            "A junior doctor rang about her memory.",
        ),
        (
            "The Junior Doctors Forum met. Memory Lane cafe.",
            "The Junior Doctors Forum met. Memory Lane cafe.",
        ),
    ] {
        assert_eq!(r.redact(text), want, "{text}");
    }
    // An export that never met the name leaves the word alone.
    let mut fresh = Redactor::new(checker());
    assert_eq!(
        fresh.redact("Rota request in writing from Memory by Friday."),
        "Rota request in writing from Memory by Friday."
    );
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
        let f = checker().find(s, &KnownNames::default());
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

#[test]
fn numbers_read_out_in_words_or_one_figure_at_a_time() {
    assert_eq!(
        kinds("NHS number for the letter, four one four, six one eight, seven nine two three."),
        one(
            FindingKind::NhsNumber,
            "four one four, six one eight, seven nine two three"
        )
    );
    // Ten figures in words whose check digit fails are no NHS number.
    assert_eq!(
        kinds("She counted four one four, six one eight, seven nine two four."),
        vec![]
    );
    assert_eq!(
        kinds("Her new number's oh-seven-seven-double-oh, nine-double-oh, two-one-four, ok?"),
        one(
            FindingKind::Phone,
            "oh-seven-seven-double-oh, nine-double-oh, two-one-four"
        )
    );
    assert_eq!(
        kinds("one-to-one on Monday, two-three times a week"),
        vec![]
    );
    // "Hundred" after a figure is two noughts, as dictation writes a number read out.
    assert_eq!(
        kinds("told her daughter on oh seven seven double oh nine hundred five two six no"),
        one(
            FindingKind::Phone,
            "oh seven seven double oh nine hundred five two six"
        )
    );
    assert_eq!(kinds("about two hundred people, one hundred staff"), vec![]);
    // Ten figures one at a time: by the check digit, or after "NHS".
    assert_eq!(
        kinds("NHS no.: 6 4 8 2 0 1 9 7 3 5"),
        one(FindingKind::NhsNumber, "6 4 8 2 0 1 9 7 3 5")
    );
    assert_eq!(
        kinds("Ref 4 1 4 6 1 8 7 9 2 3 on the letter"),
        one(FindingKind::NhsNumber, "4 1 4 6 1 8 7 9 2 3")
    );
    assert_eq!(kinds("Scores: 6 4 8 2 0 1 9 7 3 5"), vec![]);
}

#[test]
fn dates_run_together_in_ideographs_and_in_irish_and_polish() {
    assert_eq!(
        kinds("Discharged 21JUN13 on medical grounds."),
        one(FindingKind::ExactDate, "21JUN13")
    );
    assert_eq!(
        kinds("Conditional release date 08MAY25."),
        one(FindingKind::ExactDate, "08MAY25")
    );
    assert_eq!(kinds("Form 12ABC34, COVID19 tests, 3 x 21JUNE"), vec![]);
    assert_eq!(
        kinds("A text: \"3月15日 體檢\", a health check."),
        one(FindingKind::ExactDate, "3月15日")
    );
    assert_eq!(
        kinds("Booked for 2025年3月15日."),
        one(FindingKind::ExactDate, "2025年3月15日")
    );
    assert_eq!(kinds("Meet at 3月 next week"), vec![]);
    assert_eq!(
        kinds("Next visit, in her diary: Déardaoin 27 Márta."),
        one(FindingKind::ExactDate, "Déardaoin 27 Márta")
    );
    assert_eq!(
        kinds("Seen Dé Luain 3 Márta."),
        one(FindingKind::ExactDate, "Dé Luain 3 Márta")
    );
    assert_eq!(
        kinds("His wife died on 2 października 2024, as his daughter wrote it."),
        one(FindingKind::ExactDate, "2 października 2024")
    );
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Released 08MAY25, seen 2 października 2024."),
        "Released [DATE: May 2025], seen [DATE: October 2024]."
    );
}

#[test]
fn hungarian_and_softened_welsh_dates_and_a_day_of_the_handover() {
    assert_eq!(
        kinds("A court date for 2025. április 2. (I wrote it her way)."),
        one(FindingKind::ExactDate, "2025. április 2.")
    );
    assert_eq!(
        kinds("Hearing: 2025. március 14-én, Margate."),
        one(FindingKind::ExactDate, "2025. március 14-én")
    );
    // A year ending a sentence, then a month as a word and a count: no date.
    assert_eq!(kinds("Moved in 2019. Május 3 rooms later"), vec![]);
    assert_eq!(kinds("Budget 2025. Április 2a helyett"), vec![]);
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Hearing 2025. április 2."),
        "Hearing [DATE: April 2025]"
    );
    assert_eq!(
        kinds("Home visit on the 11eg o Fawrth, on the calendar."),
        one(FindingKind::ExactDate, "11eg o Fawrth")
    );
    assert_eq!(
        kinds("Ganwyd hi ar y 1af o Fai."),
        one(FindingKind::ExactDate, "1af o Fai")
    );
    // "o" before a word that is no month: "5ed o Fawr" is nothing.
    assert_eq!(kinds("Y 5ed o Fawr ddiwrnod"), vec![]);
    assert_eq!(
        kinds("Observed: on the handover of the 15th and twice since."),
        one(FindingKind::ExactDate, "15th")
    );
    assert_eq!(
        kinds("Her birthday is at the end of the 3rd."),
        one(FindingKind::ExactDate, "3rd")
    );
    // A count, not a day.
    assert_eq!(
        kinds("Most of the 3rd years came, one of the 2nd floor flats too."),
        vec![]
    );
}

#[test]
fn names_after_a_label_with_an_initial_and_in_capitals() {
    // A form's label makes a name of what is written in it, a town's name included.
    assert_eq!(
        names("SURNAME CARLISLE · FORENAMES DEAN ANTHONY · prison no. A4471DK"),
        ["CARLISLE", "DEAN ANTHONY"]
    );
    assert_eq!(
        names("Surname: Okafor-Bell. First name: Rowan."),
        ["Okafor-Bell", "Rowan"]
    );
    assert_eq!(
        names("We are on first name terms now, and her surname is hard to spell."),
        Vec::<String>::new()
    );
    // An initial before a speaker's colon, an aside or a table's next cell.
    assert_eq!(
        names("[22:47] Blessing O: u said u was coming"),
        ["Blessing O"]
    );
    assert_eq!(names("12:40 | Tunde O | vaping"), ["Tunde O"]);
    assert_eq!(
        names("Carers: Tunde M (lead), Bisi (doubles)."),
        ["Tunde M", "Bisi"]
    );
    // Filipino particles.
    assert_eq!(
        names("Maricel dela Cruz, 34, came as a care worker."),
        ["Maricel dela Cruz"]
    );
}

#[test]
fn a_name_that_is_a_word_elsewhere_a_partner_by_name_and_a_welsh_weekday() {
    // A word of another language before an age is someone.
    assert_eq!(
        names("Tayo (7) and his sister came to the group."),
        ["Tayo"]
    );
    // A name caught is not the place of the same name after a word of where.
    assert_eq!(
        names("Paris (8) was born in Paris and came through Paris."),
        ["Paris"]
    );
    assert_eq!(
        names("Carlisle from Carlisle, SURNAME CARLISLE."),
        ["Carlisle", "CARLISLE"]
    );
    // An unlisted name after a relation's possessive, before a verb of the present, is
    // someone, not a thing of theirs; a thing before what it is stays a thing.
    assert_eq!(names("Her mum's Dapo fixes bikes on Saturdays."), ["Dapo"]);
    assert_eq!(
        names("Her mum's Wedgwood plate broke."),
        Vec::<String>::new()
    );
    // "dydd Llun" is Monday, not someone.
    assert_eq!(kinds("Gwelwn ni dydd Llun."), vec![]);
    assert_eq!(
        kinds("Dydd Llun 10 Mawrth"),
        one(FindingKind::ExactDate, "Dydd Llun 10 Mawrth")
    );
}

#[test]
fn a_feast_of_one_day_before_its_year_is_an_exact_date() {
    assert_eq!(
        kinds("Her first loss was on Christmas Eve 2023, she said."),
        one(FindingKind::ExactDate, "Christmas Eve 2023")
    );
    assert_eq!(
        kinds("St. Patrick's Day 2024 was the parade."),
        one(FindingKind::ExactDate, "St. Patrick's Day 2024")
    );
    // Alone, a feast is a time of year; so is one before a count.
    assert_eq!(
        kinds("A quiet Christmas, and Boxing Day was busy. At Christmas 12 came."),
        vec![]
    );
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Since Christmas Eve 2023."),
        "Since [DATE: December 2023]."
    );
}

#[test]
fn what_someone_is_called_is_a_name_whatever_the_word() {
    assert_eq!(
        names("The shapla is the water lily, which is where her name, Shapla, comes from."),
        ["Shapla"]
    );
    assert_eq!(
        names("His name is Frank and her name's Selam."),
        ["Frank", "Selam"]
    );
    // A character's name made of words is no one's.
    assert_eq!(
        names("He told the staff his name was Spider-Man."),
        Vec::<String>::new()
    );
}

#[test]
fn phones_abroad_after_their_country_code() {
    assert_eq!(
        kinds("Her Ukrainian number +380 67 412 3391 still works."),
        one(FindingKind::Phone, "+380 67 412 3391")
    );
    assert_eq!(
        kinds("Call me at +1 602 555 0144, I'm in Phoenix."),
        one(FindingKind::Phone, "+1 602 555 0144")
    );
    // Too few figures for a phone: a score or a count.
    assert_eq!(kinds("Mood +2 3 4 on the scale"), vec![]);
}

#[test]
fn a_range_of_days_a_weekday_with_the_and_a_date_from_a_form_s_boxes() {
    assert_eq!(
        kinds("He was absent 3–7 February and again later."),
        one(FindingKind::ExactDate, "3–7 February")
    );
    assert_eq!(
        kinds("She died on Wednesday the 16th of April."),
        one(FindingKind::ExactDate, "Wednesday the 16th of April")
    );
    assert_eq!(
        kinds("DOB 05 / 06 / 2016 (copied from the boxes)."),
        one(FindingKind::BirthDate, "DOB 05 / 06 / 2016")
    );
    // Spaced slashes with no four-figure year are scores.
    assert_eq!(kinds("Scores 3 / 4 / 25 and 2 / 3."), vec![]);
}

/// A room, flat or unit numbered in a note about a lodging that is someone's home is part
/// of an address, and so is a pitch or plot on a site; a bed, bay or cell on a ward or a
/// wing, a room in a care home or a hospital, and a room no one lives in are not. None of
/// these notes is in the corpora.
#[test]
fn a_room_or_pitch_that_is_a_home_is_an_address_and_a_bed_or_cell_is_not() {
    let addr = |s: &str| (FindingKind::Address, s.to_string());
    assert_eq!(
        kinds("Night shift at the foyer. rm 5 quiet, flat 2b asked for a kettle."),
        vec![addr("rm 5"), addr("flat 2b")]
    );
    assert_eq!(
        kinds("Moved from the refuge into chalet 12, Meadow Holiday Park, on a licence."),
        vec![addr("chalet 12, Meadow Holiday Park")]
    );
    assert_eq!(
        kinds("Transit site visit: pitch 4 has no water, plot 9 is empty."),
        vec![addr("pitch 4"), addr("plot 9")]
    );
    assert_eq!(
        kinds("Hostel meeting in interview room 2 about the hospital letter."),
        vec![]
    );
    for note in [
        "Bed 6 settled overnight, cell 2-14 on ACCT obs, bay 3 empty.",
        "Respite at the care home, room 8, after the hostel closed.",
        "Back on the ward from the hostel, side room 4, bay 2 full.",
        "Football at the leisure centre, pitch 3; the plot 6 raffle.",
    ] {
        assert_eq!(kinds(note), vec![], "{note}");
    }
}

/// A word given as a first name (a tree, the sea, a stream) is a name where the words
/// around it say someone, and the word where they do not; a toddler is family before a
/// name as a baby is. None of these notes is in the corpora.
#[test]
fn word_names_of_trees_and_water_are_names_where_someone_is_said() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        kinds("Home visit. Her son Aspen was asleep and toddler Wren (3) was fed."),
        vec![name("Aspen"), name("Wren")]
    );
    assert_eq!(
        kinds("Seen at home. Reign came to the clinic and Ocean rang his dad."),
        vec![name("Reign"), name("Ocean")]
    );
    for note in [
        "Rowan berries are toxic to dogs. We walked by the brook and the ocean.",
        "The Ocean Terminal car park; a wren on the wall; the rowan by the gate.",
    ] {
        assert_eq!(kinds(note), vec![], "{note}");
    }
}

/// Conditions named after people, shows, apps, cars and people everyone has heard of are
/// no one in a note; a name beside them still is. None of these notes is in the corpora.
#[test]
fn eponyms_shows_apps_and_cars_are_not_names() {
    assert_eq!(
        kinds(
            "Thyroid is Hashimoto's, speech a Broca's type, ECG says Wolff-Parkinson-White. \
             She likes Heartstopper, Pororo and Stormzy, logs into Moodle, drives a Toyota \
             Prius, not a Corsa, and read about PACE before Mermaids rang."
        ),
        vec![]
    );
    assert_eq!(
        kinds("Picked up by Kwame in a Corsa."),
        vec![(FindingKind::Name, "Kwame".to_string())]
    );
    // A writer read about, whose name is a common one, is still flagged: a client may
    // bear it.
    assert_eq!(
        kinds("Read Dan Hughes on PACE again before the visit."),
        vec![(FindingKind::Name, "Dan Hughes".to_string())]
    );
}

/// A weekday in lowercase or in three capitals is a day before an ordinal ("due weds
/// 4th", "MON 2ND"); alone it is not, and "sat" and "sun" in lowercase are words. None of
/// these notes is in the corpora.
#[test]
fn a_weekday_written_loosely_before_an_ordinal_is_a_day() {
    let day = |s: &str| (FindingKind::ExactDate, s.to_string());
    assert_eq!(
        kinds("depot due weds 4th, bloods fri 28th"),
        vec![day("weds 4th"), day("fri 28th")]
    );
    assert_eq!(kinds("CLINIC MON 2ND. BRING FORMS."), vec![day("MON 2ND")]);
    for note in [
        "She sat 2nd in the race and the sun 3rd brightest.",
        "FRI is PE. Thurs late, weds early.",
    ] {
        assert_eq!(kinds(note), vec![], "{note}");
    }
}

/// A pupil in capitals before their form group is a name ("TYLER OKAFOR 9D", "ALSO
/// MERCY IN 11A"); a subject, a year or a code before one is not. None of these notes is
/// in the corpora.
#[test]
fn a_pupil_in_capitals_before_a_form_group_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        kinds("NOTE - TYLER OKAFOR 9D INHALER IN OFFICE. ALSO MERCY IN 11A TO SEE NURSE."),
        vec![name("TYLER OKAFOR"), name("MERCY")]
    );
    assert_eq!(
        kinds("MATHS 10B MOVED. YEAR 7C TRIP. PE 9B IN HALL. ALSO IN 8A."),
        vec![]
    );
}

/// A word that is a name is one before a role of two or three words in brackets ("Holly
/// (support worker)"), and a name met before in the same note is one again at a sentence's
/// start before a verb in the past ("Willow tolerated the bloods"); a word no one in the
/// note is called stays a word there. None of these notes is in the corpora.
#[test]
fn a_word_name_before_a_role_in_brackets_or_again_before_a_past_verb_is_a_name() {
    let name = |s: &str| (FindingKind::Name, s.to_string());
    assert_eq!(
        kinds("Walked to the shop with Holly (support worker) and back."),
        vec![name("Holly")]
    );
    assert_eq!(
        kinds("Name: Willow Mbatha. Willow tolerated the bloods. Hope remained high."),
        vec![name("Willow Mbatha"), name("Willow")]
    );
    assert_eq!(
        kinds("Hope remained high. The willow needed cutting (garden team lead)."),
        vec![]
    );
}

/// A word that is a name is someone before "was born" ("Willow was born at 03:10"), and a
/// reference with a capital prefix runs on through its groups of figures ("PIP 4471 2290
/// 15"), not into a day after it ("JSA 2231 14 March"). None of these notes is in the
/// corpora.
#[test]
fn a_word_name_born_and_a_reference_in_groups_are_found_whole() {
    assert_eq!(
        kinds("Home birth. Willow was born at 03:10; the idea was born later."),
        vec![(FindingKind::Name, "Willow".to_string())]
    );
    assert_eq!(
        kinds("Claim ref PIP 4471 2290 15 sent."),
        vec![(FindingKind::RecordNumber, "PIP 4471 2290 15".to_string())]
    );
    assert_eq!(
        kinds("Claim ref JSA 2231 14 March sent."),
        vec![
            (FindingKind::RecordNumber, "JSA 2231".to_string()),
            (FindingKind::ExactDate, "14 March".to_string())
        ]
    );
}

/// A hospital by its city and "Royal" alone is a place ("conveyed to Leeds Royal."), and a
/// royal's title before a place found from "Royal" is part of it; "Royal Mail" and a
/// city's "Royal" before more of a name are not this. None of these notes is in the
/// corpora.
#[test]
fn a_hospital_by_its_city_and_royal_is_a_place() {
    assert_eq!(
        kinds("Fall at home, conveyed to Leeds Royal. Parcel went by Royal Mail."),
        vec![(FindingKind::Place, "Leeds Royal".to_string())]
    );
    assert_eq!(kinds("Leeds Royal Mail depot was shut."), vec![]);
    assert_eq!(
        kinds("She is booked at the Prince Royal Maternity in the spring."),
        vec![(FindingKind::Place, "Prince Royal Maternity".to_string())]
    );
}

#[test]
fn allowed_words_are_no_name_to_any_rule() {
    // Every rule that finds a name honours the config's `allow`, not the names pass
    // alone: a name in brackets, an initial alone, a month as a name, a retired rank.
    let c = Checker::new(
        Vec::<String>::new(),
        &[],
        &["Milan".to_string(), "K".to_string(), "June".to_string()],
    );
    for s in [
        "Milan (dad, working nights) rang back.",
        "The first one with K today.",
        "Then K said she was fine.",
        "Met June and her sister at the door.",
    ] {
        let names: Vec<_> = c
            .scan(s)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Name)
            .map(|f| f.text)
            .collect();
        assert!(names.is_empty(), "{s}: {names:?}");
    }
    // A name beside an allowed word is still found.
    let got: Vec<_> = c
        .scan("Milan Kowalczyk (dad, working nights) rang back.")
        .into_iter()
        .map(|f| f.text)
        .collect();
    assert!(got.iter().any(|t| t.contains("Kowalczyk")), "{got:?}");
    // And the redactor is not taught an allowed word as someone's name.
    let mut r = Redactor::new(c);
    r.redact("Milan (dad, working nights) rang back.");
    assert_eq!(
        r.redact("The one person Milan trusts is here."),
        "The one person Milan trusts is here."
    );
}

#[test]
fn dictated_postcodes_and_addresses_all_in_lowercase() {
    assert_eq!(
        kinds("at flat nine hazelwick court postcode are aitch ten one ex why he works"),
        vec![
            (
                FindingKind::Address,
                "flat nine hazelwick court".to_string()
            ),
            (
                FindingKind::Postcode,
                "are aitch ten one ex why".to_string()
            ),
        ]
    );
    assert_eq!(
        kinds("number seven cairnfield place postcode is a b one five six ex tee her chi"),
        vec![
            (
                FindingKind::Address,
                "number seven cairnfield place".to_string()
            ),
            (FindingKind::Postcode, "a b one five six ex tee".to_string()),
        ]
    );
    // The same words with no cue, or making no postcode, are talk.
    for text in [
        "are you ten one ex why not",
        "the postcode is a bit of a mystery to me",
        "postcode are aitch ten",
        "The number one priority road to recovery. Number seven bus stop.",
        "a flat nine storeys high court",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
}

#[test]
fn a_postcode_read_out_and_written_is_one_place() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Postcode are aitch ten one ex why, confirmed as RH10 1XY on the letter."),
        "Postcode [POSTCODE-1], confirmed as [POSTCODE-1] on the letter."
    );
    // Another code read out is another place.
    assert_eq!(
        r.redact("Her old postcode is a b one five six ex tee."),
        "Her old postcode is [POSTCODE-2]."
    );
}

#[test]
fn a_name_before_its_full_name_in_brackets_is_one_person() {
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Visited Dod (George Cruickshank) with Tomek (Tomasz Wróblewski)."),
        "Visited [PERSON-1] ([PERSON-1]) with [PERSON-2] ([PERSON-2])."
    );
    // Later, either name alone is the same person.
    assert_eq!(
        r.redact("Dod was in good form. Cruickshank signed. Tomek slept."),
        "[PERSON-1] was in good form. [PERSON-1] signed. [PERSON-2] slept."
    );
}

#[test]
fn figures_of_other_scripts_are_read_as_figures() {
    assert_eq!(
        kinds("Seen on ١٨/٣/٢٠٢٥, his phone ۰۷۷۰۰ ۹۰۰ ۳۲۱."),
        vec![
            (FindingKind::ExactDate, "١٨/٣/٢٠٢٥".to_string()),
            (FindingKind::Phone, "۰۷۷۰۰ ۹۰۰ ۳۲۱".to_string()),
        ]
    );
    // A date of the Persian calendar, its year first: a date, no Gregorian month shown.
    assert_eq!(
        kinds("On his card: ۱۴۰۳/۱۲/۲۵."),
        one(FindingKind::ExactDate, "۱۴۰۳/۱۲/۲۵")
    );
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Card: ۱۴۰۳/۱۲/۲۵, rang ۰۷۷۰۰ ۹۰۰ ۳۲۱ and 07700 900 321."),
        "Card: [DATE], rang [PHONE-1] and [PHONE-1]."
    );
    // Figures alone in another script are no more than the same figures in ASCII.
    assert_eq!(kinds("Room ٣ and ٤ chairs"), vec![]);
}

#[test]
fn channel_island_streets_and_names_spelt_in_capitals() {
    assert_eq!(
        kinds("at home: Les Vinaires, Rue de la Hougue, GY8 0PS."),
        vec![
            (
                FindingKind::Address,
                "Les Vinaires, Rue de la Hougue".to_string()
            ),
            (FindingKind::Postcode, "GY8 0PS".to_string()),
        ]
    );
    assert_eq!(
        kinds("Off Route des Coutanchez, then Rue d'Icart."),
        vec![
            (FindingKind::Address, "Route des Coutanchez".to_string()),
            (FindingKind::Address, "Rue d'Icart".to_string()),
        ]
    );
    assert_eq!(kinds("Take Route 66, then the Rue."), vec![]);
    assert_eq!(
        kinds("On my palm: J A N I C E, then R O Y."),
        vec![
            (FindingKind::Name, "J A N I C E".to_string()),
            (FindingKind::Name, "R O Y".to_string()),
        ]
    );
    assert_eq!(kinds("A B C and D O G and T E A."), vec![]);
    let mut r = Redactor::new(checker());
    assert_eq!(
        r.redact("Janice rang. Her mum spelt J A N I C E."),
        "[PERSON-1] rang. Her mum spelt [PERSON-1]."
    );
}

#[test]
fn a_name_in_an_email_address_says_nothing_of_the_name() {
    // "janice" in lowercase in the address is not the word written in lowercase.
    assert_eq!(
        kinds("To: Janice Gotts <janice.gotts62@btinternet.com>"),
        vec![
            (FindingKind::Name, "Janice Gotts".to_string()),
            (
                FindingKind::Email,
                "janice.gotts62@btinternet.com".to_string()
            ),
        ]
    );
    assert_eq!(
        kinds("We met Zbyszko at the hub (zbyszko.t@example.com)."),
        vec![
            (FindingKind::Name, "Zbyszko".to_string()),
            (FindingKind::Email, "zbyszko.t@example.com".to_string()),
        ]
    );
}

#[test]
fn dates_before_a_time_after_a_shift_and_after_a_loose_weekday() {
    // "Mar 09:12": the hour of a time, not a day.
    assert_eq!(
        kinds("Sent: Tue 11 Mar 09:12"),
        one(FindingKind::ExactDate, "Tue 11 Mar")
    );
    assert_eq!(
        kinds("handover nights 9/3 ward"),
        one(FindingKind::ExactDate, "9/3")
    );
    assert_eq!(
        kinds("eve run mon 17/3 torry"),
        one(FindingKind::ExactDate, "mon 17/3")
    );
    assert_eq!(kinds("three nights 1/2 price"), vec![]);
}

#[test]
fn a_title_alone_is_no_one_and_the_older_generations_names_are_names() {
    assert_eq!(
        kinds("He kept saying \"terima kasih, Bapak\" to me."),
        vec![]
    );
    assert_eq!(
        kinds("Hajjeh Samira came too."),
        one(FindingKind::Name, "Hajjeh Samira")
    );
    assert_eq!(
        kinds("Wife Doris exhausted. Derek and Mavis came."),
        vec![
            (FindingKind::Name, "Doris".to_string()),
            (FindingKind::Name, "Derek".to_string()),
            (FindingKind::Name, "Mavis".to_string()),
        ]
    );
    // Theorists, peoples and a model by its authors.
    assert_eq!(
        kinds("Atkins & Murphy's model; Bruce Perry; van der Kolk; Chagossian women."),
        vec![]
    );
}

#[test]
fn chat_speakers_on_lines_of_their_own_and_names_given_by_what_people_are_called() {
    let found = kinds(
        "WeChat\nApple Lin 23:14\nwhere are you\nApple Lin 23:20\nshe is not answering\n小雨 23:41\nsorry",
    );
    assert_eq!(
        found,
        vec![
            (FindingKind::Name, "Apple Lin".to_string()),
            (FindingKind::Name, "Apple Lin".to_string()),
            (FindingKind::Name, "小雨".to_string()),
        ]
    );
    // A log's times after everyday words, or one such line alone, name no one.
    assert_eq!(
        kinds("Log\nArrived 23:14\nwaited\nLeft 23:50\nhome"),
        vec![]
    );
    assert_eq!(kinds("Zbyszko 23:14\nran out"), vec![]);
    assert_eq!(
        kinds("Chen Xiaoyu (English name Cherry) sent a photo. His nickname Dod stuck."),
        vec![
            (FindingKind::Name, "Chen Xiaoyu".to_string()),
            (FindingKind::Name, "Cherry".to_string()),
            (FindingKind::Name, "Dod".to_string()),
        ]
    );
    assert_eq!(kinds("Pick a name Early or Late for the rota."), vec![]);
    assert_eq!(
        kinds("Dod (George Cruickshank) keys in the box. Manager (Sarah Jones) agreed."),
        vec![
            (FindingKind::Name, "Dod".to_string()),
            (FindingKind::Name, "George Cruickshank".to_string()),
            (FindingKind::Name, "Sarah Jones".to_string()),
        ]
    );
    // A word only of another language after a title of respect: "Pak Agus".
    assert_eq!(
        kinds("The younger crew call him \"Pak Agus\"."),
        one(FindingKind::Name, "Pak Agus")
    );
}

#[test]
fn dates_of_other_languages_and_days_in_words_as_dictated() {
    for (text, want) in [
        ("dated 3 de março de 2025.", "3 de março de 2025"),
        ("born 12 juin 1945 in France", "born 12 juin 1945"),
        ("arrived 14 Maret 2025 by boat", "14 Maret 2025"),
        (
            "refused on the twenty first of february refusal",
            "twenty first of february",
        ),
        (
            "dictated after jessies visit thursday the twentieth",
            "thursday the twentieth",
        ),
    ] {
        let found = kinds(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, want, "{text}");
    }
    assert_eq!(
        kinds("her birthday the second of july nineteen forty five so"),
        one(
            FindingKind::BirthDate,
            "birthday the second of july nineteen forty five"
        )
    );
    // "de" before no month, "mars" as no month: nothing.
    assert_eq!(kinds("3 de nós, and the Mars bar."), vec![]);
}

#[test]
fn numbers_by_the_shape_of_another_country_and_after_their_cue() {
    assert_eq!(
        kinds("CPF 428.375.190-14 is for the GP; his number +55 (11) 98734-2210."),
        vec![
            (FindingKind::RecordNumber, "428.375.190-14".to_string()),
            (FindingKind::Phone, "+55 (11) 98734-2210".to_string()),
        ]
    );
    assert_eq!(
        kinds("his EUSS share code for the housing is W7X 4K9 2QH he sent it"),
        one(FindingKind::RecordNumber, "W7X 4K9 2QH")
    );
    assert_eq!(
        kinds("refusal ref GWF 0 7 1 4 4 8 2 3 9 I said"),
        one(FindingKind::RecordNumber, "GWF 0 7 1 4 4 8 2 3 9")
    );
    // Versions, a share code not yet given, a phone too short.
    for text in [
        "version 1.2.3-45 of the app",
        "ask for his share code next week",
        "call +44 (0) 12",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
}

#[test]
fn hospitals_known_by_their_initials_alone() {
    assert_eq!(
        kinds("Admitted to the RVI overnight, then QEUH for the scan."),
        vec![
            (FindingKind::Place, "RVI".to_string()),
            (FindingKind::Place, "QEUH".to_string()),
        ]
    );
    // A scan, an infection, a record's number: no hospital.
    for text in [
        "MRI on Tuesday, ARI treated, the CRH level low.",
        "Ward rounds on RVIs? No.",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
}

/// `Taken` answers as a scan of every span would, overlapping spans and all.
#[test]
fn taken_answers_as_a_scan_of_every_span_would() {
    let spans = [(3, 9), (4, 5), (12, 20), (12, 13), (25, 26), (0, 1)];
    let cands: Vec<Cand> = spans
        .iter()
        .map(|&(s, e)| Cand::new(FindingKind::Name, s, e))
        .collect();
    let taken = Taken::new(&cands);
    for start in 0..30 {
        for end in start + 1..31 {
            let scan = spans.iter().any(|&(s, e)| s < end && start < e);
            assert_eq!(taken.overlaps(start, end), scan, "{start}..{end}");
        }
    }
    assert!(!Taken::new(&[]).overlaps(0, 5));
}

/// `lines_at` gives each line without its "\n" and where it starts; `opens_line` agrees.
#[test]
fn lines_at_gives_each_line_and_its_offset() {
    let text = "Present: JC\n\nThanks,\r\nJan";
    let lines: Vec<(usize, &str)> = lines_at(text).collect();
    assert_eq!(
        lines,
        vec![(0, "Present: JC"), (12, ""), (13, "Thanks,\r"), (22, "Jan")]
    );
    for (at, line) in lines {
        assert_eq!(&text[at..at + line.len()], line);
        assert!(opens_line(text, at));
    }
    assert!(!opens_line(text, 9));
}
