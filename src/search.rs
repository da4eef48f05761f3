//! Finding entries, one way for both faces: what is typed is matched loosely (typos and
//! all) against the names entries carry (strengths, topic tags, subjects) and the titles
//! of recent entries, and by word (the full-text index) against everything written; the
//! two are merged and ranked by one rule. `praxis search` and the app's `/` both ask
//! here, so the same words give the same answer in either.

use std::collections::HashMap;

use anyhow::Result;
use fuzzy_matcher::FuzzyMatcher as _;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::EntrySummary;
use crate::store::{EntryFilter, Names, Passages, RecentTitles, Store};

/// Recent entries whose titles are matched loosely.
pub const TITLE_POOL: usize = 2000;
/// The last word is also matched as the start of longer words from this many letters
/// on (`handov` finds "handover"), and names and titles are matched loosely from this
/// many letters on: fewer match nearly everything.
pub const PREFIX_FROM: usize = 3;
/// Names (strengths, tags, subjects) a query may stand for, best first.
const NAMES_MATCHED: usize = 5;

/// The order of the words' matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By relevance among the newest [`crate::store::RANK_POOL`] matches (what `praxis
    /// search` prints, and the app's list once the typing pauses): a common word costs
    /// what a rare one does.
    Ranked,
    /// The most recently written first, stopping at the limit: cheap enough for every
    /// keystroke however common the word.
    Newest,
}

/// What an entry was found by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "by", content = "name")]
pub enum Matched {
    /// Its title, loosely.
    Title,
    /// A strength it is tagged with.
    Strength(String),
    /// A topic tag.
    Tag(String),
    /// The subject of a stage note or call-in.
    Subject(String),
    /// Its words: title, text or sections.
    Text,
}

/// One entry found.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub entry: EntrySummary,
    pub matched: Matched,
    /// The full-text rank when its words matched too and were weighed (lower is better):
    /// none for an entry found by a name or its title alone, nor when those found filled
    /// the list before the words were looked for.
    pub rank: Option<f64>,
}

/// What a search found: its entries, and where their passages are best cut (see
/// [`Store::snippets`]).
#[derive(Debug, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub passages: Passages,
}

/// What a search looks through loosely, read once for a filter and kept while a query
/// is typed: the titles of recent entries and the names in use.
#[derive(Debug, Default)]
pub struct Finder {
    filter: EntryFilter,
    titles: RecentTitles,
    names: Names,
}

impl Finder {
    /// Reads the titles and names a search under `filter` matches loosely.
    pub fn new(store: &Store, filter: &EntryFilter) -> Result<Finder> {
        Ok(Finder {
            filter: filter.clone(),
            titles: store.recent_titles(filter, TITLE_POOL)?,
            names: store.names()?,
        })
    }

    /// The filter this finder was read for.
    #[must_use]
    pub fn filter(&self) -> &EntryFilter {
        &self.filter
    }

