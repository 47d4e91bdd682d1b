//! From the journal's facts to each clock's state, and from a state and `now` to what
//! the screen shows. Nothing here stores a "time left".

use super::{ClockDef, EntityFlags, Flag, Span, Trigger};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the journal says that matters to clocks; the fold collects it. Only the first
/// instant of each fact counts, so a fact recorded twice never moves a deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClockFacts {
    pub entity: EntityFlags,
    /// Flag → the instant it took effect (for `personal-data`, the awareness instant).
    pub flags: BTreeMap<Flag, DateTime<Utc>>,
    /// First retainer alert and the contract's terms it carried.
    pub retainer: Option<RetainerTerms>,
    /// When the incident was closed (none while open, or since reopened).
    pub closed: Option<DateTime<Utc>>,
    /// The retainer alerted, shown as the counterparty of its clock.
    pub retainer_name: Option<String>,
    /// Clock id → instant it was started by hand.
    pub started: BTreeMap<String, DateTime<Utc>>,
    /// Clock id → instant it was met and the reference given.
    pub met: BTreeMap<String, (DateTime<Utc>, String)>,
    /// Clock id → instant it was waived and why.
    pub waived: BTreeMap<String, (DateTime<Utc>, String)>,
}

/// The retainer's terms as recorded with its first alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetainerTerms {
    pub at: DateTime<Utc>,
    /// The response time, in minutes of covered time.
    pub minutes: u32,
    pub coverage: crate::domain::Coverage,
    /// Days after closure by which the post-incident report is due.
    pub report_due_days: Option<u32>,
}

impl RetainerTerms {
    /// A response time counted around the clock, and no report due.
    pub fn around_the_clock(at: DateTime<Utc>, minutes: u32) -> Self {
        RetainerTerms {
            at,
            minutes,
            coverage: crate::domain::Coverage::default(),
            report_due_days: None,
        }
    }
}

impl ClockFacts {
    /// Records `value` under `key` unless one that happened earlier (by `at`) is
    /// there already: written down late, the first start, met or waiver still counts
    /// from when it happened.
    pub fn earliest<V>(
        map: &mut BTreeMap<String, V>,
        key: &str,
        value: V,
        at: impl Fn(&V) -> DateTime<Utc>,
    ) {
        match map.get(key) {
            Some(kept) if at(kept) <= at(&value) => {}
            _ => {
                map.insert(key.to_string(), value);
            }
        }
    }

    /// Whether the flag is true, by an event or (entity flags) by the declaration.
    pub fn holds(&self, flag: Flag) -> bool {
        match flag {
            Flag::Nis2Entity if self.entity.nis2 => true,
            Flag::DoraEntity if self.entity.dora => true,
            other => self.flags.contains_key(&other),
        }
    }
}

/// A clock's state: forward only (not applicable or waiting → running → met or waived).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ClockState {
    NotApplicable,
    Waiting,
    Running {
        start: DateTime<Utc>,
        deadline: DateTime<Utc>,
        warn_at: DateTime<Utc>,
    },
    Met {
        start: Option<DateTime<Utc>>,
        deadline: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
        reference: String,
    },
    Waived {
        deadline: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
        reason: String,
    },
}

/// One clock as shown: its definition and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockView {
    pub id: String,
    pub name: String,
    pub authority: String,
    pub state: ClockState,
    /// Counted in the retainer's business hours, not around the clock.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_business_hours: bool,
}

/// Every clock of an incident, computed from its definitions and facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clocks(pub Vec<ClockView>);

/// How pressing a clock is at an instant, most pressing first when sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Overdue; the larger the delay, the earlier in the list.
    Overdue(std::cmp::Reverse<TimeDelta>),
    DueSoon(TimeDelta),
    Running(TimeDelta),
    Waiting,
    Met,
    Waived,
    NotApplicable,
}

impl ClockState {
    /// Start and deadline, while or after it ran.
    pub fn deadline(&self) -> Option<DateTime<Utc>> {
        match self {
            ClockState::Running { deadline, .. } => Some(*deadline),
            ClockState::Met { deadline, .. } | ClockState::Waived { deadline, .. } => *deadline,
            ClockState::NotApplicable | ClockState::Waiting => None,
        }
    }

    pub fn urgency(&self, now: DateTime<Utc>) -> Urgency {
        match self {
            ClockState::Running {
                deadline, warn_at, ..
            } => {
                let left = *deadline - now;
                if left <= TimeDelta::zero() {
                    Urgency::Overdue(std::cmp::Reverse(-left))
                } else if now >= *warn_at {
                    Urgency::DueSoon(left)
                } else {
                    Urgency::Running(left)
                }
            }
            ClockState::Waiting => Urgency::Waiting,
            ClockState::Met { .. } => Urgency::Met,
            ClockState::Waived { .. } => Urgency::Waived,
            ClockState::NotApplicable => Urgency::NotApplicable,
        }
    }
}

