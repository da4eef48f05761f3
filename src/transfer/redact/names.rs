//! Names: the scan of capitalised words and the cues that make them someone.

use super::*;

/// Marks a word kept among a redactor's known names that is an everyday word as well
/// as part of a name met ("=memory" of "Memory Moyo"): such a word is a name again
/// only where a name found in the same text would be (see [`Checker::names`]), never
/// wherever it stands as the other known names are.
pub(super) const EVERYDAY_NAME_MARK: char = '=';
/// Kept among the known names, the mark alone, once any word marked is: a text asks
/// after marked words only then.
pub(super) const EVERYDAY_NAME_SENTINEL: &str = "=";

/// Words before the title of a song, a hymn, a prayer or a programme in quotes: verbs of
/// singing, playing, watching and praying, and the words for a song ("she sang "Ili Ili
/// Tulog Anay" to Florence", "the lullaby "…"").
#[rustfmt::skip]
pub(super) const TITLE_VERBS: &[&str] = &[
    "sang", "sing", "sings", "singing", "hummed", "hums", "humming", "played", "plays",
    "playing", "watched", "watches", "watching", "recited", "recites", "reciting", "song",
    "hymn", "lullaby", "prayed", "prays",
];

/// The ranges of titles in quotes after a verb of singing, playing or watching (see
/// [`TITLE_VERBS`]): what is in them is no one.
pub(super) fn quoted_titles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for open in ["\"", "“"] {
        for (i, _) in text.match_indices(open) {
            let before = text[..i].strip_suffix(' ').unwrap_or("");
            let verb = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !TITLE_VERBS.contains(&fold_str(verb).as_str()) {
                continue;
            }
            let from = i + open.len();
            if let Some(close) = text[from..].find(['"', '”']).filter(|&n| n <= 80) {
                out.push((from, from + close));
            }
        }
    }
    out
}

/// Words that open a place's name, never a person's: "Ward Enlli", "Upper Mill".
const PLACE_OPENERS: &[&str] = &[
    "ward", "unit", "higher", "lower", "upper", "nether", "little", "great", "middle", "old",
    "new", "royal", "north", "south", "east", "west",
];

/// Whether `w` is capitalised or a single capital, an initial ("Nanna P").
pub(super) fn capitalised_or_initial(w: &str) -> bool {
    capitalised(w) || (w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase()))
}

/// Whether the word at `i` begins a sentence: the start of the text or a line, after
/// . ! ? : or a list, quote or heading marker (opening quotes and brackets skipped).
pub(super) fn sentence_start(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let t = before
        .trim_end_matches(|c: char| (c.is_whitespace() && c != '\n') || "\"“‘'([*_«".contains(c));
    let Some(last) = t.chars().next_back() else {
        return true;
    };
    if matches!(last, '\n' | '.' | '!' | '?' | ':' | '…') {
        return true;
    }
    // A list or heading marker with nothing before it on the line: "- ", "1) ", "## ".
    // Markers are short: only the last few characters need looking at.
    let from = back_within(t, t.len(), 16);
    let line = match t[from..].rfind('\n') {
        Some(n) => &t[from + n + 1..],
        None if from == 0 => t,
        None => return false,
    };
    let marker = |c: char| c.is_whitespace() || "-*+•>#–—)".contains(c) || c.is_ascii_digit();
    let rest = line.trim_start_matches(marker);
    // A task's box after its marker: "- [ ] ", "- [x] ".
    let rest = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .map_or(rest, |r| r.trim_start_matches(marker));
    rest.is_empty() && line.len() <= 12
}

/// Per line of `text`: whether the line is in title case ("Reflections After The Home
/// Visit"), where capitals say nothing about names.
pub(super) fn title_case_lines(text: &str, toks: &[Tok]) -> Vec<bool> {
    let lines = text.matches('\n').count() + 1;
    let mut counts = vec![(0usize, 0usize); lines];
    let mut line = 0;
    let mut at = 0;
    for t in toks {
        line += text[at..t.start].matches('\n').count();
        at = t.start;
        let w = &text[t.start..t.base_end];
        if !t.letters || t.digits || w.chars().count() < 4 || is_acronym(w) {
            continue;
        }
        counts[line].0 += 1;
        if w.starts_with(char::is_uppercase) {
            counts[line].1 += 1;
        }
    }
    // Names are capitalised anywhere: on a line that looks like a title, count again
    // without them ("Referral for Bashiir Cali Jaamac, born 9 October" is no title).
    // A line that ends as a sentence does is a sentence, however many capitals it has
    // ("Mairéad Ní Dhomhnaill is the new Community Psychiatric Nurse.").
    let sentences = text
        .split('\n')
        .map(|l| l.trim_end().ends_with(['.', '!', '?']) && !l.trim_end().ends_with(".."));
    let mut titles: Vec<bool> = counts
        .iter()
        .zip(sentences)
        .map(|(&(all, caps), sentence)| !sentence && all >= 3 && caps * 4 >= all * 3)
        .collect();
    if titles.iter().any(|&t| t) {
        let mut counts = vec![(0usize, 0usize); lines];
        let (mut line, mut at) = (0, 0);
        for t in toks {
            line += text[at..t.start].matches('\n').count();
            at = t.start;
            let w = &text[t.start..t.base_end];
            if !titles[line] || !t.letters || t.digits || w.chars().count() < 4 || is_acronym(w) {
                continue;
            }
            let l = fold_str(w);
            if !is_ordinary(&l) || name_list().contains_key(&l) {
                continue;
            }
            counts[line].0 += 1;
            if w.starts_with(char::is_uppercase) {
                counts[line].1 += 1;
            }
        }
        for (t, (all, caps)) in titles.iter_mut().zip(counts) {
            *t = *t && all >= 3 && caps * 4 >= all * 3;
        }
    }
    titles
}

