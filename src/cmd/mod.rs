//! One module per subcommand, each with a `run` taking its arguments and the [`Ctx`].

/// `println!` through [`crate::output::say`] (made safe for a terminal), returning an
/// error instead of panicking when stdout is closed (`praxis list | head`): main treats a
/// broken pipe as a quiet exit.
macro_rules! say {
    () => {{
        crate::output::say(format_args!(""), true)?;
    }};
    ($($t:tt)*) => {{
        crate::output::say(format_args!($($t)*), true)?;
    }};
}

/// `print!` with the same safety and broken-pipe behaviour as [`say!`].
macro_rules! say_raw {
    ($($t:tt)*) => {{
        crate::output::say(format_args!($($t)*), false)?;
    }};
}

pub mod actions;
pub mod add;
pub mod backup;
pub mod callin;
pub mod checkin;
pub mod circle;
pub mod config;
pub mod cpd;
pub mod demo;
pub mod docs;
pub mod doctor;
pub mod edit;
pub mod feedback;
pub mod group;
pub mod list;
pub mod lock;
pub mod models;
pub mod overview;
pub mod positive_risk;
pub mod recognise;
pub mod review;
pub mod rupture;
pub mod search;
pub mod show;
pub mod stage;
pub mod stats;
pub mod structured;
pub mod subjects;
pub mod supervision;
pub mod transfer;
pub mod trash;
pub mod vocab;

use std::io::IsTerminal as _;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::Command;
use crate::model::{DateArg, EntrySummary, text};
use crate::output::Output;
use crate::session::Session;

/// Everything a command needs: the session (paths, config, clock, catalog, the journal)
/// and how this run prints. It reads as the session it extends (`ctx.clock`,
/// `ctx.store()`), which the app uses on its own.
pub struct Ctx {
    pub session: Session,
    pub out: Output,
}

impl Ctx {
    #[must_use]
    pub fn new(session: Session, out: Output) -> Self {
        Ctx { session, out }
    }
}

impl std::ops::Deref for Ctx {
    type Target = Session;

    fn deref(&self) -> &Session {
        &self.session
    }
}

/// Runs the chosen subcommand (or the overview when there is none).
pub fn dispatch(command: Option<Command>, ctx: &Ctx) -> Result<()> {
    match command {
        // The app needs a terminal; piped, praxis prints an overview instead.
        None if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() => {
            crate::tui::run(ctx)
        }
        None => overview::run(ctx),
        Some(Command::Add(a)) => add::run(a, ctx),
        Some(Command::List(a)) => list::run(&a, ctx),
        Some(Command::Show(a)) => show::run(&a.id, a.json, ctx),
        Some(Command::Edit(a)) => edit::run(&a.id, ctx),
        Some(Command::Rm(a)) => trash::remove(&a.id, ctx),
        Some(Command::Restore(a)) => trash::restore(&a.id, ctx),
        Some(Command::Trash(a)) => trash::run(a.action, ctx),
        Some(Command::Search(a)) => search::run(&a, ctx),
        Some(Command::Strengths(a)) => vocab::strengths(a.json, ctx),
        Some(Command::Tags(a)) => vocab::tags(a.json, ctx),
        Some(Command::Config(c)) => config::run(&c, &ctx.paths, false),
        Some(Command::Models(a)) => models::run(&a, ctx),
        Some(Command::Checkin(a)) => checkin::run(&a, ctx),
        Some(Command::Actions(a)) => actions::run(a, ctx),
        Some(Command::Subjects(c)) => subjects::run(c, ctx),
        Some(Command::Stage(a)) => stage::record(a, ctx),
        Some(Command::Stages {
            subject,
            topic,
            json,
        }) => stage::timeline(&subject, topic.as_deref(), json, ctx),
        Some(Command::Callin(c)) => callin::run(c, ctx),
        Some(Command::Cpd(c)) => cpd::run(c, ctx),
        Some(Command::Recognise(a)) => recognise::run(*a, ctx),
        Some(Command::Feedback(c)) => feedback::run(c, ctx),
        Some(Command::Rupture(c)) => rupture::run(c, ctx),
        Some(Command::PositiveRisk(c)) => positive_risk::run(c, ctx),
        Some(Command::Group(c)) => group::run(c, ctx),
        Some(Command::Supervision(c)) => supervision::run(c, ctx),
        Some(Command::Stats {
            period,
            since,
            until,
            json,
        }) => stats::run(
            period.as_deref(),
            since.as_deref(),
            until.as_deref(),
            json,
            ctx,
        ),
        Some(Command::Circle(c)) => circle::run(c, ctx),
        Some(Command::Export(args)) => transfer::export(&args, ctx),
        Some(Command::Import(args)) => transfer::import(&args, ctx),
        Some(Command::Review {
            files,
            notes,
            html,
            force,
            identity,
        }) => {
            transfer::unseal(&files, identity.as_deref(), ctx)?;
            match html {
                Some(page) => review::html(&files, &page, force, ctx),
                None => review::run(&files, notes.as_deref(), ctx),
            }
        }
        Some(Command::Doctor {
            rebuild_index,
            fix_dates,
        }) => doctor::run(rebuild_index, fix_dates, ctx),
        Some(Command::Backup(a)) => backup::run(a, ctx),
        Some(Command::Init { encrypt }) => lock::init(encrypt, ctx),
        Some(Command::Encrypt) => lock::encrypt(ctx),
        Some(Command::Decrypt) => lock::decrypt(ctx),
        Some(Command::Passphrase) => lock::change(ctx),
        Some(Command::Lock) => lock::forget(ctx),
        Some(Command::Completions { shell }) => docs::completions(shell),
        Some(Command::Man) => docs::man(),
        Some(Command::Demo { keep, months }) => demo::run(keep, months, ctx),
    }
}

