//! The command line: every subcommand and flag, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{
    Approach, Carrying, Certainty, DateArg, EntryKind, FeedbackSource, GroupFormat, GroupRole,
    Load, MiProcess, ReviewDecision, Rupture, RuptureKind, RuptureStatus, Said, Scope, SessionType,
    Stage, SubjectType, Tone,
};

const EXAMPLES: &str = "\
Examples:
  praxis                                   open the journal
  praxis add \"Hard handover. Stayed calm and listened.\" --strength listening
  praxis add --model gibbs                 write a Gibbs reflection in $EDITOR
  echo \"Quiet night\" | praxis add --on yesterday --mood 4 --load light
  praxis list --since 2026-01-01 --strength advocacy
  praxis search \"night shift\"
  praxis show 1a2b3c4d
  praxis edit 1a2b3c4d
  praxis export --summary -o summary.html  shareable patterns and excerpts, redacted
  praxis review sam.json alex.json         a coach reads several summaries

Files: the journal is kept in your platform data directory (see `praxis config path`);
--db PATH or PRAXIS_DB chooses another. Nothing ever leaves this machine.";

/// A reflective-practice journal for people in the helping professions.
#[derive(Debug, Parser)]
#[command(name = "praxis", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Journal file to use instead of the one in the platform data directory.
    #[arg(
        long,
        global = true,
        env = "PRAXIS_DB",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// Config file to use instead of the platform one.
    #[arg(
        long,
        global = true,
        env = "PRAXIS_CONFIG",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// Read the passphrase of an encrypted journal from this open file descriptor (its
    /// first line) instead of asking on the terminal.
    #[arg(long, global = true, value_name = "N", help_heading = "Global options")]
    pub passphrase_fd: Option<u32>,

    /// Read the passphrase of an encrypted journal from the first line of this file,
    /// which only you may read (mode 600), instead of asking on the terminal.
    #[arg(
        long,
        global = true,
        env = "PRAXIS_PASSPHRASE_FILE",
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub passphrase_file: Option<PathBuf>,

    /// When to use colour (NO_COLOR is honoured by "auto").
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Global options")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write an entry: TEXT, piped stdin, or $EDITOR when neither is given.
    #[command(
        after_help = "Examples:\n  praxis add \"Quiet night. Good team.\" --strength teamwork:team\n  praxis add --model gibbs --section description=\"...\" --section feelings=\"...\"\n  praxis add --on friday --title \"Review meeting\" --for-supervision"
    )]
    Add(AddArgs),
    /// List entries, newest first.
    #[command(alias = "ls")]
    List(ListArgs),
    /// Show one entry in full.
    Show(ShowArgs),
    /// Edit an entry in $EDITOR.
    Edit(IdArgs),
    /// Move an entry to the trash.
    Rm(IdArgs),
    /// Take an entry out of the trash.
    Restore(IdArgs),
    /// List the trash, or empty it.
    Trash(TrashArgs),
    /// Full-text search, best matches first.
    #[command(
        after_help = "Examples:\n  praxis search handover\n  praxis search \"night shift\" --kind reflection\n  praxis search calm* --json"
    )]
    Search(SearchArgs),
    /// The strengths vocabulary, with how often each was tagged.
    Strengths(JsonArg),
    /// Topic tags, with how often each was used.
    Tags(JsonArg),
    /// Where the config lives, what is in force, or write the documented default.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// The reflective models, or one model's sections and prompts.
    #[command(after_help = "Examples:\n  praxis models\n  praxis models show gibbs")]
    Models(ModelsArgs),
    /// A short wellbeing check-in (mood, energy, load, carrying, one word, what helped).
    #[command(
        after_help = "Examples:\n  praxis checkin --mood 3 --energy 2 --load heavy --carrying some --word stretched\n  praxis checkin            (asks each question on a terminal)"
    )]
    Checkin(CheckinArgs),
    /// Tracked actions: list them, or mark one done, partly done or open again.
    #[command(
        after_help = "Examples:\n  praxis actions --overdue\n  praxis actions done 4f2a\n  praxis actions partly 4f2a --blocker \"waiting for the rota\""
    )]
    Actions(ActionsArgs),
    /// Pseudonymous subjects of stage notes and call-ins: add, list, rename.
    #[command(subcommand)]
    Subjects(SubjectsCommand),
    /// Record a stage-of-change note about a subject (opens $EDITOR without --stage).
    #[command(
        after_help = "Examples:\n  praxis stage YP-A --topic smoking --stage contemplation \\\n      --change-talk \"desire: wants to save money\" --importance 7 --confidence 3\n  praxis stage team-north --topic handovers      (write it in $EDITOR)\n\nStages: precontemplation, contemplation, preparation, action, maintenance, recycling, termination."
    )]
    Stage(StageArgs),
    /// A subject's stage history as a timeline.
    #[command(after_help = "Example:\n  praxis stages YP-A --topic smoking")]
    Stages {
        /// The subject's key.
        subject: String,
        /// Only this topic.
        #[arg(long)]
        topic: Option<String>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Call-in conversations: plan, record how it went, follow up, list.
    #[command(subcommand)]
    Callin(CallinCommand),
    /// Supervision: prepare (gathered from your journal), record, list sessions.
    #[command(subcommand)]
    Supervision(SupervisionCommand),
    /// Continuing professional development: add a record, or sum up hours.
    #[command(subcommand)]
    Cpd(CpdCommand),
    /// Recognition given or received: who, what they did, the strength it showed, how it
    /// was said; `list` and `said` for recognition not yet said.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  praxis recognise peer-B --what \"Stayed after handover to talk a new starter through the rota\" \\\n      --strength reliability --said not-yet\n  praxis recognise manager-A --received --what \"Named how I handled the meeting\" --said in-supervision \\\n      --meant \"I had not seen it as a strength\"\n  praxis recognise list --not-yet\n  praxis recognise said 1a2b --how in-person\n\nGiven recognition is not yet said unless you say how: it waits on `praxis recognise list --not-yet`\nand in supervision prep until it is said. Pseudonym keys only, never names."
    )]
    Recognise(Box<RecogniseArgs>),
    /// Feedback from the people you work with: add it (their words, what you take from it,
    /// how it changed your practice), list it.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Ruptures in working relationships and their repair: new, repair, repaired, let-go,
    /// reopen, list.
    #[command(subcommand)]
    Rupture(RuptureCommand),
    /// Positive-risk plans made with a person: plan, review (like an action), list the
    /// reviews due.
    #[command(subcommand, visible_alias = "risk")]
    PositiveRisk(RiskCommand),
    /// Group and peer sessions (group supervision, action-learning sets, peer consultation,
    /// team reviews): new, with a session model; list.
    #[command(subcommand)]
    Group(GroupCommand),
    /// Circles: a community of practice over a shared folder (Syncthing, Nextcloud, a
    /// network drive): create, join, list, show, contribute, reply, thank, remove, leave,
    /// bring to supervision.
    #[command(subcommand, after_help = CIRCLE_HELP)]
    Circle(CircleCommand),
    /// Export entries, a summary or regulator records: shareable entries only, redacted,
    /// unless you say otherwise (`--all` is the full, unredacted backup).
    #[command(after_help = EXPORT_HELP)]
    Export(Box<ExportArgs>),
    /// Import entries from praxis JSON, jrnl, tui-journal or Markdown files (all or nothing;
    /// importing twice adds nothing).
    #[command(
        after_help = "Examples:\n  praxis import journal.json --dry-run\n  praxis import journal.json\n  praxis import ~/.local/share/jrnl/journal.txt\n  praxis import notes/                      (a folder of Markdown files)\n  praxis import journal.json --encrypt      (a new journal, locked with a passphrase)\n  praxis import old.txt --format jrnl --time-format \"%d/%m/%Y %H:%M\"\n\nThe format is detected when --format is not given: a folder is Markdown; JSON by its\nkeys; text whose first line is [YYYY-MM-DD ...] is a jrnl journal; jrnl's Markdown\nexport by its headings. A dry run, or a refused file, changes nothing.\nEntries from other tools become private reflections. An encrypted (age) file, as\n`praxis export --encrypt` writes it, is recognised and opened after asking for its\npassphrase, or with --identity FILE.\n--encrypt builds a new encrypted journal from the file (asking a new passphrase,\nand printing a recovery key); it refuses a journal that exists: `praxis encrypt`\nencrypts that one."
    )]
    Import(ImportArgs),
    /// Read people's shared summaries side by side (read-only), with notes of your own.
    #[command(
        after_help = "Examples:\n  praxis review alex.json sam.json\n  praxis review team/*.json --notes ~/supervision/review-notes.md\n  praxis review team/*.json --html review.html\n\nA summary is what a supervisee makes with `praxis export --summary --format json`.\nReviewing never opens or creates a journal. Your notes go to one Markdown file, one\n`## name` section per person, private (0600): by default review-notes.md in the folder of\nthe first summary. They are saved with ctrl-s and whenever you quit, and read back next time.\n`--html FILE` writes the same side by side as one HTML page (no terminal needed).\n\nKeys: tab or ←/→ person · ↑/↓ excerpt · enter read · n notes · ctrl-s save · ? help · q quit."
    )]
    Review {
        /// Summary files (JSON) made by `praxis export --summary --format json`.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to keep your notes (default: review-notes.md beside the first summary).
        #[arg(long, value_name = "FILE", conflicts_with = "html")]
        notes: Option<PathBuf>,
        /// Write the review as one self-contained, accessible HTML page instead of opening
        /// it (charts with text alternatives and tables; no scripts, nothing fetched).
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Overwrite the --html file if it exists.
        #[arg(long, requires = "html")]
        force: bool,
        /// Open encrypted (age) summaries with the identity in FILE instead of asking for
        /// their passphrase.
        #[arg(long, value_name = "FILE")]
        identity: Option<PathBuf>,
    },
    /// Patterns over a period: entries per week, models, strengths and their trend,
    /// check-ins, stage timelines, call-ins, actions, on this day, words of heavy weeks.
    #[command(
        after_help = "Examples:\n  praxis stats                     the last 4 weeks\n  praxis stats --period quarter\n  praxis stats --since 2026-01-01 --until 2026-03-31 --json\n\nPatterns are prompts for supervision, never a score."
    )]
    Stats {
        /// 4w (default), quarter, year or all.
        #[arg(long, conflicts_with_all = ["since", "until"])]
        period: Option<String>,
        /// From this date.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Up to this date (default today).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Check the journal: integrity, links, search index, permissions, version.
    #[command(
        after_help = "Examples:\n  praxis doctor\n  praxis doctor --rebuild-index\n  praxis doctor --fix-dates"
    )]
    Doctor {
        /// Rebuild the full-text search index, and the counts kept for Patterns and lists,
        /// from the entries.
        #[arg(long)]
        rebuild_index: bool,
        /// Set dates past the year 9999 (or before the year 1), which an import of an
        /// earlier praxis let in and nothing can read back, to the nearest date that can
        /// be read: 9999-12-31 (or 0001-01-01).
        #[arg(long)]
        fix_dates: bool,
    },
    /// Back up the journal (consistent even while praxis is open), list or restore backups.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  praxis backup                       copy into backups/ beside the journal\n  praxis backup ~/safe/journal.sqlite3\n  praxis backup list\n  praxis backup restore               the newest backup (the current journal is backed up first)"
    )]
    Backup(BackupArgs),
    /// Create a new journal, plain or (with --encrypt) locked with a passphrase.
    #[command(after_help = "Examples:\n  praxis init\n  praxis init --encrypt")]
    Init {
        /// Encrypt the new journal with a passphrase (asked twice, not echoed).
        #[arg(long)]
        encrypt: bool,
    },
    /// Encrypt the journal and its backups with a passphrase (SQLCipher: AES-256, every
    /// page authenticated); prints a recovery key once.
    #[command(
        after_help = "The journal is copied into a new encrypted file, checked, then renamed over\nthe old one: if praxis is stopped at any moment, one whole journal remains.\nA forgotten passphrase cannot be recovered: keep the recovery key safe.\n\nExamples:\n  praxis encrypt\n  praxis encrypt --passphrase-fd 3 3< pass.txt"
    )]
    Encrypt,
    /// Turn an encrypted journal (and its backups made under the same passphrase) back into
    /// plain SQLite files.
    Decrypt,
    /// Change the journal's passphrase (backups already taken keep the old one).
    #[command(
        after_help = "The old passphrase is asked first, then the new one twice. With\n--passphrase-fd or PRAXIS_PASSPHRASE_FILE the first line is the old passphrase and\nthe second the new one.\n\nExamples:\n  praxis passphrase"
    )]
    Passphrase,
    /// Forget the journal's key remembered between commands (`[security]
    /// remember_key_minutes`): the next command asks for the passphrase.
    #[command(
        after_help = "With `remember_key_minutes = 5` under `[security]` in the config, an encrypted\njournal's key is kept by the kernel (this login session's keyring) for 5 minutes\nafter each command that used it. `praxis lock` forgets it at once; so do the\napp's lock, `praxis passphrase` and `praxis decrypt`.\n\nExamples:\n  praxis lock"
    )]
    Lock,
    /// Open a throwaway journal full of realistic entries of every kind, to look around.
    #[command(
        after_help = "Examples:\n  praxis demo                      deleted when you quit\n  praxis demo --keep /tmp/demo.sqlite3"
    )]
    Demo {
        /// Keep the demo journal at PATH instead of deleting it.
        #[arg(long, value_name = "PATH")]
        keep: Option<PathBuf>,
        /// Months of entries to make.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=120))]
        months: u32,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  praxis completions bash > ~/.local/share/bash-completion/completions/praxis\n  praxis completions zsh > ~/.zfunc/_praxis\n  praxis completions fish > ~/.config/fish/completions/praxis.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  praxis man > ~/.local/share/man/man1/praxis.1")]
    Man,
}

