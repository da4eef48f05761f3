//! The circle pane's keys, in the same kind of table as the journal's and the review's
//! (the config's `[keys]` overrides the names they share), so its help cannot lie.

use crate::tui::keymap::{self, Group, actions};

/// Where an action applies, for the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Stream,
    Write,
    Confirm,
}

impl Group for Context {
    fn title(self) -> &'static str {
        match self {
            Context::Stream => "The stream",
            Context::Write => "Writing a reply, a question or a note",
            Context::Confirm => "Before it is written",
        }
    }
}

pub type CircleKeymap = keymap::Keymap<Action>;

actions! {
    /// A named thing the reader can do.
    pub enum Action in Context, reject_unknown = false {
        Quit = "quit", Stream, ["q", "ctrl-q", "ctrl-c"], "quit", "quit";
        Help = "help", Stream, ["?", "f1"], "help", "show this help";
        Back = "back", Stream, ["esc"], "back", "back to the stream; quits from the stream";
        Up = "up", Stream, ["up", "k"], "previous", "the contribution before, or scroll up";
        Down = "down", Stream, ["down", "j"], "next", "the next contribution, or scroll down";
        Top = "top", Stream, ["home", "g"], "first", "the newest contribution";
        Bottom = "bottom", Stream, ["end", "G"], "last", "the oldest contribution shown";
        Read = "read", Stream, ["enter"], "read", "read the contribution with its replies; choose";
        Reply = "reply", Stream, ["r"], "reply", "reply to the contribution";
        Thank = "thank", Stream, ["t"], "thank", "thank its author";
        Bring = "bring", Stream, ["b"], "bring", "bring it to my supervision (a flagged entry)";
        Contribute = "contribute", Stream, ["c"], "contribute", "share a question, a learning note or one of my entries";
        Theme = "theme", Stream, ["f"], "theme", "the stream on one theme, the next, then all";
        Welcome = "welcome", Stream, ["w"], "welcome", "welcome the card that wrote it, once its fingerprint is checked";
        Done = "done", Write, ["ctrl-s"], "see it", "see it as the circle will read it";
        Yes = "yes", Confirm, ["y"], "write", "write it to the circle";
        No = "no", Confirm, ["n"], "don't", "don't write it (esc too)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Bindable as _, Key};

    #[test]
    fn every_default_key_parses_and_no_two_actions_share_one() {
        let mut seen = std::collections::HashSet::new();
        for action in Action::ALL {
            for k in action.default_keys() {
                assert!(Key::parse(k).is_ok(), "{action:?}: {k}");
                assert!(seen.insert(*k), "{k} twice");
            }
        }
    }
}
