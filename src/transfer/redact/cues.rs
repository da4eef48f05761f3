//! What makes a capitalised word someone: titles, and the words before and after a name
//! that only a person has.

use super::*;

// ---------------------------------------------------------------------------------------
// Names.

/// Titles that make the next capitalised word a name, whatever the word ("Mr Green",
/// "Mr Johns" the person, not the model).
#[rustfmt::skip]
pub(super) const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
    "lady", "rev", "revd", "reverend", "cllr", "councillor",
    // Police ranks, as a statement or a crime report gives the officer: "DS Cairns",
    // "OIC DC Harrow", "PC Nwosu".
    "ds", "dc", "dci", "di", "dsi", "pc", "pcso", "sgt", "insp", "supt",
    // Ranks of the forces, for veterans: "Maj Gurung", "Sgt Maj (retd) Pun", "Cpl Rai".
    "maj", "capt", "cpl", "lcpl", "pte", "lt",
];
/// Titles that make a name only of a word that is not an everyday one ("Sister Okafor",
/// but "Nurse Practitioner" stays).
#[rustfmt::skip]
pub(super) const SOFT_HONORIFICS: &[&str] = &[
    "Sister", "Nurse", "Matron", "Father", "Auntie", "Aunty", "Uncle", "Imam", "Sheikh",
    "Pastor", "Rabbi", "Pani", "Pan", "Doamna", "Domnul", "Señora", "Señor", "Senhora",
    "Senhor", "Bà", "Ông", "Bishop", "Archbishop", "Cardinal", "Dona", "Bapak", "Pak", "Ibu",
    "Hajjeh", "Hajji", "Haji", "Hajja", "Abouna", "Abuna", "Daw", "Naw",
    // Roles said before a surname as a title is: "Officer Granger", "Padre Tuilagi".
    "Officer", "Constable", "Sergeant", "Inspector", "Detective", "Chaplain", "Padre",
    "Warden",
];

/// For each first letter, the lengths of the titles that start with it (bit n: a title
/// of n letters): most words are ruled out by these two before the list is read.
const TITLE_SHAPES: [u16; 26] = title_shapes(HONORIFICS);

pub(super) const fn title_shapes(list: &[&str]) -> [u16; 26] {
    let mut shapes = [0_u16; 26];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        assert!(!b.is_empty() && b[0].is_ascii_lowercase() && b.len() < 16);
        shapes[(b[0] - b'a') as usize] |= 1 << b.len();
        i += 1;
    }
    shapes
}

pub(super) fn is_honorific(lower: &str) -> bool {
    let l = lower.trim_end_matches('.');
    match l.as_bytes().first() {
        Some(&f) if f.is_ascii_lowercase() && l.len() < 16 => {
            TITLE_SHAPES[usize::from(f - b'a')] & (1 << l.len()) != 0 && HONORIFICS.contains(&l)
        }
        _ => false,
    }
}

#[rustfmt::skip]
pub(super) const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these",
    "those", "i", "we", "he", "she", "they", "it", "is", "was", "be", "so", "as", "if",
    "then", "not", "no", "yes", "who", "what", "when", "where", "why", "how",
];

/// Small words inside names, in either case: "Dafydd ap Ifan", "Siobhán Ní Bhriain",
/// "Pádraig Ó Súilleabháin", "Omar bin Said", "Anna van der Berg", the Hebrew "Rivka bat
/// Sarah" and "Moshe ben Avraham", an Italian married name ("Giuseppina Rossi in
/// Ruggiero") and a Faroese one by its farm ("Jógvan á Lakjuni"). One joins a name only
/// between two of its words.
#[rustfmt::skip]
pub(super) const NAME_PARTICLES: &[&str] = &[
    "ap", "ab", "ferch", "verch", "ó", "ní", "nic", "mac", "mhic", "uí", "ui", "bin",
    "bint", "binti", "ibn", "bte", "al", "el", "van", "von", "der", "den", "de", "da", "di",
    "du", "le", "la", "dos", "das", "do", "del", "della", "ter", "ten", "dela", "delos",
    "bat", "ben", "in", "á", "i",
];

/// The articles inside Welsh, Gaelic, Irish and Cornish names of houses and places, in
/// lowercase between two of their words: "Tan y Bryn", "Tigh na Mara", "Chy an Mor".
pub(super) const CELTIC_ARTICLES: &[&str] = &["y", "yr", "na", "nan", "an"];

/// Words for a house, a hill's foot or top, a field or a school that open the name of a
/// place in Welsh, Gaelic and Cornish ("Tŷ Olwen", "Pen y Cae Farm", "Bun-sgoil Taobh na
/// Pàirce"); the first five are that and nothing else, even with no article after them.
/// Also the "house of" of a Jewish school or hall, in Yiddish and Hebrew ("Beis Rochel",
/// "Beit Shalom").
#[rustfmt::skip]
pub(super) const CELTIC_PLACE_HEADS: &[&str] = &[
    "tŷ", "tigh", "taigh", "chy", "plas", "pen", "tan", "bryn", "maes", "pant", "cwm",
    "bun-sgoil", "ard-sgoil", "teach", "beis", "beit",
];

/// Listed surnames that, in lowercase after a first name, are far more often the word:
/// "Sarah rose", "Tom said".
#[rustfmt::skip]
pub(super) const NOT_LOWERCASE_SURNAMES: &[&str] = &[
    "said", "rose", "wade", "hunt", "cook", "miles", "page", "day", "stokes", "wells",
    "mills", "banks", "marsh", "gill", "mason", "hunter", "knight", "potter", "fisher",
    "may", "will", "mark", "bill", "hope", "grace", "joy", "sunny", "ray", "rob",
];