/// Options shared by every command that writes an entry.
#[derive(Debug, Args, Default)]
pub struct EntryOptions {
    /// Title (default: the first sentence of the text).
    #[arg(long)]
    pub title: Option<String>,
    /// The day the entry is about: YYYY-MM-DD, today, yesterday, a weekday (the last one)
    /// or "3 days ago".
    #[arg(long, value_name = "DATE")]
    pub on: Option<DateArg>,
    /// A strength shown, as NAME or NAME:WHOSE (whose: mine, person, team, colleague). Repeatable.
    #[arg(long = "strength", short = 's', value_name = "NAME[:WHOSE]")]
    pub strengths: Vec<String>,
    /// A free topic tag. Repeatable.
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// Mood, 1 (low) to 5 (good).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub mood: Option<u8>,
    /// Energy, 1 (empty) to 5 (plenty).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub energy: Option<u8>,
    /// How heavy the work felt: light, manageable, heavy, overloaded.
    #[arg(long)]
    pub load: Option<Load>,
    /// Carrying anything from today? no, some, a-lot.
    #[arg(long)]
    pub carrying: Option<Carrying>,
    /// One word for how the day was.
    #[arg(long)]
    pub word: Option<String>,
    /// What helped today.
    #[arg(long)]
    pub helped: Option<String>,
    /// Flag the entry to bring to supervision.
    #[arg(long)]
    pub for_supervision: bool,
    /// Who may see it: private (default), supervision, shareable.
    #[arg(long)]
    pub scope: Option<Scope>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The entry text (words are joined). Omit to read stdin or open $EDITOR.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,
    /// Kind of entry: reflection (the default). Every other kind is written with its own
    /// command, which asks for what it needs: checkin, stage, callin new, cpd add,
    /// supervision record, recognise, feedback add, rupture new, positive-risk plan, group new.
    #[arg(long, short = 'k', default_value = "reflection")]
    pub kind: EntryKind,
    /// Reflective model whose sections to write (see `praxis models`).
    #[arg(long, short = 'm')]
    pub model: Option<String>,
    /// A section's text, as KEY=TEXT (keys from `praxis models show ID`). Repeatable.
    #[arg(long = "section", value_name = "KEY=TEXT")]
    pub sections: Vec<String>,
    /// Track an action (repeatable); --due sets the due date of each.
    #[arg(long = "action", value_name = "TEXT")]
    pub actions: Vec<String>,
    /// Due date for the actions given with --action (a weekday name means the next one;
    /// or "in 2 weeks").
    #[arg(long, value_name = "DATE", requires = "actions")]
    pub due: Option<DateArg>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

#[derive(Debug, Args)]
pub struct ModelsArgs {
    #[command(subcommand)]
    pub action: Option<ModelsAction>,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ModelsAction {
    /// One model's sections and prompts.
    Show {
        /// The model's id, e.g. gibbs.
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    #[command(flatten)]
    pub opts: EntryOptions,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    #[command(subcommand)]
    pub action: Option<ActionCommand>,
    /// Open actions (the default), including partly done ones.
    #[arg(long, group = "which")]
    pub open: bool,
    /// Open actions whose due date has passed.
    #[arg(long, group = "which")]
    pub overdue: bool,
    /// Every action, done ones too.
    #[arg(long, group = "which")]
    pub all: bool,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Mark an action done.
    Done {
        /// The action's id, or the start of it (as `praxis actions` lists it).
        id: String,
    },
    /// Mark an action partly done, with what is in the way.
    Partly {
        /// The action's id, or the start of it (as `praxis actions` lists it).
        id: String,
        /// What is in the way (kept with the action, shown while it is not done).
        #[arg(long, value_name = "TEXT")]
        blocker: Option<String>,
    },
    /// Mark an action open again (what was in the way is cleared, and said).
    Reopen {
        /// The action's id, or the start of it (as `praxis actions` lists it).
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub action: Option<BackupAction>,
    /// Where to write the copy (default: backups/ beside the journal).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Overwrite PATH if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// Backups beside the journal, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Replace the journal with a backup (the newest, or the one named).
    Restore {
        /// A backup's file name from `praxis backup list`, or a path.
        backup: Option<PathBuf>,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SubjectsCommand {
    /// Add a subject: a pseudonym key, never a real name.
    Add {
        key: String,
        /// person, team, organisation or self.
        #[arg(long = "type", default_value = "person")]
        kind: SubjectType,
    },
    /// List subjects with their stage-note counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a subject's key; its notes follow.
    Rename { from: String, to: String },
}

#[derive(Debug, Args)]
pub struct StageArgs {
    /// The subject's pseudonym key (created if new).
    pub subject: String,
    /// The one behaviour or change this note is about.
    #[arg(long)]
    pub topic: Option<String>,
    /// precontemplation, contemplation, preparation, action, maintenance, recycling, termination.
    #[arg(long)]
    pub stage: Option<Stage>,
    /// How sure you are of the stage: guess or clear.
    #[arg(long)]
    pub certainty: Option<Certainty>,
    /// What you saw that places them at this stage.
    #[arg(long)]
    pub evidence: Option<String>,
    /// MI process: engaging, focusing, evoking, planning.
    #[arg(long)]
    pub process: Option<MiProcess>,
    /// Change talk as CODE: paraphrase (codes: desire, ability, reasons, need, commitment, activation, taking-steps). Repeatable.
    #[arg(long = "change-talk", value_name = "CODE: TEXT")]
    pub change_talk: Vec<String>,
    /// Sustain talk heard (for the status quo).
    #[arg(long)]
    pub sustain_talk: Option<String>,
    /// Discord noticed in the relationship.
    #[arg(long)]
    pub discord: Option<String>,
    /// Importance 0–10, only as the person rated it.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub importance: Option<u8>,
    /// Confidence 0–10, only as the person rated it.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub confidence: Option<u8>,
    /// Your OARS reflection.
    #[arg(long)]
    pub reflection: Option<String>,
    /// The next step.
    #[arg(long)]
    pub next_step: Option<String>,
    /// When to review (a weekday name means the next one; or "in 2 weeks").
    #[arg(long, value_name = "DATE")]
    pub review: Option<DateArg>,
    /// Any template field as KEY=VALUE (see the stage-note template). Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

#[derive(Debug, Subcommand)]
pub enum CallinCommand {
    /// Plan a calling-in conversation (opens $EDITOR unless fields are given).
    #[command(
        after_help = "Examples:\n  praxis callin new --who \"colleague on nights\"          (write the plan in $EDITOR)\n  praxis callin new --who \"peer A\" --approach call-in \\\n      --field observed=\"Joked about a resident's accent at handover\" \\\n      --field intent=\"Keep working well together and protect residents' dignity\"\n\nThe plan is saved whatever the appropriateness check says; say why in approach-why.\n\nPlan fields: who, relationship, urgency, power, safety, approach, approach-why, setting, intent,\nshared-values, observed, impact, feelings, questions, desired-outcome, missing, repair-offer, debrief."
    )]
    New {
        /// Who, by role or pseudonym (never a name).
        #[arg(long)]
        who: Option<String>,
        /// Link the plan to a subject's pseudonym key.
        #[arg(long)]
        subject: Option<String>,
        /// The appropriateness check: call-in, call-out or escalate.
        #[arg(long)]
        approach: Option<Approach>,
        /// Any plan field as KEY=VALUE (see `praxis callin new --help`). Repeatable.
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
        #[command(flatten)]
        opts: EntryOptions,
    },
    /// Record how a planned conversation went (opens $EDITOR unless fields are given).
    #[command(
        after_help = "Example:\n  praxis callin held 1a2b --rating 4 --rupture none --follow-up friday --field their-view=\"...\"\n\nOutcome fields: held-on, rating, their-view, outcome, agreements, rupture, repair-steps,\nfollow-up-on, learning, bring-to-supervision."
    )]
    Held {
        /// The call-in's id.
        id: String,
        /// The day it was held (default today).
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
        /// How it went, 1 (badly) to 5 (well).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
        rating: Option<u8>,
        /// Signs of rupture: none, withdrawal, confrontation.
        #[arg(long)]
        rupture: Option<Rupture>,
        /// When to follow up (a weekday name means the next one; or "in 2 weeks").
        #[arg(long, value_name = "DATE")]
        follow_up: Option<DateArg>,
        /// Bring it to supervision.
        #[arg(long)]
        bring: bool,
        /// Any outcome field as KEY=VALUE. Repeatable.
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
    },
    /// Mark a held call-in as followed up.
    Followup {
        id: String,
        /// The day of the follow-up (default today).
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// List call-ins; --due shows only follow-ups that are due.
    List {
        #[arg(long)]
        due: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SupervisionCommand {
    /// Prepare for a session: carried actions, flagged entries, due follow-ups, stale
    /// stage notes, open ruptures, recognition not yet said, new feedback, positive-risk
    /// reviews due and check-in patterns since the last record, as a Markdown agenda.
    #[command(
        after_help = "Examples:\n  praxis supervision prep --date friday --type clinical --minutes 60\n  praxis supervision prep --item \"restorative | 15 | space | The weight of the Smith case\" -o prep.md\n\nAgenda items: FUNCTION | MINUTES | WANT | WHAT, every part but WHAT optional;\nfunctions normative, formative, restorative, mediation; wants decision, advice, space, permission."
    )]
    Prep {
        /// The session's date (default today; a weekday name means the next one).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
        /// The supervisor's role (not their name).
        #[arg(long)]
        role: Option<String>,
        /// managerial, clinical, peer or group.
        #[arg(long = "type")]
        session_type: Option<SessionType>,
        /// Length of the session in minutes.
        #[arg(long, value_parser = clap::value_parser!(u32).range(5..=600))]
        minutes: Option<u32>,
        /// An agenda item of your own. Repeatable.
        #[arg(long = "item", value_name = "ITEM")]
        items: Vec<String>,
        /// Also write the agenda to this file.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the --output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Record a session: decisions, agreed actions, learning (opens $EDITOR unless fields are given).
    #[command(
        after_help = "Example:\n  praxis supervision record --decision \"Keep the plan\" \\\n      --action \"Book the training | me | 2026-04-30\" --learning \"...\" --cpd"
    )]
    Record {
        /// The prep this session followed (default: the newest prep without a record).
        prep: Option<String>,
        /// The session's date (default: the prep's, or today).
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
        /// Decisions made.
        #[arg(long = "decision")]
        decisions: Vec<String>,
        /// An agreed action as WHAT | WHO | BY WHEN (YYYY-MM-DD). Repeatable.
        #[arg(long = "action", value_name = "ACTION")]
        actions: Vec<String>,
        /// What you learned.
        #[arg(long)]
        learning: Option<String>,
        /// The session counts as CPD.
        #[arg(long)]
        cpd: bool,
        /// The session counts as peer reflection.
        #[arg(long)]
        peer: bool,
        /// Any record field as KEY=VALUE. Repeatable.
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
    },
    /// Sessions, newest first, with open actions.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CpdCommand {
    /// Add a CPD record (opens $EDITOR unless fields are given).
    #[command(
        after_help = "Example:\n  praxis cpd add --type training --title \"Trauma-informed care\" --hours 6 --participatory \\\n      --learning \"...\" --impact \"...\" --link 1a2b3c4d"
    )]
    Add {
        /// Activity: training, reading, peer-discussion, supervision, shadowing, conference, e-learning, reflection, other.
        #[arg(long = "type")]
        activity: Option<String>,
        #[arg(long)]
        title: Option<String>,
        /// When it happened.
        #[arg(long, value_name = "DATE")]
        date: Option<DateArg>,
        /// Hours spent, e.g. 1.5.
        #[arg(long, allow_negative_numbers = true, value_parser = cpd_hours)]
        hours: Option<f64>,
        /// It involved other people (counts toward participatory hours).
        #[arg(long)]
        participatory: bool,
        /// What you learned.
        #[arg(long)]
        learning: Option<String>,
        /// Impact on your practice and on the people you support.
        #[arg(long)]
        impact: Option<String>,
        /// What came out of discussing it with a peer.
        #[arg(long)]
        peer_discussion: Option<String>,
        /// A linked reflection's id. Repeatable.
        #[arg(long = "link", value_name = "ID")]
        links: Vec<String>,
        /// Any field as KEY=VALUE. Repeatable.
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
        /// Who may see it: private (default), supervision, shareable. Regulator exports
        /// (`praxis export --profile`) take shareable records unless told otherwise.
        #[arg(long)]
        scope: Option<Scope>,
    },
    /// Hours in total and participatory, by activity, for a period.
    Summary {
        /// Only one calendar year (--year alone: this one). Without --year, --since or --until: all time.
        #[arg(long, num_args = 0..=1, default_missing_value = "this", value_name = "YYYY")]
        year: Option<String>,
        #[arg(long, value_name = "DATE", conflicts_with = "year")]
        since: Option<DateArg>,
        #[arg(long, value_name = "DATE", conflicts_with = "year")]
        until: Option<DateArg>,
        #[arg(long)]
        json: bool,
    },
}

const EXPORT_HELP: &str = "\
Examples:
  praxis export --check                          what might identify someone, by entry and line
  praxis export -o shared.md                     shareable entries, redacted, as Markdown
  praxis export --summary --period quarter -o summary.html
  praxis export --summary --format json --from \"Sam\" -o sam.json   for `praxis review`
  praxis export --profile nmc --scope private -o accounts.md
  praxis export --all -o journal.json            the full backup: everything, unredacted
  praxis export --summary -f json --encrypt --recipient age1... -o sam.json.age

What leaves: only entries whose scope is shareable (--scope supervision or private widens
it); stage notes, call-ins, ruptures and positive-risk plans only with --include-stage-notes,
--include-callins, --include-ruptures, --include-risk-plans.
Redacted by default: names, subject keys, emails, phone numbers, postcodes, NHS-like
numbers, addresses and your [privacy] never_export words become placeholders such as
[PERSON-1]; exact dates become the month. --no-redact writes the text as it is, and stops
when the check finds anything unless you confirm or pass --yes.
--check exits 1 when it finds anything, so scripts can stop.
--encrypt writes an age file, to a passphrase or to --recipient keys: `praxis import` and
`praxis review` open it (asking the passphrase, or with --identity FILE), and so does `age -d`.";

/// `praxis import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file (or folder of Markdown files) to read.
    pub file: PathBuf,
    /// The file's format (detected when not given).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::transfer::Format>,
    /// How a jrnl plain-text journal writes dates (jrnl's `timeformat`, e.g.
    /// "%Y-%m-%d %H:%M"); without it the usual ones are tried.
    #[arg(long, value_name = "STRFTIME")]
    pub time_format: Option<String>,
    /// Say what would be added, skipped and merged, without writing.
    #[arg(long)]
    pub dry_run: bool,
    /// Open an encrypted (age) file with the identity in FILE (as `age-keygen` writes
    /// it) instead of asking for its passphrase.
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
    /// Make the new journal encrypted with a passphrase (asked twice, not echoed), as
    /// `praxis init --encrypt` does; only where there is no journal yet.
    #[arg(long)]
    pub encrypt: bool,
}

