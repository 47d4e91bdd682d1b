//! Short, human-typeable incident ids: `IR-2026-0007` for real incidents, `EX-2026-0002`
//! for exercises, so a drill can never be mistaken for the real thing.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IncidentId {
    pub exercise: bool,
    pub year: u16,
    pub number: u32,
}

impl IncidentId {
    pub fn new(exercise: bool, year: u16, number: u32) -> Self {
        IncidentId {
            exercise,
            year,
            number,
        }
    }

    pub fn prefix(self) -> &'static str {
        if self.exercise { "EX" } else { "IR" }
    }
}

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:04}-{:04}", self.prefix(), self.year, self.number)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{found}' is not an incident id; expected the form IR-2026-0007 (or EX-… for an exercise)"
)]
pub struct BadIncidentId {
    pub found: String,
}

impl FromStr for IncidentId {
    type Err = BadIncidentId;

    /// Case-insensitive; leading zeros of the number may be omitted (`ir-2026-7`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadIncidentId {
            found: s.to_string(),
        };
        let upper = s.trim().to_ascii_uppercase();
        let mut parts = upper.split('-');
        let exercise = match parts.next() {
            Some("IR") => false,
            Some("EX") => true,
            _ => return Err(bad()),
        };
        let year = parts
            .next()
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse().ok())
            .ok_or_else(bad)?;
        let number = parts
            .next()
            .filter(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(bad)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(IncidentId {
            exercise,
            year,
            number,
        })
    }
}

impl Serialize for IncidentId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IncidentId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_and_parses() {
        let id = IncidentId::new(false, 2026, 7);
        assert_eq!(id.to_string(), "IR-2026-0007");
        assert_eq!("ir-2026-7".parse(), Ok(id));
        assert_eq!(
            "EX-2026-0012".parse::<IncidentId>().map(|i| i.exercise),
            Ok(true)
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "IR",
            "IR-26-1",
            "IR-2026-",
            "IR-2026-0",
            "XX-2026-1",
            "IR-2026-1-2",
            "IR-2026-x1",
        ] {
            assert!(bad.parse::<IncidentId>().is_err(), "{bad} accepted");
        }
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(ex: bool, year in 1000u16..=9999, number in 1u32..=999_999_999) {
            let id = IncidentId::new(ex, year, number);
            prop_assert_eq!(id.to_string().parse::<IncidentId>(), Ok(id));
        }
    }
}
