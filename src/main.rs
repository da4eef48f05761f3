//! The `praxis` binary: parse, run, print one error chain, exit.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = praxis::cli::Cli::parse();
    match praxis::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.downcast_ref::<praxis::tui::Interrupted>().is_some() => {
            // The draft is kept and the terminal restored; say how it ended, as shells do.
            let signal = e
                .downcast_ref::<praxis::tui::Interrupted>()
                .map_or(15, |i| i.0);
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(143))
        }
        Err(e) if e.downcast_ref::<praxis::editor::Interrupted>().is_some() => {
            // The editor's text is kept; the terminal may be gone, so a failed write of
            // where it is kept is not an error of its own.
            let signal = e
                .downcast_ref::<praxis::editor::Interrupted>()
                .map_or(15, |i| i.signal);
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                praxis::model::text::sanitize(&format!("praxis: {e}"))
            );
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(143))
        }
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            // The reader went away (`praxis list | head`): nothing more to say.
            ExitCode::SUCCESS
        }
        Err(e) => {
            let mut msg = format!("praxis: {e}");
            for cause in e.chain().skip(1) {
                // Messages that already quote their cause ("cannot use …: Not a
                // directory") are not followed by it a second time.
                let cause = cause.to_string();
                if !msg.contains(&cause) {
                    msg.push_str(&format!(": {cause}"));
                }
            }
            // Never a panic for a closed terminal: the exit code says it failed.
            let _ = writeln!(std::io::stderr(), "{}", praxis::model::text::sanitize(&msg));
            ExitCode::FAILURE
        }
    }
}
