//! The current state of an incident: a pure fold over its journal.

use super::{
    Category, Change, ContactOutcome, Declaration, Event, EvidenceSpec, IncidentId, ItemSpec,
    PhaseSpec, Scope, Severity, Tlp,
};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentState {
    pub id: IncidentId,
    pub title: String,
    pub severity: Severity,
    pub category: Category,
    pub tlp: Tlp,
    pub detected_at: Option<DateTime<Utc>>,
    pub declared_at: DateTime<Utc>,
    pub declared_by: String,
    pub commander: Option<String>,
    pub scope: Scope,
    pub summary: String,
    pub exercise: bool,
    pub phases: Vec<PhaseSpec>,
    pub current_phase: usize,
    pub checklist: Vec<ChecklistItem>,
    pub retainer_alert: Option<RetainerAlert>,
    pub contact_attempts: Vec<ContactAttempt>,
    pub evidence: Vec<EvidenceSpec>,
    pub clocks: Vec<ClockRecord>,
    pub report: BTreeMap<String, String>,
    /// Event id → ids of the events that correct it.
    pub corrections: BTreeMap<u64, Vec<u64>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub event_count: u64,
    pub last_event_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub phase: String,
    pub text: String,
    pub owner: Option<String>,
    pub done: Option<Done>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetainerAlert {
    pub at: DateTime<Utc>,
    pub by: String,
    pub retainer: String,
    pub response_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactAttempt {
    pub at: DateTime<Utc>,
    pub by: String,
    pub contact: String,
    pub outcome: ContactOutcome,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockRecord {
    pub id: String,
    pub name: String,
    pub deadline: DateTime<Utc>,
    pub met: Option<(DateTime<Utc>, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FoldError {
    #[error("the journal is empty")]
    Empty,
    #[error("event {0} should declare the incident but records something else")]
    NotDeclaredFirst(u64),
    #[error("event {0} declares the incident a second time")]
    DeclaredTwice(u64),
}

impl ChecklistItem {
    fn from_spec(spec: &ItemSpec) -> Self {
        ChecklistItem {
            id: spec.id.clone(),
            phase: spec.phase.clone(),
            text: spec.text.clone(),
            owner: spec.owner.clone(),
            done: None,
        }
    }
}

/// Replays a journal into the incident's current state. Deterministic: the same events
/// always give the same state. Changes that refer to something unknown (an item id that
/// does not exist) are kept in the journal but change nothing.
pub fn fold(events: &[Event]) -> Result<IncidentState, FoldError> {
    let (first, rest) = events.split_first().ok_or(FoldError::Empty)?;
    let mut state = IncidentState::declared(first)?;
    for event in rest {
        state.apply(event)?;
    }
    Ok(state)
}

impl IncidentState {
    /// The state right after the declaring event.
    pub fn declared(event: &Event) -> Result<Self, FoldError> {
        let Change::Declared(d) = &event.change else {
            return Err(FoldError::NotDeclaredFirst(event.id));
        };
        let Declaration {
            id,
            title,
            severity,
            category,
            tlp,
            detected_at,
            commander,
            scope,
            summary,
            exercise,
            phases,
            checklist,
        } = d.clone();
        Ok(IncidentState {
            id,
            title,
            severity,
            category,
            tlp,
            detected_at,
            declared_at: event.at,
            declared_by: event.author.clone(),
            commander,
            scope,
            summary,
            exercise,
            phases,
            current_phase: 0,
            checklist: checklist.iter().map(ChecklistItem::from_spec).collect(),
            retainer_alert: None,
            contact_attempts: Vec::new(),
            evidence: Vec::new(),
            clocks: Vec::new(),
            report: BTreeMap::new(),
            corrections: BTreeMap::new(),
            closed_at: None,
            event_count: 1,
            last_event_at: event.at,
        })
    }

    /// Applies one more event. The same function the full fold uses, so a live screen
    /// that applies events as they are saved always equals a fresh fold.
    pub fn apply(&mut self, event: &Event) -> Result<(), FoldError> {
        let by = &event.author;
        match &event.change {
            Change::Declared(_) => return Err(FoldError::DeclaredTwice(event.id)),
            Change::TitleChanged { title } => self.title = title.clone(),
            Change::SeverityChanged { severity } => self.severity = *severity,
            Change::CategoryChanged { category } => self.category = *category,
            Change::TlpChanged { tlp } => self.tlp = *tlp,
            Change::CommanderChanged { commander } => self.commander = Some(commander.clone()),
            Change::ScopeChanged { scope } => self.scope = *scope,
            Change::SummaryChanged { summary } => self.summary = summary.clone(),
            Change::DetectedAtChanged { detected_at } => self.detected_at = Some(*detected_at),
            Change::PhaseAdvanced { phase, .. } => {
                if let Some(index) = self.phases.iter().position(|p| &p.id == phase) {
                    self.current_phase = index;
                }
            }
            Change::ItemAdded { item } => {
                if self.item(&item.id).is_none() {
                    self.checklist.push(ChecklistItem::from_spec(item));
                }
            }
            Change::ItemChecked { item } => {
                if let Some(entry) = self.checklist.iter_mut().find(|i| &i.id == item) {
                    entry.done = Some(Done {
                        by: by.clone(),
                        at: event.at,
                    });
                }
            }
            Change::ItemUnchecked { item } => {
                if let Some(entry) = self.checklist.iter_mut().find(|i| &i.id == item) {
                    entry.done = None;
                }
            }
            Change::NoteAdded { .. } => {}
            Change::RetainerAlerted {
                retainer,
                response_minutes,
            } => {
                // The contractual clock runs from the first alert; later alerts are reminders.
                if self.retainer_alert.is_none() {
                    self.retainer_alert = Some(RetainerAlert {
                        at: event.at,
                        by: by.clone(),
                        retainer: retainer.clone(),
                        response_minutes: *response_minutes,
                    });
                }
            }
            Change::ContactAttempted {
                contact,
                outcome,
                note,
            } => self.contact_attempts.push(ContactAttempt {
                at: event.at,
                by: by.clone(),
                contact: contact.clone(),
                outcome: *outcome,
                note: note.clone(),
            }),
            Change::EvidenceRegistered { evidence } => self.evidence.push(evidence.clone()),
            Change::ClockStarted {
                clock,
                name,
                deadline,
            } => {
                self.clocks.retain(|c| &c.id != clock);
                self.clocks.push(ClockRecord {
                    id: clock.clone(),
                    name: name.clone(),
                    deadline: *deadline,
                    met: None,
                });
            }
            Change::ClockMet { clock, reference } => {
                if let Some(c) = self.clocks.iter_mut().find(|c| &c.id == clock) {
                    c.met = Some((event.at, reference.clone()));
                }
            }
            Change::ReportFieldWritten { field, text } => {
                self.report.insert(field.clone(), text.clone());
            }
            Change::Corrected { event: target, .. } => {
                self.corrections.entry(*target).or_default().push(event.id);
            }
            Change::Closed { .. } => self.closed_at = Some(event.at),
        }
        self.event_count += 1;
        self.last_event_at = event.at;
        Ok(())
    }

    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|i| i.id == id)
    }

    pub fn phase(&self) -> Option<&PhaseSpec> {
        self.phases.get(self.current_phase)
    }

    /// Items of the phase at `index`, in checklist order.
    pub fn items_of_phase(&self, index: usize) -> impl Iterator<Item = &ChecklistItem> {
        let phase = self.phases.get(index).map(|p| p.id.as_str());
        self.checklist
            .iter()
            .filter(move |i| Some(i.phase.as_str()) == phase)
    }

    /// (done, total) for the phase at `index`.
    pub fn progress(&self, index: usize) -> (usize, usize) {
        self.items_of_phase(index).fold((0, 0), |(done, total), i| {
            (done + usize::from(i.done.is_some()), total + 1)
        })
    }
}
