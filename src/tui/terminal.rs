//! The terminal: entered and left on every path (normal exit, error, panic, signal), and
//! suspended around `$EDITOR`.

use std::io::{Stdout, Write as _, stdout};
use std::sync::Once;

use anyhow::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Backend = CrosstermBackend<Stdout>;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout().flush();
}

fn enter(mouse: bool) -> Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Waits up to `timeout` for input on the terminal. Returns false when the terminal has
/// gone (its window closed, the connection dropped): reading it would then only ever
/// give end-of-file, which crossterm's reader spins on for ever, so the loop must not
/// hand it to crossterm.
#[must_use]
pub fn wait_for_input(timeout: std::time::Duration) -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let t = Timespec {
        tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match poll(&mut fds, Some(&t)) {
        Ok(_) => !fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        // Interrupted by a signal (a resize, a stop request): look again next time round.
        Err(_) => true,
    }
}

/// The full-screen terminal while praxis runs; dropping it restores the terminal.
pub struct Tui {
    pub terminal: Terminal<Backend>,
    mouse: bool,
}

impl Tui {
    /// Enters the alternate screen in raw mode, with bracketed paste (and mouse capture if
    /// wanted). A panic restores the terminal before its message is printed.
    pub fn start(mouse: bool) -> Result<Tui> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        if let Err(e) = enter(mouse) {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok(Tui { terminal, mouse })
    }

    /// Leaves the full screen so another program (the editor) can use the terminal.
    pub fn suspend(&mut self) {
        restore();
    }

    /// Comes back after [`Tui::suspend`], redrawing everything.
    pub fn resume(&mut self) -> Result<()> {
        enter(self.mouse)?;
        // Cleared and redrawn whole at the terminal's size, without `Terminal::clear`: it
        // asks the terminal where its cursor is, and a terminal that does not answer (a
        // slow link, a minimal emulator) would end the app on its way back from the editor.
        let area = self.terminal.size()?;
        self.terminal.resize(area.into())?;
        Ok(())
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}
