//! `praxis export` and `praxis import`.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::Ctx;
use crate::cli::{ExportArgs, ImportArgs};
use crate::config::catalog::Catalog;
use crate::insights::Period;
use crate::model::text::{plural, sanitize_line, truncate};
use crate::model::{EntryKind, Scope};
use crate::store::{EntryFilter, Key, Lock, Selection, Store, Unlock};
use crate::transfer;
use crate::transfer::export::{self, ExportFormat, Mode, Plan};
use crate::transfer::import::Target;
use crate::transfer::redact::{Checker, Redactor};
use crate::transfer::sealed::{self, Seal};

pub fn export(args: &ExportArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let plan = plan(args, &store, ctx)?;
    let checker = || -> Result<Checker> {
        let keys = store.subjects()?.into_iter().map(|s| s.key);
        Ok(Checker::new(
            keys,
            &ctx.config.privacy.never_export,
            &ctx.config.privacy.allow,
        ))
    };
    if args.check {
        return check(&store, ctx.catalog(), &plan, &checker()?);
    }
    let redact = plan.mode != Mode::All && !args.no_redact;
    if plan.mode != Mode::All && !redact && !args.yes {
        let found = export::check(&store, &plan, &checker()?)?;
        if !found.is_empty() {
            let n: usize = found.iter().map(|f| f.findings.len()).sum();
            let what = format!(
                "{} in {} (see `praxis export --check`)",
                plural(n, "possible identifier", "possible identifiers"),
                plural(found.len(), "entry", "entries")
            );
            if !confirm(&format!("{what}. Export them unredacted?"))? {
                bail!(
                    "{what}: nothing written. Leave out --no-redact to replace them with \
                     placeholders, or pass --yes to export them as they are"
                );
            }
        }
    }
    let mut redactor = if redact {
        Some(Redactor::new(checker()?))
    } else {
        None
    };
    let catalog = ctx.catalog();
    let seal = seal(args, ctx)?;
    let written = match (super::output_file(args.output.as_deref()), &seal) {
        (Some(path), Some(seal)) => crate::files::write_atomically(path, args.force, |out| {
            let mut sealed = seal.wrap(out)?;
            let w = export::write(&store, catalog, &plan, redactor.as_mut(), &mut sealed)?;
            sealed.finish()?;
            Ok(w)
        })?,
        (None, Some(seal)) => {
            let stdout = std::io::stdout();
            let mut sealed = seal.wrap(std::io::BufWriter::new(stdout.lock()))?;
            let w = export::write(&store, catalog, &plan, redactor.as_mut(), &mut sealed)?;
            sealed.finish()?.flush()?;
            w
        }
        (Some(path), None) => crate::files::write_atomically(path, args.force, |out| {
            export::write(&store, catalog, &plan, redactor.as_mut(), out)
        })?,
        // To a terminal, every format is made safe on its way (the file formats hold the
        // text as it is: JSON escapes only C0, CSV and Markdown nothing).
        (None, None) if ctx.out.terminal => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(crate::output::TerminalSafe::new(stdout.lock()));
            let w = export::write(&store, catalog, &plan, redactor.as_mut(), &mut out)?;
            out.flush()?;
            w
        }
        (None, None) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let w = export::write(&store, catalog, &plan, redactor.as_mut(), &mut out)?;
            out.flush()?;
            w
        }
    };
    let n = written.entries;
    let what = match plan.mode {
        Mode::Summary => format!("a summary quoting {}", plural(n, "entry", "entries")),
        Mode::Profile(_) => plural(n, "record", "records"),
        _ => plural(n, "entry", "entries"),
    };
    let to = super::output_file(args.output.as_deref())
        .map(|p| format!(" to {}", p.display()))
        .unwrap_or_default();
    let how = if redact {
        format!(" ({})", written.redaction_said())
    } else if plan.mode == Mode::All {
        " (everything, unredacted: keep it as private as the journal)".to_string()
    } else {
        " (unredacted)".to_string()
    };
    let sealed = match seal.as_ref() {
        Some(s) => format!(", {}", s.describe()),
        // Out of an encrypted journal, a plain file is the one thing readable on disk.
        None if store.is_encrypted() && !to.is_empty() => {
            "; the file is not encrypted, as the journal is: `--encrypt` seals it".to_string()
        }
        None => String::new(),
    };
    note!("Exported {what}{to}{how}{sealed}.");
    Ok(())
}

