//! How the retainer did on one incident, as the organisation judged it once the
//! incident closed: response time kept, scope enough, access to evidence, the report
//! received and complete (probable causes, weaknesses, recommendations). Over all
//! incidents, what an organisation brings to the contract's renewal.

use serde::{Deserialize, Serialize};

/// A judgement: yes, no, or not known (not asked, not applicable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Yes, Verdict::No, Verdict::Unknown];

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
            Verdict::Unknown => "unknown",
        }
    }

    pub fn from_bool(yes: bool) -> Verdict {
        if yes { Verdict::Yes } else { Verdict::No }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "oui" | "o" => Some(Verdict::Yes),
            "no" | "n" | "non" => Some(Verdict::No),
            "unknown" | "?" | "-" => Some(Verdict::Unknown),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetainerReview {
    /// Work started within the contract's response time.
    pub sla_met: Verdict,
    /// What the incident touched was within the contract.
    pub scope_sufficient: Verdict,
    /// The provider had the access to evidence it needed, as the contract says.
    pub evidence_access: Verdict,
    /// The post-incident report arrived.
    pub report_received: Verdict,
    /// It gave probable causes, weaknesses found and recommendations.
    pub report_complete: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl RetainerReview {
    /// The verdicts with their stable names, in order.
    pub fn verdicts(&self) -> [(&'static str, Verdict); 5] {
        [
            ("sla_met", self.sla_met),
            ("scope_sufficient", self.scope_sufficient),
            ("evidence_access", self.evidence_access),
            ("report_received", self.report_received),
            ("report_complete", self.report_complete),
        ]
    }
}
