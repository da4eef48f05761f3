//! Counts kept as the journal is written (schema versions 6 to 9): entries by kind, and
//! live entries, strengths, check-ins (and those saying what helped), actions and call-ins
//! by day, week, month and year. Triggers
//! keep them in step with every write; this module reads them, checks them against the
//! entries, and builds them again (`praxis doctor --rebuild-index`).

use chrono::{Datelike as _, Days, NaiveDate};

use rusqlite::{Connection, params};

use super::entries::EntryFilter;
use super::health::has_table;
use super::rows::day;
use super::{Result, Store};
use crate::model::{Details, Entry, EntryKind};

/// What the count tables hold, computed from the entries: the same SELECTs fill them in
/// migration 6 (and the check-ins saying what helped in migration 7) and here.
///
/// The entries are read from the index of live entries by day, kind and model alone
/// (`INDEXED BY`): left to choose, SQLite reads the kinds and the reflections through the
/// index by kind and then each row, whose trash mark comes after its text. At 100,000
/// entries the two counts took 0.29 s that way and 0.12 s from the index.
const FILL: [(&str, &str); 10] = [
    (
        "count_kinds",
        "SELECT kind, count(*) FILTER (WHERE deleted_at IS NULL),
                count(*) FILTER (WHERE deleted_at IS NOT NULL)
         FROM entries INDEXED BY entries_live_kinds GROUP BY kind",
    ),
    (
        "count_weeks",
        "SELECT date(occurred_on, '-' || ((strftime('%w', occurred_on) + 6) % 7) || ' days'),
                kind, count(*)
         FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2",
    ),
    (
        "count_model_months",
        "SELECT substr(occurred_on, 1, 7), coalesce(model, ''), count(*)
         FROM entries INDEXED BY entries_live_kinds
         WHERE deleted_at IS NULL AND kind = 'reflection' GROUP BY 1, 2",
    ),
    (
        "count_strength_months",
        "SELECT substr(e.occurred_on, 1, 7), s.strength, s.whose, count(*)
         FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "count_checkin_days",
        "SELECT e.occurred_on, count(*), count(c.mood), coalesce(sum(c.mood), 0),
                count(c.energy), coalesce(sum(c.energy), 0),
                count(*) FILTER (WHERE c.load IN ('heavy', 'overloaded')),
                count(*) FILTER (WHERE c.carrying = 'a-lot'),
                count(*) FILTER (WHERE trim(coalesce(c.helped, '')) <> '')
         FROM checkins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1",
    ),
    (
        "count_action_days",
        "SELECT a.status = 'done',
                CASE WHEN a.status = 'done' THEN coalesce(a.done_on, '')
                     ELSE coalesce(a.due_on, '') END,
                count(*)
         FROM actions a JOIN entries e ON e.id = a.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1, 2",
    ),
    (
        "count_callin_months",
        "SELECT substr(e.occurred_on, 1, 7), c.status, coalesce(c.rupture, ''), count(*)
         FROM callins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "count_entry_days",
        "SELECT occurred_on, kind, coalesce(model, ''), count(*)
         FROM entries INDEXED BY entries_live_kinds
         WHERE deleted_at IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "count_strength_days",
        "SELECT e.occurred_on, s.strength, s.whose, count(*)
         FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3",
    ),
    (
        "count_callin_days",
        "SELECT e.occurred_on, c.status, coalesce(c.rupture, ''), count(*)
         FROM callins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3",
    ),
];

/// What [`fill`] writes, the same counts as [`FILL`] gathered so that SQLite never sorts
/// a row per entry (or per strength, or per action): it sorts a GROUP BY's rows in memory,
/// all of them (this build keeps its temporary data in memory, unencrypted on no disk),
/// so the counts of a journal of 1,000,000 entries held 80 MiB at once.
///
/// The counts by kind and week read the index of live entries by day in its own order, a
/// day at a time (a GROUP BY in an index's order sorts nothing), and sort only what each
/// day gives. The others come a few days at a time ([`FILL_PASS`] entries), each pass
/// added to what the ones before wrote: `?1` and `?2` are the first day of the pass and
/// the day after its last. (The reflections by model are sorted whole however they are
/// asked for: the index orders models after kinds, which are not grouped in it. Over the
/// whole journal, that sort held 20 MiB at 1,000,000 entries.) The test `counts_filled_in_passes_are_the_counts` keeps
/// them equal to [`FILL`].
const FILL_BOUNDED: [(&str, &str); 10] = [
    (
        "count_kinds",
        "SELECT kind, sum(live), sum(trashed) FROM (
             SELECT kind, count(*) FILTER (WHERE deleted_at IS NULL) AS live,
                    count(*) FILTER (WHERE deleted_at IS NOT NULL) AS trashed
             FROM entries INDEXED BY entries_live_kinds
             GROUP BY deleted_at, occurred_on, kind)
         WHERE true GROUP BY kind
         ON CONFLICT DO UPDATE SET live = live + excluded.live,
                                   trashed = trashed + excluded.trashed",
    ),
    (
        "count_weeks",
        "SELECT week, kind, sum(n) FROM (
             SELECT date(occurred_on, '-' || ((strftime('%w', occurred_on) + 6) % 7) || ' days')
                        AS week, kind, count(*) AS n
             FROM entries INDEXED BY entries_live_kinds
             WHERE deleted_at IS NULL GROUP BY occurred_on, kind)
         WHERE true GROUP BY 1, 2
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_model_months",
        "SELECT month, model, sum(n) FROM (
             SELECT substr(occurred_on, 1, 7) AS month, coalesce(model, '') AS model,
                    count(*) AS n
             FROM entries INDEXED BY entries_live_kinds
             WHERE deleted_at IS NULL AND kind = 'reflection'
               AND occurred_on >= ?1 AND occurred_on < ?2
             GROUP BY occurred_on, kind, entries.model)
         WHERE true GROUP BY 1, 2
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_strength_months",
        "SELECT substr(e.occurred_on, 1, 7), s.strength, s.whose, count(*)
         FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_checkin_days",
        "SELECT e.occurred_on, count(*), count(c.mood), coalesce(sum(c.mood), 0),
                count(c.energy), coalesce(sum(c.energy), 0),
                count(*) FILTER (WHERE c.load IN ('heavy', 'overloaded')),
                count(*) FILTER (WHERE c.carrying = 'a-lot'),
                count(*) FILTER (WHERE trim(coalesce(c.helped, '')) <> '')
         FROM checkins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1",
    ),
    (
        "count_action_days",
        "SELECT a.status = 'done',
                CASE WHEN a.status = 'done' THEN coalesce(a.done_on, '')
                     ELSE coalesce(a.due_on, '') END,
                count(*)
         FROM actions a JOIN entries e ON e.id = a.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1, 2
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_callin_months",
        "SELECT substr(e.occurred_on, 1, 7), c.status, coalesce(c.rupture, ''), count(*)
         FROM callins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_entry_days",
        "SELECT occurred_on, kind, model, sum(n) FROM (
             SELECT occurred_on, kind, coalesce(model, '') AS model, count(*) AS n
             FROM entries INDEXED BY entries_live_kinds
             WHERE deleted_at IS NULL AND occurred_on >= ?1 AND occurred_on < ?2
             GROUP BY occurred_on, kind, entries.model)
         WHERE true GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_strength_days",
        "SELECT e.occurred_on, s.strength, s.whose, count(*)
         FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
    (
        "count_callin_days",
        "SELECT e.occurred_on, c.status, coalesce(c.rupture, ''), count(*)
         FROM callins c JOIN entries e ON e.id = c.entry_id
         WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on < ?2
         GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET n = n + excluded.n",
    ),
];

