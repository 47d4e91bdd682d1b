//! Incident categories: the eleven classes of the ENISA Reference Security Incident
//! Taxonomy (machine-readable as the MISP `rsit` taxonomy).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    AbusiveContent,
    MaliciousCode,
    InformationGathering,
    IntrusionAttempts,
    Intrusions,
    Availability,
    InformationContentSecurity,
    Fraud,
    Vulnerable,
    Other,
    Test,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::AbusiveContent,
        Category::MaliciousCode,
        Category::InformationGathering,
        Category::IntrusionAttempts,
        Category::Intrusions,
        Category::Availability,
        Category::InformationContentSecurity,
        Category::Fraud,
        Category::Vulnerable,
        Category::Other,
        Category::Test,
    ];

    /// Kebab-case identifier used on the command line and in files.
    pub fn slug(self) -> &'static str {
        match self {
            Category::AbusiveContent => "abusive-content",
            Category::MaliciousCode => "malicious-code",
            Category::InformationGathering => "information-gathering",
            Category::IntrusionAttempts => "intrusion-attempts",
            Category::Intrusions => "intrusions",
            Category::Availability => "availability",
            Category::InformationContentSecurity => "information-content-security",
            Category::Fraud => "fraud",
            Category::Vulnerable => "vulnerable",
            Category::Other => "other",
            Category::Test => "test",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::AbusiveContent => "Abusive content",
            Category::MaliciousCode => "Malicious code",
            Category::InformationGathering => "Information gathering",
            Category::IntrusionAttempts => "Intrusion attempts",
            Category::Intrusions => "Intrusions",
            Category::Availability => "Availability",
            Category::InformationContentSecurity => "Information content security",
            Category::Fraud => "Fraud",
            Category::Vulnerable => "Vulnerable",
            Category::Other => "Other",
            Category::Test => "Test",
        }
    }

    pub fn valid_values() -> String {
        Self::ALL.map(Category::slug).join(", ")
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

crate::closed_list_by_slug!(Category => "category");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_slug_and_name() {
        assert_eq!("malicious-code".parse(), Ok(Category::MaliciousCode));
        assert_eq!("Malicious code".parse(), Ok(Category::MaliciousCode));
        assert_eq!("FRAUD".parse(), Ok(Category::Fraud));
    }

    #[test]
    fn every_slug_round_trips() {
        for c in Category::ALL {
            assert_eq!(c.slug().parse(), Ok(c));
        }
    }

    #[test]
    fn unknown_lists_valid_values() {
        let err = "worms".parse::<Category>().unwrap_err().to_string();
        assert!(
            err.contains("malicious-code") && err.contains("worms"),
            "{err}"
        );
    }
}
