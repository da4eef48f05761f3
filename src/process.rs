//! The ground floor for processes: who this process is as a writer (its id and when it
//! started) and whether a recorded writer still runs, so that work one process keeps for
//! itself (a draft) is never taken by another while it is alive, and is offered back once
//! it is gone.

use rustix::io::Errno;
use rustix::process::{Pid, test_kill_process};

/// A process as the writer of something kept in the journal. The start time tells a
/// process from a later one that got the same id; where it cannot be read (outside
/// Linux) the id alone is used, which errs on the side of "still alive".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Writer {
    pub pid: u32,
    /// When it started: `BOOT/TICKS`, the boot it runs in and the clock ticks since.
    pub started: Option<String>,
}

/// What is seen of a process id.
enum Seen {
    Gone,
    Running { started: Option<String> },
}

impl Writer {
    /// This process.
    #[must_use]
    pub fn current() -> Writer {
        let pid = std::process::id();
        let started = match look(pid) {
            Seen::Running { started } => started,
            Seen::Gone => None,
        };
        Writer { pid, started }
    }

    /// Whether this writer still runs: its id is in use, by a process that is not a
    /// zombie, which started when it did.
    #[must_use]
    pub fn is_alive(&self) -> bool {
        match look(self.pid) {
            Seen::Gone => false,
            Seen::Running { started } => match (&self.started, started) {
                (Some(recorded), Some(now)) => *recorded == now,
                // Nothing to compare: the id in use is taken as the writer.
                _ => true,
            },
        }
    }
}

/// Whether `pid` runs, and when it started where that can be read.
fn look(pid: u32) -> Seen {
    // Signal 0 asks whether the process exists without touching it; a process of
    // another user exists too (the answer is "not permitted").
    let exists = i32::try_from(pid)
        .ok()
        .and_then(Pid::from_raw)
        .is_some_and(|p| matches!(test_kill_process(p), Ok(()) | Err(Errno::PERM)));
    if !exists {
        return Seen::Gone;
    }
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return Seen::Running { started: None };
    };
    match state_and_start(&stat) {
        // A zombie has ended; only its parent has not collected it yet.
        Some(('Z' | 'X', _)) => Seen::Gone,
        Some((_, ticks)) => Seen::Running {
            started: Some(format!("{}/{ticks}", boot_id())),
        },
        None => Seen::Running { started: None },
    }
}

/// The state and the start time (clock ticks after boot) from `/proc/PID/stat`: the
/// fields after the command name, which is in parentheses and may hold anything.
fn state_and_start(stat: &str) -> Option<(char, u64)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    // The state is field 3 of the line; the start time is field 22.
    let start = fields.nth(18)?.parse().ok()?;
    Some((state, start))
}

/// This boot's id, so a start time is not taken for one of an earlier boot.
fn boot_id() -> String {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// How far [`yield_to_the_writer`] lowers a thread's priority (its nice value, from 0 to
/// 19): enough for the writing thread to keep a core of its own when the threads beside it
/// are runnable together, while each of them still gets its share when it is alone.
const HELPER_NICENESS: i32 = 5;

/// Lowers the calling thread's priority, for a thread that works beside the one writing a
/// journal (an import's reader and its search index's builder), so that the writer, which
/// the others wait for, is the one that runs when the two cores are both wanted.
///
/// An import runs three threads on a machine of two cores: the writer, the critical one
/// (about 24 s of CPU for 1,000,000 entries), and the two beside it (about 7 and 14 s).
/// At equal priority the scheduler shares the cores out evenly between the three, and
/// the writer runs two thirds of the time. Only lowered, never raised (which would need
/// privileges), and for this thread alone: on Linux a thread has its own nice value.
/// Where it cannot be lowered the thread runs as before.
pub fn yield_to_the_writer() {
    #[cfg(target_os = "linux")]
    {
        let tid = rustix::thread::gettid();
        let now = rustix::process::getpriority_process(Some(tid)).unwrap_or(0);
        if now < HELPER_NICENESS {
            let _ = rustix::process::setpriority_process(Some(tid), HELPER_NICENESS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_finished_one_is_not() {
        let me = Writer::current();
        assert!(me.is_alive());
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!Writer { pid, started: None }.is_alive());
        // The same id with another start time is another process.
        if me.started.is_some() {
            let other = Writer {
                pid: me.pid,
                started: Some("another boot/1".into()),
            };
            assert!(!other.is_alive());
        }
        assert!(
            !Writer {
                pid: 0,
                started: None
            }
            .is_alive()
        );
        assert!(
            !Writer {
                pid: u32::MAX,
                started: None
            }
            .is_alive()
        );
    }

    #[test]
    fn the_stat_line_is_read_after_the_command_name_whatever_it_holds() {
        let line = "42 (a) b (c) S 1 42 42 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 1000 10 18446744073709551615";
        assert_eq!(state_and_start(line), Some(('S', 98765)));
        assert_eq!(state_and_start("42 (x"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_beside_the_writer_yields_and_the_writer_does_not() {
        fn nice(tid: Pid) -> i32 {
            rustix::process::getpriority_process(Some(tid)).unwrap()
        }
        let me = rustix::thread::gettid();
        let before = nice(me);
        let helper = std::thread::spawn(|| {
            yield_to_the_writer();
            let tid = rustix::thread::gettid();
            let lowered = nice(tid);
            // Asked again, it is not lowered further.
            yield_to_the_writer();
            (lowered, nice(tid))
        })
        .join()
        .unwrap();
        assert_eq!(
            helper,
            (before.max(HELPER_NICENESS), before.max(HELPER_NICENESS))
        );
        assert_eq!(nice(me), before, "only the helper's own thread");
    }
}
