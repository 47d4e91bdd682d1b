//! Which incident a dashboard opens first, and what opening the store found.

use crate::domain::{Event, IncidentId, IncidentSummary};
use crate::store::{Store, StoreError};

/// What a dashboard opens on: the index, the contacts, and the incident to show.
pub struct Opening {
    pub incidents: Vec<IncidentSummary>,
    pub directory: Vec<Event>,
    /// The journal of the incident asked for, else of the most recent one that reads.
    pub events: Option<Vec<Event>>,
    /// Incidents found damaged, with what was found.
    pub damaged: Vec<(IncidentId, String)>,
    /// What could not be read, to say on screen.
    pub problem: Option<String>,
}

/// Reads what a dashboard opens on. A damaged incident does not stop it: it is listed
/// as damaged and the next most recent one is opened; contacts that do not read are
/// said and left out. `wanted` must read (it was asked for by name).
pub fn opening(store: &dyn Store, wanted: Option<IncidentId>) -> Result<Opening, StoreError> {
    let incidents = store.list()?;
    let mut damaged = store.damaged()?;
    let mut problems = Vec::new();
    let directory = store.directory_events().unwrap_or_else(|e| {
        problems.push(crate::text::store_error(&e));
        Vec::new()
    });
    let events = match wanted {
        Some(id) => Some(store.events(id)?),
        None => {
            let mut opened = None;
            for summary in &incidents {
                if damaged.iter().any(|(id, _)| *id == summary.id) {
                    continue;
                }
                match store.events(summary.id) {
                    Ok(events) => {
                        opened = Some(events);
                        break;
                    }
                    Err(e) => {
                        let why = crate::text::store_error(&e);
                        damaged.push((summary.id, why.clone()));
                        problems.push(why);
                    }
                }
            }
            opened
        }
    };
    if let Some((id, why)) = damaged.first().filter(|_| problems.is_empty()) {
        problems.push(crate::text::damaged_incident(*id, why));
    }
    Ok(Opening {
        incidents,
        directory,
        events,
        damaged,
        problem: (!problems.is_empty()).then(|| problems.join("; ")),
    })
}
