//! The retainer contract as it is written: who the external CSIRT is, how fast it must
//! start work by severity, in which hours that time is counted, what it covers, how
//! evidence reaches it and when its report is due. An alert records the terms that
//! applied (`Retainer::alert`), so a contract changed later never moves a deadline
//! already running.

use super::{Area, Change, Contact, ContactKind, Coverage, Scope, Severity};
use serde::{Deserialize, Serialize};

/// The external CSIRT on retainer and its contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retainer {
    pub name: String,
    #[serde(default)]
    pub hotline: String,
    #[serde(default)]
    pub email: String,
    /// The contract's number or reference.
    #[serde(default)]
    pub contract: String,
    /// Time from the alert to the start of work, in minutes, for every severity no
    /// tier of `response` names.
    pub response_minutes: u32,
    /// Time from the alert to the start of work by severity: the tier with the highest
    /// `from_severity` at or below the incident's applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub response: Vec<ResponseTier>,
    /// When the response time runs: `24/7` unless the contract says business hours.
    #[serde(default)]
    pub coverage: Coverage,
    #[serde(default)]
    pub mode: RetainerMode,
    /// What the contract covers; unset: not stated (`warroom ready` asks for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<Area>>,
    /// How evidence reaches the provider (shared access, transfer, on site).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Days after the incident is closed by which its post-incident report is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_due_days: Option<u32>,
    /// Contact ids to call for what the contract does not cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub out_of_scope: Vec<String>,
}

/// A response time for incidents from a severity up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTier {
    pub from_severity: u8,
    pub within: Within,
}

/// A response time, written `1h`, `4h`, `30m`, `1d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Within(pub u32);

impl TryFrom<String> for Within {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        match text.parse::<super::clocks::Span>() {
            Ok(super::clocks::Span::Minutes(m)) if m > 0 => u32::try_from(m)
                .map(Within)
                .map_err(|_| format!("found `{text}`: too long for a response time")),
            _ => Err(format!(
                "found `{text}`: expected a response time such as 1h, 4h or 30m"
            )),
        }
    }
}

impl From<Within> for String {
    fn from(within: Within) -> String {
        super::clocks::Span::Minutes(i64::from(within.0)).to_string()
    }
}

/// How the provider works with the organisation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetainerMode {
    /// Called when needed: the response time runs from the alert.
    #[default]
    OnDemand,
    /// Watches and responds continuously (a managed service).
    Managed,
}

impl Retainer {
    /// The response time for an incident of `severity`, in minutes.
    pub fn response_for(&self, severity: Severity) -> u32 {
        let level = severity.level();
        self.response
            .iter()
            .filter(|tier| tier.from_severity <= level)
            .max_by_key(|tier| tier.from_severity)
            .map_or(self.response_minutes, |tier| tier.within.0)
    }

    /// The alert of this retainer for an incident of `severity`, with the terms that
    /// apply to it recorded.
    pub fn alert(&self, severity: Severity) -> Change {
        Change::RetainerAlerted {
            retainer: self.name.clone(),
            response_minutes: self.response_for(severity),
            coverage: self.coverage.clone(),
            report_due_days: self.report_due_days,
        }
    }

    /// The areas of an incident's `scope` this contract does not cover; none when the
    /// contract states no scope (nothing to hold against it).
    pub fn outside(&self, scope: &Scope) -> Vec<Area> {
        match &self.scope {
            None => Vec::new(),
            Some(covered) => Area::ALL
                .into_iter()
                .filter(|area| scope.takes_in(*area) && !covered.contains(area))
                .collect(),
        }
    }

    /// The retainer as a directory entry.
    pub fn contact(&self, role: String, availability: String) -> Contact {
        Contact {
            id: "retainer".into(),
            name: self.name.clone(),
            role,
            roles: vec!["retainer-csirt".into()],
            organisation: self.contract.clone(),
            kind: ContactKind::Retainer,
            phones: if self.hotline.is_empty() {
                vec![]
            } else {
                vec![self.hotline.clone()]
            },
            email: self.email.clone(),
            availability,
            contract: self.contract.clone(),
            response_minutes: Some(self.response_minutes),
            ..Contact::default()
        }
    }
}

#[cfg(test)]
#[path = "retainer_tests.rs"]
mod tests;
