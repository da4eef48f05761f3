//! Patterns over time on a journal whose right answers are known by construction,
//! through `insights` and through `praxis stats --json`.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use crate::common;

use std::path::Path;

use chrono::{NaiveDate, TimeZone as _, Utc};
use praxis::config::catalog::Catalog;
use praxis::insights::{self, Period, Trend};
use praxis::model::{
    Action, ActionStatus, CallIn, CallInStatus, CheckIn, Details, Entry, EntryKind, Load, Rupture,
    Stage, StageNote, StrengthTag, Whose,
};
use praxis::store::Store;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(3, 18)
}

fn entry(kind: EntryKind, on: NaiveDate, title: &str) -> Entry {
    let mut e = Entry::new(
        kind,
        on,
        Utc.with_ymd_and_hms(2026, 3, 18, 12, 0, 0).unwrap(),
    );
    e.title = title.into();
    e
}

fn stage(on: NaiveDate, s: Stage) -> Entry {
    let mut e = entry(EntryKind::StageNote, on, "stage");
    e.model = Some("stage-note".into());
    e.details = Details::StageNote(StageNote {
        subject: "YP-A".into(),
        topic: "smoking".into(),
        stage: s,
        certainty: None,
        mi_process: None,
        change_talk: Vec::new(),
        importance: None,
        confidence: None,
        review_on: None,
    });
    e
}

/// The known journal. In the last 4 weeks (2026-02-19 to 2026-03-18), by week (Monday):
/// 02-16: 2 reflections and a stage note; 02-23: a reflection, a check-in and the stage
/// note of Sunday 03-01; 03-02: nothing; 03-09: 3 reflections, 3 heavy check-ins and a
/// stage note; 03-16: a CPD record.
fn build(path: &Path) -> Store {
    let mut s = Store::open(path).unwrap();
    let strengths = |e: &mut Entry, tags: &[(&str, Whose)]| {
        e.strengths = tags.iter().map(|(n, w)| StrengthTag::new(*n, *w)).collect();
    };
    // The period before: listening once, advocacy twice.
    let mut b1 = entry(EntryKind::Reflection, d(2, 1), "before one");
    strengths(
        &mut b1,
        &[("listening", Whose::Mine), ("advocacy", Whose::Mine)],
    );
    let mut b2 = entry(EntryKind::Reflection, d(2, 2), "before two");
    strengths(&mut b2, &[("advocacy", Whose::Person)]);
    // This period.
    let mut r1 = entry(EntryKind::Reflection, d(2, 19), "rota again");
    r1.model = Some("gibbs".into());
    strengths(&mut r1, &[("listening", Whose::Mine)]);
    let mut r2 = entry(EntryKind::Reflection, d(2, 20), "second");
    strengths(&mut r2, &[("listening", Whose::Person)]);
    let r3 = entry(EntryKind::Reflection, d(2, 24), "third");
    let mut c1 = entry(EntryKind::CheckIn, d(2, 25), "check-in");
    c1.checkin = Some(CheckIn {
        mood: Some(4),
        energy: Some(4),
        load: Some(Load::Light),
        ..CheckIn::default()
    });
    let mut r4 = entry(EntryKind::Reflection, d(3, 9), "the rota was hard");
    r4.model = Some("gibbs".into());
    strengths(
        &mut r4,
        &[("listening", Whose::Mine), ("humour", Whose::Team)],
    );
    r4.actions = vec![
        Action::new("overdue one", Some(d(3, 1))),
        Action::new("not yet due", Some(d(3, 30))),
        {
            let mut a = Action::new("done one", Some(d(3, 4)));
            a.status = ActionStatus::Done;
            a.done_on = Some(d(3, 5));
            a
        },
    ];
    let r5 = entry(EntryKind::Reflection, d(3, 10), "rota rota");
    let r6 = entry(EntryKind::Reflection, d(3, 11), "quiet");
    let mut heavy = Vec::new();
    for day in [9, 10, 11] {
        let mut c = entry(EntryKind::CheckIn, d(3, day), "heavy");
        c.checkin = Some(CheckIn {
            mood: Some(2),
            energy: Some(1),
            load: Some(Load::Heavy),
            ..CheckIn::default()
        });
        heavy.push(c);
    }
    let cpd = entry(EntryKind::Cpd, d(3, 16), "course");
    for e in [b1, b2, r1, r2, r3, c1, r4, r5, r6, cpd]
        .iter()
        .chain(heavy.iter())
    {
        s.insert_entry(e).unwrap();
    }
    for (on, st) in [
        (d(2, 20), Stage::Contemplation),
        (d(3, 1), Stage::Action),
        (d(3, 10), Stage::Contemplation),
    ] {
        s.insert_entry(&stage(on, st)).unwrap();
    }
    s
}

