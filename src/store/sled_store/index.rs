//! The index database (`db/`): a cache, rebuilt from the journals when it is lost or
//! damaged. Trees: `meta` (schema version, when the store was created, when the index
//! was last rebuilt), `incidents` (id → summary JSON, with each journal's head, against
//! which a journal restored from an older copy is caught), `touched` (incidents a
//! process may have written and not yet re-indexed) and `damaged` (incidents found
//! damaged, with why, so that the list says so).

use super::super::{IoStep, Problem, StoreError};
use super::durable::{Durable, sync_created};
use super::engine::open_engine;
use crate::domain::{IncidentId, IncidentSummary};
use std::path::{Path, PathBuf};

pub(super) const SCHEMA_KEY: &[u8] = b"schema_version";
const CREATED_KEY: &[u8] = b"created_at";
const REBUILT_KEY: &[u8] = b"rebuilt_at";

pub(super) struct IndexDb {
    path: PathBuf,
    pub(super) db: sled::Db,
    pub(super) meta: sled::Tree,
    incidents: sled::Tree,
    touched: sled::Tree,
    damaged: sled::Tree,
    durable: Durable,
}

impl IndexDb {
    /// Opens (creating if needed) the index at `path`; a new one is made durable up to
    /// `top`. Damaged data is reported as [`StoreError::IndexDamaged`].
    pub fn open(path: &Path, top: &Path) -> Result<Self, StoreError> {
        let engine = |cause| index_error(path, cause);
        let io = |cause| StoreError::Io {
            step: IoStep::Sync,
            path: path.to_path_buf(),
            cause,
        };
        let new = !path.join("db").exists();
        let db = open_engine(path).map_err(engine)?;
        if new {
            db.flush().map_err(engine)?;
            sync_created(path, top).map_err(io)?;
        }
        let tree = |name: &str| db.open_tree(name).map_err(engine);
        let index = IndexDb {
            path: path.to_path_buf(),
            meta: tree("meta")?,
            incidents: tree("incidents")?,
            touched: tree("touched")?,
            damaged: tree("damaged")?,
            durable: Durable::open(path).map_err(io)?,
            db,
        };
        Ok(index)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn engine(&self, cause: sled::Error) -> StoreError {
        index_error(&self.path, cause)
    }

    /// Flushed and synced (see `durable`).
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(|e| self.engine(e))?;
        self.durable.sync().map_err(|cause| StoreError::Io {
            step: IoStep::Sync,
            path: self.path.clone(),
            cause,
        })
    }

    pub fn schema(&self) -> Result<Option<u32>, StoreError> {
        Ok(self
            .meta
            .get(SCHEMA_KEY)
            .map_err(|e| self.engine(e))?
            .map(|raw| {
                std::str::from_utf8(&raw)
                    .ok()
                    .and_then(|s| s.parse::<u32>().ok())
                    .unwrap_or(u32::MAX)
            }))
    }

    pub fn set_schema(&self, version: u32) -> Result<(), StoreError> {
        self.put_meta(SCHEMA_KEY, version.to_string().as_bytes())
    }

    /// A new index: when the store was created, and (if journals were already there)
    /// that it was rebuilt from them, which `verify` reports.
    pub fn set_created(&self, rebuilt: bool) -> Result<(), StoreError> {
        let now = chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string();
        if self
            .meta
            .get(CREATED_KEY)
            .map_err(|e| self.engine(e))?
            .is_none()
        {
            self.put_meta(CREATED_KEY, now.as_bytes())?;
        }
        if rebuilt {
            self.put_meta(REBUILT_KEY, now.as_bytes())?;
        }
        Ok(())
    }

