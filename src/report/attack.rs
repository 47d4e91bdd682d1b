//! What the attacker did, in the report: the attack timeline in the order it happened,
//! tactics and techniques with their names in the report's language, and dwell time.
//! Kept apart from the response journal ("What we did"), which `build` makes.

use crate::domain::IncidentState;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AttackStepReport {
    pub id: String,
    /// When the attacker did it.
    pub at: DateTime<Utc>,
    pub description: String,
    /// The tactic's id, and its name when warroom knows it.
    pub tactic: Option<String>,
    pub tactic_name: Option<String>,
    pub technique: Option<String>,
    pub technique_name: Option<String>,
    /// Observables (`O3`) and affected assets (`A2`) it is linked to.
    pub observables: Vec<String>,
    pub assets: Vec<String>,
    /// How it is known.
    pub source: String,
}

/// The steps of `state`'s attack timeline, in the order they happened.
pub fn attack_timeline(state: &IncidentState) -> Vec<AttackStepReport> {
    state
        .attack_timeline
        .sorted()
        .into_iter()
        .map(|step| {
            let s = &step.spec;
            AttackStepReport {
                id: s.id.clone(),
                at: s.at,
                description: s.description.clone(),
                tactic: s.tactic.clone(),
                tactic_name: s
                    .tactic
                    .as_deref()
                    .and_then(crate::text::attack_tactic_name),
                technique: s.technique.clone(),
                technique_name: s
                    .technique
                    .as_deref()
                    .and_then(crate::text::attack_technique_name),
                observables: s.observables.clone(),
                assets: s.assets.clone(),
                source: s.source.clone(),
            }
        })
        .collect()
}
