//! The examples people copy are commands praxis takes: every `praxis …` command in the
//! README's shell blocks, and in the examples `praxis --help` prints, parses as the
//! command line parses it (subcommands, flags and values). A flag renamed or dropped
//! without its example fails here.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use clap::Parser as _;
use praxis::cli::Cli;

/// A piece of a shell line: a word (quotes taken off), or where one command ends and the
/// next begins (`|`, `>`, `<`, `&&`, `||`, `;`).
#[derive(Debug, PartialEq)]
enum Piece {
    Word(String),
    Break,
}

/// Splits one (joined) shell line as a POSIX shell would for these examples: words by
/// white space, quotes kept together, a `#` starting a word begins a comment.
fn pieces(line: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    let end_word = |out: &mut Vec<Piece>, word: &mut String, in_word: &mut bool| {
        if *in_word {
            out.push(Piece::Word(std::mem::take(word)));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '#' if !in_word => break,
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                word.push(n);
                            }
                        }
                        _ => word.push(q),
                    }
                }
            }
            '|' | '>' | '<' | ';' | '&' => {
                end_word(&mut out, &mut word, &mut in_word);
                if chars.peek() == Some(&c) {
                    chars.next();
                }
                out.push(Piece::Break);
            }
            c if c.is_whitespace() => end_word(&mut out, &mut word, &mut in_word),
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut out, &mut word, &mut in_word);
    out
}

/// The `praxis` commands of one shell line, each as its words (`praxis` first).
fn praxis_commands(line: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    for command in pieces(line).split(|p| *p == Piece::Break) {
        let words: Vec<String> = command
            .iter()
            .filter_map(|p| match p {
                Piece::Word(w) => Some(w.clone()),
                Piece::Break => None,
            })
            // `PRAXIS_DB=… praxis …`: what is set for the command comes before it.
            .skip_while(|w| w.contains('=') && !w.starts_with('-'))
            .collect();
        if words.first().is_some_and(|w| w == "praxis") {
            commands.push(words);
        }
    }
    commands
}

/// The lines of the README's shell blocks, those ending in `\` joined to the next.
fn readme_shell_lines() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut lines = Vec::new();
    let mut in_block = false;
    let mut joined = String::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = line.trim_start_matches('`') == "sh";
            continue;
        }
        if !in_block {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => {
                joined.push_str(head);
                joined.push(' ');
            }
            None => {
                joined.push_str(line);
                lines.push(std::mem::take(&mut joined));
            }
        }
    }
    lines
}

/// Why each command fails to parse, if any does.
fn refused(commands: &[Vec<String>]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|words| {
            let e = Cli::try_parse_from(words).err()?;
            // `--help` and `--version` stop parsing by design: they are commands too.
            use clap::error::ErrorKind::{DisplayHelp, DisplayVersion};
            (!matches!(e.kind(), DisplayHelp | DisplayVersion))
                .then(|| format!("{}\n{}", words.join(" "), e.render()))
        })
        .collect()
}

#[test]
fn shell_lines_are_split_as_a_shell_splits_them() {
    let words = |line: &str| praxis_commands(line);
    assert_eq!(
        words(r#"echo "a b" | praxis add --on yesterday "it's \"fine\"" # a comment"#),
        [["praxis", "add", "--on", "yesterday", "it's \"fine\""]]
    );
    assert_eq!(
        words("PRAXIS_DB=/tmp/j praxis list -n 3 > out.txt && praxis tags"),
        [vec!["praxis", "list", "-n", "3"], vec!["praxis", "tags"]]
    );
    assert_eq!(
        words("praxis search 'care#plan'"),
        [["praxis", "search", "care#plan"]]
    );
    assert!(words("cargo test --locked   # praxis list").is_empty());
}

#[test]
fn every_praxis_command_in_the_readme_is_one_praxis_takes() {
    let commands: Vec<Vec<String>> = readme_shell_lines()
        .iter()
        .flat_map(|l| praxis_commands(l))
        .collect();
    assert!(commands.len() > 100, "{} commands found", commands.len());
    let bad = refused(&commands);
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
    // The check can fail: a flag no command has is refused.
    assert_eq!(
        refused(&praxis_commands("praxis list --newest-first")).len(),
        1
    );
}

#[test]
fn every_example_in_the_help_is_one_praxis_takes() {
    let help = Cli::try_parse_from(["praxis", "--help"])
        .unwrap_err()
        .render()
        .to_string();
    let examples = help
        .split_once("Examples:")
        .map(|(_, rest)| rest)
        .expect("praxis --help has examples");
    let commands: Vec<Vec<String>> = examples
        .lines()
        .take_while(|l| l.is_empty() || l.starts_with(' '))
        .filter_map(|l| {
            // "  praxis add …       what it does": the command ends at a wide gap.
            let command = l.trim_start().split("  ").next()?;
            command.starts_with("praxis").then(|| command.to_string())
        })
        .flat_map(|l: String| praxis_commands(&l))
        .collect();
    assert!(commands.len() >= 5, "{commands:?}");
    let bad = refused(&commands);
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
}
