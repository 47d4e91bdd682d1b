//! A store through which every event written is its author's: each new event of an
//! incident gets the operator's SSHSIG over its signed body
//! (`domain::signed_body`) before it reaches the store — a store of this process, or a
//! dashboard owning the store, which then only numbers and chains it. Reading goes
//! straight through.

use super::key::Signer;
use crate::domain::{Event, IncidentId, IncidentSummary};
use crate::store::{NewEvent, Store, StoreError};
use std::sync::Mutex;

/// How an operator's writes are marked: signed with their key, or written unsigned
/// because they said so (`--unsigned`).
pub enum Mark {
    Signed {
        handle: String,
        signer: Signer,
    },
    /// Unsigned on purpose: the events say so, and `verify` names them.
    Unsigned,
    /// No identity at all: events go as they are (`verify` calls them unsigned, before
    /// signing, while the journal has no signed event).
    AsIs,
}

pub struct Signing<'a> {
    inner: &'a (dyn Store + Sync),
    mark: Mutex<Mark>,
    /// Whether this process owns the store, so that it applies the roster's rule to
    /// its own writes (`authored`, with its own uid); through an owner, the owner does.
    owns_the_store: bool,
    /// The rosters that rule is checked against, kept for the next write.
    rosters: super::Rosters,
}

impl<'a> Signing<'a> {
    pub fn new(inner: &'a (dyn Store + Sync), mark: Mark) -> Self {
        Signing {
            inner,
            mark: Mutex::new(mark),
            owns_the_store: false,
            rosters: super::Rosters::default(),
        }
    }

    /// The same, on a store this process owns: its writes meet the roster's rule here.
    pub fn owning(inner: &'a (dyn Store + Sync), mark: Mark) -> Self {
        Signing {
            owns_the_store: true,
            ..Signing::new(inner, mark)
        }
    }

    /// The batch as it goes to the store: each event by the operator, signed (or
    /// marked unsigned). The first key or agent failure stops it: nothing is written.
    pub fn marked(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<NewEvent>, StoreError> {
        let mut mark = self
            .mark
            .lock()
            .map_err(|_| StoreError::NotSigned(crate::text::internal_error()))?;
        let mut batch = batch
            .iter()
            .map(|new| {
                let mut new = new.clone();
                match &mut *mark {
                    Mark::Signed { signer, .. } => {
                        // The author stays as the writer (the operator's handle) or
                        // the roster's rule (the member of this login) set it.
                        new.unsigned = false;
                        let signature = signer
                            .sign(&new.signed_body(&id))
                            .map_err(|e| StoreError::NotSigned(e.said()))?;
                        new.signature = Some(signature);
                    }
                    Mark::Unsigned => {
                        new.signature = None;
                        new.unsigned = true;
                    }
                    Mark::AsIs => {}
                }
                Ok(new)
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        drop(mark);
        if self.owns_the_store {
            // After signing: the signature's key is part of who the roster says wrote it
            // (the author is not in the signed body, so setting it keeps the signature).
            let uid = rustix::process::geteuid().as_raw();
            self.rosters.authored(self.inner, id, &mut batch, uid)?;
        }
        Ok(batch)
    }
}

impl Store for Signing<'_> {
    fn list(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        self.inner.list()
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        self.inner.summary(id)
    }

    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError> {
        self.inner.records(id)
    }

    fn events_after(&self, id: IncidentId, seen: u64) -> Result<Vec<Event>, StoreError> {
        self.inner.events_after(id, seen)
    }

    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let marked = self.marked(id, batch)?;
        self.inner.append(id, &marked)
    }

    fn append_all(
        &self,
        batches: &[(IncidentId, Vec<NewEvent>)],
    ) -> Vec<Result<Vec<Event>, StoreError>> {
        let mut marked = Vec::with_capacity(batches.len());
        for (id, batch) in batches {
            match self.marked(*id, batch) {
                Ok(batch) => marked.push((*id, batch)),
                Err(e) => return batches.iter().map(|_| Err(e.clone())).collect(),
            }
        }
        self.inner.append_all(&marked)
    }

    fn location(&self) -> String {
        self.inner.location()
    }

    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError> {
        self.inner.import(id, records)
    }

    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.inner.directory_records()
    }

    /// Contacts are the organisation's, not an incident's: their journal is chained
    /// but not signed (yet); the author is still the operator's handle.
    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let handle = match &*self
            .mark
            .lock()
            .map_err(|_| StoreError::NotSigned(crate::text::internal_error()))?
        {
            Mark::Signed { handle, .. } => Some(handle.clone()),
            Mark::Unsigned | Mark::AsIs => None,
        };
        let batch: Vec<NewEvent> = batch
            .iter()
            .map(|new| {
                let mut new = new.clone();
                if let Some(handle) = &handle {
                    new.author.clone_from(handle);
                }
                new
            })
            .collect();
        self.inner.append_directory(&batch)
    }

    fn reindex_unlisted(&self) -> Result<Vec<IncidentId>, StoreError> {
        self.inner.reindex_unlisted()
    }

    fn damaged(&self) -> Result<Vec<(IncidentId, String)>, StoreError> {
        self.inner.damaged()
    }

    fn index_rebuilt_at(&self) -> Result<Option<String>, StoreError> {
        self.inner.index_rebuilt_at()
    }

    fn verified(&self, id: IncidentId) -> Result<(), StoreError> {
        self.inner.verified(id)
    }

    fn directory(&self) -> Option<&std::path::Path> {
        self.inner.directory()
    }

    fn taken_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        self.inner.taken_ids()
    }
}
