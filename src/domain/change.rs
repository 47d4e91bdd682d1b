//! Every kind of change an incident's journal can record. Events are never edited: a
//! correction is itself a change that names the event it corrects.

use super::{Category, IncidentId, Severity, Tlp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    Declared(Declaration),
    TitleChanged {
        title: String,
    },
    SeverityChanged {
        severity: Severity,
    },
    CategoryChanged {
        category: Category,
    },
    TlpChanged {
        tlp: Tlp,
    },
    CommanderChanged {
        commander: String,
    },
    ScopeChanged {
        scope: Scope,
    },
    SummaryChanged {
        summary: String,
    },
    DetectedAtChanged {
        detected_at: DateTime<Utc>,
    },
    PhaseAdvanced {
        phase: String,
        name: String,
    },
    ItemAdded {
        item: ItemSpec,
    },
    ItemChecked {
        item: String,
    },
    ItemUnchecked {
        item: String,
    },
    NoteAdded {
        text: String,
    },
    RetainerAlerted {
        retainer: String,
        response_minutes: u32,
    },
    ContactAttempted {
        contact: String,
        outcome: ContactOutcome,
        note: String,
    },
    EvidenceRegistered {
        evidence: EvidenceSpec,
    },
    ClockStarted {
        clock: String,
        name: String,
        deadline: DateTime<Utc>,
    },
    ClockMet {
        clock: String,
        reference: String,
    },
    ReportFieldWritten {
        field: String,
        text: String,
    },
    Corrected {
        event: u64,
        text: String,
    },
    Closed {
        reason: String,
    },
}

/// Everything known when an incident is declared, including the phase model and the
/// checklist copied from the configuration, so that a later change of the config or of
/// a shipped playbook never changes an incident already running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub id: IncidentId,
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
    pub detected_at: Option<DateTime<Utc>>,
    pub commander: Option<String>,
    pub scope: Scope,
    pub summary: String,
    pub exercise: bool,
    pub phases: Vec<PhaseSpec>,
    pub checklist: Vec<ItemSpec>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scope {
    pub network: bool,
    pub cloud: bool,
    pub endpoints: bool,
    pub personal_data: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    pub id: String,
    /// Id of the phase the item belongs to.
    pub phase: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactOutcome {
    Reached,
    NoAnswer,
    Message,
    Email,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSpec {
    pub reference: String,
    pub description: String,
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}
