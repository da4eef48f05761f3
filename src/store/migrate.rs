//! Schema migrations: numbered SQL files built into the binary, applied one transaction
//! per step, with a backup of an existing journal taken first.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, StoreError};

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order. Append-only: a released step is never edited.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../../assets/schema/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "live entries index",
        sql: include_str!("../../assets/schema/0002_live_entries_index.sql"),
    },
    Migration {
        version: 3,
        name: "indexes for a long journal",
        sql: include_str!("../../assets/schema/0003_indexes_for_a_long_journal.sql"),
    },
    Migration {
        version: 4,
        name: "draft writers",
        sql: include_str!("../../assets/schema/0004_draft_writers.sql"),
    },
    Migration {
        version: 5,
        name: "practice with others",
        sql: include_str!("../../assets/schema/0005_practice_with_others.sql"),
    },
    Migration {
        version: 6,
        name: "counts kept as written",
        sql: include_str!("../../assets/schema/0006_counts_kept_as_written.sql"),
    },
    Migration {
        version: 7,
        name: "helped kept by day",
        sql: include_str!("../../assets/schema/0007_helped_kept_by_day.sql"),
    },
    Migration {
        version: 8,
        name: "roll-ups by week, month and year",
        sql: include_str!("../../assets/schema/0008_rollups_by_week_month_year.sql"),
    },
    Migration {
        version: 9,
        name: "counts kept by day",
        sql: include_str!("../../assets/schema/0009_counts_kept_by_day.sql"),
    },
];

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = 9;

const _: () = assert!(MIGRATIONS[MIGRATIONS.len() - 1].version == LATEST_VERSION);