#[test]
fn the_known_journal_through_insights() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(&dir.path().join("j.sqlite3"));
    let cat = Catalog::builtin();
    let p = Period::named("4w", today()).unwrap();
    let ins = insights::compute(&store, &cat, &p, today()).unwrap();

    let weeks: Vec<(NaiveDate, i64)> = ins.weeks.iter().map(|w| (w.week, w.total)).collect();
    assert_eq!(
        weeks,
        [
            (d(2, 16), 3),
            (d(2, 23), 3),
            (d(3, 2), 0),
            (d(3, 9), 7),
            (d(3, 16), 1)
        ]
    );
    assert_eq!(ins.entries, 14);
    assert_eq!(ins.by_kind["reflection"], 6);
    assert_eq!(ins.by_kind["check-in"], 4);
    assert_eq!(ins.weeks[3].by_kind["stage-note"], 1);
    let gibbs = ins.models.iter().find(|m| m.model == "gibbs").unwrap();
    assert_eq!(gibbs.count, 2);

    let listening = ins
        .strengths
        .iter()
        .find(|s| s.name == "listening")
        .unwrap();
    assert_eq!(
        (listening.total, listening.mine, listening.person),
        (3, 2, 1)
    );
    assert_eq!((listening.before, listening.trend), (Some(1), Trend::Up));
    let humour = ins.strengths.iter().find(|s| s.name == "humour").unwrap();
    assert_eq!((humour.team, humour.trend), (1, Trend::New));
    assert_eq!(ins.strengths_new, ["humour"]);
    assert_eq!(ins.strengths_gone, ["advocacy"]);
    let relating = ins.groups.iter().find(|g| g.group == "Relating").unwrap();
    assert_eq!((relating.total, relating.before), (4, Some(1)));

    assert_eq!(ins.checkins.checkins, 4);
    assert_eq!(ins.checkins.heavy_days, 3);
    assert!(ins.checkins.heavy_persists);
    let heavy_week = ins
        .checkins
        .weeks
        .iter()
        .find(|w| w.week == d(3, 9))
        .unwrap();
    assert_eq!((heavy_week.heavy_days, heavy_week.mood), (3, Some(2.0)));

    assert_eq!(ins.stages.len(), 1);
    let t = &ins.stages[0];
    let path: Vec<Stage> = t.points.iter().map(|p| p.stage).collect();
    assert_eq!(
        path,
        [Stage::Contemplation, Stage::Action, Stage::Contemplation]
    );
    assert_eq!(t.moves_back, 1);

    assert_eq!(
        (
            ins.actions.open,
            ins.actions.overdue,
            ins.actions.done_in_period
        ),
        (2, 1, 1)
    );
    // "rota" recurs in the heavy week and not in the light one.
    assert!(
        ins.words
            .heavy_words
            .iter()
            .any(|(w, h, l)| w == "rota" && *h == 2 && *l == 0),
        "{:?}",
        ins.words
    );
}

