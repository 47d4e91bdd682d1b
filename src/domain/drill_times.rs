//! How fast a drill went, from its journal: from the briefing to the first entry the
//! team wrote (the incident taken in hand: a drill's incident exists from the start),
//! to the retainer's alert, to reaching the commander, to each notification sent (its
//! clock met), and the checklist items left open. Pure; the runner compares two.

use super::{Change, ClockState, Event, IncidentState};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// One drill's times, each from the briefing; `None` when it never happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DrillTimes {
    pub id: super::IncidentId,
    pub scenario: String,
    pub started: DateTime<Utc>,
    #[serde(serialize_with = "seconds")]
    pub to_declare: Option<TimeDelta>,
    #[serde(serialize_with = "seconds")]
    pub to_alert_retainer: Option<TimeDelta>,
    #[serde(serialize_with = "seconds")]
    pub to_reach_commander: Option<TimeDelta>,
    /// Each notification clock that applied, by id, and when it was met.
    pub notifications: Vec<Notification>,
    pub items_open: usize,
    pub items: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notification {
    pub clock: String,
    pub name: String,
    #[serde(serialize_with = "seconds")]
    pub sent_after: Option<TimeDelta>,
}

fn seconds<S: serde::Serializer>(t: &Option<TimeDelta>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&t.num_seconds()),
        None => s.serialize_none(),
    }
}

impl DrillTimes {
    /// The times of the drill `state` ran, from its journal `events`; `commanders` are
    /// the directory ids of whoever may command (a call reaching one of them, or the
    /// commander the incident names, counts). `None` when it is not a drill.
    pub fn of(state: &IncidentState, events: &[Event], commanders: &[String]) -> Option<Self> {
        let drill = state.drill.as_ref()?;
        let start = drill.started_at;
        let when = |e: &Event| e.occurred_at.unwrap_or(e.at);
        let after = |t: DateTime<Utc>| (t >= start).then(|| t - start);
        let script = events
            .iter()
            .position(|e| matches!(e.change, Change::DrillStarted { .. }))?;
        let to_declare = events[script + 1..]
            .iter()
            .filter(|e| !matches!(e.change, Change::InjectDelivered { .. }))
            .filter_map(|e| after(when(e)))
            .min();
        let commander = state.commander.as_deref().map(str::to_lowercase);
        let to_reach_commander = state
            .contact_attempts
            .iter()
            .filter(|a| a.outcome == super::ContactOutcome::Reached)
            .filter(|a| {
                a.contact_id
                    .as_ref()
                    .is_some_and(|id| commanders.contains(id))
                    || commander.as_deref() == Some(a.contact.to_lowercase().as_str())
            })
            .filter_map(|a| after(a.at))
            .min();
        let notifications = state
            .clocks()
            .0
            .iter()
            .filter(|c| !c.id.starts_with("retainer-"))
            .filter(|c| !matches!(c.state, ClockState::NotApplicable))
            .filter(|c| c.state.deadline().is_some() || matches!(c.state, ClockState::Met { .. }))
            .map(|c| Notification {
                clock: c.id.clone(),
                name: c.name.clone(),
                sent_after: match &c.state {
                    ClockState::Met { at, .. } => after(*at),
                    _ => None,
                },
            })
            .collect();
        Some(DrillTimes {
            id: state.id,
            scenario: drill.scenario.clone(),
            started: start,
            to_declare,
            to_alert_retainer: state.retainer_alert.as_ref().and_then(|a| after(a.at)),
            to_reach_commander,
            notifications,
            items_open: state.checklist.iter().filter(|i| i.is_open()).count(),
            items: state.checklist.len(),
        })
    }
}
