//! The terminal app: logic and screens on a TestBackend, and end to end in a pseudo-terminal.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use praxis::tui::app::App;
use praxis::tui::keymap::Key;

mod e2e;
mod keys;
mod lock;
mod newcomer;
mod others;
mod tui;

/// The event a key named as the keymap names it ("ctrl-s", "enter", "J") sends; an
/// uppercase letter carries shift, as a terminal sends it.
fn key_event(key: &str) -> Event {
    let k = Key::parse(key).expect("a key name the keymap knows");
    let mut ev = KeyEvent::new(k.code, k.mods);
    if let KeyCode::Char(c) = k.code
        && c.is_uppercase()
    {
        ev.modifiers |= KeyModifiers::SHIFT;
    }
    Event::Key(ev)
}

fn press(app: &mut App, key: &str) {
    app.handle_event(&key_event(key));
}

fn press_n(app: &mut App, key: &str, times: usize) {
    for _ in 0..times {
        press(app, key);
    }
}

/// Types text a character at a time; a newline presses enter.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, "enter");
        } else {
            app.handle_event(&Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }
}
