//! Operations on the store shared by the command line and the dashboard, so that every
//! dashboard action and its CLI twin write exactly the same events.

use crate::app::{Effect, Msg, NewIncident};
use crate::config::Config;
use crate::domain::{Change, Declaration, Event, IncidentId, Scope, demo};
use crate::store::{NewEvent, Store, StoreError};
use chrono::{DateTime, Datelike, Utc};

fn year(now: DateTime<Utc>) -> u16 {
    u16::try_from(now.year()).unwrap_or(0)
}

/// Declares an incident with the config's phase model and checklist; returns its journal.
pub fn declare(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
    author: &str,
    new: &NewIncident,
) -> Result<Vec<Event>, StoreError> {
    let id = store.next_id(new.exercise, year(now))?;
    let declaration = Declaration {
        id,
        title: new.title.clone(),
        severity: new.severity,
        category: new.category,
        tlp: new.tlp,
        detected_at: None,
        commander: None,
        scope: Scope::default(),
        summary: String::new(),
        exercise: new.exercise,
        phases: config.phase_model.phase_specs(),
        checklist: config.phase_model.checklist(),
    };
    store.append(
        id,
        &[NewEvent::new(now, author, Change::Declared(declaration))],
    )
}

/// Creates the demo incident (an exercise with some history) in one durable write.
pub fn open_demo(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, StoreError> {
    let id = store.next_id(true, year(now))?;
    let phases = config.phase_model.phase_specs();
    let checklist = config.phase_model.checklist();
    let inputs = demo::DemoInputs {
        phases: &phases,
        checklist: &checklist,
        retainer: &config.retainer.name,
        retainer_minutes: config.retainer.response_minutes,
    };
    let batch: Vec<NewEvent> = demo::script(now, id, &inputs)
        .into_iter()
        .map(|(at, author, change)| NewEvent::new(at, author, change))
        .collect();
    store.append(id, &batch)
}

pub fn append(
    store: &dyn Store,
    id: IncidentId,
    now: DateTime<Utc>,
    author: &str,
    changes: Vec<Change>,
) -> Result<Vec<Event>, StoreError> {
    let batch: Vec<NewEvent> = changes
        .into_iter()
        .map(|c| NewEvent::new(now, author, c))
        .collect();
    store.append(id, &batch)
}

/// Carries out one effect of the app and says how it went, as the app's next message.
pub fn execute(
    store: &dyn Store,
    config: &Config,
    effect: Effect,
    now: DateTime<Utc>,
    author: &str,
) -> Msg {
    let written = match effect {
        Effect::Load(id) => {
            return match store.events(id) {
                Ok(events) => Msg::Loaded { id, events },
                Err(e) => Msg::LoadFailed(e.to_string()),
            };
        }
        Effect::Append { id, changes } => {
            append(store, id, now, author, changes).map(|e| (Some(id), e))
        }
        Effect::Declare(new) => {
            declare(store, config, now, author, &new).map(|e| (declared_id(&e), e))
        }
        Effect::OpenDemo => open_demo(store, config, now).map(|e| (declared_id(&e), e)),
    };
    match written.and_then(|(id, events)| Ok((id, events, store.list()?))) {
        Ok((Some(id), events, incidents)) => Msg::Saved {
            id,
            events,
            incidents,
        },
        Ok((None, _, _)) => Msg::Failed("the store returned no declaration".into()),
        Err(e) => Msg::Failed(e.to_string()),
    }
}

fn declared_id(events: &[Event]) -> Option<IncidentId> {
    match events.first().map(|e| &e.change) {
        Some(Change::Declared(d)) => Some(d.id),
        _ => None,
    }
}