/// An output file named on the command line, unless it is `-`: standard output, as for
/// other command-line tools.
pub(crate) fn output_file(path: Option<&std::path::Path>) -> Option<&std::path::Path> {
    path.filter(|p| p.as_os_str() != "-")
}

/// Resolves an optional date argument against the clock.
pub(crate) fn resolve_date(ctx: &Ctx, d: Option<DateArg>) -> Option<NaiveDate> {
    d.map(|d| d.resolve(ctx.clock.today()))
}

/// Refuses a period that ends before it starts.
pub(crate) fn check_range(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<()> {
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        bail!("--since {s} is after --until {u}: nothing can match");
    }
    Ok(())
}

/// The most text one entry may be given on standard input: far beyond any writing, and
/// a bound on `praxis add < /dev/zero`.
const MAX_STDIN_BYTES: u64 = 64 << 20;

/// Reads standard input when it is piped (not a terminal). Invalid UTF-8 is an error:
/// nothing is saved rather than something altered.
pub(crate) fn piped_stdin() -> Result<Option<String>> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(None);
    }
    let bytes = crate::files::read_bounded(stdin.lock(), MAX_STDIN_BYTES)
        .context("cannot read standard input")?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => bail!(
            "standard input is not valid UTF-8 text (invalid byte at offset {}); nothing was saved",
            e.utf8_error().valid_up_to()
        ),
    }
}

/// Asks a yes/no question on the terminal; without one, the answer is no.
pub(crate) fn confirm(question: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    note_raw!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).is_ok()
        && matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}

/// Width available for one line of output: the terminal's, or unlimited when piped.
pub(crate) fn line_width(out: &Output) -> Option<usize> {
    if !out.terminal {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

/// One entry as a list line: short id, date, kind, title, strengths.
pub(crate) fn summary_line(out: &Output, s: &EntrySummary, width: Option<usize>) -> String {
    let strengths = s
        .strengths
        .iter()
        .map(crate::model::StrengthTag::spelled)
        .collect::<Vec<_>>()
        .join(", ");
    let flag = if s.for_supervision { " ⚑" } else { "" };
    let title = out.line(&s.title);
    let title = if title.is_empty() {
        "(untitled)".into()
    } else {
        title
    };
    let fixed = 8 + 2 + 10 + 2 + 13 + 2;
    let title_cells = width.map(|w| {
        let rest = w.saturating_sub(fixed + text::width(&strengths) + 2 + text::width(flag));
        rest.max(20)
    });
    let title = match title_cells {
        Some(n) => text::truncate(&title, n).into_owned(),
        None => title.into_owned(),
    };
    let mut line = format!(
        "{}  {}  {}  {}{}",
        out.accent(&s.short_id),
        s.occurred_on,
        text::pad(s.kind.as_str(), 13),
        out.bold(&title),
        flag
    );
    if !strengths.is_empty() {
        line.push_str("  ");
        line.push_str(&out.dim(&out.line(&strengths)));
    }
    line
}
