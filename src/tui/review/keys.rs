//! The review's keys: its own actions and built-in bindings, made the way the journal's
//! keymap is (the config's `[keys]` overrides the actions whose names the two share), so
//! the help overlay is generated from the bindings in force and cannot lie.

use std::collections::BTreeMap;

use crate::tui::keymap::{Bindable, Bindings, Key};

/// Where an action applies, for the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Excerpts,
}

impl Context {
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Excerpts => "People and excerpts",
        }
    }
}

macro_rules! review_actions {
    ($($variant:ident = $name:literal, $ctx:ident, $label:literal, $help:literal;)+) => {
        /// A named thing the reviewer can do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the config's `[keys]` table.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),+ }
            }

            /// Where the action applies.
            #[must_use]
            pub fn context(self) -> Context {
                match self { $(Action::$variant => Context::$ctx),+ }
            }

            /// A word or two for the status bar.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self { $(Action::$variant => $label),+ }
            }

            /// One line for the help overlay.
            #[must_use]
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help),+ }
            }

            /// The action with this config name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<Action> {
                Self::ALL.iter().copied().find(|a| a.name() == name)
            }
        }
    };
}

review_actions! {
    Quit = "quit", Global, "quit", "save the notes and quit";
    Help = "help", Global, "help", "show or hide this help";
    Back = "back", Global, "back", "back: out of the notes, the excerpt, the person; quits from the overview";
    NextPerson = "next_person", Global, "person", "the next person";
    PrevPerson = "prev_person", Global, "person", "the person before";
    Save = "save", Global, "save", "save the notes now (they are saved on quit too)";
    Notes = "notes", Excerpts, "notes", "write notes on the selected person";
    Up = "up", Excerpts, "excerpt", "the excerpt before";
    Down = "down", Excerpts, "excerpt", "the next excerpt";
    Top = "top", Excerpts, "first", "the first excerpt";
    Bottom = "bottom", Excerpts, "last", "the last excerpt";
    PageUp = "page_up", Excerpts, "scroll", "scroll the excerpt up";
    PageDown = "page_down", Excerpts, "scroll", "scroll the excerpt down";
    Read = "read", Excerpts, "read", "read the person's excerpts; on an excerpt, read it full-screen";
}

impl Bindable for Action {
    type Context = Context;
    /// The `[keys]` table is the journal's, which checks its names; the review takes
    /// the ones it shares and skips the rest.
    const REJECT_UNKNOWN: bool = false;
    const DEFAULTS: &'static [(Action, &'static [&'static str])] = DEFAULTS;
    fn all() -> &'static [Action] {
        Action::ALL
    }
    fn name(self) -> &'static str {
        Action::name(self)
    }
    fn context(self) -> Context {
        Action::context(self)
    }
    fn help(self) -> &'static str {
        Action::help(self)
    }
}

/// The built-in bindings. `q` and `esc` quit from the overview; the journal's names
/// (quit, help, back, save, up, down, top, bottom, page_up, page_down) take the same
/// keys as there.
const DEFAULTS: &[(Action, &[&str])] = &[
    (Action::Quit, &["q", "ctrl-q", "ctrl-c"]),
    (Action::Help, &["?", "f1"]),
    (Action::Back, &["esc"]),
    (Action::NextPerson, &["tab", "right", "l"]),
    (Action::PrevPerson, &["shift-tab", "left", "h"]),
    (Action::Save, &["ctrl-s"]),
    (Action::Notes, &["n"]),
    (Action::Up, &["up", "k"]),
    (Action::Down, &["down", "j"]),
    (Action::Top, &["home", "g"]),
    (Action::Bottom, &["end", "G"]),
    (Action::PageUp, &["pageup", "ctrl-u"]),
    (Action::PageDown, &["pagedown", "ctrl-d", "space"]),
    (Action::Read, &["enter"]),
];

/// Keys to review actions.
#[derive(Debug, Clone)]
pub struct ReviewKeymap {
    bindings: Bindings<Action>,
}

impl ReviewKeymap {
    /// The built-in keymap.
    #[must_use]
    pub fn defaults() -> ReviewKeymap {
        ReviewKeymap {
            bindings: Bindings::defaults(),
        }
    }

    /// The defaults with the config's `[keys]` table applied to the actions the review
    /// shares with the journal; the journal's other actions are not the review's concern
    /// (the journal checks their names).
    pub fn with_overrides(table: &BTreeMap<String, Vec<String>>) -> Result<ReviewKeymap, String> {
        Ok(ReviewKeymap {
            bindings: Bindings::with_overrides(table)?,
        })
    }

    /// The action a key means. While notes are being written, printable keys, arrows
    /// and the like are text, and only the global actions are keys.
    #[must_use]
    pub fn lookup(&self, key: Key, typing: bool) -> Option<Action> {
        if typing && key.is_text() {
            return None;
        }
        self.bindings
            .find(key, |a| !typing || a.context() == Context::Global)
    }

    /// The keys bound to an action.
    #[must_use]
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings.keys_for(action)
    }

    /// The first key of an action as text ("ctrl-s"), or "unbound".
    #[must_use]
    pub fn first_key(&self, action: Action) -> String {
        self.bindings.first_key(action)
    }

    /// (context, keys, help) for every action, grouped by context: the help overlay.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        self.bindings.help_rows()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses_and_every_action_has_one() {
        for (action, keys) in DEFAULTS {
            for k in *keys {
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
        assert_eq!(m.lookup(Key::parse("ctrl-s").unwrap(), false), None);
        assert_eq!(m.lookup(Key::parse("x").unwrap(), false), None);
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
        let k = |s: &str| Key::parse(s).unwrap();
        assert_eq!(m.lookup(k("q"), false), Some(Action::Quit));
        assert_eq!(m.lookup(k("q"), true), None);
        assert_eq!(m.lookup(k("ctrl-s"), true), Some(Action::Save));
        assert_eq!(m.lookup(k("esc"), true), Some(Action::Back));
        assert_eq!(m.lookup(k("tab"), true), Some(Action::NextPerson));
        assert_eq!(m.lookup(k("ctrl-d"), true), None);
        assert_eq!(m.lookup(k("right"), true), None);
        assert_eq!(m.lookup(k("right"), false), Some(Action::NextPerson));
    }
}
