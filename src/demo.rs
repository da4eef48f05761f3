//! A throwaway journal for `praxis demo`: a few months of realistic entries of every kind,
//! written through the public store API so that every entry shows and edits like one
//! written by hand. The same seed, day and catalog always give the same journal.
//!
//! Everyone in it is a pseudonym (YP-A, Mr-B, team-north…); the wording is our own.

use anyhow::{Context as _, Result};
use chrono::{DateTime, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::config::catalog::Catalog;
use crate::model::details::typed_keys;
use crate::model::{
    Action, ActionStatus, AgendaItem, Approach, CallIn, Carrying, Certainty, ChangeTalk,
    ChangeTalkCode, CheckIn, Cpd, Details, Entry, EntryKind, Load, MiProcess, Rupture, Scope,
    Section, SessionStage, SessionType, Stage, StageNote, StrengthTag, SubjectType, Supervision,
    Template, Whose, rules,
};
use crate::store::Store;

/// What a demo journal holds, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub reflections: usize,
    pub check_ins: usize,
    pub supervision_preps: usize,
    pub supervision_records: usize,
    pub call_ins: usize,
    pub stage_notes: usize,
    pub cpd: usize,
    /// Tracked actions, in reflections and supervision records.
    pub actions: usize,
    pub subjects: usize,
}

impl DemoSummary {
    /// Entries of every kind together.
    #[must_use]
    pub fn entries(&self) -> usize {
        self.reflections
            + self.check_ins
            + self.supervision_preps
            + self.supervision_records
            + self.call_ins
            + self.stage_notes
            + self.cpd
    }

    /// The counts as `(noun, count)` lines, for printing.
    #[must_use]
    pub fn lines(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("reflections", self.reflections),
            ("check-ins", self.check_ins),
            ("supervision preps", self.supervision_preps),
            ("supervision records", self.supervision_records),
            ("call-ins", self.call_ins),
            ("stage notes", self.stage_notes),
            ("CPD records", self.cpd),
            ("tracked actions", self.actions),
            ("subjects", self.subjects),
        ]
    }
}

/// Writes a journal of `months` months ending `today` into `store`, the same for the same
/// `seed`. Entries are stamped as written in the evening of their day (never after `now`).
pub fn fill(
    store: &mut Store,
    catalog: &Catalog,
    today: NaiveDate,
    now: DateTime<Utc>,
    months: u32,
    seed: u64,
) -> Result<DemoSummary> {
    let start = today
        .checked_sub_months(Months::new(months.max(1)))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today);
    let mut w = Writer {
        store,
        catalog,
        rng: Rng::new(seed),
        today,
        now,
        start,
        span: (today - start).num_days().max(1),
        summary: DemoSummary {
            from: Some(start),
            to: Some(today),
            ..DemoSummary::default()
        },
        reflections: Vec::new(),
        scene_used: vec![None; SCENES.len()],
        scene_count: vec![0; SCENES.len()],
    };
    w.subjects()?;
    let events = w.plan();
    for (on, event) in events {
        w.write(on, event)?;
    }
    // The next session's prep, gathered from everything above, as `supervision prep` does.
    let next = add_days(today, 3);
    w.prep(next, 99, true)?;
    w.summary.subjects = w.store.subjects()?.len();
    Ok(w.summary)
}

/// One thing to write on a day; the days are sorted before writing, so that what a prep
/// gathers is what had been written by then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    Reflection { heavy: bool },
    CheckIn { heavy: bool },
    StageNote { arc: usize, note: usize },
    CallIn(usize),
    Cpd(usize),
    Supervision(usize),
}

struct Writer<'a> {
    store: &'a mut Store,
    catalog: &'a Catalog,
    rng: Rng,
    today: NaiveDate,
    now: DateTime<Utc>,
    start: NaiveDate,
    span: i64,
    summary: DemoSummary,
    /// Reflections written so far: (date, short id, tags), for CPD links.
    reflections: Vec<(NaiveDate, String, Vec<String>)>,
    /// The last day each scene was written about, and how often.
    scene_used: Vec<Option<NaiveDate>>,
    scene_count: Vec<usize>,
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(TimeDelta::days(n)).unwrap_or(d)
}

impl<'a> Writer<'a> {
    /// The day at fraction `f` (0 = first day, 1 = today) of the period.
    fn at(&self, f: f64) -> NaiveDate {
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let n = (f * self.span as f64).round() as i64;
        add_days(self.start, n.clamp(0, self.span))
    }

    /// Where `d` falls in the period, 0 to 1.
    #[allow(clippy::cast_precision_loss)]
    fn frac(&self, d: NaiveDate) -> f64 {
        (d - self.start).num_days() as f64 / self.span as f64
    }

    /// A moment in the evening of `on`, `order` minutes apart for entries of one day, and
    /// never later than now.
    fn stamp(&mut self, on: NaiveDate, order: u32) -> DateTime<Utc> {
        let minutes = 17 * 60 + self.rng.below(150) as u32 + order * 7;
        let t = NaiveTime::from_hms_opt((minutes / 60).min(23), minutes % 60, 0)
            .unwrap_or(NaiveTime::MIN);
        on.and_time(t).and_utc().min(self.now)
    }

    fn new_entry(&mut self, kind: EntryKind, on: NaiveDate, order: u32) -> Entry {
        let at = self.stamp(on, order);
        let mut e = Entry::new(kind, on, at);
        e.id = self.rng.uuid();
        e
    }

    fn template(&self, id: &str) -> Result<&Template> {
        self.catalog
            .template(id)
            .with_context(|| format!("the {id} template is missing from this build"))
    }

    /// Sections for `template` from `(key, text)` pairs, in the template's order with its
    /// labels; typed fields and empty texts are left out.
    fn sections(&self, template_id: &str, texts: &[(&str, String)]) -> Result<Vec<Section>> {
        let t = self.template(template_id)?;
        let typed = typed_keys(template_id);
        Ok(t.fields
            .iter()
            .filter(|f| !typed.contains(&f.key.as_str()))
            .filter_map(|f| {
                let text = texts.iter().find(|(k, _)| *k == f.key)?.1.trim();
                (!text.is_empty()).then(|| Section {
                    key: f.key.clone(),
                    label: f.label.clone(),
                    text: text.to_string(),
                })
            })
            .collect())
    }

    /// The subjects of stage notes and call-ins, with their types.
    fn subjects(&mut self) -> Result<()> {
        let at = self.start.and_time(NaiveTime::MIN).and_utc().min(self.now);
        for arc in ARCS {
            if !self.store.subject_exists(arc.subject)? {
                self.store.add_subject(arc.subject, arc.kind, at)?;
            }
        }
        Ok(())
    }

    /// Everything to write, by day.
    fn plan(&mut self) -> Vec<(NaiveDate, Event)> {
        let mut events = Vec::new();
        // Reflections three to five days a week; check-ins with many of them and on some
        // other days. The last two weeks and about one week in five are heavy.
        let mut week = self.start;
        while week <= self.today {
            let days: Vec<NaiveDate> = (0..7)
                .map(|i| add_days(week, i))
                .filter(|d| *d <= self.today)
                .collect();
            let heavy = add_days(week, 6) >= add_days(self.today, -13) || self.rng.chance(0.2);
            let mut order: Vec<usize> = (0..days.len()).collect();
            self.rng.shuffle(&mut order);
            let k = self.rng.between(3, 5).min(days.len() as i64) as usize;
            for (n, i) in order.iter().enumerate() {
                let on = days[*i];
                if n < k {
                    events.push((on, Event::Reflection { heavy }));
                } else if self.rng.chance(if heavy { 0.8 } else { 0.3 }) {
                    events.push((on, Event::CheckIn { heavy }));
                }
            }
            week = add_days(week, 7);
        }
        for (a, arc) in ARCS.iter().enumerate() {
            for (n, note) in arc.notes.iter().enumerate() {
                events.push((self.at(note.at), Event::StageNote { arc: a, note: n }));
            }
        }
        for (i, c) in CALLINS.iter().enumerate() {
            let on = match c.when {
                When::Fraction(f) => self.at(f),
                When::DaysAgo(n) => add_days(self.today, -n).max(self.start),
            };
            events.push((on, Event::CallIn(i)));
        }
        // CPD about every fortnight.
        let mut on = add_days(self.start, 9);
        let mut i = 0;
        while on <= self.today {
            events.push((on, Event::Cpd(i)));
            i += 1;
            on = add_days(on, 12 + self.rng.between(0, 5));
        }
        // Supervision every four weeks, the last one 25 days ago.
        let mut sessions = Vec::new();
        let mut on = add_days(self.today, -25);
        while on >= add_days(self.start, 3) {
            sessions.push(on);
            on = add_days(on, -28);
        }
        if sessions.is_empty() && self.span >= 10 {
            sessions.push(add_days(self.start, self.span / 2));
        }
        sessions.reverse();
        for (i, on) in sessions.into_iter().enumerate() {
            events.push((on, Event::Supervision(i)));
        }
        events.sort();
        events
    }

    fn write(&mut self, on: NaiveDate, event: Event) -> Result<()> {
        match event {
            Event::Reflection { heavy } => self.reflection(on, heavy),
            Event::CheckIn { heavy } => self.checkin_entry(on, heavy),
            Event::StageNote { arc, note } => {
                self.stage_note(on, &ARCS[arc], &ARCS[arc].notes[note])
            }
            Event::CallIn(i) => self.callin(on, &CALLINS[i]),
            Event::Cpd(i) => self.cpd(on, &CPDS[i % CPDS.len()]),
            Event::Supervision(i) => {
                let prep = self.prep(on, i, false)?;
                self.record(on, i, prep)
            }
        }
    }

    fn checkin(&mut self, heavy: bool) -> CheckIn {
        let r = &mut self.rng;
        let (mood, energy, load, carrying) = if heavy {
            (
                if r.chance(0.15) { 1 } else { r.between(2, 3) },
                r.between(1, 3),
                if r.chance(0.7) {
                    Load::Heavy
                } else {
                    Load::Overloaded
                },
                if r.chance(0.5) {
                    Carrying::Some
                } else {
                    Carrying::ALot
                },
            )
        } else {
            (
                r.between(3, 5),
                r.between(2, 5),
                *r.pick(&[
                    Load::Light,
                    Load::Manageable,
                    Load::Manageable,
                    Load::Manageable,
                    Load::Heavy,
                ]),
                *r.pick(&[Carrying::No, Carrying::No, Carrying::Some]),
            )
        };
        let words = if heavy { HEAVY_WORDS } else { GOOD_WORDS };
        CheckIn {
            mood: u8::try_from(mood).ok(),
            energy: u8::try_from(energy).ok(),
            load: Some(load),
            carrying: Some(carrying),
            word: r.chance(0.85).then(|| (*r.pick(words)).to_string()),
            helped: r.chance(0.7).then(|| (*r.pick(HELPED)).to_string()),
        }
    }

