//! The sled store: one database per journal plus a small index, in the data directory,
//! guarded by a lock file so that exactly one process owns it.
//!
//! - `journals/<id>/`: one incident's journal (see [`journal`]), the truth for it;
//! - `contacts/`: the contact directory's journal (contacts added or edited);
//! - `db/`: the index (see [`index`]), a cache rebuilt from the journals when lost or
//!   damaged (`warroom repair`).
//!
//! Why one database per journal: sled reads its whole log when it opens, so one
//! database for everything made every command slower as the store grew (90 ms with
//! 1,000 incidents of 1,000 events against 30 ms with one). Now a command opens the
//! index and only the journals it reads. Why the contacts have their own: the index is
//! a cache that may be thrown away; nothing that cannot be rebuilt may live in it.
//!
//! Every write is flushed and then synced ([`durable`]); a handle whose write failed is
//! dropped and reopened at the next use (sled keeps a failed write in memory and its
//! error for good). A journal is checked when opened: it must declare the incident its
//! folder names, and end where the index says it ends, or further (a process that died
//! between the two writes); one that ends earlier or elsewhere (restored from an older
//! copy, damaged) is refused and reported, its files kept as they were ([`preimage`]).

mod durable;
mod engine;
mod index;
mod journal;
mod migrate;
mod preimage;
mod read_only;
pub mod repair;
mod space;
mod write;

use super::append::{NewEvent, plan_directory, plan_import};
use super::lock::{self, Lock};
use super::{
    IoStep, Problem, Store, StoreError, check_private_dir, create_private_dir, sort_for_list,
};
use crate::domain::{Event, IncidentId, IncidentSummary, record_hash};
use index::IndexDb;
use journal::{JournalDb, Of};
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use write::Broken;

pub use preimage::kept_folders;
pub use read_only::only_readable;

/// Version of the on-disk layout this build writes and reads. 1: one database with a
/// `journal/<id>` tree per incident; 2: one database per incident; 3: the contacts'
/// journal in its own database instead of the index; 4: events may say when they
/// happened (`occurred_at`), which older builds cannot read (nothing to migrate: an
/// event without it happened when it was written); 5: a retraction undoes its event and
/// the index's summaries keep what they need to undo one (each is recomputed from its
/// journal; the journals are not touched).
pub const SCHEMA_VERSION: u32 = 5;
const INDEX: &str = "db";
const JOURNALS: &str = "journals";
const CONTACTS: &str = "contacts";
/// Incident databases kept open at once. Each holds file handles and a page cache, so
/// a command that reads every incident (`verify`, the migration) or a dashboard that
/// browses many must not keep them all: the least recently used is closed.
const OPEN_JOURNALS: usize = 8;

pub struct SledStore {
    dir: PathBuf,
    index: Mutex<Option<Arc<IndexDb>>>,
    contacts: Mutex<Option<Arc<JournalDb>>>,
    /// Incidents this process may have written and not yet re-indexed on disk. A mark
    /// in the index, flushed *before* the first write, tells the next opener which
    /// entries to check against their journal if this process dies first.
    marked: Mutex<HashSet<IncidentId>>,
    /// The incident databases last used, most recent first (at most [`OPEN_JOURNALS`]).
    journals: Mutex<VecDeque<(IncidentId, Arc<JournalDb>)>>,
    /// Every incident database still open, whether listed above or held by a caller.
    in_use: Mutex<std::collections::HashMap<IncidentId, std::sync::Weak<JournalDb>>>,
    /// Held for the life of the store: the OS releases it if the process dies. A
    /// read-only store on a medium where no lock file can be made has none.
    _lock: Option<Lock>,
    /// Set when the store can only be read: why, and the private copy it is read from.
    /// Last, so that the copy is removed after the databases in it are closed.
    read_only: Option<(std::io::ErrorKind, read_only::Copy)>,
}

