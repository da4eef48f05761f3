//! The performance benchmark of issue 7: builds a realistic journal of `--entries` entries
//! in a temporary directory, times the operations whose targets the issue sets, and prints
//! a Markdown table (median, min and max over `--runs` runs, and peak memory).
//!
//!     cargo run --release --example bench -- --entries 100000
//!     target/release/examples/bench --entries 10000 --runs 9 --ops list,search,tui-open
//!
//! The journal is seeded and the same for the same `--entries` and `--seed`: reflections
//! (free-form and with a model's sections, 80–400 words), check-ins, stage notes about a
//! few hundred subjects, call-ins, CPD records, supervision preps and records, tracked
//! actions, strengths (with whose) and tags, dated over 10 to 25 years. The text comes from
//! `../shared/corpus/gen_corpus.py` when python3 and the script are there (the corpus the
//! other journals were measured with), else from the same generator ported below.
//!
//! Whole-process operations run `target/release/praxis` (built first if missing) with
//! `PRAXIS_DB` pointing at the journal; their peak RSS comes from `/usr/bin/time` when it
//! is installed. Export is `praxis export --all -o FILE`; import reads that file back into
//! a fresh journal; the Markdown export is `praxis export --all -f md -o FILE`. The TUI
//! operations run in a fresh child process of this bench (the same binary with
//! `--worker`), so that its peak RSS is the TUI's, not the builder's.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta, Utc};
use clap::Parser;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use uuid::Uuid;

use praxis::clock::Clock;
use praxis::config::Config;
use praxis::config::catalog::Catalog;
use praxis::insights::{self, Period};
use praxis::model::details::typed_keys;
use praxis::model::{
    Action, ActionStatus, AgendaItem, Approach, CallIn, CallInStatus, Carrying, Certainty,
    ChangeTalk, ChangeTalkCode, CheckIn, Cpd, Details, Entry, EntryKind, Function, Load, MiProcess,
    Rupture, Scope, Section, SessionStage, SessionType, Stage, StageNote, StrengthTag, SubjectType,
    Supervision, Template, Want, Whose,
};
use praxis::store::{EntryFilter, Store};
use praxis::tui::app::App;
use praxis::tui::keymap::Keymap;
use praxis::tui::theme::Theme;

/// Entries written per transaction while building.
const BATCH: usize = 5_000;
/// The journal's "now": fixed, so the same seed always gives the same journal and every
/// run sees the same "today" (children get it as `PRAXIS_NOW`).
const NOW: &str = "2026-11-20T20:00:00+00:00";
/// The word searched for as a whole process: the corpus puts it in about 1% of texts.
const SEARCH_WORD: &str = "kintsugi";
/// Live-search queries: three characters typed first, then the timed fourth. One rare
/// word (few full-text hits) and one common one (thousands of prefix hits to rank).
const LIVE_QUERIES: [(&str, &str); 2] = [("kint", "rare word"), ("care", "common word")];
/// As `insights.rs`: the most recent heavy (and light) weeks the word counts look in.
const WORD_WEEKS: usize = 400;
/// The TUI screen size the issue names.
const SCREEN: (u16, u16) = (120, 40);

#[derive(Debug, Parser)]
#[command(about = "praxis performance benchmark (issue 7)")]
struct Args {
    /// Entries in the journal to build.
    #[arg(long, default_value_t = 10_000)]
    entries: usize,
    /// Timed runs of each operation (after one untimed warm-up).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Operations to time, comma-separated (default: all). Names: list, search, tui-open,
    /// tui-search, tui-move, patterns, import, export, rss, version, first-run; and
    /// imports (every other tool's format, from `--corpus`; on its own, no journal is
    /// built).
    #[arg(long, value_delimiter = ',')]
    ops: Vec<String>,
    /// Build the journal in DIR and keep it (a journal already there with the same
    /// number of entries is reused instead of rebuilt).
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
    /// Seed of the generated journal.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where the text comes from: auto (python3 corpus if available), python, rust.
    #[arg(long, default_value = "auto")]
    text: String,
    /// Internal: run the in-process TUI operations on this journal and report.
    #[arg(long, hide = true, value_name = "DB")]
    worker: Option<PathBuf>,
    /// For `--ops imports`: a corpus written by `gen_corpus.py -n ENTRIES --out DIR`
    /// (the jrnl and tui-journal files are imported; jrnl's Markdown export and a folder
    /// of Markdown notes are written from its entries.jsonl beside them).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
}

const ALL_OPS: [&str; 12] = [
    "list",
    "search",
    "tui-open",
    "tui-search",
    "tui-move",
    "patterns",
    "import",
    "export",
    "rss",
    "version",
    "first-run",
    "imports",
];