    fn checkin_entry(&mut self, on: NaiveDate, heavy: bool) -> Result<()> {
        let mut e = self.new_entry(EntryKind::CheckIn, on, 3);
        let c = self.checkin(heavy);
        e.title = match &c.word {
            Some(w) => format!("Check-in: {w}"),
            None => "Check-in".into(),
        };
        e.checkin = Some(c);
        self.store.insert_entry(&e)?;
        self.summary.check_ins += 1;
        Ok(())
    }

    /// A scene that fits this point of the story and was not written about lately.
    fn scene(&mut self, on: NaiveDate) -> usize {
        let f = self.frac(on);
        let fits: Vec<usize> = (0..SCENES.len())
            .filter(|i| f >= SCENES[*i].window.0 && f <= SCENES[*i].window.1)
            .collect();
        let fresh: Vec<usize> = fits
            .iter()
            .copied()
            .filter(|i| self.scene_used[*i].is_none_or(|d| (on - d).num_days() > 21))
            .collect();
        let pool = if fresh.is_empty() { &fits } else { &fresh };
        let i = if pool.is_empty() {
            self.rng.below(SCENES.len())
        } else {
            *self.rng.pick(pool)
        };
        self.scene_used[i] = Some(on);
        self.scene_count[i] += 1;
        i
    }

    fn model(&mut self) -> Option<&'a Template> {
        let weights: Vec<(&str, u64)> = MODEL_WEIGHTS
            .iter()
            .copied()
            .filter(|(id, _)| self.catalog.model(id).is_ok())
            .collect();
        let total: u64 = weights.iter().map(|(_, w)| w).sum();
        if total == 0 {
            return None;
        }
        let mut n = self.rng.next_u64() % total;
        for (id, w) in weights {
            if n < w {
                return self.catalog.model(id).ok();
            }
            n -= w;
        }
        None
    }

    /// Sentences from a pool, about the scene's person.
    fn prose(&mut self, pool: &[&str], p: &str, lo: usize, hi: usize) -> String {
        let n = self.rng.between(lo as i64, hi as i64) as usize;
        self.rng
            .some(pool, n)
            .into_iter()
            .map(|s| about(s, p))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Tracked actions due a few days to three weeks after `on`; those due a while ago are
    /// mostly done.
    fn actions(&mut self, on: NaiveDate, texts: &[&str], out: &mut Vec<Action>) -> String {
        let mut lines = Vec::new();
        for text in texts {
            let due = add_days(on, self.rng.between(3, 21));
            let mut a = Action::new(*text, Some(due));
            a.id = self.rng.uuid();
            let long_ago = due < add_days(self.today, -21);
            if due < add_days(self.today, -2) && self.rng.chance(if long_ago { 0.85 } else { 0.55 })
            {
                a.status = ActionStatus::Done;
                a.done_on = Some(add_days(due, -self.rng.between(0, 2)).max(on));
            } else if due < self.today && self.rng.chance(0.3) {
                a.status = ActionStatus::Partly;
                a.blocker = Some((*self.rng.pick(BLOCKERS)).to_string());
            }
            let mark = if a.status == ActionStatus::Done {
                'x'
            } else {
                ' '
            };
            lines.push(format!("- [{mark}] {text} (due {due})"));
            out.push(a);
        }
        lines.join("\n")
    }

    fn reflection(&mut self, on: NaiveDate, heavy: bool) -> Result<()> {
        let i = self.scene(on);
        let scene = &SCENES[i];
        let mut e = self.new_entry(EntryKind::Reflection, on, 0);
        // The scene's titles in turn, so a scene written about again reads differently.
        e.title = scene.titles[(self.scene_count[i] - 1) % scene.titles.len()].to_string();
        let p = scene.p;
        let model = self.model().filter(|m| !m.is_free());
        match model {
            None => {
                let n = self.rng.between(2, scene.what.len() as i64) as usize;
                let what = scene.what[..n].join(" ");
                let feel = self.prose(FEELINGS, p, 1, 2);
                let meaning = self.prose(MEANING, p, 1, 2);
                e.body = format!("{what}\n\n{feel} {meaning}");
            }
            Some(m) => {
                let has_what = m
                    .fields
                    .iter()
                    .any(|f| matches!(f.key.as_str(), "what" | "description" | "experience"));
                let mut actions = Vec::new();
                let mut sections = Vec::new();
                let with_actions = self.rng.chance(0.8);
                for (i, f) in m.fields.iter().enumerate() {
                    let mut text = match f.key.as_str() {
                        "what" | "description" | "experience" => {
                            let n = self.rng.between(2, scene.what.len().min(4) as i64) as usize;
                            scene.what[..n].join(" ")
                        }
                        key if f.action => {
                            // An intro that leads into a list only when a list follows.
                            let plan = matches!(
                                key,
                                "now-what" | "action-plan" | "experimentation" | "next-time"
                            );
                            let pool = if plan && with_actions {
                                NEXT_LEAD
                            } else {
                                pool_for(key)
                            };
                            self.prose(pool, p, 1, 1)
                        }
                        key => self.prose(pool_for(key), p, 1, 3),
                    };
                    if i == 0 && !has_what {
                        text = format!("{} {text}", scene.what[0]);
                    }
                    if f.action && with_actions {
                        let mut texts = vec![*self.rng.pick(scene.actions)];
                        if self.rng.chance(0.35) {
                            let other = *self.rng.pick(GENERIC_ACTIONS);
                            texts.push(other);
                        }
                        let lines = self.actions(on, &texts, &mut actions);
                        text = format!("{text}\n\n{lines}");
                    }
                    sections.push(Section {
                        key: f.key.clone(),
                        label: f.label.clone(),
                        text,
                    });
                }
                e.model = Some(m.id.clone());
                e.sections = sections;
                e.actions = actions;
            }
        }
        // Strengths: one to three from the scene, sometimes one more of my own.
        let vocab = &self.catalog.vocabulary;
        let n = self.rng.between(1, scene.strengths.len().min(3) as i64) as usize;
        let mut strengths: Vec<StrengthTag> = self
            .rng
            .some(scene.strengths, n)
            .into_iter()
            .map(|(name, whose)| StrengthTag::new(name, whose))
            .collect();
        if self.rng.chance(0.3) {
            let extra = StrengthTag::new(*self.rng.pick(EXTRA_STRENGTHS), Whose::Mine);
            if !strengths.iter().any(|s| s.name == extra.name) {
                strengths.push(extra);
            }
        }
        strengths.retain(|s| vocab.names().any(|n| n == s.name));
        strengths.sort();
        e.strengths = strengths;
        let mut tags: Vec<String> = scene.tags.iter().map(|t| (*t).to_string()).collect();
        tags.sort();
        e.tags = tags;
        if self.rng.chance(if heavy { 0.75 } else { 0.5 }) {
            e.checkin = Some(self.checkin(heavy));
        }
        e.for_supervision = self.rng.chance(if scene.flag { 0.6 } else { 0.04 });
        e.scope = match self.rng.below(20) {
            0..=14 => Scope::Private,
            15..=18 => Scope::Supervision,
            _ => Scope::Shareable,
        };
        self.store.insert_entry(&e)?;
        self.summary.reflections += 1;
        self.summary.actions += e.actions.len();
        self.reflections.push((on, e.short_id(), e.tags.clone()));
        Ok(())
    }

    fn stage_note(&mut self, on: NaiveDate, arc: &Arc, n: &Note) -> Result<()> {
        let mut e = self.new_entry(EntryKind::StageNote, on, 1);
        e.model = Some("stage-note".into());
        e.details = Details::StageNote(StageNote {
            subject: arc.subject.into(),
            topic: arc.topic.into(),
            stage: n.stage,
            certainty: Some(n.certainty),
            mi_process: Some(n.process),
            change_talk: n
                .change_talk
                .iter()
                .map(|(code, text)| ChangeTalk {
                    code: *code,
                    text: (*text).to_string(),
                })
                .collect(),
            importance: n.importance,
            confidence: n.confidence,
            review_on: Some(add_days(on, 21)),
        });
        rules::fill_title(&mut e);
        e.sections = self.sections(
            "stage-note",
            &[
                ("evidence", n.evidence.into()),
                ("sustain-talk", n.sustain.into()),
                ("discord", n.discord.into()),
                ("oars", n.oars.into()),
                ("next-step", n.next.into()),
            ],
        )?;
        e.for_supervision = n.flag;
        self.store.insert_entry(&e)?;
        self.summary.stage_notes += 1;
        Ok(())
    }

    fn callin(&mut self, on: NaiveDate, c: &Plan) -> Result<()> {
        let mut e = self.new_entry(EntryKind::CallIn, on, 2);
        e.model = Some("callin".into());
        let mut texts: Vec<(&str, String)> =
            c.plan.iter().map(|(k, v)| (*k, (*v).to_string())).collect();
        texts.push(("who", c.who.to_string()));
        let mut details = CallIn {
            subject: c.subject.map(str::to_string),
            approach: c.approach,
            ..CallIn::default()
        };
        if let Some(o) = &c.outcome {
            let held = add_days(on, o.held_after).min(self.today);
            details.rating = o.rating;
            details.rupture = o.rupture;
            details.follow_up_on = Some(add_days(held, o.follow_up_after));
            details.record_held(held).map_err(anyhow::Error::msg)?;
            if let Some(n) = o.followed_up_after {
                let done = add_days(held, n);
                if done <= self.today {
                    details.record_follow_up(done).map_err(anyhow::Error::msg)?;
                }
            }
            texts.extend(o.texts.iter().map(|(k, v)| (*k, (*v).to_string())));
            e.for_supervision = o.bring;
            let last = details.followed_up_on.unwrap_or(held);
            e.updated_at = self.stamp(last, 2).max(e.created_at);
        }
        e.details = Details::CallIn(details);
        e.sections = self.sections("callin", &texts)?;
        rules::fill_title(&mut e);
        self.store.insert_entry(&e)?;
        self.summary.call_ins += 1;
        Ok(())
    }

    fn cpd(&mut self, on: NaiveDate, c: &CpdItem) -> Result<()> {
        let mut e = self.new_entry(EntryKind::Cpd, on, 4);
        e.model = Some("cpd".into());
        e.title = c.title.into();
        // Evidence: the latest reflections on the same topic, else the latest ones.
        let mut linked: Vec<&(NaiveDate, String, Vec<String>)> = self
            .reflections
            .iter()
            .rev()
            .filter(|(_, _, tags)| tags.iter().any(|t| c.topics.contains(&t.as_str())))
            .take(c.links)
            .collect();
        if linked.is_empty() {
            linked = self.reflections.iter().rev().take(c.links).collect();
        }
        linked.reverse();
        e.details = Details::Cpd(Cpd {
            activity_type: c.activity.into(),
            hours: c.hours,
            participatory: c.participatory,
            linked: linked.iter().map(|(_, id, _)| id.clone()).collect(),
        });
        e.sections = self.sections(
            "cpd",
            &[
                ("learning", c.learning.into()),
                ("impact", c.impact.into()),
                ("peer-discussion", c.peer.into()),
            ],
        )?;
        self.store.insert_entry(&e)?;
        self.summary.cpd += 1;
        Ok(())
    }

    /// A prep for the session on `on`, gathered as `praxis supervision prep` gathers it;
    /// returns its id.
    fn prep(&mut self, on: NaiveDate, i: usize, next: bool) -> Result<Uuid> {
        let stale_weeks = crate::config::Config::default()
            .supervision
            .stale_stage_weeks;
        let material = self.store.prep_material(on, stale_weeks)?;
        let (role, kind, minutes) = if i.is_multiple_of(2) {
            ("team manager", SessionType::Managerial, 60)
        } else {
            ("practice supervisor", SessionType::Clinical, 90)
        };
        let mut own = Vec::new();
        let n = if next {
            2
        } else {
            self.rng.between(1, 2) as usize
        };
        for item in self.rng.some(AGENDA, n) {
            own.push(AgendaItem::parse(item).map_err(anyhow::Error::msg)?);
        }
        // Written the day before the session; the next one today.
        let written = if next {
            self.today
        } else {
            add_days(on, -1).max(self.start)
        };
        let at = self.stamp(written, 0);
        let mut e = crate::supervision::prep_entry(
            &material,
            on,
            Some(role.into()),
            Some(kind),
            Some(minutes),
            own,
            at,
        );
        e.id = self.rng.uuid();
        // Labels as the template spells them, and my own questions and wellbeing note.
        let gathered = std::mem::take(&mut e.sections);
        let mut texts: Vec<(&str, String)> = gathered
            .iter()
            .map(|s| (s.key.as_str(), s.text.clone()))
            .collect();
        texts.push(("questions", self.prose(QUESTIONS, "", 1, 2)));
        if next {
            texts.push(("wellbeing", WELLBEING_HEAVY.into()));
        } else if self.rng.chance(0.5) {
            texts.push(("wellbeing", (*self.rng.pick(WELLBEING)).into()));
        }
        e.sections = self.sections("supervision-prep", &texts)?;
        let flagged: Vec<Uuid> = material.flagged.iter().map(|f| f.id).collect();
        self.store.insert_linked(&e, &flagged, "brings")?;
        self.summary.supervision_preps += 1;
        Ok(e.id)
    }

    fn record(&mut self, on: NaiveDate, i: usize, prep: Uuid) -> Result<()> {
        let mut e = self.new_entry(EntryKind::Supervision, on, 5);
        e.model = Some("supervision-record".into());
        e.scope = Scope::Supervision;
        let peer = i % 3 == 2;
        e.details = Details::Supervision(Supervision {
            stage: SessionStage::Record,
            session_on: on,
            supervisor_role: None,
            session_type: None,
            length_minutes: None,
            prep: Some(prep.to_string()),
            counts_as_cpd: i % 2 == 1,
            peer_reflection: peer,
            agenda: Vec::new(),
        });
        rules::fill_title(&mut e);
        let n = self.rng.between(2, 3) as usize;
        for (text, owner) in self.rng.some(AGREED, n) {
            let due = add_days(on, self.rng.between(7, 24));
            let mut a = Action::new(text, Some(due));
            a.id = self.rng.uuid();
            a.owner = owner.map(str::to_string);
            if due < add_days(self.today, -1) {
                match self.rng.below(10) {
                    0..=6 => {
                        a.status = ActionStatus::Done;
                        a.done_on = Some(add_days(due, -self.rng.between(0, 5)).max(on));
                    }
                    7 | 8 => {
                        a.status = ActionStatus::Partly;
                        a.blocker = Some((*self.rng.pick(BLOCKERS)).to_string());
                    }
                    _ => {}
                }
            }
            e.actions.push(a);
        }
        let decisions = self.prose(DECISIONS, "", 2, 3);
        let learning = self.prose(LEARNING_SUPERVISION, "", 1, 2);
        e.sections = self.sections(
            "supervision-record",
            &[("decisions", decisions), ("learning", learning)],
        )?;
        self.store.insert_entry(&e)?;
        self.summary.supervision_records += 1;
        self.summary.actions += e.actions.len();
        Ok(())
    }
}

