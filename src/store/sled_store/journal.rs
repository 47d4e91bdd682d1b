//! One journal's own sled database: an incident's (`journals/<id>/`) or the contact
//! directory's (`contacts/`). Tree `journal`: big-endian event id → the event's record,
//! the bytes the hash chain covers. It is the truth; the store's index only caches an
//! incident's summary so that listing incidents never opens their journals.
//!
//! An append of one event is a single insert, then a flush and a sync; a batch of
//! several goes through a sled batch, atomic, with a second sync inside sled.

use super::super::append::summarize;
use super::super::{IoStep, Problem, StoreError, parse_record};
use super::durable::{Durable, sync_created};
use super::engine::open_engine;
use super::preimage::Preimage;
use crate::domain::{ChainHead, Event, IncidentId, IncidentSummary, record_hash};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Whose journal a database holds, for its error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Of {
    Incident(IncidentId),
    Contacts,
}

pub(super) struct JournalDb {
    of: Of,
    path: PathBuf,
    db: sled::Db,
    journal: sled::Tree,
    durable: Durable,
    /// The files as they were before sled opened them (sled's recovery rewrites what
    /// follows a damaged byte): kept until the journal is known sound.
    preimage: Option<Preimage>,
    /// Batches staged and not yet committed. sled shows an insert to readers before
    /// it is flushed: reads wait until nothing is staged, so that no reader ever sees
    /// an event before it is on the disk (nor one a failed commit loses).
    staged: Mutex<u32>,
    committed: Condvar,
}

/// How long a read waits for a write in progress on the same journal.
const READ_PATIENCE: Duration = Duration::from_secs(10);

