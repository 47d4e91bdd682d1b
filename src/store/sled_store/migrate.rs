//! Older layouts brought to this one, at open. Schema 1 had every journal as a
//! `journal/<id>` tree of the one database; schema 2 a database per incident but the
//! contacts' journal (`directory` tree, its head in `meta`) inside the index. Each step
//! copies into fresh databases and syncs them, then the caller writes the version, then
//! the old trees are dropped: interrupted anywhere, the next open either redoes the
//! copy (the version is still the old one) or finishes the clean-up.

use super::index::IndexDb;
use super::journal::{JournalDb, Of};
use super::{CONTACTS, IoStep, SledStore, StoreError};
use crate::domain::IncidentId;

const OLD_PREFIX: &[u8] = b"journal/";
/// Schema 2's contacts journal, and its head in `meta`.
const OLD_DIRECTORY: &str = "directory";
const OLD_DIRECTORY_HEAD: &[u8] = b"directory_head";

fn old_journals(index: &IndexDb) -> Vec<(sled::IVec, IncidentId)> {
    index
        .db
        .tree_names()
        .into_iter()
        .filter_map(|name| {
            let id = name
                .strip_prefix(OLD_PREFIX)
                .and_then(|id| std::str::from_utf8(id).ok())
                .and_then(|id| id.parse().ok())?;
            Some((name, id))
        })
        .collect()
}

fn tree_records(index: &IndexDb, name: &[u8]) -> Result<Vec<Vec<u8>>, StoreError> {
    let tree = index.db.open_tree(name).map_err(|e| index.engine(e))?;
    tree.iter()
        .values()
        .map(|v| v.map(|v| v.to_vec()).map_err(|e| index.engine(e)))
        .collect()
}

/// Schema 1 → 2: each journal tree copied into its own database.
pub(super) fn from_single_database(store: &SledStore, index: &IndexDb) -> Result<(), StoreError> {
    for (name, id) in old_journals(index) {
        // Version 1 created an empty tree when an unknown incident was read: nothing to
        // carry over without an index entry.
        if index.summary(id)?.is_none() {
            continue;
        }
        let records = tree_records(index, &name)?;
        // Still the old version: the old tree is the truth. A copy left by an
        // interrupted attempt is removed rather than reopened, as it may be damaged.
        store.remove_journal(id)?;
        if let Some(journal) = store.journal_with(id, true, false)? {
            journal.write((1..).zip(records.iter().map(Vec::as_slice)))?;
        }
    }
    Ok(())
}

/// Schema 2 → 3: the contacts' journal out of the index, into `contacts/`, which is not
/// a cache and must survive the index being thrown away.
pub(super) fn contacts_to_their_journal(
    store: &SledStore,
    index: &IndexDb,
) -> Result<(), StoreError> {
    let names = index.db.tree_names();
    if !names.iter().any(|n| n.as_ref() == OLD_DIRECTORY.as_bytes()) {
        return Ok(());
    }
    let records = tree_records(index, OLD_DIRECTORY.as_bytes())?;
    let path = store.dir.join(CONTACTS);
    match std::fs::remove_dir_all(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(cause) => {
            return Err(StoreError::Io {
                step: IoStep::Remove,
                path,
                cause,
            });
        }
    }
    *super::lock_mutex(&store.contacts) = None;
    if records.is_empty() {
        return Ok(());
    }
    let contacts = JournalDb::open(Of::Contacts, &path, &store.dir)?;
    contacts.write((1..).zip(records.iter().map(Vec::as_slice)))
}

/// Drops what older layouts left once their copies are in place.
pub(super) fn drop_old_trees(index: &IndexDb) -> Result<(), StoreError> {
    let mut dropped = false;
    for (name, _) in old_journals(index) {
        index.db.drop_tree(&name).map_err(|e| index.engine(e))?;
        dropped = true;
    }
    if index
        .db
        .drop_tree(OLD_DIRECTORY)
        .map_err(|e| index.engine(e))?
    {
        dropped = true;
    }
    if index
        .meta
        .remove(OLD_DIRECTORY_HEAD)
        .map_err(|e| index.engine(e))?
        .is_some()
    {
        dropped = true;
    }
    if dropped { index.flush() } else { Ok(()) }
}
