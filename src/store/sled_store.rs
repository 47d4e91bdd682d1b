//! The sled store: one database in the data directory, guarded by a lock file so that
//! exactly one process owns it.
//!
//! Trees: `meta` (schema version, created-at), `incidents` (id → summary JSON), and one
//! `journal/<id>` tree per incident (big-endian sequence number → event record).

use super::append::{NewEvent, plan, plan_directory, plan_import};
use super::{Store, StoreError, create_private_dir, parse_record, sort_for_list};
use crate::domain::{Event, IncidentId, IncidentSummary};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Version of the on-disk layout this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;
const SCHEMA_KEY: &[u8] = b"schema_version";
const CREATED_KEY: &[u8] = b"created_at";
/// The directory journal's head (count and last hash), kept with its events.
const DIRECTORY_HEAD_KEY: &[u8] = b"directory_head";

pub struct SledStore {
    dir: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    incidents: sled::Tree,
    /// The directory journal: big-endian event id → record.
    directory: sled::Tree,
    /// Held for the life of the store: the OS releases it if the process dies.
    _lock: File,
}

/// Opens sled itself. We already hold `warroom.lock`, so if sled's own file lock is
/// still taken, the holder is a store this process just dropped whose I/O threads have
/// not finished yet: wait for them (bounded) instead of failing.
fn open_engine(path: &Path) -> sled::Result<sled::Db> {
    const ATTEMPTS: u32 = 1000;
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(10);
    let mut attempt = 0;
    loop {
        let result = sled::Config::new()
            .path(path)
            // Every append flushes itself; no background flusher.
            .flush_every_ms(None)
            .open();
        match result {
            Err(sled::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock && attempt < ATTEMPTS =>
            {
                attempt += 1;
                std::thread::sleep(PAUSE);
            }
            other => return other,
        }
    }
}

impl SledStore {
    /// Opens (creating if needed) the store in `dir`. Fails with [`StoreError::Locked`]
    /// if another process holds it.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        create_private_dir(dir)?;
        let lock_path = dir.join("warroom.lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|cause| StoreError::Io {
                what: "cannot open the lock file",
                path: lock_path.clone(),
                cause,
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    dir: dir.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(cause)) => {
                return Err(StoreError::Io {
                    what: "cannot lock",
                    path: lock_path,
                    cause,
                });
            }
        }
        let engine = |cause| StoreError::Engine {
            dir: dir.to_path_buf(),
            cause,
        };
        let db = open_engine(&dir.join("db")).map_err(engine)?;
        let meta = db.open_tree("meta").map_err(engine)?;
        let incidents = db.open_tree("incidents").map_err(engine)?;
        let directory = db.open_tree("directory").map_err(engine)?;
        let store = SledStore {
            dir: dir.to_path_buf(),
            db,
            meta,
            incidents,
            directory,
            _lock: lock,
        };
        store.check_schema()?;
        Ok(store)
    }

    /// Writes a schema version, to test what an older or newer store does.
    #[cfg(test)]
    pub(super) fn force_schema_version(&self, version: u32) -> Result<(), StoreError> {
        self.meta
            .insert(SCHEMA_KEY, version.to_string().as_bytes())
            .map_err(|e| self.engine(e))?;
        self.db.flush().map_err(|e| self.engine(e)).map(drop)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn engine(&self, cause: sled::Error) -> StoreError {
        StoreError::Engine {
            dir: self.dir.clone(),
            cause,
        }
    }

    fn check_schema(&self) -> Result<(), StoreError> {
        match self.meta.get(SCHEMA_KEY).map_err(|e| self.engine(e))? {
            Some(raw) => {
                let found = std::str::from_utf8(&raw)
                    .ok()
                    .and_then(|s| s.parse::<u32>().ok())
                    .unwrap_or(u32::MAX);
                if found > SCHEMA_VERSION {
                    return Err(StoreError::SchemaTooNew {
                        dir: self.dir.clone(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                // Version 1 is the first layout: nothing older exists to migrate yet.
                Ok(())
            }
            None => {
                self.meta
                    .insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
                    .map_err(|e| self.engine(e))?;
                let now = chrono::Utc::now().to_rfc3339();
                self.meta
                    .insert(CREATED_KEY, now.as_bytes())
                    .map_err(|e| self.engine(e))?;
                self.db.flush().map_err(|e| self.engine(e))?;
                Ok(())
            }
        }
    }

    fn journal(&self, id: IncidentId) -> Result<sled::Tree, StoreError> {
        self.db
            .open_tree(format!("journal/{id}"))
            .map_err(|e| self.engine(e))
    }

    fn parse_summary(&self, id: IncidentId, raw: &[u8]) -> Result<IncidentSummary, StoreError> {
        serde_json::from_slice(raw).map_err(|e| StoreError::Corrupt {
            id,
            detail: format!("index entry does not parse: {e}"),
        })
    }
}

impl Store for SledStore {
    fn list(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        let mut all = Vec::new();
        for entry in self.incidents.iter() {
            let (key, value) = entry.map_err(|e| self.engine(e))?;
            let key = String::from_utf8_lossy(&key);
            let id = key.parse().map_err(|_| StoreError::Corrupt {
                id: IncidentId::new(false, 0, 0),
                detail: format!("index key {key:?} is not an incident id"),
            })?;
            all.push(self.parse_summary(id, &value)?);
        }
        sort_for_list(&mut all);
        Ok(all)
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        self.incidents
            .get(id.to_string())
            .map_err(|e| self.engine(e))?
            .map(|raw| self.parse_summary(id, &raw))
            .transpose()
    }

    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError> {
        self.journal(id)?
            .iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.engine(e)))
            .collect()
    }

    /// Parses straight from sled's buffers: no copy of every record first.
    fn events(&self, id: IncidentId) -> Result<Vec<Event>, StoreError> {
        if self.summary(id)?.is_none() {
            return Err(StoreError::UnknownIncident(id));
        }
        self.journal(id)?
            .iter()
            .values()
            .enumerate()
            .map(|(n, v)| parse_record(id, n, &v.map_err(|e| self.engine(e))?))
            .collect()
    }

    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let journal = self.journal(id)?;
        let key = id.to_string();
        let result = (&self.incidents, &journal).transaction(|(incidents, journal)| {
            let abort = ConflictableTransactionError::Abort;
            let current = incidents
                .get(key.as_bytes())?
                .map(|raw| self.parse_summary(id, &raw))
                .transpose()
                .map_err(abort)?;
            let planned = plan(id, current, batch).map_err(abort)?;
            for (event, record) in &planned.events {
                journal.insert(&event.id.to_be_bytes(), record.as_slice())?;
            }
            let summary = serde_json::to_vec(&planned.summary).unwrap_or_default();
            incidents.insert(key.as_bytes(), summary)?;
            Ok(planned
                .events
                .into_iter()
                .map(|(e, _)| e)
                .collect::<Vec<_>>())
        });
        let events = match result {
            Ok(events) => events,
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(self.engine(e)),
        };
        // Durable before anyone is told it is saved.
        self.db.flush().map_err(|e| self.engine(e))?;
        Ok(events)
    }

    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError> {
        let planned = plan_import(id, records)?;
        if self.summary(id)?.is_some() {
            return if self.records(id)? == records {
                Ok(false)
            } else {
                Err(StoreError::ImportConflict(id))
            };
        }
        let journal = self.journal(id)?;
        let key = id.to_string();
        let summary = serde_json::to_vec(&planned.summary).unwrap_or_default();
        let result = (&self.incidents, &journal).transaction(|(incidents, journal)| {
            if incidents.get(key.as_bytes())?.is_some() {
                return Err(ConflictableTransactionError::Abort(
                    StoreError::ImportConflict(id),
                ));
            }
            for (event, record) in &planned.events {
                journal.insert(&event.id.to_be_bytes(), record.as_slice())?;
            }
            incidents.insert(key.as_bytes(), summary.as_slice())?;
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(self.engine(e)),
        }
        self.db.flush().map_err(|e| self.engine(e))?;
        Ok(true)
    }

    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.directory
            .iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| self.engine(e)))
            .collect()
    }

    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let result = (&self.meta, &self.directory).transaction(|(meta, directory)| {
            let abort = ConflictableTransactionError::Abort;
            let head = meta
                .get(DIRECTORY_HEAD_KEY)?
                .map(|raw| {
                    serde_json::from_slice(&raw)
                        .map_err(|e| StoreError::Directory(format!("its head does not parse: {e}")))
                })
                .transpose()
                .map_err(abort)?;
            let (events, head) = plan_directory(head, batch).map_err(abort)?;
            for (event, record) in &events {
                directory.insert(&event.id.to_be_bytes(), record.as_slice())?;
            }
            meta.insert(
                DIRECTORY_HEAD_KEY,
                serde_json::to_vec(&head).unwrap_or_default(),
            )?;
            Ok(events.into_iter().map(|(e, _)| e).collect::<Vec<_>>())
        });
        let events = match result {
            Ok(events) => events,
            Err(TransactionError::Abort(e)) => return Err(e),
            Err(TransactionError::Storage(e)) => return Err(self.engine(e)),
        };
        self.db.flush().map_err(|e| self.engine(e))?;
        Ok(events)
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn directory(&self) -> Option<&Path> {
        Some(&self.dir)
    }
}
