//! Opening sled itself, and the two ways sled 0.34 fails to open a database that is in
//! fact fine: its lock still held by a handle being dropped, and a page-table snapshot
//! left unfinished by a kill.

use crate::store::StoreError;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// Databases whose handle broke in a failed write and was left open (see
/// `SledStore::forget`): sled's lock on them stays held in this process.
static ABANDONED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

pub(super) fn abandon(path: &Path) {
    ABANDONED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashSet::new)
        .insert(path.to_path_buf());
}

fn abandoned(path: &Path) -> bool {
    ABANDONED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .is_some_and(|set| set.contains(path))
}

/// Opens sled itself. We already hold `warroom.lock`, so if sled's own file lock is
/// still taken, the holder is a store this process just dropped whose I/O threads have
/// not finished yet: wait for them (bounded) instead of failing.
pub(super) fn open_engine(path: &Path) -> sled::Result<sled::Db> {
    if abandoned(path) {
        return Err(sled::Error::Io(std::io::Error::other(Unreopenable)));
    }
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

/// The mark of the error [`open_engine`] gives for a database abandoned in this
/// process, made [`StoreError::Unreopenable`] by [`engine_error`].
#[derive(Debug, thiserror::Error)]
#[error("a write to this database failed and sled cannot open it again in this process")]
struct Unreopenable;

/// An engine error of the database at `path`, not damaged data (each database says
/// that its own way).
pub(super) fn engine_error(path: &Path, cause: sled::Error) -> StoreError {
    match cause {
        sled::Error::Io(e) if e.get_ref().is_some_and(|r| r.is::<Unreopenable>()) => {
            StoreError::Unreopenable {
                dir: path.to_path_buf(),
            }
        }
        cause => StoreError::Engine {
            dir: path.to_path_buf(),
            cause,
        },
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
pub(super) fn is_sled_lock_taken(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock
        || (e.kind() == std::io::ErrorKind::Other
            && e.to_string().starts_with("could not acquire lock"))
}
