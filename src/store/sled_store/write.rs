//! Appends: planned, checked for room, staged in their journals, each journal committed
//! (flushed and synced) once for every batch staged in it — one batch alone, or a group
//! the dashboard's writer took at once — and only then are the index entries set. A
//! batch succeeds or fails on its own; a journal whose commit fails fails every batch
//! staged in it, and its handle is left broken (see `SledStore::forget`).

use super::super::append::{NewEvent, plan};
use super::journal::JournalDb;
use super::{SledStore, space};
use crate::domain::{Event, IncidentId, IncidentSummary};
use crate::store::StoreError;
use std::sync::Arc;

/// Which handle a failed write broke.
#[derive(Debug, Clone, Copy)]
pub(super) enum Broken {
    Index,
    Contacts,
    Journal(IncidentId),
}

/// Whether a write failed in the engine or on the disk (not for a reason of its own,
/// like an id already taken): the handle it used is then broken.
fn failed_on_disk(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Engine { .. } | StoreError::Unreopenable { .. } | StoreError::Io { .. }
    )
}

/// One journal written to by a group: its handle, the summary after its last staged
/// batch, the batches staged in it, and whether staging in it failed.
struct Staged {
    id: IncidentId,
    journal: Arc<JournalDb>,
    summary: IncidentSummary,
    batches: Vec<usize>,
    broken: Option<StoreError>,
}

impl SledStore {
    /// `result`, having left `broken` abandoned when it failed on the disk.
    pub(super) fn on<T>(
        &self,
        broken: Broken,
        result: Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if let Err(e) = &result
            && failed_on_disk(e)
        {
            tracing::error!(?broken, error = %e, "a write failed on the disk");
            self.forget(broken);
        }
        result
    }

    /// Writes every batch (see the module's comment); the results in the same order.
    pub(super) fn write_all(
        &self,
        batches: &[(IncidentId, Vec<NewEvent>)],
    ) -> Vec<Result<Vec<Event>, StoreError>> {
        if let Err(e) = self.writable() {
            return batches.iter().map(|_| Err(e.clone())).collect();
        }
        let mut results: Vec<Result<Vec<Event>, StoreError>> = Vec::with_capacity(batches.len());
        let mut staged: Vec<Staged> = Vec::new();
        for (n, (id, batch)) in batches.iter().enumerate() {
            let result = self.stage_one(*id, batch, n, &mut staged);
            results.push(result);
        }
        for group in staged {
            let committed = match group.broken {
                Some(e) => Err(e),
                None => self
                    .on(Broken::Journal(group.id), group.journal.commit())
                    .and_then(|()| {
                        // On the disk: only now does the index say so.
                        let index = self.index()?;
                        self.on(Broken::Index, index.set_summary(group.id, &group.summary))
                    }),
            };
            if let Err(e) = committed {
                tracing::error!(id = %group.id, error = %e, "writes to this journal failed");
                for n in group.batches {
                    results[n] = Err(e.clone());
                }
            }
        }
        results
    }

    /// Plans batch `n` after what the group already staged in its journal (else after
    /// the index entry, which opening the journal checked), and stages it.
    fn stage_one(
        &self,
        id: IncidentId,
        batch: &[NewEvent],
        n: usize,
        staged: &mut Vec<Staged>,
    ) -> Result<Vec<Event>, StoreError> {
        let declares = matches!(
            batch.first().map(|e| &e.change),
            Some(crate::domain::Change::Declared(_))
        );
        let at = staged.iter().position(|s| s.id == id);
        if let Some(s) = at.and_then(|at| staged.get(at))
            && let Some(e) = &s.broken
        {
            return Err(e.clone());
        }
        if declares && at.is_none() {
            // Before its journal is created: a refused declaration leaves nothing.
            let size = batch
                .iter()
                .map(|e| serde_json::to_vec(&e.change).map_or(0, |v| v.len()))
                .sum();
            space::room_for(&self.dir, size)?;
        }
        let journal = match at.and_then(|at| staged.get(at)) {
            Some(s) => Arc::clone(&s.journal),
            None => self
                .journal(id, declares)?
                .ok_or(StoreError::UnknownIncident(id))?,
        };
        let index = self.index()?;
        let current = match at.and_then(|at| staged.get(at)) {
            Some(s) => Some(s.summary.clone()),
            None => index.summary(id)?,
        };
        let planned = plan(id, current, batch)?;
        space::room_for(&self.dir, planned.events.iter().map(|(_, r)| r.len()).sum())?;
        self.on(Broken::Index, self.mark(&index, id))?;
        let stored = self.on(
            Broken::Journal(id),
            journal.stage(planned.events.iter().map(|(e, r)| (e.id, r.as_slice()))),
        );
        let events = planned.events.into_iter().map(|(e, _)| e).collect();
        match (at, stored) {
            (Some(at), Ok(())) => {
                if let Some(s) = staged.get_mut(at) {
                    s.summary = planned.summary;
                    s.batches.push(n);
                }
                Ok(events)
            }
            (None, Ok(())) => {
                staged.push(Staged {
                    id,
                    journal,
                    summary: planned.summary,
                    batches: vec![n],
                    broken: None,
                });
                Ok(events)
            }
            // What was staged before in this journal is lost with its handle.
            (Some(at), Err(e)) => {
                if let Some(s) = staged.get_mut(at) {
                    s.broken = Some(e.clone());
                }
                Err(e)
            }
            (None, Err(e)) => Err(e),
        }
    }
}
