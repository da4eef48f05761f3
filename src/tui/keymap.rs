//! Keys to actions, by context, for every full-screen app: the built-in defaults,
//! overridden by the config's `[keys]` table (action name = key or list of keys), and
//! what is text while a field has the keyboard. The help overlay reads this map, so it
//! always tells the truth.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::Config;

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

/// Where actions apply: the help overlay groups its rows by this, in order.
pub trait Group: Copy + Ord + fmt::Debug + 'static {
    /// The heading of the group in the help overlay.
    fn title(self) -> &'static str;
}

/// What a keymap needs of its actions: their config names, where each applies, a word
/// for the status bar, a line of help and the built-in keys. The journal's actions and
/// the review's are made by one macro, [`actions!`], and read by one [`Keymap`].
pub trait Bindable: Copy + Eq + fmt::Debug + 'static {
    /// Where an action applies.
    type Context: Group;
    /// Whether a `[keys]` name that is none of these actions is an error (otherwise it
    /// is skipped, being some other keymap's concern).
    const REJECT_UNKNOWN: bool;
    /// Every action, in help order.
    fn all() -> &'static [Self];
    /// The name used in the config's `[keys]` table.
    fn name(self) -> &'static str;
    /// Where the action applies.
    fn context(self) -> Self::Context;
    /// A word or two for the status bar.
    fn label(self) -> &'static str;
    /// One line for the help overlay.
    fn help(self) -> &'static str;
    /// The built-in keys, as the config writes them.
    fn default_keys(self) -> &'static [&'static str];
    /// The action with this config name.
    #[must_use]
    fn from_name(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|a| a.name() == name)
    }
}

/// Declares an app's actions in one table: each row is the variant, its `[keys]` name,
/// its context, its built-in keys, a word for the status bar and a line of help.
macro_rules! actions {
    (
        $(#[$meta:meta])*
        pub enum $action:ident in $context:ident, reject_unknown = $reject:literal {
            $($variant:ident = $name:literal, $ctx:ident, [$($key:literal),* $(,)?], $label:literal, $help:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $action { $($variant),+ }

        impl $action {
            pub const ALL: &'static [$action] = &[$($action::$variant),+];
        }

        impl $crate::tui::keymap::Bindable for $action {
            type Context = $context;
            const REJECT_UNKNOWN: bool = $reject;
            fn all() -> &'static [$action] {
                Self::ALL
            }
            fn name(self) -> &'static str {
                match self { $($action::$variant => $name),+ }
            }
            fn context(self) -> $context {
                match self { $($action::$variant => $context::$ctx),+ }
            }
            fn label(self) -> &'static str {
                match self { $($action::$variant => $label),+ }
            }
            fn help(self) -> &'static str {
                match self { $($action::$variant => $help),+ }
            }
            fn default_keys(self) -> &'static [&'static str] {
                match self { $($action::$variant => &[$($key),*]),+ }
            }
        }
    };
}
pub(crate) use actions;

/// What plain keys are while a field has the keyboard: text for the field, or keys for
/// the keymap. Keys with ctrl or alt are never text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Text {
    /// No field: every key is looked up.
    #[default]
    None,
    /// A short value typed without a cursor: characters, backspace and delete.
    Chars,
    /// One line with a cursor: as [`Text::Chars`], and the arrows along it, home and end.
    Line,
    /// A text area: as [`Text::Line`], and enter, the arrows up and down, page up and down.
    Area,
}

impl Text {
    /// Whether `key` is text here.
    #[must_use]
    pub fn takes(self, key: Key) -> bool {
        if key
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        let chars = matches!(
            key.code,
            KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
        );
        let line = matches!(
            key.code,
            KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End
        );
        let area = matches!(
            key.code,
            KeyCode::Enter | KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown
        );
        match self {
            Text::None => false,
            Text::Chars => chars,
            Text::Line => chars || line,
            Text::Area => chars || line || area,
        }
    }
}

/// Keys to the actions of one app: the built-in keys, overridden by the config's `[keys]`
/// table (action name = key or list of keys). The help overlay reads it, so it always
/// tells the truth.
#[derive(Debug, Clone)]
pub struct Keymap<A> {
    bindings: Vec<(Key, A)>,
}

impl<A: Bindable> Keymap<A> {
    /// The built-in keymap.
    #[must_use]
    pub fn defaults() -> Keymap<A> {
        let mut bindings = Vec::new();
        for action in A::all() {
            for k in action.default_keys() {
                // Invariant: every default key parses (checked by a unit test).
                if let Ok(key) = Key::parse(k) {
                    bindings.push((key, *action));
                }
            }
        }
        Keymap { bindings }
    }

    /// The defaults with a `[keys]` table applied: each named action gets exactly the
    /// keys given. Unreadable keys are errors; unknown actions are errors when
    /// `A::REJECT_UNKNOWN`, and skipped otherwise.
    pub fn with_overrides(table: &BTreeMap<String, Vec<String>>) -> Result<Keymap<A>, String> {
        let mut map = Keymap::defaults();
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

    /// The keymap the config asks for: its `[keys]` table over the defaults; an error
    /// names the config file.
    pub fn from_config(config: &Config, file: &Path) -> anyhow::Result<Keymap<A>> {
        let table = config
            .keys
            .iter()
            .map(|(k, v)| (k.clone(), v.keys()))
            .collect();
        Keymap::with_overrides(&table)
            .map_err(|e| anyhow::anyhow!("config file {}: {e}", file.display()))
    }

    /// The action `key` means: none if it is text where the keyboard is (`text`),
    /// otherwise the first action bound to it in `chain`, the contexts in the order
    /// they are asked (the focused one first, the global ones last).
    #[must_use]
    pub fn lookup(&self, key: Key, text: Text, chain: &[A::Context]) -> Option<A> {
        if text.takes(key) {
            return None;
        }
        chain.iter().find_map(|c| {
            self.bindings
                .iter()
                .find(|(k, a)| *k == key && a.context() == *c)
                .map(|(_, a)| *a)
        })
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn what_is_text_grows_from_a_value_to_a_line_to_an_area() {
        let k = |s: &str| Key::parse(s).unwrap();
        for (key, chars, line, area) in [
            ("x", true, true, true),
            ("backspace", true, true, true),
            ("left", false, true, true),
            ("home", false, true, true),
            ("enter", false, false, true),
            ("down", false, false, true),
            ("tab", false, false, false),
            ("esc", false, false, false),
            ("ctrl-x", false, false, false),
            ("alt-x", false, false, false),
        ] {
            assert!(!Text::None.takes(k(key)), "{key}");
            assert_eq!(Text::Chars.takes(k(key)), chars, "{key}");
            assert_eq!(Text::Line.takes(k(key)), line, "{key}");
            assert_eq!(Text::Area.takes(k(key)), area, "{key}");
        }
    }
}
