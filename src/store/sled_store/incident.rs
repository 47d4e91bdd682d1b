//! One incident's own sled database (`journals/<id>/`): its journal, big-endian event
//! id → the event's record, the bytes the hash chain covers. It is the truth for that
//! incident; the store's index caches its summary, so that listing incidents never
//! opens their journals, and the summary is recomputed from here to repair the index.
//!
//! An append of one event is a single insert and a flush (one write and one sync); a
//! batch of several goes through a sled batch, atomic but with a second sync.

use super::super::append::summarize;
use super::super::{StoreError, parse_record};
use super::open_engine;
use crate::domain::{Event, IncidentId, IncidentSummary};
use std::path::{Path, PathBuf};

pub(super) struct IncidentDb {
    id: IncidentId,
    path: PathBuf,
    db: sled::Db,
    journal: sled::Tree,
}

impl IncidentDb {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(id: IncidentId, path: &Path) -> Result<Self, StoreError> {
        let engine = |cause| StoreError::Engine {
            dir: path.to_path_buf(),
            cause,
        };
        let db = open_engine(path).map_err(engine)?;
        let journal = db.open_tree("journal").map_err(engine)?;
        Ok(IncidentDb {
            id,
            path: path.to_path_buf(),
            db,
            journal,
        })
    }

    fn engine(&self, cause: sled::Error) -> StoreError {
        StoreError::Engine {
            dir: self.path.clone(),
            cause,
        }
    }

    /// How many events are stored: the last id, as ids run from 1 without gaps.
    pub fn count(&self) -> Result<u64, StoreError> {
        let last = self.journal.last().map_err(|e| self.engine(e))?;
        Ok(last
            .and_then(|(key, _)| <[u8; 8]>::try_from(key.as_ref()).ok())
            .map_or(0, u64::from_be_bytes))
    }

    /// The summary after the last stored event, recomputed from the journal; `None`
    /// before the declaration.
    pub fn summary(&self) -> Result<Option<IncidentSummary>, StoreError> {
        summarize(self.id, self.records()?.iter().map(Vec::as_slice))
    }

    pub fn records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.journal
            .iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.engine(e)))
            .collect()
    }

    /// Parses straight from sled's buffers: no copy of every record first.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        self.journal
            .iter()
            .values()
            .enumerate()
            .map(|(n, v)| parse_record(self.id, n, &v.map_err(|e| self.engine(e))?))
            .collect()
    }

    /// Stores `(event id, record)` pairs after the last event, all or none, then
    /// flushes: nothing is reported stored before it is on disk.
    pub fn write<'a>(
        &self,
        records: impl IntoIterator<Item = (u64, &'a [u8])>,
    ) -> Result<(), StoreError> {
        let mut records = records.into_iter().peekable();
        let Some((id, record)) = records.next() else {
            return Ok(());
        };
        if records.peek().is_none() {
            self.journal
                .insert(id.to_be_bytes(), record)
                .map_err(|e| self.engine(e))?;
        } else {
            let mut batch = sled::Batch::default();
            for (id, record) in std::iter::once((id, record)).chain(records) {
                batch.insert(&id.to_be_bytes(), record);
            }
            self.journal
                .apply_batch(batch)
                .map_err(|e| self.engine(e))?;
        }
        self.db.flush().map_err(|e| self.engine(e)).map(drop)
    }
}
