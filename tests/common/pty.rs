//! The real `praxis` binary in a pseudo-terminal (100x30), driven by keys and read back
//! through a terminal emulator (vt100).
//!
//! Every wait polls the emulated screen (at most [`STEP`] per step) and panics with the
//! screen when it does not come, so a hang is a clear failure, never a stuck test.

#![allow(dead_code)] // each test crate uses a different part

use std::io::{Read as _, Write as _};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The longest any one step may take before the test fails.
pub const STEP: Duration = Duration::from_secs(10);
pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";

/// Records what the program asked the terminal to call its window.
#[derive(Default)]
pub struct Titles(pub Vec<Vec<u8>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.0.push(name.to_vec());
    }
}

/// What the reader thread has seen of the pty output.
pub struct Seen {
    pub parser: vt100::Parser<Titles>,
    pub raw: Vec<u8>,
    pub closed: bool,
}

/// One run of `praxis` in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn std::io::Write + Send>,
    pub seen: Arc<Mutex<Seen>>,
    reader: Option<JoinHandle<()>>,
    /// The terminal modes before the app started, to compare after it ends.
    modes_before: Option<[u64; 3]>,
}

fn modes(master: &dyn MasterPty) -> Option<[u64; 3]> {
    master.get_termios().map(|t| {
        [
            u64::from(t.input_flags.bits()),
            u64::from(t.output_flags.bits()),
            u64::from(t.local_flags.bits()),
        ]
    })
}

impl Session {
    /// Spawns `cmd` (its program, arguments, environment and directory set by the
    /// caller) in a fresh pseudo-terminal.
    pub fn start(cmd: CommandBuilder) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let modes_before = modes(&*pair.master);
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child holds the terminal now, so the output ends when it does.
        drop(pair.slave);
        let seen = Arc::new(Mutex::new(Seen {
            parser: vt100::Parser::new_with_callbacks(
                ROWS.try_into().unwrap(),
                COLS.try_into().unwrap(),
                0,
                Titles::default(),
            ),
            raw: Vec::new(),
            closed: false,
        }));
        let mut out = pair.master.try_clone_reader().unwrap();
        let shared = Arc::clone(&seen);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match out.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = shared.lock().unwrap();
                        s.raw.extend_from_slice(&buf[..n]);
                        s.parser.process(&buf[..n]);
                    }
                }
            }
            shared.lock().unwrap().closed = true;
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            child,
            master: pair.master,
            writer,
            seen,
            reader: Some(reader),
            modes_before,
        }
    }

    pub fn pid(&self) -> String {
        self.child.process_id().unwrap().to_string()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.seen.lock().unwrap().parser.screen().contents()
    }

    /// The screen and the end of the raw output, for a failure message.
    pub fn dump(&self) -> String {
        let s = self.seen.lock().unwrap();
        let tail = &s.raw[s.raw.len().saturating_sub(1500)..];
        format!(
            "--- screen ({} bytes seen, output closed: {}) ---\n{}\n--- last raw output ---\n{:?}",
            s.raw.len(),
            s.closed,
            s.parser.screen().contents(),
            String::from_utf8_lossy(tail)
        )
    }

    /// Polls the screen until `ok` holds; panics with the screen after [`STEP`].
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if ok(&self.screen()) {
                return;
            }
            if start.elapsed() > STEP {
                let exited = self.child.try_wait().ok().flatten();
                panic!(
                    "waited {STEP:?} for {what} (child exit: {exited:?})\n{}",
                    self.dump()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        self.wait_for(&format!("{text:?} on the screen"), |s| s.contains(text));
    }

    /// Waits for the process to end and for all its output to be read.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < STEP,
                "praxis did not exit within {STEP:?}\n{}",
                self.dump()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        while !self.seen.lock().unwrap().closed {
            assert!(
                start.elapsed() < 2 * STEP,
                "the terminal output did not end\n{}",
                self.dump()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        status
    }

    /// The terminal is as it was before the app: main screen, no bracketed paste, cursor
    /// shown, and the same line modes (not raw).
    pub fn assert_restored(&self) {
        let s = self.seen.lock().unwrap();
        let entered = find_last(&s.raw, ENTER_ALT);
        assert!(entered.is_some(), "never entered the alternate screen");
        let left = find_last(&s.raw, LEAVE_ALT);
        assert!(
            left > entered,
            "the alternate screen was not left after it was last entered\n{:?}",
            String::from_utf8_lossy(&s.raw[s.raw.len().saturating_sub(500)..])
        );
        let screen = s.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.bracketed_paste(), "bracketed paste left on");
        assert!(!screen.hide_cursor(), "cursor left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
        drop(s);
        assert_eq!(
            modes(&*self.master),
            self.modes_before,
            "terminal modes (raw mode) not restored"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave a praxis behind.
        if let Ok(None) = self.child.try_wait() {
            if let Some(pid) = self.child.process_id() {
                let _ = std::process::Command::new("kill")
                    .args(["-9", &pid.to_string()])
                    .status();
            }
            let _ = self.child.wait();
        }
    }
}

pub fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find_last(hay, needle).is_some()
}
