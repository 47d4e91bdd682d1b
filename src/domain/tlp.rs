//! Traffic Light Protocol 2.0 labels (FIRST, 2022). Written in capitals, never translated.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tlp {
    #[serde(rename = "TLP:RED")]
    Red,
    #[serde(rename = "TLP:AMBER+STRICT")]
    AmberStrict,
    #[serde(rename = "TLP:AMBER")]
    Amber,
    #[serde(rename = "TLP:GREEN")]
    Green,
    #[serde(rename = "TLP:CLEAR")]
    Clear,
}

impl Tlp {
    pub const ALL: [Tlp; 5] = [
        Tlp::Red,
        Tlp::AmberStrict,
        Tlp::Amber,
        Tlp::Green,
        Tlp::Clear,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tlp::Red => "TLP:RED",
            Tlp::AmberStrict => "TLP:AMBER+STRICT",
            Tlp::Amber => "TLP:AMBER",
            Tlp::Green => "TLP:GREEN",
            Tlp::Clear => "TLP:CLEAR",
        }
    }

    pub fn valid_values() -> String {
        Self::ALL.map(Tlp::label).join(", ")
    }

    /// How far it may travel, from 0 (TLP:CLEAR, anyone) to 4 (TLP:RED, those present):
    /// what is shared with an audience must not rank above it.
    pub fn rank(self) -> u8 {
        match self {
            Tlp::Clear => 0,
            Tlp::Green => 1,
            Tlp::Amber => 2,
            Tlp::AmberStrict => 3,
            Tlp::Red => 4,
        }
    }
}

impl Default for Tlp {
    /// Incident data is need-to-know until someone decides otherwise.
    fn default() -> Self {
        Tlp::Amber
    }
}

impl fmt::Display for Tlp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl crate::domain::ClosedList for Tlp {
    const WHAT: &'static str = "tlp-label";
    const VALUES: &'static [Self] = &Self::ALL;

    fn typed_name(self) -> String {
        self.label().to_string()
    }

    /// `TLP:AMBER+STRICT`, `amber+strict` or `amber-strict`, in any case.
    fn is_named(self, typed: &str) -> bool {
        let upper = typed.trim().to_ascii_uppercase().replace('-', "+");
        let bare = upper.strip_prefix("TLP:").unwrap_or(&upper);
        self.label().strip_prefix("TLP:") == Some(bare)
    }
}

crate::parse_closed_list!(Tlp);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_prefix() {
        assert_eq!("TLP:RED".parse(), Ok(Tlp::Red));
        assert_eq!("amber+strict".parse(), Ok(Tlp::AmberStrict));
        assert_eq!("Amber-Strict".parse(), Ok(Tlp::AmberStrict));
        assert_eq!("clear".parse(), Ok(Tlp::Clear));
        assert!("white".parse::<Tlp>().is_err());
    }

    #[test]
    fn serialises_as_the_official_label() {
        let json = serde_json::to_string(&Tlp::AmberStrict).unwrap();
        assert_eq!(json, "\"TLP:AMBER+STRICT\"");
    }
}
