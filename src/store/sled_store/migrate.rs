//! From schema 1 (every journal a `journal/<id>` tree of the one database) to schema 2
//! (a database per incident). Each journal is copied and flushed, then the version is
//! written, then the old trees are dropped: interrupted anywhere, the next open either
//! redoes the copy (still version 1) or finishes the clean-up (version 2).

use super::{SCHEMA_KEY, SCHEMA_VERSION, SledStore, StoreError};
use crate::domain::IncidentId;

const OLD_PREFIX: &[u8] = b"journal/";

fn old_journals(store: &SledStore) -> Vec<(sled::IVec, IncidentId)> {
    store
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

pub(super) fn from_single_database(store: &SledStore) -> Result<(), StoreError> {
    for (name, id) in old_journals(store) {
        // Version 1 created an empty tree when an unknown incident was read: nothing to
        // carry over without an index entry.
        let indexed = store
            .incidents
            .get(id.to_string())
            .map_err(|e| store.engine(e))?;
        if indexed.is_none() {
            continue;
        }
        let tree = store.db.open_tree(&name).map_err(|e| store.engine(e))?;
        let records = tree
            .iter()
            .values()
            .map(|v| v.map(|v| v.to_vec()).map_err(|e| store.engine(e)))
            .collect::<Result<Vec<_>, _>>()?;
        // Still version 1: the old tree is the truth. A copy left by an interrupted
        // attempt is removed rather than reopened, as it may be the one damaged.
        store.remove_journal(id)?;
        if let Some(journal) = store.journal(id, true)? {
            journal.write((1..).zip(records.iter().map(Vec::as_slice)))?;
        }
    }
    store
        .meta
        .insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
        .map_err(|e| store.engine(e))?;
    store.flush()
}

/// Drops the version-1 journal trees once their copies are in place.
pub(super) fn drop_old_journals(store: &SledStore) -> Result<(), StoreError> {
    let old = old_journals(store);
    if old.is_empty() {
        return Ok(());
    }
    for (name, _) in old {
        store.db.drop_tree(&name).map_err(|e| store.engine(e))?;
    }
    store.flush()
}
