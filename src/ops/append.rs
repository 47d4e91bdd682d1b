//! Appending changes to an incident: when they were made and when they happened, and
//! ids of new items and evidence checked against the stored journal.

use crate::domain::{Change, Event, IncidentId};
use crate::store::{NewEvent, Store, StoreError};
use chrono::{DateTime, Utc};

/// When a write is made (`now`), and when what it records happened, if the writer
/// said so (`--at`, `@13:05`): events keep both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub now: DateTime<Utc>,
    pub occurred: Option<DateTime<Utc>>,
}

impl When {
    pub fn new(now: DateTime<Utc>, occurred: Option<DateTime<Utc>>) -> Self {
        When { now, occurred }
    }
}

impl From<DateTime<Utc>> for When {
    fn from(now: DateTime<Utc>) -> Self {
        When {
            now,
            occurred: None,
        }
    }
}

pub fn append(
    store: &dyn Store,
    id: IncidentId,
    when: impl Into<When>,
    author: &str,
    changes: Vec<Change>,
) -> Result<Vec<Event>, StoreError> {
    let when = when.into();
    let batch = changes
        .into_iter()
        .map(|c| NewEvent::new(when.now, author, c).happened(when.occurred))
        .collect();
    append_events(store, id, batch)
}

/// Appends `batch`, giving a taken item id or evidence reference the next free one
/// against the stored journal (see below). The owner of a store runs this for writes
/// that other processes send it, so that their ids are checked against its journal.
pub fn append_events(
    store: &dyn Store,
    id: IncidentId,
    batch: Vec<NewEvent>,
) -> Result<Vec<Event>, StoreError> {
    store.append(id, &ready(store, id, batch)?)
}

/// `batch` as it will be appended: taken ids replaced by free ones (see below).
pub fn ready(
    store: &dyn Store,
    id: IncidentId,
    mut batch: Vec<NewEvent>,
) -> Result<Vec<NewEvent>, StoreError> {
    let signed: Vec<Option<Change>> = batch
        .iter()
        .map(|e| e.signature.as_ref().map(|_| e.change.clone()))
        .collect();
    with_free_ids(store, id, &mut batch)?;
    // A signature covers the change as its author wrote it: never renumbered here.
    if batch
        .iter()
        .zip(&signed)
        .any(|(e, before)| before.as_ref().is_some_and(|c| *c != e.change))
    {
        return Err(StoreError::Rejected {
            id,
            problem: crate::store::Problem::TakenMeanwhile,
        });
    }
    Ok(batch)
}

/// Whether `batch` names a new item or evidence: its id is checked against the
/// stored journal, so it is not grouped with another write to the same incident.
pub fn names_something(batch: &[NewEvent]) -> bool {
    batch.iter().any(|e| {
        matches!(
            e.change,
            Change::ItemAdded { .. }
                | Change::EvidenceRegistered { .. }
                | Change::AttackStepAdded { .. }
        )
    })
}

/// The dashboard picks the id of an added item (`add-N`) or the reference of new
/// evidence (`EN`) from the state on screen, which may not yet hold a write still in
/// flight (a slow hash, a command run meanwhile by another process). The fold ignores a
/// second item or evidence with a taken id, so such a change would be stored yet shown
/// nowhere: here, against the stored journal, a taken id is replaced by the next free one.
fn with_free_ids(
    store: &dyn Store,
    id: IncidentId,
    batch: &mut [NewEvent],
) -> Result<(), StoreError> {
    if !names_something(batch) {
        return Ok(());
    }
    let Ok(state) = crate::domain::fold(&store.events(id)?) else {
        // The append below refuses a journal that does not fold; let it say so.
        return Ok(());
    };
    let mut taken: Vec<String> = Vec::new();
    let free = |prefix: &str, taken: &[String], used: &dyn Fn(&str) -> bool| {
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|c| !used(c) && !taken.contains(c))
            .unwrap_or_default()
    };
    for new in batch.iter_mut() {
        match &mut new.change {
            Change::ItemAdded { item } => {
                let used = |c: &str| state.item(c).is_some();
                if used(&item.id) || taken.contains(&item.id) {
                    item.id = free("add-", &taken, &used);
                }
                taken.push(item.id.clone());
            }
            Change::EvidenceRegistered { evidence } => {
                let used = |c: &str| state.evidence_item(c).is_some();
                if used(&evidence.reference) || taken.contains(&evidence.reference) {
                    evidence.reference = free("E", &taken, &used);
                }
                taken.push(evidence.reference.clone());
            }
            Change::AttackStepAdded { step } => {
                let used = |c: &str| state.attack_timeline.is_used(c);
                if used(&step.id) || taken.contains(&step.id) {
                    step.id = free("S", &taken, &used);
                }
                taken.push(step.id.clone());
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::domain::{Hints, ItemSpec};
    use crate::store::{MemoryStore, Problem};

    fn added(id: &str) -> NewEvent {
        let item = ItemSpec {
            id: id.into(),
            phase: "identification".into(),
            text: "Call the insurer".into(),
            owner: None,
            hints: Hints::default(),
        };
        NewEvent::new(chrono::Utc::now(), "alex", Change::ItemAdded { item })
    }

    #[test]
    fn a_taken_id_is_renumbered_unless_the_write_is_signed() -> Result<(), StoreError> {
        let store = MemoryStore::new();
        let config = Config::embedded().map_err(|_| StoreError::Internal)?;
        let demo = crate::ops::open_demo(&store, &config, chrono::Utc::now())?;
        let id = crate::ops::declared_id(&demo).ok_or(StoreError::Internal)?;
        store.append(id, &[added("add-1")])?;
        // Unsigned (the screen's, before it signs): renumbered.
        let renumbered = ready(&store, id, vec![added("add-1")])?;
        assert!(matches!(&renumbered[0].change, Change::ItemAdded { item } if item.id == "add-2"));
        // Signed by its author: refused, never renumbered under the signature.
        let mut signed = added("add-1");
        signed.signature = Some("-----BEGIN SSH SIGNATURE-----".into());
        let refused = ready(&store, id, vec![signed]);
        assert!(matches!(
            refused,
            Err(StoreError::Rejected {
                problem: Problem::TakenMeanwhile,
                ..
            })
        ));
        Ok(())
    }
}