fn lock_mutex<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SledStore {
    /// Opens (creating if needed) the store in `dir`. Fails with [`StoreError::Locked`]
    /// if another process holds it, [`StoreError::Unsafe`] if other users can reach it.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        create_private_dir(dir)?;
        check_private_dir(dir)?;
        let lock = lock::try_take(dir)?;
        Self::with(dir, Some(lock), None)
    }

    /// Opens the store in `dir`, whose lock this process has just taken (see
    /// `access`, which waits for it).
    pub fn open_locked(dir: &Path, lock: Lock) -> Result<Self, StoreError> {
        check_private_dir(dir)?;
        Self::with(dir, Some(lock), None)
    }

    /// Opens the store in `dir` to read it only, from a private copy of its databases
    /// (see [`read_only`]): for a read-only medium or a full disk. `why` is said when a
    /// write is attempted.
    pub fn open_read_only(dir: &Path, why: std::io::ErrorKind) -> Result<Self, StoreError> {
        if !dir.join(INDEX).is_dir() && !dir.join(JOURNALS).is_dir() {
            return Err(StoreError::Io {
                step: IoStep::NoStore,
                path: dir.to_path_buf(),
                cause: std::io::ErrorKind::NotFound.into(),
            });
        }
        check_private_dir(dir)?;
        // The lock when it can be had, so that no writer changes files being copied.
        let lock = match lock::try_take_existing(dir) {
            Ok(lock) => lock,
            Err(e @ StoreError::Locked { .. }) => return Err(e),
            Err(_) => None,
        };
        let copy = read_only::Copy::new().map_err(|cause| StoreError::Io {
            step: IoStep::MakePrivateCopy,
            path: dir.to_path_buf(),
            cause,
        })?;
        Self::with(dir, lock, Some((why, copy)))
    }

    fn with(
        dir: &Path,
        lock: Option<Lock>,
        read_only: Option<(std::io::ErrorKind, read_only::Copy)>,
    ) -> Result<Self, StoreError> {
        let store = SledStore {
            dir: dir.to_path_buf(),
            index: Mutex::default(),
            contacts: Mutex::default(),
            marked: Mutex::default(),
            journals: Mutex::default(),
            in_use: Mutex::default(),
            _lock: lock,
            read_only,
        };
        store.check_schema()?;
        store.reindex_touched()?;
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Why the store can only be read (the kind of the error that made it so), if it
    /// can only be read.
    pub fn read_only(&self) -> Option<std::io::ErrorKind> {
        self.read_only.as_ref().map(|(why, _)| *why)
    }

    fn writable(&self) -> Result<(), StoreError> {
        match &self.read_only {
            None => Ok(()),
            Some((why, _)) => Err(StoreError::ReadOnly {
                dir: self.dir.clone(),
                why: *why,
            }),
        }
    }

    /// Where the database `relative` is opened: in the store, or in the private copy
    /// of a read-only store (copied now; `None` if the store has no such database).
    fn place(&self, relative: &Path) -> Result<Option<PathBuf>, StoreError> {
        match &self.read_only {
            None => Ok(Some(self.dir.join(relative))),
            Some((_, copy)) => copy
                .place(&self.dir, relative)
                .map_err(|cause| StoreError::Io {
                    step: IoStep::Copy,
                    path: self.dir.join(relative),
                    cause,
                }),
        }
    }

    /// The folder new databases are created in, and synced up to.
    fn top(&self) -> PathBuf {
        match &self.read_only {
            None => self.dir.clone(),
            Some((_, copy)) => copy.root().to_path_buf(),
        }
    }

    fn index(&self) -> Result<Arc<IndexDb>, StoreError> {
        let mut slot = lock_mutex(&self.index);
        if let Some(index) = &*slot {
            return Ok(Arc::clone(index));
        }
        let path = self
            .place(Path::new(INDEX))?
            .unwrap_or_else(|| self.top().join(INDEX));
        let index = Arc::new(IndexDb::open(&path, &self.top())?);
        *slot = Some(Arc::clone(&index));
        Ok(index)
    }

    fn contacts(&self) -> Result<Arc<JournalDb>, StoreError> {
        let mut slot = lock_mutex(&self.contacts);
        if let Some(contacts) = &*slot {
            return Ok(Arc::clone(contacts));
        }
        let path = self
            .place(Path::new(CONTACTS))?
            .unwrap_or_else(|| self.top().join(CONTACTS));
        let mut contacts = JournalDb::open(Of::Contacts, &path, &self.top())?;
        contacts.sound();
        let contacts = Arc::new(contacts);
        *slot = Some(Arc::clone(&contacts));
        Ok(contacts)
    }

    /// After a failed write: the handles it used are dropped (sled keeps the failed
    /// write in memory and its error for good), and reopened at their next use.
    ///
    /// A broken handle is never dropped: sled's drop flushes, and after a failed flush
    /// that waits forever. It is left open (a few file handles and threads) and its
    /// database marked abandoned: this process cannot open it again (sled's lock is
    /// still held), which says so at once instead of waiting for the lock.
    fn forget(&self, broken: Broken) {
        let handle: (PathBuf, Box<dyn std::any::Any>) = match broken {
            Broken::Index => match lock_mutex(&self.index).take() {
                Some(index) => (index.path().to_path_buf(), Box::new(index)),
                None => return,
            },
            Broken::Contacts => match lock_mutex(&self.contacts).take() {
                Some(contacts) => (contacts.path().to_path_buf(), Box::new(contacts)),
                None => return,
            },
            Broken::Journal(id) => {
                let mut open = lock_mutex(&self.journals);
                open.retain(|(open_id, _)| *open_id != id);
                match lock_mutex(&self.in_use)
                    .remove(&id)
                    .and_then(|w| w.upgrade())
                {
                    Some(db) => (db.path().to_path_buf(), Box::new(db)),
                    None => return,
                }
            }
        };
        engine::abandon(&handle.0);
        std::mem::forget(handle.1);
    }

    fn check_schema(&self) -> Result<(), StoreError> {
        let index = self.index()?;
        match index.schema()? {
            Some(found) if found > SCHEMA_VERSION => Err(StoreError::SchemaTooNew {
                dir: self.dir.clone(),
                found,
                supported: SCHEMA_VERSION,
            }),
            Some(found) => {
                // Each step is redone whole until the version is written after it.
                if found < 2 {
                    migrate::from_single_database(self, &index)?;
                }
                if found < 3 {
                    migrate::contacts_to_their_journal(self, &index)?;
                }
                if found < 5 {
                    for id in self.journal_ids()? {
                        self.reindex(id)?;
                    }
                    index.flush()?;
                }
                if found < SCHEMA_VERSION {
                    index.set_schema(SCHEMA_VERSION)?;
                    index.flush()?;
                }
                // Left by a migration interrupted after its version was written.
                migrate::drop_old_trees(&index)
            }
            None => {
                // A new index, perhaps beside existing journals: `db/` was lost or
                // removed. The version is written only once the index is complete and
                // on disk: a rebuild cut short is redone at the next open.
                let ids = self.journal_ids()?;
                for &id in &ids {
                    if let Err(e) = self.reindex(id) {
                        tracing::warn!(%id, error = %e, "cannot index this incident");
                    }
                }
                index.set_created(!ids.is_empty())?;
                index.flush()?;
                index.set_schema(SCHEMA_VERSION)?;
                index.flush()
            }
        }
    }

    fn journal_path(&self, id: IncidentId) -> PathBuf {
        self.dir.join(JOURNALS).join(id.to_string())
    }

    /// The incident's database, opened once and checked (see the module's comment);
    /// `None` if it was never created and `create` is false (reading an unknown
    /// incident creates nothing on disk).
    fn journal(&self, id: IncidentId, create: bool) -> Result<Option<Arc<JournalDb>>, StoreError> {
        self.journal_with(id, create, true)
    }

    /// [`journal`](Self::journal), with the check against the index entry or not (a
    /// re-index replaces that entry: it must not be checked against it).
    fn journal_with(
        &self,
        id: IncidentId,
        create: bool,
        against_index: bool,
    ) -> Result<Option<Arc<JournalDb>>, StoreError> {
        let mut open = lock_mutex(&self.journals);
        if let Some(at) = open.iter().position(|(open_id, _)| *open_id == id) {
            // Most recently used first.
            open.make_contiguous()[..=at].rotate_right(1);
            return Ok(open.front().map(|(_, db)| Arc::clone(db)));
        }
        // Closed by the list but still in use (a group of writes, a reader): the same
        // handle, for sled cannot open a database twice in one process.
        if let Some(db) = lock_mutex(&self.in_use)
            .get(&id)
            .and_then(std::sync::Weak::upgrade)
        {
            open.truncate(OPEN_JOURNALS - 1);
            open.push_front((id, Arc::clone(&db)));
            return Ok(Some(db));
        }
        let relative = Path::new(JOURNALS).join(id.to_string());
        let path = match self.place(&relative)? {
            Some(path) if path.exists() => path,
            _ if !create => return Ok(None),
            _ => {
                self.writable()?;
                create_private_dir(&self.dir.join(JOURNALS))?;
                self.dir.join(&relative)
            }
        };
        // Close the least recently used first: it may be this very path's old handle.
        open.truncate(OPEN_JOURNALS - 1);
        let mut db = match JournalDb::open(Of::Incident(id), &path, &self.top()) {
            Ok(db) => db,
            Err(e) => {
                self.note_damage(id, &e);
                return Err(e);
            }
        };
        let checked = db.check_declares().and_then(|()| {
            if against_index {
                self.agree(id, &db)
            } else {
                Ok(())
            }
        });
        if let Err(e) = checked {
            // Its files as they were are kept only when it is damaged, not for an error
            // of this process (the index could not be read, say).
            if matches!(e, StoreError::Corrupt { .. }) {
                db.damaged();
            }
            self.note_damage(id, &e);
            return Err(e);
        }
        db.sound();
        let db = Arc::new(db);
        let mut in_use = lock_mutex(&self.in_use);
        in_use.retain(|_, weak| weak.strong_count() > 0);
        in_use.insert(id, Arc::downgrade(&db));
        open.push_front((id, Arc::clone(&db)));
        Ok(Some(db))
    }

    /// Records in the index that `id` is damaged, when `e` says so (best effort: the
    /// error itself is what the caller reports).
    fn note_damage(&self, id: IncidentId, e: &StoreError) {
        if let StoreError::Corrupt { problem, .. } = e
            && self.read_only.is_none()
            && let Err(why) = self
                .index()
                .and_then(|index| index.record_damage(id, &problem.to_string()))
        {
            tracing::warn!(%id, error = %why, "cannot record the damage in the index");
        }
    }

    /// Checks the journal against the index entry of `id`: the same head, or a journal
    /// that went further than its entry (a process died between the two writes; the
    /// entry is then brought in line). A journal that ends earlier, or elsewhere, than
    /// its entry recorded is refused: it was restored from an older copy, replaced, or
    /// damaged.
    fn agree(&self, id: IncidentId, journal: &JournalDb) -> Result<(), StoreError> {
        let index = self.index()?;
        let Some(indexed) = index.summary(id)? else {
            return Ok(());
        };
        let head = journal.head()?;
        let recorded = &indexed.head;
        if head == *recorded {
            return Ok(());
        }
        let short = |h: &str| h.chars().take(12).collect::<String>();
        if head.count > recorded.count {
            let at = journal.record(recorded.count)?;
            if at.as_deref().map(record_hash).as_deref() == Some(recorded.hash.as_str()) {
                return self.reindex_from(id, journal);
            }
        }
        let problem = if head.count < recorded.count {
            Problem::JournalShort {
                holds: head.count,
                recorded: recorded.count,
                hash: short(&recorded.hash),
            }
        } else {
            Problem::JournalReplaced {
                recorded: recorded.count,
                hash: short(&recorded.hash),
            }
        };
        Err(StoreError::Corrupt { id, problem })
    }

    /// The incidents that have a database under `journals/`, whatever the index says.
    fn journal_ids(&self) -> Result<Vec<IncidentId>, StoreError> {
        let path = self.dir.join(JOURNALS);
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(StoreError::Io {
                    step: IoStep::Read,
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
        lock_mutex(&self.journals).retain(|(open_id, _)| *open_id != id);
        let path = self.journal_path(id);
        match std::fs::remove_dir_all(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(cause) => Err(StoreError::Io {
                step: IoStep::Remove,
                path,
                cause,
            }),
        }
    }

    /// Marks `id` as possibly ahead of the index, durably, before its first write by
    /// this process.
    fn mark(&self, index: &IndexDb, id: IncidentId) -> Result<(), StoreError> {
        let mut marked = lock_mutex(&self.marked);
        if marked.contains(&id) {
            return Ok(());
        }
        index.mark(id)?;
        marked.insert(id);
        Ok(())
    }

    /// After a process died between a write and its index update: brings the index
    /// entries it marked in line with their journals, then clears the marks.
    fn reindex_touched(&self) -> Result<(), StoreError> {
        let index = self.index()?;
        let mut repaired = false;
        for id in index.marked()? {
            // One damaged incident must not lock the others out: its mark stays, and
            // reading it reports the damage. The journal must reach the head its entry
            // recorded (or go past it, linked to it): one that sled's recovery cut
            // short is damage, not a crash to repair.
            let brought = self.journal(id, false).and_then(|journal| match journal {
                Some(journal) => self.reindex_from(id, &journal),
                None => index.remove_summary(id),
            });
            if let Err(e) = brought {
                tracing::warn!(%id, error = %e, "cannot bring the index in line with this journal");
                continue;
            }
            index.unmark(id)?;
            repaired = true;
        }
        if repaired { index.flush() } else { Ok(()) }
    }

    /// Sets the index entry of `id` from its own database's summary; removes it if the
    /// declaration never landed. Nothing to do if it has no database.
    fn reindex(&self, id: IncidentId) -> Result<(), StoreError> {
        // Not checked against the entry it replaces.
        match self.journal_with(id, false, false)? {
            Some(journal) => self.reindex_from(id, &journal),
            None => Ok(()),
        }
    }

    fn reindex_from(&self, id: IncidentId, journal: &JournalDb) -> Result<(), StoreError> {
        let index = self.index()?;
        match journal.summary()? {
            Some(summary) => index.set_summary(id, &summary),
            None => index.remove_summary(id),
        }
    }

    /// The index made durable, then the marks cleared: what a clean close does (and
    /// drop does too). Writing again afterwards is safe: it marks again.
    pub fn close(&self) -> Result<(), StoreError> {
        let marked = std::mem::take(&mut *lock_mutex(&self.marked));
        if marked.is_empty() {
            return Ok(());
        }
        let index = self.index()?;
        // One flush for both: sled's log recovers as a prefix, and the marks are
        // removed after the index entries were written, so no recovered state has a
        // mark gone and its entry stale.
        for id in marked {
            index.unmark(id)?;
        }
        index.flush()
    }

    /// Closes as if the process had died after its writes: the marks stay, for the next
    /// opener to repair (sled still flushes on drop, so a stale entry the next opener
    /// must see is written with `force_index` first).
    #[cfg(test)]
    pub(super) fn die(self) {
        lock_mutex(&self.marked).clear();
    }

    /// What an append does before its transaction: the journal created, the mark set.
    #[cfg(test)]
    pub(super) fn begin_write(&self, id: IncidentId) {
        let _ = self.journal(id, true);
        if let Ok(index) = self.index() {
            let _ = self.mark(&index, id);
        }
    }

    /// How many times the journal of `id` was synced since it was opened.
    #[cfg(test)]
    pub(super) fn journal_syncs(&self, id: IncidentId) -> u64 {
        self.journal(id, false)
            .ok()
            .flatten()
            .map_or(0, |j| j.syncs())
    }

    #[cfg(test)]
    pub(super) fn open_journals(&self) -> usize {
        lock_mutex(&self.journals).len()
    }

    /// Overwrites an index entry behind the journal's back, as a process that died
    /// between the two writes leaves it.
    #[cfg(test)]
    pub(super) fn force_index(&self, id: IncidentId, summary: &IncidentSummary) {
        if let Ok(index) = self.index() {
            let _ = index.set_summary(id, summary);
        }
    }

    /// Writes a schema version, to test what an older or newer store does.
    #[cfg(test)]
    pub(super) fn force_schema_version(&self, version: u32) -> Result<(), StoreError> {
        let index = self.index()?;
        index.set_schema(version)?;
        index.flush()
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
        let mut all = self.index()?.summaries()?;
        sort_for_list(&mut all);
        Ok(all)
    }

    fn summary(&self, id: IncidentId) -> Result<Option<IncidentSummary>, StoreError> {
        self.index()?.summary(id)
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
                problem: Problem::JournalMissing {
                    path: self.journal_path(id),
                },
            }),
        }
    }

    /// Read from where the reader left off: the journal's keys are the event numbers.
    fn events_after(&self, id: IncidentId, seen: u64) -> Result<Vec<Event>, StoreError> {
        if self.summary(id)?.is_none() {
            return Err(StoreError::UnknownIncident(id));
        }
        match self.journal(id, false)? {
            Some(journal) => journal.events_after(seen),
            None => Err(StoreError::Corrupt {
                id,
                problem: Problem::JournalMissing {
                    path: self.journal_path(id),
                },
            }),
        }
    }

    fn append(&self, id: IncidentId, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        let batches = [(id, batch.to_vec())];
        self.write_all(&batches)
            .pop()
            .unwrap_or(Err(StoreError::Rejected {
                id,
                problem: Problem::NothingToAppend,
            }))
    }

    fn append_all(
        &self,
        batches: &[(IncidentId, Vec<NewEvent>)],
    ) -> Vec<Result<Vec<Event>, StoreError>> {
        self.write_all(batches)
    }

    fn import(&self, id: IncidentId, records: &[Vec<u8>]) -> Result<bool, StoreError> {
        self.writable()?;
        let planned = plan_import(id, records)?;
        if self.summary(id)?.is_some() {
            return if self.records(id)? == records {
                Ok(false)
            } else {
                Err(StoreError::ImportConflict(id))
            };
        }
        space::room_for(&self.dir, records.iter().map(Vec::len).sum())?;
        let Some(journal) = self.journal(id, true)? else {
            return Err(StoreError::UnknownIncident(id));
        };
        let index = self.index()?;
        self.on(Broken::Index, self.mark(&index, id))?;
        if journal.count()? > 0 {
            // A journal the index had lost: index it, and refuse like any other.
            self.reindex_from(id, &journal)?;
            return Err(StoreError::ImportConflict(id));
        }
        let broken = Broken::Journal(id);
        self.on(
            broken,
            journal.stage(planned.events.iter().map(|(e, r)| (e.id, r.as_slice()))),
        )?;
        self.on(broken, journal.commit())?;
        self.on(Broken::Index, index.set_summary(id, &planned.summary))?;
        Ok(true)
    }

    fn directory_records(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.contacts()?.records()
    }

    fn directory_events(&self) -> Result<Vec<Event>, StoreError> {
        self.contacts()?.events()
    }

    fn append_directory(&self, batch: &[NewEvent]) -> Result<Vec<Event>, StoreError> {
        self.writable()?;
        let contacts = self.contacts()?;
        let head = contacts.head()?;
        let head = (head.count > 0).then_some(head);
        let (events, _) = plan_directory(head, batch)?;
        space::room_for(&self.dir, events.iter().map(|(_, r)| r.len()).sum())?;
        let records = events.iter().map(|(e, r)| (e.id, r.as_slice()));
        self.on(Broken::Contacts, contacts.stage(records))?;
        self.on(Broken::Contacts, contacts.commit())?;
        Ok(events.into_iter().map(|(e, _)| e).collect())
    }

    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn reindex_unlisted(&self) -> Result<Vec<IncidentId>, StoreError> {
        let mut found = Vec::new();
        let index = self.index()?;
        for id in self.journal_ids()? {
            if index.summary(id)?.is_some() {
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
        if !found.is_empty() && self.read_only.is_none() {
            index.flush()?;
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

    fn damaged(&self) -> Result<Vec<(IncidentId, String)>, StoreError> {
        self.index()?.damaged()
    }

    fn index_rebuilt_at(&self) -> Result<Option<String>, StoreError> {
        self.index()?.rebuilt_at()
    }

    fn verified(&self, id: IncidentId) -> Result<(), StoreError> {
        if self.read_only.is_some() {
            return Ok(());
        }
        self.index()?.clear_damage(id)
    }

    fn directory(&self) -> Option<&Path> {
        Some(&self.dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database still held (here by another handle in this process, as a dropped
    /// one's threads hold it for a moment) is waited for, not reported broken.
    #[test]
    fn a_database_still_held_is_waited_for() {
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("db");
        let first = engine::open_engine(&path).unwrap_or_else(|e| panic!("{e}"));
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            drop(first);
        });
        let second = engine::open_engine(&path);
        assert!(second.is_ok(), "{:?}", second.err());
        release
            .join()
            .unwrap_or_else(|_| panic!("the releasing thread panicked"));
    }
}