/// The roll-ups of the counts (schema version 8): each table, what it is built from (a
/// count above, itself checked against the entries), and which of its rows say nothing
/// (rows of zero are kept when what they counted goes). The migration fills them with the
/// same SELECTs; triggers on the counts' tables keep them as the counts change.
const ROLLUPS: [(&str, &str, &str); 4] = [
    (
        "count_checkin_weeks",
        "SELECT date(day, '-' || ((strftime('%w', day) + 6) % 7) || ' days') AS week,
                sum(checkins) AS checkins, sum(moods) AS moods, sum(mood_sum) AS mood_sum,
                sum(energies) AS energies, sum(energy_sum) AS energy_sum,
                sum(heavy > 0) AS heavy_days, sum(a_lot) AS a_lot, sum(helped) AS helped
         FROM count_checkin_days GROUP BY 1",
        "checkins <> 0 OR moods <> 0 OR mood_sum <> 0 OR energies <> 0
         OR energy_sum <> 0 OR heavy_days <> 0 OR a_lot <> 0 OR helped <> 0",
    ),
    (
        "count_action_months",
        "SELECT done, substr(day, 1, 7) AS month, sum(n) AS n
         FROM count_action_days GROUP BY 1, 2",
        "n <> 0",
    ),
    (
        "count_strength_years",
        "SELECT substr(month, 1, 4) AS year, strength, whose, sum(n) AS n
         FROM count_strength_months GROUP BY 1, 2, 3",
        "n <> 0",
    ),
    (
        "count_model_years",
        "SELECT substr(month, 1, 4) AS year, model, sum(n) AS n
         FROM count_model_months GROUP BY 1, 2",
        "n <> 0",
    ),
];

/// Builds the roll-ups again from the counts (inside the caller's transaction): what the
/// triggers kept is replaced, so a roll-up that had gone wrong is mended, not carried on.
fn fill_rollups(conn: &Connection) -> Result<()> {
    for (table, select, _) in ROLLUPS {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
        conn.execute(&format!("INSERT INTO {table} {select}"), [])?;
    }
    Ok(())
}

/// Live entries whose parts one pass of [`fill`] counts (their days whole: a day that
/// holds more is one pass).
const FILL_PASS: i64 = 50_000;

/// Fills the count tables again from the entries (inside the caller's transaction), with
/// memory for a pass of [`FILL_PASS`] entries whatever the size of the journal.
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    fill_in_passes(conn, FILL_PASS)
}

fn fill_in_passes(conn: &Connection, pass: i64) -> Result<()> {
    for (table, _) in FILL {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    // The counts that read the index by day in its order, once.
    for (table, select) in &FILL_BOUNDED[..2] {
        conn.execute(&format!("INSERT INTO {table} {select}"), [])?;
    }
    // Days are written YYYY-MM-DD: '' comes before the first, '~' after the last.
    let mut from = String::new();
    loop {
        let to: String = conn
            .prepare_cached(
                "SELECT coalesce(
                     (SELECT min(occurred_on) FROM entries INDEXED BY entries_live_kinds
                      WHERE deleted_at IS NULL AND occurred_on > (
                          SELECT occurred_on FROM entries INDEXED BY entries_live_kinds
                          WHERE deleted_at IS NULL AND occurred_on >= ?1
                          ORDER BY occurred_on LIMIT 1 OFFSET ?2)),
                     '~')",
            )?
            .query_row(rusqlite::params![from, pass - 1], |r| r.get(0))?;
        for (table, select) in &FILL_BOUNDED[2..] {
            conn.prepare_cached(&format!("INSERT INTO {table} {select}"))?
                .execute([&from, &to])?;
        }
        if to == "~" {
            return fill_rollups(conn);
        }
        from = to;
    }
}