/// `praxis export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Every entry of every kind and scope (the trash too in JSON), unredacted: your own
    /// backup, or a move to another machine. `praxis import` reads it back.
    #[arg(long, conflicts_with_all = ["summary", "profile", "scope", "include_stage_notes",
        "include_callins", "include_ruptures", "include_risk_plans", "kind", "strength", "tag", "since", "until", "period", "redact",
        "no_redact", "excerpt", "from"])]
    pub all: bool,
    /// The period's patterns and chosen excerpts (--excerpt, else the entries marked for
    /// supervision), never whole entries.
    #[arg(long, conflicts_with = "profile")]
    pub summary: bool,
    /// A regulator's shape, built from reflections and CPD records.
    #[arg(long, value_enum, value_name = "PROFILE")]
    pub profile: Option<crate::transfer::profile::Profile>,
    /// json, md, html or csv (default: from the -o file name, else json).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<crate::transfer::export::ExportFormat>,
    /// List what may identify a person, by entry, field and line; write nothing.
    #[arg(long)]
    pub check: bool,
    /// Replace what the check finds with placeholders (the default, except for --all).
    #[arg(long, conflicts_with = "no_redact")]
    pub redact: bool,
    /// Write the text as it is.
    #[arg(long)]
    pub no_redact: bool,
    /// Don't ask before an unredacted export with findings.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// The narrowest scope to take: shareable (default), supervision (adds entries shared
    /// with supervision) or private (every entry).
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Take stage notes too (they describe other people: only when you say so).
    #[arg(long)]
    pub include_stage_notes: bool,
    /// Take call-in plans and outcomes too.
    #[arg(long)]
    pub include_callins: bool,
    /// Take ruptures too (each describes one working relationship).
    #[arg(long)]
    pub include_ruptures: bool,
    /// Take positive-risk plans too (each describes one person's goals and risks).
    #[arg(long)]
    pub include_risk_plans: bool,
    /// Only this kind.
    #[arg(long, short = 'k')]
    pub kind: Option<EntryKind>,
    /// Only entries tagged with this strength.
    #[arg(long, short = 's')]
    pub strength: Option<String>,
    /// Only entries with this topic tag.
    #[arg(long, short = 't')]
    pub tag: Option<String>,
    /// 4w, quarter, year or all (summaries default to 4w, everything else to all).
    #[arg(long, conflicts_with_all = ["since", "until"])]
    pub period: Option<String>,
    /// From this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Up to this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Quote part of this entry in a summary (repeatable; the default is the entries
    /// marked for supervision): ID alone quotes what it says was learned and what comes
    /// next, or its opening; ID:PARTS names sections by key or label, `body`, or lines
    /// (ID:analysis, ID:body=2-4, ID:2-4, ID:so-what,now-what). Never the whole entry.
    #[arg(long, value_name = "ID[:PARTS]", requires = "summary")]
    pub excerpt: Vec<String>,
    /// The name to put on it ("Sam, Team North"): yours to choose, kept as written.
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Encrypt the file with age (any format): to a passphrase, asked twice and never
    /// echoed, or to the age public keys of --recipient and --recipients-file.
    #[arg(long)]
    pub encrypt: bool,
    /// Encrypt to this age public key (age1…), for the holder of its identity
    /// (repeatable).
    #[arg(long, value_name = "AGE_PUBLIC_KEY", requires = "encrypt")]
    pub recipient: Vec<String>,
    /// Encrypt to the age public keys in FILE, one a line (`#` comments allowed).
    #[arg(long, value_name = "FILE", requires = "encrypt")]
    pub recipients_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this kind: reflection, supervision, call-in, stage-note, check-in, cpd,
    /// recognition, feedback, rupture, positive-risk, group-session.
    #[arg(long, short = 'k')]
    pub kind: Option<EntryKind>,
    /// Only entries tagged with this strength.
    #[arg(long, short = 's')]
    pub strength: Option<String>,
    /// Only entries with this topic tag.
    #[arg(long, short = 't')]
    pub tag: Option<String>,
    /// From this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    /// Up to this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
    /// Only entries flagged for supervision.
    #[arg(long)]
    pub for_supervision: bool,
    /// At most this many entries.
    #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
    pub limit: usize,
    /// Print JSON for scripts: one summary per entry (id, kind, title, date, strengths…).
    #[arg(long)]
    pub json: bool,
    /// With --json: each entry whole, as `praxis show --json` prints it (body, sections,
    /// check-in, actions and the kind's details).
    #[arg(long, requires = "json")]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id: the short id from `praxis list`, or any unique prefix of its UUID.
    pub id: String,
    /// Print the whole entry as JSON: its short id, then every field in the form
    /// `praxis export --all` writes (body, sections, check-in, actions, details).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IdArgs {
    /// The entry's id: the short id from `praxis list`, or any unique prefix of its UUID.
    pub id: String,
}