impl Checker {
    /// Adds name candidates; returns the unusual words of the names found, which are
    /// names wherever else they appear.
    pub(super) fn names(
        &self,
        text: &str,
        words: Words<'_>,
        (masked, allowed): (&[(usize, usize)], &[Cand]),
        (known, unknown_asked): (&KnownNames, &mut Vec<u64>),
        out: &mut Vec<Cand>,
    ) -> HashSet<String, FastHash> {
        let Words { toks, lowers } = words;
        let titles = title_case_lines(text, toks);
        let mut line_of = Vec::with_capacity(toks.len());
        let (mut line, mut at) = (0, 0);
        for t in toks {
            line += text[at..t.start].matches('\n').count();
            at = t.start;
            line_of.push(line);
        }
        // Tokens inside an allowed phrase ("Betsi Cadwaladr University Health Board")
        // neither start nor continue a name.
        let skip: Vec<bool> = toks
            .iter()
            .enumerate()
            .map(|(k, t)| {
                !t.letters
                    // A Welsh weekday after "dydd": "Gwelwn ni dydd Llun".
                    || (k > 0
                        && toks[k - 1].end - toks[k - 1].start == 4
                        && text[toks[k - 1].start..toks[k - 1].end].eq_ignore_ascii_case("dydd")
                        && &text[toks[k - 1].end..t.start] == " "
                        && WELSH_WEEKDAYS.contains(&&text[t.start..t.end]))
                    || t.digits
                    // "I'll", "I'd": the pronoun with its verb run in.
                    || (text.as_bytes()[t.start] == b'I'
                        && ["I'", "I’"].iter().any(|p| text[t.start..t.end].starts_with(p)))
                    || overlaps(masked, t.start, t.end)
                    || allowed.iter().any(|p| p.start <= t.start && t.end <= p.end)
            })
            .collect();
        let base = |t: &Tok| &text[t.start..t.base_end];
        let spaced_at = |a: usize, b: usize| &text[toks[a].end..toks[b].start] == " ";
        // A token's folded base. Tokens handed in are the text's own, so where one sits in
        // `toks` follows from its address; a search finds any other by its start.
        let lower = |t: &Tok| -> &str {
            let at = (std::ptr::from_ref(t)
                .addr()
                .wrapping_sub(toks.as_ptr().addr()))
                / std::mem::size_of::<Tok>();
            match toks.get(at) {
                Some(x) if std::ptr::eq(x, t) => &lowers[at],
                _ => &lowers[toks.partition_point(|x| x.start < t.start)],
            }
        };
        let user_allowed = |w: &str| self.allow_words.contains(w);
        // A word the text also writes in lowercase is an ordinary word here ("handover"
        // and "Handover"), whatever the word list says.
        // (Built on first use: most texts never ask.)
        let lower_seen_set: std::cell::OnceCell<HashSet<&str, FastHash>> =
            std::cell::OnceCell::new();
        let emails: Vec<(usize, usize)> = out
            .iter()
            .filter(|c| c.kind == FindingKind::Email)
            .map(|c| (c.start, c.end))
            .collect();
        let lower_seen = |l: &str| {
            lower_seen_set
                .get_or_init(|| {
                    // Not the words of an online handle: "shaq_tbm09" says nothing of "Shaq".
                    // Nor those of an email address found: "janice.gotts62@btinternet.com"
                    // says nothing of "Janice".
                    let in_handle = |t: &Tok| {
                        char_before(text, t.start).is_some_and(|c| c == '_' || c == '@')
                            || char_at(text, t.end) == Some('_')
                            || emails.iter().any(|&(s, e)| s <= t.start && t.end <= e)
                    };
                    toks.iter()
                        .filter(|t| {
                            t.letters
                                && text[t.start..].starts_with(char::is_lowercase)
                                && !in_handle(t)
                        })
                        .map(&lower)
                        .collect()
                })
                .contains(l)
        };
        // Whether a capitalised everyday word that is also a name (mid-sentence) is the
        // everyday word after all: inside a capitalised phrase ("the Mental Health
        // Bill"), or a colour of a rating ("from Red to Amber").
        let everyday_phrase = |k: usize| -> bool {
            let t = &toks[k];
            let prev_phrase = k > 0 && {
                let p = &toks[k - 1];
                let pl = lower(p);
                &text[p.end..t.start] == " "
                    && !skip[k - 1]
                    && capitalised(base(p))
                    && is_ordinary(pl)
                    && !name_list().contains_key(pl)
                    && !is_honorific(pl)
                    && !SOFT_HONORIFICS.contains(&base(p))
                    && !NICKNAME_SIZES.contains(&base(p))
                    && !sentence_start(text, p.start)
            };
            let rating = lower(t) == "amber"
                && toks.iter().enumerate().any(|(j, o)| {
                    line_of[j] == line_of[k] && ["red", "green", "rag"].contains(&lower(o))
                });
            prev_phrase || rating
        };
        // Whether a folded word is a name the export has already met, with its accents
        // or without them ("Zdenek" in the title, "Zdeněk" in the body).
        // What was asked and not found is written down: a redactor may reuse this scan
        // while none of those words has become known.
        let asked = std::cell::RefCell::new(std::mem::take(unknown_asked));
        let learned = |l: &str| {
            let plain = (!l.is_ascii()).then(|| without_accents(l));
            let hit = known.contains(l) || plain.as_ref().is_some_and(|p| known.contains(p));
            if !hit {
                let mut asked = asked.borrow_mut();
                asked.push(word_hash(l));
                asked.extend(plain.as_deref().map(word_hash));
            }
            hit
        };
        // Whether a folded everyday word was part of a name met in an earlier text.
        // (One buffer for the marked word: this is asked of most capitalised words; and
        // none is asked where the export has kept no such word.)
        let any_marked = known.contains(EVERYDAY_NAME_SENTINEL);
        if !any_marked {
            // Asked, for a redactor that replays this scan (see `unknown_asked`).
            asked.borrow_mut().push(word_hash(EVERYDAY_NAME_SENTINEL));
        }
        let marked = std::cell::RefCell::new(String::new());
        // Whether the redactor keeps `l` marked; asked or not (see `learned_word`).
        let marked_known = |l: &str, ask: bool| {
            let mut m = marked.borrow_mut();
            m.clear();
            m.push(EVERYDAY_NAME_MARK);
            m.push_str(l);
            let hit = known.contains(m.as_str());
            if !hit && ask {
                asked.borrow_mut().push(word_hash(&m));
            }
            hit
        };
        let learned_word = |l: &str| marked_known(l, true);
        // Whether token k is a name by itself.
        let is_name = |k: usize| -> bool {
            if skip[k] || pet_name_at(text, toks, k) {
                return false;
            }
            let t = &toks[k];
            let w = base(t);
            let l = lower(t);
            // What a language, a law, a place or a word of respect makes of a word that
            // is also a name: "Shona-speaking clients", "Clare's Law", "Hong Kong"
            // (two words of a place the lists know, side by side), "Bibi ji".
            let next_is = |words: &[&str]| {
                toks.get(k + 1).is_some_and(|n| {
                    words.contains(&&text[n.start..n.end])
                        && matches!(&text[t.end..n.start], " " | "'s " | "’s " | "' " | "’ ")
                })
            };
            let known_pair = |a: usize, b: usize| {
                b < toks.len()
                    && !skip[a]
                    && !skip[b]
                    && spaced_at(a, b)
                    && toks[a].base_end == toks[a].end
                    && capitalised(base(&toks[a]))
                    && capitalised(base(&toks[b]))
                    && other_words().contains(lower(&toks[a]))
                    && other_words().contains(lower(&toks[b]))
            };
            if (l.contains(['-', '‐'])
                && ["-speaking", "-speaker", "-speakers", "‐speaking"]
                    .iter()
                    .any(|s| l.ends_with(s)))
                || (w.starts_with(char::is_uppercase) && ANIMALS.contains(&l))
                || (t.base_end != t.end && next_is(&["Law", "Laws"]))
                // A method by its maker ("Bobath-based", "Montessori-style"), an eponym
                // no list names anyone by ("Broca's area", "Wernicke's aphasia") and a
                // service's name run together ("SignVideo", "StreetLink").
                || (l.contains(['-', '‐'])
                    && ["-based", "-informed", "-style", "-inspired", "-type"]
                        .iter()
                        .any(|s| l.ends_with(s)))
                || (t.base_end != t.end
                    && next_is(&[
                        "area", "aphasia", "disease", "syndrome", "palsy", "reflex", "test",
                        "sign", "score", "scale", "bodies",
                    ])
                    && !name_list().contains_key(l))
                // "Kussmaul breathing", "a Guthrie test": a sign or a test by its maker.
                || (toks.get(k + 1).is_some_and(|n| {
                    matches!(text.as_bytes()[n.start], b'b' | b'r' | b't' | b's')
                }) && next_is(&["breathing", "respiration", "test", "sign", "bodies"])
                    && !name_list().contains_key(l))
                || run_together(w)
                || known_pair(k, k + 1)
                || (k >= 1 && known_pair(k - 1, k))
                || (t.base_end == t.end
                    && other_words().contains(l)
                    && next_is(&["ji", "Ji", "jee", "sahib", "Sahib"]))
                // "he is from Lewis originally", "they are originally from Harris": where
                // someone comes from, a listed name that is also a place. Only after "is",
                // "are", "was"…: "the complaint came from Sandra originally" names
                // someone; and a word no list has ("from Prestwich originally") stays a
                // small place, flagged.
                || (k >= 2
                    && t.base_end == t.end
                    && name_list().contains_key(l)
                    && lower(&toks[k - 1]) == "from"
                    && spaced_at(k - 1, k)
                    && {
                        let (be, after) = if lower(&toks[k - 2]) == "originally" {
                            (k.checked_sub(3), true)
                        } else {
                            (Some(k - 2), next_is(&["originally"]))
                        };
                        after
                            && be.is_some_and(|b| {
                                spaced_at(b, b + 1) && BEING.contains(&lower(&toks[b]))
                            })
                    })
            {
                return false;
            }
            // A word in capitals is an acronym, never a name, unless it is a name already
            // known, written in capitals for weight ("ZDENĚK wants to stay"), or a listed
            // name that is no everyday word ("ADEBAYO OKONKWO - URGENT"): the list says
            // what an acronym cannot.
            if !w.chars().any(char::is_lowercase)
                && w.chars().count() >= 3
                && !user_allowed(l)
                && (learned(l)
                    || (!is_allowed(l)
                        && name_list().get(l).is_some_and(|&(everyday, _)| !everyday)
                        && !in_dictionary(l)
                        && !other_words().contains(l)))
            {
                return true;
            }
            // A title that makes a name of the word after it is no name by itself
            // ("terima kasih, Bapak", as "Sister" is not).
            if w.chars().count() < 2
                || is_acronym(w)
                || acronym_compound(w)
                || user_allowed(l)
                || is_honorific(l)
            {
                return false;
            }
            let cap = w.starts_with(char::is_uppercase);
            let mid = || !sentence_start(text, t.start) && !titles[line_of[k]];
            if is_allowed(l) {
                return false;
            }
            // What someone is called, whatever the word: "her name, Shapla, comes from",
            // "his name is Frank", "her name's Selam".
            let named = || {
                let lw = |j: usize| lower(&toks[j]);
                let gap = |a: usize| &text[toks[a].end..toks[a + 1].start];
                let whose =
                    |j: usize| ["her", "his", "their", "my", "your", "whose"].contains(&lw(j));
                k >= 2
                    && ((["name", "names"].contains(&lw(k - 1))
                        && gap(k - 1) == ", "
                        && whose(k - 2))
                        || (toks[k - 1].base_end != toks[k - 1].end
                            && lw(k - 1) == "name"
                            && gap(k - 1) == " "
                            && whose(k - 2))
                        || (k >= 3
                            && ["is", "was"].contains(&lw(k - 1))
                            && gap(k - 1) == " "
                            && lw(k - 2) == "name"
                            && gap(k - 2) == " "
                            && whose(k - 3))
                        // "(English name Cherry)", "real name Tasnim", "nickname Dod".
                        || (matches!(toks[k - 1].end - toks[k - 1].start, 4 | 8)
                            && gap(k - 1) == " "
                            && (lw(k - 1) == "nickname"
                                || (lw(k - 1) == "name"
                                    && gap(k - 2) == " "
                                    && (["real", "pet", "english", "given", "first", "middle"]
                                        .contains(&lw(k - 2))
                                        || PEOPLES.contains(&lw(k - 2)))))))
            };
            // (Not words joined into a character's: "his name was Spider-Man".)
            let compound = || l.contains('-') && l.split('-').all(in_dictionary);
            if cap
                && named()
                && !compound()
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !user_allowed(l)
            {
                return true;
            }
            if cap && is_hyphenated_name(w, l) && !lower_seen(l) {
                return true;
            }
            // After a verb of contact ("Rang Aisling back", "spoke to Florin"), a
            // capitalised word is a name unless it is itself a word: the word list, not
            // what its endings suggest ("Aisling" is not "aisle" + "ing").
            if cap
                && after_contact_verb(text, toks, k)
                && !STOPWORDS.contains(&l)
                && !is_plainly_ordinary(l)
                && !lower_seen(l)
            {
                return true;
            }
            // "Dawn asked", "Willow and her sister": a first name that is also a word,
            // where a sentence starts, before what only a person does.
            // Mid-sentence, the same before an age or what a person does: "placement of
            // Summer (10)", not "in Summer (3 weeks)".
            // `foreign`: a listed name that is a word only in another language ("Selam").
            let given_word_name = |foreign: bool| {
                cap && (foreign || GIVEN_WORD_NAMES.contains(&l))
                    && !titles[line_of[k]]
                    && (sentence_start(text, t.start)
                        || (!everyday_phrase(k)
                            && k.checked_sub(1).is_none_or(|p| {
                                ![
                                    "the", "in", "during", "this", "last", "next", "every",
                                    "since", "until", "till", "by", "a",
                                ]
                                .contains(&lower(&toks[p]))
                            })))
                    && person_cue_after(text, toks, k)
            };
            if let Some(&(everyday, _)) = name_list().get(l) {
                return if cap {
                    !everyday
                        || (mid() && !everyday_phrase(k))
                        || given_word_name(!in_dictionary(l) && !HELPING_VERBS.contains(&l))
                } else {
                    !everyday && !is_ordinary(l)
                };
            }
            // Where a sentence starts every word is capitalised, so a word in none of the
            // word lists is a name there only when what follows says it is someone:
            // "Rebaz came to the drop-in", "Rowena is worried", "Radek and I walked".
            // The cue may follow the whole name: "Mairéad Ní Dhomhnaill is the new
            // Community Psychiatric Nurse".
            let name_end = || {
                let mut j = k;
                let word_at = |n: usize| {
                    n < toks.len()
                        && !skip[n]
                        && toks[n - 1].base_end == toks[n - 1].end
                        && &text[toks[n - 1].end..toks[n].start] == " "
                };
                let unusual = |n: usize| {
                    let (nw, nl) = (base(&toks[n]), lower(&toks[n]));
                    capitalised(nw) && !is_ordinary(nl) && !is_allowed(nl) && !user_allowed(nl)
                };
                while j < k + 3 {
                    if word_at(j + 1) && unusual(j + 1) {
                        j += 1;
                    } else if word_at(j + 1)
                        && NAME_PARTICLES.contains(&lower(&toks[j + 1]))
                        && lower(&toks[j + 1]) != "in"
                        && word_at(j + 2)
                        && unusual(j + 2)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                j
            };
            let starts_before_cue = || {
                sentence_start(text, t.start)
                    && !titles[line_of[k]]
                    && w.chars().count() >= 3
                    && !STOPWORDS.contains(&l)
                    && !SOFT_HONORIFICS.contains(&w)
                    && (person_cue_after(text, toks, k) || action_after(text, toks, k) || {
                        let e = name_end();
                        e != k && (person_cue_after(text, toks, e) || action_after(text, toks, e))
                    })
            };
            let unusual_here =
                || (mid() && !thing_after_determiner(text, toks, k)) || starts_before_cue();
            // A first name that is also a word is written in lowercase too as the word
            // ("Summer had a good day ... the summer fair"): that says nothing of it.
            // A word of another language only, before an age: "Tayo (7) and his sister".
            let foreign_with_age =
                || age_after(text, toks, k) && other_words().contains(l) && !in_dictionary(l);
            // (A title that makes a name of the word after it is no name by itself:
            // "terima kasih, Bapak", as "Sister" is not.)
            if given_word_name(false) {
                return true;
            }
            if !cap {
                return false;
            }
            let known_here = learned(l);
            ((known_here
                || (!is_ordinary(l) && unusual_here() && !SOFT_HONORIFICS.contains(&w))
                || foreign_with_age())
                && !lower_seen(l))
                // The word written in lowercase too says nothing against an age after it
                // ("Merveille (9)" beside "ma merveille"), nor against the name once found
                // so, where the word is none of English.
                || ((known_here || age_after(text, toks, k))
                    && lower_seen(l)
                    && !in_dictionary(l))
        };
        // Whether token k may continue a name ("Sarah Jones", "Dr Ngozi Okafor"). A
        // weekday's short form may, after a word with a Vietnamese mark and with no date
        // after it ("Phạm Thu, 19").
        let continues = |k: usize, prev: &Tok| -> bool {
            let Some(t) = toks.get(k) else { return false };
            let l = lower(t);
            let given_day = || {
                CALENDAR.contains(&l)
                    && l.len() == 3
                    && !base(prev).is_ascii()
                    && !text[t.end..]
                        .trim_start_matches(' ')
                        .starts_with(|c: char| c.is_ascii_digit())
            };
            !skip[k]
                && prev.base_end == prev.end
                && &text[prev.end..t.start] == " "
                && capitalised(base(t))
                && base(t).chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !user_allowed(l)
                && !is_honorific(l)
                && (!is_allowed(l) || THEORISTS.contains(&l) || PEOPLES.contains(&l) || given_day())
                && !FLAT_WORDS.contains(&l)
        };
        // "daughter Jade", "Grandson Ka Ho", "her mam Bridget": a capitalised word after a
        // word of family, even one that is also a word, unless it is only an English
        // word and no one's name ("the baby Unit"). A role written in lowercase does the
        // same: "support worker Jade", "Team leader Femi".
        let after_kin = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let Some(mut p) = k.checked_sub(1) else {
                return false;
            };
            // "his birth mum is Destiny": the family word, "is" and the name.
            if p >= 1
                && ["is", "was"].contains(&lower(&toks[p]))
                && spaced_at(p - 1, p)
                && spaced_at(p, k)
                && KIN_BEFORE_NAMES.contains(&lower(&toks[p - 1]))
            {
                p -= 1;
            }
            let english = |l: &str| {
                let d = dictionary();
                d.contains(l) || l.strip_suffix('s').is_some_and(|w| d.contains(w))
            };
            let role = || {
                base(&toks[p]).starts_with(char::is_lowercase)
                    && ROLE_NOUNS.contains(&lower(&toks[p]))
                    && !["patient", "resident", "tenant", "client", "lodger", "baby"]
                        .contains(&lower(&toks[p]))
            };
            w.starts_with(char::is_uppercase)
                && !skip[p]
                && (KIN_BEFORE_NAMES.contains(&lower(&toks[p])) || role())
                && toks[p].base_end == toks[p].end
                && (p + 1 < k || &text[toks[p].end..t.start] == " ")
                && !titles[line_of[k]]
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !SOFT_HONORIFICS.contains(&w)
                && (!is_allowed(l) || THEORISTS.contains(&l))
                && !user_allowed(l)
                && !is_thing(l)
                && (name_list().contains_key(l) || GIVEN_WORD_NAMES.contains(&l) || !english(l))
        };
        // "the dog Bonnie", "his dog Sabre": a pet by its name, right after the animal, or
        // between commas after it ("the dog, Scamp, and I"), the animal capitalised where
        // a sentence starts ("Dog Bran jumped up").
        let after_animal = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let gap = &text[toks[p].end..t.start];
            let apposed = gap == ", " && text[t.end..].starts_with(',');
            w.starts_with(char::is_uppercase)
                && ANIMALS.contains(&lower(&toks[p]))
                && toks[p].base_end == toks[p].end
                && (gap == " " || apposed)
                && (base(&toks[p]).starts_with(char::is_lowercase)
                    || sentence_start(text, toks[p].start))
                && !titles[line_of[k]]
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
                && !is_thing(l)
                // An English word names the pet where a verb follows or the clause ends
                // ("his dog Sabre is with his sister"), not before a noun ("the dog Food
                // bowl").
                && (!is_plainly_ordinary(l)
                    || name_list().contains_key(l)
                    || apposed
                    || toks.get(k + 1).is_none_or(|n| {
                        let nl = lower(n);
                        &text[t.end..n.start] != " "
                            || LINKING_VERBS.contains(&nl)
                            || HELPING_VERBS.contains(&nl)
                            || is_person_verb(nl)
                            || nl.ends_with("ing")
                            || nl.ends_with("ed")
                            || STOPWORDS.contains(&nl)
                    }))
        };
        // "Cats Smudge, Tinker and Bramble": the names after a pet's, in its list.
        let pet_in_list = |k: usize| -> bool {
            let (w, l) = (base(&toks[k]), lower(&toks[k]));
            if !capitalised(w)
                || w.chars().count() < 2
                || STOPWORDS.contains(&l)
                || is_allowed(l)
                || user_allowed(l)
                || is_thing(l)
            {
                return false;
            }
            let mut j = k;
            for _ in 0..6 {
                let prev = if j >= 1 && &text[toks[j - 1].end..toks[j].start] == ", " {
                    j - 1
                } else if j >= 2
                    && base(&toks[j - 1]) == "and"
                    && spaced_at(j - 2, j - 1)
                    && spaced_at(j - 1, j)
                {
                    j - 2
                } else {
                    return false;
                };
                if skip[prev]
                    || toks[prev].base_end != toks[prev].end
                    || !capitalised(base(&toks[prev]))
                {
                    return false;
                }
                if after_animal(prev) {
                    return true;
                }
                j = prev;
            }
            false
        };
        // "the Parrys", "the Joneses": a family by its surname, in the plural.
        let family_plural = |k: usize| -> bool {
            let t = &toks[k];
            let (w, l) = (base(t), lower(t));
            let surname = |stem: &str| {
                name_list()
                    .get(stem)
                    .is_some_and(|&(everyday, surname)| surname && !everyday)
            };
            k >= 1
                && lower(&toks[k - 1]) == "the"
                && &text[toks[k - 1].end..t.start] == " "
                && capitalised(w)
                && !titles[line_of[k]]
                && !is_allowed(l)
                && !user_allowed(l)
                && (l.strip_suffix("es").is_some_and(surname)
                    || l.strip_suffix('s').is_some_and(surname))
        };
        // The name written after a form's label, whatever its words: "SURNAME CARLISLE",
        // "Forenames: Dean Anthony", "first name Rowan"; the end of it, up to three
        // capitalised words on the label's line.
        let labelled = |k: usize| -> Option<usize> {
            if !matches!(text.as_bytes()[toks[k].start] | 0x20, b's' | b'f' | b'n')
                || !(4..=9).contains(&(toks[k].end - toks[k].start))
            {
                return None;
            }
            let l = lower(&toks[k]);
            let label = ["surname", "surnames", "forename", "forenames"].contains(&l)
                || (["name", "names"].contains(&l)
                    && k >= 1
                    && spaced_at(k - 1, k)
                    && ["first", "given", "family", "last", "middle", "maiden"]
                        .contains(&lower(&toks[k - 1])));
            if !label || toks[k].base_end != toks[k].end {
                return None;
            }
            let word_at = |j: usize, gap: &[&str]| {
                toks.get(j).is_some_and(|n| {
                    !skip[j]
                        && gap.contains(&&text[toks[j - 1].end..n.start])
                        && base(n).starts_with(char::is_uppercase)
                        && base(n).chars().count() >= 2
                        && !STOPWORDS.contains(&lower(n))
                        && !["surname", "surnames", "forename", "forenames", "dob"]
                            .contains(&lower(n))
                })
            };
            if !word_at(k + 1, &[" ", ": ", " : ", ":  "]) {
                return None;
            }
            let mut end = k + 1;
            while end < k + 3 && word_at(end + 1, &[" "]) {
                end += 1;
            }
            Some(end)
        };
        let mut covered = vec![false; toks.len()];
        let mut found: Vec<(usize, usize)> = Vec::new(); // token ranges of names
        let mut k = 0;
        while k < toks.len() {
            if skip[k] || covered[k] {
                k += 1;
                continue;
            }
            if let Some(end) = labelled(k) {
                for c in &mut covered[k + 1..=end] {
                    *c = true;
                }
                found.push((k + 1, end));
                k = end + 1;
                continue;
            }
            let t = &toks[k];
            let l = lower(t);
            let w = base(t);
            // An honorific and the name after it.
            // "miss" in lowercase after "to", a pronoun or a helping verb is the verb: "to
            // miss Jummah", "didn't miss Eid"; before a stop it is a word ending its
            // sentence ("third miss. Ring him"), never shortened as "Mr." is.
            let verb_before = || {
                k >= 1
                    && spaced_at(k - 1, k)
                    && (HELPING_VERBS.contains(&lower(&toks[k - 1]))
                        || [
                            "to", "not", "don't", "don’t", "i", "you", "we", "they", "he", "she",
                        ]
                        .contains(&lower(&toks[k - 1])))
            };
            let missing = w == "miss" && (text[t.end..].starts_with('.') || verb_before());
            let strong =
                is_honorific(l) && (w.starts_with(char::is_uppercase) || w == l) && !missing;
            let soft = SOFT_HONORIFICS.contains(&w);
            if (strong || soft) && t.base_end == t.end {
                let mut j = k + 1;
                let mut gap_end = t.end;
                if text[gap_end..].starts_with('.') {
                    gap_end += 1;
                }
                // An initial may come between: "Mr J. Smith", "Mrs A Patel".
                let gap_ok = |from: usize, to: usize| {
                    let g = &text[from..to];
                    !g.is_empty() && g.len() <= 2 && g.chars().all(|c| c == ' ')
                };
                if let Some(n) = toks.get(j)
                    && gap_ok(gap_end, n.start)
                    && n.end - n.start == 1
                    && base(n).starts_with(|c: char| c.is_ascii_uppercase())
                    && let Some(m) = toks.get(j + 1)
                {
                    let mut e = n.end;
                    if text[e..].starts_with('.') {
                        e += 1;
                    }
                    // "Rang Nurse H about the dressing": an everyday word after the
                    // initial leaves the initial as the name.
                    // "Dr A and E" is the department, not an initial.
                    let surname = base(m).starts_with(char::is_uppercase)
                        || !is_ordinary(lower(m))
                        || (base(n) == "A" && ["and", "&"].contains(&lower(m)));
                    if gap_ok(e, m.start) && surname {
                        gap_end = e;
                        j += 1;
                    }
                }
                if let Some(n) = toks.get(j)
                    && !skip[j]
                    && gap_ok(gap_end, n.start)
                {
                    let nl = lower(n);
                    let nw = base(n);
                    // "Mr T - cath bag leaking": one capital alone after a title is the
                    // person it stands for.
                    // Typed fast in lowercase, a title and a letter: "mrs b (brenda kay)".
                    let typed_fast = w == l
                        && ["mr", "mrs", "ms", "miss"].contains(&l)
                        && nw.len() == 1
                        && nw.bytes().all(|c| c.is_ascii_lowercase())
                        && !["a", "i"].contains(&nw);
                    let initial =
                        (nw.len() == 1 && nw != "I" && nw.bytes().all(|c| c.is_ascii_uppercase())
                            || typed_fast)
                            && !text[n.end..].starts_with(['\'', '’']);
                    // A title after a title is no name: "Sgt Maj", "Prof Sir John" (the
                    // name is read from the last title).
                    let named = if strong {
                        ((nw.starts_with(char::is_uppercase) || !is_ordinary(nl))
                            && !STOPWORDS.contains(&nl)
                            && !is_honorific(nl)
                            && nw.chars().count() >= 2)
                            || initial
                    } else {
                        // A word only of another language is a name after such a title
                        // ("Pak Agus", though "agus" is Irish for "and").
                        // "Nurse H": one capital, as for a title above (not "A").
                        (initial && nw != "A")
                            || (capitalised(nw)
                                && (name_list().contains_key(nl)
                                    || !is_ordinary(nl)
                                    || (other_words().contains(nl)
                                        && !in_dictionary(nl)
                                        && !big_places().contains(nl)))
                                && !is_allowed(nl))
                    };
                    if named && !user_allowed(nl) {
                        // A Burmese or Karen name after its title is its syllables, some
                        // of them words of ours: "Daw Khin May", "Naw Say Paw".
                        let burmese = matches!(w, "Daw" | "Naw");
                        let syllable = |k: usize, prev: &Tok| {
                            toks.get(k).is_some_and(|t| {
                                !skip[k]
                                    && prev.base_end == prev.end
                                    && &text[prev.end..t.start] == " "
                                    && capitalised(base(t))
                                    && (2..=5).contains(&base(t).len())
                                    && base(t).bytes().all(|c| c.is_ascii_alphabetic())
                                    && !STOPWORDS.contains(&lower(t))
                            })
                        };
                        let mut last = j;
                        while last < j + 2
                            && (continues(last + 1, &toks[last])
                                || (burmese && syllable(last + 1, &toks[last])))
                        {
                            last += 1;
                        }
                        for c in &mut covered[k..=last] {
                            *c = true;
                        }
                        found.push((k, last));
                        k = last + 1;
                        continue;
                    }
                }
            }
            // An initial and a surname: "K. Okafor".
            if w.chars().count() == 1
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && text[t.end..].starts_with(". ")
                && let Some(n) = toks.get(k + 1)
                && n.start == t.end + 2
                && !skip[k + 1]
                && capitalised(base(n))
                && (name_list().contains_key(lower(n)) || !is_ordinary(lower(n)))
                && !is_allowed(lower(n))
                && !user_allowed(lower(n))
            {
                covered[k] = true;
                covered[k + 1] = true;
                found.push((k, k + 1));
                k += 2;
                continue;
            }
            if is_name(k) || after_kin(k) || family_plural(k) || after_animal(k) || pet_in_list(k) {
                let mut last = k;
                while last < k + 2 && continues(last + 1, &toks[last]) {
                    last += 1;
                }
                for c in &mut covered[k..=last] {
                    *c = true;
                }
                found.push((k, last));
                k = last + 1;
                continue;
            }
            k += 1;
        }
        // Once part of a name is caught, the whole of it is: a first name before a caught
        // surname where a sentence starts ("María García"), a particle ("Dafydd ap
        // Ifan", "Pádraig Ó Súilleabháin"), a capitalised word that can only be a name
        // there ("Nguyễn Thị An"), a surname in lowercase ("Joanne hale").
        let mid_at = |k: usize| !sentence_start(text, toks[k].start) && !titles[line_of[k]];
        let spaced = |a: usize, b: usize| &text[toks[a].end..toks[b].start] == " ";
        // Whether token k may be a word of a name next to one already caught.
        let name_like = |k: usize| -> bool {
            let (t, l) = (&toks[k], lower(&toks[k]));
            !skip[k]
                && capitalised(base(t))
                && !STOPWORDS.contains(&l)
                && (!is_allowed(l) || THEORISTS.contains(&l))
                && !user_allowed(l)
                && !FLAT_WORDS.contains(&l)
                // "a Staffie Tyson": the animal before a pet's name is no part of it.
                && !ANIMALS.contains(&l)
                && (name_list().get(l).is_some_and(|&(e, _)| !e)
                    || is_honorific(l)
                    || SOFT_HONORIFICS.contains(&base(t))
                    || !is_ordinary(l))
        };
        // "in" joins an Italian married name only before a surname ending as Italy's do
        // ("Rossi in Ruggiero"), not a place ("Jones in Kirkstall").
        let italian_in = |k: usize| {
            lower(&toks[k]) != "in"
                || toks.get(k + 1).is_some_and(|n| {
                    base(n).ends_with(['i', 'o', 'a']) && base(n).chars().count() >= 4
                })
        };
        let particle = |k: usize| -> bool {
            !skip[k]
                && italian_in(k)
                && (NAME_PARTICLES.contains(&lower(&toks[k]))
                    || (CELTIC_ARTICLES.contains(&base(&toks[k]))
                        && toks[k].base_end == toks[k].end))
        };
        // "Tŷ Olwen", "Pen y Cae Farm": a word that opens the name of a place, before a
        // name caught (with an article between, for most of them).
        let place_head = |k: usize, article: bool| -> bool {
            let l = lower(&toks[k]);
            !skip[k]
                && base(&toks[k]).starts_with(char::is_uppercase)
                && toks[k].base_end == toks[k].end
                && CELTIC_PLACE_HEADS.contains(&l)
                && (article || CELTIC_PLACE_HEADS[..5].contains(&l))
        };
        for span in &mut found {
            let single = span.0 == span.1;
            for _ in 0..4 {
                let (a, b) = *span;
                // Backwards: a name word, or a particle with a name word before it.
                if a >= 1 && spaced(a - 1, a) && toks[a - 1].base_end == toks[a - 1].end {
                    // "Faith Adjei missed it", "an officer: Lee Marsden": a listed name that
                    // is also a word, where a sentence starts, before a name caught; and
                    // mid-sentence, a first name that is a word ("room 2 Jade McLeish").
                    let given_word = || {
                        let p = &toks[a - 1];
                        let pl = lower(p);
                        // In capitals beside a name in capitals: "FORENAMES DEAN ANTHONY".
                        let in_capitals = |t: &Tok| {
                            base(t).chars().count() >= 3
                                && base(t)
                                    .chars()
                                    .all(|c| c.is_alphabetic() && c.is_uppercase())
                        };
                        let capitals = in_capitals(p) && in_capitals(&toks[a]) && !covered[a - 1];
                        !skip[a - 1]
                            && (capitalised(base(p)) || capitals)
                            && !is_allowed(pl)
                            && !user_allowed(pl)
                            && ((capitals && name_list().contains_key(pl))
                                || (sentence_start(text, p.start)
                                    && (GIVEN_WORD_NAMES.contains(&pl)
                                        || name_list().get(pl).is_some_and(|&(e, _)| e)))
                                || (mid_at(a - 1)
                                    && (GIVEN_WORD_NAMES.contains(&pl)
                                        || name_list()
                                            .get(pl)
                                            .is_some_and(|&(e, surname)| e && !surname))))
                    };
                    // "Carer: Memory Moyo", "with Lincoln Boateng": mid-sentence, any
                    // capitalised word before a lone surname caught is its first name, but
                    // a title, a kin word, a day or a month, or a word the text writes in
                    // lowercase too.
                    let everyday_first = || {
                        let p = &toks[a - 1];
                        let pl = lower(p);
                        // The cheapest and the rarest conditions first: a word of the
                        // dictionary, capitalised, before a lone surname.
                        single
                            && !skip[a - 1]
                            && !covered[a - 1]
                            && base(p).starts_with(char::is_uppercase)
                            && base(p).len() >= 3
                            && in_dictionary(pl)
                            && name_list()
                                .get(lower(&toks[a]))
                                .is_none_or(|&(_, surname)| surname)
                            && base(p).chars().nth(2).is_some()
                            && capitalised(base(p))
                            && !other_words().contains(pl)
                            && (mid_at(a - 1)
                                // "Carer: Memory Moyo": after a role's label.
                                || a >= 2
                                    && &text[toks[a - 2].end..p.start] == ": "
                                    && (ROLE_NOUNS.contains(&lower(&toks[a - 2]))
                                        || KIN_BEFORE_NAMES.contains(&lower(&toks[a - 2]))))
                            && month_of(base(p)).is_none()
                            && !is_weekday(base(p))
                            && !is_honorific(pl)
                            && !SOFT_HONORIFICS.contains(&base(p))
                            && !KIN_BEFORE_NAMES.contains(&pl)
                            && !STOPWORDS.contains(&pl)
                            && !user_allowed(pl)
                            && !STREET_WORDS.contains(&pl)
                            && !BUILDING_WORDS.contains(&pl)
                            && !PLACE_OPENERS.contains(&pl)
                            // A plural is a place's or a firm's ("Ransomes Europark").
                            && !pl.strip_suffix('s').is_some_and(|w| {
                                in_dictionary(w) || w.strip_suffix('e').is_some_and(in_dictionary)
                            })
                            && !lower_seen(pl)
                    };
                    if name_like(a - 1) || given_word() || everyday_first() {
                        span.0 = a - 1;
                        continue;
                    }
                    if a >= 2
                        && particle(a - 1)
                        && spaced(a - 2, a - 1)
                        && (name_like(a - 2) || place_head(a - 2, true))
                    {
                        span.0 = a - 2;
                        continue;
                    }
                    // Two particles: "Joanna van der Westhuizen".
                    if a >= 3
                        && particle(a - 1)
                        && particle(a - 2)
                        && spaced(a - 2, a - 1)
                        && spaced(a - 3, a - 2)
                        && name_like(a - 3)
                    {
                        span.0 = a - 3;
                        continue;
                    }
                    if place_head(a - 1, false) {
                        span.0 = a - 1;
                        continue;
                    }
                }
                let Some(n) = (b + 1 < toks.len()).then_some(b + 1) else {
                    break;
                };
                if !spaced(b, n) || toks[b].base_end != toks[b].end || skip[n] {
                    break;
                }
                let nl = lower(&toks[n]);
                let nw = base(&toks[n]);
                let next_name = |m: usize| m < toks.len() && spaced(m - 1, m) && name_like(m);
                if particle(n) && next_name(n + 1) {
                    span.1 = n + 1;
                } else if particle(n)
                    && n + 1 < toks.len()
                    && spaced(n, n + 1)
                    && particle(n + 1)
                    && next_name(n + 2)
                {
                    span.1 = n + 2;
                } else if capitalised(nw) && name_like(n) {
                    span.1 = n;
                } else if capitalised(nw)
                    && STOPWORDS.contains(&nl)
                    && !["i", "a"].contains(&nl)
                    && mid_at(n)
                {
                    // "Met Nguyễn Thị An today": a capitalised "An" mid-sentence.
                    span.1 = n;
                } else if single
                    && b == a
                    && nw.starts_with(char::is_lowercase)
                    && nw.chars().count() >= 2
                    // Latin letters: in Cyrillic or Greek every word is unknown to the
                    // dictionary ("Олена прийшла" is Olena and "came").
                    && nw.chars().all(|c| (c as u32) < 0x250)
                    && !STOPWORDS.contains(&nl)
                    && (name_list().get(nl).is_some_and(|&(_, surname)| surname)
                        || !is_ordinary(nl))
                    && !NOT_LOWERCASE_SURNAMES.contains(&nl)
                    && !is_allowed(nl)
                    && !user_allowed(nl)
                {
                    span.1 = n;
                } else {
                    break;
                }
            }
            for c in &mut covered[span.0..=span.1] {
                *c = true;
            }
        }
        // A listed name that is also an everyday word, where a sentence starts, is a name
        // when a name joins it: "Bill and Frank left early", "Mark & Faith".
        let starts: HashSet<usize> = found.iter().map(|&(a, _)| a).collect();
        for k in 0..toks.len().saturating_sub(1) {
            let t = &toks[k];
            let joined = if [" & ", " + "].contains(&&text[t.end..toks[k + 1].start]) {
                starts.contains(&(k + 1))
            } else {
                toks.get(k + 2).is_some_and(|next| {
                    let and = &toks[k + 1];
                    base(and) == "and"
                        && &text[t.end..and.start] == " "
                        && &text[and.end..next.start] == " "
                        && starts.contains(&(k + 2))
                })
            };
            if !covered[k]
                && !skip[k]
                && capitalised(base(t))
                && name_list().get(lower(t)).is_some_and(|&(e, _)| e)
                && !user_allowed(lower(t))
                && t.base_end == t.end
                && joined
            {
                covered[k] = true;
                found.push((k, k));
            }
        }
        // Names in a list joined by "and" or "&" ("Callum and Jade did the baking",
        // "Ola, Jade & Priya"): once one of them is caught, another that is one
        // capitalised word is a name too, unless this text also writes it in
        // lowercase, or it is plainly a word (see `list_acts`).
        let item_ends: std::collections::HashMap<usize, usize> = found.iter().copied().collect();
        // The list's items from token k, each item's first and last token, and whether
        // "and" or "&" joins two of them (a list of commas only is no list of people).
        let list_from = |k: usize| -> (Vec<(usize, usize)>, bool) {
            let mut items = Vec::new();
            let mut joined_by_and = false;
            let mut a = k;
            loop {
                let b = item_ends.get(&a).copied().unwrap_or(a);
                items.push((a, b));
                let Some(n) = toks.get(b + 1) else { break };
                let gap = &text[toks[b].end..n.start];
                if toks[b].base_end != toks[b].end {
                    break;
                }
                if gap == " & " || gap == ", & " || gap == " + " {
                    a = b + 1;
                    joined_by_and = true;
                } else if (gap == " " || gap == ", ")
                    && base(n) == "and"
                    && toks
                        .get(b + 2)
                        .is_some_and(|m| &text[n.end..m.start] == " ")
                {
                    a = b + 2;
                    joined_by_and = true;
                } else if gap == ", " && items.len() < 8 {
                    a = b + 1;
                } else {
                    break;
                }
            }
            (items, joined_by_and)
        };
        // A plain word in a list ("Callum and Jade", "Sarah and Finance") is a name
        // only when the list is followed by what it did ("Callum and Jade did the
        // baking"), not by where or when ("Met Callum and Probation at the office").
        let list_acts = |last: usize| {
            let verb_next = toks.get(last + 1).is_some_and(|n| {
                let nl = lower(n);
                &text[toks[last].end..n.start] == " "
                    && toks[last].base_end == toks[last].end
                    && base(n).starts_with(char::is_lowercase)
                    && n.letters
                    && !n.digits
                    && !STOPWORDS.contains(&nl)
                    && !WHERE_OR_WHEN.contains(&nl)
            });
            verb_next || person_cue_after(text, toks, last) || action_after(text, toks, last)
        };
        let partner = |k: usize, last: usize| -> bool {
            let t = &toks[k];
            let l = lower(t);
            let w = base(t);
            let alone = toks
                .get(k + 1)
                .is_none_or(|n| !(spaced(k, k + 1) && capitalised(base(n))));
            !skip[k]
                && !covered[k]
                && alone
                && capitalised(w)
                && w.chars().count() >= 2
                && !STOPWORDS.contains(&l)
                && !is_honorific(l)
                && !is_allowed(l)
                && !user_allowed(l)
                && !FLAT_WORDS.contains(&l)
                && !lower_seen(l)
                // "and I've been": a pronoun with its verb run in.
                && !l.starts_with("i'")
                && !l.starts_with("i’")
                // Where a sentence starts, a word its ending makes one ("Redressed,
                // Aquacel and ...") opens no list of people.
                && !(sentence_start(text, t.start) && is_ordinary(l) && !name_list().contains_key(l))
                && (!is_plainly_ordinary(l)
                    || name_list().contains_key(l)
                    || is_hyphenated_name(w, l)
                    || (mid_at(k) && list_acts(last)))
        };
        let mut joined = Vec::new();
        for k in 0..toks.len() {
            if skip[k] || !capitalised(base(&toks[k])) {
                continue;
            }
            let (items, joined_by_and) = list_from(k);
            if !joined_by_and || items.len() < 2 || !items.iter().any(|i| found.contains(i)) {
                continue;
            }
            let last = items.last().map_or(k, |&(_, b)| b);
            for &(a, b) in &items {
                if a == b && !found.contains(&(a, b)) && partner(a, last) {
                    joined.push((a, a));
                }
            }
        }
        for (a, b) in joined {
            covered[a] = true;
            found.push((a, b));
        }
        // Children listed with their ages, "Yazan (12), Lama (9), Joud (3)": once one of
        // them is caught, a capitalised word beside it with an age of its own is a name
        // too, whatever else it is.
        let aged = |k: usize| {
            toks.get(k + 1).is_some_and(|n| {
                n.digits
                    && !n.letters
                    && n.end - n.start <= 2
                    && &text[toks[k].end..n.start] == " ("
                    && text[n.end..].starts_with(')')
            })
        };
        let mut listed = Vec::new();
        for k in 0..toks.len() {
            let l = lower(&toks[k]);
            if covered[k]
                || skip[k]
                || !aged(k)
                || !capitalised(base(&toks[k]))
                || base(&toks[k]).chars().count() < 2
                || STOPWORDS.contains(&l)
                || is_allowed(l)
                || user_allowed(l)
                || lower_seen(l)
            {
                continue;
            }
            let before = k >= 2
                && covered[k - 2]
                && aged(k - 2)
                && &text[toks[k - 1].end..toks[k].start] == "), ";
            let after = k + 2 < toks.len()
                && covered[k + 2]
                && aged(k + 2)
                && text[toks[k + 1].end..toks[k + 2].start].starts_with("), ");
            if before || after {
                listed.push(k);
            }
        }
        for k in listed {
            covered[k] = true;
            found.push((k, k));
        }
        // Two names in lowercase joined by "and", one caught and the other a listed name:
        // "tyler and mason were winding each other up".
        let ends: HashSet<usize> = found.iter().map(|&(_, b)| b).collect();
        for k in 0..toks.len().saturating_sub(2) {
            let (x, and, y) = (&toks[k], &toks[k + 1], &toks[k + 2]);
            if base(and) != "and"
                || &text[x.end..and.start] != " "
                || &text[and.end..y.start] != " "
                || x.base_end != x.end
                || !base(x).starts_with(char::is_lowercase)
                || !base(y).starts_with(char::is_lowercase)
            {
                continue;
            }
            let other = if ends.contains(&k) && !covered[k + 2] {
                k + 2
            } else if starts.contains(&(k + 2)) && !covered[k] {
                k
            } else {
                continue;
            };
            let l = lower(&toks[other]);
            // A listed name, or a word that is no word at all: "jayden and kez".
            if !skip[other]
                && (name_list().contains_key(l) || (l.chars().count() >= 3 && !is_ordinary(l)))
                && !STOPWORDS.contains(&l)
                && !HELPING_VERBS.contains(&l)
                && !CALENDAR.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
            {
                covered[other] = true;
                found.push((other, other));
            }
        }
        // A capitalised word between two names caught is a middle name, whatever else it
        // is ("Phạm Thu Hà", with "Thu" also short for Thursday).
        found.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for &(a, b) in &found {
            if let Some(last) = merged.last_mut()
                && a == last.1 + 2
                && spaced(last.1, last.1 + 1)
                && spaced(last.1 + 1, a)
                && toks[last.1].base_end == toks[last.1].end
                && toks[last.1 + 1].base_end == toks[last.1 + 1].end
                && !skip[last.1 + 1]
                && capitalised(base(&toks[last.1 + 1]))
                && !STOPWORDS.contains(&lower(&toks[last.1 + 1]))
            {
                covered[last.1 + 1] = true;
                last.1 = b;
            } else if merged.last().is_none_or(|l| l.1 < a) {
                merged.push((a, b));
            }
        }
        found = merged;
        for span in &mut found {
            let a = span.0;
            // "Big Mick", "Little Jo", "Wee Davie": a word of size or age before a name
            // is part of the nickname, and so is a stage name's "DJ" or "MC".
            if a >= 1
                && spaced(a - 1, a)
                && !skip[a - 1]
                && !covered[a - 1]
                && (NICKNAME_SIZES.contains(&base(&toks[a - 1]))
                    || STAGE_NAME_HEADS.contains(&base(&toks[a - 1])))
            {
                covered[a - 1] = true;
                span.0 = a - 1;
            }
            // "Priya R.", "Claire O. from the team", "DJ Danny M": one capital after a
            // name is the initial of a surname; so is one before a speaker's colon, an
            // aside in brackets or a table's next cell ("Blessing O: u said", "Jayden O |").
            let b = span.1;
            if let Some(n) = toks.get(b + 1) {
                let (nw, after) = (base(n), &text[n.end..]);
                if spaced(b, b + 1)
                    && toks[b].base_end == toks[b].end
                    && !skip[b + 1]
                    && !covered[b + 1]
                    && nw.len() == 1
                    && nw.bytes().all(|c| c.is_ascii_uppercase())
                    && (after.starts_with('.')
                        || (nw != "I"
                            && nw != "A"
                            && (after.is_empty()
                                || after.starts_with(['"', '”', '’', ',', ';', ':', ')', '\n'])
                                || after.starts_with(" (")
                                || after.starts_with(" |"))))
                {
                    covered[b + 1] = true;
                    span.1 = b + 1;
                }
            }
        }
        // A name's nickname in brackets after it: "Shaquille Thompson (Shaq)",
        // "zbigniew (zbyszek)", one word that is no everyday one, or capitalised.
        let mut nicknames = Vec::new();
        // A name that is also a word, before the full name in brackets: "Bill (Mr
        // William Dunn)".
        for &(a, b) in &found {
            let Some(p) = a.checked_sub(1) else { continue };
            let (pw, pl) = (base(&toks[p]), lower(&toks[p]));
            if &text[toks[p].end..toks[a].start] == " ("
                && text[toks[b].end..].starts_with(')')
                && toks[p].base_end == toks[p].end
                && !skip[p]
                && !covered[p]
                && capitalised(pw)
                && pw.chars().count() >= 2
                && (name_list().contains_key(pl) || !is_ordinary(pl))
                && !STOPWORDS.contains(&pl)
                && !is_allowed(pl)
                && !user_allowed(pl)
                && !is_honorific(pl)
            {
                nicknames.push((p, p));
            }
        }
        // Who was at a meeting, after "Present:" or "Apologies:": each item of the list
        // is someone, by name, short form or initials ("Present: AB, JK, Shaz, Priya R.,
        // me"), unless it is a role or a word of family ("Mum", "the GP", "SW").
        for (k, t) in toks.iter().enumerate() {
            if !ATTENDANCE.contains(&lower(t))
                || !text[t.end..].starts_with(':')
                || !sentence_start(text, t.start)
            {
                continue;
            }
            let line_end = text[t.end..].find('\n').map_or(text.len(), |i| t.end + i);
            let mut j = k + 1;
            while j < toks.len() && toks[j].start < line_end {
                // An item: up to three words, one space apart, after ": ", ", ", "& " or
                // "and ".
                let gap = &text[toks[j - 1].end..toks[j].start];
                let after_initial = gap.starts_with('.')
                    && base(&toks[j - 1]).chars().count() == 1
                    && toks[j - 1].start == toks[j - 1].end - 1;
                let gap = if after_initial { &gap[1..] } else { gap };
                if lower(&toks[j]) == "and" && [" ", ", "].contains(&gap) {
                    j += 1;
                    continue;
                }
                if ![": ", ", ", " & ", ", & "].contains(&gap) {
                    break;
                }
                let mut e = j;
                while e + 1 < toks.len() && e < j + 2 && spaced(e, e + 1) {
                    e += 1;
                }
                let item = j..=e;
                let first = lower(&toks[j]);
                let person = item.clone().all(|m| {
                    !skip[m] && !covered[m] && base(&toks[m]).starts_with(char::is_uppercase)
                }) && !STOPWORDS.contains(&first)
                    && !is_allowed(first)
                    && !user_allowed(first)
                    && !ROLE_ACRONYMS.contains(&base(&toks[j]))
                    && !COMMON_ABBREVIATIONS.contains(&base(&toks[j]))
                    && !ROLE_NOUNS.contains(&first)
                    && !(is_honorific(first) && j == e)
                    // "Probation", "Housing": a service by its word.
                    && (j != e
                        || is_acronym(base(&toks[j]))
                        || !is_plainly_ordinary(first)
                        || name_list().contains_key(first));
                if person {
                    nicknames.push((j, e));
                }
                j = e + 1;
            }
        }
        // The writer's own initials in brackets after "me", or after "me" and their role:
        // "Present: me (CT) and my manager", "Supervisor: me, deputy manager (AW)", "me
        // (tj)": two or three letters of one case ("me (x2)" and "me (ok)" stay).
        for (k, t) in toks.iter().enumerate() {
            let w = base(t);
            let letters = (2..=3).contains(&w.len())
                && t.base_end == t.end
                && (w.bytes().all(|c| c.is_ascii_uppercase())
                    || w.bytes().all(|c| c.is_ascii_lowercase()));
            if !letters
                || skip[k]
                || covered[k]
                || !text[..t.start].ends_with('(')
                || !text[t.end..].starts_with(')')
                || k == 0
                // A role is no one's initials: "me (PA)", a personal adviser.
                || ROLE_ACRONYMS.contains(&w)
                // Capitals are initials; small letters must be no word ("me (ok)").
                || (w.bytes().all(|c| c.is_ascii_lowercase())
                    && (is_ordinary(lower(t)) || STOPWORDS.contains(&lower(t))))
            {
                continue;
            }
            // "me (" or "me, " and up to three lowercase words, then " (".
            let mut j = k - 1;
            let mut words = 0;
            let mine = loop {
                if lower(&toks[j]) == "me" {
                    let gap = &text[toks[j].end..toks[j + 1].start];
                    break (j + 1 == k && gap == " (") || (j + 1 < k && gap == ", ");
                }
                let gap = &text[toks[j].end..toks[j + 1].start];
                let word = &text[toks[j].start..toks[j].end];
                if words == 3
                    || j == 0
                    || !word.starts_with(char::is_lowercase)
                    || !(gap == " " || (j + 1 == k && gap == " ("))
                {
                    break false;
                }
                words += 1;
                j -= 1;
            };
            if mine {
                nicknames.push((k, k));
            }
        }
        // The name someone goes by: "calls herself Jinx", "started calling Pauline
        // "Nanna P"" (quoted, with a name or an initial in it). A pet "called Tyson" is
        // no one (see `pet_name_at`).
        for k in 0..toks.len().saturating_sub(2) {
            if !["call", "calls", "called", "calling"].contains(&lower(&toks[k]))
                || !spaced(k, k + 1)
                || skip[k + 1]
            {
                continue;
            }
            let obj = lower(&toks[k + 1]);
            let reflexive = [
                "himself",
                "herself",
                "themselves",
                "themself",
                "myself",
                "yourself",
            ]
            .contains(&obj);
            let e = if covered[k + 1] {
                found
                    .iter()
                    .find(|&&(a, _)| a == k + 1)
                    .map_or(k + 1, |&(_, b)| b)
            } else if reflexive || ["him", "her", "them", "me", "us"].contains(&obj) {
                k + 1
            } else {
                continue;
            };
            let Some(n) = toks.get(e + 1) else { continue };
            let gap = &text[toks[e].end..n.start];
            let quoted = [" \"", " “", " '", " ‘"].contains(&gap);
            if !(quoted || (reflexive && gap == " ")) {
                continue;
            }
            let close = if quoted {
                text[n.start..]
                    .find(['"', '”', '’', '\''])
                    .map_or(text.len(), |i| n.start + i)
            } else {
                text.len()
            };
            let mut last = e + 1;
            while last + 1 < toks.len()
                && last < e + 3
                && toks[last + 1].end <= close
                && spaced(last, last + 1)
                && capitalised_or_initial(base(&toks[last + 1]))
            {
                last += 1;
            }
            if quoted && toks[last].end != close {
                continue;
            }
            let first = lower(n);
            let foreign_kin = e + 1 == last && other_words().contains(first);
            let ok = (e + 1..=last)
                .all(|m| !skip[m] && !covered[m] && capitalised_or_initial(base(&toks[m])))
                && !STOPWORDS.contains(&first)
                && !is_honorific(first)
                && !user_allowed(first)
                && (if quoted {
                    // 'calls me "Teach"': what someone is called, whatever the word,
                    // but a word of family or a title ('calls her "Auntie"'), in
                    // another language too ('called him "Papa"').
                    (["him", "her", "them", "me", "us"].contains(&obj)
                        && !KIN_BEFORE_NAMES.contains(&first)
                        && !foreign_kin
                        && !SOFT_HONORIFICS.contains(&base(n))
                        && !ROLE_NOUNS.contains(&first))
                        || (e + 1..=last)
                            .any(|m| base(&toks[m]).chars().count() == 1 || name_like(m))
                } else {
                    !is_allowed(first)
                });
            if ok {
                nicknames.push((e + 1, last));
            }
        }
        for &(_, b) in &found {
            let Some(n) = toks.get(b + 1) else { continue };
            let (nw, nl) = (base(n), lower(n));
            if &text[toks[b].end..n.start] == " ("
                && text[n.end..].starts_with(')')
                && n.base_end == n.end
                && !skip[b + 1]
                && !covered[b + 1]
                && nw.chars().count() >= 2
                && !is_allowed(nl)
                && !user_allowed(nl)
                && !STOPWORDS.contains(&nl)
                // "Gareth Price (IRO)": capitals in brackets are a role or a team.
                && !is_acronym(nw)
                && ((capitalised(nw) && !is_plainly_ordinary(nl))
                    || !is_ordinary(nl)
                    // "mr o'hare (paddy)": a first name in lowercase, though a word.
                    || name_list().get(nl).is_some_and(|&(_, surname)| !surname))
            {
                nicknames.push((b + 1, b + 1));
            }
        }
        // A nickname in quotes after a name, and the surname after it: 'Kwabena "KB"
        // Osei', 'PRIYANKA "PRI" SHAH'; or in brackets too: 'Jean-Marc ("JM")'.
        for &(_, b) in &found {
            let Some(q) = toks.get(b + 1) else { continue };
            let open = &text[toks[b].end..q.start];
            if ![" \"", " “", " '", " ‘", " (\"", " (“", " ('", " (‘"].contains(&open) {
                continue;
            }
            // In brackets, the quotes hold all the brackets do: not '("Ate" is what …)'.
            let bracketed = open.starts_with(" (");
            let mut last = b + 1;
            while last < b + 3 && toks.get(last + 1).is_some_and(|_| spaced(last, last + 1)) {
                last += 1;
            }
            let Some(close) =
                (b + 1..=last).find(|&m| text[toks[m].end..].starts_with(['"', '”', '’', '\'']))
            else {
                continue;
            };
            if bracketed && text[toks[close].end..].chars().nth(1) != Some(')') {
                continue;
            }
            let upper = |m: usize| base(&toks[m]).starts_with(char::is_uppercase);
            let nick = (b + 1..=close).all(|m| {
                !skip[m]
                    && !covered[m]
                    && upper(m)
                    && !STOPWORDS.contains(&lower(&toks[m]))
                    && !is_allowed(lower(&toks[m]))
                    && !user_allowed(lower(&toks[m]))
            });
            if !nick {
                continue;
            }
            nicknames.push((b + 1, close));
            // The closing quote may be a curly one, of three bytes ("“KB” Osei").
            let quote = text[toks[close].end..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            if let Some(n) = toks.get(close + 1)
                && text.get(toks[close].end + quote..n.start) == Some(" ")
                && !skip[close + 1]
                && !covered[close + 1]
                && upper(close + 1)
                && toks[close + 1].letters
                && !toks[close + 1].digits
                && {
                    let l = lower(&toks[close + 1]);
                    !STOPWORDS.contains(&l)
                        && !is_allowed(l)
                        && !user_allowed(l)
                        && (name_list().contains_key(l) || !is_plainly_ordinary(l))
                }
            {
                nicknames.push((close + 1, close + 1));
            }
        }
        // A name in brackets after a role ("per mgr (Devon)"), one after "pseudonym" or
        // "alias" ("pseudonym Kestrel"), one before an email in angle brackets ("To:
        // Tesfay <t@example.org>"), and a nickname of size, "Big Dec" or "Little J", in
        // quotes or before a note of a surname: each someone, whatever else the word is.
        let bytes = text.as_bytes();
        for k in 0..toks.len().saturating_sub(1) {
            let n = k + 1;
            // The word before says which, if any: most words say none, and its first
            // letter or the bracket after it tells most of them apart.
            let bracket = bytes.get(toks[k].end + 1) == Some(&b'(');
            if !bracket
                && !matches!(
                    bytes[toks[k].start] | 0x20,
                    b'p' | b'a' | b'c' | b'b' | b'l' | b'w' | b'y' | b'o'
                )
            {
                continue;
            }
            let gap = &text[toks[k].end..toks[n].start];
            let cue = lower(&toks[k]);
            let role_cue = gap == " (" && ROLE_NOUNS.contains(&cue);
            let pseudonym_cue =
                gap == " " && matches!(cue, "pseudonym" | "alias" | "codename" | "code-name");
            let size_cue = gap == " "
                && text.as_bytes()[toks[k].start].is_ascii_uppercase()
                && NICKNAME_SIZES.contains(&base(&toks[k]));
            if !(role_cue || pseudonym_cue || size_cue) {
                continue;
            }
            let (nw, nl) = (base(&toks[n]), lower(&toks[n]));
            if skip[n]
                || covered[n]
                || !capitalised_or_initial(nw)
                || STOPWORDS.contains(&nl)
                || is_honorific(nl)
                || user_allowed(nl)
            {
                continue;
            }
            let in_role_brackets = role_cue
                && toks[n].base_end == toks[n].end
                && text[toks[n].end..].starts_with(')')
                && nw.chars().count() >= 2
                && !is_acronym(nw);
            let pseudonym = pseudonym_cue && nw.chars().count() >= 2;
            let size = size_cue
                && !skip[k]
                && !covered[k]
                && toks[k].base_end == toks[k].end
                && (nw.chars().count() == 1 || !is_plainly_ordinary(nl) || CALENDAR.contains(&nl))
                && ((text[..toks[k].start].ends_with(['"', '“'])
                    && text[toks[n].end..].starts_with(['"', '”']))
                    || aside_says_person(text, toks, n));
            if in_role_brackets || pseudonym {
                nicknames.push((n, n));
            } else if size {
                nicknames.push((k, n));
            }
        }
        let angled = bytes.contains(&b'<');
        for (k, t) in toks.iter().enumerate().filter(|_| angled) {
            if !text[t.end..].starts_with(" <") {
                continue;
            }
            let (w, l) = (base(t), lower(t));
            if t.base_end == t.end
                && text[t.end + 2..]
                    .split_once('>')
                    .is_some_and(|(mail, _)| mail.contains('@') && !mail.contains(' '))
                && !skip[k]
                && !covered[k]
                && capitalised(w)
                && !STOPWORDS.contains(&l)
                && !is_allowed(l)
                && !user_allowed(l)
            {
                let mut a = k;
                while a > 0
                    && k - a < 2
                    && spaced(a - 1, a)
                    && !skip[a - 1]
                    && !covered[a - 1]
                    && capitalised(base(&toks[a - 1]))
                    && !STOPWORDS.contains(&lower(&toks[a - 1]))
                {
                    a -= 1;
                }
                nicknames.push((a, k));
            }
        }
        // A nickname in quotes after what people call someone or who they were with:
        // 'everyone calls "Doctor"', 'found at 1am with "Tizzy"'.
        for k in 0..toks.len().saturating_sub(1) {
            let cue = lower(&toks[k]);
            if ![" \"", " “"].contains(&&text[toks[k].end..toks[k + 1].start])
                || !matches!(cue, "calls" | "call" | "nicknamed" | "aka" | "with")
            {
                continue;
            }
            let n = &toks[k + 1];
            let (nw, nl) = (base(n), lower(n));
            let closed = text[n.end..].starts_with(['"', '”'])
                && text[n.end + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if closed
                && !skip[k + 1]
                && !covered[k + 1]
                && capitalised(nw)
                && nw.chars().count() >= 3
                && !is_acronym(nw)
                && !STOPWORDS.contains(&nl)
                && !is_allowed(nl)
                && !user_allowed(nl)
                && !is_honorific(nl)
                // After "with", a word in none of the lists: "with "Stop"" is a word.
                && (cue != "with" || name_list().contains_key(nl) || !is_ordinary(nl))
            {
                nicknames.push((k + 1, k + 1));
            }
        }
        // Initials with dots or a hyphen ("M.T.", "J-M"), and a single initial set apart
        // after a person ("Young man, T, attended") or after a title before what they do
        // ("Dr K won't").
        for (k, t) in toks.iter().enumerate() {
            if covered[k] || skip[k] {
                continue;
            }
            let w = &text[t.start..t.end];
            let cap = |x: &str| x.len() == 1 && x.bytes().all(|c| c.is_ascii_uppercase());
            let dotted = cap(w)
                && text[t.end..].starts_with('.')
                && toks.get(k + 1).is_some_and(|n| {
                    n.start == t.end + 1
                        && cap(&text[n.start..n.end])
                        && text[n.end..].starts_with('.')
                })
                && left_boundary(text, t.start)
                && char_before(text, t.start).is_none_or(|c| c != '.');
            if dotted {
                let pair = format!("{w}{}", &text[toks[k + 1].start..toks[k + 1].end]);
                // All the run's letters: a role or a body written with stops is no one
                // ("the G.P.'s receptionist", "C.P.N.", "D.W.P.").
                let mut letters = pair.clone();
                let mut j = k + 1;
                while let Some(n) = toks.get(j + 1)
                    && n.start == toks[j].end + 1
                    && text[toks[j].end..].starts_with('.')
                    && cap(&text[n.start..n.end])
                {
                    letters.push_str(&text[n.start..n.end]);
                    j += 1;
                }
                // The first pair decides for words ("N.B.", "U.S.A."), the whole run for
                // roles ("C.P.N."; "D.S.M." is someone though "DS" is a role).
                if !WORDS_IN_INITIALS.contains(&pair.as_str()) && !initials_of_no_one(&letters) {
                    nicknames.push((k, k + 1));
                }
                continue;
            }
            let hyphened = w.len() >= 3
                && w.as_bytes()[1] == b'-'
                && w.split(['-', '‐']).count() >= 2
                && w.split(['-', '‐']).all(cap)
                && !["A-Z", "A-E", "A-D"].contains(&w);
            let set_apart = cap(w)
                && w != "A"
                && w != "I"
                && k >= 1
                && text[toks[k - 1].end..t.start] == *", "
                && text[t.end..].starts_with(',')
                && [
                    "man", "woman", "boy", "girl", "lad", "lass", "client", "patient", "resident",
                ]
                .contains(&lower(&toks[k - 1]));
            let titled = cap(w)
                && w != "A"
                && w != "I"
                && k >= 1
                && spaced(k - 1, k)
                && HONORIFICS.contains(&lower(&toks[k - 1]))
                && toks.get(k + 1).is_some_and(|n| {
                    spaced(k, k + 1) && text[n.start..].starts_with(char::is_lowercase)
                });
            if hyphened || set_apart || titled {
                nicknames.push((k, k));
            }
        }
        // A name in lowercase with a hyphen, each part a first name: "ella-louise".
        for (k, t) in toks.iter().enumerate() {
            let w = base(t);
            if covered[k] || skip[k] || !w.starts_with(char::is_lowercase) || !w.contains('-') {
                continue;
            }
            let parts: Vec<&str> = w.split('-').collect();
            if parts.len() >= 2
                && parts.iter().all(|p| {
                    p.chars().count() >= 2
                        && name_list().get(*p).is_some_and(|&(_, surname)| !surname)
                })
                && parts.iter().any(|p| !is_ordinary(p))
            {
                nicknames.push((k, k));
            }
        }
        // Initials standing for someone: those of a name caught in the text ("TJ" for
        // Tyler-Jay), or two capitals after a verb that takes a person ("protects LM",
        // "rang KB"), unless they stand for a role or a common abbreviation.
        let initials_of: HashSet<String> = found
            .iter()
            .map(|&(a, b)| {
                toks[a..=b]
                    .iter()
                    .filter(|t| !is_honorific(lower(t)))
                    .flat_map(|t| base(t).split(['-', '‐']))
                    .filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
                    .collect::<String>()
            })
            .filter(|i| (2..=3).contains(&i.chars().count()))
            .collect();
        for (k, t) in toks.iter().enumerate() {
            let w = base(t);
            if covered[k]
                || skip[k]
                || !(2..=3).contains(&w.len())
                || !w.bytes().all(|b| b.is_ascii_uppercase())
                || ROLE_ACRONYMS.contains(&w)
                || COMMON_ABBREVIATIONS.contains(&w)
            {
                continue;
            }
            // "TOLD ME", "VISITED ON": a small word in capitals, no one's initials.
            let pronoun = [
                "ME", "US", "IT", "EM", "ON", "IN", "AT", "TO", "UP", "BY", "OF", "SO", "NO", "DO",
                "GO", "HE", "WE", "AS", "IF", "OR", "AN", "MY",
            ]
            .contains(&w);
            let object = w.len() == 2
                && !pronoun
                && k >= 1
                && spaced(k - 1, k)
                && (after_contact_verb(text, toks, k) || {
                    let p = lower(&toks[k - 1]);
                    ["protect", "protects", "protected", "protecting", "against"].contains(&p)
                });
            // "Service user RJ", "patient KD": initials after who they are.
            let after_person = k >= 1
                && spaced(k - 1, k)
                && [
                    "user", "patient", "client", "resident", "pupil", "prisoner", "yp", "tenant",
                ]
                .contains(&lower(&toks[k - 1]));
            // "case brought by Tunde: KO, 15, referred ...": initials with an age.
            if initials_of.contains(w) || object || after_person || age_after(text, toks, k) {
                nicknames.push((k, k));
            }
        }
        for (a, b) in nicknames {
            covered[a] = true;
            found.push((a, b));
        }
        let songs = quoted_titles(text);
        // "Fisher and Ury", "Waddell and Burton": a surname joined to a theorist's is
        // the other author of the model.
        let theorist_at = |i: usize| {
            i < toks.len() && !skip[i] && THEORISTS.contains(&lower(&toks[i])) && {
                capitalised(base(&toks[i]))
            }
        };
        let joined_at = |x: usize, y: usize| {
            base(&toks[x.min(y) + 1]) == "and" || text[toks[x.min(y)].end..].starts_with(" & ")
        };
        let co_author = |a: usize| {
            (a >= 2 && theorist_at(a - 2) && joined_at(a - 2, a) && spaced(a - 2, a - 1))
                || (theorist_at(a + 2) && joined_at(a, a + 2) && spaced(a, a + 1))
        };
        found.retain(|&(a, b)| {
            let (s, e) = (toks[a].start, toks[b].base_end);
            // "Operation Soteria": a police operation by its name. "Her Mr Bean
            // impressions": someone famous by their whole name, mimicked.
            let operation = text[..s].ends_with("Operation ");
            let mimicked = a < b
                && toks.get(b + 1).is_some_and(|n| {
                    spaced(b, b + 1)
                        && [
                            "impression",
                            "impressions",
                            "impersonation",
                            "impersonations",
                        ]
                        .contains(&lower(n))
                });
            if operation || mimicked || (a == b && co_author(a)) {
                return false;
            }
            // A listed name that is no word is someone, in a title's quotes too ("sang
            // "Happy Birthday dear Aaliyah"").
            let listed =
                (a..=b).any(|j| name_list().get(lower(&toks[j])).is_some_and(|&(e, _)| !e));
            !allowed.iter().any(|p| p.start <= s && e <= p.end)
                && (listed || !songs.iter().any(|&(qs, qe)| qs <= s && e <= qe))
        });
        // Unusual words of the names found are names everywhere in the text, even at
        // the start of a sentence.
        let mut words: HashSet<String, FastHash> = HashSet::default();
        for &(a, b) in &found {
            for t in &toks[a..=b] {
                let l = lower(t);
                if !is_honorific(l)
                    && l.chars().count() >= 2
                    && !is_ordinary(l)
                    && !lower_seen(l)
                    && !user_allowed(l)
                    && !name_list().get(l).is_some_and(|&(e, _)| e)
                {
                    words.insert(l.to_string());
                }
            }
        }
        // Every capitalised word of a name found ("Ruby", "An") is that name again where
        // it cannot be an everyday word: with a possessive, or capitalised mid-sentence.
        // Not a word for a kind of place that no one is called ("Youth" of "St Basils
        // Youth", a hub's name found as a name before it was found to be a place): it
        // is the word again in "Birmingham Youth Court".
        let mut span_words: HashSet<&str, FastHash> = HashSet::default();
        for &(a, b) in &found {
            for t in &toks[a..=b] {
                let l = lower(t);
                let kind_of_place = GENERIC_INSTITUTION_WORDS.contains(&l)
                    && !name_list().contains_key(l)
                    && !GIVEN_WORD_NAMES.contains(&l);
                if base(t).starts_with(char::is_uppercase)
                    && !is_honorific(l)
                    && !NICKNAME_SIZES.contains(&base(t))
                    && !kind_of_place
                {
                    span_words.insert(l);
                }
            }
        }
        // Words caught as a name by themselves ("Lama (9)"), whatever else they are.
        let alone: HashSet<&str, FastHash> = found
            .iter()
            .filter(|&&(a, b)| a == b)
            .map(|&(a, _)| lower(&toks[a]))
            .collect();
        // Initials caught as someone ("Present: TD, ...") are that person again.
        let initials_found: HashSet<&str, FastHash> = found
            .iter()
            .filter(|&&(a, b)| a == b && is_acronym(base(&toks[a])))
            .map(|&(a, _)| base(&toks[a]))
            .collect();
        for (k, t) in toks.iter().enumerate() {
            if covered[k] || skip[k] {
                continue;
            }
            let l = lower(t);
            if initials_found.contains(base(t)) {
                found.push((k, k));
                continue;
            }
            // Where a sentence starts, a name of this text that is also a word is the
            // name again before what a person does or where they are: "Mark did not
            // mark the day", "Hope at Kingsmead Academy"; not "Hope to leave on time".
            // So is one before a colon, as a speaker or an item ("Precious: working
            // with ..."), or before ", who" ("Bonny, who is from Sunderland, ...").
            // Not a name that is a word before what is said of the word:
            // "Patience is needed by all of us" (but "Grace was discharged", "Joy was
            // asked").
            let word_passive = |v: usize| {
                let l = lower(&toks[v - 1]);
                (GIVEN_WORD_NAMES.contains(&l) || name_list().get(l).is_some_and(|&(e, _)| e))
                    && toks.get(v + 1).is_some_and(|p| {
                        let pl = lower(p);
                        spaced(v, v + 1)
                            && pl.ends_with("ed")
                            && !PERSON_STATES.contains(&pl)
                            && !CARE_PASSIVES.contains(&pl)
                            && !is_person_verb(pl)
                    })
            };
            // `met`: the word was met as a name in an earlier text (see `met_before`).
            let subject_again = |met: bool| {
                t.base_end == t.end
                    && (met
                        || name_list().contains_key(l)
                        || GIVEN_WORD_NAMES.contains(&l)
                        || alone.contains(l)
                        || !is_ordinary(l))
                    // "Bonny, who is from Sunderland, held hers up".
                    && (text[t.end..].starts_with(": ")
                        || text[t.end..].starts_with(", who ")
                        || toks.get(k + 1).is_some_and(|n| {
                            let nl = lower(n);
                            &text[t.end..n.start] == " "
                                && (HELPING_VERBS.contains(&nl)
                                    || (LINKING_VERBS.contains(&nl) && !word_passive(k + 1))
                                    || ["at", "and", "from", "again"].contains(&nl)
                                    || is_form_of(nl, "need")
                                    || (is_person_verb(nl) && !STOPWORDS.contains(&nl))
                                    // "Jade recognised the sign": a verb in the past.
                                    || (nl.len() > 4
                                        && nl.ends_with("ed")
                                        && !PERSON_STATES.contains(&nl)
                                        && !STOPWORDS.contains(&nl)))
                        }))
            };
            // A month that was a name here is that name again with a possessive: "Ms June
            // Pritchard ... June's neighbour".
            let month_name = t.base_end != t.end && MONTHS_GIVEN_AS_NAMES.contains(&l);
            // A place a name is also the word for, after a word of where: "Paris (8) ...
            // came through Paris", "Carlisle from Carlisle".
            let place_here = || {
                k >= 1
                    && spaced(k - 1, k)
                    && ["from", "through", "via", "near", "in"].contains(&lower(&toks[k - 1]))
                    && other_words().contains(l)
            };
            // A name met in an earlier text of the export that is also a word ("Memory
            // Moyo", "Junior (9)"): the name again on the same terms, unless it opens
            // or continues a capitalised phrase ("the Memory Clinic", "Memory Lane").
            let met_before = || {
                any_marked
                    && text.as_bytes()[t.start] != text.as_bytes()[t.start].to_ascii_lowercase()
                    && capitalised(base(t))
                    && !span_words.contains(l)
                    && learned_word(l)
                    && !everyday_phrase(k)
                    && !toks.get(k + 1).is_some_and(|n| {
                        spaced(k, k + 1)
                            && capitalised(base(n))
                            && !sentence_start(text, n.start)
                            && !learned(lower(n))
                    })
            };
            // Where a sentence starts, such a name from before is the name again only
            // before what a person does, not before "is" or "was" ("Memory is poor
            // today" in a memory clinic's notes).
            let linked = || {
                toks.get(k + 1)
                    .is_some_and(|n| spaced(k, k + 1) && LINKING_VERBS.contains(&lower(n)))
            };
            let again = (words.contains(l)
                && capitalised(base(t))
                && !lower_seen(l)
                && !place_here())
                || (span_words.contains(l)
                    && capitalised(base(t))
                    && !place_here()
                    && (t.base_end != t.end || mid_at(k) || subject_again(false))
                    && (!is_allowed(l) || month_name)
                    && !user_allowed(l)
                    && l != "i")
                || (met_before()
                    && !place_here()
                    && (t.base_end != t.end || mid_at(k) || (subject_again(true) && !linked()))
                    && (!is_allowed(l) || month_name)
                    && !user_allowed(l)
                    && l != "i");
            if again {
                found.push((k, k));
            }
        }
        // The words of names found that are also everyday words are kept for the later
        // texts of the export too, marked as such (see `learned_word`): not a weekday or
        // month, nor a word the user allows. A word for a kind of place is kept only as
        // the first of a name of two words or more ("Memory Moyo"; not "Youth" of "St
        // Basils Youth").
        let firsts = found
            .iter()
            .filter(|&&(a, b)| a < b)
            .map(|&(a, _)| lower(&toks[a]));
        let kept: HashSet<&str, FastHash> = span_words.iter().copied().chain(firsts).collect();
        for l in kept {
            // (Not again where the redactor keeps it already: a text is read several
            // times.)
            let known_already = any_marked && marked_known(l, false);
            if !known_already
                && l.len() >= 3
                && l.chars().count() >= 3
                && !words.contains(l)
                && !is_honorific(l)
                && !is_allowed(l)
                && !user_allowed(l)
                && !CALENDAR.contains(&l)
            {
                words.insert(format!("{EVERYDAY_NAME_MARK}{l}"));
                words.insert(EVERYDAY_NAME_SENTINEL.to_string());
            }
        }
        for (a, b) in found {
            let kind = if CELTIC_PLACE_HEADS.contains(&lower(&toks[a])) && a < b {
                FindingKind::Place
            } else {
                FindingKind::Name
            };
            out.push(Cand::new(kind, toks[a].start, toks[b].base_end));
        }
        *unknown_asked = asked.into_inner();
        words
    }
}

/// A name spelt out in spaced capitals, as on a palm or a board ("J A N I C E", "R O
/// Y"): three letters or more that spell a listed name that is no everyday word (not "A
/// B C", "D O G").
pub(super) fn spelled_names(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let letter = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.end - t.start == 1 && text.as_bytes()[t.start].is_ascii_uppercase())
    };
    let mut k = 0;
    while k < toks.len() {
        if !letter(k) || !letter(k + 1) || &text[toks[k].end..toks[k + 1].start] != " " {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while letter(e + 1) && &text[toks[e].end..toks[e + 1].start] == " " {
            e += 1;
        }
        let letters: String = toks[k..=e]
            .iter()
            .map(|t| char::from(text.as_bytes()[t.start].to_ascii_lowercase()))
            .collect();
        if letters.len() >= 3
            && name_list()
                .get(letters.as_str())
                .is_some_and(|&(everyday, _)| !everyday)
            && !in_dictionary(&letters)
        {
            out.push(Cand::new(FindingKind::Name, toks[k].start, toks[e].end));
        }
        k = e + 1;
    }
}

