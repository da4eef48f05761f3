//! Patterns over time (PRACTICE.md §6): every series the Patterns pane, `praxis stats` and
//! exports show, computed from bounded store queries. Prompts for supervision, never a
//! score.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Result, bail};
use chrono::{Datelike as _, Days, NaiveDate};
use serde::Serialize;

use crate::config::catalog::Catalog;
use crate::model::{EntryKind, EntrySummary, Whose, parse_date_arg};
use crate::store::{ActionCounts, CheckinWeek, StagePoint, Store};

/// How many stage notes the stage paths are drawn from, at most: the newest of the
/// period. A practitioner writes a few hundred a year; a long team journal many more,
/// whose paths begin where these do.
pub const STAGE_NOTES: usize = 1_000;
/// How many due follow-ups are listed, at most.
pub const FOLLOW_UPS_LISTED: usize = 20;
/// How many due follow-ups are counted, at most: beyond it the count says "more than".
/// Counting them reads a row each, and a long team journal can hold tens of thousands
/// never closed; `praxis callin list --due` lists them all.
pub const FOLLOW_UPS_COUNTED: usize = 200;
/// How many entries of heavy and of light weeks the word counts read, at most.
pub const WORD_SAMPLE: usize = 400;
/// How many entries of each week the word counts read, at most (the newest): about a
/// busy worker's week. A team's week of hundreds of entries counts as one week, so the
/// sample of a few weeks costs the same in a journal of 10,000 entries or 1,000,000,
/// and the sample of many weeks is spread over them instead of filled by the newest.
pub const WORD_PER_WEEK: usize = 16;
/// How many of the most recent heavy (and light) weeks the word counts look in: a bounded
/// query however long the journal (SQLite limits an expression's depth to 1000), and
/// enough that the sample is the one all weeks would give, since every week counted has
/// at least one entry.
pub const WORD_WEEKS: usize = 400;

/// A stretch of days to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// None: from the first entry.
    pub since: Option<NaiveDate>,
    pub until: NaiveDate,
    pub label: String,
    /// Given by its dates (`--since`/`--until`), its label saying them: an export that
    /// keeps dates to the month names its months instead ([`Period::label_by_month`]).
    #[serde(skip)]
    pub by_dates: bool,
}

impl Period {
    /// `4w`, `quarter`, `year` or `all`, ending `today`.
    pub fn named(name: &str, today: NaiveDate) -> Result<Period> {
        let back = |days: u64, label: &str| Period {
            since: today.checked_sub_days(Days::new(days - 1)),
            until: today,
            label: label.to_string(),
            by_dates: false,
        };
        Ok(match name.trim().to_lowercase().as_str() {
            "4w" | "4 weeks" | "month" => back(28, "the last 4 weeks"),
            "quarter" | "13w" => back(91, "the last quarter"),
            "year" | "52w" => back(364, "the last year"),
            "all" => Period {
                since: None,
                until: today,
                label: "all time".into(),
                by_dates: false,
            },
            other => {
                bail!("unknown period '{other}': use 4w, quarter, year or all (or --since/--until)")
            }
        })
    }

    /// From/to dates as typed (either may be empty).
    pub fn between(since: Option<&str>, until: Option<&str>, today: NaiveDate) -> Result<Period> {
        let parse = |s: &str| {
            parse_date_arg(s)
                .map(|d| d.resolve(today))
                .map_err(anyhow::Error::msg)
        };
        let since = since.map(parse).transpose()?;
        let until = until.map(parse).transpose()?.unwrap_or(today);
        if let Some(s) = since
            && s > until
        {
            bail!("--since {s} is after --until {until}");
        }
        Ok(Period {
            since,
            until,
            label: match since {
                Some(s) => format!("{s} to {until}"),
                None => format!("up to {until}"),
            },
            by_dates: true,
        })
    }

    /// The label as an export that keeps dates to the month shows it: a period given by
    /// its dates ("2026-10-03 to 2026-11-20") by its months ("October to November 2026"),
    /// a named one ("the last quarter") as it is.
    #[must_use]
    pub fn label_by_month(&self) -> String {
        if self.by_dates {
            months_of(self.since, self.until, Months::Long)
        } else {
            self.label.clone()
        }
    }