/// First names that are also words, the virtues, gems, flowers, seasons and times of day
/// many families choose ("Hope", "Precious", "Summer"): where a sentence starts, one is a
/// name before what only a person does ("Dawn asked", "Ruby and her sister").
#[rustfmt::skip]
pub(super) const GIVEN_WORD_NAMES: &[&str] = &[
    "hope", "faith", "grace", "joy", "mercy", "charity", "patience", "prudence", "honour",
    "felicity", "harmony", "melody", "precious", "blessing", "blessed", "gift", "comfort",
    "destiny", "justice", "liberty", "unity", "dawn", "summer", "autumn", "winter",
    "storm", "rain", "sky", "river", "ruby", "amber", "pearl", "crystal", "jade", "coral",
    "opal", "garnet", "sapphire", "rose", "holly", "ivy", "daisy", "poppy", "lily", "iris",
    "violet", "heather", "hazel", "olive", "willow", "jasmine", "hyacinth", "primrose",
    "marigold", "bluebell", "blossom", "sunny", "goodness", "godswill", "favour",
    "promise", "treasure", "wisdom", "marvel", "miracle", "happiness", "sunday", "rowan",
    "ocean", "reign", "brook", "wren", "aspen", "bill", "innocent", "fern", "bonny",
    "juniper", "rosemary", "saffron",
];

/// Verbs after which a capitalised word is someone: "Rang Aisling back", "Texted
/// Bethan", and with "to" or "with" after them ("spoke to", "met with").
#[rustfmt::skip]
pub(super) const CONTACT_VERBS: &[&str] = &[
    "rang", "ring", "phoned", "phone", "called", "call", "texted", "text", "emailed",
    "email", "messaged", "message", "whatsapped", "met", "meet", "saw", "see", "visited",
    "visit", "told", "tell", "asked", "ask", "contacted", "contact", "thanked", "reminded",
    "reassured", "collected", "accompanied", "supported", "chased", "updated", "informed",
    "invited", "greeted", "rung", "seen",
];
#[rustfmt::skip]
pub(super) const CONTACT_VERBS_WITH: &[&str] = &[
    "spoke", "speak", "speaking", "talked", "talk", "talking", "met", "meet", "meeting",
    "wrote", "write", "sat", "checked", "chatted", "caught", "went", "go", "visit",
];

/// Whether the word before token `k` is a verb of contact (or one with its "to"/"with").
pub(super) fn after_contact_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let is_one_of = |i: usize, words: &[&str]| {
        let w = &text[toks[i].start..toks[i].end];
        words.iter().any(|v| folds_to(w, v))
    };
    let spaced = |i: usize| &text[toks[i].end..toks[i + 1].start] == " ";
    if k == 0 || !spaced(k - 1) {
        return false;
    }
    is_one_of(k - 1, CONTACT_VERBS)
        || (k >= 2
            && is_one_of(k - 1, &["to", "with", "see"])
            && spaced(k - 2)
            && is_one_of(k - 2, CONTACT_VERBS_WITH))
}

/// Verbs whose subject is a person, not a medicine, a system or a service: "Rebaz came
/// to the drop-in", "Marcia said", "Bożena cried". Each in its base form; other forms
/// are worked out by [`is_form_of`], the irregular ones listed in [`IRREGULAR_FORMS`].
#[rustfmt::skip]
pub(super) const PERSON_VERBS: &[&str] = &[
    "say", "tell", "ask", "arrive", "leave", "phone", "ring", "call", "text", "email",
    "write", "cry", "laugh", "smile", "shout", "scream", "refuse", "agree", "decline",
    "want", "feel", "bring", "walk", "miss", "lose", "apologise", "apologize", "sign",
    "move", "live", "like", "love", "hate", "enjoy", "struggle", "try", "speak", "talk",
    "go", "prefer", "play", "win", "visit", "attend", "join", "think", "know", "remember",
    "forget", "admit", "disclose", "mention", "explain", "complain", "wish", "hope",
    "worry", "sleep", "eat", "drink", "fall", "sit", "stand", "run", "punch", "hit",
    "kick", "hide", "answer", "wave", "knit", "cook", "dance", "sing", "swim", "read",
    "finish", "wake", "greet", "hug", "thank", "cancel", "choose", "decide", "insist",
    "threaten", "blame", "spend", "pay", "buy", "sell", "steal", "send", "reply", "pray",
    "cope", "meet", "see", "stay", "return", "die", "wear", "tidy", "shop", "work",
    "cuddle", "chat", "argue", "storm", "sulk", "rest", "nap", "draw", "paint", "sob",
    "message", "look", "find", "wait", "nod", "shrug", "frown", "giggle", "yell", "swear",
    "confide", "blush", "sigh", "beg", "plead", "panic", "relax", "whisper", "mumble",
];

/// Forms of [`PERSON_VERBS`] that no ending makes: (form, base).
#[rustfmt::skip]
pub(super) const IRREGULAR_FORMS: &[(&str, &str)] = &[
    ("said", "say"), ("told", "tell"), ("left", "leave"), ("rang", "ring"),
    ("rung", "ring"), ("wrote", "write"), ("written", "write"), ("felt", "feel"),
    ("brought", "bring"), ("lost", "lose"), ("spoke", "speak"), ("spoken", "speak"),
    ("went", "go"), ("gone", "go"), ("goes", "go"), ("won", "win"), ("thought", "think"),
    ("knew", "know"), ("known", "know"), ("forgot", "forget"), ("forgotten", "forget"),
    ("slept", "sleep"), ("ate", "eat"), ("eaten", "eat"), ("drank", "drink"),
    ("drunk", "drink"), ("fell", "fall"), ("fallen", "fall"), ("sat", "sit"),
    ("stood", "stand"), ("ran", "run"), ("hid", "hide"), ("hidden", "hide"),
    ("sang", "sing"), ("sung", "sing"), ("swam", "swim"), ("woke", "wake"),
    ("woken", "wake"), ("chose", "choose"), ("chosen", "choose"), ("spent", "spend"),
    ("paid", "pay"), ("bought", "buy"), ("sold", "sell"), ("stole", "steal"),
    ("stolen", "steal"), ("sent", "send"), ("met", "meet"), ("saw", "see"), ("seen", "see"),
    ("wore", "wear"), ("drew", "draw"), ("came", "come"), ("come", "come"), ("comes", "come"),
    ("coming", "come"),
];