fn main() -> Result<()> {
    let args = Args::parse();
    let mut ops = args.ops.clone();
    if ops.is_empty() {
        ops = ALL_OPS.iter().map(|s| (*s).to_string()).collect();
    }
    for op in &ops {
        if !ALL_OPS.contains(&op.as_str()) {
            bail!(
                "unknown operation '{op}': expected some of {}",
                ALL_OPS.join(", ")
            );
        }
    }
    let runs = args.runs.max(1);
    if let Some(db) = &args.worker {
        return worker(db, runs, &ops);
    }
    if ops.iter().all(|o| o == "imports") {
        return imports::run(&args, runs);
    }
    if cfg!(debug_assertions) {
        eprintln!("bench: warning: this is a debug build; run it with --release for real numbers");
    }
    let now = DateTime::parse_from_rfc3339(NOW)?;

    // The journal.
    let tmp;
    let dir = match &args.keep {
        Some(d) => {
            std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
            d.clone()
        }
        None => {
            tmp = tempfile::Builder::new().prefix("praxis-bench-").tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let db = dir.join("journal.sqlite3");
    let build = if db.exists() {
        let n = Store::open(&db)?.count_entries(&EntryFilter::default())?;
        if usize::try_from(n).ok() != Some(args.entries) {
            bail!(
                "{} holds {n} entries, not {}: remove it or choose another --keep DIR",
                db.display(),
                args.entries
            );
        }
        eprintln!(
            "bench: reusing the journal at {} ({n} entries)",
            db.display()
        );
        None
    } else {
        Some(build_journal(&db, &dir, &args, now)?)
    };
    let hits = Store::open(&db)?
        .search(SEARCH_WORD, &EntryFilter::default(), usize::MAX)?
        .len();

    let mut rows: Vec<Row> = Vec::new();
    let has = |name: &str| ops.iter().any(|o| o == name);
    let praxis_bin = praxis_binary()?;
    let env = ChildEnv {
        db: db.clone(),
        config: dir.join("no-config.toml"),
    };

    // The first command of the day takes the daily backup: once, reported on its own.
    let mut first_run = None;
    let mut baseline: Option<Row> = None;
    if has("first-run") && build.is_some() {
        eprintln!("bench: first command of the day (daily backup)");
        first_run = Some(output_then_exit(
            &praxis_bin,
            &env,
            &["list", "--limit", "10"],
        )?);
    } else {
        // Take it untimed, so that it lands in no timed run.
        run_praxis(&praxis_bin, &env, &["list", "--limit", "10"])?;
    }

    let rss_tool = Path::new("/usr/bin/time").exists();
    // Whole processes are cheap and noisier: four times the runs.
    let process_runs = runs * 4;
    let process = |args: &[&str]| -> Result<(Vec<Duration>, Option<u64>)> {
        run_praxis(&praxis_bin, &env, args)?; // warm-up
        let mut times = Vec::new();
        for _ in 0..process_runs {
            let t = Instant::now();
            run_praxis(&praxis_bin, &env, args)?;
            times.push(t.elapsed());
        }
        let rss = if rss_tool {
            child_max_rss(&praxis_bin, &env, args, &dir)?
        } else {
            None
        };
        Ok((times, rss))
    };

    if has("list") {
        eprintln!("bench: praxis list --limit 10");
        let (t, rss) = process(&["list", "--limit", "10"])?;
        rows.push(
            Row::timed(
                "`praxis list --limit 10` (whole process)",
                "≤ 20 ms",
                t,
                20.0,
            )
            .rss(rss, rss_tool),
        );
    }
    if has("search") {
        eprintln!("bench: praxis search {SEARCH_WORD}");
        let (t, rss) = process(&["search", SEARCH_WORD])?;
        rows.push(
            Row::timed(
                &format!(
                    "`praxis search {SEARCH_WORD}` ({hits} hits, ranked, snippets; whole process)"
                ),
                "≤ 50 ms",
                t,
                50.0,
            )
            .rss(rss, rss_tool),
        );
    }

    // The TUI operations, in a fresh process.
    let tui_ops: Vec<String> = ops
        .iter()
        .filter(|o| {
            matches!(
                o.as_str(),
                "tui-open" | "tui-search" | "tui-move" | "patterns" | "rss"
            )
        })
        .cloned()
        .collect();
    let mut tui = WorkerReport::default();
    if !tui_ops.is_empty() {
        eprintln!("bench: TUI operations (in-process, in a child bench process)");
        tui = run_worker(&db, runs, &tui_ops)?;
    }
    if has("tui-open") {
        rows.push(Row::outcome(
            "TUI: open the journal and render the first frame (120×40)",
            "≤ 30 ms",
            tui.take("open")?,
            30.0,
        ));
    }
    if has("tui-search") {
        for (q, what) in LIVE_QUERIES {
            let typed: String = q.chars().take(3).collect();
            rows.push(Row::outcome(
                &format!("TUI: one live-search keystroke, \"{typed}\" → \"{q}\" ({what}), re-ranked and drawn"),
                "≤ 16 ms",
                tui.take(&format!("search-{q}"))?,
                16.0,
            ));
        }
    }
    if has("tui-move") {
        rows.push(Row::outcome(
            "TUI: move the selection (`j`) and draw the preview",
            "≤ 5 ms",
            tui.take("move")?,
            5.0,
        ));
    }
    if has("patterns") {
        rows.push(Row::outcome(
            "Patterns pane for \"all time\" (`]` from year), computed and drawn",
            "≤ 100 ms",
            tui.take("patterns")?,
            100.0,
        ));
    }
    // Export, then import what was exported into a fresh journal: whole processes, each
    // run under GNU time (when there) for its peak RSS; fewer runs, they are long.
    let io_runs = runs.min(3);
    let export_file = dir.join("export.json");
    let mut export_row = None;
    if has("export") || has("import") {
        eprintln!("bench: praxis export --all");
        let file = export_file.to_string_lossy().into_owned();
        let args = ["export", "--all", "-o", file.as_str(), "--force"];
        run_praxis(&praxis_bin, &env, &args)?; // warm-up, and the file for the import
        let mut times = Vec::new();
        let mut rss = None;
        for _ in 0..io_runs {
            let (t, k) = timed_with_rss(&praxis_bin, &env, &args, &dir, rss_tool)?;
            times.push(t);
            rss = rss.max(k);
        }
        let size = std::fs::metadata(&export_file).map_or(0, |m| m.len() / 1024);
        export_row = Some(
            Row::timed(
                &format!(
                    "export {} entries to JSON (`praxis export --all -o FILE`: {}; {io_runs} runs)",
                    live_entries(&db)?,
                    mib(size)
                ),
                "≤ 2 s",
                times,
                2000.0,
            )
            .rss(rss, rss_tool),
        );
    }
    if has("import") {
        eprintln!("bench: praxis import (praxis JSON, into a fresh journal)");
        let file = export_file.to_string_lossy().into_owned();
        let mut times = Vec::new();
        let mut rss = None;
        let expected = live_entries(&db)?;
        for i in 0..io_runs {
            let fresh = dir.join(format!("import-{i}"));
            std::fs::create_dir_all(&fresh)?;
            let into = ChildEnv {
                db: fresh.join("journal.sqlite3"),
                config: env.config.clone(),
            };
            let (t, k) = timed_with_rss(&praxis_bin, &into, &["import", &file], &dir, rss_tool)?;
            times.push(t);
            rss = rss.max(k);
            if i == 0 {
                let got = Store::open(&into.db)?.count_entries(&EntryFilter {
                    trashed: false,
                    ..EntryFilter::default()
                })?;
                if got != expected {
                    eprintln!("bench: warning: the import holds {got} entries, not {expected}");
                }
            }
            std::fs::remove_dir_all(&fresh)?;
        }
        let target_ms = if args.entries > 100_000 {
            30_000.0
        } else {
            3_000.0
        };
        let mut row = Row::timed(
            &format!(
                "import {expected} entries from praxis JSON (`praxis import FILE` into a new journal; {io_runs} runs)"
            ),
            if args.entries > 100_000 {
                "≤ 30 s, ≤ 100 MiB"
            } else {
                "≤ 3 s, ≤ 100 MiB"
            },
            times,
            target_ms,
        )
        .rss(rss, rss_tool);
        row.met = row
            .met
            .map(|t| t && rss.is_none_or(|k| k <= imports::RSS_KIB));
        rows.push(row);
    }
    if has("export") {
        rows.extend(export_row);
        eprintln!("bench: praxis export --all -f md");
        let md_file = dir.join("export.md");
        let file = md_file.to_string_lossy().into_owned();
        let args = [
            "export",
            "--all",
            "-f",
            "md",
            "-o",
            file.as_str(),
            "--force",
        ];
        let mut times = Vec::new();
        let mut rss = None;
        match run_praxis(&praxis_bin, &env, &args) {
            Ok(()) => {
                for _ in 0..io_runs {
                    let (t, k) = timed_with_rss(&praxis_bin, &env, &args, &dir, rss_tool)?;
                    times.push(t);
                    rss = rss.max(k);
                }
                let size = std::fs::metadata(&md_file).map_or(0, |m| m.len() / 1024);
                rows.push(
                    Row::timed(
                        &format!(
                            "export {} entries to Markdown (`praxis export --all -f md -o FILE`: {}; {io_runs} runs)",
                            live_entries(&db)?,
                            mib(size)
                        ),
                        "≤ 2 s",
                        times,
                        2000.0,
                    )
                    .rss(rss, rss_tool),
                );
            }
            // An older praxis without it: say so rather than stop.
            Err(e) => {
                eprintln!("bench: the Markdown export failed: {e:#}");
                rows.push(Row::failed(
                    "export to Markdown (`praxis export --all -f md` failed)",
                    "≤ 2 s",
                ));
            }
        }
    }
    if has("rss") {
        let kib = tui.rss_kib.context("the TUI worker reported no peak RSS")?;
        rows.push(Row {
            op: "peak RSS of the TUI after opening, scrolling, searching and patterns (VmHWM of the TUI child process)".into(),
            target: "≤ 60 MiB".into(),
            median: mib(kib),
            min: "—".into(),
            max: "—".into(),
            rss: mib(kib),
            met: Some(kib as f64 / 1024.0 <= 60.0),
        });
    }
    if has("version") && Path::new("/bin/true").exists() {
        // What spawning any process costs here, for reading the whole-process rows.
        let mut times = Vec::new();
        for _ in 0..=process_runs {
            let t = Instant::now();
            Command::new("/bin/true")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .output()?;
            times.push(t.elapsed());
        }
        times.remove(0);
        let mut row = Row::timed(
            "`/bin/true`: the cost of spawning any process here (informative)",
            "—",
            times,
            f64::MAX,
        );
        row.met = None;
        baseline = Some(row);
    }
    if has("version") {
        eprintln!("bench: praxis --version");
        let (t, rss) = process(&["--version"])?;
        rows.push(
            Row::timed("`praxis --version` (whole process)", "≤ 5 ms", t, 5.0).rss(rss, rss_tool),
        );
    }
    rows.extend(baseline);
    if let Some(b) = &build {
        rows.push(Row {
            op: format!(
                "build the journal: {} entries via `insert_entries`, {BATCH} per transaction (informative)",
                args.entries
            ),
            target: "—".into(),
            median: secs(b.insert),
            min: "—".into(),
            max: "—".into(),
            rss: "—".into(),
            met: None,
        });
    }
    if let Some((output, exit)) = first_run {
        rows.push(Row {
            op: "first `praxis list --limit 10` of the day: its output, then the daily backup (informative, 1 run)".into(),
            target: "—".into(),
            median: format!("{} (exit {})", ms(output), ms(exit)),
            min: "—".into(),
            max: "—".into(),
            rss: "—".into(),
            met: None,
        });
    }

    // The report.
    println!("{}", machine_line());
    println!();
    let mut about = format!(
        "{} entries ({}), seed {}; {} timed runs of each TUI operation and {} of each whole process, after one warm-up; text from {}; journal file {}",
        args.entries,
        build
            .as_ref()
            .map_or_else(|| "reused".to_string(), |b| b.kinds.clone()),
        args.seed,
        runs,
        runs * 4,
        build
            .as_ref()
            .map_or("an earlier build", |b| b.text_source.as_str()),
        mib(std::fs::metadata(&db).map(|m| m.len() / 1024).unwrap_or(0)),
    );
    if let Some(b) = &build {
        let _ = write!(
            about,
            "; built in {} (text {}, inserts {}, {:.0} entries/s)",
            secs(b.total),
            secs(b.text),
            secs(b.insert),
            args.entries as f64 / b.insert.as_secs_f64().max(1e-9)
        );
    }
    println!("{about}.");
    println!();
    println!("| operation | target | median | min | max | peak RSS | met |");
    println!("|---|---|---:|---:|---:|---:|---|");
    for r in &rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "—",
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {met} |",
            r.op, r.target, r.median, r.min, r.max, r.rss
        );
    }
    if !tui.parts.is_empty() {
        println!();
        println!("Where the TUI time goes (medians):");
        println!();
        println!("| part | median | min | max |");
        println!("|---|---:|---:|---:|");
        for (name, t) in &tui.parts {
            match t {
                Ok(t) => {
                    let (med, lo, hi) = stats(t);
                    println!("| {name} | {} | {} | {} |", ms(med), ms(lo), ms(hi));
                }
                Err(e) => println!("| {name} | **fails**: {e} | — | — |"),
            }
        }
    }
    if let Some(k) = &args.keep {
        eprintln!(
            "bench: the journal is kept at {}",
            k.join("journal.sqlite3").display()
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Imports of other tools' files
// ---------------------------------------------------------------------------------------

/// `--ops imports`: each of the other tools' formats imported into a new journal, whole
/// processes under GNU time, with their peak RSS. Files come from a corpus of
/// `gen_corpus.py`; jrnl's Markdown export and a folder of Markdown notes are written
/// here from the same entries (once, kept beside the corpus).
mod imports {
    use std::io::{BufRead as _, BufReader, BufWriter, Write as _};
    use std::path::{Path, PathBuf};

    use anyhow::{Context as _, Result, bail};
    use chrono::{DateTime, Datelike as _, Utc};
    use praxis::store::{EntryFilter, Store};

    use super::{Args, ChildEnv, Row, machine_line, praxis_binary, timed_with_rss};

    /// The peak RSS every import must stay under (issue 19): 100 MiB.
    pub const RSS_KIB: u64 = 100 * 1024;

    pub fn run(args: &Args, runs: usize) -> Result<()> {
        let corpus = args
            .corpus
            .clone()
            .context("--ops imports needs --corpus DIR (gen_corpus.py -n N --out DIR)")?;
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(corpus.join("manifest.json"))
                .with_context(|| format!("no manifest.json in {}", corpus.display()))?,
        )?;
        let n = manifest["n"].as_u64().context("manifest without n")?;
        let md = corpus.join("jrnl-export.md");
        let notes = corpus.join("notes");
        if !md.exists() || !notes.exists() {
            eprintln!(
                "bench: writing jrnl's Markdown export and Markdown notes from entries.jsonl"
            );
            write_markdown(&corpus.join("entries.jsonl"), &md, &notes)?;
        }
        let praxis_bin = praxis_binary()?;
        let rss_tool = Path::new("/usr/bin/time").exists();
        let tmp = tempfile::Builder::new()
            .prefix("praxis-bench-imports-")
            .tempdir()?;
        let runs = if n > 100_000 { 1 } else { runs.min(3) };
        let files: [(&str, PathBuf); 6] = [
            ("jrnl text (`journal.txt`)", corpus.join("journal.txt")),
            (
                "jrnl JSON (`jrnl-export.json`)",
                corpus.join("jrnl-export.json"),
            ),
            ("jrnl Markdown (`jrnl --export md`)", md),
            (
                "tui-journal back-end (`tj-entries.json`)",
                corpus.join("tj-entries.json"),
            ),
            (
                "tui-journal export (`tj-import.json`)",
                corpus.join("tj-import.json"),
            ),
            ("a folder of Markdown notes", notes),
        ];
        let mut rows = Vec::new();
        for (what, file) in files {
            if !file.exists() {
                bail!(
                    "{} is missing: generate the corpus with every format",
                    file.display()
                );
            }
            eprintln!("bench: praxis import {}", file.display());
            let mut times = Vec::new();
            let mut rss = None;
            for i in 0..runs {
                let fresh = tmp.path().join(format!("import-{i}"));
                std::fs::create_dir_all(&fresh)?;
                let into = ChildEnv {
                    db: fresh.join("journal.sqlite3"),
                    config: tmp.path().join("no-config.toml"),
                };
                let arg = file.to_string_lossy().into_owned();
                let (t, k) =
                    timed_with_rss(&praxis_bin, &into, &["import", &arg], tmp.path(), rss_tool)?;
                times.push(t);
                rss = rss.max(k);
                if i == 0 {
                    let got = Store::open(&into.db)?.count_entries(&EntryFilter::default())?;
                    if u64::try_from(got).ok() != Some(n) {
                        eprintln!("bench: warning: {what} gave {got} entries, not {n}");
                    }
                }
                std::fs::remove_dir_all(&fresh)?;
            }
            let mut row = Row::timed(
                &format!("import {n} entries from {what} into a new journal ({runs} runs)"),
                "≤ 100 MiB",
                times,
                f64::MAX,
            )
            .rss(rss, rss_tool);
            row.met = rss.map(|k| k <= RSS_KIB);
            rows.push(row);
        }
        println!("{}", machine_line());
        println!();
        println!(
            "{n} entries of the corpus in {} (peak RSS from GNU time).",
            corpus.display()
        );
        println!();
        println!("| operation | target | median | min | max | peak RSS | met |");
        println!("|---|---|---:|---:|---:|---:|---|");
        for r in &rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "—",
            };
            println!(
                "| {} | {} | {} | {} | {} | {} | {met} |",
                r.op, r.target, r.median, r.min, r.max, r.rss
            );
        }
        Ok(())
    }

    /// One entry of the corpus's entries.jsonl.
    #[derive(serde::Deserialize)]
    struct Neutral {
        title: String,
        body: String,
        created: DateTime<Utc>,
        tags: Vec<String>,
    }

    /// Writes jrnl's `--export md` of the corpus as jrnl 4.6 writes it (`%F %r` dates,
    /// `# YEAR` and `## Month` headings, a line holding a space after each entry), and
    /// one Markdown note per entry with front matter, in a folder per year.
    fn write_markdown(jsonl: &Path, md: &Path, notes: &Path) -> Result<()> {
        let input = BufReader::new(
            std::fs::File::open(jsonl)
                .with_context(|| format!("cannot read {}", jsonl.display()))?,
        );
        let mut out = BufWriter::new(std::fs::File::create(md)?);
        let (mut year, mut month) = (-1, 0);
        // jrnl joins its lines and entries with line ends.
        let mut first = true;
        let mut item = |out: &mut BufWriter<std::fs::File>, text: &str| -> Result<()> {
            if !std::mem::take(&mut first) {
                out.write_all(b"\n")?;
            }
            out.write_all(text.as_bytes())?;
            Ok(())
        };
        let tmp_notes = notes.with_extension("partial");
        let _ = std::fs::remove_dir_all(&tmp_notes);
        for (i, line) in input.lines().enumerate() {
            let e: Neutral = serde_json::from_str(&line?)?;
            let mut body = e.body.clone();
            if !e.tags.is_empty() {
                let tags: Vec<String> = e.tags.iter().map(|t| format!("@{t}")).collect();
                body.push_str("\n\n");
                body.push_str(&tags.join(" "));
            }
            if e.created.year() != year {
                year = e.created.year();
                item(&mut out, &format!("# {year}"))?;
                item(&mut out, "")?;
            }
            if e.created.month() != month {
                month = e.created.month();
                item(&mut out, &format!("## {}", e.created.format("%B")))?;
                item(&mut out, "")?;
            }
            item(
                &mut out,
                &format!(
                    "### {} {}\n\n{body}\n ",
                    e.created.format("%Y-%m-%d %I:%M:%S %p"),
                    e.title
                ),
            )?;
            let dir = tmp_notes.join(year.to_string());
            std::fs::create_dir_all(&dir)?;
            let mut note = BufWriter::new(std::fs::File::create(
                dir.join(format!("{}-{i}.md", e.created.format("%Y-%m-%d-%H%M"))),
            )?);
            writeln!(
                note,
                "---\ntitle: {}\ndate: {}\ntags: [{}]\n---\n\n{}",
                serde_json::to_string(&e.title)?,
                e.created.format("%Y-%m-%dT%H:%M:%SZ"),
                e.tags.join(", "),
                e.body
            )?;
        }
        out.write_all(b"\n")?;
        out.flush()?;
        std::fs::rename(&tmp_notes, notes)?;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------

struct Row {
    op: String,
    target: String,
    median: String,
    min: String,
    max: String,
    rss: String,
    met: Option<bool>,
}

impl Row {
    fn timed(op: &str, target: &str, times: Vec<Duration>, target_ms: f64) -> Row {
        let (med, lo, hi) = stats(&times);
        Row {
            op: op.to_string(),
            target: target.to_string(),
            median: ms(med),
            min: ms(lo),
            max: ms(hi),
            rss: "—".into(),
            met: Some(med.as_secs_f64() * 1000.0 <= target_ms),
        }
    }

    /// A TUI row: its timings, or that it failed (a miss, whatever the target).
    fn outcome(op: &str, target: &str, outcome: Outcome, target_ms: f64) -> Row {
        match outcome {
            Ok(times) => Row::timed(op, target, times, target_ms),
            Err(e) => Row {
                op: op.to_string(),
                target: target.to_string(),
                median: format!("**fails**: {e}"),
                min: "—".into(),
                max: "—".into(),
                rss: "—".into(),
                met: Some(false),
            },
        }
    }

    fn failed(op: &str, target: &str) -> Row {
        Row {
            op: op.to_string(),
            target: target.to_string(),
            median: "failed".into(),
            min: "—".into(),
            max: "—".into(),
            rss: "—".into(),
            met: None,
        }
    }

    fn rss(mut self, kib: Option<u64>, tool: bool) -> Row {
        self.rss = match kib {
            Some(k) => mib(k),
            None if tool => "?".into(),
            None => "n/a".into(),
        };
        self
    }
}

/// Median, min and max.
fn stats(times: &[Duration]) -> (Duration, Duration, Duration) {
    let mut t = times.to_vec();
    t.sort();
    let Some((&lo, &hi)) = t.first().zip(t.last()) else {
        return (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    };
    let n = t.len();
    let med = if n % 2 == 1 {
        t[n / 2]
    } else {
        (t[n / 2 - 1] + t[n / 2]) / 2
    };
    (med, lo, hi)
}

fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1000.0;
    if v >= 1000.0 {
        format!("{:.2} s", v / 1000.0)
    } else if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// `nproc`, CPU, RAM, kernel and date, for the README.
fn machine_line() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_string();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let ram = proc_kib(&meminfo, "MemTotal:").map_or_else(
        || "unknown".to_string(),
        |k| format!("{:.1} GiB", k as f64 / 1024.0 / 1024.0),
    );
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let mut line = format!(
        "Machine: {cpus} CPUs ({model}), {ram} RAM, Linux {}; date {}; praxis {}",
        kernel.trim(),
        chrono::Local::now().format("%Y-%m-%d %H:%M %Z"),
        env!("CARGO_PKG_VERSION"),
    );
    if let Some(c) = commit {
        let _ = write!(line, " (git HEAD {c} when run)");
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    if !load.is_empty() {
        let _ = write!(line, "; load average at start {}", load.join(" "));
    }
    line
}

/// A `Name:   1234 kB` value from /proc.
fn proc_kib(text: &str, key: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

// ---------------------------------------------------------------------------------------
// Whole processes
// ---------------------------------------------------------------------------------------

struct ChildEnv {
    db: PathBuf,
    config: PathBuf,
}

impl ChildEnv {
    fn apply(&self, c: &mut Command) {
        c.env("PRAXIS_DB", &self.db)
            .env("PRAXIS_CONFIG", &self.config)
            .env("PRAXIS_NOW", NOW)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
    }
}

/// `target/release/praxis` beside this example (`target/release/examples/bench`). Under
/// `cargo run` it is (re)built first, so that the processes timed are the code being
/// benchmarked; run directly, it is built only when missing, with a warning when it is
/// older than this bench.
fn praxis_binary() -> Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .context("cannot tell where the praxis binary is from this bench's path")?;
    let bin = dir.join(format!("praxis{}", std::env::consts::EXE_SUFFIX));
    let cargo = std::env::var_os("CARGO");
    if !bin.exists() || cargo.is_some() {
        let profile = if cfg!(debug_assertions) {
            Vec::new()
        } else {
            vec!["--release"]
        };
        eprintln!("bench: cargo build {} --bin praxis", profile.join(" "));
        let status = Command::new(cargo.unwrap_or_else(|| "cargo".into()))
            .arg("build")
            .args(&profile)
            .args(["--bin", "praxis"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .context("cannot run cargo to build praxis")?;
        if !status.success() || !bin.exists() {
            bail!(
                "could not build {}: run `cargo build --release --bin praxis`",
                bin.display()
            );
        }
    } else {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if let (Some(b), Some(e)) = (modified(&bin), modified(&exe))
            && b < e
        {
            eprintln!(
                "bench: warning: {} is older than this bench: `cargo build --release --bin praxis` if the source changed",
                bin.display()
            );
        }
    }
    Ok(bin)
}

fn run_praxis(bin: &Path, env: &ChildEnv, args: &[&str]) -> Result<()> {
    let mut c = Command::new(bin);
    c.args(args);
    env.apply(&mut c);
    let out = c
        .output()
        .with_context(|| format!("cannot run {}", bin.display()))?;
    if !out.status.success() {
        bail!(
            "praxis {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// Runs praxis once: how long until its output began, and until it exited.
fn output_then_exit(bin: &Path, env: &ChildEnv, args: &[&str]) -> Result<(Duration, Duration)> {
    use std::io::Read as _;
    let mut c = Command::new(bin);
    c.args(args);
    env.apply(&mut c);
    let t = Instant::now();
    let mut child = c
        .spawn()
        .with_context(|| format!("cannot run {}", bin.display()))?;
    let mut stdout = child.stdout.take().context("no stdout")?;
    let mut first = [0_u8; 1];
    let output = match stdout.read(&mut first)? {
        0 => bail!("praxis {} wrote nothing", args.join(" ")),
        _ => t.elapsed(),
    };
    std::io::copy(&mut stdout, &mut std::io::sink())?;
    let status = child.wait()?;
    let exit = t.elapsed();
    if !status.success() {
        bail!("praxis {} failed ({status})", args.join(" "));
    }
    Ok((output, exit))
}

/// Live entries in a journal.
fn live_entries(db: &Path) -> Result<i64> {
    Ok(Store::open(db)?.count_entries(&EntryFilter::default())?)
}

/// Runs praxis once, timed, under GNU time when `tool` (its overhead is negligible for
/// the long operations this is for); returns the wall time and the peak RSS in KiB.
fn timed_with_rss(
    bin: &Path,
    env: &ChildEnv,
    args: &[&str],
    dir: &Path,
    tool: bool,
) -> Result<(Duration, Option<u64>)> {
    if !tool {
        let t = Instant::now();
        run_praxis(bin, env, args)?;
        return Ok((t.elapsed(), None));
    }
    let file = dir.join("time-rss.txt");
    let mut c = Command::new("/usr/bin/time");
    c.arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&file)
        .arg(bin)
        .args(args);
    env.apply(&mut c);
    let t = Instant::now();
    let out = c.output()?;
    let elapsed = t.elapsed();
    if !out.status.success() {
        bail!(
            "praxis {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    Ok((
        elapsed,
        text.lines().last().and_then(|l| l.trim().parse().ok()),
    ))
}

/// The child's maximum RSS in KiB, from GNU time.
fn child_max_rss(bin: &Path, env: &ChildEnv, args: &[&str], dir: &Path) -> Result<Option<u64>> {
    let file = dir.join("time-rss.txt");
    let mut c = Command::new("/usr/bin/time");
    c.arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&file)
        .arg(bin)
        .args(args);
    env.apply(&mut c);
    let out = c.output()?;
    if !out.status.success() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    Ok(text.lines().last().and_then(|l| l.trim().parse().ok()))
}

// ---------------------------------------------------------------------------------------
// The TUI, in a child process
// ---------------------------------------------------------------------------------------

/// What the TUI worker measured: timings, or why an operation failed.
type Outcome = std::result::Result<Vec<Duration>, String>;

#[derive(Default)]
struct WorkerReport {
    times: BTreeMap<String, Outcome>,
    /// Sub-timings, in the order reported.
    parts: Vec<(String, Outcome)>,
    rss_kib: Option<u64>,
}

impl WorkerReport {
    fn take(&mut self, key: &str) -> Result<Outcome> {
        self.times
            .remove(key)
            .with_context(|| format!("the TUI worker reported nothing for '{key}'"))
    }
}

fn run_worker(db: &Path, runs: usize, ops: &[String]) -> Result<WorkerReport> {
    let out = Command::new(std::env::current_exe()?)
        .arg("--worker")
        .arg(db)
        .arg("--runs")
        .arg(runs.to_string())
        .arg("--ops")
        .arg(ops.join(","))
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()?;
    if !out.status.success() {
        bail!("the TUI worker failed ({})", out.status);
    }
    let mut report = WorkerReport::default();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let mut f = line.splitn(3, '\t');
        let (what, key, value) = (f.next(), f.next(), f.next());
        let parse = |v: &str| -> Vec<Duration> {
            v.split(',')
                .filter_map(|n| n.parse::<u64>().ok())
                .map(Duration::from_nanos)
                .collect()
        };
        match (what, key, value) {
            (Some("time"), Some(k), Some(v)) => {
                report.times.insert(k.to_string(), Ok(parse(v)));
            }
            (Some("fail"), Some(k), Some(v)) => {
                report.times.insert(k.to_string(), Err(v.to_string()));
            }
            (Some("part"), Some(k), Some(v)) => report.parts.push((k.to_string(), Ok(parse(v)))),
            (Some("partfail"), Some(k), Some(v)) => {
                report.parts.push((k.to_string(), Err(v.to_string())));
            }
            (Some("rss"), Some(v), _) => report.rss_kib = v.parse().ok(),
            _ => {}
        }
    }
    Ok(report)
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn esc() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))
}

fn backspace() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))
}