/// Brings the journal from `current` to the last of `migrations`.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: Option<&Path>,
    unlock: &super::Unlock,
    current: i64,
    migrations: &[Migration],
) -> Result<()> {
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(());
    }
    if current > 0
        && let Some(path) = path
    {
        let to = backup_path(path, current);
        super::backups::backup_to(conn, unlock, &to)?;
    }
    // Every pending step and the new version in one transaction: a journal is at one
    // version or the next, never in between, even if praxis is killed half way. Take the
    // write lock first, then look again: another praxis opening the same journal at the
    // same moment may have applied some steps already.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let applied: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut version = applied;
    for m in pending.into_iter().filter(|m| m.version > applied) {
        tx.execute_batch(m.sql).map_err(|e| {
            StoreError::Damaged(format!("migration {} ({}) failed: {e}", m.version, m.name))
        })?;
        version = m.version;
    }
    if version > applied {
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// `journal.sqlite3` → `journal.before-v2-20261123T101500.sqlite3`, beside it.
fn backup_path(path: &Path, version: i64) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "journal".into(), |s| s.to_string_lossy().into_owned());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    path.with_file_name(format!("{stem}.before-v{}-{stamp}.sqlite3", version + 1))
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;

    #[test]
    fn migrating_an_existing_journal_backs_it_up_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1], &crate::store::Unlock::Plain).unwrap());
        let v2 = [
            MIGRATIONS[0],
            Migration {
                version: 2,
                name: "test",
                sql: "CREATE TABLE extra (x INTEGER);",
            },
        ];
        let s = Store::open_with(&path, &v2, &crate::store::Unlock::Plain).unwrap();
        assert_eq!(s.schema_version().unwrap(), 2);
        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| {
                let n = e.unwrap().file_name().to_string_lossy().into_owned();
                n.contains(".before-v2-").then_some(n)
            })
            .collect();
        assert_eq!(backups.len(), 1, "{backups:?}");
        let b = Connection::open(dir.path().join(&backups[0])).unwrap();
        let v: i64 = b
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
    }

    #[test]
    fn a_version_1_journal_is_brought_up_to_date_with_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1], &crate::store::Unlock::Plain).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let index: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'entries_live_kinds'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index, 1);
        assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".before-v2-")
        }));
    }

    /// A journal brought up to date one step at a time has the schema of a new one, by
    /// `praxis doctor`'s check (which compares with every step applied at once).
    #[test]
    fn a_journal_brought_up_to_date_has_the_schema_of_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        for from in 1..MIGRATIONS.len() {
            let path = dir.path().join(format!("v{from}.sqlite3"));
            drop(
                Store::open_with(&path, &MIGRATIONS[..from], &crate::store::Unlock::Plain).unwrap(),
            );
            drop(Store::open(&path).unwrap());
            let found = crate::store::diagnose(&path, &crate::store::Unlock::Plain);
            let schema = found.iter().find(|f| f.check == "schema").unwrap();
            assert!(schema.ok, "from version {from}: {}", schema.detail);
        }
    }

    /// `praxis doctor --rebuild-index` makes a missing index again from its SQL; none is
    /// UNIQUE (ids are unique by their tables' constraints), so none can fail on rows
    /// that hold the same value twice.
    #[test]
    fn no_index_praxis_makes_by_its_own_sql_is_unique() {
        for m in MIGRATIONS {
            assert!(
                !m.sql.to_ascii_uppercase().contains("UNIQUE INDEX"),
                "{}",
                m.name
            );
        }
    }

    #[test]
    fn a_failing_step_leaves_the_journal_at_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1], &crate::store::Unlock::Plain).unwrap());
        let bad = [
            MIGRATIONS[0],
            Migration {
                version: 2,
                name: "broken",
                sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;",
            },
        ];
        let err = Store::open_with(&path, &bad, &crate::store::Unlock::Plain).unwrap_err();
        assert!(err.to_string().contains("migration 2 (broken)"), "{err}");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        let half: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0);
    }

    #[test]
    fn a_version_3_journals_drafts_are_kept_and_belong_to_nobody_yet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let old = Store::open_with(&path, &MIGRATIONS[..3], &crate::store::Unlock::Plain).unwrap();
        old.conn
            .execute(
                "INSERT INTO drafts (data, updated_at) VALUES ('{}', '2026-03-18T20:00:00Z')",
                [],
            )
            .unwrap();
        drop(old);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let d = s.drafts().unwrap();
        assert_eq!((d.len(), d[0].data.as_str()), (1, "{}"));
        assert_eq!(d[0].writer, None);
    }

    #[test]
    fn a_version_6_journal_counts_the_check_ins_that_said_what_helped() {
        use chrono::{NaiveDate, TimeZone as _, Utc};

        use crate::model::{CheckIn, Entry, EntryKind};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut old =
            Store::open_with(&path, &MIGRATIONS[..6], &crate::store::Unlock::Plain).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        for (n, helped) in [Some("a walk"), Some(" "), None, Some("tea"), Some("music")]
            .into_iter()
            .enumerate()
        {
            let mut e = Entry::new(
                EntryKind::CheckIn,
                day(1 + u32::try_from(n).unwrap() % 2),
                at,
            );
            e.checkin = Some(CheckIn {
                mood: Some(3),
                helped: helped.map(str::to_string),
                ..CheckIn::default()
            });
            old.insert_entry(&e).unwrap();
        }
        drop(old);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let helped: Vec<(String, i64)> = s
            .conn
            .prepare("SELECT day, helped FROM count_checkin_days ORDER BY day")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // Days 1 (a walk, nothing, music) and 2 (spaces, tea).
        assert_eq!(
            helped,
            [("2026-03-01".to_string(), 2), ("2026-03-02".to_string(), 1)]
        );
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
    }

    /// A version 7 journal's counts are rolled up by week, month and year as it is
    /// brought to version 8, and its Patterns read them to the same answers.
    #[test]
    fn a_version_7_journal_gets_its_counts_rolled_up() {
        use chrono::{NaiveDate, TimeZone as _, Utc};

        use crate::model::{
            Action, ActionStatus, CheckIn, Entry, EntryKind, Load, StrengthTag, Whose,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut old =
            Store::open_with(&path, &MIGRATIONS[..7], &crate::store::Unlock::Plain).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap();
        let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // Two years and a bit, a check-in every fourth day (every other one heavy), a
        // reflection every ninth, a trashed entry every seventh.
        for n in 0..220_u32 {
            let on = d(2023, 11, 27) + chrono::Days::new(u64::from(n) * 4);
            let kind = if n % 9 == 0 {
                EntryKind::Reflection
            } else {
                EntryKind::CheckIn
            };
            let mut e = Entry::new(kind, on, at);
            e.model = (n % 2 == 0).then(|| "gibbs".to_string());
            e.strengths = vec![StrengthTag::new(
                ["hope", "listening"][n as usize % 2],
                [Whose::Mine, Whose::Team][n as usize % 3 % 2],
            )];
            e.checkin = (kind == EntryKind::CheckIn).then(|| CheckIn {
                mood: Some(u8::try_from(1 + n % 5).unwrap()),
                load: Some(if n % 2 == 0 { Load::Heavy } else { Load::Light }),
                helped: (n % 3 == 0).then(|| "a walk".to_string()),
                ..CheckIn::default()
            });
            let mut a = Action::new("call back", Some(on + chrono::Days::new(10)));
            if n % 4 == 0 {
                a.status = ActionStatus::Done;
                a.done_on = Some(on + chrono::Days::new(3));
            }
            e.actions = vec![a];
            if n % 7 == 0 {
                e.deleted_at = Some(at);
            }
            old.insert_entry(&e).unwrap();
        }
        drop(old);
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        let rows = |table: &str| -> i64 {
            s.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        for table in [
            "count_checkin_weeks",
            "count_action_months",
            "count_strength_years",
            "count_model_years",
        ] {
            assert!(rows(table) > 0, "{table}");
        }
        // 2023 to 2026, each year two strengths, each mine and the team's.
        assert_eq!(rows("count_strength_years"), 4 * 2 * 2);
        // All time, and a period from mid-week, mid-month, across two new years: whole
        // weeks, months and years from the roll-ups, the rest from the days; the same as
        // the check-ins' days added up by hand.
        for (since, until) in [
            (None, d(2026, 6, 30)),
            (Some(d(2023, 12, 13)), d(2026, 2, 11)),
            (Some(d(2024, 1, 1)), d(2025, 12, 31)),
        ] {
            let weeks = s.checkin_weeks(since, until).unwrap();
            let from = since.unwrap_or(d(2000, 1, 1));
            let (mut heavy, mut checkins) = (0, 0);
            let mut n_weeks = std::collections::BTreeSet::new();
            for n in 0..220_u32 {
                let on = d(2023, 11, 27) + chrono::Days::new(u64::from(n) * 4);
                if n % 9 != 0 && n % 7 != 0 && on >= from && on <= until {
                    checkins += 1;
                    heavy += i64::from(n % 2 == 0);
                    n_weeks.insert(super::super::counts::monday(on));
                }
            }
            assert_eq!(weeks.iter().map(|w| w.checkins).sum::<i64>(), checkins);
            // Check-ins four days apart: never two heavy days in a week.
            assert_eq!(weeks.iter().map(|w| w.heavy_days).sum::<i64>(), heavy);
            assert_eq!(
                weeks.iter().map(|w| w.week).collect::<Vec<_>>(),
                n_weeks.into_iter().collect::<Vec<_>>()
            );
            let strengths: i64 = s
                .strengths_between(since, until)
                .unwrap()
                .iter()
                .map(|x| x.2)
                .sum();
            let live = (0..220_u32)
                .filter(|n| {
                    let on = d(2023, 11, 27) + chrono::Days::new(u64::from(*n) * 4);
                    n % 7 != 0 && on >= from && on <= until
                })
                .count();
            assert_eq!(strengths, i64::try_from(live).unwrap());
        }
    }

    /// A version 8 journal's entries, strengths and call-ins are counted by day as it is
    /// brought to version 9, and every kind of write after keeps those counts.
    #[test]
    fn a_version_8_journal_gets_its_counts_by_day() {
        use chrono::{NaiveDate, TimeZone as _, Utc};

        use crate::model::{
            CallIn, CallInStatus, Details, Entry, EntryKind, Rupture, StrengthTag, Whose,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut old =
            Store::open_with(&path, &MIGRATIONS[..8], &crate::store::Unlock::Plain).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap();
        let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut added = Vec::new();
        // Three entries a day for forty days: a reflection, a call-in, a check-in.
        for n in 0..120_u32 {
            let on = d(2026, 1, 20) + chrono::Days::new(u64::from(n / 3));
            let kind =
                [EntryKind::Reflection, EntryKind::CallIn, EntryKind::CheckIn][n as usize % 3];
            let mut e = Entry::new(kind, on, at);
            e.model = (kind == EntryKind::Reflection && n % 2 == 0).then(|| "gibbs".to_string());
            e.strengths = vec![StrengthTag::new(
                ["hope", "listening"][n as usize % 2],
                [Whose::Mine, Whose::Team][n as usize % 5 % 2],
            )];
            if kind == EntryKind::CallIn {
                e.details = Details::CallIn(CallIn {
                    status: CallInStatus::ALL[n as usize % CallInStatus::ALL.len()],
                    rupture: [None, Some(Rupture::Withdrawal)][n as usize % 2],
                    ..CallIn::default()
                });
            }
            if n % 11 == 0 {
                e.deleted_at = Some(at);
            }
            old.insert_entry(&e).unwrap();
            added.push(e);
        }
        // Read as it is (as `praxis doctor` reads it), its counts agree with its entries:
        // those it does not have yet are not looked for.
        assert_eq!(old.count_mismatches().unwrap(), Vec::<String>::new());
        drop(old);
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        let rows = |s: &Store, table: &str| -> i64 {
            s.conn
                .query_row(
                    &format!("SELECT count(*) FROM {table} WHERE n <> 0"),
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        // A row for each live entry: each of a day's three is of a kind of its own (11
        // of the 120 are in the trash).
        assert_eq!(rows(&s, "count_entry_days"), 120 - 11);
        assert!(
            rows(&s, "count_strength_days") >= 40,
            "{}",
            rows(&s, "count_strength_days")
        );
        assert!(
            rows(&s, "count_callin_days") >= 30,
            "{}",
            rows(&s, "count_callin_days")
        );
        // After the migration, the triggers keep them: an entry moved to another day,
        // one with its strengths and call-in changed, one trashed, two deleted.
        let rowid = |s: &Store, n: usize| s.resolve_id(&added[n].short_id()).unwrap();
        let mut moved = s.entry_by_rowid(rowid(&s, 1)).unwrap();
        moved.occurred_on = d(2026, 4, 2);
        s.update_entry(&moved, at).unwrap();
        let mut changed = s.entry_by_rowid(rowid(&s, 4)).unwrap();
        changed.strengths = vec![StrengthTag::new("courage", Whose::Team)];
        changed.details = Details::CallIn(CallIn {
            status: CallInStatus::ALL[0],
            rupture: Some(Rupture::Withdrawal),
            ..CallIn::default()
        });
        s.update_entry(&changed, at).unwrap();
        assert!(s.trash_entry(rowid(&s, 7), at).unwrap());
        assert!(s.trash_entry(rowid(&s, 10), at).unwrap());
        assert!(s.delete_for_good(rowid(&s, 10)).unwrap());
        assert!(s.delete_for_good(rowid(&s, 22)).unwrap());
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn a_version_2_journal_gets_the_indexes_for_a_long_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..2], &crate::store::Unlock::Plain).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        let has = |name: &str| -> bool {
            s.conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                    [name],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                == 1
        };
        assert!(has("entries_live_kinds"));
        assert!(!has("entries_live"), "replaced by entries_live_kinds");
        let buffer: i64 = s
            .conn
            .query_row(
                "SELECT v FROM entries_fts_config WHERE k = 'hashsize'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(buffer, 32 << 20);
        assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".before-v3-")
        }));
    }

    #[test]
    fn a_version_3_journal_takes_the_practice_kinds_and_keeps_its_entries() {
        use crate::model::{
            Details, Direction, Entry, EntryKind, Recognition, Said, StrengthTag, SubjectType,
            Whose,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 2, 9, 0, 0).unwrap();
        let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut old = Entry::new(EntryKind::Reflection, on, now);
        old.title = "Before".into();
        old.strengths = vec![StrengthTag::new("listening", Whose::Team)];
        {
            let mut s =
                Store::open_with(&path, &MIGRATIONS[..3], &crate::store::Unlock::Plain).unwrap();
            // Its strength as version 3 wrote it (without the day later versions keep).
            s.insert_entry(&Entry {
                strengths: Vec::new(),
                ..old.clone()
            })
            .unwrap();
            s.conn
                .execute(
                    "INSERT INTO entry_strengths (entry_id, strength, whose)
                     SELECT id, 'listening', 'team' FROM entries",
                    [],
                )
                .unwrap();
            s.add_subject("YP-A", SubjectType::Person, now).unwrap();
        }
        // Another praxis has the journal open while it is migrated: it must see the new
        // constraints too before its next statement.
        let other = Connection::open(&path).unwrap();
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(
            s.entry_by_rowid(s.resolve_id(&old.short_id()).unwrap())
                .unwrap(),
            {
                let mut o = old.clone();
                o.version = 1;
                o
            }
        );
        let mut r = Entry::new(EntryKind::Recognition, on, now);
        r.title = "Thanks".into();
        r.strengths = vec![StrengthTag::new("reliability", Whose::Colleague)];
        r.details = Details::Recognition(Recognition {
            direction: Direction::Given,
            subject: "peer-B".into(),
            said: Said::NotYet,
            said_on: None,
        });
        s.insert_entry(&r).unwrap();
        s.add_subject("peer-C", SubjectType::Colleague, now)
            .unwrap();
        other
            .execute(
                "INSERT INTO subjects (key, type, created_at) VALUES ('peer-D', 'colleague', 'x')",
                [],
            )
            .unwrap();
        // The widened lists still refuse what is not in them.
        let refused = s.conn.execute(
            "UPDATE entries SET kind = 'diary' WHERE uuid = ?1",
            [r.id.to_string()],
        );
        assert!(refused.unwrap_err().to_string().contains("CHECK"));
        let check: String = s
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".before-v4-")
        }));
    }

    #[test]
    fn a_version_5_journal_of_every_kind_gets_its_counts_and_tag_days() {
        use crate::model::{Details, Direction, Entry, EntryKind, Recognition, Said};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 2, 9, 0, 0).unwrap();
        {
            let mut s =
                Store::open_with(&path, &MIGRATIONS[..5], &crate::store::Unlock::Plain).unwrap();
            for (i, kind) in EntryKind::ALL.iter().enumerate() {
                let on = chrono::NaiveDate::from_ymd_opt(2025, 1 + (i % 12) as u32, 3).unwrap();
                let mut e = Entry::new(*kind, on, now);
                e.title = format!("{kind} {i}");
                if *kind == EntryKind::Recognition {
                    e.details = Details::Recognition(Recognition {
                        direction: Direction::Given,
                        subject: "peer-B".into(),
                        said: Said::NotYet,
                        said_on: None,
                    });
                }
                let id = s.insert_entry(&e).unwrap();
                // Tags and strengths as version 5 wrote them: without their entry's day.
                s.conn
                    .execute(
                        "INSERT INTO entry_tags (entry_id, tag) VALUES (?1, 'handover')",
                        [id],
                    )
                    .unwrap();
                s.conn
                    .execute(
                        "INSERT INTO entry_strengths (entry_id, strength, whose)
                         VALUES (?1, 'listening', 'mine')",
                        [id],
                    )
                    .unwrap();
                if i % 3 == 0 {
                    s.trash_entry(id, now).unwrap();
                }
            }
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(s.count_mismatches().unwrap(), Vec::<String>::new());
        let undated: i64 = s
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM entry_tags WHERE occurred_on IS NULL)
                      + (SELECT count(*) FROM entry_strengths WHERE occurred_on IS NULL)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(undated, 0);
        let all = EntryKind::ALL.len() as i64;
        let trashed = (all + 2) / 3;
        let live = crate::store::EntryFilter::default();
        assert_eq!(s.count_entries(&live).unwrap(), all - trashed);
        let tagged = crate::store::EntryFilter {
            tag: Some("handover".into()),
            ..crate::store::EntryFilter::default()
        };
        assert_eq!(
            s.list_entries(&tagged, None, 100).unwrap().len() as i64,
            all - trashed
        );
    }

    #[test]
    fn steps_are_applied_all_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        drop(Store::open_with(&path, &MIGRATIONS[..1], &crate::store::Unlock::Plain).unwrap());
        let bad = [
            MIGRATIONS[0],
            MIGRATIONS[1],
            Migration {
                version: 3,
                name: "broken",
                sql: "THIS IS NOT SQL;",
            },
        ];
        let err = Store::open_with(&path, &bad, &crate::store::Unlock::Plain).unwrap_err();
        assert!(err.to_string().contains("migration 3 (broken)"), "{err}");
        let c = Connection::open(&path).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "step 2 is not kept without step 3");
    }
}
