//! Shared helpers for the integration tests: a hermetic journal in a temp dir, the real
//! binary pointed at it, and small editor scripts.
//!
//! Every command runs with a fixed clock (Wednesday 2026-03-18, 20:00 UTC), no colour,
//! no `$EDITOR`/`$VISUAL`, and `HOME`, the XDG dirs and `TMPDIR` inside the temp dir, so
//! that no test depends on today's date or on the real home directory. This is the one
//! place that says how a test runs praxis: [`praxis`] for a journal in a folder of its
//! own, [`praxis_db`] for one journal among several, [`praxis_std`] to spawn it.

#![allow(dead_code, clippy::unwrap_used)] // not every helper is used on every platform

#[cfg(unix)]
pub mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The fixed "now" of every test: a Wednesday evening.
pub const NOW: &str = "2026-03-18T20:00:00+00:00";

/// A `praxis` command (assert_cmd) whose every file lives under `dir`.
#[must_use]
pub fn praxis(dir: &Path) -> Command {
    let mut cmd = Command::from_std(praxis_std(dir));
    // A command that waits for a terminal (an editor, a prompt) fails instead of hanging.
    cmd.timeout(std::time::Duration::from_secs(30));
    cmd
}

/// A `praxis` command (assert_cmd) for the journal at `db`; its config (`config.toml`,
/// not written), home and temporary files go in the journal's folder.
#[must_use]
pub fn praxis_db(db: &Path) -> Command {
    let mut cmd = praxis(db.parent().unwrap());
    cmd.env("PRAXIS_DB", db);
    cmd
}

/// The same command as a plain `std::process::Command`, for tests that need to choose
/// its stdout, or to spawn it and kill it.
#[must_use]
pub fn praxis_std(dir: &Path) -> std::process::Command {
    let home = dir.join("home");
    let tmp = dir.join("tmp");
    // Private, as praxis makes its own folders: `praxis doctor` warns about a journal
    // whose folder others can read, and this may be the journal's folder.
    let mut private = std::fs::DirBuilder::new();
    private.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut private, 0o700);
    private.create(&home).unwrap();
    private.create(&tmp).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_praxis"));
    cmd.current_dir(dir)
        .env("PRAXIS_DB", dir.join("journal.sqlite3"))
        .env("PRAXIS_CONFIG", dir.join("config.toml"))
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("TMPDIR", &tmp)
        .env("PRAXIS_NOW", NOW)
        // Local time is UTC unless a test says otherwise.
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// A journal in its own temp dir, with an empty config file (every key at its default).
pub struct Journal {
    pub dir: tempfile::TempDir,
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

impl Journal {
    #[must_use]
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        Journal { dir }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    #[must_use]
    pub fn db(&self) -> PathBuf {
        self.path().join("journal.sqlite3")
    }

    #[must_use]
    pub fn config(&self) -> PathBuf {
        self.path().join("config.toml")
    }

    /// `praxis` with `args`, not yet run.
    #[must_use]
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = praxis(self.path());
        c.args(args);
        c
    }

    /// Runs `praxis add ARGS`, expects success, returns the short id it printed.
    pub fn add(&self, args: &[&str]) -> String {
        let mut full = vec!["add"];
        full.extend_from_slice(args);
        let out = self.ok(&full);
        let id = out.trim().to_string();
        assert_eq!(id.len(), 8, "add printed {out:?}");
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
        id
    }

    /// Runs `praxis ARGS`, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "praxis {args:?} failed with {}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `praxis ARGS`, expects it to fail with `code`, returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "praxis {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// Runs `praxis ARGS` (which should include `--json`) and parses what it printed.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    }

    /// The full id (UUID) of the entry with short id `short`, from `list --json`.
    pub fn entry_json(&self, short: &str) -> Value {
        let all = self.json(&["list", "--json", "--limit", "1000"]);
        all.as_array()
            .unwrap()
            .iter()
            .find(|e| e["short_id"] == short)
            .cloned()
            .unwrap_or_else(|| panic!("{short} not in {all:#}"))
    }

    /// Writes an executable shell script `name` into the temp dir; its body runs with
    /// the file to edit as `$1`.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        path
    }

    /// `praxis ARGS` with `$EDITOR` set to the script at `editor`.
    #[must_use]
    pub fn with_editor(&self, editor: &Path, args: &[&str]) -> Command {
        let mut c = self.cmd(args);
        c.env("EDITOR", editor);
        c
    }

    /// The journal file's bytes (empty if it does not exist).
    #[must_use]
    pub fn db_bytes(&self) -> Vec<u8> {
        std::fs::read(self.db()).unwrap_or_default()
    }
}

/// Whether `bytes` contain an ESC (0x1b) or BEL (0x07) byte that a terminal would act on.
#[must_use]
pub fn has_raw_control(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| *b == 0x1b || *b == 0x07)
}