/// Whether lowercase `w` is a form of verb `base`: the base, "-s", "-es", "-ed", "-d",
/// "-ing", with a final "y" turned to "i" or a final consonant doubled, or an irregular
/// form.
pub(super) fn is_form_of(w: &str, base: &str) -> bool {
    if w == base || IRREGULAR_FORMS.contains(&(w, base)) {
        return true;
    }
    let stem_e = base.strip_suffix('e');
    let stem_y = base.strip_suffix('y');
    let last = base.chars().next_back();
    let doubled = last.map(|c| format!("{base}{c}"));
    ["s", "es", "ed", "d", "ing"].iter().any(|suf| {
        let Some(stem) = w.strip_suffix(suf) else {
            return false;
        };
        stem == base && !(*suf == "d" && stem_e.is_none())
            || (*suf == "ing" && stem_e.is_some_and(|s| s == stem && !base.ends_with("ee")))
            || (["es", "ed"].contains(suf) && stem_y.is_some_and(|s| stem == format!("{s}i")))
            || (["ed", "ing"].contains(suf) && doubled.as_deref() == Some(stem))
    })
}

/// Whether lowercase `w` is a form of a verb whose subject is a person. "Come" counts
/// but not "come up" (a thing "came up in the assessment"), nor "go up" (a dose), which
/// the caller checks.
pub(super) fn is_person_verb(w: &str) -> bool {
    PERSON_VERBS.iter().any(|v| is_form_of(w, v)) || is_form_of(w, "come")
}

/// States only a person is in: "Rowena is worried", "Florentina gets confused".
#[rustfmt::skip]
pub(super) const PERSON_STATES: &[&str] = &[
    "worried", "happy", "happier", "sad", "upset", "angry", "confused", "anxious", "calm",
    "calmer", "tired", "low", "settled", "unsettled", "pleased", "proud", "scared",
    "frightened", "distressed", "agitated", "tearful", "cheerful", "quiet", "withdrawn",
    "unwell", "asleep", "awake", "keen", "glad", "excited", "lonely", "annoyed",
    "frustrated", "grateful", "relieved", "nervous", "brighter", "chatty", "pregnant",
    "alone", "drunk", "embarrassed", "ashamed", "hungry", "bored", "sleepy", "afraid",
    "furious", "delighted", "overwhelmed", "exhausted", "homeless", "poorly", "back", "home",
    "determined", "reluctant", "adamant", "clear", "unhappy", "terrified", "jealous",
    "shy", "rude", "polite", "friendly", "kind", "lovely", "desperate", "miserable", "born",
];

/// Verbs that join a subject to a state or to what it is doing: "is worried", "was
/// sitting", "seemed withdrawn", "gets confused".
#[rustfmt::skip]
pub(super) const LINKING_VERBS: &[&str] = &[
    "is", "was", "isn't", "wasn't", "seems", "seemed", "looks", "looked", "feels", "felt",
    "gets", "got", "became", "becomes", "sounded", "sounds", "stays", "stayed", "remains",
    "remained",
];

/// Helping verbs before another verb: "will need", "can't remember", "has asked".
#[rustfmt::skip]
pub(super) const HELPING_VERBS: &[&str] = &[
    "will", "would", "can", "could", "can't", "cannot", "won't", "couldn't", "wouldn't",
    "didn't", "doesn't", "does", "did", "may", "might", "must", "should", "has", "had",
    "hasn't", "hadn't", "never", "won’t", "can’t", "didn’t", "doesn’t", "hasn’t",
];

/// Words that may stand between a subject and its verb: "often skips", "still blames".
#[rustfmt::skip]
pub(super) const VERB_ADVERBS: &[&str] = &[
    "not", "never", "still", "also", "just", "really", "very", "so", "quite", "often",
    "always", "usually", "sometimes", "finally", "now", "again", "already", "even",
    "rarely", "then", "suddenly", "too", "more", "less", "been", "much", "visibly",
];

/// Who else stands around someone, after a possessive or "and her", beyond the family
/// of [`KIN_BEFORE_NAMES`]: "Zainab's keyworker", "Rūta and her landlord" (see
/// [`is_relation`]).
#[rustfmt::skip]
pub(super) const RELATIONS_BEYOND_KIN: &[&str] = &[
    "family", "friends", "parents", "parent", "keyworker", "gp", "school", "solicitor",
    "landlord", "teacher", "social", "foster", "support", "advocate", "neighbours", "ex",
    "employer", "boss", "probation",
];

/// Whether `w` (lowercase) is family or someone around a person, after a possessive or
/// "and her": "Zainab's daughter", "Rūta and her partner", "his keyworker".
pub(super) fn is_relation(w: &str) -> bool {
    KIN_BEFORE_NAMES.contains(&w) || RELATIONS_BEYOND_KIN.contains(&w)
}

/// Family and the people someone lives with, before their name: "daughter Jade",
/// "Grandson Ka Ho", "carers Dawn and Clive", "her mam Bridget".
#[rustfmt::skip]
pub(super) const KIN_BEFORE_NAMES: &[&str] = &[
    "mother", "mum", "mam", "mom", "mammy", "mummy", "father", "dad", "daddy", "son",
    "sons", "daughter", "daughters", "sister", "sisters", "sis", "brother", "brothers",
    "bro", "husband", "wife", "partner", "carer", "carers", "children", "child", "kids",
    "baby", "toddler", "twins", "grandmother", "grandfather", "grandma", "grandad", "granddad",
    "gran", "nan", "nana", "granny", "grandson", "granddaughter", "grandsons",
    "granddaughters", "grandchild", "grandchildren", "aunt", "auntie", "aunty", "uncle",
    "cousin", "cousins", "niece", "nephew", "boyfriend", "girlfriend", "fiancé", "fiance",
    "fiancée", "stepmum", "stepdad", "stepson", "stepdaughter", "stepbrother",
    "stepsister", "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law",
    "sister-in-law", "brother-in-law", "friend", "neighbour", "flatmate", "housemate",
    "host", "hosts", "ex", "ex-partner", "ex-wife", "ex-husband", "ex-boyfriend",
    "ex-girlfriend",
];

