//! The word lists: capitalised words that are no one's name, the dictionary of everyday
//! words, and the list of first names and surnames.

use super::*;

/// Whether a lowercase word is a word as it stands (in the word list, or its plural),
/// not only by what its endings suggest.
pub(super) fn is_plainly_ordinary(l: &str) -> bool {
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
pub(super) const ALLOWED_GROUPS: &[&[&str]] = &[
    CALENDAR, THEORISTS, ROLES, BODIES, PEOPLES, BRANDS, CHAINS, EVERYDAY,
];

/// Months, weekdays and their short forms.
#[rustfmt::skip]
pub(super) const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs",
    "fri", "sat", "sun",
];

/// Reflective models, supervision and change theorists (PRACTICE.md §2–§5) and others a
/// practitioner cites. After a first name they are a surname ("Sarah Miller").
#[rustfmt::skip]
pub(super) const THEORISTS: &[&str] = &[
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
    "feil", "stroebe", "schut", "ury", "waddell", "papadopoulos", "thomas-kilmann", "kawa",
    "iwama", "kielhofner", "hofstede", "leininger", "sabat", "lipsky",
    "ramachandran", "linehan", "chochinov", "neimeyer", "worden", "wilcock", "doka", "laban",
    "chace", "antonovsky", "siegel", "moreno", "casley-smith", "frankl", "ascione",
    "tronick", "brodzinsky", "campinha-bacote",
];

/// Family and roles, as people write them.
#[rustfmt::skip]
pub(super) const ROLES: &[&str] = &[
    "mum", "mummy", "mam", "mom", "mommy", "dad", "daddy", "grandma", "granny", "gran",
    "nan", "nana", "nanna", "nanny", "grandad", "granddad", "grandpa", "gramps", "auntie",
    "aunty", "uncle", "stepmum", "stepdad", "mammy", "mammie", "granda", "grandda",
    "grampa", "grampy",
];

/// Public bodies, charities, services and laws; places too big to identify anyone.
#[rustfmt::skip]
pub(super) const BODIES: &[&str] = &[
    "ofsted", "cafcass", "barnardo", "barnardos", "barnardo's", "mencap", "samaritans",
    "childline", "kooth", "svp", "jobcentre", "unison", "nhs", "motability", "healthwatch",
    "scope", "turn2us", "stepchange", "relate", "homestart", "surestart", "macmillan",
    "sendiass", "ehcp", "dols", "mash", "marac", "mappa", "england", "wales", "scotland",
    "britain", "ireland", "uk", "europe", "africa", "asia", "america", "inspectorate",
    "estyn", "cruse", "mermaids", "trussell", "coram",
];

/// Languages, nationalities, faiths and festivals; conditions named after people. After a
/// first name they are a surname ("Dorin Moldovan", "Sarah English").
#[rustfmt::skip]
pub(super) const PEOPLES: &[&str] = &[
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
    "behçet", "lewy", "cheyne-stokes", "hashimoto", "broca", "wernicke",
    "wolff-parkinson-white", "wilms",
    "hungarian", "czech", "slovak", "slovakian", "croatian", "serbian", "bosnian", "kosovan",
    "kosovar", "georgian", "armenian", "chechen", "estonian", "belarusian",
    "greek", "cypriot", "maltese", "dutch", "belgian", "swiss", "austrian", "finnish",
    "swedish", "norwegian", "danish", "korean", "japanese", "thai", "filipino", "filipina",
    "goan", "goans", "konkani", "kwéyòl", "kweyol", "polari", "cambodian", "cambodians",
    "coptic", "s'gaw", "khmer", "burmese", "tibetan",
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
    "chagossian", "chagossians", "mauritian", "showpeople", "showman", "showmen",
    "gurmukhi", "devanagari",
    "yazidi", "yazidis", "assyrian", "assyrians", "tongan", "tongans", "taiwanese",
    "azerbaijani", "parsi", "parsis", "ahmadis", "ahmadiyya", "bahá'í", "bahá'ís",
    "baha'i", "baha'is", "jain", "jains", "mormon", "mormons", "helenian", "helenians",
    "yugoslav", "cyrillic", "i-kiribati", "gilbertese", "oromo", "icelandic",
    "maldivian", "rastafarian", "rastafari", "ivorian", "malagasy", "tetum", "timorese",
    "basque", "euskara", "cherokee", "bhutanese", "javanese",
];

