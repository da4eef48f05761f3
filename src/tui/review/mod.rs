//! `praxis review`: other people's summaries side by side, read-only, with the
//! reviewer's own notes kept in a separate Markdown file. Never opens a journal.
//!
//! The arrows inside point one way: this module runs the review as a `Screen`; `view`
//! draws the `state`; both measure with `layout` (where things are, from a plain
//! `Shape`, shared by drawing and the mouse) and `reading` (text made safe to draw, and
//! an excerpt's lines, which decide how far it scrolls). Neither of those two knows the
//! state.

pub mod keys;
pub mod layout;
pub mod notes;
pub mod reading;
pub mod state;
pub mod view;

use anyhow::{Context as _, Result};
use crossterm::event::Event;

pub use self::reading::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean_line, clean_text};
pub use self::state::{Focus, Note, Person, Review, Screen, heading_name};

impl crate::tui::runtime::Screen for Review {
    fn handle(&mut self, event: &Event) -> crate::tui::runtime::Handled {
        self.handle_event(event);
        crate::tui::runtime::Handled::Consumed
    }

    fn draw(&mut self, frame: &mut ratatui::Frame<'_>) {
        let size = frame.area();
        if size != self.size {
            self.resize(size.width, size.height);
        }
        view::draw(self, frame);
    }

    fn done(&self) -> bool {
        self.quit
    }

    fn on_exit(&mut self) -> Result<()> {
        self.save_notes().context("the notes were not saved")
    }

    /// If the notes could not be saved they are printed, so nothing written is lost.
    fn after_restore(&mut self, kept: &Result<()>) {
        if let Err(e) = kept {
            eprintln!(
                "praxis: {}\nYour unsaved notes follow, so that nothing is lost:\n\n{}",
                crate::model::text::sanitize(&format!("{e:#}")),
                crate::model::text::sanitize(&self.unsaved_markdown())
            );
        }
    }
}

/// Runs the review until the reviewer quits or a signal ends it. The notes are saved on
/// every way out (quit, signal, closed terminal, panic) and the terminal is restored; if
/// the notes cannot be saved they are printed once the terminal is back, so nothing
/// written is lost.
pub fn run(mut review: Review) -> Result<()> {
    let options = crate::tui::runtime::Options {
        mouse: review.mouse,
        ..Default::default()
    };
    crate::tui::runtime::run(&mut review, options)
}