fn report(out: &mut String, kind: &str, key: &str, t: &[Duration]) {
    let _ = writeln!(out, "{kind}\t{key}\t{}", nanos(t));
}

/// One line for a failure, fit for a Markdown cell.
fn report_failure(out: &mut String, kind: &str, key: &str, e: &anyhow::Error) {
    let msg = format!("{e:#}")
        .replace(['\t', '\n'], " ")
        .replace('|', "/");
    eprintln!("bench: {key} FAILED: {msg}");
    let _ = writeln!(out, "{kind}\t{key}\t{msg}");
}

/// Times `f` over `runs` runs after one warm-up.
fn time_runs(runs: usize, mut f: impl FnMut() -> Result<()>) -> Result<Vec<Duration>> {
    f()?;
    let mut ts = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        ts.push(t.elapsed());
    }
    Ok(ts)
}

fn nanos(ts: &[Duration]) -> String {
    ts.iter()
        .map(|d| d.as_nanos().to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Sends an event, failing on what the app would show as an error in its status line.
fn send(app: &mut App, ev: &Event) -> Result<()> {
    app.handle_event(ev);
    if let Some(s) = &app.env.status
        && (s.contains("rror") || s.contains("failed") || s.contains("cannot"))
    {
        bail!("the app reported: {s}");
    }
    Ok(())
}

/// The in-process TUI operations; prints `time`/`fail`, `part`/`partfail` and `rss`
/// lines for the parent. An operation that fails is reported and the others still run.
fn worker(db: &Path, runs: usize, ops: &[String]) -> Result<()> {
    let has = |name: &str| ops.iter().any(|o| o == name);
    let now: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(NOW)?;
    let clock = Clock::fixed(now);
    let today = clock.today();
    let open = || -> Result<App> {
        let store = Store::open(db)?;
        let mut app = App::new(
            store,
            Catalog::builtin(),
            Config::default(),
            clock,
            Keymap::defaults(),
            Theme::monochrome(),
        )?;
        app.handle_event(&Event::Resize(SCREEN.0, SCREEN.1));
        Ok(app)
    };
    let new_terminal = || Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1));
    let mut out = String::new();

    // Open and draw the first frame: a new connection, app and terminal every run.
    let (mut t_all, mut t_store, mut t_app, mut t_draw) = (vec![], vec![], vec![], vec![]);
    for run in 0..=runs {
        let t0 = Instant::now();
        let store = Store::open(db)?;
        let t1 = Instant::now();
        let mut app = App::new(
            store,
            Catalog::builtin(),
            Config::default(),
            clock,
            Keymap::defaults(),
            Theme::monochrome(),
        )?;
        app.handle_event(&Event::Resize(SCREEN.0, SCREEN.1));
        let t2 = Instant::now();
        let mut term = new_terminal()?;
        term.draw(|f| app.draw(f))?;
        let t3 = Instant::now();
        if run > 0 {
            t_all.push(t3 - t0);
            t_store.push(t1 - t0);
            t_app.push(t2 - t1);
            t_draw.push(t3 - t2);
        }
    }
    if has("tui-open") {
        report(&mut out, "time", "open", &t_all);
        report(&mut out, "part", "open: Store::open", &t_store);
        report(
            &mut out,
            "part",
            "open: App::new (count, first page, preview, drafts)",
            &t_app,
        );
        report(&mut out, "part", "open: first draw", &t_draw);
        let store = Store::open(db)?;
        let all = EntryFilter::default();
        let t = time_runs(runs, || {
            store.count_entries(&all).map(drop).map_err(Into::into)
        })?;
        report(&mut out, "part", "open: of which Store::count_entries", &t);
        let t = time_runs(runs, || {
            store
                .list_entries(&all, None, 200)
                .map(drop)
                .map_err(Into::into)
        })?;
        report(
            &mut out,
            "part",
            "open: of which Store::list_entries (200)",
            &t,
        );
    }

    let mut app = open()?;
    let mut term = new_terminal()?;
    term.draw(|f| app.draw(f))?;

    // One keystroke of live search: the fourth character, then back to three (untimed).
    if has("tui-search") || has("rss") {
        for (q, _) in LIVE_QUERIES {
            let mut lines = String::new();
            let mut one = || -> Result<()> {
                send(&mut app, &key('/'))?;
                let (first, last) = q.split_at(q.len() - 1);
                for c in first.chars() {
                    send(&mut app, &key(c))?;
                }
                term.draw(|f| app.draw(f))?;
                let c = last.chars().next().context("empty query")?;
                let (mut all, mut ev, mut dr) = (vec![], vec![], vec![]);
                for run in 0..=runs {
                    let t0 = Instant::now();
                    send(&mut app, &key(c))?;
                    let t1 = Instant::now();
                    term.draw(|f| app.draw(f))?;
                    let t2 = Instant::now();
                    if run > 0 {
                        all.push(t2 - t0);
                        ev.push(t1 - t0);
                        dr.push(t2 - t1);
                    } else {
                        eprintln!(
                            "bench: live search \"{q}\": {} rows listed",
                            app.journal.rows.len()
                        );
                    }
                    send(&mut app, &backspace())?;
                    term.draw(|f| app.draw(f))?;
                }
                report(&mut lines, "time", &format!("search-{q}"), &all);
                report(
                    &mut lines,
                    "part",
                    &format!("search \"{q}\": handle_event (fuzzy + FTS)"),
                    &ev,
                );
                report(&mut lines, "part", &format!("search \"{q}\": draw"), &dr);
                // The store call inside one keystroke, alone: newest hits first, unranked.
                let all = EntryFilter::default();
                let typed = format!("{q}*");
                let t = time_runs(runs, || {
                    app.env
                        .store
                        .search_newest(&typed, &all, 200)
                        .map(drop)
                        .map_err(Into::into)
                })?;
                let name =
                    format!("search \"{q}\": of which Store::search_newest(\"{typed}\", 200 hits)");
                report(&mut lines, "part", &name, &t);
                // When the typing pauses, the hits are ranked by relevance (and drawn).
                let mut ranked = Vec::new();
                for run in 0..=runs {
                    send(&mut app, &key(c))?;
                    let t0 = Instant::now();
                    app.journal.rank_now(&app.env.store)?;
                    term.draw(|f| app.draw(f))?;
                    if run > 0 {
                        ranked.push(t0.elapsed());
                    }
                    send(&mut app, &backspace())?;
                    app.journal.rank_now(&app.env.store)?;
                }
                let name = format!(
                    "search \"{q}\": after a pause, every hit ranked by relevance and drawn (not a keystroke)"
                );
                report(&mut lines, "part", &name, &ranked);
                // `praxis search` ranks every match too, and cuts snippets for those shown.
                let t = time_runs(runs, || {
                    app.env
                        .store
                        .search(&typed, &all, 200)
                        .map(drop)
                        .map_err(Into::into)
                })?;
                let name = format!(
                    "search \"{q}\": Store::search(\"{typed}\", 200 hits, ranked, snippets) as `praxis search` does"
                );
                report(&mut lines, "part", &name, &t);
                Ok(())
            };
            match one() {
                Ok(()) => out.push_str(&lines),
                Err(e) => report_failure(&mut out, "fail", &format!("search-{q}"), &e),
            }
            app.handle_event(&esc());
            app.handle_event(&esc());
        }
    }

    // Move the selection down one row and draw the new preview.
    if has("tui-move") || has("rss") {
        let mut lines = String::new();
        let mut one = || -> Result<()> {
            let (mut all, mut ev, mut dr) = (vec![], vec![], vec![]);
            for run in 0..=runs {
                let t0 = Instant::now();
                send(&mut app, &key('j'))?;
                let t1 = Instant::now();
                term.draw(|f| app.draw(f))?;
                let t2 = Instant::now();
                if run > 0 {
                    all.push(t2 - t0);
                    ev.push(t1 - t0);
                    dr.push(t2 - t1);
                }
            }
            report(&mut lines, "time", "move", &all);
            report(&mut lines, "part", "move: handle_event (preview load)", &ev);
            report(&mut lines, "part", "move: draw", &dr);
            Ok(())
        };
        match one() {
            Ok(()) => out.push_str(&lines),
            Err(e) => report_failure(&mut out, "fail", "move", &e),
        }
    }

    // Patterns for all time: from "year", one `]`; back with `[` untimed.
    if has("patterns") || has("rss") {
        let mut lines = String::new();
        let mut one = || -> Result<()> {
            send(&mut app, &key('4'))?;
            send(&mut app, &key(']'))?;
            send(&mut app, &key(']'))?;
            term.draw(|f| app.draw(f))?;
            let (mut all, mut ev, mut dr, mut compute) = (vec![], vec![], vec![], vec![]);
            for run in 0..=runs {
                let t0 = Instant::now();
                send(&mut app, &key(']'))?;
                let t1 = Instant::now();
                term.draw(|f| app.draw(f))?;
                let t2 = Instant::now();
                let period = Period::named("all", today)?;
                let t3 = Instant::now();
                let ins = insights::compute(&app.env.store, &app.env.catalog, &period, today)?;
                let t4 = Instant::now();
                if run > 0 {
                    all.push(t2 - t0);
                    ev.push(t1 - t0);
                    dr.push(t2 - t1);
                    compute.push(t4 - t3);
                } else {
                    eprintln!(
                        "bench: patterns, all time: {} entries over {} weeks",
                        ins.entries,
                        ins.weeks.len()
                    );
                }
                send(&mut app, &key('['))?;
            }
            report(&mut lines, "time", "patterns", &all);
            report(
                &mut lines,
                "part",
                "patterns: `]` (insights::compute for all time)",
                &ev,
            );
            report(&mut lines, "part", "patterns: draw", &dr);
            report(
                &mut lines,
                "part",
                "patterns: insights::compute alone",
                &compute,
            );
            Ok(())
        };
        match one() {
            Ok(()) => out.push_str(&lines),
            Err(e) => report_failure(&mut out, "fail", "patterns", &e),
        }
        app.env.status = None;
        if has("patterns") {
            insights_breakdown(&app.env.store, today, runs, &mut out);
        }
    }

    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(k) = proc_kib(&status, "VmHWM:") {
        let _ = writeln!(out, "rss\t{k}");
    }
    print!("{out}");
    Ok(())
}

