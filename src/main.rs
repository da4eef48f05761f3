//! The `praxis` binary: parse, run, print one error chain, exit.

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
            eprintln!("{}", praxis::model::text::sanitize(&msg));
            ExitCode::FAILURE
        }
    }
}