    /// Entries matching `typed`, at most `limit`: first those whose title or a name they
    /// carry matches loosely (closest first, then newest), then those whose words match
    /// (in `order`).
    pub fn find(&self, store: &Store, typed: &str, order: Order, limit: usize) -> Result<Found> {
        let loose = loose_text(typed);
        // One or two letters match nearly any name loosely: those are only words.
        let loose = if loose.chars().filter(|c| c.is_alphanumeric()).count() < PREFIX_FROM {
            String::new()
        } else {
            loose
        };
        let words = word_query(typed);
        if loose.is_empty() && crate::store::fts_query(&words).is_none() {
            return Ok(Found::default());
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        // Loose matches scattered over a long title help nobody: keep the close ones.
        let floor = 12 * i64::try_from(loose.chars().count()).unwrap_or(i64::MAX / 24);
        let pattern: Vec<char> = loose.chars().collect();
        let score = |hay: &str| {
            (!loose.is_empty() && in_order(hay, &pattern))
                .then(|| matcher.fuzzy_match(hay, &loose))
                .flatten()
                .filter(|s| *s >= floor)
        };

        // (score, row id, what matched): the loose group.
        let mut loose_hits: Vec<(i64, i64, Matched)> = Vec::new();
        // Titles repeat (a kind's own title, a series of sessions): each is scored once.
        let scored: Vec<Option<i64>> = self.titles.titles.iter().map(|t| score(t)).collect();
        let mut titles: Vec<(i64, i64)> = self
            .titles
            .entries
            .iter()
            .filter_map(|(id, place)| scored[*place].map(|s| (s, *id)))
            .collect();
        titles.sort_by_key(|t| std::cmp::Reverse(t.0));
        titles.truncate(limit);
        loose_hits.extend(titles.into_iter().map(|(s, id)| (s, id, Matched::Title)));

        let mut names: Vec<(i64, Matched)> = Vec::new();
        for (list, make) in [
            (
                &self.names.strengths,
                Matched::Strength as fn(String) -> Matched,
            ),
            (&self.names.tags, Matched::Tag),
            (&self.names.subjects, Matched::Subject),
        ] {
            names.extend(
                list.iter()
                    .filter_map(|n| score(n).map(|s| (s, make(n.clone())))),
            );
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.0));
        names.truncate(NAMES_MATCHED);
        let mut summaries: HashMap<i64, EntrySummary> = HashMap::new();
        for (s, name) in names {
            let one = match &name {
                Matched::Strength(n) => Names {
                    strengths: vec![n.clone()],
                    ..Names::default()
                },
                Matched::Tag(n) => Names {
                    tags: vec![n.clone()],
                    ..Names::default()
                },
                Matched::Subject(n) => Names {
                    subjects: vec![n.clone()],
                    ..Names::default()
                },
                Matched::Title | Matched::Text => continue,
            };
            for e in store.entries_named(&one, &self.filter, limit)? {
                loose_hits.push((s, e.rowid, name.clone()));
                summaries.insert(e.rowid, e);
            }
        }

        // The words, in the order asked for. Newest first or ranked, they come after the
        // loose group: when that fills the list already, none of them would be shown, and
        // they are not looked for (a common word's thousand newest matches weighed for
        // nothing: "care" in a journal with a tag "care-planning").
        let mut text: Vec<(i64, Option<f64>)> = Vec::new();
        let mut passages = Passages::Apart;
        let loose_ids: std::collections::HashSet<i64> =
            loose_hits.iter().map(|(_, id, _)| *id).collect();
        let filled = loose_ids.len() >= limit;
        match order {
            _ if filled => {}
            Order::Ranked => {
                let ranked = store.rank_newest(&words, &self.filter, limit)?;
                passages = ranked.passages;
                text.extend(ranked.hits.into_iter().map(|(id, rank)| (id, Some(rank))));
            }
            Order::Newest => {
                for e in store.search_newest(&words, &self.filter, limit)? {
                    text.push((e.rowid, None));
                    summaries.insert(e.rowid, e);
                }
            }
        }
        let ranks: HashMap<i64, Option<f64>> = text.iter().copied().collect();

        // Merge: the loose group best first (newest first among equals), then the words.
        // The loose group is read whole (its order needs each entry's day); of the words,
        // only the entries the list has room for after it.
        let missing: Vec<i64> = loose_hits
            .iter()
            .map(|(_, id, _)| *id)
            .filter(|id| !summaries.contains_key(id))
            .collect();
        summaries.extend(store.summaries_by_rowid(&missing)?);
        loose_hits.sort_by(|a, b| {
            let day = |id: &i64| summaries.get(id).map(|e| (e.occurred_on, e.rowid));
            b.0.cmp(&a.0).then_with(|| day(&b.1).cmp(&day(&a.1)))
        });
        let mut found: Vec<(i64, Matched)> = Vec::with_capacity(limit);
        let mut seen = std::collections::HashSet::new();
        for (_, id, matched) in loose_hits {
            if found.len() == limit {
                break;
            }
            if summaries.contains_key(&id) && seen.insert(id) {
                found.push((id, matched));
            }
        }
        // The words' entries not listed already, as many as there is room for (more
        // when some of those are gone from the journal since they were found).
        let mut words = text.iter().map(|(id, _)| *id);
        while found.len() < limit {
            let next: Vec<i64> = words
                .by_ref()
                .filter(|id| !seen.contains(id))
                .take(limit - found.len())
                .collect();
            if next.is_empty() {
                break;
            }
            let missing: Vec<i64> = next
                .iter()
                .copied()
                .filter(|id| !summaries.contains_key(id))
                .collect();
            summaries.extend(store.summaries_by_rowid(&missing)?);
            for id in next {
                if summaries.contains_key(&id) && seen.insert(id) {
                    found.push((id, Matched::Text));
                }
            }
        }
        let hits = found
            .into_iter()
            .filter_map(|(id, matched)| {
                let entry = summaries.remove(&id)?;
                Some(Hit {
                    entry,
                    matched,
                    rank: ranks.get(&id).copied().flatten(),
                })
            })
            .collect();
        Ok(Found { hits, passages })
    }
}

