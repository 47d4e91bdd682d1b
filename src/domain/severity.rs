//! Severity levels of the US Cyber Incident Severity Schema (0 Baseline … 5 Emergency).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Baseline,
    Low,
    Medium,
    High,
    Severe,
    Emergency,
}

impl Severity {
    pub const ALL: [Severity; 6] = [
        Severity::Baseline,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Severe,
        Severity::Emergency,
    ];

    pub fn level(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Baseline => "Baseline",
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Severe => "Severe",
            Severity::Emergency => "Emergency",
        }
    }

    /// The list of accepted spellings, for error messages.
    pub fn valid_values() -> String {
        Self::ALL
            .iter()
            .map(|s| format!("{} ({})", s.level(), s.name().to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.level(), self.name())
    }
}

impl crate::domain::ClosedList for Severity {
    const WHAT: &'static str = "severity";
    const VALUES: &'static [Self] = &Self::ALL;

    fn typed_name(self) -> String {
        format!("{} ({})", self.level(), self.name().to_lowercase())
    }

    /// The level number (`0`–`5`) or the name, in any case.
    fn is_named(self, typed: &str) -> bool {
        let wanted = typed.trim();
        wanted == self.level().to_string() || wanted.eq_ignore_ascii_case(self.name())
    }
}

crate::parse_closed_list!(Severity);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_number_and_name() {
        assert_eq!("4".parse::<Severity>(), Ok(Severity::Severe));
        assert_eq!("emergency".parse::<Severity>(), Ok(Severity::Emergency));
        assert_eq!(" HIGH ".parse::<Severity>(), Ok(Severity::High));
    }

    #[test]
    fn rejects_out_of_range_with_valid_list() {
        let err = "9".parse::<Severity>().unwrap_err();
        assert!(err.to_string().contains("0 (baseline)"), "{err}");
        assert!(err.to_string().contains("5 (emergency)"), "{err}");
    }

    #[test]
    fn levels_are_ordered() {
        assert!(Severity::Emergency > Severity::Baseline);
        assert_eq!(Severity::Severe.level(), 4);
    }
}