    /// When the index was last rebuilt from the journals, if ever.
    pub fn rebuilt_at(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta
            .get(REBUILT_KEY)
            .map_err(|e| self.engine(e))?
            .map(|raw| String::from_utf8_lossy(&raw).into_owned()))
    }

    fn put_meta(&self, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.meta
            .insert(key, value)
            .map(drop)
            .map_err(|e| self.engine(e))
    }

    pub fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        self.incidents
            .get(id.to_string())
            .map_err(|e| self.engine(e))?
            .map(|raw| self.parse_summary(&raw))
            .transpose()
    }

    pub fn summaries(&self) -> Result<Vec<IncidentSummary>, StoreError> {
        self.incidents
            .iter()
            .values()
            .map(|raw| self.parse_summary(&raw.map_err(|e| self.engine(e))?))
            .collect()
    }

    fn parse_summary(&self, raw: &[u8]) -> Result<IncidentSummary, StoreError> {
        serde_json::from_slice(raw).map_err(|e| StoreError::IndexDamaged {
            dir: self.path.clone(),
            problem: Problem::EntryUnparsable {
                cause: e.to_string(),
            },
        })
    }

    /// Sets the entry of `id` (reaching the disk with the next flush).
    pub fn set_summary(&self, id: IncidentId, summary: &IncidentSummary) -> Result<(), StoreError> {
        let json = serde_json::to_vec(summary).map_err(|e| StoreError::IndexDamaged {
            dir: self.path.clone(),
            problem: Problem::EntryUnwritable {
                cause: e.to_string(),
            },
        })?;
        self.incidents
            .insert(id.to_string(), json)
            .map(drop)
            .map_err(|e| self.engine(e))
    }

    pub fn remove_summary(&self, id: IncidentId) -> Result<(), StoreError> {
        self.incidents
            .remove(id.to_string())
            .map(drop)
            .map_err(|e| self.engine(e))
    }

    /// Marks `id` as possibly ahead of its entry, durably.
    pub fn mark(&self, id: IncidentId) -> Result<(), StoreError> {
        self.touched
            .insert(id.to_string(), &[])
            .map_err(|e| self.engine(e))?;
        self.flush()
    }

    pub fn unmark(&self, id: IncidentId) -> Result<(), StoreError> {
        self.touched
            .remove(id.to_string())
            .map(drop)
            .map_err(|e| self.engine(e))
    }

    /// The marked incidents (keys that are not incident ids are dropped).
    pub fn marked(&self) -> Result<Vec<IncidentId>, StoreError> {
        let mut ids = Vec::new();
        for key in self.touched.iter().keys() {
            let key = key.map_err(|e| self.engine(e))?;
            match String::from_utf8_lossy(&key).parse() {
                Ok(id) => ids.push(id),
                Err(_) => {
                    self.touched.remove(&key).map_err(|e| self.engine(e))?;
                }
            }
        }
        Ok(ids)
    }

    /// Records that `id` was found damaged, and why (flushed at once: it is news).
    pub fn record_damage(&self, id: IncidentId, why: &str) -> Result<(), StoreError> {
        self.damaged
            .insert(id.to_string(), why.as_bytes())
            .map_err(|e| self.engine(e))?;
        self.flush()
    }

    /// `id` was found sound again (verified, repaired).
    pub fn clear_damage(&self, id: IncidentId) -> Result<(), StoreError> {
        if self
            .damaged
            .remove(id.to_string())
            .map_err(|e| self.engine(e))?
            .is_some()
        {
            self.flush()?;
        }
        Ok(())
    }

    pub fn damaged(&self) -> Result<Vec<(IncidentId, String)>, StoreError> {
        let mut found = Vec::new();
        for entry in self.damaged.iter() {
            let (key, why) = entry.map_err(|e| self.engine(e))?;
            if let Ok(id) = String::from_utf8_lossy(&key).parse() {
                found.push((id, String::from_utf8_lossy(&why).into_owned()));
            }
        }
        Ok(found)
    }
}

/// An engine error of the index: damaged data says so (the index can be rebuilt).
pub(super) fn index_error(path: &Path, cause: sled::Error) -> StoreError {
    match cause {
        sled::Error::Corruption { .. } => StoreError::IndexDamaged {
            dir: path.to_path_buf(),
            problem: Problem::IndexReportsDamage,
        },
        cause => super::engine::engine_error(path, cause),
    }
}
