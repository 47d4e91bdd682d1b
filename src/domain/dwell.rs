//! Dwell time: how long the attacker was in before anyone noticed, and how long it took
//! to contain them. Three instants — the attacker's first step in the attack timeline,
//! detection, containment — and the spans between them. Pure: read from the state.

use super::IncidentState;
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dwell {
    /// The earliest step of the attack timeline.
    pub first_activity: Option<DateTime<Utc>>,
    /// When the incident was detected: the fact as amended, else its declaration.
    pub detected: DateTime<Utc>,
    /// True when no detection time was recorded and the declaration stands for it.
    pub detected_is_declared: bool,
    pub contained: Option<DateTime<Utc>>,
    /// First activity → detection; none when the first step came after detection.
    #[serde(serialize_with = "seconds")]
    pub dwell: Option<TimeDelta>,
    /// Detection → containment.
    #[serde(serialize_with = "seconds")]
    pub to_containment: Option<TimeDelta>,
    /// First activity → containment: how long the attacker had.
    #[serde(serialize_with = "seconds")]
    pub exposure: Option<TimeDelta>,
}

/// Spans as whole seconds, for machines.
fn seconds<S: serde::Serializer>(span: &Option<TimeDelta>, s: S) -> Result<S::Ok, S::Error> {
    match span {
        Some(span) => s.serialize_some(&span.num_seconds()),
        None => s.serialize_none(),
    }
}

/// The dwell figures of `state`.
pub fn dwell(state: &IncidentState) -> Dwell {
    let first_activity = state.attack_timeline.first_activity();
    let detected = state.detected_at.unwrap_or(state.declared_at);
    let contained = containment(state);
    let span = |from: Option<DateTime<Utc>>, to: Option<DateTime<Utc>>| {
        from.zip(to)
            .map(|(from, to)| to - from)
            .filter(|d| *d >= TimeDelta::zero())
    };
    Dwell {
        first_activity,
        detected,
        detected_is_declared: state.detected_at.is_none(),
        contained,
        dwell: span(first_activity, Some(detected)),
        to_containment: span(Some(detected), contained),
        exposure: span(first_activity, contained),
    }
}

/// When the attacker was contained: the earliest of two facts. One is the phase
/// model: the first time the incident entered a phase after the last one that covers
/// the `contain` stage (PICERL: Eradication; NIST 800-61r3: Recover; a phase whose id
/// says `contain` in incidents declared before phases carried stages) — entering the
/// containment phase itself is when containment starts, not when it is reached. The
/// other is the assets: the first time any asset was marked contained, cleaned or
/// restored (isolating the one compromised host often comes hours before the team
/// moves the phase on). The report's "Contained" milestone and the DORA draft use this
/// too, so that no two places disagree.
pub fn containment(state: &IncidentState) -> Option<DateTime<Utc>> {
    [state.contained_at(), state.assets.first_contained()]
        .into_iter()
        .flatten()
        .min()
}
