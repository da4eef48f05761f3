//! The cost of computing one period's Patterns on a journal, for counting instructions:
//! `valgrind --tool=callgrind --toggle-collect='praxis::insights::compute*'
//! target/release/examples/patterns_cost DB all 3` counts only the computing (the journal
//! opened, its schema read and a first warm-up computation left out by `--toggle-collect`
//! being on for each call; divide by runs + 1).
//!
//! Arguments: the journal (a plain one), the period (4w, quarter, year, all) and how many
//! times to compute it after the first. "Today" is the benchmark's, 2026-11-20.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use praxis::config::catalog::Catalog;
use praxis::insights::{self, Period};
use praxis::store::Store;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(
        args.next()
            .context("usage: patterns_cost DB [PERIOD] [RUNS]")?,
    );
    let period = args.next().unwrap_or_else(|| "all".into());
    let runs: usize = args.next().map_or(Ok(3), |r| r.parse())?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).context("a day")?;
    let store = Store::open(&db)?;
    let catalog = Catalog::builtin();
    let period = Period::named(&period, today)?;
    let first = insights::compute(&store, &catalog, &period, today)?;
    let t = Instant::now();
    for _ in 0..runs {
        let ins = insights::compute(&store, &catalog, &period, today)?;
        anyhow::ensure!(ins == first, "the same period computed twice differs");
    }
    println!(
        "{} entries over {} weeks; {:.2} ms a computation",
        first.entries,
        first.weeks.len(),
        t.elapsed().as_secs_f64() * 1000.0 / runs.max(1) as f64
    );
    Ok(())
}
