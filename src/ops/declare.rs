//! Declaring an incident: what it is declared with (the plan: phases, checklist,
//! clocks), a free id for it, and the demo and drills, which declare one too.

use super::{When, append};
use crate::app::NewIncident;
use crate::config::Config;
use crate::domain::{
    Category, Change, ClockDef, Declaration, EntityFlags, Event, IncidentId, ItemSpec, Origin,
    PhaseSpec, demo,
};
use crate::store::{NewEvent, Store, StoreError};
use chrono::{DateTime, Datelike, Utc};

fn year(now: DateTime<Utc>) -> u16 {
    u16::try_from(now.year()).unwrap_or(0)
}

/// What an incident is declared with: the chosen phase model's phases, and the items of
/// the named playbook (or the one its category picks) placed in those phases.
pub struct Plan {
    pub clocks: Vec<ClockDef>,
    pub entity: EntityFlags,
    pub phases: Vec<PhaseSpec>,
    pub checklist: Vec<ItemSpec>,
    pub phase_model: Origin,
    pub playbook: Option<Origin>,
}

pub fn plan(config: &Config, playbook: Option<&str>, category: Category) -> Plan {
    let catalog = &config.catalog;
    let model = &catalog.model;
    let chosen = playbook
        .and_then(|id| catalog.playbook(id))
        .or_else(|| catalog.playbook_for(category));
    // A retainer clock with no counterparty named is owed to the configured retainer.
    let clocks = catalog
        .clocks
        .iter()
        .cloned()
        .map(|mut c| {
            if c.authority.trim().is_empty() && c.owed_by_retainer() {
                c.authority = config.retainer.name.clone();
            }
            c
        })
        .collect();
    Plan {
        clocks,
        entity: config.entity(),
        phases: model.phase_specs(),
        checklist: chosen.map(|p| p.checklist(model)).unwrap_or_default(),
        phase_model: Origin {
            id: model.id.clone(),
            name: model.name.clone(),
        },
        playbook: chosen.map(|p| Origin {
            id: p.id.clone(),
            name: p.name.clone(),
        }),
    }
}

/// Declares an incident with the config's phase model and the playbook's checklist;
/// returns its journal. A `founder` (the operator, when they have an identity) is put
/// on its roster in the same write, so the roster exists from the first event.
pub fn declare(
    store: &dyn Store,
    config: &Config,
    when: impl Into<When>,
    author: &str,
    new: &NewIncident,
    founder: Option<&crate::domain::Member>,
) -> Result<Vec<Event>, StoreError> {
    let when = when.into();
    let now = when.now;
    let plan = plan(config, new.playbook.as_deref(), new.category);
    with_new_id(store, new.exercise, when.occurred.unwrap_or(now), |id| {
        let declaration = Declaration {
            id,
            title: new.title.clone(),
            severity: new.severity,
            category: new.category,
            tlp: new.tlp,
            detected_at: None,
            commander: None,
            scope: new.scope,
            summary: String::new(),
            exercise: new.exercise,
            phases: plan.phases.clone(),
            checklist: plan.checklist.clone(),
            phase_model: Some(plan.phase_model.clone()),
            playbook: plan.playbook.clone(),
            clocks: plan.clocks.clone(),
            entity: plan.entity,
        };
        let mut batch =
            vec![NewEvent::new(now, author, Change::Declared(declaration)).happened(when.occurred)];
        if let Some(member) = founder {
            batch.push(NewEvent::new(
                now,
                author,
                Change::MemberAdded {
                    member: member.clone(),
                },
            ));
        }
        batch
    })
}

/// Appends the journal `make` writes for a new incident, under the next free id. Two
/// processes declaring at once through a dashboard can pick the same id: the second
/// is refused (`AlreadyExists`) and takes the next one.
fn with_new_id(
    store: &dyn Store,
    exercise: bool,
    now: DateTime<Utc>,
    make: impl Fn(IncidentId) -> Vec<NewEvent>,
) -> Result<Vec<Event>, StoreError> {
    const ATTEMPTS: usize = 20;
    let mut attempt = 0;
    loop {
        let id = store.next_id(exercise, year(now))?;
        match store.append(id, &make(id)) {
            Err(StoreError::AlreadyExists(_)) if attempt < ATTEMPTS => attempt += 1,
            other => return other,
        }
    }
}

/// Creates the demo incident (an exercise with some history) in one durable write.
pub fn open_demo(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    let plan = plan(config, None, demo::CATEGORY);
    let inputs = demo::DemoInputs {
        phases: &plan.phases,
        checklist: &plan.checklist,
        phase_model: Some(&plan.phase_model),
        playbook: plan.playbook.as_ref(),
        clocks: &plan.clocks,
        retainer: &config.retainer.name,
        retainer_minutes: config.retainer.response_minutes,
    };
    with_new_id(store, true, now, |id| {
        demo::script(now, id, &inputs)
            .into_iter()
            .map(|(at, author, change)| NewEvent::new(at, author, change))
            .collect()
    })
}

/// Starts a drill: an exercise incident declared from the scenario, then its script
/// (briefing and injects) recorded so that the dashboard delivers each inject at its
/// time. Returns the journal.
pub fn start_drill(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
    author: &str,
    scenario: &crate::domain::Scenario,
) -> Result<Vec<Event>, StoreError> {
    let new = NewIncident {
        title: scenario.title.clone(),
        severity: crate::domain::severity_of(scenario.severity)
            .unwrap_or(crate::domain::Severity::Medium),
        category: scenario.category,
        tlp: crate::domain::Tlp::default(),
        exercise: true,
        playbook: scenario.playbook.clone(),
        scope: Default::default(),
    };
    let mut events = declare(store, config, now, author, &new, None)?;
    let Some(id) = declared_id(&events) else {
        return Ok(events);
    };
    let script = Change::DrillStarted {
        scenario: scenario.id.clone(),
        briefing: scenario.briefing.clone(),
        injects: scenario.injects.clone(),
    };
    events.extend(append(store, id, now, author, vec![script])?);
    Ok(events)
}

pub fn declared_id(events: &[Event]) -> Option<IncidentId> {
    match events.first().map(|e| &e.change) {
        Some(Change::Declared(d)) => Some(d.id),
        _ => None,
    }
}
