//! The sled store: a small database for the index, plus one database per incident, in
//! the data directory, guarded by a lock file so that exactly one process owns it.
//!
//! `db/` holds the trees `meta` (schema version, created-at, the directory journal's
//! head), `incidents` (id → summary JSON: the index), `directory` (the contact journal)
//! and `touched` (incidents this process may have written and not yet re-indexed).
//! `journals/<id>/` holds one incident's journal (see [`incident`]).
//!
//! Why one database per incident: sled reads its whole log when it opens, so one
//! database for everything made every command slower as the store grew (90 ms with
//! 1,000 incidents of 1,000 events against 30 ms with one). Now a command opens the
//! index and only the incidents it reads.

mod incident;
mod migrate;

use super::append::{NewEvent, plan, plan_directory, plan_import};
use super::{Store, StoreError, create_private_dir, sort_for_list};
use crate::domain::{Event, IncidentId, IncidentSummary};
use incident::IncidentDb;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// Version of the on-disk layout this build writes and reads. 1: one database with a
/// `journal/<id>` tree per incident; 2: one database per incident.
pub const SCHEMA_VERSION: u32 = 2;
const SCHEMA_KEY: &[u8] = b"schema_version";
const CREATED_KEY: &[u8] = b"created_at";
/// The directory journal's head (count and last hash), kept with its events.
const DIRECTORY_HEAD_KEY: &[u8] = b"directory_head";
const JOURNALS: &str = "journals";
/// Incident databases kept open at once. Each holds file handles and a page cache, so
/// a command that reads every incident (`verify`, the migration) or a dashboard that
/// browses many must not keep them all: the least recently used is closed.
const OPEN_JOURNALS: usize = 8;

pub struct SledStore {
    dir: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    incidents: sled::Tree,
    /// The directory journal: big-endian event id → record.
    directory: sled::Tree,
    /// Incidents this process may write. An append is durable in the incident's own
    /// database; the index entry after it is flushed with the next write or on close.
    /// A mark, flushed *before* the first write, tells the next opener which index
    /// entries to check against their journal if this process dies first.
    touched: sled::Tree,
    marked: Mutex<HashSet<IncidentId>>,
    /// The incident databases last used, most recent first (at most [`OPEN_JOURNALS`]).
    journals: Mutex<VecDeque<(IncidentId, Arc<IncidentDb>)>>,
    /// Held for the life of the store: the OS releases it if the process dies.
    _lock: super::lock::Lock,
}

/// Opens sled itself. We already hold `warroom.lock`, so if sled's own file lock is
/// still taken, the holder is a store this process just dropped whose I/O threads have
/// not finished yet: wait for them (bounded) instead of failing.
fn open_engine(path: &Path) -> sled::Result<sled::Db> {
    const ATTEMPTS: u32 = 1000;
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(10);
    let mut attempt = 0;
    let mut cleaned = false;
    loop {
        let result = sled::Config::new()
            .path(path)
            // Every append flushes itself; no background flusher.
            .flush_every_ms(None)
            .open();
        match result {
            Err(sled::Error::Io(e)) if is_sled_lock_taken(&e) && attempt < ATTEMPTS => {
                attempt += 1;
                std::thread::sleep(PAUSE);
            }
            // sled's lock is ours here, so no handle of this database is writing.
            Err(sled::Error::Corruption { .. })
                if !cleaned && remove_unfinished_snapshots(path) =>
            {
                cleaned = true;
            }
            other => return other,
        }
    }
}

/// sled 0.34 writes a snapshot of its page table when it opens a database whose log has
/// grown, as `snap.*.generating`, renamed only once synced. A process killed meanwhile
/// leaves that file behind and sled then refuses to open the database at all ("Read
/// corrupted data", sled issue #1527). Such a file is never a complete snapshot: when
/// sled finds the database corrupt, it is removed and the open tried again, and sled
/// rebuilds from its log and the last complete snapshot. True if one was removed.
fn remove_unfinished_snapshots(path: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let mut removed = false;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed = true,
                Err(e) => tracing::warn!(file = %entry.path().display(), error = %e,
                    "cannot remove an unfinished sled snapshot"),
            }
        }
    }
    removed
}

