//! What can be changed about an incident after it was declared, and how it ends: each
//! is an event with a reason, so the journal says who changed what, when and why.

use super::{Category, IncidentId, Scope, Severity, Tlp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One fact of the incident set anew. `None` clears an optional one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "kebab-case")]
pub enum Amendment {
    Title(String),
    Severity(Severity),
    Category(Category),
    Tlp(Tlp),
    Commander(Option<String>),
    Scope(Scope),
    Summary(String),
    DetectedAt(Option<DateTime<Utc>>),
    /// Whether NIS2 applies to this incident (the organisation is an essential or
    /// important entity for the service hit).
    Nis2(bool),
    /// Whether DORA applies to this incident (a financial entity).
    Dora(bool),
}

/// The names of the facts, as typed on the command line and shown in the form, and as
/// a playbook step names the facts it sets (`sets: [severity, tlp]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Title,
    Severity,
    Category,
    Tlp,
    Commander,
    Scope,
    Summary,
    DetectedAt,
    Nis2,
    Dora,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Title,
        Field::Severity,
        Field::Category,
        Field::Tlp,
        Field::Commander,
        Field::Scope,
        Field::Summary,
        Field::DetectedAt,
        Field::Nis2,
        Field::Dora,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Severity => "severity",
            Field::Category => "category",
            Field::Tlp => "tlp",
            Field::Commander => "commander",
            Field::Scope => "scope",
            Field::Summary => "summary",
            Field::DetectedAt => "detected-at",
            Field::Nis2 => "nis2",
            Field::Dora => "dora",
        }
    }
}

crate::closed_list_by_slug!(Field => "field");

impl Amendment {
    pub fn field(&self) -> Field {
        match self {
            Amendment::Title(_) => Field::Title,
            Amendment::Severity(_) => Field::Severity,
            Amendment::Category(_) => Field::Category,
            Amendment::Tlp(_) => Field::Tlp,
            Amendment::Commander(_) => Field::Commander,
            Amendment::Scope(_) => Field::Scope,
            Amendment::Summary(_) => Field::Summary,
            Amendment::DetectedAt(_) => Field::DetectedAt,
            Amendment::Nis2(_) => Field::Nis2,
            Amendment::Dora(_) => Field::Dora,
        }
    }
}

/// How an incident ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Resolution {
    /// Handled: contained, eradicated, recovered.
    Resolved,
    /// Nothing happened after all.
    FalsePositive,
    /// The same incident as another one, handled there.
    Duplicate { of: IncidentId },
    /// Handed to someone else to handle (a provider, the group CSIRT, the police).
    Transferred { to: String },
}

impl Resolution {
    /// The kinds, as typed on the command line.
    pub const KINDS: [&'static str; 4] = ["resolved", "false-positive", "duplicate", "transferred"];

    pub fn slug(&self) -> &'static str {
        match self {
            Resolution::Resolved => "resolved",
            Resolution::FalsePositive => "false-positive",
            Resolution::Duplicate { .. } => "duplicate",
            Resolution::Transferred { .. } => "transferred",
        }
    }
}