/// Tools and everyday brands.
#[rustfmt::skip]
pub(super) const BRANDS: &[&str] = &[
    "zoom", "teams", "whatsapp", "facebook", "instagram", "tiktok", "snapchat", "youtube",
    "google", "microsoft", "outlook", "excel", "powerpoint", "onenote", "sharepoint",
    "linkedin", "twitter", "skype", "netflix", "amazon", "uber", "tesco", "asda",
    "sainsbury", "sainsburys", "aldi", "lidl", "morrisons", "greggs", "costa", "starbucks",
    "mcdonald", "mcdonalds", "iphone", "ipad", "android", "liquidlogic", "systmone", "emis",
    "carefirst", "datix", "waterlow", "braden", "butlins", "pontins", "insta", "helimed",
    "garmin", "widgit", "bristow",
];

/// Everyday and practice words the word list lacks, and the section names of the
/// reflective models.
#[rustfmt::skip]
pub(super) const EVERYDAY: &[&str] = &[
    "ok", "okay", "wellbeing", "covid", "covid-19", "lockdown", "e.g", "i.e", "etc", "hmm",
    "yeah", "handover", "handovers", "reflexivity", "empirics", "conceptualisation",
    "genogram", "ecomap", "caseload", "keyworker", "foodbank", "safeguarding", "checkin",
    "debrief", "signposting", "co-production", "neurodivergent", "neurodivergence",
    "autistic", "carer", "carers", "respite", "kinship", "multi-agency", "deprivation",
    "housing", "nursing", "training", "counselling", "fostering", "planning", "funding",
    "parenting", "befriending", "commissioning", "reablement", "hb", "hba1c", "egfr",
    "mmol", "spo2", "boccia", "concordat", "freeflow", "houseparent", "houseparents",
    "chemsex", "hiya", "enablement", "perinatal", "neurodevelopmental", "neurodiversity",
    "audiology", "sustainment", "resettlement", "homelessness", "lymphoedema",
    "multiagency", "wraparound", "podiatry", "dietetics", "orthotics", "telecare", "café",
    "cafés", "dodgems", "rebook", "gert", "playwork",
    // A meeting app's roles, in its American spelling: "Organizer", "Attendee".
    "attendee", "attendees", "organizer", "organizers", "co-organizer", "presenter",
    // The shorthand of a note typed fast, which a title before it does not make a name:
    // "dr appt tomorrow", "mr txt back", "Dr cert sent".
    "appt", "appts", "cert", "certs", "gp", "gps", "asap", "thx", "tmrw", "hosp", "obs", "emp",
    "physio", "physios", "rota", "txt", "msg", "msgs", "mdt", "cpn", "vm", "f2f",
];