/// Forms of "be" before where someone is from: "he is from Lewis originally".
#[rustfmt::skip]
pub(super) const BEING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "he's", "she's", "they're", "i'm", "we're",
    "you're", "he’s", "she’s", "they’re", "i’m", "we’re", "you’re",
];

/// Words of size or age that open a nickname before a name: "Big Mick", "Wee Davie".
pub(super) const NICKNAME_SIZES: &[&str] = &["Big", "Little", "Wee", "Young", "Old", "Auld", "Lil"];

/// What opens a stage name: "DJ Danny M", "MC Tazz".
pub(super) const STAGE_NAME_HEADS: &[&str] = &["DJ", "MC"];

/// Words that open a list of who was at a meeting: "Present: AB, JK, Shaz, me."
pub(super) const ATTENDANCE: &[&str] = &[
    "present",
    "attendees",
    "attending",
    "attendance",
    "apologies",
    "absent",
];

/// Whether token `k` is followed by an age: "Summer (15)", "Summer (10 months)",
/// "Summer, 15, was", "Summer
/// turned sixteen", "Summer is 15 now", "Summer aged 4". An age ends its clause or is
/// followed by "years old", "today", "now", "and"…: not "is 15 minutes away".
pub(super) fn age_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let digits =
        |n: &Tok| n.end - n.start <= 2 && text[n.start..n.end].bytes().all(|c| c.is_ascii_digit());
    let Some(n) = toks.get(k + 1) else {
        return false;
    };
    let gap = &text[t.end..n.start];
    // "Miracle (10 months)": a baby's age in months.
    let bracketed = gap == " ("
        && [")", " months)", " mths)", " years)", " yrs)"]
            .iter()
            .any(|e| text[n.end..].starts_with(e));
    if bracketed || gap == ", " && text[n.end..].starts_with(", ") {
        return digits(n);
    }
    if gap != " " || t.base_end != t.end {
        return false;
    }
    let verb = fold_cow(&text[n.start..n.end]);
    let Some(a) = toks.get(k + 2).filter(|a| &text[n.end..a.start] == " ") else {
        return false;
    };
    let aged = match &*verb {
        "turned" | "turns" | "aged" => {
            // An age in words: "turned sixteen", "turns twenty-one", "her eighteenth".
            digits(a) || {
                let w = &text[a.start..a.end];
                number_in_words(w).is_some()
                    || ORDINAL_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w))
            }
        }
        "is" | "was" => digits(a),
        _ => false,
    };
    let after = &text[a.end..];
    aged && (after.is_empty()
        || after.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        || [
            " years old",
            " year old",
            " yrs",
            " today",
            " now",
            " last",
            " this",
            " on ",
            " in ",
            " and ",
        ]
        .iter()
        .any(|w| after.starts_with(w)))
}

/// Whether what follows token `k` says that it is someone: a verb only a person does
/// ("came", "said", "cried"), a state only a person is in ("is worried"), something
/// they are doing ("was sitting"), "and I" before such a verb, "and her partner", a
/// possessive before a relation ("Zainab's daughter"), ", who", or a bed on a ward ("in
/// room 9").
pub(super) fn person_cue_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len() && {
            let gap = &text[toks[i].end..toks[i + 1].start];
            gap == " " && toks[i + 1].letters
        }
    };
    let rest = &text[t.end..];
    if rest.starts_with(", who ") || rest.starts_with(" who ") || age_after(text, toks, k) {
        return true;
    }
    if had_a_day(text, toks, k) || aside_says_person(text, toks, k) {
        return true;
    }
    if t.base_end != t.end {
        return spaced(k) && word(k + 1).is_some_and(|n| is_relation(&n));
    }
    if !spaced(k) {
        return false;
    }
    let Some(next) = word(k + 1) else {
        return false;
    };
    let verb_at = |i: usize| -> bool {
        word(i).is_some_and(|v| {
            is_person_verb(&v)
                && !((is_form_of(&v, "come") || is_form_of(&v, "go"))
                    && matches!(word(i + 1).as_deref(), Some("up" | "down")))
        })
    };
    match &*next {
        // "Llŷr the HCA will do it", "Gwen the keyworker": a role after it.
        "the" => {
            return spaced(k + 1)
                && toks.get(k + 2).is_some_and(|r| {
                    let rw = &text[r.start..r.end];
                    ROLE_ACRONYMS.contains(&rw)
                        || ROLE_NOUNS.contains(&&*fold_cow(rw))
                        || is_relation(&fold_cow(rw))
                });
        }
        // "Precious to be seen by a Health Visitor": what is done to a person in care.
        "to" => {
            return spaced(k + 1)
                && word(k + 2).as_deref() == Some("be")
                && spaced(k + 2)
                && word(k + 3).is_some_and(|p| CARE_PASSIVES.contains(&&*p));
        }
        // "Siôn from the surgery rang": where they are from, then what they did.
        "from" => {
            return (k + 2..k + 6).any(|j| {
                (k + 1..j).all(spaced)
                    && verb_at(j)
                    && !text[toks[k + 2].start..toks[j].start].contains(char::is_uppercase)
            });
        }
        "and" => {
            return spaced(k + 1)
                && match word(k + 2).as_deref() {
                    Some("i") => spaced(k + 2) && verb_at(k + 3),
                    Some("her" | "his" | "their") => {
                        spaced(k + 2) && word(k + 3).is_some_and(|r| is_relation(&r))
                    }
                    _ => false,
                };
        }
        "in" => {
            return spaced(k + 1)
                && word(k + 2).is_some_and(|w| ["room", "bay", "bed"].contains(&&*w))
                && toks.get(k + 3).is_some_and(|n| n.digits);
        }
        _ => {}
    }
    // Past the verb's helpers and adverbs ("has been", "often", "can't"), to the word
    // that says what kind of subject this is.
    let mut i = k + 1;
    let mut linked = false;
    let mut helped = false;
    while i < toks.len() && i < k + 5 {
        let Some(w) = word(i) else { break };
        if LINKING_VERBS.contains(&&*w) || (helped && w == "been") {
            linked = true;
        } else if HELPING_VERBS.contains(&&*w) {
            helped = true;
        } else if !VERB_ADVERBS.contains(&&*w) {
            break;
        }
        if !spaced(i) {
            return false;
        }
        i += 1;
    }
    let Some(w) = word(i) else { return false };
    // A role or a relation after "is the new", "has a new": "Venkatesh is the new
    // Clinical Psychologist", "Zarmina has a new social worker".
    if (linked || helped) && role_ahead(text, toks, i) {
        return true;
    }
    if linked {
        // A state, or a person's doing in "-ing": not a passive ("was stopped").
        return PERSON_STATES.contains(&&*w) || (w.ends_with("ing") && verb_at(i));
    }
    // A verb and then his, him, her or me: "Ashkan took his medication", "Thuy gave me
    // a list", "Yordanka couldn't find her bus pass". Medicines, which do things to
    // people too, are known by name and ending before this is asked.
    if spaced(i)
        && w.chars().all(char::is_alphabetic)
        && !STOPWORDS.contains(&&*w)
        && !matches!(&*w, "to" | "up" | "down" | "out" | "off" | "for" | "about")
        && word(i + 1).is_some_and(|p| {
            matches!(
                &*p,
                "his" | "him" | "her" | "me" | "my" | "himself" | "herself" | "myself"
            )
        })
    {
        return true;
    }
    verb_at(i)
}

