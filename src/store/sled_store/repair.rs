//! `warroom repair`: the index rebuilt from the journals when it is damaged (the
//! damaged one moved aside, not deleted), and each journal that no longer opens rebuilt
//! from its own records when every one of them can still be read and chains to the
//! head the index recorded. Nothing is ever deleted: what is replaced is kept beside
//! it as `<name>.damaged-<time>`.

use super::index::IndexDb;
use super::{INDEX, JOURNALS, SledStore, lock_mutex};
use crate::domain::IncidentId;
use crate::store::salvage::{Bad, Found};
use crate::store::{IoStep, Store, StoreError, check_private_dir, lock};
use std::path::{Path, PathBuf};

/// What a repair did.
#[derive(Debug, Default)]
pub struct Repaired {
    /// The damaged index, moved aside before the index was rebuilt.
    pub index_moved: Option<PathBuf>,
    /// Journals rebuilt from their records, with where the damaged one was kept, and
    /// how many events past the index's record of it were found.
    pub rebuilt: Vec<(IncidentId, PathBuf, u64)>,
    /// Journals accepted as they are, though shorter than their index entry.
    pub accepted: Vec<IncidentId>,
    /// Journals that could not be rebuilt, with the first event that cannot be trusted.
    pub unrepairable: Vec<(IncidentId, Option<Bad>)>,
    /// Incidents in the store, after the repair.
    pub incidents: usize,
}

/// The words of the note appended to an accepted journal, from the event count and head
/// hash its index entry recorded and the count it keeps: given by the caller, since the
/// store speaks no language of its own.
pub type AcceptedNote = fn(recorded: u64, hash: &str, kept: u64) -> String;

/// Which journals to take as they are, and how to word the note that says so.
pub struct Acceptance<'a> {
    pub ids: &'a [IncidentId],
    pub note: AcceptedNote,
}

/// Repairs the store in `dir` (see the module's comment), whose lock the caller holds.
/// The journals of `accept` are taken as they are (see [`accept_journal`]).
pub fn repair(
    dir: &Path,
    lock: lock::Lock,
    accept: &Acceptance,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Repaired, StoreError> {
    check_private_dir(dir)?;
    let mut repaired = Repaired::default();
    if let Err(why) = index_readable(dir) {
        tracing::warn!(error = %why, "the index is damaged: rebuilding it");
        repaired.index_moved = Some(move_aside(&dir.join(INDEX))?);
    }
    let store = SledStore::with(dir, Some(lock), None)?;
    for &id in accept.ids {
        accept_journal(&store, id, accept.note, now)?;
        repaired.accepted.push(id);
    }
    for id in store.journal_ids()? {
        let Err(e) = store.journal(id, false) else {
            store.verified(id)?;
            continue;
        };
        tracing::warn!(%id, error = %e, "a damaged journal");
        match rebuild_journal(&store, id)? {
            Ok((kept, past)) => repaired.rebuilt.push((id, kept, past)),
            Err(bad) => repaired.unrepairable.push((id, bad)),
        }
    }
    store.reindex_unlisted()?;
    repaired.incidents = store.list()?.len();
    Ok(repaired)
}

/// Whether the index opens and every entry of it reads.
fn index_readable(dir: &Path) -> Result<(), StoreError> {
    if !dir.join(INDEX).exists() {
        return Ok(());
    }
    let index = IndexDb::open(&dir.join(INDEX), dir)?;
    index.summaries()?;
    index.damaged()?;
    index.schema()?;
    index.marked().map(drop)
}

/// Renames `path` to `<path>.damaged-<time>` and makes the rename durable.
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let io = |cause| StoreError::Io {
        step: IoStep::MoveAside,
        path: path.to_path_buf(),
        cause,
    };
    std::fs::rename(path, &kept).map_err(io)?;
    if let Some(parent) = path.parent() {
        super::durable::sync_dir(parent).map_err(io)?;
    }
    Ok(kept)
}

/// Rebuilds the journal of `id` from the records its files (and those kept from
/// before a damaging open) still hold, if they are all there and chain through the head
/// the index recorded (with what follows it: the index may lag its journal). Returns
/// where the damaged one was kept and how many events were found past the index's
/// head; `Ok(Err(first bad event))` when the records do not make a whole journal.
fn rebuild_journal(
    store: &SledStore,
    id: IncidentId,
) -> Result<Result<(PathBuf, u64), Option<Bad>>, StoreError> {
    let folder = store.dir.join(JOURNALS).join(id.to_string());
    let mut found = Found::of(id);
    found.scan_folder(&folder);
    for kept in super::preimage::kept_folders(&folder) {
        found.scan_folder(&kept);
    }
    let head = store.summary(id)?.map(|s| s.head);
    let chain = found.chain(head.as_ref());
    let Some(records) = chain.records.clone() else {
        return Ok(Err(chain.first_bad()));
    };
    lock_mutex(&store.journals).retain(|(open, _)| *open != id);
    let kept = move_aside(&folder)?;
    let journal = store
        .journal_with(id, true, false)?
        .ok_or(StoreError::UnknownIncident(id))?;
    journal.write((1..).zip(records.iter().map(Vec::as_slice)))?;
    store.reindex_from(id, &journal)?;
    store.index()?.flush()?;
    store.verified(id)?;
    Ok(Ok((kept, chain.past_head)))
}

/// Takes the journal of `id` as it is, though it ends before the head its index entry
/// recorded (restored from a backup after the disk that held it failed, say): the entry
/// is set from the journal, and a note appended to it says what the entry had, so that
/// the journal itself keeps the trace of what it lost.
fn accept_journal(
    store: &SledStore,
    id: IncidentId,
    note: AcceptedNote,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let recorded = store
        .summary(id)?
        .ok_or(StoreError::UnknownIncident(id))?
        .head;
    lock_mutex(&store.journals).retain(|(open, _)| *open != id);
    store.reindex(id)?;
    let kept = store
        .summary(id)?
        .ok_or(StoreError::UnknownIncident(id))?
        .head;
    if kept == recorded {
        return Ok(());
    }
    let text = note(recorded.count, &recorded.hash, kept.count);
    let note = crate::store::NewEvent::new(
        now,
        "warroom repair",
        crate::domain::Change::NoteAdded { text },
    );
    store.append(id, &[note])?;
    store.verified(id)
}
