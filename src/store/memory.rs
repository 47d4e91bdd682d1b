//! An in-memory store for tests and benchmarks: same contract, nothing on disk.

use super::append::{NewEvent, plan, plan_directory, plan_import};
use super::{Store, StoreError, sort_for_list};
use crate::domain::{ChainHead, Event, IncidentId, IncidentSummary};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Each incident's summary and its journal records.
type Incidents = BTreeMap<IncidentId, (IncidentSummary, Vec<Vec<u8>>)>;

#[derive(Default)]
pub struct MemoryStore {
    incidents: Mutex<Incidents>,
    directory: Mutex<(Option<ChainHead>, Vec<Vec<u8>>)>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut Incidents) -> T) -> T {
        // A panic while holding the lock cannot leave a half-written journal (plan runs
        // before any mutation), so a poisoned lock is safe to reuse.
        let mut guard = self
            .incidents
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }
}

impl Store for MemoryStore {
    fn list(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        let mut all: Vec<_> = self.with(|m| m.values().map(|(s, _)| s.clone()).collect());
        sort_for_list(&mut all);
        Ok(all)
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        Ok(self.with(|m| m.get(&id).map(|(s, _)| s.clone())))
    }

    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError> {
        Ok(self.with(|m| m.get(&id).map(|(_, r)| r.clone()).unwrap_or_default()))
    }

    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        self.with(|m| {
            let planned = plan(id, m.get(&id).map(|(s, _)| s.clone()), batch)?;
            let entry = m
                .entry(id)
                .or_insert_with(|| (planned.summary.clone(), Vec::new()));
            entry.0 = planned.summary;
            let mut events = Vec::with_capacity(planned.events.len());
            for (event, record) in planned.events {
                entry.1.push(record);
                events.push(event);
            }
            Ok(events)
        })
    }

    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError> {
        let planned = plan_import(id, records)?;
        self.with(|m| match m.get(&id) {
            Some((_, existing)) if existing.as_slice() == records => Ok(false),
            Some(_) => Err(StoreError::ImportConflict(id)),
            None => {
                m.insert(id, (planned.summary, records.to_vec()));
                Ok(true)
            }
        })
    }

    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let guard = self
            .directory
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(guard.1.clone())
    }

    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let mut guard = self
            .directory
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (events, head) = plan_directory(guard.0.clone(), batch)?;
        guard.0 = Some(head);
        Ok(events
            .into_iter()
            .map(|(event, record)| {
                guard.1.push(record);
                event
            })
            .collect())
    }

    fn location(&self) -> String {
        "(in memory)".into()
    }
}