/// `s` about `p`: the placeholder filled in, and a capital at the start of the sentence.
fn about(s: &str, p: &str) -> String {
    let filled = s.replace("{p}", p);
    let mut chars = filled.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => filled,
    }
}

/// The sentence pool that fits a model's section.
fn pool_for(key: &str) -> &'static [&'static str] {
    match key {
        "feelings" | "personal" => FEELINGS,
        "evaluation" => EVALUATION,
        "conclusion" => LEARNING,
        "empirics" | "theory" | "conceptualisation" => THEORY,
        "aesthetics" => AIMS,
        "ethics" => ETHICS,
        "reflexivity" => REFLEXIVITY,
        "self" | "assumptions" => ASSUMPTIONS,
        "people-supported" => THEIR_VIEW,
        "colleagues" => COLLEAGUES,
        "options" => OPTIONS,
        "surprise" => SURPRISE,
        "adjustment" => ADJUST,
        "now-what" | "action-plan" | "experimentation" | "next-time" => NEXT,
        _ => MEANING,
    }
}

/// A small, fast, seedable generator (SplitMix64): the demo must not depend on the
/// system's randomness.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5052_5853_4445_4d4f)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 to n - 1 (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// lo to hi, inclusive.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + i64::try_from(self.next_u64() % (hi - lo + 1).unsigned_abs()).unwrap_or(0)
    }

    fn chance(&mut self, p: f64) -> bool {
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64;
        x < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// `n` different items, in the pool's order.
    fn some<T: Copy>(&mut self, xs: &[T], n: usize) -> Vec<T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        self.shuffle(&mut idx);
        idx.truncate(n.min(xs.len()));
        idx.sort_unstable();
        idx.into_iter().map(|i| xs[i]).collect()
    }

    fn uuid(&mut self) -> Uuid {
        let mut b = [0_u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(b).into_uuid()
    }
}

// ---------------------------------------------------------------------------------------
// The material. A community support practitioner in an integrated team: home visits to
// older people (Mr-B, Mrs-E, Mr-G), a youth drop-in and evening group (YP-A, YP-F), the odd
// shift at a respite unit, and the team (team-north).
// ---------------------------------------------------------------------------------------

/// Reflective models and how often the demo writer reaches for each.
const MODEL_WEIGHTS: &[(&str, u64)] = &[
    ("free", 15),
    ("borton", 18),
    ("driscoll", 10),
    ("gibbs", 14),
    ("kolb", 8),
    ("schon-in-action", 8),
    ("schon-on-action", 8),
    ("johns", 7),
    ("rolfe", 6),
    ("brookfield", 6),
];

/// Something that happened, to reflect on.
struct Scene {
    titles: &'static [&'static str],
    /// Who the general sentences are about.
    p: &'static str,
    /// What happened, in order: the first two or more are used.
    what: &'static [&'static str],
    tags: &'static [&'static str],
    strengths: &'static [(&'static str, Whose)],
    actions: &'static [&'static str],
    /// Where in the period it can happen (0 = start, 1 = today).
    window: (f64, f64),
    /// Always flagged for supervision.
    flag: bool,
}

use Whose::{Mine, Person, Team};