/// Public names a reflection may cite, and roles written as titles ("Named Person", the
/// Scottish role for a child): never flagged as a person.
pub(super) const ALLOWED_PHRASES: &[&str] = &[
    "Loretta Ross",
    "Bruce Perry",
    "Menzies Lyth",
    "Isabel Menzies Lyth",
    "Kevin Bales",
    "Evan Stark",
    "Judith Herman",
    "Abiy Tsom",
    "Udon Thani",
    "van der Kolk",
    "Lock and Le Grange",
    "Atkins and Murphy",
    "Atkins & Murphy",
    "Gillick and Fraser",
    "Phosphate Sandoz",
    "Kennet and Avon",
    "São Paulo",
    "Sao Paulo",
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
    "Bukayo Saka",
    "Consular Section",
    "Vera Lynn",
    "Bob Marley",
    "Lewis Capaldi",
    "Marcus Rashford",
    "Cicely Saunders",
    "Awaab Ishak",
    "Awaab's Law",
    "Aston Villa",
    "Twycross Zoo",
    "Marks and Spencer",
    "Marks & Spencer",
    "Hafren Dyfrdwy",
    "Sara Stedy",
    "Leslie Cheung",
    "Jackie Chan",
    "Joanna Lumley",
    "George Best",
    "Idris Elba",
    "Cristiano Ronaldo",
    "Kate Granger",
    "Paul Farmer",
    "Liz Kelly",
    "Marius Romme",
    "Sandra Escher",
    "Eleanor Longden",
    "Ager and Strang",
    "Ayat al-Kursi",
    "Mr Kipling",
    "Cowes Week",
    "Bikram Sambat",
    "Tuen Mun",
    "Kowloon City",
    "Nghệ An",
    "Ho Chi Minh City",
    "Al Hoceima",
    "Cox's Bazar",
    "Câmara de Lobos",
    "St Helier",
    "Sierra Leone",
    "Cartão de Cidadão",
    "Ben & Jerry's",
    "Ben and Jerry's",
    "Max and Keira's Law",
    "Faith and Belief Forum",
    "Gangmasters and Labour Abuse Authority",
    "Stephen Hawking",
    "Brokeback Mountain",
    "Stormont House",
    "Fratton Park",
    "Hindu Kush",
    "Wester Ross",
    "Vieux Fort",
    "Anse Chastanet",
    "Bun Cranncha",
    "Aadi Perukku",
    "Pohela Boishakh",
    "Jounen Kwéyòl",
    "Sul y Blodau",
    "Dev borem",
    "Aquacel Ag",
    "Downham Market",
    "Clay Cross",
    "Keen of Hamar",
    "Shropshire Star",
    "Virtual School",
    "Sweet Adelines",
    "Michael West",
    "Marian Chace",
    "Oliver McGowan",
    "Shah Rukh Khan",
    "Jai Shri Krishna",
    "Kyrie eleison",
    "Festa di San Giuseppe",
    "Coptic Orphans",
    "Pole sana",
    "dunna mak a fuss",
    "S'gaw Karen",
    "Saint Mina",
    "Tashi delek",
    "Wells-next-the-Sea",
    "St Mina",
    "Selly Oak",
    "Hyde Park",
    "Warren Hill",
    "Luang Prabang",
    "St Helena",
    "Çarşema Sor",
    "Jalsa Salana",
    "Santa Marija",
    "Sveti Nikola",
    "Lewes Bonfire",
    "Kevin Costner",
    "Joseph Smith",
    "Haile Selassie",
    "Freddie Mercury",
    "Didier Drogba",
    "Nadia Murad",
    "Arthur Frank",
    "Navkar Mantra",
    "Tawûsî Melek",
    "Kebra Nagast",
    "Stella Maris",
    "Free Wesleyan",
    "Papps and Ramsden",
    "Pharmacy First",
    "Ko rabwa",
    "Hristos se rodi",
    "Bahá'í World Centre",
    "Pi Mai",
    "Te recuerdo Amanda",
    "Andy's Man Club",
    "Herbert Protocol",
    "Charles Bonnet",
    "Lord Kitchener",
    "Víctor Jara",
    "Mason Durie",
    "O'Brien's five accomplishments",
    "Whare Tapa Whā",
    "Virgen de Guadalupe",
    "St Vincent de Paul",
    "Estadio Nacional",
    "Tsagaan Sar",
    "Sant Jordi",
    "Rath Yatra",
    "Inti Raymi",
    "Hari Raya Aidilfitri",
    "Hari Raya",
    "Día de Muertos",
    "Divali Nagar",
    "Lotu Tamaiti",
    "Ngāti Porou",
    "New Zealander",
    "Wood Green",
    "Small Heath",
    "Scurdie Ness",
    "San Fernando",
    "Eamont Bridge",
    "Deir al-Balah",
    "lou tama",
    "Amartya Sen",
    "Viktor Frankl",
    "Wilma Mankiller",
    "Suzy Lamplugh",
    "Cathy Creswell",
];

pub(super) fn builtin_phrases() -> &'static PatSet {
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
pub(super) fn is_allowed(l: &str) -> bool {
    allowed_words().contains(l)
        || l.strip_suffix('s')
            .is_some_and(|w| allowed_words().contains(w))
}

