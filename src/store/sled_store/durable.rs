//! What makes a sled flush durable. sled 0.34 flushes its log with `sync_file_range`,
//! which writes the pages but commits neither the file's metadata (its size, when the
//! log grew) nor the drive's volatile cache, and it never syncs a directory or the
//! files of large values (`blobs/`). A flush survives a killed process, not a power
//! cut. So after each flush the store syncs, itself: new blob files and their folder
//! first, then the log file (`fdatasync`). Only then is a write reported saved.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The files of one sled database to sync after its flushes.
pub(super) struct Durable {
    log: File,
    blobs: PathBuf,
    /// Blob files already synced (sled never rewrites one: each is named by the log
    /// position of the value it holds), and when the folder last changed then: while
    /// it has not changed since, no new blob can be there (one `stat`, not a listing).
    synced: Mutex<(HashSet<OsString>, Option<std::time::SystemTime>)>,
    /// How many times the log was synced (tests count them).
    syncs: std::sync::atomic::AtomicU64,
}

impl Durable {
    /// For the database at `path`, which sled has opened (so its files exist).
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let log = File::open(path.join("db"))?;
        let blobs = path.join("blobs");
        // Not trusted yet (see `sync`): the first sync lists the folder.
        let synced = Mutex::new((blob_names(&blobs)?, None));
        Ok(Durable {
            log,
            blobs,
            synced,
            syncs: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Syncs what the last flush wrote: new blob files, their folder, then the log.
    pub fn sync(&self) -> std::io::Result<()> {
        self.syncs
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut guard = self.synced.lock().unwrap_or_else(PoisonError::into_inner);
        let (synced, seen) = &mut *guard;
        // A folder's time is coarse (a clock tick of a few milliseconds): a time proves
        // that nothing was added since it was seen only if it was well in the past when
        // it was seen (a file added in the same tick leaves it unchanged).
        let now = changed_at(&self.blobs);
        if now.is_some() && now == *seen {
            return self.log.sync_data();
        }
        let settled = now.is_some_and(|t| {
            t.elapsed()
                .is_ok_and(|age| age > std::time::Duration::from_secs(2))
        });
        *seen = if settled { now } else { None };
        let mut new = false;
        for name in blob_names(&self.blobs)? {
            if synced.contains(&name) {
                continue;
            }
            match File::open(self.blobs.join(&name)) {
                Ok(blob) => blob.sync_all()?,
                // Removed by sled meanwhile (its value was rewritten): nothing to keep.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            }
            synced.insert(name);
            new = true;
        }
        if new {
            sync_dir(&self.blobs)?;
        }
        self.log.sync_data()
    }
}

impl Durable {
    /// How many times the log was synced.
    #[cfg(test)]
    pub fn syncs(&self) -> u64 {
        self.syncs.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// When the folder's entries last changed, if it can be told.
fn changed_at(folder: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(folder).and_then(|m| m.modified()).ok()
}

fn blob_names(blobs: &Path) -> std::io::Result<HashSet<OsString>> {
    match std::fs::read_dir(blobs) {
        Ok(entries) => entries.map(|e| e.map(|e| e.file_name())).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(e) => Err(e),
    }
}

/// Makes the entries of `dir` (files created or renamed in it) durable.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// After sled created a database at `path` (and perhaps its parent folders up to
/// `top`): its files and every folder entry that leads to them made durable.
pub fn sync_created(path: &Path, top: &Path) -> std::io::Result<()> {
    for file in ["conf", "db"] {
        match File::open(path.join(file)) {
            Ok(f) => f.sync_all()?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    sync_dir(&path.join("blobs")).or_else(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    let mut dir = Some(path);
    while let Some(d) = dir {
        sync_dir(d)?;
        if d == top {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}