    /// The same length of time just before this period (None for all time).
    #[must_use]
    pub fn previous(&self) -> Option<Period> {
        let since = self.since?;
        let len = (self.until - since).num_days() + 1;
        let until = since.pred_opt()?;
        let start = until.checked_sub_days(Days::new(u64::try_from(len - 1).ok()?))?;
        Some(Period {
            since: Some(start),
            until,
            label: "the period before".into(),
            by_dates: false,
        })
    }
}

/// How [`months_of`] writes months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Months {
    /// "October to November 2026", as an export's header names its period.
    Long,
    /// "Oct – Nov 2026", as the coach's review heads a column.
    Short,
}

/// The days from `since` (or the first entry) to `until` by their months: "November
/// 2026"; "October to November 2026"; "December 2025 to January 2026"; "up to November
/// 2026" (written `style`).
#[must_use]
pub fn months_of(since: Option<NaiveDate>, until: NaiveDate, style: Months) -> String {
    let (name, to) = match style {
        Months::Long => ("%B", " to "),
        Months::Short => ("%b", " – "),
    };
    let month = |d: NaiveDate| format!("{} {}", d.format(name), d.year());
    match since {
        Some(s) if (s.year(), s.month()) == (until.year(), until.month()) => month(s),
        Some(s) if s.year() == until.year() => format!("{}{to}{}", s.format(name), month(until)),
        Some(s) => format!("{}{to}{}", month(s), month(until)),
        None => format!("up to {}", month(until)),
    }
}

