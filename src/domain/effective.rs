//! Which events count, and when they happened. The journal keeps everything; the fold
//! reads it through these rules so that a retracted event has no effect at all and a
//! correction that says when something really happened re-dates it.

use super::{Change, Event};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// The ids of the events withdrawn by a retraction that is itself in force. A
/// retraction can be retracted (the event counts again); the declaration cannot.
pub fn withdrawn(events: &[Event]) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    // A retraction always names an earlier event, so walking back from the end settles
    // whether each retraction is in force before reaching what it names.
    for event in events.iter().rev() {
        if let Change::Retracted { event: target, .. } = &event.change
            && retractable(*target, event.id)
            && events
                .iter()
                .find(|e| e.id == *target)
                .is_some_and(|e| may_be_retracted(&e.change))
            && !out.contains(&event.id)
        {
            out.insert(*target);
        }
    }
    out
}

/// Whether a retraction may withdraw an event that made this change: not the
/// declaration, and not a roster change — a member is revoked, never retracted, so
/// which keys could sign when is never changed after the fact.
pub fn may_be_retracted(change: &Change) -> bool {
    !matches!(change, Change::Declared(_)) && !change.changes_roster()
}

/// A retraction or correction may name any earlier event but the declaration.
pub fn retractable(target: u64, by: u64) -> bool {
    target > 1 && target < by
}

/// Event id → when it really happened, from the latest correction in force that says so.
pub fn redated(events: &[Event], withdrawn: &BTreeSet<u64>) -> BTreeMap<u64, DateTime<Utc>> {
    let mut out = BTreeMap::new();
    for event in events {
        if let Change::Corrected {
            event: target,
            occurred_at: Some(at),
            ..
        } = &event.change
            && retractable(*target, event.id)
            && !withdrawn.contains(&event.id)
        {
            out.insert(*target, *at);
        }
    }
    out
}

/// The events as they count: withdrawn ones left out, re-dated ones with their time.
pub fn effective(events: &[Event]) -> Vec<Event> {
    let withdrawn = withdrawn(events);
    let redated = redated(events, &withdrawn);
    events
        .iter()
        .filter(|e| !withdrawn.contains(&e.id))
        .map(|e| match redated.get(&e.id) {
            Some(at) => e.redated(*at),
            None => e.clone(),
        })
        .collect()
}

impl Event {
    /// The same event, said to have happened at `at`. A flag carries its own instant,
    /// which is what the clocks read.
    pub fn redated(&self, at: DateTime<Utc>) -> Event {
        let mut event = self.clone();
        event.occurred_at = Some(at);
        if let Change::FlagSet { at: stated, .. } = &mut event.change {
            *stated = Some(at);
        }
        event
    }
}

impl Change {
    /// Whether recording this changes the effect of events before it: a live state
    /// must then be folded again from the whole journal.
    pub fn rewrites_history(&self) -> bool {
        matches!(
            self,
            Change::Retracted { .. }
                | Change::Corrected {
                    occurred_at: Some(_),
                    ..
                }
        )
    }
}