/// Times each store query that `insights::compute` makes for all time, to show where the
/// patterns time goes.
fn insights_breakdown(store: &Store, today: NaiveDate, runs: usize, out: &mut String) {
    type Query<'a> = (String, Box<dyn Fn() -> Result<()> + 'a>);
    let until = today;
    // The weeks `insights::word_contrast` passes: the most recent WORD_WEEKS of each kind.
    let weeks = store.checkin_weeks(None, until).unwrap_or_default();
    let recent = |keep: &dyn Fn(&praxis::store::CheckinWeek) -> bool| -> Vec<NaiveDate> {
        let all: Vec<NaiveDate> = weeks.iter().filter(|w| keep(w)).map(|w| w.week).collect();
        all[all.len().saturating_sub(WORD_WEEKS)..].to_vec()
    };
    let heavy = recent(&|w| w.heavy_days >= 2);
    let light = recent(&|w| w.heavy_days == 0);
    fn q<'a>(name: &str, f: Box<dyn Fn() -> Result<()> + 'a>) -> Query<'a> {
        (name.to_string(), f)
    }
    let queries: Vec<Query<'_>> = vec![
        q(
            "kind_counts (per day and kind, and per model)",
            Box::new(|| store.kind_counts(None, until).map(drop).map_err(Into::into)),
        ),
        q(
            "first_entry_on",
            Box::new(|| store.first_entry_on().map(drop).map_err(Into::into)),
        ),
        q(
            "strengths_between",
            Box::new(|| {
                store
                    .strengths_between(None, until)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "checkin_weeks",
            Box::new(|| {
                store
                    .checkin_weeks(None, until)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "heavy_days (14 days)",
            Box::new(|| {
                let from = until.checked_sub_days(Days::new(13)).unwrap_or(until);
                store.heavy_days(from, until).map(drop).map_err(Into::into)
            }),
        ),
        q(
            "stage_points_between",
            Box::new(|| {
                store
                    .stage_points_between(None, until)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "callin_counts",
            Box::new(|| {
                store
                    .callin_counts(None, until)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "list_callins (due)",
            Box::new(|| {
                store
                    .list_callins(Some(today))
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "action_counts",
            Box::new(|| {
                store
                    .action_counts(None, until, today)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            "on_this_day",
            Box::new(|| store.on_this_day(today, 10).map(drop).map_err(Into::into)),
        ),
        // word_contrast: the newest 400 entries of heavy and of light check-in weeks.
        q(
            &format!(
                "text_in_weeks ({} recent heavy weeks, 400 texts)",
                heavy.len()
            ),
            Box::new(|| {
                store
                    .text_in_weeks(&heavy, 400)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
        q(
            &format!(
                "text_in_weeks ({} recent light weeks, 400 texts)",
                light.len()
            ),
            Box::new(|| {
                store
                    .text_in_weeks(&light, 400)
                    .map(drop)
                    .map_err(Into::into)
            }),
        ),
    ];
    for (name, f) in &queries {
        let name = format!("patterns query: {name}");
        let mut ts = Vec::new();
        let mut failed = None;
        for run in 0..=runs {
            let t = Instant::now();
            if let Err(e) = f() {
                failed = Some(e);
                break;
            }
            if run > 0 {
                ts.push(t.elapsed());
            }
        }
        match failed {
            None => report(out, "part", &name, &ts),
            Some(e) => report_failure(out, "partfail", &name, &e),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Building the journal
// ---------------------------------------------------------------------------------------

struct Built {
    total: Duration,
    text: Duration,
    insert: Duration,
    text_source: String,
    kinds: String,
}

/// One piece of realistic text: a title, paragraphs of 80–400 words, 0–4 tags.
struct Text {
    title: String,
    paragraphs: Vec<String>,
    tags: Vec<String>,
}

impl Text {
    fn sentences(&self) -> Vec<String> {
        self.paragraphs
            .iter()
            .flat_map(|p| split_sentences(p))
            .collect()
    }
}

fn split_sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, ch) in p.char_indices() {
        cur.push(ch);
        let next_is_space = p[i + ch.len_utf8()..].starts_with(' ');
        if matches!(ch, '.' | '?' | '!') && (next_is_space || i + ch.len_utf8() == p.len()) {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Texts from gen_corpus.py (JSON Lines, streamed) or from the Rust port below.
enum TextSource {
    Python(std::io::Lines<BufReader<std::fs::File>>),
    Rust(Rng),
}

impl TextSource {
    fn open(args: &Args, dir: &Path) -> Result<(TextSource, String)> {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gen_corpus.py");
        let want_python = match args.text.as_str() {
            "python" => true,
            "rust" => false,
            "auto" => script.exists(),
            other => bail!("--text must be auto, python or rust, not '{other}'"),
        };
        if want_python {
            let out_dir = dir.join("corpus");
            let run = Command::new("python3")
                .arg(&script)
                .args([
                    "-n",
                    &args.entries.to_string(),
                    "--seed",
                    &args.seed.to_string(),
                ])
                .arg("--out")
                .arg(&out_dir)
                .args(["--formats", "jsonl"])
                .stdout(Stdio::null())
                .status();
            match run {
                Ok(s) if s.success() => {
                    let f = std::fs::File::open(out_dir.join("entries.jsonl"))?;
                    let source = format!("gen_corpus.py (python3, seed {})", args.seed);
                    return Ok((TextSource::Python(BufReader::new(f).lines()), source));
                }
                other if args.text == "python" => {
                    bail!("gen_corpus.py failed ({other:?}) at {}", script.display())
                }
                _ => eprintln!(
                    "bench: python3 gen_corpus.py is unavailable: using the Rust generator"
                ),
            }
        }
        Ok((
            TextSource::Rust(Rng::new(args.seed ^ 0x7465_7874)),
            "the Rust port of gen_corpus.py".into(),
        ))
    }

    fn next_text(&mut self) -> Result<Text> {
        match self {
            TextSource::Python(lines) => {
                let line = lines
                    .next()
                    .context("gen_corpus.py wrote too few entries")??;
                let v: serde_json::Value = serde_json::from_str(&line)?;
                let s = |k: &str| {
                    v.get(k)
                        .and_then(|x| x.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                Ok(Text {
                    title: s("title"),
                    paragraphs: s("body").split("\n\n").map(str::to_string).collect(),
                    tags: v
                        .get("tags")
                        .and_then(|t| t.as_array())
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                })
            }
            TextSource::Rust(rng) => Ok(corpus::text(rng)),
        }
    }
}

fn build_journal(db: &Path, dir: &Path, args: &Args, now: DateTime<FixedOffset>) -> Result<Built> {
    let n = args.entries;
    eprintln!(
        "bench: building a journal of {n} entries at {}",
        db.display()
    );
    let started = Instant::now();
    let catalog = Catalog::builtin();
    let t = Instant::now();
    let (mut texts, text_source) = TextSource::open(args, dir)?;
    let mut text_time = t.elapsed();
    let mut store = Store::open(db)?;
    let mut g = Generator::new(&catalog, args.seed, n, now)?;
    let mut insert = Duration::ZERO;
    let t = Instant::now();
    for (key, kind) in &g.subjects {
        store.add_subject(key, *kind, g.start_at)?;
    }
    insert += t.elapsed();
    let mut done = 0;
    while done < n {
        let m = BATCH.min(n - done);
        let mut batch = Vec::with_capacity(m + 1);
        let t = Instant::now();
        for i in done..done + m {
            let text = texts.next_text()?;
            g.entry(i, text, &mut batch)?;
        }
        text_time += t.elapsed();
        let t = Instant::now();
        store.insert_entries(&batch)?;
        insert += t.elapsed();
        done += m;
        eprint!("\rbench: {done}/{n} entries");
    }
    eprintln!();
    drop(store); // Checkpoints the WAL: measurements start from a closed journal.
    Ok(Built {
        total: started.elapsed(),
        text: text_time,
        insert,
        text_source,
        kinds: g.kind_summary(),
    })
}

/// Turns texts into entries of every kind, in date order.
struct Generator<'a> {
    catalog: &'a Catalog,
    rng: Rng,
    n: usize,
    start: NaiveDate,
    today: NaiveDate,
    start_at: DateTime<Utc>,
    span_days: i64,
    subjects: Vec<(String, SubjectType)>,
    /// Stage index per subject (into STAGE_PATH), for plausible progressions.
    stage_of: Vec<usize>,
    recent_reflections: Vec<Uuid>,
    open_prep: Option<(Uuid, NaiveDate)>,
    counts: BTreeMap<&'static str, usize>,
}

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

const STAGE_PATH: [Stage; 5] = [
    Stage::Precontemplation,
    Stage::Contemplation,
    Stage::Preparation,
    Stage::Action,
    Stage::Maintenance,
];

impl<'a> Generator<'a> {
    fn new(catalog: &'a Catalog, seed: u64, n: usize, now: DateTime<FixedOffset>) -> Result<Self> {
        let today = now.date_naive();
        // 10 years for a small journal, up to 25 for 100,000 entries (a team's journal).
        let years = (10.0 + 15.0 * n as f64 / 100_000.0).clamp(10.0, 25.0);
        let span_days = (years * 365.25) as i64;
        let start = today
            .checked_sub_signed(TimeDelta::days(span_days))
            .context("date out of range")?;
        let mut rng = Rng::new(seed);
        // A few hundred pseudonymous subjects (never real names).
        let count = (n / 250).clamp(12, 400);
        let prefixes = ["YP", "Mr", "Mrs", "Ms", "YP", "Mr", "Mrs", "team"];
        let subjects: Vec<(String, SubjectType)> = (0..count)
            .map(|i| {
                let p = prefixes[i % prefixes.len()];
                let a = char::from(b'A' + (i % 26) as u8);
                let b = char::from(b'A' + (i / 26 % 26) as u8);
                let kind = if p == "team" {
                    SubjectType::Team
                } else {
                    SubjectType::Person
                };
                let key = if i < 26 {
                    format!("{p}-{a}")
                } else {
                    format!("{p}-{a}{b}")
                };
                (key, kind)
            })
            .collect();
        let stage_of = (0..count).map(|_| rng.below(3)).collect();
        Ok(Generator {
            catalog,
            rng,
            n,
            start,
            today,
            start_at: start.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc(),
            span_days,
            subjects,
            stage_of,
            recent_reflections: Vec::new(),
            open_prep: None,
            counts: BTreeMap::new(),
        })
    }

    fn kind_summary(&self) -> String {
        self.counts
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Entry `i` of `n`: dated in order over the span, stamped in the evening.
    fn new_entry(&mut self, i: usize, kind: EntryKind) -> Entry {
        let day = (i as i64 * self.span_days) / self.n.max(1) as i64;
        let on = self
            .start
            .checked_add_signed(TimeDelta::days(day))
            .unwrap_or(self.today)
            .min(self.today);
        let minutes = 17 * 60 + self.rng.below(240) as i64;
        let at =
            on.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc() + TimeDelta::minutes(minutes);
        let mut e = Entry::new(kind, on, at);
        e.id = self.rng.uuid();
        e
    }

    fn heavy_week(&self, on: NaiveDate) -> bool {
        let week = (on - self.start).num_days() / 7;
        splitmix(week as u64 ^ 0x0068_6561_7679).is_multiple_of(5)
    }

    fn count(&mut self, what: &'static str) {
        *self.counts.entry(what).or_default() += 1;
    }

    /// Writes entry `i` (two for a supervision session: its prep, then its record).
    fn entry(&mut self, i: usize, text: Text, out: &mut Vec<Entry>) -> Result<()> {
        let r = self.rng.next_f64();
        let e = if r < 0.66 {
            self.count("reflections");
            self.reflection(i, text)
        } else if r < 0.84 {
            self.count("check-ins");
            self.checkin_entry(i)
        } else if r < 0.90 {
            self.count("stage notes");
            self.stage_note(i, &text)?
        } else if r < 0.93 {
            self.count("call-ins");
            self.callin(i, &text)?
        } else if r < 0.96 {
            self.count("CPD records");
            self.cpd(i, &text)?
        } else {
            self.supervision(i, &text)?
        };
        out.push(e);
        Ok(())
    }

    fn checkin(&mut self, heavy: bool) -> CheckIn {
        let r = &mut self.rng;
        let (mood, energy, load, carrying) = if heavy {
            (
                r.between(1, 3),
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
                *r.pick(&[Load::Light, Load::Manageable, Load::Manageable, Load::Heavy]),
                *r.pick(&[Carrying::No, Carrying::No, Carrying::Some]),
            )
        };
        let words: &[&str] = if heavy { HEAVY_WORDS } else { GOOD_WORDS };
        CheckIn {
            mood: u8::try_from(mood).ok(),
            energy: u8::try_from(energy).ok(),
            load: Some(load),
            carrying: Some(carrying),
            word: r.chance(0.85).then(|| (*r.pick(words)).to_string()),
            helped: r.chance(0.6).then(|| (*r.pick(HELPED)).to_string()),
        }
    }

    fn checkin_entry(&mut self, i: usize) -> Entry {
        let mut e = self.new_entry(i, EntryKind::CheckIn);
        let heavy = self.heavy_week(e.occurred_on);
        let c = self.checkin(heavy);
        e.title = match &c.word {
            Some(w) => format!("Check-in: {w}"),
            None => "Check-in".into(),
        };
        e.checkin = Some(c);
        e
    }

    fn model(&mut self) -> Option<Template> {
        let total: u64 = MODEL_WEIGHTS.iter().map(|(_, w)| w).sum();
        let mut x = self.rng.next_u64() % total;
        for (id, w) in MODEL_WEIGHTS {
            if x < *w {
                return self
                    .catalog
                    .model(id)
                    .ok()
                    .filter(|m| !m.is_free())
                    .cloned();
            }
            x -= w;
        }
        None
    }

    fn actions(&mut self, on: NaiveDate, n: usize, owner: bool) -> Vec<Action> {
        (0..n)
            .map(|_| {
                let due = on + Days::new(self.rng.between(3, 24) as u64);
                let mut a = Action::new(*self.rng.pick(ACTIONS), Some(due));
                a.id = self.rng.uuid();
                if owner && self.rng.chance(0.4) {
                    a.owner = Some((*self.rng.pick(&["team manager", "me", "duty team"])).into());
                }
                if due + Days::new(21) < self.today && self.rng.chance(0.85) {
                    a.status = ActionStatus::Done;
                    a.done_on = Some(
                        due.checked_sub_days(Days::new(self.rng.below(3) as u64))
                            .unwrap_or(due)
                            .max(on),
                    );
                } else if due < self.today && self.rng.chance(0.3) {
                    a.status = ActionStatus::Partly;
                    a.blocker = Some((*self.rng.pick(BLOCKERS)).into());
                }
                a
            })
            .collect()
    }

    fn reflection(&mut self, i: usize, text: Text) -> Entry {
        let mut e = self.new_entry(i, EntryKind::Reflection);
        let on = e.occurred_on;
        e.title = text.title.clone();
        match self.model() {
            None => e.body = text.paragraphs.join("\n\n"),
            Some(m) => {
                // The text's sentences dealt over the model's sections, in order.
                let sentences = text.sentences();
                let k = m.fields.len().max(1);
                let per = sentences.len().div_ceil(k).max(1);
                let with_actions = self.rng.chance(0.6);
                let mut actions = Vec::new();
                for (j, f) in m.fields.iter().enumerate() {
                    let part: Vec<String> =
                        sentences.iter().skip(j * per).take(per).cloned().collect();
                    let mut t = part.join(" ");
                    if f.action && with_actions {
                        let k = self.rng.between(1, 2) as usize;
                        let a = self.actions(on, k, false);
                        let lines: Vec<String> = a
                            .iter()
                            .map(|a| {
                                let mark = if a.status == ActionStatus::Done {
                                    'x'
                                } else {
                                    ' '
                                };
                                let due =
                                    a.due_on.map(|d| format!(" (due {d})")).unwrap_or_default();
                                format!("- [{mark}] {}{due}", a.text)
                            })
                            .collect();
                        t = format!("{t}\n\n{}", lines.join("\n"));
                        actions.extend(a);
                    }
                    if t.trim().is_empty() {
                        continue;
                    }
                    e.sections.push(Section {
                        key: f.key.clone(),
                        label: f.label.clone(),
                        text: t.trim().to_string(),
                    });
                }
                e.model = Some(m.id.clone());
                e.actions = actions;
            }
        }
        let names: Vec<&str> = self.catalog.vocabulary.names().collect();
        let k = self.rng.between(1, 3) as usize;
        let mut strengths: Vec<StrengthTag> = (0..k)
            .map(|_| {
                let whose = match self.rng.below(20) {
                    0..=12 => Whose::Mine,
                    13..=17 => Whose::Person,
                    _ => Whose::Team,
                };
                StrengthTag::new(*self.rng.pick(&names), whose)
            })
            .collect();
        strengths.sort();
        strengths.dedup();
        e.strengths = strengths;
        let mut tags = text.tags;
        tags.sort();
        tags.dedup();
        e.tags = tags;
        let heavy = self.heavy_week(on);
        if self.rng.chance(if heavy { 0.75 } else { 0.5 }) {
            e.checkin = Some(self.checkin(heavy));
        }
        e.for_supervision = self.rng.chance(0.05);
        e.scope = match self.rng.below(20) {
            0..=14 => Scope::Private,
            15..=18 => Scope::Supervision,
            _ => Scope::Shareable,
        };
        self.recent_reflections.push(e.id);
        if self.recent_reflections.len() > 8 {
            self.recent_reflections.remove(0);
        }
        e
    }

    /// Sections of a kind template from `(key, text)` pairs: template order and labels,
    /// typed fields and empty texts left out.
    fn sections(&self, template: &str, texts: &[(&str, String)]) -> Result<Vec<Section>> {
        let t = self
            .catalog
            .template(template)
            .with_context(|| format!("no {template} template"))?;
        let typed = typed_keys(template);
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

    /// `n` sentences of the text starting at sentence `from`.
    fn some(sentences: &[String], from: usize, n: usize) -> String {
        sentences
            .iter()
            .skip(from)
            .take(n)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn stage_note(&mut self, i: usize, text: &Text) -> Result<Entry> {
        let mut e = self.new_entry(i, EntryKind::StageNote);
        let s = self.rng.below(self.subjects.len());
        let subject = self.subjects[s].0.clone();
        let topic = TOPICS[s % TOPICS.len()];
        // Mostly forward, sometimes back (recycling), sometimes the same.
        let stage = match self.rng.below(10) {
            0..=3 => {
                self.stage_of[s] = (self.stage_of[s] + 1).min(STAGE_PATH.len() - 1);
                STAGE_PATH[self.stage_of[s]]
            }
            4 => {
                self.stage_of[s] = 1;
                Stage::Recycling
            }
            _ => STAGE_PATH[self.stage_of[s]],
        };
        let codes = [
            ChangeTalkCode::Desire,
            ChangeTalkCode::Ability,
            ChangeTalkCode::Reasons,
            ChangeTalkCode::Need,
            ChangeTalkCode::Commitment,
            ChangeTalkCode::TakingSteps,
        ];
        let change_talk = (0..self.rng.below(4))
            .map(|_| ChangeTalk {
                code: *self.rng.pick(&codes),
                text: (*self.rng.pick(CHANGE_TALK)).into(),
            })
            .collect();
        e.model = Some("stage-note".into());
        e.title = format!("{subject} · {topic} · {stage}");
        e.details = Details::StageNote(StageNote {
            subject,
            topic: topic.into(),
            stage,
            certainty: Some(if self.rng.chance(0.6) {
                Certainty::Clear
            } else {
                Certainty::Guess
            }),
            mi_process: Some(*self.rng.pick(&[
                MiProcess::Engaging,
                MiProcess::Focusing,
                MiProcess::Evoking,
                MiProcess::Planning,
            ])),
            change_talk,
            importance: u8::try_from(self.rng.between(2, 10)).ok(),
            confidence: u8::try_from(self.rng.between(1, 9)).ok(),
            review_on: Some(e.occurred_on + Days::new(21)),
        });
        let sn = text.sentences();
        let discord = if self.rng.chance(0.3) {
            Self::some(&sn, 4, 1)
        } else {
            String::new()
        };
        e.sections = self.sections(
            "stage-note",
            &[
                ("evidence", Self::some(&sn, 0, 3)),
                ("sustain-talk", Self::some(&sn, 3, 1)),
                ("discord", discord),
                ("oars", Self::some(&sn, 5, 2)),
                ("next-step", Self::some(&sn, 7, 1)),
            ],
        )?;
        e.for_supervision = self.rng.chance(0.08);
        Ok(e)
    }

    fn callin(&mut self, i: usize, text: &Text) -> Result<Entry> {
        let mut e = self.new_entry(i, EntryKind::CallIn);
        let on = e.occurred_on;
        let who = *self.rng.pick(CALLIN_WHO);
        e.model = Some("callin".into());
        e.title = format!("Call-in plan: {who}");
        let sn = text.sentences();
        let mut texts: Vec<(&str, String)> = vec![
            ("who", who.to_string()),
            ("observed", Self::some(&sn, 0, 2)),
            ("impact", Self::some(&sn, 2, 1)),
            ("intent", Self::some(&sn, 3, 1)),
            ("desired-outcome", Self::some(&sn, 4, 1)),
        ];
        let mut d = CallIn {
            subject: self
                .rng
                .chance(0.5)
                .then(|| self.subjects[self.rng.below(self.subjects.len())].0.clone()),
            approach: *self.rng.pick(&[
                Approach::CallIn,
                Approach::CallIn,
                Approach::CallOut,
                Approach::Escalate,
            ]),
            ..CallIn::default()
        };
        let held = on + Days::new(self.rng.between(1, 6) as u64);
        if held < self.today && self.rng.chance(0.85) {
            d.status = CallInStatus::Held;
            d.held_on = Some(held);
            d.rating = u8::try_from(self.rng.between(2, 5)).ok();
            d.rupture = Some(*self.rng.pick(&[
                Rupture::None,
                Rupture::None,
                Rupture::Withdrawal,
                Rupture::Confrontation,
            ]));
            let follow = held + Days::new(self.rng.between(5, 14) as u64);
            d.follow_up_on = Some(follow);
            if follow < self.today && self.rng.chance(0.8) {
                d.status = CallInStatus::FollowedUp;
                d.followed_up_on = Some(follow);
            }
            texts.push(("their-view", Self::some(&sn, 5, 1)));
            texts.push(("outcome", Self::some(&sn, 6, 2)));
            texts.push(("learning", Self::some(&sn, 8, 2)));
        }
        e.details = Details::CallIn(d);
        e.sections = self.sections("callin", &texts)?;
        Ok(e)
    }

    fn cpd(&mut self, i: usize, text: &Text) -> Result<Entry> {
        let mut e = self.new_entry(i, EntryKind::Cpd);
        e.model = Some("cpd".into());
        e.title = format!("CPD: {}", text.title);
        let links = self.rng.below(3).min(self.recent_reflections.len());
        e.details = Details::Cpd(Cpd {
            activity_type: (*self.rng.pick(CPD_TYPES)).into(),
            hours: self.rng.between(1, 14) as f64 / 2.0,
            participatory: self.rng.chance(0.5),
            linked: self
                .recent_reflections
                .iter()
                .rev()
                .take(links)
                .map(Uuid::to_string)
                .collect(),
        });
        let sn = text.sentences();
        e.sections = self.sections(
            "cpd",
            &[
                ("learning", Self::some(&sn, 0, 4)),
                ("impact", Self::some(&sn, 4, 3)),
                ("peer-discussion", Self::some(&sn, 7, 2)),
            ],
        )?;
        Ok(e)
    }

    /// A prep when no session is pending, else the record of the pending session.
    fn supervision(&mut self, i: usize, text: &Text) -> Result<Entry> {
        let sn = text.sentences();
        match self.open_prep.take() {
            None => {
                self.count("supervision preps");
                let mut e = self.new_entry(i, EntryKind::Supervision);
                let session_on = e.occurred_on + Days::new(self.rng.between(1, 3) as u64);
                let clinical = self.rng.chance(0.5);
                e.model = Some("supervision-prep".into());
                e.scope = Scope::Supervision;
                e.title = format!("Supervision prep for {session_on}");
                let fns = [
                    Function::Normative,
                    Function::Formative,
                    Function::Restorative,
                    Function::Mediation,
                ];
                let wants = [Want::Decision, Want::Advice, Want::Space, Want::Permission];
                let agenda = (0..self.rng.between(2, 4))
                    .map(|_| AgendaItem {
                        text: (*self.rng.pick(AGENDA)).into(),
                        function: Some(*self.rng.pick(&fns)),
                        minutes: Some(self.rng.between(5, 25) as u32),
                        want: self.rng.chance(0.7).then(|| *self.rng.pick(&wants)),
                    })
                    .collect();
                e.details = Details::Supervision(Supervision {
                    stage: SessionStage::Prep,
                    session_on,
                    supervisor_role: Some(
                        (if clinical {
                            "practice supervisor"
                        } else {
                            "team manager"
                        })
                        .into(),
                    ),
                    session_type: Some(if clinical {
                        SessionType::Clinical
                    } else {
                        SessionType::Managerial
                    }),
                    length_minutes: Some(if clinical { 90 } else { 60 }),
                    prep: None,
                    counts_as_cpd: false,
                    peer_reflection: false,
                    agenda,
                });
                e.sections = self.sections(
                    "supervision-prep",
                    &[
                        ("questions", Self::some(&sn, 0, 2)),
                        ("wellbeing", Self::some(&sn, 2, 2)),
                    ],
                )?;
                self.open_prep = Some((e.id, session_on));
                Ok(e)
            }
            Some((prep, session_on)) => {
                self.count("supervision records");
                let mut e = self.new_entry(i, EntryKind::Supervision);
                let on = e.occurred_on.max(session_on);
                e.occurred_on = on;
                e.model = Some("supervision-record".into());
                e.scope = Scope::Supervision;
                e.title = format!("Supervision record for {on}");
                e.details = Details::Supervision(Supervision {
                    stage: SessionStage::Record,
                    session_on: on,
                    supervisor_role: None,
                    session_type: None,
                    length_minutes: None,
                    prep: Some(prep.to_string()),
                    counts_as_cpd: self.rng.chance(0.5),
                    peer_reflection: self.rng.chance(0.2),
                    agenda: Vec::new(),
                });
                let k = self.rng.between(2, 3) as usize;
                e.actions = self.actions(on, k, true);
                e.sections = self.sections(
                    "supervision-record",
                    &[
                        ("decisions", Self::some(&sn, 0, 3)),
                        ("learning", Self::some(&sn, 3, 2)),
                    ],
                )?;
                Ok(e)
            }
        }
    }
}

const GOOD_WORDS: &[&str] = &[
    "steady",
    "settled",
    "hopeful",
    "tired-but-ok",
    "content",
    "calm",
    "proud",
];
const HEAVY_WORDS: &[&str] = &[
    "stretched",
    "drained",
    "wired",
    "flat",
    "overwhelmed",
    "tense",
];
const HELPED: &[&str] = &[
    "a walk at lunch",
    "talking it through with a colleague",
    "leaving on time",
    "a proper break",
    "music on the drive home",
    "writing this down",
];
const ACTIONS: &[&str] = &[
    "Ring the family before Friday's review",
    "Update the risk assessment with today's concerns",
    "Book a joint visit with the OT",
    "Ask the team manager about respite options",
    "Send the advocacy referral",
    "Read the chronology again before the meeting",
    "Bring this to supervision",
    "Check the care plan reflects what was agreed",
];
const BLOCKERS: &[&str] = &[
    "waiting for a call back",
    "no cover on the rota",
    "the family asked to wait",
];
const TOPICS: &[&str] = &[
    "drinking",
    "attending college",
    "taking medication",
    "going out alone",
    "budgeting",
    "sleep",
    "using the walking frame",
    "contact with family",
    "handover notes",
    "smoking",
];
const CHANGE_TALK: &[&str] = &[
    "wants to feel more in control",
    "could manage it with the right support",
    "worried about what happens if nothing changes",
    "has to sort it before the review",
    "will try it this week",
    "already started keeping a diary",
];
const CALLIN_WHO: &[&str] = &[
    "a colleague at handover",
    "agency staff on nights",
    "the duty manager",
    "a visiting professional",
    "a student on placement",
    "a family member",
];
const CPD_TYPES: &[&str] = &[
    "course",
    "reading",
    "shadowing",
    "conference",
    "e-learning",
    "peer learning",
];
const AGENDA: &[&str] = &[
    "heavy weeks and what helped",
    "the safeguarding referral",
    "caseload and capacity",
    "a call-in that went badly",
    "training I would like to do",
    "a family I keep thinking about",
];

/// The text generator of `../shared/corpus/gen_corpus.py`, ported: the same pools and
/// shapes (80–400-word bodies, 0–4 tags, the rare search words in about 5% of texts),
/// with this file's generator instead of Python's.
mod corpus {
    use super::{Rng, Text};

    pub const TAGS: &[&str] = &[
        "resilience",
        "advocacy",
        "curiosity",
        "compassion",
        "boundaries",
        "teamwork",
        "humour",
        "supervision",
        "repair",
        "safeguarding",
        "reflection",
        "wellbeing",
    ];
    const SUBJECTS: &[&str] = &[
        "I",
        "We",
        "The team",
        "My supervisor",
        "The family",
        "The young person",
        "Our manager",
        "The duty worker",
        "The foster carer",
        "The social worker",
        "A colleague",
        "The panel",
        "The key worker",
        "Mum",
        "Dad",
        "Grandma",
        "The child",
        "The resident",
        "The support worker",
        "The student",
    ];
    const VERBS: &[&str] = &[
        "noticed",
        "explored",
        "questioned",
        "held",
        "reviewed",
        "challenged",
        "acknowledged",
        "listened to",
        "planned",
        "shared",
        "named",
        "recorded",
        "revisited",
        "escalated",
        "wondered about",
        "reflected on",
        "modelled",
        "negotiated",
        "validated",
        "summarised",
        "agreed",
        "rehearsed",
        "unpicked",
        "celebrated",
        "worried about",
        "checked in about",
    ];
    const OBJECTS: &[&str] = &[
        "the care plan",
        "the safety plan",
        "the risk assessment",
        "the referral",
        "the home visit",
        "the chronology",
        "the strategy meeting",
        "the core group",
        "the child's voice",
        "the family's strengths",
        "the contact arrangements",
        "the placement",
        "the case notes",
        "the assessment",
        "the review meeting",
        "the transition plan",
        "the hospital discharge",
        "the capacity assessment",
        "the carer's needs",
        "the power imbalance",
        "the rupture",
        "the relationship",
        "the boundary",
        "the disclosure",
        "the threshold",
        "the plan for respite",
        "the genogram",
        "the ecomap",
        "the direct work",
        "the life story work",
        "the advocacy referral",
        "the complaint",
        "the supervision agenda",
        "the team meeting",
        "the handover",
        "the duty rota",
        "the caseload",
    ];
    const ADVERBIALS: &[&str] = &[
        "with real care",
        "more slowly than usual",
        "before the visit",
        "after the meeting",
        "in supervision",
        "on the drive home",
        "during the call",
        "without rushing",
        "with some hesitation",
        "as honestly as I could",
        "with the whole team",
        "over a cup of tea",
        "at the end of a long day",
        "in the car park",
        "on reflection",
        "more openly this time",
        "without judgement",
        "in plain language",
        "with humility",
        "in the moment",
    ];
    const CLAUSES: &[&str] = &[
        "because trust takes time",
        "so that the child felt heard",
        "even though it felt uncomfortable",
        "while keeping safeguarding central",
        "and it shifted something",
        "which I had been avoiding",
        "though the outcome is still unclear",
        "and I felt more grounded",
        "so the family could lead",
        "because the relationship matters most",
        "and we agreed next steps",
        "which eased the tension",
        "after a difficult silence",
        "and the room relaxed",
        "because curiosity beats certainty",
        "and I named my own bias",
        "which needs follow-up next week",
        "and I slept better for it",
    ];
    const FILLER: &[&str] = &[
        "practice",
        "relationship",
        "strengths",
        "risk",
        "protective",
        "factors",
        "consent",
        "dignity",
        "autonomy",
        "trauma",
        "informed",
        "attachment",
        "empathy",
        "outcomes",
        "wellbeing",
        "capacity",
        "partnership",
        "co-production",
        "kinship",
        "respite",
        "advocate",
        "reflective",
        "restorative",
        "containment",
        "anxiety",
        "resilience",
        "supervision",
        "boundaries",
        "humour",
        "compassion",
        "curiosity",
        "repair",
        "rupture",
        "self-care",
        "burnout",
        "values",
        "ethics",
        "power",
        "voice",
        "choice",
        "inclusion",
        "community",
        "neighbourhood",
        "school",
        "housing",
        "benefits",
        "foodbank",
        "GP",
        "health",
        "visitor",
        "tenancy",
        "court",
        "order",
        "section",
        "assessment",
        "review",
        "plan",
        "goal",
        "progress",
        "setback",
    ];
    const RARE_WORDS: &[&str] = &[
        "kintsugi",
        "lighthouse",
        "scaffolding",
        "tapestry",
        "compass",
    ];
    const RARE_PROB: f64 = 0.01;
    const TITLES: &[&str] = &[
        "Reflections after {obj}",
        "What {subj_l} taught me about {theme}",
        "Holding {theme} during {obj}",
        "Notes on {theme} and {theme2}",
        "A hard day: {obj}",
        "Small wins with {obj}",
        "Supervision: {theme} and {obj}",
        "Why {theme} matters on {day}",
        "Learning from {obj}",
        "{Theme} in practice",
        "Returning to {obj}",
        "Repairing things after {obj}",
    ];
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "a weekend",
        "duty",
        "a home visit day",
        "panel day",
    ];

    fn sentence(r: &mut Rng) -> String {
        let mut s = format!("{} {} {}", r.pick(SUBJECTS), r.pick(VERBS), r.pick(OBJECTS));
        if r.chance(0.6) {
            s = format!("{s} {}", r.pick(ADVERBIALS));
        }
        if r.chance(0.5) {
            s = format!("{s} {}", r.pick(CLAUSES));
        }
        if r.chance(0.35) {
            let a = r.below(FILLER.len());
            let b = (a + 1 + r.below(FILLER.len() - 1)) % FILLER.len();
            let lead = r.pick(&["- thinking about", "- mindful of", "- noting"]);
            s = format!("{s} {lead} {} and {}", FILLER[a], FILLER[b]);
        }
        let mut c = s.chars();
        let first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>())
            .unwrap_or_default();
        format!(
            "{first}{}{}",
            c.as_str(),
            r.pick(&[".", ".", ".", "?", "!"])
        )
    }

    fn title(r: &mut Rng) -> String {
        let t = *r.pick(TITLES);
        let theme = *r.pick(TAGS);
        let others: Vec<&str> = TAGS.iter().copied().filter(|x| *x != theme).collect();
        let theme2 = *r.pick(&others);
        let mut cap = theme.chars();
        let cap = cap
            .next()
            .map(|f| f.to_uppercase().chain(cap).collect::<String>())
            .unwrap_or_default();
        let subj = r.pick(&SUBJECTS[1..]).to_lowercase();
        let obj = *r.pick(OBJECTS);
        let day = *r.pick(DAYS);
        t.replace("{obj}", obj)
            .replace("{subj_l}", &subj)
            .replace("{theme2}", theme2)
            .replace("{Theme}", &cap)
            .replace("{theme}", theme)
            .replace("{day}", day)
    }

    pub fn text(r: &mut Rng) -> Text {
        let title = title(r);
        let target = r.between(80, 400) as usize;
        let rare = r
            .chance(RARE_PROB * RARE_WORDS.len() as f64)
            .then(|| *r.pick(RARE_WORDS));
        let mut sentences = Vec::new();
        let mut total = 0;
        loop {
            let s = sentence(r);
            let k = s.split_whitespace().count();
            if total + k > target && total >= 80 {
                break;
            }
            total += k;
            sentences.push(s);
        }
        if let Some(w) = rare {
            let at = r.below(sentences.len() + 1);
            sentences.insert(
                at,
                format!("I keep thinking of {w} as a way to describe it."),
            );
        }
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < sentences.len() {
            let k = r.between(3, 6) as usize;
            paragraphs.push(sentences[i..(i + k).min(sentences.len())].join(" "));
            i += k;
        }
        let n = r.below(5);
        let mut tags = Vec::new();
        while tags.len() < n {
            let t = (*r.pick(TAGS)).to_string();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        Text {
            title,
            paragraphs,
            tags,
        }
    }
}

/// SplitMix64, as in the demo: seedable, no dependency on the system's randomness.
struct Rng(u64);

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5052_5853_4245_4e43)
    }

    fn next_u64(&mut self) -> u64 {
        let x = self.0;
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        splitmix(x)
    }

    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn uuid(&mut self) -> Uuid {
        let mut b = [0_u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(b).into_uuid()
    }
}