#[test]
fn the_same_answers_through_praxis_stats_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.sqlite3");
    drop(build(&db));
    let out = common::praxis_db(&db)
        .args(["stats", "--json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["entries"], 14);
    assert_eq!(v["period"]["since"], "2026-02-19");
    let totals: Vec<i64> = v["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["total"].as_i64().unwrap())
        .collect();
    assert_eq!(totals, [3, 3, 0, 7, 1]);
    let listening = v["strengths"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "listening")
        .unwrap();
    assert_eq!(
        (listening["total"].as_i64(), listening["trend"].as_str()),
        (Some(3), Some("up"))
    );
    assert_eq!(v["stages"][0]["moves_back"], 1);
    assert_eq!(v["actions"]["overdue"], 1);
    assert_eq!(v["checkins"]["heavy_persists"], true);
    // The readable summary says the same, with the signpost and no score.
    let text = common::praxis_db(&db)
        .args(["stats", "--period", "all"])
        .assert()
        .success();
    let text = String::from_utf8(text.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Patterns, all time"), "{text}");
    assert!(text.contains("Restorative supervision"), "{text}");
    assert!(text.contains("moved back once"), "{text}");
    assert!(!text.to_lowercase().contains("score:"), "{text}");
}

#[test]
fn empty_and_single_entry_journals_are_sensible() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let cat = Catalog::builtin();
    for name in ["4w", "quarter", "year", "all"] {
        let p = Period::named(name, today()).unwrap();
        let ins = insights::compute(&s, &cat, &p, today()).unwrap();
        assert_eq!(ins.entries, 0);
        assert!(!ins.checkins.heavy_persists);
    }
    s.insert_entry(&entry(EntryKind::Reflection, d(3, 18), "only one"))
        .unwrap();
    let ins =
        insights::compute(&s, &cat, &Period::named("all", today()).unwrap(), today()).unwrap();
    assert_eq!(ins.weeks.len(), 1);
    assert_eq!(ins.weeks[0].total, 1);
    assert!(Period::between(Some("2026-03-20"), Some("2026-03-01"), today()).is_err());
}

#[test]
fn decades_of_heavy_weeks_stay_a_bounded_query() {
    // 1,200 weeks with two heavy days each: more weeks than SQLite allows terms in one
    // expression, so the word counts must not put them all in one query.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let mut batch = Vec::new();
    let mut on = d(3, 16);
    for _ in 0..1200 {
        for back in 0..2 {
            let day = on.checked_sub_days(chrono::Days::new(back)).unwrap();
            let mut c = entry(EntryKind::CheckIn, day, "heavy rota week");
            c.checkin = Some(CheckIn {
                load: Some(Load::Heavy),
                ..CheckIn::default()
            });
            batch.push(c);
        }
        on = on.checked_sub_days(chrono::Days::new(7)).unwrap();
    }
    s.insert_entries(&batch).unwrap();
    let ins = insights::compute(
        &s,
        &Catalog::builtin(),
        &Period::named("all", today()).unwrap(),
        today(),
    )
    .unwrap();
    assert_eq!(ins.checkins.heavy_days, 2400);
    assert_eq!(ins.words.heavy_weeks, 400);
    // Every heavy week's entries say "heavy rota week": the sample found them.
    assert!(
        ins.words
            .heavy_words
            .iter()
            .any(|(w, h, _)| w == "rota" && *h == 400),
        "{:?}",
        ins.words
    );
}

#[test]
fn all_time_leaves_out_the_trash_and_the_future_like_any_period() {
    // "All time" counts a journal's parts from their own tables and subtracts the
    // entries outside the period; a dated period starts from its entries. On a journal
    // with a trash and entries dated after "today", both must give the same answers.
    let dir = tempfile::tempdir().unwrap();
    let mut s = build(&dir.path().join("j.sqlite3"));
    let mut extra = Vec::new();
    for (on, title) in [
        (d(1, 5), "trashed"),
        (d(4, 2), "future"),
        (d(3, 12), "kept"),
    ] {
        let mut e = entry(EntryKind::Reflection, on, title);
        e.model = Some("gibbs".into());
        e.strengths = vec![
            StrengthTag::new("listening", Whose::Mine),
            StrengthTag::new("advocacy", Whose::Team),
        ];
        e.checkin = Some(CheckIn {
            mood: Some(1),
            load: Some(Load::Overloaded),
            ..CheckIn::default()
        });
        e.actions = vec![Action::new(format!("{title} action"), Some(d(3, 2)))];
        extra.push(e);
        let mut c = entry(EntryKind::CallIn, on, title);
        c.details = Details::CallIn(CallIn {
            status: CallInStatus::Held,
            rupture: Some(Rupture::Withdrawal),
            ..CallIn::default()
        });
        extra.push(c);
    }
    for e in &extra {
        s.insert_entry(e).unwrap();
    }
    for e in &extra[..2] {
        let trashed = s.resolve_id(&e.id.to_string()).unwrap();
        s.trash_entry(
            trashed,
            Utc.with_ymd_and_hms(2026, 3, 18, 13, 0, 0).unwrap(),
        )
        .unwrap();
    }
    let cat = Catalog::builtin();
    let all =
        insights::compute(&s, &cat, &Period::named("all", today()).unwrap(), today()).unwrap();
    let dated = Period::between(Some("2000-01-01"), None, today()).unwrap();
    let from_2000 = insights::compute(&s, &cat, &dated, today()).unwrap();
    assert_eq!(all.entries, from_2000.entries);
    assert_eq!(
        all.entries,
        16 + 2,
        "the trashed ones are out, the future ones too"
    );
    assert_eq!(all.by_kind, from_2000.by_kind);
    assert_eq!(all.models, from_2000.models);
    let totals = |i: &insights::Insights| -> Vec<(String, i64, i64, i64)> {
        i.strengths
            .iter()
            .map(|u| (u.name.clone(), u.mine, u.person, u.team))
            .collect()
    };
    assert_eq!(totals(&all), totals(&from_2000));
    let listening = all
        .strengths
        .iter()
        .find(|u| u.name == "listening")
        .unwrap();
    assert_eq!(
        listening.total,
        4 + 1,
        "the known journal's and the kept one"
    );
    assert_eq!(all.checkins.weeks, from_2000.checkins.weeks);
    assert_eq!(all.checkins.checkins, 5);
    assert_eq!(all.stages, from_2000.stages);
    assert_eq!(all.callins, from_2000.callins);
    assert_eq!(all.callins.by_status["held"], 1, "the kept one only");
    assert_eq!(all.callins.by_rupture["withdrawal"], 1);
    assert_eq!(all.actions, from_2000.actions);
    // The kept entry's action is open and overdue; the future one's too (actions are
    // as of today, whatever their entry's date); the trashed one's is out.
    assert_eq!((all.actions.open, all.actions.overdue), (2 + 2, 1 + 2));
}

#[test]
fn a_busy_week_gives_the_word_sample_as_many_texts_as_a_quiet_one() {
    // Two heavy weeks: one of a team's 40 entries, one of a worker's 3. The word counts
    // read the newest few of each week, so the busy week does not fill the sample alone
    // and a period costs what its weeks are, not what was written in them.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let mut batch = Vec::new();
    let heavy = |on: NaiveDate, title: &str| {
        let mut c = entry(EntryKind::CheckIn, on, title);
        c.checkin = Some(CheckIn {
            load: Some(Load::Heavy),
            ..CheckIn::default()
        });
        c
    };
    // The quiet week (Monday 02-23): three heavy days.
    for day in 23..26 {
        batch.push(heavy(d(2, day), "rota again"));
    }
    // The busy week (Monday 03-09): two heavy days, then 38 more entries over the week,
    // the oldest of them about "handover", the newest about "rota".
    batch.push(heavy(d(3, 9), "handover"));
    batch.push(heavy(d(3, 10), "handover"));
    for i in 0..38_u32 {
        let on = d(3, 10 + i / 8);
        let title = if i < 18 { "handover" } else { "rota" };
        batch.push(entry(EntryKind::Reflection, on, title));
    }
    s.insert_entries(&batch).unwrap();
    let period = Period::named("4w", today()).unwrap();
    let ins = insights::compute(&s, &Catalog::builtin(), &period, today()).unwrap();
    assert_eq!(ins.words.heavy_weeks, 2);
    let count = |word: &str| {
        ins.words
            .heavy_words
            .iter()
            .find(|(w, _, _)| w == word)
            .map(|(_, h, _)| *h)
    };
    // The busy week's newest 16 (all "rota") and the quiet week's 3.
    assert_eq!(
        insights::WORD_PER_WEEK,
        16,
        "the counts below are for 16 a week"
    );
    assert_eq!(count("rota"), Some(16 + 3), "{:?}", ins.words);
    assert_eq!(count("handover"), None, "{:?}", ins.words);
}

#[test]
fn follow_ups_due_are_counted_up_to_a_bound_and_the_trash_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let held = |on: NaiveDate, follow_up: NaiveDate, title: &str| {
        let mut c = entry(EntryKind::CallIn, on, title);
        c.details = Details::CallIn(CallIn {
            status: CallInStatus::Held,
            follow_up_on: Some(follow_up),
            ..CallIn::default()
        });
        c
    };
    // Three due (the oldest due first), one not yet due, one due but in the trash.
    let few = [
        held(d(1, 5), d(2, 1), "second due"),
        held(d(1, 6), d(1, 20), "first due"),
        held(d(1, 7), d(3, 18), "due today"),
        held(d(1, 8), d(3, 30), "not yet"),
        held(d(1, 9), d(1, 10), "trashed"),
    ];
    for e in &few {
        s.insert_entry(e).unwrap();
    }
    let trashed = s.resolve_id(&few[4].id.to_string()).unwrap();
    s.trash_entry(
        trashed,
        Utc.with_ymd_and_hms(2026, 3, 18, 13, 0, 0).unwrap(),
    )
    .unwrap();
    let period = Period::named("4w", today()).unwrap();
    let cat = Catalog::builtin();
    let ins = insights::compute(&s, &cat, &period, today()).unwrap();
    let titles: Vec<&str> = ins
        .callins
        .follow_ups_due
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["first due", "second due", "due today"]);
    assert_eq!(ins.callins.follow_ups_due_total, 3);
    assert!(!ins.callins.follow_ups_due_beyond);

    // More due than are counted: the count stops, and says so.
    let many: Vec<Entry> = (0..insights::FOLLOW_UPS_COUNTED)
        .map(|i| held(d(1, 10), d(2, 2), &format!("many {i}")))
        .collect();
    s.insert_entries(&many).unwrap();
    let ins = insights::compute(&s, &cat, &period, today()).unwrap();
    assert_eq!(
        ins.callins.follow_ups_due.len(),
        insights::FOLLOW_UPS_LISTED
    );
    assert_eq!(
        ins.callins.follow_ups_due_total,
        i64::try_from(insights::FOLLOW_UPS_COUNTED).unwrap()
    );
    assert!(ins.callins.follow_ups_due_beyond);
    drop(s);
    let out = common::praxis_db(&dir.path().join("j.sqlite3"))
        .args(["stats", "--period", "4w"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let more = insights::FOLLOW_UPS_COUNTED - insights::FOLLOW_UPS_LISTED;
    assert!(
        text.contains(&format!("and over {more} more follow-ups due")),
        "{text}"
    );
}

#[test]
fn on_this_day_lists_the_newest_years_first_and_stops_at_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let mut batch = Vec::new();
    for year in [2021, 2023, 2025] {
        for i in 0..4 {
            let on = NaiveDate::from_ymd_opt(year, 3, 18).unwrap();
            batch.push(entry(EntryKind::Reflection, on, &format!("{year} {i}")));
        }
    }
    batch.push(entry(
        EntryKind::Reflection,
        d(3, 18),
        "today is not an earlier year",
    ));
    s.insert_entries(&batch).unwrap();
    let trashed = s.resolve_id(&batch[9].id.to_string()).unwrap();
    s.trash_entry(
        trashed,
        Utc.with_ymd_and_hms(2026, 3, 18, 13, 0, 0).unwrap(),
    )
    .unwrap();
    let titles = |limit: usize| -> Vec<String> {
        s.on_this_day(today(), limit)
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect()
    };
    // Newest year first, the last written first within a day; the trashed "2025 1" out.
    assert_eq!(
        titles(6),
        ["2025 3", "2025 2", "2025 0", "2023 3", "2023 2", "2023 1"]
    );
    assert_eq!(titles(20).len(), 3 + 4 + 4);
}

#[test]
fn stage_paths_are_ordered_by_subject_and_topic_whatever_their_case() {
    // The order SQLite gave with `COLLATE NOCASE` and `lower()`, kept now that the paths
    // are sorted as they are read: "alice" before "Bob" (a byte order would put "Bob"
    // first), "drinking" before "Smoking", "Drinking" and "drinking" one path, and a
    // path's notes by date, then as written.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let note = |on: NaiveDate, subject: &str, topic: &str, st: Stage| {
        let mut e = stage(on, st);
        if let Details::StageNote(n) = &mut e.details {
            n.subject = subject.into();
            n.topic = topic.into();
        }
        e.title = format!("{subject} {topic} {on}");
        e
    };
    s.insert_entries(&[
        note(d(3, 2), "Bob", "Smoking", Stage::Contemplation),
        note(d(3, 3), "alice", "Smoking", Stage::Preparation),
        note(d(3, 4), "Bob", "drinking", Stage::Action),
        note(d(3, 1), "Bob", "Drinking", Stage::Contemplation),
        note(d(3, 4), "Bob", "drinking", Stage::Maintenance),
    ])
    .unwrap();
    let period = Period::named("4w", today()).unwrap();
    let ins = insights::compute(&s, &Catalog::builtin(), &period, today()).unwrap();
    let paths: Vec<(String, String, Vec<Stage>)> = ins
        .stages
        .iter()
        .map(|t| {
            (
                t.subject.clone(),
                t.topic.to_lowercase(),
                t.points.iter().map(|p| p.stage).collect(),
            )
        })
        .collect();
    assert_eq!(
        paths,
        vec![
            ("alice".into(), "smoking".into(), vec![Stage::Preparation]),
            (
                "Bob".into(),
                "drinking".into(),
                vec![Stage::Contemplation, Stage::Action, Stage::Maintenance]
            ),
            ("Bob".into(), "smoking".into(), vec![Stage::Contemplation]),
        ],
        "{:?}",
        ins.stages
    );
}