/// Words for family in the other languages heard in UK care: before a name in brackets
/// they say who she is to someone ("Babcia (Zofia Nowak)"), not what she is called, and
/// learnt as her name they would be her in every entry.
#[rustfmt::skip]
const FAMILY_WORDS_ABROAD: &[&str] = &[
    "babcia", "dziadek", "nain", "taid", "mamgu", "tadcu", "dadi", "nani", "dada", "abuela",
    "abuelo", "yiayia", "giagia", "papou", "oma", "opa", "baba", "nonna", "nonno", "bibi",
    "amma", "appa", "ammi", "abbu", "tata", "bunica", "bunicul", "teta", "ciocia", "wujek",
    "tante", "onkel", "tía", "tío", "khala", "mamu", "chacha", "chachi", "phuphi", "maasi",
    "didi", "bhaiya", "bhabhi", "kuya", "lolo", "yaya", "babushka", "dedushka",
    "halmeoni", "harabeoji", "obaachan", "ojiichan", "ayeeyo", "awoowe", "habooba", "jiddo",
    "teta", "sitto", "nene", "dede",
];

/// A name someone goes by, before their full name in brackets ("Dod (George Cruickshank)
/// 23 Victoria Rd"): a capitalised word that is no English word, no title and no role
/// ("Manager (Sarah Jones)" stays), just before the brackets of a name of two words or
/// more that was found. The word is added to `names`, the scan's name words, and the
/// redactor gives it the full name's placeholder.
pub(super) fn names_before_full_names(
    text: &str,
    words: Words<'_>,
    out: &mut Vec<Cand>,
    names: &mut HashSet<String, FastHash>,
) {
    let Words { toks, lowers } = words;
    let mut found = Vec::new();
    for c in out.iter() {
        if c.kind != FindingKind::Name
            || !text[..c.start].ends_with(" (")
            || !text[c.end..].starts_with(')')
            || !text[c.start..c.end].contains(' ')
        {
            continue;
        }
        let k = toks.partition_point(|t| t.end < c.start - 2);
        let Some(t) = toks.get(k).filter(|t| t.end == c.start - 2) else {
            continue;
        };
        let l = &*lowers[k];
        if t.base_end == t.end
            && text[t.start..].starts_with(char::is_uppercase)
            && !in_dictionary(l)
            && !is_allowed(l)
            && !STOPWORDS.contains(&l)
            && !is_honorific(l)
            && !ROLE_NOUNS.contains(&l)
            && !is_relation(l)
            && !FAMILY_WORDS_ABROAD.contains(&l)
            && !is_acronym(&text[t.start..t.end])
            && !out.iter().any(|o| o.start < t.end && t.start < o.end)
        {
            found.push(Cand::new(FindingKind::Name, t.start, t.end));
            // That person again wherever the word is ("Dod was in good form").
            names.insert(l.to_string());
        }
    }
    out.extend(found);
}