/// Monday of a date's week.
#[must_use]
pub fn week_of(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekCount {
    pub week: NaiveDate,
    pub total: i64,
    pub by_kind: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelUse {
    pub model: String,
    pub name: String,
    pub count: i64,
}

/// Which way a count moved against the period before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    New,
    Up,
    Same,
    Down,
    /// No period before to compare with (all time).
    #[default]
    Unknown,
}

impl Trend {
    fn of(now: i64, before: Option<i64>) -> Trend {
        match before {
            None => Trend::Unknown,
            Some(0) if now > 0 => Trend::New,
            Some(b) if now > b => Trend::Up,
            Some(b) if now < b => Trend::Down,
            Some(_) => Trend::Same,
        }
    }

    /// The word a summary file keeps: "new", "up", "same", "down", or "" without a period
    /// before.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Trend::New => "new",
            Trend::Up => "up",
            Trend::Same => "same",
            Trend::Down => "down",
            Trend::Unknown => "",
        }
    }

    /// A summary file's word read back; any other word (from a newer or a hand-edited
    /// file) is no trend rather than an error: it only ever decorates a count.
    #[must_use]
    pub fn from_word(word: &str) -> Trend {
        match word {
            "new" => Trend::New,
            "up" => Trend::Up,
            "same" => Trend::Same,
            "down" => Trend::Down,
            _ => Trend::Unknown,
        }
    }

    #[must_use]
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::New => "new",
            Trend::Up => "↑",
            Trend::Same => "=",
            Trend::Down => "↓",
            Trend::Unknown => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrengthUse {
    pub name: String,
    pub group: String,
    pub mine: i64,
    pub person: i64,
    pub team: i64,
    /// Seen in a colleague (recognition given, PRACTICE.md §13).
    pub colleague: i64,
    pub total: i64,
    pub before: Option<i64>,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupUse {
    pub group: String,
    pub total: i64,
    pub before: Option<i64>,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkins {
    pub weeks: Vec<CheckinWeek>,
    pub checkins: i64,
    pub mood: Option<f64>,
    pub energy: Option<f64>,
    pub heavy_days: i64,
    /// Heavy load on three or more of the last fourteen days: the fixed signpost shows.
    pub heavy_persists: bool,
}

/// The fixed, gentle signpost (PRACTICE.md §7): no diagnosis, no score.
pub const SIGNPOST: &str =
    "Heavy load has kept coming up. Restorative supervision is a place to bring this.";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTrack {
    pub subject: String,
    pub topic: String,
    pub points: Vec<StagePoint>,
    /// Times the stage went back to an earlier one: shown as a plain move, never failure.
    pub moves_back: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallIns {
    pub by_status: BTreeMap<String, i64>,
    pub by_rupture: BTreeMap<String, i64>,
    /// The longest due first, [`FOLLOW_UPS_LISTED`] at most.
    pub follow_ups_due: Vec<EntrySummary>,
    /// How many follow-ups are due in all, counted up to [`FOLLOW_UPS_COUNTED`].
    pub follow_ups_due_total: i64,
    /// More follow-ups are due than were counted.
    pub follow_ups_due_beyond: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Words {
    pub heavy_weeks: usize,
    pub light_weeks: usize,
    /// (word, entries of heavy weeks using it, entries of light weeks using it)
    pub heavy_words: Vec<(String, usize, usize)>,
}

/// Everything about one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    pub period: Period,
    pub entries: i64,
    pub by_kind: BTreeMap<String, i64>,
    pub weeks: Vec<WeekCount>,
    pub models: Vec<ModelUse>,
    pub strengths: Vec<StrengthUse>,
    pub groups: Vec<GroupUse>,
    pub strengths_new: Vec<String>,
    pub strengths_gone: Vec<String>,
    pub checkins: Checkins,
    pub stages: Vec<StageTrack>,
    /// When the period holds more than [`STAGE_NOTES`] stage notes: the day the newest
    /// of them (those the paths are drawn from) begin.
    pub stages_from: Option<NaiveDate>,
    pub callins: CallIns,
    pub actions: ActionCounts,
    pub on_this_day: Vec<EntrySummary>,
    pub words: Words,
}

/// Computes the insights of a period.
pub fn compute(
    store: &Store,
    catalog: &Catalog,
    period: &Period,
    today: NaiveDate,
) -> Result<Insights> {
    let since = period.since;
    let until = period.until;
    let kinds = store.kind_counts(since, until)?;
    let first = match since {
        Some(s) => Some(s),
        None => store.first_entry_on()?,
    };
    let weeks = week_series(&kinds.days, first, until);
    let mut by_kind: BTreeMap<String, i64> = BTreeMap::new();
    for (_, k, n) in &kinds.days {
        *by_kind.entry(k.to_string()).or_default() += n;
    }
    let entries = by_kind.values().sum();

    let models = kinds
        .models
        .into_iter()
        .map(|(m, count)| {
            let id = m.unwrap_or_else(|| "free".into());
            let name = catalog
                .model(&id)
                .map_or_else(|_| id.clone(), |t| t.name.clone());
            ModelUse {
                model: id,
                name,
                count,
            }
        })
        .collect();

    let now = store.strengths_between(since, until)?;
    let previous = period.previous();
    let before = match &previous {
        Some(p) => Some(store.strengths_between(p.since, p.until)?),
        None => None,
    };
    let (strengths, groups, strengths_new, strengths_gone) =
        strength_uses(catalog, &now, before.as_deref());

    let cweeks = store.checkin_weeks(since, until)?;
    let count: i64 = cweeks.iter().map(|w| w.checkins).sum();
    let weighted = |f: fn(&CheckinWeek) -> Option<f64>| -> Option<f64> {
        let (sum, n) = cweeks
            .iter()
            .filter_map(|w| f(w).map(|v| (v * w.checkins as f64, w.checkins)))
            .fold((0.0, 0), |(s, n), (v, c)| (s + v, n + c));
        (n > 0).then(|| sum / n as f64)
    };
    let recent_from = until.checked_sub_days(Days::new(13)).unwrap_or(until);
    let checkins = Checkins {
        mood: weighted(|w| w.mood),
        energy: weighted(|w| w.energy),
        heavy_days: cweeks.iter().map(|w| w.heavy_days).sum(),
        heavy_persists: store.heavy_days(recent_from, until)? >= 3,
        checkins: count,
        weeks: cweeks,
    };

    let mut stages: Vec<StageTrack> = Vec::new();
    let points = store.stage_points_between(since, until, STAGE_NOTES)?;
    let stages_from = (points.len() == STAGE_NOTES)
        .then(|| points.iter().map(|(_, p)| p.on).min())
        .flatten();
    for (subject, p) in points {
        let same = stages
            .last()
            .is_some_and(|t| t.subject == subject && t.topic.eq_ignore_ascii_case(&p.topic));
        if !same {
            stages.push(StageTrack {
                subject: subject.clone(),
                topic: p.topic.clone(),
                points: Vec::new(),
                moves_back: 0,
            });
        }
        if let Some(t) = stages.last_mut() {
            if t.points
                .last()
                .is_some_and(|prev| prev.stage.moves_back_to(p.stage))
            {
                t.moves_back += 1;
            }
            t.points.push(p);
        }
    }

    let mut by_status = BTreeMap::new();
    let mut by_rupture = BTreeMap::new();
    for (status, rupture, n) in store.callin_counts(since, until)? {
        *by_status.entry(status).or_default() += n;
        if !rupture.is_empty() {
            *by_rupture.entry(rupture).or_default() += n;
        }
    }
    let (due, due_total) = store.follow_ups_due(today, FOLLOW_UPS_LISTED, FOLLOW_UPS_COUNTED)?;
    let counted = i64::try_from(FOLLOW_UPS_COUNTED).unwrap_or(i64::MAX);
    let callins = CallIns {
        by_status,
        by_rupture,
        follow_ups_due: due.into_iter().map(|c| c.entry).collect(),
        follow_ups_due_total: due_total.min(counted),
        follow_ups_due_beyond: due_total > counted,
    };

    let words = word_contrast(store, &checkins.weeks)?;
    Ok(Insights {
        period: period.clone(),
        entries,
        by_kind,
        weeks,
        models,
        strengths,
        groups,
        strengths_new,
        strengths_gone,
        stages,
        stages_from,
        callins,
        actions: store.action_counts(since, until, today)?,
        on_this_day: store.on_this_day(today, 10)?,
        checkins,
        words,
    })
}

/// How far back "what keeps me going" looks at least: it is about months, not weeks.
const SUSTAIN_DAYS: u64 = 182;
/// How many received recognitions and answers of what helped it quotes.
const SUSTAIN_QUOTES: usize = 3;
/// How many answers of what helped it reads for their words.
const HELPED_SAMPLE: usize = 400;

/// What sustains the worker over months (PRACTICE.md §18): recognition received and
/// given, feedback, what helped in check-ins and the strengths of good weeks, as counts
/// by month and the writer's own words. Never a score: nothing is added up into one
/// number, and no month is called better than another.
#[derive(Debug, Clone, Serialize)]
pub struct KeepsMeGoing {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub months: Vec<crate::store::SustainMonth>,
    /// The most recent recognition received, with what it meant.
    pub received: Vec<crate::store::Received>,
    /// Words that recur in what helped (check-ins using each).
    pub helped_words: Vec<(String, usize)>,
    /// The most recent answers of what helped, as written.
    pub helped_recent: Vec<String>,
    /// Weeks with check-ins, no heavy or overloaded day, and a mood of at least 3.5 on
    /// average where mood was given.
    pub good_weeks: usize,
    /// The writer's own strengths tagged in those weeks, most used first.
    pub good_week_strengths: Vec<(String, i64)>,
}

impl KeepsMeGoing {
    /// Whether there is nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.months.is_empty() && self.good_week_strengths.is_empty()
    }
}

/// A good week for the pattern of what keeps the worker going.
fn is_good_week(w: &CheckinWeek) -> bool {
    w.checkins > 0 && w.heavy_days == 0 && w.mood.is_none_or(|m| m >= 3.5)
}

/// Computes what keeps the worker going for the months up to the end of `period` (at
/// least the last six, more if the period is longer).
pub fn keeps_me_going(store: &Store, period: &Period) -> Result<KeepsMeGoing> {
    let until = period.until;
    let six = until
        .checked_sub_days(Days::new(SUSTAIN_DAYS - 1))
        .unwrap_or(until);
    let since = match period.since {
        Some(s) => s.min(six),
        None => store.first_entry_on()?.map_or(six, |f| f.min(six)),
    };
    let helped = store.helped_between(since, until, HELPED_SAMPLE)?;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for h in &helped {
        for w in entry_words(h) {
            *counts.entry(w.into_owned()).or_default() += 1;
        }
    }
    let mut helped_words: Vec<(String, usize)> =
        counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    helped_words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    helped_words.truncate(8);
    let good: Vec<NaiveDate> = store
        .checkin_weeks(Some(since), until)?
        .iter()
        .filter(|w| is_good_week(w))
        .map(|w| w.week)
        .collect();
    let mut good_week_strengths = store.own_strengths_in_weeks(&good)?;
    good_week_strengths.truncate(8);
    Ok(KeepsMeGoing {
        since,
        until,
        months: store.sustain_months(since, until)?,
        received: store.received_between(since, until, SUSTAIN_QUOTES)?,
        helped_words,
        helped_recent: helped.into_iter().take(SUSTAIN_QUOTES).collect(),
        good_weeks: good.len(),
        good_week_strengths,
    })
}

/// How long repairs of ruptures took in a period (PRACTICE.md §15): each one's days
/// from noticed to repaired, in the order they were repaired, and how many are open.
/// A list, never an average or a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repairs {
    pub repaired_days: Vec<i64>,
    pub open: i64,
}

/// The repairs of a period, and the ruptures open at its end.
pub fn repairs(store: &Store, period: &Period) -> Result<Repairs> {
    let repaired_days = store
        .repairs_between(period.since, period.until)?
        .into_iter()
        .map(|(noticed, repaired)| (repaired - noticed).num_days())
        .collect();
    Ok(Repairs {
        repaired_days,
        open: store.open_ruptures(period.until)?,
    })
}

/// Every week from the first to the last, zero where nothing was written, from counts
/// per day and kind.
fn week_series(
    days: &[(NaiveDate, EntryKind, i64)],
    first: Option<NaiveDate>,
    until: NaiveDate,
) -> Vec<WeekCount> {
    let Some(first) = first else {
        return Vec::new();
    };
    let mut out: Vec<WeekCount> = Vec::new();
    let start = week_of(first);
    let mut w = start;
    let last = week_of(until);
    while w <= last {
        out.push(WeekCount {
            week: w,
            total: 0,
            by_kind: BTreeMap::new(),
        });
        match w.checked_add_days(Days::new(7)) {
            Some(next) => w = next,
            None => break,
        }
    }
    // Weeks are consecutive: a day's week is found by arithmetic, not by search.
    let mut counts: Vec<[i64; EntryKind::ALL.len()]> = vec![[0; EntryKind::ALL.len()]; out.len()];
    for (on, kind, n) in days {
        let Ok(i) = usize::try_from((week_of(*on) - start).num_days() / 7) else {
            continue;
        };
        if let (Some(slot), Some(k)) = (
            counts.get_mut(i),
            EntryKind::ALL.iter().position(|x| x == kind),
        ) {
            slot[k] += n;
        }
    }
    for (week, slot) in out.iter_mut().zip(&counts) {
        for (kind, n) in EntryKind::ALL.iter().zip(slot) {
            if *n > 0 {
                week.total += n;
                week.by_kind.insert(kind.to_string(), *n);
            }
        }
    }
    out
}

pub(crate) type StrengthParts = (Vec<StrengthUse>, Vec<GroupUse>, Vec<String>, Vec<String>);

pub(crate) fn strength_uses(
    catalog: &Catalog,
    now: &[(String, Whose, i64)],
    before: Option<&[(String, Whose, i64)]>,
) -> StrengthParts {
    let mut uses: BTreeMap<String, StrengthUse> = BTreeMap::new();
    for (name, whose, n) in now {
        let u = uses.entry(name.clone()).or_insert_with(|| StrengthUse {
            name: name.clone(),
            group: catalog
                .vocabulary
                .group_of(name)
                .unwrap_or("Other")
                .to_string(),
            mine: 0,
            person: 0,
            team: 0,
            colleague: 0,
            total: 0,
            before: None,
            trend: Trend::Unknown,
        });
        match whose {
            Whose::Mine => u.mine += n,
            Whose::Person => u.person += n,
            Whose::Team => u.team += n,
            Whose::Colleague => u.colleague += n,
        }
        u.total += n;
    }
    let mut before_totals: HashMap<&str, i64> = HashMap::new();
    if let Some(b) = before {
        for (name, _, n) in b {
            *before_totals.entry(name.as_str()).or_default() += n;
        }
    }
    for u in uses.values_mut() {
        u.before = before.map(|_| before_totals.get(u.name.as_str()).copied().unwrap_or(0));
        u.trend = Trend::of(u.total, u.before);
    }
    let mut strengths: Vec<StrengthUse> = uses.into_values().collect();
    strengths.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name)));
    let mut group_now: BTreeMap<String, i64> = BTreeMap::new();
    for s in &strengths {
        *group_now.entry(s.group.clone()).or_default() += s.total;
    }
    let mut group_before: BTreeMap<String, i64> = BTreeMap::new();
    for (name, n) in &before_totals {
        let g = catalog
            .vocabulary
            .group_of(name)
            .unwrap_or("Other")
            .to_string();
        *group_before.entry(g).or_default() += n;
    }
    let mut names: Vec<String> = group_now
        .keys()
        .chain(group_before.keys())
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    let groups = names
        .into_iter()
        .map(|g| {
            let total = group_now.get(&g).copied().unwrap_or(0);
            let b = before.map(|_| group_before.get(&g).copied().unwrap_or(0));
            GroupUse {
                trend: Trend::of(total, b),
                group: g,
                total,
                before: b,
            }
        })
        .collect();
    let (new, gone) = match before {
        Some(_) => {
            let now_names: HashSet<&str> = strengths.iter().map(|s| s.name.as_str()).collect();
            let mut new: Vec<String> = strengths
                .iter()
                .filter(|s| s.before == Some(0))
                .map(|s| s.name.clone())
                .collect();
            new.sort();
            let mut gone: Vec<String> = before_totals
                .keys()
                .filter(|n| !now_names.contains(*n))
                .map(|n| (*n).to_string())
                .collect();
            gone.sort();
            (new, gone)
        }
        None => (Vec::new(), Vec::new()),
    };
    (strengths, groups, new, gone)
}

