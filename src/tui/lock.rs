//! The app's lock: when it is due (the idle watch), and the lock screen, which holds no
//! key and nothing of the journal, only the passphrase being typed and the wrong tries.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use zeroize::Zeroizing;

use super::theme::Theme;
use super::widgets;
use crate::store::{Key, Store, StoreError, Unlock};

/// When the app last had a key or a click, and how long it may then wait before it locks.
#[derive(Debug, Clone, Copy)]
pub struct IdleWatch {
    /// None: it never locks by itself.
    after: Option<Duration>,
    last: Instant,
}

impl IdleWatch {
    #[must_use]
    pub fn new(after: Option<Duration>, now: Instant) -> IdleWatch {
        IdleWatch { after, last: now }
    }

    /// A key or a click at `now`.
    pub fn input(&mut self, now: Instant) {
        self.last = self.last.max(now);
    }

    /// Whether the quiet since the last input has lasted long enough to lock at `now`.
    #[must_use]
    pub fn due(&self, now: Instant) -> bool {
        self.after
            .is_some_and(|after| now.saturating_duration_since(self.last) >= after)
    }
}

/// The lock screen: what it takes to open the journal again, and what was typed.
pub struct Locked {
    /// The journal's file, and the salt its key is derived with (neither is secret).
    path: PathBuf,
    salt: [u8; 16],
    /// The passphrase being typed: never drawn, zeroed when dropped or sent.
    typed: Zeroizing<String>,
    /// Wrong passphrases typed since the app locked.
    pub wrong: u32,
    /// Why the last try did not open the journal, other than a wrong passphrase.
    problem: Option<String>,
}

/// What a key on the lock screen comes to.
#[derive(Debug, PartialEq, Eq)]
pub enum LockKey {
    /// Kept on the lock screen (a character typed, one taken back, nothing).
    Stay,
    /// Enter: try what was typed.
    Try,
}

impl Locked {
    /// The lock screen of the encrypted journal at `path`, whose key has `salt`.
    #[must_use]
    pub fn new(path: PathBuf, salt: [u8; 16]) -> Locked {
        Locked {
            path,
            salt,
            typed: Zeroizing::new(String::new()),
            wrong: 0,
            problem: None,
        }
    }

    /// A key typed on the lock screen: characters go to the passphrase, backspace takes
    /// one back, esc clears it, enter tries it.
    pub fn key(&mut self, key: KeyEvent) -> LockKey {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return LockKey::Stay;
        }
        match key.code {
            KeyCode::Char(c) => self.typed.push(c),
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::Esc => self.typed.clear(),
            KeyCode::Enter => return LockKey::Try,
            _ => {}
        }
        LockKey::Stay
    }

    /// Pasted text (from a password manager): its first line is typed.
    pub fn paste(&mut self, text: &str) {
        self.typed.push_str(
            text.lines()
                .next()
                .unwrap_or_default()
                .trim_end_matches('\r'),
        );
    }

    /// Opens the journal with what was typed (the passphrase, or the recovery key). The
    /// typed text is cleared either way; a wrong passphrase is counted.
    pub fn try_open(&mut self) -> Option<Store> {
        let typed = std::mem::take(&mut *self.typed);
        let typed = Zeroizing::new(typed);
        if typed.is_empty() {
            return None;
        }
        let key = Key::from_recovery_key(&typed, self.salt)
            .unwrap_or_else(|| Key::derive(typed.as_bytes(), self.salt));
        match Store::open_unlocked(&self.path, &Unlock::Key(Arc::new(key))) {
            Ok(store) => Some(store),
            Err(StoreError::WrongPassphrase { .. }) => {
                self.wrong += 1;
                self.problem = None;
                None
            }
            Err(e) => {
                self.problem = Some(format!("{e}"));
                None
            }
        }
    }

    /// Clears the whole screen and draws the lock: nothing of the journal, nothing of
    /// what is typed (not even its length).
    pub fn draw(&self, f: &mut Frame<'_>, theme: &Theme, quit_key: &str) {
        let area = f.area();
        f.render_widget(Clear, area);
        let mut lines = vec![
            Line::from(Span::styled("praxis is locked", theme.title)),
            Line::from(""),
            Line::from("Type the passphrase (or the recovery key) and press enter."),
            Line::from(Span::styled("What you type is not shown.", theme.dim)),
            Line::from(""),
        ];
        match (&self.problem, self.wrong) {
            (Some(p), _) => lines.push(Line::from(Span::styled(p.clone(), theme.warn))),
            (None, 0) => lines.push(Line::from("")),
            (None, n) => lines.push(Line::from(Span::styled(
                format!(
                    "Wrong passphrase ({n} wrong tr{} since the lock).",
                    if n == 1 { "y" } else { "ies" }
                ),
                theme.warn,
            ))),
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "esc clears what was typed",
            theme.dim,
        )));
        lines.push(Line::from(Span::styled(
            format!("{quit_key} quits praxis (your writing is kept)"),
            theme.dim,
        )));
        let height = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        let at: Rect = widgets::centered(area, 64, height);
        f.render_widget(
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(widgets::block(theme, "Locked", true)),
            at,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_locks_after_the_quiet_it_was_given() {
        let t0 = Instant::now();
        let mut w = IdleWatch::new(Some(Duration::from_secs(600)), t0);
        assert!(!w.due(t0 + Duration::from_secs(599)));
        assert!(w.due(t0 + Duration::from_secs(600)));
        w.input(t0 + Duration::from_secs(300));
        assert!(!w.due(t0 + Duration::from_secs(899)));
        assert!(w.due(t0 + Duration::from_secs(900)));
        // An input older than the last one moves nothing back.
        w.input(t0);
        assert!(w.due(t0 + Duration::from_secs(900)));
        let never = IdleWatch::new(None, t0);
        assert!(!never.due(t0 + Duration::from_secs(86_400 * 365)));
    }

    #[test]
    fn typing_on_the_lock_screen_is_kept_until_enter() {
        let mut l = Locked::new(PathBuf::from("/nowhere"), [1; 16]);
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        for c in "secreX".chars() {
            assert_eq!(l.key(k(KeyCode::Char(c))), LockKey::Stay);
        }
        l.key(k(KeyCode::Backspace));
        l.key(k(KeyCode::Char('t')));
        assert_eq!(&*l.typed, "secret");
        assert_eq!(
            l.key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL)),
            LockKey::Stay
        );
        assert_eq!(&*l.typed, "secret");
        l.key(k(KeyCode::Esc));
        assert!(l.typed.is_empty());
        l.paste("pasted\nsecond line");
        assert_eq!(&*l.typed, "pasted");
        assert_eq!(l.key(k(KeyCode::Enter)), LockKey::Try);
    }
}
