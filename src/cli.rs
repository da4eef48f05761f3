//! The command line: every subcommand and flag, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{Carrying, DateArg, EntryKind, Load, Scope};

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

Files: the journal is kept in your platform data directory (see `praxis config path`);
--db PATH or PRAXIS_DB chooses another. Nothing ever leaves this machine.";

/// A reflective-practice journal for people in the helping professions.
#[derive(Debug, Parser)]
#[command(name = "praxis", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Journal file to use instead of the one in the platform data directory.
    #[arg(long, global = true, env = "PRAXIS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Config file to use instead of the platform one.
    #[arg(long, global = true, env = "PRAXIS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// When to use colour (NO_COLOR is honoured by "auto").
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
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
    Show(IdArgs),
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
    /// The day the entry is about: YYYY-MM-DD, today, yesterday or a weekday (the last one).
    #[arg(long, value_name = "DATE")]
    pub on: Option<DateArg>,
    /// A strength shown, as NAME or NAME:WHOSE (whose: mine, person, team). Repeatable.
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
    /// Kind of entry.
    #[arg(long, short = 'k', default_value = "reflection")]
    pub kind: EntryKind,
    /// Reflective model whose sections to write (see `praxis models`).
    #[arg(long, short = 'm')]
    pub model: Option<String>,
    /// A section's text, as KEY=TEXT (keys from `praxis models show ID`). Repeatable.
    #[arg(long = "section", value_name = "KEY=TEXT")]
    pub sections: Vec<String>,
    #[command(flatten)]
    pub opts: EntryOptions,
}

#[derive(Debug, Args)]
pub struct ListArgs {
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
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// Print JSON for scripts.
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
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must appear); "quoted phrases" and prefix* work.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[arg(long, short = 'k')]
    pub kind: Option<EntryKind>,
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
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