/// Common words that say nothing about a week, sorted (looked up by binary search).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "feel",
    "felt",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "made",
    "make",
    "me",
    "more",
    "most",
    "much",
    "my",
    "myself",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "really",
    "said",
    "same",
    "say",
    "she",
    "should",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "think",
    "this",
    "those",
    "through",
    "time",
    "to",
    "today",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "way",
    "we",
    "went",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The maps words are counted in.
type WordMap<K, V> = hashbrown::HashMap<K, V>;

/// Words of each entry, lower-cased, once per entry, stop words and short words out.
/// Borrowed from the text where it is lower case already (nearly every word): the
/// counts over hundreds of entries allocate once per distinct word, not once per word.
fn entry_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| w.chars().count() >= 3)
        .map(|w| {
            if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .filter(|w| STOP_WORDS.binary_search(&w.as_ref()).is_err())
}

/// Words that recur in heavy-load weeks more than in light ones: plain counts of entries
/// using each word, over a bounded sample of each kind of week.
fn word_contrast(store: &Store, weeks: &[CheckinWeek]) -> Result<Words> {
    // The most recent weeks of each kind: the sample needs no more, and the query
    // stays bounded however long the journal (SQLite limits an expression's depth).
    let recent = |keep: &dyn Fn(&CheckinWeek) -> bool| -> Vec<NaiveDate> {
        let all: Vec<NaiveDate> = weeks.iter().filter(|w| keep(w)).map(|w| w.week).collect();
        all[all.len().saturating_sub(WORD_WEEKS)..].to_vec()
    };
    let heavy = recent(&|w| w.heavy_days >= 2);
    let light = recent(&|w| w.heavy_days == 0);
    // Entries using each word: one map for all the texts, each word counted once per
    // text by remembering the last text that counted it (no set per text).
    // A quick hash (foldhash, through hashbrown): these maps hash every word of every
    // text, and SipHash's guard against chosen keys buys nothing for one's own words.
    let count = |texts: Vec<String>| -> (usize, WordMap<String, usize>) {
        let mut m: WordMap<Cow<'_, str>, (usize, usize)> = WordMap::default();
        for (i, t) in texts.iter().enumerate() {
            for w in entry_words(t) {
                let e = m.entry(w).or_insert((0, usize::MAX));
                if e.1 != i {
                    *e = (e.0 + 1, i);
                }
            }
        }
        let n = texts.len();
        let counted = m
            .into_iter()
            .map(|(w, (c, _))| (w.into_owned(), c))
            .collect();
        (n, counted)
    };
    let (hn, hm) = count(store.text_in_weeks(&heavy, WORD_PER_WEEK, WORD_SAMPLE)?);
    let (ln, lm) = count(store.text_in_weeks(&light, WORD_PER_WEEK, WORD_SAMPLE)?);
    let mut words: Vec<(String, usize, usize)> = hm
        .into_iter()
        .filter(|(_, h)| *h >= 2)
        .map(|(w, h)| {
            let l = lm.get(&w).copied().unwrap_or(0);
            (w, h, l)
        })
        // More common, per entry, in heavy weeks than in light ones.
        .filter(|(_, h, l)| (*h as f64) / (hn.max(1) as f64) > (*l as f64) / (ln.max(1) as f64))
        .collect();
    words.sort_by(|a, b| {
        let score = |x: &(String, usize, usize)| {
            (x.1 as f64) / (hn.max(1) as f64) - (x.2 as f64) / (ln.max(1) as f64)
        };
        score(b).total_cmp(&score(a)).then(a.0.cmp(&b.0))
    });
    words.truncate(12);
    Ok(Words {
        heavy_weeks: heavy.len(),
        light_weeks: light.len(),
        heavy_words: words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_end_today_and_have_a_period_before() {
        let today = d(2026, 3, 18);
        let p = Period::named("4w", today).unwrap();
        assert_eq!((p.since, p.until), (Some(d(2026, 2, 19)), today));
        let b = p.previous().unwrap();
        assert_eq!((b.since, b.until), (Some(d(2026, 1, 22)), d(2026, 2, 18)));
        assert!(Period::named("all", today).unwrap().previous().is_none());
        assert!(
            Period::named("fortnight", today)
                .unwrap_err()
                .to_string()
                .contains("4w, quarter")
        );
        assert!(Period::between(Some("2026-03-01"), Some("2026-02-01"), today).is_err());
    }

    #[test]
    fn a_period_given_by_dates_is_labelled_by_month_when_dates_are_kept_to_the_month() {
        let today = d(2026, 12, 5);
        let by_month = |since: Option<&str>, until: Option<&str>| {
            let p = Period::between(since, until, today).unwrap();
            (p.label.clone(), p.label_by_month())
        };
        assert_eq!(
            by_month(Some("2026-10-03"), Some("2026-11-20")),
            (
                "2026-10-03 to 2026-11-20".into(),
                "October to November 2026".into()
            )
        );
        assert_eq!(
            by_month(Some("2025-12-30"), Some("2026-01-02")).1,
            "December 2025 to January 2026"
        );
        assert_eq!(
            by_month(Some("2026-11-02"), Some("2026-11-20")).1,
            "November 2026"
        );
        assert_eq!(by_month(None, Some("2026-11-20")).1, "up to November 2026");
        // A named period says nothing of its days: it is shown as it is.
        let quarter = Period::named("quarter", today).unwrap();
        assert_eq!(quarter.label_by_month(), "the last quarter");
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_of(d(2026, 3, 18)), d(2026, 3, 16));
        assert_eq!(week_of(d(2026, 3, 16)), d(2026, 3, 16));
        assert_eq!(week_of(d(2026, 3, 22)), d(2026, 3, 16));
    }

    #[test]
    fn trends_compare_with_the_period_before() {
        assert_eq!(Trend::of(3, Some(0)), Trend::New);
        assert_eq!(Trend::of(3, Some(1)), Trend::Up);
        assert_eq!(Trend::of(1, Some(3)), Trend::Down);
        assert_eq!(Trend::of(2, Some(2)), Trend::Same);
        assert_eq!(Trend::of(2, None), Trend::Unknown);
    }

    #[test]
    fn a_good_week_has_check_ins_no_heavy_day_and_a_mood_of_three_and_a_half() {
        let week = |checkins, heavy_days, mood| CheckinWeek {
            week: d(2026, 3, 16),
            checkins,
            mood,
            energy: None,
            heavy_days,
            carrying_a_lot: 0,
        };
        assert!(is_good_week(&week(2, 0, Some(3.5))));
        assert!(is_good_week(&week(1, 0, None)), "no mood given: load alone");
        assert!(!is_good_week(&week(2, 0, Some(3.4))));
        assert!(!is_good_week(&week(2, 1, Some(5.0))));
        assert!(!is_good_week(&week(0, 0, None)));
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_skip_stop_words_and_count_once_per_entry() {
        let w: HashSet<Cow<'_, str>> =
            entry_words("The rota, the ROTA and the rota again; I felt it. Café, CAFÉ!").collect();
        assert_eq!(w, HashSet::from([Cow::from("rota"), Cow::from("café")]));
    }
}