/// sled 0.34 reports its file lock as taken with an `Other` I/O error whose only mark
/// is its message (config.rs, `try_lock`), not as `WouldBlock`.
fn is_sled_lock_taken(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock
        || (e.kind() == std::io::ErrorKind::Other
            && e.to_string().starts_with("could not acquire lock"))
}

impl SledStore {
    /// Opens (creating if needed) the store in `dir`. Fails with [`StoreError::Locked`]
    /// if another process holds it.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        create_private_dir(dir)?;
        let lock = super::lock::try_take(dir)?;
        let engine = |cause| StoreError::Engine {
            dir: dir.join("db"),
            cause,
        };
        let db = open_engine(&dir.join("db")).map_err(engine)?;
        let meta = db.open_tree("meta").map_err(engine)?;
        let incidents = db.open_tree("incidents").map_err(engine)?;
        let directory = db.open_tree("directory").map_err(engine)?;
        let touched = db.open_tree("touched").map_err(engine)?;
        let store = SledStore {
            dir: dir.to_path_buf(),
            db,
            meta,
            incidents,
            directory,
            touched,
            marked: Mutex::default(),
            journals: Mutex::default(),
            _lock: lock,
        };
        store.check_schema()?;
        store.reindex_touched()?;
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
            dir: self.dir.join("db"),
            cause,
        }
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(|e| self.engine(e)).map(drop)
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
                if found < SCHEMA_VERSION {
                    migrate::from_single_database(self)?;
                }
                // Left by a migration interrupted after its version was written.
                migrate::drop_old_journals(self)
            }
            None => {
                // A new index beside existing journals: `db/` was lost or removed. The
                // version is written only once the index is complete and on disk: a
                // rebuild cut short is redone at the next open, never left partial.
                for id in self.journal_ids()? {
                    if let Err(e) = self.reindex(id) {
                        tracing::warn!(%id, error = %e, "cannot index this incident");
                    }
                }
                let now = chrono::Utc::now().to_rfc3339();
                self.meta
                    .insert(CREATED_KEY, now.as_bytes())
                    .map_err(|e| self.engine(e))?;
                self.flush()?;
                self.meta
                    .insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
                    .map_err(|e| self.engine(e))?;
                self.flush()
            }
        }
    }

    fn journal_path(&self, id: IncidentId) -> PathBuf {
        self.dir.join(JOURNALS).join(id.to_string())
    }

    /// The incident's database, opened once; `None` if it was never created and
    /// `create` is false (reading an unknown incident creates nothing on disk).
    fn journal(&self, id: IncidentId, create: bool) -> Result<Option<Arc<IncidentDb>>, StoreError> {
        let mut open = self.journals.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = open.iter().position(|(open_id, _)| *open_id == id) {
            // Most recently used first.
            open.make_contiguous()[..=at].rotate_right(1);
            return Ok(open.front().map(|(_, db)| Arc::clone(db)));
        }
        let path = self.journal_path(id);
        if !create && !path.exists() {
            return Ok(None);
        }
        create_private_dir(&self.dir.join(JOURNALS))?;
        // Close the least recently used first: it may be this very path's old handle.
        open.truncate(OPEN_JOURNALS - 1);
        let db = Arc::new(IncidentDb::open(id, &path)?);
        open.push_front((id, Arc::clone(&db)));
        Ok(Some(db))
    }

    /// The incidents that have a database under `journals/`, whatever the index says.
    fn journal_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        let path = self.dir.join(JOURNALS);
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(StoreError::Io {
                    what: "cannot read",
                    path,
                    cause,
                });
            }
        };
        Ok(entries
            .flatten()
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
            .collect())
    }

    /// Closes the incident's database if open and removes it from disk.
    fn remove_journal(&self, id: IncidentId) -> Result<(), StoreError> {
        self.journals
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|(open_id, _)| *open_id != id);
        let path = self.journal_path(id);
        match std::fs::remove_dir_all(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(cause) => Err(StoreError::Io {
                what: "cannot remove",
                path,
                cause,
            }),
        }
    }

    /// Marks `id` as possibly ahead of the index, durably, before its first write by
    /// this process.
    fn mark(&self, id: IncidentId) -> Result<(), StoreError> {
        let mut marked = self.marked.lock().unwrap_or_else(PoisonError::into_inner);
        if marked.contains(&id) {
            return Ok(());
        }
        self.touched
            .insert(id.to_string(), &[])
            .map_err(|e| self.engine(e))?;
        self.flush()?;
        marked.insert(id);
        Ok(())
    }

    /// Sets the index entry of `id` to what its journal says.
    fn index(&self, id: IncidentId, summary: &IncidentSummary) -> Result<(), StoreError> {
        self.incidents
            .insert(
                id.to_string(),
                serde_json::to_vec(summary).unwrap_or_default(),
            )
            .map_err(|e| self.engine(e))
            .map(drop)
    }

    /// After a process died between a write and its index update: brings the index
    /// entries it marked in line with their journals, then clears the marks.
    fn reindex_touched(&self) -> Result<(), StoreError> {
        let mut repaired = false;
        for key in self.touched.iter().keys() {
            let key = key.map_err(|e| self.engine(e))?;
            let Ok(id) = String::from_utf8_lossy(&key).parse::<IncidentId>() else {
                self.touched.remove(&key).map_err(|e| self.engine(e))?;
                continue;
            };
            // One damaged incident must not lock the others out: its mark stays, and
            // reading it reports the damage.
            if let Err(e) = self.reindex(id) {
                tracing::warn!(%id, error = %e, "cannot bring the index in line with this journal");
                continue;
            }
            self.touched.remove(&key).map_err(|e| self.engine(e))?;
            repaired = true;
        }
        if repaired { self.flush() } else { Ok(()) }
    }

    /// Sets the index entry of `id` from its own database's summary; removes it if the
    /// declaration never landed. Nothing to do if it has no database.
    fn reindex(&self, id: IncidentId) -> Result<(), StoreError> {
        let Some(journal) = self.journal(id, false)? else {
            return Ok(());
        };
        match journal.summary()? {
            Some(summary) => self.index(id, &summary),
            None => self
                .incidents
                .remove(id.to_string())
                .map(drop)
                .map_err(|e| self.engine(e)),
        }
    }

    /// The index made durable, then the marks cleared: what a clean close does (and
    /// drop does too). Writing again afterwards is safe: it marks again.
    pub fn close(&self) -> Result<(), StoreError> {
        let marked =
            std::mem::take(&mut *self.marked.lock().unwrap_or_else(PoisonError::into_inner));
        if marked.is_empty() {
            return Ok(());
        }
        self.flush()?;
        for id in marked {
            self.touched
                .remove(id.to_string())
                .map_err(|e| self.engine(e))?;
        }
        self.flush()
    }

    /// Closes as if the process had died after its writes: the marks stay, for the next
    /// opener to repair (sled still flushes on drop, so a stale entry the next opener
    /// must see is written with `force_index` first).
    #[cfg(test)]
    pub(super) fn die(self) {
        self.marked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// What an append does before its transaction: the journal created, the mark set.
    #[cfg(test)]
    pub(super) fn begin_write(&self, id: IncidentId) {
        let _ = self.journal(id, true);
        let _ = self.mark(id);
    }

    #[cfg(test)]
    pub(super) fn open_journals(&self) -> usize {
        self.journals
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Overwrites an index entry behind the journal's back, as a process that died
    /// between the two writes leaves it.
    #[cfg(test)]
    pub(super) fn force_index(&self, id: IncidentId, summary: &IncidentSummary) {
        let _ = self.index(id, summary);
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        // Errors here leave the marks in place: the next opener repairs the index.
        let _ = self.close();
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
            all.push(parse_summary(id, &value)?);
        }
        sort_for_list(&mut all);
        Ok(all)
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        self.incidents
            .get(id.to_string())
            .map_err(|e| self.engine(e))?
            .map(|raw| parse_summary(id, &raw))
            .transpose()
    }

    fn records(&self, id: IncidentId) -> Result<Vec<Vec<u8>>, StoreError> {
        match self.journal(id, false)? {
            Some(journal) => journal.records(),
            None => Ok(Vec::new()),
        }
    }

    fn events(&self, id: IncidentId) -> Result<Vec<Event>, StoreError> {
        if self.summary(id)?.is_none() {
            return Err(StoreError::UnknownIncident(id));
        }
        match self.journal(id, false)? {
            Some(journal) => journal.events(),
            None => Err(StoreError::Corrupt {
                id,
                detail: format!("its journal {} is missing", self.journal_path(id).display()),
            }),
        }
    }

    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let declares = matches!(
            batch.first().map(|e| &e.change),
            Some(crate::domain::Change::Declared(_))
        );
        let journal = match self.journal(id, declares)? {
            Some(journal) => journal,
            None => return Err(StoreError::UnknownIncident(id)),
        };
        self.mark(id)?;
        let mut current = self.summary(id)?;
        // The index entry is the journal's cache; after a crash it can lag behind. The
        // new events go after what the journal holds, never over it.
        if current.as_ref().map_or(0, |s| s.head.count) != journal.count()? {
            self.reindex(id)?;
            current = self.summary(id)?;
        }
        let planned = plan(id, current, batch)?;
        journal.write(planned.events.iter().map(|(e, r)| (e.id, r.as_slice())))?;
        self.index(id, &planned.summary)?;
        Ok(planned.events.into_iter().map(|(e, _)| e).collect())
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
        let Some(journal) = self.journal(id, true)? else {
            return Err(StoreError::UnknownIncident(id));
        };
        self.mark(id)?;
        if journal.count()? > 0 {
            // A journal the index had lost: index it, and refuse like any other.
            self.reindex(id)?;
            return Err(StoreError::ImportConflict(id));
        }
        journal.write(planned.events.iter().map(|(e, r)| (e.id, r.as_slice())))?;
        self.index(id, &planned.summary)?;
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
        self.flush()?;
        Ok(events)
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn reindex_unlisted(&self) -> Result<Vec<IncidentId>, StoreError> {
        let mut found = Vec::new();
        for id in self.journal_ids()? {
            if self.summary(id)?.is_some() {
                continue;
            }
            // A folder that does not open holds nothing acknowledged: a database whose
            // creation was cut short (`next_id` steps over it).
            let holds_events = self
                .journal(id, false)
                .ok()
                .flatten()
                .is_some_and(|j| j.count().is_ok_and(|n| n > 0));
            if holds_events {
                self.reindex(id)?;
                found.push(id);
            }
        }
        found.sort();
        Ok(found)
    }

    /// Also the ids that have a database but no index entry (a journal whose
    /// declaration was cut short, or one the index could not read): a new incident
    /// never lands on an old journal.
    fn taken_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        let mut ids: Vec<IncidentId> = self.list()?.into_iter().map(|s| s.id).collect();
        ids.extend(self.journal_ids()?);
        Ok(ids)
    }

    fn directory(&self) -> Option<&Path> {
        Some(&self.dir)
    }
}

fn parse_summary(id: IncidentId, raw: &[u8]) -> Result<IncidentSummary, StoreError> {
    serde_json::from_slice(raw).map_err(|e| StoreError::Corrupt {
        id,
        detail: format!("index entry does not parse: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database still held (here by another handle in this process, as a dropped
    /// one's threads hold it for a moment) is waited for, not reported broken.
    #[test]
    fn a_database_still_held_is_waited_for() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("db");
        let first = open_engine(&path).unwrap_or_else(|e| panic!("{e}"));
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            drop(first);
        });
        let second = open_engine(&path);
        assert!(second.is_ok(), "{:?}", second.err());
        release
            .join()
            .unwrap_or_else(|_| panic!("the releasing thread panicked"));
    }
}