/// What is done to a person in care, after "to be": "to be seen by a Health Visitor",
/// "to be discharged on Friday".
#[rustfmt::skip]
pub(super) const CARE_PASSIVES: &[&str] = &[
    "seen", "assessed", "admitted", "discharged", "visited", "interviewed", "fostered",
    "adopted", "rehoused", "placed", "collected", "accompanied", "supervised", "weighed",
    "vaccinated", "immunised", "examined", "sectioned", "detained", "released", "bailed",
    "sentenced", "housed", "moved", "transferred",
];

/// Roles written as initials: "Llŷr the HCA", "Ravi (SALT)". Two capitals that are one of
/// these are never someone's initials.
#[rustfmt::skip]
pub(super) const ROLE_ACRONYMS: &[&str] = &[
    "HCA", "SW", "OT", "GP", "HV", "DN", "CPN", "AMHP", "SALT", "SLT", "PA", "TA", "DSL",
    "IMCA", "IDVA", "ISVA", "RMN", "RGN", "RN", "SENCO", "SENCo", "PO", "EWO", "FLO",
    "FSW", "KW", "CSW", "PCSO", "PC", "DS", "DC", "SN", "ANP", "ACP", "SHO", "FY1", "FY2",
    "ST", "MO", "LD", "CNS", "HR", "IT", "TL", "DM", "CM", "RM", "NA", "AP", "MP", "DJ",
    "IRO", "LADO", "BIA", "SSW", "NQSW", "PSW",
];

/// Abbreviations of two or three capitals common in care notes, never someone's
/// initials.
#[rustfmt::skip]
pub(super) const COMMON_ABBREVIATIONS: &[&str] = &[
    "UK", "EU", "NI", "OK", "ID", "IV", "IM", "BP", "AE", "ED", "TV", "PE", "RE", "NB",
    "PS", "AM", "PM", "UC", "DV", "DA", "MH", "CP", "AA", "CV", "ICU", "AMU", "MAU", "SDEC",
    "NHS", "DWP", "CGL", "YOT", "LAC", "CIN", "CAF", "EHC", "PIP", "ESA", "JSA", "DLA",
    "CAB", "MP", "GCS", "PRN", "BD", "OD", "TDS", "QDS", "BMI", "ECG", "CT", "MRI", "DNA",
    "HIV", "STI", "UTI", "COPD", "ADHD", "ASD", "PTSD", "OCD", "BPD", "EUPD", "SMI", "LD",
    "MS", "MND", "CVA", "TIA", "MI", "DVT", "PE", "RTA", "FGM", "CSE", "CCE", "DBS",
    "ASB", "PPE", "IT", "HR", "ASAP", "FYI", "RIP", "ETA", "DOB", "NFA", "TBC", "TBA",
    "AKA", "ID", "PC", "ST", "WC", "SOS", "XL", "DJ", "UN", "USA", "US", "EEA",
];

