//! The rules that turn what an operator means into the change to record, or say why
//! nothing is recorded. One place for the dashboard and the command line alike, so both
//! faces record the same thing for the same intent.

use super::{
    Amendment, Change, ChecklistItem, ClockState, Field, Flag, IncidentState, Resolution,
    RetainerReview, Trigger, Verdict,
};

/// Why an intent records nothing. Each says what to do instead (see `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The fact already has this value.
    Unchanged(Amendment),
    AlreadyClosed,
    NotClosed,
    /// These clocks still run: meet or waive them first, or leave them open on purpose.
    ClocksRunning(Vec<String>),
    /// An incident cannot be a duplicate of itself.
    DuplicateOfItself,
    /// A resolution that needs a detail (to whom it was transferred) got none.
    MissingDetail,
    /// A review of a retainer that was never alerted on the incident.
    RetainerNotAlerted,
}

impl IncidentState {
    /// The current value of a fact, as an amendment that would set it.
    pub fn current(&self, field: Field) -> Amendment {
        match field {
            Field::Title => Amendment::Title(self.title.clone()),
            Field::Severity => Amendment::Severity(self.severity),
            Field::Category => Amendment::Category(self.category),
            Field::Tlp => Amendment::Tlp(self.tlp),
            Field::Commander => Amendment::Commander(self.commander.clone()),
            Field::Scope => Amendment::Scope(self.scope),
            Field::Summary => Amendment::Summary(self.summary.clone()),
            Field::DetectedAt => Amendment::DetectedAt(self.detected_at),
            Field::Nis2 => Amendment::Nis2(self.clock_facts.entity.nis2),
            Field::Dora => Amendment::Dora(self.clock_facts.entity.dora),
        }
    }

    /// Clocks running or overdue: what closing would leave behind.
    pub fn running_clocks(&self) -> Vec<String> {
        self.clocks()
            .0
            .into_iter()
            .filter(|c| matches!(c.state, ClockState::Running { .. }))
            .map(|c| c.id)
            .collect()
    }
}

/// Sets a fact anew, unless it already has that value.
pub fn amend(state: &IncidentState, amendment: Amendment, reason: &str) -> Result<Change, Refusal> {
    if state.current(amendment.field()) == amendment {
        return Err(Refusal::Unchanged(amendment));
    }
    Ok(Change::Amended {
        amendment,
        reason: reason.trim().to_string(),
    })
}

/// Ends the incident. Clocks still running must be met or waived first, unless the
/// operator leaves them running on purpose (`leave_open`): they are then named in the
/// closing event.
pub fn close(
    state: &IncidentState,
    resolution: Resolution,
    summary: &str,
    leave_open: bool,
) -> Result<Change, Refusal> {
    if state.closure.is_some() {
        return Err(Refusal::AlreadyClosed);
    }
    match &resolution {
        Resolution::Duplicate { of } if *of == state.id => {
            return Err(Refusal::DuplicateOfItself);
        }
        Resolution::Transferred { to } if to.trim().is_empty() => {
            return Err(Refusal::MissingDetail);
        }
        _ => {}
    }
    let running = state.running_clocks();
    if !running.is_empty() && !leave_open {
        return Err(Refusal::ClocksRunning(running));
    }
    Ok(Change::Closed {
        resolution,
        summary: summary.trim().to_string(),
        left_running: running,
    })
}

/// Opens a closed incident again.
pub fn reopen(state: &IncidentState, reason: &str) -> Result<Change, Refusal> {
    if state.closure.is_none() {
        return Err(Refusal::NotClosed);
    }
    Ok(Change::Reopened {
        reason: reason.trim().to_string(),
    })
}

/// What ticking `item` means for the clocks it is tied to: the clocks it starts that
/// still wait (by their flag, when a flag starts them), and the clocks it stops that are
/// still open (met, with `reference`). The dashboard asks before recording them; the
/// command line records them unless told not to, and says so.
pub fn step_clock_changes(
    state: &IncidentState,
    item: &ChecklistItem,
    reference: &str,
) -> Vec<Change> {
    let clocks = state.clocks();
    let mut changes = Vec::new();
    for id in &item.hints.starts {
        let Some(def) = state.clock_defs.iter().find(|d| &d.id == id) else {
            continue;
        };
        if clocks.get(id).map(|c| &c.state) != Some(&ClockState::Waiting) {
            continue;
        }
        let change = match &def.starts {
            Trigger::Flag(flag) => Change::FlagSet {
                flag: *flag,
                at: None,
            },
            _ => Change::ClockStarted { clock: id.clone() },
        };
        if !changes.contains(&change) {
            changes.push(change);
        }
    }
    for id in &item.hints.stops {
        let open = clocks
            .get(id)
            .is_some_and(|c| matches!(c.state, ClockState::Running { .. } | ClockState::Waiting));
        if open {
            changes.push(Change::ClockMet {
                clock: id.clone(),
                reference: reference.to_string(),
            });
        }
    }
    changes
}

/// What the incident must be marked covered by for `flag` to start its clocks: NIS2 for
/// a significant incident, DORA for a major one, when neither the config nor an earlier
/// amendment says so. Empty when the flag's clocks can start.
pub fn uncovered_by(state: &IncidentState, flag: Flag) -> Vec<Amendment> {
    [
        (Flag::Nis2Entity, Amendment::Nis2(true)),
        (Flag::DoraEntity, Amendment::Dora(true)),
    ]
    .into_iter()
    .filter(|(entity, _)| {
        !state.clock_facts.holds(*entity)
            && state
                .clock_defs
                .iter()
                .any(|d| d.starts == Trigger::Flag(flag) && d.applies.contains(entity))
    })
    .map(|(_, amendment)| amendment)
    .collect()
}

/// The review of the retainer's work on `state`: refused when it was never alerted.
pub fn review_retainer(state: &IncidentState, review: RetainerReview) -> Result<Change, Refusal> {
    let Some(alert) = &state.retainer_alert else {
        return Err(Refusal::RetainerNotAlerted);
    };
    Ok(Change::RetainerReviewed {
        retainer: alert.retainer.clone(),
        review,
    })
}

impl IncidentState {
    /// What the journal already says about the retainer's work: whether its response
    /// clock was met in time, whether its report arrived. The rest is for people to say.
    pub fn retainer_review_prefilled(&self) -> RetainerReview {
        let clocks = self.clocks();
        let met_in_time = |id: &str| match clocks.get(id).map(|c| &c.state) {
            Some(ClockState::Met {
                at,
                deadline: Some(deadline),
                ..
            }) => Verdict::from_bool(at <= deadline),
            Some(ClockState::Met { .. }) => Verdict::Yes,
            // Still running (or overdue) at closure: for people to say.
            _ => Verdict::Unknown,
        };
        let report = match clocks.get("retainer-report").map(|c| &c.state) {
            Some(ClockState::Met { .. }) => Verdict::Yes,
            _ => Verdict::Unknown,
        };
        RetainerReview {
            sla_met: met_in_time("retainer-sla"),
            report_received: report,
            ..RetainerReview::default()
        }
    }
}