impl ClockDef {
    /// The state of this clock given the facts. `declared` and `awareness` are the
    /// incident's declaration and awareness (detection, else declaration) instants.
    pub fn state(
        &self,
        facts: &ClockFacts,
        declared: DateTime<Utc>,
        awareness: DateTime<Utc>,
    ) -> ClockState {
        if !self.applies.iter().all(|f| facts.holds(*f)) {
            return ClockState::NotApplicable;
        }
        let triggered = match &self.starts {
            Trigger::Declared => Some(declared),
            Trigger::RetainerAlerted => facts.retainer.as_ref().map(|t| t.at),
            Trigger::Closed => facts.closed,
            Trigger::Flag(flag) => facts.flags.get(flag).copied(),
            Trigger::Met(other) => facts.met.get(other).map(|(at, _)| *at),
            Trigger::Manual => None,
        };
        let by_hand = facts.started.get(&self.id).copied();
        // Started by hand before its trigger: the earlier start gives the safer deadline.
        let start = match (triggered, by_hand) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // The retainer's report is due only from a retainer alerted under a contract
        // that sets when.
        let report_due = facts.retainer.as_ref().and_then(|t| t.report_due_days);
        if self.duration == Span::Report && report_due.is_none() {
            return ClockState::NotApplicable;
        }
        let contract = facts.retainer.as_ref();
        let deadline = start.map(|s| {
            let own = self.duration.after(s, contract);
            match &self.cap {
                Some(cap) => own.min(cap.after_awareness.after(awareness, contract)),
                None => own,
            }
        });
        let met = facts.met.get(&self.id);
        let waived = facts.waived.get(&self.id);
        match (met, waived) {
            (Some((at, reference)), w) if w.is_none_or(|(w_at, _)| at <= w_at) => ClockState::Met {
                start,
                deadline,
                at: *at,
                reference: reference.clone(),
            },
            (_, Some((at, reason))) => ClockState::Waived {
                deadline,
                at: *at,
                reason: reason.clone(),
            },
            _ => match (start, deadline) {
                (Some(start), Some(deadline)) => ClockState::Running {
                    start,
                    deadline,
                    warn_at: match facts.retainer.as_ref() {
                        Some(t) if self.duration == Span::Contract && self.cap.is_none() => {
                            self.warn.in_covered_time(start, t.minutes, &t.coverage)
                        }
                        _ => self.warn.from(start, deadline),
                    },
                },
                _ => ClockState::Waiting,
            },
        }
    }
}

impl Clocks {
    pub fn compute(
        defs: &[ClockDef],
        facts: &ClockFacts,
        declared: DateTime<Utc>,
        awareness: DateTime<Utc>,
    ) -> Self {
        Clocks(
            defs.iter()
                .map(|def| ClockView {
                    id: def.id.clone(),
                    name: def.name.clone(),
                    authority: match &facts.retainer_name {
                        Some(name) if def.owed_by_retainer() => name.clone(),
                        _ => def.authority.clone(),
                    },
                    in_business_hours: def.duration == Span::Contract
                        && facts
                            .retainer
                            .as_ref()
                            .is_some_and(|t| !t.coverage.around_the_clock()),
                    state: def.state(facts, declared, awareness),
                })
                .collect(),
        )
    }

    /// The clocks most pressing first; the order is stable for equal urgency.
    pub fn by_urgency(&self, now: DateTime<Utc>) -> Vec<&ClockView> {
        let mut sorted: Vec<&ClockView> = self.0.iter().collect();
        sorted.sort_by_key(|c| c.state.urgency(now));
        sorted
    }

    pub fn get(&self, id: &str) -> Option<&ClockView> {
        self.0.iter().find(|c| c.id == id)
    }

    /// The clocks `after` has running that were not running here, or now run to an
    /// earlier deadline (a flag backdated): what recording something set going.
    pub fn started_in<'a>(&self, after: &'a Clocks) -> impl Iterator<Item = &'a ClockView> {
        after.0.iter().filter(move |c| {
            let ClockState::Running { deadline, .. } = &c.state else {
                return false;
            };
            match self.get(&c.id).map(|b| &b.state) {
                Some(ClockState::Waiting | ClockState::NotApplicable) => true,
                Some(ClockState::Running { deadline: d0, .. }) => deadline < d0,
                _ => false,
            }
        })
    }

    /// The clocks `after` has met that were still open here.
    pub fn met_in<'a>(&self, after: &'a Clocks) -> impl Iterator<Item = &'a ClockView> {
        after.0.iter().filter(move |c| {
            matches!(c.state, ClockState::Met { .. })
                && matches!(
                    self.get(&c.id).map(|b| &b.state),
                    Some(ClockState::Waiting | ClockState::Running { .. })
                )
        })
    }
}
