//! The one-line header of an incident kept in the store's index, so the incident list
//! never has to read a journal. Updated event by event, like the full state.

use super::{Category, ChainHead, Change, Event, IncidentId, PhaseSpec, Severity, Tlp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentSummary {
    pub id: IncidentId,
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
    /// Name of the current phase.
    pub phase: String,
    /// The incident's phase model, so a phase change can be checked like the fold does.
    pub phases: Vec<PhaseSpec>,
    pub exercise: bool,
    pub declared_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed: bool,
    pub head: ChainHead,
}

impl IncidentSummary {
    /// The summary after the declaring event, or `None` if `event` declares nothing.
    pub fn declared(event: &Event, head: ChainHead) -> Option<Self> {
        let Change::Declared(d) = &event.change else {
            return None;
        };
        Some(IncidentSummary {
            id: d.id,
            title: d.title.clone(),
            severity: d.severity,
            category: d.category,
            tlp: d.tlp,
            phase: d.phases.first().map(|p| p.name.clone()).unwrap_or_default(),
            phases: d.phases.clone(),
            exercise: d.exercise,
            declared_at: event.occurred(),
            updated_at: event.at,
            closed: false,
            head,
        })
    }

    pub fn apply(&mut self, event: &Event, head: ChainHead) {
        match &event.change {
            Change::TitleChanged { title } => self.title = title.clone(),
            Change::SeverityChanged { severity } => self.severity = *severity,
            Change::CategoryChanged { category } => self.category = *category,
            Change::TlpChanged { tlp } => self.tlp = *tlp,
            Change::PhaseAdvanced { phase, .. } => {
                if let Some(p) = self.phases.iter().find(|p| &p.id == phase) {
                    self.phase = p.name.clone();
                }
            }
            Change::Closed { .. } => self.closed = true,
            _ => {}
        }
        self.updated_at = self.updated_at.max(event.at);
        self.head = head;
    }
}
