//! Times opening a circle of many contribution files: 50 members × 5 a week × 5 years
//! ≈ 65,000 files by default. Prints a Markdown table: the first open (nothing in the
//! local index: every file read and verified); a warm open as the pane makes it before its
//! first frame (what arrived: folders whose time changed), with nothing changed and after
//! a few new files arrived; the check of every file for a rewrite in place that follows
//! (the pane's, between frames; the command line's, before it answers); and reading the
//! stream's first page.
//!
//!     cargo run --release --example circle_bench
//!     cargo run --release --example circle_bench -- --files 10000 --members 20 --runs 5
//!     cargo run --release --example circle_bench -- --dir /tmp/circle   (kept, to look into)
//!
//! The folder is written straight to disk (signed as praxis signs them), unencrypted: an
//! encrypted circle costs the same on a warm open, and more on the first one only.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use chrono::{TimeZone as _, Utc};
use praxis::circle::contribution::{self, Body, Contribution};
use praxis::circle::manifest::{self, Member};
use praxis::circle::{Circle, Identity, keys};

struct Args {
    /// Where to build the circle (kept afterwards); a temporary folder otherwise.
    dir: Option<std::path::PathBuf>,
    files: usize,
    members: usize,
    runs: usize,
}

fn args() -> Result<Args> {
    let mut a = Args {
        dir: None,
        files: 65_000,
        members: 50,
        runs: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || -> Result<usize> {
            it.next()
                .with_context(|| format!("{flag} needs a number"))?
                .parse()
                .with_context(|| format!("{flag} needs a number"))
        };
        match flag.as_str() {
            "--dir" => a.dir = Some(it.next().context("--dir needs a path")?.into()),
            "--files" => a.files = value()?,
            "--members" => a.members = value()?.max(1),
            "--runs" => a.runs = value()?.max(1),
            other => anyhow::bail!(
                "unknown option {other}: --files N, --members N, --runs N, --dir PATH"
            ),
        }
    }
    Ok(a)
}

/// Writes `members` members (the founder first) and `files` contributions spread over five
/// years, round robin.
fn fill(folder: &Path, circle: &Circle, members: usize, files: usize) -> Result<()> {
    let start = Utc
        .with_ymd_and_hms(2021, 1, 4, 9, 0, 0)
        .single()
        .context("date")?;
    let step = chrono::Duration::seconds(5 * 365 * 24 * 3600 / i64::try_from(files.max(1))?);
    let mut ids = vec![(circle.membership.member.clone(), None)];
    for i in 1..members {
        let me = Identity::generate()?;
        let m = Member {
            id: me.member_id(),
            pseudonym: format!("member-{i}"),
            key: keys::key_text(&me.public()),
            recipient: None,
            joined: start,
            left: None,
        };
        manifest::write_card(folder, &circle.manifest.id, &m, &me)?;
        manifest::write_welcome(folder, &circle.manifest.id, &m, &circle.me, start)?;
        ids.push((m.id, Some(me)));
    }
    let texts = [
        "How do you close a visit that runs over time?",
        "Naming the time at the start keeps endings calm.",
        "What helps you hand over when the shift was heavy?",
    ];
    for n in 0..files {
        let (author, key) = &ids[n % ids.len()];
        let me = key.as_ref().unwrap_or(&circle.me);
        let at = start + step * i32::try_from(n)?;
        let c = Contribution {
            id: contribution::new_id(at)?,
            circle: circle.manifest.id.clone(),
            author: author.clone(),
            written_at: at,
            themes: Vec::new(),
            body: Body::Question {
                text: texts[n % texts.len()].to_string(),
            },
        };
        let bytes = contribution::seal(&c, me, None)?;
        let dir = folder.join(manifest::MEMBERS).join(author);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{}.json", c.id)), bytes)?;
    }
    Ok(())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<()> {
    let a = args()?;
    let tmp = tempfile::tempdir()?;
    let base = a.dir.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    let folder = base.join("shared");
    let local = base.join("local");
    let now = Utc::now();
    let circle = Circle::create(&folder, &local, "Bench circle", "", false, "founder", now)?;
    let membership = circle.membership.clone();
    let t = Instant::now();
    fill(&folder, &circle, a.members, a.files)?;
    drop(circle);
    eprintln!(
        "wrote {} files for {} members in {:.1} s",
        a.files,
        a.members,
        t.elapsed().as_secs_f64()
    );

    let open_and_refresh = || -> Result<(Duration, praxis::circle::Refresh, Circle)> {
        let t = Instant::now();
        let mut c = Circle::open(&membership, &local)?;
        let r = c.refresh(Utc::now())?;
        Ok((t.elapsed(), r, c))
    };
    // What the pane does before its first frame: open, read what arrived, the first page.
    let first_frame = || -> Result<(Duration, praxis::circle::Refresh, Circle, praxis::circle::Sweep)> {
        let t = Instant::now();
        let mut c = Circle::open(&membership, &local)?;
        let (r, sweep) = c.refresh_arrivals(Utc::now())?;
        let _ = c.stream(40)?;
        Ok((t.elapsed(), r, c, sweep))
    };
    let (cold, cold_report, circle) = open_and_refresh()?;
    drop(circle);
    let mut warm = Vec::new();
    let mut warm_report = praxis::circle::Refresh::default();
    let mut full = Vec::new();
    let mut full_report = praxis::circle::Refresh::default();
    let mut checked = Vec::new();
    for _ in 0..a.runs {
        let (d, r, mut c, mut sweep) = first_frame()?;
        warm.push(d);
        warm_report = r;
        let t = Instant::now();
        while !sweep.is_done() {
            c.check(&mut sweep, 4096, Utc::now())?;
        }
        checked.push(t.elapsed());
        drop(c);
        let (d, r, _) = open_and_refresh()?;
        full.push(d);
        full_report = r;
    }
    let mut arrived = Vec::new();
    let mut arrived_read = 0;
    let mut page = Vec::new();
    for run in 0..a.runs {
        // Ten new files from the founder, as a sync brings them.
        let c = Circle::open(&membership, &local)?;
        for i in 0..10 {
            c.contribute(
                Body::Learning {
                    text: format!("new arrival {run}-{i}"),
                },
                Utc::now(),
            )?;
        }
        drop(c);
        let (d, r, c, _) = first_frame()?;
        arrived.push(d);
        arrived_read = r.read;
        let t = Instant::now();
        let items = c.stream(40)?;
        for i in &items {
            if let Ok(x) = &i.content {
                let _ = c.responses(&x.id)?;
            }
        }
        page.push(t.elapsed());
    }

    println!(
        "Circle of {} files, {} members ({} runs; median)\n",
        a.files, a.members, a.runs
    );
    println!("| operation | files read | time |");
    println!("|---|---|---|");
    println!(
        "| first open (empty index: read and verify every file) | {} | {} |",
        cold_report.read,
        ms(cold)
    );
    println!(
        "| warm open to the first frame (nothing changed) | {} | {} |",
        warm_report.read,
        ms(median(warm))
    );
    println!(
        "| warm open to the first frame after 10 new files arrived | {arrived_read} | {} |",
        ms(median(arrived))
    );
    println!(
        "| then every file checked for a rewrite in place (the pane, between frames) | 0 | {} |",
        ms(median(checked))
    );
    println!(
        "| warm open with every file checked (the command line) | {} | {} |",
        full_report.read,
        ms(median(full))
    );
    println!(
        "| the stream's first page (40 items, their replies) | 0 | {} |",
        ms(median(page))
    );
    Ok(())
}