#[derive(Debug, Args)]
pub struct TrashArgs {
    #[command(subcommand)]
    pub action: Option<TrashAction>,
}

#[derive(Debug, Subcommand)]
pub enum TrashAction {
    /// List entries in the trash (the default).
    List,
    /// Delete everything in the trash for good.
    Empty {
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Delete one entry of the trash for good (`praxis rm ID` moves it there first).
    Delete {
        /// The entry's id, as `praxis trash` lists it (or any unique prefix of its UUID).
        id: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must appear); "quoted phrases" and prefix* work.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Only this kind: reflection, supervision, call-in, stage-note, check-in, cpd.
    #[arg(long, short = 'k')]
    pub kind: Option<EntryKind>,
    /// From this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    /// Up to this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = at_least_one)]
    pub limit: usize,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonArg {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path.
    Path,
    /// Print the configuration in force.
    Show,
    /// Write the documented default config.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Options of the practice kinds that every one of them takes.
#[derive(Debug, Args, Default)]
pub struct KindOptions {
    /// Title (default: from who and what it is about).
    #[arg(long)]
    pub title: Option<String>,
    /// The day it is about: YYYY-MM-DD, today, yesterday, a weekday (the last one) or "3
    /// days ago".
    #[arg(long, value_name = "DATE")]
    pub on: Option<DateArg>,
    /// A free topic tag. Repeatable.
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// Flag it to bring to supervision.
    #[arg(long)]
    pub for_supervision: bool,
    /// Who may see it: private (default), supervision, shareable.
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Any template field as KEY=VALUE. Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
}

/// `praxis recognise`.
#[derive(Debug, Args)]
pub struct RecogniseArgs {
    #[command(subcommand)]
    pub action: Option<RecogniseAction>,
    /// Who: a pseudonym key (peer-B, team-north, YP-A), never a name; added if new.
    #[arg(value_name = "WHO")]
    pub who: Option<String>,
    /// What they did, specifically: the moment, the action.
    #[arg(long)]
    pub what: Option<String>,
    /// The strength it showed (theirs when given, yours when received), as NAME or
    /// NAME:WHOSE. Repeatable.
    #[arg(long = "strength", short = 's', value_name = "NAME[:WHOSE]")]
    pub strengths: Vec<String>,
    /// How it was said: in-person, in-supervision, in-writing, not-yet.
    #[arg(long)]
    pub said: Option<Said>,
    /// Recognition you received (the default is recognition you give).
    #[arg(long)]
    pub received: bool,
    /// For recognition received: what it meant to you.
    #[arg(long, requires = "received")]
    pub meant: Option<String>,
    /// The difference it made, and to whom.
    #[arg(long)]
    pub difference: Option<String>,
    /// The type of a new subject: colleague (default), team, person, organisation.
    #[arg(long = "type", value_name = "TYPE")]
    pub subject_type: Option<SubjectType>,
    #[command(flatten)]
    pub opts: KindOptions,
}

#[derive(Debug, Subcommand)]
pub enum RecogniseAction {
    /// Mark recognition you gave as said.
    Said {
        id: String,
        /// How it was said: in-person, in-supervision or in-writing.
        #[arg(long, default_value = "in-person")]
        how: Said,
        /// The day it was said (default today).
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// Recognition, newest first.
    List {
        /// Only recognition given and not yet said.
        #[arg(long)]
        not_yet: bool,
        /// Only recognition given.
        #[arg(long, conflicts_with = "received")]
        given: bool,
        /// Only recognition received.
        #[arg(long)]
        received: bool,
        /// Only about this subject.
        #[arg(long, value_name = "KEY")]
        subject: Option<String>,
        #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// Add feedback (opens $EDITOR unless its words or other text are given).
    Add(Box<FeedbackAdd>),
    /// Feedback, newest first.
    List {
        #[arg(long)]
        source: Option<FeedbackSource>,
        /// Only from this subject.
        #[arg(long, value_name = "KEY")]
        subject: Option<String>,
        /// Only received after this date.
        #[arg(long, value_name = "DATE")]
        since: Option<DateArg>,
        #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RuptureCommand {
    /// Note a rupture in a working relationship (opens $EDITOR unless text is given).
    New(Box<RuptureNew>),
    /// Record a repair tried: an open rupture becomes repair-tried.
    Repair {
        id: String,
        /// What you tried (added to the repair section).
        #[arg(long)]
        note: Option<String>,
        /// The day (default today).
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// Mark a rupture repaired.
    Repaired {
        id: String,
        /// How it was repaired (added to the repair section).
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// Let a rupture go, saying why.
    LetGo {
        id: String,
        /// Why you let it go: a decision, in your words.
        #[arg(long, required = true)]
        why: String,
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// Open a repaired or let-go rupture again.
    Reopen {
        id: String,
        /// What happened (added to what happened).
        #[arg(long)]
        note: Option<String>,
    },
    /// Ruptures, newest first.
    List {
        /// Only open ones (open or repair tried).
        #[arg(long, conflicts_with = "status")]
        open: bool,
        /// Only this status: open, repair-tried, repaired, let-go.
        #[arg(long)]
        status: Option<RuptureStatus>,
        #[arg(long, value_name = "KEY")]
        subject: Option<String>,
        #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RiskCommand {
    /// Make a positive-risk plan with a person (opens $EDITOR unless text is given).
    Plan(Box<RiskPlan>),
    /// Review a plan: what happened, and continue, adjust or end.
    #[command(
        after_help = "Examples:\n  praxis positive-risk review 1a2b --decision continue --note \"Went twice; proud of it\" --next monday\n  praxis positive-risk review 1a2b --decision end --note \"Goes on her own now\""
    )]
    Review {
        id: String,
        /// continue, adjust or end.
        #[arg(long)]
        decision: ReviewDecision,
        /// What happened.
        #[arg(long)]
        note: String,
        /// The next review (needed to continue or adjust; a weekday name means the next
        /// one; or "in 4 weeks").
        #[arg(long, value_name = "DATE")]
        next: Option<DateArg>,
        /// The day of the review (default today).
        #[arg(long, value_name = "DATE")]
        on: Option<DateArg>,
    },
    /// Active plans, newest first; --due: reviews that have come, soonest first.
    List {
        #[arg(long)]
        due: bool,
        /// Ended plans too.
        #[arg(long, conflicts_with = "due")]
        all: bool,
        #[arg(long, value_name = "KEY")]
        subject: Option<String>,
        #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Record a group or peer session (opens $EDITOR unless its text is given).
    New(Box<GroupNew>),
    /// Group sessions, newest first.
    List {
        #[arg(long)]
        format: Option<GroupFormat>,
        /// Only those that count as peer reflection or CPD.
        #[arg(long)]
        counting: bool,
        #[arg(long, short = 'n', default_value_t = 50, value_parser = at_least_one)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

/// `praxis feedback add`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  praxis feedback add --source family-carer --tone appreciative \\\n      --words \"You always ring back when you say you will\" --take \"Reliability matters more than I thought\"\n  praxis feedback add --source complaint          (write it in $EDITOR)\n\nSources: person-supported, family-carer, colleague, manager, student, complaint, compliment, other.\nQuote their words, leaving out names and anything that identifies anyone."
)]
pub struct FeedbackAdd {
    /// Where it came from: person-supported, family-carer, colleague, manager, student,
    /// complaint, compliment, other.
    #[arg(long)]
    pub source: Option<FeedbackSource>,
    /// Who it came from, as a pseudonym key (leave out for anonymous feedback).
    #[arg(long, value_name = "KEY")]
    pub from: Option<String>,
    /// appreciative, mixed or critical: a description, never a grade.
    #[arg(long)]
    pub tone: Option<Tone>,
    /// Their words, quoted.
    #[arg(long)]
    pub words: Option<String>,
    /// The context it was given in.
    #[arg(long)]
    pub context: Option<String>,
    /// What you take from it.
    #[arg(long)]
    pub take: Option<String>,
    /// How it changed your practice.
    #[arg(long)]
    pub changed: Option<String>,
    /// Any feedback field as KEY=VALUE. Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

/// `praxis rupture new`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  praxis rupture new peer-B --kind withdrawal --what \"Quiet with me since the rota change\" \\\n      --my-part \"I announced it without asking\"\n  praxis rupture new YP-A --type person            (write it in $EDITOR)\n\nKinds: withdrawal, confrontation, misattunement. Ruptures are ordinary: what matters is\nworking them through. A call-in held with signs of rupture opens one by itself."
)]
pub struct RuptureNew {
    /// The relationship: a pseudonym key, never a name; added if new.
    pub subject: String,
    /// withdrawal, confrontation or misattunement.
    #[arg(long)]
    pub kind: Option<RuptureKind>,
    /// What happened.
    #[arg(long)]
    pub what: Option<String>,
    /// Your part in it.
    #[arg(long)]
    pub my_part: Option<String>,
    /// How they may have experienced it.
    #[arg(long)]
    pub their_part: Option<String>,
    /// The call-in it arose in.
    #[arg(long, value_name = "ID")]
    pub callin: Option<String>,
    /// The type of a new subject: colleague (default), person, team, organisation.
    #[arg(long = "type", value_name = "TYPE")]
    pub subject_type: Option<SubjectType>,
    /// Any rupture field as KEY=VALUE. Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

/// `praxis positive-risk plan`.
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  praxis positive-risk plan YP-A --goal \"Go to the gym on her own\" \\\n      --matters \"Feeling like everyone else her age\" --risks \"A fall (hers); criticism (the service's)\" \\\n      --safer \"Phone charged; first visit together\" --agreed \"YP-A, key worker, manager\" --review friday\n\nA plan needs a review date. Reviews due show in `praxis positive-risk list --due` and in supervision prep."
)]
pub struct RiskPlan {
    /// The person: a pseudonym key, never a name; added if new.
    pub subject: String,
    /// Their goal, in their words if you can.
    #[arg(long)]
    pub goal: Option<String>,
    /// What matters to them about it.
    #[arg(long)]
    pub matters: Option<String>,
    /// The risks, and whose they are.
    #[arg(long)]
    pub risks: Option<String>,
    /// The risk of not doing it.
    #[arg(long)]
    pub not_doing: Option<String>,
    /// What makes it safer without taking it away.
    #[arg(long)]
    pub safer: Option<String>,
    /// Who agreed, by role (and whether the person did).
    #[arg(long)]
    pub agreed: Option<String>,
    /// When to review it (a weekday name means the next one; or "in 2 weeks").
    #[arg(long, value_name = "DATE")]
    pub review: Option<DateArg>,
    /// The type of a new subject: person (default), team, colleague, organisation.
    #[arg(long = "type", value_name = "TYPE")]
    pub subject_type: Option<SubjectType>,
    /// Any plan field as KEY=VALUE. Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

/// `praxis group new`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  praxis group new --model action-learning --theme \"Endings with families\" \\\n      --present \"senior practitioner\" --present peer-C --role presenter --minutes 90 \\\n      --learning \"Ask what an ending means to them\" --action \"Try it with the next family | me | 2026-04-30\" --peer --cpd\n  praxis group new --model balint                  (write it in $EDITOR)\n\nModels: action-learning, intervision, balint, team-review (see `praxis models`).\nFormats: group-supervision, peer-supervision, action-learning-set, team-session, community-of-practice.\nWho was present: roles or pseudonyms, never names."
)]
pub struct GroupNew {
    /// The session model: action-learning, intervision, balint, team-review.
    #[arg(long, short = 'm')]
    pub model: Option<String>,
    /// group-supervision, peer-supervision, action-learning-set, team-session,
    /// community-of-practice (default: action-learning-set with that model, else
    /// group-supervision).
    #[arg(long)]
    pub format: Option<GroupFormat>,
    /// What it was about.
    #[arg(long)]
    pub theme: Option<String>,
    /// Who was there, by role or pseudonym. Repeatable.
    #[arg(long = "present", value_name = "WHO")]
    pub present: Vec<String>,
    /// presenter, participant or facilitator.
    #[arg(long)]
    pub role: Option<GroupRole>,
    /// Length in minutes.
    #[arg(long, value_parser = clap::value_parser!(u32).range(5..=600))]
    pub minutes: Option<u32>,
    /// The case or question brought.
    #[arg(long)]
    pub question: Option<String>,
    /// What you learned.
    #[arg(long)]
    pub learning: Option<String>,
    /// An action as WHAT | WHO | BY WHEN (YYYY-MM-DD). Repeatable.
    #[arg(long = "action", value_name = "ACTION")]
    pub actions: Vec<String>,
    /// It counts as peer reflection.
    #[arg(long)]
    pub peer: bool,
    /// It counts as CPD.
    #[arg(long)]
    pub cpd: bool,
    /// Any field as KEY=VALUE (the model's sections too). Repeatable.
    #[arg(long = "field", value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

const CIRCLE_HELP: &str = "Examples:\n  praxis circle create ~/Sync/team-circle --name \"Tuesday practice group\" --as river --encrypt\n  praxis circle join ~/Sync/team-circle --as heron\n  praxis circle contribute --question \"How do you end a visit that runs over?\"\n  praxis circle contribute --excerpt 1a2b3c4d:now-what\n  praxis circle show\n  praxis circle reply 9f8e7d6c5b \"I say the time at the start.\"\n  praxis circle bring 9f8e7d6c5b\n\nEach member writes only in their own subfolder, one file per contribution, signed with\ntheir key and (with --encrypt) readable only by the circle's members. Everything you\ncontribute goes through the identifiability check and is shown to you before it is written.";

/// `praxis circle ...`.
#[derive(Debug, Subcommand)]
pub enum CircleCommand {
    /// Make a new circle in a folder your team already shares, with you as its founder.
    Create {
        /// The shared folder (new or empty).
        path: PathBuf,
        /// The circle's name, as members will see it.
        #[arg(long)]
        name: String,
        /// What the circle is for, in a line.
        #[arg(long, default_value = "")]
        purpose: String,
        /// How you are known in the circle: a pseudonym (default: founder).
        #[arg(long = "as", value_name = "PSEUDONYM", default_value = "founder")]
        pseudonym: String,
        /// Encrypt every contribution to the circle's members (age): the folder then holds
        /// nothing readable to anyone else.
        #[arg(long)]
        encrypt: bool,
    },
    /// Join the circle in a shared folder: new keys, and a signed member card in your own
    /// subfolder.
    Join {
        path: PathBuf,
        /// How you are known in the circle (a pseudonym).
        #[arg(long = "as", value_name = "PSEUDONYM")]
        pseudonym: String,
    },
    /// The circles you belong to on this machine.
    List {
        #[arg(long)]
        json: bool,
    },
    /// The circle's stream, newest first, replies threaded, with what is new since you
    /// last looked; or one contribution with its replies.
    Show {
        /// A contribution's id (as the stream shows it).
        id: Option<String>,
        #[command(flatten)]
        which: CircleWhich,
        /// How many contributions of the stream.
        #[arg(long, short = 'n', default_value_t = 30, value_parser = at_least_one)]
        limit: usize,
        /// The members: pseudonyms and key fingerprints, to compare with each other.
        #[arg(long, conflicts_with = "id")]
        members: bool,
        /// Only the contributions on this theme (`--themes` lists them).
        #[arg(long, conflicts_with_all = ["id", "members"])]
        theme: Option<String>,
        /// The themes of the circle's contributions, with how many carry each.
        #[arg(long, conflicts_with_all = ["id", "members", "theme"])]
        themes: bool,
    },
    /// The circle's stream full-screen: newest first, replies threaded, what is new since
    /// you last looked; reply, thank, bring to supervision and contribute from it (keys:
    /// ↑/↓ move · enter read · r reply · t thank · b bring · c contribute · ? help).
    Open {
        #[command(flatten)]
        which: CircleWhich,
        /// How many contributions of the stream.
        #[arg(long, short = 'n', default_value_t = 200, value_parser = at_least_one)]
        limit: usize,
    },
    /// Contribute one thing: an excerpt of a reflection, a question, a learning note, a
    /// recognition or a group session. It is redacted and shown to you before it is written.
    Contribute(CircleContribute),
    /// Reply to a contribution.
    Reply {
        id: String,
        text: String,
        #[command(flatten)]
        which: CircleWhich,
        /// Write without asking (after showing it).
        #[arg(long)]
        yes: bool,
    },
    /// Thank the author of a contribution.
    Thank {
        id: String,
        #[command(flatten)]
        which: CircleWhich,
    },
    /// Remove one of your contributions: the others' praxis honours it.
    Remove {
        id: String,
        #[command(flatten)]
        which: CircleWhich,
    },
    /// Leave the circle: your card says so, and this machine forgets your keys for it.
    Leave {
        #[command(flatten)]
        which: CircleWhich,
        /// Leave without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Bring a contribution to your own supervision: a flagged journal entry that quotes
    /// and links to it.
    Bring {
        id: String,
        #[command(flatten)]
        which: CircleWhich,
    },
    /// Welcome a member's card once you have checked its fingerprint with them in person
    /// or by phone: until a welcomed member does, what that card writes is not trusted.
    Welcome {
        /// The card's fingerprint, as `praxis circle show --members` gives it.
        fingerprint: String,
        #[command(flatten)]
        which: CircleWhich,
    },
}

/// Which circle, when you belong to more than one.
#[derive(Debug, Args, Clone, Default)]
pub struct CircleWhich {
    /// The circle's name (or the start of its id); needed when you belong to several.
    #[arg(long = "circle", value_name = "NAME")]
    pub circle: Option<String>,
}

/// `praxis circle contribute`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(false)))]
pub struct CircleContribute {
    /// Part of a reflection: ID, or ID:PARTS as `praxis export --summary --excerpt` takes.
    #[arg(long, group = "what", value_name = "ID[:PARTS]")]
    pub excerpt: Option<String>,
    /// A question for the group.
    #[arg(long, group = "what", value_name = "TEXT")]
    pub question: Option<String>,
    /// Something you learned.
    #[arg(long, group = "what", value_name = "TEXT")]
    pub learning: Option<String>,
    /// A recognition entry.
    #[arg(long, group = "what", value_name = "ENTRY_ID")]
    pub recognition: Option<String>,
    /// A group or peer session's record.
    #[arg(long, group = "what", value_name = "ENTRY_ID")]
    pub group: Option<String>,
    /// What it is about, in a word or two ("endings", "handover"): up to 3.
    #[arg(long = "theme", value_name = "THEME")]
    pub themes: Vec<String>,
    #[command(flatten)]
    pub which: CircleWhich,
    /// Write without asking (after showing it): for scripts.
    #[arg(long)]
    pub yes: bool,
}

/// A count of things to list: 0 would list nothing and say nothing useful, so it is
/// refused with what to give instead.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("0 lists nothing: give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{text}' is not a number: give 1 or more")),
    }
}

/// Hours of one CPD activity: a number from 0 up to what one record may hold.
fn cpd_hours(text: &str) -> Result<f64, String> {
    let max = crate::model::details::MAX_CPD_HOURS;
    match text.trim().parse::<f64>() {
        Ok(h) if h.is_finite() && (0.0..=max).contains(&h) => Ok(h),
        Ok(h) if h < 0.0 => {
            Err("hours cannot be negative: give the hours spent, such as 1.5".into())
        }
        Ok(_) => Err(format!(
            "one record holds at most {max} hours: give the hours of this one activity"
        )),
        Err(_) => Err(format!(
            "'{text}' is not a number of hours: give one such as 1.5"
        )),
    }
}
