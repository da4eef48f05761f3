//! Keys to actions, by context: the built-in defaults, overridden by the config's
//! `[keys]` table (action name = key or list of keys). The help overlay reads this map,
//! so it always tells the truth.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Context};

/// A key with its modifiers, as typed in the config (`ctrl-s`, `alt-1`, `f2`, `?`, `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// The key of a terminal event; shift is part of the character, not a modifier.
    #[must_use]
    pub fn from_event(e: &KeyEvent) -> Key {
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match e.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    /// Whether typing this key in a text field should insert text rather than act.
    #[must_use]
    pub fn is_text(&self) -> bool {
        let plain = !self
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        plain
            && matches!(
                self.code,
                KeyCode::Char(_)
                    | KeyCode::Enter
                    | KeyCode::Backspace
                    | KeyCode::Delete
                    | KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::Up
                    | KeyCode::Down
                    | KeyCode::Home
                    | KeyCode::End
                    | KeyCode::PageUp
                    | KeyCode::PageDown
            )
    }

    /// Parses a key as written in the config.
    pub fn parse(s: &str) -> Result<Key, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err("an empty key".into());
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = t;
        loop {
            let lower = rest.to_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let named = match rest.to_lowercase().as_str() {
            "enter" | "return" => Some(KeyCode::Enter),
            "esc" | "escape" => Some(KeyCode::Esc),
            "tab" if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                Some(KeyCode::BackTab)
            }
            "tab" => Some(KeyCode::Tab),
            "backtab" => Some(KeyCode::BackTab),
            "backspace" => Some(KeyCode::Backspace),
            "delete" | "del" => Some(KeyCode::Delete),
            "insert" | "ins" => Some(KeyCode::Insert),
            "up" => Some(KeyCode::Up),
            "down" => Some(KeyCode::Down),
            "left" => Some(KeyCode::Left),
            "right" => Some(KeyCode::Right),
            "pageup" | "pgup" => Some(KeyCode::PageUp),
            "pagedown" | "pgdn" => Some(KeyCode::PageDown),
            "home" => Some(KeyCode::Home),
            "end" => Some(KeyCode::End),
            "space" => Some(KeyCode::Char(' ')),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                f[1..].parse().ok().map(KeyCode::F)
            }
            _ => None,
        };
        let code = match named {
            Some(c) => c,
            None => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => {
                        if mods.contains(KeyModifiers::SHIFT) {
                            mods.remove(KeyModifiers::SHIFT);
                            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                        } else if mods.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => {
                        return Err(format!(
                            "'{t}' is not a key: use a character, or names like ctrl-s, alt-1, f2, enter, esc, tab, up, pagedown, space"
                        ));
                    }
                }
            }
        };
        Ok(Key { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// What a keymap needs of its actions: their config names, where each applies, a line of
/// help and the built-in bindings. The journal's actions and the review's share the
/// code that builds, overrides and reads their keymaps through this.
pub trait Bindable: Copy + Eq + fmt::Debug + 'static {
    /// Where an action applies; the help overlay groups its rows by this, in order.
    type Context: Copy + Ord;
    /// Whether a `[keys]` name that is none of these actions is an error (otherwise it
    /// is skipped, being some other keymap's concern).
    const REJECT_UNKNOWN: bool;
    /// The built-in bindings.
    const DEFAULTS: &'static [(Self, &'static [&'static str])];
    /// Every action, in help order.
    fn all() -> &'static [Self];
    /// The name used in the config's `[keys]` table.
    fn name(self) -> &'static str;
    /// Where the action applies.
    fn context(self) -> Self::Context;
    /// One line for the help overlay.
    fn help(self) -> &'static str;
    /// The action with this config name.
    #[must_use]
    fn from_name(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|a| a.name() == name)
    }
}

/// Keys bound to actions of one kind: the part the journal's and the review's keymaps share.
#[derive(Debug, Clone)]
pub struct Bindings<A> {
    bindings: Vec<(Key, A)>,
}

impl<A: Bindable> Bindings<A> {
    /// The built-in bindings.
    #[must_use]
    pub fn defaults() -> Bindings<A> {
        let mut bindings = Vec::new();
        for (action, keys) in A::DEFAULTS {
            for k in *keys {
                // Invariant: every default key parses (checked by a unit test).
                if let Ok(key) = Key::parse(k) {
                    bindings.push((key, *action));
                }
            }
        }
        Bindings { bindings }
    }

    /// The defaults with the config's `[keys]` table applied: each named action gets
    /// exactly the keys given. Unreadable keys are errors; unknown actions are errors
    /// when `A::REJECT_UNKNOWN`, and skipped otherwise.
    pub fn with_overrides(table: &BTreeMap<String, Vec<String>>) -> Result<Bindings<A>, String> {
        let mut map = Bindings::defaults();
        for (name, keys) in table {
            let Some(action) = A::from_name(name) else {
                if A::REJECT_UNKNOWN {
                    return Err(format!(
                        "[keys] has an unknown action '{name}': the actions are {}",
                        A::all()
                            .iter()
                            .map(|a| a.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                continue;
            };
            let parsed = keys
                .iter()
                .map(|k| Key::parse(k).map_err(|e| format!("[keys] {name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            map.bindings.retain(|(_, a)| *a != action);
            map.bindings.extend(parsed.into_iter().map(|k| (k, action)));
        }
        Ok(map)
    }

    /// The first action bound to `key` that `wanted` accepts.
    #[must_use]
    pub fn find(&self, key: Key, wanted: impl Fn(A) -> bool) -> Option<A> {
        self.bindings
            .iter()
            .find(|(k, a)| *k == key && wanted(*a))
            .map(|(_, a)| *a)
    }

    /// The keys bound to an action.
    #[must_use]
    pub fn keys_for(&self, action: A) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The first key of an action as text ("ctrl-s"), or "unbound".
    #[must_use]
    pub fn first_key(&self, action: A) -> String {
        self.keys_for(action)
            .first()
            .map_or_else(|| "unbound".to_string(), ToString::to_string)
    }

    /// (context, keys, help) for every action, grouped by context in a stable order.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(A::Context, String, &'static str)> {
        let mut rows: Vec<(A::Context, String, &'static str)> = A::all()
            .iter()
            .map(|a| {
                let keys = self
                    .keys_for(*a)
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ");
                let keys = if keys.is_empty() {
                    "unbound".to_string()
                } else {
                    keys
                };
                (a.context(), keys, a.help())
            })
            .collect();
        rows.sort_by_key(|(c, ..)| *c);
        rows
    }
}

impl Bindable for Action {
    type Context = Context;
    const REJECT_UNKNOWN: bool = true;
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

/// The built-in bindings.
const DEFAULTS: &[(Action, &[&str])] = &[
    (Action::Quit, &["ctrl-q", "ctrl-c", "q"]),
    (Action::Help, &["f1", "?"]),
    (Action::FocusJournal, &["alt-1", "1"]),
    (Action::FocusWrite, &["alt-2", "2"]),
    (Action::FocusSupervision, &["alt-3", "3"]),
    (Action::FocusPatterns, &["alt-4", "4"]),
    (Action::Up, &["up", "k"]),
    (Action::Down, &["down", "j"]),
    (Action::PageUp, &["pageup", "ctrl-u"]),
    (Action::PageDown, &["pagedown", "ctrl-d"]),
    (Action::Top, &["home", "g"]),
    (Action::Bottom, &["end", "G"]),
    (Action::Search, &["/"]),
    (Action::ClearSearch, &["esc"]),
    (Action::Filter, &["f"]),
    (Action::NewEntry, &["n", "a"]),
    (Action::NewOther, &["N"]),
    (Action::NewCheckIn, &["c"]),
    (Action::Timeline, &["t"]),
    (Action::Open, &["enter", "e"]),
    (Action::Delete, &["d", "delete"]),
    (Action::ToggleFlagSelected, &["b"]),
    (Action::PreviewDown, &["J", "ctrl-down"]),
    (Action::PreviewUp, &["K", "ctrl-up"]),
    (Action::Save, &["ctrl-s"]),
    (Action::NextField, &["tab"]),
    (Action::PrevField, &["shift-tab"]),
    (Action::PickModel, &["f4"]),
    (Action::PickStrengths, &["ctrl-t", "f2"]),
    (Action::CheckIn, &["ctrl-g", "f3"]),
    (Action::ToggleFlag, &["ctrl-b", "f5"]),
    (Action::CycleScope, &["f6"]),
    (Action::ExternalEditor, &["ctrl-o", "f7"]),
    (Action::Back, &["esc"]),
    (Action::Refresh, &["r"]),
    (Action::Gather, &["p"]),
    (Action::AgendaUp, &["K"]),
    (Action::AgendaDown, &["J"]),
    (Action::CycleFunction, &["f"]),
    (Action::RecordSession, &["R"]),
    (Action::PeriodPrev, &["["]),
    (Action::PeriodNext, &["]"]),
    (Action::WeekPrev, &["left", "h"]),
    (Action::WeekNext, &["right", "l"]),
    (Action::DrillDown, &["enter"]),
];

/// Keys to actions.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Bindings<Action>,
}

impl Keymap {
    /// The built-in keymap.
    #[must_use]
    pub fn defaults() -> Keymap {
        Keymap {
            bindings: Bindings::defaults(),
        }
    }

    /// The defaults with the config's `[keys]` table applied: each named action gets
    /// exactly the keys given. Unknown actions and unreadable keys are errors.
    pub fn with_overrides(table: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        Ok(Keymap {
            bindings: Bindings::with_overrides(table)?,
        })
    }

    /// The action a key means in `context`, if any; the pane's own bindings first, then
    /// the global ones. While typing in a text field, plain keys are text.
    #[must_use]
    pub fn lookup(&self, key: Key, context: Context, typing: bool) -> Option<Action> {
        if typing && key.is_text() {
            return None;
        }
        self.bindings
            .find(key, |a| a.context() == context)
            .or_else(|| self.bindings.find(key, |a| a.context() == Context::Global))
    }

    /// The keys bound to an action, for the help overlay and the status bar.
    #[must_use]
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings.keys_for(action)
    }

    /// The first key of an action as text ("ctrl-s"), or "unbound".
    #[must_use]
    pub fn first_key(&self, action: Action) -> String {
        self.bindings.first_key(action)
    }

    /// (context, keys, help) for every action, in a stable order: the help overlay.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        self.bindings.help_rows()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses() {
        for (action, keys) in DEFAULTS {
            for k in *keys {
                assert!(Key::parse(k).is_ok(), "{action:?}: {k}");
            }
        }
        assert!(
            Keymap::defaults()
                .help_rows()
                .iter()
                .all(|(_, k, _)| k != "unbound")
        );
    }

    #[test]
    fn keys_parse_and_print_back() {
        for (typed, shown) in [
            ("ctrl-s", "ctrl-s"),
            ("Alt-1", "alt-1"),
            ("F2", "F2"),
            ("shift-tab", "shift-tab"),
            ("G", "G"),
            ("shift-g", "G"),
            ("space", "space"),
            ("?", "?"),
        ] {
            assert_eq!(Key::parse(typed).unwrap().to_string(), shown, "{typed}");
        }
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").unwrap_err().contains("is not a key"));
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_unknown_names_are_refused() {
        let mut t = BTreeMap::new();
        t.insert("save".to_string(), vec!["f12".to_string()]);
        let m = Keymap::with_overrides(&t).unwrap();
        assert_eq!(m.first_key(Action::Save), "F12");
        assert_eq!(
            m.lookup(Key::parse("ctrl-s").unwrap(), Context::Write, true),
            None
        );
        t.insert("sav".to_string(), vec!["x".to_string()]);
        assert!(
            Keymap::with_overrides(&t)
                .unwrap_err()
                .contains("unknown action 'sav'")
        );
        let mut bad = BTreeMap::new();
        bad.insert("quit".to_string(), vec!["ctrl-".to_string()]);
        assert!(
            Keymap::with_overrides(&bad)
                .unwrap_err()
                .contains("[keys] quit")
        );
    }

    #[test]
    fn plain_keys_are_text_while_typing() {
        let m = Keymap::defaults();
        let q = Key::parse("q").unwrap();
        assert_eq!(m.lookup(q, Context::Journal, false), Some(Action::Quit));
        assert_eq!(m.lookup(q, Context::Write, true), None);
        let ctrl_s = Key::parse("ctrl-s").unwrap();
        assert_eq!(m.lookup(ctrl_s, Context::Write, true), Some(Action::Save));
        let esc = Key::parse("esc").unwrap();
        assert_eq!(m.lookup(esc, Context::Write, true), Some(Action::Back));
        assert_eq!(
            m.lookup(Key::parse("down").unwrap(), Context::Write, true),
            None
        );
        assert_eq!(
            m.lookup(Key::parse("ctrl-q").unwrap(), Context::Write, true),
            Some(Action::Quit)
        );
        // Searching the journal is typing too: 'n' is a letter of the query.
        assert_eq!(
            m.lookup(Key::parse("n").unwrap(), Context::Journal, true),
            None
        );
        assert_eq!(
            m.lookup(esc, Context::Journal, true),
            Some(Action::ClearSearch)
        );
    }
}