/// Who an `--encrypt` export is for: the recipients named, or a passphrase asked for
/// (twice on the terminal, never echoed). None without `--encrypt`.
fn seal(args: &ExportArgs, ctx: &Ctx) -> Result<Option<Seal>> {
    if !args.encrypt {
        return Ok(None);
    }
    if super::output_file(args.output.as_deref()).is_none() && ctx.out.terminal {
        bail!(
            "an encrypted export is binary, not for the screen: name a file with -o FILE \
             (or send standard output to a file or a pipe)"
        );
    }
    let mut keys = Vec::new();
    for r in &args.recipient {
        keys.push(Seal::recipient(r).map_err(|why| anyhow::anyhow!("--recipient: {why}"))?);
    }
    if let Some(file) = &args.recipients_file {
        keys.extend(Seal::recipients_file(file)?);
    }
    if !keys.is_empty() {
        return Ok(Some(Seal::Recipients(keys)));
    }
    let pass = ctx
        .passphrase
        .read_new("Passphrase for the encrypted export")?;
    Ok(Some(Seal::Passphrase(pass)))
}

/// Gives the key of every encrypted (age) file among `files`: the identity in `identity`,
/// or a passphrase asked for each. A file the key does not open is refused here, before
/// anything is read or written.
pub fn unseal(files: &[std::path::PathBuf], identity: Option<&Path>, ctx: &Ctx) -> Result<()> {
    for file in files.iter().filter(|f| sealed::is_sealed(f)) {
        let key = match identity {
            Some(id) => sealed::Key::IdentityFile(id.to_path_buf()),
            None => sealed::Key::Passphrase(
                ctx.passphrase
                    .read(&format!("Passphrase for {}: ", file.display()))?,
            ),
        };
        sealed::unseal(file, &key)?;
    }
    Ok(())
}