/// The counts of the entries an import into a journal without entries adds, gathered in
/// memory as each is written, and written at the end: the same rows [`fill`] would read
/// back from the entries (the test `counts_gathered_while_writing_are_the_counts` keeps
/// the two equal), without reading the journal again. At 1,000,000 entries, reading them
/// back took 2.5 s of CPU at the end of the import.
///
/// Entries, strengths and call-ins are gathered by day (schema version 9): at 1,000,000
/// entries some 400,000 rows, more than an import's memory holds, so they are written out
/// ([`Tally::spill_if_full`]) whenever [`DAY_ROWS_HELD`] are held, each added to its row,
/// and folded as they go into the counts by week and month, which are few and kept to
/// the end. Each entry costs one lookup per table it is counted in (by a quick hash: the
/// words counted are the user's own, from a file they chose to import).
///
/// Only for entries added whole and never changed after: an import that changes an
/// entry it wrote (a newer copy later in the file) fills the counts from the entries.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// kind → (live, trashed).
    kinds: FastMap<&'static str, (i64, i64)>,
    /// (day, kind, model by its place in `words`) → live entries, since last written out.
    entry_days: FastMap<(NaiveDate, &'static str, u32), i64>,
    /// (day, strength by its place in `words`, whose) → live entries carrying it.
    strength_days: FastMap<(NaiveDate, u32, &'static str), i64>,
    /// (day, status, rupture or '') → call-ins of live entries.
    callin_days: FastMap<(NaiveDate, &'static str, &'static str), i64>,
    /// (Monday, kind) → live entries: folded from `entry_days` as they are written out.
    weeks: FastMap<(NaiveDate, &'static str), i64>,
    /// (year, month, model) → live reflections: folded likewise.
    models: FastMap<(i32, u32, u32), i64>,
    /// (year, month, strength, whose) → live entries carrying it: folded likewise.
    strengths: FastMap<(i32, u32, u32, &'static str), i64>,
    /// (year, month, status, rupture or '') → call-ins of live entries: folded likewise.
    callins: FastMap<(i32, u32, &'static str, &'static str), i64>,
    /// day → checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot, helped.
    checkins: FastMap<NaiveDate, [i64; 8]>,
    /// (done, day or none) → actions of live entries.
    actions: FastMap<(bool, Option<NaiveDate>), i64>,
    /// The models and strengths the rows name, each held once: a row names them by
    /// their place here.
    words: Vec<String>,
    word_ids: FastMap<String, u32>,
    /// Whether the tables of counts per day were emptied, before the first rows were
    /// written into them.
    days_emptied: bool,
    /// How many rows by day are held before they are written out (a test writes them out
    /// often).
    hold: Option<usize>,
}

/// A hash table with a quick hash, for counts gathered per entry of an import.
type FastMap<K, V> = hashbrown::HashMap<K, V>;

/// Rows of counts per day held by an import's [`Tally`] at most: with the tables' room
/// and the sorted copy written out, about 1.5 MiB. (At 50,000 rows, an import of
/// 1,000,000 entries held 4.5 MiB more than before, 94 of its 100 MiB.) An import whose
/// file is in date order writes each row out once, or twice where a write-out falls
/// inside its day.
const DAY_ROWS_HELD: usize = 16_384;

/// The tables of counts per day.
const DAY_TABLES: [&str; 3] = [
    "count_entry_days",
    "count_strength_days",
    "count_callin_days",
];

impl Tally {
    /// Whether the counts of `e` can be gathered here as SQLite gives them: its day and
    /// its week's Monday have years of four digits (SQLite's dates before the year 1000
    /// are left to it).
    pub(crate) fn takes(e: &Entry) -> bool {
        [e.occurred_on, monday(e.occurred_on)]
            .iter()
            .all(|d| (1000..=9999).contains(&d.year()))
    }

    /// Counts `e`, just written with its parts (see [`Tally::takes`]).
    pub(crate) fn add(&mut self, e: &Entry) {
        let kind = e.kind.as_str();
        let k = self.kinds.entry(kind).or_default();
        if e.deleted_at.is_some() {
            k.1 += 1;
            return;
        }
        k.0 += 1;
        let on = e.occurred_on;
        let model = self.word(e.model.as_deref().unwrap_or(""));
        *self.entry_days.entry((on, kind, model)).or_default() += 1;
        // As the journal keeps them: each strength once an entry for each whose (the
        // key of entry_strengths), a repeat of the same left out.
        for (i, s) in e.strengths.iter().enumerate() {
            let whose = s.whose.as_str();
            if e.strengths[..i]
                .iter()
                .any(|t| t.name == s.name && t.whose.as_str() == whose)
            {
                continue;
            }
            let strength = self.word(&s.name);
            *self.strength_days.entry((on, strength, whose)).or_default() += 1;
        }
        if let Some(c) = e.checkin.as_ref().filter(|c| !c.is_empty()) {
            let day = self.checkins.entry(on).or_default();
            day[0] += 1;
            if let Some(m) = c.mood {
                day[1] += 1;
                day[2] += i64::from(m);
            }
            if let Some(n) = c.energy {
                day[3] += 1;
                day[4] += i64::from(n);
            }
            day[5] += i64::from(c.load.is_some_and(|l| l.is_heavy()));
            day[6] += i64::from(c.carrying.is_some_and(|c| c.as_str() == "a-lot"));
            // SQLite's trim() takes spaces alone.
            day[7] += i64::from(
                c.helped
                    .as_deref()
                    .is_some_and(|h| !h.trim_matches(' ').is_empty()),
            );
        }
        for a in &e.actions {
            let done = a.status.as_str() == "done";
            let day = if done { a.done_on } else { a.due_on };
            *self.actions.entry((done, day)).or_default() += 1;
        }
        if let Details::CallIn(c) = &e.details {
            let rupture = c.rupture.map_or("", |r| r.as_str());
            *self
                .callin_days
                .entry((on, c.status.as_str(), rupture))
                .or_default() += 1;
        }
    }

    /// The place of `w` in `words`, added if new.
    fn word(&mut self, w: &str) -> u32 {
        if let Some(id) = self.word_ids.get(w) {
            return *id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(w.to_string());
        self.word_ids.insert(w.to_string(), id);
        id
    }

    fn days_held(&self) -> usize {
        self.entry_days.len() + self.strength_days.len() + self.callin_days.len()
    }

    /// Writes the counts per day held out into their tables (inside the caller's
    /// transaction) once [`DAY_ROWS_HELD`] are held, each added to its row.
    pub(crate) fn spill_if_full(&mut self, conn: &Connection) -> Result<()> {
        if self.days_held() >= self.hold.unwrap_or(DAY_ROWS_HELD) {
            self.spill(conn)?;
        }
        Ok(())
    }

    /// Writes every count per day held out, each table in the order of its key (the
    /// tables emptied before the first are written), folding them into the counts by
    /// week and month.
    fn spill(&mut self, conn: &Connection) -> Result<()> {
        if !self.days_emptied {
            for table in DAY_TABLES {
                conn.execute(&format!("DELETE FROM {table}"), [])?;
            }
            self.days_emptied = true;
        }
        let words = &self.words;
        let (weeks, models) = (&mut self.weeks, &mut self.models);
        write_out(
            conn,
            &mut self.entry_days,
            "INSERT INTO count_entry_days (day, kind, model, n) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (day, kind, model) DO UPDATE SET n = n + excluded.n",
            |(on, kind, model), n| {
                *weeks.entry((monday(on), kind)).or_default() += n;
                if kind == EntryKind::Reflection.as_str() {
                    *models.entry((on.year(), on.month(), model)).or_default() += n;
                }
                (on, kind, word_at(words, model))
            },
        )?;
        let strengths = &mut self.strengths;
        write_out(
            conn,
            &mut self.strength_days,
            "INSERT INTO count_strength_days (day, strength, whose, n) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (day, strength, whose) DO UPDATE SET n = n + excluded.n",
            |(on, strength, whose), n| {
                *strengths
                    .entry((on.year(), on.month(), strength, whose))
                    .or_default() += n;
                (on, word_at(words, strength), whose)
            },
        )?;
        let callins = &mut self.callins;
        write_out(
            conn,
            &mut self.callin_days,
            "INSERT INTO count_callin_days (day, status, rupture, n) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (day, status, rupture) DO UPDATE SET n = n + excluded.n",
            |(on, status, rupture), n| {
                *callins
                    .entry((on.year(), on.month(), status, rupture))
                    .or_default() += n;
                (on, status, rupture)
            },
        )
    }

    /// Writes the counts into the count tables, in place of what they held, and rolls
    /// them up (the import sets the roll-ups' triggers aside with the counts').
    pub(crate) fn write(mut self, conn: &Connection) -> Result<()> {
        self.spill(conn)?;
        for (table, _) in FILL.iter().filter(|(t, _)| !DAY_TABLES.contains(t)) {
            conn.execute(&format!("DELETE FROM {table}"), [])?;
        }
        let word = |id: u32| word_at(&self.words, id);
        let month = |y: i32, m: u32| format!("{y:04}-{m:02}");
        let mut st =
            conn.prepare("INSERT INTO count_kinds (kind, live, trashed) VALUES (?1, ?2, ?3)")?;
        for (kind, (live, trashed)) in &self.kinds {
            st.execute(params![kind, live, trashed])?;
        }
        let mut st = conn.prepare("INSERT INTO count_weeks (week, kind, n) VALUES (?1, ?2, ?3)")?;
        for ((week, kind), n) in &self.weeks {
            st.execute(params![day(*week), kind, n])?;
        }
        let mut st =
            conn.prepare("INSERT INTO count_model_months (month, model, n) VALUES (?1, ?2, ?3)")?;
        for ((y, m, model), n) in &self.models {
            st.execute(params![month(*y, *m), word(*model), n])?;
        }
        let mut st = conn.prepare(
            "INSERT INTO count_strength_months (month, strength, whose, n) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for ((y, m, strength, whose), n) in &self.strengths {
            st.execute(params![month(*y, *m), word(*strength), whose, n])?;
        }
        let mut st = conn.prepare(
            "INSERT INTO count_checkin_days
                 (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot, helped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (on, c) in &self.checkins {
            st.execute(params![
                day(*on),
                c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                c[5],
                c[6],
                c[7]
            ])?;
        }
        let mut st =
            conn.prepare("INSERT INTO count_action_days (done, day, n) VALUES (?1, ?2, ?3)")?;
        for ((done, on), n) in &self.actions {
            st.execute(params![done, on.map(day).unwrap_or_default(), n])?;
        }
        let mut st = conn.prepare(
            "INSERT INTO count_callin_months (month, status, rupture, n) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for ((y, m, status, rupture), n) in &self.callins {
            st.execute(params![month(*y, *m), status, rupture, n])?;
        }
        fill_rollups(conn)
    }
}

/// The word at place `id` of a [`Tally`]'s words.
fn word_at(words: &[String], id: u32) -> &str {
    words.get(id as usize).map_or("", String::as_str)
}

/// Writes the rows of a table of counts per day out with `upsert` (its day, two words and
/// its count as ?1 to ?4), in the order of their keys, emptying `rows`; `row` gives each
/// row's day and words, and folds it into the counts by week or month as it goes.
fn write_out<'w, K: Ord + Copy>(
    conn: &Connection,
    rows: &mut FastMap<K, i64>,
    upsert: &str,
    mut row: impl FnMut(K, i64) -> (NaiveDate, &'w str, &'w str),
) -> Result<()> {
    let mut sorted: Vec<(K, i64)> = rows.drain().collect();
    sorted.sort_unstable();
    let mut st = conn.prepare_cached(upsert)?;
    for (k, n) in sorted {
        let (on, a, b) = row(k, n);
        st.execute(params![day(on), a, b, n])?;
    }
    Ok(())
}

/// The Monday of `d`'s week.
pub(crate) fn monday(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

/// The whole weeks (Mondays) inside `since..=until`, if any: (first, last). No `since`:
/// from the first week of all.
pub(crate) fn whole_weeks(
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Option<(Option<NaiveDate>, NaiveDate)> {
    let first = match since {
        Some(s) if s.weekday().num_days_from_monday() == 0 => Some(s),
        Some(s) => Some(monday(s).checked_add_days(Days::new(7))?),
        None => None,
    };
    let last = if until.weekday().num_days_from_monday() == 6 {
        monday(until)
    } else {
        monday(until).checked_sub_days(Days::new(7))?
    };
    match first {
        Some(f) if f > last => None,
        _ => Some((first, last)),
    }
}

/// The whole months (their first days) inside `since..=until`, if any: (first, last).
/// No `since`: from the first month of all.
pub(crate) fn whole_months(
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Option<(Option<NaiveDate>, NaiveDate)> {
    let first_of = |d: NaiveDate| d.with_day(1);
    let first = match since {
        Some(s) if s.day() == 1 => Some(s),
        Some(s) => Some(first_of(s)?.checked_add_months(chrono::Months::new(1))?),
        None => None,
    };
    let last_day = until.succ_opt().is_none_or(|next| next.day() == 1);
    let last = if last_day {
        first_of(until)?
    } else {
        first_of(until)?.checked_sub_months(chrono::Months::new(1))?
    };
    match first {
        Some(f) if f > last => None,
        _ => Some((first, last)),
    }
}

/// A period cut at its whole weeks or months: those (read from the counts kept per week or
/// month) and the days before and after them (read by day). Every series of Patterns reads
/// a period this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    /// The days before the whole weeks or months (no start: from the first of all); the
    /// whole period when it holds none.
    pub before: Option<(Option<NaiveDate>, NaiveDate)>,
    /// The first and last whole week or month (their first days; no first: from the first
    /// of all).
    pub whole: Option<(Option<NaiveDate>, NaiveDate)>,
    /// The days after them.
    pub after: Option<(NaiveDate, NaiveDate)>,
}

impl Cut {
    /// `since..=until` cut at its whole weeks (Mondays).
    pub(crate) fn weeks(since: Option<NaiveDate>, until: NaiveDate) -> Cut {
        Cut::at(since, until, whole_weeks(since, until), |d| {
            d.checked_add_days(Days::new(7))
        })
    }

    /// `since..=until` cut at its whole months (first days).
    pub(crate) fn months(since: Option<NaiveDate>, until: NaiveDate) -> Cut {
        Cut::at(since, until, whole_months(since, until), |d| {
            d.checked_add_months(chrono::Months::new(1))
        })
    }

    fn at(
        since: Option<NaiveDate>,
        until: NaiveDate,
        whole: Option<(Option<NaiveDate>, NaiveDate)>,
        next: impl Fn(NaiveDate) -> Option<NaiveDate>,
    ) -> Cut {
        let Some((first, last)) = whole else {
            return Cut {
                before: Some((since, until)),
                whole: None,
                after: None,
            };
        };
        Cut {
            before: match (since, first) {
                (Some(s), Some(f)) if s < f => Some((Some(s), f.pred_opt().unwrap_or(f))),
                _ => None,
            },
            whole,
            after: next(last).filter(|a| *a <= until).map(|a| (a, until)),
        }
    }

    /// The days outside the whole weeks or months, those before first.
    pub(crate) fn edges(&self) -> impl Iterator<Item = (Option<NaiveDate>, NaiveDate)> {
        self.before
            .into_iter()
            .chain(self.after.map(|(a, u)| (Some(a), u)))
    }
}

/// A stretch of a period read from a roll-up: whole months ('YYYY-MM', first and last), or
/// whole years ('YYYY'); '' for "from the first of all".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stretch {
    Months(String, String),
    Years(String, String),
}

/// The whole months `first..=last` (first days of months; no `first`: from the first month
/// of all) as whole years where they cover a year, and the months before and after those.
pub(crate) fn months_and_years(first: Option<NaiveDate>, last: NaiveDate) -> Vec<Stretch> {
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let january = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
    let december = |y: i32| NaiveDate::from_ymd_opt(y, 12, 1);
    // The first whole year (None: from the first of all) and the last.
    let first_year = match first {
        None => None,
        Some(f) if f.month() == 1 => Some(f.year()),
        Some(f) => Some(f.year() + 1),
    };
    let last_year = if last.month() == 12 {
        last.year()
    } else {
        last.year() - 1
    };
    let (Some(after_years), true) = (
        january(last_year + 1),
        first_year.is_none_or(|y| y <= last_year),
    ) else {
        return vec![Stretch::Months(
            first.map_or_else(String::new, month),
            month(last),
        )];
    };
    let mut out = Vec::new();
    if let (Some(f), Some(y)) = (first, first_year)
        && f.month() != 1
        && let Some(dec) = december(y - 1)
    {
        out.push(Stretch::Months(month(f), month(dec)));
    }
    out.push(Stretch::Years(
        first_year.map_or_else(String::new, |y| format!("{y:04}")),
        format!("{last_year:04}"),
    ));
    if last.month() != 12 {
        out.push(Stretch::Months(month(after_years), month(last)));
    }
    out
}

/// What `praxis doctor` says of the kept counts: that they agree with the entries, or
/// where they differ and what mends them; None for a journal from before they were kept.
pub(crate) fn finding(conn: &Connection) -> Option<super::Finding> {
    if !matches!(has_table(conn, "count_kinds"), Ok(true)) {
        return None;
    }
    let (ok, detail) = match mismatches(conn) {
        Ok(m) if m.is_empty() => (true, "kept counts match the entries".to_string()),
        Ok(m) => (
            false,
            format!("{}: run `praxis doctor --rebuild-index`", m.join("; ")),
        ),
        Err(e) => (false, format!("the check could not run: {e}")),
    };
    Some(super::Finding {
        ok,
        check: "counts".into(),
        detail,
    })
}

/// Where the kept counts differ from the entries (see [`Store::count_mismatches`]).
fn mismatches(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut out = Vec::new();
    for (table, select) in FILL {
        // A journal that `praxis doctor` reads without bringing it to this version lacks
        // the counts of later versions (the counts per day came with version 9).
        if !has_table(conn, table)? {
            continue;
        }
        // Rows of zero are kept when what they counted goes; they say nothing.
        let nonzero = match table {
            "count_kinds" => "live <> 0 OR trashed <> 0",
            "count_checkin_days" => {
                "checkins <> 0 OR moods <> 0 OR mood_sum <> 0 OR energies <> 0
                 OR energy_sum <> 0 OR heavy <> 0 OR a_lot <> 0 OR helped <> 0"
            }
            _ => "n <> 0",
        };
        let differ: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM (
                             SELECT * FROM ({select})
                             EXCEPT SELECT * FROM {table} WHERE {nonzero}))
                      + (SELECT count(*) FROM (
                             SELECT * FROM {table} WHERE {nonzero}
                             EXCEPT SELECT * FROM ({select})))"
            ),
            [],
            |r| r.get(0),
        )?;
        if differ > 0 {
            out.push(format!("{differ} rows of {table} differ from the entries"));
        }
    }
    let rolled_up = has_table(conn, "count_checkin_weeks")?;
    for (table, select, nonzero) in ROLLUPS.iter().filter(|_| rolled_up) {
        let differ: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM (
                             SELECT * FROM ({select}) WHERE {nonzero}
                             EXCEPT SELECT * FROM {table} WHERE {nonzero}))
                      + (SELECT count(*) FROM (
                             SELECT * FROM {table} WHERE {nonzero}
                             EXCEPT SELECT * FROM ({select}) WHERE {nonzero}))"
            ),
            [],
            |r| r.get(0),
        )?;
        if differ > 0 {
            out.push(format!(
                "{differ} rows of {table} differ from the counts they roll up"
            ));
        }
    }
    for (table, what) in [("entry_tags", "tags"), ("entry_strengths", "strengths")] {
        let differ: i64 = conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} x JOIN entries e ON e.id = x.entry_id
                 WHERE x.occurred_on IS NOT e.occurred_on"
            ),
            [],
            |r| r.get(0),
        )?;
        if differ > 0 {
            out.push(format!("{differ} {what} do not carry their entry's day"));
        }
    }
    Ok(out)
}