const SCENES: &[Scene] = &[
    Scene {
        titles: &[
            "Mr-B and the walking frame",
            "Home visit: the frame behind the door again",
        ],
        p: "Mr-B",
        what: &[
            "Weekly visit to Mr-B. The walking frame was folded behind the bedroom door again and he was holding on to the furniture to get to the kitchen.",
            "He laughed it off and said the frame makes him feel like an old man.",
            "We sat down with a cup of tea and I asked what a good week would look like for him.",
            "He talked about wanting to get to the bus stop for the Thursday market.",
        ],
        tags: &["home-visit", "falls"],
        strengths: &[
            ("listening", Mine),
            ("autonomy", Person),
            ("humour", Person),
        ],
        actions: &[
            "Ask the OT about a lighter frame Mr-B might accept",
            "Check Mr-B's falls risk assessment is up to date",
        ],
        window: (0.0, 0.55),
        flag: false,
    },
    Scene {
        titles: &[
            "YP-A talked about college",
            "Drop-in: a real conversation with YP-A",
        ],
        p: "YP-A",
        what: &[
            "At the Tuesday drop-in YP-A hung back after the others left and asked if I had a minute.",
            "They said they were thinking about the catering course again but were worried about being the oldest in the class.",
            "I mostly listened and reflected back what I heard, which was more hope than I expected.",
            "We agreed they would look at the open-day dates before next week.",
        ],
        tags: &["education", "youth-work"],
        strengths: &[("hope", Person), ("curiosity", Mine), ("listening", Mine)],
        actions: &[
            "Find the college open-day dates with YP-A",
            "Ask YP-A what support they would want on the first day",
        ],
        window: (0.0, 0.3),
        flag: false,
    },
    Scene {
        titles: &[
            "Handover ran twenty minutes over",
            "Messy handover before the late visits",
        ],
        p: "the team",
        what: &[
            "Handover from the early shift ran twenty minutes over because three people were talking at once.",
            "Two pieces of information about medication changes nearly got lost.",
            "I suggested we go through the board person by person, and the room settled once we did.",
            "By the time I got on the road I was already behind.",
        ],
        tags: &["handover", "team"],
        strengths: &[
            ("teamwork", Team),
            ("leadership", Mine),
            ("judgement", Mine),
        ],
        actions: &[
            "Raise a structured handover sheet at the team meeting",
            "Ask the senior how medication changes should be flagged at handover",
        ],
        window: (0.0, 0.6),
        flag: false,
    },
    Scene {
        titles: &[
            "Medication round interrupted by a fall alarm",
            "Two things at once on the medication round",
        ],
        p: "the resident",
        what: &[
            "On a respite-unit shift, halfway through the evening medication round, the fall alarm went off in the corridor.",
            "I locked the trolley, went to help, and stayed until the resident was checked and comfortable.",
            "Coming back I had to slow right down and recheck where I was on the chart.",
            "No errors, but it took real effort not to rush the rest.",
        ],
        tags: &["falls", "medication"],
        strengths: &[
            ("judgement", Mine),
            ("reliability", Mine),
            ("teamwork", Team),
        ],
        actions: &[
            "Read the medication policy section on interruptions again",
            "Suggest a do-not-disturb tabard for the medication round",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Raised a safeguarding concern",
            "Safeguarding: trusting the niggle",
        ],
        p: "Mrs-E",
        what: &[
            "Mrs-E had a bruise on her forearm that she explained in two different ways within ten minutes.",
            "She seemed anxious when a car pulled up outside.",
            "I did not ask leading questions, wrote down what I saw and heard in her words, and rang the duty manager from the car.",
            "The concern was logged the same afternoon.",
        ],
        tags: &["home-visit", "safeguarding"],
        strengths: &[("advocacy", Mine), ("honesty", Mine), ("judgement", Mine)],
        actions: &[
            "Check the safeguarding concern about Mrs-E has been acknowledged",
            "Book a joint visit to Mrs-E with the social worker",
        ],
        window: (0.2, 0.85),
        flag: true,
    },
    Scene {
        titles: &[
            "Team meeting: the rota again",
            "Tense team meeting about weekend cover",
        ],
        p: "the team",
        what: &[
            "The team meeting turned into a long argument about weekend cover.",
            "A couple of people went quiet and the same voices filled the room.",
            "I said I could hear how tired everyone was and asked if we could each say one thing that would help.",
            "It did not solve the rota, but the tone changed.",
        ],
        tags: &["rota", "team"],
        strengths: &[("calling-in", Mine), ("empathy", Mine), ("teamwork", Team)],
        actions: &[
            "Ask the manager for a separate conversation about the rota",
            "Check in with the two colleagues who went quiet",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Quiet day, time for care plans",
            "A slower day: catching up on recording",
        ],
        p: "each person",
        what: &[
            "An unusually quiet day, so I finally updated four support plans.",
            "Reading them back, some of the language was more about what people cannot do than what matters to them.",
            "I rewrote the opening of each to start from the person's own words.",
            "It took longer than I planned but felt worth it.",
        ],
        tags: &["care-planning", "recording"],
        strengths: &[("reflection", Mine), ("knowledge-use", Mine)],
        actions: &[
            "Rewrite the remaining support plan summaries in people's own words",
            "Share the support plan wording idea with a colleague",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "First visit to a new referral",
            "Meeting Mrs-K for the first time",
        ],
        p: "Mrs-K",
        what: &[
            "First visit to Mrs-K, referred by her GP after a winter on her own.",
            "The flat was cold and the post had piled up behind the door.",
            "I spent most of the hour getting to know her rather than working through the assessment form.",
            "She showed me photos from her years running a market stall and brightened up.",
        ],
        tags: &["assessment", "home-visit"],
        strengths: &[("warmth", Mine), ("curiosity", Mine), ("networks", Person)],
        actions: &[
            "Finish Mrs-K's assessment on the next visit",
            "Ask about a heating grant for Mrs-K",
        ],
        window: (0.5, 1.0),
        flag: false,
    },
    Scene {
        titles: &["YP-F walked out of group", "Group night: YP-F left angry"],
        p: "YP-F",
        what: &[
            "In the evening group YP-F walked out after another young person made a joke about their trainers.",
            "I followed them out after a minute and we stood by the bike shed without talking much.",
            "They said nobody ever takes their side.",
            "They came back in for the last ten minutes, which felt like a lot.",
        ],
        tags: &["group-work", "youth-work"],
        strengths: &[("repair", Mine), ("coping", Person), ("warmth", Mine)],
        actions: &[
            "Check in with YP-F before the next group",
            "Talk with my co-worker about the group agreement",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Joint visit with the district nurse",
            "Learning from the district nurse",
        ],
        p: "Mr-B",
        what: &[
            "Joint visit to Mr-B with the district nurse to look at his leg dressing.",
            "She explained each step to him before she did it and asked his permission every time.",
            "Mr-B was far more relaxed than when I have seen other dressings done.",
            "On the doorstep we agreed who would phone the GP.",
        ],
        tags: &["home-visit", "joint-working"],
        strengths: &[
            ("teamwork", Team),
            ("knowledge-use", Mine),
            ("autonomy", Person),
        ],
        actions: &[
            "Ask the district nurses about shadowing a morning",
            "Confirm with the surgery who is leading on Mr-B's leg",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Family meeting for Mr-B",
            "Mr-B's family wanted him in a home",
        ],
        p: "Mr-B",
        what: &[
            "Family meeting about Mr-B's care at home, with his daughter on speakerphone.",
            "She kept coming back to a care home, and Mr-B kept looking at me.",
            "I made sure he was asked directly what he wanted and that his answer was written down in his words.",
            "We ended with a plan to review in four weeks rather than a decision today.",
        ],
        tags: &["family", "positive-risk"],
        strengths: &[
            ("advocacy", Mine),
            ("positive-risk", Mine),
            ("autonomy", Person),
        ],
        actions: &[
            "Send the meeting notes to Mr-B in large print",
            "Put the four-week review for Mr-B in the diary",
        ],
        window: (0.4, 0.8),
        flag: true,
    },
    Scene {
        titles: &[
            "Agency colleague new to the routine",
            "Showing an agency colleague the ropes",
        ],
        p: "my agency colleague",
        what: &[
            "An agency colleague was on the respite unit with me for the first time and did not know the routine.",
            "I was short with them when they asked where the gloves were for the second time.",
            "I caught it, apologised, and walked them round properly.",
            "By the end of the shift they were helping me rather than the other way round.",
        ],
        tags: &["induction", "team"],
        strengths: &[
            ("repair", Mine),
            ("self-awareness", Mine),
            ("teamwork", Team),
        ],
        actions: &[
            "Make a one-page shift guide for agency colleagues",
            "Ask the manager whether agency staff get a welcome pack",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "A student shadowed me today",
            "Explaining my practice to a student",
        ],
        p: "the student",
        what: &[
            "A social work student on placement shadowed me for the day.",
            "She asked why I always sit down before I start asking questions on a visit.",
            "Explaining it out loud made me realise how much of what I do is habit rather than choice.",
            "I enjoyed being asked.",
        ],
        tags: &["learning", "students"],
        strengths: &[
            ("knowledge-use", Mine),
            ("reflection", Mine),
            ("leadership", Mine),
        ],
        actions: &[
            "Give the student the article on strengths-based conversations",
            "Ask the student for feedback on the visit",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Car would not start after a late visit",
            "Lone working: stuck after dark",
        ],
        p: "the duty manager",
        what: &[
            "After the last visit of the day my car would not start and it was already dark.",
            "I rang the lone-working line, which took a long time to answer.",
            "The duty manager stayed on the phone until the recovery van came.",
            "I got home late and wired.",
        ],
        tags: &["lone-working", "safety"],
        strengths: &[("coping", Mine), ("networks", Mine), ("teamwork", Team)],
        actions: &[
            "Report the slow answer on the lone-working line",
            "Keep a charged power bank in the car",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Upset daughter on the phone",
            "A long call with a worried relative",
        ],
        p: "Mrs-E's daughter",
        what: &[
            "Mrs-E's daughter rang, upset that nobody had told her about the change of visit times.",
            "She raised her voice and I felt myself wanting to defend the service.",
            "Instead I let her finish, said she was right that she should have been told, and explained what had changed.",
            "She thanked me at the end, which I did not expect.",
        ],
        tags: &["communication", "family"],
        strengths: &[("listening", Mine), ("honesty", Mine), ("boundaries", Mine)],
        actions: &[
            "Check how families are told about changes to visit times",
            "Send Mrs-E's daughter the new visit times in writing",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &["YP-A's first week back at college", "Good news from YP-A"],
        p: "YP-A",
        what: &[
            "YP-A came to the drop-in to tell me they had managed their whole first week at college.",
            "They were shy about it but clearly proud.",
            "I asked what had helped, and they said having the bus route written down and knowing someone would ask on Tuesday.",
            "Small things, done reliably.",
        ],
        tags: &["education", "youth-work"],
        strengths: &[
            ("persistence", Person),
            ("recognition", Mine),
            ("reliability", Mine),
        ],
        actions: &[
            "Write a card for YP-A to mark the first week",
            "Ask YP-A what would help in week two",
        ],
        window: (0.36, 0.62),
        flag: false,
    },
    Scene {
        titles: &["I forgot to ring back", "A promise I did not keep"],
        p: "Mr-G",
        what: &[
            "I had promised Mr-G I would ring him back about his prescription and it slipped off my list.",
            "He rang the office the next morning and sounded let down.",
            "I called him straight back, apologised without making excuses, and sorted the prescription.",
            "It stayed with me all day.",
        ],
        tags: &["call-backs", "workload"],
        strengths: &[("repair", Mine), ("honesty", Mine), ("reliability", Mine)],
        actions: &[
            "Put every promised call in the diary before leaving a visit",
            "Tell the team how I am keeping track of call-backs",
        ],
        window: (0.3, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Discharge arranged too quickly",
            "Mr-G home from hospital with no food in",
        ],
        p: "Mr-G",
        what: &[
            "Mr-G was discharged home on a Friday afternoon with no care package started and an empty fridge.",
            "The ward had told him someone would be in that evening, which nobody had arranged.",
            "I did an emergency shop, rang the out-of-hours team, and made sure his key safe worked.",
            "I was angry at the system, not at anyone in particular.",
        ],
        tags: &["discharge", "joint-working"],
        strengths: &[
            ("advocacy", Mine),
            ("creativity", Mine),
            ("persistence", Mine),
        ],
        actions: &[
            "Feed back Mr-G's discharge to the hospital liaison team",
            "Ask how Friday discharges are checked with community teams",
        ],
        window: (0.0, 0.3),
        flag: true,
    },
    Scene {
        titles: &["YP-A has stopped going in", "YP-A missed a week of college"],
        p: "YP-A",
        what: &[
            "YP-A has not been to college for a week and did not come to the drop-in on Tuesday.",
            "When I reached them by text they said it was pointless and they were too far behind.",
            "I resisted the urge to fix it and said I would be there on Thursday if they wanted to talk.",
            "They came, and we talked for a long time about how missing one day made the next one harder to face.",
        ],
        tags: &["education", "youth-work"],
        strengths: &[("hope", Mine), ("persistence", Mine), ("empathy", Mine)],
        actions: &[
            "Ask YP-A if they would like me at a meeting with their tutor",
            "Look up catch-up support at the college",
        ],
        window: (0.66, 0.86),
        flag: true,
    },
    Scene {
        titles: &[
            "YP-F asked for my phone number",
            "Holding a boundary with YP-F",
        ],
        p: "YP-F",
        what: &[
            "YP-F asked for my personal number so they could message me at weekends.",
            "I could see how much it meant to them to have someone to talk to.",
            "I explained why I could not, and we made a list together of who they could contact at weekends instead.",
            "They were cross for a bit and then asked if the list could go on their phone.",
        ],
        tags: &["boundaries", "youth-work"],
        strengths: &[("boundaries", Mine), ("warmth", Mine), ("networks", Person)],
        actions: &[
            "Give YP-F the weekend support numbers on a card",
            "Talk through the boundaries conversation in supervision",
        ],
        window: (0.2, 1.0),
        flag: true,
    },
    Scene {
        titles: &[
            "Feedback from Mr-B's son",
            "A thank-you I nearly brushed off",
        ],
        p: "Mr-B's son",
        what: &[
            "Mr-B's son stopped me on the way out to say his dad talks about my visits all week.",
            "I nearly brushed it off with a joke.",
            "Instead I said thank you and that I enjoy seeing his dad too.",
            "Driving away I noticed how rarely I let praise land.",
        ],
        tags: &["family", "feedback"],
        strengths: &[
            ("recognition", Person),
            ("self-awareness", Mine),
            ("warmth", Mine),
        ],
        actions: &[
            "Pass the feedback on to the team",
            "Write down three things that went well this week",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
    Scene {
        titles: &[
            "Covering a night on the respite unit",
            "A settled night, mostly",
        ],
        p: "the resident",
        what: &[
            "Covered a night shift at the respite unit.",
            "One resident could not settle and was walking the corridor at three in the morning.",
            "We sat in the lounge with warm milk and the radio on low until she was ready to go back to bed.",
            "Everyone else slept through.",
        ],
        tags: &["dementia", "night-shift"],
        strengths: &[("warmth", Mine), ("creativity", Mine), ("coping", Mine)],
        actions: &[
            "Add what helped her settle to her support plan",
            "Ask about dementia training for night staff",
        ],
        window: (0.0, 1.0),
        flag: false,
    },
];

const FEELINGS: &[&str] = &[
    "I felt a knot in my stomach on the way in, and it eased once I was actually in the room.",
    "If I am honest, part of me wanted to hurry it along so I could get to the next thing.",
    "I felt tender about it afterwards, more than I showed at the time.",
    "I noticed irritation first, and underneath it something closer to worry.",
    "I felt steady, which I do not always, and I want to notice that.",
    "Afterwards I was tired in the way that comes from concentrating hard, not from rushing.",
    "I felt a flash of defensiveness and had to put it down before I could listen.",
    "Mostly I felt warmth towards {p}, and some sadness.",
    "I was anxious about getting it wrong, and the anxiety made me talk too much at first.",
    "There was relief at the end, and a bit of pride.",
];

const EVALUATION: &[&str] = &[
    "What went well: I slowed down and let {p} lead for a while.",
    "What went less well: I filled a silence that did not need filling.",
    "The practical side was fine; the relational side is where I want to look harder.",
    "I did what I had said I would do, and that mattered more than anything clever.",
    "I did not check my understanding before moving on, and we lost a few minutes to a misunderstanding.",
    "The plan we ended with belongs to {p} more than to me, which is how it should be.",
    "I handled the pressure of time better than last month.",
    "I missed a chance to name what {p} was doing well.",
];

const MEANING: &[&str] = &[
    "I think this matters because small moments like this are where trust is built or lost.",
    "Looking at it from the other side, I was one more professional with a form until I put the form down.",
    "It reminds me that what looks like resistance is often a reasonable response to being rushed.",
    "It showed me how much my own tiredness shapes what I notice.",
    "Part of why I reacted as I did is that I care about getting this right, and that can tip into control.",
    "The service's time pressures pushed one way and good practice the other.",
    "It was a reminder that people usually know what matters to them, if we ask and wait.",
    "I think I read the situation through my worry rather than through what {p} was actually saying.",
    "Power was in the room even though nobody named it: I am the one who writes the notes.",
    "What helped most was not a technique but being predictable and honest.",
];

const THEORY: &[&str] = &[
    "Strengths-based practice asks me to start from what {p} can do and what matters to them, while still being honest about risk.",
    "The Mental Capacity Act principles helped: assume capacity, support the decision, and remember that an unwise choice is not the same as a lack of capacity.",
    "Positive risk-taking fits here: the risk of doing nothing is a risk too.",
    "Motivational interviewing would call some of what I heard change talk, and I want to get better at hearing it.",
    "Trauma-informed ideas helped: safety, choice and trust before anything else.",
    "Edmondson's work on psychological safety explains why the quieter people said nothing.",
    "Our recording guidance says to write facts and people's own words, which kept me honest.",
    "The restorative side of supervision is there for days like this.",
    "Kolb's point that learning needs trying something new, not just thinking about it, is what I want to act on.",
    "Our code of conduct is clear that honesty when something goes wrong is part of good care.",
];

const LEARNING: &[&str] = &[
    "I learned that slowing down at the start saves time later.",
    "I could have asked {p} what they wanted from the conversation before I started.",
    "Next time I would name the time pressure openly instead of letting it leak out.",
    "I learned that I can hold a boundary and stay warm at the same time.",
    "What else could I have done? Involved a colleague earlier, rather than carrying it alone.",
    "It confirmed that writing things down straight after helps me think more clearly.",
    "I learned more from getting this slightly wrong than from the days that go smoothly.",
];

const AIMS: &[&str] = &[
    "I was aiming to leave {p} feeling heard and a bit more in control.",
    "I wanted the conversation to be useful to {p}, not just to my paperwork.",
    "My aim was to keep things calm and safe without taking over.",
    "I hoped to leave the door open for next time, whatever happened this time.",
    "The consequence was a plan that {p} seemed to own.",
];

const ETHICS: &[&str] = &[
    "I think I acted to my values, although I cut a corner on time that I am not proud of.",
    "Respecting the choices made by {p} sat uneasily with my wish to keep everyone safe, and I think that tension is right to feel.",
    "Honesty mattered more than comfort here.",
    "I was fair, but I am not sure I was fully open about why I was asking.",
    "Doing the right thing meant going against the easiest option for the service.",
];

const REFLEXIVITY: &[&str] = &[
    "This links back to a visit last year where I rushed and lost someone's trust for weeks.",
    "I would do the first ten minutes differently: fewer questions, more listening.",
    "I notice a pattern of taking on other people's worries as if they were tasks.",
    "Support I need: a conversation in supervision about where my responsibility ends.",
    "Compared with a year ago, I waited longer before stepping in.",
];

const ASSUMPTIONS: &[&str] = &[
    "I assumed {p} wanted a solution when what they wanted was to be heard.",
    "I assumed the quiet meant agreement.",
    "My assumption was that I had to fix it before I left, which is not true.",
    "I assumed I knew what a good outcome looked like for {p}.",
    "I assumed the paperwork was the priority because that is what gets checked.",
];

const THEIR_VIEW: &[&str] = &[
    "{p} may have experienced me as one more person asking the same questions.",
    "Seen from where {p} stood, I think the most important thing was that I came back when I said I would.",
    "I suspect {p} felt judged at the start and less so by the end.",
    "If I asked {p}, I would guess they would say it was fine but went on too long.",
];

const COLLEAGUES: &[&str] = &[
    "A trusted colleague would probably say I did more than I give myself credit for.",
    "My co-worker saw it differently: she thought I stepped in too soon.",
    "If I described this to the team, I think they would recognise the time pressure straight away.",
    "A peer might ask why I did not ask for help sooner.",
    "The senior I talked it through with said she would have done much the same.",
];

const OPTIONS: &[&str] = &[
    "I could have paused and asked what {p} needed right then.",
    "Another option was to bring a colleague in sooner.",
    "I could have put the paperwork away altogether.",
    "I could have named what I was noticing instead of working round it.",
];

const SURPRISE: &[&str] = &[
    "What surprised me was how quickly {p} relaxed once I sat down.",
    "I was surprised by how angry I felt, and how fast.",
    "It surprised me that the plan I had prepared was not needed at all.",
    "I did not expect {p} to bring it up first.",
];

const ADJUST: &[&str] = &[
    "I changed tack on the spot and stopped asking questions for a while.",
    "I slowed my voice down and sat at eye level.",
    "I dropped my agenda and followed where {p} wanted to go.",
    "I took a breath, said I needed a moment, and came back to it.",
];

const NEXT: &[&str] = &[
    "Next time I will name the time pressure at the start.",
    "I want to try one small change and see whether it makes a difference.",
    "I will know it is working if {p} starts bringing things to me rather than the other way round.",
    "Small steps, and I will check back on them.",
];

/// Intros for an action section with a list of actions after them.
const NEXT_LEAD: &[&str] = &[
    "What I will take forward:",
    "The plan from here:",
    "Next steps:",
    "Next time I will name the time pressure at the start. For now:",
];

const GENERIC_ACTIONS: &[&str] = &[
    "Bring this to supervision",
    "Read the team's positive risk-taking guidance again",
    "Ask a colleague to observe one of my visits and give feedback",
    "Write up what I learned as a CPD record",
    "Take a proper lunch break on visit days",
    "Book a debrief with the senior on duty",
];

const EXTRA_STRENGTHS: &[&str] = &[
    "reflection",
    "self-awareness",
    "self-care",
    "curiosity",
    "hope",
];

const BLOCKERS: &[&str] = &[
    "not enough time on visit days",
    "kept being pushed back by urgent visits",
    "waiting to hear back",
    "waiting for the next team meeting",
    "off sick for part of the fortnight",
];

const GOOD_WORDS: &[&str] = &[
    "settled",
    "steady",
    "proud",
    "grateful",
    "light",
    "hopeful",
    "tired-but-ok",
    "content",
];
const HEAVY_WORDS: &[&str] = &[
    "stretched",
    "frayed",
    "heavy",
    "running-on-empty",
    "wobbly",
    "flat",
    "overwhelmed",
];
const HELPED: &[&str] = &[
    "A walk at lunch",
    "A colleague's cup of tea",
    "Talking it through on the drive home",
    "Music in the car",
    "A proper break",
    "Laughing with the team",
    "An early night",
    "Ringing a friend",
];

const QUESTIONS: &[&str] = &[
    "How do I know when to step back and let a plan fail safely?",
    "Is my caseload still right now that the visits are longer?",
    "What would you want me to record differently after a safeguarding concern?",
    "How do other people keep the evening group from taking over their week?",
];

const WELLBEING: &[&str] = &[
    "Mostly fine. Sleeping better since I stopped checking emails at night.",
    "A bit flat. Nothing dramatic, just tired.",
    "Good month. I have enjoyed the work more than I have for a while.",
];

const WELLBEING_HEAVY: &str = "Honestly, stretched. The last three weeks have been heavy and I have been carrying the YP-A situation home. I would like some of the time to be restorative.";

const AGENDA: &[&str] = &[
    "formative | 15 | advice | Working with YP-A's ambivalence about college",
    "restorative | 15 | space | How the rota changes are landing on me",
    "normative | 10 | decision | Caseload: can I hand over one of my visits?",
    "mediation | 10 | advice | Feeding back the Friday discharge problem to managers",
    "formative | 10 | advice | Keeping my notes factual and in people's own words",
    "restorative | 10 | space | The safeguarding concern about Mrs-E has stayed with me",
];

const AGREED: &[(&str, Option<&str>)] = &[
    ("Book the motivational interviewing course", None),
    (
        "Draft a structured handover sheet for the team meeting",
        None,
    ),
    (
        "Raise Friday discharges with the hospital liaison team",
        Some("team manager"),
    ),
    ("Find out the dates of the peer reflection group", None),
    (
        "Arrange a joint visit to Mrs-E with the social worker",
        None,
    ),
    (
        "Check whether agency staff get an induction pack",
        Some("team manager"),
    ),
    ("Protect a lunch break on visit days and report back", None),
    (
        "Send me the positive risk-taking guidance",
        Some("supervisor"),
    ),
];

const DECISIONS: &[&str] = &[
    "Agreed that I keep working with Mr-B and that the falls plan is reviewed in four weeks.",
    "My caseload stays as it is until the new starter has settled in.",
    "The safeguarding concern is with the local authority; my part is to keep visiting and record what I see.",
    "The team manager will raise Friday discharges at the next liaison meeting.",
    "Supervision stays monthly, and I can ask for an extra session if I need one.",
    "The evening group continues with two workers, never one.",
];

const LEARNING_SUPERVISION: &[&str] = &[
    "I tend to carry worries as tasks; some of them are simply worries and can be shared.",
    "Telling my own anxiety apart from actual risk helped me decide what to do next.",
    "Naming power openly made the conversation about the family meeting easier.",
    "Holding boundaries kindly is a skill I can practise, not a trait I lack.",
];

/// One stage-of-change note of an arc.
struct Note {
    at: f64,
    stage: Stage,
    certainty: Certainty,
    process: MiProcess,
    change_talk: &'static [(ChangeTalkCode, &'static str)],
    importance: Option<u8>,
    confidence: Option<u8>,
    evidence: &'static str,
    sustain: &'static str,
    discord: &'static str,
    oars: &'static str,
    next: &'static str,
    flag: bool,
}

/// A subject's change over the period, one topic.
struct Arc {
    subject: &'static str,
    kind: SubjectType,
    topic: &'static str,
    notes: &'static [Note],
}

use ChangeTalkCode as Ct;

const ARCS: &[Arc] = &[
    Arc {
        subject: "YP-A",
        kind: SubjectType::Person,
        topic: "going back to college",
        notes: &[
            Note {
                at: 0.05,
                stage: Stage::Contemplation,
                certainty: Certainty::Guess,
                process: MiProcess::Engaging,
                change_talk: &[(Ct::Desire, "would like to do the catering course")],
                importance: Some(6),
                confidence: Some(3),
                evidence: "Brought college up without being asked, then changed the subject quickly.",
                sustain: "Worried about being the oldest in the class and about money.",
                discord: "",
                oars: "Mostly open questions and reflections. I held back from giving information too soon.",
                next: "Find the open-day dates together.",
                flag: false,
            },
            Note {
                at: 0.2,
                stage: Stage::Preparation,
                certainty: Certainty::Clear,
                process: MiProcess::Planning,
                change_talk: &[
                    (
                        Ct::Reasons,
                        "wants their own money and a job they are proud of",
                    ),
                    (Ct::Ability, "worked out the bus route on their own"),
                    (Ct::Commitment, "said they will go to the open day"),
                ],
                importance: Some(8),
                confidence: Some(5),
                evidence: "Has looked up the open-day dates and asked whether I could go with them.",
                sustain: "Still says it might be a waste of time.",
                discord: "",
                oars: "An affirmation about working out the bus route landed well. A summary at the end helped them hear their own reasons.",
                next: "Go to the open day together; practise the journey beforehand.",
                flag: false,
            },
            Note {
                at: 0.36,
                stage: Stage::Action,
                certainty: Certainty::Clear,
                process: MiProcess::Planning,
                change_talk: &[
                    (Ct::TakingSteps, "enrolled and went to the induction"),
                    (Ct::Activation, "ready to start on Monday"),
                ],
                importance: Some(8),
                confidence: Some(6),
                evidence: "Enrolled on the course and went to the induction day.",
                sustain: "",
                discord: "",
                oars: "Mostly affirmations and keeping out of the way.",
                next: "Ask on Tuesdays how the week went, nothing more.",
                flag: false,
            },
            Note {
                at: 0.55,
                stage: Stage::Action,
                certainty: Certainty::Clear,
                process: MiProcess::Evoking,
                change_talk: &[
                    (Ct::TakingSteps, "has been in every day for three weeks"),
                    (Ct::Ability, "managed the early starts"),
                ],
                importance: Some(9),
                confidence: Some(7),
                evidence: "Three full weeks at college.",
                sustain: "Finds the written work hard and has mentioned it twice.",
                discord: "",
                oars: "Asked what would make the written work feel more possible rather than suggesting things.",
                next: "Find out what study support the college offers.",
                flag: false,
            },
            Note {
                at: 0.72,
                stage: Stage::Recycling,
                certainty: Certainty::Clear,
                process: MiProcess::Engaging,
                change_talk: &[(Ct::Desire, "still wants the qualification")],
                importance: Some(7),
                confidence: Some(2),
                evidence: "Missed a week and is back to weighing up whether to go at all: back to thinking about it rather than doing it.",
                sustain: "Says it is pointless now they are behind.",
                discord: "A flash of irritation when I mentioned the tutor. I backed off and it passed.",
                oars: "Reflected the disappointment before anything else. Recycling is part of change, and I said so.",
                next: "Offer to go with them to meet the tutor.",
                flag: true,
            },
            Note {
                at: 0.9,
                stage: Stage::Preparation,
                certainty: Certainty::Guess,
                process: MiProcess::Planning,
                change_talk: &[
                    (Ct::Need, "needs the course for the kind of job they want"),
                    (Ct::Commitment, "will meet the tutor next week"),
                ],
                importance: Some(8),
                confidence: Some(4),
                evidence: "Agreed to a meeting with the tutor about catching up.",
                sustain: "Worried the others will ask where they have been.",
                discord: "",
                oars: "A double-sided reflection helped: part of them wants to hide, part wants to finish what they started.",
                next: "Meet the tutor together; plan what to say if people ask.",
                flag: false,
            },
        ],
    },
    Arc {
        subject: "Mr-B",
        kind: SubjectType::Person,
        topic: "using the walking frame",
        notes: &[
            Note {
                at: 0.08,
                stage: Stage::Precontemplation,
                certainty: Certainty::Guess,
                process: MiProcess::Engaging,
                change_talk: &[],
                importance: None,
                confidence: None,
                evidence: "Says the frame is for old men and he manages fine holding on to the furniture.",
                sustain: "He has always got about on his own and does not see a problem.",
                discord: "",
                oars: "Did not argue. Asked about the things he enjoys getting out for.",
                next: "Keep visiting; listen for what matters to him.",
                flag: false,
            },
            Note {
                at: 0.28,
                stage: Stage::Contemplation,
                certainty: Certainty::Clear,
                process: MiProcess::Evoking,
                change_talk: &[
                    (Ct::Desire, "wants to get to the Thursday market"),
                    (Ct::Reasons, "frightened of ending up back in hospital"),
                ],
                importance: Some(6),
                confidence: Some(4),
                evidence: "Talked about the market and about the fall last winter in the same breath.",
                sustain: "The frame will not fit on the bus.",
                discord: "",
                oars: "A reflection linking the market and the fall made him go quiet and then nod.",
                next: "Ask the OT about a lighter frame for outside.",
                flag: false,
            },
            Note {
                at: 0.5,
                stage: Stage::Preparation,
                certainty: Certainty::Clear,
                process: MiProcess::Planning,
                change_talk: &[
                    (
                        Ct::Ability,
                        "managed the hallway with the frame while I was there",
                    ),
                    (
                        Ct::Commitment,
                        "said he would use it to the front door each morning",
                    ),
                ],
                importance: Some(7),
                confidence: Some(5),
                evidence: "Tried the lighter frame in the hallway and asked about the market route.",
                sustain: "Still does not want the neighbours to see it.",
                discord: "",
                oars: "Summarised his own plan back to him. He corrected one detail, which I took as ownership.",
                next: "Review at the four-week family meeting.",
                flag: false,
            },
        ],
    },
    Arc {
        subject: "team-north",
        kind: SubjectType::Team,
        topic: "handovers",
        notes: &[
            Note {
                at: 0.15,
                stage: Stage::Contemplation,
                certainty: Certainty::Guess,
                process: MiProcess::Focusing,
                change_talk: &[(
                    Ct::Need,
                    "agreed something has to change after the near miss",
                )],
                importance: Some(7),
                confidence: Some(4),
                evidence: "After the near miss with the medication change, most people agreed handovers are not working.",
                sustain: "We have always done it this way and it mostly works.",
                discord: "",
                oars: "Asked the team what a good handover would look like rather than proposing one.",
                next: "Bring a draft handover sheet to the next meeting.",
                flag: false,
            },
            Note {
                at: 0.45,
                stage: Stage::Preparation,
                certainty: Certainty::Clear,
                process: MiProcess::Planning,
                change_talk: &[(
                    Ct::Commitment,
                    "agreed to trial a handover sheet for a month",
                )],
                importance: Some(8),
                confidence: Some(6),
                evidence: "The team chose a sheet layout and a start date.",
                sustain: "Worry that the sheet adds paperwork.",
                discord: "",
                oars: "Affirmed the people who had been raising this for months.",
                next: "Start the trial on Monday; check in after two weeks.",
                flag: false,
            },
            Note {
                at: 0.7,
                stage: Stage::Action,
                certainty: Certainty::Clear,
                process: MiProcess::Evoking,
                change_talk: &[(Ct::TakingSteps, "the sheet is used on most shifts")],
                importance: Some(8),
                confidence: Some(7),
                evidence: "Handovers are shorter and medication changes are written down.",
                sustain: "It slips at weekends.",
                discord: "",
                oars: "A summary of what has changed, with the team's words, at the team meeting.",
                next: "Ask the weekend staff what would help.",
                flag: false,
            },
            Note {
                at: 0.94,
                stage: Stage::Maintenance,
                certainty: Certainty::Guess,
                process: MiProcess::Evoking,
                change_talk: &[
                    (
                        Ct::TakingSteps,
                        "weekend staff now start from the sheet too",
                    ),
                    (Ct::Ability, "new starters pick it up in a shift"),
                ],
                importance: Some(8),
                confidence: Some(8),
                evidence: "The sheet is part of the routine now; nobody mentions it.",
                sustain: "",
                discord: "",
                oars: "Named the change in the team meeting so it does not go unnoticed.",
                next: "Review in three months.",
                flag: false,
            },
        ],
    },
    Arc {
        subject: "me",
        kind: SubjectType::SelfSubject,
        topic: "taking proper breaks",
        notes: &[
            Note {
                at: 0.25,
                stage: Stage::Precontemplation,
                certainty: Certainty::Guess,
                process: MiProcess::Engaging,
                change_talk: &[],
                importance: Some(3),
                confidence: Some(6),
                evidence: "My supervisor pointed out that I had not taken a lunch break in three weeks. My first thought was that it was not a problem.",
                sustain: "There is never time, and the visits matter more.",
                discord: "",
                oars: "Writing it down is the reflection.",
                next: "Just notice the days I skip lunch.",
                flag: false,
            },
            Note {
                at: 0.6,
                stage: Stage::Contemplation,
                certainty: Certainty::Clear,
                process: MiProcess::Evoking,
                change_talk: &[
                    (
                        Ct::Reasons,
                        "I make more mistakes in the afternoon when I skip lunch",
                    ),
                    (
                        Ct::Desire,
                        "I want to still be doing this work in five years",
                    ),
                ],
                importance: Some(6),
                confidence: Some(4),
                evidence: "Counted: no proper break on nine of the last ten working days.",
                sustain: "Taking a break feels like letting people down.",
                discord: "",
                oars: "Tried to talk to myself the way I would to a colleague.",
                next: "Bring it to supervision.",
                flag: true,
            },
            Note {
                at: 0.88,
                stage: Stage::Preparation,
                certainty: Certainty::Clear,
                process: MiProcess::Planning,
                change_talk: &[
                    (
                        Ct::Commitment,
                        "blocking half an hour in the diary on visit days",
                    ),
                    (Ct::Ability, "managed it twice last week"),
                ],
                importance: Some(7),
                confidence: Some(5),
                evidence: "The diary has the breaks in it now; keeping them is the next part.",
                sustain: "Heavy weeks make it feel impossible.",
                discord: "",
                oars: "",
                next: "Tell a colleague, so someone asks.",
                flag: false,
            },
        ],
    },
];

/// When a call-in is planned.
enum When {
    Fraction(f64),
    DaysAgo(i64),
}

/// How a call-in went.
struct Outcome {
    held_after: i64,
    rating: Option<u8>,
    rupture: Option<Rupture>,
    follow_up_after: i64,
    followed_up_after: Option<i64>,
    bring: bool,
    texts: &'static [(&'static str, &'static str)],
}

/// A call-in plan and, once held, its outcome.
struct Plan {
    when: When,
    who: &'static str,
    subject: Option<&'static str>,
    approach: Approach,
    plan: &'static [(&'static str, &'static str)],
    outcome: Option<Outcome>,
}

const CALLINS: &[Plan] = &[
    Plan {
        when: When::Fraction(0.2),
        who: "colleague-D, a support worker on my team",
        subject: Some("colleague-D"),
        approach: Approach::CallIn,
        plan: &[
            (
                "relationship",
                "Peers on the same team. I have been here longer, so I hold a little more informal power.",
            ),
            (
                "urgency",
                "Not an emergency, but it has happened three times and new staff are picking it up.",
            ),
            (
                "power",
                "We are peers, so a private, gentle conversation feels fair and safe.",
            ),
            ("safety", "Nobody is at risk from talking one to one."),
            (
                "approach-why",
                "D is usually kind and would want to know. Calling in keeps D in the team rather than shaming them.",
            ),
            (
                "setting",
                "In the car on the way back from Thursday's joint visit, just the two of us.",
            ),
            (
                "intent",
                "To share the impact and understand where it comes from, not to tell D off.",
            ),
            (
                "shared-values",
                "We both care about people feeling respected in their own homes.",
            ),
            (
                "observed",
                "In the staff room D imitated a resident's accent while telling a story about her, and two people laughed.",
            ),
            (
                "impact",
                "A new colleague with the same accent went quiet and left the room. It makes the staff room feel less safe for anyone who sounds different.",
            ),
            (
                "feelings",
                "I felt uncomfortable, and then annoyed with myself for laughing along the first time.",
            ),
            (
                "questions",
                "How do you think that story went down? What might the new starter have heard? What would you want someone to say if it were your accent?",
            ),
            (
                "desired-outcome",
                "D understands the impact, and we agree to look out for each other on this.",
            ),
            (
                "missing",
                "D may not know the new colleague overheard, and may have been joking to cope with a hard visit.",
            ),
            (
                "repair-offer",
                "If it goes badly, say that I value working with D and suggest we pick it up again after a break.",
            ),
            ("debrief", "With my supervisor."),
        ],
        outcome: Some(Outcome {
            held_after: 2,
            rating: Some(4),
            rupture: Some(Rupture::None),
            follow_up_after: 14,
            followed_up_after: Some(15),
            bring: false,
            texts: &[
                (
                    "their-view",
                    "D was embarrassed and said they had not thought about how it sounded; the story had been meant fondly.",
                ),
                (
                    "outcome",
                    "Better than I hoped: D suggested apologising to the new colleague before I did.",
                ),
                (
                    "agreements",
                    "D will speak to the new colleague. We will both say something in the moment if it happens again, kindly.",
                ),
                (
                    "repair-steps",
                    "I thanked D for hearing it and asked about the hard visit behind the story.",
                ),
                (
                    "learning",
                    "Starting with a question rather than my verdict made it a conversation, not a telling-off.",
                ),
            ],
        }),
    },
    Plan {
        when: When::Fraction(0.45),
        who: "an agency nurse on the respite unit",
        subject: None,
        approach: Approach::CallIn,
        plan: &[
            (
                "relationship",
                "We had worked two shifts together. As the regular member of staff I know the unit; she has the clinical seniority.",
            ),
            (
                "urgency",
                "Better soon, while the shift is fresh, but not in front of residents.",
            ),
            (
                "power",
                "She is senior clinically, but this is about how we speak to people, which is everyone's business.",
            ),
            ("safety", "No risk in talking privately."),
            (
                "approach-why",
                "A one-off from someone new to the unit: calling in fits better than going to the manager.",
            ),
            (
                "setting",
                "In the office at the end of the shift, door closed.",
            ),
            (
                "intent",
                "To help her settle into how we do things here, and to stand up for the resident.",
            ),
            (
                "shared-values",
                "We both want residents to feel at home on the unit.",
            ),
            (
                "observed",
                "At handover she answered questions put to a resident as if the resident were not there.",
            ),
            (
                "impact",
                "The resident stopped joining in and looked at the floor for the rest of the conversation.",
            ),
            (
                "feelings",
                "I felt protective of the resident and nervous about raising it with someone more senior.",
            ),
            (
                "questions",
                "How did handover feel to you? What is the custom on the units you usually work on?",
            ),
            (
                "desired-outcome",
                "She includes residents in conversations about them.",
            ),
            (
                "missing",
                "She may be exhausted from back-to-back shifts, or used to a very different unit.",
            ),
            (
                "repair-offer",
                "Offer to show her round properly on her next shift.",
            ),
            ("debrief", "With the senior on duty."),
        ],
        outcome: Some(Outcome {
            held_after: 0,
            rating: Some(3),
            rupture: Some(Rupture::Withdrawal),
            follow_up_after: 10,
            followed_up_after: Some(12),
            bring: true,
            texts: &[
                (
                    "their-view",
                    "She said she had not noticed, and that on her usual wards there is no time for anything else.",
                ),
                (
                    "outcome",
                    "Partly what I hoped for: she listened, but she was cool with me for the rest of the week.",
                ),
                (
                    "agreements",
                    "None formally. She said she would think about it.",
                ),
                (
                    "repair-steps",
                    "I made a point of asking her advice on a dressing the next shift, which warmed things up.",
                ),
                (
                    "learning",
                    "Raising things with someone more senior takes more preparation, and some coolness afterwards is not the same as failure.",
                ),
            ],
        }),
    },
    Plan {
        when: When::Fraction(0.6),
        who: "senior-L, a senior practitioner",
        subject: None,
        approach: Approach::Escalate,
        plan: &[
            (
                "relationship",
                "L is senior to me and line manages two of my colleagues.",
            ),
            (
                "urgency",
                "People may be missing care: this cannot wait for a good moment.",
            ),
            (
                "power",
                "L holds more power than I do, and a private conversation could put me in a difficult position.",
            ),
            (
                "safety",
                "If visits are being missed, vulnerable people are at risk.",
            ),
            (
                "approach-why",
                "Calling in is not enough when people may be at risk and the other person holds more power: this goes to the team manager, as the whistleblowing policy says.",
            ),
            (
                "setting",
                "A private meeting with the team manager, booked for tomorrow morning.",
            ),
            (
                "intent",
                "To make sure the people on L's round are safe, and to report facts rather than accuse.",
            ),
            (
                "observed",
                "Three visit records show L at one address at times when I saw L's car elsewhere.",
            ),
            (
                "impact",
                "If the visits did not happen, three people may have gone without care or medication prompts.",
            ),
            (
                "feelings",
                "I feel sick about it, and worried about being wrong.",
            ),
            (
                "missing",
                "There may be an explanation, such as swapped visits that were not recorded. That is for the manager to find out, not me.",
            ),
            (
                "debrief",
                "With my practice supervisor, without naming anyone.",
            ),
        ],
        outcome: Some(Outcome {
            held_after: 1,
            rating: None,
            rupture: None,
            follow_up_after: 21,
            followed_up_after: None,
            bring: true,
            texts: &[
                (
                    "outcome",
                    "The team manager thanked me, took notes of the facts and said she would look into it. I have not heard more.",
                ),
                (
                    "learning",
                    "Knowing the whistleblowing policy beforehand made it easier to act quickly.",
                ),
            ],
        }),
    },
    Plan {
        when: When::DaysAgo(20),
        who: "YP-H, a young person in the Thursday group",
        subject: Some("YP-H"),
        approach: Approach::CallIn,
        plan: &[
            (
                "relationship",
                "I am one of the group's youth workers; YP-H has come for about a year and we get on well.",
            ),
            ("urgency", "Soon, before next Thursday's group."),
            (
                "power",
                "I am the adult and the worker, so I need to be careful not to lecture.",
            ),
            (
                "safety",
                "Safe to talk one to one at the start of the session.",
            ),
            (
                "approach-why",
                "YP-H is part of the group and we want them to stay. Calling in keeps them in.",
            ),
            (
                "setting",
                "Outside, before the session starts, walking to the shop.",
            ),
            (
                "intent",
                "To help YP-H see the impact, and to keep the group safe for everyone in it.",
            ),
            (
                "shared-values",
                "The group agreement we all signed: no put-downs.",
            ),
            (
                "observed",
                "YP-H used 'gay' as an insult about another young person's trainers, and the group laughed.",
            ),
            (
                "impact",
                "YP-F walked out, and a young person who has recently come out went very quiet.",
            ),
            (
                "feelings",
                "I felt protective, and disappointed, because I know YP-H can be kind.",
            ),
            (
                "questions",
                "What did you mean by it? How do you think it landed? What do you want the group to feel like?",
            ),
            (
                "desired-outcome",
                "YP-H understands why it hurt and we agree what happens next time.",
            ),
            (
                "missing",
                "YP-H may be repeating what they hear at home or at school, and may be struggling with something themselves.",
            ),
            (
                "repair-offer",
                "Keep the door open: we can talk again after the session.",
            ),
            ("debrief", "With my co-worker after the session."),
        ],
        outcome: Some(Outcome {
            held_after: 2,
            rating: Some(4),
            rupture: Some(Rupture::None),
            follow_up_after: 14,
            followed_up_after: None,
            bring: true,
            texts: &[
                (
                    "their-view",
                    "YP-H said everyone says it and it does not mean anything, then went quiet when I asked about the young person who had come out.",
                ),
                (
                    "outcome",
                    "Close to what I hoped: YP-H said sorry to the group without being asked.",
                ),
                (
                    "agreements",
                    "YP-H will help us rewrite the group agreement next week.",
                ),
                (
                    "repair-steps",
                    "Checked in with YP-F and the quiet young person separately.",
                ),
                (
                    "learning",
                    "Walking side by side made the conversation easier than sitting face to face.",
                ),
            ],
        }),
    },
    Plan {
        when: When::DaysAgo(3),
        who: "team-north, at the next team meeting",
        subject: Some("team-north"),
        approach: Approach::CallIn,
        plan: &[
            (
                "relationship",
                "My own team. I am one of the longer-serving members, not a manager.",
            ),
            (
                "urgency",
                "Not urgent, but the next starter begins in a fortnight.",
            ),
            (
                "power",
                "Raising it with the whole team is a bigger step than one to one, but the pattern is a team one.",
            ),
            ("safety", "No safety concern."),
            (
                "approach-why",
                "The pattern belongs to the team, not one person: a gentle question at the team meeting.",
            ),
            (
                "setting",
                "Any other business at Tuesday's team meeting, with the manager's agreement.",
            ),
            ("intent", "To make the team a kinder place to start in."),
            ("shared-values", "We all remember our own first weeks."),
            (
                "observed",
                "In the last two meetings new starters were described as 'not cut out for it' within their first fortnight.",
            ),
            (
                "impact",
                "Two new starters have left within three months, and the rest of us are stretched.",
            ),
            (
                "feelings",
                "I feel nervous about raising it and hopeful that people will recognise it.",
            ),
            (
                "questions",
                "What helped you in your first month here? What would we want a new starter to say about us?",
            ),
            (
                "desired-outcome",
                "We agree a simple buddy system for new starters.",
            ),
            (
                "missing",
                "People may be speaking from exhaustion rather than judgement.",
            ),
            (
                "repair-offer",
                "If it lands badly, say I am part of the pattern too.",
            ),
            ("debrief", "With my supervisor."),
        ],
        outcome: None,
    },
];

/// A CPD activity.
struct CpdItem {
    activity: &'static str,
    title: &'static str,
    hours: f64,
    participatory: bool,
    learning: &'static str,
    impact: &'static str,
    peer: &'static str,
    /// Topic tags of the reflections it links to, and how many.
    topics: &'static [&'static str],
    links: usize,
}