/// Asks a yes/no question on the terminal; without one, the answer is no.
fn confirm(question: &str) -> Result<bool> {
    use std::io::IsTerminal as _;
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Ok(false);
    }
    note_raw!("{question} [y/N] ");
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// Resolves the command line into a plan.
fn plan(args: &ExportArgs, store: &Store, ctx: &Ctx) -> Result<Plan> {
    let today = ctx.clock.today();
    let mode = if args.all {
        Mode::All
    } else if args.summary {
        Mode::Summary
    } else if let Some(p) = args.profile {
        Mode::Profile(p)
    } else {
        Mode::Entries
    };
    let format = args
        .format
        .or_else(|| super::output_file(args.output.as_deref()).and_then(ExportFormat::from_path))
        .unwrap_or(ExportFormat::Json);
    if mode == Mode::Summary && format == ExportFormat::Csv {
        bail!("a summary has no CSV form: use --format md, html or json");
    }
    let period = match (&args.period, &args.since, &args.until) {
        (Some(name), _, _) => Period::named(name, today)?,
        (None, None, None) if mode == Mode::Summary => Period::named("4w", today)?,
        (None, None, None) => Period::named("all", today)?,
        (None, since, until) => Period::between(since.as_deref(), until.as_deref(), today)?,
    };
    let dated = args.period.is_some() || args.since.is_some() || args.until.is_some();
    for (kind, asked, flag) in [
        (
            EntryKind::StageNote,
            args.include_stage_notes,
            "--include-stage-notes",
        ),
        (EntryKind::CallIn, args.include_callins, "--include-callins"),
        (
            EntryKind::Rupture,
            args.include_ruptures,
            "--include-ruptures",
        ),
        (
            EntryKind::PositiveRisk,
            args.include_risk_plans,
            "--include-risk-plans",
        ),
    ] {
        if args.kind == Some(kind) && !asked {
            bail!("{kind}s describe other people, so they leave only when you say so: add {flag}");
        }
        if let (Mode::Profile(p), true) = (mode, asked) {
            let p = clap::ValueEnum::to_possible_value(&p)
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            bail!(
                "{flag} adds nothing to --profile {p}: a regulator's record is built from \
                 reflections, CPD, supervision and group sessions and feedback, never {kind}s. \
                 Leave {flag} out, or export them on their own: \
                 `praxis export --kind {kind} {flag}` (with `--scope private` for private ones)"
            );
        }
    }
    let mut exclude_kinds = Vec::new();
    if !args.include_stage_notes {
        exclude_kinds.push(EntryKind::StageNote);
    }
    if !args.include_callins {
        exclude_kinds.push(EntryKind::CallIn);
    }
    if !args.include_ruptures {
        exclude_kinds.push(EntryKind::Rupture);
    }
    if !args.include_risk_plans {
        exclude_kinds.push(EntryKind::PositiveRisk);
    }
    let strength = args
        .strength
        .as_deref()
        .map(|s| ctx.catalog().vocabulary.resolve(s))
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let selection = Selection {
        filter: EntryFilter {
            kind: args.kind,
            strength,
            tag: args.tag.clone(),
            since: period.since,
            until: dated.then_some(period.until),
            ..EntryFilter::default()
        },
        scope: Some(args.scope.unwrap_or(Scope::Shareable)),
        exclude_kinds,
    };
    let excerpts = if args.excerpt.is_empty() {
        None
    } else {
        let chosen = store.select_entries(&selection)?;
        let mut ids = Vec::new();
        for arg in &args.excerpt {
            // `ID` or `ID:PARTS` (sections, lines).
            let (typed, pick) = match arg.split_once(':') {
                Some((id, spec)) => (
                    id,
                    transfer::excerpt::Pick::parse(spec)
                        .map_err(|why| anyhow::anyhow!("--excerpt {arg}: {why}"))?,
                ),
                None => (arg.as_str(), transfer::excerpt::Pick::Default),
            };
            let id = store.resolve_id(typed)?;
            if !chosen.contains(&id) {
                let e = store.entry_by_rowid(id)?;
                let sid = e.short_id();
                // Say the one reason that keeps it out, and what would let it in.
                let how = if e.deleted_at.is_some() {
                    format!("it is in the trash (`praxis restore {sid}` brings it back)")
                } else if selection.exclude_kinds.contains(&e.kind) {
                    let flag = match e.kind {
                        EntryKind::StageNote => "--include-stage-notes",
                        EntryKind::Rupture => "--include-ruptures",
                        EntryKind::PositiveRisk => "--include-risk-plans",
                        _ => "--include-callins",
                    };
                    format!("{}s leave only when you say so: add {flag}", e.kind)
                } else if !selection
                    .scope
                    .is_none_or(|s| s.and_wider().contains(&e.scope.as_str()))
                {
                    format!(
                        "its scope is {}: widen --scope, or change the entry's scope with \
                         `praxis edit {sid}`",
                        e.scope
                    )
                } else {
                    "it is outside the dates or filters of this export: widen them".to_string()
                };
                bail!(
                    "entry {sid} ({}, {}) is not in this export: {how}",
                    e.kind,
                    e.occurred_on
                );
            }
            let e = store.entry_by_rowid(id)?;
            pick.take(&e).map_err(|why| {
                anyhow::anyhow!(
                    "--excerpt {arg}: entry {} ({}): {why}",
                    e.short_id(),
                    sanitize_line(&truncate(&e.title, 60))
                )
            })?;
            ids.push((id, pick));
        }
        Some(ids)
    };
    Ok(Plan {
        mode,
        format,
        selection,
        period,
        from: args.from.clone(),
        excerpts,
        include_stage_notes: args.include_stage_notes,
        include_callins: args.include_callins,
        include_ruptures: args.include_ruptures,
        include_risk_plans: args.include_risk_plans,
        today,
    })
}

