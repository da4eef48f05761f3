//! `praxis checkin`: a short, non-diagnostic wellbeing check-in (PRACTICE.md §7).

use std::io::IsTerminal as _;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::CheckinArgs;
use crate::model::{CheckIn, Entry, EntryKind};

pub fn run(args: &CheckinArgs, ctx: &Ctx) -> Result<()> {
    let mut entry = Entry::new(EntryKind::CheckIn, ctx.clock.today(), ctx.clock.now_utc());
    entry.scope = ctx.config.journal.default_scope;
    super::add::apply_options(&mut entry, &args.opts, ctx)?;
    if entry.checkin.is_none() {
        if !std::io::stdin().is_terminal() {
            bail!(
                "nothing to record: give at least one of --mood, --energy, --load, --carrying, --word, --helped"
            );
        }
        entry.checkin = Some(ask()?);
    }
    let c = entry.checkin.clone().unwrap_or_default();
    if c.is_empty() {
        bail!("nothing to record: the check-in is empty");
    }
    if entry.title.trim().is_empty() {
        entry.title = match &c.word {
            Some(w) => format!("Check-in: {w}"),
            None => "Check-in".into(),
        };
    }
    let mut store = ctx.store()?;
    store.insert_entry(&entry)?;
    say!("{}", entry.short_id());
    if c.load.is_some_and(crate::model::Load::is_heavy) {
        note!(
            "Heavy days are worth bringing to restorative supervision: flag an entry with --for-supervision."
        );
    }
    Ok(())
}

/// Asks each question on the terminal; an empty answer skips it, a wrong one asks again.
fn ask() -> Result<CheckIn> {
    fn question<T>(prompt: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>> {
        loop {
            note_raw!("{prompt} ");
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line)? == 0 {
                return Ok(None);
            }
            let t = line.trim();
            if t.is_empty() {
                return Ok(None);
            }
            match parse(t) {
                Ok(v) => return Ok(Some(v)),
                Err(e) => note!("  {e}"),
            }
        }
    }
    let scale = |name: &'static str| {
        move |s: &str| {
            s.parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .ok_or_else(|| format!("{name} is a number from 1 to 5"))
        }
    };
    note!("Check-in (press Enter to skip a question).");
    Ok(CheckIn {
        mood: question("Mood, 1 (low) to 5 (good)?", scale("mood"))?,
        energy: question("Energy, 1 (empty) to 5 (plenty)?", scale("energy"))?,
        load: question("Load: light, manageable, heavy or overloaded?", str::parse)?,
        carrying: question(
            "Carrying anything from today: no, some or a-lot?",
            str::parse,
        )?,
        word: question("One word for today?", |s| Ok(s.to_string()))?,
        helped: question("What helped?", |s| Ok(s.to_string()))?,
    })
}