/// Whether token `k` is followed by words in brackets that say what someone is: a role
/// ("Delphine (advocate)", "Ravi (SALT)"), a relation, a people or language ("Rebin
/// (Kurdish, from Sulaymaniyah)"), or what he or she does ("Yonatan (he wants ...)").
pub(super) fn aside_says_person(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(n) = toks.get(k + 1) else {
        return false;
    };
    if &text[toks[k].end..n.start] != " (" || toks[k].base_end != toks[k].end {
        return false;
    }
    let w = &text[n.start..n.end];
    let l = fold_cow(w);
    // "Yonatan (he wants to be called Yoni)": what he or she does.
    let does = || {
        matches!(&*l, "he" | "she")
            && toks.get(k + 2).is_some_and(|v| {
                &text[n.end..v.start] == " " && is_person_verb(&fold_cow(&text[v.start..v.end]))
            })
    };
    // "Big Dec (unknown surname)", "Jo (nickname)": a note of someone's names.
    let of_names = || {
        text[n.start..].split_once(')').is_some_and(|(aside, _)| {
            aside.len() <= 40
                && aside
                    .split(' ')
                    .any(|x| ["surname", "nickname", "surnames"].contains(&x))
        })
    };
    // "Jade (support worker)", "Dee (night nurse)": a role of two or three words.
    let role_in_words = || {
        text[n.start..].split_once(')').is_some_and(|(aside, _)| {
            let ws: Vec<&str> = aside.split(' ').collect();
            (2..=3).contains(&ws.len())
                && ws
                    .iter()
                    .all(|x| !x.is_empty() && x.chars().all(char::is_alphabetic))
                && ws
                    .last()
                    .is_some_and(|r| ROLE_NOUNS.contains(&&*fold_cow(r)))
        })
    };
    ROLE_ACRONYMS.contains(&w)
        || ROLE_NOUNS.contains(&&*l)
        || KIN_BEFORE_NAMES.contains(&&*l)
        || of_names()
        || role_in_words()
        || (PEOPLES.contains(&&*l) && w.starts_with(char::is_uppercase))
        || does()
}

/// What a person has and a thing does not: "a good day", "a bad night", "a rough week".
#[rustfmt::skip]
pub(super) const DAY_WORDS: &[&str] = &[
    "day", "night", "week", "weekend", "morning", "afternoon", "evening", "time", "sleep",
];

/// Whether token `k` is followed by "had a good day", "has had a bad night", "is having
/// a better week": a day someone has, one or two words saying how it went.
pub(super) fn had_a_day(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len()
            && toks[i].base_end == toks[i].end
            && &text[toks[i].end..toks[i + 1].start] == " "
    };
    let mut i = k;
    let mut had = false;
    while i < k + 3 && spaced(i) {
        match word(i + 1).as_deref() {
            Some("had" | "has" | "having") => had = true,
            Some("is" | "was" | "just" | "really") => {}
            _ => break,
        }
        i += 1;
    }
    if !had || !spaced(i) || !word(i + 1).is_some_and(|a| a == "a" || a == "an") {
        return false;
    }
    (i + 2..i + 5).any(|j| {
        word(j).is_some_and(|d| DAY_WORDS.contains(&&*d))
            && (i + 1..j)
                .all(|m| spaced(m) && text[toks[m + 1].start..].starts_with(char::is_lowercase))
    })
}

/// Words that, after "is", "was", "has" and the like, say a thing is being defined or
/// done to rather than doing: "Hygge was the theme", "Mosaic was updated".
#[rustfmt::skip]
pub(super) const NOT_AFTER_LINK: &[&str] = &[
    "the", "a", "an", "one", "used", "given", "taken", "seen", "done", "made", "found",
    "shown", "known", "kept", "put", "set", "cut", "run", "written", "called", "meant",
    "available", "due", "out", "down", "up", "off", "on", "back", "like", "also", "not",
];

/// Whether what follows token `k`, a word in no word list where a sentence starts, is a
/// verb with it as subject: "Kaz was in a good mood", "Tiegan got her first payslip",
/// "Renée to attend", "Gintarė works on the tills". Weaker than [`person_cue_after`]
/// (a thing may be the subject too), so asked only of words that are no word.
pub(super) fn action_after(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| toks.get(i).map(|n| fold_cow(&text[n.start..n.end]));
    let spaced = |i: usize| {
        i + 1 < toks.len() && {
            let gap = &text[toks[i].end..toks[i + 1].start];
            gap == " " && toks[i + 1].letters && !toks[i + 1].digits
        }
    };
    if toks[k].base_end != toks[k].end || !spaced(k) {
        return false;
    }
    let mut i = k + 1;
    while i < k + 4 && word(i).is_some_and(|w| VERB_ADVERBS.contains(&&*w)) {
        if !spaced(i) {
            return false;
        }
        i += 1;
    }
    let Some(w) = word(i) else { return false };
    if !spaced(i) {
        return false;
    }
    let Some(next) = word(i + 1) else {
        return false;
    };
    if w == "to" {
        return is_person_verb(&next);
    }
    // "Gaz in his usual doorway": somewhere of theirs; "Eiluned on nights": a shift.
    if ["in", "on", "at", "with"].contains(&&*w) && i == k + 1 {
        return matches!(&*next, "his" | "her" | "their")
            || (w == "on" && SHIFTS.contains(&&*next));
    }
    if is_form_of(&w, "work") {
        return matches!(
            &*next,
            "at" | "as" | "for" | "on" | "in" | "nights" | "shifts" | "weekends" | "part-time"
        );
    }
    let link = LINKING_VERBS.contains(&&*w)
        || (HELPING_VERBS.contains(&&*w) && !["may", "might", "must"].contains(&&*w));
    link && !NOT_AFTER_LINK.contains(&&*next)
        && !next.ends_with("ed")
        && !next.chars().any(|c| !c.is_alphabetic() && c != '\'')
}

/// Shifts and absences a worker is on: "Eiluned on nights", "Tomasz on leave".
#[rustfmt::skip]
pub(super) const SHIFTS: &[&str] = &[
    "nights", "days", "lates", "earlies", "shift", "duty", "call", "leave",
    "annual", "placement", "secondment", "bank",
];

/// Words after a list that say where or when, not what its people did: "Met Callum and
/// Probation at the office", "Sarah and Finance about the budget".
#[rustfmt::skip]
pub(super) const WHERE_OR_WHEN: &[&str] = &[
    "about", "over", "after", "before", "into", "regarding", "re", "yesterday", "today",
    "tomorrow", "again", "via", "during",
];