pub(super) fn allowed_words() -> &'static HashSet<&'static str, FastHash> {
    static S: OnceLock<HashSet<&'static str, FastHash>> = OnceLock::new();
    S.get_or_init(|| {
        ALLOWED_GROUPS
            .iter()
            .flat_map(|g| g.iter().copied())
            .collect()
    })
}

/// The places of `assets/places.txt` alone (cities, large towns, counties, regions),
/// folded.
pub(super) fn big_places() -> &'static HashSet<String, FastHash> {
    static P: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    P.get_or_init(|| {
        include_str!("../../../assets/places.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold_str)
            .collect()
    })
}

pub(super) fn dictionary() -> &'static HashSet<&'static str, FastHash> {
    static D: OnceLock<HashSet<&'static str, FastHash>> = OnceLock::new();
    D.get_or_init(|| {
        include_str!("../../../assets/ordinary-words.txt")
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
pub(super) fn other_words() -> &'static HashSet<String, FastHash> {
    static W: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    W.get_or_init(|| {
        let mut set = HashSet::default();
        let mut welsh = false;
        let lists = [
            include_str!("../../../assets/other-languages.txt"),
            include_str!("../../../assets/places.txt"),
            include_str!("../../../assets/medicines.txt"),
            include_str!("../../../assets/brands.txt"),
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
pub(super) fn is_thing(l: &str) -> bool {
    static T: OnceLock<HashSet<String, FastHash>> = OnceLock::new();
    T.get_or_init(|| {
        [
            include_str!("../../../assets/medicines.txt"),
            include_str!("../../../assets/brands.txt"),
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
pub(super) fn welsh_mutations(w: &str) -> Vec<String> {
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
pub(super) fn name_list() -> &'static HashMap<String, (bool, bool), FastHash> {
    static N: OnceLock<HashMap<String, (bool, bool), FastHash>> = OnceLock::new();
    N.get_or_init(|| {
        let mut surnames = false;
        let mut map = HashMap::default();
        for l in include_str!("../../../assets/names.txt")
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
pub(super) const SUFFIXES: &[(&str, &[&str])] = &[
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

pub(super) fn in_dictionary(w: &str) -> bool {
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
pub(super) const MEDICINE_ENDINGS: &[&str] = &[
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
pub(super) fn is_medicine_shaped(w: &str) -> bool {
    MEDICINE_ENDINGS.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic))
    })
}

/// Months that are also given names ("Ms June Pritchard", "Caller April").
pub(super) const MONTHS_GIVEN_AS_NAMES: &[&str] = &["april", "may", "june", "july", "august"];

/// Whether a lowercase word is in none of the word lists, by itself or by its endings:
/// a word that can make a name of the words around it ("Selly Brook", "Marlowe Road").
pub(super) fn is_a_word_of_its_own(l: &str) -> bool {
    !is_plainly_ordinary(l) && !is_ordinary(l)
}

/// Whether a lowercase word is an everyday word (or one of the field's own).
pub(super) fn is_ordinary(w: &str) -> bool {
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
pub(super) const WORD_PREFIXES: &[&str] = &[
    "co", "re", "ex", "un", "pre", "non", "anti", "self", "multi", "inter", "sub", "semi",
    "post", "mid", "de", "mis", "over", "under", "cross", "step", "half", "well", "neuro",
];

/// Mostly capitals ("NHS", "GPs", "DoLS", "PhD"): an acronym, not a name.
pub(super) fn is_acronym(w: &str) -> bool {
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

/// An acronym joined to everyday words by hyphens: "CCLG-trained", "SALT-led".
pub(super) fn acronym_compound(w: &str) -> bool {
    // Two capitals open it: most words are ruled out by their first two bytes.
    let b = w.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return false;
    }
    w.split_once(['-', '‐']).is_some_and(|(a, rest)| {
        a.len() >= 2
            && a.bytes().all(|c| c.is_ascii_uppercase())
            && rest
                .split(['-', '‐'])
                .all(|p| p.chars().all(char::is_lowercase) && is_ordinary(p))
    })
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !is_acronym(w)
}