/// Every entry matching `typed` under `filter`, ranked: what `praxis search` prints.
pub fn search(store: &Store, typed: &str, filter: &EntryFilter, limit: usize) -> Result<Found> {
    Finder::new(store, filter)?.find(store, typed, Order::Ranked, limit)
}

/// Whether `typed` holds anything to search for.
#[must_use]
pub fn searchable(typed: &str) -> bool {
    !loose_text(typed).is_empty() || crate::store::fts_query(typed).is_some()
}

/// The words as the full-text index is asked: as typed, the last one also as the start
/// of longer words once it is [`PREFIX_FROM`] letters long (and not ended by a space,
/// a quote or a `*` of its own).
#[must_use]
pub fn word_query(typed: &str) -> String {
    let last = typed.rsplit(char::is_whitespace).next().unwrap_or_default();
    let open = !typed.ends_with(char::is_whitespace)
        && !last.ends_with(['"', '*'])
        && !last.starts_with('"')
        && last.chars().filter(|c| c.is_alphanumeric()).count() >= PREFIX_FROM
        && typed.matches('"').count().is_multiple_of(2);
    if open {
        format!("{}*", typed.trim_end())
    } else {
        typed.to_string()
    }
}

/// Whether the letters of `pattern` appear in `hay` in order, compared as the loose
/// matcher compares them (ignoring the case of ASCII letters): it matches nothing else,
/// and asking this first spares it copying and scoring every title of the pool.
fn in_order(hay: &str, pattern: &[char]) -> bool {
    let mut rest = pattern.iter().peekable();
    for c in hay.chars() {
        match rest.peek() {
            Some(p) if c.eq_ignore_ascii_case(p) => {
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    rest.peek().is_none()
}

/// What is matched loosely: the typed text without search syntax.
fn loose_text(typed: &str) -> String {
    typed
        .replace(['"', '*'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _, Utc};

    use super::*;
    use crate::model::{Entry, EntryKind, StrengthTag, Whose};

    fn journal() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let mut entries = Vec::new();
        for i in 0..30_u32 {
            let on = NaiveDate::from_ymd_opt(2026, 1, 1 + i).unwrap();
            let at = Utc.with_ymd_and_hms(2026, 1, 1 + i, 9, 0, 0).unwrap();
            let mut e = Entry::new(EntryKind::Reflection, on, at);
            if i == 0 {
                e.title = "Boundaries".into();
                e.body = "boundaries, boundaries and boundaries again".into();
            } else if i == 3 {
                e.title = format!("Day {i}");
                e.body = format!("Boundaries, and boundaries again. {}", "x ".repeat(50));
            } else {
                e.title = format!("Day {i}");
                e.body = format!(
                    "A long day of visits; boundaries came up once. {}",
                    "x ".repeat(50)
                );
            }
            if i == 5 {
                e.strengths = vec![StrengthTag::new("listening", Whose::Mine)];
                e.tags = vec!["nights".into()];
            }
            entries.push(e);
        }
        s.insert_entries(&entries).unwrap();
        s
    }

    fn titles(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.entry.title.as_str()).collect()
    }

    #[test]
    fn titles_first_then_words_newest_while_typing_and_ranked_after() {
        let s = journal();
        let f = Finder::new(&s, &EntryFilter::default()).unwrap();
        let typing = f.find(&s, "boundar", Order::Newest, 200).unwrap().hits;
        assert_eq!(typing[0].title_matched(), ("Boundaries", &Matched::Title));
        assert_eq!(typing[1].entry.title, "Day 29");
        assert_eq!(typing.len(), 30);
        let ranked = f.find(&s, "boundar", Order::Ranked, 200).unwrap().hits;
        assert_eq!(ranked.len(), 30);
        assert_eq!(ranked[0].entry.title, "Boundaries");
        assert!(ranked[0].rank.is_some(), "its words matched too");
        assert_eq!(ranked[1].entry.title, "Day 3", "ranked by relevance");
        // Among equals, the newest first.
        assert_eq!(ranked[2].entry.title, "Day 29");
    }

    #[test]
    fn words_are_not_weighed_when_names_and_titles_fill_the_list() {
        let mut s = Store::open_in_memory().unwrap();
        let entries: Vec<Entry> = ["Day 1", "Day 2", "Boundaries"]
            .iter()
            .zip(1..)
            .map(|(title, day)| {
                let on = NaiveDate::from_ymd_opt(2026, 1, day).unwrap();
                let at = Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0).unwrap();
                let mut e = Entry::new(EntryKind::Reflection, on, at);
                e.title = (*title).into();
                e.body = "We talked about boundaries.".into();
                e
            })
            .collect();
        s.insert_entries(&entries).unwrap();
        let f = Finder::new(&s, &EntryFilter::default()).unwrap();
        // "Boundaries" is found by its title and fills a list of one: its words, which
        // match too, are not looked for, so it has no rank.
        let one = f.find(&s, "boundar", Order::Ranked, 1).unwrap().hits;
        assert_eq!(one[0].title_matched(), ("Boundaries", &Matched::Title));
        assert_eq!(one[0].rank, None);
        // With room for the words, they are weighed, and it has its rank.
        let all = f.find(&s, "boundar", Order::Ranked, 3).unwrap().hits;
        assert_eq!(all[0].title_matched(), ("Boundaries", &Matched::Title));
        assert!(all[0].rank.is_some());
        assert_eq!(titles(&all), ["Boundaries", "Day 2", "Day 1"]);
    }

    #[test]
    fn strengths_and_tags_are_found_by_name_even_misspelt() {
        let s = journal();
        for q in ["listening", "listning", "liste"] {
            let hits = search(&s, q, &EntryFilter::default(), 10).unwrap().hits;
            assert_eq!(titles(&hits), ["Day 5"], "{q}");
            assert_eq!(hits[0].matched, Matched::Strength("listening".into()));
        }
        let hits = search(&s, "night", &EntryFilter::default(), 10)
            .unwrap()
            .hits;
        assert_eq!(titles(&hits), ["Day 5"]);
        assert_eq!(hits[0].matched, Matched::Tag("nights".into()));
        // A filter applies to names as to words.
        let other_kind = EntryFilter {
            kind: Some(EntryKind::Cpd),
            ..EntryFilter::default()
        };
        assert!(
            search(&s, "listening", &other_kind, 10)
                .unwrap()
                .hits
                .is_empty()
        );
    }

    #[test]
    fn a_short_last_word_is_matched_whole() {
        assert_eq!(word_query("calm"), "calm*");
        assert_eq!(word_query("ok"), "ok");
        assert_eq!(word_query("calm "), "calm ");
        assert_eq!(word_query("hand*"), "hand*");
        assert_eq!(word_query("\"stay calm\""), "\"stay calm\"");
        assert_eq!(word_query("\"stay calm"), "\"stay calm");
        assert!(!searchable("  ** \" "));
        assert!(searchable("ok"));
    }

    #[test]
    fn only_what_holds_the_letters_in_order_is_scored_loosely() {
        let matcher = SkimMatcherV2::default().ignore_case();
        let hays = [
            "Boundaries",
            "boundaries",
            "BOUNDARIES",
            "a bound",
            "Bündaries",
            "uodnb",
            "kintsugi",
            "",
            "b o u n d",
            "Grenzen ÜBER",
            "über",
        ];
        for pattern in ["bound", "BOUND", "ü", "über", "b d", "x"] {
            let chars: Vec<char> = pattern.chars().collect();
            for hay in hays {
                assert_eq!(
                    in_order(hay, &chars),
                    matcher.fuzzy_match(hay, pattern).is_some(),
                    "{pattern} in {hay}"
                );
            }
        }
    }

    impl Hit {
        fn title_matched(&self) -> (&str, &Matched) {
            (self.entry.title.as_str(), &self.matched)
        }
    }
}
