//! Keys → actions, per mode, read from the config. The help overlay lists this map, so it
//! can never disagree with what the keys do.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Where the keyboard is. `global` bindings apply in every mode after the mode's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Global,
    Welcome,
    Dashboard,
    Picker,
    Form,
    Confirm,
    /// A read-only text over the dashboard (a notification draft).
    Viewer,
    /// The full-screen journal with its evidence and lessons tabs.
    Journal,
    /// The investigation view: observables, assets, attack timeline.
    Investigation,
    Help,
}

/// One key with its modifiers, as written in the config (`ctrl-c`, `N`, `shift-tab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
];

impl KeySpec {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        KeySpec { code, mods }
    }

    /// The spec a terminal key event stands for. Shift is part of the character for
    /// letters and symbols (`N` is shift-n), so it is dropped there.
    pub fn from_event(event: KeyEvent) -> Self {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            // Terminals send ctrl-c whether or not shift or caps lock is on.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        KeySpec { code, mods }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{found}' is not a key; expected a character, a name ({}, f1-f12) with optional ctrl-/alt-/shift- prefixes", NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "))]
pub struct BadKey {
    found: String,
}

impl FromStr for KeySpec {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadKey {
            found: s.to_string(),
        };
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "alt-", "shift-", "ctrl+", "alt+", "shift+"]
                .into_iter()
                .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(prefix) = prefix else { break };
            mods |= match &prefix[..prefix.len() - 1] {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                _ => KeyModifiers::SHIFT,
            };
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=12).contains(&n)
                {
                    KeyCode::F(n)
                } else {
                    return Err(bad());
                }
            }
        };
        // Written the way the terminal reports it, so lookups need no special cases.
        let event = KeyEvent::new(code, mods);
        Ok(KeySpec::from_event(event))
    }
}

impl fmt::Display for KeySpec {
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
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED.iter().find(|(_, c)| *c == code).map(|(n, _)| *n);
                f.write_str(name.unwrap_or("?"))
            }
        }
    }
}

impl Serialize for KeySpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// The bindings of one mode, in the order the file gives them (the help shows that order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bindings(pub Vec<(KeySpec, Action)>);

impl<'de> Deserialize<'de> for Bindings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Bindings;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of key: action")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Bindings, A::Error> {
                let mut out: Vec<(KeySpec, Action)> = Vec::new();
                while let Some((key, action)) = map.next_entry::<KeySpec, Action>()? {
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!("key '{key}' is bound twice")));
                    }
                    out.push((key, action));
                }
                Ok(Bindings(out))
            }
        }
        d.deserialize_map(Ordered)
    }
}

impl Serialize for Bindings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, a) in &self.0 {
            map.serialize_entry(k, a)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Keymap(pub BTreeMap<Mode, Bindings>);

impl Keymap {
    /// The action for `event` in `mode`: the mode's own binding first, then global.
    pub fn lookup(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        let key = KeySpec::from_event(event);
        [mode, Mode::Global].into_iter().find_map(|m| {
            self.0
                .get(&m)?
                .0
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| *a)
        })
    }

    /// Lays `other` over `self`: a key bound in `other` replaces the same key in the same
    /// mode; new keys are added.
    pub fn overlay(&mut self, other: &Keymap) {
        for (mode, bindings) in &other.0 {
            let mine = self.0.entry(*mode).or_default();
            for (key, action) in &bindings.0 {
                match mine.0.iter_mut().find(|(k, _)| k == key) {
                    Some(slot) => slot.1 = *action,
                    None => mine.0.push((*key, *action)),
                }
            }
        }
    }

    /// The keys bound to `action` in `mode` (without global), for help and hints.
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<KeySpec> {
        self.0
            .get(&mode)
            .map(|b| {
                b.0.iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> KeySpec {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_displays_keys() {
        for s in [
            "q",
            "N",
            "?",
            "ctrl-c",
            "space",
            "enter",
            "shift-tab",
            "f5",
            "pageup",
            "alt-x",
        ] {
            assert_eq!(key(s).to_string(), s);
        }
        assert_eq!(key("backtab"), key("shift-tab"));
        assert_eq!(key("Ctrl+C"), key("ctrl-c"));
        assert!("nope".parse::<KeySpec>().is_err());
        assert!("f13".parse::<KeySpec>().is_err());
    }

    #[test]
    fn shifted_letters_match_their_capital() {
        let event = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(KeySpec::from_event(event), key("N"));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(KeySpec::from_event(backtab), key("shift-tab"));
    }

    #[test]
    fn mode_first_then_global_and_overlay_replaces() {
        let mut map: Keymap =
            serde_yaml::from_str("global: { ctrl-c: quit, q: quit }\ndashboard: { q: help }")
                .unwrap();
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.lookup(Mode::Dashboard, q), Some(Action::Help));
        assert_eq!(map.lookup(Mode::Welcome, q), Some(Action::Quit));
        let user: Keymap = serde_yaml::from_str("dashboard: { q: quit, x: add_note }").unwrap();
        map.overlay(&user);
        assert_eq!(map.lookup(Mode::Dashboard, q), Some(Action::Quit));
        assert_eq!(
            map.keys_for(Mode::Dashboard, Action::AddNote),
            vec![key("x")]
        );
    }

    #[test]
    fn a_key_bound_twice_is_an_error() {
        let err = serde_yaml::from_str::<Keymap>("dashboard: { q: quit, Q: help, q: help }");
        assert!(err.is_err());
    }
}