/// Animals kept as pets: "the dog Bonnie", "a staffie called Tyson".
#[rustfmt::skip]
pub(super) const ANIMALS: &[&str] = &[
    "dog", "dogs", "puppy", "pup", "cat", "cats", "kitten", "staffie", "staffy", "terrier",
    "spaniel", "labrador", "collie", "greyhound", "whippet", "lurcher", "poodle", "husky",
    "bulldog", "alsatian", "chihuahua", "rabbit", "bunny", "hamster", "budgie", "parrot",
    "horse", "pony", "snake", "lizard", "gecko", "tortoise", "ferret", "goldfish", "pet",
];

/// Whether `w` is a service's or a brand's name run together, two parts each with its
/// capital, the second an ordinary word: "SignVideo", "StreetLink", "GamCare"; not a
/// name with a particle ("McDonald", "MacKenzie", "DeShawn", "LaToya", "FitzGerald").
pub(super) fn run_together(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "mac", "van", "von", "fitz", "sha", "den", "del", "der", "ter",
    ];
    // Most words have no capital after their first letter: they stop here.
    if w.len() < 6
        || !w
            .bytes()
            .skip(1)
            .any(|c| c.is_ascii_uppercase() || c >= 0x80)
    {
        return false;
    }
    let mut caps = w.char_indices().filter(|(_, c)| c.is_uppercase());
    let (Some((0, _)), Some((i, _)), None) = (caps.next(), caps.next(), caps.next()) else {
        return false;
    };
    let (a, b) = (&w[..i], &w[i..]);
    a.chars().count() >= 3
        && b.chars().count() >= 3
        && a.chars().all(char::is_alphabetic)
        && b.chars().all(char::is_alphabetic)
        && !PARTICLES.contains(&a.to_lowercase().as_str())
        && in_dictionary(&b.to_lowercase())
}

/// Whether token `k` is a pet's name told as the animal is brought in, after "called" or
/// "named" a few words after one ("a staffie called Tyson"), in one sentence: a word,
/// not a person. A pet named beside the word for it ("the dog Bonnie") is caught as a
/// name: in a caseload it picks out a household.
pub(super) fn pet_name_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| fold_str(&text[toks[i].start..toks[i].end]);
    let same_sentence =
        |i: usize| !text[toks[i].end..toks[k].start].contains(['.', '!', '?', ';', '\n']);
    if k == 0 {
        return false;
    }
    // The word before first, without folding it where it is ASCII: most are neither.
    let prev = &text[toks[k - 1].start..toks[k - 1].end];
    let cue = if prev.is_ascii() {
        prev.eq_ignore_ascii_case("called") || prev.eq_ignore_ascii_case("named")
    } else {
        ["called", "named"].contains(&&*word(k - 1))
    };
    cue && same_sentence(k - 1)
        && (k.saturating_sub(4)..k - 1)
            .any(|i| ANIMALS.contains(&word(i).as_str()) && same_sentence(i))
}

/// Whether token `k` is a thing someone has, not someone: after "his", "her", "my",
/// "the"… and before a lowercase word that says what it is ("his Xbox controller",
/// "her Espranor pick-up"), with nothing after it that only a person does.
pub(super) fn thing_after_determiner(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    // The thing's name may be more than one word: "his Nintendo Switch charger".
    let mut e = k;
    while e < k + 2
        && toks
            .get(e + 1)
            .is_some_and(|n| &text[toks[e].end..n.start] == " " && starts_capitalised(text, n))
    {
        e += 1;
    }
    let Some(p) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    let pw = &text[p.start..p.end];
    let determiner = ["his", "her", "my", "their", "your", "our", "the", "a", "an"].contains(&pw);
    // After someone's possessive only before the word for what it is: "her mother's
    // Wedgwood plate", not "Aisha's Kwame." (her partner).
    // A shop's is no one's: "Lidl's Hulme branch" names a place.
    let owner = if determiner || p.base_end == p.end {
        Cow::Borrowed("")
    } else {
        fold_cow(&text[p.start..p.base_end])
    };
    let possessive = !determiner
        && p.base_end != p.end
        && p.letters
        && !BRANDS.contains(&&*owner)
        && !other_words().contains(&*owner)
        && !CHAINS.contains(&&*owner);
    if !(determiner || possessive)
        || &text[p.end..t.start] != " "
        || toks[e].base_end != toks[e].end
        || person_cue_after(text, toks, k)
        || action_after(text, toks, k)
    {
        return false;
    }
    let after = &text[toks[e].end..];
    let Some(n) = toks.get(e + 1).filter(|_| after.starts_with(' ')) else {
        // "He misses his Tamagotchi.", "It was a Venflon.": a thing where the clause ends.
        return pw != "the" && !possessive && after.starts_with(['.', ',', ';', '!', '?']);
    };
    let nw = &text[n.start..n.end];
    let nl = fold_str(nw);
    let nl = &*nl;
    if &text[toks[e].end..n.start] != " " || !nw.starts_with(char::is_lowercase) {
        return false;
    }
    // "his Nintendo Switch to group": a thing of his before where it went.
    if pw != "the"
        && !possessive
        && [
            "to", "at", "in", "on", "with", "for", "from", "into", "again", "back", "today",
        ]
        .contains(&nl)
    {
        return true;
    }
    // "the Delaney visit", "the Okafor family": a household by its surname, no thing.
    if pw == "the" && HOUSEHOLD_WORDS.contains(&nl) {
        return false;
    }
    // After a possessive, not before what someone does: "Aisha's Kwame drove her", and
    // after a relation's, not before a verb of the present: "her mum's Dapo fixes bikes"
    // (a partner by name; "her mum's Nissan" is a brand the lists know).
    let present = || {
        nl.len() >= 4
            && !nl.ends_with("ss")
            && (nl.strip_suffix("es").is_some_and(in_dictionary)
                || nl.strip_suffix('s').is_some_and(in_dictionary))
    };
    if possessive
        && ((is_relation(&owner) && present())
            || nl.ends_with("ed")
            || ["branch", "store", "shop", "office", "site", "depot"].contains(&nl)
            || is_person_verb(nl)
            || IRREGULAR_FORMS.iter().any(|(f, _)| *f == nl)
            || !in_dictionary(nl))
    {
        return false;
    }
    // "her Espranor pick-up": before the word for what it is.
    n.letters
        && !n.digits
        && nw.chars().count() >= 3
        && !STOPWORDS.contains(&nl)
        && !LINKING_VERBS.contains(&nl)
        && !HELPING_VERBS.contains(&nl)
        && !VERB_ADVERBS.contains(&nl)
        && !is_relation(nl)
        && !ROLE_NOUNS.contains(&nl)
}