impl JournalDb {
    /// Opens (creating if needed) the database at `path`; a new one is made durable up
    /// to `top` (the data directory), folder entries included.
    pub fn open(of: Of, path: &Path, top: &Path) -> Result<Self, StoreError> {
        let io = |cause| StoreError::Io {
            step: IoStep::Sync,
            path: path.to_path_buf(),
            cause,
        };
        let new = !path.join("db").exists();
        let preimage = if new { None } else { Preimage::read(path) };
        let db = match open_engine(path) {
            Ok(db) => db,
            Err(cause) => {
                if let Some(before) = preimage {
                    before.keep(path);
                }
                return Err(engine_error(of, path, cause));
            }
        };
        let journal = db
            .open_tree("journal")
            .map_err(|e| engine_error(of, path, e))?;
        if new {
            db.flush().map_err(|e| engine_error(of, path, e))?;
            sync_created(path, top).map_err(io)?;
        }
        let durable = Durable::open(path).map_err(io)?;
        Ok(JournalDb {
            of,
            path: path.to_path_buf(),
            db,
            journal,
            durable,
            preimage,
            staged: Mutex::new(0),
            committed: Condvar::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many times this journal was synced since it was opened.
    #[cfg(test)]
    pub fn syncs(&self) -> u64 {
        self.durable.syncs()
    }

    fn engine(&self, cause: sled::Error) -> StoreError {
        engine_error(self.of, &self.path, cause)
    }

    fn corrupt(&self, problem: Problem) -> StoreError {
        match self.of {
            Of::Incident(id) => StoreError::Corrupt { id, problem },
            Of::Contacts => StoreError::Directory(problem),
        }
    }

    /// The journal is known sound: what it was before opening need not be kept.
    pub fn sound(&mut self) {
        self.preimage = None;
    }

    /// The journal is not what it should be: its files as they were before sled opened
    /// them are kept beside it, for `verify` to read and an operator to examine.
    pub fn damaged(&mut self) {
        if let Some(before) = self.preimage.take() {
            before.keep(&self.path);
        }
    }

    /// Waits until no write is staged and not committed; held while reading, it keeps
    /// new writes from staging meanwhile.
    fn settled(&self) -> Result<MutexGuard<'_, u32>, StoreError> {
        let deadline = Instant::now() + READ_PATIENCE;
        let mut staged = self.staged.lock().unwrap_or_else(PoisonError::into_inner);
        while *staged > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(StoreError::Io {
                    step: IoStep::WaitForWrite,
                    path: self.path.clone(),
                    cause: std::io::ErrorKind::TimedOut.into(),
                });
            }
            staged = self
                .committed
                .wait_timeout(staged, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Ok(staged)
    }

    /// How many events are stored: the last id, as ids run from 1 without gaps.
    pub fn count(&self) -> Result<u64, StoreError> {
        let _settled = self.settled()?;
        let last = self.journal.last().map_err(|e| self.engine(e))?;
        Ok(last
            .and_then(|(key, _)| <[u8; 8]>::try_from(key.as_ref()).ok())
            .map_or(0, u64::from_be_bytes))
    }

    /// The record of event `id`.
    pub fn record(&self, id: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let _settled = self.settled()?;
        self.journal
            .get(id.to_be_bytes())
            .map(|v| v.map(|v| v.to_vec()))
            .map_err(|e| self.engine(e))
    }

    /// Where the journal ends: its event count and the hash of its last record.
    pub fn head(&self) -> Result<ChainHead, StoreError> {
        let count = self.count()?;
        Ok(match self.record(count)? {
            Some(last) if count > 0 => ChainHead {
                count,
                hash: record_hash(&last),
            },
            _ => ChainHead::genesis(),
        })
    }

    /// The summary after the last stored event, recomputed from the journal; `None`
    /// before the declaration.
    pub fn summary(&self) -> Result<Option<IncidentSummary>, StoreError> {
        let Of::Incident(id) = self.of else {
            return Ok(None);
        };
        summarize(id, self.records()?.iter().map(Vec::as_slice))
    }

    pub fn records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let _settled = self.settled()?;
        self.journal
            .iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.engine(e)))
            .collect()
    }

    /// Parses straight from sled's buffers: no copy of every record first.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        self.events_after(0)
    }

    /// The events after the first `seen` (keys are the event numbers, from 1).
    pub fn events_after(&self, seen: u64) -> Result<Vec<Event>, StoreError> {
        let id = match self.of {
            Of::Incident(id) => id,
            Of::Contacts => IncidentId::new(false, 0, 0),
        };
        let _settled = self.settled()?;
        let first = usize::try_from(seen).unwrap_or(usize::MAX);
        self.journal
            .range(seen.saturating_add(1).to_be_bytes()..)
            .values()
            .enumerate()
            .map(|(n, v)| {
                let record = v.map_err(|e| self.engine(e))?;
                parse_record(id, first.saturating_add(n), &record).map_err(|e| match (self.of, e) {
                    (Of::Contacts, StoreError::Corrupt { problem, .. }) => {
                        StoreError::Directory(problem)
                    }
                    (_, e) => e,
                })
            })
            .collect()
    }

    /// Stores `(event id, record)` pairs after the last event, all or none, then
    /// flushes and syncs: nothing is reported stored before it is on the disk. After a
    /// failure this handle must be dropped: sled keeps the unflushed records in memory
    /// and its error for good (a full disk, say), so only a new open sees the truth.
    pub fn write<'a>(
        &self,
        records: impl IntoIterator<Item = (u64, &'a [u8])>,
    ) -> Result<(), StoreError> {
        self.stage(records)?;
        self.commit()
    }

    /// Stores `(event id, record)` pairs after the last event, all or none, in memory:
    /// nothing is on the disk before [`commit`](Self::commit).
    pub fn stage<'a>(
        &self,
        records: impl IntoIterator<Item = (u64, &'a [u8])>,
    ) -> Result<(), StoreError> {
        let mut records = records.into_iter().peekable();
        let Some((id, record)) = records.next() else {
            return Ok(());
        };
        let mut staged = self.staged.lock().unwrap_or_else(PoisonError::into_inner);
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
        *staged += 1;
        Ok(())
    }

    /// What was staged, flushed and synced: on the disk when this returns, and then
    /// shown to readers. After a failure nothing more is shown: the handle is broken.
    pub fn commit(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(|e| self.engine(e))?;
        self.durable.sync().map_err(|cause| StoreError::Io {
            step: IoStep::Sync,
            path: self.path.clone(),
            cause,
        })?;
        *self.staged.lock().unwrap_or_else(PoisonError::into_inner) = 0;
        self.committed.notify_all();
        Ok(())
    }

    /// Checks that this is the journal of the incident its folder names: the first
    /// event declares that id. Journal folders swapped or copied by hand are refused.
    pub fn check_declares(&self) -> Result<(), StoreError> {
        let Of::Incident(id) = self.of else {
            return Ok(());
        };
        let Some(first) = self.record(1)? else {
            return Ok(());
        };
        let declared = match Event::from_record(&first).map(|e| e.change) {
            Ok(crate::domain::Change::Declared(d)) => d.id,
            _ => return Err(self.corrupt(Problem::FirstNotDeclaration)),
        };
        if declared != id {
            return Err(self.corrupt(Problem::JournalSwapped {
                path: self.path.clone(),
                declared,
                expected: id,
            }));
        }
        Ok(())
    }
}

fn engine_error(of: Of, path: &Path, cause: sled::Error) -> StoreError {
    match (of, cause) {
        (Of::Incident(id), sled::Error::Corruption { .. }) => StoreError::Corrupt {
            id,
            problem: Problem::DatabaseDamaged {
                path: path.to_path_buf(),
            },
        },
        (_, cause) => super::engine::engine_error(path, cause),
    }
}