impl Store {
    /// Entries matching a filter that the kept counts answer (by kind, in the journal or
    /// in the trash) without reading the entries; None for other filters.
    pub(crate) fn kept_count(&self, f: &EntryFilter) -> Result<Option<i64>> {
        let plain = f.strength.is_none()
            && f.tag.is_none()
            && f.since.is_none()
            && f.until.is_none()
            && f.for_supervision.is_none();
        if !plain {
            return Ok(None);
        }
        let column = if f.trashed { "trashed" } else { "live" };
        let n = match f.kind {
            Some(k) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT coalesce(sum({column}), 0) FROM count_kinds WHERE kind = ?1"
                ))?
                .query_row([k.as_str()], |r| r.get(0))?,
            None => self
                .conn
                .prepare_cached(&format!(
                    "SELECT coalesce(sum({column}), 0) FROM count_kinds"
                ))?
                .query_row([], |r| r.get(0))?,
        };
        Ok(Some(n))
    }

    /// Where the kept counts differ from the entries, in plain words (empty when they
    /// agree). Reads the whole journal: for `praxis doctor` and tests.
    pub fn count_mismatches(&self) -> Result<Vec<String>> {
        Ok(mismatches(&self.conn)?)
    }

    /// Builds the kept counts, the days tags and strengths carry, and the live search's
    /// index of the newest entries again from the entries, in one transaction.
    pub fn rebuild_counts(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        fill(&tx)?;
        for table in ["entry_tags", "entry_strengths"] {
            tx.execute(
                &format!(
                    "UPDATE {table} SET occurred_on = (SELECT occurred_on FROM entries WHERE id = entry_id)
                     WHERE occurred_on IS NOT (SELECT occurred_on FROM entries WHERE id = entry_id)"
                ),
                [],
            )?;
        }
        super::search::forget_recent(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};

    use super::*;
    use crate::model::{CheckIn, Entry, EntryKind, Load, StrengthTag, Whose};
    use crate::store::rows::day;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts_filled_in_passes_are_the_counts() {
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        // Days with several entries, weeks and months across passes, actions due on days
        // of other passes, and entries in the trash.
        for n in 0..60_u32 {
            let on = d(2026, 1, 1) + chrono::Days::new(u64::from(n / 3 * 5));
            let kind = [EntryKind::Reflection, EntryKind::CheckIn][n as usize % 2];
            let mut e = Entry::new(kind, on, now);
            e.model = (n % 4 == 0).then(|| "gibbs".to_string());
            e.strengths = vec![StrengthTag::new(
                ["hope", "care"][n as usize % 2],
                Whose::Mine,
            )];
            e.actions = vec![crate::model::Action::new(
                format!("action {n}"),
                Some(d(2026, 3, 1 + n % 20)),
            )];
            if kind == EntryKind::CheckIn {
                e.checkin = Some(CheckIn {
                    mood: Some(1 + (n % 5) as u8),
                    load: Some(Load::Heavy),
                    helped: Some("a walk".into()),
                    ..CheckIn::default()
                });
            }
            if n % 7 == 0 {
                e.deleted_at = Some(now);
            }
            s.insert_entry(&e).unwrap();
        }
        for pass in [1, 2, 3, 7, 1_000] {
            fill_in_passes(&s.conn, pass).unwrap();
            assert_eq!(
                s.count_mismatches().unwrap(),
                Vec::<String>::new(),
                "{pass}"
            );
        }
        let weeks: i64 = s
            .conn
            .query_row("SELECT count(*) FROM count_weeks", [], |r| r.get(0))
            .unwrap();
        assert!(weeks > 10, "{weeks}");
    }

    /// Every count table and roll-up, row by row, in one order.
    fn all_counts(conn: &Connection) -> Vec<String> {
        let mut rows = Vec::new();
        let tables = FILL
            .iter()
            .map(|(t, _)| *t)
            .chain(ROLLUPS.iter().map(|(t, _, _)| *t));
        for table in tables {
            let mut st = conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2, 3"))
                .unwrap();
            let n = st.column_count();
            let mut q = st.query([]).unwrap();
            while let Some(r) = q.next().unwrap() {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                rows.push(format!("{table} {}", cells.join(" ")));
            }
        }
        rows
    }

    #[test]
    fn counts_gathered_while_writing_are_the_counts() {
        use crate::model::{
            Action, ActionStatus, CallIn, CallInStatus, Carrying, Details, Rupture,
        };
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        let mut tally = Tally::default();
        let mut added = Vec::new();
        let kinds = [
            EntryKind::Reflection,
            EntryKind::CheckIn,
            EntryKind::CallIn,
            EntryKind::Supervision,
        ];
        for n in 0..120_u32 {
            // Weeks across the ends of months and of a year.
            let on = d(2025, 12, 20) + chrono::Days::new(u64::from(n / 2 * 3));
            let kind = kinds[n as usize % kinds.len()];
            let mut e = Entry::new(kind, on, now);
            e.model = match n % 3 {
                0 => Some("gibbs".to_string()),
                1 => Some(String::new()),
                _ => None,
            };
            // The same strength twice (kept once), and for someone else.
            let name = ["hope", "care", "courage"][n as usize % 3];
            e.strengths = vec![
                StrengthTag::new(name, Whose::Mine),
                StrengthTag::new(name, Whose::Mine),
                StrengthTag::new("care", [Whose::Mine, Whose::Team][n as usize % 2]),
            ];
            let status = [ActionStatus::Open, ActionStatus::Partly, ActionStatus::Done];
            e.actions = (0..n % 3)
                .map(|i| {
                    let mut a = Action::new(format!("action {n} {i}"), None);
                    a.status = status[(n + i) as usize % 3];
                    if n % 4 != 0 {
                        a.due_on = Some(d(2026, 2, 1 + n % 27));
                    }
                    if n % 5 != 0 {
                        a.done_on = Some(d(2026, 1, 1 + n % 30));
                    }
                    a
                })
                .collect();
            e.checkin = match n % 6 {
                0 => None,
                // A check-in with nothing in it is not kept.
                1 => Some(CheckIn::default()),
                _ => Some(CheckIn {
                    mood: (n % 4 != 0).then_some(1 + (n % 5) as u8),
                    energy: (n % 3 != 0).then_some(1 + (n % 4) as u8),
                    load: [
                        None,
                        Some(Load::Heavy),
                        Some(Load::Overloaded),
                        Some(Load::Light),
                    ][n as usize % 4],
                    carrying: [None, Some(Carrying::ALot)][n as usize % 2],
                    // Spaces alone say nothing; SQLite's trim() leaves a tab.
                    helped: [
                        None,
                        Some("a walk".into()),
                        Some("   ".into()),
                        Some("\t".into()),
                    ][n as usize % 4]
                        .clone(),
                    ..CheckIn::default()
                }),
            };
            if kind == EntryKind::CallIn {
                e.details = Details::CallIn(CallIn {
                    status: CallInStatus::ALL[n as usize % CallInStatus::ALL.len()],
                    rupture: [None, Some(Rupture::Withdrawal), Some(Rupture::None)][n as usize % 3],
                    ..CallIn::default()
                });
            }
            if n % 7 == 0 {
                e.deleted_at = Some(now);
            }
            s.insert_entry(&e).unwrap();
            assert!(Tally::takes(&e));
            tally.add(&e);
            added.push(e);
        }
        // As the triggers kept them, entry by entry.
        let kept = all_counts(&s.conn);
        assert!(kept.len() > 100, "{}", kept.len());
        tally.write(&s.conn).unwrap();
        assert_eq!(all_counts(&s.conn), kept);
        fill(&s.conn).unwrap();
        assert_eq!(all_counts(&s.conn), kept);
        // The counts per day written out every few rows, as an import of a long journal
        // writes them out when it holds many, each added to its row: the same counts.
        let mut spilling = Tally {
            hold: Some(7),
            ..Tally::default()
        };
        for e in &added {
            spilling.add(e);
            spilling.spill_if_full(&s.conn).unwrap();
        }
        spilling.write(&s.conn).unwrap();
        assert_eq!(all_counts(&s.conn), kept);
    }

    #[test]
    fn days_before_the_year_1000_are_left_to_sqlite() {
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 9, 0, 0).unwrap();
        // 1000-01-01 was a Wednesday: its week began in 999.
        for (on, takes) in [
            (d(1000, 1, 1), false),
            (d(1000, 1, 6), true),
            (d(999, 6, 1), false),
        ] {
            let e = Entry::new(EntryKind::Reflection, on, now);
            assert_eq!(Tally::takes(&e), takes, "{on}");
        }
    }

    #[test]
    fn whole_weeks_and_months_inside_a_period() {
        // 2026-03-02 is a Monday, 2026-03-15 a Sunday.
        assert_eq!(
            whole_weeks(Some(d(2026, 3, 2)), d(2026, 3, 15)),
            Some((Some(d(2026, 3, 2)), d(2026, 3, 9)))
        );
        assert_eq!(
            whole_weeks(Some(d(2026, 3, 3)), d(2026, 3, 14)),
            None,
            "no whole week from a Tuesday to the next Saturday but one"
        );
        assert_eq!(
            whole_weeks(None, d(2026, 3, 14)),
            Some((None, d(2026, 3, 2)))
        );
        assert_eq!(
            whole_months(Some(d(2026, 1, 1)), d(2026, 3, 31)),
            Some((Some(d(2026, 1, 1)), d(2026, 3, 1)))
        );
        assert_eq!(
            whole_months(Some(d(2026, 1, 2)), d(2026, 3, 30)),
            Some((Some(d(2026, 2, 1)), d(2026, 2, 1)))
        );
        assert_eq!(whole_months(Some(d(2026, 1, 2)), d(2026, 2, 27)), None);
        assert_eq!(
            whole_months(None, d(2024, 2, 29)),
            Some((None, d(2024, 2, 1)))
        );
    }

    #[test]
    fn a_period_is_cut_into_its_whole_weeks_or_months_and_the_days_around_them() {
        // Tuesday 3 March to Wednesday 18 March 2026: one whole week, days either side.
        let weeks = Cut::weeks(Some(d(2026, 3, 3)), d(2026, 3, 18));
        assert_eq!(weeks.before, Some((Some(d(2026, 3, 3)), d(2026, 3, 8))));
        assert_eq!(weeks.whole, Some((Some(d(2026, 3, 9)), d(2026, 3, 9))));
        assert_eq!(weeks.after, Some((d(2026, 3, 16), d(2026, 3, 18))));
        assert_eq!(
            weeks.edges().collect::<Vec<_>>(),
            vec![
                (Some(d(2026, 3, 3)), d(2026, 3, 8)),
                (Some(d(2026, 3, 16)), d(2026, 3, 18))
            ]
        );
        // No whole month: the period is all days.
        let days = Cut::months(Some(d(2026, 1, 2)), d(2026, 2, 27));
        assert_eq!(days.whole, None);
        assert_eq!(
            days.edges().collect::<Vec<_>>(),
            vec![(Some(d(2026, 1, 2)), d(2026, 2, 27))]
        );
        // From the first of all to the end of a month: whole months only.
        let all = Cut::months(None, d(2026, 3, 31));
        assert_eq!(all.whole, Some((None, d(2026, 3, 1))));
        assert_eq!(all.edges().count(), 0);
    }

    fn entry(n: u32) -> Entry {
        let on = d(2026, 1, 1 + n % 28);
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let kind = [EntryKind::Reflection, EntryKind::CheckIn, EntryKind::Cpd][n as usize % 3];
        let mut e = Entry::new(kind, on, at);
        e.title = format!("entry {n}");
        e.model = n.is_multiple_of(2).then(|| "gibbs".to_string());
        e.strengths = vec![
            StrengthTag::new("listening", Whose::Mine),
            StrengthTag::new("listening", Whose::Person),
        ];
        e.tags = vec![format!("tag{}", n % 4)];
        e.checkin = (n % 3 != 2).then(|| CheckIn {
            mood: Some(u8::try_from(1 + n % 5).unwrap()),
            energy: n.is_multiple_of(2).then_some(3),
            load: Some(if n.is_multiple_of(4) {
                Load::Heavy
            } else {
                Load::Light
            }),
            // Some say what helped; spaces say nothing.
            helped: [Some("a walk"), None, Some("  "), Some("tea")][n as usize % 4]
                .map(str::to_string),
            ..CheckIn::default()
        });
        e
    }

    #[test]
    fn the_counts_follow_every_kind_of_write() {
        let mut s = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let entries: Vec<Entry> = (0..40).map(entry).collect();
        s.insert_entries(&entries).unwrap();
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        assert_eq!(s.kept_count(&EntryFilter::default()).unwrap(), Some(40));
        // Check-ins saying what helped, all in January: n of 0..40 with a check-in
        // (n % 3 != 2) that says something (n % 4 is 0 or 3), that is n % 12 in 0, 3, 4,
        // 7: three of each twelve, and 36 and 39.
        let helped = |s: &Store| {
            s.sustain_months(d(2025, 12, 1), d(2026, 1, 31))
                .unwrap()
                .iter()
                .map(|m| (m.month.clone(), m.helped))
                .collect::<Vec<_>>()
        };
        assert_eq!(helped(&s), [("2026-01".to_string(), 14)]);
        // Edited: another day, kind, model, parts.
        for n in [3, 4, 5] {
            let id = s.resolve_id(&entries[n].short_id()).unwrap();
            let mut e = s.entry_by_rowid(id).unwrap();
            e.occurred_on = d(2025, 12, 30);
            e.kind = EntryKind::Supervision;
            e.model = None;
            e.strengths.pop();
            e.checkin = None;
            s.update_entry(&e, now).unwrap();
        }
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        // 3 and 4 said what helped, and no longer have a check-in.
        assert_eq!(helped(&s), [("2026-01".to_string(), 12)]);
        // Trashed, restored, trashed again and the trash emptied.
        for n in [6, 7, 8, 9] {
            let id = s.resolve_id(&entries[n].short_id()).unwrap();
            assert!(s.trash_entry(id, now).unwrap());
        }
        let id = s.resolve_id(&entries[9].short_id()).unwrap();
        assert!(s.restore_entry(id).unwrap());
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        // Of those in the trash (6, 7, 8), 7 said what helped.
        assert_eq!(helped(&s), [("2026-01".to_string(), 11)]);
        let trash = EntryFilter {
            trashed: true,
            ..EntryFilter::default()
        };
        assert_eq!(s.kept_count(&trash).unwrap(), Some(3));
        assert_eq!(s.empty_trash().unwrap(), 3);
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        assert_eq!(helped(&s), [("2026-01".to_string(), 11)]);
        assert_eq!(s.kept_count(&EntryFilter::default()).unwrap(), Some(37));
        assert_eq!(s.kept_count(&trash).unwrap(), Some(0));
        let cpd = EntryFilter {
            kind: Some(EntryKind::Cpd),
            ..EntryFilter::default()
        };
        assert_eq!(
            s.kept_count(&cpd).unwrap(),
            Some(
                s.conn
                    .query_row(
                        "SELECT count(*) FROM entries WHERE kind = 'cpd' AND deleted_at IS NULL",
                        [],
                        |r| r.get(0)
                    )
                    .unwrap()
            )
        );
    }

    #[test]
    fn a_rebuild_mends_counts_that_went_wrong() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_entries(&(0..10).map(entry).collect::<Vec<_>>())
            .unwrap();
        s.conn
            .execute_batch(
                "UPDATE count_kinds SET live = live + 5;
                 DELETE FROM count_checkin_days;
                 UPDATE entry_tags SET occurred_on = '1999-01-01';",
            )
            .unwrap();
        let wrong = s.count_mismatches().unwrap();
        assert_eq!(wrong.len(), 3, "{wrong:?}");
        s.rebuild_counts().unwrap();
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        // A count of what helped that went wrong alone is found and mended too.
        s.conn
            .execute_batch("UPDATE count_checkin_days SET helped = helped + 1 WHERE helped > 0")
            .unwrap();
        let wrong = s.count_mismatches().unwrap();
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(wrong[0].contains("count_checkin_days"), "{wrong:?}");
        s.rebuild_counts().unwrap();
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        // So are roll-ups that went wrong while the counts they roll up are right: the
        // triggers would carry a wrong roll-up on as it is; the rebuild makes it again.
        let before = s.checkin_weeks(None, d(2027, 1, 1)).unwrap();
        s.conn
            .execute_batch(
                "UPDATE count_checkin_weeks SET heavy_days = heavy_days + 1;
                 INSERT INTO count_action_months (done, month, n) VALUES (0, '2026-01', 4)
                     ON CONFLICT DO UPDATE SET n = n + 4;
                 UPDATE count_strength_years SET n = n + 2;
                 INSERT INTO count_model_years (year, model, n) VALUES ('1990', 'gibbs', 3);",
            )
            .unwrap();
        let wrong = s.count_mismatches().unwrap();
        assert_eq!(wrong.len(), 4, "{wrong:?}");
        for table in [
            "count_checkin_weeks",
            "count_action_months",
            "count_strength_years",
            "count_model_years",
        ] {
            assert!(
                wrong
                    .iter()
                    .any(|w| w.contains(table) && w.contains("counts they roll up")),
                "{table}: {wrong:?}"
            );
        }
        assert_ne!(s.checkin_weeks(None, d(2027, 1, 1)).unwrap(), before);
        s.rebuild_counts().unwrap();
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        assert_eq!(s.checkin_weeks(None, d(2027, 1, 1)).unwrap(), before);
    }

    #[test]
    fn whole_months_as_whole_years_and_the_months_around_them() {
        use Stretch::{Months, Years};
        let m = |a: &str, b: &str| Months(a.to_string(), b.to_string());
        let y = |a: &str, b: &str| Years(a.to_string(), b.to_string());
        for (first, last, want) in [
            // From the first of all, to the end of a year and to a month inside one.
            (None, d(2025, 12, 1), vec![y("", "2025")]),
            (
                None,
                d(2026, 10, 1),
                vec![y("", "2025"), m("2026-01", "2026-10")],
            ),
            // Months of one year only.
            (
                Some(d(2025, 2, 1)),
                d(2025, 11, 1),
                vec![m("2025-02", "2025-11")],
            ),
            (
                Some(d(2025, 1, 1)),
                d(2025, 11, 1),
                vec![m("2025-01", "2025-11")],
            ),
            (
                Some(d(2025, 2, 1)),
                d(2025, 12, 1),
                vec![m("2025-02", "2025-12")],
            ),
            // Across a new year without a whole year between.
            (
                Some(d(2024, 11, 1)),
                d(2025, 3, 1),
                vec![m("2024-11", "2025-03")],
            ),
            // Whole years, alone and with months before and after.
            (Some(d(2025, 1, 1)), d(2025, 12, 1), vec![y("2025", "2025")]),
            (
                Some(d(2023, 7, 1)),
                d(2026, 2, 1),
                vec![
                    m("2023-07", "2023-12"),
                    y("2024", "2025"),
                    m("2026-01", "2026-02"),
                ],
            ),
            (
                Some(d(2024, 1, 1)),
                d(2026, 2, 1),
                vec![y("2024", "2025"), m("2026-01", "2026-02")],
            ),
            (
                Some(d(2023, 7, 1)),
                d(2025, 12, 1),
                vec![m("2023-07", "2023-12"), y("2024", "2025")],
            ),
        ] {
            assert_eq!(months_and_years(first, last), want, "{first:?} {last}");
        }
    }

    // -----------------------------------------------------------------------------------
    // After any writes, the kept counts answer what reading the entries answers: the
    // queries as they were before the counts were kept are the reference.
    // -----------------------------------------------------------------------------------

    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use crate::model::{
        Action, ActionStatus, CallIn, CallInStatus, Carrying, Details, EntrySummary, Rupture,
    };

    #[derive(Debug, Clone)]
    enum Op {
        Add(Entry),
        /// The `i`th action of the journal to a status (0 open, 1 partly, 2 done).
        ActOn(usize, usize),
        Edit(usize, Entry),
        Trash(usize),
        Restore(usize),
        EmptyTrash,
        Import(usize, Entry),
    }

    fn arb_entry() -> impl Strategy<Value = Entry> {
        (
            0_u64..500,
            0_usize..EntryKind::ALL.len(),
            prop::option::of(0_usize..3),
            prop::collection::vec((0_usize..4, 0_usize..3), 0..4),
            prop::collection::vec(0_usize..5, 0..3),
            prop::option::of((
                prop::option::of(1_u8..=5),
                prop::option::of(1_u8..=5),
                prop::option::of(0_usize..4),
                prop::option::of(0_usize..3),
                prop::option::of(0_usize..3),
            )),
            (
                prop::collection::vec((0_usize..3, prop::option::of(0_u64..60)), 0..3),
                (0_usize..3, prop::option::of(0_usize..3)),
            ),
        )
            .prop_map(
                |(day, kind, model, strengths, tags, checkin, (actions, callin))| {
                    let on = d(2024, 12, 30) + Days::new(day);
                    let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
                    let mut e = Entry::new(EntryKind::ALL[kind], on, at);
                    e.model = model.map(|m| ["gibbs", "kolb", "driscoll"][m].to_string());
                    e.strengths = strengths
                        .into_iter()
                        .map(|(n, w)| {
                            StrengthTag::new(
                                ["listening", "humour", "hope", "curiosity"][n],
                                Whose::ALL[w],
                            )
                        })
                        .collect();
                    e.strengths.sort();
                    e.strengths.dedup();
                    e.tags = tags.into_iter().map(|t| format!("tag{t}")).collect();
                    e.tags.sort();
                    e.tags.dedup();
                    e.checkin = checkin.map(|(mood, energy, load, carrying, helped)| CheckIn {
                        mood,
                        energy,
                        load: load.map(|l| Load::ALL[l]),
                        carrying: carrying.map(|c| Carrying::ALL[c]),
                        helped: helped.map(|h| ["a walk", " ", "tea with D"][h].to_string()),
                        ..CheckIn::default()
                    });
                    e.actions = actions
                        .into_iter()
                        .map(|(status, due)| {
                            let mut a = Action::new("do it", due.map(|n| on + Days::new(n)));
                            a.status = ActionStatus::ALL[status];
                            if a.status == ActionStatus::Done {
                                a.done_on = due.map(|n| on + Days::new(n / 2));
                            }
                            a
                        })
                        .collect();
                    if e.kind == EntryKind::CallIn {
                        e.details = Details::CallIn(CallIn {
                            status: CallInStatus::ALL[callin.0],
                            rupture: callin.1.map(|r| Rupture::ALL[r]),
                            ..CallIn::default()
                        });
                    }
                    e
                },
            )
    }

    fn arb_op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => arb_entry().prop_map(Op::Add),
            2 => (0_usize..100, 0_usize..3).prop_map(|(i, s)| Op::ActOn(i, s)),
            2 => (0_usize..100, arb_entry()).prop_map(|(i, e)| Op::Edit(i, e)),
            2 => (0_usize..100).prop_map(Op::Trash),
            1 => (0_usize..100).prop_map(Op::Restore),
            1 => Just(Op::EmptyTrash),
            1 => (0_usize..100, arb_entry()).prop_map(|(i, e)| Op::Import(i, e)),
        ]
    }

    /// Applies an operation to the `i`th entry ever added (those still there).
    fn apply(s: &mut Store, added: &mut Vec<Entry>, op: Op) {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let rowid = |s: &Store, added: &[Entry], i: usize| {
            let e = added.get(i % added.len().max(1))?;
            s.resolve_id(&e.id.to_string()).ok()
        };
        match op {
            Op::Add(e) => {
                s.insert_entry(&e).unwrap();
                added.push(e);
            }
            Op::Edit(i, new) => {
                if let Some(id) = rowid(s, added, i) {
                    let old = s.entry_by_rowid(id).unwrap();
                    let e = Entry {
                        id: old.id,
                        version: old.version,
                        created_at: old.created_at,
                        deleted_at: old.deleted_at,
                        ..new
                    };
                    s.update_entry(&e, now).unwrap();
                }
            }
            Op::Trash(i) => {
                if let Some(id) = rowid(s, added, i) {
                    s.trash_entry(id, now).unwrap();
                }
            }
            Op::Restore(i) => {
                if let Some(id) = rowid(s, added, i) {
                    s.restore_entry(id).unwrap();
                }
            }
            Op::EmptyTrash => {
                s.empty_trash().unwrap();
            }
            Op::ActOn(i, status) => {
                let all = s.list_actions(crate::store::ActionFilter::All).unwrap();
                if let Some(a) = all.get(i % all.len().max(1)) {
                    s.set_action_status(
                        &a.action.id.to_string(),
                        ActionStatus::ALL[status],
                        None,
                        d(2025, 6, 1),
                        now,
                    )
                    .unwrap();
                }
            }
            Op::Import(i, new) => {
                // A newer version of a known entry, as an import brings it (trashed or not).
                if let Some(id) = rowid(s, added, i) {
                    let old = s.entry_by_rowid(id).unwrap();
                    let e = Entry {
                        id: old.id,
                        created_at: old.created_at,
                        updated_at: now + chrono::TimeDelta::days(1),
                        deleted_at: (i % 3 == 0).then_some(now),
                        ..new
                    };
                    s.import_entries(&[e], &[], false).unwrap();
                }
            }
        }
    }

    /// The week of each day, added up: how the Patterns pane uses the kinds' counts.
    fn by_week(days: &[(NaiveDate, EntryKind, i64)]) -> BTreeMap<(NaiveDate, EntryKind), i64> {
        let mut out = BTreeMap::new();
        for (on, k, n) in days {
            *out.entry((monday(*on), *k)).or_default() += n;
        }
        out.retain(|_, n| *n != 0);
        out
    }

    fn old_kind_counts(
        s: &Store,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> super::super::KindCounts {
        let mut out = super::super::KindCounts::default();
        let mut stmt = s
            .conn
            .prepare(
                "SELECT e.occurred_on, e.kind, e.model, count(*) FROM entries e
                 WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
                 GROUP BY e.occurred_on, e.kind, e.model",
            )
            .unwrap();
        let rows: Vec<(String, String, Option<String>, i64)> = stmt
            .query_map([since.map_or_else(String::new, day), day(until)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (on, kind, model, n) in rows {
            let kind: EntryKind = kind.parse().unwrap();
            out.days
                .push((NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap(), kind, n));
            if kind == EntryKind::Reflection {
                match out.models.iter_mut().find(|(m, _)| *m == model) {
                    Some((_, c)) => *c += n,
                    None => out.models.push((model, n)),
                }
            }
        }
        out.models
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    fn old_strengths(
        s: &Store,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Vec<(String, Whose, i64)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT st.strength, st.whose, count(*)
                 FROM entries e JOIN entry_strengths st ON st.entry_id = e.id
                 WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
                 GROUP BY st.strength, st.whose ORDER BY st.strength, st.whose",
            )
            .unwrap();
        stmt.query_map([since.map_or_else(String::new, day), day(until)], |r| {
            let w: String = r.get(1)?;
            Ok((r.get(0)?, w.parse().unwrap(), r.get(2)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    fn old_checkins(s: &Store, since: Option<NaiveDate>, until: NaiveDate) -> Vec<DayRow> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT e.occurred_on, count(*), total(c.mood), count(c.mood), total(c.energy),
                        count(c.energy), count(CASE WHEN c.load IN ('heavy', 'overloaded') THEN 1 END),
                        count(CASE WHEN c.carrying = 'a-lot' THEN 1 END)
                 FROM entries e JOIN checkins c ON c.entry_id = e.id
                 WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
                 GROUP BY e.occurred_on ORDER BY e.occurred_on",
            )
            .unwrap();
        stmt.query_map([since.map_or_else(String::new, day), day(until)], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    fn old_actions(
        s: &Store,
        since: Option<NaiveDate>,
        until: NaiveDate,
        today: NaiveDate,
    ) -> (i64, i64, i64) {
        s.conn
            .query_row(
                "SELECT (SELECT count(*) FROM actions a JOIN entries e ON e.id = a.entry_id
                         WHERE e.deleted_at IS NULL AND a.status <> 'done'),
                        (SELECT count(*) FROM actions a JOIN entries e ON e.id = a.entry_id
                         WHERE e.deleted_at IS NULL AND a.status <> 'done' AND a.due_on < ?3),
                        (SELECT count(*) FROM actions a JOIN entries e ON e.id = a.entry_id
                         WHERE e.deleted_at IS NULL AND a.status = 'done'
                           AND a.done_on >= ?1 AND a.done_on <= ?2)",
                [since.map_or_else(String::new, day), day(until), day(today)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    }

    fn old_callins(
        s: &Store,
        since: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Vec<(String, String, i64)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT c.status, coalesce(c.rupture, ''), count(*)
                 FROM entries e JOIN callins c ON c.entry_id = e.id
                 WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
                 GROUP BY 1, 2 ORDER BY 1, 2",
            )
            .unwrap();
        stmt.query_map([since.map_or_else(String::new, day), day(until)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    /// Check-ins saying what helped, by month, read from the entries.
    fn old_helped(s: &Store, since: NaiveDate, until: NaiveDate) -> Vec<(String, i64)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT substr(e.occurred_on, 1, 7), count(*)
                 FROM entries e JOIN checkins c ON c.entry_id = e.id
                 WHERE e.deleted_at IS NULL AND e.occurred_on >= ?1 AND e.occurred_on <= ?2
                   AND trim(coalesce(c.helped, '')) <> ''
                 GROUP BY 1 ORDER BY 1",
            )
            .unwrap();
        stmt.query_map([day(since), day(until)], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn old_list(s: &Store, f: &EntryFilter, limit: usize) -> Vec<i64> {
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let wh = super::super::entries::filter_sql(f, &mut args);
        let sql = format!(
            "SELECT e.id FROM entries e WHERE {wh} ORDER BY e.occurred_on DESC, e.id DESC LIMIT {limit}"
        );
        let mut stmt = s.conn.prepare(&sql).unwrap();
        stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// A day's check-ins as the old query read them: day, check-ins, mood total and count,
    /// energy total and count, heavy ones, carrying a lot.
    type DayRow = (String, i64, f64, i64, f64, i64, i64, i64);
    /// The same, added up for a week (heavy: days with one).
    type WeekRow = (i64, f64, i64, f64, i64, i64, i64);

    fn ids(rows: &[EntrySummary]) -> Vec<i64> {
        rows.iter().map(|r| r.rowid).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(48) })]

        #[test]
        fn after_any_writes_the_counts_answer_what_the_entries_answer(
            ops in prop::collection::vec(arb_op(), 1..60),
            periods in prop::collection::vec((prop::option::of(0_u64..520), 0_u64..560), 4),
        ) {
            let mut s = Store::open_in_memory().unwrap();
            let mut added = Vec::new();
            for op in ops {
                apply(&mut s, &mut added, op);
            }
            prop_assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
            for (since, until) in periods {
                let base = d(2024, 12, 20);
                let until = base + Days::new(until);
                let since = since.map(|n| base + Days::new(n)).filter(|s| *s <= until);
                let new = s.kind_counts(since, until).unwrap();
                let old = old_kind_counts(&s, since, until);
                prop_assert_eq!(by_week(&new.days), by_week(&old.days));
                prop_assert_eq!(new.models, old.models);
                prop_assert_eq!(
                    s.strengths_between(since, until).unwrap(),
                    old_strengths(&s, since, until)
                );
                let weeks = s.checkin_weeks(since, until).unwrap();
                let mut old: BTreeMap<NaiveDate, WeekRow> = BTreeMap::new();
                for (on, n, mood, moods, energy, energies, heavy, a_lot) in old_checkins(&s, since, until) {
                    let w = old.entry(monday(NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap())).or_default();
                    w.0 += n;
                    w.1 += mood;
                    w.2 += moods;
                    w.3 += energy;
                    w.4 += energies;
                    w.5 += i64::from(heavy > 0);
                    w.6 += a_lot;
                }
                let avg = |sum: f64, n: i64| (n > 0).then(|| sum / n as f64);
                let old: Vec<_> = old
                    .into_iter()
                    .map(|(w, o)| (w, o.0, avg(o.1, o.2), avg(o.3, o.4), o.5, o.6))
                    .collect();
                let new: Vec<_> = weeks
                    .iter()
                    .map(|w| (w.week, w.checkins, w.mood, w.energy, w.heavy_days, w.carrying_a_lot))
                    .collect();
                prop_assert_eq!(new, old);
                let a = s.action_counts(since, until, until).unwrap();
                prop_assert_eq!(
                    (a.open, a.overdue, a.done_in_period),
                    old_actions(&s, since, until, until)
                );
                prop_assert_eq!(s.callin_counts(since, until).unwrap(), old_callins(&s, since, until));
                let helped: Vec<(String, i64)> = s
                    .sustain_months(since.unwrap_or(base), until)
                    .unwrap()
                    .into_iter()
                    .filter(|m| m.helped > 0)
                    .map(|m| (m.month, m.helped))
                    .collect();
                prop_assert_eq!(helped, old_helped(&s, since.unwrap_or(base), until));
                let heavy = s.heavy_days(since.unwrap_or(base), until).unwrap();
                let old_heavy = old_checkins(&s, Some(since.unwrap_or(base)), until)
                    .iter()
                    .filter(|d| d.6 > 0)
                    .count() as i64;
                prop_assert_eq!(heavy, old_heavy);
                for f in [
                    EntryFilter { tag: Some("tag1".into()), since, until: Some(until), ..EntryFilter::default() },
                    EntryFilter { strength: Some("hope".into()), ..EntryFilter::default() },
                    EntryFilter { tag: Some("tag2".into()), strength: Some("humour".into()), trashed: true, ..EntryFilter::default() },
                    EntryFilter { kind: Some(EntryKind::Reflection), ..EntryFilter::default() },
                    EntryFilter { trashed: true, ..EntryFilter::default() },
                ] {
                    let page = s.list_entries(&f, None, 7).unwrap();
                    prop_assert_eq!(ids(&page), old_list(&s, &f, 7));
                    // The next page from the last row.
                    if let Some(last) = page.last() {
                        let next = s.list_entries(&f, Some((last.occurred_on, last.rowid)), 500).unwrap();
                        let all = old_list(&s, &f, 500);
                        prop_assert_eq!(ids(&next), all[page.len()..].to_vec());
                    }
                    let counted: i64 = s.count_entries(&f).unwrap();
                    prop_assert_eq!(counted, old_list(&s, &f, 100_000).len() as i64);
                }
            }
        }
    }
}