const CPDS: &[CpdItem] = &[
    CpdItem {
        activity: "training",
        title: "Trauma-informed practice: half-day workshop",
        hours: 3.5,
        participatory: true,
        learning: "Safety, trust, choice, collaboration and empowerment as a lens on everyday routines, not only on crises.",
        impact: "I now ask people how they would like a visit to start, and I explain what I am writing down and why.",
        peer: "",
        topics: &["youth-work", "boundaries"],
        links: 1,
    },
    CpdItem {
        activity: "reading",
        title: "Article on strengths-based conversations",
        hours: 1.0,
        participatory: false,
        learning: "Strengths-based practice does not ignore risk; it starts from what matters to the person and builds from there.",
        impact: "I rewrote the openings of my support plans in people's own words.",
        peer: "",
        topics: &["care-planning", "recording"],
        links: 1,
    },
    CpdItem {
        activity: "peer-discussion",
        title: "Peer reflection group: positive risk-taking",
        hours: 1.5,
        participatory: true,
        learning: "Other teams record the risk of not acting as well as the risk of acting.",
        impact: "I used this framing in Mr-B's family meeting, which helped his wishes carry weight.",
        peer: "A colleague from another team pointed out that I describe risks in more detail than strengths; I am going to balance that.",
        topics: &["positive-risk", "falls"],
        links: 2,
    },
    CpdItem {
        activity: "e-learning",
        title: "Mental Capacity Act refresher",
        hours: 2.0,
        participatory: false,
        learning: "The five principles again, and how to record a capacity assessment for one decision at one time.",
        impact: "Clearer notes when someone makes a choice others worry about.",
        peer: "",
        topics: &["family", "positive-risk"],
        links: 1,
    },
    CpdItem {
        activity: "training",
        title: "Motivational interviewing skills, day one",
        hours: 6.0,
        participatory: true,
        learning: "Hearing change talk, and answering sustain talk with reflection rather than argument.",
        impact: "I use more reflections and fewer questions, and I notice the righting reflex in myself.",
        peer: "Practised in triads; the observer noticed I summarise well but rush the ending.",
        topics: &["education", "falls"],
        links: 2,
    },
    CpdItem {
        activity: "reading",
        title: "Guidance on recording supervision",
        hours: 0.75,
        participatory: false,
        learning: "Supervision records can be disclosed, so they should be factual, with decisions and timescales clear.",
        impact: "My supervision records are shorter and list who does what by when.",
        peer: "",
        topics: &["recording"],
        links: 0,
    },
    CpdItem {
        activity: "shadowing",
        title: "A morning with the district nursing team",
        hours: 4.0,
        participatory: true,
        learning: "How the nurses explain each step and ask permission, even for routine dressings.",
        impact: "I now ask before I do anything practical on a visit, however small.",
        peer: "",
        topics: &["joint-working", "home-visit"],
        links: 1,
    },
    CpdItem {
        activity: "conference",
        title: "Regional youth work practice day",
        hours: 5.0,
        participatory: true,
        learning: "Workshops on group agreements written with young people, and on boundaries in online contact.",
        impact: "We are rewriting the evening group's agreement with the young people themselves.",
        peer: "Talked with two workers from another borough about weekend contact and how they hold that boundary.",
        topics: &["group-work", "youth-work"],
        links: 2,
    },
    CpdItem {
        activity: "reflection",
        title: "Written reflective account: a boundary held kindly",
        hours: 1.0,
        participatory: false,
        learning: "Writing the account showed me how much the boundary conversation depended on the relationship built before it.",
        impact: "I explain boundaries earlier now, before they are tested.",
        peer: "",
        topics: &["boundaries"],
        links: 1,
    },
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::TimeZone as _;

    use super::*;
    use crate::model::compose::{apply_document, render_entry};
    use crate::store::{ActionFilter, EntryFilter};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
    }

    fn demo(months: u32, seed: u64) -> (Store, DemoSummary) {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 18, 20, 0, 0).unwrap();
        let s = fill(&mut store, &Catalog::builtin(), today(), now, months, seed).unwrap();
        (store, s)
    }

    fn all(store: &Store) -> Vec<Entry> {
        store
            .list_entries(&EntryFilter::default(), None, 100_000)
            .unwrap()
            .iter()
            .map(|s| store.entry_by_rowid(s.rowid).unwrap())
            .collect()
    }

    #[test]
    fn every_kind_is_there_and_counted() {
        let (store, s) = demo(4, 2026);
        // The demo does not write the practice kinds (PRACTICE.md §12) yet.
        for kind in EntryKind::ALL
            .iter()
            .filter(|k| crate::model::practice::template_id(**k).is_none())
        {
            let f = EntryFilter {
                kind: Some(*kind),
                ..EntryFilter::default()
            };
            assert!(store.count_entries(&f).unwrap() > 0, "no {kind}");
        }
        let total = store.count_entries(&EntryFilter::default()).unwrap();
        assert_eq!(usize::try_from(total).unwrap(), s.entries());
        assert_eq!(
            store.list_actions(ActionFilter::All).unwrap().len(),
            s.actions
        );
        assert_eq!(s.subjects, 6, "{:?}", store.subjects().unwrap());
        // Three to five reflections a week.
        let weeks = 17;
        assert!(
            (weeks * 3..=weeks * 5 + 5).contains(&s.reflections),
            "{s:?}"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let (a, _) = demo(2, 7);
        let (b, _) = demo(2, 7);
        let (c, _) = demo(2, 8);
        assert_eq!(all(&a), all(&b));
        assert_ne!(all(&a), all(&c));
    }

    #[test]
    fn every_entry_round_trips_through_the_editor_document() {
        let (store, _) = demo(4, 2026);
        let catalog = Catalog::builtin();
        for e in all(&store) {
            let model = e
                .model
                .as_deref()
                .and_then(|m| catalog.model(m).ok().or_else(|| catalog.template(m)));
            assert!(e.model.is_none() || model.is_some(), "{:?}", e.model);
            let doc = render_entry(&e, model);
            let mut back = apply_document(&doc, &e, model, &catalog.vocabulary, today()).unwrap();
            // Headings left empty come back as empty sections: the same entry.
            back.sections.retain(|s| !s.text.is_empty());
            assert_eq!(back, e, "{doc}");
            assert!(!e.title.trim().is_empty());
            assert!(e.updated_at >= e.created_at);
            for s in &e.sections {
                assert!(!s.text.trim().is_empty(), "{} {}", e.title, s.key);
            }
            for s in &e.strengths {
                assert!(catalog.vocabulary.resolve(&s.name).is_ok(), "{}", s.name);
            }
        }
    }

    #[test]
    fn the_supervision_board_has_something_in_every_part() {
        let (store, _) = demo(4, 2026);
        let m = store.prep_material(today(), 6).unwrap();
        assert!(m.last.is_some());
        assert!(!m.carried.is_empty());
        assert!(!m.flagged.is_empty());
        assert!(!m.follow_ups.is_empty());
        assert!(!m.stale.is_empty());
        assert!(m.pattern.heavy_days >= 3, "{:?}", m.pattern);
        assert!(!m.cpd.is_empty());
        assert!(store.open_prep().unwrap().is_some());
        let stages: Vec<Stage> = store
            .stage_history("YP-A", None)
            .unwrap()
            .iter()
            .map(|p| p.stage)
            .collect();
        assert!(stages.contains(&Stage::Recycling), "{stages:?}");
    }

    #[test]
    fn one_month_still_has_every_kind() {
        let (store, _) = demo(1, 2026);
        // The demo does not write the practice kinds (PRACTICE.md §12) yet.
        for kind in EntryKind::ALL
            .iter()
            .filter(|k| crate::model::practice::template_id(**k).is_none())
        {
            let f = EntryFilter {
                kind: Some(*kind),
                ..EntryFilter::default()
            };
            assert!(store.count_entries(&f).unwrap() > 0, "no {kind}");
        }
    }
}
