//! One incident's own sled database (`journals/<id>/`): its journal and its summary,
//! written together in one transaction and flushed before an append returns. It is the
//! truth for that incident; the store's index only caches the summary, so that listing
//! incidents never opens their journals.

use super::super::append::{NewEvent, Planned, plan};
use super::super::{StoreError, parse_record};
use super::open_engine;
use crate::domain::{Event, IncidentId, IncidentSummary};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::path::{Path, PathBuf};

const SUMMARY_KEY: &[u8] = b"summary";

pub(super) struct IncidentDb {
    id: IncidentId,
    path: PathBuf,
    db: sled::Db,
    /// Big-endian event id → the event's record, the bytes the hash chain covers.
    journal: sled::Tree,
    /// The summary after the last event, kept in the same transaction as the journal.
    head: sled::Tree,
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
        let head = db.open_tree("head").map_err(engine)?;
        Ok(IncidentDb {
            id,
            path: path.to_path_buf(),
            db,
            journal,
            head,
        })
    }

    fn engine(&self, cause: sled::Error) -> StoreError {
        StoreError::Engine {
            dir: self.path.clone(),
            cause,
        }
    }

    /// The summary after the last stored event; `None` before the declaration.
    pub fn summary(&self) -> Result<Option<IncidentSummary>, StoreError> {
        self.head
            .get(SUMMARY_KEY)
            .map_err(|e| self.engine(e))?
            .map(|raw| parse_summary(self.id, &raw))
            .transpose()
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

    /// Numbers, chains and stores `batch` after the stored summary, durably.
    pub fn append(&self, batch: &[NewEvent]) -> Result<Planned, StoreError> {
        self.write(|current| plan(self.id, current, batch))
    }

    /// Stores an imported journal, checked by the caller; refused if this incident
    /// already has events.
    pub fn import(&self, planned: Planned) -> Result<Planned, StoreError> {
        let id = self.id;
        self.write(|current| match current {
            Some(_) => Err(StoreError::ImportConflict(id)),
            None => Ok(planned.clone()),
        })
    }

    /// Replaces whatever is stored with `records` and `summary` (used by the migration
    /// from the single-database layout, which may be redone after an interruption).
    pub fn replace(
        &self,
        records: &[Vec<u8>],
        summary: &IncidentSummary,
    ) -> Result<(), StoreError> {
        self.journal.clear().map_err(|e| self.engine(e))?;
        for (n, record) in records.iter().enumerate() {
            let key = u64::try_from(n + 1).unwrap_or(u64::MAX).to_be_bytes();
            self.journal
                .insert(key, record.as_slice())
                .map_err(|e| self.engine(e))?;
        }
        self.head
            .insert(SUMMARY_KEY, serde_json::to_vec(summary).unwrap_or_default())
            .map_err(|e| self.engine(e))?;
        self.db.flush().map_err(|e| self.engine(e)).map(drop)
    }

    /// One transaction over the journal and the summary, then a flush: nothing is
    /// reported stored before it is on disk.
    fn write(
        &self,
        planner: impl Fn(Option<IncidentSummary>) -> Result<Planned, StoreError>,
    ) -> Result<Planned, StoreError> {
        let result = (&self.journal, &self.head).transaction(|(journal, head)| {
            let abort = ConflictableTransactionError::Abort;
            let current = head
                .get(SUMMARY_KEY)?
                .map(|raw| parse_summary(self.id, &raw))
                .transpose()
                .map_err(abort)?;
            let planned = planner(current).map_err(abort)?;
            for (event, record) in &planned.events {
                journal.insert(&event.id.to_be_bytes(), record.as_slice())?;
            }
            head.insert(
                SUMMARY_KEY,
                serde_json::to_vec(&planned.summary).unwrap_or_default(),
            )?;
            Ok(planned)
        });
        let planned = match result {
            Ok(planned) => planned,
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(self.engine(e)),
        };
        self.db.flush().map_err(|e| self.engine(e))?;
        Ok(planned)
    }
}

pub(super) fn parse_summary(id: IncidentId, raw: &[u8]) -> Result<IncidentSummary, StoreError> {
    serde_json::from_slice(raw).map_err(|e| StoreError::Corrupt {
        id,
        detail: format!("summary does not parse: {e}"),
    })
}