#[test]
fn strengths_are_summed_per_whose_across_days_and_months() {
    // A period of whole months and days around them: the days' rows and the months'
    // rows of one strength add up in one slot per whose.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("j.sqlite3")).unwrap();
    let tagged = |on: NaiveDate, tags: &[(&str, Whose)]| {
        let mut e = entry(EntryKind::Reflection, on, "tagged");
        e.strengths = tags
            .iter()
            .map(|(name, whose)| StrengthTag {
                name: (*name).into(),
                whose: *whose,
            })
            .collect();
        e
    };
    s.insert_entries(&[
        tagged(
            d(1, 10),
            &[("patience", Whose::Mine), ("humour", Whose::Team)],
        ),
        tagged(
            d(2, 3),
            &[("patience", Whose::Mine), ("patience", Whose::Person)],
        ),
        tagged(
            d(3, 17),
            &[("patience", Whose::Mine), ("humour", Whose::Team)],
        ),
        tagged(d(3, 18), &[("humour", Whose::Colleague)]),
    ])
    .unwrap();
    let got = s.strengths_between(Some(d(1, 5)), d(3, 18)).unwrap();
    assert_eq!(
        got,
        vec![
            ("humour".to_string(), Whose::Team, 2),
            ("humour".to_string(), Whose::Colleague, 1),
            ("patience".to_string(), Whose::Mine, 3),
            ("patience".to_string(), Whose::Person, 1),
        ]
    );
}
