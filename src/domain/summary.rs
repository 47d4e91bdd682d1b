//! The one-line header of an incident kept in the store's index, so the incident list
//! never has to read a journal. Updated event by event, like the full state.

use super::{Amendment, Category, ChainHead, Change, Event, IncidentId, PhaseSpec, Severity, Tlp};
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
    /// The values declared, and the events that changed them since (amendments, phase
    /// moves, closing and reopening, and the retractions of those), so that a retraction
    /// is undone here by the same rule as in the fold, without reading the journal.
    pub declared_as: Declared,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
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
            declared_as: Declared {
                title: d.title.clone(),
                severity: d.severity,
                category: d.category,
                tlp: d.tlp,
            },
            history: Vec::new(),
        })
    }

    pub fn apply(&mut self, event: &Event, head: ChainHead) {
        if self.matters(&event.change) {
            self.history.push(event.clone());
            self.recompute();
        }
        self.updated_at = self.updated_at.max(event.at);
        self.head = head;
    }

    /// Whether the event changes what the summary shows, or undoes something that did.
    fn matters(&self, change: &Change) -> bool {
        match change {
            Change::Amended { amendment, .. } => matches!(
                amendment,
                Amendment::Title(_)
                    | Amendment::Severity(_)
                    | Amendment::Category(_)
                    | Amendment::Tlp(_)
            ),
            Change::PhaseAdvanced { .. } | Change::Closed { .. } | Change::Reopened { .. } => true,
            Change::Retracted { event, .. } => self.history.iter().any(|e| e.id == *event),
            _ => false,
        }
    }

    /// The shown values: the declared ones, then every change still in force.
    fn recompute(&mut self) {
        let d = &self.declared_as;
        self.title = d.title.clone();
        self.severity = d.severity;
        self.category = d.category;
        self.tlp = d.tlp;
        self.phase = self
            .phases
            .first()
            .map(|p| p.name.clone())
            .unwrap_or_default();
        self.closed = false;
        let withdrawn = super::withdrawn(&self.history);
        for event in self.history.iter().filter(|e| !withdrawn.contains(&e.id)) {
            match &event.change {
                Change::Amended { amendment, .. } => match amendment {
                    Amendment::Title(title) => self.title = title.clone(),
                    Amendment::Severity(severity) => self.severity = *severity,
                    Amendment::Category(category) => self.category = *category,
                    Amendment::Tlp(tlp) => self.tlp = *tlp,
                    _ => {}
                },
                Change::PhaseAdvanced { phase, .. } => {
                    if let Some(p) = self.phases.iter().find(|p| &p.id == phase) {
                        self.phase = p.name.clone();
                    }
                }
                Change::Closed { .. } => self.closed = true,
                Change::Reopened { .. } => self.closed = false,
                _ => {}
            }
        }
    }
}
