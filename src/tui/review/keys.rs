//! The review's keys: its own actions and built-in bindings, in the same kind of table as
//! the journal's (the config's `[keys]` overrides the actions whose names the two share),
//! so the help overlay is generated from the bindings in force and cannot lie.

use crate::tui::keymap::{self, Group, actions};

/// Where an action applies, for the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Excerpts,
}

impl Group for Context {
    fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Excerpts => "People and excerpts",
        }
    }
}

/// Keys to review actions. `q` and `esc` quit from the overview; the journal's names
/// (quit, help, back, save, up, down, top, bottom, page_up, page_down) take the same
/// keys as there. The `[keys]` table is the journal's, which checks its names; the
/// review takes the ones it shares and skips the rest.
pub type ReviewKeymap = keymap::Keymap<Action>;

actions! {
    /// A named thing the reviewer can do.
    pub enum Action in Context, reject_unknown = false {
        Quit = "quit", Global, ["q", "ctrl-q", "ctrl-c"], "quit", "save the notes and quit";
        Help = "help", Global, ["?", "f1"], "help", "show or hide this help";
        Back = "back", Global, ["esc"], "back", "back: out of the notes, the excerpt, the person; quits from the overview";
        NextPerson = "next_person", Global, ["tab", "right", "l"], "person", "the next person";
        PrevPerson = "prev_person", Global, ["shift-tab", "left", "h"], "person", "the person before";
        Save = "save", Global, ["ctrl-s"], "save", "save the notes now (they are saved on quit too)";
        Notes = "notes", Excerpts, ["n"], "notes", "write notes on the selected person";
        Up = "up", Excerpts, ["up", "k"], "excerpt", "the excerpt before";
        Down = "down", Excerpts, ["down", "j"], "excerpt", "the next excerpt";
        Top = "top", Excerpts, ["home", "g"], "first", "the first excerpt";
        Bottom = "bottom", Excerpts, ["end", "G"], "last", "the last excerpt";
        PageUp = "page_up", Excerpts, ["pageup", "ctrl-u"], "scroll", "scroll the excerpt up";
        PageDown = "page_down", Excerpts, ["pagedown", "ctrl-d", "space"], "scroll", "scroll the excerpt down";
        Read = "read", Excerpts, ["enter"], "read", "read the person's excerpts; on an excerpt, read it full-screen";
    }
}

/// Where keys are looked up: while notes are written, printable keys, arrows and the
/// like are text, and only the global actions are keys.
#[must_use]
pub fn chain(typing: bool) -> (keymap::Text, &'static [Context]) {
    if typing {
        (keymap::Text::Area, &[Context::Global])
    } else {
        (keymap::Text::None, &[Context::Excerpts, Context::Global])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Bindable as _, Key};
    use std::collections::BTreeMap;

    fn lookup(m: &ReviewKeymap, key: &str, typing: bool) -> Option<Action> {
        let (text, contexts) = chain(typing);
        m.lookup(Key::parse(key).unwrap(), text, contexts)
    }

    #[test]
    fn every_default_key_parses_and_every_action_has_one() {
        for action in Action::ALL {
            for k in action.default_keys() {
                assert!(Key::parse(k).is_ok(), "{action:?}: {k}");
            }
        }
        let m = ReviewKeymap::defaults();
        assert!(m.help_rows().iter().all(|(_, k, _)| k != "unbound"));
        for a in Action::ALL {
            assert!(!m.keys_for(*a).is_empty(), "{a:?}");
        }
    }

    #[test]
    fn shared_names_are_overridden_and_journal_only_names_ignored() {
        let mut t = BTreeMap::new();
        t.insert("save".to_string(), vec!["f12".to_string()]);
        t.insert("new_entry".to_string(), vec!["x".to_string()]);
        let m = ReviewKeymap::with_overrides(&t).unwrap();
        assert_eq!(m.first_key(Action::Save), "F12");
        assert_eq!(lookup(&m, "ctrl-s", false), None);
        assert_eq!(lookup(&m, "x", false), None);
        t.insert("quit".to_string(), vec!["ctrl-".to_string()]);
        assert!(
            ReviewKeymap::with_overrides(&t)
                .unwrap_err()
                .contains("[keys] quit")
        );
    }

    #[test]
    fn while_typing_only_global_keys_act() {
        let m = ReviewKeymap::defaults();
        assert_eq!(lookup(&m, "q", false), Some(Action::Quit));
        assert_eq!(lookup(&m, "q", true), None);
        assert_eq!(lookup(&m, "ctrl-s", true), Some(Action::Save));
        assert_eq!(lookup(&m, "esc", true), Some(Action::Back));
        assert_eq!(lookup(&m, "tab", true), Some(Action::NextPerson));
        assert_eq!(lookup(&m, "ctrl-d", true), None);
        assert_eq!(lookup(&m, "right", true), None);
        assert_eq!(lookup(&m, "right", false), Some(Action::NextPerson));
    }
}