/// What a surname after "the" stands before when it is a household, not a thing: "the
/// Delaney visit", "the Okafor family", "the Nowak case".
#[rustfmt::skip]
pub(super) const HOUSEHOLD_WORDS: &[&str] = &[
    "case", "cases", "visit", "visits", "family", "families", "household", "household's",
    "kids", "children", "boys", "girls", "twins", "siblings", "referral", "file",
    "family's", "home", "house",
];

/// Whether a capitalised hyphenated word is a name: "Lily-Mae", "Jordan-Lee",
/// "Kerry-Ann". Its parts are capitalised, one of them a listed name and the whole no
/// word, or every part a listed first name.
pub(super) fn is_hyphenated_name(w: &str, l: &str) -> bool {
    if !w.contains(['-', '‐']) {
        return false;
    }
    let parts: Vec<&str> = w.split(['-', '‐']).collect();
    let shaped = parts.len() <= 3
        && parts.iter().all(|p| {
            p.chars().count() >= 2
                && p.starts_with(char::is_uppercase)
                && p.chars().all(char::is_alphabetic)
                && !is_acronym(p)
        });
    if !shaped || is_allowed(l) || other_words().contains(l) {
        return false;
    }
    let listed = |p: &str| name_list().get(fold_str(p).as_str()).copied();
    let first_names = parts.iter().all(|p| {
        listed(p).is_some_and(|(_, surname)| !surname) && !CALENDAR.contains(&fold_str(p).as_str())
    });
    first_names || (parts.iter().any(|p| listed(p).is_some()) && !is_ordinary(l))
}

/// Roles a person holds, after "the new", "a", "our": "the new Clinical Psychologist".
#[rustfmt::skip]
pub(super) const ROLE_NOUNS: &[&str] = &[
    "worker", "nurse", "doctor", "consultant", "psychologist", "psychiatrist",
    "therapist", "manager", "teacher", "carer", "officer", "practitioner", "assistant",
    "student", "volunteer", "midwife", "visitor", "paramedic", "pharmacist", "registrar",
    "surgeon", "chaplain", "advocate", "coordinator", "co-ordinator", "lead", "head",
    "counsellor", "mentor", "supervisor", "apprentice", "physio", "physiotherapist",
    "dietitian", "cleaner", "cook", "chef", "receptionist", "resident", "patient",
    "tenant", "client", "lodger", "mum", "dad", "grandmother", "grandfather", "baby",
    "leader", "interpreter", "translator", "keyworker", "caseworker", "mgr",
];

/// Whether the words from token `i` are a determiner, at most five more words and a role
/// or a relation: "the new Clinical Psychologist", "a new social worker", "her carer",
/// "the new Community Psychiatric Nurse".
pub(super) fn role_ahead(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |j: usize| toks.get(j).map(|n| fold_cow(&text[n.start..n.end]));
    if !word(i).is_some_and(|d| {
        matches!(
            &*d,
            "the" | "a" | "an" | "our" | "my" | "her" | "his" | "their"
        )
    }) {
        return false;
    }
    (i + 1..i + 7).any(|j| {
        word(j).is_some_and(|w| ROLE_NOUNS.contains(&&*w) || is_relation(&w))
            && (i..j).all(|m| {
                toks.get(m + 1)
                    .is_some_and(|n| &text[toks[m].end..n.start] == " ")
            })
    })
}

/// A pupil named in capitals before their form group, on a whiteboard or a note in
/// capitals: "HUNTER BLACKWOOD 7C EPIPEN", "ALSO JOY IN 10B": one or two words in
/// capitals, each a listed name or no word of the dictionary, right before a form of a
/// secondary school (7 to 13 and a letter) or "IN" and one. Not a subject or a word
/// before it ("MATHS 10B", "YEAR 7C"), nor a code of two letters ("PE 9B").
pub(super) fn pupils_by_form(text: &str, words: Words<'_>, out: &mut Vec<Cand>) {
    let Words { toks, lowers } = words;
    let form = |t: &Tok| {
        let w = &text[t.start..t.end];
        let b = w.as_bytes();
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        (1..=2).contains(&n)
            && b.len() == n + 1
            && b[n].is_ascii_uppercase()
            && w[..n].parse::<u32>().is_ok_and(|y| (7..=13).contains(&y))
    };
    let caps_name = |k: usize| {
        let t = &toks[k];
        let w = &text[t.start..t.end];
        let l = &*lowers[k];
        t.letters
            && !t.digits
            && w.chars().count() >= 3
            && w.chars().all(|c| !c.is_lowercase())
            && t.base_end == t.end
            && !is_allowed(l)
            && !STOPWORDS.contains(&l)
            && (name_list().contains_key(l) || !in_dictionary(l))
    };
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || !t.digits || !form(t) {
            continue;
        }
        let mut b = i - 1;
        if &text[toks[b].start..toks[b].end] == "IN" && b >= 1 && spaced(text, toks, b, i) {
            b -= 1;
        } else if !spaced(text, toks, b, i) {
            continue;
        }
        let end = b;
        if !caps_name(end) || !spaced(text, toks, end, end + 1) {
            continue;
        }
        let start = if end >= 1 && caps_name(end - 1) && spaced(text, toks, end - 1, end) {
            end - 1
        } else {
            end
        };
        out.push(Cand::new(
            FindingKind::Name,
            toks[start].start,
            toks[end].end,
        ));
    }
}
