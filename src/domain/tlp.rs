//! Traffic Light Protocol 2.0 labels (FIRST, 2022). Written in capitals, never translated.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown TLP label '{found}'; valid values: {}", Tlp::valid_values())]
pub struct UnknownTlp {
    pub found: String,
}

impl FromStr for Tlp {
    type Err = UnknownTlp;

    /// Accepts `TLP:AMBER+STRICT`, `amber+strict` or `amber-strict`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase().replace('-', "+");
        let bare = upper.strip_prefix("TLP:").unwrap_or(&upper);
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.label().strip_prefix("TLP:") == Some(bare))
            .ok_or_else(|| UnknownTlp {
                found: s.to_string(),
            })
    }
}

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