/// `--check`: the findings by entry, field and line on stdout, and for a regulator
/// profile what each record still needs before it is submitted; exit 1 when there is
/// anything.
fn check(store: &Store, catalog: &Catalog, plan: &Plan, checker: &Checker) -> Result<()> {
    let gaps = export::profile_gaps(store, catalog, plan)?;
    let found = export::check(store, plan, checker)?;
    let n: usize = found.iter().map(|f| f.findings.len()).sum();
    for f in &found {
        say!(
            "{} {}  {}",
            f.short_id,
            f.occurred_on,
            sanitize_line(&truncate(&f.title, 60))
        );
        for (field, finding) in &f.findings {
            say!(
                "  {field}, line {}: {} \"{}\"",
                finding.line,
                finding.kind.label(),
                sanitize_line(&finding.text)
            );
        }
    }
    if n == 0 {
        say!("Nothing found that looks identifying in the entries this export would take.");
    }
    if let Mode::Profile(_) = plan.mode {
        if gaps.is_empty() {
            say!("Every record has what the form asks for.");
        } else {
            say!(
                "\nBefore you submit, {} record{} still need{}:",
                gaps.len(),
                if gaps.len() == 1 { "" } else { "s" },
                if gaps.len() == 1 { "s" } else { "" }
            );
        }
        for g in &gaps {
            say!(
                "{} {}  {}",
                g.short_id,
                g.occurred_on,
                sanitize_line(&truncate(&g.record, 70))
            );
            for m in &g.missing {
                say!("  - {}", sanitize_line(m));
            }
        }
    }
    let mut problems = Vec::new();
    if n > 0 {
        problems.push(format!(
            "{} in {}: a redacted export (the default) replaces \
             them; add words to [privacy] allow in the config to stop flagging them",
            plural(n, "possible identifier", "possible identifiers"),
            plural(found.len(), "entry", "entries")
        ));
    }
    if !gaps.is_empty() {
        problems.push(format!(
            "{} record{} not ready to submit: write what is listed (praxis edit ID)",
            gaps.len(),
            if gaps.len() == 1 { " is" } else { "s are" }
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    bail!("{}", problems.join("; and "))
}

pub fn import(args: &ImportArgs, ctx: &Ctx) -> Result<()> {
    let file = args.file.as_path();
    let (format, dry_run, identity) = (args.format, args.dry_run, args.identity.as_deref());
    let time_format = args.time_format.as_deref();
    let detected = format.is_none();
    let db = &ctx.paths.db;
    if identity.is_some() && !sealed::is_sealed(file) {
        bail!(
            "{} is not encrypted: --identity is only for an age file; leave it out",
            file.display()
        );
    }
    // `--encrypt`: a new journal, locked with a new passphrase, built whole from the file
    // under a temporary name as a new plain journal is (see `ImportJournal`), rather than
    // made empty first and written into.
    let new_key = if args.encrypt {
        if std::fs::symlink_metadata(db).is_ok() {
            bail!(
                "{} already exists: nothing was read or written. --encrypt makes a new \
                 journal from the file; to import into this one, leave --encrypt out{}",
                db.display(),
                match ctx.journal_lock()? {
                    Lock::Encrypted { .. } => " (it is encrypted already)",
                    Lock::Plain => " (`praxis encrypt` encrypts it, and its backups)",
                    Lock::New | Lock::Other => "",
                }
            );
        }
        if dry_run {
            // Nothing is written: no passphrase is needed to say what would be.
            None
        } else {
            // The file is found readable, and in a format praxis reads, before a
            // passphrase is asked for it (an age file, once the passphrase is given).
            if !sealed::is_sealed(file) {
                transfer::import::Source::open(file, format, time_format)?;
            }
            let pass = ctx.passphrase.read_new("New passphrase")?;
            let key = Arc::new(Key::new_for(pass.as_bytes())?);
            drop(pass);
            Some(key)
        }
    } else {
        None
    };
    // Not through `ctx.store()`: a dry run and a refused import leave no trace, not even
    // the day's backup (which marks the journal).
    let unlock = match &new_key {
        Some(key) => Unlock::Key(key.clone()),
        None if args.encrypt => Unlock::Plain,
        None => ctx.unlock()?,
    };
    unseal(&[file.to_path_buf()], identity, ctx)?;
    let into = if args.encrypt {
        Target::New(db, &unlock)
    } else {
        Target::Journal(db, &unlock)
    };
    let done =
        transfer::import::import_file(file, format, time_format, dry_run, into, ctx.clock.today())?;
    for w in &done.warnings {
        eprintln!("praxis: warning: {}", sanitize_line(w));
    }
    // Strengths from another machine's vocabulary (its config's own) are kept as written:
    // said here, so that they can be added to this one's.
    let vocabulary = &ctx.catalog().vocabulary;
    let unknown: Vec<String> = done
        .strengths
        .iter()
        .filter(|(name, _)| vocabulary.group_of(name).is_none())
        .map(|(name, n)| {
            format!(
                "{} ({})",
                sanitize_line(name),
                plural(*n, "entry", "entries")
            )
        })
        .collect();
    if !unknown.is_empty() {
        eprintln!(
            "praxis: warning: strengths not in your vocabulary, kept as written: {}. Add them to \
             the config's [strengths] table to choose them in forms and see them grouped in \
             Patterns.",
            unknown.join(", ")
        );
    }
    let r = &done.report;
    let completed = if r.completed > 0 {
        format!(
            ", {} completed (already here, and fuller in the file: cut short before, or without its star or tags)",
            r.completed
        )
    } else {
        String::new()
    };
    say!(
        "{}Read {} entr{} from {} ({}{}): {} added, {} skipped (already here), {} merged (newer in the file){completed}.",
        if dry_run {
            "Dry run, nothing written. "
        } else {
            ""
        },
        done.read,
        if done.read == 1 { "y" } else { "ies" },
        file.display(),
        done.format.describe(),
        if detected { ", detected" } else { "" },
        r.added,
        r.skipped,
        r.merged,
    );
    if let Some(key) = &new_key {
        ctx.set_unlock(unlock.clone());
        say!("Created {}, encrypted.", db.display());
        // Circles joined before there was a journal: their keys into it, as `init
        // --encrypt` takes them.
        let circles = super::circle::circles_dir(ctx);
        if circles.exists() {
            let store = Store::open_unlocked(db, &unlock)?;
            super::circle::say_settled(crate::circle::Local::beside(&circles, &store).settle());
        }
        if !sealed::is_sealed(file) {
            // The file stands for the journal's backup of the day (see `import_file`), in
            // the clear beside a journal made encrypted to keep its writing unreadable.
            note!(
                "{} is not encrypted: it holds what the journal holds, readable by anyone \
                 who can read the file. It stands for today's backup; `praxis backup` takes \
                 an encrypted one now, after which the file can go (a file removed may \
                 survive on the disk until its space is reused).",
                file.display()
            );
        }
        super::lock::recovery_note(key)?;
    } else if args.encrypt {
        say!(
            "The journal would be made encrypted: its passphrase is asked for when the \
             import is run without --dry-run."
        );
    }
    if !dry_run && !done.new_journal {
        // The journal was written: the day's backup is due as after any command. (A new
        // journal holds only what the file holds: the file is its backup for the day.)
        ctx.store()?;
    }
    Ok(())
}
